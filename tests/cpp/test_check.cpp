// SPDX-License-Identifier: Apache-2.0
// Tests of check.hpp. On the bundled plan the expected findings are those worked by hand in
// docs/seed-findings.md (sections A-C, E); each sum is repeated in a comment. On the small
// fixtures under tests/data/plans/rules/ each rule fires exactly once, where the file's first
// line says, and tests/data/plans/clean.yaml triggers none.
#include <catch2/catch.hpp>

#include <kinerja/check.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::WithinAbs;
using kinerja::check_options;
using kinerja::check_plan;
using kinerja::end_of_period;
using kinerja::finding;
using kinerja::period_year;
using kinerja::plan;
using kinerja::severity;

namespace {

std::string fixture(const std::string& name) {
    std::string here = __FILE__;  // .../tests/cpp/test_check.cpp
    for (int i = 0; i < 2; ++i) here = here.substr(0, here.find_last_of("/\\"));
    return here + "/data/plans/" + name;
}

const plan& bundled() {
    static const plan p = kinerja::bundled_plan();
    return p;
}

const std::vector<finding>& bundled_findings() {
    static const std::vector<finding> all = check_plan(bundled());
    return all;
}

std::vector<finding> select(const std::vector<finding>& all, const std::string& rule, const std::string& node_id,
                            std::optional<period_year> year = std::nullopt) {
    std::vector<finding> out;
    for (const finding& f : all)
        if (f.rule == rule && f.node_id == node_id && (!year || f.year == year)) out.push_back(f);
    return out;
}

std::vector<finding> select_indicator(const std::vector<finding>& all, const std::string& rule,
                                      const std::string& indicator_id) {
    std::vector<finding> out;
    for (const finding& f : all)
        if (f.rule == rule && f.indicator == indicator_id) out.push_back(f);
    return out;
}

std::size_t count_rule(const std::vector<finding>& all, const std::string& rule) {
    return static_cast<std::size_t>(
        std::count_if(all.begin(), all.end(), [&](const finding& f) { return f.rule == rule; }));
}

// The one budget-rollup finding of a node in a year, checked against the sum worked by hand.
void expect_rollup(const std::string& node_id, period_year year, const std::string& printed, double printed_number,
                   double children_sum) {
    INFO(node_id << " " << year);
    const auto found = select(bundled_findings(), "budget-rollup", node_id, year);
    REQUIRE(found.size() == 1);
    const finding& f = found.front();
    CHECK(f.severity == severity::error);
    CHECK(f.actual == printed);
    REQUIRE(f.actual_number);
    CHECK_THAT(*f.actual_number, WithinAbs(printed_number, 0.5));
    REQUIRE(f.expected_number);
    CHECK_THAT(*f.expected_number, WithinAbs(children_sum, 0.5));
    CHECK(f.source == "Tabel 6.1");
    CHECK_THAT(f.location.file, EndsWith("bekasi-dpppa-2024-2026.yaml"));
    CHECK(f.location.line > 0);
    CHECK(f.indicator.empty());
}

void expect_no_budget_finding(const std::string& node_id, period_year year) {
    INFO(node_id << " " << year);
    CHECK(select(bundled_findings(), "budget-rollup", node_id, year).empty());
    CHECK(select(bundled_findings(), "budget-missing", node_id, year).empty());
}

}  // namespace

TEST_CASE("Programme 2.08.01's printed pagu fails its roll-up in every year", "[check]") {
    // 2024: 10,000,000 + 6,867,934,000 + 150,000,000 + 780,000,000 + 863,942,144 + 200,000,000
    //       + 287,000,000 = 9,158,876,144 vs printed 8,958,876,144 (the Pengadaan BMD activity left out)
    expect_rollup("p-2.08.01", 2024, "8,958,876,144", 8958876144.0, 9158876144.0);
    // 2025: 10,000,000 + 6,967,934,000 + 85,000,000 + 605,000,000 + 873,942,144 + (blank) + 355,000,000
    //       = 8,896,876,144 vs 7,032,576,000
    expect_rollup("p-2.08.01", 2025, "7,032,576,000", 7032576000.0, 8896876144.0);
    // 2026 and end: ... + 650,000,000 + 883,942,144 + (blank) + 355,000,000 = 8,951,876,144
    expect_rollup("p-2.08.01", 2026, "7,032,576,000", 7032576000.0, 8951876144.0);
    expect_rollup("p-2.08.01", end_of_period, "7,032,576,000", 7032576000.0, 8951876144.0);

    SECTION("the finding names the programme by its code and points at the printed 2024 pagu") {
        const finding f = select(bundled_findings(), "budget-rollup", "p-2.08.01", 2024).front();
        CHECK(f.node == "2.08.01");
        CHECK(f.rule == "budget-rollup");
        CHECK(f.expected == "9,158,876,144");
        // data/plans/bekasi-dpppa-2024-2026.yaml line 256 (252 before Tabel 5.1 added its source
        // label and the programme's aliases and supports above it):
        //     budget: {2024: "8,958,876,144", ...   -> the value starts at column 20
        CHECK(f.location.line == 256);
        CHECK(f.location.column == 20);
        CHECK_THAT(f.message, Contains("9,158,876,144"));
        CHECK_THAT(f.message, Contains("8,958,876,144"));
    }
}

TEST_CASE("Administrasi Umum 2.08.01.2.06 fails against its sub-activities every year", "[check]") {
    // 2024: 15,000,000 + 200,000,000 + 100,000,000 + 15,000,000 + 250,000,000 + 50,000,000
    //       + 200,000,000 + (blank) = 830,000,000 vs 780,000,000
    expect_rollup("k-2.08.01.2.06", 2024, "780,000,000", 780000000.0, 830000000.0);
    // 2025: 25,000,000 + 253,000,600 + 125,000,000 + 15,000,000 + 250,000,000 + 20,000,000
    //       + 215,000,000 + 75,000,000 = 978,000,600 vs 605,000,000
    expect_rollup("k-2.08.01.2.06", 2025, "605,000,000", 605000000.0, 978000600.0);
    // 2026/end: the SPBE row prints 275,000,000 instead of 250,000,000: 1,003,000,600 vs 650,000,000
    expect_rollup("k-2.08.01.2.06", 2026, "650,000,000", 650000000.0, 1003000600.0);
    expect_rollup("k-2.08.01.2.06", end_of_period, "650,000,000", 650000000.0, 1003000600.0);
}

TEST_CASE("Programme 2.08.02 fails in 2025 only, reading the mixed 3.830,000,000", "[check]") {
    // 250,000,000 + 487,000,000 + 4,862,220,800 = 5,599,220,800 vs 3.830,000,000 (= 3,830,000,000)
    expect_rollup("p-2.08.02", 2025, "3.830,000,000", 3830000000.0, 5599220800.0);
    // 2024: 400,000,000 + 300,000,000 + 3,000,000,000 = 3,700,000,000 HOLDS
    expect_no_budget_finding("p-2.08.02", 2024);
    // 2026/end: 450,000,000 + 350,000,000 + 3,150,000,000 = 3,950,000,000 = 3.950,000,000 HOLDS
    expect_no_budget_finding("p-2.08.02", 2026);
    expect_no_budget_finding("p-2.08.02", end_of_period);
}

TEST_CASE("Other failing Tabel 6.1 roll-ups of seed-findings A.1/A.2 are found", "[check]") {
    // k-2.08.07.2.02 2024: 800,000,000 + 100,000,000 = 900,000,000 vs 1,150,000,000
    expect_rollup("k-2.08.07.2.02", 2024, "1,150,000,000", 1150000000.0, 900000000.0);
    // p-2.08.03 2026/end: 180,000,000 + 300,000,000 + 428,275,400 = 908,275,400 vs 950,000,000
    expect_rollup("p-2.08.03", 2026, "950,000,000", 950000000.0, 908275400.0);
    expect_rollup("p-2.08.03", end_of_period, "950,000,000", 950000000.0, 908275400.0);
    // p-2.08.06 2025: 1,071,868,000 + 585,000,000 = 1,656,868,000 vs 1.071.868.000
    expect_rollup("p-2.08.06", 2025, "1.071.868.000", 1071868000.0, 1656868000.0);
    // k-2.08.01.2.01 2025: 200,000,000 + 4,000,000 = 204,000,000 vs 10,000,000
    expect_rollup("k-2.08.01.2.01", 2025, "10,000,000", 10000000.0, 204000000.0);
    // k-2.08.01.2.09 2026: 300,000,000 + 207,000,000 + 35,000,000 = 542,000,000 vs 355,000,000
    expect_rollup("k-2.08.01.2.09", 2026, "355,000,000", 355000000.0, 542000000.0);
}

TEST_CASE("Roll-ups that hold in Tabel 6.1 produce no finding", "[check]") {
    SECTION("p-2.08.07: 254,400,000 + 815,500,000 + 515,000,000 = 1,584,900,000 = 1,584.900.000 (2025-end)") {
        for (period_year y : std::initializer_list<period_year>{2024, 2025, 2026, end_of_period})
            expect_no_budget_finding("p-2.08.07", y);
    }
    SECTION(
        "k-2.08.02.2.03: 1,500,000,000 + 1,200,000,000 + 300,000,000 = 3,000,000,000 (2024), "
        "3,385,000,000 + 1,327,220,800 + 150,000,000 = 4,862,220,800 (2025)") {
        for (period_year y : std::initializer_list<period_year>{2024, 2025, 2026, end_of_period})
            expect_no_budget_finding("k-2.08.02.2.03", y);
    }
    SECTION("k-2.08.01.2.05: 75,000,000 + 75,000,000 = 150,000,000 (2024); - + 85.000.000 = 85.000.000,00") {
        for (period_year y : std::initializer_list<period_year>{2024, 2025, 2026, end_of_period})
            expect_no_budget_finding("k-2.08.01.2.05", y);
    }
    SECTION("k-2.08.01.2.02 2024: 6,857,934,000 + 10,000,000 = 6,867,934,000") {
        expect_no_budget_finding("k-2.08.01.2.02", 2024);
    }
    SECTION(
        "p-2.08.03 2024/2025: 100,000,000 + 450,000,000 + 220,000,000 = 770,000,000; "
        "75,000,000 + 300,000,000 + 428,275,400 = 803,275,400") {
        expect_no_budget_finding("p-2.08.03", 2024);
        expect_no_budget_finding("p-2.08.03", 2025);
    }
    SECTION("p-2.08.06 2024: 1,100,000,000 + 1,000,000,000 = 2,100,000,000") {
        expect_no_budget_finding("p-2.08.06", 2024);
    }
    SECTION("k-2.08.07.2.02 2025-end: 815,500,000 + (blank) = 815,500,000") {
        for (period_year y : std::initializer_list<period_year>{2025, 2026, end_of_period})
            expect_no_budget_finding("k-2.08.07.2.02", y);
    }
}

TEST_CASE("An activity without pagu whose sub-activities have one is budget-missing", "[check]") {
    // k-2.08.01.2.07 prints no pagu for 2025-end; its sub-activities print 50,412,000 + 150,000,000
    for (period_year y : std::initializer_list<period_year>{2025, 2026, end_of_period}) {
        INFO(y);
        const auto found = select(bundled_findings(), "budget-missing", "k-2.08.01.2.07", y);
        REQUIRE(found.size() == 1);
        CHECK(found.front().severity == severity::warning);
        REQUIRE(found.front().expected_number);
        CHECK_THAT(*found.front().expected_number, WithinAbs(200412000.0, 0.5));
        CHECK(found.front().expected == "200,412,000");
    }
    // 2024: 50,000,000 + 150,000,000 = 200,000,000 HOLDS
    expect_no_budget_finding("k-2.08.01.2.07", 2024);
}

TEST_CASE("Tabel 2.11: the JUMLAH of 2019 leaves out Program Pemberdayaan Perempuan, and every other roll-up holds",
          "[check]") {
    std::vector<finding> totals;
    for (const finding& f : bundled_findings())
        if (f.node_id == "total-2.11") totals.push_back(f);
    REQUIRE(totals.size() == 2);
    for (const finding& f : totals) {
        CHECK(f.rule == "budget-rollup");
        CHECK(f.severity == severity::error);
        REQUIRE(f.year);
        CHECK(*f.year == 2019);
        CHECK(f.source == "Tabel 2.11");
        REQUIRE(f.expected_number);
        REQUIRE(f.actual_number);
    }
    // anggaran: ten programme rows 1,420,782,000 + 193,042,500 + 290,000,000 + 300,000,000 + 127,148,000
    //   + 115,000,000 + 1,270,371,225 + 214,990,000 + 20,000,000 + 32,796,700 = 3,984,130,425 vs 2,563,348,425
    // realisasi: 954,145,300 + 193,042,500 + 272,418,000 + 270,300,000 + 126,890,500 + 111,000,000
    //   + 966,282,025 + 31,340,300 + 20,000,000 + 2,796,700 = 2,948,215,325 vs 1,994,070,025
    const finding& budget = totals[0].actual == "2,563,348,425" ? totals[0] : totals[1];
    const finding& realized = totals[0].actual == "2,563,348,425" ? totals[1] : totals[0];
    CHECK(budget.actual == "2,563,348,425");
    CHECK_THAT(*budget.expected_number, WithinAbs(3984130425.0, 0.5));
    CHECK_THAT(*budget.expected_number - *budget.actual_number, WithinAbs(1420782000.0, 0.5));
    CHECK(realized.actual == "1,994,070,025");
    CHECK_THAT(*realized.expected_number, WithinAbs(2948215325.0, 0.5));
    CHECK_THAT(*realized.expected_number - *realized.actual_number, WithinAbs(954145300.0, 0.5));
    // the `budget:` line of totals in the bundled plan (3299 before the 243 lines of Tabel 5.1)
    CHECK(budget.location.line == 3542);
    CHECK(realized.location.line == 3543);

    SECTION("seed-findings B.2: all programme and activity roll-ups of Tabel 2.11 hold") {
        for (const finding& f : bundled_findings()) {
            if (f.rule != "budget-rollup" && f.rule != "budget-missing") continue;
            INFO(f.node_id << " " << f.message);
            CHECK(f.node_id.rfind("h11-", 0) != 0);
        }
    }
}

TEST_CASE("Tabel 2.7: printed ratios that do not follow from target and realization are errors", "[check]") {
    struct expected_ratio {
        const char* indicator;
        int year;
        const char* printed;
        const char* expected;
    };
    const expected_ratio cases[] = {
        // 1 : 4.250 target, 1 : 4.347 realized: 4347 / 4250 = 1.022824 -> 1.02 (0.97 is t/r truncated)
        {"ind-h-s19-2-ktp", 2021, "0.97", "1.02"},
        // KLA Madya (2) -> Nindya (3): 3 / 2 = 1.50
        {"ind-h-s19-3-kla", 2020, "2.00", "1.50"},
        // lower is better, inverse: 0.040 / 0.024 = 1.666667 -> 1.67; 0.035 / 0.028 = 1.25; 0.030 / 0.029 = 1.0345
        // -> 1.03
        {"ind-h-s19-4-kta", 2019, "0.60", "1.67"},
        {"ind-h-s19-4-kta", 2020, "0.80", "1.25"},
        {"ind-h-s19-4-kta", 2021, "1.16", "1.03"},
    };
    for (const expected_ratio& c : cases) {
        SECTION(std::string(c.indicator) + " " + std::to_string(c.year)) {
            std::vector<finding> found;
            for (const finding& f : select_indicator(bundled_findings(), "reported-achievement", c.indicator))
                if (f.year == c.year && f.actual == c.printed) found.push_back(f);
            REQUIRE(found.size() == 1);
            const finding& f = found.front();
            CHECK(f.severity == severity::error);
            CHECK(f.expected == c.expected);
            CHECK(f.source == "Tabel 2.7");
            CHECK(f.location.line > 1944);  // in the history part of the bundled plan (from line 1944)
            CHECK_THAT(f.message, Contains(c.printed));
        }
    }
    SECTION("the printed 2.00 of KLA 2020 stands on line 2081 of the bundled plan") {
        const auto found = select_indicator(bundled_findings(), "reported-achievement", "ind-h-s19-3-kla");
        REQUIRE(found.size() == 1);
        CHECK(found.front().location.line == 2081);  // 1838 before the 243 lines of Tabel 5.1
        CHECK(found.front().node == "h-s19-3");      // a history node without a code is named by its id
    }
    SECTION(
        "Nilai AKIP 2019-2021 hold: 72.79/60 = 1.2132 -> 1.21, 74.39/65 = 1.1445 -> 1.14, 75.37/69 = 1.0923 -> 1.09") {
        CHECK(select_indicator(bundled_findings(), "reported-achievement", "ind-h-s19-5-akip").empty());
    }
    SECTION("Rasio KtP 2020 holds: 4545 / 4000 = 1.13625 -> 1.14") {
        for (const finding& f : select_indicator(bundled_findings(), "reported-achievement", "ind-h-s19-2-ktp"))
            CHECK(f.year != 2020);
    }
    SECTION("ARG 2020/2021 hold: 77.90/53.24 = 1.4632 -> 1.46; 84.14/53.24 = 1.5804 -> 1.58") {
        CHECK(select_indicator(bundled_findings(), "reported-achievement", "ind-ikk-arg").empty());
    }
}

TEST_CASE("Codes that do not extend their parent's and codes used twice are found", "[check]") {
    SECTION("code-hierarchy: seed-findings E.4 and E.5") {
        const auto a = select(bundled_findings(), "code-hierarchy", "sk-2.08.01.2.01-lap-capaian");
        REQUIRE(a.size() == 1);
        CHECK(a.front().node == "2.08.01.2.02.0005");
        CHECK(a.front().actual == "2.08.01.2.02.0005");
        CHECK_THAT(a.front().expected, Contains("2.08.01.2.01"));
        CHECK(a.front().source == "Tabel SK2026 row ii");
        CHECK(a.front().severity == severity::error);
        CHECK_FALSE(a.front().year);

        const auto b = select(bundled_findings(), "code-hierarchy", "sk-2.08.03.2.03.0005");
        REQUIRE(b.size() == 1);
        CHECK_THAT(b.front().expected, Contains("2.08.03.2.01"));
        CHECK(b.front().source == "Tabel SK2026 row xxv");

        const auto c = select(bundled_findings(), "code-hierarchy", "sk-2.08.03.2.02.0006");
        REQUIRE(c.size() == 1);
        CHECK_THAT(c.front().expected, Contains("2.08.03.2.03"));
        CHECK(c.front().source == "Tabel SK2026 row xxiii");

        CHECK(count_rule(bundled_findings(), "code-hierarchy") == 3);
    }
    SECTION("duplicate-code: 2.08.01.2.02.0005 (Laporan Capaian Kinerja and Laporan Keuangan, E.4)") {
        const auto d = select(bundled_findings(), "duplicate-code", "sk-2.08.01.2.02.0005");
        REQUIRE(d.size() == 1);
        CHECK(d.front().actual == "2.08.01.2.02.0005");
        CHECK(d.front().severity == severity::error);
        CHECK(d.front().location.line == 394);  // the second holder's code line (390 before Tabel 5.1)
        CHECK_THAT(d.front().message, Contains("sk-2.08.01.2.01-lap-capaian"));
        // E.2/E.3: the YAML takes Tabel SK2026's codes (…0005 Barang Cetak, …0011 SPBE), so the
        // Tabel 6.1 duplicates …0006 and …0009 survive only in code_printed and are not findings
        CHECK(count_rule(bundled_findings(), "duplicate-code") == 1);
    }
}

TEST_CASE("Units that differ between the versions of an indicator are found", "[check]") {
    const auto ktp = select_indicator(bundled_findings(), "unit-change", "ind-iku-ktp");
    REQUIRE(ktp.size() == 1);
    CHECK(ktp.front().expected == "Rasio");
    CHECK(ktp.front().actual == "Orang");
    CHECK(ktp.front().severity == severity::warning);
    CHECK_FALSE(ktp.front().year);
    CHECK(ktp.front().node == "s-2.2");
    CHECK_THAT(ktp.front().message, Contains("awal"));

    const auto kla = select_indicator(bundled_findings(), "unit-change", "ind-iku-kla");
    REQUIRE(kla.size() == 1);
    CHECK(kla.front().expected == "Nilai");
    CHECK(kla.front().actual == "Predikat");
}

TEST_CASE("Findings come ordered by their place in the plan file", "[check]") {
    const auto& all = bundled_findings();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 1; i < all.size(); ++i) {
        INFO(i);
        CHECK(std::make_pair(all[i - 1].location.line, all[i - 1].location.column) <=
              std::make_pair(all[i].location.line, all[i].location.column));
    }
}

TEST_CASE("check_options.rules keeps only the rules asked for, and an unknown rule is an argument_error", "[check]") {
    SECTION("budget-rollup only") {
        check_options o;
        o.rules = {"budget-rollup"};
        const auto some = check_plan(bundled(), o);
        REQUIRE_FALSE(some.empty());
        for (const finding& f : some) CHECK(f.rule == "budget-rollup");
        CHECK(some.size() == count_rule(bundled_findings(), "budget-rollup"));
    }
    SECTION("two rules") {
        check_options o;
        o.rules = {"code-hierarchy", "duplicate-code"};
        const auto some = check_plan(bundled(), o);
        CHECK(some.size() == 4);  // 3 code-hierarchy + 1 duplicate-code
    }
    SECTION("history excluded") {
        check_options o;
        o.rules = {"reported-achievement"};
        o.include_history = false;
        CHECK(check_plan(bundled(), o).empty());  // Tabel 2.7 lives in the history
        o.include_history = true;
        CHECK(check_plan(bundled(), o).size() == 5);
    }
    SECTION("an unknown rule id") {
        check_options o;
        o.rules = {"budget-rolup"};
        try {
            (void)check_plan(bundled(), o);
            FAIL("no error");
        } catch (const kinerja::argument_error& e) {
            CHECK(e.id() == "kinerja.argument.rule");
            CHECK_THAT(std::string(e.what()), Contains("budget-rolup"));
            CHECK_THAT(std::string(e.what()), Contains("budget-rollup"));
        }
    }
    SECTION("the rule list") {
        std::vector<std::string> rules;
        for (const auto& r : kinerja::check_rules()) rules.push_back(r.id);
        CHECK(rules == std::vector<std::string>{"budget-rollup",
                                                "budget-missing",
                                                "budget-end",
                                                "budget-incomplete",
                                                "budget-indicator-rows",
                                                "reported-achievement",
                                                "reported-absorption",
                                                "code-hierarchy",
                                                "duplicate-code",
                                                "orphan",
                                                "unit-change",
                                                "target-direction",
                                                "unparsed-value",
                                                "grade-score",
                                                "catalog-reference",
                                                "negative-amount",
                                                "rounding-rule",
                                                "scale-jump",
                                                "achievement-without-realization",
                                                "share-above-100",
                                                "budget-target",
                                                "unknown-unit",
                                                "placeholder",
                                                "spreadsheet-error",
                                                "target-end",
                                                "ratio-mismatch",
                                                "source-conflict",
                                                "method-mix",
                                                "growth-range",
                                                "total-mismatch",
                                                "index-formula",
                                                "duplicate-row",
                                                "strategy-level",
                                                "programme-without-policy",
                                                "sasaran-without-strategy",
                                                "strategy-without-programme",
                                                "policy-without-programme",
                                                "strategy-unlinked",

                                                "annual-target-mismatch",
                                                "evidence-missing",
                                                "verified-value-changed",
                                                "verification-transition",
                                                "verification-time"});
    }
}

TEST_CASE("A clean plan has no finding, and the small fixture only its version's unit change", "[check]") {
    CHECK(check_plan(kinerja::load_plan(fixture("clean.yaml"))).empty());

    const plan small = kinerja::load_plan(fixture("valid-small.yaml"));
    const auto found = check_plan(small);
    REQUIRE(found.size() == 1);
    CHECK(found.front().rule == "unit-change");
    CHECK(found.front().indicator == "ind-s-1");
    CHECK(found.front().expected == "Persen");
    CHECK(found.front().actual == "Orang");
    // `          - {id: ind-s-1, unit: Orang, ...}` is line 120; "Orang" starts at column 33
    CHECK(found.front().location.line == 120);
    CHECK(found.front().location.column == 33);

    SECTION("in version awal the removed sub-activity leaves its activity's pagu unexplained") {
        // awal keeps only sk-...0001 under k-2.08.03.2.01: 400,000,000 vs printed 600,000,000 (2024),
        // 450,000,000 vs 650,000,000 (2025), 500,000,000 vs 700,000,000 (2026, end)
        const auto awal = check_plan(small.version("awal"));
        const auto rollups = select(awal, "budget-rollup", "k-2.08.03.2.01");
        REQUIRE(rollups.size() == 4);
        CHECK_THAT(*rollups[0].expected_number, WithinAbs(400000000.0, 0.5));
        CHECK(rollups[0].actual == "600,000,000");
        CHECK(count_rule(awal, "budget-rollup") == 4);
    }
}

TEST_CASE("Each rule fires exactly where a minimal plan triggers it", "[check]") {
    struct expectation {
        const char* rule;
        severity level;
        const char* node;  // finding.node (code, or id without code)
        const char* indicator;
        std::optional<period_year> year;
        const char* expected;
        const char* actual;
        int line;
        const char* source;
    };
    const expectation cases[] = {
        // p-2.08.03 2024: 100,000,000 + 150,000,000 = 250,000,000 vs 300,000,000
        {"budget-rollup", severity::error, "2.08.03", "", 2024, "250,000,000", "300,000,000", 24, "Tabel 6.1"},
        // p-2.08.03 has no 2024 pagu; its activity has 100,000,000 (the finding points at the programme)
        {"budget-missing", severity::warning, "2.08.03", "", 2024, "100,000,000", "", 17, "Tabel 6.1"},
        // objective s-2 has no programme
        {"orphan", severity::warning, "s-2", "", std::nullopt, "", "", 23, "Tabel 6.1"},
        // higher is better, 95% (2024) -> 90% (2025)
        {"target-direction", severity::warning, "s-1", "ind-s-1", 2025, "at least 95%", "90%", 16, "Tabel 7.3"},
        // "5 Dokumen 3 Orang": two quantities in one cell
        {"unparsed-value", severity::warning, "2.08.03", "ind-p-2.08.03", 2025, "", "5 Dokumen 3 Orang", 30,
         "Tabel 6.1"},
        // "5 Dokume n": a word nobody declared, nearest Dokumen (the finding stands at the first cell)
        {"unknown-unit", severity::info, "2.08.03", "ind-p-2.08.03", std::nullopt, "Dokumen", "Dokume n", 30,
         "Tabel 6.1"},
        // "Belum diisi" (2025) and "n.a" (2026): 2 cells, one finding at the first
        {"placeholder", severity::info, "2.08.03", "ind-p-2.08.03", 2025, "", "2", 30, "Tabel 6.1"},
        // "#DIV/0!" in 2025
        {"spreadsheet-error", severity::error, "2.08.03", "ind-p-2.08.03", 2025, "", "#DIV/0!", 30, "Tabel 6.1"},
        // BB (95): 95 lies in AA (90, 100]
        {"grade-score", severity::warning, "s-1", "ind-s-1", 2025, "AA", "BB", 16, "Tabel 7.3"},
        // 50,000,000 / 100,000,000 = 0.50, printed 0.60
        {"reported-absorption", severity::warning, "h-p-1", "", 2022, "0.50", "0.60", 31, "Tabel 2.11"},
        // 93.60 / 90 = 1.04, printed 1.10
        {"reported-achievement", severity::error, "h-s-1", "ind-h-s-1", 2022, "1.04", "1.10", 38, "Tabel 2.7"},
        // 2.08.02.2.01 under 2.08.03
        {"code-hierarchy", severity::error, "2.08.02.2.01", "", std::nullopt, "2.08.03.…", "2.08.02.2.01", 25,
         "Tabel 6.1"},
        // 2.08.03.2.01 twice: reported at the second holder (k-b, code on line 31)
        {"duplicate-code", severity::error, "2.08.03.2.01", "", std::nullopt, "", "2.08.03.2.01", 31, "Tabel 6.1"},
        // a pagu of -5,000,000 in 2022
        {"negative-amount", severity::error, "h-p-1", "", 2022, "0 or more", "-5,000,000", 29, "Tabel 2.11"},
        // 40 Orang for an indicator counted in Dokumen
        {"unit-change", severity::warning, "2.08.03", "ind-p-2.08.03", 2025, "Dokumen", "Orang", 30, "Tabel 6.1"},
    };
    for (const expectation& c : cases) {
        SECTION(c.rule) {
            const std::string path = fixture(std::string("rules/") + c.rule + ".yaml");
            const plan p = kinerja::load_plan(path);
            const auto found = check_plan(p);
            REQUIRE(found.size() == 1);
            const finding& f = found.front();
            CHECK(f.rule == c.rule);
            CHECK(f.severity == c.level);
            CHECK(f.node == c.node);
            CHECK(f.indicator == c.indicator);
            CHECK(f.year == c.year);
            CHECK(f.expected == c.expected);
            CHECK(f.actual == c.actual);
            CHECK(f.location.file == path);
            CHECK(f.location.line == c.line);
            CHECK(f.source == c.source);
            CHECK_FALSE(f.message.empty());

            // the rule filter: asking for another rule finds nothing
            check_options other;
            other.rules = {std::string(c.rule) == "orphan" ? "budget-rollup" : "orphan"};
            CHECK(check_plan(p, other).empty());
            check_options same;
            same.rules = {c.rule};
            CHECK(check_plan(p, same).size() == 1);
        }
    }
}

TEST_CASE("An objective without indicators is an orphan too", "[check]") {
    // the table prints objectives' indicators (s-2's), so an objective of it without any is an
    // orphan (a table that prints none for any objective is not judged: test_check_real_rules.cpp,
    // test_check_real.cpp)
    const plan p = kinerja::parse_plan(
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
        "nodes:\n"
        "  - {id: s-1, level: sasaran, name: Sasaran, source: \"Tabel 6.1\"}\n"
        "  - {id: p-1, level: program, name: Program, parent: s-1, source: \"Tabel 6.1\", indicators: [{id: i-1, "
        "name: I, source: \"Tabel 6.1\"}]}\n"
        "  - {id: p-2, level: program, name: Program tanpa sasaran, source: \"Tabel 6.1\"}\n"
        "  - {id: s-2, level: sasaran, name: Sasaran dua, source: \"Tabel 6.1\", indicators: [{id: i-2, name: J, "
        "source: \"Tabel 6.1\"}]}\n"
        "  - {id: p-3, level: program, name: Program tiga, parent: s-2, source: \"Tabel 6.1\", indicators: [{id: "
        "i-3, name: K, source: \"Tabel 6.1\"}]}\n",
        "orphans.yaml");
    const auto found = check_plan(p);
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule == "orphan");
    CHECK(found[0].node == "s-1");
    CHECK_THAT(found[0].message, Contains("has no indicators"));
    CHECK(found[0].location.line == 4);
    CHECK(found[1].rule == "orphan");
    CHECK(found[1].node == "p-2");
    CHECK_THAT(found[1].message, Contains("linked to no objective"));
    CHECK(found[1].location.line == 6);
}

TEST_CASE("Roll-ups within the tolerance agree, beyond it they do not", "[check]") {
    const std::string text =
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
        "nodes:\n"
        "  - {id: p-1, level: program, name: P, source: \"Tabel 2.11\", budget: {2024: \"100.000.000,40\"}}\n"
        "  - {id: k-1, level: kegiatan, name: K, parent: p-1, source: \"Tabel 2.11\", budget: {2024: "
        "\"100,000,000\"}}\n";
    check_options o;
    o.rules = {"budget-rollup"};
    // 100,000,000.40 vs 100,000,000: a difference of 0.40 Rupiah, within the default 0.5
    CHECK(check_plan(kinerja::parse_plan(text), o).empty());
    o.budget_tolerance = 0.1;
    CHECK(check_plan(kinerja::parse_plan(text), o).size() == 1);
}

// Regression (issue 13, defect 9): pagu were summed as doubles, which hold 9.007.199.254.740.993
// (2^53 + 1) as ...992: a parent of ...994 over children ...993 and 1 was flagged (the double
// sum is ...992), and a parent of ...993 over the same children passed. Sums are now exact.
TEST_CASE("Budget roll-ups beyond 2^53 are summed exactly", "[check]") {
    auto plan_with = [](const std::string& parent) {
        return kinerja::parse_plan(
            "kinerja_plan: 1\n"
            "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
            "nodes:\n"
            "  - {id: p-1, level: program, name: P, source: \"Tabel 2.11\", budget: {2024: \"Rp " +
                parent +
                "\"}}\n"
                "  - {id: k-1, level: kegiatan, name: K1, parent: p-1, source: \"Tabel 2.11\", budget: {2024: \"Rp "
                "9.007.199.254.740.993\"}}\n"
                "  - {id: k-2, level: kegiatan, name: K2, parent: p-1, source: \"Tabel 2.11\", budget: {2024: \"Rp "
                "1\"}}\n",
            "exact.yaml");
    };
    check_options o;
    o.rules = {"budget-rollup"};
    // 9,007,199,254,740,993 + 1 = 9,007,199,254,740,994: no finding
    CHECK(check_plan(plan_with("9.007.199.254.740.994"), o).empty());
    // the parent prints ...993: one Rupiah short of its children
    const auto found = check_plan(plan_with("9.007.199.254.740.993"), o);
    REQUIRE(found.size() == 1);
    CHECK(found[0].expected == "9,007,199,254,740,994");
    CHECK_THAT(found[0].message, Contains("children sum to 9,007,199,254,740,994 (9,007,199,254,740,993 + 1)"));
    CHECK_THAT(found[0].message, Contains("a difference of -1"));
}
