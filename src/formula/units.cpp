// SPDX-License-Identifier: Apache-2.0
// Unit inference (units.hpp): what unit each operation gives, and which operands cannot meet.
#include "units.hpp"

#include <kinerja/detail/text.hpp>
#include <kinerja/unit_registry.hpp>

#include <algorithm>
#include <cmath>

namespace kinerja {
namespace detail {

formula_unit unit_inference::dimensionless(double factor) {
    formula_unit u;
    u.known = true;
    u.factor = factor;
    return u;
}

void unit_inference::fail(std::size_t pos, const std::string& why, const std::string& expected) const {
    throw formula_error("kinerja.formula.unit", std::string(text), pos, why, expected);
}

void unit_inference::same_unit(std::uint32_t a, std::uint32_t b, std::size_t pos, const char* what) const {
    const formula_unit& ua = at(a).unit;
    const formula_unit& ub = at(b).unit;
    if (!ua.known || !ub.known) return;
    // The scale matters for dimensionless quantities (a percent is not a rate per 100,000);
    // an amount of money or people times a number is still money or people (0.5 * pagu).
    const bool scale_differs =
        ua.dimension.dimensionless() && std::fabs(ua.factor - ub.factor) > 1e-12 * std::max(ua.factor, ub.factor);
    if (ua.dimension != ub.dimension || scale_differs)
        fail(pos, std::string("cannot ") + what + " " + ua.text() + " and " + ub.text() + " (units differ)",
             "operands of the same unit");
}

formula_unit unit_inference::join(std::uint32_t a, std::uint32_t b) const {
    return at(a).unit.known ? at(a).unit : at(b).unit;
}

void unit_inference::dimensionless_arg(std::uint32_t a, std::size_t pos, const char* fn) const {
    const formula_unit& u = at(a).unit;
    if (u.known && !u.dimension.dimensionless())
        fail(pos, std::string(fn) + "() needs a dimensionless argument, not " + u.text(), "a dimensionless value");
}

formula_unit unit_inference::of_variable(const std::string& name, const std::map<std::string, std::string>& units,
                                         const unit_registry& registry) {
    formula_unit unit;
    auto it = units.find(name);
    if (it == units.end() || kinerja::detail::trim(it->second).empty()) return unit;
    if (!registry.find(it->second)) try {
            (void)registry.get(it->second);  // the registry's own error, with its advice
        } catch (const lookup_error& e) {
            std::string why = e.what();
            const std::string prefix = "[" + e.id() + "] ";
            if (why.compare(0, prefix.size(), prefix) == 0) why.erase(0, prefix.size());
            throw lookup_error(e.id(), e.name(), "the unit of variable \"" + name + "\": " + why);
        }
    const unit_info& u = registry.get(it->second);
    unit.known = true;
    unit.dimension = u.dimension;
    unit.factor = u.factor;
    return unit;
}

formula_unit unit_inference::of_binary(op k, std::uint32_t a, std::uint32_t b, std::size_t pos) const {
    const formula_unit& ua = at(a).unit;
    const formula_unit& ub = at(b).unit;
    switch (k) {
        case op::add:
        case op::sub: same_unit(a, b, pos, k == op::add ? "add" : "subtract"); return join(a, b);
        case op::mul:
        case op::div: {
            const bool a_lit = at(a).literal, b_lit = at(b).literal;
            if (a_lit && b_lit) return unknown();
            if (b_lit && ua.known) {  // x * 100: the value is 100 times the quantity
                formula_unit u = ua;
                u.factor = k == op::mul ? ua.factor / at(b).value : ua.factor * at(b).value;
                return u;
            }
            if (a_lit && ub.known && k == op::mul) {
                formula_unit u = ub;
                u.factor = ub.factor / at(a).value;
                return u;
            }
            if (!ua.known || !ub.known) return unknown();
            formula_unit u;
            u.known = true;
            const int s = k == op::mul ? 1 : -1;
            u.dimension = {ua.dimension.money + s * ub.dimension.money, ua.dimension.person + s * ub.dimension.person,
                           ua.dimension.item + s * ub.dimension.item, ua.dimension.time + s * ub.dimension.time};
            u.factor = k == op::mul ? ua.factor * ub.factor : ua.factor / ub.factor;
            return u;
        }
        case op::pow:
            dimensionless_arg(b, at(b).pos, "^ (the exponent)");
            if (ua.known && !ua.dimension.dimensionless())
                fail(pos, "cannot raise " + ua.text() + " to a power", "a dimensionless base");
            return ua.known ? dimensionless() : unknown();
        case op::eq:
        case op::ne:
        case op::lt:
        case op::le:
        case op::gt:
        case op::ge: same_unit(a, b, pos, "compare"); return dimensionless();
        default: return dimensionless();
    }
}

formula_unit unit_inference::of_call(op k, const char* fn, const std::vector<std::uint32_t>& args) const {
    switch (k) {
        case op::select: same_unit(args[1], args[2], at(args[2]).pos, "choose between"); return join(args[1], args[2]);
        case op::isnull:
        case op::agg_count:
        case op::index_fn: return dimensionless();
        case op::coalesce:
        case op::greatest:
        case op::least:
        case op::min2:
        case op::max2: {  // values compared with each other: one unit
            for (std::size_t i = 1; i < args.size(); ++i) same_unit(args[0], args[i], at(args[i]).pos, "compare");
            formula_unit u = unknown();
            for (auto a : args)
                if (at(a).unit.known) u = at(a).unit;
            return u;
        }
        case op::sqrt:
            if (at(args[0]).unit.known && !at(args[0]).unit.dimension.dimensionless())
                fail(at(args[0]).pos, "sqrt() needs a dimensionless argument, not " + at(args[0]).unit.text(),
                     "a dimensionless value");
            return at(args[0]).unit.known ? dimensionless() : unknown();
        case op::ln:
        case op::log10:
        case op::exp:
            dimensionless_arg(args[0], at(args[0]).pos, fn);
            return at(args[0]).unit.known ? dimensionless() : unknown();
        default: return at(args[0]).unit;  // abs, floor, ceil, round, aggregates, previous, ytd
    }
}

}  // namespace detail
}  // namespace kinerja
