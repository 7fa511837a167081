// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the formula language: compile any bytes as a formula; when it compiles,
// evaluate it as a scalar and on a few columns (with threads) and diagnose it. Every input must
// compile or throw formula_error / kinerja::error; anything else (a crash, a sanitizer report, a
// foreign exception, an infinity in the output) is a finding.
//
// Build (Debian 12: apt-get install clang-14 libclang-rt-14-dev; check with
// `apt-cache policy libclang-rt-14-dev`):
//   cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
//         -DKINERJA_FUZZ=ON -DKINERJA_BUILD_TESTS=OFF -DKINERJA_BUILD_EXAMPLES=OFF
//   cmake --build build/fuzz --target formula_fuzzer -j
// Run (the corpus directory grows; tests/fuzz/formula.dict holds the language's tokens):
//   mkdir -p build/fuzz/corpus
//   build/fuzz/tests/fuzz/formula_fuzzer build/fuzz/corpus -dict=tests/fuzz/formula.dict \
//         -max_len=256 -max_total_time=300 -timeout=5 -rss_limit_mb=4096
// Reproduce a finding: build/fuzz/tests/fuzz/formula_fuzzer crash-<hash>
#include <kinerja/error.hpp>
#include <kinerja/formula.hpp>

#include <cmath>
#include "../cpp/formula_fuzz_data.hpp"

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <map>
#include <string>
#include <vector>

using data = kinerja_test::formula_fuzz_data;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    static const data d;
    static const std::map<std::string, std::string> no_units;
    static const std::map<std::string, std::string> units = {{"x", "Rupiah"}, {"y", "Orang"}, {"cases", "Orang"}};
    if (size == 0) return 0;
    // the first byte picks the unit map and the missing-value strategy
    const std::uint8_t mode = bytes[0];
    const std::string text(reinterpret_cast<const char*>(bytes + 1), size - 1);
    kinerja::formula_options options;
    options.missing = (mode & 2) ? kinerja::missing_strategy::zero : kinerja::missing_strategy::propagate;
    kinerja::formula f;
    try {
        f = kinerja::formula::compile(text, (mode & 1) ? units : no_units, options);
        (void)f.unit().text();
    } catch (const kinerja::error&) {
        return 0;  // formula_error, or a kinerja::error
    }
    try {
        for (std::size_t r = 0; r < 5; ++r) {
            const kinerja::formula_result res = f.evaluate(d.row(r));
            if (res.value && !std::isfinite(*res.value)) std::abort();
        }
    } catch (const kinerja::argument_error&) {
        // a plain variable that matches several values: a data error, as on columns
    }
    try {
        const kinerja::formula& g = f;
        const kinerja::formula_columns c = d.columns();
        std::vector<double> out(5);
        kinerja::eval_options o;
        o.threads = (mode & 4) ? 2 : 1;
        o.min_rows_per_thread = 1;
        g.evaluate(c, out.data(), o);
        for (double v : out)
            if (std::isinf(v)) std::abort();
        (void)g.diagnose(c);
    } catch (const kinerja::error&) {
        // a variable the data lacks, or one that matches several columns
    }
    return 0;
}
