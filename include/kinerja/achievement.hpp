// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file achievement.hpp
/// Achievement (capaian): how far a realization meets its target, in percent.
///
/// | polarity | method       | formula                                   | used by |
/// |----------|--------------|-------------------------------------------|---------|
/// | higher   | `direct`     | realization / target x 100                | everyone |
/// | lower    | `inverse`    | target / realization x 100                | the Bekasi Renstra (default for lower) |
/// | lower    | `complement` | (2 - realization / target) x 100          | the national civil-service rule |
/// | lower    | `reduction`  | (target - realization) / target x 100     | some regions |
///
/// Then an optional cap (min(result, cap)), then rounding (default: none). Undefined results
/// (a zero target, a zero realization under `inverse` without a cap) throw undefined_error in
/// the scalar functions and give NaN in the array functions; missing inputs give an empty
/// optional (NaN in arrays). Nothing is silently 0.
///
/// Typed values compare by their nature: numbers as they are; ratios `1 : N` as rates 1/N (so
/// the indicator's polarity applies to the rate: for a violence ratio, lower is better, and a
/// larger N is an improvement); grades by score; predicates by their 1-based position on their
/// scale (position(realization) / position(target) x 100), reported as met, exceeded or not met.

#include <kinerja/rounding.hpp>
#include <kinerja/scale.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

struct value;

/// Which direction is better.
enum class polarity {
    higher,  ///< more is better (shares, scores, counts of services)
    lower    ///< less is better (violence rates, case counts)
};

/// The formula used; see the table in the file comment.
enum class method { direct, inverse, complement, reduction };

/// Whether a realization met its target.
enum class attainment { not_met, met, exceeded };

std::string_view to_string(polarity p) noexcept;
std::string_view to_string(method m) noexcept;
std::string_view to_string(attainment a) noexcept;
/// "higher" (also "positive", "max", "+"), "lower" (also "negative", "min", "-").
/// \throws lookup_error kinerja.lookup.polarity
polarity polarity_from_string(std::string_view name);
/// "direct", "inverse", "complement", "reduction". \throws lookup_error kinerja.lookup.method
method method_from_string(std::string_view name);
/// `direct` for higher, `inverse` (the seed's) for lower.
method default_method(polarity p) noexcept;

/// Settings of an achievement computation. Defaults: higher is better, the default method of
/// the polarity, no cap, no rounding. Set what differs by name with the `with_` setters, each of
/// which returns a changed copy (docs/reference.md, "Option types"):
///
///     const auto o = achievement_options{}.with_polarity(polarity::lower).with_rounding(rounding::half_up, 2);
///
/// The struct stays an aggregate: `achievement_options{polarity::higher}` still compiles.
struct achievement_options {
    kinerja::polarity polarity = polarity::higher;
    std::optional<kinerja::method> method;
    rounding_rule rounding;
    std::optional<double> cap;

    achievement_options with_polarity(kinerja::polarity p) const {
        auto o = *this;
        o.polarity = p;
        return o;
    }
    achievement_options with_method(kinerja::method m) const {
        auto o = *this;
        o.method = m;
        return o;
    }
    achievement_options with_rounding(rounding_rule r) const {
        auto o = *this;
        o.rounding = r;
        return o;
    }
    achievement_options with_rounding(kinerja::rounding mode, int decimals) const {
        return with_rounding(rounding_rule{mode, decimals});
    }
    achievement_options with_cap(double c) const {
        auto o = *this;
        o.cap = c;
        return o;
    }

    /// The method to use. \throws argument_error kinerja.argument.method if the method does
    /// not fit the polarity (direct is for higher; inverse/complement/reduction for lower).
    kinerja::method resolved_method() const;
};

/// Achievement in percent. \throws undefined_error (kinerja.undefined.zero_target,
/// kinerja.undefined.zero_realization, kinerja.undefined.not_finite) with the reason.
double achievement(double target, double realization, const achievement_options& options = {});
/// Achievement, empty when either input is missing.
std::optional<double> achievement(std::optional<double> target, std::optional<double> realization,
                                  const achievement_options& options = {});
/// Element-wise achievement over n rows: NaN where an input is NaN (missing) or the result is
/// undefined. `out` may alias an input.
void achievement(const double* target, const double* realization, double* out, std::size_t n,
                 const achievement_options& options = {});

/// Achievement of two typed values, with how it was obtained.
struct achievement_result {
    std::optional<double> percent;                  ///< empty when an input is missing
    std::optional<kinerja::attainment> attainment;  ///< met (100%), exceeded, not met
    kinerja::polarity polarity = polarity::higher;
    kinerja::method method = method::direct;
    /// What was compared, e.g. "numbers", "rates 1/N", "grade scores", "positions on scale KLA".
    std::string basis;
    double target = 0.0;  ///< the operands actually compared (rates, positions, scores)
    double realization = 0.0;
};

/// Achievement of printed values. \throws argument_error kinerja.argument.incomparable when the
/// kinds or units cannot be compared (a percent with money, persons with reports), and the
/// errors of the scalar function.
achievement_result achievement(const value& target, const value& realization, const achievement_options& options = {},
                               const scale_registry& scales = default_scales());

/// Budget absorption, realized / budget x 100. \throws undefined_error kinerja.undefined.zero_budget,
/// kinerja.undefined.negative_amount when the budget or the realized amount is negative (a
/// negative pagu is a misprint, never a budget: -9,000,000 of -5,000,000 is no 180 %).
double absorption(double budget, double realized, const rounding_rule& rule = {});
std::optional<double> absorption(std::optional<double> budget, std::optional<double> realized,
                                 const rounding_rule& rule = {});
/// Element-wise absorption; NaN where missing, where the budget is 0 and where an amount is negative.
void absorption(const double* budget, const double* realized, double* out, std::size_t n,
                const rounding_rule& rule = {});

/// The category (level name) of an achievement on a category scale; default the "capaian"
/// scale (Permendagri 86/2017 bands). \throws undefined_error if no band holds the value.
std::string category(double achievement_percent, const scale& categories = default_scales().get("capaian"));

/// Mean of achievements over indicators, optionally weighted. Missing entries are skipped when
/// skip_missing (the default) and make the result empty otherwise; an all-missing input gives
/// an empty result. \throws argument_error for weights of the wrong length or negative weights,
/// undefined_error when the weights of the present entries sum to 0.
std::optional<double> mean_achievement(const std::vector<std::optional<double>>& achievements,
                                       const std::vector<double>& weights = {}, bool skip_missing = true);

}  // namespace kinerja
