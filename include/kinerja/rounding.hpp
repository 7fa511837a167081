// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file rounding.hpp
/// Rounding rules used in performance documents. Documents round achievement to two decimals,
/// and many truncate instead of rounding, so the rule is an explicit setting.
///
/// Decimal rounding of binary doubles: 113.625 is stored as 113.62499999999999. A value within
/// `rounding_tolerance` (relative to the value, but at least 1e-9 and at most 1e-6 of a rounding
/// step) of a rounding boundary is treated as lying on it, so half_up(113.625, 2) is 113.63 and
/// truncate(4.545 / 4 * 100, 2) is not pushed one step down by representation error. This is
/// the only place that tolerance is set.

#include <string>
#include <string_view>

namespace kinerja {

/// How a computed percentage is cut to a number of decimals.
enum class rounding {
    none,     ///< keep full precision
    half_up,  ///< round half away from zero (the usual school rule)
    truncate  ///< drop further digits (towards zero)
};

/// Relative tolerance for decimal boundaries (see file comment).
inline constexpr double rounding_tolerance = 1e-12;

/// A rounding mode with its number of decimals. Default: no rounding.
struct rounding_rule {
    rounding mode = rounding::none;
    int decimals = 2;
    /// Applies the rule. \throws argument_error if decimals is outside 0..12.
    double apply(double value) const;
};

/// Name of a rounding mode: "none", "half_up", "truncate".
std::string_view to_string(rounding mode) noexcept;
/// Parses "none", "half_up" (also "half-up", "round"), "truncate" (also "trunc").
/// \throws lookup_error kinerja.lookup.rounding
rounding rounding_from_string(std::string_view name);

}  // namespace kinerja
