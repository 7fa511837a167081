// Achievement compares quantities of one unit: a percent target against a rate per 100,000
// realization must not compile.
#include <kinerja/units.hpp>

namespace units = kinerja::units;

units::percent control_or_misuse() {
    const units::percent target = 53.24 * units::percent_unit();
#ifdef KINERJA_COMPILE_FAIL
    const units::rate_per_100k realized = 77.9 * units::per_100k_unit();
#else
    const units::percent realized = 77.9 * units::percent_unit();
#endif
    return units::achievement(target, realized);
}
