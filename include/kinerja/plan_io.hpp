// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file plan_io.hpp
/// Reading and writing plans: the YAML plan format of docs/plan-format.md, flat CSV tables, and
/// the bundled Bekasi plan.
///
/// Loading reports every problem as a file_error with the file, line and column. Saving writes
/// a canonical form (keys in schema order, printed values double-quoted, comments dropped), so
/// that save, load, save gives the same bytes and an equal plan.

#include <kinerja/plan.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kinerja {

/// Bounds on the work a plan file or table may ask of the loaders, so that a small or endless
/// input cannot make them run away (docs/plan-format.md, §14). The defaults lie far beyond any real
/// plan (the bundled one: 181 KB, periods of 3 and 6 years, nesting 9 deep, no aliases, 267 nodes
/// with history and version entries); raise one for a genuine input that goes past it. Exceeding one is a file_error
/// `kinerja.limit.<name>` (the field's name without `max_`) that names the limit, the value
/// found and how to raise it. The `with_` setters return a changed copy
/// (`load_limits{}.with_max_input_bytes(std::uint64_t{1} << 30)`).
struct load_limits {
    /// Bytes of input read (a file is read in chunks and reading stops past this; a device or a
    /// pipe without a size is fine): 256 MiB.
    std::uint64_t max_input_bytes = std::uint64_t{256} << 20;
    /// Years in a period (`plan.period`, a history node's `period`, the years of a CSV table or
    /// csv_options), counting both ends: 200.
    std::uint64_t max_period_years = 200;
    /// YAML nodes that aliases (`*name`) stand for, each alias counted with the aliases inside
    /// its anchored value expanded: 1,000,000 (a plan needs none).
    std::uint64_t max_alias_expansion = 1000000;
    /// Nodes: `nodes`, `history` and the entries of all versions together (in a CSV table, the
    /// distinct node_ids): 1,000,000.
    std::uint64_t max_nodes = 1000000;
    /// Depth of nested YAML mappings and lists: 64 (a plan file needs about 10).
    std::uint64_t max_nesting = 64;

    load_limits with_max_input_bytes(std::uint64_t n) const {
        auto o = *this;
        o.max_input_bytes = n;
        return o;
    }
    load_limits with_max_period_years(std::uint64_t n) const {
        auto o = *this;
        o.max_period_years = n;
        return o;
    }
    load_limits with_max_alias_expansion(std::uint64_t n) const {
        auto o = *this;
        o.max_alias_expansion = n;
        return o;
    }
    load_limits with_max_nodes(std::uint64_t n) const {
        auto o = *this;
        o.max_nodes = n;
        return o;
    }
    load_limits with_max_nesting(std::uint64_t n) const {
        auto o = *this;
        o.max_nesting = n;
        return o;
    }
};

/// Reads a plan from YAML text. `file` names it in errors and locations.
/// \throws file_error (kinerja.plan.yaml for YAML syntax, not UTF-8, a repeated key or a second
///         document; kinerja.plan.schema for the format; kinerja.plan.reference,
///         kinerja.plan.duplicate_id; kinerja.limit.* past a limit)
plan parse_plan(std::string_view yaml, const std::string& file = "<string>", const load_limits& limits = {});
/// Reads a plan file. \throws file_error (also kinerja.plan.io when the file cannot be read)
plan load_plan(const std::string& path, const load_limits& limits = {});
/// Reads unit declarations from YAML text: a mapping with `units:` (the plan section's shape) or
/// the list itself (docs/plan-format.md, Units). \throws file_error (kinerja.plan.yaml,
/// kinerja.plan.schema at the declaration that cannot be registered)
std::vector<unit_declaration> parse_unit_declarations(std::string_view yaml, const std::string& file = "<string>");
/// The same from a file (`kinerja check --units FILE`). \throws file_error (also kinerja.plan.io)
std::vector<unit_declaration> load_unit_declarations(const std::string& path);
/// The canonical YAML of a plan.
std::string to_yaml(const plan& p);
/// Writes the canonical YAML to a file. \throws file_error kinerja.plan.io
void save_plan(const plan& p, const std::string& path);

/// Plan identity for a CSV table, which has none of its own. An empty field (0 for a year)
/// takes its default: id = the file name without directory and extension ("csv-plan" when the
/// name gives none), title = "Plan read from NAME", organisation and region = "unknown",
/// version = "main", period = the first and last year the table has (give both years or none).
/// The `with_` setters return a changed copy
/// (`csv_options{}.with_id("dinkes-2025").with_period(2025, 2029).with_delimiter(';')`).
struct csv_options {
    std::string id;
    std::string title;
    std::string organisation;
    std::string region;
    int period_from = 0;
    int period_to = 0;
    std::string version;
    /// The cell delimiter; '\0' detects it from the header line: the most frequent of ',', ';', tab
    /// and '|' outside quotes, in that order on ties (';' is common in Indonesian Excel exports,
    /// where ',' is the decimal mark; '|' in some database exports).
    char delimiter = '\0';

    csv_options with_id(std::string s) const {
        auto o = *this;
        o.id = std::move(s);
        return o;
    }
    csv_options with_title(std::string s) const {
        auto o = *this;
        o.title = std::move(s);
        return o;
    }
    csv_options with_organisation(std::string s) const {
        auto o = *this;
        o.organisation = std::move(s);
        return o;
    }
    csv_options with_region(std::string s) const {
        auto o = *this;
        o.region = std::move(s);
        return o;
    }
    /// Both years of the period (period_from, period_to).
    csv_options with_period(int from, int to) const {
        auto o = *this;
        o.period_from = from;
        o.period_to = to;
        return o;
    }
    csv_options with_version(std::string s) const {
        auto o = *this;
        o.version = std::move(s);
        return o;
    }
    csv_options with_delimiter(char c) const {
        auto o = *this;
        o.delimiter = c;
        return o;
    }
};

/// Reads a plan from a flat CSV table (docs/plan-csv.md): a header row, then one row per
/// node-year (budget, budget_realized) or, with an indicator_id, per indicator-year (target,
/// realization, reported_achievement). RFC 4180 quoting; a UTF-8 byte order mark is ignored.
/// Cells keep their text exactly; an empty cell is "not printed". `file` names the table in
/// errors and locations; every printed value's location is its cell (1-based line and column).
/// \throws file_error kinerja.csv.syntax (quoting, ragged rows, not UTF-8), kinerja.csv.schema
///         (columns, cells, levels, years, disagreeing repeats, duplicate rows),
///         kinerja.plan.reference (unknown parent or scale, a parent cycle), kinerja.plan.duplicate_id,
///         kinerja.limit.input_bytes, .period_years, .nodes
/// \throws argument_error kinerja.argument.csv_options for an invalid period or delimiter
plan parse_plan_csv(std::string_view text, const std::string& file, const csv_options& options = {},
                    const load_limits& limits = {});
/// Reads a CSV plan table from a file, as parse_plan_csv.
/// \throws file_error (also kinerja.plan.io when the file cannot be read)
plan load_plan_csv(const std::string& path, const csv_options& options = {}, const load_limits& limits = {});

/// One cell of a table given as cells (a spreadsheet's sheet, read by the caller): its text as
/// shown and its place, row and column counted from 1 (column 1 is A).
struct table_cell {
    std::string text;
    int row = 0;
    int column = 0;
};

/// Reads a plan from a table in the layout of parse_plan_csv given as rows of cells (Python's
/// `load_plan_xlsx` reads a sheet with openpyxl and calls it): the same columns, rules, errors
/// and conventions; every printed value's location is its cell, `file:row:column`. A row may
/// end early (its missing cells are empty); a cell with text beyond the header's last column is
/// a kinerja.csv.schema error at that cell. `options.delimiter` is not used.
/// \throws file_error as parse_plan_csv (not kinerja.csv.syntax: cells have no quoting)
/// \throws argument_error kinerja.argument.table_cell for a cell without a place (row or column < 1),
///         kinerja.argument.csv_options as parse_plan_csv
plan parse_plan_table(const std::vector<std::vector<table_cell>>& rows, const std::string& file,
                      const csv_options& options = {}, const load_limits& limits = {});

/// Where the bundled data (plans/, catalog/, rules/) are: the directory given to
/// set_data_directory, else $KINERJA_DATA_DIR if set, else the data of the CMake package the
/// program was built against (detail/package_data.hpp: found relative to the installed package,
/// so a moved installation finds its own; the source tree's data/ only for kinerja's own build
/// tree), else, for a program built without CMake, the configured install directory. Never a
/// directory without the bundled plan in it.
/// \throws file_error kinerja.data.not_found naming where it looked and how to say where.
std::string data_directory();
/// Points data_directory() at another directory for the whole process (the Python package points
/// it at the data it carries); an empty string restores the default search.
void set_data_directory(const std::string& directory);
/// Path of the bundled plan: the revised Renstra 2024-2026 of Kota Bekasi's DPPPA.
std::string bundled_plan_path();
/// The bundled plan, loaded.
plan bundled_plan();

}  // namespace kinerja
