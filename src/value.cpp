// SPDX-License-Identifier: Apache-2.0
#include <kinerja/value.hpp>

#include <kinerja/detail/number_text.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <charconv>
#include <cmath>

namespace kinerja {

double value::half_unit() const noexcept { return unrounded ? 0.0 : 0.5 * std::pow(10.0, -decimals); }

bool operator==(const value& a, const value& b) noexcept {
    const bool numbers_equal = a.exact && b.exact && a.number && b.number ? *a.exact == *b.exact : a.number == b.number;
    return a.kind == b.kind && numbers_equal && a.decimals == b.decimals && a.unit == b.unit && a.per == b.per &&
           a.grade == b.grade && a.level == b.level && a.scale == b.scale;
}

namespace {

int shortest_decimals(double v) {
    if (!std::isfinite(v)) return 0;
    char buf[400];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    std::string_view s(buf, static_cast<std::size_t>(res.ptr - buf));
    const std::size_t dot = s.find('.');
    return dot == std::string_view::npos ? 0 : static_cast<int>(std::min<std::size_t>(s.size() - dot - 1, 15));
}

// Parses text[begin, end) as a number, reporting errors against the whole text.
parsed_number number_at(std::string_view text, std::size_t begin, std::size_t end, const number_context& ctx) {
    try {
        return detail::parse_ascii_number(text.substr(begin, end - begin), ctx);
    } catch (const parse_error& e) {
        throw parse_error(e.id(), std::string(text), begin + e.position(), e.reason());
    }
}

[[noreturn]] void fail(std::string_view text, std::size_t pos, const std::string& reason,
                       const char* id = "kinerja.parse.value") {
    throw parse_error(id, std::string(text), pos, reason);
}

bool is_number_char(char c) { return detail::is_digit(c) || c == '.' || c == ',' || c == detail::group_space; }

// End of the leading number token of text starting at `from` (sign, digits and separators).
std::size_t number_token_end(std::string_view text, std::size_t from) {
    std::size_t i = from;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    while (i < text.size() && is_number_char(text[i])) ++i;
    // do not swallow a trailing separator that belongs to the text ("290, Orang" is an error
    // parse_number reports)
    return i;
}

struct context_info {
    const unit_info* unit = nullptr;
    const scale* scl = nullptr;
};

context_info resolve_context(std::string_view context, const unit_registry& units, const scale_registry& scales) {
    context_info c;
    if (detail::trim(context).empty()) return c;
    c.scl = scales.find(context);
    c.unit = units.find(context);
    if (!c.scl && !c.unit) {
        std::string known;
        for (const auto& n : scales.names()) known += (known.empty() ? "" : ", ") + n;
        throw lookup_error("kinerja.lookup.context", std::string(context),
                           "context \"" + std::string(context) + "\" is neither a unit word nor a scale (scales: " +
                               known + "; units: see unit_registry::words)");
    }
    return c;
}

number_context numbers_for(const context_info& c) {
    if (c.unit) return c.unit->numbers;
    if (c.scl) {
        if (auto r = c.scl->range(); r && std::isfinite(r->first) && std::isfinite(r->second))
            return {number_context::ambiguous_policy::reject, std::min(0.0, r->first), r->second, std::nullopt};
    }
    return {};
}

void apply_unit(value& v, const unit_info& u) {
    switch (u.kind) {
        case value_kind::percent:
            v.kind = value_kind::percent;
            v.unit = "%";
            break;
        case value_kind::money:
            v.kind = value_kind::money;
            v.unit = u.name;
            break;
        case value_kind::count:
            v.kind = value_kind::count;
            v.unit = u.name;
            break;
        default:
            v.kind = value_kind::number;
            v.unit = u.name;
            if (u.factor != 1.0 && u.dimension.dimensionless()) v.per = std::round(1.0 / u.factor);
            break;
    }
}

void apply_scale(value& v, const scale& s) {
    v.scale = s.name();
    if (!v.number) return;
    if (const level* l = s.find_level(*v.number)) {
        v.level = l->name;
        if (detail::iequals(s.name(), "AKIP")) v.grade = l->name;
    }
}

bool is_grade_letters(std::string_view t) {
    if (t.empty() || t.size() > 3) return false;
    for (char c : t)
        if (!((c >= 'A' && c <= 'Z') || c == '+' || c == '-')) return false;
    return t[0] >= 'A' && t[0] <= 'Z';
}

}  // namespace

value make_value(double number, std::string_view unit, int decimals) {
    value v;
    v.kind = value_kind::number;
    v.number = number;
    v.exact = decimal::from_double(number);
    v.decimals = decimals >= 0 ? decimals : shortest_decimals(number);
    v.unrounded = decimals < 0;
    if (!detail::trim(unit).empty()) apply_unit(v, default_units().get(unit));
    return v;
}

value make_value(const decimal& number, std::string_view unit, int decimals) {
    value v = make_value(number.to_double(), unit, decimals >= 0 ? decimals : number.scale());
    v.exact = number;
    v.unrounded = decimals < 0;
    return v;
}

value parse_value(std::string_view text, std::string_view context) {
    return parse_value(text, context, default_units(), default_scales());
}

value parse_value(std::string_view text, std::string_view context, const unit_registry& units,
                  const scale_registry& scales) {
    return parse_value(text, context, units, scales, std::nullopt);
}

namespace {
value parse_ascii_value(std::string_view text, std::string_view context, const unit_registry& units,
                        const scale_registry& scales, std::optional<convention> printed_in);
}

value parse_value(std::string_view text, std::string_view context, const unit_registry& units,
                  const scale_registry& scales, std::optional<convention> printed_in) {
    const detail::ascii_text ascii = detail::ascii_number_text(text);
    if (ascii.unchanged) return parse_ascii_value(text, context, units, scales, printed_in);
    try {
        value v = parse_ascii_value(ascii.text, context, units, scales, printed_in);
        v.text = std::string(text);
        return v;
    } catch (const parse_error& e) {
        ascii.rethrow_on(e, text);
    }
}

namespace {
value parse_ascii_value(std::string_view text, std::string_view context, const unit_registry& units,
                        const scale_registry& scales, std::optional<convention> printed_in) {
    const context_info ctx = resolve_context(context, units, scales);
    // every number of the cell is read with the declared convention, when there is one
    auto read_number = [&](std::size_t begin, std::size_t end, number_context c) {
        if (printed_in) c.printed_in = printed_in;
        return number_at(text, begin, end, c);
    };
    value v;
    v.text = std::string(text);
    const std::string_view t = detail::trim(text);
    const std::size_t b = static_cast<std::size_t>(t.data() - text.data());
    const std::size_t e = b + t.size();
    if (t.empty() || detail::is_missing_text(t)) return v;  // missing

    // ratio "1 : N"
    if (const std::size_t colon = t.find(':'); colon != std::string_view::npos) {
        const std::size_t c = b + colon;
        const std::size_t lb = detail::skip_space(text, b);
        std::size_t le = c;
        while (le > lb && detail::is_space(text[le - 1])) --le;
        if (le == lb) fail(text, b, "a ratio is written 1 : N; nothing stands before ':'");
        const parsed_number left = read_number(lb, le, {});
        if (left.value != 1.0) fail(text, lb, "a ratio is written 1 : N (one case per N); the left side must be 1");
        const std::size_t rb = detail::skip_space(text, c + 1);
        if (rb >= e) fail(text, c, "a ratio is written 1 : N; nothing follows ':'");
        number_context n_ctx{number_context::ambiguous_policy::grouping, std::nullopt, std::nullopt, std::nullopt};
        const parsed_number right = read_number(rb, e, n_ctx);
        if (!(right.value > 0)) fail(text, rb, "N in 1 : N must be positive");
        v.kind = value_kind::ratio;
        v.number = right.value;
        v.exact = right.exact;
        v.decimals = right.decimals;
        v.written_in = right.written_in;
        if (ctx.unit) v.unit = ctx.unit->name;
        return v;
    }

    // grade with score "BB (75.10)", or grade letters alone
    if (t.back() == ')') {
        const std::size_t open = t.find('(');
        if (open == std::string_view::npos) fail(text, e - 1, "')' without '('");
        std::string_view letters = detail::trim(t.substr(0, open));
        if (!is_grade_letters(letters))
            fail(text, b, "a grade with score is written like BB (75.10): letters, then the score in brackets");
        const scale& grades = ctx.scl ? *ctx.scl : scales.get("AKIP");
        if (!grades.position(letters))
            fail(text, b, "\"" + std::string(letters) + "\" is not a grade of scale \"" + grades.name() + "\"",
                 "kinerja.parse.grade");
        const std::size_t sb = detail::skip_space(text, b + open + 1);
        std::size_t se = e - 1;
        while (se > sb && detail::is_space(text[se - 1])) --se;
        if (se == sb) fail(text, b + open, "the brackets hold no score");
        number_context g_ctx = numbers_for(context_info{nullptr, &grades});
        const parsed_number score = read_number(sb, se, g_ctx);
        v.kind = value_kind::grade;
        v.grade = grades.get(letters).name;
        v.level = v.grade;
        v.scale = grades.name();
        v.number = score.value;
        v.exact = score.exact;
        v.decimals = score.decimals;
        v.written_in = score.written_in;
        return v;
    }

    // percent "77,90%" / "0.030 %"
    if (t.back() == '%') {
        std::size_t ne = e - 1;
        while (ne > b && detail::is_space(text[ne - 1])) --ne;
        if (ne == b) fail(text, b, "'%' without a number");
        const parsed_number n = read_number(b, ne, units.get("%").numbers);
        v.kind = value_kind::percent;
        v.unit = "%";
        v.number = n.value;
        v.exact = n.exact;
        v.decimals = n.decimals;
        v.written_in = n.written_in;
        return v;
    }

    // money "Rp. 22.275.313.470,-"
    if (detail::istarts_with(t, "rp")) {
        std::size_t nb = b + 2;
        if (nb < e && text[nb] == '.') ++nb;
        nb = detail::skip_space(text, nb);
        std::size_t ne = e;
        if (ne >= nb + 2 && (text.substr(ne - 2, 2) == ",-" || text.substr(ne - 2, 2) == ".-"))
            ne -= 2;
        else if (ne > nb && text[ne - 1] == '-')
            ne -= 1;
        while (ne > nb && detail::is_space(text[ne - 1])) --ne;
        if (ne <= nb) fail(text, b, "\"Rp\" without an amount");
        const parsed_number n = read_number(nb, ne, units.get("Rupiah").numbers);
        v.kind = value_kind::money;
        v.unit = "Rupiah";
        v.number = n.value;
        v.exact = n.exact;
        v.decimals = n.decimals;
        v.written_in = n.written_in;
        return v;
    }

    const std::size_t ne = number_token_end(text, b);
    const bool has_digit = [&] {
        for (std::size_t i = b; i < ne; ++i)
            if (detail::is_digit(text[i])) return true;
        return false;
    }();
    if (!has_digit) {
        // a word: a predicate (level of a scale) or grade letters
        if (ctx.scl) {
            if (!ctx.scl->position(t))
                fail(text, b,
                     "\"" + detail::cut_utf8(t, message_quote_bytes) + "\" is not a level of scale \"" +
                         ctx.scl->name() + "\"",
                     "kinerja.parse.level");
            const level& l = ctx.scl->get(t);
            v.kind = detail::iequals(ctx.scl->name(), "AKIP") ? value_kind::grade : value_kind::predicate;
            v.level = l.name;
            v.scale = ctx.scl->name();
            if (v.kind == value_kind::grade) v.grade = l.name;
            return v;
        }
        const auto holders = scales.scales_with_level(t);
        if (holders.empty())
            fail(text, b,
                 "\"" + detail::cut_utf8(t, message_quote_bytes) +
                     "\" is not a number, ratio, grade, money or a level of a known scale",
                 "kinerja.parse.value");
        const bool akip = is_grade_letters(t) && holders.size() == 1 && detail::iequals(holders[0]->name(), "AKIP");
        v.kind = akip ? value_kind::grade : value_kind::predicate;
        v.level = holders[0]->get(t).name;
        if (akip) v.grade = v.level;
        // the scale is recorded only when exactly one scale holds the level
        if (holders.size() == 1) v.scale = holders[0]->name();
        return v;
    }

    // a number, with an optional unit word after it ("44 OPD", "737Orang/bulan")
    const std::size_t ub = detail::skip_space(text, ne);
    const unit_info* unit = nullptr;
    if (ub < e) {
        const std::string_view word = text.substr(ub, e - ub);
        try {
            unit = &units.get(word);
        } catch (const lookup_error& err) {
            std::string reason = err.what();
            reason = reason.substr(reason.find("] ") + 2);
            fail(text, ub, reason, "kinerja.parse.unit");
        }
    }
    const unit_info* numbers_unit = unit ? unit : ctx.unit;
    const number_context n_ctx = numbers_unit ? numbers_unit->numbers : numbers_for(ctx);
    const parsed_number n = read_number(b, ne, n_ctx);
    v.kind = value_kind::number;
    v.number = n.value;
    v.exact = n.exact;
    v.decimals = n.decimals;
    v.written_in = n.written_in;
    if (unit)
        apply_unit(v, *unit);
    else if (ctx.unit && ctx.unit->kind != value_kind::predicate)
        apply_unit(v, *ctx.unit);
    if (ctx.scl) apply_scale(v, *ctx.scl);
    return v;
}

}  // namespace

std::string format_value(const value& v, convention conv, std::optional<int> decimals) {
    const int d = decimals.value_or(v.decimals);
    // the exact number while `number` is still its nearest double (nobody changed it since)
    const bool exact = v.exact && v.number && v.exact->to_double() == *v.number;
    auto num = [&](double x, int digits) {
        if (exact && v.number && x == *v.number) return format_number(*v.exact, conv, digits);
        return format_number(x, conv, digits);
    };
    switch (v.kind) {
        case value_kind::missing: return "-";
        case value_kind::predicate: return v.level;
        case value_kind::grade: return v.number ? v.grade + " (" + num(*v.number, d) + ")" : v.grade;
        default: break;
    }
    if (!v.number) return "-";
    switch (v.kind) {
        case value_kind::percent: return num(*v.number, d) + "%";
        case value_kind::ratio: return "1 : " + num(*v.number, d);
        case value_kind::money: return "Rp " + num(*v.number, d);
        case value_kind::count: return num(*v.number, d) + (v.unit.empty() ? "" : " " + v.unit);
        default: break;
    }
    std::string out = num(*v.number, d);
    if (v.per) out += " per " + num(*v.per, 0);
    return out;
}

}  // namespace kinerja
