// SPDX-License-Identifier: Apache-2.0
#include <kinerja/value.hpp>

#include <kinerja/audit.hpp>

#include <kinerja/detail/number_text.hpp>
#include <kinerja/detail/reading_memo.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <unordered_map>

namespace kinerja {

double value::half_unit() const noexcept { return unrounded ? 0.0 : 0.5 * std::pow(10.0, -decimals); }

bool operator==(const value& a, const value& b) noexcept {
    const bool numbers_equal = a.exact && b.exact && a.number && b.number ? *a.exact == *b.exact : a.number == b.number;
    return a.kind == b.kind && numbers_equal && a.decimals == b.decimals && a.unit == b.unit && a.per == b.per &&
           a.grade == b.grade && a.level == b.level && a.scale == b.scale && a.relation == b.relation &&
           a.upper == b.upper && a.bounded == b.bounded;
}

std::string_view to_string(bound_relation r) noexcept {
    switch (r) {
        case bound_relation::none: return "";
        case bound_relation::below: return "<";
        case bound_relation::at_most: return "\xe2\x89\xa4";
        case bound_relation::above: return ">";
        case bound_relation::at_least: return "\xe2\x89\xa5";
    }
    return "";
}

std::optional<value_kind> marker_kind(std::string_view text) {
    // Every marker below starts with '-', '#', a dash or a letter: a cell that starts with a digit
    // (most cells: "1.234.567", "62.00%") is none, without folding it.
    const std::string_view t = detail::trim(text);
    if (!t.empty() && detail::is_digit(t.front())) return std::nullopt;
    const std::string k = detail::fold(t);
    if (k.empty() || k == "-" || k == "--" || k == "---" || k == "\xe2\x80\x93" || k == "\xe2\x80\x94")
        return value_kind::missing;
    if (k[0] == '#') {
        static constexpr std::string_view errors[] = {"#value!", "#ref!",         "#div/0!", "#n/a",
                                                      "#name?",  "#num!",         "#null!",  "#spill!",
                                                      "#calc!",  "#getting_data", "#field!"};
        for (const std::string_view e : errors)
            if (k == e) return value_kind::spreadsheet_error;
        if (k.size() >= 3 && k.find_first_not_of('#') == std::string::npos) return value_kind::spreadsheet_error;
    }
    // words that say the cell was not filled in, as published tables print them (string_views:
    // a comparison with one of another length costs a size test)
    static constexpr std::string_view placeholders[] = {"n/a",
                                                        "n.a",
                                                        "n.a.",
                                                        "na",
                                                        "n/a.",
                                                        "t.a.d",
                                                        "tad",
                                                        "tidak ada data",
                                                        "tdk ada data",
                                                        "belum diisi",
                                                        "belum disi",
                                                        "belum di isi",
                                                        "belum terisi",
                                                        "belum ada data",
                                                        "data belum ada",
                                                        "belum tersedia",
                                                        "data belum tersedia",
                                                        "tidak tersedia",
                                                        "data tidak tersedia",
                                                        "belum dihitung",
                                                        "belum diukur",
                                                        "belum ada target",
                                                        "tbd",
                                                        "n/d",
                                                        "nd"};
    for (const std::string_view w : placeholders)
        if (k == w) return value_kind::placeholder;
    return std::nullopt;
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

// The power of ten a scale word after an amount of money stands for ("Rp48,29 juta",
// "Rp.1,54 Triliun", "Rp 7.183,3 miliar": texts and releases print amounts so); empty for any
// other word.
std::optional<int> money_scale_power(std::string_view word) {
    static constexpr std::pair<const char*, int> words[] = {{"ribu", 3},   {"juta", 6},     {"miliar", 9},
                                                            {"milyar", 9}, {"triliun", 12}, {"trilyun", 12}};
    for (const auto& [w, power] : words)
        if (detail::iequals(word, w)) return power;
    return std::nullopt;
}

// The scale word that text[nb, ne) ends with, after a space or a digit ("Rp48,29 juta",
// "Rp.1,54Triliun"): where the word begins and its power of ten; empty when it ends with none.
std::optional<std::pair<std::size_t, int>> scale_word_at_end(std::string_view text, std::size_t nb, std::size_t ne) {
    std::size_t wb = ne;
    while (wb > nb && detail::is_ascii_letter(text[wb - 1])) --wb;
    if (wb == ne || !(wb == nb || detail::is_space(text[wb - 1]) || detail::is_digit(text[wb - 1])))
        return std::nullopt;
    if (const auto p = money_scale_power(text.substr(wb, ne - wb))) return std::make_pair(wb, *p);
    return std::nullopt;
}

// An amount whose thousands are grouped by points and whose last group, after a point, has two
// digits: the sen ("984.959.704.911.00", "2.780.064.146.10"; Lampung Barat's APBD release). At
// least two groups of three: "1.50" stays an English decimal.
bool sen_after_point(std::string_view t) {
    return t.size() >= 3 && t[t.size() - 3] == '.' && detail::is_digit(t[t.size() - 2]) &&
           detail::is_digit(t[t.size() - 1]) && detail::point_groups(t.substr(0, t.size() - 3)) >= 2;
}

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
    const unit_info* registered = nullptr;  // a registered word (no copy)
    std::optional<unit_info> unit_store;    // a rate or compound made for this word
    const scale* scl = nullptr;
    std::string unknown;  // a context word no registry knows: a number read with it keeps it as its unit
    const unit_info* unit() const { return registered ? registered : unit_store ? &*unit_store : nullptr; }
};

context_info resolve_context(std::string_view context, const unit_registry& units, const scale_registry& scales) {
    context_info c;
    if (detail::trim(context).empty()) return c;
    c.scl = scales.find(context);
    c.registered = units.find(context);
    if (!c.registered) c.unit_store = units.lookup(context);
    if (!c.scl && !c.unit()) c.unknown = std::string(detail::trim(context));
    return c;
}

// A unit word no registry knows: the value keeps it. Printed after the number ("5 Jenis") it
// makes a count; as the context (the indicator's satuan) it is only the unit of a plain number,
// which compares with percents and numbers as a plain number does.
void apply_unknown_unit(value& v, std::string_view word, value_kind kind = value_kind::count) {
    v.kind = kind;
    v.unit = std::string(detail::trim(word));
}

bool digit_like_letter(char c) { return c == 'O' || c == 'o' || c == 'I' || c == 'l'; }

// A letter among the digits of an amount ("2.100.000.00O", "1.5OO.000"): a money typo.
[[noreturn]] void money_typo(std::string_view text, std::size_t pos, bool money = true) {
    const char c = text[pos];
    const char* digit = (c == 'O' || c == 'o') ? "0" : (c == 'I' || c == 'l') ? "1" : nullptr;
    fail(text, pos,
         std::string(money ? "money typo" : "typo") + ": the letter '" + c + "' stands among the digits of " +
             (money ? "an amount" : "a number") + (digit ? std::string(" (the digit ") + digit + "?)" : "") +
             (money ? "; an amount of money holds only digits and separators" : ""),
         money ? "kinerja.parse.money_typo" : "kinerja.parse.number");
}

// The first letter within or right after the digits of text[from, to), if any.
std::optional<std::size_t> letter_in_amount(std::string_view text, std::size_t from, std::size_t to) {
    bool digits = false;
    for (std::size_t i = from; i < to; ++i) {
        const char c = text[i];
        if (detail::is_digit(c)) {
            digits = true;
            continue;
        }
        if (c == '.' || c == ',' || c == detail::group_space) continue;
        if (digits && detail::is_ascii_letter(c)) return i;
        return std::nullopt;
    }
    return std::nullopt;
}

number_context numbers_for(const context_info& c) {
    if (c.unit()) return c.unit()->numbers;
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
    // a bare step of a scale of numbered levels: "3" with satuan "Level" is Level 3
    if (!s.has_bands() && v.kind == value_kind::number && v.decimals == 0 && v.unit.empty()) {
        const std::string named = s.name() + " " + std::to_string(static_cast<long long>(*v.number));
        if (s.position(named)) {
            v.kind = value_kind::predicate;
            v.level = s.get(named).name;
            v.number.reset();
            v.exact.reset();
            return;
        }
    }
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
    if (detail::trim(unit).empty()) return v;
    if (const auto u = default_units().lookup(unit))
        apply_unit(v, *u);
    else
        apply_unknown_unit(v, unit);
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
value parse_ascii_value(std::string_view text, const context_info& ctx, const unit_registry& units,
                        const scale_registry& scales, std::optional<convention> printed_in);
}  // namespace

namespace {

value parse_one(std::string_view text, const context_info& ctx, const unit_registry& units,
                const scale_registry& scales, std::optional<convention> printed_in);

// Reads text[from, to) as a value and reports errors against the whole text.
value part_at(std::string_view text, std::size_t from, std::size_t to, const context_info& ctx,
              const unit_registry& units, const scale_registry& scales, std::optional<convention> printed_in) {
    try {
        value v = parse_one(text.substr(from, to - from), ctx, units, scales, printed_in);
        return v;
    } catch (const parse_error& e) {
        throw parse_error(e.id(), std::string(text), from + e.position(), e.reason());
    }
}

struct bound_word {
    const char* text;
    bound_relation relation;
};
// Symbols and words that open a bound, longest first where one is a prefix of another.
const bound_word bound_words[] = {
    {"<=", bound_relation::at_most},
    {"=<", bound_relation::at_most},
    {">=", bound_relation::at_least},
    {"=>", bound_relation::at_least},
    {"\xe2\x89\xa4", bound_relation::at_most},   // ≤
    {"\xe2\x89\xa6", bound_relation::at_most},   // ≦
    {"\xe2\x89\xa5", bound_relation::at_least},  // ≥
    {"\xe2\x89\xa7", bound_relation::at_least},  // ≧
    {"<", bound_relation::below},
    {">", bound_relation::above},
    {"tidak lebih dari", bound_relation::at_most},
    {"tidak kurang dari", bound_relation::at_least},
    {"sekurang-kurangnya", bound_relation::at_least},
    {"sekurang kurangnya", bound_relation::at_least},
    {"sekurangnya", bound_relation::at_least},
    {"setidak-tidaknya", bound_relation::at_least},
    {"setidaknya", bound_relation::at_least},
    {"paling sedikit", bound_relation::at_least},
    {"paling rendah", bound_relation::at_least},
    {"minimal", bound_relation::at_least},
    {"minimum", bound_relation::at_least},
    {"min.", bound_relation::at_least},
    {"min", bound_relation::at_least},
    {"setinggi-tingginya", bound_relation::at_most},
    {"paling banyak", bound_relation::at_most},
    {"paling tinggi", bound_relation::at_most},
    {"maksimal", bound_relation::at_most},
    {"maksimum", bound_relation::at_most},
    {"maximal", bound_relation::at_most},
    {"maximum", bound_relation::at_most},
    {"maks.", bound_relation::at_most},
    {"maks", bound_relation::at_most},
    {"max.", bound_relation::at_most},
    {"max", bound_relation::at_most},
    {"lebih dari", bound_relation::above},
    {"di atas", bound_relation::above},
    {"diatas", bound_relation::above},
    {"kurang dari", bound_relation::below},
    {"di bawah", bound_relation::below},
    {"dibawah", bound_relation::below},
};

// The bound word that opens t, and its length; words must be followed by a space, a digit or
// a sign (so "Minggu" is no "min").
std::optional<std::pair<bound_relation, std::size_t>> bound_prefix(std::string_view t) {
    // the bytes a bound word can start with (either case): most cells start with none of them
    static const std::array<bool, 256> starts = [] {
        std::array<bool, 256> a{};
        for (const auto& w : bound_words) {
            const auto c = static_cast<unsigned char>(w.text[0]);
            a[c] = true;
            if (c >= 'a' && c <= 'z') a[c - 'a' + 'A'] = true;
        }
        return a;
    }();
    if (t.empty() || !starts[static_cast<unsigned char>(t.front())]) return std::nullopt;
    for (const auto& w : bound_words) {
        const std::string_view word(w.text);
        if (!detail::istarts_with(t, word)) continue;
        const bool symbol = !((word[0] >= 'a' && word[0] <= 'z'));
        if (!symbol && t.size() > word.size()) {
            const char next = t[word.size()];
            if (!(detail::is_space(next) || detail::is_digit(next) || next == '.' || next == ':')) continue;
        }
        return std::make_pair(w.relation, word.size());
    }
    return std::nullopt;
}

// Where a range's separator stands in t (and its length): " s/d ", " s.d. ", " sampai ",
// " hingga ", " - ", "–", or a '-' between two digits ("9,74-9,59").
std::optional<std::pair<std::size_t, std::size_t>> range_separator(std::string_view t) {
    static constexpr std::string_view words[] = {" s/d ",    " s.d. ",   " s.d ",          " sd ",
                                                 " sampai ", " hingga ", " sampai dengan "};
    // every word is a space and an 's' or 'h' (either case): look for one only where that stands
    bool word_start = false;
    for (std::size_t i = 1; i + 1 < t.size() && !word_start; ++i)
        word_start = t[i] == ' ' && (t[i + 1] == 's' || t[i + 1] == 'S' || t[i + 1] == 'h' || t[i + 1] == 'H');
    if (word_start)
        for (const std::string_view word : words) {
            for (std::size_t i = 1; i + word.size() < t.size(); ++i)
                if (detail::istarts_with(t.substr(i), word)) return std::make_pair(i, word.size());
        }
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
        const bool en =
            t[i] == '\xe2' && (t.compare(i, 3, "\xe2\x80\x93") == 0 || t.compare(i, 3, "\xe2\x80\x94") == 0);
        if (t[i] != '-' && !en) continue;
        const std::size_t len = en ? 3 : 1;
        std::size_t before = i, after = i + len;
        while (before > 0 && detail::is_space(t[before - 1])) --before;
        while (after < t.size() && detail::is_space(t[after])) ++after;
        if (before == 0 || after >= t.size()) continue;
        const char l = t[before - 1], r = t[after];
        // a digit (or '%') before, and a digit or a sign after: "80 - 85%", "9,74-9,59", "0 - 5";
        // or a number's unit word before, spaced ("8,24 tahun – 8,31 tahun": both ends printed
        // whole; range_of reads such a cell as a range only when the ends agree in unit)
        const bool unit_before = detail::is_ascii_letter(l) && before < i &&
                                 std::any_of(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(before),
                                             [](char c) { return detail::is_digit(c); });
        if ((detail::is_digit(l) || l == '%' || unit_before) && (detail::is_digit(r) || r == '-' || r == '+'))
            return std::make_pair(i, len);
    }
    return std::nullopt;
}

bool plain_number(const value& v) { return v.kind == value_kind::number && v.unit.empty() && !v.per; }

// Gives a bare end of a range ("80" in "80 - 85%") the kind and unit of the other end.
void adopt(value& bare, const value& other) {
    if (!plain_number(bare) || plain_number(other)) return;
    bare.kind = other.kind;
    bare.unit = other.unit;
    bare.per = other.per;
}

bool bounded_kind_ok(const value& v) {
    return v.number && (v.kind == value_kind::number || v.kind == value_kind::percent || v.kind == value_kind::count);
}

}  // namespace

// The memo of parse_value while a check runs (detail/reading_memo.hpp).
namespace {
namespace memo {

struct key {
    std::string_view text, context;  // views into the entry's own copies (or the caller's, to look up)
    int printed_in;                  // parse_value's convention, -1: none; or reported_reading
    std::uint64_t units, scales;     // the registries' content_id
    bool operator==(const key& o) const noexcept {
        return printed_in == o.printed_in && units == o.units && scales == o.scales && text == o.text &&
               context == o.context;
    }
};
// FNV-1a over the text, eight bytes at a time: cells are short, and every reading of a check is
// looked up here (std::hash of a string costs twice as much for them)
inline std::size_t text_hash(std::string_view t) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    std::size_t i = 0;
    for (; i + 8 <= t.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, t.data() + i, 8);
        h = (h ^ w) * 0x100000001b3ULL;
        h ^= h >> 29;
    }
    for (; i < t.size(); ++i) h = (h ^ static_cast<unsigned char>(t[i])) * 0x100000001b3ULL;
    return static_cast<std::size_t>(h ^ (h >> 32));
}
struct key_hash {
    std::size_t operator()(const key& k) const noexcept {
        // the text's hash and the context's length: one indicator's contexts (its unit) are few,
        // and equal keys are compared whole
        std::size_t h = text_hash(k.text);
        const auto mix = [&h](std::size_t x) { h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
        mix(k.context.size());
        mix(static_cast<std::size_t>(k.printed_in + 1));
        mix(static_cast<std::size_t>(k.units));
        mix(static_cast<std::size_t>(k.scales));
        return h;
    }
};
struct entry {
    std::string text, context;
    value read;
    std::exception_ptr error;  // set when the text does not read
};
using table = std::unordered_map<key, std::unique_ptr<entry>, key_hash>;
// The readings, and those of the table before when it filled up: a reading borrowed from the
// full table (detail::reading) stays valid for a whole table's worth of readings more.
struct tables {
    table live, retired;
};

thread_local tables* current = nullptr;

}  // namespace memo
}  // namespace

namespace detail {
reading_memo_scope::reading_memo_scope() : outer_(memo::current == nullptr) {
    if (outer_) {
        memo::current = new memo::tables;
        memo::current->live.reserve(1024);  // a plan's distinct texts; growing from nothing rehashes often
    }
}
reading_memo_scope::~reading_memo_scope() {
    if (outer_) {
        delete memo::current;
        memo::current = nullptr;
    }
}
}  // namespace detail

namespace {
value parse_value_once(std::string_view text, std::string_view context, const unit_registry& units,
                       const scale_registry& scales, std::optional<convention> printed_in);
}  // namespace

namespace {
// The memo's entry for a reading, read now if it is not there yet. `how`: the convention
// parse_value read with (-1: none), or reported_reading; `read_once` reads the text when the
// memo does not hold it yet.
constexpr int reported_reading = -2;  // parse_reported_achievement
template <class Read>
const memo::entry& memo_entry(memo::tables& memo, std::string_view text, std::string_view context, int how,
                              std::uint64_t units, std::uint64_t scales, Read&& read_once) {
    memo::table& m = memo.live;
    const memo::key k{text, context, how, units, scales};
    auto it = m.find(k);
    if (it == m.end()) {
        if (m.size() >= detail::reading_memo_capacity) {
            memo.retired = std::move(m);  // frees the table before; this one's readings stay valid
            m = memo::table();
        }
        auto e = std::make_unique<memo::entry>();
        e->text = std::string(text);
        e->context = std::string(context);
        try {
            e->read = read_once();
        } catch (const error&) {
            e->error = std::current_exception();
        }
        const memo::key own{e->text, e->context, how, k.units, k.scales};
        it = m.emplace(own, std::move(e)).first;
    }
    if (it->second->error) std::rethrow_exception(it->second->error);
    return *it->second;
}

// parse_value's entry in the open memo `m`.
const memo::entry& parsed_entry(memo::tables& m, std::string_view text, std::string_view context,
                                const unit_registry& units, const scale_registry& scales,
                                std::optional<convention> printed_in) {
    return memo_entry(m, text, context, printed_in ? static_cast<int>(*printed_in) : -1, units.content_id(),
                      scales.content_id(), [&] { return parse_value_once(text, context, units, scales, printed_in); });
}
}  // namespace

namespace detail {
reading read_text(std::string_view text, std::string_view context, const unit_registry& units,
                  const scale_registry& scales, std::optional<convention> printed_in) {
    if (memo::tables* const m = memo::current)
        return reading(&parsed_entry(*m, text, context, units, scales, printed_in).read);
    return reading(parse_value_once(text, context, units, scales, printed_in));
}

reading read_reported_text(std::string_view text) {
    if (memo::tables* const m = memo::current)  // no context and no registries decide this reading
        return reading(
            &memo_entry(*m, text, {}, reported_reading, 0, 0, [&] { return parse_reported_achievement(text); }).read);
    return reading(parse_reported_achievement(text));
}
}  // namespace detail

value parse_value(std::string_view text, std::string_view context, const unit_registry& units,
                  const scale_registry& scales, std::optional<convention> printed_in) {
    memo::tables* const m = memo::current;
    if (!m) return parse_value_once(text, context, units, scales, printed_in);
    return parsed_entry(*m, text, context, units, scales, printed_in).read;
}

namespace {

value parse_value_once(std::string_view text, std::string_view context, const unit_registry& units,
                       const scale_registry& scales, std::optional<convention> printed_in) {
    value v;
    v.text = std::string(text);
    if (const auto m = marker_kind(text)) {
        v.kind = *m;
        return v;
    }
    const std::string_view t = detail::trim(text);
    const std::size_t b = static_cast<std::size_t>(t.data() - text.data());
    const context_info ctx = resolve_context(context, units, scales);
    const bool money = ctx.unit() && ctx.unit()->kind == value_kind::money;
    // a bound: "<22", "≤5 menit", "> 90%", "minimal 80", "maks 5"
    if (const auto bp = bound_prefix(t)) {
        if (money) fail(text, b, "an amount of money is one number, not a bound");
        const std::size_t from = detail::skip_space(text, b + bp->second);
        if (from >= b + t.size()) fail(text, b, "a bound without a number");
        value inner = part_at(text, from, b + t.size(), ctx, units, scales, printed_in);
        if (!bounded_kind_ok(inner))
            fail(text, from, "a bound is a number, percent or count, not a " + std::string(to_string(inner.kind)));
        inner.bounded = inner.kind;
        inner.kind = value_kind::bound;
        inner.relation = bp->first;
        inner.text = std::string(text);
        return inner;
    }
    // a range: "80 - 85%", "9,74-9,59", "5 s/d 10 Dokumen"
    if (const auto sep = range_separator(t)) {
        if (!money) {
            std::size_t le = b + sep->first;
            while (le > b && detail::is_space(text[le - 1])) --le;
            const std::size_t rb = detail::skip_space(text, b + sep->first + sep->second);
            // a unit word before the separator: both ends are whole quantities, a range only when
            // they read as one kind and unit ("1 Dokumen - 2900 orang" is two quantities)
            const bool worded = detail::is_ascii_letter(text[le - 1]);
            std::optional<value> lo_read, hi_read;
            try {
                lo_read = part_at(text, b, le, ctx, units, scales, printed_in);
                hi_read = part_at(text, rb, b + t.size(), ctx, units, scales, printed_in);
            } catch (const parse_error&) {
                if (!worded) throw;
            }
            const bool same = lo_read && hi_read && bounded_kind_ok(*lo_read) && bounded_kind_ok(*hi_read) &&
                              lo_read->kind == hi_read->kind && detail::iequals(lo_read->unit, hi_read->unit) &&
                              !lo_read->unit.empty();
            if (worded && !same) return parse_one(text, ctx, units, scales, printed_in);
            value lo = *lo_read;
            value hi = *hi_read;
            adopt(lo, hi);
            adopt(hi, lo);
            if (!bounded_kind_ok(lo) || !bounded_kind_ok(hi))
                fail(text, b, "a range joins two numbers, percents or counts");
            if (lo.kind != hi.kind || !detail::iequals(lo.unit, hi.unit))
                fail(text, b,
                     "the two ends of a range differ in kind or unit (" + format_value(lo) + " and " +
                         format_value(hi) + ")");
            value r = lo;
            r.bounded = lo.kind;
            r.kind = value_kind::range;
            r.number = std::min(*lo.number, *hi.number);
            r.exact = *lo.number <= *hi.number ? lo.exact : hi.exact;
            r.upper = std::max(*lo.number, *hi.number);
            r.decimals = std::max(lo.decimals, hi.decimals);
            if (!r.written_in) r.written_in = hi.written_in;
            r.text = std::string(text);
            return r;
        }
    }
    return parse_one(text, ctx, units, scales, printed_in);
}

value parse_one(std::string_view text, const context_info& ctx, const unit_registry& units,
                const scale_registry& scales, std::optional<convention> printed_in) {
    const detail::ascii_text ascii = detail::ascii_number_text(text);
    if (ascii.unchanged) return parse_ascii_value(text, ctx, units, scales, printed_in);
    try {
        value v = parse_ascii_value(ascii.text, ctx, units, scales, printed_in);
        v.text = std::string(text);
        return v;
    } catch (const parse_error& e) {
        ascii.rethrow_on(e, text);
    }
}

// `ctx`: the context resolved once by parse_value_once (resolve_context).
value parse_ascii_value(std::string_view text, const context_info& ctx, const unit_registry& units,
                        const scale_registry& scales, std::optional<convention> printed_in) {
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
    if (const auto m = marker_kind(t)) {  // missing, placeholder, spreadsheet error
        v.kind = *m;
        return v;
    }

    // ratio "1 : N"
    if (const std::size_t colon = t.find(':'); colon != std::string_view::npos) {
        const std::size_t c = b + colon;
        const std::size_t lb = detail::skip_space(text, b);
        std::size_t le = c;
        while (le > lb && detail::is_space(text[le - 1])) --le;
        if (le == lb) fail(text, b, "a ratio is written 1 : N; nothing stands before ':'");
        if (detail::is_ascii_letter(text[lb])) {
            // a labelled quantity "R4 : 11 Unit": the label names what is counted (values.md)
            const std::size_t rb = detail::skip_space(text, c + 1);
            if (rb >= e) fail(text, c, "nothing follows the label's ':'");
            value quantity = part_at(text, rb, e, ctx, units, scales, printed_in);
            quantity.text = std::string(text);
            return quantity;
        }
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
        if (ctx.unit()) v.unit = ctx.unit()->name;
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
        number_context g_ctx = numbers_for(context_info{nullptr, std::nullopt, &grades, {}});
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
        // a scale word after the amount: "Rp48,29 juta" is Rp 48.290.000
        int power = 0;
        if (const auto word = scale_word_at_end(text, nb, ne)) {
            power = word->second;
            ne = word->first;
            while (ne > nb && detail::is_space(text[ne - 1])) --ne;
        }
        if (ne <= nb) fail(text, b, "\"Rp\" without an amount");
        if (const auto at = letter_in_amount(text, nb, ne)) money_typo(text, *at);
        parsed_number n;
        if (sen_after_point(text.substr(nb, ne - nb))) {
            // "Rp984.959.704.911.00": thousands grouped by points and the sen after a point (values.md)
            std::string local(text.substr(nb, ne - nb));
            local[local.size() - 3] = ',';
            n = number_at(local, 0, local.size(), units.get("Rupiah").numbers);
            n.written_in.reset();  // it mixes the two conventions: it shows neither
        } else {
            n = read_number(nb, ne, units.get("Rupiah").numbers);
        }
        v.kind = value_kind::money;
        v.unit = "Rupiah";
        v.number = n.value;
        v.exact = n.exact;
        v.decimals = n.decimals;
        v.written_in = n.written_in;
        if (power > 0) {
            // the amount in rupiah, exactly: 48,29 juta is 4829 / 10^2 x 10^6 = 48290000; the
            // printed precision (0,01 juta) is not kept (decimals count digits after the mark)
            const decimal& x = n.exact;
            std::int64_t units_ = x.units();
            int scale = x.scale() - power;
            for (; scale < 0; ++scale) {
                if (units_ > decimal::max_units / 10 || units_ < -(decimal::max_units / 10))
                    fail(text, nb, "the amount is beyond the 18 digits an amount of money is kept in",
                         "kinerja.parse.number");
                units_ *= 10;
            }
            v.exact = decimal(units_, scale);
            v.number = v.exact->to_double();
            v.decimals = std::max(n.decimals - power, 0);
        }
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
    std::optional<unit_info> unit_store;
    const unit_info* unit = nullptr;
    std::string unknown_word;
    const bool money_context = ctx.unit() && ctx.unit()->kind == value_kind::money;
    if (ub < e) {
        const std::string_view word = text.substr(ub, e - ub);
        // a letter where a digit belongs: "2.100.000.00O", "1.5OO.000"
        const bool digit_like = [&] {
            for (std::size_t i = ub; i < e; ++i)
                if (!digit_like_letter(text[i]) && !detail::is_digit(text[i]) && text[i] != '.' && text[i] != ',')
                    return false;
            return true;
        }();
        if (ub == ne && ((money_context && !units.lookup(word)) || digit_like)) money_typo(text, ub, money_context);
        // two quantities in one cell: "1 Dokumen 2900 orang"
        for (std::size_t i = ub; i < e; ++i) {
            if (!detail::is_digit(text[i]) || !(i > ub && detail::is_space(text[i - 1]))) continue;
            std::size_t first_end = i;
            while (first_end > ub && detail::is_space(text[first_end - 1])) --first_end;
            if (units.lookup(word)) break;  // a known word with digits ("per 100.000 KH")
            fail(text, i,
                 "the cell holds two quantities (\"" + std::string(text.substr(b, first_end - b)) + "\" and \"" +
                     std::string(text.substr(i, e - i)) + "\"); a cell holds one value: give each its own indicator",
                 "kinerja.parse.two_quantities");
        }
        unit = units.find(word);
        if (!unit && (unit_store = units.lookup(word))) unit = &*unit_store;
        if (unit && money_context && unit->kind != value_kind::money) unit = nullptr;  // "5 M"
        if (!unit && money_context)
            fail(text, ub,
                 "an amount of money holds only digits and separators; \"" +
                     detail::cut_utf8(word, message_quote_bytes) + "\" follows the amount",
                 "kinerja.parse.money_typo");
        // a satuan word holds no digits unless it is registered (M2, Km2) or a rate: "12a4" is no unit
        if (!unit && std::any_of(word.begin(), word.end(), [](char c) { return detail::is_digit(c); }))
            fail(text, ub,
                 "\"" + detail::cut_utf8(word, message_quote_bytes) +
                     "\" after the number is no unit word: it holds digits and is neither registered nor a rate",
                 "kinerja.parse.value");
        if (!unit) unknown_word = std::string(word);
    }
    const unit_info* numbers_unit = unit ? unit : ctx.unit();
    // a word nobody registered makes a count, and counts group thousands ("2.850 rang" is 2850)
    const number_context n_ctx = numbers_unit            ? numbers_unit->numbers
                                 : !unknown_word.empty() ? number_context{number_context::ambiguous_policy::grouping,
                                                                          std::nullopt, std::nullopt, std::nullopt}
                                                         : numbers_for(ctx);
    const parsed_number n = read_number(b, ne, n_ctx);
    v.kind = value_kind::number;
    v.number = n.value;
    v.exact = n.exact;
    v.decimals = n.decimals;
    v.written_in = n.written_in;
    if (unit)
        apply_unit(v, *unit);
    else if (!unknown_word.empty())
        apply_unknown_unit(v, unknown_word);
    else if (ctx.unit() && ctx.unit()->kind != value_kind::predicate)
        apply_unit(v, *ctx.unit());
    else if (!ctx.unknown.empty())
        apply_unknown_unit(v, ctx.unknown, value_kind::number);
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
        case value_kind::placeholder:
        case value_kind::spreadsheet_error: return std::string(detail::trim(v.text));
        case value_kind::bound:
        case value_kind::range: {
            value one = v;
            one.kind = v.bounded;
            one.relation = bound_relation::none;
            one.upper.reset();
            if (v.kind == value_kind::bound)
                return std::string(to_string(v.relation)) + " " + format_value(one, conv, d);
            if (!v.upper || !v.number) return format_value(one, conv, d);
            one.number = *v.upper;
            one.exact.reset();
            const std::string high = format_value(one, conv, d);
            // "80 - 85%": the unit once, after the upper end
            return num(*v.number, d) + " - " + high;
        }
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

target_check check_target(const value& target, const value& realization) {
    target_check c;
    const bool bound = target.kind == value_kind::bound;
    if ((!bound && target.kind != value_kind::range) || !target.number) {
        c.explanation = "the target is no bound or range";
        return c;
    }
    if (realization.is_missing() || !realization.number || realization.kind == value_kind::bound ||
        realization.kind == value_kind::range || realization.kind == value_kind::ratio ||
        realization.kind == value_kind::money) {
        c.explanation = "the realization is not one number, so it cannot be checked against " + target.text;
        return c;
    }
    if (!target.unit.empty() && !realization.unit.empty() && !detail::iequals(target.unit, realization.unit)) {
        c.explanation = "the units differ (" + target.unit + " and " + realization.unit + ")";
        return c;
    }
    const double r = *realization.number;
    const double t = *target.number;
    const std::string shown = realization.text.empty() ? format_value(realization, convention::english)
                                                       : std::string(detail::trim(realization.text));
    const std::string target_text =
        target.text.empty() ? format_value(target, convention::english) : std::string(detail::trim(target.text));
    auto gap = [](double x) { return detail::shortest(x); };
    if (bound) {
        bool met = false;
        switch (target.relation) {
            case bound_relation::below: met = r < t; break;
            case bound_relation::at_most: met = r <= t; break;
            case bound_relation::above: met = r > t; break;
            case bound_relation::at_least: met = r >= t; break;
            case bound_relation::none: break;
        }
        c.status = met ? "met" : "not met";
        c.distance = met ? 0.0 : std::fabs(r - t);
        c.explanation = "the realization " + shown + (met ? " meets" : " does not meet") + " the target " +
                        target_text + (met ? "" : " (it misses the bound by " + gap(*c.distance) + ")");
        return c;
    }
    const double hi = target.upper.value_or(t);
    if (r < t) {
        c.status = "below";
        c.distance = t - r;
    } else if (r > hi) {
        c.status = "above";
        c.distance = r - hi;
    } else {
        c.status = "within";
        c.distance = 0.0;
    }
    c.explanation = "the realization " + shown + " lies " + c.status + " the range " + target_text +
                    (c.status == "within" ? "" : " (by " + gap(*c.distance) + ")");
    return c;
}

namespace detail {
std::optional<int> money_scale_word(std::string_view text) noexcept {
    const std::string_view t = trim(text);
    const auto word = scale_word_at_end(t, 0, t.size());
    return word ? std::optional<int>(word->second) : std::nullopt;
}

std::optional<double> money_scaled_unit(std::string_view text) {
    const std::string_view t = trim(text);
    const auto word = scale_word_at_end(t, 0, t.size());
    if (!word) return std::nullopt;
    try {
        // the amount before its word ("Rp16,6"): its digits after the mark are the printed precision
        const value v = parse_value(t.substr(0, word->first));
        if (v.kind != value_kind::money || !v.number) return std::nullopt;
        return std::pow(10.0, word->second - v.decimals);
    } catch (const error&) {
        return std::nullopt;  // the whole amount's reading reports it
    }
}
}  // namespace detail

}  // namespace kinerja
