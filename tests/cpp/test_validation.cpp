// SPDX-License-Identifier: Apache-2.0
// Tests of validation.hpp: rule files (tests/data/rules/), the shipped data/rules/standard.yaml,
// hand-computed findings on the small fixture plan tests/data/rules/plan-small.yaml (its values
// are tabulated at its top) and on the bundled Bekasi plan, and malformed rule files with their
// line and column.
#include <catch2/catch.hpp>

#include <kinerja/error.hpp>
#include <kinerja/formula.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/validation.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::WithinAbs;
using kinerja::apply_rules;
using kinerja::end_of_period;
using kinerja::finding;
using kinerja::plan;
using kinerja::rule_op;
using kinerja::rule_set;
using kinerja::severity;
using kinerja::validation_options;
using kinerja::validation_rule;

namespace {

std::string source_dir() {
    std::string here = __FILE__;  // .../tests/cpp/test_validation.cpp
    for (int i = 0; i < 3; ++i) here = here.substr(0, here.find_last_of("/\\"));
    return here;
}
std::string rules_fixture(const std::string& name) { return source_dir() + "/tests/data/rules/" + name; }
std::string standard_rules() { return source_dir() + "/data/rules/standard.yaml"; }

const plan& small() {
    static const plan p = kinerja::load_plan(rules_fixture("plan-small.yaml"));
    return p;
}

std::vector<finding> of_rule(const std::vector<finding>& all, const std::string& rule) {
    std::vector<finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const finding& f) { return f.rule == rule; });
    return out;
}

// The one finding of a rule on a node (and indicator) in a year.
finding one(const std::vector<finding>& all, const std::string& rule, const std::string& node_id,
            std::optional<kinerja::period_year> year, const std::string& indicator = "") {
    std::vector<finding> found;
    for (const finding& f : all)
        if (f.rule == rule && f.node_id == node_id && f.year == year && f.indicator == indicator) found.push_back(f);
    INFO(rule << " " << node_id << " " << (year ? to_string(*year) : "-") << " " << indicator);
    REQUIRE(found.size() == 1);
    return found.front();
}

void expect_numbers(const finding& f, double actual, double expected) {
    REQUIRE(f.actual_number);
    REQUIRE(f.expected_number);
    CHECK_THAT(*f.actual_number, WithinAbs(actual, 1e-6));
    CHECK_THAT(*f.expected_number, WithinAbs(expected, 1e-6));
}

// A rule set of one rule, from YAML lines below the header.
rule_set one_rule(const std::string& body) {
    return kinerja::parse_rules("kinerja_rules: 1\nrules:\n" + body, "inline.yaml");
}

}  // namespace

// ------------------------------------------------------------------------------------ basics

TEST_CASE("rule operators read and compare", "[validation]") {
    CHECK(kinerja::rule_op_from_string("<=") == rule_op::le);
    CHECK(kinerja::rule_op_from_string("==") == rule_op::eq);
    CHECK(kinerja::rule_op_from_string("<>") == rule_op::ne);
    CHECK(kinerja::rule_op_from_string("GE") == rule_op::ge);
    CHECK(kinerja::to_string(rule_op::ne) == "!=");
    CHECK_THROWS_AS(kinerja::rule_op_from_string("=<"), kinerja::lookup_error);
    // 0.1 + 0.2 is 0.30000000000000004 in binary: equal within 1e-9
    CHECK(kinerja::compare(0.1 + 0.2, rule_op::eq, 0.3));
    CHECK_FALSE(kinerja::compare(0.1 + 0.2, rule_op::gt, 0.3));
    // amounts: the tolerance at 9,158,876,144 is 1e-12 x 9.16e9 = 0.009 Rupiah, so 1 Rupiah counts
    CHECK_FALSE(kinerja::compare(9158876144.0, rule_op::eq, 9158876145.0));
    CHECK(kinerja::compare(9158876144.0, rule_op::lt, 9158876145.0));
    CHECK(kinerja::compare(5, rule_op::lt, 6));
    CHECK_FALSE(kinerja::compare(6, rule_op::lt, 6));
    CHECK(kinerja::compare(6, rule_op::le, 6));
}

TEST_CASE("the quantities of each scope are listed", "[validation]") {
    std::vector<std::string> names;
    for (const auto& q : kinerja::node_quantities()) names.push_back(q.name);
    CHECK(names == std::vector<std::string>{"pagu", "realized", "parent_pagu", "program_pagu", "kegiatan_pagu",
                                            "children_pagu", "children"});
    names.clear();
    for (const auto& q : kinerja::indicator_quantities()) names.push_back(q.name);
    CHECK(names == std::vector<std::string>{"target", "realization", "baseline", "reported_achievement", "achievement",
                                            "node_pagu", "target_percent", "realization_percent"});
}

TEST_CASE("a rule file loads with every field", "[validation]") {
    const rule_set rules = kinerja::load_rules(standard_rules());
    REQUIRE(rules.size() == 5);
    CHECK(rules.files() == std::vector<std::string>{standard_rules()});
    const validation_rule* r = rules.find("realized-within-pagu");
    REQUIRE(r);
    CHECK(r->scope == kinerja::rule_scope::node);
    CHECK(r->levels == std::vector<kinerja::node_level>{kinerja::node_level::program, kinerja::node_level::kegiatan,
                                                        kinerja::node_level::sub_kegiatan});
    CHECK(r->left == "realized");
    CHECK(r->op == rule_op::le);
    CHECK(r->right == "pagu");
    CHECK(r->severity == severity::error);
    CHECK(r->location.line > 0);
    const validation_rule* pct = rules.find("percent-target-at-most-100");
    REQUIRE(pct);
    CHECK(pct->scope == kinerja::rule_scope::indicator);
    CHECK(pct->severity == severity::warning);
    CHECK(rules.find("no-such-rule") == nullptr);
    CHECK_THAT(kinerja::standard_rules_path(), EndsWith("rules/standard.yaml"));
    std::ifstream probe(kinerja::standard_rules_path());
    CHECK(probe.good());
}

// ------------------------------------------------------------------------------------ shipped rules

TEST_CASE("the shipped rules on the small plan: each rule's hand-computed findings", "[validation]") {
    const rule_set rules = kinerja::load_rules(standard_rules());
    const auto all = apply_rules(small(), rules);
    // 7 findings in all; see plan-small.yaml's table.
    CHECK(all.size() == 7);

    // (1) sub-activity pagu <= programme pagu: sk-1 2025 1,100,000,000 > p-1 1,000,000,000 (the only one:
    // sk-1 2024 400M <= 1000M, 2026 300M <= 900M; sk-2 2024 200M; sk-2 2025 unreadable and 2026 "-" do not apply)
    REQUIRE(of_rule(all, "sub-kegiatan-pagu-within-program").size() == 1);
    const finding sub = one(all, "sub-kegiatan-pagu-within-program", "sk-1", 2025);
    CHECK(sub.severity == severity::error);
    CHECK(sub.node == "2.08.03.2.01.0001");
    CHECK(sub.actual == "1,100,000,000");
    CHECK(sub.expected == "1,000,000,000");
    expect_numbers(sub, 1'100'000'000.0, 1'000'000'000.0);
    CHECK(sub.message ==
          "sub-activity 2.08.03.2.01.0001: pagu 1,100,000,000 in 2025 exceeds its programme's pagu 1,000,000,000");
    CHECK(sub.source == "Tabel 6.1");
    CHECK_THAT(sub.location.file, EndsWith("plan-small.yaml"));
    CHECK(sub.location.line == 66);  // sk-1's budget line; 2025's value starts at column 41
    CHECK(sub.location.column == 41);

    // activity pagu <= programme pagu: k-1 2025 1,200,000,000 > 1,000,000,000 (k-2: 300M, blank, 400M <= 900M;
    // history h-k 500M = h-p 500M holds)
    REQUIRE(of_rule(all, "kegiatan-pagu-within-program").size() == 1);
    expect_numbers(one(all, "kegiatan-pagu-within-program", "k-1", 2025), 1'200'000'000.0, 1'000'000'000.0);

    // (3) realized <= pagu: k-1 2024 650,000,000 > 600,000,000; history h-p 2022 550,000,000 > 500,000,000.
    // p-1 950M <= 1000M, sk-1 400M = 400M, h-k 500M = 500M hold; sk-2 "-" does not apply.
    REQUIRE(of_rule(all, "realized-within-pagu").size() == 2);
    const finding k1 = one(all, "realized-within-pagu", "k-1", 2024);
    expect_numbers(k1, 650'000'000.0, 600'000'000.0);
    CHECK(k1.location.line == 53);  // budget_realized of k-1: the left formula's value
    const finding hp = one(all, "realized-within-pagu", "h-p", 2022);
    expect_numbers(hp, 550'000'000.0, 500'000'000.0);
    CHECK(hp.node == "h-p");  // no code: the id
    CHECK(hp.source == "Tabel 2.11");

    // (2) percentage target <= 100: ind-p1 (unit Persen) 2025 105% and ind-k1 (no unit, printed 120%) 2025.
    // ind-k1's 2026 target "12" is a plain number, not a percent: the rule does not apply.
    REQUIRE(of_rule(all, "percent-target-at-most-100").size() == 2);
    const finding p1 = one(all, "percent-target-at-most-100", "p-1", 2025, "ind-p1");
    CHECK(p1.severity == severity::warning);
    CHECK(p1.indicator_name == "Persentase kasus yang ditangani");
    expect_numbers(p1, 105.0, 100.0);
    CHECK(p1.message ==
          "indicator \"Persentase kasus yang ditangani\" (2.08.03): the target of 105% in 2025 exceeds 100%");
    CHECK(p1.source == "Tabel 7.4");
    expect_numbers(one(all, "percent-target-at-most-100", "k-1", 2025, "ind-k1"), 120.0, 100.0);

    // target >= 0: ind-sk1 2025 "-1 Dokumen"
    REQUIRE(of_rule(all, "target-not-negative").size() == 1);
    expect_numbers(one(all, "target-not-negative", "sk-1", 2025, "ind-sk1"), -1.0, 0.0);

    // ordered by position in the plan file
    CHECK(std::is_sorted(all.begin(), all.end(),
                         [](const finding& a, const finding& b) { return a.location.line < b.location.line; }));
}

TEST_CASE("options: without the history, and only some rules", "[validation]") {
    const rule_set rules = kinerja::load_rules(standard_rules());
    validation_options o;
    o.include_history = false;
    const auto current = apply_rules(small(), rules, o);
    CHECK(current.size() == 6);  // the 7 less h-p 2022
    CHECK(of_rule(current, "realized-within-pagu").size() == 1);

    validation_options only;
    only.rules = {"target-not-negative", "kegiatan-pagu-within-program"};
    CHECK(apply_rules(small(), rules, only).size() == 2);

    validation_options unknown;
    unknown.rules = {"budget-rollup"};  // a built-in check, not in this rule set
    CHECK_THROWS_AS(apply_rules(small(), rules, unknown), kinerja::argument_error);
}

TEST_CASE("the shipped rules on the bundled plan", "[validation]") {
    const plan bekasi = kinerja::bundled_plan();
    const auto all = apply_rules(bekasi, kinerja::load_rules(standard_rules()));
    // Worked by hand from data/plans/bekasi-dpppa-2024-2026.yaml (Tabel 6.1 and Tabel 2.11):
    //
    // activity <= programme: activity 2.08.02.2.03 prints 4.862.220.800 for 2025 while its programme
    // 2.08.02 prints 3.830,000,000 (read as 3,830,000,000): 4,862,220,800 - 3,830,000,000 =
    // 1,032,220,800 over. Every other activity is within its programme, e.g. 2.08.01.2.05 2025
    // "85.000.000,00" = 85,000,000 <= 7,032,576,000, and 2.08.02.2.02 2025 487,000,000 <= 3,830,000,000.
    //
    // sub-activity <= programme: none. The largest against its programme is 2.08.01.2.02.0001 in 2026:
    // "6.741.576.000,00" = 6,741,576,000 <= 7,032,576,000; 2.08.02.2.03.0007 2025 3,385,000,000 <= 3,830,000,000.
    //
    // realized <= pagu (Tabel 2.11, 2018-2022): none. The highest absorptions are exactly 100%, e.g.
    // activity 10 (h11-k10) 2019: realized 139,644,000 = pagu 139,644,000 (printed ratio 1.00): <= holds.
    //
    // percentage target <= 100: none. The percentage targets of Tabel 6.1 are at most 100% (programme
    // and activity outcome targets "100%", 2.08.02's 77.90% / 53.395% / 53.396%, 2.08.06's 73-76%,
    // the ARG share 77.9-78 with unit %); the history's TPAK 49% and the KLA clusters 69-76%.
    //
    // target >= 0: no negative target is printed.
    REQUIRE(all.size() == 1);
    const finding& f = all.front();
    CHECK(f.rule == "kegiatan-pagu-within-program");
    CHECK(f.severity == severity::error);
    CHECK(f.node == "2.08.02.2.03");
    CHECK(f.node_id == "k-2.08.02.2.03");
    CHECK(f.year == 2025);
    CHECK(f.actual == "4,862,220,800");
    CHECK(f.expected == "3,830,000,000");
    expect_numbers(f, 4'862'220'800.0, 3'830'000'000.0);
    CHECK(f.source == "Tabel 6.1");
    CHECK_THAT(f.location.file, EndsWith("bekasi-dpppa-2024-2026.yaml"));
    REQUIRE(bekasi.find_node("k-2.08.02.2.03"));
    CHECK(f.location.line ==
          kinerja::indicator::first(bekasi.find_node("k-2.08.02.2.03")->budget, 2025)->location.line);
    CHECK(f.message == "activity 2.08.02.2.03: pagu 4,862,220,800 in 2025 exceeds its programme's pagu 3,830,000,000");

    // The same rule with < instead of <= also flags the Tabel 2.11 rows realized at exactly 100%.
    const rule_set strict = one_rule(R"(  - id: realized-below-pagu
    scope: [program, kegiatan, sub_kegiatan]
    left: realized
    op: "<"
    right: pagu
    severity: info
    message: "{node} {year}: realized {left} is not below pagu {right}"
)");
    const auto at_100 = apply_rules(bekasi, strict);
    const auto k10 =
        std::find_if(at_100.begin(), at_100.end(), [](const finding& x) { return x.node_id == "h11-k10"; });
    REQUIRE(k10 != at_100.end());
    CHECK(k10->year == 2019);
    expect_numbers(*k10, 139'644'000.0, 139'644'000.0);
}

// ------------------------------------------------------------------------------------ every quantity

TEST_CASE("one rule per quantity on the small plan", "[validation]") {
    const rule_set rules = kinerja::load_rules(rules_fixture("quantities.yaml"));
    const auto all = apply_rules(small(), rules);
    // The arithmetic is in quantities.yaml's comments (M = 1,000,000 Rupiah).
    CHECK(all.size() == 20);

    SECTION("parent_pagu, with years") {
        REQUIRE(of_rule(all, "q-parent-half").size() == 1);
        const finding f = one(all, "q-parent-half", "sk-1", 2024);
        expect_numbers(f, 400'000'000.0, 300'000'000.0);  // 0.5 x 600M
        CHECK(f.severity == severity::warning);
        CHECK(f.message == "q-parent-half: 2.08.03.2.01.0001 2024 400,000,000 <= 300,000,000");
    }
    SECTION("kegiatan_pagu, years as one value, op as a word") {
        REQUIRE(of_rule(all, "q-kegiatan-pagu").size() == 1);
        expect_numbers(one(all, "q-kegiatan-pagu", "sk-1", 2024), 800'000'000.0, 600'000'000.0);
    }
    SECTION("children_pagu: blank and '-' children are left out, an unreadable one spoils the sum") {
        REQUIRE(of_rule(all, "q-children-sum").size() == 3);
        expect_numbers(one(all, "q-children-sum", "p-1", 2024), 900'000'000.0, 1'000'000'000.0);
        expect_numbers(one(all, "q-children-sum", "p-1", 2025), 1'200'000'000.0, 1'000'000'000.0);
        expect_numbers(one(all, "q-children-sum", "k-1", 2026), 300'000'000.0, 500'000'000.0);
        // no printed value on the left: the location is the right formula's, p-1's 2024 pagu
        CHECK(one(all, "q-children-sum", "p-1", 2024).location.line == 34);
    }
    SECTION("children: a year-less count") {
        const auto kids = of_rule(all, "q-children");
        REQUIRE(kids.size() == 5);
        for (const finding& f : kids) CHECK_FALSE(f.year);
        expect_numbers(one(all, "q-children", "h-p", std::nullopt), 1.0, 2.0);
        CHECK(one(all, "q-children", "sk-2", std::nullopt).message == "2.08.03.2.01.0002 has 0 children");
        validation_options o;
        o.include_history = false;
        o.rules = {"q-children"};
        CHECK(apply_rules(small(), rules, o).size() == 3);
    }
    SECTION("when") {
        REQUIRE(of_rule(all, "q-when").size() == 1);
        expect_numbers(one(all, "q-when", "k-1", 2024), 650'000'000.0, 600'000'000.0);
    }
    SECTION("a missing quantity handled by the formula itself") {
        REQUIRE(of_rule(all, "q-missing-explicit").size() == 1);
        const finding f = one(all, "q-missing-explicit", "k-2", 2024);
        expect_numbers(f, 0.0, 150'000'000.0);
        CHECK(f.actual == "0");
    }
    SECTION("unit filter: % is Persen; an indicator without a unit is not in scope") {
        REQUIRE(of_rule(all, "q-unit").size() == 2);
        expect_numbers(one(all, "q-unit", "p-1", 2025, "ind-p1"), 105.0, 100.0);
        const finding f = one(all, "q-unit", "p-1", 2026, "ind-p1");
        expect_numbers(f, 100.0, 100.0);  // 100 < 100 does not hold
        CHECK(f.message == "[Persentase kasus yang ditangani] 2026: 100");
    }
    SECTION("achievement with the plan's settings") {
        REQUIRE(of_rule(all, "q-achievement").size() == 1);
        // lower is better, inverse: 0.035 / 0.028 x 100 = 125
        expect_numbers(one(all, "q-achievement", "k-2", 2024, "ind-lower"), 125.0, 120.0);
    }
    SECTION("reported_achievement against achievement") {
        REQUIRE(of_rule(all, "q-reported").size() == 1);
        // ind-p1: 96 / 95 x 100 = 101.0526..., half up to 2 decimals 101.05 = printed 101.05%: holds
        const finding f = one(all, "q-reported", "k-2", 2024, "ind-lower");
        expect_numbers(f, 120.0, 125.0);
        CHECK(f.message == "Rasio kekerasan terhadap perempuan 2024: printed 120, computed 125");
        CHECK(f.location.line == 98);  // the printed achievement
    }
    SECTION("baseline: one row in the baseline year") {
        REQUIRE(of_rule(all, "q-baseline").size() == 1);
        const finding f = one(all, "q-baseline", "p-1", 2023, "ind-p1");
        expect_numbers(f, 90.0, 90.0);
        CHECK(f.location.line == 42);
    }
    SECTION("node_pagu") {
        REQUIRE(of_rule(all, "q-node-pagu").size() == 2);
        expect_numbers(one(all, "q-node-pagu", "k-1", 2025, "ind-k1"), 1'200'000'000.0, 1'000'000'000.0);
        expect_numbers(one(all, "q-node-pagu", "sk-1", 2025, "ind-sk1"), 1'100'000'000.0, 1'000'000'000.0);
    }
    SECTION("realization") {
        REQUIRE(of_rule(all, "q-realization").size() == 1);
        const finding f = one(all, "q-realization", "k-2", 2024, "ind-lower");
        expect_numbers(f, 0.028, 0.035);
        CHECK(f.actual == "0.028");
        CHECK(f.location.line == 97);  // the realization
    }
}

TEST_CASE("a missing or unreadable quantity makes a rule not apply, never a 0", "[validation]") {
    // pagu > 0 holds wherever the pagu is read; sk-2's 2025 "1.2OO.000" (unreadable), 2026 "-" and k-2's
    // blank 2025 would fail it if they were read as 0.
    const rule_set positive = one_rule(R"(  - id: pagu-positive
    scope: [kegiatan, sub_kegiatan]
    left: pagu
    op: ">"
    right: "0"
    severity: error
    message: "{node} {year}: pagu {left}"
)");
    CHECK(apply_rules(small(), positive).empty());
    // isNull() sees them: sk-2 2025 and 2026, k-2 2025 (3 rows)
    const rule_set missing = one_rule(R"(  - id: pagu-missing
    scope: [kegiatan, sub_kegiatan]
    left: isNull(pagu)
    op: "="
    right: "0"
    severity: warning
    message: "{node} has no readable pagu in {year}"
)");
    const auto found = apply_rules(small(), missing);
    REQUIRE(found.size() == 3);
    CHECK(found[0].node_id == "sk-2");
    CHECK(found[0].year == 2025);
    CHECK(found[1].node_id == "sk-2");
    CHECK(found[1].year == 2026);
    CHECK(found[2].node_id == "k-2");
    CHECK(found[2].message == "2.08.03.2.02 has no readable pagu in 2025");
    // a missing `when` also means the rule does not apply. pagu < 0 fails everywhere, but `when` is
    // true only where a realized budget is printed (2024: p-1 950M, k-1 650M, sk-1 400M); sk-2's "-"
    // and the years without one give a missing `when`: 3 findings.
    const rule_set when_missing = one_rule(R"(  - id: w
    scope: [program, kegiatan, sub_kegiatan]
    left: pagu
    op: "<"
    right: "0"
    when: realized > 0
    severity: info
    message: "{node}"
)");
    const auto where_realized = apply_rules(small(), when_missing, {false, {}});
    REQUIRE(where_realized.size() == 3);
    CHECK(where_realized[0].node_id == "p-1");
    CHECK(where_realized[1].node_id == "k-1");
    CHECK(where_realized[2].node_id == "sk-1");
    for (const finding& f : where_realized) CHECK(f.year == 2024);
}

TEST_CASE("the end column and the {year} placeholder", "[validation]") {
    const plan p = kinerja::parse_plan(R"(kinerja_plan: 1
plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: v}
nodes:
  - id: p
    level: program
    code: "1.01.01"
    name: P
    source: T
    budget: {2026: "100", end: "100"}
  - id: k
    level: kegiatan
    code: "1.01.01.2.01"
    name: K
    parent: p
    source: T
    budget: {2026: "150", end: "150"}
)",
                                       "end.yaml");
    const rule_set end_only = one_rule(R"(  - id: end-only
    scope: kegiatan
    left: pagu
    op: "<="
    right: program_pagu
    years: [end]
    severity: error
    message: "{node} in {year}: {left} > {right}"
)");
    const auto found = apply_rules(p, end_only);
    REQUIRE(found.size() == 1);  // 2026 is left out by years
    CHECK(found[0].year == end_of_period);
    CHECK(found[0].message == "1.01.01.2.01 in end: 150 > 100");
}

// ------------------------------------------------------------------------------------ building rules in code

TEST_CASE("rule_set::add checks and compiles a rule", "[validation]") {
    rule_set s;
    validation_rule r;
    r.id = "sub-half";
    r.levels = {kinerja::node_level::sub_kegiatan};
    r.left = "pagu";
    r.op = rule_op::le;
    r.right = "0.5 * program_pagu";
    r.severity = severity::info;
    r.message = "{node}: {left} > {right}";
    s.add(r);
    // sk-1: 400M <= 500M, 1100M > 500M, 300M <= 450M; sk-2: 200M <= 500M -> 1 finding
    const auto found = apply_rules(small(), s);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "2.08.03.2.01.0001: 1,100,000,000 > 500,000,000");

    SECTION("duplicate ids") {
        CHECK_THROWS_AS(s.add(r), kinerja::argument_error);
        rule_set other;
        other.add(r);
        CHECK_THROWS_AS(s.merge(other), kinerja::argument_error);
    }
    SECTION("an unknown quantity") {
        r.id = "bad";
        r.right = "programme_pagu";
        try {
            s.add(r);
            FAIL("no error");
        } catch (const kinerja::argument_error& e) {
            CHECK(e.id() == "kinerja.argument.rule_quantity");
            CHECK_THAT(e.what(), Contains("programme_pagu"));
        }
    }
    SECTION("a formula that does not compile keeps its position") {
        r.id = "bad";
        r.left = "pagu +";
        try {
            s.add(r);
            FAIL("no error");
        } catch (const kinerja::formula_error& e) {
            CHECK(e.position() == 6);
        }
    }
    SECTION("indicator quantities are not node quantities, units limit indicator rules") {
        r.id = "bad";
        r.left = "target";
        CHECK_THROWS_AS(s.add(r), kinerja::argument_error);
        r.left = "pagu";
        r.unit = "Persen";
        CHECK_THROWS_AS(s.add(r), kinerja::argument_error);
        r.scope = kinerja::rule_scope::indicator;
        r.levels.clear();
        r.left = "target";
        r.right = "100";
        r.unit = "Persenn";
        CHECK_THROWS_AS(s.add(r), kinerja::lookup_error);
    }
    SECTION("ids, messages") {
        r.id = "budget-rollup";  // a built-in check's
        CHECK_THROWS_AS(s.add(r), kinerja::argument_error);
        r.id = "has space";
        CHECK_THROWS_AS(s.add(r), kinerja::argument_error);
        r.id = "ok";
        r.message = "{nodes}";
        CHECK_THROWS_AS(s.add(r), kinerja::argument_error);
        r.message = "a {literal brace} {node}";  // not a name: kept as written
        CHECK_NOTHROW(s.add(r));
    }
}

// ------------------------------------------------------------------------------------ malformed files

TEST_CASE("malformed rule files give the file, line and column", "[validation]") {
    struct expect {
        const char* file;
        const char* id;
        int line;
        int column;
        const char* says;
    };
    // Columns worked by hand from the files in tests/data/rules/malformed/ (1-based):
    const expect cases[] = {
        // "    treshold: 5": the key at column 5
        {"unknown-key.yaml", "kinerja.rules.schema", 9, 5, "unknown key \"treshold\""},
        // "    op: \"=<\"": the value at column 9
        {"bad-op.yaml", "kinerja.rules.schema", 6, 9, "unknown op \"=<\""},
        // "    op: >": a folded text, empty
        {"bare-gt.yaml", "kinerja.rules.schema", 6, 9, "quote it"},
        {"bad-scope.yaml", "kinerja.rules.schema", 4, 12, "unknown scope \"programme\""},
        {"bad-severity.yaml", "kinerja.rules.schema", 8, 15, "unknown severity \"fatal\""},
        // "    right: 2 * programme_pagu": the value starts at column 12, the name 4 further: 16
        {"unknown-quantity.yaml", "kinerja.rules.formula", 7, 16, "unknown quantity \"programme_pagu\""},
        // "    left: \"pagu + * 2\"": the quote at 11, the text at 12, '*' 7 further: 19
        {"formula-syntax.yaml", "kinerja.rules.formula", 5, 19, "expected an operand"},
        // a block scalar: "        programme_pagu" on line 7; the block is indented 6, the name 2 more: column 9
        {"block-formula.yaml", "kinerja.rules.formula", 7, 9, "unknown quantity \"programme_pagu\""},
        // "    left: target" in a program rule: column 11
        {"scope-quantity.yaml", "kinerja.rules.formula", 5, 11, "unknown quantity \"target\""},
        {"period-function.yaml", "kinerja.rules.formula", 5, 11, "previous()"},
        // "    message: \"{node} in {yaer}\"": the text at 15, "{yaer}" 10 further: 25
        {"unknown-placeholder.yaml", "kinerja.rules.schema", 9, 25, "unknown placeholder {yaer}"},
        {"missing-message.yaml", "kinerja.rules.schema", 3, 5, "needs message"},
        {"duplicate-id.yaml", "kinerja.rules.schema", 10, 9, "used twice (first at line 3)"},
        {"builtin-id.yaml", "kinerja.rules.schema", 3, 9, "built-in check"},
        {"unit-on-node.yaml", "kinerja.rules.schema", 5, 11, "unit limits indicator rules"},
        {"unknown-unit.yaml", "kinerja.rules.schema", 5, 11, "unknown unit word \"Persenn\""},
        {"bad-year.yaml", "kinerja.rules.schema", 9, 19, "got \"20x5\""},
        {"wrong-version.yaml", "kinerja.rules.schema", 1, 16, "rule format 1"},
        {"not-rules.yaml", "kinerja.rules.schema", 1, 1, "unknown top-level key \"kinerja_plan\""},
        // "   severity: error" indented 3 instead of 4
        {"not-yaml.yaml", "kinerja.rules.yaml", 8, 4, "not valid YAML"},
    };
    for (const expect& c : cases) {
        INFO(c.file);
        const std::string path = rules_fixture(std::string("malformed/") + c.file);
        try {
            (void)kinerja::load_rules(path);
            FAIL("no error");
        } catch (const kinerja::file_error& e) {
            CHECK(e.id() == c.id);
            CHECK(e.file() == path);
            CHECK(e.line() == c.line);
            CHECK(e.column() == c.column);
            CHECK_THAT(e.reason(), Contains(c.says));
            CHECK_THAT(e.what(), Contains(path + ":" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": "));
        }
    }
    try {
        (void)kinerja::load_rules(rules_fixture("no-such-file.yaml"));
        FAIL("no error");
    } catch (const kinerja::file_error& e) {
        CHECK(e.id() == "kinerja.rules.io");
    }
}
