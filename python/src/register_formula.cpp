// SPDX-License-Identifier: Apache-2.0
// The formula language: compile once, evaluate on scalars or whole numpy columns (GIL released).
#include "register.hpp"

#include <kinerja/formula.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace kinerja::python {

namespace {

using array = py::array_t<double, py::array::c_style | py::array::forcecast>;
using index_array = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;

missing_strategy strategy_from(const std::string& s) {
    if (s == "propagate") return missing_strategy::propagate;
    if (s == "zero") return missing_strategy::zero;
    throw py::value_error("missing is \"propagate\" or \"zero\", got \"" + s + "\"");
}

struct column_data {
    formula_columns columns;
    std::vector<array> keep;  // keeps the (possibly converted) arrays alive
    index_array group, year;
};

column_data columns_from(const std::vector<std::string>& names, const std::vector<array>& arrays,
                         const std::optional<index_array>& group, const std::optional<index_array>& year) {
    if (names.size() != arrays.size()) throw py::value_error("names and arrays differ in length");
    column_data d;
    d.keep = arrays;
    std::optional<py::ssize_t> rows;
    for (std::size_t i = 0; i < arrays.size(); ++i) {
        const array& a = d.keep[i];
        if (a.ndim() != 1) throw py::value_error("column \"" + names[i] + "\" is not one-dimensional");
        if (rows && *rows != a.shape(0))
            throw py::value_error("column \"" + names[i] + "\" has " + std::to_string(a.shape(0)) +
                                  " rows, the others " + std::to_string(*rows));
        rows = a.shape(0);
        d.columns.add(names[i], a.data());
    }
    d.columns.rows = static_cast<std::size_t>(rows.value_or(0));
    if (group) {
        d.group = *group;
        if (d.group.size() != static_cast<py::ssize_t>(d.columns.rows))
            throw py::value_error("group has the wrong length");
        d.columns.group = d.group.data();
    }
    if (year) {
        d.year = *year;
        if (d.year.size() != static_cast<py::ssize_t>(d.columns.rows))
            throw py::value_error("year has the wrong length");
        d.columns.year = d.year.data();
    }
    return d;
}

}  // namespace

void register_formula(py::module_& m) {
    py::class_<formula>(m, "Formula", "A compiled formula (use kinerja.Formula).")
        .def(py::init([](const std::string& text, const std::map<std::string, std::string>& units,
                         const std::string& missing, std::size_t max_length, std::size_t max_depth) {
                 formula_options o;
                 o.missing = strategy_from(missing);
                 o.max_length = max_length;
                 o.max_depth = max_depth;
                 return formula::compile(text, units, o);
             }),
             py::arg("text"), py::arg("units") = std::map<std::string, std::string>{}, py::arg("missing") = "propagate",
             py::arg("max_length") = 10000, py::arg("max_depth") = 200)
        .def_property_readonly("text", &formula::text)
        .def_property_readonly("variables", &formula::variables)
        .def_property_readonly("unit", [](const formula& f) { return f.unit().text(); })
        .def_property_readonly("unit_known", [](const formula& f) { return f.unit().known; })
        .def_property_readonly("dimension", [](const formula& f) { return f.unit().dimension.to_string(); })
        .def_property_readonly(
            "missing",
            [](const formula& f) {
                return std::string(f.options().missing == missing_strategy::zero ? "zero" : "propagate");
            })
        .def(
            "evaluate_scalar",
            [](const formula& f, const std::map<std::string, double>& values) {
                const formula_result r = f.evaluate(values);
                return py::make_tuple(r.value ? py::object(py::float_(*r.value)) : py::none(),
                                      std::string(to_string(r.reason)));
            },
            py::arg("values"))
        .def(
            "evaluate_columns",
            [](const formula& f, const std::vector<std::string>& names, const std::vector<array>& arrays,
               const std::optional<index_array>& group, const std::optional<index_array>& year, unsigned threads,
               const py::object& target) {
                column_data d = columns_from(names, arrays, group, year);
                py::array_t<double> out;
                if (target.is_none()) {
                    out = array(static_cast<py::ssize_t>(d.columns.rows));
                } else {
                    // write into the caller's array: float64, contiguous, writable, one value per row
                    out = target.cast<py::array_t<double>>();
                    if (!py::isinstance<py::array_t<double>>(target) || out.ndim() != 1 ||
                        out.shape(0) != static_cast<py::ssize_t>(d.columns.rows) ||
                        !(out.flags() & py::array::c_style) || !out.writeable())
                        throw py::value_error("out must be a writable, contiguous float64 array of " +
                                              std::to_string(d.columns.rows) + " values");
                }
                double* o = out.mutable_data();
                eval_options eo;
                eo.threads = threads;
                {
                    py::gil_scoped_release release;
                    f.evaluate(d.columns, o, eo);
                }
                return out;
            },
            py::arg("names"), py::arg("arrays"), py::arg("group") = py::none(), py::arg("year") = py::none(),
            py::arg("threads") = 0, py::arg("out") = py::none())
        .def(
            "diagnose_columns",
            [](const formula& f, const std::vector<std::string>& names, const std::vector<array>& arrays,
               const std::optional<index_array>& group, const std::optional<index_array>& year) {
                column_data d = columns_from(names, arrays, group, year);
                std::vector<std::string> out;
                std::vector<missing_reason> reasons;
                {
                    py::gil_scoped_release release;
                    reasons = f.diagnose(d.columns);
                }
                for (missing_reason r : reasons) out.emplace_back(to_string(r));
                return out;
            },
            py::arg("names"), py::arg("arrays"), py::arg("group") = py::none(), py::arg("year") = py::none())
        .def("__repr__",
             [](const formula& f) { return "Formula(" + py::repr(to_str(f.text())).cast<std::string>() + ")"; });
}

}  // namespace kinerja::python
