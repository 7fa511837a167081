// SPDX-License-Identifier: Apache-2.0
// Reading real cells (issue 9, item 2): satuan words from published tables, rates and compounds,
// unknown words that never raise, placeholders, spreadsheet errors, bounds and ranges, ratings
// through scales, two quantities in a cell, money typos, and the check rules unknown-unit,
// placeholder and spreadsheet-error. Expected values are worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/achievement.hpp>
#include <kinerja/audit.hpp>
#include <kinerja/check.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/value.hpp>

#include <algorithm>
#include <string>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using kinerja::bound_relation;
using kinerja::dimension;
using kinerja::parse_value;
using kinerja::unit_registry;
using kinerja::value_kind;
using kinerja_test::thrown;

namespace {

kinerja::plan plan_with(const std::string& indicators, const std::string& extra = "") {
    return kinerja::parse_plan(
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: v}\n" +
            extra +
            "nodes:\n"
            "  - id: s-1\n"
            "    level: sasaran\n"
            "    name: Sasaran\n"
            "    source: \"Tabel 4.1\"\n"
            "    indicators:\n" +
            indicators + "  - {id: p-1, level: program, name: P, parent: s-1, source: \"Tabel 4.1\"}\n",
        "cells.yaml");
}

std::vector<kinerja::finding> of_rule(const std::vector<kinerja::finding>& all, const std::string& rule) {
    std::vector<kinerja::finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const auto& f) { return f.rule == rule; });
    return out;
}

}  // namespace

TEST_CASE("Satuan words of published tables are built in with their kind and dimension", "[units][cells]") {
    const unit_registry r = unit_registry::builtin();
    struct row {
        const char* word;
        const char* name;
        value_kind kind;
        const char* dim;
    };
    const row rows[] = {
        {"Jenis", "Jenis", value_kind::count, "item"},
        {"Pasar", "Pasar", value_kind::count, "item"},
        {"Jam", "Jam", value_kind::count, "time"},
        {"Kali", "Kali", value_kind::count, "item"},
        {"Unit", "Unit", value_kind::count, "item"},
        {"Paket", "Paket", value_kind::count, "item"},
        {"Lokasi", "Lokasi", value_kind::count, "item"},
        {"Titik", "Lokasi", value_kind::count, "item"},
        {"Kegiatan", "Kegiatan", value_kind::count, "item"},
        {"Laporan", "Laporan", value_kind::count, "item"},
        {"dokumen", "Dokumen", value_kind::count, "item"},
        {"Orang", "Orang", value_kind::count, "person"},
        {"Kelompok", "Kelompok", value_kind::count, "item"},
        {"Desa", "Kelurahan", value_kind::count, "item"},
        {"Sekolah", "Sekolah", value_kind::count, "item"},
        {"Siswa", "Siswa", value_kind::count, "person"},
        {"Ha", "Ha", value_kind::number, "length^2"},
        {"Km", "Km", value_kind::number, "length"},
        {"M2", "M2", value_kind::number, "length^2"},
        {"Ton", "Ton", value_kind::number, "mass"},
        {"Liter", "Liter", value_kind::number, "length^3"},
        {"Rupiah", "Rupiah", value_kind::money, "money"},
        {"Hari", "Hari", value_kind::count, "time"},
        {"Bulan", "Bulan", value_kind::count, "item"},
        {"Tahun", "Tahun", value_kind::count, "time"},
        {"Menit", "Menit", value_kind::count, "time"},
        {"Poin", "Nilai", value_kind::number, "1"},
        {"Indeks", "Nilai", value_kind::number, "1"},
        {"Predikat", "Predikat", value_kind::predicate, "1"},
        {"Peringkat", "Predikat", value_kind::predicate, "1"},
        {"Opini", "Predikat", value_kind::predicate, "1"},
        {"Rasio", "Rasio", value_kind::number, "1"},
    };
    for (const row& x : rows) {
        INFO(x.word);
        const auto u = r.lookup(x.word);
        REQUIRE(u.has_value());
        CHECK(u->name == x.name);
        CHECK(u->kind == x.kind);
        CHECK(u->dimension.to_string() == x.dim);
    }
    // per mil is a rate per 1,000
    REQUIRE(r.lookup("\xe2\x80\xb0"));
    CHECK(r.lookup("\xe2\x80\xb0")->name == "per 1.000");
    CHECK_THAT(r.lookup("\xe2\x80\xb0")->factor, WithinAbs(0.001, 1e-15));
}

TEST_CASE("Rates per N noun read in any spacing and either number convention", "[units][cells]") {
    const unit_registry r = unit_registry::builtin();
    struct row {
        const char* word;
        const char* name;
        double factor;
    };
    const row rows[] = {
        {"per 1.000 KH", "per 1.000 KH", 1e-3},
        {"per 1,000 KH", "per 1.000 KH", 1e-3},  // English grouping: the same rate
        {"per1000 KH", "per 1.000 KH", 1e-3},
        {"per100.000 pddk", "per 100.000 pddk", 1e-5},
        {"per  100 000 penduduk", "per 100.000 penduduk", 1e-5},
        {"per 10.000", "per 10.000", 1e-4},  // the registered word
        {"perseratus ribu kelahiran hidup", "per 100.000 kelahiran hidup", 1e-5},
        {"per siswa", "per siswa", 1.0},
    };
    for (const row& x : rows) {
        INFO(x.word);
        const auto u = r.lookup(x.word);
        REQUIRE(u.has_value());
        CHECK(u->name == x.name);
        CHECK(u->kind == value_kind::number);
        CHECK_THAT(u->factor, WithinAbs(x.factor, x.factor * 1e-12));
    }
    // a value with a rate: 102,5 per 1.000 KH is 102.5 with per = 1000
    const auto v = parse_value("102,5 per 1.000 KH");
    CHECK(v.kind == value_kind::number);
    CHECK(*v.number == 102.5);
    CHECK(v.per == std::optional<double>(1000.0));
    CHECK(v.unit == "per 1.000 KH");
}

TEST_CASE("Compound units of known words", "[units][cells]") {
    const unit_registry r = unit_registry::builtin();
    const auto ld = r.lookup("Liter/detik");
    REQUIRE(ld);
    CHECK(ld->name == "Liter/Detik");
    CHECK(ld->dimension.to_string() == "length^3/time");
    const auto kj = r.lookup("km/jam");
    REQUIRE(kj);
    CHECK(kj->dimension.to_string() == "length/time");
    const auto oh = r.lookup("orang/hari");
    REQUIRE(oh);
    CHECK(oh->kind == value_kind::count);
    CHECK(oh->dimension.to_string() == "person/time");
    const auto oph = r.lookup("orang per hari");
    REQUIRE(oph);
    CHECK(oph->name == "Orang/Hari");
    CHECK_FALSE(r.lookup("Gajah/hari"));  // one side unknown: no compound
    CHECK(parse_value("10 Liter/detik").unit == "Liter/Detik");
}

TEST_CASE("An unknown satuan word never raises: the value keeps it", "[units][cells]") {
    // printed after the number: a count of it; counts group thousands (2.850 is 2850)
    const auto v = parse_value("2.850 Gajah");
    CHECK(v.kind == value_kind::count);
    CHECK(*v.number == 2850.0);
    CHECK(v.unit == "Gajah");
    // as the context (the indicator's satuan): the unit of a plain number
    const auto c = parse_value("12", "Gajah");
    CHECK(c.kind == value_kind::number);
    CHECK(c.unit == "Gajah");
    CHECK(kinerja::make_value(3.0, "Gajah").unit == "Gajah");
    // a word with digits that is neither registered (M2) nor a rate is no unit word
    const auto digits = thrown<kinerja::parse_error>([] { (void)parse_value("12a4"); });
    REQUIRE(digits);
    CHECK(digits->position() == 2);
    CHECK(parse_value("12 M2").unit == "M2");
    // and the audit answers: 6 / 5 = 120 %
    const auto a =
        kinerja::audit_achievement(parse_value("5", "Gajah"), parse_value("6", "Gajah"), parse_value("120%"));
    CHECK(a.consistent == std::optional<bool>(true));
    // get() still names an unknown word, with the nearest known ones and no C++ advice
    const auto e = thrown<kinerja::lookup_error>([] { (void)unit_registry::builtin().get("Dukumen"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.lookup.unit");
    CHECK_THAT(std::string(e->what()), Contains("\"Dokumen\""));
    CHECK(std::string(e->what()).find("unit_registry::add") == std::string::npos);
    CHECK(unit_registry::builtin().nearest("Dukumen", 1) == std::vector<std::string>{"Dokumen"});
    CHECK(unit_registry::builtin().nearest("Dokume n", 1) == std::vector<std::string>{"Dokumen"});
}

TEST_CASE("Placeholders and spreadsheet errors are kinds of their own", "[values][cells]") {
    for (const char* t :
         {"Belum diisi", "Belum disi", "belum  diisi", "n.a", "N/A", "NA", "tidak ada data", "Data belum tersedia"}) {
        INFO(t);
        CHECK(kinerja::marker_kind(t) == std::optional<value_kind>(value_kind::placeholder));
        const auto v = parse_value(t, "Persen");
        CHECK(v.kind == value_kind::placeholder);
        CHECK(v.is_missing());
    }
    for (const char* t : {"#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NAME?", "#####"}) {
        INFO(t);
        CHECK(parse_value(t).kind == value_kind::spreadsheet_error);
        CHECK(kinerja::parse_reported_achievement(t).kind == value_kind::spreadsheet_error);
    }
    for (const char* t : {"", " - ", "\xe2\x80\x93", "--"}) CHECK(parse_value(t).kind == value_kind::missing);
    CHECK_FALSE(kinerja::marker_kind("12"));
    // a yes/no indicator prints these as its values
    CHECK_FALSE(kinerja::marker_kind("Tidak ada"));
    CHECK_FALSE(kinerja::marker_kind("Belum ada"));
}

TEST_CASE("Bounds read as values with a relation", "[values][cells]") {
    struct row {
        const char* text;
        bound_relation relation;
        double number;
        value_kind bounded;
        const char* unit;
    };
    const row rows[] = {
        {"<22", bound_relation::below, 22, value_kind::number, ""},
        {"\xe2\x89\xa4"
         "5 menit",
         bound_relation::at_most, 5, value_kind::count, "Menit"},
        {"> 90%", bound_relation::above, 90, value_kind::percent, "%"},
        {">= 75,5%", bound_relation::at_least, 75.5, value_kind::percent, "%"},
        {"minimal 80", bound_relation::at_least, 80, value_kind::number, ""},
        {"Maks. 5", bound_relation::at_most, 5, value_kind::number, ""},
        {"sekurang-kurangnya 3 Dokumen", bound_relation::at_least, 3, value_kind::count, "Dokumen"},
        {"kurang dari 1%", bound_relation::below, 1, value_kind::percent, "%"},
    };
    for (const row& x : rows) {
        INFO(x.text);
        const auto v = parse_value(x.text);
        CHECK(v.kind == value_kind::bound);
        CHECK(v.relation == x.relation);
        CHECK(*v.number == x.number);
        CHECK(v.bounded == x.bounded);
        CHECK(v.unit == x.unit);
    }
    // "5 Minggu" is five weeks, not a bound "min"
    CHECK(parse_value("5 Minggu").kind == value_kind::count);
    CHECK(kinerja::format_value(parse_value("> 90%")) == "> 90%");
    // pagu is one number
    const auto e = thrown<kinerja::parse_error>([] { (void)parse_value("< 5.000.000", "Rupiah"); });
    REQUIRE(e);
    CHECK_THAT(e->reason(), Contains("not a bound"));
}

TEST_CASE("Ranges read as values from their lower to their upper end", "[values][cells]") {
    const auto a = parse_value("9,74-9,59");
    CHECK(a.kind == value_kind::range);
    CHECK(*a.number == 9.59);
    CHECK(*a.upper == 9.74);
    const auto b = parse_value("80 - 85%");
    CHECK(b.kind == value_kind::range);
    CHECK(b.bounded == value_kind::percent);
    CHECK(*b.number == 80.0);
    CHECK(*b.upper == 85.0);
    CHECK(kinerja::format_value(b) == "80 - 85%");
    const auto c = parse_value("5 s/d 10 Dokumen");
    CHECK(c.kind == value_kind::range);
    CHECK(c.unit == "Dokumen");
    CHECK(*c.upper == 10.0);
    // a negative number is no range
    CHECK(parse_value("-5%").kind == value_kind::percent);
    const auto e = thrown<kinerja::parse_error>([] { (void)parse_value("5% - 10 Dokumen"); });
    REQUIRE(e);
    CHECK_THAT(e->reason(), Contains("differ in kind or unit"));
}

TEST_CASE("A bound or range target is met or not, with the distance", "[achievement][cells]") {
    using kinerja::check_target;
    // < 22: 20 meets it; 25 misses by 25 - 22 = 3; 22 misses a strict bound at its edge (distance 0)
    CHECK(check_target(parse_value("<22"), parse_value("20")).status == "met");
    CHECK(*check_target(parse_value("<22"), parse_value("20")).distance == 0.0);
    const auto miss = check_target(parse_value("<22"), parse_value("25"));
    CHECK(miss.status == "not met");
    CHECK(*miss.distance == 3.0);
    CHECK(check_target(parse_value("<22"), parse_value("22")).status == "not met");
    CHECK(check_target(parse_value("\xe2\x89\xa4"
                                   "22"),
                       parse_value("22"))
              .status == "met");
    // minimal 80%: 78,5% misses by 1.5
    const auto low = check_target(parse_value("minimal 80%"), parse_value("78,5%"));
    CHECK(low.status == "not met");
    CHECK_THAT(*low.distance, WithinAbs(1.5, 1e-12));
    // 80 - 85 %: 78 is below by 2, 86 above by 1, 85 within
    CHECK(check_target(parse_value("80 - 85%"), parse_value("78%")).status == "below");
    CHECK(*check_target(parse_value("80 - 85%"), parse_value("78%")).distance == 2.0);
    CHECK(check_target(parse_value("80 - 85%"), parse_value("86%")).status == "above");
    CHECK(*check_target(parse_value("80 - 85%"), parse_value("86%")).distance == 1.0);
    CHECK(check_target(parse_value("80 - 85%"), parse_value("85%")).status == "within");
    // different units: no answer
    CHECK(check_target(parse_value("< 5 Menit"), parse_value("3 Jam")).status.empty());
    // the audit does not compute a percentage from a bound
    const auto a = kinerja::audit_achievement(parse_value("<22"), parse_value("20"), parse_value("110%"));
    CHECK_FALSE(a.consistent.has_value());
    CHECK_THAT(a.explanation, Contains("meets the target <22"));
}

TEST_CASE("Ratings through scales: BPK opinions, maturity levels, Baik/Cukup/Kurang", "[scale][cells]") {
    // BPK, worst first: TMP 1, TW 2, WDP 3, WTP 4; WDP against a WTP target is 3 / 4 = 75 %
    const auto t = parse_value("WTP");
    CHECK(t.kind == value_kind::predicate);
    CHECK(t.scale == "BPK");
    kinerja::achievement_options o;
    CHECK_THAT(*kinerja::achievement(t, parse_value("WDP"), o).percent, WithinAbs(75.0, 1e-12));
    CHECK(parse_value("Wajar Tanpa Pengecualian").level == "WTP");
    // Level 3 against a Level 4 target: 3 / 4 = 75 %; "3" in a row of satuan Level is Level 3
    CHECK_THAT(*kinerja::achievement(parse_value("Level 4"), parse_value("Level 3"), o).percent,
               WithinAbs(75.0, 1e-12));
    CHECK(parse_value("3", "Level").level == "Level 3");
    // Penilaian: Sangat Kurang 1, Kurang 2, Cukup 3, Baik 4, Sangat Baik 5; Cukup / Baik = 75 %
    CHECK_THAT(*kinerja::achievement(parse_value("Baik"), parse_value("Cukup"), o).percent, WithinAbs(75.0, 1e-12));
}

TEST_CASE("Two quantities in a cell and money typos are named as such", "[values][cells]") {
    const auto two = thrown<kinerja::parse_error>([] { (void)parse_value("1 Dokumen 2900 orang"); });
    REQUIRE(two);
    CHECK(two->id() == "kinerja.parse.two_quantities");
    CHECK(two->position() == 10);  // "2900" starts at the 11th character
    CHECK_THAT(two->reason(), Contains("two quantities"));
    const auto typo = thrown<kinerja::parse_error>([] { (void)parse_value("2.100.000.00O", "Rupiah"); });
    REQUIRE(typo);
    CHECK(typo->id() == "kinerja.parse.money_typo");
    CHECK(typo->position() == 12);  // the letter O, 13th character
    CHECK_THAT(typo->reason(), Contains("money typo"));
    CHECK(std::string(typo->what()).find("unit_registry") == std::string::npos);
    // a word after an amount of money is no unit of it ("5 M" is not 5 metres of Rupiah)
    const auto m = thrown<kinerja::parse_error>([] { (void)parse_value("5 M", "Rupiah"); });
    REQUIRE(m);
    CHECK(m->id() == "kinerja.parse.money_typo");
    CHECK(m->position() == 2);
    const auto rp = thrown<kinerja::parse_error>([] { (void)parse_value("Rp 1.5OO.000"); });
    REQUIRE(rp);
    CHECK(rp->id() == "kinerja.parse.money_typo");
    CHECK(rp->position() == 6);
}

TEST_CASE("check reports unknown words once each, placeholders once per plan, spreadsheet errors per cell",
          "[check][cells]") {
    const auto p = plan_with(
        "      - {id: i-1, name: Pasar, unit: Dukumen, polarity: higher, source: \"Tabel 4.1\",\n"
        "         targets: {2024: \"3 Dukumen\", 2025: \"4 Dukumen\", 2026: \"Belum diisi\"},\n"
        "         realizations: {2024: \"n.a\", 2025: \"#DIV/0!\"}}\n"
        "      - {id: i-2, name: Jenis, unit: Jenis, polarity: higher, source: \"Tabel 4.1\",\n"
        "         targets: {2024: \"5\", 2025: \"<22\", 2026: \"Belum diisi\"}}\n");
    const auto all = kinerja::check_plan(p);
    const auto unknown = of_rule(all, "unknown-unit");
    // "Dukumen": the indicator's unit and 2 cells, one finding; "Jenis" is built in
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].actual == "Dukumen");
    CHECK(unknown[0].expected == "Dokumen");
    CHECK(unknown[0].severity == kinerja::severity::info);
    CHECK_THAT(unknown[0].message, Contains("1 indicator's unit and 2 cells"));
    const auto holes = of_rule(all, "placeholder");
    // Belum diisi twice, n.a once: 3 cells; an indicator's targets are read before its
    // realizations, so the first is i-1's 2026 target
    REQUIRE(holes.size() == 1);
    CHECK(holes[0].actual == "3");
    CHECK(holes[0].year == std::optional<int>(2026));
    CHECK(holes[0].indicator == "i-1");
    const auto errors = of_rule(all, "spreadsheet-error");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].actual == "#DIV/0!");
    CHECK(errors[0].year == std::optional<int>(2025));
    CHECK(of_rule(all, "unparsed-value").empty());
}

TEST_CASE("A plan declares its own unit words", "[plan][units][cells]") {
    const std::string units =
        "units:\n"
        "  - Lumbung\n"
        "  - {name: Dukumen, kind: count, dimension: item, synonyms: [Dkmn]}\n"
        "  - {name: Debit, kind: number, dimension: volume/time}\n";
    const auto p = plan_with(
        "      - {id: i-1, name: Lumbung, unit: Dukumen, polarity: higher, source: \"Tabel 4.1\",\n"
        "         targets: {2024: \"3 Dkmn\", 2025: \"2 Lumbung\"}}\n",
        units);
    REQUIRE(p.units.size() == 3);
    CHECK(p.units[0].name == "Lumbung");
    CHECK(p.units[0].kind == "count");
    CHECK(p.units[2].dimension == "volume/time");
    const unit_registry r = kinerja::plan_units(p);
    CHECK(r.lookup("dkmn")->name == "Dukumen");
    CHECK(r.lookup("Debit")->dimension.to_string() == "length^3/time");
    CHECK(of_rule(kinerja::check_plan(p), "unknown-unit").empty());
    // the declarations survive a round trip
    const auto again = kinerja::parse_plan(kinerja::to_yaml(p));
    REQUIRE(again.units.size() == 3);
    CHECK(again.units[1].synonyms == std::vector<std::string>{"Dkmn"});
    // a declaration that cannot be registered is an error at its place
    const auto e = thrown<kinerja::file_error>([&] { (void)plan_with("", "units:\n  - {name: Orang}\n"); });
    REQUIRE(e);
    CHECK_THAT(std::string(e->what()), Contains("already registered"));
    const auto k = thrown<kinerja::file_error>([&] { (void)plan_with("", "units:\n  - {name: X1, kind: bogus}\n"); });
    REQUIRE(k);
    CHECK_THAT(std::string(k->what()), Contains("unknown kind"));
    // the --units file shape: units: or the list itself
    CHECK(kinerja::parse_unit_declarations("units: [Lumbung]\n").size() == 1);
    CHECK(kinerja::parse_unit_declarations("- Lumbung\n- Ember\n").size() == 2);
}
