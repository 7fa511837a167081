// SPDX-License-Identifier: Apache-2.0
// Private to the formula implementation (src/formula/*.cpp, src/formula.cpp): the syntax tree,
// the compiled program and the stages that make and run it. Reading order:
//   lex.cpp       text -> tokens (lex.hpp)
//   parse.cpp     tokens -> syntax tree (recursive descent), each node's unit from units.cpp
//   units.cpp     unit inference: the unit of each operation, and operands that cannot meet
//   codegen.cpp   syntax tree -> program of column operations (fusion, register allocation)
//   columns.cpp   input columns bound to the program's variables (previous/ytd columns)
//   kernels.cpp   the program run block by block over the bound columns
//   scalar.cpp    one row evaluated from the syntax tree, saying why a result is missing
//   ops.hpp       what each operator computes: the one definition the kernels and the scalar
//                 evaluator share
#pragma once

#include <kinerja/formula.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {
namespace detail {

// ============================================================================ syntax tree

enum class op : std::uint8_t {
    constant,
    variable,
    neg,
    add,
    sub,
    mul,
    div,
    pow,
    eq,
    ne,
    lt,
    le,
    gt,
    ge,
    and_,
    or_,
    not_,
    select,
    isnull,
    coalesce,
    greatest,
    least,
    min2,
    max2,
    abs,
    round,
    floor,
    ceil,
    sqrt,
    ln,
    log10,
    exp,
    agg_sum,
    agg_mean,
    agg_min,
    agg_max,
    agg_count,
    previous,
    ytd,
    index_fn
};

// The composite indices of indices.hpp, callable from formulas (functions.cpp). Arguments are
// dimensionless numbers as the index expects them (docs/indices.md); invalid inputs give a missing
// result.
struct index_function {
    const char* name;
    int min_args;
    int max_args;
    double (*fn)(const double*, int);
};
extern const index_function index_functions[];
extern const std::size_t index_function_count;

// Calls an index function on one row; missing, infinite or invalid inputs give NaN.
double call_index(std::uint32_t which, const double* args, int n);

struct filter {
    std::string dim;
    std::optional<std::string> value;  // empty: "has the dimension"
};

struct node {
    op kind = op::constant;
    double value = 0.0;
    std::string name;             // variable family
    std::vector<filter> filters;  // for variables
    std::vector<std::uint32_t> args;
    std::size_t pos = 0;
    formula_unit unit;  // known=false: polymorphic (literals, unitless variables)
    bool literal = false;
    std::uint32_t index = 0;  // which index function (op::index_fn)
    std::size_t depth = 1;    // height of the subtree, bounded to keep recursion shallow
};

// ============================================================================ program

struct slot {  // a reference to input columns, resolved at evaluation time
    std::string family;
    std::vector<filter> filters;
    bool many = false;          // aggregate: any number of columns
    op derived = op::constant;  // previous or ytd: a column computed before the blocks
};

struct operand {
    enum kind_t : std::uint8_t { none, reg, col, cst } kind = none;  // none: an operation's unused operand
    std::uint32_t index = 0;
};

struct instr {
    op kind;
    std::uint32_t dst;
    operand a, b, c;
    std::uint32_t slot = 0;  // aggregates
    // A fused second step: dst = then(kind(a, b), c) with c a constant, when the compiler found
    // an arithmetic operation whose only use is another one with a constant (x / y * 100).
    op then = op::constant;
    bool then_const_left = false;  // c then(...) instead of (...) then c
    std::vector<operand> more;     // index functions: all arguments
    std::uint32_t index = 0;
};

struct program {
    std::string text;
    std::vector<std::string> variables;
    formula_unit unit;
    formula_options options;
    std::vector<node> nodes;
    std::uint32_t root = 0;
    std::vector<slot> slots;
    std::vector<double> constants;
    std::vector<instr> code;
    std::uint32_t registers = 0;
    operand result;
};

// Rows per block: the kernels run over `block` rows at a time, in registers of that size.
constexpr std::size_t block = 8192;

// The four arithmetic operations (the ones the kernels run in a fast and a checked mode).
inline bool arithmetic(op k) { return k == op::add || k == op::sub || k == op::mul || k == op::div; }

// ============================================================================ stages

// Parses `text` into p.nodes (units inferred against `units` and `registry`, variables listed in
// p.variables) and returns the root node. Throws formula_error with the position.
std::uint32_t parse(std::string_view text, program& p, const std::map<std::string, std::string>& units,
                    const unit_registry& registry);

// Compiles p.nodes from p.root into p.code, fuses pairs of arithmetic steps and allocates the
// registers (p.result, p.registers, p.slots, p.constants).
void generate(program& p);

// A column name split into its family and labels: "x[sex=F, age=\"0-4\"]".
struct column_name {
    std::string family;
    std::vector<std::pair<std::string, std::string>> labels;
};
column_name split_column(const std::string& name);
bool matches(const column_name& c, const slot& s);
std::string describe(const slot& s);
// Throws kinerja.argument.formula_data naming every variable of `p` that none of `names` matches.
void require_variables(const program& p, const std::vector<column_name>& names);

// The input columns of each slot of a program (and the previous()/ytd() columns made from them).
struct bound {
    std::vector<const double*> single;
    std::vector<std::vector<const double*>> many;
    std::vector<std::vector<double>> derived;  // previous()/ytd() columns
};
bound bind(const program& p, const formula_columns& cols);

// Evaluates rows [from, to) of the bound columns into out[from..to).
void evaluate_rows(const program& p, const bound& b, double* out, std::size_t from, std::size_t to);

// Evaluates one row from the syntax tree: from `values` (name -> value), or from row `row` of
// `cols` as bound in `binding`. Sets `reason` to why the result is missing, if it is.
double evaluate_scalar(const program& p, const std::map<std::string, double>* values, const formula_columns* cols,
                       const bound* binding, std::size_t row, missing_reason& reason);

}  // namespace detail
}  // namespace kinerja
