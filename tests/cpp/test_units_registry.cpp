#include <cctype>
// SPDX-License-Identifier: Apache-2.0
// Tests of unit_registry.hpp (satuan words -> dimension, kind, factor) and of units.hpp (the
// Boost.Units quantities give the same numbers as the double functions).
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/achievement.hpp>
#include <kinerja/error.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/units.hpp>

#include <algorithm>
#include <optional>
#include <string>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using kinerja::dimension;
using kinerja::unit_info;
using kinerja::unit_registry;
using kinerja::value_kind;

namespace {

using kinerja_test::thrown;

unit_info item_unit(const std::string& name) {
    unit_info u;
    u.name = name;
    u.kind = value_kind::count;
    u.dimension = dimension{0, 0, 1, 0};
    return u;
}

}  // namespace

TEST_CASE("built-in satuan words map to their dimension and kind", "[units]") {
    const unit_registry r = unit_registry::builtin();
    SECTION("Rupiah is money") {
        const auto& u = r.get("Rupiah");
        CHECK(u.kind == value_kind::money);
        CHECK(u.dimension == dimension{1, 0, 0, 0});
        CHECK(u.dimension.to_string() == "money");
        CHECK_FALSE(u.dimension.dimensionless());
    }
    SECTION("Orang is a count of persons") {
        const auto& u = r.get("Orang");
        CHECK(u.kind == value_kind::count);
        CHECK(u.dimension == dimension{0, 1, 0, 0});
        CHECK(u.dimension.to_string() == "person");
    }
    SECTION("Orang/bulan is persons per time") {
        const auto& u = r.get("Orang/bulan");
        CHECK(u.kind == value_kind::count);
        CHECK(u.dimension == dimension{0, 1, 0, -1});
        CHECK(u.dimension.to_string() == "person/time");
    }
    SECTION("Persen is dimensionless with factor 0.01, and % is the same unit") {
        const auto& u = r.get("Persen");
        CHECK(u.kind == value_kind::percent);
        CHECK(u.dimension.dimensionless());
        CHECK(u.dimension.to_string() == "1");
        CHECK_THAT(u.factor, WithinAbs(0.01, 1e-15));
        CHECK(&r.get("%") == &u);
    }
    SECTION("per 100.000 is dimensionless with factor 1e-5; per 10.000 1e-4") {
        const auto& u = r.get("per 100.000");
        CHECK(u.dimension.dimensionless());
        CHECK_THAT(u.factor, WithinAbs(1e-5, 1e-20));
        CHECK(&r.get("per 100,000") == &u);
        CHECK_THAT(r.get("per 10.000").factor, WithinAbs(1e-4, 1e-20));
    }
    SECTION("counted things are items: Laporan, Dokumen, OPD, Organisasi") {
        for (const char* w :
             {"Laporan", "Dokumen", "OPD", "Organisasi", "Layanan", "Kegiatan", "Paket", "Unit", "Lembaga"}) {
            CAPTURE(w);
            const auto& u = r.get(w);
            CHECK(u.kind == value_kind::count);
            CHECK(u.dimension == dimension{0, 0, 1, 0});
            CHECK(u.dimension.to_string() == "item");
        }
    }
    SECTION("Nilai and Rasio are plain numbers, Predikat is a predicate") {
        CHECK(r.get("Nilai").kind == value_kind::number);
        CHECK(r.get("Rasio").kind == value_kind::number);
        CHECK(r.get("Predikat").kind == value_kind::predicate);
    }
    SECTION("money and persons read d.ddd as thousands; Nilai rejects it") {
        using policy = kinerja::number_context::ambiguous_policy;
        CHECK(r.get("Rupiah").numbers.ambiguous == policy::grouping);
        CHECK(r.get("Orang").numbers.ambiguous == policy::grouping);
        CHECK(r.get("Nilai").numbers.ambiguous == policy::reject);
    }
}

TEST_CASE("dimension::to_string writes exponents", "[units]") {
    CHECK(dimension{}.to_string() == "1");
    CHECK(dimension{2, 0, 0, 0}.to_string() == "money^2");
    CHECK(dimension{1, 0, 0, -1}.to_string() == "money/time");
    CHECK(dimension{0, -1, 0, 0}.to_string() == "1/person");
    CHECK(dimension{1, 1, 0, 0}.to_string() == "money*person");
    CHECK(dimension{1, 0, 0, 0} != dimension{0, 1, 0, 0});
}

TEST_CASE("unit lookup ignores case and folds spaces", "[units]") {
    const unit_registry r = unit_registry::builtin();
    CHECK(r.find("orang") == r.find("Orang"));
    CHECK(r.find("ORANG") == r.find("Orang"));
    CHECK(r.find("rupiah")->name == "Rupiah");
    CHECK(r.find("  per   100.000 ")->name == "per 100.000");
    CHECK(r.find("Jiwa")->name == "Orang");  // alias
    CHECK(r.find("Rp.")->name == "Rupiah");
    SECTION("find gives nullptr and get a lookup error for unknown words") {
        CHECK(r.find("Furlong") == nullptr);
        const auto e = thrown<kinerja::lookup_error>([&] { (void)r.get("Furlong"); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.lookup.unit");
        CHECK(e->name() == "Furlong");
        CHECK_THAT(std::string(e->what()), Contains("\"Furlong\""));
    }
    SECTION("a word broken by a space suggests the whole word") {
        const auto e = thrown<kinerja::lookup_error>([&] { (void)r.get("Dokume n"); });
        REQUIRE(e.has_value());
        CHECK_THAT(std::string(e->what()), Contains("\"Dokumen\""));
    }
    SECTION("words() lists names and aliases as registered, sorted case-insensitively, each found again") {
        const auto words = r.words();
        const auto lower = [](std::string w) {
            for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return w;
        };
        CHECK(std::is_sorted(words.begin(), words.end(),
                             [&](const std::string& a, const std::string& b) { return lower(a) < lower(b); }));
        CHECK(std::find(words.begin(), words.end(), "Orang/bulan") != words.end());  // spelled as registered
        CHECK(std::find(words.begin(), words.end(), "OPD") != words.end());
        CHECK(words.size() >= 20);
        for (const auto& w : words) {
            CAPTURE(w);
            CHECK(r.find(w) != nullptr);
        }
        const auto has = [&](const char* w) {
            return std::any_of(words.begin(), words.end(),
                               [&](const std::string& x) { return r.find(x) == r.find(w); });
        };
        CHECK(has("Rupiah"));
        CHECK(has("Orang/bulan"));
    }
}

TEST_CASE("users register their own unit words", "[units]") {
    unit_registry r = unit_registry::builtin();
    SECTION("a new word with aliases is found by all of them") {
        unit_info u = item_unit("Lumbung");
        u.description = "village grain stores";
        r.add(u, {"Lumbung Pangan Desa"});
        REQUIRE(r.find("lumbung") != nullptr);
        CHECK(r.get("LUMBUNG PANGAN DESA").name == "Lumbung");
        CHECK(r.get("Lumbung").description == "village grain stores");
        // the built-in registry is a value: adding to a copy leaves builtin() unchanged
        CHECK(unit_registry::builtin().find("Lumbung") == nullptr);
    }
    SECTION("a duplicate word is an error naming it, unless replace is set") {
        const auto e = thrown<kinerja::argument_error>([&] { r.add(item_unit("Laporan")); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.unit_exists");
        CHECK_THAT(std::string(e->what()), Contains("\"Laporan\""));
        CHECK(r.get("Laporan").kind == value_kind::count);  // unchanged

        unit_info money_report = item_unit("Laporan");
        money_report.kind = value_kind::number;
        r.add(money_report, {}, true);
        CHECK(r.get("Laporan").kind == value_kind::number);
    }
    SECTION("a duplicate alias is an error too, and nothing is registered") {
        const auto e = thrown<kinerja::argument_error>([&] { r.add(item_unit("Anggota"), {"Jiwa"}); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.unit_exists");
        CHECK(r.find("Anggota") == nullptr);
        CHECK(r.get("Jiwa").name == "Orang");
    }
    SECTION("a duplicate differing only in case or spacing is a duplicate") {
        REQUIRE_THROWS_AS(r.add(item_unit("  laporan ")), kinerja::argument_error);
    }
    SECTION("empty names and aliases are rejected") {
        const auto e = thrown<kinerja::argument_error>([&] { r.add(item_unit("   ")); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.unit_name");
        const auto a = thrown<kinerja::argument_error>([&] { r.add(item_unit("Posbindu"), {""}); });
        REQUIRE(a.has_value());
        CHECK(a->id() == "kinerja.argument.unit_name");
    }
}

TEST_CASE("default_units is the built-in registry", "[units]") {
    CHECK(kinerja::default_units().get("Orang/bulan").dimension == dimension{0, 1, 0, -1});
    CHECK(kinerja::default_units().get("persen").kind == value_kind::percent);
}

namespace u = kinerja::units;

TEST_CASE("typed absorption on Rupiah quantities equals the double function", "[units]") {
    SECTION("Tabel 2.11: 8,997,000 of 10,000,000 -> 89.97%") {
        const u::money pagu = 10000000.0 * u::rupiah;
        const u::money spent = 8997000.0 * u::rupiah;
        const u::percent p = u::absorption(pagu, spent);
        // 8,997,000 / 10,000,000 = 0.8997 -> 89.97 %
        CHECK_THAT(p.value(), WithinAbs(89.97, 1e-9));
        CHECK(p.value() == kinerja::absorption(10000000.0, 8997000.0));
    }
    SECTION("2021 total with half-up rounding: 93.29%") {
        const kinerja::rounding_rule rule{kinerja::rounding::half_up, 2};
        const u::percent p = u::absorption(12692580100.0 * u::rupiah, 11840364035.0 * u::rupiah, rule);
        CHECK_THAT(p.value(), WithinAbs(93.29, 1e-9));
        CHECK(p.value() == kinerja::absorption(12692580100.0, 11840364035.0, rule));
    }
    SECTION("the percent converts to a fraction: 89.97% = 0.8997") {
        const u::percent p = u::absorption(10000000.0 * u::rupiah, 8997000.0 * u::rupiah);
        const u::fraction f(p);
        CHECK_THAT(f.value(), WithinAbs(0.8997, 1e-12));
    }
}

TEST_CASE("typed achievement on quantities equals the double function", "[units]") {
    SECTION("percent shares, ARG 53.24% -> 77.90%, truncated: 146.31") {
        kinerja::achievement_options o;
        o.rounding = {kinerja::rounding::truncate, 2};
        const u::percent t = 53.24 * u::percent_unit();
        const u::percent r = 77.90 * u::percent_unit();
        const u::percent a = u::achievement(t, r, o);
        CHECK_THAT(a.value(), WithinAbs(146.31, 1e-9));
        CHECK(a.value() == kinerja::achievement(53.24, 77.90, o));
    }
    SECTION("rates per 100,000, lower is better: 22 -> 18.221 gives 22 / 18.221 = 120.74%") {
        // 18.221 x 1.2 = 21.8652; 0.1348 / 18.221 = 0.0073981 -> 120.7398 -> 120.74 half up
        kinerja::achievement_options o;
        o.polarity = kinerja::polarity::lower;
        o.rounding = {kinerja::rounding::half_up, 2};
        const u::rate_per_100k t = 22.0 * u::per_100k_unit();
        const u::rate_per_100k r = 18.221 * u::per_100k_unit();
        const u::percent a = u::achievement(t, r, o);
        CHECK_THAT(a.value(), WithinAbs(120.74, 1e-9));
        CHECK(a.value() == kinerja::achievement(22.0, 18.221, o));
    }
    SECTION("persons: 2364 realized of 2000 -> 118.2%") {
        const u::percent a = u::achievement(2000.0 * u::person, 2364.0 * u::person);
        CHECK_THAT(a.value(), WithinAbs(118.2, 1e-9));
    }
    SECTION("errors of the double function propagate") {
        REQUIRE_THROWS_AS(u::achievement(0.0 * u::person, 5.0 * u::person), kinerja::undefined_error);
        REQUIRE_THROWS_AS(u::absorption(0.0 * u::rupiah, 5.0 * u::rupiah), kinerja::undefined_error);
    }
    SECTION("a rate per 100,000 converts explicitly to a fraction: 18.221 per 100k = 0.00018221") {
        const u::rate_per_100k r = 18.221 * u::per_100k_unit();
        const u::fraction f(r);
        CHECK_THAT(f.value(), WithinAbs(0.00018221, 1e-15));
        const u::percent p(f);
        CHECK_THAT(p.value(), WithinAbs(0.018221, 1e-13));
    }
}
