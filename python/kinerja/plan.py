"""Plans: load, save, compare, check and tabulate a whole strategic plan (Renstra).

>>> import kinerja
>>> plan = kinerja.bundled_plan()
>>> plan.region
'Kota Bekasi'
>>> findings = plan.check()
>>> sorted({f.rule for f in findings})[:3]
['achievement-without-realization', 'budget-incomplete', 'budget-missing']
>>> plan.conventions().budget_end.value  # the end column of pagu is the last year's (inferred)
'last'
>>> plan.to_frame().columns[:3].tolist()
['part', 'node_id', 'node_code']

In Jupyter a plan displays as its cascade with pagu by year; ``plan.check()`` as a table of
findings; ``plan.indicator_view(id)`` as an indicator's years coloured by achievement category.
Plots: ``plan.plot_indicator``, ``plot_budget``, ``plot_cascade``, ``plot_versions``
(see :mod:`kinerja.plots`).
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from . import _core
from . import _api as api
from .errors import ArgumentError, KinerjaError, PlanFileError
from .results import Changes, Findings
from .tables import (BUDGET_COLUMNS, FRAME_COLUMNS, ROLLUP_COLUMNS, changes_frame, finding_to_dict, findings_frame, frame,
                     indicator_rows, money, read_cell, year_fields, year_key)

Finding = _core.Finding
Node = _core.Node
Indicator = _core.Indicator
Total = _core.Total

Change = _core.Change
RuleSet = _core.RuleSet
Rule = _core.Rule

__all__ = ["LoadLimits", "Plan", "Finding", "Node", "Indicator", "Total", "IndicatorView", "Change", "Findings", "Changes",
           "load_plan", "load_plan_csv", "load_plan_file", "load_plan_xlsx", "bundled_plan", "bundled_plan_path", "finding_to_dict", "check_rules", "findings_frame", "changes_frame",
           "RuleSet", "Rule", "load_rules", "standard_rules_path", "shipped_rules"]

#: The columns of :meth:`Plan.annual_targets_frame`.
ANNUAL_TARGET_COLUMNS = ["document_id", "kind", "document_label", "node_id", "node_code", "node_name", "indicator_id",
                         "indicator_name", "year", "is_end", "target", "target_number", "renstra_target", "revision",
                         "source"]

#: The columns of :meth:`Plan.realization_records_frame`.
REALIZATION_RECORD_COLUMNS = ["part", "node_id", "node_code", "node_name", "indicator_id", "indicator_name", "year",
                              "is_end", "quarter", "realization", "status", "evidence", "verified_value",
                              "verified_by", "verified_at"]

_DATA = Path(__file__).resolve().parent / "data" / "plans"
BUNDLED = "bekasi-dpppa-2024-2026.yaml"


def bundled_plan_path() -> Path:
    """Path of the bundled plan: the revised Renstra 2024-2026 of Kota Bekasi's DPPPA."""
    return _DATA / BUNDLED


LoadLimits = _core.LoadLimits

Limits = Union[_core.LoadLimits, Dict[str, int], None]


def core_load_limits(limits: Limits) -> _core.LoadLimits:
    """A :class:`LoadLimits` from ``None`` (the defaults), a LoadLimits or a dict of its fields."""
    if limits is None:
        return _core.LoadLimits()
    if isinstance(limits, _core.LoadLimits):
        return limits
    if isinstance(limits, dict):
        known = ("max_input_bytes", "max_period_years", "max_alias_expansion", "max_nodes", "max_nesting")
        unknown = sorted(set(limits) - set(known))
        if unknown:
            raise ValueError(f"unknown limit {unknown[0]!r}; the limits are {', '.join(known)}")
        return _core.LoadLimits(**limits)
    raise TypeError("limits is a kinerja.LoadLimits or a dict such as {'max_nodes': 2000000}")


def load_plan(path: Union[str, Path], limits: Limits = None) -> "Plan":
    """Read a plan file (YAML, docs/plan-format.md). Raises :class:`kinerja.PlanFileError` with the
    file, line and column of the problem. ``limits`` (a :class:`LoadLimits` or a dict of its
    fields, e.g. ``{"max_nodes": 2_000_000}``) raises the bounds on what the file may ask; past
    one, the error's id is ``kinerja.limit.<name>``."""
    return Plan(_core.load_plan(os.fsencode(path), core_load_limits(limits)))


def load_plan_file(path: Union[str, Path], limits: Limits = None) -> "Plan":
    """A plan file by its name, as :func:`kinerja.load_plans` and ``kinerja check`` read it: a
    ``.csv`` file (suffix in any case) as a flat CSV table with the defaults of
    :func:`load_plan_csv`, an ``.xlsx`` workbook as the same table in its first sheet
    (:func:`load_plan_xlsx`), any other as YAML with :func:`load_plan`."""
    if str(path).lower().endswith(".xlsx"):
        return load_plan_xlsx(path, limits=limits)
    return Plan(_core.load_plan_file(os.fsencode(path), core_load_limits(limits)))


def _number_text(x: float) -> str:
    """A number of a spreadsheet cell as text the value reader reads as that number: no exponent,
    no grouping, a decimal point; three decimals after the point (``18.221``, which a printed
    table may mean as 18,221) get a fourth, ``18.2210``, so that the cell's number stays the number."""
    from decimal import Decimal

    if x != x or x in (float("inf"), float("-inf")):
        return repr(x)
    if float(x).is_integer() and abs(x) < 1e15:
        return str(int(x))
    text = format(Decimal(repr(float(x))), "f")
    head, _, tail = text.partition(".")
    if len(tail) == 3:
        text += "0"
    return text


def _cell_text(value: Any, number_format: Optional[str]) -> str:
    """A spreadsheet cell's value as the text of a plan table cell: text as it is, numbers as
    :func:`_number_text` writes them (a cell formatted as a percentage, ``0.779`` shown ``77.90%``,
    as ``77.9%``), dates as ISO dates, booleans as ``true``/``false``, an empty cell as ``""``."""
    import datetime

    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if number_format and "%" in number_format:
            return _number_text(round(float(value) * 100, 10)) + "%"
        return _number_text(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def load_plan_xlsx(path: Union[str, Path], sheet: Optional[str] = None, id: str = "", title: str = "",
                   organisation: str = "", region: str = "", period: Optional[tuple] = None, version: str = "",
                   limits: Limits = None) -> "Plan":
    """Read a plan from an Excel workbook (``.xlsx``) whose sheet holds a table in the flat CSV
    layout (docs/plan-csv.md): the first sheet, or ``sheet`` by name. The same columns, rules,
    errors and defaults as :func:`load_plan_csv`; every value's location is its cell,
    ``file:row:column`` (column 1 is A). Text cells are taken as they are; number cells as
    numbers (see docs/plan-csv.md, "Excel workbooks"); formulas by the value the spreadsheet last
    computed. Read with openpyxl (Debian ``python3-openpyxl``). Raises
    :class:`kinerja.PlanFileError`: ``kinerja.xlsx.read`` for a file that is not a workbook,
    ``kinerja.xlsx.sheet`` for a sheet it does not have, and the errors of :func:`load_plan_csv`."""
    import zipfile

    try:
        from openpyxl import load_workbook
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise PlanFileError(f"[kinerja.xlsx.read] {path}: reading .xlsx needs openpyxl (python3-openpyxl)",
                            id="kinerja.xlsx.read", file=str(path), line=0, column=0,
                            reason="reading .xlsx needs openpyxl (python3-openpyxl)") from exc
    name = os.fsdecode(os.fspath(path))
    try:
        book = load_workbook(name, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise PlanFileError(f"[kinerja.plan.io] {name}: cannot read the file: {exc.strerror}", id="kinerja.plan.io",
                            file=name, line=0, column=0, reason=f"cannot read the file: {exc.strerror}") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        reason = f"not an Excel workbook (.xlsx) that can be read: {exc}"[:300]
        raise PlanFileError(f"[kinerja.xlsx.read] {name}: {reason}", id="kinerja.xlsx.read", file=name, line=0,
                            column=0, reason=reason) from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            reason = f"the workbook has no sheet {sheet!r} (sheets: {', '.join(map(repr, book.sheetnames))})"
            raise PlanFileError(f"[kinerja.xlsx.sheet] {name}: {reason}", id="kinerja.xlsx.sheet", file=name,
                                line=0, column=0, reason=reason)
        cells: List[List[tuple]] = []
        for r, row in enumerate(ws.iter_rows(min_row=1, min_col=1), start=1):
            texts = [_cell_text(c.value, getattr(c, "number_format", None)) for c in row]
            while texts and texts[-1] == "":
                texts.pop()
            cells.append([(t, r, k) for k, t in enumerate(texts, start=1)])
    finally:
        book.close()
    lo, hi = period if period else (0, 0)
    return Plan(_core.parse_plan_table(cells, name, id, title, organisation, region, int(lo), int(hi), version,
                                       core_load_limits(limits)))


def load_plan_csv(path: Union[str, Path], id: str = "", title: str = "", organisation: str = "", region: str = "",
                  period: Optional[tuple] = None, version: str = "", delimiter: str = "",
                  limits: Limits = None) -> "Plan":
    """Read a plan from a flat CSV table, one row per node-year or indicator-year (docs/plan-csv.md).

    A flat table has no identity of its own: give ``id``, ``title``, ``organisation``, ``region``,
    ``period=(from, to)`` and ``version``, or take the defaults derived from the file name and its
    years. ``delimiter`` is detected (``,``, ``;`` or tab) unless given. Raises
    :class:`kinerja.PlanFileError` with the line and column of the offending cell. ``limits`` as for
    :func:`load_plan`."""
    lo, hi = period if period else (0, 0)
    return Plan(_core.load_plan_csv(os.fsencode(path), id, title, organisation, region, int(lo), int(hi), version, delimiter,
                                    core_load_limits(limits)))


def bundled_plan() -> "Plan":
    """The bundled plan (Kota Bekasi DPPPA, Perubahan Renstra 2024-2026), transcribed as printed."""
    return load_plan(bundled_plan_path())


def check_settings(**given: Any) -> Dict[str, Any]:
    """The check settings given (not None) as the C++ binding takes them: ``budget_tolerance``,
    ``scale_jump_band``, ``scale_jump_mixed_band``, ``scale_jump_slip_band``,
    ``scale_jump_slip_agreement`` (:meth:`Plan.check`); bands as (from, to) pairs."""
    return {k: v for k, v in given.items() if v is not None}


def check_rules(rules_file: Any = None) -> List[Dict[str, str]]:
    """The registry of :meth:`Plan.check`: each rule's id, origin (``"built-in"`` or the rule file
    it comes from), default severity and description; the built-in rules, then those of
    ``rules_file`` (as in :meth:`Plan.check`: a path, a :class:`RuleSet`, or a list of them).

    >>> [r["id"] for r in check_rules()][:2]
    ['budget-rollup', 'budget-missing']
    >>> check_rules(standard_rules_path())[-1]["origin"] == str(standard_rules_path())
    True
    """
    return [{"id": r.id, "origin": r.origin, "severity": r.severity, "description": r.description}
            for r in _core.check_rules(rule_sets_of(rules_file))]


def load_rules(path: Union[str, Path]) -> RuleSet:
    """Read a validation rule file (docs/validation.md) into a :class:`RuleSet` for
    ``Plan.check(rules_file=...)``. Raises :class:`kinerja.PlanFileError` with the file, line and
    column of a problem (an unknown key, op, scope, severity or quantity, a formula that does not
    compile).

    >>> rules = load_rules(standard_rules_path())
    >>> "realized-within-pagu" in rules
    True
    """
    return _core.load_rules(str(path))


def standard_rules_path() -> Path:
    """Path of the shipped rule file ``rules/standard.yaml`` in kinerja's data directory."""
    return Path(_core.standard_rules_path())


def shipped_rules_path(name: str) -> Optional[Path]:
    """The shipped rule file called ``name`` (``"standard"`` is ``rules/standard.yaml`` in
    kinerja's data directory), or None when kinerja ships none by that name."""
    if not name or any(c in name for c in "/\\.") or name.startswith("~"):
        return None
    path = standard_rules_path().parent / f"{name}.yaml"
    return path if path.is_file() else None


def shipped_rules() -> List[str]:
    """The names of the rule files kinerja ships (``["standard"]``), for ``rules_file=NAME``."""
    return sorted(p.stem for p in standard_rules_path().parent.glob("*.yaml"))


def rule_sets_of(rules_file: Any) -> List[RuleSet]:
    """The rule sets of ``rules_file``: None, a path, the name of a shipped rule file
    (``"standard"``, when no file of that name exists in the working directory), a RuleSet, or
    a list of them."""
    if rules_file is None:
        return []
    if isinstance(rules_file, RuleSet):
        return [rules_file]
    if isinstance(rules_file, (str, Path)):
        shipped = shipped_rules_path(str(rules_file)) if not os.path.exists(rules_file) else None
        return [load_rules(shipped or rules_file)]
    return [s for item in rules_file for s in rule_sets_of(item)]


class Plan:
    """A whole plan (Renstra): the cascade of goals, objectives, programmes, activities and
    sub-activities with their indicators, targets, realizations and pagu by year. Every value
    stays as printed, with its source table and place in the file.

    Build one with :func:`load_plan`, :func:`bundled_plan` or :meth:`Plan.from_yaml`.

    - look up: :attr:`nodes`, :attr:`history`, :meth:`node`, :meth:`indicator`, :meth:`children`;
    - enter values: :meth:`set_realization`, :meth:`set_target`, :meth:`set_budget_realized`,
      :meth:`enter_realizations` (from a DataFrame);
    - tables (pandas): :meth:`to_frame`, :meth:`indicator_frame`, :meth:`budget_frame`,
      :meth:`findings_frame`, :meth:`diff_frame`, :meth:`rollup`;
    - checks and versions: :meth:`check`, :meth:`version_of`, :meth:`diff`;
    - display and plots: ``_repr_html_`` (Jupyter), :meth:`indicator_view`,
      :meth:`plot_indicator`, :meth:`plot_budget`, :meth:`plot_cascade`, :meth:`plot_versions`;
    - files: :meth:`save`, :meth:`to_yaml`.

    >>> import kinerja
    >>> plan = kinerja.bundled_plan()
    >>> plan.node("p-2.08.01").budget[2024]
    '8,958,876,144'
    >>> plan.set_realization("ind-iku-akip", 2024, "BB (76.02)")
    >>> plan.indicator_frame("ind-iku-akip").set_index("year").loc[2024, "achievement"]
    101.36
    """

    def __init__(self, core: Any) -> None:
        if not isinstance(core, _core.Plan):
            raise TypeError("use kinerja.load_plan(path), kinerja.bundled_plan() or Plan.from_yaml(text)")
        self._core = core

    # ------------------------------------------------------------------ construction and files
    @classmethod
    def from_yaml(cls, text: str, file: str = "<string>", limits: Limits = None) -> "Plan":
        """Read a plan from YAML text (``limits`` as for :func:`load_plan`)."""
        return cls(_core.parse_plan(text, file, core_load_limits(limits)))

    def to_yaml(self) -> str:
        """The canonical YAML (what :meth:`save` writes)."""
        return self._core.to_yaml()

    def save(self, path: Union[str, Path]) -> None:
        """Write the plan in canonical YAML; loading and saving again gives the same bytes. The
        file is replaced whole or left as it was (:class:`PlanFileError` ``kinerja.plan.io``
        naming the file and the cause)."""
        self._core.save(str(path))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and self._core == other._core

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = None  # plans are mutable

    # ------------------------------------------------------------------ identity
    id = property(lambda self: self._core.id)
    title = property(lambda self: self._core.title)
    organisation = property(lambda self: self._core.organisation)
    region = property(lambda self: self._core.region)
    period = property(lambda self: tuple(self._core.period))
    version = property(lambda self: self._core.version)
    versions = property(lambda self: list(self._core.versions), doc="the main version first, then the others")
    settings = property(lambda self: dict(self._core.settings))
    file = property(lambda self: self._core.file)

    @property
    def catalogs(self) -> Optional[List[str]]:
        """The plan file's ``catalogs:`` list as written (catalog files relative to the plan file,
        and ``bundled``), or None when the file has no such key (the default catalog applies)."""
        c = self._core.catalogs
        return None if c is None else list(c)

    @property
    def catalog(self):
        """The formula catalog (a :class:`kinerja.catalog.Catalog`) that the indicators'
        ``catalog: ID`` resolve in: the plan's ``catalogs:`` as loaded with it, else the default
        catalog (:func:`kinerja.catalog.default`)."""
        from .catalog import Catalog

        return Catalog(self._core.catalog)

    def polarity(self, indicator_id: str) -> Optional[str]:
        """The polarity that applies to an indicator: its own; else, when it names a catalog entry
        (``catalog: ID``), the entry's; else None. ``"scale:NAME"`` for a scale indicator.
        Achievement (:meth:`to_frame`, roll-ups, checks) uses this polarity."""
        return _core.indicator_polarity(self._core, self.indicator(indicator_id))

    def conventions(self, majority: Optional[float] = None):
        """The plan's conventions (conventions.hpp): which levels carry pagu, what the end column means
        for pagu and for targets, whether pagu on indicator rows are parts of the node's or repeat it,
        and the number convention; each declared in the plan file's ``conventions:`` block or inferred
        from its rows (a convention more than ``majority`` of the rows that tell follow; default 0.5).
        ``print(plan.conventions())`` states them one a line."""
        return _core.infer_conventions(self._core, majority)

    @property
    def nodes(self) -> List[Node]:
        """The cascade of this plan period, in file order."""
        return list(self._core.nodes)

    @property
    def history(self) -> List[Node]:
        """Nodes of the previous plan period (historic tables)."""
        return list(self._core.history)

    @property
    def totals(self) -> List[Total]:
        """The printed total rows (``totals:``, JUMLAH), in file order: each sums the nodes named in
        its ``over``; a ``context`` total covers more rows than it names (docs/plan-format.md, Totals)."""
        return list(self._core.totals)

    def node(self, node_id: str) -> Node:
        """The node with this id (plan period or history); raises :class:`kinerja.UnknownNameError`
        (a ``LookupError``, id ``kinerja.lookup.node``) naming the nearest existing ids when there
        is none.

        >>> bundled_plan().node("p-2.08.1")
        Traceback (most recent call last):
        ...
        kinerja.errors.UnknownNameError: [kinerja.lookup.node] the plan has no node "p-2.08.1" (nearest: "p-2.08.01", "p-2.08.02", "p-2.08.03")
        """
        return self._core.node(node_id)

    def indicator(self, indicator_id: str) -> Indicator:
        """The indicator with this id (the compiled :class:`Indicator`: name, unit, polarity,
        targets, realizations... as printed); raises :class:`kinerja.UnknownNameError` (id
        ``kinerja.lookup.indicator``) naming the nearest existing ids when there is none. See
        :meth:`indicator_view` for a displayable view with computed achievement."""
        return self._core.indicator(indicator_id)

    def achievement(self, indicator_id: str, year: Union[int, str]) -> Optional[float]:
        """The achievement of an indicator in a year, in percent: its target against its
        realization (quarters combined by its aggregation) with the plan's settings (lower-is-better
        method, rounding) and the indicator's polarity; ``None`` where there is none (a value not
        printed or not readable, an unknown polarity, an undefined result). The same number as the
        ``achievement`` column of :meth:`to_frame` and as C++ ``kinerja::indicator_achievement``.
        Raises :class:`kinerja.UnknownNameError` for an unknown indicator id.

        >>> bundled_plan().achievement("ind-h-s19-5-akip", 2019)
        121.32
        """
        return self._core.achievement(indicator_id, year)

    def children(self, node_id: str) -> List[Node]:
        """The direct children of a node, in file order."""
        return list(self._core.children(node_id))

    def version_of(self, name: str) -> "Plan":
        """The plan as it stands in another version (e.g. ``"awal"``, the original columns)."""
        return Plan(self._core.version_of(name))

    def __repr__(self) -> str:
        return (f"Plan({self.id!r}, {self.region!r}, {self.period[0]}-{self.period[1]}, version={self.version!r}, "
                f"{len(self._core.nodes)} nodes, {len(self._core.history)} history nodes)")

    # ------------------------------------------------------------------ entering values
    def set_realization(self, indicator_id: str, year: Union[int, str], value: Any, source: str = "entered") -> None:
        """Enter a realization (printed text or a number) for an indicator and year."""
        self._core.set_value(indicator_id, "realization", year, _text(value), source)

    def set_target(self, indicator_id: str, year: Union[int, str], value: Any, source: str = "entered") -> None:
        """Enter or replace a target (printed text or a number) for an indicator and year."""
        self._core.set_value(indicator_id, "target", year, _text(value), source)

    def set_budget_realized(self, node_id: str, year: Union[int, str], value: Any, source: str = "entered") -> None:
        """Enter the realized budget of a node for a year."""
        self._core.set_node_value(node_id, "budget_realized", year, _text(value), source)

    def enter_realizations(self, frame: Any, source: str = "entered") -> int:
        """Enter realizations from a DataFrame (or anything with ``to_dict("records")``), one row
        per indicator and year: columns ``indicator_id``, ``year`` and ``realization`` (printed
        text or a number), and/or ``node_id``, ``year`` and ``budget_realized``; an ``is_end``
        column that is True marks the end-of-period column (as in :meth:`to_frame`), as does a
        ``year`` of ``"end"``. Blank and NaN cells are skipped. Returns how many values were entered.

        >>> import pandas as pd, kinerja
        >>> plan = kinerja.bundled_plan()
        >>> plan.enter_realizations(pd.DataFrame({"indicator_id": ["ind-iku-akip", "ind-iku-ktp"],
        ...                                       "year": [2024, 2024], "realization": ["BB (76.02)", "21.50"]}))
        2
        """
        used = 0
        for number, row in enumerate(frame.to_dict("records")):
            if row.get("indicator_id") is not None and "realization" in row and not _blank(row["realization"]):
                self.set_realization(row["indicator_id"], _entered_year(row, number), row["realization"], source)
                used += 1
            if row.get("node_id") is not None and "budget_realized" in row and not _blank(row["budget_realized"]):
                self.set_budget_realized(row["node_id"], _entered_year(row, number), row["budget_realized"], source)
                used += 1
        return used

    # ------------------------------------------------------------------ checks
    def check(self, rules: Optional[Iterable[str]] = None, include_history: bool = True,
              rules_file: Any = None, *, budget_tolerance: Optional[float] = None,
              scale_jump_band: Optional[Tuple[float, float]] = None,
              scale_jump_mixed_band: Optional[Tuple[float, float]] = None,
              scale_jump_slip_band: Optional[Tuple[float, float]] = None,
              scale_jump_slip_agreement: Optional[float] = None) -> Findings:
        """Every inconsistency, as :class:`Finding` objects (rule, severity, node, indicator, year,
        expected, actual, message, location, source) in a :class:`Findings` list, which displays
        as a table in Jupyter and has ``to_frame()`` and ``summary()``. See :func:`check_rules`.

        ``rules_file`` adds validation rules written as data (docs/validation.md): a rule file's
        path, a :class:`RuleSet` from :func:`load_rules`, or a list of them. Their findings come
        with the built-in ones, ordered by place in the plan file (one C++ call,
        ``kinerja::check``, runs, merges and orders them); ``rules`` may then name rule ids of
        both kinds, and only the named ones run.

        The domain settings of the checks (C++ ``check_options``; docs/plans.md), each left at its
        documented default when not given: ``budget_tolerance`` (rupiah within which sums agree,
        0.5), ``scale_jump_band`` ((50, 200): how many times a percentage row's neighbour exceeds a
        value at most 1 for it to read as a fraction), ``scale_jump_mixed_band`` ((20, 500): the same
        when one prints ``%`` and the other is bare), ``scale_jump_slip_band`` ((8, 12): how many
        times off both its neighbours a value is a slipped digit) and ``scale_jump_slip_agreement``
        (0.10: how far apart those neighbours may be). A setting out of range raises
        ``ArgumentError`` ``kinerja.argument.check_option``.

        >>> findings = bundled_plan().check(rules=["budget-rollup"])
        >>> findings[0].rule, len(findings) == len(findings.to_frame())
        ('budget-rollup', True)
        >>> [f.node for f in bundled_plan().check(rules_file=standard_rules_path()).by_rule("kegiatan-pagu-within-program")]
        ['2.08.02.2.03']
        """
        settings = check_settings(budget_tolerance=budget_tolerance, scale_jump_band=scale_jump_band,
                                  scale_jump_mixed_band=scale_jump_mixed_band, scale_jump_slip_band=scale_jump_slip_band,
                                  scale_jump_slip_agreement=scale_jump_slip_agreement)
        return Findings(self._core.check(list(rules or []), include_history, rule_sets_of(rules_file), settings))

    # ------------------------------------------------------------------ versions and roll-up
    def diff(self, other: "Plan") -> Changes:
        """Every difference from this plan to ``other`` (nodes and indicators added, removed and
        changed, field by field and year by year): a :class:`Changes` list of :class:`Change` with
        ``kind``, ``subject``, ``id``, ``node``, ``name``, ``field``, ``year``, ``old`` and ``new``.

        >>> plan = bundled_plan()
        >>> changes = plan.version_of("awal").diff(plan)
        """
        if not isinstance(other, Plan):
            raise TypeError("diff compares two kinerja.Plan objects")
        return Changes(_core.diff_plans(self._core, other._core))

    def diff_frame(self, other: "Plan"):
        """:meth:`diff` as a DataFrame, one row per change (see :func:`changes_frame`)."""
        return changes_frame(self.diff(other))

    def rollup(self, method: str = "mean", years: Optional[Iterable[int]] = None, include_history: bool = False):
        """Achievement rolled up the cascade per year (``method``: ``"mean"``, ``"budget_weighted"`` or
        ``"ratio_of_sums"``), as a DataFrame: each node's own achievement (mean of its indicators), the
        rolled achievement, how many indicators and children contributed, the method and the basis."""
        entries = _core.rollup_plan(self._core, method, list(years or []), include_history)
        codes = {n.id: n.code for n in self._core.nodes}
        if include_history:
            codes.update((n.id, n.code) for n in self._core.history)
        return frame(({"node_id": e.node_id, "node_code": codes.get(e.node_id), "node_name": e.name,
                       "level": e.level, "year": e.year, "is_end": False, "own": e.own, "rolled": e.rolled,
                       "indicators": e.indicators, "skipped": e.skipped, "children": e.children,
                       "method": e.method, "basis": e.basis} for e in entries), ROLLUP_COLUMNS)

    def lkjip_years(self) -> List[int]:
        """The years the plan can report in the LKjIP layout: those in which an indicator of a
        sasaran prints a target or a realization, or a programme a pagu or a realized amount."""
        return sorted(_core.lkjip_years(self._core))

    def realization(self, indicator_id: str, year: Union[int, str]):
        """The realization of a year as a :class:`kinerja.Value`: the printed yearly value, or the
        quarterly (triwulan) values combined by the indicator's aggregation; None if neither is printed."""
        return _core.yearly_realization(self._core, indicator_id, year)

    # ------------------------------------------------------------------ tables
    def indicator_rows(self, include_history: bool = True) -> List[Dict[str, Any]]:
        """One dict per indicator-year (see :meth:`to_frame`)."""
        rows: List[Dict[str, Any]] = []
        parts = [("plan", self._core.nodes)] + ([("history", self._core.history)] if include_history else [])
        for part, nodes in parts:
            for n in nodes:
                for ind in n.indicators:
                    rows += indicator_rows(self, part, n, ind)
        return rows

    def to_frame(self, include_history: bool = True):
        """A pandas DataFrame, one row per indicator-year: the node and indicator, the printed target,
        realization and reported achievement, their numbers, the computed achievement (plan settings,
        indicator polarity) and its category."""
        return frame(self.indicator_rows(include_history), FRAME_COLUMNS)

    def budget_rows(self, include_history: bool = True) -> List[Dict[str, Any]]:
        """One dict per node-year with a budget: pagu, realized, absorption (see :meth:`budget_frame`)."""
        rows = []
        rule = _core.infer_conventions(self._core).indicator_pagu.value  # pagu on indicator rows: parts or not
        parts = [("plan", self._core.nodes)] + ([("history", self._core.history)] if include_history else [])
        for part, nodes in parts:
            for n in nodes:
                # each attribute of a compiled node is a conversion: read once, not once a year
                realized_map, reported_map = n.budget_realized, n.reported_absorption
                years = set(_core.node_pagu_years(n)) | set(realized_map)
                if not years:
                    continue
                node_id, code, level, name, source = n.id, n.code, n.level, n.name, n.source
                for y in sorted(years, key=year_key):
                    # its own row, else its indicators' rows by the plan's convention (plan_values.hpp)
                    cells = _core.node_pagu_cells(n, y, rule)
                    budget_text = " + ".join(cells) if cells else None
                    realized_text = realized_map.get(y)
                    amounts = [money(c) for c in cells]
                    budget = None if not cells or None in amounts else sum(amounts)
                    realized = money(realized_text)
                    absorption = None
                    # a negative amount has no absorption (kinerja.undefined.negative_amount; check's
                    # negative-amount rule reports it)
                    if budget is not None and budget > 0.0 and realized is not None and realized >= 0.0:
                        absorption = api.absorption(budget, realized, rounding="half_up", decimals=2)
                    rows.append({"part": part, "node_id": node_id, "node_code": code, "node_name": name,
                                 "level": level, **year_fields(y), "budget": budget_text, "budget_realized": realized_text,
                                 "budget_number": budget, "realized_number": realized, "absorption": absorption,
                                 "reported_absorption": reported_map.get(y), "source": source})
        return rows

    def budget_frame(self, include_history: bool = True):
        """A pandas DataFrame, one row per node-year: printed pagu and realized budget, their numbers
        and the absorption (realized / pagu x 100, half up to 2 decimals)."""
        return frame(self.budget_rows(include_history), BUDGET_COLUMNS)

    # ------------------------------------------------------------------ strategy and policy (Tabel 5.1)
    def strategy_links(self) -> List[Any]:
        """The ``supports`` links of the strategy layer (Tabel 5.1), in file order: strategi ->
        sasaran, arah_kebijakan -> strategi, program -> arah_kebijakan (and any that link a node of
        the layer to a wrong level, which :meth:`check` reports as ``strategy-level``). Each has
        ``source``, ``target``, ``source_level``, ``target_level`` and ``location``."""
        return list(_core.strategy_links(self._core))

    def strategy_matrix(self) -> List[Any]:
        """The Tabel 5.1 matrix, one row per sasaran (file order): ``tujuan``, ``sasaran`` and the
        ids of the ``strategies`` serving it, the ``policies`` (arah_kebijakan) carrying those
        out and the ``programmes`` serving those policies. Empty for a plan without strategi and
        arah_kebijakan nodes."""
        return list(_core.strategy_matrix(self._core))

    def strategy_frame(self):
        """The Tabel 5.1 matrix as a pandas DataFrame, one row per chain sasaran -> strategi ->
        arah_kebijakan -> program with ids and names (columns
        :data:`kinerja.strategy.STRATEGY_COLUMNS`); None where a chain stops (a sasaran without
        strategy, a strategy without policy, a policy without programme)."""
        from .strategy import STRATEGY_COLUMNS, strategy_rows

        return frame(strategy_rows(self._core), STRATEGY_COLUMNS)

    # ------------------------------------------------------------------ the annual cycle
    @property
    def annual_documents(self) -> List[Any]:
        """The yearly target documents (Renja, Perjanjian Kinerja; ``kinerja._core.AnnualDocument``:
        ``id``, ``kind``, ``year``, ``label``, ``number``, ``date``, ``source``, ``targets``) in file
        order; docs/annual-cycle.md."""
        return list(self._core.annual_documents)

    def annual_target_versions(self, indicator_id: str, year: int) -> List[Tuple[Optional[str], str, Optional[str]]]:
        """The versions of an indicator's target for a year, in order: ``(None, text, None)`` for the
        Renstra's (when it prints one), then ``(document id, text, revision reason or None)`` for each
        annual document of that year; the last one is the target in force. Raises
        :class:`kinerja.UnknownNameError` for an unknown indicator id."""
        return [tuple(v) for v in self._core.annual_target_versions(indicator_id, int(year))]

    def annual_targets_frame(self):
        """The annual documents' targets as a DataFrame, one row per document and indicator
        (:data:`ANNUAL_TARGET_COLUMNS`): the document, the node and indicator, the year, the
        target as printed and its number, the Renstra's target of that year as printed, and the
        revision's reason where the target is recorded as one."""
        rows: List[Dict[str, Any]] = []
        for d in self._core.annual_documents:
            for t in d.targets:
                found = self._core.find_indicator(t.indicator)
                if found is None:  # the reader refuses it; a plan built in code may still hold one
                    continue
                n, ind = found
                value, _ = read_cell(ind, t.value, self)
                number = getattr(value, "number", None) if value is not None else None
                rows.append({"document_id": d.id, "kind": d.kind, "document_label": d.label,
                             "node_id": n.id, "node_code": n.code, "node_name": n.name,
                             "indicator_id": ind.id, "indicator_name": ind.name, "year": d.year, "is_end": False,
                             "target": t.value, "target_number": number,
                             "renstra_target": ind.targets.get(d.year), "revision": t.revision,
                             "source": t.source or d.source})
        return frame(rows, ANNUAL_TARGET_COLUMNS)

    def realization_records_frame(self):
        """The realizations that carry evidence or verification as a DataFrame, one row per
        realization (:data:`REALIZATION_RECORD_COLUMNS`): the node and indicator, the year and
        quarter (``<NA>`` for the yearly realization), the realization as printed, the status of its
        last verification step, how many pieces of evidence it has, and its last verified value,
        verifier and time."""
        rows: List[Dict[str, Any]] = []
        for part, nodes in (("plan", self._core.nodes), ("history", self._core.history)):
            for n in nodes:
                for ind in n.indicators:
                    records = ind.realization_records
                    if not records:
                        continue
                    yearly = ind.realizations
                    quarterly = ind.quarterly_realizations
                    for r in records:
                        text = yearly.get(r.year) if r.quarter is None else quarterly.get(r.year, {}).get(r.quarter)
                        verified = [s for s in r.verification if s.status == "verified"]
                        last = verified[-1] if verified else None
                        rows.append({"part": part, "node_id": n.id, "node_code": n.code, "node_name": n.name,
                                     "indicator_id": ind.id, "indicator_name": ind.name, "year": r.year,
                                     "is_end": False, "quarter": r.quarter, "realization": text,
                                     "status": r.status, "evidence": len(r.evidence),
                                     "verified_value": last.value if last else None,
                                     "verified_by": last.by if last else None,
                                     "verified_at": last.at if last else None})
        out = frame(rows, REALIZATION_RECORD_COLUMNS)
        return out.astype({"quarter": "Int64", "evidence": "int64"})

    def findings_frame(self, **check_args):
        """The findings of :meth:`check` (same arguments) as a DataFrame, one row per finding
        (see :func:`findings_frame`)."""
        return findings_frame(self.check(**check_args))

    # ------------------------------------------------------------------ one indicator
    def _locate(self, indicator_id: str):
        found = self._core.find_indicator(indicator_id)
        if found is None:
            self._core.indicator(indicator_id)  # raises UnknownNameError naming the nearest ids
        node, ind = found
        part = "plan" if any(n.id == node.id for n in self._core.nodes) else "history"
        return part, node, ind

    def indicator_frame(self, indicator_id: str):
        """One indicator as a DataFrame, one row per year (the columns of :meth:`to_frame`):
        printed target, realization and reported achievement, their numbers, the computed
        achievement with the plan's settings and its category.

        >>> bundled_plan().indicator_frame("ind-h-s19-5-akip").set_index("year").loc[2019, "achievement"]
        121.32
        """
        part, node, ind = self._locate(indicator_id)
        return frame(indicator_rows(self, part, node, ind), FRAME_COLUMNS)

    def indicator_view(self, indicator_id: str) -> "IndicatorView":
        """An indicator with its node and this plan: displays as a table of years coloured by
        achievement category in Jupyter, with ``to_frame()`` and ``plot()``."""
        part, node, ind = self._locate(indicator_id)
        return IndicatorView(self, node, ind)

    # ------------------------------------------------------------------ display and plots
    def _repr_html_(self) -> str:
        from .display import plan_html

        return plan_html(self)

    def plot_indicator(self, indicator_id: str, ax: Any = None, **kwargs: Any):
        """Achievement of an indicator over the years against its target (100 %), on the
        category bands; see :func:`kinerja.plots.indicator`. Returns the matplotlib Axes."""
        from . import plots

        return plots.indicator(self, indicator_id, ax=ax, **kwargs)

    def plot_budget(self, year: Union[int, str], level: str = "program", ax: Any = None, **kwargs: Any):
        """Pagu and realized budget with absorption by node of a level in a year; see
        :func:`kinerja.plots.budget`. Returns the matplotlib Axes."""
        from . import plots

        return plots.budget(self, year, level=level, ax=ax, **kwargs)

    def plot_cascade(self, year: Optional[int] = None, ax: Any = None, **kwargs: Any):
        """The cascade as a sunburst sized by pagu and coloured by rolled-up achievement; see
        :func:`kinerja.plots.cascade`. Returns the matplotlib Axes."""
        from . import plots

        return plots.cascade(self, year, ax=ax, **kwargs)

    def plot_versions(self, other: "Plan", field: str = "budget", year: Optional[Union[int, str]] = None,
                      ax: Any = None, **kwargs: Any):
        """Compare this plan (older) with ``other`` (newer): pagu or targets side by side; see
        :func:`kinerja.plots.compare_versions`. Returns the matplotlib Axes."""
        from . import plots

        return plots.compare_versions(self, other, field=field, year=year, ax=ax, **kwargs)


class IndicatorView:
    """An indicator seen within its plan: the compiled :class:`Indicator` (its attributes are
    available here too), its node, and achievement computed with the plan's settings.

    Displays in Jupyter as a table of years (target, realization, achievement, category),
    coloured by category.

    >>> view = bundled_plan().indicator_view("ind-h-s19-5-akip")
    >>> view.name, view.to_frame()["category"].iloc[0]
    ('Nilai AKIP', 'Sangat Tinggi')
    """

    def __init__(self, plan: Plan, node: Node, indicator: Indicator) -> None:
        self.plan = plan
        self.node = node
        self.indicator = indicator

    def __getattr__(self, name: str) -> Any:
        if name in ("plan", "node", "indicator"):
            raise AttributeError(name)
        return getattr(self.indicator, name)

    def to_frame(self):
        """One row per year (see :meth:`Plan.indicator_frame`)."""
        return self.plan.indicator_frame(self.indicator.id)

    def plot(self, ax: Any = None, **kwargs: Any):
        """Achievement over the years on the category bands (see :func:`kinerja.plots.indicator`)."""
        return self.plan.plot_indicator(self.indicator.id, ax=ax, **kwargs)

    def __repr__(self) -> str:
        return f"IndicatorView({self.indicator.id!r}, {self.indicator.name!r}, node={self.node.id!r})"

    def _repr_html_(self) -> str:
        from .display import indicator_html

        return indicator_html(self.to_frame(), self.indicator, self.node, self.plan.settings)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"a value is printed text or a number, got {type(value).__name__}")
    if isinstance(value, float) and math.isnan(value):
        return "-"
    return repr(value) if isinstance(value, float) else str(value)


def _np_bool() -> type:
    """numpy's bool type (rows of a DataFrame may carry it), or bool when numpy is absent."""
    try:
        import numpy

        return numpy.bool_
    except ImportError:  # pragma: no cover - pandas, which gives frames, needs numpy
        return bool


def _entered_year(row: Dict[str, Any], number: int) -> Union[int, str]:
    """The year of a row given to :meth:`Plan.enter_realizations`: ``"end"`` where ``is_end`` is
    True (or ``year`` is ``"end"``), else its ``year`` as an integer (a frame's Int64 and numpy
    integers included). \raises ArgumentError ``kinerja.argument.year`` for anything else."""
    y = row.get("year")
    is_end = row.get("is_end")
    if (isinstance(is_end, (bool, _np_bool())) and bool(is_end)) or (isinstance(y, str) and y == "end"):
        return "end"
    if not isinstance(y, bool) and not isinstance(y, str) and not _blank(y):
        try:
            if int(y) == y:
                return int(y)
        except (TypeError, ValueError):
            pass
    raise ArgumentError(f"row {number}: the year must be an integer, or \"end\" (or is_end True) for the "
                        f"end of the period; got {y!r}", id="kinerja.argument.year")


def _blank(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or (isinstance(x, str) and not x.strip())


