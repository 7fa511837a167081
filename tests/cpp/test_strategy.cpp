// SPDX-License-Identifier: Apache-2.0
// Tests of issue 14 item 1: the strategy layer of a Renstra (Tabel 5.1): the levels strategi and
// arah_kebijakan, the many-to-many links through `supports` (strategy.hpp), their round trip, the
// checks strategy-level, programme-without-policy, sasaran-without-strategy,
// strategy-without-programme, policy-without-programme and strategy-unlinked, and the bundled
// plan's Tabel 5.1. Every expected value is worked by hand in the comment beside it.
#include <catch2/catch.hpp>

#include <kinerja/check.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/strategy.hpp>

#include "support.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::check_options;
using kinerja::check_plan;
using kinerja::finding;
using kinerja::node_level;
using kinerja::plan;
using kinerja::severity;

namespace {

const std::string head =
    "kinerja_plan: 1\n"
    "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n";

plan parse(const std::string& body) { return kinerja::parse_plan(head + body, "inline.yaml"); }

const std::vector<std::string> strategy_rules = {"strategy-level",           "programme-without-policy",
                                                 "sasaran-without-strategy", "strategy-without-programme",
                                                 "policy-without-programme", "strategy-unlinked"};

std::vector<finding> only(const plan& p, const std::string& rule) {
    check_options o;
    o.rules = {rule};
    return check_plan(p, o);
}

std::vector<finding> strategy_findings(const plan& p) {
    check_options o;
    o.rules.insert(strategy_rules.begin(), strategy_rules.end());
    return check_plan(p, o);
}

std::vector<std::string> node_ids(const std::vector<finding>& fs) {
    std::vector<std::string> out;
    for (const finding& f : fs) out.push_back(f.node_id);
    return out;
}

// A tujuan, a sasaran, one programme serving one policy direction that carries out one strategy
// serving the sasaran: the smallest complete Tabel 5.1.
const std::string complete =
    "nodes:\n"
    "  - {id: t-1, level: tujuan, name: Tujuan, source: T61}\n"
    "  - {id: s-1, level: sasaran, name: Sasaran, parent: t-1, source: T61}\n"
    "  - {id: p-1, level: program, code: \"2.08.01\", name: Program, parent: s-1, supports: [ak-1], source: T61,\n"
    "     budget: {2024: \"100\"}}\n"
    "  - {id: str-1, level: strategi, name: Strategi satu, supports: [s-1], source: T51}\n"
    "  - {id: ak-1, level: arah_kebijakan, name: Kebijakan satu, supports: [str-1], source: T51}\n";

}  // namespace

TEST_CASE("strategi and arah_kebijakan are levels: names, CSV spellings, YAML round trip", "[strategy]") {
    CHECK(kinerja::to_string(node_level::strategi) == "strategi");
    CHECK(kinerja::to_string(node_level::arah_kebijakan) == "arah_kebijakan");
    CHECK(kinerja::node_level_from_string("STRATEGI") == node_level::strategi);
    CHECK(kinerja::node_level_from_string("arah_kebijakan") == node_level::arah_kebijakan);
    // the levels stand between the agency's sasaran and its programmes
    CHECK(node_level::sasaran < node_level::strategi);
    CHECK(node_level::strategi < node_level::arah_kebijakan);
    CHECK(node_level::arah_kebijakan < node_level::program);

    const plan p = parse(complete);
    CHECK(p.find_node("ak-1")->level == node_level::arah_kebijakan);
    const std::string yaml = kinerja::to_yaml(p);
    CHECK_THAT(yaml, Contains("level: strategi"));
    CHECK_THAT(yaml, Contains("level: arah_kebijakan"));
    const plan again = kinerja::parse_plan(yaml);
    CHECK(again == p);
    CHECK(kinerja::strategy_links(again) == kinerja::strategy_links(p));
    CHECK(kinerja::strategy_matrix(again) == kinerja::strategy_matrix(p));

    // a CSV table names the levels as people write them: "Arah Kebijakan", "Strategi"
    const plan csv = kinerja::parse_plan_csv(
        "node_id,level,name,year,source\n"
        "s-1,sasaran,S,2024,T\n"
        "str-1,Strategi,Strategi satu,,T51\n"
        "ak-1,Arah Kebijakan,Kebijakan satu,,T51\n",
        "t51.csv");
    CHECK(csv.find_node("str-1")->level == node_level::strategi);
    CHECK(csv.find_node("ak-1")->level == node_level::arah_kebijakan);
}

TEST_CASE("strategy_links and strategy_matrix read the links many-to-many", "[strategy]") {
    // two sasaran; str-1 serves both, str-2 serves s-2; ak-1 carries out str-1 and str-2, ak-2
    // carries out str-2; p-1 serves ak-1, p-2 serves ak-1 and ak-2
    const plan p = parse(
        "nodes:\n"
        "  - {id: t-1, level: tujuan, name: T, source: T61}\n"
        "  - {id: s-1, level: sasaran, name: S1, parent: t-1, source: T61}\n"
        "  - {id: s-2, level: sasaran, name: S2, parent: t-1, source: T61}\n"
        "  - {id: p-1, level: program, name: P1, parent: s-1, supports: [ak-1], source: T61}\n"
        "  - {id: p-2, level: program, name: P2, parent: s-2, supports: [ak-2, ak-1], source: T61}\n"
        "  - {id: str-1, level: strategi, name: Str1, supports: [s-1, s-2], source: T51}\n"
        "  - {id: str-2, level: strategi, name: Str2, supports: [s-2], source: T51}\n"
        "  - {id: ak-1, level: arah_kebijakan, name: Ak1, supports: [str-1, str-2], source: T51}\n"
        "  - {id: ak-2, level: arah_kebijakan, name: Ak2, supports: [str-2], source: T51}\n");
    const auto links = kinerja::strategy_links(p);
    // file order of the supporting nodes: p-1 (1 link), p-2 (2), str-1 (2), str-2 (1), ak-1 (2),
    // ak-2 (1): 9 links
    REQUIRE(links.size() == 9);
    CHECK(links[0].from == "p-1");
    CHECK(links[0].to == "ak-1");
    CHECK(links[0].from_level == node_level::program);
    CHECK(links[0].to_level == node_level::arah_kebijakan);
    CHECK(links[1].to == "ak-2");  // p-2's list in its own order
    CHECK(links[2].to == "ak-1");
    CHECK(links[3].from == "str-1");
    CHECK(links[3].to_level == node_level::sasaran);
    CHECK(links[8].from == "ak-2");
    CHECK(links[8].to == "str-2");

    const auto m = kinerja::strategy_matrix(p);
    REQUIRE(m.size() == 2);
    // s-1: served by str-1; str-1 is carried out by ak-1 only; ak-1 is served by p-1 and p-2
    CHECK(m[0].tujuan == "t-1");
    CHECK(m[0].sasaran == "s-1");
    CHECK(m[0].strategies == std::vector<std::string>{"str-1"});
    CHECK(m[0].policies == std::vector<std::string>{"ak-1"});
    CHECK(m[0].programmes == std::vector<std::string>{"p-1", "p-2"});
    // s-2: str-1 and str-2; ak-1 (both) and ak-2 (str-2); p-1 (ak-1) and p-2 (both), each once
    CHECK(m[1].strategies == std::vector<std::string>{"str-1", "str-2"});
    CHECK(m[1].policies == std::vector<std::string>{"ak-1", "ak-2"});
    CHECK(m[1].programmes == std::vector<std::string>{"p-1", "p-2"});
    CHECK(kinerja::parse_plan(kinerja::to_yaml(p)) == p);
    CHECK(strategy_findings(p).empty());

    // a plan without the layer has no matrix, and supports links elsewhere are not links of it
    const plan plain = parse(
        "nodes:\n"
        "  - {id: s-1, level: sasaran, name: S1, source: T61}\n"
        "  - {id: p-1, level: program, name: P1, parent: s-1, supports: [s-1], source: T61}\n");
    CHECK_FALSE(kinerja::has_strategy_layer(plain));
    CHECK(kinerja::strategy_matrix(plain).empty());
    CHECK(kinerja::strategy_links(plain).empty());
}

TEST_CASE("A complete Tabel 5.1 gives no finding of any rule about its strategy nodes", "[strategy][check]") {
    const plan p = parse(complete);
    CHECK(strategy_findings(p).empty());
    // nor does any other rule (budget, orphan, duplicate-code ...) fire on a strategi or policy
    for (const finding& f : check_plan(p)) {
        INFO(f.rule << ": " << f.message);
        CHECK(f.node_id != "str-1");
        CHECK(f.node_id != "ak-1");
    }
}

TEST_CASE("The gap rules: each fires on its gap and on nothing else", "[strategy][check]") {
    SECTION("programme-without-policy") {
        // p-2 serves no policy direction: 1 finding, at p-2
        const plan p = parse(complete +
                             "  - {id: p-2, level: program, code: \"2.08.02\", name: Program dua, parent: s-1, "
                             "source: T61}\n");
        const auto fs = only(p, "programme-without-policy");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].node_id == "p-2");
        CHECK(fs[0].severity == severity::warning);
        CHECK_THAT(fs[0].message, Contains("serves no arah_kebijakan"));
        CHECK(node_ids(strategy_findings(p)) == std::vector<std::string>{"p-2"});
    }
    SECTION("sasaran-without-strategy") {
        // s-2 has a programme that serves ak-1, but no strategi supports s-2
        const plan p = parse(complete +
                             "  - {id: s-2, level: sasaran, name: Sasaran dua, parent: t-1, source: T61}\n"
                             "  - {id: p-2, level: program, name: Program dua, parent: s-2, supports: [ak-1], "
                             "source: T61}\n");
        const auto fs = only(p, "sasaran-without-strategy");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].node_id == "s-2");
        CHECK(node_ids(strategy_findings(p)) == std::vector<std::string>{"s-2"});
    }
    SECTION("strategy-without-programme and policy-without-programme") {
        // str-2: no policy at all; str-3: its policy ak-3 is served by no programme
        const plan p = parse(complete +
                             "  - {id: str-2, level: strategi, name: Strategi dua, supports: [s-1], source: T51}\n"
                             "  - {id: str-3, level: strategi, name: Strategi tiga, supports: [s-1], source: T51}\n"
                             "  - {id: ak-3, level: arah_kebijakan, name: Kebijakan tiga, supports: [str-3], "
                             "source: T51}\n");
        const auto fs = only(p, "strategy-without-programme");
        REQUIRE(fs.size() == 2);
        CHECK(fs[0].node_id == "str-2");
        CHECK_THAT(fs[0].message, Contains("no arah_kebijakan supports it"));
        CHECK(fs[1].node_id == "str-3");
        CHECK_THAT(fs[1].message, Contains("no program supports its arah_kebijakan (ak-3)"));
        const auto ps = only(p, "policy-without-programme");
        REQUIRE(ps.size() == 1);
        CHECK(ps[0].node_id == "ak-3");
        CHECK(strategy_findings(p).size() == 3);
    }
    SECTION("strategy-unlinked") {
        const plan p = parse(complete +
                             "  - {id: str-2, level: strategi, name: Strategi dua, source: T51}\n"
                             "  - {id: ak-2, level: arah_kebijakan, name: Kebijakan dua, source: T51}\n");
        const auto fs = only(p, "strategy-unlinked");
        REQUIRE(fs.size() == 2);
        CHECK(fs[0].node_id == "str-2");
        CHECK_THAT(fs[0].message, Contains("supports no sasaran"));
        CHECK(fs[1].node_id == "ak-2");
        CHECK_THAT(fs[1].message, Contains("supports no strategi"));
    }
    SECTION("a plan without strategi or arah_kebijakan nodes is not judged") {
        // the same programme without a policy, the same sasaran without a strategy: no finding
        const plan p = parse(
            "nodes:\n"
            "  - {id: t-1, level: tujuan, name: Tujuan, source: T61}\n"
            "  - {id: s-1, level: sasaran, name: Sasaran, parent: t-1, source: T61}\n"
            "  - {id: p-1, level: program, name: Program, parent: s-1, source: T61}\n");
        CHECK(strategy_findings(p).empty());
    }
}

TEST_CASE("strategy-level: a link of the layer to a node of the wrong level is an error", "[strategy][check]") {
    // each line adds one wrong link to the complete plan
    const std::vector<std::pair<std::string, std::string>> cases = {
        // a strategi supports a programme, not a sasaran
        {"  - {id: str-2, level: strategi, name: S2, supports: [p-1], source: T51}\n", "str-2"},
        // an arah_kebijakan supports a sasaran, not a strategi
        {"  - {id: ak-2, level: arah_kebijakan, name: K2, supports: [s-1, str-1], source: T51}\n", "ak-2"},
        // a programme supports a strategi directly (only a policy direction carries one out)
        {"  - {id: p-2, level: program, name: P2, parent: s-1, supports: [ak-1, str-1], source: T61}\n", "p-2"},
        // an activity serves a policy direction (only a programme does)
        {"  - {id: k-1, level: kegiatan, name: K, parent: p-1, supports: [ak-1], source: T61}\n", "k-1"},
        // a strategi hung under its sasaran by parent instead of supports
        {"  - {id: str-2, level: strategi, name: S2, parent: s-1, supports: [s-1], source: T51}\n", "str-2"},
        // a strategi supports an indicator
        {"  - {id: str-2, level: strategi, name: S2, supports: [s-1, ind-1], source: T51}\n"
         "  - {id: s-9, level: sasaran, name: S9, parent: t-1, source: T61, indicators: [{id: ind-1, name: I, source: "
         "T61}]}\n",
         "str-2"},
    };
    for (const auto& [line, culprit] : cases) {
        INFO(line);
        const plan p = parse(complete + line);
        const auto fs = only(p, "strategy-level");
        REQUIRE(fs.size() == 1);
        CHECK(fs[0].node_id == culprit);
        CHECK(fs[0].severity == severity::error);
    }
    const auto fs = only(parse(complete + cases[0].first), "strategy-level");
    CHECK_THAT(fs[0].message, Contains("supports program 2.08.01 \"Program\"; a strategi supports a sasaran"));
    CHECK(fs[0].expected == "sasaran or sasaran_rpd");
    CHECK(fs[0].actual == "program");
    // the rule is not gated: a programme supporting a strategi is wrong in any plan
    CHECK(only(parse(complete), "strategy-level").empty());
}

TEST_CASE("The bundled plan carries Tabel 5.1 of the seed", "[strategy][bundled]") {
    static const plan p = kinerja::bundled_plan();
    std::map<node_level, int> count;
    for (const auto& n : p.nodes) count[n.level]++;
    // seed lines 1591-1607: strategies 6 + (2 + 1) + 7 + (1 + 3) + (4 + 2) = 26, policies
    // 4 + (2 + 1) + 3 + (1 + 3) + (4 + 1) = 19 (page continuations in parentheses)
    CHECK(count[node_level::strategi] == 26);
    CHECK(count[node_level::arah_kebijakan] == 19);
    for (const auto& n : p.nodes)
        if (n.level == node_level::strategi || n.level == node_level::arah_kebijakan) {
            CHECK(n.source == "Tabel 5.1");
            CHECK(n.parent.empty());
        }
    CHECK(p.find_node("str-1.1-1")->name ==
          "Meningkatkan Mutu Penyelenggaraan Kinerja DPPPA Kota Bekasi Menuju Tertib Administrasi Dalam "
          "Penyelenggaraan Pemerintahan");
    // the two items of seed line 1607 printed without a space before the dash ("; dan- Memulihkan")
    CHECK(p.find_node("str-2.4-5")->name ==
          "Meningkatkan pemantauan dan evaluasi untuk memastikan hasil dari pelaksanaan perlindungan terhadap anak "
          "korban kekerasan; dan");
    CHECK(p.find_node("str-2.4-6")->name == "Memulihkan anak korban tindak kekerasan untuk reintegrasi sosial");
    // Tabel 5.1's own spelling of a programme that Tabel 6.1 names "Program Pemenuhan Hak Anak (PHA)"
    const auto& aliases = p.find_node("p-2.08.06")->aliases;
    REQUIRE(aliases.size() == 1);
    CHECK(aliases[0].text == "Program Pemenuhan Hak Anak");
    CHECK(aliases[0].source == "Tabel 5.1");

    const auto m = kinerja::strategy_matrix(p);
    REQUIRE(m.size() == 5);  // the five agency sasaran; the two regional ones are served by no strategy
    struct expected_row {
        const char *tujuan, *sasaran;
        std::size_t strategies, policies;
        const char* programme;
    };
    const expected_row rows[] = {{"t-1", "s-1.1", 6, 4, "p-2.08.01"},
                                 {"t-2", "s-2.1", 3, 3, "p-2.08.02"},
                                 {"t-2", "s-2.2", 7, 3, "p-2.08.03"},
                                 {"t-2", "s-2.3", 4, 4, "p-2.08.06"},
                                 {"t-2", "s-2.4", 6, 5, "p-2.08.07"}};
    for (std::size_t i = 0; i < 5; ++i) {
        INFO(rows[i].sasaran);
        CHECK(m[i].tujuan == rows[i].tujuan);
        CHECK(m[i].sasaran == rows[i].sasaran);
        CHECK(m[i].strategies.size() == rows[i].strategies);
        CHECK(m[i].policies.size() == rows[i].policies);
        CHECK(m[i].programmes == std::vector<std::string>{rows[i].programme});
    }
    // links: 26 strategi -> sasaran; each policy to every strategy of its row:
    // 4x6 + 3x3 + 3x7 + 4x4 + 5x6 = 24 + 9 + 21 + 16 + 30 = 100; 19 programme -> policy: 145
    CHECK(kinerja::strategy_links(p).size() == 145);
    // the table is complete against the cascade: every agency sasaran has a strategy, every
    // programme a policy, every strategy and policy a programme; no link of a wrong level
    CHECK(strategy_findings(p).empty());
    CHECK(kinerja::parse_plan(kinerja::to_yaml(p)) == p);
}

TEST_CASE("A CSV table carries the links in its supports column", "[strategy][csv]") {
    // the same complete Tabel 5.1 as a table; the programme's policies are given once, on its
    // first row, and the ids are separated by semicolons and spaces
    const plan p = kinerja::parse_plan_csv(
        "node_id,level,name,parent,supports,year,budget,source\n"
        "t-1,tujuan,Tujuan,,,,,T61\n"
        "s-1,sasaran,Sasaran,t-1,,,,T61\n"
        "p-1,program,Program,s-1,ak-1; ak-2,2024,100,T61\n"
        "p-1,,,,,2025,100,T61\n"
        "str-1,strategi,Strategi satu,,s-1,,,T51\n"
        "ak-1,Arah Kebijakan,Kebijakan satu,,str-1,,,T51\n"
        "ak-2,arah_kebijakan,Kebijakan dua,,str-1,,,T51\n",
        "t51.csv");
    CHECK(p.find_node("p-1")->supports == std::vector<std::string>{"ak-1", "ak-2"});
    CHECK(p.find_node("ak-1")->level == node_level::arah_kebijakan);
    const auto m = kinerja::strategy_matrix(p);
    REQUIRE(m.size() == 1);
    CHECK(m[0].strategies == std::vector<std::string>{"str-1"});
    CHECK(m[0].policies == std::vector<std::string>{"ak-1", "ak-2"});
    CHECK(m[0].programmes == std::vector<std::string>{"p-1"});
    CHECK(strategy_findings(p).empty());
    // as a plan file it reads back equal
    CHECK(kinerja::parse_plan(kinerja::to_yaml(p)) == p);

    // an id that is not in the table is an error at its cell (line 2, at the supports cell)
    const auto e = kinerja_test::thrown<kinerja::file_error>([] {
        kinerja::parse_plan_csv(
            "node_id,level,name,supports,year,source\n"
            "str-1,strategi,S,s-9,2024,T51\n",
            "bad.csv");
    });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.reference");
    CHECK(e->line() == 2);
    CHECK(e->column() == 18);  // "str-1,strategi,S," is 17 characters: the cell starts at 18
    CHECK_THAT(e->what(), Contains("s-9"));
    // repeats of the cell must agree, as every attribute's
    const auto d = kinerja_test::thrown<kinerja::file_error>([] {
        kinerja::parse_plan_csv(
            "node_id,level,name,supports,year,source\n"
            "s-1,sasaran,S,,,T\n"
            "s-2,sasaran,S2,,,T\n"
            "str-1,strategi,S,s-1,2024,T51\n"
            "str-1,strategi,S,s-2,2025,T51\n",
            "bad.csv");
    });
    REQUIRE(d);
    CHECK(d->id() == "kinerja.csv.schema");
    CHECK(d->line() == 5);
}
