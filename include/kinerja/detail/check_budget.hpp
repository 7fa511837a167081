// SPDX-License-Identifier: Apache-2.0
#pragma once
// The budget rules of check_plan that stand on their own (check_budget.cpp): the end column
// against the years (budget-end) and pagu on indicator rows against the node's
// (budget-indicator-rows). Private to check.cpp; not public API.

#include <kinerja/check.hpp>
#include <kinerja/conventions.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace kinerja::detail {

/// Adds a finding of `rule` about node `n` (nullptr for a total row) and returns it to be filled in.
using budget_finding_sink =
    std::function<finding&(std::string_view rule, const node* n, std::optional<period_year> year, std::string message,
                           const location& where, const std::string& source)>;

/// budget-end: each node's (and total row's) end-of-period pagu against its yearly pagu, by the
/// plan's convention (conventions.hpp); see docs/plans.md.
void check_budget_end(const plan& p, const plan_conventions& c, double tolerance, const budget_finding_sink& add);

/// budget-indicator-rows: under `repeat`, indicator rows of one node that print different pagu;
/// a node whose own row and indicator rows both print pagu that do not agree by the convention.
void check_indicator_rows(const plan& p, const plan_conventions& c, double tolerance, const budget_finding_sink& add);

}  // namespace kinerja::detail
