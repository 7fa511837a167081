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
class file_error;
struct location;
struct printed_value;
enum class node_level;
enum class aggregation;
struct indicator;
struct node;
struct total;
struct plan_scale;
struct plan_version;
struct plan_info;
struct plan_settings;
class plan;
struct csv_options;
enum class severity;
struct finding;
struct rule_info;
struct check_options;
enum class change_kind;
struct change;
enum class rollup_method;
struct rollup_entry;
struct rollup_options;
}  // namespace kinerja
