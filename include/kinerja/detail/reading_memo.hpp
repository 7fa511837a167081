// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: a memo of parse_value while one check runs. The passes of a check (conventions, pagu
// sums and roll-ups, absorption, negative amounts, budget against targets, the end column, the
// indicator rows) read the same cells again and again, and a plan repeats the same texts
// ("100%", "-", "Rp 0"); inside a `reading_memo_scope` on a thread, parse_value (value.hpp) reads
// each distinct (text, context, convention, unit registry, scale registry) once and returns what
// it gave then: its value or its parse error. The registries are told apart by their content_id,
// which a copy shares with its original until either changes, so a reading is never reused
// under other words or scales. The memo holds at most `reading_memo_capacity` readings (a plan of
// a million cells would otherwise hold them all): when full it starts again, keeping the full
// table until it fills once more (so at most twice the capacity, and a reading borrowed from it
// stays valid meanwhile). It is emptied when the outermost
// scope ends. Not part of the public API.

#include <kinerja/value.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace kinerja {
struct indicator;
struct printed_value;
}  // namespace kinerja

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

/// What parse_value gives, without copying it where a memo is open: inside a
/// `reading_memo_scope` it borrows the memo's reading (valid while the scope is open and for at
/// least `reading_memo_capacity` further readings on this thread), elsewhere it holds its own. The passes of a check
/// that only look at a reading (a pagu's amount, its sign) take it this way; a copy of a value costs more than its
/// lookup.
class reading {
public:
    explicit reading(const value* borrowed) noexcept : borrowed_(borrowed) {}
    explicit reading(value owned) : owned_(std::move(owned)) {}
    const value& get() const noexcept { return borrowed_ ? *borrowed_ : *owned_; }
    const value* operator->() const noexcept { return &get(); }
    const value& operator*() const noexcept { return get(); }

private:
    const value* borrowed_ = nullptr;
    std::optional<value> owned_;  // empty when borrowed: a borrowed reading builds no value of its own
};

/// parse_value(text, context, units, scales, printed_in) as a reading. \throws what parse_value throws.
reading read_text(std::string_view text, std::string_view context, const unit_registry& units,
                  const scale_registry& scales, std::optional<convention> printed_in = std::nullopt);
/// read_money(v) (plan_values.hpp) as a reading. \throws parse_error.
reading read_money_text(const printed_value& v);
/// read_value(ind, v, scales, units, printed_in) (plan_values.hpp) as a reading. \throws parse_error.
reading read_value_text(const indicator& ind, const printed_value& v, const scale_registry& scales,
                        const unit_registry& units, std::optional<convention> printed_in);
/// parse_reported_achievement(text) (audit.hpp) as a reading. \throws parse_error.
reading read_reported_text(std::string_view text);

}  // namespace kinerja::detail
