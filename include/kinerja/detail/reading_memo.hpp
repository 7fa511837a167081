// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: a memo of parse_value while one check runs. The passes of a check (conventions, pagu
// sums and roll-ups, absorption, negative amounts, budget against targets, the end column, the
// indicator rows) read the same cells again and again, and a plan repeats the same texts
// ("100%", "-", "Rp 0"); inside a `reading_memo_scope` on a thread, parse_value (value.hpp) reads
// each distinct (text, context, convention, unit registry, scale registry) once and returns what
// it gave then: its value or its parse error. The registries are told apart by their content_id,
// which a copy shares with its original until either changes, so a reading is never reused
// under other words or scales. The memo holds at most `reading_memo_capacity` readings (a plan of a million cells
// would otherwise hold them all): when full it starts again. It is emptied when the outermost
// scope ends. Not part of the public API.

#include <cstddef>

namespace kinerja::detail {

/// The most readings a memo holds before it starts again.
inline constexpr std::size_t reading_memo_capacity = 1u << 16;

/// Opens a memo of parse_value on this thread for its lifetime (nested scopes share the outer one).
class reading_memo_scope {
public:
    reading_memo_scope();
    ~reading_memo_scope();
    reading_memo_scope(const reading_memo_scope&) = delete;
    reading_memo_scope& operator=(const reading_memo_scope&) = delete;

private:
    bool outer_;
};

}  // namespace kinerja::detail
