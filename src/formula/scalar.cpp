// SPDX-License-Identifier: Apache-2.0
// One row evaluated from the syntax tree, for formula::evaluate(values) and for the reasons of
// formula::diagnose: the values are those of ops.hpp, the same as the block kernels'; this file
// adds only why a result is missing (program.hpp lists the stages).
#include "ops.hpp"
#include "program.hpp"

#include <kinerja/error.hpp>

#include <cmath>

namespace kinerja {
namespace detail {

using namespace opdef;

namespace {

struct scalar_eval {
    const program& p;
    const std::map<std::string, double>* values = nullptr;
    const formula_columns* cols = nullptr;
    const bound* binding = nullptr;
    std::size_t row = 0;
    missing_reason reason = missing_reason::none;

    double miss(missing_reason r) {
        if (reason == missing_reason::none) reason = r;
        return nan;
    }
    std::vector<double> family(const node& v) {
        std::vector<double> out;
        slot s{v.name, v.filters, true, op::constant};
        if (values) {
            for (const auto& [k, x] : *values)
                if (matches(split_column(k), s)) out.push_back(x);
        } else {
            for (const auto& [k, ptr] : cols->columns)
                if (matches(split_column(k), s)) out.push_back(ptr[row]);
        }
        return out;
    }
    double var(const node& v, op derived) {
        if (derived != op::constant && binding) {  // previous/ytd from the bound derived columns
            for (std::size_t i = 0; i < p.slots.size(); ++i) {
                const slot& s = p.slots[i];
                if (s.family == v.name && s.derived == derived && !s.many) {
                    const double x = binding->single[i][row];
                    if (std::isinf(x))
                        return p.options.missing == missing_strategy::zero ? 0.0 : miss(missing_reason::not_finite);
                    if (x != x)
                        return miss(derived == op::previous &&
                                            (row == 0 || (cols->group && cols->group[row] != cols->group[row - 1]))
                                        ? missing_reason::no_previous
                                        : missing_reason::missing_input);
                    return x;
                }
            }
        }
        if (derived == op::previous) return miss(missing_reason::no_previous);
        const std::vector<double> xs = family(v);
        if (xs.size() > 1)
            throw argument_error("kinerja.argument.formula_data",
                                 "variable " + describe(slot{v.name, v.filters, false, op::constant}) +
                                     " of formula \"" + p.text + "\" matches " + std::to_string(xs.size()) +
                                     " values; aggregate it (sum, mean, min, max, count) or filter it to one");
        const double x = xs.empty() ? nan : xs.front();
        if (!std::isfinite(x)) {  // missing, or infinite: not a number either
            if (p.options.missing == missing_strategy::zero) return 0.0;
            return miss(x != x ? missing_reason::missing_input : missing_reason::not_finite);
        }
        return x;
    }
    // The value of a missing result's operands come first: an operator with a missing operand
    // is missing with that operand's reason (set when it was evaluated); otherwise the
    // operator's own reason (why).
    double checked(double x, missing_reason why) { return x == x ? x : miss(why); }
    // Operators that can give a value with a missing operand (x and missing, firstNonNull(...),
    // greatest(...)): a present result forgets the reasons of the operands it did not need.
    template <class F>
    double forgiving(const node& n, F f) {
        const missing_reason before = reason;
        double acc = eval(n.args[0]);
        for (std::size_t k = 1; k < n.args.size(); ++k) acc = f(acc, eval(n.args[k]));
        if (acc == acc) reason = before;
        return acc;
    }
    template <class F>
    double fold(const node& n, F f) {
        double acc = eval(n.args[0]);
        for (std::size_t k = 1; k < n.args.size(); ++k) acc = f(acc, eval(n.args[k]));
        return acc;
    }
    template <class F>
    double unary(const node& n, F f, missing_reason why) {
        const double a = eval(n.args[0]);
        return a != a ? nan : checked(f(a), why);
    }
    template <class F>
    double binary(const node& n, F f, missing_reason why) {
        const double a = eval(n.args[0]), b = eval(n.args[1]);
        return (a != a || b != b) ? nan : checked(f(a, b), why);
    }

    double eval(std::uint32_t i) {
        const node& n = p.nodes[i];
        constexpr auto not_finite = missing_reason::not_finite;
        constexpr auto domain = missing_reason::domain;
        switch (n.kind) {
            case op::constant: return n.value;
            case op::variable: return var(n, op::constant);
            case op::previous:
            case op::ytd: return var(p.nodes[n.args[0]], n.kind);
            case op::neg: return unary(n, neg_f{}, not_finite);
            case op::add: return binary(n, add_t<arith::checked>{}, not_finite);
            case op::sub: return binary(n, sub_t<arith::checked>{}, not_finite);
            case op::mul: return binary(n, mul_t<arith::checked>{}, not_finite);
            case op::div: {
                const double a = eval(n.args[0]), b = eval(n.args[1]);
                if (a != a || b != b) return nan;
                return checked(div_t<arith::checked>{}(a, b), b == 0.0 ? missing_reason::division_by_zero : not_finite);
            }
            case op::pow: {
                const double a = eval(n.args[0]), b = eval(n.args[1]);
                if (a != a || b != b) return nan;
                // outside the domain (a negative number to a fractional power) or too large
                return checked(pow_f{}(a, b), std::isnan(std::pow(a, b)) ? domain : not_finite);
            }
            case op::eq: return binary(n, eq_f{}, not_finite);
            case op::ne: return binary(n, ne_f{}, not_finite);
            case op::lt: return binary(n, lt_f{}, not_finite);
            case op::le: return binary(n, le_f{}, not_finite);
            case op::gt: return binary(n, gt_f{}, not_finite);
            case op::ge: return binary(n, ge_f{}, not_finite);
            case op::and_: return forgiving(n, and_f{});
            case op::or_: return forgiving(n, or_f{});
            case op::not_: return unary(n, not_f{}, not_finite);
            case op::select: {  // only the branch taken is evaluated, so only its reason counts
                const double c = eval(n.args[0]);
                if (c != c) return nan;
                const double chosen = eval(n.args[c != 0.0 ? 1 : 2]);
                return select_f{}(c, chosen, chosen);
            }
            case op::isnull: {
                const missing_reason before = reason;
                const double x = isnull_f{}(eval(n.args[0]));
                reason = before;
                return x;
            }
            case op::coalesce: return forgiving(n, coalesce_f{});
            case op::greatest: return forgiving(n, greatest_f{});
            case op::least: return forgiving(n, least_f{});
            case op::max2: return fold(n, max2_f{});
            case op::min2: return fold(n, min2_f{});
            case op::abs: return unary(n, abs_f{}, not_finite);
            case op::round: return unary(n, round_f{n.args.size() == 2 ? p.nodes[n.args[1]].value : 0.0}, not_finite);
            case op::floor: return unary(n, floor_f{}, not_finite);
            case op::ceil: return unary(n, ceil_f{}, not_finite);
            case op::sqrt: return unary(n, sqrt_f{}, domain);
            case op::ln: return unary(n, ln_f{}, domain);
            case op::log10: return unary(n, log10_f{}, domain);
            case op::exp: return unary(n, exp_f{}, not_finite);
            case op::index_fn: {
                double args[8];
                bool missing = false;
                for (std::size_t k = 0; k < n.args.size(); ++k) {
                    args[k] = eval(n.args[k]);
                    missing = missing || args[k] != args[k];
                }
                if (missing) return nan;
                return checked(call_index(n.index, args, static_cast<int>(n.args.size())), domain);
            }
            case op::agg_sum:
            case op::agg_mean:
            case op::agg_min:
            case op::agg_max:
            case op::agg_count: {
                const std::vector<double> xs = family(p.nodes[n.args[0]]);
                const double x = aggregate(
                    n.kind, xs.size(), [&](std::size_t k) { return xs[k]; },
                    p.options.missing == missing_strategy::zero);
                return checked(x, missing_reason::missing_input);
            }
            default: return nan;
        }
    }
};

}  // namespace

double evaluate_scalar(const program& p, const std::map<std::string, double>* values, const formula_columns* cols,
                       const bound* binding, std::size_t row, missing_reason& reason) {
    scalar_eval e{p, values, cols, binding, row, missing_reason::none};
    const double x = e.eval(p.root);
    reason = e.reason;
    return x;
}

}  // namespace detail
}  // namespace kinerja
