// SPDX-License-Identifier: Apache-2.0
// Tests of the rules that real tables taught the checks (docs/real-plans.md, "What the tables
// print"): target-direction skips rates of change and reads ranges through their ends, realized
// budget follows the levels the table prices, orphan judges each table by what it prints, the
// baseline's kind is compared with the targets', and the enrolment rates that are shares of an age
// group are shares. Every plan is small and inline; every expected value is worked by hand in the
// comment beside it.
#include <catch2/catch.hpp>

#include "check_support.hpp"

#include <kinerja/check.hpp>
#include <kinerja/detail/check_indicators.hpp>
#include <kinerja/plan_io.hpp>

#include <string>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::check_options;
using kinerja::check_plan;
using kinerja::finding;
using kinerja::plan;

namespace {

using kinerja_test::only;

plan parse(const std::string& body) { return kinerja_test::inline_plan(2024, 2028, "perubahan", body); }

// One sasaran with one indicator of the given name, polarity and targets (a YAML flow map).
plan indicator_row(const std::string& name, const std::string& polarity, const std::string& targets,
                   const std::string& extra = "") {
    return parse(
        "nodes:\n"
        "  - id: s-1\n"
        "    level: sasaran\n"
        "    name: S\n"
        "    source: \"Tabel 9.1\"\n"
        "    indicators:\n"
        "      - {id: i-1, name: \"" +
        name + "\", polarity: " + polarity + ", polarity_basis: b, source: \"Tabel 9.1\", targets: " + targets + extra +
        "}\n");
}

}  // namespace

TEST_CASE("target-direction: a rate of change prints steps, not levels", "[check][real]") {
    // Tanah Datar's IKU: "Persentase Peningkatan zakat yang terhimpun" 400% -> 25% -> 6,67% -> 25% ->
    // 20%: three falls against "higher is better" (2025, 2026, 2028), but each step still raises the
    // zakat collected; a growth rate's smaller step is no move against its polarity
    const std::string zakat = "{2024: \"400%\", 2025: \"25,00%\", 2026: \"6,67%\", 2027: \"25,00%\", 2028: \"20,00%\"}";
    CHECK(only(indicator_row("Persentase Peningkatan zakat yang terhimpun", "higher", zakat), "target-direction")
              .empty());
    CHECK(only(indicator_row("Pertumbuhan ekonomi (%)", "higher", zakat), "target-direction").empty());
    CHECK(only(indicator_row("Laju inflasi (%)", "lower", "{2024: \"5,50\", 2025: \"6,00\"}"), "target-direction")
              .empty());
    // the same targets under a level's name: the three falls are reported
    const auto found = only(indicator_row("Persentase zakat yang terhimpun", "higher", zakat), "target-direction");
    REQUIRE(found.size() == 3);
    CHECK(found[0].year == 2025);
    CHECK(found[1].year == 2026);
    CHECK(found[2].year == 2028);
    // the word must stand alone: "Lajur" is no "laju"
    CHECK(only(indicator_row("Panjang lajur jalan", "higher", "{2024: \"10\", 2025: \"9\"}"), "target-direction")
              .size() == 1);
}

TEST_CASE("target-direction: a range is compared through its ends", "[check][real]") {
    // Jawa Barat's RPJMD: Indeks Demokrasi 73.91 (2019) -> 70,79-71,78 (2020), higher is better:
    // all of the range (upper end 71,78) lies below 73.91, so the target falls
    const auto found = only(
        indicator_row("Indeks Demokrasi", "higher", "{2024: \"73.91\", 2025: \"70,79-71,78\", 2026: \"71,79-72,78\"}"),
        "target-direction");
    REQUIRE(found.size() == 1);
    CHECK(found[0].year == 2025);
    CHECK(found[0].actual == "70,79-71,78");
    CHECK(found[0].expected == "at least 73.91");
    // 68.7 -> 69,1-69,5 -> 69,6-70: rising ranges; 69,1-69,5 -> 69,4-70 overlaps: not all of it falls
    CHECK(only(indicator_row("Indeks Kerukunan", "higher", "{2024: \"68.7\", 2025: \"69,1-69,5\", 2026: \"69,4-70\"}"),
               "target-direction")
              .empty());
    // lower is better: 5 -> 5,5-6 rises entirely (its lower end 5,5 above 5)
    CHECK(only(indicator_row("Angka kematian", "lower", "{2024: \"5\", 2025: \"5,5-6\"}"), "target-direction").size() ==
          1);
}

TEST_CASE("unit-change: the baseline's kind against the targets'", "[check][real]") {
    // Cirebon's kegiatan 1.1: baseline 20% (a percentage), targets 8600 lbr (a count of sheets) from
    // 2025 (2024 prints "-"): one finding, at the first target in the other kind
    const auto found =
        only(indicator_row("Tersebarnya informasi PHBS", "higher",
                           "{2024: \"-\", 2025: \"8600 lbr\", 2026: \"8600 lbr\"}", ", baseline: {value: \"20%\"}"),
             "unit-change");
    REQUIRE(found.size() == 1);
    CHECK(found[0].year == 2025);
    CHECK(found[0].expected == "%");
    CHECK(found[0].actual == "8600 lbr");
    CHECK_THAT(found[0].message, Contains("baseline 20% is percent but the targets are count"));
    // the same kind (3 RS -> 4 RS), or bare numbers (which say nothing of their unit): nothing
    CHECK(
        only(indicator_row("Rumah sakit", "higher", "{2024: \"4 RS\"}", ", baseline: {value: \"3 RS\"}"), "unit-change")
            .empty());
    CHECK(only(indicator_row("Rumah sakit", "higher", "{2024: \"4\"}", ", baseline: {value: \"30%\"}"), "unit-change")
              .empty());
}

TEST_CASE("share-above-100: APM and APS are shares of an age group, APK is not", "[check][real]") {
    // Kutai Kartanegara's RKT 2025: "Angka Partisipasi Sekolah 7 - 12 Tahun" 100.80 (unit Persen)
    auto row = [](const std::string& name, const std::string& target) {
        return parse(
            "nodes:\n"
            "  - {id: s-1, level: sasaran, name: S, source: T, indicators: [{id: i-1, name: \"" +
            name + "\", unit: Persen, source: T, targets: {2025: \"" + target + "\"}}]}\n");
    };
    CHECK(only(row("Angka Partisipasi Sekolah 7 - 12 Tahun", "100.80"), "share-above-100").size() == 1);
    CHECK(only(row("APS 13-15 tahun", "100.18"), "share-above-100").size() == 1);
    CHECK(only(row("Angka Partisipasi Murni SD/MI", "101"), "share-above-100").size() == 1);
    CHECK(only(row("APM SMP sederajat", "78.27"), "share-above-100").empty());
    CHECK(only(row("APK SD Sederajat", "100.21"), "share-above-100").empty());
}

TEST_CASE("budget-missing: realized budget is carried by the levels the table prices", "[check][real]") {
    // Sumatera Utara's Tabel 19: anggaran and realisasi only on sub kegiatan; the kegiatan rows print
    // neither. Sub kegiatan carry pagu (2 of 2), kegiatan none (0 of 1): no realized budget-missing
    // for the kegiatan
    const plan p = parse(
        "nodes:\n"
        "  - {id: k-1, level: kegiatan, name: K, source: T}\n"
        "  - {id: sk-1, level: sub_kegiatan, name: A, parent: k-1, source: T, budget: {2024: \"216.194.000\"}, "
        "budget_realized: {2024: \"188.957.200\"}}\n"
        "  - {id: sk-2, level: sub_kegiatan, name: B, parent: k-1, source: T, budget: {2024: \"378.896.500\"}, "
        "budget_realized: {2024: \"351.953.546\"}}\n");
    CHECK(only(p, "budget-missing").empty());
    // a table of realisasi alone (no pagu anywhere): the levels whose nodes mostly print a realized
    // budget carry it, so a kegiatan between two printed ones without its own is reported
    const plan q = parse(
        "nodes:\n"
        "  - {id: p-1, level: program, name: P, source: T}\n"
        "  - {id: k-1, level: kegiatan, name: K1, parent: p-1, source: T, budget_realized: {2024: \"100\"}}\n"
        "  - {id: k-2, level: kegiatan, name: K2, parent: p-1, source: T, budget_realized: {2024: \"200\"}}\n"
        "  - {id: k-3, level: kegiatan, name: K3, source: T}\n"
        "  - {id: s-1, level: sub_kegiatan, name: S1, parent: k-3, source: T, budget_realized: {2024: \"50\"}}\n"
        "  - {id: s-2, level: sub_kegiatan, name: S2, parent: k-3, source: T, budget_realized: {2024: \"70\"}}\n");
    // programme 0 of 1 with a realized budget, kegiatan 2 of 3: the programme carries none (no
    // finding against its children's 300); kegiatan k-3 lacks the 120 its sub kegiatan realize
    const auto found = only(q, "budget-missing");
    REQUIRE(found.size() == 1);
    CHECK(found[0].node == "k-3");
    CHECK(found[0].expected == "120");
}

TEST_CASE("orphan: each table is judged by what it prints", "[check][real]") {
    // Tanah Datar's LKj 2015: the text on p.171 prints a sasaran and its programme; Tabel 3.3.97
    // prints a sasaran with IKU only. Temanggung's Tabel 4.1 prints objectives and absorptions, no
    // indicators.
    const plan p = parse(
        "nodes:\n"
        "  - {id: s-a, level: sasaran, name: A, source: \"Teks p.171\", indicators: [{id: i-a, name: I, source: "
        "\"Teks p.171\"}]}\n"
        "  - {id: p-a, level: program, name: P, parent: s-a, source: \"Teks p.171\"}\n"
        "  - {id: s-b, level: sasaran, name: B, source: \"Tabel 3.3.97\", indicators: [{id: i-b, name: I, source: "
        "\"Tabel 3.3.97\"}]}\n"
        "  - {id: s-c, level: sasaran, name: C, source: \"Tabel 4.1\"}\n"
        "  - {id: p-c, level: program, name: PC, parent: s-c, source: \"Tabel 4.1\"}\n"
        "  - {id: s-d, level: sasaran, name: D, source: \"Teks p.171 row 3\"}\n");
    const auto found = only(p, "orphan");
    // s-b: its table prints no programme (not judged); s-c: its table prints no indicator (not
    // judged); s-d: its table (p.171, the row refinement dropped) prints both, and s-d has neither
    REQUIRE(found.size() == 2);
    CHECK(found[0].node == "s-d");
    CHECK_THAT(found[0].message, Contains("has no indicators"));
    CHECK(found[1].node == "s-d");
    CHECK_THAT(found[1].message, Contains("has no programmes"));
}

TEST_CASE("target-end: the end column of targets against the plan's reading", "[check][real]") {
    // two rows repeat their last year (5 after 5), one prints 75 after 74: the plan's end column
    // of targets is the last year (2 of the 3 rows that tell), and the third row breaks it
    const plan p = parse(
        "nodes:\n"
        "  - id: s-1\n"
        "    level: sasaran\n"
        "    name: S\n"
        "    source: T\n"
        "    indicators:\n"
        "      - {id: i-1, name: A, source: T, targets: {2024: \"1\", 2025: \"2\", 2026: \"3\", 2027: \"4\", 2028: "
        "\"5\", end: \"5\"}}\n"
        "      - {id: i-2, name: B, source: T, targets: {2024: \"1\", 2025: \"2\", 2026: \"3\", 2027: \"4\", 2028: "
        "\"5\", end: \"5\"}}\n"
        "      - {id: i-3, name: C, source: T, targets: {2024: \"70\", 2025: \"71\", 2026: \"72\", 2027: \"73\", 2028: "
        "\"74\", end: \"75\"}}\n"
        "      - {id: i-4, name: D, source: T, targets: {2024: \"70,1-70,5\", 2025: \"70,6-71\", 2026: \"71\", 2027: "
        "\"72\", 2028: \"73,5-74\", end: \"73,5-74\"}}\n");
    const auto found = only(p, "target-end");
    REQUIRE(found.size() == 1);
    CHECK(found[0].indicator == "i-3");
    CHECK(found[0].year == kinerja::end_of_period);
    CHECK(found[0].expected == "74");
    CHECK(found[0].actual == "75");
    CHECK_THAT(found[0].message, Contains("the plan's end column of targets is the last year"));
    // 74.0 after 74 agrees (the same value to other digits); no majority: nothing is checked
    const plan q = parse(
        "nodes:\n"
        "  - {id: s-1, level: sasaran, name: S, source: T, indicators: [\n"
        "      {id: i-1, name: A, source: T, targets: {2024: \"1\", 2025: \"2\", 2026: \"3\", 2027: \"4\", 2028: "
        "\"5\", "
        "end: \"15\"}},\n"
        "      {id: i-2, name: B, source: T, targets: {2024: \"70\", 2025: \"71\", 2026: \"72\", 2027: \"73\", 2028: "
        "\"74\", end: \"74.0\"}}]}\n");
    CHECK(only(q, "target-end").empty());  // one row sums, one repeats: no majority
}

TEST_CASE("indicator names: rates of change, economic growth and shares as the checks read them", "[check][real]") {
    using kinerja::detail::names_a_rate_of_change;
    using kinerja::detail::names_a_share;
    using kinerja::detail::names_economic_growth;
    // a rate-of-change word stands alone, in any case, between any non-letters
    CHECK(names_a_rate_of_change("Persentase Peningkatan zakat"));
    CHECK(names_a_rate_of_change("LAJU inflasi (%)"));
    CHECK(names_a_rate_of_change("Angka (penurunan) stunting"));
    CHECK(names_a_rate_of_change("laju"));
    CHECK_FALSE(names_a_rate_of_change("Panjang lajur jalan"));
    CHECK_FALSE(names_a_rate_of_change("peningkatannya"));
    CHECK_FALSE(names_a_rate_of_change("Persentase zakat"));
    // economic growth: a name of economic_growth_names() anywhere (case and spaces folded), or LPE as a word
    CHECK(names_economic_growth("Laju  Pertumbuhan Ekonomi (%)"));
    CHECK(names_economic_growth("Pertumbuhan PDRB* (%)"));
    CHECK(names_economic_growth("LPE"));
    CHECK(names_economic_growth("Angka LPE (%)"));
    CHECK_FALSE(names_economic_growth("Kelpe"));
    CHECK_FALSE(names_economic_growth("Pertumbuhan penduduk"));
    // the check looks for the names only where "pertumbuhan" stands: each must hold it
    for (const std::string& name : kinerja::detail::economic_growth_names())
        CHECK(name.find("pertumbuhan") != std::string::npos);
    // a share begins with a share word and holds no word of a change
    CHECK(names_a_share("Persentase balita gizi buruk"));
    CHECK(names_a_share("APM SD/MI"));
    CHECK_FALSE(names_a_share("APK SD/MI"));
    CHECK_FALSE(names_a_share("Persentase peningkatan PAD"));
    // the levels of a rate of change: two shared subject words and half of the rate's
    using kinerja::detail::names_the_levels_of;
    CHECK(names_the_levels_of("Tingkat penurunan pelanggaran disiplin pegawai", "Pelanggaran Disiplin PNS (Jumlah)"));
    CHECK(names_the_levels_of("Persentase peningkatan jumlah kunjungan wisatawan", "Jumlah kunjungan wisatawan"));
    // one shared word ("pegawai"); measure words ("jumlah", "tingkat") do not count
    CHECK_FALSE(names_the_levels_of("Tingkat penurunan pelanggaran disiplin pegawai", "Jumlah pegawai"));
    // two shared of six subject words is less than half
    CHECK_FALSE(names_the_levels_of("Penurunan kasus gizi buruk balita desa terpencil", "Kasus gizi"));
    // a rate of change is no level
    CHECK_FALSE(names_the_levels_of("Penurunan angka kemiskinan daerah", "Laju penurunan kemiskinan daerah"));
    // a total: Jumlah, Total, keseluruhan, seluruh(nya) as a word
    using kinerja::detail::names_a_total;
    CHECK(names_a_total("Jalan secara keseluruhan (nasional, provinsi, dan kabupaten/kota)"));
    CHECK(names_a_total("JUMLAH"));
    CHECK(names_a_total("Total panjang jalan"));
    CHECK_FALSE(names_a_total("Totalitas pelayanan"));
    CHECK_FALSE(names_a_total("Kondisi Baik"));
    // an IPM: the word or the long name, not a rate of change of it
    using kinerja::detail::names_an_ipm;
    CHECK(names_an_ipm("IPM"));
    CHECK(names_an_ipm("Indeks Pembangunan  Manusia (IPM)"));
    CHECK_FALSE(names_an_ipm("Laju pertumbuhan IPM"));
    CHECK_FALSE(names_an_ipm("IPMK"));
}
