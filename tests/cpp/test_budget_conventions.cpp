// SPDX-License-Identifier: Apache-2.0
// Tests of conventions.hpp and the budget rules that follow them (check.hpp: budget-missing,
// budget-rollup, budget-end, budget-incomplete, budget-indicator-rows) on small plans written
// here; every amount is worked by hand in the comments.
#include <catch2/catch.hpp>

#include <kinerja/check.hpp>
#include <kinerja/conventions.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/plan_values.hpp>

#include <algorithm>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using kinerja::check_plan;
using kinerja::convention_origin;
using kinerja::end_of_period;
using kinerja::finding;
using kinerja::plan;

namespace {

const std::string head = R"(kinerja_plan: 1
plan: {id: uji, title: Uji, organisation: Dinas Uji, region: Kota Uji, period: [2024, 2025], version: perubahan}
)";

std::vector<finding> budget_findings(const plan& p) {
    std::vector<finding> out;
    for (const finding& f : check_plan(p))
        if (f.rule.rfind("budget-", 0) == 0) out.push_back(f);
    return out;
}

std::vector<finding> of_rule(const std::vector<finding>& all, const std::string& rule) {
    std::vector<finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const finding& f) { return f.rule == rule; });
    return out;
}

// A plan that prices programmes and activities only (its tujuan and sasaran rows print none),
// as many Renstra Tabel 6.1 do.
const std::string priced_below = head + R"(nodes:
  - {source: T, id: t-1, level: tujuan, name: Tujuan}
  - id: s-1
    level: sasaran
    source: T
    name: Sasaran
    parent: t-1
    indicators: [{source: T, id: i-s-1, name: Indeks, targets: {2024: "70", 2025: "72"}}]
  - {source: T, id: p-1, level: program, code: "2.08.01", name: Program, parent: s-1, budget: {2024: "300", 2025: "300"}}
  - {source: T, id: k-1, level: kegiatan, code: "2.08.01.2.01", name: Kegiatan 1, parent: p-1, budget: {2024: "100", 2025: "100"}}
  - {source: T, id: k-2, level: kegiatan, code: "2.08.01.2.02", name: Kegiatan 2, parent: p-1, budget: {2024: "200", 2025: "200"}}
)";

}  // namespace

TEST_CASE("A plan pricing only programmes and activities has no budget-missing for tujuan and sasaran",
          "[conventions][check]") {
    const plan p = kinerja::parse_plan(priced_below);
    const kinerja::plan_conventions c = kinerja::infer_conventions(p);
    CHECK(c.carries_pagu(kinerja::node_level::tujuan) == false);   // 0 of 1 priced
    CHECK(c.carries_pagu(kinerja::node_level::sasaran) == false);  // 0 of 1
    CHECK(c.carries_pagu(kinerja::node_level::program) == true);   // 1 of 1
    CHECK(c.carries_pagu(kinerja::node_level::kegiatan) == true);  // 2 of 2
    // 100 + 200 = 300 in both years: nothing to report, and s-1's missing pagu is the table's convention
    CHECK(budget_findings(p).empty());
}

TEST_CASE("A level that most of its nodes price: the node that prints none is budget-missing", "[conventions][check]") {
    // programmes p-1, p-2, p-3 print pagu, p-4 prints none while its activity does: 3 of 4 priced
    const plan p = kinerja::parse_plan(head + R"(nodes:
  - {source: T, id: s-1, level: sasaran, name: Sasaran}
  - {source: T, id: p-1, level: program, name: P1, parent: s-1, budget: {2024: "10"}}
  - {source: T, id: p-2, level: program, name: P2, parent: s-1, budget: {2024: "20"}}
  - {source: T, id: p-3, level: program, name: P3, parent: s-1, budget: {2024: "30"}}
  - {source: T, id: p-4, level: program, name: P4, parent: s-1}
  - {source: T, id: k-4, level: kegiatan, name: K4, parent: p-4, budget: {2024: "40"}}
)");
    const auto found = budget_findings(p);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "budget-missing");
    CHECK(found[0].node_id == "p-4");
    CHECK(found[0].year == 2024);
    CHECK(found[0].expected == "40");
}

TEST_CASE("Pagu printed in parts on a programme's three indicator rows is their sum", "[conventions][check]") {
    const plan p = kinerja::parse_plan(head + R"(nodes:
  - {source: T, id: s-1, level: sasaran, name: Sasaran}
  - id: p-1
    level: program
    source: T
    code: "2.08.01"
    name: Program satu
    parent: s-1
    indicators:
      - {source: T, id: i-1a, name: A, budget: {2024: "100"}}
      - {source: T, id: i-1b, name: B, budget: {2024: "200"}}
      - {source: T, id: i-1c, name: C, budget: {2024: "300"}}
  - {source: T, id: k-1, level: kegiatan, code: "2.08.01.2.01", name: K1, parent: p-1, budget: {2024: "250"}}
  - {source: T, id: k-2, level: kegiatan, code: "2.08.01.2.02", name: K2, parent: p-1, budget: {2024: "350"}}
  - id: p-2
    level: program
    source: T
    code: "2.08.02"
    name: Program dua
    parent: s-1
    indicators:
      - {source: T, id: i-2a, name: A, budget: {2024: "50"}}
      - {source: T, id: i-2b, name: B, budget: {2024: "60"}}
      - {source: T, id: i-2c, name: C, budget: {2024: "70"}}
  - {source: T, id: k-3, level: kegiatan, code: "2.08.02.2.01", name: K3, parent: p-2, budget: {2024: "100"}}
  - {source: T, id: k-4, level: kegiatan, code: "2.08.02.2.02", name: K4, parent: p-2, budget: {2024: "100"}}
)");
    const kinerja::plan_conventions c = kinerja::infer_conventions(p);
    REQUIRE(c.indicator_pagu.value == kinerja::indicator_pagu::parts);  // both nodes' rows differ: 2 parts, 0 repeat
    CHECK(c.indicator_pagu.origin == convention_origin::inferred);
    CHECK(c.indicator_pagu.parts == 2);
    CHECK(c.indicator_pagu.repeat == 0);
    // p-1: 100 + 200 + 300 = 600 = 250 + 350; p-2: 50 + 60 + 70 = 180, its activities 100 + 100 = 200
    CHECK(kinerja::node_pagu(*p.find_node("p-1"), 2024, kinerja::indicator_pagu::parts).value() == 600.0);
    CHECK(kinerja::node_pagu(p, *p.find_node("p-2"), 2024).value() == 180.0);
    CHECK(kinerja::node_pagu(*p.find_node("p-2"), 2024).value() == 50.0);  // no rule: the first row
    const auto found = budget_findings(p);
    REQUIRE(found.size() == 1);
    const finding& f = found[0];
    CHECK(f.rule == "budget-rollup");
    CHECK(f.node_id == "p-2");
    CHECK(f.year == 2024);
    CHECK(f.expected == "200");
    CHECK(f.actual == "50 + 60 + 70");
    REQUIRE(f.actual_number);
    CHECK(*f.actual_number == 180.0);
    CHECK_THAT(f.message, Contains("a difference of -20"));
}

namespace {

// The urusan's end column (47,496,043,200) is neither the sum of its years (72,930,847,223) nor
// its last year (15,500,000,000); two programmes print the sum of theirs.
std::string end_plan(const std::string& conventions, bool with_programmes) {
    std::string text = R"(kinerja_plan: 1
plan: {id: uji, title: Uji, organisation: Dinas Uji, region: Kota Uji, period: [2024, 2028], version: perubahan}
)" + conventions + R"(nodes:
  - id: u-1
    level: urusan
    source: T
    code: "1.02"
    name: Urusan Kesehatan
    budget: {2024: "13.000.000.000", 2025: "14.000.000.000", 2026: "15.000.000.000", 2027: "15.430.847.223",
             2028: "15.500.000.000", end: "47.496.043.200"}
)";
    if (with_programmes)
        text += R"(  - {source: T, id: p-a, level: program, code: "2.08.01", name: PA,
     budget: {2024: "100", 2025: "100", 2026: "100", 2027: "100", 2028: "100", end: "500"}}
  - {source: T, id: p-b, level: program, code: "2.08.02", name: PB,
     budget: {2024: "200", 2025: "200", 2026: "200", 2027: "200", 2028: "200", end: "1000"}}
)";
    return text;
}

}  // namespace

TEST_CASE("An end column of pagu that is not the sum the plan's rows show is budget-end", "[conventions][check]") {
    const plan p = kinerja::parse_plan(end_plan("", true));
    const kinerja::plan_conventions c = kinerja::infer_conventions(p);
    CHECK(c.budget_end.sum == 2);                             // p-a: 5 x 100 = 500; p-b: 5 x 200 = 1000
    CHECK(c.budget_end.neither == 1);                         // u-1
    REQUIRE(c.budget_end.value == kinerja::end_column::sum);  // 2 of 3 > 0.5
    const auto found = of_rule(check_plan(p), "budget-end");
    REQUIRE(found.size() == 1);
    const finding& f = found[0];
    CHECK(f.node == "1.02");
    CHECK(f.year == end_of_period);
    CHECK(f.severity == kinerja::severity::error);
    // 13,000,000,000 + 14,000,000,000 + 15,000,000,000 + 15,430,847,223 + 15,500,000,000 = 72,930,847,223
    CHECK(f.expected == "72,930,847,223");
    CHECK(f.actual == "47.496.043.200");
    CHECK_THAT(*f.actual_number, WithinAbs(47496043200.0, 0.5));
    CHECK_THAT(f.message, Contains("sum of its years 2024–2028"));
}

TEST_CASE("With no majority an end column that is neither the sum nor the last year is still budget-end",
          "[conventions][check]") {
    const plan p = kinerja::parse_plan(end_plan("", false));
    const kinerja::plan_conventions c = kinerja::infer_conventions(p);
    CHECK_FALSE(c.budget_end.value);  // 0 sum, 0 last, 1 neither: no convention
    CHECK(c.budget_end.origin == convention_origin::unknown);
    const auto found = of_rule(check_plan(p), "budget-end");
    REQUIRE(found.size() == 1);
    CHECK(found[0].expected == "72,930,847,223");
    CHECK_THAT(found[0].message, Contains("nor its last year (15,500,000,000)"));
}

TEST_CASE("Declared conventions override the inferred ones", "[conventions][check]") {
    SECTION("budget_end: last") {
        const plan p = kinerja::parse_plan(end_plan("conventions: {budget_end: last}\n", true));
        const kinerja::plan_conventions c = kinerja::infer_conventions(p);
        CHECK(c.budget_end.value == kinerja::end_column::last);
        CHECK(c.budget_end.origin == convention_origin::declared);
        const auto found = of_rule(check_plan(p), "budget-end");
        // the urusan (last year 15,500,000,000) and both programmes (100 and 200) break it
        REQUIRE(found.size() == 3);
        CHECK(found[0].node == "1.02");
        CHECK(found[0].expected == "15,500,000,000");
        CHECK(found[1].node == "2.08.01");
        CHECK(found[1].expected == "100");
        CHECK(found[2].expected == "200");
    }
    SECTION("budget_end: independent") {
        const plan p = kinerja::parse_plan(end_plan("conventions: {budget_end: independent}\n", true));
        CHECK(of_rule(check_plan(p), "budget-end").empty());
    }
    SECTION("pagu_levels and indicator_pagu") {
        const plan p = kinerja::parse_plan(head + R"(conventions:
  pagu_levels: [sasaran, program]
  indicator_pagu: repeat
nodes:
  - {source: T, id: s-1, level: sasaran, name: Sasaran}
  - id: p-1
    level: program
    source: T
    name: Program
    parent: s-1
    indicators:
      - {source: T, id: i-a, name: A, budget: {2024: "100"}}
      - {source: T, id: i-b, name: B, budget: {2024: "100"}}
      - {source: T, id: i-c, name: C, budget: {2024: "120"}}
)");
        const kinerja::plan_conventions c = kinerja::infer_conventions(p);
        CHECK(c.carries_pagu(kinerja::node_level::sasaran) == true);  // declared, though 0 of 1 priced
        CHECK(c.indicator_pagu.value == kinerja::indicator_pagu::repeat);
        CHECK(c.indicator_pagu.parts == 1);  // the rows differ: the evidence says parts, the plan says repeat
        CHECK(kinerja::node_pagu(p, *p.find_node("p-1"), 2024).value() == 100.0);
        const auto found = budget_findings(p);
        REQUIRE(found.size() == 2);
        // s-1 prints no pagu, its programme 100: the declared levels make it a finding
        CHECK(found[0].rule == "budget-missing");
        CHECK(found[0].node_id == "s-1");
        CHECK(found[0].expected == "100");
        // indicator C prints 120 where its node's rows repeat 100
        CHECK(found[1].rule == "budget-indicator-rows");
        CHECK(found[1].indicator == "i-c");
        CHECK(found[1].expected == "100");
        CHECK(found[1].actual == "120");
    }
}

TEST_CASE("A blank child inside a parent's sum is budget-incomplete", "[conventions][check]") {
    const plan p = kinerja::parse_plan(head + R"(nodes:
  - {source: T, id: p-1, level: program, name: Program, budget: {2024: "300", 2025: "500"}}
  - {source: T, id: k-1, level: kegiatan, name: K1, parent: p-1, budget: {2024: "300", 2025: "300"}}
  - {source: T, id: k-2, level: kegiatan, name: K2, parent: p-1, budget: {2024: "", 2025: "200"}}
)");
    // 2024: 300 = 300 (+ blank); 2025: 300 + 200 = 500
    const auto found = budget_findings(p);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "budget-incomplete");
    CHECK(found[0].node_id == "k-2");
    CHECK(found[0].year == 2024);
    CHECK(found[0].location.line == 6);
}

TEST_CASE("A blank row inside a total row's sum is budget-incomplete", "[conventions][check]") {
    const plan p = kinerja::parse_plan(head + R"(nodes:
  - {source: T, id: p-1, level: program, name: P1, budget: {2024: "300", 2025: "300"}}
  - {source: T, id: p-2, level: program, name: P2, budget: {2025: "200"}}
totals:
  - {source: T, id: jumlah, name: JUMLAH, over: [p-1, p-2], budget: {2024: "300", 2025: "500"}}
)");
    const auto found = budget_findings(p);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "budget-incomplete");
    CHECK(found[0].node_id == "p-2");
    CHECK(found[0].year == 2024);
    CHECK_THAT(found[0].message, Contains("total \"JUMLAH\""));
}

TEST_CASE("Pagu rolls up along the code tree where the parent links group otherwise", "[conventions][check]") {
    // urusan 2.08 prints 1,000; its programmes by code, 2.08.01 and 2.08.02, hang under a sasaran
    // and print 400 + 500 = 900
    const plan p = kinerja::parse_plan(head + R"(nodes:
  - {source: T, id: u-1, level: urusan, code: "2.08", name: Urusan, budget: {2024: "1,000"}}
  - {source: T, id: s-1, level: sasaran, name: Sasaran}
  - {source: T, id: p-1, level: program, code: "2.08.01", name: P1, parent: s-1, budget: {2024: "400"}}
  - {source: T, id: p-2, level: program, code: "2.08.02", name: P2, parent: s-1, budget: {2024: "500"}}
)");
    const auto found = budget_findings(p);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "budget-rollup");
    CHECK(found[0].node == "2.08");
    CHECK(found[0].expected == "900");
    CHECK_THAT(found[0].message, Contains("along the code tree"));
}

TEST_CASE("The conventions block is read, written and checked", "[conventions][plan_io]") {
    const plan p = kinerja::parse_plan(head + R"(conventions:
  pagu_levels: [program, kegiatan]
  budget_end: sum
  target_end: last
  indicator_pagu: parts
  numbers: indonesian
  majority: 0.75
nodes:
  - {source: T, id: p-1, level: program, name: P1}
)");
    const kinerja::declared_conventions& d = p.conventions;
    REQUIRE(d.pagu_levels);
    CHECK(*d.pagu_levels ==
          std::vector<kinerja::node_level>{kinerja::node_level::program, kinerja::node_level::kegiatan});
    CHECK(d.budget_end == kinerja::end_column::sum);
    CHECK(d.target_end == kinerja::end_column::last);
    CHECK(d.indicator_pagu == kinerja::indicator_pagu::parts);
    CHECK(d.numbers == kinerja::convention::indonesian);
    CHECK(d.majority == 0.75);
    const plan again = kinerja::parse_plan(kinerja::to_yaml(p));
    CHECK(again == p);
    CHECK(again.conventions.majority == 0.75);
    CHECK(again.conventions.budget_end == kinerja::end_column::sum);
    CHECK(kinerja::infer_conventions(p).majority == 0.75);

    const auto bad = [&](const std::string& block) {
        try {
            kinerja::parse_plan(head + block + "nodes:\n  - {source: T, id: p-1, level: program, name: P1}\n");
        } catch (const kinerja::file_error& e) {
            return std::string(e.id());
        }
        return std::string("no error");
    };
    CHECK(bad("conventions: {budget_end: total}\n") == "kinerja.plan.schema");
    CHECK(bad("conventions: {majority: \"0.4\"}\n") == "kinerja.plan.schema");
    CHECK(bad("conventions: {pagu: [program]}\n") == "kinerja.plan.schema");
}

TEST_CASE("Pagu parts that sum beyond the exact range are no amount, not a throw", "[conventions][check]") {
    // 900,000,000,000,000,000 + 900,000,000,000,000,000 = 1.8e18, past decimal::max_units (999,999,999,999,999,999)
    const plan p = kinerja::parse_plan(head + R"(conventions: {indicator_pagu: parts}
nodes:
  - id: p-1
    level: program
    name: Program
    source: T
    budget: {end: "1"}
    indicators:
      - {source: T, id: i-a, name: A, budget: {2024: "900,000,000,000,000,000", 2025: "1"}}
      - {source: T, id: i-b, name: B, budget: {2024: "900,000,000,000,000,000", 2025: "1"}}
  - {source: T, id: k-1, level: kegiatan, name: K1, parent: p-1, budget: {2024: "5", 2025: "2"}}
)");
    std::vector<finding> found;
    REQUIRE_NOTHROW(found = check_plan(p));
    CHECK_NOTHROW(kinerja::infer_conventions(p));
    // 2025: 1 + 1 = 2, the activity's 2; 2024 cannot be summed, so nothing is compared
    CHECK(of_rule(found, "budget-rollup").empty());
}

TEST_CASE("A blank child of a level with no majority for pagu is not guessed to be a hole", "[conventions][check]") {
    // kegiatan: k-1 prints pagu, k-2 none in any year: 1 of 2 priced, not more than half
    const plan p = kinerja::parse_plan(head + R"(nodes:
  - {source: T, id: p-1, level: program, name: Program, budget: {2024: "300"}}
  - {source: T, id: k-1, level: kegiatan, name: K1, parent: p-1, budget: {2024: "300"}}
  - {source: T, id: k-2, level: kegiatan, name: K2, parent: p-1, budget: {2024: ""}}
)");
    CHECK_FALSE(kinerja::infer_conventions(p).carries_pagu(kinerja::node_level::kegiatan).has_value());
    CHECK(budget_findings(p).empty());  // 300 = 300, and k-2's blank is not judged
}

// Tanah Datar's RPJMD Lampiran I (tests/data/real/tanahdatar-iku-rpjmd-2011-2015.yaml) prints
// 25,00% and 6,67% (a decimal comma: Indonesian) and, for a count of children, 3.000: read in the
// table's convention that is three thousand, not three. A table whose cells disagree learns nothing.
TEST_CASE("An ambiguous number is read in the convention its table's other cells show", "[conventions][check]") {
    const std::string table = head + R"(nodes:
  - id: s-1
    level: sasaran
    name: S
    source: "Lampiran I"
    indicators:
      - {id: i-zakat, name: Persentase peningkatan zakat, source: "Lampiran I", targets: {2024: "25,00%", 2025: "6,67%"}}
      - {id: i-khatam, name: Jumlah anak yang khatam, polarity: higher, source: "Lampiran I", targets: {2024: "3.000", 2025: "3.500"}}
      - {id: i-other, name: Jumlah lain, polarity: higher, source: "Tabel X", targets: {2024: "1.500", 2025: "2.000"}}
)";
    const plan p = kinerja::parse_plan(table, "t.yaml");
    const kinerja::indicator& khatam = *p.find_indicator("i-khatam").second;
    REQUIRE(khatam.table_convention == kinerja::convention::indonesian);
    CHECK_FALSE(khatam.convention);  // nothing declared: learnt, and said so below
    const kinerja::value v = kinerja::read_value(khatam, khatam.targets.at(2024).front(), kinerja::plan_scales(p));
    CHECK(v.number == 3000.0);
    // Tabel X shows no convention in any cell: the plan's only table that shows one (Lampiran I)
    // stands for it (batch 12), so its 1.500 is one thousand five hundred; a plan whose tables
    // disagree, or none of which shows one, leaves it ambiguous (test_check_real.cpp)
    const kinerja::indicator& other = *p.find_indicator("i-other").second;
    CHECK(other.table_convention == kinerja::convention::indonesian);
    CHECK(kinerja::read_value(other, other.targets.at(2024).front(), kinerja::plan_scales(p)).number == 1500.0);
    CHECK(of_rule(check_plan(p), "unparsed-value").empty());
    // stated with the other conventions
    const kinerja::plan_conventions c = kinerja::infer_conventions(p);
    REQUIRE(c.number_tables.size() == 1);
    CHECK(c.number_tables[0].table == "Lampiran I");
    CHECK(c.number_tables[0].convention == kinerja::convention::indonesian);
    CHECK(c.number_tables[0].cells == 2);
    CHECK(c.lines().back() ==
          "ambiguous numbers (3.000) read by their table's convention: Lampiran I indonesian (2 cells); other tables "
          "indonesian too");
    // not learnt when not asked for (check does not ask: the indicators carry it from the load),
    // and the check still reads 3.000 as three thousand through the indicator
    const kinerja::plan_conventions bare =
        kinerja::infer_conventions(p, kinerja::convention_options{}.with_number_tables(false));
    CHECK(bare.number_tables.empty());
    CHECK(bare.numbers.value == c.numbers.value);

    // cells that disagree (25,00% and 1,234,567.5) teach nothing; the plan's declared numbers win
    std::string mixed = table;
    mixed.replace(mixed.find("\"6,67%\""), 7, "\"1,234,567.5\"");
    const plan q = kinerja::parse_plan(mixed, "t.yaml");
    CHECK_FALSE(q.find_indicator("i-khatam").second->table_convention);
    const plan r =
        kinerja::parse_plan(head + "conventions: {numbers: english}\n" + table.substr(head.size()), "t.yaml");
    CHECK(r.find_indicator("i-khatam").second->table_convention == kinerja::convention::english);
    CHECK(r.find_indicator("i-other").second->table_convention == kinerja::convention::english);
}
