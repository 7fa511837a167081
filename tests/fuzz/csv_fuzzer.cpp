// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the CSV plan import: the first two bytes pick the import options (the
// delimiter or its detection, a period given or not, one that ends before it starts, an id), the
// rest is the table. The case is mode 'o' of tests/cpp/plan_fuzz_case.hpp: a table that loads
// must keep the plan invariants in every version (checks, roll-ups, diff with itself, save round
// trip, valid UTF-8 in every text a person sees); one that does not must fail with a
// kinerja::error whose message is valid UTF-8 and short.
//
// Build as formula_fuzzer (see there), then run, seeded with the CSV fixtures, with a time and a
// memory limit per input:
//   mkdir -p build/fuzz/csv-corpus && for f in tests/data/csv/*.csv; do
//     { printf '\0\0'; cat "$f"; } > "build/fuzz/csv-corpus/$(basename "$f")"; done
//   build/fuzz/tests/fuzz/csv_fuzzer build/fuzz/csv-corpus -max_len=8192 -max_total_time=3600 \
//         -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024
#include "../cpp/plan_fuzz_case.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    std::string input = "o";
    input.append(reinterpret_cast<const char*>(bytes), size);
    const std::string broken = kinerja_test::run_plan_case(input);
    if (!broken.empty()) {
        std::fprintf(stderr, "csv_fuzzer: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
