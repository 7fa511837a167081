// SPDX-License-Identifier: Apache-2.0
// Tests of load_limits (plan_io.hpp): every limit at its boundary (at the limit the input loads,
// one past it is a kinerja.limit.* error naming the limit, the value found and how to raise it),
// raised limits, and the inputs of issue 13 that ran away before (a period of a billion years,
// alias amplification, an endless file, deep nesting). Sizes and counts are worked out by hand in
// the comments.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <optional>
#include <string>

using Catch::Matchers::Contains;
using kinerja::file_error;
using kinerja::load_limits;

namespace {

using kinerja_test::thrown;

// Lines 1-3 of a plan; `period` goes into line 2.
std::string head(const std::string& period = "[2024, 2026]") {
    return "kinerja_plan: 1\n"
           "plan: {id: x, title: X, organisation: O, region: R, period: " +
           period +
           ", version: perubahan}\n"
           "nodes:\n";
}

std::string node_line(const std::string& id) { return "  - {id: " + id + ", level: program, name: N, source: T}\n"; }

std::optional<file_error> yaml_error(const std::string& text, const load_limits& limits = {}) {
    return thrown<file_error>([&] { (void)kinerja::parse_plan(text, "l.yaml", limits); });
}

void check_message(const file_error& e, const char* name) {
    const std::string field = std::string("max_") + name;
    CHECK(e.id() == std::string("kinerja.limit.") + name);
    CHECK_THAT(e.reason(), Contains("past the limit " + field));
    CHECK_THAT(e.reason(), Contains("load_limits::" + field));
    CHECK_THAT(e.reason(), Contains("--limit " + field + "=N"));
}

}  // namespace

TEST_CASE("The default limits lie beyond the bundled plan", "[limits]") {
    const load_limits d;
    CHECK(d.max_input_bytes == 268435456u);  // 256 MiB
    CHECK(d.max_period_years == 200u);
    CHECK(d.max_alias_expansion == 1000000u);
    CHECK(d.max_nodes == 1000000u);
    CHECK(d.max_nesting == 64u);
    CHECK_NOTHROW(kinerja::bundled_plan());
}

TEST_CASE("max_period_years: 200 years load, 201 do not", "[limits]") {
    // 2024..2223 is 200 years counting both ends
    CHECK_NOTHROW(kinerja::parse_plan(head("[2024, 2223]") + node_line("a"), "l.yaml"));
    const auto e = yaml_error(head("[2024, 2224]") + node_line("a"));
    REQUIRE(e);
    check_message(*e, "period_years");
    CHECK(e->line() == 2);
    CHECK(e->column() == 61);  // "plan: {id: x, title: X, organisation: O, region: R, period: " is 60 characters
    CHECK_THAT(e->reason(), Contains("plan.period [2024, 2224] has 201 years, past the limit max_period_years = 200"));
    load_limits raised;
    raised.max_period_years = 201;
    CHECK(kinerja::parse_plan(head("[2024, 2224]") + node_line("a"), "l.yaml", raised).info.period_to == 2224);
}

TEST_CASE("A period of a billion years is an error, not a runaway report", "[limits]") {
    // issue 13: period: [2024, 999999999] passed check, then report grew past 6 GB
    const auto e = yaml_error(head("[2024, 999999999]") + node_line("a"));
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.schema");
    CHECK_THAT(e->reason(), Contains("year 999999999 is out of range (1000 to 9998)"));
    // within the year range, the limit stops it
    const auto far = yaml_error(head("[1000, 9998]") + node_line("a"));
    REQUIRE(far);
    check_message(*far, "period_years");
    CHECK_THAT(far->reason(), Contains("has 8999 years"));
}

TEST_CASE("max_period_years also bounds a history node's period", "[limits]") {
    const std::string text =
        head() + node_line("a") + "history:\n  - {id: h, level: program, name: H, source: T, period: [1800, 2000]}\n";
    const auto e = yaml_error(text);
    REQUIRE(e);
    check_message(*e, "period_years");
    CHECK(e->line() == 6);
    CHECK_THAT(e->reason(), Contains("period [1800, 2000] has 201 years"));
}

TEST_CASE("max_nodes counts nodes, history and version entries", "[limits]") {
    // three nodes: a, b and the history node h
    const std::string text = head() + node_line("a") + node_line("b") + "history:\n" + node_line("h");
    load_limits three;
    three.max_nodes = 3;
    CHECK(kinerja::parse_plan(text, "l.yaml", three).history.size() == 1);
    load_limits two;
    two.max_nodes = 2;
    const auto e = yaml_error(text, two);
    REQUIRE(e);
    check_message(*e, "nodes");
    CHECK(e->line() == 7);  // h
    CHECK(e->column() == 5);
    // a version entry is the third node
    const auto v = yaml_error(
        head() + node_line("a") + node_line("b") + "versions:\n  awal:\n    nodes:\n      - {id: a, name: A0}\n", two);
    REQUIRE(v);
    check_message(*v, "nodes");
    CHECK(v->line() == 9);
}

TEST_CASE("max_nesting: the depth of mappings and lists", "[limits]") {
    // the root mapping (1), plan's mapping (2) and its period list (3) on line 2; the nodes
    // list (2) and a node's mapping (3)
    const std::string text = head() + node_line("a");
    load_limits three;
    three.max_nesting = 3;
    CHECK_NOTHROW(kinerja::parse_plan(text, "l.yaml", three));
    load_limits two;
    two.max_nesting = 2;
    const auto e = yaml_error(text, two);
    REQUIRE(e);
    check_message(*e, "nesting");
    CHECK(e->line() == 2);
    CHECK(e->column() == 61);  // the period list, the first collection at depth 3
    CHECK_THAT(e->reason(), Contains("nested 3 deep here"));
}

TEST_CASE("Deep nesting stops at max_nesting before a tree is built", "[limits]") {
    // the value of name is 100 nested lists inside the root (1), the nodes list (2) and the node
    // (3): the k-th '[' is at depth 3 + k and column 34 + k of line 4 (name's value starts after
    // 34 characters), so depth 65 is the 62nd, at column 96
    const std::string deep = std::string(100, '[') + std::string(100, ']');
    const auto e = yaml_error(head() + "  - {id: a, level: program, name: " + deep + ", source: T}\n");
    REQUIRE(e);
    check_message(*e, "nesting");
    CHECK(e->line() == 4);
    CHECK(e->column() == 96);
    CHECK_THAT(e->reason(), Contains("nested 65 deep here"));
}

TEST_CASE("max_alias_expansion: the YAML nodes that aliases stand for", "[limits]") {
    // &s names a scalar (1 node); each *s stands for 1: two aliases, 2 nodes
    const std::string text = head() +
                             "  - {id: a, level: program, name: N, source: &s T}\n"
                             "  - {id: b, level: program, name: N, source: *s}\n"
                             "  - {id: c, level: program, name: N, source: *s}\n";
    load_limits two;
    two.max_alias_expansion = 2;
    CHECK(kinerja::parse_plan(text, "l.yaml", two).nodes[2].source == "T");
    load_limits one;
    one.max_alias_expansion = 1;
    const auto e = yaml_error(text, one);
    REQUIRE(e);
    check_message(*e, "alias_expansion");
    CHECK(e->line() == 6);
    CHECK(e->column() == 46);  // "  - {id: c, level: program, name: N, source: " is 45 characters
    CHECK_THAT(e->reason(), Contains("stand for 2 YAML nodes"));
}

TEST_CASE("Alias amplification stops at the limit, counted with nested aliases expanded", "[limits]") {
    // a: a list of 10 scalars = 11 nodes; b: 10 aliases of a = 110 expanded; c: 10 of b, each
    // standing for 1 + 110 = 111 nodes: 1,110 more (1,220 in all); d: 10 of c at 1 + 1,110 = 1,111:
    // 11,110 more, 12,330 in all; ... 9 levels stand for about 10^9 nodes.
    std::string laughs =
        "kinerja_plan: 1\n"
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    const char* names = "abcdefghi";
    for (int k = 1; k < 9; ++k) {
        laughs += std::string(1, names[k]) + ": &" + names[k] + " [";
        for (int r = 0; r < 10; ++r) laughs += std::string(r ? ", " : "") + "*" + names[k - 1];
        laughs += "]\n";
    }
    load_limits limits;
    limits.max_alias_expansion = 12330;  // a to d pass; the first alias on e goes past
    const auto at_d = yaml_error(laughs, limits);
    REQUIRE(at_d);
    check_message(*at_d, "alias_expansion");
    CHECK(at_d->line() == 6);  // e, the first line past 12,330
    const auto e = yaml_error(laughs);
    REQUIRE(e);
    check_message(*e, "alias_expansion");
}

TEST_CASE("max_input_bytes bounds the text and the file, read in chunks", "[limits]") {
    const std::string text = head() + node_line("a");
    load_limits exact;
    exact.max_input_bytes = text.size();
    CHECK_NOTHROW(kinerja::parse_plan(text, "l.yaml", exact));
    load_limits less;
    less.max_input_bytes = text.size() - 1;
    const auto e = yaml_error(text, less);
    REQUIRE(e);
    check_message(*e, "input_bytes");
    CHECK_THAT(e->reason(), Contains("the input has " + std::to_string(text.size()) + " bytes"));

    // a device without an end: reading stops past the limit (issue 13: check /dev/zero ran out of memory)
    load_limits mib;
    mib.max_input_bytes = std::uint64_t{1} << 20;
    const auto z = thrown<file_error>([&] { (void)kinerja::load_plan("/dev/zero", mib); });
    REQUIRE(z);
    check_message(*z, "input_bytes");
    CHECK(z->file() == "/dev/zero");
    CHECK_THAT(z->reason(), Contains("more than 1048576 bytes"));
    const auto zc = thrown<file_error>([&] { (void)kinerja::load_plan_csv("/dev/zero", {}, mib); });
    REQUIRE(zc);
    check_message(*zc, "input_bytes");
}

TEST_CASE("CSV tables: max_nodes, max_period_years and max_input_bytes", "[limits][csv]") {
    const std::string table =
        "node_id,level,name,year,budget,source\n"
        "a,program,A,2024,1,T\n"
        "b,program,B,2024,1,T\n"
        "b,program,B,2025,1,T\n";
    load_limits two;
    two.max_nodes = 2;
    CHECK(kinerja::parse_plan_csv(table, "t.csv", {}, two).nodes.size() == 2);
    load_limits one;
    one.max_nodes = 1;
    const auto n = thrown<file_error>([&] { (void)kinerja::parse_plan_csv(table, "t.csv", {}, one); });
    REQUIRE(n);
    check_message(*n, "nodes");
    CHECK(n->line() == 3);
    CHECK(n->column() == 1);

    // the table's years 2024 and 2025 make a period of 2 years
    load_limits years;
    years.max_period_years = 2;
    CHECK(kinerja::parse_plan_csv(table, "t.csv", {}, years).info.period_to == 2025);
    years.max_period_years = 1;
    const auto y = thrown<file_error>([&] { (void)kinerja::parse_plan_csv(table, "t.csv", {}, years); });
    REQUIRE(y);
    check_message(*y, "period_years");
    CHECK(y->line() == 4);  // the first cell of the last year, 2025
    CHECK(y->column() == 13);
    CHECK_THAT(y->reason(), Contains("the period 2024-2025 has 2 years"));

    load_limits bytes;
    bytes.max_input_bytes = table.size() - 1;
    const auto b = thrown<file_error>([&] { (void)kinerja::parse_plan_csv(table, "t.csv", {}, bytes); });
    REQUIRE(b);
    check_message(*b, "input_bytes");
}
