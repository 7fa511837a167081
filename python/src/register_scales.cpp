// SPDX-License-Identifier: Apache-2.0
// Ordinal scales and their registry.
#include "register.hpp"

#include <kinerja/scale.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace kinerja::python {

void register_scales(py::module_& m) {
    py::class_<band>(m, "Band", "A score interval with explicit inclusion of each edge.")
        .def(py::init([](double lower, double upper, bool lower_inclusive, bool upper_inclusive) {
                 return band{lower, upper, lower_inclusive, upper_inclusive};
             }),
             py::arg("lower"), py::arg("upper"), py::arg("lower_inclusive") = true, py::arg("upper_inclusive") = false)
        .def_static("parse", &band::parse, py::arg("text"))
        .def_readonly("lower", &band::lower)
        .def_readonly("upper", &band::upper)
        .def_readonly("lower_inclusive", &band::lower_inclusive)
        .def_readonly("upper_inclusive", &band::upper_inclusive)
        .def("__contains__", &band::contains)
        .def("contains", &band::contains, py::arg("score"))
        .def("__str__", &band::to_string)
        .def("__repr__", [](const band& b) { return "Band('" + b.to_string() + "')"; });

    py::class_<level>(m, "Level", "A level of an ordinal scale.")
        .def(py::init([](std::string name, std::optional<band> b, std::vector<std::string> aliases) {
                 return level{std::move(name), std::move(aliases), b};
             }),
             py::arg("name"), py::arg("band") = py::none(), py::arg("aliases") = std::vector<std::string>{})
        .def_readonly("name", &level::name)
        .def_readonly("aliases", &level::aliases)
        .def_readonly("band", &level::band)
        .def("__repr__", [](const level& l) {
            return "Level('" + l.name + "'" + (l.band ? ", band='" + l.band->to_string() + "'" : std::string()) + ")";
        });

    py::class_<scale>(m, "Scale", "An ordered set of levels, lowest first.")
        .def(py::init<std::string, std::vector<level>, std::string>(), py::arg("name"), py::arg("levels"),
             py::arg("description") = "")
        .def_property_readonly("name", &scale::name)
        .def_property_readonly("description", &scale::description)
        .def_property_readonly("levels", &scale::levels)
        .def_property_readonly("has_bands", &scale::has_bands)
        .def_property_readonly("range", &scale::range)
        .def("position", &scale::position, py::arg("level"))
        .def(
            "classify", [](const scale& s, double score) { return s.classify(score).name; }, py::arg("score"))
        .def("__len__", &scale::size)
        .def("__repr__",
             [](const scale& s) {
                 std::string levels;
                 for (const auto& l : s.levels())
                     levels +=
                         (levels.empty() ? "" : ", ") + l.name + (l.band ? " " + l.band->to_string() : std::string());
                 return "Scale('" + s.name() + "', [" + levels + "])";
             })
        .def("__contains__", [](const scale& s, const std::string& name) { return s.position(name).has_value(); });

    m.def(
        "get_scale", [](const std::string& name) { return default_scales().get(name); }, py::arg("name"));
    m.def("scale_names", []() { return default_scales().names(); });
    m.def(
        "register_scale", [](const scale& s, bool replace) { default_scales().add(s, replace); }, py::arg("scale"),
        py::arg("replace") = false);
    m.def("classify", py::overload_cast<std::string_view, double>(&classify), py::arg("scale_name"), py::arg("score"));
}

}  // namespace kinerja::python
