// SPDX-License-Identifier: Apache-2.0
// The formula language's public API (formula.hpp): compile, evaluate over columns (in
// cache-sized blocks, optionally on several threads), evaluate one row and diagnose missing
// results. The stages behind it are in src/formula/ (program.hpp lists them).
#include <kinerja/formula.hpp>

#include "formula/program.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <system_error>
#include <thread>

namespace kinerja {

std::string_view to_string(missing_reason r) noexcept {
    switch (r) {
        case missing_reason::none: return "none";
        case missing_reason::missing_input: return "missing input";
        case missing_reason::division_by_zero: return "division by zero";
        case missing_reason::domain: return "outside the function's domain";
        case missing_reason::not_finite: return "not finite";
        case missing_reason::no_previous: return "no previous period";
    }
    return "none";
}

std::string formula_unit::text() const {
    if (!known) return "?";
    if (dimension.dimensionless()) {
        if (!(factor > 0.0) || !std::isfinite(factor) || !std::isfinite(1.0 / factor)) return "?";  // x * 0, x / 1e-320
        auto near = [&](double f) { return std::fabs(factor - f) <= 1e-12 * f; };
        if (near(1.0)) return "1";
        if (near(0.01)) return "%";
        if (near(1e-3)) return "per 1.000";
        if (near(1e-4)) return "per 10.000";
        if (near(1e-5)) return "per 100.000";
        return "x" + format_number(1.0 / factor, convention::english, 6, false);
    }
    std::string num, den;
    auto put = [](std::string& s, const char* name, int e) {
        if (e == 0) return;
        if (!s.empty()) s += "*";
        s += name;
        if (std::abs(e) > 1) s += "^" + std::to_string(std::abs(e));
    };
    const std::pair<const char*, int> parts[] = {
        {"Rupiah", dimension.money}, {"Orang", dimension.person}, {"unit", dimension.item}, {"bulan", dimension.time}};
    for (auto [name, e] : parts) put(e > 0 ? num : den, name, e);
    return (num.empty() ? std::string("1") : num) + (den.empty() ? "" : "/" + den);
}

// ============================================================================ public API

formula formula::compile(std::string_view text, const std::map<std::string, std::string>& units,
                         const formula_options& options) {
    return compile(text, units, options, default_units());
}

formula formula::compile(std::string_view text, const std::map<std::string, std::string>& units,
                         const formula_options& options, const unit_registry& registry) {
    auto p = std::make_shared<detail::program>();
    p->text = std::string(text);
    p->options = options;
    p->root = detail::parse(text, *p, units, registry);
    p->unit = p->nodes[p->root].unit;
    // (a unit for a variable the formula does not use is allowed: unit maps are shared)
    detail::generate(*p);
    formula f;
    f.program_ = std::move(p);
    return f;
}

const std::string& formula::text() const noexcept { return program_->text; }
const std::vector<std::string>& formula::variables() const noexcept { return program_->variables; }
const formula_unit& formula::unit() const noexcept { return program_->unit; }
const formula_options& formula::options() const noexcept { return program_->options; }

formula_result formula::evaluate(const std::map<std::string, double>& values) const {
    std::vector<detail::column_name> names;
    names.reserve(values.size());
    for (const auto& kv : values) names.push_back(detail::split_column(kv.first));
    detail::require_variables(*program_, names);
    missing_reason reason = missing_reason::none;
    const double x = detail::evaluate_scalar(*program_, &values, nullptr, nullptr, 0, reason);
    formula_result r;
    if (x == x && std::isfinite(x)) {
        r.value = x;
    } else {
        r.reason = reason == missing_reason::none ? missing_reason::missing_input : reason;
    }
    return r;
}

void formula::evaluate(const formula_columns& columns, double* out, const eval_options& options) const {
    const detail::bound b = detail::bind(*program_, columns);
    const std::size_t n = columns.rows;
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t min_rows = std::max<std::size_t>(options.min_rows_per_thread, 1);
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / min_rows)));
    if (threads <= 1) {
        detail::evaluate_rows(*program_, b, out, 0, n);
        return;
    }
    // Parts of whole blocks; the calling thread evaluates the last part itself, as a loop written
    // by hand would (one thread fewer to start and wait for). Only std::bad_alloc can escape a
    // part: it is rethrown here once every thread has finished. A thread that cannot be started
    // leaves its part to the calling thread.
    const std::size_t chunk = (n / threads + detail::block) / detail::block * detail::block;
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    for (unsigned t = 0; t < threads; ++t) {
        const std::size_t from = std::min(n, t * chunk);
        const std::size_t to = t + 1 == threads ? n : std::min(n, from + chunk);
        if (from < to) parts.emplace_back(from, to);
    }
    std::vector<std::exception_ptr> errors(parts.size());
    auto work = [&](std::size_t k) {
        try {
            detail::evaluate_rows(*program_, b, out, parts[k].first, parts[k].second);
        } catch (...) {
            errors[k] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(parts.size());
    std::vector<std::size_t> here{parts.size() - 1};
    for (std::size_t k = 0; k + 1 < parts.size(); ++k) {
        try {
            pool.emplace_back(work, k);
        } catch (const std::system_error&) {
            here.push_back(k);
        }
    }
    for (std::size_t k : here) work(k);
    for (auto& th : pool) th.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

std::vector<missing_reason> formula::diagnose(const formula_columns& columns) const {
    const detail::bound b = detail::bind(*program_, columns);
    std::vector<double> out(columns.rows);
    detail::evaluate_rows(*program_, b, out.data(), 0, columns.rows);
    std::vector<missing_reason> reasons(columns.rows, missing_reason::none);
    for (std::size_t r = 0; r < columns.rows; ++r) {
        if (out[r] == out[r]) continue;
        missing_reason reason = missing_reason::none;
        (void)detail::evaluate_scalar(*program_, nullptr, &columns, &b, r, reason);
        reasons[r] = reason == missing_reason::none ? missing_reason::missing_input : reason;
    }
    return reasons;
}

}  // namespace kinerja
