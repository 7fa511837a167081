// SPDX-License-Identifier: Apache-2.0
#include <kinerja/io.hpp>
#include <kinerja/plan_io.hpp>

#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <ostream>
#include <string>

namespace kinerja {

std::string to_string(const value& v) { return v.text.empty() ? format_value(v) : v.text; }

std::string to_string(const rounding_rule& r) {
    if (r.mode == rounding::none) return "not rounded";
    return std::string(r.mode == rounding::half_up ? "rounded half up to " : "truncated to ") +
           std::to_string(r.decimals) + (r.decimals == 1 ? " decimal" : " decimals");
}

std::string to_string(const finding& f) {
    std::string out =
        f.location.to_string() + ": " + std::string(to_string(f.severity)) + ": [" + f.rule + "] " + f.node;
    if (f.year) out += " " + to_string(*f.year);
    return out + ": " + f.message;
}

std::string to_string(const change& c) {
    std::string where = c.subject + " " + c.node;
    if (c.subject == "indicator") where += " [" + c.id + "]";
    if (c.kind == change_kind::changed) {
        std::string out = "changed " + where + " " + c.field;
        if (c.year) out += " " + to_string(*c.year);
        return out + ": '" + c.from + "' -> '" + c.to + "'";
    }
    return std::string(to_string(c.kind)) + " " + where + ": " + c.name;
}

std::ostream& operator<<(std::ostream& out, const value& v) { return out << to_string(v); }
std::ostream& operator<<(std::ostream& out, const finding& f) { return out << to_string(f); }
std::ostream& operator<<(std::ostream& out, const change& c) { return out << to_string(c); }
std::ostream& operator<<(std::ostream& out, const location& l) { return out << l.to_string(); }
std::ostream& operator<<(std::ostream& out, const rounding_rule& r) { return out << to_string(r); }
std::ostream& operator<<(std::ostream& out, severity s) { return out << to_string(s); }
std::ostream& operator<<(std::ostream& out, polarity p) { return out << to_string(p); }
std::ostream& operator<<(std::ostream& out, method m) { return out << to_string(m); }
std::ostream& operator<<(std::ostream& out, rounding r) { return out << to_string(r); }
std::ostream& operator<<(std::ostream& out, change_kind k) { return out << to_string(k); }

namespace {

void json_string(std::string& out, const std::string& s) {
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += ch;
        }
    }
    out += '"';
}

// A plain integer that a JSON reader keeps exactly (at most 15 digits, no leading zero).
bool json_integer(const std::string& s) {
    std::size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
    const std::size_t digits = s.size() - i;
    if (digits == 0 || digits > 15 || (s[i] == '0' && digits > 1)) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

void json_node(std::string& out, const YAML::Node& n) {
    switch (n.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null: out += "null"; return;
        case YAML::NodeType::Scalar: {
            const std::string& s = n.Scalar();
            // "?": a plain scalar (YAML reads its type from its text); "!": a quoted one (a string).
            if (n.Tag() == "?" && (json_integer(s) || s == "true" || s == "false"))
                out += s;
            else
                json_string(out, s);
            return;
        }
        case YAML::NodeType::Sequence: {
            out += '[';
            bool first = true;
            for (const auto& item : n) {
                if (!first) out += ',';
                first = false;
                json_node(out, item);
            }
            out += ']';
            return;
        }
        case YAML::NodeType::Map: {
            out += '{';
            bool first = true;
            for (const auto& item : n) {
                if (!first) out += ',';
                first = false;
                json_string(out, item.first.Scalar());
                out += ':';
                json_node(out, item.second);
            }
            out += '}';
            return;
        }
    }
}

}  // namespace

std::string to_json_text(const plan& p) {
    std::string out;
    json_node(out, YAML::Load(to_yaml(p)));
    return out;
}

}  // namespace kinerja
