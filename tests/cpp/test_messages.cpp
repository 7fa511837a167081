// SPDX-License-Identifier: Apache-2.0
// Tests of the messages of kinerja's errors (issue 13, defect 2 and build item 5): the UTF-8
// helpers of detail/text.hpp, a quoted character shown whole with its code point, every message
// valid UTF-8 and bounded however long or broken the input. Expected texts are written out by
// hand from the UTF-8 encoding of each character (U+00A0 = C2 A0, U+00BC = C2 BC, U+2212 = E2 88
// 92, U+1F600 = F0 9F 98 80, U+20AC = E2 82 AC, U+FFFD = EF BF BD).
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/check.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/number.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/scale.hpp>
#include <kinerja/validation.hpp>
#include <kinerja/value.hpp>

#include <string>

using Catch::Matchers::Contains;
using kinerja::detail::cut_utf8;
using kinerja::detail::describe_char;
using kinerja::detail::excerpt_utf8;
using kinerja::detail::is_valid_utf8;
using kinerja::detail::sanitize_utf8;
using kinerja::detail::utf8_boundary;
using kinerja::detail::utf8_length;
using kinerja_test::thrown;

TEST_CASE("utf8_length accepts well-formed characters and rejects the rest", "[messages]") {
    CHECK(utf8_length("a", 0) == 1);
    CHECK(utf8_length("\xC2\xA0", 0) == 2);
    CHECK(utf8_length("\xE2\x88\x92", 0) == 3);
    CHECK(utf8_length("\xF0\x9F\x98\x80", 0) == 4);
    CHECK(utf8_length("\xC2", 0) == 0);              // cut short
    CHECK(utf8_length("\xE2\x88", 0) == 0);          // cut short
    CHECK(utf8_length("\xA0", 0) == 0);              // a stray continuation byte
    CHECK(utf8_length("\xC0\x80", 0) == 0);          // overlong NUL
    CHECK(utf8_length("\xE0\x80\xAF", 0) == 0);      // overlong '/'
    CHECK(utf8_length("\xED\xA0\x80", 0) == 0);      // the surrogate U+D800
    CHECK(utf8_length("\xF4\x90\x80\x80", 0) == 0);  // U+110000
    CHECK(utf8_length("\xFF", 0) == 0);
    CHECK(utf8_length("\xC2\x41", 0) == 0);  // the second byte is not a continuation byte
}

TEST_CASE("is_valid_utf8 and sanitize_utf8", "[messages]") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("96\xC2\xA0%"));
    CHECK_FALSE(is_valid_utf8("96\xC2"));
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));
    CHECK(sanitize_utf8("96\xC2\xA0%") == "96\xC2\xA0%");  // valid text comes back unchanged
    // one U+FFFD per bad byte; the good characters around stay
    CHECK(sanitize_utf8("96\xC2") == "96\xEF\xBF\xBD");
    CHECK(sanitize_utf8("a\xFF\xFE"
                        "b") ==
          "a\xEF\xBF\xBD\xEF\xBF\xBD"
          "b");
    CHECK(sanitize_utf8("\xC2\xC2\xA0") == "\xEF\xBF\xBD\xC2\xA0");
}

TEST_CASE("cut_utf8 cuts at a character boundary and says how long the text was", "[messages]") {
    CHECK(cut_utf8("abc", 3) == "abc");
    CHECK(cut_utf8("abcd", 3) == "abc\xE2\x80\xA6 (4 bytes in all)");
    // "a" then U+2212 (3 bytes) then "b": a cut at 2 or 3 bytes would split the minus sign
    const std::string s =
        "a\xE2\x88\x92"
        "b";
    CHECK(cut_utf8(s, 1) == "a\xE2\x80\xA6 (5 bytes in all)");
    CHECK(cut_utf8(s, 2) == "a\xE2\x80\xA6 (5 bytes in all)");
    CHECK(cut_utf8(s, 3) == "a\xE2\x80\xA6 (5 bytes in all)");
    CHECK(cut_utf8(s, 4) == "a\xE2\x88\x92\xE2\x80\xA6 (5 bytes in all)");
    CHECK(utf8_boundary(s, 3) == 1);
    CHECK(utf8_boundary(s, 4) == 4);
    CHECK(is_valid_utf8(cut_utf8(std::string(300, 'x') + "\xF0\x9F\x98\x80", 302)));
}

TEST_CASE("excerpt_utf8 shows the spot a message points at", "[messages]") {
    CHECK(excerpt_utf8("short", 2, 10) == "short");
    // 100 'a', then "X" at byte 100, then 100 'b'; 40 bytes around byte 100: 10 before it (40 / 4)
    const std::string s = std::string(100, 'a') + "X" + std::string(100, 'b');
    CHECK(excerpt_utf8(s, 100, 40) ==
          "\xE2\x80\xA6" + std::string(10, 'a') + "X" + std::string(29, 'b') + "\xE2\x80\xA6");
    CHECK(excerpt_utf8(s, 0, 40) == std::string(40, 'a') + "\xE2\x80\xA6");
    CHECK(excerpt_utf8(s, 200, 40) == "\xE2\x80\xA6" + std::string(40, 'b'));
    // cuts that fall inside U+00A0 move to its start
    const std::string nb = std::string(9, 'a') + "\xC2\xA0" + std::string(20, 'b');
    CHECK(is_valid_utf8(excerpt_utf8(nb, 20, 10)));
    CHECK(is_valid_utf8(excerpt_utf8(nb, 0, 10)));
}

TEST_CASE("describe_char shows a character whole, with its code point", "[messages]") {
    CHECK(describe_char("x", 0) == "'x'");
    CHECK(describe_char("96\xC2\xA0", 2) == "'\xC2\xA0' (U+00A0)");
    CHECK(describe_char("\xE2\x88\x92"
                        "5",
                        0) == "'\xE2\x88\x92' (U+2212)");
    CHECK(describe_char("\xF0\x9F\x98\x80", 0) == "'\xF0\x9F\x98\x80' (U+1F600)");
    CHECK(describe_char("a\nb", 1) == "'\\n' (U+000A)");
    CHECK(describe_char("\x1B", 0) == "U+001B");
    CHECK(describe_char("96\xC2", 2) == "byte 0xC2 (not UTF-8)");
    CHECK(describe_char("ab", 2) == "the end of the text");
}

// Defect 2: the number reader quoted the first byte of a multi-byte character ('\xC2'), so the
// message was not UTF-8 and Python lost every finding with a UnicodeDecodeError.
TEST_CASE("a number with a non-ASCII character quotes the whole character", "[messages]") {
    // U+00BC VULGAR FRACTION ONE QUARTER at byte 2, column 3
    const auto e = thrown<kinerja::parse_error>([] { (void)kinerja::parse_number("96\xC2\xBC"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.parse.number");
    CHECK(e->position() == 2);
    CHECK(is_valid_utf8(e->what()));
    CHECK(std::string(e->what()) ==
          "[kinerja.parse.number] cannot read \"96\xC2\xBC\" at column 3: unexpected character '\xC2\xBC' (U+00BC) "
          "in a number");
    CHECK(e->reason() == "unexpected character '\xC2\xBC' (U+00BC) in a number");

    // the euro sign, inside a percentage read by parse_value
    const auto v = thrown<kinerja::parse_error>([] { (void)kinerja::parse_value("12\xE2\x82\xAC%"); });
    REQUIRE(v);
    CHECK(is_valid_utf8(v->what()));
    CHECK_THAT(v->what(), Contains("unexpected character '\xE2\x82\xAC' (U+20AC)"));
    CHECK_THAT(v->what(), Contains("at column 3"));

    // a lone lead byte: named as a byte, the message stays UTF-8
    const auto b = thrown<kinerja::parse_error>([] { (void)kinerja::parse_number("96\xC2"); });
    REQUIRE(b);
    CHECK(is_valid_utf8(b->what()));
    CHECK_THAT(b->what(), Contains("unexpected byte 0xC2 (not UTF-8) in a number"));
}

TEST_CASE("a message never echoes more than message_quote_bytes of the input", "[messages]") {
    // one million 'x' and a euro sign: parse_value names the text as no kind of value, at column 1
    const std::string big = std::string(1000000, 'x') + "\xE2\x82\xAC";
    const auto e = thrown<kinerja::parse_error>([&] { (void)kinerja::parse_value(big); });
    REQUIRE(e);
    const std::string what = e->what();
    CHECK(is_valid_utf8(what));
    CHECK(what.size() < 3 * kinerja::message_quote_bytes + 200);
    CHECK_THAT(what, Contains("(1000003 bytes)"));
    CHECK_THAT(what, Contains("at column 1"));
    CHECK(e->text() == big);  // the field keeps the whole text

    // the offending character far into a long number is shown, whole, inside the quoted part:
    // 500 digits, then U+2030 at byte 500 (column 501)
    const std::string digits = std::string(500, '1') + "\xE2\x80\xB0" + "5";
    const auto d = thrown<kinerja::parse_error>([&] { (void)kinerja::parse_number(digits); });
    REQUIRE(d);
    CHECK(is_valid_utf8(d->what()));
    // the last 200 bytes: 196 digits, the per mille sign and "5"
    CHECK_THAT(d->what(), Contains("cannot read \"\xE2\x80\xA6" + std::string(196, '1') +
                                   "\xE2\x80\xB0"
                                   "5\" (504 bytes) at column 501: unexpected character "
                                   "'\xE2\x80\xB0' (U+2030) in a number"));
}

TEST_CASE("every error message is valid UTF-8 and bounded, whatever its maker put in", "[messages]") {
    // the base class repairs a message that is not UTF-8 (a multi-byte character cut in two)
    const kinerja::error cut("kinerja.test.cut", "a cut minus \xE2\x88 here");
    CHECK(std::string(cut.what()) == "[kinerja.test.cut] a cut minus \xEF\xBF\xBD\xEF\xBF\xBD here");

    // and cuts a message so that the whole of it, "[id] " and the cut mark included, is at most
    // message_max_bytes: "[kinerja.test.long] " is 20 bytes, the mark's room 40, so 1940 bytes of
    // the body stay; U+00A0 at bytes 1939-1940 would be split there, so it is left out whole
    const kinerja::argument_error longer("kinerja.test.long",
                                         std::string(1939, 'x') + "\xC2\xA0" + std::string(100, 't'));
    const std::string w = longer.what();
    CHECK(is_valid_utf8(w));
    CHECK(w == "[kinerja.test.long] " + std::string(1939, 'x') + "\xE2\x80\xA6 (2041 bytes in all)");
    CHECK(w.size() <= kinerja::message_max_bytes);
    // a message that fits exactly is left whole
    const kinerja::argument_error fits("kinerja.test.long", std::string(2000 - 20, 'x'));
    CHECK(std::string(fits.what()).size() == 2000);
    CHECK(std::string(fits.what()).find("bytes in all") == std::string::npos);

    // a file error's reason that quotes a long cell, and a file name that is not UTF-8
    const kinerja::file_error f("kinerja.test.file", "plan\xFF.yaml", 3, 7, std::string(10000, 'y') + "\xC2");
    const std::string fw = f.what();
    CHECK(is_valid_utf8(fw));
    CHECK(fw.rfind("[kinerja.test.file] plan\xEF\xBF\xBD.yaml:3:7: yyy", 0) == 0);
    CHECK(fw.size() <= kinerja::message_max_bytes);
    CHECK(is_valid_utf8(f.reason()));
    CHECK(f.file() == "plan\xFF.yaml");  // the field keeps the name as given

    // found by plan_fuzzer: a file name and a reason each within their own caps (a 200-byte name,
    // ten quoted 200-byte cells) used to add up to a 2,045-byte message; the whole stays bounded
    std::string many;
    for (int i = 0; i < 10; ++i) many += "cell \"" + std::string(300, 'z') + "\" and ";
    const kinerja::file_error sum("kinerja.plan.reference", std::string(300, 'f') + ".yaml", 12345, 678, many);
    const std::string sw = sum.what();
    CHECK(sw.size() <= kinerja::message_max_bytes);
    CHECK(is_valid_utf8(sw));
    CHECK(sw.rfind("[kinerja.plan.reference] fff", 0) == 0);

    // a parse error's text on several lines is quoted on one line
    const kinerja::parse_error p("kinerja.test.lines", "a\nb\tc", 2, "why");
    CHECK(std::string(p.what()) == "[kinerja.test.lines] cannot read \"a\\nb\\tc\" at column 3: why");
}

// Defect 2 end to end: a plan whose value holds a character the reader does not take loads, and
// the value's message (as the check shows it) is valid UTF-8 with the whole character.
TEST_CASE("a plan value with a non-ASCII character gives a valid UTF-8 message", "[messages]") {
    const std::string yaml =
        "kinerja_plan: 1\n"
        "plan: {id: p, title: T, organisation: O, region: R, period: [2024, 2025], version: v1}\n"
        "sources: {\"Tabel 1\": \"t\"}\n"
        "nodes:\n"
        "  - id: s-1\n"
        "    level: sasaran\n"
        "    name: S\n"
        "    source: \"Tabel 1\"\n"
        "    indicators:\n"
        "      - id: i-1\n"
        "        name: I\n"
        "        unit: Persen\n"
        "        polarity: higher\n"
        "        source: \"Tabel 1\"\n"
        "        targets: {2024: \"96\xC2\xBC%\", 2025: \"97%\"}\n";
    const kinerja::plan p = kinerja::parse_plan(yaml, "u.yaml");
    const auto [n, ind] = p.find_indicator("i-1");
    REQUIRE(ind);
    const auto e = thrown<kinerja::parse_error>(
        [&] { (void)kinerja::read_value(*ind, ind->targets.at(2024).front(), kinerja::default_scales()); });
    REQUIRE(e);
    CHECK(is_valid_utf8(e->what()));
    CHECK_THAT(e->what(), Contains("'\xC2\xBC' (U+00BC)"));
}

// The same defect in a rule file: a rule id with a non-ASCII letter quoted its first byte.
TEST_CASE("a rule id with a non-ASCII letter quotes the whole letter", "[messages]") {
    const std::string yaml =
        "kinerja_rules: 1\n"
        "rules:\n"
        "  - id: r\xC3\xA9\n"  // "ré": U+00E9 at byte 1 of the id
        "    scope: kegiatan\n"
        "    left: pagu\n"
        "    op: \">=\"\n"
        "    right: \"0\"\n"
        "    severity: error\n"
        "    message: \"x\"\n";
    const auto e = thrown<kinerja::error>([&] { (void)kinerja::parse_rules(yaml, "r.yaml"); });
    REQUIRE(e);
    CHECK(is_valid_utf8(e->what()));
    CHECK_THAT(e->what(), Contains("not '\xC3\xA9' (U+00E9) (\"r\xC3\xA9\")"));
}

TEST_CASE("cut_quoted cuts the long quoted parts of a message", "[messages]") {
    using kinerja::detail::cut_quoted;
    CHECK(cut_quoted("level \"abc\" is unknown", 3) == "level \"abc\" is unknown");
    CHECK(cut_quoted("level \"abcd\" is unknown", 3) == "level \"abc\xE2\x80\xA6\" (4 bytes) is unknown");
    CHECK(cut_quoted("got \"abcd", 3) == "got \"abc\xE2\x80\xA6\" (4 bytes)");  // a quote left open
    // U+00A0 at bytes 2-3 of the quoted part is not split by a cut at 3 bytes
    CHECK(cut_quoted("\"ab\xC2\xA0x\" and \"y\"", 3) == "\"ab\xE2\x80\xA6\" (5 bytes) and \"y\"");
}

// A file_error's reason and a lookup_error's message quote names and cells: a quoted part longer
// than message_quote_bytes is cut (it echoed the whole cell, up to the whole file).
TEST_CASE("a plan file error does not echo a long cell", "[messages]") {
    const std::string level(100000, 'x');
    const std::string yaml =
        "kinerja_plan: 1\n"
        "plan: {id: p, title: T, organisation: O, region: R, period: [2024, 2025], version: v1}\n"
        "sources: {\"Tabel 1\": \"t\"}\n"
        "nodes:\n"
        "  - id: s-1\n"
        "    level: " +
        level +
        "\n"
        "    name: S\n"
        "    source: \"Tabel 1\"\n";
    const auto e = thrown<kinerja::file_error>([&] { (void)kinerja::parse_plan(yaml, "u.yaml"); });
    REQUIRE(e);
    const std::string what = e->what();
    CHECK(what.rfind("[kinerja.plan.schema] u.yaml:6:12: ", 0) == 0);
    CHECK_THAT(what, Contains("\"" + std::string(200, 'x') + "\xE2\x80\xA6\" (100000 bytes)"));
    CHECK(what.size() < 600);
    CHECK(e->reason().size() < 600);

    const kinerja::lookup_error l("kinerja.lookup.test", level, "unknown name \"" + level + "\"");
    CHECK(std::string(l.what()) ==
          "[kinerja.lookup.test] unknown name \"" + std::string(200, 'x') + "\xE2\x80\xA6\" (100000 bytes)");
    CHECK(l.name() == level);  // the field keeps the whole name
}
