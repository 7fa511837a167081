// Budget absorption takes money only: absorption(money, persons) must not compile.
#include <kinerja/units.hpp>

namespace units = kinerja::units;

units::percent control_or_misuse() {
    const units::money pagu = 10'000'000.0 * units::rupiah;
#ifdef KINERJA_COMPILE_FAIL
    const units::persons spent = 9.0 * units::person;
#else
    const units::money spent = 8'997'000.0 * units::rupiah;
#endif
    return units::absorption(pagu, spent);
}
