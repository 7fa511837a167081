"""A table's budget conventions, learnt from the table or declared (conventions.hpp), and the budget
checks that follow them; small plans written here, every amount worked by hand in the comments."""

import json
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

HEAD = """kinerja_plan: 1
plan: {id: uji, title: Uji, organisation: Dinas Uji, region: Kota Uji, period: [2024, 2025], version: perubahan}
"""

# Tabel 6.1 of many agencies prices programmes and activities only
PRICED_BELOW = HEAD + """nodes:
  - {source: T, id: t-1, level: tujuan, name: Tujuan}
  - {source: T, id: s-1, level: sasaran, name: Sasaran, parent: t-1}
  - {source: T, id: p-1, level: program, name: Program, parent: s-1, budget: {2024: "300", 2025: "300"}}
  - {source: T, id: k-1, level: kegiatan, name: K1, parent: p-1, budget: {2024: "100", 2025: "100"}}
  - {source: T, id: k-2, level: kegiatan, name: K2, parent: p-1, budget: {2024: "200", 2025: "200"}}
"""

PARTS = HEAD + """nodes:
  - {source: T, id: s-1, level: sasaran, name: Sasaran}
  - id: p-1
    level: program
    name: Program
    parent: s-1
    source: T
    indicators:
      - {source: T, id: i-a, name: A, budget: {2024: "100"}}
      - {source: T, id: i-b, name: B, budget: {2024: "200"}}
      - {source: T, id: i-c, name: C, budget: {2024: "300"}}
  - {source: T, id: k-1, level: kegiatan, name: K1, parent: p-1, budget: {2024: "250"}}
  - {source: T, id: k-2, level: kegiatan, name: K2, parent: p-1, budget: {2024: "400"}}
"""

# the urusan: end 47,496,043,200 is neither the sum of its years nor the last year
URUSAN = """kinerja_plan: 1
plan: {id: uji, title: Uji, organisation: Dinas Uji, region: Kota Uji, period: [2024, 2028], version: perubahan}
nodes:
  - id: u-1
    level: urusan
    code: "1.02"
    name: Urusan Kesehatan
    source: T
    budget: {2024: "13.000.000.000", 2025: "14.000.000.000", 2026: "15.000.000.000", 2027: "15.430.847.223",
             2028: "15.500.000.000", end: "47.496.043.200"}
"""


def budget(findings):
    return [f for f in findings if f.rule.startswith("budget-")]


def test_no_budget_missing_for_levels_the_table_never_prices():
    plan = kinerja.Plan.from_yaml(PRICED_BELOW)
    c = plan.conventions()
    # tujuan 0 of 1 priced, sasaran 0 of 1, programme 1 of 1, kegiatan 2 of 2
    assert [(lv.level, lv.carries, lv.priced, lv.unpriced) for lv in c.pagu_levels] == [
        ("tujuan", False, 0, 1), ("sasaran", False, 0, 1), ("program", True, 1, 0), ("kegiatan", True, 2, 0)]
    assert c.carries_pagu("sasaran") is False
    assert "not on: tujuan 0/1, sasaran 0/1" in str(c)
    assert budget(plan.check()) == []  # 100 + 200 = 300 in both years


def test_pagu_in_parts_on_indicator_rows_is_summed_and_checked():
    plan = kinerja.Plan.from_yaml(PARTS)
    c = plan.conventions().indicator_pagu
    assert (c.value, c.origin, c.parts, c.repeat) == ("parts", "inferred", 1, 0)
    # 100 + 200 + 300 = 600 against the activities' 250 + 400 = 650
    [f] = budget(plan.check())
    assert (f.rule, f.node_id, f.year) == ("budget-rollup", "p-1", 2024)
    assert f.expected == 650.0 and f.actual == 600.0
    assert f.actual_text == "100 + 200 + 300"
    row = next(r for r in plan.budget_rows() if r["node_id"] == "p-1" and r["year"] == 2024)
    assert row["budget"] == "100 + 200 + 300" and row["budget_number"] == 600.0
    assert kinerja._core.node_pagu(plan.node("p-1"), 2024, "parts") == 600.0
    assert kinerja._core.node_pagu(plan.node("p-1"), 2024) == 100.0  # no rule: the first row's


def test_the_urusan_end_column_is_reported_in_the_cli_json(capsys, tmp_path):
    path = tmp_path / "urusan.yaml"
    path.write_text(URUSAN, encoding="utf-8")
    code = cli.main(["check", str(path), "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    [f] = [f for f in json.loads(out) if f["rule"] == "budget-end"]
    # 13,000,000,000 + 14,000,000,000 + 15,000,000,000 + 15,430,847,223 + 15,500,000,000 = 72,930,847,223
    assert (f["node"], f["node_id"], f["year"], f["severity"]) == ("1.02", "u-1", "end", "error")
    assert f["expected"] == 72930847223.0 and f["actual"] == 47496043200.0
    assert "nor its last year (15,500,000,000)" in f["message"]


def test_the_text_check_states_the_conventions_before_its_summary(capsys, tmp_path):
    path = tmp_path / "priced.yaml"
    path.write_text(PRICED_BELOW, encoding="utf-8")
    assert cli.main(["check", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # five indented lines under "conventions:", the pagu levels first
    assert lines[-7] == "conventions:"
    assert lines[-6].startswith("  pagu on: program 1/1, kegiatan 2/2; not on: tujuan 0/1, sasaran 0/1")
    assert [line[:2] for line in lines[-6:-1]] == ["  "] * 5
    # the sasaran has no indicators, but table T prints none for any node: no orphan (a summary
    # table of pagu, like Temanggung's Tabel 4.1, is not a table of indicators)
    assert lines[-1] == "0 findings"


def test_declared_conventions_override_the_inferred_ones():
    text = URUSAN.replace("nodes:", "conventions: {budget_end: last, pagu_levels: [urusan]}\nnodes:")
    plan = kinerja.Plan.from_yaml(text)
    c = plan.conventions()
    assert (c.budget_end.value, c.budget_end.origin) == ("last", "declared")
    [f] = budget(plan.check())
    assert (f.rule, f.expected, f.actual) == ("budget-end", 15500000000.0, 47496043200.0)
    assert kinerja.Plan.from_yaml(plan.to_yaml()) == plan
    assert "conventions:\n  pagu_levels: [\"urusan\"]\n  budget_end: last\n" in plan.to_yaml()


def test_a_blank_child_inside_a_sum_is_budget_incomplete():
    plan = kinerja.Plan.from_yaml(HEAD + """nodes:
  - {source: T, id: p-1, level: program, name: P, budget: {2024: "300", 2025: "500"}}
  - {source: T, id: k-1, level: kegiatan, name: K1, parent: p-1, budget: {2024: "300", 2025: "300"}}
  - {source: T, id: k-2, level: kegiatan, name: K2, parent: p-1, budget: {2024: "", 2025: "200"}}
""")
    # 2024: 300 = 300 + (blank); 2025: 300 + 200 = 500
    [f] = budget(plan.check())
    assert (f.rule, f.node_id, f.year, f.severity) == ("budget-incomplete", "k-2", 2024, "warning")


def test_a_majority_outside_its_range_is_an_error():
    plan = kinerja.Plan.from_yaml(PRICED_BELOW)
    with pytest.raises(kinerja.KinerjaError) as info:
        plan.conventions(majority=0.3)
    assert info.value.id == "kinerja.argument.majority"


def test_an_ambiguous_count_is_read_in_its_tables_convention():
    # Tanah Datar's Lampiran I: 25,00% and 6,67% show the Indonesian convention, so 3.000 children
    # is three thousand (no unparsed-value), and the check says which table taught it
    real = Path(__file__).resolve().parents[1] / "data" / "real" / "tanahdatar-iku-rpjmd-2011-2015.yaml"
    plan = kinerja.load_plan(real)
    assert plan.indicator("ind-3-khatam").table_convention == "indonesian"
    assert plan.indicator("ind-3-khatam").convention is None
    assert plan.achievement("ind-3-khatam", 2011) is None  # targets only: no realization yet
    assert [f for f in plan.check() if f.rule == "unparsed-value"] == []
    assert plan.conventions().number_tables == {"Lampiran I": "indonesian"}
