// Rupiah plus persons must not compile. Built twice by tests/CMakeLists.txt: as written (the
// control, which must compile) and with KINERJA_COMPILE_FAIL (which must not).
#include <kinerja/units.hpp>

namespace units = kinerja::units;

units::money control_or_misuse() {
    const units::money pagu = 5'000'000.0 * units::rupiah;
    const units::persons staff = 350.0 * units::person;
#ifdef KINERJA_COMPILE_FAIL
    return pagu + staff;  // money + persons: no such operation
#else
    (void)staff;
    return pagu + pagu;
#endif
}
