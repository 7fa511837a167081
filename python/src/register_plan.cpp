// SPDX-License-Identifier: Apache-2.0
// Plans, their nodes and indicators, plan files, and checks.
#include "register.hpp"

#include <kinerja/catalog.hpp>
#include <kinerja/check.hpp>
#include <kinerja/conventions.hpp>
#include <kinerja/diff.hpp>
#include <kinerja/error.hpp>
#include <kinerja/json.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/plan_values.hpp>
#include <kinerja/rollup.hpp>
#include <kinerja/strategy.hpp>

#include <pybind11/stl.h>

#include <tuple>

namespace py = pybind11;

namespace kinerja::python {

namespace {

// The identity of a plan read from a table (Python's load_plan_csv and load_plan_xlsx arguments).
csv_options table_identity(const std::string& id, const std::string& title, const std::string& organisation,
                           const std::string& region, int period_from, int period_to, const std::string& version) {
    csv_options o;
    o.id = id;
    o.title = title;
    o.organisation = organisation;
    o.region = region;
    o.period_from = period_from;
    o.period_to = period_to;
    o.version = version;
    return o;
}

// A JSON value as the Python object json.loads would give for its text.
py::object json_to_python(const nlohmann::ordered_json& j) {
    using t = nlohmann::ordered_json::value_t;
    switch (j.type()) {
        case t::boolean: return py::bool_(j.get<bool>());
        case t::number_integer: return py::int_(j.get<std::int64_t>());
        case t::number_unsigned: return py::int_(j.get<std::uint64_t>());
        case t::number_float: return py::float_(j.get<double>());
        case t::string: return to_str(j.get_ref<const std::string&>());
        case t::array: {
            py::list out;
            for (const auto& x : j) out.append(json_to_python(x));
            return std::move(out);
        }
        case t::object: {
            py::dict out;
            for (const auto& [k, v] : j.items()) out[to_str(k)] = json_to_python(v);
            return std::move(out);
        }
        default: return py::none();
    }
}

py::dict settings_dict(const plan_settings& s) {
    py::dict d;
    d["lower_method"] = std::string(to_string(s.lower_method));
    d["rounding"] = std::string(to_string(s.rounding.mode));
    d["decimals"] = s.rounding.decimals;
    d["code_scope"] = std::string(to_string(s.code_scope));
    d["evidence"] = s.evidence_required ? "required" : "optional";
    return d;
}

py::dict first_texts(const year_values& ys) {
    py::dict d;
    for (const auto& [y, vs] : ys)
        if (!vs.empty()) d[year_key(y)] = vs.front().text;
    return d;
}

py::dict all_texts(const year_values& ys) {
    py::dict d;
    for (const auto& [y, vs] : ys) {
        py::list l;
        for (const auto& v : vs) l.append(v.text);
        d[year_key(y)] = l;
    }
    return d;
}

py::object opt_text(const std::optional<printed_value>& v) { return v ? py::object(to_str(v->text)) : py::none(); }
py::object opt_str(const std::string& s) { return s.empty() ? py::none() : py::object(to_str(s)); }

printed_value entered(const std::string& text, const std::string& source) {
    printed_value v;
    v.text = text;
    v.source = source;
    return v;
}

// The annual cycle's types (docs/annual-cycle.md): evidence, verification steps, realization
// records, annual target documents.
void register_cycle_types(py::module_& m) {
    py::class_<evidence>(m, "Evidence", "A piece of evidence (bukti dukung) of a realization.")
        .def_readonly("title", &evidence::title)
        .def_property_readonly("kind", [](const evidence& e) { return opt_str(e.kind); })
        .def_property_readonly("uri", [](const evidence& e) { return opt_str(e.uri); })
        .def_property_readonly("path", [](const evidence& e) { return opt_str(e.path); })
        .def_property_readonly("hash", [](const evidence& e) { return opt_str(e.hash); })
        .def_property_readonly("location", [](const evidence& e) { return e.location.to_string(); })
        .def("__repr__",
             [](const evidence& e) { return "Evidence(" + py::repr(to_str(e.title)).cast<std::string>() + ")"; });
    py::class_<verification_step>(m, "VerificationStep", "A step of a realization's verification: who did what when.")
        .def_property_readonly("status", [](const verification_step& s) { return std::string(to_string(s.status)); })
        .def_readonly("by", &verification_step::by)
        .def_readonly("at", &verification_step::at)
        .def_property_readonly("value", [](const verification_step& s) { return opt_str(s.value); })
        .def_property_readonly("reason", [](const verification_step& s) { return opt_str(s.reason); })
        .def_property_readonly("note", [](const verification_step& s) { return opt_str(s.note); })
        .def_property_readonly("location", [](const verification_step& s) { return s.location.to_string(); })
        .def("__repr__", [](const verification_step& s) {
            return "VerificationStep(" + std::string(to_string(s.status)) + ", " +
                   py::repr(to_str(s.by)).cast<std::string>() + ", " + py::repr(to_str(s.at)).cast<std::string>() + ")";
        });
    py::class_<realization_record>(m, "RealizationRecord",
                                   "The evidence and verification of a year's realization (quarter None) or a "
                                   "quarter's.")
        .def_readonly("year", &realization_record::year)
        .def_property_readonly("quarter",
                               [](const realization_record& r) -> py::object {
                                   return r.quarter == 0 ? py::none() : py::object(py::int_(r.quarter));
                               })
        .def_readonly("evidence", &realization_record::evidence)
        .def_readonly("verification", &realization_record::verification)
        .def_property_readonly("status",
                               [](const realization_record& r) -> py::object {
                                   const auto s = r.status();
                                   return s ? py::object(py::str(std::string(to_string(*s)))) : py::none();
                               })
        .def("__repr__", [](const realization_record& r) {
            return "RealizationRecord(" + std::to_string(r.year) +
                   (r.quarter ? ", q" + std::to_string(r.quarter) : std::string()) + ", " +
                   std::to_string(r.evidence.size()) + " evidence, " +
                   (r.status() ? std::string(to_string(*r.status())) : std::string("no verification")) + ")";
        });
    py::class_<annual_target>(m, "AnnualTarget", "One indicator's target in an annual document.")
        .def_readonly("indicator", &annual_target::indicator)
        .def_property_readonly("value", [](const annual_target& t) { return t.value.text; })
        .def_property_readonly("source", [](const annual_target& t) { return opt_str(t.value.source); })
        .def_property_readonly("note", [](const annual_target& t) { return opt_str(t.value.note); })
        .def_property_readonly("revision", [](const annual_target& t) { return opt_str(t.revision); })
        .def_property_readonly("location", [](const annual_target& t) { return t.value.location.to_string(); })
        .def("__repr__", [](const annual_target& t) {
            return "AnnualTarget('" + t.indicator + "', " + py::repr(to_str(t.value.text)).cast<std::string>() + ")";
        });
    py::class_<annual_document>(m, "AnnualDocument",
                                "A yearly target document (Renja, Perjanjian Kinerja): a version of a year's targets.")
        .def_readonly("id", &annual_document::id)
        .def_property_readonly("kind", [](const annual_document& d) { return std::string(to_string(d.kind)); })
        .def_readonly("year", &annual_document::year)
        .def_property_readonly("label", [](const annual_document& d) { return opt_str(d.label); })
        .def_property_readonly("number", [](const annual_document& d) { return opt_str(d.number); })
        .def_property_readonly("date", [](const annual_document& d) { return opt_str(d.date); })
        .def_property_readonly("source", [](const annual_document& d) { return opt_str(d.source); })
        .def_readonly("targets", &annual_document::targets)
        .def_property_readonly("location", [](const annual_document& d) { return d.location.to_string(); })
        .def("__repr__", [](const annual_document& d) {
            return "AnnualDocument('" + d.id + "', " + std::string(to_string(d.kind)) + ", " + std::to_string(d.year) +
                   ", " + std::to_string(d.targets.size()) + " targets)";
        });
    m.def(
        "verification_transitions",
        [] {
            std::vector<std::pair<py::object, std::string>> out;
            for (const auto& [from, to] : verification_transitions())
                out.emplace_back(from ? py::object(py::str(std::string(to_string(*from)))) : py::none(),
                                 std::string(to_string(to)));
            return out;
        },
        "The allowed verification transitions (from, to) in the table's order; from None is the first step.");
}

}  // namespace

void apply_check_settings(check_options& o, const py::dict& settings) {
    for (const auto& [key, given] : settings) {
        const std::string name = py::cast<std::string>(key);
        auto band = [&given] { return py::cast<std::pair<double, double>>(given); };
        if (name == "budget_tolerance")
            o.budget_tolerance = py::cast<double>(given);
        else if (name == "scale_jump_band")
            o.scale_jump_band = band();
        else if (name == "scale_jump_mixed_band")
            o.scale_jump_mixed_band = band();
        else if (name == "scale_jump_slip_band")
            o.scale_jump_slip_band = band();
        else if (name == "scale_jump_slip_agreement")
            o.scale_jump_slip_agreement = py::cast<double>(given);
        else
            throw argument_error("kinerja.argument.check_option",
                                 "unknown check setting \"" + name +
                                     "\" (settings: budget_tolerance, scale_jump_band, scale_jump_mixed_band, "
                                     "scale_jump_slip_band, scale_jump_slip_agreement)");
    }
}

void register_plan(py::module_& m) {
    register_cycle_types(m);
    py::class_<printed_value>(m, "PrintedValue", "A value as printed, with its source table and place in the file.")
        .def_readonly("text", &printed_value::text)
        .def_readonly("source", &printed_value::source)
        .def_readonly("note", &printed_value::note)
        .def_property_readonly("location", [](const printed_value& v) { return v.location.to_string(); })
        .def("__repr__", [](const printed_value& v) {
            return "PrintedValue(" + py::repr(to_str(v.text)).cast<std::string>() + ")";
        });

    py::class_<indicator>(m, "Indicator", "A performance indicator of a plan node.")
        .def_readonly("id", &indicator::id)
        .def_readonly("name", &indicator::name)
        .def_property_readonly("kind", [](const indicator& i) { return opt_str(i.kind); })
        .def_property_readonly("unit", [](const indicator& i) { return opt_text(i.unit); })
        .def_property_readonly("polarity",
                               [](const indicator& i) -> py::object {
                                   if (!i.scale.empty()) return to_str("scale:" + i.scale);
                                   if (i.polarity) return py::str(std::string(to_string(*i.polarity)));
                                   return py::none();
                               })
        .def_property_readonly("scale", [](const indicator& i) { return opt_str(i.scale); })
        .def_property_readonly("convention",
                               [](const indicator& i) -> py::object {
                                   if (i.convention) return py::str(std::string(to_string(*i.convention)));
                                   return py::none();
                               })
        .def_property_readonly("table_convention",
                               [](const indicator& i) -> py::object {
                                   if (i.table_convention) return py::str(std::string(to_string(*i.table_convention)));
                                   return py::none();
                               })
        .def_readonly("polarity_basis", &indicator::polarity_basis)
        .def_property_readonly("catalog", [](const indicator& i) { return opt_str(i.catalog); })
        .def_property_readonly("formula", [](const indicator& i) { return opt_text(i.formula); })
        .def_property_readonly("legal_basis", [](const indicator& i) { return opt_text(i.legal_basis); })
        .def_property_readonly("responsible", [](const indicator& i) { return opt_str(i.responsible); })
        .def_property_readonly("baseline", [](const indicator& i) { return opt_text(i.baseline); })
        .def_readonly("baseline_year", &indicator::baseline_year)
        .def_property_readonly("targets", [](const indicator& i) { return first_texts(i.targets); })
        .def_property_readonly("realizations", [](const indicator& i) { return first_texts(i.realizations); })
        .def_property_readonly("quarterly_realizations",
                               [](const indicator& i) {
                                   py::dict d;
                                   for (const auto& [y, qs] : i.quarterly_realizations) {
                                       py::dict q;
                                       for (const auto& [k, v] : qs) q[py::int_(k)] = v.text;
                                       d[year_key(y)] = q;
                                   }
                                   return d;
                               })
        .def_property_readonly("reported_achievement",
                               [](const indicator& i) { return all_texts(i.reported_achievement); })
        .def_property_readonly("budget", [](const indicator& i) { return first_texts(i.budget); })
        .def_property_readonly("aggregation", [](const indicator& i) { return std::string(to_string(i.aggregation)); })
        .def_readonly("source", &indicator::source)
        .def_readonly("realization_records", &indicator::realization_records,
                      "Evidence and verification of realizations, by year and quarter.")
        .def_property_readonly("location", [](const indicator& i) { return i.location.to_string(); })
        .def("__repr__", [](const indicator& i) {
            return "Indicator('" + i.id + "', " + py::repr(to_str(i.name)).cast<std::string>() + ")";
        });

    py::class_<node>(m, "Node", "A node of the cascade (goal, objective, programme, activity, sub-activity).")
        .def_readonly("id", &node::id)
        .def_property_readonly("level", [](const node& n) { return std::string(to_string(n.level)); })
        .def_readonly("name", &node::name)
        .def_property_readonly("code", [](const node& n) { return opt_text(n.code); })
        .def_property_readonly("code_printed", [](const node& n) { return opt_str(n.code_printed); })
        .def_property_readonly("parent", [](const node& n) { return opt_str(n.parent); })
        .def_readonly("supports", &node::supports)
        .def_property_readonly("responsible", [](const node& n) { return opt_str(n.responsible); })
        .def_readonly("context", &node::context,
                      "A context node: its printed total covers more than the plan holds; not checked as complete.")
        .def_property_readonly("budget", [](const node& n) { return first_texts(n.budget); })
        .def_property_readonly("budget_realized", [](const node& n) { return first_texts(n.budget_realized); })
        .def_property_readonly("reported_absorption", [](const node& n) { return first_texts(n.reported_absorption); })
        .def_readonly("indicators", &node::indicators)
        .def_readonly("period", &node::period)
        .def_property_readonly("successor", [](const node& n) { return opt_str(n.successor); })
        .def_readonly("source", &node::source)
        .def_property_readonly("location", [](const node& n) { return n.location.to_string(); })
        .def("__repr__", [](const node& n) {
            return "Node('" + n.id + "', " + std::string(to_string(n.level)) + ", " +
                   py::repr(to_str(n.name)).cast<std::string>() + ")";
        });

    py::class_<total>(m, "Total", "A printed total row (JUMLAH) of a plan, which sums the nodes named in `over`.")
        .def_readonly("id", &total::id)
        .def_readonly("name", &total::name)
        .def_readonly("over", &total::over)
        .def_readonly("context", &total::context,
                      "A context total: it covers more rows than `over` names; only rows that sum to more than it "
                      "are reported.")
        .def_property_readonly("budget", [](const total& t) { return first_texts(t.budget); })
        .def_property_readonly("budget_realized", [](const total& t) { return first_texts(t.budget_realized); })
        .def_property_readonly("reported_absorption", [](const total& t) { return first_texts(t.reported_absorption); })
        .def_readonly("source", &total::source)
        .def_property_readonly("location", [](const total& t) { return t.location.to_string(); })
        .def("__repr__", [](const total& t) {
            return "Total('" + t.id + "', " + py::repr(to_str(t.name)).cast<std::string>() + ")";
        });

    py::class_<finding>(m, "Finding", "One inconsistency found by a plan check.")
        .def_readonly("rule", &finding::rule)
        .def_property_readonly("severity", [](const finding& f) { return std::string(to_string(f.severity)); })
        .def_readonly("node", &finding::node)
        .def_readonly("node_id", &finding::node_id)
        .def_readonly("node_code", &finding::node_code)
        .def_readonly("node_name", &finding::node_name)
        .def_property_readonly("indicator", [](const finding& f) { return opt_str(f.indicator); })
        .def_property_readonly("indicator_name", [](const finding& f) { return opt_str(f.indicator_name); })
        .def_property_readonly("year",
                               [](const finding& f) -> py::object { return f.year ? year_key(*f.year) : py::none(); })
        .def_property_readonly("expected",
                               [](const finding& f) -> py::object {
                                   if (f.expected_number) return py::float_(*f.expected_number);
                                   return opt_str(f.expected);
                               })
        .def_property_readonly("actual",
                               [](const finding& f) -> py::object {
                                   if (f.actual_number) return py::float_(*f.actual_number);
                                   return opt_str(f.actual);
                               })
        .def_readonly("expected_text", &finding::expected)
        .def_readonly("actual_text", &finding::actual)
        .def_readonly("message", &finding::message)
        .def_property_readonly("location", [](const finding& f) { return f.location.to_string(); })
        .def_property_readonly("line", [](const finding& f) { return f.location.line; })
        .def_property_readonly("column", [](const finding& f) { return f.location.column; })
        .def_readonly("source", &finding::source)
        .def(
            "to_dict", [](const finding& f) { return json_to_python(nlohmann::ordered_json(f)); },
            "The finding as a dict: the JSON of `kinerja check --format json`, made by the C++ "
            "to_json (include/kinerja/json.hpp), keys in its order.")
        .def("__repr__", [](const finding& f) {
            return "Finding(" + f.rule + ", " + std::string(to_string(f.severity)) + ", node=" + f.node +
                   (f.year ? ", year=" + to_string(*f.year) : "") + ")";
        });

    py::class_<rule_info>(m, "RuleInfo", "A rule of the registry of checks (kinerja::check_registry).")
        .def_readonly("id", &rule_info::id)
        .def_property_readonly("severity", [](const rule_info& r) { return std::string(to_string(r.severity)); })
        .def_readonly("description", &rule_info::description)
        .def_readonly("origin", &rule_info::origin)
        .def_property_readonly("location",
                               [](const rule_info& r) -> py::object {
                                   if (r.location.line <= 0) return py::none();
                                   return to_str(r.location.to_string());
                               })
        .def("__repr__", [](const rule_info& r) {
            return "RuleInfo('" + r.id + "', " + std::string(to_string(r.severity)) + ", " + r.origin + ")";
        });
    m.def(
        "check_rules", [](const std::vector<rule_set>& rule_sets) { return check_registry(rule_sets).rules(); },
        py::arg("rule_sets") = std::vector<rule_set>{});

    auto named_or_none = [](const auto& v) -> py::object {
        return v ? py::object(to_str(to_string(*v))) : py::object(py::none());
    };
    py::class_<level_pagu_convention>(m, "LevelPaguConvention", "Whether one level of the cascade carries pagu.")
        .def_property_readonly("level", [](const level_pagu_convention& c) { return to_str(to_string(c.level)); })
        .def_readonly("carries", &level_pagu_convention::carries)
        .def_property_readonly("origin", [](const level_pagu_convention& c) { return to_str(to_string(c.origin)); })
        .def_readonly("priced", &level_pagu_convention::priced)
        .def_readonly("unpriced", &level_pagu_convention::unpriced)
        .def("__repr__", [](const level_pagu_convention& c) {
            return "LevelPaguConvention(" + std::string(to_string(c.level)) + ": " +
                   (c.carries ? (*c.carries ? "carries pagu" : "carries no pagu") : "unknown") + ", " +
                   std::string(to_string(c.origin)) + ", " + std::to_string(c.priced) + " priced, " +
                   std::to_string(c.unpriced) + " not)";
        });
    py::class_<end_column_convention>(m, "EndColumnConvention", "What the end column means, with the evidence.")
        .def_property_readonly("value",
                               [named_or_none](const end_column_convention& c) { return named_or_none(c.value); })
        .def_property_readonly("origin", [](const end_column_convention& c) { return to_str(to_string(c.origin)); })
        .def_readonly("sum", &end_column_convention::sum)
        .def_readonly("last", &end_column_convention::last)
        .def_readonly("neither", &end_column_convention::neither)
        .def_readonly("both", &end_column_convention::both)
        .def("__repr__", [](const end_column_convention& c) {
            return "EndColumnConvention(" + (c.value ? std::string(to_string(*c.value)) : std::string("None")) + ", " +
                   std::string(to_string(c.origin)) + ", sum=" + std::to_string(c.sum) +
                   ", last=" + std::to_string(c.last) + ", neither=" + std::to_string(c.neither) + ")";
        });
    py::class_<indicator_pagu_convention>(m, "IndicatorPaguConvention",
                                          "Whether pagu on indicator rows are parts of the node's or repeat it.")
        .def_property_readonly("value",
                               [named_or_none](const indicator_pagu_convention& c) { return named_or_none(c.value); })
        .def_property_readonly("origin", [](const indicator_pagu_convention& c) { return to_str(to_string(c.origin)); })
        .def_readonly("parts", &indicator_pagu_convention::parts)
        .def_readonly("repeat", &indicator_pagu_convention::repeat)
        .def("__repr__", [](const indicator_pagu_convention& c) {
            return "IndicatorPaguConvention(" + (c.value ? std::string(to_string(*c.value)) : std::string("None")) +
                   ", " + std::string(to_string(c.origin)) + ", parts=" + std::to_string(c.parts) +
                   ", repeat=" + std::to_string(c.repeat) + ")";
        });
    py::class_<number_convention>(m, "NumberConvention", "The plan's number convention, with the evidence.")
        .def_property_readonly("value", [named_or_none](const number_convention& c) { return named_or_none(c.value); })
        .def_property_readonly("origin", [](const number_convention& c) { return to_str(to_string(c.origin)); })
        .def_readonly("english", &number_convention::english)
        .def_readonly("indonesian", &number_convention::indonesian)
        .def("__repr__", [](const number_convention& c) {
            return "NumberConvention(" + (c.value ? std::string(to_string(*c.value)) : std::string("None")) + ", " +
                   std::string(to_string(c.origin)) + ", english=" + std::to_string(c.english) +
                   ", indonesian=" + std::to_string(c.indonesian) + ")";
        });
    py::class_<plan_conventions>(m, "PlanConventions",
                                 "A plan's conventions, each declared or inferred from its rows (conventions.hpp).")
        .def_readonly("pagu_levels", &plan_conventions::pagu_levels)
        .def_readonly("budget_end", &plan_conventions::budget_end)
        .def_readonly("target_end", &plan_conventions::target_end)
        .def_readonly("indicator_pagu", &plan_conventions::indicator_pagu)
        .def_readonly("numbers", &plan_conventions::numbers)
        .def_property_readonly("number_tables",
                               [](const plan_conventions& c) {
                                   py::dict d;
                                   for (const table_convention& t : c.number_tables)
                                       d[py::str(t.table)] = py::str(std::string(to_string(t.convention)));
                                   return d;
                               })
        .def_readonly("majority", &plan_conventions::majority)
        .def(
            "carries_pagu",
            [](const plan_conventions& c, const std::string& level) {
                return c.carries_pagu(node_level_from_string(level));
            },
            py::arg("level"), "True, False, or None when unknown.")
        .def_readonly("realized_levels", &plan_conventions::realized_levels)
        .def_readonly("realized_follows_pagu", &plan_conventions::realized_follows_pagu)
        .def(
            "carries_realized",
            [](const plan_conventions& c, const std::string& level) {
                return c.carries_realized(node_level_from_string(level));
            },
            py::arg("level"), "Whether the level carries realized budget: True, False, or None when unknown.")
        .def("lines", &plan_conventions::lines)
        .def("summary", &plan_conventions::summary)
        .def("__str__",
             [](const plan_conventions& c) {
                 std::string s;
                 for (const std::string& l : c.lines()) s += (s.empty() ? "" : "\n") + l;
                 return s;
             })
        .def("__repr__", [](const plan_conventions& c) {
            std::string s = "PlanConventions(";
            for (const std::string& l : c.lines()) s += "\n  " + l;
            return s + ")";
        });
    m.def(
        "infer_conventions",
        [](const plan& p, std::optional<double> majority, double tolerance) {
            convention_options o;
            if (majority) o.majority = *majority;
            o.amount_tolerance = tolerance;
            return infer_conventions(p, o);
        },
        py::arg("plan"), py::arg("majority") = py::none(), py::arg("amount_tolerance") = 0.5, release_gil(),
        "The plan's conventions: the declared ones, the others inferred (conventions.hpp).");

    py::class_<plan>(m, "Plan", "A whole strategic plan (the compiled model; use kinerja.Plan).")
        .def_property_readonly("id", [](const plan& p) { return p.info.id; })
        .def_property_readonly("title", [](const plan& p) { return p.info.title; })
        .def_property_readonly("organisation", [](const plan& p) { return p.info.organisation; })
        .def_property_readonly("region", [](const plan& p) { return p.info.region; })
        .def_property_readonly("period",
                               [](const plan& p) { return std::make_pair(p.info.period_from, p.info.period_to); })
        .def_property_readonly("version", [](const plan& p) { return p.info.version; })
        .def_property_readonly("document_date", [](const plan& p) { return p.info.document_date; })
        .def_property_readonly("versions", &plan::version_names)
        .def_property_readonly("settings", [](const plan& p) { return settings_dict(p.settings); })
        .def_readonly("file", &plan::file)
        .def_readonly("catalogs", &plan::catalogs)
        .def_property_readonly(
            "catalog", [](const plan& p) { return *p.resolved_catalog(); }, release_gil())
        .def_readonly("nodes", &plan::nodes)
        .def_readonly("history", &plan::history)
        .def_readonly("totals", &plan::totals)
        .def_readonly("annual_documents", &plan::annual_documents)
        .def(
            "annual_target_versions",
            [](const plan& p, const std::string& indicator_id, int year) {
                std::vector<std::tuple<py::object, std::string, py::object>> out;
                for (const annual_target_version& v : annual_target_versions(p, indicator_id, year))
                    out.emplace_back(v.document ? py::object(to_str(v.document->id)) : py::none(), v.value->text,
                                     opt_str(v.revision));
                return out;
            },
            py::arg("indicator_id"), py::arg("year"))
        .def(
            "find_node",
            [](const plan& p, const std::string& id) -> py::object {
                const node* n = p.find_node(id);
                return n ? py::cast(*n) : py::none();
            },
            py::arg("id"))
        .def(
            "find_indicator",
            [](const plan& p, const std::string& id) -> py::object {
                auto [n, i] = p.find_indicator(id);
                return i ? py::make_tuple(*n, *i) : py::object(py::none());
            },
            py::arg("id"))
        .def(
            "node", [](const plan& p, const std::string& id) { return require_node(p, id); }, py::arg("id"))
        .def(
            "indicator", [](const plan& p, const std::string& id) { return require_indicator(p, id); }, py::arg("id"))
        .def(
            "achievement",
            [](const plan& p, const std::string& indicator_id, const py::object& year) {
                return indicator_achievement(p, indicator_id, year_from(year));
            },
            py::arg("indicator_id"), py::arg("year"))
        .def(
            "children",
            [](const plan& p, const std::string& id) {
                std::vector<node> out;
                for (const node* n : p.children(id)) out.push_back(*n);
                return out;
            },
            py::arg("id"))
        .def("version_of", &plan::version, py::arg("name"), release_gil())
        .def("to_yaml", &to_yaml, release_gil())
        .def("save", &save_plan, py::arg("path"), release_gil())
        .def(
            "check",
            [](const plan& p, const std::vector<std::string>& rules, bool include_history,
               const std::vector<rule_set>& rule_sets, const py::dict& settings) {
                check_options o;  // a setting not given keeps its C++ default (check.hpp)
                o.rules.insert(rules.begin(), rules.end());
                o.include_history = include_history;
                o.rule_sets = rule_sets;
                apply_check_settings(o, settings);
                py::gil_scoped_release release;
                return check(p, o);
            },
            py::arg("rules") = std::vector<std::string>{}, py::arg("include_history") = true,
            py::arg("rule_sets") = std::vector<rule_set>{}, py::arg("settings") = py::dict())
        .def(
            "set_value",
            [](plan& p, const std::string& indicator_id, const std::string& field, const py::object& year,
               const std::string& text, const std::string& source) {
                const period_year y = year_from(year);
                for (auto* list : {&p.nodes, &p.history})
                    for (node& n : *list)
                        for (indicator& i : n.indicators)
                            if (i.id == indicator_id) {
                                year_values* target = field == "target"                 ? &i.targets
                                                      : field == "realization"          ? &i.realizations
                                                      : field == "reported_achievement" ? &i.reported_achievement
                                                                                        : nullptr;
                                if (!target)
                                    throw py::value_error("field is target, realization or reported_achievement");
                                (*target)[y] = {entered(text, source)};
                                return;
                            }
                require_indicator(p, indicator_id);  // throws: none has this id
            },
            py::arg("indicator_id"), py::arg("field"), py::arg("year"), py::arg("text"), py::arg("source") = "")
        .def(
            "set_node_value",
            [](plan& p, const std::string& node_id, const std::string& field, const py::object& year,
               const std::string& text, const std::string& source) {
                node* n = p.find_node(node_id);
                if (!n) {
                    require_node(p, node_id);  // throws: none has this id
                    return;
                }
                year_values* target = field == "budget"            ? &n->budget
                                      : field == "budget_realized" ? &n->budget_realized
                                                                   : nullptr;
                if (!target) throw py::value_error("field is budget or budget_realized");
                (*target)[year_from(year)] = {entered(text, source)};
            },
            py::arg("node_id"), py::arg("field"), py::arg("year"), py::arg("text"), py::arg("source") = "")
        .def(
            "__eq__", [](const plan& a, const plan& b) { return a == b; }, release_gil())
        .def(
            "__ne__", [](const plan& a, const plan& b) { return a != b; }, release_gil());

    py::class_<change>(m, "Change", "One difference between two versions of a plan.")
        .def_property_readonly("kind", [](const change& c) { return std::string(to_string(c.kind)); })
        .def_readonly("subject", &change::subject)
        .def_readonly("id", &change::id)
        .def_readonly("node", &change::node)
        .def_readonly("name", &change::name)
        .def_readonly("node_id", &change::node_id)
        .def_readonly("node_code", &change::node_code)
        .def_readonly("node_name", &change::node_name)
        .def_property_readonly("field", [](const change& c) { return opt_str(c.field); })
        .def_property_readonly("year",
                               [](const change& c) -> py::object { return c.year ? year_key(*c.year) : py::none(); })
        .def_readonly("old", &change::from)
        .def_readonly("new", &change::to)
        .def("__repr__", [](const change& c) {
            return "Change(" + std::string(to_string(c.kind)) + " " + c.subject + " " + c.id +
                   (c.field.empty() ? "" : " " + c.field) + (c.year ? " " + to_string(*c.year) : "") + ")";
        });
    m.def("diff_plans", &diff_plans, py::arg("older"), py::arg("newer"), release_gil());

    py::class_<strategy_link>(m, "StrategyLink",
                              "A supports link of the strategy layer (Tabel 5.1): strategi -> sasaran, "
                              "arah_kebijakan -> strategi, program -> arah_kebijakan.")
        .def_readonly("source", &strategy_link::from)
        .def_readonly("target", &strategy_link::to)
        .def_property_readonly("source_level",
                               [](const strategy_link& l) { return std::string(to_string(l.from_level)); })
        .def_property_readonly("target_level",
                               [](const strategy_link& l) { return std::string(to_string(l.to_level)); })
        .def_property_readonly("location", [](const strategy_link& l) { return l.location.to_string(); })
        .def("__repr__", [](const strategy_link& l) {
            return "StrategyLink(" + std::string(to_string(l.from_level)) + " " + l.from + " -> " +
                   std::string(to_string(l.to_level)) + " " + l.to + ")";
        });
    py::class_<strategy_row>(m, "StrategyRow", "One row of the Tabel 5.1 matrix: a sasaran and what serves it.")
        .def_readonly("tujuan", &strategy_row::tujuan)
        .def_readonly("sasaran", &strategy_row::sasaran)
        .def_readonly("strategies", &strategy_row::strategies)
        .def_readonly("policies", &strategy_row::policies)
        .def_readonly("programmes", &strategy_row::programmes)
        .def("__repr__", [](const strategy_row& r) {
            return "StrategyRow(" + r.sasaran + ": " + std::to_string(r.strategies.size()) + " strategi, " +
                   std::to_string(r.policies.size()) + " arah_kebijakan, " + std::to_string(r.programmes.size()) +
                   " program)";
        });
    m.def("strategy_links", &strategy_links, py::arg("plan"), release_gil());
    m.def("strategy_matrix", &strategy_matrix, py::arg("plan"), release_gil());
    m.def("has_strategy_layer", &has_strategy_layer, py::arg("plan"));

    py::class_<rollup_entry>(m, "RollupEntry", "A node's achievement in a year, rolled up the cascade.")
        .def_readonly("node_id", &rollup_entry::node_id)
        .def_readonly("node", &rollup_entry::node)
        .def_readonly("name", &rollup_entry::name)
        .def_property_readonly("level", [](const rollup_entry& e) { return std::string(to_string(e.level)); })
        .def_readonly("year", &rollup_entry::year)
        .def_readonly("own", &rollup_entry::own)
        .def_readonly("rolled", &rollup_entry::rolled)
        .def_readonly("indicators", &rollup_entry::indicators)
        .def_readonly("skipped", &rollup_entry::skipped)
        .def_readonly("children", &rollup_entry::children)
        .def_property_readonly("method", [](const rollup_entry& e) { return std::string(to_string(e.method)); })
        .def_readonly("basis", &rollup_entry::basis);
    m.def(
        "rollup_plan",
        [](const plan& p, const std::string& method, const std::vector<int>& years, bool include_history) {
            rollup_options o;
            o.method = rollup_method_from_string(method);
            o.years = years;
            o.include_history = include_history;
            return rollup_plan(p, o);
        },
        py::arg("plan"), py::arg("method") = "mean", py::arg("years") = std::vector<int>{},
        py::arg("include_history") = false, release_gil());
    m.def(
        "yearly_realization",
        [](const plan& p, const std::string& indicator_id, const py::object& year) -> py::object {
            auto v = yearly_realization(require_indicator(p, indicator_id), year_from(year), plan_scales(p));
            return v ? py::cast(*v) : py::none();
        },
        py::arg("plan"), py::arg("indicator_id"), py::arg("year"));

    static const plan default_plan;  // the default settings and scales, for an indicator without its plan
    m.def(
        "indicator_achievement",
        [](const plan* p, const indicator& ind, const py::object& year) {
            return indicator_achievement(p ? *p : default_plan, ind, year_from(year));
        },
        py::arg("plan"), py::arg("indicator"), py::arg("year"),
        "An indicator's achievement in a year with the plan's settings (plan_values.hpp); None where there is none. "
        "plan=None: the default settings.");
    m.def(
        "indicator_achievement_detail",
        [](const plan* p, const indicator& ind, const py::object& year) {
            return indicator_achievement_detail(p ? *p : default_plan, ind, year_from(year));
        },
        py::arg("plan"), py::arg("indicator"), py::arg("year"),
        "The same as an AchievementResult; raises the error that leaves the achievement undefined.");
    m.def(
        "node_pagu",
        [](const node& n, const py::object& year, const std::optional<std::string>& rule) {
            return node_pagu(n, year_from(year),
                             rule ? std::optional(indicator_pagu_from_string(*rule)) : std::nullopt);
        },
        py::arg("node"), py::arg("year"), py::arg("indicator_pagu") = py::none(),
        "A node's pagu in a year as a number: its own row, else its indicator rows by the rule (\"parts\": their "
        "sum; \"repeat\" or None: the first).");
    m.def(
        "node_pagu_cells",
        [](const node& n, const py::object& year, const std::optional<std::string>& rule) {
            py::list out;
            for (const printed_value* v : node_pagu_cells(
                     n, year_from(year), rule ? std::optional(indicator_pagu_from_string(*rule)) : std::nullopt))
                out.append(to_str(v->text));
            return out;
        },
        py::arg("node"), py::arg("year"), py::arg("indicator_pagu") = py::none(),
        "The printed texts a node's pagu in a year is read from (plan_values.hpp node_pagu_cells).");
    m.def(
        "node_pagu_cell",
        [](const node& n, const py::object& year) -> py::object {
            const printed_value* v = node_pagu_cell(n, year_from(year));
            return v ? py::object(to_str(v->text)) : py::object(py::none());
        },
        py::arg("node"), py::arg("year"), "The printed text of a node's pagu in a year, or None.");
    m.def(
        "node_pagu_years",
        [](const node& n) {
            py::list out;
            for (period_year y : node_pagu_years(n)) out.append(year_key(y));
            return out;
        },
        py::arg("node"));
    m.def(
        "default_plan_settings", []() { return settings_dict(plan_settings{}); },
        "The settings of a plan that states none (plan.hpp plan_settings), as Plan.settings gives them.");
    m.def("nearest_names", &nearest_names, py::arg("name"), py::arg("candidates"), py::arg("count") = 3,
          py::arg("alike_only") = true);

    m.def(
        "read_value",
        [](const indicator& ind, const std::string& text, const plan* p) {
            return read_value(ind, printed_value{text, {}, {}, {}}, p ? plan_scales(*p) : default_scales());
        },
        py::arg("indicator"), py::arg("text"), py::arg("plan") = nullptr,
        "A printed value of an indicator, read with its unit or scale as context (the plan's scales when given).");
    py::class_<load_limits>(m, "LoadLimits",
                            "Bounds on the work a plan file or table may ask of the loaders (docs/plan-format.md, "
                            "Limits); None keeps a field's default.")
        .def(py::init([](std::optional<std::uint64_t> max_input_bytes, std::optional<std::uint64_t> max_period_years,
                         std::optional<std::uint64_t> max_alias_expansion, std::optional<std::uint64_t> max_nodes,
                         std::optional<std::uint64_t> max_nesting) {
                 load_limits l;
                 if (max_input_bytes) l.max_input_bytes = *max_input_bytes;
                 if (max_period_years) l.max_period_years = *max_period_years;
                 if (max_alias_expansion) l.max_alias_expansion = *max_alias_expansion;
                 if (max_nodes) l.max_nodes = *max_nodes;
                 if (max_nesting) l.max_nesting = *max_nesting;
                 return l;
             }),
             py::kw_only(), py::arg("max_input_bytes") = py::none(), py::arg("max_period_years") = py::none(),
             py::arg("max_alias_expansion") = py::none(), py::arg("max_nodes") = py::none(),
             py::arg("max_nesting") = py::none())
        .def_readwrite("max_input_bytes", &load_limits::max_input_bytes)
        .def_readwrite("max_period_years", &load_limits::max_period_years)
        .def_readwrite("max_alias_expansion", &load_limits::max_alias_expansion)
        .def_readwrite("max_nodes", &load_limits::max_nodes)
        .def_readwrite("max_nesting", &load_limits::max_nesting)
        .def("__repr__", [](const load_limits& l) {
            return "LoadLimits(max_input_bytes=" + std::to_string(l.max_input_bytes) +
                   ", max_period_years=" + std::to_string(l.max_period_years) +
                   ", max_alias_expansion=" + std::to_string(l.max_alias_expansion) +
                   ", max_nodes=" + std::to_string(l.max_nodes) + ", max_nesting=" + std::to_string(l.max_nesting) +
                   ")";
        });
    m.def(
        "indicator_polarity",
        [](const plan& p, const indicator& i) -> py::object {
            if (!i.scale.empty()) return to_str("scale:" + i.scale);
            const std::optional<polarity> pol = indicator_polarity(p, i);
            return pol ? py::object(py::str(std::string(to_string(*pol)))) : py::object(py::none());
        },
        py::arg("plan"), py::arg("indicator"));
    m.def("load_plan", &load_plan, py::arg("path"), py::arg("limits") = load_limits{}, release_gil());
    m.def(
        "load_plan_csv",
        [](const std::string& path, const std::string& id, const std::string& title, const std::string& organisation,
           const std::string& region, int period_from, int period_to, const std::string& version,
           const std::string& delimiter, const load_limits& limits) {
            csv_options o = table_identity(id, title, organisation, region, period_from, period_to, version);
            if (delimiter.size() > 1)
                throw argument_error("kinerja.argument.csv_options",
                                     "the delimiter is one character, got \"" + delimiter + "\"");
            o.delimiter = delimiter.empty() ? '\0' : delimiter[0];
            return load_plan_csv(path, o, limits);
        },
        py::arg("path"), py::arg("id") = "", py::arg("title") = "", py::arg("organisation") = "",
        py::arg("region") = "", py::arg("period_from") = 0, py::arg("period_to") = 0, py::arg("version") = "",
        py::arg("delimiter") = "", py::arg("limits") = load_limits{}, release_gil());
    m.def(
        "parse_plan_table",
        [](const std::vector<std::vector<std::tuple<std::string, int, int>>>& cells, const std::string& file,
           const std::string& id, const std::string& title, const std::string& organisation, const std::string& region,
           int period_from, int period_to, const std::string& version, const load_limits& limits) {
            std::vector<std::vector<table_cell>> rows(cells.size());
            for (std::size_t r = 0; r < cells.size(); ++r)
                for (const auto& [text, row, column] : cells[r]) rows[r].push_back(table_cell{text, row, column});
            return parse_plan_table(
                rows, file, table_identity(id, title, organisation, region, period_from, period_to, version), limits);
        },
        py::arg("cells"), py::arg("file"), py::arg("id") = "", py::arg("title") = "", py::arg("organisation") = "",
        py::arg("region") = "", py::arg("period_from") = 0, py::arg("period_to") = 0, py::arg("version") = "",
        py::arg("limits") = load_limits{}, release_gil(),
        "A plan from a table in the flat CSV layout given as rows of (text, row, column) cells (C++ "
        "parse_plan_table).");
    m.def("parse_plan", &parse_plan, py::arg("text"), py::arg("file") = "<string>", py::arg("limits") = load_limits{},
          release_gil());
    m.def("end_of_period", []() { return year_key(end_of_period); });
    m.def("set_data_directory", &set_data_directory, py::arg("directory"));
    m.def("data_directory", &data_directory);
}

}  // namespace kinerja::python
