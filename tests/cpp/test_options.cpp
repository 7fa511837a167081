// SPDX-License-Identifier: Apache-2.0
// The with_ setters of convention_options, csv_options, load_limits, validation_options,
// formula_options and eval_options (docs/reference.md, "Option types"): each sets the field it
// names and nothing else, returns a changed copy (the original is unchanged), the struct stays an
// aggregate, and the options so made do what they say when passed to the library.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <kinerja/conventions.hpp>
#include <kinerja/formula.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/validation.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

using namespace kinerja;
using kinerja_test::thrown;

static_assert(std::is_aggregate_v<convention_options>);
static_assert(std::is_aggregate_v<csv_options>);
static_assert(std::is_aggregate_v<load_limits>);
static_assert(std::is_aggregate_v<validation_options>);
static_assert(std::is_aggregate_v<formula_options>);
static_assert(std::is_aggregate_v<eval_options>);

TEST_CASE("convention_options setters set the majority and the amount tolerance", "[options]") {
    const convention_options base{};
    const auto o = base.with_majority(0.75);
    CHECK(o.majority == 0.75);
    CHECK(o.amount_tolerance == 0.5);
    CHECK(base.majority == 0.5);  // the original is unchanged
    const auto t = base.with_amount_tolerance(1000.0);
    CHECK(t.amount_tolerance == 1000.0);
    CHECK(t.majority == 0.5);
    // the setting reaches the inference: a majority outside [0.5, 1) is refused
    const plan p = bundled_plan();
    const auto e = thrown<argument_error>([&] { (void)infer_conventions(p, base.with_majority(0.4)); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.argument.majority");
    CHECK_NOTHROW(infer_conventions(p, base.with_majority(0.75).with_amount_tolerance(1.0)));
}

TEST_CASE("csv_options setters set the plan identity, the period and the delimiter", "[options][csv]") {
    const csv_options base{};
    const auto o = base.with_id("dpppa")
                       .with_title("Renstra DPPPA")
                       .with_organisation("DPPPA")
                       .with_region("Kota Bekasi")
                       .with_period(2024, 2026)
                       .with_version("awal")
                       .with_delimiter(';');
    CHECK(o.id == "dpppa");
    CHECK(o.title == "Renstra DPPPA");
    CHECK(o.organisation == "DPPPA");
    CHECK(o.region == "Kota Bekasi");
    CHECK(o.period_from == 2024);
    CHECK(o.period_to == 2026);
    CHECK(o.version == "awal");
    CHECK(o.delimiter == ';');
    CHECK(base.id.empty());  // the original is unchanged
    CHECK(base.delimiter == '\0');
    CHECK(base.with_id("x").title.empty());  // one setter sets one field

    // a table written with ';' and ',' as the decimal mark (an Indonesian Excel export)
    const std::string table =
        "node_id;level;name;year;budget;source\n"
        "p-1;program;Program Uji;2025;\"1.500,50\";Tabel 6.1\n";
    const plan p = parse_plan_csv(table, "t.csv", o);
    CHECK(p.info.id == "dpppa");
    CHECK(p.info.title == "Renstra DPPPA");
    CHECK(p.info.organisation == "DPPPA");
    CHECK(p.info.region == "Kota Bekasi");
    CHECK(p.info.period_from == 2024);
    CHECK(p.info.period_to == 2026);
    CHECK(p.info.version == "awal");
    REQUIRE(p.nodes.size() == 1);
    CHECK(p.nodes[0].budget.at(2025).front().text == "1.500,50");
}

TEST_CASE("load_limits setters set each limit", "[options][limits]") {
    const load_limits base{};
    CHECK(base.with_max_input_bytes(10).max_input_bytes == 10);
    CHECK(base.with_max_period_years(3).max_period_years == 3);
    CHECK(base.with_max_alias_expansion(7).max_alias_expansion == 7);
    CHECK(base.with_max_nodes(1).max_nodes == 1);
    CHECK(base.with_max_nesting(5).max_nesting == 5);
    const auto one = base.with_max_nodes(1);
    CHECK(one.max_nesting == 64);  // the others keep their defaults
    CHECK(one.max_input_bytes == std::uint64_t{256} << 20);
    CHECK(base.max_nodes == 1000000);  // the original is unchanged

    const std::string two_nodes =
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
        "nodes:\n"
        "  - {id: a, level: program, name: N, source: T}\n"
        "  - {id: b, level: program, name: M, source: T}\n";
    CHECK_NOTHROW(parse_plan(two_nodes, "l.yaml", base.with_max_nodes(2)));
    const auto e = thrown<file_error>([&] { (void)parse_plan(two_nodes, "l.yaml", base.with_max_nodes(1)); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.limit.nodes");
    // [2024, 2026] is 3 years
    CHECK_NOTHROW(parse_plan(two_nodes, "l.yaml", base.with_max_period_years(3)));
    const auto p = thrown<file_error>([&] { (void)parse_plan(two_nodes, "l.yaml", base.with_max_period_years(2)); });
    REQUIRE(p);
    CHECK(p->id() == "kinerja.limit.period_years");
}

TEST_CASE("validation_options setters set the history switch and the rule ids", "[options][validation]") {
    const validation_options base{};
    const auto o = base.with_include_history(false).with_rules({"pagu-positive"});
    CHECK_FALSE(o.include_history);
    CHECK(o.rules == std::set<std::string>{"pagu-positive"});
    CHECK(base.include_history);  // the original is unchanged
    CHECK(base.rules.empty());
    CHECK(base.with_rules({"a"}).include_history);

    const rule_set rules = parse_rules(
        "kinerja_rules: 1\n"
        "rules:\n"
        "  - id: pagu-positive\n"
        "    scope: [program]\n"
        "    left: pagu\n"
        "    op: \">\"\n"
        "    right: \"0\"\n"
        "    severity: warning\n"
        "    message: \"{node} {year}: pagu {left}\"\n",
        "r.yaml");
    const plan p = bundled_plan();
    // an id the set does not have is refused: the ids reach apply_rules
    const auto e = thrown<argument_error>([&] { (void)apply_rules(p, rules, base.with_rules({"no-such-rule"})); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.argument.rule");
    CHECK_NOTHROW(apply_rules(p, rules, base.with_rules({"pagu-positive"})));
}

TEST_CASE("formula_options setters set the missing strategy and the limits", "[options][formula]") {
    const formula_options base{};
    const auto o = base.with_missing(missing_strategy::zero).with_max_length(20).with_max_depth(3);
    CHECK(o.missing == missing_strategy::zero);
    CHECK(o.max_length == 20);
    CHECK(o.max_depth == 3);
    CHECK(base.missing == missing_strategy::propagate);  // the original is unchanged
    CHECK(base.max_length == 10000);
    CHECK(base.with_max_depth(3).max_length == 10000);

    // x missing (NaN): propagated by default, 0 under zero (0 + 2 = 2)
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(formula::compile("x + y", {}, base).evaluate({{"x", nan}, {"y", 2.0}}).value);
    CHECK(formula::compile("x + y", {}, base.with_missing(missing_strategy::zero))
              .evaluate({{"x", nan}, {"y", 2.0}})
              .value == 2.0);
    // "a + b + c + d + e" is 17 characters; ((((a)))) nests 4 deep
    const auto too_long =
        thrown<formula_error>([&] { (void)formula::compile("a + b + c + d + e", {}, base.with_max_length(16)); });
    REQUIRE(too_long);
    CHECK(too_long->id() == "kinerja.formula.too_long");
    CHECK_NOTHROW(formula::compile("a + b + c + d + e", {}, base.with_max_length(17)));
    const auto too_deep =
        thrown<formula_error>([&] { (void)formula::compile("((((a))))", {}, base.with_max_depth(2)); });
    REQUIRE(too_deep);
    CHECK(too_deep->id() == "kinerja.formula.too_deep");
}

TEST_CASE("eval_options setters set the threads and the rows per thread", "[options][formula]") {
    const eval_options base{};
    const auto o = base.with_threads(1).with_min_rows_per_thread(8);
    CHECK(o.threads == 1);
    CHECK(o.min_rows_per_thread == 8);
    CHECK(base.threads == 0);  // the original is unchanged
    CHECK(base.min_rows_per_thread == std::size_t{1} << 16);
    CHECK(base.with_threads(2).min_rows_per_thread == std::size_t{1} << 16);

    // 2 threads of at least 8 rows over 64 rows: the same sums as one thread (x + 1)
    std::vector<double> x(64);
    for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<double>(i);
    formula_columns cols;
    cols.rows = x.size();
    cols.add("x", x.data());
    const formula f = formula::compile("x + 1");
    std::vector<double> one(x.size()), two(x.size());
    f.evaluate(cols, one.data(), base.with_threads(1));
    f.evaluate(cols, two.data(), base.with_threads(2).with_min_rows_per_thread(8));
    CHECK(one == two);
    CHECK(two[63] == 64.0);
}
