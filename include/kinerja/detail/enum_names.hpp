// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: an enumeration's names as the file formats spell them, one table per enumeration, and
// the two lookups every such table needs (to_string and *_from_string). Not part of the public API.

#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace kinerja::detail {

template <class E>
using enum_name = std::pair<E, std::string_view>;

/// The name of `value` in `names` (the first entry's when the table lacks it).
template <class E, std::size_t N>
constexpr std::string_view name_of(const enum_name<E> (&names)[N], E value) noexcept {
    for (const auto& [x, n] : names)
        if (x == value) return n;
    return names[0].second;
}

/// The value named `name` (case and spacing folded). \throws lookup_error `id` with `message`
/// (what was asked and what the names are) when no entry has the name.
template <class E, std::size_t N>
E value_of(const enum_name<E> (&names)[N], std::string_view name, const char* id, const std::string& message) {
    const std::string key = fold(name);
    for (const auto& [x, n] : names)
        if (n == key) return x;
    throw lookup_error(id, std::string(name), message);
}

}  // namespace kinerja::detail
