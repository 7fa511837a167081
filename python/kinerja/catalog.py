"""The formula catalog: shareable indicator definitions with hand-worked test vectors
(docs/catalog.md).

>>> from kinerja import catalog
>>> entry = catalog.get("penyerapan-anggaran")
>>> entry.unit, entry.polarity
('Persen', 'higher')
>>> round(entry.evaluate({"realized": 11_840_364_035, "budget": 12_692_580_100}), 2)
93.29
>>> catalog.test().passed          # every vector of the bundled catalog
True

The module-level functions (:func:`get`, :func:`find`, :func:`entries`, :func:`ids`,
:func:`to_frame`, :func:`test`) work on the default catalog: the bundled one plus what
:func:`add` added. :func:`load` reads other catalog files; errors raise
:class:`kinerja.PlanFileError` with ``file``, ``line`` and ``column``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

from . import _core
from .formula import Formula

__all__ = [
    "Catalog",
    "Entry",
    "Variable",
    "TestVector",
    "VectorResult",
    "TestResults",
    "load",
    "parse",
    "bundled",
    "bundled_paths",
    "default",
    "add",
    "set_default",
    "reset",
    "get",
    "find",
    "entries",
    "ids",
    "to_frame",
    "test",
]

PathLike = Union[str, Path]

_DATA = Path(__file__).resolve().parent / "data" / "catalog"


@dataclass(frozen=True)
class Variable:
    """A formula variable: its unit word and its definition in Indonesian and English."""

    name: str
    unit: str
    definition_id: str
    definition_en: str
    file: str = ""
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class TestVector:
    """Inputs and the result worked out by hand (``expected`` None: missing for ``reason``)."""

    __test__ = False  # not a pytest class

    inputs: Dict[str, Optional[float]]
    expected: Optional[float]
    reason: Optional[str] = None
    tolerance: Optional[float] = None
    file: str = ""
    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class VectorResult:
    """The outcome of one test vector. ``index`` is 0-based in the entry's ``tests``."""

    entry: str
    index: int
    expected: Optional[float]
    actual: Optional[float]
    expected_reason: str
    actual_reason: str
    passed: bool
    message: str
    file: str = ""
    line: int = 0
    column: int = 0

    @property
    def location(self) -> str:
        """``file:line:column``."""
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    def describe(self) -> str:
        verdict = "ok" if self.passed else "FAIL"
        return f"{self.location}: {verdict} {self.entry} tests[{self.index}]: {self.message}"

    @classmethod
    def _from_core(cls, d: Dict[str, Any]) -> "VectorResult":
        file, line, column = d["location"]
        return cls(d["entry"], d["index"], d["expected"], d["actual"], d["expected_reason"], d["actual_reason"],
                   d["passed"], d["message"], file, line, column)


class TestResults(list):
    """A list of :class:`VectorResult` with a verdict and a DataFrame view."""

    __test__ = False  # not a pytest class

    @property
    def passed(self) -> bool:
        """True when every vector passed (and there was at least one)."""
        return bool(self) and all(r.passed for r in self)

    @property
    def failures(self) -> List[VectorResult]:
        return [r for r in self if not r.passed]

    def summary(self) -> str:
        entries = len({r.entry for r in self})
        failed = len(self.failures)
        return f"{len(self)} vectors in {entries} entries: {len(self) - failed} passed, {failed} failed"

    def to_frame(self):
        """One row per vector: entry, index, expected, actual, reasons, passed, message, location."""
        import pandas as pd

        cols = ["entry", "index", "expected", "actual", "expected_reason", "actual_reason", "passed", "message",
                "file", "line", "column"]
        return pd.DataFrame([[getattr(r, c) for c in cols] for r in self], columns=cols)

    def __repr__(self) -> str:
        return f"<TestResults {self.summary()}>"


class Entry:
    """An indicator definition: id, names, formula (a :class:`kinerja.Formula`), unit, polarity,
    factor, variables, regulation, source, notes and test vectors."""

    def __init__(self, core: Any) -> None:
        self._core = core
        f = Formula.__new__(Formula)
        f._core = core.formula
        self.formula: Formula = f

    id = property(lambda self: self._core.id)
    name_id = property(lambda self: self._core.name_id, doc="the Indonesian name")
    name_en = property(lambda self: self._core.name_en, doc="the English name")
    unit = property(lambda self: self._core.unit, doc="the result's unit word (Persen, per 100.000, ...)")
    polarity = property(lambda self: self._core.polarity, doc="'higher' or 'lower' (which is better)")
    factor = property(lambda self: self._core.factor, doc="the formula's multiplier when stated, else None")
    regulation = property(lambda self: self._core.regulation)
    source = property(lambda self: self._core.source)
    notes = property(lambda self: self._core.notes)

    @property
    def name(self) -> Dict[str, str]:
        return {"id": self.name_id, "en": self.name_en}

    @property
    def formula_text(self) -> str:
        return self._core.formula_text

    @property
    def variables(self) -> List[Variable]:
        return [Variable(n, u, di, de, *loc) for n, u, di, de, loc in self._core.variables]

    @property
    def tests(self) -> List[TestVector]:
        return [TestVector(dict(t["inputs"]), t["expected"], t["reason"], t["tolerance"], *t["location"])
                for t in self._core.tests]

    @property
    def location(self) -> str:
        file, line, column = self._core.location
        return f"{file}:{line}:{column}"

    def evaluate(self, data: Any, **kwargs: Any):
        """The formula on ``data`` (a mapping of scalars or arrays, or a DataFrame); see
        :meth:`kinerja.Formula.evaluate`. Missing results are NaN. A DataFrame gives a float
        ``pandas.Series`` on the frame's index, so the results line up with its rows (the
        formula itself gives a numpy array)."""
        result = self.formula.evaluate(data, **kwargs)
        index = getattr(data, "index", None)
        if index is not None and hasattr(data, "columns"):
            import pandas as pd

            return pd.Series(result, index=index, copy=False, name=self.id)
        return result

    def explain(self, data: Any, **kwargs: Any):
        """Why results are missing; see :meth:`kinerja.Formula.explain`."""
        return self.formula.explain(data, **kwargs)

    def test(self) -> TestResults:
        """Runs this entry's test vectors."""
        return TestResults(VectorResult._from_core(d) for d in self._core.run_tests())

    def to_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "formula": self.formula_text,
            "unit": self.unit,
            "formula_unit": self.formula.unit,
            "polarity": self.polarity,
            "factor": self.factor,
            "variables": {v.name: {"unit": v.unit, "definition": {"id": v.definition_id, "en": v.definition_en}}
                          for v in self.variables},
            "regulation": self.regulation,
            "source": self.source,
            "notes": self.notes,
            "tests": [{"inputs": t.inputs, "expected": t.expected, "reason": t.reason, "tolerance": t.tolerance}
                      for t in self.tests],
            "location": self.location,
        }

    def __repr__(self) -> str:
        return f"<catalog.Entry {self.id}: {self.formula_text} [{self.unit}, {self.polarity}]>"


_FRAME_COLUMNS = ["id", "name_id", "name_en", "formula", "unit", "polarity", "factor", "variables", "regulation",
                  "source", "tests", "location"]


class Catalog:
    """A set of entries with unique ids. Build one with :func:`load`, :func:`parse` or :func:`bundled`."""

    def __init__(self, core: Any = None) -> None:
        self._core = core if core is not None else _core.Catalog()
        self._entries: Optional[List[Entry]] = None

    @property
    def entries(self) -> List[Entry]:
        if self._entries is None:
            self._entries = [Entry(e) for e in self._core.entries]
        return list(self._entries)

    def ids(self) -> List[str]:
        return list(self._core.ids())

    def find(self, id: str) -> Optional[Entry]:
        for e in self.entries:
            if e.id == id:
                return e
        return None

    def get(self, id: str) -> Entry:
        """The entry; raises :class:`kinerja.UnknownNameError` (a ``LookupError``) when unknown."""
        e = self.find(id)
        if e is None:
            self._core.get(id)  # raises with the known ids
        return e  # type: ignore[return-value]

    def merge(self, other: "Catalog") -> "Catalog":
        """A new catalog with the entries of both; raises :class:`kinerja.PlanFileError`
        (id ``kinerja.catalog.duplicate_id``) when an id is in both."""
        core = _core.Catalog()
        core.merge(self._core)
        core.merge(other._core)
        return Catalog(core)

    def test(self) -> TestResults:
        """Runs every entry's test vectors."""
        return TestResults(VectorResult._from_core(d) for d in self._core.run_tests())

    def to_frame(self):
        """One row per entry: id, names, formula, unit, polarity, factor, variables (names),
        regulation, source, number of tests, location."""
        import pandas as pd

        rows = [[e.id, e.name_id, e.name_en, e.formula_text, e.unit, e.polarity, e.factor,
                 ", ".join(v.name for v in e.variables), e.regulation, e.source, len(e.tests), e.location]
                for e in self.entries]
        return pd.DataFrame(rows, columns=_FRAME_COLUMNS)

    def __len__(self) -> int:
        return len(self._core)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and self.find(id) is not None

    def __getitem__(self, id: str) -> Entry:
        return self.get(id)

    def __repr__(self) -> str:
        return f"<kinerja.catalog.Catalog {len(self)} entries: {', '.join(self.ids())}>"


def parse(text: str, file: str = "<string>") -> Catalog:
    """A catalog from YAML text; ``file`` names it in errors."""
    return Catalog(_core.Catalog.parse(text, file))


def load(path: Union[PathLike, Sequence[PathLike]]) -> Catalog:
    """A catalog file, or several merged (duplicate ids are an error)."""
    if isinstance(path, (str, Path)):
        return Catalog(_core.Catalog.load(str(path)))
    return Catalog(_core.Catalog.load_all([str(p) for p in path]))


def bundled_paths() -> List[Path]:
    """The bundled catalog files: the package's ``data/catalog/*.yaml``, else the C++ library's."""
    files = sorted(_DATA.glob("*.yaml")) if _DATA.is_dir() else []
    return files or [Path(p) for p in _core.bundled_catalog_paths()]


_bundled: Optional[Catalog] = None
_default: Optional[Catalog] = None


def bundled() -> Catalog:
    """The bundled catalog: the Bekasi Renstra's formulas and the LPPD IKK formulas (Tabel 7.5)."""
    global _bundled
    if _bundled is None:
        _bundled = load(bundled_paths())
    return _bundled


def default() -> Catalog:
    """The catalog the module-level functions use: the bundled one plus what :func:`add` added."""
    global _default
    if _default is None:
        _default = bundled()
    return _default


def add(catalog: Union[PathLike, Catalog, Sequence[PathLike]]) -> Catalog:
    """Adds a user catalog (a path, paths or a :class:`Catalog`) to the default catalog, so that
    :func:`get` finds its entries, :func:`test` runs its vectors and plans loaded afterwards
    without a ``catalogs:`` key resolve ``catalog: ID`` in it. Duplicate ids are an error
    (nothing is added then). Returns the new default catalog."""
    extra = catalog if isinstance(catalog, Catalog) else load(catalog)
    return set_default(default().merge(extra))


def set_default(catalog: Union[PathLike, Catalog, Sequence[PathLike]]) -> Catalog:
    """Replaces the default catalog (for this module and, in the C++ core, for the whole process)
    with a regency's own catalog: a path, paths (merged) or a :class:`Catalog`. The bundled
    entries are no longer part of it unless ``catalog`` includes them
    (``bundled().merge(load("mine.yaml"))``). Plans loaded afterwards without a ``catalogs:``
    key resolve ``catalog: ID`` in it, and their checks use it; a plan already loaded keeps its
    catalog. :func:`reset` restores the bundled catalog. Returns the new default catalog."""
    global _default
    new = catalog if isinstance(catalog, Catalog) else load(catalog)
    _core.set_default_catalog(new._core)
    _default = new
    return new


def reset() -> None:
    """Restores the bundled catalog as the default (forgets :func:`add` and :func:`set_default`)."""
    global _default
    _core.set_default_catalog(None)
    _default = None


def get(id: str) -> Entry:
    """The entry ``id`` of the default catalog; :class:`kinerja.UnknownNameError` if unknown."""
    return default().get(id)


def find(id: str) -> Optional[Entry]:
    """The entry ``id`` of the default catalog, or None."""
    return default().find(id)


def entries() -> List[Entry]:
    return default().entries


def ids() -> List[str]:
    return default().ids()


def to_frame(catalog: Optional[Catalog] = None):
    """The entries of ``catalog`` (default: the default catalog) as a DataFrame."""
    return (catalog or default()).to_frame()


def test(path: Union[None, PathLike, Sequence[PathLike], Catalog] = None) -> TestResults:
    """Runs test vectors: of the default catalog when ``path`` is None, else of the given catalog
    file(s) (each loaded on its own, so two versions of one catalog can be tested together) or
    :class:`Catalog`."""
    if path is None:
        return default().test()
    if isinstance(path, Catalog):
        return path.test()
    paths = [path] if isinstance(path, (str, Path)) else list(path)
    results = TestResults()
    for p in paths:
        results.extend(load(p).test())
    return results
