"""One rule for a plan's values (C++ plan_values.hpp), the same through every API.

tests/data/plans/values.yaml works out its values by hand in its comment: settings complement
for lower-is-better and half up to 1 decimal; i-third 66.7, i-lower 80, i-unknown none (no
polarity), i-quarters 75 (quarters summed, no yearly realization printed); n-ind's pagu is
printed only on its indicator's row (100 in 2024, 150 in 2025 beside a blank own cell).
"""

import re
from pathlib import Path

import pytest

import kinerja
from kinerja import _core
from kinerja.tables import row_year

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted((ROOT / "tests" / "data" / "plans").glob("*.yaml"))


@pytest.fixture(scope="module")
def small():
    return kinerja.load_plan(ROOT / "tests" / "data" / "plans" / "values.yaml")


def _plans():
    return [kinerja.load_plan(p) for p in PLANS] + [kinerja.bundled_plan()]


def _value(x):
    return None if x is None or x != x else float(x)  # NaN in a frame is no value


def test_the_fixture_plans_are_there():
    assert {p.name for p in PLANS} >= {"clean.yaml", "rollup.yaml", "valid-small.yaml", "values.yaml"}


@pytest.mark.parametrize("plan", _plans(), ids=[p.name for p in PLANS] + ["bundled"])
def test_achievement_is_one_number_through_every_api(plan):
    """C++ indicator_achievement, the to_frame column, Plan.achievement and the `achievement`
    quantity of a validation rule agree on every indicator-year of the plan."""
    indicators = {i.id: i for n in plan.nodes + plan.history for i in n.indicators}
    rule = _core.parse_rules('kinerja_rules: 1\nrules:\n  - {id: seen, scope: indicator, left: achievement, op: "<",'
                             ' right: "-1e300", severity: info, message: "{left}"}\n')
    by_rule = {(f.indicator, f.year): f.actual for f in plan.check(rules=["seen"], rules_file=rule)}
    frame = plan.to_frame()
    assert len(frame) > 0
    compared = 0
    for row in frame.to_dict("records"):
        ind, year = row["indicator_id"], row_year(row)  # an integer, or "end" for the end column
        cpp = _core.indicator_achievement(plan._core, indicators[ind], year)
        assert _value(row["achievement"]) == cpp, (ind, year)
        assert plan.achievement(ind, year) == cpp, (ind, year)
        assert by_rule.get((ind, year)) == cpp, (ind, year)
        compared += cpp is not None
    # clean.yaml prints no realization; the others have achievements to compare
    assert (compared > 0) == (not plan.file.endswith("clean.yaml")), compared


def test_achievement_follows_the_plans_settings_and_polarity(small):
    assert small.achievement("i-third", 2024) == pytest.approx(66.7)
    assert small.achievement("i-lower", 2024) == pytest.approx(80.0)
    assert small.achievement("i-quarters", 2024) == pytest.approx(75.0)
    assert small.achievement("i-third", 2025) is None


def test_unknown_polarity_has_no_achievement_in_the_frame(small):
    # the frame once computed it as "higher is better" (120.0) where the C++ gave none
    row = small.indicator_frame("i-unknown").iloc[0]
    assert small.achievement("i-unknown", 2024) is None
    assert _value(row["achievement"]) is None
    assert "polarity unknown" in row["note"]


def test_quarterly_realizations_count_in_the_frame(small):
    # the frame once read only yearly realizations: no row for i-quarters' 2024 achievement
    frame = small.indicator_frame("i-quarters").set_index("year")
    assert frame.loc[2024, "achievement"] == pytest.approx(75.0)
    assert "quarters" in frame.loc[2024, "note"]


def test_a_bare_indicator_uses_the_default_settings(small):
    # without its plan: the defaults of C++ plan_settings (inverse, half up to 2): 2/3 -> 66.67
    assert _core.indicator_achievement(None, small.indicator("i-third"), 2024) == pytest.approx(66.67)
    assert _core.default_plan_settings() == {"lower_method": "inverse", "rounding": "half_up", "decimals": 2, "code_scope": "parent",
                              "evidence": "optional"}
    assert "66.67" in small.indicator("i-third")._repr_html_()


def test_pagu_on_an_indicator_row_counts_for_its_node(small):
    # budget_frame once listed only the node's own row: n-ind had no pagu
    rows = {(r["node_id"], r["year"]): r for r in small.budget_rows()}
    assert rows[("n-ind", 2024)]["budget_number"] == 100.0
    assert rows[("s-own", 2024)]["budget_number"] == 300.0
    assert _core.node_pagu(small.node("n-ind"), 2024) == 100.0
    assert _core.node_pagu_cell(small.node("n-ind"), 2025) == "150"  # its own cell is blank
    assert _core.node_pagu_cell(small.node("s-own"), 2025) is None
    assert _core.node_pagu_years(small.node("n-ind")) == [2024, 2025]


def test_the_cascade_plot_sizes_a_node_by_its_indicator_row_pagu(small):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from kinerja import plots

    weights = plots._weights([(n, 0) for n in small.nodes], 2024, small.conventions().indicator_pagu.value)
    assert weights == {"s-own": 300.0, "n-ind": 100.0, "n-other": 300.0}


@pytest.mark.parametrize("lookup, wrong, nearest", [("node", "n-in", '"n-ind"'), ("indicator", "i-lowr", '"i-lower"'),
                                                     ("achievement", "i-thrid", '"i-third"')])
def test_unknown_ids_raise_unknown_name_error_with_the_nearest(small, lookup, wrong, nearest):
    args = (wrong, 2024) if lookup == "achievement" else (wrong,)
    with pytest.raises(kinerja.UnknownNameError) as info:
        getattr(small, lookup)(*args)
    assert isinstance(info.value, LookupError)
    assert info.value.id == "kinerja.lookup." + ("node" if lookup == "node" else "indicator")
    assert info.value.name == wrong
    assert f"(nearest: {nearest}" in str(info.value)


@pytest.mark.parametrize("call", [
    lambda p: p.set_realization("i-lowr", 2024, "1"),
    lambda p: p.set_budget_realized("n-in", 2024, "1"),
    lambda p: p.realization("i-lowr", 2024),
    lambda p: p.indicator_frame("i-lowr"),
    lambda p: p.indicator_view("i-lowr"),
])
def test_every_lookup_by_id_raises_the_same_error(small, call):
    with pytest.raises(kinerja.UnknownNameError, match=r"nearest: \"(i-lower|n-ind)\""):
        call(small)


def test_nearest_names():
    names = ["p-2.08.01", "p-2.08.02", "p-2.08.03", "s-1"]
    assert _core.nearest_names("p-2.08.1", names) == ["p-2.08.01", "p-2.08.02", "p-2.08.03"]
    assert _core.nearest_names("qqqq", names) == []


# ---------------------------------------------------------------------------------- docs

def _documented(name: str, text: str) -> bool:
    return re.search(r"`(kinerja\.)?" + re.escape(name) + r"[`( .\[,:]", text) is not None


@pytest.mark.parametrize("doc", ["python-api.md", "reference.md"])
def test_every_exported_name_is_documented(doc):
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    missing = [n for n in kinerja.__all__ if not _documented(n, text)]
    assert missing == [], f"docs/{doc} does not document {missing}"


def test_every_public_header_is_in_the_reference():
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    headers = sorted(p.name for p in (ROOT / "include" / "kinerja").glob("*.hpp"))
    assert "plan_values.hpp" in headers
    assert [h for h in headers if f"`{h}`" not in text] == []


def test_quarters_without_an_aggregation_are_noted_not_guessed():
    # the note once kept only the first remark, so the quarters' remark hid the error
    text = (ROOT / "tests" / "data" / "plans" / "values.yaml").read_text(encoding="utf-8")
    plan = kinerja.Plan.from_yaml(text.replace("        aggregation: sum\n", ""), "no-aggregation.yaml")
    row = plan.indicator_frame("i-quarters").set_index("year").loc[2024]
    assert plan.achievement("i-quarters", 2024) is None
    assert _value(row["achievement"]) is None
    assert "kinerja.argument.aggregation" in row["note"]
