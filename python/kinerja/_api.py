"""The public functions of kinerja, a Pythonic layer over the compiled ``kinerja._core``."""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from typing import Any, Iterable, Optional, Sequence, Union

from . import _core
from ._numbers import as_scalar, broadcast_columns, cells_of
from .errors import ArgumentError

Value = _core.Value
ParsedNumber = _core.ParsedNumber
UnitInfo = _core.UnitInfo
Band = _core.Band
Level = _core.Level
AchievementResult = _core.AchievementResult
AuditResult = _core.AuditResult
AuditMatch = _core.AuditMatch
TargetCheck = _core.TargetCheck

Printed = Union[str, float, int, "Value", None]

__all__ = [
    "Value", "ParsedNumber", "UnitInfo", "Band", "Level", "Scale", "AchievementResult", "AuditResult",
    "AuditMatch", "parse_number", "format_number", "parse_value", "format_value", "classify", "get_scale",
    "scale_names", "register_scale", "register_unit", "unit_info", "unit_words", "achievement",
    "achievement_detail", "absorption", "category", "mean_achievement", "audit_achievement",
    "TargetCheck", "check_target", "load_units", "nearest_units",
]


# --------------------------------------------------------------------------- numbers and values

def parse_number(text: str, ambiguous: str = "reject", minimum: Optional[float] = None,
                 maximum: Optional[float] = None, convention: Optional[str] = None) -> ParsedNumber:
    """Read a number printed in either convention (``1.234.567,89`` or ``1,234,567.89``).

    ``ambiguous`` settles ``1.000``-like forms: ``"reject"`` (default; a range given by
    ``minimum``/``maximum`` may still settle it), ``"grouping"`` or ``"decimal"``.
    ``convention`` (``"indonesian"`` or ``"english"``), when the text is known to be printed in
    one, settles them first: ``.`` groups thousands in Indonesian and marks decimals in English.

    >>> parse_number("1.234.567,89").value
    1234567.89
    >>> parse_number("742,340", minimum=0, maximum=1000).value
    742.34
    >>> parse_number("18.221", convention="english").value
    18.221
    """
    return _core.parse_number(text, ambiguous, minimum, maximum, convention)


def format_number(value: Union[float, int, Decimal], convention: str = "indonesian", decimals: int = 2,
                  group: bool = True) -> str:
    """Write a number in ``"indonesian"`` (``1.234,50``) or ``"english"`` (``1,234.50``) convention.

    An ``int`` or ``decimal.Decimal`` is written exactly (up to 18 digits, else
    :class:`kinerja.ArgumentError` ``kinerja.argument.amount_range``), never through a float:
    ``format_number(9_007_199_254_740_993, decimals=0)`` is ``'9.007.199.254.740.993'``.

    >>> format_number(1234.5)
    '1.234,50'
    """
    if isinstance(value, Decimal) or (isinstance(value, numbers.Integral) and not isinstance(value, bool)):
        if isinstance(value, Decimal) and not value.is_finite():
            raise ArgumentError("cannot format a number that is not finite", "kinerja.argument.not_finite")
        return _core.format_exact(format(value, "f") if isinstance(value, Decimal) else str(int(value)),
                                  convention, decimals, group)
    return _core.format_number(float(value), convention, decimals, group)


def parse_value(text: str, context: Optional[str] = None, convention: Optional[str] = None) -> Value:
    """Read one printed cell of a plan as a typed :class:`Value`.

    ``context`` is a unit word (``"Rupiah"``, ``"Persen"``, ``"Orang"``, ``"index"``...) or a
    scale name (``"KLA"``, ``"AKIP"``, ``"APE"``) that settles ambiguous forms. ``convention``
    (``"indonesian"`` or ``"english"``), when the cell is known to be printed in one (an
    indicator's declared convention), settles them before the context does. Raises
    :class:`kinerja.ParseError` (a ``ValueError``) naming the text, the column and the reason.

    >>> parse_value("BB (75.10)").grade
    'BB'
    >>> parse_value("742,340", "KLA").level
    'Nindya'
    >>> parse_value("737Orang/bulan").unit
    'Orang/bulan'
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_value expects text (str), got {type(text).__name__}")
    return _core.parse_value(text, context, convention)


def format_value(value: Value, convention: str = "indonesian", decimals: Optional[int] = None) -> str:
    """Write a value back in a convention; ``decimals`` defaults to its printed precision.

    >>> format_value(parse_value("1 : 4.000"), "english")
    '1 : 4,000'
    """
    return _core.format_value(value, convention, decimals)


def _is_scalar(x: Any) -> bool:
    return x is None or isinstance(x, (str, numbers.Real, Value))


def _to_value(x: Printed, context: Optional[str] = None, decimals: Optional[int] = None) -> Value:
    x = as_scalar(x)
    if isinstance(x, Value):
        return x
    if x is None:
        return _core.missing_value()
    if isinstance(x, str):
        return _core.parse_value(x, context)
    if isinstance(x, bool):
        raise TypeError("a boolean is not a value")
    if isinstance(x, numbers.Real):
        f = float(x)
        if math.isnan(f):
            return _core.missing_value()
        # a number is exact unless `decimals` says it was printed (rounded) to that many
        return _core.make_value(f, None, -1 if decimals is None else decimals)
    raise TypeError(f"expected printed text, a number, a kinerja.Value or None, got {type(x).__name__}")


def _plain_number(x: Any) -> bool:
    return x is None or (isinstance(x, numbers.Real) and not isinstance(x, bool))


def _optional_float(x: Any) -> Optional[float]:
    if x is None:
        return None
    f = float(x)
    return None if math.isnan(f) else f


def _arrays(a: Any, b: Any, names=("target", "realization")):
    return broadcast_columns((names[0], a), (names[1], b))


def _cell_by_cell(fn, a: Any, b: Any):
    """``fn`` on each pair of cells of two columns that hold printed text (broadcast against each
    other), as a float array with NaN where the result is missing or undefined. A cell that cannot
    be read raises, naming its text."""
    import numpy as np

    from .errors import UndefinedError

    cells_a, cells_b = np.broadcast_arrays(cells_of(a), cells_of(b))
    out = np.empty(cells_a.shape, dtype=float)
    for index in np.ndindex(cells_a.shape):
        try:
            value = fn(cells_a[index], cells_b[index])
        except UndefinedError:
            value = None
        out[index] = math.nan if value is None else value
    return out


def like_input(result, *inputs):
    """Return a pandas Series when an input was one (same index), else the numpy array."""
    for x in inputs:
        if type(x).__name__ == "Series" and hasattr(x, "index"):
            import pandas as pd

            return pd.Series(result, index=x.index, name=getattr(x, "name", None))
    return result


# --------------------------------------------------------------------------- scales

class Scale(_core.Scale):
    """An ordinal scale: levels lowest first, each optionally with a score band.

    Levels may be given as names (no bands), ``(name, band)``, ``(name, band, aliases)``,
    dicts ``{"name": ..., "band": "(30, 50]", "aliases": [...]}`` or :class:`Level` objects.
    Bands use interval notation: ``[`` includes an edge, ``(`` excludes it.

    >>> s = Scale("Bintang", [("Satu", "[0,50)"), ("Dua", "[50,80)"), ("Tiga", "[80,100]")])
    >>> s.classify(80)
    'Tiga'
    """

    def __init__(self, name: str, levels: Iterable[Any], description: str = "") -> None:
        super().__init__(name, [_to_level(item) for item in levels], description)

    @classmethod
    def from_dict(cls, data: dict) -> "Scale":
        """Build a scale from ``{"name": ..., "levels": [...], "description": ...}``."""
        return cls(data["name"], data["levels"], data.get("description", ""))


def _band(b: Any) -> Optional[Band]:
    if b is None or isinstance(b, Band):
        return b
    if isinstance(b, str):
        return Band.parse(b)
    raise TypeError(f"a band is interval text like '(30, 50]' or a kinerja.Band, got {type(b).__name__}")


def _to_level(item: Any) -> Level:
    if isinstance(item, Level):
        return item
    if isinstance(item, str):
        return Level(item)
    if isinstance(item, dict):
        return Level(item["name"], _band(item.get("band")), list(item.get("aliases", [])))
    if isinstance(item, (tuple, list)) and 1 <= len(item) <= 3:
        name = item[0]
        band = _band(item[1]) if len(item) > 1 else None
        aliases = list(item[2]) if len(item) > 2 else []
        return Level(name, band, aliases)
    raise TypeError(f"cannot make a scale level from {item!r}")


def classify(scale_name: str, score: float) -> str:
    """The level of ``score`` on a registered scale.

    >>> classify("KLA", 742.34)
    'Nindya'
    >>> classify("AKIP", 60)
    'CC'
    """
    return _core.classify(scale_name, float(score))


def get_scale(name: str) -> _core.Scale:
    """A registered scale by name (``"KLA"``, ``"KLA-printed"``, ``"APE"``, ``"AKIP"``, ``"capaian"``)."""
    return _core.get_scale(name)


def scale_names() -> list:
    """Names of the registered scales."""
    return _core.scale_names()


def register_scale(scale: _core.Scale, replace: bool = False) -> None:
    """Register a scale so that ``classify`` and ``parse_value`` contexts know it."""
    _core.register_scale(scale, replace)


# --------------------------------------------------------------------------- units

_DIMENSIONS = {"1": {}, "none": {}, "money": {"money": 1}, "person": {"person": 1}, "item": {"item": 1},
               "time": {"time": 1}, "person/time": {"person": 1, "time": -1}, "item/time": {"item": 1, "time": -1},
               "length": {"length": 1}, "area": {"length": 2}, "volume": {"length": 3}, "mass": {"mass": 1},
               "volume/time": {"length": 3, "time": -1}, "length/time": {"length": 1, "time": -1}}


def register_unit(name: str, kind: str = "count", dimension: str = "item", factor: float = 1.0,
                  aliases: Sequence[str] = (), ambiguous: Optional[str] = None, minimum: Optional[float] = None,
                  maximum: Optional[float] = None, description: str = "", replace: bool = False) -> None:
    """Register a satuan (unit) word.

    ``kind`` is the kind of a plain number with this unit (``"count"``, ``"number"``,
    ``"percent"``, ``"money"``, ``"predicate"``); ``dimension`` one of
    ``"1"``, ``"money"``, ``"person"``, ``"item"``, ``"time"``, ``"person/time"``,
    ``"item/time"``, ``"length"``, ``"area"``, ``"volume"``, ``"mass"``, ``"volume/time"``,
    ``"length/time"``; ``ambiguous`` how ``1.000`` reads with it (default: ``"grouping"`` for
    counts and money, ``"reject"`` otherwise).

    >>> register_unit("Lumbung", aliases=["Lumbung Pangan"], description="village grain stores")
    >>> parse_value("12 Lumbung").kind
    'count'
    """
    if dimension not in _DIMENSIONS:
        raise ValueError(f"unknown dimension {dimension!r}; use one of {sorted(_DIMENSIONS)}")
    exps = _DIMENSIONS[dimension]
    if ambiguous is None:
        ambiguous = "grouping" if kind in ("count", "money") else "reject"
    _core.register_unit(name, kind, exps.get("money", 0), exps.get("person", 0), exps.get("item", 0),
                        exps.get("time", 0), float(factor), list(aliases), ambiguous, minimum, maximum,
                        description, replace, exps.get("length", 0), exps.get("mass", 0))


def load_units(path: str) -> list:
    """Register the unit words declared in a YAML file (``units:``, the shape of a plan's section;
    docs/plan-format.md, Units) for this process; returns their names. ``kinerja check --units``
    calls it. Raises :class:`kinerja.PlanFileError` naming the declaration that cannot be read or
    registered (a word already known is refused)."""
    return _core.load_units(str(path))


def nearest_units(word: str, count: int = 3) -> list:
    """Up to ``count`` registered unit words nearest ``word``.

    >>> nearest_units("Dukumen", 1)
    ['Dokumen']
    """
    return _core.nearest_units(word, count)


def check_target(target: Printed, realization: Printed, unit: Optional[str] = None) -> TargetCheck:
    """Check a realization against a bound (``"<22"``, ``"minimal 80"``) or range (``"80 - 85%"``)
    target: ``status`` is ``"met"``/``"not met"`` for a bound, ``"within"``/``"below"``/``"above"``
    for a range (None when they cannot be compared), ``distance`` how far the realization is from
    meeting it (0 when met). docs/achievement.md.

    >>> r = check_target("<22", "25")
    >>> r.status, r.distance
    ('not met', 3.0)
    >>> check_target("80 - 85%", "78%").status
    'below'
    """
    return _core.check_target(_to_value(target, unit), _to_value(realization, unit))


def unit_info(word: str) -> UnitInfo:
    """What a satuan word means (name, kind, dimension, factor)."""
    return _core.unit_info(word)


def unit_words() -> list:
    """Every registered unit word (lower-cased)."""
    return _core.unit_words()


# --------------------------------------------------------------------------- achievement

def achievement(target: Any, realization: Any, polarity: str = "higher", method: Optional[str] = None,
                rounding: str = "none", decimals: int = 2, cap: Optional[float] = None,
                unit: Optional[str] = None):
    """Achievement (capaian) in percent.

    ``polarity`` is ``"higher"`` or ``"lower"`` (is better); ``method`` defaults to ``"direct"``
    (realization / target x 100) for higher and ``"inverse"`` (target / realization x 100) for
    lower; ``"complement"`` ((2 - realization / target) x 100) and ``"reduction"``
    ((target - realization) / target x 100) are the other lower-is-better methods.
    ``rounding`` is ``"none"``, ``"half_up"`` or ``"truncate"`` to ``decimals``; ``cap`` limits
    the result (e.g. 100, 120, 150).

    Target and realization may be numbers, printed text (``"1 : 4.000"``, ``"BB (75.10)"``,
    ``"Nindya"``; ``unit`` is the row's satuan or scale) or :class:`Value`. Ratios ``1 : N``
    compare as rates 1/N; grades by score; predicates by position on their scale.
    Returns a float, or None when an input is missing. Arrays (numpy, lists, pandas Series)
    give an array (a Series for Series input) with NaN where missing or undefined; columns of
    printed text (a plan's ``target`` and ``realization`` columns) are read cell by cell.
    Raises :class:`kinerja.UndefinedError` for an undefined scalar result (zero target).

    >>> achievement(53.24, 84.14, rounding="truncate")
    158.03
    >>> achievement("1 : 4.250", "1 : 4.347", polarity="lower", rounding="half_up")
    102.28
    """
    target, realization = as_scalar(target), as_scalar(realization)
    if not (_is_scalar(target) and _is_scalar(realization)):
        try:
            t, r = _arrays(target, realization)
        except ValueError:  # printed text: read cell by cell, as one pair would be
            out = _cell_by_cell(lambda x, y: achievement(x, y, polarity, method, rounding, decimals, cap, unit),
                                target, realization)
            return like_input(out, target, realization)
        out = _core.achievement_array(t, r, polarity, method, rounding, decimals, cap)
        return like_input(out, target, realization)
    if _plain_number(target) and _plain_number(realization):
        return _core.achievement_scalar(_optional_float(target), _optional_float(realization), polarity, method,
                                        rounding, decimals, cap)
    return achievement_detail(target, realization, polarity, method, rounding, decimals, cap, unit).percent


def achievement_detail(target: Any, realization: Any, polarity: str = "higher", method: Optional[str] = None,
                       rounding: str = "none", decimals: int = 2, cap: Optional[float] = None,
                       unit: Optional[str] = None) -> AchievementResult:
    """Like :func:`achievement` for one pair, returning how it was obtained: ``percent``,
    ``attainment`` (``"met"``, ``"exceeded"``, ``"not met"``), ``method``, ``basis``.

    >>> achievement_detail("Madya", "Nindya").attainment
    'exceeded'
    """
    return _core.achievement_values(_to_value(target, unit), _to_value(realization, unit), polarity, method,
                                    rounding, decimals, cap)


def absorption(budget: Any, realized: Any, rounding: str = "none", decimals: int = 2):
    """Budget absorption, realized / budget x 100, in percent.

    Amounts may be numbers or printed money (``"Rp. 22.275.313.470,-"``, ``"8,958,876,144"``).
    Returns None when an amount is missing; arrays give arrays (NaN where the budget is 0 or an
    amount is negative), and columns of printed money are read cell by cell. A zero budget or a
    negative amount is a :class:`kinerja.UndefinedError` (``kinerja.undefined.zero_budget``,
    ``kinerja.undefined.negative_amount``).

    >>> absorption("10,000,000", "8,997,000")
    89.97
    """
    budget, realized = as_scalar(budget), as_scalar(realized)
    if not (_is_scalar(budget) and _is_scalar(realized)):
        try:
            b, r = _arrays(budget, realized, ("budget", "realized"))
        except ValueError:  # printed money: read cell by cell, as one pair would be
            out = _cell_by_cell(lambda x, y: absorption(x, y, rounding, decimals), budget, realized)
            return like_input(out, budget, realized)
        return like_input(_core.absorption_array(b, r, rounding, decimals), budget, realized)

    def amount(x: Any) -> Optional[float]:
        if isinstance(x, bool):
            raise TypeError("a boolean is not an amount of money")
        v = _to_value(x, "Rupiah")
        if v.kind not in ("money", "number", "missing"):
            raise ArgumentError(f"an amount of money is expected, got a {v.kind} ({v.text or v!r})",
                                id="kinerja.argument.incomparable")
        return v.number

    return _core.absorption_scalar(amount(budget), amount(realized), rounding, decimals)


def category(achievement: float, scale: str = "capaian") -> str:
    """The category of an achievement; default bands of Permendagri 86/2017 evaluations.

    >>> category(158.03)
    'Sangat Tinggi'
    """
    return _core.category(float(achievement), scale)


def mean_achievement(achievements: Iterable[Optional[float]], weights: Optional[Sequence[float]] = None,
                     skip_missing: bool = True) -> Optional[float]:
    """Mean achievement over indicators (None/NaN entries skipped unless ``skip_missing`` is False).

    >>> mean_achievement([100.0, None, 80.0])
    90.0
    """
    values = [_optional_float(a) for a in achievements]
    return _core.mean_achievement(values, list(weights) if weights is not None else [], skip_missing)


def audit_achievement(target: Any, realization: Any, reported: Any, polarity: Optional[str] = None,
                      unit: Optional[str] = None, decimals: Optional[int] = None, scale: Optional[str] = None,
                      input_precision: bool = True) -> AuditResult:
    """Check whether a printed achievement follows from its printed target and realization.

    Tries every accepted method for the polarity (both when ``polarity`` is None), with and
    without a cap at 100, rounding half up or truncating to 0, 1 or 2 decimals, reading the
    printed value as a percent or a fraction (``scale`` forces one), and allowing for the
    precision of printed inputs. Returns an :class:`AuditResult` with ``consistent`` (True,
    False, None when a value is missing), ``expected`` and ``methods``.

    Printed text (``"66,7"``) stands for every number that rounds to it; a number (``0.030``) is
    exact, unless ``decimals`` says the target and realization were printed to that many decimals.

    >>> audit_achievement(0.030, 0.029, 116.0, polarity="lower").consistent
    False
    >>> audit_achievement(0.030, 0.029, 116.0, polarity="lower", decimals=2).consistent
    True

    >>> r = audit_achievement("1 : 4.250", "1 : 4.347", "0.97", polarity="lower")
    >>> r.consistent, r.expected
    (False, 1.02)
    """
    if decimals is not None and (isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral)
                                 or not 0 <= decimals <= 15):
        raise ArgumentError(f"decimals must be a whole number from 0 to 15, got {decimals!r}",
                            "kinerja.argument.decimals")
    t = _to_value(target, unit, decimals)
    r = _to_value(realization, unit, decimals)
    if isinstance(reported, str):
        rep = _core.parse_reported_achievement(reported)
    else:
        rep = _to_value(reported)
    return _core.audit(t, r, rep, polarity, scale, input_precision)
