// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: loading a plan's catalogs (`catalogs:`) and checking its `catalog: ID` references at
// load time (docs/catalog.md §5). Not part of the public API.

#include <kinerja/detail/references.hpp>
#include <kinerja/plan.hpp>

#include <vector>

namespace kinerja::detail {

/// Sets p.loaded_catalog: the files and `bundled` of p.catalogs (paths relative to the directory
/// of p.file), merged in order; without `catalogs:`, the default catalog when an indicator (of
/// the main nodes, the history or a version entry) names a catalog entry, else nothing. Then every
/// `catalog: ID` must name an entry of it. `listed` holds the location of each item of
/// `catalogs:`, `key` that of the key itself.
/// \throws file_error kinerja.plan.reference at the ID's site for an unknown ID (naming the
///         nearest ids); kinerja.catalog.io at the list item for a file that cannot be read; the
///         catalog files' own kinerja.catalog.* errors
void load_plan_catalogs(plan& p, const reference_sites& sites, const std::vector<location>& listed,
                        const location& key);

}  // namespace kinerja::detail
