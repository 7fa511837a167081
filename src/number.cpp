// SPDX-License-Identifier: Apache-2.0
#include <kinerja/number.hpp>

#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/rounding.hpp>

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

namespace kinerja {

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
            fail(text, groups[k - 1],
                 "a thousands group after '" + std::string(1, text[groups[k - 1]]) +
                     "' needs exactly 3 digits, found " + std::to_string(len));
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

parsed_number parse_number(std::string_view text, const number_context& context) {
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
    std::vector<std::size_t> seps;
    for (std::size_t j = i; j < e; ++j) {
        const char c = text[j];
        if (detail::is_digit(c)) continue;
        if (c == '.' || c == ',') {
            if (j == i) fail(text, j, "a number cannot start with a separator; write 0" + std::string(1, c) + "...");
            if (!seps.empty() && seps.back() == j - 1) fail(text, j, "two separators in a row");
            seps.push_back(j);
            continue;
        }
        fail(text, j, "unexpected character " + detail::describe_char(text, j) + " in a number");
    }
    if (!seps.empty() && seps.back() == e - 1) fail(text, e - 1, "nothing follows the separator");

    std::size_t n_dot = 0, n_comma = 0;
    for (std::size_t p : seps) (text[p] == '.' ? n_dot : n_comma)++;

    std::size_t decimal_at = std::string_view::npos;  // position of the decimal mark, if any
    std::vector<std::size_t> groups;                  // positions of grouping separators
    std::optional<convention> conv;

    if (seps.empty()) {
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

    std::string digits;
    digits.reserve(e - i + 1);
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
    parsed_number out;
    out.value = to_double(text, digits, b);
    out.decimals = decimals;
    out.written_in = conv;
    return out;
}

namespace detail {
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
    const double rounded = rounding_rule{rounding::half_up, std::min(decimals, 12)}.apply(value);
    char buf[400];
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(rounded), std::chars_format::fixed, decimals);
    std::string plain(buf, res.ptr);
    const std::size_t dot = plain.find('.');
    const std::string whole = plain.substr(0, dot);
    const char group_char = conv == convention::indonesian ? '.' : ',';
    const char decimal_char = conv == convention::indonesian ? ',' : '.';
    std::string out;
    bool all_zero = plain.find_first_not_of("0.") == std::string::npos;
    if (std::signbit(rounded) && !all_zero) out.push_back('-');
    for (std::size_t k = 0; k < whole.size(); ++k) {
        if (group_thousands && k > 0 && (whole.size() - k) % 3 == 0) out.push_back(group_char);
        out.push_back(whole[k]);
    }
    if (dot != std::string::npos) {
        out.push_back(decimal_char);
        out.append(plain, dot + 1, std::string::npos);
    }
    return out;
}

}  // namespace kinerja
