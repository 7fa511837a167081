// SPDX-License-Identifier: Apache-2.0
#include <kinerja/audit.hpp>

#include <kinerja/detail/number_text.hpp>
#include <kinerja/detail/operands.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/io.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kinerja {

std::string_view to_string(report_scale s) noexcept { return s == report_scale::percent ? "percent" : "fraction"; }

std::string audit_match::describe() const {
    std::string out = std::string(to_string(polarity)) + "/" + std::string(to_string(method));
    if (cap) out += ", capped at " + format_number(*cap, convention::english, 0, false);
    out += ", " + to_string(rounding);
    out += scale == report_scale::fraction ? ", as a fraction" : ", as a percent";
    return out;
}

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// A list of one or two (the scales or polarities an audit tries), without an allocation.
template <class T>
struct two_at_most {
    T items[2]{};
    std::size_t count = 0;
    void push_back(T x) { items[count++] = x; }
    const T* begin() const { return items; }
    const T* end() const { return items + count; }
    std::size_t size() const { return count; }
    const T& front() const { return items[0]; }
};

// The methods of a polarity (a view of a static table: the audit runs for every printed value).
struct method_list {
    const method* first;
    const method* last;
    const method* begin() const { return first; }
    const method* end() const { return last; }
};
method_list methods_for(polarity p) {
    static constexpr method higher[] = {method::direct};
    static constexpr method lower[] = {method::inverse, method::complement, method::reduction};
    if (p == polarity::higher) return {std::begin(higher), std::end(higher)};
    return {std::begin(lower), std::end(lower)};
}

// Achievement without rounding; NaN when undefined.
double formula(double t, double r, method m, const std::optional<double>& cap) {
    achievement_options o;
    o.polarity = m == method::direct ? polarity::higher : polarity::lower;
    o.method = m;
    o.cap = cap;
    double out = nan;
    achievement(&t, &r, &out, 1, o);
    return out;
}

bool spans_zero(double lo, double hi) { return lo <= 0.0 && hi >= 0.0; }

// Lowest and highest achievement the printed inputs allow (NaN if undefined).
std::pair<double, double> achievement_range(const detail::operands& o, method m, const std::optional<double>& cap,
                                            bool widen) {
    const double point = formula(o.target, o.realization, m, cap);
    if (std::isnan(point)) return {nan, nan};
    double lo = point, hi = point;
    const bool denominator_is_target = m != method::inverse;
    const bool unsafe = denominator_is_target ? spans_zero(o.target_low, o.target_high)
                                              : spans_zero(o.realization_low, o.realization_high);
    if (!widen || unsafe) return {lo, hi};
    for (double t : {o.target_low, o.target_high})
        for (double r : {o.realization_low, o.realization_high}) {
            const double x = formula(t, r, m, cap);
            if (std::isnan(x)) return {point, point};
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    return {lo, hi};
}

double in_scale(double percent, report_scale s) { return s == report_scale::fraction ? percent / 100.0 : percent; }

// The printed value in steps of 10^-d, if it is a whole number of such steps.
std::optional<long long> steps_of(double printed, int d) {
    const double x = printed * detail::power_of_ten(d);
    const double k = std::round(x);
    if (std::fabs(x - k) > 1e-6 * std::max(1.0, std::fabs(x))) return std::nullopt;
    return static_cast<long long>(k);
}

long long rounded_steps(double x, const rounding_rule& rule) {
    return std::llround(rule.apply(x) * detail::power_of_ten(rule.decimals));
}

std::string show(double v, int d = 2) { return format_number(v, convention::english, d, false); }

}  // namespace

value parse_reported_achievement(std::string_view text) {
    value v;
    v.text = std::string(text);
    std::string_view t = detail::trim(text);
    if (const auto m = marker_kind(t)) {  // the same markers as parse_value: missing, placeholder, #DIV/0!
        v.kind = *m;
        return v;
    }
    const std::size_t b = static_cast<std::size_t>(t.data() - text.data());
    // The length of the percent sign `t` ends with: 1 for '%', 6 for the word "persen" after a
    // number ("56,86 persen": texts and releases write the sign as the word, values.md), else 0.
    auto percent_sign = [](std::string_view s) -> std::size_t {
        if (!s.empty() && s.back() == '%') return 1;
        return s.size() > 6 && detail::iequals(s.substr(s.size() - 6), "persen") &&
                       !detail::is_ascii_letter(s[s.size() - 7])
                   ? 6
                   : 0;
    };
    // "80,17 persen-": a dash closing the figure, as amounts close "Rp 22.275.313.470,-" (Sijunjung's release)
    if (t.size() > 1 && t.back() == '-' && percent_sign(detail::trim(t.substr(0, t.size() - 1))) > 0)
        t = detail::trim(t.substr(0, t.size() - 1));
    const std::size_t sign = percent_sign(t);
    const bool percent = sign > 0;
    if (percent) {
        t = detail::trim(t.substr(0, t.size() - sign));
        if (t.empty()) throw parse_error("kinerja.parse.value", std::string(text), b, "'%' without a number");
    }
    parsed_number n;
    try {
        n = parse_number(t, {number_context::ambiguous_policy::decimal, std::nullopt, std::nullopt, std::nullopt});
    } catch (const parse_error& e) {
        throw parse_error(e.id(), std::string(text), b + e.position(), e.reason());
    }
    v.kind = percent ? value_kind::percent : value_kind::number;
    if (percent) v.unit = "%";
    v.number = n.value;
    v.decimals = n.decimals;
    v.written_in = n.written_in;
    return v;
}

namespace {

// audit_achievement, and with `explain` false detail::audit_verdict: the same verdict without
// the words (explanation, methods).
audit_result audit(const value& target, const value& realization, const value& reported, const audit_options& options,
                   const scale_registry& scales, bool explain) {
    audit_result res;
    if (!reported.is_missing()) {
        if (!(reported.kind == value_kind::percent || reported.kind == value_kind::number) || !reported.number)
            throw argument_error("kinerja.argument.reported", "a printed achievement is a percent or a number, not a " +
                                                                  std::string(to_string(reported.kind)));
        res.reported = reported.number;
    }
    two_at_most<report_scale> scales_tried;
    if (options.scale) {
        scales_tried.push_back(*options.scale);
    } else {
        scales_tried.push_back(report_scale::percent);
        if (reported.kind != value_kind::percent) scales_tried.push_back(report_scale::fraction);
    }
    res.scale = scales_tried.front();

    if (target.kind == value_kind::bound || target.kind == value_kind::range) {
        // a bound or range target is met or not (check_target); no percentage follows from it
        res.basis = target.kind == value_kind::bound ? "a bound" : "a range";
        if (!explain) return res;
        const target_check c = check_target(target, realization);
        res.explanation = c.explanation + "; an achievement in percent does not follow from a " + res.basis +
                          " target, so the printed value is not checked";
        return res;
    }
    const bool inputs_present = !target.is_missing() && !realization.is_missing() &&
                                (target.number || !target.level.empty()) &&
                                (realization.number || !realization.level.empty());
    if (!inputs_present) {
        if (explain) res.explanation = "the target or the realization is missing, so the achievement cannot be checked";
        return res;
    }
    const detail::operands o = detail::comparable(target, realization, scales);
    res.basis = o.basis;

    const polarity primary_polarity = options.polarity.value_or(polarity::higher);
    const method primary = default_method(primary_polarity);
    const double primary_value = formula(o.target, o.realization, primary, std::nullopt);

    if (reported.is_missing()) {
        if (!std::isnan(primary_value)) res.expected = rounding_rule{rounding::half_up, 2}.apply(primary_value);
        res.scale = report_scale::percent;
        if (!explain) return res;
        res.explanation = "no achievement is printed; by " + std::string(to_string(primary_polarity)) + "/" +
                          std::string(to_string(primary)) + " it would be " +
                          (res.expected ? show(*res.expected) + "%" : std::string("undefined"));
        return res;
    }

    two_at_most<polarity> polarities;
    if (options.polarity) {
        polarities.push_back(*options.polarity);
    } else {
        polarities.push_back(polarity::higher);
        polarities.push_back(polarity::lower);
    }
    const double printed = *reported.number;
    res.matches.reserve(8);
    for (polarity p : polarities)
        for (method m : methods_for(p))
            for (const auto& cap : options.caps) {
                const auto [lo, hi] = achievement_range(o, m, cap, options.input_precision);
                if (std::isnan(lo)) continue;
                const double point = formula(o.target, o.realization, m, cap);
                for (rounding mode : options.roundings)
                    for (int d : options.decimals)
                        for (report_scale s : scales_tried) {
                            // d counts decimals of the percent; a fraction prints two more
                            const rounding_rule rule{mode, s == report_scale::fraction ? d + 2 : d};
                            const auto k = steps_of(printed, rule.decimals);
                            if (!k) continue;
                            const long long k_lo = rounded_steps(in_scale(lo, s), rule);
                            const long long k_hi = rounded_steps(in_scale(hi, s), rule);
                            if (*k < k_lo || *k > k_hi) continue;
                            const bool exact = rounded_steps(in_scale(point, s), rule) == *k;
                            res.matches.push_back(audit_match{p, m, cap, rule, s, exact});
                        }
            }
    // matches reproducing the printed value from the printed inputs as they stand come first,
    // then those at the printed number of decimals
    auto rank = [&](const audit_match& a) {
        return (a.exact ? 0 : 2) + (a.rounding.decimals == reported.decimals ? 0 : 1);
    };
    std::stable_sort(res.matches.begin(), res.matches.end(),
                     [&](const audit_match& a, const audit_match& b) { return rank(a) < rank(b); });
    if (explain)
        for (const audit_match& match : res.matches) {
            const std::string name(to_string(match.method));
            if (std::find(res.methods.begin(), res.methods.end(), name) == res.methods.end())
                res.methods.push_back(name);
        }
    if (!res.matches.empty()) res.scale = res.matches.front().scale;

    res.consistent = !res.matches.empty();
    if (*res.consistent && !explain) {
        res.expected = printed;
        return res;
    }
    const auto inputs = [&] {
        return "target " + (target.text.empty() ? format_value(target, convention::english) : target.text) +
               " and realization " +
               (realization.text.empty() ? format_value(realization, convention::english) : realization.text) +
               " (compared as " + o.basis + ")";
    };
    if (*res.consistent) {
        res.expected = printed;
        res.explanation = "the printed " + (reported.text.empty() ? show(printed, reported.decimals) : reported.text) +
                          " follows from " + inputs() + " by " + res.matches.front().describe() +
                          (res.matches.front().exact ? "" : ", allowing for the precision of the printed inputs");
        return res;
    }
    if (std::isnan(primary_value)) {
        if (!explain) return res;
        res.explanation = "no method reproduces the printed value, and " + std::string(to_string(primary)) +
                          " achievement is undefined for " + inputs();
        return res;
    }
    if (scales_tried.size() > 1) {
        // the scale in which the expected value lies nearest the printed one
        auto distance = [&](report_scale s) {
            const double e = in_scale(primary_value, s);
            return (printed > 0 && e > 0) ? std::fabs(std::log(printed / e)) : std::fabs(printed - e);
        };
        res.scale = distance(report_scale::fraction) < distance(report_scale::percent) ? report_scale::fraction
                                                                                       : report_scale::percent;
    }
    res.expected = rounding_rule{rounding::half_up, reported.decimals}.apply(in_scale(primary_value, res.scale));
    if (!explain) return res;
    res.explanation = "the printed " + (reported.text.empty() ? show(printed, reported.decimals) : reported.text) +
                      " does not follow from " + inputs() + " by any accepted method; " +
                      std::string(to_string(primary_polarity)) + "/" + std::string(to_string(primary)) + " gives " +
                      show(*res.expected, reported.decimals) +
                      (res.scale == report_scale::fraction ? " (" + show(primary_value) + "%)" : "%");
    return res;
}

}  // namespace

audit_result audit_achievement(const value& target, const value& realization, const value& reported,
                               const audit_options& options, const scale_registry& scales) {
    return audit(target, realization, reported, options, scales, true);
}

namespace detail {
audit_result audit_verdict(const value& target, const value& realization, const value& reported,
                           const audit_options& options, const scale_registry& scales) {
    return audit(target, realization, reported, options, scales, false);
}
}  // namespace detail

}  // namespace kinerja
