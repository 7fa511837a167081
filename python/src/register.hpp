// SPDX-License-Identifier: Apache-2.0
#pragma once
// The parts of the Python module kinerja._core, one function per area, each in its own file.
//
// Every file of the module includes this header first: it replaces pybind11's conversion of
// std::string and std::string_view, so that
// - a C++ string reaches Python as a str whatever its bytes (bytes that are not UTF-8 become
//   U+FFFD instead of a UnicodeDecodeError that would lose the whole result), and
// - a Python str that cannot be encoded as UTF-8 (a lone surrogate, e.g. from a command line
//   read with errors="surrogateescape") raises kinerja.ArgumentError
//   [kinerja.argument.encoding] naming the spot, instead of "incompatible function arguments".

#include <pybind11/pybind11.h>

#include <kinerja/check.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/year.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace kinerja::python {

/// A C++ string as a Python str; bytes that are not UTF-8 become U+FFFD.
inline pybind11::str to_str(std::string_view s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
    if (!o) throw pybind11::error_already_set();
    return pybind11::reinterpret_steal<pybind11::str>(o);
}

/// The UTF-8 bytes of a Python str; a str that has none (a lone surrogate) raises
/// argument_error kinerja.argument.encoding, which names the first such character, its index
/// and the text around it.
inline std::string_view utf8_of(pybind11::handle s) {
    Py_ssize_t size = -1;
    const char* buffer = PyUnicode_AsUTF8AndSize(s.ptr(), &size);
    if (buffer) return {buffer, static_cast<std::size_t>(size)};
    PyErr_Clear();
    const Py_ssize_t n = PyUnicode_GetLength(s.ptr());
    Py_ssize_t bad = 0;
    while (bad < n) {
        const Py_UCS4 c = PyUnicode_ReadChar(s.ptr(), bad);
        if (c >= 0xD800 && c <= 0xDFFF) break;
        ++bad;
    }
    const Py_UCS4 c = bad < n ? PyUnicode_ReadChar(s.ptr(), bad) : 0;
    // the text around the spot, with the surrogates shown as \udcXX escapes
    const Py_ssize_t from = bad > 40 ? bad - 40 : 0;
    pybind11::object part = pybind11::reinterpret_steal<pybind11::object>(PyUnicode_Substring(s.ptr(), from, bad + 40));
    std::string shown;
    if (part) {
        PyObject* b = PyUnicode_AsEncodedString(part.ptr(), "utf-8", "backslashreplace");
        if (b) {
            shown.assign(PyBytes_AS_STRING(b), static_cast<std::size_t>(PyBytes_GET_SIZE(b)));
            Py_DECREF(b);
        } else {
            PyErr_Clear();
        }
    } else {
        PyErr_Clear();
    }
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    throw argument_error("kinerja.argument.encoding",
                         "a text argument is not valid Unicode: it holds the lone surrogate " + std::string(code) +
                             " at index " + std::to_string(bad) + " (\"" + (from > 0 ? "\xE2\x80\xA6" : "") +
                             detail::one_line(shown) + (bad + 40 < n ? "\xE2\x80\xA6" : "") +
                             "\"); text read from bytes that are not UTF-8 (a file name, a command line) holds "
                             "such characters: decode it with errors=\"replace\" or fix its encoding");
}

/// For a binding whose C++ call can take long (loading, checking, rolling up, saving a plan):
/// the GIL is released while the call runs, after the arguments are converted and before the
/// result is. Such a call touches no Python object.
using release_gil = pybind11::call_guard<pybind11::gil_scoped_release>;

/// A year column as Python has it: an int, or "end" for the end-of-period column.
inline pybind11::object year_key(period_year y) {
    return y.is_end() ? pybind11::object(pybind11::str("end")) : pybind11::object(pybind11::int_(y.value()));
}

/// A year column from Python: an int, or "end" for the end-of-period column. \throws ValueError
/// for another string, TypeError (pybind11's cast) for another type.
inline period_year year_from(const pybind11::object& y) {
    if (pybind11::isinstance<pybind11::str>(y)) {
        const std::string s = y.cast<std::string>();
        if (s == "end") return end_of_period;
        throw pybind11::value_error("a year is an integer or \"end\", got \"" + s + "\"");
    }
    return y.cast<int>();
}

/// The domain settings of the checks given from Python by name (Plan.check(budget_tolerance=...),
/// PlanSet.check, kinerja.dask.check_plans): budget_tolerance, scale_jump_band,
/// scale_jump_mixed_band, scale_jump_slip_band, scale_jump_slip_agreement. A name that is none of
/// them raises argument_error kinerja.argument.check_option; kinerja::check judges the values.
void apply_check_settings(kinerja::check_options& options, const pybind11::dict& settings);

void register_errors(pybind11::module_& m);
void register_values(pybind11::module_& m);
void register_scales(pybind11::module_& m);
void register_achievement(pybind11::module_& m);
void register_indices(pybind11::module_& m);
void register_plan(pybind11::module_& m);
void register_formula(pybind11::module_& m);
void register_catalog(pybind11::module_& m);
void register_validation(pybind11::module_& m);
void register_batch(pybind11::module_& m);
void register_lkjip(pybind11::module_& m);
}  // namespace kinerja::python

namespace pybind11::detail {

// std::string and std::string_view: see the top of this file. bytes load as they are (as
// pybind11 does); anything else does not load.
template <typename StringType>
struct kinerja_string_caster {
    bool load(handle src, bool) {
        if (!src) return false;
        if (PyUnicode_Check(src.ptr())) {
            value = StringType(kinerja::python::utf8_of(src));
            return true;
        }
        if (PyBytes_Check(src.ptr())) {
            const char* b = PyBytes_AsString(src.ptr());
            if (!b) return false;
            value = StringType(b, static_cast<std::size_t>(PyBytes_Size(src.ptr())));
            return true;
        }
        return false;
    }
    static handle cast(const StringType& src, return_value_policy, handle) {
        return kinerja::python::to_str(src).release();
    }
    PYBIND11_TYPE_CASTER(StringType, const_name("str"));
};

template <>
struct type_caster<std::string> : kinerja_string_caster<std::string> {};
template <>
struct type_caster<std::string_view> : kinerja_string_caster<std::string_view> {};

}  // namespace pybind11::detail
