// SPDX-License-Identifier: Apache-2.0
// Tests of the registry of checks (check.hpp): the built-in rules listed once, rule sets added
// after them, and kinerja::check, the one entry point that runs, merges and orders findings.
// The plan and rules below are written inline; each expected finding is worked out by hand in
// the comment above it.
#include <catch2/catch.hpp>

#include <kinerja/check.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/validation.hpp>

#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::check_options;
using kinerja::check_registry;
using kinerja::finding;
using kinerja::plan;
using kinerja::rule_set;
using kinerja::severity;
namespace rule_ids = kinerja::rule_ids;

namespace {

// Line numbers are those of the text (line 1 is "kinerja_plan: 1").
const char* const plan_text = R"(kinerja_plan: 1
plan: {id: t, title: T, organisation: O, region: R, period: [2024, 2025], version: v1}
nodes:
  - id: s-1
    level: sasaran
    name: S
    source: T
    budget: {2024: "300"}
    indicators:
      - {id: i-1, name: I, unit: Persen, polarity: higher, targets: {2024: "90%", 2025: "80%"}, source: T}
  - id: p-1
    level: program
    code: "1.01"
    name: P
    source: T
    parent: s-1
    budget: {2024: "200"}
  - id: k-1
    level: kegiatan
    code: "2.02.01"
    name: K
    source: T
    parent: p-1
    budget: {2024: "200"}
)";

const char* const rules_text = R"(kinerja_rules: 1
rules:
  - id: target-at-least-85
    scope: indicator
    left: target
    op: ">="
    right: "85"
    severity: info
    message: "{indicator}: target {left} below {right} in {year}"
  - id: sasaran-pagu-at-most-250
    scope: sasaran
    left: pagu
    op: "<="
    right: "250"
    severity: warning
    message: "{node}: pagu {left} above {right} in {year}"
  - id: program-pagu-at-least-250
    scope: program
    left: pagu
    op: ">="
    right: "250"
    severity: error
    message: "{node}: pagu {left} below {right} in {year}"
)";

const plan& small_plan() {
    static const plan p = kinerja::parse_plan(plan_text, "small.yaml");
    return p;
}

rule_set small_rules() { return kinerja::parse_rules(rules_text, "ours.yaml"); }

// rule, node id, indicator id, line, column
using key = std::tuple<std::string, std::string, std::string, int, int>;

std::vector<key> keys(const std::vector<finding>& found) {
    std::vector<key> out;
    for (const finding& f : found) out.emplace_back(f.rule, f.node_id, f.indicator, f.location.line, f.location.column);
    return out;
}

std::string message_of(const std::function<void()>& call) {
    try {
        call();
    } catch (const kinerja::argument_error& e) {
        CHECK(e.id() == "kinerja.argument.rule");
        return e.what();
    }
    FAIL("no argument_error");
    return "";
}

}  // namespace

TEST_CASE("The registry lists every built-in rule once, with its severity, before any rule set's", "[registry]") {
    const check_registry registry;
    std::vector<std::tuple<std::string, severity, std::string>> listed;
    for (const kinerja::rule_info& r : registry.rules()) listed.emplace_back(r.id, r.severity, r.origin);
    // the table of check.hpp, in the order check_plan runs its passes
    const std::vector<std::tuple<std::string, severity, std::string>> expected = {
        {"budget-rollup", severity::error, "built-in"},
        {"budget-missing", severity::warning, "built-in"},
        {"budget-end", severity::error, "built-in"},
        {"budget-incomplete", severity::warning, "built-in"},
        {"budget-indicator-rows", severity::error, "built-in"},
        {"reported-achievement", severity::error, "built-in"},
        {"reported-absorption", severity::warning, "built-in"},
        {"code-hierarchy", severity::error, "built-in"},
        {"duplicate-code", severity::error, "built-in"},
        {"orphan", severity::warning, "built-in"},
        {"unit-change", severity::warning, "built-in"},
        {"target-direction", severity::warning, "built-in"},
        {"unparsed-value", severity::warning, "built-in"},
        {"grade-score", severity::warning, "built-in"},
        {"catalog-reference", severity::error, "built-in"},
        {"negative-amount", severity::error, "built-in"},
        {"rounding-rule", severity::info, "built-in"},
        {"scale-jump", severity::warning, "built-in"},
        {"achievement-without-realization", severity::warning, "built-in"},
        {"share-above-100", severity::error, "built-in"},
        {"budget-target", severity::warning, "built-in"},
        {"unknown-unit", severity::info, "built-in"},
        {"placeholder", severity::info, "built-in"},
        {"spreadsheet-error", severity::error, "built-in"},
        {"target-end", severity::warning, "built-in"},
        {"ratio-mismatch", severity::error, "built-in"},
        {"source-conflict", severity::warning, "built-in"},
        {"method-mix", severity::warning, "built-in"},
        {"growth-range", severity::warning, "built-in"},
        {"total-mismatch", severity::warning, "built-in"},
        {"index-formula", severity::warning, "built-in"},
        {"duplicate-row", severity::warning, "built-in"},
        {"strategy-level", severity::error, "built-in"},
        {"programme-without-policy", severity::warning, "built-in"},
        {"sasaran-without-strategy", severity::warning, "built-in"},
        {"strategy-without-programme", severity::warning, "built-in"},
        {"policy-without-programme", severity::warning, "built-in"},
        {"strategy-unlinked", severity::warning, "built-in"},
        {"annual-target-mismatch", severity::warning, "built-in"},
        {"evidence-missing", severity::warning, "built-in"},
        {"verified-value-changed", severity::error, "built-in"},
        {"verification-transition", severity::error, "built-in"},
        {"verification-time", severity::error, "built-in"},
    };
    CHECK(listed == expected);
    CHECK(registry.rules().size() == kinerja::check_rules().size());
    for (const kinerja::rule_info& r : registry.rules()) CHECK_FALSE(r.description.empty());
    REQUIRE(registry.find(rule_ids::orphan) != nullptr);
    CHECK(registry.find(rule_ids::orphan)->id == "orphan");
    CHECK(registry.find("no-such-rule") == nullptr);

    const check_registry with_file({small_rules()});
    REQUIRE(with_file.rules().size() ==
            43 + 3);  // 43 built-in rules (32, the strategy layer's 6, the annual cycle's 5)
    // the file's rules follow, in the file's order, with the file as origin and their place in it
    const kinerja::rule_info& first = with_file.rules()[43];
    CHECK(first.id == "target-at-least-85");
    CHECK(first.severity == severity::info);
    CHECK(first.origin == "ours.yaml");
    CHECK(first.location.line == 3);
    CHECK(with_file.rules()[44].id == "sasaran-pagu-at-most-250");
    CHECK(with_file.rules()[45].id == "program-pagu-at-least-250");
    CHECK(with_file.rules()[45].severity == severity::error);
}

TEST_CASE("check runs built-in and file rules together, ordered by place in the plan file", "[registry]") {
    check_options o;
    o.rule_sets = {small_rules()};
    const std::vector<finding> all = kinerja::check(small_plan(), o);
    // s-1 prints pagu 300 (line 8, the quote at column 20) but its one programme p-1 prints 200:
    //   budget-rollup (built-in), and 300 > 250: sasaran-pagu-at-most-250, at the same cell;
    // i-1's targets fall from 90% (2024) to 80% (2025, line 10, column 89) though higher is better:
    //   target-direction (built-in), and 80 < 85: target-at-least-85 at the same cell (90 >= 85 holds);
    //   (s-1 has no pagu in 2025 but has pagu in 2024: no budget-target, which asks for pagu in some year)
    // p-1 prints 200 (line 17, column 20) < 250: program-pagu-at-least-250; k-1's 200 equals p-1's;
    // k-1's code 2.02.01 (line 20, column 11) does not extend p-1's 1.01: code-hierarchy (built-in).
    // At one place the built-in finding comes first (registry order).
    const std::vector<key> expected = {
        {"budget-rollup", "s-1", "", 8, 20},
        {"sasaran-pagu-at-most-250", "s-1", "", 8, 20},
        {"target-direction", "s-1", "i-1", 10, 89},
        {"target-at-least-85", "s-1", "i-1", 10, 89},
        {"program-pagu-at-least-250", "p-1", "", 17, 20},
        {"code-hierarchy", "k-1", "", 20, 11},
    };
    CHECK(keys(all) == expected);
    REQUIRE(all.size() == 6);
    CHECK(all[1].severity == severity::warning);
    CHECK(all[1].actual_number == std::optional<double>(300.0));
    CHECK(all[1].expected_number == std::optional<double>(250.0));
    CHECK(all[3].severity == severity::info);
    CHECK(all[3].year == std::optional<int>(2025));
    CHECK(all[4].severity == severity::error);

    // the union of the built-in findings and the rule set's, nothing more or less
    std::vector<key> built_in = keys(kinerja::check_plan(small_plan()));
    std::vector<key> from_file = keys(kinerja::apply_rules(small_plan(), small_rules()));
    CHECK(built_in == std::vector<key>{expected[0], expected[2], expected[5]});
    CHECK(from_file == std::vector<key>{expected[1], expected[3], expected[4]});
    // check_plan is kinerja::check without rule sets, and ignores them when given
    CHECK(keys(kinerja::check(small_plan())) == built_in);
    CHECK(keys(kinerja::check_plan(small_plan(), o)) == built_in);
}

TEST_CASE("check_options.rules picks rules of either kind, and an unknown id names the known ones", "[registry]") {
    check_options o;
    o.rule_sets = {small_rules()};
    o.rules = {"code-hierarchy", "target-at-least-85"};
    CHECK(keys(kinerja::check(small_plan(), o)) ==
          std::vector<key>{{"target-at-least-85", "s-1", "i-1", 10, 89}, {"code-hierarchy", "k-1", "", 20, 11}});
    o.rules = {"program-pagu-at-least-250"};  // no built-in rule runs
    CHECK(keys(kinerja::check(small_plan(), o)) == std::vector<key>{{"program-pagu-at-least-250", "p-1", "", 17, 20}});

    o.rules = {"program-pagu-at-least-25"};
    const std::string what = message_of([&] { (void)kinerja::check(small_plan(), o); });
    CHECK_THAT(what, Contains("unknown check rule \"program-pagu-at-least-25\""));
    CHECK_THAT(what, Contains("budget-rollup, budget-missing"));                                    // the built-in ones
    CHECK_THAT(what, Contains("verification-time, target-at-least-85, sasaran-pagu-at-most-250"));  // then the file's
}

TEST_CASE("A rule id in two rule sets is an argument_error naming both", "[registry]") {
    const rule_set ours = small_rules();
    const rule_set theirs = kinerja::parse_rules(R"(kinerja_rules: 1
rules:
  - id: other
    scope: program
    left: pagu
    op: ">"
    right: "0"
    severity: info
    message: "m"
  - id: sasaran-pagu-at-most-250
    scope: sasaran
    left: pagu
    op: "<"
    right: "1000"
    severity: info
    message: "m"
)",
                                                 "theirs.yaml");
    // ours.yaml has it at line 10, theirs.yaml at line 10; each rule's mapping starts at column 5
    const std::string what = message_of([&] { check_registry({ours, theirs}); });
    CHECK_THAT(what, Contains("\"sasaran-pagu-at-most-250\" (ours.yaml:10:5) and \"sasaran-pagu-at-most-250\" "
                              "(theirs.yaml:10:5)"));
    check_options o;
    o.rule_sets = {ours, theirs};
    CHECK_THAT(message_of([&] { (void)kinerja::check(small_plan(), o); }), Contains("is in both rule sets"));

    // a built-in id cannot come in through a rule set either: rule_set::add refuses it already
    kinerja::validation_rule r;
    r.id = std::string(rule_ids::budget_rollup);
    r.levels = {kinerja::node_level::program};
    r.left = "pagu";
    r.right = "0";
    r.message = "m";
    rule_set mine;
    CHECK_THAT(message_of([&] { mine.add(r); }), Contains("built-in"));
}

TEST_CASE("check.hpp lists every built-in rule on a line of its own, with the registry's severity", "[registry]") {
    std::string path = __FILE__;  // .../tests/cpp/test_registry.cpp
    for (int i = 0; i < 3; ++i) path = path.substr(0, path.find_last_of("/\\"));
    std::ifstream in(path + "/include/kinerja/check.hpp");
    REQUIRE(in);
    std::vector<std::string> listed;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("///  - ", 0) == 0) listed.push_back(line.substr(7, line.find(':') - 7));
    std::vector<std::string> registry;
    for (const kinerja::rule_info& r : kinerja::check_rules())
        registry.push_back(r.id + " (" + std::string(kinerja::to_string(r.severity)) + ")");
    CHECK(listed == registry);
}
