// SPDX-License-Identifier: Apache-2.0
// The values of a plan, each read by one rule (plan_values.hpp): pagu of a node, realization
// and achievement of an indicator, and the lookups by id with their suggestions.
#include <kinerja/plan_values.hpp>

#include <kinerja/detail/reading_memo.hpp>

#include <kinerja/conventions.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/unit_registry.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace kinerja {

scale_registry plan_scales(const plan& p) {
    scale_registry reg = default_scales();
    for (const plan_scale& s : p.scales) {
        if (reg.find(s.name)) continue;  // built-in definitions win; the plan's copy documents what was printed
        std::vector<level> levels;
        bool banded = true;
        for (const auto& l : s.levels) banded = banded && !l.min.empty() && !l.max.empty();
        for (std::size_t i = 0; i < s.levels.size(); ++i) {
            const auto& l = s.levels[i];
            level lv{l.name, l.aliases, std::nullopt};
            if (banded) {
                const double lo = parse_number(l.min, {number_context::ambiguous_policy::grouping, {}, {}, {}}).value;
                const double hi = parse_number(l.max, {number_context::ambiguous_policy::grouping, {}, {}, {}}).value;
                lv.band = band{lo, hi, true, i + 1 == s.levels.size()};  // printed "a-b" read lower-inclusive
            }
            levels.push_back(lv);
        }
        reg.add(scale(s.name, levels, "defined in the plan file (" + s.source + ")"));
    }
    return reg;
}

unit_registry plan_units(const plan& p) {
    unit_registry reg = default_units();
    for (const unit_declaration& d : p.units) reg.declare(d);
    return reg;
}

value read_value(const indicator& ind, const printed_value& v, const scale_registry& scales) {
    return read_value(ind, v, scales, default_units());
}

value read_value(const indicator& ind, const printed_value& v, const scale_registry& scales,
                 const unit_registry& units) {
    return detail::read_value_text(ind, v, scales, units, ind.convention ? ind.convention : ind.table_convention).get();
}

value read_value(const indicator& ind, const printed_value& v, const scale_registry& scales, const unit_registry& units,
                 std::optional<convention> printed_in) {
    return detail::read_value_text(ind, v, scales, units, printed_in).get();
}

namespace detail {
reading read_value_text(const indicator& ind, const printed_value& v, const scale_registry& scales,
                        const unit_registry& units, std::optional<convention> printed_in) {
    std::string_view context;
    if (!ind.scale.empty() && scales.find(ind.scale))
        context = ind.scale;
    else if (ind.unit)
        context = ind.unit->text;  // a word no registry knows is kept as the unit of a plain number
    return read_text(v.text, context, units, scales, printed_in);
}
}  // namespace detail

value read_money(const printed_value& v) { return detail::read_money_text(v).get(); }

namespace detail {
reading read_money_text(const printed_value& v) {
    return read_text(v.text, "Rupiah", default_units(), default_scales());
}

std::optional<decimal> money_amount(const printed_value* v) noexcept {
    if (blank_cell(v)) return std::nullopt;
    try {
        const reading m = read_money_text(*v);
        if (m->is_missing() || !m->number) return std::nullopt;
        if (m->exact) return m->exact;
        return decimal::from_double(*m->number);
    } catch (const error&) {
        return std::nullopt;  // an unreadable cell tells nothing
    }
}
}  // namespace detail

std::optional<value> yearly_realization(const indicator& ind, period_year year, const scale_registry& scales,
                                        const unit_registry& units) {
    if (const printed_value* r = indicator::first(ind.realizations, year)) return read_value(ind, *r, scales, units);
    if (year.is_end()) return std::nullopt;  // quarters are of calendar years
    auto q = ind.quarterly_realizations.find(year.value());
    if (q == ind.quarterly_realizations.end() || q->second.empty()) return std::nullopt;
    if (ind.aggregation == aggregation::unspecified)
        throw argument_error("kinerja.argument.aggregation",
                             "indicator \"" + ind.id + "\" has quarterly realizations for " + to_string(year) +
                                 " but no aggregation (sum, last, max or mean) to make a year of them");
    std::vector<value> quarters;
    for (const auto& [quarter, pv] : q->second) {
        value v = read_value(ind, pv, scales, units);
        if (!v.is_missing()) quarters.push_back(v);
    }
    if (quarters.empty()) return value{};
    if (ind.aggregation == aggregation::last) return quarters.back();
    value out = quarters.back();
    double acc = ind.aggregation == aggregation::max ? -HUGE_VAL : 0.0;
    // exact numbers (money, counts) stay exact through a sum and a maximum (number.hpp's decimal)
    std::optional<decimal> exact;
    bool all_exact = ind.aggregation == aggregation::sum || ind.aggregation == aggregation::max;
    for (const value& v : quarters) {
        if (!v.number || v.kind != out.kind || v.unit != out.unit)
            throw argument_error("kinerja.argument.aggregation",
                                 "the quarterly realizations of indicator \"" + ind.id + "\" in " + to_string(year) +
                                     " cannot be combined by " + std::string(to_string(ind.aggregation)) +
                                     " (they are not numbers of one kind and unit)");
        acc = ind.aggregation == aggregation::max ? std::max(acc, *v.number) : acc + *v.number;
        out.decimals = std::max(out.decimals, v.decimals);
        all_exact = all_exact && v.exact.has_value();
        if (all_exact)
            exact = !exact                                ? *v.exact
                    : ind.aggregation == aggregation::max ? std::max(*exact, *v.exact)
                                                          : *exact + *v.exact;  // amount_range past 18 digits
    }
    if (ind.aggregation == aggregation::mean) acc /= static_cast<double>(quarters.size());
    // the last quarter's exact number is not the year's: the year's is the exact sum or maximum, or none
    out.exact = all_exact ? exact : std::nullopt;
    out.number = out.exact ? out.exact->to_double() : acc;
    out.text = format_value(out);
    return out;
}

const printed_value* realization_cell(const indicator& ind, period_year year) noexcept {
    if (const printed_value* v = indicator::first(ind.realizations, year)) return v;
    if (year.is_end()) return nullptr;
    auto q = ind.quarterly_realizations.find(year.value());
    if (q != ind.quarterly_realizations.end() && !q->second.empty()) return &q->second.rbegin()->second;
    return nullptr;
}

namespace {}  // namespace

std::vector<const printed_value*> node_pagu_cells(const node& n, period_year year, std::optional<indicator_pagu> rule) {
    std::vector<const printed_value*> cells;
    detail::for_each_pagu_cell(n, year, rule, [&cells](const printed_value* v) { cells.push_back(v); });
    return cells;
}

const printed_value* node_pagu_cell(const node& n, period_year year) noexcept {
    const printed_value* own = indicator::first(n.budget, year);
    if (!detail::blank_cell(own)) return own;
    for (const indicator& i : n.indicators)
        if (const printed_value* v = indicator::first(i.budget, year); !detail::blank_cell(v)) return v;
    return own;
}

std::set<period_year> node_pagu_years(const node& n) {
    std::set<period_year> years;
    detail::for_each_pagu_year(n, [&years](period_year y) { years.insert(y); });
    return years;
}

std::optional<decimal> node_pagu_exact(const node& n, period_year year, std::optional<indicator_pagu> rule) {
    std::optional<decimal> sum;
    for (const printed_value* v : node_pagu_cells(n, year, rule)) {
        if (detail::blank_cell(v)) continue;
        const detail::reading m = detail::read_money_text(*v);
        if (m->is_missing()) continue;  // "-" in a sum of parts adds nothing
        const decimal d = m->exact ? *m->exact : decimal::from_double(*m->number).value_or(decimal());
        sum = sum ? *sum + d : d;
    }
    return sum;
}

std::optional<double> node_pagu(const node& n, period_year year, std::optional<indicator_pagu> rule) {
    const std::optional<decimal> d = node_pagu_exact(n, year, rule);
    if (!d) return std::nullopt;
    return d->to_double();
}

std::optional<double> node_pagu(const plan& p, const node& n, period_year year) {
    return node_pagu(n, year, infer_conventions(p).indicator_pagu.value);
}

namespace {

// The achievement options of an indicator of `p` (the plan's settings, the indicator's polarity),
// filling `none` with what a result without a percent says; empty when the polarity is unknown.
std::optional<achievement_options> indicator_options(const plan& p, const indicator& ind, achievement_result& none) {
    // the polarity that applies: the indicator's own, else its catalog entry's (catalog.md)
    const std::optional<polarity> own = indicator_polarity(p, ind);
    if (ind.scale.empty() && !own) {
        none.basis =
            "polarity unknown: no achievement (neither the indicator nor its catalog entry states higher, "
            "lower or a scale)";
        return std::nullopt;
    }
    achievement_options o;
    o.polarity = ind.scale.empty() ? *own : polarity::higher;  // a scale: by position or score
    if (o.polarity == polarity::lower) o.method = p.settings.lower_method;
    o.rounding = p.settings.rounding;
    none.polarity = o.polarity;
    none.method = o.resolved_method();
    return o;
}

}  // namespace

achievement_result indicator_achievement_detail(const plan& p, const indicator& ind, period_year year,
                                                const scale_registry& scales) {
    achievement_result none;
    if (!indicator_options(p, ind, none)) return none;
    const printed_value* t = indicator::first(ind.targets, year);
    if (!t) return none;
    return indicator_achievement_against(p, ind, *t, year, scales);
}

achievement_result indicator_achievement_against(const plan& p, const indicator& ind, const printed_value& target,
                                                 period_year year, const scale_registry& scales) {
    achievement_result none;
    const std::optional<achievement_options> o = indicator_options(p, ind, none);
    if (!o) return none;
    const unit_registry units = p.units.empty() ? unit_registry() : plan_units(p);
    const unit_registry& reading = p.units.empty() ? default_units() : units;
    const value tv = read_value(ind, target, scales, reading);
    const std::optional<value> rv = yearly_realization(ind, year, scales, reading);
    if (!rv || tv.is_missing() || rv->is_missing()) return none;
    return achievement(tv, *rv, *o, scales);
}

achievement_result indicator_achievement_detail(const plan& p, const indicator& ind, period_year year) {
    return indicator_achievement_detail(p, ind, year, plan_scales(p));
}

std::optional<double> indicator_achievement(const plan& p, const indicator& ind, period_year year,
                                            const scale_registry& scales) {
    try {
        return indicator_achievement_detail(p, ind, year, scales).percent;
    } catch (const error&) {
        return std::nullopt;
    }
}

std::optional<double> indicator_achievement(const plan& p, const indicator& ind, period_year year) {
    return indicator_achievement(p, ind, year, plan_scales(p));
}

std::optional<double> indicator_achievement(const plan& p, std::string_view indicator_id, period_year year) {
    return indicator_achievement(p, require_indicator(p, indicator_id), year);
}

// ----------------------------------------------------------------------------- lookups

namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = detail::lower_ascii(c);
    return out;
}

// Names longer than this are compared by their first this-many bytes (bounded work for hostile ids).
constexpr std::size_t compared_bytes = 200;

[[noreturn]] void not_found(const char* id, const char* what, std::string_view name,
                            const std::vector<std::string>& known) {
    // the ids most alike; when none is alike, still the nearest three, so that the message shows
    // what the ids of this plan look like
    std::vector<std::string> near = nearest_names(name, known);
    if (near.empty()) near = nearest_names(name, known, 3, false);
    std::string message = "the plan has no " + std::string(what) + " \"" + std::string(name) + "\"";
    if (!near.empty()) {
        message += " (nearest: ";
        for (std::size_t k = 0; k < near.size(); ++k) message += (k ? ", \"" : "\"") + near[k] + "\"";
        message += ")";
    } else if (known.empty()) {
        message += " (it has no " + std::string(what) + "s)";
    }
    throw lookup_error(id, std::string(name), message);
}

}  // namespace

std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& candidates,
                                       std::size_t count, bool alike_only) {
    const std::string key = lower(name.substr(0, compared_bytes));
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> scored;  // distance, -prefix, index
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const std::string c = lower(std::string_view(candidates[k]).substr(0, compared_bytes));
        std::size_t prefix = 0;
        while (prefix < c.size() && prefix < key.size() && c[prefix] == key[prefix]) ++prefix;
        const std::size_t d = edit_distance(key, c);
        if (alike_only && d * 2 > std::max(key.size(), c.size()) && prefix < 3) continue;  // nothing alike
        scored.emplace_back(d, compared_bytes - prefix, k);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (std::size_t k = 0; k < scored.size() && out.size() < count; ++k) {
        const std::string& c = candidates[std::get<2>(scored[k])];
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
    return out;
}

const node& require_node(const plan& p, std::string_view id) {
    if (const node* n = p.find_node(id)) return *n;
    std::vector<std::string> known;
    for (const auto* list : {&p.nodes, &p.history})
        for (const node& n : *list) known.push_back(n.id);
    not_found("kinerja.lookup.node", "node", id, known);
}

const indicator& require_indicator(const plan& p, std::string_view id) {
    if (const indicator* i = p.find_indicator(id).second) return *i;
    std::vector<std::string> known;
    for (const auto* list : {&p.nodes, &p.history})
        for (const node& n : *list)
            for (const indicator& i : n.indicators) known.push_back(i.id);
    not_found("kinerja.lookup.indicator", "indicator", id, known);
}

}  // namespace kinerja
