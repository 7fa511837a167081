// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private (installed because the public registries hold one): a number that names one content
// of an object for the life of the process. A new object and every change get a number never
// given before; a copy keeps its original's number (it has the same content) until it changes.
// Two objects with one number therefore hold the same content, so a memo keyed by it never
// mistakes another registry (or this one before a change) for the one it read with. Not part of
// the public API.

#include <atomic>
#include <cstdint>

namespace kinerja::detail {

class content_stamp {
public:
    content_stamp() noexcept : value_(next()) {}
    content_stamp(const content_stamp&) noexcept = default;
    content_stamp& operator=(const content_stamp&) noexcept = default;
    ~content_stamp() = default;
    /// The content changed: a new number.
    void touch() noexcept { value_ = next(); }
    std::uint64_t value() const noexcept { return value_; }

private:
    static std::uint64_t next() noexcept {
        static std::atomic<std::uint64_t> counter{0};
        return counter.fetch_add(1, std::memory_order_relaxed) + 1;
    }
    std::uint64_t value_;
};

}  // namespace kinerja::detail
