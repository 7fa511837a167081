"""Numbers from Python values: one reader for the columns and arguments of formulas and indices."""

from __future__ import annotations

import numbers
from decimal import Decimal
from typing import Any, List, Tuple


def numbers_of(label: str, value: Any) -> Any:
    """``value`` (a number, a sequence, a numpy array or a pandas column) as float64, with None
    and pandas' NA as NaN; numpy float64 arrays and float columns are used in place, integers
    (also pandas' nullable ones) and Decimals converted. Text is refused, not converted: numpy
    would read "1.000" as 1.0 where an Indonesian reader means one thousand (printed cells are
    read with kinerja.parse_value): a ValueError. Booleans and other objects are a TypeError.
    ``label`` names the value in the error ('column "a"', 'argument 2 of ipm')."""
    import numpy as np

    dtype = getattr(value, "dtype", None)
    kind = getattr(dtype, "kind", None)
    if kind == "f" and isinstance(dtype, np.dtype):
        return np.asarray(value, dtype=float)  # float64 in place
    if kind in ("f", "i", "u"):  # integers, and pandas' nullable types (whose NA becomes NaN)
        if hasattr(value, "to_numpy"):
            return value.to_numpy(dtype=float, na_value=np.nan)
        return np.asarray(value, dtype=float)
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_)):
        return np.asarray(float(value))
    raw = np.asarray(value.to_numpy(dtype=object) if hasattr(value, "to_numpy") else value, dtype=object)
    flat = raw.reshape(-1)
    for x in flat:
        if x is None or is_na(x) or isinstance(x, Decimal) or (
                isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))):
            continue
        if isinstance(x, (str, bytes)):  # the right type for a printed cell, but not a number yet
            raise ValueError(f"{label} holds text ({x!r}), not numbers; read printed cells with kinerja.parse_value")
        raise TypeError(f"{label} holds {type(x).__name__} ({x!r}), not numbers")
    return np.array([np.nan if x is None or is_na(x) else float(x) for x in flat], dtype=float).reshape(raw.shape)


def broadcast_columns(*labelled: Tuple[str, Any]) -> List[Any]:
    """Several ``(label, value)`` as contiguous float64 arrays of one shape (numpy broadcasting),
    each read by :func:`numbers_of`."""
    import numpy as np

    arrays = np.broadcast_arrays(*[numbers_of(label, value) for label, value in labelled])
    return [np.ascontiguousarray(a) for a in arrays]


def as_scalar(x: Any) -> Any:
    """A 0-d numeric numpy array (``np.array(2.5)``, ``np.float64`` from a reduction) as the Python
    number it holds; anything else unchanged. Functions that give a number for numbers then give
    one for these too, not an array of one element."""
    dtype = getattr(x, "dtype", None)
    if getattr(x, "ndim", None) == 0 and getattr(dtype, "kind", "") in ("f", "i", "u") and hasattr(x, "item"):
        return x.item()
    return x


def is_na(x: Any) -> bool:
    """pandas.NA (without importing pandas)."""
    return type(x).__name__ == "NAType"


def cells_of(value: Any) -> Any:
    """A column (or one cell) as a numpy object array of its cells as given, pandas' NA as None:
    for reading printed text cell by cell."""
    import numpy as np

    raw = value.to_numpy(dtype=object) if hasattr(value, "to_numpy") else value
    cells = np.array(raw, dtype=object, copy=True)
    flat = cells.reshape(-1)
    for i, x in enumerate(flat):
        if is_na(x):
            flat[i] = None
    return cells
