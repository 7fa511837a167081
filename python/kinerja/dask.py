"""Checking and tabulating many plans on a Dask cluster (docs/dask.md).

:func:`check_plans` and :func:`plan_frames` take plan files and folders (a folder is searched
recursively for ``*.yaml``, ``*.yml`` and ``*.csv``), split the files into partitions (groups of
plan files of about the same number of bytes), and load, check and tabulate every partition on a
worker of a ``distributed`` cluster, where ``kinerja`` is imported. They return dask DataFrames
whose partitions are already being computed on the workers; ``compute()`` gathers them. The
result equals the pandas concatenation of the single-plan API over the same files
(``kinerja.load_plan`` or ``kinerja.load_plan_csv``, then ``Plan.check().to_frame()``,
``Plan.to_frame()`` or ``Plan.budget_frame()``), with the plan's file first in a ``plan`` column.

- :func:`check_plans`: one row per finding, columns ``plan`` + :data:`kinerja.tables.FINDING_COLUMNS`;
  a plan that cannot be loaded gives one row of severity ``error`` whose ``rule`` is the error's id
  (``kinerja.plan.yaml``, ``kinerja.plan.io``, ...), ``message`` its reason and ``location`` its
  ``file:line:column``; the other plans are checked as usual.
- :func:`plan_frames`: one row per indicator-year (``kind="indicators"``) or node-year with a
  budget (``kind="budget"``), columns ``plan``, ``region``, ``organisation`` + the columns of
  ``Plan.to_frame()`` or ``Plan.budget_frame()``; a plan that cannot be loaded has no rows.
- :func:`load_errors`: one row per plan that cannot be loaded (``plan``, ``id``, ``file``,
  ``line``, ``column``, ``reason``, ``message``).

With ``client=None`` the current ``distributed`` client is used (the last ``Client(...)`` made
in this process, unless made with ``set_as_default=False``); when there is none, the first call
starts a ``LocalCluster`` of one single-threaded worker process per core, without the dashboard,
and keeps it, with its client, until :func:`close` or the end of the Python process; later calls
reuse it. :func:`local_client` returns it.

A plan file is opened on a worker at its absolute path, resolved against the working directory
of the calling process: on a cluster of several machines every worker must see the plan files
at that path (a shared folder, or an object store mounted as a folder). ``location`` columns
name that absolute path; ``plan`` keeps the path as given.

Needs Debian's ``python3-dask`` and ``python3-distributed`` (``import kinerja`` does not).
"""

from __future__ import annotations

import atexit
import math
import os
import threading
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import pandas as pd

from . import tables
from .batch import find_plan_files
from .tables import FINDING_COLUMNS
from .errors import ArgumentError, KinerjaError, PlanFileError
from .plan import FRAME_COLUMNS, Plan, check_rules, check_settings, load_plan_file

__all__ = ["check_plans", "plan_frames", "load_errors", "local_client", "close",
           "FINDINGS_COLUMNS", "INDICATOR_COLUMNS", "BUDGET_COLUMNS", "ERROR_COLUMNS"]

PathArg = Union[str, "os.PathLike[str]"]
Paths = Union[PathArg, Iterable[PathArg]]

#: Columns of :func:`check_plans`.
FINDINGS_COLUMNS: List[str] = ["plan"] + FINDING_COLUMNS
#: Columns of :func:`plan_frames` with ``kind="indicators"``.
INDICATOR_COLUMNS: List[str] = ["plan", "region", "organisation"] + FRAME_COLUMNS
#: Columns of :func:`plan_frames` with ``kind="budget"``.
BUDGET_COLUMNS: List[str] = ["plan", "region", "organisation"] + tables.BUDGET_COLUMNS
#: Columns of :func:`load_errors`.
ERROR_COLUMNS: List[str] = ["plan", "id", "file", "line", "column", "reason", "message"]

_INT_COLUMNS = {"line", "column"}
_KINDS = ("findings", "indicators", "budget", "errors")
_COLUMNS = {"findings": FINDINGS_COLUMNS, "indicators": INDICATOR_COLUMNS, "budget": BUDGET_COLUMNS,
            "errors": ERROR_COLUMNS}


def _dtype(column: str) -> str:
    if column in tables.COLUMN_DTYPES:  # the frame schema's (year Int64, is_end bool, numbers float64)
        return tables.COLUMN_DTYPES[column]
    if column in _INT_COLUMNS:
        return "int64"
    return "object"


def _meta(kind: str) -> pd.DataFrame:
    """The empty frame of a kind: its columns and their dtypes (the ``meta`` of the dask DataFrame)."""
    columns = _COLUMNS[kind]
    return pd.DataFrame({c: pd.Series([], dtype=_dtype(c)) for c in columns}, columns=columns)


# ---------------------------------------------------------------------------- on the workers
def _load(path: str):
    return load_plan_file(path)


def _error_fields(given: str, exc: BaseException) -> Dict[str, Any]:
    file = getattr(exc, "file", None) or given
    line = int(getattr(exc, "line", 0) or 0)
    column = int(getattr(exc, "column", 0) or 0)
    error_id = getattr(exc, "id", None)
    if not error_id:  # an OSError outside kinerja's own reading (the file vanished, a bad mount)
        error_id = "kinerja.plan.io"
    reason = getattr(exc, "reason", None) or (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc))
    return {"plan": given, "id": error_id, "file": file, "line": line, "column": column, "reason": reason,
            "message": str(exc)}


def _error_finding(fields: Dict[str, Any]) -> Dict[str, Any]:
    row: Dict[str, Any] = {c: None for c in FINDINGS_COLUMNS}
    location = fields["file"]
    if fields["line"]:
        location += f":{fields['line']}:{fields['column']}"
    row.update({"plan": fields["plan"], "severity": "error", "rule": fields["id"], "message": fields["reason"],
                "location": location, "is_end": False})
    return row


def _partition(kind: str, files: Sequence[Tuple[str, str]], options: Dict[str, Any]) -> pd.DataFrame:
    """The frame of one partition: ``files`` are (path as given, absolute path) pairs."""
    frames: List[pd.DataFrame] = []
    rows: List[Dict[str, Any]] = []  # rows of the plans that cannot be loaded

    def flush_rows() -> None:
        if rows:
            frames.append(pd.DataFrame(rows, columns=_COLUMNS[kind]))
            rows.clear()

    rules_file = options.get("rules_file")
    for given, path in files:
        try:
            plan = _load(path)
            if kind == "findings":
                frame = plan.check(rules=options.get("rules"), include_history=options["include_history"],
                                   rules_file=rules_file, **options.get("settings", {})).to_frame()
            elif kind == "indicators":
                frame = plan.to_frame(include_history=options["include_history"])
            elif kind == "budget":
                frame = plan.budget_frame(include_history=options["include_history"])
            else:
                continue
        except (KinerjaError, OSError) as exc:
            if kind == "findings":
                rows.append(_error_finding(_error_fields(given, exc)))
            elif kind == "errors":
                rows.append(_error_fields(given, exc))
            continue
        if frame.empty:
            continue
        flush_rows()
        if kind == "findings":
            frame.insert(0, "plan", given)
        else:
            frame.insert(0, "organisation", plan.organisation)
            frame.insert(0, "region", plan.region)
            frame.insert(0, "plan", given)
        frames.append(frame)
    flush_rows()
    meta = _meta(kind)
    if not frames:
        return meta
    out = pd.concat(frames, ignore_index=True)
    return out.astype(meta.dtypes.to_dict())


def _value(x: Any) -> Any:
    """A partition's frame: a ``distributed.Future`` is fetched (a local scheduler computes the
    dask DataFrame), a value passed on (the distributed scheduler has already fetched it)."""
    from distributed import Future

    return x.result() if isinstance(x, Future) else x


# ---------------------------------------------------------------------------- the client
_lock = threading.Lock()
_local: Dict[str, Any] = {}


def local_client(n_workers: Optional[int] = None):
    """The client of kinerja's own ``LocalCluster``, started on first use: ``n_workers`` worker
    processes (default: one per core) of one thread each, no dashboard, listening on localhost
    only. It lives until :func:`close` or the end of the process; it is not made the default
    client of the process."""
    from distributed import Client, LocalCluster

    with _lock:
        client = _local.get("client")
        if client is None or client.status in ("closing", "closed"):
            cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=None, host="127.0.0.1",
                                   scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
            client = Client(cluster, set_as_default=False)
            _local.update(cluster=cluster, client=client)
        return client


def close() -> None:
    """Shut kinerja's own ``LocalCluster`` down (if :func:`local_client` started one); the dask
    DataFrames computed on it can no longer be computed. Called at the end of the process."""
    with _lock:
        client, cluster = _local.pop("client", None), _local.pop("cluster", None)
    if client is not None:
        client.close()
    if cluster is not None:
        cluster.close()


atexit.register(close)


def _client(client: Any):
    if client is not None:
        return client
    from distributed import default_client

    try:
        return default_client()
    except ValueError:  # no client in this process
        return local_client()


# ---------------------------------------------------------------------------- partitions
def _partitions(files: List[str], parts: int, files_per_partition: Optional[int]) -> List[List[str]]:
    """Consecutive groups of ``files``: ``files_per_partition`` files each, or else about ``parts``
    groups of about the same number of bytes."""
    if not files:
        return []
    if files_per_partition is not None:
        if int(files_per_partition) < 1:
            raise ValueError(f"files_per_partition must be at least 1, not {files_per_partition}")
        n = int(files_per_partition)
        return [files[i:i + n] for i in range(0, len(files), n)]
    sizes = []
    for f in files:
        try:
            sizes.append(max(os.path.getsize(f), 1))
        except OSError:  # the worker reports it
            sizes.append(1)
    target = max(1, math.ceil(sum(sizes) / max(1, parts)))
    groups: List[List[str]] = [[]]
    acc = 0
    for f, size in zip(files, sizes):
        if groups[-1] and acc + size > target:
            groups.append([])
            acc = 0
        groups[-1].append(f)
        acc += size
    return groups


def _frame(kind: str, paths: Paths, client: Any, files_per_partition: Optional[int], options: Dict[str, Any]):
    import dask.dataframe as dd
    from dask import delayed

    files = find_plan_files(paths)
    meta = _meta(kind)
    if not files:
        return dd.from_pandas(meta, npartitions=1)
    client = _client(client)
    threads = sum(client.nthreads().values()) or 1
    groups = _partitions(files, 4 * threads, files_per_partition)
    cwd = os.getcwd()
    tasks = [[(f, os.path.join(cwd, f)) for f in group] for group in groups]
    futures = client.map(_partition, [kind] * len(tasks), tasks, [options] * len(tasks), pure=False)
    return dd.from_delayed([delayed(_value)(f) for f in futures], meta=meta, verify_meta=False)


_NO_NODES = ("kinerja_plan: 1\nplan: {id: settings, title: settings, organisation: O, region: R, "
             "period: [2024, 2024], version: published}\nnodes: []\n")


def _rules_file(rules_file: Any) -> Any:
    """Rule files travel to the workers as absolute paths (a RuleSet is not sent)."""
    if rules_file is None:
        return None
    items = rules_file if isinstance(rules_file, (list, tuple)) else [rules_file]
    out = []
    for r in items:
        if not isinstance(r, (str, os.PathLike)):
            raise TypeError("kinerja.dask takes rule files as paths (every worker reads them), not RuleSet objects")
        out.append(os.path.abspath(os.fspath(r)))
    return out


# ---------------------------------------------------------------------------- public
def check_plans(paths: Paths, client: Any = None, *, rules: Optional[Iterable[str]] = None,
                include_history: bool = True, rules_file: Any = None,
                files_per_partition: Optional[int] = None, **settings: Any):
    """Check every plan of ``paths`` on the workers of ``client``: a dask DataFrame, one row per
    finding, columns :data:`FINDINGS_COLUMNS` (``plan`` then the columns of
    ``Findings.to_frame()``), plans in the order of ``paths`` (a folder's files sorted), each
    plan's findings in the order of ``Plan.check()``.

    ``rules``, ``include_history`` and ``rules_file`` (paths of rule files, read by every worker)
    are those of :meth:`kinerja.Plan.check`; an unknown rule id (``ArgumentError``
    ``kinerja.argument.rule``) or a rule file that cannot be read (``PlanFileError``
    ``kinerja.rules.*``) raises at once, before any plan is read. The check settings
    (``budget_tolerance=``, ``scale_jump_band=`` ...) are those of :meth:`kinerja.Plan.check`; an
    unknown or out-of-range one (``ArgumentError`` ``kinerja.argument.check_option``) raises at once
    too. A plan that cannot be loaded gives one row of
    severity ``error``, ``rule`` the error's id, ``message`` its reason and ``location`` its
    ``file:line:column``. ``files_per_partition`` fixes the number of plan files a partition;
    by default the files are split into about four partitions a worker thread of equal bytes.
    An empty folder gives an empty DataFrame (with the columns).

    :raises PlanFileError: ``kinerja.plan.io`` for a path that does not exist.
    """
    options = {"rules": list(rules) if rules is not None else None, "include_history": bool(include_history),
               "rules_file": _rules_file(rules_file), "settings": check_settings(**settings)}
    if options["settings"]:  # a bad setting fails here, once: checked on a plan without nodes
        Plan.from_yaml(_NO_NODES)._core.check([], False, [], options["settings"])
    # a bad rule file or rule id fails here, once, not once a plan on the workers
    known = [r["id"] for r in check_rules(options["rules_file"])]
    unknown = [r for r in options["rules"] or [] if r not in known]
    if unknown:
        raise ArgumentError(f'[kinerja.argument.rule] unknown check rule "{unknown[0]}" (rules: {", ".join(known)})',
                            id="kinerja.argument.rule")
    return _frame("findings", paths, client, files_per_partition, options)


def plan_frames(paths: Paths, client: Any = None, *, kind: str = "indicators", include_history: bool = True,
                files_per_partition: Optional[int] = None):
    """Tabulate every plan of ``paths`` on the workers of ``client``: a dask DataFrame with the
    columns ``plan``, ``region``, ``organisation`` then those of ``Plan.to_frame()`` (``kind=
    "indicators"``, one row per indicator-year, :data:`INDICATOR_COLUMNS`) or of
    ``Plan.budget_frame()`` (``kind="budget"``, one row per node-year with a budget,
    :data:`BUDGET_COLUMNS`). A plan that cannot be loaded has no rows (see :func:`load_errors`
    and :func:`check_plans`). Other arguments as for :func:`check_plans`."""
    if kind not in ("indicators", "budget"):
        raise ValueError(f"kind is 'indicators' or 'budget', not {kind!r}")
    return _frame(kind, paths, client, files_per_partition, {"include_history": bool(include_history)})


def load_errors(paths: Paths, client: Any = None, *, files_per_partition: Optional[int] = None):
    """Load every plan of ``paths`` on the workers of ``client``: a dask DataFrame with one row
    per plan that cannot be loaded, columns :data:`ERROR_COLUMNS` (``plan`` as given, the error's
    ``id``, ``file``, ``line``, ``column``, ``reason`` and whole ``message``)."""
    return _frame("errors", paths, client, files_per_partition, {})
