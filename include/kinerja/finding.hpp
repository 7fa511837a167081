// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file finding.hpp
/// What a check reports: a finding, its severity, and the one order of findings. Built-in checks
/// (check.hpp) and validation rules written as data (validation.hpp) report the same findings.

#include <kinerja/plan.hpp>

#include <optional>
#include <string>
#include <string_view>
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
    std::string node_code;  ///< the node's code ("" when it has none); filled by name_findings
    std::string node_name;  ///< the node's name; filled by name_findings
    std::string indicator;  ///< the indicator's id ("" for node findings)
    std::string indicator_name;
    std::optional<period_year> year;  ///< a calendar year or end_of_period (the end column)
    std::string expected;             ///< as text ("" when there is nothing to expect)
    std::string actual;
    std::optional<double> expected_number;  ///< the same as numbers, where they are numbers
    std::optional<double> actual_number;
    std::string message;
    kinerja::location location;  ///< in the plan file
    std::string source;          ///< the source table of the printed value
};

/// Orders findings by the position of what they concern in the plan file: by line, then column
/// (a finding without a position, line 0, comes first). The sort is stable: findings at the
/// same position keep the order they are given in, which for kinerja::check is the order of the
/// registry (built-in rules first, in the order check_plan runs its passes, then each rule set's
/// rules in the order of the set) and, within one check, the order in which it found them.
/// Every function that returns findings (check, check_plan, apply_rules) orders them with it.
void sort_findings(std::vector<finding>& findings);
/// Sets each finding's `node_code` and `node_name` from the node (or history node) of `p` whose id is its
/// `node_id`; findings of no node of `p` keep theirs. kinerja::check and apply_rules call it.
void name_findings(const plan& p, std::vector<finding>& findings);

}  // namespace kinerja
