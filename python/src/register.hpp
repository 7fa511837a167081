// SPDX-License-Identifier: Apache-2.0
#pragma once
// The parts of the Python module kinerja._core, one function per area, each in its own file.

#include <pybind11/pybind11.h>

namespace kinerja::python {
void register_errors(pybind11::module_& m);
void register_values(pybind11::module_& m);
void register_scales(pybind11::module_& m);
void register_achievement(pybind11::module_& m);
void register_indices(pybind11::module_& m);
void register_plan(pybind11::module_& m);
void register_formula(pybind11::module_& m);
void register_catalog(pybind11::module_& m);
void register_validation(pybind11::module_& m);
}  // namespace kinerja::python
