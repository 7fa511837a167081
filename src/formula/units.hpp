// SPDX-License-Identifier: Apache-2.0
// Unit inference, node by node (program.hpp lists the stages): the unit of an operation from its
// operands' units, and the errors of operands whose units cannot meet (kinerja.formula.unit). The
// parser asks it for the unit of each node as it builds the node. Private to src/formula.
#ifndef KINERJA_SRC_FORMULA_UNITS_HPP
#define KINERJA_SRC_FORMULA_UNITS_HPP

#include "program.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {
class unit_registry;
namespace detail {

struct unit_inference {
    std::string_view text;           // the formula, for the errors' positions
    const std::vector<node>& nodes;  // the nodes built so far (operands are indices into it)

    // A unit that is not known (literals, variables without a declared unit): it takes the
    // other operand's unit where one is needed.
    static formula_unit unknown() { return formula_unit{}; }
    // A pure number, scaled by `factor` (a percent is 1/100).
    static formula_unit dimensionless(double factor = 1.0);

    // The unit a plan or catalog declares for a variable (`units`, read through `registry`), or
    // unknown when none is declared. Throws lookup_error naming the variable for an unknown unit.
    static formula_unit of_variable(const std::string& name, const std::map<std::string, std::string>& units,
                                    const unit_registry& registry);
    // The unit of `a k b` (arithmetic, power, comparison, logic); throws formula_error
    // (kinerja.formula.unit) at `pos` when the operands' units cannot meet.
    formula_unit of_binary(op k, std::uint32_t a, std::uint32_t b, std::size_t pos) const;
    // The unit of a function call `fn(args...)` of kind `k` (after min/max of one variable became
    // aggregates); throws formula_error at the argument whose unit does not fit.
    formula_unit of_call(op k, const char* fn, const std::vector<std::uint32_t>& args) const;

private:
    const node& at(std::uint32_t i) const { return nodes[i]; }
    [[noreturn]] void fail(std::size_t pos, const std::string& why, const std::string& expected) const;
    void same_unit(std::uint32_t a, std::uint32_t b, std::size_t pos, const char* what) const;
    formula_unit join(std::uint32_t a, std::uint32_t b) const;
    void dimensionless_arg(std::uint32_t a, std::size_t pos, const char* fn) const;
};

}  // namespace detail
}  // namespace kinerja

#endif
