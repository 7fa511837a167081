// SPDX-License-Identifier: Apache-2.0
// Achievement, absorption, categories, averaging and the audit; array versions release the GIL.
#include "register.hpp"

#include <kinerja/achievement.hpp>
#include <kinerja/audit.hpp>
#include <kinerja/value.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

namespace py = pybind11;

namespace kinerja::python {

namespace {

using array = py::array_t<double, py::array::c_style | py::array::forcecast>;

achievement_options make_options(const std::string& pol, const std::optional<std::string>& meth, const std::string& rnd,
                                 int decimals, std::optional<double> cap) {
    achievement_options o;
    o.polarity = polarity_from_string(pol);
    if (meth) o.method = method_from_string(*meth);
    o.rounding = rounding_rule{rounding_from_string(rnd), decimals};
    o.cap = cap;
    (void)o.resolved_method();    // report a mismatch before any work
    (void)o.rounding.apply(0.0);  // and bad decimals
    return o;
}

std::pair<array, array> same_shape(const array& a, const array& b) {
    if (a.ndim() != b.ndim() || !std::equal(a.shape(), a.shape() + a.ndim(), b.shape()))
        throw py::value_error("arrays must have the same shape (broadcast them first)");
    return {a, b};
}

array binary(const array& a, const array& b,
             void (*fn)(const double*, const double*, double*, std::size_t, const void*), const void* ctx) {
    same_shape(a, b);
    array out(std::vector<py::ssize_t>(a.shape(), a.shape() + a.ndim()));
    const double* pa = a.data();
    const double* pb = b.data();
    double* po = out.mutable_data();
    const auto n = static_cast<std::size_t>(a.size());
    {
        py::gil_scoped_release release;
        fn(pa, pb, po, n, ctx);
    }
    return out;
}

}  // namespace

void register_achievement(py::module_& m) {
    py::class_<achievement_result>(m, "AchievementResult",
                                   "Achievement of two printed values, with how it was obtained.")
        .def_readonly("percent", &achievement_result::percent)
        .def_property_readonly("attainment",
                               [](const achievement_result& r) -> py::object {
                                   if (!r.attainment) return py::none();
                                   return py::str(std::string(to_string(*r.attainment)));
                               })
        .def_property_readonly("polarity",
                               [](const achievement_result& r) { return std::string(to_string(r.polarity)); })
        .def_property_readonly("method", [](const achievement_result& r) { return std::string(to_string(r.method)); })
        .def_readonly("basis", &achievement_result::basis)
        .def_readonly("target", &achievement_result::target)
        .def_readonly("realization", &achievement_result::realization)
        .def("__repr__", [](const achievement_result& r) {
            return "AchievementResult(percent=" + py::repr(py::cast(r.percent)).cast<std::string>() + ", attainment=" +
                   (r.attainment ? "'" + std::string(to_string(*r.attainment)) + "'" : std::string("None")) +
                   ", method='" + std::string(to_string(r.method)) + "', basis='" + r.basis + "')";
        });

    m.def(
        "achievement_scalar",
        [](std::optional<double> t, std::optional<double> r, const std::string& pol,
           const std::optional<std::string>& meth, const std::string& rnd, int decimals,
           std::optional<double> cap) { return achievement(t, r, make_options(pol, meth, rnd, decimals, cap)); },
        py::arg("target"), py::arg("realization"), py::arg("polarity"), py::arg("method"), py::arg("rounding"),
        py::arg("decimals"), py::arg("cap"));
    m.def(
        "achievement_values",
        [](const value& t, const value& r, const std::string& pol, const std::optional<std::string>& meth,
           const std::string& rnd, int decimals,
           std::optional<double> cap) { return achievement(t, r, make_options(pol, meth, rnd, decimals, cap)); },
        py::arg("target"), py::arg("realization"), py::arg("polarity"), py::arg("method"), py::arg("rounding"),
        py::arg("decimals"), py::arg("cap"));
    m.def(
        "achievement_array",
        [](const array& t, const array& r, const std::string& pol, const std::optional<std::string>& meth,
           const std::string& rnd, int decimals, std::optional<double> cap) {
            const achievement_options o = make_options(pol, meth, rnd, decimals, cap);
            return binary(
                t, r,
                [](const double* a, const double* b, double* out, std::size_t n, const void* ctx) {
                    achievement(a, b, out, n, *static_cast<const achievement_options*>(ctx));
                },
                &o);
        },
        py::arg("target"), py::arg("realization"), py::arg("polarity"), py::arg("method"), py::arg("rounding"),
        py::arg("decimals"), py::arg("cap"));

    m.def(
        "absorption_scalar",
        [](std::optional<double> b, std::optional<double> r, const std::string& rnd, int decimals) {
            return absorption(b, r, rounding_rule{rounding_from_string(rnd), decimals});
        },
        py::arg("budget"), py::arg("realized"), py::arg("rounding"), py::arg("decimals"));
    m.def(
        "absorption_array",
        [](const array& b, const array& r, const std::string& rnd, int decimals) {
            const rounding_rule rule{rounding_from_string(rnd), decimals};
            (void)rule.apply(0.0);
            return binary(
                b, r,
                [](const double* a, const double* c, double* out, std::size_t n, const void* ctx) {
                    absorption(a, c, out, n, *static_cast<const rounding_rule*>(ctx));
                },
                &rule);
        },
        py::arg("budget"), py::arg("realized"), py::arg("rounding"), py::arg("decimals"));

    m.def(
        "category",
        [](double x, const std::string& scale_name) { return category(x, default_scales().get(scale_name)); },
        py::arg("achievement"), py::arg("scale") = "capaian");
    m.def("mean_achievement", &mean_achievement, py::arg("achievements"), py::arg("weights") = std::vector<double>{},
          py::arg("skip_missing") = true);

    py::class_<audit_match>(m, "AuditMatch", "One way of computing that reproduces a printed achievement.")
        .def_property_readonly("polarity", [](const audit_match& a) { return std::string(to_string(a.polarity)); })
        .def_property_readonly("method", [](const audit_match& a) { return std::string(to_string(a.method)); })
        .def_readonly("cap", &audit_match::cap)
        .def_property_readonly("rounding", [](const audit_match& a) { return std::string(to_string(a.rounding.mode)); })
        .def_property_readonly("decimals", [](const audit_match& a) { return a.rounding.decimals; })
        .def_property_readonly("scale", [](const audit_match& a) { return std::string(to_string(a.scale)); })
        .def_readonly("exact", &audit_match::exact)
        .def("describe", &audit_match::describe)
        .def("__repr__", [](const audit_match& a) { return "AuditMatch('" + a.describe() + "')"; });

    py::class_<audit_result>(m, "AuditResult", "What the audit of a printed achievement found.")
        .def_readonly("consistent", &audit_result::consistent)
        .def_readonly("expected", &audit_result::expected)
        .def_readonly("reported", &audit_result::reported)
        .def_property_readonly("scale", [](const audit_result& a) { return std::string(to_string(a.scale)); })
        .def_readonly("methods", &audit_result::methods)
        .def_readonly("matches", &audit_result::matches)
        .def_readonly("basis", &audit_result::basis)
        .def_readonly("explanation", &audit_result::explanation)
        .def("__repr__", [](const audit_result& a) {
            std::string methods;
            for (const auto& s : a.methods) methods += (methods.empty() ? "'" : ", '") + s + "'";
            return "AuditResult(consistent=" + py::repr(py::cast(a.consistent)).cast<std::string>() +
                   ", expected=" + py::repr(py::cast(a.expected)).cast<std::string>() + ", scale='" +
                   std::string(to_string(a.scale)) + "', methods=[" + methods + "])";
        });

    m.def(
        "audit",
        [](const value& t, const value& r, const value& reported, const std::optional<std::string>& pol,
           const std::optional<std::string>& scale, bool input_precision) {
            audit_options o;
            if (pol) o.polarity = polarity_from_string(*pol);
            if (scale) {
                if (*scale == "percent")
                    o.scale = report_scale::percent;
                else if (*scale == "fraction")
                    o.scale = report_scale::fraction;
                else
                    throw py::value_error("scale must be 'percent', 'fraction' or None");
            }
            o.input_precision = input_precision;
            return audit_achievement(t, r, reported, o);
        },
        py::arg("target"), py::arg("realization"), py::arg("reported"), py::arg("polarity") = py::none(),
        py::arg("scale") = py::none(), py::arg("input_precision") = true);
}

}  // namespace kinerja::python
