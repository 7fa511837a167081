"""Typed values as printed in plan tables (kinerja.parse_value, parse_number, format_*).

Every expectation is read off the printed text by hand; the comments say how.
"""

import pickle
import re

import pytest

import kinerja


def test_version_is_a_dotted_triple_string():
    assert isinstance(kinerja.__version__, str)
    assert re.fullmatch(r"\d+\.\d+\.\d+", kinerja.__version__)


# --------------------------------------------------------------------------- kinds and numbers

@pytest.mark.parametrize(
    "text, kind, number",
    [
        ("77.90%", "percent", 77.9),           # Tabel 2.7 ARG 2020: '.' then 2 digits -> decimal
        ("53.395%", "percent", 53.395),        # percent sign: a share, so '.' is a decimal mark
        ("0.028%", "percent", 0.028),          # Tabel 2.7 child violence 2020
        ("0,028%", "percent", 0.028),          # the same in Indonesian convention
        ("0.030 %", "percent", 0.030),         # Tabel 2.7 prints a space before the sign
        ("92.95", "number", 92.95),            # an index (IPG)
        ("0,253", "number", 0.253),            # leading 0: ',' cannot group thousands -> 0.253
        ("1 : 4.000", "ratio", 4000.0),        # one case per 4,000 women: number is N
        ("1 : 4.545", "ratio", 4545.0),
        ("1:17,9", "ratio", 17.9),             # ',' then one digit is a decimal mark
        ("1 : 4,000", "ratio", 4000.0),        # English grouping of the same N
        ("BB (75.10)", "grade", 75.1),         # grade with its score
        ("A (80.351)", "grade", 80.351),
        ("CC (60)", "grade", 60.0),
        ("44 OPD", "count", 44.0),
        ("2364 Orang", "count", 2364.0),
        ("737Orang/bulan", "count", 737.0),    # unit glued to the number
        ("290,00 Organisasi", "count", 290.0), # ',00' two decimals
        ("Rp. 22.275.313.470,-", "money", 22275313470.0),
        ("Rp 5.599.220.800", "money", 5599220800.0),
        ("1.234.567,89", "number", 1234567.89),  # Indonesian: '.' groups, ',' decimal
        ("1,234,567.89", "number", 1234567.89),  # English: ',' groups, '.' decimal
        ("8,958,876,144", "number", 8958876144.0),  # several groups settle the convention
        ("5.599.220.800", "number", 5599220800.0),
        ("1,584.900.000", "number", 1584900000.0),  # mixed separators, all groups of 3
        ("6.741.576.000,00", "number", 6741576000.0),
        ("100", "number", 100.0),
    ],
)
def test_parse_value_kind_and_number(text, kind, number):
    v = kinerja.parse_value(text)
    assert v.kind == kind
    assert v.number == pytest.approx(number, rel=1e-12)


@pytest.mark.parametrize("text, kind", [("-", "missing"), ("", "missing"), ("   ", "missing"),
                                        ("n/a", "placeholder")])
def test_missing_cells_are_missing_values(text, kind):
    v = kinerja.parse_value(text)
    assert v.kind == kind
    assert v.number is None
    assert v.is_missing


@pytest.mark.parametrize(
    "text, grade, score",
    [
        ("BB (75.10)", "BB", 75.1),
        ("CC (60)", "CC", 60.0),
        ("B (65)", "B", 65.0),
        ("BB (72.79)", "BB", 72.79),
        ("AA (95)", "AA", 95.0),
        ("D (10)", "D", 10.0),
    ],
)
def test_grade_keeps_letters_and_score(text, grade, score):
    v = kinerja.parse_value(text)
    assert v.kind == "grade"
    assert v.grade == grade
    assert v.number == pytest.approx(score)
    assert v.scale == "AKIP"


def test_grade_without_score_has_no_number():
    v = kinerja.parse_value("BB")
    assert v.kind == "grade"
    assert v.grade == "BB"
    assert v.number is None


@pytest.mark.parametrize(
    "text, level",
    [("Madya", "Madya"), ("Nindya", "Nindya"), ("Pratama", "Pratama"), ("Mentor", "Mentor"),
     ("Pertama", "Pratama")],  # APE's "Pertama" is an alias of Pratama
)
def test_predicates_are_levels(text, level):
    v = kinerja.parse_value(text)
    assert v.kind == "predicate"
    assert v.level == level
    assert v.number is None


def test_predicate_only_on_ape_names_its_scale():
    # "Mentor" and the alias "Pertama" exist only on the APE scale
    assert kinerja.parse_value("Mentor").scale == "APE"
    assert kinerja.parse_value("Pertama").scale == "APE"


def test_predicate_with_scale_context():
    v = kinerja.parse_value("Nindya", "KLA")
    assert (v.kind, v.level, v.scale) == ("predicate", "Nindya", "KLA")


@pytest.mark.parametrize(
    "text, unit",
    [("44 OPD", "OPD"), ("2364 Orang", "Orang"), ("737Orang/bulan", "Orang/bulan"),
     ("290,00 Organisasi", "Organisasi"), ("12 Dokumen", "Dokumen"), ("1 Laporan", "Laporan"),
     ("77.90%", "%"), ("Rp. 22.275.313.470,-", "Rupiah")],
)
def test_unit_of_counts_percent_and_money(text, unit):
    assert kinerja.parse_value(text).unit == unit


@pytest.mark.parametrize(
    "text, decimals",
    [("77.90%", 2), ("53.395%", 3), ("66,7", 1), ("100", 0), ("290,00 Organisasi", 2), ("1:17,9", 1)],
)
def test_printed_precision_is_kept(text, decimals):
    # digits after the decimal mark, counted by hand
    assert kinerja.parse_value(text).decimals == decimals


@pytest.mark.parametrize(
    "text, convention",
    [("1.234.567,89", "indonesian"), ("1,234,567.89", "english"), ("0,253", "indonesian"),
     ("92.95", "english")],
)
def test_convention_revealed_by_the_text(text, convention):
    assert kinerja.parse_value(text).convention == convention


# --------------------------------------------------------------------------- context settles ambiguity

@pytest.mark.parametrize(
    "text, context, kind, number",
    [
        ("742,340", "KLA", "number", 742.34),    # 742340 is outside 0..1000, so 742.34
        ("742,340", "kla", "number", 742.34),    # scale names ignore case
        ("1.000", "Rupiah", "money", 1000.0),    # money groups thousands
        ("1,000", "Rupiah", "money", 1000.0),
        ("1.000", "Orang", "count", 1000.0),     # people are counted in whole numbers
        ("5.599.220.800", "Rupiah", "money", 5599220800.0),
        ("50", "Persen", "percent", 50.0),
        ("50", "%", "percent", 50.0),
        ("2364", "Orang", "count", 2364.0),
        ("0,253", "index", "number", 0.253),
        ("72.79", "AKIP", "number", 72.79),
    ],
)
def test_context_settles_the_reading(text, context, kind, number):
    v = kinerja.parse_value(text, context)
    assert v.kind == kind
    assert v.number == pytest.approx(number)


@pytest.mark.parametrize(
    "text, context, level",
    [
        ("742,340", "KLA", "Nindya"),   # 742.34 lies in Nindya (700, 800]
        ("1000", "KLA", "KLA"),         # top band (900, 1000] includes 1000
        ("650", "KLA", "Madya"),        # (600, 700]
    ],
)
def test_score_with_scale_context_gets_its_level(text, context, level):
    v = kinerja.parse_value(text, context)
    assert v.level == level
    assert v.scale == "KLA"


@pytest.mark.parametrize(
    "text, grade",
    [("72.79", "BB"), ("60", "CC"), ("12.5", "D"), ("90.5", "AA")],  # PermenPANRB 88/2021 bands
)
def test_akip_score_with_context_gets_its_grade(text, grade):
    assert kinerja.parse_value(text, "AKIP").grade == grade


@pytest.mark.parametrize(
    "text, column",
    [("1.000", 2), ("742,340", 4), ("18.221", 3)],  # column of the lone separator, 1-based
)
def test_ambiguous_number_without_context_is_an_error_not_a_guess(text, column):
    with pytest.raises(kinerja.ParseError) as info:
        kinerja.parse_value(text)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.id == "kinerja.parse.ambiguous_number"
    assert err.text == text
    assert err.column == column
    assert err.position == column - 1
    assert str(err)


def test_ambiguous_number_with_a_unit_that_cannot_settle_it_stays_an_error():
    # "Persen" admits both 1000 and 1, so it must not choose
    with pytest.raises(kinerja.ParseError):
        kinerja.parse_value("1.000", "Persen")


# --------------------------------------------------------------------------- parse_number

@pytest.mark.parametrize(
    "text, kwargs, value, decimals",
    [
        ("1.234.567,89", {}, 1234567.89, 2),
        ("1,234,567.89", {}, 1234567.89, 2),
        ("-1.234,5", {}, -1234.5, 1),
        ("742,340", {"minimum": 0, "maximum": 1000}, 742.34, 3),
        ("1.000", {"ambiguous": "grouping"}, 1000.0, 0),
        ("1.000", {"ambiguous": "decimal"}, 1.0, 3),
        ("1,584.900.000", {}, 1584900000.0, 0),
    ],
)
def test_parse_number(text, kwargs, value, decimals):
    n = kinerja.parse_number(text, **kwargs)
    assert n.value == pytest.approx(value)
    assert n.decimals == decimals
    assert float(n) == pytest.approx(value)


def test_parse_number_half_unit_of_last_digit():
    # "66,7" stands for 66.65 .. 66.75: half a unit of the first decimal is 0.05
    assert kinerja.parse_number("66,7").half_unit() == pytest.approx(0.05)


# --------------------------------------------------------------------------- formatting

@pytest.mark.parametrize(
    "value, args, expected",
    [
        (1234.5, (), "1.234,50"),                         # default: Indonesian, 2 decimals
        (1234567.891, ("english",), "1,234,567.89"),
        (1234.5, ("indonesian", 0), "1.235"),             # .5 rounds half up
        (0.125, ("english", 2), "0.13"),                  # half away from zero
        (-1234.5, (), "-1.234,50"),
        (1234.5, ("english", 2, False), "1234.50"),       # no grouping
        (22275313470, ("english", 0), "22,275,313,470"),  # large money keeps every digit
        (4245706160, ("indonesian", 0), "4.245.706.160"),
        (12692580100, ("indonesian", 2), "12.692.580.100,00"),
    ],
)
def test_format_number(value, args, expected):
    assert kinerja.format_number(value, *args) == expected


@pytest.mark.parametrize(
    "text, convention, expected",
    [
        ("1 : 4.000", "english", "1 : 4,000"),
        ("1 : 4.000", "indonesian", "1 : 4.000"),
        ("BB (75.10)", "indonesian", "BB (75,10)"),
        ("77.90%", "indonesian", "77,90%"),
        ("0,253", "english", "0.253"),
        ("-", "indonesian", "-"),
        ("Nindya", "english", "Nindya"),
        ("Rp. 22.275.313.470,-", "english", "Rp 22,275,313,470"),
        ("8,958,876,144", "indonesian", "8.958.876.144"),
    ],
)
def test_format_value_in_either_convention(text, convention, expected):
    assert kinerja.format_value(kinerja.parse_value(text), convention) == expected


@pytest.mark.parametrize("text", ["1.234.567,89", "1 : 4.545", "BB (75.10)", "77.90%", "44 OPD", "0,253"])
def test_indonesian_round_trip(text):
    v = kinerja.parse_value(text)
    again = kinerja.parse_value(kinerja.format_value(v, "indonesian"))
    assert again.kind == v.kind
    assert again.number == pytest.approx(v.number)


def test_values_compare_equal_across_conventions_and_pickle():
    a = kinerja.parse_value("1.234.567,89")
    b = kinerja.parse_value("1,234,567.89")
    assert a == b                        # same kind, number, precision (text is not compared)
    assert a != kinerja.parse_value("1.234.567,8")
    v = kinerja.parse_value("BB (75.10)")
    w = pickle.loads(pickle.dumps(v))
    assert w == v
    assert (w.kind, w.grade, w.number, w.text) == ("grade", "BB", 75.1, "BB (75.10)")
    assert hash(a) == hash(b)


# ---------------------------------------------------------------------------------- declared convention


def test_a_declared_convention_settles_the_ambiguous_form():
    # "18.221": 18221 with '.' grouping thousands (Indonesian), 18.221 with '.' as decimal mark
    with pytest.raises(kinerja.ParseError):
        kinerja.parse_value("18.221", "Rasio")
    assert kinerja.parse_value("18.221", "Rasio", convention="english").number == 18.221
    assert kinerja.parse_value("18.221", "Rasio", convention="indonesian").number == 18221.0
    # before the unit's default (counts group thousands) and before a scale's range
    assert kinerja.parse_value("18.221", "Orang").number == 18221.0
    assert kinerja.parse_value("18.221", "Orang", convention="english").number == 18.221
    assert kinerja.parse_value("742,340", "KLA").number == 742.34
    assert kinerja.parse_value("742,340", "KLA", convention="english").number == 742340.0
    # unambiguous forms are read as printed
    assert kinerja.parse_value("22.90", "Rasio", convention="indonesian").number == 22.9
    assert kinerja.parse_number("18.221", convention="english").value == 18.221
    assert kinerja.parse_number("1.500", ambiguous="grouping", convention="english").value == 1.5
    with pytest.raises(kinerja.UnknownNameError):
        kinerja.parse_value("1", convention="french")


# --------------------------------------------------------------------------- exact money (issue 13)

def test_money_beyond_2_53_is_exact_from_parse_to_print():
    # Regression: Rp 9.007.199.254.740.993 (2^53 + 1) printed back as ...992
    v = kinerja.parse_value("Rp 9.007.199.254.740.993")
    assert v.exact == 9_007_199_254_740_993
    assert type(v.exact) is int
    assert v.format() == "Rp 9.007.199.254.740.993"
    assert kinerja.format_value(v, "english") == "Rp 9,007,199,254,740,993"
    # pickling keeps the exact amount
    assert pickle.loads(pickle.dumps(v)).format() == "Rp 9.007.199.254.740.993"
    assert v != kinerja.parse_value("Rp 9.007.199.254.740.992")
    # decimals are a Decimal: 1.234,50 is exactly 1234.50
    from decimal import Decimal
    assert kinerja.parse_value("Rp 1.234,50").exact == Decimal("1234.50")
    assert kinerja.parse_number("9.007.199.254.740.993").exact == 9_007_199_254_740_993
    assert kinerja.parse_value("-").exact is None


def test_format_number_writes_ints_and_decimals_exactly():
    assert kinerja.format_number(9_007_199_254_740_993, decimals=0) == "9.007.199.254.740.993"
    assert kinerja.format_number(9_007_199_254_740_993, "english", 2) == "9,007,199,254,740,993.00"
    from decimal import Decimal
    assert kinerja.format_number(Decimal("2.675"), "english", 2) == "2.68"  # exact half up
    with pytest.raises(kinerja.ArgumentError) as info:
        kinerja.format_number(10**18, decimals=0)
    assert info.value.id == "kinerja.argument.amount_range"


def test_more_than_18_digits_is_an_error_not_a_rounded_number():
    with pytest.raises(kinerja.ParseError) as info:
        kinerja.parse_value("Rp 1.000.000.000.000.000.000")
    assert info.value.id == "kinerja.parse.too_many_digits"
    assert "19 digits" in str(info.value)


# --------------------------------------------------------------------------- characters from PDFs (issue 13)

def test_no_break_spaces_and_the_minus_sign_read_as_ascii():
    # Regression: "96\u00a0%" and "\u22125%" were rejected
    assert kinerja.parse_value("96\u00a0%").number == 96.0
    assert kinerja.parse_value("\u22125%").number == -5.0
    assert kinerja.parse_value("1\u202f234\u202f567 Orang").number == 1234567.0
    assert kinerja.parse_number("1\u2009234,5").value == 1234.5


def test_a_foreign_character_is_named_whole_with_its_code_point():
    with pytest.raises(kinerja.ParseError) as info:
        kinerja.parse_value("12\u00d73%")
    assert "unexpected character '\u00d7' (U+00D7)" in str(info.value)
    assert info.value.column == 3
    with pytest.raises(kinerja.ParseError, match=r"en dash \(U\+2013\)"):
        kinerja.parse_value("\u20135%")
