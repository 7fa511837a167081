"""Reports of a plan: a summary (plan, years, realizations, achievement by category, budget and
absorption, findings by severity), achievement by year, achievement over the earlier years,
goals, objectives, strategies and policy directions (Tabel 5.1), programmes, activities and funding by year, budgets with absorption, the conventions of the
tables (declared or inferred), and the findings of the checks; as a terminal report, Markdown,
CSV, JSON, a self-contained HTML page with charts, or an Excel workbook.

>>> import kinerja
>>> report = kinerja.build_report(kinerja.bundled_plan())
>>> [s.title for s in report.sections][:2]
['Achievement (capaian kinerja) 2024-2026', 'Achievement over the years 2018-2023 (Tabel 2.7 of the plan)']
>>> sorted(report.to_frames())
['achievement', 'budget', 'conventions', 'findings', 'tabel-2.7', 'tabel-5.1', 'tabel-6.1']
>>> report.summary[2]
('period', '2024-2026, version perubahan')

A section's title names a table of the source plan ("Tabel 6.1") only where the plan's rows come
from a table of that name. In Jupyter a report (and each section) displays as HTML tables.
"""

from __future__ import annotations

import csv
import html
import io
import re
import json
import os
import shutil
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _api as api
from . import _core
from ._files import shown_path, write_atomic
from .errors import ArgumentError
from .plan import Plan
from .tables import finding_to_dict, row_year, year_key, year_label

__all__ = ["Section", "Report", "build_report", "build_lkjip_report", "FORMATS", "LAYOUTS", "terminal_columns"]

FORMATS = ("text", "markdown", "csv", "json", "html", "xlsx")
# the format Report.save writes for a file suffix
_SUFFIX_FORMATS = {".txt": "text", ".md": "markdown", ".csv": "csv", ".json": "json", ".html": "html",
                   ".htm": "html", ".xlsx": "xlsx"}
_SEVERITIES = ("error", "warning", "info")


def terminal_columns() -> int:
    """The width the text report fits: ``COLUMNS`` when set, else the terminal's, else 100."""
    return shutil.get_terminal_size(fallback=(100, 24)).columns or 100


@dataclass
class Section:
    """A titled table: column names and rows (lists of cells: str, float, int or None).

    A column whose name ends in ``(printed)`` holds the text as the plan prints it, beside the
    column of the same name without the suffix that holds it as a number. ``empty`` says why a
    section has no rows (shown instead of an empty table)."""

    key: str
    title: str
    columns: List[str]
    rows: List[List[Any]] = field(default_factory=list)
    note: str = ""
    empty: str = ""

    def to_frame(self):
        """The section as a pandas DataFrame (its columns, one row per table row)."""
        import pandas as pd

        return pd.DataFrame([list(r) for r in self.rows], columns=list(self.columns))

    def __repr__(self) -> str:
        return f"Section({self.key!r}, {self.title!r}, {len(self.columns)} columns, {len(self.rows)} rows)"

    def _repr_html_(self) -> str:
        return "\n".join(_section_html(self))


@dataclass
class Report:
    """The report of a plan (:func:`build_report`): a summary (``(label, text)`` pairs) and titled
    sections, rendered with :meth:`render` or converted to DataFrames with :meth:`to_frames`."""

    plan_title: str
    sections: List[Section]
    summary: List[Tuple[str, str]] = field(default_factory=list)
    about: List[Tuple[str, str]] = field(default_factory=list)
    plan: Optional[Plan] = field(default=None, repr=False, compare=False)

    def to_frames(self) -> Dict[str, Any]:
        """Every section as a pandas DataFrame, by section key (``achievement``, ``tabel-2.7``,
        ``tabel-6.1``, ``budget``, ``conventions``, ``findings``), in report order."""
        return {s.key: s.to_frame() for s in self.sections}

    def __repr__(self) -> str:
        return f"Report({self.plan_title!r}, sections={[s.key for s in self.sections]})"

    def _repr_html_(self) -> str:
        out = [f"<h3>{html.escape(self.plan_title)}</h3>", _summary_html(self)]
        for s in self.sections:
            out += _section_html(s)
        return "\n".join(out)

    def render(self, format: str = "text", width: int = 48, columns: Optional[int] = None,
               full: bool = False) -> Any:
        """The report as text (``text``, ``markdown``, ``csv``, ``json``, ``html``) or bytes (``xlsx``).

        ``text``: the summary first, then each section fitted to ``columns`` characters (default
        :func:`terminal_columns`: ``COLUMNS``, else the terminal's width, else 100), text cells
        elided at ``width`` characters and further where the line needs it. Without ``full`` long
        sections are shortened (rows without a realization, per-year detail) and say so; ``full``
        shows every row. The other formats always hold every row."""
        if format not in FORMATS:
            raise ValueError(f"unknown report format {format!r}; use one of {', '.join(FORMATS)}")
        if format == "text":
            return _text(self, width, columns or terminal_columns(), full)
        return {"markdown": lambda: _markdown(self), "csv": lambda: _csv(self), "json": lambda: _json(self),
                "html": lambda: _html(self), "xlsx": lambda: _xlsx(self)}[format]()

    def save(self, path: Union[str, "os.PathLike[str]"], format: Optional[str] = None, width: int = 48,
             columns: Optional[int] = None, full: bool = False) -> None:
        """Write the report to a file, replaced whole or left as it was (a failure midway leaves
        the old file byte-identical). ``format`` defaults to the one the file's suffix names
        (``.txt``, ``.md``, ``.csv``, ``.json``, ``.html``, ``.xlsx``).

        :raises ArgumentError: ``kinerja.argument.report_format`` for an unknown format or suffix
        :raises PlanFileError: ``kinerja.report.io`` when the file cannot be written (the cause)
        """
        if format is None:
            suffix = os.path.splitext(os.fspath(path))[1].lower()
            if suffix not in _SUFFIX_FORMATS:
                raise ArgumentError(f"[kinerja.argument.report_format] cannot tell the report format from "
                                    f"{os.fspath(path)!r}; give format= (one of {', '.join(FORMATS)}) or a suffix "
                                    f"({', '.join(_SUFFIX_FORMATS)})", id="kinerja.argument.report_format")
            format = _SUFFIX_FORMATS[suffix]
        elif format not in FORMATS:
            raise ArgumentError(f"[kinerja.argument.report_format] unknown report format {format!r}; use one of "
                                f"{', '.join(FORMATS)}", id="kinerja.argument.report_format")
        write_atomic(path, self.render(format, width=width, columns=columns, full=full))

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)


def _fmt(x: Any, decimals: int = 2) -> str:
    if x is None:
        return ""
    if isinstance(x, float):
        return api.format_number(x, "english", decimals, True)
    return str(x)


def _rp(x: float) -> str:
    return "Rp " + api.format_number(x, "english", 0, True)


def _pct(part: float, whole: float) -> str:
    return api.format_number(100.0 * part / whole, "english", 2, True) + " %"


def _named(sources: Sequence[str], table: str) -> bool:
    """Whether a plan's rows come from the source table ``table`` ("Tabel 6.1", "Tabel 6.1 row 3")."""
    return any(s == table or s.startswith(table + " ") for s in sources if s)


def _years_text(years: Sequence[Any]) -> str:
    """Years as text ("2024-2026", "2019, 2021"); ``"end"`` among them as "the end of the period"."""
    ys = sorted(int(y) for y in years if y != "end")
    end = ["the end of the period"] if "end" in years else []
    if ys and ys == list(range(ys[0], ys[-1] + 1)) and len(ys) > 2:
        return ", ".join([f"{ys[0]}-{ys[-1]}"] + end)
    return ", ".join([str(y) for y in ys] + end)


def _categories_text(cats: Sequence[str]) -> str:
    counts = Counter(cats)
    order = [lv.name for lv in reversed(api.get_scale("capaian").levels)]
    return ", ".join(f"{c} {counts[c]}" for c in order if counts[c])


def build_report(plan: Plan, years: Optional[Sequence[Union[int, str]]] = None,
                 include_findings: bool = True, layout: str = "default") -> Report:
    """Assemble the summary and the sections of a plan. ``years`` limits the achievement section
    to those years (``"end"``: the end-of-period column, its targets); a year outside the plan
    period leaves it empty, saying so.

    ``layout="lkjip"``: the tables of a yearly performance report for the one year in ``years``
    instead (:func:`build_lkjip_report`, docs/lkjip.md).

    :raises ArgumentError: ``kinerja.argument.report_layout`` for an unknown layout;
        ``kinerja.argument.lkjip_year`` for the LKjIP layout without exactly one year, or with a
        year the plan cannot report
    """
    if layout != "default":
        if layout not in LAYOUTS:
            raise ArgumentError(f"[kinerja.argument.report_layout] unknown report layout {layout!r}; use one of "
                                f"{', '.join(LAYOUTS)}", id="kinerja.argument.report_layout")
        asked = list(years or [])
        if len(asked) != 1:
            raise ArgumentError(f"[kinerja.argument.lkjip_year] the LKjIP layout reports one year: give exactly one "
                                f"(--year Y, year=Y), got {len(asked)}; the plan can report "
                                f"{_years_text(sorted(_core.lkjip_years(plan._core))) or 'no year'}",
                                id="kinerja.argument.lkjip_year")
        return build_lkjip_report(plan, asked[0])
    sections: List[Section] = []
    rows = plan.indicator_rows(include_history=True)
    lo, hi = plan.period
    period = list(range(lo, hi + 1))
    with_end = bool(years) and "end" in years
    numeric = {int(y) for y in (years or []) if y != "end"}
    wanted = [y for y in period if not years or y in numeric]
    outside = sorted(numeric - set(period))
    # the number of an indicator's target in a year (plan part), for the numeric target columns
    target_numbers = {(r["indicator_id"], row_year(r)): r["target_number"] for r in rows if r["part"] == "plan"}

    # 1. achievement of this plan's indicators, by year
    s = Section("achievement", f"Achievement (capaian kinerja) {lo}-{hi}",
                ["year", "code", "level", "indicator", "unit", "polarity", "target", "target (printed)",
                 "realization", "realization (printed)", "achievement %", "category"],
                note="achievement computed with the plan's settings and each indicator's polarity; empty where no "
                     "realization is printed yet")
    for r in rows:
        if r["part"] != "plan" or (r["is_end"] and not with_end) or (not r["is_end"] and r["year"] not in wanted):
            continue
        s.rows.append([row_year(r), r["node_code"] or r["node_id"], r["level"], r["indicator_name"], r["unit"], r["polarity"],
                       r["target_number"], r["target"], r["realization_number"], r["realization"], r["achievement"],
                       r["category"]])
    s.rows.sort(key=lambda x: year_key(x[0]))
    if not wanted and not with_end:
        s.empty = (f"No year asked for ({', '.join(str(y) for y in outside)}) lies in the plan period {lo}-{hi}, "
                   f"so there is no achievement to show.")
    elif not s.rows:
        s.empty = (f"The plan has no indicator with a target or realization in "
                   f"{_years_text(wanted + (['end'] if with_end else []))}.")
    sections.append(s)

    # 2. achievement over the earlier years (the layout of the source's Tabel 2.7)
    hist = [r for r in rows if r["part"] == "history" and not r["is_end"]]
    hyears = sorted({r["year"] for r in hist})
    if hist:
        cols = ["indicator"]
        for y in hyears:
            cols += [f"target {y}", f"target {y} (printed)", f"realization {y}", f"realization {y} (printed)",
                     f"ratio {y}", f"ratio {y} (printed)"]
        named = " (Tabel 2.7 of the plan)" if _named([r["source"] for r in hist], "Tabel 2.7") else ""
        s = Section("tabel-2.7", f"Achievement over the years {hyears[0]}-{hyears[-1]}{named}", cols,
                    note="ratio = computed achievement / 100 with the plan's settings; ratio (printed) as the document "
                         "prints it")
        by_ind: Dict[str, Dict[Any, Dict[str, Any]]] = {}
        names: Dict[str, str] = {}
        for r in hist:
            by_ind.setdefault(r["indicator_id"], {})[r["year"]] = r
            names[r["indicator_id"]] = r["indicator_name"]
        for iid, per_year in by_ind.items():
            line: List[Any] = [names[iid]]
            for y in hyears:
                r = per_year.get(y, {})
                line += [r.get("target_number"), r.get("target"), r.get("realization_number"), r.get("realization"),
                         None if r.get("achievement") is None else r["achievement"] / 100,
                         r.get("reported_achievement")]
            s.rows.append(line)
        sections.append(s)

    # 2b. strategy and policy (the layout of the source's Tabel 5.1), when the plan has them
    if _core.has_strategy_layer(plan._core):
        from .strategy import strategy_table

        layer = [n.source for n in plan.nodes if n.level in ("strategi", "arah_kebijakan")]
        named = " (Tabel 5.1 of the plan)" if _named(layer, "Tabel 5.1") else ""
        s = Section("tabel-5.1", f"Goals, objectives, strategies and policy directions{named}",
                    ["tujuan", "sasaran", "strategi", "kebijakan", "program"],
                    note="per sasaran the strategies that serve it, the policy directions (arah kebijakan) that carry "
                         "them out and the programmes that serve those, one per line, as the plan links them")
        s.rows = strategy_table(plan._core)
        sections.append(s)

    # 3. programmes, activities and funding: the cascade with targets and pagu by year
    pyears: List[Any] = period + ["end"]
    cols = ["code", "level", "name", "indicator"]
    for y in pyears:
        cols += [f"target {year_label(y)}", f"target {year_label(y)} (printed)", f"pagu {year_label(y)}",
                 f"pagu {year_label(y)} (printed)"]
    named = " (Tabel 6.1 of the plan)" if _named([n.source for n in plan.nodes], "Tabel 6.1") else ""
    s = Section("tabel-6.1", f"Programmes, activities and funding {lo}-{hi}{named}", cols,
                note="pagu in Rupiah, the printed text beside; 'end' is the end-of-period column (kondisi akhir)")
    rule = plan.conventions().indicator_pagu.value  # pagu on indicator rows: parts, repeat or unknown
    budget_rows = plan.budget_rows(include_history=True)
    pagu_numbers = {(b["node_id"], row_year(b)): b["budget_number"] for b in budget_rows if b["part"] == "plan"}
    for n in plan.nodes:
        if n.level in ("strategi", "arah_kebijakan"):
            continue  # Tabel 5.1's rows, in their own section
        inds = n.indicators or [None]
        code, level, name = n.code or "", n.level, n.name
        for k, ind in enumerate(inds):
            targets = ind.targets if ind else {}
            line = [code, level, name if k == 0 else "", ind.name if ind else ""]
            for y in pyears:
                printed = (" + ".join(_core.node_pagu_cells(n, y, rule)) or None) if k == 0 else None
                line += [target_numbers.get((ind.id, y)) if ind else None, targets.get(y) if ind else None,
                         pagu_numbers.get((n.id, y)) if printed is not None else None, printed]
            s.rows.append(line)
    sections.append(s)

    # 4. budgets, realization and absorption
    s = Section("budget", "Budget (pagu), realization and absorption by year",
                ["part", "year", "code", "level", "name", "pagu", "pagu (printed)", "realized", "realized (printed)",
                 "absorption %", "absorption (printed)"],
                note="amounts in Rupiah; absorption = realized / pagu x 100, half up to 2 decimals")
    for b in budget_rows:
        s.rows.append([b["part"], row_year(b), b["node_code"] or b["node_id"], b["level"], b["node_name"], b["budget_number"],
                       b["budget"], b["realized_number"], b["budget_realized"], b["absorption"],
                       b["reported_absorption"]])
    sections.append(s)

    # 5. the conventions the checks went by (declared in the plan file, or inferred from its rows)
    s = Section("conventions", "Conventions of the tables (declared or inferred from the rows)",
                ["convention", "reading"],
                note="a convention that more than the majority share (default half) of the rows that tell follow "
                     "is inferred; with no majority nothing is guessed (docs/plans.md, Conventions)")
    for line in plan.conventions().lines():
        cname, _, reading = line.partition(": ")
        s.rows.append([cname, reading])
    sections.append(s)

    # 6. findings
    findings: List[Any] = []
    if include_findings:
        findings = list(plan.check())
        findings.sort(key=lambda f: _SEVERITIES.index(f.severity) if f.severity in _SEVERITIES else 3)
        s = Section("findings", f"Findings of the checks ({len(findings)})",
                    ["severity", "rule", "node", "indicator", "year", "expected", "expected (printed)", "actual",
                     "actual (printed)", "message", "location"],
                    empty="The checks found nothing to report.")
        for f in findings:
            d = finding_to_dict(f)
            s.rows.append([d["severity"], d["rule"], d["node"], d["indicator_name"] or "", d["year"],
                           f.expected if isinstance(f.expected, float) else None, d["expected_text"],
                           f.actual if isinstance(f.actual, float) else None, d["actual_text"], d["message"],
                           d["location"]])
        sections.append(s)

    summary = _summary(plan, rows, budget_rows, findings if include_findings else None, period)
    about = [("plan", plan.title), ("organisation", plan.organisation), ("region", plan.region),
             ("period", f"{lo}-{hi}"), ("version", plan.version), ("plan file", shown_path(plan.file)),
             ("made by", f"kinerja {_core.__version__}")]
    about += [(f"sheet {s.key}", s.title + (f" ({s.note})" if s.note else "")) for s in sections]
    return Report(plan.title, sections, summary, about, plan)


def _summary(plan: Plan, rows: List[Dict[str, Any]], budget_rows: List[Dict[str, Any]],
             findings: Optional[List[Any]], period: List[int]) -> List[Tuple[str, str]]:
    lo, hi = period[0], period[-1]
    out: List[Tuple[str, str]] = [("plan", plan.title),
                                  ("organisation", ", ".join(x for x in (plan.organisation, plan.region) if x)),
                                  ("period", f"{lo}-{hi}, version {plan.version}" if plan.version else f"{lo}-{hi}")]
    plan_rows = [r for r in rows if r["part"] == "plan" and r["year"] in period]
    with_target = {r["indicator_id"] for r in plan_rows if r["target"] is not None}
    realized = [r for r in plan_rows if r["realization"] is not None]
    achieved = [r for r in plan_rows if r["achievement"] is not None]
    out.append(("indicators", f"{len(with_target)} with a target in {lo}-{hi}; "
                              f"{len({r['indicator_id'] for r in realized})} with a realization "
                              f"({len(realized)} of {len(plan_rows)} indicator-years)"))
    out.append(("achievement", f"{lo}-{hi}: " + (_categories_text([r["category"] for r in achieved if r["category"]])
                                                 or "none yet, no realization is printed for these years")))
    hist = [r for r in rows if r["part"] == "history" and not r["is_end"] and r["achievement"] is not None]
    if hist:
        hy = sorted({r["year"] for r in hist})
        out.append(("earlier years", f"{_years_text(hy)}: " +
                    _categories_text([r["category"] for r in hist if r["category"]]) +
                    f" ({len(hist)} indicator-years)"))
    # budget: the programmes' pagu by plan year, and the absorption of the latest year with a realization
    progs = [b for b in budget_rows if b["level"] == "program"]
    totals = []
    for y in period:
        amounts = [b["budget_number"] for b in progs if b["part"] == "plan" and b["year"] == y
                   and b["budget_number"] is not None]
        if amounts:
            totals.append(f"{y} {_rp(sum(amounts))}")
    out.append(("programme pagu", "; ".join(totals) if totals else "no programme prints a pagu in the plan years"))
    real_years = sorted({b["year"] for b in progs if b["realized_number"] is not None and b["budget_number"]
                         and not b["is_end"]})
    if real_years:
        y = real_years[-1]
        both = [b for b in progs if b["year"] == y and b["realized_number"] is not None and b["budget_number"]]
        pagu = sum(b["budget_number"] for b in both)
        real = sum(b["realized_number"] for b in both)
        part = "" if y in period else " (earlier period)"
        out.append(("absorption", f"{y}{part}: {_rp(real)} realized of {_rp(pagu)} = {_pct(real, pagu)}, "
                                  f"{len(both)} programmes"))
    else:
        out.append(("absorption", "no programme prints a realized budget yet"))
    if findings is not None:
        counts = Counter(f.severity for f in findings)
        out.append(("findings", f"{len(findings)}: " + ", ".join(f"{counts[s]} {s}" for s in _SEVERITIES)))
        # the worst: errors before warnings, the first of each rule, five at most
        worst, rules = [], set()
        for f in findings:
            if f.severity != "info" and f.rule not in rules and len(worst) < 5:
                worst.append(f)
                rules.add(f.rule)
        for f in worst:
            where = " ".join(str(x) for x in (f.node, f.year) if x not in (None, ""))
            out.append((f"  {f.severity}", f"{f.rule} {where}: {f.message}"))  # the worst ones
    return out


# ---------------------------------------------------------------------------- renderers

def _cell(c: Any, column: str = "") -> str:
    # whole amounts of money without decimals; achievements, ratios and absorption with two (four
    # for ratios, which are achievement / 100)
    if isinstance(c, float):
        if column.startswith("ratio"):
            return _fmt(c, 4)
        return _fmt(c, 0 if c.is_integer() and abs(c) >= 1000 else 2)
    return _fmt(c)


def _cells(section: Section) -> List[List[str]]:
    return [[_cell(c, col) for c, col in zip(row, section.columns)] for row in section.rows]


def _elide(text: str, width: int) -> str:
    text = " ".join(text.split())  # no line breaks inside a table cell
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


_YEAR_COLUMN = re.compile(r"^(.*) (\d{4}|end)( \(printed\))?$")


def _long(columns: List[str], rows: List[List[Any]]) -> Tuple[List[str], List[List[Any]]]:
    """A wide table with a column per year ("target 2024", "pagu end (printed)") as a long one:
    one row per row and year (rows with nothing in a year left out)."""
    fixed = [i for i, c in enumerate(columns) if not _YEAR_COLUMN.match(c)]
    per_year: Dict[str, Dict[str, int]] = {}
    fields: List[str] = []
    for i, c in enumerate(columns):
        m = _YEAR_COLUMN.match(c)
        if m:
            name = m.group(1) + (m.group(3) or "")
            per_year.setdefault(m.group(2), {})[name] = i
            if name not in fields:
                fields.append(name)
    cols = [columns[i] for i in fixed] + ["year"] + fields
    out: List[List[Any]] = []
    for row in rows:
        for y, idx in per_year.items():
            values = [row[idx[f]] if f in idx else None for f in fields]
            if any(v not in (None, "") for v in values):
                out.append([row[i] for i in fixed] + [y] + values)
    return cols, out


def _fit(columns: List[str], rows: List[List[Any]], width: int, cell_width: int,
         grouped: bool = False) -> Tuple[List[str], List[str]]:
    """A table as lines of at most ``width`` characters: numbers right-aligned, the widest text
    columns elided first; columns that still do not fit are left out, and a line says which.
    ``grouped``: the first column is written once, as a line above its rows."""
    if grouped:
        groups = [r[0] for r in rows]
        columns, rows = columns[1:], [r[1:] for r in rows]
        width -= 2
    # a printed column without its number beside is headed by its plain name
    columns = [c[: -len(" (printed)")] if c.endswith(" (printed)") and c[: -len(" (printed)")] not in columns
               else c for c in columns]
    cells = [[_elide(_cell(c, col), cell_width) for c, col in zip(row, columns)] for row in rows]
    numeric = [all(isinstance(r[j], (int, float)) or r[j] is None for r in rows) and
               any(isinstance(r[j], (int, float)) for r in rows) for j in range(len(columns))]
    natural = [max([len(columns[j])] + [len(r[j]) for r in cells]) for j in range(len(columns))]
    widths = list(natural)
    # the narrowest a column gets: a number keeps its digits, text shrinks to 8 (or its header's first word)
    floor = [natural[j] if numeric[j] or columns[j] in ("code", "year") else
             min(natural[j], max(8, len(columns[j].split()[0]))) for j in range(len(columns))]
    keep = len(columns)
    tail: List[str] = []
    while True:
        total = sum(widths[:keep]) + 2 * (keep - 1)
        while total > width:
            j = max(range(keep), key=lambda k: widths[k] - floor[k])
            if widths[j] <= floor[j]:
                break
            widths[j] -= 1
            total -= 1
        if total <= width or keep == 1:
            break
        keep -= 1
    if keep < len(columns):
        tail.append(_elide(f"(left out to fit {width} columns: {', '.join(columns[keep:])}; a wider terminal, "
                           f"COLUMNS=..., or --format csv/xlsx shows them)", 10_000))
    if keep == 1:
        widths[0] = min(widths[0], width)

    def line(values: List[str]) -> str:
        parts = []
        for j in range(keep):
            v = _elide(values[j], widths[j])
            parts.append(v.rjust(widths[j]) if numeric[j] else v.ljust(widths[j]))
        return "  ".join(parts).rstrip()

    out = [line(columns), "  ".join("-" * widths[j] for j in range(keep))]
    if not grouped:
        out += [line(r) for r in cells]
        return out, tail
    out = ["  " + x for x in out]
    last = None
    for g, r in zip(groups, cells):
        if g != last:
            out.append(_elide(_cell(g), width + 2))
            last = g
        out.append("  " + line(r))
    return out, tail


def rollup_lines(frame: Any, width: Optional[int] = None, cell_width: int = 48) -> List[str]:
    """A roll-up (the frame of :meth:`kinerja.Plan.rollup`, or of several plans with a ``plan``
    column first) as text for people, at most ``width`` characters wide (default: the
    terminal's): one row per node with a rolled achievement in any of the years, in the frame's
    (cascade) order, a column of rolled achievement (%) per year, grouped by plan when there is
    a ``plan`` column; then one sentence on the nodes left out. A frame with no achievement at all
    gives one sentence that says so."""
    width = width or terminal_columns()
    by_plan = "plan" in frame.columns
    records = frame.to_dict("records")
    years = sorted({int(r["year"]) for r in records if r["year"] is not None and r["year"] == r["year"]})
    methods = sorted({r["method"] for r in records})
    keys: Dict[Tuple[Any, Any], Dict[str, Any]] = {}
    for r in records:
        key = (r.get("plan"), r["node_id"])
        entry = keys.setdefault(key, {"code": r["node_code"] or r["node_id"], "level": r["level"],
                                      "name": r["node_name"], "plan": r.get("plan"), "values": {}})
        rolled = r["rolled"]
        if rolled is not None and rolled == rolled:
            entry["values"][int(r["year"])] = float(rolled)
    shown = [e for e in keys.values() if e["values"]]
    span = _years_text(years) if years else "no year"
    head = f"Achievement rolled up the cascade ({', '.join(methods) or 'mean'}), {span}"
    if not shown:
        return _wrap(f"{head}: no node has an achievement to roll up ({len(keys)} nodes; no realization is "
                     f"printed for these years).", width)
    columns = (["plan"] if by_plan else []) + ["code", "level", "name"] + [f"{y} %" for y in years]
    rows = [([e["plan"]] if by_plan else []) + [e["code"], e["level"], e["name"]] +
            [e["values"].get(y) for y in years] for e in shown]
    table, tail = _fit(columns, rows, width, cell_width, grouped=by_plan)
    out = _wrap(head, width) + [""] + table + tail
    if len(shown) < len(keys):
        out += [""] + _wrap(f"{len(keys) - len(shown)} of {len(keys)} nodes have no achievement in {span} "
                            f"(no realization is printed for them) and are left out; --format json lists every "
                            f"node.", width)
    return out


def _wrap(text: str, width: int, indent: str = "") -> List[str]:
    return textwrap.wrap(text, width=width, subsequent_indent=indent, break_long_words=True,
                         break_on_hyphens=False) or [""]


@dataclass
class _View:
    """What the text report shows of a section: a table (``grouped``: its first column written
    once above its rows), then an optional second table, then sentences."""

    columns: List[str]
    rows: List[List[Any]]
    after: List[str] = field(default_factory=list)
    grouped: bool = False
    second: Optional[Tuple[List[str], List[List[Any]]]] = None


def _outline_view(s: Section) -> _View:
    """Tabel 5.1's texts are long: an outline, each text wrapped beside its column's name (the
    tujuan, then per sasaran its strategies, policies and programmes), nothing cut."""
    outline: List[List[Any]] = []
    block: Dict[str, List[Any]] = {}

    def flush() -> None:
        for c in s.columns[2:]:
            outline.extend([c, x] for x in block.get(c, []))
        block.clear()

    for r in s.rows:
        if r[0] is not None or r[1] is not None:
            flush()
            outline.extend([c, x] for c, x in zip(s.columns[:2], r[:2]) if x is not None)
        for c, x in zip(s.columns[2:], r[2:]):
            if x is not None:
                block.setdefault(c, []).append(x)
    flush()
    return _View(["column", "text"], outline)


def _matrix_counts_view(s: Section) -> _View:
    """Tabel 5.1 in short: per sasaran how many strategies and policies serve it, and its
    programmes; the texts are left to ``--full``."""
    lines: List[List[Any]] = []
    for r in s.rows:
        if r[1] is not None:
            lines.append([r[1], 0, 0, []])
        if lines:
            lines[-1][1] += r[2] is not None
            lines[-1][2] += r[3] is not None
            if r[4] is not None:
                lines[-1][3].append(r[4])
    strategies, policies = sum(x[1] for x in lines), sum(x[2] for x in lines)
    return _View(["sasaran", "strategies", "policies", "program"], [x[:3] + ["; ".join(x[3])] for x in lines],
                 [f"The texts of the {strategies} strategies and {policies} policy directions are left out (--full "
                  f"lists them)."])


def _text_view(s: Section, full: bool) -> _View:
    """What the text report shows of a section. Without ``full`` long sections are shortened to
    what a reader looks at first, each saying what it left out."""
    if s.key == "tabel-5.1" and s.rows:
        return _outline_view(s) if full else _matrix_counts_view(s)
    if full:
        return _View(s.columns, s.rows)
    if s.key.startswith("lkjip-"):
        return _lkjip_text_view(s)
    col = {c: i for i, c in enumerate(s.columns)}

    def pick(names: List[str], rows: List[List[Any]]) -> List[List[Any]]:
        return [[r[col[n]] for n in names] for r in rows]

    if s.key == "achievement" and s.rows:
        names = ["year", "code", "indicator", "target (printed)", "realization (printed)", "achievement %", "category"]
        done = [r for r in s.rows if r[col["realization (printed)"]] is not None]
        waiting = len(s.rows) - len(done)
        years = _years_text({r[0] for r in s.rows})
        if not done:
            return _View(names, [], [f"No indicator has a realization in {years} yet: all {len(s.rows)} targets wait "
                                     f"for one (--full lists them)."])
        return _View(names, pick(names, done), [f"{waiting} targets without a realization yet are left out (--full "
                                                f"lists them)."] if waiting else [])
    if s.key == "tabel-6.1":
        names = ["code", "name"] + [c for c in s.columns if c.startswith("pagu ") and "(printed)" not in c]
        nodes = [r for r in s.rows if r[col["name"]]]
        return _View(names, pick(names, nodes), [f"Targets of each indicator by year are left out ({len(s.rows)} "
                                                 f"rows; --full shows them)."])
    if s.key == "tabel-2.7":
        cols, rows = _long(s.columns, s.rows)
        names = ["indicator", "year", "target (printed)", "realization (printed)", "ratio", "ratio (printed)"]
        return _View(names, [[r[cols.index(n)] for n in names] for r in rows], grouped=True)
    if s.key == "budget":
        totals: Dict[Tuple[str, Any], List[float]] = {}
        for r in s.rows:
            if r[col["level"]] != "program":
                continue
            t = totals.setdefault((r[0], r[1]), [0, 0.0, 0.0, 0.0])  # programmes, pagu, realized, its pagu
            t[0] += 1
            if r[col["pagu"]] is not None:
                t[1] += r[col["pagu"]]
            if r[col["realized"]] is not None and r[col["pagu"]]:
                t[2] += r[col["realized"]]
                t[3] += r[col["pagu"]]
        lines = [[part, year, t[0], t[1] or None, t[2] if t[3] else None,
                  round(100.0 * t[2] / t[3], 2) if t[3] else None] for (part, year), t in totals.items()]
        return _View(["part", "year", "programmes", "pagu", "realized", "absorption %"], lines,
                     [f"Programme totals by year; absorption over the programmes with a realization "
                      f"({len(s.rows)} rows of every level: --full)."])
    if s.key == "findings" and s.rows:
        counts = Counter((r[0], r[1]) for r in s.rows)
        by_rule = [[sev, rule, n] for (sev, rule), n in sorted(counts.items(), key=lambda x: (
            _SEVERITIES.index(x[0][0]) if x[0][0] in _SEVERITIES else 3, -x[1], x[0][1]))]
        names = ["severity", "rule", "node", "year", "message"]
        shown = pick(names, [r for r in s.rows if r[0] in ("error", "warning")][:15])
        rest = len(s.rows) - len(shown)
        # the count by rule first, then the worst findings under their own header
        return _View(["severity", "rule", "count"], by_rule,
                     [f"{rest} more findings (the info ones and any beyond the first 15) are left out (--full lists "
                      f"them)."] if rest else [], second=(names, shown) if shown else None)
    return _View(s.columns, s.rows)


def _text(report: Report, cell_width: int, width: int, full: bool) -> str:
    width = max(width, 20)
    out = _wrap(report.plan_title, width)
    out += ["=" * min(max(len(x) for x in out), width), ""]
    if report.summary:
        out += ["Summary", "-------"]
        label_w = min(max(len(k) for k, _ in report.summary) + 2, width // 3)
        for k, v in report.summary:
            head = _elide(k, label_w - 2) + ":"
            # a worst finding (label indented) on one line; the rest wrapped
            lines = [_elide(v, width - label_w)] if k.startswith("  ") else _wrap(v, width - label_w)
            if k.startswith("  "):
                head = "  " + head
            out.append(head.ljust(label_w) + lines[0])
            out += [" " * label_w + x for x in lines[1:]]
        out.append("")
    for s in report.sections:
        title = _wrap(s.title, width)
        out += title + ["-" * min(max(len(x) for x in title), width)]
        if s.note:
            out += _wrap(f"({s.note})", width)
        view = _text_view(s, full)
        columns, rows = view.columns, view.rows
        if not rows and not s.rows:
            out += _wrap(s.empty or "Nothing to show.", width)
        elif len(columns) == 2 and all(isinstance(r[1], str) for r in rows):
            # a list of names and texts: the text wrapped beside its name
            label_w = min(max(len(str(r[0])) for r in rows) + 2, width // 3)
            for r in rows:
                lines = _wrap(r[1], width - label_w)
                out.append((_elide(str(r[0]), label_w - 2) + ":").ljust(label_w) + lines[0])
                out += [" " * label_w + x for x in lines[1:]]
        elif rows:
            table, tail = _fit(columns, rows, width, cell_width, view.grouped)
            if tail and any(_YEAR_COLUMN.match(c) for c in columns) and (full or s.key != "tabel-6.1") \
                    and not s.key.startswith("lkjip-"):
                # too wide with a column per year: one row per year instead
                table, tail = _fit(*_long(columns, rows), width, cell_width)
            out += table
            for t in tail:
                out += _wrap(t, width)
        if view.second:
            table, tail = _fit(view.second[0], view.second[1], width, cell_width)
            out += [""] + table
            for t in tail:
                out += _wrap(t, width)
        for sentence in view.after:
            out += _wrap(sentence, width)
        out.append("")
    return "\n".join(out)


def _md_escape(c: str) -> str:
    """A Markdown table cell: a backslash and ``|`` escaped (so neither ends the cell), ``<``
    escaped (so no raw HTML reaches a Markdown renderer), line breaks as spaces."""
    return c.replace("\\", "\\\\").replace("|", "\\|").replace("<", "\\<").replace("\r\n", " ") \
        .replace("\n", " ").replace("\r", " ")


def _markdown(report: Report) -> str:
    out = [f"# {_md_escape(report.plan_title)}", ""]
    if report.summary:
        out += ["## Summary", ""]
        out += [f"- **{_md_escape(k.strip())}**: {_md_escape(v)}" for k, v in report.summary]
        out.append("")
    for s in report.sections:
        out += [f"## {_md_escape(s.title)}", ""]
        if s.note:
            out += [f"_{_md_escape(s.note)}_", ""]
        if not s.rows and s.empty:
            out += [_md_escape(s.empty), ""]
            continue
        out.append("| " + " | ".join(_md_escape(c) for c in s.columns) + " |")
        out.append("|" + "---|" * len(s.columns))
        for row in _cells(s):
            out.append("| " + " | ".join(_md_escape(c) for c in row) + " |")
        out.append("")
    return "\n".join(out)


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# ...except text that can hold no formula: a dash printed for "no value" ("-", "--") and a signed
# number as printed ("-5%", "-1.500,25"), which a spreadsheet reads as that number or that text.
_INERT = re.compile(r"-+|[-+][0-9][0-9.,]*%?")


def _reads_as_formula(c: Any) -> bool:
    """Whether a spreadsheet could run the text `c` as a formula (see _FORMULA_START)."""
    return isinstance(c, str) and c.startswith(_FORMULA_START) and not _INERT.fullmatch(c)


def csv_cell(c: Any) -> Any:
    """A CSV cell: text that a spreadsheet would read as a formula gets a leading ``'`` (OWASP's
    advice); numbers, a negative one too, stay numbers."""
    if c is None:
        return ""
    if _reads_as_formula(c):
        return "'" + c
    return c


def _csv(report: Report) -> str:
    buf = io.StringIO()
    plain = csv.writer(buf, lineterminator="\n")
    # the csv module quotes a cell holding "\n" (the line terminator) but not one holding "\r",
    # which a reader takes as the end of the row: a row with a "\r" quotes all its text
    quoted = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)

    def write(cells: List[Any]) -> None:
        cells = [csv_cell(c) for c in cells]
        (quoted if any(isinstance(c, str) and "\r" in c for c in cells) else plain).writerow(cells)

    if report.summary:
        write(["section", "summary"])
        for k, v in report.summary:
            write(["summary", k.strip(), v])
        plain.writerow([])
    for s in report.sections:
        write(["section", s.key])
        write(["section"] + s.columns)
        for row in s.rows:
            write([s.key] + list(row))
        plain.writerow([])
    return buf.getvalue()


def _json(report: Report) -> str:
    data = {"plan": report.plan_title,
            "summary": [{"label": k.strip(), "text": v} for k, v in report.summary],
            "sections": [{"key": s.key, "title": s.title, "note": s.note, "empty": s.empty, "columns": s.columns,
                          "rows": [dict(zip(s.columns, row)) for row in s.rows]} for s in report.sections]}
    return json.dumps(data, ensure_ascii=False, indent=2)


_CATEGORY_CLASS = {"Sangat Tinggi": "very-high", "Tinggi": "high", "Sedang": "medium", "Rendah": "low",
                   "Sangat Rendah": "very-low"}

_CSS = """
body{font-family:"DejaVu Sans",Arial,sans-serif;margin:1.5em;color:#111;max-width:80em}
h1{font-size:1.5em;margin-bottom:.2em} h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #999}
h3{font-size:1.05em}
table{border-collapse:collapse;margin-bottom:1.5em}
td,th{border:1px solid #bbb;padding:2px 6px;font-size:12px;text-align:left;vertical-align:top}
th{background:#eee} td.num{text-align:right;white-space:nowrap} td.long{overflow-wrap:anywhere}
table.summary th{width:14em;background:#f4f4f4}
.very-high{background:#c8e6c9}.high{background:#e6f4c8}.medium{background:#fff3c4}
.low{background:#ffd8b0}.very-low{background:#f8c0c0}
.error{background:#fbe3e3}.warning{background:#fff6d6}.info{background:#eef3fb}
figure{margin:0 0 1.5em 0;break-inside:avoid;page-break-inside:avoid}
figure svg{max-width:100%;height:auto} figcaption{font-size:12px;color:#444}
.empty{font-style:italic} .wide{overflow-x:auto;max-width:100%}
nav ul{columns:2;font-size:13px}
@media print{
 body{margin:0;max-width:none;font-size:10pt} .wide{overflow:visible}
 nav{display:none}
 h2{break-after:avoid;page-break-after:avoid}
 table{width:100%} thead{display:table-header-group} tr{break-inside:avoid;page-break-inside:avoid}
 td,th{font-size:7pt;padding:1px 3px}
 figure svg{max-width:100%;max-height:24cm}
 .very-high,.high,.medium,.low,.very-low,.error,.warning,.info,th{
  -webkit-print-color-adjust:exact;print-color-adjust:exact}
 @page{size:A4 landscape;margin:10mm}
}
"""


def _summary_html(report: Report) -> str:
    rows = "".join(f"<tr><th>{html.escape(k.strip())}</th><td>{html.escape(v)}</td></tr>" for k, v in report.summary)
    return f"<table class=\"summary\"><tbody>{rows}</tbody></table>"


def _charts(report: Report) -> List[Tuple[str, str, str]]:
    """The report's charts as (id, caption, inline SVG): achievement against target per sasaran,
    budget and absorption per programme, the cascade. Empty without matplotlib."""
    if report.plan is None:
        return []
    try:
        import matplotlib
    except ImportError:  # pragma: no cover - depends on the machine
        return []
    from . import plots

    plan = report.plan
    lo, _hi = plan.period
    budget_years = sorted({b["year"] for b in plan.budget_rows(include_history=True)
                           if b["level"] == "program" and b["realized_number"] is not None and not b["is_end"]})
    charts = [("chart-achievement", "Achievement against target per sasaran (latest year with a realization)",
               lambda ax: plots.achievement(plan, ax=ax)),
              ("chart-budget", f"Budget and absorption per programme, {lo} (first plan year)",
               lambda ax: plots.budget(plan, lo, ax=ax))]
    if budget_years:
        y = budget_years[-1]
        charts.append(("chart-absorption", f"Budget and absorption per programme, {y} (latest year with a "
                                           f"realization)", lambda ax: plots.budget(plan, y, ax=ax)))
    charts.append(("chart-cascade", f"The cascade in {lo}, sized by pagu, coloured by achievement",
                   lambda ax: plots.cascade(plan, lo, ax=ax)))
    out = []
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "kinerja"}):
        import matplotlib.pyplot as plt
        from matplotlib.figure import Figure

        for cid, caption, draw in charts:
            fig = Figure(figsize=(8, 5), layout="constrained")
            ax = fig.add_subplot()
            draw(ax)
            if cid == "chart-cascade":
                fig.set_size_inches(8, 7)
            elif cid != "chart-achievement":
                fig.set_size_inches(8, max(3.0, 0.45 * len(ax.get_yticks()) + 1.6))
            else:
                fig.set_size_inches(8, max(3.0, 0.5 * len(ax.get_yticks()) + 1.8))
            buf = io.StringIO()
            with matplotlib.rc_context({"svg.hashsalt": cid}):
                fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
            plt.close(fig)
            svg = buf.getvalue()
            svg = svg[svg.index("<svg"):]
            svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
            svg = svg.replace("<svg ", f"<svg id=\"{cid}\" role=\"img\" aria-label=\"{html.escape(caption)}\" ", 1)
            out.append((cid, caption, svg))
    return out


def _html(report: Report) -> str:
    title = html.escape(report.plan_title)
    out = ["<!DOCTYPE html>", "<html lang=\"en\"><head><meta charset=\"utf-8\">",
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
           f"<title>{title}</title>", f"<style>{_CSS}</style>", "</head><body>", f"<h1>{title}</h1>"]
    # a report of no whole plan (the LKjIP layout of one year) has no charts section
    with_charts = report.plan is not None
    out.append("<nav><ul>" + "<li><a href=\"#summary\">Summary</a></li>" +
               ("<li><a href=\"#charts\">Charts</a></li>" if with_charts else "") +
               "".join(f"<li><a href=\"#{html.escape(s.key)}\">{html.escape(s.title)}</a></li>"
                       for s in report.sections) + "</ul></nav>")
    out += ["<section id=\"summary\"><h2>Summary</h2>", _summary_html(report), "</section>"]
    if with_charts:
        charts = _charts(report)
        out.append("<section id=\"charts\"><h2>Charts</h2>")
        if not charts:
            out.append("<p class=\"empty\">No charts: they need matplotlib (Debian: python3-matplotlib).</p>")
        for cid, caption, svg in charts:
            out.append(f"<figure>{svg}<figcaption>{html.escape(caption)}</figcaption></figure>")
        out.append("</section>")
    for s in report.sections:
        out.append(f"<section id=\"{html.escape(s.key)}\">")
        if s.key == "findings":
            out += _findings_html(s)
        else:
            out += _section_html(s, inline=False)
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)


def _findings_html(s: Section) -> List[str]:
    """The findings grouped by severity (errors first), each group a table."""
    out = [f"<h2>{html.escape(s.title)}</h2>"]
    if not s.rows:
        out.append(f"<p class=\"empty\">{html.escape(s.empty)}</p>")
        return out
    cells = _cells(s)
    for sev in _SEVERITIES + tuple(sorted({r[0] for r in s.rows} - set(_SEVERITIES))):
        group = [(raw, row) for raw, row in zip(s.rows, cells) if raw[0] == sev]
        if not group:
            continue
        out.append(f"<h3 class=\"severity-{html.escape(sev)}\">{html.escape(sev.capitalize())}s ({len(group)})</h3>")
        keep = _html_columns(s.columns)
        out.append(f"<div class=\"wide\"><table class=\"kinerja-findings findings-{html.escape(sev)}\"><thead><tr>" +
                   "".join(f"<th>{html.escape(s.columns[i])}</th>" for i in keep) + "</tr></thead><tbody>")
        for raw, row in group:
            out.append(f"<tr class=\"{html.escape(sev)}\">" + "".join(_td(raw[i], row[i]) for i in keep) + "</tr>")
        out.append("</tbody></table></div>")
    return out


def _td(raw: Any, text: str, style: str = "") -> str:
    cls = ""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        cls = " class=\"num\""
    elif len(text) > 24 and " " not in text:
        cls = " class=\"long\""  # a path or a long code: may break anywhere, so that the table fits the page
    return f"<td{cls}{style}>{html.escape(text)}</td>"


_INLINE = {"very-high": "background:#c8e6c9", "high": "background:#e6f4c8", "medium": "background:#fff3c4",
           "low": "background:#ffd8b0", "very-low": "background:#f8c0c0", "error": "background:#fbe3e3",
           "warning": "background:#fff6d6", "info": "background:#eef3fb"}


def _html_columns(columns: List[str]) -> List[int]:
    """The columns a reader sees in HTML: an amount of money as a number (its printed text left
    out), a target, realization or expected value as printed (its number left out)."""
    keep = []
    for i, c in enumerate(columns):
        if c.endswith(" (printed)"):
            base = c[: -len(" (printed)")]
            if base in columns and _MONEY_COLUMN.match(base):
                continue
        elif f"{c} (printed)" in columns and not _MONEY_COLUMN.match(c) and not c.startswith("ratio"):
            continue
        keep.append(i)
    return keep


def _section_html(s: Section, inline: bool = True) -> List[str]:
    """A section's title, note and table; ``inline`` styles rows for notebooks (no stylesheet)."""
    cell = ' style="border:1px solid #bbb;padding:2px 6px;font-size:12px"' if inline else ""
    out = [f"<h2>{html.escape(s.title)}</h2>" if not inline else f"<h4>{html.escape(s.title)}</h4>"]
    if s.note:
        out.append(f"<p><em>{html.escape(s.note)}</em></p>")
    if not s.rows and s.empty:
        out.append(f"<p class=\"empty\">{html.escape(s.empty)}</p>")
    if s.key == "achievement" and s.rows and all(r[s.columns.index("realization (printed)")] is None for r in s.rows):
        out.append(f"<p class=\"empty\">No indicator has a realization in these years yet: the table lists the "
                   f"{len(s.rows)} targets.</p>")
    keep = _html_columns(s.columns)
    out.append(("" if inline else "<div class=\"wide\">") + f"<table class=\"kinerja-{html.escape(s.key)}\"" +
               (' style="border-collapse:collapse"' if inline else "") + "><thead><tr>" +
               "".join(f"<th{cell}>{html.escape(s.columns[i])}</th>" for i in keep) + "</tr></thead><tbody>")
    for raw, row in zip(s.rows, _cells(s)):
        cls = ""
        if "category" in s.columns:
            cls = _CATEGORY_CLASS.get(raw[s.columns.index("category")] or "", "")
        if s.key == "findings":
            cls = raw[0]
        style = f" style=\"{_INLINE[cls]}\"" if inline and cls in _INLINE else ""
        out.append(f"<tr class=\"{html.escape(cls)}\"{style}>" + "".join(_td(raw[i], row[i], cell) for i in keep) +
                   "</tr>")
    out.append("</tbody></table>" + ("" if inline else "</div>"))
    return out


# ---------------------------------------------------------------------------- xlsx

_MONEY_COLUMN = re.compile(r"^(pagu|realized|budget)\b")
_PERCENT_COLUMN = re.compile(r"(%|^achievement|^absorption)")


def _number_format(column: str, value: float) -> str:
    """The Excel number format of a number in a column: ``#,##0`` for Rupiah, ``0.00`` for
    percentages and achievement, ``0.0000`` for ratios (achievement / 100), ``0`` for years,
    else ``#,##0`` for a whole number and ``#,##0.00##`` for others."""
    if column == "year" or column.endswith(" year"):
        return "0"
    if _MONEY_COLUMN.match(column):
        return "#,##0" if float(value).is_integer() else "#,##0.00"
    if _PERCENT_COLUMN.search(column):
        return "0.00"
    if column.startswith("ratio"):
        return "0.0000"
    return "#,##0" if float(value).is_integer() else "#,##0.00##"


def _shown_width(value: Any, fmt: str) -> int:
    if value is None:
        return 0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        decimals = {"0.00": 2, "0.0000": 4, "#,##0.00": 2, "#,##0.00##": 4}.get(fmt, 0)
        return len(api.format_number(float(value), "english", decimals, "#" in fmt))
    return max(len(x) for x in str(value).split("\n"))


def _xlsx(report: Report) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter
        from openpyxl.utils.exceptions import IllegalCharacterError
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise RuntimeError("the xlsx format needs openpyxl (Debian: python3-openpyxl)") from exc

    def append(ws, values: List[Any], r: int) -> None:
        # openpyxl stores a str that starts with "=" as a formula. Text that a spreadsheet would
        # read as a formula is stored as text (data type "s", the value unchanged) and marked with
        # quotePrefix (what Excel sets for a typed leading '), so it stays text when the cell is
        # edited; numbers, a negative one too, stay numbers
        try:
            ws.append(values)
        except IllegalCharacterError:
            # a control character (other than tab, line feed, carriage return) cannot be in the XML
            # of a workbook: say where it is rather than change the text
            j, v = next((j, v) for j, v in enumerate(values, start=1)
                        if isinstance(v, str) and ILLEGAL_CHARACTERS_RE.search(v))
            ch = ILLEGAL_CHARACTERS_RE.search(v).group()
            shown = v if len(v) <= 60 else v[:59] + "…"
            raise ArgumentError(f"[kinerja.report.xlsx_text] sheet {ws.title!r} cell {get_column_letter(j)}"
                                f"{r}: the text {shown!r} holds the control character "
                                f"U+{ord(ch):04X}, which an XLSX workbook cannot hold; remove it from the plan",
                                id="kinerja.report.xlsx_text") from None
        for j, v in enumerate(values, start=1):
            if _reads_as_formula(v):
                cell = ws.cell(row=r, column=j)
                cell.data_type = "s"
                cell.quotePrefix = True

    def sheet(name: str, columns: List[str], rows: List[List[Any]]) -> None:
        ws = wb.create_sheet(name[:31])
        append(ws, list(columns), 1)
        bold = Font(bold=True)
        for c in ws[1]:
            c.font = bold
            c.alignment = Alignment(vertical="top", wrap_text=True)
        widths = [len(c) for c in columns]
        for i, row in enumerate(rows, start=2):
            append(ws, list(row), i)
            for j, (col, v) in enumerate(zip(columns, row)):
                fmt = ""
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    fmt = _number_format(col, v)
                    ws.cell(row=i, column=j + 1).number_format = fmt
                widths[j] = max(widths[j], _shown_width(v, fmt))
        for j, w in enumerate(widths, start=1):
            # a code or a number is never cut; long text stops at 60 characters (the cell keeps it all)
            ws.column_dimensions[get_column_letter(j)].width = min(w, 60) + 2
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(rows) + 1, 1)}"

    wb = Workbook()
    wb.remove(wb.active)
    about = list(report.about) + [("summary: " + k.strip(), v) for k, v in report.summary]
    sheet("about", ["item", "value"], [[k, v] for k, v in about])
    for s in report.sections:
        sheet(s.key, s.columns, s.rows)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------- the LKjIP layout

LAYOUTS = ("default", "lkjip")


def build_lkjip_report(plan: Plan, year: int, previous_years: int = 2) -> Report:
    """The standard tables of a yearly performance report (LKjIP) for ``year`` (docs/lkjip.md):
    capaian kinerja per sasaran and indicator (target, realization, capaian and category of the
    year, the realizations and capaian of the ``previous_years`` years before, the end-of-period
    target and the progress towards it) and, per programme, pagu, realization, absorption,
    capaian and efficiency. The numbers come from the compiled core (``kinerja._core.lkjip_tables``,
    C++ ``kinerja::lkjip_tables``); every computed number has its printed inputs beside it and a
    basis column that says how it was obtained.

    :raises ArgumentError: ``kinerja.argument.lkjip_year`` for a year in which the plan prints
        nothing to report (the message lists the years it can report)

    >>> import kinerja
    >>> r = build_lkjip_report(kinerja.bundled_plan(), 2021)
    >>> [s.key for s in r.sections]
    ['lkjip-capaian', 'lkjip-budget']
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise ArgumentError(f"[kinerja.argument.lkjip_year] the LKjIP layout reports one calendar year (an integer), "
                            f"got {year!r}", id="kinerja.argument.lkjip_year")
    t = _core.lkjip_tables(plan._core, year, previous_years)
    prev = list(t.previous_years)
    lo, hi = plan.period

    cols = ["part", "sasaran", "sasaran name", "indicator", "unit", "polarity"]
    for y in prev:
        cols += [f"realization {y}", f"realization {y} (printed)", f"capaian {y} %"]
    cols += [f"target {year}", f"target {year} (printed)", f"realization {year}", f"realization {year} (printed)",
             f"capaian {year} %", "category", "end target", "end target (printed)", "end target year",
             "end progress %", "capaian basis", "progress basis"]
    cap = Section("lkjip-capaian", f"Capaian kinerja {year} per sasaran and indicator (LKjIP)", cols,
                  note=f"capaian = realization against the target of the year with the plan's settings and each "
                       f"indicator's polarity; progress = realization {year} against the end target (the "
                       f"end-of-period column, else the target of the last year of the indicator's period), by the "
                       f"same rule; category on the capaian scale",
                  empty=f"No indicator of a sasaran prints a target or realization in {year}.")
    for r in t.indicators:
        line: List[Any] = [r.part, r.node, r.node_name, r.indicator_name, r.unit, r.polarity]
        for p in r.previous:
            line += [p.realization_number, p.realization or None, p.achievement]
        line += [r.target_number, r.target or None, r.realization_number, r.realization or None, r.achievement,
                 r.category or None, r.end_target_number, r.end_target or None,
                 r.end_year if r.end_year is not None else ("end" if r.end_target else None), r.progress,
                 r.achievement_basis, r.progress_basis]
        cap.rows.append(line)

    bud = Section("lkjip-budget", f"Budget, absorption and efficiency {year} per programme (LKjIP)",
                  ["part", "code", "programme", "pagu", "pagu (printed)", "realized", "realized (printed)",
                   "absorption %", "capaian %", "efficiency %", "capaian basis", "efficiency basis"],
                  note="amounts in Rupiah; absorption = realized / pagu x 100; capaian = the programme's roll-up "
                       "(mean of its indicators, else of its activities); efficiency = (1 - absorption / capaian) x "
                       "100 (positive: more achieved than spent, in shares of plan); half up to 2 decimals",
                  empty=f"No programme prints a pagu or a realized budget in {year}.")
    for b in t.programmes:
        bud.rows.append([b.part, b.node, b.node_name, b.pagu_number, b.pagu or None, b.realized_number,
                         b.realized or None, b.absorption, b.achievement, b.efficiency, b.achievement_basis,
                         b.efficiency_basis])

    achieved = [r for r in t.indicators if r.achievement is not None]
    summary: List[Tuple[str, str]] = [
        ("plan", plan.title), ("organisation", ", ".join(x for x in (plan.organisation, plan.region) if x)),
        ("period", f"{lo}-{hi}, version {plan.version}" if plan.version else f"{lo}-{hi}"),
        ("year", f"{year} (LKjIP layout; earlier years shown: {', '.join(str(y) for y in prev) or 'none'})"),
        ("indicators", f"{len(t.indicators)} indicators of sasaran with a target or realization in {year}; "
                       f"{len(achieved)} with a capaian" +
                       (f": {_categories_text([r.category for r in achieved])}" if achieved else ""))]
    both = [b for b in t.programmes if b.absorption is not None]
    if both:
        pagu = sum(b.pagu_number for b in both)
        real = sum(b.realized_number for b in both)
        summary.append(("absorption", f"{_rp(real)} realized of {_rp(pagu)} = {_pct(real, pagu)}, "
                                      f"{len(both)} of {len(t.programmes)} programmes"))
    else:
        summary.append(("absorption", f"no programme prints both a pagu and a realized amount in {year}"))
    about = [("plan", plan.title), ("organisation", plan.organisation), ("region", plan.region),
             ("period", f"{lo}-{hi}"), ("version", plan.version), ("layout", f"lkjip {year}"),
             ("plan file", shown_path(plan.file)), ("made by", f"kinerja {_core.__version__}")]
    sections = [cap, bud]
    about += [(f"sheet {s.key}", s.title + (f" ({s.note})" if s.note else "")) for s in sections]
    return Report(f"{plan.title}: LKjIP {year}", sections, summary, about, None)


def _lkjip_text_view(s: Section) -> "_View":
    """The LKjIP sections in the terminal: the printed values and the computed numbers, each
    indicator under a line naming its sasaran and itself; the earlier years' realizations and the
    basis columns are left out (--full, csv, json and xlsx show them)."""
    col = {c: i for i, c in enumerate(s.columns)}
    if s.key == "lkjip-capaian":
        year = s.title.split()[2]  # "Capaian kinerja 2025 per ..."
        earlier = [c for c in s.columns if c.startswith("capaian ") and c.endswith(" %") and year not in c]
        # one group line per indicator (its sasaran and its name), then its numbers
        names = [f"target {year} (printed)", f"realization {year} (printed)", f"capaian {year} %", "category"] + \
            earlier[::-1] + ["end target (printed)", "end progress %"]
        shown = ["indicator", "target", "realization", "capaian %", "category"] + \
            [c.split()[1] + " %" for c in earlier[::-1]] + ["end target", "progress %"]
        rows = [[f"{r[col['sasaran']]} {r[col['sasaran name']]}: {r[col['indicator']]}"] +
                [r[col[n]] for n in names] for r in s.rows]
        before = ", ".join(c.split()[1] + " %" for c in earlier[::-1])
        after = [f"({before}: the capaian of the earlier years; progress %: the realization of {year} against the "
                 f"end target; --full shows every column.)" if before else
                 f"(progress %: the realization of {year} against the end target; --full shows every column.)"]
        return _View(shown, rows, after, grouped=True)
    names = ["code", "programme", "pagu", "realized", "absorption %", "capaian %", "efficiency %"]
    return _View(names, [[r[col[n]] for n in names] for r in s.rows])


def _plan_report(self: Plan, layout: str = "default", year: Optional[Union[int, str]] = None,
                 include_findings: bool = True) -> Report:
    """The plan's report (:class:`kinerja.Report`, rendered with ``render(format)`` or ``save(path)``).
    ``layout="default"``: :func:`kinerja.build_report` (``year`` limits its achievement section);
    ``layout="lkjip"``: the tables of the yearly performance report (LKjIP) for ``year``
    (docs/lkjip.md).

    :raises ArgumentError: ``kinerja.argument.lkjip_year`` for the LKjIP layout without a year or
        with a year the plan cannot report; ``kinerja.argument.report_layout`` for an unknown layout

    >>> import kinerja
    >>> r = kinerja.bundled_plan().report(layout="lkjip", year=2021)
    >>> [s.key for s in r.sections], len(r.section("lkjip-budget").rows)
    (['lkjip-capaian', 'lkjip-budget'], 5)
    """
    return build_report(self, years=None if year is None else [year], include_findings=include_findings,
                        layout=layout)


# Plan.report lives here, beside the reports it builds: plan.py cannot import this module (report
# imports plan), and every `import kinerja` imports it
Plan.report = _plan_report  # type: ignore[attr-defined]
