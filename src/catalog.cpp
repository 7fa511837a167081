// SPDX-License-Identifier: Apache-2.0
// The formula catalog (docs/catalog.md): reader with file/line/column errors, the checks of an
// entry against its formula, merging, the bundled catalog and the test-vector runner.
#include <kinerja/catalog.hpp>
#include <kinerja/plan_values.hpp>

#include <kinerja/detail/files.hpp>
#include <kinerja/detail/plan_catalogs.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <utility>

namespace kinerja {

namespace {

constexpr const char* schema_id = "kinerja.catalog.schema";

std::string num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

std::string short_num(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

bool is_identifier_char(char c) noexcept {
    return detail::is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool valid_variable_name(std::string_view s) noexcept {
    if (s.empty() || detail::is_digit(s.front())) return false;
    return std::all_of(s.begin(), s.end(), is_identifier_char);
}

bool valid_id(std::string_view s) noexcept {
    if (s.empty() || !(is_identifier_char(s.front()) && s.front() != '_')) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return is_identifier_char(c) || c == '-' || c == '.'; });
}

// A YAML 1.2 core-schema number without signs of infinity or NaN: [-+]?(digits[.digits]|.digits)([eE][-+]?digits)?
bool yaml_number(std::string_view s) noexcept {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t digits = 0;
    while (i < s.size() && detail::is_digit(s[i])) ++i, ++digits;
    if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && detail::is_digit(s[i])) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        std::size_t exp = 0;
        while (i < s.size() && detail::is_digit(s[i])) ++i, ++exp;
        if (exp == 0) return false;
    }
    return i == s.size();
}

constexpr missing_reason all_reasons[] = {missing_reason::missing_input, missing_reason::division_by_zero,
                                          missing_reason::domain, missing_reason::not_finite,
                                          missing_reason::no_previous};

std::string reason_list() {
    std::string out;
    for (missing_reason m : all_reasons) out += (out.empty() ? "\"" : ", \"") + std::string(to_string(m)) + "\"";
    return out;
}

struct reader {
    std::string file;
    std::string_view source;

    location at_offset(std::size_t offset) const {
        offset = std::min(offset, source.size());
        int line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < offset; ++i)
            if (source[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        return location{file, line, static_cast<int>(offset - line_start) + 1};
    }
    location at(const YAML::Node& n) const {
        const YAML::Mark m = n.Mark();
        if (m.pos >= 0 && static_cast<std::size_t>(m.pos) <= source.size())
            return at_offset(static_cast<std::size_t>(m.pos));
        return location{file, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
    }
    // Where a value stands; an empty value (`key:` with nothing after it) stands at its key.
    location at(const YAML::Node& key, const YAML::Node& value) const {
        if (value.IsNull()) {
            const location k = at(key), v = at(value);
            if (v.line != k.line) return k;
        }
        return at(value);
    }
    [[noreturn]] void fail(const location& l, const std::string& why, const char* id = schema_id) const {
        throw file_error(id, l.file, l.line, l.column, why);
    }
    [[noreturn]] void fail(const YAML::Node& n, const std::string& why, const char* id = schema_id) const {
        fail(at(n), why, id);
    }

    std::string text(const YAML::Node& key, const YAML::Node& n, const std::string& what) const {
        if (n.IsNull()) fail(at(key, n), what + " is empty");
        if (!n.IsScalar()) fail(n, what + " must be a single value (text), not a " + (n.IsMap() ? "mapping" : "list"));
        return n.Scalar();
    }
    double number(const YAML::Node& key, const YAML::Node& n, const std::string& what) const {
        if (n.IsNull()) fail(at(key, n), what + " is empty (write a number)");
        if (!n.IsScalar()) fail(n, what + " must be a number, not a " + (n.IsMap() ? "mapping" : "list"));
        const std::string s = n.Scalar();
        if (n.Tag() != "?") fail(n, what + " must be a YAML number, not quoted text (write " + s + " without quotes)");
        if (!yaml_number(s))
            fail(n, what +
                        " must be a number written as YAML reads it (77.9, 11840364035, 1e5: a '.' decimal "
                        "mark and no thousands separators), got \"" +
                        s + "\"");
        errno = 0;
        const double v = std::strtod(s.c_str(), nullptr);
        if (errno == ERANGE || !std::isfinite(v)) fail(n, what + " is out of range: " + s);
        return v;
    }
    void expect_map(const YAML::Node& key, const YAML::Node& n, const std::string& what) const {
        if (!n.IsMap()) fail(at(key, n), what + " must be a mapping (key: value lines)");
    }

    // The location of character `position` of scalar `n`'s value in the source: follows the
    // source from the scalar's start (skipping an opening quote or a block indicator line),
    // matching each character of the value; a run of white space in the value matches a run of
    // white space (line breaks, indentation) in the source. Falls back to the scalar's start.
    location in_scalar(const YAML::Node& n, std::size_t position) const {
        const YAML::Mark m = n.Mark();
        if (m.pos < 0 || static_cast<std::size_t>(m.pos) >= source.size()) return at(n);
        const std::string value = n.Scalar();
        position = std::min(position, value.size());
        std::size_t i = static_cast<std::size_t>(m.pos);
        char quote = 0;
        if (source[i] == '"' || source[i] == '\'') {
            quote = source[i];
            ++i;
        } else if (source[i] == '|' || source[i] == '>') {
            while (i < source.size() && source[i] != '\n') ++i;
            if (i < source.size()) ++i;
            while (i < source.size() && (source[i] == ' ' || source[i] == '\t')) ++i;
        }
        for (std::size_t k = 0; k < position; ++k) {
            if (i >= source.size()) return at(n);
            const char c = value[k];
            if (detail::is_space(c)) {
                if (detail::is_space(source[i]))
                    while (i < source.size() && detail::is_space(source[i])) ++i;
                continue;
            }
            if (source[i] == c) {
                ++i;
            } else if (quote == '"' && source[i] == '\\' && i + 1 < source.size()) {
                i += 2;
            } else if (quote == '\'' && source[i] == '\'' && i + 1 < source.size() && source[i + 1] == '\'') {
                i += 2;
            } else {
                return at(n);
            }
        }
        if (position < value.size() && !detail::is_space(value[position]))
            while (i < source.size() && detail::is_space(source[i])) ++i;
        return at_offset(i);
    }
};

// The keys of a mapping, each once, checked against the allowed ones.
struct fields {
    std::map<std::string, std::pair<YAML::Node, YAML::Node>> items;

    fields(const reader& r, const YAML::Node& n, const std::vector<const char*>& allowed, const std::string& what) {
        for (auto it = n.begin(); it != n.end(); ++it) {
            const YAML::Node key = it->first;
            if (!key.IsScalar()) r.fail(key, "a key of " + what + " must be text");
            const std::string name = key.Scalar();
            if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return name == a; }) ==
                allowed.end()) {
                std::string list;
                for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                r.fail(key, "unknown key \"" + name + "\" in " + what + " (allowed: " + list + ")");
            }
            if (items.count(name)) r.fail(key, "key \"" + name + "\" appears twice in " + what);
            items.emplace(name, std::make_pair(key, it->second));
        }
    }
    const std::pair<YAML::Node, YAML::Node>* find(const std::string& name) const {
        auto it = items.find(name);
        return it == items.end() ? nullptr : &it->second;
    }
    const std::pair<YAML::Node, YAML::Node>& need(const reader& r, const YAML::Node& owner, const std::string& name,
                                                  const std::string& what) const {
        const auto* f = find(name);
        if (!f) r.fail(owner, what + " needs a " + name + ": key");
        return *f;
    }
};

localized_text localized(const reader& r, const YAML::Node& key, const YAML::Node& n, const std::string& what) {
    r.expect_map(key, n, what + " (with id: Indonesian and en: English)");
    const fields f(r, n, {"id", "en"}, what);
    localized_text t;
    const auto& id = f.need(r, n, "id", what);
    t.id = r.text(id.first, id.second, what + ".id");
    const auto& en = f.need(r, n, "en", what);
    t.en = r.text(en.first, en.second, what + ".en");
    if (detail::trim(t.id).empty()) r.fail(id.second, what + ".id is blank");
    if (detail::trim(t.en).empty()) r.fail(en.second, what + ".en is blank");
    return t;
}

// Offset of variable `name` as an identifier in formula text (npos if not found).
std::size_t find_identifier(std::string_view text, std::string_view name) {
    std::size_t from = 0;
    while ((from = text.find(name, from)) != std::string_view::npos) {
        const bool left = from == 0 || !is_identifier_char(text[from - 1]);
        const std::size_t end = from + name.size();
        const bool right = end >= text.size() || !is_identifier_char(text[end]);
        if (left && right) return from;
        from = end;
    }
    return std::string_view::npos;
}

// A canonical unit word with the given dimension and factor, or "".
std::string unit_word_for(const unit_registry& units, const dimension& d, double factor) {
    for (const std::string& w : units.words()) {
        const unit_info& u = units.get(w);
        if (u.dimension == d && std::fabs(u.factor - factor) <= 1e-9 * std::fabs(factor)) return u.name;
    }
    return std::string();
}

std::string describe_unit(const formula_unit& u) {
    return u.text() + " (dimension " + u.dimension.to_string() + ", factor " + num(u.factor) + ")";
}

std::vector<catalog_variable> read_variables(const reader& r, const YAML::Node& key, const YAML::Node& n,
                                             const std::string& what, const unit_registry& units) {
    std::vector<catalog_variable> out;
    if (n.IsNull()) return out;
    r.expect_map(key, n, what + " variables");
    std::set<std::string> seen;
    for (auto it = n.begin(); it != n.end(); ++it) {
        catalog_variable v;
        v.name = r.text(it->first, it->first, what + " variable name");
        v.location = r.at(it->first);
        if (!valid_variable_name(v.name))
            r.fail(it->first,
                   "variable name \"" + v.name + "\" must be letters, digits and '_', not starting with a digit");
        if (!seen.insert(v.name).second) r.fail(it->first, "variable \"" + v.name + "\" appears twice in " + what);
        const std::string vw = what + " variable " + v.name;
        r.expect_map(it->first, it->second, vw + " (with unit: and definition:)");
        const fields f(r, it->second, {"unit", "definition"}, vw);
        const auto& u = f.need(r, it->second, "unit", vw);
        v.unit = r.text(u.first, u.second, vw + " unit");
        if (!units.find(v.unit))
            r.fail(u.second,
                   "unknown unit word \"" + v.unit + "\" for " + vw +
                       " (see `kinerja units`; register your own words first)",
                   "kinerja.catalog.unit");
        const auto& d = f.need(r, it->second, "definition", vw);
        v.definition = localized(r, d.first, d.second, vw + " definition");
        out.push_back(std::move(v));
    }
    return out;
}

std::optional<double> optional_number(const reader& r, const YAML::Node& key, const YAML::Node& n,
                                      const std::string& what) {
    if (n.IsNull()) return std::nullopt;
    return r.number(key, n, what);
}

test_vector read_vector(const reader& r, const YAML::Node& n, const catalog_entry& e, std::size_t index) {
    const std::string what = "entry \"" + e.id + "\" tests[" + std::to_string(index) + "]";
    if (!n.IsMap()) r.fail(n, what + " must be a mapping (inputs:, expected:, ...)");
    const fields f(r, n, {"inputs", "expected", "reason", "tolerance"}, what);
    test_vector t;
    t.location = r.at(n);
    if (const auto* in = f.find("inputs"); in && !in->second.IsNull()) {
        r.expect_map(in->first, in->second, what + " inputs");
        for (auto it = in->second.begin(); it != in->second.end(); ++it) {
            const std::string name = r.text(it->first, it->first, what + " input name");
            if (!e.variable(name))
                r.fail(it->first,
                       "input \"" + name + "\" of " + what + " is not a variable of the formula " + e.formula.text(),
                       "kinerja.catalog.variable");
            if (t.inputs.count(name)) r.fail(it->first, "input \"" + name + "\" appears twice in " + what);
            t.inputs[name] = optional_number(r, it->first, it->second, what + " input " + name);
        }
    }
    const auto& ex = f.need(r, n, "expected", what);
    t.expected = optional_number(r, ex.first, ex.second, what + " expected");
    const auto* reason = f.find("reason");
    if (t.expected) {
        if (reason) r.fail(reason->first, what + ": reason is only for a missing (null) expected result");
    } else {
        if (!reason)
            r.fail(ex.first, what + " expects a missing result (null): say why with reason: (" + reason_list() + ")");
        const std::string text = r.text(reason->first, reason->second, what + " reason");
        bool found = false;
        for (missing_reason m : all_reasons)
            if (detail::iequals(text, to_string(m))) {
                t.reason = m;
                found = true;
            }
        if (!found)
            r.fail(reason->second, what + ": unknown reason \"" + text + "\" (use one of " + reason_list() + ")");
    }
    if (const auto* tol = f.find("tolerance")) {
        if (!t.expected) r.fail(tol->first, what + ": tolerance is only for a numeric expected result");
        t.tolerance = r.number(tol->first, tol->second, what + " tolerance");
        if (*t.tolerance < 0) r.fail(tol->second, what + ": tolerance must not be negative");
    }
    return t;
}

catalog_entry read_entry(const reader& r, const YAML::Node& n, std::size_t position, const unit_registry& units) {
    const std::string where = "indicators[" + std::to_string(position) + "]";
    if (!n.IsMap()) r.fail(n, where + " must be a mapping (id:, name:, formula:, ...)");
    const fields f(
        r, n,
        {"id", "name", "formula", "unit", "polarity", "factor", "variables", "regulation", "source", "notes", "tests"},
        "a catalog entry");
    catalog_entry e;
    e.location = r.at(n);

    const auto& id = f.need(r, n, "id", where);
    e.id = r.text(id.first, id.second, "id");
    if (!valid_id(e.id))
        r.fail(id.second,
               "id \"" + e.id + "\" must start with a letter or digit and hold only letters, digits, '-', '_' and '.'");
    const std::string what = "entry \"" + e.id + "\"";

    const auto& name = f.need(r, n, "name", what);
    e.name = localized(r, name.first, name.second, what + " name");

    if (const auto* v = f.find("variables")) e.variables = read_variables(r, v->first, v->second, what, units);
    const std::map<std::string, std::string> declared = e.units();

    // The formula, compiled with the declared units; errors point into the file.
    const auto& fx = f.need(r, n, "formula", what);
    const std::string text = r.text(fx.first, fx.second, what + " formula");
    try {
        e.formula = formula::compile(text, declared, formula_options{}, units);
    } catch (const formula_error& err) {
        // show the formula's line that holds the mistake, with a caret under it
        const std::size_t pos = std::min(err.position(), text.size());
        const std::size_t begin = pos == 0                                         ? 0
                                  : text.rfind('\n', pos - 1) == std::string::npos ? 0
                                                                                   : text.rfind('\n', pos - 1) + 1;
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        r.fail(r.in_scalar(fx.second, err.position()),
               "the formula of " + what + " does not compile (" + err.id() + ", at character " +
                   std::to_string(err.column()) + " of the formula): " + err.plain_reason() + "\n  " +
                   text.substr(begin, end - begin) + "\n  " + std::string(pos - begin, ' ') + "^",
               "kinerja.catalog.formula");
    } catch (const error& err) {
        r.fail(fx.second, "the formula of " + what + " does not compile: " + std::string(err.what()),
               "kinerja.catalog.formula");
    }
    for (const std::string& v : e.formula.variables())
        if (!declared.count(v)) {
            const std::size_t at = find_identifier(text, v);
            r.fail(at == std::string::npos ? r.at(fx.second) : r.in_scalar(fx.second, at),
                   "variable \"" + v + "\" of the formula of " + what +
                       " is not declared: add it under variables: with its unit and definition",
                   "kinerja.catalog.variable");
        }
    for (const catalog_variable& v : e.variables)
        if (std::find(e.formula.variables().begin(), e.formula.variables().end(), v.name) ==
            e.formula.variables().end())
            r.fail(
                v.location,
                "variable \"" + v.name + "\" of " + what + " is declared but the formula " + text + " does not use it",
                "kinerja.catalog.variable");

    // The declared unit must be the formula's.
    const auto& un = f.need(r, n, "unit", what);
    e.unit = r.text(un.first, un.second, what + " unit");
    const unit_info* info = units.find(e.unit);
    if (!info)
        r.fail(un.second, "unknown unit word \"" + e.unit + "\" for " + what + " (see `kinerja units`)",
               "kinerja.catalog.unit");
    const formula_unit& fu = e.formula.unit();
    if (!fu.known)
        r.fail(fx.second, "the unit of the formula of " + what + " cannot be inferred", "kinerja.catalog.unit");
    if (fu.dimension != info->dimension || std::fabs(fu.factor - info->factor) > 1e-9 * std::fabs(info->factor)) {
        const std::string word = unit_word_for(units, fu.dimension, fu.factor);
        r.fail(un.second,
               "unit mismatch in " + what + ": unit is \"" + e.unit + "\" (dimension " + info->dimension.to_string() +
                   ", factor " + num(info->factor) + "), but the formula gives " + describe_unit(fu) +
                   (word.empty() ? std::string() : "; write unit: " + word + " or fix the formula"),
               "kinerja.catalog.unit");
    }
    if (const auto* fa = f.find("factor")) {
        e.factor = r.number(fa->first, fa->second, what + " factor");
        if (std::fabs(*e.factor * fu.factor - 1.0) > 1e-9)
            r.fail(fa->second,
                   "factor " + num(*e.factor) + " of " + what +
                       " does not agree with the formula, which multiplies by " + num(1.0 / fu.factor) +
                       " (its unit is " + fu.text() + ")",
                   "kinerja.catalog.unit");
    }

    const auto& po = f.need(r, n, "polarity", what);
    const std::string pol = r.text(po.first, po.second, what + " polarity");
    if (pol == "higher")
        e.polarity = polarity::higher;
    else if (pol == "lower")
        e.polarity = polarity::lower;
    else
        r.fail(po.second, what + ": polarity is higher or lower, got \"" + pol + "\"");

    const auto& reg = f.need(r, n, "regulation", what);
    e.regulation = r.text(reg.first, reg.second, what + " regulation");
    if (const auto* s = f.find("source"); s && !s->second.IsNull())
        e.source = r.text(s->first, s->second, what + " source");
    if (const auto* s = f.find("notes"); s && !s->second.IsNull())
        e.notes = r.text(s->first, s->second, what + " notes");

    const auto& ts = f.need(r, n, "tests", what);
    if (!ts.second.IsSequence() || ts.second.size() == 0)
        r.fail(r.at(ts.first, ts.second),
               what + " tests must be a list of at least one test vector (- inputs: ..., expected: ...)");
    for (std::size_t i = 0; i < ts.second.size(); ++i) e.tests.push_back(read_vector(r, ts.second[i], e, i));
    return e;
}

[[noreturn]] void duplicate(const catalog_entry& first, const catalog_entry& second) {
    throw file_error("kinerja.catalog.duplicate_id", second.location.file, second.location.line, second.location.column,
                     "entry \"" + second.id + "\" is already defined at " + first.location.to_string());
}

bool close_enough(double actual, double expected, const std::optional<double>& tolerance, double& allowed) {
    const double diff = std::fabs(actual - expected);
    if (tolerance) {
        allowed = *tolerance;
        return diff <= *tolerance;
    }
    allowed = std::max(1e-9 * std::fabs(expected), 1e-12);
    return diff <= allowed;
}

std::string shown(const std::optional<double>& v, missing_reason reason) {
    return v ? num(*v) : "missing (" + std::string(to_string(reason)) + ")";
}

}  // namespace

// ----------------------------------------------------------------------------- entries

const catalog_variable* catalog_entry::variable(std::string_view variable_name) const noexcept {
    for (const catalog_variable& v : variables)
        if (v.name == variable_name) return &v;
    return nullptr;
}

std::map<std::string, std::string> catalog_entry::units() const {
    std::map<std::string, std::string> out;
    for (const catalog_variable& v : variables) out[v.name] = v.unit;
    return out;
}

// ----------------------------------------------------------------------------- catalog

catalog catalog::parse(std::string_view yaml, const std::string& file, const unit_registry& units) {
    const YAML::Node root = detail::load_yaml(yaml, file, "kinerja.catalog.yaml");
    const reader r{file, yaml};
    if (!root.IsMap())
        throw file_error(schema_id, file, 1, 1, "a catalog file is a mapping with kinerja_catalog: 1 and indicators:");
    const fields f(r, root, {"kinerja_catalog", "indicators"}, "a catalog file");
    const auto* version = f.find("kinerja_catalog");
    if (!version)
        throw file_error(schema_id, file, 1, 1, "a catalog file starts with kinerja_catalog: 1 (the format version)");
    const double v = r.number(version->first, version->second, "kinerja_catalog");
    if (v != 1.0)
        r.fail(version->second,
               "kinerja_catalog: " + version->second.Scalar() + " is not a known format version (1 is)");
    const auto* list = f.find("indicators");
    if (!list) throw file_error(schema_id, file, 1, 1, "a catalog file needs an indicators: list");
    catalog c;
    if (list->second.IsNull()) return c;
    if (!list->second.IsSequence()) r.fail(list->second, "indicators must be a list (lines starting with '- ')");
    for (std::size_t i = 0; i < list->second.size(); ++i) c.add(read_entry(r, list->second[i], i, units));
    return c;
}

catalog catalog::load(const std::string& path, const unit_registry& units) {
    return parse(detail::read_file(path, "kinerja.catalog.io"), path, units);
}

std::vector<std::string> catalog::ids() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const catalog_entry& e : entries_) out.push_back(e.id);
    return out;
}

const catalog_entry* catalog::find(std::string_view id) const noexcept {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &entries_[it->second];
}

const catalog_entry& catalog::get(std::string_view id) const {
    if (const catalog_entry* e = find(id)) return *e;
    std::string known;
    for (std::size_t i = 0; i < entries_.size() && i < 12; ++i) known += (i ? ", " : "") + entries_[i].id;
    if (entries_.size() > 12) known += ", ...";
    throw lookup_error("kinerja.lookup.catalog_entry", std::string(id),
                       "no catalog entry \"" + std::string(id) + "\"" +
                           (known.empty() ? std::string(" (the catalog is empty)") : " (known: " + known + ")"));
}

void catalog::add(catalog_entry entry) {
    if (const catalog_entry* first = find(entry.id)) duplicate(*first, entry);
    index_.emplace(entry.id, entries_.size());
    entries_.push_back(std::move(entry));
}

void catalog::merge(const catalog& other) {
    for (const catalog_entry& e : other.entries_)
        if (const catalog_entry* first = find(e.id)) duplicate(*first, e);
    for (const catalog_entry& e : other.entries_) add(e);
}

catalog parse_catalog(std::string_view yaml, const std::string& file) { return catalog::parse(yaml, file); }

catalog load_catalog(const std::string& path) { return catalog::load(path); }

catalog merge_catalogs(const std::vector<catalog>& catalogs) {
    catalog out;
    for (const catalog& c : catalogs) out.merge(c);
    return out;
}

catalog load_catalogs(const std::vector<std::string>& paths) {
    catalog out;
    for (const std::string& p : paths) out.merge(catalog::load(p));
    return out;
}

std::string bundled_catalog_directory() { return data_directory() + "/catalog"; }

std::vector<std::string> bundled_catalog_paths() {
    namespace fs = std::filesystem;
    const std::string dir = bundled_catalog_directory();
    std::error_code ec;
    std::vector<std::string> out;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".yaml") out.push_back(it->path().string());
    if (ec || out.empty())
        throw file_error("kinerja.catalog.io", dir, 0, 0,
                         ec ? "cannot read the bundled catalog directory: " + ec.message()
                            : std::string("the bundled catalog directory holds no .yaml file (set KINERJA_DATA_DIR?)"));
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

// The process-wide catalogs: the bundled one (loaded once per data directory) and the default
// that set_default_catalog may replace. One mutex guards both; loading happens under it, so two
// threads never load the bundled catalog twice.
struct shared_catalogs {
    std::mutex mutex;
    std::string bundled_directory;
    std::shared_ptr<const catalog> bundled;
    std::shared_ptr<const catalog> replaced;
};
shared_catalogs& shared() {
    static shared_catalogs s;
    return s;
}
std::shared_ptr<const catalog> bundled_locked(shared_catalogs& s) {
    const std::string dir = bundled_catalog_directory();
    if (!s.bundled || s.bundled_directory != dir) {
        s.bundled = std::make_shared<const catalog>(load_catalogs(bundled_catalog_paths()));
        s.bundled_directory = dir;
    }
    return s.bundled;
}

}  // namespace

std::shared_ptr<const catalog> shared_bundled_catalog() {
    shared_catalogs& s = shared();
    const std::lock_guard<std::mutex> lock(s.mutex);
    return bundled_locked(s);
}

catalog bundled_catalog() { return *shared_bundled_catalog(); }

std::shared_ptr<const catalog> default_catalog() {
    shared_catalogs& s = shared();
    const std::lock_guard<std::mutex> lock(s.mutex);
    return s.replaced ? s.replaced : bundled_locked(s);
}

void set_default_catalog(std::shared_ptr<const catalog> c) {
    shared_catalogs& s = shared();
    const std::lock_guard<std::mutex> lock(s.mutex);
    s.replaced = std::move(c);
}

std::vector<std::string> nearest_catalog_ids(const catalog& c, std::string_view id, std::size_t count) {
    std::vector<std::string> ids;
    ids.reserve(c.entries().size());
    for (const auto& e : c.entries()) ids.push_back(e.id);
    return nearest_names(id, ids, count);  // the one nearness of names (plan_values.hpp)
}

std::shared_ptr<const catalog> plan::resolved_catalog() const {
    return loaded_catalog ? loaded_catalog : default_catalog();
}

std::optional<polarity> indicator_polarity(const plan& p, const indicator& ind) {
    if (!ind.scale.empty()) return std::nullopt;
    if (ind.polarity) return ind.polarity;
    if (ind.catalog.empty()) return std::nullopt;
    const std::shared_ptr<const catalog> c = p.resolved_catalog();
    if (const catalog_entry* e = c->find(ind.catalog)) return e->polarity;
    return std::nullopt;
}

namespace detail {

void load_plan_catalogs(plan& p, const reference_sites& sites, const std::vector<location>& listed,
                        const location& key) {
    // The indicators that name a catalog entry, with the version whose entry names it.
    std::vector<std::pair<const std::string*, const indicator*>> refs;
    static const std::string main_version;
    for (const auto* list : {&p.nodes, &p.history})
        for (const node& n : *list)
            for (const indicator& i : n.indicators)
                if (!i.catalog.empty()) refs.emplace_back(&main_version, &i);
    for (const plan_version& v : p.versions)
        for (const node& n : v.nodes)
            for (const indicator& i : n.indicators)
                if (!i.catalog.empty()) refs.emplace_back(&v.name, &i);

    std::string described;  // what the references were looked up in, for the message
    if (p.catalogs) {
        namespace fs = std::filesystem;
        const fs::path base = fs::path(p.file).parent_path();  // the file name's bytes, as load_plan read it
        auto merged = std::make_shared<catalog>();
        for (std::size_t k = 0; k < p.catalogs->size(); ++k) {
            const std::string& item = (*p.catalogs)[k];
            const location& at = k < listed.size() ? listed[k] : key;
            described += (described.empty() ? "catalogs: " : ", ") + item;
            if (item == "bundled") {  // the keyword; write ./bundled for a file of that name
                merged->merge(*shared_bundled_catalog());
                continue;
            }
            const fs::path path(item);
            const std::string resolved = (path.is_absolute() || base.empty() ? path : base / path).string();
            catalog loaded;
            try {
                loaded = catalog::load(resolved);
            } catch (const file_error& e) {
                if (e.id() != "kinerja.catalog.io") throw;
                throw file_error(
                    "kinerja.catalog.io", at.file, at.line, at.column,
                    "catalogs: catalog file \"" + item + "\" (" + resolved + ") cannot be read: " + e.reason());
            }
            merged->merge(loaded);
        }
        p.loaded_catalog = std::move(merged);
    } else if (!refs.empty()) {
        p.loaded_catalog = default_catalog();
        described = "the default catalog";
    }
    if (!p.catalogs) described = "the default catalog; list others under catalogs:";

    for (const auto& [version, ind] : refs) {
        if (p.loaded_catalog->find(ind->catalog)) continue;
        const location& at = sites.find(*version, ind->id, "catalog", ind->location);
        std::string nearest;
        for (const std::string& id : nearest_catalog_ids(*p.loaded_catalog, ind->catalog))
            nearest += (nearest.empty() ? "" : ", ") + id;
        throw file_error("kinerja.plan.reference", at.file, at.line, at.column,
                         "indicator \"" + ind->id + "\" names catalog entry \"" + ind->catalog +
                             "\", which no loaded catalog defines (" + described + ")" +
                             (nearest.empty() ? std::string("; the catalogs are empty") : "; nearest: " + nearest));
    }
}

}  // namespace detail

// ----------------------------------------------------------------------------- test vectors

std::vector<vector_result> run_tests(const catalog_entry& entry) {
    std::vector<vector_result> out;
    out.reserve(entry.tests.size());
    for (std::size_t i = 0; i < entry.tests.size(); ++i) {
        const test_vector& t = entry.tests[i];
        std::map<std::string, double> values;
        for (const auto& [name, v] : t.inputs) values[name] = v ? *v : std::nan("");
        // a variable the vector leaves out is a missing value (catalog format), not absent data
        for (const std::string& name : entry.formula.variables()) {
            const bool given = std::any_of(values.begin(), values.end(), [&](const auto& kv) {
                return kv.first.compare(0, kv.first.find('['), name) == 0;
            });
            if (!given) values[name] = std::nan("");
        }
        const formula_result got = entry.evaluate(values);
        vector_result r;
        r.entry = entry.id;
        r.index = i;
        r.expected = t.expected;
        r.expected_reason = t.expected ? missing_reason::none : t.reason;
        r.actual = got.value;
        r.actual_reason = got.reason;
        r.location = t.location;
        const std::string compared =
            "expected " + shown(t.expected, t.reason) + ", got " + shown(got.value, got.reason);
        if (t.expected && got.value) {
            double allowed = 0.0;
            r.passed = close_enough(*got.value, *t.expected, t.tolerance, allowed);
            r.message = compared;
            if (!r.passed)
                r.message += " (difference " + short_num(std::fabs(*got.value - *t.expected)) + ", allowed " +
                             short_num(allowed) + ")";
        } else if (!t.expected && !got.value) {
            r.passed = got.reason == t.reason;
            r.message = compared;
        } else {
            r.passed = false;
            r.message = compared;
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<vector_result> run_tests(const catalog& c) {
    std::vector<vector_result> out;
    for (const catalog_entry& e : c.entries()) {
        std::vector<vector_result> part = run_tests(e);
        out.insert(out.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    return out;
}

}  // namespace kinerja
