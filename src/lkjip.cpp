// SPDX-License-Identifier: Apache-2.0
#include <kinerja/lkjip.hpp>

#include <kinerja/achievement.hpp>
#include <kinerja/conventions.hpp>
#include <kinerja/error.hpp>
#include <kinerja/number.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/rollup.hpp>

#include <map>
#include <string>
#include <tuple>
#include <utility>

namespace kinerja {

namespace {

const rounding_rule two_decimals{rounding::half_up, 2};

std::string number_text(double x) { return format_number(x, convention::english, 2, true); }

// The printed realization of a year: the yearly cell, else the quarters ("TW1 a; TW2 b").
std::string printed_realization(const indicator& ind, int year) {
    if (const printed_value* v = indicator::first(ind.realizations, year)) return v->text;
    const auto q = ind.quarterly_realizations.find(year);
    if (q == ind.quarterly_realizations.end()) return {};
    std::string out;
    for (const auto& kv : q->second)
        out += (out.empty() ? "TW" : "; TW") + std::to_string(kv.first) + " " + kv.second.text;
    return out;
}

bool prints_something(const indicator& ind, int year) {
    return indicator::first(ind.targets, year) || indicator::first(ind.realizations, year) ||
           ind.quarterly_realizations.count(year) > 0;
}

struct reader {
    const plan& p;
    scale_registry scales;
    unit_registry units;

    explicit reader(const plan& pl)
        : p(pl), scales(plan_scales(pl)), units(pl.units.empty() ? default_units() : plan_units(pl)) {}

    std::optional<double> number(const indicator& ind, const printed_value* v) const {
        if (!v) return std::nullopt;
        try {
            return read_value(ind, *v, scales, units).number;
        } catch (const error&) {
            return std::nullopt;
        }
    }

    std::optional<double> realization_number(const indicator& ind, int year) const {
        try {
            const std::optional<value> v = yearly_realization(ind, year, scales, units);
            return v ? v->number : std::nullopt;
        } catch (const error&) {
            return std::nullopt;
        }
    }

    // The capaian of a year with its basis (what was compared, or why there is none).
    std::pair<std::optional<double>, std::string> achievement_of(const indicator& ind, int year) const {
        try {
            const achievement_result r = indicator_achievement_detail(p, ind, year, scales);
            if (r.percent) return {r.percent, r.basis};
            if (!r.basis.empty()) return {std::nullopt, r.basis};
            return {std::nullopt, "no achievement: the target or the realization of " + std::to_string(year) +
                                      " is not printed or reads as missing"};
        } catch (const error& e) {
            return {std::nullopt, std::string("no achievement: ") + e.what()};
        }
    }

    std::string polarity_text(const indicator& ind) const {
        if (!ind.scale.empty()) return "scale:" + ind.scale;
        const std::optional<polarity> own = indicator_polarity(p, ind);
        return own ? std::string(to_string(*own)) : std::string();
    }

    lkjip_indicator_row indicator_row(const char* part, const node& n, const indicator& ind, int year,
                                      const std::vector<int>& previous) const {
        lkjip_indicator_row r;
        r.part = part;
        r.node_id = n.id;
        r.node = n.code ? n.code->text : n.id;
        r.node_name = n.name;
        r.indicator_id = ind.id;
        r.indicator_name = ind.name;
        r.unit = ind.unit_text();
        r.polarity = polarity_text(ind);
        const printed_value* t = indicator::first(ind.targets, year);
        r.target = t ? t->text : std::string();
        r.target_number = number(ind, t);
        r.realization = printed_realization(ind, year);
        r.realization_number = realization_number(ind, year);
        std::string basis;
        std::tie(r.achievement, basis) = achievement_of(ind, year);
        r.achievement_basis = "realization " + std::to_string(year) + " \"" + r.realization + "\" against target \"" +
                              r.target + "\": " + basis;
        if (r.achievement) r.category = category(*r.achievement);
        for (int y : previous) {
            lkjip_previous prev;
            prev.year = y;
            prev.realization = printed_realization(ind, y);
            prev.realization_number = realization_number(ind, y);
            prev.achievement = achievement_of(ind, y).first;
            r.previous.push_back(std::move(prev));
        }
        // the end target: the end column, else the target of the last year of the period
        const int last = n.period ? n.period->second : p.info.period_to;
        const printed_value* end = indicator::first(ind.targets, end_of_period);
        std::string where = "the end-of-period column";
        if (!end) {
            end = indicator::first(ind.targets, last);
            r.end_year = last;
            where = "the target of " + std::to_string(last) + ", the last year of the period";
        }
        if (!end) {
            r.progress_basis = "no end target: neither the end-of-period column nor " + std::to_string(last) +
                               " (the last year of the period) prints a target";
            return r;
        }
        r.end_target = end->text;
        r.end_target_number = number(ind, end);
        const std::string head =
            "realization " + std::to_string(year) + " against the end target \"" + end->text + "\" (" + where + ")";
        try {
            const achievement_result a = indicator_achievement_against(p, ind, *end, year, scales);
            r.progress = a.percent;
            r.progress_basis =
                a.percent ? head + ": " + a.basis
                          : head + ": none (" +
                                (a.basis.empty() ? "a value is not printed or reads as missing" : a.basis) + ")";
        } catch (const error& e) {
            r.progress_basis = head + ": none (" + e.what() + ")";
        }
        return r;
    }
};

std::string money_text(const std::vector<const printed_value*>& cells) {
    std::string out;
    for (const printed_value* c : cells) {
        if (c->text.empty()) continue;
        out += (out.empty() ? "" : " + ") + c->text;
    }
    return out;
}

std::optional<double> money_number(const printed_value* v) {
    if (!v || v->text.empty()) return std::nullopt;
    try {
        const value m = read_money(*v);
        return m.is_missing() ? std::nullopt : m.number;
    } catch (const error&) {
        return std::nullopt;
    }
}

std::string years_text(const std::set<int>& years) {
    std::string out;
    auto it = years.begin();
    while (it != years.end()) {
        const int from = *it;
        int to = from;
        auto next = std::next(it);
        while (next != years.end() && *next == to + 1) {
            to = *next;
            ++next;
        }
        out += (out.empty() ? "" : ", ") + std::to_string(from) + (to > from ? "-" + std::to_string(to) : "");
        it = next;
    }
    return out;
}

template <typename F>
void each_node(const plan& p, F&& f) {
    for (const node& n : p.nodes) f("plan", n);
    for (const node& n : p.history) f("history", n);
}

}  // namespace

std::set<int> lkjip_years(const plan& p) {
    std::set<int> years;
    each_node(p, [&](const char*, const node& n) {
        if (n.level == node_level::sasaran) {
            for (const indicator& ind : n.indicators) {
                for (const auto* values : {&ind.targets, &ind.realizations})
                    for (const auto& kv : *values)
                        if (!kv.first.is_end() && !kv.second.empty()) years.insert(kv.first.value());
                for (const auto& kv : ind.quarterly_realizations) years.insert(kv.first);
            }
        }
        if (n.level == node_level::program) {
            for (period_year y : node_pagu_years(n))
                if (!y.is_end() && money_number(node_pagu_cell(n, y))) years.insert(y.value());
            for (const auto& kv : n.budget_realized)
                if (!kv.first.is_end() && money_number(indicator::first(n.budget_realized, kv.first)))
                    years.insert(kv.first.value());
        }
    });
    return years;
}

lkjip_report lkjip_tables(const plan& p, int year, const lkjip_options& options) {
    if (options.previous_years < 0)
        throw argument_error("kinerja.argument.lkjip_options",
                             "previous_years must be 0 or more, got " + std::to_string(options.previous_years));
    const std::set<int> years = lkjip_years(p);
    if (!years.count(year))
        throw argument_error("kinerja.argument.lkjip_year",
                             "the plan prints no target or realization of a sasaran indicator and no programme pagu "
                             "or realized budget for " +
                                 std::to_string(year) +
                                 "; years it can report: " + (years.empty() ? std::string("none") : years_text(years)));
    lkjip_report out;
    out.year = year;
    for (int k = options.previous_years; k >= 1; --k) out.previous_years.push_back(year - k);
    const reader rd(p);
    each_node(p, [&](const char* part, const node& n) {
        if (n.level != node_level::sasaran) return;
        for (const indicator& ind : n.indicators)
            if (prints_something(ind, year))
                out.indicators.push_back(rd.indicator_row(part, n, ind, year, out.previous_years));
    });

    // the programmes' capaian: the roll-up of the year (mean), history nodes included
    std::map<std::string, std::pair<std::optional<double>, std::string>> capaian;
    for (const rollup_entry& e : rollup_plan(p, rollup_options{}.with_years({year}).with_include_history(true)))
        if (e.year == year && e.level == node_level::program) capaian[e.node_id] = {e.rolled, e.basis};
    const std::optional<indicator_pagu> rule = infer_conventions(p).indicator_pagu.value;
    each_node(p, [&](const char* part, const node& n) {
        if (n.level != node_level::program) return;
        lkjip_programme_row r;
        const std::vector<const printed_value*> cells = node_pagu_cells(n, year, rule);
        r.pagu = money_text(cells);
        try {
            if (!r.pagu.empty()) {
                const std::optional<decimal> d = node_pagu_exact(n, year, rule);
                if (d) r.pagu_number = d->to_double();
            }
        } catch (const error&) {
            r.pagu_number = std::nullopt;  // an unreadable amount: check's rules report it
        }
        const printed_value* realized = indicator::first(n.budget_realized, year);
        r.realized = realized ? realized->text : std::string();
        r.realized_number = money_number(realized);
        if (!r.pagu_number && !r.realized_number) return;
        r.part = part;
        r.node_id = n.id;
        r.node = n.code ? n.code->text : n.id;
        r.node_name = n.name;
        if (r.pagu_number && *r.pagu_number > 0.0 && r.realized_number && *r.realized_number >= 0.0)
            r.absorption = absorption(*r.pagu_number, *r.realized_number, two_decimals);
        const auto c = capaian.find(n.id);
        if (c != capaian.end() && c->second.first) {
            r.achievement = c->second.first;
            r.achievement_basis = "roll-up of " + std::to_string(year) + " (mean): " + c->second.second;
        } else {
            r.achievement_basis =
                "no capaian: neither the programme nor its activities have an indicator with an "
                "achievement in " +
                std::to_string(year);
        }
        if (!r.absorption) {
            r.efficiency_basis = "no efficiency: no absorption (the pagu or the realized amount is not printed)";
        } else if (!r.achievement) {
            r.efficiency_basis = "no efficiency: the programme has no capaian in " + std::to_string(year);
        } else if (*r.achievement <= 0.0) {
            r.efficiency_basis = "no efficiency: the capaian is 0";
        } else {
            r.efficiency = two_decimals.apply((1.0 - *r.absorption / *r.achievement) * 100.0);
            r.efficiency_basis = "(1 - absorption " + number_text(*r.absorption) + " / capaian " +
                                 number_text(*r.achievement) + ") x 100";
        }
        out.programmes.push_back(std::move(r));
    });
    return out;
}

}  // namespace kinerja
