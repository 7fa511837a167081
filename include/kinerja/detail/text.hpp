// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private helpers for text handling. Not part of the public API.

#include <cctype>
#include <charconv>
#include <string>
#include <string_view>

namespace kinerja::detail {

inline bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

inline char lower_ascii(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// Offset of the first non-space character (text.size() if none).
inline std::size_t skip_space(std::string_view text, std::size_t from = 0) noexcept {
    while (from < text.size() && is_space(text[from])) ++from;
    return from;
}

inline std::string_view trim(std::string_view text) noexcept {
    std::size_t b = skip_space(text);
    std::size_t e = text.size();
    while (e > b && is_space(text[e - 1])) --e;
    return text.substr(b, e - b);
}

/// Lower-cases ASCII letters and folds runs of white space to one space; used as the key
/// for case-insensitive lookups of unit words and level names.
inline std::string fold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : trim(text)) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(lower_ascii(c));
    }
    return out;
}

inline bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
}

inline bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

/// The shortest text that reads back as `v` ("742.34", "1e+300", "inf"), for messages.
inline std::string shortest(double v) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

/// A number for a finding's message: whole amounts grouped in thousands ("9,158,876,144"),
/// others with up to six decimals and no trailing zeros ("83.333333", "0.5").
std::string show_amount(double x);

/// Whether a printed cell means "no value": blank, `-`, `--`, an en or em dash, `n/a`, `NA`,
/// `n.a.`, `#N/A`, `tidak ada data`, `t.a.d`.
inline bool is_missing_text(std::string_view t) {
    const std::string k = fold(t);
    return k.empty() || k == "-" || k == "--" || k == "\xe2\x80\x93" || k == "\xe2\x80\x94" || k == "n/a" ||
           k == "na" || k == "n.a." || k == "#n/a" || k == "tidak ada data" || k == "t.a.d";
}

}  // namespace kinerja::detail
