"""Plots of plans with matplotlib (imported when first used). Every function draws on ``ax``
(a new figure when None) and returns the matplotlib Axes.

- :func:`indicator`: an indicator's achievement over the years against its target (100 %),
  points coloured by category, on the category bands (named on the right); an indicator
  without realizations shows its targets and says "no realization yet";
- :func:`achievement`: achievement against target of each sasaran (or other level) indicator
  in a year, as bars coloured by category;
- :func:`budget`: pagu and realized budget by programme (or another level) in a year, with
  the absorption;
- :func:`cascade`: the cascade as a sunburst, sized by pagu, coloured by rolled-up achievement;
- :func:`compare_versions`: two versions of a plan side by side (pagu, or targets indexed to
  the older version).

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import kinerja, kinerja.plots
>>> ax = kinerja.plots.indicator(kinerja.bundled_plan(), "ind-h-s19-5-akip")
>>> ax.get_ylabel()
'capaian (achievement, %)'

The same plots are methods of :class:`kinerja.Plan`: ``plot_indicator``, ``plot_budget``,
``plot_cascade``, ``plot_versions``.
"""

from __future__ import annotations

import math
from collections import deque
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _api as api
from . import _core
from .errors import KinerjaError
from .tables import money, read_cell, row_year
from .display import BAND_COLORS, CATEGORY_COLORS, LEVEL_LABELS, NO_ACHIEVEMENT_COLOR, cascade_order, category_color

__all__ = ["indicator", "achievement", "budget", "cascade", "compare_versions", "category_bands", "polarity_words",
           "indicator_title", "CATEGORY_COLORS", "BAND_COLORS"]

Year = Union[int, str]


def _axes(ax: Any, figsize: Tuple[float, float]):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _short(text: Optional[str], width: int = 38) -> str:
    text = text or ""
    return text if len(text) <= width else text[: width - 1] + "…"


def category_bands(scale: str = "capaian") -> List[Tuple[str, float, float]]:
    """The category bands of an achievement scale as ``(category, lower, upper)``, lowest first
    (open ends as infinities).

    >>> category_bands()[-1]
    ('Sangat Tinggi', 91.0, inf)
    """
    return [(lv.name, lv.band.lower, lv.band.upper) for lv in api.get_scale(scale).levels if lv.band is not None]


# ---------------------------------------------------------------------------------- indicator

def polarity_words(polarity: Optional[str]) -> str:
    """What an indicator's polarity means, in words: ``"higher is better"``, ``"lower is
    better"``, or for a scale ``"AKIP score (higher is better)"``; ``""`` when unknown.

    >>> polarity_words("scale:AKIP")
    'AKIP score (higher is better)'
    """
    if not polarity:
        return ""
    if polarity.startswith("scale:"):
        return f"{polarity[len('scale:'):]} score (higher is better)"
    return {"higher": "higher is better", "lower": "lower is better"}.get(polarity, polarity)


def indicator_title(name: str, polarity: Optional[str], width: int = 70) -> str:
    """A plot title for an indicator: its name and what its polarity means, in words.

    >>> indicator_title("Nilai AKIP", "scale:AKIP")
    'Nilai AKIP: AKIP score (higher is better)'
    >>> indicator_title("Rasio kekerasan", "lower")
    'Rasio kekerasan (lower is better)'
    """
    words = polarity_words(polarity)
    if not words:
        return _short(name, width)
    if polarity and polarity.startswith("scale:"):
        return f"{_short(name, width - len(words) - 2)}: {words}"
    return f"{_short(name, width - len(words) - 3)} ({words})"


def _headroom(ax: Any, bottom: float, top: float, lines: int) -> float:
    """The top of the y axis that leaves room above the highest point for an annotation of
    ``lines`` lines (8 pt) set 9 pt above it, so that no label reaches the title."""
    fig = ax.figure
    height_pt = ax.get_position().height * fig.get_figheight() * 72 or 200.0
    need = 9 + lines * 8 * 1.3 + 4  # points above the point
    share = min(need / height_pt, 0.6)
    return top + (top - bottom) * share / (1 - share)


def indicator(plan: Any, indicator_id: str, ax: Any = None, years: Optional[Sequence[int]] = None,
              bands: bool = True, annotate: bool = True):
    """Achievement (capaian, %) of one indicator over the years, computed with the plan's
    settings, against its target (the dashed line at 100 %). Each point is coloured by its
    category; ``bands`` shades the category bands behind, named on the right. Years without an
    achievement are left out. The title names the indicator and its polarity in words.

    An indicator without any realization yet shows its targets by year instead (in its own
    unit) and says "no realization yet".

    Returns the Axes: its lines are the target line and the achievement line (or the targets).
    """
    frame = plan.indicator_frame(indicator_id)
    frame = frame[~frame["is_end"]]
    if years is not None:
        frame = frame[frame["year"].isin(list(years))]
    ind = plan.indicator(indicator_id)
    ax = _axes(ax, (7, 4.2))
    ax.set_title(indicator_title(ind.name, ind.polarity), fontsize=10)
    ax.set_xlabel("year")
    done = frame[frame["achievement"].notna()]
    if done.empty:
        return _targets_only(ax, frame, ind, annotate)
    xs = [int(y) for y in done["year"]]
    ys = [float(a) for a in done["achievement"]]
    top = max([130.0] + [y + 10 for y in ys])
    bottom = min([0.0] + [y - 10 for y in ys])
    if annotate:
        top = max(top, _headroom(ax, bottom, max(ys), 2))
    if bands:
        for name, lo, hi in category_bands():
            ax.axhspan(max(lo, bottom), min(hi, top), color=BAND_COLORS.get(name, NO_ACHIEVEMENT_COLOR), lw=0,
                       label=None, zorder=0)
    ax.axhline(100.0, color="#333333", ls="--", lw=1, label="target (100 %)")
    ax.plot(xs, ys, color="#444444", lw=1.5, label="achievement", zorder=2)
    colors = [category_color(c) for c in done["category"]]
    ax.scatter(xs, ys, c=colors, s=70, edgecolors="#222222", zorder=3)
    if annotate:
        for x, y, c in zip(xs, ys, done["category"]):
            ax.annotate(f"{y:.2f}%\n{c}", (x, y), textcoords="offset points", xytext=(0, 9), ha="center", fontsize=8,
                        zorder=4)
    ax.set_ylim(bottom, top)
    ax.set_xticks(xs)
    ax.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
    ax.set_ylabel("capaian (achievement, %)")
    if bands:
        # the band names on the right-hand axis, beside their bands
        names = [(n, (max(lo, bottom) + min(hi, top)) / 2) for n, lo, hi in category_bands()
                 if min(hi, top) - max(lo, bottom) > (top - bottom) * 0.04]
        right = ax.secondary_yaxis("right")
        right.set_yticks([m for _, m in names])
        right.set_yticklabels([n for n, _ in names], fontsize=7)
        right.tick_params(length=0)
    ax.legend(handles=[ax.lines[-1], ax.lines[0]], fontsize=7, loc="lower left", framealpha=0.9)
    ax.grid(axis="y", alpha=0.3)
    return ax


def _targets_only(ax: Any, frame: Any, ind: Any, annotate: bool):
    """An indicator without realizations: its targets by year and the words "no realization yet"."""
    known = frame[frame["target_number"].notna()]
    xs = [int(y) for y in known["year"]]
    ys = [float(v) for v in known["target_number"]]
    if xs:
        ax.plot(xs, ys, color="#333333", ls="--", lw=1, marker="o", mfc="white", label="target")
        lo, hi = min(ys), max(ys)
        pad = (hi - lo) * 0.25 or max(abs(hi) * 0.1, 1.0)
        bottom = min(0.0, lo - pad) if lo >= 0 else lo - pad
        top = hi + pad
        if annotate:
            top = max(top, _headroom(ax, bottom, hi, 1))
            for x, y, text in zip(xs, ys, known["target"]):
                ax.annotate(_short(str(text), 16), (x, y), textcoords="offset points", xytext=(0, 9), ha="center",
                            fontsize=8)
        ax.set_ylim(bottom, top)
    years = [int(y) for y in frame["year"]] or xs
    if years:
        ax.set_xticks(sorted(set(years)))
        ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
    unit = ind.unit or "value"
    ax.set_ylabel(f"target ({unit})")
    missing = "" if len(xs) == len(frame) else " (some targets are not numbers)"
    ax.text(0.5, 0.5, "no realization yet" + missing, transform=ax.transAxes, ha="center", va="center",
            fontsize=11, color="#555555", bbox={"facecolor": "white", "edgecolor": "#bbbbbb", "boxstyle": "round"})
    if xs:
        ax.legend(fontsize=7, loc="lower left")
    ax.grid(axis="y", alpha=0.3)
    return ax


# ---------------------------------------------------------------------------------- achievement

def achievement(plan: Any, year: Optional[int] = None, level: str = "sasaran", ax: Any = None):
    """Achievement against target of every indicator at nodes of ``level`` (default the
    sasaran), as horizontal bars of the achievement (%) with the target at 100 %, coloured by
    category, in ``year`` (default: the latest year with any achievement at that level, in the
    plan period if it has one, else in the earlier period). Without any achievement it says "no
    realization yet". Returns the Axes; its one bar container has a bar per indicator.
    """
    import numpy as np

    rows = [r for r in plan.indicator_rows(include_history=True) if r["level"] == level and not r["is_end"]]
    done = [r for r in rows if r["achievement"] is not None]
    lo, hi = plan.period
    if year is None and done:
        in_plan = [r["year"] for r in done if lo <= r["year"] <= hi]
        year = max(in_plan) if in_plan else max(r["year"] for r in done)
    shown = [r for r in done if r["year"] == year]
    ax = _axes(ax, (8, 0.5 * max(len(shown), 2) + 1.6))
    label = LEVEL_LABELS.get(level, level)
    y = np.arange(len(shown))
    vals = [float(r["achievement"]) for r in shown]
    bars = ax.barh(y, vals, height=0.6, color=[category_color(r["category"]) for r in shown], edgecolor="#333333",
                   lw=0.5)
    ax.axvline(100.0, color="#333333", ls="--", lw=1)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{r['node_code'] or ''} {_short(r['indicator_name'], 44)}".strip() for r in shown], fontsize=8)
    ax.invert_yaxis()
    ax.bar_label(bars, labels=[f"{v:.2f}% {r['category'] or ''}".strip() for v, r in zip(vals, shown)], padding=3,
                 fontsize=8)
    ax.set_xlim(0, max([160.0] + [v * 1.5 for v in vals]))  # room for the labels beside the bars
    ax.set_xlabel("achievement (capaian, %), target = 100 %")
    ax.set_ylabel(f"indicator of the {label.lower()}")
    if shown:
        part = "" if lo <= int(year) <= hi else " (earlier period)"
        ax.set_title(f"Achievement against target by {label.lower()} indicator, {year}{part}", fontsize=10)
    else:
        ax.set_title(f"Achievement against target by {label.lower()} indicator", fontsize=10)
        ax.text(0.5, 0.5, "no realization yet", transform=ax.transAxes, ha="center", va="center", fontsize=11,
                color="#555555")
    ax.grid(axis="x", alpha=0.3)
    return ax


# ---------------------------------------------------------------------------------- budget

def _budget_rows(plan: Any, year: Year, level: str, include_history: bool) -> List[Dict[str, Any]]:
    rows = [r for r in plan.budget_rows(include_history=include_history)
            if r["level"] == level and row_year(r) == year and
            (r["budget_number"] is not None or r["realized_number"] is not None)]
    return rows


def budget(plan: Any, year: Year, level: str = "program", ax: Any = None, include_history: bool = True,
           scale: float = 1e9):
    """Pagu (budget) and realized budget of every node of ``level`` (``"program"``,
    ``"kegiatan"``, ``"sub_kegiatan"``...) that has an amount in ``year``, as horizontal bars in
    billions of Rupiah (``scale``), with the absorption (realized / pagu) written beside. Nodes
    of the previous period (history) are included for their years (a node without code or name
    by its id). Without any realization the title says "no realization yet". Returns the Axes; its two
    bar containers are pagu and realized (NaN where nothing is realized).
    """
    import numpy as np

    rows = _budget_rows(plan, year, level, include_history)
    ax = _axes(ax, (8, 0.6 * max(len(rows), 2) + 1.5))
    labels = [f"{r['node_code'] or ''} {_short(r['node_name'], 40)}".strip() or r["node_id"] for r in rows]
    pagu = np.array([np.nan if r["budget_number"] is None else r["budget_number"] / scale for r in rows], dtype=float)
    real = np.array([np.nan if r["realized_number"] is None else r["realized_number"] / scale for r in rows], dtype=float)
    y = np.arange(len(rows))
    h = 0.38
    ax.barh(y - h / 2, pagu, height=h, color="#9ecae1", label="pagu")
    ax.barh(y + h / 2, real, height=h, color="#3182bd", label="realized (realisasi)")
    for i, r in enumerate(rows):
        if r["absorption"] is not None:
            x = np.nanmax([pagu[i], real[i]])
            ax.annotate(f"{r['absorption']:.2f}%", (x, y[i]), textcoords="offset points", xytext=(4, -3), fontsize=8)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8)
    ax.invert_yaxis()
    unit = {1e9: "billion Rp (miliar)", 1e6: "million Rp (juta)", 1.0: "Rp"}.get(scale, f"Rp / {scale:g}")
    ax.set_xlabel(f"pagu and realization, {unit}")
    ax.set_ylabel(LEVEL_LABELS.get(level, level))
    ax.set_title(f"Budget and absorption by {LEVEL_LABELS.get(level, level).lower()}, {year}", fontsize=10)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))  # beside the bars, never on them
    ax.grid(axis="x", alpha=0.3)
    if rows:
        ax.set_xlim(0, np.nanmax(np.concatenate([pagu, real, [0.0]])) * 1.25 or 1.0)
    if rows and all(r["realized_number"] is None for r in rows):
        ax.set_title(ax.get_title() + " (no realization yet)", fontsize=10)
    return ax


# ---------------------------------------------------------------------------------- cascade

def _weights(nodes_depth: List[tuple], year: Year, pagu_rule: Optional[str]) -> Dict[str, float]:
    """A node's weight: its pagu in the year (by the plan's rule for pagu printed on indicator
    rows, ``pagu_rule``: "parts", "repeat" or None), else the sum of its children's weights."""
    weights: Dict[str, float] = {}
    children: Dict[str, List[str]] = {}
    for n, _ in nodes_depth:
        if n.parent is not None:
            children.setdefault(n.parent, []).append(n.id)
    for n, _ in reversed(nodes_depth):  # children come after parents in the walk
        try:
            amount = _core.node_pagu(n, year, pagu_rule)  # its own row, else its indicator rows (plan_values.hpp)
        except KinerjaError:
            amount = None
        if amount is None or amount <= 0:
            amount = sum(weights.get(c, 0.0) for c in children.get(n.id, []))
        weights[n.id] = float(amount)
    return weights


_LABEL_PT = 6.0


def extent_of(order: List[tuple]) -> float:
    """The radius of a sunburst of the (node, depth) pairs drawn."""
    return 0.35 + (max([d for _, d in order], default=0) + 1) * 0.55 + 0.05


def _ring_levels(order: List[tuple]) -> List[str]:
    levels: Dict[int, str] = {}
    for n, d in order:
        levels.setdefault(d, n.level)
    return [levels[d] for d in sorted(levels)]


def _wedge_label(name: str, span_deg: float, radius: float, ring_width: float, extent: float) -> Tuple[str, bool]:
    """A node's name as it fits its wedge: written along the radius (as many characters as the
    ring is wide, as many lines as the arc holds) or, where the arc is long, across it (as many
    characters as the chord holds, as many lines as the ring is wide), whichever shows more of
    the name; words wrapped, at most 3 lines, elided with "…". Returns the text ("" when not even
    five characters fit) and whether it runs along the radius. Sizes are in data units; the
    sunburst spans 2 x ``extent`` across about 77 % of a 7 inch figure."""
    import textwrap

    pt_per_unit = 7 * 72 * 0.77 / (2 * extent)
    char_pt, line_pt = _LABEL_PT * 0.6, _LABEL_PT * 1.15
    ring_pt = ring_width * pt_per_unit * 0.9
    arc_pt = math.radians(min(span_deg, 359.0)) * radius * pt_per_unit
    chord_pt = 2 * radius * math.sin(math.radians(min(span_deg, 180.0)) / 2) * pt_per_unit * 0.8
    options = [(int(ring_pt / char_pt), min(int(arc_pt / line_pt), 3), True),
               (int(chord_pt / char_pt), min(int(ring_pt / line_pt), 3), False)]

    def fit(chars: int, lines: int) -> List[str]:
        if chars < 5 or lines < 1:
            return []
        wrapped = [w if len(w) <= chars else w[: chars - 1] + "…"
                   for w in textwrap.wrap(name, chars, break_long_words=False, break_on_hyphens=False)]
        if len(wrapped) > lines:
            wrapped = wrapped[:lines]
            wrapped[-1] = (wrapped[-1] if len(wrapped[-1]) < chars else wrapped[-1][: chars - 1]) + "…"
        return wrapped

    best = max(((fit(c, n), radial) for c, n, radial in options),
               key=lambda x: sum(len(w.rstrip("…")) for w in x[0]))
    return "\n".join(best[0]), best[1]


def cascade(plan: Any, year: Optional[Year] = None, ax: Any = None, method: str = "mean",
            max_depth: Optional[int] = None, labels: bool = True):
    """The cascade as a sunburst: one ring per depth (goal, objective, programme, activity,
    sub-activity), each wedge's angle proportional to its pagu in ``year`` within its parent
    (the sum of its children's where it has none), coloured by the rolled-up achievement of
    ``year`` (:meth:`Plan.rollup` with ``method``) by category; grey where there is none. Nodes
    without any pagu (regional goals) are left out. ``year`` defaults to the plan's first year.
    Each wedge wide enough is labelled with its node's name (wrapped, elided where it does not
    fit); the title names the levels of the rings. Returns the Axes; its patches are one wedge
    per node drawn.
    """
    from matplotlib.patches import Patch, Wedge

    lo, _hi = plan.period
    year = lo if year is None else year
    walk = cascade_order(plan.nodes)
    if max_depth is not None:
        walk = [(n, d) for n, d in walk if d <= max_depth]
    weights = _weights(walk, year, plan.conventions().indicator_pagu.value)
    rolled: Dict[str, float] = {}
    if year != "end":
        frame = plan.rollup(method=method, years=[int(year)])
        for r in frame.itertuples(index=False):
            if r.year == year and r.rolled is not None and r.rolled == r.rolled:
                rolled[r.node_id] = float(r.rolled)
    ax = _axes(ax, (7, 7))
    ring = 1.0
    spans: Dict[str, Tuple[float, float]] = {}
    roots = [n for n, d in walk if d == 0 and weights.get(n.id, 0) > 0]
    total = sum(weights[n.id] for n in roots)
    by_parent: Dict[str, List[Any]] = {}
    for n, d in walk:
        if d > 0:
            by_parent.setdefault(n.parent, []).append(n)
    start = 90.0
    order: List[tuple] = []
    for n in roots:
        span = 360.0 * weights[n.id] / total
        spans[n.id] = (start, start + span)
        order.append((n, 0))
        start += span
    queue = deque(roots)
    depth_of = {n.id: d for n, d in walk}
    while queue:
        parent = queue.popleft()
        kids = [k for k in by_parent.get(parent.id, []) if weights.get(k.id, 0) > 0]
        ksum = sum(weights[k.id] for k in kids)
        a0, a1 = spans[parent.id]
        pos = a0
        for k in kids:
            span = (a1 - a0) * weights[k.id] / ksum
            spans[k.id] = (pos, pos + span)
            order.append((k, depth_of[k.id]))
            pos += span
            queue.append(k)
    for n, d in order:
        a0, a1 = spans[n.id]
        a = rolled.get(n.id)
        color = category_color(api.category(a)) if a is not None else NO_ACHIEVEMENT_COLOR
        inner = 0.35 + d * ring * 0.55
        w = Wedge((0, 0), inner + ring * 0.55, a0, a1, width=ring * 0.55, facecolor=color, edgecolor="white", lw=0.8)
        w.kinerja_node = n.id  # which node a wedge draws (for tests and interactivity)
        ax.add_patch(w)
        if labels:
            label, radial = _wedge_label(n.name or n.code or n.id, a1 - a0, inner + ring * 0.275, ring * 0.55,
                                         extent_of(order))
            if label:
                mid = (a0 + a1) / 2
                r = inner + ring * 0.275
                # along the radius or across it, turned so that it never reads upside down
                rot = mid if radial else mid - 90
                rot = rot if -90 <= ((rot + 180) % 360) - 180 <= 90 else rot + 180
                t = ax.text(r * math.cos(math.radians(mid)), r * math.sin(math.radians(mid)), label, ha="center",
                            va="center", fontsize=_LABEL_PT, rotation=((rot + 180) % 360) - 180,
                            rotation_mode="anchor", linespacing=1.0)
                t.kinerja_node = n.id
    depth = max([d for _, d in order], default=0)
    extent = 0.35 + (depth + 1) * ring * 0.55 + 0.05
    ax.set_xlim(-extent, extent)
    ax.set_ylim(-extent, extent)
    ax.set_aspect("equal")
    ax.axis("off")
    ring_names = [LEVEL_LABELS.get(lv, lv) for lv in _ring_levels(order)]
    ax.set_title(f"{plan.region}: the cascade in {year}, sized by pagu, coloured by achievement\n"
                 f"rings from the centre: {', '.join(ring_names)}", fontsize=10)
    handles = [Patch(color=c, label=k) for k, c in CATEGORY_COLORS.items()] + \
        [Patch(color=NO_ACHIEVEMENT_COLOR, label="no achievement")]
    ax.legend(handles=handles, fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return ax


# ---------------------------------------------------------------------------------- versions

def _number(ind: Any, text: Optional[str]):
    value, _ = read_cell(ind, text)
    if value is None or value.is_missing or value.number is None:
        return None, None
    return value.number, value.kind


def compare_versions(older: Any, newer: Any, field: str = "budget", year: Optional[Year] = None,
                     level: Optional[str] = None, ax: Any = None, labels: Sequence[str] = ("awal", "perubahan"),
                     scale: float = 1e9):
    """Two versions of a plan side by side (e.g. ``plan.version_of("awal")`` and ``plan``).

    ``field="budget"``: pagu of each node of ``level`` (default ``"program"``) in ``year``
    (default the first year), in billions of Rupiah, grouped bars older / newer.

    ``field="target"``: the targets of ``year`` (default the last year) of each indicator (at
    nodes of ``level``, default every level) whose target changed and reads as a number of the
    same kind in both versions, indexed to the older version (older = 100), so that indicators in
    different units share one axis. Changes that cannot be compared this way (a predicate
    becoming a score, a value that does not read) are counted in the title.

    Each bar is labelled with its value. Returns the Axes; its two bar containers are the older
    and the newer version.
    """
    import numpy as np

    lo, hi = newer.period
    if field not in ("budget", "target"):
        raise ValueError("field is 'budget' or 'target'")
    if field == "budget":
        year = lo if year is None else year
        level = level or "program"
        old_nodes = {n.id: n for n in older.nodes}
        names, olds, news = [], [], []
        for n, _ in cascade_order(newer.nodes):
            if n.level != level:
                continue
            o = old_nodes.get(n.id)
            ov = money(_core.node_pagu_cell(o, year)) if o is not None else None
            nv = money(_core.node_pagu_cell(n, year))
            if ov is None and nv is None:
                continue
            names.append(f"{n.code or n.id} {_short(n.name, 32)}")
            olds.append(np.nan if ov is None else ov / scale)
            news.append(np.nan if nv is None else nv / scale)
        unit = {1e9: "billion Rp (miliar)", 1e6: "million Rp (juta)", 1.0: "Rp"}.get(scale, f"Rp / {scale:g}")
        xlabel = f"pagu {year}, {unit}"
        title = f"Pagu {year} by {LEVEL_LABELS.get(level, level).lower()}: {labels[0]} vs {labels[1]}"
    else:
        year = hi if year is None else year
        old_inds = {}
        for n in older.nodes:
            for i in n.indicators:
                old_inds[i.id] = i
        names, olds, news = [], [], []
        skipped = 0
        for n, _ in cascade_order(newer.nodes):
            if level is not None and n.level != level:
                continue
            for i in n.indicators:
                o = old_inds.get(i.id)
                if o is None:
                    continue
                ot, nt = o.targets.get(year), i.targets.get(year)
                if ot == nt:
                    continue
                ov, ok = _number(o, ot)
                nv, nk = _number(i, nt)
                if ov is None or nv is None or ok != nk or ov == 0:
                    skipped += 1
                    continue
                names.append(f"{n.code or n.id} {_short(i.name, 32)}")
                olds.append(100.0)
                news.append(100.0 * nv / ov)
        xlabel = f"target {year}, indexed ({labels[0]} = 100)"
        title = f"Targets {year} that changed: {labels[0]} vs {labels[1]}" + \
            (f" ({skipped} not comparable as numbers)" if skipped else "")
    ax = _axes(ax, (8, 0.5 * max(len(names), 2) + 1.5))
    y = np.arange(len(names))
    h = 0.38
    ax.barh(y - h / 2, olds, height=h, color="#bdbdbd", label=labels[0])
    ax.barh(y + h / 2, news, height=h, color="#e6550d", label=labels[1])
    if field == "target":
        ax.axvline(100.0, color="#333333", lw=0.8, ls="--")
    # the values at the bars' ends: billions (2 decimals) for pagu, the index (1 decimal) for targets
    fmt = "{:,.2f}" if field == "budget" else "{:.1f}"
    for bars, values in zip(ax.containers, (olds, news)):
        ax.bar_label(bars, labels=["" if v != v else fmt.format(v) for v in values], padding=2, fontsize=7)
    widest = max([v for v in list(olds) + list(news) if v == v] or [1.0])
    ax.set_xlim(0, widest * 1.15)
    ax.set_yticks(y)
    ax.set_yticklabels(names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(LEVEL_LABELS.get(level, level) if level else "indicator")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.grid(axis="x", alpha=0.3)
    return ax


