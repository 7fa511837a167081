"""Table builders: the rows and columns behind kinerja's DataFrames (plan frames, findings,
changes), shared by :mod:`kinerja.plan`, :mod:`kinerja.results`, :mod:`kinerja.display`,
:mod:`kinerja.plots` and :mod:`kinerja.report`. This module imports none of them.

>>> import kinerja
>>> from kinerja.tables import money, year_label
>>> money("8,958,876,144")
8958876144.0
>>> year_label("end"), year_label(2024)
('end', '2024')
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional, Tuple

from . import _api as api
from . import _core
from .errors import KinerjaError

__all__ = ["FRAME_COLUMNS", "BUDGET_COLUMNS", "FINDING_COLUMNS", "CHANGE_COLUMNS", "indicator_rows", "read_cell", "money",
           "finding_to_dict", "findings_frame", "changes_frame", "year_key", "year_label"]


def year_key(y: Any) -> Tuple[int, int]:
    """A sort key for a year of a frame: the years in order, ``"end"`` (the end of the period) after every one."""
    return (1, 0) if y == "end" else (0, int(y))


def year_label(y: Any) -> str:
    """A year as shown in a table: the number, or ``"end"``."""
    return "end" if y == "end" else str(y)


# ---------------------------------------------------------------------------------- plan frames

FRAME_COLUMNS = ["part", "node_id", "node_code", "level", "node", "indicator_id", "indicator", "unit", "polarity",
                 "year", "target", "realization", "reported_achievement", "target_number", "realization_number",
                 "achievement", "attainment", "category", "note", "source"]


#: The columns of :meth:`kinerja.Plan.budget_frame` (and of batch and dask budget frames after
#: their ``plan``, ``region``, ``organisation``).
BUDGET_COLUMNS = ["part", "node_id", "node_code", "level", "node", "year", "budget", "budget_realized",
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
             "level": n.level if n else None, "node": n.name if n else None,
             "indicator_id": ind.id, "indicator": ind.name, "unit": ind.unit,
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
    row.update({"year": y, "target": target_text, "realization": realization_text,
                "reported_achievement": "; ".join(reported) if reported else None,
                "target_number": target.number if target is not None else None,
                "realization_number": realization.number if realization is not None else None,
                "achievement": achievement, "attainment": attainment, "category": category,
                "note": "; ".join(notes) if notes else None, "source": source})
    return row


# ---------------------------------------------------------------------------------- findings and changes

def finding_to_dict(f: Any) -> Dict[str, Any]:
    """A finding as a plain dict (the JSON of ``kinerja check --format json``): ``f.to_dict()``,
    made by the C++ ``to_json`` of include/kinerja/json.hpp, the one definition of the schema."""
    return f.to_dict()


FINDING_COLUMNS = ["severity", "rule", "node", "node_id", "indicator", "indicator_name", "year", "expected",
                   "actual", "expected_text", "actual_text", "message", "location", "source"]


def findings_frame(findings: Iterable[Any]):
    """Findings (from :meth:`kinerja.Plan.check`) as a tidy pandas DataFrame, one row per
    finding, columns ``severity``, ``rule``, ``node``, ``node_id``, ``indicator``,
    ``indicator_name``, ``year``, ``expected``, ``actual`` (numbers where the check computed
    one, else text), ``expected_text``, ``actual_text``, ``message``, ``location``, ``source``.

    >>> import kinerja
    >>> frame = kinerja.findings_frame(kinerja.bundled_plan().check(rules=["duplicate-code"]))
    >>> list(frame["rule"])
    ['duplicate-code']
    """
    import pandas as pd

    return pd.DataFrame([finding_to_dict(f) for f in findings], columns=FINDING_COLUMNS)


CHANGE_COLUMNS = ["kind", "subject", "id", "node", "name", "field", "year", "old", "new"]


def changes_frame(changes: Iterable[Any]):
    """Changes (from :meth:`kinerja.Plan.diff`) as a tidy DataFrame, one row per change:
    ``kind`` (added, removed, changed), ``subject`` (node, indicator), ``id``, ``node``, ``name``,
    ``field``, ``year``, ``old``, ``new``."""
    import pandas as pd

    return pd.DataFrame([{c: getattr(ch, c) for c in CHANGE_COLUMNS} for ch in changes], columns=CHANGE_COLUMNS)
