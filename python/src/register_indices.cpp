// SPDX-License-Identifier: Apache-2.0
// Composite development indices (kinerja/indices.hpp). Scalar functions raise for invalid inputs;
// array functions take same-shaped C-contiguous float arrays (kinerja.indices broadcasts them),
// give NaN where a row is missing or invalid, and release the GIL while computing.
#include "register.hpp"

#include <kinerja/error.hpp>
#include <kinerja/indices.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace py = pybind11;

namespace kinerja::python {

namespace {

namespace ix = kinerja::indices;
using array = py::array_t<double, py::array::c_style | py::array::forcecast>;
template <std::size_t N>
using pointers = std::array<const double*, N>;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::vector<py::ssize_t> shape_of(const array& a) { return {a.shape(), a.shape() + a.ndim()}; }

template <std::size_t N>
void same_shape(const std::array<array, N>& in) {
    for (std::size_t k = 1; k < N; ++k)
        if (in[k].ndim() != in[0].ndim() || !std::equal(in[0].shape(), in[0].shape() + in[0].ndim(), in[k].shape()))
            throw py::value_error("arrays must have the same shape (broadcast them first)");
}

template <std::size_t N>
pointers<N> data_of(const std::array<array, N>& in) {
    pointers<N> p{};
    for (std::size_t k = 0; k < N; ++k) p[k] = in[k].data();
    return p;
}

/// Calls fn(pointers, out, n) on N same-shaped arrays without the GIL; returns `out`.
template <std::size_t N, typename Fn>
array nary(const std::array<array, N>& in, Fn fn) {
    same_shape(in);
    array out(shape_of(in[0]));
    const pointers<N> p = data_of(in);
    double* o = out.mutable_data();
    const auto n = static_cast<std::size_t>(in[0].size());
    {
        py::gil_scoped_release release;
        fn(p, o, n);
    }
    return out;
}

/// Element-wise scalar function on one array: NaN where it throws.
template <typename Fn>
array unary(const array& a, Fn fn) {
    return nary<1>({a}, [fn](const pointers<1>& p, double* out, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            try {
                out[i] = fn(p[0][i]);
            } catch (const kinerja::error&) {
                out[i] = nan;
            }
        }
    });
}

ix::money_unit unit_from(const std::string& name) {
    if (name == "auto" || name == "automatic") return ix::money_unit::automatic;
    if (name == "rupiah" || name == "Rp") return ix::money_unit::rupiah;
    if (name == "thousand" || name == "thousand_rupiah" || name == "ribu") return ix::money_unit::thousand_rupiah;
    throw lookup_error("kinerja.lookup.money_unit", name,
                       "unknown expenditure unit \"" + name + "\"; use auto, rupiah or thousand");
}

ix::goalposts le_goalposts(const std::string& sex) {
    if (sex.empty() || sex == "all" || sex == "total") return ix::life_expectancy_goalposts;
    if (sex == "female" || sex == "f" || sex == "women") return ix::life_expectancy_female_goalposts;
    if (sex == "male" || sex == "m" || sex == "men") return ix::life_expectancy_male_goalposts;
    throw lookup_error("kinerja.lookup.sex", sex, "unknown sex \"" + sex + "\"; use all, female or male");
}

py::dict components(const ix::gii_components& c) {
    py::dict d;
    d["value"] = c.value;
    d["health_f"] = c.health_f;
    d["empowerment_f"] = c.empowerment_f;
    d["empowerment_m"] = c.empowerment_m;
    d["g_f"] = c.g_f;
    d["g_m"] = c.g_m;
    d["harm"] = c.harm;
    d["g_fm"] = c.g_fm;
    return d;
}

// The scalar and array bindings of f(a, b, c, d) for the HDI family.
using hdi_scalar = double (*)(double, double, double, double);
using hdi_pointer = void (*)(const double*, const double*, const double*, const double*, double*, std::size_t);

void def_hdi(py::module_& m, const char* name, hdi_scalar scalar, hdi_pointer pointer) {
    m.def(name, scalar, py::arg("le"), py::arg("eys"), py::arg("mys"), py::arg("gnipc"));
    m.def((std::string(name) + "_array").c_str(),
          [pointer](const array& le, const array& eys, const array& mys, const array& gnipc) {
              return nary<4>({le, eys, mys, gnipc}, [pointer](const pointers<4>& p, double* out, std::size_t n) {
                  pointer(p[0], p[1], p[2], p[3], out, n);
              });
          },
          py::arg("le"), py::arg("eys"), py::arg("mys"), py::arg("gnipc"));
}

using ipm_scalar = double (*)(double, double, double, double, ix::money_unit);
using ipm_pointer = void (*)(const double*, const double*, const double*, const double*, double*, std::size_t,
                             ix::money_unit);

void def_ipm(py::module_& m, const char* name, ipm_scalar scalar, ipm_pointer pointer) {
    m.def(
        name,
        [scalar](double uhh, double hls, double rls, double expenditure, const std::string& unit) {
            return scalar(uhh, hls, rls, expenditure, unit_from(unit));
        },
        py::arg("uhh"), py::arg("hls"), py::arg("rls"), py::arg("expenditure"), py::arg("unit") = "auto");
    m.def((std::string(name) + "_array").c_str(),
          [pointer](const array& uhh, const array& hls, const array& rls, const array& expenditure,
                    const std::string& unit) {
              const ix::money_unit u = unit_from(unit);
              return nary<4>({uhh, hls, rls, expenditure},
                             [pointer, u](const pointers<4>& p, double* out, std::size_t n) {
                                 pointer(p[0], p[1], p[2], p[3], out, n, u);
                             });
          },
          py::arg("uhh"), py::arg("hls"), py::arg("rls"), py::arg("expenditure"), py::arg("unit") = "auto");
}

}  // namespace

void register_indices(py::module_& m) {
    // dimension indices
    m.def(
        "indices_life_expectancy_index",
        [](double le, const std::string& sex) { return ix::life_expectancy_index(le, le_goalposts(sex)); },
        py::arg("le"), py::arg("sex") = "all");
    m.def(
        "indices_life_expectancy_index_array",
        [](const array& le, const std::string& sex) {
            const ix::goalposts g = le_goalposts(sex);
            return unary(le, [g](double x) { return ix::life_expectancy_index(x, g); });
        },
        py::arg("le"), py::arg("sex") = "all");
    m.def("indices_education_index", &ix::education_index, py::arg("eys"), py::arg("mys"));
    m.def(
        "indices_education_index_array",
        [](const array& eys, const array& mys) {
            return nary<2>({eys, mys}, [](const pointers<2>& p, double* out, std::size_t n) {
                for (std::size_t i = 0; i < n; ++i) {
                    try {
                        out[i] = ix::education_index(p[0][i], p[1][i]);
                    } catch (const kinerja::error&) {
                        out[i] = nan;
                    }
                }
            });
        },
        py::arg("eys"), py::arg("mys"));
    m.def("indices_income_index", &ix::income_index, py::arg("gnipc"));
    m.def(
        "indices_income_index_array",
        [](const array& g) { return unary(g, [](double x) { return ix::income_index(x); }); }, py::arg("gnipc"));
    m.def(
        "indices_expenditure_index",
        [](double x, const std::string& unit) { return ix::expenditure_index(x, unit_from(unit)); },
        py::arg("expenditure"), py::arg("unit") = "auto");
    m.def(
        "indices_expenditure_index_array",
        [](const array& x, const std::string& unit) {
            const ix::money_unit u = unit_from(unit);
            return unary(x, [u](double v) { return ix::expenditure_index(v, u); });
        },
        py::arg("expenditure"), py::arg("unit") = "auto");

    // UNDP
    def_hdi(m, "indices_hdi", static_cast<hdi_scalar>(&ix::hdi), static_cast<hdi_pointer>(&ix::hdi));
    def_hdi(m, "indices_hdi_female", static_cast<hdi_scalar>(&ix::hdi_female),
            static_cast<hdi_pointer>(&ix::hdi_female));
    def_hdi(m, "indices_hdi_male", static_cast<hdi_scalar>(&ix::hdi_male), static_cast<hdi_pointer>(&ix::hdi_male));

    m.def("indices_gdi",
          static_cast<double (*)(double, double, double, double, double, double, double, double)>(&ix::gdi),
          py::arg("le_f"), py::arg("eys_f"), py::arg("mys_f"), py::arg("gnipc_f"), py::arg("le_m"), py::arg("eys_m"),
          py::arg("mys_m"), py::arg("gnipc_m"));
    m.def(
        "indices_gdi_array",
        [](const array& a, const array& b, const array& c, const array& d, const array& e, const array& f,
           const array& g, const array& h) {
            return nary<8>({a, b, c, d, e, f, g, h}, [](const pointers<8>& p, double* out, std::size_t n) {
                ix::gdi(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], out, n);
            });
        },
        py::arg("le_f"), py::arg("eys_f"), py::arg("mys_f"), py::arg("gnipc_f"), py::arg("le_m"), py::arg("eys_m"),
        py::arg("mys_m"), py::arg("gnipc_m"));

    m.def("indices_gdi_group", static_cast<int (*)(double)>(&ix::gdi_group), py::arg("gdi"));
    m.def(
        "indices_gdi_group_array",
        [](const array& g) {
            return nary<1>({g}, [](const pointers<1>& p, double* out, std::size_t n) { ix::gdi_group(p[0], out, n); });
        },
        py::arg("gdi"));

    m.def(
        "indices_hdi_group", [](double h) { return std::string(ix::hdi_group(h)); }, py::arg("hdi"));
    m.def(
        "indices_hdi_group_array",
        [](const array& h) {
            const auto n = static_cast<std::size_t>(h.size());
            std::vector<std::string_view> groups(n);
            const double* p = h.data();
            {
                py::gil_scoped_release release;
                ix::hdi_group(p, groups.data(), n);
            }
            py::list out;
            for (const auto& g : groups) {
                if (g.empty())
                    out.append(py::none());
                else
                    out.append(to_str(g));
            }
            return out;
        },
        py::arg("hdi"));

    m.def(
        "indices_gdi_income",
        [](double gnipc, double wage_ratio, double ea_f, double ea_m, double pop_f, double pop_m) {
            const ix::gdi_income_result r = ix::gdi_income(gnipc, wage_ratio, ea_f, ea_m, pop_f, pop_m);
            return py::make_tuple(r.female, r.male);
        },
        py::arg("gnipc"), py::arg("wage_ratio"), py::arg("ea_share_f"), py::arg("ea_share_m"), py::arg("pop_share_f"),
        py::arg("pop_share_m"));
    m.def(
        "indices_gdi_income_array",
        [](const array& a, const array& b, const array& c, const array& d, const array& e, const array& f) {
            const std::array<array, 6> in{a, b, c, d, e, f};
            same_shape(in);
            array female(shape_of(a));
            array male(shape_of(a));
            const pointers<6> p = data_of(in);
            double* pf = female.mutable_data();
            double* pm = male.mutable_data();
            const auto n = static_cast<std::size_t>(a.size());
            {
                py::gil_scoped_release release;
                ix::gdi_income(p[0], p[1], p[2], p[3], p[4], p[5], pf, pm, n);
            }
            return py::make_tuple(female, male);
        },
        py::arg("gnipc"), py::arg("wage_ratio"), py::arg("ea_share_f"), py::arg("ea_share_m"), py::arg("pop_share_f"),
        py::arg("pop_share_m"));

    m.def("indices_gii",
          static_cast<double (*)(double, double, double, double, double, double, double, double)>(&ix::gii),
          py::arg("mmr"), py::arg("abr"), py::arg("se_f"), py::arg("se_m"), py::arg("pr_f"), py::arg("pr_m"),
          py::arg("lfpr_f"), py::arg("lfpr_m"));
    m.def(
        "indices_gii_array",
        [](const array& a, const array& b, const array& c, const array& d, const array& e, const array& f,
           const array& g, const array& h) {
            return nary<8>({a, b, c, d, e, f, g, h}, [](const pointers<8>& p, double* out, std::size_t n) {
                ix::gii(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], out, n);
            });
        },
        py::arg("mmr"), py::arg("abr"), py::arg("se_f"), py::arg("se_m"), py::arg("pr_f"), py::arg("pr_m"),
        py::arg("lfpr_f"), py::arg("lfpr_m"));
    m.def(
        "indices_gii_detail",
        [](double a, double b, double c, double d, double e, double f, double g, double h) {
            return components(ix::gii_detail(a, b, c, d, e, f, g, h));
        },
        py::arg("mmr"), py::arg("abr"), py::arg("se_f"), py::arg("se_m"), py::arg("pr_f"), py::arg("pr_m"),
        py::arg("lfpr_f"), py::arg("lfpr_m"));

    m.def("indices_gem_edep", static_cast<double (*)(double, double, double, double, double)>(&ix::gem_edep),
          py::arg("pop_f"), py::arg("pop_m"), py::arg("share_f"), py::arg("share_m"), py::arg("epsilon") = 2.0);
    m.def(
        "indices_gem_edep_array",
        [](const array& a, const array& b, const array& c, const array& d, double epsilon) {
            return nary<4>({a, b, c, d}, [epsilon](const pointers<4>& p, double* out, std::size_t n) {
                ix::gem_edep(p[0], p[1], p[2], p[3], epsilon, out, n);
            });
        },
        py::arg("pop_f"), py::arg("pop_m"), py::arg("share_f"), py::arg("share_m"), py::arg("epsilon") = 2.0);

    // BPS
    def_ipm(m, "indices_ipm", static_cast<ipm_scalar>(&ix::ipm), static_cast<ipm_pointer>(&ix::ipm));
    def_ipm(m, "indices_ipm_female", static_cast<ipm_scalar>(&ix::ipm_female),
            static_cast<ipm_pointer>(&ix::ipm_female));
    def_ipm(m, "indices_ipm_male", static_cast<ipm_scalar>(&ix::ipm_male), static_cast<ipm_pointer>(&ix::ipm_male));

    m.def("indices_ipg", static_cast<double (*)(double, double)>(&ix::ipg), py::arg("ipm_f"), py::arg("ipm_m"));
    m.def(
        "indices_ipg_array",
        [](const array& f, const array& mm) {
            return nary<2>({f, mm},
                           [](const pointers<2>& p, double* out, std::size_t n) { ix::ipg(p[0], p[1], out, n); });
        },
        py::arg("ipm_f"), py::arg("ipm_m"));

    m.def("indices_ikg",
          static_cast<double (*)(double, double, double, double, double, double, double, double)>(&ix::ikg),
          py::arg("mtf"), py::arg("mhpk20"), py::arg("leg_f"), py::arg("leg_m"), py::arg("sma_f"), py::arg("sma_m"),
          py::arg("tpak_f"), py::arg("tpak_m"));
    m.def(
        "indices_ikg_array",
        [](const array& a, const array& b, const array& c, const array& d, const array& e, const array& f,
           const array& g, const array& h) {
            return nary<8>({a, b, c, d, e, f, g, h}, [](const pointers<8>& p, double* out, std::size_t n) {
                ix::ikg(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], out, n);
            });
        },
        py::arg("mtf"), py::arg("mhpk20"), py::arg("leg_f"), py::arg("leg_m"), py::arg("sma_f"), py::arg("sma_m"),
        py::arg("tpak_f"), py::arg("tpak_m"));
    m.def(
        "indices_ikg_detail",
        [](double a, double b, double c, double d, double e, double f, double g, double h) {
            return components(ix::ikg_detail(a, b, c, d, e, f, g, h));
        },
        py::arg("mtf"), py::arg("mhpk20"), py::arg("leg_f"), py::arg("leg_m"), py::arg("sma_f"), py::arg("sma_m"),
        py::arg("tpak_f"), py::arg("tpak_m"));
}

}  // namespace kinerja::python
