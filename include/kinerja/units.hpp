// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file units.hpp
/// Compile-time units (Boost.Units). Money, persons, things and time are dimensions of their
/// own, and percent, rate per 10,000 and rate per 100,000 are distinct scaled units, so that
///
///     units::money m = 5.0 * units::rupiah;
///     units::persons p = 3.0 * units::person;
///     auto bad = m + p;                          // does not compile
///     units::percent s = 5.0 * units::percent_unit();
///     units::rate_per_100k r = 18.2 * units::per_100k_unit();
///     auto worse = s + r;                        // does not compile either
///
/// tests/compile_fail proves both. Conversions between scaled units are explicit:
/// `units::percent(units::fraction(r))`.
///
/// The run-time counterpart, mapping the satuan words of plans to these dimensions, is
/// unit_registry.hpp.

#include <kinerja/achievement.hpp>

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/make_scaled_unit.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/physical_dimensions/time.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/static_rational.hpp>
#include <boost/units/unit.hpp>

namespace kinerja::units {

namespace bu = boost::units;

/// Money (Rupiah).
struct money_base_dimension : bu::base_dimension<money_base_dimension, 2101> {};
/// People (orang, jiwa, anak).
struct person_base_dimension : bu::base_dimension<person_base_dimension, 2102> {};
/// Counted things: documents, reports, packages, organisations, services, activities.
struct item_base_dimension : bu::base_dimension<item_base_dimension, 2103> {};

using money_dimension = money_base_dimension::dimension_type;
using person_dimension = person_base_dimension::dimension_type;
using item_dimension = item_base_dimension::dimension_type;

struct rupiah_base_unit : bu::base_unit<rupiah_base_unit, money_dimension, 2101> {
    static const char* name() { return "rupiah"; }
    static const char* symbol() { return "Rp"; }
};
struct person_base_unit : bu::base_unit<person_base_unit, person_dimension, 2102> {
    static const char* name() { return "orang"; }
    static const char* symbol() { return "orang"; }
};
struct item_base_unit : bu::base_unit<item_base_unit, item_dimension, 2103> {
    static const char* name() { return "unit"; }
    static const char* symbol() { return "unit"; }
};
struct month_base_unit : bu::base_unit<month_base_unit, bu::time_dimension, 2104> {
    static const char* name() { return "bulan"; }
    static const char* symbol() { return "bln"; }
};

/// The unit system of performance plans.
using system = bu::make_system<rupiah_base_unit, person_base_unit, item_base_unit, month_base_unit>::type;

using rupiah_unit = bu::unit<money_dimension, system>;
using person_unit = bu::unit<person_dimension, system>;
using item_unit = bu::unit<item_dimension, system>;
using month_unit = bu::unit<bu::time_dimension, system>;
using person_per_month_unit = bu::divide_typeof_helper<person_unit, month_unit>::type;
/// Dimensionless, scale 1 (a share as a fraction, an index).
using one_unit = bu::unit<bu::dimensionless_type, system>;
using percent_unit = bu::make_scaled_unit<one_unit, bu::scale<10, bu::static_rational<-2>>>::type;
using per_10k_unit = bu::make_scaled_unit<one_unit, bu::scale<10, bu::static_rational<-4>>>::type;
using per_100k_unit = bu::make_scaled_unit<one_unit, bu::scale<10, bu::static_rational<-5>>>::type;

inline const rupiah_unit rupiah{};
inline const person_unit person{};
inline const item_unit item{};
inline const month_unit month{};

template <class Unit>
using quantity = bu::quantity<Unit, double>;

using money = quantity<rupiah_unit>;
using persons = quantity<person_unit>;
using items = quantity<item_unit>;
using persons_per_month = quantity<person_per_month_unit>;
using fraction = quantity<one_unit>;
using percent = quantity<percent_unit>;
using rate_per_10k = quantity<per_10k_unit>;
using rate_per_100k = quantity<per_100k_unit>;

/// Budget absorption (realized / budget x 100) of two sums of money, as a percent.
/// Only money is accepted: absorption(money, persons) does not compile.
inline percent absorption(money budget, money realized, rounding_rule rule = {}) {
    return kinerja::absorption(budget.value(), realized.value(), rule) * percent_unit();
}

/// Achievement of two quantities of the same unit, as a percent. A percent target cannot be
/// compared with a rate per 100,000 realization: that does not compile.
template <class Unit>
percent achievement(quantity<Unit> target, quantity<Unit> realization, const achievement_options& options = {}) {
    return kinerja::achievement(target.value(), realization.value(), options) * percent_unit();
}

}  // namespace kinerja::units
