"""Audit of printed achievement: does Tabel 2.7's "Rasio Capaian" follow from its own inputs?

Tabel 2.7 prints achievement as a fraction (1.21 = 121 %). Expectations worked by hand:
- violence rates are lower-is-better; the seed's own method is inverse (target / realization);
- KLA/APE predicates compare 1-based positions (KLA: Pratama 1, Madya 2, Nindya 3, ...).
"""

import pytest

import kinerja


# --------------------------------------------------------------------------- Tabel 2.7

@pytest.mark.parametrize(
    "target, realization, reported",
    [
        pytest.param("CC (60)", "BB (72.79)", "1.21", id="AKIP-2019 72.79/60=1.2132 -> 1.21"),
        pytest.param("B (65)", "BB (74.39)", "1.14", id="AKIP-2020 74.39/65=1.1445 -> 1.14"),
        pytest.param("B (69)", "BB (75.37)", "1.09", id="AKIP-2021 75.37/69=1.0923 -> 1.09"),
        pytest.param("BB (75)", "BB (76.41)", "1.02", id="AKIP-2022 76.41/75=1.0188 -> 1.02"),
        pytest.param("53.24%", "77.90%", "1.46", id="ARG-2020 77.90/53.24=1.4632 -> 1.46"),
        pytest.param("53.24%", "84.14%", "1.58", id="ARG-2021 84.14/53.24=1.5804 -> 1.58"),
        pytest.param("Madya", "Madya", "1.00", id="KLA-2019 2/2"),
        pytest.param("Nindya", "Nindya", "1.00", id="KLA-2021 3/3"),
        pytest.param("Pratama", "Pratama", "1.00", id="APE-2019 1/1"),
    ],
)
def test_tabel_2_7_consistent_higher_rows(target, realization, reported):
    r = kinerja.audit_achievement(target, realization, reported)
    assert r.consistent is True
    assert r.expected == pytest.approx(float(reported))
    assert "direct" in r.methods


def test_akip_2019_consistent_with_higher_polarity_given():
    r = kinerja.audit_achievement("CC (60)", "BB (72.79)", "1.21", polarity="higher")
    assert r.consistent is True
    assert list(r.methods) == ["direct"]
    assert r.scale == "fraction"


def test_kla_2020_madya_to_nindya_printed_2_00_is_inconsistent():
    # positions Madya 2 -> Nindya 3: 3/2 = 1.50, not 2.00
    r = kinerja.audit_achievement("Madya", "Nindya", "2.00")
    assert r.consistent is False
    assert r.expected == pytest.approx(1.50)
    assert list(r.methods) == []
    assert r.explanation


def test_kla_2020_with_scale_named():
    r = kinerja.audit_achievement("Madya", "Nindya", "2.00", unit="KLA")
    assert r.consistent is False
    assert r.expected == pytest.approx(1.50)


def test_child_violence_2019_printed_0_60_is_inconsistent_for_lower():
    # target 0.040 %, realization 0.024 %: inverse 0.040/0.024 = 1.6667 -> 1.67; the printed
    # 0.60 is realization/target (0.024/0.040), the higher-is-better formula.
    r = kinerja.audit_achievement("0.040%", "0.024%", "0.60", polarity="lower")
    assert r.consistent is False
    assert r.expected == pytest.approx(1.67)


def test_child_violence_2020_printed_0_80_is_inconsistent_for_lower():
    # 0.035/0.028 = 1.25 (the text says 125 %); 0.80 = 0.028/0.035
    r = kinerja.audit_achievement("0.035%", "0.028%", "0.80", polarity="lower")
    assert r.consistent is False
    assert r.expected == pytest.approx(1.25)


def test_child_violence_2019_without_polarity_matches_direct():
    # with the polarity unknown both are tried: 0.024/0.040 = 0.60 by direct
    r = kinerja.audit_achievement("0.040%", "0.024%", "0.60")
    assert r.consistent is True
    assert "direct" in r.methods


def test_women_violence_2020_printed_1_14_is_consistent():
    # rates 1/4000 -> 1/4545: inverse 4545/4000 = 1.13625 -> 1.14
    r = kinerja.audit_achievement("1 : 4.000", "1 : 4.545", "1.14", polarity="lower")
    assert r.consistent is True
    assert list(r.methods) == ["inverse"]
    assert r.expected == pytest.approx(1.14)


def test_women_violence_2021_printed_0_97_is_inconsistent():
    # inverse 4347/4250 = 1.02282 -> 1.02; the printed 0.97 is 4250/4347 = 0.9777 truncated
    r = kinerja.audit_achievement("1 : 4.250", "1 : 4.347", "0.97", polarity="lower")
    assert r.consistent is False
    assert r.expected == pytest.approx(1.02)


@pytest.mark.parametrize(
    "target, realization, reported",
    [
        ("1 : 4.500", "-", "-"),         # 2022 women violence: nothing realized
        ("Madya", "-", "-"),             # APE 2022
        ("BB (75)", "-", "1.02"),        # a printed ratio without its realization
        ("n/a", 5, "100"),
        (5, "n/a", "100"),
    ],
)
def test_missing_target_or_realization_cannot_be_checked(target, realization, reported):
    r = kinerja.audit_achievement(target, realization, reported)
    assert r.consistent is None
    assert r.expected is None
    assert list(r.methods) == []


def test_missing_printed_value_still_gives_the_expected_value():
    # 5/5 = 100 %
    r = kinerja.audit_achievement(5, 5, "-")
    assert r.consistent is None
    assert r.reported is None
    assert r.expected == pytest.approx(100.0)


# --------------------------------------------------------------------------- section 2.3 text (percent)

@pytest.mark.parametrize(
    "target, realization, reported, polarity, method",
    [
        pytest.param(0.035, 0.028, "125%", "lower", "inverse", id="0.035/0.028=125%"),
        pytest.param(0.030, 0.029, "103.44%", "lower", "inverse", id="0.030/0.029=103.448 trunc"),
        pytest.param("1 : 4.000", "1 : 4.545", "113%", "lower", "inverse", id="4545/4000=113.625 trunc 0dp"),
        pytest.param("1 : 4.250", "1 : 4.347", "102.28%", "lower", "inverse", id="4347/4250=102.282"),
        pytest.param(60, 72.79, "121,32", "higher", "direct", id="Indonesian decimal comma 121,32"),
        pytest.param(53.24, 77.90, "146,31", "higher", "direct", id="146.3185 trunc"),
        pytest.param("69%", "75.1%", "108.84%", "higher", "direct", id="75.1/69=108.84"),
        pytest.param("73%", "75.1%", "102.87%", "higher", "direct", id="75.1/73=102.876 trunc"),
        pytest.param("76%", "70.2%", "92.36%", "higher", "direct", id="70.2/76=92.368 trunc"),
        pytest.param("49%", "49.90%", "101.84%", "higher", "direct", id="49.9/49=101.836"),
        pytest.param("1:17,9", "1:20", "111,11", "lower", "inverse",
                     id="20/17.9=111.73; printed precision 19.5..20.5 over 17.85..17.95 spans 108.6..114.8"),
    ],
)
def test_section_2_3_percentages_are_consistent(target, realization, reported, polarity, method):
    r = kinerja.audit_achievement(target, realization, reported, polarity=polarity)
    assert r.consistent is True
    assert method in r.methods
    assert r.scale == "percent"


def test_rupiah_inputs_in_indonesian_print():
    # 20,000,000,000 / 22,275,313,470 = 0.897857 -> 89.79 %
    r = kinerja.audit_achievement("Rp. 22.275.313.470,-", "Rp. 20.000.000.000,-", "89,79")
    assert r.consistent is True
    assert r.expected == pytest.approx(89.79)


def test_reversed_ratio_is_inconsistent_with_expected_value():
    # target 1:20, realization 1:17,9 (worse): inverse = 17.9/20 = 0.895 -> 89.50 %
    r = kinerja.audit_achievement("1:20", "1:17,9", "111,11", polarity="lower")
    assert r.consistent is False
    assert r.expected == pytest.approx(89.50)


@pytest.mark.parametrize(
    "reported, method",
    [("125", "inverse"),      # 100/80
     ("120", "complement"),   # (2 - 0.8) * 100
     ("20", "reduction")],    # (100 - 80) / 100
)
def test_lower_methods_are_named(reported, method):
    r = kinerja.audit_achievement(100, 80, reported, polarity="lower")
    assert r.consistent is True
    assert method in r.methods


def test_capped_result_is_recognised():
    # inverse 100/80 = 125 %, capped at 100 -> 100
    r = kinerja.audit_achievement(100, 80, "100", polarity="lower")
    assert r.consistent is True
    assert any(m.cap == 100 for m in r.matches)


def test_matches_describe_how():
    r = kinerja.audit_achievement("1 : 4.000", "1 : 4.545", "113%", polarity="lower")
    m = r.matches[0]
    assert m.method == "inverse"
    assert m.polarity == "lower"
    assert m.rounding == "truncate"
    assert m.decimals == 0
    assert isinstance(m.describe(), str) and m.describe()


def test_reported_as_number_not_text():
    # 121.32 read as percent, 1.21 as a fraction
    assert kinerja.audit_achievement(60, 72.79, 121.32).consistent is True
    assert kinerja.audit_achievement(60, 72.79, 1.21).consistent is True


@pytest.mark.parametrize(
    "reported, scale, expected",
    [("1.21", "percent", 121.32),     # read as 1.21 %, far from 121.32 %
     ("121.32", "fraction", 1.21)],   # read as 12132 %
)
def test_forcing_the_scale(reported, scale, expected):
    r = kinerja.audit_achievement(60, 72.79, reported, scale=scale)
    assert r.consistent is False
    assert r.scale == scale
    assert r.expected == pytest.approx(expected)


@pytest.mark.parametrize(
    "reported, expected",
    [("150", 121.0),       # 72.79/60 = 121.3167 %, half up to the printed 0 decimals -> 121
     ("150.00", 121.32)],  # ... to the printed 2 decimals -> 121.32
)
def test_wrong_value_far_off_is_inconsistent(reported, expected):
    r = kinerja.audit_achievement(60, 72.79, reported)
    assert r.consistent is False
    assert r.expected == pytest.approx(expected)


# --------------------------------------------------------------------------- bad input

def test_zero_target_is_inconsistent_with_no_expected_value():
    r = kinerja.audit_achievement(0, 5, "100")
    assert r.consistent is False
    assert r.expected is None


def test_incomparable_inputs():
    with pytest.raises(kinerja.ArgumentError):
        kinerja.audit_achievement("44 OPD", "20 Orang", "50")


def test_unreadable_reported_value():
    with pytest.raises(kinerja.ParseError) as info:
        kinerja.audit_achievement(5, 5, "abc")
    assert info.value.column == 1


def test_unknown_polarity_and_scale():
    with pytest.raises(kinerja.UnknownNameError):
        kinerja.audit_achievement(5, 5, "100", polarity="up")
    with pytest.raises(ValueError):
        kinerja.audit_achievement(5, 5, "100", scale="both")


def test_ambiguous_inputs_need_a_unit():
    with pytest.raises(kinerja.ParseError):
        kinerja.audit_achievement("1.000", "1.200", "120")
    # as people: 1200/1000 = 120 %
    assert kinerja.audit_achievement("1.000", "1.200", "120", unit="Orang").consistent is True


# --------------------------------------------------------------------------- numbers are exact

def test_numeric_inputs_are_exact_not_widened_by_their_shortest_form():
    # 0.030 / 0.029 = 103.45% (inverse) and (2 - 0.029/0.030) = 103.33%: neither rounds to 116.
    # Read as a printed "0.03" (0.025..0.035), the inverse could reach 0.035/0.0285 = 122.8%,
    # which is how 116 used to be judged consistent.
    r = kinerja.audit_achievement(0.030, 0.029, 116.0, polarity="lower")
    assert r.consistent is False
    # the exact inputs still reproduce their own achievement: 0.030/0.029 = 103.448..% -> 103.45
    assert kinerja.audit_achievement(0.030, 0.029, 103.45, polarity="lower").consistent is True
    assert kinerja.audit_achievement(0.030, 0.029, 103.46, polarity="lower").consistent is False


def test_decimals_states_the_printed_precision_of_numbers():
    # printed to 2 decimals: target 0.025..0.035, realization 0.024..0.034;
    # inverse spans 0.025/0.034 = 73.5% .. 0.035/0.024 = 145.8%, so 116 lies within
    r = kinerja.audit_achievement(0.030, 0.029, 116.0, polarity="lower", decimals=2)
    assert r.consistent is True
    assert all(not m.exact for m in r.matches)
    # printed to 3 decimals: target 0.0295..0.0305, realization 0.0285..0.0295;
    # inverse at most 0.0305/0.0285 = 107.0%, and 2 - r/t at most 2 - 0.0285/0.0305 = 106.6%
    assert kinerja.audit_achievement(0.030, 0.029, 116.0, polarity="lower", decimals=3).consistent is False


def test_text_inputs_keep_their_printed_precision():
    # "0,03" is printed to 2 decimals: the same interval as decimals=2 above
    assert kinerja.audit_achievement("0,03", "0,029", "116", polarity="lower").consistent is True


def test_a_number_made_without_decimals_is_unrounded():
    v = kinerja._core.make_value(0.03)
    assert v.unrounded is True and v.half_unit() == 0.0
    w = kinerja._core.make_value(0.03, None, 2)
    assert w.unrounded is False and w.half_unit() == pytest.approx(0.005)
    assert kinerja.parse_value("0,03").unrounded is False


@pytest.mark.parametrize("bad", [-1, 16, 2.5, True, "2"])
def test_decimals_must_be_a_small_whole_number(bad):
    with pytest.raises(kinerja.ArgumentError, match="decimals must be a whole number from 0 to 15"):
        kinerja.audit_achievement(0.030, 0.029, 116.0, polarity="lower", decimals=bad)
