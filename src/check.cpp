// SPDX-License-Identifier: Apache-2.0
#include <kinerja/check.hpp>

#include <kinerja/audit.hpp>
#include <kinerja/catalog.hpp>
#include <kinerja/conventions.hpp>
#include <kinerja/detail/annual_cycle.hpp>
#include <kinerja/detail/check_budget.hpp>
#include <kinerja/detail/check_indicators.hpp>
#include <kinerja/detail/check_strategy.hpp>
#include <kinerja/detail/number_text.hpp>
#include <kinerja/detail/plan_index.hpp>
#include <kinerja/detail/reading_memo.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <iterator>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

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
        {rule_ids::budget_rollup, severity::error,
         "a parent's pagu or realized budget differs from the sum of its children's in a year; a total row differs "
         "from the sum of what it totals; a remainder (belum terserap, sisa anggaran) is not pagu minus realized"},
        {rule_ids::budget_missing, severity::warning,
         "children have pagu in a year and the parent has none, or the reverse, where the level lacking it carries "
         "pagu "
         "by the plan's conventions"},
        {rule_ids::budget_end, severity::error,
         "a node's or total's pagu in the end column is not what the plan's end column means (the sum of the years, or "
         "the last year), or, with no majority, neither"},
        {rule_ids::budget_incomplete, severity::warning,
         "a child (or a totalled row) has no pagu in a year where its parent and siblings have: a blank inside the "
         "sum"},
        {rule_ids::budget_indicator_rows, severity::error,
         "pagu on a node's indicator rows do not agree with the plan's convention: different amounts where each row "
         "repeats the node's pagu, or parts that do not sum to the node's own"},
        {rule_ids::reported_achievement, severity::error,
         "a printed achievement does not follow from its target and realization under the indicator's polarity"},
        {rule_ids::reported_absorption, severity::warning,
         "a printed absorption ratio (of a node or a total row) does not follow from budget and realized budget "
         "(amounts printed with a scale word within their rounding), or is printed without a realized budget"},
        {rule_ids::code_hierarchy, severity::error, "a child's code does not extend its parent's"},
        {rule_ids::duplicate_code, severity::error,
         "two nodes carry the same code under one parent and one responsible agency (settings.code_scope: plan: "
         "anywhere in the plan)"},
        {rule_ids::orphan, severity::warning,
         "an objective without indicators, or without programmes in a plan that has programmes; a programme, "
         "activity or sub-activity linked to nothing above it although the plan prints the levels above it"},
        {rule_ids::unit_change, severity::warning,
         "an indicator's unit differs between versions, a printed value's unit differs from the indicator's, or (for "
         "an indicator without a known unit) the values of one row are printed in different units"},
        {rule_ids::target_direction, severity::warning,
         "yearly targets move against the polarity (leading placeholders, zeros and blanks, are skipped)"},
        {rule_ids::unparsed_value, severity::warning, "a printed value that cannot be read"},
        {rule_ids::grade_score, severity::warning, "a grade whose score lies in another grade's band"},
        {rule_ids::catalog_reference, severity::error,
         "an indicator names a formula catalog entry that the plan's catalogs do not have"},
        {rule_ids::negative_amount, severity::error,
         "a printed pagu or realized budget (of a node, on an indicator's row, or in a total row) is below 0"},
        {rule_ids::rounding_rule, severity::info,
         "a printed achievement that follows from its inputs only by a rounding other than the plan's setting (the "
         "document mixes rules)"},
        {rule_ids::scale_jump, severity::warning,
         "two neighbouring values of a percentage row, or a year's target and realization, differ 50 to 200 times "
         "(20 to 500 when one prints % and the other is bare) and the smaller is at most 1: a percentage printed as "
         "a fraction; or a value of a percentage row 8 to 12 times off both its neighbours, which agree: a slipped "
         "digit; or a realized budget 8 or more times its pagu: an amount printed at the wrong scale"},
        {rule_ids::achievement_without_realization, severity::warning,
         "a printed achievement (capaian) in a year whose realization is not printed or is a placeholder"},
        {rule_ids::share_above_100, severity::error,
         "a percentage of a whole (the indicator's name begins Persentase, Proporsi, Cakupan, ...) above 100%"},
        {rule_ids::budget_target, severity::warning,
         "a node has pagu but none of its indicators has a target in any year, or targets but no pagu in any year, at "
         "a level that the plan prices and gives targets elsewhere"},
        {rule_ids::unknown_unit, severity::info,
         "a satuan word that is neither built in nor declared (units:, --units); one finding per word, with the "
         "nearest "
         "known spelling"},
        {rule_ids::placeholder, severity::info,
         "cells that say they were not filled in (Belum diisi, n.a, N/A, tidak ada data); one finding per plan"},
        {rule_ids::spreadsheet_error, severity::error,
         "a cell printing a spreadsheet error (#VALUE!, #REF!, #DIV/0!, #N/A)"},
        {rule_ids::target_end, severity::warning,
         "an indicator's end-column target is not what the plan's end column of targets means (its last year, or "
         "the sum of its years); with no majority nothing is checked"},
        {rule_ids::ratio_mismatch, severity::error,
         "a realization (or a baseline, where its year prints no realization) printed beside its numerator and "
         "denominator is not their ratio (times a power of ten from 1 to 100.000) within one unit of its last "
         "printed digit"},
        {rule_ids::source_conflict, severity::warning,
         "one year's realization or printed achievement of an indicator, or printed absorption of a node or total, "
         "is printed by two sources with values that differ beyond their printed rounding (a fraction and a percent "
         "compared in one scale)"},
        {rule_ids::method_mix, severity::warning,
         "a printed achievement follows only from another method than the one all the other lower-is-better rows of "
         "its table follow (at least two of them, more than the majority share)"},
        {rule_ids::growth_range, severity::warning,
         "an economic growth rate (the indicator's name: Pertumbuhan Ekonomi, Laju Pertumbuhan Ekonomi, Pertumbuhan "
         "PDRB, LPE) printed beyond plus or minus 100 (percent): a level printed where the rate belongs"},
        {rule_ids::total_mismatch, severity::warning,
         "an indicator named a total (Jumlah, Total, keseluruhan) is not the sum of the rows it totals in a year: "
         "the rows of its group, above it or of its node, as the table's figures bear out in at least half of two "
         "or more years, or by its name alone (\"Total\", the node's one total row); a row of their mean (Rata-rata) "
         "likewise"},
        {rule_ids::index_formula, severity::warning,
         "BPS's IPM printed beside its four components (UHH, HLS, RLS, per-capita expenditure) that no components "
         "within their printed rounding give"},
        {rule_ids::duplicate_row, severity::warning,
         "a row printed twice in one table: two indicators of a node, or of the columns of one table, with one "
         "name, or with the same figures in every one of three or more columns"},
        {rule_ids::strategy_level, severity::error,
         "a link of the strategy layer (Tabel 5.1) to a node of the wrong level: strategi -> sasaran, arah_kebijakan "
         "-> strategi, program -> arah_kebijakan; no parent links to or from strategi and arah_kebijakan"},
        {rule_ids::programme_without_policy, severity::warning,
         "a programme that serves no arah_kebijakan (in a plan with strategi or arah_kebijakan nodes)"},
        {rule_ids::sasaran_without_strategy, severity::warning,
         "a sasaran that no strategi serves (in a plan with strategi or arah_kebijakan nodes)"},
        {rule_ids::strategy_without_programme, severity::warning,
         "a strategi that no programme carries out through its arah_kebijakan (in a plan with a strategy layer)"},
        {rule_ids::policy_without_programme, severity::warning,
         "an arah_kebijakan that no programme serves (in a plan with a strategy layer)"},
        {rule_ids::strategy_unlinked, severity::warning,
         "a strategi that supports no sasaran, or an arah_kebijakan that supports no strategi"},
        {rule_ids::annual_target_mismatch, severity::warning,
         "an annual document's target (Renja, Perjanjian Kinerja) differs from the Renstra's target of its year (or "
         "an earlier document's revision of it) and is not recorded as a revision with its reason"},
        {rule_ids::evidence_missing, severity::warning,
         "a realization of the plan period without evidence where the plan requires it (settings: evidence: "
         "required)"},
        {rule_ids::verified_value_changed, severity::error,
         "a realization differs from the value its verification verified and no later step reopened it (returned or "
         "revised)"},
        {rule_ids::verification_transition, severity::error,
         "a verification step that the verification table does not allow after the step before it (approved before "
         "verified)"},
        {rule_ids::verification_time, severity::error, "a verification step dated before the step before it"},
    };
    return rules;
}

namespace {

const auto& show = detail::show_amount;  // one format for numbers in findings
using detail::show_exact;                // the same for exact amounts (pagu and its sums)

struct checker {
    // every other member starts empty (or at its initializer); a constructor rather than brace
    // initialization, which named each of them and made GCC 12 -O3 warn maybe-uninitialized
    checker(const plan& plan_, const check_options& options_)
        : p(plan_), options(options_), scales(plan_scales(plan_)), units(plan_units(plan_)), index(plan_) {
        node_amounts.reserve(p.nodes.size() + p.history.size());  // every node is summed: no rehash
    }

    const plan& p;
    const check_options& options;
    scale_registry scales;
    unit_registry units;       // the built-in and registered words, and the plan's units:
    detail::plan_index index;  // ids, parents and children, looked up in constant time
    std::vector<finding> out;

    bool on(std::string_view rule) const { return options.rules.empty() || options.rules.count(std::string(rule)) > 0; }

    finding& add(std::string_view rule, const node* n, const indicator* ind, std::optional<period_year> year,
                 std::string message, const location& where, const std::string& source) {
        finding f;
        f.rule = std::string(rule);
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

    // Findings of check_indicators.cpp and annual_cycle.cpp, with their severity, node and indicator.
    void take(std::vector<detail::row_finding>& found) {
        for (detail::row_finding& r : found) {
            finding& f = add(r.rule, r.n, r.ind, r.year, std::move(r.message), r.where, r.source);
            f.expected = std::move(r.expected);
            f.actual = std::move(r.actual);
            f.expected_number = r.expected_number;
            f.actual_number = r.actual_number;
        }
        found.clear();
    }

    std::string who(const node* n, const indicator* ind) const {
        std::string s =
            n ? std::string(to_string(n->level)) + " " + (n->code_text().empty() ? n->id : n->code_text()) : "";
        if (ind) s += (s.empty() ? "" : ", ") + std::string("indicator \"") + ind->name + "\"";
        return s;
    }
    static std::string year_label(period_year y) { return detail::year_label(y); }

    // ------------------------------------------------------------------ cells
    // What the cells hold besides values: placeholders (reported once per plan), spreadsheet
    // errors (per cell) and unit words nobody declared (once per word).
    struct placeholder_cells {
        std::size_t count = 0;
        std::map<std::string, std::size_t> words;  // as printed -> cells
        const node* n = nullptr;
        const indicator* ind = nullptr;
        std::optional<period_year> year;
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

    void note(const node* n, const indicator* ind, std::optional<period_year> year, const printed_value& pv,
              const value& v) {
        if (v.kind == value_kind::placeholder) {
            if (placeholders.count++ == 0) {
                placeholders.n = n;
                placeholders.ind = ind;
                placeholders.year = year;
                placeholders.where = pv.location;
                placeholders.source = pv.source;
            }
            placeholders.words[std::string(detail::trim(pv.text))]++;
        } else if (v.kind == value_kind::spreadsheet_error && on(rule_ids::spreadsheet_error)) {
            finding& f = add(rule_ids::spreadsheet_error, n, ind, year,
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
        if (placeholders.count > 0 && on(rule_ids::placeholder)) {
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
                add(rule_ids::placeholder, placeholders.n, placeholders.ind, placeholders.year,
                    std::to_string(placeholders.count) + (placeholders.count == 1 ? " cell says" : " cells say") +
                        " it was not filled in (" + words + "); they are read as no value. The first: " +
                        (first.empty() ? placeholders.where.to_string() : first),
                    placeholders.where, placeholders.source);
            f.actual = std::to_string(placeholders.count);
            f.actual_number = static_cast<double>(placeholders.count);
        }
        if (!on(rule_ids::unknown_unit)) return;
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
                add(rule_ids::unknown_unit, u.n, u.ind, std::nullopt,
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

    // What a finding is about: a node (and one of its indicators), or a total row (JUMLAH) of the
    // plan's totals, which names the total by its id and lends it its source.
    struct owner {
        const node* n = nullptr;
        const indicator* ind = nullptr;
        const total* t = nullptr;
    };
    // "kegiatan k-1", "total \"...\"": built only for a finding
    std::string subject_of(const owner& o) const { return o.t ? "total \"" + o.t->name + "\"" : who(o.n, o.ind); }
    finding& add_at(std::string_view rule, const owner& o, std::optional<period_year> year, std::string message,
                    const printed_value& cell) {
        finding& f = add(rule, o.n, o.ind, year, std::move(message), cell.location,
                         cell.source.empty() && o.t ? o.t->source : cell.source);
        if (o.t) {
            f.node = o.t->id;
            f.node_id = o.t->id;
        }
        return f;
    }

    // An indicator's cell. A cell printed by another source than the indicator's table (the text
    // under it: `{value: "9,105", source: Teks}`) is read first without the convention learnt
    // from that table: the other source may write numbers the other way (Papua's LAKIP prints
    // "9.10" in its table and "87,92%", "9,105" in its text), and the unit or scale settles its
    // ambiguous numbers; only when nothing does is the table's convention taken. A convention
    // the indicator or the plan declares stands for every cell.
    detail::reading read_cell(const indicator& ind, const printed_value& v) {
        const std::optional<convention> table = ind.convention ? ind.convention : ind.table_convention;
        if (v.source.empty() || ind.convention || !ind.table_convention || p.conventions.numbers ||
            detail::table_of(v, ind.source) == detail::table_of(printed_value{}, ind.source))
            return detail::read_value_text(ind, v, scales, units, table);
        try {
            return detail::read_value_text(ind, v, scales, units, std::nullopt);
        } catch (const parse_error& e) {
            if (e.id() != "kinerja.parse.ambiguous_number") throw;
        }
        return detail::read_value_text(ind, v, scales, units, table);
    }

    // Reads a printed value; reports unparsed-value and returns nothing when it cannot.
    std::optional<value> read(const node* n, const indicator* ind, std::optional<period_year> year,
                              const printed_value& v, bool money) {
        std::optional<value> got;
        look(n, ind, year, v, money, [&](const value& x) { got = x; });
        return got;
    }
    // Reads a printed value and shows it to `use` (without copying it: detail::reading); reports
    // unparsed-value and returns false when it cannot.
    std::string last_error;  // the id of the last reading error look() reported
    template <class Use>
    bool look(const node* n, const indicator* ind, std::optional<period_year> year, const printed_value& v, bool money,
              Use&& use, const total* t = nullptr) {
        try {
            const detail::reading got = money ? detail::read_money_text(v) : read_cell(*ind, v);
            note(n, ind, year, v, *got);
            use(*got);
            return true;
        } catch (const parse_error& e) {
            last_error = e.id();
            if (on(rule_ids::unparsed_value)) {
                const owner o{n, ind, t};
                finding& f =
                    add_at(rule_ids::unparsed_value, o, year,
                           subject_of(o) + (year ? ", " + year_label(*year) : std::string()) + ": " + e.reason(), v);
                f.actual = v.text;
            }
        } catch (const lookup_error& e) {
            last_error = e.id();
            if (on(rule_ids::unparsed_value)) {
                const owner o{n, ind, t};
                finding& f = add_at(rule_ids::unparsed_value, o, year, subject_of(o) + ": " + e.what(), v);
                f.actual = v.text;
            }
        }
        return false;
    }

    // A printed amount of money, read once however many roll-ups it takes part in (a node's pagu
    // is a parent's sum and a child's part), so that an unreadable one is reported once.
    struct read_amount {
        std::optional<double> value;   // empty when missing or unreadable
        std::optional<decimal> exact;  // the same, exactly as printed: sums and comparisons use it
        bool readable = true;
    };
    std::unordered_map<const printed_value*, read_amount> amounts;
    // `t`: the total row the amount is printed in, if it is one (named in an unparsed-value).
    const read_amount& amount(const node* n, period_year year, const printed_value& v, const total* t = nullptr) {
        auto it = amounts.find(&v);
        if (it != amounts.end()) return it->second;
        read_amount m;
        m.readable = look(
            n, nullptr, year, v, true,
            [&m](const value& got) {
                if (got.is_missing()) return;
                m.value = got.number;
                m.exact = got.exact;
            },
            t);
        return amounts[&v] = m;
    }

    // ------------------------------------------------------------------ budgets
    // The pagu of a node in a year: node_pagu_cells by the plan's convention for indicator rows
    // (plan_values.hpp, conventions.hpp); read once per cell, summed when it is in parts.
    struct node_amount {
        std::optional<decimal> exact;         // empty when missing (blank, "-") or unreadable
        bool readable = true;                 // every cell could be read
        bool blank = true;                    // no cell, or only blank ones
        const printed_value* cell = nullptr;  // the first cell (location, source)
    };
    // The cells a node's amount of a year is read from, one at a time: its pagu's by the plan's
    // rule for pagu on indicator rows (detail::for_each_pagu_cell), or its realized budget's cell.
    template <class Visit>
    void for_each_amount_cell(const node& n, const year_values node::*field, period_year y, Visit&& visit) const {
        if (field == &node::budget)
            detail::for_each_pagu_cell(n, y, conv.indicator_pagu.value, visit);
        else if (const printed_value* v = indicator::first(n.*field, y))
            visit(v);
    }
    // The cells of budget_amount as printed ("a + b" for parts), for a finding's `actual`.
    std::string amount_text(const node& n, const year_values node::*field, period_year y) const {
        std::string text;
        for_each_amount_cell(n, field, y, [&text](const printed_value* v) {
            if (!detail::blank_cell(v)) text += (text.empty() ? "" : " + ") + v->text;
        });
        return text;
    }
    // Each (node, pagu or realized, year) is summed once per check: a node's amount is its
    // parent's part, its own total, and a term of the absorption and coverage checks. Kept by
    // node: a node prints a handful of years.
    struct year_amount {
        period_year year;
        bool pagu;
        node_amount amount;
    };
    std::unordered_map<const node*, std::deque<year_amount>> node_amounts;  // a deque keeps references
    const node_amount& budget_amount(const node& n, const year_values node::*field, period_year y) {
        const bool pagu = field == &node::budget;
        std::deque<year_amount>& known = node_amounts[&n];
        for (const year_amount& a : known)
            if (a.year == y && a.pagu == pagu) return a.amount;
        known.push_back(year_amount{y, pagu, sum_amount(n, field, y)});
        return known.back().amount;
    }
    node_amount sum_amount(const node& n, const year_values node::*field, period_year y) {
        node_amount got;
        bool overflow = false;  // parts summing beyond the exact range: no amount, not a throw
        for_each_amount_cell(n, field, y, [&](const printed_value* v) {
            if (!got.cell) got.cell = v;
            if (overflow || detail::blank_cell(v)) return;
            got.blank = false;
            const read_amount& a = amount(&n, y, *v);
            got.readable = got.readable && a.readable;
            try {
                if (a.exact) got.exact = got.exact ? *got.exact + *a.exact : *a.exact;
            } catch (const error&) {
                got.exact.reset();
                overflow = true;
            }
        });
        if (!got.readable) got.exact.reset();
        return got;
    }
    // The years a node prints an amount in (node_pagu_years for pagu), added to `years` (sorted
    // and made unique by the caller).
    static void budget_years(const node& n, const year_values node::*field, std::vector<period_year>& years) {
        const auto add = [&years](period_year y) { years.push_back(y); };
        if (field == &node::budget)
            detail::for_each_pagu_year(n, add);
        else
            for (const auto& kv : n.*field) add(kv.first);
    }
    // Whether a level carries pagu by the plan's convention: true, false, or empty (unknown).
    std::optional<bool> carries(node_level l) const { return conv.carries_pagu(l); }
    // Whether a level carries realized budget, by the plan's conventions (conventions.hpp
    // realized_levels: as it carries pagu where the plan prints pagu, else by its nodes)
    std::optional<bool> carries_realized(node_level l) const { return conv.carries_realized(l); }
    std::optional<bool> carries_amount(node_level l, bool pagu) { return pagu ? carries(l) : carries_realized(l); }

    // A roll-up message names the first children's amounts and counts the rest, so that a
    // parent of 100,000 children does not make a message of megabytes.
    static constexpr std::size_t shown_parts = 10;

    // The children of each node along the nomenclature code tree (urusan → bidang urusan →
    // program → kegiatan → sub kegiatan): a node's code parent is the node of the same list whose
    // code is the longest dotted prefix of its code; a code carried by two nodes has no children.
    // Only nodes whose parent link leaves the code tree (no parent, or a parent without a code:
    // a programme under a sasaran) join it: where both parents have codes, the link is the
    // table's word, and a code that does not extend it is code-hierarchy's finding.
    std::map<const node*, std::vector<const node*>> code_children(const std::vector<node>& list) const {
        std::map<std::string, const node*> by_code;
        std::set<std::string> shared;
        for (const node& n : list) {
            const std::string& c = n.code_text();
            if (c.empty()) continue;
            if (!by_code.emplace(c, &n).second) shared.insert(c);
        }
        std::map<const node*, std::vector<const node*>> kids;
        for (const node& n : list) {
            const std::string& c = n.code_text();
            if (c.empty()) continue;
            if (const node* linked = index.parent(n); linked && !linked->code_text().empty()) continue;
            for (std::size_t dot = c.rfind('.'); dot != std::string::npos && dot > 0; dot = c.rfind('.', dot - 1)) {
                const std::string prefix = c.substr(0, dot);
                auto it = by_code.find(prefix);
                if (it == by_code.end()) continue;
                if (!shared.count(prefix)) kids[it->second].push_back(&n);
                break;
            }
        }
        return kids;
    }

    void budgets(const std::vector<node>& list) {
        const std::less<const node*> before;
        const node* const begin = list.data();
        const node* const end = list.data() + list.size();
        std::vector<const node*> kids;
        for (const node& parent : list) {
            kids.clear();  // the children in the same list (plan or history), in file order
            for (const node* c : index.children(parent.id))
                if (!before(c, begin) && before(c, end)) kids.push_back(c);
            if (!kids.empty()) rollup(parent, kids, false);
        }
        // the code tree, where it groups other children than the parent links do
        if (!on(rule_ids::budget_rollup) && !on(rule_ids::budget_incomplete)) return;
        for (const auto& [parent, code_kids] : code_children(list)) {
            std::vector<const node*> linked;
            for (const node* c : index.children(parent->id))
                if (!before(c, begin) && before(c, end)) linked.push_back(c);
            std::set<const node*> a(code_kids.begin(), code_kids.end()), b(linked.begin(), linked.end());
            if (a != b) rollup(*parent, code_kids, true);
        }
    }

    // One parent against its children (by parent links, or along the code tree), pagu and
    // realized budget, year by year. A context node's total covers more than its children: only
    // children that sum to more than it are reported; no blank among them, and no missing pagu
    // on either side, is a finding.
    std::vector<period_year> rollup_years;
    void rollup(const node& parent, const std::vector<const node*>& kids, bool code_tree) {
        const std::string tree = code_tree ? " (along the code tree)" : "";
        for (int which = 0; which < 2; ++which) {
            const year_values node::*field = which == 0 ? &node::budget : &node::budget_realized;
            const char* what = which == 0 ? "pagu" : "realized budget";
            std::vector<period_year>& years = rollup_years;  // the checker's, reused: no allocation per roll-up
            years.clear();
            budget_years(parent, field, years);
            for (const node* c : kids) budget_years(*c, field, years);
            std::sort(years.begin(), years.end());
            years.erase(std::unique(years.begin(), years.end()), years.end());
            for (period_year y : years) {
                const node_amount& own_amount = budget_amount(parent, field, y);
                const std::optional<decimal> own = own_amount.exact;
                decimal sum;
                std::size_t present = 0;
                bool unreadable = !own_amount.readable;
                std::vector<const node*> blanks;  // children with no pagu at all in the year
                for (const node* c : kids) {
                    const node_amount& a = budget_amount(*c, field, y);
                    unreadable = unreadable || !a.readable;
                    if (a.blank) {
                        blanks.push_back(c);
                        continue;
                    }
                    if (!a.exact) continue;
                    sum += *a.exact;
                    ++present;
                }
                if (unreadable) continue;  // reported as unparsed-value already
                // the children's amounts as a message shows them (only a finding needs them)
                const auto parts = [&] {
                    std::string text;
                    std::size_t shown = 0;
                    for (const node* c : kids) {
                        const node_amount& a = budget_amount(*c, field, y);
                        if (a.blank || !a.exact) continue;
                        if (++shown > shown_parts) break;
                        text += (text.empty() ? "" : " + ") + show_exact(*a.exact);
                    }
                    if (present > shown_parts) text += " + " + std::to_string(present - shown_parts) + " more";
                    return text;
                };
                const printed_value* pv = own_amount.cell;
                const location& where = pv ? pv->location : parent.location;
                const std::string& source = pv ? pv->source : std::string();
                if (own && present > 0 && !parent.context) incomplete(parent, blanks, y, what, tree, which == 0);
                if (code_tree || parent.context) {  // the code tree adds roll-ups only; missing pagu is the
                                                    // parent links' question
                    if (own && present > 0) mismatch(parent, field, *own, own_amount, sum, parts, y, what, tree);
                    continue;
                }
                if (own && present == 0) {
                    // the children's level must carry pagu by the plan's convention
                    const bool priced = std::any_of(kids.begin(), kids.end(), [&](const node* k) {
                        return carries_amount(k->level, which == 0).value_or(false);
                    });
                    if (on(rule_ids::budget_missing) && priced) {
                        finding& f =
                            add(rule_ids::budget_missing, &parent, nullptr, y,
                                who(&parent, nullptr) + " has " + what + " " + show_exact(*own) + " in " +
                                    year_label(y) + " but none of its " + std::to_string(kids.size()) + " children has",
                                where, source);
                        f.actual = amount_text(parent, field, y);
                        f.actual_number = own->to_double();
                    }
                } else if (!own && present > 0) {
                    // the parent's level must carry pagu by the plan's convention
                    if (on(rule_ids::budget_missing) && carries_amount(parent.level, which == 0).value_or(false)) {
                        finding& f = add(rule_ids::budget_missing, &parent, nullptr, y,
                                         who(&parent, nullptr) + " has no " + what + " in " + year_label(y) +
                                             " but its children have " + show_exact(sum) + " (" + parts() + ")",
                                         where, source);
                        f.expected = show_exact(sum);
                        f.expected_number = sum.to_double();
                        f.actual = amount_text(parent, field, y);
                    }
                } else if (own) {
                    mismatch(parent, field, *own, own_amount, sum, parts, y, what, tree);
                }
            }
        }
    }

    template <class Parts>
    void mismatch(const node& parent, const year_values node::*field, const decimal& own, const node_amount& own_amount,
                  const decimal& sum, const Parts& parts, period_year y, const char* what, const std::string& tree) {
        const double gap = (own - sum).to_double();
        if ((parent.context ? -gap : std::fabs(gap)) <= options.budget_tolerance || !on(rule_ids::budget_rollup))
            return;
        const printed_value* pv = own_amount.cell;
        finding& f =
            add(rule_ids::budget_rollup, &parent, nullptr, y,
                who(&parent, nullptr) + ": " + what + " in " + year_label(y) + " is " + show_exact(own) +
                    " but its children" + tree + (parent.context ? " (of more, a context node) alone" : "") +
                    " sum to " + show_exact(sum) + " (" + parts() + "), a difference of " + show_exact(own - sum),
                pv ? pv->location : parent.location, pv ? pv->source : std::string());
        f.expected = show_exact(sum);
        f.expected_number = sum.to_double();
        f.actual = amount_text(parent, field, y);
        f.actual_number = own.to_double();
    }

    // budget-incomplete: a child with no amount at all in a year where its parent (or total) and
    // siblings have one is a hole in the sum, reported rather than skipped. Only a child whose
    // level carries pagu by the plan's conventions can leave a hole (unknown: nothing is guessed).
    std::set<std::tuple<const node*, period_year, int>> holes;  // (child, year, pagu or realized): once
    // A blank node whose own children print an amount in the year is budget-missing's finding
    // (it names the hole with the children's sum), not a second one here.
    bool priced_below(const node& c, period_year y, bool pagu) {
        const year_values node::*field = pagu ? &node::budget : &node::budget_realized;
        const std::vector<const node*>& kids = index.children(c.id);
        return std::any_of(kids.begin(), kids.end(), [&](const node* k) { return !budget_amount(*k, field, y).blank; });
    }
    // A year the node is not in the table for is no hole: outside its printed period (history
    // nodes) or before its valid_from / after its valid_to.
    static bool in_table(const node& c, period_year y) {
        if (y.is_end()) return !c.period;  // a printed period [from, to] has no end column
        const int v = y.value();
        if (c.period && (v < c.period->first || v > c.period->second)) return false;
        return !(c.valid_from && v < *c.valid_from) && !(c.valid_to && v > *c.valid_to);
    }
    void incomplete(const node& parent, const std::vector<const node*>& blanks, period_year y, const char* what,
                    const std::string& tree, bool pagu) {
        if (!on(rule_ids::budget_incomplete)) return;
        for (const node* c : blanks) {
            if ((pagu && carries(c->level) != true) || !in_table(*c, y) || priced_below(*c, y, pagu)) continue;
            if (!holes.emplace(c, y, pagu ? 0 : 1).second) continue;
            const printed_value* cv = pagu ? node_pagu_cell(*c, y) : indicator::first(c->budget_realized, y);
            finding& f = add(rule_ids::budget_incomplete, c, nullptr, y,
                             who(c, nullptr) + " has no " + what + " in " + year_label(y) + " while " +
                                 who(&parent, nullptr) + tree + " and its other children have: a blank inside the sum",
                             cv ? cv->location : c->location, cv ? cv->source : std::string());
            f.actual = cv ? cv->text : "";
        }
    }
    void incomplete_in_total(const total& t, const std::vector<const node*>& blanks, period_year y, const char* what,
                             bool pagu) {
        if (!on(rule_ids::budget_incomplete)) return;
        for (const node* c : blanks) {
            if ((pagu && carries(c->level) != true) || !in_table(*c, y) || priced_below(*c, y, pagu)) continue;
            if (!holes.emplace(c, y, pagu ? 0 : 1).second) continue;
            const printed_value* cv = pagu ? node_pagu_cell(*c, y) : indicator::first(c->budget_realized, y);
            finding& f = add(rule_ids::budget_incomplete, c, nullptr, y,
                             who(c, nullptr) + " has no " + what + " in " + year_label(y) + " while total \"" + t.name +
                                 "\" and the other rows it totals have: a blank inside the sum",
                             cv ? cv->location : c->location, cv ? cv->source : std::string());
            f.actual = cv ? cv->text : "";
        }
    }
    void totals() {
        for (const total& t : p.totals) {
            for (int which = 0; which < 2; ++which) {
                const year_values& printed = which == 0 ? t.budget : t.budget_realized;
                for (const auto& [y, vs] : printed) {
                    const std::optional<decimal> own = amount(nullptr, y, vs.front(), &t).exact;
                    if (!own) continue;
                    decimal sum;
                    bool ok = true;
                    std::size_t present = 0;
                    std::vector<const node*> blanks;
                    for (const auto& id : t.over) {
                        const node* n = index.find(id);
                        if (!n) continue;
                        const node_amount& a =
                            budget_amount(*n, which == 0 ? &node::budget : &node::budget_realized, y);
                        ok = ok && a.readable;
                        if (a.blank) blanks.push_back(n);
                        if (a.exact) {
                            sum += *a.exact;
                            ++present;
                        }
                    }
                    if (!ok) continue;
                    // a context total covers more rows than it names: a blank among them is no hole,
                    // and only rows that sum to more than it are a misprint
                    if (present > 0 && !t.context) {
                        incomplete_in_total(t, blanks, y, which == 0 ? "pagu" : "realized budget", which == 0);
                    }
                    const double gap = (*own - sum).to_double();
                    if ((t.context ? -gap : std::fabs(gap)) <= options.budget_tolerance || !on(rule_ids::budget_rollup))
                        continue;
                    finding& f = add(rule_ids::budget_rollup, nullptr, nullptr, y,
                                     "total \"" + t.name + "\" (" + (which == 0 ? "pagu" : "realized budget") +
                                         ") in " + year_label(y) + " is " + show_exact(*own) + " but the " +
                                         std::to_string(t.over.size()) + " rows it " +
                                         (t.context ? "covers (of more, a context total) alone" : "totals") +
                                         " sum to " + show_exact(sum) + ", a difference of " + show_exact(*own - sum),
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
        if (!on(rule_ids::negative_amount)) return;
        for (const node& n : list) {
            negative(&n, nullptr, nullptr, n.budget, "pagu");
            negative(&n, nullptr, nullptr, n.budget_realized, "realized budget");
            for (const indicator& i : n.indicators) negative(&n, &i, nullptr, i.budget, "pagu");
        }
    }
    // scale-jump of a budget: a realized budget at least scale_jump_slip_band.first (8) times its
    // pagu is no overspending but an amount printed at the wrong scale, a scale word or digits
    // misprinted (Makassar's APBD 2022: "Rp288,31 triliun" realized of "Rp4,96 triliun", 58 times;
    // the release's remainder, Rp4,67 triliun, says Rp288,31 miliar). Overspending within that
    // (realized above pagu) is the shipped rule file's `realized-within-pagu` (validation.md).
    void budget_scale_jumps(const std::vector<node>& list) {
        if (!on(rule_ids::scale_jump)) return;
        for (const node& n : list)
            for (const auto& kv : n.budget_realized) {
                const period_year y = kv.first;
                const node_amount& spent = budget_amount(n, &node::budget_realized, y);
                const node_amount& pagu = budget_amount(n, &node::budget, y);
                if (!spent.exact || !pagu.exact) continue;
                budget_scale_jump(&n, nullptr, y, *pagu.exact, *spent.exact, amount_text(n, &node::budget, y),
                                  *spent.cell);
            }
        for (const total& t : p.totals)
            for (const auto& [y, vs] : t.budget_realized) {
                const printed_value* b = indicator::first(t.budget, y);
                if (!b || detail::blank_cell(b)) continue;
                const std::optional<decimal> pagu = amount(nullptr, y, *b, &t).exact;
                const std::optional<decimal> spent = amount(nullptr, y, vs.front(), &t).exact;
                if (!spent || !pagu) continue;
                budget_scale_jump(nullptr, &t, y, *pagu, *spent, b->text, vs.front());
            }
    }
    void budget_scale_jump(const node* n, const total* t, period_year y, const decimal& pagu, const decimal& spent,
                           const std::string& pagu_text, const printed_value& cell) {
        const double b = pagu.to_double(), r = spent.to_double();
        if (!(b > 0.0) || r < b * options.scale_jump_slip_band.first) return;
        const owner o{n, nullptr, t};
        finding& f = add_at(rule_ids::scale_jump, o, y,
                            subject_of(o) + ": the realized budget of " + year_label(y) + " is " + cell.text + ", " +
                                format_number(r / b, convention::english, 0, false) + " times its pagu " + pagu_text +
                                ": an amount printed at the wrong scale (a scale word or digits)?",
                            cell);
        f.expected = "at most " + pagu_text;
        f.expected_number = b;
        f.actual = cell.text;
        f.actual_number = r;
    }

    void negative_totals() {
        if (!on(rule_ids::negative_amount)) return;
        for (const total& t : p.totals) {
            negative(nullptr, nullptr, &t, t.budget, "pagu");
            negative(nullptr, nullptr, &t, t.budget_realized, "realized budget");
        }
    }
    void negative(const node* n, const indicator* ind, const total* t, const year_values& values, const char* what) {
        for (const auto& [y, vs] : values)
            for (const printed_value& pv : vs) {
                std::optional<double> x;
                if (auto known = amounts.find(&pv); known != amounts.end()) {
                    x = known->second.value;  // read by a roll-up already
                } else {
                    try {
                        const detail::reading v = detail::read_money_text(pv);
                        if (!v->is_missing()) x = v->number;
                    } catch (const error&) {
                    }
                }
                if (!x || !(*x < 0.0)) continue;
                const owner o{n, ind, t};
                finding& f = add_at(rule_ids::negative_amount, o, y,
                                    subject_of(o) + ": " + what + " in " + year_label(y) + " is " + pv.text +
                                        ", below 0; an amount of money that is negative is no budget or spending, "
                                        "and no absorption or roll-up is computed from it",
                                    pv);
                f.expected = "0 or more";
                f.expected_number = 0.0;
                f.actual = pv.text;
                f.actual_number = x;
            }
    }

    // reported-absorption: a printed absorption ratio against pagu and realized budget. Amounts
    // printed to the rupiah are exact. An amount printed with a scale word ("Rp16,6 triliun") is
    // rounded to its printed digits: it stands for every amount within half a unit of its last
    // digit (detail::money_scaled_unit; 0 for an amount printed to the rupiah), so the absorption lies
    // between (spent - s) / (pagu + b) and (spent + s) / (pagu - b), and a printed absorption agrees
    // when it rounds or cuts off to a figure in that span (Jakarta's 9,46 / 16,6 triliun allow 56,79%
    // to 57,19%: 56,86 agrees; Bengkulu Selatan's Rp 653 / 980,8 miliar allow 66,52% to 66,63%: 66,4
    // does not). A scale word whose amount's digits cannot be read leaves the absorption unjudged, as
    // does an unreadable amount (unparsed-value reports it); an absorption without a realized
    // budget, or without a budget, is reported as such.
    // Judges one printed absorption; the printing as read goes to `read` (for source-conflict).
    void judge_absorption(const owner& o, period_year y, const printed_value& pv, const printed_value* pagu_cell,
                          const std::optional<decimal>& pagu_exact, bool pagu_readable, const printed_value* r,
                          const audit_options& ao, std::vector<detail::read_cell>& read, bool keep) {
        std::optional<detail::reading> got;
        try {
            got.emplace(detail::read_reported_text(pv.text));
            note(o.n, nullptr, y, pv, **got);
        } catch (const parse_error& e) {
            finding& f = add_at(rule_ids::unparsed_value, o, y, subject_of(o) + ": " + e.reason(), pv);
            f.actual = pv.text;
            return;
        }
        const value& reported = **got;
        if (keep) read.push_back({&pv, reported});  // two printings or more: source-conflict compares them
        if (reported.is_missing() || !on(rule_ids::reported_absorption)) return;
        const read_amount none;
        const read_amount& realized = r ? amount(o.n, y, *r, o.t) : none;
        // a printed amount that cannot be read tells nothing: unparsed-value reports it
        if (!pagu_readable || !realized.readable) return;
        const double budget = pagu_exact ? pagu_exact->to_double() : 0.0;
        const double spent = realized.value.value_or(0.0);
        if (budget < 0.0 || spent < 0.0) return;  // no absorption: negative-amount reports it
        // without a budget, or without a realized budget (none printed, or a placeholder), a printed
        // absorption follows from nothing printed and contradicts nothing: reports print a
        // percentage alone (Bulukumba's PSDA "32 persen" beside its realized amount, Kota Sorong's
        // "17,74 persen" beside its pagu), so it is not judged
        if (budget == 0.0 || !realized.value) return;
        const bool scaled_pagu = pagu_cell && detail::money_scale_word(pagu_cell->text);
        const bool scaled_spent = detail::money_scale_word(r->text).has_value();
        const double computed = spent / budget * 100.0;
        if (scaled_pagu || scaled_spent) {
            const std::optional<double> pagu_unit = scaled_pagu ? detail::money_scaled_unit(pagu_cell->text) : 0.0;
            const std::optional<double> spent_unit = scaled_spent ? detail::money_scaled_unit(r->text) : 0.0;
            if (!pagu_unit || !spent_unit || !reported.number) return;
            if (reported.kind != value_kind::percent && reported.kind != value_kind::number) return;
            const double b = *pagu_unit / 2.0, s = *spent_unit / 2.0;
            if (budget - b <= 0.0) return;  // a pagu rounded to nothing bounds no ratio
            const double low = std::max(spent - s, 0.0) / (budget + b) * 100.0;
            const double high = (spent + s) / (budget - b) * 100.0;
            const double x = *reported.number;
            const double h = reported.half_unit();
            // printed rounded ([x - h, x + h]) or cut off ([x, x + 2h]); a bare figure may be a fraction
            auto fits = [&](double at, double half) {
                return at - half <= high + 1e-9 && at + 2.0 * half >= low - 1e-9;
            };
            if (fits(x, h) || (reported.kind == value_kind::number && fits(x * 100.0, h * 100.0))) return;
            const convention c = reported.written_in.value_or(convention::english);
            finding& f = add_at(rule_ids::reported_absorption, o, y,
                                subject_of(o) + ": printed absorption " + pv.text + " in " + year_label(y) +
                                    " does not follow from amounts rounded to their printed digits: " +
                                    (o.n ? amount_text(*o.n, &node::budget_realized, y) : r->text) + " / " +
                                    (o.n ? amount_text(*o.n, &node::budget, y) : pagu_cell->text) + " give " +
                                    format_number(low, c, 2, false) + "% to " + format_number(high, c, 2, false) + "%",
                                pv);
            f.expected_number = detail::to_digits(computed, reported.decimals);
            f.expected = format_number(*f.expected_number, convention::english, reported.decimals, false);
            f.actual = pv.text;
            f.actual_number = reported.number;
            return;
        }
        const audit_result a = detail::audit_verdict(make_value(budget, {}, 0), make_value(spent, {}, 0), reported, ao);
        if (a.consistent.value_or(true)) return;
        finding& f = add_at(rule_ids::reported_absorption, o, y,
                            subject_of(o) + ": printed absorption " + pv.text + " in " + year_label(y) +
                                " does not follow from " + show(spent) + " / " + show(budget) + " = " +
                                format_number(computed, convention::english, 2, false) + "%",
                            pv);
        f.expected = a.expected ? format_number(*a.expected, convention::english, reported.decimals, false) : "";
        f.expected_number = a.expected;
        f.actual = pv.text;
        f.actual_number = reported.number;
    }

    // source-conflict: one year's absorption printed by two sources that disagree beyond their
    // rounding (Ende's APBD 2016: "19,93%" in one paragraph, "21,03 %" in the next).
    void absorption_conflict(const owner& o, period_year y, const std::vector<detail::read_cell>& read,
                             const std::string& own_source) {
        if (!on(rule_ids::source_conflict)) return;
        const detail::read_cell* other = detail::conflicting_printing(read, true);
        if (!other) return;
        const detail::read_cell& first = read.front();
        auto label = [&](const printed_value* pv) { return pv->source.empty() ? own_source : pv->source; };
        finding& f = add_at(rule_ids::source_conflict, o, y,
                            subject_of(o) + ": the printed absorption of " + year_label(y) + " is printed as " +
                                first.v.text + " (" + label(first.printed) + ") and as " + other->v.text + " (" +
                                label(other->printed) + "): two sources disagree",
                            *other->printed);
        f.expected = first.v.text;
        f.expected_number = first.v.number;
        f.actual = other->v.text;
        f.actual_number = other->v.number;
    }

    static audit_options absorption_audit() {
        audit_options ao;
        ao.polarity = polarity::higher;
        ao.caps = {std::nullopt};
        ao.input_precision = false;  // amounts of money are exact
        return ao;
    }

    void absorption_ratios(const std::vector<node>& list) {
        if (!on(rule_ids::reported_absorption) && !on(rule_ids::source_conflict)) return;
        const audit_options ao = absorption_audit();
        std::vector<detail::read_cell> read;
        for (const node& n : list)
            for (const auto& [y, vs] : n.reported_absorption) {
                owner o;
                o.n = &n;
                read.clear();
                for (const printed_value& pv : vs) {
                    const node_amount& pagu = budget_amount(n, &node::budget, y);  // the plan's pagu rule
                    const printed_value* r = indicator::first(n.budget_realized, y);
                    judge_absorption(o, y, pv, pagu.cell, pagu.exact, pagu.readable, r, ao, read, vs.size() > 1);
                }
                absorption_conflict(o, y, read, n.source);
            }
    }

    // A node's budget not yet absorbed, printed as one of its indicators (Anggaran yang belum
    // terserap, Sisa anggaran), is its pagu minus its realized budget: Pati's SKPD table prints RSUD
    // Kayen's 3.759.500.000 - 1.164.612.111 = 2.594.887.889 as 2.594.887.834. Amounts printed with a
    // scale word are news figures of their rounding and are not judged.
    void remainders(const std::vector<node>& list) {
        if (!on(rule_ids::budget_rollup)) return;
        for (const node& n : list)
            for (const indicator& ind : n.indicators) {
                if (!detail::names_a_remainder(ind.name) || !ind.unit) continue;
                const unit_info* money = units.find(ind.unit->text);
                if (!money || money->kind != value_kind::money) continue;
                for (const auto& [y, vs] : ind.realizations) {
                    const node_amount& pagu = budget_amount(n, &node::budget, y);
                    const node_amount& spent = budget_amount(n, &node::budget_realized, y);
                    if (!pagu.exact || !spent.exact) continue;
                    const printed_value& pv = vs.front();
                    const read_amount& left = amount(&n, y, pv);
                    if (!left.exact) continue;
                    if (detail::money_scale_word(pv.text) || (pagu.cell && detail::money_scale_word(pagu.cell->text)) ||
                        (spent.cell && detail::money_scale_word(spent.cell->text)))
                        continue;
                    const decimal expected = *pagu.exact - *spent.exact;
                    if (std::fabs((*left.exact - expected).to_double()) <= options.budget_tolerance) continue;
                    finding& f =
                        add(rule_ids::budget_rollup, &n, &ind, y,
                            who(&n, &ind) + ": the remainder of " + year_label(y) + " is " + show_exact(*left.exact) +
                                " but the node's pagu " + show_exact(*pagu.exact) + " minus its realized budget " +
                                show_exact(*spent.exact) + " is " + show_exact(expected) + ", a difference of " +
                                show_exact(*left.exact - expected),
                            pv.location, pv.source);
                    f.expected = show_exact(expected);
                    f.expected_number = expected.to_double();
                    f.actual = pv.text;
                    f.actual_number = left.exact->to_double();
                }
            }
    }

    // The printed absorptions of the plan's total rows, judged as a node's are, from the total's own
    // pagu and realized budget (Bengkulu Selatan's APBD: Rp 653 of Rp 980,8 miliar printed "66,4 persen").
    void total_absorptions() {
        if (!on(rule_ids::reported_absorption) && !on(rule_ids::source_conflict)) return;
        const audit_options ao = absorption_audit();
        std::vector<detail::read_cell> read;
        for (const total& t : p.totals)
            for (const auto& [y, vs] : t.reported_absorption) {
                owner o;
                o.t = &t;
                read.clear();
                for (const printed_value& pv : vs) {
                    const printed_value* b = indicator::first(t.budget, y);
                    const printed_value* r = indicator::first(t.budget_realized, y);
                    const read_amount none;
                    const read_amount& pagu = b && !detail::blank_cell(b) ? amount(nullptr, y, *b, &t) : none;
                    judge_absorption(o, y, pv, b, pagu.exact, pagu.readable, r, ao, read, vs.size() > 1);
                }
                absorption_conflict(o, y, read, t.source);
            }
    }

    // ------------------------------------------------------------------ codes and structure
    // The responsible agency of a node: its own `responsible`, else its nearest ancestor's.
    std::string responsible_of(const node& n) const {
        const node* at = &n;
        for (std::size_t steps = 0; at && steps <= p.nodes.size() + p.history.size(); ++steps) {
            if (!at->responsible.empty()) return at->responsible;
            at = index.parent(*at);
        }
        return "";
    }

    // The place of a node outside the nomenclature code tree (urusan > programme > activity >
    // sub-activity): its nearest ancestor at another level (a sasaran, tujuan or misi), or none.
    const node* code_context(const node& n) const {
        const node* at = index.parent(n);
        for (std::size_t steps = 0; at && steps <= p.nodes.size() + p.history.size(); ++steps) {
            const node_level l = at->level;
            if (l != node_level::urusan && l != node_level::program && l != node_level::kegiatan &&
                l != node_level::sub_kegiatan)
                return at;
            at = index.parent(*at);
        }
        return nullptr;
    }

    // duplicate-code: by default a code is unique within one context (the nearest objective, goal
    // or misi above the code tree) and one responsible agency. Regional tables print the same
    // nomenclature code once per agency, kecamatan tables once per kecamatan, and a programme that
    // serves two objectives is printed under each (with its activities); two rows with one code
    // under one objective and one agency are a real duplicate (two sub-activities of one programme
    // printed with one code, seed E.4). settings.code_scope: plan makes a code unique in the plan.
    void codes(const std::vector<node>& list) {
        std::map<std::string, const node*> seen;
        const bool whole_plan = p.settings.code_scope == code_scope::plan;
        for (const node& n : list) {
            const std::string& code = n.code_text();
            if (code.empty()) continue;
            if (on(rule_ids::duplicate_code)) {
                const std::string agency = whole_plan ? std::string() : responsible_of(n);
                const node* context = whole_plan ? nullptr : code_context(n);
                const std::string key =
                    whole_plan ? code : code + '\x1f' + (context ? context->id : "") + '\x1f' + detail::fold(agency);
                auto [it, fresh] = seen.emplace(key, &n);
                if (!fresh) {
                    std::string where;
                    if (!whole_plan) {
                        where = context ? " (both under " + std::string(to_string(context->level)) + " " + context->id
                                        : std::string(" (both outside any objective");
                        where += agency.empty() ? ")" : ", responsible " + agency + ")";
                    }
                    finding& f = add(rule_ids::duplicate_code, &n, nullptr, std::nullopt,
                                     "code " + code + " is carried by \"" + it->second->name + "\" (" + it->second->id +
                                         ") and by \"" + n.name + "\" (" + n.id + ")" + where,
                                     n.code->location, n.code->source);
                    f.actual = code;
                }
            }
            if (!on(rule_ids::code_hierarchy) || n.parent.empty()) continue;
            const node* parent = index.find(n.parent);
            if (!parent || parent->code_text().empty()) continue;
            const std::string& pc = parent->code_text();
            if (code.size() > pc.size() && code.compare(0, pc.size(), pc) == 0 && code[pc.size()] == '.') continue;
            finding& f = add(rule_ids::code_hierarchy, &n, nullptr, std::nullopt,
                             who(&n, nullptr) + ": code " + code + " does not extend its parent's code " + pc + " (" +
                                 parent->name + ")",
                             n.code->location, n.code->source);
            f.expected = pc + ".…";
            f.actual = code;
        }
    }

    // orphan: a row the table should link upwards and does not. Real tables link a programme to
    // whatever the table prints above it: an agency's sasaran or tujuan (Renstra Tabel 6.1), a
    // regional sasaran, tujuan or misi (RPJMD programme tables), an urusan (nomenclature tables);
    // so a programme is an orphan only when neither its parent is at one of those levels nor it has
    // a `supports` link, and only in a plan that prints a level above programmes at all (a plain
    // list of programmes is a table's shape, not a defect); an activity or sub-activity is one when
    // it has no parent in a plan that prints the level above it. An agency's
    // objective is an orphan without indicators only where its table prints objectives' indicators
    // (a summary table of capaian and absorption, Temanggung's Tabel 4.1, prints none; a Renstra
    // evaluation form, Tanjung Jabung Barat's Formulir E.80, prints them for programmes and
    // kegiatan only), and without
    // programmes only where its table prints programmes or links objectives to them (an LKjIP
    // table of sasaran and IKU, Tanah Datar's Tabel 3.3.97, prints none, though another table of
    // the same plan does). Context nodes are not judged.
    static std::string node_table(const node& n) { return detail::table_of(printed_value{}, n.source); }
    void orphans() {
        if (!on(rule_ids::orphan)) return;
        std::set<node_level> levels;
        for (const node& n : p.nodes) levels.insert(n.level);
        std::set<std::string> with_indicators, with_programmes;  // tables (folded labels)
        for (const node& n : p.nodes) {
            // a table prints objective indicators only if one of its objectives has some: the
            // Permendagri 86 evaluation forms (E.80, E.81) print a sasaran column and indicators
            // for programmes and kegiatan only
            if (!n.indicators.empty() && n.level != node_level::program && n.level != node_level::kegiatan &&
                n.level != node_level::sub_kegiatan)
                with_indicators.insert(node_table(n));
            if (n.level == node_level::program) with_programmes.insert(node_table(n));
            for (const node* k : index.children(n.id))
                if (k->level == node_level::program) with_programmes.insert(node_table(n));
        }
        const bool above_programmes = std::any_of(levels.begin(), levels.end(), [](node_level l) {
            return l != node_level::program && l != node_level::kegiatan && l != node_level::sub_kegiatan;
        });
        for (const node& n : p.nodes) {
            if (n.context) continue;
            const std::vector<const node*>& kids = index.children(n.id);
            if (n.level == node_level::sasaran) {
                if (n.indicators.empty() && with_indicators.count(node_table(n)))
                    add(rule_ids::orphan, &n, nullptr, std::nullopt, "objective \"" + n.name + "\" has no indicators",
                        n.location, "");
                const bool has_programme = std::any_of(kids.begin(), kids.end(),
                                                       [](const node* k) { return k->level == node_level::program; });
                if (!has_programme && levels.count(node_level::program) && with_programmes.count(node_table(n)))
                    add(rule_ids::orphan, &n, nullptr, std::nullopt, "objective \"" + n.name + "\" has no programmes",
                        n.location, "");
            }
            const bool judged = (n.level == node_level::program && above_programmes) ||
                                (n.level == node_level::kegiatan && levels.count(node_level::program)) ||
                                (n.level == node_level::sub_kegiatan && levels.count(node_level::kegiatan));
            const node* parent = index.parent(n);
            const bool linked =
                !n.supports.empty() ||
                (parent && (n.level != node_level::program ||
                            (parent->level != node_level::program && parent->level != node_level::kegiatan &&
                             parent->level != node_level::sub_kegiatan)));
            if (judged && !linked)
                add(rule_ids::orphan, &n, nullptr, std::nullopt,
                    who(&n, nullptr) + " \"" + n.name + "\" is linked to no " +
                        (n.level == node_level::program ? "objective" : "parent"),
                    n.location, "");
        }
    }

    // ------------------------------------------------------------------ indicators
    void indicators(const std::vector<node>& list) {
        for (const node& n : list) {
            // the rows of a node's indicators, kept as read where they are compared with each other:
            // a total's (total-mismatch, and settle_totals' reading of its ambiguous cells), an IPM's
            // (or two or more shares of one printed whole: their parts are summed too)
            const bool has_total =
                (on(rule_ids::total_mismatch) || on(rule_ids::unparsed_value)) && n.indicators.size() >= 3 &&
                (std::any_of(n.indicators.begin(), n.indicators.end(),
                             [this](const indicator& i) {
                                 return detail::names_a_total(i.name) || detail::names_a_mean(i.name) ||
                                        detail::names_the_region(i.name, p.info.region);
                             }) ||
                 std::count_if(n.indicators.begin(), n.indicators.end(),
                               [](const indicator& i) { return !i.denominators.empty(); }) >= 2);
            const bool totals = has_total && on(rule_ids::total_mismatch);
            const bool ipm = on(rule_ids::index_formula) && n.indicators.size() >= 5 &&
                             std::any_of(n.indicators.begin(), n.indicators.end(),
                                         [](const indicator& i) { return detail::names_an_ipm(i.name); });
            collect_rows = has_total || ipm;
            node_rows.clear();
            for (const indicator& ind : n.indicators) one_indicator(n, ind);
            if (collect_rows) {
                settle_totals();
                std::vector<detail::row_finding> found;
                if (totals) detail::total_checks(n, node_rows, p.info.region, found);
                if (ipm) detail::index_checks(n, node_rows, found);
                take(found);
            }
        }
        collect_rows = false;
    }
    bool collect_rows = false;
    std::vector<detail::node_row> node_rows;

    void duplicate_rows(const std::vector<node>& list) {
        if (!on(rule_ids::duplicate_row)) return;
        std::vector<detail::row_finding> found;
        detail::duplicate_row_checks(list, found);
        take(found);
    }

    // An ambiguous cell of an indicator named a total ("1.726": one thousand seven hundred
    // twenty-six, or one point seven two six), reported as unparsed-value when read, in a node whose
    // rows are collected. Konawe Utara's staff table prints its TOTAL "1.726" beside whole counts and
    // no other cell that shows a convention: the table's arithmetic settles it. Where exactly one
    // reading (Indonesian or English) is the sum of the node's other indicators of the total's unit
    // in that year (at least two, none named a total, within the rounding of their printed
    // figures), the cell is read so and its unparsed-value withdrawn; else the finding stands.
    struct pending_total {
        const indicator* ind;
        period_year year;
        const printed_value* cell;
        bool target;
        std::size_t finding;  // its unparsed-value in `out`
    };
    std::vector<pending_total> pending_totals;
    void settle_totals() {
        for (auto it = pending_totals.rbegin(); it != pending_totals.rend(); ++it) {
            const pending_total& t = *it;
            const auto row = std::find_if(node_rows.begin(), node_rows.end(),
                                          [&](const detail::node_row& r) { return r.ind == t.ind; });
            if (row == node_rows.end()) continue;
            const std::vector<const detail::node_row*> parts = detail::total_parts(node_rows, *row);
            const std::optional<detail::parts_sum> s =
                parts.size() < 2 ? std::nullopt : detail::sum_of_parts(parts, t.target, t.year);
            if (!s) continue;
            const double sum = s->sum, slack = s->slack;
            std::optional<value> settled;
            int readings = 0;
            for (const convention c : {convention::indonesian, convention::english}) {
                try {
                    const value v = read_value(*t.ind, *t.cell, scales, units, c);
                    if (v.number &&
                        std::fabs(*v.number - sum) <= slack + detail::sum_slack(v) + 1e-9 * std::max(1.0, sum)) {
                        settled = v;
                        ++readings;
                    }
                } catch (const error&) {
                    // not a number in this convention either
                }
            }
            if (readings != 1) continue;
            out.erase(out.begin() + static_cast<std::ptrdiff_t>(t.finding));
            row->column(t.target)[t.year] = *settled;
        }
        pending_totals.clear();
    }

    // The kind a target is compared in: a range's or a bound's numbers' kind, else its own.
    static value_kind target_kind(const value& v) {
        return (v.kind == value_kind::range || v.kind == value_kind::bound) ? v.bounded : v.kind;
    }
    // The interval a target stands for: a range's two ends (lower first), a number's one point;
    // empty for a bound (it is open on one side) and for what cannot be compared.
    std::optional<std::pair<double, double>> target_span(const value& v, const indicator& ind) const {
        if (v.kind == value_kind::bound) return std::nullopt;
        if (v.kind == value_kind::range) {
            if (!v.number || !v.upper) return std::nullopt;
            return std::make_pair(std::min(*v.number, *v.upper), std::max(*v.number, *v.upper));
        }
        const std::optional<double> c = comparable(v, ind);
        if (!c) return std::nullopt;
        return std::make_pair(*c, *c);
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
                            const detail::reading v = detail::read_reported_text(pv.text);
                            if (v->is_missing()) continue;
                            const bool bare_small = v->kind == value_kind::number && std::fabs(*v->number) < 10.0;
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
        std::map<period_year, value> targets, realizations;
        detail::read_row row;
        auto read_all = [&](const year_values& ys, std::map<period_year, value>* into,
                            std::map<period_year, std::vector<detail::read_cell>>* all) {
            for (const auto& [y, vs] : ys)
                for (std::size_t k = 0; k < vs.size(); ++k) {
                    const std::size_t before = out.size();
                    auto v = read(&n, &ind, y, vs[k], false);
                    if (!v) {
                        // a total's ambiguous "1.726": its node's arithmetic may settle it (settle_totals)
                        if (collect_rows && k == 0 && out.size() == before + 1 && detail::names_a_total(ind.name) &&
                            last_error == "kinerja.parse.ambiguous_number")
                            pending_totals.push_back({&ind, y, &vs[k], into == &targets, before});
                        continue;
                    }
                    unit_check(n, ind, unit, y, vs[k], *v);
                    grade_check(n, ind, y, vs[k], *v);
                    if (into && k == 0) into->emplace(y, *v);
                    if (all) (*all)[y].push_back({&vs[k], *v});
                }
        };
        read_all(ind.targets, &targets, nullptr);
        read_all(ind.realizations, &realizations, &row.all_realizations);
        for (const auto& [y, vs] : ind.reported_achievement)
            for (const printed_value& pv : vs) try {
                    row.all_achievements[y].push_back({&pv, detail::read_reported_text(pv.text).get()});
                } catch (const error&) {
                    // unparsed-value reports it (reported below)
                }
        // the counts behind a realization, read quietly: they take part in ratio-mismatch only
        auto counts = [&](const year_values& ys, std::map<period_year, value>& into) {
            for (const auto& [y, vs] : ys) try {
                    const value v = read_value(ind, vs.front(), scales, units);
                    if (!v.is_missing() && v.number) into.emplace(y, v);
                } catch (const error&) {
                    // "36.743" in a table whose convention nothing settles: a count of people or
                    // cases is whole, so a number grouped by dots in threes is read as one
                    if (const auto whole = grouped_count(vs.front().text)) into.emplace(y, *whole);
                }
        };
        counts(ind.numerators, row.numerators);
        counts(ind.denominators, row.denominators);
        // a rate of change with realizations: the levels it moves between, printed as another
        // indicator of the node (Sleman's violations 35 -> 10 beside "Tingkat penurunan ..."), read quietly
        row.rate_of_change = detail::names_a_rate_of_change(ind.name);  // the name is read once
        if (!ind.realizations.empty() && on(rule_ids::ratio_mismatch) && row.rate_of_change)
            for (const indicator& other : n.indicators) {
                if (&other == &ind || other.realizations.empty() || !detail::names_the_levels_of(ind.name, other.name))
                    continue;
                std::map<period_year, value> levels;
                for (const auto& [y, vs] : other.realizations) try {
                        const value v = read_value(other, vs.front(), scales, units);
                        if (!v.is_missing() && v.number) levels.emplace(y, v);
                    } catch (const error&) {
                        // unreadable: its own row reports it
                    }
                if (!levels.empty()) row.levels.emplace_back(&other, std::move(levels));
            }
        std::optional<value> baseline;
        if (ind.baseline) {
            if (auto v = read(&n, &ind, ind.baseline_year, *ind.baseline, false)) {
                unit_check(n, ind, unit, ind.baseline_year, *ind.baseline, *v);
                baseline = *v;
            }
        }
        // reported achievement
        for (const auto& [y, vs] : ind.reported_achievement)
            for (const printed_value& pv : vs) reported(n, ind, y, pv, targets, realizations);
        // target direction
        if (on(rule_ids::target_end) && !p.nodes.empty() && &n >= p.nodes.data() &&
            &n < p.nodes.data() + p.nodes.size())
            target_end_check(n, ind, targets);
        // a rate of change (Pertumbuhan, Laju, Peningkatan ...) prints steps, not levels: a smaller
        // step still moves the level the better way, so its targets have no direction to check
        const bool directed = on(rule_ids::target_direction) && !row.rate_of_change;
        const std::optional<polarity> own = directed ? indicator_polarity(p, ind) : std::nullopt;
        if (directed && (own || !ind.scale.empty())) {
            const polarity pol = own.value_or(polarity::higher);
            const value* prev = nullptr;
            period_year prev_year = 0;
            for (const auto& [y, v] : targets) {
                if (y.is_end()) continue;
                // Leading placeholders (blank, "-", 0) stand for years before the indicator
                // starts: the first real target is compared with what follows, not with them.
                if (!prev && (v.is_missing() || (v.number && *v.number == 0.0))) continue;
                const bool same_unit = prev && (prev->kind != value_kind::count || detail::iequals(prev->unit, v.unit));
                // a range (Jawa Barat's "70,79-71,78") is compared through its ends with a number
                // of its numbers' kind or another range: it moves against the polarity only when
                // all of it does (higher is better: its upper end below the previous lower end)
                if (prev && target_kind(*prev) == target_kind(v) &&
                    same_unit) {  // a change of unit is unit-change's business
                    const auto a = target_span(*prev, ind);
                    const auto b = target_span(v, ind);
                    if (a && b &&
                        ((pol == polarity::higher && b->second < a->first - 1e-12) ||
                         (pol == polarity::lower && b->first > a->second + 1e-12))) {
                        const printed_value* pv = indicator::first(ind.targets, y);
                        finding& f = add(rule_ids::target_direction, &n, &ind, y,
                                         who(&n, &ind) + ": the target moves from " + prev->text + " (" +
                                             to_string(prev_year) + ") to " + v.text + " (" + to_string(y) +
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
        std::vector<detail::row_finding> found;
        row.targets = std::move(targets);
        row.realizations = std::move(realizations);
        row.units = &units;
        row.baseline = std::move(baseline);
        detail::indicator_row_checks(
            n, ind, row, unit, [this](std::string_view rule) { return on(rule); }, options, found);
        take(found);
        if (collect_rows)
            node_rows.push_back({&ind, std::move(row.targets), std::move(row.realizations), std::move(row.numerators),
                                 std::move(row.denominators)});
    }

    // target-end: the end column (kondisi akhir) of an indicator's targets against its years, by
    // the plan's convention of targets (conventions.hpp target_end: every end target in the first
    // corpus repeats the last year, Magelang, Siak, Bone, Jawa Barat, Surabaya). Only a row whose
    // every year and end column are numbers of one kind tells; a range is compared end by end with
    // the last year's; values agree within the rounding of their printed digits. A plan's main
    // nodes only (history tables have conventions of their own).
    void target_end_check(const node& n, const indicator& ind, const std::map<period_year, value>& targets) {
        const std::optional<end_column> rule = conv.target_end.value;
        if (rule != end_column::last && rule != end_column::sum) return;
        const auto e = targets.find(end_of_period);
        if (e == targets.end() || !e->second.number) return;
        const value& end = e->second;
        std::set<period_year> printed;
        for (const auto& kv : ind.targets) printed.insert(kv.first);
        const std::vector<int> years = detail::period_years(p, printed);
        if (years.size() < 2) return;
        double sum = 0.0, slack = end.half_unit();
        const value* last = nullptr;
        for (int y : years) {
            const auto t = targets.find(y);
            if (t == targets.end() || !t->second.number || t->second.kind != end.kind) return;
            sum += *t->second.number;
            slack += t->second.half_unit();
            last = &t->second;
        }
        if (end.kind == value_kind::range && rule == end_column::sum) return;  // a sum of ranges is no convention
        const printed_value* pv = indicator::first(ind.targets, end_of_period);
        const std::string evidence = conv.target_end.origin == convention_origin::declared
                                         ? std::string("declared in the plan's conventions")
                                         : "inferred: " + std::to_string(conv.target_end.sum) +
                                               " rows print the sum, " + std::to_string(conv.target_end.last) +
                                               " the last year, " + std::to_string(conv.target_end.neither) +
                                               " neither";
        // two printed numbers can be one value when the intervals their digits stand for overlap
        // (74 is [73.5, 74.5), 75 is [74.5, 75.5): they cannot)
        auto agree = [](double a, double b, double within) {
            return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)) || std::fabs(a - b) < within;
        };
        if (rule == end_column::last) {
            const double tol = end.half_unit() + last->half_unit();
            const bool same =
                agree(*end.number, *last->number, tol) &&
                (end.kind != value_kind::range || (end.upper && last->upper && agree(*end.upper, *last->upper, tol)));
            if (same) return;
            finding& f = add(rule_ids::target_end, &n, &ind, end_of_period,
                             who(&n, &ind) + ": the end-column target is " + end.text + " but the last year's (" +
                                 std::to_string(years.back()) + ") is " + last->text +
                                 "; the plan's end column of targets is the last year (" + evidence + ")",
                             pv->location, pv->source);
            f.expected = last->text;
            f.expected_number = last->number;
            f.actual = end.text;
            f.actual_number = end.number;
            return;
        }
        if (agree(*end.number, sum, slack)) return;
        finding& f = add(rule_ids::target_end, &n, &ind, end_of_period,
                         who(&n, &ind) + ": the end-column target is " + end.text + " but its years " +
                             std::to_string(years.front()) + "–" + std::to_string(years.back()) + " sum to " +
                             format_number(sum, convention::english, end.decimals, false) +
                             "; the plan's end column of targets is the sum of the years (" + evidence + ")",
                         pv->location, pv->source);
        f.expected = format_number(sum, convention::english, end.decimals, false);
        f.expected_number = sum;
        f.actual = end.text;
        f.actual_number = end.number;
    }

    void unit_check(const node& n, const indicator& ind, const unit_info* unit, std::optional<period_year> y,
                    const printed_value& pv, const value& v) {
        if (!on(rule_ids::unit_change) || !unit) return;
        // a word nobody declared (a typo, "1 Dukumen") is unknown-unit's business, with its nearest spelling
        if (detail::unknown_count_word(v, units)) return;
        std::string got;
        if (v.kind == value_kind::count && !detail::iequals(v.unit, unit->name))
            got = v.unit;
        else if (v.kind == value_kind::percent && unit->kind != value_kind::percent && unit->kind != value_kind::number)
            got = "%";
        else if (v.kind == value_kind::money && unit->kind != value_kind::money)
            got = "Rupiah";
        if (got.empty()) return;
        finding& f = add(rule_ids::unit_change, &n, &ind, y,
                         who(&n, &ind) + ": the value " + pv.text + " is in " + got + " but the indicator's unit is " +
                             ind.unit->text,
                         pv.location, pv.source);
        f.expected = ind.unit->text;
        f.actual = got;
    }

    void grade_check(const node& n, const indicator& ind, std::optional<period_year> y, const printed_value& pv,
                     const value& v) {
        if (!on(rule_ids::grade_score) || v.kind != value_kind::grade || !v.number || v.scale.empty()) return;
        const scale* s = scales.find(v.scale);
        if (!s || !s->has_bands()) return;
        const level* l = s->find_level(*v.number);
        if (l && detail::iequals(l->name, v.grade)) return;
        finding& f = add(rule_ids::grade_score, &n, &ind, y,
                         who(&n, &ind) + ": " + pv.text + " prints grade " + v.grade + " with a score that is " +
                             (l ? "grade " + l->name : std::string("outside every band")) + " on scale " + s->name(),
                         pv.location, pv.source);
        f.expected = l ? l->name : "";
        f.actual = v.grade;
    }

    void reported(const node& n, const indicator& ind, period_year y, const printed_value& pv,
                  const std::map<period_year, value>& targets, const std::map<period_year, value>& realizations) {
        // method-mix reads the same audits: they run when either rule is on
        if (!on(rule_ids::reported_achievement) && !on(rule_ids::method_mix)) return;
        const bool judge = on(rule_ids::reported_achievement);
        value printed;
        try {
            printed = detail::read_reported_text(pv.text).get();
            note(&n, &ind, y, pv, printed);
        } catch (const parse_error& e) {
            if (on(rule_ids::unparsed_value)) {
                finding& f = add(rule_ids::unparsed_value, &n, &ind, y,
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
        // a printed target stands for every figure that rounds to it, as a realization does (Manggarai
        // Timur's AKI target "0,16" is 162 / 100.000, and its capaian 87,10 = 162 / 186)
        const value& set = t->second;
        audit_result a;
        try {
            a = detail::audit_verdict(set, r->second, printed, ao, scales);  // explained below if reported
        } catch (const error& e) {
            if (!judge) return;
            finding& f = add(rule_ids::reported_achievement, &n, &ind, y,
                             who(&n, &ind) + ", " + year_label(y) + ": the printed achievement " + pv.text +
                                 " cannot be checked: " + e.what(),
                             pv.location, pv.source);
            f.actual = pv.text;
            return;
        }
        if (a.consistent.value_or(true)) {
            if (a.consistent && ao.polarity == polarity::lower && ind.scale.empty()) {
                mix_row m{&n, &ind, y, &pv, set, r->second, {}};
                for (const audit_match& x : a.matches) m.methods.insert(x.method);
                mix_rows[detail::table_of(pv, ind.source)].push_back(std::move(m));
            }
            if (!judge || !a.consistent || !on(rule_ids::rounding_rule) || p.settings.rounding.mode == rounding::none)
                return;
            const bool by_setting = std::any_of(a.matches.begin(), a.matches.end(), [&](const audit_match& m) {
                return m.exact && m.rounding.mode == p.settings.rounding.mode;
            });
            const auto exact =
                std::find_if(a.matches.begin(), a.matches.end(), [](const audit_match& m) { return m.exact; });
            if (by_setting || exact == a.matches.end()) return;
            finding& f = add(rule_ids::rounding_rule, &n, &ind, y,
                             who(&n, &ind) + ", " + year_label(y) + ": the printed " + pv.text + " follows only by " +
                                 exact->describe() + ", not by the plan's rounding (" +
                                 std::string(to_string(p.settings.rounding.mode)) + ")",
                             pv.location, pv.source);
            f.actual = pv.text;
            f.actual_number = printed.number;
            return;
        }
        if (!judge) return;
        a = audit_achievement(set, r->second, printed, ao, scales);  // the same verdict, with its words
        finding& f = add(rule_ids::reported_achievement, &n, &ind, y,
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

    // A whole count grouped by dots in threes ("36.743", "1.234.567"), as a number; empty otherwise.
    static std::optional<value> grouped_count(const std::string& text) {
        const std::string_view t = detail::trim(text);
        if (detail::point_groups(t) == 0) return std::nullopt;
        std::string digits;
        for (const char c : t)
            if (c != '.') digits += c;
        const std::optional<decimal> d = decimal::from_string(digits);
        if (!d) return std::nullopt;
        return make_value(*d, "", 0);
    }

    // method-mix: the printed achievements of one source table's lower-is-better rows, each with
    // the methods that reproduce it (audit.hpp: inverse, complement, reduction). A table computes
    // its capaian one way; a row that only another method reproduces, where one method reproduces
    // more than the majority share of the table's rows and at least two of them, is computed
    // differently from its neighbours (Manggarai Timur's Tabel 3.8: AKI and AKB by target /
    // realisasi, AKBalita's 72,52 only by (target - realisasi) / target, which turns a target
    // beaten 3,5 times into "not met").
    struct mix_row {
        const node* n = nullptr;
        const indicator* ind = nullptr;
        period_year year = 0;
        const printed_value* pv = nullptr;
        value target, realization;
        std::set<method> methods;
    };
    std::map<std::string, std::vector<mix_row>> mix_rows;  // table -> rows, in plan order

    void method_mixes() {
        if (!on(rule_ids::method_mix)) return;
        for (const auto& [table, rows] : mix_rows) {
            std::map<method, std::size_t> fits;
            for (const mix_row& r : rows)
                for (method m : r.methods) ++fits[m];
            std::optional<method> rule;
            std::size_t best = 0;
            bool tie = false;
            for (const auto& [m, count] : fits) {
                if (count > best) {
                    best = count;
                    rule = m;
                    tie = false;
                } else if (count == best) {
                    tie = true;
                }
            }
            if (!rule || tie || best < 2 ||
                !(static_cast<double>(best) > conv.majority * static_cast<double>(rows.size())))
                continue;
            for (const mix_row& r : rows) {
                if (r.methods.count(*rule)) continue;
                std::string others;
                for (method m : r.methods) others += (others.empty() ? "" : ", ") + std::string(to_string(m));
                std::optional<double> by_rule;
                try {
                    achievement_options o;
                    o.polarity = polarity::lower;
                    o.method = *rule;
                    by_rule = achievement(r.target, r.realization, o).percent;
                } catch (const error&) {
                    // no figure by the table's method (a zero realization): the message says the method only
                }
                const value printed = parse_reported_achievement(r.pv->text);
                // in the printed value's scale: a table printing fractions (1.14) gets a fraction
                if (by_rule && fraction_tables[r.pv->source.empty() ? r.ind->source : r.pv->source]) *by_rule /= 100.0;
                const std::string shown =
                    by_rule ? format_number(*by_rule, convention::english, printed.decimals, false) : std::string();
                finding& f = add(rule_ids::method_mix, r.n, r.ind, r.year,
                                 who(r.n, r.ind) + ", " + year_label(r.year) + ": the printed achievement " +
                                     r.pv->text + " follows only by the " + others + " method, but " +
                                     std::to_string(best) + " of the " + std::to_string(rows.size()) +
                                     " lower-is-better rows of its table follow the " + std::string(to_string(*rule)) +
                                     " method" + (by_rule ? ", which gives " + shown : std::string()),
                                 r.pv->location, r.pv->source);
                f.expected = by_rule ? shown : std::string(to_string(*rule));
                f.expected_number = by_rule;
                f.actual = r.pv->text;
                f.actual_number = printed.number;
            }
        }
    }

    void catalog_references(const std::vector<node>& list) {
        if (!on(rule_ids::catalog_reference)) return;
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
                finding& f = add(rule_ids::catalog_reference, &n, &ind, std::nullopt,
                                 who(&n, &ind) + ": names catalog entry \"" + ind.catalog + "\", " +
                                     (known ? std::string("which the plan's catalogs do not have")
                                            : "but the catalog could not be loaded: " + why),
                                 ind.location, ind.source);
                f.actual = ind.catalog;
            }
    }

    void version_units() {
        if (!on(rule_ids::unit_change)) return;
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
                    finding& f = add(rule_ids::unit_change, n, ind, std::nullopt,
                                     who(n, ind) + ": the unit is " + ei.unit->text + " in version " + v.name +
                                         " and " + ind->unit->text + " in version " + p.info.version,
                                     ei.unit->location, ei.unit->source);
                    f.expected = ind->unit->text;
                    f.actual = ei.unit->text;
                }
    }

    // The plan's conventions, declared or learnt from its rows (conventions.hpp), after p is set
    // (the tables' number conventions are the loader's business: indicator::table_convention)
    plan_conventions conv = infer_conventions(p, convention_options{}.with_number_tables(false));
};

// The built-in rules' function in the registry: the checker's passes, in this order, with
// options.rules the built-in ids to run. The findings come in the order the passes found them.
std::vector<finding> run_built_in_rules(const plan& p, const check_options& options) {
    checker c(p, options);
    c.infer_report_scales(p.nodes);
    c.infer_report_scales(p.history);
    c.budgets(p.nodes);
    c.negative_amounts(p.nodes);
    c.totals();
    c.total_absorptions();
    {
        const detail::budget_finding_sink sink = [&c](std::string_view rule, const node* n,
                                                      std::optional<period_year> y, std::string message,
                                                      const location& where, const std::string& source) -> finding& {
            return c.add(rule, n, nullptr, y, std::move(message), where, source);
        };
        if (c.on(rule_ids::budget_end)) detail::check_budget_end(p, c.conv, options.budget_tolerance, sink);
        if (c.on(rule_ids::budget_indicator_rows))
            detail::check_indicator_rows(p, c.conv, options.budget_tolerance, sink);
    }
    c.negative_totals();
    c.budget_scale_jumps(p.nodes);
    c.absorption_ratios(p.nodes);
    c.remainders(p.nodes);
    c.codes(p.nodes);
    c.orphans();
    c.indicators(p.nodes);
    c.duplicate_rows(p.nodes);
    {
        std::vector<detail::row_finding> found;
        detail::budget_target_checks(
            p, c.scales, [&c](std::string_view rule) { return c.on(rule); }, found);
        c.take(found);
    }
    c.version_units();
    c.catalog_references(p.nodes);
    if (options.include_history) {
        c.budgets(p.history);
        c.negative_amounts(p.history);
        c.absorption_ratios(p.history);
        c.codes(p.history);
        c.indicators(p.history);
        c.duplicate_rows(p.history);
    }
    c.method_mixes();
    {
        std::vector<detail::cycle_finding> found;
        detail::check_annual_cycle(
            p, c.scales, c.units, [&c](std::string_view rule) { return c.on(rule); }, found);
        c.take(found);
    }
    c.cell_findings();
    detail::check_strategy(
        p, [&c](std::string_view rule) { return c.on(rule); },
        [&c](std::string_view rule, const node* n, std::optional<period_year> y, std::string message,
             const location& where, const std::string& source) -> finding& {
            return c.add(rule, n, nullptr, y, std::move(message), where, source);
        });
    return std::move(c.out);
}

// "\"budget-rollup\" (built-in)", "\"x\" (rules.yaml:3:9)": a rule and where it comes from.
std::string described(const rule_info& r) {
    return "\"" + r.id + "\" (" + (r.location.line > 0 ? r.location.to_string() : r.origin) + ")";
}

std::string known_ids(const std::vector<rule_info>& rules) {
    std::string known;
    for (const rule_info& r : rules) known += (known.empty() ? "" : ", ") + r.id;
    return known;
}

}  // namespace

void sort_findings(std::vector<finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const finding& a, const finding& b) {
        return std::tie(a.location.line, a.location.column) < std::tie(b.location.line, b.location.column);
    });
}

void name_findings(const plan& p, std::vector<finding>& findings) {
    if (findings.empty()) return;
    std::unordered_map<std::string_view, const node*> by_id;  // the first node with an id, as find_node
    for (const auto* list : {&p.nodes, &p.history})
        for (const node& n : *list) by_id.emplace(n.id, &n);
    for (finding& f : findings) {
        auto it = by_id.find(f.node_id);
        if (it == by_id.end()) continue;
        f.node_code = it->second->code_text();
        f.node_name = it->second->name;
    }
}

check_registry::check_registry() {
    add(check_rules(), [](const plan& p, const check_options& options, const std::set<std::string>& rules) {
        check_options own = options;
        own.rules = rules.size() == check_rules().size() ? std::set<std::string>() : rules;  // empty: all
        own.rule_sets.clear();
        return run_built_in_rules(p, own);
    });
}

check_registry::check_registry(const std::vector<rule_set>& rule_sets) : check_registry() {
    for (const rule_set& s : rule_sets) add(s);
}

void check_registry::add(const rule_set& set) {
    std::vector<rule_info> infos;
    for (const validation_rule& r : set.rules()) {
        rule_info info(r.id, r.severity, r.description, r.location.file.empty() ? "rule set" : r.location.file);
        info.location = r.location;
        if (const rule_info* first = find(r.id))
            throw argument_error("kinerja.argument.rule", "rule id \"" + r.id + "\" is in both rule sets: " +
                                                              described(*first) + " and " + described(info));
        infos.push_back(std::move(info));
    }
    // the registry keeps its own copy of the set (cheap: the compiled rules are shared)
    add(std::move(infos), [set](const plan& p, const check_options& options, const std::set<std::string>& rules) {
        validation_options o;
        o.include_history = options.include_history;
        o.rules = rules;
        return apply_rules(p, set, o);
    });
}

void check_registry::add(std::vector<rule_info> rules, check_function function) {
    for (rule_info& r : rules) {
        rules_.push_back(std::move(r));
        function_of_.push_back(functions_.size());
    }
    functions_.push_back(std::move(function));
}

const std::vector<rule_info>& check_registry::rules() const noexcept { return rules_; }

const rule_info* check_registry::find(std::string_view id) const noexcept {
    for (const rule_info& r : rules_)
        if (r.id == id) return &r;
    return nullptr;
}

namespace {
// The numeric settings of check_options, each finite and in its range (kinerja.argument.check_option).
void require_valid(const check_options& o) {
    auto fail = [](const std::string& what) { throw argument_error("kinerja.argument.check_option", what); };
    auto text = [](double x) { return detail::shortest(x); };  // 12, not 12.000000
    if (!std::isfinite(o.budget_tolerance) || o.budget_tolerance < 0.0)
        fail("budget_tolerance must be a finite number of rupiah, at least 0 (got " +
             (std::isfinite(o.budget_tolerance) ? text(o.budget_tolerance) : std::string("a non-finite number")) + ")");
    const std::pair<const char*, std::pair<double, double>> bands[] = {
        {"scale_jump_band", o.scale_jump_band},
        {"scale_jump_mixed_band", o.scale_jump_mixed_band},
        {"scale_jump_slip_band", o.scale_jump_slip_band}};
    for (const auto& [name, band] : bands)
        if (!std::isfinite(band.first) || !std::isfinite(band.second) || band.first < 1.0 || band.first > band.second)
            fail(std::string(name) +
                 " must be (from, to) with 1 <= from <= to, finite: how many times apart two values are (got (" +
                 (std::isfinite(band.first) ? text(band.first) : std::string("non-finite")) + ", " +
                 (std::isfinite(band.second) ? text(band.second) : std::string("non-finite")) + "))");
    if (!std::isfinite(o.scale_jump_slip_agreement) || o.scale_jump_slip_agreement < 0.0)
        fail("scale_jump_slip_agreement must be a finite fraction, at least 0 (got " +
             (std::isfinite(o.scale_jump_slip_agreement) ? text(o.scale_jump_slip_agreement)
                                                         : std::string("a non-finite number")) +
             ")");
}
}  // namespace

std::vector<finding> check_registry::run(const plan& p, const check_options& options) const {
    require_valid(options);
    for (const std::string& id : options.rules)
        if (!find(id))
            throw argument_error("kinerja.argument.rule",
                                 "unknown check rule \"" + id + "\" (rules: " + known_ids(rules_) + ")");
    // the ids each function is to run, in registry order
    std::vector<std::set<std::string>> wanted(functions_.size());
    for (std::size_t k = 0; k < rules_.size(); ++k)
        if (options.rules.empty() || options.rules.count(rules_[k].id)) wanted[function_of_[k]].insert(rules_[k].id);
    const detail::reading_memo_scope memo;  // the passes read the same cells: each text once
    std::vector<finding> out;
    for (std::size_t k = 0; k < functions_.size(); ++k) {
        if (wanted[k].empty()) continue;
        std::vector<finding> found = functions_[k](p, options, wanted[k]);
        out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    name_findings(p, out);
    sort_findings(out);
    return out;
}

std::vector<finding> check(const plan& p, const check_options& options) {
    return check_registry(options.rule_sets).run(p, options);
}

std::vector<finding> check_plan(const plan& p, const check_options& options) {
    if (options.rule_sets.empty()) return check(p, options);
    check_options built_in_only = options;
    built_in_only.rule_sets.clear();
    return check(p, built_in_only);
}

}  // namespace kinerja
