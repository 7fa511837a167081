"""The formula language from Python (kinerja.Formula, kinerja.FormulaError).

Every expected value is worked out by hand in the comment beside it. Data from the seed document
(DPPPA Kota Bekasi): Tabel 2.9, child violence cases by kecamatan and sex 2018-2020; Tabel 2.10,
cases by month of 2021. Tests marked "Regression" pin bugs these tests found, now fixed; those
that once crashed the interpreter run in a subprocess.
"""

import math
import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

import kinerja
from kinerja import Formula, FormulaError
from kinerja.errors import ArgumentError, KinerjaError, UnknownNameError

# Tabel 2.9: kecamatan -> (L 2018, P 2018, L 2019, P 2019, L 2020, P 2020)
TABEL_2_9 = {
    "Bekasi Utara": (10, 13, 5, 10, 14, 26),
    "Bekasi Selatan": (4, 16, 20, 17, 7, 11),
    "Bekasi Timur": (10, 18, 10, 13, 9, 14),
    "Bekasi Barat": (8, 4, 8, 11, 10, 12),
    "Bantar Gebang": (0, 4, 0, 4, 1, 2),
    "Jati Asih": (2, 7, 3, 20, 7, 14),
    "Pondok Gede": (5, 5, 13, 10, 5, 6),
    "Jati Sampurna": (2, 5, 0, 1, 2, 5),
    "Rawa Lumbu": (0, 2, 6, 13, 5, 8),
    "Mustika Jaya": (6, 10, 4, 13, 7, 16),
    "Medan Satria": (4, 8, 5, 3, 2, 4),
    "Pondok Melati": (8, 2, 3, 5, 2, 7),
}
# Tabel 2.10, JUMLAH row: cases per month of 2021 (total 162)
MONTHS_2021 = [10, 13, 18, 9, 8, 15, 15, 15, 21, 8, 16, 14]


def violence_frame():
    """A DataFrame with one row per year (2018, 2019, 2020) and 24 columns cases[sex=..,kecamatan=..]."""
    columns = {}
    for name, (l18, p18, l19, p19, l20, p20) in TABEL_2_9.items():
        columns[f"cases[sex=L,kecamatan={name}]"] = [l18, l19, l20]
        columns[f"cases[sex=P,kecamatan={name}]"] = [p18, p19, p20]
    return pd.DataFrame(columns, index=pd.Index([2018, 2019, 2020], name="tahun"))


def same(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all((a == b) | (np.isnan(a) & np.isnan(b))))


# ---------------------------------------------------------------------------------- scalars


def test_the_docstring_example():
    f = Formula("cases / women * 100_000", units={"cases": "Orang", "women": "Orang"})
    assert f.unit == "per 100.000"
    assert f.variables == ["cases", "women"]
    # 208 / 906,000 = 0.000229580573951..., x 100,000 = 22.958057395...
    value = f.evaluate({"cases": 208, "women": 906_000})
    assert type(value) is float
    assert value == pytest.approx(22.958057395143488, abs=1e-12)
    assert f.text == "cases / women * 100_000"
    assert "per 100.000" in repr(f)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.5", 1.5),
        ("100_000", 100000.0),
        ("5e-5", 5e-5),
        ("0.253", 0.253),
        ("2 + 3 * 4", 14.0),  # 3*4 + 2
        ("2 ^ 3 ^ 2", 512.0),  # 2^(3^2)
        ("-2 ^ 2", -4.0),  # -(2^2): ^ binds tighter than a unary minus on its left
        ("not 1 = 2", 1.0),  # not (1 = 2)
        ("1 < 2 and 3 > 4 or 1", 1.0),  # (1 and 0) or 1
        ("2 <> 3", 1.0),
        ("2 == 3", 0.0),
        ("round(2.5)", 3.0),
        ("round(-2.5)", -3.0),
        ("round(1.0050, 2)", 1.01),  # half up on the decimal 1.005; the tolerance gets it right
        ("IF(1, 2, 3) + Abs(-1)", 3.0),
        ("greatest(1, x, 3)", 3.0),  # ignores the missing x
        ("firstNonNull(x, 7)", 7.0),
        ("isNull(x)", 1.0),
        ("log10(1000) + sqrt(16) + floor(2.7) + ceil(2.1)", 12.0),  # 3 + 4 + 2 + 3
    ],
)
def test_scalar_values(text, expected):
    assert Formula(text).evaluate({"x": None}) == expected  # x, where used, is missing data


def test_missing_values_are_nan_with_a_reason():
    f = Formula("a / b")
    assert math.isnan(f.evaluate({"a": 1, "b": 0}))
    assert f.explain({"a": 1, "b": 0}) == "division by zero"
    assert math.isnan(f.evaluate({"a": None, "b": 2}))
    assert f.explain({"a": None, "b": 2}) == "missing input"
    assert math.isnan(f.evaluate({"a": math.nan, "b": 2}))
    assert f.explain({"a": 1, "b": 2}) == "none"
    assert Formula("sqrt(-1)").explain({}) == "outside the function's domain"
    assert Formula("ln(0)").explain({}) == "outside the function's domain"
    assert Formula("exp(1000)").explain({}) == "not finite"
    assert math.isnan(Formula("1e308 * 10").evaluate({}))
    assert Formula("previous(x)").explain({"x": 1}) == "no previous period"


def test_missing_zero_strategy():
    f = Formula("a + b", missing="zero")
    assert f.missing == "zero"
    assert f.evaluate({"a": 2, "b": None}) == 2.0
    assert same(f.evaluate({"a": np.array([1.0, np.nan]), "b": np.array([np.nan, np.nan])}), [1.0, 0.0])
    assert Formula("a").missing == "propagate"
    with pytest.raises(ValueError):
        Formula("a", missing="drop")


def test_numpy_scalars_and_booleans():
    assert Formula("a * 2").evaluate({"a": np.float64(1.5)}) == 3.0
    assert Formula("a * 2").evaluate({"a": np.int64(4)}) == 8.0
    with pytest.raises(TypeError):
        Formula("a * 2").evaluate({"a": True})
    with pytest.raises(TypeError):
        Formula(42)


# ---------------------------------------------------------------------------------- arrays


def test_arrays_give_a_float_array_and_agree_with_scalars():
    x = np.array([0.0, 1.0, -1.0, 2.5, np.nan, 1e308, 4.0])
    y = np.array([0.0, 3.0, 0.0, -2.0, 1.0, 10.0, 2.0])
    f = Formula("x / y * 100 + sqrt(x + 0)")
    out = f.evaluate({"x": x, "y": y})
    assert isinstance(out, np.ndarray)
    assert out.dtype == np.float64 and out.shape == (7,)
    for i in range(7):
        assert same(out[i], f.evaluate({"x": float(x[i]), "y": float(y[i])})), i
    # row 3: 2.5 / -2 * 100 + sqrt(2.5) = -125 + 1.5811388300841898
    assert out[3] == pytest.approx(-125 + 1.5811388300841898, abs=1e-12)
    assert not np.isinf(out).any()
    reasons = f.explain({"x": x, "y": y})
    assert reasons == ["division by zero", "none", "division by zero", "none", "missing input", "not finite", "none"]


def test_inputs_are_not_modified_and_any_layout_works():
    x = np.array([1.0, np.nan, 3.0, 4.0])
    y = np.array([2.0, 2.0, 0.0, 8.0])
    x_before, y_before = x.copy(), y.copy()
    out = Formula("firstNonNull(x, 0) / y * 100", missing="zero").evaluate({"x": x, "y": y})
    assert same(x, x_before) and same(y, y_before)  # the missing=zero copy is not written back
    assert same(out, [50.0, 0.0, np.nan, 50.0])  # 1/2, 0/2 (x zeroed), 3/0, 4/8
    assert not np.shares_memory(out, x) and not np.shares_memory(out, y)
    # non-contiguous (every other element) and integer arrays
    big = np.arange(10, dtype=float)
    strided = big[::2]  # 0, 2, 4, 6, 8
    assert not strided.flags["C_CONTIGUOUS"]
    ints = np.array([1, 2, 3, 4, 5], dtype=np.int32)
    out = Formula("a * 10 + b").evaluate({"a": strided, "b": ints})
    assert same(out, [1, 22, 43, 64, 85])
    assert same(big, np.arange(10, dtype=float))
    # lists and scalars broadcast against arrays
    out = Formula("a + b + 0").evaluate({"a": [1, 2, None], "b": 10})
    assert same(out, [11, 12, np.nan])
    # read-only arrays work
    ro = np.array([1.0, 2.0])
    ro.setflags(write=False)
    assert same(Formula("a * 2").evaluate({"a": ro}), [2, 4])


def test_arrays_of_different_lengths_are_an_error():
    with pytest.raises(ValueError):
        Formula("a + b").evaluate({"a": np.zeros(3), "b": np.zeros(4)})
    with pytest.raises(ValueError):
        Formula("a + 1").evaluate({"a": np.zeros((2, 2))})


def test_large_arrays_and_threads():
    n = 3_000_001  # not a multiple of the 8192-row block
    cases = (np.arange(n) % 1000).astype(float)
    women = (np.arange(n) % 7).astype(float) * 1000
    f = Formula("cases / women * 100_000")
    one = f.evaluate({"cases": cases, "women": women}, threads=1)
    two = f.evaluate({"cases": cases, "women": women}, threads=2)
    with np.errstate(divide="ignore", invalid="ignore"):
        hand = np.where(women != 0, cases / women * 100000.0, np.nan)
    assert same(one, two)
    assert same(one, hand)


# ---------------------------------------------------------------------------------- units


def test_units():
    assert Formula("arg / total * 100", units={"arg": "Rupiah", "total": "Rupiah"}).unit == "%"
    assert Formula("a / b * 10_000", units={"a": "Orang", "b": "Orang"}).unit == "per 10.000"
    assert Formula("a / b", units={"a": "Rupiah", "b": "Orang"}).unit == "Rupiah/Orang"
    assert Formula("a + x", units={"a": "Rupiah"}).unit == "Rupiah"  # x is polymorphic
    assert Formula("x + y").unit == "?"
    with pytest.raises(FormulaError) as info:
        Formula("r + o", units={"r": "Rupiah", "o": "Orang"})
    assert info.value.column == 3  # the '+'
    assert info.value.id == "kinerja.formula.unit"
    for text in ("r > o", "if(c, r, o)", "sqrt(r)", "ln(r)"):
        with pytest.raises(FormulaError):
            Formula(text, units={"r": "Rupiah", "o": "Orang"})
    with pytest.raises(UnknownNameError) as info:
        Formula("x", units={"x": "Furlong"})
    assert isinstance(info.value, LookupError)
    assert 'the unit of variable "x"' in str(info.value) and info.value.name == "Furlong"


# ---------------------------------------------------------------------------------- errors


def test_formula_error_fields_message_and_pickling():
    with pytest.raises(ValueError) as info:  # a ValueError
        Formula("x + 18.221")
    e = info.value
    assert isinstance(e, FormulaError) and isinstance(e, KinerjaError)
    assert e.column == 5 and e.position == 4
    assert e.id == "kinerja.formula.literal"
    assert e.text == "x + 18.221"
    assert e.expected
    assert "thousands" in e.reason
    message = str(e)
    assert "x + 18.221" in message
    assert message.endswith("\n  x + 18.221\n      ^")  # the caret under column 5
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is FormulaError
    assert (again.column, again.position, again.id, again.text, again.expected, again.reason) == (
        e.column, e.position, e.id, e.text, e.expected, e.reason)
    assert str(again) == message


@pytest.mark.parametrize(
    "text, column",
    [
        ("100.000", 1),
        ("1,5", 2),
        ("1.", 2),
        ("1__0", 2),
        ("1 +", 4),
        ("(1 + 2", 7),
        ("2 * median(x)", 5),
        ("1 + if(1, 2)", 5),
        ("x[sex=\"P]", 7),
    ],
)
def test_error_columns(text, column):
    with pytest.raises(FormulaError) as info:
        Formula(text)
    assert info.value.column == column
    assert str(info.value).endswith("\n  " + " " * (column - 1) + "^")


def test_depth_guard():
    with pytest.raises(FormulaError) as info:
        Formula("(" * 1000 + "1" + ")" * 1000)
    assert info.value.id == "kinerja.formula.too_deep"
    with pytest.raises(FormulaError) as info:
        Formula("1+" * 10000 + "1")
    assert info.value.id == "kinerja.formula.too_long"


def test_an_absent_variable_is_an_error_for_scalars_as_for_columns():
    # Regression (issue 13, defect 9): {"b": 2} for "a / b" gave NaN ("missing input") on scalars,
    # where the same data as columns raised; now both raise the same error naming the variable.
    f = Formula("a / b")
    message = 'formula "a / b" needs a, which the data does not have'
    with pytest.raises(ArgumentError) as info:
        f.evaluate({"b": 2})
    assert str(info.value).endswith(message)
    assert info.value.id == "kinerja.argument.formula_data"
    with pytest.raises(ArgumentError) as columns:
        f.evaluate({"b": np.array([2.0, 3.0])})
    assert str(columns.value).endswith(message)
    with pytest.raises(ArgumentError, match='needs a and b, which'):
        f.explain({"c": 1})
    # present with a missing value: missing data with its reason, no error
    assert math.isnan(f.evaluate({"a": None, "b": 2}))
    assert f.explain({"a": math.nan, "b": 2}) == "missing input"


def test_missing_column_and_ambiguous_variable_are_errors():
    frame = violence_frame()
    with pytest.raises(ArgumentError, match="cases") as info:
        Formula("cases * 1").evaluate(frame)
    assert "24 columns" in str(info.value)
    assert isinstance(info.value, ValueError)
    with pytest.raises(ArgumentError, match="deaths"):
        Formula("sum(deaths) + 0").evaluate(frame)


# ---------------------------------------------------------------------------------- data frames


def test_dataframe_with_disaggregated_columns():
    frame = violence_frame()
    # totals 2018-2020 (Tabel 2.9): 59+94 = 153, 77+120 = 197, 71+125 = 196
    total = Formula("sum(cases) + 0").evaluate(frame)
    # a DataFrame gives a numpy float array, one value per row (the acceptance surface)
    assert isinstance(total, np.ndarray)
    assert total.dtype == np.float64
    assert list(total) == [153.0, 197.0, 196.0]
    # share of girls: 94/153 x 100 = 61.437908..., 120/197 x 100 = 60.913705..., 125/196 x 100 = 63.775510...
    share = Formula('sum(cases[sex="P"]) / sum(cases) * 100', units={"cases": "Orang"})
    assert share.unit == "%"
    assert share.variables == ["cases"]
    assert np.allclose(share.evaluate(frame), [61.43790849673203, 60.91370558375635, 63.775510204081634],
                       rtol=0, atol=1e-12)
    # mean over the 24 kecamatan columns: 196 / 24 = 8.1666...
    assert Formula("mean(cases[kecamatan]) * 1").evaluate(frame)[2] == pytest.approx(196 / 24)
    assert list(Formula("count(cases[sex=P]) + 0").evaluate(frame)) == [12.0, 12.0, 12.0]
    # 2020: min 1 (Bantar Gebang L), max 26 (Bekasi Utara P)
    assert Formula("max(cases) - min(cases) + 0").evaluate(frame)[2] == 25.0
    assert list(Formula('cases[sex="P",kecamatan="Jati Asih"] * 1').evaluate(frame)) == [7.0, 20.0, 14.0]
    assert Formula("sum(cases) + 0").explain(frame) == ["none", "none", "none"]
    # nullable integers with a missing cell
    frame2 = pd.DataFrame({"a": pd.array([1, None, 3], dtype="Int64"), "b": [1.0, 1.0, 1.0]})
    assert same(Formula("a + b").evaluate(frame2), [2.0, np.nan, 4.0])


def test_scalar_mapping_with_disaggregated_keys():
    data = {}
    for name, (_, _, _, _, l20, p20) in TABEL_2_9.items():
        data[f"cases[sex=L,kecamatan={name}]"] = l20
        data[f"cases[sex=P,kecamatan={name}]"] = p20
    assert Formula("sum(cases)").evaluate(data) == 196.0
    assert Formula('sum(cases[sex="P"]) / sum(cases) * 100').evaluate(data) == pytest.approx(63.775510204081634)


def test_ytd_and_previous_with_groups_and_years():
    # Tabel 2.10, JUMLAH: ytd in December is the printed total 162
    f = Formula("ytd(x)")
    out = f.evaluate({"x": np.array(MONTHS_2021, dtype=float)})
    assert list(out) == [10, 23, 41, 50, 58, 73, 88, 103, 124, 132, 148, 162]
    # two groups (L, P), same year: ytd restarts with the group
    l = [4, 4, 7, 1, 3, 6, 7, 4, 4, 3, 5, 5]  # 53
    p = [6, 9, 11, 8, 5, 9, 8, 11, 17, 5, 11, 9]  # 109
    x = np.array(l + p, dtype=float)
    group = [1] * 12 + [2] * 12
    out = f.evaluate({"x": x}, group=group, year=[2021] * 24)
    assert out[11] == 53 and out[12] == 6 and out[23] == 109
    change = Formula("x - previous(x)")
    out = change.evaluate({"x": x}, group=group)
    assert math.isnan(out[0]) and out[1] == 0.0 and math.isnan(out[12]) and out[13] == 3.0  # 4-4, 9-6
    reasons = change.explain({"x": x}, group=group)
    assert reasons[0] == reasons[12] == "no previous period"
    assert reasons[1] == "none"
    # year resets ytd within one group
    out = f.evaluate({"x": np.array([1.0, 2.0, 3.0])}, year=[2020, 2020, 2021])
    assert list(out) == [1.0, 3.0, 3.0]
    with pytest.raises(ValueError):
        f.evaluate({"x": np.array([1.0, 2.0])}, group=[1])


def test_gii_from_a_formula():
    # Indonesia 2022 (docs/indices.md): G_F = 0.194466, G_M = 0.818898, HARM = 0.314295,
    # G_FM = 0.560346, GII = 1 - 0.314295/0.560346 = 0.439105
    f = Formula("gii(mmr, 32.94, 51.00518036, 58.21279907, 21.91304348, 78.08695652, 52.5, 81.45)")
    assert f.evaluate({"mmr": 172.9225117}) == pytest.approx(0.4391049, abs=1e-6)
    out = f.evaluate({"mmr": np.array([172.9225117, -1.0])})
    assert out[0] == pytest.approx(0.4391049, abs=1e-6) and math.isnan(out[1])
    assert f.explain({"mmr": np.array([172.9225117, -1.0])}) == ["none", "outside the function's domain"]


# ---------------------------------------------------------------------------------- known bugs


def _in_subprocess(code):
    """Runs code in a fresh interpreter (a crash must not take pytest down); returns the exit code."""
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return subprocess.run([sys.executable, "-c", "import numpy as np, kinerja\n" + code], env=env,
                          capture_output=True, timeout=120).returncode


# Regression: formulas without a numeric literal crashed on columns.
@pytest.mark.parametrize("text", ["sqrt(x)", "-x", "abs(x)", "not x", "isNull(x)", "sum(x)"])
def test_formulas_without_a_literal_evaluate_on_arrays(text):
    code = f"out = kinerja.Formula({text!r}).evaluate({{'x': np.array([4.0, 1.0])}})\nassert out.shape == (2,)"
    assert _in_subprocess(code) == 0


# Regression: the message quoted one byte of a multi-byte character.
def test_a_non_ascii_character_is_a_formula_error():
    with pytest.raises(FormulaError) as info:
        Formula("x \u00d7 2")
    assert info.value.column == 3


# Regression: every column of a DataFrame was converted to float, even unused text columns.
def test_dataframe_with_an_unused_text_column():
    frame = pd.DataFrame({"kecamatan": ["Bekasi Utara", "Jati Asih"], "l": [14.0, 7.0], "p": [26.0, 14.0]})
    assert list(Formula("l + p").evaluate(frame)) == [40.0, 21.0]


def test_evaluate_writes_into_out_like_numpy():
    a = np.array([1.0, 2.0, 3.0])
    b = np.array([4.0, 0.0, 6.0])
    out = np.full(3, -1.0)
    result = Formula("a / b * 100").evaluate({"a": a, "b": b}, out=out)
    assert result is not None and np.shares_memory(result, out)
    # 1/4*100 = 25, 2/0 missing, 3/6*100 = 50
    assert out[0] == 25.0 and math.isnan(out[1]) and out[2] == 50.0
    with pytest.raises(ValueError):
        Formula("a + b").evaluate({"a": a, "b": b}, out=np.empty(2))
    with pytest.raises(ValueError):
        Formula("a + b").evaluate({"a": a, "b": b}, out=np.empty(3, dtype=np.int64))


# ---------------------------------------------------------------------------------- input checks


@pytest.mark.parametrize("data", [
    {"a": np.array(["1.000", "2"]), "b": np.ones(2)},
    {"a": "1.000", "b": 1.0},
    {"a": ["1", 2.0], "b": [1.0, 1.0]},
])
def test_text_is_refused_not_read_as_numpy_would(data):
    # numpy's float("1.000") is 1.0; to an Indonesian reader it is one thousand: never guess
    with pytest.raises(ValueError, match=r'column "a" holds text .*kinerja.parse_value'):
        Formula("a / b * 100").evaluate(data)


def test_text_in_a_dataframe_column_the_formula_uses_is_refused():
    frame = pd.DataFrame({"a": ["1.000", "2"], "b": [1.0, 2.0]})
    with pytest.raises(ValueError, match=r'column "a" holds text \(\'1.000\'\)'):
        Formula("a / b").evaluate(frame)


def test_booleans_and_other_objects_are_refused_with_the_column():
    with pytest.raises(TypeError, match=r'column "b" holds bool'):
        Formula("a + b").evaluate({"a": np.ones(2), "b": np.array([True, False])})
    with pytest.raises(TypeError, match=r'column "a" holds complex'):
        Formula("a + 1").evaluate({"a": np.array([1 + 2j, 1])})


def test_missing_markers_and_decimals_in_object_columns():
    from decimal import Decimal

    frame = pd.DataFrame({"a": pd.array([4, None], dtype="Int64"), "b": pd.Series([2, pd.NA], dtype=object)})
    assert same(Formula("a / b").evaluate(frame), [2.0, np.nan])
    assert same(Formula("a * 2").evaluate({"a": [Decimal("1.25"), None]}), [2.5, np.nan])


def test_float64_columns_are_read_in_place():
    from kinerja._numbers import numbers_of

    a = np.ones(5)
    assert np.shares_memory(numbers_of("a", a), a)
    frame = pd.DataFrame({"a": np.ones(5)})
    assert np.shares_memory(numbers_of("a", frame["a"]), frame["a"].to_numpy())


@pytest.mark.parametrize("threads", [-1, 1.5, "2", True])
def test_threads_must_be_a_whole_number(threads):
    with pytest.raises(ValueError, match="threads is a whole number >= 0"):
        Formula("a + 1").evaluate({"a": np.ones(3)}, threads=threads)


@pytest.mark.parametrize("data", [None, 3, "a=1", [1, 2]])
def test_data_that_is_no_mapping_says_what_evaluate_takes(data):
    f = Formula("a + 1")
    with pytest.raises(TypeError, match="data is a mapping of variable names"):
        f.evaluate(data)
    with pytest.raises(TypeError, match="data is a mapping of variable names"):
        f.explain(data)


def test_a_dataframe_row_is_a_mapping():
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": [4.0, 8.0]})
    assert Formula("a / b * 100").evaluate(frame.iloc[1]) == 25.0


def test_an_infinite_input_counts_as_missing():
    # numpy division results often hold inf; 1 / inf must not become a silent 0
    x = np.array([np.inf, -np.inf, 2.0])
    assert same(Formula("1 / x").evaluate({"x": x}), [np.nan, np.nan, 0.5])
    assert same(Formula("least(x, 3)").evaluate({"x": x}), [3.0, 3.0, 2.0])
    assert Formula("1 / x").explain({"x": x}) == ["not finite", "not finite", "none"]
    assert math.isnan(Formula("1 / x").evaluate({"x": math.inf}))
    assert Formula("x + 1", missing="zero").evaluate({"x": x}).tolist() == [1.0, 1.0, 3.0]


def test_zero_dimensional_arrays_are_scalars():
    # np.array(2.0) is a number, not a column of no rows
    assert Formula("a / b * 100").evaluate({"a": np.array(1.0), "b": np.array(4)}) == 25.0
    assert same(Formula("a + b").evaluate({"a": np.array(1.0), "b": np.array([1.0, 2.0])}), [2.0, 3.0])
