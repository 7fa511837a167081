// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file arrays.hpp
/// Achievement, absorption and formulas over whole columns held in Eigen arrays: NaN where an
/// input is missing (NaN) or the result is undefined, as in the pointer overloads of
/// achievement.hpp and formula::evaluate.
///
///     Eigen::ArrayXd target(3), realized(3);
///     target << 60, 65, 69;
///     realized << 72.79, 74.39, 75.37;
///     Eigen::ArrayXd a = kinerja::achievement(target, realized);   // 121.3166.., 114.44.., 109.23..
///
///     auto f = kinerja::formula::compile("cases / women * 100_000");
///     Eigen::ArrayXd rate = kinerja::evaluate(f, {{"cases", cases}, {"women", women}});

#include <kinerja/achievement.hpp>
#include <kinerja/error.hpp>
#include <kinerja/formula.hpp>

#include <Eigen/Core>

#include <initializer_list>
#include <string>

namespace kinerja {

namespace detail {
inline void check_same_size(Eigen::Index a, Eigen::Index b) {
    if (a != b)
        throw argument_error("kinerja.argument.size", "the arrays have different lengths (" + std::to_string(a) +
                                                          " and " + std::to_string(b) + ")");
}
}  // namespace detail

/// Element-wise achievement. \throws argument_error if the lengths differ.
inline Eigen::ArrayXd achievement(const Eigen::Ref<const Eigen::ArrayXd>& target,
                                  const Eigen::Ref<const Eigen::ArrayXd>& realization,
                                  const achievement_options& options = {}) {
    detail::check_same_size(target.size(), realization.size());
    Eigen::ArrayXd out(target.size());
    achievement(target.data(), realization.data(), out.data(), static_cast<std::size_t>(target.size()), options);
    return out;
}

/// Element-wise absorption. \throws argument_error if the lengths differ.
inline Eigen::ArrayXd absorption(const Eigen::Ref<const Eigen::ArrayXd>& budget,
                                 const Eigen::Ref<const Eigen::ArrayXd>& realized, const rounding_rule& rule = {}) {
    detail::check_same_size(budget.size(), realized.size());
    Eigen::ArrayXd out(budget.size());
    absorption(budget.data(), realized.data(), out.data(), static_cast<std::size_t>(budget.size()), rule);
    return out;
}

/// One variable's column for evaluating a formula on Eigen arrays. Contiguous arrays are read in
/// place; an expression or a strided block is evaluated into the reference first, as
/// Eigen::Ref does.
struct eigen_column {
    std::string name;  ///< a variable of the formula, or `name[dim=value]` for disaggregated data
    Eigen::Ref<const Eigen::ArrayXd> data;
};

/// Evaluates `f` on the columns into `out` (one value per row, NaN where missing), as
/// formula::evaluate does. For previous() and ytd(), which need groups and years, fill a
/// formula_columns instead. \throws argument_error kinerja.argument.size when a column's length
/// differs from out's, and as formula::evaluate.
inline void evaluate(const formula& f, std::initializer_list<eigen_column> columns, Eigen::Ref<Eigen::ArrayXd> out,
                     const eval_options& options = {}) {
    formula_columns data;
    data.rows = static_cast<std::size_t>(out.size());
    for (const eigen_column& c : columns) {
        if (c.data.size() != out.size())
            throw argument_error("kinerja.argument.size", "column \"" + c.name + "\" has " +
                                                              std::to_string(c.data.size()) + " rows, the result " +
                                                              std::to_string(out.size()));
        data.add(c.name, c.data.data());
    }
    f.evaluate(data, out.data(), options);
}

/// The same, into a new array as long as the first column (empty when there is none).
inline Eigen::ArrayXd evaluate(const formula& f, std::initializer_list<eigen_column> columns,
                               const eval_options& options = {}) {
    Eigen::ArrayXd out(columns.size() == 0 ? 0 : columns.begin()->data.size());
    evaluate(f, columns, out, options);
    return out;
}

}  // namespace kinerja
