"""Validation rules as data (docs/validation.md): ``kinerja.load_rules``, ``Plan.check(rules_file=...)``
and ``kinerja check --rules-file``. The fixtures are in tests/data/rules/; the values of
plan-small.yaml are tabulated at its top and every expected finding is worked out by hand in the
comments here and in the rule files."""

import json
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

ROOT = Path(__file__).resolve().parent.parent.parent
RULES = ROOT / "tests" / "data" / "rules"
STANDARD = ROOT / "data" / "rules" / "standard.yaml"
SMALL = RULES / "plan-small.yaml"
CLEAN = RULES / "plan-clean.yaml"
KEYS = {"rule", "severity", "node", "indicator", "year", "expected", "actual", "message", "node_id",
        "node_code", "node_name", "indicator_name", "expected_text", "actual_text", "location", "source"}
STANDARD_IDS = {"sub-kegiatan-pagu-within-program", "kegiatan-pagu-within-program", "realized-within-pagu",
                "percent-target-at-most-100", "target-not-negative"}


def user_findings(findings, ids=STANDARD_IDS):
    return [f for f in findings if f.rule in ids]


def key(f):
    return (f.rule, f.node_id, f.indicator, f.year, f.actual, f.expected)


# --------------------------------------------------------------------------- loading

def test_load_rules_reads_the_shipped_file():
    rules = kinerja.load_rules(STANDARD)
    assert isinstance(rules, kinerja.RuleSet)
    assert len(rules) == 5
    assert set(rules.ids) == STANDARD_IDS
    assert "realized-within-pagu" in rules and "budget-rollup" not in rules
    assert rules.files == [str(STANDARD)]
    r = rules.find("realized-within-pagu")
    assert isinstance(r, kinerja.Rule)
    assert (r.scope, r.levels, r.left, r.op, r.right, r.severity) == (
        "node", ["program", "kegiatan", "sub_kegiatan"], "realized", "<=", "pagu", "error")
    assert r.when is None and r.unit is None and r.years == []
    assert r.location.startswith(str(STANDARD) + ":")
    pct = rules.find("percent-target-at-most-100")
    assert (pct.scope, pct.levels, pct.severity) == ("indicator", [], "warning")
    assert [x.id for x in rules][0] == "sub-kegiatan-pagu-within-program"
    assert rules.find("nothing") is None
    assert kinerja.standard_rules_path().read_text(encoding="utf-8") == STANDARD.read_text(encoding="utf-8")


def test_rule_fields_from_the_quantities_fixture():
    rules = kinerja.load_rules(RULES / "quantities.yaml")
    assert len(rules) == 12
    assert rules.find("q-when").when == "pagu >= 550_000_000"
    assert rules.find("q-unit").unit == "%"
    assert rules.find("q-kegiatan-pagu").op == "<="      # written `op: le`
    assert rules.find("q-parent-half").years == [2024]
    assert "q-children" in repr(rules)


@pytest.mark.parametrize("name, line, column, says", [
    # "    treshold: 5": the key at column 5
    ("unknown-key.yaml", 9, 5, 'unknown key "treshold"'),
    ("bad-op.yaml", 6, 9, 'unknown op "=<"'),
    ("bad-scope.yaml", 4, 12, 'unknown scope "programme"'),
    ("bad-severity.yaml", 8, 15, 'unknown severity "fatal"'),
    # "    right: 2 * programme_pagu": the value at column 12, the name 4 further
    ("unknown-quantity.yaml", 7, 16, 'unknown quantity "programme_pagu"'),
    # '    left: "pagu + * 2"': the text at column 12, '*' 7 further
    ("formula-syntax.yaml", 5, 19, "expected an operand"),
])
def test_malformed_rule_files_raise_with_line_and_column(name, line, column, says):
    path = RULES / "malformed" / name
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_rules(path)
    err = info.value
    assert (err.file, err.line, err.column) == (str(path), line, column)
    assert says in err.reason
    assert err.id.startswith("kinerja.rules.")
    assert f"{path}:{line}:{column}: " in str(err)


def test_a_missing_rule_file():
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.load_rules(RULES / "no-such-file.yaml")
    assert info.value.id == "kinerja.rules.io"


# --------------------------------------------------------------------------- Plan.check(rules_file=...)

def test_check_with_the_shipped_rules_on_the_small_plan():
    plan = kinerja.load_plan(SMALL)
    builtin = plan.check()
    findings = plan.check(rules_file=STANDARD)
    assert isinstance(findings, kinerja.Findings)
    assert len(findings) == len(builtin) + 7
    assert {key(f) for f in findings if f.rule not in STANDARD_IDS} == {key(f) for f in builtin}
    # M = 1,000,000 Rupiah; see plan-small.yaml
    assert sorted(key(f) for f in user_findings(findings)) == sorted([
        # sub-activity sk-1 2025: 1,100M > programme p-1 1,000M
        ("sub-kegiatan-pagu-within-program", "sk-1", None, 2025, 1_100_000_000.0, 1_000_000_000.0),
        # activity k-1 2025: 1,200M > 1,000M
        ("kegiatan-pagu-within-program", "k-1", None, 2025, 1_200_000_000.0, 1_000_000_000.0),
        # realized > pagu: k-1 2024 650M > 600M; history h-p 2022 550M > 500M
        ("realized-within-pagu", "k-1", None, 2024, 650_000_000.0, 600_000_000.0),
        ("realized-within-pagu", "h-p", None, 2022, 550_000_000.0, 500_000_000.0),
        # percentage targets above 100: ind-p1 (Persen) 105%, ind-k1 (no unit, printed 120%)
        ("percent-target-at-most-100", "p-1", "ind-p1", 2025, 105.0, 100.0),
        ("percent-target-at-most-100", "k-1", "ind-k1", 2025, 120.0, 100.0),
        # negative target: ind-sk1 2025 "-1 Dokumen"
        ("target-not-negative", "sk-1", "ind-sk1", 2025, -1.0, 0.0),
    ])
    # ordered by place in the plan file, user and built-in findings together
    places = [(f.line, f.column) for f in findings]
    assert places == sorted(places)
    f = next(x for x in findings if x.rule == "sub-kegiatan-pagu-within-program")
    assert (f.severity, f.node, f.source, f.line, f.column) == ("error", "2.08.03.2.01.0001", "Tabel 6.1", 66, 41)
    assert (f.expected_text, f.actual_text) == ("1,000,000,000", "1,100,000,000")
    assert f.message == "sub-activity 2.08.03.2.01.0001: pagu 1,100,000,000 in 2025 exceeds its programme's pagu 1,000,000,000"
    assert kinerja.finding_to_dict(f).keys() == KEYS


def test_check_takes_a_rule_set_or_a_list_and_the_history_switch():
    plan = kinerja.load_plan(SMALL)
    rules = kinerja.load_rules(STANDARD)
    assert len(user_findings(plan.check(rules_file=rules))) == 7
    assert len(user_findings(plan.check(rules_file=str(STANDARD)))) == 7
    # without the history h-p's realized budget is not checked: 6
    assert len(user_findings(plan.check(rules_file=rules, include_history=False))) == 6
    both = plan.check(rules_file=[STANDARD, RULES / "quantities.yaml"])
    assert len(user_findings(both)) == 7
    assert len([f for f in both if f.rule.startswith("q-")]) == 20  # worked out in quantities.yaml
    # the same rule ids twice
    with pytest.raises(kinerja.ArgumentError):
        plan.check(rules_file=[STANDARD, rules])


def test_rules_selects_among_built_in_and_user_rules():
    plan = kinerja.load_plan(SMALL)
    only_user = plan.check(rules=["target-not-negative"], rules_file=STANDARD)
    assert [f.rule for f in only_user] == ["target-not-negative"]
    mixed = plan.check(rules=["budget-rollup", "realized-within-pagu"], rules_file=STANDARD)
    assert {f.rule for f in mixed} == {"budget-rollup", "realized-within-pagu"}
    assert len(mixed.by_rule("realized-within-pagu")) == 2
    assert len(mixed.by_rule("budget-rollup")) == len(plan.check(rules=["budget-rollup"]))
    only_builtin = plan.check(rules=["budget-rollup"], rules_file=STANDARD)
    assert {f.rule for f in only_builtin} == {"budget-rollup"}
    with pytest.raises(kinerja.ArgumentError):
        plan.check(rules=["no-such-rule"], rules_file=STANDARD)
    # without rules_file the behaviour is the one before
    assert [key(f) for f in plan.check()] == [key(f) for f in plan.check(rules=[])]


def test_quantities_on_the_small_plan():
    plan = kinerja.load_plan(SMALL)
    ids = set(kinerja.load_rules(RULES / "quantities.yaml").ids)
    found = user_findings(plan.check(rules_file=RULES / "quantities.yaml"), ids)
    by = {}
    for f in found:
        by.setdefault(f.rule, []).append(f)
    assert {r: len(v) for r, v in by.items()} == {
        "q-parent-half": 1, "q-kegiatan-pagu": 1, "q-children-sum": 3, "q-children": 5, "q-when": 1,
        "q-missing-explicit": 1, "q-unit": 2, "q-achievement": 1, "q-reported": 1, "q-baseline": 1,
        "q-node-pagu": 2, "q-realization": 1}
    # lower is better, inverse: 0.035 / 0.028 x 100 = 125 (> 120)
    (ach,) = by["q-achievement"]
    assert (ach.indicator, ach.year, ach.actual, ach.expected) == ("ind-lower", 2024, 125.0, 120.0)
    # children_pagu of k-1 in 2026: 300M + (sk-2 "-" left out) = 300M against its pagu 500M
    k1 = [f for f in by["q-children-sum"] if f.node_id == "k-1"]
    assert [(f.year, f.actual, f.expected) for f in k1] == [(2026, 300_000_000.0, 500_000_000.0)]
    # a year-less quantity: no year
    assert all(f.year is None for f in by["q-children"])
    # the baseline's row is in the baseline year
    assert by["q-baseline"][0].year == 2023


def test_a_missing_quantity_gives_no_finding(tmp_path):
    # pagu > 0 would fail for sk-2 2025 ("1.2OO.000", unreadable), sk-2 2026 ("-") and k-2 2025 (blank)
    # if they were read as 0; they are missing, so the rule does not apply there.
    path = tmp_path / "positive.yaml"
    path.write_text("kinerja_rules: 1\nrules:\n  - {id: pagu-positive, scope: [kegiatan, sub_kegiatan], left: pagu, "
                    "op: '>', right: '0', severity: error, message: '{node} {year}'}\n", encoding="utf-8")
    plan = kinerja.load_plan(SMALL)
    assert plan.check(rules=["pagu-positive"], rules_file=path) == []
    # isNull() sees them: 3 rows
    path.write_text("kinerja_rules: 1\nrules:\n  - {id: pagu-missing, scope: [kegiatan, sub_kegiatan], "
                    "left: isNull(pagu), op: '=', right: '0', severity: info, message: '{node} {year}'}\n",
                    encoding="utf-8")
    assert [(f.node_id, f.year) for f in plan.check(rules=["pagu-missing"], rules_file=path)] == [
        ("sk-2", 2025), ("sk-2", 2026), ("k-2", 2025)]


def test_the_shipped_rules_on_the_bundled_plan():
    plan = kinerja.bundled_plan()
    findings = user_findings(plan.check(rules_file=STANDARD))
    # Hand-computed (tests/cpp/test_validation.cpp has the full working): the only rule that fires is
    # activity 2.08.02.2.03 in 2025, 4.862.220.800 against programme 2.08.02's 3.830,000,000
    # (1,032,220,800 over). No sub-activity exceeds its programme, no Tabel 2.11 realization exceeds
    # its pagu (the highest are exactly 100%, e.g. 139,644,000 of 139,644,000), no percentage target
    # exceeds 100%, no target is negative.
    assert [key(f) for f in findings] == [
        ("kegiatan-pagu-within-program", "k-2.08.02.2.03", None, 2025, 4_862_220_800.0, 3_830_000_000.0)]
    assert findings[0].source == "Tabel 6.1"


# --------------------------------------------------------------------------- the command line

def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_json_includes_the_user_findings(capsys):
    code, out, err = run(capsys, "check", SMALL, "--rules-file", STANDARD, "--format", "json")
    assert code == 1 and err == ""
    data = json.loads(out)
    plain = json.loads(run(capsys, "check", SMALL, "--format", "json")[1])
    assert len(data) == len(plain) + 7
    assert all(set(d) == KEYS for d in data)
    sub = [d for d in data if d["rule"] == "sub-kegiatan-pagu-within-program"]
    assert sub == [{
        "rule": "sub-kegiatan-pagu-within-program", "severity": "error", "node": "2.08.03.2.01.0001",
        "indicator": None, "year": 2025, "expected": 1_000_000_000.0, "actual": 1_100_000_000.0,
        "message": "sub-activity 2.08.03.2.01.0001: pagu 1,100,000,000 in 2025 exceeds its programme's pagu 1,000,000,000",
        "node_id": "sk-1", "node_code": "2.08.03.2.01.0001", "node_name": "Advokasi Kebijakan", "indicator_name": None,
        "expected_text": "1,000,000,000", "actual_text": "1,100,000,000",
        "location": f"{kinerja.shown_path(str(SMALL))}:66:41", "source": "Tabel 6.1"}]


def test_cli_exit_status_follows_the_user_findings(capsys):
    # plan-clean.yaml: no built-in finding
    assert run(capsys, "check", CLEAN)[0] == 0
    # 2 warnings (k-2: 150M and 130M above 0.5 x 250M = 125M): still 0
    code, out, _ = run(capsys, "check", CLEAN, "--rules-file", RULES / "share-warning.yaml")
    assert code == 0
    assert "warning: [activity-share-warning] 2.08.03.2.02 2024: 2.08.03.2.02: pagu 150,000,000 in 2024" in out
    assert out.rstrip().splitlines()[-1] == "2 findings: 2 activity-share-warning (warning)"
    # repeatable: add an error rule (k-2 2024: 150M above 0.55 x 250M = 137.5M): exit 1
    code, out, _ = run(capsys, "check", CLEAN, "--rules-file", RULES / "share-warning.yaml",
                       "--rules-file", RULES / "share-error.yaml", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [(d["rule"], d["severity"], d["year"]) for d in data] == [
        ("activity-share-warning", "warning", 2024), ("activity-share-error", "error", 2024),
        ("activity-share-warning", "warning", 2025)]
    assert data[1]["expected"] == 137_500_000.0
    # --rules picks user rules too
    code, out, _ = run(capsys, "check", CLEAN, "--rules-file", RULES / "share-warning.yaml",
                       "--rules-file", RULES / "share-error.yaml", "--rules", "activity-share-warning", "--format", "json")
    assert code == 0 and {d["rule"] for d in json.loads(out)} == {"activity-share-warning"}


def test_cli_unusable_rule_files_exit_2(capsys):
    code, out, err = run(capsys, "check", CLEAN, "--rules-file", RULES / "malformed" / "bad-op.yaml")
    assert code == 2 and out == ""
    assert f"{RULES / 'malformed' / 'bad-op.yaml'}:6:9: unknown op" in err
    code, _, err = run(capsys, "check", CLEAN, "--rules-file", RULES / "no-such-file.yaml")
    assert code == 2 and "kinerja.rules.io" in err
    # the same file twice repeats every rule id
    code, _, err = run(capsys, "check", CLEAN, "--rules-file", STANDARD, "--rules-file", STANDARD)
    assert code == 2 and "is in both rule sets" in err
