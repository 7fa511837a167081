// SPDX-License-Identifier: Apache-2.0
// Numbers, typed values and the unit registry.
#include "register.hpp"

#include <kinerja/audit.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/io.hpp>
#include <kinerja/number.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/value.hpp>

#include <pybind11/operators.h>
#include <pybind11/stl.h>

#include <sstream>

namespace py = pybind11;

namespace kinerja::python {

namespace {

number_context::ambiguous_policy policy_from(const std::string& name) {
    const std::string k = detail::fold(name);
    if (k == "reject") return number_context::ambiguous_policy::reject;
    if (k == "grouping" || k == "thousands") return number_context::ambiguous_policy::grouping;
    if (k == "decimal") return number_context::ambiguous_policy::decimal;
    throw lookup_error("kinerja.lookup.ambiguous_policy", name,
                       "unknown policy \"" + name + "\"; use \"reject\", \"grouping\" or \"decimal\"");
}

value_kind kind_from(const std::string& name) {
    for (value_kind k : {value_kind::missing, value_kind::number, value_kind::percent, value_kind::ratio,
                         value_kind::grade, value_kind::predicate, value_kind::count, value_kind::money,
                         value_kind::placeholder, value_kind::spreadsheet_error, value_kind::bound, value_kind::range})
        if (to_string(k) == detail::fold(name)) return k;
    throw lookup_error("kinerja.lookup.kind", name, "unknown value kind \"" + name + "\"");
}

py::object none_if_empty(const std::string& s) { return s.empty() ? py::none() : py::object(to_str(s)); }

// An exact number for Python: an int when it is whole (money in Rupiah), else a decimal.Decimal.
py::object exact_object(const decimal& d) {
    std::string text = d.to_string();
    if (d.is_integer()) {
        text = text.substr(0, text.find('.'));
        return py::module_::import("builtins").attr("int")(text);
    }
    return py::module_::import("decimal").attr("Decimal")(text);
}

// A Python int or Decimal (as text from str()/format(x, "f")) as an exact decimal.
decimal exact_from(const std::string& plain) {
    const auto d = decimal::from_string(plain);
    if (!d)
        throw argument_error("kinerja.argument.amount_range",
                             plain +
                                 " lies outside the exact range of 18 digits (at most 999,999,999,999,999,999, "
                                 "and at most 18 digits after the decimal mark)");
    return *d;
}

std::string repr(const value& v) {
    std::ostringstream o;
    o << "Value(kind='" << to_string(v.kind) << "'";
    if (v.number) o << ", number=" << py::repr(py::float_(*v.number)).cast<std::string>();
    if (!v.unit.empty()) o << ", unit='" << v.unit << "'";
    if (v.per) o << ", per=" << *v.per;
    if (!v.grade.empty()) o << ", grade='" << v.grade << "'";
    if (!v.level.empty() && v.level != v.grade) o << ", level='" << v.level << "'";
    if (!v.scale.empty()) o << ", scale='" << v.scale << "'";
    if (v.relation != bound_relation::none) o << ", relation='" << to_string(v.relation) << "'";
    if (v.upper) o << ", upper=" << py::repr(py::float_(*v.upper)).cast<std::string>();
    if (!v.text.empty()) o << ", text=" << py::repr(to_str(v.text)).cast<std::string>();
    o << ")";
    return o.str();
}

}  // namespace

void register_values(py::module_& m) {
    py::class_<parsed_number>(m, "ParsedNumber", "A number read from text, with its printed precision.")
        .def_readonly("value", &parsed_number::value)
        .def_readonly("decimals", &parsed_number::decimals, "digits printed after the decimal mark")
        .def_property_readonly("convention",
                               [](const parsed_number& n) -> py::object {
                                   if (!n.written_in) return py::none();
                                   return py::str(std::string(to_string(*n.written_in)));
                               })
        .def("half_unit", &parsed_number::half_unit)
        .def_property_readonly(
            "exact", [](const parsed_number& n) { return exact_object(n.exact); },
            "the number exactly as printed: an int when whole, else a decimal.Decimal")
        .def("__float__", [](const parsed_number& n) { return n.value; })
        .def("__repr__", [](const parsed_number& n) {
            return "ParsedNumber(value=" + py::repr(py::float_(n.value)).cast<std::string>() +
                   ", decimals=" + std::to_string(n.decimals) + ")";
        });

    m.def(
        "parse_number",
        [](const std::string& text, const std::string& ambiguous, std::optional<double> minimum,
           std::optional<double> maximum, const std::optional<std::string>& printed_in) {
            std::optional<convention> conv;
            if (printed_in) conv = convention_from_string(*printed_in);
            return parse_number(text, number_context{policy_from(ambiguous), minimum, maximum, conv});
        },
        py::arg("text"), py::arg("ambiguous") = "reject", py::arg("minimum") = py::none(),
        py::arg("maximum") = py::none(), py::arg("convention") = py::none());
    m.def(
        "format_number",
        [](double v, const std::string& conv, int decimals, bool group) {
            return format_number(v, convention_from_string(conv), decimals, group);
        },
        py::arg("value"), py::arg("convention") = "indonesian", py::arg("decimals") = 2, py::arg("group") = true);
    m.def(
        "format_exact",
        [](const std::string& plain, const std::string& conv, int decimals, bool group) {
            return format_number(exact_from(plain), convention_from_string(conv), decimals, group);
        },
        py::arg("plain"), py::arg("convention") = "indonesian", py::arg("decimals") = 2, py::arg("group") = true);

    py::class_<value>(m, "Value", "A typed value as printed in a plan (see kinerja.parse_value).")
        .def_property_readonly("kind", [](const value& v) { return std::string(to_string(v.kind)); })
        .def_readonly("number", &value::number)
        .def_property_readonly(
            "exact",
            [](const value& v) -> py::object {
                if (!v.exact) return py::none();
                return exact_object(*v.exact);
            },
            "the number exactly as printed (money as an int of Rupiah), None without a number")
        .def_readonly("decimals", &value::decimals)
        .def_readonly("unrounded", &value::unrounded,
                      "True for a number given, not printed: exact, with no interval of precision around it")
        .def_property_readonly("unit", [](const value& v) { return none_if_empty(v.unit); })
        .def_readonly("per", &value::per)
        .def_property_readonly("grade", [](const value& v) { return none_if_empty(v.grade); })
        .def_property_readonly("level", [](const value& v) { return none_if_empty(v.level); })
        .def_property_readonly("scale", [](const value& v) { return none_if_empty(v.scale); })
        .def_readonly("text", &value::text)
        .def_property_readonly(
            "relation", [](const value& v) { return none_if_empty(std::string(to_string(v.relation))); },
            "for a bound: '<', '\u2264', '>' or '\u2265'; None otherwise")
        .def_readonly("upper", &value::upper, "for a range: its upper end (number is its lower end)")
        .def_property_readonly(
            "bounded",
            [](const value& v) -> py::object {
                if (v.kind != value_kind::bound && v.kind != value_kind::range) return py::none();
                return py::str(std::string(to_string(v.bounded)));
            },
            "for a bound or range: the kind of its numbers ('percent' for '> 90%'); None otherwise")
        .def_property_readonly("convention",
                               [](const value& v) -> py::object {
                                   if (!v.written_in) return py::none();
                                   return py::str(std::string(to_string(*v.written_in)));
                               })
        .def_property_readonly("is_missing", &value::is_missing)
        .def("half_unit", &value::half_unit)
        .def(
            "format",
            [](const value& v, const std::string& conv, std::optional<int> decimals) {
                return format_value(v, convention_from_string(conv), decimals);
            },
            py::arg("convention") = "indonesian", py::arg("decimals") = py::none())
        .def("__repr__", &repr)
        .def("__str__", [](const value& v) { return to_string(v); })
        .def(py::self == py::self)
        .def(py::self != py::self)
        .def("__hash__",
             [](const value& v) {
                 return py::hash(py::make_tuple(std::string(to_string(v.kind)), v.number, v.decimals, v.unit, v.per,
                                                v.grade, v.level, v.scale));
             })
        .def(py::pickle(
            [](const value& v) {
                return py::make_tuple(std::string(to_string(v.kind)), v.number, v.decimals, v.unit, v.per, v.grade,
                                      v.level, v.scale, v.text,
                                      v.exact ? py::object(py::str(v.exact->to_string())) : py::none(),
                                      static_cast<int>(v.relation), v.upper, std::string(to_string(v.bounded)));
            },
            [](const py::tuple& t) {
                if (t.size() != 9 && t.size() != 10 && t.size() != 13)
                    throw std::runtime_error("invalid pickled kinerja.Value");
                value v;
                v.kind = kind_from(t[0].cast<std::string>());
                v.number = t[1].cast<std::optional<double>>();
                v.decimals = t[2].cast<int>();
                v.unit = t[3].cast<std::string>();
                v.per = t[4].cast<std::optional<double>>();
                v.grade = t[5].cast<std::string>();
                v.level = t[6].cast<std::string>();
                v.scale = t[7].cast<std::string>();
                v.text = t[8].cast<std::string>();
                if (t.size() >= 10 && !t[9].is_none()) v.exact = exact_from(t[9].cast<std::string>());
                if (t.size() == 13) {
                    const int r = t[10].cast<int>();
                    if (r < 0 || r > static_cast<int>(bound_relation::at_least))
                        throw std::runtime_error("invalid pickled kinerja.Value");
                    v.relation = static_cast<bound_relation>(r);
                    v.upper = t[11].cast<std::optional<double>>();
                    v.bounded = kind_from(t[12].cast<std::string>());
                }
                return v;
            }));

    m.def(
        "parse_value",
        [](const std::string& text, const std::optional<std::string>& context,
           const std::optional<std::string>& printed_in) {
            std::optional<convention> conv;
            if (printed_in) conv = convention_from_string(*printed_in);
            return parse_value(text, context.value_or(""), default_units(), default_scales(), conv);
        },
        py::arg("text"), py::arg("context") = py::none(), py::arg("convention") = py::none());
    m.def("parse_reported_achievement", &parse_reported_achievement, py::arg("text"));
    m.def(
        "marker_kind",
        [](const std::string& text) -> py::object {
            const auto k = marker_kind(text);
            if (!k) return py::none();
            return py::str(std::string(to_string(*k)));
        },
        py::arg("text"));
    py::class_<target_check>(m, "TargetCheck", "A bound or range target checked against a realization.")
        .def_property_readonly("status", [](const target_check& c) { return none_if_empty(c.status); })
        .def_readonly("distance", &target_check::distance)
        .def_readonly("explanation", &target_check::explanation)
        .def("__repr__", [](const target_check& c) {
            return "TargetCheck(status=" + (c.status.empty() ? std::string("None") : "'" + c.status + "'") +
                   ", distance=" + (c.distance ? py::repr(py::float_(*c.distance)).cast<std::string>() : "None") + ")";
        });
    m.def("check_target", &check_target, py::arg("target"), py::arg("realization"));
    m.def(
        "make_value",
        [](double number, const std::optional<std::string>& unit, int decimals) {
            return make_value(number, unit.value_or(""), decimals);
        },
        py::arg("number"), py::arg("unit") = py::none(), py::arg("decimals") = -1);
    m.def("missing_value", &missing_value);
    m.def(
        "format_value",
        [](const value& v, const std::string& conv, std::optional<int> decimals) {
            return format_value(v, convention_from_string(conv), decimals);
        },
        py::arg("value"), py::arg("convention") = "indonesian", py::arg("decimals") = py::none());

    py::class_<unit_info>(m, "UnitInfo", "What a satuan (unit) word means.")
        .def_readonly("name", &unit_info::name)
        .def_property_readonly("kind", [](const unit_info& u) { return std::string(to_string(u.kind)); })
        .def_property_readonly("dimension", [](const unit_info& u) { return u.dimension.to_string(); })
        .def_readonly("factor", &unit_info::factor)
        .def_readonly("description", &unit_info::description)
        .def("__repr__", [](const unit_info& u) {
            return "UnitInfo(name='" + u.name + "', kind='" + std::string(to_string(u.kind)) + "', dimension='" +
                   u.dimension.to_string() + "', factor=" + py::repr(py::float_(u.factor)).cast<std::string>() + ")";
        });
    m.def(
        "unit_info",
        [](const std::string& word) {
            if (auto u = default_units().lookup(word)) return *u;  // also rates and compounds
            return default_units().get(word);                      // raises, naming the nearest words
        },
        py::arg("word"));
    m.def("unit_words", []() { return default_units().words(); });
    m.def(
        "nearest_units",
        [](const std::string& word, std::size_t count) { return default_units().nearest(word, count); },
        py::arg("word"), py::arg("count") = 3);
    m.def(
        "load_units",
        [](const std::string& path) {
            std::vector<std::string> names;
            for (const unit_declaration& d : load_unit_declarations(path)) {
                default_units().declare(d);
                names.push_back(d.name);
            }
            return names;
        },
        py::arg("path"));
    m.def(
        "register_unit",
        [](const std::string& name, const std::string& kind, int money, int person, int item, int time, double factor,
           const std::vector<std::string>& aliases, const std::string& ambiguous, std::optional<double> minimum,
           std::optional<double> maximum, const std::string& description, bool replace, int length, int mass) {
            unit_info u;
            u.name = name;
            u.kind = kind_from(kind);
            u.dimension = dimension{money, person, item, time, length, mass};
            u.factor = factor;
            u.numbers = number_context{policy_from(ambiguous), minimum, maximum, std::nullopt};
            u.description = description;
            default_units().add(u, aliases, replace);
        },
        py::arg("name"), py::arg("kind"), py::arg("money") = 0, py::arg("person") = 0, py::arg("item") = 0,
        py::arg("time") = 0, py::arg("factor") = 1.0, py::arg("aliases") = std::vector<std::string>{},
        py::arg("ambiguous") = "reject", py::arg("minimum") = py::none(), py::arg("maximum") = py::none(),
        py::arg("description") = "", py::arg("replace") = false, py::arg("length") = 0, py::arg("mass") = 0);
}

}  // namespace kinerja::python
