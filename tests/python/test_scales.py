"""Ordinal scales: KLA, KLA-printed, APE, AKIP and the achievement categories.

Bands come from the regulations, not from the library:
- AKIP grades, PermenPANRB 88/2021: D 0-30, C >30-50, CC >50-60, B >60-70, BB >70-80,
  A >80-90, AA >90-100.
- KLA ministry bands: Pratama 500-600, Madya 601-700, Nindya 701-800, Utama 801-900,
  KLA 901-1000 (the seed prints them as 500-600, 600-700, ... with shared edges).
- achievement categories (Permendagri 86/2017 evaluations): >=91 very high, 76-90 high,
  66-75 medium, 51-65 low, <=50 very low.
"""

import pytest

import kinerja


@pytest.mark.parametrize(
    "score, grade",
    [
        (0, "D"), (15, "D"), (30, "D"),          # D 0-30, 30 included
        (30.01, "C"), (50, "C"),                 # C >30-50
        (50.01, "CC"), (60, "CC"),               # CC >50-60: 60 is still CC (the seed's CC (60))
        (60.01, "B"), (65, "B"), (69, "B"), (70, "B"),
        (70.01, "BB"), (72.79, "BB"), (74.39, "BB"), (75.37, "BB"), (76.41, "BB"), (80, "BB"),
        (80.01, "A"), (80.351, "A"), (90, "A"),
        (90.01, "AA"), (100, "AA"),
    ],
)
def test_akip_grades_follow_permenpanrb_88_2021(score, grade):
    assert kinerja.classify("AKIP", score) == grade


@pytest.mark.parametrize(
    "score, level",
    [
        (500, "Pratama"), (550, "Pratama"), (600, "Pratama"),   # 500-600
        (601, "Madya"), (650, "Madya"), (700, "Madya"),         # 601-700
        (701, "Nindya"), (742.34, "Nindya"), (800, "Nindya"),   # 701-800
        (801, "Utama"), (900, "Utama"),                         # 801-900
        (901, "KLA"), (1000, "KLA"),                            # 901-1000
    ],
)
def test_kla_ministry_bands(score, level):
    assert kinerja.classify("KLA", score) == level


@pytest.mark.parametrize(
    "score, level",
    # as the seed prints them, a shared edge starts the next band: 600-700 is Madya from 600
    [(500, "Pratama"), (599.99, "Pratama"), (600, "Madya"), (700, "Nindya"), (800, "Utama"),
     (900, "KLA"), (1000, "KLA")],
)
def test_kla_printed_bands(score, level):
    assert kinerja.classify("KLA-printed", score) == level


def test_classify_example_from_the_brief():
    assert kinerja.classify("KLA", 742.34) == "Nindya"
    assert kinerja.classify("AKIP", 60) == "CC"


def test_scale_names_are_case_insensitive():
    assert kinerja.classify("akip", 72.79) == "BB"
    assert kinerja.classify("kla", 742.34) == "Nindya"


@pytest.mark.parametrize("scale, score", [("KLA", 499.99), ("KLA", 1000.1), ("AKIP", -1), ("AKIP", 100.5),
                                          ("AKIP", float("nan"))])
def test_score_outside_every_band_is_undefined(scale, score):
    with pytest.raises(kinerja.UndefinedError) as info:
        kinerja.classify(scale, score)
    assert isinstance(info.value, ValueError)
    assert info.value.id == "kinerja.undefined.outside_scale"


def test_unbanded_scale_cannot_classify_a_score():
    with pytest.raises(kinerja.ArgumentError) as info:
        kinerja.classify("APE", 3)
    assert info.value.id == "kinerja.argument.unbanded_scale"


def test_unknown_scale_is_a_lookup_error_naming_it():
    with pytest.raises(kinerja.UnknownNameError) as info:
        kinerja.classify("XYZ", 3)
    assert isinstance(info.value, LookupError)
    assert info.value.name == "XYZ"
    assert "XYZ" in str(info.value)


def test_classify_rejects_a_non_number_score():
    with pytest.raises(TypeError):
        kinerja.classify("AKIP", None)


def test_builtin_scale_names():
    names = kinerja.scale_names()
    for name in ["KLA", "KLA-printed", "APE", "AKIP", "capaian"]:
        assert name in names


def test_ape_levels_in_order_with_pertama_alias():
    s = kinerja.get_scale("APE")
    assert [l.name for l in s.levels] == ["Pratama", "Madya", "Utama", "Mentor"]
    assert "Pertama" in s.levels[0].aliases


def test_akip_levels_lowest_first():
    assert [l.name for l in kinerja.get_scale("AKIP").levels] == ["D", "C", "CC", "B", "BB", "A", "AA"]


# --------------------------------------------------------------------------- achievement categories

@pytest.mark.parametrize(
    "percent, category",
    [
        (158.03, "Sangat Tinggi"), (100, "Sangat Tinggi"), (91, "Sangat Tinggi"),   # >= 91
        (90, "Tinggi"), (76, "Tinggi"),                                             # 76-90
        (75, "Sedang"), (66, "Sedang"),                                             # 66-75
        (65, "Rendah"), (51, "Rendah"),                                             # 51-65
        (50, "Sangat Rendah"), (0, "Sangat Rendah"),                                # <= 50
    ],
)
def test_achievement_categories(percent, category):
    assert kinerja.category(percent) == category
    assert kinerja.classify("capaian", percent) == category


def test_category_on_another_scale_and_unknown_scale():
    assert kinerja.category(72.79, "AKIP") == "BB"
    with pytest.raises(kinerja.UnknownNameError):
        kinerja.category(90, "nope")


# --------------------------------------------------------------------------- user scales

def test_user_scale_from_interval_bands():
    s = kinerja.Scale("Bintang", [("Satu", "[0,50)"), ("Dua", "[50,80)"), ("Tiga", "[80,100]")])
    assert s.classify(0) == "Satu"
    assert s.classify(49.99) == "Satu"
    assert s.classify(50) == "Dua"      # '[' includes 50
    assert s.classify(80) == "Tiga"
    assert s.classify(100) == "Tiga"    # ']' includes 100


def test_registered_user_scale_is_known_to_classify_and_parse():
    s = kinerja.Scale("Bintang-test", [("Satu", "[0,50)"), ("Dua", "[50,100]")])
    kinerja.register_scale(s, replace=True)
    assert kinerja.classify("Bintang-test", 75) == "Dua"
    assert kinerja.parse_value("Dua", "Bintang-test").level == "Dua"


@pytest.mark.parametrize(
    "levels",
    [
        [("A", "[0,60]"), ("B", "[50,100]")],   # overlapping bands
        [("A", "[0,50)"), "B"],                 # only some levels banded
        [("A", "[0,50)"), ("A", "[50,100]")],   # repeated name
    ],
)
def test_invalid_scales_are_rejected(levels):
    with pytest.raises(kinerja.ArgumentError):
        kinerja.Scale("Bad", levels)


def test_band_notation_errors():
    with pytest.raises(kinerja.ParseError):
        kinerja.Scale("Bad", [("A", "0 to 50")])
