// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the C++ tests.
#pragma once

#include <optional>

namespace kinerja_test {

// Whether the tests run under AddressSanitizer (memory measurements mean nothing there).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool sanitized = true;
#else
inline constexpr bool sanitized = false;
#endif
#else
inline constexpr bool sanitized = false;
#endif

// Runs f and returns the exception of type E it throws, or nothing.
template <class E, class F>
std::optional<E> thrown(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    }
    return std::nullopt;
}

}  // namespace kinerja_test
