// SPDX-License-Identifier: Apache-2.0
// A table's conventions, declared or inferred from its own rows (conventions.hpp).
#include <kinerja/conventions.hpp>

#include <kinerja/detail/enum_names.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_values.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>

namespace kinerja {

namespace {
constexpr detail::enum_name<end_column> end_names[] = {
    {end_column::sum, "sum"}, {end_column::last, "last"}, {end_column::independent, "independent"}};
constexpr detail::enum_name<indicator_pagu> pagu_names[] = {{indicator_pagu::parts, "parts"},
                                                            {indicator_pagu::repeat, "repeat"}};
}  // namespace

std::string_view to_string(end_column e) noexcept { return detail::name_of(end_names, e); }

end_column end_column_from_string(std::string_view name) {
    return detail::value_of(end_names, name, "kinerja.lookup.end_column",
                            "unknown end column meaning \"" + std::string(name) + "\"; use sum, last or independent");
}

std::string_view to_string(indicator_pagu e) noexcept { return detail::name_of(pagu_names, e); }

indicator_pagu indicator_pagu_from_string(std::string_view name) {
    return detail::value_of(pagu_names, name, "kinerja.lookup.indicator_pagu",
                            "unknown indicator pagu rule \"" + std::string(name) + "\"; use parts or repeat");
}

std::string_view to_string(convention_origin o) noexcept {
    switch (o) {
        case convention_origin::declared: return "declared";
        case convention_origin::inferred: return "inferred";
        case convention_origin::unknown: return "unknown";
    }
    return "unknown";
}

namespace {

// The share of `count` among `all` is more than the majority.
bool most(std::size_t count, std::size_t all, double majority) noexcept {
    return all > 0 && static_cast<double>(count) > majority * static_cast<double>(all);
}

// A level's convention from its nodes that print an amount (`counts.first`) and those that do not:
// carried when more than the majority share print one, not carried when more than it print
// none, else unknown.
level_pagu_convention level_by_majority(node_level level, const std::pair<std::size_t, std::size_t>& counts,
                                        double majority) {
    level_pagu_convention l;
    l.level = level;
    l.priced = counts.first;
    l.unpriced = counts.second;
    if (most(l.priced, l.priced + l.unpriced, majority))
        l.carries = true;
    else if (most(l.unpriced, l.priced + l.unpriced, majority))
        l.carries = false;
    l.origin = l.carries ? convention_origin::inferred : convention_origin::unknown;
    return l;
}

void count_end(end_column_convention& c, double sum, double last, double end, double tolerance) {
    const bool is_sum = std::fabs(end - sum) <= tolerance;
    const bool is_last = std::fabs(end - last) <= tolerance;
    if (is_sum && is_last)
        ++c.both;
    else if (is_sum)
        ++c.sum;
    else if (is_last)
        ++c.last;
    else
        ++c.neither;
}

void decide_end(end_column_convention& c, double majority) {
    const std::size_t telling = c.sum + c.last + c.neither;
    if (most(c.sum, telling, majority))
        c.value = end_column::sum;
    else if (most(c.last, telling, majority))
        c.value = end_column::last;
    // rows that are neither never make a convention: independent is only declared
    c.origin = c.value ? convention_origin::inferred : convention_origin::unknown;
}

// The convention a pagu cell's text can only be printed in: 1,234,567 / 1,234.50 (English),
// 1.234.567 / 1.234,50 (Indonesian); empty when it could be either or neither.
std::optional<convention> written_in(std::string_view text) {
    std::size_t dots = 0, commas = 0;
    char last = 0;
    for (char ch : text) {
        if (ch == '.') ++dots;
        if (ch == ',') ++commas;
        if (ch == '.' || ch == ',') last = ch;
    }
    if (dots > 0 && commas > 0) return last == ',' ? convention::indonesian : convention::english;
    if (dots >= 2) return convention::indonesian;
    if (commas >= 2) return convention::english;
    return std::nullopt;
}

}  // namespace

std::optional<bool> plan_conventions::carries_pagu(node_level level) const noexcept {
    for (const auto& l : pagu_levels)
        if (l.level == level) return l.carries;
    return std::nullopt;
}

std::optional<bool> plan_conventions::carries_realized(node_level level) const noexcept {
    for (const auto& l : realized_levels)
        if (l.level == level) return l.carries;
    return std::nullopt;
}

std::vector<std::string> plan_conventions::lines() const {
    std::vector<std::string> out;
    auto origin = [](convention_origin o, const std::string& evidence) {
        return o == convention_origin::declared ? std::string(" (declared)")
                                                : " (" + std::string(to_string(o)) + ": " + evidence + ")";
    };
    std::string yes, no, unsure;
    for (const auto& l : pagu_levels) {
        std::string& to = !l.carries ? unsure : *l.carries ? yes : no;
        to += (to.empty() ? "" : ", ") + std::string(to_string(l.level));
        if (l.origin != convention_origin::declared)
            to += " " + std::to_string(l.priced) + "/" + std::to_string(l.priced + l.unpriced);
    }
    const bool declared_levels = !pagu_levels.empty() && pagu_levels.front().origin == convention_origin::declared;
    std::string levels = "pagu on: " + (yes.empty() ? std::string("no level") : yes);
    if (!no.empty()) levels += "; not on: " + no;
    if (!unsure.empty()) levels += "; no majority on: " + unsure;
    out.push_back(levels + (declared_levels ? " (declared)" : " (nodes priced/all)"));
    // realized budget: stated where the plan prints any
    if (std::any_of(realized_levels.begin(), realized_levels.end(), [](const auto& l) { return l.priced > 0; })) {
        std::string on, off, open;
        for (const auto& l : realized_levels) {
            std::string& to = !l.carries ? open : *l.carries ? on : off;
            to += (to.empty() ? "" : ", ") + std::string(to_string(l.level)) + " " + std::to_string(l.priced) + "/" +
                  std::to_string(l.priced + l.unpriced);
        }
        std::string line = "realized budget on: " + (on.empty() ? std::string("no level") : on);
        if (!off.empty()) line += "; not on: " + off;
        if (!open.empty()) line += "; no majority on: " + open;
        out.push_back(line + (realized_follows_pagu ? " (as pagu: a table prints realisasi where it prints anggaran; "
                                                      "nodes with realized budget/all)"
                                                    : " (inferred: nodes with realized budget/all)"));
    }
    auto end_line = [&](const char* what, const end_column_convention& c) {
        const std::string value = c.value ? (*c.value == end_column::sum    ? "the sum of the years"
                                             : *c.value == end_column::last ? "the last year"
                                                                            : "independent of the years")
                                          : "no majority, not checked";
        return std::string("end column of ") + what + ": " + value +
               origin(c.origin, std::to_string(c.sum) + " rows sum, " + std::to_string(c.last) + " last year, " +
                                    std::to_string(c.neither) + " neither");
    };
    out.push_back(end_line("pagu", budget_end));
    out.push_back(end_line("targets", target_end));
    out.push_back("pagu on indicator rows: " +
                  (indicator_pagu.value ? std::string(*indicator_pagu.value == kinerja::indicator_pagu::parts
                                                          ? "parts of the node's pagu"
                                                          : "each the node's whole pagu")
                                        : std::string("no majority, the first row's stands for the node")) +
                  origin(indicator_pagu.origin, std::to_string(indicator_pagu.parts) + " nodes in parts, " +
                                                    std::to_string(indicator_pagu.repeat) + " repeated"));
    out.push_back("numbers: " + (numbers.value ? std::string(to_string(*numbers.value)) : std::string("mixed")) +
                  origin(numbers.origin, std::to_string(numbers.english) + " pagu cells English, " +
                                             std::to_string(numbers.indonesian) + " Indonesian"));
    if (!number_tables.empty()) {
        std::string tables;
        for (const table_convention& t : number_tables)
            tables += (tables.empty() ? "" : ", ") + t.table + " " + std::string(to_string(t.convention)) + " (" +
                      std::to_string(t.cells) + " cells)";
        // every table that shows one shows the same: the tables that show none are read in it too
        const bool one = std::all_of(number_tables.begin(), number_tables.end(), [&](const table_convention& t) {
            return t.convention == number_tables.front().convention;
        });
        if (one) tables += "; other tables " + std::string(to_string(number_tables.front().convention)) + " too";
        out.push_back("ambiguous numbers (3.000) read by their table's convention: " + tables);
    }
    return out;
}

std::string plan_conventions::summary() const {
    std::string s;
    for (const std::string& l : lines()) s += (s.empty() ? "" : "; ") + l;
    return s;
}

std::vector<int> detail::period_years(const plan& p, const std::set<period_year>& printed) {
    std::vector<int> years;
    if (p.info.period_from > 0 && p.info.period_to >= p.info.period_from) {
        for (int y = p.info.period_from; y <= p.info.period_to; ++y) years.push_back(y);
    } else {
        for (period_year y : printed)
            if (!y.is_end()) years.push_back(y.value());
    }
    return years;
}

std::string detail::table_of(const printed_value& pv, const std::string& owner) {
    std::string label = pv.source.empty() ? owner : pv.source;
    for (const char* cut : {" row ", " col "}) {
        const std::size_t at = label.find(cut);
        if (at != std::string::npos) label.erase(at);
    }
    return detail::fold(label);
}

std::vector<table_convention> detail::table_number_conventions(const plan& p) {
    // per table (folded label): the label as printed, cells showing English, cells showing Indonesian
    struct tally {
        std::string label;
        std::size_t english = 0, indonesian = 0;
    };
    std::map<std::string, tally> tables;
    const scale_registry scales = plan_scales(p);
    const unit_registry units = plan_units(p);
    // Cells repeat (62.00%, a table's label): each distinct text is read once and each distinct
    // label folded once (the loaders and check call this on every plan).
    std::unordered_map<std::string_view, std::optional<convention>> shown_by_text;
    std::unordered_map<std::string_view, tally*> table_by_label;
    auto count = [&](const year_values& values, const std::string& owner) {
        for (const auto& [year, cells] : values)
            for (const printed_value& pv : cells) {
                auto memo = shown_by_text.find(pv.text);
                if (memo == shown_by_text.end()) {
                    std::optional<convention> shown;
                    try {
                        shown = parse_value(pv.text, "", units, scales, std::nullopt).written_in;
                    } catch (const error&) {
                        // an ambiguous or unreadable cell shows nothing
                    }
                    memo = shown_by_text.emplace(pv.text, shown).first;
                }
                if (!memo->second) continue;
                const std::string& label = pv.source.empty() ? owner : pv.source;
                auto table = table_by_label.find(label);
                if (table == table_by_label.end()) {
                    tally& t = tables[table_of(pv, owner)];
                    if (t.label.empty()) t.label = label;
                    table = table_by_label.emplace(label, &t).first;
                }
                ++(*memo->second == convention::english ? table->second->english : table->second->indonesian);
            }
    };
    for (const std::vector<node>* list : {&p.nodes, &p.history})
        for (const node& n : *list) {
            count(n.budget, n.source);
            count(n.budget_realized, n.source);
            count(n.reported_absorption, n.source);
            for (const indicator& ind : n.indicators) {
                count(ind.targets, ind.source);
                count(ind.realizations, ind.source);
                count(ind.budget, ind.source);
                // a table prints its capaian in its own convention: Sorong's Tabel 3.1.28 prints
                // 656.143 (kg) beside the capaian 83,44, which settles the points as thousands
                count(ind.reported_achievement, ind.source);
            }
        }
    std::vector<table_convention> out;
    for (const auto& [key, t] : tables) {
        if (t.english + t.indonesian < 2 || (t.english > 0 && t.indonesian > 0)) continue;  // nothing guessed
        out.push_back(
            {t.label, t.english > 0 ? convention::english : convention::indonesian, t.english + t.indonesian});
    }
    return out;
}

void detail::learn_table_conventions(plan& p) {
    std::map<std::string, convention> learnt;
    std::set<convention> shown;
    for (const table_convention& t : table_number_conventions(p)) {
        learnt.emplace(table_of(printed_value{}, t.table), t.convention);
        shown.insert(t.convention);
    }
    // a table whose cells show nothing ("1.922" teachers and nothing else) is printed by the same
    // publisher as the document's other tables: where every table that shows a convention shows
    // the same one (Konawe Selatan's profile: "5,21" scores in Tabel 3.11.29 beside the counts of
    // Tabel 3.11.14), it stands for the tables that show none
    const std::optional<convention> document =
        shown.size() == 1 ? std::optional<convention>(*shown.begin()) : std::nullopt;
    const std::optional<convention> declared = p.conventions.numbers;
    for (std::vector<node>* list : {&p.nodes, &p.history})
        for (node& n : *list)
            for (indicator& ind : n.indicators) {
                if (declared) {
                    ind.table_convention = declared;
                    continue;
                }
                const auto it = learnt.find(table_of(printed_value{}, ind.source));
                if (it != learnt.end())
                    ind.table_convention = it->second;
                else if (document)
                    ind.table_convention = document;
            }
}

plan_conventions infer_conventions(const plan& p, const convention_options& options) {
    plan_conventions c;
    const declared_conventions& d = p.conventions;
    if (!(options.majority >= 0.5 && options.majority < 1.0))
        throw argument_error("kinerja.argument.majority",
                             "the majority of a convention is a share from 0.5 up to (not "
                             "including) 1, got " +
                                 std::to_string(options.majority));
    c.majority = d.majority.value_or(options.majority);
    const double tol = options.amount_tolerance;

    // ---- pagu on indicator rows: first, since the pagu of a node (for the end column) follows it
    if (d.indicator_pagu) {
        c.indicator_pagu.value = d.indicator_pagu;
        c.indicator_pagu.origin = convention_origin::declared;
    }
    for (const node& n : p.nodes) {
        std::set<period_year> years;
        for (const indicator& i : n.indicators)
            for (const auto& kv : i.budget) years.insert(kv.first);
        for (period_year y : years) try {
                std::vector<decimal> rows;
                for (const indicator& i : n.indicators)
                    if (auto m = detail::money_amount(indicator::first(i.budget, y))) rows.push_back(*m);
                if (rows.size() < 2) continue;  // one row tells nothing
                decimal sum;
                for (const decimal& r : rows) sum += r;
                const bool all_equal = std::all_of(rows.begin(), rows.end(), [&](const decimal& r) {
                    return std::fabs((r - rows.front()).to_double()) <= tol;
                });
                if (const auto own = detail::money_amount(indicator::first(n.budget, y))) {
                    if (std::fabs((*own - sum).to_double()) <= tol)
                        ++c.indicator_pagu.parts;
                    else if (all_equal && std::fabs((*own - rows.front()).to_double()) <= tol)
                        ++c.indicator_pagu.repeat;
                } else {
                    ++(all_equal ? c.indicator_pagu.repeat : c.indicator_pagu.parts);
                }
            } catch (const error&) {
                // a sum beyond the exact range (kinerja.argument.amount_range) tells nothing
            }
    }
    if (!d.indicator_pagu) {
        const std::size_t all = c.indicator_pagu.parts + c.indicator_pagu.repeat;
        if (most(c.indicator_pagu.parts, all, c.majority))
            c.indicator_pagu.value = indicator_pagu::parts;
        else if (most(c.indicator_pagu.repeat, all, c.majority))
            c.indicator_pagu.value = indicator_pagu::repeat;
        c.indicator_pagu.origin = c.indicator_pagu.value ? convention_origin::inferred : convention_origin::unknown;
    }
    const std::optional<indicator_pagu> rule = c.indicator_pagu.value;

    // ---- the levels that carry pagu
    std::map<node_level, std::pair<std::size_t, std::size_t>> priced;  // level -> (with, without)
    // the strategy layer (Tabel 5.1: strategi, arah_kebijakan) is never priced: it is no level of pagu
    auto strategy_layer = [](const node& n) {
        return n.level == node_level::strategi || n.level == node_level::arah_kebijakan;
    };
    for (const node& n : p.nodes) {
        if (strategy_layer(n)) continue;
        bool any = false;
        for (period_year y : node_pagu_years(n))
            for (const printed_value* v : node_pagu_cells(n, y, rule)) any = any || !detail::blank_cell(v);
        (any ? priced[n.level].first : priced[n.level].second)++;
    }
    for (const auto& [level, counts] : priced) {
        level_pagu_convention l = level_by_majority(level, counts, c.majority);
        if (d.pagu_levels) {
            l.carries = std::find(d.pagu_levels->begin(), d.pagu_levels->end(), level) != d.pagu_levels->end();
            l.origin = convention_origin::declared;
        }
        c.pagu_levels.push_back(l);
    }

    // ---- the levels that carry realized budget (realisasi anggaran): a table prints realisasi on
    // the rows it prints anggaran on (Sumatera Utara's Tabel 19: both only on sub kegiatan; Tanah
    // Datar's Tabel 3.3.97: both only on the programme), so in a plan that prints pagu each level
    // carries realized budget as it carries pagu; in a plan that prints none (a table of realisasi
    // alone) a level carries it when most of its nodes print one
    c.realized_follows_pagu = std::any_of(c.pagu_levels.begin(), c.pagu_levels.end(), [](const auto& l) {
        return l.priced > 0 || l.origin == convention_origin::declared;
    });
    std::map<node_level, std::pair<std::size_t, std::size_t>> realized;  // level -> (with, without)
    for (const node& n : p.nodes) {
        if (strategy_layer(n)) continue;
        const bool any = std::any_of(n.budget_realized.begin(), n.budget_realized.end(), [](const auto& kv) {
            return !kv.second.empty() && !detail::blank_cell(&kv.second.front());
        });
        (any ? realized[n.level].first : realized[n.level].second)++;
    }
    for (const auto& [level, counts] : realized) {
        level_pagu_convention l = level_by_majority(level, counts, c.majority);
        if (c.realized_follows_pagu) {  // as the level carries pagu, with that convention's origin
            l.carries = c.carries_pagu(level);
            l.origin = convention_origin::unknown;
            for (const auto& pl : c.pagu_levels)
                if (pl.level == level) l.origin = pl.origin;
        }
        c.realized_levels.push_back(l);
    }

    // ---- the end column of pagu: nodes, then total rows
    auto judge_end = [&](const std::set<period_year>& printed, auto&& at) {
        if (!printed.count(end_of_period)) return;
        const std::optional<decimal> end = at(end_of_period);
        if (!end) return;
        const std::vector<int> years = detail::period_years(p, printed);
        if (years.size() < 2) return;
        decimal sum;
        std::optional<decimal> last;
        for (int y : years) {
            const std::optional<decimal> v = at(y);
            if (!v) return;  // a blank or unreadable year: the row tells nothing
            sum += *v;
            last = v;
        }
        count_end(c.budget_end, sum.to_double(), last->to_double(), end->to_double(), tol);
    };
    auto judge_budget = [&](const std::set<period_year>& printed, auto&& at) {
        try {
            judge_end(printed, at);
        } catch (const error&) {
            // a sum beyond the exact range (kinerja.argument.amount_range) tells nothing
        }
    };
    for (const node& n : p.nodes)
        judge_budget(node_pagu_years(n), [&](period_year y) -> std::optional<decimal> {
            try {
                return node_pagu_exact(n, y, rule);
            } catch (const error&) {
                return std::nullopt;
            }
        });
    for (const total& t : p.totals) {
        std::set<period_year> years;
        for (const auto& kv : t.budget) years.insert(kv.first);
        judge_budget(years, [&](period_year y) { return detail::money_amount(indicator::first(t.budget, y)); });
    }
    if (d.budget_end) {
        c.budget_end.value = d.budget_end;
        c.budget_end.origin = convention_origin::declared;
    } else {
        decide_end(c.budget_end, c.majority);
    }

    // ---- the end column of targets: indicators whose targets are numbers of one kind
    const scale_registry scales = plan_scales(p);
    for (const node& n : p.nodes)
        for (const indicator& ind : n.indicators) {
            std::set<period_year> printed;
            for (const auto& kv : ind.targets) printed.insert(kv.first);
            if (!printed.count(end_of_period)) continue;
            auto at = [&](period_year y) -> std::optional<value> {
                const printed_value* v = indicator::first(ind.targets, y);
                if (detail::blank_cell(v)) return std::nullopt;
                try {
                    value x = read_value(ind, *v, scales);
                    if (x.is_missing() || !x.number) return std::nullopt;
                    return x;
                } catch (const error&) {
                    return std::nullopt;
                }
            };
            const std::optional<value> end = at(end_of_period);
            const std::vector<int> years = detail::period_years(p, printed);
            if (!end || years.size() < 2) continue;
            double sum = 0.0, last = 0.0;
            bool ok = true;
            for (int y : years) {
                const std::optional<value> v = at(y);
                if (!v || v->kind != end->kind) {
                    ok = false;
                    break;
                }
                sum += *v->number;
                last = *v->number;
            }
            if (ok) count_end(c.target_end, sum, last, *end->number, 1e-9 * std::max(1.0, std::fabs(*end->number)));
        }
    if (d.target_end) {
        c.target_end.value = d.target_end;
        c.target_end.origin = convention_origin::declared;
    } else {
        decide_end(c.target_end, c.majority);
    }

    // ---- the number convention of pagu cells
    auto count_numbers = [&](const year_values& values) {
        for (const auto& kv : values)
            for (const printed_value& v : kv.second)
                if (const auto w = written_in(v.text))
                    ++(*w == convention::english ? c.numbers.english : c.numbers.indonesian);
    };
    for (const node& n : p.nodes) {
        count_numbers(n.budget);
        for (const indicator& i : n.indicators) count_numbers(i.budget);
    }
    for (const total& t : p.totals) count_numbers(t.budget);
    if (d.numbers) {
        c.numbers.value = d.numbers;
        c.numbers.origin = convention_origin::declared;
    } else {
        const std::size_t all = c.numbers.english + c.numbers.indonesian;
        if (most(c.numbers.english, all, c.majority))
            c.numbers.value = convention::english;
        else if (most(c.numbers.indonesian, all, c.majority))
            c.numbers.value = convention::indonesian;
        c.numbers.origin = c.numbers.value ? convention_origin::inferred : convention_origin::unknown;
    }
    if (!d.numbers && options.number_tables) c.number_tables = detail::table_number_conventions(p);
    return c;
}

}  // namespace kinerja
