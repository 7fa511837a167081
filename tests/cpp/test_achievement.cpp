// SPDX-License-Identifier: Apache-2.0
// Tests of achievement.hpp against the achievements the seed states in section 2.3 (text after
// Tabel 2.7) and the absorption of Tabel 2.11. Every expected figure is worked out by hand in a
// comment; the seed's own printed figure is named where it exists.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/achievement.hpp>
#include <kinerja/error.hpp>
#include <kinerja/scale.hpp>
#include <kinerja/value.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using kinerja::achievement;
using kinerja::achievement_options;
using kinerja::attainment;
using kinerja::method;
using kinerja::parse_value;
using kinerja::polarity;
using kinerja::rounding;
using kinerja::rounding_rule;

namespace {

using kinerja_test::thrown;

constexpr double eps = 1e-9;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

achievement_options opts(polarity p, rounding mode = rounding::none, int decimals = 2,
                         std::optional<method> m = std::nullopt, std::optional<double> cap = std::nullopt) {
    achievement_options o;
    o.polarity = p;
    o.method = m;
    o.rounding = rounding_rule{mode, decimals};
    o.cap = cap;
    return o;
}

const achievement_options higher_half_up = opts(polarity::higher, rounding::half_up);
const achievement_options higher_truncate = opts(polarity::higher, rounding::truncate);

}  // namespace

TEST_CASE("defaults: higher is better, direct, no cap, no rounding", "[achievement]") {
    const achievement_options o;
    CHECK(o.polarity == polarity::higher);
    CHECK_FALSE(o.method.has_value());
    CHECK(o.resolved_method() == method::direct);
    CHECK(o.rounding.mode == rounding::none);
    CHECK_FALSE(o.cap.has_value());
    CHECK(kinerja::default_method(polarity::higher) == method::direct);
    CHECK(kinerja::default_method(polarity::lower) == method::inverse);
    // unrounded: 72.79 / 60 x 100 = 121.31666..
    CHECK_THAT(achievement(60.0, 72.79), WithinAbs(121.316666666667, 1e-9));
}

TEST_CASE("AKIP scores 2019-2022 give the seed's achievements rounded half up", "[achievement]") {
    SECTION("2019: CC (60) -> BB (72.79): 72.79 / 60 = 1.2131666.. -> 121.32 (seed 121.32%)") {
        CHECK_THAT(achievement(60.0, 72.79, higher_half_up), WithinAbs(121.32, eps));
    }
    SECTION("2020: B (65) -> 74.39: 74.39 / 65 = 1.1444615.. -> 114.45 (seed 114.45%)") {
        CHECK_THAT(achievement(65.0, 74.39, higher_half_up), WithinAbs(114.45, eps));
        // truncation would give 114.44, which the seed does not print
        CHECK_THAT(achievement(65.0, 74.39, higher_truncate), WithinAbs(114.44, eps));
    }
    SECTION("2021: B (69) -> 75.37: 75.37 / 69 = 1.0923188.. -> 109.23 (seed 109.23%)") {
        CHECK_THAT(achievement(69.0, 75.37, higher_half_up), WithinAbs(109.23, eps));
    }
    SECTION("2022: BB (75) -> 76.41: 76.41 / 75 = 1.0188 -> 101.88 (seed 101.88%)") {
        CHECK_THAT(achievement(75.0, 76.41, higher_half_up), WithinAbs(101.88, eps));
    }
    SECTION("the same from printed grades, compared by score") {
        const auto r = achievement(parse_value("CC (60)"), parse_value("BB (72.79)"), higher_half_up);
        REQUIRE(r.percent.has_value());
        CHECK_THAT(*r.percent, WithinAbs(121.32, eps));
        CHECK(r.basis == "grade scores");
        CHECK(r.target == 60.0);
        CHECK_THAT(r.realization, WithinAbs(72.79, eps));
        REQUIRE(r.attainment.has_value());
        CHECK(*r.attainment == attainment::exceeded);
        CHECK(r.polarity == polarity::higher);
        CHECK(r.method == method::direct);
    }
}

TEST_CASE("ARG share against the 53.24% target: the seed truncates", "[achievement]") {
    SECTION("2020: 77.90 / 53.24 = 1.4631856.. -> 146.31 truncated, 146.32 half up (seed 146.31%)") {
        CHECK_THAT(achievement(53.24, 77.90, higher_truncate), WithinAbs(146.31, eps));
        CHECK_THAT(achievement(53.24, 77.90, higher_half_up), WithinAbs(146.32, eps));
    }
    SECTION("2021: 84.14 / 53.24 = 1.5803907.. -> 158.03 truncated, 158.04 half up (seed 158.03%)") {
        CHECK_THAT(achievement(53.24, 84.14, higher_truncate), WithinAbs(158.03, eps));
        CHECK_THAT(achievement(53.24, 84.14, higher_half_up), WithinAbs(158.04, eps));
    }
    SECTION("from printed percents") {
        const auto r = achievement(parse_value("53.24%"), parse_value("77.90%"), higher_truncate);
        REQUIRE(r.percent.has_value());
        CHECK_THAT(*r.percent, WithinAbs(146.31, eps));
        CHECK(r.basis == "numbers");
    }
}

TEST_CASE("child violence share, lower is better, inverse (target / realization)", "[achievement]") {
    const auto lower = opts(polarity::lower, rounding::truncate);
    SECTION("2020: 0.035% target, 0.028% realized: 0.035 / 0.028 = 1.25 -> 125 (seed 125%)") {
        CHECK(lower.resolved_method() == method::inverse);
        CHECK_THAT(achievement(0.035, 0.028, lower), WithinAbs(125.0, eps));
        // also truncated to 0 decimals: 125 exactly, not 124 from representation error
        CHECK_THAT(achievement(0.035, 0.028, opts(polarity::lower, rounding::truncate, 0)), WithinAbs(125.0, eps));
    }
    SECTION("2021: 0.030 / 0.029 = 1.0344827.. -> 103.44 truncated (seed 103.44%), 103.45 half up") {
        CHECK_THAT(achievement(0.030, 0.029, lower), WithinAbs(103.44, eps));
        CHECK_THAT(achievement(0.030, 0.029, opts(polarity::lower, rounding::half_up)), WithinAbs(103.45, eps));
    }
    SECTION("from printed percents, including '0.030 %' with a space") {
        const auto r = achievement(parse_value("0.030 %"), parse_value("0.029%"), lower);
        REQUIRE(r.percent.has_value());
        CHECK_THAT(*r.percent, WithinAbs(103.44, eps));
        CHECK(r.method == method::inverse);
        REQUIRE(r.attainment.has_value());
        CHECK(*r.attainment == attainment::exceeded);
    }
}

TEST_CASE("violence ratio 1 : N compares rates 1/N with polarity lower", "[achievement]") {
    SECTION("2020: 1 : 4.000 -> 1 : 4.545: (1/4000) / (1/4545) = 4545/4000 = 1.13625") {
        const auto t = parse_value("1 : 4.000");
        const auto r = parse_value("1 : 4.545");
        // 113.625 -> 113 truncated to 0 decimals (the seed's "113%")
        const auto trunc0 = achievement(t, r, opts(polarity::lower, rounding::truncate, 0));
        REQUIRE(trunc0.percent.has_value());
        CHECK_THAT(*trunc0.percent, WithinAbs(113.0, eps));
        CHECK(trunc0.basis == "rates 1/N");
        CHECK_THAT(trunc0.target, WithinAbs(1.0 / 4000.0, 1e-15));
        CHECK_THAT(trunc0.realization, WithinAbs(1.0 / 4545.0, 1e-15));
        REQUIRE(trunc0.attainment.has_value());
        CHECK(*trunc0.attainment == attainment::exceeded);
        // 113.625 -> 113.63 half up to 2 decimals
        const auto half2 = achievement(t, r, opts(polarity::lower, rounding::half_up, 2));
        CHECK_THAT(half2.percent.value(), WithinAbs(113.63, eps));
    }
    SECTION("2021: 1 : 4.250 -> 1 : 4.347: 4347/4250 = 1.0228235.. -> 102.28 (seed 102.28%)") {
        const auto res = achievement(parse_value("1 : 4.250"), parse_value("1 : 4.347"),
                                     opts(polarity::lower, rounding::half_up, 2));
        CHECK_THAT(res.percent.value(), WithinAbs(102.28, eps));
        const auto tr = achievement(parse_value("1 : 4.250"), parse_value("1 : 4.347"),
                                    opts(polarity::lower, rounding::truncate, 2));
        CHECK_THAT(tr.percent.value(), WithinAbs(102.28, eps));
    }
    SECTION("higher polarity on rates reverses the verdict: 4000/4545 = 0.880088 -> 88.01, not met") {
        const auto res = achievement(parse_value("1 : 4.000"), parse_value("1 : 4.545"), higher_half_up);
        CHECK_THAT(res.percent.value(), WithinAbs(88.01, eps));
        REQUIRE(res.attainment.has_value());
        CHECK(*res.attainment == attainment::not_met);
    }
    SECTION("a ratio cannot be compared with a plain number") {
        const auto e = thrown<kinerja::argument_error>(
            [] { (void)achievement(parse_value("1 : 4.000"), parse_value("92.95"), opts(polarity::lower)); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.incomparable");
        CHECK_THAT(std::string(e->what()), Contains("1 : 4.000"));
    }
}

TEST_CASE("predicates compare 1-based positions on their scale", "[achievement]") {
    SECTION("KLA 2020: Madya (2) -> Nindya (3): 3 / 2 = 150%, exceeded (the seed says melebihi target)") {
        const auto r = achievement(parse_value("Madya"), parse_value("Nindya"));
        REQUIRE(r.percent.has_value());
        CHECK_THAT(*r.percent, WithinAbs(150.0, eps));
        CHECK(r.target == 2.0);
        CHECK(r.realization == 3.0);
        CHECK_THAT(r.basis, Contains("positions on scale"));
        CHECK_THAT(r.basis, Contains("KLA"));
        REQUIRE(r.attainment.has_value());
        CHECK(*r.attainment == attainment::exceeded);
    }
    SECTION("KLA 2021: Nindya -> Nindya: 100%, met") {
        const auto r = achievement(parse_value("Nindya", "KLA"), parse_value("Nindya", "KLA"));
        CHECK_THAT(r.percent.value(), WithinAbs(100.0, eps));
        CHECK(r.attainment == std::optional<attainment>(attainment::met));
        CHECK(r.basis == "positions on scale KLA");
    }
    SECTION("APE 2019: Pratama -> Pratama: 100%, met (the seed: Target Tercapai, 100%)") {
        const auto r = achievement(parse_value("Pratama", "APE"), parse_value("Pratama", "APE"));
        CHECK_THAT(r.percent.value(), WithinAbs(100.0, eps));
        CHECK(r.attainment == std::optional<attainment>(attainment::met));
        CHECK(r.basis == "positions on scale APE");
    }
    SECTION("APE: Utama (3) -> Madya (2): 2 / 3 = 66.67%, not met") {
        const auto r = achievement(parse_value("Utama", "APE"), parse_value("Madya", "APE"), higher_half_up);
        CHECK_THAT(r.percent.value(), WithinAbs(66.67, eps));
        CHECK(r.attainment == std::optional<attainment>(attainment::not_met));
    }
    SECTION("a predicate target against a KLA score: Nindya (3) vs 742,340 (Nindya, 3) -> 100%") {
        const auto r = achievement(parse_value("Nindya"), parse_value("742,340", "KLA"));
        CHECK_THAT(r.percent.value(), WithinAbs(100.0, eps));
    }
    SECTION("Madya -> Utama without a scale is ambiguous: KLA puts Utama 4th, APE 3rd") {
        const auto e =
            thrown<kinerja::argument_error>([] { (void)achievement(parse_value("Madya"), parse_value("Utama")); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.ambiguous_scale");
    }
    SECTION("a predicate against a percent that lies in no band") {
        const auto e =
            thrown<kinerja::argument_error>([] { (void)achievement(parse_value("Nindya"), parse_value("77.90%")); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.incomparable");
    }
}

TEST_CASE("labour participation 2019-2021: the seed rounds and truncates", "[achievement]") {
    SECTION("2019: 49.90 / 49 = 1.0183673.. -> 101.84 half up (seed 101.84%), 101.83 truncated") {
        CHECK_THAT(achievement(49.0, 49.90, higher_half_up), WithinAbs(101.84, eps));
        CHECK_THAT(achievement(49.0, 49.90, higher_truncate), WithinAbs(101.83, eps));
    }
    SECTION("2020: 49.71 / 49 = 1.0144897.. -> 101.44 truncated (seed 101.44%), 101.45 half up") {
        CHECK_THAT(achievement(49.0, 49.71, higher_truncate), WithinAbs(101.44, eps));
        CHECK_THAT(achievement(49.0, 49.71, higher_half_up), WithinAbs(101.45, eps));
    }
    SECTION("2021: 49.11 / 49.90 = 0.9841683.. -> 98.41 truncated (seed 98.41%), not met") {
        CHECK_THAT(achievement(49.90, 49.11, higher_truncate), WithinAbs(98.41, eps));
        const auto r = achievement(parse_value("49.90%"), parse_value("49.11%"), higher_truncate);
        CHECK(r.attainment == std::optional<attainment>(attainment::not_met));
    }
}

TEST_CASE("complement and reduction formulas for lower-is-better indicators", "[achievement]") {
    SECTION("complement (2 - r/t) x 100: 0.035 -> 0.028: 2 - 0.8 = 1.2 -> 120") {
        CHECK_THAT(achievement(0.035, 0.028, opts(polarity::lower, rounding::half_up, 2, method::complement)),
                   WithinAbs(120.0, eps));
    }
    SECTION("complement: 10 -> 12 cases: 2 - 1.2 = 0.8 -> 80; 10 -> 25: 2 - 2.5 = -0.5 -> -50") {
        const auto o = opts(polarity::lower, rounding::none, 2, method::complement);
        CHECK_THAT(achievement(10.0, 12.0, o), WithinAbs(80.0, eps));
        CHECK_THAT(achievement(10.0, 25.0, o), WithinAbs(-50.0, eps));
        // zero realization is fine for complement: 2 - 0 = 2 -> 200
        CHECK_THAT(achievement(10.0, 0.0, o), WithinAbs(200.0, eps));
    }
    SECTION("reduction (t - r) / t x 100: 0.035 -> 0.028: 0.007 / 0.035 = 0.2 -> 20") {
        CHECK_THAT(achievement(0.035, 0.028, opts(polarity::lower, rounding::half_up, 2, method::reduction)),
                   WithinAbs(20.0, eps));
        // 200 -> 150 cases: 50 / 200 = 25%
        CHECK_THAT(achievement(200.0, 150.0, opts(polarity::lower, rounding::none, 2, method::reduction)),
                   WithinAbs(25.0, eps));
    }
    SECTION("the three lower methods on the ratio 1 : 4.250 -> 1 : 4.347") {
        const auto t = parse_value("1 : 4.250");
        const auto r = parse_value("1 : 4.347");
        // r/t on rates = 4250/4347 = 0.9776857..
        // complement: 2 - 0.9776857 = 1.0223143 -> 102.23
        const auto c = achievement(t, r, opts(polarity::lower, rounding::half_up, 2, method::complement));
        CHECK_THAT(c.percent.value(), WithinAbs(102.23, eps));
        CHECK(c.method == method::complement);
        // reduction: 1 - 0.9776857 = 0.0223143 -> 2.23
        const auto d = achievement(t, r, opts(polarity::lower, rounding::half_up, 2, method::reduction));
        CHECK_THAT(d.percent.value(), WithinAbs(2.23, eps));
    }
}

TEST_CASE("a cap limits achievement before rounding", "[achievement]") {
    SECTION("158.039% capped at 120 -> 120") {
        CHECK_THAT(achievement(53.24, 84.14, opts(polarity::higher, rounding::truncate, 2, std::nullopt, 120.0)),
                   WithinAbs(120.0, eps));
    }
    SECTION("a value below the cap is unchanged: 101.84 with cap 120") {
        CHECK_THAT(achievement(49.0, 49.90, opts(polarity::higher, rounding::half_up, 2, std::nullopt, 120.0)),
                   WithinAbs(101.84, eps));
    }
    SECTION("capped at 100, the attainment still says exceeded") {
        const auto r = achievement(parse_value("53.24%"), parse_value("84.14%"),
                                   opts(polarity::higher, rounding::none, 2, std::nullopt, 100.0));
        CHECK_THAT(r.percent.value(), WithinAbs(100.0, eps));
        CHECK(r.attainment == std::optional<attainment>(attainment::exceeded));
    }
}

TEST_CASE("undefined achievements throw undefined_error with the reason", "[achievement]") {
    SECTION("zero target, direct") {
        const auto e = thrown<kinerja::undefined_error>([] { (void)achievement(0.0, 5.0); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.undefined.zero_target");
        CHECK_THAT(std::string(e->what()), Contains("target is 0"));
    }
    SECTION("zero target, complement and reduction") {
        for (method m : {method::complement, method::reduction}) {
            const auto e = thrown<kinerja::undefined_error>(
                [&] { (void)achievement(0.0, 5.0, opts(polarity::lower, rounding::none, 2, m)); });
            REQUIRE(e.has_value());
            CHECK(e->id() == "kinerja.undefined.zero_target");
        }
    }
    SECTION("zero realization under inverse, with advice") {
        const auto e = thrown<kinerja::undefined_error>([] { (void)achievement(0.035, 0.0, opts(polarity::lower)); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.undefined.zero_realization");
        CHECK_THAT(std::string(e->what()), Contains("cap"));
    }
    SECTION("zero realization under inverse with a cap gives the cap") {
        CHECK(achievement(0.035, 0.0, opts(polarity::lower, rounding::half_up, 2, std::nullopt, 120.0)) == 120.0);
        const auto r = achievement(parse_value("0.035%"), parse_value("0%"),
                                   opts(polarity::lower, rounding::none, 2, std::nullopt, 120.0));
        CHECK(r.percent == std::optional<double>(120.0));
        CHECK(r.attainment == std::optional<attainment>(attainment::exceeded));
    }
    SECTION("non-finite inputs") {
        const auto e = thrown<kinerja::undefined_error>([] { (void)achievement(kNaN, 5.0); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.undefined.not_finite");
    }
    SECTION("zero target of printed values") {
        REQUIRE_THROWS_AS(achievement(parse_value("0%"), parse_value("5%")), kinerja::undefined_error);
    }
}

TEST_CASE("missing inputs give an empty achievement, never 0", "[achievement]") {
    SECTION("optional overload") {
        CHECK_FALSE(achievement(std::optional<double>{}, std::optional<double>{72.79}).has_value());
        CHECK_FALSE(achievement(std::optional<double>{60.0}, std::optional<double>{}).has_value());
        const auto both = achievement(std::optional<double>{60.0}, std::optional<double>{72.79}, higher_half_up);
        REQUIRE(both.has_value());
        CHECK_THAT(*both, WithinAbs(121.32, eps));
    }
    SECTION("printed values: Tabel 2.7 APE 2022 Madya target, '-' realization") {
        const auto r = achievement(parse_value("Madya"), parse_value("-"));
        CHECK_FALSE(r.percent.has_value());
        CHECK_FALSE(r.attainment.has_value());
    }
}

TEST_CASE("the array overload writes NaN for missing and undefined rows", "[achievement]") {
    // AKIP 2019, 2020, a missing realization, a zero target, 2022
    const double target[] = {60.0, 65.0, 69.0, 0.0, 75.0};
    const double real[] = {72.79, 74.39, kNaN, 5.0, 76.41};
    double out[5] = {};
    achievement(target, real, out, 5, higher_half_up);
    CHECK_THAT(out[0], WithinAbs(121.32, eps));
    CHECK_THAT(out[1], WithinAbs(114.45, eps));
    CHECK(std::isnan(out[2]));
    CHECK(std::isnan(out[3]));
    CHECK_THAT(out[4], WithinAbs(101.88, eps));
    SECTION("out may alias an input") {
        double t[] = {0.035, 0.030, 0.040};
        const double r[] = {0.028, 0.029, 0.0};
        achievement(t, r, t, 3, opts(polarity::lower, rounding::truncate));
        CHECK_THAT(t[0], WithinAbs(125.0, eps));
        CHECK_THAT(t[1], WithinAbs(103.44, eps));
        CHECK(std::isnan(t[2]));  // zero realization, inverse, no cap
    }
    SECTION("inverse with zero realization and a cap gives the cap") {
        const double t[] = {0.040};
        const double r[] = {0.0};
        double o[1] = {};
        achievement(t, r, o, 1, opts(polarity::lower, rounding::none, 2, std::nullopt, 120.0));
        CHECK(o[0] == 120.0);
    }
    SECTION("bad settings throw before any row is written") {
        double o[1] = {-1.0};
        const double t[] = {60.0};
        const double r[] = {72.79};
        REQUIRE_THROWS_AS(achievement(t, r, o, 1, opts(polarity::higher, rounding::half_up, 13)),
                          kinerja::argument_error);
        REQUIRE_THROWS_AS(achievement(t, r, o, 1, opts(polarity::higher, rounding::none, 2, method::inverse)),
                          kinerja::argument_error);
        CHECK(o[0] == -1.0);
    }
}

TEST_CASE("a method that does not fit the polarity is an argument error", "[achievement]") {
    SECTION("inverse with higher") {
        const auto e = thrown<kinerja::argument_error>(
            [] { (void)achievement(60.0, 72.79, opts(polarity::higher, rounding::none, 2, method::inverse)); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.method");
        CHECK_THAT(std::string(e->what()), Contains("inverse"));
        CHECK_THAT(std::string(e->what()), Contains("higher"));
    }
    SECTION("the message names the method and the polarity") {
        CHECK_THROWS_WITH(opts(polarity::lower, rounding::none, 2, method::direct).resolved_method(),
                          Contains("method \"direct\" does not apply to lower"));
    }
    SECTION("direct with lower") {
        REQUIRE_THROWS_AS(opts(polarity::lower, rounding::none, 2, method::direct).resolved_method(),
                          kinerja::argument_error);
    }
    SECTION("complement and reduction with higher") {
        for (method m : {method::complement, method::reduction})
            REQUIRE_THROWS_AS(opts(polarity::higher, rounding::none, 2, m).resolved_method(), kinerja::argument_error);
    }
    SECTION("the typed overload checks the method even when an input is missing") {
        REQUIRE_THROWS_AS(achievement(parse_value("-"), parse_value("5%"),
                                      opts(polarity::higher, rounding::none, 2, method::inverse)),
                          kinerja::argument_error);
    }
}

TEST_CASE("values of incomparable kinds or units are rejected", "[achievement]") {
    SECTION("percent against money") {
        const auto e =
            thrown<kinerja::argument_error>([] { (void)achievement(parse_value("77.90%"), parse_value("Rp 1.000")); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.incomparable");
        CHECK_THAT(std::string(e->what()), Contains("77.90%"));
        CHECK_THAT(std::string(e->what()), Contains("percent"));
        CHECK_THAT(std::string(e->what()), Contains("money"));
    }
    SECTION("persons against reports") {
        const auto e = thrown<kinerja::argument_error>(
            [] { (void)achievement(parse_value("5 Orang"), parse_value("5 Laporan")); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.incomparable");
        CHECK_THAT(std::string(e->what()), Contains("Orang"));
        CHECK_THAT(std::string(e->what()), Contains("Laporan"));
    }
    SECTION("counts of the same unit compare: 44 OPD of 40 OPD -> 110%") {
        const auto r = achievement(parse_value("40 OPD"), parse_value("44 OPD"));
        CHECK_THAT(r.percent.value(), WithinAbs(110.0, eps));
    }
}

TEST_CASE("polarity, method and attainment names", "[achievement]") {
    CHECK(kinerja::to_string(polarity::higher) == "higher");
    CHECK(kinerja::to_string(polarity::lower) == "lower");
    CHECK(kinerja::to_string(method::inverse) == "inverse");
    CHECK(kinerja::to_string(method::complement) == "complement");
    CHECK(kinerja::to_string(attainment::exceeded) == "exceeded");
    CHECK(kinerja::to_string(attainment::not_met) == "not met");
    CHECK(kinerja::polarity_from_string("Higher") == polarity::higher);
    CHECK(kinerja::polarity_from_string("negative") == polarity::lower);
    CHECK(kinerja::polarity_from_string("-") == polarity::lower);
    CHECK(kinerja::method_from_string("reduction") == method::reduction);
    const auto p = thrown<kinerja::lookup_error>([] { (void)kinerja::polarity_from_string("sideways"); });
    REQUIRE(p.has_value());
    CHECK(p->id() == "kinerja.lookup.polarity");
    CHECK(p->name() == "sideways");
    const auto m = thrown<kinerja::lookup_error>([] { (void)kinerja::method_from_string("average"); });
    REQUIRE(m.has_value());
    CHECK(m->id() == "kinerja.lookup.method");
}

TEST_CASE("budget absorption from Tabel 2.11", "[achievement][absorption]") {
    const rounding_rule half2{rounding::half_up, 2};
    SECTION("8,997,000 of 10,000,000 = 0.8997 -> 89.97% (the table prints 0.90)") {
        CHECK_THAT(kinerja::absorption(10000000.0, 8997000.0), WithinAbs(89.97, eps));
    }
    SECTION("2021 total: 11,840,364,035 / 12,692,580,100 = 0.932857.. -> 93.29 half up (seed 93.29)") {
        // 12,692,580,100 x 0.93 = 11,804,099,493; remainder 36,264,542 / 12,692,580,100 = 0.0028571
        CHECK_THAT(kinerja::absorption(12692580100.0, 11840364035.0, half2), WithinAbs(93.29, eps));
        CHECK_THAT(kinerja::absorption(12692580100.0, 11840364035.0, rounding_rule{rounding::truncate, 2}),
                   WithinAbs(93.28, eps));
    }
    SECTION("2018: 2,807,606,116 / 4,245,706,160 = 0.6612813.. -> 66.13 (seed 66.13%)") {
        CHECK_THAT(kinerja::absorption(4245706160.0, 2807606116.0, half2), WithinAbs(66.13, eps));
    }
    SECTION("2020: 2,397,193,635 / 2,873,355,000 = 0.8342838.. -> 83.43 (seed 83.43%)") {
        CHECK_THAT(kinerja::absorption(2873355000.0, 2397193635.0, half2), WithinAbs(83.43, eps));
    }
    SECTION("2022 (running): 7,880,127,975 / 15,633,753,124 = 0.5040458.. -> 50.40 (seed 50.40%)") {
        CHECK_THAT(kinerja::absorption(15633753124.0, 7880127975.0, half2), WithinAbs(50.40, eps));
    }
    SECTION("a zero budget is undefined; the message notes money spent without one") {
        const auto e = thrown<kinerja::undefined_error>([] { (void)kinerja::absorption(0.0, 75000000.0); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.undefined.zero_budget");
        CHECK_THAT(std::string(e->what()), Contains("without a budget"));
    }
    SECTION("missing amounts give an empty absorption") {
        CHECK_FALSE(kinerja::absorption(std::optional<double>{10000000.0}, std::optional<double>{}).has_value());
        CHECK_THAT(kinerja::absorption(std::optional<double>{10000000.0}, std::optional<double>{8997000.0}).value(),
                   WithinAbs(89.97, eps));
    }
    SECTION("array overload: NaN for a zero budget and a missing realization") {
        // Tabel 2.11 rows: 250,000,000 -> 243,238,200 (97.2953 -> 97.30); budget "-" (0) -> 0;
        // 100,000,000 -> missing
        const double budget[] = {250000000.0, 0.0, 100000000.0};
        const double real[] = {243238200.0, 0.0, kNaN};
        double out[3] = {};
        kinerja::absorption(budget, real, out, 3, half2);
        CHECK_THAT(out[0], WithinAbs(97.30, eps));
        CHECK(std::isnan(out[1]));
        CHECK(std::isnan(out[2]));
    }
}

TEST_CASE("category places an achievement in the Permendagri 86/2017 bands", "[achievement]") {
    CHECK(kinerja::category(121.32) == "Sangat Tinggi");
    CHECK(kinerja::category(89.97) == "Tinggi");
    CHECK(kinerja::category(75.0) == "Sedang");
    CHECK(kinerja::category(60.0) == "Rendah");
    CHECK(kinerja::category(50.0) == "Sangat Rendah");
    SECTION("a custom category scale, and a value outside it") {
        const kinerja::scale pass(
            "lulus", {{"Tidak", {}, kinerja::band::parse("[0,100)")}, {"Ya", {}, kinerja::band::parse("[100,120]")}});
        CHECK(kinerja::category(101.84, pass) == "Ya");
        CHECK(kinerja::category(98.41, pass) == "Tidak");
        const auto e = thrown<kinerja::undefined_error>([&] { (void)kinerja::category(158.03, pass); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.undefined.outside_scale");
    }
}

TEST_CASE("mean_achievement averages present indicators, optionally weighted", "[achievement]") {
    using opt = std::optional<double>;
    SECTION("plain mean: (121.32 + 114.45) / 2 = 117.885") {
        CHECK_THAT(kinerja::mean_achievement({opt(121.32), opt(114.45)}).value(), WithinAbs(117.885, eps));
    }
    SECTION("weighted: (3 x 100 + 1 x 50) / 4 = 87.5") {
        CHECK_THAT(kinerja::mean_achievement({opt(100.0), opt(50.0)}, {3.0, 1.0}).value(), WithinAbs(87.5, eps));
    }
    SECTION("missing entries are skipped with their weights: (1 x 100 + 3 x 40) / 4 = 55") {
        CHECK_THAT(kinerja::mean_achievement({opt(100.0), std::nullopt, opt(40.0)}, {1.0, 5.0, 3.0}).value(),
                   WithinAbs(55.0, eps));
        CHECK_THAT(kinerja::mean_achievement({opt(100.0), opt(kNaN), opt(50.0)}).value(), WithinAbs(75.0, eps));
    }
    SECTION("without skip_missing a missing entry makes the mean empty") {
        CHECK_FALSE(kinerja::mean_achievement({opt(100.0), std::nullopt}, {}, false).has_value());
        CHECK_THAT(kinerja::mean_achievement({opt(100.0), opt(50.0)}, {}, false).value(), WithinAbs(75.0, eps));
    }
    SECTION("all missing or nothing at all gives an empty mean") {
        CHECK_FALSE(kinerja::mean_achievement({std::nullopt, std::nullopt}).has_value());
        CHECK_FALSE(kinerja::mean_achievement({}).has_value());
    }
    SECTION("weights of the wrong length or negative are argument errors") {
        const auto e = thrown<kinerja::argument_error>([] {
            (void)kinerja::mean_achievement({opt(1.0), opt(2.0)}, {1.0});
        });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.weights");
        CHECK_THAT(std::string(e->what()), Contains("1 weights for 2"));
        const auto n = thrown<kinerja::argument_error>([] {
            (void)kinerja::mean_achievement({opt(1.0), opt(2.0)}, {1.0, -1.0});
        });
        REQUIRE(n.has_value());
        CHECK(n->id() == "kinerja.argument.weights");
    }
    SECTION("weights of the present entries summing to 0 are undefined") {
        const auto e = thrown<kinerja::undefined_error>([] {
            (void)kinerja::mean_achievement({opt(100.0), std::nullopt}, {0.0, 1.0});
        });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.undefined.zero_weight");
    }
}
