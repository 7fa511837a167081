// SPDX-License-Identifier: Apache-2.0
// The formula catalog (use kinerja.catalog): catalogs, entries and the test-vector runner.
#include "register.hpp"

#include <kinerja/catalog.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace kinerja::python {

namespace {

py::tuple where(const location& l) { return py::make_tuple(l.file.str(), l.line, l.column); }

py::object optional_float(const std::optional<double>& v) { return v ? py::object(py::float_(*v)) : py::none(); }

py::dict vector_dict(const test_vector& t) {
    py::dict inputs;
    for (const auto& [name, v] : t.inputs) inputs[to_str(name)] = optional_float(v);
    py::dict d;
    d["inputs"] = inputs;
    d["expected"] = optional_float(t.expected);
    d["reason"] = t.expected ? py::object(py::none()) : py::object(py::str(std::string(to_string(t.reason))));
    d["tolerance"] = optional_float(t.tolerance);
    d["location"] = where(t.location);
    return d;
}

py::dict result_dict(const vector_result& r) {
    py::dict d;
    d["entry"] = r.entry;
    d["index"] = r.index;
    d["expected"] = optional_float(r.expected);
    d["actual"] = optional_float(r.actual);
    d["expected_reason"] = std::string(to_string(r.expected_reason));
    d["actual_reason"] = std::string(to_string(r.actual_reason));
    d["passed"] = r.passed;
    d["message"] = r.message;
    d["location"] = where(r.location);
    return d;
}

py::list results_list(const std::vector<vector_result>& rs) {
    py::list out;
    for (const auto& r : rs) out.append(result_dict(r));
    return out;
}

}  // namespace

void register_catalog(py::module_& m) {
    py::class_<catalog_entry>(m, "CatalogEntry", "An indicator definition of a catalog (use kinerja.catalog).")
        .def_readonly("id", &catalog_entry::id)
        .def_property_readonly("name_id", [](const catalog_entry& e) { return e.name.id; })
        .def_property_readonly("name_en", [](const catalog_entry& e) { return e.name.en; })
        .def_readonly("formula", &catalog_entry::formula)
        .def_property_readonly("formula_text", [](const catalog_entry& e) { return e.formula.text(); })
        .def_readonly("unit", &catalog_entry::unit)
        .def_property_readonly("polarity", [](const catalog_entry& e) { return std::string(to_string(e.polarity)); })
        .def_readonly("factor", &catalog_entry::factor)
        .def_property_readonly(
            "variables",
            [](const catalog_entry& e) {
                py::list out;
                for (const catalog_variable& v : e.variables)
                    out.append(py::make_tuple(v.name, v.unit, v.definition.id, v.definition.en, where(v.location)));
                return out;
            },
            "(name, unit, definition_id, definition_en, (file, line, column)) per variable, in file order")
        .def_readonly("regulation", &catalog_entry::regulation)
        .def_readonly("source", &catalog_entry::source)
        .def_readonly("notes", &catalog_entry::notes)
        .def_property_readonly("tests",
                               [](const catalog_entry& e) {
                                   py::list out;
                                   for (const test_vector& t : e.tests) out.append(vector_dict(t));
                                   return out;
                               })
        .def_property_readonly("location", [](const catalog_entry& e) { return where(e.location); })
        .def("run_tests", [](const catalog_entry& e) { return results_list(run_tests(e)); });

    py::class_<catalog>(m, "Catalog", "A formula catalog (use kinerja.catalog).")
        .def(py::init<>())
        .def_static(
            "parse", [](const std::string& text, const std::string& file) { return catalog::parse(text, file); },
            py::arg("text"), py::arg("file") = "<string>", release_gil())
        .def_static(
            "load", [](const std::string& path) { return catalog::load(path); }, py::arg("path"), release_gil())
        .def_static("load_all", &load_catalogs, py::arg("paths"), release_gil())
        .def_property_readonly(
            "entries", [](const catalog& c) { return c.entries(); }, "copies of the entries, in order")
        .def("ids", &catalog::ids)
        .def(
            "find",
            [](const catalog& c, const std::string& id) -> py::object {
                const catalog_entry* e = c.find(id);
                return e ? py::cast(*e) : py::none();
            },
            py::arg("id"))
        .def(
            "get", [](const catalog& c, const std::string& id) { return c.get(id); }, py::arg("id"))
        .def("merge", &catalog::merge, py::arg("other"), release_gil())
        .def("run_tests",
             [](const catalog& c) {
                 std::vector<vector_result> rs;
                 {
                     py::gil_scoped_release release;
                     rs = run_tests(c);
                 }
                 return results_list(rs);
             })
        .def("__len__", &catalog::size);

    m.def("bundled_catalog", &bundled_catalog, release_gil());
    m.def(
        "default_catalog", []() { return *default_catalog(); }, release_gil());
    m.def(
        "set_default_catalog",
        [](const std::optional<catalog>& c) { set_default_catalog(c ? std::make_shared<const catalog>(*c) : nullptr); },
        py::arg("catalog"));
    m.def("bundled_catalog_paths", &bundled_catalog_paths);
}

}  // namespace kinerja::python
