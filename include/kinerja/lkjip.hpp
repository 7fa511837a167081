// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file lkjip.hpp
/// The standard tables of a yearly performance report (LKjIP, Laporan Kinerja Instansi
/// Pemerintah; PermenPAN-RB 53/2014, Bab III "Akuntabilitas Kinerja") for one year of a plan,
/// as data (docs/lkjip.md):
///
/// - **Capaian kinerja** (one row per indicator of a sasaran that prints a target or a
///   realization in the year): the year's target, realization and capaian (achievement,
///   plan_values.hpp `indicator_achievement_detail`: the plan's settings, the indicator's
///   polarity) and its category on the `capaian` scale; the realizations and capaian of the
///   previous years; the end-of-period target and the progress towards it.
/// - **Anggaran** (one row per programme that prints a pagu or a realized amount in the year):
///   pagu, realization, absorption (realized / pagu x 100, half up to 2 decimals, as the budget
///   table of the report), the programme's capaian (its roll-up, rollup.hpp, mean method) and
///   the efficiency.
///
/// Formulas (each row carries a `basis` text that names its inputs):
///
/// | column | formula |
/// |---|---|
/// | capaian | achievement(target of the year, realization of the year) by polarity, rounded by the plan |
/// | end target | the indicator's end-of-period target (the `end` column), else its target of the last year of its
/// period (a history node's `period`, else the plan period) |
/// | progress | achievement(end target, realization of the year) by polarity, rounded by the plan |
/// | absorption | realized / pagu x 100, half up to 2 decimals |
/// | efficiency | (1 - absorption / capaian) x 100, half up to 2 decimals (Inspektorat Jenderal, LAKIP 2019, Tabel
/// III.5): positive when the programme achieved more than it spent, in shares of plan |

#include <kinerja/plan.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kinerja {

/// Settings of lkjip_tables; the `with_` setter returns a changed copy.
struct lkjip_options {
    /// How many years before the report year show their realization and capaian (default 2,
    /// as LKjIP tables compare "tahun ini dengan tahun lalu dan beberapa tahun terakhir").
    int previous_years = 2;

    lkjip_options with_previous_years(int n) const {
        auto o = *this;
        o.previous_years = n;
        return o;
    }
};

/// An earlier year of an indicator: its printed realization and its capaian.
struct lkjip_previous {
    int year = 0;
    std::string realization;                   ///< as printed ("" when none)
    std::optional<double> realization_number;  ///< the number read from it, when it has one
    std::optional<double> achievement;         ///< capaian of that year (its own target)
};

/// One row of the capaian kinerja table: an indicator of a sasaran in the report year.
struct lkjip_indicator_row {
    std::string part;  ///< "plan" or "history" (the previous period's nodes)
    std::string node_id;
    std::string node;  ///< the sasaran's code, or its id when it has none
    std::string node_name;
    std::string indicator_id;
    std::string indicator_name;
    std::string unit;
    std::string polarity;  ///< "higher", "lower", "scale:NAME" or "" (unknown)
    std::string target;    ///< printed target of the year ("" when none)
    std::optional<double> target_number;
    std::string realization;  ///< printed realization of the year (the yearly cell, else the last quarter)
    std::optional<double> realization_number;
    std::optional<double> achievement;  ///< capaian %, the plan's rounding
    std::string category;               ///< of `achievement` on the capaian scale ("" without one)
    std::string achievement_basis;      ///< what was compared, or why there is no capaian
    std::vector<lkjip_previous> previous;
    std::optional<int> end_year;  ///< the year the end target is of (empty: the `end` column)
    std::string end_target;       ///< printed end-of-period target ("" when none)
    std::optional<double> end_target_number;
    std::optional<double> progress;  ///< realization of the year against the end target, %
    std::string progress_basis;
};

/// One row of the budget table: a programme in the report year.
struct lkjip_programme_row {
    std::string part;  ///< "plan" or "history"
    std::string node_id;
    std::string node;  ///< code, or id when none
    std::string node_name;
    std::string pagu;  ///< printed ("a + b" when the pagu is in parts on indicator rows)
    std::optional<double> pagu_number;
    std::string realized;  ///< printed realized amount
    std::optional<double> realized_number;
    std::optional<double> absorption;   ///< realized / pagu x 100, half up to 2
    std::optional<double> achievement;  ///< the programme's capaian (roll-up, mean)
    std::string achievement_basis;
    std::optional<double> efficiency;  ///< (1 - absorption / capaian) x 100, half up to 2
    std::string efficiency_basis;
};

/// The LKjIP tables of one year.
struct lkjip_report {
    int year = 0;
    std::vector<int> previous_years;  ///< the earlier years shown, oldest first
    std::vector<lkjip_indicator_row> indicators;
    std::vector<lkjip_programme_row> programmes;
};

/// The years a plan can report: those in which an indicator of a sasaran (plan or history)
/// prints a target or a realization, or a programme prints a pagu or a realized amount.
std::set<int> lkjip_years(const plan& p);

/// The LKjIP tables of `year`, rows in file order (plan nodes, then history nodes).
/// \throws argument_error kinerja.argument.lkjip_year when the plan prints nothing to report in
///         `year` (the message lists the years it can report), kinerja.argument.lkjip_options
///         for a negative `previous_years`; parse_error for an unreadable amount of money
lkjip_report lkjip_tables(const plan& p, int year, const lkjip_options& options = {});

}  // namespace kinerja
