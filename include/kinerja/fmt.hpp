// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file fmt.hpp
/// fmt formatters (fmt 9 and later) for the types io.hpp gives a text: value, finding, change,
/// location, period_year, rounding_rule, severity, polarity, method, rounding, change_kind. Each writes the
/// type's to_string (io.hpp), the same text as operator<<, and takes the format specification of
/// a string (`{:>12}`, `{:.20}`). Opt-in: include this header (and link fmt::fmt) only where fmt
/// is wanted.
///
///     fmt::print("{}\n", kinerja::check_plan(p).front());

#include <kinerja/io.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace kinerja::fmt_detail {

/// Formats T as its to_string, with the format specification of a string.
template <class T>
struct text_formatter : fmt::formatter<std::string_view> {
    template <class FormatContext>
    auto format(const T& x, FormatContext& ctx) const -> decltype(ctx.out()) {
        const std::string text(text_of(x));
        return fmt::formatter<std::string_view>::format(std::string_view(text), ctx);
    }

private:
    static std::string text_of(const location& l) { return l.to_string(); }
    template <class U>
    static std::string text_of(const U& x) {
        return std::string(to_string(x));
    }
};

}  // namespace kinerja::fmt_detail

template <>
struct fmt::formatter<kinerja::value> : kinerja::fmt_detail::text_formatter<kinerja::value> {};
template <>
struct fmt::formatter<kinerja::finding> : kinerja::fmt_detail::text_formatter<kinerja::finding> {};
template <>
struct fmt::formatter<kinerja::change> : kinerja::fmt_detail::text_formatter<kinerja::change> {};
template <>
struct fmt::formatter<kinerja::location> : kinerja::fmt_detail::text_formatter<kinerja::location> {};
template <>
struct fmt::formatter<kinerja::period_year> : kinerja::fmt_detail::text_formatter<kinerja::period_year> {};
template <>
struct fmt::formatter<kinerja::rounding_rule> : kinerja::fmt_detail::text_formatter<kinerja::rounding_rule> {};
template <>
struct fmt::formatter<kinerja::severity> : kinerja::fmt_detail::text_formatter<kinerja::severity> {};
template <>
struct fmt::formatter<kinerja::polarity> : kinerja::fmt_detail::text_formatter<kinerja::polarity> {};
template <>
struct fmt::formatter<kinerja::method> : kinerja::fmt_detail::text_formatter<kinerja::method> {};
template <>
struct fmt::formatter<kinerja::rounding> : kinerja::fmt_detail::text_formatter<kinerja::rounding> {};
template <>
struct fmt::formatter<kinerja::change_kind> : kinerja::fmt_detail::text_formatter<kinerja::change_kind> {};
