// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file year.hpp
/// period_year: the key of a plan's year columns, a calendar year (2024) or the end-of-period
/// column (kondisi akhir), `end_of_period`. It is made from an int implicitly, so
/// `ind.targets.at(2024)` reads as before, but never turns back into one by itself: the calendar
/// year is `value()`, which throws for the end column, so the end column cannot be printed or
/// computed with as a number by mistake. It prints "2024" or "end" (to_string, operator<<, the
/// fmt formatter of fmt.hpp, the JSON of json.hpp), orders the end column after every calendar
/// year, and hashes (std::hash).
///
///     kinerja::period_year y = 2024;
///     y.value();                        // 2024
///     kinerja::end_of_period.is_end();  // true
///     to_string(kinerja::end_of_period) // "end"
///     int n = kinerja::end_of_period;   // does not compile

#include <kinerja/error.hpp>

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace kinerja {

/// A year column of a plan: a calendar year or the end-of-period column.
class period_year {
public:
    /// The calendar year `year` (implicit, so an int works wherever a period_year is asked).
    constexpr period_year(int year) noexcept : year_(year) {}
    /// The end-of-period column (also `kinerja::end_of_period`).
    static constexpr period_year end() noexcept { return period_year(end_tag{}); }

    /// True for the end-of-period column.
    constexpr bool is_end() const noexcept { return end_; }
    /// The calendar year.
    /// \throws argument_error kinerja.argument.end_of_period for the end-of-period column,
    /// which has no calendar year.
    constexpr int value() const {
        if (end_)
            throw argument_error("kinerja.argument.end_of_period",
                                 "the end-of-period column has no calendar year (ask is_end() first)");
        return year_;
    }

    friend constexpr bool operator==(period_year a, period_year b) noexcept {
        return a.end_ == b.end_ && (a.end_ || a.year_ == b.year_);
    }
    friend constexpr bool operator!=(period_year a, period_year b) noexcept { return !(a == b); }
    /// Calendar years in order, the end-of-period column after every one of them.
    friend constexpr bool operator<(period_year a, period_year b) noexcept {
        if (a.end_ || b.end_) return !a.end_ && b.end_;
        return a.year_ < b.year_;
    }
    friend constexpr bool operator>(period_year a, period_year b) noexcept { return b < a; }
    friend constexpr bool operator<=(period_year a, period_year b) noexcept { return !(b < a); }
    friend constexpr bool operator>=(period_year a, period_year b) noexcept { return !(a < b); }

    /// A hash, equal for equal years (std::hash<period_year> uses it).
    constexpr std::size_t hash() const noexcept {
        return end_ ? ~std::size_t(0) : static_cast<std::size_t>(static_cast<unsigned>(year_));
    }

private:
    struct end_tag {};
    constexpr explicit period_year(end_tag) noexcept : year_(0), end_(true) {}

    int year_;
    bool end_ = false;
};

/// The end-of-period column (kondisi akhir) of year maps.
inline constexpr period_year end_of_period = period_year::end();

/// The calendar years the plan readers accept: four digits, 1000 to 9998 (9999 once keyed the end
/// column and stays out of range, so a file reads as it always did; the end column is "end").
inline constexpr int first_plan_year = 1000;
inline constexpr int last_plan_year = 9998;

/// "2024", or "end" for the end-of-period column.
inline std::string to_string(period_year y) { return y.is_end() ? std::string("end") : std::to_string(y.value()); }
/// Writes to_string(y).
inline std::ostream& operator<<(std::ostream& out, period_year y) { return out << to_string(y); }

}  // namespace kinerja

template <>
struct std::hash<kinerja::period_year> {
    std::size_t operator()(kinerja::period_year y) const noexcept { return y.hash(); }
};
