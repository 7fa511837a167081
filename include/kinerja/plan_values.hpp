// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file plan_values.hpp
/// The values of a plan, each read by one rule that every part of kinerja uses: the checks
/// (check.hpp), the validation rules (validation.hpp), the roll-up (rollup.hpp), the reports
/// and the Python tables (`Plan.to_frame`, `Plan.achievement`).
///
/// - **Pagu of a node** in a year: the node's own row; when that row has none (no cell, or a
///   blank one), its indicators' rows (Tabel 6.1 prints an objective's pagu on its indicator's
///   row), by the plan's convention for them (conventions.hpp, `indicator_pagu`): under `parts`
///   the sum of the indicator rows' pagu, under `repeat` (and when the convention is unknown) the
///   first of them. `node_pagu_cells`, `node_pagu_cell`, `node_pagu_years`, `node_pagu`.
/// - **Realization of an indicator** in a year: the printed yearly value, or else its printed
///   quarters (triwulan) combined by the indicator's aggregation. `yearly_realization`.
/// - **Achievement of an indicator** in a year: its first printed target of the year against
///   that realization, in percent, with the plan's settings (the lower-is-better method and
///   the rounding of `plan_settings`) and the indicator's polarity; a scale indicator
///   (`polarity: scale:NAME`) compares by position or score, higher is better; an indicator of
///   unknown polarity has no achievement (it is never guessed). `indicator_achievement`.
///
/// The achievement is rounded by the plan's rounding rule: the plan's settings say how its
/// document computes achievement, so the number kinerja shows for an indicator-year is the one
/// the document prints, whichever API asks (docs/plans.md, Achievement).

#include <kinerja/achievement.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/scale.hpp>
#include <kinerja/value.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

/// The registry of scales a plan's values are read with: the built-in scales, plus the scales
/// the plan file defines under names that are not built in.
scale_registry plan_scales(const plan& p);
/// The registry of unit words a plan's values are read with: `default_units()` (the built-in
/// words and those registered, e.g. by `--units FILE`), plus the words of the plan's `units:`
/// section. \throws argument_error (kinerja.argument.unit_*) for a declaration that cannot be
/// registered, naming where it stands.
unit_registry plan_units(const plan& p);
/// Reads an indicator's printed value with the indicator's unit (or scale) as context, and its
/// declared convention (indicator::convention) when it has one. A unit word no registry knows
/// (the indicator's or the cell's) is kept as the value's unit: reading never fails for it.
/// \throws parse_error as parse_value does.
value read_value(const indicator& ind, const printed_value& v, const scale_registry& scales);
/// The same with the plan's units (plan_units).
value read_value(const indicator& ind, const printed_value& v, const scale_registry& scales,
                 const unit_registry& units);
/// The same with `printed_in` as the cell's number convention in place of the indicator's
/// (indicator::convention, else indicator::table_convention); std::nullopt: none, the unit or
/// scale settles an ambiguous number (kinerja check reads a cell printed by another source than
/// its indicator's table so first: plans.md, "Checks learnt from the sixth batch").
value read_value(const indicator& ind, const printed_value& v, const scale_registry& scales, const unit_registry& units,
                 std::optional<convention> printed_in);
/// Reads a printed amount of money (pagu). \throws parse_error.
value read_money(const printed_value& v);
namespace detail {
/// The amount of a printed pagu cell, exactly as printed: empty for no cell, a blank or missing
/// one ("-"), and one that cannot be read (unparsed-value reports it). Not part of the public API.
std::optional<decimal> money_amount(const printed_value* v) noexcept;
}  // namespace detail

/// The realization of a year: the printed yearly value, or else the printed quarters (triwulan)
/// combined by the indicator's aggregation (sum, last, max, mean); empty when neither is printed.
/// \throws parse_error for unreadable values; argument_error kinerja.argument.aggregation when
/// quarters are printed but the indicator states no aggregation, or the quarters cannot be
/// combined (predicates other than with `last`, different kinds or units).
std::optional<value> yearly_realization(const indicator& ind, period_year year, const scale_registry& scales,
                                        const unit_registry& units = default_units());
/// The cell the realization of a year is read from: the yearly value, or else the last printed
/// quarter; nullptr when neither is printed (for locating findings).
const printed_value* realization_cell(const indicator& ind, period_year year) noexcept;

/// The printed cells a node's pagu in a year is read from: the node's own row's when it is not
/// blank; else, under `rule` parts, every non-blank cell of its indicators' rows (the pagu is
/// their sum), under `repeat` or an unknown rule (empty) the first of them; else the node's own
/// blank cell, or none. The one rule of a node's pagu: every reader of pagu goes through it.
std::vector<const printed_value*> node_pagu_cells(const node& n, period_year year,
                                                  std::optional<indicator_pagu> rule = std::nullopt);
namespace detail {
/// Whether a cell holds nothing: no cell, or only white space (a printed `-` is no blank).
inline bool blank_cell(const printed_value* v) noexcept { return !v || trim(v->text).empty(); }
/// node_pagu_cells one at a time: calls `visit(const printed_value*)` with each of them, in order
/// (the checker sums a node's pagu for every year without making a list of its cells).
template <class Visit>
void for_each_pagu_cell(const node& n, period_year year, std::optional<indicator_pagu> rule, Visit&& visit) {
    const printed_value* own = indicator::first(n.budget, year);
    if (!blank_cell(own)) {
        visit(own);
        return;
    }
    bool any = false;
    for (const indicator& i : n.indicators)  // a blank cell on the node's row is no pagu of its own
        if (const printed_value* v = indicator::first(i.budget, year); !blank_cell(v)) {
            visit(v);
            any = true;
            if (rule != indicator_pagu::parts) break;  // repeat, or unknown: the first stands for the node
        }
    if (!any && own) visit(own);
}
/// node_pagu_years one at a time, unsorted and with repeats: calls `visit(period_year)` for each
/// year of the node's row and of its indicators' rows.
template <class Visit>
void for_each_pagu_year(const node& n, Visit&& visit) {
    for (const auto& kv : n.budget) visit(kv.first);
    for (const indicator& i : n.indicators)
        for (const auto& kv : i.budget) visit(kv.first);
}
}  // namespace detail
/// The first of node_pagu_cells under any rule (the only one unless the pagu is in parts);
/// nullptr when none.
const printed_value* node_pagu_cell(const node& n, period_year year) noexcept;
/// The years in which the node's row or one of its indicators' rows prints a pagu cell.
std::set<period_year> node_pagu_years(const node& n);
/// The pagu of a node in a year: node_pagu_cells read as money and summed (exactly); empty when
/// no cell holds one or every cell reads as missing ("-"). \throws parse_error for an
/// unreadable amount.
std::optional<decimal> node_pagu_exact(const node& n, period_year year,
                                       std::optional<indicator_pagu> rule = std::nullopt);
/// The same as a double.
std::optional<double> node_pagu(const node& n, period_year year, std::optional<indicator_pagu> rule = std::nullopt);
/// The same with the plan's convention for indicator rows (infer_conventions(p), conventions.hpp).
std::optional<double> node_pagu(const plan& p, const node& n, period_year year);

/// The achievement of an indicator in a year, with how it was obtained (achievement.hpp): the
/// first printed target of the year against yearly_realization, with the plan's settings and
/// the indicator's polarity (see the file comment). `percent` is empty when the target or the
/// realization is not printed or reads as missing, and when the polarity is unknown (`basis`
/// then says "polarity unknown").
/// \throws the errors of read_value, yearly_realization and achievement (an unreadable value,
/// quarters without an aggregation, incomparable values, an undefined result).
achievement_result indicator_achievement_detail(const plan& p, const indicator& ind, period_year year,
                                                const scale_registry& scales);
/// The same with the plan's scales (plan_scales(p)).
achievement_result indicator_achievement_detail(const plan& p, const indicator& ind, period_year year);

/// The achievement of an indicator's realization of `year` against another printed target
/// (`target`: e.g. the end-of-period target, lkjip.hpp), by the same rule as
/// indicator_achievement_detail, which is this function with the year's first target.
/// \throws as indicator_achievement_detail.
achievement_result indicator_achievement_against(const plan& p, const indicator& ind, const printed_value& target,
                                                 period_year year, const scale_registry& scales);

/// The achievement in percent, rounded by the plan's rounding rule; empty where
/// indicator_achievement_detail gives no percent or throws (a value that cannot be read or
/// compared, an undefined result). Never throws for the plan's content.
std::optional<double> indicator_achievement(const plan& p, const indicator& ind, period_year year,
                                            const scale_registry& scales);
/// The same with the plan's scales (plan_scales(p)); pass them in when asking for many.
std::optional<double> indicator_achievement(const plan& p, const indicator& ind, period_year year);
/// The same for the indicator with this id. \throws lookup_error kinerja.lookup.indicator
/// (see require_indicator).
std::optional<double> indicator_achievement(const plan& p, std::string_view indicator_id, period_year year);

/// The node with this id (among nodes and history). \throws lookup_error kinerja.lookup.node
/// whose message names up to 3 nearest existing ids (see nearest_names).
const node& require_node(const plan& p, std::string_view id);
/// The indicator with this id. \throws lookup_error kinerja.lookup.indicator naming up to 3
/// nearest existing ids.
const indicator& require_indicator(const plan& p, std::string_view id);

/// Up to `count` names of `candidates` nearest `name`: by edit distance (Levenshtein, ASCII
/// case folded), then by the length of the common prefix, then in order; names farther than
/// half their length and sharing no prefix of 3 or more are left out unless `alike_only` is false.
/// Used by the lookups' "nearest: ..." suggestions.
std::vector<std::string> nearest_names(std::string_view name, const std::vector<std::string>& candidates,
                                       std::size_t count = 3, bool alike_only = true);

}  // namespace kinerja
