// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: the one reference check of plans, shared by the YAML and CSV readers and by
// plan::version(). Not part of the public API.

#include <kinerja/plan.hpp>

#include <string>
#include <unordered_map>

namespace kinerja::detail {

/// Where the reference values of a plan stand in its file, so that an error points at the value
/// itself: by version ("" for the main nodes), the id of the value's owner and its key
/// ("parent", "successor", "replaces", "polarity", "supports#2" and "over#0" for list items).
class reference_sites {
public:
    void note(const std::string& version, const std::string& owner, const std::string& key, const location& at) {
        at_[version + '\0' + owner + '\0' + key] = at;
    }
    const location& find(const std::string& version, const std::string& owner, const std::string& key,
                         const location& otherwise) const {
        const auto it = at_.find(version + '\0' + owner + '\0' + key);
        return it == at_.end() ? otherwise : it->second;
    }

private:
    std::unordered_map<std::string, location> at_;
};

/// Checks the references of a plan in O(N log N) (one id index, one colouring pass per tree):
/// ids are unique; every parent is a node and the parent links form no cycle, in the main nodes
/// and in every version; successors are nodes; supports, replaces, totals' over and scales name
/// what exists; a version entry for a node that does not exist gives a level.
/// \throws file_error kinerja.plan.duplicate_id, kinerja.plan.reference at the value's site
void validate_references(const plan& p, const reference_sites& sites);

/// The parent links of the plan as version `v` makes it (v is one of p.versions): every parent is
/// a node of that version and the links form no cycle. Used by validate_references and by
/// plan::version(). \throws file_error kinerja.plan.reference
void validate_version_parents(const plan& p, const plan_version& v, const reference_sites& sites);

}  // namespace kinerja::detail
