"""Plan.check(): findings on the bundled plan, worked out by hand in docs/seed-findings.md (the sums
are repeated in the ids), and on minimal fixtures where each rule fires exactly once."""

from pathlib import Path

import pytest

import kinerja

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"
KEYS = ["rule", "severity", "node", "indicator", "year", "expected", "actual", "message"]


@pytest.fixture(scope="module")
def findings():
    return kinerja.bundled_plan().check()


def pick(findings, rule, node_id=None, year=None, indicator=None):
    return [f for f in findings if f.rule == rule and (node_id is None or f.node_id == node_id)
            and (year is None or f.year == year) and (indicator is None or f.indicator == indicator)]


@pytest.mark.parametrize(
    "node_id, year, printed, printed_number, children",
    [
        pytest.param("p-2.08.01", 2024, "8,958,876,144", 8958876144, 9158876144,
                     id="p-2.08.01-2024 10M+6867.934M+150M+780M+863.942144M+200M+287M=9158876144"),
        pytest.param("p-2.08.01", 2025, "7,032,576,000", 7032576000, 8896876144,
                     id="p-2.08.01-2025 10M+6967.934M+85M+605M+873.942144M+355M=8896876144"),
        pytest.param("p-2.08.01", 2026, "7,032,576,000", 7032576000, 8951876144,
                     id="p-2.08.01-2026 ...+650M+883.942144M+355M=8951876144"),
        pytest.param("p-2.08.01", "end", "7,032,576,000", 7032576000, 8951876144, id="p-2.08.01-end"),
        pytest.param("k-2.08.01.2.06", 2024, "780,000,000", 780000000, 830000000,
                     id="k-2.08.01.2.06-2024 15+200+100+15+250+50+200=830M"),
        pytest.param("k-2.08.01.2.06", 2025, "605,000,000", 605000000, 978000600,
                     id="k-2.08.01.2.06-2025 25+253.0006+125+15+250+20+215+75=978.0006M"),
        pytest.param("k-2.08.01.2.06", 2026, "650,000,000", 650000000, 1003000600,
                     id="k-2.08.01.2.06-2026 ...+275+...=1003.0006M"),
        pytest.param("k-2.08.01.2.06", "end", "650,000,000", 650000000, 1003000600, id="k-2.08.01.2.06-end"),
        pytest.param("p-2.08.02", 2025, "3.830,000,000", 3830000000, 5599220800,
                     id="p-2.08.02-2025 250M+487M+4862.2208M=5599220800"),
        pytest.param("k-2.08.07.2.02", 2024, "1,150,000,000", 1150000000, 900000000,
                     id="k-2.08.07.2.02-2024 800M+100M=900M"),
    ],
)
def test_failing_rollups_of_tabel_6_1(findings, node_id, year, printed, printed_number, children):
    found = pick(findings, "budget-rollup", node_id, year)
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error"
    assert f.actual == pytest.approx(printed_number)
    assert f.expected == pytest.approx(children)
    assert f.actual_text == printed
    assert f.indicator is None
    assert f.source == "Tabel 6.1"
    assert f.location.endswith(f":{f.line}:{f.column}")
    assert "bekasi-dpppa-2024-2026.yaml" in f.location


def test_rollup_finding_fields_for_programme_2_08_01_in_2024(findings):
    f = pick(findings, "budget-rollup", "p-2.08.01", 2024)[0]
    assert f.node == "2.08.01"
    assert f.expected_text == "9,158,876,144"
    # line 256: `    budget: {2024: "8,958,876,144", ...` -> the value starts at column 20 (line 252 before
    # Tabel 5.1 added its source label and the programme's aliases and supports lines above it)
    assert (f.line, f.column) == (256, 20)
    d = kinerja.finding_to_dict(f)
    assert set(KEYS) <= set(d)
    assert d["year"] == 2024 and d["node"] == "2.08.01"


@pytest.mark.parametrize(
    "node_id, year",
    [
        pytest.param("p-2.08.02", 2024, id="p-2.08.02-2024 400M+300M+3000M=3700M"),
        pytest.param("p-2.08.02", 2026, id="p-2.08.02-2026 450M+350M+3150M=3950M"),
        pytest.param("p-2.08.07", 2025, id="p-2.08.07-2025 254.4M+815.5M+515M=1584.9M"),
        pytest.param("p-2.08.07", "end", id="p-2.08.07-end 1584.9M"),
        pytest.param("k-2.08.02.2.03", 2025, id="k-2.08.02.2.03-2025 3385M+1327.2208M+150M=4862.2208M"),
        pytest.param("k-2.08.01.2.05", 2025, id="k-2.08.01.2.05-2025 '-'+85M=85.000.000,00"),
        pytest.param("k-2.08.01.2.02", 2024, id="k-2.08.01.2.02-2024 6857.934M+10M=6867.934M"),
        pytest.param("p-2.08.03", 2025, id="p-2.08.03-2025 75M+300M+428.2754M=803.2754M"),
        pytest.param("p-2.08.06", 2024, id="p-2.08.06-2024 1100M+1000M=2100M"),
        pytest.param("k-2.08.07.2.02", 2026, id="k-2.08.07.2.02-2026 815.5M+(blank)=815.5M"),
    ],
)
def test_rollups_that_hold_produce_no_finding(findings, node_id, year):
    assert pick(findings, "budget-rollup", node_id, year) == []
    assert pick(findings, "budget-missing", node_id, year) == []


def test_thirty_of_the_programme_and_activity_rollups_fail(findings):
    # seed-findings A.1/A.2: 30 of 92 fail; the three of k-2.08.01.2.07 (2025-end) have no printed
    # activity pagu at all, so they are budget-missing rather than budget-rollup
    rollups = [f for f in findings if f.rule == "budget-rollup" and f.node_id[:2] in ("p-", "k-")]
    missing = [f for f in findings if f.rule == "budget-missing" and f.node_id[:2] in ("p-", "k-")]
    assert len(rollups) == 27
    assert [(f.node_id, f.year) for f in missing] == [("k-2.08.01.2.07", 2025), ("k-2.08.01.2.07", 2026),
                                                      ("k-2.08.01.2.07", "end")]
    assert all(f.expected == pytest.approx(200412000) for f in missing)  # 50,412,000 + 150,000,000


def test_tabel_2_11_jumlah_2019_leaves_out_program_pemberdayaan_perempuan(findings):
    totals = [f for f in findings if f.node_id == "total-2.11"]
    assert [(f.rule, f.year) for f in totals] == [("budget-rollup", 2019), ("budget-rollup", 2019)]
    budget, realized = totals
    # anggaran 3,984,130,425 - 2,563,348,425 = 1,420,782,000; realisasi 2,948,215,325 - 1,994,070,025 = 954,145,300
    assert (budget.actual, budget.expected) == (pytest.approx(2563348425), pytest.approx(3984130425))
    assert budget.expected - budget.actual == pytest.approx(1420782000)
    assert (realized.actual, realized.expected) == (pytest.approx(1994070025), pytest.approx(2948215325))
    assert realized.expected - realized.actual == pytest.approx(954145300)
    assert budget.source == "Tabel 2.11"
    # every programme/activity roll-up of Tabel 2.11 holds (seed-findings B.2)
    assert [f for f in findings if f.rule.startswith("budget-") and f.node_id.startswith("h11-")] == []


@pytest.mark.parametrize(
    "indicator_id, year, printed, expected",
    [
        pytest.param("ind-h-s19-2-ktp", 2021, "0.97", "1.02", id="KtP-2021 4347/4250=1.0228 -> 1.02"),
        pytest.param("ind-h-s19-3-kla", 2020, "2.00", "1.50", id="KLA-2020 Nindya 3 / Madya 2 = 1.50"),
        pytest.param("ind-h-s19-4-kta", 2019, "0.60", "1.67", id="KtA-2019 0.040/0.024=1.6667 -> 1.67"),
        pytest.param("ind-h-s19-4-kta", 2020, "0.80", "1.25", id="KtA-2020 0.035/0.028=1.25"),
        pytest.param("ind-h-s19-4-kta", 2021, "1.16", "1.03", id="KtA-2021 0.030/0.029=1.0345 -> 1.03"),
    ],
)
def test_reported_achievement_errors_of_tabel_2_7(findings, indicator_id, year, printed, expected):
    found = [f for f in pick(findings, "reported-achievement", indicator=indicator_id, year=year)
             if f.actual_text == printed]
    assert len(found) == 1
    f = found[0]
    assert f.severity == "error"
    assert f.expected_text == expected
    assert f.expected == pytest.approx(float(expected), abs=0.005)
    assert f.actual == pytest.approx(float(printed))
    assert f.source == "Tabel 2.7"


def test_reported_achievement_holds_for_akip_2019_to_2021(findings):
    # 72.79/60 = 1.2132 -> 1.21; 74.39/65 = 1.1445 -> 1.14; 75.37/69 = 1.0923 -> 1.09
    assert pick(findings, "reported-achievement", indicator="ind-h-s19-5-akip") == []
    assert len(pick(findings, "reported-achievement")) == 5


def test_codes(findings):
    hierarchy = pick(findings, "code-hierarchy")
    assert sorted((f.node_id, f.actual) for f in hierarchy) == [
        ("sk-2.08.01.2.01-lap-capaian", "2.08.01.2.02.0005"),  # E.4: under 2.08.01.2.01
        ("sk-2.08.03.2.02.0006", "2.08.03.2.02.0006"),         # E.5: under 2.08.03.2.03
        ("sk-2.08.03.2.03.0005", "2.08.03.2.03.0005"),         # E.5: under 2.08.03.2.01
    ]
    assert all(f.severity == "error" and f.year is None for f in hierarchy)
    duplicate = pick(findings, "duplicate-code")
    assert [(f.node_id, f.actual) for f in duplicate] == [("sk-2.08.01.2.02.0005", "2.08.01.2.02.0005")]


def test_unit_change_across_versions(findings):
    ktp = pick(findings, "unit-change", indicator="ind-iku-ktp")
    assert [(f.expected, f.actual, f.year) for f in ktp] == [("Rasio", "Orang", None)]
    kla = pick(findings, "unit-change", indicator="ind-iku-kla")
    assert [(f.expected, f.actual) for f in kla] == [("Nilai", "Predikat")]


def test_rules_filter():
    plan = kinerja.bundled_plan()
    only = plan.check(rules=["budget-rollup"])
    assert only and {f.rule for f in only} == {"budget-rollup"}
    assert len(only) == len(pick(plan.check(), "budget-rollup"))
    assert len(plan.check(rules=["code-hierarchy", "duplicate-code"])) == 4
    assert plan.check(rules=["reported-achievement"], include_history=False) == []


def test_unknown_rule_is_an_argument_error():
    with pytest.raises(kinerja.ArgumentError) as info:
        kinerja.bundled_plan().check(rules=["budget-rolup"])
    assert info.value.id == "kinerja.argument.rule"
    assert "budget-rollup" in str(info.value)


def test_check_rules_lists_the_built_in_rules():
    rules = kinerja.check_rules()
    assert [r["id"] for r in rules] == ["budget-rollup", "budget-missing", "budget-end", "budget-incomplete",
                                        "budget-indicator-rows", "reported-achievement",
                                        "reported-absorption", "code-hierarchy", "duplicate-code", "orphan",
                                        "unit-change", "target-direction", "unparsed-value", "grade-score",
                                        "catalog-reference", "negative-amount", "rounding-rule",
                                        "scale-jump", "achievement-without-realization", "share-above-100", "budget-target",
                                        "unknown-unit", "placeholder", "spreadsheet-error", "target-end",
                                        "ratio-mismatch", "source-conflict", "method-mix", "growth-range", "total-mismatch", "index-formula", "duplicate-row", "strategy-level",
                                        "programme-without-policy", "sasaran-without-strategy",
                                        "strategy-without-programme", "policy-without-programme", "strategy-unlinked",
                                        "annual-target-mismatch", "evidence-missing", "verified-value-changed",
                                        "verification-transition", "verification-time"]
    assert {r["id"]: r["severity"] for r in rules}["negative-amount"] == "error"
    assert {r["id"]: r["severity"] for r in rules}["rounding-rule"] == "info"
    assert {r["id"]: r["severity"] for r in rules}["budget-rollup"] == "error"
    assert {r["id"]: r["severity"] for r in rules}["orphan"] == "warning"


def test_clean_and_small_fixtures():
    assert kinerja.load_plan(PLANS / "clean.yaml").check() == []
    found = kinerja.load_plan(PLANS / "valid-small.yaml").check()
    assert [(f.rule, f.indicator, f.expected, f.actual, f.line, f.column) for f in found] == [
        ("unit-change", "ind-s-1", "Persen", "Orang", 120, 33)]


RULES = [
    # rule, severity, node, indicator, year, expected, actual, line, source (worked by hand in each file)
    ("budget-rollup", "error", "2.08.03", None, 2024, 250000000.0, 300000000.0, 24, "Tabel 6.1"),
    ("budget-missing", "warning", "2.08.03", None, 2024, 100000000.0, None, 17, "Tabel 6.1"),
    ("orphan", "warning", "s-2", None, None, None, None, 23, "Tabel 6.1"),
    ("target-direction", "warning", "s-1", "ind-s-1", 2025, "at least 95%", "90%", 16, "Tabel 7.3"),
    ("unparsed-value", "warning", "2.08.03", "ind-p-2.08.03", 2025, None, "5 Dokumen 3 Orang", 30, "Tabel 6.1"),
    ("unknown-unit", "info", "2.08.03", "ind-p-2.08.03", None, "Dokumen", "Dokume n", 30, "Tabel 6.1"),
    ("placeholder", "info", "2.08.03", "ind-p-2.08.03", 2025, None, 2.0, 30, "Tabel 6.1"),
    ("spreadsheet-error", "error", "2.08.03", "ind-p-2.08.03", 2025, None, "#DIV/0!", 30, "Tabel 6.1"),
    ("grade-score", "warning", "s-1", "ind-s-1", 2025, "AA", "BB", 16, "Tabel 7.3"),
    ("reported-absorption", "warning", "h-p-1", None, 2022, 0.50, 0.60, 31, "Tabel 2.11"),
    ("reported-achievement", "error", "h-s-1", "ind-h-s-1", 2022, 1.04, 1.10, 38, "Tabel 2.7"),
    ("code-hierarchy", "error", "2.08.02.2.01", None, None, "2.08.03.…", "2.08.02.2.01", 25, "Tabel 6.1"),
    ("duplicate-code", "error", "2.08.03.2.01", None, None, None, "2.08.03.2.01", 31, "Tabel 6.1"),
    ("unit-change", "warning", "2.08.03", "ind-p-2.08.03", 2025, "Dokumen", "Orang", 30, "Tabel 6.1"),
    ("negative-amount", "error", "h-p-1", None, 2022, 0.0, -5000000.0, 29, "Tabel 2.11"),
]


@pytest.mark.parametrize("rule, severity, node, indicator, year, expected, actual, line, source", RULES,
                         ids=[r[0] for r in RULES])
def test_each_rule_fires_exactly_once_on_its_fixture(rule, severity, node, indicator, year, expected, actual, line,
                                                     source):
    path = PLANS / "rules" / f"{rule}.yaml"
    plan = kinerja.load_plan(path)
    found = plan.check()
    assert len(found) == 1
    f = found[0]
    assert (f.rule, f.severity, f.node, f.indicator, f.year) == (rule, severity, node, indicator, year)
    assert f.expected == (pytest.approx(expected) if isinstance(expected, float) else expected)
    assert f.actual == (pytest.approx(actual) if isinstance(actual, float) else actual)
    assert f.line == line
    assert f.location.startswith(f"{path}:{line}:")
    assert f.source == source
    assert f.message
    assert len(plan.check(rules=[rule])) == 1
    other = "budget-rollup" if rule == "orphan" else "orphan"
    assert plan.check(rules=[other]) == []


def test_objective_pagu_printed_on_its_indicator_row_is_rolled_up():
    # Tabel 6.1 prints objective s-2.1's 2025 pagu (5.599.220.800) on its IKG row and leaves its own
    # row blank; its only programme 2.08.02 prints 3.830,000,000: 5,599,220,800 - 3,830,000,000 =
    # 1,769,220,800 apart (seed-findings A.3).
    found = [f for f in kinerja.bundled_plan().check(rules=["budget-rollup"])
             if f.node_id == "s-2.1" and f.year == 2025]
    assert len(found) == 1
    assert found[0].actual == pytest.approx(5_599_220_800)
    assert found[0].expected == pytest.approx(3_830_000_000)


def test_rounding_rule_names_the_truncated_percentages_of_the_text():
    # The plan's rule is half up; the text of 2.3 truncates 146.31 (77.90/53.24 = 146.3186),
    # 158.03 (84.14/53.24 = 158.0390), 101.44 (49.71/49 = 101.4489), 98.41 (49.11/49.90 = 98.4168),
    # 102.87 (75.1/73 = 102.8767), 92.36 (70.2/76 = 92.3684), 103.44 (0.030/0.029 = 103.4483) and
    # 113 (4545/4000 = 113.625, to 0 decimals): half up would print 146.32, 158.04, 101.45, 98.42,
    # 102.88, 92.37, 103.45 and 114.
    found = kinerja.bundled_plan().check(rules=["reported-achievement", "rounding-rule"])
    printed = sorted(f.actual_text for f in found if f.rule == "rounding-rule")
    assert printed == sorted(["146.31%", "158.03%", "101.44%", "98.41%", "102.87%", "92.36%", "103.44%", "113%"])
    assert all(f.severity == "info" for f in found if f.rule == "rounding-rule")


CATALOG_PLAN = """kinerja_plan: 1
plan: {id: c, title: C, organisation: O, region: R, period: [2024, 2026], version: main}
nodes:
  - id: s-1
    level: sasaran
    name: Sasaran
    source: T
    indicators:
      - {id: i-known, name: Rasio kekerasan, catalog: rasio-kekerasan-perempuan, source: T}
"""


def test_catalog_references_are_resolved_against_the_bundled_catalog():
    plan = kinerja.Plan.from_yaml(CATALOG_PLAN)
    assert plan.indicator("i-known").catalog == "rasio-kekerasan-perempuan"
    # the shipped catalog has rasio-kekerasan-perempuan (renstra-dpppa-bekasi.yaml)
    assert list(plan.check(rules=["catalog-reference"])) == []
    assert kinerja.catalog.get(plan.indicator("i-known").catalog).unit
    # an entry it does not have is an error at load (tests/python/test_plan_catalogs.py)
    with pytest.raises(kinerja.PlanFileError, match='"no-such-entry"'):
        kinerja.Plan.from_yaml(CATALOG_PLAN.replace("rasio-kekerasan-perempuan", "no-such-entry"))


def test_an_unreadable_pagu_is_reported_once_and_stops_its_rollups():
    # k's pagu "1.2.3" cannot be read; it is both p's part and its own sub-activity's sum, so it
    # takes part in two roll-ups but is reported once, and neither roll-up is guessed.
    text = """kinerja_plan: 1
plan: {id: u, title: U, organisation: O, region: R, period: [2024, 2024], version: main}
nodes:
  - {id: p, level: program, name: P, source: T, budget: {2024: "300"}}
  - {id: k, level: kegiatan, name: K, parent: p, source: T, budget: {2024: "1.2.3"}}
  - {id: sk, level: sub_kegiatan, name: SK, parent: k, source: T, budget: {2024: "100"}}
"""
    found = kinerja.Plan.from_yaml(text).check(rules=["unparsed-value", "budget-rollup", "budget-missing"])
    assert [(f.rule, f.node_id, f.actual_text) for f in found] == [("unparsed-value", "k", "1.2.3")]


NEGATIVE_PAGU = """kinerja_plan: 1
plan: {id: neg, title: Negatif, organisation: Dinas Uji, region: Kota Uji, period: [2024, 2024], version: perubahan}
nodes:
  - id: s-1
    level: sasaran
    name: Sasaran
    source: "Tabel 6.1"
  - id: p-1
    level: program
    name: Program
    parent: s-1
    source: "Tabel 6.1"
    budget: {2024: "-5,000,000"}
    budget_realized: {2024: "-9,000,000"}
    reported_absorption: {2024: "180%"}
"""


def test_a_negative_pagu_is_an_error_and_has_no_absorption():
    # -9,000,000 / -5,000,000 x 100 = 180: the printed 180% "agrees", and nothing was flagged
    plan = kinerja.Plan.from_yaml(NEGATIVE_PAGU)
    found = plan.check(rules=["negative-amount", "reported-absorption"])
    assert [(f.rule, f.severity, f.node_id, f.year, f.actual, f.line) for f in found] == [
        ("negative-amount", "error", "p-1", 2024, -5000000.0, 13),
        ("negative-amount", "error", "p-1", 2024, -9000000.0, 14)]
    assert "pagu in 2024 is -5,000,000" in found[0].message
    frame = plan.budget_frame()
    assert frame.loc[frame["node_id"] == "p-1", "absorption"].isna().all()
    with pytest.raises(kinerja.UndefinedError) as info:
        kinerja.absorption("-5,000,000", "-9,000,000")
    assert info.value.id == "kinerja.undefined.negative_amount"
    assert kinerja.absorption("10,000,000", "8,997,000") == pytest.approx(89.97)
