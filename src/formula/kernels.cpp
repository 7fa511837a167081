// SPDX-License-Identifier: Apache-2.0
// The program run over columns, block by block (`block` rows at a time, in registers of that
// size): one kernel per operation, pairs of arithmetic steps fused, plain IEEE arithmetic first
// and the block again checked if the processor flagged an overflow or a division by zero
// (program.hpp lists the stages; ops.hpp defines what each operator computes).
#include "ops.hpp"
#include "program.hpp"

#include <algorithm>
#include <cfenv>
#include <cmath>
#include <type_traits>
#include <vector>

namespace kinerja {
namespace detail {

using namespace opdef;

namespace {

struct frame {  // one block being evaluated
    const program& p;
    std::vector<const double*>& single;             // per slot: column pointer (offset to the block)
    std::vector<std::vector<const double*>>& many;  // per slot: columns (offset to the block)
    double* regs;
    std::size_t len;
    bool zero_missing;

    const double* ptr(const operand& o, double& scalar) const {
        switch (o.kind) {
            case operand::reg: return regs + static_cast<std::size_t>(o.index) * block;
            case operand::col: return single[o.index];
            case operand::cst: scalar = p.constants[o.index]; return nullptr;
            case operand::none: scalar = 0.0; return nullptr;
        }
        return nullptr;
    }
};

template <class F>
inline void unary_kernel(double* o, const double* a, double as, std::size_t n, F f) {
    if (!a) {
        const double v = f(as);
        std::fill(o, o + n, v);
    } else {
        for (std::size_t i = 0; i < n; ++i) o[i] = f(a[i]);
    }
}

template <class F>
inline void binary_kernel(double* o, const double* a, double as, const double* b, double bs, std::size_t n, F f) {
    if (a && b) {
        for (std::size_t i = 0; i < n; ++i) o[i] = f(a[i], b[i]);
    } else if (a) {
        for (std::size_t i = 0; i < n; ++i) o[i] = f(a[i], bs);
    } else if (b) {
        for (std::size_t i = 0; i < n; ++i) o[i] = f(as, b[i]);
    } else {
        const double v = f(as, bs);
        std::fill(o, o + n, v);
    }
}

template <class F, class G>
void fused_kernel(double* o, const double* a, double as, const double* b, double bs, const double* cp, double cs,
                  bool c_left, std::size_t n) {
    const F f;
    const G g;
    if (cp) {
        if (a && b) {
            if (c_left)
                for (std::size_t i = 0; i < n; ++i) o[i] = g(cp[i], f(a[i], b[i]));
            else
                for (std::size_t i = 0; i < n; ++i) o[i] = g(f(a[i], b[i]), cp[i]);
        } else {
            for (std::size_t i = 0; i < n; ++i) {
                const double x = f(a ? a[i] : as, b ? b[i] : bs);
                o[i] = c_left ? g(cp[i], x) : g(x, cp[i]);
            }
        }
    } else if (c_left) {
        binary_kernel(o, a, as, b, bs, n, [&](double x, double y) { return g(cs, f(x, y)); });
    } else {
        binary_kernel(o, a, as, b, bs, n, [&](double x, double y) { return g(f(x, y), cs); });
    }
}

template <arith M, class F>
void fused_second(op then, double* o, const double* a, double as, const double* b, double bs, const double* cp,
                  double cs, bool c_left, std::size_t n) {
    switch (then) {
        case op::add: fused_kernel<F, add_t<M>>(o, a, as, b, bs, cp, cs, c_left, n); break;
        case op::sub: fused_kernel<F, sub_t<M>>(o, a, as, b, bs, cp, cs, c_left, n); break;
        case op::mul: fused_kernel<F, mul_t<M>>(o, a, as, b, bs, cp, cs, c_left, n); break;
        default: fused_kernel<F, div_t<M>>(o, a, as, b, bs, cp, cs, c_left, n); break;
    }
}

template <arith M>
void fused(op first, op then, double* o, const double* a, double as, const double* b, double bs, const double* cp,
           double cs, bool c_left, std::size_t n) {
    switch (first) {
        case op::add: fused_second<M, add_t<inner(M)>>(then, o, a, as, b, bs, cp, cs, c_left, n); break;
        case op::sub: fused_second<M, sub_t<inner(M)>>(then, o, a, as, b, bs, cp, cs, c_left, n); break;
        case op::mul: fused_second<M, mul_t<inner(M)>>(then, o, a, as, b, bs, cp, cs, c_left, n); break;
        case op::greatest: fused_second<M, greatest_f>(then, o, a, as, b, bs, cp, cs, c_left, n); break;
        case op::least: fused_second<M, least_f>(then, o, a, as, b, bs, cp, cs, c_left, n); break;
        default: fused_second<M, div_t<inner(M)>>(then, o, a, as, b, bs, cp, cs, c_left, n); break;
    }
}

// dst = a op b for the four arithmetic operations, in mode M.
template <arith M>
void arithmetic_kernel(op kind, double* o, const double* a, double as, const double* b, double bs, std::size_t n) {
    switch (kind) {
        case op::add: binary_kernel(o, a, as, b, bs, n, add_t<M>{}); break;
        case op::sub: binary_kernel(o, a, as, b, bs, n, sub_t<M>{}); break;
        case op::mul: binary_kernel(o, a, as, b, bs, n, mul_t<M>{}); break;
        default: binary_kernel(o, a, as, b, bs, n, div_t<M>{}); break;
    }
}

// Calls kernel(std::integral_constant<arith, mode>) with the mode known at run time, so that one
// call site instantiates the kernels of every mode.
template <class Kernel>
void in_mode(arith mode, Kernel kernel) {
    switch (mode) {
        case arith::fast: kernel(std::integral_constant<arith, arith::fast>{}); break;
        case arith::last: kernel(std::integral_constant<arith, arith::last>{}); break;
        case arith::checked: kernel(std::integral_constant<arith, arith::checked>{}); break;
    }
}

// Infinity (overflow) becomes missing: never a silent infinity. Intermediate infinities reach the
// result as infinity or NaN, so the final operation's output is the only place to look.
inline void finite_pass(double* o, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) o[i] = std::isfinite(o[i]) ? o[i] : nan;
}

template <bool C>
void run_block(const frame& f, double* out) {
    const program& p = f.p;
    const std::size_t n = f.len;
    for (std::size_t k = 0; k < p.code.size(); ++k) {
        const instr& in = p.code[k];
        const bool last = k + 1 == p.code.size() && p.result.kind == operand::reg && p.result.index == in.dst;
        double* o = last ? out : f.regs + static_cast<std::size_t>(in.dst) * block;
        double as = 0, bs = 0, cs = 0;
        const double* a = f.ptr(in.a, as);
        const double* b = f.ptr(in.b, bs);
        // Arithmetic, fused or not, in the block's mode; in the checked and last modes the kernel
        // makes its result finite or missing itself, so the output needs no second pass.
        const arith mode = C ? arith::checked : last ? arith::last : arith::fast;
        if (in.then != op::constant) {
            const double* cp = f.ptr(in.c, cs);
            in_mode(mode, [&](auto m) {
                fused<decltype(m)::value>(in.kind, in.then, o, a, as, b, bs, cp, cs, in.then_const_left, n);
            });
            continue;
        }
        if (arithmetic(in.kind)) {
            in_mode(mode, [&](auto m) { arithmetic_kernel<decltype(m)::value>(in.kind, o, a, as, b, bs, n); });
            continue;
        }
        switch (in.kind) {
            case op::neg: unary_kernel(o, a, as, n, neg_f{}); break;
            case op::pow: binary_kernel(o, a, as, b, bs, n, pow_f{}); break;
            case op::eq: binary_kernel(o, a, as, b, bs, n, eq_f{}); break;
            case op::ne: binary_kernel(o, a, as, b, bs, n, ne_f{}); break;
            case op::lt: binary_kernel(o, a, as, b, bs, n, lt_f{}); break;
            case op::le: binary_kernel(o, a, as, b, bs, n, le_f{}); break;
            case op::gt: binary_kernel(o, a, as, b, bs, n, gt_f{}); break;
            case op::ge: binary_kernel(o, a, as, b, bs, n, ge_f{}); break;
            case op::and_: binary_kernel(o, a, as, b, bs, n, and_f{}); break;
            case op::or_: binary_kernel(o, a, as, b, bs, n, or_f{}); break;
            case op::not_: unary_kernel(o, a, as, n, not_f{}); break;
            case op::select: {
                const double* c = f.ptr(in.c, cs);
                const select_f sel;
                for (std::size_t i = 0; i < n; ++i) o[i] = sel(a ? a[i] : as, b ? b[i] : bs, c ? c[i] : cs);
                break;
            }
            case op::isnull: unary_kernel(o, a, as, n, isnull_f{}); break;
            case op::coalesce: binary_kernel(o, a, as, b, bs, n, coalesce_f{}); break;
            case op::greatest: binary_kernel(o, a, as, b, bs, n, greatest_f{}); break;
            case op::least: binary_kernel(o, a, as, b, bs, n, least_f{}); break;
            case op::max2: binary_kernel(o, a, as, b, bs, n, max2_f{}); break;
            case op::min2: binary_kernel(o, a, as, b, bs, n, min2_f{}); break;
            case op::abs: unary_kernel(o, a, as, n, abs_f{}); break;
            case op::round: unary_kernel(o, a, as, n, round_f{bs}); break;
            case op::floor: unary_kernel(o, a, as, n, floor_f{}); break;
            case op::ceil: unary_kernel(o, a, as, n, ceil_f{}); break;
            case op::sqrt: unary_kernel(o, a, as, n, sqrt_f{}); break;
            case op::ln: unary_kernel(o, a, as, n, ln_f{}); break;
            case op::log10: unary_kernel(o, a, as, n, log10_f{}); break;
            case op::exp: unary_kernel(o, a, as, n, exp_f{}); break;
            case op::index_fn: {
                double args[8];
                std::vector<const double*> ptrs(in.more.size());
                std::vector<double> scalars(in.more.size());
                for (std::size_t j = 0; j < in.more.size(); ++j) ptrs[j] = f.ptr(in.more[j], scalars[j]);
                const int count = static_cast<int>(in.more.size());
                for (std::size_t i = 0; i < n; ++i) {
                    for (std::size_t j = 0; j < in.more.size(); ++j) args[j] = ptrs[j] ? ptrs[j][i] : scalars[j];
                    o[i] = call_index(in.index, args, count);
                }
                break;
            }
            case op::agg_sum:
            case op::agg_mean:
            case op::agg_min:
            case op::agg_max:
            case op::agg_count: {
                const auto& cols = f.many[in.slot];
                for (std::size_t i = 0; i < n; ++i)
                    o[i] = aggregate(
                        in.kind, cols.size(), [&](std::size_t c) { return cols[c][i]; }, f.zero_missing);
                break;
            }
            default: break;
        }
        if (last) finite_pass(o, n);
    }
}

}  // namespace

void evaluate_rows(const program& p, const bound& b, double* out, std::size_t from, std::size_t to) {
    std::vector<double> regs(static_cast<std::size_t>(std::max<std::uint32_t>(p.registers, 1)) * block);
    std::vector<const double*> single(b.single.size());
    std::vector<std::vector<const double*>> many(b.many.size());
    std::vector<double> zeroed;  // for missing=zero: copies of single columns with NaN as 0
    const bool zero = p.options.missing == missing_strategy::zero;
    for (std::size_t start = from; start < to; start += block) {
        const std::size_t len = std::min(block, to - start);
        for (std::size_t i = 0; i < single.size(); ++i) single[i] = b.single[i] ? b.single[i] + start : nullptr;
        if (zero) {
            zeroed.assign(single.size() * block, 0.0);
            for (std::size_t i = 0; i < single.size(); ++i) {
                if (!single[i]) continue;
                double* z = zeroed.data() + i * block;
                for (std::size_t r = 0; r < len; ++r) z[r] = present(single[i][r]) ? single[i][r] : 0.0;
                single[i] = z;
            }
        }
        for (std::size_t i = 0; i < many.size(); ++i) {
            many[i].resize(b.many[i].size());
            for (std::size_t k = 0; k < b.many[i].size(); ++k) many[i][k] = b.many[i][k] + start;
        }
        frame f{p, single, many, regs.data(), len, zero};
        if (p.code.empty()) {  // a lone variable or constant
            double s = 0;
            const double* src = f.ptr(p.result, s);
            if (src)
                std::copy(src, src + len, out + start);
            else
                std::fill(out + start, out + start + len, s);
            finite_pass(out + start, len);
            continue;
        }
        // Fast first; if anything overflowed or was divided by zero, the block again with every
        // step checked.
        std::feclearexcept(FE_OVERFLOW | FE_DIVBYZERO);
        run_block<false>(f, out + start);
        if (std::fetestexcept(FE_OVERFLOW | FE_DIVBYZERO)) run_block<true>(f, out + start);
        if (!(p.result.kind == operand::reg && p.result.index == p.code.back().dst)) {
            double s = 0;
            const double* src = f.ptr(p.result, s);
            if (src)
                std::copy(src, src + len, out + start);
            else
                std::fill(out + start, out + start + len, s);
            finite_pass(out + start, len);
        }
    }
}

}  // namespace detail
}  // namespace kinerja
