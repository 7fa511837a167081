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

// settings: complement for lower-is-better, half up to 1 decimal.
// - n-own prints its pagu on its own row; n-ind only on its indicator's row (2024), and a blank
//   own cell with a pagu on the indicator's row (2025).
// - i-third: 2 of 3 -> 66.666..., half up to 1 decimal 66.7.
// - i-lower: lower is better, target 10, realization 12 -> complement (2 - 12/10) x 100 = 80.
// - i-unknown: no polarity -> no achievement (not computed as higher).
// - i-scale: scale KLA (Pratama, Madya, Nindya, Utama, KLA), target Madya (position 2),
//   realization Nindya (position 3) -> 3/2 x 100 = 150.
// - i-quarters: quarters 1 + 2 + 3 summed = 6 against 8 -> 75.
constexpr const char* plan_text = R"(kinerja_plan: 1
plan:
  id: uji-nilai
  title: Uji
  organisation: Dinas Uji
  region: Kota Uji
  period: [2024, 2025]
  version: perubahan
settings: {lower_method: complement, rounding: half_up, decimals: 1}
nodes:
  - id: s-own
    level: sasaran
    name: Sasaran
    source: "Tabel 6.1"
    budget: {2024: "300"}
    indicators:
      - id: i-third
        name: Sepertiga
        unit: Persen
        polarity: higher
        source: "Tabel 7.3"
        targets: {2024: "3%"}
        realizations: {2024: "2%"}
        budget: {2024: "999"}
  - id: n-ind
    level: program
    name: Program
    parent: s-own
    source: "Tabel 6.1"
    budget: {2025: " "}
    indicators:
      - id: i-lower
        name: Kasus
        unit: Kasus
        polarity: lower
        source: "Tabel 7.3"
        targets: {2024: "10"}
        realizations: {2024: "12"}
        budget: {2024: "100", 2025: "150"}
      - id: i-unknown
        name: Tanpa arah
        unit: Persen
        source: "Tabel 7.3"
        targets: {2024: "50%"}
        realizations: {2024: "60%"}
  - id: n-other
    level: program
    name: Program lain
    parent: s-own
    source: "Tabel 6.1"
    budget: {2024: "300"}
    indicators:
      - id: i-scale
        name: Kota Layak Anak
        polarity: scale:KLA
        source: "Tabel 7.3"
        targets: {2024: Madya}
        realizations: {2024: Nindya}
      - id: i-quarters
        name: Laporan
        unit: Laporan
        polarity: higher
        aggregation: sum
        source: "Tabel 7.3"
        targets: {2024: "8"}
        quarterly_realizations: {2024: {q1: "1", q2: "2", q3: "3"}}
)";

const kinerja::plan& sample() {
    static const kinerja::plan p = kinerja::parse_plan(plan_text, "values.yaml");
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
    CHECK(kinerja::node_pagu_years(on_indicator) == std::set<int>{2024, 2025});
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
    // nothing alike: no suggestion
    const auto far = kinerja_test::thrown<kinerja::lookup_error>([&] { kinerja::require_node(p, "zzzzzzzzzz"); });
    REQUIRE(far);
    CHECK(std::string(far->what()).find("nearest") == std::string::npos);
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
