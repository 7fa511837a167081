// SPDX-License-Identifier: Apache-2.0
#include <kinerja/rounding.hpp>

#include <kinerja/detail/number_text.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <algorithm>
#include <cmath>

namespace kinerja {

double rounding_rule::apply(double value) const {
    if (decimals < 0 || decimals > 12)
        throw argument_error("kinerja.argument.decimals",
                             "decimals must lie in 0..12, got " + std::to_string(decimals));
    if (mode == rounding::none || !std::isfinite(value)) return value;
    const double scale = detail::power_of_ten(decimals);
    const double scaled = std::fabs(value) * scale;
    // Relative to the magnitude (representation error grows with it), but at least 1e-9 and at
    // most 1e-6 of a step, so that the tolerance never moves a value that is really off a boundary.
    const double tolerance = std::min(1e-6, std::max(1e-9, rounding_tolerance * scaled));
    double steps = 0.0;
    if (mode == rounding::half_up)
        steps = std::floor(scaled + 0.5 + tolerance);
    else
        steps = std::floor(scaled + tolerance);
    const double result = steps / scale;
    return std::signbit(value) ? -result : result;
}

std::string_view to_string(rounding mode) noexcept {
    switch (mode) {
        case rounding::none: return "none";
        case rounding::half_up: return "half_up";
        case rounding::truncate: return "truncate";
    }
    return "none";
}

rounding rounding_from_string(std::string_view name) {
    const std::string key = detail::fold(name);
    if (key == "none" || key.empty()) return rounding::none;
    if (key == "half_up" || key == "half-up" || key == "halfup" || key == "round") return rounding::half_up;
    if (key == "truncate" || key == "trunc" || key == "truncation") return rounding::truncate;
    throw lookup_error("kinerja.lookup.rounding", std::string(name),
                       "unknown rounding \"" + std::string(name) + "\"; use none, half_up or truncate");
}

}  // namespace kinerja
