// SPDX-License-Identifier: Apache-2.0
// Tests of the memo of parse_value that a check opens (detail/reading_memo.hpp) and of the
// registries' content_id it is keyed by: inside a memo, a text is read again whenever anything
// that decides its reading differs (the registries' content, the context, the convention), errors
// come back as errors, and a full memo starts again without losing a reading.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/check.hpp>
#include <kinerja/detail/reading_memo.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/scale.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/value.hpp>

#include <string>

using kinerja::parse_value;
using kinerja::scale_registry;
using kinerja::unit_registry;
using kinerja::value_kind;

namespace {

// "Zorb" is no satuan word: declared as a plain number it stops being the unit of a count.
kinerja::unit_declaration zorb_as_number() {
    kinerja::unit_declaration d;
    d.name = "Zorb";
    d.kind = "number";
    d.dimension = "none";
    return d;
}

}  // namespace

TEST_CASE("registries: a copy shares its original's content_id until either changes", "[memo]") {
    unit_registry a = unit_registry::builtin();
    const unit_registry copy = a;
    CHECK(copy.content_id() == a.content_id());
    CHECK(unit_registry::builtin().content_id() != a.content_id());  // another registry
    a.declare(zorb_as_number());
    CHECK(copy.content_id() != a.content_id());  // a changed

    scale_registry s = scale_registry::builtin();
    const scale_registry s_copy = s;
    CHECK(s_copy.content_id() == s.content_id());
    s.add(kinerja::scale("Tingkat", {{"Rendah", {}, std::nullopt}, {"Tinggi", {}, std::nullopt}}, "test"));
    CHECK(s_copy.content_id() != s.content_id());
}

TEST_CASE("memo: a word declared inside the memo changes the reading of a text read before", "[memo]") {
    const kinerja::detail::reading_memo_scope memo;
    unit_registry units = unit_registry::builtin();
    const scale_registry scales = scale_registry::builtin();
    // an unknown word after a number makes a count that keeps the word (docs/values.md)
    const kinerja::value before = parse_value("5 Zorb", "", units, scales);
    CHECK(before.kind == value_kind::count);
    CHECK(before.unit == "Zorb");
    units.declare(zorb_as_number());
    CHECK(parse_value("5 Zorb", "", units, scales).kind == value_kind::number);
    // two registries alive at once are told apart, whichever is read first
    const unit_registry plain = unit_registry::builtin();
    CHECK(parse_value("5 Zorb", "", plain, scales).kind == value_kind::count);
    CHECK(parse_value("5 Zorb", "", units, scales).kind == value_kind::number);
}

TEST_CASE("memo: context and convention are part of what a reading depends on", "[memo]") {
    const kinerja::detail::reading_memo_scope memo;
    const unit_registry& units = kinerja::default_units();
    const scale_registry& scales = kinerja::default_scales();
    // "1.500": one and a half to an English reader, fifteen hundred to an Indonesian one
    CHECK(*parse_value("1.500", "", units, scales, kinerja::convention::english).number == 1.5);
    CHECK(*parse_value("1.500", "", units, scales, kinerja::convention::indonesian).number == 1500.0);
    CHECK(parse_value("75", "%", units, scales).kind == value_kind::percent);
    CHECK(parse_value("75", "Orang", units, scales).kind == value_kind::count);
}

TEST_CASE("memo: a text that does not read throws every time it is read", "[memo]") {
    const kinerja::detail::reading_memo_scope memo;
    for (int round = 0; round < 2; ++round) {
        const auto e = kinerja_test::thrown<kinerja::parse_error>([] { parse_value("2.100.000.00O", "Rupiah"); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.parse.money_typo");
    }
}

TEST_CASE("memo: a full memo starts again and still reads every text right", "[memo]") {
    const kinerja::detail::reading_memo_scope memo;
    const std::size_t n = kinerja::detail::reading_memo_capacity + 10;
    for (std::size_t i = 0; i < n; ++i) {
        const kinerja::value v = parse_value(std::to_string(i), "Orang");
        REQUIRE(v.number);
        REQUIRE(*v.number == static_cast<double>(i));
    }
    CHECK(*parse_value("7", "Orang").number == 7.0);
    CHECK(*parse_value(std::to_string(n - 1), "Orang").number == static_cast<double>(n - 1));
}

TEST_CASE("memo: nested scopes share one memo and the outer one empties it", "[memo]") {
    {
        const kinerja::detail::reading_memo_scope outer;
        {
            const kinerja::detail::reading_memo_scope inner;
            CHECK(*parse_value("12", "%").number == 12.0);
        }
        CHECK(*parse_value("12", "%").number == 12.0);
    }
    // outside any scope parse_value reads as always
    CHECK(*parse_value("12", "%").number == 12.0);
}

TEST_CASE("memo: a borrowed reading is parse_value's and outlives the memo starting again", "[memo]") {
    const auto& units = kinerja::default_units();
    const auto& scales = kinerja::default_scales();
    // outside a memo the reading is its own: Rp 1.234.567 is 1,234,567 rupiah
    const kinerja::detail::reading own = kinerja::detail::read_text("Rp 1.234.567", "Rupiah", units, scales);
    REQUIRE(own->number);
    CHECK(*own->number == 1234567.0);
    CHECK(own->kind == value_kind::money);

    const kinerja::detail::reading_memo_scope memo;
    const kinerja::detail::reading first = kinerja::detail::read_text("Rp 1.234.567", "Rupiah", units, scales);
    REQUIRE(first->number);
    CHECK(*first->number == 1234567.0);
    CHECK(first->text == "Rp 1.234.567");
    // a full memo's readings stay where they are until it fills once more (ASan would see a
    // reading freed under the borrower)
    for (std::size_t i = 0; i < kinerja::detail::reading_memo_capacity + 10; ++i)
        REQUIRE(*kinerja::detail::read_text(std::to_string(i), "Orang", units, scales)->number ==
                static_cast<double>(i));
    CHECK(*first->number == 1234567.0);
    CHECK(first->text == "Rp 1.234.567");
    // errors come back as errors from a borrowed reading too
    const auto e = kinerja_test::thrown<kinerja::parse_error>(
        [&] { kinerja::detail::read_text("2.100.000.00O", "Rupiah", units, scales); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.parse.money_typo");
}
