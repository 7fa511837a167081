// SPDX-License-Identifier: Apache-2.0
// Tests of scale.hpp: the built-in ordinal scales (KLA as the ministry publishes it, KLA as the
// seed prints it, APE, AKIP grades of PermenPANRB 88/2021, achievement categories used with
// Permendagri 86/2017), band notation, user-defined scales and invalid definitions.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/scale.hpp>

#include <limits>
#include <optional>
#include <string>

using Catch::Matchers::Contains;
using kinerja::band;
using kinerja::level;
using kinerja::scale;
using kinerja::scale_registry;

namespace {

using kinerja_test::thrown;

const scale& builtin(const char* name) { return kinerja::default_scales().get(name); }

std::string classify_on(const char* scale_name, double score) { return builtin(scale_name).classify(score).name; }

constexpr double inf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("KLA classifies scores by the ministry's bands 500-600, 601-700, ...", "[scale]") {
    CHECK(classify_on("KLA", 742.34) == "Nindya");  // 700 < 742.34 <= 800
    CHECK(classify_on("KLA", 500.0) == "Pratama");
    CHECK(classify_on("KLA", 600.0) == "Pratama");  // 600 is the top of Pratama (500-600)
    CHECK(classify_on("KLA", 600.01) == "Madya");
    CHECK(classify_on("KLA", 700.0) == "Madya");
    CHECK(classify_on("KLA", 800.0) == "Nindya");
    CHECK(classify_on("KLA", 850.0) == "Utama");
    CHECK(classify_on("KLA", 1000.0) == "KLA");
    SECTION("scores outside 500..1000 are undefined, with the score and bands in the message") {
        for (double s : {499.9, 1000.5}) {
            CAPTURE(s);
            const auto e = thrown<kinerja::undefined_error>([&] { (void)builtin("KLA").classify(s); });
            REQUIRE(e.has_value());
            CHECK(e->id() == "kinerja.undefined.outside_scale");
            CHECK_THAT(std::string(e->what()), Contains("KLA"));
            CHECK_THAT(std::string(e->what()), Contains("Pratama [500, 600]"));
        }
        CHECK(builtin("KLA").find_level(499.9) == nullptr);
    }
    SECTION("the classify shortcut uses the default registry") { CHECK(kinerja::classify("KLA", 742.34) == "Nindya"); }
}

TEST_CASE("KLA-printed reads the seed's 500-600, 600-700 as lower-inclusive bands", "[scale]") {
    CHECK(classify_on("KLA-printed", 600.0) == "Madya");
    CHECK(classify_on("KLA-printed", 599.99) == "Pratama");
    CHECK(classify_on("KLA-printed", 700.0) == "Nindya");
    CHECK(classify_on("KLA-printed", 742.34) == "Nindya");
    CHECK(classify_on("KLA-printed", 1000.0) == "KLA");
    REQUIRE_THROWS_AS(builtin("KLA-printed").classify(1000.01), kinerja::undefined_error);
}

TEST_CASE("AKIP grades follow PermenPANRB 88/2021", "[scale]") {
    CHECK(classify_on("AKIP", 0.0) == "D");
    CHECK(classify_on("AKIP", 30.0) == "D");  // D is 0-30
    CHECK(classify_on("AKIP", 30.5) == "C");
    CHECK(classify_on("AKIP", 60.0) == "CC");  // the seed prints "CC (60)"
    CHECK(classify_on("AKIP", 60.01) == "B");
    CHECK(classify_on("AKIP", 65.0) == "B");  // "B (65)"
    CHECK(classify_on("AKIP", 72.79) == "BB");
    CHECK(classify_on("AKIP", 75.0) == "BB");  // "BB (75)"
    CHECK(classify_on("AKIP", 80.351) == "A");
    CHECK(classify_on("AKIP", 100.0) == "AA");
    REQUIRE_THROWS_AS(builtin("AKIP").classify(-0.1), kinerja::undefined_error);
    REQUIRE_THROWS_AS(builtin("AKIP").classify(100.01), kinerja::undefined_error);
    SECTION("grades are ordered D < C < CC < B < BB < A < AA") {
        const scale& s = builtin("AKIP");
        const char* order[] = {"D", "C", "CC", "B", "BB", "A", "AA"};
        REQUIRE(s.size() == 7);
        for (std::size_t i = 0; i < 7; ++i) {
            CAPTURE(order[i]);
            REQUIRE(s.position(order[i]).has_value());
            CHECK(*s.position(order[i]) == i);
        }
    }
}

TEST_CASE("APE is ordered Pratama/Pertama < Madya < Utama < Mentor and has no bands", "[scale]") {
    const scale& s = builtin("APE");
    CHECK_FALSE(s.has_bands());
    CHECK_FALSE(s.range().has_value());
    CHECK(s.position("Pratama") == std::optional<std::size_t>(0));
    CHECK(s.position("Pertama") == std::optional<std::size_t>(0));
    CHECK(s.position("pertama") == std::optional<std::size_t>(0));  // case-insensitive
    CHECK(s.position("Madya") == std::optional<std::size_t>(1));
    CHECK(s.position("Utama") == std::optional<std::size_t>(2));
    CHECK(s.position("Mentor") == std::optional<std::size_t>(3));
    CHECK_FALSE(s.position("Nindya").has_value());
    CHECK(s.get("Pertama").name == "Pratama");
    SECTION("a score cannot be classified on a scale without bands") {
        const auto e = thrown<kinerja::argument_error>([&] { (void)s.classify(80.0); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.unbanded_scale");
        CHECK_THAT(std::string(e->what()), Contains("APE"));
        CHECK(s.find_level(80.0) == nullptr);
    }
    SECTION("an unknown level is a lookup error listing the levels") {
        const auto e = thrown<kinerja::lookup_error>([&] { (void)s.get("Nindya"); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.lookup.level");
        CHECK(e->name() == "Nindya");
        CHECK_THAT(std::string(e->what()), Contains("Mentor"));
    }
}

TEST_CASE("capaian categories follow Permendagri 86/2017 bands", "[scale]") {
    CHECK(classify_on("capaian", 91.0) == "Sangat Tinggi");
    CHECK(classify_on("capaian", 90.99) == "Tinggi");
    CHECK(classify_on("capaian", 76.0) == "Tinggi");
    CHECK(classify_on("capaian", 75.99) == "Sedang");
    CHECK(classify_on("capaian", 66.0) == "Sedang");
    CHECK(classify_on("capaian", 65.99) == "Rendah");
    CHECK(classify_on("capaian", 51.0) == "Rendah");
    CHECK(classify_on("capaian", 50.99) == "Sangat Rendah");
    CHECK(classify_on("capaian", 0.0) == "Sangat Rendah");
    CHECK(classify_on("capaian", -20.0) == "Sangat Rendah");   // complement method can go negative
    CHECK(classify_on("capaian", 158.03) == "Sangat Tinggi");  // ARG 2021
    CHECK(builtin("capaian").get("very high").name == "Sangat Tinggi");
}

TEST_CASE("banded scales report their range", "[scale]") {
    const auto kla = builtin("KLA").range();
    REQUIRE(kla.has_value());
    CHECK(kla->first == 500.0);
    CHECK(kla->second == 1000.0);
    const auto akip = builtin("AKIP").range();
    REQUIRE(akip.has_value());
    CHECK(akip->first == 0.0);
    CHECK(akip->second == 100.0);
    const auto cap = builtin("capaian").range();
    REQUIRE(cap.has_value());
    CHECK(cap->first == -inf);
    CHECK(cap->second == inf);
}

TEST_CASE("band::parse reads interval notation", "[scale]") {
    SECTION("(30, 50]: lower edge excluded, upper included") {
        const band b = band::parse("(30, 50]");
        CHECK(b.lower == 30.0);
        CHECK(b.upper == 50.0);
        CHECK_FALSE(b.lower_inclusive);
        CHECK(b.upper_inclusive);
        CHECK_FALSE(b.contains(30.0));
        CHECK(b.contains(30.0001));
        CHECK(b.contains(50.0));
        CHECK_FALSE(b.contains(50.0001));
        CHECK(b.to_string() == "(30, 50]");
    }
    SECTION("[91,inf): open above") {
        const band b = band::parse("[91,inf)");
        CHECK(b.lower == 91.0);
        CHECK(b.upper == inf);
        CHECK(b.lower_inclusive);
        CHECK(b.contains(91.0));
        CHECK(b.contains(1e12));
        CHECK_FALSE(b.contains(90.999));
        CHECK(b.to_string() == "[91, inf)");
    }
    SECTION("(-inf,51) and the infinity sign") {
        const band b = band::parse("(-inf,51)");
        CHECK(b.lower == -inf);
        CHECK(b.contains(-1e12));
        CHECK_FALSE(b.contains(51.0));
        const band c = band::parse("[0, \xe2\x88\x9e)");  // [0, ∞)
        CHECK(c.upper == inf);
        CHECK(band::parse("[0, +inf)").upper == inf);
    }
    SECTION("an infinite edge is never included") {
        const band b = band::parse("[-inf, 0]");
        CHECK_FALSE(b.lower_inclusive);
        CHECK(b.to_string() == "(-inf, 0]");
    }
    SECTION("decimal edges and surrounding spaces") {
        const band b = band::parse("  [76.61, 88.31) ");
        CHECK(b.lower == 76.61);
        CHECK(b.upper == 88.31);
        CHECK_FALSE(b.contains(88.31));
    }
    SECTION("a single point [5,5] is a band") {
        const band b = band::parse("[5,5]");
        CHECK(b.contains(5.0));
    }
    SECTION("NaN lies in no band") {
        CHECK_FALSE(band::parse("(-inf,inf)").contains(std::numeric_limits<double>::quiet_NaN()));
    }
}

TEST_CASE("band::parse rejects bad notation with the position", "[scale]") {
    struct bad {
        const char* text;
        std::size_t position;
        const char* reason;
    };
    const bad cases[] = {
        {"30,50", 0, "starts with"}, {"[30;50]", 0, "','"},     {"[a,50]", 1, "\"a\""},
        {"[30,x]", 4, "\"x\""},      {"[1, 2", 4, "ends with"}, {"[50,30]", 0, "empty"},
        {"(5,5]", 0, "empty"},       {"[inf,5]", 1, "+inf"},    {"[1]", 0, "written like"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto e = thrown<kinerja::parse_error>([&] { (void)band::parse(c.text); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.band");
        CHECK(e->text() == c.text);
        CHECK(e->position() == c.position);
        CHECK_THAT(e->reason(), Contains(c.reason));
    }
}

TEST_CASE("users define their own scales", "[scale]") {
    // Indeks Kepuasan Masyarakat (PermenPANRB 14/2017): D 25.00-64.99, C 65.00-76.60,
    // B 76.61-88.30, A 88.31-100.00
    const scale ikm("IKM",
                    {{"D", {"Tidak Baik"}, band::parse("[25,65)")},
                     {"C", {"Kurang Baik"}, band::parse("[65,76.61)")},
                     {"B", {"Baik"}, band::parse("[76.61,88.31)")},
                     {"A", {"Sangat Baik"}, band::parse("[88.31,100]")}},
                    "Indeks Kepuasan Masyarakat");
    CHECK(ikm.name() == "IKM");
    CHECK(ikm.description() == "Indeks Kepuasan Masyarakat");
    CHECK(ikm.has_bands());
    CHECK(ikm.classify(80.0).name == "B");
    CHECK(ikm.classify(76.60).name == "C");
    CHECK(ikm.classify(88.31).name == "A");
    CHECK(ikm.position("sangat baik") == std::optional<std::size_t>(3));

    scale_registry reg = scale_registry::builtin();
    reg.add(ikm);
    CHECK(reg.get("ikm").classify(90.0).name == "A");
    CHECK(reg.names().back() == "IKM");
    SECTION("a second scale of the same name needs replace") {
        const scale other("IKM", {{"Satu", {}, std::nullopt}, {"Dua", {}, std::nullopt}});
        const auto e = thrown<kinerja::argument_error>([&] { reg.add(other); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.scale_exists");
        CHECK_THAT(std::string(e->what()), Contains("IKM"));
        reg.add(other, true);
        CHECK_FALSE(reg.get("IKM").has_bands());
        CHECK(reg.get("IKM").size() == 2);
    }
    SECTION("an unknown scale is a lookup error listing the known ones") {
        CHECK(reg.find("SPM") == nullptr);
        const auto e = thrown<kinerja::lookup_error>([&] { (void)reg.get("SPM"); });
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.lookup.scale");
        CHECK(e->name() == "SPM");
        CHECK_THAT(std::string(e->what()), Contains("AKIP"));
    }
    SECTION("the default registry is untouched") { CHECK(kinerja::default_scales().find("IKM") == nullptr); }
}

TEST_CASE("scales_with_level lists every scale holding a level, in registration order", "[scale]") {
    const scale_registry reg = scale_registry::builtin();
    const auto nindya = reg.scales_with_level("Nindya");
    REQUIRE(nindya.size() == 2);
    CHECK(nindya[0]->name() == "KLA");
    CHECK(nindya[1]->name() == "KLA-printed");
    const auto pratama = reg.scales_with_level("pratama");
    REQUIRE(pratama.size() == 3);
    CHECK(pratama[2]->name() == "APE");
    const auto mentor = reg.scales_with_level("Mentor");
    REQUIRE(mentor.size() == 1);
    CHECK(mentor[0]->name() == "APE");
    CHECK(reg.scales_with_level("Platinum").empty());
}

TEST_CASE("invalid scales are rejected", "[scale]") {
    auto error_of = [](const std::string& name, std::vector<level> levels) {
        return thrown<kinerja::argument_error>([&] {
            scale s(name, std::move(levels));
            (void)s;
        });
    };
    SECTION("overlapping bands: [0,50] and [50,100] both include 50") {
        const auto e = error_of("X", {{"Low", {}, band::parse("[0,50]")}, {"High", {}, band::parse("[50,100]")}});
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.scale");
        CHECK_THAT(std::string(e->what()), Contains("overlap"));
        CHECK_THAT(std::string(e->what()), Contains("\"X\""));
    }
    SECTION("touching bands that share no point are fine: [0,50) and [50,100]") {
        CHECK_NOTHROW(scale("X", {{"Low", {}, band::parse("[0,50)")}, {"High", {}, band::parse("[50,100]")}}));
    }
    SECTION("bands out of order (highest first)") {
        const auto e = error_of("X", {{"High", {}, band::parse("[50,100]")}, {"Low", {}, band::parse("[0,50)")}});
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.scale");
    }
    SECTION("only some levels have bands") {
        const auto e = error_of("X", {{"Low", {}, band::parse("[0,50)")}, {"High", {}, std::nullopt}});
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.argument.scale");
        CHECK_THAT(std::string(e->what()), Contains("1 of 2"));
    }
    SECTION("duplicate level names, also case-insensitively and through aliases") {
        const auto dup = error_of("X", {{"Madya", {}, std::nullopt}, {"Madya", {}, std::nullopt}});
        REQUIRE(dup.has_value());
        CHECK_THAT(std::string(dup->what()), Contains("Madya"));
        REQUIRE(error_of("X", {{"Madya", {}, std::nullopt}, {"madya", {}, std::nullopt}}).has_value());
        REQUIRE(error_of("X", {{"Pratama", {"Pertama"}, std::nullopt}, {"Pertama", {}, std::nullopt}}).has_value());
    }
    SECTION("no levels, no name, a level without a name") {
        REQUIRE(error_of("X", {}).has_value());
        REQUIRE(error_of("  ", {{"A", {}, std::nullopt}}).has_value());
        REQUIRE(error_of("X", {{"", {}, std::nullopt}}).has_value());
    }
    SECTION("a NaN edge") {
        band b;
        b.lower = std::numeric_limits<double>::quiet_NaN();
        b.upper = 1.0;
        REQUIRE(error_of("X", {{"A", {}, b}}).has_value());
    }
}

// An edge preceded by spaces is reported at the offending text, not at the space after the
// comma or bracket.
TEST_CASE("band::parse points at the bad edge itself when spaces precede it", "[scale]") {
    const auto e = thrown<kinerja::parse_error>([] { (void)band::parse("[30, x]"); });
    REQUIRE(e.has_value());
    CHECK(e->position() == 5);  // '[' 0, '3' 1, '0' 2, ',' 3, ' ' 4, 'x' 5
    const auto f = thrown<kinerja::parse_error>([] { (void)band::parse("(  y, 5]"); });
    REQUIRE(f.has_value());
    CHECK(f->position() == 3);  // '(' 0, ' ' 1, ' ' 2, 'y' 3
}
