"""Reading real cells (issue 9, item 2): satuan words, rates and compounds, unknown words that
never raise, placeholders, spreadsheet errors, bounds and ranges, ratings through scales, two
quantities and money typos, the check rules unknown-unit / placeholder / spreadsheet-error, the
plan's units: section and ``--units FILE``. The tables of docs/values.md, docs/units.md,
docs/achievement.md and docs/scales.md are checked row by row; other values are worked out by
hand in the comments."""

import json
import os
import pickle
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"


def table_rows(doc, heading):
    """The rows of the first table after ``heading`` in a docs file, as lists of cells."""
    text = (DOCS / doc).read_text(encoding="utf-8")
    start = text.index(heading)
    rows = []
    for line in text[start:].splitlines()[1:]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        elif rows:
            break
    return rows[1:]  # without the header


def code(cell):
    """The first `code` span of a cell."""
    m = re.search(r"`([^`]*)`", cell)
    return m.group(1) if m else cell


# --------------------------------------------------------------------------- values.md


def test_the_bounds_and_ranges_table_of_values_md():
    rows = table_rows("values.md", "## Bounds and ranges")
    assert len(rows) == 10
    for printed, kind, relation, number, upper, bounded, unit in rows:
        v = kinerja.parse_value(code(printed))
        assert v.kind == kind, printed
        assert (v.relation or "") == code(relation), printed
        assert v.number == float(number), printed
        assert v.upper == (float(upper) if upper else None), printed
        assert v.bounded == bounded, printed
        assert (v.unit or "") == code(unit), printed


def test_the_placeholder_table_of_values_md():
    rows = table_rows("values.md", "## Placeholders and spreadsheet errors")
    assert [r[1].split()[0] for r in rows] == ["`missing`", "`placeholder`", "`spreadsheet_error`"]
    for printed, kind in rows:
        want = code(kind)
        for word in re.findall(r"`([^`]*)`", printed):
            assert kinerja.parse_value(word).kind == want, word
            assert kinerja.parse_value(word).is_missing
    # blank is missing too; three or more # a spreadsheet error
    assert kinerja.parse_value("").kind == "missing"
    assert kinerja.parse_value("#######").kind == "spreadsheet_error"


def test_values_keep_unknown_unit_words():
    # issue 9: "12 Gajah" used to raise kinerja.parse.unit
    v = kinerja.parse_value("12 Gajah")
    assert (v.kind, v.number, v.unit) == ("count", 12.0, "Gajah")
    # counts group thousands: 2.850 rang is 2850
    assert kinerja.parse_value("2.850 rang").number == 2850.0
    assert kinerja.parse_value("12", "Furlong").unit == "Furlong"


def test_audit_achievement_answers_for_any_unit_text():
    # raised kinerja.lookup.context before issue 9; 6 / 5 = 120 %
    r = kinerja.audit_achievement("5", "6", "120%", unit="Jenis")
    assert r.consistent is True
    # 50 and 60 stand for 49.5..50.5 and 59.5..60.5: 117.8..122.2 %, so 110 % does not follow
    r = kinerja.audit_achievement("50", "60", "110%", unit="Bogus Satuan")
    assert r.consistent is False
    assert r.expected == 120.0


def test_two_quantities_and_money_typos_are_named():
    with pytest.raises(kinerja.ParseError) as two:
        kinerja.parse_value("1 Dokumen 2900 orang")
    assert two.value.id == "kinerja.parse.two_quantities"
    assert two.value.column == 11
    with pytest.raises(kinerja.ParseError) as typo:
        kinerja.parse_value("2.100.000.00O", "Rupiah")
    assert typo.value.id == "kinerja.parse.money_typo"
    assert typo.value.column == 13
    assert "money typo" in str(typo.value)
    assert "unit_registry" not in str(typo.value) and "register_unit" not in str(typo.value)


def test_bound_values_pickle_and_format():
    v = kinerja.parse_value("> 90%")
    assert pickle.loads(pickle.dumps(v)) == v
    assert kinerja.format_value(v) == "> 90%"
    r = kinerja.parse_value("80 - 85%")
    assert pickle.loads(pickle.dumps(r)).upper == 85.0
    assert kinerja.format_value(r) == "80 - 85%"


# --------------------------------------------------------------------------- achievement.md


def test_the_bounds_table_of_achievement_md():
    rows = table_rows("achievement.md", "## Bounds and ranges")
    assert len(rows) == 9
    for target, realization, status, distance in rows:
        r = kinerja.check_target(code(target), code(realization))
        want = status.split(" (")[0]
        assert (r.status or "none") == want, (target, realization)
        assert r.distance == (None if distance == "none" else float(distance)), (target, realization)


# --------------------------------------------------------------------------- units.md


def test_the_rates_and_compounds_table_of_units_md():
    rows = table_rows("units.md", "### Rates and compounds")
    assert len(rows) == 8
    for printed, unit, kind, factor in rows:
        names = re.findall(r"`([^`]*)`", unit)
        for i, word in enumerate(re.findall(r"`([^`]*)`", printed)):
            info = kinerja.unit_info(word)
            assert info.name == names[min(i, len(names) - 1)], word
            assert info.kind == kind, word
            assert info.factor == pytest.approx(float(factor)), word


def test_the_builtin_words_table_of_units_md():
    rows = table_rows("units.md", "### The built-in words")
    assert len(rows) > 100
    seen = set()
    for name, aliases, kind, dimension in rows:
        for word in [code(name)] + re.findall(r"`([^`]*)`", aliases):
            info = kinerja.unit_info(word)
            assert (info.name, info.kind, info.dimension) == (code(name), kind, dimension), word
            seen.add(word.lower())
    # the words issue 9 names are among them
    for word in ["Jenis", "Pasar", "Jam", "Kali", "Unit", "Paket", "Lokasi", "Kegiatan", "Laporan", "Dokumen",
                 "Orang", "Kelompok", "Desa", "Kelurahan", "Sekolah", "Siswa", "Ha", "Km", "M2", "Ton", "Liter",
                 "Rupiah", "Hari", "Bulan", "Tahun", "Menit", "Poin", "Indeks", "Nilai", "Predikat", "Peringkat",
                 "Rasio", "\u2030"]:
        assert word.lower() in seen, word


def test_nearest_units():
    assert kinerja.nearest_units("Dukumen", 1) == ["Dokumen"]
    assert kinerja.nearest_units("Lapora n", 1) == ["Laporan"]


# --------------------------------------------------------------------------- scales.md


@pytest.mark.parametrize("target, realization, percent", [
    ("WTP", "WDP", 75.0),         # positions 4 and 3
    ("Level 4", "Level 3", 75.0),
    ("Baik", "Cukup", 75.0),
    ("WDP", "WTP", 4 / 3 * 100),  # 4 / 3
])
def test_ratings_give_a_real_answer(target, realization, percent):
    assert kinerja.achievement(target, realization) == pytest.approx(percent)


def test_full_names_of_bpk_opinions():
    assert kinerja.parse_value("Wajar Dengan Pengecualian").level == "WDP"
    assert kinerja.parse_value("3", "Level").level == "Level 3"


# --------------------------------------------------------------------------- check and the CLI

PLAN = textwrap.dedent("""\
    kinerja_plan: 1
    plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: v}
    nodes:
      - id: s-1
        level: sasaran
        name: Sasaran
        source: "Tabel 4.1"
        indicators:
          - {id: i-1, name: Pasar, unit: Dukumen, polarity: higher, source: "Tabel 4.1",
             targets: {2024: "3 Dukumen", 2025: "4 Dukumen", 2026: "Belum diisi"},
             realizations: {2024: "n.a", 2025: "#DIV/0!"}}
          - {id: i-2, name: Opini, unit: Opini, polarity: higher, source: "Tabel 4.1",
             targets: {2024: "WTP", 2025: "<22"}, realizations: {2024: "WDP"},
             reported_achievement: {2024: "75%"}}
      - {id: p-1, level: program, name: P, parent: s-1, source: "Tabel 4.1"}
    """)


@pytest.fixture
def plan_file(tmp_path):
    p = tmp_path / "cells.yaml"
    p.write_text(PLAN, encoding="utf-8")
    return p


def run(capsys, *argv):
    status = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_check_reports_cells_once(plan_file, capsys):
    status, out, err = run(capsys, "check", plan_file, "--format", "json")
    assert err == ""
    findings = json.loads(out)
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f["rule"], []).append(f)
    # Dukumen: the indicator's unit and 2 cells, one finding naming Dokumen
    assert [(f["actual"], f["expected"]) for f in by_rule["unknown-unit"]] == [("Dukumen", "Dokumen")]
    # Belum diisi and n.a: 2 cells, one finding, at the first (i-1's 2026 target)
    (hole,) = by_rule["placeholder"]
    assert hole["actual"] == 2 and hole["year"] == 2026 and hole["severity"] == "info"
    (bad,) = by_rule["spreadsheet-error"]
    assert (bad["actual"], bad["year"], bad["severity"]) == ("#DIV/0!", 2025, "error")
    assert status == 1  # the spreadsheet error is an error
    # WTP / WDP at 75 % is consistent; nothing unreadable
    assert "reported-achievement" not in by_rule
    assert "unparsed-value" not in by_rule


def test_units_file_declares_words(plan_file, tmp_path):
    units = tmp_path / "units.yaml"
    units.write_text("units:\n  - {name: Dukumen, kind: count}\n", encoding="utf-8")
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "kinerja", "check", str(plan_file), "--format", "json"]
    out = subprocess.run(cmd + ["--units", str(units)], capture_output=True, text=True, env=env)
    assert out.stderr == ""
    assert "unknown-unit" not in {f["rule"] for f in json.loads(out.stdout)}
    # a file that declares a known word is unusable input: one line, exit 2, no traceback
    bad = tmp_path / "bad.yaml"
    bad.write_text("- Orang\n", encoding="utf-8")
    out = subprocess.run(cmd + ["--units", str(bad)], capture_output=True, text=True, env=env)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "already registered" in out.stderr
    assert "unit_registry" not in out.stderr


def test_plan_units_section(tmp_path):
    p = tmp_path / "declared.yaml"
    p.write_text(PLAN.replace("nodes:\n", "units:\n  - Dukumen\nnodes:\n", 1), encoding="utf-8")
    findings = kinerja.load_plan(str(p)).check()
    assert "unknown-unit" not in {f.rule for f in findings}
