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

Whole plans (Renstra) load, check, compare and tabulate as pandas DataFrames::

    >>> plan = kinerja.bundled_plan()          # Kota Bekasi DPPPA, Perubahan Renstra 2024-2026
    >>> frame = plan.to_frame()                # one row per indicator-year, with achievement
    >>> findings = plan.check()                # kinerja.Findings: .to_frame(), .summary()
    >>> changes = plan.version_of("awal").diff(plan)   # kinerja.Changes: .to_frame()
    >>> frames = kinerja.build_report(plan).to_frames()

Main names:

- values: ``parse_value``, ``format_value``, ``parse_number``, ``format_number``, ``Value``;
- scales and units: ``classify``, ``Scale``, ``get_scale``, ``register_scale``,
  ``register_unit``, ``unit_info``, ``load_units``, ``nearest_units``, ``check_target``;
- achievement: ``achievement``, ``achievement_detail``, ``absorption``, ``category``,
  ``mean_achievement``, ``audit_achievement``;
- plans: ``Plan``, ``load_plan``, ``bundled_plan``, ``Findings``, ``Changes``,
  ``IndicatorView``, ``findings_frame``, ``changes_frame``, ``check_rules``;
- reports: ``build_report``, ``Report``, ``Section``; the LKjIP tables of a year: ``build_lkjip_report``,
  ``Plan.report(layout="lkjip", year=Y)`` (docs/lkjip.md);
- many plans: ``load_plans``, ``PlanSet``, ``find_plan_files``, ``PlanFindings``, ``PlanLoadError``
  (docs/batch.md);
- errors: ``KinerjaError`` and its subclasses (each also a built-in error);
- ``kinerja.plots`` (matplotlib), ``kinerja.display`` (HTML for Jupyter) and ``kinerja.dask``
  (many plans on a Dask cluster), imported on use.

In Jupyter, plans, indicator views, findings, changes and reports display as HTML tables.
The compiled core is the private module ``kinerja._core``; see docs/python-guide.md and
docs/python-api.md.
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

# The compiled core finds the bundled plans, catalog and rules in the data this package carries,
# unless KINERJA_DATA_DIR names another directory.
import os as _os

if not _os.environ.get("KINERJA_DATA_DIR"):
    _core.set_data_directory(_os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "data"))

from ._api import (
    AchievementResult,
    AuditMatch,
    AuditResult,
    Band,
    Level,
    ParsedNumber,
    Scale,
    TargetCheck,
    UnitInfo,
    Value,
    absorption,
    achievement,
    achievement_detail,
    audit_achievement,
    category,
    check_target,
    classify,
    format_number,
    format_value,
    get_scale,
    load_units,
    mean_achievement,
    nearest_units,
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
from .results import Changes, Findings
from .tables import changes_frame, findings_frame
from ._files import shown_location, shown_path
from .plan import (
    Change,
    Finding,
    Indicator,
    IndicatorView,
    LoadLimits,
    Node,
    Plan,
    Total,
    bundled_plan,
    bundled_plan_path,
    check_rules,
    finding_to_dict,
    Rule,
    RuleSet,
    load_plan,
    load_plan_csv,
    load_plan_file,
    load_plan_xlsx,
    load_rules,
    standard_rules_path,
    shipped_rules,
)
from .report import Report, Section, build_report
from .report import build_lkjip_report
from .batch import PlanFinding, PlanFindings, PlanLoadError, PlanSet, find_plan_files, load_plans
from . import indices
from . import catalog

__version__: str = _core.__version__

__all__ = [
    "__version__",
    "AchievementResult",
    "ArgumentError",
    "Change",
    "Changes",
    "Finding",
    "Findings",
    "Formula",
    "FormulaError",
    "Indicator",
    "IndicatorView",
    "LoadLimits",
    "Node",
    "Total",
    "Plan",
    "PlanFileError",
    "Report",
    "Section",
    "build_report",
    "build_lkjip_report",
    "bundled_plan",
    "bundled_plan_path",
    "changes_frame",
    "check_rules",
    "finding_to_dict",
    "findings_frame",
    "indices",
    "catalog",
    "load_plan",
    "load_plan_csv",
    "load_plan_file",
    "load_plan_xlsx",
    "load_rules",
    "Rule",
    "RuleSet",
    "standard_rules_path",
    "shipped_rules",
    "AuditMatch",
    "AuditResult",
    "Band",
    "KinerjaError",
    "Level",
    "ParseError",
    "ParsedNumber",
    "Scale",
    "TargetCheck",
    "UndefinedError",
    "UnitInfo",
    "UnknownNameError",
    "Value",
    "absorption",
    "achievement",
    "achievement_detail",
    "audit_achievement",
    "category",
    "check_target",
    "classify",
    "format_number",
    "format_value",
    "get_scale",
    "load_units",
    "mean_achievement",
    "nearest_units",
    "parse_number",
    "parse_value",
    "register_scale",
    "register_unit",
    "scale_names",
    "unit_info",
    "unit_words",
    "PlanFinding",
    "PlanFindings",
    "PlanLoadError",
    "PlanSet",
    "find_plan_files",
    "load_plans",
    "shown_location",
    "shown_path",
]


def __getattr__(name: str):
    # kinerja.plots needs matplotlib, kinerja.dask needs dask and kinerja.display only builds HTML:
    # imported on first use
    if name in ("plots", "display", "dask"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'kinerja' has no attribute {name!r}")
