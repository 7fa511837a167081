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

#include <string>
#include <string_view>

namespace kinerja {

/// Reads a plan from YAML text. `file` names it in errors and locations.
/// \throws file_error (kinerja.plan.yaml for YAML syntax, kinerja.plan.schema for the format)
plan parse_plan(std::string_view yaml, const std::string& file = "<string>");
/// Reads a plan file. \throws file_error (also kinerja.plan.io when the file cannot be read)
plan load_plan(const std::string& path);
/// The canonical YAML of a plan.
std::string to_yaml(const plan& p);
/// Writes the canonical YAML to a file. \throws file_error kinerja.plan.io
void save_plan(const plan& p, const std::string& path);

/// Plan identity for a CSV table, which has none of its own. An empty field (0 for a year)
/// takes its default: id = the file name without directory and extension ("csv-plan" when the
/// name gives none), title = "Plan read from NAME", organisation and region = "unknown",
/// version = "main", period = the first and last year the table has (give both years or none).
struct csv_options {
    std::string id;
    std::string title;
    std::string organisation;
    std::string region;
    int period_from = 0;
    int period_to = 0;
    std::string version;
    /// The cell delimiter; '\0' detects it from the header line (',' unless the header has more
    /// ';' or tab characters; ';' is common in Indonesian Excel exports, where ',' is the decimal mark).
    char delimiter = '\0';
};

/// Reads a plan from a flat CSV table (docs/plan-csv.md): a header row, then one row per
/// node-year (budget, budget_realized) or, with an indicator_id, per indicator-year (target,
/// realization, reported_achievement). RFC 4180 quoting; a UTF-8 byte order mark is ignored.
/// Cells keep their text exactly; an empty cell is "not printed". `file` names the table in
/// errors and locations; every printed value's location is its cell (1-based line and column).
/// \throws file_error kinerja.csv.syntax (quoting, ragged rows, not UTF-8), kinerja.csv.schema
///         (columns, cells, levels, years, disagreeing repeats, duplicate rows),
///         kinerja.plan.reference (unknown parent or scale), kinerja.plan.duplicate_id
/// \throws argument_error kinerja.argument.csv_options for an invalid period or delimiter
plan parse_plan_csv(std::string_view text, const std::string& file, const csv_options& options = {});
/// Reads a CSV plan table from a file, as parse_plan_csv.
/// \throws file_error (also kinerja.plan.io when the file cannot be read)
plan load_plan_csv(const std::string& path, const csv_options& options = {});

/// Where the bundled data (plans/, catalog/, rules/) are: the directory given to
/// set_data_directory, else $KINERJA_DATA_DIR if set, else the installed data directory, else
/// the source tree's data/ (for builds that are not installed).
std::string data_directory();
/// Points data_directory() at another directory for the whole process (the Python package points
/// it at the data it carries); an empty string restores the default search.
void set_data_directory(const std::string& directory);
/// Path of the bundled plan: the revised Renstra 2024-2026 of Kota Bekasi's DPPPA.
std::string bundled_plan_path();
/// The bundled plan, loaded.
plan bundled_plan();

}  // namespace kinerja
