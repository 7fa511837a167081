"""Plots of plans (matplotlib, Agg backend): what each draws, its labels and its colours."""

import re

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


def test_cascade_weighs_pagu_printed_in_parts_on_indicator_rows_as_their_sum():
    # s-1 prints no pagu of its own but 30 and 30 on its two indicator rows, which the plan declares
    # parts of it: its pagu is 60, as s-2's own row prints, so the two wedges are equal halves
    # (under the first row's rule s-1 would weigh 30: a third of the ring)
    p = kinerja.Plan.from_yaml(
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2025], version: perubahan}\n"
        "conventions: {indicator_pagu: parts}\n"
        "nodes:\n"
        "  - {id: t-1, level: tujuan, name: T, source: T, budget: {2024: \"120\"}}\n"
        "  - id: s-1\n"
        "    level: sasaran\n"
        "    name: S1\n"
        "    parent: t-1\n"
        "    source: T\n"
        "    indicators:\n"
        "      - {id: i-1, name: A, polarity: higher, source: T, targets: {2024: \"1\"}, budget: {2024: \"30\"}}\n"
        "      - {id: i-2, name: B, polarity: higher, source: T, targets: {2024: \"1\"}, budget: {2024: \"30\"}}\n"
        "  - {id: s-2, level: sasaran, name: S2, parent: t-1, source: T, budget: {2024: \"60\"}}\n")
    assert p.conventions().indicator_pagu.value == "parts"
    ax = p.plot_cascade(2024)
    drawn = {w.kinerja_node: w for w in ax.patches if isinstance(w, Wedge)}
    for node in ("s-1", "s-2"):
        assert drawn[node].theta2 - drawn[node].theta1 == pytest.approx(180.0)


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


# ---------------------------------------------------------------------------- what a person sees

def _texts(ax):
    """Every text drawn on the axes: annotations, texts, tick labels, axis labels, legend."""
    out = list(ax.texts) + list(ax.get_xticklabels()) + list(ax.get_yticklabels()) + [ax.xaxis.label,
                                                                                       ax.yaxis.label]
    for child in ax.get_children():
        if hasattr(child, "get_yticklabels") and child is not ax:  # the band names' axis
            out += list(child.get_yticklabels())
    return [t for t in out if t.get_text() and t.get_visible()]


def _no_text_on_the_title(ax):
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    title = ax.title.get_window_extent(renderer)
    on = [t.get_text() for t in _texts(ax) if t.get_window_extent(renderer).overlaps(title)]
    assert on == [], on


def test_an_indicator_without_realizations_shows_its_targets_and_says_so(plan):
    # IKU Nilai AKIP 2024-2026 (Tabel 7.3): targets BB (75), A (80.351), A (80.352); nothing realized yet
    ax = plan.plot_indicator("ind-iku-akip")
    texts = [t.get_text() for t in ax.texts]
    assert "no realization yet" in texts
    assert len(ax.lines) == 1
    assert list(ax.lines[0].get_xdata()) == [2024, 2025, 2026]
    assert list(ax.lines[0].get_ydata()) == [75.0, 80.351, 80.352]
    assert ax.get_ylabel() == "target (Nilai)"
    assert [t for t in texts if t != "no realization yet"] == ["BB (75)", "A (80.351)", "A (80.352)"]
    bottom, top = ax.get_ylim()
    assert bottom <= 0 and top > 80.352  # not the empty axes of -0.04 .. 0.04
    _no_text_on_the_title(ax)


def test_titles_say_the_polarity_in_words(plan):
    assert plan.plot_indicator("ind-h-s19-5-akip").get_title() == "Nilai AKIP: AKIP score (higher is better)"
    lower = next(i for n in plan.history for i in n.indicators if i.polarity == "lower")
    title = plan.plot_indicator(lower.id).get_title()
    assert title.endswith("(lower is better)") and "(lower)" not in title
    for n in plan.nodes:
        for i in n.indicators[:1]:
            title = plots.indicator_title(i.name, i.polarity)
            assert "scale:" not in title and not title.endswith(("(higher)", "(lower)"))
    assert plots.polarity_words(None) == ""


@pytest.mark.parametrize("draw", [
    lambda p: p.plot_indicator("ind-h-s19-5-akip"),  # the points at 121 % carry two-line labels
    lambda p: p.plot_indicator("ind-h-s19-4-kta"),
    lambda p: p.plot_indicator("ind-iku-akip"),
    lambda p: p.plot_budget(2022),
    lambda p: p.plot_budget(2024),
    lambda p: p.plot_cascade(2024),
    lambda p: plots.achievement(p),
    lambda p: p.version_of("awal").plot_versions(p, field="budget", year=2024),
], ids=["akip", "kta", "no-realization", "budget-2022", "budget-2024", "cascade", "achievement", "versions"])
def test_no_label_lies_on_the_title(plan, draw):
    _no_text_on_the_title(draw(plan))


def _grey(color):
    r, g, b, _ = to_rgba(color)
    return 255 * (0.299 * r + 0.587 * g + 0.114 * b)  # Rec. 601 luma, what a grey printer keeps


def test_neighbouring_category_bands_differ_in_grey(plan):
    ax = plan.plot_indicator("ind-h-s19-5-akip")
    bands = ax.patches[:5]  # lowest first: Sangat Rendah .. Sangat Tinggi
    names = [b[0] for b in plots.category_bands()]
    colours = [b.get_facecolor() for b in bands]
    assert [c[3] for c in colours] == [1.0] * 5  # opaque, not washed out with alpha
    assert colours == [to_rgba(plots.BAND_COLORS[n]) for n in names]
    greys = [_grey(c) for c in colours]
    assert all(abs(a - b) >= 15 for a, b in zip(greys, greys[1:])), greys
    # and each band is named beside it
    right = [c for c in ax.get_children() if hasattr(c, "get_yticklabels") and c is not ax]
    assert right and [t.get_text() for t in right[0].get_yticklabels()] == ["Sangat Rendah", "Rendah", "Sedang",
                                                                             "Tinggi", "Sangat Tinggi"]


def test_the_sunburst_shows_names_not_codes(plan):
    ax = plan.plot_cascade(2024)
    labels = [t for t in ax.texts if hasattr(t, "kinerja_node")]
    assert len(labels) >= 20
    names = {n.id: n.name for n in plan.nodes}
    for t in labels:
        text = t.get_text()
        assert not re.fullmatch(r"[0-9.]+", text.replace("\n", "")), text  # not "0001", "02", "08"
        words = [w.rstrip("…") for w in text.replace("\n", " ").split()]
        assert words and all(w and w in names[t.kinerja_node] for w in words), (text, names[t.kinerja_node])
    shown = {t.kinerja_node: t.get_text().replace("\n", " ") for t in labels}
    # the first objective's wedge takes most of the circle: its name is there whole
    assert shown["t-1"] == "Meningkatkan kualitas pelayanan publik"
    assert "rings from the centre: Tujuan, Sasaran, Program, Kegiatan, Sub Kegiatan" in ax.get_title()


def test_plot_versions_writes_the_values(plan):
    ax = plan.version_of("awal").plot_versions(plan, field="budget", year=2024)
    labels = [t.get_text() for t in ax.texts]
    # programme 2.08.01, pagu 2024 8,958,876,144 in both versions: 8.96 billion
    assert labels.count("8.96") == 2
    assert len(labels) == 10  # a value at each bar
    ax = plots.compare_versions(plan.version_of("awal"), plan, field="target", year=2025, level="sasaran")
    # Nilai AKIP 2025: 75.10 -> 80.351 is 107.0 on the index (awal = 100)
    assert "107.0" in [t.get_text() for t in ax.texts]


def test_the_achievement_chart_has_a_bar_per_sasaran_indicator(plan):
    ax = plots.achievement(plan)
    # nothing is realized in 2024-2026: the latest year with an achievement is 2021, of the earlier period
    assert ax.get_title() == "Achievement against target by sasaran indicator, 2021 (earlier period)"
    names = [t.get_text() for t in ax.get_yticklabels()]
    akip = next(i for i, n in enumerate(names) if n.endswith("Nilai AKIP"))
    assert ax.containers[0][akip].get_width() == pytest.approx(109.23)  # 75.37 / 69 = 109.23 %
    plan2 = kinerja.load_plan(kinerja.bundled_plan_path())
    plan2.set_realization("ind-iku-akip", 2024, "BB (76.02)")  # 76.02 / 75 = 101.36 %
    ax = plots.achievement(plan2, ax=plt.subplots()[1])
    assert ax.get_title() == "Achievement against target by sasaran indicator, 2024"
    assert [p.get_width() for p in ax.containers[0]] == [pytest.approx(101.36)]
    empty = plots.achievement(plan, level="kegiatan", ax=plt.subplots()[1])  # no kegiatan has a realization
    assert "no realization yet" in [t.get_text() for t in empty.texts]
