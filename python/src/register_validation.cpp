// SPDX-License-Identifier: Apache-2.0
// Validation rules as data (validation.hpp): rule files, rule sets and their findings.
#include "register.hpp"

#include <kinerja/validation.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace kinerja::python {

namespace {

py::object opt_str(const std::string& s) { return s.empty() ? py::object(py::none()) : py::object(to_str(s)); }

}  // namespace

void register_validation(py::module_& m) {
    py::class_<validation_rule>(m, "Rule", "One validation rule of a rule file (see docs/validation.md).")
        .def_readonly("id", &validation_rule::id)
        .def_property_readonly("description", [](const validation_rule& r) { return opt_str(r.description); })
        .def_property_readonly("scope", [](const validation_rule& r) { return std::string(to_string(r.scope)); })
        .def_property_readonly("levels",
                               [](const validation_rule& r) {
                                   std::vector<std::string> out;
                                   for (node_level l : r.levels) out.emplace_back(to_string(l));
                                   return out;
                               })
        .def_property_readonly("unit", [](const validation_rule& r) { return opt_str(r.unit); })
        .def_readonly("left", &validation_rule::left)
        .def_property_readonly("op", [](const validation_rule& r) { return std::string(to_string(r.op)); })
        .def_readonly("right", &validation_rule::right)
        .def_property_readonly("when", [](const validation_rule& r) { return opt_str(r.when); })
        .def_property_readonly("severity", [](const validation_rule& r) { return std::string(to_string(r.severity)); })
        .def_readonly("message", &validation_rule::message)
        .def_property_readonly("years",
                               [](const validation_rule& r) {
                                   py::list out;
                                   for (period_year y : r.years) out.append(year_key(y));
                                   return out;
                               })
        .def_property_readonly("location", [](const validation_rule& r) { return r.location.to_string(); })
        .def("__repr__", [](const validation_rule& r) {
            return "Rule('" + r.id + "', " + r.left + " " + std::string(to_string(r.op)) + " " + r.right + ")";
        });

    py::class_<rule_set>(m, "RuleSet", "Validation rules loaded from rule files (kinerja.load_rules).")
        .def(py::init<>())
        .def_property_readonly("rules", &rule_set::rules)
        .def_property_readonly("ids",
                               [](const rule_set& s) {
                                   std::vector<std::string> out;
                                   for (const auto& r : s.rules()) out.push_back(r.id);
                                   return out;
                               })
        .def_property_readonly("files", &rule_set::files)
        .def(
            "find",
            [](const rule_set& s, const std::string& id) -> py::object {
                const validation_rule* r = s.find(id);
                return r ? py::cast(*r) : py::none();
            },
            py::arg("id"))
        .def("merge", &rule_set::merge, py::arg("other"), release_gil())
        .def("__len__", &rule_set::size)
        .def("__contains__", [](const rule_set& s, const std::string& id) { return s.find(id) != nullptr; })
        .def("__iter__", [](const rule_set& s) { return py::iter(py::cast(s.rules())); })
        .def("__repr__", [](const rule_set& s) {
            std::string ids;
            for (const auto& r : s.rules()) ids += (ids.empty() ? "" : ", ") + r.id;
            return "RuleSet([" + ids + "])";
        });

    m.def("load_rules", &load_rules, py::arg("path"), release_gil());
    m.def("parse_rules", &parse_rules, py::arg("text"), py::arg("file") = "<string>", release_gil());
    m.def("standard_rules_path", &standard_rules_path);
    m.def(
        "apply_rules",
        [](const plan& p, const rule_set& rules, const std::vector<std::string>& only, bool include_history) {
            validation_options o;
            o.rules.insert(only.begin(), only.end());
            o.include_history = include_history;
            return apply_rules(p, rules, o);
        },
        py::arg("plan"), py::arg("rules"), py::arg("only") = std::vector<std::string>{},
        py::arg("include_history") = true, release_gil());
    m.def(
        "rule_quantities",
        [](const std::string& scope) {
            if (scope != "node" && scope != "indicator")
                throw py::value_error("scope is \"node\" or \"indicator\", got \"" + scope + "\"");
            py::list out;
            for (const quantity_info& q : scope == "node" ? node_quantities() : indicator_quantities()) {
                py::dict d;
                d["name"] = q.name;
                d["unit"] = q.unit;
                d["yearly"] = q.yearly;
                d["description"] = q.description;
                out.append(d);
            }
            return out;
        },
        py::arg("scope"));
}

}  // namespace kinerja::python
