// SPDX-License-Identifier: Apache-2.0
// Tests of value.hpp: every kind of cell the seed prints (percent, number, ratio, grade,
// predicate, count, money, missing), contexts that settle ambiguous numbers, errors, and
// format_value in both conventions. Expected values are read by hand from the printed text.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/scale.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/value.hpp>

#include <optional>
#include <string>

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using kinerja::convention;
using kinerja::format_value;
using kinerja::parse_value;
using kinerja::value_kind;

namespace {

using kinerja_test::thrown;

std::optional<kinerja::parse_error> value_failure(const std::string& text, const std::string& context = {}) {
    return thrown<kinerja::parse_error>([&] { (void)parse_value(text, context); });
}

}  // namespace

TEST_CASE("parse_value reads percents with their precision", "[value]") {
    SECTION("77.90% (ARG 2020): 77.9 percent, 2 decimals") {
        const auto v = parse_value("77.90%");
        CHECK(v.kind == value_kind::percent);
        REQUIRE(v.number.has_value());
        CHECK_THAT(*v.number, WithinAbs(77.9, 1e-12));
        CHECK(v.decimals == 2);
        CHECK(v.unit == "%");
        CHECK(v.text == "77.90%");
        REQUIRE(v.written_in.has_value());
        CHECK(*v.written_in == convention::english);
        CHECK_THAT(v.half_unit(), WithinAbs(0.005, 1e-15));
    }
    SECTION("0.030 % (space before %): 0.03 percent, 3 decimals") {
        const auto v = parse_value("0.030 %");
        CHECK(v.kind == value_kind::percent);
        REQUIRE(v.number.has_value());
        CHECK_THAT(*v.number, WithinAbs(0.03, 1e-15));
        CHECK(v.decimals == 3);
        CHECK_THAT(v.half_unit(), WithinAbs(0.0005, 1e-15));
    }
    SECTION("53.395%: 53395% is implausible, so the dot is decimal -> 53.395") {
        const auto v = parse_value("53.395%");
        CHECK(v.kind == value_kind::percent);
        REQUIRE(v.number.has_value());
        CHECK_THAT(*v.number, WithinAbs(53.395, 1e-12));
        CHECK(v.decimals == 3);
    }
    SECTION("Indonesian 66,7% -> 66.7") {
        const auto v = parse_value("66,7%");
        REQUIRE(v.number.has_value());
        CHECK_THAT(*v.number, WithinAbs(66.7, 1e-12));
        REQUIRE(v.written_in.has_value());
        CHECK(*v.written_in == convention::indonesian);
    }
    SECTION("negative percent -12,5%") {
        const auto v = parse_value("-12,5%");
        CHECK(v.kind == value_kind::percent);
        CHECK_THAT(v.number.value(), WithinAbs(-12.5, 1e-12));
    }
    SECTION("'%' without a number is an error at the start") {
        const auto e = value_failure("%");
        REQUIRE(e.has_value());
        CHECK(e->position() == 0);
        CHECK_THAT(e->reason(), Contains("without a number"));
    }
}

TEST_CASE("parse_value reads plain numbers and indices", "[value]") {
    SECTION("92.95") {
        const auto v = parse_value("92.95");
        CHECK(v.kind == value_kind::number);
        CHECK_THAT(v.number.value(), WithinAbs(92.95, 1e-12));
        CHECK(v.decimals == 2);
        CHECK(v.unit.empty());
    }
    SECTION("0,253 (index with leading zero)") {
        const auto v = parse_value("0,253");
        CHECK(v.kind == value_kind::number);
        CHECK_THAT(v.number.value(), WithinAbs(0.253, 1e-12));
        CHECK(v.decimals == 3);
    }
    SECTION("6.741.576.000,00 without context is a number of 6 741 576 000 with 2 decimals") {
        const auto v = parse_value("6.741.576.000,00");
        CHECK(v.kind == value_kind::number);
        CHECK(v.number.value() == 6741576000.0);
        CHECK(v.decimals == 2);
    }
    SECTION("6.741.576.000,00 with context Rupiah is money") {
        const auto v = parse_value("6.741.576.000,00", "Rupiah");
        CHECK(v.kind == value_kind::money);
        CHECK(v.unit == "Rupiah");
        CHECK(v.number.value() == 6741576000.0);
        CHECK(v.decimals == 2);
    }
    SECTION("a negative number -5") {
        const auto v = parse_value("-5");
        CHECK(v.kind == value_kind::number);
        CHECK(v.number.value() == -5.0);
    }
}

TEST_CASE("parse_value reads ratios 1 : N with N as the number", "[value]") {
    SECTION("1 : 4.000 (target 2020): one case per 4000 women; the dot groups thousands") {
        const auto v = parse_value("1 : 4.000");
        CHECK(v.kind == value_kind::ratio);
        CHECK(v.number.value() == 4000.0);
        CHECK(v.decimals == 0);
    }
    SECTION("1 : 4.545 -> 4545") { CHECK(parse_value("1 : 4.545").number.value() == 4545.0); }
    SECTION("1:17,9 without spaces -> N = 17.9, 1 decimal") {
        const auto v = parse_value("1:17,9");
        CHECK(v.kind == value_kind::ratio);
        CHECK_THAT(v.number.value(), WithinAbs(17.9, 1e-12));
        CHECK(v.decimals == 1);
    }
    SECTION("with context Rasio the unit is recorded") {
        const auto v = parse_value("1 : 4.250", "Rasio");
        CHECK(v.kind == value_kind::ratio);
        CHECK(v.number.value() == 4250.0);
        CHECK(v.unit == "Rasio");
    }
}

TEST_CASE("parse_value reads a labelled quantity: the label before ':' names what is counted", "[value]") {
    // a Renstra Dinas Kesehatan Tabel 8.1 (tests/data/real/renstra-dikes-2016-2021-tabel8.1.yaml)
    // prints "R4 : 11 Unit": eleven four-wheeled vehicles
    const auto v = parse_value("R4 : 11 Unit");
    CHECK(v.kind == value_kind::count);
    REQUIRE(v.number);
    CHECK(*v.number == 11.0);
    CHECK(v.unit == "Unit");
    CHECK(v.text == "R4 : 11 Unit");  // the label stays in the text
    const auto share = parse_value("SD: 98,5%");
    CHECK(share.kind == value_kind::percent);
    CHECK(*share.number == 98.5);
    // a ratio still needs 1 on its left
    CHECK(parse_value("1 : 4.000").kind == value_kind::ratio);
    SECTION("errors are placed in the whole text") {
        const auto nothing = value_failure("R4 :");
        REQUIRE(nothing.has_value());
        CHECK(nothing->position() == 3);  // the ':'
        const auto two = value_failure("L : 5, P : 6");
        REQUIRE(two.has_value());
        CHECK(two->text() == "L : 5, P : 6");
        CHECK(two->position() >= 4);  // in the part after the label's colon
    }
}

TEST_CASE("parse_value rejects ratios that are not 1 : N with positive N", "[value]") {
    SECTION("1 : 0 has no N > 0") {
        const auto e = value_failure("1 : 0");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.value");
        CHECK(e->text() == "1 : 0");
        CHECK(e->position() == 4);  // the 0
        CHECK_THAT(e->reason(), Contains("positive"));
        CHECK_THAT(std::string(e->what()), Contains("\"1 : 0\""));
    }
    SECTION("2 : 3: the left side must be 1") {
        const auto e = value_failure("2 : 3");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.value");
        CHECK(e->position() == 0);
        CHECK_THAT(e->reason(), Contains("left side must be 1"));
    }
    SECTION("nothing before or after the colon") {
        const auto before = value_failure(": 4.000");
        REQUIRE(before.has_value());
        CHECK(before->position() == 0);
        const auto after = value_failure("1 :");
        REQUIRE(after.has_value());
        CHECK(after->position() == 2);  // the ':'
        CHECK_THAT(after->reason(), Contains("nothing follows"));
    }
    SECTION("a malformed N is reported at its position within the whole text") {
        const auto e = value_failure("1 : 4..000");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.number");
        CHECK(e->position() == 6);  // "1 : 4." is 6 characters; the second '.' is at 6
    }
}

TEST_CASE("parse_value reads AKIP grades with scores", "[value]") {
    SECTION("BB (75.10): grade BB, score 75.1 with 2 decimals, scale AKIP") {
        const auto v = parse_value("BB (75.10)");
        CHECK(v.kind == value_kind::grade);
        CHECK(v.grade == "BB");
        CHECK(v.scale == "AKIP");
        CHECK_THAT(v.number.value(), WithinAbs(75.1, 1e-12));
        CHECK(v.decimals == 2);
    }
    SECTION("CC (60), the 2019 target") {
        const auto v = parse_value("CC (60)");
        CHECK(v.kind == value_kind::grade);
        CHECK(v.grade == "CC");
        CHECK(v.number.value() == 60.0);
        CHECK(v.decimals == 0);
    }
    SECTION("A (80.351): a three-digit fraction is decimal because AKIP scores lie in 0..100") {
        const auto v = parse_value("A (80.351)");
        CHECK(v.kind == value_kind::grade);
        CHECK(v.grade == "A");
        CHECK_THAT(v.number.value(), WithinAbs(80.351, 1e-12));
        CHECK(v.decimals == 3);
    }
    SECTION("BB (72.79)") {
        const auto v = parse_value("BB (72.79)");
        CHECK(v.grade == "BB");
        CHECK_THAT(v.number.value(), WithinAbs(72.79, 1e-12));
    }
    SECTION("grade letters alone: BB is only an AKIP level") {
        const auto v = parse_value("BB");
        CHECK(v.kind == value_kind::grade);
        CHECK(v.grade == "BB");
        CHECK(v.scale == "AKIP");
        CHECK_FALSE(v.number.has_value());
    }
    SECTION("unknown grade letters are a parse error naming them") {
        const auto e = value_failure("Z (50)");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.grade");
        CHECK(e->position() == 0);
        CHECK_THAT(e->reason(), Contains("\"Z\""));
    }
    SECTION("empty brackets") {
        const auto e = value_failure("BB ()");
        REQUIRE(e.has_value());
        CHECK_THAT(e->reason(), Contains("no score"));
    }
    SECTION("')' without '('") {
        const auto e = value_failure("BB 75)");
        REQUIRE(e.has_value());
        CHECK(e->position() == 5);
    }
}

TEST_CASE("parse_value reads predicates and records the scale only when it is unique", "[value]") {
    SECTION("Nindya is held by KLA and KLA-printed, so no scale is recorded") {
        const auto v = parse_value("Nindya");
        CHECK(v.kind == value_kind::predicate);
        CHECK(v.level == "Nindya");
        CHECK(v.scale.empty());
        CHECK_FALSE(v.number.has_value());
    }
    SECTION("Mentor is only an APE level") {
        const auto v = parse_value("Mentor");
        CHECK(v.kind == value_kind::predicate);
        CHECK(v.level == "Mentor");
        CHECK(v.scale == "APE");
    }
    SECTION("the case of the text does not matter; the level's canonical name is kept") {
        const auto v = parse_value("nindya");
        CHECK(v.level == "Nindya");
    }
    SECTION("Pertama is APE's alias of Pratama") {
        const auto v = parse_value("Pertama");
        CHECK(v.kind == value_kind::predicate);
        CHECK(v.level == "Pratama");
        CHECK(v.scale == "APE");
    }
    SECTION("with a scale as context the scale is recorded") {
        const auto v = parse_value("Nindya", "KLA");
        CHECK(v.kind == value_kind::predicate);
        CHECK(v.scale == "KLA");
        CHECK(v.level == "Nindya");
    }
    SECTION("a word that is not a level of the context scale") {
        const auto e = value_failure("Mentor", "KLA");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.level");
        CHECK_THAT(e->reason(), Contains("Mentor"));
        CHECK_THAT(e->reason(), Contains("KLA"));
    }
    SECTION("a word that is no level of any scale") {
        const auto e = value_failure("Platinum");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.value");
        CHECK(e->position() == 0);
        CHECK_THAT(e->reason(), Contains("Platinum"));
    }
}

TEST_CASE("parse_value reads counts with their unit word", "[value]") {
    SECTION("44 OPD") {
        const auto v = parse_value("44 OPD");
        CHECK(v.kind == value_kind::count);
        CHECK(v.number.value() == 44.0);
        CHECK(v.unit == "OPD");
    }
    SECTION("2364 Orang") {
        const auto v = parse_value("2364 Orang");
        CHECK(v.kind == value_kind::count);
        CHECK(v.number.value() == 2364.0);
        CHECK(v.unit == "Orang");
    }
    SECTION("737Orang/bulan: no space before the unit") {
        const auto v = parse_value("737Orang/bulan");
        CHECK(v.kind == value_kind::count);
        CHECK(v.number.value() == 737.0);
        CHECK(v.unit == "Orang/bulan");
    }
    SECTION("290,00 Organisasi: 290 with 2 printed decimals") {
        const auto v = parse_value("290,00 Organisasi");
        CHECK(v.kind == value_kind::count);
        CHECK(v.number.value() == 290.0);
        CHECK(v.decimals == 2);
        CHECK(v.unit == "Organisasi");
    }
    SECTION("an alias gives the canonical word: 44 Perangkat Daerah -> OPD") {
        const auto v = parse_value("44 Perangkat Daerah");
        CHECK(v.unit == "OPD");
    }
    SECTION("counts of people read d.ddd as thousands: 2.364 Orang -> 2364") {
        CHECK(parse_value("2.364 Orang").number.value() == 2364.0);
    }
    SECTION("a unit word broken by a PDF space is kept as printed (issue 9; check names Laporan)") {
        const auto v = parse_value("1Lapora n");
        CHECK(v.kind == value_kind::count);
        CHECK(*v.number == 1.0);
        CHECK(v.unit == "Lapora n");
    }
    SECTION("an unknown unit word without a near match is kept too") {
        const auto v = parse_value("12 Furlong");
        CHECK(v.kind == value_kind::count);
        CHECK(v.unit == "Furlong");
    }
}

TEST_CASE("parse_value reads money in Rupiah", "[value]") {
    SECTION("Rp. 22.275.313.470,- ") {
        const auto v = parse_value("Rp. 22.275.313.470,-");
        CHECK(v.kind == value_kind::money);
        CHECK(v.unit == "Rupiah");
        CHECK(v.number.value() == 22275313470.0);
        CHECK(v.decimals == 0);
    }
    SECTION("Rp.2.807.606.116,- without a space (text of Tabel 2.11)") {
        CHECK(parse_value("Rp.2.807.606.116,-").number.value() == 2807606116.0);
    }
    SECTION("Rp 1.000 is one thousand: money reads d.ddd as a thousands group") {
        const auto v = parse_value("Rp 1.000");
        CHECK(v.kind == value_kind::money);
        CHECK(v.number.value() == 1000.0);
    }
    SECTION("1.000 with context Rupiah is one thousand") {
        const auto v = parse_value("1.000", "Rupiah");
        CHECK(v.kind == value_kind::money);
        CHECK(v.number.value() == 1000.0);
    }
    SECTION("seed amounts in both conventions and the mixture") {
        CHECK(parse_value("5.599.220.800", "Rupiah").number.value() == 5599220800.0);
        CHECK(parse_value("8,958,876,144", "Rupiah").number.value() == 8958876144.0);
        CHECK(parse_value("1,584.900.000", "Rupiah").number.value() == 1584900000.0);
    }
    SECTION("Rp without an amount") {
        const auto e = value_failure("Rp.");
        REQUIRE(e.has_value());
        CHECK_THAT(e->reason(), Contains("without an amount"));
        const auto word = value_failure("Rp juta");
        REQUIRE(word.has_value());
        CHECK_THAT(word->reason(), Contains("without an amount"));
    }
    SECTION("an amount with a scale word: ribu, juta, miliar (milyar), triliun (trilyun)") {
        // Sumatera Barat's release (batch 6): PDRB per head "Rp48,29 juta" is Rp 48.290.000
        const auto v = parse_value("Rp48,29 juta");
        CHECK(v.kind == value_kind::money);
        CHECK(v.unit == "Rupiah");
        CHECK(v.number.value() == 48290000.0);
        REQUIRE(v.exact.has_value());
        CHECK(v.exact->to_string() == "48290000");
        CHECK(v.decimals == 0);
        CHECK(parse_value("Rp 50,59 juta").number.value() == 50590000.0);
        // a Maluku news report: "Rp.1,54 Triliun", "Rp.142,11 Milyar"
        CHECK(parse_value("Rp.1,54 Triliun").number.value() == 1540000000000.0);
        CHECK(parse_value("Rp.142,11 Milyar").number.value() == 142110000000.0);
        // Maluku Utara's fiscal review: "Rp 7.183,3 miliar" (dots group, the comma marks decimals)
        CHECK(parse_value("Rp 7.183,3 miliar").exact->to_string() == "7183300000000");
        CHECK(parse_value("Rp 12 ribu").number.value() == 12000.0);
        CHECK(parse_value("Rp 1,5 trilyun").number.value() == 1500000000000.0);
        CHECK(parse_value("Rp48,29juta").number.value() == 48290000.0);
        // more digits after the mark than the word's power keeps the rest as decimals
        const auto fine = parse_value("Rp 0,0000005 juta");
        CHECK(fine.exact->to_string() == "0.5");
        CHECK(fine.decimals == 1);
        // beyond the 18 digits an amount is kept in
        const auto big = value_failure("Rp 999.999.999 triliun");
        REQUIRE(big.has_value());
        CHECK_THAT(big->reason(), Contains("18 digits"));
        // any other word after an amount is still a typo or an error
        CHECK(value_failure("Rp 2.100.000.00O").has_value());
        CHECK(value_failure("Rp 5 rupiah").has_value());
    }
    SECTION("the sen after a point, behind thousands grouped by points") {
        // Lampung Barat's APBD release (batch 9): "Rp984.959.704.911.00", "Rp2.780.064.146.10"
        const auto v = parse_value("Rp984.959.704.911.00");
        CHECK(v.kind == value_kind::money);
        CHECK(v.exact->to_string() == "984959704911.00");
        CHECK(v.decimals == 2);
        CHECK_FALSE(v.written_in.has_value());  // it mixes the two conventions: it shows neither
        CHECK(parse_value("Rp2.780.064.146.10").exact->to_string() == "2780064146.10");
        CHECK(parse_value("Rp. 307.493.016.00").exact->to_string() == "307493016.00");
        // one group of three is not enough to tell: "12.345.67" stays unreadable
        CHECK(value_failure("Rp 12.345.67").has_value());
        // three digits after the last point are a thousands group; two after one point a decimal
        CHECK(parse_value("Rp 1.234.567").exact->to_string() == "1234567");
        CHECK(parse_value("Rp1.50").number.value() == 1.5);
        // a point with one digit, or a group of four, is no such amount
        CHECK(value_failure("Rp 1.234.567.8").has_value());
        CHECK(value_failure("Rp 1.234.5678.00").has_value());
    }
}

TEST_CASE("parse_value reads missing cells", "[value]") {
    for (const char* text : {"-", "", "   ", "--"}) {
        CAPTURE(text);
        const auto v = parse_value(text);
        CHECK(v.kind == value_kind::missing);
        CHECK(v.is_missing());
        CHECK_FALSE(v.number.has_value());
        CHECK(v.text == text);
    }
}

TEST_CASE("a context settles numbers the text leaves open", "[value]") {
    SECTION("742,340 with KLA is the score 742.34, predicate level Nindya (700 < 742.34 <= 800)") {
        const auto v = parse_value("742,340", "KLA");
        CHECK(v.kind == value_kind::number);
        CHECK_THAT(v.number.value(), WithinAbs(742.34, 1e-9));
        CHECK(v.decimals == 3);
        CHECK(v.level == "Nindya");
        CHECK(v.scale == "KLA");
    }
    SECTION("600 is Pratama on KLA (500-600) but Madya on KLA-printed ([600,700))") {
        CHECK(parse_value("600", "KLA").level == "Pratama");
        CHECK(parse_value("600", "KLA-printed").level == "Madya");
    }
    SECTION("a score with AKIP as context gets its grade: 72,79 -> BB") {
        const auto v = parse_value("72,79", "AKIP");
        CHECK(v.grade == "BB");
        CHECK(v.level == "BB");
        CHECK(v.scale == "AKIP");
    }
    SECTION("0,00028 with Persen is a percent of 0.00028 with 5 decimals") {
        const auto v = parse_value("0,00028", "Persen");
        CHECK(v.kind == value_kind::percent);
        CHECK(v.unit == "%");
        CHECK_THAT(v.number.value(), WithinAbs(0.00028, 1e-15));
        CHECK(v.decimals == 5);
    }
    SECTION("a rate per 100.000 records its base") {
        const auto v = parse_value("18,2", "per 100.000");
        CHECK(v.kind == value_kind::number);
        CHECK_THAT(v.number.value(), WithinAbs(18.2, 1e-12));
        REQUIRE(v.per.has_value());
        CHECK(*v.per == 100000.0);
    }
    SECTION("4.000 without context is ambiguous, at the separator") {
        const auto e = value_failure("4.000");
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.ambiguous_number");
        CHECK(e->position() == 1);
        CHECK_THAT(e->reason(), Contains("context"));
    }
    SECTION("an unknown context is a unit word nobody registered: the number keeps it (issue 9)") {
        const auto v = parse_value("12", "Furlong");
        CHECK(v.kind == value_kind::number);
        CHECK(*v.number == 12.0);
        CHECK(v.unit == "Furlong");
    }
}

TEST_CASE("parse_value uses the registries it is given", "[value]") {
    kinerja::unit_registry units = kinerja::unit_registry::builtin();
    kinerja::unit_info info;
    info.name = "Lumbung";
    info.kind = value_kind::count;
    info.dimension = kinerja::dimension{0, 0, 1, 0};
    info.numbers.ambiguous = kinerja::number_context::ambiguous_policy::grouping;
    units.add(info, {"Lbg"});
    const kinerja::scale_registry scales = kinerja::scale_registry::builtin();
    const auto v = parse_value("1.250 Lbg", "", units, scales);
    CHECK(v.kind == value_kind::count);
    CHECK(v.unit == "Lumbung");  // the alias gives the registered word
    CHECK(v.number.value() == 1250.0);
    // the default registry does not know the word: the value keeps it as printed (issue 9)
    CHECK(parse_value("1.250 Lbg").unit == "Lbg");
}

TEST_CASE("make_value builds values from numbers", "[value]") {
    SECTION("a plain number counts its shortest decimals") {
        const auto v = kinerja::make_value(72.79);
        CHECK(v.kind == value_kind::number);
        CHECK(v.number.value() == 72.79);
        CHECK(v.decimals == 2);
    }
    SECTION("with a unit word the kind follows the unit") {
        CHECK(kinerja::make_value(77.9, "%").kind == value_kind::percent);
        CHECK(kinerja::make_value(1000.0, "Rupiah").kind == value_kind::money);
        const auto c = kinerja::make_value(44.0, "OPD");
        CHECK(c.kind == value_kind::count);
        CHECK(c.unit == "OPD");
    }
    SECTION("explicit decimals") { CHECK(kinerja::make_value(290.0, "Organisasi", 2).decimals == 2); }
    SECTION("an unknown unit is kept as the unit of a count (issue 9)") {
        CHECK(kinerja::make_value(1.0, "Furlong").unit == "Furlong");
        CHECK(kinerja::make_value(1.0, "Furlong").kind == value_kind::count);
    }
    SECTION("missing_value is missing") { CHECK(kinerja::missing_value().is_missing()); }
}

TEST_CASE("values compare by content, not by text", "[value]") {
    CHECK(parse_value("77.90%") == parse_value("77,90%"));  // same number, precision and unit
    CHECK(parse_value("77.90%") != parse_value("77.9%"));   // precision differs
    CHECK(parse_value("1 : 4.000") == parse_value("1:4,000"));
    CHECK(parse_value("44 OPD") != parse_value("44 Lembaga"));
    CHECK(parse_value("-") == parse_value("--"));
    CHECK(parse_value("-") != parse_value("n/a"));  // a placeholder is not a dash (issue 9)
}

TEST_CASE("format_value writes each kind in both conventions", "[value]") {
    SECTION("ratio 1 : 4.000") {
        const auto v = parse_value("1 : 4.000");
        CHECK(format_value(v, convention::indonesian) == "1 : 4.000");
        CHECK(format_value(v, convention::english) == "1 : 4,000");
    }
    SECTION("grade BB (75.10) keeps its two decimals") {
        const auto v = parse_value("BB (75.10)");
        CHECK(format_value(v, convention::indonesian) == "BB (75,10)");
        CHECK(format_value(v, convention::english) == "BB (75.10)");
    }
    SECTION("percent 77.90%") {
        const auto v = parse_value("77.90%");
        CHECK(format_value(v, convention::indonesian) == "77,90%");
        CHECK(format_value(v, convention::english) == "77.90%");
        CHECK(format_value(v, convention::english, 1) == "77.9%");
    }
    SECTION("counts with their unit") {
        CHECK(format_value(parse_value("290,00 Organisasi"), convention::indonesian) == "290,00 Organisasi");
        CHECK(format_value(parse_value("2364 Orang"), convention::indonesian) == "2.364 Orang");
        CHECK(format_value(parse_value("737Orang/bulan"), convention::english) == "737 Orang/bulan");
    }
    SECTION("money below one billion") {
        CHECK(format_value(parse_value("Rp 8.997.000"), convention::indonesian) == "Rp 8.997.000");
        CHECK(format_value(parse_value("Rp 8.997.000"), convention::english) == "Rp 8,997,000");
    }
    SECTION("predicate, grade without score, missing") {
        CHECK(format_value(parse_value("Nindya")) == "Nindya");
        CHECK(format_value(parse_value("BB")) == "BB");
        CHECK(format_value(parse_value("-")) == "-");
        CHECK(format_value(kinerja::missing_value(), convention::english) == "-");
    }
    SECTION("explicit decimals override the printed precision") {
        CHECK(format_value(parse_value("0,253"), convention::english, 2) == "0.25");
        CHECK(format_value(parse_value("A (80.351)"), convention::indonesian, 1) == "A (80,4)");
    }
}

TEST_CASE("format_value output parses back to the same value", "[value]") {
    const char* texts[] = {"1 : 4.000", "1:17,9",  "BB (75.10)",        "CC (60)", "A (80.351)", "77.90%",
                           "0.030 %",   "53.395%", "290,00 Organisasi", "44 OPD",  "2364 Orang", "737Orang/bulan",
                           "Nindya",    "Mentor",  "Rp 8.997.000",      "-",       "92.95"};
    for (const char* text : texts) {
        const auto v = parse_value(text);
        for (convention conv : {convention::indonesian, convention::english}) {
            const std::string out = format_value(v, conv);
            CAPTURE(text, out);
            CHECK(parse_value(out) == v);
        }
    }
}

// Regression: amounts above 1e9 were once shifted by the rounding tolerance.
TEST_CASE("format_value writes seed money digit for digit", "[value]") {
    const auto v = parse_value("Rp. 22.275.313.470,-");
    CHECK(format_value(v, convention::indonesian) == "Rp 22.275.313.470");
    CHECK(parse_value(format_value(v, convention::english)) == v);
}

// Regression (issue 13, defect 9): a money value beyond 2^53 = 9.007.199.254.740.992 printed back
// with its last digit changed (...993 became ...992). The value keeps the amount exactly.
TEST_CASE("money beyond 2^53 reads and prints back digit for digit", "[value]") {
    const auto v = parse_value("Rp 9.007.199.254.740.993");
    CHECK(v.kind == value_kind::money);
    REQUIRE(v.exact.has_value());
    CHECK(v.exact->units() == 9007199254740993LL);
    CHECK(format_value(v) == "Rp 9.007.199.254.740.993");
    CHECK(format_value(v, convention::english) == "Rp 9,007,199,254,740,993");
    CHECK(format_value(v, convention::indonesian, 2) == "Rp 9.007.199.254.740.993,00");
    // the same amount as a unit context reads it
    const auto c = parse_value("9.007.199.254.740.993", "Rupiah");
    CHECK(c.exact->units() == 9007199254740993LL);
    CHECK(format_value(c) == "Rp 9.007.199.254.740.993");
    // ...993 and ...992 are different amounts, though one double holds both
    CHECK(v != parse_value("Rp 9.007.199.254.740.992"));
    CHECK(v == parse_value("Rp. 9.007.199.254.740.993,-"));
    // more than 18 digits is an error, not a rounded amount
    const auto e = value_failure("Rp 1.000.000.000.000.000.000");
    REQUIRE(e.has_value());
    CHECK(e->id() == "kinerja.parse.too_many_digits");
    CHECK(e->position() == 3);
    // make_value from an exact amount
    const auto m = kinerja::make_value(kinerja::decimal(9007199254740993LL), "Rupiah");
    CHECK(m.kind == value_kind::money);
    CHECK(format_value(m) == "Rp 9.007.199.254.740.993");
    // a number changed after parsing is written from the new number, not the stale exact one
    auto changed = v;
    changed.number = 5.0;
    CHECK(format_value(changed) == "Rp 5");
}

// Regression (issue 13, defect 2): cells copied from PDFs. "96\u00a0%" and "\u22125%" were
// rejected; the readers take them as "96 %" and "-5%".
TEST_CASE("parse_value reads the spaces and minus sign of PDFs", "[value]") {
    const auto p = parse_value("96\xc2\xa0%");  // U+00A0
    CHECK(p.kind == value_kind::percent);
    CHECK(*p.number == 96.0);
    CHECK(p.text == "96\xc2\xa0%");  // the text as given
    const auto m = parse_value(
        "\xe2\x88\x92"
        "5%");  // U+2212
    CHECK(m.kind == value_kind::percent);
    CHECK(*m.number == -5.0);
    const auto n = parse_value(
        "\xe2\x88\x92"
        "1,41%");
    CHECK(*n.number == -1.41);
    CHECK(n.decimals == 2);
    const auto money = parse_value(
        "Rp\xc2\xa0"
        "5.599.220.800");
    CHECK(money.kind == value_kind::money);
    CHECK(money.exact->units() == 5599220800LL);
    const auto count = parse_value("44\xc2\xa0OPD");
    CHECK(count.kind == value_kind::count);
    CHECK(*count.number == 44.0);
    CHECK(count.unit == "OPD");
    // narrow no-break spaces (U+202F) group thousands; a plain space still parts number and unit
    const auto people = parse_value(
        "2\xe2\x80\xaf"
        "364 Orang");
    CHECK(people.kind == value_kind::count);
    CHECK(*people.number == 2364.0);
    const auto ratio = parse_value(
        "1\xc2\xa0:\xc2\xa0"
        "4\xe2\x80\x89"
        "000");
    CHECK(ratio.kind == value_kind::ratio);
    CHECK(*ratio.number == 4000.0);
}

TEST_CASE("parse_value names a foreign character in a number with its code point", "[value]") {
    struct bad {
        std::string text;
        std::size_t position;
        std::string reason;
    };
    const bad cases[] = {
        // −5×%: the × starts at byte 4 of the original (the minus sign has three bytes)
        {"\xe2\x88\x92"
         "5\xc3\x97%",
         4, "unexpected character '\xc3\x97' (U+00D7) in a number"},
        {"\xe2\x80\x93"
         "5%",
         0, "an en dash (U+2013) in a number is not read as a minus sign"},
        {"Rp\xc2\xa0"
         "5\xe2\x82\xac",
         5, "(U+20AC)"},  // a euro sign after the amount
    };
    for (const bad& c : cases) {
        CAPTURE(c.text);
        const auto e = value_failure(c.text);
        REQUIRE(e.has_value());
        CHECK(e->id() == "kinerja.parse.number");
        CHECK(e->text() == c.text);
        CHECK(e->position() == c.position);
        CHECK_THAT(e->reason(), Contains(c.reason));
    }
    // a lone en dash is still "no data"
    CHECK(parse_value("\xe2\x80\x93").is_missing());
}

TEST_CASE("parse_value quotes a thousands space of a cell it cannot read as a space, never as a control character",
          "[value]") {
    // Found by tests/python/test_fuzz_render.py: "x0 000" with a narrow no-break space (U+202F)
    // between the digits was read as "x0", the internal grouping mark (0x1F) and "000", and the
    // reason quoted that mark, which then reached a finding and made the XLSX report fail.
    const std::string cell =
        "x0\xe2\x80\xaf"
        "000";
    const auto e = value_failure(cell, "Persen");
    REQUIRE(e.has_value());
    CHECK(e->text() == cell);  // the cell as printed
    CHECK(e->reason() == "\"x0 000\" is not a number, ratio, grade, money or a level of a known scale");
    CHECK(std::string(e->what()).find('\x1f') == std::string::npos);
}
