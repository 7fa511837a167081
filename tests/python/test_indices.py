"""Composite development indices (kinerja.indices) against published values.

Sources (full list in docs/indices.md): UNDP HDR 2015 table 1 (2014 HDI and components); the
issue's Indonesia 2022 GII inputs; BPS Berita Resmi Statistik on the IPM (2022, 2023) and the IKG
(2022, 2023); BPS table "IKG menurut kabupaten/kota 2018-2022" (Jawa Barat); BPS provincial and
Bekasi IPM figures. Intermediate steps are worked out by hand in the comments.
"""

import doctest
import math

import numpy as np
import pandas as pd
import pytest

import kinerja
from kinerja import indices
from kinerja.errors import ArgumentError, UndefinedError, UnknownNameError

INDONESIA_GII_2022 = dict(mmr=172.9225117, abr=32.94, se_f=51.00518036, se_m=58.21279907, pr_f=21.91304348,
                          pr_m=78.08695652, lfpr_f=52.5, lfpr_m=81.45)


def test_module_is_exported_and_its_doctests_pass():
    assert "indices" in kinerja.__all__
    assert kinerja.indices is indices
    result = doctest.testmod(indices)
    assert result.attempted > 20 and result.failed == 0


# --------------------------------------------------------------------------- HDI

@pytest.mark.parametrize(
    "le, eys, mys, gnipc, published",
    [
        pytest.param(81.6, 17.5, 12.6, 64_992, 0.944, id="Norway-2014"),
        pytest.param(82.4, 20.2, 13.0, 42_261, 0.935, id="Australia-2014 EYS 20.2 capped at 18"),
        pytest.param(80.2, 18.7, 12.7, 44_025, 0.923, id="Denmark-2014 EYS capped"),
        pytest.param(80.0, 15.0, 11.8, 79_851, 0.908, id="Liechtenstein-2014 GNI 79,851 capped at 75,000"),
        pytest.param(79.1, 16.5, 12.9, 52_947, 0.915, id="United-States-2014"),
        # LEI 48.9/65 = 0.752308, EI (13/18 + 7.6/15)/2 = 0.614444, II ln 97.88 / ln 750 = 0.692401
        # -> 0.320063^(1/3) = 0.684035
        pytest.param(68.9, 13.0, 7.6, 9_788, 0.684, id="Indonesia-2014"),
    ],
)
def test_hdi_reproduces_hdr_2015_table_1(le, eys, mys, gnipc, published):
    # HDR 2015, Table 1 "Human Development Index and its components" (2014 values)
    value = indices.hdi(le, eys, mys, gnipc)
    assert isinstance(value, float)
    assert round(value, 3) == published


def test_hdi_caps_and_dimension_indices():
    assert indices.hdi(90, 20, 16, 100_000) == pytest.approx(1.0)
    assert indices.hdi(90, 20, 16, 100_000) == indices.hdi(85, 18, 15, 75_000)
    assert indices.life_expectancy_index(90) == 1.0
    assert indices.life_expectancy_index(87.5, sex="female") == 1.0
    assert indices.life_expectancy_index(17.5, sex="male") == 0.0
    assert indices.education_index(25, 20) == 1.0
    assert indices.income_index(1e6) == pytest.approx(1.0)
    assert indices.hdi_female(87.5, 18, 15, 75_000) == pytest.approx(1.0)
    assert indices.hdi_male(82.5, 18, 15, 75_000) == pytest.approx(1.0)
    with pytest.raises(UnknownNameError):
        indices.life_expectancy_index(70, sex="other")


def test_gdi_hand_example_and_parity():
    # women (72, 13, 8, 9,000): HDI_f = 0.687506; men (70, 14, 9, 15,000): HDI_m = 0.749563
    assert indices.hdi_female(72, 13, 8, 9_000) == pytest.approx(0.687506, abs=1e-6)
    assert indices.hdi_male(70, 14, 9, 15_000) == pytest.approx(0.749563, abs=1e-6)
    assert indices.gdi(72, 13, 8, 9_000, 70, 14, 9, 15_000) == pytest.approx(0.917208, abs=1e-6)
    assert indices.gdi(75, 13, 8, 10_000, 70, 13, 8, 10_000) == pytest.approx(1.0)
    with pytest.raises(UndefinedError):
        indices.gdi(72, 13, 8, 9_000, 17.5, 14, 9, 15_000)


@pytest.mark.parametrize(
    "gdi, group",
    [
        (1.0, 1), (0.975, 1), (1.025, 1),
        (0.9749, 1),  # |1 - 0.9749| = 0.0251 rounds to 0.025
        (0.9745, 2),  # 0.0255 rounds half up to 0.026
        (0.9744, 2), (0.974, 2), (0.95, 2), (0.949, 3), (0.925, 3), (0.924, 4), (0.9, 4),
        (0.8995, 5), (1.101, 5), (0.5, 5),
    ],
)
def test_gdi_group_boundaries(gdi, group):
    assert indices.gdi_group(gdi) == group


def test_gdi_group_missing_and_arrays():
    assert math.isnan(indices.gdi_group(None))
    assert math.isnan(indices.gdi_group(float("nan")))
    out = indices.gdi_group(np.array([0.975, 0.9744, np.nan, -1.0]))
    np.testing.assert_array_equal(out[:2], [1.0, 2.0])
    assert np.isnan(out[2:]).all()
    with pytest.raises(ArgumentError):
        indices.gdi_group(-0.5)


@pytest.mark.parametrize(
    "hdi, group",
    [
        (0.7995, "very high"), (0.79949, "high"), (0.8, "very high"), (1.0, "very high"),
        (0.6995, "high"), (0.6994, "medium"), (0.5495, "medium"), (0.5494, "low"), (0.0, "low"),
    ],
)
def test_hdi_group_boundaries(hdi, group):
    assert indices.hdi_group(hdi) == group


def test_hdi_group_arrays_and_series():
    assert indices.hdi_group(None) is None
    out = indices.hdi_group(np.array([[0.7995, np.nan], [0.3, 2.0]]))
    assert out.shape == (2, 2) and out.dtype == object
    assert out.tolist() == [["very high", None], ["low", None]]
    s = pd.Series([0.684, 0.944], index=["IDN", "NOR"])
    groups = indices.hdi_group(s)
    assert isinstance(groups, pd.Series)
    assert groups.to_dict() == {"IDN": "medium", "NOR": "very high"}
    with pytest.raises(ArgumentError):
        indices.hdi_group(1.5)


def test_gdi_income_split():
    # S_f = 0.8 x 0.4 / (0.8 x 0.4 + 0.6) = 0.347826; GNIpc_f = 10,000 x 0.347826 / 0.5 = 6,956.52;
    # GNIpc_m = 10,000 x 0.652174 / 0.5 = 13,043.48
    f, m = indices.gdi_income(10_000, 0.8, 40, 60, 50, 50)
    assert f == pytest.approx(6956.5217, abs=1e-4)
    assert m == pytest.approx(13043.4783, abs=1e-4)
    r = indices.gdi_income(gnipc=12_000, wage_ratio=0.7, ea_share_f=38.5, ea_share_m=61.5, pop_share_f=49.6,
                           pop_share_m=50.4)
    assert 0.496 * r.female + 0.504 * r.male == pytest.approx(12_000)
    assert indices.gdi_income(10_000, 0.8, 0.4, 0.6, 0.5, 0.5).female == pytest.approx(f)
    arr = indices.gdi_income(np.array([10_000, -1.0]), 0.8, 40, 60, 50, 50)
    assert arr.female[0] == f and arr.male[0] == m
    assert np.isnan(arr.female[1]) and np.isnan(arr.male[1])
    with pytest.raises(ArgumentError):
        indices.gdi_income(10_000, -0.8, 40, 60, 50, 50)


# --------------------------------------------------------------------------- GII

def test_gii_indonesia_2022_and_its_steps():
    # by hand: health_F = (10/172.9225117 x 1/32.94)^(1/2) = 0.0418998; emp_F = 0.3343170,
    # emp_M = 0.6742151; G_F = (0.0418998 x 0.3343170 x 0.525)^(1/3) = 0.194466;
    # G_M = (0.6742151 x 0.8145)^(1/3) = 0.818898; HARM = 2 G_F G_M / (G_F + G_M) = 0.314295;
    # G_FM = (0.5209499 x 0.5042661 x 0.66975)^(1/3) = 0.560346; GII = 1 - 0.314295/0.560346 = 0.439105
    value = indices.gii(**INDONESIA_GII_2022)
    assert round(value, 3) == 0.439
    d = indices.gii_detail(**INDONESIA_GII_2022)
    assert d.health_f == pytest.approx(0.0418998, abs=1e-7)
    assert d.g_f == pytest.approx(0.194466, abs=1e-6)
    assert d.g_m == pytest.approx(0.818898, abs=1e-6)
    assert d.harm == pytest.approx(0.314295, abs=1e-6)
    assert d.g_fm == pytest.approx(0.560346, abs=1e-6)
    assert d.value == value
    with pytest.raises(TypeError):
        indices.gii_detail(*[np.array([v]) for v in INDONESIA_GII_2022.values()])


def test_gii_clamps_and_floors():
    args = dict(INDONESIA_GII_2022)
    assert indices.gii(**{**args, "mmr": 5}) == indices.gii(**{**args, "mmr": 10})
    assert indices.gii(**{**args, "mmr": 2000}) == indices.gii(**{**args, "mmr": 1000})
    assert indices.gii(**{**args, "pr_f": 0, "pr_m": 100}) == indices.gii(**{**args, "pr_f": 0.1, "pr_m": 100})


@pytest.mark.parametrize(
    "change",
    [{"mmr": 0}, {"mmr": -3}, {"abr": 0}, {"se_f": 101}, {"pr_m": -1}, {"lfpr_f": float("inf")}],
)
def test_gii_out_of_range_is_an_argument_error_for_scalars_and_nan_in_arrays(change):
    args = {**INDONESIA_GII_2022, **change}
    with pytest.raises(ArgumentError) as info:
        indices.gii(**args)
    assert info.value.id == "kinerja.argument.index_input"
    assert isinstance(info.value, ValueError)
    arrays = {k: np.array([v, INDONESIA_GII_2022[k]]) for k, v in args.items()}
    out = indices.gii(**arrays)
    assert np.isnan(out[0])
    assert out[1] == indices.gii(**INDONESIA_GII_2022)


# --------------------------------------------------------------------------- GEM

def test_gem_edep_epsilon_2_hand_examples():
    # 1 / (0.5/20 + 0.5/80) = 1 / 0.03125 = 32
    assert indices.gem_edep(50, 50, 20, 80) == pytest.approx(32.0)
    # 1 / (0.51/30 + 0.49/70) = 1 / 0.024 = 41.6667
    assert indices.gem_edep(51, 49, 30, 70, epsilon=2) == pytest.approx(41.6666667)
    assert indices.gem_edep(50, 50, 20, 80, epsilon=1) == pytest.approx(40.0)  # geometric mean
    assert indices.gem_edep(50, 50, 20, 80, epsilon=0) == pytest.approx(50.0)  # arithmetic mean
    assert indices.gem_edep(50, 50, 0, 100) == 0.0
    with pytest.raises(ArgumentError):
        indices.gem_edep(50, 50, 20, 80, epsilon=-1)
    with pytest.raises(ArgumentError):
        indices.gem_edep(50, 50, 20, 180)


# --------------------------------------------------------------------------- BPS

@pytest.mark.parametrize(
    "uhh, hls, rls, expenditure_thousand, published",
    [
        # BRS IPM 15 Nov 2023: 100 x (0.829692 x 0.657611 x 0.754492)^(1/3) = 74.3898
        pytest.param(73.93, 13.15, 8.77, 11_899, 74.39, id="Indonesia-2023"),
        pytest.param(71.85, 13.10, 8.69, 11_479, 72.91, id="Indonesia-2022"),
        pytest.param(75.99, 13.51, 11.49, 19_953, 84.15, id="DKI-Jakarta-2024"),
        pytest.param(75.36, 15.70, 9.92, 15_361, 81.62, id="DI-Yogyakarta-2024"),
        pytest.param(75.48, 14.11, 11.44, 16_239, 82.46, id="Kota-Bekasi-2022"),
        pytest.param(74.04, 13.11, 9.53, 11_757, 75.22, id="Kabupaten-Bekasi-2022"),
    ],
)
def test_ipm_reproduces_bps(uhh, hls, rls, expenditure_thousand, published):
    value = indices.ipm(uhh, hls, rls, expenditure_thousand)
    assert round(value, 2) == published
    assert indices.ipm(uhh, hls, rls, expenditure_thousand * 1000) == pytest.approx(value)
    assert indices.ipm(uhh, hls, rls, expenditure_thousand * 1000, unit="rupiah") == pytest.approx(value)
    assert indices.ipm(uhh, hls, rls, expenditure_thousand, unit="thousand") == pytest.approx(value)


def test_ipm_caps_units_and_range():
    assert indices.ipm(90, 20, 16, 30_000_000) == pytest.approx(100.0)
    with pytest.raises(ArgumentError):
        indices.ipm(73.93, 13.15, 8.77, 900)  # Rp 900,000 is below the minimum goalpost
    with pytest.raises(ArgumentError):
        indices.ipm(19, 13.15, 8.77, 11_899)
    with pytest.raises(UnknownNameError):
        indices.ipm(73.93, 13.15, 8.77, 11_899, unit="dollar")
    assert indices.expenditure_index(11_899) == pytest.approx(0.754492, abs=1e-6)


def test_ipg_and_ipm_by_sex():
    assert indices.ipg(69.5, 75.0) == pytest.approx(92.6666667)
    with pytest.raises(UndefinedError):
        indices.ipg(69.5, 0)
    with pytest.raises(ArgumentError):
        indices.ipg(69.5, 120)
    assert indices.ipm_female(75.0, 13, 9, 9_000) == pytest.approx(indices.ipm_male(70.0, 13, 9, 9_000))
    f = indices.ipm_female([75.0, 76.0], 13, 8.5, 9_000)
    m = indices.ipm_male([71.0, 72.0], 13.2, 9.3, 15_500)
    np.testing.assert_allclose(indices.ipg(f, m), 100 * f / m)


@pytest.mark.parametrize(
    "mtf, mhpk20, leg_f, leg_m, sma_f, sma_m, tpak_f, tpak_m, published",
    [
        pytest.param(0.126, 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26, 0.447, id="Indonesia-2023"),
        pytest.param(0.140, 0.265, 21.74, 78.26, 36.95, 42.06, 53.41, 83.87, 0.459, id="Indonesia-2022"),
        pytest.param(0.198, 0.279, 22.00, 78.00, 28.63, 36.55, 42.25, 82.96, 0.508, id="Jawa-Barat-2018"),
        pytest.param(0.171, 0.298, 20.83, 79.17, 33.12, 40.99, 47.88, 81.68, 0.493, id="Jawa-Barat-2021"),
        pytest.param(0.169, 0.299, 21.85, 78.15, 35.36, 41.24, 48.01, 83.93, 0.490, id="Jawa-Barat-2022"),
        pytest.param(0.280, 0.324, 9.09, 90.91, 31.15, 38.98, 41.27, 85.13, 0.588, id="Kab-Bogor-2022"),
    ],
)
def test_ikg_reproduces_bps(mtf, mhpk20, leg_f, leg_m, sma_f, sma_m, tpak_f, tpak_m, published):
    assert round(indices.ikg(mtf, mhpk20, leg_f, leg_m, sma_f, sma_m, tpak_f, tpak_m), 3) == published


def test_ikg_health_term_and_inputs():
    # Jawa Barat 2022: H_F = sqrt(5e-5 / (0.169 x 0.299)) = 0.031456; IKG = 0.489670
    d = indices.ikg_detail(0.169, 0.299, 21.85, 78.15, 35.36, 41.24, 48.01, 83.93)
    assert d.health_f == pytest.approx(math.sqrt(5e-5 / (0.169 * 0.299)))
    assert d.value == pytest.approx(0.489670, abs=1e-6)
    with pytest.raises(ArgumentError):  # MTF as a percentage
        indices.ikg(12.6, 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26)
    with pytest.raises(UndefinedError):
        indices.ikg(0.0, 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26)


# --------------------------------------------------------------------------- vectorized

def test_vectorized_calls_equal_scalar_calls():
    le = np.array([81.6, 82.4, 68.9])
    eys = np.array([17.5, 20.2, 13.0])
    mys = np.array([12.6, 13.0, 7.6])
    gni = np.array([64_992, 42_261, 9_788])
    out = indices.hdi(le, eys, mys, gni)
    assert isinstance(out, np.ndarray) and out.shape == (3,)
    assert out.tolist() == [indices.hdi(*row) for row in zip(le, eys, mys, gni)]
    # broadcasting: a column against scalars, lists work too
    uhh = [73.93, 71.85]
    ipm = indices.ipm(uhh, 13.15, 8.77, 11_899)
    assert ipm.tolist() == [indices.ipm(u, 13.15, 8.77, 11_899) for u in uhh]
    # 2-d
    two = indices.ikg(np.full((2, 2), 0.126), 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26)
    assert two.shape == (2, 2) and np.allclose(two, indices.ikg(0.126, 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26))
    # NaN in -> NaN out, scalars and arrays
    assert math.isnan(indices.hdi(float("nan"), 17.5, 12.6, 64_992))
    assert math.isnan(indices.ipm(None, 13.15, 8.77, 11_899))
    assert np.isnan(indices.gem_edep([50, np.nan], 50, 20, 80)).tolist() == [False, True]


def test_series_in_series_out():
    df = pd.DataFrame({"uhh": [73.93, 71.85], "hls": [13.15, 13.10], "rls": [8.77, 8.69],
                       "spend": [11_899, 11_479]}, index=[2023, 2022])
    out = indices.ipm(df.uhh, df.hls, df.rls, df.spend)
    assert isinstance(out, pd.Series)
    assert list(out.index) == [2023, 2022]
    assert out.round(2).tolist() == [74.39, 72.91]


def test_malformed_inputs():
    with pytest.raises(TypeError):
        indices.hdi(True, 17.5, 12.6, 64_992)
    with pytest.raises((TypeError, ValueError)):
        indices.hdi("abc", 17.5, 12.6, 64_992)
    with pytest.raises(ValueError):  # shapes that do not broadcast
        indices.hdi([1.0, 2.0], [1.0, 2.0, 3.0], 12.6, 64_992)
    with pytest.raises(ArgumentError):
        indices.hdi(-70, 17.5, 12.6, 64_992)
    with pytest.raises(ArgumentError):
        indices.hdi(70, 17.5, 12.6, 50)  # GNI below the 100 PPP$ goalpost
    out = indices.hdi([70, -70], 17.5, 12.6, 64_992)
    assert not np.isnan(out[0]) and np.isnan(out[1])


def test_text_in_an_index_column_is_refused_not_read_as_numpy_would():
    # "71.000" is seventy-one thousand to an Indonesian reader; numpy would take 71.0
    with pytest.raises(ValueError, match=r"argument 1 of ipm holds text \('71.000'\)"):
        kinerja.indices.ipm(np.array(["71.000", "72.5"], dtype=object), 13.1, 9.1, 11_899_000)


def test_zero_dimensional_arrays_are_numbers():
    h = kinerja.indices.hdi(np.array(72.0), 13, 8, 10000)
    assert isinstance(h, float)
    assert h == pytest.approx(0.7043031, abs=1e-7)  # worked separately from the UNDP formula
    assert kinerja.indices.gdi_group(np.array(0.975)) == 1
    assert kinerja.indices.hdi_group(np.array(0.7995)) == "very high"
