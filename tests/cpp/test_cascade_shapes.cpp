// SPDX-License-Identifier: Apache-2.0
// What runs on a plan (roll-up, checks, validation rules, diff) on cascades built by hand that no
// plan file gives: a node that is its own parent, a cycle of parent links, and a chain of
// 100,000 levels. A cycle is a kinerja.plan.reference error naming it, or a result that does not
// depend on it; a deep chain gives the right result; neither ever overflows the stack.
//
// The deep chain: a programme at the top (pagu 500 in 2024), 99,998 activities (kegiatan) each
// the parent of the next, and a sub-activity at the bottom; every node below the programme has
// pagu 1,000. Only the sub-activity has an indicator: target 100%, realized 80%, higher is
// better, so its achievement is 80 / 100 x 100 = 80, and every node above it, having one child,
// rolls up to 80 by the mean, by pagu weights (1,000 / 1,000) and by the mean again for the
// ratio of sums (no counts to pool).
#include <catch2/catch.hpp>

#include <kinerja/check.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/error.hpp>
#include <kinerja/rollup.hpp>
#include <kinerja/validation.hpp>

#include <algorithm>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::node;
using kinerja::node_level;
using kinerja::plan;

namespace {

node make_node(const std::string& id, node_level level, const std::string& parent, int line) {
    node n;
    n.id = id;
    n.level = level;
    n.name = "node " + id;
    n.parent = parent;
    n.source = "hand";
    n.location = {"hand.yaml", line, 3};
    return n;
}

void set_pagu(node& n, const std::string& text) { n.budget[2024] = {kinerja::printed_value{text, "", "", {}}}; }

plan small_plan() {
    plan p;
    p.info.id = "hand";
    p.info.version = "main";
    p.info.period_from = 2024;
    p.info.period_to = 2024;
    return p;
}

constexpr int depth = 100000;

// The chain of the file comment: ids c0 (programme) .. c99999 (sub-activity).
plan deep_chain() {
    plan p = small_plan();
    p.nodes.reserve(depth);
    for (int k = 0; k < depth; ++k) {
        const node_level level = k == 0           ? node_level::program
                                 : k == depth - 1 ? node_level::sub_kegiatan
                                                  : node_level::kegiatan;
        node n = make_node("c" + std::to_string(k), level, k == 0 ? "" : "c" + std::to_string(k - 1), k + 1);
        set_pagu(n, k == 0 ? "500" : "1000");
        p.nodes.push_back(std::move(n));
    }
    kinerja::indicator ind;
    ind.id = "leaf-ind";
    ind.name = "leaf indicator";
    ind.polarity = kinerja::polarity::higher;
    ind.targets[2024] = {kinerja::printed_value{"100%", "", "", {}}};
    ind.realizations[2024] = {kinerja::printed_value{"80%", "", "", {}}};
    p.nodes.back().indicators.push_back(ind);
    return p;
}

const plan& chain() {
    static const plan p = deep_chain();
    return p;
}

void require_cycle_error(const plan& p, const std::string& chain_text) {
    for (auto method : {kinerja::rollup_method::mean, kinerja::rollup_method::budget_weighted,
                        kinerja::rollup_method::ratio_of_sums}) {
        kinerja::rollup_options o;
        o.method = method;
        try {
            (void)kinerja::rollup_plan(p, o);
            FAIL("no error for a cycle of parent links");
        } catch (const kinerja::file_error& e) {
            CHECK(e.id() == "kinerja.plan.reference");
            CHECK_THAT(e.what(), Contains(chain_text));
            CHECK_THAT(e.what(), Contains("hand.yaml:"));
        }
    }
}

}  // namespace

TEST_CASE("A node that is its own parent: roll-up is a reference error naming it, the rest finishes",
          "[plan][rollup][robustness]") {
    plan p = small_plan();
    p.nodes.push_back(make_node("a", node_level::program, "a", 7));
    set_pagu(p.nodes.back(), "100");
    require_cycle_error(p, "node \"a\" is its own ancestor: the parent links form a cycle (a -> a,");

    // a node's children are the nodes naming it as parent: here itself, whose pagu is its own
    // sum; a plan of programmes alone prints no level above them, so no programme is an orphan
    // (check.cpp, orphans)
    const auto found = kinerja::check_plan(p);
    CHECK(found.empty());
    kinerja::rule_set rules;
    kinerja::validation_rule r;
    r.id = "within-programme";
    r.levels = {node_level::program};
    r.left = "pagu";
    r.op = kinerja::rule_op::le;
    r.right = "program_pagu";  // its nearest programme above: itself, 100 <= 100
    r.message = "{left} > {right}";
    rules.add(r);
    CHECK(kinerja::apply_rules(p, rules).empty());
    CHECK(kinerja::diff_plans(p, p).empty());
}

TEST_CASE("A cycle of parent links below the roots is a reference error naming the cycle",
          "[plan][rollup][robustness]") {
    plan p = small_plan();
    p.nodes.push_back(make_node("root", node_level::sasaran, "", 1));
    p.nodes.push_back(make_node("x", node_level::program, "root", 2));
    p.nodes.push_back(make_node("a", node_level::kegiatan, "c", 3));  // a's parent c, c's b, b's a
    p.nodes.push_back(make_node("b", node_level::kegiatan, "a", 4));
    p.nodes.push_back(make_node("c", node_level::kegiatan, "b", 5));
    require_cycle_error(p, "node \"a\" is its own ancestor: the parent links form a cycle (a -> c -> b -> a,");
    CHECK_NOTHROW(kinerja::check_plan(p));
}

TEST_CASE("A chain of a hundred thousand levels rolls up without recursion", "[plan][rollup][robustness]") {
    for (auto method : {kinerja::rollup_method::mean, kinerja::rollup_method::budget_weighted,
                        kinerja::rollup_method::ratio_of_sums}) {
        kinerja::rollup_options o;
        o.method = method;
        const auto es = kinerja::rollup_plan(chain(), o);
        REQUIRE(es.size() == static_cast<std::size_t>(depth));
        CAPTURE(std::string(kinerja::to_string(method)));
        CHECK(es.front().node_id == "c0");
        CHECK(es.front().rolled.value() == Approx(80.0));
        CHECK(es.front().children == 1);
        CHECK_FALSE(es.front().own.has_value());
        CHECK(es[depth / 2].rolled.value() == Approx(80.0));
        CHECK(es.back().node_id == "c99999");
        CHECK(es.back().own.value() == Approx(80.0));
        CHECK(es.back().children == 0);
    }
}

TEST_CASE("A chain of a hundred thousand levels is checked, validated and compared", "[plan][check][robustness]") {
    const plan& p = chain();
    // only the programme's pagu (500) differs from the sum of its one child's (1,000); the plan
    // prints no level above programmes, so its programme is no orphan (check.cpp, orphans)
    const auto found = kinerja::check_plan(p);
    REQUIRE(found.size() == 1);
    std::vector<std::string> rules_found{found[0].rule + " " + found[0].node_id};
    CHECK(rules_found == std::vector<std::string>{"budget-rollup c0"});
    for (const auto& f : found)
        if (f.rule == "budget-rollup") CHECK(f.expected_number.value() == Approx(1000.0));

    // every activity and the sub-activity (1,000) exceed the programme at the top (500): the
    // nearest programme above each of the 99,999 is found
    kinerja::rule_set rules;
    kinerja::validation_rule r;
    r.id = "within-programme";
    r.levels = {node_level::kegiatan, node_level::sub_kegiatan};
    r.left = "pagu";
    r.op = kinerja::rule_op::le;
    r.right = "program_pagu";
    r.message = "{left} > {right}";
    rules.add(r);
    const auto broken = kinerja::apply_rules(p, rules);
    REQUIRE(broken.size() == static_cast<std::size_t>(depth - 1));
    CHECK(broken.back().node_id == "c99999");
    CHECK(broken.back().expected_number.value() == Approx(500.0));
    CHECK(broken.back().actual_number.value() == Approx(1000.0));

    plan changed = p;
    set_pagu(changed.nodes[depth / 2], "1001");
    const auto changes = kinerja::diff_plans(p, changed);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].id == "c50000");
    CHECK(changes[0].from == "1000");
    CHECK(changes[0].to == "1001");
}

TEST_CASE("A roll-up message names the first ten children's amounts and counts the others", "[check][robustness]") {
    plan p = small_plan();
    p.nodes.push_back(make_node("root", node_level::sasaran, "", 1));
    p.nodes.push_back(make_node("prog", node_level::program, "root", 2));
    set_pagu(p.nodes.back(), "100");
    for (int k = 0; k < 12; ++k) {
        p.nodes.push_back(make_node("k" + std::to_string(k), node_level::kegiatan, "prog", 3 + k));
        set_pagu(p.nodes.back(), "10");
    }
    kinerja::check_options o;
    o.rules = {"budget-rollup"};
    const auto found = kinerja::check_plan(p, o);
    REQUIRE(found.size() == 1);  // 100 printed, 12 x 10 = 120 summed
    CHECK_THAT(found[0].message, Contains("(10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 2 more)"));
    CHECK(found[0].expected_number.value() == Approx(120.0));
}
