// SPDX-License-Identifier: Apache-2.0
// The LKjIP tables of a plan for a year (lkjip.hpp): kinerja._core.lkjip_tables and its row types.
#include "register.hpp"

#include <pybind11/stl.h>

#include <kinerja/lkjip.hpp>

namespace py = pybind11;

namespace kinerja::python {

void register_lkjip(py::module_& m) {
    py::class_<lkjip_previous>(m, "LkjipPrevious", "An earlier year of an LKjIP indicator row.")
        .def_readonly("year", &lkjip_previous::year)
        .def_readonly("realization", &lkjip_previous::realization)
        .def_readonly("realization_number", &lkjip_previous::realization_number)
        .def_readonly("achievement", &lkjip_previous::achievement);
    py::class_<lkjip_indicator_row>(m, "LkjipIndicatorRow",
                                    "An indicator of a sasaran in the LKjIP year: target, realization, capaian, "
                                    "earlier years, end target and progress (lkjip.hpp).")
        .def_readonly("part", &lkjip_indicator_row::part)
        .def_readonly("node_id", &lkjip_indicator_row::node_id)
        .def_readonly("node", &lkjip_indicator_row::node)
        .def_readonly("node_name", &lkjip_indicator_row::node_name)
        .def_readonly("indicator_id", &lkjip_indicator_row::indicator_id)
        .def_readonly("indicator_name", &lkjip_indicator_row::indicator_name)
        .def_readonly("unit", &lkjip_indicator_row::unit)
        .def_readonly("polarity", &lkjip_indicator_row::polarity)
        .def_readonly("target", &lkjip_indicator_row::target)
        .def_readonly("target_number", &lkjip_indicator_row::target_number)
        .def_readonly("realization", &lkjip_indicator_row::realization)
        .def_readonly("realization_number", &lkjip_indicator_row::realization_number)
        .def_readonly("achievement", &lkjip_indicator_row::achievement)
        .def_readonly("category", &lkjip_indicator_row::category)
        .def_readonly("achievement_basis", &lkjip_indicator_row::achievement_basis)
        .def_readonly("previous", &lkjip_indicator_row::previous)
        .def_readonly("end_year", &lkjip_indicator_row::end_year)
        .def_readonly("end_target", &lkjip_indicator_row::end_target)
        .def_readonly("end_target_number", &lkjip_indicator_row::end_target_number)
        .def_readonly("progress", &lkjip_indicator_row::progress)
        .def_readonly("progress_basis", &lkjip_indicator_row::progress_basis);
    py::class_<lkjip_programme_row>(m, "LkjipProgrammeRow",
                                    "A programme in the LKjIP year: pagu, realization, absorption, capaian and "
                                    "efficiency (lkjip.hpp).")
        .def_readonly("part", &lkjip_programme_row::part)
        .def_readonly("node_id", &lkjip_programme_row::node_id)
        .def_readonly("node", &lkjip_programme_row::node)
        .def_readonly("node_name", &lkjip_programme_row::node_name)
        .def_readonly("pagu", &lkjip_programme_row::pagu)
        .def_readonly("pagu_number", &lkjip_programme_row::pagu_number)
        .def_readonly("realized", &lkjip_programme_row::realized)
        .def_readonly("realized_number", &lkjip_programme_row::realized_number)
        .def_readonly("absorption", &lkjip_programme_row::absorption)
        .def_readonly("achievement", &lkjip_programme_row::achievement)
        .def_readonly("achievement_basis", &lkjip_programme_row::achievement_basis)
        .def_readonly("efficiency", &lkjip_programme_row::efficiency)
        .def_readonly("efficiency_basis", &lkjip_programme_row::efficiency_basis);
    py::class_<lkjip_report>(m, "LkjipReport", "The LKjIP tables of one year (lkjip.hpp).")
        .def_readonly("year", &lkjip_report::year)
        .def_readonly("previous_years", &lkjip_report::previous_years)
        .def_readonly("indicators", &lkjip_report::indicators)
        .def_readonly("programmes", &lkjip_report::programmes);
    m.def("lkjip_years", &lkjip_years, py::arg("plan"), release_gil(),
          "The years the plan can report in the LKjIP layout.");
    m.def(
        "lkjip_tables",
        [](const plan& p, int year, int previous_years) {
            return lkjip_tables(p, year, lkjip_options{}.with_previous_years(previous_years));
        },
        py::arg("plan"), py::arg("year"), py::arg("previous_years") = 2, release_gil(),
        "The LKjIP tables of a year; raises ArgumentError kinerja.argument.lkjip_year for a year the plan cannot "
        "report.");
}

}  // namespace kinerja::python
