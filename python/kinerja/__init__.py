"""kinerja: typed government performance planning (SAKIP) for Indonesian plans.

Read printed values in either number convention, classify scores on ordinal scales, compute
achievement (capaian) and budget absorption, and audit printed achievement::

    >>> import kinerja
    >>> kinerja.parse_value("1 : 4.000").number
    4000.0
    >>> kinerja.classify("KLA", 742.34)
    'Nindya'
    >>> kinerja.achievement("CC (60)", "BB (72.79)", rounding="half_up")
    121.32
    >>> kinerja.audit_achievement("0.040%", "0.024%", "0.60", polarity="lower").expected
    1.67

The compiled core is the private module ``kinerja._core``.
"""

from __future__ import annotations

try:
    from . import _core
except ImportError as exc:  # pragma: no cover - only when the package was not built
    raise ImportError(
        "kinerja's compiled module kinerja._core could not be imported. Build it with "
        "`scripts/setup` (installs into .venv) or `cmake -S . -B build -DKINERJA_BUILD_PYTHON=ON "
        "&& cmake --build build` and put build/python on PYTHONPATH. Original error: " + str(exc)
    ) from exc

from ._api import (
    AchievementResult,
    AuditMatch,
    AuditResult,
    Band,
    Level,
    ParsedNumber,
    Scale,
    UnitInfo,
    Value,
    absorption,
    achievement,
    achievement_detail,
    audit_achievement,
    category,
    classify,
    format_number,
    format_value,
    get_scale,
    mean_achievement,
    parse_number,
    parse_value,
    register_scale,
    register_unit,
    scale_names,
    unit_info,
    unit_words,
)
from .errors import ArgumentError, FormulaError, KinerjaError, ParseError, PlanFileError, UndefinedError, UnknownNameError
from .formula import Formula
from .plan import Change, Finding, Indicator, Node, Plan, bundled_plan, bundled_plan_path, check_rules, finding_to_dict, load_plan
from .report import Report, Section, build_report
from . import indices

__version__: str = _core.__version__

__all__ = [
    "__version__",
    "AchievementResult",
    "ArgumentError",
    "Change",
    "Finding",
    "Formula",
    "FormulaError",
    "Indicator",
    "Node",
    "Plan",
    "PlanFileError",
    "Report",
    "Section",
    "build_report",
    "bundled_plan",
    "bundled_plan_path",
    "check_rules",
    "finding_to_dict",
    "load_plan",
    "AuditMatch",
    "AuditResult",
    "Band",
    "KinerjaError",
    "Level",
    "ParseError",
    "ParsedNumber",
    "Scale",
    "UndefinedError",
    "UnitInfo",
    "UnknownNameError",
    "Value",
    "absorption",
    "achievement",
    "achievement_detail",
    "audit_achievement",
    "category",
    "classify",
    "format_number",
    "format_value",
    "get_scale",
    "indices",
    "mean_achievement",
    "parse_number",
    "parse_value",
    "register_scale",
    "register_unit",
    "scale_names",
    "unit_info",
    "unit_words",
]
