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
#include <cstdint>
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
    /// `{policy, minimum, maximum, printed_in}` all work (members left out keep their defaults);
    /// by name: `number_context{}.with_range(0, 1000).with_printed_in(convention::english)`.
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

    /// Changed copies, to set the context by name (docs/reference.md, "Option types").
    number_context with_ambiguous(ambiguous_policy policy) const {
        auto c = *this;
        c.ambiguous = policy;
        return c;
    }
    number_context with_range(std::optional<double> min, std::optional<double> max) const {
        auto c = *this;
        c.minimum = min;
        c.maximum = max;
        return c;
    }
    number_context with_printed_in(convention in) const {
        auto c = *this;
        c.printed_in = in;
        return c;
    }
};

/// An exact decimal number: `units` / 10^`scale`, e.g. `Rp 1.234,50` is {123450, 2}. Amounts of
/// money are kept in it from parse to report, so that no digit is lost to a double (a double
/// holds integers exactly only up to 2^53 = 9.007.199.254.740.992).
///
/// The exact range is 18 digits: |units| <= `decimal::max_units` (999 999 999 999 999 999) and
/// 0 <= scale <= `decimal::max_scale` (18). Arithmetic that leaves it throws argument_error
/// `kinerja.argument.amount_range`; nothing is rounded.
class decimal {
public:
    static constexpr std::int64_t max_units = 999'999'999'999'999'999;
    static constexpr int max_scale = 18;

    /// Zero.
    constexpr decimal() noexcept = default;
    /// units / 10^scale. \throws argument_error kinerja.argument.amount_range outside the exact range.
    decimal(std::int64_t units, int scale = 0);
    /// Reads plain ASCII digits with an optional sign and `.` as the decimal mark
    /// (`"-1234.50"`); std::nullopt when the text is not of that form or outside the exact range.
    static std::optional<decimal> from_string(std::string_view plain) noexcept;
    /// The decimal the shortest text of `x` stands for (0.1 is 1/10, 5599220800.0 is 5599220800);
    /// std::nullopt when x is not finite or that text is outside the exact range.
    static std::optional<decimal> from_double(double x) noexcept;

    std::int64_t units() const noexcept { return units_; }
    int scale() const noexcept { return scale_; }
    bool is_integer() const noexcept;
    bool negative() const noexcept { return units_ < 0; }
    /// The nearest double (correctly rounded).
    double to_double() const noexcept;
    /// Plain text: optional `-`, digits, `.` and exactly scale() decimals (`"-1234.50"`).
    std::string to_string() const;

    /// Exact sum and difference (scale: the larger of the two).
    /// \throws argument_error kinerja.argument.amount_range when the result leaves the exact range.
    friend decimal operator+(const decimal& a, const decimal& b);
    friend decimal operator-(const decimal& a, const decimal& b);
    decimal operator-() const noexcept { return decimal(-units_, scale_, raw{}); }
    decimal& operator+=(const decimal& b) { return *this = *this + b; }
    /// -1, 0 or 1 by value (1.50 and 1.5 compare equal).
    friend int compare(const decimal& a, const decimal& b) noexcept;
    friend bool operator==(const decimal& a, const decimal& b) noexcept { return compare(a, b) == 0; }
    friend bool operator!=(const decimal& a, const decimal& b) noexcept { return compare(a, b) != 0; }
    friend bool operator<(const decimal& a, const decimal& b) noexcept { return compare(a, b) < 0; }
    friend bool operator>(const decimal& a, const decimal& b) noexcept { return compare(a, b) > 0; }
    friend bool operator<=(const decimal& a, const decimal& b) noexcept { return compare(a, b) <= 0; }
    friend bool operator>=(const decimal& a, const decimal& b) noexcept { return compare(a, b) >= 0; }

private:
    struct raw {};
    constexpr decimal(std::int64_t units, int scale, raw) noexcept : units_(units), scale_(scale) {}
    std::int64_t units_ = 0;
    int scale_ = 0;
};

/// A number read from text, with what was printed.
struct parsed_number {
    double value = 0.0;
    /// Digits printed after the decimal mark (0 for integers). A printed `66,7` has 1 and
    /// stands for anything from 66.65 to 66.75.
    int decimals = 0;
    /// Which convention the text revealed, if it revealed one.
    std::optional<convention> written_in;
    /// The number exactly as printed (every number parse_number accepts has one).
    decimal exact;
    /// Half a unit of the last printed digit: the printed value stands for value +- this.
    double half_unit() const noexcept;
};

/// Reads a number made of an optional sign, digits and `.`/`,` separators. Leading and
/// trailing spaces are ignored; anything else is an error naming the position.
///
/// Text copied from PDFs is read as its ASCII equivalent: a no-break, thin, narrow no-break or
/// figure space (U+00A0, U+2009, U+202F, U+2007) is a space, or a thousands separator when it
/// stands between digits with exactly three digits after it (`1 234 567`); a minus sign U+2212
/// is `-`. An en or em dash before digits is an error (in published tables it joins a range or
/// stands alone for "no data"; values.md). Any other non-ASCII character is an error showing
/// the character and its code point.
///
/// Numbers are kept exact (`parsed_number::exact`): one with more than 18 digits, or more than
/// 18 after the decimal mark, is an error (kinerja.parse.too_many_digits), never rounded.
/// \throws parse_error (ids kinerja.parse.number, kinerja.parse.ambiguous_number,
///         kinerja.parse.too_many_digits)
parsed_number parse_number(std::string_view text, const number_context& context = {});

/// Writes `value` with `decimals` digits after the decimal mark (rounded half away from
/// zero at that digit, with the tolerance of rounding.hpp) and thousands grouping, in the given
/// convention. Digits beyond those the double holds (its shortest text) are written as 0, never
/// invented from its binary expansion.
/// \throws argument_error when decimals is outside 0..15 or value is not finite.
std::string format_number(double value, convention conv, int decimals, bool group_thousands = true);
/// The same for an exact decimal, rounded half away from zero exactly; decimals in 0..18.
std::string format_number(const decimal& value, convention conv, int decimals, bool group_thousands = true);

}  // namespace kinerja
