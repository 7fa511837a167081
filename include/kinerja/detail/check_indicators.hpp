// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file check_indicators.hpp
/// Private: the checks of one indicator's row and of a node's pagu against its targets
/// (src/check_indicators.cpp), which check_plan (src/check.cpp) runs and turns into findings.
/// The rules and their reasons are in docs/plans.md (section "Checks").

#include <kinerja/check.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/value.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja::detail {

/// A finding before check_plan gives it its severity (from the rule table) and its node and
/// indicator fields.
struct row_finding {
    std::string_view rule;
    const node* n = nullptr;
    const indicator* ind = nullptr;   ///< nullptr for a node finding
    std::optional<period_year> year;  ///< end_of_period for the end column; empty for several years
    std::string message;
    std::string expected;
    std::string actual;
    std::optional<double> expected_number;
    std::optional<double> actual_number;
    kinerja::location where;
    std::string source;  ///< the printed value's source table ("" for the owner's)
};

/// One printed value and how it reads.
struct read_cell {
    const printed_value* printed = nullptr;
    value v;
};

/// `x` to `decimals` digits (0 to 12), half away from zero, by rounding_rule (rounding.hpp): the
/// figure a finding expects where the printed value has that many digits.
double to_digits(double x, int decimals);

/// An indicator's first printed targets and realizations as read, for the checks that compare a
/// node's indicators with each other (total-mismatch).
struct node_row {
    const indicator* ind = nullptr;
    std::map<period_year, value> targets;
    std::map<period_year, value> realizations;
    /// The counts printed behind its realizations (read_row::numerators, denominators).
    std::map<period_year, value> numerators;
    std::map<period_year, value> denominators;
    /// Its targets (`of_targets` true) or realizations.
    const std::map<period_year, value>& column(bool of_targets) const { return of_targets ? targets : realizations; }
    std::map<period_year, value>& column(bool of_targets) { return of_targets ? targets : realizations; }
};

/// The parts of a total: the other rows of `rows` of the total's unit (the declared unit's text,
/// case folded; none when it declares none) that are not named a total (names_a_total).
std::vector<const node_row*> total_parts(const std::vector<node_row>& rows, const node_row& total);
/// The rounding a figure of a sum carries: none for a whole count printed without a scale word
/// (`1.234 Orang`, `12 Sekolah`: counted, so exact), else half a unit of its last printed digit
/// (`115,73` km, a bare `12`, `12 ribu orang`, `3,5 Orang`).
double sum_slack(const value& v);
/// The sum of the parts in a year (targets or realizations), with the slack of their printed
/// rounding (sum_slack of each) and the most decimals any prints; empty unless every part prints
/// a number (a number, a count or money) that year.
struct parts_sum {
    double sum = 0.0;
    double slack = 0.0;
    int decimals = 0;
};
std::optional<parts_sum> sum_of_parts(const std::vector<const node_row*>& parts, bool targets, period_year year);

/// Whether an indicator's name says it totals other rows: it holds "jumlah", "total",
/// "keseluruhan", "seluruh" or "seluruhnya" as a word (Payakumbuh's "Jalan secara keseluruhan"),
/// and is no rate that names its count: it does not begin with "rasio", "persentase" (or its
/// misspellings), "proporsi", "angka", "rata", "rerata", "indeks" or "tingkat", nor holds
/// "terhadap" ("Rasio Jumlah Murid per Guru", "I a, persentase terhadap Jumlah PNS").
bool names_a_total(const std::string& name);
/// Whether an indicator's name says it is the mean of other rows: it is "Rata-rata" (or "Rerata",
/// "Rata-rata capaian", "Rata-rata kabupaten" ...) or ends with it (Kulon Progo's "Rasio guru per
/// murid pendidikan dasar per kelas rata-rata"); not "Rata-rata lama sekolah", a quantity of its own.
bool names_a_mean(const std::string& name);
/// Whether an indicator's name says it is a node's budget not yet absorbed (its pagu minus its
/// realized budget, budget-rollup): it holds "belum terserap", "tidak terserap", "sisa anggaran",
/// "sisa dana" or "sisa pagu" (Pati's "Anggaran yang belum terserap").
bool names_a_remainder(const std::string& name);

/// Whether an indicator's name is nothing but a total's ("Total", "JUMLAH", "Jumlah Kabupaten",
/// "Total (rows 2015/2016 and 2014/2015)": a note in brackets aside): its words are total words
/// (names_a_total) and "grand", "umum", "kabupaten", "kota", "provinsi", "kab", "semua", "akhir".
bool names_only_a_total(const std::string& name);

/// total-mismatch: for each indicator of `rows` named a total (names_a_total; in file order) whose
/// unit is not a percent, the rows it sums, as the table lays them out, each of its unit (or none,
/// as it declares none) and not named a total: the rows of its group (since the total row before
/// it: a subtotal under its group, Kota Malang's "Jumlah (Golongan I)"), else the rows since the
/// last grand total (a grand total of the groups above it: "Jumlah PNS"), else every other row of
/// the node (a total above its parts). A reading holds where, in at least two years in which every
/// part prints a number (a printed dash `-` is nothing, 0), the total is the parts' (nonzero) sum
/// within the rounding of the printed figures in at least one and at least half of them; each other
/// year is reported (Payakumbuh's road lengths: 115,73 + 62,31 + 24,44 + 17,81 = 220,29 km, total
/// printed 219,66, while the sum holds in 2011-2013; Maluku Tengah's pavements add up to 980,395 km
/// in 2020 and to 990,395 in 2021, total printed 980,395). Where no reading holds, the one total row
/// of its unit in a node whose name is nothing but a total (names_only_a_total) sums the node's
/// other rows by its name, in every year (Bengkulu Tengah's one-year Tabel 2.1: ten kecamatan add
/// to 1.223,72 Km2, "Total" printed 1.223,94). A row named a mean (names_a_mean) is held to the mean
/// of its reading's rows on the same evidence (never by its name alone). Targets and realizations
/// are judged apart.
/// A row named the plan's region (`region`, "Kabupaten Sumba Barat") is a total row too: BPS tables
/// close a table of kecamatan with the kabupaten's own row ("Sumba Barat"), and its name is nothing
/// but a total's.
void total_checks(const node& n, const std::vector<node_row>& rows, const std::string& region,
                  std::vector<row_finding>& out);
/// Whether a row's name is the region's (`region` without "Kabupaten", "Kota", "Provinsi" ...;
/// "Sumba Barat" of "Kabupaten Sumba Barat"; "Kota Waikabubak" is not).
bool names_the_region(const std::string& name, const std::string& region);
/// total-mismatch of a whole and its shares (run by total_checks): two or more rows of `rows` print
/// a year's realization with the counts behind it over one printed denominator (its text), the
/// whole they are shares of, and their numerators sum to more than it beyond the rounding of the
/// printed figures (Banyumas: land 32.226 + 52.062 + 48.669 = 132.957 Ha, shares 24,27%, 39,22% and
/// 36,66% of 132.759). A share is a percentage (printed with %, or in a percent row), not a ratio of
/// other counts; parts over the whole by more than the largest of them hold a subtotal's share and
/// are not judged; fewer is no finding (a class may be left out). Reported at the row that prints
/// the whole (its realization, not a share), else at the first share.
void whole_checks(const node& n, const std::vector<node_row>& rows, std::vector<row_finding>& out);

/// duplicate-row: a row printed twice in one table. A table is a node, or the nodes of `list` that
/// are the columns of one printed table (one source, the same indicator names in the same order:
/// Aceh's Tabel 4.1.17 as four nodes, schools, rombel, teachers and pupils, over the same 23
/// kabupaten/kota). Reported once per table, at its first node: two rows with one name (case
/// folded; Aceh Tamiang's Tabel 2.27 prints Tenggulun in rows 4 and 11, and no Sekerak), and, in a
/// table of three or more columns, two rows with other names whose printed figures of a year are
/// the same in every column but a total column (names_a_total of the node's name), at least three of
/// them numbers and one of three digits or more (Aceh Jaya and Pidie Jaya both 6, 39, 153, 1.012):
/// chance does not repeat a row so. Rows named a total
/// are left out (a total equals its one row where the others are empty).
void duplicate_row_checks(const std::vector<node>& list, std::vector<row_finding>& out);

/// index-formula: a node that prints BPS's IPM beside its four components, each one indicator named
/// so (IPM or Indeks Pembangunan Manusia; UHH, AHH or (Umur/Angka) Harapan Hidup; HLS, EYS or Harapan
/// Lama Sekolah; RLS, MYS or Rata-rata Lama Sekolah; Pengeluaran (per kapita)), none a rate of
/// change: in each year all five print a number, the IPM of every set of components within their
/// printed rounding (kinerja::indices::ipm, new method) spans an interval, and a printed IPM
/// that neither rounds nor cuts off into it is reported (Cianjur 2014: 69.08, 11.82, 6.52, 6,773
/// give 62.14, printed 62.08). Targets and realizations are judged apart.
void index_checks(const node& n, const std::vector<node_row>& rows, std::vector<row_finding>& out);
/// Whether a node's indicators may hold an IPM and its components (index_checks): one is named IPM.
bool names_an_ipm(const std::string& name);

/// source-conflict: the first printing of one slot (a year's realization, capaian or absorption
/// printed by several sources) whose number differs from the first printing's beyond their printed
/// rounding (each read in its own convention), or nullptr. With `fractions`, a ratio printed bare in
/// one source and with `%` in the other is compared in one scale (`1.46` and `146.31%` agree).
const read_cell* conflicting_printing(const std::vector<read_cell>& cells, bool fractions);

/// An indicator's printed values as check_plan read them: the first printed value of each year
/// (unreadable ones are absent; check_plan reports them as unparsed-value).
struct read_row {
    std::map<period_year, value> targets;
    std::map<period_year, value> realizations;
    /// The words the plan's values are read with (plan_units); a count in a word it does not know
    /// is unknown-unit's business (one finding per word), not a unit change. nullptr: every word.
    const unit_registry* units = nullptr;
    /// The baseline (kondisi awal) as read, when one is printed and readable.
    std::optional<value> baseline;
    /// Every readable printing of each year's realization and printed achievement (a slot printed
    /// by two sources holds two), for source-conflict.
    std::map<period_year, std::vector<read_cell>> all_realizations;
    std::map<period_year, std::vector<read_cell>> all_achievements;
    /// The numerators and denominators printed beside the realizations (readable ones), for
    /// ratio-mismatch.
    std::map<period_year, value> numerators;
    std::map<period_year, value> denominators;
    /// For an indicator named a rate of change: the realizations of the node's other indicators
    /// that name its subject (names_the_levels_of), the levels the rate is computed from, for
    /// ratio-mismatch. Read quietly (their own rows are checked as theirs).
    std::vector<std::pair<const indicator*, std::map<period_year, value>>> levels;
    /// Whether the indicator's name says it is a rate of change (names_a_rate_of_change), read once.
    bool rate_of_change = false;
};

/// Whether `q` (a numerator over its denominator) times a power of ten from 1 to 100.000 is the
/// printed `v` within one unit of its last printed digit (a ratio printed rounded or cut off), and
/// that power (else the power nearest to it) (ratio-mismatch).
struct ratio_fit {
    bool fits = false;
    double multiplier = 1.0;
};
ratio_fit fit_ratio(double q, const value& v);
/// Whether `v` is a count in a word `units` does not know (a typo such as "1 Dukumen"): that is
/// unknown-unit's business (one finding per word), never a unit change.
inline bool unknown_count_word(const value& v, const unit_registry& units) {
    return v.kind == value_kind::count && !units.lookup(v.unit);
}

/// Whether a check rule is on.
using rule_on = std::function<bool(std::string_view)>;

/// A year as the checks' messages name it: "2024", or "the end column".
std::string year_label(period_year y);

/// The checks of one indicator's row: unit-change within the row and between the baseline and the
/// targets (for an indicator without a unit the registry knows), scale-jump (within a row, and a
/// year's target against its realization, by options' bands), achievement-without-realization,
/// share-above-100, growth-range, ratio-mismatch and source-conflict.
/// `declared` is the indicator's unit as the registry knows it (nullptr: none or unknown).
void indicator_row_checks(const node& n, const indicator& ind, const read_row& row, const unit_info* declared,
                          const rule_on& on, const check_options& options, std::vector<row_finding>& out);

/// The budget-target check over the plan's nodes (not its history): pagu without any target,
/// targets without any pagu, at levels that carry both somewhere in the plan; context nodes are
/// not checked.
void budget_target_checks(const plan& p, const scale_registry& scales, const rule_on& on,
                          std::vector<row_finding>& out);

/// Whether an indicator's name says it is a share of a whole (share-above-100): it begins with
/// one of share_name_prefixes() and holds none of share_name_exclusions().
bool names_a_share(const std::string& name);
/// Whether an indicator's name says it is a coverage (it begins with `Cakupan`): a count against an
/// estimated population, whose realization real tables print above 100% (share-above-100 judges
/// only its targets).
bool names_a_coverage(const std::string& name);
/// "persentase", "prosentase", "presentase", "presentasi" (a misspelling printed in real tables),
/// "persen", "proporsi", "cakupan", and the enrolment rates that are shares of an age group by
/// definition: "angka partisipasi murni", "apm", "angka partisipasi sekolah", "aps" (not APK).
const std::vector<std::string>& share_name_prefixes();
/// Words of a percentage that is no share and may exceed 100: "peningkatan", "kenaikan",
/// "pertumbuhan", "laju", "perubahan", "capaian", "realisasi", "terhadap target".
const std::vector<std::string>& share_name_exclusions();

/// Whether an indicator's name says its values are a rate of change (target-direction skips
/// them): it holds one of rate_of_change_words() as a word. Tables print growth projections
/// (Tanah Datar's "Persentase Peningkatan zakat" 400% -> 25% -> 6,67%; Bone's "Pertumbuhan
/// ekonomi" 7,14 -> 7,02) whose yearly steps are not levels: a smaller step still moves the level
/// the better way.
bool names_a_rate_of_change(const std::string& name);
/// "peningkatan", "kenaikan", "pertumbuhan", "laju", "perubahan", "penurunan", "pengurangan".
const std::vector<std::string>& rate_of_change_words();
/// Whether the indicator named `level` holds the levels that the rate of change named `rate`
/// moves between (Sleman's "Tingkat penurunan pelanggaran disiplin pegawai" and "Pelanggaran
/// Disiplin PNS (Jumlah)"): the level's name is no rate of change, and the two names share at
/// least two subject words and at least half of the rate's (subject words: ASCII words of three
/// letters or more that are neither rate_of_change_words() nor the words of a measure: "tingkat",
/// "persentase", "angka", "jumlah", "rasio", "rata", "yang", "dan", "dari", "terhadap" ...).
bool names_the_levels_of(const std::string& rate, const std::string& level);

/// Whether an indicator's name says it is the growth rate of a region's economy (growth-range): it
/// holds one of economic_growth_names() (after folding case and spaces), or "lpe" as a word. Real
/// tables print it in percent points of a few units (Bone's RPJMD "Pertumbuhan ekonomi (%)" 7,69;
/// Sulawesi Barat's "Pertumbuhan PDRB* (%)" 12.06; Jawa Timur's LKPJ "5,34 persen"; the LPPD
/// formula {PDRB(t+1) - PDRB(t)} / PDRB(t) x 100%); a value beyond ±100 would mean the economy more
/// than doubled or vanished in a year, so it is a level (PDRB) printed in the rate's row
/// (Labuhanbatu Utara's "17.259,19"). Other rates of change are not judged: a small series may
/// grow 400% (Tanah Datar's zakat).
bool names_economic_growth(const std::string& name);
/// "pertumbuhan ekonomi", "pertumbuhan pdrb", "laju pertumbuhan ekonomi", "laju pertumbuhan pdrb".
const std::vector<std::string>& economic_growth_names();

}  // namespace kinerja::detail
