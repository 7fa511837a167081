// SPDX-License-Identifier: Apache-2.0
// Text forms (include/kinerja/io.hpp): to_string, operator<< and the fmt formatters of
// include/kinerja/fmt.hpp write the same text; the texts are written out by hand. And the
// option types' `with_` setters (achievement_options, audit_options, check_options,
// rollup_options).
#include <catch2/catch.hpp>

#include <kinerja/audit.hpp>
#include <kinerja/fmt.hpp>
#include <kinerja/io.hpp>
#include <kinerja/number.hpp>
#include <kinerja/rollup.hpp>

#include <sstream>
#include <string>

using kinerja::end_of_period;

namespace {

template <class T>
std::string streamed(const T& x) {
    std::ostringstream out;
    out << x;
    return out.str();
}

// The text through all three ways: to_string (or location::to_string), operator<< and fmt.
template <class T>
void text_is(const T& x, const std::string& expected) {
    CHECK(streamed(x) == expected);
    CHECK(fmt::format("{}", x) == expected);
}

}  // namespace

TEST_CASE("Values print as printed, or as format_value writes them", "[format]") {
    const auto printed = kinerja::parse_value("77,90%");
    CHECK(kinerja::to_string(printed) == "77,90%");
    text_is(printed, "77,90%");
    text_is(kinerja::parse_value("Rp 5.599.220.800"), "Rp 5.599.220.800");
    text_is(kinerja::make_value(12.5, "%", 1), "12,5%");  // no text: format_value, Indonesian
    text_is(kinerja::missing_value(), "-");
    // fmt takes a string's format specification
    CHECK(fmt::format("[{:>8}]", printed) == "[  77,90%]");
    CHECK(fmt::format("[{:<8}]", printed) == "[77,90%  ]");
}

TEST_CASE("A finding prints as the line kinerja check prints", "[format]") {
    kinerja::finding f;
    f.rule = "budget-rollup";
    f.severity = kinerja::severity::error;
    f.node = "2.08.01";
    f.year = 2025;
    f.message = "pagu differs";
    f.location = kinerja::location{"plan.yaml", 12, 7};
    CHECK(kinerja::to_string(f) == "plan.yaml:12:7: error: [budget-rollup] 2.08.01 2025: pagu differs");
    text_is(f, "plan.yaml:12:7: error: [budget-rollup] 2.08.01 2025: pagu differs");
    f.year = end_of_period;
    text_is(f, "plan.yaml:12:7: error: [budget-rollup] 2.08.01 end: pagu differs");
    f.year.reset();
    f.location = kinerja::location{};
    f.severity = kinerja::severity::info;
    text_is(f, "<input>: info: [budget-rollup] 2.08.01: pagu differs");
}

TEST_CASE("A change prints as kinerja diff prints it", "[format]") {
    kinerja::change c;
    c.kind = kinerja::change_kind::changed;
    c.subject = "indicator";
    c.id = "i-1";
    c.node = "1.01";
    c.name = "Cakupan";
    c.field = "target";
    c.year = 2025;
    c.from = "80";
    c.to = "85";
    text_is(c, "changed indicator 1.01 [i-1] target 2025: '80' -> '85'");
    c.kind = kinerja::change_kind::added;
    c.subject = "node";
    c.id = "p-1.01";
    text_is(c, "added node 1.01: Cakupan");
    c.kind = kinerja::change_kind::changed;
    c.field = "name";
    c.year.reset();
    c.from = "A";
    c.to = "";
    text_is(c, "changed node 1.01 name: 'A' -> ''");
}

TEST_CASE("Locations, rounding rules and enumerations print their names", "[format]") {
    text_is(kinerja::location{"plan.yaml", 3, 0}, "plan.yaml:3");
    text_is(kinerja::location{"t.csv", 2, 5}, "t.csv:2:5");
    text_is(kinerja::rounding_rule{}, "not rounded");
    text_is(kinerja::rounding_rule{kinerja::rounding::half_up, 2}, "rounded half up to 2 decimals");
    text_is(kinerja::rounding_rule{kinerja::rounding::truncate, 1}, "truncated to 1 decimal");
    text_is(kinerja::rounding_rule{kinerja::rounding::truncate, 0}, "truncated to 0 decimals");
    text_is(kinerja::severity::warning, "warning");
    text_is(kinerja::polarity::lower, "lower");
    text_is(kinerja::method::complement, "complement");
    text_is(kinerja::rounding::half_up, "half_up");
    text_is(kinerja::change_kind::removed, "removed");
    // an audit match describes its rounding with the same text
    kinerja::audit_match m;
    m.rounding = {kinerja::rounding::truncate, 1};
    CHECK(m.describe() == "higher/direct, truncated to 1 decimal, as a percent");
}

TEST_CASE("Option types are set by name with with_ setters that return a changed copy", "[format][options]") {
    using namespace kinerja;
    const auto o = achievement_options{}
                       .with_polarity(polarity::lower)
                       .with_method(method::complement)
                       .with_rounding(rounding::truncate, 1)
                       .with_cap(120.0);
    CHECK(o.polarity == polarity::lower);
    CHECK(o.method == method::complement);
    CHECK(o.rounding.mode == rounding::truncate);
    CHECK(o.rounding.decimals == 1);
    CHECK(o.cap == 120.0);
    // (2 - 60/50) x 100 = 80, capped at 120, truncated to 1 decimal
    CHECK(achievement(50.0, 60.0, o) == 80.0);
    // docs/achievement.md: (2 - 0.028 / 0.035) x 100 = 120, capped at 120
    CHECK(achievement(0.035, 0.028, o.with_rounding(rounding::truncate, 2)) == 120.0);
    const achievement_options base{};
    const auto copy = base.with_rounding({rounding::half_up, 2});
    CHECK(base.rounding.mode == rounding::none);  // the original is unchanged
    CHECK(copy.rounding.mode == rounding::half_up);
    // aggregate initialisation still works
    const achievement_options aggregate{polarity::higher, std::nullopt, {rounding::half_up, 2}, std::nullopt};
    CHECK(aggregate.rounding.decimals == 2);

    const auto a = audit_options{}
                       .with_polarity(polarity::lower)
                       .with_decimals({2})
                       .with_caps({std::nullopt})
                       .with_roundings({rounding::half_up})
                       .with_scale(report_scale::fraction)
                       .with_input_precision(false);
    CHECK(a.polarity == polarity::lower);
    CHECK(a.decimals == std::vector<int>{2});
    CHECK(a.caps.size() == 1);
    CHECK_FALSE(a.caps[0].has_value());
    CHECK(a.roundings == std::vector<rounding>{rounding::half_up});
    CHECK(a.scale == report_scale::fraction);
    CHECK_FALSE(a.input_precision);

    const auto c = check_options{}.with_rules({"budget-rollup"}).with_budget_tolerance(1.0).with_include_history(false);
    CHECK(c.rules == std::set<std::string>{"budget-rollup"});
    CHECK(c.budget_tolerance == 1.0);
    CHECK_FALSE(c.include_history);

    const auto n = number_context{}
                       .with_ambiguous(number_context::ambiguous_policy::grouping)
                       .with_range(0.0, 1000.0)
                       .with_printed_in(convention::english);
    CHECK(n.ambiguous == number_context::ambiguous_policy::grouping);
    CHECK(n.minimum == 0.0);
    CHECK(n.maximum == 1000.0);
    CHECK(n.printed_in == convention::english);
    // a KLA score: 742,340 is 742.34 because 742340 lies outside 0..1000
    CHECK(parse_number("742,340", number_context{}.with_range(0.0, 1000.0)).value == 742.34);

    const auto r =
        rollup_options{}.with_method(rollup_method::ratio_of_sums).with_years({2025}).with_include_history(true);
    CHECK(r.method == rollup_method::ratio_of_sums);
    CHECK(r.years == std::vector<int>{2025});
    CHECK(r.include_history);
}
