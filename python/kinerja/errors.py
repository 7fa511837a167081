"""kinerja's errors.

Every error carries a stable ``id`` (``kinerja.<area>.<what>``, listed in docs/errors.md) and
derives from both :class:`KinerjaError` and the matching built-in exception, so that
``except ValueError`` works as Python users expect. Errors keep their structured fields and
pickle.
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = ["KinerjaError", "ParseError", "FormulaError", "PlanFileError", "UnknownNameError", "ArgumentError", "UndefinedError"]


class KinerjaError(Exception):
    """Base of every kinerja error. ``id`` is the stable error identifier."""

    def __init__(self, message: str, id: Optional[str] = None, **fields: Any) -> None:
        super().__init__(message)
        self.message = message
        self.id = id
        self._fields = fields
        for key, value in fields.items():
            setattr(self, key, value)

    def __reduce__(self):  # keep structured fields across pickling
        return (_rebuild, (type(self), self.message, self.id, self._fields))

    def __str__(self) -> str:
        return self.message


def _rebuild(cls, message, id, fields):
    return cls(message, id=id, **fields)


class ParseError(KinerjaError, ValueError):
    """Text that cannot be read. Fields: ``text``, ``position`` (0-based), ``column``
    (1-based), ``reason``."""

    text: str
    position: int
    reason: str

    @property
    def column(self) -> int:
        return int(getattr(self, "position", 0)) + 1


class FormulaError(ParseError):
    """A formula that cannot be compiled (a ``ValueError``). Fields: ``text`` (the formula),
    ``position`` (0-based), ``column`` (1-based), ``reason``, ``expected``; the message shows the
    formula with a caret under the spot."""

    expected: str


class PlanFileError(KinerjaError, ValueError):
    """A plan file (YAML or CSV) that cannot be read or does not follow its format. Fields:
    ``file``, ``line`` and ``column`` (1-based; 0 when unknown), ``reason``."""

    file: str
    line: int
    column: int
    reason: str


class UnknownNameError(KinerjaError, LookupError):
    """A unit word, scale, level, method or setting that is not known. Field: ``name``."""

    name: str


class ArgumentError(KinerjaError, ValueError):
    """An invalid argument or definition (e.g. a method that does not fit the polarity)."""


class UndefinedError(KinerjaError, ValueError):
    """A result that is not defined for its inputs (achievement against a zero target)."""
