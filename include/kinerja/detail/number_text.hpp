// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private helpers for reading printed numbers (number.cpp, value.cpp, check.cpp). Not public API.

#include <kinerja/error.hpp>
#include <kinerja/number.hpp>

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja::detail {

/// 10^n for a whole n >= 0: exact (every power of ten up to 10^22 is a double) and equal to
/// std::pow(10.0, n), without its cost in the loops that round and audit every cell.
inline double power_of_ten(int n) noexcept {
    static constexpr double table[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    return n >= 0 && n <= 22 ? table[n] : std::pow(10.0, n);
}

/// How many groups of three digits follow points in `t` when `t` is a whole number grouped so: 1
/// to 3 digits, then one or more `.ddd` ("36.743": 1, "984.959.704.911": 3); 0 for anything else.
inline std::size_t point_groups(std::string_view t) noexcept {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t lead = 0;
    while (lead < t.size() && digit(t[lead])) ++lead;
    if (lead < 1 || lead > 3 || lead == t.size()) return 0;
    std::size_t groups = 0;
    for (std::size_t i = lead; i < t.size(); i += 4, ++groups)
        if (i + 4 > t.size() || t[i] != '.' || !digit(t[i + 1]) || !digit(t[i + 2]) || !digit(t[i + 3])) return 0;
    return groups;
}

/// Stands, in ascii_text, for a space that groups thousands between digits (`1 234 567` printed
/// with thin or no-break spaces).
inline constexpr char group_space = '\x1f';

/// Printed text with the characters PDFs put into numbers read as ASCII: U+00A0, U+2007, U+2009,
/// U+202F become a space, or `group_space` between a digit and a digit; U+2212 becomes `-`.
/// Every other byte is kept, so that a reader reports it (with unexpected_character). Text that
/// is all ASCII is left as it is (`unchanged`, no copy); a raw `group_space` byte is an error.
struct ascii_text {
    bool unchanged = false;  ///< the text needs no replacement: read the original
    std::string text;
    /// origin[i]: offset in the original text of text[i]; origin[text.size()]: the original size.
    std::vector<std::size_t> origin;
    std::size_t to_original(std::size_t pos) const noexcept {
        return pos < origin.size() ? origin[pos] : (origin.empty() ? 0 : origin.back());
    }
    /// Throws a parse_error `e` of this text as one of `original`: the position mapped back, and a
    /// `group_space` that the reason quotes shown as a space (it must never reach a message: a
    /// control character is not text, and an XLSX workbook cannot even hold it).
    [[noreturn]] void rethrow_on(const parse_error& e, std::string_view original) const;
};
ascii_text ascii_number_text(std::string_view text);

/// "unexpected character "×" (U+00D7)" for the (possibly multi-byte) character at text[pos], with
/// a word on dashes before digits; `what` ends the phrase (" in a number").
std::string unexpected_character(std::string_view text, std::size_t pos, std::string_view what);

/// parse_number on text that went through ascii_number_text (positions refer to that text).
parsed_number parse_ascii_number(std::string_view text, const number_context& context);

/// An exact amount for a finding's message: grouped in thousands, decimals without trailing zeros
/// ("9,158,876,144", "1,234.5"); show_amount's format without its rounding.
std::string show_exact(const decimal& x);

}  // namespace kinerja::detail
