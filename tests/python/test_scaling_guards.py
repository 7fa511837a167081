"""Guards on the cost of the Python tables and the report, counted instead of timed: each year map
of a compiled node or indicator (``node.budget``, ``indicator.targets``, ...) is a conversion that
builds a new dict on every access, so the tables must read it once per node or indicator, not
once per year (which made them quadratic in the years). The timing of load, check, roll-up and
report against the number of nodes is the scaling benchmark (bench/scaling, docs/performance.md).
"""

from collections import Counter

import pytest

import kinerja
from kinerja import _core

YEARS = list(range(2001, 2031))  # 30 years


def _map(years, text):
    return "{" + ", ".join(f'{y}: "{text}"' for y in years) + "}"


PLAN = f"""kinerja_plan: 1
plan: {{id: long, title: Panjang, organisation: Dinas Uji, region: Kota Uji, period: [{YEARS[0]}, {YEARS[-1]}], version: perubahan}}
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
    budget: {_map(YEARS, "1,000,000")}
    budget_realized: {_map(YEARS, "900,000")}
    indicators:
      - id: ind-1
        name: Persentase
        polarity: higher
        source: "Tabel 6.1"
        targets: {_map(YEARS, "90%")}
        realizations: {_map(YEARS, "81%")}
"""

MAPS = {_core.Node: ("budget", "budget_realized", "reported_absorption"),
        _core.Indicator: ("targets", "realizations", "reported_achievement")}


@pytest.fixture
def reads(monkeypatch):
    """Counts the reads of every year map of compiled nodes and indicators, by (node or indicator
    id, attribute)."""
    counts = Counter()
    for cls, names in MAPS.items():
        for name in names:
            original = cls.__dict__[name]

            def counted(self, _get=original.fget, _name=name):
                counts[(self.id, _name)] += 1
                return _get(self)

            monkeypatch.setattr(cls, name, property(counted))
    return counts


def test_budget_rows_read_each_year_map_once_per_node(reads):
    plan = kinerja.Plan.from_yaml(PLAN)
    rows = [r for r in plan.budget_rows() if r["node_id"] == "p-1"]
    assert len(rows) == len(YEARS)
    assert rows[0]["absorption"] == pytest.approx(90.0)  # 900,000 / 1,000,000 x 100
    assert reads[("p-1", "budget")] == 0  # the pagu is read in C++ (plan_values.hpp), its own row else an indicator's
    assert reads[("p-1", "budget_realized")] == 1
    assert reads[("p-1", "reported_absorption")] == 1


def test_indicator_rows_read_each_year_map_once_per_indicator(reads):
    plan = kinerja.Plan.from_yaml(PLAN)
    rows = plan.indicator_rows()
    assert len(rows) == len(YEARS)
    assert rows[-1]["achievement"] == pytest.approx(90.0)  # 81 / 90 x 100
    for name in ("targets", "realizations", "reported_achievement"):
        assert reads[("ind-1", name)] == 1, name


def test_the_report_reads_each_year_map_a_bounded_number_of_times(reads):
    plan = kinerja.Plan.from_yaml(PLAN)
    report = kinerja.build_report(plan, include_findings=False)
    assert len(report.section("tabel-6.1").rows) == 2  # s-1 (no indicator) and p-1's one indicator
    # once for the indicator table, once for the Tabel 6.1 layout; the pagu is read in C++
    # (plan_values.hpp), not through the year map
    assert reads[("ind-1", "targets")] == 2
    assert reads[("p-1", "budget")] == 0


def test_a_node_displays_reading_each_year_map_once(reads):
    plan = kinerja.Plan.from_yaml(PLAN)
    html = plan.node("p-1")._repr_html_()
    assert "target 2030" in html and html.count("1,000,000") == len(YEARS)
    for key in (("p-1", "budget_realized"), ("p-1", "reported_absorption"), ("ind-1", "targets")):
        assert reads[key] == 1, key
    assert reads[("p-1", "budget")] == 0  # the pagu is read in C++ (plan_values.hpp)
