"""Formulas: a safe, unit-checked, vectorized formula language (docs/formulas.md).

>>> import kinerja
>>> f = kinerja.Formula("cases / women * 100_000", units={"cases": "Orang", "women": "Orang"})
>>> f.unit
'per 100.000'
>>> round(f.evaluate({"cases": 208, "women": 906_000}), 2)
22.96
"""

from __future__ import annotations

import math
import numbers
from typing import Any, Dict, Mapping, Optional

from . import _core
from ._numbers import as_scalar, numbers_of

__all__ = ["Formula"]


class Formula:
    """A formula compiled once and evaluated on scalars, numpy arrays or pandas columns.

    ``units`` maps variable names to unit words (``"Orang"``, ``"Rupiah"``, ``"Persen"``...); the
    compiled formula knows its result's unit and rejects dimensionally wrong formulas with the
    column of the mistake. ``missing`` is ``"propagate"`` (default: a missing input makes the
    result missing) or ``"zero"``. Errors raise :class:`kinerja.FormulaError` (a ``ValueError``)
    with ``.column`` (1-based) and a message that shows the formula with a caret.
    """

    def __init__(self, text: str, units: Optional[Mapping[str, str]] = None, missing: str = "propagate") -> None:
        if not isinstance(text, str):
            raise TypeError(f"a formula is text, got {type(text).__name__}")
        self._core = _core.Formula(text, dict(units or {}), missing)

    text = property(lambda self: self._core.text)
    variables = property(lambda self: list(self._core.variables), doc="variable names, in order of appearance")
    unit = property(lambda self: self._core.unit, doc="the result's unit as text ('%', 'per 100.000', 'Rupiah', '?')")
    dimension = property(lambda self: self._core.dimension)
    missing = property(lambda self: self._core.missing)

    def __repr__(self) -> str:
        return f"Formula({self.text!r}, unit={self.unit!r})"

    def _columns(self, data: Any):
        import numpy as np

        families = set(self.variables)
        used = lambda name: str(name).split("[", 1)[0].strip() in families  # noqa: E731 - only what the formula reads
        if _is_frame(data):
            items = {str(c): numbers_of(f'column "{c}"', data[c]) for c in data.columns if used(c)}
        else:
            items = {k: numbers_of(f'column "{k}"', v) for k, v in _mapping(data).items() if used(k)}
        names, arrays = [], []
        rows = None
        for name, arr in items.items():
            if arr.ndim == 0:
                continue
            rows = arr.shape[0] if rows is None else rows
            names.append(str(name))
            arrays.append(arr)
        # scalars broadcast against the columns
        for name, arr in items.items():
            if arr.ndim == 0:
                names.append(str(name))
                arrays.append(np.full(rows or 0, float(arr)))
        return names, arrays

    def evaluate(self, data: Any, group: Any = None, year: Any = None, threads: int = 0, out: Any = None):
        """Evaluate on ``data``: a mapping of names to numbers or arrays, or a pandas DataFrame.

        All scalars give a float (NaN when missing); arrays and DataFrames give a numpy float array
        (one value per row) with NaN where the result is missing. A variable given as ``None`` or
        NaN is missing data; a variable not given at all raises :class:`kinerja.ArgumentError`
        (``kinerja.argument.formula_data``) naming every absent variable and the formula, for
        scalars as for columns. Only the columns the formula uses are read. Disaggregated variables are columns named ``name[dim=value,...]``.
        ``group`` and ``year`` (arrays of integers) give ``previous()`` and ``ytd()`` their periods.
        ``threads`` (0: all cores) splits large inputs; ``out`` (a contiguous float64 array of one
        value per row) receives the result instead of a new array, as numpy's ``out=`` does.

        Columns are numbers: float64 arrays and columns are read in place, integers (also pandas'
        nullable ones) converted, ``None``/``NA`` taken as missing. Text raises a ``ValueError``
        naming the column (booleans and other objects a ``TypeError``) (numpy would read the text ``"1.000"`` as 1.0, where an
        Indonesian reader means one thousand: read printed cells with ``kinerja.parse_value``).
        """
        import numpy as np

        if isinstance(threads, bool) or not isinstance(threads, numbers.Integral) or threads < 0:
            raise ValueError(f"threads is a whole number >= 0 (0: all cores), got {threads!r}")
        if not _is_frame(data) and all(_scalar(v) for v in _mapping(data).values()):
            value, _ = self._core.evaluate_scalar({k: _float(k, v) for k, v in _mapping(data).items()})
            return math.nan if value is None else value
        names, arrays = self._columns(data)
        g = None if group is None else np.asarray(group, dtype=np.int64)
        y = None if year is None else np.asarray(year, dtype=np.int64)
        return self._core.evaluate_columns(names, arrays, g, y, int(threads), out)

    def explain(self, data: Any, group: Any = None, year: Any = None):
        """Why each result is missing: ``"none"``, ``"missing input"``, ``"division by zero"``,
        ``"outside the function's domain"``, ``"not finite"`` or ``"no previous period"`` (a string
        for scalar data, a list for columns). A variable absent from ``data`` raises, as in
        :meth:`evaluate`."""
        import numpy as np

        if not _is_frame(data) and all(_scalar(v) for v in _mapping(data).values()):
            return self._core.evaluate_scalar({k: _float(k, v) for k, v in _mapping(data).items()})[1]
        names, arrays = self._columns(data)
        g = None if group is None else np.asarray(group, dtype=np.int64)
        y = None if year is None else np.asarray(year, dtype=np.int64)
        return list(self._core.diagnose_columns(names, arrays, g, y))


def _scalar(v: Any) -> bool:
    return v is None or isinstance(v, numbers.Real)


def _float(name: Any, v: Any) -> float:
    if v is None:
        return math.nan
    if isinstance(v, bool):
        raise TypeError(f'"{name!s}": a boolean is not a number')
    return float(v)  # _scalar() let only None and real numbers through


def _is_frame(data: Any) -> bool:
    return hasattr(data, "columns") and hasattr(data, "__getitem__") and not isinstance(data, Mapping)


def _mapping(data: Any) -> Dict[Any, Any]:
    """``data`` as a dict, or a TypeError that says what evaluate takes."""
    if isinstance(data, Mapping):
        return {k: as_scalar(v) for k, v in data.items()}
    if hasattr(data, "keys") and hasattr(data, "__getitem__"):  # a pandas Series (one row), ...
        return {k: as_scalar(data[k]) for k in data.keys()}
    raise TypeError("data is a mapping of variable names to numbers or arrays, or a pandas DataFrame; "
                    f"got {type(data).__name__}")
