"""Roll-up, display and plots on cascades that no plan file gives: a node that is its own parent
(through a version entry), parent links that go round, and a chain deeper than Python's recursion
limit. Each is a clear error (kinerja.plan.reference naming the cycle) or a right result, never a
crash or a RecursionError."""

from types import SimpleNamespace

import pytest

import kinerja
from kinerja.display import cascade_order

SELF_PARENT_IN_A_VERSION = """kinerja_plan: 1
plan: {id: cyc, title: Siklus, organisation: Dinas Uji, region: Kota Uji, period: [2024, 2024], version: perubahan}
nodes:
  - id: p-1
    level: program
    name: Program
    source: "Tabel 6.1"
    budget: {2024: "100"}
versions:
  awal:
    label: AWAL
    nodes:
      - id: p-1
        parent: p-1
"""


def test_a_node_made_its_own_parent_by_a_version_is_a_reference_error_at_load_not_a_crash():
    # (issue 13, defect 1: version_of("awal").rollup() and _repr_html_ overflowed the stack.) The
    # loader checks the parent links of every version, so the plan is refused where the version
    # entry sets the parent (line 14, column 17); roll-up's own cycle error, for plans built by hand
    # in C++, is tested in tests/cpp/test_cascade_shapes.cpp
    with pytest.raises(kinerja.PlanFileError) as info:
        kinerja.Plan.from_yaml(SELF_PARENT_IN_A_VERSION)
    assert info.value.id == "kinerja.plan.reference"
    assert (info.value.line, info.value.column) == (14, 17)
    assert 'node "p-1" in version "awal" is its own ancestor' in str(info.value)
    assert "p-1 -> p-1" in str(info.value)


def _node(id, parent, budget=None):
    return SimpleNamespace(id=id, parent=parent, code=None, name=f"node {id}", level="kegiatan",
                           budget=budget or {}, indicators=[])


def test_cascade_order_walks_a_chain_of_a_hundred_thousand_levels():
    nodes = [_node(f"c{k}", f"c{k - 1}" if k else None) for k in range(100_000)]
    order = cascade_order(nodes)
    assert len(order) == 100_000
    assert [(n.id, d) for n, d in order[:3]] == [("c0", 0), ("c1", 1), ("c2", 2)]
    assert (order[-1][0].id, order[-1][1]) == ("c99999", 99_999)


def test_cascade_order_keeps_nodes_in_parent_cycles_once_at_depth_zero():
    # r > x is a tree; a and b are each other's parent; s is its own
    r, x, a, b, s = _node("r", None), _node("x", "r"), _node("a", "b"), _node("b", "a"), _node("s", "s")
    order = cascade_order([a, r, b, s, x])
    assert [(n.id, d) for n, d in order] == [("r", 0), ("x", 1), ("a", 0), ("b", 0), ("s", 0)]


def test_the_cascade_plot_draws_a_chain_deeper_than_the_recursion_limit():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kinerja import plots

    depth = 3000  # Python's default recursion limit is 1000
    lines = ["kinerja_plan: 1",
             "plan: {id: deep, title: Dalam, organisation: Dinas Uji, region: Kota Uji, period: [2024, 2024], "
             "version: v}",
             "nodes:"]
    for k in range(depth):
        parent = f", parent: c{k - 1}" if k else ""
        lines.append(f'  - {{id: c{k}, level: kegiatan, name: "node c{k}", source: T{parent}, budget: {{2024: "1,000"}}}}')
    plan = kinerja.Plan.from_yaml("\n".join(lines) + "\n")
    assert len(plan.nodes) == depth
    fig, ax = plt.subplots()
    try:
        plots.cascade(plan, 2024, ax=ax, max_depth=2)
        wedges = [(p.kinerja_node, p.theta2 - p.theta1) for p in ax.patches]
        assert wedges == [("c0", 360.0), ("c1", 360.0), ("c2", 360.0)]
    finally:
        plt.close(fig)
