"""Real published plans judge the checks (issue 9, item 7).

Every ``tests/data/real/NAME.yaml`` is a table transcribed as printed from a public Renstra, RPJMD or
LKjIP of a region other than Kota Bekasi; beside it, ``NAME.expect.yaml`` lists by hand what is
really wrong in it. This test runs ``python -m kinerja check FILE --format json`` on each plan (the
acceptance surface) and compares every finding with the expectation:

* a finding that matches an ``ignore`` entry is not judged;
* a finding that matches an ``expected`` entry is true, and the entry counts as found;
* a finding that matches an ``allowed`` entry is true (a true statement that is not required);
* every other finding is a false alarm (its cause is taken from the first ``known_false`` entry it
  matches, else "unclassified").

An entry matches a finding when (1) the finding's ``rule`` is the entry's ``rule`` (a string, or a
list of accepted rule ids), (2) the entry's ``node`` is the finding's ``node_id`` or its ``node``
(the code), or ``any``, (3) the entry has no ``indicator`` or it equals the finding's ``indicator``
id, and (4) the entry's ``year`` is ``any`` or equals the finding's year (an integer, ``end`` for the
end column, or null for findings without a year).

precision = true findings / all judged findings; recall = expected entries found / expected entries,
both summed over all plans. They must not fall below ``tests/data/real/baseline.yaml`` (a ratchet:
raise it when the checks improve, never lower it). Run this file as a script for the per-finding
classification: ``PYTHONPATH=build/dev/python python3 tests/python/test_real_plans.py --details``.

An expectation may name its ``batch`` (default 1): the plans added after the checks were written
are a later batch, measured on their own first (a held-out figure: how the checks do on tables they
were not written against). ``--batch N`` measures one batch only; the ratchet is on all plans.
"""

import json
import os
from pathlib import Path
import subprocess
import sys

import pytest
import yaml

REAL_DIR = Path(__file__).resolve().parent.parent / "data" / "real"
BASELINE = REAL_DIR / "baseline.yaml"
REQUIRED_KEYS = ("rule", "severity", "node", "node_id", "year", "expected", "actual", "message")


def plan_files(batch=None):
    """The real plans (sorted); with ``batch``, only those whose expectation names that batch."""
    plans = sorted(p for p in REAL_DIR.glob("*.yaml")
                   if not p.name.endswith(".expect.yaml") and p.name != "baseline.yaml")
    if batch is None:
        return plans
    return [p for p in plans if int(load_expectation(p).get("batch", 1)) == batch]


def _env():
    import kinerja
    env = dict(os.environ)
    pkg_dir = os.path.dirname(os.path.dirname(os.path.abspath(kinerja.__file__)))
    env["PYTHONPATH"] = pkg_dir + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("KINERJA_TRACEBACK", None)
    return env


def run_check(path):
    """``kinerja check PATH --format json`` as a subprocess: (exit code, findings or None, stderr)."""
    proc = subprocess.run([sys.executable, "-m", "kinerja", "check", str(path), "--format", "json"],
                          capture_output=True, text=True, env=_env(), timeout=300)
    findings = None
    if proc.returncode in (0, 1):
        findings = json.loads(proc.stdout)
    return proc.returncode, findings, proc.stderr


def load_expectation(plan_path):
    path = plan_path.with_name(plan_path.name[:-len(".yaml")] + ".expect.yaml")
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    assert data["plan"] == plan_path.name, f"{path.name}: 'plan' names {data['plan']!r}"
    for key in ("expected", "allowed", "ignore", "known_false"):
        data[key] = data.get(key) or []
        for entry in data[key]:
            assert "rule" in entry and "node" in entry and "year" in entry, f"{path.name}: {key} entry {entry}"
    return data


def _year(value):
    return value if value in ("any", "end", None) else int(value)


def matches(entry, finding):
    rules = entry["rule"] if isinstance(entry["rule"], list) else [entry["rule"]]
    if finding["rule"] not in rules:
        return False
    if entry["node"] != "any" and entry["node"] not in (finding.get("node_id"), finding.get("node")):
        return False
    if "indicator" in entry and entry["indicator"] != finding.get("indicator"):
        return False
    year = _year(entry["year"])
    return year == "any" or year == finding.get("year")


def judge(expectation, findings):
    """Classify every finding; return a dict of counts and the classified findings."""
    found = [False] * len(expectation["expected"])
    rows = []
    for f in findings:
        verdict, cause = "false", "unclassified"
        if any(matches(e, f) for e in expectation["ignore"]):
            verdict, cause = "ignored", ""
        else:
            hits = [i for i, e in enumerate(expectation["expected"]) if matches(e, f)]
            if hits:
                verdict, cause = "true", "expected"
                for i in hits:
                    found[i] = True
            elif any(matches(e, f) for e in expectation["allowed"]):
                verdict, cause = "true", "allowed"
            else:
                cause = next((e["cause"] for e in expectation["known_false"] if matches(e, f)), "unclassified")
        rows.append((verdict, cause, f))
    misses = [e for e, ok in zip(expectation["expected"], found) if not ok]
    return {
        "true": sum(1 for v, _, _ in rows if v == "true"),
        "false": sum(1 for v, _, _ in rows if v == "false"),
        "ignored": sum(1 for v, _, _ in rows if v == "ignored"),
        "expected": len(expectation["expected"]),
        "found": sum(found),
        "misses": misses,
        "rows": rows,
    }


def measure(batch=None):
    """Check every real plan (or one batch's); return per-plan results (in file order)."""
    results = []
    for path in plan_files(batch):
        code, findings, stderr = run_check(path)
        results.append((path, code, findings, stderr))
    return results


def ratio(num, den):
    return num / den if den else 1.0


def summary(results):
    total = {"true": 0, "false": 0, "ignored": 0, "expected": 0, "found": 0}
    per_plan = []
    causes = {}
    misses = []
    for path, code, findings, _ in results:
        j = judge(load_expectation(path), findings or [])
        for k in total:
            total[k] += j[k]
        for verdict, cause, _ in j["rows"]:
            if verdict == "false":
                causes[cause] = causes.get(cause, 0) + 1
        misses += [(path.name, m) for m in j["misses"]]
        per_plan.append((path.name, j))
    return total, per_plan, causes, misses


def format_table(total, per_plan, causes, misses, details=False):
    lines = [f"{'plan':48} {'findings':>8} {'true':>5} {'false':>5} {'ign.':>5} {'exp.':>5} {'found':>5}"
             f" {'precision':>9} {'recall':>7}"]
    for name, j in per_plan:
        n = j["true"] + j["false"]
        rec = f"{ratio(j['found'], j['expected']):.2f}" if j["expected"] else "-"
        prec = f"{ratio(j['true'], n):.2f}" if n else "-"
        lines.append(f"{name[:-5]:48} {n + j['ignored']:8d} {j['true']:5d} {j['false']:5d} {j['ignored']:5d}"
                     f" {j['expected']:5d} {j['found']:5d} {prec:>9} {rec:>7}")
        if details:
            for verdict, cause, f in j["rows"]:
                ind = f" {f['indicator']}" if f.get("indicator") else ""
                lines.append(f"    {verdict:7} {f['rule']} {f['node_id']}{ind} {f['year']}"
                             f"{' (' + cause + ')' if verdict == 'false' else ''}")
    n = total["true"] + total["false"]
    lines.append(f"{'ALL':48} {n + total['ignored']:8d} {total['true']:5d} {total['false']:5d}"
                 f" {total['ignored']:5d} {total['expected']:5d} {total['found']:5d}"
                 f" {ratio(total['true'], n):9.2f} {ratio(total['found'], total['expected']):7.2f}")
    lines.append("false alarms by cause: " + ", ".join(f"{c}: {k}" for c, k in
                                                      sorted(causes.items(), key=lambda x: (-x[1], x[0]))))
    lines.append("misses: " + "; ".join(f"{p} {m['rule']} {m['node']} {m['year']}" for p, m in misses))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def results():
    return measure()


def test_the_corpus_is_there():
    # issue 9 item 7: at least 15 plans, each with its expectation, from at least three regions
    plans = plan_files()
    assert len(plans) >= 15
    regions = set()
    for p in plans:
        load_expectation(p)
        with open(p, encoding="utf-8") as f:
            regions.add(yaml.safe_load(f)["plan"]["region"])
    assert "Kota Bekasi" not in regions
    assert len(regions) >= 3


def test_every_real_plan_loads_and_checks_without_a_crash(results):
    for path, code, findings, stderr in results:
        assert code in (0, 1), f"{path.name}: exit {code}: {stderr}"
        assert "Traceback" not in stderr, f"{path.name}: {stderr}"
        assert isinstance(findings, list), path.name
        for f in findings:
            missing = [k for k in REQUIRED_KEYS if k not in f]
            assert not missing, f"{path.name}: finding without {missing}: {f}"
            assert f["year"] is None or f["year"] == "end" or isinstance(f["year"], int), f


def test_precision_and_recall_do_not_fall_below_the_ratchet(results):
    total, per_plan, causes, misses = summary(results)
    print()
    print(format_table(total, per_plan, causes, misses))
    with open(BASELINE, encoding="utf-8") as f:
        baseline = yaml.safe_load(f)
    precision = ratio(total["true"], total["true"] + total["false"])
    recall = ratio(total["found"], total["expected"])
    assert precision >= baseline["precision"], f"precision {precision:.4f} < ratchet {baseline['precision']}"
    assert recall >= baseline["recall"], f"recall {recall:.4f} < ratchet {baseline['recall']}"


def test_matching_is_by_rule_node_indicator_and_year():
    # the matching rule above, on hand-made findings
    entry = {"rule": ["unit-change", "unit-jump"], "node": "k-1", "indicator": "i-1", "year": 2015}
    f = {"rule": "unit-jump", "node": "1.02.01", "node_id": "k-1", "indicator": "i-1", "year": 2015}
    assert matches(entry, f)
    assert matches(dict(entry, node="1.02.01"), f)          # the node's code also names it
    assert not matches(dict(entry, year="end"), f)
    assert matches(dict(entry, year="any"), f)
    assert not matches(entry, dict(f, indicator="i-2"))
    assert not matches(entry, dict(f, rule="orphan"))
    assert matches({"rule": "orphan", "node": "any", "year": None}, {"rule": "orphan", "node_id": "x", "year": None})
    exp = {"expected": [entry], "allowed": [{"rule": "orphan", "node": "x", "year": "any"}],
           "ignore": [{"rule": "budget-rollup", "node": "k-1", "year": "any"}],
           "known_false": [{"rule": "budget-missing", "node": "any", "year": "any", "cause": "level never priced"}]}
    j = judge(exp, [f, {"rule": "orphan", "node_id": "x", "year": None},
                    {"rule": "budget-rollup", "node_id": "k-1", "year": 2015},
                    {"rule": "budget-missing", "node_id": "s-1", "year": 2015},
                    {"rule": "orphan", "node_id": "y", "year": None}])
    assert (j["true"], j["false"], j["ignored"], j["found"], j["expected"]) == (2, 2, 1, 1, 1)
    assert [c for v, c, _ in j["rows"] if v == "false"] == ["level never priced", "unclassified"]


def test_batches_are_numbered():
    # every expectation's batch is a positive integer; batch 1 (the first corpus) is not empty
    batches = {int(load_expectation(p).get("batch", 1)) for p in plan_files()}
    assert all(b >= 1 for b in batches) and 1 in batches
    assert plan_files(1) and set(plan_files(1)) <= set(plan_files())


if __name__ == "__main__":
    only = int(sys.argv[sys.argv.index("--batch") + 1]) if "--batch" in sys.argv else None
    print(format_table(*summary(measure(only)), details="--details" in sys.argv))
