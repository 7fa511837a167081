// SPDX-License-Identifier: Apache-2.0
// Many plans in one call (batch.hpp): finding plan files, checking them on threads with the GIL
// released, and the plan stream behind kinerja.PlanSet's iteration.
#include "register.hpp"

#include <kinerja/batch.hpp>

#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace kinerja::python {

namespace {

// Thrown from a progress callback when a Python error (a KeyboardInterrupt, an exception of the
// callback) is pending: it stops check_plans, and the binding raises the pending error once it
// holds the GIL again. No Python object crosses the released region.
struct python_error_pending {};

}  // namespace

void register_batch(py::module_& m) {
    m.def("find_plan_files", &find_plan_files, py::arg("paths"), release_gil(),
          "The plan files of the paths: a file as given, a folder searched recursively for *.yaml, *.yml and "
          "*.csv (sorted; named as os.path.join(folder, relative path)). Raises PlanFileError "
          "kinerja.batch.path for a path that does not exist.");
    m.def("is_plan_file_name", &is_plan_file_name, py::arg("path"));
    m.def("load_plan_file", &load_plan_file, py::arg("path"), py::arg("limits") = load_limits{}, release_gil(),
          "A plan file by its name: a .csv file (any case) as a flat CSV table with the default options, any "
          "other as YAML (kinerja::load_plan_file, as the batch loads it).");
    m.def(
        "batch_threads", [](unsigned threads, std::size_t plans) { return batch_threads(threads, plans); },
        py::arg("threads"), py::arg("plans"));

    py::class_<plan_load_error>(m, "PlanLoadError", "Why a plan of a batch could not be loaded.")
        .def_readonly("id", &plan_load_error::id)
        .def_readonly("message", &plan_load_error::message)
        .def_readonly("file", &plan_load_error::file)
        .def_readonly("line", &plan_load_error::line)
        .def_readonly("column", &plan_load_error::column)
        .def_property_readonly("location", &plan_load_error::location)
        .def("__repr__", [](const plan_load_error& e) {
            return "PlanLoadError(" + e.id + ", " + py::repr(to_str(e.location())).cast<std::string>() + ")";
        });

    py::class_<plan_result>(m, "PlanResult",
                            "One plan of kinerja::check_plans: its identity and findings, or its error.")
        .def_readonly("index", &plan_result::index)
        .def_readonly("path", &plan_result::path)
        .def_readonly("error", &plan_result::error)
        .def_readonly("id", &plan_result::id)
        .def_readonly("title", &plan_result::title)
        .def_readonly("organisation", &plan_result::organisation)
        .def_readonly("region", &plan_result::region)
        .def_readonly("findings", &plan_result::findings)
        .def_property_readonly("loaded", &plan_result::loaded)
        .def("__repr__", [](const plan_result& r) {
            return "PlanResult(" + py::repr(to_str(r.path)).cast<std::string>() +
                   (r.error ? ", error=" + r.error->id : ", findings=" + std::to_string(r.findings.size())) + ")";
        });

    py::class_<batch_progress>(m, "BatchProgress", "How far a batch is (kinerja::batch_progress).")
        .def_readonly("done", &batch_progress::done)
        .def_readonly("total", &batch_progress::total)
        .def_readonly("failed", &batch_progress::failed)
        .def_readonly("findings", &batch_progress::findings)
        .def_readonly("elapsed_seconds", &batch_progress::elapsed_seconds);

    m.def(
        "check_plans",
        [](const std::vector<std::string>& files, unsigned threads, const std::vector<std::string>& rules,
           bool include_history, const std::vector<rule_set>& rule_sets, const load_limits& limits, bool run_checks,
           const py::object& progress, const py::dict& settings) {
            batch_options o;
            apply_check_settings(o.check, settings);
            o.threads = threads;
            o.run_checks = run_checks;
            o.limits = limits;
            o.check.rules.insert(rules.begin(), rules.end());
            o.check.include_history = include_history;
            o.check.rule_sets = rule_sets;
            // Called on this thread with the GIL released: takes it to check for Ctrl-C and to
            // call the Python callback.
            auto callback = [&progress](const batch_progress& p) {
                py::gil_scoped_acquire gil;
                if (PyErr_CheckSignals() != 0) throw python_error_pending{};
                if (progress.is_none()) return;
                try {
                    progress(p);
                } catch (py::error_already_set& e) {
                    e.restore();
                    throw python_error_pending{};
                }
            };
            std::vector<plan_result> results;
            bool pending = false;
            {
                py::gil_scoped_release release;
                try {
                    results = check_plans(files, o, callback);
                } catch (const python_error_pending&) {
                    pending = true;
                }
            }
            if (pending) throw py::error_already_set();
            return results;
        },
        py::arg("files"), py::arg("threads") = 0, py::arg("rules") = std::vector<std::string>{},
        py::arg("include_history") = true, py::arg("rule_sets") = std::vector<rule_set>{},
        py::arg("limits") = load_limits{}, py::arg("run_checks") = true, py::arg("progress") = py::none(),
        py::arg("settings") = py::dict(),
        "Load and check the files on `threads` threads (0: all cores), the GIL released; one PlanResult per "
        "file, in order. `progress(BatchProgress)` is called after plans are done; Ctrl-C stops the run.");

    py::class_<plan_stream>(m, "PlanStream",
                            "Plans loaded ahead on threads, handed out in order (kinerja::plan_stream).")
        .def(py::init([](std::vector<std::string> files, unsigned threads, const load_limits& limits) {
                 return std::make_unique<plan_stream>(std::move(files), threads, limits);
             }),
             py::arg("files"), py::arg("threads") = 0, py::arg("limits") = load_limits{})
        .def("__len__", &plan_stream::size)
        .def(
            "next",
            [](plan_stream& s) -> py::object {
                std::optional<loaded_plan> item;
                {
                    py::gil_scoped_release release;
                    item = s.next();
                }
                if (!item) return py::none();
                py::object p = item->plan ? py::cast(std::move(*item->plan)) : py::object(py::none());
                py::object e = item->error ? py::cast(*item->error) : py::object(py::none());
                return py::make_tuple(item->index, to_str(item->path), p, e);
            },
            "The next (index, path, Plan or None, PlanLoadError or None), waiting for it with the GIL released; "
            "None after the last.");
}

}  // namespace kinerja::python
