// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file validation.hpp
/// Validation rules as data: a rule compares a left formula with a right formula over a plan's
/// quantities (a node's pagu, its programme's pagu, an indicator's target ...) and reports a
/// finding, like the built-in checks of check.hpp, wherever the comparison does not hold.
///
///     kinerja::rule_set rules = kinerja::load_rules("data/rules/standard.yaml");
///     for (const kinerja::finding& f : kinerja::apply_rules(plan, rules)) ...
///
/// A rule file (docs/validation.md):
///
///     kinerja_rules: 1
///     rules:
///       - id: sub-kegiatan-within-program
///         scope: sub_kegiatan            # a node level (or a list of levels), or indicator
///         left: pagu
///         op: "<="                       # <  <=  =  !=  >=  >   (quote them in YAML)
///         right: program_pagu
///         severity: error                # error | warning | info
///         message: "pagu {left} exceeds its programme's {right} in {year}"
///         when: program_pagu > 0         # optional: the rule applies where this is true
///         years: [2024, 2025, 2026]      # optional: only these years (end: the end column)
///
/// Formulas are those of formula.hpp. The names a formula may use are the quantities of its
/// scope (node_quantities(), indicator_quantities()); any other name is an error when the file is
/// loaded. Values are read from the printed text (read_money for pagu, read_value with the
/// indicator's unit for indicator values). A quantity that is missing (not printed, blank, `-`,
/// a predicate without a number) or cannot be read makes the rule not apply to that row: no
/// finding, never a silent 0. Unreadable values are reported by the built-in unparsed-value rule.
///
/// kinerja::check (check.hpp) runs rule sets together with the built-in rules
/// (check_options::rule_sets) and merges their findings.

#include <kinerja/finding.hpp>
#include <kinerja/plan.hpp>

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinerja {

/// How a rule compares its left and right values. The rule holds where `left OP right` is true
/// and reports a finding where it is false.
enum class rule_op { lt, le, eq, ne, ge, gt };
/// "<", "<=", "=", "!=", ">=", ">".
std::string_view to_string(rule_op op) noexcept;
/// "<", "<=", "=" (also "=="), "!=" (also "<>"), ">=", ">", or lt, le, eq, ne, ge, gt.
/// \throws lookup_error kinerja.lookup.rule_op
rule_op rule_op_from_string(std::string_view text);
/// Whether `left op right` holds. Values closer than 1e-12 of the larger magnitude (and at least
/// 1e-9) count as equal, so that binary fractions compare as printed (0.1 + 0.2 = 0.3).
bool compare(double left, rule_op op, double right) noexcept;

/// What a rule is evaluated over.
enum class rule_scope {
    node,      ///< nodes of the levels in `validation_rule::levels`, one row per year
    indicator  ///< indicators (optionally of one unit), one row per year
};
std::string_view to_string(rule_scope s) noexcept;

/// A quantity that rule formulas can name.
struct quantity_info {
    std::string name;
    std::string unit;         ///< the unit of its values, for documentation ("Rupiah"; "" when it varies or is a count)
    bool yearly = true;       ///< false when the quantity does not depend on the year
    std::string description;  ///< one line
};
/// The quantities of node rules: pagu, realized, parent_pagu, program_pagu, kegiatan_pagu,
/// children_pagu, children.
const std::vector<quantity_info>& node_quantities();
/// The quantities of indicator rules: target, realization, baseline, reported_achievement,
/// achievement, node_pagu, target_percent, realization_percent.
const std::vector<quantity_info>& indicator_quantities();

/// One rule, as written in a rule file. rule_set::add checks and compiles it.
struct validation_rule {
    std::string id;           ///< letters, digits, '-', '_', '.'; not a built-in rule's id
    std::string description;  ///< optional, one line
    rule_scope scope = rule_scope::node;
    std::vector<node_level> levels;  ///< node scope: the levels it applies to (at least one)
    std::string unit;                ///< indicator scope: only indicators whose unit is this unit ("": all)
    std::string left;                ///< formula text
    rule_op op = rule_op::le;
    std::string right;  ///< formula text
    std::string when;   ///< formula text ("": always); the rule applies where it is not 0
    kinerja::severity severity = severity::error;
    /// The finding's message; `{left}`, `{right}` (the values), `{node}` (code, or id),
    /// `{year}` (a year or "end"), `{indicator}` (its name), `{id}` (the rule's id) are replaced.
    std::string message;
    std::set<period_year> years;  ///< only these years (end_of_period for the end column); empty: all
    kinerja::location location;   ///< where the rule stands in its file
};

/// Options of apply_rules; the `with_` setters return a changed copy
/// (`validation_options{}.with_rules({"pagu-positive"}).with_include_history(false)`).
struct validation_options {
    bool include_history = true;  ///< also the history nodes (previous period, e.g. Tabel 2.11)
    /// Only these rule ids (empty: all). \throws argument_error kinerja.argument.rule for an id
    /// that is not in the rule set.
    std::set<std::string> rules;

    validation_options with_include_history(bool on) const {
        auto o = *this;
        o.include_history = on;
        return o;
    }
    validation_options with_rules(std::set<std::string> ids) const {
        auto o = *this;
        o.rules = std::move(ids);
        return o;
    }
};

/// A set of rules, checked and compiled. Cheap to copy.
class rule_set {
public:
    /// Checks and compiles a rule and adds it. \throws argument_error kinerja.argument.rule
    /// (an invalid or duplicate id, no levels, a unit on a node rule, an unknown placeholder),
    /// kinerja.argument.rule_quantity (a formula names what its scope does not have),
    /// formula_error for a formula that does not compile (its position is in that formula),
    /// lookup_error kinerja.lookup.unit for an unknown unit word.
    void add(validation_rule rule);
    /// Adds every rule of another set. \throws argument_error kinerja.argument.rule when an id
    /// is in both.
    void merge(const rule_set& other);
    const std::vector<validation_rule>& rules() const noexcept;
    /// The rule with this id, or nullptr.
    const validation_rule* find(std::string_view id) const noexcept;
    std::size_t size() const noexcept;
    bool empty() const noexcept;
    /// The files the rules were read from, in order ("" entries are not kept).
    const std::vector<std::string>& files() const noexcept;

    struct compiled;  // the compiled formulas of one rule (private to the library)

private:
    friend rule_set parse_rules(std::string_view, const std::string&);
    friend std::vector<finding> apply_rules(const plan&, const rule_set&, const validation_options&);
    std::vector<validation_rule> rules_;
    std::vector<std::shared_ptr<const compiled>> compiled_;
    std::vector<std::string> files_;
};

/// Reads rules from YAML text. `file` names it in errors.
/// \throws file_error with the file, 1-based line and column: kinerja.rules.yaml (not YAML),
/// kinerja.rules.schema (unknown keys, a bad op, scope, severity, unit, year or placeholder, a
/// missing key, a repeated id), kinerja.rules.formula (a formula that does not compile, or names
/// a quantity its scope does not have; the column points into the formula in the file).
rule_set parse_rules(std::string_view yaml, const std::string& file = "<string>");
/// Reads a rule file. \throws file_error (also kinerja.rules.io when it cannot be read)
rule_set load_rules(const std::string& path);
/// The shipped rule file, data_directory() + "/rules/standard.yaml".
std::string standard_rules_path();

/// Every finding of the rules on a plan, ordered by the position of the plan value in the plan
/// file (sort_findings). A finding carries rule = the rule's id, its severity, the node (code,
/// or id), the indicator, the year, expected = the right value, actual = the left value (as text
/// and as numbers), the message, the location and source table of the plan value the left formula
/// reads first (else the right's, else the node's or indicator's own).
std::vector<finding> apply_rules(const plan& p, const rule_set& rules, const validation_options& options = {});

}  // namespace kinerja

// check.hpp (which uses rule_set) came with this header before finding.hpp was split off; it
// still does, after rule_set is complete.
#include <kinerja/check.hpp>
