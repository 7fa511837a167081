// SPDX-License-Identifier: Apache-2.0
// Tests of the plan reader on libyaml's events (src/yaml_document.hpp): anchors and aliases, a
// syntax error's line and column, columns counted in characters, null against quoted text, the
// interned file name of every location, and the memory a loaded plan holds per byte of its text.
// Columns are counted by hand in the comments.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <optional>
#include <string>
#include <type_traits>

using Catch::Matchers::Contains;
using kinerja::file_error;

namespace {

using kinerja_test::thrown;

const std::string head =
    "kinerja_plan: 1\n"
    "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: perubahan}\n"
    "nodes:\n";

std::optional<file_error> load_error(const std::string& text) {
    return thrown<file_error>([&] { (void)kinerja::parse_plan(text, "r.yaml"); });
}

}  // namespace

TEST_CASE("An alias reads as a copy of its anchored node, placed where the anchor is", "[plan][yaml]") {
    // line 4: "  - {id: a, level: program, name: A, source: &t "Tabel 2", budget: &b {2024: "100"}}":
    // "100" (with its quote) starts at column 78
    const kinerja::plan p = kinerja::parse_plan(
        head + "  - {id: a, level: program, name: A, source: &t \"Tabel 2\", budget: &b {2024: \"100\"}}\n" +
            "  - {id: b, level: program, name: B, source: *t, budget: *b}\n",
        "r.yaml");
    REQUIRE(p.nodes.size() == 2);
    CHECK(p.nodes[1].source == "Tabel 2");
    const kinerja::printed_value& v = p.nodes[1].budget.at(2024).at(0);
    CHECK(v.text == "100");
    CHECK(v.location.line == 4);
    CHECK(v.location.column == 78);
    // a copy: the two nodes' values are separate objects
    CHECK(&p.nodes[0].budget.at(2024).at(0) != &v);
}

TEST_CASE("An alias before its anchor or inside its own anchor is an error at the alias", "[plan][yaml]") {
    // "  - {id: c, level: program, name: C, source: *nope}": the alias starts at column 46
    const auto undefined = load_error(head + "  - {id: c, level: program, name: C, source: *nope}\n");
    REQUIRE(undefined);
    CHECK(undefined->id() == "kinerja.plan.yaml");
    CHECK(undefined->line() == 4);
    CHECK(undefined->column() == 46);
    CHECK_THAT(undefined->reason(), Contains("the alias *nope comes before any anchor &nope"));
    // "  - {id: c, level: program, name: C, source: &r [*r]}": the alias starts at column 50; a
    // node that contains itself would make the reader loop
    const auto recursive = load_error(head + "  - {id: c, level: program, name: C, source: &r [*r]}\n");
    REQUIRE(recursive);
    CHECK(recursive->id() == "kinerja.plan.yaml");
    CHECK(recursive->line() == 4);
    CHECK(recursive->column() == 50);
    CHECK_THAT(recursive->reason(), Contains("inside the node its anchor names"));
}

TEST_CASE("An alias that repeats a key is a repeated key", "[plan][yaml]") {
    // line 4 "  - {&k id: a, level: program, name: A, source: T, *k : b}": the second id, the alias,
    // starts at column 52
    const auto e = load_error(head + "  - {&k id: a, level: program, name: A, source: T, *k : b}\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.yaml");
    CHECK(e->line() == 4);
    CHECK(e->column() == 52);
    CHECK_THAT(e->reason(), Contains("the key \"id\" appears twice in this mapping (lines 4 and 4)"));
}

TEST_CASE("A YAML syntax error gives libyaml's reason at its line and column", "[plan][yaml]") {
    // " title: X" is indented by one space: neither a key of plan (two spaces) nor of the root
    // (none); the parser stops at 't', line 4, column 2
    const auto e = load_error("kinerja_plan: 1\nplan:\n  id: x\n title: X\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.yaml");
    CHECK(e->line() == 4);
    CHECK(e->column() == 2);
    CHECK_THAT(e->reason(), Contains("not valid YAML: did not find expected key"));
}

TEST_CASE("Columns count characters, not bytes", "[plan][yaml]") {
    // "  - {id: é, level: nope, name: A, source: T}": 19 characters (20 bytes) before nope
    const auto e = load_error(head + "  - {id: \xC3\xA9, level: nope, name: A, source: T}\n");
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.schema");
    CHECK(e->line() == 4);
    CHECK(e->column() == 20);
}

TEST_CASE("Null is a plain ~, null or nothing, and quoted it is text", "[plan][yaml]") {
    const kinerja::plan p = kinerja::parse_plan(
        head + "  - {id: a, level: program, name: A, source: T, row: \"~\", code_printed: ~,\n" +
            "     indicators: [{id: i, name: I, source: T, unit: \"%\", targets: {2024: -, 2025: \"-\"}}]}\n" +
            "versions:\n  awal:\n    nodes:\n" + "      - {id: a, indicators: [{id: i, unit: null}]}\n" +
            "  murni:\n    nodes:\n" + "      - {id: a, indicators: [{id: i, unit: \"null\"}]}\n",
        "r.yaml");
    CHECK(p.nodes[0].row == "~");
    CHECK(p.nodes[0].code_printed.empty());
    // a dash, plain or quoted, is the printed text "-" (no data)
    CHECK(p.nodes[0].indicators[0].targets.at(2024).at(0).text == "-");
    CHECK(p.nodes[0].indicators[0].targets.at(2025).at(0).text == "-");
    CHECK(p.nodes[0].indicators[0].unit->text == "%");
    CHECK(!p.version("awal").nodes[0].indicators[0].unit);  // null: the key is absent there
    CHECK(p.version("murni").nodes[0].indicators[0].unit->text == "null");
    // the canonical writer quotes text, so "~" and "null" stay text through a round trip
    const kinerja::plan back = kinerja::parse_plan(kinerja::to_yaml(p), "back.yaml");
    CHECK(back.nodes[0].row == "~");
    CHECK(back.version("murni").nodes[0].indicators[0].unit->text == "null");
    CHECK(kinerja::to_yaml(back) == kinerja::to_yaml(p));
}

TEST_CASE("Every location of a loaded plan shares one file name", "[plan][yaml]") {
    const kinerja::plan p =
        kinerja::parse_plan(head + "  - {id: a, level: program, name: A, source: T, budget: {2024: \"1\"},\n" +
                                "     indicators: [{id: i, name: I, source: T, targets: {2024: \"5\"}}]}\n",
                            "/some/folder/renstra-2024.yaml");
    const kinerja::location& node_at = p.nodes[0].location;
    const kinerja::location& value_at = p.nodes[0].indicators[0].targets.at(2024).at(0).location;
    CHECK(node_at.file == "/some/folder/renstra-2024.yaml");
    CHECK(value_at.file.shares(node_at.file));
    CHECK(p.nodes[0].budget.at(2024).at(0).location.file.shares(node_at.file));
    // a location is a pointer and two ints, not a string of its own
    CHECK(sizeof(kinerja::location) <= sizeof(void*) + 2 * sizeof(int));
    // and reads like the string it was
    const std::string& name = value_at.file;
    CHECK(name == "/some/folder/renstra-2024.yaml");
    CHECK(value_at.file + ":4" == "/some/folder/renstra-2024.yaml:4");
    CHECK(value_at.to_string() == "/some/folder/renstra-2024.yaml:5:63");
    kinerja::location copy = value_at;
    copy.file = "elsewhere.yaml";  // assigned from text, as before
    CHECK(copy.file == "elsewhere.yaml");
    CHECK(value_at.file == "/some/folder/renstra-2024.yaml");
    CHECK(kinerja::location{}.file.empty());
}

TEST_CASE("A loaded plan holds at most 10 bytes of memory per byte of its text", "[plan][yaml][memory]") {
    if (kinerja_test::sanitized) {
        WARN("skipped under AddressSanitizer: its allocator does not report to mallinfo2");
        return;
    }
#if defined(__GLIBC__)
    // a plan of the scaling benchmark's shape: 600 nodes, each with pagu for 5 years and an
    // indicator with targets, realizations and printed achievement
    std::string text = head;
    for (int k = 0; k < 600; ++k) {
        const std::string id = "n" + std::to_string(k);
        text += "  - id: " + id + "\n    level: kegiatan\n    code: \"1.02.03." + std::to_string(k) +
                "\"\n    name: Kegiatan Peningkatan Layanan " + std::to_string(k) + "\n    source: \"Tabel 6.1\"\n" +
                "    budget: {2024: \"1,250,000\", 2025: \"1,300,000\", 2026: \"1,350,000\"}\n" +
                "    budget_realized: {2024: \"1,200,000\", 2025: \"1,280,000\"}\n" + "    indicators:\n" +
                "      - {id: " + id + "-i, name: Persentase layanan tuntas, unit: \"%\", polarity: higher, " +
                "source: \"Tabel 6.1\", targets: {2024: \"80.00%\", 2025: \"82.00%\", 2026: \"84.00%\", end: " +
                "\"84.00%\"}, realizations: {2024: \"81.50%\"}, reported_achievement: {2024: \"101.88%\"}}\n";
    }
    { const kinerja::plan warm = kinerja::parse_plan(text, "warm.yaml"); }  // statics, field tables
    malloc_trim(0);
    const struct mallinfo2 before = mallinfo2();
    const kinerja::plan p = kinerja::parse_plan(text, "memory.yaml");
    const struct mallinfo2 after = mallinfo2();
    REQUIRE(p.nodes.size() == 600);
    const double held = static_cast<double>((after.uordblks + after.hblkhd) - (before.uordblks + before.hblkhd));
    const double per_byte = held / static_cast<double>(text.size());
    INFO("plan text " << text.size() << " bytes, held " << held << " bytes, " << per_byte << " per byte");
    CHECK(per_byte > 1.0);  // it holds the plan at all
    CHECK(per_byte <= 10.0);
#endif
}
