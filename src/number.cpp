// SPDX-License-Identifier: Apache-2.0
#include <kinerja/number.hpp>

#include <kinerja/detail/number_text.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/rounding.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace kinerja {

// ============================================================================ decimal

namespace {

__extension__ typedef __int128 wide;

constexpr std::int64_t pow10_table[19] = {1LL,
                                          10LL,
                                          100LL,
                                          1000LL,
                                          10000LL,
                                          100000LL,
                                          1000000LL,
                                          10000000LL,
                                          100000000LL,
                                          1000000000LL,
                                          10000000000LL,
                                          100000000000LL,
                                          1000000000000LL,
                                          10000000000000LL,
                                          100000000000000LL,
                                          1000000000000000LL,
                                          10000000000000000LL,
                                          100000000000000000LL,
                                          1000000000000000000LL};

[[noreturn]] void out_of_range(const std::string& what) {
    throw argument_error("kinerja.argument.amount_range",
                         what +
                             " lies outside the exact range of 18 digits (at most 999,999,999,999,999,999, "
                             "and at most 18 digits after the decimal mark)");
}

bool in_range(wide units, int scale) noexcept {
    return scale >= 0 && scale <= decimal::max_scale && units <= decimal::max_units && units >= -decimal::max_units;
}

// a.units and b.units at the larger scale of the two (at most 10^18 * 10^18, well inside 128 bits)
struct aligned {
    wide a, b;
    int scale;
};
aligned align(const decimal& a, const decimal& b) noexcept {
    const int s = std::max(a.scale(), b.scale());
    return {wide(a.units()) * pow10_table[s - a.scale()], wide(b.units()) * pow10_table[s - b.scale()], s};
}

}  // namespace

decimal::decimal(std::int64_t units, int scale) : units_(units), scale_(scale) {
    if (!in_range(units, scale))
        out_of_range("the decimal " + std::to_string(units) + " / 10^" + std::to_string(scale));
}

std::optional<decimal> decimal::from_string(std::string_view plain) noexcept {
    std::size_t i = 0;
    bool neg = false;
    if (i < plain.size() && (plain[i] == '-' || plain[i] == '+')) neg = plain[i++] == '-';
    wide units = 0;
    int scale = 0, digits = 0;
    bool point = false, any = false;
    for (; i < plain.size(); ++i) {
        const char c = plain[i];
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (!detail::is_digit(c)) return std::nullopt;
        any = true;
        if (point && ++scale > max_scale) return std::nullopt;
        if (units == 0 && c == '0') continue;  // leading zeros are no digits of the range
        if (++digits > 18) return std::nullopt;
        units = units * 10 + (c - '0');
    }
    if (!any) return std::nullopt;
    return decimal(static_cast<std::int64_t>(neg ? -units : units), scale, raw{});
}

std::optional<decimal> decimal::from_double(double x) noexcept {
    if (!std::isfinite(x)) return std::nullopt;
    // a whole number below 2^53 is its own shortest text (amounts of money, counts): no text needed
    if (std::fabs(x) < 9007199254740992.0 && x == std::trunc(x)) return decimal(static_cast<std::int64_t>(x), 0);
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
    const std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));
    const std::size_t e = s.find('e');
    std::string mantissa;
    bool neg = false;
    for (char c : s.substr(0, e)) {
        if (c == '-') neg = true;
        if (detail::is_digit(c)) mantissa.push_back(c);
    }
    const int exp = std::atoi(std::string(s.substr(e + 1)).c_str());
    const long point = 1L + exp;  // digits of mantissa before the decimal point
    std::string plain = neg ? "-" : "";
    if (point <= 0) {
        if (-point + static_cast<long>(mantissa.size()) > max_scale) return std::nullopt;
        plain += "0." + std::string(static_cast<std::size_t>(-point), '0') + mantissa;
    } else if (point >= static_cast<long>(mantissa.size())) {
        if (point > 18) return std::nullopt;
        plain += mantissa + std::string(static_cast<std::size_t>(point) - mantissa.size(), '0');
    } else {
        plain += mantissa.substr(0, static_cast<std::size_t>(point)) + "." +
                 mantissa.substr(static_cast<std::size_t>(point));
    }
    return from_string(plain);
}

bool decimal::is_integer() const noexcept { return units_ % pow10_table[scale_] == 0; }

std::string decimal::to_string() const {
    std::string digits = std::to_string(units_ < 0 ? -units_ : units_);
    if (digits.size() <= static_cast<std::size_t>(scale_))
        digits.insert(0, static_cast<std::size_t>(scale_) + 1 - digits.size(), '0');
    if (scale_ > 0) digits.insert(digits.size() - static_cast<std::size_t>(scale_), 1, '.');
    return units_ < 0 ? "-" + digits : digits;
}

double decimal::to_double() const noexcept {
    const std::string s = to_string();
    double x = 0.0;
    std::from_chars(s.data(), s.data() + s.size(), x);
    return x;
}

decimal operator+(const decimal& a, const decimal& b) {
    const aligned x = align(a, b);
    const wide r = x.a + x.b;
    if (!in_range(r, x.scale)) out_of_range("the sum " + a.to_string() + " + " + b.to_string());
    return decimal(static_cast<std::int64_t>(r), x.scale, decimal::raw{});
}

decimal operator-(const decimal& a, const decimal& b) {
    const aligned x = align(a, b);
    const wide r = x.a - x.b;
    if (!in_range(r, x.scale)) out_of_range("the difference " + a.to_string() + " - " + b.to_string());
    return decimal(static_cast<std::int64_t>(r), x.scale, decimal::raw{});
}

int compare(const decimal& a, const decimal& b) noexcept {
    const aligned x = align(a, b);
    return x.a < x.b ? -1 : x.a > x.b ? 1 : 0;
}

// ============================================================================ reading

double parsed_number::half_unit() const noexcept { return 0.5 * std::pow(10.0, -decimals); }

namespace {

[[noreturn]] void fail(std::string_view text, std::size_t pos, const std::string& reason,
                       const char* id = "kinerja.parse.number") {
    throw parse_error(id, std::string(text), pos, reason);
}

using detail::shortest;

double to_double(std::string_view text, const std::string& digits, std::size_t pos) {
    double value = 0.0;
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    auto res = std::from_chars(first, last, value);
    if (res.ec != std::errc() || res.ptr != last || !std::isfinite(value))
        fail(text, pos, "the number is too large to represent");
    return value;
}

// Checks that the separators at `groups` (positions of grouping separators, ascending) split
// text[begin, end) into a first group of 1-3 digits not starting with 0 and further groups of
// exactly three digits.
void check_groups(std::string_view text, std::size_t begin, std::size_t end, const std::vector<std::size_t>& groups) {
    std::size_t start = begin;
    for (std::size_t k = 0; k <= groups.size(); ++k) {
        const std::size_t stop = k < groups.size() ? groups[k] : end;
        const std::size_t len = stop - start;
        if (k == 0) {
            if (len > 3)
                fail(text, groups[0],
                     "the first thousands group has " + std::to_string(len) +
                         " digits; groups before a thousands separator have 1 to 3");
            if (text[start] == '0') fail(text, start, "a number grouped in thousands cannot start with 0");
        } else if (len != 3) {
            const char c = text[groups[k - 1]];
            fail(text, groups[k - 1],
                 std::string("a thousands group after ") +
                     (c == detail::group_space ? std::string("a space") : "'" + std::string(1, c) + "'") +
                     " needs exactly 3 digits, found " + std::to_string(len));
        }
        start = stop + 1;
    }
}

}  // namespace

std::string_view to_string(convention c) noexcept { return c == convention::indonesian ? "indonesian" : "english"; }

convention convention_from_string(std::string_view name) {
    const std::string k = detail::fold(name);
    if (k == "indonesian" || k == "id" || k == "in") return convention::indonesian;
    if (k == "english" || k == "en") return convention::english;
    throw lookup_error("kinerja.lookup.convention", std::string(name),
                       "unknown number convention \"" + std::string(name) + "\"; use \"indonesian\" or \"english\"");
}

namespace detail {

namespace {

// The code point of the UTF-8 sequence at text[pos] and its length; length 0 when the bytes are
// not valid UTF-8.
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t pos) noexcept {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(pos);
    if (c < 0x80) return {c, 1};
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || pos + n > text.size()) return {0, 0};
    char32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(pos + k) & 0xC0) != 0x80) return {0, 0};
        cp = (cp << 6) | (byte(pos + k) & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
        return {0, 0};
    return {cp, n};
}

std::string code_point(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

bool is_pdf_space(char32_t cp) noexcept { return cp == 0x00A0 || cp == 0x2007 || cp == 0x2009 || cp == 0x202F; }

}  // namespace

void ascii_text::rethrow_on(const parse_error& e, std::string_view original) const {
    std::string reason = e.reason();
    std::replace(reason.begin(), reason.end(), group_space, ' ');
    throw parse_error(e.id(), std::string(original), to_original(e.position()), reason);
}

ascii_text ascii_number_text(std::string_view text) {
    ascii_text out;
    bool plain = true;  // nothing to replace: the readers take the text as it is, without a copy
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == static_cast<unsigned char>(group_space))  // raw, it would pass for a grouping space
            throw parse_error("kinerja.parse.number", std::string(text), i, unexpected_character(text, i, ""));
        plain = plain && c < 0x80;
    }
    if (plain) {
        out.unchanged = true;
        return out;
    }
    out.text.reserve(text.size());
    out.origin.reserve(text.size() + 1);
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, n] = decode(text, i);
        char c = text[i];
        std::size_t len = 1;
        if (n > 1 && is_pdf_space(cp)) {
            const bool between_digits =
                !out.text.empty() && is_digit(out.text.back()) && i + n < text.size() && is_digit(text[i + n]);
            c = between_digits ? group_space : ' ';
            len = n;
        } else if (n > 1 && cp == 0x2212) {
            c = '-';
            len = n;
        }
        out.text.push_back(c);
        out.origin.push_back(i);
        i += len;
    }
    out.origin.push_back(text.size());
    return out;
}

std::string unexpected_character(std::string_view text, std::size_t pos, std::string_view what) {
    const auto [cp, n] = decode(text, pos);
    if (n == 0) return "unexpected " + detail::describe_char(text, pos) + std::string(what);  // byte 0xC3 (not UTF-8)
    if (cp == 0x2013 || cp == 0x2014) {
        // Published tables print negative numbers with '-' (Wonogiri 2020: "-1,41%") and use the
        // dashes for ranges ("2018 – 2023", "6,0–6,9") and for "no data" (values.md)
        return std::string(cp == 0x2013 ? "an en dash" : "an em dash") + " (" + code_point(cp) + ")" +
               std::string(what) +
               " is not read as a minus sign: in tables it joins a range or stands alone for \"no data\"; "
               "write a negative number with '-' or U+2212";
    }
    if (cp < 0x20 || cp == 0x7F)
        return "unexpected control character " + detail::describe_char(text, pos) + std::string(what);
    return "unexpected character " + detail::describe_char(text, pos) + std::string(what);  // '×' (U+00D7)
}

parsed_number parse_ascii_number(std::string_view text, const number_context& context) {
    const std::size_t b = detail::skip_space(text);
    std::size_t e = text.size();
    while (e > b && detail::is_space(text[e - 1])) --e;
    if (b == e) fail(text, b, "there is no number (the text is empty)");

    std::size_t i = b;
    bool negative = false;
    if (text[i] == '-' || text[i] == '+') {
        negative = text[i] == '-';
        ++i;
        if (i == e) fail(text, i - 1, "a sign must be followed by digits");
    }
    // The positions of the number's separators. Every cell of a plan is read through here: the
    // lists are the thread's own and keep their storage from one number to the next.
    thread_local std::vector<std::size_t> seps, spaces, groups;  // spaces: thousands grouped by spaces
    thread_local std::string digits;
    for (auto* list : {&seps, &spaces, &groups})  // a huge number read once does not keep its storage
        if (list->capacity() > 1024) std::vector<std::size_t>().swap(*list);
    if (digits.capacity() > 1024) std::string().swap(digits);
    seps.clear();
    spaces.clear();
    groups.clear();
    for (std::size_t j = i; j < e; ++j) {
        const char c = text[j];
        if (detail::is_digit(c)) continue;
        if (c == '.' || c == ',') {
            if (j == i) fail(text, j, "a number cannot start with a separator; write 0" + std::string(1, c) + "...");
            if (!seps.empty() && seps.back() == j - 1) fail(text, j, "two separators in a row");
            seps.push_back(j);
            continue;
        }
        if (c == detail::group_space) {  // between two digits (ascii_number_text)
            spaces.push_back(j);
            continue;
        }
        fail(text, j, detail::unexpected_character(text, j, " in a number"));
    }
    if (!seps.empty() && seps.back() == e - 1) fail(text, e - 1, "nothing follows the separator");
    if (!spaces.empty()) {
        // 1 234 567,89: the spaces group thousands, so a single '.' or ',' is the decimal mark
        if (seps.size() > 1)
            fail(text, seps[1],
                 "a number grouped in thousands by spaces has at most one '.' or ',' (its decimal mark)");
        if (!seps.empty() && seps[0] < spaces.back())
            fail(text, spaces.back(), "a space groups thousands only before the decimal mark");
        const std::size_t int_end = seps.empty() ? e : seps[0];
        check_groups(text, i, int_end, spaces);
        seps.clear();
        if (int_end != e) seps.push_back(int_end);
        for (std::size_t p : spaces) seps.push_back(p);
        std::sort(seps.begin(), seps.end());
    }

    std::size_t n_dot = 0, n_comma = 0;
    for (std::size_t p : seps)
        if (text[p] != detail::group_space) (text[p] == '.' ? n_dot : n_comma)++;

    std::size_t decimal_at = std::string_view::npos;  // position of the decimal mark, if any
    // groups: the positions of grouping separators
    std::optional<convention> conv;

    if (!spaces.empty()) {
        groups = spaces;
        if (n_dot + n_comma == 1) {
            for (std::size_t p : seps)
                if (text[p] != detail::group_space) decimal_at = p;
            conv = text[decimal_at] == ',' ? convention::indonesian : convention::english;
        }
    } else if (seps.empty()) {
        // plain integer
    } else if (n_dot > 0 && n_comma > 0) {
        const std::size_t last = seps.back();
        const char mark = text[last];
        if ((mark == '.' ? n_dot : n_comma) == 1) {
            decimal_at = last;
            groups.assign(seps.begin(), seps.end() - 1);
            conv = mark == ',' ? convention::indonesian : convention::english;
        } else {
            groups = seps;  // a mixture such as 1,584.900.000: every separator groups thousands
        }
    } else if (seps.size() > 1) {
        groups = seps;
        conv = text[seps[0]] == '.' ? convention::indonesian : convention::english;
    } else {
        const std::size_t p = seps[0];
        const std::size_t int_len = p - i;
        const std::size_t frac_len = e - p - 1;
        const bool can_group = frac_len == 3 && int_len <= 3 && text[i] != '0';
        if (!can_group) {
            decimal_at = p;
        } else {
            double whole = 0.0, frac = 0.0;
            for (std::size_t j = i; j < p; ++j) whole = whole * 10 + (text[j] - '0');
            for (std::size_t j = p + 1; j < e; ++j) frac = frac * 10 + (text[j] - '0');
            const double as_group = (whole * 1000 + frac) * (negative ? -1 : 1);
            const double as_decimal = (whole + frac / 1000) * (negative ? -1 : 1);
            bool group = false;
            using policy = number_context::ambiguous_policy;
            if (context.printed_in) {
                group = (text[p] == '.') == (*context.printed_in == convention::indonesian);
            } else if (context.ambiguous == policy::grouping) {
                group = true;
            } else if (context.ambiguous == policy::decimal) {
                group = false;
            } else {
                auto inside = [&](double v) {
                    return (!context.minimum || v >= *context.minimum) && (!context.maximum || v <= *context.maximum);
                };
                const bool ranged = context.minimum || context.maximum;
                const bool g_in = ranged && inside(as_group);
                const bool d_in = ranged && inside(as_decimal);
                if (g_in != d_in) {
                    group = g_in;
                } else {
                    const char c = text[p];
                    const bool dot = c == '.';
                    std::string reason =
                        "'" + std::string(1, c) + "' followed by three digits is ambiguous: " + shortest(as_group) +
                        " if it groups thousands (" + (dot ? "Indonesian" : "English") + "), " + shortest(as_decimal) +
                        " if it is a decimal mark (" + (dot ? "English" : "Indonesian") + ")";
                    if (ranged)
                        reason += g_in ? "; both readings lie in the plausible range"
                                       : "; neither reading lies in the plausible range";
                    reason += "; give a unit or scale as context, or the convention it is printed in, to decide";
                    fail(text, p, reason, "kinerja.parse.ambiguous_number");
                }
            }
            if (group) {
                groups.push_back(p);
                conv = text[p] == '.' ? convention::indonesian : convention::english;
            } else {
                decimal_at = p;
            }
        }
        if (decimal_at != std::string_view::npos) conv = text[p] == ',' ? convention::indonesian : convention::english;
    }

    const std::size_t int_end = decimal_at == std::string_view::npos ? e : decimal_at;
    if (!groups.empty()) check_groups(text, i, int_end, groups);

    digits.clear();
    if (negative) digits.push_back('-');
    for (std::size_t j = i; j < int_end; ++j)
        if (detail::is_digit(text[j])) digits.push_back(text[j]);
    int decimals = 0;
    if (decimal_at != std::string_view::npos) {
        digits.push_back('.');
        for (std::size_t j = decimal_at + 1; j < e; ++j) {
            digits.push_back(text[j]);
            ++decimals;
        }
    }
    const std::optional<decimal> exact = decimal::from_string(digits);
    if (!exact) {
        std::size_t all = 0;
        for (char c : digits) all += detail::is_digit(c) ? 1 : 0;
        fail(text, b,
             "the number has " + std::to_string(all) + " digits" +
                 (decimals ? " (" + std::to_string(decimals) + " after the decimal mark)" : std::string()) +
                 "; numbers are read exactly, with at most 18 digits and at most 18 after the decimal mark, "
                 "never rounded",
             "kinerja.parse.too_many_digits");
    }
    parsed_number out;
    out.value = to_double(text, digits, b);
    out.decimals = decimals;
    out.written_in = conv;
    out.exact = *exact;
    return out;
}

}  // namespace detail

parsed_number parse_number(std::string_view text, const number_context& context) {
    const detail::ascii_text ascii = detail::ascii_number_text(text);
    if (ascii.unchanged) return detail::parse_ascii_number(text, context);
    try {
        return detail::parse_ascii_number(ascii.text, context);
    } catch (const parse_error& e) {
        ascii.rethrow_on(e, text);
    }
}

namespace {

// Writes sign, integer digits and decimal digits (a decimal string, exact) rounded half away from
// zero at `decimals` digits after the mark, grouped, in the convention.
// `round_up`: whether to round the digits beyond `decimals` up; by default when the first of them
// is 5 or more (exact half away from zero).
std::string write_digits(bool negative, std::string whole, std::string frac, convention conv, int decimals,
                         bool group_thousands, std::optional<bool> round_up = std::nullopt) {
    const std::size_t d = static_cast<std::size_t>(decimals);
    if (frac.size() > d) {
        const bool up = round_up.value_or(frac[d] >= '5');
        frac.resize(d);
        if (up) {  // add one unit of the last kept digit, carrying to the left
            std::string all = whole + frac;
            std::size_t k = all.size();
            while (k > 0 && all[k - 1] == '9') all[--k] = '0';
            if (k == 0)
                all.insert(0, 1, '1');
            else
                ++all[k - 1];
            whole = all.substr(0, all.size() - d);
            frac = all.substr(all.size() - d);
        }
    } else {
        frac.append(d - frac.size(), '0');
    }
    const std::size_t nz = whole.find_first_not_of('0');
    whole = nz == std::string::npos ? "0" : whole.substr(nz);
    const bool all_zero = whole == "0" && frac.find_first_not_of('0') == std::string::npos;
    const char group_char = conv == convention::indonesian ? '.' : ',';
    const char decimal_char = conv == convention::indonesian ? ',' : '.';
    std::string out;
    if (negative && !all_zero) out.push_back('-');
    for (std::size_t k = 0; k < whole.size(); ++k) {
        if (group_thousands && k > 0 && (whole.size() - k) % 3 == 0) out.push_back(group_char);
        out.push_back(whole[k]);
    }
    if (d > 0) {
        out.push_back(decimal_char);
        out += frac;
    }
    return out;
}

// The digits of the shortest text of |x| (finite), split at the decimal point.
std::pair<std::string, std::string> shortest_digits(double x) {
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
    const std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));
    const std::size_t e = s.find('e');
    std::string mantissa;
    for (char c : s.substr(0, e))
        if (detail::is_digit(c)) mantissa.push_back(c);
    const long point = 1L + std::atol(std::string(s.substr(e + 1)).c_str());
    if (point <= 0) return {"0", std::string(static_cast<std::size_t>(-point), '0') + mantissa};
    if (point >= static_cast<long>(mantissa.size()))
        return {mantissa + std::string(static_cast<std::size_t>(point) - mantissa.size(), '0'), ""};
    return {mantissa.substr(0, static_cast<std::size_t>(point)), mantissa.substr(static_cast<std::size_t>(point))};
}

}  // namespace

namespace detail {
std::string show_exact(const decimal& x) {
    const std::string plain = x.to_string();
    const bool neg = x.negative();
    const std::string body = neg ? plain.substr(1) : plain;
    const std::size_t dot = body.find('.');
    std::string frac = dot == std::string::npos ? "" : body.substr(dot + 1);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return write_digits(neg, body.substr(0, dot), frac, convention::english, static_cast<int>(frac.size()), true);
}

std::string show_amount(double x) {
    if (std::fabs(x - std::round(x)) < 1e-9 && std::fabs(x) < 1e15) return format_number(x, convention::english, 0);
    std::string s = format_number(x, convention::english, 6, true);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s;
}
}  // namespace detail

std::string format_number(double value, convention conv, int decimals, bool group_thousands) {
    if (decimals < 0 || decimals > 15)
        throw argument_error("kinerja.argument.decimals",
                             "decimals must lie in 0..15, got " + std::to_string(decimals));
    if (!std::isfinite(value))
        throw argument_error("kinerja.argument.not_finite", "cannot format a number that is not finite");
    // The digits the double stands for (its shortest text), so that no digit comes from its binary
    // expansion and no multiplication by 10^decimals loses one. Rounded half away from zero with
    // the tolerance of rounding.hpp: the digits beyond the kept ones count as a half when they
    // fall short of it by at most the tolerance (113.62499999999999 is 113.63 at two decimals).
    auto [whole, frac] = shortest_digits(value);
    std::optional<bool> up;
    const std::size_t d = static_cast<std::size_t>(decimals);
    if (frac.size() > d) {
        const std::string rest = "0." + frac.substr(d, 17);  // the fraction of a step beyond, to 17 digits
        double r = 0.0;
        std::from_chars(rest.data(), rest.data() + rest.size(), r);
        const double steps = std::fabs(value) * std::pow(10.0, decimals);  // magnitude, for the tolerance only
        const double tolerance = std::min(1e-6, std::max(1e-9, rounding_tolerance * steps));
        up = r + tolerance >= 0.5;
    }
    return write_digits(std::signbit(value), whole, frac, conv, decimals, group_thousands, up);
}

std::string format_number(const decimal& value, convention conv, int decimals, bool group_thousands) {
    if (decimals < 0 || decimals > decimal::max_scale)
        throw argument_error(
            "kinerja.argument.decimals",
            "decimals must lie in 0.." + std::to_string(decimal::max_scale) + ", got " + std::to_string(decimals));
    const std::string plain = value.to_string();
    const std::string body = value.negative() ? plain.substr(1) : plain;
    const std::size_t dot = body.find('.');
    return write_digits(value.negative(), body.substr(0, dot),
                        dot == std::string::npos ? std::string() : body.substr(dot + 1), conv, decimals,
                        group_thousands);
}

}  // namespace kinerja
