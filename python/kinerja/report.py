"""Reports of a plan: achievement by year, the layouts of the seed's Tabel 2.7 (achievement over
years) and Tabel 6.1 (plan and funding by year), budgets with absorption, the conventions of the
tables (declared or inferred), and the findings of the checks; as a terminal table, Markdown, CSV, JSON, HTML or an Excel workbook.

>>> import kinerja
>>> report = kinerja.build_report(kinerja.bundled_plan())
>>> [s.title for s in report.sections][:2]
['Capaian kinerja (achievement) 2024-2026', 'Tabel 2.7 layout: achievement over years 2018-2023']
>>> sorted(report.to_frames())
['achievement', 'budget', 'conventions', 'findings', 'tabel-2.7', 'tabel-6.1']

In Jupyter a report (and each section) displays as HTML tables.
"""

from __future__ import annotations

import csv
import html
import io
import re
import json
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _api as api
from . import _core
from ._files import write_atomic
from .errors import ArgumentError
from .plan import Plan, finding_to_dict

__all__ = ["Section", "Report", "build_report", "FORMATS"]

FORMATS = ("text", "markdown", "csv", "json", "html", "xlsx")
# the format Report.save writes for a file suffix
_SUFFIX_FORMATS = {".txt": "text", ".md": "markdown", ".csv": "csv", ".json": "json", ".html": "html",
                   ".htm": "html", ".xlsx": "xlsx"}


@dataclass
class Section:
    """A titled table: column names and rows (lists of cells: str, float, int or None)."""

    key: str
    title: str
    columns: List[str]
    rows: List[List[Any]] = field(default_factory=list)
    note: str = ""

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
    """The report of a plan (:func:`build_report`): titled sections, rendered with
    :meth:`render` or converted to DataFrames with :meth:`to_frames`."""

    plan_title: str
    sections: List[Section]

    def to_frames(self) -> Dict[str, Any]:
        """Every section as a pandas DataFrame, by section key (``achievement``, ``tabel-2.7``,
        ``tabel-6.1``, ``budget``, ``findings``), in report order."""
        return {s.key: s.to_frame() for s in self.sections}

    def __repr__(self) -> str:
        return f"Report({self.plan_title!r}, sections={[s.key for s in self.sections]})"

    def _repr_html_(self) -> str:
        out = [f"<h3>{html.escape(self.plan_title)}</h3>"]
        for s in self.sections:
            out += _section_html(s)
        return "\n".join(out)

    def render(self, format: str = "text", width: int = 48) -> Any:
        """The report as text (``text``, ``markdown``, ``csv``, ``json``, ``html``) or bytes (``xlsx``)."""
        if format not in FORMATS:
            raise ValueError(f"unknown report format {format!r}; use one of {', '.join(FORMATS)}")
        return {"text": lambda: _text(self, width), "markdown": lambda: _markdown(self), "csv": lambda: _csv(self),
                "json": lambda: _json(self), "html": lambda: _html(self), "xlsx": lambda: _xlsx(self)}[format]()

    def save(self, path: Union[str, "os.PathLike[str]"], format: Optional[str] = None, width: int = 48) -> None:
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
        write_atomic(path, self.render(format, width=width))

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


def _year_label(y: Any) -> str:
    return "end" if y == "end" else str(y)


def build_report(plan: Plan, years: Optional[Sequence[int]] = None, include_findings: bool = True) -> Report:
    """Assemble the report sections of a plan. ``years`` limits the achievement section."""
    sections: List[Section] = []
    rows = plan.indicator_rows(include_history=True)
    lo, hi = plan.period
    wanted = set(years) if years else set(range(lo, hi + 1))

    # 1. achievement of this plan's indicators, by year
    s = Section("achievement", f"Capaian kinerja (achievement) {lo}-{hi}",
                ["year", "code", "level", "indicator", "unit", "polarity", "target", "realization", "achievement %",
                 "category"],
                note="achievement computed with the plan's settings and each indicator's polarity; empty where no "
                     "realization is printed yet")
    for r in rows:
        if r["part"] != "plan" or r["year"] == "end" or r["year"] not in wanted:
            continue
        s.rows.append([r["year"], r["node_code"] or r["node_id"], r["level"], r["indicator"], r["unit"], r["polarity"],
                       r["target"], r["realization"], r["achievement"], r["category"]])
    s.rows.sort(key=lambda x: (x[0],))
    sections.append(s)

    # 2. Tabel 2.7 layout: history indicators over years
    hist = [r for r in rows if r["part"] == "history" and r["year"] != "end"]
    hyears = sorted({r["year"] for r in hist})
    if hist:
        cols = ["indicator"] + [f"target {y}" for y in hyears] + [f"realization {y}" for y in hyears] + \
               [f"ratio {y}" for y in hyears] + [f"printed ratio {y}" for y in hyears]
        s = Section("tabel-2.7", f"Tabel 2.7 layout: achievement over years {hyears[0]}-{hyears[-1]}", cols,
                    note="ratio = computed achievement / 100 with the plan's settings; printed ratio as the document "
                         "prints it")
        by_ind: Dict[str, Dict[Any, Dict[str, Any]]] = {}
        names: Dict[str, str] = {}
        for r in hist:
            by_ind.setdefault(r["indicator_id"], {})[r["year"]] = r
            names[r["indicator_id"]] = r["indicator"]
        for iid, per_year in by_ind.items():
            line: List[Any] = [names[iid]]
            line += [per_year.get(y, {}).get("target") for y in hyears]
            line += [per_year.get(y, {}).get("realization") for y in hyears]
            line += [None if per_year.get(y, {}).get("achievement") is None else per_year[y]["achievement"] / 100
                     for y in hyears]
            line += [per_year.get(y, {}).get("reported_achievement") for y in hyears]
            s.rows.append(line)
        sections.append(s)

    # 3. Tabel 6.1 layout: the cascade with targets and pagu by year
    pyears = list(range(lo, hi + 1)) + ["end"]
    cols = ["code", "level", "name", "indicator"]
    for y in pyears:
        cols += [f"target {_year_label(y)}", f"pagu {_year_label(y)}"]
    s = Section("tabel-6.1", f"Tabel 6.1 layout: programmes, activities and funding {lo}-{hi}", cols,
                note="values as printed; 'end' is the end-of-period column (kondisi akhir)")
    rule = plan.conventions().indicator_pagu.value  # pagu on indicator rows: parts, repeat or unknown
    for n in plan.nodes:
        inds = n.indicators or [None]
        code, level, name = n.code or "", n.level, n.name
        for k, ind in enumerate(inds):
            targets = ind.targets if ind else {}
            line = [code, level, name if k == 0 else "", ind.name if ind else ""]
            for y in pyears:
                line += [targets.get(y) if ind else None,
                         (" + ".join(_core.node_pagu_cells(n, y, rule)) or None) if k == 0 else None]
            s.rows.append(line)
    sections.append(s)

    # 4. budgets, realization and absorption
    s = Section("budget", "Anggaran: pagu, realization and absorption by year",
                ["part", "year", "code", "level", "name", "pagu", "realized", "absorption %", "printed ratio"],
                note="absorption = realized / pagu x 100, half up to 2 decimals")
    for b in plan.budget_rows(include_history=True):
        s.rows.append([b["part"], b["year"], b["node_code"] or b["node_id"], b["level"], b["node"], b["budget_number"],
                       b["realized_number"], b["absorption"], b["reported_absorption"]])
    sections.append(s)

    # 5. the conventions the checks went by (declared in the plan file, or inferred from its rows)
    s = Section("conventions", "Conventions of the tables (declared or inferred from the rows)",
                ["convention", "reading"],
                note="a convention that more than the majority share (default half) of the rows that tell follow "
                     "is inferred; with no majority nothing is guessed (docs/plans.md, Conventions)")
    for line in plan.conventions().lines():
        name, _, reading = line.partition(": ")
        s.rows.append([name, reading])
    sections.append(s)

    # 6. findings
    if include_findings:
        findings = plan.check()
        s = Section("findings", f"Findings of the checks ({len(findings)})",
                    ["severity", "rule", "node", "indicator", "year", "expected", "actual", "message", "location"])
        for f in findings:
            d = finding_to_dict(f)
            s.rows.append([d["severity"], d["rule"], d["node"], d["indicator_name"] or "", d["year"], d["expected_text"],
                           d["actual_text"], d["message"], d["location"]])
        sections.append(s)
    return Report(plan.title, sections)


# ---------------------------------------------------------------------------- renderers

def _cells(section: Section) -> List[List[str]]:
    # whole amounts of money without decimals; achievements, ratios and absorption with two
    return [[_fmt(c, 0 if isinstance(c, float) and c.is_integer() and abs(c) >= 1000 else 2) for c in row]
            for row in section.rows]


def _text(report: Report, width: int) -> str:
    out = [report.plan_title, "=" * min(len(report.plan_title), 100), ""]
    for s in report.sections:
        out += [s.title, "-" * len(s.title)]
        if s.note:
            out.append(f"({s.note})")
        cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in row] for row in _cells(s)]
        widths = [len(c) for c in s.columns]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row)]
        out.append("  ".join(c.ljust(w) for c, w in zip(s.columns, widths)).rstrip())
        out.append("  ".join("-" * w for w in widths))
        for row in cells:
            out.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        if not cells:
            out.append("(none)")
        out.append("")
    return "\n".join(out)


def _md_escape(c: str) -> str:
    """A Markdown table cell: a backslash and ``|`` escaped (so neither ends the cell), ``<``
    escaped (so no raw HTML reaches a Markdown renderer), line breaks as spaces."""
    return c.replace("\\", "\\\\").replace("|", "\\|").replace("<", "\\<").replace("\r\n", " ") \
        .replace("\n", " ").replace("\r", " ")


def _markdown(report: Report) -> str:
    out = [f"# {_md_escape(report.plan_title)}", ""]
    for s in report.sections:
        out += [f"## {_md_escape(s.title)}", ""]
        if s.note:
            out += [f"_{_md_escape(s.note)}_", ""]
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


def _csv_cell(c: Any) -> Any:
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
        cells = [_csv_cell(c) for c in cells]
        (quoted if any(isinstance(c, str) and "\r" in c for c in cells) else plain).writerow(cells)

    for s in report.sections:
        write(["section", s.key])
        write(["section"] + s.columns)
        for row in s.rows:
            write([s.key] + list(row))
        plain.writerow([])
    return buf.getvalue()


def _json(report: Report) -> str:
    data = {"plan": report.plan_title,
            "sections": [{"key": s.key, "title": s.title, "note": s.note, "columns": s.columns,
                          "rows": [dict(zip(s.columns, row)) for row in s.rows]} for s in report.sections]}
    return json.dumps(data, ensure_ascii=False, indent=2)


_CATEGORY_CLASS = {"Sangat Tinggi": "very-high", "Tinggi": "high", "Sedang": "medium", "Rendah": "low",
                   "Sangat Rendah": "very-low"}


def _html(report: Report) -> str:
    out = ["<!DOCTYPE html>", "<html lang=\"id\"><head><meta charset=\"utf-8\">",
           f"<title>{html.escape(report.plan_title)}</title>",
           "<style>body{font-family:sans-serif}table{border-collapse:collapse;margin-bottom:2em}"
           "td,th{border:1px solid #bbb;padding:2px 6px;font-size:12px}th{background:#eee}"
           ".very-high{background:#c8e6c9}.high{background:#e6f4c8}.medium{background:#fff3c4}"
           ".low{background:#ffd8b0}.very-low{background:#f8c0c0}.error{color:#b00}.warning{color:#a60}</style>",
           "</head><body>", f"<h1>{html.escape(report.plan_title)}</h1>"]
    for s in report.sections:
        out += _section_html(s, inline=False)
    out.append("</body></html>")
    return "\n".join(out)


_INLINE = {"very-high": "background:#c8e6c9", "high": "background:#e6f4c8", "medium": "background:#fff3c4",
           "low": "background:#ffd8b0", "very-low": "background:#f8c0c0", "error": "color:#b00",
           "warning": "color:#a60"}


def _section_html(s: Section, inline: bool = True) -> List[str]:
    """A section's title, note and table; ``inline`` styles rows for notebooks (no stylesheet)."""
    cell = ' style="border:1px solid #bbb;padding:2px 6px;font-size:12px"' if inline else ""
    out = [f"<h2>{html.escape(s.title)}</h2>" if not inline else f"<h4>{html.escape(s.title)}</h4>"]
    if s.note:
        out.append(f"<p><em>{html.escape(s.note)}</em></p>")
    out.append(f"<table class=\"kinerja-{html.escape(s.key)}\"" +
               (' style="border-collapse:collapse"' if inline else "") + "><thead><tr>" +
               "".join(f"<th{cell}>{html.escape(c)}</th>" for c in s.columns) + "</tr></thead><tbody>")
    for raw, row in zip(s.rows, _cells(s)):
        cls = ""
        if "category" in s.columns:
            cls = _CATEGORY_CLASS.get(raw[s.columns.index("category")] or "", "")
        if s.key == "findings":
            cls = raw[0]
        style = f" style=\"{_INLINE[cls]}\"" if inline and cls in _INLINE else ""
        out.append(f"<tr class=\"{html.escape(cls)}\"{style}>" + "".join(f"<td{cell}>{html.escape(c)}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return out


def _xlsx(report: Report) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font
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

    wb = Workbook()
    wb.remove(wb.active)
    for s in report.sections:
        ws = wb.create_sheet(s.key[:31])
        append(ws, [s.title], 1)
        ws["A1"].font = Font(bold=True)
        append(ws, list(s.columns), 2)
        for c in ws[2]:
            c.font = Font(bold=True)
        for i, row in enumerate(s.rows, start=3):
            append(ws, ["" if c is None else c for c in row], i)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
