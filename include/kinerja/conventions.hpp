// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file conventions.hpp
/// A table's conventions, learnt from the table or declared, never assumed from one document:
/// which levels of the cascade carry pagu, what the end-of-period column (kondisi akhir) means
/// for pagu and for targets, whether pagu printed on indicator rows are parts of the node's pagu
/// or repeat it, and the plan's number convention.
///
/// A plan may declare each of them (`conventions:` in the plan file, plan.hpp
/// declared_conventions); each one it does not declare is **inferred** from the plan's own rows:
/// the rows that tell (a row whose end column is both the sum and the last year tells nothing)
/// are counted by what they show, and the convention that more than `majority` of them show
/// (default 0.5: a strict majority) is taken; the rows that break it are then findings of the
/// checks (check.hpp). With no majority nothing is guessed: the convention is unknown and the
/// check that needs it stays silent on that question (docs/plans.md, Conventions).

#include <kinerja/number.hpp>
#include <kinerja/plan.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

/// Where a convention comes from.
enum class convention_origin { declared, inferred, unknown };
std::string_view to_string(convention_origin o) noexcept;

/// Settings of the inference; the `with_` setters return a changed copy
/// (`convention_options{}.with_majority(2.0 / 3).with_amount_tolerance(1.0)`).
struct convention_options {
    /// A convention is inferred when more than this share of the rows that tell follow it
    /// (0.5: a strict majority). In [0.5, 1); the plan's `conventions: majority:` overrides it.
    double majority = 0.5;
    /// Rupiah: an end column within this of the sum (or of the last year) agrees with it.
    double amount_tolerance = 0.5;
    /// Whether to learn each table's number convention (plan_conventions::number_tables, which
    /// reads every printed value once). The checks do not need it: the loader has already given
    /// each indicator its table's convention (indicator::table_convention); false leaves
    /// number_tables empty.
    bool number_tables = true;

    convention_options with_majority(double share) const {
        auto o = *this;
        o.majority = share;
        return o;
    }
    convention_options with_amount_tolerance(double rupiah) const {
        auto o = *this;
        o.amount_tolerance = rupiah;
        return o;
    }
    convention_options with_number_tables(bool learn) const {
        auto o = *this;
        o.number_tables = learn;
        return o;
    }
};

/// Whether one level of the cascade carries pagu.
struct level_pagu_convention {
    node_level level = node_level::program;
    std::optional<bool> carries;  ///< empty: unknown (no majority)
    convention_origin origin = convention_origin::unknown;
    std::size_t priced = 0;    ///< nodes of the level with a pagu in some year
    std::size_t unpriced = 0;  ///< nodes of the level with none
};

/// What the end column of a year map means (for pagu or for targets), with the evidence.
struct end_column_convention {
    std::optional<end_column> value;  ///< empty: unknown
    convention_origin origin = convention_origin::unknown;
    std::size_t sum = 0;      ///< rows whose end column is the sum of their years (and not the last year)
    std::size_t last = 0;     ///< rows whose end column is their last year (and not the sum)
    std::size_t neither = 0;  ///< rows whose end column is neither
    std::size_t both = 0;     ///< rows where sum and last year are equal (they tell nothing)
};

/// Whether pagu on a node's indicator rows are parts of the node's pagu or repeat it.
struct indicator_pagu_convention {
    std::optional<kinerja::indicator_pagu> value;  ///< empty: unknown
    convention_origin origin = convention_origin::unknown;
    std::size_t parts = 0;   ///< nodes whose indicator rows print different amounts (or sum to the node's own)
    std::size_t repeat = 0;  ///< nodes whose indicator rows print one amount, each the whole (or the node's own)
};

/// The plan's number convention (of its pagu cells), with the evidence.
struct number_convention {
    std::optional<convention> value;  ///< empty: unknown
    convention_origin origin = convention_origin::unknown;
    std::size_t english = 0;     ///< pagu cells that can only be English (1,234,567 or 1,234.50)
    std::size_t indonesian = 0;  ///< pagu cells that can only be Indonesian (1.234.567 or 1.234,50)
};

/// A source table's number convention as its cells show it (detail::learn_table_conventions).
struct table_convention {
    std::string table;  ///< the label as printed
    kinerja::convention convention;
    std::size_t cells = 0;  ///< how many cells show it
};

/// The conventions of a plan, each declared or inferred.
struct plan_conventions {
    std::vector<level_pagu_convention> pagu_levels;  ///< the levels the plan has, in cascade order
    /// Whether each level carries realized budget (realisasi anggaran), in cascade order; `priced`
    /// counts the level's nodes that print one. A table prints realisasi on the rows it prints
    /// anggaran on, so in a plan that prints pagu (realized_follows_pagu) each level carries it
    /// as it carries pagu, with that convention's origin; in a plan that prints none (a table of
    /// realisasi alone) a level carries it when more than the majority share of its nodes print
    /// one, and nothing is guessed without a majority.
    std::vector<level_pagu_convention> realized_levels;
    bool realized_follows_pagu = false;  ///< the plan prints pagu: realized budget follows it
    end_column_convention budget_end;
    end_column_convention target_end;
    indicator_pagu_convention indicator_pagu;
    number_convention numbers;
    /// The tables whose cells show one number convention; an indicator without a declared
    /// convention reads its ambiguous values (`3.000`) in its table's (indicator::table_convention).
    std::vector<table_convention> number_tables;
    double majority = 0.5;  ///< the share used

    /// Whether nodes of this level carry pagu: true, false, or empty when unknown (also for a
    /// level the plan does not have).
    std::optional<bool> carries_pagu(node_level level) const noexcept;
    /// Whether nodes of this level carry realized budget: true, false, or empty when unknown.
    std::optional<bool> carries_realized(node_level level) const noexcept;
    /// One line per convention, as `check` and the report state them.
    std::vector<std::string> lines() const;
    /// The lines joined by "; ".
    std::string summary() const;
};

/// The plan's conventions: the declared ones (p.conventions) as declared, the others inferred
/// from its main nodes and totals (history nodes are another table). Never throws for the
/// plan's content (an unreadable cell tells nothing).
plan_conventions infer_conventions(const plan& p, const convention_options& options = {});

namespace detail {
/// The tables whose cells show one number convention: at least two cells (`25,00%`,
/// `1.234.567`), none showing the other. A table whose cells disagree learns nothing.
std::vector<table_convention> table_number_conventions(const plan& p);
/// Sets indicator::table_convention of every indicator: the plan's declared `conventions:
/// numbers`, else its source table's learnt convention (the loaders call it last).
void learn_table_conventions(plan& p);
/// The table a printed cell comes from: its own source label, else its owner's, without a row
/// or column refinement ("Tabel SK2026 row xx" is Tabel SK2026).
std::string table_of(const printed_value& pv, const std::string& owner);

/// The yearly years an end column stands for: the plan's period, or, when the plan states none,
/// the years `printed` holds (without the end column).
std::vector<int> period_years(const plan& p, const std::set<period_year>& printed);
}  // namespace detail

}  // namespace kinerja
