"""Years in Python: an int, or "end" for the end-of-period column (C++ kinerja::period_year). The
end column never shows as a number (it once was the sentinel 9999), 9999 is an ordinary year,
and "end" sorts after every year."""

from pathlib import Path

import pytest

import kinerja
from kinerja import _core
from kinerja.tables import year_key

PLANS = Path(__file__).resolve().parent.parent / "data" / "plans"


@pytest.fixture(scope="module")
def small():
    return kinerja.load_plan(str(PLANS / "valid-small.yaml"))


def test_end_of_period_is_end_not_a_number():
    assert _core.end_of_period() == "end"


def test_year_maps_have_int_years_and_end(small):
    # valid-small.yaml, ind-s-1: targets {2024: "95%", 2025: "97%", 2026: "100%", end: "100%"}
    targets = small.indicator("ind-s-1").targets
    assert targets == {2024: "95%", 2025: "97%", 2026: "100%", "end": "100%"}
    assert 9999 not in targets
    # node s-1: budget for 2024, 2025, 2026 and end
    assert sorted(_core.node_pagu_years(small.node("s-1")), key=year_key) == [2024, 2025, 2026, "end"]


def test_end_is_asked_for_as_end_and_9999_is_a_year_like_any_other(small):
    node = small.node("s-1")
    assert _core.node_pagu_cell(node, "end") == "1.100.000.000"
    assert _core.node_pagu_cell(node, 9999) is None  # no longer the end column
    with pytest.raises(ValueError, match='a year is an integer or "end"'):
        _core.node_pagu_cell(node, "akhir")


def test_entered_end_values_come_back_as_end(small):
    plan = kinerja.load_plan(str(PLANS / "valid-small.yaml"))
    plan.set_target("ind-s-1", "end", "99%")
    plan.set_target("ind-s-1", 9999, "1%")
    targets = plan.indicator("ind-s-1").targets
    assert targets["end"] == "99%"
    assert targets[9999] == "1%"
    # the canonical YAML writes the end column as end, and 9999 as the year it now is
    yaml = plan.to_yaml()
    assert 'end: {value: "99%", source: "entered"}' in yaml
    assert '9999: {value: "1%", source: "entered"}' in yaml


def test_findings_of_the_end_column_say_end():
    years = {f.year for f in kinerja.bundled_plan().check() if f.rule == "budget-rollup" and f.node == "2.08.01"}
    assert years == {2024, 2025, 2026, "end"}


def test_year_key_sorts_end_after_every_year():
    assert sorted(["end", 2026, 9999, 2024], key=year_key) == [2024, 2026, 9999, "end"]
    assert year_key("end") > year_key(9999)
    assert year_key(2024) < year_key(2025)
