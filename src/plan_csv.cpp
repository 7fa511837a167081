// SPDX-License-Identifier: Apache-2.0
// Flat CSV tables as plans (docs/plan-csv.md): an RFC 4180 reader that knows the line and
// column of every cell, then one row per node-year or indicator-year folded into the plan model.
// Every problem is a file_error at the offending cell; the result is a plan that to_yaml and
// parse_plan read back unchanged.
#include <kinerja/conventions.hpp>
#include <kinerja/plan_io.hpp>

#include <kinerja/detail/files.hpp>
#include <kinerja/detail/input_checks.hpp>
#include <kinerja/detail/references.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/scale.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <utility>

namespace kinerja {

namespace {

// ----------------------------------------------------------------------------- CSV syntax

struct cell {
    std::string text;
    int line = 0;
    int column = 0;
    bool quoted = false;  // written in quotes: `""` is a printed blank, an empty cell is "not printed"
};

struct csv_row {
    std::vector<cell> cells;
    int line = 0;      // line of the first cell
    int end_line = 0;  // where the row ends (before its line break)
    int end_column = 0;
};

bool is_continuation(unsigned char c) noexcept { return (c & 0xC0) == 0x80; }

// Rejects text that is not UTF-8 (an Excel "CSV" saved in Windows-1252, say): the plan format is
// UTF-8, and a plan must survive to_yaml and parse_plan.
void check_utf8(std::string_view text, const std::string& file) {
    if (const auto bad = detail::first_invalid_utf8(text))
        throw file_error("kinerja.csv.syntax", file, bad->line, bad->column,
                         "byte " + detail::hex_byte(bad->byte) +
                             " is not UTF-8 text; save the table as \"CSV UTF-8\" "
                             "(a plan is UTF-8, an Excel export in another code page is not)");
}

// The delimiter of the header line: the most frequent of , ; tab and | outside quotes (in that
// order on ties).
char detect_delimiter(std::string_view text) {
    // candidates in order of preference on ties: ',' first, then ';', tab and '|'
    static constexpr char candidates[] = {',', ';', '\t', '|'};
    std::size_t count[sizeof candidates] = {};
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            for (std::size_t k = 0; k < sizeof candidates; ++k)
                if (c == candidates[k]) ++count[k];
    }
    std::size_t best = 0;
    for (std::size_t k = 1; k < sizeof candidates; ++k)
        if (count[k] > count[best]) best = k;
    return candidates[best];
}

std::string shown(char delimiter) {
    if (delimiter == '\t') return "tab";
    return std::string("'") + delimiter + "'";
}

class tokenizer {
public:
    tokenizer(std::string_view text, const std::string& file, char delimiter)
        : text_(text), file_(file), delim_(delimiter) {}

    // The next row into `r` (its cells' storage reused), or false at the end of the text. With
    // keep false the cells' text is not kept (a pass that only looks for syntax errors).
    bool next(csv_row& r, bool keep = true) {
        if (pos_ >= text_.size()) return false;
        keep_ = keep;
        row(r);
        return true;
    }

private:
    [[noreturn]] void fail(int line, int column, const std::string& why) const {
        throw file_error("kinerja.csv.syntax", file_, line, column, why);
    }
    bool at_break() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }
    // Moves past one character of a cell, keeping it; line breaks inside quotes count lines.
    void take(std::string& into) {
        const char c = text_[pos_++];
        if (keep_) into.push_back(c);
        if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') {
            if (keep_) into.push_back('\n');
            ++pos_;
        }
        if (c == '\n' || c == '\r') {
            ++line_;
            column_ = 1;
        } else if (!is_continuation(static_cast<unsigned char>(c))) {
            ++column_;
        }
    }
    void skip_break() {
        if (text_[pos_++] == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        ++line_;
        column_ = 1;
    }
    void one_cell(cell& c) {
        c.text.clear();
        c.line = line_;
        c.column = column_;
        c.quoted = false;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            c.quoted = true;
            ++pos_;
            ++column_;
            for (;;) {
                if (pos_ >= text_.size())
                    fail(c.line, c.column, "the quoted cell that starts here is never closed (a missing '\"'?)");
                if (text_[pos_] == '"') {
                    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                        if (keep_) c.text.push_back('"');
                        pos_ += 2;
                        column_ += 2;
                        continue;
                    }
                    ++pos_;
                    ++column_;
                    break;
                }
                take(c.text);
            }
            if (pos_ < text_.size() && text_[pos_] != delim_ && !at_break())
                fail(line_, column_,
                     "unexpected text after the closing quote of the cell at column " + std::to_string(c.column) +
                         "; a quote inside a quoted cell is written twice (\"\")");
            return;
        }
        while (pos_ < text_.size() && text_[pos_] != delim_ && !at_break()) {
            if (text_[pos_] == '"')
                fail(line_, column_,
                     "a quote inside an unquoted cell; quote the whole cell and write the quote twice "
                     "(\"a \"\"b\"\" c\"), with no space before the opening quote");
            take(c.text);
        }
    }
    void row(csv_row& r) {
        r.line = line_;
        std::size_t n = 0;
        for (;;) {
            if (n == r.cells.size()) r.cells.emplace_back();
            one_cell(r.cells[n++]);
            if (pos_ < text_.size() && text_[pos_] == delim_) {
                ++pos_;
                ++column_;
                continue;
            }
            break;
        }
        r.cells.resize(n);
        r.end_line = line_;
        r.end_column = column_;
        if (pos_ < text_.size()) skip_break();
    }

    std::string_view text_;
    const std::string& file_;
    char delim_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
    bool keep_ = true;
};

// ----------------------------------------------------------------------------- the table schema

enum col : std::size_t {
    c_node_id,
    c_level,
    c_code,
    c_name,
    c_parent,
    c_responsible,
    c_indicator_id,
    c_indicator,
    c_unit,
    c_polarity,
    c_formula,
    c_year,
    c_target,
    c_realization,
    c_budget,
    c_budget_realized,
    c_reported_achievement,
    c_source,
    c_convention,
    c_context,
    c_supports,
    c_count
};

constexpr std::array<const char*, c_count> column_names = {"node_id",
                                                           "level",
                                                           "code",
                                                           "name",
                                                           "parent",
                                                           "responsible",
                                                           "indicator_id",
                                                           "indicator",
                                                           "unit",
                                                           "polarity",
                                                           "formula",
                                                           "year",
                                                           "target",
                                                           "realization",
                                                           "budget",
                                                           "budget_realized",
                                                           "reported_achievement",
                                                           "source",
                                                           "convention",
                                                           "context",
                                                           "supports"};
constexpr std::array<col, 5> required_columns = {c_node_id, c_level, c_name, c_year, c_source};

std::string known_columns() {
    std::string s;
    for (const char* n : column_names) s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = detail::lower_ascii(c);
    return out;
}

// One data row seen through the header: the cell of each column, or nullptr.
struct row_view {
    const csv_row* raw = nullptr;
    std::array<const cell*, c_count> cells{};

    const std::string& text(col c) const {
        static const std::string none;
        return cells[c] ? cells[c]->text : none;
    }
    std::string trimmed(col c) const { return std::string(detail::trim(text(c))); }
    bool has(col c) const { return cells[c] && !cells[c]->text.empty(); }
    // A value printed in the table: text, or the printed blank `""` (as in YAML).
    bool printed(col c) const { return has(c) || (cells[c] && cells[c]->quoted); }
    int line() const { return raw->line; }
};

// A node or indicator attribute given on one or more rows; the first row that gives it sets it.
// The ids of a `supports` cell: separated by spaces, commas or semicolons ("ak-1; ak-2").
std::vector<std::string> supports_ids(const std::string& cell) {
    std::vector<std::string> out;
    std::string id;
    for (char ch : cell) {
        if (ch == ' ' || ch == ',' || ch == ';' || ch == '\t') {
            if (!id.empty()) out.push_back(std::move(id));
            id.clear();
        } else {
            id += ch;
        }
    }
    if (!id.empty()) out.push_back(std::move(id));
    return out;
}

struct attribute {
    bool set = false;
    std::string text;  // as printed (trimmed for ids)
    std::string key;   // what repeats are compared by: the text, or the canonical level or polarity
    location where;
    const std::string* row_source = nullptr;  // interned (builder::intern)
};

// A value cell kept until the plan is built: its text and place, not the row it came on (the rows
// are read one at a time and not kept).
struct pending_value {
    col column;
    period_year year;
    int line;
    int column_number;
    std::string text;
    const std::string* row_source;  // interned (builder::intern)
};

// The rows an owner (node or indicator) has for each year, sorted by year: (year, line).
using years_seen = std::vector<std::pair<period_year, int>>;

// Notes that an owner has a row for `year` on `line`; returns the line of an earlier row for that
// year, or 0 (then the year is noted). Rows usually come in year order: appending is the common case.
int note_year(years_seen& seen, period_year year, int line) {
    auto it = std::lower_bound(seen.begin(), seen.end(), year,
                               [](const std::pair<period_year, int>& e, period_year y) { return e.first < y; });
    if (it != seen.end() && it->first == year) return it->second;
    seen.insert(it, std::make_pair(year, line));
    return 0;
}

struct indicator_acc {
    std::string id;
    std::string node_id;
    int node_line = 0;
    location where;
    location name_cell;  // on its first row
    attribute name, unit, polarity, formula, convention;
    std::string source;
    std::vector<pending_value> values;
    years_seen years;
};

struct node_acc {
    std::string id;
    location where;
    location level_cell, name_cell;  // on its first row, for "has no level/name"
    attribute level, code, name, parent, responsible, context, supports;
    node_level parsed_level = node_level::program;
    std::string first_source;     // of its first row
    std::string node_row_source;  // of its first row without indicator_id
    std::vector<std::string> indicator_order;
    std::vector<pending_value> values;
    years_seen years;
};

class builder {
public:
    builder(const std::string& file, std::array<std::size_t, c_count> index, const cell& year_header,
            const load_limits& limits)
        : file_(file), shared_file_(file), index_(index), year_header_(year_header), limits_(limits) {}

    void add(const csv_row& raw) {
        row_view r;
        r.raw = &raw;
        for (std::size_t c = 0; c < c_count; ++c)
            if (index_[c] != npos) r.cells[c] = &raw.cells[index_[c]];
        read(r);
    }

    plan finish(const csv_options& options);

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    location at(const cell* c) const { return location{shared_file_, c ? c->line : 0, c ? c->column : 0}; }
    // One copy of each distinct source text (a table has a few, on every row).
    const std::string* intern(const std::string& source) { return &*sources_.insert(source).first; }
    pending_value pending(col c, period_year year, const row_view& r, const std::string& source) {
        return pending_value{c, year, r.cells[c]->line, r.cells[c]->column, r.cells[c]->text, intern(source)};
    }
    [[noreturn]] void fail(const std::string& id, const cell* c, const std::string& why) const {
        throw file_error(id, file_, c ? c->line : 0, c ? c->column : 0, why);
    }
    [[noreturn]] void schema(const cell* c, const std::string& why) const { fail("kinerja.csv.schema", c, why); }

    node_level parse_level(const row_view& r) const {
        std::string key = detail::fold(r.text(c_level));
        for (char& ch : key)
            if (ch == ' ' || ch == '-') ch = '_';
        try {
            return node_level_from_string(key);
        } catch (const lookup_error&) {
            schema(r.cells[c_level], "unknown level " + quoted(r.text(c_level)) +
                                         "; the levels are urusan, misi, tujuan_rpd, sasaran_rpd, tujuan, sasaran, "
                                         "strategi, arah_kebijakan, "
                                         "program, "
                                         "kegiatan, sub_kegiatan");
        }
    }

    // "2024" or "end"; nullopt for an empty cell.
    std::optional<period_year> parse_year(const row_view& r) const {
        const std::string y = r.trimmed(c_year);
        if (y.empty()) return std::nullopt;
        if (detail::iequals(y, "end")) return end_of_period;
        bool digits = y.size() == 4 && y[0] != '0';
        for (char ch : y) digits = digits && detail::is_digit(ch);
        const int value = digits ? std::stoi(y) : 0;
        if (!digits || value > last_plan_year)
            schema(r.cells[c_year],
                   "year must be a year such as 2024, or end for the end-of-period column "
                   "(kondisi akhir); got " +
                       quoted(r.text(c_year)));
        return value;
    }

    // Polarity in canonical form: "higher", "lower" or "scale:NAME".
    std::string parse_polarity(const row_view& r) const {
        const std::string s = r.trimmed(c_polarity);
        if (detail::istarts_with(s, "scale:")) {
            const std::string name(detail::trim(std::string_view(s).substr(6)));
            if (name.empty()) schema(r.cells[c_polarity], "polarity scale: needs a scale name, e.g. scale:KLA");
            if (!default_scales().find(name))
                fail("kinerja.plan.reference", r.cells[c_polarity],
                     "polarity uses scale " + quoted(name) +
                         ", which is not built in (a CSV table cannot define "
                         "scales; the built-in ones are listed in docs/scales.md)");
            return "scale:" + name;
        }
        try {
            return std::string(to_string(polarity_from_string(s)));
        } catch (const lookup_error&) {
            schema(r.cells[c_polarity],
                   "polarity must be higher, lower or scale:NAME; got " + quoted(r.text(c_polarity)));
        }
    }

    // Sets an attribute from a row, or checks that the row agrees with the row that set it.
    void agree(attribute& a, const row_view& r, col c, const std::string& value, const std::string& compare_as,
               const std::string& owner) {
        if (!a.set) {
            a.set = true;
            a.text = value;
            a.where = at(r.cells[c]);
            a.row_source = intern(r.trimmed(c_source));
            a.key = compare_as;
            return;
        }
        if (a.key == compare_as) return;
        schema(r.cells[c], owner + ": " + column_names[c] + " " + quoted(value) + " on line " +
                               std::to_string(r.cells[c]->line) + " differs from " + quoted(a.text) + " on line " +
                               std::to_string(a.where.line) + " (repeated attributes of one " +
                               (owner.rfind("node", 0) == 0 ? "node" : "indicator") + " must be the same)");
    }

    void claim_id(const std::string& id, const char* column, const cell* c) {
        auto [it, fresh] = ids_.emplace(id, std::make_pair(std::string(column), c->line));
        if (fresh || it->second.first == column) return;
        fail("kinerja.plan.duplicate_id", c,
             "id " + quoted(id) + " is used twice: as " + it->second.first + " on line " +
                 std::to_string(it->second.second) + " and as " + column + " on line " + std::to_string(c->line) +
                 " (node and indicator ids share one namespace)");
    }

    void read(const row_view& r);

    const std::string& file_;
    file_name shared_file_;  // one string for every location of the table
    std::array<std::size_t, c_count> index_;
    cell year_header_;  // the header's year cell
    const load_limits& limits_;
    std::map<std::string, std::pair<std::string, int>> ids_;  // id -> (column, first line)
    std::vector<std::string> node_order_;
    std::map<std::string, node_acc> nodes_;
    std::map<std::string, indicator_acc> indicators_;
    std::map<int, location> years_;  // the years of the table, each with its first cell
    std::set<std::string> sources_;  // the distinct sources (intern)
};

void builder::read(const row_view& r) {
    const std::string node_id = r.trimmed(c_node_id);
    if (node_id.empty()) schema(r.cells[c_node_id], "node_id is empty; every row belongs to a node");
    const std::string source = r.trimmed(c_source);
    if (source.empty()) schema(r.cells[c_source], "source is empty; every row names the table its values come from");
    const std::string indicator_id = r.trimmed(c_indicator_id);
    const bool indicator_row = !indicator_id.empty();
    const std::optional<period_year> year = parse_year(r);
    bool year_noted = false;

    // Cells that belong to the other kind of row.
    const std::string owner_kind = indicator_row ? "indicator " + quoted(indicator_id) : "node " + quoted(node_id);
    if (indicator_row) {
        for (col c : {c_budget, c_budget_realized})
            if (r.has(c))
                schema(r.cells[c], std::string(column_names[c]) +
                                       " is a value of a node, but this row has indicator_id " + quoted(indicator_id) +
                                       "; put the pagu on a row of node " + quoted(node_id) +
                                       " with an empty indicator_id");
    } else {
        for (col c : {c_indicator, c_unit, c_polarity, c_convention, c_formula, c_target, c_realization,
                      c_reported_achievement})
            if (r.has(c))
                schema(r.cells[c], std::string(column_names[c]) +
                                       " belongs to an indicator, but indicator_id is empty "
                                       "on this row (a row without indicator_id holds a node's budget)");
    }
    const std::vector<col> value_columns = indicator_row
                                               ? std::vector<col>{c_target, c_realization, c_reported_achievement}
                                               : std::vector<col>{c_budget, c_budget_realized};
    if (!year) {
        for (col c : value_columns)
            if (r.has(c))  // a blank `""` without a year has no slot and says nothing: not an error
                schema(r.cells[c], std::string(column_names[c]) + " " + quoted(r.text(c)) +
                                       " needs a year, but the year cell is empty (a year such as 2024, or end)");
    } else {
        if (!year->is_end() && years_.find(year->value()) == years_.end())
            years_.emplace(year->value(), at(r.cells[c_year]));
        // an owner seen before may already have a row for the year (a new one is noted below)
        years_seen* seen = nullptr;
        if (indicator_row) {
            if (auto f = indicators_.find(indicator_id); f != indicators_.end()) seen = &f->second.years;
        } else if (auto f = nodes_.find(node_id); f != nodes_.end()) {
            seen = &f->second.years;
        }
        if (seen)
            if (const int first = note_year(*seen, *year, r.line()))
                schema(r.cells[c_year], owner_kind + " has two rows for year " + r.trimmed(c_year) + ": line " +
                                            std::to_string(first) + " and line " + std::to_string(r.line()) +
                                            " (one row per node-year or indicator-year)");
        year_noted = seen != nullptr;
    }

    // The node and its attributes.
    auto found = nodes_.find(node_id);
    if (found == nodes_.end()) {
        if (nodes_.size() >= limits_.max_nodes)
            detail::limit_exceeded("nodes", limits_.max_nodes,
                                   "the table has more than " + std::to_string(limits_.max_nodes) +
                                       " nodes (distinct node_ids); node " + quoted(detail::cut_utf8(node_id, 60)) +
                                       " is one more",
                                   file_, r.cells[c_node_id]->line, r.cells[c_node_id]->column);
        claim_id(node_id, "node_id", r.cells[c_node_id]);
        node_acc fresh;
        fresh.id = node_id;
        fresh.where = at(r.cells[c_node_id]);
        fresh.level_cell = at(r.cells[c_level]);
        fresh.name_cell = at(r.cells[c_name]);
        fresh.first_source = source;
        found = nodes_.emplace(node_id, std::move(fresh)).first;
        node_order_.push_back(node_id);
    }
    node_acc& n = found->second;
    const std::string node_owner = "node " + quoted(node_id);
    if (!indicator_row && n.node_row_source.empty()) n.node_row_source = source;
    if (r.has(c_level)) {
        const node_level l = parse_level(r);
        if (!n.level.set) n.parsed_level = l;
        agree(n.level, r, c_level, r.text(c_level), std::string(to_string(l)), node_owner);
    }
    if (r.has(c_code)) agree(n.code, r, c_code, r.text(c_code), r.text(c_code), node_owner);
    if (r.has(c_name)) agree(n.name, r, c_name, r.text(c_name), r.text(c_name), node_owner);
    if (!r.trimmed(c_parent).empty())
        agree(n.parent, r, c_parent, r.trimmed(c_parent), r.trimmed(c_parent), node_owner);
    if (r.has(c_responsible))
        agree(n.responsible, r, c_responsible, r.text(c_responsible), r.text(c_responsible), node_owner);
    if (!r.trimmed(c_supports).empty()) {
        // the ids in the cell, separated by spaces, commas or semicolons; compared as that list
        std::string ids;
        for (const std::string& id : supports_ids(r.text(c_supports))) ids += (ids.empty() ? "" : " ") + id;
        agree(n.supports, r, c_supports, r.text(c_supports), ids, node_owner);
    }
    if (!r.trimmed(c_context).empty()) {
        std::string flag = detail::fold(r.text(c_context));
        if (flag != "true" && flag != "false")
            schema(r.cells[c_context], node_owner + ": context is true or false; got " + quoted(r.text(c_context)));
        agree(n.context, r, c_context, r.text(c_context), flag, node_owner);
    }

    if (!indicator_row) {
        if (year && !year_noted) note_year(n.years, *year, r.line());
        if (year)
            for (col c : value_columns)
                if (r.printed(c)) n.values.push_back(pending(c, *year, r, source));
        return;
    }

    // The indicator and its attributes.
    auto ifound = indicators_.find(indicator_id);
    if (ifound == indicators_.end()) {
        claim_id(indicator_id, "indicator_id", r.cells[c_indicator_id]);
        indicator_acc fresh;
        fresh.id = indicator_id;
        fresh.node_id = node_id;
        fresh.node_line = r.line();
        fresh.where = at(r.cells[c_indicator_id]);
        fresh.name_cell = at(r.cells[r.cells[c_indicator] ? c_indicator : c_indicator_id]);
        fresh.source = source;
        ifound = indicators_.emplace(indicator_id, std::move(fresh)).first;
        n.indicator_order.push_back(indicator_id);
    }
    indicator_acc& i = ifound->second;
    if (i.node_id != node_id)
        schema(r.cells[c_node_id], "indicator " + quoted(indicator_id) + " belongs to node " + quoted(i.node_id) +
                                       " on line " + std::to_string(i.node_line) + ", but line " +
                                       std::to_string(r.line()) + " puts it under node " + quoted(node_id));
    const std::string ind_owner = "indicator " + quoted(indicator_id);
    if (r.has(c_indicator)) agree(i.name, r, c_indicator, r.text(c_indicator), r.text(c_indicator), ind_owner);
    if (r.has(c_unit)) agree(i.unit, r, c_unit, r.text(c_unit), r.text(c_unit), ind_owner);
    if (!r.trimmed(c_polarity).empty()) {
        const std::string canonical = parse_polarity(r);
        agree(i.polarity, r, c_polarity, r.text(c_polarity), canonical, ind_owner);
    }
    if (r.has(c_formula)) agree(i.formula, r, c_formula, r.text(c_formula), r.text(c_formula), ind_owner);
    if (!r.trimmed(c_convention).empty()) {
        std::string canonical;
        try {
            canonical = std::string(to_string(convention_from_string(r.trimmed(c_convention))));
        } catch (const lookup_error&) {
            schema(r.cells[c_convention],
                   "convention must be indonesian or english; got " + quoted(r.text(c_convention)));
        }
        agree(i.convention, r, c_convention, r.text(c_convention), canonical, ind_owner);
    }
    if (year && !year_noted) note_year(i.years, *year, r.line());
    if (year)
        for (col c : value_columns)
            if (r.printed(c)) i.values.push_back(pending(c, *year, r, source));
}

plan builder::finish(const csv_options& options) {
    plan p;
    p.file = file_;

    // Levels and names; the references are checked on the plan, below.
    for (const std::string& id : node_order_) {
        const node_acc& n = nodes_.at(id);
        if (!n.level.set)
            throw file_error("kinerja.csv.schema", file_, n.level_cell.line, n.level_cell.column,
                             "node " + quoted(id) +
                                 " has no level; give it on at least one of its rows "
                                 "(urusan, misi, tujuan_rpd, sasaran_rpd, tujuan, sasaran, strategi, arah_kebijakan, "
                                 "program, kegiatan, "
                                 "sub_kegiatan)");
        if (!n.name.set)
            throw file_error("kinerja.csv.schema", file_, n.name_cell.line, n.name_cell.column,
                             "node " + quoted(id) + " has no name; give it on at least one of its rows");
    }
    for (const std::string& id : node_order_)
        for (const std::string& iid : nodes_.at(id).indicator_order) {
            const indicator_acc& i = indicators_.at(iid);
            if (!i.name.set)
                throw file_error("kinerja.csv.schema", file_, i.name_cell.line, i.name_cell.column,
                                 "indicator " + quoted(iid) +
                                     " has no name; give it in the indicator column on at "
                                     "least one of its rows");
        }

    // Identity.
    p.info.id = options.id;
    p.info.title = options.title;
    p.info.organisation = options.organisation.empty() ? "unknown" : options.organisation;
    p.info.region = options.region.empty() ? "unknown" : options.region;
    p.info.version = options.version.empty() ? "main" : options.version;
    const std::string base =
        file_.substr(file_.find_last_of("/\\") == std::string::npos ? 0 : file_.find_last_of("/\\") + 1);
    const bool named = !base.empty() && base[0] != '<';
    if (p.info.id.empty()) {
        const std::size_t dot = base.find_last_of('.');
        p.info.id = named ? base.substr(0, dot == 0 ? std::string::npos : dot) : "csv-plan";
        if (p.info.id.empty()) p.info.id = "csv-plan";
    }
    if (p.info.title.empty()) p.info.title = named ? "Plan read from " + base : "Plan read from a CSV table";
    p.info.period_from = options.period_from;
    p.info.period_to = options.period_to;
    if (p.info.period_from == 0) {
        if (years_.empty()) {
            const cell* year_header = &year_header_;
            throw file_error(
                "kinerja.csv.schema", file_, year_header->line, year_header->column,
                "the table has no year to take the plan period from; give csv_options period_from and period_to");
        }
        p.info.period_from = years_.begin()->first;
        p.info.period_to = years_.rbegin()->first;
    }
    const auto years = static_cast<std::uint64_t>(p.info.period_to - p.info.period_from) + 1;
    if (years > limits_.max_period_years) {
        // at the last year's cell when the table's years make the period, else at the table's start
        const location l = options.period_from == 0 ? years_.rbegin()->second : location{file_, 1, 1};
        detail::limit_exceeded("period_years", limits_.max_period_years,
                               "the period " + std::to_string(p.info.period_from) + "-" +
                                   std::to_string(p.info.period_to) + " has " + std::to_string(years) + " years",
                               file_, l.line, l.column);
    }

    // The nodes, in the order of their first rows; indicators likewise within a node.
    auto make_value = [this](pending_value& v, const std::string& owner_source) {
        printed_value pv;
        pv.text = std::move(v.text);
        if (*v.row_source != owner_source) pv.source = *v.row_source;
        pv.location = location{shared_file_, v.line, v.column_number};
        return pv;
    };
    auto attr_value = [](const attribute& a, const std::string& owner_source) {
        printed_value pv;
        pv.text = a.text;
        if (*a.row_source != owner_source) pv.source = *a.row_source;
        pv.location = a.where;
        return pv;
    };
    for (const std::string& id : node_order_) {
        node_acc& a = nodes_.at(id);
        node n;
        n.id = id;
        n.level = a.parsed_level;
        n.name = a.name.text;
        n.source = a.node_row_source.empty() ? a.first_source : a.node_row_source;
        if (a.code.set) n.code = attr_value(a.code, n.source);
        if (a.parent.set) n.parent = a.parent.text;
        if (a.responsible.set) n.responsible = a.responsible.text;
        if (a.supports.set) n.supports = supports_ids(a.supports.text);
        n.context = a.context.set && a.context.key == "true";
        n.location = a.where;
        for (pending_value& v : a.values) {
            printed_value pv = make_value(v, n.source);
            (v.column == c_budget ? n.budget : n.budget_realized)[v.year].push_back(std::move(pv));
        }
        for (const std::string& iid : a.indicator_order) {
            indicator_acc& b = indicators_.at(iid);
            indicator i;
            i.id = iid;
            i.name = b.name.text;
            i.source = b.source;
            i.location = b.where;
            if (b.unit.set) i.unit = attr_value(b.unit, i.source);
            if (b.formula.set) i.formula = attr_value(b.formula, i.source);
            if (b.convention.set) i.convention = convention_from_string(b.convention.key);
            if (b.polarity.set) {
                if (detail::istarts_with(b.polarity.key, "scale:"))
                    i.scale = b.polarity.key.substr(6);
                else
                    i.polarity = polarity_from_string(b.polarity.key);
            }
            for (pending_value& v : b.values) {
                printed_value pv = make_value(v, i.source);
                year_values& target = v.column == c_target        ? i.targets
                                      : v.column == c_realization ? i.realizations
                                                                  : i.reported_achievement;
                target[v.year].push_back(std::move(pv));
            }
            n.indicators.push_back(std::move(i));
            std::vector<pending_value>().swap(b.values);  // moved into the plan: free as we go
        }
        std::vector<pending_value>().swap(a.values);
        p.nodes.push_back(std::move(n));
    }
    // Parents are nodes of the table and form no cycle; the errors point at the parent cells.
    detail::reference_sites sites;
    for (const std::string& id : node_order_) {
        const node_acc& a = nodes_.at(id);
        if (a.parent.set) sites.note("", id, "parent", a.parent.where);
        if (a.supports.set)
            for (std::size_t k = 0; k < supports_ids(a.supports.text).size(); ++k)
                sites.note("", id, "supports#" + std::to_string(k), a.supports.where);
    }
    detail::validate_references(p, sites);
    detail::learn_table_conventions(p);
    return p;
}

void check_options(const csv_options& o) {
    if ((o.period_from == 0) != (o.period_to == 0))
        throw argument_error(
            "kinerja.argument.csv_options",
            "csv_options: give both period_from and period_to, or neither (then the table's years give the period)");
    if (o.period_to < o.period_from)
        throw argument_error("kinerja.argument.csv_options", "csv_options: the period ends (" +
                                                                 std::to_string(o.period_to) + ") before it starts (" +
                                                                 std::to_string(o.period_from) + ")");
    const auto d = static_cast<unsigned char>(o.delimiter);
    if (d == '"' || d == '\n' || d == '\r' || d >= 0x80)
        throw argument_error("kinerja.argument.csv_options",
                             "csv_options: the delimiter cannot be a quote, a line break or a non-ASCII byte");
}

// The rows of a table (a CSV text's, or a spreadsheet's cells given by the caller) into a plan:
// the header names the columns, every further row is added to the builder. `delimiter` is the
// CSV's, for hints in messages; '\0' for a table of cells, whose rows have one cell per column
// of the header (parse_plan_table pads and checks them).
template <class NextRow>
plan read_table(NextRow&& next_row, const std::string& file, char delimiter, const csv_options& options,
                const load_limits& limits) {
    auto blank = [](const csv_row& r) {
        for (const cell& c : r.cells)
            if (!c.text.empty()) return false;
        return true;
    };
    csv_row header;
    bool found = false;
    while ((found = next_row(header)) && blank(header)) {
    }
    if (!found)
        throw file_error("kinerja.csv.schema", file, 1, 1,
                         "the table is empty; its first row names the columns (" + known_columns() + ")");

    std::array<std::size_t, c_count> index;
    index.fill(static_cast<std::size_t>(-1));
    for (std::size_t k = 0; k < header.cells.size(); ++k) {
        const cell& h = header.cells[k];
        const std::string name = lower(detail::trim(h.text));
        std::size_t c = 0;
        while (c < c_count && name != column_names[c]) ++c;
        if (c == c_count) {
            std::string why = name.empty() ? "column " + std::to_string(k + 1) + " of the header has no name"
                                           : "unknown column " + quoted(h.text);
            why += "; the columns are " + known_columns();
            if (delimiter && delimiter != ';' && h.text.find(';') != std::string::npos)
                why += " (is ';' the delimiter? set csv_options::delimiter)";
            throw file_error("kinerja.csv.schema", file, h.line, h.column, why);
        }
        if (index[c] != static_cast<std::size_t>(-1))
            throw file_error("kinerja.csv.schema", file, h.line, h.column,
                             "column " + std::string(column_names[c]) + " appears twice in the header (columns " +
                                 std::to_string(index[c] + 1) + " and " + std::to_string(k + 1) + ")");
        index[c] = k;
    }
    std::string missing;
    for (col c : required_columns)
        if (index[c] == static_cast<std::size_t>(-1))
            missing += (missing.empty() ? "" : ", ") + std::string(column_names[c]);
    if (!missing.empty())
        throw file_error("kinerja.csv.schema", file, header.line, 1,
                         "the header lacks the required column(s) " + missing +
                             " (required: node_id, level, name, year, source" +
                             (delimiter ? "; delimiter " + shown(delimiter) : std::string()) + ")");

    builder b(file, index, header.cells[index[c_year]], limits);
    csv_row r;
    while (next_row(r)) {
        if (blank(r)) continue;
        if (!delimiter && r.cells.size() != header.cells.size()) {
            // a table of cells: a row ends where its last cell with text does; one beyond the
            // header's last column is an error at that cell
            for (std::size_t k = header.cells.size(); k < r.cells.size(); ++k)
                if (!r.cells[k].text.empty())
                    throw file_error("kinerja.csv.schema", file, r.cells[k].line, r.cells[k].column,
                                     "a cell with text beyond the header's last column (column " +
                                         std::to_string(header.cells.back().column) +
                                         "); name its column in the header or remove it");
            const int row = r.cells.empty() ? r.line : r.cells.front().line;
            int column = r.cells.empty() ? 0 : r.cells.back().column;
            while (r.cells.size() < header.cells.size()) {
                cell pad;
                pad.line = row;
                pad.column = ++column;
                r.cells.push_back(pad);
            }
            r.cells.resize(header.cells.size());
        }
        if (r.cells.size() != header.cells.size()) {
            const std::string which =
                r.end_line == r.line ? "line " + std::to_string(r.line)
                                     : "the row on lines " + std::to_string(r.line) + "-" + std::to_string(r.end_line);
            const std::string counts = which + " has " + std::to_string(r.cells.size()) + " cells, the header has " +
                                       std::to_string(header.cells.size());
            if (r.cells.size() > header.cells.size()) {
                const cell& extra = r.cells[header.cells.size()];
                bool extra_empty = true;
                for (std::size_t k = header.cells.size(); k < r.cells.size(); ++k)
                    extra_empty = extra_empty && r.cells[k].text.empty();
                std::string why = counts + "; ";
                if (extra_empty)
                    why += "the row ends with " + shown(delimiter) +
                           " beyond the last column (remove it, or name the column in the header)";
                else if (delimiter == ',')
                    why +=
                        "a value with a comma, such as 8,958,876,144, must be in double quotes when ',' separates "
                        "cells";
                else
                    why += "a value containing the delimiter " + shown(delimiter) + " must be in double quotes";
                throw file_error("kinerja.csv.syntax", file, extra.line, extra.column, why);
            }
            throw file_error("kinerja.csv.syntax", file, r.end_line, r.end_column,
                             counts + "; a cell is missing here (every row has one cell per column, empty or not)");
        }
        b.add(r);
    }
    return b.finish(options);
}

}  // namespace

// ----------------------------------------------------------------------------- public functions

plan parse_plan_csv(std::string_view text, const std::string& file, const csv_options& options,
                    const load_limits& limits) {
    check_options(options);
    if (text.size() > limits.max_input_bytes)
        detail::limit_exceeded("input_bytes", limits.max_input_bytes,
                               "the input has " + std::to_string(text.size()) + " bytes", file, 0, 0);
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    check_utf8(text, file);
    const char delimiter = options.delimiter ? options.delimiter : detect_delimiter(text);
    // The rows are read one at a time and handed to the builder, never all held at once (a table
    // of a million nodes has some ten million rows). A first pass over the text finds any syntax
    // error, so that it is reported before a schema error on an earlier row, as a reader that
    // tokenizes the whole table first does.
    {
        tokenizer syntax(text, file, delimiter);
        csv_row scratch;
        while (syntax.next(scratch, false)) {
        }
    }
    tokenizer rows(text, file, delimiter);
    return read_table([&rows](csv_row& r) { return rows.next(r); }, file, delimiter, options, limits);
}

plan parse_plan_table(const std::vector<std::vector<table_cell>>& rows, const std::string& file,
                      const csv_options& options, const load_limits& limits) {
    check_options(options);
    std::size_t bytes = 0;
    for (const auto& row : rows)
        for (const table_cell& t : row) bytes += t.text.size();
    if (bytes > limits.max_input_bytes)
        detail::limit_exceeded("input_bytes", limits.max_input_bytes,
                               "the table's cells hold " + std::to_string(bytes) + " bytes", file, 0, 0);
    std::size_t next = 0;
    auto take = [&](csv_row& r) {
        if (next == rows.size()) return false;
        const std::vector<table_cell>& given = rows[next++];
        r.cells.resize(given.size());
        r.line = given.empty() ? 0 : given.front().row;
        for (std::size_t k = 0; k < given.size(); ++k) {
            const table_cell& t = given[k];
            if (t.row < 1 || t.column < 1)
                throw argument_error("kinerja.argument.table_cell", "parse_plan_table: cell " + std::to_string(k + 1) +
                                                                        " of row " + std::to_string(next) +
                                                                        " has no place (row and column count from 1)");
            if (const auto bad = detail::first_invalid_utf8(t.text))
                throw file_error("kinerja.csv.schema", file, t.row, t.column,
                                 "byte " + detail::hex_byte(bad->byte) + " of the cell is not UTF-8 text");
            r.cells[k].text = t.text;
            r.cells[k].line = t.row;
            r.cells[k].column = t.column;
            r.cells[k].quoted = false;
            r.line = std::min(r.line, t.row);
        }
        r.end_line = given.empty() ? 0 : given.back().row;
        r.end_column = given.empty() ? 0 : given.back().column + 1;
        return true;
    };
    return read_table(take, file, '\0', options, limits);
}

plan load_plan_csv(const std::string& path, const csv_options& options, const load_limits& limits) {
    return parse_plan_csv(detail::read_file(path, "kinerja.plan.io", limits.max_input_bytes), path, options, limits);
}

}  // namespace kinerja
