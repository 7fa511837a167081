// SPDX-License-Identifier: Apache-2.0
// A negative pagu or realized budget: absorption of it is undefined (not the 180 % that
// -9,000,000 / -5,000,000 x 100 gives), and check_plan's negative-amount rule reports every
// negative amount printed for a node, on an indicator's row, or in a total row.
#include <catch2/catch.hpp>

#include <kinerja/achievement.hpp>
#include <kinerja/check.hpp>
#include <kinerja/error.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::node;
using kinerja::node_level;
using kinerja::plan;
using kinerja::printed_value;

namespace {

printed_value printed(const std::string& text, int line) { return printed_value{text, "", "", {"neg.yaml", line, 9}}; }

std::string undefined_id(double budget, double realized) {
    try {
        (void)kinerja::absorption(budget, realized);
    } catch (const kinerja::undefined_error& e) {
        return e.id();
    }
    return "no error";
}

}  // namespace

TEST_CASE("Absorption of a negative budget or realization is undefined", "[achievement][absorption][negative]") {
    CHECK(undefined_id(-5000000.0, -9000000.0) == "kinerja.undefined.negative_amount");  // not 180 %
    CHECK(undefined_id(-5000000.0, 1000000.0) == "kinerja.undefined.negative_amount");
    CHECK(undefined_id(10000000.0, -1000000.0) == "kinerja.undefined.negative_amount");  // not -10 %
    try {
        (void)kinerja::absorption(-5000000.0, -9000000.0);
    } catch (const kinerja::undefined_error& e) {
        CHECK_THAT(e.what(), Contains("-5,000,000"));
        CHECK_THAT(e.what(), Contains("negative"));
    }
    CHECK_THROWS_AS(kinerja::absorption(std::optional<double>{-5000000.0}, std::optional<double>{-9000000.0}),
                    kinerja::undefined_error);
    // still defined: 0 of a budget is 0 %
    CHECK(kinerja::absorption(10000000.0, 0.0) == 0.0);

    const double budget[] = {-5000000.0, 10000000.0, 10000000.0};
    const double realized[] = {-9000000.0, -1000000.0, 8997000.0};
    double out[3] = {};
    kinerja::absorption(budget, realized, out, 3);
    CHECK(std::isnan(out[0]));
    CHECK(std::isnan(out[1]));
    CHECK(out[2] == Approx(89.97));  // 8,997,000 / 10,000,000 x 100
}

TEST_CASE("check_plan reports every negative pagu and realized budget as negative-amount", "[check][negative]") {
    plan p;
    p.info.id = "neg";
    p.info.version = "main";
    p.info.period_from = 2024;
    p.info.period_to = 2025;
    node s;
    s.id = "s";
    s.level = node_level::sasaran;
    s.name = "objective";
    s.location = {"neg.yaml", 1, 3};
    kinerja::indicator si;
    si.id = "s-ind";
    si.name = "objective indicator";
    si.budget[2025] = {printed("-3,000,000", 2)};  // a pagu printed on the indicator's row
    s.indicators.push_back(si);
    node prog;
    prog.id = "p";
    prog.level = node_level::program;
    prog.name = "programme";
    prog.parent = "s";
    prog.location = {"neg.yaml", 3, 3};
    prog.budget[2024] = {printed("-5,000,000", 4)};
    prog.budget_realized[2024] = {printed("-9,000,000", 5)};
    prog.reported_absorption[2024] = {printed("180%", 6)};  // what -9,000,000 / -5,000,000 gives
    prog.budget[2025] = {printed("5,000,000", 7)};
    p.nodes = {s, prog};
    kinerja::total t;
    t.id = "jumlah";
    t.name = "JUMLAH";
    t.over = {"p"};
    t.budget[2024] = {printed("-5,000,000", 8)};
    t.location = {"neg.yaml", 8, 3};
    p.totals = {t};

    kinerja::check_options o;
    o.rules = {"negative-amount", "reported-absorption"};
    const auto found = kinerja::check_plan(p, o);
    REQUIRE(found.size() == 4);
    for (const auto& f : found) {
        CHECK(f.rule == "negative-amount");
        CHECK(f.severity == kinerja::severity::error);
        CHECK(f.actual_number.value() < 0.0);
    }
    CHECK(found[0].node_id == "s");
    CHECK(found[0].indicator == "s-ind");
    CHECK(found[0].year == 2025);
    CHECK(found[0].actual == "-3,000,000");
    CHECK(found[0].location.line == 2);
    CHECK(found[1].node_id == "p");
    CHECK(found[1].year == 2024);
    CHECK(found[1].actual_number.value() == -5000000.0);
    CHECK_THAT(found[1].message, Contains("pagu in 2024 is -5,000,000"));
    CHECK(found[2].node_id == "p");
    CHECK(found[2].actual == "-9,000,000");
    CHECK_THAT(found[2].message, Contains("realized budget"));
    CHECK(found[3].node_id == "jumlah");
    CHECK(found[3].location.line == 8);

    const auto& rules = kinerja::check_rules();
    const auto rule = std::find_if(rules.begin(), rules.end(), [](const auto& r) { return r.id == "negative-amount"; });
    REQUIRE(rule != rules.end());
    CHECK(rule->severity == kinerja::severity::error);
}
