// SPDX-License-Identifier: Apache-2.0
// One robustness case of the plan formats and the value reader, shared by the libFuzzer target
// (tests/fuzz/plan_fuzzer.cpp) and the generated-input test that CI runs
// (tests/cpp/test_plan_fuzz.cpp). The first byte picks what the rest is read as: 'c' a CSV plan
// table, 'v' a printed cell (its first byte picks one of twelve contexts and, or not, a declared
// convention), anything else a YAML plan. Bad input must give a kinerja::error; a plan that loads
// must keep the invariants below.
#pragma once

#include <kinerja/check.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/rollup.hpp>
#include <kinerja/value.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kinerja_test {

// What a plan that loads must allow: checks (also of each version), roll-ups by every method, a
// diff with itself that finds nothing, and a save that loads to the same text. Returns the first
// broken invariant, or "".
inline std::string plan_invariants(const kinerja::plan& p) {
    (void)kinerja::check_plan(p);
    for (auto m : {kinerja::rollup_method::mean, kinerja::rollup_method::budget_weighted,
                   kinerja::rollup_method::ratio_of_sums}) {
        kinerja::rollup_options o;
        o.method = m;
        o.include_history = true;
        (void)kinerja::rollup_plan(p, o);
    }
    if (!kinerja::diff_plans(p, p).empty()) return "the plan differs from itself";
    const std::string saved = kinerja::to_yaml(p);
    if (kinerja::to_yaml(kinerja::parse_plan(saved, "saved.yaml")) != saved)
        return "the saved plan does not load to itself";
    for (const std::string& name : p.version_names()) (void)kinerja::check_plan(p.version(name));
    return "";
}

// One case: "" when the input loads and keeps the invariants or fails with a kinerja::error;
// otherwise what went wrong. Exceptions of other types propagate (a finding for the caller).
inline std::string run_plan_case(std::string_view bytes) {
    if (bytes.empty()) return "";
    const char mode = bytes[0];
    const std::string text(bytes.substr(1));
    try {
        if (mode == 'c') return plan_invariants(kinerja::parse_plan_csv(text, "fuzz.csv"));
        if (mode == 'v') {
            static const char* const contexts[] = {"",     "Rupiah", "Orang",       "Persen",   "Rasio", "KLA",
                                                   "AKIP", "APE",    "per 100.000", "Predikat", "Nilai", "Dokumen"};
            const std::size_t pick = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
            const char* context = contexts[pick % (sizeof contexts / sizeof contexts[0])];
            std::optional<kinerja::convention> conv;
            if (pick / 16 % 3 == 1) conv = kinerja::convention::english;
            if (pick / 16 % 3 == 2) conv = kinerja::convention::indonesian;
            const kinerja::value v = kinerja::parse_value(text.empty() ? text : text.substr(1), context,
                                                          kinerja::default_units(), kinerja::default_scales(), conv);
            if (v.number && !std::isfinite(*v.number)) return "a cell read as a number that is not finite";
            (void)kinerja::format_value(v, kinerja::convention::indonesian);
            (void)kinerja::format_value(v, kinerja::convention::english);
            return "";
        }
        return plan_invariants(kinerja::parse_plan(text, "fuzz.yaml"));
    } catch (const kinerja::error&) {
        return "";  // a parse, file, lookup, argument or undefined error: the expected outcome of bad input
    }
}

}  // namespace kinerja_test
