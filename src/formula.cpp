// SPDX-License-Identifier: Apache-2.0
// The formula language: lexer, recursive-descent parser with unit inference, a compiled
// program of column operations evaluated block by block (in cache-sized blocks, optionally on
// several threads), and a scalar evaluator that also says why a result is missing.
#include <kinerja/formula.hpp>

#include <kinerja/detail/text.hpp>
#include <kinerja/indices.hpp>
#include <kinerja/rounding.hpp>

#include <algorithm>
#include <cfenv>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>
#include <system_error>
#include <thread>
#include <type_traits>

namespace kinerja {

std::string_view to_string(missing_reason r) noexcept {
    switch (r) {
        case missing_reason::none: return "none";
        case missing_reason::missing_input: return "missing input";
        case missing_reason::division_by_zero: return "division by zero";
        case missing_reason::domain: return "outside the function's domain";
        case missing_reason::not_finite: return "not finite";
        case missing_reason::no_previous: return "no previous period";
    }
    return "none";
}

std::string formula_unit::text() const {
    if (!known) return "?";
    if (dimension.dimensionless()) {
        if (!(factor > 0.0) || !std::isfinite(factor) || !std::isfinite(1.0 / factor)) return "?";  // x * 0, x / 1e-320
        auto near = [&](double f) { return std::fabs(factor - f) <= 1e-12 * f; };
        if (near(1.0)) return "1";
        if (near(0.01)) return "%";
        if (near(1e-3)) return "per 1.000";
        if (near(1e-4)) return "per 10.000";
        if (near(1e-5)) return "per 100.000";
        return "x" + format_number(1.0 / factor, convention::english, 6, false);
    }
    std::string num, den;
    auto put = [](std::string& s, const char* name, int e) {
        if (e == 0) return;
        if (!s.empty()) s += "*";
        s += name;
        if (std::abs(e) > 1) s += "^" + std::to_string(std::abs(e));
    };
    const std::pair<const char*, int> parts[] = {
        {"Rupiah", dimension.money}, {"Orang", dimension.person}, {"unit", dimension.item}, {"bulan", dimension.time}};
    for (auto [name, e] : parts) put(e > 0 ? num : den, name, e);
    return (num.empty() ? std::string("1") : num) + (den.empty() ? "" : "/" + den);
}

namespace detail {

// ============================================================================ syntax tree

enum class op : std::uint8_t {
    constant,
    variable,
    neg,
    add,
    sub,
    mul,
    div,
    pow,
    eq,
    ne,
    lt,
    le,
    gt,
    ge,
    and_,
    or_,
    not_,
    select,
    isnull,
    coalesce,
    greatest,
    least,
    min2,
    max2,
    abs,
    round,
    floor,
    ceil,
    sqrt,
    ln,
    log10,
    exp,
    agg_sum,
    agg_mean,
    agg_min,
    agg_max,
    agg_count,
    previous,
    ytd,
    index_fn
};

// The composite indices of indices.hpp, callable from formulas. Arguments are dimensionless
// numbers as the index expects them (docs/indices.md); invalid inputs give a missing result.
struct index_function {
    const char* name;
    int min_args;
    int max_args;
    double (*fn)(const double*, int);
};

const index_function index_functions[] = {
    {"hdi", 4, 4, [](const double* a, int) { return indices::hdi(a[0], a[1], a[2], a[3]); }},
    {"hdi_female", 4, 4, [](const double* a, int) { return indices::hdi_female(a[0], a[1], a[2], a[3]); }},
    {"hdi_male", 4, 4, [](const double* a, int) { return indices::hdi_male(a[0], a[1], a[2], a[3]); }},
    {"gdi", 8, 8, [](const double* a, int) { return indices::gdi(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]); }},
    {"gdi_group", 1, 1, [](const double* a, int) { return static_cast<double>(indices::gdi_group(a[0])); }},
    {"gii", 8, 8, [](const double* a, int) { return indices::gii(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]); }},
    {"gem_edep", 4, 5,
     [](const double* a, int n) { return indices::gem_edep(a[0], a[1], a[2], a[3], n > 4 ? a[4] : 2.0); }},
    {"ipm", 4, 4, [](const double* a, int) { return indices::ipm(a[0], a[1], a[2], a[3]); }},
    {"ipm_female", 4, 4, [](const double* a, int) { return indices::ipm_female(a[0], a[1], a[2], a[3]); }},
    {"ipm_male", 4, 4, [](const double* a, int) { return indices::ipm_male(a[0], a[1], a[2], a[3]); }},
    {"ipg", 2, 2, [](const double* a, int) { return indices::ipg(a[0], a[1]); }},
    {"ikg", 8, 8, [](const double* a, int) { return indices::ikg(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]); }},
};

// Calls an index function on one row; NaN inputs or invalid ones give NaN.
inline double call_index(std::uint32_t which, const double* args, int n) {
    for (int k = 0; k < n; ++k)  // a missing or infinite argument: missing (goalposts would cap inf)
        if (!std::isfinite(args[k])) return std::numeric_limits<double>::quiet_NaN();
    try {
        const double x = index_functions[which].fn(args, n);
        return std::isfinite(x) ? x : std::numeric_limits<double>::quiet_NaN();
    } catch (const kinerja::error&) {
        return std::numeric_limits<double>::quiet_NaN();
    }
}

struct filter {
    std::string dim;
    std::optional<std::string> value;  // empty: "has the dimension"
};

struct node {
    op kind = op::constant;
    double value = 0.0;
    std::string name;             // variable family
    std::vector<filter> filters;  // for variables
    std::vector<std::uint32_t> args;
    std::size_t pos = 0;
    formula_unit unit;  // known=false: polymorphic (literals, unitless variables)
    bool literal = false;
    std::uint32_t index = 0;  // which index function (op::index_fn)
    std::size_t depth = 1;    // height of the subtree, bounded to keep recursion shallow
};

// ============================================================================ program

struct slot {  // a reference to input columns, resolved at evaluation time
    std::string family;
    std::vector<filter> filters;
    bool many = false;          // aggregate: any number of columns
    op derived = op::constant;  // previous or ytd: a column computed before the blocks
};

struct operand {
    enum kind_t : std::uint8_t { none, reg, col, cst } kind = none;  // none: an operation's unused operand
    std::uint32_t index = 0;
};

struct instr {
    op kind;
    std::uint32_t dst;
    operand a, b, c;
    std::uint32_t slot = 0;  // aggregates
    // A fused second step: dst = then(kind(a, b), c) with c a constant, when the compiler found
    // an arithmetic operation whose only use is another one with a constant (x / y * 100).
    op then = op::constant;
    bool then_const_left = false;  // c then(...) instead of (...) then c
    std::vector<operand> more;     // index functions: all arguments
    std::uint32_t index = 0;
};

struct program {
    std::string text;
    std::vector<std::string> variables;
    formula_unit unit;
    formula_options options;
    std::vector<node> nodes;
    std::uint32_t root = 0;
    std::vector<slot> slots;
    std::vector<double> constants;
    std::vector<instr> code;
    std::uint32_t registers = 0;
    operand result;
};

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

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
        for (std::uint32_t k = 0; !fn && k < std::size(index_functions); ++k) {
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
            for (const auto& f : index_functions) known += ", " + std::string(f.name);
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

// ============================================================================ kernels

constexpr std::size_t block = 8192;

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

// A value that is a number: neither missing (NaN) nor infinite. An infinite input is not a number
// and counts as missing, as in the scalar evaluator: operations that would turn it into a finite
// result (1 / inf, inf > 0, least(inf, 3), exp(-inf)) give missing instead.
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

bool arithmetic(op k) { return k == op::add || k == op::sub || k == op::mul || k == op::div; }

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

inline double truth(bool b) { return b ? 1.0 : 0.0; }
inline double finite_or_nan(double x) { return std::isfinite(x) ? x : nan; }
inline double round_to(double x, double digits) {
    if (x != x || std::fabs(x) >= 4503599627370496.0) return x;  // beyond 2^52 every double is whole
    return rounding_rule{rounding::half_up, static_cast<int>(digits)}.apply(x);
}

// Infinity (overflow) becomes missing: never a silent infinity. Intermediate infinities reach the
// result as infinity or NaN, so the final operation's output is the only place to look.
inline void finite_pass(double* o, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) o[i] = std::isfinite(o[i]) ? o[i] : std::numeric_limits<double>::quiet_NaN();
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
            case op::neg: unary_kernel(o, a, as, n, [](double x) { return -x; }); break;
            case op::pow:
                binary_kernel(o, a, as, b, bs, n, [](double x, double y) {
                    return (!present(x) || !present(y)) ? nan : finite_or_nan(std::pow(x, y));
                });
                break;
            case op::eq:
                binary_kernel(o, a, as, b, bs, n,
                              [](double x, double y) { return (!present(x) || !present(y)) ? nan : truth(x == y); });
                break;
            case op::ne:
                binary_kernel(o, a, as, b, bs, n,
                              [](double x, double y) { return (!present(x) || !present(y)) ? nan : truth(x != y); });
                break;
            case op::lt:
                binary_kernel(o, a, as, b, bs, n,
                              [](double x, double y) { return (!present(x) || !present(y)) ? nan : truth(x < y); });
                break;
            case op::le:
                binary_kernel(o, a, as, b, bs, n,
                              [](double x, double y) { return (!present(x) || !present(y)) ? nan : truth(x <= y); });
                break;
            case op::gt:
                binary_kernel(o, a, as, b, bs, n,
                              [](double x, double y) { return (!present(x) || !present(y)) ? nan : truth(x > y); });
                break;
            case op::ge:
                binary_kernel(o, a, as, b, bs, n,
                              [](double x, double y) { return (!present(x) || !present(y)) ? nan : truth(x >= y); });
                break;
            case op::and_:
                binary_kernel(o, a, as, b, bs, n, [](double x, double y) {
                    if (x == 0.0 || y == 0.0) return 0.0;  // false and missing is false
                    return (!present(x) || !present(y)) ? nan : 1.0;
                });
                break;
            case op::or_:
                binary_kernel(o, a, as, b, bs, n, [](double x, double y) {
                    if ((present(x) && x != 0.0) || (present(y) && y != 0.0)) return 1.0;  // true or missing is true
                    return (!present(x) || !present(y)) ? nan : 0.0;
                });
                break;
            case op::not_:
                unary_kernel(o, a, as, n, [](double x) { return !present(x) ? nan : truth(x == 0.0); });
                break;
            case op::select: {
                const double* c = f.ptr(in.c, cs);
                for (std::size_t i = 0; i < n; ++i) {
                    const double cond = a ? a[i] : as;
                    o[i] = !present(cond) ? nan : (cond != 0.0 ? (b ? b[i] : bs) : (c ? c[i] : cs));
                }
                break;
            }
            case op::isnull: unary_kernel(o, a, as, n, [](double x) { return truth(!present(x)); }); break;
            case op::coalesce:
                binary_kernel(o, a, as, b, bs, n, [](double x, double y) { return present(x) ? x : y; });
                break;
            case op::greatest:
                binary_kernel(o, a, as, b, bs, n, [](double x, double y) { return greatest_f{}(x, y); });
                break;
            case op::least:
                binary_kernel(o, a, as, b, bs, n, [](double x, double y) { return least_f{}(x, y); });
                break;
            case op::max2:
                binary_kernel(o, a, as, b, bs, n,
                              [](double x, double y) { return (!present(x) || !present(y)) ? nan : std::max(x, y); });
                break;
            case op::min2:
                binary_kernel(o, a, as, b, bs, n,
                              [](double x, double y) { return (!present(x) || !present(y)) ? nan : std::min(x, y); });
                break;
            case op::abs: unary_kernel(o, a, as, n, [](double x) { return std::fabs(x); }); break;
            case op::round: {
                const double d = bs;
                unary_kernel(o, a, as, n, [d](double x) { return round_to(x, d); });
                break;
            }
            case op::floor: unary_kernel(o, a, as, n, [](double x) { return std::floor(x); }); break;
            case op::ceil: unary_kernel(o, a, as, n, [](double x) { return std::ceil(x); }); break;
            case op::sqrt: unary_kernel(o, a, as, n, [](double x) { return x >= 0.0 ? std::sqrt(x) : nan; }); break;
            case op::ln: unary_kernel(o, a, as, n, [](double x) { return x > 0.0 ? std::log(x) : nan; }); break;
            case op::log10: unary_kernel(o, a, as, n, [](double x) { return x > 0.0 ? std::log10(x) : nan; }); break;
            case op::exp:
                unary_kernel(o, a, as, n, [](double x) { return present(x) ? finite_or_nan(std::exp(x)) : nan; });
                break;
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

// ============================================================================ binding columns to slots

struct column_name {
    std::string family;
    std::vector<std::pair<std::string, std::string>> labels;
};

column_name split_column(const std::string& name) {
    column_name c;
    const std::size_t open = name.find('[');
    if (open == std::string::npos || name.back() != ']') {
        c.family = std::string(kinerja::detail::trim(name));
        return c;
    }
    c.family = std::string(kinerja::detail::trim(std::string_view(name).substr(0, open)));
    std::string_view inside = std::string_view(name).substr(open + 1, name.size() - open - 2);
    while (!inside.empty()) {
        const std::size_t comma = inside.find(',');
        std::string_view part = inside.substr(0, comma);
        const std::size_t eq = part.find('=');
        std::string key(kinerja::detail::trim(part.substr(0, eq)));
        std::string val =
            eq == std::string_view::npos ? std::string() : std::string(kinerja::detail::trim(part.substr(eq + 1)));
        if (val.size() >= 2 && (val.front() == '"' || val.front() == '\'') && val.back() == val.front())
            val = val.substr(1, val.size() - 2);
        c.labels.emplace_back(std::move(key), std::move(val));
        if (comma == std::string_view::npos) break;
        inside.remove_prefix(comma + 1);
    }
    return c;
}

bool matches(const column_name& c, const slot& s) {
    if (c.family != s.family) return false;
    for (const filter& f : s.filters) {
        auto it = std::find_if(c.labels.begin(), c.labels.end(), [&](const auto& l) { return l.first == f.dim; });
        if (it == c.labels.end()) return false;
        if (f.value && it->second != *f.value) return false;
    }
    return true;
}

std::string describe(const slot& s) {
    std::string out = s.family;
    if (!s.filters.empty()) {
        out += "[";
        for (std::size_t i = 0; i < s.filters.size(); ++i)
            out += (i ? "," : "") + s.filters[i].dim + (s.filters[i].value ? "=\"" + *s.filters[i].value + "\"" : "");
        out += "]";
    }
    return out;
}

// Throws kinerja.argument.formula_data naming every variable of `p` that none of `names` matches:
// one check, one message, for columns and for scalars (a variable absent from the data is an
// error; a variable present with a missing value is missing data).
void require_variables(const program& p, const std::vector<column_name>& names) {
    std::vector<std::string> absent;
    for (const slot& s : p.slots) {
        if (std::any_of(names.begin(), names.end(), [&](const column_name& c) { return matches(c, s); })) continue;
        const std::string d = describe(s);
        if (std::find(absent.begin(), absent.end(), d) == absent.end()) absent.push_back(d);
    }
    if (absent.empty()) return;
    std::string list;
    for (std::size_t i = 0; i < absent.size(); ++i)
        list += (i == 0 ? "" : i + 1 == absent.size() ? " and " : ", ") + absent[i];
    throw argument_error("kinerja.argument.formula_data",
                         "formula \"" + p.text + "\" needs " + list + ", which the data does not have");
}

struct bound {
    std::vector<const double*> single;
    std::vector<std::vector<const double*>> many;
    std::vector<std::vector<double>> derived;  // previous()/ytd() columns
};

bound bind(const program& p, const formula_columns& cols) {
    const bool zero = p.options.missing == missing_strategy::zero;
    std::vector<column_name> names;
    names.reserve(cols.columns.size());
    for (const auto& c : cols.columns) names.push_back(split_column(c.first));
    require_variables(p, names);
    bound b;
    b.single.assign(p.slots.size(), nullptr);
    b.many.assign(p.slots.size(), {});
    b.derived.resize(p.slots.size());
    for (std::size_t i = 0; i < p.slots.size(); ++i) {
        const slot& s = p.slots[i];
        std::vector<const double*> found;
        for (std::size_t k = 0; k < names.size(); ++k)
            if (matches(names[k], s)) found.push_back(cols.columns[k].second);
        if (found.empty())
            throw argument_error("kinerja.argument.formula_data",
                                 "formula \"" + p.text + "\" needs " + describe(s) + ", which the data does not have");
        if (s.many) {
            b.many[i] = found;
            continue;
        }
        if (found.size() > 1)
            throw argument_error("kinerja.argument.formula_data",
                                 "variable " + describe(s) + " of formula \"" + p.text + "\" matches " +
                                     std::to_string(found.size()) +
                                     " columns; aggregate it (sum, mean, min, max, count) or filter it to one");
        b.single[i] = found.front();
        if (s.derived == op::previous || s.derived == op::ytd) {
            std::vector<double>& d = b.derived[i];
            d.assign(cols.rows, nan);
            const double* x = found.front();
            double running = 0.0;
            for (std::size_t r = 0; r < cols.rows; ++r) {
                const bool new_group = r == 0 || (cols.group && cols.group[r] != cols.group[r - 1]);
                const bool new_year = new_group || (cols.year && cols.year[r] != cols.year[r - 1]);
                if (s.derived == op::previous) {
                    d[r] = new_group ? nan : (zero && x[r - 1] != x[r - 1] ? 0.0 : x[r - 1]);
                } else {
                    if (new_year) running = 0.0;
                    // a missing month makes the rest of the year missing, unless missing counts as 0
                    running += (zero && x[r] != x[r]) ? 0.0 : x[r];
                    d[r] = running;
                }
            }
            b.single[i] = d.data();
        }
    }
    return b;
}

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

// ============================================================================ scalar evaluation with reasons

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
    double eval(std::uint32_t i) {
        const node& n = p.nodes[i];
        auto arg = [&](std::size_t k) { return eval(n.args[k]); };
        auto check = [&](double x) { return std::isfinite(x) ? x : miss(missing_reason::not_finite); };
        switch (n.kind) {
            case op::constant: return n.value;
            case op::variable: return var(n, op::constant);
            case op::previous:
            case op::ytd: return var(p.nodes[n.args[0]], n.kind);
            case op::neg: return -arg(0);
            case op::add: {
                const double a = arg(0), b = arg(1);
                return check(a + b);
            }
            case op::sub: {
                const double a = arg(0), b = arg(1);
                return check(a - b);
            }
            case op::mul: {
                const double a = arg(0), b = arg(1);
                return check(a * b);
            }
            case op::div: {
                const double a = arg(0), b = arg(1);
                if (a != a || b != b) return nan;
                return b == 0.0 ? miss(missing_reason::division_by_zero) : check(a / b);
            }
            case op::pow: {
                const double a = arg(0), b = arg(1);
                if (a != a || b != b) return nan;
                const double x = std::pow(a, b);
                return x != x ? miss(missing_reason::domain) : check(x);
            }
            case op::eq:
            case op::ne:
            case op::lt:
            case op::le:
            case op::gt:
            case op::ge: {
                const double a = arg(0), b = arg(1);
                if (a != a || b != b) return nan;
                switch (n.kind) {
                    case op::eq: return truth(a == b);
                    case op::ne: return truth(a != b);
                    case op::lt: return truth(a < b);
                    case op::le: return truth(a <= b);
                    case op::gt: return truth(a > b);
                    default: return truth(a >= b);
                }
            }
            case op::and_: {
                const missing_reason before = reason;
                const double a = arg(0), b = arg(1);
                if ((a == a && a == 0.0) || (b == b && b == 0.0)) {
                    reason = before;
                    return 0.0;
                }
                return (a != a || b != b) ? nan : 1.0;
            }
            case op::or_: {
                const missing_reason before = reason;
                const double a = arg(0), b = arg(1);
                if ((a == a && a != 0.0) || (b == b && b != 0.0)) {
                    reason = before;
                    return 1.0;
                }
                return (a != a || b != b) ? nan : 0.0;
            }
            case op::not_: {
                const double a = arg(0);
                return a != a ? nan : truth(a == 0.0);
            }
            case op::select: {
                const double c = arg(0);
                if (c != c) return nan;
                return c != 0.0 ? arg(1) : arg(2);
            }
            case op::isnull: {
                const missing_reason before = reason;
                const double a = arg(0);
                reason = before;
                return truth(a != a);
            }
            case op::coalesce: {
                const missing_reason before = reason;
                for (std::size_t k = 0; k < n.args.size(); ++k) {
                    const double a = arg(k);
                    if (a == a) {
                        reason = before;
                        return a;
                    }
                }
                return nan;
            }
            case op::greatest:
            case op::least: {
                const missing_reason before = reason;
                double acc = nan;
                for (std::size_t k = 0; k < n.args.size(); ++k) {
                    const double a = arg(k);
                    if (a != a) continue;
                    acc = acc != acc ? a : (n.kind == op::greatest ? std::max(acc, a) : std::min(acc, a));
                }
                if (acc == acc) reason = before;
                return acc;
            }
            case op::min2:
            case op::max2: {
                double acc = arg(0);
                for (std::size_t k = 1; k < n.args.size(); ++k) {
                    const double a = arg(k);
                    if (acc != acc || a != a) {
                        acc = nan;
                        continue;
                    }
                    acc = n.kind == op::max2 ? std::max(acc, a) : std::min(acc, a);
                }
                return acc;
            }
            case op::abs: return std::fabs(arg(0));
            case op::round: return round_to(arg(0), n.args.size() == 2 ? p.nodes[n.args[1]].value : 0.0);
            case op::floor: return std::floor(arg(0));
            case op::ceil: return std::ceil(arg(0));
            case op::sqrt: {
                const double a = arg(0);
                return a != a ? nan : a >= 0.0 ? std::sqrt(a) : miss(missing_reason::domain);
            }
            case op::ln: {
                const double a = arg(0);
                return a != a ? nan : a > 0.0 ? std::log(a) : miss(missing_reason::domain);
            }
            case op::log10: {
                const double a = arg(0);
                return a != a ? nan : a > 0.0 ? std::log10(a) : miss(missing_reason::domain);
            }
            case op::exp: {
                const double a = arg(0);
                return a != a ? nan : check(std::exp(a));
            }
            case op::index_fn: {
                double args[8];
                bool missing = false;
                for (std::size_t k = 0; k < n.args.size(); ++k) {
                    args[k] = arg(k);
                    missing = missing || args[k] != args[k];
                }
                if (missing) return nan;
                const double x = call_index(n.index, args, static_cast<int>(n.args.size()));
                return x != x ? miss(missing_reason::domain) : x;
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
                return x != x ? miss(missing_reason::missing_input) : x;
            }
            default: return nan;
        }
    }
};

}  // namespace
}  // namespace detail

// ============================================================================ public API

formula formula::compile(std::string_view text, const std::map<std::string, std::string>& units,
                         const formula_options& options) {
    return compile(text, units, options, default_units());
}

formula formula::compile(std::string_view text, const std::map<std::string, std::string>& units,
                         const formula_options& options, const unit_registry& registry) {
    auto p = std::make_shared<detail::program>();
    p->text = std::string(text);
    p->options = options;
    detail::parser parser(text, *p, units, registry);
    p->root = parser.parse();
    p->unit = p->nodes[p->root].unit;
    for (const auto& [name, unit] : units)
        if (std::find(p->variables.begin(), p->variables.end(), name) == p->variables.end()) {
            (void)unit;  // a unit for a variable the formula does not use is allowed (shared unit maps)
        }
    detail::codegen gen{*p};
    p->result = gen.gen(p->root);
    p->registers = gen.next_reg;
    detail::fuse(*p);
    detail::allocate_registers(*p);
    formula f;
    f.program_ = std::move(p);
    return f;
}

const std::string& formula::text() const noexcept { return program_->text; }
const std::vector<std::string>& formula::variables() const noexcept { return program_->variables; }
const formula_unit& formula::unit() const noexcept { return program_->unit; }
const formula_options& formula::options() const noexcept { return program_->options; }

formula_result formula::evaluate(const std::map<std::string, double>& values) const {
    std::vector<detail::column_name> names;
    names.reserve(values.size());
    for (const auto& kv : values) names.push_back(detail::split_column(kv.first));
    detail::require_variables(*program_, names);
    detail::scalar_eval e{*program_, &values, nullptr, nullptr, 0, missing_reason::none};
    const double x = e.eval(program_->root);
    formula_result r;
    if (x == x && std::isfinite(x)) {
        r.value = x;
    } else {
        r.reason = e.reason == missing_reason::none ? missing_reason::missing_input : e.reason;
    }
    return r;
}

void formula::evaluate(const formula_columns& columns, double* out, const eval_options& options) const {
    const detail::bound b = detail::bind(*program_, columns);
    const std::size_t n = columns.rows;
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t min_rows = std::max<std::size_t>(options.min_rows_per_thread, 1);
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / min_rows)));
    if (threads <= 1) {
        detail::evaluate_rows(*program_, b, out, 0, n);
        return;
    }
    // Parts of whole blocks; the calling thread evaluates the last part itself, as a loop written
    // by hand would (one thread fewer to start and wait for). Only std::bad_alloc can escape a
    // part: it is rethrown here once every thread has finished. A thread that cannot be started
    // leaves its part to the calling thread.
    const std::size_t chunk = (n / threads + detail::block) / detail::block * detail::block;
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    for (unsigned t = 0; t < threads; ++t) {
        const std::size_t from = std::min(n, t * chunk);
        const std::size_t to = t + 1 == threads ? n : std::min(n, from + chunk);
        if (from < to) parts.emplace_back(from, to);
    }
    std::vector<std::exception_ptr> errors(parts.size());
    auto work = [&](std::size_t k) {
        try {
            detail::evaluate_rows(*program_, b, out, parts[k].first, parts[k].second);
        } catch (...) {
            errors[k] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(parts.size());
    std::vector<std::size_t> here{parts.size() - 1};
    for (std::size_t k = 0; k + 1 < parts.size(); ++k) {
        try {
            pool.emplace_back(work, k);
        } catch (const std::system_error&) {
            here.push_back(k);
        }
    }
    for (std::size_t k : here) work(k);
    for (auto& th : pool) th.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

std::vector<missing_reason> formula::diagnose(const formula_columns& columns) const {
    const detail::bound b = detail::bind(*program_, columns);
    std::vector<double> out(columns.rows);
    detail::evaluate_rows(*program_, b, out.data(), 0, columns.rows);
    std::vector<missing_reason> reasons(columns.rows, missing_reason::none);
    for (std::size_t r = 0; r < columns.rows; ++r) {
        if (out[r] == out[r]) continue;
        detail::scalar_eval e{*program_, nullptr, &columns, &b, r, missing_reason::none};
        (void)e.eval(program_->root);
        reasons[r] = e.reason == missing_reason::none ? missing_reason::missing_input : e.reason;
    }
    return reasons;
}

}  // namespace kinerja
