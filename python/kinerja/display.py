"""Rich display of kinerja objects in Jupyter: HTML tables for plans, indicators, findings,
changes and reports, and the colours of plots and tables. (The list types :class:`Findings` and
:class:`Changes` are in :mod:`kinerja.results`, the frames' rows in :mod:`kinerja.tables`.)

Jupyter calls ``_repr_html_`` on the last value of a cell; every kinerja object that holds a
table has one, while ``repr()`` stays short for the terminal. The functions here build the
HTML and can be called directly, e.g. to write a page::

    >>> import kinerja
    >>> plan = kinerja.bundled_plan()
    >>> html = plan._repr_html_()          # the cascade with pagu by year
    >>> "<table" in html and "2.08.01" in html
    True
    >>> findings = plan.check()            # a kinerja.Findings (a list)
    >>> findings.to_frame().shape[0] == len(findings)
    True

Colours follow the achievement category (``kinerja.category``): :data:`CATEGORY_COLORS` for
plots and :data:`CATEGORY_BACKGROUNDS` for table cells.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import Any, Dict, Iterable, List, Optional, Sequence

from ._files import shown_location
from .tables import indicator_rows, year_key, year_label

__all__ = [
    "CATEGORY_COLORS",
    "CATEGORY_BACKGROUNDS",
    "BAND_COLORS",
    "LEVEL_LABELS",
    "category_color",
    "plan_html",
    "indicator_html",
    "findings_html",
    "changes_html",
    "table_html",
]

#: strong colours of the achievement categories (plots), lowest last
CATEGORY_COLORS: Dict[str, str] = {
    "Sangat Tinggi": "#1a9850",
    "Tinggi": "#91cf60",
    "Sedang": "#fee08b",
    "Rendah": "#fc8d59",
    "Sangat Rendah": "#d73027",
}
#: light colours of the achievement categories (table cells); the same as the HTML report's
CATEGORY_BACKGROUNDS: Dict[str, str] = {
    "Sangat Tinggi": "#c8e6c9",
    "Tinggi": "#e6f4c8",
    "Sedang": "#fff3c4",
    "Rendah": "#ffd8b0",
    "Sangat Rendah": "#f8c0c0",
}
#: colours of the category bands behind an achievement plot: light enough to read points and
#: labels on, and each a step lighter or darker than the next (Rec. 601 grey 189, 214, 238, 217,
#: 191 of 255), so that neighbouring bands stay apart in grey print too
BAND_COLORS: Dict[str, str] = {
    "Sangat Tinggi": "#9fd4a6",
    "Tinggi": "#cfe8a9",
    "Sedang": "#fdf1b8",
    "Rendah": "#f9cf9f",
    "Sangat Rendah": "#f4a6a0",
}
#: colour of a node or year without an achievement
NO_ACHIEVEMENT_COLOR = "#d9d9d9"
_SEVERITY_BACKGROUNDS = {"error": "#fbe3e3", "warning": "#fff6d6", "info": "#eef3fb"}

#: the Indonesian names of the cascade levels, as documents print them
LEVEL_LABELS: Dict[str, str] = {
    "urusan": "Urusan",
    "misi": "Misi",
    "tujuan_rpd": "Tujuan RPD",
    "sasaran_rpd": "Sasaran RPD",
    "tujuan": "Tujuan",
    "sasaran": "Sasaran",
    "strategi": "Strategi",
    "arah_kebijakan": "Arah Kebijakan",
    "program": "Program",
    "kegiatan": "Kegiatan",
    "sub_kegiatan": "Sub Kegiatan",
}

_TABLE_STYLE = "border-collapse:collapse;font-size:12px"
_CELL_STYLE = "border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top"
_HEAD_STYLE = _CELL_STYLE + ";background:#f0f0f0"


def category_color(category: Optional[str], background: bool = False) -> str:
    """The colour of an achievement category (``"Sangat Tinggi"`` ... ``"Sangat Rendah"``);
    grey for None. ``background=True`` gives the light shade used in tables.

    >>> category_color("Sangat Tinggi")
    '#1a9850'
    """
    table = CATEGORY_BACKGROUNDS if background else CATEGORY_COLORS
    return table.get(category or "", NO_ACHIEVEMENT_COLOR)


def _esc(x: Any) -> str:
    if x is None:
        return ""
    if isinstance(x, float):
        if x != x:  # NaN
            return ""
        return f"{x:,.2f}"
    return html.escape(str(x))


def table_html(columns: Sequence[str], rows: Iterable[Sequence[Any]], row_styles: Optional[Sequence[str]] = None,
               cell_styles: Optional[Sequence[Sequence[str]]] = None, caption: str = "", css_class: str = "") -> str:
    """An HTML ``<table>`` with inline styles (they survive Jupyter's sanitiser). Cells may be
    text, numbers or None; ``row_styles`` and ``cell_styles`` add CSS per row or cell."""
    out = [f'<table class="kinerja {html.escape(css_class)}" style="{_TABLE_STYLE}">']
    if caption:
        out.append(f'<caption style="text-align:left;font-weight:bold;padding:4px 0">{caption}</caption>')
    out.append("<thead><tr>" + "".join(f'<th style="{_HEAD_STYLE}">{html.escape(c)}</th>' for c in columns) +
               "</tr></thead><tbody>")
    for i, row in enumerate(rows):
        rs = row_styles[i] if row_styles else ""
        cells = []
        for j, c in enumerate(row):
            cs = cell_styles[i][j] if cell_styles and cell_styles[i][j] else ""
            cells.append(f'<td style="{_CELL_STYLE};{cs}">{c if isinstance(c, _Raw) else _esc(c)}</td>')
        out.append(f'<tr style="{rs}">' + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


class _Raw(str):
    """Cell content that is already HTML."""


# ---------------------------------------------------------------------------------- findings

def findings_html(findings: Sequence[Any], max_rows: Optional[int] = 200) -> str:
    """An HTML table of findings, one row per finding, tinted by severity, with a count by rule."""
    findings = list(findings)
    counts = Counter((f.rule, f.severity) for f in findings)
    summary = ", ".join(f"{n} {rule} ({sev})" for (rule, sev), n in sorted(counts.items()))
    caption = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}" + (f": {html.escape(summary)}" if summary else "")
    shown = findings if max_rows is None else findings[:max_rows]
    rows, styles = [], []
    for f in shown:
        year = f.year
        rows.append([f.severity, f.rule, f.node, f.indicator_name or f.indicator or "", year_label(year) if year is not None else "",
                     f.expected_text, f.actual_text, f.message, shown_location(f.location)])
        styles.append("background:" + _SEVERITY_BACKGROUNDS.get(f.severity, "#fff"))
    out = table_html(["severity", "rule", "node", "indicator", "year", "expected", "actual", "message", "location"],
                     rows, row_styles=styles, caption=caption, css_class="kinerja-findings")
    if len(shown) < len(findings):
        out += f"<p><em>{len(findings) - len(shown)} more; use .to_frame() for all</em></p>"
    return out


def _finding_repr_html(self) -> str:
    return findings_html([self])


# ---------------------------------------------------------------------------------- changes

_CHANGE_BACKGROUNDS = {"added": "#e3f4e3", "removed": "#fbe3e3", "changed": "#fff6d6"}


def changes_html(changes: Sequence[Any], max_rows: Optional[int] = 200) -> str:
    """An HTML table of changes between two plan versions, tinted by kind."""
    changes = list(changes)
    counts = Counter(c.kind for c in changes)
    caption = f"{len(changes)} change{'s' if len(changes) != 1 else ''}" + \
        (": " + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) if counts else "")
    shown = changes if max_rows is None else changes[:max_rows]
    rows = [[c.kind, c.subject, c.node or c.id, c.name, c.field or "", year_label(c.year) if c.year is not None else "",
             c.old, c.new] for c in shown]
    styles = ["background:" + _CHANGE_BACKGROUNDS.get(c.kind, "#fff") for c in shown]
    out = table_html(["kind", "subject", "node", "name", "field", "year", "old", "new"], rows, row_styles=styles,
                     caption=caption, css_class="kinerja-changes")
    if len(shown) < len(changes):
        out += f"<p><em>{len(changes) - len(shown)} more; use .to_frame() for all</em></p>"
    return out


def _change_repr_html(self) -> str:
    return changes_html([self])


# ---------------------------------------------------------------------------------- plans

def cascade_order(nodes: Sequence[Any]) -> List[tuple]:
    """The nodes as a tree walk: ``(node, depth)`` pairs, each parent before its children,
    siblings in file order; nodes whose parent is not in ``nodes`` are roots. Nodes that no root
    reaches (parent links that go round in a cycle, which a plan file cannot hold) follow at
    depth 0. The walk keeps its own stack, so a chain of any depth is walked."""
    ids = {n.id for n in nodes}
    children: Dict[Optional[str], List[Any]] = {}
    for n in nodes:
        parent = n.parent if n.parent in ids else None
        children.setdefault(parent, []).append(n)
    out: List[tuple] = []
    seen = set()
    stack = [(iter(children.get(None, [])), 0)]  # the siblings still to walk at each depth
    while stack:
        siblings, depth = stack[-1]
        n = next(siblings, None)
        if n is None:
            stack.pop()
            continue
        if n.id in seen:  # a cycle would be a broken file; never loop
            continue
        seen.add(n.id)
        out.append((n, depth))
        kids = children.get(n.id)
        if kids:
            stack.append((iter(kids), depth + 1))
    out += [(n, 0) for n in nodes if n.id not in seen]
    return out


def _rolled(plan: Any, years: Sequence[int]) -> Dict[tuple, float]:
    try:
        frame = plan.rollup(years=list(years))
    except Exception:  # a display never fails because of a computation
        return {}
    out = {}
    for row in frame.itertuples(index=False):
        if row.rolled is not None and row.rolled == row.rolled:
            out[(row.node_id, row.year)] = float(row.rolled)
    return out


def _strategy_links(plan: Any) -> Dict[str, List[str]]:
    """Each node's links in the strategy layer (strategi -> sasaran, arah_kebijakan -> strategi,
    program -> arah_kebijakan): node id -> the ids it supports, in file order."""
    from . import _core

    out: Dict[str, List[str]] = {}
    for link in _core.strategy_links(plan._core):
        out.setdefault(link.source, []).append(link.target)
    return out


def _with_strategy_layer(nodes: Sequence[Any], links: Dict[str, List[str]]) -> List[tuple]:
    """The cascade walk (:func:`cascade_order`) with the strategy layer placed where Tabel 5.1
    puts it: after each sasaran the strategies that support it, then the policy directions that
    support those, one level deeper; strategy nodes linked to no sasaran follow at the end."""
    layer = [n for n in nodes if n.level in ("strategi", "arah_kebijakan")]
    if not layer:
        return cascade_order(nodes)
    served: Dict[str, List[Any]] = {}  # target id -> layer nodes that support it
    for n in layer:
        for t in links.get(n.id, []):
            served.setdefault(t, []).append(n)
    out: List[tuple] = []
    placed = set()
    for n, depth in cascade_order([n for n in nodes if n.level not in ("strategi", "arah_kebijakan")]):
        out.append((n, depth))
        strategies = [s for s in served.get(n.id, []) if s.level == "strategi" and s.id not in placed]
        policies: List[Any] = []
        for s in strategies:
            placed.add(s.id)
            out.append((s, depth + 1))
            policies += [k for k in served.get(s.id, []) if k.level == "arah_kebijakan" and k.id not in placed
                         and k not in policies]
        for k in policies:
            placed.add(k.id)
            out.append((k, depth + 1))
    out += [(n, 0) for n in layer if n.id not in placed]
    return out


def plan_html(plan: Any, max_rows: Optional[int] = 300) -> str:
    """The cascade of a plan as an indented HTML table: code, name, level, number of
    indicators, pagu per year as printed, and, for each year with any achievement, the rolled-up
    achievement (mean) coloured by category. A plan with strategi and arah_kebijakan nodes
    (Tabel 5.1) shows them under the sasaran they serve and a column of each node's links in that
    layer (a programme's policy directions, a policy's strategies, a strategy's sasaran)."""
    from . import _api as api
    from . import _core

    lo, hi = plan.period
    years: List[Any] = list(range(lo, hi + 1)) + ["end"]
    rolled = _rolled(plan, list(range(lo, hi + 1)))
    achievement_years = sorted({y for (_, y) in rolled})
    links = _strategy_links(plan)  # node id -> the ids it supports in the strategy layer (Tabel 5.1)
    columns = ["code", "name", "level", "indicators"] + (["supports (Tabel 5.1)"] if links else []) + \
        [f"pagu {year_label(y)}" for y in years] + [f"capaian {y} (%)" for y in achievement_years]
    rows, cell_styles = [], []
    walk = _with_strategy_layer(plan.nodes, links)
    shown = walk if max_rows is None else walk[:max_rows]
    names = {n.id: n.name for n in plan.nodes} if links else {}
    for n, depth in shown:
        name = _Raw(f'<span style="padding-left:{1.2 * depth:.1f}em" title="{html.escape(n.id)}">'
                    f'{html.escape(n.name)}</span>')
        code = n.code if n.code else _Raw(f'<span style="color:#888">{html.escape(n.id)}</span>')
        row = [code, name, LEVEL_LABELS.get(n.level, n.level), len(n.indicators)]
        if links:
            row.append(_Raw(", ".join(f'<span title="{html.escape(names.get(t, ""))}">{html.escape(t)}</span>'
                                      for t in links.get(n.id, []))))
        row += [_core.node_pagu_cell(n, y) for y in years]  # its own row, else an indicator's row
        styles = [""] * len(row)
        bold = "font-weight:bold" if n.level in ("tujuan", "sasaran", "program") else ""
        styles[1] = bold
        for y in achievement_years:
            a = rolled.get((n.id, y))
            row.append(a)
            styles.append("" if a is None else "background:" + category_color(api.category(a), background=True))
        rows.append(row)
        cell_styles.append(styles)
    head = (f"<div><strong>{html.escape(plan.title)}</strong><br>"
            f"{html.escape(plan.organisation)}, {html.escape(plan.region)} &middot; {lo}-{hi} &middot; "
            f"version <code>{html.escape(plan.version)}</code>"
            f"{' (others: ' + html.escape(', '.join(plan.versions[1:])) + ')' if len(plan.versions) > 1 else ''}"
            f" &middot; {len(plan.nodes)} nodes, {len(plan.history)} history nodes</div>")
    out = head + table_html(columns, rows, cell_styles=cell_styles, css_class="kinerja-plan")
    if len(shown) < len(walk):
        out += f"<p><em>{len(walk) - len(shown)} more nodes; use plan.to_frame() or plan.budget_frame()</em></p>"
    return out


# ---------------------------------------------------------------------------------- indicators

def indicator_html(frame: Any, indicator: Any, node: Any = None, settings: Optional[Dict[str, Any]] = None) -> str:
    """One indicator as an HTML table, one row per year: target, realization, printed
    achievement, computed achievement and its category (the row coloured by category).
    ``frame`` is the indicator's rows (``Plan.indicator_frame``)."""
    facts = [("unit", indicator.unit), ("polarity", indicator.polarity), ("kind", indicator.kind),
             ("baseline", indicator.baseline), ("formula", indicator.formula), ("responsible", indicator.responsible)]
    where = f" &middot; node {html.escape(node.code or node.id)} ({html.escape(LEVEL_LABELS.get(node.level, node.level))})" \
        if node is not None else ""
    head = (f"<div><strong>{html.escape(indicator.name)}</strong> <code>{html.escape(indicator.id)}</code>{where}<br>" +
            " &middot; ".join(f"{k}: {html.escape(str(v))}" for k, v in facts if v) + "</div>")
    rows, styles = [], []
    for r in frame.to_dict("records"):
        cat = r.get("category")
        cat = None if cat != cat else cat  # NaN
        rows.append(["end" if r["is_end"] else str(r["year"]), r["target"], r["realization"], r["reported_achievement"], r["achievement"],
                     r["attainment"], cat, r["note"]])
        styles.append("background:" + category_color(cat, background=True) if cat else "")
    note = ""
    if settings:
        note = (f"<p style='font-size:11px;color:#555'>achievement: lower-is-better method "
                f"{html.escape(str(settings.get('lower_method')))}, rounding {html.escape(str(settings.get('rounding')))} "
                f"to {html.escape(str(settings.get('decimals')))} decimals</p>")
    return head + table_html(["year", "target", "realization", "printed achievement", "achievement (%)", "attainment",
                              "category", "note"], rows, row_styles=styles, css_class="kinerja-indicator") + note


def _indicator_repr_html(self) -> str:
    """A bare indicator (without its plan): achievement with the default plan settings (C++
    ``plan_settings``, the same rule as in a plan)."""
    import pandas as pd

    from . import _core

    frame = pd.DataFrame(indicator_rows(None, "", None, self))
    if frame.empty:
        frame = pd.DataFrame(columns=["year", "target", "realization", "reported_achievement", "achievement",
                                      "attainment", "category", "note"])
    return indicator_html(frame, self, None, _core.default_plan_settings())


def _node_repr_html(self) -> str:
    from . import _core

    # each year map and list of a compiled node is a conversion: read each once
    realized_map, reported_map = self.budget_realized, self.reported_absorption
    indicators = self.indicators
    targets = [i.targets for i in indicators]
    years = sorted(set(_core.node_pagu_years(self)) | set(realized_map), key=year_key)
    head = (f"<div><strong>{html.escape(self.name)}</strong> {html.escape(self.code or self.id)} "
            f"({html.escape(LEVEL_LABELS.get(self.level, self.level))})</div>")
    budget = table_html(["year", "pagu", "realized", "printed absorption"],
                        [[year_label(y), _core.node_pagu_cell(self, y), realized_map.get(y), reported_map.get(y)]
                         for y in years], css_class="kinerja-node-budget")
    target_years = sorted({y for t in targets for y in t}, key=year_key)
    inds = table_html(["indicator", "unit", "polarity"] + [f"target {year_label(y)}" for y in target_years],
                      [[i.name, i.unit, i.polarity] + [t.get(y) for y in target_years]
                       for i, t in zip(indicators, targets)], css_class="kinerja-node-indicators")
    return head + (budget if years else "") + (inds if indicators else "")


def _install_core_hooks() -> None:
    """Give the compiled Finding, Change, Indicator and Node a ``_repr_html_``."""
    from . import _core

    for cls, fn in ((_core.Finding, _finding_repr_html), (_core.Change, _change_repr_html),
                    (_core.Indicator, _indicator_repr_html), (_core.Node, _node_repr_html)):
        if not hasattr(cls, "_repr_html_"):
            try:
                setattr(cls, "_repr_html_", fn)
            except (AttributeError, TypeError):  # pragma: no cover - a pybind11 that forbids it
                pass


_install_core_hooks()
