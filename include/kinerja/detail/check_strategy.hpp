// SPDX-License-Identifier: Apache-2.0
#pragma once
// The strategy and policy rules of check_plan (strategy.cpp): links of the Tabel 5.1 layer to a
// node of the wrong level (strategy-level), and its gaps (programme-without-policy,
// sasaran-without-strategy, strategy-without-programme, policy-without-programme,
// strategy-unlinked). Private to check.cpp; not public API.

#include <kinerja/detail/check_budget.hpp>

#include <functional>
#include <string_view>

namespace kinerja::detail {

/// Runs the strategy rules that `on` accepts and adds their findings through `add` (the gap rules
/// only when the plan has a strategy layer, has_strategy_layer in strategy.hpp).
void check_strategy(const plan& p, const std::function<bool(std::string_view)>& on, const budget_finding_sink& add);

}  // namespace kinerja::detail
