// SPDX-License-Identifier: Apache-2.0
// The formula lexer: formula text -> tokens (the first stage of program.hpp's list). Private to
// src/formula.
#ifndef KINERJA_SRC_FORMULA_LEX_HPP
#define KINERJA_SRC_FORMULA_LEX_HPP

#include <kinerja/formula.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kinerja {
namespace detail {

// The kinds of token.
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

// A token: its kind, where it stands in the text (pos, len), and its number or text.
struct token {
    tok kind;
    std::size_t pos;
    std::size_t len;
    double number = 0.0;
    std::string text;
};

// Reads tokens from `src` one at a time; throws formula_error at the first character that
// cannot start one (with its position).
struct lexer {
    std::string_view src;
    std::size_t i = 0;

    [[noreturn]] void fail(std::size_t pos, const std::string& why, const std::string& expected = "",
                           const char* id = "kinerja.formula.syntax") const {
        throw formula_error(id, std::string(src), pos, why, expected);
    }

    // The next token (tok::end at the end of the text, again at every later call).
    token next();

private:
    token number();
};

}  // namespace detail
}  // namespace kinerja

#endif
