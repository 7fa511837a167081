// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file value.hpp
/// Typed values for everything a target or realization cell of a plan prints: percent, plain
/// number or index, rate per N, ratio `1 : N`, grade with score `BB (75.10)`, predicate on an
/// ordinal scale `Nindya`, count with unit `44 OPD`, money `Rp 5.599.220.800`, missing (`-`,
/// blank), placeholders (`Belum diisi`, `n.a`), spreadsheet errors (`#DIV/0!`), bounds (`<22`,
/// `≤5 menit`, `minimal 80`) and ranges (`80 - 85%`). `parse_value` reads them in either number
/// convention; `format_value` writes them back in either. docs/values.md.
///
/// A unit word that no registry knows never makes reading fail: the value keeps the word as its
/// unit (a count: `5 Jenis`), and the checks report the word once (`unknown-unit`).
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

/// How a bound's number bounds the value.
enum class bound_relation {
    none,     ///< not a bound
    below,    ///< `< 22`, `kurang dari 22`, `di bawah 22`
    at_most,  ///< `≤ 5`, `<= 5`, `maks 5`, `maksimal 5`, `paling banyak 5`
    above,    ///< `> 90`, `lebih dari 90`, `di atas 90`
    at_least  ///< `≥ 80`, `>= 80`, `minimal 80`, `sekurang-kurangnya 80`, `paling sedikit 80`
};
/// "", "<", "≤", ">", "≥".
std::string_view to_string(bound_relation r) noexcept;

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
    /// For a bound: how `number` bounds the value.
    bound_relation relation = bound_relation::none;
    /// For a range: its upper end (`number` is the lower end, whichever the text prints first).
    std::optional<double> upper;
    /// For a bound or a range: the kind of its numbers (percent for `> 90%`, count for `≤5 menit`).
    value_kind bounded = value_kind::missing;

    /// True for values without a number to compute with: missing, placeholder, spreadsheet error.
    bool is_missing() const noexcept {
        return kind == value_kind::missing || kind == value_kind::placeholder || kind == value_kind::spreadsheet_error;
    }
    /// Half a unit of the last printed digit of `number`; 0 for an unrounded number.
    double half_unit() const noexcept;

    /// Equal kind, number (exact numbers when both have one), precision, unit, rate base, grade,
    /// level, scale, bound relation, upper end and bounded kind (not text).
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

/// The kind of a cell that holds no value, from its text alone: missing for blank and dashes
/// (`-`, `--`, `–`, `—`), placeholder for words that say "not filled in" (`Belum diisi`, `Belum
/// disi`, `n.a`, `N/A`, `NA`, `tidak ada data`, `data belum tersedia`, ...), spreadsheet_error
/// for a spreadsheet's error values (`#VALUE!`, `#REF!`, `#DIV/0!`, `#N/A`, `#NAME?`, `#NUM!`,
/// `#NULL!`, `###`); empty for any other text. docs/values.md lists the words.
std::optional<value_kind> marker_kind(std::string_view text);

/// A target that is a bound or a range, checked against a realization (docs/achievement.md).
struct target_check {
    /// "met" / "not met" for a bound; "within" / "below" / "above" for a range; empty when the
    /// two cannot be compared (a missing side, units that differ, a target that is no bound or range).
    std::string status;
    /// How far the realization is from meeting the target, in the target's unit: 0 when met or
    /// within (and for a strict bound missed at its edge: `< 22` against 22), else the gap to
    /// the bound or to the nearer end of the range.
    std::optional<double> distance;
    std::string explanation;  ///< one sentence for people
};
/// Checks a realization against a bound or range target: `< 22` against 20 is met (distance
/// 0), against 25 not met (distance 3); `80 - 85%` against 78% is below (distance 2).
target_check check_target(const value& target, const value& realization);

/// Reads one printed cell. `context` is empty, a unit word or a scale name (of the registries
/// given, else `default_units()` and `default_scales()`); a context that is neither is a unit
/// word nobody registered: a number read with it keeps it as its unit (a count). Characters
/// copied from PDFs are read as parse_number reads them (`96 %` with a no-break space, `−5%`
/// with U+2212); any other non-ASCII character in a number is an error that shows it and its
/// code point. A unit word after the number that no registry knows is kept as the value's unit.
/// \throws parse_error (kinerja.parse.*) naming the text, the position and the reason: among
///         them kinerja.parse.two_quantities (`1 Dokumen 2900 orang`) and
///         kinerja.parse.money_typo (`2.100.000.00O`: a letter where a digit belongs).
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

namespace detail {
/// The power of ten of the scale word an amount of money ends with (`Rp16,6 triliun`: 12, `Rp790
/// miliar`: 9; values.md), empty when it ends with none: such an amount is rounded to its printed
/// digits, not exact to the rupiah. Not part of the public API.
std::optional<int> money_scale_word(std::string_view text) noexcept;
/// One unit of the last printed digit, in rupiah, of an amount of money with a scale word
/// (`Rp16,6 triliun`: 0,1 triliun = 10^11; `Rp 653 miliar`: 10^9): the amount stands for every
/// amount within half of it. Empty when the text ends with no scale word or its number cannot be
/// read. Not part of the public API.
std::optional<double> money_scaled_unit(std::string_view text);
}  // namespace detail

}  // namespace kinerja
