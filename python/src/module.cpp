// SPDX-License-Identifier: Apache-2.0
// kinerja._core: the compiled part of the Python package. Private: use `import kinerja`.
#include "register.hpp"

#include <kinerja/version.hpp>

PYBIND11_MODULE(_core, m) {
    m.doc() = "kinerja's compiled core (private; use the kinerja package)";
    m.attr("__version__") = kinerja::version_string;
    kinerja::python::register_errors(m);
    kinerja::python::register_values(m);
    kinerja::python::register_scales(m);
    kinerja::python::register_achievement(m);
    kinerja::python::register_indices(m);
    kinerja::python::register_plan(m);
    kinerja::python::register_formula(m);
    kinerja::python::register_catalog(m);
    kinerja::python::register_validation(m);
    kinerja::python::register_batch(m);
    kinerja::python::register_lkjip(m);
}
