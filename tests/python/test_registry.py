"""The registry of checks (docs/plans.md#checks): ``kinerja.check_rules``, ``kinerja rules`` and
``Plan.check``, which calls the one C++ entry point ``kinerja::check`` (it runs, merges and orders
built-in and rule-file findings; nothing is merged or sorted in Python)."""
import json
from pathlib import Path

import pytest

import kinerja
from kinerja import cli
from kinerja import plan as plan_module

ROOT = Path(__file__).resolve().parent.parent.parent
STANDARD = ROOT / "data" / "rules" / "standard.yaml"
SMALL = ROOT / "tests" / "data" / "rules" / "plan-small.yaml"

BUILT_IN = [("budget-rollup", "error"), ("budget-missing", "warning"), ("budget-end", "error"),
            ("budget-incomplete", "warning"), ("budget-indicator-rows", "error"), ("reported-achievement", "error"),
            ("reported-absorption", "warning"), ("code-hierarchy", "error"), ("duplicate-code", "error"),
            ("orphan", "warning"), ("unit-change", "warning"), ("target-direction", "warning"),
            ("unparsed-value", "warning"), ("grade-score", "warning"), ("catalog-reference", "error"),
            ("negative-amount", "error"), ("rounding-rule", "info"), ("scale-jump", "warning"),
            ("achievement-without-realization", "warning"), ("share-above-100", "error"), ("budget-target", "warning"),
            ("unknown-unit", "info"), ("placeholder", "info"), ("spreadsheet-error", "error"),
            ("target-end", "warning"), ("ratio-mismatch", "error"), ("source-conflict", "warning"),
            ("method-mix", "warning"), ("growth-range", "warning"), ("total-mismatch", "warning"), ("index-formula", "warning"), ("duplicate-row", "warning"),
            ("strategy-level", "error"), ("programme-without-policy", "warning"),
            ("sasaran-without-strategy", "warning"), ("strategy-without-programme", "warning"),
            ("policy-without-programme", "warning"), ("strategy-unlinked", "warning"),
            ("annual-target-mismatch", "warning"), ("evidence-missing", "warning"),
            ("verified-value-changed", "error"), ("verification-transition", "error"), ("verification-time", "error")]
# data/rules/standard.yaml, in its order, with the severity each rule sets
STANDARD_RULES = [("sub-kegiatan-pagu-within-program", "error"), ("kegiatan-pagu-within-program", "error"),
                  ("realized-within-pagu", "error"), ("percent-target-at-most-100", "warning"),
                  ("target-not-negative", "error")]


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_rules_lists_the_built_in_rules_then_a_rule_files():
    assert [(r["id"], r["severity"], r["origin"]) for r in kinerja.check_rules()] == [
        (i, s, "built-in") for i, s in BUILT_IN]
    listed = kinerja.check_rules(STANDARD)
    assert [(r["id"], r["severity"], r["origin"]) for r in listed] == (
        [(i, s, "built-in") for i, s in BUILT_IN] + [(i, s, str(STANDARD)) for i, s in STANDARD_RULES])
    assert listed[-1]["description"] == kinerja.load_rules(STANDARD).find("target-not-negative").description
    # a RuleSet, or a list, as Plan.check takes them
    assert kinerja.check_rules([kinerja.load_rules(STANDARD)]) == listed


def test_rules_command_lists_a_rule_files_rules(capsys):
    code, out, _ = run(capsys, "rules", "--rules-file", STANDARD)
    assert code == 0
    lines = out.strip().splitlines()
    assert [line.split(" ")[0] for line in lines] == [i for i, _ in BUILT_IN] + [i for i, _ in STANDARD_RULES]
    assert lines[0].startswith("budget-rollup (error): ") and "[" not in lines[0]
    assert lines[-1].startswith("target-not-negative (error): ") and lines[-1].endswith(f" [{STANDARD}]")
    code, out, _ = run(capsys, "rules", "--rules-file", STANDARD, "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data) == 43 + 5
    assert data["orphan"]["origin"] == "built-in"
    assert data["realized-within-pagu"] == {"origin": str(STANDARD), "severity": "error",
                                           "description": data["realized-within-pagu"]["description"]}
    # the same rule file twice repeats every id: exit 2, naming both places
    code, _, err = run(capsys, "rules", "--rules-file", STANDARD, "--rules-file", STANDARD)
    assert code == 2 and f"({STANDARD}:9:5) and" in err


def test_plan_check_makes_one_call_to_the_cpp_entry_point(monkeypatch):
    plan = kinerja.load_plan(SMALL)
    calls = []
    core_plan = plan_module._core.Plan
    descriptor = core_plan.__dict__["check"]  # restored by hand: monkeypatch would put back an unbound function
    real = core_plan.check

    def spy(core, rules, include_history, rule_sets, settings):
        calls.append((list(rules), include_history, [list(s.ids) for s in rule_sets]))
        assert settings == {}  # none given: every setting keeps its C++ default
        return real(core, rules, include_history, rule_sets, settings)

    def refuse(*args, **kwargs):
        raise AssertionError("Plan.check applied the rules itself")

    monkeypatch.setattr(plan_module._core, "apply_rules", refuse)
    core_plan.check = spy
    try:
        found = plan.check(rules=["budget-rollup", "realized-within-pagu"], rules_file=[STANDARD],
                           include_history=False)
        plan.check(rules_file=STANDARD)
    finally:
        core_plan.check = descriptor
    assert calls == [(["budget-rollup", "realized-within-pagu"], False, [[i for i, _ in STANDARD_RULES]]),
                     ([], True, [[i for i, _ in STANDARD_RULES]])]
    assert {f.rule for f in found} == {"budget-rollup", "realized-within-pagu"}
    assert isinstance(plan.check(rules=["budget-rollup"]), kinerja.Findings)  # the binding is back in place


def test_an_unknown_rule_id_names_the_known_ones_of_both_kinds():
    with pytest.raises(kinerja.ArgumentError) as info:
        kinerja.load_plan(SMALL).check(rules=["target-not-negativ"], rules_file=STANDARD)
    assert info.value.id == "kinerja.argument.rule"
    assert "unknown check rule \"target-not-negativ\"" in str(info.value)
    assert "verification-time, sub-kegiatan-pagu-within-program" in str(info.value)
