"""kinerja's errors: built-in bases, structured fields, messages and pickling."""

import pickle

import pytest

import kinerja


def catch(fn, *args, **kwargs):
    with pytest.raises(kinerja.KinerjaError) as info:
        fn(*args, **kwargs)
    return info.value


def test_hierarchy():
    assert issubclass(kinerja.ParseError, ValueError)
    assert issubclass(kinerja.ArgumentError, ValueError)
    assert issubclass(kinerja.UndefinedError, ValueError)
    assert issubclass(kinerja.UnknownNameError, LookupError)
    for cls in (kinerja.ParseError, kinerja.ArgumentError, kinerja.UndefinedError, kinerja.UnknownNameError):
        assert issubclass(cls, kinerja.KinerjaError)


@pytest.mark.parametrize(
    "text, position, reason_word",
    [
        ("1,,5", 2, "separators"),      # second ',' at index 2
        ("1.2.3", 1, "3 digits"),       # first '.' introduces a 1-digit group
        ("1.23.456", 1, "3 digits"),
        ("12,34,567", 2, "3 digits"),
        ("1 Dokumen 2900 orang", 10, "two quantities"),   # the second quantity starts at index 10
        ("Rp 2.100.000.00O", 15, "money typo"),           # the letter O at index 15
        ("1 : x", 4, "'x'"),
        ("1 : -5", 4, "positive"),
        ("Rp. 1.2x", 7, "'x'"),
        ("BB (abc)", 4, "'a'"),
        ("5%%", 1, "'%'"),
        ("abc", 0, "abc"),
        ("ZZ (75)", 0, "ZZ"),
        ("1.000", 1, "ambiguous"),
        ("742,340", 3, "ambiguous"),
    ],
)
def test_parse_error_fields_name_the_column(text, position, reason_word):
    err = catch(kinerja.parse_value, text)
    assert isinstance(err, kinerja.ParseError)
    assert isinstance(err, ValueError)
    assert err.text == text
    assert err.position == position
    assert err.column == position + 1
    assert reason_word in err.reason
    msg = str(err)
    assert msg
    assert f"column {position + 1}" in msg
    assert err.id and err.id.startswith("kinerja.parse.")
    assert msg.startswith(f"[{err.id}]")


def test_ratio_with_zero_n_is_a_parse_error():
    err = catch(kinerja.parse_value, "1 : 0")
    assert isinstance(err, kinerja.ParseError)
    assert err.column == 5     # the '0' is the fifth character


def test_predicate_not_on_the_named_scale():
    err = catch(kinerja.parse_value, "Nindya", "APE")
    assert isinstance(err, kinerja.ParseError)
    assert err.id == "kinerja.parse.level"


@pytest.mark.parametrize("context", ["Bogus", "Gajah", "Sapi Perah"])
def test_unknown_context_is_kept_as_the_unit(context):
    # issue 9: a satuan word nobody registered never makes reading fail
    v = kinerja.parse_value("5", context)
    assert (v.kind, v.number, v.unit) == ("number", 5.0, context)


@pytest.mark.parametrize("bad", [None, 5, 5.0, b"5", ["5"]])
def test_parse_value_wrong_type(bad):
    with pytest.raises(TypeError):
        kinerja.parse_value(bad)


@pytest.mark.parametrize(
    "make",
    [
        lambda: kinerja.parse_value("1,,5"),
        lambda: kinerja.parse_value("742,340"),
        lambda: kinerja.classify("XYZ", 1),
        lambda: kinerja.classify("AKIP", 101),
        lambda: kinerja.achievement(0, 5),
        lambda: kinerja.achievement(5, 6, method="inverse"),
        lambda: kinerja.absorption(0, 5),
        lambda: kinerja.unit_info("Gajah"),
    ],
)
def test_errors_pickle_with_their_fields(make):
    with pytest.raises(kinerja.KinerjaError) as info:
        make()
    err = info.value
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is type(err)
    assert str(copy) == str(err)
    assert copy.id == err.id
    for field in ("text", "position", "reason", "name"):
        if hasattr(err, field):
            assert getattr(copy, field) == getattr(err, field)
    if isinstance(err, kinerja.ParseError):
        assert copy.column == err.column


def test_parse_error_pickle_concrete_fields():
    err = catch(kinerja.parse_value, "1,,5")
    copy = pickle.loads(pickle.dumps(err))
    assert (copy.text, copy.position, copy.column, copy.reason) == ("1,,5", 2, 3, "two separators in a row")
    assert isinstance(copy, ValueError)


def test_error_ids_by_area():
    assert catch(kinerja.achievement, 0, 5).id == "kinerja.undefined.zero_target"
    assert catch(kinerja.achievement, 5, 0, polarity="lower").id == "kinerja.undefined.zero_realization"
    assert catch(kinerja.absorption, 0, 5).id == "kinerja.undefined.zero_budget"
    assert catch(kinerja.achievement, 5, 6, method="inverse").id == "kinerja.argument.method"
    assert catch(kinerja.achievement, 5, 6, polarity="x").id == "kinerja.lookup.polarity"
    assert catch(kinerja.achievement, 5, 6, method="x").id == "kinerja.lookup.method"
    assert catch(kinerja.achievement, 5, 6, rounding="x").id == "kinerja.lookup.rounding"
    assert catch(kinerja.classify, "XYZ", 1).id == "kinerja.lookup.scale"


def test_undefined_messages_say_why():
    msg = str(catch(kinerja.achievement, 0, 5))
    assert "target" in msg and "0" in msg
    msg = str(catch(kinerja.absorption, 0, 5))
    assert "budget" in msg


def test_user_defined_error_round_trip():
    err = kinerja.ParseError("boom", id="kinerja.parse.test", text="x", position=4, reason="r")
    copy = pickle.loads(pickle.dumps(err))
    assert (str(copy), copy.id, copy.text, copy.position, copy.column, copy.reason) == ("boom", "kinerja.parse.test",
                                                                                         "x", 4, 5, "r")


def test_format_errors():
    assert isinstance(catch(kinerja.format_number, 1.0, "klingon"), kinerja.UnknownNameError)
    assert isinstance(catch(kinerja.format_number, 1.0, "english", 16), kinerja.ArgumentError)
    assert isinstance(catch(kinerja.format_number, float("inf")), kinerja.ArgumentError)
    assert isinstance(catch(kinerja.parse_number, "1.000", "maybe"), kinerja.UnknownNameError)


# --------------------------------------------------------------------------- text that is not UTF-8 (issue 13)

# Defect 10: a str with a lone surrogate (what os.fsdecode makes of bytes that are not UTF-8) got
# pybind11's "incompatible function arguments"; now a kinerja ArgumentError that names the
# character and where it is.
@pytest.mark.parametrize("call, index", [
    (lambda: kinerja.parse_value("96\udcc2%"), 2),
    (lambda: kinerja.parse_value("96%", context="Pers\udce9n"), 4),
    (lambda: kinerja.classify("KLA\ud800", 700.0), 3),  # a std::string_view argument
    (lambda: kinerja.bundled_plan().node("s\udcff-1"), 1),
    (lambda: kinerja.Formula("a\udcff + b"), 1),
    (lambda: kinerja.Plan.from_yaml("kinerja_plan: 1\n# \udc80\n"), 18),
])
def test_a_lone_surrogate_is_a_clear_argument_error(call, index):
    e = catch(call)
    assert isinstance(e, kinerja.ArgumentError) and isinstance(e, ValueError)
    assert e.id == "kinerja.argument.encoding"
    assert str(e).startswith("[kinerja.argument.encoding] a text argument is not valid Unicode: it holds the lone "
                             "surrogate U+D")
    assert f" at index {index} " in str(e)
    str(e).encode("utf-8")  # the message itself is valid text


def test_invalid_utf8_from_cpp_reaches_python_as_replacement_characters():
    # bytes are read as they are; text that is not UTF-8 comes back with U+FFFD, never as a
    # UnicodeDecodeError
    from kinerja import _core

    e = catch(_core.parse_value, b"96\xc2%", None, None)
    assert isinstance(e, kinerja.ParseError)
    assert "byte 0xC2 (not UTF-8)" in str(e)
    assert e.text == "96\ufffd%" and e.position == 2


# Defect 2: the number reader quoted one byte of a multi-byte character, and reading the
# finding's message in Python failed with "'utf-8' codec can't decode byte 0xc2".
def test_a_non_ascii_character_in_a_value_is_quoted_whole():
    e = catch(kinerja.parse_value, "96\u00bc%")
    assert isinstance(e, kinerja.ParseError)
    assert e.position == 2 and e.column == 3
    assert e.reason == "unexpected character '\u00bc' (U+00BC) in a number"


def test_a_long_text_is_not_echoed_whole():
    text = "x" * 1_000_000
    e = catch(kinerja.parse_value, text)
    assert len(str(e)) < 1000
    assert "(1000000 bytes)" in str(e)
    assert e.text == text


def test_the_message_limits_are_reachable_from_python():
    from kinerja import _core

    assert (_core.message_quote_bytes(), _core.message_max_bytes()) == (200, 2000)


def test_a_plan_file_error_does_not_echo_a_long_name():
    # a level of 100,000 letters: the reason quotes 200 of them and the size
    yaml = ("kinerja_plan: 1\n"
            "plan: {id: p, title: T, organisation: O, region: R, period: [2024, 2025], version: v1}\n"
            "sources: {T: t}\n"
            "nodes:\n"
            "  - id: s-1\n"
            f"    level: {'x' * 100000}\n"
            "    name: S\n"
            "    source: T\n")
    e = catch(kinerja.Plan.from_yaml, yaml, "u.yaml")
    assert isinstance(e, kinerja.PlanFileError)
    assert (e.line, e.column) == (6, 12)
    assert len(str(e)) < 600
    assert e.reason.endswith('"' + "x" * 200 + '\u2026" (100000 bytes)')


def test_a_plan_with_bytes_that_are_not_utf8_never_gives_a_decode_error():
    # A name holding a byte that is not UTF-8: either the loader rejects the file with a clear
    # error, or every text that comes back (names, findings) is a str with U+FFFD in its place.
    # What must not happen is a UnicodeDecodeError when Python reads a name or a finding.
    yaml = (b"kinerja_plan: 1\n"
            b"plan: {id: p, title: T, organisation: O, region: R, period: [2024, 2025], version: v1}\n"
            b"sources: {T: t}\n"
            b"nodes:\n"
            b"  - id: s-1\n"
            b"    level: sasaran\n"
            b"    name: Sasaran \xc2 \xff\n"
            b"    source: T\n")
    from kinerja import _core

    try:
        plan = kinerja.Plan(_core.parse_plan(yaml, "u.yaml"))
    except kinerja.PlanFileError as e:
        str(e).encode("utf-8")
        assert e.line == 7
        return
    assert plan.node("s-1").name == "Sasaran \ufffd \ufffd"
    for f in plan.check():
        (f.message + f.node + f.location).encode("utf-8")
