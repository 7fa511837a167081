// SPDX-License-Identifier: Apache-2.0
// The composite indices of indices.hpp as formula functions: hdi(...), gdi(...), ipm(...), ...
#include "program.hpp"

#include <kinerja/error.hpp>
#include <kinerja/indices.hpp>

#include <cmath>
#include <iterator>
#include <limits>

namespace kinerja {
namespace detail {

const index_function index_functions[] = {
    {"hdi", 4, 4, [](const double* a, int) { return indices::hdi(a[0], a[1], a[2], a[3]); }},
    {"hdi_female", 4, 4, [](const double* a, int) { return indices::hdi_female(a[0], a[1], a[2], a[3]); }},
    {"hdi_male", 4, 4, [](const double* a, int) { return indices::hdi_male(a[0], a[1], a[2], a[3]); }},
    {"gdi", 8, 8, [](const double* a, int) { return indices::gdi(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]); }},
    {"gdi_group", 1, 1, [](const double* a, int) { return static_cast<double>(indices::gdi_group(a[0])); }},
    {"gii", 8, 8, [](const double* a, int) { return indices::gii(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]); }},
    {"gem_edep", 4, 5,
     [](const double* a, int n) { return indices::gem_edep(a[0], a[1], a[2], a[3], n > 4 ? a[4] : 2.0); }},
    {"ipm", 4, 4, [](const double* a, int) { return indices::ipm(a[0], a[1], a[2], a[3]); }},
    {"ipm_female", 4, 4, [](const double* a, int) { return indices::ipm_female(a[0], a[1], a[2], a[3]); }},
    {"ipm_male", 4, 4, [](const double* a, int) { return indices::ipm_male(a[0], a[1], a[2], a[3]); }},
    {"ipg", 2, 2, [](const double* a, int) { return indices::ipg(a[0], a[1]); }},
    {"ikg", 8, 8, [](const double* a, int) { return indices::ikg(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]); }},
};
const std::size_t index_function_count = std::size(index_functions);

double call_index(std::uint32_t which, const double* args, int n) {
    for (int k = 0; k < n; ++k)  // a missing or infinite argument: missing (goalposts would cap inf)
        if (!std::isfinite(args[k])) return std::numeric_limits<double>::quiet_NaN();
    try {
        const double x = index_functions[which].fn(args, n);
        return std::isfinite(x) ? x : std::numeric_limits<double>::quiet_NaN();
    } catch (const kinerja::error&) {
        return std::numeric_limits<double>::quiet_NaN();
    }
}

}  // namespace detail
}  // namespace kinerja
