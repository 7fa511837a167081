"""Roll-up of achievement, revisions (diff) and quarterly realizations, on tests/data/plans/rollup.yaml.

By hand, 2024 (higher is better everywhere, so achievement = realization / target x 100):
  k1: k1-i 80/100 = 80                               own 80, no children: rolled 80
  k2: k2-i 95/100 = 95; k2-q quarters 3+3+2+1 = 9 Laporan (aggregation sum) against 12: 75
                                                     own (95 + 75) / 2 = 85, rolled 85
  p:  p-i 90/100 = 90                                own 90
      mean of children:        (80 + 85) / 2 = 82.5
      weighted by pagu:        (100 x 80 + 200 x 85) / 300 = 25,000 / 300 = 83.333...
      ratio of sums (k1-i, k2-i carry counts): realized 8 + 19 = 27 of the 10 + 20 = 30 the
                               100% targets imply: 27 / 30 x 100 = 90
  s:  s-i 60/80 = 75                                 own 75; its one child p gives the rolled value
2025 has no values: nothing is computed.
"""

import json
from pathlib import Path

import pytest

import kinerja
from kinerja import cli

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "plans" / "rollup.yaml"


@pytest.fixture(scope="module")
def plan():
    return kinerja.load_plan(FIXTURE)


def rolled(frame, node, year=2024):
    row = frame[(frame.node_id == node) & (frame.year == year)].iloc[0]
    return row


@pytest.mark.parametrize("method, expected_p", [("mean", 82.5), ("budget_weighted", 25000 / 300), ("ratio_of_sums", 90.0)])
def test_rollup_methods(plan, method, expected_p):
    frame = plan.rollup(method=method)
    assert set(frame.method) == {method}  # the method is recorded in every row
    assert rolled(frame, "k1").rolled == pytest.approx(80.0)
    assert rolled(frame, "k2").own == pytest.approx(85.0)
    assert rolled(frame, "k2").rolled == pytest.approx(85.0)
    assert rolled(frame, "p").own == pytest.approx(90.0)
    assert rolled(frame, "p").rolled == pytest.approx(expected_p)
    assert rolled(frame, "p").children == 2
    assert rolled(frame, "s").own == pytest.approx(75.0)
    assert rolled(frame, "s").rolled == pytest.approx(expected_p)
    assert rolled(frame, "k2").indicators == 2


def test_rollup_leaves_years_without_values_empty(plan):
    frame = plan.rollup()
    row = rolled(frame, "p", 2025)
    assert row.rolled != row.rolled  # NaN: no achievement in 2025
    assert "no achievement" in row.basis


def test_quarterly_realizations_become_a_year_by_the_indicators_aggregation(plan):
    v = plan.realization("k2-q", 2024)
    assert v.kind == "count" and v.number == 9.0 and v.unit == "Laporan"  # 3 + 3 + 2 + 1
    assert plan.realization("k1-i", 2024).number == 80.0  # printed yearly value
    assert plan.realization("k1-i", 2025) is None


def test_a_quarterly_indicator_without_aggregation_is_an_error():
    text = FIXTURE.read_text(encoding="utf-8").replace("        aggregation: sum\n", "")
    plan = kinerja.Plan.from_yaml(text)
    with pytest.raises(kinerja.ArgumentError) as info:
        plan.realization("k2-q", 2024)
    assert info.value.id == "kinerja.argument.aggregation"


def test_diff_from_the_original_to_the_revised_version(plan):
    changes = plan.version_of("awal").diff(plan)
    got = [(c.kind, c.subject, c.id, c.field, c.year, c.old, c.new) for c in changes]
    assert got == [
        ("changed", "node", "k1", "budget", 2024, "150", "100"),
        ("changed", "indicator", "k1-i", "unit", None, "Orang", "Persen"),
        ("changed", "indicator", "k1-i", "target", 2024, "90%", "100%"),
        ("added", "node", "k2", None, None, "", "Kegiatan 2"),
    ]
    # and back again: the same differences the other way round
    back = [(c.kind, c.id, c.field, c.old, c.new) for c in plan.diff(plan.version_of("awal"))]
    assert back[:3] == [("changed", "k1", "budget", "100", "150"), ("changed", "k1-i", "unit", "Persen", "Orang"),
                        ("changed", "k1-i", "target", "100%", "90%")]
    assert back[3] == ("removed", "k2", None, "Kegiatan 2", "")


def test_a_plan_has_no_differences_with_itself(plan):
    assert plan.diff(plan) == []


def test_cli_diff_and_rollup(capsys):
    assert cli.main(["diff", str(FIXTURE), "--versions", "awal", "perubahan", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["field"] for r in rows] == ["budget", "unit", "target", None]
    assert cli.main(["rollup", str(FIXTURE), "--method", "budget_weighted", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    p2024 = next(r for r in data if r["node_id"] == "p" and r["year"] == 2024)
    assert p2024["rolled"] == pytest.approx(25000 / 300)
