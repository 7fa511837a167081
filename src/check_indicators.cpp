// SPDX-License-Identifier: Apache-2.0
// The checks of one indicator's row (unit-change within the row, scale-jump,
// achievement-without-realization, share-above-100, ratio-mismatch, source-conflict) and of a node's pagu against its
// targets (budget-target). check_plan (check.cpp) runs them; docs/plans.md explains each from real tables.
#include <kinerja/detail/check_indicators.hpp>
#include <kinerja/detail/reading_memo.hpp>

#include <kinerja/audit.hpp>
#include <kinerja/check.hpp>
#include <kinerja/conventions.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/indices.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/rounding.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

namespace kinerja::detail {

std::string year_label(period_year y) { return y.is_end() ? "the end column" : to_string(y); }

namespace {

std::string who(const node& n, const indicator* ind) {
    std::string s = std::string(to_string(n.level)) + " " + (n.code_text().empty() ? n.id : n.code_text());
    if (ind) s += ", indicator \"" + ind->name + "\"";
    return s;
}

// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t k = 0; k < items.size(); ++k)
        s += (k == 0 ? "" : k + 1 == items.size() ? " and " : ", ") + items[k];
    return s;
}

std::string year_list(const std::vector<period_year>& years) {
    std::vector<std::string> labels;
    for (const period_year y : years) labels.push_back(year_label(y));
    return and_list(labels);
}

// The unit a value carries in its own text: the satuan of a count, "%" of a percent, "Rupiah" of
// money, "per N" of a rate per N (its base only: "per 1000 kelahiran hidup" and "per 1.000 KH" are
// one unit, "per 100.000 lahir hidup" another: Lampung's AKB targets 32 per 1000 and 24 per
// 100.000); "" for values without one (bare numbers, ratios, grades, predicates, missing).
std::string carried_unit(const value& v) {
    switch (v.kind) {
        case value_kind::count: return v.unit;
        case value_kind::percent: return "%";
        case value_kind::money: return "Rupiah";
        case value_kind::number: return v.per ? "per " + format_number(*v.per, convention::english, 0, true) : "";
        default: return "";
    }
}

// Two unit words name the same unit: the registry's word for both, else the same letters.
bool same_unit(const std::string& a, const std::string& b) {
    if (a == b) return true;  // the common case, and what the lookups below would say
    const unit_info* x = default_units().find(a);
    const unit_info* y = default_units().find(b);
    if (x && y) return x == y;
    return iequals(trim(a), trim(b));
}

row_finding make(std::string_view rule, const node& n, const indicator* ind, std::optional<period_year> year,
                 std::string message, const printed_value* at) {
    row_finding f;
    f.rule = rule;
    f.n = &n;
    f.ind = ind;
    f.year = year;
    f.message = std::move(message);
    if (at) {
        f.where = at->location;
        f.source = at->source;
    } else {
        f.where = ind ? ind->location : n.location;
    }
    return f;
}

// unit-change within one row (targets or realizations) of an indicator without a declared unit
// that the registry knows (a known declared unit is compared value by value in check.cpp). Only
// values that carry a unit take part: a bare number says nothing about its unit. When one unit
// holds a strict majority of the row, each value in another unit is reported against it (44 OPD,
// 765 Orang, 44 OPD, 44 OPD: 2025 is the odd one); without a majority, each change is.
void row_units(const node& n, const indicator& ind, const std::map<period_year, value>& values,
               const year_values& printed, const char* what, const unit_registry* known,
               std::vector<row_finding>& out) {
    std::vector<std::pair<period_year, std::string>> units;  // (year, unit) in year order
    for (const auto& [y, v] : values) {
        if (known && unknown_count_word(v, *known)) continue;
        std::string u = carried_unit(v);
        if (!u.empty()) units.emplace_back(y, std::move(u));
    }
    if (units.size() < 2) return;
    std::optional<std::string> majority;
    for (const auto& entry : units) {  // (not a structured binding: C++17 lambdas cannot capture one)
        const std::string& u = entry.second;
        const auto alike =
            std::count_if(units.begin(), units.end(), [&](const auto& x) { return same_unit(x.second, u); });
        if (2 * static_cast<std::size_t>(alike) > units.size()) {
            majority = u;
            break;
        }
    }
    auto report = [&](period_year y, const std::string& expected, const std::string& message) {
        const printed_value* pv = indicator::first(printed, y);
        row_finding f = make(kinerja::rule_ids::unit_change, n, &ind, y, message, pv);
        f.expected = expected;
        f.actual = pv ? pv->text : "";
        out.push_back(std::move(f));
    };
    if (majority) {
        std::vector<period_year> others;
        for (const auto& [y, u] : units)
            if (same_unit(u, *majority)) others.push_back(y);
        for (const auto& [y, u] : units) {
            if (same_unit(u, *majority)) continue;
            report(y, *majority,
                   who(n, &ind) + ": the " + what + " of " + year_label(y) + " is " + values.at(y).text + " (unit " +
                       u + "), but the row's other values are in " + *majority + " (" + year_list(others) +
                       "); the indicator declares no unit");
        }
        return;
    }
    for (std::size_t k = 1; k < units.size(); ++k) {
        if (same_unit(units[k - 1].second, units[k].second)) continue;
        const period_year y0 = units[k - 1].first;
        const period_year y = units[k].first;
        report(y, units[k - 1].second,
               who(n, &ind) + ": the " + what + " changes unit from " + values.at(y0).text + " (" + year_label(y0) +
                   ") to " + values.at(y).text + " (" + year_label(y) + "); the indicator declares no unit");
    }
}

// unit-change between the baseline and the targets of an indicator without a declared unit: the
// baseline carries one kind of unit (a percentage, a count, money) and every target that carries
// a unit carries another kind (Cirebon's kegiatan 1.1: baseline "20%", targets "8600 lbr"). The
// kinds differ whatever the count's word is, so a word the registry does not know takes part here
// (unknown-unit names the word; this names the change of kind). Reported once, at the first
// target in the other kind.
void baseline_kind(const node& n, const indicator& ind, const read_row& row, std::vector<row_finding>& out) {
    if (!row.baseline) return;
    const value& b = *row.baseline;
    const value_kind kinds[] = {value_kind::percent, value_kind::count, value_kind::money};
    if (std::find(std::begin(kinds), std::end(kinds), b.kind) == std::end(kinds)) return;
    std::optional<period_year> first;
    std::optional<value_kind> other;
    for (const auto& [y, v] : row.targets) {
        if (y.is_end() || std::find(std::begin(kinds), std::end(kinds), v.kind) == std::end(kinds)) continue;
        if (other && v.kind != *other) return;  // the targets mix kinds: the row check's business
        other = v.kind;
        if (!first) first = y;
    }
    if (!other || *other == b.kind) return;
    const value& t = row.targets.at(*first);
    const printed_value* pv = indicator::first(ind.targets, *first);
    row_finding f = make(kinerja::rule_ids::unit_change, n, &ind, *first,
                         who(n, &ind) + ": the baseline " + b.text + " is " + std::string(to_string(b.kind)) +
                             " but the targets are " + std::string(to_string(*other)) + " (" + t.text + " in " +
                             year_label(*first) + "); the indicator declares no unit",
                         pv);
    f.expected = carried_unit(b);
    f.actual = pv ? pv->text : t.text;
    out.push_back(std::move(f));
}

// scale-jump: two values of a percentage row that should be alike, one of them at most 1 and the
// other many times it: a percentage printed as a fraction (0.029% beside 0.00028, which is 0.028%
// read as a fraction). When both print the same way the other is 50 to 200 times the smaller
// (check_options::scale_jump_band); when one prints `%` and the smaller is a bare number, the
// printing itself says the two are written differently and 20 to 500 times is enough
// (scale_jump_mixed_band: Wonogiri's target 0,00725 beside its realization 1,93%, 266 times).
// A smaller value that prints its own percent sign is a percentage, not a fraction: small
// percentages are printed so (Soppeng's "0,22 %" beside "11,05 %", 50 times; the bundled plan's
// "0.029%", "0.025 %"), and a fraction printed where a percentage belongs is a bare number.
// The values compared: neighbouring years of one row, and a year's target with its realization.
struct jump_pair {
    double ratio = 0.0;
    bool first_is_fraction = false;
};

// Whether a scale-jump of `ind` already stands at the cell `pv` (a row's jump, a pair's, a slip).
bool jump_reported(const std::vector<row_finding>& out, const indicator& ind, const printed_value* pv) {
    return pv && std::any_of(out.begin(), out.end(), [&](const row_finding& f) {
               return f.rule == kinerja::rule_ids::scale_jump && f.ind == &ind && f.where.line == pv->location.line &&
                      f.where.column == pv->location.column;
           });
}

bool jump_usable(const value& v) {
    return v.number && *v.number != 0.0 && (v.kind == value_kind::percent || v.kind == value_kind::number);
}

std::optional<jump_pair> jump_between(const value& a, const value& b, bool percent_unit, const check_options& o) {
    if (!jump_usable(a) || !jump_usable(b)) return std::nullopt;
    if (a.kind != value_kind::percent && b.kind != value_kind::percent && !percent_unit) return std::nullopt;
    const double x = std::fabs(*a.number);
    const double y = std::fabs(*b.number);
    const double small = std::min(x, y);
    if (small > 1.0) return std::nullopt;
    const double ratio = std::max(x, y) / small;
    const value& smaller = x < y ? a : b;
    const value& larger = x < y ? b : a;
    // the printing, not the reading: in a row whose unit is % a bare 0,00725 reads as a percent too
    auto shows_percent = [](const value& v) { return v.text.find('%') != std::string::npos; };
    if (shows_percent(smaller)) return std::nullopt;  // "0,22 %" says it is a percentage
    const bool mixed = shows_percent(larger);
    const auto& band = mixed ? o.scale_jump_mixed_band : o.scale_jump_band;
    if (ratio < band.first || ratio > band.second) return std::nullopt;
    return jump_pair{ratio, x < y};
}

// The fraction times 100, to the digits it was printed with (0.00028: 0.028, not
// 0.027999999999999997), and its decimals.
std::pair<double, int> as_percent(const value& fraction) {
    const int d = std::max(fraction.decimals - 2, 0);
    return {to_digits(*fraction.number * 100.0, d), d};
}

row_finding jump_finding(const node& n, const indicator& ind, period_year fy, const value& fraction, const value& other,
                         const printed_value* pv, std::string message) {
    const auto [percent, d] = as_percent(fraction);
    message += ": " + fraction.text + " read as a fraction is " +
               format_number(percent, convention::english, d, false) + "%, beside " + other.text +
               " (a percentage printed as a fraction?)";
    row_finding f = make(kinerja::rule_ids::scale_jump, n, &ind, fy, std::move(message), pv);
    f.expected = format_number(percent, convention::english, d, false) + "%";
    f.expected_number = percent;
    f.actual = fraction.text;
    f.actual_number = fraction.number;
    return f;
}

void row_jumps(const node& n, const indicator& ind, const std::map<period_year, value>& values,
               const year_values& printed, bool percent_unit, const char* what, const check_options& options,
               std::vector<row_finding>& out) {
    const value* prev = nullptr;
    period_year prev_year = 0;
    std::set<period_year> reported;
    for (const auto& [y, v] : values) {
        // percentages and bare numbers take part; a pair needs a percentage (or a percent unit)
        if (!jump_usable(v)) {
            if (!v.is_missing()) prev = nullptr;  // another kind breaks the row
            continue;
        }
        if (prev) {
            if (const auto j = jump_between(*prev, v, percent_unit, options)) {
                const bool later_is_fraction = !j->first_is_fraction;
                const period_year fy = later_is_fraction ? y : prev_year;
                const value& fraction = later_is_fraction ? v : *prev;
                const value& other = later_is_fraction ? *prev : v;
                if (reported.insert(fy).second)
                    out.push_back(jump_finding(n, ind, fy, fraction, other, indicator::first(printed, fy),
                                               who(n, &ind) + ": the " + what + " moves from " + prev->text + " (" +
                                                   year_label(prev_year) + ") to " + v.text + " (" + year_label(y) +
                                                   "), " + format_number(j->ratio, convention::english, 0, false) +
                                                   " times " + (later_is_fraction ? "smaller" : "larger")));
            }
        }
        prev = &v;
        prev_year = y;
    }
}

// A slipped digit: in a row of levels, a value about ten times off both its neighbours, which agree
// with each other (Lima Puluh Kota's TPAK 72,81 (2022), 7,63 (2023), 74,17 (2024): a lost digit; the
// same table's row of fractions prints 0,7263 for 2023). A percentage row only (its unit is %, or one
// of the three prints `%`): counts and money legitimately jump tenfold in a year, and a rate of
// change (Pertumbuhan, Laju ...) is a step that may shrink tenfold (5,2 -> 0,5 -> 5,1). The band is
// check_options::scale_jump_slip_band (8 to 12 times off both) and the neighbours must agree
// within scale_jump_slip_agreement (10%). A value already reported as a fraction is not again.
void row_slips(const node& n, const indicator& ind, const std::map<period_year, value>& values,
               const year_values& printed, bool percent_unit, const char* what, const check_options& options,
               std::vector<row_finding>& out) {
    const double low = options.scale_jump_slip_band.first, high = options.scale_jump_slip_band.second;
    auto off = [&](double a, double b) {  // b is `low` to `high` times off a, either way
        const double r = std::max(a, b) / std::min(a, b);
        return r >= low && r <= high;
    };
    std::vector<std::pair<period_year, const value*>> run;  // the row's usable values, in order
    auto judge = [&]() {
        for (std::size_t k = 1; k + 1 < run.size(); ++k) {
            const value& a = *run[k - 1].second;
            const value& b = *run[k].second;
            const value& c = *run[k + 1].second;
            if (!percent_unit && a.kind != value_kind::percent && b.kind != value_kind::percent &&
                c.kind != value_kind::percent)
                continue;
            const double x = std::fabs(*a.number), y = std::fabs(*b.number), z = std::fabs(*c.number);
            if (std::max(x, z) > std::min(x, z) * (1.0 + options.scale_jump_slip_agreement)) continue;
            if (!off(x, y) || !off(z, y) || (y < x) != (y < z)) continue;
            const period_year fy = run[k].first;
            const printed_value* pv = indicator::first(printed, fy);
            if (jump_reported(out, ind, pv)) continue;
            const bool smaller = y < x;
            const double times = smaller ? std::min(x, z) / y : y / std::max(x, z);
            row_finding f =
                make(kinerja::rule_ids::scale_jump, n, &ind, fy,
                     who(n, &ind) + ": the " + what + " of " + year_label(fy) + " is " + b.text + " between " + a.text +
                         " (" + year_label(run[k - 1].first) + ") and " + c.text + " (" + year_label(run[k + 1].first) +
                         "), at least " + format_number(times, b.written_in.value_or(convention::english), 1, false) +
                         " times " + (smaller ? "smaller" : "larger") +
                         " than both (a lost or extra digit, or a misplaced decimal mark?)",
                     pv);
            f.expected = "near " + a.text + " and " + c.text;
            f.actual = b.text;
            f.actual_number = b.number;
            out.push_back(std::move(f));
        }
        run.clear();
    };
    for (const auto& [y, v] : values) {
        if (y.is_end()) continue;  // the end column is a period's figure, not a year of the row
        if (!jump_usable(v)) {
            if (!v.is_missing()) judge();  // another kind breaks the row
            continue;
        }
        run.emplace_back(y, &v);
    }
    judge();
}

// A year's target against its realization (Wonogiri 2020: 0,00725 and 1,93%); a cell already
// reported by its row is not reported again.
void pair_jumps(const node& n, const indicator& ind, const read_row& row, bool percent_unit,
                const check_options& options, std::vector<row_finding>& out) {
    for (const auto& [y, t] : row.targets) {
        if (y == end_of_period) continue;
        const auto r = row.realizations.find(y);
        if (r == row.realizations.end()) continue;
        const auto j = jump_between(t, r->second, percent_unit, options);
        if (!j) continue;
        const bool target_is_fraction = j->first_is_fraction;
        const value& fraction = target_is_fraction ? t : r->second;
        const value& other = target_is_fraction ? r->second : t;
        const printed_value* pv = indicator::first(target_is_fraction ? ind.targets : ind.realizations, y);
        if (jump_reported(out, ind, pv)) continue;
        out.push_back(jump_finding(n, ind, y, fraction, other, pv,
                                   who(n, &ind) + ": the target of " + year_label(y) + " is " + t.text +
                                       " and its realization " + r->second.text + ", " +
                                       format_number(j->ratio, convention::english, 0, false) + " times apart"));
    }
}

// The values of a row that break a bound its indicator's name sets (share-above-100,
// growth-range): `beyond` says which, `why` what the name says, `expected` the bound.
template <class Beyond>
void row_beyond(std::string_view rule, const node& n, const indicator& ind, const std::map<period_year, value>& values,
                const year_values& printed, const char* what, Beyond beyond, const std::string& why,
                const std::string& expected, std::vector<row_finding>& out) {
    for (const auto& [y, v] : values) {
        if (!v.number || !beyond(v)) continue;
        row_finding f = make(rule, n, &ind, y,
                             who(n, &ind) + ": the " + what + " of " + year_label(y) + " is " + v.text + ", but " + why,
                             indicator::first(printed, y));
        f.expected = expected;
        f.expected_number = 100.0;
        f.actual = v.text;
        f.actual_number = v.number;
        out.push_back(std::move(f));
    }
}

// share-above-100: a percentage of a whole (by its name) above 100%.
// A bare number counts as a percentage where the indicator's unit is one (Kutai Kartanegara's
// "Persen" column beside "100.80").
void row_shares(const node& n, const indicator& ind, const std::map<period_year, value>& values,
                const year_values& printed, bool percent_unit, const char* what, std::vector<row_finding>& out) {
    row_beyond(
        kinerja::rule_ids::share_above_100, n, ind, values, printed, what,
        [percent_unit](const value& v) {
            const bool percent = v.kind == value_kind::percent || (percent_unit && v.kind == value_kind::number);
            return percent && *v.number > 100.0;
        },
        "the indicator is a share of a whole (its name says so) and cannot exceed 100%", "at most 100%", out);
}

// growth-range: an economic growth rate (by its name) beyond ±100 percent points.
void row_growth(const node& n, const indicator& ind, const std::map<period_year, value>& values,
                const year_values& printed, const char* what, std::vector<row_finding>& out) {
    row_beyond(
        kinerja::rule_ids::growth_range, n, ind, values, printed, what,
        [](const value& v) {
            return (v.kind == value_kind::percent || v.kind == value_kind::number) && std::fabs(*v.number) > 100.0;
        },
        "the indicator is an economy's growth rate (its name says so), a change of a few percent a year; a value "
        "beyond 100 is a level printed where the rate belongs",
        "a growth rate within -100 and 100 (%)", out);
}

// achievement-without-realization: a printed capaian in a year whose realization is not printed
// (no cell, or a placeholder), neither as a year nor as quarters, nor as counts behind it.
void achievements(const node& n, const indicator& ind, const read_row& row, std::vector<row_finding>& out) {
    for (const auto& [y, vs] : ind.reported_achievement) {
        const printed_value& pv = vs.front();
        value printed;
        try {
            printed = parse_reported_achievement(pv.text);
        } catch (const parse_error&) {
            continue;  // unparsed-value's business
        }
        if (printed.is_missing()) continue;
        const bool printed_cell = ind.realizations.count(y) > 0;
        const auto r = row.realizations.find(y);
        if (printed_cell && (r == row.realizations.end() || !r->second.is_missing()))
            continue;  // a value, or unreadable
        if ((!y.is_end() && ind.quarterly_realizations.count(y.value())) ||
            (ind.numerators.count(y) && ind.denominators.count(y)))
            continue;
        row_finding f = make(
            kinerja::rule_ids::achievement_without_realization, n, &ind, y,
            who(n, &ind) + ": the achievement of " + year_label(y) + " is printed as " + pv.text + " but " +
                (printed_cell ? "its realization is a placeholder (" + indicator::first(ind.realizations, y)->text + ")"
                              : std::string("no realization is printed")) +
                "; an achievement follows from a realization",
            &pv);
        f.expected = "a realization";
        f.actual = pv.text;
        f.actual_number = printed.number;
        out.push_back(std::move(f));
    }
}

}  // namespace

// ------------------------------------------------------------------ ratio-mismatch, source-conflict

namespace {

// The value prints a percent sign (in a row whose unit is % a bare number reads as a percent too).
bool shows_percent(const value& v) { return v.text.find('%') != std::string::npos; }

// Agree within the rounding of their printed digits (half a unit of each one's last digit).
bool agree_printed(double a, double b, const value& va, const value& vb) {
    return std::fabs(a - b) <= va.half_unit() + vb.half_unit() + 1e-9 * std::max(1.0, std::fabs(a));
}

// The realization's multiplier as its unit says: 100 for a percentage (printed with % or in a
// percent row), N for a rate per N; empty when the value does not say.
std::optional<double> stated_multiplier(const value& v, bool percent_unit) {
    if (v.kind == value_kind::percent || (percent_unit && v.kind == value_kind::number && !v.per)) return 100.0;
    if (v.per) return *v.per;
    return std::nullopt;
}

}  // namespace

ratio_fit fit_ratio(double q, const value& v) {
    ratio_fit fit;
    if (!v.number) return fit;
    const double unit = v.unrounded ? 0.0 : 2.0 * v.half_unit();  // one unit of the last printed digit
    double nearest_gap = std::numeric_limits<double>::infinity();
    for (double m = 1.0; m <= 100000.0; m *= 10.0) {
        const double got = q * m;
        if (std::fabs(got - *v.number) <= unit + 1e-9 * std::max(1.0, std::fabs(got))) {
            fit.fits = true;
            fit.multiplier = m;
            return fit;
        }
        const double gap =
            got > 0.0 && *v.number > 0.0 ? std::fabs(std::log10(got / *v.number)) : std::fabs(got - *v.number);
        if (gap < nearest_gap) {
            nearest_gap = gap;
            fit.multiplier = m;
        }
    }
    return fit;
}

namespace {

// ratio-mismatch: a realization printed with its numerator and denominator (Tanah Datar 2016's
// "36.743 ... x 100 = 92.22 / 39.834") is their ratio times a power of ten (1 for a fraction, 100 for
// a percentage, 1.000 or 100.000 for a rate per N) to its printed digits. Tables print the ratio
// rounded (Banggai Kepulauan's "14%" for 4337 / 31500 = 13,77%) or cut off, so a realization within
// one unit of its last printed digit of some power's ratio agrees; only one that no power gives is
// reported (36.743 / 39.834 x 100 = 92,24, printed 92,22).
// The kondisi awal is the realized value of its year: where a table prints the counts behind the
// baseline ("(37212:37748) x 100% = 98,78%" in an RPJMD's Tabel 8.2) and no realization of that
// year, the baseline is held to them the same way (37212 / 37748 = 98,58%).
void ratio_checks(const node& n, const indicator& ind, const read_row& row, bool percent_unit,
                  std::vector<row_finding>& out) {
    struct counted_year {
        period_year year;
        const value* printed;
        const value* numerator;
        const value* denominator;
        bool of_baseline;
        double q;
        ratio_fit fit;
    };
    std::vector<counted_year> years;
    std::map<double, std::size_t> powers;  // how many years fit each power of ten
    for (const auto& [y, num] : row.numerators) {
        const auto d = row.denominators.find(y);
        const auto r = row.realizations.find(y);
        if (d == row.denominators.end()) continue;
        // the counts stand behind the realization of their year; without one, behind the baseline of
        // their year (a target is planned, not counted: Bukittinggi's target 60 beside the 9 of 11
        // schools realized)
        const bool of_baseline = r == row.realizations.end();
        if (of_baseline && !(row.baseline && ind.baseline && ind.baseline_year && period_year(*ind.baseline_year) == y))
            continue;
        const value& rv = of_baseline ? *row.baseline : r->second;
        const value& dv = d->second;
        if (!num.number || !dv.number || *dv.number == 0.0 || !rv.number) continue;
        if (rv.kind != value_kind::number && rv.kind != value_kind::percent) continue;  // ranges, bounds, grades
        const double q = *num.number / *dv.number;
        years.push_back({y, &rv, &num, &dv, of_baseline, q, fit_ratio(q, rv)});
        if (years.back().fit.fits) ++powers[years.back().fit.multiplier];
    }
    // the row's power of ten: the one at least two years and most of those that fit use (Bukittinggi's
    // APS: x 100 in 2011-2015, so 2010's 919,9, which only x 1.000 gives, is a slipped digit)
    std::optional<double> row_power;
    std::size_t fitting = 0;
    for (const auto& [m, count] : powers) fitting += count;
    for (const auto& [m, count] : powers)
        if (count >= 2 && 2 * count > fitting) row_power = m;
    for (const counted_year& c : years) {
        if (c.fit.fits && (!row_power || c.fit.multiplier == *row_power)) continue;
        const value& rv = *c.printed;
        const double m = c.fit.fits ? *row_power : stated_multiplier(rv, percent_unit).value_or(c.fit.multiplier);
        const double expected = to_digits(c.q * m, rv.decimals);
        const printed_value* pv = c.of_baseline ? &*ind.baseline : indicator::first(ind.realizations, c.year);
        const printed_value* nv = indicator::first(ind.numerators, c.year);
        const printed_value* dp = indicator::first(ind.denominators, c.year);
        const std::string shown = format_number(expected, convention::english, rv.decimals, false) +
                                  (rv.kind == value_kind::percent ? "%" : "");
        const std::string why =
            c.fit.fits
                ? " (only x " + format_number(c.fit.multiplier, convention::english, 0, false) + " gives " + rv.text +
                      ", where the row's other years are x " + format_number(m, convention::english, 0, false) + ")"
                : " (no power of ten from 1 to 100,000 gives " + rv.text + " to its printed digits)";
        row_finding f =
            make(kinerja::rule_ids::ratio_mismatch, n, &ind, c.year,
                 who(n, &ind) + ": the " + (c.of_baseline ? "baseline (kondisi awal)" : "realization") + " of " +
                     year_label(c.year) + " is " + rv.text + " but its printed numerator and denominator give " +
                     (nv ? nv->text : c.numerator->text) + " / " + (dp ? dp->text : c.denominator->text) + " x " +
                     format_number(m, convention::english, 0, false) + " = " + shown + why,
                 pv);
        f.expected = shown;
        f.expected_number = expected;
        f.actual = rv.text;
        f.actual_number = rv.number;
        out.push_back(std::move(f));
    }
}

// ratio-mismatch of a rate of change: Sleman's LAKIP 2010 prints "Tingkat penurunan pelanggaran
// disiplin pegawai" realized at 28,57% and, in its Tabel 7, the violations it comes from: 35 (2009)
// and 10 (2010). The fall is (35 - 10) / 35 = 71,43%; 28,57% is 10 / 35, what remains. A rate whose
// printed realization is the ratio of this year's level to last year's (times 100) and not the
// change between them (relative, or in points where the levels are percentages) is reported, with
// the change as `expected`. Only that confusion is: a rate that fits neither may be measured from
// another year or base, and nothing in the table says which. The levels are the realizations of
// another indicator of the node that names the rate's subject (names_the_levels_of), in the year
// and the year before; a percentage rate only (printed with `%`, or in a percent row).
void rate_checks(const node& n, const indicator& ind, const read_row& row, bool percent_unit,
                 std::vector<row_finding>& out) {
    for (const auto& [y, rv] : row.realizations) {
        if (y.is_end() || !rv.number) continue;
        if (rv.kind != value_kind::percent && !(percent_unit && rv.kind == value_kind::number && !rv.per)) continue;
        for (const auto& [level_ind, levels] : row.levels) {
            const auto now = levels.find(y);
            const auto before = levels.find(period_year(y.value() - 1));
            if (now == levels.end() || before == levels.end()) continue;
            const value& m = now->second;
            const value& d = before->second;
            if (!m.number || !d.number || *d.number == 0.0 || m.kind != d.kind) continue;
            if (m.kind != value_kind::count && m.kind != value_kind::number && m.kind != value_kind::percent) continue;
            const double r = std::fabs(*rv.number);
            const double unit = rv.unrounded ? 0.0 : 2.0 * rv.half_unit();
            auto near = [&](double x) { return std::fabs(x - r) <= unit + 1e-9 * std::max(1.0, x); };
            const double ratio = *m.number / *d.number * 100.0;
            const double change = std::fabs(*m.number - *d.number) / std::fabs(*d.number) * 100.0;
            const bool points = m.kind == value_kind::percent && near(std::fabs(*m.number - *d.number));
            if (!near(ratio) || near(change) || points) continue;
            const double expected = to_digits(change, rv.decimals);
            const std::string shown = format_number(expected, convention::english, rv.decimals, false) + "%";
            const std::string said =  // in the message, as the realization is printed
                format_number(expected, rv.written_in.value_or(convention::english), rv.decimals, false) + "%";
            const bool fell = *m.number < *d.number;
            row_finding f = make(
                kinerja::rule_ids::ratio_mismatch, n, &ind, y,
                who(n, &ind) + ": the realization of " + year_label(y) + " is " + rv.text + ", which is " + m.text +
                    " / " + d.text + " (what " + (fell ? "remains of" : "became of") + " the level), but the " +
                    (fell ? "fall" : "rise") + " of \"" + level_ind->name + "\" from " + d.text + " (" +
                    year_label(before->first) + ") to " + m.text + " (" + year_label(y) + ") is " + said,
                indicator::first(ind.realizations, y));
            f.expected = shown;
            f.expected_number = expected;
            f.actual = rv.text;
            f.actual_number = rv.number;
            out.push_back(std::move(f));
            break;  // one finding per year
        }
    }
}

// source-conflict: one slot (a year's realization or printed achievement) printed by two
// sources (the plan lists every printing: `2015: ["15", {value: "11 Nagari", source: ...}]`) with
// numbers that differ beyond their printed rounding (Tanah Datar 2015: 15 in the table, 11 Nagari in
// the text; Lampung 2016: APK 70.00 in the graph, 66,67 in the text). Each value is read in its own
// convention, so "63.51" and "63,51" agree. Reported once per slot, at the first value that differs.
void source_conflicts(const node& n, const indicator& ind, const std::map<period_year, std::vector<read_cell>>& cells,
                      const char* what, bool fractions, std::vector<row_finding>& out) {
    for (const auto& [y, cs] : cells) {
        const read_cell* other = conflicting_printing(cs, fractions);
        if (!other) continue;
        const read_cell& first = cs.front();
        auto label = [&](const printed_value* pv) { return pv && !pv->source.empty() ? pv->source : ind.source; };
        row_finding f = make(kinerja::rule_ids::source_conflict, n, &ind, y,
                             who(n, &ind) + ": the " + what + " of " + year_label(y) + " is printed as " +
                                 first.v.text + " (" + label(first.printed) + ") and as " + other->v.text + " (" +
                                 label(other->printed) + "): two sources disagree",
                             other->printed);
        f.expected = first.v.text;
        f.expected_number = first.v.number;
        f.actual = other->v.text;
        f.actual_number = other->v.number;
        out.push_back(std::move(f));
    }
}

}  // namespace

const read_cell* conflicting_printing(const std::vector<read_cell>& cs, bool fractions) {
    auto number_of = [](const value& v) -> std::optional<double> {
        if (v.is_missing() || !v.number) return std::nullopt;
        switch (v.kind) {
            case value_kind::number:
            case value_kind::percent:
            case value_kind::count:
            case value_kind::money: return v.number;
            default: return std::nullopt;  // ranges, bounds, grades: their own readings
        }
    };
    if (cs.size() < 2) return nullptr;
    const read_cell& first = cs.front();
    const std::optional<double> a = number_of(first.v);
    if (!a) return nullptr;
    for (std::size_t k = 1; k < cs.size(); ++k) {
        const std::optional<double> b = number_of(cs[k].v);
        if (!b || agree_printed(*a, *b, first.v, cs[k].v)) continue;
        // a ratio printed as a fraction in one source and a percent in the other (Tabel 2.7's 1.46
        // beside the text's 146.31%) is one value in two scales
        if (fractions && shows_percent(first.v) != shows_percent(cs[k].v)) {
            const bool first_bare = !shows_percent(first.v);
            const double x = first_bare ? *a * 100.0 : *a;
            const double z = first_bare ? *b : *b * 100.0;
            const double slack = (first_bare ? 100.0 * first.v.half_unit() : first.v.half_unit()) +
                                 (first_bare ? cs[k].v.half_unit() : 100.0 * cs[k].v.half_unit());
            if (std::fabs(x - z) <= slack + 1e-9 * std::max(1.0, std::fabs(x))) continue;
        }
        return &cs[k];
    }
    return nullptr;
}

const std::vector<std::string>& share_name_prefixes() {
    // APM and APS are shares of an age group by their definition (pupils of the age / population
    // of the age); APK, the gross rate, counts pupils of any age and may exceed 100, so it is not here
    static const std::vector<std::string> words = {"persentase",
                                                   "prosentase",
                                                   "presentase",
                                                   "presentasi",
                                                   "persen",
                                                   "proporsi",
                                                   "cakupan",
                                                   "angka partisipasi murni",
                                                   "apm",
                                                   "aps",
                                                   "angka partisipasi sekolah"};
    return words;
}

const std::vector<std::string>& share_name_exclusions() {
    static const std::vector<std::string> words = {"peningkatan", "kenaikan", "pertumbuhan", "laju",
                                                   "perubahan",   "capaian",  "realisasi",   "terhadap target"};
    return words;
}

bool names_a_share(const std::string& name) {
    const std::string folded = fold(name);
    const bool prefix = std::any_of(share_name_prefixes().begin(), share_name_prefixes().end(), [&](const auto& w) {
        return folded.compare(0, w.size(), w) == 0 && (folded.size() == w.size() || folded[w.size()] == ' ');
    });
    if (!prefix) return false;
    return std::none_of(share_name_exclusions().begin(), share_name_exclusions().end(),
                        [&](const auto& w) { return folded.find(w) != std::string::npos; });
}

bool names_a_coverage(const std::string& name) {
    const std::string folded = fold(name);
    return folded.compare(0, 7, "cakupan") == 0 && (folded.size() == 7 || folded[7] == ' ');
}

const std::vector<std::string>& rate_of_change_words() {
    static const std::vector<std::string> words = {"peningkatan", "kenaikan",  "pertumbuhan", "laju",
                                                   "perubahan",   "penurunan", "pengurangan"};
    return words;
}

const std::vector<std::string>& economic_growth_names() {
    static const std::vector<std::string> words = {"pertumbuhan ekonomi", "pertumbuhan pdrb",
                                                   "laju pertumbuhan ekonomi", "laju pertumbuhan pdrb"};
    return words;
}

namespace {
// Whether `text` holds one of `words` as a word: a run of ASCII letters and digits (every
// indicator's name is read this way in every check, so the name is walked once).
// Calls `visit(word)` for each run of ASCII letters and digits of `text`, in order, while it returns
// true; whether every call returned true.
template <class Visit>
bool every_word(std::string_view text, Visit&& visit) {
    const auto alnum = [](char c) { return is_digit(c) || is_ascii_letter(c); };
    for (std::size_t i = 0; i < text.size();) {
        if (!alnum(text[i])) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < text.size() && alnum(text[e])) ++e;
        if (!visit(text.substr(i, e - i))) return false;
        i = e;
    }
    return true;
}

bool holds_word(std::string_view text, const std::vector<std::string>& words) {
    return !every_word(text, [&](std::string_view word) {
        return std::none_of(words.begin(), words.end(), [&](const std::string& w) { return w == word; });
    });
}
}  // namespace

bool names_economic_growth(const std::string& name) {
    const std::string folded = fold(name);
    // every name of economic_growth_names() holds "pertumbuhan": look for them only where it stands
    if (folded.find("pertumbuhan") != std::string::npos &&
        std::any_of(economic_growth_names().begin(), economic_growth_names().end(),
                    [&](const std::string& w) { return folded.find(w) != std::string::npos; }))
        return true;
    static const std::vector<std::string> lpe = {"lpe"};
    return holds_word(folded, lpe);
}

bool names_a_rate_of_change(const std::string& name) { return holds_word(fold(name), rate_of_change_words()); }

namespace {
// The subject words of an indicator's name (names_the_levels_of): its ASCII words of three letters or
// more, without the words of a rate of change and of a measure.
std::set<std::string> subject_words(const std::string& name) {
    static const std::set<std::string> measure = {
        "tingkat", "persentase", "prosentase", "presentase", "persen", "angka", "jumlah", "rasio",     "rata",
        "nilai",   "indeks",     "capaian",    "realisasi",  "target", "yang",  "dan",    "dari",      "terhadap",
        "pada",    "untuk",      "dengan",     "oleh",       "tahun",  "per",   "setiap", "sebelumnya"};
    const std::string folded = fold(name);
    std::set<std::string> words;
    for (std::size_t i = 0; i < folded.size();) {
        if (!is_ascii_letter(folded[i])) {
            ++i;
            continue;
        }
        std::size_t e = i;
        while (e < folded.size() && is_ascii_letter(folded[e])) ++e;
        std::string w = folded.substr(i, e - i);
        const auto& rates = rate_of_change_words();
        if (w.size() >= 3 && !measure.count(w) && std::find(rates.begin(), rates.end(), w) == rates.end())
            words.insert(std::move(w));
        i = e;
    }
    return words;
}
}  // namespace

namespace {
// Whether a folded name begins with `word` as a word ("rata-rata" begins with "rata").
bool begins_with_word(const std::string& folded, const std::string& word) {
    return folded.compare(0, word.size(), word) == 0 &&
           (folded.size() == word.size() || !std::isalnum(static_cast<unsigned char>(folded[word.size()])));
}

// The words that name a total row.
const std::vector<std::string>& total_words() {
    static const std::vector<std::string> words = {"jumlah", "total", "keseluruhan", "seluruh", "seluruhnya"};
    return words;
}
}  // namespace

bool names_a_total(const std::string& name) {
    const std::vector<std::string>& words = total_words();
    // a rate that names the count it is made of ("Rasio Jumlah Murid per Guru", "Persentase Jumlah
    // Jembatan ...", "I a, persentase terhadap Jumlah PNS") is no total
    static const std::vector<std::string> rates = {"rasio", "persentase", "presentase", "prosentase", "proporsi",
                                                   "angka", "rata",       "rerata",     "indeks",     "tingkat"};
    const std::string folded = fold(name);
    if (!holds_word(folded, words) || holds_word(folded, {"terhadap"})) return false;
    return std::none_of(rates.begin(), rates.end(), [&](const std::string& w) { return begins_with_word(folded, w); });
}

bool names_a_remainder(const std::string& name) {
    const std::string folded = fold(name);
    for (const char* words : {"belum terserap", "tidak terserap", "sisa anggaran", "sisa dana", "sisa pagu"})
        if (folded.find(words) != std::string::npos) return true;
    return false;
}

bool names_a_mean(const std::string& name) {
    std::string folded = fold(name);
    for (char& c : folded)
        if (c == '-') c = ' ';
    auto ends_with = [&](const std::string& w) {
        return folded.size() >= w.size() && folded.compare(folded.size() - w.size(), w.size(), w) == 0 &&
               (folded.size() == w.size() || folded[folded.size() - w.size() - 1] == ' ');
    };
    // "Rata-rata", "Rata-rata capaian", "... per kelas rata-rata": a row of the others' mean; not
    // "Rata-rata lama sekolah" or "Rata-rata pengeluaran per kapita", a quantity of its own
    static const std::vector<std::string> alone = {
        "rata rata",           "rerata",         "rata rata capaian", "rerata capaian",
        "rata rata kabupaten", "rata rata kota", "rata rata provinsi"};
    return std::find(alone.begin(), alone.end(), folded) != alone.end() || ends_with("rata rata") ||
           ends_with("rerata");
}

namespace {
// A value a total sums: a number, a count or money.
bool summable(const value& v) {
    return v.number && (v.kind == value_kind::number || v.kind == value_kind::count || v.kind == value_kind::money);
}
}  // namespace

double to_digits(double x, int decimals) {
    return rounding_rule{rounding::half_up, std::clamp(decimals, 0, 12)}.apply(x);
}

std::vector<const node_row*> total_parts(const std::vector<node_row>& rows, const node_row& total) {
    auto unit_of = [](const indicator& ind) { return ind.unit ? trim(ind.unit->text) : std::string_view(); };
    std::vector<const node_row*> parts;
    for (const node_row& r : rows)
        if (&r != &total && !names_a_total(r.ind->name) && iequals(unit_of(*r.ind), unit_of(*total.ind)))
            parts.push_back(&r);
    return parts;
}

double sum_slack(const value& v) {
    static const std::vector<std::string> scale_words = {"ribu", "rb", "juta", "jt", "miliar", "milyar", "triliun"};
    // a count's word, or none: a bare whole number in a column of whole numbers is counted
    const bool exact_count = (v.kind == value_kind::count || (v.kind == value_kind::number && v.unit.empty())) &&
                             v.decimals == 0 && !holds_word(fold(v.unit), scale_words);
    return exact_count ? 0.0 : v.half_unit();
}

namespace {
// A printed dash in a column a total sums: the table's nothing, 0 ("Luas Laut" `-` among the
// kecamatan's land areas).
bool dash(const value& v) {
    const std::string_view t = trim(v.text);
    return v.kind == value_kind::missing && (t == "-" || t == "\xe2\x80\x93" || t == "\xe2\x80\x94");
}
}  // namespace

std::optional<parts_sum> sum_of_parts(const std::vector<const node_row*>& parts, bool targets, period_year year) {
    parts_sum s;
    bool any = false;
    for (const node_row* part : parts) {
        const auto v = part->column(targets).find(year);
        if (v != part->column(targets).end() && dash(v->second)) continue;
        if (v == part->column(targets).end() || !summable(v->second)) return std::nullopt;
        any = true;
        s.sum += *v->second.number;
        s.slack += sum_slack(v->second);
        s.decimals = std::max(s.decimals, v->second.decimals);
    }
    if (!any) return std::nullopt;
    return s;
}

bool names_only_a_total(const std::string& name) {
    static const std::vector<std::string> words = {"jumlah", "total", "keseluruhan", "seluruh", "seluruhnya",
                                                   "grand",  "umum",  "kabupaten",   "kota",    "provinsi",
                                                   "kab",    "semua", "akhir"};
    std::string folded = fold(name);
    // "Total (rows 2015/2016 and 2014/2015)": a note in brackets says nothing of what is summed
    for (std::size_t open = folded.find('('); open != std::string::npos; open = folded.find('(')) {
        const std::size_t close = folded.find(')', open);
        folded.erase(open, close == std::string::npos ? std::string::npos : close - open + 1);
    }
    // every word one of `words`, and one of them a total's
    return every_word(
               folded,
               [&](std::string_view word) { return std::find(words.begin(), words.end(), word) != words.end(); }) &&
           holds_word(folded, total_words());
}

namespace {
// The rows a total row sums, as the table lays them out (file order), each of the total's unit and
// not named a total: the rows of its group (since the total row before it: a subtotal under its
// group), the rows since the last grand total (a grand total of the groups above it, or of the
// rows above it), and every such row of the node (a total printed above its parts or among them).
struct total_reading {
    std::vector<const node_row*> parts;
    const char* said;  // how the message names them
};

struct year_sum {
    period_year year;
    double sum;
    int decimals;
    bool agrees;
};

// The parts' sum (or, for a row of their mean, their mean) in each year the total and every part
// print a number, and whether the total's figure is it within their rounding.
std::vector<year_sum> total_years(const node_row& total, const std::vector<const node_row*>& parts, bool targets,
                                  bool mean) {
    std::vector<year_sum> years;
    for (const auto& [y, t] : total.column(targets)) {
        if (y.is_end() || !summable(t)) continue;
        const std::optional<parts_sum> s = sum_of_parts(parts, targets, y);
        if (!s) continue;
        const double n = mean ? static_cast<double>(parts.size()) : 1.0;
        const double value = s->sum / n, slack = s->slack / n + sum_slack(t);
        const bool agrees = std::fabs(*t.number - value) <= slack + 1e-9 * std::max(1.0, std::fabs(value));
        if (agrees && value == 0.0) continue;  // 0 = 0 + 0 tells nothing of what the rows are
        int decimals = s->decimals;            // a mean, to the digits it needs: (14,74 + 11,15) / 2 = 12,945
        while (mean && decimals < s->decimals + 2 && std::fabs(to_digits(value, decimals) - value) > 1e-9) ++decimals;
        years.push_back({y, value, decimals, agrees});
    }
    return years;
}

// Whether a total's figure of a year is above every part's (a sum of two or more positive rows is).
bool above_every_part(const node_row& total, const std::vector<const node_row*>& parts, bool targets, period_year y) {
    const value& t = total.column(targets).at(y);
    return std::all_of(parts.begin(), parts.end(), [&](const node_row* p) {
        const auto v = p->column(targets).find(y);
        return v == p->column(targets).end() || !v->second.number || *v->second.number < *t.number;
    });
}

std::size_t agreeing(const std::vector<year_sum>& years) {
    return static_cast<std::size_t>(
        std::count_if(years.begin(), years.end(), [](const year_sum& s) { return s.agrees; }));
}

// a total that is the rows' sum in a year (a sum of two or more printed figures to the last digit
// does not happen by chance) and in at least as many years as it is not
bool summed(const std::vector<year_sum>& years) {
    const std::size_t a = agreeing(years);
    return years.size() >= 2 && a >= 1 && 2 * a >= years.size();
}
}  // namespace

bool names_the_region(const std::string& name, const std::string& region) {
    std::string r = fold(region);
    for (const char* prefix : {"kabupaten ", "kab. ", "kab ", "kota ", "provinsi ", "prov. "})
        if (r.compare(0, std::strlen(prefix), prefix) == 0) {
            r.erase(0, std::strlen(prefix));
            break;
        }
    std::string own = fold(name);
    for (const char* prefix : {"kabupaten ", "kab. ", "kab ", "provinsi ", "prov. "})
        if (own.compare(0, std::strlen(prefix), prefix) == 0) {
            own.erase(0, std::strlen(prefix));
            break;
        }
    return !r.empty() && trim(own) == trim(r);
}

void total_checks(const node& n, const std::vector<node_row>& rows, const std::string& region,
                  std::vector<row_finding>& out) {
    // a total row: named a total, or named the plan's region (BPS tables close a table of kecamatan
    // with the kabupaten's own row: Sumba Barat's "Sumba Barat")
    auto a_total = [&](const std::string& name) { return names_a_total(name) || names_the_region(name, region); };
    auto unit_of = [](const node_row& r) { return r.ind->unit ? trim(r.ind->unit->text) : std::string_view(); };
    auto percent = [](std::string_view unit) { return unit == "%" || iequals(unit, "persen"); };
    std::size_t since = 0, block = 0;  // where the rows since the last grand total, and of the group, begin
    auto derived = [&](const node_row& r) { return a_total(r.ind->name) || names_a_mean(r.ind->name); };
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const node_row& total = rows[k];
        const bool mean = names_a_mean(total.ind->name);  // a row of the others' mean (rata-rata)
        if (!mean && !a_total(total.ind->name)) continue;
        const std::string unit(unit_of(total));
        const std::size_t group_begin = block;
        block = k + 1;
        if (percent(unit)) continue;
        auto of_unit = [&](const node_row& r) { return &r != &total && !derived(r) && iequals(unit_of(r), unit); };
        total_reading group{{}, "the rows of its group"}, above{{}, "the rows above it"}, all{{}, ""};
        for (std::size_t j = 0; j < rows.size(); ++j) {
            if (!of_unit(rows[j])) continue;
            if (j >= group_begin && j < k) group.parts.push_back(&rows[j]);
            if (j >= since && j < k) above.parts.push_back(&rows[j]);
            all.parts.push_back(&rows[j]);
        }
        const std::size_t totals_of_unit =
            static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [&](const node_row& r) {
                return a_total(r.ind->name) && iequals(unit_of(r), unit);
            }));
        for (const bool targets : {true, false}) {
            // the first reading the table's own figures bear out; else, for the one total row of a
            // node whose name is nothing but a total ("Total", "JUMLAH"), the node's other rows
            const total_reading* reading = nullptr;
            std::vector<year_sum> years;
            std::string evidence;
            for (const total_reading* r : {&group, &above, &all}) {
                // each set of rows once
                if (r->parts.size() < 2 || (r != &group && r->parts == group.parts) ||
                    (r == &all && r->parts == above.parts))
                    continue;
                std::vector<year_sum> ys = total_years(total, r->parts, targets, mean);
                if (!summed(ys)) continue;
                reading = r;
                evidence = "; in " + std::to_string(agreeing(ys)) + " of " + std::to_string(ys.size()) +
                           (mean ? " years the row is their mean" : " years the total is their sum");
                years = std::move(ys);
                break;
            }
            if (!reading && !mean && totals_of_unit == 1 && all.parts.size() >= 2 &&
                (names_only_a_total(total.ind->name) || names_the_region(total.ind->name, region))) {
                reading = &all;
                years = total_years(total, all.parts, targets, false);
                evidence = "; the row's name says it totals them";
                // a total no larger than one of its rows is their mean or ratio, not their sum (a
                // JUMLAH sex ratio of 102 beside its kecamatan's 98 to 105)
                years.erase(std::remove_if(years.begin(), years.end(),
                                           [&](const year_sum& s) {
                                               return !above_every_part(total, all.parts, targets, s.year);
                                           }),
                            years.end());
            }
            if (!reading) continue;
            if (reading == &above) since = k + 1;
            for (const year_sum& s : years) {
                if (s.agrees) continue;
                const value& t = total.column(targets).at(s.year);
                const convention c = t.written_in.value_or(convention::english);
                // the parts by name; of more than five, the first three and the last
                const std::vector<const node_row*>& parts = reading->parts;
                std::vector<std::string> shown;
                for (std::size_t p = 0; p < parts.size(); ++p) {
                    if (parts.size() > 5 && p >= 3 && p + 1 < parts.size()) {
                        if (p == 3) shown.push_back("...");
                        continue;
                    }
                    shown.push_back(parts[p]->ind->name);
                }
                const std::string names = and_list(shown);
                const std::string whose = unit.empty() ? std::string("the node's other indicators")
                                                       : "the node's other indicators in " + unit;
                const char* what = targets ? "target" : "realization";
                row_finding f = make(
                    kinerja::rule_ids::total_mismatch, n, total.ind, s.year,
                    who(n, total.ind) + ": the " + what + " of " + year_label(s.year) + " is " + t.text + ", but " +
                        (reading->parts == all.parts ? whose : std::string(reading->said)) + " (" + names +
                        (mean ? ") average " : ") sum to ") + format_number(s.sum, c, s.decimals, false) + evidence,
                    indicator::first(targets ? total.ind->targets : total.ind->realizations, s.year));
                f.expected = format_number(s.sum, convention::english, s.decimals, false);
                f.expected_number = to_digits(s.sum, s.decimals);  // 220.29, not 220.29000000000002
                f.actual = t.text;
                f.actual_number = t.number;
                out.push_back(std::move(f));
            }
        }
    }
    whole_checks(n, rows, out);
}

void whole_checks(const node& n, const std::vector<node_row>& rows, std::vector<row_finding>& out) {
    auto counted = [](const value& v) {
        return v.number && v.kind != value_kind::range && v.kind != value_kind::bound && v.kind != value_kind::missing;
    };
    // a share: a percentage (printed with %, or in a percent row), not a ratio of other counts
    // (pupils per school, whose denominators may print one figure by chance)
    auto share = [](const node_row& r, period_year y) {
        const auto v = r.realizations.find(y);
        const std::string_view unit = r.ind->unit ? trim(r.ind->unit->text) : std::string_view();
        return v != r.realizations.end() && v->second.number &&
               (v->second.kind == value_kind::percent || unit == "%" || iequals(unit, "persen"));
    };
    // the shares of a year whose denominators print one figure (the text, trimmed)
    std::map<std::pair<period_year, std::string>, std::vector<const node_row*>> wholes;
    for (const node_row& r : rows)
        for (const auto& [y, d] : r.denominators) {
            const auto num = r.numerators.find(y);
            if (num == r.numerators.end() || !counted(num->second) || !counted(d) || *d.number <= 0.0 || !share(r, y))
                continue;
            wholes[{y, std::string(trim(d.text))}].push_back(&r);
        }
    for (const auto& [key, shares] : wholes) {
        if (shares.size() < 2) continue;
        const period_year year = key.first;
        const value& whole = shares.front()->denominators.at(year);
        double sum = 0.0, slack = sum_slack(whole), largest = 0.0;
        int decimals = 0;
        std::vector<std::string> parts;
        for (const node_row* row : shares) {
            const value& part = row->numerators.at(year);
            sum += *part.number;
            largest = std::max(largest, *part.number);
            slack += sum_slack(part);
            decimals = std::max(decimals, part.decimals);
            parts.push_back(part.text);
        }
        const std::string names = and_list(parts);
        if (sum <= *whole.number + slack + 1e-9 * std::max(1.0, sum)) continue;  // a part may be missing
        // over by more than a part: a subtotal's share among them (Kota Malang's "Jumlah (Golongan I),
        // persentase terhadap Jumlah PNS" beside its four rows), not a misprint
        if (sum - *whole.number >= largest - slack) continue;
        // the row that prints the whole itself (not a share), else the first share
        const node_row* at = shares.front();
        for (const node_row& r : rows) {
            const auto v = r.realizations.find(year);
            if (r.denominators.count(year) || v == r.realizations.end() || !v->second.number) continue;
            if (std::fabs(*v->second.number - *whole.number) <= v->second.half_unit() + whole.half_unit() + 1e-9) {
                at = &r;
                break;
            }
        }
        // a total row whose sum total_checks found wrong already says it (Maluku Tengah's pavements)
        if (std::any_of(out.begin(), out.end(), [&](const row_finding& o) {
                return o.rule == kinerja::rule_ids::total_mismatch && o.ind == at->ind && o.year == year;
            }))
            continue;
        const convention c = whole.written_in.value_or(at->ind->convention.value_or(convention::english));
        row_finding f = make(kinerja::rule_ids::total_mismatch, n, at->ind, year,
                             who(n, at->ind) + ": in " + year_label(year) + " the node's shares of " + whole.text +
                                 " count " + names + ", which sum to " + format_number(sum, c, decimals) +
                                 ": more than the whole they are shares of",
                             indicator::first(at->ind->realizations, year));
        f.expected = "at most " + format_number(*whole.number, convention::english, whole.decimals, false);
        f.actual = format_number(sum, convention::english, decimals, false);
        f.actual_number = to_digits(sum, decimals);
        out.push_back(std::move(f));
    }
}

namespace {
// The printed figure of a row's cell of a year (its first realization, else its first target),
// trimmed; "" when the cell is not printed.
// A row's cell of a year: its first realization, else its first target; nullptr when not printed.
const printed_value* row_cell(const indicator& ind, period_year y) {
    const printed_value* v = indicator::first(ind.realizations, y);
    return v ? v : indicator::first(ind.targets, y);
}

std::string_view cell_text(const indicator& ind, period_year y) {
    const printed_value* v = row_cell(ind, y);
    return v ? trim(v->text) : std::string_view();
}

std::size_t digits_in(std::string_view t) {
    return static_cast<std::size_t>(std::count_if(t.begin(), t.end(), [](char c) { return is_digit(c); }));
}
}  // namespace

void duplicate_row_checks(const std::vector<node>& list, std::vector<row_finding>& out) {
    // the tables: a node, or the nodes that are one table's columns (one source, one list of names)
    std::vector<std::vector<const node*>> tables;
    std::map<std::string, std::size_t> table_of;
    for (const node& n : list) {
        if (n.indicators.size() < 2) continue;
        std::string key = n.source;
        for (const indicator& ind : n.indicators) key += '\x1f' + fold(ind.name);
        const auto [it, fresh] = table_of.emplace(std::move(key), tables.size());
        if (fresh) tables.emplace_back();
        tables[it->second].push_back(&n);
    }
    for (const std::vector<const node*>& columns : tables) {
        const node& first = *columns.front();
        const std::vector<indicator>& rows = first.indicators;
        std::set<period_year> years;
        for (const node* c : columns)
            for (const indicator& ind : c->indicators) {
                for (const auto& kv : ind.realizations) years.insert(kv.first);
                for (const auto& kv : ind.targets) years.insert(kv.first);
            }
        const std::string across =
            columns.size() > 1 ? " in each of the table's " + std::to_string(columns.size()) + " columns" : "";
        // the columns compared for rows of the same figures: not a total column (its figures follow
        // from the others': Kolaka Timur's rooms for teachers and for the principal, 47, 74, 3 and 1
        // by condition, are both 125 in all)
        std::vector<const node*> compared;
        for (const node* c : columns)
            if (!names_a_total(c->name)) compared.push_back(c);
        for (std::size_t j = 1; j < rows.size(); ++j) {
            if (names_a_total(rows[j].name)) continue;
            for (std::size_t i = 0; i < j; ++i) {
                if (names_a_total(rows[i].name)) continue;
                const bool named = fold(rows[i].name) == fold(rows[j].name);
                std::optional<period_year> at;
                std::string figures;
                if (named) {
                    for (const period_year y : years)
                        if (!cell_text(rows[j], y).empty() || !cell_text(rows[i], y).empty()) {
                            at = y;
                            break;
                        }
                } else if (compared.size() >= 3) {
                    for (const period_year y : years) {
                        std::size_t numbers = 0, widest = 0;
                        bool same = true;
                        std::string shown;
                        for (const node* c : compared) {
                            const std::string_view a = cell_text(c->indicators[i], y),
                                                   b = cell_text(c->indicators[j], y);
                            if (a != b) {
                                same = false;
                                break;
                            }
                            const std::size_t d = digits_in(a);
                            if (d > 0) ++numbers;
                            widest = std::max(widest, d);
                            shown += (shown.empty() ? "" : ", ") + std::string(a.empty() ? "(blank)" : a);
                        }
                        if (same && numbers >= 3 && widest >= 3) {
                            at = y;
                            figures = shown;
                            break;
                        }
                    }
                    if (!at) continue;
                } else {
                    continue;
                }
                const indicator& twice = rows[j];
                const printed_value* cell = at ? row_cell(twice, *at) : nullptr;
                const std::string message =
                    named ? who(first, &twice) + ": the row \"" + twice.name + "\" is printed twice (rows " +
                                std::to_string(i + 1) + " and " + std::to_string(j + 1) + ")" + across +
                                ": a row printed twice, another missing?"
                          : who(first, &twice) + ": the rows \"" + rows[i].name + "\" and \"" + twice.name +
                                "\" print the same figures in every one of the table's " +
                                std::to_string(compared.size()) + " columns in " + year_label(*at) + " (" + figures +
                                "): a row printed twice?";
                row_finding f = make(kinerja::rule_ids::duplicate_row, first, &twice, at, message, cell);
                f.expected = "a row of its own";
                f.actual = named ? twice.name : figures;
                out.push_back(std::move(f));
                break;  // one finding for the row
            }
        }
    }
}

bool names_an_ipm(const std::string& name) {
    static const std::vector<std::string> words = {"ipm"};
    const std::string folded = fold(name);
    return (holds_word(folded, words) || folded.find("indeks pembangunan manusia") != std::string::npos) &&
           !holds_word(folded, rate_of_change_words());
}

void index_checks(const node& n, const std::vector<node_row>& rows, std::vector<row_finding>& out) {
    enum part { uhh, hls, rls, spend, parts };
    const node_row* total = nullptr;
    const node_row* of[parts] = {};
    auto set = [](const node_row*& slot, const node_row& r) {
        if (slot) return false;  // two candidates: which one is meant, the table does not say
        slot = &r;
        return true;
    };
    for (const node_row& r : rows) {
        const std::string folded = fold(r.ind->name);
        if (holds_word(folded, rate_of_change_words())) continue;
        auto word = [&folded](std::initializer_list<const char*> ws) {
            const std::vector<std::string> list(ws.begin(), ws.end());
            return holds_word(folded, list);
        };
        bool ok = true;
        if (names_an_ipm(r.ind->name))
            ok = set(total, r);
        else if (word({"uhh", "ahh"}) || folded.find("harapan hidup") != std::string::npos)
            ok = set(of[uhh], r);
        else if (word({"hls", "eys"}) || folded.find("harapan lama sekolah") != std::string::npos)
            ok = set(of[hls], r);
        else if (word({"rls", "mys"}) || (folded.find("lama sekolah") != std::string::npos && word({"rata"})))
            ok = set(of[rls], r);
        else if (word({"pengeluaran"}))
            ok = set(of[spend], r);
        if (!ok) return;
    }
    if (!total || !of[uhh] || !of[hls] || !of[rls] || !of[spend]) return;
    for (const bool targets : {true, false}) {
        const auto column = [targets](const node_row& r) -> const std::map<period_year, value>& {
            return r.column(targets);
        };
        for (const auto& [y, printed] : column(*total)) {
            if (y.is_end() || !printed.number || printed.kind != value_kind::number) continue;
            double lo[parts], hi[parts], mid[parts];
            bool all = true;
            for (int k = 0; k < parts && all; ++k) {
                const auto v = column(*of[k]).find(y);
                all = v != column(*of[k]).end() && summable(v->second);
                if (!all) break;
                mid[k] = *v->second.number;
                lo[k] = mid[k] - v->second.half_unit();
                hi[k] = mid[k] + v->second.half_unit();
            }
            if (!all) continue;
            double low = 0.0, high = 0.0, expected = 0.0;
            try {  // the IPM rises with each component: its extremes are at the components' extremes
                low = kinerja::indices::ipm(lo[uhh], lo[hls], lo[rls], lo[spend]);
                high = kinerja::indices::ipm(hi[uhh], hi[hls], hi[rls], hi[spend]);
                expected = kinerja::indices::ipm(mid[uhh], mid[hls], mid[rls], mid[spend]);
            } catch (const error&) {
                continue;  // a component outside the formula's range: no IPM of these figures
            }
            const double x = *printed.number, h = printed.half_unit();
            if (x - h <= high + 1e-9 && x + 2.0 * h >= low - 1e-9) continue;  // rounded or cut off
            const convention c = printed.written_in.value_or(convention::english);
            const double shown = to_digits(expected, printed.decimals);
            const period_year year = y;  // a structured binding is not captured in C++17 (clang)
            auto text = [&](const node_row& r) { return column(r).at(year).text; };
            row_finding f = make(kinerja::rule_ids::index_formula, n, total->ind, y,
                                 who(n, total->ind) + ": the " + (targets ? "target" : "realization") + " of " +
                                     year_label(y) + " is " + printed.text + ", but BPS's formula gives " +
                                     format_number(shown, c, printed.decimals, false) +
                                     " from the components printed beside it (UHH " + text(*of[uhh]) + ", HLS " +
                                     text(*of[hls]) + ", RLS " + text(*of[rls]) + ", pengeluaran " + text(*of[spend]) +
                                     "; " + format_number(low, c, 2, false) + " to " +
                                     format_number(high, c, 2, false) + " within their rounding)",
                                 indicator::first(targets ? total->ind->targets : total->ind->realizations, y));
            f.expected = format_number(shown, convention::english, printed.decimals, false);
            f.expected_number = shown;
            f.actual = printed.text;
            f.actual_number = printed.number;
            out.push_back(std::move(f));
        }
    }
}

bool names_the_levels_of(const std::string& rate, const std::string& level) {
    if (names_a_rate_of_change(level)) return false;
    const std::set<std::string> r = subject_words(rate);
    const std::set<std::string> l = subject_words(level);
    std::size_t shared = 0;
    for (const auto& w : r) shared += l.count(w);
    return shared >= 2 && 2 * shared >= r.size();
}

void indicator_row_checks(const node& n, const indicator& ind, const read_row& row, const unit_info* declared,
                          const rule_on& on, const check_options& options, std::vector<row_finding>& out) {
    if (on(kinerja::rule_ids::unit_change) && !declared) {
        row_units(n, ind, row.targets, ind.targets, "target", row.units, out);
        row_units(n, ind, row.realizations, ind.realizations, "realization", row.units, out);
        baseline_kind(n, ind, row, out);
    }
    if (on(kinerja::rule_ids::scale_jump)) {
        const bool percent_unit = declared && declared->kind == value_kind::percent;
        row_jumps(n, ind, row.targets, ind.targets, percent_unit, "target", options, out);
        row_jumps(n, ind, row.realizations, ind.realizations, percent_unit, "realization", options, out);
        pair_jumps(n, ind, row, percent_unit, options, out);
        if (!row.rate_of_change) {
            row_slips(n, ind, row.targets, ind.targets, percent_unit, "target", options, out);
            row_slips(n, ind, row.realizations, ind.realizations, percent_unit, "realization", options, out);
        }
    }
    if (on(kinerja::rule_ids::share_above_100) && (!declared || declared->kind == value_kind::percent) &&
        names_a_share(ind.name)) {
        const bool percent_unit = declared && declared->kind == value_kind::percent;
        row_shares(n, ind, row.targets, ind.targets, percent_unit, "target", out);
        // a coverage (cakupan) is counted against an estimated population (sasaran proyeksi):
        // real tables print realized coverages above 100% (Boyolali's 130), planned ones not
        if (!names_a_coverage(ind.name))
            row_shares(n, ind, row.realizations, ind.realizations, percent_unit, "realization", out);
    }
    if (on(kinerja::rule_ids::growth_range) && (!declared || declared->kind == value_kind::percent) &&
        names_economic_growth(ind.name)) {
        row_growth(n, ind, row.targets, ind.targets, "target", out);
        row_growth(n, ind, row.realizations, ind.realizations, "realization", out);
    }
    if (on(kinerja::rule_ids::achievement_without_realization)) achievements(n, ind, row, out);
    if (on(kinerja::rule_ids::ratio_mismatch)) {
        ratio_checks(n, ind, row, declared && declared->kind == value_kind::percent, out);
        rate_checks(n, ind, row, declared && declared->kind == value_kind::percent, out);
    }
    if (on(kinerja::rule_ids::source_conflict)) {
        // realizations and printed achievements are facts; two printings of a target may be a
        // revision (awal and perubahan: Bekasi's Tabel SK2026 beside its Tabel 6.1), not a conflict
        source_conflicts(n, ind, row.all_realizations, "realization", false, out);
        source_conflicts(n, ind, row.all_achievements, "printed achievement", true, out);
    }
}

// ------------------------------------------------------------------ budget-target

namespace {

// A printed value that is there: not a placeholder. An unreadable one counts as there (it is
// printed; unparsed-value reports it).
bool filled(const indicator& ind, const printed_value& pv, const scale_registry& scales) {
    try {
        return !read_value(ind, pv, scales).is_missing();
    } catch (const error&) {
        return true;
    }
}

// The pagu of a year: 1 when a positive amount is printed, 0 when none (no cell, a placeholder,
// or 0), -1 when it cannot be read (unparsed-value reports it; the year is not judged).
int pagu_state(const node& n, period_year y) {
    const printed_value* pv = node_pagu_cell(n, y);
    if (!pv) return 0;
    try {
        const reading v = read_money_text(*pv);
        return v->is_missing() || !v->number || *v->number == 0.0 ? 0 : 1;
    } catch (const error&) {
        return -1;
    }
}

}  // namespace

void budget_target_checks(const plan& p, const scale_registry& scales, const rule_on& on,
                          std::vector<row_finding>& out) {
    if (!on(kinerja::rule_ids::budget_target)) return;
    // The years a node is judged in: the plan's period, or, without one, every printed year.
    std::set<period_year> years;
    if (p.info.period_from > 0 && p.info.period_to >= p.info.period_from &&
        p.info.period_to - p.info.period_from < 1000) {
        for (int y = p.info.period_from; y <= p.info.period_to; ++y) years.insert(y);
    } else {
        for (const node& n : p.nodes) {
            const std::set<period_year> ys = node_pagu_years(n);
            years.insert(ys.begin(), ys.end());
            for (const indicator& ind : n.indicators)
                for (const auto& kv : ind.targets) years.insert(kv.first);
        }
        years.erase(end_of_period);
    }
    // Which tables price a level and which give it targets: some node of the level has a pagu (a
    // target) printed in that table in some year. A target is judged only where its table prices
    // the level, a pagu only where its table gives the level targets: a table that prints no pagu
    // at all for a level (Tabel SK2026 prints targets only) is not asked for one.
    std::set<std::pair<node_level, std::string>> priced, targeted;
    for (const node& n : p.nodes) {
        for (period_year y : years)
            if (pagu_state(n, y) == 1) priced.emplace(n.level, table_of(*node_pagu_cell(n, y), n.source));
        for (const indicator& ind : n.indicators)
            for (const auto& [y, vs] : ind.targets)
                if (!y.is_end() && filled(ind, vs.front(), scales))
                    targeted.emplace(n.level, table_of(vs.front(), ind.source));
    }
    for (const node& n : p.nodes) {
        // a node printed without indicator rows is not judged: the rule compares the rows a table
        // prints, and a transcription without a node's indicators says nothing about its targets
        if (n.context || n.indicators.empty()) continue;
        std::vector<period_year> pagu_only, target_only;
        const printed_value* first_pagu = nullptr;
        const printed_value* first_target = nullptr;
        bool any_pagu = false, any_target = false;
        for (period_year y : years) {
            const int pagu = pagu_state(n, y);
            if (pagu < 0) continue;
            any_pagu = any_pagu || pagu == 1;
            const printed_value* target = nullptr;
            const indicator* target_of = nullptr;
            for (const indicator& ind : n.indicators) {
                const printed_value* t = indicator::first(ind.targets, y);
                if (t && filled(ind, *t, scales)) {
                    target = t;
                    target_of = &ind;
                    break;
                }
            }
            any_target = any_target || target;
            const printed_value* pv = node_pagu_cell(n, y);
            if (pagu == 1 && !target && targeted.count({n.level, table_of(*pv, n.source)})) {
                pagu_only.push_back(y);
                if (!first_pagu) first_pagu = pv;
            } else if (pagu == 0 && target && priced.count({n.level, table_of(*target, target_of->source)})) {
                target_only.push_back(y);
                if (!first_target) first_target = target;
            }
        }
        // pagu without ANY target, targets without ANY pagu: real tables price a programme for
        // fewer years than they give it targets (an RPJMD's first year, a year not proposed), which
        // is their plan, not a defect (tests/data/real/jabar-rpjmd-2018-2023-kesbangpol.yaml)
        if (any_target) pagu_only.clear();
        if (any_pagu) target_only.clear();
        const std::string lvl(to_string(n.level));
        if (!pagu_only.empty()) {
            row_finding f = make(kinerja::rule_ids::budget_target, n, nullptr,
                                 pagu_only.size() == 1 ? std::optional<period_year>(pagu_only.front()) : std::nullopt,
                                 who(n, nullptr) + " has pagu in " + year_list(pagu_only) +
                                     " but none of its indicators has a target in " +
                                     (pagu_only.size() == 1 ? "that year" : "those years"),
                                 first_pagu);
            f.expected = "a target";
            f.actual = first_pagu ? first_pagu->text : "";
            out.push_back(std::move(f));
        }
        if (!target_only.empty()) {
            row_finding f =
                make(kinerja::rule_ids::budget_target, n, nullptr,
                     target_only.size() == 1 ? std::optional<period_year>(target_only.front()) : std::nullopt,
                     who(n, nullptr) + " has targets in " + year_list(target_only) + " but no pagu in " +
                         (target_only.size() == 1 ? "that year" : "those years") + " (the table prices the " + lvl +
                         " level elsewhere)",
                     first_target);
            f.expected = "a pagu";
            f.actual = "";
            out.push_back(std::move(f));
        }
    }
}

}  // namespace kinerja::detail
