// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file fwd.hpp
/// Forward declarations of kinerja's types, for headers that only name them.

namespace kinerja {
class error;
class parse_error;
class lookup_error;
class argument_error;
class undefined_error;
enum class convention;
struct number_context;
struct parsed_number;
enum class rounding;
struct rounding_rule;
enum class value_kind;
struct dimension;
struct unit_info;
class unit_registry;
struct band;
struct level;
class scale;
class scale_registry;
struct value;
enum class polarity;
enum class method;
enum class attainment;
struct achievement_options;
struct achievement_result;
enum class report_scale;
struct audit_match;
struct audit_result;
struct audit_options;
}  // namespace kinerja
