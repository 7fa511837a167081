"""`kinerja check --severity LEVEL` shows the findings of that severity or worse; `--rule` is
`--rules`; the exit status still counts every error (issue 12, CLI)."""

import json
import shutil

import pytest

import kinerja
from kinerja.cli import main

RANK = {"info": 0, "warning": 1, "error": 2}


def _json(capsys, argv):
    status = main(argv)
    return status, json.loads(capsys.readouterr().out)


def test_severity_keeps_that_severity_and_worse(capsys):
    every = kinerja.bundled_plan().check()
    kinds = {f.severity for f in every}
    assert kinds == {"error", "warning", "info"}  # the bundled plan has all three, so each filter bites
    for level in ("error", "warning", "info"):
        status, shown = _json(capsys, ["check", "--format", "json", "--severity", level])
        assert status == 1  # the bundled plan has errors: the status does not depend on the filter
        assert [d["severity"] for d in shown] == [f.severity for f in every if RANK[f.severity] >= RANK[level]]
    status, errors_only = _json(capsys, ["check", "--format", "json", "--severity", "error"])
    assert errors_only and {d["severity"] for d in errors_only} == {"error"}


def test_severity_in_text_counts_only_what_is_shown(capsys):
    assert main(["check", "--severity", "error"]) == 1
    lines = capsys.readouterr().out.splitlines()
    errors = [f for f in kinerja.bundled_plan().check() if f.severity == "error"]
    assert lines[-1].startswith(f"{len(errors)} findings: ")
    assert "(warning)" not in lines[-1] and "(info)" not in lines[-1]


def test_severity_in_a_batch(capsys, tmp_path):
    shutil.copy(kinerja.bundled_plan_path(), tmp_path / "a.yaml")
    shutil.copy(kinerja.bundled_plan_path(), tmp_path / "b.yaml")
    assert main(["check", str(tmp_path), "--format", "jsonl", "--severity", "warning", "--threads", "1"]) == 1
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    one = [f for f in kinerja.bundled_plan().check() if f.severity != "info"]
    assert len(rows) == 2 * len(one) and {r["severity"] for r in rows} == {"error", "warning"}


def test_rule_is_rules(capsys):
    _, by_rule = _json(capsys, ["check", "--format", "json", "--rule", "duplicate-code"])
    _, by_rules = _json(capsys, ["check", "--format", "json", "--rules", "duplicate-code"])
    assert by_rule == by_rules and {d["rule"] for d in by_rule} == {"duplicate-code"}


def test_an_unknown_severity_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:  # argparse's usage error, exit status 2
        main(["check", "--severity", "fatal"])
    assert info.value.code == 2
    assert "invalid choice: 'fatal'" in capsys.readouterr().err
