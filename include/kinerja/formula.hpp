// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file formula.hpp
/// A safe formula language for indicator definitions, parsed from text and never executed as
/// code, with units checked when the formula is compiled and evaluation column-at-a-time.
///
///     kinerja::formula f = kinerja::formula::compile("cases / women * 100_000",
///                                                    {{"cases", "Orang"}, {"women", "Orang"}});
///     f.unit();                                   // "per 100.000"
///     f.evaluate({{"cases", 208}, {"women", 906'000}}).value;   // 22.958...
///
/// Language (docs/formulas.md): number literals with `.` as decimal mark and `_` as an optional
/// digit separator (`100_000`, `0.253`, `5e-5`); a literal an Indonesian reader would read as
/// thousands (`100.000`, `1.500`) is rejected. Variables; `+ - * / ^`; comparisons
/// `= == != <> < <= > >=`; `and or not`; `if(c, a, b)`, `isNull(x)`, `firstNonNull(a, b, ...)`,
/// `greatest`/`least` (ignore missing), `min`/`max` (missing if any is), `abs`, `round(x, n)`,
/// `floor`, `ceil`, `sqrt`, `ln`, `log10`, `exp`; aggregates over a disaggregated variable
/// `sum(x)`, `mean(x)`, `min(x)`, `max(x)`, `count(x)` with filters `x[sex="P"]` or a dimension
/// `x[kecamatan]`; period functions `previous(x)` and `ytd(x)`; and the composite indices of
/// indices.hpp: `hdi`, `hdi_female`, `hdi_male`, `gdi`, `gdi_group`, `gii`, `gem_edep`, `ipm`,
/// `ipm_female`, `ipm_male`, `ipg`, `ikg` (arguments as the index expects them; invalid inputs
/// give a missing result with reason "outside the function's domain").
///
/// Missing values are NaN. Missing inputs, division by zero and domain errors (sqrt of a
/// negative, ln of 0) give a missing result with a reason (`formula_result::reason`,
/// `formula::diagnose`), never a silent 0 or infinity. A formula can state its missing-value
/// strategy (`formula_options::missing`).

#include <kinerja/error.hpp>
#include <kinerja/unit_registry.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

/// A formula that cannot be compiled. Knows the formula text, the 0-based position (1-based
/// column) and what was expected; the message shows the formula with a caret under the spot.
class formula_error : public parse_error {
public:
    formula_error(std::string id, std::string text, std::size_t position, std::string reason, std::string expected)
        : parse_error(std::move(id), text, position, with_caret(text, position, reason)),
          expected_(std::move(expected)),
          plain_reason_(std::move(reason)) {}
    /// What the parser expected at the position ("an operand", "')'", ...), or "".
    const std::string& expected() const noexcept { return expected_; }
    /// The reason without the caret lines.
    const std::string& plain_reason() const noexcept { return plain_reason_; }

private:
    static std::string with_caret(const std::string& text, std::size_t position, const std::string& reason) {
        // Control characters (a newline, a NUL byte) shown as spaces keep the caret under its
        // column and what(), a C string, whole.
        std::string shown = text.size() > 200 ? text.substr(0, 200) + "..." : text;
        for (auto& c : shown)
            if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') c = ' ';
        std::string why;
        for (char c : reason) why += c == '\0' ? std::string("\\0") : std::string(1, c);
        const std::size_t caret = std::min(position, shown.size());
        return why + "\n  " + shown + "\n  " + std::string(caret, ' ') + "^";
    }
    std::string expected_;
    std::string plain_reason_;
};

/// What a formula does with missing inputs.
enum class missing_strategy {
    propagate,  ///< any missing input makes the result missing (default)
    zero        ///< missing inputs count as 0 (document why when you choose it)
};

/// Why a result is missing.
enum class missing_reason : std::uint8_t {
    none = 0,       ///< the result is a number
    missing_input,  ///< an input was missing
    division_by_zero,
    domain,      ///< sqrt of a negative, ln/log10 of a non-positive number, ...
    not_finite,  ///< overflow to infinity
    no_previous  ///< previous() on the first period of a group
};
std::string_view to_string(missing_reason r) noexcept;

/// Settings of formula::compile; the `with_` setters return a changed copy
/// (`formula_options{}.with_missing(missing_strategy::zero).with_max_depth(50)`).
struct formula_options {
    kinerja::missing_strategy missing = missing_strategy::propagate;
    /// Longest formula text accepted, and deepest nesting; longer or deeper input is an error.
    std::size_t max_length = 10000;
    std::size_t max_depth = 200;

    formula_options with_missing(kinerja::missing_strategy m) const {
        auto o = *this;
        o.missing = m;
        return o;
    }
    formula_options with_max_length(std::size_t n) const {
        auto o = *this;
        o.max_length = n;
        return o;
    }
    formula_options with_max_depth(std::size_t n) const {
        auto o = *this;
        o.max_depth = n;
        return o;
    }
};

/// The unit of a formula's result.
struct formula_unit {
    bool known = false;  ///< false when a variable without a unit decides it
    kinerja::dimension dimension;
    double factor = 1.0;  ///< as in unit_info: 0.01 for percent, 1e-5 per 100,000
    /// "%", "per 100.000", "per 10.000", "Rupiah", "Orang", "Rupiah/Orang", "1" (a ratio), "?".
    std::string text() const;
};

/// A scalar result.
struct formula_result {
    std::optional<double> value;
    missing_reason reason = missing_reason::none;
};

/// Columns to evaluate on: each variable a pointer to n doubles (NaN for missing). A
/// disaggregated variable is given as several columns named `name[dim=value,dim2=value]`.
struct formula_columns {
    std::size_t rows = 0;
    std::vector<std::pair<std::string, const double*>> columns;
    /// Optional, for previous() and ytd(): rows are in period order within each group; `group`
    /// tells groups apart (empty: one group), `year` resets ytd() (empty: one year).
    const std::int64_t* group = nullptr;
    const std::int64_t* year = nullptr;
    void add(std::string name, const double* data) { columns.emplace_back(std::move(name), data); }
};

/// Settings of formula::evaluate on columns; the `with_` setters return a changed copy
/// (`eval_options{}.with_threads(1)`).
struct eval_options {
    /// Threads for large inputs (0: the hardware's; 1: the calling thread only).
    unsigned threads = 0;
    /// Rows per thread below which no thread is started.
    std::size_t min_rows_per_thread = 1u << 16;

    eval_options with_threads(unsigned n) const {
        auto o = *this;
        o.threads = n;
        return o;
    }
    eval_options with_min_rows_per_thread(std::size_t n) const {
        auto o = *this;
        o.min_rows_per_thread = n;
        return o;
    }
};

namespace detail {
struct program;
}

/// A compiled formula: immutable, cheap to copy, safe to evaluate from several threads.
class formula {
public:
    /// Compiles `text`. `units` maps variable names to unit words of `default_units()` (or
    /// `registry`). \throws formula_error (ids kinerja.formula.syntax, .literal, .unknown_function,
    /// .arity, .unit, .too_long, .too_deep) with the position; lookup_error for unknown unit words.
    static formula compile(std::string_view text, const std::map<std::string, std::string>& units = {},
                           const formula_options& options = {});
    static formula compile(std::string_view text, const std::map<std::string, std::string>& units,
                           const formula_options& options, const unit_registry& registry);

    const std::string& text() const noexcept;
    /// Variable names (families for disaggregated variables), in order of appearance.
    const std::vector<std::string>& variables() const noexcept;
    const formula_unit& unit() const noexcept;
    const formula_options& options() const noexcept;

    /// Evaluates on one row of scalars. A variable given as NaN is missing data (a missing result
    /// with its reason); a variable not given at all is an error, as for columns.
    /// \throws argument_error kinerja.argument.formula_data naming the absent variables and the formula.
    formula_result evaluate(const std::map<std::string, double>& values) const;
    /// Evaluates on columns into `out` (n = columns.rows doubles; NaN where missing).
    /// \throws argument_error kinerja.argument.formula_data when a variable has no column (naming
    ///         every such variable and the formula).
    void evaluate(const formula_columns& columns, double* out, const eval_options& options = {}) const;
    /// Why each row of `out` is missing (missing_reason::none where it is a number).
    std::vector<missing_reason> diagnose(const formula_columns& columns) const;

private:
    std::shared_ptr<const detail::program> program_;
};

}  // namespace kinerja
