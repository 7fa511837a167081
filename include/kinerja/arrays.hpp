// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file arrays.hpp
/// Achievement and absorption over whole columns held in Eigen arrays: NaN where an input is
/// missing (NaN) or the result is undefined, as in the pointer overloads of achievement.hpp.
///
///     Eigen::ArrayXd target(3), realized(3);
///     target << 60, 65, 69;
///     realized << 72.79, 74.39, 75.37;
///     Eigen::ArrayXd a = kinerja::achievement(target, realized);   // 121.3166.., 114.44.., 109.23..

#include <kinerja/achievement.hpp>
#include <kinerja/error.hpp>

#include <Eigen/Core>

#include <string>

namespace kinerja {

namespace detail {
inline void check_same_size(Eigen::Index a, Eigen::Index b) {
    if (a != b)
        throw argument_error("kinerja.argument.size", "the arrays have different lengths (" + std::to_string(a) +
                                                          " and " + std::to_string(b) + ")");
}
}  // namespace detail

/// Element-wise achievement. \throws argument_error if the lengths differ.
inline Eigen::ArrayXd achievement(const Eigen::Ref<const Eigen::ArrayXd>& target,
                                  const Eigen::Ref<const Eigen::ArrayXd>& realization,
                                  const achievement_options& options = {}) {
    detail::check_same_size(target.size(), realization.size());
    Eigen::ArrayXd out(target.size());
    achievement(target.data(), realization.data(), out.data(), static_cast<std::size_t>(target.size()), options);
    return out;
}

/// Element-wise absorption. \throws argument_error if the lengths differ.
inline Eigen::ArrayXd absorption(const Eigen::Ref<const Eigen::ArrayXd>& budget,
                                 const Eigen::Ref<const Eigen::ArrayXd>& realized, const rounding_rule& rule = {}) {
    detail::check_same_size(budget.size(), realized.size());
    Eigen::ArrayXd out(budget.size());
    absorption(budget.data(), realized.data(), out.data(), static_cast<std::size_t>(budget.size()), rule);
    return out;
}

}  // namespace kinerja
