// The end column cannot be printed as a number: std::to_string takes no period_year (only
// kinerja::to_string, which prints "end").
#include <kinerja/year.hpp>

#include <string>

std::string control_or_misuse() {
    const kinerja::period_year y = kinerja::end_of_period;
#ifdef KINERJA_COMPILE_FAIL
    return std::to_string(y);
#else
    return to_string(y);
#endif
}
