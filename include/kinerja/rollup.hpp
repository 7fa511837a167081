// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file rollup.hpp
/// Achievement rolled up the cascade, year by year.
///
/// Each indicator's achievement is computed from its printed target and realization with the
/// plan's settings (lower-is-better method, rounding) and the indicator's polarity (scale
/// indicators compare by position or score, higher is better). A node's **own** achievement
/// is the mean of its own indicators'. Its **rolled** achievement combines its children's
/// rolled achievements by the chosen method; a node without children that have one keeps its
/// own. The method is recorded in every result.
///
/// | method | a parent's rolled achievement |
/// |---|---|
/// | mean | the plain mean of its children's |
/// | budget_weighted | the mean weighted by each child's pagu of that year (children without pagu are left out, and
/// said so) | | ratio_of_sums | for indicators that carry the counts behind a rate or percentage (`numerators` and
/// `denominators` of realization and target), sum(realized numerators) / sum(realized denominators) against sum(target
/// numerators) / sum(target denominators), never an average of percentages; children without counts fall back to the
/// mean, and said so |
///
/// Indicators whose achievement cannot be computed (missing or unreadable values, undefined
/// results) are left out and counted in `skipped`.

#include <kinerja/plan.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kinerja {

enum class rollup_method { mean, budget_weighted, ratio_of_sums };
std::string_view to_string(rollup_method m) noexcept;
/// \throws lookup_error kinerja.lookup.rollup_method
rollup_method rollup_method_from_string(std::string_view name);

/// One node in one year.
struct rollup_entry {
    std::string node_id;
    std::string node;  ///< code, or id when the node has none
    std::string name;
    node_level level = node_level::program;
    int year = 0;
    std::optional<double> own;     ///< mean of the node's own indicators' achievements
    std::optional<double> rolled;  ///< combined from the children (or own, for a leaf)
    std::size_t indicators = 0;    ///< own indicators with an achievement
    std::size_t skipped = 0;       ///< own indicators without one
    std::size_t children = 0;      ///< children that contributed
    rollup_method method = rollup_method::mean;
    std::string basis;  ///< how `rolled` was obtained, for people
};

/// Settings of rollup_plan; the `with_` setters return a changed copy
/// (`rollup_options{}.with_method(rollup_method::budget_weighted).with_years({2025})`).
struct rollup_options {
    rollup_method method = rollup_method::mean;
    std::vector<int> years;        ///< empty: every year of the plan period
    bool include_history = false;  ///< also the history nodes (for their own years)

    rollup_options with_method(rollup_method m) const {
        auto o = *this;
        o.method = m;
        return o;
    }
    rollup_options with_years(std::vector<int> y) const {
        auto o = *this;
        o.years = std::move(y);
        return o;
    }
    rollup_options with_include_history(bool on) const {
        auto o = *this;
        o.include_history = on;
        return o;
    }
};

/// Roll-up entries for every node and year, in file order then by year. The cascade is walked
/// without recursion, so a parent chain of any depth rolls up.
/// \throws file_error kinerja.plan.reference, at the first node's place, naming the nodes, when
/// parent links form a cycle (loaded plans have none; a plan built or changed by hand may)
std::vector<rollup_entry> rollup_plan(const plan& p, const rollup_options& options = {});

}  // namespace kinerja
