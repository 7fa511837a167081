// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file value.hpp
/// Typed values for everything a target or realization cell of a plan prints: percent, plain
/// number or index, rate per N, ratio `1 : N`, grade with score `BB (75.10)`, predicate on an
/// ordinal scale `Nindya`, count with unit `44 OPD`, money `Rp 5.599.220.800`, and missing
/// (`-`, blank). `parse_value` reads them in either number convention; `format_value` writes
/// them back in either.
///
/// Context (a unit word or a scale name) settles forms the text alone leaves open: `742,340`
/// with context "KLA" is the score 742.34; `1.000` with context "Rupiah" is one thousand; with
/// no context both are errors rather than guesses.

#include <kinerja/number.hpp>
#include <kinerja/scale.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/value_kind.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace kinerja {

/// A typed value as printed in a plan.
struct value {
    value_kind kind = value_kind::missing;
    /// The magnitude: the percent figure for percent (77.9 for `77.90%`), N for a ratio
    /// `1 : N`, the score of a grade (75.1 for `BB (75.10)`), the amount for money and
    /// counts; empty for missing values, predicates and grades printed without a score.
    std::optional<double> number;
    /// `number` exactly as printed (`Rp 9.007.199.254.740.993` is 9007199254740993, which no double
    /// holds): set by parse_value for every value with a number, and by make_value from the
    /// number's shortest text. Money is formatted and summed from it; `number` is its nearest
    /// double, for ratios. format_value uses it only while `number` is still its nearest double
    /// (code that changes `number` need not reset it).
    std::optional<decimal> exact;
    /// Digits printed after the decimal mark of `number` (its precision).
    int decimals = 0;
    /// The number was given, not printed (make_value without `decimals`): it is exact and stands
    /// for itself, not for every number that rounds to it; half_unit() is 0 (docs/audit.md).
    bool unrounded = false;
    /// Canonical unit word: "%" for percent, "Rupiah" for money, the satuan of a count
    /// ("Orang", "OPD", "Orang/bulan") or of a number given with a unit context.
    std::string unit;
    /// For a rate per N (unit "per 100.000"), N.
    std::optional<double> per;
    /// Grade letters, e.g. "BB" (grades only; AKIP scores also get their grade).
    std::string grade;
    /// Level name on a scale: a predicate's level, or the level a score falls in when a
    /// banded scale was the context ("Nindya" for `742,340` with context "KLA").
    std::string level;
    /// The scale the value belongs to, where known ("KLA", "APE", "AKIP").
    std::string scale;
    /// The text as given.
    std::string text;
    /// The number convention the text revealed, if it revealed one.
    std::optional<convention> written_in;

    bool is_missing() const noexcept { return kind == value_kind::missing; }
    /// Half a unit of the last printed digit of `number`; 0 for an unrounded number.
    double half_unit() const noexcept;

    /// Equal kind, number (exact numbers when both have one), precision, unit, rate base, grade,
    /// level and scale (not text).
    friend bool operator==(const value& a, const value& b) noexcept;
    friend bool operator!=(const value& a, const value& b) noexcept { return !(a == b); }
};

/// Makes a value from a number without text (kind number, or percent/money/... per `unit`).
/// `decimals` -1: the number is exact (`unrounded`; it shows with its shortest decimals); a
/// count of decimals says it was printed (rounded) to that many, so it stands for the interval
/// half a unit of its last digit either side.
value make_value(double number, std::string_view unit = {}, int decimals = -1);
/// The same from an exact number (an amount of money beyond 2^53, say); `decimals` -1: its scale.
value make_value(const decimal& number, std::string_view unit = {}, int decimals = -1);
/// A missing value.
inline value missing_value() { return value{}; }

/// Reads one printed cell. `context` is empty, a unit word of `default_units()` or a scale
/// name of `default_scales()`. Characters copied from PDFs are read as parse_number reads them
/// (`96 %` with a no-break space, `−5%` with U+2212); any other non-ASCII character in a number
/// is an error that shows it and its code point.
/// \throws parse_error (kinerja.parse.*) naming the text, the position and the reason;
///         lookup_error kinerja.lookup.context if the context is neither a unit nor a scale.
value parse_value(std::string_view text, std::string_view context = {});
/// The same with explicit registries.
value parse_value(std::string_view text, std::string_view context, const unit_registry& units,
                  const scale_registry& scales);
/// The same, for text known to be printed in `printed_in` (an indicator whose transcriber
/// declared its convention): that settles `d.ddd` / `d,ddd` before the unit or scale is
/// consulted (number_context::printed_in). std::nullopt: as the overload above.
value parse_value(std::string_view text, std::string_view context, const unit_registry& units,
                  const scale_registry& scales, std::optional<convention> printed_in);

/// Writes a value in a convention. `decimals` defaults to the value's printed precision.
/// Missing values are written "-".
std::string format_value(const value& v, convention conv = convention::indonesian,
                         std::optional<int> decimals = std::nullopt);

}  // namespace kinerja
