"""Type stubs of kinerja's compiled core (private; use the kinerja package)."""

from typing import List, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

__version__: str

class ParsedNumber:
    value: float
    decimals: int
    convention: Optional[str]
    def half_unit(self) -> float: ...
    def __float__(self) -> float: ...

def parse_number(text: str, ambiguous: str = ..., minimum: Optional[float] = ..., maximum: Optional[float] = ...) -> ParsedNumber: ...
def format_number(value: float, convention: str = ..., decimals: int = ..., group: bool = ...) -> str: ...

class Value:
    kind: str
    number: Optional[float]
    decimals: int
    unit: Optional[str]
    per: Optional[float]
    grade: Optional[str]
    level: Optional[str]
    scale: Optional[str]
    text: str
    convention: Optional[str]
    is_missing: bool
    def half_unit(self) -> float: ...
    def format(self, convention: str = ..., decimals: Optional[int] = ...) -> str: ...
    def __eq__(self, other: object) -> bool: ...
    def __ne__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def parse_value(text: str, context: Optional[str] = ...) -> Value: ...
def parse_reported_achievement(text: str) -> Value: ...
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
def register_unit(name: str, kind: str, money: int = ..., person: int = ..., item: int = ..., time: int = ...,
                  factor: float = ..., aliases: Sequence[str] = ..., ambiguous: str = ...,
                  minimum: Optional[float] = ..., maximum: Optional[float] = ..., description: str = ...,
                  replace: bool = ...) -> None: ...

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
