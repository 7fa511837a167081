"""A finding's schema has one definition (the C++ to_json of include/kinerja/json.hpp):
``Finding.to_dict()``, ``kinerja.finding_to_dict`` and ``kinerja check --format json`` all come
from it, and agree with the Finding's attributes."""

import glob
import json
import os

import kinerja

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = os.path.join(HERE, "..", "data", "real")

# The order and the keys docs/plans.md documents for `kinerja check --format json`.
KEYS = ["rule", "severity", "node", "indicator", "year", "expected", "actual", "message", "node_id",
        "node_code", "node_name", "indicator_name", "expected_text", "actual_text", "location", "source"]


def _findings():
    plans = [kinerja.bundled_plan()]
    plans += [kinerja.load_plan(p) for p in sorted(glob.glob(os.path.join(REAL, "*.yaml")))
              if not p.endswith(".expect.yaml") and not p.endswith("baseline.yaml")]
    for plan in plans:
        yield from plan.check()


def test_to_dict_has_the_documented_keys_in_order_and_agrees_with_the_attributes():
    seen = 0
    years = set()
    for f in _findings():
        d = f.to_dict()
        assert list(d) == KEYS
        # finding_to_dict shows the location as its user knows the file (kinerja.shown_location)
        assert kinerja.finding_to_dict(f) == dict(d, location=kinerja.shown_location(d["location"]))
        for key in KEYS:
            assert d[key] == getattr(f, key), (key, f)
        years.add(type(d["year"]).__name__ if d["year"] != "end" else "end")
        seen += 1
    assert seen > 100  # the bundled plan alone has more than a hundred findings
    assert {"int", "end", "NoneType"} <= years  # every kind of year was compared


def test_cli_json_is_to_dict(capsys):
    from kinerja.cli import main

    findings = list(kinerja.bundled_plan().check())
    status = main(["check", "--format", "json"])
    assert status == (1 if any(f.severity == "error" for f in findings) else 0)
    printed = json.loads(capsys.readouterr().out)
    assert printed == [kinerja.finding_to_dict(f) for f in findings]
    # the bundled plan is shown as bundled:NAME, wherever it is installed
    assert all(d["location"].startswith("bundled:bekasi-dpppa-2024-2026.yaml:") for d in printed)
