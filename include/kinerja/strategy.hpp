// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file strategy.hpp
/// Strategy and policy links of a Renstra (Tabel 5.1, "Tujuan, Sasaran, Strategi, dan
/// Kebijakan"): which strategies (node_level::strategi) serve a sasaran, which policy directions
/// (node_level::arah_kebijakan) carry out a strategy, and which programmes serve a policy
/// direction. The links are many-to-many and are written in the plan file as `supports` lists
/// (docs/plan-format.md, "Strategy and policy"):
///
/// - a strategi `supports` the sasaran (or regional sasaran_rpd) it serves;
/// - an arah_kebijakan `supports` the strategi it carries out;
/// - a program `supports` the arah_kebijakan it serves (besides its parent objective).
///
/// The checks of these links (strategy-level, programme-without-policy, sasaran-without-strategy,
/// strategy-without-programme, policy-without-programme) are rules of check_plan (check.hpp).

#include <kinerja/plan.hpp>

#include <string>
#include <vector>

namespace kinerja {

/// One `supports` link that touches the strategy layer: from a node to a node of the plan's
/// `nodes`, where either end is a strategi or an arah_kebijakan node. Links whose levels do not
/// fit (a strategi supporting a programme) are listed too; check_plan reports them.
struct strategy_link {
    std::string from;  ///< id of the supporting node (the strategi, arah_kebijakan or program)
    std::string to;    ///< id of the node it supports
    node_level from_level = node_level::strategi;
    node_level to_level = node_level::sasaran;
    kinerja::location location;  ///< of the supporting node

    friend bool operator==(const strategy_link& a, const strategy_link& b) {
        return a.from == b.from && a.to == b.to && a.from_level == b.from_level && a.to_level == b.to_level;
    }
    friend bool operator!=(const strategy_link& a, const strategy_link& b) { return !(a == b); }
};

/// Every link of the strategy layer, in file order of the supporting nodes and of their
/// `supports` lists; O(N + L) for N nodes and L links. Only the plan's `nodes` (not history);
/// `supports` entries that name an indicator or another plan (`PLAN:ID`) are not links between
/// nodes and are left out.
std::vector<strategy_link> strategy_links(const plan& p);

/// One row of the Tabel 5.1 matrix: a sasaran, the goal above it, and what serves it.
struct strategy_row {
    std::string tujuan;                   ///< nearest tujuan (or tujuan_rpd) ancestor's id; "" if none
    std::string sasaran;                  ///< the sasaran's id
    std::vector<std::string> strategies;  ///< strategi nodes that support the sasaran
    std::vector<std::string> policies;    ///< arah_kebijakan nodes that support one of those strategies
    std::vector<std::string> programmes;  ///< program nodes that support one of those policies

    friend bool operator==(const strategy_row& a, const strategy_row& b) {
        return a.tujuan == b.tujuan && a.sasaran == b.sasaran && a.strategies == b.strategies &&
               a.policies == b.policies && a.programmes == b.programmes;
    }
    friend bool operator!=(const strategy_row& a, const strategy_row& b) { return !(a == b); }
};

/// True when the plan has at least one strategi or arah_kebijakan node (among `nodes`): the plan
/// prints Tabel 5.1, and the gap rules of check_plan apply.
bool has_strategy_layer(const plan& p) noexcept;

/// The matrix as Tabel 5.1 lays it out, one row per sasaran in file order: every agency sasaran,
/// and every regional sasaran_rpd that a strategy serves. Ids in each list are in file order and
/// unique. Empty when the plan has no strategy layer (has_strategy_layer).
std::vector<strategy_row> strategy_matrix(const plan& p);

}  // namespace kinerja
