// SPDX-License-Identifier: Apache-2.0
#include <kinerja/rollup.hpp>

#include <kinerja/achievement.hpp>
#include <kinerja/check.hpp>
#include <kinerja/conventions.hpp>
#include <kinerja/detail/plan_index.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/value.hpp>

#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>

namespace kinerja {

std::string_view to_string(rollup_method m) noexcept {
    switch (m) {
        case rollup_method::mean: return "mean";
        case rollup_method::budget_weighted: return "budget_weighted";
        case rollup_method::ratio_of_sums: return "ratio_of_sums";
    }
    return "mean";
}

rollup_method rollup_method_from_string(std::string_view name) {
    const std::string k = detail::fold(name);
    if (k == "mean" || k == "average") return rollup_method::mean;
    if (k == "budget_weighted" || k == "budget-weighted" || k == "budget") return rollup_method::budget_weighted;
    if (k == "ratio_of_sums" || k == "ratio-of-sums" || k == "ratio") return rollup_method::ratio_of_sums;
    throw lookup_error(
        "kinerja.lookup.rollup_method", std::string(name),
        "unknown roll-up method \"" + std::string(name) + "\"; use mean, budget_weighted or ratio_of_sums");
}

namespace {

struct pooled {
    double expected = 0.0;  // sum of target rate x denominator / factor
    double actual = 0.0;    // sum of realized numerators
    bool any = false;
    std::optional<polarity> pol;
    bool mixed = false;
};

// Entries are computed bottom-up without recursion: an explicit stack walks each node's subtree
// (a chain of 100,000 levels needs no call stack), children before their parent, and a child
// that is already on the stack closes a cycle of parent links, which is an error.
struct roller {
    const plan& p;
    const rollup_options& options;
    scale_registry scales;
    detail::plan_index index;
    using key_type = std::pair<std::string_view, int>;  // node id (the plan outlives the roller), year
    std::map<key_type, rollup_entry> memo;
    std::map<key_type, pooled> pools;
    // the plan's rule for pagu on indicator rows (conventions.hpp), found once
    std::optional<indicator_pagu> pagu_rule = infer_conventions(p).indicator_pagu.value;

    std::optional<double> indicator_achievement(const indicator& ind, int year) const {
        return kinerja::indicator_achievement(p, ind, year, scales);  // plan_values.hpp: the one rule
    }

    // Counts of one indicator for the ratio of sums.
    std::optional<std::pair<double, double>> counts(const indicator& ind, int year) const {
        const printed_value* num = indicator::first(ind.numerators, year);
        const printed_value* den = indicator::first(ind.denominators, year);
        const printed_value* t = indicator::first(ind.targets, year);
        if (!num || !den || !t || !ind.scale.empty() || !indicator_polarity(p, ind)) return std::nullopt;
        try {
            const number_context counts_ctx{number_context::ambiguous_policy::grouping, std::nullopt, std::nullopt,
                                            ind.convention};
            const double n = parse_number(num->text, counts_ctx).value;
            const double d = parse_number(den->text, counts_ctx).value;
            const value tv = read_value(ind, *t, scales);
            if (!tv.number || d <= 0.0) return std::nullopt;
            double factor = 1.0;  // rate = numerator / denominator x factor
            if (tv.kind == value_kind::percent)
                factor = 100.0;
            else if (tv.per)
                factor = *tv.per;
            else if (const unit_info* u = ind.unit ? default_units().find(ind.unit->text) : nullptr;
                     u && u->factor != 0.0)
                factor = 1.0 / u->factor;
            return std::make_pair(*tv.number * d / factor, n);
        } catch (const error&) {
            return std::nullopt;
        }
    }

    // The counts pooled over a node's subtree; its children's pools are computed.
    pooled pool(const node& n, int year) {
        pooled out;
        auto add = [&](double e, double a, std::optional<polarity> pol) {
            out.expected += e;
            out.actual += a;
            if (out.any && out.pol != pol) out.mixed = true;
            out.pol = pol;
            out.any = true;
        };
        for (const indicator& ind : n.indicators)
            if (auto c = counts(ind, year)) add(c->first, c->second, indicator_polarity(p, ind));
        for (const node* c : index.children(n.id)) {
            const pooled& sub = pools.at({c->id, year});
            if (!sub.any) continue;
            add(sub.expected, sub.actual, sub.pol);
            out.mixed = out.mixed || sub.mixed;
        }
        return pools[{n.id, year}] = out;
    }

    static std::string node_key(const node& n) { return n.code_text().empty() ? n.id : n.code_text(); }

    // The entry of a node in a year, with those of its whole subtree.
    const rollup_entry& entry(const node& top, int year) {
        if (auto it = memo.find({top.id, year}); it != memo.end()) return it->second;
        struct frame {
            const node* n;
            std::size_t next;  // the next child to visit
        };
        std::vector<frame> stack{{&top, 0}};
        std::unordered_map<std::string_view, std::size_t> on_stack{{top.id, 0}};  // id -> place on the stack
        while (!stack.empty()) {
            const node* n = stack.back().n;
            const std::vector<const node*>& kids = index.children(n->id);
            if (stack.back().next < kids.size()) {
                const node* c = kids[stack.back().next++];
                if (memo.count({c->id, year})) continue;
                if (auto at = on_stack.find(c->id); at != on_stack.end()) {
                    std::vector<const node*> cycle{c};  // c, its parent, ... back to c's id
                    for (std::size_t k = stack.size(); k-- > at->second;) cycle.push_back(stack[k].n);
                    detail::throw_parent_cycle(cycle);
                }
                on_stack.emplace(c->id, stack.size());
                stack.push_back({c, 0});
                continue;
            }
            compute(*n, year);
            on_stack.erase(n->id);
            stack.pop_back();
        }
        return memo.at({top.id, year});
    }

    // The entry of a node whose children's entries (and pools) are computed.
    void compute(const node& n, int year) {
        rollup_entry e;
        e.node_id = n.id;
        e.node = node_key(n);
        e.name = n.name;
        e.level = n.level;
        e.year = year;
        e.method = options.method;
        double sum = 0.0;
        for (const indicator& ind : n.indicators) {
            if (auto a = indicator_achievement(ind, year)) {
                sum += *a;
                ++e.indicators;
            } else {
                ++e.skipped;
            }
        }
        if (e.indicators) e.own = sum / static_cast<double>(e.indicators);

        std::vector<std::pair<const node*, double>> kids;  // child, rolled
        for (const node* c : index.children(n.id)) {
            const rollup_entry& ce = memo.at({c->id, year});
            if (ce.rolled) kids.emplace_back(c, *ce.rolled);
        }
        const pooled pl = options.method == rollup_method::ratio_of_sums ? pool(n, year) : pooled{};
        e.children = kids.size();
        if (kids.empty()) {
            e.rolled = e.own;
            e.basis = e.own ? "own indicators (no children with an achievement)" : "no achievement";
        } else if (options.method == rollup_method::budget_weighted) {
            double wsum = 0.0, total = 0.0;
            std::size_t without = 0;
            for (const auto& [c, v] : kids) {
                std::optional<double> w;
                try {
                    if (const std::optional<double> b = node_pagu(*c, year, pagu_rule); b && *b > 0.0) w = b;
                } catch (const error&) {  // an unreadable pagu weighs nothing (check_plan reports it)
                }
                if (!w) {
                    ++without;
                    continue;
                }
                wsum += *w * v;
                total += *w;
            }
            if (total > 0.0) {
                e.rolled = wsum / total;
                e.basis = "children weighted by pagu " + std::to_string(year);
                if (without) e.basis += " (" + std::to_string(without) + " without pagu left out)";
            } else {
                e.rolled = mean_of(kids);
                e.basis = "mean of children (none has pagu " + std::to_string(year) + ")";
            }
        } else if (options.method == rollup_method::ratio_of_sums) {
            if (pl.any && !pl.mixed && pl.expected > 0.0) {
                achievement_options o;
                o.polarity = pl.pol.value_or(polarity::higher);
                if (o.polarity == polarity::lower) o.method = p.settings.lower_method;
                try {
                    e.rolled = achievement(pl.expected, pl.actual, o);
                    e.basis = "sum of realized numerators over the numerators the targets imply, across the subtree";
                } catch (const error&) {
                    e.rolled = mean_of(kids);
                    e.basis = "mean of children (the pooled counts give no defined achievement)";
                }
            } else {
                e.rolled = mean_of(kids);
                e.basis = pl.mixed ? "mean of children (counts of both polarities cannot be pooled)"
                                   : "mean of children (no numerators and denominators to pool)";
            }
        } else {
            e.rolled = mean_of(kids);
            e.basis = "mean of " + std::to_string(kids.size()) + " children";
        }
        memo[{n.id, year}] = std::move(e);
    }

    static double mean_of(const std::vector<std::pair<const node*, double>>& kids) {
        double s = 0.0;
        for (const auto& kv : kids) s += kv.second;
        return s / static_cast<double>(kids.size());
    }
};

}  // namespace

std::vector<rollup_entry> rollup_plan(const plan& p, const rollup_options& options) {
    roller r{p, options, plan_scales(p), detail::plan_index(p), {}, {}};
    std::vector<int> years = options.years;
    if (years.empty())
        for (int y = p.info.period_from; y <= p.info.period_to; ++y) years.push_back(y);
    std::vector<rollup_entry> out;
    for (const node& n : p.nodes)
        for (int y : years) out.push_back(r.entry(n, y));
    if (options.include_history) {
        for (const node& n : p.history) {
            std::set<int> hyears;
            for (const indicator& i : n.indicators)
                for (const auto& kv : i.targets)
                    if (!kv.first.is_end()) hyears.insert(kv.first.value());
            for (int y : hyears) out.push_back(r.entry(n, y));
        }
    }
    return out;
}

}  // namespace kinerja
