// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the C++ tests.
#pragma once

#include <optional>

namespace kinerja_test {

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
