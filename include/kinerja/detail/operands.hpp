// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: turns two printed values into the numbers an achievement compares, with the
// interval each printed number stands for. Shared by achievement.cpp and audit.cpp.

#include <kinerja/scale.hpp>
#include <kinerja/value.hpp>

#include <string>

namespace kinerja::detail {

struct operands {
    double target = 0.0;
    double realization = 0.0;
    // Interval each operand stands for given its printed precision (equal to the point for
    // exact operands such as positions on a scale).
    double target_low = 0.0, target_high = 0.0;
    double realization_low = 0.0, realization_high = 0.0;
    std::string basis;
};

/// \pre neither value is missing. \throws argument_error kinerja.argument.incomparable
operands comparable(const value& target, const value& realization, const scale_registry& scales);

}  // namespace kinerja::detail
