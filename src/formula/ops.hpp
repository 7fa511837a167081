// SPDX-License-Identifier: Apache-2.0
// What each formula operator computes, defined once: the block kernels (kernels.cpp) apply these
// functors to whole columns and the scalar evaluator (scalar.cpp) to one row, so the two cannot
// disagree on a value. The scalar evaluator adds only the reason a result is missing.
//
// Missing is NaN. An infinite input is not a number either: present(x) is false for it, and an
// operation that would turn it into a finite result (1 / inf, inf > 0, least(inf, 3), exp(-inf))
// gives missing instead.
#pragma once

#include "program.hpp"

#include <kinerja/rounding.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace kinerja {
namespace detail {
namespace opdef {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

inline double truth(bool b) { return b ? 1.0 : 0.0; }
inline double finite_or_nan(double x) { return std::isfinite(x) ? x : nan; }
inline double round_to(double x, double digits) {
    if (x != x || std::fabs(x) >= 4503599627370496.0) return x;  // beyond 2^52 every double is whole
    return rounding_rule{rounding::half_up, static_cast<int>(digits)}.apply(x);
}

// Arithmetic as functors, so that fused kernels are instantiated per pair, in three modes. The
// fast mode is plain IEEE arithmetic. The checked mode turns an overflow or a division by zero
// into a missing value at once, so that an infinity in the middle of a formula can never become a
// silent number later (1 / (x * 10) for x = 1e308, 1 / (x / 0)). A block is evaluated fast and, if
// the processor's overflow or division-by-zero flag went up, again checked (see evaluate_rows):
// results are those of the checked mode, at the speed of the fast one. (0 / 0 raises neither
// flag, but it is NaN, that is missing, in both.) The last mode is the fast one for a block's
// last step: its result is made finite or missing in the same pass, instead of a second pass over
// the output (finite_pass).
enum class arith { fast, last, checked };

// A value that is a number: neither missing (NaN) nor infinite.
inline bool present(double x) { return std::isfinite(x); }

// sum, mean, min, max or count over the values of one row of a disaggregated variable
// (value_at(k) for k < count), for the column kernels and the scalar evaluator alike. A value
// that is not present makes the result missing (NaN), unless missing values count as 0; so does
// the lack of any value. count counts the values present.
template <class ValueAt>
double aggregate(op kind, std::size_t count, ValueAt value_at, bool zero_missing) {
    double acc = kind == op::agg_min ? HUGE_VAL : kind == op::agg_max ? -HUGE_VAL : 0.0;
    std::size_t counted = 0;
    bool missing = false;
    for (std::size_t k = 0; k < count; ++k) {
        double x = value_at(k);
        if (!present(x)) {
            if (!zero_missing) {
                missing = true;
                continue;
            }
            x = 0.0;
        }
        ++counted;
        if (kind == op::agg_min)
            acc = std::min(acc, x);
        else if (kind == op::agg_max)
            acc = std::max(acc, x);
        else
            acc += x;
    }
    if (kind == op::agg_count) return static_cast<double>(counted);
    if (missing || counted == 0) return std::numeric_limits<double>::quiet_NaN();
    return kind == op::agg_mean ? acc / static_cast<double>(counted) : acc;
}

template <arith M>
inline double finite(double x) {
    if constexpr (M != arith::fast) return std::isfinite(x) ? x : std::numeric_limits<double>::quiet_NaN();
    return x;
}
template <arith M>
struct add_t {
    double operator()(double x, double y) const { return finite<M>(x + y); }
};
template <arith M>
struct sub_t {
    double operator()(double x, double y) const { return finite<M>(x - y); }
};
template <arith M>
struct mul_t {
    double operator()(double x, double y) const { return finite<M>(x * y); }
};
template <arith M>
struct div_t {
    // y + (y - y) is y when y is finite and NaN when it is infinite, so that x / inf is missing
    // (an infinite input is not a number) rather than a silent 0.
    double operator()(double x, double y) const {
        if constexpr (M == arith::checked)
            return y != 0.0 ? finite<M>(x / (y + (y - y))) : std::numeric_limits<double>::quiet_NaN();
        return finite<M>(x / (y + (y - y)));  // x / 0 raises FE_DIVBYZERO: the block is evaluated again, checked
    }
};
// The inner step of a fused pair needs no finite check in the last mode: the outer one has it.
constexpr arith inner(arith m) { return m == arith::last ? arith::fast : m; }

struct greatest_f {
    double operator()(double x, double y) const { return !present(x) ? y : (!present(y) ? x : std::max(x, y)); }
};
struct least_f {
    double operator()(double x, double y) const { return !present(x) ? y : (!present(y) ? x : std::min(x, y)); }
};

// dst = g(f(a, b), c) or g(c, f(a, b)); c is a column or register (cp) or a constant (cs).

// ---------------------------------------------------------------------------- the other operators
// Each takes present or missing operands and gives the operator's value; any missing operand
// makes the result missing unless the operator says otherwise.

struct neg_f {
    double operator()(double x) const { return -x; }
};
struct pow_f {
    double operator()(double x, double y) const {
        return (!present(x) || !present(y)) ? nan : finite_or_nan(std::pow(x, y));
    }
};
template <class Cmp>
struct compare_f {
    double operator()(double x, double y) const { return (!present(x) || !present(y)) ? nan : truth(Cmp{}(x, y)); }
};
struct eq_t {
    bool operator()(double x, double y) const { return x == y; }
};
struct ne_t {
    bool operator()(double x, double y) const { return x != y; }
};
struct lt_t {
    bool operator()(double x, double y) const { return x < y; }
};
struct le_t {
    bool operator()(double x, double y) const { return x <= y; }
};
struct gt_t {
    bool operator()(double x, double y) const { return x > y; }
};
struct ge_t {
    bool operator()(double x, double y) const { return x >= y; }
};
using eq_f = compare_f<eq_t>;
using ne_f = compare_f<ne_t>;
using lt_f = compare_f<lt_t>;
using le_f = compare_f<le_t>;
using gt_f = compare_f<gt_t>;
using ge_f = compare_f<ge_t>;
struct and_f {  // false and missing is false
    double operator()(double x, double y) const {
        if (x == 0.0 || y == 0.0) return 0.0;
        return (!present(x) || !present(y)) ? nan : 1.0;
    }
};
struct or_f {  // true or missing is true
    double operator()(double x, double y) const {
        if ((present(x) && x != 0.0) || (present(y) && y != 0.0)) return 1.0;
        return (!present(x) || !present(y)) ? nan : 0.0;
    }
};
struct not_f {
    double operator()(double x) const { return !present(x) ? nan : truth(x == 0.0); }
};
struct select_f {  // if(cond, then, else)
    double operator()(double cond, double then, double otherwise) const {
        return !present(cond) ? nan : (cond != 0.0 ? then : otherwise);
    }
};
struct isnull_f {
    double operator()(double x) const { return truth(!present(x)); }
};
struct coalesce_f {  // firstNonNull, two at a time
    double operator()(double x, double y) const { return present(x) ? x : y; }
};
struct max2_f {  // max(): missing if any is
    double operator()(double x, double y) const { return (!present(x) || !present(y)) ? nan : std::max(x, y); }
};
struct min2_f {  // min(): missing if any is
    double operator()(double x, double y) const { return (!present(x) || !present(y)) ? nan : std::min(x, y); }
};
struct abs_f {
    double operator()(double x) const { return std::fabs(x); }
};
struct round_f {  // round(x, digits), half up
    double digits = 0.0;
    double operator()(double x) const { return round_to(x, digits); }
};
struct floor_f {
    double operator()(double x) const { return std::floor(x); }
};
struct ceil_f {
    double operator()(double x) const { return std::ceil(x); }
};
struct sqrt_f {
    double operator()(double x) const { return x >= 0.0 ? std::sqrt(x) : nan; }
};
struct ln_f {
    double operator()(double x) const { return x > 0.0 ? std::log(x) : nan; }
};
struct log10_f {
    double operator()(double x) const { return x > 0.0 ? std::log10(x) : nan; }
};
struct exp_f {
    double operator()(double x) const { return present(x) ? finite_or_nan(std::exp(x)) : nan; }
};

}  // namespace opdef
}  // namespace detail
}  // namespace kinerja
