"""The rules real tables taught the checks (docs/real-plans.md), through the Python API and the CLI.

Each plan is small and inline; the expected findings are worked by hand in the comments.
"""

import json

import kinerja
from kinerja import cli

HEAD = """kinerja_plan: 1
plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2028], version: perubahan}
"""


def row(name, polarity, targets, extra=""):
    return kinerja.Plan.from_yaml(HEAD + f"""nodes:
  - id: s-1
    level: sasaran
    name: S
    source: T
    indicators:
      - {{id: i-1, name: "{name}", polarity: {polarity}, polarity_basis: b, source: T, targets: {targets}{extra}}}
""")


def found(plan, rule):
    return [(f.rule, f.node, f.year, f.expected, f.actual) for f in plan.check(rules=[rule])]


def test_a_rate_of_change_has_no_target_direction():
    # Tanah Datar: "Persentase Peningkatan zakat" 400% -> 25,00% -> 6,67%: steps of a rising level
    zakat = '{2024: "400%", 2025: "25,00%", 2026: "6,67%"}'
    assert found(row("Persentase Peningkatan zakat yang terhimpun", "higher", zakat), "target-direction") == []
    # as a level the two falls are reported (2025: 400 -> 25, 2026: 25 -> 6,67)
    assert [y for _, _, y, _, _ in found(row("Persentase zakat", "higher", zakat), "target-direction")] == [2025, 2026]


def test_a_range_falls_when_all_of_it_falls():
    # Jawa Barat: Indeks Demokrasi 73.91 -> 70,79-71,78 (upper end 71,78 < 73.91), higher is better
    plan = row("Indeks Demokrasi", "higher", '{2024: "73.91", 2025: "70,79-71,78", 2026: "71,79-72,78"}')
    assert found(plan, "target-direction") == [("target-direction", "s-1", 2025, "at least 73.91", "70,79-71,78")]


def test_the_baseline_kind_against_the_targets():
    # Cirebon: baseline 20% (a percentage), targets 8600 lbr (a count) from 2025
    plan = row("Informasi PHBS", "higher", '{2024: "-", 2025: "8600 lbr", 2026: "8600 lbr"}', ', baseline: {value: "20%"}')
    assert found(plan, "unit-change") == [("unit-change", "s-1", 2025, "%", "8600 lbr")]


def test_aps_above_100_is_a_share_above_100_and_apk_is_not():
    # Kutai Kartanegara RKT 2025: APS 7-12 100.80, APK SD 100.21 (unit Persen)
    plan = kinerja.Plan.from_yaml(HEAD + """nodes:
  - id: s-1
    level: sasaran
    name: S
    source: T
    indicators:
      - {id: i-1, name: Angka Partisipasi Sekolah 7 - 12 Tahun, unit: Persen, source: T, targets: {2025: "100.80"}}
      - {id: i-2, name: APK SD Sederajat, unit: Persen, source: T, targets: {2025: "100.21"}}
""")
    assert [(f.indicator, f.year) for f in plan.check(rules=["share-above-100"])] == [("i-1", 2025)]


END_TARGETS = HEAD + """nodes:
  - id: s-1
    level: sasaran
    name: S
    source: T
    indicators:
      - {id: i-1, name: A, source: T, targets: {2024: "1", 2025: "2", 2026: "3", 2027: "4", 2028: "5", end: "5"}}
      - {id: i-2, name: B, source: T, targets: {2024: "1", 2025: "2", 2026: "3", 2027: "4", 2028: "5", end: "5"}}
      - {id: i-3, name: C, source: T, targets: {2024: "70", 2025: "71", 2026: "72", 2027: "73", 2028: "74", end: "75"}}
"""


def test_target_end_against_the_plans_reading(tmp_path, capsys):
    # two rows repeat their last year (5, 5), one prints 75 after 74: the end column of targets is
    # the last year (2 of 3 rows), and the third row breaks it (expected 74, printed 75)
    plan = kinerja.Plan.from_yaml(END_TARGETS)
    assert [(f.rule, f.node, f.indicator, f.year, f.expected, f.actual) for f in plan.check(rules=["target-end"])] == [
        ("target-end", "s-1", "i-3", "end", 74.0, 75.0)]
    path = tmp_path / "end.yaml"
    path.write_text(END_TARGETS, encoding="utf-8")
    assert cli.main(["check", str(path), "--format", "json", "--rules", "target-end"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["indicator"], f["year"], f["expected"], f["actual"]) for f in data] == [
        ("target-end", "i-3", "end", 74.0, 75.0)]
