// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the plan formats and the value reader: the first byte picks what the rest
// is read as (a YAML plan, a CSV plan table, or a printed cell with one of the contexts and
// conventions). A plan that loads is checked, rolled up (three methods), diffed with itself,
// saved, and each of its versions built; the saved text must load again to the same text. Every
// input must load or throw a kinerja::error; anything else (a crash, a sanitizer report, a foreign
// exception, a save that does not round-trip) is a finding.
//
// Build as formula_fuzzer (see there), then run, e.g. from the bundled plan and the test fixtures:
//   mkdir -p build/fuzz/plan-corpus
//   build/fuzz/tests/fuzz/plan_fuzzer build/fuzz/plan-corpus -max_len=4096 -max_total_time=300 \
//         -timeout=10 -rss_limit_mb=4096
// (seed the corpus with files that start with the mode byte: 'y' for YAML, 'c' for CSV, 'v' for
// a cell.)
#include <kinerja/check.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/rollup.hpp>
#include <kinerja/value.hpp>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

namespace {

void exercise(const kinerja::plan& p) {
    (void)kinerja::check_plan(p);
    for (auto m : {kinerja::rollup_method::mean, kinerja::rollup_method::budget_weighted,
                   kinerja::rollup_method::ratio_of_sums}) {
        kinerja::rollup_options o;
        o.method = m;
        o.include_history = true;
        (void)kinerja::rollup_plan(p, o);
    }
    if (!kinerja::diff_plans(p, p).empty()) std::abort();  // a plan does not differ from itself
    const std::string saved = kinerja::to_yaml(p);
    if (kinerja::to_yaml(kinerja::parse_plan(saved, "saved.yaml")) != saved) std::abort();
    for (const std::string& name : p.version_names()) (void)kinerja::check_plan(p.version(name));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    if (size == 0) return 0;
    const char mode = static_cast<char>(bytes[0]);
    const std::string text(reinterpret_cast<const char*>(bytes + 1), size - 1);
    try {
        if (mode == 'c') {
            exercise(kinerja::parse_plan_csv(text, "fuzz.csv"));
        } else if (mode == 'v') {
            static const char* const contexts[] = {"",     "Rupiah", "Orang",       "Persen",   "Rasio", "KLA",
                                                   "AKIP", "APE",    "per 100.000", "Predikat", "Nilai", "Dokumen"};
            const std::size_t pick = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
            const char* context = contexts[pick % (sizeof contexts / sizeof contexts[0])];
            std::optional<kinerja::convention> conv;
            if (pick / 16 % 3 == 1) conv = kinerja::convention::english;
            if (pick / 16 % 3 == 2) conv = kinerja::convention::indonesian;
            const kinerja::value v = kinerja::parse_value(text.empty() ? text : text.substr(1), context,
                                                          kinerja::default_units(), kinerja::default_scales(), conv);
            if (v.number && !std::isfinite(*v.number)) std::abort();
            (void)kinerja::format_value(v, kinerja::convention::indonesian);
            (void)kinerja::format_value(v, kinerja::convention::english);
        } else {
            exercise(kinerja::parse_plan(text, "fuzz.yaml"));
        }
    } catch (const kinerja::error&) {
        // a parse, file, lookup, argument or undefined error: the expected outcome of bad input
    }
    return 0;
}
