// SPDX-License-Identifier: Apache-2.0
// C++ exceptions become the Python classes of kinerja.errors, with their structured fields.
#include "register.hpp"

#include <kinerja/error.hpp>
#include <kinerja/formula.hpp>

namespace py = pybind11;

namespace kinerja::python {

namespace {

// Text as a Python str, whatever bytes it holds (a formula may contain invalid UTF-8).
py::str text(const std::string& s) { return to_str(s); }

void raise(const char* class_name, const kinerja::error& e, py::dict fields) {
    py::object cls = py::module_::import("kinerja.errors").attr(class_name);
    fields["id"] = e.id();
    py::object instance = cls(text(e.what()), **fields);
    PyErr_SetObject(cls.ptr(), instance.ptr());
}

}  // namespace

void register_errors(py::module_& m) {
    m.def("message_quote_bytes", [] { return kinerja::message_quote_bytes; });
    m.def("message_max_bytes", [] { return kinerja::message_max_bytes; });
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const kinerja::formula_error& e) {
            py::dict f;
            f["text"] = text(e.text());
            f["position"] = e.position();
            f["reason"] = text(e.plain_reason());
            f["expected"] = e.expected();
            raise("FormulaError", e, f);
        } catch (const kinerja::parse_error& e) {
            py::dict f;
            f["text"] = text(e.text());
            f["position"] = e.position();
            f["reason"] = text(e.reason());
            raise("ParseError", e, f);
        } catch (const kinerja::file_error& e) {
            py::dict f;
            f["file"] = text(e.file());
            f["line"] = e.line();
            f["column"] = e.column();
            f["reason"] = text(e.reason());
            raise("PlanFileError", e, f);
        } catch (const kinerja::lookup_error& e) {
            py::dict f;
            f["name"] = text(e.name());
            raise("UnknownNameError", e, f);
        } catch (const kinerja::argument_error& e) {
            raise("ArgumentError", e, py::dict());
        } catch (const kinerja::undefined_error& e) {
            raise("UndefinedError", e, py::dict());
        } catch (const kinerja::error& e) {
            raise("KinerjaError", e, py::dict());
        }
    });
}

}  // namespace kinerja::python
