// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file check.hpp
/// Checks a whole plan the way an inspector would and reports every inconsistency as a finding
/// (finding.hpp) with a stable rule id, a severity, the node and indicator, the year, the
/// expected and actual values, a message and where it stands (plan file line and column, and the
/// source table). Checking never stops at the first problem and never throws for the plan's
/// content.
///
/// One registry of rules (check_registry) holds the built-in rules and any validation rules
/// written as data (validation.hpp); one entry point, kinerja::check, runs them, merges their
/// findings and orders them by place in the plan file (sort_findings). check_plan runs the
/// built-in rules only. `kinerja rules` lists the registry.
///
/// The built-in rules (their ids are the constants of kinerja::rule_ids; check_rules() has
/// their severities and descriptions; docs/plans.md#checks explains each):
// clang-format off
///  - budget-rollup (error): a parent's pagu (or realized budget) differs from the sum of its
///    children's in a year; a total row differs from the sum of the nodes it totals; a node's
///    remainder (an indicator "belum terserap", "sisa anggaran") is not its pagu minus its realized
///    budget
///  - budget-missing (warning): children have pagu in a year and the parent has none, or the
///    reverse, where that level carries pagu by the plan's conventions (conventions.hpp)
///  - budget-end (error): a node's or total's end-column pagu is not the sum of its years or its
///    last year, as the plan's convention says (with no majority: neither)
///  - budget-incomplete (warning): a child or totalled row prints no pagu in a year where its
///    parent and siblings do (a blank inside the sum)
///  - budget-indicator-rows (error): pagu on a node's indicator rows break the plan's convention
///    (rows that differ under repeat; parts that do not sum to the node's own)
///  - reported-achievement (error): a printed achievement does not follow from its target and
///    realization under the indicator's polarity (audit.hpp); a source table whose printed
///    achievements are all bare numbers below 10 is read as printing fractions (Tabel 2.7's
///    1.14), others as their text says
///  - reported-absorption (warning): a printed absorption ratio (of a node or a total row) does not
///    follow from budget and realized budget (amounts printed with a scale word, `Rp1,43 triliun`,
///    within their rounding), or is printed, not 0, without a realized budget
///  - code-hierarchy (error): a child's code does not extend its parent's
///  - duplicate-code (error): two nodes carry the same code
///  - orphan (warning): an objective without indicators or without programmes; a programme linked
///    to no objective
///  - unit-change (warning): an indicator's unit differs between versions, or a printed value's
///    unit differs from the indicator's
///  - target-direction (warning): yearly targets move against the polarity
///  - unparsed-value (warning): a printed value that cannot be read (the message says why)
///  - grade-score (warning): a grade whose score lies in another grade's band (`BB (95)`)
///  - catalog-reference (error): an indicator names a formula catalog entry (catalog: ID) that
///    the plan's catalogs do not have
///  - negative-amount (error): a printed pagu or realized budget (of a node, on an indicator's
///    row, or in a total row) is below 0
///  - rounding-rule (info): a printed achievement that follows only by a rounding other than the
///    plan's setting
///  - scale-jump (warning): two neighbouring values of a percentage row, or a year's target and
///    realization, differ 50 to 200 times (20 to 500 when one prints `%` and the other is bare)
///    and the smaller is at most 1 (a percentage printed as a fraction;
///    check_options::scale_jump_band); or a value of a percentage row 8 to 12 times off both its
///    neighbours, which agree (a slipped digit; check_options::scale_jump_slip_band); or a realized
///    budget at least scale_jump_slip_band's lower end (8) times its pagu (an amount at the wrong scale)
///  - achievement-without-realization (warning): a printed achievement in a year without a printed
///    realization
///  - share-above-100 (error): a percentage of a whole (by its name: Persentase, Proporsi,
///    Cakupan ...) above 100%
///  - budget-target (warning): pagu without any target, or targets without any pagu, at a level
///    the plan prices
///  - unknown-unit (info): a satuan word neither built in nor declared; one finding per word with
///    the nearest known spelling
///  - placeholder (info): cells saying they were not filled in (Belum diisi, n.a, N/A); one
///    finding per plan
///  - spreadsheet-error (error): a cell printing a spreadsheet error (#VALUE!, #REF!, #DIV/0!,
///    #N/A)
///  - target-end (warning): an indicator's end-column target is not what the plan's end column of
///    targets means (its last year, or the sum of its years); with no majority nothing is checked
///  - ratio-mismatch (error): a realization (or a baseline, where its year prints no realization)
///    printed beside its numerator and denominator is not their ratio (times a power of ten, 1 to
///    100.000) within one unit of its last printed digit
///  - source-conflict (warning): one year's realization or printed achievement of an indicator, or
///    printed absorption of a node or total, is printed by two sources with values that differ
///    beyond their printed rounding
///  - method-mix (warning): a printed achievement follows only from another method than the one
///    that the table's other lower-is-better rows all follow (inverse, complement, reduction)
///  - growth-range (warning): an economic growth rate (by its name: Pertumbuhan Ekonomi, Laju
///    Pertumbuhan Ekonomi, Pertumbuhan PDRB, LPE) printed beyond ±100: a level where a rate belongs
///  - total-mismatch (warning): an indicator named a total (Jumlah, Total, keseluruhan, seluruh)
///    that is not the sum of the rows it totals in a year (beyond the rounding of the printed
///    figures; whole counts are exact): the rows of its group, the rows above it, or the node's
///    other rows of its unit, whichever the table's own figures bear out in at least one and at
///    least half of two or more years; or, for the one total row of a node whose name is nothing
///    but a total ("Total", "JUMLAH"), the node's other rows by its name; a row named a mean
///    (Rata-rata) held to its rows' mean on the same evidence
///  - index-formula (warning): BPS's IPM printed beside its four components (UHH, HLS, RLS,
///    per-capita expenditure) that no components within their printed rounding give
///  - duplicate-row (warning): a row printed twice in one table: two indicators of a node (or of
///    the columns of one table) with one name, or two rows whose figures agree in every one of
///    three or more columns
///  - strategy-level (error): a link of the strategy layer (Tabel 5.1, strategy.hpp) to a node of
///    the wrong level: a strategi supporting other than a sasaran, an arah_kebijakan other than a
///    strategi, a strategi supported by other than an arah_kebijakan, an arah_kebijakan by other
///    than a program; a parent link to or from a strategi or arah_kebijakan
///  - programme-without-policy (warning): a programme that supports no arah_kebijakan
///  - sasaran-without-strategy (warning): a sasaran that no strategi supports
///  - strategy-without-programme (warning): a strategi that no programme carries out through its
///    arah_kebijakan
///  - policy-without-programme (warning): an arah_kebijakan that no programme supports
///  - strategy-unlinked (warning): a strategi that supports no sasaran, an arah_kebijakan that
///    supports no strategi
///  The five gap rules apply only to a plan with a strategy layer (a strategi or arah_kebijakan
///  node); a plan without Tabel 5.1 gets none of their findings.
///  - annual-target-mismatch (warning): an annual document's target (Renja, Perjanjian Kinerja)
///    differs from the Renstra's target of its year (or from an earlier document's revision of
///    it) and is not recorded as a revision with its reason (docs/annual-cycle.md)
///  - evidence-missing (warning): a realization of the plan period without evidence where the
///    plan requires it (settings: evidence: required)
///  - verified-value-changed (error): a realization differs from the value its verification
///    verified, and no later step reopened it (returned or revised)
///  - verification-transition (error): a verification step the verification table does not
///    allow after the one before it (approved before verified, verified before submitted)
///  - verification-time (error): a verification step dated before the step before it
// clang-format on
///
/// duplicate-code compares codes within one objective and one responsible agency
/// (plan_settings::code_scope); orphan judges only links that the plan's table prints; unit-change
/// also compares the values of one row of an indicator without a known unit; target-direction
/// skips leading placeholders. Context nodes (node::context) are not checked as complete.
///
/// A pagu printed on an indicator's row stands for its node's when the node's own row has none
/// (Tabel 6.1 prints an objective's pagu on its indicator's row); under the plan's `indicator_pagu:
/// parts` convention the rows' pagu are summed (plan_values.hpp node_pagu_cells). Roll-ups run along
/// the parent links and, where it groups other children, along the nomenclature code tree.

#include <kinerja/finding.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/validation.hpp>
#include <kinerja/value.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinerja {

/// The ids of the built-in rules: the one place they are spelled.
namespace rule_ids {
inline constexpr std::string_view budget_rollup = "budget-rollup";
inline constexpr std::string_view budget_missing = "budget-missing";
inline constexpr std::string_view budget_end = "budget-end";
inline constexpr std::string_view budget_incomplete = "budget-incomplete";
inline constexpr std::string_view budget_indicator_rows = "budget-indicator-rows";
inline constexpr std::string_view reported_achievement = "reported-achievement";
inline constexpr std::string_view reported_absorption = "reported-absorption";
inline constexpr std::string_view code_hierarchy = "code-hierarchy";
inline constexpr std::string_view duplicate_code = "duplicate-code";
inline constexpr std::string_view orphan = "orphan";
inline constexpr std::string_view unit_change = "unit-change";
inline constexpr std::string_view target_direction = "target-direction";
inline constexpr std::string_view unparsed_value = "unparsed-value";
inline constexpr std::string_view grade_score = "grade-score";
inline constexpr std::string_view catalog_reference = "catalog-reference";
inline constexpr std::string_view negative_amount = "negative-amount";
inline constexpr std::string_view rounding_rule = "rounding-rule";
inline constexpr std::string_view scale_jump = "scale-jump";
inline constexpr std::string_view achievement_without_realization = "achievement-without-realization";
inline constexpr std::string_view share_above_100 = "share-above-100";
inline constexpr std::string_view budget_target = "budget-target";
inline constexpr std::string_view unknown_unit = "unknown-unit";
inline constexpr std::string_view placeholder = "placeholder";
inline constexpr std::string_view spreadsheet_error = "spreadsheet-error";
inline constexpr std::string_view target_end = "target-end";
inline constexpr std::string_view ratio_mismatch = "ratio-mismatch";
inline constexpr std::string_view source_conflict = "source-conflict";
inline constexpr std::string_view method_mix = "method-mix";
inline constexpr std::string_view growth_range = "growth-range";
inline constexpr std::string_view total_mismatch = "total-mismatch";
inline constexpr std::string_view index_formula = "index-formula";
inline constexpr std::string_view duplicate_row = "duplicate-row";
inline constexpr std::string_view strategy_level = "strategy-level";
inline constexpr std::string_view programme_without_policy = "programme-without-policy";
inline constexpr std::string_view sasaran_without_strategy = "sasaran-without-strategy";
inline constexpr std::string_view strategy_without_programme = "strategy-without-programme";
inline constexpr std::string_view policy_without_programme = "policy-without-programme";
inline constexpr std::string_view strategy_unlinked = "strategy-unlinked";
inline constexpr std::string_view annual_target_mismatch = "annual-target-mismatch";
inline constexpr std::string_view evidence_missing = "evidence-missing";
inline constexpr std::string_view verified_value_changed = "verified-value-changed";
inline constexpr std::string_view verification_transition = "verification-transition";
inline constexpr std::string_view verification_time = "verification-time";
}  // namespace rule_ids

/// rule_info::origin of a built-in rule.
inline constexpr std::string_view built_in_origin = "built-in";

/// A rule of the registry: id, default severity, one line, and where it comes from.
struct rule_info {
    rule_info() = default;
    rule_info(std::string_view id_, kinerja::severity severity_, std::string description_,
              std::string origin_ = std::string(built_in_origin))
        : id(id_), severity(severity_), description(std::move(description_)), origin(std::move(origin_)) {}

    std::string id;
    kinerja::severity severity = severity::warning;
    std::string description;
    /// "built-in" (built_in_origin), or the file a validation rule was read from
    /// ("<string>" for parse_rules text without a name; "rule set" for a rule added in code).
    std::string origin = std::string(built_in_origin);
    kinerja::location location;  ///< where a validation rule stands in its file (empty for a built-in rule)
};

/// The built-in rules, in the order check_plan runs them.
const std::vector<rule_info>& check_rules();

/// Settings of check_plan; the `with_` setters return a changed copy
/// (`check_options{}.with_rules({"budget-rollup"}).with_include_history(false)`).
struct check_options {
    /// Only these rules (empty: all). Ids of built-in rules and of the rule sets' rules may be
    /// mixed; an id that is neither is an argument_error kinerja.argument.rule naming the known ids.
    std::set<std::string> rules;
    double budget_tolerance = 0.5;  ///< Rupiah; sums within it agree
    /// scale-jump: how many times larger than a value at most 1 its neighbour in a percentage row
    /// must be (from, to) for the smaller to be read as a fraction, when both print the same way
    /// (both with `%`, or both bare): 50 to 200, a percentage within half and twice its neighbour
    /// (seed E.16: 0.029% beside 0.00028, 104 times).
    std::pair<double, double> scale_jump_band{50.0, 200.0};
    /// scale-jump: the same when one value prints `%` and the other is a bare number at most 1
    /// (the printing itself says the two are written differently): 20 to 500, a percentage
    /// within a fifth and five times its neighbour (Wonogiri: target 0,00725 beside realization
    /// 1,93%, 266 times; its capaian in one scale is 266%).
    std::pair<double, double> scale_jump_mixed_band{20.0, 500.0};
    /// scale-jump, a slipped digit: how many times off both its neighbours a value of a percentage
    /// row must be (from, to), when the neighbours agree (Lima Puluh Kota's TPAK 72,81, 7,63, 74,17:
    /// 9.5 and 9.7 times): 8 to 12, a tenfold slip within a fifth either way.
    std::pair<double, double> scale_jump_slip_band{8.0, 12.0};
    /// scale-jump, a slipped digit: how far apart (a fraction of the smaller) the two neighbours may
    /// be for the row to count as steady around the slip: 0.10 (72,81 and 74,17 are 1.9% apart).
    double scale_jump_slip_agreement = 0.10;
    bool include_history = true;  ///< also check the history nodes (previous period)
    /// Validation rules written as data (validation.hpp), run by kinerja::check with the
    /// built-in rules. Their ids must differ from the built-ins' and from each other's.
    std::vector<rule_set> rule_sets = {};

    check_options with_rules(std::set<std::string> ids) const {
        auto o = *this;
        o.rules = std::move(ids);
        return o;
    }
    check_options with_budget_tolerance(double rupiah) const {
        auto o = *this;
        o.budget_tolerance = rupiah;
        return o;
    }
    check_options with_scale_jump_band(double from, double to) const {
        auto o = *this;
        o.scale_jump_band = {from, to};
        return o;
    }
    check_options with_scale_jump_mixed_band(double from, double to) const {
        auto o = *this;
        o.scale_jump_mixed_band = {from, to};
        return o;
    }
    check_options with_scale_jump_slip_band(double from, double to) const {
        auto o = *this;
        o.scale_jump_slip_band = {from, to};
        return o;
    }
    check_options with_scale_jump_slip_agreement(double fraction) const {
        auto o = *this;
        o.scale_jump_slip_agreement = fraction;
        return o;
    }
    check_options with_include_history(bool on) const {
        auto o = *this;
        o.include_history = on;
        return o;
    }
    check_options with_rule_sets(std::vector<rule_set> sets) const {
        auto o = *this;
        o.rule_sets = std::move(sets);
        return o;
    }
};

/// The registry of checks: every rule kinerja::check knows (id, default severity, description,
/// origin) and the function that finds its findings. A default-constructed registry holds the
/// built-in rules; add() adds a rule set's rules after them.
class check_registry {
public:
    /// The built-in rules (check_rules()), run by one function (the passes of check_plan).
    check_registry();
    /// The built-in rules, then the rules of each set in turn (add()).
    explicit check_registry(const std::vector<rule_set>& rule_sets);
    /// Adds the rules of a rule set (run by apply_rules). \throws argument_error
    /// kinerja.argument.rule when one of its ids is already registered (by an earlier rule set:
    /// rule_set::add refuses a built-in rule's id); the message names both rules and where each
    /// comes from (file:line:column).
    void add(const rule_set& rules);
    /// Every rule, in registry order: the built-in ones, then each rule set's in its order.
    const std::vector<rule_info>& rules() const noexcept;
    /// The rule with this id, or nullptr.
    const rule_info* find(std::string_view id) const noexcept;

private:
    // What finds the findings of some rules: given the plan, the options and the ids of the
    // rules it is to run (never empty), it returns their findings in the order it found them.
    using check_function =
        std::function<std::vector<finding>(const plan&, const check_options&, const std::set<std::string>& rules)>;
    friend std::vector<finding> check(const plan&, const check_options&);
    std::vector<finding> run(const plan& p, const check_options& options) const;
    void add(std::vector<rule_info> rules, check_function function);

    std::vector<rule_info> rules_;
    std::vector<std::size_t> function_of_;  // rules_[k] is found by functions_[function_of_[k]]
    std::vector<check_function> functions_;
};

/// The one entry point: runs the built-in rules and the rules of options.rule_sets (all, or
/// those named in options.rules), merges their findings and orders them by place in the plan
/// file (sort_findings). \throws argument_error kinerja.argument.rule for an unknown id in
/// options.rules (the message lists the known ones) or an id in two rule sets;
/// kinerja.argument.check_option for a setting out of its range (a negative or non-finite
/// budget_tolerance or scale_jump_slip_agreement; a band whose `from` is below 1 or above `to`).
std::vector<finding> check(const plan& p, const check_options& options = {});

/// The built-in rules only (options.rule_sets is not used): kinerja::check without rule sets.
/// Every finding, ordered by the position of what it concerns in the plan file.
std::vector<finding> check_plan(const plan& p, const check_options& options = {});

// plan_scales, read_value, read_money and yearly_realization: plan_values.hpp.

}  // namespace kinerja
