// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file audit.hpp
/// Does a printed achievement follow from its printed target and realization?
///
/// The audit tries every accepted way of computing it: each method of the polarity (both
/// polarities when it is unknown), with and without a cap at 100, rounding half up or
/// truncating to 0, 1 or 2 decimals, read as a percent (`125%`, `113`) or as a fraction
/// (`1.25`, as Tabel 2.7's "Rasio Capaian" prints it). It takes the precision of the printed
/// inputs into account: a printed `66,7` stands for anything from 66.65 to 66.75, so every
/// achievement those inputs allow is considered. It reports which methods reproduce the
/// printed value and, if none does, what the value should be.

#include <kinerja/achievement.hpp>
#include <kinerja/value.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kinerja {

/// How a printed achievement is scaled.
enum class report_scale {
    percent,  ///< 125 or 125% means 125 %
    fraction  ///< 1.25 means 125 %
};
std::string_view to_string(report_scale s) noexcept;

/// One way of computing that reproduces the printed value.
struct audit_match {
    kinerja::polarity polarity = polarity::higher;
    kinerja::method method = method::direct;
    std::optional<double> cap;
    rounding_rule rounding;
    report_scale scale = report_scale::percent;
    /// True when the printed inputs as they stand reproduce the printed value; false when only
    /// some inputs within their printed precision do.
    bool exact = true;
    /// e.g. "lower/inverse, truncate to 2 decimals, as a fraction".
    std::string describe() const;
};

/// What the audit found.
struct audit_result {
    /// true if some method reproduces the printed value, false if none does, empty when the
    /// target, the realization or the printed value is missing.
    std::optional<bool> consistent;
    /// What the value should be, in the printed value's scale: when consistent, the printed
    /// value itself; otherwise the polarity's default method (direct when the
    /// polarity is unknown), no cap, rounded half up to the printed decimals. Empty when the
    /// target or realization is missing.
    std::optional<double> expected;
    std::optional<double> reported;              ///< the printed value as read
    report_scale scale = report_scale::percent;  ///< scale of reported and expected
    std::vector<std::string> methods;            ///< distinct names of matching methods, in order tried
    std::vector<audit_match> matches;            ///< every matching combination, exact ones first
    std::string basis;                           ///< what was compared (see achievement_result)
    std::string explanation;                     ///< one or two sentences for people
};

/// Settings of the audit. The defaults are what the module comment describes. Set what differs
/// by name with the `with_` setters, each of which returns a changed copy:
///
///     audit_achievement(t, r, printed, audit_options{}.with_polarity(polarity::lower));
struct audit_options {
    std::optional<kinerja::polarity> polarity;  ///< empty: try both
    std::vector<int> decimals{0, 1, 2};         ///< of the percent; a fraction prints two more
    std::vector<std::optional<double>> caps{std::nullopt, 100.0};
    std::vector<rounding> roundings{rounding::half_up, rounding::truncate};
    std::optional<report_scale> scale;  ///< empty: from the text (`%`) or both
    bool input_precision = true;        ///< widen inputs by their printed precision

    audit_options with_polarity(kinerja::polarity p) const {
        auto o = *this;
        o.polarity = p;
        return o;
    }
    audit_options with_decimals(std::vector<int> d) const {
        auto o = *this;
        o.decimals = std::move(d);
        return o;
    }
    audit_options with_caps(std::vector<std::optional<double>> c) const {
        auto o = *this;
        o.caps = std::move(c);
        return o;
    }
    audit_options with_roundings(std::vector<rounding> r) const {
        auto o = *this;
        o.roundings = std::move(r);
        return o;
    }
    audit_options with_scale(report_scale s) const {
        auto o = *this;
        o.scale = s;
        return o;
    }
    audit_options with_input_precision(bool on) const {
        auto o = *this;
        o.input_precision = on;
        return o;
    }
};

/// Audits a printed achievement. `reported` is a percent (`125%`), or a number read as percent
/// or fraction. \throws argument_error kinerja.argument.incomparable for inputs that cannot be
/// compared, kinerja.argument.reported if `reported` is not a number or percent.
audit_result audit_achievement(const value& target, const value& realization, const value& reported,
                               const audit_options& options = {}, const scale_registry& scales = default_scales());

/// Reads a printed achievement (`125%`, `1,14`, `102.28`): a single separator followed by three
/// digits is read as a decimal mark, since achievements are not in the thousands.
value parse_reported_achievement(std::string_view text);

namespace detail {
/// audit_achievement without its words: the same `consistent`, `expected`, `reported`, `scale`,
/// `basis` and `matches`, but no `explanation` and no `methods`. The checker judges every printed
/// achievement this way and explains (with audit_achievement) only those it reports. Not part of
/// the public API.
audit_result audit_verdict(const value& target, const value& realization, const value& reported,
                           const audit_options& options = {}, const scale_registry& scales = default_scales());
}  // namespace detail

}  // namespace kinerja
