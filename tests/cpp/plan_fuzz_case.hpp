// SPDX-License-Identifier: Apache-2.0
// One robustness case of the plan formats and the value reader, shared by the libFuzzer target
// (tests/fuzz/plan_fuzzer.cpp) and the generated-input test that CI runs
// (tests/cpp/test_plan_fuzz.cpp), and the CSV import's (tests/fuzz/csv_fuzzer.cpp). The first
// byte picks what the rest is read as: 'c' a CSV plan table, 'o' a CSV plan table read with
// options picked by its next two bytes, 'v' a printed cell (its first byte picks one of twelve
// contexts and, or not, a declared convention), anything else a YAML plan. Bad input must give a
// kinerja::error whose message is valid UTF-8 and short; a plan that loads must keep the
// invariants below in every version.
#pragma once

#include <kinerja/check.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/rollup.hpp>
#include <kinerja/value.hpp>

#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace kinerja_test {

// Whether `s` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF). Written here rather than taken from the library, so that the test does not trust the
// code it tests.
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
        if (c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c == 0xE0)
            len = 3, lo = 0xA0;
        else if (c >= 0xE1 && c <= 0xEC)
            len = 3;
        else if (c == 0xED)
            len = 3, hi = 0x9F;
        else if (c >= 0xEE && c <= 0xEF)
            len = 3;
        else if (c == 0xF0)
            len = 4, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3)
            len = 4;
        else if (c == 0xF4)
            len = 4, hi = 0x8F;
        else
            return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return false;
        }
        i += len;
    }
    return true;
}

// The longest message a user may be shown: a location, a cause and at most a few hundred
// characters of echoed input.
inline constexpr std::size_t longest_message = 2000;

// "" when every text is valid UTF-8, else which one is not.
inline std::string texts_ok(std::initializer_list<std::pair<const char*, const std::string*>> texts) {
    for (const auto& [what, text] : texts)
        if (!valid_utf8(*text)) return std::string(what) + " is not valid UTF-8";
    return "";
}

// What a plan must allow, in every version: checks, roll-ups by every method (which also walk
// the parent links of the version), and text a person is shown (finding messages, roll-up bases,
// changes), all of it valid UTF-8. Returns the first broken invariant, or "".
inline std::string version_invariants(const kinerja::plan& p) {
    for (const kinerja::finding& f : kinerja::check_plan(p)) {
        if (f.message.size() > longest_message)
            return "a finding message of " + std::to_string(f.message.size()) + " bytes";
        const std::string where = f.location.to_string();
        std::string bad = texts_ok({{"a finding message", &f.message},
                                    {"a finding's expected text", &f.expected},
                                    {"a finding's actual text", &f.actual},
                                    {"a finding's node", &f.node},
                                    {"a finding's indicator name", &f.indicator_name},
                                    {"a finding's location", &where}});
        if (!bad.empty()) return bad;
    }
    for (auto m : {kinerja::rollup_method::mean, kinerja::rollup_method::budget_weighted,
                   kinerja::rollup_method::ratio_of_sums}) {
        kinerja::rollup_options o;
        o.method = m;
        o.include_history = true;
        for (const kinerja::rollup_entry& e : kinerja::rollup_plan(p, o)) {
            std::string bad = texts_ok({{"a roll-up basis", &e.basis}, {"a roll-up name", &e.name}});
            if (!bad.empty()) return bad;
        }
    }
    return "";
}

// What a plan that loads must allow: the invariants above in the main version and in each other
// version, a diff with itself that finds nothing, a diff of each version with the main one whose
// texts are valid UTF-8, and a save that loads to the same text (for each version too). Returns
// the first broken invariant, or "".
inline std::string plan_invariants(const kinerja::plan& p) {
    std::string broken = version_invariants(p);
    if (!broken.empty()) return broken;
    if (!kinerja::diff_plans(p, p).empty()) return "the plan differs from itself";
    const std::string saved = kinerja::to_yaml(p);
    if (kinerja::to_yaml(kinerja::parse_plan(saved, "saved.yaml")) != saved)
        return "the saved plan does not load to itself";
    for (const std::string& name : p.version_names()) {
        const kinerja::plan v = p.version(name);
        broken = version_invariants(v);
        if (!broken.empty()) return "version " + name + ": " + broken;
        for (const kinerja::change& c : kinerja::diff_plans(v, p)) {
            broken = texts_ok(
                {{"a change's old text", &c.from}, {"a change's new text", &c.to}, {"a change's name", &c.name}});
            if (!broken.empty()) return "version " + name + ": " + broken;
        }
        const std::string version_saved = kinerja::to_yaml(v);
        if (kinerja::to_yaml(kinerja::parse_plan(version_saved, "version.yaml")) != version_saved)
            return "version " + name + ": the saved version does not load to itself";
    }
    return "";
}

// A kinerja::error is the expected outcome of bad input, if a person can read its message:
// valid UTF-8, and not an echo of the whole input.
inline std::string error_ok(const kinerja::error& e) {
    const std::string what = e.what();
    if (!valid_utf8(what)) return "an error message is not valid UTF-8: " + what.substr(0, 200);
    if (what.size() > longest_message) return "an error message of " + std::to_string(what.size()) + " bytes";
    return "";
}

// CSV import options picked by the first bytes of a case: the delimiter ('\0' detects it), and
// a period given or not (sometimes one that does not fit the table).
inline kinerja::csv_options csv_options_from(std::string_view& bytes) {
    kinerja::csv_options o;
    if (bytes.size() < 2) return o;
    static const char delimiters[] = {'\0', ',', ';', '\t', '|', ':'};
    const auto a = static_cast<unsigned char>(bytes[0]), b = static_cast<unsigned char>(bytes[1]);
    bytes.remove_prefix(2);
    o.delimiter = delimiters[a % sizeof delimiters];
    if (a / 8 % 4 == 1) {
        o.period_from = 2019 + b % 8;
        o.period_to = o.period_from + b / 8 % 8;
    } else if (a / 8 % 4 == 2) {
        o.period_from = 2024;
        o.period_to = 2020;  // ends before it starts: an argument_error
    }
    if (a / 32 % 2 == 1) o.id = "fuzz-plan";
    return o;
}

// One case: "" when the input loads and keeps the invariants or fails with a kinerja::error;
// otherwise what went wrong. Exceptions of other types propagate (a finding for the caller).
inline std::string run_plan_case(std::string_view bytes) {
    if (bytes.empty()) return "";
    const char mode = bytes[0];
    const std::string text(bytes.substr(1));
    try {
        if (mode == 'c') return plan_invariants(kinerja::parse_plan_csv(text, "fuzz.csv"));
        if (mode == 'o') {
            std::string_view rest = text;
            const kinerja::csv_options o = csv_options_from(rest);
            return plan_invariants(kinerja::parse_plan_csv(rest, "fuzz.csv", o));
        }
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
            const std::string id = kinerja::format_value(v, kinerja::convention::indonesian);
            const std::string en = kinerja::format_value(v, kinerja::convention::english);
            return texts_ok({{"a value printed in the Indonesian convention", &id},
                             {"a value printed in the English convention", &en}});
        }
        return plan_invariants(kinerja::parse_plan(text, "fuzz.yaml"));
    } catch (const kinerja::error& e) {
        return error_ok(e);  // a parse, file, lookup, argument or undefined error: the expected outcome of bad input
    }
}

}  // namespace kinerja_test
