// The values of a plan read by one rule (plan_values.hpp): a node's pagu, an indicator's
// realization and achievement, and lookups by id with the nearest ids suggested. Expected
// values are worked out by hand in the comments.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/rollup.hpp>
#include <kinerja/validation.hpp>

#include <string>

namespace {

// tests/data/plans/values.yaml; its comment works out the expected values by hand.
std::string fixture() {
    std::string here = __FILE__;
    return here.substr(0, here.rfind("/cpp/")) + "/data/plans/values.yaml";
}

const kinerja::plan& sample() {
    static const kinerja::plan p = kinerja::load_plan(fixture());
    return p;
}

const kinerja::indicator& ind(const std::string& id) { return kinerja::require_indicator(sample(), id); }

}  // namespace

TEST_CASE("A node's pagu is its own row, else its first indicator row with one", "[plan][values]") {
    const kinerja::plan& p = sample();
    const kinerja::node& own = kinerja::require_node(p, "s-own");
    const kinerja::node& on_indicator = kinerja::require_node(p, "n-ind");
    CHECK(kinerja::node_pagu(own, 2024).value() == 300.0);  // not the 999 on its indicator's row
    CHECK(kinerja::node_pagu(on_indicator, 2024).value() == 100.0);
    CHECK(kinerja::node_pagu(on_indicator, 2025).value() == 150.0);  // the blank own cell is no pagu
    CHECK(kinerja::node_pagu_cell(on_indicator, 2025)->text == "150");
    CHECK_FALSE(kinerja::node_pagu(own, 2025).has_value());
    CHECK(kinerja::node_pagu_cell(own, 2025) == nullptr);
    CHECK(kinerja::node_pagu_years(on_indicator) == std::set<kinerja::period_year>{2024, 2025});
}

TEST_CASE("An indicator's achievement follows the plan's settings and its polarity", "[plan][values]") {
    const kinerja::plan& p = sample();
    CHECK(kinerja::indicator_achievement(p, ind("i-third"), 2024).value() == Approx(66.7));
    CHECK(kinerja::indicator_achievement(p, ind("i-lower"), 2024).value() == Approx(80.0));
    CHECK(kinerja::indicator_achievement_detail(p, ind("i-lower"), 2024).method == kinerja::method::complement);
    CHECK_FALSE(kinerja::indicator_achievement(p, ind("i-unknown"), 2024).has_value());
    CHECK(kinerja::indicator_achievement_detail(p, ind("i-unknown"), 2024).basis.find("polarity unknown") == 0);
    CHECK(kinerja::indicator_achievement(p, ind("i-scale"), 2024).value() == Approx(150.0));
    CHECK(kinerja::indicator_achievement(p, ind("i-quarters"), 2024).value() == Approx(75.0));
    CHECK(kinerja::indicator_achievement(p, "i-quarters", 2024).value() == Approx(75.0));
    CHECK_FALSE(kinerja::indicator_achievement(p, ind("i-third"), 2025).has_value());  // no target
}

TEST_CASE("Roll-up and validation rules use the plan's rounded achievement and the pagu rule", "[plan][values]") {
    const kinerja::plan& p = sample();
    const auto entries = kinerja::rollup_plan(p);
    auto at_in = [](const std::vector<kinerja::rollup_entry>& es, const std::string& id) {
        for (const auto& e : es)
            if (e.node_id == id && e.year == 2024) return e;
        throw std::runtime_error("no roll-up entry " + id);
    };
    auto at = [&](const std::string& id) { return at_in(entries, id); };
    // s-own's own achievement is i-third's 66.7 (rounded as the plan says, not 66.666...)
    CHECK(at("s-own").own.value() == Approx(66.7));
    // n-other: (150 + 75) / 2 = 112.5
    CHECK(at("n-other").own.value() == Approx(112.5));

    // budget-weighted: n-ind weighs its indicator row's pagu 100, n-other its own 300:
    // (100 x 80 + 300 x 112.5) / 400 = 41750 / 400 = 104.375
    kinerja::rollup_options o;
    o.method = kinerja::rollup_method::budget_weighted;
    const kinerja::rollup_entry weighted = at_in(kinerja::rollup_plan(p, o), "s-own");
    CHECK(weighted.rolled.value() == Approx(104.375));
    CHECK(weighted.basis == "children weighted by pagu 2024");  // none left out

    // a validation rule sees the same achievement
    const kinerja::rule_set rules = kinerja::parse_rules(R"(kinerja_rules: 1
rules:
  - id: achievement-seen
    scope: indicator
    left: achievement
    op: "<"
    right: "0"
    severity: info
    message: "{left}"
)",
                                                         "rules.yaml");
    std::map<std::string, double> seen;
    for (const auto& f : kinerja::apply_rules(p, rules)) seen[f.indicator] = f.actual_number.value();
    CHECK(seen.at("i-third") == Approx(66.7));
    CHECK(seen.at("i-scale") == Approx(150.0));
    CHECK(seen.count("i-unknown") == 0);
}

TEST_CASE("Unknown ids are a lookup_error naming the nearest ids", "[plan][values]") {
    const kinerja::plan& p = sample();
    const auto e = kinerja_test::thrown<kinerja::lookup_error>([&] { kinerja::require_node(p, "n-in"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.lookup.node");
    CHECK(e->name() == "n-in");
    CHECK(std::string(e->what()).find("the plan has no node \"n-in\" (nearest: \"n-ind\"") != std::string::npos);
    const auto i =
        kinerja_test::thrown<kinerja::lookup_error>([&] { kinerja::indicator_achievement(p, "i-lowr", 2024); });
    REQUIRE(i);
    CHECK(i->id() == "kinerja.lookup.indicator");
    CHECK(std::string(i->what()).find("(nearest: \"i-lower\"") != std::string::npos);
    // nothing alike: still the nearest three, which show what the plan's ids look like. Each of
    // s-own, n-ind and n-other is 10 edits from "zzzzzzzzzz" (change their letters, add the rest)
    // and shares no beginning with it, so they come in file order.
    const auto far = kinerja_test::thrown<kinerja::lookup_error>([&] { kinerja::require_node(p, "zzzzzzzzzz"); });
    REQUIRE(far);
    CHECK(std::string(far->what()).find("(nearest: \"s-own\", \"n-ind\", \"n-other\")") != std::string::npos);
    CHECK(kinerja::nearest_names("zzzzzzzzzz", {"s-own", "n-ind"}).empty());  // none alike by default
}

TEST_CASE("nearest_names orders by edit distance, then common prefix, and keeps at most count", "[plan][values]") {
    const std::vector<std::string> names = {"p-2.08.01", "p-2.08.02", "p-2.08.03", "k-2.08.01.2.01", "s-1"};
    // "p-2.08.1": one deletion from p-2.08.01 (distance 1); p-2.08.02 and .03 need 2 (insert, change)
    const auto near = kinerja::nearest_names("p-2.08.1", names);
    REQUIRE(near.size() == 3);
    CHECK(near[0] == "p-2.08.01");
    CHECK(near[1] == "p-2.08.02");
    CHECK(near[2] == "p-2.08.03");
    CHECK(kinerja::nearest_names("P-2.08.01", names, 1) == std::vector<std::string>{"p-2.08.01"});  // case folded
    CHECK(kinerja::nearest_names("qqqq", names).empty());
}

TEST_CASE("Quarterly amounts make the year's amount exactly, and print as that amount", "[plan][values]") {
    // The year's value took the last quarter's exact number while its number was the sum, so a sum
    // of Rp 9.007.199.254.740.993 and Rp 1 printed as "Rp 1" (the exact number wins in print).
    kinerja::indicator i;
    i.id = "ind-rp";
    i.unit = kinerja::printed_value{"Rupiah", "", "", {}};
    i.aggregation = kinerja::aggregation::sum;
    i.quarterly_realizations[2024][1].text = "Rp 9.007.199.254.740.993";
    i.quarterly_realizations[2024][2].text = "Rp 1";
    const auto sum = kinerja::yearly_realization(i, 2024, kinerja::default_scales());
    REQUIRE(sum.has_value());
    REQUIRE(sum->exact.has_value());
    CHECK(sum->exact->to_string() == "9007199254740994");  // 9,007,199,254,740,993 + 1, by hand
    CHECK(sum->text.find("9.007.199.254.740.994") != std::string::npos);
    // the maximum of the quarters is the first one, exactly
    i.aggregation = kinerja::aggregation::max;
    const auto max = kinerja::yearly_realization(i, 2024, kinerja::default_scales());
    REQUIRE(max.has_value());
    CHECK(max->exact->to_string() == "9007199254740993");
    // a mean has no exact value (it divides), and prints its number: (3 + 1) / 2 = 2
    i.quarterly_realizations[2024][1].text = "Rp 3";
    i.aggregation = kinerja::aggregation::mean;
    const auto mean = kinerja::yearly_realization(i, 2024, kinerja::default_scales());
    REQUIRE(mean.has_value());
    CHECK(!mean->exact.has_value());
    CHECK(*mean->number == 2.0);
}
