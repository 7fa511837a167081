// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file catalog.hpp
/// The formula catalog: indicator definitions as data files that a regency can share and load
/// (docs/catalog.md). An entry holds an indicator's id, its Indonesian and English names, its
/// formula (formula.hpp) with the unit of every variable, the unit and polarity of the result,
/// the regulation that defines it, and test vectors worked out by hand. Loading compiles every
/// formula and checks it against its declaration (every variable declared and used, the result's
/// unit equal to the declared unit, the factor equal to the formula's); running the test vectors
/// proves that the formula gives the stated answers.
///
///     kinerja::catalog c = kinerja::bundled_catalog();
///     const kinerja::catalog_entry& e = c.get("penyerapan-anggaran");
///     e.evaluate({{"realized", 11'840'364'035}, {"budget", 12'692'580'100}}).value;  // 93.2857...
///     for (const auto& r : kinerja::run_tests(c)) if (!r.passed) std::cerr << r.message << '\n';
///
/// A plan's indicator refers to an entry with the plan-file key `catalog: ID` (docs/catalog.md).

#include <kinerja/achievement.hpp>
#include <kinerja/formula.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/unit_registry.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

/// A text in Indonesian (`id`) and English (`en`).
struct localized_text {
    std::string id;
    std::string en;
};

/// A variable of an entry's formula.
struct catalog_variable {
    std::string name;
    std::string unit;            ///< the unit word as written (a word of the unit registry)
    localized_text definition;   ///< what is counted, and where the number comes from
    kinerja::location location;  ///< of the variable's key
};

/// A test vector: inputs and the result worked out by hand.
struct test_vector {
    /// Inputs by variable; an empty optional is an input given as null (missing). A variable
    /// that is not listed is missing too.
    std::map<std::string, std::optional<double>> inputs;
    /// The expected result; empty when the result must be missing.
    std::optional<double> expected;
    /// Why the result is missing (when `expected` is empty); missing_reason::none otherwise.
    missing_reason reason = missing_reason::none;
    /// Largest accepted absolute difference; empty: 1e-9 relative or 1e-12 absolute.
    std::optional<double> tolerance;
    kinerja::location location;  ///< of the vector in its file
};

/// An indicator definition.
struct catalog_entry {
    std::string id;  ///< unique within a catalog, e.g. "penyerapan-anggaran"
    localized_text name;
    kinerja::formula formula;  ///< compiled with the variables' units
    std::string unit;          ///< the result's unit word, e.g. "Persen", "per 100.000"
    kinerja::polarity polarity = kinerja::polarity::higher;
    std::optional<double> factor;             ///< the formula's multiplier (100, 10000, 100000), when given
    std::vector<catalog_variable> variables;  ///< in the file's order
    std::string regulation;                   ///< the legal basis, e.g. "Permendagri 18/2020 (IKK LPPD)"
    std::string source;                       ///< where it was transcribed from (a seed table)
    std::string notes;
    std::vector<test_vector> tests;
    kinerja::location location;  ///< of the entry in its file

    /// The variable named `variable_name`, or nullptr.
    const catalog_variable* variable(std::string_view variable_name) const noexcept;
    /// Variable names mapped to their unit words (the units the formula was compiled with).
    std::map<std::string, std::string> units() const;
    /// The formula's text.
    const std::string& formula_text() const noexcept { return formula.text(); }
    /// Evaluates the formula on one row (a missing key is a missing value).
    formula_result evaluate(const std::map<std::string, double>& values) const { return formula.evaluate(values); }
};

/// A set of entries with unique ids, read from one or more catalog files.
///
/// Loading reports every problem as a file_error with file, line and column:
/// kinerja.catalog.io (cannot read the file), kinerja.catalog.yaml (YAML syntax),
/// kinerja.catalog.schema (keys, types, numbers), kinerja.catalog.formula (the formula does not
/// compile; the column is the formula's column mapped into the file),
/// kinerja.catalog.variable (a formula variable not declared, a declared variable not used, a
/// test input that is not a variable), kinerja.catalog.unit (unknown unit word, the formula's
/// unit differs from `unit`, `factor` differs from the formula's), kinerja.catalog.duplicate_id.
class catalog {
public:
    catalog() = default;

    /// Reads catalog YAML text (docs/catalog.md). `file` names it in errors and locations.
    /// Formulas are compiled with the unit words of `units`.
    static catalog parse(std::string_view yaml, const std::string& file = "<string>",
                         const unit_registry& units = default_units());
    /// Reads a catalog file. \throws file_error (also kinerja.catalog.io)
    static catalog load(const std::string& path, const unit_registry& units = default_units());

    /// The entries, in file order (merged catalogs: in merge order).
    const std::vector<catalog_entry>& entries() const noexcept { return entries_; }
    std::size_t size() const noexcept { return entries_.size(); }
    bool empty() const noexcept { return entries_.empty(); }
    /// The ids, in entry order.
    std::vector<std::string> ids() const;
    /// The entry with this id (exact, case-sensitive), or nullptr.
    const catalog_entry* find(std::string_view id) const noexcept;
    /// The entry with this id. \throws lookup_error kinerja.lookup.catalog_entry
    const catalog_entry& get(std::string_view id) const;

    /// Adds the entries of `other`. \throws file_error kinerja.catalog.duplicate_id (at the
    /// second definition) when an id is in both; then nothing is added.
    void merge(const catalog& other);
    /// Adds one entry. \throws file_error kinerja.catalog.duplicate_id
    void add(catalog_entry entry);

private:
    std::vector<catalog_entry> entries_;
    std::map<std::string, std::size_t, std::less<>> index_;
};

/// catalog::parse.
catalog parse_catalog(std::string_view yaml, const std::string& file = "<string>");
/// catalog::load.
catalog load_catalog(const std::string& path);
/// Loads several files and merges them. \throws file_error, also kinerja.catalog.duplicate_id
catalog load_catalogs(const std::vector<std::string>& paths);
/// Merges catalogs in order. \throws file_error kinerja.catalog.duplicate_id
catalog merge_catalogs(const std::vector<catalog>& catalogs);

/// The directory of the bundled catalog: data_directory() + "/catalog".
std::string bundled_catalog_directory();
/// The bundled catalog files (*.yaml of bundled_catalog_directory()), sorted by name.
std::vector<std::string> bundled_catalog_paths();
/// The bundled catalog: the Bekasi Renstra's formulas and the LPPD IKK formulas of the
/// women's-empowerment and child-protection affairs, merged (a copy of shared_bundled_catalog()).
catalog bundled_catalog();
/// The bundled catalog, loaded once per process (per data_directory()) on first use and shared;
/// safe to call from several threads. \throws file_error (kinerja.catalog.*) when it cannot be
/// loaded; a later call tries again.
std::shared_ptr<const catalog> shared_bundled_catalog();
/// The catalog of plans that have no `catalogs:` key (and of plans built in code): the bundled
/// catalog unless set_default_catalog replaced it. Thread-safe.
std::shared_ptr<const catalog> default_catalog();
/// Replaces the default catalog for the whole process, e.g. with a regency's own catalog (which
/// may or may not include the bundled one: `merge_catalogs({bundled_catalog(), mine})`); nullptr
/// restores the bundled catalog. Plans loaded afterwards resolve in it; a plan already loaded
/// keeps the catalog it was loaded with. Thread-safe.
void set_default_catalog(std::shared_ptr<const catalog> c);

/// The catalog ids of `c` nearest to `id`, at most `count`, for "did you mean" messages: the
/// nearness of plan_values.hpp's nearest_names (edit distance, then a shared beginning; ids with
/// nothing alike are left out).
std::vector<std::string> nearest_catalog_ids(const catalog& c, std::string_view id, std::size_t count = 3);

/// The outcome of one test vector.
struct vector_result {
    std::string entry;      ///< the entry's id
    std::size_t index = 0;  ///< 0-based position in the entry's `tests`
    std::optional<double> expected;
    std::optional<double> actual;
    missing_reason expected_reason = missing_reason::none;
    missing_reason actual_reason = missing_reason::none;
    bool passed = false;
    /// What was compared, e.g. "expected 93.2857, got 93.2857" or why it failed.
    std::string message;
    kinerja::location location;  ///< of the vector in its file
};

/// Runs the test vectors of one entry. A number is expected within the vector's tolerance
/// (default: 1e-9 relative or 1e-12 absolute); an expected null passes when the result is
/// missing for the stated reason.
std::vector<vector_result> run_tests(const catalog_entry& entry);
/// Runs every entry's test vectors, in entry order.
std::vector<vector_result> run_tests(const catalog& c);

}  // namespace kinerja
