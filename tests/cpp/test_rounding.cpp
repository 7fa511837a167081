// SPDX-License-Identifier: Apache-2.0
// Tests of rounding.hpp: half up and truncation at 0, 1 and 2 decimals on the seed's achievement
// figures, decimal boundaries that binary doubles miss, negative values and bad settings.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/rounding.hpp>

#include <optional>
#include <string>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using kinerja::rounding;
using kinerja::rounding_rule;

namespace {

using kinerja_test::thrown;

double half_up(double v, int d) { return rounding_rule{rounding::half_up, d}.apply(v); }
double truncate(double v, int d) { return rounding_rule{rounding::truncate, d}.apply(v); }

constexpr double eps = 1e-9;

}  // namespace

TEST_CASE("half up and truncate differ on 113.625 (1 : 4.545 against 1 : 4.000)", "[rounding]") {
    // 4545 / 4000 = 1.13625 -> 113.625 %; the double nearest 113.625 is exact (113.625 = 909/8)
    const double x = 4545.0 / 4000.0 * 100.0;
    SECTION("2 decimals: 113.63 half up, 113.62 truncated") {
        CHECK_THAT(half_up(x, 2), WithinAbs(113.63, eps));
        CHECK_THAT(truncate(x, 2), WithinAbs(113.62, eps));
    }
    SECTION("1 decimal: 113.6 both ways (the next digit is 2)") {
        CHECK_THAT(half_up(x, 1), WithinAbs(113.6, eps));
        CHECK_THAT(truncate(x, 1), WithinAbs(113.6, eps));
    }
    SECTION("0 decimals: 114 half up, 113 truncated (the seed prints 113%)") {
        CHECK_THAT(half_up(x, 0), WithinAbs(114.0, eps));
        CHECK_THAT(truncate(x, 0), WithinAbs(113.0, eps));
    }
}

TEST_CASE("half up and truncate on the ARG achievement 77.90 / 53.24 = 146.3185..%", "[rounding]") {
    // 53.24 x 1.46 = 77.7304; 0.1696 / 53.24 = 0.0031856 -> 146.31856 %
    const double x = 77.90 / 53.24 * 100.0;
    CHECK_THAT(half_up(x, 2), WithinAbs(146.32, eps));
    CHECK_THAT(truncate(x, 2), WithinAbs(146.31, eps));  // what the seed prints
    CHECK_THAT(half_up(x, 1), WithinAbs(146.3, eps));
    CHECK_THAT(truncate(x, 1), WithinAbs(146.3, eps));
    CHECK_THAT(half_up(x, 0), WithinAbs(146.0, eps));
    CHECK_THAT(truncate(x, 0), WithinAbs(146.0, eps));
}

TEST_CASE("half up and truncate on 102.8767", "[rounding]") {
    const double x = 102.87671;
    CHECK_THAT(half_up(x, 2), WithinAbs(102.88, eps));
    CHECK_THAT(truncate(x, 2), WithinAbs(102.87, eps));
    CHECK_THAT(half_up(x, 1), WithinAbs(102.9, eps));
    CHECK_THAT(truncate(x, 1), WithinAbs(102.8, eps));
    CHECK_THAT(half_up(x, 0), WithinAbs(103.0, eps));
    CHECK_THAT(truncate(x, 0), WithinAbs(102.0, eps));
}

TEST_CASE("decimal boundaries missed by binary doubles are treated as boundaries", "[rounding]") {
    SECTION("1.15 x 100 is 115 in decimal, stored as 114.99999999999999: truncates to 115") {
        CHECK_THAT(truncate(1.15 * 100.0, 0), WithinAbs(115.0, eps));
    }
    SECTION("0.035 / 0.028 x 100 is exactly 125 in decimal (the seed's 125%)") {
        CHECK_THAT(truncate(0.035 / 0.028 * 100.0, 0), WithinAbs(125.0, eps));
        CHECK_THAT(truncate(0.035 / 0.028 * 100.0, 2), WithinAbs(125.0, eps));
    }
    SECTION("1.005 rounds half up to 1.01 although the double is 1.00499999999999989..") {
        CHECK_THAT(half_up(1.005, 2), WithinAbs(1.01, eps));
    }
    SECTION("0.29 / 0.30 x 100 = 96.666.. truncates to 96.66") {
        CHECK_THAT(truncate(0.29 / 0.30 * 100.0, 2), WithinAbs(96.66, eps));
    }
    SECTION("the header's example: truncate(4.545 / 4 x 100, 2) = 113.62 (113.625 exactly in decimal)") {
        CHECK_THAT(truncate(4.545 / 4.0 * 100.0, 2), WithinAbs(113.62, eps));
        CHECK_THAT(half_up(4.545 / 4.0 * 100.0, 2), WithinAbs(113.63, eps));
    }
    SECTION("a value clearly below the boundary is not pushed up") {
        CHECK_THAT(truncate(146.3199, 2), WithinAbs(146.31, eps));
        CHECK_THAT(half_up(0.12499, 2), WithinAbs(0.12, eps));
    }
}

TEST_CASE("negative values round away from zero and truncate towards zero", "[rounding]") {
    CHECK_THAT(half_up(-113.625, 2), WithinAbs(-113.63, eps));
    CHECK_THAT(truncate(-113.625, 2), WithinAbs(-113.62, eps));
    CHECK_THAT(half_up(-2.5, 0), WithinAbs(-3.0, eps));
    CHECK_THAT(truncate(-2.7, 0), WithinAbs(-2.0, eps));
    CHECK_THAT(half_up(-146.31856, 2), WithinAbs(-146.32, eps));
    CHECK_THAT(truncate(-146.31856, 2), WithinAbs(-146.31, eps));
}

TEST_CASE("rounding none keeps full precision and is the default", "[rounding]") {
    const rounding_rule def{};
    CHECK(def.mode == rounding::none);
    CHECK(def.decimals == 2);
    const double x = 72.79 / 60.0 * 100.0;
    CHECK(def.apply(x) == x);
    CHECK(rounding_rule{rounding::none, 0}.apply(113.625) == 113.625);
}

TEST_CASE("rounding rejects decimals outside 0..12", "[rounding]") {
    // rounding::none too: a rule with a bad number of decimals is wrong whatever its mode
    for (rounding mode : {rounding::half_up, rounding::truncate, rounding::none}) {
        for (int d : {-1, 13}) {
            CAPTURE(d);
            const auto e = thrown<kinerja::argument_error>([&] { (void)rounding_rule{mode, d}.apply(1.5); });
            REQUIRE(e.has_value());
            CHECK(e->id() == "kinerja.argument.decimals");
            CHECK_THAT(std::string(e->what()), Contains(std::to_string(d)));
        }
    }
    SECTION("the edges 0 and 12 are accepted") {
        CHECK_THAT(half_up(0.5, 0), WithinAbs(1.0, eps));
        CHECK_THAT(half_up(1.5e-6, 12), WithinAbs(1.5e-6, 1e-15));
        CHECK_THAT(truncate(2.5e-6, 12), WithinAbs(2.5e-6, 1e-15));
    }
}

TEST_CASE("rounding modes have names and are read from text", "[rounding]") {
    CHECK(kinerja::to_string(rounding::none) == "none");
    CHECK(kinerja::to_string(rounding::half_up) == "half_up");
    CHECK(kinerja::to_string(rounding::truncate) == "truncate");
    SECTION("names and aliases") {
        CHECK(kinerja::rounding_from_string("none") == rounding::none);
        CHECK(kinerja::rounding_from_string("half_up") == rounding::half_up);
        CHECK(kinerja::rounding_from_string("half-up") == rounding::half_up);
        CHECK(kinerja::rounding_from_string("round") == rounding::half_up);
        CHECK(kinerja::rounding_from_string("truncate") == rounding::truncate);
        CHECK(kinerja::rounding_from_string("trunc") == rounding::truncate);
        CHECK(kinerja::rounding_from_string("Truncate") == rounding::truncate);
    }
    SECTION("unknown names are lookup errors naming the word") {
        const auto e = thrown<kinerja::lookup_error>([] { (void)kinerja::rounding_from_string("bankers"); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.lookup.rounding");
        CHECK(e->name() == "bankers");
        CHECK_THAT(std::string(e->what()), Contains("bankers"));
    }
}

// Regression: the boundary tolerance was once 1e-9 x (value x 10^d) steps, more than a whole
// step once value x 10^d exceeded 1e9 (12,345,678,901.4 rounded to 12,345,678,914).
TEST_CASE("rounding large amounts changes no digit before the rounded one", "[rounding]") {
    // 12,345,678,901.4 -> 12,345,678,901 (half up and truncated)
    CHECK(half_up(12345678901.4, 0) == 12345678901.0);
    CHECK(truncate(12345678901.4, 0) == 12345678901.0);
    // Tabel 2.11 total budget 2021: 12,692,580,100 is already whole
    CHECK(half_up(12692580100.0, 0) == 12692580100.0);
    // 10,000,000.004 to 2 decimals -> 10,000,000.00 (1e9 steps of 0.01)
    CHECK(half_up(10000000.004, 2) == 10000000.0);
    // 12 decimals (allowed): 0.1234567890124 -> 0.123456789012
    CHECK_THAT(half_up(0.1234567890124, 12), WithinAbs(0.123456789012, 1e-14));
}
