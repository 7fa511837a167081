// SPDX-License-Identifier: Apache-2.0
// The YAML plan format (docs/plan-format.md): reader with file/line/column errors, canonical
// writer, and the version merge. One field table per record type drives all three, so a key is
// read, written and merged in one place.
#include <kinerja/conventions.hpp>
#include <kinerja/plan_io.hpp>

#include <kinerja/detail/annual_cycle.hpp>
#include <kinerja/detail/files.hpp>
#include <kinerja/detail/input_checks.hpp>
#include <kinerja/detail/plan_catalogs.hpp>
#include <kinerja/detail/references.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_values.hpp>

#include "yaml_document.hpp"

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

namespace kinerja {

namespace {

using yaml_node = detail::yaml::node;
using yaml_mark = detail::yaml::mark;

// ----------------------------------------------------------------------------- reading helpers

struct reader {
    file_name file;  // one shared string for every location of the file
    load_limits limits;
    // Where reference values (parent, successor, supports, replaces, polarity, over) were read,
    // by version, the id of their owner and key ("supports#2" for the third item of a list): the
    // reference checks, which run after the whole file is read, point at the value itself.
    mutable detail::reference_sites sites;
    mutable std::string scope;  // the version whose entries are being read ("" for the main nodes)
    mutable std::uint64_t nodes = 0;

    void note_reference(const std::string& owner, const std::string& key, const yaml_node& v) const {
        sites.note(scope, owner, key, where(v));
        if (v.IsSequence())
            for (std::size_t i = 0; i < v.size(); ++i)
                sites.note(scope, owner, key + '#' + std::to_string(i), where(v[i]));
    }
    // One more node (of nodes, history or a version): within limits.max_nodes.
    void count_node(const yaml_node& n) const {
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
    std::pair<int, int> period(const yaml_node& n, const std::string& what) const {
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

    location where(const yaml_node& n) const {
        const yaml_mark m = n.Mark();
        return location{file, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
    }
    [[noreturn]] void fail(const yaml_node& n, const std::string& why) const {
        const location l = where(n);
        throw file_error("kinerja.plan.schema", file, l.line, l.column, why);
    }
    void expect_map(const yaml_node& n, const std::string& what) const {
        if (!n.IsMap()) fail(n, what + " must be a mapping (key: value lines)");
    }
    void expect_seq(const yaml_node& n, const std::string& what) const {
        if (!n.IsSequence()) fail(n, what + " must be a list (lines starting with '- ')");
    }
    std::string text(const yaml_node& n, const std::string& what) const {
        if (n.IsNull()) return std::string();
        if (!n.IsScalar()) fail(n, what + " must be a single value (text), not a " + (n.IsMap() ? "mapping" : "list"));
        return n.Scalar();
    }
    // A whole number: digits, with a '-' in front if negative (at most 9 digits).
    int integer(const yaml_node& n, const std::string& what) const {
        const std::string s = text(n, what);
        const std::size_t first_digit = !s.empty() && s[0] == '-' ? 1 : 0;
        if (s.size() == first_digit || s.size() - first_digit > 9 ||
            !std::all_of(s.begin() + static_cast<std::ptrdiff_t>(first_digit), s.end(), detail::is_digit))
            fail(n, what + " must be a whole number (digits, with - in front if negative), got \"" +
                        detail::cut_utf8(s, 60) + "\"");
        return std::atoi(s.c_str());
    }
    period_year year_key(const yaml_node& n, const std::string& what) const {
        const std::string s = text(n, what);
        if (detail::iequals(s, "end")) return end_of_period;
        if (s.size() != 4 || !std::all_of(s.begin(), s.end(), detail::is_digit))
            fail(n, what + ": a year map's keys are years (2024) or end, got \"" + s + "\"");
        const int y = std::atoi(s.c_str());
        if (y < 1000 || y > last_plan_year)
            fail(n, what + ": year " + s + " is out of range (1000 to 9998; the end column is written end)");
        return y;
    }
    printed_value printed(const yaml_node& n, const std::string& what) const {
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
    std::vector<printed_value> printed_list(const yaml_node& n, const std::string& what) const {
        std::vector<printed_value> out;
        if (n.IsSequence()) {
            if (n.size() == 0) fail(n, what + " is an empty list");
            for (const auto& item : n) out.push_back(printed(item, what));
        } else {
            out.push_back(printed(n, what));
        }
        return out;
    }
    // An amount with comma grouping written unquoted in a flow map, {2020: 8,958,876,144}: YAML
    // splits it at its commas into the entry 2020: 8 and the keys 958, 876, 144 without values.
    // At the first such key, the error names the amount and says to quote it.
    template <class It>
    void split_amount(const yaml_node& map, It it, const std::string& what) const {
        auto group = [](const yaml_node& k, const yaml_node& v) {
            const bool empty = !v.IsDefined() || v.IsNull() || (v.IsScalar() && v.Scalar().empty() && !v.quoted());
            const std::string_view key = k.view();
            return k.IsScalar() && empty && key.size() == 3 && std::all_of(key.begin(), key.end(), detail::is_digit);
        };
        if (it == map.begin() || !group(it->first, it->second)) return;
        It prev = map.begin();
        for (It k = map.begin(); k != it; ++k) prev = k;
        if (!prev->second.IsScalar() || !prev->first.IsScalar()) return;
        const std::string lead = prev->second.Scalar();
        if (lead.empty() || lead.size() > 3 || !std::all_of(lead.begin(), lead.end(), detail::is_digit)) return;
        std::string amount = lead;
        for (It k = it; k != map.end() && group(k->first, k->second); ++k) amount += "," + k->first.Scalar();
        fail(it->first, what + ": \"" + it->first.Scalar() + "\" is not a year: the amount " + amount +
                            " is written without quotes in a {...} mapping, where a comma separates entries, so it was "
                            "split at its commas; quote it: " +
                            prev->first.Scalar() + ": \"" + amount + "\"");
    }
    year_values years(const yaml_node& n, const std::string& what) const {
        year_values out;
        if (n.IsNull()) return out;
        expect_map(n, what);
        for (auto it = n.begin(); it != n.end(); ++it) {
            split_amount(n, it, what);
            const period_year y = year_key(it->first, what);
            if (out.count(y)) fail(it->first, what + ": year " + it->first.Scalar() + " appears twice");
            out[y] = printed_list(it->second, what + " " + it->first.Scalar());
        }
        return out;
    }
    std::vector<std::string> strings(const yaml_node& n, const std::string& what) const {
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

// ----------------------------------------------------------------------------- realizations: long form

// A realization in the long form (docs/annual-cycle.md): a mapping with evidence or verification
// beside its value.
bool long_form(const yaml_node& n) {
    if (!n.IsMap()) return false;
    for (auto it = n.begin(); it != n.end(); ++it) {
        if (!it->first.IsScalar()) continue;
        const std::string k = it->first.Scalar();
        if (k == "evidence" || k == "verification") return true;
    }
    return false;
}

evidence read_evidence(const reader& r, const yaml_node& n, const std::string& what) {
    r.expect_map(n, what);
    evidence e;
    e.location = r.where(n);
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string k = r.text(it->first, "a key");
        const yaml_node v = it->second;
        if (k == "title")
            e.title = r.text(v, what + ".title");
        else if (k == "kind")
            e.kind = r.text(v, what + ".kind");
        else if (k == "uri") {
            e.uri = r.text(v, what + ".uri");
            if (!detail::has_uri_scheme(e.uri))
                r.fail(v, what + ".uri must start with a scheme (https:, http:, ftp:, file:, urn: ...), got \"" +
                              detail::cut_utf8(e.uri, 60) + "\"; a file path is written path:");
        } else if (k == "path") {
            e.path = r.text(v, what + ".path");
            if (detail::trim(e.path).empty()) r.fail(v, what + ".path is empty");
        } else if (k == "hash") {
            e.hash = r.text(v, what + ".hash");
            std::string why;
            if (!detail::valid_hash(e.hash, why))
                r.fail(v, what + ".hash \"" + detail::cut_utf8(e.hash, 60) + "\" is not a content hash: " + why);
        } else
            r.fail(it->first, "unknown key \"" + k + "\" in " + what + " (allowed: title, kind, uri, path, hash)");
    }
    if (detail::trim(e.title).empty()) r.fail(n, what + " needs a title");
    if (!e.uri.empty() && !e.path.empty()) r.fail(n, what + " gives both uri and path; give one");
    return e;
}

verification_step read_step(const reader& r, const yaml_node& n, const std::string& what) {
    r.expect_map(n, what);
    verification_step s;
    s.location = r.where(n);
    bool has_status = false, has_value = false;
    const yaml_node* reason_node = nullptr;
    yaml_node reason_copy;
    yaml_node value_copy;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string k = r.text(it->first, "a key");
        const yaml_node v = it->second;
        if (k == "status") {
            const std::string t = r.text(v, what + ".status");
            try {
                s.status = verification_status_from_string(t);
            } catch (const lookup_error&) {
                r.fail(v, what + ".status must be draft, submitted, verified, returned, approved or revised, got \"" +
                              detail::cut_utf8(t, 60) + "\"");
            }
            if (t != to_string(s.status))
                r.fail(v, what + ".status is written in lower case: " + std::string(to_string(s.status)));
            has_status = true;
        } else if (k == "by") {
            s.by = r.text(v, what + ".by");
        } else if (k == "at") {
            s.at = r.text(v, what + ".at");
            std::string why;
            if (!detail::parse_timestamp(s.at, why))
                r.fail(v, what + ".at \"" + detail::cut_utf8(s.at, 60) + "\" is not a date or time: " + why);
        } else if (k == "value") {
            s.value = r.text(v, what + ".value");
            has_value = true;
            value_copy = v;
        } else if (k == "reason") {
            s.reason = r.text(v, what + ".reason");
            reason_copy = v;
            reason_node = &reason_copy;
        } else if (k == "note") {
            s.note = r.text(v, what + ".note");
        } else
            r.fail(it->first,
                   "unknown key \"" + k + "\" in " + what + " (allowed: status, by, at, value, reason, note)");
    }
    if (!has_status) r.fail(n, what + " needs a status");
    if (detail::trim(s.by).empty()) r.fail(n, what + " needs by: who took the step (a role)");
    if (s.at.empty()) r.fail(n, what + " needs at: when (an ISO 8601 date or date and time)");
    if (s.status == verification_status::verified && !has_value)
        r.fail(n, what + " is verified and needs value: the value verified, as printed");
    if (s.status != verification_status::verified && has_value)
        r.fail(value_copy,
               what + ": only a verified step records a value (this one is " + std::string(to_string(s.status)) + ")");
    if (s.status == verification_status::revised && detail::trim(s.reason).empty())
        r.fail(n, what + " is revised and needs reason: why the verified value changes");
    if (reason_node && s.status != verification_status::revised && s.status != verification_status::returned)
        r.fail(*reason_node, what + ": a reason belongs to a returned or revised step (this one is " +
                                 std::string(to_string(s.status)) + "); write note: instead");
    return s;
}

// The long form: value, source, note, evidence, verification.
void read_long_realization(const reader& r, const yaml_node& n, const std::string& what, printed_value& v,
                           realization_record& rec) {
    v = printed_value{};
    v.location = r.where(n);
    bool has_value = false;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string k = r.text(it->first, "a key");
        const yaml_node x = it->second;
        if (k == "value") {
            v.text = r.text(x, what + ".value");
            v.location = r.where(x);  // findings point at the value itself
            has_value = true;
        } else if (k == "source") {
            v.source = r.text(x, what + ".source");
        } else if (k == "note") {
            v.note = r.text(x, what + ".note");
        } else if (k == "evidence") {
            r.expect_seq(x, what + ".evidence");
            if (x.size() == 0) r.fail(x, what + ".evidence is an empty list (leave the key out)");
            for (std::size_t i = 0; i < x.size(); ++i)
                rec.evidence.push_back(read_evidence(r, x[i], what + ".evidence[" + std::to_string(i) + "]"));
        } else if (k == "verification") {
            r.expect_seq(x, what + ".verification");
            if (x.size() == 0) r.fail(x, what + ".verification is an empty list (leave the key out)");
            for (std::size_t i = 0; i < x.size(); ++i)
                rec.verification.push_back(read_step(r, x[i], what + ".verification[" + std::to_string(i) + "]"));
        } else {
            r.fail(it->first,
                   "unknown key \"" + k + "\" in " + what + " (allowed: value, source, note, evidence, verification)");
        }
    }
    if (!has_value) r.fail(n, what + " needs a value: key");
}

void put_record(indicator& o, realization_record rec) {
    auto it = std::lower_bound(o.realization_records.begin(), o.realization_records.end(), rec,
                               [](const realization_record& a, const realization_record& b) {
                                   return std::tie(a.year, a.quarter) < std::tie(b.year, b.quarter);
                               });
    if (it != o.realization_records.end() && it->year == rec.year && it->quarter == rec.quarter)
        *it = std::move(rec);
    else
        o.realization_records.insert(it, std::move(rec));
}

void drop_record(indicator& o, int year, int quarter) {
    o.realization_records.erase(
        std::remove_if(o.realization_records.begin(), o.realization_records.end(),
                       [&](const realization_record& r) { return r.year == year && r.quarter == quarter; }),
        o.realization_records.end());
}

std::string flow(const evidence& e) {
    std::string t = "{title: " + quote(e.title);
    if (!e.kind.empty()) t += ", kind: " + quote(e.kind);
    if (!e.uri.empty()) t += ", uri: " + quote(e.uri);
    if (!e.path.empty()) t += ", path: " + quote(e.path);
    if (!e.hash.empty()) t += ", hash: " + quote(e.hash);
    return t + "}";
}

std::string flow(const verification_step& s) {
    std::string t = "{status: " + std::string(to_string(s.status)) + ", by: " + quote(s.by) + ", at: " + quote(s.at);
    if (s.status == verification_status::verified) t += ", value: " + quote(s.value);
    if (!s.reason.empty()) t += ", reason: " + quote(s.reason);
    if (!s.note.empty()) t += ", note: " + quote(s.note);
    return t + "}";
}

// Writes `key:` (a year or q1..q4) and the long form below it.
template <class Writer>
void write_long_realization(Writer& w, int indent, const std::string& key, const printed_value& v,
                            const realization_record& rec) {
    w.line(indent, key + ":");
    w.line(indent + 2, "value: " + quote(v.text));
    if (!v.source.empty()) w.line(indent + 2, "source: " + quote(v.source));
    if (!v.note.empty()) w.line(indent + 2, "note: " + quote(v.note));
    if (!rec.evidence.empty()) {
        w.line(indent + 2, "evidence:");
        for (const evidence& e : rec.evidence) w.line(indent + 4, "- " + flow(e));
    }
    if (!rec.verification.empty()) {
        w.line(indent + 2, "verification:");
        for (const verification_step& s : rec.verification) w.line(indent + 4, "- " + flow(s));
    }
}

// ----------------------------------------------------------------------------- field tables

template <class T>
struct field {
    const char* key;
    std::function<void(const reader&, const yaml_node&, T&)> read;
    std::function<void(writer&, int, const T&)> write;  // writes nothing when the field is empty
    std::function<void(T&, const T&)> merge;            // takes the field from a version entry
    std::function<void(T&)> clear;                      // a version entry's key: null
};

// Generic handlers by member type.
void read_into(const reader& r, const yaml_node& n, std::string& m, const std::string& what) { m = r.text(n, what); }
void read_into(const reader& r, const yaml_node& n, std::optional<int>& m, const std::string& what) {
    m = r.integer(n, what);
}
void read_into(const reader& r, const yaml_node& n, year_values& m, const std::string& what) { m = r.years(n, what); }
void read_into(const reader& r, const yaml_node& n, bool& m, const std::string& what) {
    const std::string t = r.text(n, what);
    if (t != "true" && t != "false") r.fail(n, what + " is true or false; got \"" + detail::cut_utf8(t, 60) + "\"");
    m = t == "true";
}
void read_into(const reader& r, const yaml_node& n, std::vector<std::string>& m, const std::string& what) {
    m = r.strings(n, what);
}
void read_into(const reader& r, const yaml_node& n, std::optional<printed_value>& m, const std::string& what) {
    m = r.printed(n, what);
}
void read_into(const reader& r, const yaml_node& n, std::vector<printed_value>& m, const std::string& what) {
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
    return field<T>{key, [ptr, key](const reader& r, const yaml_node& n, T& o) { o.*ptr = r.text(n, key); },
                    [ptr, key](writer& w, int indent, const T& o) { w.scalar(indent, key, quote(o.*ptr)); },
                    [ptr](T& dst, const T& src) { dst.*ptr = src.*ptr; }, [ptr](T& o) { (o.*ptr).clear(); }};
}

template <class T, class M>
field<T> member(const char* key, M T::*ptr) {
    return field<T>{key, [ptr, key](const reader& r, const yaml_node& n, T& o) { read_into(r, n, o.*ptr, key); },
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
            [](const reader& r, const yaml_node& n, indicator& o) {
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
                                     [](const reader& r, const yaml_node& n, indicator& o) {
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
                                     [](const reader& r, const yaml_node& n, indicator& o) {
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
                                     [](const reader& r, const yaml_node& n, indicator& o) {
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
        f.push_back(field<indicator>{
            "realizations",
            [](const reader& r, const yaml_node& n, indicator& o) {
                o.realizations.clear();
                o.realization_records.erase(std::remove_if(o.realization_records.begin(), o.realization_records.end(),
                                                           [](const realization_record& x) { return x.quarter == 0; }),
                                            o.realization_records.end());
                if (n.IsNull()) return;
                r.expect_map(n, "realizations");
                for (auto it = n.begin(); it != n.end(); ++it) {
                    r.split_amount(n, it, "realizations");
                    const period_year y = r.year_key(it->first, "realizations");
                    if (o.realizations.count(y))
                        r.fail(it->first, "realizations: year " + it->first.Scalar() + " appears twice");
                    const yaml_node v = it->second;  // a copy: it->second belongs to a temporary
                    const std::string what = "realizations " + it->first.Scalar();
                    if (!long_form(v)) {
                        o.realizations[y] = r.printed_list(v, what);
                        continue;
                    }
                    if (y.is_end())
                        r.fail(it->first,
                               "realizations: evidence and verification belong to a year's realization "
                               "(2024), not to the end column");
                    realization_record rec;
                    rec.year = y.value();
                    printed_value pv;
                    read_long_realization(r, v, what, pv, rec);
                    o.realizations[y] = {pv};
                    put_record(o, std::move(rec));
                }
            },
            [](writer& w, int indent, const indicator& o) {
                if (o.realizations.empty()) return;
                w.line(indent, "realizations:");
                for (const auto& [y, vs] : o.realizations) {
                    const realization_record* rec = y.is_end() ? nullptr : o.record(y.value(), 0);
                    if (rec && vs.size() == 1)
                        write_long_realization(w, indent + 2, year_text(y), vs.front(), *rec);
                    else
                        w.line(indent + 2, year_text(y) + ": " + flow(vs));
                }
            },
            [](indicator& d, const indicator& s) {
                for (const auto& [y, vs] : s.realizations) {
                    d.realizations[y] = vs;
                    if (y.is_end()) continue;
                    if (const realization_record* rec = s.record(y.value(), 0))
                        put_record(d, *rec);
                    else
                        drop_record(d, y.value(), 0);
                }
            },
            [](indicator& o) {
                o.realizations.clear();
                o.realization_records.erase(std::remove_if(o.realization_records.begin(), o.realization_records.end(),
                                                           [](const realization_record& x) { return x.quarter == 0; }),
                                            o.realization_records.end());
            }});
        f.push_back(field<indicator>{
            "quarterly_realizations",
            [](const reader& r, const yaml_node& n, indicator& o) {
                r.expect_map(n, "quarterly_realizations");
                for (auto it = n.begin(); it != n.end(); ++it) {
                    const period_year y = r.year_key(it->first, "quarterly_realizations");
                    if (y.is_end())
                        r.fail(it->first,
                               "quarterly_realizations: quarters belong to a calendar year (2024), "
                               "not to the end column");
                    r.expect_map(it->second, "quarterly_realizations " + it->first.Scalar());
                    auto& quarters = o.quarterly_realizations[y.value()];
                    const yaml_node quarters_node = it->second;  // a copy: it->second belongs to a temporary
                    for (auto q = quarters_node.begin(); q != quarters_node.end(); ++q) {
                        const std::string key = r.text(q->first, "a quarter");
                        if (key.size() != 2 || (key[0] != 'q' && key[0] != 'Q') || key[1] < '1' || key[1] > '4')
                            r.fail(q->first, "quarters are q1, q2, q3, q4, got \"" + key + "\"");
                        const yaml_node qv = q->second;
                        if (!long_form(qv)) {
                            quarters[key[1] - '0'] = r.printed(qv, "quarter " + key);
                            continue;
                        }
                        realization_record rec;
                        rec.year = y.value();
                        rec.quarter = key[1] - '0';
                        read_long_realization(r, qv, "quarter " + key, quarters[rec.quarter], rec);
                        put_record(o, std::move(rec));
                    }
                }
            },
            [](writer& w, int indent, const indicator& o) {
                if (o.quarterly_realizations.empty()) return;
                w.line(indent, "quarterly_realizations:");
                for (const auto& [y, qs] : o.quarterly_realizations) {
                    w.line(indent + 2, year_text(y) + ":");
                    for (const auto& [q, v] : qs) {
                        if (const realization_record* rec = o.record(y, q))
                            write_long_realization(w, indent + 4, "q" + std::to_string(q), v, *rec);
                        else
                            w.line(indent + 4, "q" + std::to_string(q) + ": " + flow(v));
                    }
                }
            },
            [](indicator& d, const indicator& s) {
                for (const auto& [y, qs] : s.quarterly_realizations)
                    for (const auto& [q, v] : qs) {
                        d.quarterly_realizations[y][q] = v;
                        if (const realization_record* rec = s.record(y, q))
                            put_record(d, *rec);
                        else
                            drop_record(d, y, q);
                    }
            },
            [](indicator& o) {
                o.quarterly_realizations.clear();
                o.realization_records.erase(std::remove_if(o.realization_records.begin(), o.realization_records.end(),
                                                           [](const realization_record& x) { return x.quarter != 0; }),
                                            o.realization_records.end());
            }});
        f.push_back(member("reported_achievement", &indicator::reported_achievement));
        f.push_back(member("numerators", &indicator::numerators));
        f.push_back(member("denominators", &indicator::denominators));
        f.push_back(member("budget", &indicator::budget));
        f.push_back(field<indicator>{"aggregation",
                                     [](const reader& r, const yaml_node& n, indicator& o) {
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

void read_indicator(const reader& r, const yaml_node& n, indicator& o, bool entry);
void write_indicator(writer& w, int indent, const indicator& o, bool entry);

const std::vector<field<node>>& node_fields() {
    static const std::vector<field<node>> fields = [] {
        std::vector<field<node>> f;
        f.push_back(member("id", &node::id));
        f.push_back(field<node>{
            "level",
            [](const reader& r, const yaml_node& n, node& o) {
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
            [](const reader& r, const yaml_node& n, node& o) {
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
            "period", [](const reader& r, const yaml_node& n, node& o) { o.period = r.period(n, "period"); },
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
                                [](const reader& r, const yaml_node& n, node& o) {
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
void read_record(const reader& r, const yaml_node& n, T& o, bool entry, const std::vector<field<T>>& fields,
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
        // the field of a key by a hash of the table's keys, built once per table
        static const std::unordered_map<std::string_view, std::size_t> by_key = [&fields] {
            std::unordered_map<std::string_view, std::size_t> m;
            for (std::size_t k = 0; k < fields.size(); ++k) m.emplace(fields[k].key, k);
            return m;
        }();
        const auto found = by_key.find(key);
        const auto f =
            found == by_key.end() ? fields.end() : fields.begin() + static_cast<std::ptrdiff_t>(found->second);
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
        if (const yaml_node v = n[key]) r.note_reference(o.id, key, v);
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

void read_indicator(const reader& r, const yaml_node& n, indicator& o, bool entry) {
    read_record(r, n, o, entry, indicator_fields(), "an indicator");
    if (entry) return;
    if (!o.given.count("name")) r.fail(n, "indicator \"" + o.id + "\" needs a name");
    if (o.source.empty()) r.fail(n, "indicator \"" + o.id + "\" needs a source (the table it comes from)");
    o.given.clear();
}

void write_indicator(writer& w, int indent, const indicator& o, bool entry) {
    write_record(w, indent, o, entry, indicator_fields());
}

void read_node(const reader& r, const yaml_node& n, node& o, bool entry) {
    if (entry) o.given.insert("#entry");  // tells the indicators field to read version entries
    read_record(r, n, o, entry, node_fields(), "a node");
    if (entry) return;
    if (!o.given.count("level")) r.fail(n, "node \"" + o.id + "\" needs a level");
    if (!o.given.count("name")) r.fail(n, "node \"" + o.id + "\" needs a name");
    if (o.source.empty()) r.fail(n, "node \"" + o.id + "\" needs a source (the table it comes from)");
    o.given.clear();
}

void write_node(writer& w, int indent, const node& o, bool entry) { write_record(w, indent, o, entry, node_fields()); }

void read_total(const reader& r, const yaml_node& n, total& t) {
    r.expect_map(n, "a total");
    t.location = r.where(n);
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string key = r.text(it->first, "a key");
        const yaml_node v = it->second;
        if (key == "id")
            t.id = r.text(v, "id");
        else if (key == "name")
            t.name = r.text(v, "name");
        else if (key == "over")
            t.over = r.strings(v, "over");
        else if (key == "context")
            read_into(r, v, t.context, "context");
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
                       "\" in a total (allowed: id, name, over, context, budget, budget_realized, reported_absorption, "
                       "source)");
    }
    if (t.id.empty() || t.name.empty() || t.over.empty() || t.source.empty())
        r.fail(n, "a total needs id, name, over and source");
    r.note_reference(t.id, "over", n["over"]);
}

void read_scales(const reader& r, const yaml_node& n, plan& p) {
    r.expect_map(n, "scales");
    for (auto it = n.begin(); it != n.end(); ++it) {
        plan_scale s;
        s.name = r.text(it->first, "a scale name");
        r.expect_map(it->second, "scale " + s.name);
        const yaml_node scale_node = it->second;  // a copy: it->second belongs to a temporary
        for (auto k = scale_node.begin(); k != scale_node.end(); ++k) {
            const std::string key = r.text(k->first, "a key");
            if (key == "compare") {
                s.compare = r.text(k->second, "compare");
                if (s.compare != "position" && s.compare != "score") r.fail(k->second, "compare is position or score");
            } else if (key == "source") {
                s.source = r.text(k->second, "source");
            } else if (key == "levels") {
                r.expect_seq(k->second, "levels");
                const yaml_node levels_node = k->second;
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
void read_units(const reader& r, const yaml_node& n, std::vector<unit_declaration>& out) {
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
void read_conventions(const reader& r, const yaml_node& key, const yaml_node& v, declared_conventions& d) {
    r.expect_map(v, "conventions");
    d.location = r.where(key);
    for (auto k = v.begin(); k != v.end(); ++k) {
        const std::string ck = r.text(k->first, "a key");
        const yaml_node cv = k->second;
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

// ----------------------------------------------------------------------------- parse_plan's steps
// parse_plan reads the top-level mapping one section at a time (read_section), checks that the
// required sections came (require_sections), then resolves what refers across sections
// (resolve_plan). Each step below reads one section; the order of their checks, and so the first
// error a file meets, is the order of the file.

namespace {

// What parse_plan learns about the file besides the plan: which required sections it met, and
// where the catalogs are listed (for the errors of loading them).
struct sections {
    std::vector<location> annual_years;  // where each annual document's year is written
    bool has_version = false;
    bool has_plan = false;
    bool has_nodes = false;
    location catalogs_key;
    std::vector<location> catalogs_listed;
};

// `kinerja_plan: 1`: the format version.
void read_format_version(const reader& r, const yaml_node& v, plan& p) {
    p.format_version = r.integer(v, "kinerja_plan");
    if (p.format_version != 1)
        r.fail(v,
               "this version of kinerja reads plan format 1, the file is format " + std::to_string(p.format_version));
}

// `plan:`: the identity of the plan (id, title, organisation, region, period, version, ...).
void read_identity(const reader& r, const yaml_node& v, plan_info& info) {
    r.expect_map(v, "plan");
    for (auto k = v.begin(); k != v.end(); ++k) {
        const std::string pk = r.text(k->first, "a key");
        const yaml_node pv = k->second;
        if (pk == "id")
            info.id = r.text(pv, "plan.id");
        else if (pk == "title")
            info.title = r.text(pv, "plan.title");
        else if (pk == "organisation")
            info.organisation = r.text(pv, "plan.organisation");
        else if (pk == "region")
            info.region = r.text(pv, "plan.region");
        else if (pk == "period") {
            std::tie(info.period_from, info.period_to) = r.period(pv, "plan.period");
        } else if (pk == "version")
            info.version = r.text(pv, "plan.version");
        else if (pk == "document_date")
            info.document_date = r.text(pv, "plan.document_date");
        else if (pk == "source_document")
            info.source_document = r.text(pv, "plan.source_document");
        else
            r.fail(k->first, "unknown key \"" + pk +
                                 "\" in plan (allowed: id, title, organisation, region, period, version, "
                                 "document_date, source_document)");
    }
    for (const char* req : {"id", "title", "organisation", "region", "version"}) {
        const std::string& val = std::string(req) == "id"             ? info.id
                                 : std::string(req) == "title"        ? info.title
                                 : std::string(req) == "organisation" ? info.organisation
                                 : std::string(req) == "region"       ? info.region
                                                                      : info.version;
        if (val.empty()) r.fail(v, std::string("plan needs ") + req);
    }
    if (info.period_from == 0) r.fail(v, "plan needs period: [from, to]");
}

// `settings:`: how achievements are computed and codes compared.
void read_settings(const reader& r, const yaml_node& v, plan_settings& settings) {
    r.expect_map(v, "settings");
    for (auto k = v.begin(); k != v.end(); ++k) {
        const std::string sk = r.text(k->first, "a key");
        try {
            if (sk == "lower_method") {
                settings.lower_method = method_from_string(r.text(k->second, sk));
                if (settings.lower_method == method::direct)
                    r.fail(k->second, "lower_method is inverse, complement or reduction");
            } else if (sk == "rounding") {
                settings.rounding.mode = rounding_from_string(r.text(k->second, sk));
            } else if (sk == "decimals") {
                settings.rounding.decimals = r.integer(k->second, sk);
                if (settings.rounding.decimals < 0 || settings.rounding.decimals > 12)
                    r.fail(k->second, "decimals lie in 0..12");
            } else if (sk == "code_scope") {
                settings.code_scope = code_scope_from_string(r.text(k->second, sk));
            } else if (sk == "evidence") {
                const std::string e = r.text(k->second, sk);
                if (e != "required" && e != "optional")
                    r.fail(k->second, "evidence is required or optional, got \"" + detail::cut_utf8(e, 60) + "\"");
                settings.evidence_required = e == "required";
            } else {
                r.fail(k->first,
                       "unknown key \"" + sk +
                           "\" in settings (allowed: lower_method, rounding, decimals, code_scope, evidence)");
            }
        } catch (const lookup_error& e) {
            r.fail(k->second, e.what());
        }
    }
}

// `catalogs:`: the formula catalogs the plan uses, each once; where each is listed is kept for
// the errors of loading them (resolve_plan).
void read_catalogs(const reader& r, const yaml_node& key, const yaml_node& v, plan& p, sections& met) {
    met.catalogs_key = r.where(key);
    r.expect_seq(v, "catalogs");
    p.catalogs.emplace();
    for (const auto& item : v) {
        const std::string path = r.text(item, "a catalogs item");
        if (path.empty()) r.fail(item, "a catalogs item is a catalog file or bundled, not empty");
        if (std::find(p.catalogs->begin(), p.catalogs->end(), path) != p.catalogs->end())
            r.fail(item, "catalogs lists \"" + path + "\" twice");
        p.catalogs->push_back(path);
        met.catalogs_listed.push_back(r.where(item));
    }
}

// `sources:`: table labels and what they are.
void read_sources(const reader& r, const yaml_node& v, plan& p) {
    r.expect_map(v, "sources");
    for (auto k = v.begin(); k != v.end(); ++k)
        p.sources.emplace_back(r.text(k->first, "a source label"), r.text(k->second, "a source description"));
}

// `nodes:` or `history:`: a list of nodes (empty when null), each counted against max_nodes.
void read_nodes(const reader& r, const yaml_node& v, const std::string& key, std::vector<node>& out) {
    if (v.IsNull()) return;
    r.expect_seq(v, key);
    for (const auto& item : v) {
        r.count_node(item);
        node n;
        read_node(r, item, n, false);
        out.push_back(std::move(n));
    }
}

// `totals:`: printed total rows.
void read_totals(const reader& r, const yaml_node& v, std::vector<total>& out) {
    r.expect_seq(v, "totals");
    for (const auto& item : v) {
        total t;
        read_total(r, item, t);
        out.push_back(std::move(t));
    }
}

// One entry of `versions:`: its label, source and node entries (differences from the main
// nodes), whose references are noted under the version's name.
plan_version read_version(const reader& r, const yaml_node& name, const yaml_node& v) {
    plan_version pv;
    pv.name = r.text(name, "a version name");
    r.expect_map(v, "version " + pv.name);
    for (auto q = v.begin(); q != v.end(); ++q) {
        const std::string vk = r.text(q->first, "a key");
        if (vk == "label")
            pv.label = r.text(q->second, "label");
        else if (vk == "source")
            pv.source = r.text(q->second, "source");
        else if (vk == "nodes") {
            r.expect_seq(q->second, "nodes");
            const yaml_node entries = q->second;
            r.scope = pv.name;
            for (const auto& item : entries) {
                r.count_node(item);
                node n;
                read_node(r, item, n, true);
                pv.nodes.push_back(std::move(n));
            }
            r.scope.clear();
        } else
            r.fail(q->first, "unknown key \"" + vk + "\" in version " + pv.name + " (allowed: label, source, nodes)");
    }
    return pv;
}

// `versions:`: the plan's other versions (AWAL columns of a revision).
void read_versions(const reader& r, const yaml_node& v, std::vector<plan_version>& out) {
    r.expect_map(v, "versions");
    for (auto k = v.begin(); k != v.end(); ++k) out.push_back(read_version(r, k->first, k->second));
}

// `annual_documents:`: yearly target documents (docs/annual-cycle.md). The indicators and years
// are checked against the plan once the whole file is read (resolve_annual_documents).
void read_annual_documents(const reader& r, const yaml_node& v, plan& p, sections& met) {
    r.expect_seq(v, "annual_documents");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const yaml_node item = v[i];
        const std::string what = "annual_documents[" + std::to_string(i) + "]";
        r.expect_map(item, what);
        annual_document d;
        d.location = r.where(item);
        location year_at = d.location;
        bool has_kind = false, has_year = false, has_targets = false;
        for (auto k = item.begin(); k != item.end(); ++k) {
            const std::string key = r.text(k->first, "a key");
            const yaml_node x = k->second;
            if (key == "id") {
                d.id = r.text(x, what + ".id");
                if (!ids.insert(d.id).second) r.fail(x, "annual document id \"" + d.id + "\" appears twice");
            } else if (key == "kind") {
                const std::string t = r.text(x, what + ".kind");
                try {
                    d.kind = annual_document_kind_from_string(t);
                } catch (const lookup_error&) {
                    r.fail(x,
                           what + ".kind must be renja or perjanjian_kinerja, got \"" + detail::cut_utf8(t, 60) + "\"");
                }
                if (t != to_string(d.kind))
                    r.fail(x, what + ".kind is written in lower case: " + std::string(to_string(d.kind)));
                has_kind = true;
            } else if (key == "year") {
                d.year = r.integer(x, what + ".year");
                year_at = r.where(x);
                has_year = true;
            } else if (key == "label") {
                d.label = r.text(x, what + ".label");
            } else if (key == "number") {
                d.number = r.text(x, what + ".number");
            } else if (key == "date") {
                d.date = r.text(x, what + ".date");
                std::string why;
                const auto t = detail::parse_timestamp(d.date, why);
                if (!t) r.fail(x, what + ".date \"" + detail::cut_utf8(d.date, 60) + "\" is not a date: " + why);
                if (t->seconds) r.fail(x, what + ".date is a date (YYYY-MM-DD), without a time");
            } else if (key == "source") {
                d.source = r.text(x, what + ".source");
            } else if (key == "targets") {
                has_targets = true;
                r.expect_map(x, what + ".targets");
                std::set<std::string> seen;
                for (auto t = x.begin(); t != x.end(); ++t) {
                    annual_target at;
                    at.indicator = r.text(t->first, "an indicator id");
                    at.location = r.where(t->first);
                    if (!seen.insert(at.indicator).second)
                        r.fail(t->first, what + ".targets: indicator \"" + at.indicator + "\" appears twice");
                    const yaml_node tv = t->second;
                    const std::string tw = what + ".targets." + at.indicator;
                    if (tv.IsMap()) {
                        at.value.location = r.where(tv);
                        bool has_value = false;
                        for (auto e = tv.begin(); e != tv.end(); ++e) {
                            const std::string ek = r.text(e->first, "a key");
                            if (ek == "value") {
                                at.value.text = r.text(e->second, tw + ".value");
                                has_value = true;
                            } else if (ek == "source") {
                                at.value.source = r.text(e->second, tw + ".source");
                            } else if (ek == "note") {
                                at.value.note = r.text(e->second, tw + ".note");
                            } else if (ek == "revision") {
                                at.revision = r.text(e->second, tw + ".revision");
                                if (detail::trim(at.revision).empty())
                                    r.fail(e->second, tw + ".revision is the reason for the revision; it is empty");
                            } else {
                                r.fail(e->first, "unknown key \"" + ek + "\" in " + tw +
                                                     " (allowed: value, source, note, revision)");
                            }
                        }
                        if (!has_value) r.fail(tv, tw + " needs a value: key");
                    } else {
                        at.value = r.printed(tv, tw);
                    }
                    d.targets.push_back(std::move(at));
                }
            } else {
                r.fail(k->first, "unknown key \"" + key + "\" in " + what +
                                     " (allowed: id, kind, year, label, number, date, source, targets)");
            }
        }
        if (d.id.empty()) r.fail(item, what + " needs an id");
        if (!has_kind) r.fail(item, what + " needs kind: renja or perjanjian_kinerja");
        if (!has_year) r.fail(item, what + " needs year: the year its targets are for");
        if (!has_targets) r.fail(item, what + " needs targets: indicator id: target");
        p.annual_documents.push_back(std::move(d));
        met.annual_years.push_back(year_at);
    }
}

// The annual documents against the plan: each year within the plan period, each indicator one of
// the plan period's (nodes:, not history:).
void resolve_annual_documents(const plan& p, const sections& met) {
    if (p.annual_documents.empty()) return;
    std::unordered_map<std::string, const indicator*> period_indicators;
    std::vector<std::string> ids;
    for (const node& n : p.nodes)
        for (const indicator& ind : n.indicators) {
            period_indicators.emplace(ind.id, &ind);
            ids.push_back(ind.id);
        }
    for (std::size_t i = 0; i < p.annual_documents.size(); ++i) {
        const annual_document& d = p.annual_documents[i];
        if (d.year < p.info.period_from || d.year > p.info.period_to) {
            const location& l = met.annual_years[i];
            throw file_error("kinerja.plan.schema", l.file, l.line, l.column,
                             "annual document \"" + d.id + "\" is for " + std::to_string(d.year) +
                                 ", outside the plan period " + std::to_string(p.info.period_from) + "-" +
                                 std::to_string(p.info.period_to));
        }
        for (const annual_target& t : d.targets) {
            if (period_indicators.count(t.indicator)) continue;
            std::string why = "annual document \"" + d.id + "\" gives a target for \"" + t.indicator + "\", ";
            const auto [n, ind] = p.find_indicator(t.indicator);
            if (ind)
                why += "an indicator of the previous period (history:), not of the plan period";
            else {
                why += "which is no indicator of the plan";
                const std::vector<std::string> near = nearest_names(t.indicator, ids);
                for (std::size_t k = 0; k < near.size(); ++k)
                    why += (k == 0 ? " (nearest: \"" : ", \"") + near[k] + "\"" + (k + 1 == near.size() ? ")" : "");
            }
            throw file_error("kinerja.plan.reference", t.location.file, t.location.line, t.location.column, why);
        }
    }
}

// One top-level section, by its key.
void read_section(const reader& r, const std::string& key, const yaml_node& key_node, const yaml_node& v, plan& p,
                  sections& met) {
    if (key == "kinerja_plan") {
        read_format_version(r, v, p);
        met.has_version = true;
    } else if (key == "plan") {
        met.has_plan = true;
        read_identity(r, v, p.info);
    } else if (key == "settings") {
        read_settings(r, v, p.settings);
    } else if (key == "conventions") {
        read_conventions(r, key_node, v, p.conventions);
    } else if (key == "catalogs") {
        read_catalogs(r, key_node, v, p, met);
    } else if (key == "scales") {
        read_scales(r, v, p);
    } else if (key == "units") {
        read_units(r, v, p.units);
    } else if (key == "sources") {
        read_sources(r, v, p);
    } else if (key == "nodes" || key == "history") {
        if (key == "nodes") met.has_nodes = true;
        read_nodes(r, v, key, key == "nodes" ? p.nodes : p.history);
    } else if (key == "totals") {
        read_totals(r, v, p.totals);
    } else if (key == "versions") {
        read_versions(r, v, p.versions);
    } else if (key == "annual_documents") {
        read_annual_documents(r, v, p, met);
    } else {
        r.fail(key_node, "unknown top-level key \"" + key +
                             "\" (allowed: kinerja_plan, plan, settings, conventions, catalogs, scales, units, "
                             "sources, nodes, history, totals, versions, annual_documents)");
    }
}

// The sections every plan file has: kinerja_plan, plan and nodes.
void require_sections(const std::string& file, const sections& met) {
    if (!met.has_version)
        throw file_error("kinerja.plan.schema", file, 1, 1,
                         "the file does not start with kinerja_plan: 1 (is it a plan file?)");
    if (!met.has_plan) throw file_error("kinerja.plan.schema", file, 1, 1, "the plan: section is missing");
    if (!met.has_nodes) throw file_error("kinerja.plan.schema", file, 1, 1, "the nodes: section is missing");
}

// What refers across sections: parents, scales and other references (the check shared with the
// CSV reader), the catalogs and the indicators' catalog entries, then the tables' conventions.
void resolve_plan(const reader& r, plan& p, const sections& met) {
    detail::validate_references(p, r.sites);
    detail::load_plan_catalogs(p, r.sites, met.catalogs_listed, met.catalogs_key);
    detail::learn_table_conventions(p);
    resolve_annual_documents(p, met);
}

}  // namespace

// ----------------------------------------------------------------------------- public functions

std::vector<unit_declaration> parse_unit_declarations(std::string_view yaml, const std::string& file) {
    const load_limits limits;
    const detail::yaml::document doc = detail::yaml::parse_document(yaml, file, "kinerja.plan.yaml", limits);
    const yaml_node root = doc.root();
    const reader r{file, limits, {}, {}, 0};
    std::vector<unit_declaration> out;
    if (root.IsMap()) {
        for (auto it = root.begin(); it != root.end(); ++it) {
            const std::string key = r.text(it->first, "a key");
            if (key != "units")
                r.fail(it->first, "a units file holds units: (a list of unit words), not \"" + key + "\"");
            read_units(r, it->second, out);
        }
    } else {
        read_units(r, root, out);
    }
    return out;
}

std::vector<unit_declaration> load_unit_declarations(const std::string& path) {
    const load_limits limits;
    return parse_unit_declarations(detail::read_file(path, "kinerja.plan.io", limits.max_input_bytes), path);
}

plan parse_plan(std::string_view yaml, const std::string& file, const load_limits& limits) {
    const detail::yaml::document doc = detail::yaml::parse_document(yaml, file, "kinerja.plan.yaml", limits);
    const yaml_node root = doc.root();
    const reader r{file, limits, {}, {}, 0};
    if (!root.IsMap())
        throw file_error("kinerja.plan.schema", file, 1, 1,
                         "a plan file is a mapping with kinerja_plan, plan and nodes");
    plan p;
    p.file = file;
    sections met;
    met.catalogs_key = location{file, 1, 1};
    std::set<std::string> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string key = r.text(it->first, "a key");
        if (!seen.insert(key).second) r.fail(it->first, "key \"" + key + "\" appears twice");
        read_section(r, key, it->first, it->second, p, met);
    }
    require_sections(file, met);
    resolve_plan(r, p, met);
    return p;
}

plan load_plan(const std::string& path, const load_limits& limits) {
    return parse_plan(detail::read_file(path, "kinerja.plan.io", limits.max_input_bytes), path, limits);
}

std::string to_yaml(const plan& p) {
    writer w;
    w.line(0, "kinerja_plan: " + std::to_string(p.format_version));
    w.line(0, "plan:");
    write_from(w, 2, "id", p.info.id);
    write_from(w, 2, "title", p.info.title);
    write_from(w, 2, "organisation", p.info.organisation);
    write_from(w, 2, "region", p.info.region);
    w.line(2, "period: [" + std::to_string(p.info.period_from) + ", " + std::to_string(p.info.period_to) + "]");
    write_from(w, 2, "version", p.info.version);
    write_from(w, 2, "document_date", p.info.document_date);
    write_from(w, 2, "source_document", p.info.source_document);
    w.line(0, "settings:");
    w.line(2, "lower_method: " + std::string(to_string(p.settings.lower_method)));
    w.line(2, "rounding: " + std::string(to_string(p.settings.rounding.mode)));
    w.line(2, "decimals: " + std::to_string(p.settings.rounding.decimals));
    if (p.settings.code_scope != code_scope::parent)
        w.line(2, "code_scope: " + std::string(to_string(p.settings.code_scope)));
    if (p.settings.evidence_required) w.line(2, "evidence: required");
    if (!p.conventions.empty()) {
        const declared_conventions& d = p.conventions;
        w.line(0, "conventions:");
        if (d.pagu_levels) {
            std::vector<std::string> names;
            for (node_level l : *d.pagu_levels) names.emplace_back(to_string(l));
            w.line(2, "pagu_levels: " + flow(names));
        }
        if (d.budget_end) w.line(2, "budget_end: " + std::string(to_string(*d.budget_end)));
        if (d.target_end) w.line(2, "target_end: " + std::string(to_string(*d.target_end)));
        if (d.indicator_pagu) w.line(2, "indicator_pagu: " + std::string(to_string(*d.indicator_pagu)));
        if (d.numbers) w.line(2, "numbers: " + std::string(to_string(*d.numbers)));
        if (d.majority) {
            std::ostringstream m;
            m.precision(15);
            m << *d.majority;
            w.line(2, "majority: " + m.str());
        }
    }
    if (p.catalogs) w.line(0, "catalogs: " + flow(*p.catalogs));
    if (!p.scales.empty()) {
        w.line(0, "scales:");
        for (const auto& s : p.scales) {
            w.line(2, quote(s.name) + ":");
            w.line(4, "compare: " + s.compare);
            write_from(w, 4, "source", s.source);
            w.line(4, "levels:");
            for (const auto& l : s.levels) {
                std::string t = "- {name: " + quote(l.name);
                if (!l.aliases.empty()) t += ", aliases: " + flow(l.aliases);
                if (!l.min.empty()) t += ", min: " + quote(l.min);
                if (!l.max.empty()) t += ", max: " + quote(l.max);
                w.line(6, t + "}");
            }
        }
    }
    if (!p.units.empty()) {
        w.line(0, "units:");
        for (const auto& u : p.units) {
            std::string t =
                "- {name: " + quote(u.name) + ", kind: " + quote(u.kind) + ", dimension: " + quote(u.dimension);
            if (!u.synonyms.empty()) t += ", synonyms: " + flow(u.synonyms);
            if (!u.description.empty()) t += ", description: " + quote(u.description);
            w.line(2, t + "}");
        }
    }
    if (!p.sources.empty()) {
        w.line(0, "sources:");
        for (const auto& [label, where] : p.sources) w.line(2, quote(label) + ": " + quote(where));
    }
    w.line(0, "nodes:");
    for (const node& n : p.nodes) write_node(w, 2, n, false);
    if (!p.history.empty()) {
        w.line(0, "history:");
        for (const node& n : p.history) write_node(w, 2, n, false);
    }
    if (!p.totals.empty()) {
        w.line(0, "totals:");
        for (const total& t : p.totals) {
            w.line(2, "- id: " + quote(t.id));
            write_from(w, 4, "name", t.name);
            write_from(w, 4, "over", t.over);
            write_from(w, 4, "context", t.context);
            write_from(w, 4, "budget", t.budget);
            write_from(w, 4, "budget_realized", t.budget_realized);
            write_from(w, 4, "reported_absorption", t.reported_absorption);
            write_from(w, 4, "source", t.source);
        }
    }
    if (!p.versions.empty()) {
        w.line(0, "versions:");
        for (const plan_version& v : p.versions) {
            w.line(2, quote(v.name) + ":");
            write_from(w, 4, "label", v.label);
            write_from(w, 4, "source", v.source);
            w.line(4, "nodes:");
            for (const node& e : v.nodes) write_node(w, 6, e, true);
        }
    }
    if (!p.annual_documents.empty()) {
        w.line(0, "annual_documents:");
        for (const annual_document& d : p.annual_documents) {
            w.line(2, "- id: " + quote(d.id));
            w.line(4, "kind: " + std::string(to_string(d.kind)));
            w.line(4, "year: " + std::to_string(d.year));
            write_from(w, 4, "label", d.label);
            write_from(w, 4, "number", d.number);
            write_from(w, 4, "date", d.date);
            write_from(w, 4, "source", d.source);
            if (d.targets.empty()) {
                w.line(4, "targets: {}");
                continue;
            }
            w.line(4, "targets:");
            for (const annual_target& t : d.targets) {
                std::string v;
                if (t.revision.empty()) {
                    v = flow(t.value);
                } else {
                    v = "{value: " + quote(t.value.text);
                    if (!t.value.source.empty()) v += ", source: " + quote(t.value.source);
                    if (!t.value.note.empty()) v += ", note: " + quote(t.value.note);
                    v += ", revision: " + quote(t.revision) + "}";
                }
                w.line(6, quote(t.indicator) + ": " + v);
            }
        }
    }
    return w.out.str();
}

void save_plan(const plan& p, const std::string& path) {
    // The text first, then the file: replaced whole or not at all (detail::write_file_atomic).
    detail::write_file_atomic(path, "kinerja.plan.io", to_yaml(p));
}

plan plan::version(std::string_view name) const {
    if (name == info.version || name.empty()) return *this;
    auto v = std::find_if(versions.begin(), versions.end(), [&](const plan_version& x) { return x.name == name; });
    if (v == versions.end()) {
        std::string known = info.version;
        for (const auto& x : versions) known += ", " + x.name;
        throw lookup_error(
            "kinerja.lookup.version", std::string(name),
            "plan \"" + info.id + "\" has no version \"" + std::string(name) + "\" (versions: " + known + ")");
    }
    detail::validate_version_parents(*this, *v, detail::reference_sites());  // no cycle, no dangling parent
    plan out = *this;
    out.info.version = v->name;
    out.versions.clear();
    // Where each node is (list, position), found once: O((N + E) log N), not a search per entry.
    std::unordered_map<std::string, std::pair<std::vector<node>*, std::size_t>> at;
    for (auto* list : {&out.nodes, &out.history})
        for (std::size_t k = 0; k < list->size(); ++k) at.emplace((*list)[k].id, std::make_pair(list, k));
    std::vector<node> added;
    for (const node& e : v->nodes) {
        const auto it = at.find(e.id);
        if (e.removed) {
            if (it != at.end()) {
                (*it->second.first)[it->second.second].removed = true;  // dropped below, in one pass
                at.erase(it);
            }
            continue;
        }
        if (it == at.end()) {
            node fresh = e;
            fresh.given.clear();
            for (auto& i : fresh.indicators) i.given.clear();
            added.push_back(std::move(fresh));
            at.emplace(e.id, std::make_pair(&added, added.size() - 1));
            continue;
        }
        node& target = (*it->second.first)[it->second.second];
        for (const auto& f : node_fields()) {
            if (std::string(f.key) == "id") continue;
            if (e.given.count("null:" + std::string(f.key)))
                f.clear(target);
            else if (e.given.count(f.key))
                f.merge(target, e);
        }
    }
    for (auto* list : {&out.nodes, &out.history})
        list->erase(std::remove_if(list->begin(), list->end(), [](const node& n) { return n.removed; }), list->end());
    for (node& n : added)
        if (!n.removed) out.nodes.push_back(std::move(n));
    return out;
}

bool operator==(const plan& a, const plan& b) { return to_yaml(a) == to_yaml(b); }

namespace {
std::string& data_directory_override() {
    static std::string dir;
    return dir;
}
}  // namespace

void set_data_directory(const std::string& directory) { data_directory_override() = directory; }

namespace {
const char*& package_data_directory() {
    static const char* dir = nullptr;
    return dir;
}
}  // namespace

void detail::set_package_data_directory(const char* directory) noexcept { package_data_directory() = directory; }

std::string data_directory() {
    if (!data_directory_override().empty()) return data_directory_override();
    if (const char* env = std::getenv("KINERJA_DATA_DIR"); env && *env) return env;
    // the package the program was built against, else (built without CMake) the configured
    // install location: one candidate, never a fallback to another tree's data
    const char* package = package_data_directory();
    const std::string dir = package && *package ? package : KINERJA_INSTALL_DATADIR;
    if (std::ifstream(dir + "/plans/bekasi-dpppa-2024-2026.yaml")) return dir;
    throw file_error(
        "kinerja.data.not_found", dir, 0, 0,
        std::string("kinerja's data (plans/, catalog/, rules/) are not in this directory (") +
            (package && *package ? "the data directory of the kinerja package this program was built against"
                                 : "the directory kinerja was configured to install its data to") +
            "); set KINERJA_DATA_DIR to the directory that holds them, or call "
            "kinerja::set_data_directory");
}

std::string bundled_plan_path() { return data_directory() + "/plans/bekasi-dpppa-2024-2026.yaml"; }

plan bundled_plan() { return load_plan(bundled_plan_path()); }

}  // namespace kinerja
