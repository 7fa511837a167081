// SPDX-License-Identifier: Apache-2.0
// Tests of issue 9's regional structure (misi, context nodes, codes per agency, orphans as real
// tables print them) and of the indicator checks of check_indicators.cpp (unit-change within a row,
// scale-jump, achievement-without-realization, share-above-100, budget-target, target-direction
// past leading placeholders). Every plan is small and inline; every expected value is worked by
// hand in the comment beside it.
#include <catch2/catch.hpp>

#include "check_support.hpp"

#include <kinerja/check.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include "support.hpp"

#include <algorithm>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using kinerja::check_options;
using kinerja::check_plan;
using kinerja::end_of_period;
using kinerja::finding;
using kinerja::plan;
using kinerja::severity;

namespace {

using kinerja_test::only;

plan parse(const std::string& body, const std::string& settings = "") {
    return kinerja_test::inline_plan(2024, 2026, "perubahan", settings + body);
}

}  // namespace

TEST_CASE("misi is a level: it loads, saves and is a parent of programmes in a regional table", "[check][structure]") {
    // RPJMD programme table: MISI row > tujuan > sasaran_rpd > programme, and a programme directly
    // under a misi (both are linked, so no orphan)
    const plan p = parse(
        "nodes:\n"
        "  - {id: m-1, level: misi, name: Misi 1, source: \"Tabel 7.1\"}\n"
        "  - {id: t-1, level: tujuan_rpd, name: Tujuan 1, parent: m-1, source: \"Tabel 7.1\"}\n"
        "  - {id: s-1, level: sasaran_rpd, name: Sasaran 1, parent: t-1, source: \"Tabel 7.1\"}\n"
        "  - {id: p-1, level: program, code: \"2.08.02\", name: Program A, parent: s-1, source: \"Tabel 7.1\"}\n"
        "  - {id: p-2, level: program, code: \"2.08.03\", name: Program B, parent: m-1, source: \"Tabel 7.1\"}\n");
    CHECK(p.find_node("m-1")->level == kinerja::node_level::misi);
    CHECK(kinerja::to_string(kinerja::node_level::misi) == "misi");
    CHECK(kinerja::node_level_from_string("MISI") == kinerja::node_level::misi);
    CHECK_THAT(kinerja::to_yaml(p), Contains("level: misi"));
    CHECK(kinerja::parse_plan(kinerja::to_yaml(p)) == p);
    CHECK(only(p, "orphan").empty());
}

TEST_CASE("orphan: what real tables leave unlinked, and what they never link", "[check][structure]") {
    SECTION("an LKjIP or goal table prints objectives without programmes: no orphan") {
        const plan p = parse(
            "nodes:\n"
            "  - {id: s-1, level: sasaran, name: S, source: \"Tabel 3.1\", indicators: [{id: i-1, name: I, "
            "source: \"Tabel 3.1\", targets: {2024: \"90%\"}}]}\n");
        CHECK(only(p, "orphan").empty());
    }
    SECTION("a plain list of programmes is a table's shape: no orphan") {
        const plan p = parse(
            "nodes:\n"
            "  - {id: p-1, level: program, name: P, source: \"Tabel 7.1\"}\n"
            "  - {id: k-1, level: kegiatan, name: K, parent: p-1, source: \"Tabel 7.1\"}\n");
        CHECK(only(p, "orphan").empty());
    }
    SECTION("a programme linked by supports is linked") {
        const plan p = parse(
            "nodes:\n"
            "  - {id: s-1, level: sasaran_rpd, name: S, source: \"Tabel 7.1\"}\n"
            "  - {id: p-1, level: program, name: P, supports: [s-1], source: \"Tabel 7.1\"}\n");
        CHECK(only(p, "orphan").empty());
    }
    SECTION("a programme without parent in a plan that prints objectives is an orphan, and the objective too") {
        const plan p = parse(
            "nodes:\n"
            "  - {id: s-1, level: sasaran, name: S, source: \"Tabel 6.1\", indicators: [{id: i-1, name: I, "
            "source: \"Tabel 6.1\"}]}\n"
            "  - {id: p-1, level: program, name: P, source: \"Tabel 6.1\"}\n");
        const auto found = only(p, "orphan");
        REQUIRE(found.size() == 2);
        CHECK(found[0].node == "s-1");
        CHECK_THAT(found[0].message, Contains("has no programmes"));
        CHECK(found[1].node == "p-1");
        CHECK_THAT(found[1].message, Contains("linked to no objective"));
    }
    SECTION("a context node is not judged") {
        const plan p = parse(
            "nodes:\n"
            "  - {id: s-0, level: sasaran, name: S0, source: \"Tabel 6.1\", indicators: [{id: i-0, name: I, "
            "source: \"Tabel 6.1\"}]}\n"
            "  - {id: p-0, level: program, name: P0, parent: s-0, source: \"Tabel 6.1\"}\n"
            "  - {id: s-1, level: sasaran, name: S, context: true, source: \"Tabel 6.1\"}\n");
        CHECK(only(p, "orphan").empty());
    }
}

TEST_CASE("A context node carries its printed total without being checked against its children", "[check][structure]") {
    // urusan 2.08's total 1,000,000,000 covers two agencies; this plan holds one programme of 300,000,000
    const std::string body =
        "nodes:\n"
        "  - {id: u-1, level: urusan, code: \"2.08\", name: Urusan PPPA, CONTEXT source: \"Tabel 7.1\", "
        "budget: {2024: \"1,000,000,000\", 2025: \"1,000,000,000\"}}\n"
        "  - {id: p-1, level: program, code: \"2.08.02\", name: P, parent: u-1, source: \"Tabel 7.1\", "
        "budget: {2024: \"300,000,000\", 2026: \"200,000,000\"}}\n";
    auto with = [&](const std::string& flag) {
        std::string b = body;
        b.replace(b.find("CONTEXT "), 8, flag);
        return parse(b);
    };
    const plan context = with("context: true, ");
    CHECK(context.find_node("u-1")->context);
    CHECK_FALSE(context.find_node("p-1")->context);
    CHECK_THAT(kinerja::to_yaml(context), Contains("context: true"));
    CHECK(kinerja::parse_plan(kinerja::to_yaml(context)) == context);
    CHECK(only(context, "budget-rollup").empty());
    CHECK(only(context, "budget-missing").empty());

    // the control: without the flag 2024 fails its roll-up (1,000,000,000 vs 300,000,000), 2025
    // has pagu and no child has (budget-missing), 2026 a child has and the urusan has not
    const plan plain = with("");
    const auto rollup = only(plain, "budget-rollup");
    REQUIRE(rollup.size() == 1);
    CHECK(rollup.front().year == 2024);
    CHECK(only(plain, "budget-missing").size() == 2);

    SECTION("context is true or false") {
        const auto e = kinerja_test::thrown<kinerja::file_error>([&] { with("context: yes, "); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.plan.schema");
        CHECK_THAT(e->what(), Contains("context is true or false"));
    }
}

TEST_CASE("duplicate-code: codes are unique per objective and responsible agency unless the plan says plan",
          "[check][structure]") {
    // kecamatan table: each kecamatan prints programme 7.01.02 and activity 7.01.02.2.01
    const std::string kecamatan =
        "nodes:\n"
        "  - {id: s-1, level: sasaran_rpd, name: S, source: \"Tabel 7.1\"}\n"
        "  - {id: p-a, level: program, code: \"7.01.02\", name: P, parent: s-1, responsible: Kecamatan Tayu, "
        "source: \"Tabel 7.1\"}\n"
        "  - {id: k-a, level: kegiatan, code: \"7.01.02.2.01\", name: K, parent: p-a, source: \"Tabel 7.1\"}\n"
        "  - {id: p-b, level: program, code: \"7.01.02\", name: P, parent: s-1, responsible: Kecamatan Pati, "
        "source: \"Tabel 7.1\"}\n"
        "  - {id: k-b, level: kegiatan, code: \"7.01.02.2.01\", name: K, parent: p-b, source: \"Tabel 7.1\"}\n";
    CHECK(only(parse(kecamatan), "duplicate-code").empty());
    // settings.code_scope: plan: both the programme and the activity are duplicates (at p-b and k-b)
    const plan strict = parse(kecamatan, "settings: {code_scope: plan}\n");
    CHECK(strict.settings.code_scope == kinerja::code_scope::plan);
    CHECK_THAT(kinerja::to_yaml(strict), Contains("code_scope: plan"));
    const auto both = only(strict, "duplicate-code");
    REQUIRE(both.size() == 2);
    CHECK(both[0].node_id == "p-b");
    CHECK(both[1].node_id == "k-b");

    SECTION("one agency, one objective: a real duplicate") {
        std::string same = kecamatan;
        same.replace(same.find("Kecamatan Pati"), 14, "kecamatan tayu");  // the same agency, spelt in lower case
        const auto found = only(parse(same), "duplicate-code");
        REQUIRE(found.size() == 2);
        CHECK(found[0].node_id == "p-b");
        CHECK(found[0].severity == severity::error);
        CHECK_THAT(found[0].message, Contains("both under sasaran_rpd s-1"));
        CHECK(found[1].node_id == "k-b");  // its agency is its programme's
    }
    SECTION("a programme printed under two objectives is not a duplicate") {
        const plan p = parse(
            "nodes:\n"
            "  - {id: s-1, level: sasaran, name: S1, source: \"Tabel 6.1\"}\n"
            "  - {id: s-2, level: sasaran, name: S2, source: \"Tabel 6.1\"}\n"
            "  - {id: p-1, level: program, code: \"2.08.02\", name: P, parent: s-1, source: \"Tabel 6.1\"}\n"
            "  - {id: p-2, level: program, code: \"2.08.02\", name: P, parent: s-2, source: \"Tabel 6.1\"}\n");
        CHECK(only(p, "duplicate-code").empty());
    }
    SECTION("two sub-activities of one objective under different activities with one code are (seed E.4)") {
        const plan p = parse(
            "nodes:\n"
            "  - {id: s-1, level: sasaran, name: S1, source: \"Tabel 6.1\"}\n"
            "  - {id: p-1, level: program, code: \"2.08.01\", name: P, parent: s-1, source: \"Tabel 6.1\"}\n"
            "  - {id: k-1, level: kegiatan, code: \"2.08.01.2.01\", name: K1, parent: p-1, source: \"Tabel 6.1\"}\n"
            "  - {id: k-2, level: kegiatan, code: \"2.08.01.2.02\", name: K2, parent: p-1, source: \"Tabel 6.1\"}\n"
            "  - {id: sk-1, level: sub_kegiatan, code: \"2.08.01.2.02.0005\", name: A, parent: k-1, "
            "source: \"Tabel 6.1\"}\n"
            "  - {id: sk-2, level: sub_kegiatan, code: \"2.08.01.2.02.0005\", name: B, parent: k-2, "
            "source: \"Tabel 6.1\"}\n");
        const auto found = only(p, "duplicate-code");
        REQUIRE(found.size() == 1);
        CHECK(found.front().node_id == "sk-2");
    }
    SECTION("an unknown code_scope is an error at its value") {
        const auto e =
            kinerja_test::thrown<kinerja::file_error>([&] { parse(kecamatan, "settings: {code_scope: agency}\n"); });
        REQUIRE(e);
        CHECK(e->line() == 3);
        CHECK_THAT(e->what(), Contains("unknown code scope \"agency\" (parent or plan)"));
    }
}

TEST_CASE("unit-change within a row of an indicator without a unit (seed E.14)", "[check][indicators]") {
    auto row = [](const std::string& targets) {
        return parse(
            "nodes:\n"
            "  - id: sk-1\n"
            "    level: sub_kegiatan\n"
            "    name: Advokasi\n"
            "    source: \"Tabel 6.1\"\n"
            "    indicators:\n"
            "      - {id: i-1, name: Jumlah Perangkat Daerah, source: \"Tabel 6.1\", targets: " +
            targets + "}\n");
    };
    SECTION("44 OPD, 765 Orang, 44 OPD, 44 OPD: OPD holds 3 of 4 values, 2025 is the odd one") {
        const auto found =
            only(row("{2024: \"44 OPD\", 2025: \"765 Orang\", 2026: \"44 OPD\", end: \"44 OPD\"}"), "unit-change");
        REQUIRE(found.size() == 1);
        CHECK(found[0].year == 2025);
        CHECK(found[0].indicator == "i-1");
        CHECK(found[0].expected == "OPD");
        CHECK(found[0].actual == "765 Orang");
        CHECK(found[0].severity == severity::warning);
        CHECK(found[0].location.line == 9);
        CHECK_THAT(found[0].message, Contains("(2024, 2026 and the end column)"));
    }
    SECTION("8 Laporan, 6 Dokumen: no majority, the change is reported") {
        const auto found = only(row("{2024: \"8 Laporan\", 2025: \"6 Dokumen\"}"), "unit-change");
        REQUIRE(found.size() == 1);
        CHECK(found[0].year == 2025);
        CHECK(found[0].expected == "Laporan");
        CHECK(found[0].actual == "6 Dokumen");
    }
    SECTION("bare numbers carry no unit, and one unit in two spellings is one unit") {
        CHECK(only(row("{2024: \"44\", 2025: \"45 OPD\", 2026: \"46\"}"), "unit-change").empty());
        CHECK(only(row("{2024: \"4 dokumen\", 2025: \"5 Dokumen\"}"), "unit-change").empty());
    }
}

TEST_CASE("scale-jump: a percentage printed as a fraction (seed E.16)", "[check][indicators]") {
    auto row = [](const std::string& unit, const std::string& targets) {
        return parse(
            "nodes:\n"
            "  - id: s-1\n"
            "    level: sasaran\n"
            "    name: S\n"
            "    source: \"Tabel 6.1\"\n"
            "    indicators:\n"
            "      - {id: i-1, name: Persentase anak korban kekerasan, " +
            unit + "source: \"Tabel 6.1\", targets: " + targets + "}\n");
    };
    // 0.029% then 0.00028: 0.029 / 0.00028 = 103.57 times smaller; 0.00028 as a fraction is 0.028%
    const auto found =
        only(row("unit: Persen, ", "{2024: \"0.029%\", 2025: \"0.00028\", 2026: \"0.00028\", end: \"0.00028\"}"),
             "scale-jump");
    REQUIRE(found.size() == 1);
    CHECK(found[0].year == 2025);
    CHECK(found[0].expected == "0.028%");
    CHECK(*found[0].expected_number == 0.028);  // 28 / 1000, not 0.00028 * 100 = 0.027999999999999997
    CHECK(found[0].actual == "0.00028");
    CHECK_THAT(found[0].message, Contains("104 times smaller"));
    // without a declared unit the bare 0.95 beside 96% is the same slip: 96 / 0.95 = 101.05
    const auto bare = only(row("", "{2024: \"0.95\", 2025: \"96%\"}"), "scale-jump");
    REQUIRE(bare.size() == 1);
    CHECK(bare[0].year == 2024);
    CHECK(bare[0].expected == "95%");
    // a tenfold step, a 100-fold step between values above 1, and counts are no jump
    CHECK(only(row("unit: Persen, ", "{2024: \"0.5%\", 2025: \"5%\"}"), "scale-jump").empty());
    CHECK(only(row("unit: Persen, ", "{2024: \"2%\", 2025: \"200%\"}"), "scale-jump").empty());
    CHECK(only(row("", "{2024: \"1 Dokumen\", 2025: \"100 Dokumen\"}"), "scale-jump").empty());
    // a smaller value printed with its own percent sign is a percentage, not a fraction: Soppeng's
    // share of PMKS receiving aid, 0,22 % (2011) then 11,05 % (2012), 50 times (batch 6)
    CHECK(only(row("", "{2011: \"0,22 %\", 2012: \"11,05 %\"}"), "scale-jump").empty());
    CHECK(only(row("unit: Persen, ", "{2011: \"0,22%\", 2012: \"11,05%\"}"), "scale-jump").empty());
    // the same numbers with the smaller printed bare are the slip (50 times, the usual band)
    CHECK(only(row("unit: Persen, ", "{2011: \"0,22\", 2012: \"11,05\"}"), "scale-jump").size() == 1);
}

TEST_CASE("achievement-without-realization: a printed capaian needs a realization", "[check][indicators]") {
    auto row = [](const std::string& realizations) {
        return parse(
            "nodes:\n"
            "  - id: s-1\n"
            "    level: sasaran\n"
            "    name: S\n"
            "    source: \"Tabel 3.1\"\n"
            "    indicators:\n"
            "      - {id: i-1, name: Indeks Kepuasan Masyarakat, polarity: higher, source: \"Tabel 3.1\", targets: "
            "{2024: \"80\", 2025: \"82\"}, " +
            realizations + "reported_achievement: {2024: \"100%\", 2025: \"n/a\"}}\n");
    };
    const auto none = only(row(""), "achievement-without-realization");
    REQUIRE(none.size() == 1);  // 2025 prints n/a, which is not an achievement
    CHECK(none[0].year == 2024);
    CHECK(none[0].actual == "100%");
    CHECK_THAT(none[0].message, Contains("no realization is printed"));
    const auto dash = only(row("realizations: {2024: \"-\"}, "), "achievement-without-realization");
    REQUIRE(dash.size() == 1);
    CHECK_THAT(dash[0].message, Contains("its realization is a placeholder (-)"));
    CHECK(only(row("realizations: {2024: \"80\"}, "), "achievement-without-realization").empty());
}

TEST_CASE("share-above-100: a percentage of a whole above 100%", "[check][indicators]") {
    auto row = [](const std::string& name, const std::string& target) {
        return parse(
            "nodes:\n"
            "  - id: s-1\n"
            "    level: sasaran\n"
            "    name: S\n"
            "    source: \"Tabel 6.1\"\n"
            "    indicators:\n"
            "      - {id: i-1, name: \"" +
            name + "\", unit: Persen, source: \"Tabel 6.1\", targets: {2024: \"" + target + "\"}}\n");
    };
    const auto found =
        only(row("Persentase perempuan korban kekerasan yang mendapat layanan", "10000%"), "share-above-100");
    REQUIRE(found.size() == 1);
    CHECK(found[0].severity == severity::error);
    CHECK(found[0].year == 2024);
    CHECK(found[0].expected == "at most 100%");
    CHECK(found[0].actual == "10000%");
    CHECK_THAT(*found[0].actual_number, WithinAbs(10000.0, 1e-9));
    CHECK(only(row("Cakupan layanan", "100.5"), "share-above-100").size() == 1);              // 100.5% with unit Persen
    CHECK(only(row("Presentasi balita gizi buruk", "120%"), "share-above-100").size() == 1);  // Gresik's spelling
    CHECK(only(row("Persentase perempuan", "100%"), "share-above-100").empty());
    CHECK(only(row("Persentase peningkatan aktivitas keagamaan", "150%"), "share-above-100").empty());
    CHECK(only(row("Persentase capaian target PAD", "105%"), "share-above-100").empty());
    CHECK(only(row("Angka Partisipasi Kasar", "105%"), "share-above-100").empty());
    CHECK(only(row("Persentil", "150%"), "share-above-100").empty());  // a prefix is a whole word
}

TEST_CASE("budget-target: pagu without any target and targets without any pagu, where the table prices the level",
          "[check][indicators]") {
    // programme p-1: pagu 2024..2026, targets only 2024: priced for more years than targeted is a
    // table's plan, not a finding; p-4: pagu 2024..2025 and no target in any year -> a finding;
    // programme p-2: targets 2024 and 2025, pagu only 2025: not a finding; p-5: targets 2024 and
    // pagu in no year (0) -> a finding; sasaran s-1 has targets but the table prices no sasaran: not
    // judged; programme p-3 is printed without indicator rows: not judged
    const plan p = parse(
        "nodes:\n"
        "  - {id: s-1, level: sasaran, name: S, source: \"Tabel 6.1\", indicators: [{id: i-s, name: I, "
        "source: \"Tabel 6.1\", targets: {2024: \"1\"}}]}\n"
        "  - {id: p-1, level: program, name: P1, parent: s-1, source: \"Tabel 6.1\", budget: {2024: \"100\", "
        "2025: \"100\", 2026: \"100\"}, indicators: [{id: i-1, name: I, source: \"Tabel 6.1\", targets: {2024: "
        "\"1\", 2025: \"-\"}}]}\n"
        "  - {id: p-2, level: program, name: P2, parent: s-1, source: \"Tabel 6.1\", budget: {2024: \"0\", 2025: "
        "\"100\"}, indicators: [{id: i-2, name: I, source: \"Tabel 6.1\", targets: {2024: \"1\", 2025: \"2\"}}]}\n"
        "  - {id: p-3, level: program, name: P3, parent: s-1, source: \"Tabel 6.1\", budget: {2024: \"100\"}}\n"
        "  - {id: p-4, level: program, name: P4, parent: s-1, source: \"Tabel 6.1\", budget: {2024: \"100\", "
        "2025: \"100\"}, indicators: [{id: i-4, name: I, source: \"Tabel 6.1\", targets: {2024: \"-\"}}]}\n"
        "  - {id: p-5, level: program, name: P5, parent: s-1, source: \"Tabel 6.1\", budget: {2024: \"0\"}, "
        "indicators: [{id: i-5, name: I, source: \"Tabel 6.1\", targets: {2024: \"3\"}}]}\n");
    const auto found = only(p, "budget-target");
    REQUIRE(found.size() == 2);
    CHECK(found[0].node_id == "p-4");
    CHECK_FALSE(found[0].year);  // two years
    CHECK_THAT(found[0].message, Contains("has pagu in 2024 and 2025 but none of its indicators has a target"));
    CHECK(found[0].actual == "100");
    CHECK(found[0].severity == severity::warning);
    CHECK(found[1].node_id == "p-5");
    CHECK(found[1].year == 2024);
    CHECK_THAT(found[1].message, Contains("has targets in 2024 but no pagu in that year"));
    CHECK(found[1].expected == "a pagu");
}

TEST_CASE("target-direction skips leading placeholders and compares the first real target onwards",
          "[check][indicators]") {
    auto row = [](const std::string& targets) {
        return parse(
            "nodes:\n"
            "  - id: s-1\n"
            "    level: sasaran\n"
            "    name: S\n"
            "    source: \"Tabel 6.1\"\n"
            "    indicators:\n"
            "      - {id: i-1, name: Angka kekerasan, polarity: lower, source: \"Tabel 6.1\", targets: " +
            targets + "}\n");
    };
    // 0 (2024) then 5 (2025): the 0 stands for a year before the indicator starts
    CHECK(only(row("{2024: \"0\", 2025: \"5\", 2026: \"4\"}"), "target-direction").empty());
    CHECK(only(row("{2024: \"-\", 2025: \"0\", 2026: \"4\"}"), "target-direction").empty());
    // 5 (2025) -> 6 (2026) after a leading 0 is still against "lower is better"
    const auto found = only(row("{2024: \"0\", 2025: \"5\", 2026: \"6\"}"), "target-direction");
    REQUIRE(found.size() == 1);
    CHECK(found[0].year == 2026);
    CHECK(found[0].expected == "at most 5");
    // a 0 after a real target is a target (lower is better: 5 -> 0 is fine, 0 -> 1 is not)
    const auto later = only(row("{2024: \"5\", 2025: \"0\", 2026: \"1\"}"), "target-direction");
    REQUIRE(later.size() == 1);
    CHECK(later[0].year == 2026);
}

TEST_CASE("The bundled plan's seed jumps E.14 and E.16 are reported", "[check][indicators]") {
    static const plan p = kinerja::bundled_plan();
    const auto all = check_plan(p);
    auto of = [&](const std::string& rule, const std::string& ind) {
        std::vector<finding> out;
        for (const finding& f : all)
            if (f.rule == rule && f.indicator == ind) out.push_back(f);
        return out;
    };
    // E.14: 44 OPD (2024), 765 Orang (2025), 44 OPD (2026), 44 OPD (end)
    const auto e14 = of("unit-change", "ind-sk-2.08.02.2.01.0001");
    REQUIRE(e14.size() == 1);
    CHECK(e14[0].year == 2025);
    CHECK(e14[0].expected == "OPD");
    CHECK(e14[0].actual == "765 Orang");
    // E.16: 0.029% (2024), 0.00028 (2025): 0.00028 x 100 = 0.028%
    const auto e16 = of("scale-jump", "ind-iku-kta");
    REQUIRE(e16.size() == 1);
    CHECK(e16[0].year == 2025);
    CHECK(e16[0].expected == "0.028%");
    CHECK(e16[0].actual == "0.00028");
}

TEST_CASE("The CSV table reads the misi level and the context column", "[check][structure]") {
    const plan p = kinerja::parse_plan_csv(
        "node_id,level,name,parent,year,budget,source,context\n"
        "m-1,Misi,Misi 1,,2024,,Tabel 7.1,\n"
        "u-1,urusan,Urusan,m-1,2024,900,Tabel 7.1,TRUE\n"
        "p-1,program,Program,u-1,2024,100,Tabel 7.1,false\n",
        "regional.csv");
    CHECK(p.find_node("m-1")->level == kinerja::node_level::misi);
    CHECK_FALSE(p.find_node("m-1")->context);
    CHECK(p.find_node("u-1")->context);
    CHECK_FALSE(p.find_node("p-1")->context);
    CHECK(only(p, "budget-rollup").empty());  // 900 over 100: a context total

    const auto e = kinerja_test::thrown<kinerja::file_error>(
        [] { kinerja::parse_plan_csv("node_id,level,name,year,source,context\nu-1,urusan,U,2024,T,ya\n", "bad.csv"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.csv.schema");
    CHECK(e->line() == 2);
    CHECK_THAT(e->what(), Contains("context is true or false; got \"ya\""));
}
