// SPDX-License-Identifier: Apache-2.0
// The old plan loader, for bench/load only: src/plan_yaml.cpp's reader as it was before the libyaml
// reader (main at 7f2173e), on yaml-cpp's tree (detail::load_yaml), renamed old_parse_plan. Only
// the benchmark builds it; the library does not contain it. Its writer and the rest are left out.
#include <kinerja/conventions.hpp>
#include <kinerja/plan_io.hpp>

#include <kinerja/detail/files.hpp>
#include <kinerja/detail/input_checks.hpp>
#include <kinerja/detail/plan_catalogs.hpp>
#include <kinerja/detail/references.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <tuple>
#include <unordered_map>

#ifndef KINERJA_INSTALL_DATADIR
#define KINERJA_INSTALL_DATADIR ""
#endif
#ifndef KINERJA_SOURCE_DATADIR
#define KINERJA_SOURCE_DATADIR ""
#endif

namespace kinerja {
plan old_parse_plan(std::string_view yaml, const std::string& file, const load_limits& limits);

namespace {

// ----------------------------------------------------------------------------- reading helpers

struct reader {
    std::string file;
    load_limits limits;
    // Where reference values (parent, successor, supports, replaces, polarity, over) were read,
    // by version, the id of their owner and key ("supports#2" for the third item of a list): the
    // reference checks, which run after the whole file is read, point at the value itself.
    mutable detail::reference_sites sites;
    mutable std::string scope;  // the version whose entries are being read ("" for the main nodes)
    mutable std::uint64_t nodes = 0;

    void note_reference(const std::string& owner, const std::string& key, const YAML::Node& v) const {
        sites.note(scope, owner, key, where(v));
        if (v.IsSequence())
            for (std::size_t i = 0; i < v.size(); ++i)
                sites.note(scope, owner, key + '#' + std::to_string(i), where(v[i]));
    }
    // One more node (of nodes, history or a version): within limits.max_nodes.
    void count_node(const YAML::Node& n) const {
        if (++nodes > limits.max_nodes) {
            const location l = where(n);
            detail::limit_exceeded("nodes", limits.max_nodes,
                                   "the plan has more than " + std::to_string(limits.max_nodes) +
                                       " nodes (nodes, history and version entries); this is node " +
                                       std::to_string(nodes),
                                   file, l.line, l.column);
        }
    }
    // A period [from, to]: years in 1000..9998, from <= to, within limits.max_period_years.
    std::pair<int, int> period(const YAML::Node& n, const std::string& what) const {
        if (!n.IsSequence() || n.size() != 2) fail(n, what + " is [from, to]");
        const int from = integer(n[0], what), to = integer(n[1], what);
        for (std::size_t k = 0; k < 2; ++k) {
            const int y = k == 0 ? from : to;
            if (y < 1000 || y > last_plan_year)
                fail(n[k], what + ": year " + std::to_string(y) + " is out of range (1000 to 9998)");
        }
        if (to < from) fail(n, what + " ends before it starts");
        const auto years = static_cast<std::uint64_t>(to - from) + 1;
        if (years > limits.max_period_years) {
            const location l = where(n);
            detail::limit_exceeded("period_years", limits.max_period_years,
                                   what + " [" + std::to_string(from) + ", " + std::to_string(to) + "] has " +
                                       std::to_string(years) + " years",
                                   file, l.line, l.column);
        }
        return {from, to};
    }

    location where(const YAML::Node& n) const {
        const YAML::Mark m = n.Mark();
        return location{file, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
    }
    [[noreturn]] void fail(const YAML::Node& n, const std::string& why) const {
        const location l = where(n);
        throw file_error("kinerja.plan.schema", file, l.line, l.column, why);
    }
    void expect_map(const YAML::Node& n, const std::string& what) const {
        if (!n.IsMap()) fail(n, what + " must be a mapping (key: value lines)");
    }
    void expect_seq(const YAML::Node& n, const std::string& what) const {
        if (!n.IsSequence()) fail(n, what + " must be a list (lines starting with '- ')");
    }
    std::string text(const YAML::Node& n, const std::string& what) const {
        if (n.IsNull()) return std::string();
        if (!n.IsScalar()) fail(n, what + " must be a single value (text), not a " + (n.IsMap() ? "mapping" : "list"));
        return n.Scalar();
    }
    // A whole number: digits, with a '-' in front if negative (at most 9 digits).
    int integer(const YAML::Node& n, const std::string& what) const {
        const std::string s = text(n, what);
        const std::size_t first_digit = !s.empty() && s[0] == '-' ? 1 : 0;
        if (s.size() == first_digit || s.size() - first_digit > 9 ||
            !std::all_of(s.begin() + static_cast<std::ptrdiff_t>(first_digit), s.end(), detail::is_digit))
            fail(n, what + " must be a whole number (digits, with - in front if negative), got \"" +
                        detail::cut_utf8(s, 60) + "\"");
        return std::atoi(s.c_str());
    }
    period_year year_key(const YAML::Node& n, const std::string& what) const {
        const std::string s = text(n, what);
        if (detail::iequals(s, "end")) return end_of_period;
        if (s.size() != 4 || !std::all_of(s.begin(), s.end(), detail::is_digit))
            fail(n, what + ": a year map's keys are years (2024) or end, got \"" + s + "\"");
        const int y = std::atoi(s.c_str());
        if (y < 1000 || y > last_plan_year)
            fail(n, what + ": year " + s + " is out of range (1000 to 9998; the end column is written end)");
        return y;
    }
    printed_value printed(const YAML::Node& n, const std::string& what) const {
        printed_value v;
        v.location = where(n);
        if (n.IsScalar() || n.IsNull()) {
            v.text = n.IsNull() ? std::string() : n.Scalar();
            return v;
        }
        if (!n.IsMap()) fail(n, what + " must be printed text or {value: ..., source: ...}");
        bool has_value = false;
        for (auto it = n.begin(); it != n.end(); ++it) {
            const std::string key = text(it->first, "a key");
            if (key == "value") {
                v.text = text(it->second, what + ".value");
                has_value = true;
            } else if (key == "source") {
                v.source = text(it->second, what + ".source");
            } else if (key == "note") {
                v.note = text(it->second, what + ".note");
            } else {
                fail(it->first, "unknown key \"" + key + "\" in " + what + " (allowed: value, source, note)");
            }
        }
        if (!has_value) fail(n, what + " needs a value: key");
        return v;
    }
    std::vector<printed_value> printed_list(const YAML::Node& n, const std::string& what) const {
        std::vector<printed_value> out;
        if (n.IsSequence()) {
            if (n.size() == 0) fail(n, what + " is an empty list");
            for (const auto& item : n) out.push_back(printed(item, what));
        } else {
            out.push_back(printed(n, what));
        }
        return out;
    }
    year_values years(const YAML::Node& n, const std::string& what) const {
        year_values out;
        if (n.IsNull()) return out;
        expect_map(n, what);
        for (auto it = n.begin(); it != n.end(); ++it) {
            const period_year y = year_key(it->first, what);
            if (out.count(y)) fail(it->first, what + ": year " + it->first.Scalar() + " appears twice");
            out[y] = printed_list(it->second, what + " " + it->first.Scalar());
        }
        return out;
    }
    std::vector<std::string> strings(const YAML::Node& n, const std::string& what) const {
        std::vector<std::string> out;
        if (n.IsScalar()) {
            out.push_back(n.Scalar());
            return out;
        }
        expect_seq(n, what);
        for (const auto& item : n) out.push_back(text(item, what));
        return out;
    }
};

// ----------------------------------------------------------------------------- canonical writer

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02X", c);
                    out += buf;
                } else {
                    out.push_back(static_cast<char>(c));
                }
        }
    }
    return out + "\"";
}

std::string year_text(period_year y) { return to_string(y); }

std::string flow(const printed_value& v) {
    if (v.source.empty() && v.note.empty()) return quote(v.text);
    std::string out = "{value: " + quote(v.text);
    if (!v.source.empty()) out += ", source: " + quote(v.source);
    if (!v.note.empty()) out += ", note: " + quote(v.note);
    return out + "}";
}

std::string flow(const std::vector<printed_value>& vs) {
    if (vs.size() == 1) return flow(vs.front());
    std::string out = "[";
    for (std::size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + flow(vs[i]);
    return out + "]";
}

std::string flow(const std::vector<std::string>& vs) {
    std::string out = "[";
    for (std::size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + quote(vs[i]);
    return out + "]";
}

struct writer {
    std::ostringstream out;
    void line(int indent, const std::string& text) {
        out << std::string(static_cast<std::size_t>(indent), ' ') << text << '\n';
    }
    void scalar(int indent, const char* key, const std::string& raw) { line(indent, std::string(key) + ": " + raw); }
    void years(int indent, const char* key, const year_values& ys) {
        line(indent, std::string(key) + ":");
        for (const auto& [y, vs] : ys) line(indent + 2, year_text(y) + ": " + flow(vs));
    }
};

// ----------------------------------------------------------------------------- field tables

template <class T>
struct field {
    const char* key;
    std::function<void(const reader&, const YAML::Node&, T&)> read;
    std::function<void(writer&, int, const T&)> write;  // writes nothing when the field is empty
    std::function<void(T&, const T&)> merge;            // takes the field from a version entry
    std::function<void(T&)> clear;                      // a version entry's key: null
};

// Generic handlers by member type.
void read_into(const reader& r, const YAML::Node& n, std::string& m, const std::string& what) { m = r.text(n, what); }
void read_into(const reader& r, const YAML::Node& n, std::optional<int>& m, const std::string& what) {
    m = r.integer(n, what);
}
void read_into(const reader& r, const YAML::Node& n, year_values& m, const std::string& what) { m = r.years(n, what); }
void read_into(const reader& r, const YAML::Node& n, bool& m, const std::string& what) {
    const std::string t = r.text(n, what);
    if (t != "true" && t != "false") r.fail(n, what + " is true or false; got \"" + detail::cut_utf8(t, 60) + "\"");
    m = t == "true";
}
void read_into(const reader& r, const YAML::Node& n, std::vector<std::string>& m, const std::string& what) {
    m = r.strings(n, what);
}
void read_into(const reader& r, const YAML::Node& n, std::optional<printed_value>& m, const std::string& what) {
    m = r.printed(n, what);
}
void read_into(const reader& r, const YAML::Node& n, std::vector<printed_value>& m, const std::string& what) {
    m = r.printed_list(n, what);
}

void write_from(writer& w, int indent, const char* key, const std::string& m) {
    if (!m.empty()) w.scalar(indent, key, quote(m));
}
void write_from(writer& w, int indent, const char* key, const std::optional<int>& m) {
    if (m) w.scalar(indent, key, std::to_string(*m));
}
void write_from(writer& w, int indent, const char* key, bool m) {
    if (m) w.scalar(indent, key, "true");
}
void write_from(writer& w, int indent, const char* key, const year_values& m) {
    if (!m.empty()) w.years(indent, key, m);
}
void write_from(writer& w, int indent, const char* key, const std::vector<std::string>& m) {
    if (!m.empty()) w.scalar(indent, key, flow(m));
}
void write_from(writer& w, int indent, const char* key, const std::optional<printed_value>& m) {
    if (m) w.scalar(indent, key, flow(*m));
}
void write_from(writer& w, int indent, const char* key, const std::vector<printed_value>& m) {
    if (!m.empty()) w.scalar(indent, key, flow(m));
}

template <class M>
void merge_from(M& dst, const M& src) {
    dst = src;
}
void merge_from(year_values& dst, const year_values& src) {
    for (const auto& [y, vs] : src) dst[y] = vs;  // per year: only the years given are overridden
}

// A required text key: written even when empty (a blank cell printed as such).
template <class T>
field<T> required_text(const char* key, std::string T::*ptr) {
    return field<T>{key, [ptr, key](const reader& r, const YAML::Node& n, T& o) { o.*ptr = r.text(n, key); },
                    [ptr, key](writer& w, int indent, const T& o) { w.scalar(indent, key, quote(o.*ptr)); },
                    [ptr](T& dst, const T& src) { dst.*ptr = src.*ptr; }, [ptr](T& o) { (o.*ptr).clear(); }};
}

template <class T, class M>
field<T> member(const char* key, M T::*ptr) {
    return field<T>{key, [ptr, key](const reader& r, const YAML::Node& n, T& o) { read_into(r, n, o.*ptr, key); },
                    [ptr, key](writer& w, int indent, const T& o) { write_from(w, indent, key, o.*ptr); },
                    [ptr](T& dst, const T& src) { merge_from(dst.*ptr, src.*ptr); }, [ptr](T& o) { o.*ptr = M{}; }};
}

const std::vector<field<indicator>>& indicator_fields() {
    static const std::vector<field<indicator>> fields = [] {
        std::vector<field<indicator>> f;
        f.push_back(member("id", &indicator::id));
        f.push_back(required_text("name", &indicator::name));
        f.push_back(member("aliases", &indicator::aliases));
        f.push_back(field<indicator>{
            "kind",
            [](const reader& r, const YAML::Node& n, indicator& o) {
                const std::string s = r.text(n, "kind");
                static const char* const kinds[] = {"iku",     "ikk",      "tujuan",      "sasaran",
                                                    "program", "kegiatan", "sub_kegiatan"};
                if (!s.empty() &&
                    std::none_of(std::begin(kinds), std::end(kinds), [&](const char* k) { return s == k; }))
                    r.fail(n,
                           "kind must be one of iku, ikk, tujuan, sasaran, program, kegiatan, "
                           "sub_kegiatan; got \"" +
                               detail::cut_utf8(s, 60) + "\"");
                o.kind = s;
            },
            [](writer& w, int indent, const indicator& o) { write_from(w, indent, "kind", o.kind); },
            [](indicator& d, const indicator& s) { d.kind = s.kind; }, [](indicator& o) { o.kind.clear(); }});
        f.push_back(member("unit", &indicator::unit));
        f.push_back(field<indicator>{"polarity",
                                     [](const reader& r, const YAML::Node& n, indicator& o) {
                                         const std::string s = r.text(n, "polarity");
                                         if (detail::istarts_with(s, "scale:")) {
                                             o.scale = std::string(detail::trim(std::string_view(s).substr(6)));
                                             o.polarity.reset();
                                             if (o.scale.empty())
                                                 r.fail(n, "polarity scale: needs a scale name, e.g. scale:KLA");
                                             return;
                                         }
                                         try {
                                             o.polarity = polarity_from_string(s);
                                             o.scale.clear();
                                         } catch (const lookup_error&) {
                                             r.fail(n,
                                                    "polarity must be higher, lower or scale:NAME, got \"" + s + "\"");
                                         }
                                     },
                                     [](writer& w, int indent, const indicator& o) {
                                         if (!o.scale.empty())
                                             w.scalar(indent, "polarity", "scale:" + o.scale);
                                         else if (o.polarity)
                                             w.scalar(indent, "polarity", std::string(to_string(*o.polarity)));
                                     },
                                     [](indicator& d, const indicator& s) {
                                         d.polarity = s.polarity;
                                         d.scale = s.scale;
                                     },
                                     [](indicator& o) {
                                         o.polarity.reset();
                                         o.scale.clear();
                                     }});
        f.push_back(field<indicator>{"convention",
                                     [](const reader& r, const YAML::Node& n, indicator& o) {
                                         const std::string s = r.text(n, "convention");
                                         try {
                                             o.convention = convention_from_string(s);
                                         } catch (const lookup_error&) {
                                             r.fail(n, "convention must be indonesian or english, got \"" + s + "\"");
                                         }
                                     },
                                     [](writer& w, int indent, const indicator& o) {
                                         if (o.convention)
                                             w.scalar(indent, "convention", std::string(to_string(*o.convention)));
                                     },
                                     [](indicator& d, const indicator& s) { d.convention = s.convention; },
                                     [](indicator& o) { o.convention.reset(); }});
        f.push_back(member("polarity_basis", &indicator::polarity_basis));
        f.push_back(member("catalog", &indicator::catalog));
        f.push_back(member("formula", &indicator::formula));
        f.push_back(member("legal_basis", &indicator::legal_basis));
        f.push_back(member("responsible", &indicator::responsible));
        f.push_back(field<indicator>{"baseline",
                                     [](const reader& r, const YAML::Node& n, indicator& o) {
                                         r.expect_map(n, "baseline");
                                         printed_value v;
                                         v.location = r.where(n);
                                         bool has_value = false;
                                         for (auto it = n.begin(); it != n.end(); ++it) {
                                             const std::string key = r.text(it->first, "a key");
                                             if (key == "year")
                                                 o.baseline_year = r.integer(it->second, "baseline.year");
                                             else if (key == "value") {
                                                 v.text = r.text(it->second, "baseline.value");
                                                 has_value = true;
                                             } else if (key == "source")
                                                 v.source = r.text(it->second, "baseline.source");
                                             else if (key == "note")
                                                 v.note = r.text(it->second, "baseline.note");
                                             else
                                                 r.fail(it->first,
                                                        "unknown key \"" + key +
                                                            "\" in baseline (allowed: year, value, source, note)");
                                         }
                                         if (!has_value) r.fail(n, "baseline needs a value: key");
                                         o.baseline = v;
                                     },
                                     [](writer& w, int indent, const indicator& o) {
                                         if (!o.baseline) return;
                                         std::string s = "{";
                                         if (o.baseline_year) s += "year: " + std::to_string(*o.baseline_year) + ", ";
                                         s += "value: " + quote(o.baseline->text);
                                         if (!o.baseline->source.empty()) s += ", source: " + quote(o.baseline->source);
                                         if (!o.baseline->note.empty()) s += ", note: " + quote(o.baseline->note);
                                         w.scalar(indent, "baseline", s + "}");
                                     },
                                     [](indicator& d, const indicator& s) {
                                         d.baseline = s.baseline;
                                         d.baseline_year = s.baseline_year;
                                     },
                                     [](indicator& o) {
                                         o.baseline.reset();
                                         o.baseline_year.reset();
                                     }});
        f.push_back(member("targets", &indicator::targets));
        f.push_back(member("realizations", &indicator::realizations));
        f.push_back(field<indicator>{
            "quarterly_realizations",
            [](const reader& r, const YAML::Node& n, indicator& o) {
                r.expect_map(n, "quarterly_realizations");
                for (auto it = n.begin(); it != n.end(); ++it) {
                    const period_year y = r.year_key(it->first, "quarterly_realizations");
                    r.expect_map(it->second, "quarterly_realizations " + it->first.Scalar());
                    auto& quarters = o.quarterly_realizations[y.value()];
                    const YAML::Node quarters_node = it->second;  // a copy: it->second belongs to a temporary
                    for (auto q = quarters_node.begin(); q != quarters_node.end(); ++q) {
                        const std::string key = r.text(q->first, "a quarter");
                        if (key.size() != 2 || (key[0] != 'q' && key[0] != 'Q') || key[1] < '1' || key[1] > '4')
                            r.fail(q->first, "quarters are q1, q2, q3, q4, got \"" + key + "\"");
                        quarters[key[1] - '0'] = r.printed(q->second, "quarter " + key);
                    }
                }
            },
            [](writer& w, int indent, const indicator& o) {
                if (o.quarterly_realizations.empty()) return;
                w.line(indent, "quarterly_realizations:");
                for (const auto& [y, qs] : o.quarterly_realizations) {
                    w.line(indent + 2, year_text(y) + ":");
                    for (const auto& [q, v] : qs) w.line(indent + 4, "q" + std::to_string(q) + ": " + flow(v));
                }
            },
            [](indicator& d, const indicator& s) {
                for (const auto& [y, qs] : s.quarterly_realizations)
                    for (const auto& [q, v] : qs) d.quarterly_realizations[y][q] = v;
            },
            [](indicator& o) { o.quarterly_realizations.clear(); }});
        f.push_back(member("reported_achievement", &indicator::reported_achievement));
        f.push_back(member("numerators", &indicator::numerators));
        f.push_back(member("denominators", &indicator::denominators));
        f.push_back(member("budget", &indicator::budget));
        f.push_back(field<indicator>{"aggregation",
                                     [](const reader& r, const YAML::Node& n, indicator& o) {
                                         try {
                                             o.aggregation = aggregation_from_string(r.text(n, "aggregation"));
                                         } catch (const lookup_error&) {
                                             r.fail(n, "aggregation must be sum, last, max or mean");
                                         }
                                     },
                                     [](writer& w, int indent, const indicator& o) {
                                         if (o.aggregation != aggregation::unspecified)
                                             w.scalar(indent, "aggregation", std::string(to_string(o.aggregation)));
                                     },
                                     [](indicator& d, const indicator& s) { d.aggregation = s.aggregation; },
                                     [](indicator& o) { o.aggregation = aggregation::unspecified; }});
        f.push_back(member("valid_from", &indicator::valid_from));
        f.push_back(member("valid_to", &indicator::valid_to));
        f.push_back(member("replaces", &indicator::replaces));
        f.push_back(member("source", &indicator::source));
        return f;
    }();
    return fields;
}

void read_indicator(const reader& r, const YAML::Node& n, indicator& o, bool entry);
void write_indicator(writer& w, int indent, const indicator& o, bool entry);

const std::vector<field<node>>& node_fields() {
    static const std::vector<field<node>> fields = [] {
        std::vector<field<node>> f;
        f.push_back(member("id", &node::id));
        f.push_back(field<node>{
            "level",
            [](const reader& r, const YAML::Node& n, node& o) {
                try {
                    o.level = node_level_from_string(r.text(n, "level"));
                } catch (const lookup_error&) {
                    r.fail(n,
                           "level must be one of urusan, misi, tujuan_rpd, sasaran_rpd, tujuan, sasaran, program, "
                           "kegiatan, sub_kegiatan; got \"" +
                               r.text(n, "level") + "\"");
                }
            },
            [](writer& w, int indent, const node& o) { w.scalar(indent, "level", std::string(to_string(o.level))); },
            [](node& d, const node& s) { d.level = s.level; }, [](node&) {}});
        f.push_back(required_text("name", &node::name));
        f.push_back(member("code", &node::code));
        f.push_back(member("code_printed", &node::code_printed));
        f.push_back(member("row", &node::row));
        f.push_back(member("parent", &node::parent));
        f.push_back(member("supports", &node::supports));
        f.push_back(member("aliases", &node::aliases));
        f.push_back(field<node>{
            "renamed",
            [](const reader& r, const YAML::Node& n, node& o) {
                r.expect_map(n, "renamed");
                for (auto it = n.begin(); it != n.end(); ++it) {
                    const std::string key = r.text(it->first, "a key");
                    if (key == "year")
                        o.renamed_year = r.integer(it->second, "renamed.year");
                    else if (key == "name")
                        o.renamed_name = r.text(it->second, "renamed.name");
                    else if (key == "source")
                        o.renamed_source = r.text(it->second, "renamed.source");
                    else
                        r.fail(it->first, "unknown key \"" + key + "\" in renamed (allowed: year, name, source)");
                }
                if (!o.renamed_year || o.renamed_name.empty()) r.fail(n, "renamed needs year and name");
            },
            [](writer& w, int indent, const node& o) {
                if (!o.renamed_year) return;
                std::string s = "{year: " + std::to_string(*o.renamed_year) + ", name: " + quote(o.renamed_name);
                if (!o.renamed_source.empty()) s += ", source: " + quote(o.renamed_source);
                w.scalar(indent, "renamed", s + "}");
            },
            [](node& d, const node& s) {
                d.renamed_year = s.renamed_year;
                d.renamed_name = s.renamed_name;
                d.renamed_source = s.renamed_source;
            },
            [](node& o) {
                o.renamed_year.reset();
                o.renamed_name.clear();
                o.renamed_source.clear();
            }});
        f.push_back(member("valid_from", &node::valid_from));
        f.push_back(member("valid_to", &node::valid_to));
        f.push_back(member("responsible", &node::responsible));
        f.push_back(member("context", &node::context));
        f.push_back(member("budget", &node::budget));
        f.push_back(member("budget_realized", &node::budget_realized));
        f.push_back(member("reported_absorption", &node::reported_absorption));
        f.push_back(field<node>{
            "period", [](const reader& r, const YAML::Node& n, node& o) { o.period = r.period(n, "period"); },
            [](writer& w, int indent, const node& o) {
                if (o.period)
                    w.scalar(indent, "period",
                             "[" + std::to_string(o.period->first) + ", " + std::to_string(o.period->second) + "]");
            },
            [](node& d, const node& s) { d.period = s.period; }, [](node& o) { o.period.reset(); }});
        f.push_back(member("period_note", &node::period_note));
        f.push_back(member("successor", &node::successor));
        f.push_back(member("source", &node::source));
        f.push_back(field<node>{"indicators",
                                [](const reader& r, const YAML::Node& n, node& o) {
                                    r.expect_seq(n, "indicators");
                                    const bool entry = o.given.count("#entry") > 0;
                                    for (const auto& item : n) {
                                        indicator ind;
                                        read_indicator(r, item, ind, entry);
                                        o.indicators.push_back(std::move(ind));
                                    }
                                },
                                [](writer& w, int indent, const node& o) {
                                    if (o.indicators.empty()) return;
                                    const bool entry = o.given.count("#entry") > 0;
                                    w.line(indent, "indicators:");
                                    for (const auto& ind : o.indicators) write_indicator(w, indent + 2, ind, entry);
                                },
                                [](node& d, const node& s) {
                                    for (const auto& si : s.indicators) {
                                        auto it = std::find_if(d.indicators.begin(), d.indicators.end(),
                                                               [&](const indicator& x) { return x.id == si.id; });
                                        if (si.given.count("removed")) {
                                            if (it != d.indicators.end()) d.indicators.erase(it);
                                            continue;
                                        }
                                        if (it == d.indicators.end()) {
                                            indicator fresh = si;
                                            fresh.given.clear();
                                            d.indicators.push_back(fresh);
                                            continue;
                                        }
                                        for (const auto& fld : indicator_fields()) {
                                            if (std::string(fld.key) == "id") continue;
                                            if (si.given.count("null:" + std::string(fld.key)))
                                                fld.clear(*it);
                                            else if (si.given.count(fld.key))
                                                fld.merge(*it, si);
                                        }
                                    }
                                },
                                [](node& o) { o.indicators.clear(); }});
        return f;
    }();
    return fields;
}

template <class T>
std::string allowed_keys(const std::vector<field<T>>& fields, bool entry) {
    std::string s;
    for (const auto& f : fields) s += (s.empty() ? "" : ", ") + std::string(f.key);
    if (entry) s += ", removed";
    return s;
}

void mark_removed(node& o) { o.removed = true; }
void mark_removed(indicator& o) { o.given.insert("removed"); }
bool is_removed(const node& o) { return o.removed; }
bool is_removed(const indicator& o) { return o.given.count("removed") > 0; }

// Reads a node or an indicator by its field table. A version entry (`entry`) may give any
// subset of the keys, `removed: true`, and `key: null` (the key is absent in that version).
template <class T>
void read_record(const reader& r, const YAML::Node& n, T& o, bool entry, const std::vector<field<T>>& fields,
                 const char* what) {
    r.expect_map(n, std::string(what));
    o.location = r.where(n);
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string key = r.text(it->first, "a key");
        if (entry && key == "removed") {
            if (r.text(it->second, "removed") != "true") r.fail(it->second, "removed can only be true");
            mark_removed(o);
            continue;
        }
        auto f = std::find_if(fields.begin(), fields.end(), [&](const auto& x) { return key == x.key; });
        if (f == fields.end())
            r.fail(it->first,
                   "unknown key \"" + key + "\" in " + what + " (allowed: " + allowed_keys(fields, entry) + ")");
        if (o.given.count(key)) r.fail(it->first, "key \"" + key + "\" appears twice");
        o.given.insert(key);
        if (entry && it->second.IsNull() && key != "id") {
            o.given.insert("null:" + key);
            continue;
        }
        f->read(r, it->second, o);
    }
    if (o.id.empty()) r.fail(n, std::string(what) + " needs an id");
    for (const char* key : {"parent", "successor", "supports", "replaces", "polarity", "catalog"})
        if (const YAML::Node v = n[key]) r.note_reference(o.id, key, v);
}

// Writes a node or an indicator as a list item; a version entry writes only the keys it gives.
template <class T>
void write_record(writer& w, int indent, const T& o, bool entry, const std::vector<field<T>>& fields) {
    bool first = true;
    for (const auto& f : fields) {
        if (entry && !o.given.count(f.key) && std::string(f.key) != "id") continue;
        writer tmp;
        if (entry && o.given.count("null:" + std::string(f.key)))
            tmp.scalar(indent + 2, f.key, "null");
        else
            f.write(tmp, indent + 2, o);
        std::string text = tmp.out.str();
        if (text.empty()) continue;
        if (first) {
            text.replace(static_cast<std::size_t>(indent), 2, "- ");
            first = false;
        }
        w.out << text;
    }
    if (entry && is_removed(o)) w.line(indent + 2, "removed: true");
}

void read_indicator(const reader& r, const YAML::Node& n, indicator& o, bool entry) {
    read_record(r, n, o, entry, indicator_fields(), "an indicator");
    if (entry) return;
    if (!o.given.count("name")) r.fail(n, "indicator \"" + o.id + "\" needs a name");
    if (o.source.empty()) r.fail(n, "indicator \"" + o.id + "\" needs a source (the table it comes from)");
    o.given.clear();
}

void write_indicator(writer& w, int indent, const indicator& o, bool entry) {
    write_record(w, indent, o, entry, indicator_fields());
}

void read_node(const reader& r, const YAML::Node& n, node& o, bool entry) {
    if (entry) o.given.insert("#entry");  // tells the indicators field to read version entries
    read_record(r, n, o, entry, node_fields(), "a node");
    if (entry) return;
    if (!o.given.count("level")) r.fail(n, "node \"" + o.id + "\" needs a level");
    if (!o.given.count("name")) r.fail(n, "node \"" + o.id + "\" needs a name");
    if (o.source.empty()) r.fail(n, "node \"" + o.id + "\" needs a source (the table it comes from)");
    o.given.clear();
}

void write_node(writer& w, int indent, const node& o, bool entry) { write_record(w, indent, o, entry, node_fields()); }

void read_total(const reader& r, const YAML::Node& n, total& t) {
    r.expect_map(n, "a total");
    t.location = r.where(n);
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string key = r.text(it->first, "a key");
        const YAML::Node v = it->second;
        if (key == "id")
            t.id = r.text(v, "id");
        else if (key == "name")
            t.name = r.text(v, "name");
        else if (key == "over")
            t.over = r.strings(v, "over");
        else if (key == "budget")
            t.budget = r.years(v, "budget");
        else if (key == "budget_realized")
            t.budget_realized = r.years(v, "budget_realized");
        else if (key == "reported_absorption")
            t.reported_absorption = r.years(v, "reported_absorption");
        else if (key == "source")
            t.source = r.text(v, "source");
        else
            r.fail(it->first,
                   "unknown key \"" + key +
                       "\" in a total (allowed: id, name, over, budget, budget_realized, reported_absorption, source)");
    }
    if (t.id.empty() || t.name.empty() || t.over.empty() || t.source.empty())
        r.fail(n, "a total needs id, name, over and source");
    r.note_reference(t.id, "over", n["over"]);
}

void read_scales(const reader& r, const YAML::Node& n, plan& p) {
    r.expect_map(n, "scales");
    for (auto it = n.begin(); it != n.end(); ++it) {
        plan_scale s;
        s.name = r.text(it->first, "a scale name");
        r.expect_map(it->second, "scale " + s.name);
        const YAML::Node scale_node = it->second;  // a copy: it->second belongs to a temporary
        for (auto k = scale_node.begin(); k != scale_node.end(); ++k) {
            const std::string key = r.text(k->first, "a key");
            if (key == "compare") {
                s.compare = r.text(k->second, "compare");
                if (s.compare != "position" && s.compare != "score") r.fail(k->second, "compare is position or score");
            } else if (key == "source") {
                s.source = r.text(k->second, "source");
            } else if (key == "levels") {
                r.expect_seq(k->second, "levels");
                const YAML::Node levels_node = k->second;
                for (const auto& l : levels_node) {
                    plan_scale_level lv;
                    r.expect_map(l, "a level");
                    for (auto q = l.begin(); q != l.end(); ++q) {
                        const std::string lk = r.text(q->first, "a key");
                        if (lk == "name")
                            lv.name = r.text(q->second, "name");
                        else if (lk == "aliases")
                            lv.aliases = r.strings(q->second, "aliases");
                        else if (lk == "min")
                            lv.min = r.text(q->second, "min");
                        else if (lk == "max")
                            lv.max = r.text(q->second, "max");
                        else
                            r.fail(q->first,
                                   "unknown key \"" + lk + "\" in a scale level (allowed: name, aliases, min, max)");
                    }
                    if (lv.name.empty()) r.fail(l, "a scale level needs a name");
                    s.levels.push_back(lv);
                }
            } else {
                r.fail(k->first,
                       "unknown key \"" + key + "\" in scale " + s.name + " (allowed: compare, source, levels)");
            }
        }
        if (s.levels.empty()) r.fail(it->second, "scale " + s.name + " needs levels");
        p.scales.push_back(s);
    }
}

// units: a list of words, each a string (a count of items) or a map of name, kind, dimension,
// synonyms and description (docs/plan-format.md, Units).
void read_units(const reader& r, const YAML::Node& n, std::vector<unit_declaration>& out) {
    r.expect_seq(n, "units");
    for (const auto& item : n) {
        unit_declaration d;
        const location at = r.where(item);
        d.where = at.to_string();
        if (item.IsScalar()) {
            d.name = r.text(item, "a unit word");
        } else {
            r.expect_map(item, "a unit");
            for (auto k = item.begin(); k != item.end(); ++k) {
                const std::string key = r.text(k->first, "a key");
                if (key == "name")
                    d.name = r.text(k->second, "name");
                else if (key == "kind")
                    d.kind = r.text(k->second, "kind");
                else if (key == "dimension")
                    d.dimension = r.text(k->second, "dimension");
                else if (key == "synonyms")
                    d.synonyms = r.strings(k->second, "synonyms");
                else if (key == "description")
                    d.description = r.text(k->second, "description");
                else
                    r.fail(k->first, "unknown key \"" + key +
                                         "\" in a unit (allowed: name, kind, dimension, synonyms, description)");
            }
        }
        if (detail::trim(d.name).empty()) r.fail(item, "a unit needs a name");
        // the declaration must register (kind, dimension, no clash): checked here, at its place
        try {
            unit_registry check = default_units();
            for (const auto& earlier : out) check.declare(earlier, true);
            check.declare(d);
        } catch (const argument_error& e) {
            std::string what = e.what();
            const std::size_t p = what.find(": ");
            r.fail(item, p == std::string::npos ? what : what.substr(p + 2));
        }
        out.push_back(d);
    }
}

}  // namespace

// The `conventions:` block (plan-format.md §5b): each key declares one convention.
void old_read_conventions(const reader& r, const YAML::Node& key, const YAML::Node& v, declared_conventions& d) {
    r.expect_map(v, "conventions");
    d.location = r.where(key);
    for (auto k = v.begin(); k != v.end(); ++k) {
        const std::string ck = r.text(k->first, "a key");
        const YAML::Node cv = k->second;
        try {
            if (ck == "pagu_levels") {
                std::vector<node_level> levels;
                for (const std::string& name : r.strings(cv, "conventions.pagu_levels")) {
                    const node_level l = node_level_from_string(name);
                    if (std::find(levels.begin(), levels.end(), l) != levels.end())
                        r.fail(cv, "conventions.pagu_levels lists " + name + " twice");
                    levels.push_back(l);
                }
                d.pagu_levels = levels;
            } else if (ck == "budget_end") {
                d.budget_end = end_column_from_string(r.text(cv, ck));
            } else if (ck == "target_end") {
                d.target_end = end_column_from_string(r.text(cv, ck));
            } else if (ck == "indicator_pagu") {
                d.indicator_pagu = indicator_pagu_from_string(r.text(cv, ck));
            } else if (ck == "numbers") {
                d.numbers = convention_from_string(r.text(cv, ck));
            } else if (ck == "majority") {
                const std::string t = r.text(cv, ck);
                char* stop = nullptr;
                const double m = std::strtod(t.c_str(), &stop);
                if (t.empty() || stop != t.c_str() + t.size() || !(m >= 0.5 && m < 1.0))
                    r.fail(cv, "conventions.majority is a share from 0.5 up to (not including) 1, got \"" +
                                   detail::cut_utf8(t, 60) + "\"");
                d.majority = m;
            } else {
                r.fail(k->first, "unknown key \"" + ck +
                                     "\" in conventions (allowed: pagu_levels, budget_end, target_end, indicator_pagu, "
                                     "numbers, majority)");
            }
        } catch (const lookup_error& e) {
            r.fail(cv, e.what());
        }
    }
}

plan old_parse_plan(std::string_view yaml, const std::string& file, const load_limits& limits) {
    const YAML::Node root = detail::load_yaml(yaml, file, "kinerja.plan.yaml", limits);
    const reader r{file, limits, {}, {}, 0};
    if (!root.IsMap())
        throw file_error("kinerja.plan.schema", file, 1, 1,
                         "a plan file is a mapping with kinerja_plan, plan and nodes");
    plan p;
    p.file = file;
    bool has_version = false, has_plan = false, has_nodes = false;
    location catalogs_key{file, 1, 1};
    std::vector<location> catalogs_listed;
    std::set<std::string> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string key = r.text(it->first, "a key");
        if (!seen.insert(key).second) r.fail(it->first, "key \"" + key + "\" appears twice");
        const YAML::Node v = it->second;
        if (key == "kinerja_plan") {
            p.format_version = r.integer(v, "kinerja_plan");
            if (p.format_version != 1)
                r.fail(v, "this version of kinerja reads plan format 1, the file is format " +
                              std::to_string(p.format_version));
            has_version = true;
        } else if (key == "plan") {
            has_plan = true;
            r.expect_map(v, "plan");
            for (auto k = v.begin(); k != v.end(); ++k) {
                const std::string pk = r.text(k->first, "a key");
                const YAML::Node pv = k->second;
                if (pk == "id")
                    p.info.id = r.text(pv, "plan.id");
                else if (pk == "title")
                    p.info.title = r.text(pv, "plan.title");
                else if (pk == "organisation")
                    p.info.organisation = r.text(pv, "plan.organisation");
                else if (pk == "region")
                    p.info.region = r.text(pv, "plan.region");
                else if (pk == "period") {
                    std::tie(p.info.period_from, p.info.period_to) = r.period(pv, "plan.period");
                } else if (pk == "version")
                    p.info.version = r.text(pv, "plan.version");
                else if (pk == "document_date")
                    p.info.document_date = r.text(pv, "plan.document_date");
                else if (pk == "source_document")
                    p.info.source_document = r.text(pv, "plan.source_document");
                else
                    r.fail(k->first, "unknown key \"" + pk +
                                         "\" in plan (allowed: id, title, organisation, region, period, version, "
                                         "document_date, source_document)");
            }
            for (const char* req : {"id", "title", "organisation", "region", "version"}) {
                const std::string& val = std::string(req) == "id"             ? p.info.id
                                         : std::string(req) == "title"        ? p.info.title
                                         : std::string(req) == "organisation" ? p.info.organisation
                                         : std::string(req) == "region"       ? p.info.region
                                                                              : p.info.version;
                if (val.empty()) r.fail(v, std::string("plan needs ") + req);
            }
            if (p.info.period_from == 0) r.fail(v, "plan needs period: [from, to]");
        } else if (key == "settings") {
            r.expect_map(v, "settings");
            for (auto k = v.begin(); k != v.end(); ++k) {
                const std::string sk = r.text(k->first, "a key");
                try {
                    if (sk == "lower_method") {
                        p.settings.lower_method = method_from_string(r.text(k->second, sk));
                        if (p.settings.lower_method == method::direct)
                            r.fail(k->second, "lower_method is inverse, complement or reduction");
                    } else if (sk == "rounding") {
                        p.settings.rounding.mode = rounding_from_string(r.text(k->second, sk));
                    } else if (sk == "decimals") {
                        p.settings.rounding.decimals = r.integer(k->second, sk);
                        if (p.settings.rounding.decimals < 0 || p.settings.rounding.decimals > 12)
                            r.fail(k->second, "decimals lie in 0..12");
                    } else if (sk == "code_scope") {
                        p.settings.code_scope = code_scope_from_string(r.text(k->second, sk));
                    } else {
                        r.fail(k->first, "unknown key \"" + sk +
                                             "\" in settings (allowed: lower_method, rounding, decimals, code_scope)");
                    }
                } catch (const lookup_error& e) {
                    r.fail(k->second, e.what());
                }
            }
        } else if (key == "conventions") {
            old_read_conventions(r, it->first, v, p.conventions);
        } else if (key == "catalogs") {
            catalogs_key = r.where(it->first);
            r.expect_seq(v, "catalogs");
            p.catalogs.emplace();
            for (const auto& item : v) {
                const std::string path = r.text(item, "a catalogs item");
                if (path.empty()) r.fail(item, "a catalogs item is a catalog file or bundled, not empty");
                if (std::find(p.catalogs->begin(), p.catalogs->end(), path) != p.catalogs->end())
                    r.fail(item, "catalogs lists \"" + path + "\" twice");
                p.catalogs->push_back(path);
                catalogs_listed.push_back(r.where(item));
            }
        } else if (key == "scales") {
            read_scales(r, v, p);
        } else if (key == "units") {
            read_units(r, v, p.units);
        } else if (key == "sources") {
            r.expect_map(v, "sources");
            for (auto k = v.begin(); k != v.end(); ++k)
                p.sources.emplace_back(r.text(k->first, "a source label"), r.text(k->second, "a source description"));
        } else if (key == "nodes" || key == "history") {
            if (key == "nodes") has_nodes = true;
            if (v.IsNull()) continue;
            r.expect_seq(v, key);
            for (const auto& item : v) {
                r.count_node(item);
                node n;
                read_node(r, item, n, false);
                (key == "nodes" ? p.nodes : p.history).push_back(std::move(n));
            }
        } else if (key == "totals") {
            r.expect_seq(v, "totals");
            for (const auto& item : v) {
                total t;
                read_total(r, item, t);
                p.totals.push_back(std::move(t));
            }
        } else if (key == "versions") {
            r.expect_map(v, "versions");
            for (auto k = v.begin(); k != v.end(); ++k) {
                plan_version pv;
                pv.name = r.text(k->first, "a version name");
                r.expect_map(k->second, "version " + pv.name);
                const YAML::Node version_node = k->second;
                for (auto q = version_node.begin(); q != version_node.end(); ++q) {
                    const std::string vk = r.text(q->first, "a key");
                    if (vk == "label")
                        pv.label = r.text(q->second, "label");
                    else if (vk == "source")
                        pv.source = r.text(q->second, "source");
                    else if (vk == "nodes") {
                        r.expect_seq(q->second, "nodes");
                        const YAML::Node entries = q->second;
                        r.scope = pv.name;
                        for (const auto& item : entries) {
                            r.count_node(item);
                            node n;
                            read_node(r, item, n, true);
                            pv.nodes.push_back(std::move(n));
                        }
                        r.scope.clear();
                    } else
                        r.fail(q->first,
                               "unknown key \"" + vk + "\" in version " + pv.name + " (allowed: label, source, nodes)");
                }
                p.versions.push_back(std::move(pv));
            }
        } else {
            r.fail(it->first, "unknown top-level key \"" + key +
                                  "\" (allowed: kinerja_plan, plan, settings, conventions, catalogs, scales, units, "
                                  "sources, nodes, history, totals, versions)");
        }
    }
    if (!has_version)
        throw file_error("kinerja.plan.schema", file, 1, 1,
                         "the file does not start with kinerja_plan: 1 (is it a plan file?)");
    if (!has_plan) throw file_error("kinerja.plan.schema", file, 1, 1, "the plan: section is missing");
    if (!has_nodes) throw file_error("kinerja.plan.schema", file, 1, 1, "the nodes: section is missing");

    detail::validate_references(p, r.sites);
    detail::load_plan_catalogs(p, r.sites, catalogs_listed, catalogs_key);
    detail::learn_table_conventions(p);
    return p;
}

}  // namespace kinerja
