// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private helpers for text handling. Not part of the public API.

#include <cctype>
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

namespace kinerja::detail {

inline bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

inline bool is_ascii_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

inline char lower_ascii(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

/// Offset of the first non-space character (text.size() if none).
inline std::size_t skip_space(std::string_view text, std::size_t from = 0) noexcept {
    while (from < text.size() && is_space(text[from])) ++from;
    return from;
}

inline std::string_view trim(std::string_view text) noexcept {
    std::size_t b = skip_space(text);
    std::size_t e = text.size();
    while (e > b && is_space(text[e - 1])) --e;
    return text.substr(b, e - b);
}

/// Lower-cases ASCII letters and folds runs of white space to one space; used as the key
/// for case-insensitive lookups of unit words and level names.
inline std::string fold(std::string_view text) {
    text = trim(text);
    std::string out(text.size(), ' ');  // never longer than the text: written in place, then cut
    std::size_t n = 0;
    bool space = false;
    for (char c : text) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) out[n++] = ' ';
        space = false;
        out[n++] = lower_ascii(c);
    }
    out.resize(n);
    return out;
}

inline bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
}

inline bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
    return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

/// The shortest text that reads back as `v` ("742.34", "1e+300", "inf"), for messages.
inline std::string shortest(double v) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

/// A number for a finding's message: whole amounts grouped in thousands ("9,158,876,144"),
/// others with up to six decimals and no trailing zeros ("83.333333", "0.5").
std::string show_amount(double x);

/// Whether a printed cell means "no value": blank, `-`, `--`, an en or em dash, `n/a`, `NA`,
/// `n.a.`, `#N/A`, `tidak ada data`, `t.a.d`.
inline bool is_missing_text(std::string_view t) {
    const std::string k = fold(t);
    return k.empty() || k == "-" || k == "--" || k == "\xe2\x80\x93" || k == "\xe2\x80\x94" || k == "n/a" ||
           k == "na" || k == "n.a." || k == "#n/a" || k == "tidak ada data" || k == "t.a.d";
}

// ---- UTF-8 -------------------------------------------------------------------------------
// Messages quote input; these helpers keep every message valid UTF-8 and short: a quoted
// character is shown whole, quoted text is cut at a character boundary, and bytes that are not
// UTF-8 are replaced by U+FFFD.

/// Length in bytes (1 to 4) of the well-formed UTF-8 character that starts at text[at], or 0
/// when the bytes there are not one: a stray continuation byte, a sequence cut short, an
/// overlong form, a surrogate (U+D800..U+DFFF) or a code point above U+10FFFF.
inline std::size_t utf8_length(std::string_view text, std::size_t at) noexcept {
    if (at >= text.size()) return 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
    const unsigned char c = byte(0);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;  // overlong
        if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;  // overlong
        if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (text.size() - at < n) return 0;
    if (byte(1) < lo || byte(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((byte(k) & 0xC0) != 0x80) return 0;
    return n;
}

/// The code point of the well-formed character of `length` bytes at text[at] (see utf8_length).
inline char32_t utf8_code_point(std::string_view text, std::size_t at, std::size_t length) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[at + k])); };
    if (length <= 1) return byte(0);
    char32_t cp = byte(0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
    return cp;
}

/// Whether `text` is well-formed UTF-8 throughout.
inline bool is_valid_utf8(std::string_view text) noexcept {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = utf8_length(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

/// `text` with every byte that is not part of a well-formed UTF-8 character replaced by U+FFFD
/// (one replacement character per bad byte). Valid text comes back unchanged.
inline std::string sanitize_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_length(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

/// The largest character boundary at or before byte `at` (walks back over at most three
/// continuation bytes, so that a character is never split).
inline std::size_t utf8_boundary(std::string_view text, std::size_t at) noexcept {
    if (at >= text.size()) return text.size();
    std::size_t b = at;
    while (b > 0 && at - b < 3 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
    return utf8_length(text, b) > at - b ? b : at;
}

/// `text` cut at a character boundary to at most `max_bytes` bytes; when it was longer, "…" and
/// the original size follow ("abc… (10485760 bytes in all)"). Shorter text comes back unchanged.
inline std::string cut_utf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    return std::string(text.substr(0, utf8_boundary(text, max_bytes))) + "\xE2\x80\xA6 (" +
           std::to_string(text.size()) + " bytes in all)";
}

/// The character at text[at] for a message: printable ASCII quoted as is ('x'); any other
/// character quoted whole with its code point ('\xC2\xA0' (U+00A0)), control characters escaped
/// ('\n' (U+000A)); a byte that does not start a well-formed UTF-8 character as its value
/// (byte 0xC2, not UTF-8).
inline std::string describe_char(std::string_view text, std::size_t at) {
    if (at >= text.size()) return "the end of the text";
    const std::size_t n = utf8_length(text, at);
    char buf[40];
    if (n == 0) {
        std::snprintf(buf, sizeof buf, "byte 0x%02X (not UTF-8)", static_cast<unsigned char>(text[at]));
        return buf;
    }
    const char32_t cp = utf8_code_point(text, at, n);
    if (cp >= 0x20 && cp < 0x7F) return "'" + std::string(1, text[at]) + "'";
    std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(cp));
    std::string shown;
    if (cp == '\n')
        shown = "\\n";
    else if (cp == '\t')
        shown = "\\t";
    else if (cp == '\r')
        shown = "\\r";
    else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        shown = "";  // other control characters: the code point alone
    else
        shown = std::string(text.substr(at, n));
    return shown.empty() ? std::string(buf + 2, buf + std::char_traits<char>::length(buf) - 1)
                         : "'" + shown + "'" + buf;
}

/// Input text for a one-line message: line breaks, tabs and other control characters written as
/// escapes (\n, \t, \r, \x1B), bytes that are not UTF-8 replaced by U+FFFD.
inline std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        switch (c) {
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02X", c);
                    out += buf;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    return sanitize_utf8(out);
}

/// The part of `text` a message quotes around byte `at`: at most `max_bytes` bytes, cut at
/// character boundaries, with "…" where text was left out on either side. `at` lies inside the
/// part (a little after its start when the text is long), so the spot a message points at is
/// always shown.
inline std::string excerpt_utf8(std::string_view text, std::size_t at, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t begin = 0;
    if (at > max_bytes / 4) begin = utf8_boundary(text, at - max_bytes / 4);
    if (begin + max_bytes > text.size()) begin = utf8_boundary(text, text.size() - max_bytes);
    const std::size_t end = utf8_boundary(text, begin + max_bytes);
    return (begin > 0 ? "\xE2\x80\xA6" : "") + std::string(text.substr(begin, end - begin)) +
           (end < text.size() ? "\xE2\x80\xA6" : "");
}

/// `message` with every double-quoted part ("...", the way messages quote input) longer than
/// `max_bytes` cut at a character boundary to `max_bytes`, marked with "…" inside the quotes and
/// followed by its size: `got "xxxx…" (100000 bytes)`. A quote left open runs to the end.
inline std::string cut_quoted(std::string_view message, std::size_t max_bytes) {
    if (message.size() <= max_bytes) return std::string(message);
    std::string out;
    std::size_t i = 0;
    while (i < message.size()) {
        const std::size_t open = message.find('"', i);
        if (open == std::string_view::npos) break;
        const std::size_t close = message.find('"', open + 1);
        const std::size_t end = close == std::string_view::npos ? message.size() : close;
        const std::string_view inside = message.substr(open + 1, end - open - 1);
        out.append(message, i, open + 1 - i);
        if (inside.size() <= max_bytes) {
            out.append(inside);
            if (close != std::string_view::npos) out.push_back('"');
        } else {
            out.append(inside.substr(0, utf8_boundary(inside, max_bytes)));
            out += "\xE2\x80\xA6\" (" + std::to_string(inside.size()) + " bytes)";
        }
        i = close == std::string_view::npos ? message.size() : close + 1;
    }
    if (i < message.size()) out.append(message, i, std::string_view::npos);
    return out;
}

}  // namespace kinerja::detail
