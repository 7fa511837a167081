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

/// Where the bundled plans are: $KINERJA_DATA_DIR if set, else the installed data directory,
/// else the source tree's data/ (for builds that are not installed).
std::string data_directory();
/// Path of the bundled plan: the revised Renstra 2024-2026 of Kota Bekasi's DPPPA.
std::string bundled_plan_path();
/// The bundled plan, loaded.
plan bundled_plan();

}  // namespace kinerja
