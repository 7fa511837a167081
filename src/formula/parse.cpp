// SPDX-License-Identifier: Apache-2.0
// Formula text -> syntax tree: the recursive-descent parser over the lexer's tokens (lex.hpp),
// asking unit inference (units.hpp) for each node's unit as it builds the node (program.hpp lists
// the stages).
#include "lex.hpp"
#include "program.hpp"
#include "units.hpp"

#include <kinerja/detail/text.hpp>
#include <kinerja/unit_registry.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>

namespace kinerja {
namespace detail {

namespace {

// ============================================================================ parser

struct function_info {
    const char* name;
    op kind;
    int min_args;
    int max_args;  // -1: any
};

const function_info functions[] = {
    {"if", op::select, 3, 3},
    {"isNull", op::isnull, 1, 1},
    {"firstNonNull", op::coalesce, 1, -1},
    {"greatest", op::greatest, 1, -1},
    {"least", op::least, 1, -1},
    {"min", op::min2, 1, -1},
    {"max", op::max2, 1, -1},
    {"abs", op::abs, 1, 1},
    {"round", op::round, 1, 2},
    {"floor", op::floor, 1, 1},
    {"ceil", op::ceil, 1, 1},
    {"sqrt", op::sqrt, 1, 1},
    {"ln", op::ln, 1, 1},
    {"log10", op::log10, 1, 1},
    {"exp", op::exp, 1, 1},
    {"sum", op::agg_sum, 1, 1},
    {"mean", op::agg_mean, 1, 1},
    {"count", op::agg_count, 1, 1},
    {"previous", op::previous, 1, 1},
    {"ytd", op::ytd, 1, 1},
};

struct parser {
    lexer lex;
    token cur;
    program& prog;
    const std::map<std::string, std::string>& units;
    const unit_registry& registry;
    std::size_t depth = 0;

    parser(std::string_view text, program& p, const std::map<std::string, std::string>& u, const unit_registry& r)
        : lex{text}, prog(p), units(u), registry(r) {
        if (text.size() > p.options.max_length)
            fail(p.options.max_length,
                 "the formula is longer than " + std::to_string(p.options.max_length) + " characters", "",
                 "kinerja.formula.too_long");
        cur = lex.next();
    }

    [[noreturn]] void fail(std::size_t pos, const std::string& why, const std::string& expected,
                           const char* id = "kinerja.formula.syntax") const {
        lex.fail(pos, why, expected, id);
    }
    void advance() { cur = lex.next(); }
    bool accept(tok k) {
        if (cur.kind != k) return false;
        advance();
        return true;
    }
    void expect(tok k, const char* what) {
        if (cur.kind != k)
            fail(cur.pos, std::string("expected ") + what + (cur.kind == tok::end ? " but the formula ends" : ""),
                 what);
        advance();
    }
    std::uint32_t make(node n) {
        for (auto c : n.args) n.depth = std::max(n.depth, 1 + prog.nodes[c].depth);
        if (n.depth > 5 * prog.options.max_depth)
            fail(n.pos,
                 "the formula chains more than " + std::to_string(5 * prog.options.max_depth) +
                     " operations in one expression; split it or use sum()",
                 "", "kinerja.formula.too_deep");
        prog.nodes.push_back(std::move(n));
        return static_cast<std::uint32_t>(prog.nodes.size() - 1);
    }
    struct depth_guard {
        parser& p;
        explicit depth_guard(parser& q, std::size_t pos) : p(q) {
            if (++p.depth > p.prog.options.max_depth)
                p.fail(pos, "the formula nests deeper than " + std::to_string(p.prog.options.max_depth) + " levels", "",
                       "kinerja.formula.too_deep");
        }
        ~depth_guard() { --p.depth; }
    };

    const node& at(std::uint32_t i) const { return prog.nodes[i]; }
    unit_inference infer() const { return unit_inference{lex.src, prog.nodes}; }

    std::uint32_t binary(op k, std::uint32_t a, std::uint32_t b, std::size_t pos) {
        node n;
        n.kind = k;
        n.args = {a, b};
        n.pos = pos;
        n.unit = infer().of_binary(k, a, b, pos);
        return make(std::move(n));
    }

    // ---------------------------------------------------------------- grammar
    std::uint32_t parse() {
        if (prog.text.size() > prog.options.max_length)
            fail(prog.options.max_length,
                 "the formula is longer than " + std::to_string(prog.options.max_length) + " characters", "",
                 "kinerja.formula.too_long");
        if (cur.kind == tok::end) fail(0, "the formula is empty", "an expression");
        const std::uint32_t root = expr();
        if (cur.kind == tok::comma)
            fail(cur.pos, "',' separates function arguments; formulas use '.' as the decimal mark (write 1.5, not 1,5)",
                 "an operator or the end", "kinerja.formula.literal");
        if (cur.kind != tok::end)
            fail(cur.pos, "unexpected text after the end of the expression", "an operator or the end");
        return root;
    }
    std::uint32_t expr() { return disjunction(); }
    std::uint32_t disjunction() {
        std::uint32_t a = conjunction();
        while (cur.kind == tok::ident && kinerja::detail::iequals(cur.text, "or")) {
            const std::size_t pos = cur.pos;
            advance();
            a = binary(op::or_, a, conjunction(), pos);
        }
        return a;
    }
    std::uint32_t conjunction() {
        std::uint32_t a = negation();
        while (cur.kind == tok::ident && kinerja::detail::iequals(cur.text, "and")) {
            const std::size_t pos = cur.pos;
            advance();
            a = binary(op::and_, a, negation(), pos);
        }
        return a;
    }
    std::uint32_t negation() {
        if (cur.kind == tok::ident && kinerja::detail::iequals(cur.text, "not")) {
            depth_guard g(*this, cur.pos);
            node n;
            n.kind = op::not_;
            n.pos = cur.pos;
            advance();
            n.args = {negation()};
            n.unit = unit_inference::dimensionless();
            return make(std::move(n));
        }
        return comparison();
    }
    std::uint32_t comparison() {
        std::uint32_t a = additive();
        for (;;) {
            op k;
            switch (cur.kind) {
                case tok::eq: k = op::eq; break;
                case tok::ne: k = op::ne; break;
                case tok::lt: k = op::lt; break;
                case tok::le: k = op::le; break;
                case tok::gt: k = op::gt; break;
                case tok::ge: k = op::ge; break;
                default: return a;
            }
            const std::size_t pos = cur.pos;
            advance();
            a = binary(k, a, additive(), pos);
        }
    }
    std::uint32_t additive() {
        std::uint32_t a = multiplicative();
        while (cur.kind == tok::plus || cur.kind == tok::minus) {
            const op k = cur.kind == tok::plus ? op::add : op::sub;
            const std::size_t pos = cur.pos;
            advance();
            a = binary(k, a, multiplicative(), pos);
        }
        return a;
    }
    std::uint32_t multiplicative() {
        std::uint32_t a = unary();
        while (cur.kind == tok::star || cur.kind == tok::slash) {
            const op k = cur.kind == tok::star ? op::mul : op::div;
            const std::size_t pos = cur.pos;
            advance();
            a = binary(k, a, unary(), pos);
        }
        return a;
    }
    std::uint32_t unary() {
        if (cur.kind == tok::minus || cur.kind == tok::plus) {
            depth_guard g(*this, cur.pos);
            const bool minus = cur.kind == tok::minus;
            const std::size_t pos = cur.pos;
            advance();
            const std::uint32_t a = unary();
            if (!minus) return a;
            if (at(a).literal) {
                node n = at(a);
                n.value = -n.value;
                n.pos = pos;
                return make(std::move(n));
            }
            node n;
            n.kind = op::neg;
            n.pos = pos;
            n.args = {a};
            n.unit = at(a).unit;
            return make(std::move(n));
        }
        return power();
    }
    std::uint32_t power() {
        const std::uint32_t base = primary();
        if (cur.kind == tok::caret) {
            depth_guard g(*this, cur.pos);
            const std::size_t pos = cur.pos;
            advance();
            return binary(op::pow, base, unary(),
                          pos);  // right-associative, binds tighter than unary minus on its left
        }
        return base;
    }
    std::uint32_t primary() {
        depth_guard g(*this, cur.pos);
        if (cur.kind == tok::number) {
            node n;
            n.kind = op::constant;
            n.value = cur.number;
            n.pos = cur.pos;
            n.literal = true;
            advance();
            return make(std::move(n));
        }
        if (cur.kind == tok::lparen) {
            advance();
            const std::uint32_t inner = expr();
            expect(tok::rparen, "')'");
            return inner;
        }
        if (cur.kind == tok::ident) {
            const token name = cur;
            advance();
            if (cur.kind == tok::lparen) return call(name);
            return variable(name);
        }
        if (cur.kind == tok::end) fail(cur.pos, "the formula ends where an operand is expected", "an operand");
        fail(cur.pos, "expected an operand (a number, a variable, a function call or '(')", "an operand");
    }
    std::uint32_t variable(const token& name) {
        static const char* keywords[] = {"and", "or", "not"};
        for (const char* k : keywords)
            if (kinerja::detail::iequals(name.text, k))
                fail(name.pos, "'" + name.text + "' needs operands", "an operand");
        node n;
        n.kind = op::variable;
        n.name = name.text;
        n.pos = name.pos;
        if (cur.kind == tok::lbracket) {
            advance();
            for (;;) {
                if (cur.kind != tok::ident)
                    fail(cur.pos, "a filter names a dimension, e.g. sex=\"P\" or kecamatan", "a dimension name");
                filter f{cur.text, std::nullopt};
                advance();
                if (cur.kind == tok::eq) {
                    advance();
                    if (cur.kind == tok::string || cur.kind == tok::ident)
                        f.value = cur.text;
                    else if (cur.kind == tok::number)
                        f.value = std::string(lex.src.substr(cur.pos, cur.len));
                    else
                        fail(cur.pos, "a filter value is a quoted text, a name or a number", "a value");
                    advance();
                }
                n.filters.push_back(std::move(f));
                if (accept(tok::comma)) continue;
                expect(tok::rbracket, "']'");
                break;
            }
        }
        n.unit = unit_inference::of_variable(n.name, units, registry);
        if (std::find(prog.variables.begin(), prog.variables.end(), n.name) == prog.variables.end())
            prog.variables.push_back(n.name);
        return make(std::move(n));
    }
    std::uint32_t call(const token& name) {
        const std::size_t pos = name.pos;
        advance();  // (
        std::vector<std::uint32_t> args;
        if (cur.kind != tok::rparen) {
            for (;;) {
                args.push_back(expr());
                if (accept(tok::comma)) continue;
                break;
            }
        }
        expect(tok::rparen, "')' or ','");
        const function_info* fn = nullptr;
        for (const auto& f : functions)
            if (kinerja::detail::iequals(name.text, f.name)) fn = &f;
        for (std::uint32_t k = 0; !fn && k < index_function_count; ++k) {
            const index_function& ix = index_functions[k];
            if (!kinerja::detail::iequals(name.text, ix.name)) continue;
            const int n_args = static_cast<int>(args.size());
            if (n_args < ix.min_args || n_args > ix.max_args)
                fail(pos,
                     std::string(ix.name) + "() takes " + std::to_string(ix.min_args) +
                         (ix.max_args != ix.min_args ? " or " + std::to_string(ix.max_args) : std::string()) +
                         " arguments, got " + std::to_string(n_args),
                     "the right number of arguments", "kinerja.formula.arity");
            node n;
            n.kind = op::index_fn;
            n.pos = pos;
            n.args = args;
            n.index = k;
            n.unit = infer().of_call(op::index_fn, ix.name, args);
            return make(std::move(n));
        }
        if (!fn) {
            std::string known;
            for (const auto& f : functions) known += (known.empty() ? "" : ", ") + std::string(f.name);
            for (std::size_t k = 0; k < index_function_count; ++k) known += ", " + std::string(index_functions[k].name);
            fail(pos, "unknown function '" + name.text + "' (functions: " + known + ")", "a known function",
                 "kinerja.formula.unknown_function");
        }
        const int n_args = static_cast<int>(args.size());
        if (n_args < fn->min_args || (fn->max_args >= 0 && n_args > fn->max_args))
            fail(pos,
                 std::string(fn->name) + "() takes " +
                     (fn->max_args < 0 ? "at least " + std::to_string(fn->min_args)
                      : fn->min_args == fn->max_args
                          ? std::to_string(fn->min_args)
                          : std::to_string(fn->min_args) + " or " + std::to_string(fn->max_args)) +
                     " argument" + (fn->min_args == 1 && fn->max_args == 1 ? "" : "s") + ", got " +
                     std::to_string(n_args),
                 "the right number of arguments", "kinerja.formula.arity");
        node n;
        n.kind = fn->kind;
        n.pos = pos;
        // min(x) / max(x) of one disaggregated variable are aggregates
        const bool single_var = n_args == 1 && at(args[0]).kind == op::variable;
        if ((fn->kind == op::min2 || fn->kind == op::max2) && single_var)
            n.kind = fn->kind == op::min2 ? op::agg_min : op::agg_max;
        const bool aggregate = n.kind == op::agg_sum || n.kind == op::agg_mean || n.kind == op::agg_min ||
                               n.kind == op::agg_max || n.kind == op::agg_count;
        if ((aggregate || n.kind == op::previous || n.kind == op::ytd) && !single_var)
            fail(at(args[0]).pos, std::string(fn->name) + "() takes a variable (with an optional [filter])",
                 "a variable");
        if ((n.kind == op::min2 || n.kind == op::max2) && n_args == 1)
            fail(pos, std::string(fn->name) + "() of one value is that value", "two or more arguments",
                 "kinerja.formula.arity");
        if (n.kind == op::round && n_args == 2) {
            if (!at(args[1]).literal)
                fail(at(args[1]).pos, "round()'s number of decimals is a number written in the formula", "a number");
            if (at(args[1]).value < 0 || at(args[1]).value > 12 || at(args[1]).value != std::floor(at(args[1]).value))
                fail(at(args[1]).pos, "round() takes 0 to 12 decimals", "a whole number from 0 to 12");
        }
        n.unit = infer().of_call(n.kind, fn->name, args);
        n.args = std::move(args);
        return make(std::move(n));
    }
};

}  // namespace

std::uint32_t parse(std::string_view text, program& p, const std::map<std::string, std::string>& units,
                    const unit_registry& registry) {
    parser ps(text, p, units, registry);
    return ps.parse();
}

}  // namespace detail
}  // namespace kinerja
