"""Composite development indices of UNDP (HDI, GDI, GII, GEM) and BPS (IPM, IPG, IKG).

Every function takes numbers or arrays (numpy arrays, lists, pandas Series; they broadcast) and
returns a float for scalar inputs, a numpy array for arrays, and a Series when an input was a
Series. A missing input (None or NaN) gives NaN. An input outside the method's domain (a
negative value, a share above 100 %, a life expectancy below its minimum goalpost, MMR <= 0)
raises :class:`kinerja.ArgumentError` (a ``ValueError``) for scalars and gives NaN in arrays.
What the method itself fixes is not an error: values above the maxima are capped, the GII clamps
MMR to 10..1000 and reads a 0 % parliament share as 0.1 %.

Results are full precision. UNDP publishes 3 decimals and BPS 2 (IPM, IPG) or 3 (IKG); round
for display with ``round(x, 3)`` / ``numpy.round``. The groups (:func:`hdi_group`,
:func:`gdi_group`) are decided on the value rounded half up to 3 decimals. Goalposts, formulas
and sources: docs/indices.md.

>>> from kinerja import indices
>>> round(indices.hdi(81.6, 17.5, 12.6, 64_992), 3)     # Norway 2014, HDR 2015 table 1
0.944
>>> round(indices.ipm(73.93, 13.15, 8.77, 11_899), 2)   # Indonesia 2023, BPS
74.39
"""

from __future__ import annotations

import math
import numbers
from typing import Any, NamedTuple

from . import _core
from ._numbers import as_scalar, broadcast_columns
from ._api import like_input

__all__ = [
    "GOALPOSTS", "GdiIncome", "GiiComponents", "hdi", "hdi_female", "hdi_male", "gdi", "gdi_group", "hdi_group",
    "gdi_income", "gii", "gii_detail", "gem_edep", "ipm", "ipm_female", "ipm_male", "ipg", "ikg", "ikg_detail",
    "life_expectancy_index", "education_index", "income_index", "expenditure_index",
]

#: Minimum and maximum of every indicator (UNDP HDR technical notes; BPS IPM new method).
GOALPOSTS = {
    "life_expectancy": (20.0, 85.0),
    "life_expectancy_female": (22.5, 87.5),
    "life_expectancy_male": (17.5, 82.5),
    "expected_schooling": (0.0, 18.0),
    "mean_schooling": (0.0, 15.0),
    "gni_per_capita": (100.0, 75_000.0),
    "expenditure": (1_007_436.0, 26_572_352.0),
}


class GdiIncome(NamedTuple):
    """Estimated GNI per capita of women and of men (floats or arrays)."""

    female: Any
    male: Any


class GiiComponents(NamedTuple):
    """The steps of a GII or IKG computation (shares as fractions)."""

    value: float          #: the index, 1 - harm / g_fm
    health_f: float       #: women's reproductive-health term
    empowerment_f: float  #: (PR_F x SE_F)^(1/2)
    empowerment_m: float  #: (PR_M x SE_M)^(1/2)
    g_f: float            #: [health_f x empowerment_f x LFPR_F]^(1/3)
    g_m: float            #: [empowerment_m x LFPR_M]^(1/3)
    harm: float           #: harmonic mean of g_f and g_m
    g_fm: float           #: (mean health x mean empowerment x mean LFPR)^(1/3)


# --------------------------------------------------------------------------- plumbing

def _is_scalar(x: Any) -> bool:
    return x is None or (isinstance(x, numbers.Real) and not isinstance(x, bool))


def _float(x: Any) -> float:
    return math.nan if x is None else float(x)


def _reject_bools(args) -> None:
    for a in args:
        if isinstance(a, bool):
            raise TypeError("a boolean is not a number")


def _arrays(name: str, args):
    return broadcast_columns(*[(f"argument {k} of {name}", a) for k, a in enumerate(args, 1)])


def _apply(name: str, args, *options):
    """Scalars to ``_core.indices_<name>``, anything else to ``_core.indices_<name>_array``."""
    args = [as_scalar(a) for a in args]
    _reject_bools(args)
    if all(_is_scalar(a) for a in args):
        return getattr(_core, "indices_" + name)(*[_float(a) for a in args], *options)
    out = getattr(_core, "indices_" + name + "_array")(*_arrays(name, args), *options)
    return like_input(out, *args)


def _scalars_only(name: str, args) -> list:
    args = [as_scalar(a) for a in args]
    _reject_bools(args)
    if not all(_is_scalar(a) for a in args):
        raise TypeError(f"{name} takes numbers (one computation); use the array-capable functions for columns")
    return [_float(a) for a in args]


# --------------------------------------------------------------------------- dimension indices

def life_expectancy_index(le: Any, sex: str = "all"):
    """(min(le, max) - min) / (max - min) with goalposts 20-85 (``sex="all"``), 22.5-87.5
    (``"female"``) or 17.5-82.5 (``"male"``).

    >>> life_expectancy_index(85.0), life_expectancy_index(90.0)
    (1.0, 1.0)
    >>> life_expectancy_index(52.5)
    0.5
    """
    return _apply("life_expectancy_index", [le], sex)


def education_index(eys: Any, mys: Any):
    """(min(eys, 18) / 18 + min(mys, 15) / 15) / 2.

    >>> education_index(9, 7.5)
    0.5
    """
    return _apply("education_index", [eys, mys])


def income_index(gnipc: Any):
    """(ln min(gnipc, 75,000) - ln 100) / (ln 75,000 - ln 100), GNI per capita in PPP$.

    >>> income_index(100), income_index(80_000)
    (0.0, 1.0)
    """
    return _apply("income_index", [gnipc])


def expenditure_index(expenditure: Any, unit: str = "auto"):
    """BPS expenditure index: (ln min(x, 26,572,352) - ln 1,007,436) / (ln 26,572,352 - ln 1,007,436).

    ``unit``: ``"rupiah"``, ``"thousand"`` (as BPS tables print it) or ``"auto"`` (values below
    100,000 are read as thousand rupiah; valid expenditures never fall in between).

    >>> expenditure_index(1_007_436), expenditure_index(26_572.352)
    (0.0, 1.0)
    """
    return _apply("expenditure_index", [expenditure], unit)


# --------------------------------------------------------------------------- UNDP

def hdi(le: Any, eys: Any, mys: Any, gnipc: Any):
    """UNDP Human Development Index, 0..1: the geometric mean of the life expectancy index
    (20-85 years), the education index (expected schooling 0-18, mean schooling 0-15 years) and
    the income index (GNI per capita 100-75,000 PPP$, log scale). Values above the maxima are
    capped.

    >>> round(hdi(81.6, 17.5, 12.6, 64_992), 3)   # Norway 2014 (HDR 2015): 0.944
    0.944
    >>> round(hdi(82.4, 20.2, 13.0, 42_261), 3)   # Australia 2014: expected schooling capped at 18
    0.935
    """
    return _apply("hdi", [le, eys, mys, gnipc])


def hdi_female(le: Any, eys: Any, mys: Any, gnipc: Any):
    """HDI of women: as :func:`hdi` with life expectancy goalposts 22.5-87.5.

    >>> hdi_female(87.5, 18, 15, 75_000)
    1.0
    """
    return _apply("hdi_female", [le, eys, mys, gnipc])


def hdi_male(le: Any, eys: Any, mys: Any, gnipc: Any):
    """HDI of men: as :func:`hdi` with life expectancy goalposts 17.5-82.5.

    >>> hdi_male(82.5, 18, 15, 75_000)
    1.0
    """
    return _apply("hdi_male", [le, eys, mys, gnipc])


def gdi(le_f: Any, eys_f: Any, mys_f: Any, gnipc_f: Any, le_m: Any, eys_m: Any, mys_m: Any, gnipc_m: Any):
    """Gender Development Index, HDI_f / HDI_m (see :func:`hdi_female`, :func:`hdi_male`).
    Raises :class:`kinerja.UndefinedError` when the male HDI is 0.

    Life expectancy five years apart (the goalposts' offset) and everything else equal gives 1:

    >>> gdi(75, 13, 8, 10_000, 70, 13, 8, 10_000)
    1.0
    """
    return _apply("gdi", [le_f, eys_f, mys_f, gnipc_f, le_m, eys_m, mys_m, gnipc_m])


def gdi_group(gdi: Any):
    """GDI group 1..5 by the absolute deviation from parity, abs(1 - GDI), rounded half up to 3
    decimals: <= 0.025 -> 1 (high equality), <= 0.050 -> 2, <= 0.075 -> 3, <= 0.100 -> 4,
    above -> 5 (low equality). Scalars give an int (NaN for a missing GDI); arrays give floats
    with NaN where missing.

    >>> gdi_group(0.975), gdi_group(1.025), gdi_group(0.974), gdi_group(0.899)
    (1, 1, 2, 5)
    """
    gdi = as_scalar(gdi)
    if _is_scalar(gdi) and not isinstance(gdi, bool):
        group = _core.indices_gdi_group(_float(gdi))
        return math.nan if group == 0 else group
    return _apply("gdi_group", [gdi])


def hdi_group(hdi: Any):
    """HDI group of the value rounded half up to 3 decimals: ``"very high"`` (>= 0.800),
    ``"high"`` (0.700-0.799), ``"medium"`` (0.550-0.699), ``"low"`` (< 0.550). None for a
    missing HDI; arrays give an object array (a Series for a Series).

    >>> hdi_group(0.7995), hdi_group(0.7994), hdi_group(0.5495), hdi_group(0.5494)
    ('very high', 'high', 'medium', 'low')
    """
    hdi = as_scalar(hdi)
    _reject_bools([hdi])
    if _is_scalar(hdi):
        group = _core.indices_hdi_group(_float(hdi))
        return group or None
    import numpy as np

    (values,) = _arrays("hdi_group", [hdi])
    groups = np.empty(values.shape, dtype=object)
    groups.reshape(-1)[:] = _core.indices_hdi_group_array(values)
    return like_input(groups, hdi)


def gdi_income(gnipc: Any, wage_ratio: Any, ea_share_f: Any, ea_share_m: Any, pop_share_f: Any,
               pop_share_m: Any) -> GdiIncome:
    """Estimated GNI per capita of women and of men (UNDP technical note on the GDI)::

        S_f = r x EA_f / (r x EA_f + EA_m)       women's share of the wage bill, r = W_f / W_m
        GNIpc_f = GNIpc x S_f / P_f,  GNIpc_m = GNIpc x (1 - S_f) / P_m

    ``wage_ratio`` is the female-to-male wage ratio; ``ea_share_*`` the shares of the
    economically active population (labour force); ``pop_share_*`` the population shares. Each
    pair is normalized to sum to 1, so percentages, fractions or head counts all work. Returns
    ``GdiIncome(female, male)``.

    >>> f, m = gdi_income(10_000, 0.8, 40, 60, 50, 50)
    >>> round(f, 2), round(m, 2)
    (6956.52, 13043.48)
    """
    args = [as_scalar(a) for a in (gnipc, wage_ratio, ea_share_f, ea_share_m, pop_share_f, pop_share_m)]
    _reject_bools(args)
    if all(_is_scalar(a) for a in args):
        return GdiIncome(*_core.indices_gdi_income(*[_float(a) for a in args]))
    female, male = _core.indices_gdi_income_array(*_arrays("gdi_income", args))
    return GdiIncome(like_input(female, *args), like_input(male, *args))


def gii(mmr: Any, abr: Any, se_f: Any, se_m: Any, pr_f: Any, pr_m: Any, lfpr_f: Any, lfpr_m: Any):
    """UNDP Gender Inequality Index, 0 (equality) .. 1.

    ``mmr``: maternal deaths per 100,000 live births (clamped to 10..1000); ``abr``: births per
    1,000 women aged 15-19; ``se_*``: population 25+ with at least some secondary education (%);
    ``pr_*``: parliament seats (%; 0 is read as 0.1); ``lfpr_*``: labour force participation (%)::

        G_F = [(10/MMR x 1/ABR)^(1/2) x (PR_F x SE_F)^(1/2) x LFPR_F]^(1/3)
        G_M = [(PR_M x SE_M)^(1/2) x LFPR_M]^(1/3)
        G_FM = (mean health x mean empowerment x mean LFPR)^(1/3), mean health = (health_F + 1) / 2
        GII = 1 - HARM(G_F, G_M) / G_FM

    >>> round(gii(172.9225117, 32.94, 51.00518036, 58.21279907, 21.91304348, 78.08695652, 52.5, 81.45), 3)
    0.439
    """
    return _apply("gii", [mmr, abr, se_f, se_m, pr_f, pr_m, lfpr_f, lfpr_m])


def gii_detail(mmr: float, abr: float, se_f: float, se_m: float, pr_f: float, pr_m: float, lfpr_f: float,
               lfpr_m: float) -> GiiComponents:
    """:func:`gii` for one set of numbers, with its steps (``health_f``, ``empowerment_f``,
    ``empowerment_m``, ``g_f``, ``g_m``, ``harm``, ``g_fm``, ``value``).

    >>> d = gii_detail(172.9225117, 32.94, 51.00518036, 58.21279907, 21.91304348, 78.08695652, 52.5, 81.45)
    >>> round(d.g_f, 4), round(d.g_m, 4), round(d.harm, 4), round(d.g_fm, 4)
    (0.1945, 0.8189, 0.3143, 0.5603)
    """
    values = _scalars_only("gii_detail", [mmr, abr, se_f, se_m, pr_f, pr_m, lfpr_f, lfpr_m])
    return GiiComponents(**_core.indices_gii_detail(*values))


def gem_edep(pop_f: Any, pop_m: Any, share_f: Any, share_m: Any, epsilon: float = 2):
    """Equally distributed equivalent percentage of UNDP's Gender Empowerment Measure::

        EDEP = [w_f share_f^(1-epsilon) + w_m share_m^(1-epsilon)]^(1/(1-epsilon))

    with population weights w = pop / (pop_f + pop_m) (counts, fractions or percentages) and the
    inequality aversion ``epsilon`` (2, the GEM's: a harmonic mean; 1: geometric; 0: arithmetic).
    The result is in the shares' unit (percent); the GEM indexes it by dividing by 50. A zero share
    gives 0 for epsilon >= 1.

    >>> gem_edep(50, 50, 20, 80)     # 1 / (0.5/20 + 0.5/80)
    32.0
    """
    if isinstance(epsilon, bool) or not isinstance(epsilon, numbers.Real):
        raise TypeError("epsilon must be a number")
    return _apply("gem_edep", [pop_f, pop_m, share_f, share_m], float(epsilon))


# --------------------------------------------------------------------------- BPS

def ipm(uhh: Any, hls: Any, rls: Any, expenditure: Any, unit: str = "auto"):
    """BPS Indeks Pembangunan Manusia (new method), 0..100: 100 x the geometric mean of the health
    index (umur harapan hidup 20-85), the education index (harapan lama sekolah 0-18, rata-rata
    lama sekolah 0-15) and the expenditure index (adjusted per-capita expenditure Rp 1,007,436 -
    26,572,352 a year, log scale). Values above the maxima are capped.

    ``unit``: ``"rupiah"``, ``"thousand"`` (thousand rupiah, as BPS tables print it) or
    ``"auto"`` (below 100,000 is thousand rupiah). BPS publishes 2 decimals.

    >>> round(ipm(73.93, 13.15, 8.77, 11_899), 2), round(ipm(73.93, 13.15, 8.77, 11_899_000), 2)
    (74.39, 74.39)
    """
    return _apply("ipm", [uhh, hls, rls, expenditure], unit)


def ipm_female(uhh: Any, hls: Any, rls: Any, expenditure: Any, unit: str = "auto"):
    """IPM of women for the IPG: :func:`ipm` with life expectancy goalposts 22.5-87.5.

    >>> ipm_female(87.5, 18, 15, 26_572_352)
    100.0
    """
    return _apply("ipm_female", [uhh, hls, rls, expenditure], unit)


def ipm_male(uhh: Any, hls: Any, rls: Any, expenditure: Any, unit: str = "auto"):
    """IPM of men for the IPG: :func:`ipm` with life expectancy goalposts 17.5-82.5.

    >>> ipm_male(82.5, 18, 15, 26_572_352)
    100.0
    """
    return _apply("ipm_male", [uhh, hls, rls, expenditure], unit)


def ipg(ipm_f: Any, ipm_m: Any):
    """BPS Indeks Pembangunan Gender, 100 x IPM_f / IPM_m (IPMs on 0..100).

    >>> round(ipg(69.5, 75.0), 2)
    92.67
    """
    return _apply("ipg", [ipm_f, ipm_m])


def ikg(mtf: Any, mhpk20: Any, leg_f: Any, leg_m: Any, sma_f: Any, sma_m: Any, tpak_f: Any, tpak_m: Any):
    """BPS Indeks Ketimpangan Gender, 0..1: the GII with the women's health term
    sqrt(5e-5 / (MTF x MHPK20)).

    ``mtf``: share of women 15-49 whose last live birth was not in a health facility;
    ``mhpk20``: share whose first live birth was before age 20 (both proportions 0..1);
    ``leg_*``: legislative seats (%); ``sma_*``: population 25+ with at least upper secondary
    school (%); ``tpak_*``: labour force participation (%). BPS publishes 3 decimals.

    >>> round(ikg(0.169, 0.299, 21.85, 78.15, 35.36, 41.24, 48.01, 83.93), 3)   # Jawa Barat 2022
    0.49
    """
    return _apply("ikg", [mtf, mhpk20, leg_f, leg_m, sma_f, sma_m, tpak_f, tpak_m])


def ikg_detail(mtf: float, mhpk20: float, leg_f: float, leg_m: float, sma_f: float, sma_m: float, tpak_f: float,
               tpak_m: float) -> GiiComponents:
    """:func:`ikg` for one set of numbers, with its steps (see :class:`GiiComponents`).

    >>> round(ikg_detail(0.126, 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26).value, 3)   # Indonesia 2023
    0.447
    """
    values = _scalars_only("ikg_detail", [mtf, mhpk20, leg_f, leg_m, sma_f, sma_m, tpak_f, tpak_m])
    return GiiComponents(**_core.indices_ikg_detail(*values))
