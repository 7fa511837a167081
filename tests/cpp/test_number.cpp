// SPDX-License-Identifier: Apache-2.0
// Tests of number.hpp: reading numbers printed in the Indonesian and English conventions (and
// the mixtures of the seed), the ambiguous form d.ddd / d,ddd, malformed input, and writing.
// Every expected value below is worked out by hand from the printed text.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/number.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using kinerja::convention;
using kinerja::format_number;
using kinerja::number_context;
using kinerja::parse_number;

namespace {

using kinerja_test::thrown;

std::optional<kinerja::parse_error> parse_failure(const std::string& text, const number_context& ctx = {}) {
    return thrown<kinerja::parse_error>([&] { (void)parse_number(text, ctx); });
}

number_context ranged(std::optional<double> lo, std::optional<double> hi) {
    number_context c;
    c.minimum = lo;
    c.maximum = hi;
    return c;
}

number_context with_policy(number_context::ambiguous_policy p) {
    number_context c;
    c.ambiguous = p;
    return c;
}

}  // namespace

TEST_CASE("parse_number reads Indonesian and English grouping with decimals", "[number]") {
    SECTION("Indonesian 1.234.567,89: dots group thousands, the comma marks decimals") {
        const auto n = parse_number("1.234.567,89");
        CHECK_THAT(n.value, WithinAbs(1234567.89, 1e-7));
        CHECK(n.decimals == 2);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::indonesian);
    }
    SECTION("English 1,234,567.89: commas group thousands, the dot marks decimals") {
        const auto n = parse_number("1,234,567.89");
        CHECK_THAT(n.value, WithinAbs(1234567.89, 1e-7));
        CHECK(n.decimals == 2);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::english);
    }
    SECTION("seed budget 5.599.220.800 (Indonesian, several groups, no decimals)") {
        const auto n = parse_number("5.599.220.800");
        CHECK(n.value == 5599220800.0);
        CHECK(n.decimals == 0);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::indonesian);
    }
    SECTION("seed budget 8,958,876,144 (English, several groups)") {
        const auto n = parse_number("8,958,876,144");
        CHECK(n.value == 8958876144.0);
        CHECK(n.decimals == 0);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::english);
    }
    SECTION("seed mixture 1,584.900.000: every separator groups thousands -> 1 584 900 000") {
        const auto n = parse_number("1,584.900.000");
        CHECK(n.value == 1584900000.0);
        CHECK(n.decimals == 0);
        // a number that uses both marks for grouping reveals no convention
        CHECK_FALSE(n.written_in.has_value());
    }
    SECTION("Indonesian grouping with a decimal comma after several groups: 6.741.576.000,00") {
        const auto n = parse_number("6.741.576.000,00");
        CHECK(n.value == 6741576000.0);
        CHECK(n.decimals == 2);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::indonesian);
    }
}

TEST_CASE("parse_number reads small indices and shares with their precision", "[number]") {
    SECTION("0,253 (IDG-like index): a leading 0 cannot start a thousands group, so the comma is decimal") {
        const auto n = parse_number("0,253");
        CHECK_THAT(n.value, WithinAbs(0.253, 1e-12));
        CHECK(n.decimals == 3);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::indonesian);
        // half a unit of the third decimal: 0.0005
        CHECK_THAT(n.half_unit(), WithinAbs(0.0005, 1e-15));
    }
    SECTION("92.95: two digits after the dot can only be decimals") {
        const auto n = parse_number("92.95");
        CHECK_THAT(n.value, WithinAbs(92.95, 1e-12));
        CHECK(n.decimals == 2);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::english);
    }
    SECTION("66,7 has one decimal and stands for 66.65..66.75 (half unit 0.05)") {
        const auto n = parse_number("66,7");
        CHECK_THAT(n.value, WithinAbs(66.7, 1e-12));
        CHECK(n.decimals == 1);
        CHECK_THAT(n.half_unit(), WithinAbs(0.05, 1e-15));
    }
    SECTION("an integer has no decimals and a half unit of 0.5") {
        const auto n = parse_number("2364");
        CHECK(n.value == 2364.0);
        CHECK(n.decimals == 0);
        CHECK_FALSE(n.written_in.has_value());
        CHECK_THAT(n.half_unit(), WithinAbs(0.5, 1e-15));
    }
    SECTION("290,00: trailing zeros count as printed decimals") {
        const auto n = parse_number("290,00");
        CHECK(n.value == 290.0);
        CHECK(n.decimals == 2);
        CHECK_THAT(n.half_unit(), WithinAbs(0.005, 1e-15));
    }
    SECTION("1234.567 has four digits before the separator, so it cannot be a thousands group") {
        const auto n = parse_number("1234.567");
        CHECK_THAT(n.value, WithinAbs(1234.567, 1e-9));
        CHECK(n.decimals == 3);
    }
}

TEST_CASE("parse_number reads signs and ignores surrounding spaces", "[number]") {
    SECTION("negative Indonesian -1.234,5 -> -1234.5") {
        const auto n = parse_number("-1.234,5");
        CHECK_THAT(n.value, WithinAbs(-1234.5, 1e-9));
        CHECK(n.decimals == 1);
    }
    SECTION("negative English -8,958,876,144 -> -8958876144") {
        CHECK(parse_number("-8,958,876,144").value == -8958876144.0);
    }
    SECTION("negative decimal -0,5") { CHECK_THAT(parse_number("-0,5").value, WithinAbs(-0.5, 1e-15)); }
    SECTION("explicit plus sign") { CHECK(parse_number("+7").value == 7.0); }
    SECTION("leading and trailing spaces") { CHECK(parse_number("  42 \t").value == 42.0); }
}

TEST_CASE("parse_number rejects d.ddd and d,ddd without context, naming the separator", "[number]") {
    SECTION("1.000 is one thousand or one") {
        const auto e = parse_failure("1.000");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.ambiguous_number");
        CHECK(e->text() == "1.000");
        CHECK(e->position() == 1);  // the '.'
        CHECK(e->column() == 2);
        CHECK_THAT(e->reason(), Contains("ambiguous"));
        // both readings are stated: 1000 grouped, 1 as a decimal
        CHECK_THAT(e->reason(), Contains("1000"));
        CHECK_THAT(std::string(e->what()), Contains("[kinerja.parse.ambiguous_number]"));
        CHECK_THAT(std::string(e->what()), Contains("\"1.000\""));
        CHECK_THAT(std::string(e->what()), Contains("column 2"));
    }
    SECTION("742,340 (a KLA score printed in the seed) is 742340 or 742.34") {
        const auto e = parse_failure("742,340");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.ambiguous_number");
        CHECK(e->position() == 3);
        CHECK_THAT(e->reason(), Contains("742340"));
        CHECK_THAT(e->reason(), Contains("742.34"));
    }
    SECTION("the position counts leading spaces") {
        const auto e = parse_failure("  4.000");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.ambiguous_number");
        CHECK(e->position() == 3);
    }
    SECTION("a negative ambiguous number is ambiguous too") {
        const auto e = parse_failure("-1,000");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.ambiguous_number");
        CHECK(e->position() == 2);
    }
    SECTION("the message starts with the id and shows the text") {
        CHECK_THROWS_WITH(parse_number("4.000"), Contains("[kinerja.parse.ambiguous_number] cannot read \"4.000\""));
    }
    SECTION("the error is a kinerja::error and a std::runtime_error") {
        REQUIRE_THROWS_AS(parse_number("1.000"), kinerja::error);
        REQUIRE_THROWS_AS(parse_number("1.000"), std::runtime_error);
    }
}

TEST_CASE("number_context policies settle the ambiguous form", "[number]") {
    using policy = number_context::ambiguous_policy;
    SECTION("grouping: 1.000 is one thousand (money, counts), written Indonesian") {
        const auto n = parse_number("1.000", with_policy(policy::grouping));
        CHECK(n.value == 1000.0);
        CHECK(n.decimals == 0);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::indonesian);
    }
    SECTION("grouping: 742,340 is 742340, written English") {
        const auto n = parse_number("742,340", with_policy(policy::grouping));
        CHECK(n.value == 742340.0);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::english);
    }
    SECTION("grouping keeps the sign: -4.000 -> -4000") {
        CHECK(parse_number("-4.000", with_policy(policy::grouping)).value == -4000.0);
    }
    SECTION("decimal: 1.000 is 1 with three printed decimals, written English") {
        const auto n = parse_number("1.000", with_policy(policy::decimal));
        CHECK(n.value == 1.0);
        CHECK(n.decimals == 3);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::english);
    }
    SECTION("decimal: 742,340 is 742.34 written Indonesian") {
        const auto n = parse_number("742,340", with_policy(policy::decimal));
        CHECK_THAT(n.value, WithinAbs(742.34, 1e-9));
        CHECK(n.decimals == 3);
        REQUIRE(n.written_in.has_value());
        CHECK(*n.written_in == convention::indonesian);
    }
    SECTION("policies do not change unambiguous numbers") {
        CHECK(parse_number("5.599.220.800", with_policy(policy::decimal)).value == 5599220800.0);
        CHECK_THAT(parse_number("66,7", with_policy(policy::grouping)).value, WithinAbs(66.7, 1e-12));
    }
}

TEST_CASE("a plausible range settles the ambiguous form when exactly one reading lies in it", "[number]") {
    SECTION("KLA score range 0..1000: 742340 is outside, 742.34 inside") {
        const auto n = parse_number("742,340", ranged(0.0, 1000.0));
        CHECK_THAT(n.value, WithinAbs(742.34, 1e-9));
        CHECK(n.decimals == 3);
    }
    SECTION("range 100..1e6: 1.000 is 1000 (1 lies below the range)") {
        CHECK(parse_number("1.000", ranged(100.0, 1e6)).value == 1000.0);
    }
    SECTION("only a maximum of 100: 1.000 is 1") {
        CHECK(parse_number("1.000", ranged(std::nullopt, 100.0)).value == 1.0);
    }
    SECTION("the range is inclusive: maximum 1000 admits 1.000 read as 1000 as well as 1 -> ambiguous") {
        const auto e = parse_failure("1.000", ranged(0.0, 1000.0));
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.ambiguous_number");
        CHECK(e->position() == 1);
        CHECK_THAT(e->reason(), Contains("both readings"));
    }
    SECTION("neither reading inside the range is still an error") {
        // 1000 and 1 both lie outside 2000..3000
        const auto e = parse_failure("1.000", ranged(2000.0, 3000.0));
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.ambiguous_number");
        CHECK_THAT(e->reason(), Contains("neither reading"));
    }
}

TEST_CASE("parse_number reports malformed numbers with the offending position", "[number]") {
    struct bad {
        const char* text;
        std::size_t position;
        const char* reason;
    };
    const bad cases[] = {
        {"1..2", 2, "two separators"},  // the second '.'
        {",5", 0, "cannot start with a separator"},
        {"12,", 2, "nothing follows"},
        {"1.23.456", 1, "exactly 3 digits"},           // group "23" after the first '.'
        {"1.2345.678", 1, "exactly 3 digits"},         // group "2345" after the first '.'
        {"1234.567.890", 4, "first thousands group"},  // 4 digits before the first grouping '.'
        {"0.123.456", 0, "cannot start with 0"},
        {"12a", 2, "'a'"},
        {"abc", 0, "'a'"},
        {"1 000", 1, "unexpected character"},  // a space inside the number
        {"", 0, "empty"},
        {"   ", 3, "empty"},
        {"-", 0, "sign"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto e = parse_failure(c.text);
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.number");
        CHECK(e->text() == c.text);
        CHECK(e->position() == c.position);
        CHECK(e->column() == c.position + 1);
        CHECK_THAT(e->reason(), Contains(c.reason));
        CHECK_THAT(std::string(e->what()), Contains(std::string("\"") + c.text + "\""));
    }
}

TEST_CASE("parse_number rejects a number too large for a double", "[number]") {
    const std::string huge = "1" + std::string(400, '0');  // 1e400 > DBL_MAX (about 1.8e308)
    const auto e = parse_failure(huge);
    REQUIRE(e.has_value());
    CHECK(e->id() == "kinerja.parse.too_many_digits");
    CHECK_THAT(e->reason(), Contains("401 digits"));
}

// Regression (issue 13, defect 9): Rp 9.007.199.254.740.993 (2^53 + 1) was read into a double and
// printed back as ...992. Numbers are now kept exact up to 18 digits, and more is an error.
TEST_CASE("parse_number keeps numbers exact beyond 2^53 and refuses more than 18 digits", "[number]") {
    const auto n = parse_number("9.007.199.254.740.993");
    CHECK(n.exact.units() == 9007199254740993LL);
    CHECK(n.exact.scale() == 0);
    CHECK(format_number(n.exact, convention::indonesian, 0) == "9.007.199.254.740.993");
    CHECK(format_number(n.exact, convention::english, 2) == "9,007,199,254,740,993.00");
    // 18 digits is the largest exact number
    CHECK(parse_number("999.999.999.999.999.999").exact.units() == 999999999999999999LL);
    const auto m = parse_number("1.234,50");
    CHECK(m.exact.units() == 123450);
    CHECK(m.exact.scale() == 2);
    // leading zeros are no digits of the range; 18 decimals are the most
    CHECK(parse_number("0,000000000000000001").exact.units() == 1);
    struct too_many {
        const char* text;
        const char* reason;
    };
    for (const too_many& c : {too_many{"1.000.000.000.000.000.000", "19 digits"},  // 10^18
                              too_many{"12345678901234567890", "20 digits"},
                              too_many{"0,1234567890123456789", "19 after the decimal mark"}}) {
        CAPTURE(c.text);
        const auto e = parse_failure(c.text, with_policy(number_context::ambiguous_policy::grouping));
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.too_many_digits");
        CHECK_THAT(e->reason(), Contains(c.reason));
        CHECK(e->position() == 0);
    }
}

TEST_CASE("decimal adds, subtracts and compares exactly and refuses to leave the exact range", "[number]") {
    using kinerja::decimal;
    const decimal big(9007199254740993LL);  // 2^53 + 1: no double holds it
    CHECK((big + decimal(1)).units() == 9007199254740994LL);
    CHECK((big - decimal(9007199254740992LL)).units() == 1);
    CHECK((big + decimal(1)).to_string() == "9007199254740994");
    // scales are aligned: 1,234.5 + 0.25 = 1,234.75
    const decimal s = decimal(12345, 1) + decimal(25, 2);
    CHECK(s.units() == 123475);
    CHECK(s.scale() == 2);
    CHECK(s.to_string() == "1234.75");
    CHECK(decimal(150, 2) == decimal(15, 1));  // 1.50 = 1.5
    CHECK(decimal(-5) < decimal(0));
    CHECK(decimal(-5, 3).to_string() == "-0.005");
    CHECK(decimal(5, 3).to_double() == 0.005);
    CHECK(decimal::from_double(5599220800.0)->units() == 5599220800LL);
    CHECK(decimal::from_double(0.1)->to_string() == "0.1");
    CHECK_FALSE(decimal::from_double(1e19).has_value());
    CHECK(decimal::from_string("-1234.50")->units() == -123450);
    CHECK_FALSE(decimal::from_string("12a").has_value());
    // 999,999,999,999,999,999 + 1 = 10^18, one digit too many
    const auto e = thrown<kinerja::argument_error>([&] { (void)(decimal(decimal::max_units) + decimal(1)); });
    REQUIRE(e.has_value());
    CHECK(e->id() == "kinerja.argument.amount_range");
    CHECK_THAT(std::string(e->what()), Contains("999999999999999999 + 1"));
    CHECK(thrown<kinerja::argument_error>([&] { (void)decimal(1, 19); }).has_value());
    // exact rounding half away from zero: 2.675 -> 2.68, -0.005 -> -0.01, 0.004 -> 0.00
    CHECK(format_number(decimal(2675, 3), convention::english, 2) == "2.68");
    CHECK(format_number(decimal(-5, 3), convention::english, 2) == "-0.01");
    CHECK(format_number(decimal(-4, 3), convention::english, 2) == "0.00");
    CHECK(format_number(decimal(99999, 2), convention::indonesian, 1) == "1.000,0");
}

// Regression (issue 13, defect 9): format_number wrote the binary expansion of a double, so the
// last digits of a large amount with decimals were wrong (1234567.1 to 15 decimals became 1,234,567.100000000093132).
TEST_CASE("format_number writes no digit the double does not hold", "[number]") {
    CHECK(format_number(1234567.1, convention::english, 15) == "1,234,567.100000000000000");
    CHECK(format_number(123456789012.34, convention::english, 14) == "123,456,789,012.34000000000000");
    // 2^53 + 2 = 9,007,199,254,740,994 is a double; two decimals are zeros
    CHECK(format_number(9007199254740994.0, convention::indonesian, 2) == "9.007.199.254.740.994,00");
    // multiplying by 10^decimals before rounding lost the digit that decides: 60226455333320.84 to
    // one decimal is .8 (the next digit is 4), not .9; -789351.9927158849 to eight is ...588 (next 4)
    CHECK(format_number(60226455333320.84, convention::english, 1, false) == "60226455333320.8");
    CHECK(format_number(-789351.9927158849, convention::english, 8, false) == "-789351.99271588");
    // 1.2345678901234567e20 holds 17 digits; the rest are zeros, not 123456789012345677877
    CHECK(format_number(1.2345678901234567e20, convention::english, 0) == "123,456,789,012,345,670,000");
}

// Issue 13, defect 2: values copied from PDFs hold no-break, thin and narrow no-break spaces and
// the minus sign U+2212. They are read as ASCII; other characters are named with their code point.
TEST_CASE("parse_number reads the spaces and minus sign of PDFs and names any other character", "[number]") {
    CHECK(parse_number("\xc2\xa0"
                       "96\xc2\xa0")
              .value == 96.0);  // U+00A0 around 96
    CHECK(parse_number("\xe2\x88\x92"
                       "5")
              .value == -5.0);  // U+2212 5
    CHECK(parse_number("\xe2\x88\x92"
                       "1,5",
                       with_policy(number_context::ambiguous_policy::decimal))
              .value == -1.5);
    // thin space (U+2009) and narrow no-break space (U+202F) between digits group thousands
    CHECK(parse_number("1\xe2\x80\x89"
                       "234\xe2\x80\x89"
                       "567")
              .value == 1234567.0);
    CHECK(parse_number("1\xe2\x80\xaf"
                       "234")
              .exact.units() == 1234);  // not ambiguous: a space groups
    const auto g = parse_number(
        "1\xc2\xa0"
        "234,5");  // the ',' is then the decimal mark
    CHECK(g.exact.units() == 12345);
    CHECK(g.exact.scale() == 1);
    CHECK(g.written_in == convention::indonesian);
    struct bad {
        std::string text;
        std::size_t position;
        std::string reason;
    };
    const bad cases[] = {
        {"12\xc3\x97"
         "3",
         2, "unexpected character '\xc3\x97' (U+00D7) in a number"},  // 12×3
        {"\xe2\x80\x93"
         "5",
         0, "an en dash (U+2013) in a number is not read as a minus sign"},
        {"\xe2\x80\x94"
         "5",
         0, "an em dash (U+2014)"},
        {"5\xff", 1, "unexpected byte 0xFF (not UTF-8)"},
        {"5\xc3", 1, "unexpected byte 0xC3 (not UTF-8)"},  // a cut character
        {"\xe2\x88\x92"
         "7x",
         4, "'x'"},  // positions count the bytes of the original
        {"1\xe2\x80\x89"
         "23",
         1, "after a space needs exactly 3 digits, found 2"},
        {"1\xe2\x80\x89"
         "234.567,5",
         11, "at most one '.' or ','"},
        {"1\x01", 1, "control character U+0001"},
        {"1\x1f"
         "234",
         1, "control character U+001F"},  // raw, not a grouping space
    };
    for (const bad& c : cases) {
        CAPTURE(c.text);
        const auto e = parse_failure(c.text);
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.number");
        CHECK(e->text() == c.text);
        CHECK(e->position() == c.position);
        CHECK_THAT(e->reason(), Contains(c.reason));
    }
}

TEST_CASE("format_number writes both conventions with grouping and half-up rounding", "[number]") {
    SECTION("1234567.891 to 2 decimals: .891 -> .89") {
        CHECK(format_number(1234567.891, convention::indonesian, 2) == "1.234.567,89");
        CHECK(format_number(1234567.891, convention::english, 2) == "1,234,567.89");
    }
    SECTION("without grouping") {
        CHECK(format_number(1234567.891, convention::indonesian, 2, false) == "1234567,89");
        CHECK(format_number(1234567.891, convention::english, 2, false) == "1234567.89");
    }
    SECTION("groups of three from the right") {
        CHECK(format_number(4000.0, convention::indonesian, 0) == "4.000");
        CHECK(format_number(123456.0, convention::english, 0) == "123,456");
        CHECK(format_number(100.0, convention::english, 0) == "100");
        CHECK(format_number(837870000.0, convention::english, 0) == "837,870,000");  // Tabel 2.11
    }
    SECTION("half up at the last digit, including values stored just below the half") {
        CHECK(format_number(0.125, convention::english, 2) == "0.13");      // 0.125 -> 0.13
        CHECK(format_number(113.625, convention::english, 2) == "113.63");  // 113.625 -> 113.63
        CHECK(format_number(1.005, convention::english, 2) == "1.01");      // decimal 1.005 -> 1.01
        CHECK(format_number(2.5, convention::english, 0) == "3");
        CHECK(format_number(72.79 / 60 * 100, convention::indonesian, 2) == "121,32");  // 121.3166.. -> 121.32
    }
    SECTION("rounding can carry into a new thousands group: 999.995 -> 1,000.00") {
        CHECK(format_number(999.995, convention::english, 2) == "1,000.00");
    }
    SECTION("negative numbers round away from zero and keep the sign") {
        CHECK(format_number(-2.5, convention::english, 0) == "-3");
        CHECK(format_number(-1234.5, convention::indonesian, 1) == "-1.234,5");
        CHECK(format_number(-113.625, convention::indonesian, 2) == "-113,63");
    }
    SECTION("a negative value that rounds to zero is written without a sign") {
        CHECK(format_number(-0.004, convention::indonesian, 2) == "0,00");
    }
    SECTION("pads with zeros up to the requested decimals") {
        CHECK(format_number(290.0, convention::indonesian, 2) == "290,00");
        CHECK(format_number(0.03, convention::english, 3) == "0.030");
    }
}

TEST_CASE("format_number rejects bad decimals and non-finite values", "[number]") {
    SECTION("decimals outside 0..15") {
        for (int d : {-1, 16}) {
            CAPTURE(d);
            const auto e = thrown<kinerja::argument_error>([&] { (void)format_number(1.0, convention::english, d); });
            REQUIRE(e.has_value());
            CHECK(e->id() == "kinerja.argument.decimals");
            CHECK_THAT(std::string(e->what()), Contains(std::to_string(d)));
        }
    }
    SECTION("NaN and infinity") {
        for (double v : {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
            const auto e = thrown<kinerja::argument_error>([&] { (void)format_number(v, convention::english, 2); });
            REQUIRE(e.has_value());
            CHECK(e->id() == "kinerja.argument.not_finite");
        }
    }
}

TEST_CASE("format_number and parse_number round-trip the seed's numbers", "[number]") {
    // budgets of Tabel 2.11 below 1e9, indices and counts
    const double values[] = {837870000.0, 423335600.0, 8997000.0, 0.253, 92.95, 742.34, 2364.0};
    const int decimals[] = {0, 0, 0, 3, 2, 3, 0};
    for (std::size_t i = 0; i < 7; ++i) {
        for (convention conv : {convention::indonesian, convention::english}) {
            const std::string text = format_number(values[i], conv, decimals[i]);
            CAPTURE(values[i], text);
            number_context ctx;
            ctx.ambiguous = decimals[i] == 0 ? number_context::ambiguous_policy::grouping
                                             : number_context::ambiguous_policy::decimal;
            const auto n = parse_number(text, ctx);
            CHECK_THAT(n.value, WithinRel(values[i], 1e-15));
            CHECK(n.decimals == decimals[i]);
        }
    }
}

// Regression: the boundary tolerance of the rounding once grew with the magnitude and shifted
// amounts above 1e9 by several Rupiah (11,840,364,035 was written 11.840.364.047).
TEST_CASE("format_number writes large Rupiah amounts digit for digit", "[number]") {
    // Tabel 2.11, 2021 total realization: Rp 11.840.364.035 -> printed unchanged at 0 decimals
    CHECK(format_number(11840364035.0, convention::indonesian, 0) == "11.840.364.035");
    // 6.741.576.000,00 at 2 decimals
    CHECK(format_number(6741576000.0, convention::indonesian, 2) == "6.741.576.000,00");
    // Rp. 22.275.313.470,- in English grouping
    CHECK(format_number(22275313470.0, convention::english, 0) == "22,275,313,470");
    // the seed budgets 5.599.220.800 and 8,958,876,144 round-trip through format and parse
    CHECK(format_number(5599220800.0, convention::indonesian, 0) == "5.599.220.800");
    CHECK(parse_number(format_number(8958876144.0, convention::english, 0)).value == 8958876144.0);
}

TEST_CASE("number_context: written with one to four values, the rest keep their defaults", "[number]") {
    // {policy, minimum, maximum} as before printed_in existed: no warning (the test program
    // builds with -Wextra -Werror), no convention
    const number_context three{number_context::ambiguous_policy::grouping, 0.0, 1e6};
    CHECK_FALSE(three.printed_in);
    CHECK(parse_number("1.500", three).value == 1500.0);
    const number_context one{number_context::ambiguous_policy::decimal};
    CHECK(parse_number("1.500", one).value == 1.5);
    const number_context four{number_context::ambiguous_policy::grouping, std::nullopt, std::nullopt,
                              convention::english};
    CHECK(parse_number("1.500", four).value == 1.5);  // the declared convention comes first
}
