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
//
// Until the p.constants[0] bug in run_block (formula.cpp) is fixed, formulas are evaluated on
// columns as "(text) + 0", which always has a constant; set KINERJA_FUZZ_LITERAL_FREE=1 to
// evaluate them as written (it then crashes at once on e.g. "sqrt(x)").
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

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

using data = kinerja_test::formula_fuzz_data;
    std::vector<std::int64_t> group{1, 1, 1, 2, 2}, year{2020, 2021, 2021, 2021, 2021};
    kinerja::formula_columns columns() const {
        kinerja::formula_columns c;
        c.rows = 5;
        c.add("x", x.data());
        c.add("y", y.data());
        c.add("cases[sex=P,kecamatan=Bekasi Utara]", p.data());
        c.add("cases[sex=L,kecamatan=Bekasi Utara]", l.data());
        c.group = group.data();
        c.year = year.data();
        return c;
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    static const bool literal_free = std::getenv("KINERJA_FUZZ_LITERAL_FREE") != nullptr;
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
    for (std::size_t r = 0; r < 5; ++r) {
        const kinerja::formula_result res = f.evaluate({{"x", d.x[r]}, {"y", d.y[r]},
                                                        {"cases[sex=P,kecamatan=Bekasi Utara]", d.p[r]},
                                                        {"cases[sex=L,kecamatan=Bekasi Utara]", d.l[r]}});
        if (res.value && !std::isfinite(*res.value)) std::abort();
    }
    try {
        kinerja::formula g = literal_free ? f : kinerja::formula::compile("(" + text + ") + 0", (mode & 1) ? units : no_units, options);
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
