// SPDX-License-Identifier: Apache-2.0
// JSON through nlohmann/json (include/kinerja/json.hpp): the JSON of a finding and of a value
// written out by hand, and round trips (from_json(to_json(x)) equal to x) for every type, over
// the findings, changes, roll-ups and plans of the bundled plan and the fixtures.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <kinerja/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using kinerja::end_of_period;
using nlohmann::json;

namespace {

std::string fixture(const std::string& name) {
    std::string here = __FILE__;
    return here.substr(0, here.rfind("/cpp/")) + "/data/plans/" + name;
}

void same_finding(const kinerja::finding& a, const kinerja::finding& b) {
    CHECK(a.rule == b.rule);
    CHECK(a.severity == b.severity);
    CHECK(a.node == b.node);
    CHECK(a.node_id == b.node_id);
    CHECK(a.node_code == b.node_code);
    CHECK(a.node_name == b.node_name);
    CHECK(a.indicator == b.indicator);
    CHECK(a.indicator_name == b.indicator_name);
    CHECK(a.year == b.year);
    CHECK(a.expected == b.expected);
    CHECK(a.actual == b.actual);
    CHECK(a.expected_number == b.expected_number);
    CHECK(a.actual_number == b.actual_number);
    CHECK(a.message == b.message);
    CHECK(a.location.file == b.location.file);
    CHECK(a.location.line == b.location.line);
    CHECK(a.location.column == b.location.column);
    CHECK(a.source == b.source);
}

void same_value(const kinerja::value& a, const kinerja::value& b) {
    CHECK(a == b);
    CHECK(a.number == b.number);
    CHECK(a.exact.has_value() == b.exact.has_value());
    if (a.exact && b.exact) CHECK(a.exact->to_string() == b.exact->to_string());
    CHECK(a.decimals == b.decimals);
    CHECK(a.unrounded == b.unrounded);
    CHECK(a.text == b.text);
    CHECK(a.written_in == b.written_in);
}

kinerja::finding budget_finding() {
    kinerja::finding f;
    f.rule = "budget-rollup";
    f.severity = kinerja::severity::error;
    f.node = "2.08.01";
    f.node_id = "p-2.08.01";
    f.year = 2025;
    f.expected = "Rp 1.500";
    f.actual = "Rp 1.400";
    f.expected_number = 1500.0;
    f.actual_number = 1400.0;
    f.message = "pagu differs from the sum of its children";
    f.location = kinerja::location{"plan.yaml", 12, 7};
    f.source = "Tabel 6.1";
    return f;
}

}  // namespace

TEST_CASE("A finding's JSON is that of kinerja check --format json", "[json]") {
    const json expected = json::parse(R"({
        "rule": "budget-rollup", "severity": "error", "node": "2.08.01", "node_id": "p-2.08.01",
        "node_code": "", "node_name": "", "indicator": null, "indicator_name": null, "year": 2025, "expected": 1500.0, "actual": 1400.0,
        "expected_text": "Rp 1.500", "actual_text": "Rp 1.400",
        "message": "pagu differs from the sum of its children", "location": "plan.yaml:12:7",
        "source": "Tabel 6.1"})");
    const json j = budget_finding();
    CHECK(j == expected);
    same_finding(j.get<kinerja::finding>(), budget_finding());

    SECTION("an indicator's finding in the end column, with texts and no numbers") {
        kinerja::finding f;
        f.rule = "unit-change";
        f.severity = kinerja::severity::warning;
        f.node = "s-1";
        f.node_id = "s-1";
        f.indicator = "i-3";
        f.indicator_name = "Nilai KLA";
        f.year = end_of_period;
        f.expected = "Nindya";
        f.actual = "";
        f.message = "m";
        const json fj = f;
        CHECK(fj == json::parse(R"({"rule": "unit-change", "severity": "warning", "node": "s-1", "node_id": "s-1",
            "node_code": "", "node_name": "", "indicator": "i-3", "indicator_name": "Nilai KLA", "year": "end", "expected": "Nindya", "actual": null,
            "expected_text": "Nindya", "actual_text": "", "message": "m", "location": "<input>", "source": ""})"));
        same_finding(fj.get<kinerja::finding>(), f);
    }
    SECTION("a year that is neither an integer nor \"end\" is an error naming it") {
        json bad = j;
        bad["year"] = "2025";
        const auto e = kinerja_test::thrown<kinerja::argument_error>([&] { (void)bad.get<kinerja::finding>(); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.argument.json_year");
        CHECK_THAT(e->what(), Catch::Matchers::Contains("\"2025\""));
    }
    SECTION("an unknown severity is a lookup error") {
        json bad = j;
        bad["severity"] = "fatal";
        const auto e = kinerja_test::thrown<kinerja::lookup_error>([&] { (void)bad.get<kinerja::finding>(); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.lookup.severity");
        CHECK(e->name() == "fatal");
    }
    SECTION("a missing key is nlohmann's out_of_range") {
        json bad = j;
        bad.erase("source");
        CHECK_THROWS_AS(bad.get<kinerja::finding>(), json::out_of_range);
    }
}

TEST_CASE("Locations read back from their text, file names with colons included", "[json]") {
    for (const kinerja::location& l : {kinerja::location{"plan.yaml", 12, 7}, kinerja::location{"C:/a:b.yaml", 3, 0},
                                       kinerja::location{"", 0, 0}, kinerja::location{"t.csv", 0, 0}}) {
        kinerja::finding f;
        f.location = l;
        const auto back = json(f).get<kinerja::finding>();
        CAPTURE(l.to_string());
        CHECK(back.location.file == l.file);
        CHECK(back.location.line == l.line);
        CHECK(back.location.column == l.column);
    }
}

TEST_CASE("The bundled plan's findings round-trip through JSON", "[json]") {
    const auto findings = kinerja::check_plan(kinerja::bundled_plan());
    REQUIRE(findings.size() > 10);
    const json j = findings;
    REQUIRE(j.is_array());
    const auto back = j.get<std::vector<kinerja::finding>>();
    REQUIRE(back.size() == findings.size());
    for (std::size_t i = 0; i < findings.size(); ++i) same_finding(back[i], findings[i]);
}

TEST_CASE("A value's JSON has every field, the exact number as text", "[json]") {
    kinerja::value v;
    v.kind = kinerja::value_kind::percent;
    v.number = 77.9;
    v.exact = kinerja::decimal(7790, 2);
    v.decimals = 2;
    v.unit = "%";
    v.text = "77,90%";
    v.written_in = kinerja::convention::indonesian;
    const json expected = json::parse(R"({"kind": "percent", "number": 77.9, "exact": "77.90", "decimals": 2,
        "unrounded": false, "unit": "%", "per": null, "grade": "", "level": "", "scale": "", "text": "77,90%",
        "convention": "indonesian"})");
    const json j = v;
    CHECK(j == expected);
    same_value(j.get<kinerja::value>(), v);

    SECTION("a missing value") {
        const json m = kinerja::missing_value();
        CHECK(m == json::parse(R"({"kind": "missing", "number": null, "exact": null, "decimals": 0,
            "unrounded": false, "unit": "", "per": null, "grade": "", "level": "", "scale": "", "text": "",
            "convention": null})"));
        same_value(m.get<kinerja::value>(), kinerja::missing_value());
    }
    SECTION("an exact that is not a plain decimal is an error") {
        json bad = j;
        bad["exact"] = "77,90";
        const auto e = kinerja_test::thrown<kinerja::argument_error>([&] { (void)bad.get<kinerja::value>(); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.argument.json_exact");
    }
}

TEST_CASE("Values of every kind round-trip through JSON, money beyond 2^53 exactly", "[json]") {
    const std::vector<kinerja::value> values{
        kinerja::parse_value("77,90%"),
        kinerja::parse_value("Rp 9.007.199.254.740.993"),
        kinerja::parse_value("1 : 4.000"),
        kinerja::parse_value("BB (75,10)"),
        kinerja::parse_value("Nindya", "KLA"),
        kinerja::parse_value("44 OPD"),
        kinerja::parse_value("-"),
        kinerja::make_value(0.1),
        kinerja::make_value(12.5, "%", 1),
    };
    for (const auto& v : values) {
        CAPTURE(v.text);
        same_value(json::parse(json(v).dump()).get<kinerja::value>(), v);
    }
    // the exact amount survives where a double would not
    const auto back = json(values[1]).get<kinerja::value>();
    REQUIRE(back.exact);
    CHECK(back.exact->to_string() == "9007199254740993");
}

TEST_CASE("Changes, roll-up entries and results round-trip through JSON", "[json]") {
    const kinerja::plan p = kinerja::bundled_plan();
    SECTION("changes between the bundled plan's versions") {
        const auto changes = kinerja::diff_plans(p.version("awal"), p);
        REQUIRE(!changes.empty());
        const auto back = json::parse(json(changes).dump()).get<std::vector<kinerja::change>>();
        REQUIRE(back.size() == changes.size());
        for (std::size_t i = 0; i < changes.size(); ++i) {
            CHECK(back[i].kind == changes[i].kind);
            CHECK(back[i].subject == changes[i].subject);
            CHECK(back[i].id == changes[i].id);
            CHECK(back[i].node == changes[i].node);
            CHECK(back[i].name == changes[i].name);
            CHECK(back[i].node_id == changes[i].node_id);
            CHECK(back[i].node_code == changes[i].node_code);
            CHECK(back[i].node_name == changes[i].node_name);
            CHECK(back[i].field == changes[i].field);
            CHECK(back[i].year == changes[i].year);
            CHECK(back[i].from == changes[i].from);
            CHECK(back[i].to == changes[i].to);
        }
    }
    SECTION("a change's JSON by hand") {
        kinerja::change c;
        c.kind = kinerja::change_kind::changed;
        c.subject = "indicator";
        c.id = "i-1";
        c.node = "1.01";
        c.name = "Cakupan";
        c.node_id = "p-1";
        c.node_code = "1.01";
        c.node_name = "Program Satu";
        c.field = "target";
        c.year = end_of_period;
        c.from = "80";
        c.to = "85";
        const json expected = json::parse(R"({"kind": "changed", "subject": "indicator", "id": "i-1", "node": "1.01",
            "name": "Cakupan", "node_id": "p-1", "node_code": "1.01", "node_name": "Program Satu", "field": "target",
            "year": "end", "old": "80", "new": "85"})");
        CHECK(json(c) == expected);
        const auto back = expected.get<kinerja::change>();
        CHECK(back.node_id == "p-1");
        CHECK(back.node_code == "1.01");
        CHECK(back.node_name == "Program Satu");
    }
    SECTION("roll-up entries of every method") {
        for (auto m : {kinerja::rollup_method::mean, kinerja::rollup_method::budget_weighted,
                       kinerja::rollup_method::ratio_of_sums}) {
            const auto es = kinerja::rollup_plan(kinerja::load_plan(fixture("rollup.yaml")),
                                                 kinerja::rollup_options{}.with_method(m));
            REQUIRE(!es.empty());
            const auto back = json::parse(json(es).dump()).get<std::vector<kinerja::rollup_entry>>();
            REQUIRE(back.size() == es.size());
            for (std::size_t i = 0; i < es.size(); ++i) {
                CHECK(back[i].node_id == es[i].node_id);
                CHECK(back[i].node == es[i].node);
                CHECK(back[i].name == es[i].name);
                CHECK(back[i].level == es[i].level);
                CHECK(back[i].year == es[i].year);
                CHECK(back[i].own == es[i].own);
                CHECK(back[i].rolled == es[i].rolled);
                CHECK(back[i].indicators == es[i].indicators);
                CHECK(back[i].skipped == es[i].skipped);
                CHECK(back[i].children == es[i].children);
                CHECK(back[i].method == es[i].method);
                CHECK(back[i].basis == es[i].basis);
            }
        }
    }
    SECTION("an achievement result") {
        const auto r = kinerja::achievement(kinerja::parse_value("1 : 4.000"), kinerja::parse_value("1 : 5.000"),
                                            kinerja::achievement_options{}.with_polarity(kinerja::polarity::lower));
        const auto back = json::parse(json(r).dump()).get<kinerja::achievement_result>();
        CHECK(back.percent == r.percent);
        CHECK(back.attainment == r.attainment);
        CHECK(back.polarity == r.polarity);
        CHECK(back.method == r.method);
        CHECK(back.basis == r.basis);
        CHECK(back.target == r.target);
        CHECK(back.realization == r.realization);
    }
    SECTION("an audit result with its matches") {
        const auto r = kinerja::audit_achievement(kinerja::parse_value("80"), kinerja::parse_value("60"),
                                                  kinerja::parse_reported_achievement("75%"));
        REQUIRE(!r.matches.empty());
        const auto back = json::parse(json(r).dump()).get<kinerja::audit_result>();
        CHECK(back.consistent == r.consistent);
        CHECK(back.expected == r.expected);
        CHECK(back.reported == r.reported);
        CHECK(back.scale == r.scale);
        CHECK(back.methods == r.methods);
        CHECK(back.basis == r.basis);
        CHECK(back.explanation == r.explanation);
        REQUIRE(back.matches.size() == r.matches.size());
        for (std::size_t i = 0; i < r.matches.size(); ++i) CHECK(back.matches[i].describe() == r.matches[i].describe());
    }
}

TEST_CASE("A plan's JSON is the structure of its YAML file and loads back to an equal plan", "[json]") {
    SECTION("by hand: the keys, numbers and strings of a small plan") {
        const kinerja::plan p = kinerja::load_plan(fixture("valid-small.yaml"));
        const json j = p;
        CHECK(j.at("kinerja_plan") == json(1));
        CHECK(j.at("plan").at("id") == json("uji-dinas-renstra-2024-2026"));
        CHECK(j.at("plan").at("period") == json::parse("[2024, 2026]"));
        CHECK(j.at("nodes").is_array());
    }
    for (const std::string name : {"valid-small.yaml", "clean.yaml", "rollup.yaml", "values.yaml", "bundled"}) {
        CAPTURE(name);
        const kinerja::plan p = name == "bundled" ? kinerja::bundled_plan() : kinerja::load_plan(fixture(name));
        // nlohmann::ordered_json keeps the order of every mapping: the plan comes back exactly
        const nlohmann::ordered_json j = p;
        const kinerja::plan back = nlohmann::ordered_json::parse(j.dump()).get<kinerja::plan>();
        CHECK(back == p);
        CHECK(kinerja::to_yaml(back) == kinerja::to_yaml(p));
        CHECK(nlohmann::ordered_json(back) == j);
        // nlohmann::json sorts keys by name: scales and sources come back in name order
        kinerja::plan sorted = p;
        std::sort(sorted.scales.begin(), sorted.scales.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
        std::sort(sorted.sources.begin(), sorted.sources.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        const kinerja::plan via_json = json::parse(json(p).dump()).get<kinerja::plan>();
        CHECK(via_json == sorted);
    }
    SECTION("the bundled plan's scales are not in name order, so nlohmann::json reorders them") {
        const kinerja::plan p = kinerja::bundled_plan();
        CHECK(json(p).get<kinerja::plan>() != p);
        CHECK(nlohmann::ordered_json(p).get<kinerja::plan>() == p);
    }
    SECTION("a plan's JSON that does not follow the format is a file_error at <json>") {
        json j = kinerja::load_plan(fixture("valid-small.yaml"));
        j["nodes"][0].erase("id");
        const auto e = kinerja_test::thrown<kinerja::file_error>([&] { (void)j.get<kinerja::plan>(); });
        REQUIRE(e);
        CHECK(e->file() == "<json>");
        CHECK(e->id() == "kinerja.plan.schema");
    }
}
