"""Plots of plans (matplotlib, Agg backend): what each draws, its labels and its colours."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.patches import Wedge  # noqa: E402

import kinerja  # noqa: E402
from kinerja import plots  # noqa: E402
from kinerja.display import CATEGORY_COLORS, NO_ACHIEVEMENT_COLOR  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture()
def plan():
    return kinerja.bundled_plan()


def point_colors(ax):
    return [tuple(c) for c in ax.collections[0].get_facecolors()]


def test_indicator_plot_draws_achievement_against_the_target_on_category_bands(plan):
    ax = plots.indicator(plan, "ind-h-s19-5-akip")
    assert ax.get_xlabel() == "year" and ax.get_ylabel() == "capaian (achievement, %)"
    assert len(ax.lines) == 2  # the target line at 100 % and the achievement line
    target, achieved = ax.lines
    assert list(target.get_ydata()) == [100.0, 100.0]
    assert list(achieved.get_xdata()) == [2019, 2020, 2021]
    assert list(achieved.get_ydata()) == [121.32, 114.45, 109.23]
    assert len(ax.patches) == 5  # one band per category
    assert "Nilai AKIP" in ax.get_title()


def test_a_points_colour_follows_its_category(plan):
    ax = plots.indicator(plan, "ind-h-s19-5-akip")
    # AKIP 2019: CC (60) target, BB (72.79) realized = 121.32 %, Sangat Tinggi
    assert point_colors(ax)[0] == to_rgba(CATEGORY_COLORS["Sangat Tinggi"])
    plan.set_realization("ind-iku-akip", 2024, "C (40)")  # 53.33 %: Rendah
    ax = plan.plot_indicator("ind-iku-akip")
    assert point_colors(ax) == [to_rgba(CATEGORY_COLORS["Rendah"])]


def test_the_category_bands_are_the_capaian_scale():
    bands = plots.category_bands()
    assert [b[0] for b in bands] == ["Sangat Rendah", "Rendah", "Sedang", "Tinggi", "Sangat Tinggi"]
    assert bands[-1][1] == 91.0


def test_budget_plot_has_pagu_and_realized_bars_per_programme(plan):
    ax = plan.plot_budget(2021)
    frame = plan.budget_frame()
    expected = frame[(frame.level == "program") & (frame.year == 2021) &
                     (frame.budget_number.notna() | frame.realized_number.notna())]
    assert len(ax.containers) == 2
    assert [len(c) for c in ax.containers] == [len(expected), len(expected)]
    assert "Rp" in ax.get_xlabel() and ax.get_ylabel() == "Program"
    widths = [p.get_width() for p in ax.containers[0]]
    assert pytest.approx(sorted(widths)) == sorted(expected.budget_number / 1e9)
    labels = [t.get_text() for t in ax.texts]
    assert len(labels) == expected.absorption.notna().sum()
    assert all(t.endswith("%") for t in labels)


def test_budget_plot_of_a_plan_year_shows_the_five_programmes(plan):
    ax = plots.budget(plan, 2024)
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert len(ticks) == 5 and ticks[0].startswith("2.08.01 ")
    assert ax.containers[0][0].get_width() == pytest.approx(8.958876144)


def test_cascade_sunburst_has_one_wedge_per_funded_node_coloured_by_achievement(plan):
    plan.set_realization("ind-iku-akip", 2024, "BB (76.02)")  # 101.36 %
    ax = plan.plot_cascade(2024)
    wedges = [p for p in ax.patches if isinstance(p, Wedge)]
    drawn = {w.kinerja_node: w for w in wedges}
    assert len(drawn) == len(wedges)
    assert "p-2.08.01" in drawn and "sk-2.08.01.2.01.0001" in drawn
    assert "rpd-t-1" not in drawn  # regional goals carry no pagu
    assert drawn["s-1.1"].get_facecolor() == to_rgba(CATEGORY_COLORS["Sangat Tinggi"])
    assert drawn["s-2.4"].get_facecolor() == to_rgba(NO_ACHIEVEMENT_COLOR)
    # a programme's angle is its share of its objective's pagu
    t1 = drawn["t-1"]
    assert t1.theta2 - t1.theta1 == pytest.approx(360 * 8958876144 / (8958876144 + 4670000000))


def test_compare_versions_of_pagu_groups_older_and_newer(plan):
    awal = plan.version_of("awal")
    ax = awal.plot_versions(plan, field="budget", year=2024)
    assert len(ax.containers) == 2 and [len(c) for c in ax.containers] == [5, 5]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["awal", "perubahan"]
    assert ax.get_xlabel().startswith("pagu 2024")


def test_compare_versions_of_targets_indexes_the_older_to_100(plan):
    awal = plan.version_of("awal")
    ax = plots.compare_versions(awal, plan, field="target", year=2025, level="sasaran")
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert len(names) == len(ax.containers[1])
    assert all(p.get_width() == 100.0 for p in ax.containers[0])
    akip = names.index(next(n for n in names if "Nilai AKIP" in n))
    assert ax.containers[1][akip].get_width() == pytest.approx(100 * 80.351 / 75.10)
    assert "indexed" in ax.get_xlabel()
    with pytest.raises(ValueError):
        plots.compare_versions(awal, plan, field="realization")


def test_plots_draw_on_a_given_axes(plan):
    fig, (a, b) = plt.subplots(1, 2)
    assert plan.plot_indicator("ind-h-s19-4-kta", ax=a) is a
    assert plan.plot_budget(2022, ax=b) is b


def test_the_docstring_examples_run():
    import doctest

    result = doctest.testmod(plots)
    assert result.attempted > 0 and result.failed == 0
