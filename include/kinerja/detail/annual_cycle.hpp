// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file annual_cycle.hpp
/// Private: what the plan reader and the annual-cycle checks share (src/annual_cycle.cpp): ISO
/// 8601 dates and times, content hashes, and whether two printed targets say the same.
/// docs/annual-cycle.md describes the forms.

#include <kinerja/check.hpp>
#include <kinerja/detail/check_indicators.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/unit_registry.hpp>
#include <kinerja/value.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja::detail {

/// An ISO 8601 date (YYYY-MM-DD), or date and time (THH:MM or THH:MM:SS, optionally with Z or
/// an offset +HH:MM / -HH:MM).
struct timestamp {
    long days = 0;                      ///< days since 0000-03-01 of the local date (an ordinal)
    std::optional<long> seconds;        ///< seconds since local midnight, when a time is given
    std::optional<int> offset_minutes;  ///< the offset from UTC, when one is given (Z: 0)
};

/// Reads an ISO 8601 date or date and time; empty with `why` set when the text is not one
/// (the form, or a month, day, hour, minute, second or offset out of range).
std::optional<timestamp> parse_timestamp(std::string_view text, std::string& why);

/// Negative when `a` is earlier than `b`, 0 when they cannot be told apart, positive when later.
/// With a time on both sides, instants are compared (in UTC when both give an offset, else as
/// local times); when either side is a bare date, the dates are compared.
int compare_timestamps(const timestamp& a, const timestamp& b) noexcept;

/// Whether `text` is a content hash sha256:, sha384: or sha512: with 64, 96 or 128 hex digits;
/// `why` says what is wrong otherwise.
bool valid_hash(std::string_view text, std::string& why);

/// Whether `text` starts with a URI scheme (letters, digits, + - . after a letter, then ':').
bool has_uri_scheme(std::string_view text) noexcept;

/// Whether two values read from printed targets say the same target: the same kind, unit, rate
/// base, grade, level, bound relation and bounded kind, and equal numbers (and upper ends),
/// whatever their printed precision and number convention (`80%` and `80,00%`).
bool same_target(const value& a, const value& b) noexcept;

/// A finding of the annual-cycle rules before check_plan gives it severity and names: the same
/// record as the indicator rows' findings (check_indicators.hpp), taken by the checker alike.
using cycle_finding = row_finding;

/// The annual-cycle rules (annual-target-mismatch, evidence-missing, verified-value-changed,
/// verification-transition, verification-time) on the plan period's nodes; an unreadable
/// annual target is an unparsed-value finding. `on` says which rules run.
void check_annual_cycle(const plan& p, const scale_registry& scales, const unit_registry& units,
                        const std::function<bool(std::string_view)>& on, std::vector<cycle_finding>& out);

}  // namespace kinerja::detail
