"""Table builders: the rows and columns behind kinerja's DataFrames (plan frames, findings,
changes), shared by :mod:`kinerja.plan`, :mod:`kinerja.results`, :mod:`kinerja.display`,
:mod:`kinerja.plots` and :mod:`kinerja.report`. This module imports none of them.

Every frame follows one schema (docs/python-guide.md, "One frame schema"): what a row is about
in ``node_id``, ``node_code``, ``node_name``, ``indicator_id`` and ``indicator_name`` (where an
indicator applies), its year as ``year`` (a nullable integer, ``<NA>`` for the end-of-period
column and for rows of no year) with ``is_end`` (True for the end-of-period column), and numbers
as floats beside the printed text they were read from.

>>> import kinerja
>>> from kinerja.tables import money, year_label, year_fields
>>> money("8,958,876,144")
8958876144.0
>>> year_label("end"), year_label(2024)
('end', '2024')
>>> year_fields("end"), year_fields(2024)
({'year': None, 'is_end': True}, {'year': 2024, 'is_end': False})
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import _api as api
from . import _core
from ._files import shown_location
from .errors import KinerjaError

__all__ = ["FRAME_COLUMNS", "BUDGET_COLUMNS", "FINDING_COLUMNS", "CHANGE_COLUMNS", "ROLLUP_COLUMNS", "COLUMN_DTYPES",
           "indicator_rows", "read_cell", "money", "finding_to_dict", "finding_row", "findings_frame", "change_row",
           "changes_frame", "frame",
           "year_key", "year_label", "year_fields", "row_year"]


def year_key(y: Any) -> Tuple[int, int]:
    """A sort key for a year as the C++ API gives it (an integer, or ``"end"`` for the end of the
    period): the years in order, the end of the period after every year."""
    return (1, 0) if y == "end" else (0, int(y))


def year_label(y: Any) -> str:
    """A year as shown in a table: the number, or ``"end"``."""
    return "end" if y == "end" else str(y)


def year_fields(y: Any) -> Dict[str, Any]:
    """The ``year`` and ``is_end`` columns of a row for a year as the C++ API gives it (an
    integer, ``"end"``, or None for a row of no year)."""
    if y == "end":
        return {"year": None, "is_end": True}
    return {"year": None if y is None else int(y), "is_end": False}


def row_year(row: Dict[str, Any]) -> Any:
    """The year of a frame row as the C++ API takes it: ``"end"`` for the end-of-period column,
    else the ``year`` (an integer, or None)."""
    return "end" if row.get("is_end") else row.get("year")


#: The dtype of each column that is not text (``object``), in every frame.
COLUMN_DTYPES: Dict[str, str] = {
    "year": "Int64", "is_end": "bool",
    "target_number": "float64", "realization_number": "float64", "achievement": "float64",
    "budget_number": "float64", "realized_number": "float64", "absorption": "float64",
    "own": "float64", "rolled": "float64", "indicators": "int64", "skipped": "int64", "children": "int64",
}


def frame(rows: Iterable[Dict[str, Any]], columns: List[str]):
    """Rows (dicts) as a DataFrame with ``columns`` in this order and the dtypes of
    :data:`COLUMN_DTYPES` (``year`` a nullable ``Int64``, ``is_end`` a ``bool``)."""
    import pandas as pd

    out = pd.DataFrame(list(rows), columns=columns)
    typed = {c: COLUMN_DTYPES[c] for c in columns if c in COLUMN_DTYPES}
    # an object column of floats and None becomes float64 with NaN; of ints and None, Int64 with <NA>
    return out.astype(typed) if typed else out


# ---------------------------------------------------------------------------------- plan frames

#: The columns of :meth:`kinerja.Plan.to_frame` (and of batch and dask indicator frames after
#: their ``plan``, ``region``, ``organisation``).
FRAME_COLUMNS = ["part", "node_id", "node_code", "node_name", "level", "indicator_id", "indicator_name", "unit",
                 "polarity", "year", "is_end", "target", "realization", "reported_achievement", "target_number", "realization_number",
                 "achievement", "attainment", "category", "note", "source"]


#: The columns of :meth:`kinerja.Plan.budget_frame` (and of batch and dask budget frames after
#: their ``plan``, ``region``, ``organisation``).
BUDGET_COLUMNS = ["part", "node_id", "node_code", "node_name", "level", "year", "is_end", "budget", "budget_realized",
                  "budget_number", "realized_number", "absorption", "reported_absorption", "source"]


def indicator_rows(plan: Any, part: str, n: Any, ind: Any) -> List[Dict[str, Any]]:
    """The frame rows (:data:`FRAME_COLUMNS`) of indicator ``ind`` of node ``n`` in ``plan`` (a
    :class:`kinerja.Plan`); ``plan=None``: the default plan settings (a bare indicator)."""
    # each attribute of a compiled node or indicator is a conversion (a year map becomes a new
    # dict): read them once, not once a year
    targets, realizations, reported = ind.targets, ind.realizations, ind.reported_achievement
    quarters = ind.quarterly_realizations
    years = set(targets) | set(realizations) | set(quarters) | set(reported)
    if not years:
        return []
    fixed = {"part": part, "node_id": n.id if n else None, "node_code": n.code if n else None,
             "node_name": n.name if n else None, "level": n.level if n else None,
             "indicator_id": ind.id, "indicator_name": ind.name, "unit": ind.unit,
             # the polarity that applies: the indicator's own, else its catalog entry's (Plan.polarity)
             "polarity": _core.indicator_polarity(plan._core, ind) if plan is not None else ind.polarity}
    source, aggregation = ind.source, ind.aggregation
    return [_indicator_row(plan, fixed, ind, y, targets.get(y), realizations.get(y), reported.get(y),
                           y in quarters, aggregation, source) for y in sorted(years, key=year_key)]


def money(text: Optional[str]) -> Optional[float]:
    """A printed amount of Rupiah as a number, or None when it is not one."""
    if text is None:
        return None
    try:
        v = api.parse_value(text, "Rupiah")
    except KinerjaError:
        return None
    return v.number if v.kind in ("money", "number") else None


def read_cell(ind: Any, text: Optional[str], plan: Any = None):
    """The typed value of a printed cell, read as the checks read it (kinerja::read_value), or a note
    saying why it cannot be read."""
    if text is None:
        return None, None
    try:
        return _core.read_value(ind, text, plan._core if plan is not None else None), None
    except KinerjaError as exc:
        return None, f"{text!r}: {getattr(exc, 'reason', str(exc))}"


def _indicator_row(plan: Any, fixed: Dict[str, Any], ind: Any, y: Any,
                   target_text: Optional[str], realization_text: Optional[str], reported: Optional[List[str]],
                   has_quarters: bool, aggregation: str, source: str) -> Dict[str, Any]:
    target, t_note = read_cell(ind, target_text, plan)
    realization, r_note = read_cell(ind, realization_text, plan)
    notes = [x for x in (t_note, r_note) if x]
    if realization_text is None and has_quarters:
        notes.append(f"realization from the quarters combined by {aggregation}")
    achievement = attainment = category = None
    polarity = fixed["polarity"]
    # the one rule of achievement (C++ kinerja::indicator_achievement, plan_values.hpp)
    try:
        r = _core.indicator_achievement_detail(plan._core if plan is not None else None, ind, y)
        achievement = r.percent
        if achievement is not None:
            attainment = r.attainment
            category = api.category(achievement)
        elif polarity is None and target_text is not None and (realization_text is not None or has_quarters):
            notes.append("polarity unknown: no achievement")
    except KinerjaError as exc:
        if not (t_note or r_note):  # an unreadable value is noted once, above
            notes.append(str(exc))
    row = dict(fixed)
    row.update(year_fields(y))
    row.update({"target": target_text, "realization": realization_text,
                "reported_achievement": "; ".join(reported) if reported else None,
                "target_number": target.number if target is not None else None,
                "realization_number": realization.number if realization is not None else None,
                "achievement": achievement, "attainment": attainment, "category": category,
                "note": "; ".join(notes) if notes else None, "source": source})
    return row


# ---------------------------------------------------------------------------------- findings and changes

def finding_to_dict(f: Any) -> Dict[str, Any]:
    """A finding as a plain dict (the JSON of ``kinerja check --format json``): ``f.to_dict()``,
    made by the C++ ``to_json`` of include/kinerja/json.hpp, the one definition of the schema,
    with its ``location`` as the user knows the file (:func:`kinerja.shown_location`: the bundled
    plan as ``bundled:NAME``, a file below the working directory relative to it)."""
    d = f.to_dict()
    d["location"] = shown_location(d["location"])
    return d


FINDING_COLUMNS = ["severity", "rule", "node_id", "node_code", "node_name", "indicator_id", "indicator_name", "year",
                   "is_end", "expected", "actual", "expected_text", "actual_text", "message", "location", "source"]


def finding_row(f: Any) -> Dict[str, Any]:
    """A finding as a row of :data:`FINDING_COLUMNS` (from its :func:`finding_to_dict`)."""
    d = finding_to_dict(f)
    row = {c: d.get(c) for c in FINDING_COLUMNS}
    for c in ("node_id", "node_code", "node_name"):  # a finding of the plan as a whole has no node
        row[c] = d.get(c) or None
    row["indicator_id"] = d.get("indicator")
    row.update(year_fields(d.get("year")))
    return row


def findings_frame(findings: Iterable[Any]):
    """Findings (from :meth:`kinerja.Plan.check`) as a tidy pandas DataFrame, one row per
    finding, columns :data:`FINDING_COLUMNS`: ``severity``, ``rule``, the node (``node_id``,
    ``node_code``, ``node_name``) and indicator (``indicator_id``, ``indicator_name``; missing
    for a node's finding), ``year`` and ``is_end``, ``expected`` and ``actual`` (numbers where
    the check computed one, else text), ``expected_text``, ``actual_text``, ``message``,
    ``location``, ``source``.

    >>> import kinerja
    >>> frame = kinerja.findings_frame(kinerja.bundled_plan().check(rules=["duplicate-code"]))
    >>> list(frame["rule"])
    ['duplicate-code']
    """
    return frame((finding_row(f) for f in findings), FINDING_COLUMNS)


CHANGE_COLUMNS = ["kind", "subject", "node_id", "node_code", "node_name", "indicator_id", "indicator_name", "field",
                  "year", "is_end", "old", "new"]


def change_row(ch: Any) -> Dict[str, Any]:
    """A change (of :meth:`kinerja.Plan.diff`) as a row of :data:`CHANGE_COLUMNS`."""
    on_indicator = ch.subject == "indicator"
    row = {"kind": ch.kind, "subject": ch.subject, "node_id": ch.node_id, "node_code": ch.node_code or None,
           "node_name": ch.node_name, "indicator_id": ch.id if on_indicator else None,
           "indicator_name": ch.name if on_indicator else None, "field": ch.field, "old": ch.old, "new": ch.new}
    row.update(year_fields(ch.year))
    return row


def changes_frame(changes: Iterable[Any]):
    """Changes (from :meth:`kinerja.Plan.diff`) as a tidy DataFrame, one row per change, columns
    :data:`CHANGE_COLUMNS`: ``kind`` (added, removed, changed), ``subject`` (node, indicator),
    the node (``node_id``, ``node_code``, ``node_name``), the indicator for an indicator's change
    (``indicator_id``, ``indicator_name``), ``field``, ``year`` and ``is_end``, ``old``, ``new``."""
    return frame((change_row(ch) for ch in changes), CHANGE_COLUMNS)


#: The columns of :meth:`kinerja.Plan.rollup`.
ROLLUP_COLUMNS = ["node_id", "node_code", "node_name", "level", "year", "is_end", "own", "rolled", "indicators",
                  "skipped", "children", "method", "basis"]
