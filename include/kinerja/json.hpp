// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file json.hpp
/// JSON for kinerja's results through nlohmann/json: `to_json`/`from_json` (found by
/// argument-dependent lookup, for nlohmann::json, nlohmann::ordered_json and any other
/// nlohmann::basic_json) for finding, change, rollup_entry, value,
/// achievement_result, audit_result (and audit_match, rounding_rule) and plan, and the
/// enumerations as their to_string names. Opt-in: include this header (and link
/// nlohmann_json::nlohmann_json) only where JSON is wanted; the rest of kinerja does not need
/// nlohmann/json.
///
///     #include <kinerja/json.hpp>
///     nlohmann::json j = kinerja::check_plan(p);   // an array of findings
///
/// The schemas are in docs/reference.md ("JSON"); a finding's is the JSON of
/// `kinerja check --format json`, a change's that of `kinerja diff --format json`. Every
/// from_json reads what to_json writes back to an equal object. A missing key throws
/// nlohmann::json::out_of_range, a value of the wrong JSON type nlohmann::json::type_error, an
/// unknown enumeration name kinerja::lookup_error `kinerja.lookup.<type>` (severity, polarity,
/// method, rounding, attainment, report_scale, change_kind, rollup_method, node_level,
/// value_kind, convention), a year that is neither an integer nor "end"
/// kinerja::argument_error `kinerja.argument.json_year`. A period_year (year.hpp) is an integer
/// or "end" (`j.get<kinerja::period_year>()`).

#include <kinerja/achievement.hpp>
#include <kinerja/audit.hpp>
#include <kinerja/check.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/error.hpp>
#include <kinerja/io.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/rollup.hpp>
#include <kinerja/value.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kinerja {

namespace json_detail {

template <class Json, class E, std::size_t N>
E enum_from(const Json& j, const E (&all)[N], const char* type) {
    const auto& name = j.template get_ref<const std::string&>();
    for (const E e : all)
        if (to_string(e) == name) return e;
    throw lookup_error(std::string("kinerja.lookup.") + type, name,
                       "unknown " + std::string(type) + " \"" + name + "\" in JSON");
}

inline constexpr severity severities[] = {severity::info, severity::warning, severity::error};
inline constexpr polarity polarities[] = {polarity::higher, polarity::lower};
inline constexpr method methods[] = {method::direct, method::inverse, method::complement, method::reduction};
inline constexpr rounding roundings[] = {rounding::none, rounding::half_up, rounding::truncate};
inline constexpr attainment attainments[] = {attainment::not_met, attainment::met, attainment::exceeded};
inline constexpr report_scale report_scales[] = {report_scale::percent, report_scale::fraction};
inline constexpr change_kind change_kinds[] = {change_kind::added, change_kind::removed, change_kind::changed};
inline constexpr rollup_method rollup_methods[] = {rollup_method::mean, rollup_method::budget_weighted,
                                                   rollup_method::ratio_of_sums};
inline constexpr node_level node_levels[] = {
    node_level::urusan,  node_level::misi,     node_level::tujuan_rpd,  node_level::sasaran_rpd,
    node_level::tujuan,  node_level::sasaran,  node_level::strategi,    node_level::arah_kebijakan,
    node_level::program, node_level::kegiatan, node_level::sub_kegiatan};
inline constexpr value_kind value_kinds[] = {value_kind::missing, value_kind::number, value_kind::percent,
                                             value_kind::ratio,   value_kind::grade,  value_kind::predicate,
                                             value_kind::count,   value_kind::money};
inline constexpr convention conventions[] = {convention::indonesian, convention::english};

/// An integer year, "end" for end_of_period, null for none.
template <class Json>
Json year_json(const std::optional<period_year>& year) {
    if (!year) return nullptr;
    if (year->is_end()) return "end";
    return year->value();
}
template <class Json>
std::optional<period_year> year_from(const Json& j) {
    if (j.is_null()) return std::nullopt;
    if (j.is_string() && j.template get_ref<const std::string&>() == "end") return end_of_period;
    if (j.is_number_integer()) return period_year(j.template get<int>());
    throw argument_error("kinerja.argument.json_year",
                         "a year in JSON is an integer, \"end\" or null, got " + j.dump());
}

template <class Json, class T>
Json optional_json(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}
template <class T, class Json>
std::optional<T> optional_from(const Json& j) {
    if (j.is_null()) return std::nullopt;
    return j.template get<T>();
}

template <class Json>
Json text_or_null(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}
template <class Json>
std::string text_from(const Json& j) {
    return j.is_null() ? std::string() : j.template get<std::string>();
}

/// "file:line:column" back to a location: the trailing ":N" parts are line and column; the file
/// "<input>" (what location::to_string writes for no file) is no file.
inline location location_from(const std::string& text) {
    location l;
    std::string rest = text;
    auto take_number = [&rest](int& into) {
        const auto colon = rest.rfind(':');
        if (colon == std::string::npos || colon + 1 == rest.size() || colon + 10 < rest.size()) return false;
        for (std::size_t i = colon + 1; i < rest.size(); ++i)
            if (rest[i] < '0' || rest[i] > '9') return false;
        into = std::stoi(rest.substr(colon + 1));
        rest.erase(colon);
        return true;
    };
    int last = 0;
    if (take_number(last)) {
        int line = 0;
        if (take_number(line)) {
            l.line = line;
            l.column = last;
        } else {
            l.line = last;
        }
    }
    l.file = rest == "<input>" ? std::string() : rest;
    return l;
}

}  // namespace json_detail

// The enumerations, as their names.
template <class Json>
void to_json(Json& j, severity e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, severity& e) {
    e = json_detail::enum_from(j, json_detail::severities, "severity");
}
template <class Json>
void to_json(Json& j, polarity e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, polarity& e) {
    e = json_detail::enum_from(j, json_detail::polarities, "polarity");
}
template <class Json>
void to_json(Json& j, method e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, method& e) {
    e = json_detail::enum_from(j, json_detail::methods, "method");
}
template <class Json>
void to_json(Json& j, rounding e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, rounding& e) {
    e = json_detail::enum_from(j, json_detail::roundings, "rounding");
}
template <class Json>
void to_json(Json& j, attainment e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, attainment& e) {
    e = json_detail::enum_from(j, json_detail::attainments, "attainment");
}
template <class Json>
void to_json(Json& j, report_scale e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, report_scale& e) {
    e = json_detail::enum_from(j, json_detail::report_scales, "report_scale");
}
template <class Json>
void to_json(Json& j, change_kind e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, change_kind& e) {
    e = json_detail::enum_from(j, json_detail::change_kinds, "change_kind");
}
template <class Json>
void to_json(Json& j, rollup_method e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, rollup_method& e) {
    e = json_detail::enum_from(j, json_detail::rollup_methods, "rollup_method");
}
template <class Json>
void to_json(Json& j, node_level e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, node_level& e) {
    e = json_detail::enum_from(j, json_detail::node_levels, "node_level");
}
template <class Json>
void to_json(Json& j, value_kind e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, value_kind& e) {
    e = json_detail::enum_from(j, json_detail::value_kinds, "value_kind");
}
template <class Json>
void to_json(Json& j, convention e) {
    j = to_string(e);
}
template <class Json>
void from_json(const Json& j, convention& e) {
    e = json_detail::enum_from(j, json_detail::conventions, "convention");
}

/// A finding as `kinerja check --format json` writes it, in this order (kept by
/// nlohmann::ordered_json): rule, severity, node, indicator (null when empty), year (integer,
/// "end" or null), expected and actual (the number where there is one, else the text, null when
/// empty), message, node_id, node_code, node_name, indicator_name (null when empty), expected_text, actual_text,
/// location ("file:line:column"), source. The one definition of a finding's JSON: Python's
/// `Finding.to_dict()` (and `kinerja.finding_to_dict`, the CLI, the reports) is made from it.
template <class Json>
void to_json(Json& j, const finding& f) {
    auto number_or_text = [](const std::optional<double>& n, const std::string& text) {
        return n ? Json(*n) : json_detail::text_or_null<Json>(text);
    };
    j = Json{{"rule", f.rule},
             {"severity", f.severity},
             {"node", f.node},
             {"indicator", json_detail::text_or_null<Json>(f.indicator)},
             {"year", json_detail::year_json<Json>(f.year)},
             {"expected", number_or_text(f.expected_number, f.expected)},
             {"actual", number_or_text(f.actual_number, f.actual)},
             {"message", f.message},
             {"node_id", f.node_id},
             {"node_code", f.node_code},
             {"node_name", f.node_name},
             {"indicator_name", json_detail::text_or_null<Json>(f.indicator_name)},
             {"expected_text", f.expected},
             {"actual_text", f.actual},
             {"location", f.location.to_string()},
             {"source", f.source}};
}
template <class Json>
void from_json(const Json& j, finding& f) {
    f.rule = j.at("rule").template get<std::string>();
    f.severity = j.at("severity").template get<severity>();
    f.node = j.at("node").template get<std::string>();
    f.node_id = j.at("node_id").template get<std::string>();
    f.node_code = j.contains("node_code") ? j.at("node_code").template get<std::string>() : std::string();
    f.node_name = j.contains("node_name") ? j.at("node_name").template get<std::string>() : std::string();
    f.indicator = json_detail::text_from(j.at("indicator"));
    f.indicator_name = json_detail::text_from(j.at("indicator_name"));
    f.year = json_detail::year_from(j.at("year"));
    f.expected = j.at("expected_text").template get<std::string>();
    f.actual = j.at("actual_text").template get<std::string>();
    const auto& e = j.at("expected");
    const auto& a = j.at("actual");
    f.expected_number = e.is_number() ? std::optional<double>(e.template get<double>()) : std::nullopt;
    f.actual_number = a.is_number() ? std::optional<double>(a.template get<double>()) : std::nullopt;
    f.message = j.at("message").template get<std::string>();
    f.location = json_detail::location_from(j.at("location").template get<std::string>());
    f.source = j.at("source").template get<std::string>();
}

/// A change as `kinerja diff --format json` writes it: kind, subject, id, node, name, node_id,
/// node_code, node_name, field
/// (null when empty), year (integer, "end" or null), old (change::from), new (change::to).
template <class Json>
void to_json(Json& j, const change& c) {
    j = Json{{"kind", c.kind},
             {"subject", c.subject},
             {"id", c.id},
             {"node", c.node},
             {"name", c.name},
             {"node_id", c.node_id},
             {"node_code", c.node_code},
             {"node_name", c.node_name},
             {"field", json_detail::text_or_null<Json>(c.field)},
             {"year", json_detail::year_json<Json>(c.year)},
             {"old", c.from},
             {"new", c.to}};
}
template <class Json>
void from_json(const Json& j, change& c) {
    c.kind = j.at("kind").template get<change_kind>();
    c.subject = j.at("subject").template get<std::string>();
    c.id = j.at("id").template get<std::string>();
    c.node = j.at("node").template get<std::string>();
    c.name = j.at("name").template get<std::string>();
    c.node_id = j.contains("node_id") ? j.at("node_id").template get<std::string>() : std::string();
    c.node_code = j.contains("node_code") ? j.at("node_code").template get<std::string>() : std::string();
    c.node_name = j.contains("node_name") ? j.at("node_name").template get<std::string>() : std::string();
    c.field = json_detail::text_from(j.at("field"));
    c.year = json_detail::year_from(j.at("year"));
    c.from = j.at("old").template get<std::string>();
    c.to = j.at("new").template get<std::string>();
}

/// A roll-up entry: the fields of rollup_entry by name; own and rolled null when empty.
template <class Json>
void to_json(Json& j, const rollup_entry& e) {
    j = Json{{"node_id", e.node_id},
             {"node", e.node},
             {"name", e.name},
             {"level", e.level},
             {"year", e.year},
             {"own", json_detail::optional_json<Json>(e.own)},
             {"rolled", json_detail::optional_json<Json>(e.rolled)},
             {"indicators", e.indicators},
             {"skipped", e.skipped},
             {"children", e.children},
             {"method", e.method},
             {"basis", e.basis}};
}
template <class Json>
void from_json(const Json& j, rollup_entry& e) {
    e.node_id = j.at("node_id").template get<std::string>();
    e.node = j.at("node").template get<std::string>();
    e.name = j.at("name").template get<std::string>();
    e.level = j.at("level").template get<node_level>();
    e.year = j.at("year").template get<int>();
    e.own = json_detail::optional_from<double>(j.at("own"));
    e.rolled = json_detail::optional_from<double>(j.at("rolled"));
    e.indicators = j.at("indicators").template get<std::size_t>();
    e.skipped = j.at("skipped").template get<std::size_t>();
    e.children = j.at("children").template get<std::size_t>();
    e.method = j.at("method").template get<rollup_method>();
    e.basis = j.at("basis").template get<std::string>();
}

/// A value: kind, number (null when empty), exact (the exact number as plain text "-1234.50",
/// null when empty), decimals, unrounded, unit, per (null when empty), grade, level, scale, text,
/// convention (written_in; null when unknown).
template <class Json>
void to_json(Json& j, const value& v) {
    j = Json{{"kind", v.kind},
             {"number", json_detail::optional_json<Json>(v.number)},
             {"exact", v.exact ? Json(v.exact->to_string()) : Json(nullptr)},
             {"decimals", v.decimals},
             {"unrounded", v.unrounded},
             {"unit", v.unit},
             {"per", json_detail::optional_json<Json>(v.per)},
             {"grade", v.grade},
             {"level", v.level},
             {"scale", v.scale},
             {"text", v.text},
             {"convention", json_detail::optional_json<Json>(v.written_in)}};
}
template <class Json>
void from_json(const Json& j, value& v) {
    v.kind = j.at("kind").template get<value_kind>();
    v.number = json_detail::optional_from<double>(j.at("number"));
    const auto& exact = j.at("exact");
    v.exact.reset();
    if (!exact.is_null()) {
        const auto& plain = exact.template get_ref<const std::string&>();
        v.exact = decimal::from_string(plain);
        if (!v.exact)
            throw argument_error(
                "kinerja.argument.json_exact",
                "a value's \"exact\" in JSON is a plain decimal (\"-1234.50\"), got \"" + plain + "\"");
    }
    v.decimals = j.at("decimals").template get<int>();
    v.unrounded = j.at("unrounded").template get<bool>();
    v.unit = j.at("unit").template get<std::string>();
    v.per = json_detail::optional_from<double>(j.at("per"));
    v.grade = j.at("grade").template get<std::string>();
    v.level = j.at("level").template get<std::string>();
    v.scale = j.at("scale").template get<std::string>();
    v.text = j.at("text").template get<std::string>();
    v.written_in = json_detail::optional_from<convention>(j.at("convention"));
}

/// A rounding rule: {"mode": "half_up", "decimals": 2}.
template <class Json>
void to_json(Json& j, const rounding_rule& r) {
    j = Json{{"mode", r.mode}, {"decimals", r.decimals}};
}
template <class Json>
void from_json(const Json& j, rounding_rule& r) {
    r.mode = j.at("mode").template get<rounding>();
    r.decimals = j.at("decimals").template get<int>();
}

/// An achievement result: percent (null when empty), attainment (null when empty), polarity,
/// method, basis, target, realization.
template <class Json>
void to_json(Json& j, const achievement_result& r) {
    j = Json{{"percent", json_detail::optional_json<Json>(r.percent)},
             {"attainment", json_detail::optional_json<Json>(r.attainment)},
             {"polarity", r.polarity},
             {"method", r.method},
             {"basis", r.basis},
             {"target", r.target},
             {"realization", r.realization}};
}
template <class Json>
void from_json(const Json& j, achievement_result& r) {
    r.percent = json_detail::optional_from<double>(j.at("percent"));
    r.attainment = json_detail::optional_from<attainment>(j.at("attainment"));
    r.polarity = j.at("polarity").template get<polarity>();
    r.method = j.at("method").template get<method>();
    r.basis = j.at("basis").template get<std::string>();
    r.target = j.at("target").template get<double>();
    r.realization = j.at("realization").template get<double>();
}

/// One matching way of computing: polarity, method, cap (null for none), rounding, scale, exact.
template <class Json>
void to_json(Json& j, const audit_match& m) {
    j = Json{{"polarity", m.polarity}, {"method", m.method}, {"cap", json_detail::optional_json<Json>(m.cap)},
             {"rounding", m.rounding}, {"scale", m.scale},   {"exact", m.exact}};
}
template <class Json>
void from_json(const Json& j, audit_match& m) {
    m.polarity = j.at("polarity").template get<polarity>();
    m.method = j.at("method").template get<method>();
    m.cap = json_detail::optional_from<double>(j.at("cap"));
    m.rounding = j.at("rounding").template get<rounding_rule>();
    m.scale = j.at("scale").template get<report_scale>();
    m.exact = j.at("exact").template get<bool>();
}

/// An audit result: consistent, expected, reported (null when empty), scale, methods, matches,
/// basis, explanation.
template <class Json>
void to_json(Json& j, const audit_result& r) {
    j = Json{{"consistent", json_detail::optional_json<Json>(r.consistent)},
             {"expected", json_detail::optional_json<Json>(r.expected)},
             {"reported", json_detail::optional_json<Json>(r.reported)},
             {"scale", r.scale},
             {"methods", r.methods},
             {"matches", r.matches},
             {"basis", r.basis},
             {"explanation", r.explanation}};
}
template <class Json>
void from_json(const Json& j, audit_result& r) {
    r.consistent = json_detail::optional_from<bool>(j.at("consistent"));
    r.expected = json_detail::optional_from<double>(j.at("expected"));
    r.reported = json_detail::optional_from<double>(j.at("reported"));
    r.scale = j.at("scale").template get<report_scale>();
    r.methods = j.at("methods").template get<std::vector<std::string>>();
    r.matches = j.at("matches").template get<std::vector<audit_match>>();
    r.basis = j.at("basis").template get<std::string>();
    r.explanation = j.at("explanation").template get<std::string>();
}

/// A plan: the structure of its YAML file (docs/plan-format.md), as to_json_text (io.hpp)
/// writes it. from_json reads it with parse_plan (file "<json>"), so every check of loading
/// applies and load errors are file_errors as for YAML. Through nlohmann::ordered_json,
/// from_json(to_json(p)) == p for every plan. nlohmann::json keeps an object's keys in name order
/// (a std::map), and the order of the `scales:` and `sources:` mappings is part of a plan: through
/// it a plan comes back with its scales and sources sorted by name, and equal to p when they were.
template <class Json>
void to_json(Json& j, const plan& p) {
    j = Json::parse(to_json_text(p));
}
template <class Json>
void from_json(const Json& j, plan& p) {
    p = parse_plan(j.dump(), "<json>");
}

}  // namespace kinerja

/// period_year as JSON: an integer year, or "end" for end_of_period (`j.get<kinerja::period_year>()`
/// and `json j = year` work; period_year has no default value, hence a serializer rather than
/// from_json). \throws argument_error kinerja.argument.json_year for anything else (null too).
template <>
struct nlohmann::adl_serializer<kinerja::period_year> {
    template <class Json>
    static void to_json(Json& j, kinerja::period_year y) {
        j = kinerja::json_detail::year_json<Json>(y);
    }
    template <class Json>
    static kinerja::period_year from_json(const Json& j) {
        if (j.is_null())
            throw kinerja::argument_error("kinerja.argument.json_year",
                                          "a year in JSON is an integer or \"end\", got null");
        return *kinerja::json_detail::year_from(j);
    }
};
