// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file diff.hpp
/// The difference between two versions of a plan, as data: nodes and indicators added, removed
/// and changed, field by field and year by year, from what to what. Typical use: the original
/// (AWAL) and the revised (PERUBAHAN) columns of a revised Renstra:
///
///     const kinerja::plan revised = kinerja::bundled_plan();
///     for (const auto& c : kinerja::diff_plans(revised.version("awal"), revised)) ...

#include <kinerja/plan.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kinerja {

enum class change_kind { added, removed, changed };
std::string_view to_string(change_kind k) noexcept;

/// One difference.
struct change {
    change_kind kind = change_kind::changed;
    std::string subject;    ///< "node" or "indicator"
    std::string id;         ///< the node's or indicator's id
    std::string node;       ///< the node's code (or id) the change belongs to
    std::string name;       ///< the node's or indicator's name (in the newer version when it exists)
    std::string node_id;    ///< the id of the node the change belongs to
    std::string node_code;  ///< that node's code ("" when it has none)
    std::string node_name;  ///< that node's name (in the newer version when it exists)
    std::string field;  ///< for changes: name, level, code, parent, responsible, unit, polarity, convention, catalog,
                        ///< formula, baseline, target, realization, reported_achievement, budget, budget_realized
    std::optional<period_year> year;  ///< for year maps (end_of_period for the end column)
    std::string from;                 ///< the text in the older version ("" when absent)
    std::string to;                   ///< the text in the newer version ("" when absent)
};

/// Every difference from `older` to `newer`: nodes (and their indicators) by id, among nodes and
/// history; first what changed or was removed in `older`'s order, then what was added.
std::vector<change> diff_plans(const plan& older, const plan& newer);

}  // namespace kinerja
