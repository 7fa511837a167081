// The LKjIP tables (lkjip.hpp) on tests/data/plans/lkjip-small.yaml, whose header comment works
// every number out by hand, and on the bundled plan's 2019-2023 history (Tabel 2.7 and
// Tabel 2.11 of the seed), worked by hand in the comments below.
#include <catch2/catch.hpp>

#include <kinerja/error.hpp>
#include <kinerja/lkjip.hpp>
#include <kinerja/plan_io.hpp>

#include <string>

namespace {

std::string fixture() {
    std::string here = __FILE__;
    return here.substr(0, here.rfind("/cpp/")) + "/data/plans/lkjip-small.yaml";
}

const kinerja::lkjip_indicator_row& indicator(const kinerja::lkjip_report& r, const std::string& id) {
    for (const auto& row : r.indicators)
        if (row.indicator_id == id) return row;
    throw std::runtime_error("no indicator row " + id);
}

const kinerja::lkjip_programme_row& programme(const kinerja::lkjip_report& r, const std::string& id) {
    for (const auto& row : r.programmes)
        if (row.node_id == id) return row;
    throw std::runtime_error("no programme row " + id);
}

}  // namespace

using Catch::Matchers::Contains;

TEST_CASE("LKjIP tables of a small plan: capaian, earlier years, end target and progress", "[lkjip]") {
    const kinerja::plan p = kinerja::load_plan(fixture());
    const kinerja::lkjip_report r = kinerja::lkjip_tables(p, 2025);
    CHECK(r.year == 2025);
    CHECK(r.previous_years == std::vector<int>{2023, 2024});
    REQUIRE(r.indicators.size() == 2);  // the sasaran's indicators only, not the programme's

    const auto& a = indicator(r, "ind-s-1");
    CHECK(a.part == "plan");
    CHECK(a.node == "s-1");
    CHECK(a.target == "95%");
    CHECK(a.realization == "85.5%");
    CHECK(a.achievement == Approx(90.00));  // 85.5 / 95
    CHECK(a.category == "Tinggi");
    REQUIRE(a.previous.size() == 2);
    CHECK(a.previous[0].year == 2023);
    CHECK(a.previous[0].realization.empty());
    CHECK_FALSE(a.previous[0].achievement);
    CHECK(a.previous[1].realization == "92%");
    CHECK(*a.previous[1].achievement == Approx(102.22));  // 92 / 90
    CHECK(a.end_target == "100%");
    CHECK_FALSE(a.end_year);  // the end-of-period column
    CHECK(*a.progress == Approx(85.50));
    CHECK_THAT(a.progress_basis, Contains("end-of-period column"));

    const auto& b = indicator(r, "ind-s-2");
    CHECK(b.polarity == "lower");
    CHECK(*b.achievement == Approx(125.00));  // inverse: 0.35 / 0.28
    CHECK(b.category == "Sangat Tinggi");
    CHECK(*b.previous[1].achievement == Approx(80.00));  // 0.40 / 0.50
    CHECK(b.end_year == 2026);                           // no end column: the target of the last plan year
    CHECK(b.end_target == "0.30%");
    CHECK(*b.progress == Approx(107.14));  // 0.30 / 0.28
    CHECK_THAT(b.progress_basis, Contains("the last year of the period"));
}

TEST_CASE("LKjIP budget table of a small plan: absorption, capaian and efficiency", "[lkjip]") {
    const kinerja::plan p = kinerja::load_plan(fixture());
    const kinerja::lkjip_report r = kinerja::lkjip_tables(p, 2025);
    REQUIRE(r.programmes.size() == 2);
    const auto& p1 = programme(r, "p-1");
    CHECK(p1.node == "2.08.02");
    CHECK(p1.pagu == "1,200,000,000");
    CHECK(*p1.pagu_number == Approx(1.2e9));
    CHECK(*p1.realized_number == Approx(1.08e9));
    CHECK(*p1.absorption == Approx(90.00));
    CHECK(*p1.achievement == Approx(95.00));  // 190 / 200 Orang
    CHECK(*p1.efficiency == Approx(5.26));    // (1 - 90 / 95) x 100
    CHECK_THAT(p1.efficiency_basis, Contains("(1 - absorption 90.00 / capaian 95.00) x 100"));
    const auto& p2 = programme(r, "p-2");
    CHECK(*p2.absorption == Approx(90.00));
    CHECK_FALSE(p2.achievement);
    CHECK_FALSE(p2.efficiency);
    CHECK_THAT(p2.efficiency_basis, Contains("no capaian"));

    // previous_years is a setting; a negative one is refused
    CHECK(
        kinerja::lkjip_tables(p, 2025, kinerja::lkjip_options{}.with_previous_years(0)).indicators[0].previous.empty());
    CHECK_THROWS_AS(kinerja::lkjip_tables(p, 2025, kinerja::lkjip_options{}.with_previous_years(-1)),
                    kinerja::argument_error);
}

TEST_CASE("LKjIP refuses a year the plan cannot report, listing those it can", "[lkjip]") {
    const kinerja::plan p = kinerja::load_plan(fixture());
    CHECK(kinerja::lkjip_years(p) == std::set<int>{2024, 2025, 2026});
    try {
        (void)kinerja::lkjip_tables(p, 2030);
        FAIL("no error");
    } catch (const kinerja::argument_error& e) {
        CHECK(e.id() == "kinerja.argument.lkjip_year");
        CHECK_THAT(e.what(), Contains("2030") && Contains("years it can report: 2024-2026"));
    }
}

// The bundled plan, 2021 (Tabel 2.7 of the seed for the sasaran of 2019-2023, Tabel 2.11 for the
// budget), worked by hand:
// - Rasio kekerasan terhadap perempuan (lower, rates 1/N): 2021 target 1 : 4.250, realization
//   1 : 4.347: (1/4250) / (1/4347) = 4347 / 4250 = 102.28 % (the text prints 102.28 %); 2020:
//   4545 / 4000 = 113.63 %; end target (2023, the last year of the period 2019-2023) 1 : 4.750:
//   4347 / 4750 = 91.52 %.
// - Persentase penurunan tindak kekerasan terhadap anak (lower, inverse): 0.030 / 0.029 = 103.45 %;
//   2020: 0.035 / 0.028 = 125.00 %; 2019: 0.040 / 0.024 = 166.67 %; end 0.020 / 0.029 = 68.97 %.
// - Nilai AKIP (score): 75.37 / 69 = 109.23 %; 2019: 72.79 / 60 = 121.32 %; end 75.37 / 79 = 95.41 %.
// - Predikat Kota Layak Anak (positions): Nindya (3) / Nindya (3) = 100 %; 2020: Nindya (3) /
//   Madya (2) = 150 %.
// - PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN: 1,592,686,300 of 1,640,872,000 =
//   97.06 %.
TEST_CASE("LKjIP tables of the bundled plan's 2021, checked by hand against the seed", "[lkjip][bundled]") {
    const kinerja::plan p = kinerja::load_plan(kinerja::bundled_plan_path());
    const kinerja::lkjip_report r = kinerja::lkjip_tables(p, 2021);
    CHECK(r.previous_years == std::vector<int>{2019, 2020});

    const auto& ktp = indicator(r, "ind-h-s19-2-ktp");
    CHECK(ktp.part == "history");
    CHECK(ktp.target == "1 : 4.250");
    CHECK(ktp.realization == "1 : 4.347");
    CHECK(*ktp.achievement == Approx(102.28));
    CHECK(ktp.category == "Sangat Tinggi");
    CHECK_FALSE(ktp.previous[0].achievement);  // 2019 prints "-"
    CHECK(*ktp.previous[1].achievement == Approx(113.63));
    CHECK(ktp.end_year == 2023);
    CHECK(ktp.end_target == "1 : 4.750");
    CHECK(*ktp.progress == Approx(91.52));

    const auto& kta = indicator(r, "ind-h-s19-4-kta");
    CHECK(*kta.achievement == Approx(103.45));
    CHECK(*kta.previous[0].achievement == Approx(166.67));
    CHECK(*kta.previous[1].achievement == Approx(125.00));
    CHECK(*kta.progress == Approx(68.97));

    const auto& akip = indicator(r, "ind-h-s19-5-akip");
    CHECK(*akip.achievement == Approx(109.23));
    CHECK(*akip.previous[0].achievement == Approx(121.32));
    CHECK(*akip.progress == Approx(95.41));

    const auto& kla = indicator(r, "ind-h-s19-3-kla");
    CHECK(*kla.achievement == Approx(100.0));
    CHECK(*kla.previous[1].achievement == Approx(150.0));

    const auto& pug = programme(r, "h11-p-pug");
    CHECK(pug.pagu == "1,640,872,000");
    CHECK(pug.realized == "1,592,686,300");
    CHECK(*pug.absorption == Approx(97.06));
}
