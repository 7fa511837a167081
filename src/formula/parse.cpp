// SPDX-License-Identifier: Apache-2.0
// Formula text -> syntax tree: the lexer, the recursive-descent parser and, node by node, unit
// inference (program.hpp lists the stages).
#include "program.hpp"

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

// ============================================================================ lexer

enum class tok : std::uint8_t {
    number,
    ident,
    string,
    lparen,
    rparen,
    lbracket,
    rbracket,
    comma,
    plus,
    minus,
    star,
    slash,
    caret,
    eq,
    ne,
    lt,
    le,
    gt,
    ge,
    end
};

struct token {
    tok kind;
    std::size_t pos;
    std::size_t len;
    double number = 0.0;
    std::string text;
};

struct lexer {
    std::string_view src;
    std::size_t i = 0;

    [[noreturn]] void fail(std::size_t pos, const std::string& why, const std::string& expected = "",
                           const char* id = "kinerja.formula.syntax") const {
        throw formula_error(id, std::string(src), pos, why, expected);
    }

    token next() {
        while (i < src.size() && kinerja::detail::is_space(src[i])) ++i;
        token t{tok::end, i, 0, 0.0, {}};
        if (i >= src.size()) return t;
        const char c = src[i];
        auto single = [&](tok k) {
            t.kind = k;
            t.len = 1;
            ++i;
            return t;
        };
        if (kinerja::detail::is_digit(c) || (c == '.' && i + 1 < src.size() && kinerja::detail::is_digit(src[i + 1])))
            return number();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t b = i;
            while (i < src.size() && (std::isalnum(static_cast<unsigned char>(src[i])) || src[i] == '_')) ++i;
            t.kind = tok::ident;
            t.text = std::string(src.substr(b, i - b));
            t.len = i - b;
            return t;
        }
        if (c == '"' || c == '\'') {
            const std::size_t b = i++;
            while (i < src.size() && src[i] != c) ++i;
            if (i >= src.size()) fail(b, "the string is not closed", std::string("a closing ") + c);
            t.kind = tok::string;
            t.text = std::string(src.substr(b + 1, i - b - 1));
            ++i;
            t.len = i - b;
            return t;
        }
        switch (c) {
            case '(': return single(tok::lparen);
            case ')': return single(tok::rparen);
            case '[': return single(tok::lbracket);
            case ']': return single(tok::rbracket);
            case ',': return single(tok::comma);
            case '+': return single(tok::plus);
            case '-': return single(tok::minus);
            case '*': return single(tok::star);
            case '/': return single(tok::slash);
            case '^': return single(tok::caret);
            case '=':
                t.kind = tok::eq;
                t.len = (i + 1 < src.size() && src[i + 1] == '=') ? 2 : 1;
                i += t.len;
                return t;
            case '!':
                if (i + 1 < src.size() && src[i + 1] == '=') {
                    t.kind = tok::ne;
                    t.len = 2;
                    i += 2;
                    return t;
                }
                fail(i, "'!' is not an operator; write != or not", "an operator");
            case '<':
                if (i + 1 < src.size() && (src[i + 1] == '=' || src[i + 1] == '>')) {
                    t.kind = src[i + 1] == '=' ? tok::le : tok::ne;
                    t.len = 2;
                    i += 2;
                    return t;
                }
                return single(tok::lt);
            case '>':
                if (i + 1 < src.size() && src[i + 1] == '=') {
                    t.kind = tok::ge;
                    t.len = 2;
                    i += 2;
                    return t;
                }
                return single(tok::gt);
            default: break;
        }
        const unsigned char u = static_cast<unsigned char>(c);
        std::size_t len = 1;  // a UTF-8 sequence is quoted whole, never as a lone byte
        if (u >= 0xF0)
            len = 4;
        else if (u >= 0xE0)
            len = 3;
        else if (u >= 0xC0)
            len = 2;
        std::string shown(src.substr(i, std::min(len, src.size() - i)));
        bool valid = u < 0x80 || (u >= 0xC0 && shown.size() == len);
        for (std::size_t k = 1; valid && k < shown.size(); ++k)
            valid = (static_cast<unsigned char>(shown[k]) & 0xC0) == 0x80;
        if (!valid) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", u);
            shown = buf;
        }
        fail(i, "unexpected character '" + shown + "'", "an operand or an operator");
    }

    token number() {
        const std::size_t b = i;
        std::string digits;
        std::size_t int_digits = 0, frac_digits = 0;
        bool dot = false, underscore = false;
        while (i < src.size()) {
            const char c = src[i];
            if (kinerja::detail::is_digit(c)) {
                digits.push_back(c);
                (dot ? frac_digits : int_digits)++;
            } else if (c == '_') {
                if (i + 1 >= src.size() || !kinerja::detail::is_digit(src[i + 1]) || digits.empty() ||
                    !kinerja::detail::is_digit(src[i - 1]))
                    fail(i, "'_' separates digits and must stand between two digits", "a digit");
                underscore = true;
            } else if (c == '.' && !dot) {
                dot = true;
                digits.push_back('.');
            } else {
                break;
            }
            ++i;
        }
        if (i < src.size() && (src[i] == 'e' || src[i] == 'E')) {
            std::size_t j = i + 1;
            if (j < src.size() && (src[j] == '+' || src[j] == '-')) ++j;
            if (j < src.size() && kinerja::detail::is_digit(src[j])) {
                digits.push_back('e');
                digits.append(src.substr(i + 1, j - i - 1));
                i = j;
                while (i < src.size() && kinerja::detail::is_digit(src[i])) digits.push_back(src[i++]);
            }
        }
        if (dot && frac_digits == 0)
            fail(i - 1, "a number cannot end with '.'", "a digit after '.'", "kinerja.formula.literal");
        // 100.000 or 1.500: thousands to an Indonesian reader, a decimal fraction to an English one
        if (dot && !underscore && frac_digits == 3 && int_digits >= 1 && int_digits <= 3 && src[b] != '0' &&
            digits.find('e') == std::string::npos) {
            const std::string lit(src.substr(b, i - b));
            fail(b,
                 "the literal " + lit + " would be read as thousands by an Indonesian reader (" +
                     lit.substr(0, int_digits) + " thousand) and as a decimal by an English one; write " +
                     lit.substr(0, int_digits) + "_" + lit.substr(int_digits + 1) + " for the thousands or " + lit +
                     "0 for the decimal",
                 "an unambiguous number", "kinerja.formula.literal");
        }
        token t{tok::number, b, i - b, 0.0, {}};
        auto res = std::from_chars(digits.data(), digits.data() + digits.size(), t.number);
        if (res.ec != std::errc() || !std::isfinite(t.number))
            fail(b, "the number is out of range", "a finite number", "kinerja.formula.literal");
        return t;
    }
};

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

    // ---------------------------------------------------------------- units
    static formula_unit unknown() { return formula_unit{}; }
    static formula_unit dimensionless(double factor = 1.0) {
        formula_unit u;
        u.known = true;
        u.factor = factor;
        return u;
    }
    const node& at(std::uint32_t i) const { return prog.nodes[i]; }

    void same_unit(std::uint32_t a, std::uint32_t b, std::size_t pos, const char* what) {
        const formula_unit& ua = at(a).unit;
        const formula_unit& ub = at(b).unit;
        if (!ua.known || !ub.known) return;
        // The scale matters for dimensionless quantities (a percent is not a rate per 100,000);
        // an amount of money or people times a number is still money or people (0.5 * pagu).
        const bool scale_differs =
            ua.dimension.dimensionless() && std::fabs(ua.factor - ub.factor) > 1e-12 * std::max(ua.factor, ub.factor);
        if (ua.dimension != ub.dimension || scale_differs)
            fail(pos, std::string("cannot ") + what + " " + ua.text() + " and " + ub.text() + " (units differ)",
                 "operands of the same unit", "kinerja.formula.unit");
    }
    formula_unit join(std::uint32_t a, std::uint32_t b) const { return at(a).unit.known ? at(a).unit : at(b).unit; }
    void dimensionless_arg(std::uint32_t a, std::size_t pos, const char* fn) {
        const formula_unit& u = at(a).unit;
        if (u.known && !u.dimension.dimensionless())
            fail(pos, std::string(fn) + "() needs a dimensionless argument, not " + u.text(), "a dimensionless value",
                 "kinerja.formula.unit");
    }

    std::uint32_t binary(op k, std::uint32_t a, std::uint32_t b, std::size_t pos) {
        node n;
        n.kind = k;
        n.args = {a, b};
        n.pos = pos;
        const formula_unit& ua = at(a).unit;
        const formula_unit& ub = at(b).unit;
        switch (k) {
            case op::add:
            case op::sub:
                same_unit(a, b, pos, k == op::add ? "add" : "subtract");
                n.unit = join(a, b);
                break;
            case op::mul:
            case op::div: {
                const bool a_lit = at(a).literal, b_lit = at(b).literal;
                if (a_lit && b_lit) {
                    n.unit = unknown();
                } else if (b_lit && ua.known) {  // x * 100: the value is 100 times the quantity
                    n.unit = ua;
                    n.unit.factor = k == op::mul ? ua.factor / at(b).value : ua.factor * at(b).value;
                } else if (a_lit && ub.known && k == op::mul) {
                    n.unit = ub;
                    n.unit.factor = ub.factor / at(a).value;
                } else if (ua.known && ub.known) {
                    n.unit.known = true;
                    const int s = k == op::mul ? 1 : -1;
                    n.unit.dimension = {
                        ua.dimension.money + s * ub.dimension.money, ua.dimension.person + s * ub.dimension.person,
                        ua.dimension.item + s * ub.dimension.item, ua.dimension.time + s * ub.dimension.time};
                    n.unit.factor = k == op::mul ? ua.factor * ub.factor : ua.factor / ub.factor;
                } else {
                    n.unit = unknown();
                }
                break;
            }
            case op::pow:
                dimensionless_arg(b, at(b).pos, "^ (the exponent)");
                if (ua.known && !ua.dimension.dimensionless())
                    fail(pos, "cannot raise " + ua.text() + " to a power", "a dimensionless base",
                         "kinerja.formula.unit");
                n.unit = ua.known ? dimensionless() : unknown();
                break;
            case op::eq:
            case op::ne:
            case op::lt:
            case op::le:
            case op::gt:
            case op::ge:
                same_unit(a, b, pos, "compare");
                n.unit = dimensionless();
                break;
            default: n.unit = dimensionless(); break;
        }
        if (at(a).literal && at(b).literal && k != op::pow) {  // fold constants
            n.literal = false;
        }
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
            n.unit = dimensionless();
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
        auto it = units.find(n.name);
        if (it != units.end() && !kinerja::detail::trim(it->second).empty()) {
            const unit_info* found = registry.find(it->second);
            if (!found) try {
                    (void)registry.get(it->second);  // the registry's own error, with its advice
                } catch (const lookup_error& e) {
                    std::string why = e.what();
                    const std::string prefix = "[" + e.id() + "] ";
                    if (why.compare(0, prefix.size(), prefix) == 0) why.erase(0, prefix.size());
                    throw lookup_error(e.id(), e.name(), "the unit of variable \"" + n.name + "\": " + why);
                }
            const unit_info& u = registry.get(it->second);
            n.unit.known = true;
            n.unit.dimension = u.dimension;
            n.unit.factor = u.factor;
        }
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
            n.unit = dimensionless();
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
        if ((fn->kind == op::min2 || fn->kind == op::max2 || fn->kind == op::greatest || fn->kind == op::least ||
             fn->kind == op::coalesce) &&
            !aggregate) {
            if (n_args == 1 && fn->kind != op::coalesce && fn->kind != op::greatest && fn->kind != op::least)
                fail(pos, std::string(fn->name) + "() of one value is that value", "two or more arguments",
                     "kinerja.formula.arity");
            for (int k = 1; k < n_args; ++k)
                same_unit(args[0], args[static_cast<std::size_t>(k)], at(args[static_cast<std::size_t>(k)]).pos,
                          "compare");
        }
        n.args = args;
        switch (n.kind) {
            case op::select:
                same_unit(args[1], args[2], at(args[2]).pos, "choose between");
                n.unit = join(args[1], args[2]);
                break;
            case op::isnull: n.unit = dimensionless(); break;
            case op::coalesce:
            case op::greatest:
            case op::least:
            case op::min2:
            case op::max2: {
                n.unit = unknown();
                for (auto a : args)
                    if (at(a).unit.known) n.unit = at(a).unit;
                break;
            }
            case op::abs:
            case op::floor:
            case op::ceil: n.unit = at(args[0]).unit; break;
            case op::round:
                if (n_args == 2 && !at(args[1]).literal)
                    fail(at(args[1]).pos, "round()'s number of decimals is a number written in the formula",
                         "a number");
                if (n_args == 2 && (at(args[1]).value < 0 || at(args[1]).value > 12 ||
                                    at(args[1]).value != std::floor(at(args[1]).value)))
                    fail(at(args[1]).pos, "round() takes 0 to 12 decimals", "a whole number from 0 to 12");
                n.unit = at(args[0]).unit;
                break;
            case op::sqrt:
                if (at(args[0]).unit.known && !at(args[0]).unit.dimension.dimensionless())
                    fail(at(args[0]).pos, "sqrt() needs a dimensionless argument, not " + at(args[0]).unit.text(),
                         "a dimensionless value", "kinerja.formula.unit");
                n.unit = at(args[0]).unit.known ? dimensionless() : unknown();
                break;
            case op::ln:
            case op::log10:
            case op::exp:
                dimensionless_arg(args[0], at(args[0]).pos, fn->name);
                n.unit = at(args[0]).unit.known ? dimensionless() : unknown();
                break;
            case op::agg_count: n.unit = dimensionless(); break;
            default: n.unit = at(args[0]).unit; break;  // aggregates, previous, ytd
        }
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
