"""Unit words (satuan) of plans: their meaning, dimension, and user-registered words."""

import uuid

import pytest

import kinerja


@pytest.mark.parametrize(
    "word, name, kind, dimension",
    [
        ("Persen", "Persen", "percent", "1"),
        ("%", "Persen", "percent", "1"),
        ("persen", "Persen", "percent", "1"),      # case ignored
        ("Rasio", "Rasio", "number", "1"),
        ("Nilai", "Nilai", "number", "1"),
        ("Predikat", "Predikat", "predicate", "1"),
        ("Orang", "Orang", "count", "person"),
        ("Dokumen", "Dokumen", "count", "item"),
        ("Laporan", "Laporan", "count", "item"),
        ("Paket", "Paket", "count", "item"),
        ("Unit", "Unit", "count", "item"),
        ("OPD", "OPD", "count", "item"),
        ("Lembaga", "Lembaga", "count", "item"),
        ("Organisasi", "Organisasi", "count", "item"),
        ("Layanan", "Layanan", "count", "item"),
        ("Kegiatan", "Kegiatan", "count", "item"),
        ("Rupiah", "Rupiah", "money", "money"),
        ("Rp", "Rupiah", "money", "money"),
        ("Orang/bulan", "Orang/bulan", "count", "person/time"),
    ],
)
def test_builtin_unit_words(word, name, kind, dimension):
    u = kinerja.unit_info(word)
    assert (u.name, u.kind, u.dimension) == (name, kind, dimension)


@pytest.mark.parametrize("word, factor", [("Persen", 0.01), ("per 100.000", 1e-5), ("per 10.000", 1e-4),
                                          ("Nilai", 1.0)])
def test_scale_factor_of_dimensionless_units(word, factor):
    assert kinerja.unit_info(word).factor == pytest.approx(factor)


def test_unit_words_are_spelled_as_registered_and_sorted_case_insensitively():
    words = kinerja.unit_words()
    assert words == sorted(words, key=str.lower)
    for w in ["Persen", "Orang", "OPD", "Rupiah", "Orang/bulan", "Organisasi", "Dokumen", "%"]:
        assert w in words


@pytest.mark.parametrize("word", ["Bogus", "Gajah", ""])
def test_unknown_unit_word(word):
    with pytest.raises(kinerja.UnknownNameError) as info:
        kinerja.unit_info(word)
    assert info.value.name == word
    assert info.value.id == "kinerja.lookup.unit"


def test_unknown_unit_in_a_value_is_kept_as_its_unit():
    # issue 9: "12 Gajah" is a count of 12 Gajah, not an error
    v = kinerja.parse_value("12 Gajah")
    assert (v.kind, v.number, v.unit) == ("count", 12.0, "Gajah")


def test_register_a_count_word_with_alias():
    name = "Posyandu" + uuid.uuid4().hex[:6]
    alias = "Pos" + uuid.uuid4().hex[:6]
    kinerja.register_unit(name, aliases=[alias], description="integrated health posts")
    v = kinerja.parse_value(f"12 {name}")
    assert (v.kind, v.number, v.unit) == ("count", 12.0, name)
    assert kinerja.parse_value(f"12 {alias}").unit == name
    # counts group thousands by default: 1.200 is one thousand two hundred
    assert kinerja.parse_value(f"1.200 {name}").number == 1200.0
    # 12 / 10 posts
    assert kinerja.achievement(f"10 {name}", f"12 {alias}") == pytest.approx(120.0)
    u = kinerja.unit_info(name)
    assert (u.kind, u.dimension) == ("count", "item")


def test_register_existing_word_with_another_meaning_is_refused():
    with pytest.raises(kinerja.ArgumentError) as info:
        kinerja.register_unit("Orang", kind="money", dimension="money")
    assert info.value.id == "kinerja.argument.unit_exists"
    # and the built-in meaning is intact
    assert kinerja.unit_info("Orang").dimension == "person"


@pytest.mark.parametrize(
    "kwargs, exc",
    [
        ({"name": "X-galaxy", "dimension": "galaxy"}, ValueError),
        ({"name": "Y-bogus", "kind": "bogus"}, kinerja.UnknownNameError),
        ({"name": ""}, kinerja.ArgumentError),
    ],
)
def test_register_unit_bad_definitions(kwargs, exc):
    with pytest.raises(exc):
        kinerja.register_unit(**kwargs)


def test_different_dimensions_do_not_compare():
    # persons vs things, money vs persons, persons per month vs persons
    for t, r in [("10 Orang", "12 OPD"), ("Rp 100", "80 Orang"), ("100 Orang/bulan", "80 Orang")]:
        with pytest.raises(kinerja.ArgumentError):
            kinerja.achievement(t, r)


def test_money_compares_with_money():
    # Rp 80 / Rp 100
    assert kinerja.achievement("Rp 100", "Rp 80") == pytest.approx(80.0)
