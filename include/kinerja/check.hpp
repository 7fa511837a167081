// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file check.hpp
/// Checks a whole plan the way an inspector would and reports every inconsistency as a finding
/// with a stable rule id, a severity, the node and indicator, the year, the expected and actual
/// values, a message and where it stands (plan file line and column, and the source table).
/// Checking never stops at the first problem and never throws for the plan's content.
///
/// | rule | severity | what it finds |
/// |---|---|---|
/// | budget-rollup | error | a parent's pagu (or realized budget) differs from the sum of its children's in a year; a
/// total row differs from the sum of the nodes it totals | | budget-missing | warning | children have pagu in a year
/// and the parent has none, or the reverse | | reported-achievement | error | a printed achievement does not follow
/// from its target and realization under the indicator's polarity (audit.hpp); a source table whose printed
/// achievements are all bare numbers below 10 is read as printing fractions (Tabel 2.7's 1.14), others as their text
/// says | | reported-absorption | warning | a printed absorption ratio does not follow from budget and realized budget
/// | | code-hierarchy | error | a child's code does not extend its parent's | | duplicate-code | error | two nodes
/// carry the same code | | orphan | warning | an objective without indicators or without programmes; a programme linked
/// to no objective | | unit-change | warning | an indicator's unit differs between versions, or a printed value's unit
/// differs from the indicator's | | target-direction | warning | yearly targets move against the polarity | |
/// unparsed-value | warning | a printed value that cannot be read (the message says why) | | grade-score | warning | a
/// grade whose score lies in another grade's band (`BB (95)`) | | catalog-reference | error | an indicator names a
/// formula catalog entry (catalog: ID) that the plan's catalogs do not have | | negative-amount | error | a printed
/// pagu or realized budget (of a node, on an indicator's row, or in a total row) is below 0 | | rounding-rule | info |
/// a printed achievement that follows only by a rounding other than the plan's setting |
///
/// A pagu printed on an indicator's row stands for its node's when the node's own row has none
/// (Tabel 6.1 prints an objective's pagu on its indicator's row).

#include <kinerja/plan.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/value.hpp>

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kinerja {

enum class severity { info, warning, error };
std::string_view to_string(severity s) noexcept;

/// One inconsistency.
struct finding {
    std::string rule;
    kinerja::severity severity = severity::warning;
    std::string node;  ///< the node's code, or its id when it has none
    std::string node_id;
    std::string indicator;  ///< the indicator's id ("" for node findings)
    std::string indicator_name;
    std::optional<int> year;  ///< end_of_period for the end column
    std::string expected;     ///< as text ("" when there is nothing to expect)
    std::string actual;
    std::optional<double> expected_number;  ///< the same as numbers, where they are numbers
    std::optional<double> actual_number;
    std::string message;
    kinerja::location location;  ///< in the plan file
    std::string source;          ///< the source table of the printed value
};

/// A rule: id, severity, one line.
struct rule_info {
    std::string id;
    kinerja::severity severity;
    std::string description;
};

/// The rules check_plan knows.
const std::vector<rule_info>& check_rules();

/// Settings of check_plan; the `with_` setters return a changed copy
/// (`check_options{}.with_rules({"budget-rollup"}).with_include_history(false)`).
struct check_options {
    std::set<std::string> rules;    ///< only these rules (empty: all); unknown ids are an argument_error
    double budget_tolerance = 0.5;  ///< Rupiah; sums within it agree
    bool include_history = true;    ///< also check the history nodes (previous period)

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
    check_options with_include_history(bool on) const {
        auto o = *this;
        o.include_history = on;
        return o;
    }
};

/// Every finding, ordered by the position of what it concerns in the plan file.
std::vector<finding> check_plan(const plan& p, const check_options& options = {});

// plan_scales, read_value, read_money and yearly_realization: plan_values.hpp.

}  // namespace kinerja
