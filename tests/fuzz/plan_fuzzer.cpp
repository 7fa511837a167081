// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the plan formats and the value reader (the case itself, and what it
// checks, is tests/cpp/plan_fuzz_case.hpp; CI runs the same case on generated inputs in
// tests/cpp/test_plan_fuzz.cpp). Any finding aborts: a crash, a sanitizer report, a foreign
// exception, or a broken invariant (a plan that differs from itself, a save that does not
// round-trip, a cell read as infinity).
//
// Build as formula_fuzzer (see there), then run, e.g. seeded with the test fixtures:
//   mkdir -p build/fuzz/plan-corpus
//   build/fuzz/tests/fuzz/plan_fuzzer build/fuzz/plan-corpus -max_len=4096 -max_total_time=300 \
//         -timeout=10 -rss_limit_mb=4096
// (seed files start with the mode byte: 'y' for YAML, 'c' for CSV, 'v' for a cell.)
#include "../cpp/plan_fuzz_case.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string broken =
        kinerja_test::run_plan_case(std::string_view(reinterpret_cast<const char*>(bytes), size));
    if (!broken.empty()) {
        std::fprintf(stderr, "plan_fuzzer: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
