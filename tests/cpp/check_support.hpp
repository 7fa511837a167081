// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the tests of the checks: small plans written inline, and the findings of one
// rule.
#pragma once

#include <kinerja/check.hpp>
#include <kinerja/plan_io.hpp>

#include <string>
#include <vector>

namespace kinerja_test {

// A plan of the years from..to: the file header, then `body` (its nodes and settings), read as
// "inline.yaml".
inline kinerja::plan inline_plan(int from, int to, const std::string& version, const std::string& body) {
    const std::string head = "kinerja_plan: 1\nplan: {id: x, title: X, organisation: O, region: R, period: [" +
                             std::to_string(from) + ", " + std::to_string(to) + "], version: " + version + "}\n";
    return kinerja::parse_plan(head + body, "inline.yaml");
}

// The findings of the built-in rule `rule` alone (with `base`'s other options).
inline std::vector<kinerja::finding> only(const kinerja::plan& p, const std::string& rule,
                                          const kinerja::check_options& base = {}) {
    kinerja::check_options o = base;
    o.rules = {rule};
    return kinerja::check_plan(p, o);
}

}  // namespace kinerja_test
