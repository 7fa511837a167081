// SPDX-License-Identifier: Apache-2.0
#include <kinerja/check.hpp>

#include <kinerja/audit.hpp>
#include <kinerja/catalog.hpp>
#include <kinerja/detail/number_text.hpp>
#include <kinerja/detail/plan_index.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace kinerja {

std::string_view to_string(severity s) noexcept {
    switch (s) {
        case severity::info: return "info";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "warning";
}

const std::vector<rule_info>& check_rules() {
    static const std::vector<rule_info> rules = {
        {"budget-rollup", severity::error,
         "a parent's pagu or realized budget differs from the sum of its children's in a year; a total row differs "
         "from the sum of what it totals"},
        {"budget-missing", severity::warning, "children have pagu in a year and the parent has none, or the reverse"},
        {"reported-achievement", severity::error,
         "a printed achievement does not follow from its target and realization under the indicator's polarity"},
        {"reported-absorption", severity::warning,
         "a printed absorption ratio does not follow from budget and realized budget"},
        {"code-hierarchy", severity::error, "a child's code does not extend its parent's"},
        {"duplicate-code", severity::error, "two nodes carry the same code"},
        {"orphan", severity::warning,
         "an objective without indicators or without programmes; a programme (or activity) linked to nothing above it"},
        {"unit-change", severity::warning,
         "an indicator's unit differs between versions, or a printed value's unit differs from the indicator's"},
        {"target-direction", severity::warning, "yearly targets move against the polarity"},
        {"unparsed-value", severity::warning, "a printed value that cannot be read"},
        {"grade-score", severity::warning, "a grade whose score lies in another grade's band"},
        {"catalog-reference", severity::error,
         "an indicator names a formula catalog entry that the plan's catalogs do not have"},
        {"negative-amount", severity::error,
         "a printed pagu or realized budget (of a node, on an indicator's row, or in a total row) is below 0"},
        {"rounding-rule", severity::info,
         "a printed achievement that follows from its inputs only by a rounding other than the plan's setting (the "
         "document mixes rules)"},
        {"unknown-unit", severity::info,
         "a satuan word that is neither built in nor declared (units:, --units); one finding per word, with the "
         "nearest "
         "known spelling"},
        {"placeholder", severity::info,
         "cells that say they were not filled in (Belum diisi, n.a, N/A, tidak ada data); one finding per plan"},
        {"spreadsheet-error", severity::error, "a cell printing a spreadsheet error (#VALUE!, #REF!, #DIV/0!, #N/A)"},
    };
    return rules;
}

namespace {

const auto& show = detail::show_amount;  // one format for numbers in findings
using detail::show_exact;                // the same for exact amounts (pagu and its sums)

struct checker {
    const plan& p;
    const check_options& options;
    scale_registry scales;
    unit_registry units;       // the built-in and registered words, and the plan's units:
    detail::plan_index index;  // ids, parents and children, looked up in constant time
    std::vector<finding> out;

    bool on(const char* rule) const { return options.rules.empty() || options.rules.count(rule) > 0; }

    finding& add(const char* rule, const node* n, const indicator* ind, std::optional<int> year, std::string message,
                 const location& where, const std::string& source) {
        finding f;
        f.rule = rule;
        for (const auto& r : check_rules())
            if (r.id == rule) f.severity = r.severity;
        if (n) {
            f.node = n->code_text().empty() ? n->id : n->code_text();
            f.node_id = n->id;
        }
        if (ind) {
            f.indicator = ind->id;
            f.indicator_name = ind->name;
        }
        f.year = year;
        f.message = std::move(message);
        f.location = where;
        f.source = source.empty() ? (ind ? ind->source : n ? n->source : std::string()) : source;
        out.push_back(std::move(f));
        return out.back();
    }

    std::string who(const node* n, const indicator* ind) const {
        std::string s =
            n ? std::string(to_string(n->level)) + " " + (n->code_text().empty() ? n->id : n->code_text()) : "";
        if (ind) s += (s.empty() ? "" : ", ") + std::string("indicator \"") + ind->name + "\"";
        return s;
    }
    static std::string year_label(int y) { return y == end_of_period ? "the end column" : std::to_string(y); }

    // ------------------------------------------------------------------ cells
    // What the cells hold besides values: placeholders (reported once per plan), spreadsheet
    // errors (per cell) and unit words nobody declared (once per word).
    struct placeholder_cells {
        std::size_t count = 0;
        std::map<std::string, std::size_t> words;  // as printed -> cells
        const node* n = nullptr;
        const indicator* ind = nullptr;
        std::optional<int> year;
        location where;
        std::string source;
    } placeholders;
    struct unknown_word {
        std::string word;  // as first printed
        std::size_t cells = 0, units_declared = 0;
        const node* n = nullptr;
        const indicator* ind = nullptr;
        location where;
        std::string source;
    };
    std::map<std::string, unknown_word> unknown_words;            // folded word -> first sighting
    std::map<const indicator*, std::set<std::string>> row_units;  // known units an indicator's cells print

    void note_unknown(const std::string& word, const node* n, const indicator* ind, const location& where,
                      const std::string& source, bool in_cell) {
        unknown_word& u = unknown_words[detail::fold(word)];
        if (u.word.empty()) {
            u.word = word;
            u.n = n;
            u.ind = ind;
            u.where = where;
            u.source = source;
        }
        (in_cell ? u.cells : u.units_declared)++;
    }

    void note(const node* n, const indicator* ind, std::optional<int> year, const printed_value& pv, const value& v) {
        if (v.kind == value_kind::placeholder) {
            if (placeholders.count++ == 0) {
                placeholders.n = n;
                placeholders.ind = ind;
                placeholders.year = year;
                placeholders.where = pv.location;
                placeholders.source = pv.source;
            }
            placeholders.words[std::string(detail::trim(pv.text))]++;
        } else if (v.kind == value_kind::spreadsheet_error && on("spreadsheet-error")) {
            finding& f = add("spreadsheet-error", n, ind, year,
                             who(n, ind) + (year ? ", " + year_label(*year) : std::string()) +
                                 ": the cell prints the spreadsheet error " + std::string(detail::trim(pv.text)) +
                                 " (a formula that failed in the source table), not a value",
                             pv.location, pv.source);
            f.actual = pv.text;
        } else if (v.kind != value_kind::count && v.kind != value_kind::bound && v.kind != value_kind::range) {
            return;
        } else if (ind && v.kind == value_kind::count && units.find(v.unit)) {
            row_units[ind].insert(v.unit);
        } else if (!v.unit.empty() && v.unit != "%" && !units.find(v.unit) && !units.lookup(v.unit)) {
            note_unknown(v.unit, n, ind, pv.location, pv.source, true);  // a word printed in the cell
        }
    }

    void cell_findings() {
        if (placeholders.count > 0 && on("placeholder")) {
            std::string words;
            std::size_t shown = 0;
            for (const auto& [w, k] : placeholders.words) {
                if (++shown > shown_parts) {
                    words += ", ...";
                    break;
                }
                words += (words.empty() ? "\"" : ", \"") + detail::cut_utf8(w, message_quote_bytes) + "\" " +
                         std::to_string(k) + "\u00d7";
            }
            const std::string first = who(placeholders.n, placeholders.ind) +
                                      (placeholders.year ? ", " + year_label(*placeholders.year) : std::string());
            finding& f =
                add("placeholder", placeholders.n, placeholders.ind, placeholders.year,
                    std::to_string(placeholders.count) + (placeholders.count == 1 ? " cell says" : " cells say") +
                        " it was not filled in (" + words + "); they are read as no value. The first: " +
                        (first.empty() ? placeholders.where.to_string() : first),
                    placeholders.where, placeholders.source);
            f.actual = std::to_string(placeholders.count);
            f.actual_number = static_cast<double>(placeholders.count);
        }
        if (!on("unknown-unit")) return;
        for (const auto& [key, u] : unknown_words) {
            // the words of the indicator's own row first when alike ("2.850 rang" next to "500 Orang")
            std::vector<std::string> near;
            if (auto row = row_units.find(u.ind); row != row_units.end())
                near = nearest_names(u.word, std::vector<std::string>(row->second.begin(), row->second.end()), 1);
            if (near.empty()) near = units.nearest(u.word, 1);
            std::string where_seen;
            if (u.units_declared)
                where_seen += std::to_string(u.units_declared) +
                              (u.units_declared == 1 ? " indicator's unit" : " indicators' unit");
            if (u.cells)
                where_seen +=
                    (where_seen.empty() ? "" : " and ") + std::to_string(u.cells) + (u.cells == 1 ? " cell" : " cells");
            const std::string first = who(u.n, u.ind);
            finding& f =
                add("unknown-unit", u.n, u.ind, std::nullopt,
                    "unit word \"" + detail::cut_utf8(u.word, message_quote_bytes) + "\" is not a known satuan (" +
                        where_seen + (first.empty() ? "" : "; first: " + first) + ")" +
                        (near.empty() ? std::string() : "; the nearest known is \"" + near.front() + "\"") +
                        ". Values keep the word as their unit; declare it in the plan's units: section (or a "
                        "--units file) to give it a kind",
                    u.where, u.source);
            if (!near.empty()) f.expected = near.front();
            f.actual = u.word;
        }
    }

    // Reads a printed value; reports unparsed-value and returns nothing when it cannot.
    std::optional<value> read(const node* n, const indicator* ind, std::optional<int> year, const printed_value& v,
                              bool money) {
        try {
            value got = money ? read_money(v) : read_value(*ind, v, scales, units);
            note(n, ind, year, v, got);
            return got;
        } catch (const parse_error& e) {
            if (on("unparsed-value")) {
                finding& f = add("unparsed-value", n, ind, year,
                                 who(n, ind) + (year ? ", " + year_label(*year) : std::string()) + ": " + e.reason(),
                                 v.location, v.source);
                f.actual = v.text;
            }
        } catch (const lookup_error& e) {
            if (on("unparsed-value")) {
                finding& f = add("unparsed-value", n, ind, year, who(n, ind) + ": " + e.what(), v.location, v.source);
                f.actual = v.text;
            }
        }
        return std::nullopt;
    }

    // A printed amount of money, read once however many roll-ups it takes part in (a node's pagu
    // is a parent's sum and a child's part), so that an unreadable one is reported once.
    struct read_amount {
        std::optional<double> value;   // empty when missing or unreadable
        std::optional<decimal> exact;  // the same, exactly as printed: sums and comparisons use it
        bool readable = true;
    };
    std::map<const printed_value*, read_amount> amounts;
    const read_amount& amount(const node* n, int year, const printed_value& v) {
        auto it = amounts.find(&v);
        if (it != amounts.end()) return it->second;
        read_amount m;
        const auto val = read(n, nullptr, year, v, true);
        m.readable = val.has_value();
        if (val && !val->is_missing()) {
            m.value = val->number;
            m.exact = val->exact;
        }
        return amounts[&v] = m;
    }

    // ------------------------------------------------------------------ budgets
    // The pagu of a node in a year: node_pagu_cell (plan_values.hpp).
    static const printed_value* budget_of(const node& n, const year_values node::*field, int y) {
        return field == &node::budget ? node_pagu_cell(n, y) : indicator::first(n.*field, y);
    }
    static void budget_years(const node& n, const year_values node::*field, std::set<int>& years) {
        if (field == &node::budget) {
            const std::set<int> pagu = node_pagu_years(n);
            years.insert(pagu.begin(), pagu.end());
        } else {
            for (const auto& kv : n.*field) years.insert(kv.first);
        }
    }

    // A roll-up message names the first children's amounts and counts the rest, so that a
    // parent of 100,000 children does not make a message of megabytes.
    static constexpr std::size_t shown_parts = 10;

    void budgets(const std::vector<node>& list) {
        const std::less<const node*> before;
        const node* const begin = list.data();
        const node* const end = list.data() + list.size();
        std::vector<const node*> kids;
        for (const node& parent : list) {
            kids.clear();  // the children in the same list (plan or history), in file order
            for (const node* c : index.children(parent.id))
                if (!before(c, begin) && before(c, end)) kids.push_back(c);
            if (kids.empty()) continue;
            for (int which = 0; which < 2; ++which) {
                const year_values node::*field = which == 0 ? &node::budget : &node::budget_realized;
                const char* what = which == 0 ? "pagu" : "realized budget";
                std::set<int> years;
                budget_years(parent, field, years);
                for (const node* c : kids) budget_years(*c, field, years);
                for (int y : years) {
                    const printed_value* pv = budget_of(parent, field, y);
                    const read_amount none;
                    const read_amount& own_amount = pv ? amount(&parent, y, *pv) : none;
                    const std::optional<decimal> own = own_amount.exact;
                    decimal sum;
                    std::size_t present = 0;
                    bool unreadable = !own_amount.readable;
                    std::string parts;
                    for (const node* c : kids) {
                        const printed_value* cv = budget_of(*c, field, y);
                        if (!cv) continue;
                        const read_amount& a = amount(c, y, *cv);
                        unreadable = unreadable || !a.readable;
                        if (!a.exact) continue;
                        sum += *a.exact;
                        ++present;
                        if (present <= shown_parts) parts += (parts.empty() ? "" : " + ") + show_exact(*a.exact);
                    }
                    if (unreadable) continue;  // reported as unparsed-value already
                    if (present > shown_parts) parts += " + " + std::to_string(present - shown_parts) + " more";
                    const location& where = pv ? pv->location : parent.location;
                    const std::string& source = pv ? pv->source : std::string();
                    if (own && present == 0) {
                        if (on("budget-missing")) {
                            finding& f = add("budget-missing", &parent, nullptr, y,
                                             who(&parent, nullptr) + " has " + what + " " + show_exact(*own) + " in " +
                                                 year_label(y) + " but none of its " + std::to_string(kids.size()) +
                                                 " children has",
                                             where, source);
                            f.actual = pv->text;
                            f.actual_number = own->to_double();
                        }
                    } else if (!own && present > 0) {
                        if (on("budget-missing")) {
                            finding& f = add("budget-missing", &parent, nullptr, y,
                                             who(&parent, nullptr) + " has no " + what + " in " + year_label(y) +
                                                 " but its children have " + show_exact(sum) + " (" + parts + ")",
                                             where, source);
                            f.expected = show_exact(sum);
                            f.expected_number = sum.to_double();
                            f.actual = pv ? pv->text : "";
                        }
                    } else if (own && std::fabs((*own - sum).to_double()) > options.budget_tolerance) {
                        if (on("budget-rollup")) {
                            finding& f = add("budget-rollup", &parent, nullptr, y,
                                             who(&parent, nullptr) + ": " + what + " in " + year_label(y) + " is " +
                                                 show_exact(*own) + " but its children sum to " + show_exact(sum) +
                                                 " (" + parts + "), a difference of " + show_exact(*own - sum),
                                             where, source);
                            f.expected = show_exact(sum);
                            f.expected_number = sum.to_double();
                            f.actual = pv->text;
                            f.actual_number = own->to_double();
                        }
                    }
                }
            }
        }
    }
    void totals() {
        for (const total& t : p.totals) {
            for (int which = 0; which < 2; ++which) {
                const year_values& printed = which == 0 ? t.budget : t.budget_realized;
                for (const auto& [y, vs] : printed) {
                    const std::optional<decimal> own = amount(nullptr, y, vs.front()).exact;
                    if (!own) continue;
                    decimal sum;
                    bool ok = true;
                    for (const auto& id : t.over) {
                        const node* n = index.find(id);
                        if (!n) continue;
                        const printed_value* cv =
                            which == 0 ? node_pagu_cell(*n, y) : indicator::first(n->budget_realized, y);
                        if (!cv) continue;
                        const read_amount& a = amount(n, y, *cv);
                        ok = ok && a.readable;
                        if (a.exact) sum += *a.exact;
                    }
                    if (!ok || std::fabs((*own - sum).to_double()) <= options.budget_tolerance || !on("budget-rollup"))
                        continue;
                    finding& f = add("budget-rollup", nullptr, nullptr, y,
                                     "total \"" + t.name + "\" (" + (which == 0 ? "pagu" : "realized budget") +
                                         ") in " + year_label(y) + " is " + show_exact(*own) + " but the " +
                                         std::to_string(t.over.size()) + " rows it totals sum to " + show_exact(sum) +
                                         ", a difference of " + show_exact(*own - sum),
                                     vs.front().location, t.source);
                    f.node = t.id;
                    f.node_id = t.id;
                    f.expected = show_exact(sum);
                    f.expected_number = sum.to_double();
                    f.actual = vs.front().text;
                    f.actual_number = own->to_double();
                }
            }
        }
    }

    // ------------------------------------------------------------------ signs
    // A negative amount of money is a misprint: no budget, no spending. Every printed value is
    // read (also a second source's); one that cannot be read is unparsed-value's business.
    void negative_amounts(const std::vector<node>& list) {
        if (!on("negative-amount")) return;
        for (const node& n : list) {
            negative(&n, nullptr, nullptr, n.budget, "pagu");
            negative(&n, nullptr, nullptr, n.budget_realized, "realized budget");
            for (const indicator& i : n.indicators) negative(&n, &i, nullptr, i.budget, "pagu");
        }
    }
    void negative_totals() {
        if (!on("negative-amount")) return;
        for (const total& t : p.totals) {
            negative(nullptr, nullptr, &t, t.budget, "pagu");
            negative(nullptr, nullptr, &t, t.budget_realized, "realized budget");
        }
    }
    void negative(const node* n, const indicator* ind, const total* t, const year_values& values, const char* what) {
        for (const auto& [y, vs] : values)
            for (const printed_value& pv : vs) {
                std::optional<double> x;
                try {
                    const value v = read_money(pv);
                    if (!v.is_missing()) x = v.number;
                } catch (const error&) {
                }
                if (!x || !(*x < 0.0)) continue;
                const std::string subject = t ? "total \"" + t->name + "\"" : who(n, ind);
                finding& f = add("negative-amount", n, ind, y,
                                 subject + ": " + what + " in " + year_label(y) + " is " + pv.text +
                                     ", below 0; an amount of money that is negative is no budget or spending, and "
                                     "no absorption or roll-up is computed from it",
                                 pv.location, pv.source.empty() && t ? t->source : pv.source);
                if (t) {
                    f.node = t->id;
                    f.node_id = t->id;
                }
                f.expected = "0 or more";
                f.expected_number = 0.0;
                f.actual = pv.text;
                f.actual_number = x;
            }
    }

    void absorption_ratios(const std::vector<node>& list) {
        if (!on("reported-absorption")) return;
        for (const node& n : list)
            for (const auto& [y, vs] : n.reported_absorption)
                for (const printed_value& pv : vs) {
                    const printed_value* b = node_pagu_cell(n, y);
                    const printed_value* r = indicator::first(n.budget_realized, y);
                    value reported;
                    try {
                        reported = parse_reported_achievement(pv.text);
                        note(&n, nullptr, y, pv, reported);
                    } catch (const parse_error& e) {
                        finding& f = add("unparsed-value", &n, nullptr, y, who(&n, nullptr) + ": " + e.reason(),
                                         pv.location, pv.source);
                        f.actual = pv.text;
                        continue;
                    }
                    if (reported.is_missing()) continue;
                    const read_amount none;
                    const double budget = (b ? amount(&n, y, *b) : none).value.value_or(0.0);
                    const double spent = (r ? amount(&n, y, *r) : none).value.value_or(0.0);
                    if (budget < 0.0 || spent < 0.0) continue;  // no absorption: negative-amount reports it
                    if (budget == 0.0) {
                        if (reported.number && *reported.number != 0.0) {
                            finding& f = add("reported-absorption", &n, nullptr, y,
                                             who(&n, nullptr) + " prints an absorption of " + pv.text + " in " +
                                                 year_label(y) + " without a budget",
                                             pv.location, pv.source);
                            f.actual = pv.text;
                            f.actual_number = reported.number;
                        }
                        continue;
                    }
                    const double computed = spent / budget * 100.0;
                    audit_options ao;
                    ao.polarity = polarity::higher;
                    ao.caps = {std::nullopt};
                    ao.input_precision = false;  // amounts of money are exact
                    const audit_result a =
                        audit_achievement(make_value(budget, {}, 0), make_value(spent, {}, 0), reported, ao);
                    if (a.consistent.value_or(true)) continue;
                    finding& f = add("reported-absorption", &n, nullptr, y,
                                     who(&n, nullptr) + ": printed absorption " + pv.text + " in " + year_label(y) +
                                         " does not follow from " + show(spent) + " / " + show(budget) + " = " +
                                         format_number(computed, convention::english, 2, false) + "%",
                                     pv.location, pv.source);
                    f.expected =
                        a.expected ? format_number(*a.expected, convention::english, reported.decimals, false) : "";
                    f.expected_number = a.expected;
                    f.actual = pv.text;
                    f.actual_number = reported.number;
                }
    }

    // ------------------------------------------------------------------ codes and structure
    void codes(const std::vector<node>& list) {
        std::map<std::string, const node*> seen;
        for (const node& n : list) {
            const std::string& code = n.code_text();
            if (code.empty()) continue;
            if (on("duplicate-code")) {
                auto [it, fresh] = seen.emplace(code, &n);
                if (!fresh) {
                    finding& f = add("duplicate-code", &n, nullptr, std::nullopt,
                                     "code " + code + " is carried by \"" + it->second->name + "\" (" + it->second->id +
                                         ") and by \"" + n.name + "\" (" + n.id + ")",
                                     n.code->location, n.code->source);
                    f.actual = code;
                }
            }
            if (!on("code-hierarchy") || n.parent.empty()) continue;
            const node* parent = index.find(n.parent);
            if (!parent || parent->code_text().empty()) continue;
            const std::string& pc = parent->code_text();
            if (code.size() > pc.size() && code.compare(0, pc.size(), pc) == 0 && code[pc.size()] == '.') continue;
            finding& f = add("code-hierarchy", &n, nullptr, std::nullopt,
                             who(&n, nullptr) + ": code " + code + " does not extend its parent's code " + pc + " (" +
                                 parent->name + ")",
                             n.code->location, n.code->source);
            f.expected = pc + ".…";
            f.actual = code;
        }
    }

    void orphans() {
        if (!on("orphan")) return;
        for (const node& n : p.nodes) {
            const std::vector<const node*>& kids = index.children(n.id);
            if (n.level == node_level::sasaran) {
                if (n.indicators.empty())
                    add("orphan", &n, nullptr, std::nullopt, "objective \"" + n.name + "\" has no indicators",
                        n.location, "");
                const bool has_programme = std::any_of(kids.begin(), kids.end(),
                                                       [](const node* k) { return k->level == node_level::program; });
                if (!has_programme)
                    add("orphan", &n, nullptr, std::nullopt, "objective \"" + n.name + "\" has no programmes",
                        n.location, "");
            }
            if (n.level == node_level::program || n.level == node_level::kegiatan ||
                n.level == node_level::sub_kegiatan) {
                const node* parent = index.parent(n);
                const bool linked =
                    parent && (n.level != node_level::program || parent->level == node_level::sasaran ||
                               parent->level == node_level::tujuan || parent->level == node_level::urusan);
                if (!linked)
                    add("orphan", &n, nullptr, std::nullopt,
                        who(&n, nullptr) + " \"" + n.name + "\" is linked to no " +
                            (n.level == node_level::program ? "objective" : "parent"),
                        n.location, "");
            }
        }
    }

    // ------------------------------------------------------------------ indicators
    void indicators(const std::vector<node>& list) {
        for (const node& n : list)
            for (const indicator& ind : n.indicators) one_indicator(n, ind);
    }

    std::optional<double> comparable(const value& v, const indicator& ind) const {
        if (v.is_missing()) return std::nullopt;
        if (v.kind == value_kind::ratio) return 1.0 / *v.number;
        if (v.kind == value_kind::predicate || (v.kind == value_kind::grade && !v.number)) {
            const scale* s = !ind.scale.empty() ? scales.find(ind.scale) : nullptr;
            if (!s && !v.scale.empty()) s = scales.find(v.scale);
            if (!s) {
                auto holders = scales.scales_with_level(v.level);
                if (!holders.empty()) s = holders.front();
            }
            if (!s || !s->position(v.level)) return std::nullopt;
            return static_cast<double>(*s->position(v.level));
        }
        return v.number;
    }

    // How the printed achievements of one source table are scaled: a table whose every printed
    // achievement is a bare number below 10 (Tabel 2.7's "Rasio Capaian": 1.14, 0.97) prints
    // fractions; otherwise each value is read as its text says (a % is a percent; bare numbers
    // are tried both ways).
    std::map<std::string, bool> fraction_tables;
    void infer_report_scales(const std::vector<node>& list) {
        std::map<std::string, std::pair<int, int>> counts;  // source -> (bare numbers below 10, others)
        for (const node& n : list)
            for (const indicator& ind : n.indicators)
                for (const auto& [y, vs] : ind.reported_achievement)
                    for (const printed_value& pv : vs) {
                        const std::string& source = pv.source.empty() ? ind.source : pv.source;
                        try {
                            const value v = parse_reported_achievement(pv.text);
                            if (v.is_missing()) continue;
                            const bool bare_small = v.kind == value_kind::number && std::fabs(*v.number) < 10.0;
                            (bare_small ? counts[source].first : counts[source].second)++;
                        } catch (const parse_error&) {
                            counts[source].second++;
                        }
                    }
        for (const auto& [source, c] : counts) fraction_tables[source] = c.first > 0 && c.second == 0;
    }

    void one_indicator(const node& n, const indicator& ind) {
        const std::optional<unit_info> declared = ind.unit ? units.lookup(ind.unit->text) : std::nullopt;
        const unit_info* unit = declared ? &*declared : nullptr;
        if (declared) row_units[&ind].insert(declared->name);
        if (ind.unit && !declared && ind.scale.empty() && !detail::trim(ind.unit->text).empty() &&
            !scales.find(ind.unit->text))
            note_unknown(std::string(detail::trim(ind.unit->text)), &n, &ind, ind.unit->location, ind.unit->source,
                         false);
        std::map<int, value> targets, realizations;
        auto read_all = [&](const year_values& ys, std::map<int, value>* into) {
            for (const auto& [y, vs] : ys)
                for (std::size_t k = 0; k < vs.size(); ++k) {
                    auto v = read(&n, &ind, y, vs[k], false);
                    if (!v) continue;
                    unit_check(n, ind, unit, y, vs[k], *v);
                    grade_check(n, ind, y, vs[k], *v);
                    if (into && k == 0) into->emplace(y, *v);
                }
        };
        read_all(ind.targets, &targets);
        read_all(ind.realizations, &realizations);
        if (ind.baseline) {
            if (auto v = read(&n, &ind, ind.baseline_year, *ind.baseline, false)) {
                unit_check(n, ind, unit, ind.baseline_year, *ind.baseline, *v);
            }
        }
        // reported achievement
        for (const auto& [y, vs] : ind.reported_achievement)
            for (const printed_value& pv : vs) reported(n, ind, y, pv, targets, realizations);
        // target direction
        const std::optional<polarity> own = on("target-direction") ? indicator_polarity(p, ind) : std::nullopt;
        if (on("target-direction") && (own || !ind.scale.empty())) {
            const polarity pol = own.value_or(polarity::higher);
            const value* prev = nullptr;
            int prev_year = 0;
            for (const auto& [y, v] : targets) {
                if (y == end_of_period) continue;
                const bool same_unit = prev && (prev->kind != value_kind::count || detail::iequals(prev->unit, v.unit));
                if (prev && prev->kind == v.kind && same_unit) {  // a change of unit is unit-change's business
                    const auto a = comparable(*prev, ind);
                    const auto b = comparable(v, ind);
                    if (a && b &&
                        ((pol == polarity::higher && *b < *a - 1e-12) || (pol == polarity::lower && *b > *a + 1e-12))) {
                        const printed_value* pv = indicator::first(ind.targets, y);
                        finding& f = add("target-direction", &n, &ind, y,
                                         who(&n, &ind) + ": the target moves from " + prev->text + " (" +
                                             std::to_string(prev_year) + ") to " + v.text + " (" + std::to_string(y) +
                                             "), against its polarity (" + std::string(to_string(pol)) + " is better)",
                                         pv->location, pv->source);
                        f.expected = std::string(pol == polarity::higher ? "at least " : "at most ") + prev->text;
                        f.actual = v.text;
                    }
                }
                prev = &v;
                prev_year = y;
            }
        }
    }

    void unit_check(const node& n, const indicator& ind, const unit_info* unit, std::optional<int> y,
                    const printed_value& pv, const value& v) {
        if (!on("unit-change") || !unit) return;
        // a word nobody declared (a typo, "1 Dukumen") is unknown-unit's business, with its nearest spelling
        if (v.kind == value_kind::count && !units.lookup(v.unit)) return;
        std::string got;
        if (v.kind == value_kind::count && !detail::iequals(v.unit, unit->name))
            got = v.unit;
        else if (v.kind == value_kind::percent && unit->kind != value_kind::percent && unit->kind != value_kind::number)
            got = "%";
        else if (v.kind == value_kind::money && unit->kind != value_kind::money)
            got = "Rupiah";
        if (got.empty()) return;
        finding& f = add("unit-change", &n, &ind, y,
                         who(&n, &ind) + ": the value " + pv.text + " is in " + got + " but the indicator's unit is " +
                             ind.unit->text,
                         pv.location, pv.source);
        f.expected = ind.unit->text;
        f.actual = got;
    }

    void grade_check(const node& n, const indicator& ind, std::optional<int> y, const printed_value& pv,
                     const value& v) {
        if (!on("grade-score") || v.kind != value_kind::grade || !v.number || v.scale.empty()) return;
        const scale* s = scales.find(v.scale);
        if (!s || !s->has_bands()) return;
        const level* l = s->find_level(*v.number);
        if (l && detail::iequals(l->name, v.grade)) return;
        finding& f = add("grade-score", &n, &ind, y,
                         who(&n, &ind) + ": " + pv.text + " prints grade " + v.grade + " with a score that is " +
                             (l ? "grade " + l->name : std::string("outside every band")) + " on scale " + s->name(),
                         pv.location, pv.source);
        f.expected = l ? l->name : "";
        f.actual = v.grade;
    }

    void reported(const node& n, const indicator& ind, int y, const printed_value& pv,
                  const std::map<int, value>& targets, const std::map<int, value>& realizations) {
        if (!on("reported-achievement")) return;
        value printed;
        try {
            printed = parse_reported_achievement(pv.text);
            note(&n, &ind, y, pv, printed);
        } catch (const parse_error& e) {
            if (on("unparsed-value")) {
                finding& f = add("unparsed-value", &n, &ind, y,
                                 who(&n, &ind) + ", " + year_label(y) + ": " + e.reason(), pv.location, pv.source);
                f.actual = pv.text;
            }
            return;
        }
        auto t = targets.find(y);
        auto r = realizations.find(y);
        if (printed.is_missing() || t == targets.end() || r == realizations.end() || t->second.is_missing() ||
            r->second.is_missing())
            return;  // nothing to compare with
        audit_options ao;
        if (!ind.scale.empty())
            ao.polarity = polarity::higher;
        else
            ao.polarity = indicator_polarity(p, ind);
        if (fraction_tables[pv.source.empty() ? ind.source : pv.source]) ao.scale = report_scale::fraction;
        audit_result a;
        try {
            a = audit_achievement(t->second, r->second, printed, ao, scales);
        } catch (const error& e) {
            finding& f = add("reported-achievement", &n, &ind, y,
                             who(&n, &ind) + ", " + year_label(y) + ": the printed achievement " + pv.text +
                                 " cannot be checked: " + e.what(),
                             pv.location, pv.source);
            f.actual = pv.text;
            return;
        }
        if (a.consistent.value_or(true)) {
            if (!a.consistent || !on("rounding-rule") || p.settings.rounding.mode == rounding::none) return;
            const bool by_setting = std::any_of(a.matches.begin(), a.matches.end(), [&](const audit_match& m) {
                return m.exact && m.rounding.mode == p.settings.rounding.mode;
            });
            const auto exact =
                std::find_if(a.matches.begin(), a.matches.end(), [](const audit_match& m) { return m.exact; });
            if (by_setting || exact == a.matches.end()) return;
            finding& f = add("rounding-rule", &n, &ind, y,
                             who(&n, &ind) + ", " + year_label(y) + ": the printed " + pv.text + " follows only by " +
                                 exact->describe() + ", not by the plan's rounding (" +
                                 std::string(to_string(p.settings.rounding.mode)) + ")",
                             pv.location, pv.source);
            f.actual = pv.text;
            f.actual_number = printed.number;
            return;
        }
        finding& f = add("reported-achievement", &n, &ind, y,
                         who(&n, &ind) + ", " + year_label(y) + ": " + a.explanation, pv.location, pv.source);
        if (a.expected) {
            const int d = printed.decimals;
            f.expected = format_number(*a.expected, convention::english, d, false) +
                         (printed.kind == value_kind::percent ? "%" : "");
            f.expected_number = a.expected;
        }
        f.actual = pv.text;
        f.actual_number = printed.number;
    }

    void catalog_references(const std::vector<node>& list) {
        if (!on("catalog-reference")) return;
        // the plan's catalog, as loaded with it (or the default one, loaded once per process)
        std::shared_ptr<const catalog> known;
        std::string why;
        for (const node& n : list)
            for (const indicator& ind : n.indicators) {
                if (ind.catalog.empty()) continue;
                if (!known && why.empty()) {
                    try {
                        known = p.resolved_catalog();
                    } catch (const error& e) {
                        why = e.what();
                    }
                }
                if (known && known->find(ind.catalog)) continue;
                finding& f = add("catalog-reference", &n, &ind, std::nullopt,
                                 who(&n, &ind) + ": names catalog entry \"" + ind.catalog + "\", " +
                                     (known ? std::string("which the plan's catalogs do not have")
                                            : "but the catalog could not be loaded: " + why),
                                 ind.location, ind.source);
                f.actual = ind.catalog;
            }
    }

    void version_units() {
        if (!on("unit-change")) return;
        for (const plan_version& v : p.versions)
            for (const node& e : v.nodes)
                for (const indicator& ei : e.indicators) {
                    if (!ei.given.count("unit") || !ei.unit) continue;
                    const auto [n, ind] = index.find_indicator(ei.id);
                    if (!ind || !ind->unit) continue;
                    const std::optional<unit_info> a = units.lookup(ind->unit->text);
                    const std::optional<unit_info> b = units.lookup(ei.unit->text);
                    const bool same = (a && b) ? a->name == b->name : detail::iequals(ind->unit->text, ei.unit->text);
                    if (same) continue;
                    finding& f = add("unit-change", n, ind, std::nullopt,
                                     who(n, ind) + ": the unit is " + ei.unit->text + " in version " + v.name +
                                         " and " + ind->unit->text + " in version " + p.info.version,
                                     ei.unit->location, ei.unit->source);
                    f.expected = ind->unit->text;
                    f.actual = ei.unit->text;
                }
    }
};

}  // namespace

std::vector<finding> check_plan(const plan& p, const check_options& options) {
    for (const auto& r : options.rules) {
        const auto& all = check_rules();
        if (std::none_of(all.begin(), all.end(), [&](const rule_info& x) { return x.id == r; })) {
            std::string known;
            for (const auto& x : all) known += (known.empty() ? "" : ", ") + x.id;
            throw argument_error("kinerja.argument.rule", "unknown check rule \"" + r + "\" (rules: " + known + ")");
        }
    }
    checker c{p, options, plan_scales(p), plan_units(p), detail::plan_index(p), {}, {}, {}, {}, {}, {}};
    c.infer_report_scales(p.nodes);
    c.infer_report_scales(p.history);
    c.budgets(p.nodes);
    c.negative_amounts(p.nodes);
    c.totals();
    c.negative_totals();
    c.absorption_ratios(p.nodes);
    c.codes(p.nodes);
    c.orphans();
    c.indicators(p.nodes);
    c.version_units();
    c.catalog_references(p.nodes);
    if (options.include_history) {
        c.budgets(p.history);
        c.negative_amounts(p.history);
        c.absorption_ratios(p.history);
        c.codes(p.history);
        c.indicators(p.history);
    }
    c.cell_findings();
    std::stable_sort(c.out.begin(), c.out.end(), [](const finding& a, const finding& b) {
        return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
    });
    return c.out;
}

}  // namespace kinerja
