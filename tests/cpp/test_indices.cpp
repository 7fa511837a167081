// SPDX-License-Identifier: Apache-2.0
// Tests of indices.hpp: composite development indices against published values. Each expected
// value names its source (full list in docs/indices.md) and, where the method has steps, the
// steps worked out by hand. Published values are rounded (UNDP 3 decimals, BPS 2 or 3), so the
// checks compare our full-precision result rounded the same way, or within half a unit of the
// last printed digit.
#include <catch2/catch.hpp>

#include <kinerja/error.hpp>
#include <kinerja/indices.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace ix = kinerja::indices;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;

namespace {

const double missing = std::numeric_limits<double>::quiet_NaN();

double round_to(double x, int decimals) {
    const double scale = std::pow(10.0, decimals);
    return std::round(x * scale) / scale;
}

std::string error_id(const std::function<void()>& f) {
    try {
        f();
    } catch (const kinerja::error& e) {
        return e.id();
    }
    return "";
}

}  // namespace

// --------------------------------------------------------------------------- HDI

TEST_CASE("hdi reproduces HDR 2015 table 1 (2014 values)", "[indices]") {
    // Source: UNDP Human Development Report 2015, Table 1 "Human Development Index and its
    // components" (hdr.undp.org/en/composite/HDI, archived 2016-05-15): the first report with
    // the fixed goalposts 20-85, 0-18, 0-15, 100-75,000 used here.
    struct row {
        const char* country;
        double le, eys, mys, gnipc, published;
    };
    const std::vector<row> rows{
        {"Norway", 81.6, 17.5, 12.6, 64992, 0.944},
        // expected schooling 20.2 is capped at 18
        {"Australia", 82.4, 20.2, 13.0, 42261, 0.935},
        // expected schooling 18.7 capped at 18
        {"Denmark", 80.2, 18.7, 12.7, 44025, 0.923},
        {"Ireland", 80.9, 18.6, 12.2, 39568, 0.916},
        // GNI per capita 79,851 capped at 75,000
        {"Liechtenstein", 80.0, 15.0, 11.8, 79851, 0.908},
        {"United States", 79.1, 16.5, 12.9, 52947, 0.915},
        // Indonesia 2014: 0.684 (LE 68.9, EYS 13.0, MYS 7.6, GNI 9,788; HDR 2015 as quoted by
        // pinterpandai.com). By hand: LEI = 48.9/65 = 0.752308, EI = (13/18 + 7.6/15)/2 =
        // 0.614444, II = ln(97.88)/ln(750) = 0.692401; (0.320063)^(1/3) = 0.684035.
        {"Indonesia", 68.9, 13.0, 7.6, 9788, 0.684},
    };
    for (const auto& r : rows) {
        INFO(r.country);
        CHECK(round_to(ix::hdi(r.le, r.eys, r.mys, r.gnipc), 3) == Approx(r.published));
    }
    CHECK_THAT(ix::hdi(68.9, 13.0, 7.6, 9788), WithinAbs(0.684035, 1e-6));
    // Singapore (83.0, 15.4, 10.6, 76,628 capped) is printed 0.912; from the rounded printed
    // inputs it is 0.91141, within the rounding of the inputs.
    CHECK_THAT(ix::hdi(83.0, 15.4, 10.6, 76628), WithinAbs(0.912, 0.001));
}

TEST_CASE("hdi dimension indices and caps", "[indices]") {
    CHECK(ix::life_expectancy_index(20.0) == 0.0);
    CHECK(ix::life_expectancy_index(52.5) == 0.5);
    CHECK(ix::life_expectancy_index(90.0) == 1.0);  // capped at 85
    CHECK(ix::life_expectancy_index(87.5, ix::life_expectancy_female_goalposts) == 1.0);
    CHECK(ix::life_expectancy_index(17.5, ix::life_expectancy_male_goalposts) == 0.0);
    CHECK(ix::education_index(9.0, 7.5) == 0.5);
    CHECK(ix::education_index(25.0, 20.0) == 1.0);  // capped at 18 and 15
    CHECK(ix::income_index(100.0) == 0.0);
    CHECK(ix::income_index(75000.0) == Approx(1.0));
    CHECK(ix::income_index(1e6) == Approx(1.0));  // capped at 75,000
    // above every maximum: 1
    CHECK(ix::hdi(90, 20, 16, 100000) == Approx(1.0));
    CHECK(ix::hdi(90, 20, 16, 100000) == ix::hdi(85, 18, 15, 75000));
    CHECK(ix::hdi_female(87.5, 18, 15, 75000) == Approx(1.0));
    CHECK(ix::hdi_male(82.5, 18, 15, 75000) == Approx(1.0));
    // at the minima the index is 0 (geometric mean with a zero factor)
    CHECK(ix::hdi(20, 12, 8, 10000) == 0.0);
    CHECK(ix::hdi(70, 12, 8, 100) == 0.0);
}

// --------------------------------------------------------------------------- GDI

TEST_CASE("gdi is HDI_f / HDI_m with sex-specific life expectancy goalposts", "[indices]") {
    // Five years apart in life expectancy (the offset of the goalposts), all else equal: parity.
    CHECK(ix::gdi(75, 13, 8, 10000, 70, 13, 8, 10000) == Approx(1.0));
    // Hand example: women (72, 13, 8, 9,000): LEI = 49.5/65 = 0.761538, EI = 0.627778,
    // II = ln 90 / ln 750 = 0.679722 -> HDI_f = 0.687506; men (70, 14, 9, 15,000): LEI =
    // 52.5/65 = 0.807692, EI = 0.688889, II = ln 150 / ln 750 = 0.756885 -> HDI_m = 0.749563;
    // GDI = 0.917208.
    CHECK_THAT(ix::hdi_female(72, 13, 8, 9000), WithinAbs(0.687506, 1e-6));
    CHECK_THAT(ix::hdi_male(70, 14, 9, 15000), WithinAbs(0.749563, 1e-6));
    CHECK_THAT(ix::gdi(72, 13, 8, 9000, 70, 14, 9, 15000), WithinAbs(0.917208, 1e-6));
    CHECK(ix::gdi_group(0.917208) == 4);  // |1 - 0.917| = 0.083
    // male HDI 0: undefined
    CHECK(error_id([] { ix::gdi(72, 13, 8, 9000, 17.5, 14, 9, 15000); }) == "kinerja.undefined.index");
    CHECK(std::isnan(ix::gdi(missing, 13, 8, 9000, 70, 14, 9, 15000)));
}

TEST_CASE("gdi_group boundaries on abs(1 - GDI) rounded to 3 decimals", "[indices]") {
    // UNDP: group 1 <= 2.5 % deviation, 2: 2.5-5, 3: 5-7.5, 4: 7.5-10, 5: > 10 (HDR technical
    // notes; Our World in Data, "Gender Development Index groups").
    CHECK(ix::gdi_group(1.0) == 1);
    CHECK(ix::gdi_group(0.975) == 1);   // deviation 0.025 exactly: group 1
    CHECK(ix::gdi_group(1.025) == 1);   // above parity counts the same
    CHECK(ix::gdi_group(0.9749) == 1);  // deviation 0.0251 rounds to 0.025
    CHECK(ix::gdi_group(0.9745) == 2);  // deviation 0.0255 rounds half up to 0.026
    CHECK(ix::gdi_group(0.9744) == 2);  // 0.0256 -> 0.026
    CHECK(ix::gdi_group(0.974) == 2);
    CHECK(ix::gdi_group(0.950) == 2);
    CHECK(ix::gdi_group(0.949) == 3);
    CHECK(ix::gdi_group(0.925) == 3);
    CHECK(ix::gdi_group(0.924) == 4);
    CHECK(ix::gdi_group(0.900) == 4);
    CHECK(ix::gdi_group(0.8995) == 5);  // 0.1005 -> 0.101
    CHECK(ix::gdi_group(1.101) == 5);
    CHECK(ix::gdi_group(missing) == 0);
    CHECK(error_id([] { ix::gdi_group(-0.1); }) == "kinerja.argument.index_input");
    const std::vector<double> in{0.975, 0.9744, missing, -1.0};
    std::vector<double> out(in.size());
    ix::gdi_group(in.data(), out.data(), in.size());
    CHECK(out[0] == 1.0);
    CHECK(out[1] == 2.0);
    CHECK(std::isnan(out[2]));
    CHECK(std::isnan(out[3]));
}

TEST_CASE("hdi_group boundaries on the value rounded to 3 decimals", "[indices]") {
    // HDR: very high >= 0.800, high 0.700-0.799, medium 0.550-0.699, low < 0.550.
    CHECK(ix::hdi_group(0.7995) == "very high");  // rounds to 0.800
    CHECK(ix::hdi_group(0.79949) == "high");
    CHECK(ix::hdi_group(0.800) == "very high");
    CHECK(ix::hdi_group(0.6995) == "high");
    CHECK(ix::hdi_group(0.6994) == "medium");
    CHECK(ix::hdi_group(0.5495) == "medium");
    CHECK(ix::hdi_group(0.5494) == "low");
    CHECK(ix::hdi_group(0.0) == "low");
    CHECK(ix::hdi_group(1.0) == "very high");
    CHECK(ix::hdi_group(ix::hdi(68.9, 13.0, 7.6, 9788)) == "medium");  // Indonesia 2014, 0.684
    CHECK(ix::hdi_group(missing).empty());
    CHECK(error_id([] { ix::hdi_group(1.2); }) == "kinerja.argument.index_input");
    const std::vector<double> in{0.7995, missing, 2.0};
    std::vector<std::string_view> out(in.size());
    ix::hdi_group(in.data(), out.data(), in.size());
    CHECK(out[0] == "very high");
    CHECK(out[1].empty());
    CHECK(out[2].empty());
}

TEST_CASE("gdi_income splits GNI per capita by wage ratio and labour-force shares", "[indices]") {
    // Hand example: GNIpc 10,000, W_f/W_m 0.8, EA 40/60, population 50/50:
    // S_f = 0.8 x 0.4 / (0.8 x 0.4 + 0.6) = 0.32 / 0.92 = 0.347826;
    // GNIpc_f = 10,000 x 0.347826 / 0.5 = 6,956.52; GNIpc_m = 10,000 x 0.652174 / 0.5 = 13,043.48.
    const auto r = ix::gdi_income(10000, 0.8, 40, 60, 50, 50);
    CHECK_THAT(r.female, WithinAbs(6956.5217, 1e-4));
    CHECK_THAT(r.male, WithinAbs(13043.4783, 1e-4));
    // the same in fractions and in head counts
    const auto fractions = ix::gdi_income(10000, 0.8, 0.4, 0.6, 0.5, 0.5);
    CHECK(fractions.female == Approx(r.female));
    const auto counts = ix::gdi_income(10000, 0.8, 4e6, 6e6, 1.3e8, 1.3e8);
    CHECK(counts.male == Approx(r.male));
    // the estimates average back to the GNI per capita: P_f x GNIpc_f + P_m x GNIpc_m = GNIpc
    const auto u = ix::gdi_income(12000, 0.7, 38.5, 61.5, 49.6, 50.4);
    CHECK(0.496 * u.female + 0.504 * u.male == Approx(12000));
    // equal pay and equal participation: equal incomes
    const auto eq = ix::gdi_income(5000, 1.0, 50, 50, 50, 50);
    CHECK(eq.female == Approx(5000));
    CHECK(eq.male == Approx(5000));
    CHECK(error_id([] { ix::gdi_income(10000, 0.0, 40, 60, 50, 50); }) == "kinerja.argument.index_input");
    CHECK(error_id([] { ix::gdi_income(10000, 0.8, -1, 60, 50, 50); }) == "kinerja.argument.index_input");
    CHECK(error_id([] { ix::gdi_income(10000, 0.8, 40, 60, 0, 50); }) == "kinerja.undefined.index");
    CHECK(std::isnan(ix::gdi_income(missing, 0.8, 40, 60, 50, 50).female));
}

// --------------------------------------------------------------------------- GII

TEST_CASE("gii reproduces the Indonesia 2022 value with its steps", "[indices]") {
    // Indonesia 2022 (HDR 2023/2024 data as given in the issue): MMR 172.9225117, ABR 32.94,
    // SE 51.00518036 / 58.21279907 %, PR 21.91304348 / 78.08695652 %, LFPR 52.5 / 81.45 %.
    // By hand:
    //   health_F = (10/172.9225117 x 1/32.94)^(1/2) = (0.0578294 x 0.0303582)^(1/2) = 0.0418998
    //   emp_F = (0.2191304 x 0.5100518)^(1/2) = 0.3343170; emp_M = (0.7808696 x 0.5821280)^(1/2) = 0.6742151
    //   G_F = (0.0418998 x 0.3343170 x 0.525)^(1/3) = 0.0073541^(1/3) = 0.194466
    //   G_M = (0.6742151 x 0.8145)^(1/3) = 0.549148^(1/3) = 0.818898
    //   HARM = 2 x 0.194466 x 0.818898 / (0.194466 + 0.818898) = 0.314295
    //   G_FM = ((0.0418998 + 1)/2 x (0.3343170 + 0.6742151)/2 x (0.525 + 0.8145)/2)^(1/3)
    //        = (0.5209499 x 0.5042661 x 0.66975)^(1/3) = 0.175942^(1/3) = 0.560346
    //   GII = 1 - 0.314295 / 0.560346 = 0.439105 -> 0.439 (published)
    const auto d = ix::gii_detail(172.9225117, 32.94, 51.00518036, 58.21279907, 21.91304348, 78.08695652, 52.5, 81.45);
    CHECK_THAT(d.health_f, WithinAbs(0.0418998, 1e-7));
    CHECK_THAT(d.empowerment_f, WithinAbs(0.3343170, 1e-7));
    CHECK_THAT(d.empowerment_m, WithinAbs(0.6742151, 1e-7));
    CHECK_THAT(d.g_f, WithinAbs(0.194466, 1e-6));
    CHECK_THAT(d.g_m, WithinAbs(0.818898, 1e-6));
    CHECK_THAT(d.harm, WithinAbs(0.314295, 1e-6));
    CHECK_THAT(d.g_fm, WithinAbs(0.560346, 1e-6));
    CHECK_THAT(d.value, WithinAbs(0.439105, 1e-6));
    CHECK(round_to(ix::gii(172.9225117, 32.94, 51.00518036, 58.21279907, 21.91304348, 78.08695652, 52.5, 81.45), 3) ==
          Approx(0.439));
}

TEST_CASE("gii clamps MMR, floors a zero parliament share, rejects what is out of range", "[indices]") {
    const double base = ix::gii(172.9, 32.94, 51, 58, 22, 78, 52.5, 81.45);
    // MMR clamped to 10..1000
    CHECK(ix::gii(5, 32.94, 51, 58, 22, 78, 52.5, 81.45) == ix::gii(10, 32.94, 51, 58, 22, 78, 52.5, 81.45));
    CHECK(ix::gii(1500, 32.94, 51, 58, 22, 78, 52.5, 81.45) == ix::gii(1000, 32.94, 51, 58, 22, 78, 52.5, 81.45));
    CHECK(ix::gii(1000, 32.94, 51, 58, 22, 78, 52.5, 81.45) > base);
    // a zero female parliament share is read as 0.1 %
    CHECK(ix::gii(172.9, 32.94, 51, 58, 0, 100, 52.5, 81.45) == ix::gii(172.9, 32.94, 51, 58, 0.1, 100, 52.5, 81.45));
    CHECK(ix::gii_detail(172.9, 32.94, 51, 58, 0, 100, 52.5, 81.45).empowerment_f == Approx(std::sqrt(0.001 * 0.51)));
    for (const auto& f : std::vector<std::function<void()>>{
             [] { ix::gii(0, 32.94, 51, 58, 22, 78, 52.5, 81.45); },  // MMR <= 0
             [] { ix::gii(-5, 32.94, 51, 58, 22, 78, 52.5, 81.45); },
             [] { ix::gii(172.9, 0, 51, 58, 22, 78, 52.5, 81.45); },       // ABR <= 0
             [] { ix::gii(172.9, 32.94, 101, 58, 22, 78, 52.5, 81.45); },  // share > 100
             [] { ix::gii(172.9, 32.94, 51, -1, 22, 78, 52.5, 81.45); },
             [] { ix::gii(172.9, 32.94, 51, 58, 22, 78, 52.5, INFINITY); },
         })
        CHECK(error_id(f) == "kinerja.argument.index_input");
    CHECK_THROWS_WITH(ix::gii(0, 32.94, 51, 58, 22, 78, 52.5, 81.45), Contains("mmr"));
    CHECK(std::isnan(ix::gii(missing, 32.94, 51, 58, 22, 78, 52.5, 81.45)));
    // no labour force of either sex: the reference G_FM is 0
    CHECK(error_id([] { ix::gii(172.9, 32.94, 51, 58, 22, 78, 0, 0); }) == "kinerja.undefined.index");
}

// --------------------------------------------------------------------------- GEM

TEST_CASE("gem_edep with epsilon 2 is the population-weighted harmonic mean", "[indices]") {
    // Hand example: women 50 %, men 50 % of the population; seats 20 % / 80 %:
    // EDEP = [0.5 x 20^-1 + 0.5 x 80^-1]^-1 = 1 / (0.025 + 0.00625) = 32.0
    CHECK(ix::gem_edep(50, 50, 20, 80) == Approx(32.0));
    // unequal populations 51/49, shares 30/70: 1 / (0.51/30 + 0.49/70) = 1 / 0.024 = 41.6667
    CHECK(ix::gem_edep(51, 49, 30, 70) == Approx(41.6666667));
    CHECK(ix::gem_edep(0.51, 0.49, 30, 70) == Approx(41.6666667));  // weights normalized
    // parity gives 50; epsilon 1 the geometric mean, 0 the arithmetic mean
    CHECK(ix::gem_edep(50, 50, 50, 50) == Approx(50.0));
    CHECK(ix::gem_edep(50, 50, 20, 80, 1.0) == Approx(40.0));  // sqrt(20 x 80)
    CHECK(ix::gem_edep(50, 50, 20, 80, 0.0) == Approx(50.0));
    CHECK(ix::gem_edep(50, 50, 0, 100) == 0.0);  // a zero share with epsilon >= 1
    CHECK(error_id([] { ix::gem_edep(50, 50, 120, 80); }) == "kinerja.argument.index_input");
    CHECK(error_id([] { ix::gem_edep(0, 0, 20, 80); }) == "kinerja.argument.index_input");
    CHECK(error_id([] { ix::gem_edep(50, 50, 20, 80, -1.0); }) == "kinerja.argument.index_input");
    CHECK(std::isnan(ix::gem_edep(50, 50, missing, 80)));
}

// --------------------------------------------------------------------------- BPS IPM, IPG

TEST_CASE("ipm reproduces BPS published values", "[indices]") {
    struct row {
        const char* region;
        double uhh, hls, rls, expenditure_thousand, published;
    };
    const std::vector<row> rows{
        // Indonesia 2023, BRS IPM 15 Nov 2023 (antaranews, detik): UHH 73.93, HLS 13.15,
        // RLS 8.77, Rp 11,899 thousand -> 74.39. By hand: IKes = 53.93/65 = 0.829692,
        // IPend = (13.15/18 + 8.77/15)/2 = 0.657611, IPeng = ln(11,899,000/1,007,436) /
        // ln(26,572,352/1,007,436) = 2.469046/3.272463 = 0.754492; 100 x 0.411662^(1/3) = 74.3898.
        {"Indonesia 2023", 73.93, 13.15, 8.77, 11899, 74.39},
        // Indonesia 2022, BRS No. 84/11/Th. XXV: 71.85, 13.10, 8.69, Rp 11,479 thousand -> 72.91
        {"Indonesia 2022", 71.85, 13.10, 8.69, 11479, 72.91},
        // DKI Jakarta 2024 and DI Yogyakarta 2024 (BPS, via the list of provinces by HDI)
        {"DKI Jakarta 2024", 75.99, 13.51, 11.49, 19953, 84.15},
        {"DI Yogyakarta 2024", 75.36, 15.70, 9.92, 15361, 81.62},
        // Kota Bekasi 2022 (BPS Kota Bekasi via radarbekasi.id): 75.48, 14.11, 11.44, Rp 16.239 million
        {"Kota Bekasi 2022", 75.48, 14.11, 11.44, 16239, 82.46},
        // Kabupaten Bekasi 2022 (Bappeda, independensi.com): 74.04, 13.11, 9.53, Rp 11,757 thousand
        {"Kabupaten Bekasi 2022", 74.04, 13.11, 9.53, 11757, 75.22},
    };
    for (const auto& r : rows) {
        INFO(r.region);
        const double in_thousands = ix::ipm(r.uhh, r.hls, r.rls, r.expenditure_thousand);
        CHECK(round_to(in_thousands, 2) == Approx(r.published));
        // the same expenditure in rupiah, automatic or explicit units
        CHECK(ix::ipm(r.uhh, r.hls, r.rls, r.expenditure_thousand * 1000) == Approx(in_thousands));
        CHECK(ix::ipm(r.uhh, r.hls, r.rls, r.expenditure_thousand * 1000, ix::money_unit::rupiah) ==
              Approx(in_thousands));
        CHECK(ix::ipm(r.uhh, r.hls, r.rls, r.expenditure_thousand, ix::money_unit::thousand_rupiah) ==
              Approx(in_thousands));
    }
    CHECK_THAT(ix::ipm(73.93, 13.15, 8.77, 11899), WithinAbs(74.3898, 1e-4));
    CHECK_THAT(ix::expenditure_index(11899), WithinAbs(0.754492, 1e-6));
    // caps at the maxima and the minimum goalpost of expenditure
    CHECK(ix::ipm(90, 20, 16, 30000000) == Approx(100.0));
    CHECK(ix::ipm(20, 13, 9, 11899) == 0.0);
    CHECK(error_id([] { ix::ipm(73.93, 13.15, 8.77, 900); }) == "kinerja.argument.index_input");  // Rp 900,000
    CHECK(error_id([] { ix::ipm(73.93, 13.15, 8.77, 500000); }) == "kinerja.argument.index_input");
    CHECK(error_id([] { ix::ipm(19, 13.15, 8.77, 11899); }) == "kinerja.argument.index_input");
    CHECK(error_id([] { ix::ipm(73.93, -1, 8.77, 11899); }) == "kinerja.argument.index_input");
    CHECK(std::isnan(ix::ipm(73.93, 13.15, missing, 11899)));
}

TEST_CASE("ipg and the IPM by sex", "[indices]") {
    // IPG = 100 x IPM_f / IPM_m: 100 x 69.5 / 75.0 = 92.6667
    CHECK(ix::ipg(69.5, 75.0) == Approx(92.6666667));
    CHECK(ix::ipg(75.0, 75.0) == Approx(100.0));
    CHECK(error_id([] { ix::ipg(69.5, 0.0); }) == "kinerja.undefined.index");
    CHECK(error_id([] { ix::ipg(-1, 75); }) == "kinerja.argument.index_input");
    CHECK(error_id([] { ix::ipg(69.5, 101); }) == "kinerja.argument.index_input");
    // IPM by sex: women's UHH goalposts 22.5-87.5, men's 17.5-82.5
    CHECK(ix::ipm_female(87.5, 18, 15, 26572352) == Approx(100.0));
    CHECK(ix::ipm_male(82.5, 18, 15, 26572352) == Approx(100.0));
    CHECK(ix::ipm_female(75.0, 13, 9, 9000) == Approx(ix::ipm_male(70.0, 13, 9, 9000)));
    const double f = ix::ipm_female(75.0, 13, 8.5, 9000);
    const double m = ix::ipm_male(71.0, 13.2, 9.3, 15500);
    CHECK(ix::ipg(f, m) == Approx(100.0 * f / m));
}

// --------------------------------------------------------------------------- BPS IKG

TEST_CASE("ikg reproduces BPS published values with H_F = sqrt(5e-5 / (MTF x MHPK20))", "[indices]") {
    struct row {
        const char* region;
        double mtf, mhpk20, leg_f, leg_m, sma_f, sma_m, tpak_f, tpak_m, published;
    };
    const std::vector<row> rows{
        // Indonesia 2023, BRS 6 May 2024 (merdeka.com, antaranews): MTF 0.126, MHPK20 0.258,
        // legislative 22.14 / 77.86, SMA+ 37.60 / 42.62, TPAK 54.52 / 84.26 -> 0.447
        {"Indonesia 2023", 0.126, 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26, 0.447},
        // Indonesia 2022, BRS No. 54/08/Th. XXVI (1 Aug 2023): MTF 0.140, MHPK20 0.265,
        // legislative 21.74 / 78.26, SMA+ 36.95 / 42.06, TPAK 53.41 / 83.87 -> 0.459
        {"Indonesia 2022", 0.140, 0.265, 21.74, 78.26, 36.95, 42.06, 53.41, 83.87, 0.459},
        // Jawa Barat, BPS table "IKG menurut kabupaten/kota 2018-2022" (majalengkakab.bps.go.id)
        {"Jawa Barat 2018", 0.198, 0.279, 22.00, 78.00, 28.63, 36.55, 42.25, 82.96, 0.508},
        {"Jawa Barat 2019", 0.168, 0.310, 20.00, 80.00, 28.89, 38.24, 46.33, 83.25, 0.504},
        {"Jawa Barat 2020", 0.155, 0.295, 20.83, 79.17, 32.48, 40.59, 46.79, 81.90, 0.489},
        {"Jawa Barat 2021", 0.171, 0.298, 20.83, 79.17, 33.12, 40.99, 47.88, 81.68, 0.493},
        {"Jawa Barat 2022", 0.169, 0.299, 21.85, 78.15, 35.36, 41.24, 48.01, 83.93, 0.490},
        {"Kabupaten Bogor 2022", 0.280, 0.324, 9.09, 90.91, 31.15, 38.98, 41.27, 85.13, 0.588},
        {"Kabupaten Sukabumi 2022", 0.163, 0.427, 14.00, 86.00, 16.84, 21.44, 51.77, 86.07, 0.535},
    };
    for (const auto& r : rows) {
        INFO(r.region);
        CHECK(round_to(ix::ikg(r.mtf, r.mhpk20, r.leg_f, r.leg_m, r.sma_f, r.sma_m, r.tpak_f, r.tpak_m), 3) ==
              Approx(r.published));
    }
    // Jawa Barat 2022 by hand: H_F = sqrt(5e-5 / (0.169 x 0.299)) = 0.031456;
    // G_F = (0.031456 x sqrt(0.2185 x 0.3536) x 0.4801)^(1/3) = (0.031456 x 0.277960 x 0.4801)^(1/3) = 0.161314;
    // G_M = (sqrt(0.7815 x 0.4124) x 0.8393)^(1/3) = (0.567706 x 0.8393)^(1/3) = 0.781053; HARM = 0.267401;
    // G_FM = (0.515728 x 0.422833 x 0.6597)^(1/3) = 0.143859^(1/3) = 0.523977; IKG = 1 - 0.267401/0.523977 = 0.489670
    const auto d = ix::ikg_detail(0.169, 0.299, 21.85, 78.15, 35.36, 41.24, 48.01, 83.93);
    CHECK_THAT(d.health_f, WithinAbs(0.031456, 1e-6));
    CHECK_THAT(d.g_f, WithinAbs(0.161314, 1e-6));
    CHECK_THAT(d.g_m, WithinAbs(0.781053, 1e-6));
    CHECK_THAT(d.harm, WithinAbs(0.267401, 1e-6));
    CHECK_THAT(d.g_fm, WithinAbs(0.523977, 1e-6));
    CHECK_THAT(d.value, WithinAbs(0.489670, 1e-6));
    // proportions, not percentages
    CHECK(error_id([] { ix::ikg(12.6, 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26); }) ==
          "kinerja.argument.index_input");
    CHECK(error_id([] { ix::ikg(0.0, 0.258, 22.14, 77.86, 37.60, 42.62, 54.52, 84.26); }) == "kinerja.undefined.index");
    CHECK(std::isnan(ix::ikg(0.126, 0.258, missing, 77.86, 37.60, 42.62, 54.52, 84.26)));
}

// --------------------------------------------------------------------------- arrays

TEST_CASE("array functions equal the scalar functions and give NaN for bad rows", "[indices]") {
    const std::vector<double> le{81.6, 68.9, missing, 10.0, 90.0};
    const std::vector<double> eys{17.5, 13.0, 13.0, 13.0, 20.0};
    const std::vector<double> mys{12.6, 7.6, 7.6, 7.6, 16.0};
    const std::vector<double> gni{64992, 9788, 9788, 9788, 1e6};
    std::vector<double> out(le.size());
    ix::hdi(le.data(), eys.data(), mys.data(), gni.data(), out.data(), le.size());
    CHECK(out[0] == ix::hdi(81.6, 17.5, 12.6, 64992));
    CHECK(out[1] == ix::hdi(68.9, 13.0, 7.6, 9788));
    CHECK(std::isnan(out[2]));  // missing
    CHECK(std::isnan(out[3]));  // below the minimum goalpost: an error for a scalar, NaN here
    CHECK(out[4] == Approx(1.0));

    // out may alias an input
    std::vector<double> uhh{73.93, 71.85}, hls{13.15, 13.10}, rls{8.77, 8.69}, spend{11899, 11479};
    ix::ipm(uhh.data(), hls.data(), rls.data(), spend.data(), uhh.data(), uhh.size());
    CHECK(uhh[0] == ix::ipm(73.93, 13.15, 8.77, 11899));
    CHECK(uhh[1] == ix::ipm(71.85, 13.10, 8.69, 11479));

    const std::vector<double> mmr{172.9225117, 0.0}, abr{32.94, 32.94}, sef{51.00518036, 51}, sem{58.21279907, 58},
        prf{21.91304348, 22}, prm{78.08695652, 78}, lf{52.5, 52.5}, lm{81.45, 81.45};
    std::vector<double> g(2);
    ix::gii(mmr.data(), abr.data(), sef.data(), sem.data(), prf.data(), prm.data(), lf.data(), lm.data(), g.data(), 2);
    CHECK(g[0] == ix::gii(172.9225117, 32.94, 51.00518036, 58.21279907, 21.91304348, 78.08695652, 52.5, 81.45));
    CHECK(std::isnan(g[1]));  // MMR 0

    const std::vector<double> pf{50, 51}, pm{50, 49}, sf{20, 30}, sm{80, 70};
    std::vector<double> e(2);
    ix::gem_edep(pf.data(), pm.data(), sf.data(), sm.data(), 2.0, e.data(), 2);
    CHECK(e[0] == ix::gem_edep(50, 50, 20, 80));
    CHECK(e[1] == ix::gem_edep(51, 49, 30, 70));
    CHECK_THROWS_AS(ix::gem_edep(pf.data(), pm.data(), sf.data(), sm.data(), -2.0, e.data(), 2),
                    kinerja::argument_error);

    const std::vector<double> gnipc{10000, -1}, wr{0.8, 0.8}, eaf{40, 40}, eam{60, 60}, popf{50, 50}, popm{50, 50};
    std::vector<double> fem(2), mal(2);
    ix::gdi_income(gnipc.data(), wr.data(), eaf.data(), eam.data(), popf.data(), popm.data(), fem.data(), mal.data(),
                   2);
    CHECK(fem[0] == ix::gdi_income(10000, 0.8, 40, 60, 50, 50).female);
    CHECK(mal[0] == ix::gdi_income(10000, 0.8, 40, 60, 50, 50).male);
    CHECK(std::isnan(fem[1]));
    CHECK(std::isnan(mal[1]));
}
