// A year column does not turn into an int by itself: `int y = end_of_period;` must not compile,
// so the end column can never be printed or computed with as a number (once it was 9999).
#include <kinerja/year.hpp>

int control_or_misuse() {
#ifdef KINERJA_COMPILE_FAIL
    const int y = kinerja::end_of_period;
#else
    const kinerja::period_year end = kinerja::end_of_period;
    const int y = end.is_end() ? 0 : end.value();
#endif
    return y;
}
