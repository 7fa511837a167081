// SPDX-License-Identifier: Apache-2.0
#include <kinerja/achievement.hpp>

#include <kinerja/detail/operands.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/value.hpp>

#include <charconv>
#include <cmath>
#include <limits>

namespace kinerja {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

using detail::shortest;

// The raw formula; returns NaN and sets `why` when undefined.
double raw(double t, double r, method m, const std::optional<double>& cap, const char** why) {
    *why = nullptr;
    if (!std::isfinite(t) || !std::isfinite(r)) {
        *why = "kinerja.undefined.not_finite";
        return nan;
    }
    double x = nan;
    switch (m) {
        case method::direct:
            if (t == 0.0) {
                *why = "kinerja.undefined.zero_target";
                return nan;
            }
            x = r / t * 100.0;
            break;
        case method::inverse:
            if (t == 0.0) {
                *why = "kinerja.undefined.zero_target";
                return nan;
            }
            if (r == 0.0) {
                if (cap) return *cap;  // unbounded, cut at the cap
                *why = "kinerja.undefined.zero_realization";
                return nan;
            }
            x = t / r * 100.0;
            break;
        case method::complement:
            if (t == 0.0) {
                *why = "kinerja.undefined.zero_target";
                return nan;
            }
            x = (2.0 - r / t) * 100.0;
            break;
        case method::reduction:
            if (t == 0.0) {
                *why = "kinerja.undefined.zero_target";
                return nan;
            }
            x = (t - r) / t * 100.0;
            break;
    }
    if (cap && x > *cap) x = *cap;
    return x;
}

[[noreturn]] void throw_undefined(const char* id, double t, double r, method m) {
    const std::string id_s(id);
    std::string why;
    if (id_s == "kinerja.undefined.zero_target")
        why = "the target is 0, so " + std::string(to_string(m)) + " achievement (" +
              (m == method::direct    ? "realization / target"
               : m == method::inverse ? "target / realization"
                                      : "... / target") +
              ") is undefined: there is nothing to compare the realization with; report the realization alone";
    else if (id_s == "kinerja.undefined.zero_realization")
        why = "the realization is 0 against target " + shortest(t) +
              ": inverse achievement (target / realization) is unbounded; set a cap (e.g. 100 or 120) or use "
              "the complement or reduction method";
    else
        why = "target " + shortest(t) + " and realization " + shortest(r) + " must be finite numbers";
    throw undefined_error(id_s, why);
}

bool numeric_kind(value_kind k) {
    return k == value_kind::number || k == value_kind::percent || k == value_kind::count || k == value_kind::money;
}

const scale* common_scale(const value& a, const value& b, const scale_registry& scales) {
    for (const value* v : {&a, &b})
        if (!v->scale.empty())
            if (const scale* s = scales.find(v->scale)) return s;
    const std::string& name = !a.level.empty() ? a.level : b.level;
    const auto holders = scales.scales_with_level(name);
    std::vector<const scale*> fits;
    for (const scale* s : holders) {
        const bool a_ok = a.level.empty() || s->position(a.level);
        const bool b_ok = b.level.empty() || s->position(b.level);
        if (a_ok && b_ok) fits.push_back(s);
    }
    if (fits.empty()) return nullptr;
    for (const scale* s : fits) {  // scales that place the levels differently make it ambiguous
        if ((!a.level.empty() && s->position(a.level) != fits[0]->position(a.level)) ||
            (!b.level.empty() && s->position(b.level) != fits[0]->position(b.level)))
            throw argument_error("kinerja.argument.ambiguous_scale",
                                 "the levels \"" + a.level + "\" and \"" + b.level +
                                     "\" stand at different positions on scales \"" + fits[0]->name() + "\" and \"" +
                                     s->name() + "\"; parse them with the scale as context");
    }
    return fits[0];
}

[[noreturn]] void throw_incomparable(const value& t, const value& r, const std::string& why) {
    throw argument_error("kinerja.argument.incomparable", "cannot compare target \"" +
                                                              (t.text.empty() ? format_value(t) : t.text) + "\" (" +
                                                              std::string(to_string(t.kind)) + ") with realization \"" +
                                                              (r.text.empty() ? format_value(r) : r.text) + "\" (" +
                                                              std::string(to_string(r.kind)) + "): " + why);
}

}  // namespace

std::string_view to_string(polarity p) noexcept { return p == polarity::higher ? "higher" : "lower"; }

std::string_view to_string(method m) noexcept {
    switch (m) {
        case method::direct: return "direct";
        case method::inverse: return "inverse";
        case method::complement: return "complement";
        case method::reduction: return "reduction";
    }
    return "direct";
}

std::string_view to_string(attainment a) noexcept {
    switch (a) {
        case attainment::not_met: return "not met";
        case attainment::met: return "met";
        case attainment::exceeded: return "exceeded";
    }
    return "not met";
}

polarity polarity_from_string(std::string_view name) {
    const std::string k = detail::fold(name);
    if (k == "higher" || k == "positive" || k == "max" || k == "+" || k == "higher is better") return polarity::higher;
    if (k == "lower" || k == "negative" || k == "min" || k == "-" || k == "lower is better") return polarity::lower;
    throw lookup_error("kinerja.lookup.polarity", std::string(name),
                       "unknown polarity \"" + std::string(name) + "\"; use \"higher\" or \"lower\"");
}

method method_from_string(std::string_view name) {
    const std::string k = detail::fold(name);
    if (k == "direct") return method::direct;
    if (k == "inverse") return method::inverse;
    if (k == "complement") return method::complement;
    if (k == "reduction") return method::reduction;
    throw lookup_error("kinerja.lookup.method", std::string(name),
                       "unknown achievement method \"" + std::string(name) +
                           "\"; use direct (higher is better), inverse, complement or reduction (lower is better)");
}

method default_method(polarity p) noexcept { return p == polarity::higher ? method::direct : method::inverse; }

method achievement_options::resolved_method() const {
    const kinerja::method m = method.value_or(default_method(polarity));
    const bool fits = (m == method::direct) == (polarity == polarity::higher);
    if (!fits)
        throw argument_error(
            "kinerja.argument.method",
            "method \"" + std::string(to_string(m)) + "\" does not apply to " + std::string(to_string(polarity)) +
                "-is-better indicators (" +
                (polarity == polarity::higher ? "use direct" : "use inverse, complement or reduction") + ")");
    return m;
}

double achievement(double target, double realization, const achievement_options& options) {
    const method m = options.resolved_method();
    const char* why = nullptr;
    const double x = raw(target, realization, m, options.cap, &why);
    if (why) throw_undefined(why, target, realization, m);
    return options.rounding.apply(x);
}

std::optional<double> achievement(std::optional<double> target, std::optional<double> realization,
                                  const achievement_options& options) {
    if (!target || !realization) return std::nullopt;
    return achievement(*target, *realization, options);
}

void achievement(const double* target, const double* realization, double* out, std::size_t n,
                 const achievement_options& options) {
    const method m = options.resolved_method();
    (void)options.rounding.apply(0.0);  // validates the rule once, before the loop
    const char* why = nullptr;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = raw(target[i], realization[i], m, options.cap, &why);
        out[i] = options.rounding.apply(x);
    }
}

namespace detail {

operands comparable(const value& t, const value& r, const scale_registry& scales) {
    operands o;
    auto interval = [](const value& v, double& lo, double& hi) {
        lo = *v.number - v.half_unit();
        hi = *v.number + v.half_unit();
    };
    const bool t_ordinal = t.kind == value_kind::predicate || (t.kind == value_kind::grade && !t.number);
    const bool r_ordinal = r.kind == value_kind::predicate || (r.kind == value_kind::grade && !r.number);
    if (t_ordinal || r_ordinal) {
        const value& named = t_ordinal ? t : r;
        const scale* s = common_scale(t, r, scales);
        if (!s) throw_incomparable(t, r, "no scale holds level \"" + named.level + "\"");
        auto pos = [&](const value& v, bool ordinal) -> double {
            if (ordinal) return static_cast<double>(*s->position(v.level) + 1);
            if (!v.number) throw_incomparable(t, r, "one side has no number");
            const level* l = s->find_level(*v.number);
            if (!l)
                throw_incomparable(t, r,
                                   "score " + shortest(*v.number) + " lies in no band of scale \"" + s->name() + "\"");
            return static_cast<double>(*s->position(l->name) + 1);
        };
        o.target = pos(t, t_ordinal);
        o.realization = pos(r, r_ordinal);
        o.target_low = o.target_high = o.target;
        o.realization_low = o.realization_high = o.realization;
        o.basis = "positions on scale " + s->name();
        return o;
    }
    if (t.kind == value_kind::ratio || r.kind == value_kind::ratio) {
        if (t.kind != r.kind) throw_incomparable(t, r, "a ratio 1 : N compares only with another ratio");
        o.target = 1.0 / *t.number;
        o.realization = 1.0 / *r.number;
        const double th = t.half_unit(), rh = r.half_unit();
        o.target_low = 1.0 / (*t.number + th);
        o.target_high = *t.number - th > 0 ? 1.0 / (*t.number - th) : o.target;
        o.realization_low = 1.0 / (*r.number + rh);
        o.realization_high = *r.number - rh > 0 ? 1.0 / (*r.number - rh) : o.realization;
        o.basis = "rates 1/N";
        return o;
    }
    if (t.kind == value_kind::grade || r.kind == value_kind::grade) {
        o.basis = "grade scores";
    } else {
        if (!numeric_kind(t.kind) || !numeric_kind(r.kind)) throw_incomparable(t, r, "kinds differ");
        if (t.kind != r.kind && t.kind != value_kind::number && r.kind != value_kind::number)
            throw_incomparable(t, r,
                               "a " + std::string(to_string(t.kind)) + " is not a " + std::string(to_string(r.kind)));
        if (t.kind == value_kind::count && r.kind == value_kind::count && !t.unit.empty() && !r.unit.empty() &&
            !detail::iequals(t.unit, r.unit))
            throw_incomparable(t, r, "units differ (" + t.unit + " vs " + r.unit + ")");
        o.basis = "numbers";
    }
    o.target = *t.number;
    o.realization = *r.number;
    interval(t, o.target_low, o.target_high);
    interval(r, o.realization_low, o.realization_high);
    return o;
}

}  // namespace detail

achievement_result achievement(const value& target, const value& realization, const achievement_options& options,
                               const scale_registry& scales) {
    achievement_result res;
    res.polarity = options.polarity;
    res.method = options.resolved_method();
    if (target.is_missing() || realization.is_missing()) return res;
    const bool t_has = target.number || !target.level.empty();
    const bool r_has = realization.number || !realization.level.empty();
    if (!t_has || !r_has) return res;
    const detail::operands o = detail::comparable(target, realization, scales);
    res.basis = o.basis;
    res.target = o.target;
    res.realization = o.realization;
    res.percent = achievement(o.target, o.realization, options);
    // attainment compares the unrounded, uncapped achievement with 100%
    const char* why = nullptr;
    const double exact = raw(o.target, o.realization, res.method, std::nullopt, &why);
    if (!why) {
        if (std::fabs(exact - 100.0) <= 1e-9 * 100.0)
            res.attainment = attainment::met;
        else
            res.attainment = exact > 100.0 ? attainment::exceeded : attainment::not_met;
    } else if (options.cap) {
        res.attainment = attainment::exceeded;  // zero realization of a lower-is-better indicator
    }
    return res;
}

double absorption(double budget, double realized, const rounding_rule& rule) {
    if (!std::isfinite(budget) || !std::isfinite(realized))
        throw undefined_error("kinerja.undefined.not_finite", "budget and realized amounts must be finite numbers");
    if (budget < 0.0 || realized < 0.0)
        throw undefined_error("kinerja.undefined.negative_amount",
                              "a budget (pagu) of " + detail::show_amount(budget) + " with " +
                                  detail::show_amount(realized) +
                                  " realized has no absorption: an amount of money that is negative is no budget or "
                                  "spending (check the printed sign)");
    if (budget == 0.0)
        throw undefined_error("kinerja.undefined.zero_budget",
                              "the budget (pagu) is 0, so absorption (realized / budget) is undefined" +
                                  std::string(realized != 0.0 ? "; money was spent without a budget" : ""));
    return rule.apply(realized / budget * 100.0);
}

std::optional<double> absorption(std::optional<double> budget, std::optional<double> realized,
                                 const rounding_rule& rule) {
    if (!budget || !realized) return std::nullopt;
    return absorption(*budget, *realized, rule);
}

void absorption(const double* budget, const double* realized, double* out, std::size_t n, const rounding_rule& rule) {
    (void)rule.apply(0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double b = budget[i];
        const double r = realized[i];
        out[i] =
            (!(b > 0.0) || !(r >= 0.0) || !std::isfinite(b) || !std::isfinite(r)) ? nan : rule.apply(r / b * 100.0);
    }
}

std::string category(double achievement_percent, const scale& categories) {
    return categories.classify(achievement_percent).name;
}

std::optional<double> mean_achievement(const std::vector<std::optional<double>>& achievements,
                                       const std::vector<double>& weights, bool skip_missing) {
    if (!weights.empty() && weights.size() != achievements.size())
        throw argument_error("kinerja.argument.weights", "got " + std::to_string(weights.size()) + " weights for " +
                                                             std::to_string(achievements.size()) + " achievements");
    double sum = 0.0, total = 0.0;
    std::size_t present = 0;
    for (std::size_t i = 0; i < achievements.size(); ++i) {
        const double w = weights.empty() ? 1.0 : weights[i];
        if (!(w >= 0.0) || !std::isfinite(w))
            throw argument_error("kinerja.argument.weights",
                                 "weight " + std::to_string(i + 1) + " is negative or not finite");
        const auto& a = achievements[i];
        if (!a || std::isnan(*a)) {
            if (!skip_missing) return std::nullopt;
            continue;
        }
        ++present;
        sum += w * *a;
        total += w;
    }
    if (present == 0) return std::nullopt;
    if (total == 0.0)
        throw undefined_error("kinerja.undefined.zero_weight", "the weights of the present achievements sum to 0");
    return sum / total;
}

}  // namespace kinerja
