// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file io.hpp
/// Text forms of kinerja's types for people: `to_string` and `operator<<` for values, findings,
/// changes, locations, rounding rules and the enumerations (severity, polarity, method,
/// rounding, change_kind). Each text has one definition, its `to_string`; `operator<<` and the
/// fmt formatters of fmt.hpp write it. The texts (docs/reference.md, "Text, streams and fmt"):
///
/// | type | text | example |
/// |---|---|---|
/// | value | the text as printed; a value without text as format_value writes it | `77,90%` |
/// | finding | `location: severity: [rule] node year: message` (the year only when there is one) | `plan.yaml:12:7:
/// error: [budget-rollup] 1.01 2025: ...` | | change | `changed subject node [id] field year: 'from' -> 'to'`, or
/// `added`/`removed subject node [id]: name` (the `[id]` for indicators) | `changed indicator 1.01 [i-1] target 2025:
/// '80' -> '85'` | | location | `file:line:column` (location::to_string) | `plan.yaml:12:7` | | rounding_rule | `not
/// rounded`, `rounded half up to 2 decimals`, `truncated to 1 decimal` | | | enumerations | their to_string |
/// `half_up`, `lower`, `inverse` |
///
/// The end-of-period year is written `end`.

#include <kinerja/achievement.hpp>
#include <kinerja/check.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/rounding.hpp>
#include <kinerja/value.hpp>

#include <iosfwd>
#include <string>

namespace kinerja {

/// The value as printed (its `text`), or format_value(v) for a value without text.
std::string to_string(const value& v);
/// "not rounded", "rounded half up to N decimals", "truncated to N decimals" ("1 decimal").
std::string to_string(const rounding_rule& r);
/// `location: severity: [rule] node year: message`, the line `kinerja check` prints.
std::string to_string(const finding& f);
/// One line for a change, as `kinerja diff` prints it.
std::string to_string(const change& c);

std::ostream& operator<<(std::ostream& out, const value& v);
std::ostream& operator<<(std::ostream& out, const finding& f);
std::ostream& operator<<(std::ostream& out, const change& c);
std::ostream& operator<<(std::ostream& out, const location& l);
std::ostream& operator<<(std::ostream& out, const rounding_rule& r);
std::ostream& operator<<(std::ostream& out, severity s);
std::ostream& operator<<(std::ostream& out, polarity p);
std::ostream& operator<<(std::ostream& out, method m);
std::ostream& operator<<(std::ostream& out, rounding r);
std::ostream& operator<<(std::ostream& out, change_kind k);

/// The plan as JSON text: the structure of its canonical YAML (to_yaml, docs/plan-format.md),
/// with the YAML's quoted scalars as JSON strings and its plain scalars as JSON numbers, booleans
/// and null where YAML reads them so (`2024`, `true`, `~`), strings otherwise; keys are strings.
/// JSON is YAML, so parse_plan reads the text back to an equal plan. json.hpp's to_json(plan) is
/// this text, parsed.
std::string to_json_text(const plan& p);

}  // namespace kinerja
