// SPDX-License-Identifier: Apache-2.0
// The formula lexer (lex.hpp): identifiers, numbers (with the literal rules that keep 1.500
// from being read two ways), strings and operators.
#include "lex.hpp"

#include <kinerja/detail/text.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace kinerja {
namespace detail {

token lexer::next() {
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

token lexer::number() {
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

}  // namespace detail
}  // namespace kinerja
