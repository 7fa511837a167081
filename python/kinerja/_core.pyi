"""Type stubs of kinerja's compiled core (private; use the kinerja package)."""

from decimal import Decimal
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Set, Tuple, Union

import numpy as np
import numpy.typing as npt

__version__: str
# how many bytes of input a message quotes, and the longest message (docs/errors.md#messages)
def message_quote_bytes() -> int: ...
def message_max_bytes() -> int: ...

class ParsedNumber:
    value: float
    decimals: int
    convention: Optional[str]
    exact: Union[int, Decimal]
    def half_unit(self) -> float: ...
    def __float__(self) -> float: ...

def parse_number(text: str, ambiguous: str = ..., minimum: Optional[float] = ..., maximum: Optional[float] = ...,
                 convention: Optional[str] = ...) -> ParsedNumber: ...
def format_number(value: float, convention: str = ..., decimals: int = ..., group: bool = ...) -> str: ...
def format_exact(plain: str, convention: str = ..., decimals: int = ..., group: bool = ...) -> str: ...

class Value:
    kind: str
    number: Optional[float]
    exact: Union[int, Decimal, None]
    decimals: int
    unrounded: bool
    unit: Optional[str]
    per: Optional[float]
    grade: Optional[str]
    level: Optional[str]
    scale: Optional[str]
    text: str
    relation: Optional[str]
    upper: Optional[float]
    bounded: Optional[str]
    convention: Optional[str]
    is_missing: bool
    def half_unit(self) -> float: ...
    def format(self, convention: str = ..., decimals: Optional[int] = ...) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def parse_value(text: str, context: Optional[str] = ..., convention: Optional[str] = ...) -> Value: ...
def parse_reported_achievement(text: str) -> Value: ...
def marker_kind(text: str) -> Optional[str]: ...

class TargetCheck:
    status: Optional[str]
    distance: Optional[float]
    explanation: str

def check_target(target: Value, realization: Value) -> TargetCheck: ...
def make_value(number: float, unit: Optional[str] = ..., decimals: int = ...) -> Value: ...
def missing_value() -> Value: ...
def format_value(value: Value, convention: str = ..., decimals: Optional[int] = ...) -> str: ...

class UnitInfo:
    name: str
    kind: str
    dimension: str
    factor: float
    description: str

def unit_info(word: str) -> UnitInfo: ...
def unit_words() -> List[str]: ...
def nearest_units(word: str, count: int = ...) -> List[str]: ...
def load_units(path: str) -> List[str]: ...
def register_unit(name: str, kind: str, money: int = ..., person: int = ..., item: int = ..., time: int = ...,
                  factor: float = ..., aliases: Sequence[str] = ..., ambiguous: str = ...,
                  minimum: Optional[float] = ..., maximum: Optional[float] = ..., description: str = ...,
                  replace: bool = ..., length: int = ..., mass: int = ...) -> None: ...

class Band:
    lower: float
    upper: float
    lower_inclusive: bool
    upper_inclusive: bool
    def __init__(self, lower: float, upper: float, lower_inclusive: bool = ..., upper_inclusive: bool = ...) -> None: ...
    @staticmethod
    def parse(text: str) -> Band: ...
    def contains(self, score: float) -> bool: ...
    def __contains__(self, score: float) -> bool: ...

class Level:
    name: str
    aliases: List[str]
    band: Optional[Band]
    def __init__(self, name: str, band: Optional[Band] = ..., aliases: Sequence[str] = ...) -> None: ...

class Scale:
    name: str
    description: str
    levels: List[Level]
    has_bands: bool
    range: Optional[Tuple[float, float]]
    def __init__(self, name: str, levels: Sequence[Level], description: str = ...) -> None: ...
    def position(self, level: str) -> Optional[int]: ...
    def classify(self, score: float) -> str: ...
    def __len__(self) -> int: ...
    def __contains__(self, name: str) -> bool: ...

def get_scale(name: str) -> Scale: ...
def scale_names() -> List[str]: ...
def register_scale(scale: Scale, replace: bool = ...) -> None: ...
def classify(scale_name: str, score: float) -> str: ...

class AchievementResult:
    percent: Optional[float]
    attainment: Optional[str]
    polarity: str
    method: str
    basis: str
    target: float
    realization: float

def achievement_scalar(target: Optional[float], realization: Optional[float], polarity: str, method: Optional[str],
                       rounding: str, decimals: int, cap: Optional[float]) -> Optional[float]: ...
def achievement_values(target: Value, realization: Value, polarity: str, method: Optional[str], rounding: str,
                       decimals: int, cap: Optional[float]) -> AchievementResult: ...
def achievement_array(target: npt.NDArray[np.float64], realization: npt.NDArray[np.float64], polarity: str,
                      method: Optional[str], rounding: str, decimals: int,
                      cap: Optional[float]) -> npt.NDArray[np.float64]: ...
def absorption_scalar(budget: Optional[float], realized: Optional[float], rounding: str, decimals: int) -> Optional[float]: ...
def absorption_array(budget: npt.NDArray[np.float64], realized: npt.NDArray[np.float64], rounding: str,
                     decimals: int) -> npt.NDArray[np.float64]: ...
def category(achievement: float, scale: str = ...) -> str: ...
def mean_achievement(achievements: Sequence[Optional[float]], weights: Sequence[float] = ...,
                     skip_missing: bool = ...) -> Optional[float]: ...

class AuditMatch:
    polarity: str
    method: str
    cap: Optional[float]
    rounding: str
    decimals: int
    scale: str
    exact: bool
    def describe(self) -> str: ...

class AuditResult:
    consistent: Optional[bool]
    expected: Optional[float]
    reported: Optional[float]
    scale: str
    methods: List[str]
    matches: List[AuditMatch]
    basis: str
    explanation: str

def audit(target: Value, realization: Value, reported: Value, polarity: Optional[str] = ..., scale: Optional[str] = ...,
          input_precision: bool = ...) -> AuditResult: ...


# --------------------------------------------------------------------------- plans (register_plan.cpp)

Year = Union[int, str]
"""A plan year: an integer, or ``"end"`` for the end-of-period column (kondisi akhir)."""

class PrintedValue:
    """A value as printed, with its source table and place in the file."""
    text: str
    source: str
    note: str
    location: str

class Evidence:
    """A piece of evidence (bukti dukung) of a realization (docs/annual-cycle.md)."""
    title: str
    kind: Optional[str]
    uri: Optional[str]
    path: Optional[str]
    hash: Optional[str]  # "sha256:<hex>", "sha384:<hex>" or "sha512:<hex>"
    location: str

class VerificationStep:
    """A step of a realization's verification: who did what when."""
    status: str  # draft, submitted, verified, returned, approved, revised
    by: str
    at: str  # ISO 8601 date or date and time, as written
    value: Optional[str]  # verified steps: the value verified
    reason: Optional[str]
    note: Optional[str]
    location: str

class RealizationRecord:
    """The evidence and verification of a year's realization (quarter None) or a quarter's."""
    year: int
    quarter: Optional[int]
    evidence: List[Evidence]
    verification: List[VerificationStep]
    status: Optional[str]  # the last step's status

class AnnualTarget:
    """One indicator's target in an annual document."""
    indicator: str
    value: str
    source: Optional[str]
    note: Optional[str]
    revision: Optional[str]  # the reason, when recorded as a revision of the Renstra's target
    location: str

class AnnualDocument:
    """A yearly target document (Renja, Perjanjian Kinerja): a version of a year's targets."""
    id: str
    kind: str  # "renja" or "perjanjian_kinerja"
    year: int
    label: Optional[str]
    number: Optional[str]
    date: Optional[str]
    source: Optional[str]
    targets: List[AnnualTarget]
    location: str

def verification_transitions() -> List[Tuple[Optional[str], str]]: ...

class Indicator:
    """A performance indicator of a plan node; every value as printed."""
    id: str
    name: str
    catalog: Optional[str]
    kind: Optional[str]
    unit: Optional[str]
    polarity: Optional[str]  # "higher", "lower", "scale:<name>" or None when unknown
    scale: Optional[str]
    convention: Optional[str]  # "indonesian" or "english" when the transcriber declared it
    table_convention: Optional[str]  # learnt from the indicator's table (or the plan's declared numbers)
    polarity_basis: str
    formula: Optional[str]
    legal_basis: Optional[str]
    responsible: Optional[str]
    baseline: Optional[str]
    baseline_year: Optional[int]
    targets: Dict[Year, str]
    realizations: Dict[Year, str]
    quarterly_realizations: Dict[Year, Dict[int, str]]
    realization_records: List[RealizationRecord]
    reported_achievement: Dict[Year, List[str]]
    budget: Dict[Year, str]
    aggregation: str
    source: str
    location: str
    def _repr_html_(self) -> str: ...

class Node:
    """A node of the cascade (goal, objective, programme, activity, sub-activity)."""
    id: str
    level: str
    name: str
    code: Optional[str]
    code_printed: Optional[str]
    parent: Optional[str]
    supports: List[str]
    responsible: Optional[str]
    context: bool  # its printed total covers more than the plan holds; not checked as complete
    budget: Dict[Year, str]
    budget_realized: Dict[Year, str]
    reported_absorption: Dict[Year, str]
    indicators: List[Indicator]
    period: Optional[Tuple[int, int]]  # history nodes: years with printed values
    successor: Optional[str]
    source: str
    location: str
    def _repr_html_(self) -> str: ...

class Total:
    """A printed total row (JUMLAH) of a plan, which sums the nodes named in `over`."""
    id: str
    name: str
    over: List[str]
    context: bool  # it covers more rows than `over` names; only rows that sum to more are reported
    budget: Dict[Year, str]
    budget_realized: Dict[Year, str]
    reported_absorption: Dict[Year, str]
    source: str
    location: str

class Finding:
    """One inconsistency found by a plan check."""
    rule: str
    severity: str
    node: str
    node_id: str
    node_code: str
    node_name: str
    indicator: Optional[str]
    indicator_name: Optional[str]
    year: Optional[Year]
    expected: Union[float, str, None]
    actual: Union[float, str, None]
    expected_text: str
    actual_text: str
    message: str
    location: str
    line: int
    column: int
    source: str
    def to_dict(self) -> Dict[str, Any]: ...
    def _repr_html_(self) -> str: ...

class RuleInfo:
    """A rule of the registry of checks (kinerja::check_registry)."""
    id: str
    severity: str
    description: str
    origin: str
    location: Optional[str]

def check_rules(rule_sets: Sequence[RuleSet] = ...) -> List[RuleInfo]: ...

class LevelPaguConvention:
    level: str
    carries: Optional[bool]
    origin: str
    priced: int
    unpriced: int

class EndColumnConvention:
    value: Optional[str]
    origin: str
    sum: int
    last: int
    neither: int
    both: int

class IndicatorPaguConvention:
    value: Optional[str]
    origin: str
    parts: int
    repeat: int

class NumberConvention:
    value: Optional[str]
    origin: str
    english: int
    indonesian: int

class PlanConventions:
    pagu_levels: List[LevelPaguConvention]
    budget_end: EndColumnConvention
    target_end: EndColumnConvention
    indicator_pagu: IndicatorPaguConvention
    numbers: NumberConvention
    number_tables: Dict[str, str]  # table -> convention its cells show
    majority: float
    realized_levels: List[LevelPaguConvention]  # priced: nodes that print realized budget
    realized_follows_pagu: bool
    def carries_pagu(self, level: str) -> Optional[bool]: ...
    def carries_realized(self, level: str) -> Optional[bool]: ...
    def lines(self) -> List[str]: ...
    def summary(self) -> str: ...

def infer_conventions(plan: Plan, majority: Optional[float] = ..., amount_tolerance: float = ...) -> PlanConventions: ...

class Plan:
    """A whole strategic plan (the compiled model; use kinerja.Plan)."""
    id: str
    title: str
    organisation: str
    region: str
    period: Tuple[int, int]
    version: str
    document_date: str
    versions: List[str]
    settings: Dict[str, Union[str, int]]
    file: str
    catalogs: Optional[List[str]]
    @property
    def catalog(self) -> Catalog: ...
    nodes: List[Node]
    history: List[Node]
    totals: List[Total]
    annual_documents: List[AnnualDocument]
    def annual_target_versions(self, indicator_id: str, year: int) -> List[Tuple[Optional[str], str, Optional[str]]]: ...
    def find_node(self, id: str) -> Optional[Node]: ...
    def find_indicator(self, id: str) -> Optional[Tuple[Node, Indicator]]: ...
    def node(self, id: str) -> Node: ...
    def indicator(self, id: str) -> Indicator: ...
    def achievement(self, indicator_id: str, year: Year) -> Optional[float]: ...
    def children(self, id: str) -> List[Node]: ...
    def version_of(self, name: str) -> Plan: ...
    def to_yaml(self) -> str: ...
    def save(self, path: str) -> None: ...
    def check(self, rules: Sequence[str] = ..., include_history: bool = ...,
              rule_sets: Sequence[RuleSet] = ..., settings: Dict[str, Any] = ...) -> List[Finding]: ...
    def set_value(self, indicator_id: str, field: str, year: Year, text: str, source: str = ...) -> None: ...
    def set_node_value(self, node_id: str, field: str, year: Year, text: str, source: str = ...) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...

class Change:
    """One difference between two versions of a plan."""
    kind: str  # "added", "removed", "changed"
    subject: str  # "node", "indicator"
    id: str
    node: str
    name: str
    node_id: str
    node_code: str
    node_name: str
    field: Optional[str]
    year: Optional[Year]
    old: str
    new: str
    def _repr_html_(self) -> str: ...

def diff_plans(older: Plan, newer: Plan) -> List[Change]: ...

class StrategyLink:
    """A supports link of the strategy layer (Tabel 5.1): strategi -> sasaran, arah_kebijakan -> strategi, program -> arah_kebijakan."""
    source: str
    target: str
    source_level: str
    target_level: str
    location: str

class StrategyRow:
    """One row of the Tabel 5.1 matrix: a sasaran and what serves it."""
    tujuan: str
    sasaran: str
    strategies: List[str]
    policies: List[str]
    programmes: List[str]

def strategy_links(plan: Plan) -> List[StrategyLink]: ...
def strategy_matrix(plan: Plan) -> List[StrategyRow]: ...
def has_strategy_layer(plan: Plan) -> bool: ...

class RollupEntry:
    """A node's achievement in a year, rolled up the cascade."""
    node_id: str
    node: str
    name: str
    level: str
    year: int
    own: Optional[float]
    rolled: Optional[float]
    indicators: int
    skipped: int
    children: int
    method: str
    basis: str

def rollup_plan(plan: Plan, method: str = ..., years: Sequence[int] = ..., include_history: bool = ...) -> List[RollupEntry]: ...
def yearly_realization(plan: Plan, indicator_id: str, year: Year) -> Optional[Value]: ...
def indicator_achievement(plan: Optional[Plan], indicator: Indicator, year: Year) -> Optional[float]: ...
def indicator_achievement_detail(plan: Optional[Plan], indicator: Indicator, year: Year) -> AchievementResult: ...
def node_pagu(node: Node, year: Year, indicator_pagu: Optional[str] = ...) -> Optional[float]: ...
def node_pagu_cells(node: Node, year: Year, indicator_pagu: Optional[str] = ...) -> List[str]: ...
def node_pagu_cell(node: Node, year: Year) -> Optional[str]: ...
def node_pagu_years(node: Node) -> List[Year]: ...
def default_plan_settings() -> Dict[str, Union[str, int]]: ...
def nearest_names(name: str, candidates: Sequence[str], count: int = ..., alike_only: bool = ...) -> List[str]: ...
class LoadLimits:
    """Bounds on the work a plan file or table may ask of the loaders (docs/plan-format.md, Limits)."""
    max_input_bytes: int
    max_period_years: int
    max_alias_expansion: int
    max_nodes: int
    max_nesting: int
    def __init__(self, *, max_input_bytes: Optional[int] = ..., max_period_years: Optional[int] = ...,
                 max_alias_expansion: Optional[int] = ..., max_nodes: Optional[int] = ...,
                 max_nesting: Optional[int] = ...) -> None: ...

def indicator_polarity(plan: Plan, indicator: Indicator) -> Optional[str]: ...
def load_plan(path: str, limits: LoadLimits = ...) -> Plan: ...
def parse_plan(text: str, file: str = ..., limits: LoadLimits = ...) -> Plan: ...
def end_of_period() -> str: ...


# --------------------------------------------------------------------------- formulas (register_formula.cpp)

class Formula:
    """A compiled formula (use kinerja.Formula)."""
    def __init__(self, text: str, units: Dict[str, str] = ..., missing: str = ..., max_length: int = ...,
                 max_depth: int = ...) -> None: ...
    text: str
    variables: List[str]
    unit: str
    unit_known: bool
    dimension: str
    missing: str
    def evaluate_scalar(self, values: Dict[str, float]) -> Tuple[Optional[float], str]: ...
    def evaluate_columns(self, names: Sequence[str], arrays: Sequence[npt.NDArray[np.float64]],
                         group: Optional[npt.NDArray[np.int64]] = ..., year: Optional[npt.NDArray[np.int64]] = ...,
                         threads: int = ..., out: Optional[npt.NDArray[np.float64]] = ...) -> npt.NDArray[np.float64]: ...
    def diagnose_columns(self, names: Sequence[str], arrays: Sequence[npt.NDArray[np.float64]],
                         group: Optional[npt.NDArray[np.int64]] = ...,
                         year: Optional[npt.NDArray[np.int64]] = ...) -> List[str]: ...

# --------------------------------------------------------------------------- composite indices (register_indices.cpp)

def indices_education_index(eys: float, mys: float) -> float: ...
def indices_education_index_array(eys: npt.NDArray[np.float64], mys: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_expenditure_index(expenditure: float, unit: str = ...) -> float: ...
def indices_expenditure_index_array(expenditure: npt.NDArray[np.float64], unit: str = ...) -> npt.NDArray[np.float64]: ...
def indices_gdi(le_f: float, eys_f: float, mys_f: float, gnipc_f: float, le_m: float, eys_m: float, mys_m: float, gnipc_m: float) -> float: ...
def indices_gdi_array(le_f: npt.NDArray[np.float64], eys_f: npt.NDArray[np.float64], mys_f: npt.NDArray[np.float64], gnipc_f: npt.NDArray[np.float64], le_m: npt.NDArray[np.float64], eys_m: npt.NDArray[np.float64], mys_m: npt.NDArray[np.float64], gnipc_m: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_gdi_group(gdi: float) -> int: ...
def indices_gdi_group_array(gdi: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_gdi_income(gnipc: float, wage_ratio: float, ea_share_f: float, ea_share_m: float, pop_share_f: float, pop_share_m: float) -> Tuple[float, float]: ...
def indices_gdi_income_array(gnipc: npt.NDArray[np.float64], wage_ratio: npt.NDArray[np.float64], ea_share_f: npt.NDArray[np.float64], ea_share_m: npt.NDArray[np.float64], pop_share_f: npt.NDArray[np.float64], pop_share_m: npt.NDArray[np.float64]) -> Tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]: ...
def indices_gem_edep(pop_f: float, pop_m: float, share_f: float, share_m: float, epsilon: float = ...) -> float: ...
def indices_gem_edep_array(pop_f: npt.NDArray[np.float64], pop_m: npt.NDArray[np.float64], share_f: npt.NDArray[np.float64], share_m: npt.NDArray[np.float64], epsilon: float = ...) -> npt.NDArray[np.float64]: ...
def indices_gii(mmr: float, abr: float, se_f: float, se_m: float, pr_f: float, pr_m: float, lfpr_f: float, lfpr_m: float) -> float: ...
def indices_gii_array(mmr: npt.NDArray[np.float64], abr: npt.NDArray[np.float64], se_f: npt.NDArray[np.float64], se_m: npt.NDArray[np.float64], pr_f: npt.NDArray[np.float64], pr_m: npt.NDArray[np.float64], lfpr_f: npt.NDArray[np.float64], lfpr_m: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_gii_detail(mmr: float, abr: float, se_f: float, se_m: float, pr_f: float, pr_m: float, lfpr_f: float, lfpr_m: float) -> Dict[str, float]: ...
def indices_hdi(le: float, eys: float, mys: float, gnipc: float) -> float: ...
def indices_hdi_array(le: npt.NDArray[np.float64], eys: npt.NDArray[np.float64], mys: npt.NDArray[np.float64], gnipc: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_hdi_female(le: float, eys: float, mys: float, gnipc: float) -> float: ...
def indices_hdi_female_array(le: npt.NDArray[np.float64], eys: npt.NDArray[np.float64], mys: npt.NDArray[np.float64], gnipc: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_hdi_group(hdi: float) -> str: ...
def indices_hdi_group_array(hdi: npt.NDArray[np.float64]) -> List[str]: ...
def indices_hdi_male(le: float, eys: float, mys: float, gnipc: float) -> float: ...
def indices_hdi_male_array(le: npt.NDArray[np.float64], eys: npt.NDArray[np.float64], mys: npt.NDArray[np.float64], gnipc: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_ikg(mtf: float, mhpk20: float, leg_f: float, leg_m: float, sma_f: float, sma_m: float, tpak_f: float, tpak_m: float) -> float: ...
def indices_ikg_array(mtf: npt.NDArray[np.float64], mhpk20: npt.NDArray[np.float64], leg_f: npt.NDArray[np.float64], leg_m: npt.NDArray[np.float64], sma_f: npt.NDArray[np.float64], sma_m: npt.NDArray[np.float64], tpak_f: npt.NDArray[np.float64], tpak_m: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_ikg_detail(mtf: float, mhpk20: float, leg_f: float, leg_m: float, sma_f: float, sma_m: float, tpak_f: float, tpak_m: float) -> Dict[str, float]: ...
def indices_income_index(gnipc: float) -> float: ...
def indices_income_index_array(gnipc: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_ipg(ipm_f: float, ipm_m: float) -> float: ...
def indices_ipg_array(ipm_f: npt.NDArray[np.float64], ipm_m: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def indices_ipm(uhh: float, hls: float, rls: float, expenditure: float, unit: str = ...) -> float: ...
def indices_ipm_array(uhh: npt.NDArray[np.float64], hls: npt.NDArray[np.float64], rls: npt.NDArray[np.float64], expenditure: npt.NDArray[np.float64], unit: str = ...) -> npt.NDArray[np.float64]: ...
def indices_ipm_female(uhh: float, hls: float, rls: float, expenditure: float, unit: str = ...) -> float: ...
def indices_ipm_female_array(uhh: npt.NDArray[np.float64], hls: npt.NDArray[np.float64], rls: npt.NDArray[np.float64], expenditure: npt.NDArray[np.float64], unit: str = ...) -> npt.NDArray[np.float64]: ...
def indices_ipm_male(uhh: float, hls: float, rls: float, expenditure: float, unit: str = ...) -> float: ...
def indices_ipm_male_array(uhh: npt.NDArray[np.float64], hls: npt.NDArray[np.float64], rls: npt.NDArray[np.float64], expenditure: npt.NDArray[np.float64], unit: str = ...) -> npt.NDArray[np.float64]: ...
def indices_life_expectancy_index(le: float, sex: str = ...) -> float: ...
def indices_life_expectancy_index_array(le: npt.NDArray[np.float64], sex: str = ...) -> npt.NDArray[np.float64]: ...

# ---------------------------------------------------------------- plan files and data
def read_value(indicator: Indicator, text: str, plan: Optional[Plan] = ...) -> Value: ...
def load_plan_csv(path: str, id: str = ..., title: str = ..., organisation: str = ..., region: str = ...,
                  period_from: int = ..., period_to: int = ..., version: str = ..., delimiter: str = ...,
                  limits: LoadLimits = ...) -> Plan: ...
def parse_plan_table(cells: List[List[Tuple[str, int, int]]], file: str, id: str = ..., title: str = ...,
                     organisation: str = ..., region: str = ..., period_from: int = ..., period_to: int = ...,
                     version: str = ..., limits: LoadLimits = ...) -> Plan: ...
def set_data_directory(directory: str) -> None: ...
def data_directory() -> str: ...

# ---------------------------------------------------------------- formula catalog
class CatalogEntry:
    """An indicator definition of a catalog (use kinerja.catalog)."""
    id: str
    name_id: str
    name_en: str
    formula: Formula
    formula_text: str
    unit: str
    polarity: str
    factor: Optional[float]
    variables: List[Tuple[str, str, str, str, Tuple[str, int, int]]]
    regulation: str
    source: str
    notes: str
    tests: List[Dict[str, object]]
    location: Tuple[str, int, int]
    def run_tests(self) -> List[Dict[str, object]]: ...

class Catalog:
    """A formula catalog (use kinerja.catalog)."""
    def __init__(self) -> None: ...
    @staticmethod
    def parse(text: str, file: str = ...) -> "Catalog": ...
    @staticmethod
    def load(path: str) -> "Catalog": ...
    @staticmethod
    def load_all(paths: Sequence[str]) -> "Catalog": ...
    entries: List[CatalogEntry]
    def ids(self) -> List[str]: ...
    def find(self, id: str) -> Optional[CatalogEntry]: ...
    def get(self, id: str) -> CatalogEntry: ...
    def merge(self, other: "Catalog") -> None: ...
    def run_tests(self) -> List[Dict[str, object]]: ...
    def __len__(self) -> int: ...

def bundled_catalog() -> Catalog: ...
def default_catalog() -> Catalog: ...
def set_default_catalog(catalog: Optional[Catalog]) -> None: ...
def bundled_catalog_paths() -> List[str]: ...

# ---------------------------------------------------------------- validation rules
class Rule:
    id: str
    description: Optional[str]
    scope: str
    levels: List[str]
    unit: Optional[str]
    left: str
    op: str
    right: str
    when: Optional[str]
    severity: str
    message: str
    years: List[Union[int, str]]
    location: str

class RuleSet:
    def __init__(self) -> None: ...
    rules: List[Rule]
    ids: List[str]
    files: List[str]
    def find(self, id: str) -> Optional[Rule]: ...
    def merge(self, other: "RuleSet") -> None: ...
    def __len__(self) -> int: ...
    def __contains__(self, id: str) -> bool: ...
    def __iter__(self) -> Iterator[Rule]: ...

def load_rules(path: str) -> RuleSet: ...
def parse_rules(text: str, file: str = ...) -> RuleSet: ...
def standard_rules_path() -> str: ...
def apply_rules(plan: Plan, rules: RuleSet, only: List[str] = ..., include_history: bool = ...) -> List[Finding]: ...
def rule_quantities(scope: str) -> List[Dict[str, Any]]: ...

# ---- many plans in one call (register_batch.cpp; kinerja.batch)

class PlanLoadError:
    """Why a plan of a batch could not be loaded: id, message, file, line, column."""
    id: str
    message: str
    file: str
    line: int
    column: int
    location: str

class PlanResult:
    """One plan of check_plans: its identity and findings, or its load error."""
    index: int
    path: str
    error: Optional[PlanLoadError]
    id: str
    title: str
    organisation: str
    region: str
    findings: List[Finding]
    loaded: bool

class BatchProgress:
    """How far a batch is: plans done of the total, failed, findings so far, seconds."""
    done: int
    total: int
    failed: int
    findings: int
    elapsed_seconds: float

def find_plan_files(paths: List[str]) -> List[str]: ...
def is_plan_file_name(path: str) -> bool: ...
def load_plan_file(path: str, limits: LoadLimits = ...) -> Plan: ...
def batch_threads(threads: int, plans: int) -> int: ...
def check_plans(files: List[str], threads: int = ..., rules: List[str] = ..., include_history: bool = ...,
                rule_sets: Sequence[RuleSet] = ..., limits: LoadLimits = ..., run_checks: bool = ...,
                progress: Optional[Callable[[BatchProgress], None]] = ...,
                settings: Dict[str, Any] = ...) -> List[PlanResult]: ...

class PlanStream:
    """Plans loaded ahead on threads, handed out in order."""
    def __init__(self, files: List[str], threads: int = ..., limits: LoadLimits = ...) -> None: ...
    def __len__(self) -> int: ...
    def next(self) -> Optional[Tuple[int, str, Optional[Plan], Optional[PlanLoadError]]]: ...

# --- the LKjIP tables of a year (lkjip.hpp; docs/lkjip.md)
class LkjipPrevious:
    """An earlier year of an LKjIP indicator row."""
    year: int
    realization: str
    realization_number: Optional[float]
    achievement: Optional[float]

class LkjipIndicatorRow:
    """An indicator of a sasaran in the LKjIP year: target, realization, capaian, earlier years, end target and progress (lkjip.hpp)."""
    part: str
    node_id: str
    node: str
    node_name: str
    indicator_id: str
    indicator_name: str
    unit: str
    polarity: str
    target: str
    target_number: Optional[float]
    realization: str
    realization_number: Optional[float]
    achievement: Optional[float]
    category: str
    achievement_basis: str
    previous: List[LkjipPrevious]
    end_year: Optional[int]
    end_target: str
    end_target_number: Optional[float]
    progress: Optional[float]
    progress_basis: str

class LkjipProgrammeRow:
    """A programme in the LKjIP year: pagu, realization, absorption, capaian and efficiency (lkjip.hpp)."""
    part: str
    node_id: str
    node: str
    node_name: str
    pagu: str
    pagu_number: Optional[float]
    realized: str
    realized_number: Optional[float]
    absorption: Optional[float]
    achievement: Optional[float]
    achievement_basis: str
    efficiency: Optional[float]
    efficiency_basis: str

class LkjipReport:
    """The LKjIP tables of one year (lkjip.hpp)."""
    year: int
    previous_years: List[int]
    indicators: List[LkjipIndicatorRow]
    programmes: List[LkjipProgrammeRow]

def lkjip_years(plan: Plan) -> Set[int]: ...
def lkjip_tables(plan: Plan, year: int, previous_years: int = ...) -> LkjipReport: ...
