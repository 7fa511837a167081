// Roll-up of achievement, revisions and quarterly realizations on tests/data/plans/rollup.yaml.
// The expected values are worked out by hand in tests/python/test_rollup_diff.py's docstring:
// k1 80; k2 (95 + 75) / 2 = 85; p own 90 and rolled 82.5 (mean), 83.33 (pagu-weighted:
// (100 x 80 + 200 x 85) / 300), 90 (ratio of sums: 27 of 30); s own 75.
#include <catch2/catch.hpp>

#include <kinerja/check.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/rollup.hpp>

#include <string>

namespace {

std::string fixture() {
    std::string here = __FILE__;
    return here.substr(0, here.rfind("/cpp/")) + "/data/plans/rollup.yaml";
}

const kinerja::rollup_entry& at(const std::vector<kinerja::rollup_entry>& es, const std::string& id, int year) {
    for (const auto& e : es)
        if (e.node_id == id && e.year == year) return e;
    throw std::runtime_error("no entry " + id);
}

}  // namespace

TEST_CASE("Roll-up combines the children's achievement by the chosen method and records it", "[plan][rollup]") {
    const kinerja::plan p = kinerja::load_plan(fixture());
    using kinerja::rollup_method;
    for (auto [method, expected] :
         {std::pair{rollup_method::mean, 82.5}, std::pair{rollup_method::budget_weighted, 25000.0 / 300.0},
          std::pair{rollup_method::ratio_of_sums, 90.0}}) {
        kinerja::rollup_options o;
        o.method = method;
        const auto es = kinerja::rollup_plan(p, o);
        CAPTURE(std::string(kinerja::to_string(method)));
        CHECK(at(es, "k1", 2024).rolled.value() == Approx(80.0));
        CHECK(at(es, "k2", 2024).own.value() == Approx(85.0));
        CHECK(at(es, "p", 2024).own.value() == Approx(90.0));
        CHECK(at(es, "p", 2024).rolled.value() == Approx(expected));
        CHECK(at(es, "s", 2024).own.value() == Approx(75.0));
        CHECK(at(es, "s", 2024).rolled.value() == Approx(expected));
        CHECK(at(es, "p", 2024).method == method);
        CHECK_FALSE(at(es, "p", 2025).rolled.has_value());
    }
}

TEST_CASE("Quarterly realizations make a year by the indicator's aggregation", "[plan][rollup]") {
    const kinerja::plan p = kinerja::load_plan(fixture());
    const auto [node, ind] = p.find_indicator("k2-q");
    REQUIRE(ind);
    const auto v = kinerja::yearly_realization(*ind, 2024, kinerja::plan_scales(p));
    REQUIRE(v);
    CHECK(v->number.value() == 9.0);  // 3 + 3 + 2 + 1
    CHECK(v->unit == "Laporan");
    CHECK_FALSE(kinerja::yearly_realization(*ind, 2025, kinerja::plan_scales(p)).has_value());
}

TEST_CASE("diff_plans lists the changes from the original to the revised version", "[plan][diff]") {
    const kinerja::plan revised = kinerja::load_plan(fixture());
    const auto changes = kinerja::diff_plans(revised.version("awal"), revised);
    REQUIRE(changes.size() == 4);
    CHECK(changes[0].kind == kinerja::change_kind::changed);
    CHECK(changes[0].id == "k1");
    CHECK(changes[0].field == "budget");
    CHECK(changes[0].year == 2024);
    CHECK(changes[0].from == "150");
    CHECK(changes[0].to == "100");
    CHECK(changes[1].field == "unit");
    CHECK(changes[1].from == "Orang");
    CHECK(changes[1].to == "Persen");
    CHECK(changes[2].field == "target");
    CHECK(changes[2].from == "90%");
    CHECK(changes[2].to == "100%");
    CHECK(changes[3].kind == kinerja::change_kind::added);
    CHECK(changes[3].id == "k2");
    CHECK(kinerja::diff_plans(revised, revised).empty());
    // every change names the node it belongs to: k1 "Kegiatan 1" (no code, so node is its id);
    // the unit change is of k1's indicator k1-i, the added node is k2 itself
    for (const auto& c : changes) CHECK(c.node_code.empty());
    CHECK(changes[1].subject == "indicator");
    CHECK(changes[1].id == "k1-i");
    CHECK(changes[1].node_id == "k1");
    CHECK(changes[1].node_name == "Kegiatan 1");
    CHECK(changes[3].node_id == "k2");
    CHECK(changes[3].node_name == "Kegiatan 2");
}

TEST_CASE("check names each finding's node by code and name from the plan", "[plan][check]") {
    const kinerja::plan p = kinerja::parse_plan(R"(kinerja_plan: 1
plan: {id: names, title: T, organisation: O, region: R, period: [2024, 2024], version: perubahan}
nodes:
  - {id: P1, level: program, code: "1.01", name: Program Satu, source: T, budget: {2024: "100"}}
  - {id: K1, level: kegiatan, code: "1.01.01", name: Kegiatan Satu, parent: P1, source: T, budget: {2024: "150"}}
)",
                                                "names.yaml");
    // P1's pagu 100 is not the sum of its one child's 150: budget-rollup at P1
    const auto findings = kinerja::check(p, kinerja::check_options{}.with_rules({"budget-rollup"}));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].node_id == "P1");
    CHECK(findings[0].node_code == "1.01");
    CHECK(findings[0].node_name == "Program Satu");
    // name_findings fills what a hand-made finding lacks, and leaves a finding of no node alone
    std::vector<kinerja::finding> made(2);
    made[0].node_id = "K1";
    made[1].node_id = "nobody";
    made[1].node_name = "kept";
    kinerja::name_findings(p, made);
    CHECK(made[0].node_code == "1.01.01");
    CHECK(made[0].node_name == "Kegiatan Satu");
    CHECK(made[1].node_code.empty());
    CHECK(made[1].node_name == "kept");
}
