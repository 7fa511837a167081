// SPDX-License-Identifier: Apache-2.0
// Tests of a declared number convention: number_context::printed_in, parse_value with a
// convention, and an indicator's `convention` in the YAML and CSV plan formats, the checks, the
// diff and the bundled plan. The ambiguous form d.ddd / d,ddd is read by hand in each case:
// "18.221" is 18221 with '.' grouping thousands (Indonesian) and 18.221 with '.' as the decimal
// mark (English); "742,340" the other way round.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/check.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/error.hpp>
#include <kinerja/number.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/value.hpp>

#include <optional>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::convention;
using kinerja::file_error;
using kinerja::number_context;
using kinerja::parse_number;
using kinerja::parse_value;

namespace {

using kinerja_test::thrown;

number_context printed_in(convention c, number_context base = {}) {
    base.printed_in = c;
    return base;
}

// A plan with one indicator: unit Rasio, lower is better, targets 23.00 / 18.221 / 18.220;
// `extra` is inserted after the polarity line (e.g. "convention: english").
std::string plan_text(const std::string& extra) {
    return "kinerja_plan: 1\n"
           "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
           "nodes:\n"
           "  - id: s-1\n"
           "    level: sasaran\n"
           "    name: S\n"
           "    source: T\n"
           "    indicators:\n"
           "      - id: ind-1\n"
           "        name: Rasio kekerasan\n"
           "        unit: Rasio\n"
           "        polarity: lower\n" +
           (extra.empty() ? std::string() : "        " + extra + "\n") +
           "        source: T\n"
           "        targets: {2024: \"23.00\", 2025: \"18.221\", 2026: \"18.220\"}\n";
}

std::vector<kinerja::finding> findings(const kinerja::plan& p, const std::string& rule) {
    std::vector<kinerja::finding> out;
    for (const auto& f : kinerja::check_plan(p))
        if (f.rule == rule) out.push_back(f);
    return out;
}

const kinerja::indicator& only_indicator(const kinerja::plan& p) { return p.nodes.at(0).indicators.at(0); }

}  // namespace

TEST_CASE("convention: names are read in any case and written canonically", "[convention]") {
    CHECK(kinerja::convention_from_string("English") == convention::english);
    CHECK(kinerja::convention_from_string("en") == convention::english);
    CHECK(kinerja::convention_from_string("INDONESIAN") == convention::indonesian);
    CHECK(kinerja::convention_from_string("id") == convention::indonesian);
    CHECK(kinerja::to_string(convention::english) == "english");
    CHECK(kinerja::to_string(convention::indonesian) == "indonesian");
    const auto e = thrown<kinerja::lookup_error>([] { (void)kinerja::convention_from_string("french"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.lookup.convention");
    CHECK(e->name() == "french");
}

TEST_CASE("convention: a declared convention settles the ambiguous form", "[convention]") {
    CHECK(parse_number("18.221", printed_in(convention::english)).value == 18.221);
    CHECK(parse_number("18.221", printed_in(convention::indonesian)).value == 18221.0);
    CHECK(parse_number("742,340", printed_in(convention::indonesian)).value == 742.34);
    CHECK(parse_number("742,340", printed_in(convention::english)).value == 742340.0);
    CHECK(parse_number("-1.500", printed_in(convention::english)).value == -1.5);
    // the reading is recorded with its precision: 18.221 has three decimals, 18221 none
    CHECK(parse_number("18.221", printed_in(convention::english)).decimals == 3);
    CHECK(parse_number("18.221", printed_in(convention::indonesian)).decimals == 0);
    CHECK(parse_number("18.221", printed_in(convention::english)).written_in == convention::english);
    // without it the form stays ambiguous
    CHECK(thrown<kinerja::parse_error>([] { (void)parse_number("18.221"); })->id() == "kinerja.parse.ambiguous_number");
}

TEST_CASE("convention: it comes before the policy and the range", "[convention]") {
    number_context grouping;
    grouping.ambiguous = number_context::ambiguous_policy::grouping;
    CHECK(parse_number("1.500", printed_in(convention::english, grouping)).value == 1.5);
    number_context kla;  // 0..1000 settles 742,340 as 742.34 on its own
    kla.minimum = 0;
    kla.maximum = 1000;
    CHECK(parse_number("742,340", kla).value == 742.34);
    CHECK(parse_number("742,340", printed_in(convention::english, kla)).value == 742340.0);
}

TEST_CASE("convention: unambiguous forms are read as printed, whatever is declared", "[convention]") {
    CHECK(parse_number("22.90", printed_in(convention::indonesian)).value == 22.9);        // two decimals
    CHECK(parse_number("1.234.567", printed_in(convention::english)).value == 1234567.0);  // groups
    CHECK(parse_number("1.234,5", printed_in(convention::english)).value == 1234.5);
    CHECK(parse_number("1,234.5", printed_in(convention::indonesian)).value == 1234.5);
    CHECK(parse_number("1234.567", printed_in(convention::indonesian)).value == 1234.567);  // 4 digits: no group
    CHECK(parse_number("0,253", printed_in(convention::english)).value == 0.253);  // a group never starts with 0
}

TEST_CASE("convention: parse_value reads every number of a cell in the declared convention", "[convention]") {
    const auto& units = kinerja::default_units();
    const auto& scales = kinerja::default_scales();
    // a unit that cannot settle 18.221 on its own
    CHECK(thrown<kinerja::parse_error>([] { (void)parse_value("18.221", "Rasio"); })->id() ==
          "kinerja.parse.ambiguous_number");
    const kinerja::value rate = parse_value("18.221", "Rasio", units, scales, convention::english);
    CHECK(rate.number == 18.221);
    CHECK(rate.unit == "Rasio");
    CHECK(parse_value("18.221", "Rasio", units, scales, convention::indonesian).number == 18221.0);
    // the declaration comes before the unit's own default (counts group thousands)
    CHECK(parse_value("18.221", "Orang").number == 18221.0);
    CHECK(parse_value("18.221", "Orang", units, scales, convention::english).number == 18.221);
    // percent, money, ratio and a grade's score
    CHECK(parse_value("1,500%", "", units, scales, convention::english).number == 1500.0);  // before the range
    CHECK(parse_value("Rp 1.500", "", units, scales, convention::english).number == 1.5);
    CHECK(parse_value("1 : 4.000", "", units, scales, convention::indonesian).number == 4000.0);
    CHECK(parse_value("1 : 4.000", "", units, scales, convention::english).number == 4.0);
    CHECK(parse_value("BB (75,100)", "AKIP", units, scales, convention::indonesian).number == 75.1);
    // std::nullopt is the four-argument overload
    CHECK(parse_value("1 : 4.000", "", units, scales, std::nullopt).number == 4000.0);
}

TEST_CASE("convention: an indicator's declared convention reads its values in checks", "[convention][plan]") {
    SECTION("undeclared: 18.221 and 18.220 are unreadable") {
        const kinerja::plan p = kinerja::parse_plan(plan_text(""), "p.yaml");
        CHECK_FALSE(only_indicator(p).convention);
        const auto unread = findings(p, "unparsed-value");
        REQUIRE(unread.size() == 2);
        CHECK(unread[0].year == 2025);
        CHECK(unread[1].year == 2026);
        CHECK_THAT(unread[0].message, Contains("the convention it is printed in"));
    }
    SECTION("english: rates of 18.221 and 18.220 per 100,000, falling as a lower-is-better target should") {
        const kinerja::plan p = kinerja::parse_plan(plan_text("convention: english"), "p.yaml");
        REQUIRE(only_indicator(p).convention == convention::english);
        CHECK(findings(p, "unparsed-value").empty());
        CHECK(findings(p, "target-direction").empty());  // 23.00 > 18.221 > 18.220
        const auto& ind = only_indicator(p);
        CHECK(kinerja::read_value(ind, ind.targets.at(2025).front(), kinerja::default_scales()).number == 18.221);
    }
    SECTION("indonesian: 18221 and 18220, a rise from 23.00 against the polarity") {
        const kinerja::plan p = kinerja::parse_plan(plan_text("convention: indonesian"), "p.yaml");
        CHECK(findings(p, "unparsed-value").empty());
        const auto moved = findings(p, "target-direction");
        REQUIRE(moved.size() == 1);
        CHECK(moved[0].year == 2025);  // 23.00 -> 18221 rises; 18221 -> 18220 falls
    }
}

TEST_CASE("convention: the YAML key is checked, saved and merged by versions", "[convention][plan]") {
    const auto bad = thrown<file_error>([] { (void)kinerja::parse_plan(plan_text("convention: dutch"), "p.yaml"); });
    REQUIRE(bad);
    CHECK(bad->id() == "kinerja.plan.schema");
    CHECK(bad->line() == 13);    // counted in plan_text: the convention line
    CHECK(bad->column() == 21);  // 8 spaces + "convention: " = 20 characters before the value
    CHECK_THAT(bad->reason(), Contains("convention must be indonesian or english, got \"dutch\""));

    const kinerja::plan p = kinerja::parse_plan(plan_text("convention: English"), "p.yaml");
    const std::string saved = kinerja::to_yaml(p);
    CHECK_THAT(saved, Contains("        convention: english\n"));
    CHECK(kinerja::to_yaml(kinerja::parse_plan(saved)) == saved);

    // a version that changes it, and one that removes it
    const std::string versions =
        "versions:\n"
        "  awal:\n"
        "    nodes:\n"
        "      - id: s-1\n"
        "        indicators:\n"
        "          - {id: ind-1, convention: indonesian}\n"
        "  tanpa:\n"
        "    nodes:\n"
        "      - id: s-1\n"
        "        indicators:\n"
        "          - {id: ind-1, convention: null}\n";
    const kinerja::plan v = kinerja::parse_plan(plan_text("convention: english") + versions, "v.yaml");
    CHECK(only_indicator(v).convention == convention::english);
    CHECK(only_indicator(v.version("awal")).convention == convention::indonesian);
    CHECK_FALSE(only_indicator(v.version("tanpa")).convention);
    CHECK(kinerja::to_yaml(kinerja::parse_plan(kinerja::to_yaml(v))) == kinerja::to_yaml(v));

    // the diff names the change
    const auto changes = kinerja::diff_plans(v.version("awal"), v);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].field == "convention");
    CHECK(changes[0].from == "indonesian");
    CHECK(changes[0].to == "english");
    CHECK(changes[0].id == "ind-1");
}

TEST_CASE("convention: the CSV column is an indicator attribute", "[convention][csv]") {
    const std::string header = "node_id,level,name,indicator_id,indicator,unit,convention,year,target,source\n";
    const kinerja::plan p =
        kinerja::parse_plan_csv(header +
                                    "s-1,sasaran,S,ind-1,Rasio kekerasan,Rasio,english,2024,23.00,T\n"
                                    "s-1,,,ind-1,,,,2025,18.221,T\n",
                                "t.csv");
    const auto& ind = only_indicator(p);
    REQUIRE(ind.convention == convention::english);
    CHECK(kinerja::read_value(ind, ind.targets.at(2025).front(), kinerja::default_scales()).number == 18.221);
    CHECK(findings(p, "unparsed-value").empty());

    auto csv_error = [&](const std::string& rows) {
        auto e = thrown<file_error>([&] { (void)kinerja::parse_plan_csv(header + rows, "t.csv"); });
        REQUIRE(e);
        return *e;
    };
    const file_error unknown = csv_error("s-1,sasaran,S,ind-1,I,Rasio,british,2024,1,T\n");
    CHECK(unknown.id() == "kinerja.csv.schema");
    CHECK(unknown.line() == 2);
    CHECK(unknown.column() == 29);  // "s-1,sasaran,S,ind-1,I,Rasio," is 28 characters
    CHECK_THAT(unknown.reason(), Contains("convention must be indonesian or english; got \"british\""));
    const file_error differ =
        csv_error("s-1,sasaran,S,ind-1,I,Rasio,english,2024,1,T\ns-1,,,ind-1,,,Indonesian,2025,2,T\n");
    CHECK(differ.line() == 3);
    CHECK_THAT(differ.reason(), Contains("differs from \"english\" on line 2"));
    // the same convention written differently is the same
    CHECK_NOTHROW(kinerja::parse_plan_csv(
        header + "s-1,sasaran,S,ind-1,I,Rasio,english,2024,1,T\ns-1,,,ind-1,,,EN,2025,2,T\n", "t.csv"));
    const file_error on_node = csv_error("s-1,sasaran,S,,,,english,2024,,T\n");
    CHECK_THAT(on_node.reason(), Contains("convention belongs to an indicator"));
}

TEST_CASE("convention: the bundled plan declares it for the IKU rasio kekerasan", "[convention][plan]") {
    const kinerja::plan p = kinerja::bundled_plan();
    const kinerja::indicator* ind = nullptr;
    for (const auto& n : p.nodes)
        for (const auto& i : n.indicators)
            if (i.id == "ind-iku-ktp") ind = &i;
    REQUIRE(ind != nullptr);
    CHECK(ind->convention == convention::english);
    const auto scales = kinerja::plan_scales(p);
    // Tabel 7.3 prints 18.221 (2025) and 18.220 (2026): rates per 100,000, not thousands
    CHECK(kinerja::read_value(*ind, ind->targets.at(2025).front(), scales).number == 18.221);
    CHECK(kinerja::read_value(*ind, ind->targets.at(2026).front(), scales).number == 18.22);
    for (const auto& f : kinerja::check_plan(p))
        CHECK_FALSE((f.rule == "unparsed-value" && f.indicator == "ind-iku-ktp"));
}
