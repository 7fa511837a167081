// A percent plus a rate per 100,000 must not compile (both are dimensionless, but scaled
// differently: the sum would be meaningless).
#include <kinerja/units.hpp>

namespace units = kinerja::units;

units::percent control_or_misuse() {
    const units::percent share = 77.9 * units::percent_unit();
    const units::rate_per_100k violence = 18.221 * units::per_100k_unit();
#ifdef KINERJA_COMPILE_FAIL
    return share + violence;
#else
    (void)violence;
    return share + share;
#endif
}
