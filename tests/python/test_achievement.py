"""Achievement (capaian) and budget absorption, against the seed's printed figures.

Sources: Tabel 2.7 and the text of section 2.3 (achievement), Tabel 2.11 (absorption) of the
Bekasi DPPPA Renstra revision. Each expectation is computed by hand in its comment/id.
"""

import math

import numpy as np
import pandas as pd
import pytest

import kinerja


# --------------------------------------------------------------------------- higher is better

@pytest.mark.parametrize(
    "target, realization, rounding, expected",
    [
        # Nilai AKIP, section 2.3 point 5
        pytest.param(60, 72.79, "half_up", 121.32, id="AKIP-2019 72.79/60=1.213166 -> 121.32"),
        pytest.param(65, 74.39, "half_up", 114.45, id="AKIP-2020 74.39/65=1.144461 -> 114.45"),
        pytest.param(69, 75.37, "half_up", 109.23, id="AKIP-2021 75.37/69=1.092318 -> 109.23"),
        pytest.param(75, 76.41, "half_up", 101.88, id="AKIP-2022 76.41/75=1.018800 -> 101.88"),
        # Persentase ARG, point 6
        pytest.param(53.24, 77.90, "truncate", 146.31, id="ARG-2020 77.90/53.24=1.463185 trunc 146.31"),
        pytest.param(53.24, 77.90, "half_up", 146.32, id="ARG-2020 77.90/53.24=1.463185 half-up 146.32"),
        pytest.param(53.24, 84.14, "truncate", 158.03, id="ARG-2021 84.14/53.24=1.580390 trunc 158.03"),
        # Persentase partisipasi angkatan kerja perempuan, programme 1
        pytest.param(49, 49.90, "half_up", 101.84, id="labour-2019 49.90/49=1.018367 -> 101.84"),
        pytest.param(49, 49.71, "truncate", 101.44, id="labour-2020 49.71/49=1.014489 trunc 101.44"),
        pytest.param(49.90, 49.11, "truncate", 98.41, id="labour-2021 49.11/49.90=0.984168 trunc 98.41"),
        # Persentase peningkatan pemenuhan 5 klaster KLA, programme 3
        pytest.param(69, 75.1, "half_up", 108.84, id="KLA-cluster-2020 75.1/69=1.088405 -> 108.84"),
        pytest.param(73, 75.1, "truncate", 102.87, id="KLA-cluster-2021 75.1/73=1.028767 trunc 102.87"),
        pytest.param(76, 70.2, "truncate", 92.36, id="KLA-cluster-2022 70.2/76=0.923684 trunc 92.36"),
    ],
)
def test_seed_achievement_higher_is_better(target, realization, rounding, expected):
    assert kinerja.achievement(target, realization, rounding=rounding) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    "target, realization, rounding, expected",
    [
        pytest.param("CC (60)", "BB (72.79)", "half_up", 121.32, id="grades compare by score 72.79/60"),
        pytest.param("B (65)", "BB (74.39)", "half_up", 114.45, id="74.39/65"),
        pytest.param("B (69)", "BB (75.37)", "half_up", 109.23, id="75.37/69"),
        pytest.param("BB (75)", "BB (76.41)", "half_up", 101.88, id="76.41/75"),
        pytest.param("53.24%", "77.90%", "truncate", 146.31, id="printed percents 77.90/53.24"),
        pytest.param("53.24%", "84.14%", "truncate", 158.03, id="printed percents 84.14/53.24"),
        pytest.param("49%", "49.90%", "half_up", 101.84, id="49.90/49"),
        pytest.param("BB (75)", "80", "half_up", 106.67, id="grade vs plain score 80/75=1.06667"),
    ],
)
def test_seed_achievement_from_printed_values(target, realization, rounding, expected):
    assert kinerja.achievement(target, realization, rounding=rounding) == pytest.approx(expected, abs=1e-9)


def test_unrounded_is_the_default():
    # 72.79 / 60 * 100 = 121.316666...
    assert kinerja.achievement(60, 72.79) == pytest.approx(121.3166666667, rel=1e-10)


@pytest.mark.parametrize(
    "rounding, decimals, expected",
    [("half_up", 0, 121.0), ("half_up", 1, 121.3), ("truncate", 1, 121.3), ("half_up", 2, 121.32),
     ("truncate", 2, 121.31), ("half_up", 3, 121.317), ("truncate", 3, 121.316)],
)
def test_rounding_rules_and_decimals(rounding, decimals, expected):
    # 121.3166666...
    assert kinerja.achievement(60, 72.79, rounding=rounding, decimals=decimals) == pytest.approx(expected, abs=1e-9)


def test_half_up_on_a_binary_boundary():
    # 113.625 exactly halfway at the 3rd decimal: half up 113.63, truncate 113.62
    assert kinerja.achievement(100, 113.625, rounding="half_up") == pytest.approx(113.63, abs=1e-9)
    assert kinerja.achievement(100, 113.625, rounding="truncate") == pytest.approx(113.62, abs=1e-9)


def test_truncation_is_not_pushed_down_by_representation_error():
    # 0.29 / 0.30 = 0.96666... -> 96.66 truncated (not 96.65)
    assert kinerja.achievement(0.30, 0.29, rounding="truncate") == pytest.approx(96.66, abs=1e-9)


def test_cap_limits_before_rounding():
    # 120 / 100 = 120 %, capped at 100
    assert kinerja.achievement(100, 120, cap=100) == pytest.approx(100.0)
    assert kinerja.achievement(100, 90, cap=100) == pytest.approx(90.0)


# --------------------------------------------------------------------------- lower is better

@pytest.mark.parametrize(
    "target, realization, kwargs, expected",
    [
        pytest.param(0.035, 0.028, {}, 125.0, id="child-violence-2020 0.035/0.028=1.25"),
        pytest.param("0.035%", "0.028%", {}, 125.0, id="printed 0.035%/0.028%"),
        pytest.param(0.030, 0.029, {"rounding": "truncate"}, 103.44, id="child-violence-2021 0.030/0.029=1.034482 trunc"),
        pytest.param("0.030 %", "0.029%", {"rounding": "truncate"}, 103.44, id="printed with space"),
        pytest.param("1 : 4.000", "1 : 4.545", {"rounding": "truncate", "decimals": 0}, 113.0,
                     id="women-violence-2020 (1/4000)/(1/4545)=4545/4000=1.13625 trunc 0 dp 113"),
        pytest.param("1 : 4.000", "1 : 4.545", {}, 113.625, id="women-violence-2020 unrounded 113.625"),
        pytest.param("1 : 4.250", "1 : 4.347", {"rounding": "half_up"}, 102.28,
                     id="women-violence-2021 4347/4250=1.022823 -> 102.28"),
        pytest.param("1:17,9", "1:20", {"rounding": "half_up"}, 111.73,
                     id="ratio 20/17.9=1.117318 -> 111.73"),
    ],
)
def test_seed_achievement_lower_is_better_inverse(target, realization, kwargs, expected):
    got = kinerja.achievement(target, realization, polarity="lower", **kwargs)
    assert got == pytest.approx(expected, abs=1e-9)


def test_inverse_is_the_default_method_for_lower():
    explicit = kinerja.achievement(0.035, 0.028, polarity="lower", method="inverse")
    assert kinerja.achievement(0.035, 0.028, polarity="lower") == pytest.approx(explicit)


@pytest.mark.parametrize(
    "method, target, realization, expected",
    [
        ("inverse", 100, 80, 125.0),      # 100/80
        ("complement", 100, 80, 120.0),   # (2 - 80/100) * 100
        ("reduction", 100, 80, 20.0),     # (100 - 80) / 100 * 100
        ("complement", 0.035, 0.028, 120.0),  # 2 - 0.8 = 1.2
        ("reduction", 0.035, 0.028, 20.0),    # 0.007 / 0.035 = 0.2
    ],
)
def test_lower_is_better_methods(method, target, realization, expected):
    got = kinerja.achievement(target, realization, polarity="lower", method=method)
    assert got == pytest.approx(expected, rel=1e-12)


def test_ratio_with_higher_polarity_compares_rates():
    # rates 1/4000 -> 1/4545: direct = (1/4545)/(1/4000) = 4000/4545 = 0.880088 -> 88.01
    got = kinerja.achievement("1 : 4.000", "1 : 4.545", rounding="half_up")
    assert got == pytest.approx(88.01, abs=1e-9)


@pytest.mark.parametrize("polarity, expected", [("negative", 83.33), ("min", 83.33), ("positive", 120.0),
                                                ("+", 120.0), ("-", 83.33)])
def test_polarity_aliases(polarity, expected):
    # higher: 6/5 = 120 %; lower (inverse): 5/6 = 83.33 %
    assert kinerja.achievement(5, 6, polarity=polarity, rounding="half_up") == pytest.approx(expected, abs=1e-9)


# --------------------------------------------------------------------------- predicates

@pytest.mark.parametrize(
    "target, realization, unit, percent, attainment",
    [
        ("Madya", "Madya", None, 100.0, "met"),          # KLA 2019: position 2 -> 2
        ("Madya", "Nindya", None, 150.0, "exceeded"),    # KLA 2020: positions 2 -> 3 = 3/2
        ("Nindya", "Nindya", None, 100.0, "met"),        # KLA 2021
        ("Nindya", "Madya", None, 66.67, "not met"),     # 2/3
        ("Pratama", "Pratama", "APE", 100.0, "met"),     # APE 2019/2020
        ("Madya", "Madya", "APE", 100.0, "met"),         # APE 2021
        ("Pratama", "Madya", "APE", 200.0, "exceeded"),  # 2/1
        ("Madya", "Mentor", None, 200.0, "exceeded"),    # only APE has Mentor: 4/2
        ("BB", "A", None, 120.0, "exceeded"),            # AKIP positions 5 -> 6
    ],
)
def test_predicates_compare_positions(target, realization, unit, percent, attainment):
    r = kinerja.achievement_detail(target, realization, unit=unit, rounding="half_up")
    assert r.percent == pytest.approx(percent, abs=1e-9)
    assert r.attainment == attainment
    assert kinerja.achievement(target, realization, unit=unit, rounding="half_up") == pytest.approx(percent, abs=1e-9)


def test_achievement_detail_records_how():
    r = kinerja.achievement_detail("1 : 4.000", "1 : 4.545", polarity="lower")
    assert r.method == "inverse"
    assert r.polarity == "lower"
    assert r.attainment == "exceeded"
    assert r.target == pytest.approx(1 / 4000)
    assert r.realization == pytest.approx(1 / 4545)
    r = kinerja.achievement_detail("Madya", "Nindya")
    assert (r.target, r.realization) == (2.0, 3.0)
    assert "KLA" in r.basis


# --------------------------------------------------------------------------- missing and undefined

@pytest.mark.parametrize("target, realization", [(None, 5), (5, None), ("-", "5"), ("5", "-"), (float("nan"), 5),
                                                 ("n/a", "BB (75.10)"), ("BB (75)", "")])
def test_missing_input_gives_none(target, realization):
    assert kinerja.achievement(target, realization) is None


@pytest.mark.parametrize(
    "target, realization, kwargs",
    [
        (0, 5, {}),                                        # direct: 5/0
        ("0%", "5%", {}),
        (0, 5, {"polarity": "lower", "method": "complement"}),
        (0, 5, {"polarity": "lower", "method": "reduction"}),
        (0, 0, {"polarity": "lower"}),
        (5, 0, {"polarity": "lower"}),                     # inverse: 5/0, unbounded without a cap
        (60, float("inf"), {}),
    ],
)
def test_undefined_scalar_results_raise(target, realization, kwargs):
    with pytest.raises(kinerja.UndefinedError) as info:
        kinerja.achievement(target, realization, **kwargs)
    assert isinstance(info.value, ValueError)
    assert info.value.id.startswith("kinerja.undefined.")
    assert str(info.value)


def test_zero_target_is_undefined_for_the_default_lower_method_too():
    # achievement.hpp: "Undefined results (a zero target, ...) throw undefined_error";
    # a target of 0 cannot be compared with under any method.
    with pytest.raises(kinerja.UndefinedError):
        kinerja.achievement(0, 5, polarity="lower")


def test_zero_realization_under_inverse_with_a_cap_is_the_cap():
    assert kinerja.achievement(5, 0, polarity="lower", cap=150) == pytest.approx(150.0)


def test_zero_realization_under_direct_is_zero_percent():
    assert kinerja.achievement(5, 0) == pytest.approx(0.0)


@pytest.mark.parametrize(
    "kwargs, exc",
    [
        ({"method": "inverse"}, kinerja.ArgumentError),                          # inverse is for lower
        ({"polarity": "lower", "method": "direct"}, kinerja.ArgumentError),      # direct is for higher
        ({"polarity": "higher", "method": "complement"}, kinerja.ArgumentError),
        ({"polarity": "sideways"}, kinerja.UnknownNameError),
        ({"method": "foo"}, kinerja.UnknownNameError),
        ({"rounding": "banker"}, kinerja.UnknownNameError),
        ({"rounding": "half_up", "decimals": -1}, kinerja.ArgumentError),
        ({"rounding": "half_up", "decimals": 13}, kinerja.ArgumentError),
    ],
)
def test_bad_settings(kwargs, exc):
    with pytest.raises(exc):
        kinerja.achievement(5, 6, **kwargs)


@pytest.mark.parametrize(
    "target, realization",
    [("44 OPD", "2364 Orang"), ("50%", "Rp 5.000"), ("1 : 4.000", "50%"), ("Rp 100", "80 Orang"),
     ("100 Orang/bulan", "80 Orang"), ("Madya", "75%")],
)
def test_incomparable_values(target, realization):
    with pytest.raises(kinerja.ArgumentError) as info:
        kinerja.achievement(target, realization)
    assert info.value.id == "kinerja.argument.incomparable"


def test_same_unit_words_in_different_case_compare():
    # 12 / 10 people
    assert kinerja.achievement("10 Orang", "12 orang") == pytest.approx(120.0)


def test_ambiguous_printed_numbers_need_the_unit():
    with pytest.raises(kinerja.ParseError):
        kinerja.achievement("1.000", "2.000")
    # with people as the unit both are thousands: 2000/1000
    assert kinerja.achievement("1.000", "2.000", unit="Orang") == pytest.approx(200.0)


@pytest.mark.parametrize("bad", [True, {"a": 1}, object(), [1, 2, object()]])
def test_wrong_types_raise_type_error(bad):
    with pytest.raises((TypeError, ValueError)) as info:
        kinerja.achievement(bad, 5)
    if not isinstance(bad, list):
        assert isinstance(info.value, TypeError)


# --------------------------------------------------------------------------- arrays

def test_array_of_seed_rows_with_missing_and_undefined():
    target = np.array([60, 65, 69, 75, 0, np.nan, 50.0])
    real = np.array([72.79, 74.39, 75.37, 76.41, 5, 5, np.nan])
    out = kinerja.achievement(target, real, rounding="half_up")
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out[:4], [121.32, 114.45, 109.23, 101.88], atol=1e-9)
    assert np.isnan(out[4:]).all()   # zero target, missing target, missing realization


def test_array_lower_zero_realization_is_nan():
    out = kinerja.achievement(np.array([5.0, 0.035]), np.array([0.0, 0.028]), polarity="lower")
    assert math.isnan(out[0])          # 5/0 undefined
    assert out[1] == pytest.approx(125.0)


def test_million_rows_in_one_call():
    n = 1_000_000
    i = np.arange(n, dtype=float)
    target = 50.0 + (i % 50)               # 50 .. 99
    real = target * 1.25                    # every row 125 %
    target[::1000] = np.nan                 # 1000 missing rows
    target[7::1000] = 0.0                   # 1000 zero targets
    out = kinerja.achievement(target, real, rounding="truncate")
    assert out.shape == (n,)
    bad = np.isnan(out)
    assert bad.sum() == 2000
    assert bad[::1000].all() and bad[7::1000].all()
    np.testing.assert_allclose(out[~bad], 125.0, atol=1e-9)


def test_array_matches_scalar_row_by_row():
    rng = np.random.default_rng(7)
    t = rng.uniform(1, 100, 500)
    r = rng.uniform(0, 120, 500)
    arr = kinerja.achievement(t, r, rounding="half_up")
    for a, b, got in zip(t, r, arr):
        # hand formula: round(b / a * 100, 2) half up
        want = math.floor(b / a * 100 * 100 + 0.5) / 100
        assert got == pytest.approx(want, abs=0.0100001)
        assert got == kinerja.achievement(float(a), float(b), rounding="half_up")


def test_lists_broadcast_and_2d_arrays():
    np.testing.assert_allclose(kinerja.achievement([60, 65], [72.79, 74.39], rounding="half_up"), [121.32, 114.45])
    np.testing.assert_allclose(kinerja.achievement(np.array([60.0, 120.0]), 72.79, rounding="half_up"),
                               [121.32, 60.66])   # 72.79/120 = 0.606583 -> 60.66
    grid = kinerja.achievement(np.array([[60, 65], [69, 75]]), np.array([[72.79, 74.39], [75.37, 76.41]]),
                               rounding="half_up")
    np.testing.assert_allclose(grid, [[121.32, 114.45], [109.23, 101.88]])


def test_array_shape_mismatch_is_an_error():
    with pytest.raises(ValueError):
        kinerja.achievement(np.array([1.0, 2.0]), np.array([1.0, 2.0, 3.0]))


def test_array_method_polarity_mismatch_is_an_argument_error():
    with pytest.raises(kinerja.ArgumentError):
        kinerja.achievement(np.array([1.0, 2.0]), np.array([1.0, 2.0]), polarity="lower", method="direct")


def test_pandas_series_in_series_out_with_same_index():
    t = pd.Series([60, 0, np.nan, 75], index=["2019", "x", "y", "2022"], name="target")
    r = pd.Series([72.79, 5, 5, 76.41], index=t.index)
    out = kinerja.achievement(t, r, rounding="half_up")
    assert isinstance(out, pd.Series)
    assert list(out.index) == ["2019", "x", "y", "2022"]
    assert out["2019"] == pytest.approx(121.32)
    assert out["2022"] == pytest.approx(101.88)
    assert math.isnan(out["x"]) and math.isnan(out["y"])


def test_pandas_series_with_plain_list():
    t = pd.Series([0.035, 0.030], index=[2020, 2021])
    out = kinerja.achievement(t, [0.028, 0.029], polarity="lower", rounding="truncate")
    assert isinstance(out, pd.Series)
    assert list(out.index) == [2020, 2021]
    np.testing.assert_allclose(out.to_numpy(), [125.0, 103.44])


# --------------------------------------------------------------------------- mean achievement

def test_mean_achievement():
    # AKIP 2019-2021: (121.32 + 114.45 + 109.23) / 3 = 345 / 3 = 115
    assert kinerja.mean_achievement([121.32, 114.45, None, 109.23]) == pytest.approx(115.0)
    # weighted: (100*3 + 80*1) / 4 = 95
    assert kinerja.mean_achievement([100, 80], [3, 1]) == pytest.approx(95.0)
    assert kinerja.mean_achievement([100, float("nan"), 80]) == pytest.approx(90.0)
    assert kinerja.mean_achievement([None, None]) is None
    assert kinerja.mean_achievement([100, None], skip_missing=False) is None


@pytest.mark.parametrize("weights, exc", [([1], kinerja.ArgumentError), ([-1, 2], kinerja.ArgumentError),
                                          ([0, 0], kinerja.UndefinedError)])
def test_mean_achievement_bad_weights(weights, exc):
    with pytest.raises(exc):
        kinerja.mean_achievement([100, 80], weights)


# --------------------------------------------------------------------------- absorption (Tabel 2.11)

@pytest.mark.parametrize(
    "budget, realized, expected",
    [
        pytest.param(4245706160, 2807606116, 66.13, id="2018 2,807,606,116/4,245,706,160=0.661282 -> 66.13"),
        pytest.param(2563348425, 1994070025, 77.79, id="2019 1,994,070,025/2,563,348,425=0.777916 -> 77.79"),
        pytest.param(2873355000, 2397193635, 83.43, id="2020 2,397,193,635/2,873,355,000=0.834282 -> 83.43"),
        pytest.param(12692580100, 11840364035, 93.29, id="2021 11,840,364,035/12,692,580,100=0.932857 -> 93.29"),
        pytest.param(15633753124, 7880127975, 50.40, id="2022 7,880,127,975/15,633,753,124=0.504043 -> 50.40"),
        pytest.param("4,245,706,160", "2,807,606,116", 66.13, id="2018 printed English"),
        pytest.param("Rp.4.245.706.160,-", "Rp.2.807.606.116,-", 66.13, id="2018 printed as in the text"),
        pytest.param("Rp.12.692.580.100,-", "Rp.11.840.364.035,-", 93.29, id="2021 printed as in the text"),
        pytest.param("10,000,000", "8,997,000", 89.97, id="activity 81: 8,997,000/10,000,000"),
    ],
)
def test_tabel_2_11_absorption(budget, realized, expected):
    assert kinerja.absorption(budget, realized, rounding="half_up") == pytest.approx(expected, abs=1e-9)


def test_absorption_truncated_and_unrounded():
    # 2/3 = 0.6666.. -> 66.66 truncated; 1/3 -> 33.333...
    assert kinerja.absorption(3, 2, rounding="truncate") == pytest.approx(66.66, abs=1e-9)
    assert kinerja.absorption(3, 1) == pytest.approx(100 / 3)


@pytest.mark.parametrize("budget, realized", [(None, 5), ("-", "5"), (5, None)])
def test_absorption_missing(budget, realized):
    assert kinerja.absorption(budget, realized) is None


@pytest.mark.parametrize("budget", [0, "0", "Rp 0"])
def test_absorption_zero_budget_is_undefined(budget):
    with pytest.raises(kinerja.UndefinedError) as info:
        kinerja.absorption(budget, 5)
    assert isinstance(info.value, ValueError)
    assert info.value.id == "kinerja.undefined.zero_budget"


def test_absorption_arrays_and_series():
    out = kinerja.absorption(np.array([4245706160.0, 0.0, np.nan]), np.array([2807606116.0, 5.0, 5.0]),
                             rounding="half_up")
    assert out[0] == pytest.approx(66.13)
    assert np.isnan(out[1:]).all()
    s = pd.Series([4245706160, 12692580100], index=[2018, 2021])
    out = kinerja.absorption(s, [2807606116, 11840364035], rounding="truncate")
    assert isinstance(out, pd.Series)
    assert list(out.index) == [2018, 2021]
    # 66.1282.. and 93.2857.. truncated
    np.testing.assert_allclose(out.to_numpy(), [66.12, 93.28])


def test_absorption_rejects_unreadable_amount():
    with pytest.raises(kinerja.ParseError):
        kinerja.absorption("abc", "5")


def test_absorption_rejects_a_boolean():
    # achievement(True, 5) is a TypeError; a boolean is not an amount of money either
    with pytest.raises(TypeError):
        kinerja.absorption(True, 5)


def test_absorption_rejects_a_percent_as_budget():
    # "50%" is a share, not an amount of money
    with pytest.raises(ValueError):
        kinerja.absorption("50%", "5")


def test_columns_of_printed_text_are_read_cell_by_cell():
    # numpy would read "1.000" as 1.0; kinerja reads each cell as printed, with the unit as context
    with pytest.raises(kinerja.ParseError):  # 1.000 without a unit: one or one thousand, never guessed
        kinerja.achievement(np.array([100.0, 100.0]), ["1.000", "90"])
    # with people as the unit 1.000 is a thousand: 1000 / 100 x 100 = 1000 %, 90 / 100 x 100 = 90 %
    assert kinerja.achievement(np.array([100.0, 100.0]), ["1.000", "90"], unit="Orang").tolist() == [1000.0, 90.0]
    # grades and ratios as printed (Tabel 2.7): 72.79 / 60 x 100 = 121.3166..., and lower-is-better
    # ratios 1 : 4.250 -> 1 : 4.347 compare as rates: 4347 / 4250 x 100 = 102.28
    out = kinerja.achievement(["CC (60)", "1 : 4.250"], ["BB (72.79)", "1 : 4.347"], rounding="half_up")
    assert out[0] == 121.32
    lower = kinerja.achievement(pd.Series(["1 : 4.250", None]), pd.Series(["1 : 4.347", "1 : 4.000"]),
                                polarity="lower", rounding="half_up")
    assert isinstance(lower, pd.Series)
    assert lower.iloc[0] == 102.28 and math.isnan(lower.iloc[1])  # a missing target: NaN
    # printed money: 8,997,000 / 10,000,000 x 100 = 89.97; a zero budget is undefined: NaN
    spent = kinerja.absorption(["10,000,000", "Rp 0", None], ["8,997,000", "5", "1"], rounding="half_up")
    assert spent[0] == 89.97 and math.isnan(spent[1]) and math.isnan(spent[2])
    assert kinerja.absorption(["1.000.000", "2"], np.array([1.0, 1.0])).tolist() == pytest.approx([0.0001, 50.0])
    with pytest.raises(kinerja.ParseError):
        kinerja.absorption(["Rp 1.0.0"], [1.0])  # a cell that cannot be read names its text


def test_zero_dimensional_arrays_are_numbers():
    # np.array(60.0) is one number: a float comes back, as for 60.0, not an array of one
    assert kinerja.achievement(np.array(60.0), 72.79, rounding="half_up") == 121.32  # 72.79 / 60 x 100
    assert kinerja.absorption(np.array(100), np.float64(90.0)) == 90.0
    assert kinerja.achievement_detail(np.array(60.0), 72.79).attainment == "exceeded"
