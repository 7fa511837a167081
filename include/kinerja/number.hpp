// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file number.hpp
/// Reading and writing numbers printed in either convention:
/// Indonesian `1.234.567,89` (`.` groups thousands, `,` marks decimals) and English
/// `1,234,567.89`, and the mixtures Indonesian documents contain (`1,584.900.000`).
///
/// A single separator followed by exactly three digits (`1.000`, `742,340`) is ambiguous:
/// a thousands group to an Indonesian reader, a decimal point to an English one. The reader
/// never guesses: a `number_context` settles it (integers only, decimals only, or a plausible
/// range), and otherwise a `parse_error` with id `kinerja.parse.ambiguous_number` is thrown.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kinerja {

/// The two ways of printing numbers.
enum class convention {
    indonesian,  ///< `1.234.567,89`
    english      ///< `1,234,567.89`
};

/// "indonesian" or "english".
std::string_view to_string(convention c) noexcept;
/// Reads "indonesian" (also "id", "in") or "english" ("en"), in any case.
/// \throws lookup_error kinerja.lookup.convention for anything else.
convention convention_from_string(std::string_view name);

/// How to settle the ambiguous form `d.ddd` / `d,ddd` (one separator, three digits after it).
struct number_context {
    enum class ambiguous_policy {
        reject,    ///< throw kinerja.parse.ambiguous_number unless the range settles it (default)
        grouping,  ///< read the separator as a thousands group (money, counts of people or things)
        decimal    ///< read the separator as a decimal mark (small indices, shares)
    };
    /// `number_context{}`, `{policy}`, `{policy, minimum, maximum}` and
    /// `{policy, minimum, maximum, printed_in}` all work (members left out keep their defaults).
    number_context(ambiguous_policy policy = ambiguous_policy::reject, std::optional<double> min = std::nullopt,
                   std::optional<double> max = std::nullopt, std::optional<convention> in = std::nullopt)
        : ambiguous(policy), minimum(min), maximum(max), printed_in(in) {}

    ambiguous_policy ambiguous = ambiguous_policy::reject;
    /// Plausible range of the value. When set and exactly one reading lies inside it
    /// (inclusive), that reading is taken; e.g. a KLA score `742,340` is 742.34 because
    /// 742340 lies outside 0..1000.
    std::optional<double> minimum;
    std::optional<double> maximum;
    /// The convention the text is known to be printed in: a document's, or one indicator's as its
    /// transcriber declared it (plan-format.md, `convention`). When set, it settles the ambiguous
    /// form before the policy and the range are consulted: `.` groups thousands in Indonesian and
    /// marks decimals in English, `,` the other way round. Unambiguous forms (`22.90`,
    /// `1.234.567`, `1.234,5`) are read as printed whatever it says.
    std::optional<convention> printed_in;
};

/// A number read from text, with what was printed.
struct parsed_number {
    double value = 0.0;
    /// Digits printed after the decimal mark (0 for integers). A printed `66,7` has 1 and
    /// stands for anything from 66.65 to 66.75.
    int decimals = 0;
    /// Which convention the text revealed, if it revealed one.
    std::optional<convention> written_in;
    /// Half a unit of the last printed digit: the printed value stands for value +- this.
    double half_unit() const noexcept;
};

/// Reads a number made of an optional sign, digits and `.`/`,` separators. Leading and
/// trailing spaces are ignored; anything else is an error naming the position.
/// \throws parse_error (ids kinerja.parse.number, kinerja.parse.ambiguous_number)
parsed_number parse_number(std::string_view text, const number_context& context = {});

/// Writes `value` with `decimals` digits after the decimal mark (rounded half away from
/// zero at that digit) and thousands grouping, in the given convention.
/// \throws argument_error when decimals is outside 0..15 or value is not finite.
std::string format_number(double value, convention conv, int decimals, bool group_thousands = true);

}  // namespace kinerja
