// SPDX-License-Identifier: Apache-2.0
// Validation rules as data (validation.hpp, docs/validation.md): the rule file reader with
// file/line/column errors, the checks that make a rule valid, and the evaluation over a plan.
#include <kinerja/validation.hpp>

#include <kinerja/audit.hpp>
#include <kinerja/check.hpp>
#include <kinerja/conventions.hpp>
#include <kinerja/detail/files.hpp>
#include <kinerja/detail/plan_index.hpp>
#include <kinerja/detail/reading_memo.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/formula.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/value.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace kinerja {

// ----------------------------------------------------------------------------- small public pieces

std::string_view to_string(rule_op op) noexcept {
    switch (op) {
        case rule_op::lt: return "<";
        case rule_op::le: return "<=";
        case rule_op::eq: return "=";
        case rule_op::ne: return "!=";
        case rule_op::ge: return ">=";
        case rule_op::gt: return ">";
    }
    return "<=";
}

rule_op rule_op_from_string(std::string_view text) {
    const std::string t(detail::trim(text));
    if (t == "<" || detail::iequals(t, "lt")) return rule_op::lt;
    if (t == "<=" || detail::iequals(t, "le")) return rule_op::le;
    if (t == "=" || t == "==" || detail::iequals(t, "eq")) return rule_op::eq;
    if (t == "!=" || t == "<>" || detail::iequals(t, "ne")) return rule_op::ne;
    if (t == ">=" || detail::iequals(t, "ge")) return rule_op::ge;
    if (t == ">" || detail::iequals(t, "gt")) return rule_op::gt;
    throw lookup_error("kinerja.lookup.rule_op", t,
                       "unknown comparison \"" + t + "\" (use <, <=, =, !=, >=, > or lt, le, eq, ne, ge, gt)");
}

bool compare(double left, rule_op op, double right) noexcept {
    const double tolerance = std::max(1e-9, 1e-12 * std::max(std::fabs(left), std::fabs(right)));
    const double d = std::fabs(left - right) <= tolerance ? 0.0 : left - right;
    switch (op) {
        case rule_op::lt: return d < 0.0;
        case rule_op::le: return d <= 0.0;
        case rule_op::eq: return d == 0.0;
        case rule_op::ne: return d != 0.0;
        case rule_op::ge: return d >= 0.0;
        case rule_op::gt: return d > 0.0;
    }
    return true;
}

std::string_view to_string(rule_scope s) noexcept { return s == rule_scope::indicator ? "indicator" : "node"; }

const std::vector<quantity_info>& node_quantities() {
    static const std::vector<quantity_info> q = {
        {"pagu", "Rupiah", true,
         "the node's pagu (budget) in the year; a pagu printed on its indicator's row when the node's own row has "
         "none"},
        {"realized", "Rupiah", true, "the node's realized budget (realisasi anggaran) in the year"},
        {"parent_pagu", "Rupiah", true, "the parent node's pagu in the year"},
        {"program_pagu", "Rupiah", true,
         "the pagu of the enclosing programme (the nearest ancestor at level program) in the year"},
        {"kegiatan_pagu", "Rupiah", true,
         "the pagu of the enclosing activity (the nearest ancestor at level kegiatan) in the year"},
        {"children_pagu", "Rupiah", true,
         "the sum of the children's pagu in the year (children without pagu that year are left out; missing when none "
         "has one or one cannot be read)"},
        {"children", "", false, "the number of direct children"},
    };
    return q;
}

const std::vector<quantity_info>& indicator_quantities() {
    static const std::vector<quantity_info> q = {
        {"target", "", true,
         "the target of the year, read with the indicator's unit (the N of 1 : N, a grade's score, a percent's "
         "figure)"},
        {"realization", "", true,
         "the realization of the year (or its quarters combined by the indicator's aggregation)"},
        {"baseline", "", false,
         "the baseline (kondisi awal); a rule naming only year-less quantities gives one row, in the baseline year"},
        {"reported_achievement", "", true,
         "the first printed achievement of the year, as printed (1.14 stays 1.14, 114.45% is 114.45)"},
        {"achievement", "", true,
         "achievement in percent computed from target and realization with the plan's settings (lower-is-better "
         "method, rounding); missing when the polarity is unknown"},
        {"node_pagu", "Rupiah", true, "the pagu of the indicator's node in the year"},
        {"target_percent", "", true,
         "the target's figure when it reads as a percent (77.90%, or a number with a percent unit), else missing"},
        {"realization_percent", "", true, "the realization's figure when it reads as a percent, else missing"},
    };
    return q;
}

std::string standard_rules_path() { return data_directory() + "/rules/standard.yaml"; }

// ----------------------------------------------------------------------------- checking a rule

struct rule_set::compiled {
    formula left;
    formula right;
    std::optional<formula> when;
};

namespace {

// A problem with one field of a rule; add() turns it into an exception, parse_rules into a
// file_error at the field's place in the file.
struct rule_problem {
    std::string field;         // id, scope, unit, left, right, when, message
    std::size_t position = 0;  // 0-based in the field's text
    std::string id;            // the error id add() throws
    std::string reason;
    std::shared_ptr<formula_error> formula;  // when a formula did not compile
};

[[noreturn]] void problem(std::string field, std::size_t position, std::string id, std::string reason) {
    throw rule_problem{std::move(field), position, std::move(id), std::move(reason), nullptr};
}

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || detail::is_digit(c); }

// Identifiers of a formula text with their positions, outside quoted text.
std::vector<std::pair<std::string, std::size_t>> identifiers(const std::string& text) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            const std::size_t close = text.find(c, i + 1);
            i = close == std::string::npos ? text.size() : close + 1;
        } else if (detail::is_digit(c) || c == '.') {  // a number, with exponent and digit separators
            while (i < text.size() && (ident_char(text[i]) || text[i] == '.')) ++i;
        } else if (ident_start(c)) {
            const std::size_t b = i;
            while (i < text.size() && ident_char(text[i])) ++i;
            out.emplace_back(text.substr(b, i - b), b);
        } else {
            ++i;
        }
    }
    return out;
}

std::size_t position_of(const std::string& text, const std::string& name) {
    for (const auto& [id, pos] : identifiers(text))
        if (id == name) return pos;
    return 0;
}

const std::vector<quantity_info>& quantities_of(rule_scope s) {
    return s == rule_scope::indicator ? indicator_quantities() : node_quantities();
}

const char* const placeholders[] = {"left", "right", "node", "year", "indicator", "id", "op"};

formula compile_field(const validation_rule& r, const char* field, const std::string& text) {
    const auto& qs = quantities_of(r.scope);
    if (detail::trim(text).empty()) problem(field, 0, "kinerja.argument.rule", std::string(field) + " is empty");
    // Compiled without units: the formula language reads `0.5 * pagu` as a change of unit
    // (Rupiah x2), which would reject `pagu - 0.5 * program_pagu`.
    // period functions need a series of periods; a rule sees one row at a time
    const auto ids = identifiers(text);
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const auto& [name, pos] = ids[k];
        const std::size_t after = detail::skip_space(text, pos + name.size());
        if ((detail::iequals(name, "previous") || detail::iequals(name, "ytd")) && after < text.size() &&
            text[after] == '(')
            problem(
                field, pos, "kinerja.argument.rule",
                name + "() needs a series of periods and is not available in rules (a rule sees one year at a time)");
    }
    formula f;
    try {
        f = formula::compile(text);
    } catch (const formula_error& e) {
        throw rule_problem{field, e.position(), e.id(), e.plain_reason(), std::make_shared<formula_error>(e)};
    }
    for (const std::string& v : f.variables()) {
        const bool known = std::any_of(qs.begin(), qs.end(), [&](const quantity_info& q) { return q.name == v; });
        if (known) continue;
        std::string names;
        for (const quantity_info& q : qs) names += (names.empty() ? "" : ", ") + q.name;
        problem(field, position_of(text, v), "kinerja.argument.rule_quantity",
                "unknown quantity \"" + v + "\" for scope " +
                    (r.scope == rule_scope::indicator ? std::string("indicator") : std::string("node levels")) +
                    " (quantities: " + names + ")");
    }
    return f;
}

std::shared_ptr<const rule_set::compiled> check_rule(const validation_rule& r) {
    if (r.id.empty()) problem("id", 0, "kinerja.argument.rule", "a rule needs an id");
    for (std::size_t i = 0; i < r.id.size(); ++i) {
        const char c = r.id[i];
        if (!(ident_char(c) || c == '-' || c == '.'))
            problem("id", i, "kinerja.argument.rule",
                    "a rule id holds letters, digits, '-', '_' and '.', not " + detail::describe_char(r.id, i) +
                        " (\"" + detail::cut_utf8(r.id, message_quote_bytes) + "\")");
    }
    for (const rule_info& b : check_rules())
        if (b.id == r.id)
            problem("id", 0, "kinerja.argument.rule", "\"" + r.id + "\" is the id of a built-in check; choose another");
    if (r.scope == rule_scope::node) {
        if (r.levels.empty()) problem("scope", 0, "kinerja.argument.rule", "a node rule needs at least one level");
        if (!r.unit.empty())
            problem("unit", 0, "kinerja.argument.rule",
                    "unit limits indicator rules; this rule's scope is a node level");
    } else {
        if (!r.levels.empty()) problem("scope", 0, "kinerja.argument.rule", "an indicator rule has no levels");
        if (!r.unit.empty() && !default_units().find(r.unit))
            problem("unit", 0, "kinerja.lookup.unit",
                    "unknown unit word \"" + r.unit +
                        "\" (see docs/units.md; register your own word before loading the rules)");
    }
    auto c = std::make_shared<rule_set::compiled>();
    c->left = compile_field(r, "left", r.left);
    c->right = compile_field(r, "right", r.right);
    if (!detail::trim(r.when).empty()) c->when = compile_field(r, "when", r.when);
    if (detail::trim(r.message).empty()) problem("message", 0, "kinerja.argument.rule", "a rule needs a message");
    for (std::size_t i = r.message.find('{'); i != std::string::npos; i = r.message.find('{', i + 1)) {
        const std::size_t close = r.message.find('}', i);
        if (close == std::string::npos) break;
        const std::string name = r.message.substr(i + 1, close - i - 1);
        if (name.empty() || !std::all_of(name.begin(), name.end(), [](char ch) { return ident_char(ch); })) continue;
        if (std::none_of(std::begin(placeholders), std::end(placeholders), [&](const char* p) { return name == p; }))
            problem("message", i, "kinerja.argument.rule",
                    "unknown placeholder {" + name +
                        "} (placeholders: {left}, {right}, {node}, {year}, {indicator}, {id}, {op})");
    }
    return c;
}

}  // namespace

void rule_set::add(validation_rule rule) {
    std::shared_ptr<const compiled> c;
    try {
        if (find(rule.id)) problem("id", 0, "kinerja.argument.rule", "rule id \"" + rule.id + "\" is used twice");
        c = check_rule(rule);
    } catch (const rule_problem& p) {
        if (p.formula) throw *p.formula;
        const std::string where = "rule \"" + rule.id + "\", " + p.field + ": ";
        if (p.id == "kinerja.lookup.unit") throw lookup_error(p.id, rule.unit, where + p.reason);
        throw argument_error(p.id, where + p.reason);
    }
    rules_.push_back(std::move(rule));
    compiled_.push_back(std::move(c));
}

void rule_set::merge(const rule_set& other) {
    for (const validation_rule& r : other.rules_)
        if (find(r.id))
            throw argument_error("kinerja.argument.rule",
                                 "rule id \"" + r.id + "\" is in both rule sets" +
                                     (r.location.file.empty() ? std::string() : " (" + r.location.to_string() + ")"));
    rules_.insert(rules_.end(), other.rules_.begin(), other.rules_.end());
    compiled_.insert(compiled_.end(), other.compiled_.begin(), other.compiled_.end());
    for (const std::string& f : other.files_)
        if (std::find(files_.begin(), files_.end(), f) == files_.end()) files_.push_back(f);
}

const std::vector<validation_rule>& rule_set::rules() const noexcept { return rules_; }

const validation_rule* rule_set::find(std::string_view id) const noexcept {
    for (const validation_rule& r : rules_)
        if (r.id == id) return &r;
    return nullptr;
}

std::size_t rule_set::size() const noexcept { return rules_.size(); }
bool rule_set::empty() const noexcept { return rules_.empty(); }
const std::vector<std::string>& rule_set::files() const noexcept { return files_; }

// ----------------------------------------------------------------------------- the rule file

namespace {

struct rule_reader {
    std::string file;
    std::vector<std::string> lines;  // of the source, for placing positions inside scalars

    location where(const YAML::Node& n) const {
        const YAML::Mark m = n.Mark();
        return location{file, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
    }
    [[noreturn]] void fail(const YAML::Node& n, const std::string& why, const char* id = "kinerja.rules.schema") const {
        const location l = where(n);
        throw file_error(id, file, l.line, l.column, why);
    }
    std::string text(const YAML::Node& n, const std::string& what) const {
        if (n.IsNull()) return std::string();
        if (!n.IsScalar()) fail(n, what + " must be a single value (text), not a " + (n.IsMap() ? "mapping" : "list"));
        return n.Scalar();
    }
    // Line and column (1-based) of the 0-based position `pos` inside a scalar's value.
    std::pair<int, int> inside(const YAML::Node& n, const std::string& value, std::size_t pos) const {
        const location l = where(n);
        if (l.line <= 0 || static_cast<std::size_t>(l.line) > lines.size()) return {l.line, l.column};
        const std::string& raw = lines[static_cast<std::size_t>(l.line - 1)];
        const std::size_t col0 = static_cast<std::size_t>(std::max(l.column - 1, 0));
        const char lead = col0 < raw.size() ? raw[col0] : '\0';
        if (lead == '|' || lead == '>') {  // block scalar: its k-th line is the k-th source line below
            const std::size_t k = static_cast<std::size_t>(
                std::count(value.begin(), value.begin() + static_cast<long>(std::min(pos, value.size())), '\n'));
            const std::size_t start = value.rfind('\n', pos == 0 ? 0 : pos - 1);
            const std::size_t in_line = start == std::string::npos || pos == 0 ? pos : pos - start - 1;
            std::size_t first = static_cast<std::size_t>(l.line) + 1;  // first content line (skipping blank ones)
            while (first <= lines.size() && detail::trim(lines[first - 1]).empty()) ++first;
            const std::size_t line = first + k;
            if (line > lines.size()) return {l.line, l.column};
            const std::size_t indent = lines[first - 1].find_first_not_of(' ');  // the block's indentation
            return {static_cast<int>(line), static_cast<int>((indent == std::string::npos ? 0 : indent) + in_line + 1)};
        }
        if (value.find('\n') != std::string::npos) return {l.line, l.column};  // a folded scalar: its start
        const std::size_t quote = (lead == '"' || lead == '\'') ? 1 : 0;
        return {l.line, static_cast<int>(col0 + quote + pos + 1)};
    }
};

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b <= text.size()) {
        std::size_t e = text.find('\n', b);
        if (e == std::string_view::npos) e = text.size();
        std::string line(text.substr(b, e - b));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(std::move(line));
        b = e + 1;
    }
    return out;
}

period_year year_of(const rule_reader& r, const YAML::Node& n) {
    const std::string s = r.text(n, "a year");
    if (detail::iequals(s, "end")) return end_of_period;
    if (s.size() != 4 || !std::all_of(s.begin(), s.end(), detail::is_digit))
        r.fail(n, "years are years (2024) or end, got \"" + s + "\"");
    return std::stoi(s);
}

validation_rule read_rule(const rule_reader& r, const YAML::Node& n, rule_set& out) {
    if (!n.IsMap())
        r.fail(n,
               "a rule must be a mapping (id: ..., scope: ..., left: ..., op: ..., right: ..., severity: ..., message: "
               "...)");
    validation_rule rule;
    rule.location = r.where(n);
    std::map<std::string, YAML::Node> at;  // key -> value node, for placing errors
    std::map<std::string, YAML::Node> key_at;
    for (auto it = n.begin(); it != n.end(); ++it) {
        const std::string key = r.text(it->first, "a key");
        if (at.count(key)) r.fail(it->first, "key \"" + key + "\" appears twice in this rule");
        at[key] = it->second;
        key_at[key] = it->first;
        const YAML::Node v = it->second;
        if (key == "id")
            rule.id = r.text(v, "id");
        else if (key == "description")
            rule.description = r.text(v, "description");
        else if (key == "scope") {
            std::vector<YAML::Node> items;
            if (v.IsSequence()) {
                if (v.size() == 0) r.fail(v, "scope is an empty list");
                for (const auto& item : v) items.push_back(item);
            } else {
                items.push_back(v);
            }
            for (const YAML::Node& item : items) {
                const std::string s = std::string(detail::trim(r.text(item, "scope")));
                if (s == "indicator") {
                    if (items.size() > 1) r.fail(item, "scope indicator stands alone (not in a list of node levels)");
                    rule.scope = rule_scope::indicator;
                    continue;
                }
                try {
                    const node_level l = node_level_from_string(s);
                    if (std::find(rule.levels.begin(), rule.levels.end(), l) != rule.levels.end())
                        r.fail(item, "level " + s + " appears twice in scope");
                    rule.levels.push_back(l);
                } catch (const lookup_error&) {
                    r.fail(item, "unknown scope \"" + s +
                                     "\" (a node level: urusan, tujuan_rpd, sasaran_rpd, tujuan, sasaran, program, "
                                     "kegiatan, sub_kegiatan; a list of them; or indicator)");
                }
            }
        } else if (key == "unit")
            rule.unit = std::string(detail::trim(r.text(v, "unit")));
        else if (key == "left")
            rule.left = r.text(v, "left");
        else if (key == "right")
            rule.right = r.text(v, "right");
        else if (key == "when")
            rule.when = r.text(v, "when");
        else if (key == "op") {
            const std::string s = r.text(v, "op");
            const std::string hint =
                " (quote it: op: \"<=\"; in YAML a bare > starts a folded text and a bare ! a tag)";
            if (v.IsNull() || detail::trim(s).empty()) r.fail(v, "op is empty" + hint);
            try {
                rule.op = rule_op_from_string(s);
            } catch (const lookup_error&) {
                r.fail(v, "unknown op \"" + s + "\": use <, <=, =, !=, >=, > or lt, le, eq, ne, ge, gt" + hint);
            }
        } else if (key == "severity") {
            const std::string s = std::string(detail::trim(r.text(v, "severity")));
            if (s == "error")
                rule.severity = severity::error;
            else if (s == "warning")
                rule.severity = severity::warning;
            else if (s == "info")
                rule.severity = severity::info;
            else
                r.fail(v, "unknown severity \"" + s + "\" (error, warning or info)");
        } else if (key == "message")
            rule.message = r.text(v, "message");
        else if (key == "years") {
            if (v.IsSequence()) {
                if (v.size() == 0) r.fail(v, "years is an empty list (leave it out for every year)");
                for (const auto& item : v) rule.years.insert(year_of(r, item));
            } else {
                rule.years.insert(year_of(r, v));
            }
        } else {
            r.fail(it->first, "unknown key \"" + key +
                                  "\" in a rule (allowed: id, description, scope, unit, left, op, right, when, "
                                  "severity, message, years)");
        }
    }
    for (const char* req : {"id", "scope", "left", "op", "right", "severity", "message"})
        if (!at.count(req))
            r.fail(n, std::string("rule ") + (rule.id.empty() ? std::string() : "\"" + rule.id + "\" ") + "needs " +
                          req + " (a rule has id, scope, left, op, right, severity and message)");
    try {
        out.add(rule);
    } catch (...) {
        // place the problem in the file
        try {
            if (out.find(rule.id)) {
                const validation_rule* first = out.find(rule.id);
                r.fail(at["id"], "rule id \"" + rule.id + "\" is used twice (first at line " +
                                     std::to_string(first->location.line) + ")");
            }
            (void)check_rule(rule);
        } catch (const rule_problem& p) {
            const YAML::Node& node = at.count(p.field) ? at[p.field] : n;
            const std::string value = node.IsScalar() ? node.Scalar() : std::string();
            const auto [line, column] = node.IsScalar() ? r.inside(node, value, p.position)
                                                        : std::make_pair(r.where(node).line, r.where(node).column);
            const bool in_formula = p.field == "left" || p.field == "right" || p.field == "when";
            throw file_error(in_formula ? "kinerja.rules.formula" : "kinerja.rules.schema", r.file, line, column,
                             "rule \"" + rule.id + "\", " + p.field + ": " + p.reason +
                                 (p.formula ? " (in \"" + value + "\")" : ""));
        }
        throw;
    }
    return rule;
}

}  // namespace

rule_set parse_rules(std::string_view yaml, const std::string& file) {
    const YAML::Node root = detail::load_yaml(yaml, file, "kinerja.rules.yaml");
    const rule_reader r{file, split_lines(yaml)};
    if (!root.IsMap())
        throw file_error("kinerja.rules.schema", file, 1, 1,
                         "a rule file is a mapping with kinerja_rules: 1 and rules:");
    rule_set out;
    bool has_version = false, has_rules = false;
    std::set<std::string> seen;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string key = r.text(it->first, "a key");
        if (!seen.insert(key).second) r.fail(it->first, "key \"" + key + "\" appears twice");
        const YAML::Node v = it->second;
        if (key == "kinerja_rules") {
            const std::string s = r.text(v, "kinerja_rules");
            if (s != "1") r.fail(v, "this version of kinerja reads rule format 1, the file says kinerja_rules: " + s);
            has_version = true;
        } else if (key == "description") {
            (void)r.text(v, "description");
        } else if (key == "rules") {
            has_rules = true;
            if (v.IsNull()) continue;
            if (!v.IsSequence()) r.fail(v, "rules must be a list (lines starting with '- ')");
            for (const auto& item : v) read_rule(r, item, out);
        } else {
            r.fail(it->first, "unknown top-level key \"" + key + "\" (allowed: kinerja_rules, description, rules)");
        }
    }
    if (!has_version)
        throw file_error("kinerja.rules.schema", file, 1, 1,
                         "the file does not start with kinerja_rules: 1 (is it a rule file?)");
    if (!has_rules) throw file_error("kinerja.rules.schema", file, 1, 1, "the rules: section is missing");
    if (!file.empty()) out.files_.push_back(file);
    return out;
}

rule_set load_rules(const std::string& path) { return parse_rules(detail::read_file(path, "kinerja.rules.io"), path); }

// ----------------------------------------------------------------------------- applying rules

namespace {

struct reading {
    std::optional<double> number;
    const printed_value* where = nullptr;
};

const auto& show = detail::show_amount;  // one format for numbers in findings

std::string year_label(std::optional<period_year> y) {
    if (!y) return "";
    return to_string(*y);
}

// The pagu of a node in a year: node_pagu_cells and node_pagu_years (plan_values.hpp).
void pagu_years(const node& n, std::set<period_year>& years) {
    const std::set<period_year> pagu = node_pagu_years(n);
    years.insert(pagu.begin(), pagu.end());
}

reading money_at(const printed_value* v) {
    reading r;
    r.where = v;
    if (!v) return r;
    try {
        const detail::reading m = detail::read_money_text(*v);
        if (!m->is_missing()) r.number = m->number;
    } catch (const error&) {
    }
    return r;
}

struct evaluator {
    const plan& p;
    scale_registry scales;
    detail::plan_index index;
    // The nearest ancestor at a level, by level and node, filled in as walks find them: each
    // node is walked over once per level, however deep the chain.
    mutable std::map<node_level, std::unordered_map<const node*, const node*>> ancestors;
    // the plan's rule for pagu on indicator rows (conventions.hpp), found once
    std::optional<indicator_pagu> pagu_rule = infer_conventions(p).indicator_pagu.value;

    // A node's pagu in a year (plan_values.hpp node_pagu_cells): one cell, or the sum of its
    // indicator rows' parts, located at the first.
    reading pagu_at(const node& n, period_year y) const {
        const std::vector<const printed_value*> cells = node_pagu_cells(n, y, pagu_rule);
        if (cells.size() <= 1) return money_at(cells.empty() ? nullptr : cells.front());
        reading r;
        r.where = cells.front();
        for (const printed_value* v : cells)
            if (const reading c = money_at(v); c.number) r.number = r.number.value_or(0.0) + *c.number;
        return r;
    }

    // The nearest node above n (its parent, the parent's parent, ...) at this level, or nullptr;
    // parent links that go round without meeting the level give nullptr.
    const node* ancestor(const node& n, node_level level) const {
        auto& known = ancestors[level];
        std::vector<const node*> walked{&n};
        std::unordered_set<const node*> seen{&n};
        const node* found = nullptr;
        for (const node* up = index.parent(n); up; up = index.parent(*up)) {
            if (up->level == level) {
                found = up;
                break;
            }
            if (auto it = known.find(up); it != known.end()) {
                found = it->second;
                break;
            }
            if (!seen.insert(up).second) break;  // a cycle without the level
            walked.push_back(up);
        }
        // every node walked over has the same nearest ancestor at the level: none of those above
        // it on the walk is at the level
        for (const node* w : walked) known[w] = found;
        return found;
    }

    reading value_at(const indicator& ind, const printed_value* v, bool percent_only = false) const {
        reading r;
        r.where = v;
        if (!v) return r;
        try {
            const value x = read_value(ind, *v, scales);
            if (!x.is_missing() && (!percent_only || x.kind == value_kind::percent)) r.number = x.number;
        } catch (const error&) {
        }
        return r;
    }

    reading realization(const indicator& ind, period_year y, bool percent_only = false) const {
        reading r;
        r.where = realization_cell(ind, y);
        try {
            const std::optional<value> x = yearly_realization(ind, y, scales);
            if (x && !x->is_missing() && (!percent_only || x->kind == value_kind::percent)) r.number = x->number;
        } catch (const error&) {
        }
        return r;
    }

    reading achievement_of(const indicator& ind, period_year y) const {
        reading r;
        r.where = realization_cell(ind, y);
        r.number = indicator_achievement(p, ind, y, scales);  // plan_values.hpp: the one rule
        return r;
    }

    // ---- node quantities
    void node_years(const std::string& q, const node& n, std::set<period_year>& years) const {
        if (q == "pagu")
            pagu_years(n, years);
        else if (q == "realized")
            for (const auto& kv : n.budget_realized) years.insert(kv.first);
        else if (q == "parent_pagu" || q == "program_pagu" || q == "kegiatan_pagu") {
            const node* a = q == "parent_pagu"
                                ? index.parent(n)
                                : ancestor(n, q == "program_pagu" ? node_level::program : node_level::kegiatan);
            if (a) pagu_years(*a, years);
        } else if (q == "children_pagu") {
            for (const node* c : index.children(n.id)) pagu_years(*c, years);
        }
    }

    reading node_value(const std::string& q, const node& n, std::optional<period_year> year) const {
        reading r;
        if (q == "children") {
            r.number = static_cast<double>(index.children(n.id).size());
            return r;
        }
        if (!year) return r;
        const period_year y = *year;
        if (q == "pagu") return pagu_at(n, y);
        if (q == "realized") return money_at(indicator::first(n.budget_realized, y));
        if (q == "parent_pagu" || q == "program_pagu" || q == "kegiatan_pagu") {
            const node* a = q == "parent_pagu"
                                ? index.parent(n)
                                : ancestor(n, q == "program_pagu" ? node_level::program : node_level::kegiatan);
            return a ? pagu_at(*a, y) : r;
        }
        if (q == "children_pagu") {
            double sum = 0.0;
            std::size_t present = 0;
            for (const node* c : index.children(n.id))
                for (const printed_value* v : node_pagu_cells(*c, y, pagu_rule)) {  // parts are summed
                    if (detail::blank_cell(v)) continue;
                    const reading cr = money_at(v);
                    if (!cr.number) {
                        bool unreadable = true;
                        try {
                            unreadable =
                                !read_money(*v).is_missing();  // "-" is no pagu; an unreadable amount spoils the sum
                        } catch (const error&) {
                        }
                        if (unreadable) return r;
                        continue;
                    }
                    sum += *cr.number;
                    ++present;
                }
            if (present > 0) r.number = sum;
            return r;
        }
        return r;
    }

    // ---- indicator quantities
    void indicator_years(const std::string& q, const node& n, const indicator& ind,
                         std::set<period_year>& years) const {
        auto add = [&](const year_values& ys) {
            for (const auto& kv : ys) years.insert(kv.first);
        };
        if (q == "target" || q == "target_percent")
            add(ind.targets);
        else if (q == "realization" || q == "realization_percent") {
            add(ind.realizations);
            for (const auto& kv : ind.quarterly_realizations) years.insert(kv.first);
        } else if (q == "reported_achievement")
            add(ind.reported_achievement);
        else if (q == "achievement") {
            for (const auto& kv : ind.targets)
                if (ind.realizations.count(kv.first) ||
                    (!kv.first.is_end() && ind.quarterly_realizations.count(kv.first.value())))
                    years.insert(kv.first);
        } else if (q == "node_pagu")
            pagu_years(n, years);
    }

    reading indicator_value(const std::string& q, const node& n, const indicator& ind,
                            std::optional<period_year> year) const {
        if (q == "baseline") return ind.baseline ? value_at(ind, &*ind.baseline) : reading{};
        if (!year) return {};
        const period_year y = *year;
        if (q == "target") return value_at(ind, indicator::first(ind.targets, y));
        if (q == "target_percent") return value_at(ind, indicator::first(ind.targets, y), true);
        if (q == "realization") return realization(ind, y);
        if (q == "realization_percent") return realization(ind, y, true);
        if (q == "achievement") return achievement_of(ind, y);
        if (q == "node_pagu") return pagu_at(n, y);
        if (q == "reported_achievement") {
            reading r;
            r.where = indicator::first(ind.reported_achievement, y);
            if (!r.where) return r;
            try {
                const value v = parse_reported_achievement(r.where->text);
                if (!v.is_missing()) r.number = v.number;
            } catch (const error&) {
            }
            return r;
        }
        return {};
    }
};

bool yearly(rule_scope s, const std::string& q) {
    for (const quantity_info& i : quantities_of(s))
        if (i.name == q) return i.yearly;
    return true;
}

std::string format_message(const std::string& text, const std::map<std::string, std::string>& values) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i);
            if (close != std::string::npos) {
                auto it = values.find(text.substr(i + 1, close - i - 1));
                if (it != values.end()) {
                    out += it->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

}  // namespace

std::vector<finding> apply_rules(const plan& p, const rule_set& rules, const validation_options& options) {
    for (const std::string& id : options.rules)
        if (!rules.find(id)) {
            std::string known;
            for (const auto& r : rules.rules()) known += (known.empty() ? "" : ", ") + r.id;
            throw argument_error("kinerja.argument.rule",
                                 "unknown validation rule \"" + id + "\" (rules: " + known + ")");
        }
    const evaluator ev{p, plan_scales(p), detail::plan_index(p), {}};
    std::vector<finding> out;
    for (std::size_t k = 0; k < rules.rules_.size(); ++k) {
        const validation_rule& rule = rules.rules_[k];
        if (!options.rules.empty() && !options.rules.count(rule.id)) continue;
        const rule_set::compiled& c = *rules.compiled_[k];
        // the variables in the order that picks the finding's location: left, right, when
        std::vector<std::string> names;
        for (const formula* f : {&c.left, &c.right, c.when ? &*c.when : nullptr}) {
            if (!f) continue;
            for (const std::string& v : f->variables())
                if (std::find(names.begin(), names.end(), v) == names.end()) names.push_back(v);
        }
        const bool any_yearly =
            std::any_of(names.begin(), names.end(), [&](const std::string& q) { return yearly(rule.scope, q); });

        auto evaluate_row = [&](const node& n, const indicator* ind, std::optional<period_year> year) {
            if (!rule.years.empty() && (!year || !rule.years.count(*year))) return;
            std::map<std::string, double> vars;
            std::map<std::string, const printed_value*> cells;
            for (const std::string& q : names) {
                const reading r = ind ? ev.indicator_value(q, n, *ind, year) : ev.node_value(q, n, year);
                // a quantity without a number is missing data (NaN), not an absent variable
                vars[q] = r.number && std::isfinite(*r.number) ? *r.number : std::nan("");
                cells[q] = r.where;
            }
            if (c.when) {
                const formula_result w = c.when->evaluate(vars);
                if (!w.value || *w.value == 0.0) return;
            }
            const formula_result l = c.left.evaluate(vars);
            const formula_result r = c.right.evaluate(vars);
            if (!l.value || !r.value) return;  // a missing quantity: the rule does not apply here
            if (compare(*l.value, rule.op, *r.value)) return;
            finding f;
            f.rule = rule.id;
            f.severity = rule.severity;
            f.node = n.code_text().empty() ? n.id : n.code_text();
            f.node_id = n.id;
            if (ind) {
                f.indicator = ind->id;
                f.indicator_name = ind->name;
            }
            f.year = year;
            f.expected = show(*r.value);
            f.expected_number = r.value;
            f.actual = show(*l.value);
            f.actual_number = l.value;
            const printed_value* where = nullptr;
            for (const formula* fm : {&c.left, &c.right, c.when ? &*c.when : nullptr}) {
                if (!fm || where) continue;
                for (const std::string& v : fm->variables())
                    if (!where && cells[v]) where = cells[v];
            }
            f.location = where ? where->location : ind ? ind->location : n.location;
            f.source = where && !where->source.empty() ? where->source : ind ? ind->source : n.source;
            f.message = format_message(rule.message, {{"left", f.actual},
                                                      {"right", f.expected},
                                                      {"node", f.node},
                                                      {"year", year_label(year)},
                                                      {"indicator", ind ? ind->name : std::string()},
                                                      {"id", rule.id},
                                                      {"op", std::string(to_string(rule.op))}});
            out.push_back(std::move(f));
        };

        for (const std::vector<node>* list : {&p.nodes, &p.history}) {
            if (list == &p.history && !options.include_history) continue;
            for (const node& n : *list) {
                if (rule.scope == rule_scope::node) {
                    if (std::find(rule.levels.begin(), rule.levels.end(), n.level) == rule.levels.end()) continue;
                    if (!any_yearly) {
                        evaluate_row(n, nullptr, std::nullopt);
                        continue;
                    }
                    std::set<period_year> years;
                    for (const std::string& q : names) ev.node_years(q, n, years);
                    for (period_year y : years) evaluate_row(n, nullptr, y);
                } else {
                    for (const indicator& ind : n.indicators) {
                        if (!rule.unit.empty()) {
                            const unit_info* want = default_units().find(rule.unit);
                            const unit_info* have = ind.unit ? default_units().find(ind.unit->text) : nullptr;
                            if (!want || !have || want->name != have->name) continue;
                        }
                        if (!any_yearly) {
                            evaluate_row(n, &ind, ind.baseline_year);
                            continue;
                        }
                        std::set<period_year> years;
                        for (const std::string& q : names) ev.indicator_years(q, n, ind, years);
                        for (period_year y : years) evaluate_row(n, &ind, y);
                    }
                }
            }
        }
    }
    name_findings(p, out);
    sort_findings(out);
    return out;
}

}  // namespace kinerja
