"""Many plans in one call: find plan files under files and folders, load and check them on all
cores with the GIL released, and tabulate them together (docs/batch.md).

>>> import kinerja
>>> plans = kinerja.load_plans([kinerja.bundled_plan_path()], threads=1)
>>> len(plans)
1
>>> findings = plans.check()
>>> findings.to_frame().columns[:3].tolist()
['plan', 'severity', 'rule']
>>> plans.summary()["loaded"]
1
>>> plans.to_frame()[["region", "organisation"]].iloc[0].tolist()
['Kota Bekasi', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DPPPA)']

A :class:`PlanSet` holds the paths only: iterating it loads the plans on worker threads a few
ahead and yields them one by one, and :meth:`PlanSet.check` keeps only each plan's identity
and findings, so that memory stays bounded however many plans there are.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, Union

from . import _core
from .display import findings_html, table_html
from .results import Findings
from .tables import BUDGET_COLUMNS, FINDING_COLUMNS, finding_row, frame
from .errors import KinerjaError
from .plan import FRAME_COLUMNS, Limits, Plan, check_settings, core_load_limits, load_plan_xlsx, rule_sets_of

__all__ = ["PlanSet", "PlanFinding", "PlanFindings", "PlanLoadError", "load_plans", "find_plan_files",
           "IDENTITY_COLUMNS", "BUDGET_COLUMNS", "PLAN_SUMMARY_COLUMNS"]

BatchProgress = _core.BatchProgress

#: The columns that :meth:`PlanSet.to_frame` and :meth:`PlanSet.budget_frame` put first.
IDENTITY_COLUMNS = ["plan", "region", "organisation"]
#: The columns of :meth:`kinerja.Plan.budget_frame` (a plan without any budget has none).
#: The columns of :meth:`PlanSet.plans_frame`, one row per plan.
PLAN_SUMMARY_COLUMNS = ["plan", "loaded", "id", "region", "organisation", "error_id", "error", "findings", "errors",
                        "warnings", "info"]

Paths = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]


def _path_list(paths: Paths) -> List[str]:
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    out = []
    for p in paths:
        p = os.fspath(p)
        out.append(os.fsdecode(p) if isinstance(p, bytes) else p)
    return out


def find_plan_files(paths: Paths) -> List[str]:
    """The plan files of ``paths`` (a path or a list of them), in a deterministic order: each path
    in the order given; a file as given (loaded as a CSV table when it ends in ``.csv``, else as
    YAML); a folder searched recursively for ``*.yaml``, ``*.yml`` and ``*.csv``, its files
    sorted by their path relative to it and named ``os.path.join(folder, relative path)``
    (files and folders whose name begins with ``.`` are skipped). A file named twice is listed
    once. An empty folder gives nothing.

    :raises PlanFileError: ``kinerja.batch.path`` for a path that does not exist.

    >>> import kinerja
    >>> find_plan_files(kinerja.bundled_plan_path().parent)[0].endswith("bekasi-dpppa-2024-2026.yaml")
    True
    """
    return _core.find_plan_files(_path_list(paths))


def _threads(threads: Optional[int]) -> int:
    if threads is None:
        return 0
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads is a whole number of at least 1 (or None for all cores), got {threads!r}")
    return threads


class PlanLoadError:
    """Why a plan file of a batch could not be loaded: ``plan`` (its path as listed), the error's
    ``id`` (``kinerja.plan.yaml``, ``kinerja.csv.syntax``, ..., ``kinerja.plan.io``; see
    docs/errors.md), ``message``, and where: ``file``, ``line``, ``column`` (0 when the error has
    no place in the text) and ``location`` (``file:line:column``)."""

    __slots__ = ("plan", "id", "message", "file", "line", "column", "location")

    def __init__(self, plan: str, id: str, message: str, file: str, line: int, column: int, location: str) -> None:
        self.plan, self.id, self.message = plan, id, message
        self.file, self.line, self.column, self.location = file, line, column, location

    @classmethod
    def _of(cls, plan: str, e: Any) -> "PlanLoadError":
        return cls(plan, e.id, e.message, e.file, e.line, e.column, e.location)

    def to_dict(self) -> Dict[str, Any]:
        """The error as a dict (``id``, ``message``, ``location``, ``file``, ``line``, ``column``)."""
        return {"id": self.id, "message": self.message, "location": self.location, "file": self.file,
                "line": self.line, "column": self.column}

    def __repr__(self) -> str:
        return f"PlanLoadError({self.id}, {self.location!r})"

    def __str__(self) -> str:
        return f"[{self.id}] {self.location}: {self.message}"


class PlanFinding:
    """A :class:`kinerja.Finding` of one plan of a batch: every attribute of the finding, and
    ``plan``, the path of its plan file."""

    __slots__ = ("plan", "finding")

    def __init__(self, plan: str, finding: Any) -> None:
        self.plan = plan
        self.finding = finding

    def __getattr__(self, name: str) -> Any:
        return getattr(self.finding, name)

    def __repr__(self) -> str:
        return f"PlanFinding({self.plan!r}, {self.finding!r})"


class PlanFindings(Findings):
    """The findings of :meth:`PlanSet.check`: a :class:`kinerja.Findings` of :class:`PlanFinding`,
    plans in the order of :func:`find_plan_files` and each plan's findings in the order of
    :meth:`kinerja.Plan.check`. Its frame has a ``plan`` column first."""

    def to_frame(self):
        """One row per finding: ``plan``, then the columns of :meth:`kinerja.Findings.to_frame`."""
        return frame((dict(finding_row(f.finding), plan=f.plan) for f in self), ["plan"] + FINDING_COLUMNS)

    def by_plan(self, plan: str) -> "PlanFindings":
        """The findings of one plan (its path as in the ``plan`` column)."""
        return PlanFindings(f for f in self if f.plan == plan)

    def by_rule(self, *rules: str) -> "PlanFindings":
        return PlanFindings(f for f in self if f.rule in rules)

    def by_severity(self, severity: str) -> "PlanFindings":
        return PlanFindings(f for f in self if f.severity == severity)

    @property
    def errors(self) -> "PlanFindings":
        return self.by_severity("error")

    def __getitem__(self, index):  # slices stay PlanFindings
        result = list.__getitem__(self, index)
        return PlanFindings(result) if isinstance(index, slice) else result

    def __repr__(self) -> str:
        return "Plan" + super().__repr__()

    def _repr_html_(self) -> str:
        return findings_html(self)


def _record(path: str, identity: Any, error: Optional["PlanLoadError"], findings: List[Any]) -> Dict[str, Any]:
    """What a batch keeps of one plan: its identity (anything with ``id``, ``title``, ``region``,
    ``organisation``: a compiled PlanResult or a Plan; None when it was not loaded), load error
    and finding counts."""
    by_sev = Counter(f.severity for f in findings)
    ident = {k: (getattr(identity, k) or None) if identity is not None else None
             for k in ("id", "title", "region", "organisation")}
    return {"plan": path, "loaded": error is None, **ident, "error": error.to_dict() if error else None,
            "findings": len(findings), "errors": by_sev.get("error", 0), "warnings": by_sev.get("warning", 0),
            "info": by_sev.get("info", 0)}


def _plan_record(r: Any, findings: List[Any]) -> Dict[str, Any]:
    """:func:`_record` of a compiled PlanResult of the C++ batch."""
    error = None if r.error is None else PlanLoadError._of(r.path, r.error)
    return _record(r.path, r, error, findings)


def _is_workbook(path: str) -> bool:
    """An Excel workbook, which the C++ batch cannot read: Python reads it (load_plan_xlsx)."""
    return path.lower().endswith(".xlsx")


def _load_workbook(path: str, limits: Any) -> Tuple[Optional[Plan], Optional["PlanLoadError"]]:
    """A workbook named in a batch, loaded in Python: the plan, or the error as a PlanLoadError."""
    try:
        return load_plan_xlsx(path, limits=limits), None
    except KinerjaError as exc:
        file = getattr(exc, "file", None) or path
        line, column = int(getattr(exc, "line", 0) or 0), int(getattr(exc, "column", 0) or 0)
        location = f"{file}:{line}:{column}" if line else file
        reason = getattr(exc, "reason", None) or str(exc)
        return None, PlanLoadError(path, exc.id or "kinerja.xlsx.read", reason, file, line, column, location)


def batch_summary(records: List[Dict[str, Any]], findings: Iterable[Any], worst: int = 10) -> Dict[str, Any]:
    """The combined summary of a batch (``PlanSet.summary()``, ``kinerja check --format json``):
    plans, loaded, unusable, findings, findings by severity and by rule, and the ``worst`` plans
    (most error findings, then warnings, then findings; plans without findings are not listed)."""
    by_rule = Counter((f.rule, f.severity) for f in findings)
    by_sev: Counter = Counter()
    for (_, sev), n in by_rule.items():
        by_sev[sev] += n
    ranked = sorted((r for r in records if r["findings"]),
                    key=lambda r: (-r["errors"], -r["warnings"], -r["findings"]))
    return {
        "plans": len(records),
        "loaded": sum(1 for r in records if r["loaded"]),
        "unusable": sum(1 for r in records if not r["loaded"]),
        "findings": sum(by_rule.values()),
        "by_severity": {s: by_sev.get(s, 0) for s in ("error", "warning", "info")},
        "by_rule": [{"rule": rule, "severity": sev, "count": n} for (rule, sev), n in sorted(by_rule.items())],
        "worst": [{"plan": r["plan"], "errors": r["errors"], "warnings": r["warnings"], "findings": r["findings"]}
                  for r in ranked[:worst]],
    }


class PlanSet:
    """Many plan files, loaded and checked together (:func:`load_plans`).

    A PlanSet holds the paths of its plan files (:attr:`files`), never the plans: iterating it
    loads them on worker threads a few ahead (at most twice the threads) and yields each loaded
    :class:`kinerja.Plan` in turn; a file that cannot be loaded is skipped (see :attr:`errors`).
    :meth:`check` loads and checks every plan on the threads with the GIL released, keeping only
    each plan's identity and findings.
    """

    def __init__(self, paths: Paths, threads: Optional[int] = None, limits: Limits = None) -> None:
        self.threads: int = _threads(threads)
        self._limits = core_load_limits(limits)
        self.paths: List[str] = _path_list(paths)
        self.files: List[str] = _core.find_plan_files(self.paths)
        self._records: Optional[List[Dict[str, Any]]] = None  # of the last check (or load pass)
        self._findings: Optional[PlanFindings] = None

    def __len__(self) -> int:
        return len(self.files)

    def items(self) -> Iterator[Tuple[str, Optional[Plan], Optional[Any]]]:
        """``(path, plan, error)`` for every file in order: the loaded :class:`kinerja.Plan` and
        None, or None and the :class:`PlanLoadError`. Plans are loaded ahead on the worker threads
        and dropped once the caller lets go of them."""
        stream = _core.PlanStream(self.files, self.threads, self._limits)
        while True:
            item = stream.next()
            if item is None:
                return
            _, path, core, error = item
            item = None
            if _is_workbook(path):  # the C++ stream cannot read a workbook: Python does
                plan, failure = _load_workbook(path, self._limits)
                yield path, plan, failure
                plan = None
                continue
            if core is None:
                yield path, None, PlanLoadError._of(path, error)
            else:
                plan = Plan(core)
                core = None
                yield path, plan, None
                plan = None

    def __iter__(self) -> Iterator[Plan]:
        for _, plan, _ in self.items():
            if plan is not None:
                yield plan

    def check(self, rules: Optional[Iterable[str]] = None, include_history: bool = True, rules_file: Any = None,
              progress: Optional[Callable[[Any], None]] = None, **settings: Any) -> PlanFindings:
        """Load and check every plan on the threads (the GIL released): one :class:`PlanFindings`
        with a ``plan`` column. ``rules``, ``include_history``, ``rules_file`` and the check settings
        (``budget_tolerance=``, ``scale_jump_band=`` ...) as in :meth:`kinerja.Plan.check`;
        ``progress(p)`` is called as plans are done, with ``p.done``,
        ``p.total``, ``p.failed``, ``p.findings`` and ``p.elapsed_seconds``. A plan that cannot be
        loaded does not stop the run: it is in :attr:`errors` and :meth:`summary`."""
        given = check_settings(**settings)
        results = _core.check_plans(self.files, self.threads, list(rules or []), include_history,
                                    rule_sets_of(rules_file), self._limits, True, progress, given)
        findings = PlanFindings()
        records = []
        for r in results:
            if _is_workbook(r.path):  # read by Python (load_plan_xlsx), checked here
                plan, failure = _load_workbook(r.path, self._limits)
                found = list(plan.check(rules=rules, include_history=include_history, rules_file=rules_file,
                                        **given)) \
                    if plan is not None else []
                records.append(_record(r.path, plan, failure, found))
                findings.extend(PlanFinding(r.path, f) for f in found)
                continue
            found = r.findings  # a conversion: read once
            records.append(_plan_record(r, found))
            findings.extend(PlanFinding(r.path, f) for f in found)
        self._records, self._findings = records, findings
        return findings

    def _ensure_records(self) -> List[Dict[str, Any]]:
        if self._records is None:
            self.check()
        assert self._records is not None
        return self._records

    @property
    def errors(self) -> List[Any]:
        """The :class:`PlanLoadError` of every file that cannot be loaded (``id``, ``message``,
        ``file``, ``line``, ``column``, ``location``), in file order; from the last :meth:`check`,
        run first if there was none."""
        return [PlanLoadError(r["plan"], **r["error"]) for r in self._ensure_records() if r["error"]]

    def summary(self) -> Dict[str, Any]:
        """The combined summary of the last :meth:`check` (run first if there was none): ``plans``,
        ``loaded``, ``unusable``, ``findings``, ``by_severity``, ``by_rule`` (rule, severity,
        count) and ``worst`` (the ten plans with most error findings, then warnings)."""
        records = self._ensure_records()
        assert self._findings is not None
        return batch_summary(records, self._findings)

    def plan_records(self) -> List[Dict[str, Any]]:
        """One dict per plan of the last :meth:`check`: ``plan``, ``loaded``, ``id``, ``title``,
        ``region``, ``organisation``, ``error`` (None or id, message, location, file, line,
        column) and the counts ``findings``, ``errors``, ``warnings``, ``info``."""
        return [dict(r) for r in self._ensure_records()]

    def plans_frame(self):
        """:meth:`plan_records` as a DataFrame (columns :data:`PLAN_SUMMARY_COLUMNS`)."""
        import pandas as pd

        rows = [dict(r, error_id=r["error"]["id"] if r["error"] else None,
                     error=f"{r['error']['location']}: {r['error']['message']}" if r["error"] else None)
                for r in self._ensure_records()]
        return pd.DataFrame(rows, columns=PLAN_SUMMARY_COLUMNS)

    def to_frame(self, include_history: bool = True):
        """One row per indicator-year of every loaded plan: ``plan``, ``region``, ``organisation``,
        then the columns of :meth:`kinerja.Plan.to_frame`, plans in file order."""
        return self._frame(lambda plan: plan.indicator_rows(include_history), FRAME_COLUMNS)

    def budget_frame(self, include_history: bool = True):
        """One row per node-year with a budget of every loaded plan: ``plan``, ``region``,
        ``organisation``, then the columns of :meth:`kinerja.Plan.budget_frame`."""
        return self._frame(lambda plan: plan.budget_rows(include_history), BUDGET_COLUMNS)

    def _frame(self, rows_of: Callable[[Plan], List[Dict[str, Any]]], columns: List[str]):
        """The rows of every loaded plan, each after the plan's identity columns."""
        rows: List[Dict[str, Any]] = []
        for path, plan, _ in self.items():
            if plan is None:
                continue
            ident = {"plan": path, "region": plan.region, "organisation": plan.organisation}
            rows.extend(dict(ident, **row) for row in rows_of(plan))
        return frame(rows, IDENTITY_COLUMNS + columns)

    def __repr__(self) -> str:
        state = ""
        if self._records is not None:
            s = self.summary()
            state = f", checked: {s['loaded']} loaded, {s['unusable']} unusable, {s['findings']} findings"
        return f"PlanSet({len(self)} plan files{state})"

    def _repr_html_(self) -> str:
        if self._records is None:
            shown = self.files[:20]
            more = f" (the first {len(shown)})" if len(shown) < len(self.files) else ""
            return table_html(["plan"], [[f] for f in shown],
                              caption=f"{len(self.files)} plan files{more}; not checked yet", css_class="kinerja-planset")
        s = self.summary()
        caption = (f"{s['plans']} plans: {s['loaded']} loaded, {s['unusable']} unusable; {s['findings']} findings "
                   f"({s['by_severity']['error']} errors, {s['by_severity']['warning']} warnings)")
        records = sorted(self._records, key=lambda r: (r["loaded"], -r["errors"], -r["warnings"], -r["findings"]))
        rows = [[r["plan"], r["region"] or "", r["organisation"] or "",
                 "loaded" if r["loaded"] else f"[{r['error']['id']}] {r['error']['location']}: {r['error']['message']}",
                 r["errors"], r["warnings"], r["findings"]] for r in records[:50]]
        styles = ["" if r["loaded"] else "background:#fbe3e3" for r in records[:50]]
        return table_html(["plan", "region", "organisation", "status", "errors", "warnings", "findings"], rows,
                          row_styles=styles, caption=caption, css_class="kinerja-planset")


def load_plans(paths: Paths, threads: Optional[int] = None, limits: Limits = None) -> PlanSet:
    """Many plans: the files of ``paths`` (files and folders, see :func:`find_plan_files`) as a
    :class:`PlanSet`, which loads them lazily on ``threads`` threads (None: all cores).
    ``limits`` as for :func:`kinerja.load_plan`.

    :raises PlanFileError: ``kinerja.batch.path`` for a path that does not exist.
    """
    return PlanSet(paths, threads=threads, limits=limits)
