// SPDX-License-Identifier: Apache-2.0
// Syntax tree -> program: one column operation per node, then pairs of arithmetic steps fused
// into one pass and block registers reused (program.hpp lists the stages).
#include "program.hpp"

#include <algorithm>
#include <limits>

namespace kinerja {
namespace detail {

namespace {

// ============================================================================ code generation

struct codegen {
    program& p;
    std::uint32_t next_reg = 0;

    operand constant(double v) {
        p.constants.push_back(v);
        return operand{operand::cst, static_cast<std::uint32_t>(p.constants.size() - 1)};
    }
    std::uint32_t slot_for(const node& n, bool many, op derived) {
        for (std::size_t i = 0; i < p.slots.size(); ++i) {
            const slot& s = p.slots[i];
            if (s.family == n.name && s.many == many && s.derived == derived && s.filters.size() == n.filters.size() &&
                std::equal(s.filters.begin(), s.filters.end(), n.filters.begin(),
                           [](const filter& a, const filter& b) { return a.dim == b.dim && a.value == b.value; }))
                return static_cast<std::uint32_t>(i);
        }
        p.slots.push_back(slot{n.name, n.filters, many, derived});
        return static_cast<std::uint32_t>(p.slots.size() - 1);
    }
    operand emit(op k, operand a, operand b = {}, operand c = {}, std::uint32_t s = 0) {
        instr in{k, next_reg++, a, b, c, s, op::constant, false, {}, 0};
        p.code.push_back(in);
        return operand{operand::reg, in.dst};
    }
    operand gen(std::uint32_t i) {
        const node& n = p.nodes[i];
        switch (n.kind) {
            case op::constant: return constant(n.value);
            case op::variable: return operand{operand::col, slot_for(n, false, op::constant)};
            case op::previous:
            case op::ytd: return operand{operand::col, slot_for(p.nodes[n.args[0]], false, n.kind)};
            case op::agg_sum:
            case op::agg_mean:
            case op::agg_min:
            case op::agg_max:
            case op::agg_count: return emit(n.kind, {}, {}, {}, slot_for(p.nodes[n.args[0]], true, op::constant));
            case op::index_fn: {
                instr in{op::index_fn, 0, {}, {}, {}, 0, op::constant, false, {}, 0};
                for (auto arg : n.args) in.more.push_back(gen(arg));
                in.index = n.index;
                in.dst = next_reg++;
                p.code.push_back(in);
                return operand{operand::reg, in.dst};
            }
            case op::round: {
                const operand a = gen(n.args[0]);
                return emit(op::round, a, constant(n.args.size() == 2 ? p.nodes[n.args[1]].value : 0.0));
            }
            case op::coalesce:
            case op::greatest:
            case op::least:
            case op::min2:
            case op::max2: {
                operand acc = gen(n.args[0]);
                if (n.args.size() == 1) return acc;
                for (std::size_t k = 1; k < n.args.size(); ++k) acc = emit(n.kind, acc, gen(n.args[k]));
                return acc;
            }
            default: break;
        }
        const operand a = !n.args.empty() ? gen(n.args[0]) : operand{};
        const operand b = n.args.size() > 1 ? gen(n.args[1]) : operand{};
        const operand c = n.args.size() > 2 ? gen(n.args[2]) : operand{};
        return emit(n.kind, a, b, c);
    }
};

bool fusable_first(op k) { return arithmetic(k) || k == op::greatest || k == op::least; }

// Fuses "r = x op1 y; s = r op2 z" (r used only there; z a constant, a column or another
// register) into one pass over the block.
void fuse(program& p) {
    std::vector<std::uint32_t> uses(p.registers, 0);
    auto count = [&](const operand& o) {
        if (o.kind == operand::reg) ++uses[o.index];
    };
    for (const instr& in : p.code) {
        count(in.a);
        count(in.b);
        count(in.c);
    }
    count(p.result);
    std::vector<instr> out;
    for (std::size_t k = 0; k < p.code.size(); ++k) {
        instr in = p.code[k];
        if (k + 1 < p.code.size() && fusable_first(in.kind) && in.then == op::constant && uses[in.dst] == 1) {
            const instr& next = p.code[k + 1];
            const bool left_is_r = next.a.kind == operand::reg && next.a.index == in.dst;
            const bool right_is_r = !left_is_r && next.b.kind == operand::reg && next.b.index == in.dst;
            if (arithmetic(next.kind) && (left_is_r || right_is_r)) {
                in.then = next.kind;
                in.c = left_is_r ? next.b : next.a;
                in.then_const_left = right_is_r;
                in.dst = next.dst;
                out.push_back(in);
                ++k;
                continue;
            }
        }
        out.push_back(in);
    }
    p.code = std::move(out);
}

// Gives registers back when their last reader has run, so that a long formula needs few block
// buffers (each is `block` doubles). A destination never shares a buffer with its own operands,
// so the kernels see no aliasing and stay vectorized.
void allocate_registers(program& p) {
    const std::size_t never = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> last(p.registers, never);
    auto reads = [](const instr& in, auto&& f) {
        for (const operand* o : {&in.a, &in.b, &in.c}) f(*o);
        for (const operand& o : in.more) f(o);
    };
    for (std::size_t k = 0; k < p.code.size(); ++k)
        reads(p.code[k], [&](const operand& o) {
            if (o.kind == operand::reg) last[o.index] = k;
        });
    std::vector<std::uint32_t> map(p.registers, 0), free_list;
    std::uint32_t used = 0;
    for (std::size_t k = 0; k < p.code.size(); ++k) {
        instr& in = p.code[k];
        std::vector<std::uint32_t> released;
        auto remap = [&](operand& o) {
            if (o.kind != operand::reg) return;
            const std::uint32_t old = o.index;
            o.index = map[old];
            const bool is_result = p.result.kind == operand::reg && p.result.index == old;
            if (last[old] == k && !is_result) released.push_back(o.index);
        };
        remap(in.a);
        remap(in.b);
        remap(in.c);
        for (operand& o : in.more) remap(o);
        std::uint32_t fresh;
        if (!free_list.empty()) {
            fresh = free_list.back();
            free_list.pop_back();
        } else {
            fresh = used++;
        }
        const std::uint32_t old_dst = in.dst;
        in.dst = fresh;
        map[old_dst] = fresh;
        if (last[old_dst] == never && !(p.result.kind == operand::reg && p.result.index == old_dst))
            released.push_back(fresh);
        for (std::uint32_t r : released)
            if (std::find(free_list.begin(), free_list.end(), r) == free_list.end()) free_list.push_back(r);
    }
    if (p.result.kind == operand::reg) p.result.index = map[p.result.index];
    p.registers = used;
}

}  // namespace

void generate(program& p) {
    codegen gen{p};
    p.result = gen.gen(p.root);
    p.registers = gen.next_reg;
    fuse(p);
    allocate_registers(p);
}

}  // namespace detail
}  // namespace kinerja
