// SPDX-License-Identifier: Apache-2.0
// Tests of plan_io.hpp and plan.hpp: loading the YAML plan format (docs/plan-format.md), the
// errors of malformed files (file, line, column, reason), the canonical writer (save, load, save
// gives the same bytes and an equal plan) and versions as differences.
//
// Fixtures are hand-written under tests/data/plans/; every expected value, line and column below
// was read off those files (or off data/plans/bekasi-dpppa-2024-2026.yaml and the seed) by hand.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/plan_io.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using kinerja::end_of_period;
using kinerja::file_error;
using kinerja::indicator;
using kinerja::node;
using kinerja::node_level;
using kinerja::plan;

namespace {

using kinerja_test::thrown;

std::string fixture_dir() {
    std::string here = __FILE__;  // .../tests/cpp/test_plan_io.cpp
    for (int i = 0; i < 2; ++i) here = here.substr(0, here.find_last_of("/\\"));
    return here + "/data/plans/";
}

std::string fixture(const std::string& name) { return fixture_dir() + name; }

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string temp_path(const std::string& stem) {
    return (std::string(P_tmpdir) + "/kinerja-test-plan-io-" + stem + ".yaml");
}

const std::string& text_of(const kinerja::year_values& ys, kinerja::period_year year) {
    const kinerja::printed_value* v = indicator::first(ys, year);
    REQUIRE(v != nullptr);
    return v->text;
}

std::vector<std::string> ids(const std::vector<const node*>& nodes) {
    std::vector<std::string> out;
    for (const node* n : nodes) out.push_back(n->id);
    return out;
}

const indicator& indicator_of(const plan& p, const std::string& id) {
    const auto found = p.find_indicator(id);
    REQUIRE(found.second != nullptr);
    return *found.second;
}

}  // namespace

TEST_CASE("A small hand-written plan loads with its counts, identity and settings", "[plan]") {
    const plan p = kinerja::load_plan(fixture("valid-small.yaml"));
    CHECK(p.file == fixture("valid-small.yaml"));
    CHECK(p.format_version == 1);
    CHECK(p.info.id == "uji-dinas-renstra-2024-2026");
    CHECK(p.info.title == "Rencana Strategis Dinas Uji 2024-2026");
    CHECK(p.info.organisation == "Dinas Uji");
    CHECK(p.info.region == "Kota Uji");
    CHECK(p.info.period_from == 2024);
    CHECK(p.info.period_to == 2026);
    CHECK(p.info.version == "perubahan");
    CHECK(p.info.document_date == "2024-12-20");
    CHECK(p.settings.lower_method == kinerja::method::inverse);
    CHECK(p.settings.rounding.mode == kinerja::rounding::half_up);
    CHECK(p.settings.rounding.decimals == 2);
    // s-1, p-2.08.03, k-...2.01, sk-...0001, sk-...0002, k-...2.02
    CHECK(p.nodes.size() == 6);
    CHECK(p.history.size() == 1);
    CHECK(p.totals.empty());
    REQUIRE(p.sources.size() == 4);
    CHECK(p.sources[0].first == "Tabel 2.6");
    REQUIRE(p.versions.size() == 1);
    CHECK(p.versions[0].name == "awal");
    CHECK(p.versions[0].label == "Renstra sebelum perubahan (kolom AWAL)");
    CHECK(p.versions[0].nodes.size() == 4);
    CHECK(p.version_names() == std::vector<std::string>{"perubahan", "awal"});
}

TEST_CASE("A small hand-written plan keeps its tree, codes, budgets and indicators as printed", "[plan]") {
    const plan p = kinerja::load_plan(fixture("valid-small.yaml"));

    SECTION("the tree") {
        CHECK(ids(p.children("s-1")) == std::vector<std::string>{"p-2.08.03"});
        CHECK(ids(p.children("p-2.08.03")) == std::vector<std::string>{"k-2.08.03.2.01", "k-2.08.03.2.02"});
        CHECK(ids(p.children("k-2.08.03.2.01")) ==
              std::vector<std::string>{"sk-2.08.03.2.01.0001", "sk-2.08.03.2.01.0002"});
        CHECK(p.children("k-2.08.03.2.02").empty());
        CHECK(p.find_node("no-such-node") == nullptr);
    }
    SECTION("a programme") {
        const node* prog = p.find_node("p-2.08.03");
        REQUIRE(prog != nullptr);
        CHECK(prog->level == node_level::program);
        CHECK(prog->code_text() == "2.08.03");
        CHECK(prog->code_printed == "2 | 08 | 03");
        CHECK(prog->parent == "s-1");
        CHECK(prog->responsible == "Bidang Perlindungan Perempuan");
        CHECK(prog->source == "Tabel 6.1");
        // `- id: p-2.08.03` is line 40; the mapping starts at `id`, column 5
        CHECK(prog->location.line == 40);
        CHECK(prog->location.column == 5);
        CHECK(text_of(prog->budget, 2024) == "900,000,000");
        CHECK(text_of(prog->budget, 2025) == "1.000.000.000");
        CHECK(text_of(prog->budget, end_of_period) == "1.100.000.000");
        CHECK(prog->budget.size() == 4);
    }
    SECTION("a renamed sub-activity") {
        const node* sk = p.find_node("sk-2.08.03.2.01.0001");
        REQUIRE(sk != nullptr);
        CHECK(sk->level == node_level::sub_kegiatan);
        REQUIRE(sk->renamed_year);
        CHECK(*sk->renamed_year == 2026);
        CHECK(sk->renamed_name == "Advokasi dan Pendampingan Pencegahan Kekerasan");
        CHECK(sk->renamed_source == "Tabel 6.1");
        CHECK(text_of(sk->budget, 2025) == "450.000.000");
    }
    SECTION("the IKU") {
        const indicator& iku = indicator_of(p, "ind-s-1");
        CHECK(p.find_indicator("ind-s-1").first->id == "s-1");
        CHECK(iku.kind == "iku");
        CHECK(iku.unit_text() == "Persen");
        REQUIRE(iku.polarity);
        CHECK(*iku.polarity == kinerja::polarity::higher);
        CHECK(iku.scale.empty());
        REQUIRE(iku.baseline);
        CHECK(iku.baseline->text == "90%");
        REQUIRE(iku.baseline_year);
        CHECK(*iku.baseline_year == 2023);
        REQUIRE(iku.formula);
        CHECK(iku.formula->text == "Jumlah kasus yang ditangani / Jumlah kasus yang dilaporkan x 100%");
        CHECK(iku.targets.size() == 4);
        CHECK(text_of(iku.targets, 2024) == "95%");
        // 2025 is {value: "97%", source: "Tabel 6.1"} on line 39
        const kinerja::printed_value* t2025 = indicator::first(iku.targets, 2025);
        REQUIRE(t2025);
        CHECK(t2025->text == "97%");
        CHECK(t2025->source == "Tabel 6.1");
        CHECK(t2025->location.line == 39);
        CHECK(indicator::first(iku.targets, 2024)->source.empty());
        CHECK(text_of(iku.targets, end_of_period) == "100%");
        CHECK(iku.source == "Tabel 7.3");
    }
    SECTION("the history node") {
        const node* h = p.find_node("h-s-1");
        REQUIRE(h != nullptr);
        CHECK(h->level == node_level::sasaran);
        REQUIRE(h->period);
        CHECK(h->period->first == 2022);
        CHECK(h->period->second == 2023);
        CHECK(h->successor == "s-1");
        CHECK(h->period_note == "Renstra 2019-2023");
        const indicator& hi = indicator_of(p, "ind-h-s-1");
        CHECK(text_of(hi.realizations, 2022) == "93.60%");
        CHECK(text_of(hi.reported_achievement, 2022) == "1.04");
    }
    SECTION("the version entries record which keys they give") {
        const auto& entries = p.versions[0].nodes;
        CHECK(entries[0].id == "s-1");
        REQUIRE(entries[0].indicators.size() == 1);
        CHECK(entries[0].indicators[0].given.count("unit") == 1);
        CHECK(entries[0].indicators[0].given.count("targets") == 1);
        CHECK(entries[1].given.count("null:responsible") == 1);
        CHECK(entries[2].given.count("null:renamed") == 1);
        CHECK(entries[3].removed);
    }
}

TEST_CASE("Every malformed plan file fails with a file_error naming the file, line, column and reason", "[plan]") {
    struct bad {
        const char* file;
        const char* id;
        int line;
        int column;
        const char* reason;
    };
    // Lines and columns counted by hand in each file (the first line of each says where).
    const bad cases[] = {
        {"bad-yaml-syntax.yaml", "kinerja.plan.yaml", 12, 5, "not valid YAML"},
        {"missing-kinerja-plan.yaml", "kinerja.plan.schema", 1, 1, "kinerja_plan"},
        {"unknown-key.yaml", "kinerja.plan.schema", 10, 5, "unknown key \"nmae\" in a node"},
        {"duplicate-id.yaml", "kinerja.plan.duplicate_id", 9, 5, "id \"s-1\" is used twice (first at line 5)"},
        {"unknown-parent.yaml", "kinerja.plan.reference", 12, 13, "\"s-9\" does not exist"},
        {"bad-year-key.yaml", "kinerja.plan.schema", 9, 25, "got \"20245\""},
        {"text-for-mapping.yaml", "kinerja.plan.schema", 9, 13, "budget must be a mapping"},
        {"mapping-for-text.yaml", "kinerja.plan.schema", 7, 11, "name must be a single value (text), not a mapping"},
        {"unknown-level.yaml", "kinerja.plan.schema", 6, 12, "got \"seksi\""},
        {"bad-polarity.yaml", "kinerja.plan.schema", 13, 19,
         "polarity must be higher, lower or scale:NAME, got \"naik\""},
        {"unknown-scale.yaml", "kinerja.plan.reference", 12, 19, "uses scale \"NOPE\""},
        {"unknown-catalog-entry.yaml", "kinerja.plan.reference", 13, 18,
         "names catalog entry \"penyerapan-anggaranx\", which no loaded catalog defines"},
    };
    for (const bad& c : cases) {
        SECTION(c.file) {
            const std::string path = fixture(std::string("malformed/") + c.file);
            const auto e = thrown<file_error>([&] { (void)kinerja::load_plan(path); });
            REQUIRE(e);
            CHECK(e->id() == c.id);
            CHECK(e->file() == path);
            CHECK(e->line() == c.line);
            CHECK(e->column() == c.column);
            CHECK_THAT(e->reason(), Contains(c.reason));
            // the message starts with the id, then file:line:column
            CHECK_THAT(std::string(e->what()),
                       Contains("[" + std::string(c.id) + "] " + path + ":" + std::to_string(c.line) + ":" +
                                std::to_string(c.column) + ": "));
        }
    }
}

TEST_CASE("A broken reference points at the value that names it, not at its owner", "[plan][errors]") {
    const std::string head =
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
        "nodes:\n"
        "  - id: s-1\n"
        "    level: sasaran\n"
        "    name: S\n"
        "    source: T\n";
    struct bad {
        const char* tail;
        int line;
        int column;
        const char* reason;
    };
    // Lines 1-7 are the head; columns counted by hand (an inline list's item is where it starts).
    const bad cases[] = {
        {"    successor: s-7\n", 8, 16, "the successor of node \"s-1\", \"s-7\" does not exist"},
        {"    supports: [s-1, \"tujuan-9\", RPJMD:t-1]\n", 8, 21, "node \"s-1\" supports \"tujuan-9\" does not exist"},
        {"    indicators:\n      - {id: i-1, name: I, source: T, replaces: i-0}\n", 9, 49,
         "indicator \"i-1\" replaces \"i-0\" does not exist"},
        {"  - id: p-1\n    level: program\n    name: P\n    parent: i-1\n    source: T\n"
         "    indicators: [{id: i-1, name: I, source: T}]\n",
         11, 13, "the parent of node \"p-1\", \"i-1\", is an indicator, not a node"},
        {"  - {id: a, level: program, name: A, source: T, parent: b}\n"
         "  - {id: b, level: program, name: B, source: T, parent: a}\n",
         8, 57, "node \"a\" is its own ancestor"},
        {"totals:\n  - id: t\n    name: T\n    source: T\n    over:\n      - s-1\n      - s-2\n", 14, 9,
         "total \"t\" sums \"s-2\" does not exist"},
    };
    for (const bad& c : cases) {
        SECTION(c.reason) {
            const auto e = thrown<file_error>([&] { (void)kinerja::parse_plan(head + c.tail, "refs.yaml"); });
            REQUIRE(e);
            CHECK(e->id() == "kinerja.plan.reference");
            CHECK(e->file() == "refs.yaml");
            CHECK(e->line() == c.line);
            CHECK(e->column() == c.column);
            CHECK_THAT(e->reason(), Contains(c.reason));
        }
    }
}

TEST_CASE("An unknown key lists the keys that are allowed", "[plan]") {
    const auto e = thrown<file_error>([] { (void)kinerja::load_plan(fixture("malformed/unknown-key.yaml")); });
    REQUIRE(e);
    for (const char* key : {"id", "level", "name", "code", "parent", "budget", "source", "indicators"})
        CHECK_THAT(e->reason(), Contains(key));
    CHECK_THAT(e->reason(), Contains("(allowed: id, level, name,"));
}

TEST_CASE("Loading a missing file is a kinerja.plan.io file_error without a line", "[plan]") {
    const std::string path = fixture("no-such-plan.yaml");
    const auto e = thrown<file_error>([&] { (void)kinerja::load_plan(path); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.io");
    CHECK(e->file() == path);
    CHECK(e->line() == 0);
    CHECK(e->column() == 0);
    CHECK_THAT(e->reason(), Contains("cannot open"));
}

TEST_CASE("parse_plan names its text in errors and locations", "[plan]") {
    const std::string good =
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
        "nodes:\n"
        "  - {id: s-1, level: sasaran, name: S, source: \"Tabel 6.1\"}\n";
    const plan p = kinerja::parse_plan(good, "inline.yaml");
    CHECK(p.file == "inline.yaml");
    REQUIRE(p.nodes.size() == 1);
    CHECK(p.nodes[0].location.file == "inline.yaml");
    CHECK(p.nodes[0].location.line == 4);
    CHECK(p.nodes[0].location.to_string() == "inline.yaml:4:5");

    SECTION("a node without a source") {
        const auto e = thrown<file_error>([] {
            (void)kinerja::parse_plan(
                "kinerja_plan: 1\n"
                "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: v}\n"
                "nodes:\n"
                "  - {id: s-1, level: sasaran, name: S}\n");
        });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.plan.schema");
        CHECK(e->file() == "<string>");
        CHECK(e->line() == 4);
        CHECK_THAT(e->reason(), Contains("needs a source"));
    }
    SECTION("format version 2") {
        const auto e =
            thrown<file_error>([] { (void)kinerja::parse_plan("kinerja_plan: 2\nplan: {}\nnodes: []\n", "v2.yaml"); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.plan.schema");
        CHECK(e->line() == 1);
        CHECK(e->column() == 15);
        CHECK_THAT(e->reason(), Contains("format 2"));
    }
}

TEST_CASE("The canonical YAML re-parses to an equal plan and the same bytes", "[plan]") {
    SECTION("the hand-written fixture") {
        const plan p = kinerja::load_plan(fixture("valid-small.yaml"));
        const std::string once = kinerja::to_yaml(p);
        const plan q = kinerja::parse_plan(once, "again.yaml");
        CHECK(q == p);
        CHECK(kinerja::to_yaml(q) == once);
        // the canonical form quotes every printed value and drops the comments
        CHECK_THAT(once, Contains("2025: \"1.000.000.000\""));
        CHECK_THAT(once, Contains("2025: {value: \"97%\", source: \"Tabel 6.1\"}"));
        CHECK_THAT(once, Contains("removed: true"));
        CHECK_THAT(once, Contains("responsible: null"));
        CHECK(once.find("# ") == std::string::npos);
    }
    SECTION("the bundled plan") {
        const plan p = kinerja::bundled_plan();
        CHECK_THAT(p.file, EndsWith("bekasi-dpppa-2024-2026.yaml"));
        const std::string once = kinerja::to_yaml(p);
        const plan q = kinerja::parse_plan(once, "again.yaml");
        CHECK(q == p);
        CHECK(kinerja::to_yaml(q) == once);
        CHECK(q.nodes.size() == p.nodes.size());
        CHECK(q.history.size() == p.history.size());
        CHECK(q.versions.size() == 1);
    }
}

TEST_CASE("save_plan, load_plan, save_plan gives identical bytes and an equal plan", "[plan]") {
    for (const std::string name : {"valid-small.yaml", "clean.yaml"}) {
        SECTION(name) {
            const plan p = kinerja::load_plan(fixture(name));
            const std::string first = temp_path("first");
            const std::string second = temp_path("second");
            kinerja::save_plan(p, first);
            const plan q = kinerja::load_plan(first);
            kinerja::save_plan(q, second);
            CHECK(read_bytes(first) == read_bytes(second));
            CHECK(read_bytes(first) == kinerja::to_yaml(p));
            CHECK(q == p);
            std::remove(first.c_str());
            std::remove(second.c_str());
        }
    }
}

TEST_CASE("Saving into a directory that does not exist is a kinerja.plan.io file_error", "[plan]") {
    const plan p = kinerja::load_plan(fixture("clean.yaml"));
    const std::string path = fixture("no-such-dir/out.yaml");
    const auto e = thrown<file_error>([&] { kinerja::save_plan(p, path); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.io");
    CHECK(e->file() == path);
}

TEST_CASE("A changed value makes plans unequal, but locations and comments do not count", "[plan]") {
    const plan p = kinerja::load_plan(fixture("valid-small.yaml"));
    plan q = p;
    CHECK(q == p);

    SECTION("a budget") {
        q.find_node("k-2.08.03.2.02")->budget[2024].front().text = "300.000.000";
        CHECK(q != p);
    }
    SECTION("a target's source") {
        q.find_node("s-1")->indicators[0].targets[2024].front().source = "Tabel 6.1";
        CHECK(q != p);
    }
    SECTION("the plan's version name") {
        q.info.version = "awal";
        CHECK(q != p);
    }
    SECTION("a location only") {
        q.find_node("s-1")->location.line = 999;
        q.file = "elsewhere.yaml";
        CHECK(q == p);
    }
    SECTION("the same content with other comments and layout") {
        const std::string original = read_bytes(fixture("clean.yaml"));
        const plan a = kinerja::parse_plan(original);
        const plan b = kinerja::parse_plan("# another comment\n" + original);
        CHECK(a == b);
    }
}

TEST_CASE("A version applies its entries to a copy of the nodes", "[plan]") {
    const plan p = kinerja::load_plan(fixture("valid-small.yaml"));
    const plan awal = p.version("awal");

    CHECK(awal.info.version == "awal");
    CHECK(awal.versions.empty());
    SECTION("unit and target changed, the other years inherited") {
        const indicator& iku = indicator_of(awal, "ind-s-1");
        CHECK(iku.unit_text() == "Orang");
        CHECK(text_of(iku.targets, 2025) == "96%");
        CHECK(text_of(iku.targets, 2024) == "95%");            // not in the entry: inherited
        CHECK(text_of(iku.targets, 2026) == "100%");           // inherited
        CHECK(text_of(iku.targets, end_of_period) == "100%");  // inherited
        CHECK(iku.name == "Persentase penanganan kasus kekerasan terhadap perempuan");
        REQUIRE(iku.polarity);
        CHECK(*iku.polarity == kinerja::polarity::higher);
    }
    SECTION("a key set to null is absent") {
        CHECK(awal.find_node("p-2.08.03")->responsible.empty());
        CHECK_FALSE(awal.find_node("sk-2.08.03.2.01.0001")->renamed_year);
        CHECK(awal.find_node("sk-2.08.03.2.01.0001")->renamed_name.empty());
        CHECK(awal.find_node("sk-2.08.03.2.01.0001")->name == "Advokasi Kebijakan dan Pendampingan");
    }
    SECTION("removed: true removes the node") {
        CHECK(awal.find_node("sk-2.08.03.2.01.0002") == nullptr);
        CHECK(awal.nodes.size() == 5);
        CHECK(ids(awal.children("k-2.08.03.2.01")) == std::vector<std::string>{"sk-2.08.03.2.01.0001"});
    }
    SECTION("untouched nodes and the history are copied") {
        CHECK(text_of(awal.find_node("k-2.08.03.2.02")->budget, 2025) == "350.000.000");
        CHECK(awal.history.size() == 1);
    }
    SECTION("the main version is left as it was") {
        CHECK(indicator_of(p, "ind-s-1").unit_text() == "Persen");
        CHECK(text_of(indicator_of(p, "ind-s-1").targets, 2025) == "97%");
        CHECK(p.find_node("p-2.08.03")->responsible == "Bidang Perlindungan Perempuan");
        CHECK(p.find_node("sk-2.08.03.2.01.0002") != nullptr);
    }
    SECTION("the main version's own name gives the plan itself") { CHECK(p.version("perubahan") == p); }
    SECTION("an unknown version is a lookup_error") {
        const auto e = thrown<kinerja::lookup_error>([&] { (void)p.version("final"); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.lookup.version");
        CHECK(e->name() == "final");
        CHECK_THAT(std::string(e->what()), Contains("perubahan, awal"));
    }
}

TEST_CASE("A version entry may add a node that exists only in that version", "[plan]") {
    const std::string text =
        "kinerja_plan: 1\n"
        "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
        "nodes:\n"
        "  - {id: s-1, level: sasaran, name: S, source: \"Tabel 6.1\"}\n"
        "versions:\n"
        "  awal:\n"
        "    nodes:\n"
        "      - {id: p-old, level: program, name: Program Lama, parent: s-1, source: \"Tabel SK2026\"}\n";
    const plan p = kinerja::parse_plan(text);
    CHECK(p.find_node("p-old") == nullptr);
    const plan awal = p.version("awal");
    const node* added = awal.find_node("p-old");
    REQUIRE(added != nullptr);
    CHECK(added->name == "Program Lama");
    CHECK(added->parent == "s-1");
    CHECK(ids(awal.children("s-1")) == std::vector<std::string>{"p-old"});

    SECTION("but an entry for an unknown id without level is a reference error") {
        std::string broken = text;
        broken.replace(broken.find("level: program, "), std::string("level: program, ").size(), "");
        const auto e = thrown<file_error>([&] { (void)kinerja::parse_plan(broken, "v.yaml"); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.plan.reference");
        CHECK(e->line() == 8);
        CHECK_THAT(e->reason(), Contains("\"p-old\", which does not exist"));
    }
}

TEST_CASE("The bundled plan's AWAL version holds the original IKU columns of Tabel 7.2/7.3", "[plan]") {
    const plan p = kinerja::bundled_plan();
    CHECK(p.info.version == "perubahan");
    CHECK(p.version_names() == std::vector<std::string>{"perubahan", "awal"});
    const plan awal = p.version("awal");

    SECTION("Rasio kekerasan terhadap perempuan dan TPPO: Orang / 22.90 (awal) vs Rasio / 18.221") {
        const indicator& now = indicator_of(p, "ind-iku-ktp");
        const indicator& then = indicator_of(awal, "ind-iku-ktp");
        CHECK(now.name == "Rasio kekerasan terhadap perempuan dan TPPO");
        CHECK(now.unit_text() == "Rasio");
        CHECK(text_of(now.targets, 2025) == "18.221");
        CHECK(text_of(now.targets, 2026) == "18.220");
        CHECK(then.unit_text() == "Orang");
        CHECK(text_of(then.targets, 2025) == "22.90");
        CHECK(text_of(then.targets, 2026) == "22.50");
        CHECK(text_of(then.targets, 2024) == "23.00");  // AWAL prints no 2024 column: inherited
    }
    SECTION("Nilai AKIP: BB (75.10) / BB (75.20) in awal, A (80.351) / A (80.352) in perubahan") {
        CHECK(text_of(indicator_of(p, "ind-iku-akip").targets, 2025) == "A (80.351)");
        CHECK(text_of(indicator_of(awal, "ind-iku-akip").targets, 2025) == "BB (75.10)");
        CHECK(text_of(indicator_of(awal, "ind-iku-akip").targets, 2026) == "BB (75.20)");
    }
    SECTION("IKG does not exist in awal; IDG has unit Persen there") {
        CHECK(p.find_indicator("ind-iku-ikg").second != nullptr);
        CHECK(awal.find_indicator("ind-iku-ikg").second == nullptr);
        const indicator& idg = indicator_of(awal, "ind-iku-idg");
        CHECK(idg.unit_text() == "Persen");
        CHECK(text_of(idg.targets, 2025) == "65.78%");
        CHECK(text_of(idg.targets, 2024) == "65.75");
    }
    SECTION("a renamed sub-activity keeps its old name in awal and loses its 2026 indicator") {
        const node* now = p.find_node("sk-2.08.02.2.01.0001");
        const node* then = awal.find_node("sk-2.08.02.2.01.0001");
        REQUIRE(now);
        REQUIRE(then);
        REQUIRE(now->renamed_year);
        CHECK(*now->renamed_year == 2026);
        CHECK_FALSE(then->renamed_year);
        CHECK(now->indicators.size() == 2);
        REQUIRE(then->indicators.size() == 1);
        CHECK(then->indicators[0].id == "ind-sk-2.08.02.2.01.0001");
        CHECK(text_of(then->indicators[0].targets, 2026) == "44 OPD");
    }
    SECTION("a sub-activity removed in awal") {
        CHECK(p.find_node("sk-2.08.06.2.01.0006") != nullptr);
        CHECK(awal.find_node("sk-2.08.06.2.01.0006") == nullptr);
        CHECK(awal.nodes.size() + 1 == p.nodes.size());
    }
}

// ----------------------------------------------------------------------------- issue 13

namespace {

// Lines 1-3 of the small plans below.
const std::string plan_head =
    "kinerja_plan: 1\n"
    "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
    "nodes:\n";

std::optional<file_error> load_error(const std::string& text) {
    return thrown<file_error>([&] { (void)kinerja::parse_plan(text, "h.yaml"); });
}

}  // namespace

TEST_CASE("A version entry that makes a node its own parent is a reference error at load, at the parent value",
          "[plan][errors][versions]") {
    // The 8-line reproduction of issue 13: it loaded, then roll-up and display recursed forever.
    const auto e = load_error(plan_head +
                              "  - {id: a, level: program, name: A, source: T}\n"
                              "versions:\n"
                              "  awal:\n"
                              "    nodes:\n"
                              "      - {id: a, parent: a}\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.reference");
    CHECK(e->line() == 8);
    CHECK(e->column() == 25);  // "      - {id: a, parent: " is 24 characters
    CHECK_THAT(e->reason(), Contains("node \"a\" in version \"awal\" is its own ancestor"));
    CHECK_THAT(e->reason(), Contains("a -> a form a cycle"));
}

TEST_CASE("A parent cycle that only a version makes names the version and the nodes of the cycle",
          "[plan][errors][versions]") {
    // b's parent is a in the main version; awal gives a the parent b: a -> b -> a.
    const auto e = load_error(plan_head +
                              "  - {id: a, level: program, name: A, source: T}\n"
                              "  - {id: b, level: kegiatan, name: B, source: T, parent: a}\n"
                              "versions:\n"
                              "  awal:\n"
                              "    nodes:\n"
                              "      - {id: a, parent: b}\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.reference");
    CHECK(e->line() == 9);
    CHECK(e->column() == 25);
    CHECK_THAT(e->reason(),
               Contains("node \"a\" in version \"awal\" is its own ancestor: the parent links a -> b -> a"));
}

TEST_CASE("A version's parent must be a node of that version", "[plan][errors][versions]") {
    const std::string nodes =
        "  - {id: a, level: program, name: A, source: T, indicators: [{id: i, name: I, source: T}]}\n"
        "  - {id: b, level: kegiatan, name: B, source: T, parent: a}\n"
        "totals:\n"
        "  - {id: t, name: T, over: [a], source: T}\n"
        "versions:\n"
        "  awal:\n"
        "    nodes:\n";
    struct bad {
        const char* entries;
        int line;
        int column;
        const char* reason;
    };
    // Lines 1-10 are the head and nodes; the entries start on line 11.
    const bad cases[] = {
        {"      - {id: b, parent: i}\n", 11, 25,
         "the parent of node \"b\" in version \"awal\", \"i\", is an indicator"},
        {"      - {id: b, parent: t}\n", 11, 25, "the parent of node \"b\" in version \"awal\", \"t\", is a total"},
        {"      - {id: b, parent: z}\n", 11, 25, "the parent of node \"b\" in version \"awal\", \"z\" does not exist"},
        // b keeps its parent a, which awal removes: the error is at b's own parent value (line 5)
        {"      - {id: a, removed: true}\n", 5, 58, "\"a\", is removed by that version"},
        {"      - {id: n, level: program, name: N, source: T, parent: n}\n", 11, 61,
         "node \"n\" in version \"awal\" is its own ancestor"},
    };
    for (const bad& c : cases) {
        SECTION(c.reason) {
            const auto e = load_error(plan_head + nodes + c.entries);
            REQUIRE(e);
            CHECK(e->id() == "kinerja.plan.reference");
            CHECK(e->line() == c.line);
            CHECK(e->column() == c.column);
            CHECK_THAT(e->reason(), Contains(c.reason));
        }
    }
}

TEST_CASE("plan::version of a plan built by hand with a parent cycle throws instead of returning it",
          "[plan][errors][versions]") {
    plan p;
    p.info.version = "main";
    node a;
    a.id = "a";
    a.name = "A";
    p.nodes.push_back(a);
    kinerja::plan_version v;
    v.name = "v";
    node e;
    e.id = "a";
    e.parent = "a";
    e.given = {"parent"};
    v.nodes.push_back(e);
    p.versions.push_back(v);
    CHECK(p.version("main").nodes.size() == 1);
    const auto err = thrown<file_error>([&] { (void)p.version("v"); });
    REQUIRE(err);
    CHECK(err->id() == "kinerja.plan.reference");
    CHECK_THAT(err->reason(), Contains("node \"a\" in version \"v\" is its own ancestor"));
}

TEST_CASE("plan::version applies entries as before: changed, removed and new nodes", "[plan][versions]") {
    plan p = kinerja::parse_plan(plan_head +
                                     "  - {id: a, level: program, name: A, source: T}\n"
                                     "  - {id: b, level: kegiatan, name: B, source: T, parent: a}\n"
                                     "  - {id: c, level: kegiatan, name: C, source: T, parent: a}\n"
                                     "versions:\n"
                                     "  awal:\n"
                                     "    nodes:\n"
                                     "      - {id: b, removed: true}\n"
                                     "      - {id: d, level: kegiatan, name: D, source: T, parent: a}\n"
                                     "      - {id: c, name: C2, parent: d}\n",
                                 "v.yaml");
    const plan awal = p.version("awal");
    REQUIRE(awal.nodes.size() == 3);
    CHECK(awal.nodes[0].id == "a");
    CHECK(awal.nodes[1].id == "c");
    CHECK(awal.nodes[1].name == "C2");
    CHECK(awal.nodes[1].parent == "d");
    CHECK(awal.nodes[2].id == "d");
    CHECK(awal.find_node("b") == nullptr);
}

TEST_CASE("Whole numbers are digits with an optional leading minus", "[plan][errors]") {
    struct bad {
        const char* head;
        int line;
        int column;
        const char* got;
    };
    const bad cases[] = {
        {"kinerja_plan: 1\n"
         "plan: {id: x, title: X, organisation: O, region: R, period: [\"20-24\", 2026], version: perubahan}\n",
         2, 62, "got \"20-24\""},
        {"kinerja_plan: 1\n"
         "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
         "settings: {decimals: \"-\"}\n",
         3, 22, "got \"-\""},
        {"kinerja_plan: \"1-\"\n", 1, 15, "got \"1-\""},
    };
    for (const bad& c : cases) {
        SECTION(c.got) {
            const auto e =
                load_error(std::string(c.head) + "nodes:\n  - {id: a, level: program, name: A, source: T}\n");
            REQUIRE(e);
            CHECK(e->id() == "kinerja.plan.schema");
            CHECK(e->line() == c.line);
            CHECK(e->column() == c.column);
            CHECK_THAT(e->reason(), Contains("must be a whole number"));
            CHECK_THAT(e->reason(), Contains(c.got));
        }
    }
}

TEST_CASE("A key repeated in any mapping is an error naming both lines", "[plan][errors]") {
    SECTION("plan.id") {
        const auto e = load_error(
            "kinerja_plan: 1\n"
            "plan:\n"
            "  id: x\n"
            "  title: X\n"
            "  organisation: O\n"
            "  region: R\n"
            "  period: [2024, 2026]\n"
            "  version: perubahan\n"
            "  id: y\n"
            "nodes:\n  - {id: a, level: program, name: A, source: T}\n");
        REQUIRE(e);
        CHECK(e->id() == "kinerja.plan.yaml");
        CHECK(e->line() == 9);
        CHECK(e->column() == 3);
        CHECK_THAT(e->reason(), Contains("the key \"id\" appears twice in this mapping (lines 3 and 9)"));
    }
    SECTION("settings.decimals") {
        const auto e = load_error(plan_head + "  - {id: a, level: program, name: A, source: T}\n" +
                                  "settings:\n  decimals: 1\n  decimals: 3\n");
        REQUIRE(e);
        CHECK(e->id() == "kinerja.plan.yaml");
        CHECK(e->line() == 7);
        CHECK_THAT(e->reason(), Contains("(lines 6 and 7)"));
    }
    SECTION("a printed value's mapping") {
        const auto e = load_error(
            plan_head + "  - {id: a, level: program, name: A, source: T, budget: {2024: {value: 1, value: 2}}}\n");
        REQUIRE(e);
        CHECK(e->id() == "kinerja.plan.yaml");
        CHECK(e->line() == 4);
        CHECK_THAT(e->reason(), Contains("\"value\" appears twice"));
    }
}

TEST_CASE("A successor must be a node, not an indicator or a total", "[plan][errors]") {
    const std::string nodes =
        "  - {id: a, level: program, name: A, source: T, indicators: [{id: i, name: I, source: T}]}\n"
        "totals:\n"
        "  - {id: t, name: T, over: [a], source: T}\n"
        "history:\n";
    const auto e = load_error(plan_head + nodes + "  - {id: h, level: program, name: H, source: T, successor: i}\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.reference");
    CHECK(e->line() == 8);
    CHECK(e->column() == 60);
    CHECK_THAT(e->reason(), Contains("the successor of node \"h\", \"i\", is an indicator, not a node"));
    const auto t = load_error(plan_head + nodes + "  - {id: h, level: program, name: H, source: T, successor: t}\n");
    REQUIRE(t);
    CHECK_THAT(t->reason(), Contains("\"t\", is a total, not a node"));
}

TEST_CASE("An indicator kind outside the list is an error listing the kinds", "[plan][errors]") {
    const auto e = load_error(plan_head +
                              "  - {id: a, level: program, name: A, source: T, indicators: [{id: i, name: "
                              "I, source: T, kind: kpi}]}\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.schema");
    CHECK(e->line() == 4);
    CHECK(e->column() == 96);
    CHECK_THAT(e->reason(),
               Contains("kind must be one of iku, ikk, tujuan, sasaran, program, kegiatan, sub_kegiatan; got \"kpi\""));
}

TEST_CASE("A second YAML document is an error at its start", "[plan][errors]") {
    const auto e = load_error(plan_head + "  - {id: a, level: program, name: A, source: T}\n---\nkinerja_plan: 1\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.yaml");
    CHECK(e->line() == 5);
    CHECK_THAT(e->reason(), Contains("a second YAML document starts here"));
}

TEST_CASE("A control character that YAML does not allow is an error at its place", "[plan][errors]") {
    // Found by plan_fuzzer: a NUL byte in a name ("9\0N") reached yaml-cpp, which read it as part of
    // an encoding mark and stored the byte 0x85, so the name was no longer UTF-8. Line 4:
    // "  - {id: a, level: program, name: " is 34 characters, "ab" two more: the NUL is column 37.
    std::string nul = plan_head + "  - {id: a, level: program, name: ab";
    nul += '\0';
    nul += "N, source: T}\n";
    const auto e = load_error(nul);
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.yaml");
    CHECK(e->line() == 4);
    CHECK(e->column() == 37);
    CHECK_THAT(e->reason(), Contains("control character U+0000 is not allowed in a YAML file"));
    // an escape character (ESC, U+001B) and DEL too; tab stays allowed
    for (const char* bad : {"\x1b[31m", "\x7f"}) {
        const auto o = load_error(plan_head + "  - {id: a, level: program, name: ab" + bad + ", source: T}\n");
        REQUIRE(o);
        CHECK(o->column() == 37);
    }
    CHECK(!load_error(plan_head + "  - {id: a, level: program, name: \"a\tb\", source: T}\n"));
}

TEST_CASE("Bytes that are not UTF-8 are an error at the first of them", "[plan][errors]") {
    // line 4: "  - {id: a, level: program, name: " is 34 characters; the 'é' before the bad byte is one
    const auto e = load_error(plan_head + "  - {id: a, level: program, name: \xC3\xA9\xFF, source: T}\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.yaml");
    CHECK(e->line() == 4);
    CHECK(e->column() == 36);
    CHECK_THAT(e->reason(), Contains("byte 0xFF is not UTF-8"));
    // an overlong form and a surrogate are not UTF-8 either
    for (const char* bad : {"\xC0\xAF", "\xED\xA0\x80"}) {
        const auto o = load_error(plan_head + "  - {id: a, level: program, name: " + bad + ", source: T}\n");
        REQUIRE(o);
        CHECK(o->id() == "kinerja.plan.yaml");
        CHECK(o->column() == 35);
    }
}
