// SPDX-License-Identifier: Apache-2.0
// The budget rules that stand on their own (detail/check_budget.hpp): budget-end and
// budget-indicator-rows.
#include <kinerja/detail/check_budget.hpp>

#include <kinerja/detail/number_text.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_values.hpp>

#include <cmath>
#include <vector>

namespace kinerja::detail {

namespace {

std::string who(const node& n) {
    return std::string(to_string(n.level)) + " " + (n.code_text().empty() ? n.id : n.code_text());
}

std::string evidence(const end_column_convention& e) {
    if (e.origin == convention_origin::declared) return "declared in the plan's conventions";
    return "inferred: " + std::to_string(e.sum) + " rows print the sum, " + std::to_string(e.last) +
           " the last year, " + std::to_string(e.neither) + " neither";
}

}  // namespace

void check_budget_end(const plan& p, const plan_conventions& c, double tolerance, const budget_finding_sink& add) {
    const std::optional<end_column> rule = c.budget_end.value;
    if (rule == end_column::independent) return;
    auto judge = [&](const node* n, const std::string& subject, const std::set<period_year>& printed,
                     const printed_value* cell, auto&& at) -> finding* {
        if (!printed.count(end_of_period)) return nullptr;
        const std::optional<decimal> end = at(end_of_period);
        if (!end) return nullptr;
        const std::vector<int> years = period_years(p, printed);
        if (years.size() < 2) return nullptr;
        decimal sum;
        std::optional<decimal> last;
        std::string parts;
        for (int y : years) {
            const std::optional<decimal> v = at(y);
            if (!v) return nullptr;  // a blank or unreadable year: budget-incomplete / unparsed-value
            sum += *v;
            last = v;
            parts += (parts.empty() ? "" : " + ") + show_exact(*v);
        }
        const bool is_sum = std::fabs((*end - sum).to_double()) <= tolerance;
        const bool is_last = std::fabs((*end - *last).to_double()) <= tolerance;
        const std::string span = std::to_string(years.front()) + "–" + std::to_string(years.back());
        std::string message;
        decimal expected;
        if (rule == end_column::sum && !is_sum) {
            expected = sum;
            message = subject + ": pagu in the end column is " + show_exact(*end) + " but the sum of its years " +
                      span + " is " + show_exact(sum) + " (" + parts + "), a difference of " + show_exact(*end - sum) +
                      "; the plan's end column is the sum of the years (" + evidence(c.budget_end) + ")";
        } else if (rule == end_column::last && !is_last) {
            expected = *last;
            message = subject + ": pagu in the end column is " + show_exact(*end) + " but its last year (" +
                      std::to_string(years.back()) + ") is " + show_exact(*last) + ", a difference of " +
                      show_exact(*end - *last) + "; the plan's end column is the last year (" + evidence(c.budget_end) +
                      ")";
        } else if (!rule && !is_sum && !is_last) {
            expected = sum;
            message = subject + ": pagu in the end column is " + show_exact(*end) + ", neither the sum of its years " +
                      span + " (" + show_exact(sum) + ") nor its last year (" + show_exact(*last) +
                      "); the plan's end column follows no majority (" + evidence(c.budget_end) + ")";
        } else {
            return nullptr;
        }
        finding& f = add(kinerja::rule_ids::budget_end, n, end_of_period, message, cell ? cell->location : location{},
                         cell ? cell->source : std::string());
        f.expected = show_exact(expected);
        f.expected_number = expected.to_double();
        f.actual = cell ? cell->text : show_exact(*end);
        f.actual_number = end->to_double();
        return &f;
    };
    const std::optional<indicator_pagu> pagu_rule = c.indicator_pagu.value;
    for (const node& n : p.nodes) {
        const printed_value* cell = node_pagu_cell(n, end_of_period);
        try {
            judge(&n, who(n), node_pagu_years(n), cell, [&](period_year y) -> std::optional<decimal> {
                try {
                    return node_pagu_exact(n, y, pagu_rule);
                } catch (const error&) {
                    return std::nullopt;
                }
            });
        } catch (const error&) {  // a sum beyond the exact range (kinerja.argument.amount_range): not judged
        }
    }
    for (const total& t : p.totals) {
        std::set<period_year> printed;
        for (const auto& kv : t.budget) printed.insert(kv.first);
        finding* f = nullptr;
        try {
            f = judge(nullptr, "total \"" + t.name + "\"", printed, indicator::first(t.budget, end_of_period),
                      [&](period_year y) { return money_amount(indicator::first(t.budget, y)); });
        } catch (const error&) {  // a sum beyond the exact range: not judged
        }
        if (f) {
            f->node = t.id;
            f->node_id = t.id;
            if (f->source.empty()) f->source = t.source;
        }
    }
}

void check_indicator_rows(const plan& p, const plan_conventions& c, double tolerance, const budget_finding_sink& add) {
    const std::optional<indicator_pagu> rule = c.indicator_pagu.value;
    if (!rule) return;  // no majority: nothing is guessed
    const std::string why = c.indicator_pagu.origin == convention_origin::declared
                                ? std::string("declared in the plan's conventions")
                                : "inferred: " + std::to_string(c.indicator_pagu.parts) + " nodes in parts, " +
                                      std::to_string(c.indicator_pagu.repeat) + " repeated";
    for (const node& n : p.nodes) {
        std::set<period_year> years;
        for (const indicator& i : n.indicators)
            for (const auto& kv : i.budget) years.insert(kv.first);
        for (period_year y : years) {
            std::vector<std::pair<const indicator*, decimal>> rows;
            for (const indicator& i : n.indicators)
                if (auto m = money_amount(indicator::first(i.budget, y))) rows.emplace_back(&i, *m);
            if (rows.empty()) continue;
            const printed_value* own_cell = indicator::first(n.budget, y);
            const std::optional<decimal> own = money_amount(own_cell);
            const std::string label = y.is_end() ? "the end column" : to_string(y);
            if (*rule == indicator_pagu::repeat) {
                // each row is the whole: the node's own pagu, or else the first row's
                const decimal whole = own ? *own : rows.front().second;
                for (std::size_t k = own ? 0 : 1; k < rows.size(); ++k) {
                    const auto& [ind, amount] = rows[k];
                    if (std::fabs((amount - whole).to_double()) <= tolerance) continue;
                    const printed_value* cell = indicator::first(ind->budget, y);
                    finding& f = add(
                        kinerja::rule_ids::budget_indicator_rows, &n, y,
                        who(n) + ", indicator \"" + ind->name + "\": pagu in " + label + " is " + show_exact(amount) +
                            " but " + (own ? "the node's own row prints " : "its first indicator row prints ") +
                            show_exact(whole) + "; the plan's indicator rows each repeat the node's pagu (" + why + ")",
                        cell->location, cell->source);
                    f.indicator = ind->id;
                    f.indicator_name = ind->name;
                    f.expected = show_exact(whole);
                    f.expected_number = whole.to_double();
                    f.actual = cell->text;
                    f.actual_number = amount.to_double();
                }
            } else if (own) {
                // parts: the node's own pagu is the sum of its indicator rows'
                decimal sum;
                std::string parts;
                try {
                    for (const auto& r : rows) {
                        sum += r.second;
                        parts += (parts.empty() ? "" : " + ") + show_exact(r.second);
                    }
                } catch (const error&) {  // a sum beyond the exact range: not judged
                    continue;
                }
                if (std::fabs((*own - sum).to_double()) <= tolerance) continue;
                finding& f =
                    add(kinerja::rule_ids::budget_indicator_rows, &n, y,
                        who(n) + ": pagu in " + label + " is " + show_exact(*own) + " but its indicator rows sum to " +
                            show_exact(sum) + " (" + parts + "), a difference of " + show_exact(*own - sum) +
                            "; the plan's indicator rows print parts of the node's pagu (" + why + ")",
                        own_cell->location, own_cell->source);
                f.expected = show_exact(sum);
                f.expected_number = sum.to_double();
                f.actual = own_cell->text;
                f.actual_number = own->to_double();
            }
        }
    }
}

}  // namespace kinerja::detail
