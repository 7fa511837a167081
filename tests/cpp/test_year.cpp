// SPDX-License-Identifier: Apache-2.0
// period_year (include/kinerja/year.hpp): a year column is a calendar year or the end column; it
// orders the end column last, prints "2024" or "end" (to_string, <<, fmt, JSON), hashes, and
// gives its calendar year only through value(), which throws for the end column. The year maps
// of a loaded plan are keyed by it, and an int still finds a year (`targets.at(2024)`).
// `int y = end_of_period;` not compiling is tests/compile_fail/year_to_int.cpp.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <kinerja/fmt.hpp>
#include <kinerja/json.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/plan_values.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <vector>

using kinerja::end_of_period;
using kinerja::period_year;

namespace {

std::string fixture(const std::string& name) {
    std::string here = __FILE__;
    return here.substr(0, here.rfind("/cpp/")) + "/data/plans/" + name;
}

}  // namespace

TEST_CASE("period_year: a calendar year or the end column, never an int by itself", "[year]") {
    static_assert(std::is_convertible_v<int, period_year>, "an int is a calendar year");
    static_assert(!std::is_convertible_v<period_year, int>, "no way back to an int but value()");
    static_assert(!std::is_convertible_v<period_year, long>);
    static_assert(!std::is_convertible_v<period_year, double>);
    static_assert(!std::is_convertible_v<period_year, bool>);
    static_assert(end_of_period.is_end());
    static_assert(period_year(2024).value() == 2024);

    const period_year y = 2024;
    CHECK_FALSE(y.is_end());
    CHECK(y.value() == 2024);
    CHECK(end_of_period == period_year::end());
    // 9999 is a calendar year like any other now, not the end column it once stood for
    CHECK(period_year(9999) != end_of_period);
    CHECK_FALSE(period_year(9999).is_end());

    const auto e = kinerja_test::thrown<kinerja::argument_error>([] { (void)end_of_period.value(); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.argument.end_of_period");
    CHECK_THAT(std::string(e->what()), Catch::Contains("has no calendar year"));
}

TEST_CASE("period_year orders calendar years in order and the end column after every one", "[year]") {
    CHECK(period_year(2024) < period_year(2025));
    CHECK(period_year(2025) > period_year(2024));
    CHECK(period_year(9999) < end_of_period);
    CHECK(period_year(-5) < end_of_period);
    CHECK_FALSE(end_of_period < end_of_period);
    CHECK(end_of_period <= end_of_period);
    CHECK(end_of_period >= period_year(1000));
    CHECK_FALSE(end_of_period < period_year(2030));
    CHECK(period_year(2030) <= end_of_period);

    std::vector<period_year> ys = {end_of_period, 2026, 2024, 9999, 2025};
    std::sort(ys.begin(), ys.end());
    const std::vector<period_year> sorted = {2024, 2025, 2026, 9999, end_of_period};
    CHECK(ys == sorted);

    // a std::map keyed by years iterates in that order; an int finds its year
    std::map<period_year, std::string> m{{end_of_period, "e"}, {2025, "b"}, {2024, "a"}};
    std::string order;
    for (const auto& kv : m) order += kv.second;
    CHECK(order == "abe");
    CHECK(m.at(2024) == "a");
    CHECK(m.count(end_of_period) == 1);
    CHECK(m.count(2026) == 0);
}

TEST_CASE("period_year prints 2024 or end through to_string, operator<< and fmt", "[year]") {
    CHECK(to_string(period_year(2024)) == "2024");
    CHECK(to_string(end_of_period) == "end");
    std::ostringstream out;
    out << period_year(2026) << " " << end_of_period;
    CHECK(out.str() == "2026 end");
    CHECK(fmt::format("{}|{:>5}|{:<4}|", period_year(2025), end_of_period, period_year(2024)) == "2025|  end|2024|");
}

TEST_CASE("period_year hashes equal years alike and tells the end column from every year", "[year]") {
    const std::hash<period_year> h;
    CHECK(h(period_year(2024)) == h(period_year(2024)));
    CHECK(h(end_of_period) == h(period_year::end()));
    std::unordered_set<period_year> s{2024, 2025, end_of_period, 2024};
    CHECK(s.size() == 3);
    CHECK(s.count(end_of_period) == 1);
    CHECK(s.count(9999) == 0);
}

TEST_CASE("period_year in JSON is an integer or \"end\", as the findings' and changes' years", "[year][json]") {
    using nlohmann::json;
    CHECK(json(period_year(2024)) == json(2024));
    CHECK(json(end_of_period) == json("end"));
    CHECK(json(2025).get<period_year>() == period_year(2025));
    CHECK(json("end").get<period_year>() == end_of_period);
    // a std::map of years goes through as an array of pairs, and comes back equal
    const std::map<period_year, int> m{{2024, 1}, {end_of_period, 2}};
    CHECK(json(m).dump() == R"([[2024,1],["end",2]])");
    CHECK(json(m).get<std::map<period_year, int>>() == m);
    for (const json& bad : {json("akhir"), json(nullptr), json(2024.5), json::array()}) {
        INFO(bad.dump());
        const auto e = kinerja_test::thrown<kinerja::argument_error>([&] { (void)bad.get<period_year>(); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.argument.json_year");
    }
    // a finding's year: the same form, null for none
    kinerja::finding f;
    f.rule = "budget-end";
    f.year = end_of_period;
    CHECK(json(f).at("year") == json("end"));
    f.year = 2026;
    CHECK(json(f).at("year") == json(2026));
    CHECK(json(f).get<kinerja::finding>().year == period_year(2026));
    f.year.reset();
    CHECK(json(f).at("year").is_null());
}

TEST_CASE("A loaded plan's year maps are keyed by period_year, the end column last", "[year][plan]") {
    // tests/data/plans/valid-small.yaml, node s-1:
    // budget: {2024: "900,000,000", 2025: "1.000.000.000", 2026: "1.100.000.000", end: "1.100.000.000"}
    const kinerja::plan p = kinerja::load_plan(fixture("valid-small.yaml"));
    const kinerja::node& s1 = kinerja::require_node(p, "s-1");
    std::vector<std::string> keys;
    for (const auto& kv : s1.budget) keys.push_back(to_string(kv.first));
    CHECK(keys == std::vector<std::string>{"2024", "2025", "2026", "end"});
    CHECK(s1.budget.at(2025).front().text == "1.000.000.000");
    CHECK(kinerja::indicator::first(s1.budget, end_of_period)->text == "1.100.000.000");
    const std::set<period_year> years = kinerja::node_pagu_years(s1);
    CHECK(years == std::set<period_year>{2024, 2025, 2026, end_of_period});
    // the canonical YAML writes the end column as end, never as a number
    const std::string yaml = kinerja::to_yaml(p);
    CHECK(yaml.find("9999") == std::string::npos);
    CHECK(yaml.find("end: \"1.100.000.000\"") != std::string::npos);
}

TEST_CASE("Quarterly realizations belong to a calendar year: an end key is an error at its place", "[year][plan]") {
    const std::string text =
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
        "nodes:\n"
        "  - id: a\n"
        "    level: program\n"
        "    name: N\n"
        "    source: T\n"
        "    indicators:\n"
        "      - id: i\n"
        "        name: I\n"
        "        aggregation: sum\n"
        "        quarterly_realizations:\n"
        "          end: {q1: \"1\"}\n";
    const auto e = kinerja_test::thrown<kinerja::file_error>([&] { (void)kinerja::parse_plan(text, "q.yaml"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.schema");
    CHECK(e->line() == 13);
    CHECK(e->column() == 11);
    CHECK_THAT(std::string(e->what()), Catch::Contains("not to the end column"));
}
