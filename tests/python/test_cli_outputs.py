"""The CLI as people read it (issue 12, items 4 and 5): locations as the user knows the file,
`--convention` and rounding of achievements, shipped rule files by name, `--year end`, a readable
roll-up and a diff that names its two sides.

Expected values are worked by hand in the comments; the roll-up fixture's values are worked out in
tests/python/test_rollup_diff.py (2024, mean: s 82.5 by its child p, p 82.5, k1 80, k2 85).
"""

import json
import os
import shutil
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

ROOT = Path(__file__).resolve().parents[2]
ROLLUP = ROOT / "tests" / "data" / "plans" / "rollup.yaml"


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------------------- locations

def test_the_bundled_plan_is_shown_as_bundled(capsys):
    code, out, err = run(capsys, "check", "--rule", "duplicate-code")
    assert code == 1 and err == ""
    finding = out.splitlines()[0]
    # the one duplicate code of the seed (docs/seed-findings.md), at its place in the bundled file
    assert finding.startswith("bundled:bekasi-dpppa-2024-2026.yaml:")
    assert "site-packages" not in out and str(ROOT) not in out


def test_a_plan_below_the_working_directory_is_shown_relative_to_it(capsys, tmp_path, monkeypatch):
    (tmp_path / "plans").mkdir()
    shutil.copy(ROLLUP, tmp_path / "plans" / "mine.yaml")
    monkeypatch.chdir(tmp_path)
    absolute = str(tmp_path / "plans" / "mine.yaml")
    assert kinerja.shown_path(absolute) == os.path.join("plans", "mine.yaml")
    assert kinerja.shown_location(absolute + ":12:7") == os.path.join("plans", "mine.yaml") + ":12:7"
    plan = kinerja.load_plan(absolute)
    frame = plan.findings_frame()
    assert len(frame) > 0 and all(loc.startswith("plans/mine.yaml:") for loc in frame.location)
    # a file elsewhere keeps the path it was given
    monkeypatch.chdir(tmp_path / "plans")
    elsewhere = str(ROLLUP)
    assert kinerja.shown_path(elsewhere) == elsewhere
    assert kinerja.shown_path("<input>") == "<input>" and kinerja.shown_location("") == ""


def test_report_formats_show_the_bundled_location(tmp_path):
    report = kinerja.build_report(kinerja.bundled_plan())
    about = dict(report.about)
    assert about["plan file"] == "bundled:bekasi-dpppa-2024-2026.yaml"
    findings = next(s for s in report.sections if s.key == "findings")
    where = findings.columns.index("location")
    assert all(r[where].startswith("bundled:bekasi-dpppa-2024-2026.yaml:") for r in findings.rows)
    html = report.render("html")
    assert "site-packages" not in html and "bundled:bekasi-dpppa-2024-2026.yaml:" in html


# ------------------------------------------------------------------------------- achievement and audit

def test_achievement_convention_settles_an_ambiguous_target(capsys):
    # english: 1.500 is one and a half, 1.6 / 1.5 = 106.666... -> 106.67 %
    code, out, _ = run(capsys, "achievement", "1.500", "1.6", "--convention", "english", "--format", "json")
    assert code == 0 and json.loads(out)["percent"] == pytest.approx(106.67)
    # indonesian: 1.500 is fifteen hundred, 1.6 / 1500 = 0.10666... -> 0.11 %
    code, out, _ = run(capsys, "achievement", "1.500", "1.6", "--convention", "indonesian", "--format", "json")
    assert code == 0 and json.loads(out)["percent"] == pytest.approx(0.11)
    # without a convention the target is ambiguous: a clear error, exit 2
    code, out, err = run(capsys, "achievement", "1.500", "1.6")
    assert code == 2 and "kinerja.parse.ambiguous_number" in err


def test_achievement_is_rounded_by_the_plans_default_rule_unless_told(capsys):
    code, out, _ = run(capsys, "achievement", "3", "1")  # 1 / 3 x 100 = 33.333... -> 33.33 half up
    assert code == 0 and out.startswith("33.33% ")
    code, out, _ = run(capsys, "achievement", "3", "2", "--rounding", "truncate", "--decimals", "1")
    assert out.startswith("66.6% ")  # 66.666... truncated to 1 decimal
    code, out, _ = run(capsys, "achievement", "3", "1", "--rounding", "none", "--format", "json")
    assert json.loads(out)["percent"] == pytest.approx(100 / 3, abs=1e-12)


def test_audit_takes_a_convention(capsys):
    # english 1.500 -> 1.5; 1.6 / 1.5 = 106.67 % printed as 106.67: consistent (exit 0)
    code, out, _ = run(capsys, "audit", "1.500", "1.6", "106.67", "--polarity", "higher", "--convention", "english")
    assert code == 0 and out.startswith("consistent")
    # indonesian 1.500 -> 1500: 1.6 / 1500 = 0.107 %, not 106.67: inconsistent (exit 1)
    code, out, _ = run(capsys, "audit", "1.500", "1.6", "106.67", "--polarity", "higher",
                       "--convention", "indonesian")
    assert code == 1 and out.startswith("INCONSISTENT")


# ------------------------------------------------------------------------------- rules by name

def test_rules_file_names_the_shipped_rules_from_any_folder(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no data/rules here
    assert kinerja.shipped_rules() == ["standard"]
    code, out, err = run(capsys, "check", "--rules-file", "standard", "--rule", "kegiatan-pagu-within-program",
                         "--format", "json")
    assert err == ""
    # the one kegiatan of the seed whose pagu exceeds its programme's (docs/validation.md)
    assert [d["node"] for d in json.loads(out)] == ["2.08.02.2.03"]
    code, out, err = run(capsys, "rules", "--rules-file", "standard", "--format", "json")
    assert code == 0 and json.loads(out)["kegiatan-pagu-within-program"]["origin"].endswith("standard.yaml")
    # a file of that name in the working directory comes first
    (tmp_path / "standard").write_text("not: [a rule file\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--rules-file", "standard")
    assert code == 2 and "kinerja.rules." in err


# ------------------------------------------------------------------------------- --year end

def test_report_year_end_shows_the_end_of_period_targets(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "report", "--year", "end", "--full", "--no-findings", "--format", "csv")
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("achievement,")]
    assert rows and all(line.split(",")[1] == "end" for line in rows)
    # programme 2.08.01's first indicator: end target "100%" (Tabel 6.1, the plan's line 262)
    assert any("Optimalisasi pengembangan sistem pelaporan" in line and "100%" in line for line in rows)
    code, out, _ = run(capsys, "report", "--year", "end")
    assert code == 0 and "No indicator has a realization in the end of the period yet" in out


def test_year_arguments_are_checked(capsys):
    code, _, err = run(capsys, "rollup", "--year", "end")
    assert code == 2 and "kinerja.cli.year" in err and "no realization to roll up" in err
    with pytest.raises(SystemExit) as info:
        cli.main(["report", "--year", "20x4"])
    assert info.value.code == 2
    assert "expected a year such as 2024, or end" in capsys.readouterr().err


# ------------------------------------------------------------------------------- rollup

def test_rollup_is_a_readable_table(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, "rollup", ROLLUP)
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0] == "Achievement rolled up the cascade (mean), 2024, 2025"
    header = lines[2].split()
    assert header[:3] == ["code", "level", "name"] and header[-2:] == ["2025", "%"]
    body = {line.split()[0]: line.split() for line in lines[4:] if line}
    assert body["s"][-1] == "82.50" and body["p"][-1] == "82.50"  # mean of k1 80 and k2 85
    assert body["k1"][-1] == "80.00" and body["k2"][-1] == "85.00"
    assert "None" not in out and "NaN" not in out and "nan" not in out


def test_rollup_without_any_achievement_says_so_in_one_sentence(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    code, out, _ = run(capsys, "rollup")  # the bundled plan: nothing realized in 2024-2026
    assert code == 0
    text = " ".join(out.split())
    assert text == ("Achievement rolled up the cascade (mean), 2024-2026: no node has an achievement to roll up "
                    f"({len(kinerja.bundled_plan().nodes)} nodes; no realization is printed for these years).")


def test_rollup_of_earlier_years_keeps_the_years_asked_for(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = run(capsys, "rollup", "--history", "--year", "2019")
    assert code == 0
    assert out.splitlines()[0] == "Achievement rolled up the cascade (mean), 2019"
    # AKIP 2019: CC (60) -> BB (72.79): 72.79 / 60 = 121.3166... -> 121.32 (sasaran h-s19-5, its one indicator)
    assert any(line.startswith("h-s19-5 ") and line.rstrip().endswith("121.32") for line in out.splitlines())


# ------------------------------------------------------------------------------- diff

def test_diff_names_its_two_sides(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = ROLLUP.read_text(encoding="utf-8")
    Path("a.yaml").write_text(text, encoding="utf-8")
    Path("b.yaml").write_text(text.replace('budget: {2024: "300"}', 'budget: {2024: "350"}'), encoding="utf-8")
    code, out, _ = run(capsys, "diff", "a.yaml", "b.yaml")
    assert code == 0
    assert out.splitlines()[-1] == "1 change from a.yaml (version perubahan) to b.yaml (version perubahan)"
    code, out, _ = run(capsys, "diff", "a.yaml", "--versions", "awal", "perubahan")
    assert out.splitlines()[-1].endswith("from version awal to version perubahan")
