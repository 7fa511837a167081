// SPDX-License-Identifier: Apache-2.0
// The annual cycle (docs/annual-cycle.md): annual target documents, evidence and verification of
// realizations; their names, the verification table, and their checks (detail/annual_cycle.hpp).
#include <kinerja/detail/annual_cycle.hpp>
#include <kinerja/detail/enum_names.hpp>

#include <kinerja/check.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_values.hpp>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace kinerja {

namespace {

constexpr detail::enum_name<verification_status> status_names[] = {
    {verification_status::draft, "draft"},       {verification_status::submitted, "submitted"},
    {verification_status::verified, "verified"}, {verification_status::returned, "returned"},
    {verification_status::approved, "approved"}, {verification_status::revised, "revised"},
};

constexpr detail::enum_name<annual_document_kind> document_kind_names[] = {
    {annual_document_kind::renja, "renja"}, {annual_document_kind::perjanjian_kinerja, "perjanjian_kinerja"}};

}  // namespace

std::string_view to_string(verification_status s) noexcept { return detail::name_of(status_names, s); }

verification_status verification_status_from_string(std::string_view name) {
    return detail::value_of(status_names, name, "kinerja.lookup.verification_status",
                            "unknown verification status \"" + std::string(name) +
                                "\" (draft, submitted, verified, returned, approved, revised)");
}

const std::vector<std::pair<std::optional<verification_status>, verification_status>>& verification_transitions() {
    using s = verification_status;
    static const std::vector<std::pair<std::optional<verification_status>, verification_status>> table = {
        {std::nullopt, s::draft},    {std::nullopt, s::submitted}, {s::draft, s::submitted},
        {s::submitted, s::verified}, {s::submitted, s::returned},  {s::returned, s::draft},
        {s::returned, s::submitted}, {s::verified, s::approved},   {s::verified, s::returned},
        {s::verified, s::revised},   {s::approved, s::revised},    {s::revised, s::submitted},
    };
    return table;
}

bool verification_allowed(std::optional<verification_status> from, verification_status to) noexcept {
    const auto& table = verification_transitions();
    return std::any_of(table.begin(), table.end(), [&](const auto& t) { return t.first == from && t.second == to; });
}

std::string_view to_string(annual_document_kind k) noexcept { return detail::name_of(document_kind_names, k); }

annual_document_kind annual_document_kind_from_string(std::string_view name) {
    return detail::value_of(document_kind_names, name, "kinerja.lookup.annual_document_kind",
                            "unknown annual document kind \"" + std::string(name) + "\" (renja or perjanjian_kinerja)");
}

const realization_record* indicator::record(int year, int quarter) const noexcept {
    const auto it =
        std::lower_bound(realization_records.begin(), realization_records.end(), std::make_pair(year, quarter),
                         [](const realization_record& r, const std::pair<int, int>& k) {
                             return std::make_pair(r.year, r.quarter) < k;
                         });
    return it != realization_records.end() && it->year == year && it->quarter == quarter ? &*it : nullptr;
}

std::vector<annual_target_version> annual_target_versions(const plan& p, std::string_view indicator_id, int year) {
    std::vector<annual_target_version> out;
    const auto [n, ind] = p.find_indicator(indicator_id);
    if (!ind) require_indicator(p, indicator_id);  // throws lookup_error kinerja.lookup.indicator
    (void)n;
    if (const printed_value* v = indicator::first(ind->targets, year)) out.push_back({nullptr, v, {}});
    for (const annual_document& d : p.annual_documents) {
        if (d.year != year) continue;
        for (const annual_target& t : d.targets)
            if (t.indicator == indicator_id) out.push_back({&d, &t.value, t.revision});
    }
    return out;
}

namespace detail {

namespace {

// Days of the proleptic Gregorian calendar (Howard Hinnant's days_from_civil), 0 at 1970-01-01.
long days_from_civil(int y, int m, int d) noexcept {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// `count` digits at `at` as a number, or -1.
int digits(std::string_view t, std::size_t at, std::size_t count) noexcept {
    if (at + count > t.size()) return -1;
    int v = 0;
    for (std::size_t k = at; k < at + count; ++k) {
        if (!is_digit(t[k])) return -1;
        v = v * 10 + (t[k] - '0');
    }
    return v;
}

}  // namespace

std::optional<timestamp> parse_timestamp(std::string_view t, std::string& why) {
    const std::string form =
        "an ISO 8601 date or date and time is YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS, optionally with Z "
        "or an offset +HH:MM";
    const int y = digits(t, 0, 4), mo = digits(t, 5, 2), d = digits(t, 8, 2);
    if (y < 0 || mo < 0 || d < 0 || t[4] != '-' || t[7] != '-') {
        why = form;
        return std::nullopt;
    }
    if (mo < 1 || mo > 12) {
        why = "month " + std::to_string(mo) + " is out of range (01 to 12)";
        return std::nullopt;
    }
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int last = month_days[mo - 1] + (mo == 2 && leap(y) ? 1 : 0);
    if (d < 1 || d > last) {
        why = "day " + std::to_string(d) + " is out of range (01 to " + std::to_string(last) + " in that month)";
        return std::nullopt;
    }
    timestamp out;
    out.days = days_from_civil(y, mo, d);
    if (t.size() == 10) return out;
    if (t[10] != 'T' && t[10] != 't') {
        why = form;
        return std::nullopt;
    }
    const int h = digits(t, 11, 2), mi = digits(t, 14, 2);
    if (h < 0 || mi < 0 || t.size() < 16 || t[13] != ':') {
        why = form;
        return std::nullopt;
    }
    std::size_t at = 16;
    int s = 0;
    if (at < t.size() && t[at] == ':') {
        s = digits(t, at + 1, 2);
        if (s < 0) {
            why = form;
            return std::nullopt;
        }
        at += 3;
    }
    if (h > 23 || mi > 59 || s > 59) {
        why = "the time " + std::string(t.substr(11, at - 11)) + " is out of range (00:00:00 to 23:59:59)";
        return std::nullopt;
    }
    out.seconds = h * 3600L + mi * 60L + s;
    if (at == t.size()) return out;
    if ((t[at] == 'Z' || t[at] == 'z') && at + 1 == t.size()) {
        out.offset_minutes = 0;
        return out;
    }
    if ((t[at] == '+' || t[at] == '-') && at + 6 == t.size() && t[at + 3] == ':') {
        const int oh = digits(t, at + 1, 2), om = digits(t, at + 4, 2);
        if (oh < 0 || om < 0) {
            why = form;
            return std::nullopt;
        }
        if (oh > 14 || om > 59 || (oh == 14 && om > 0)) {
            why = "the offset " + std::string(t.substr(at)) + " is out of range (-14:00 to +14:00)";
            return std::nullopt;
        }
        out.offset_minutes = (t[at] == '-' ? -1 : 1) * (oh * 60 + om);
        return out;
    }
    why = form;
    return std::nullopt;
}

int compare_timestamps(const timestamp& a, const timestamp& b) noexcept {
    if (!a.seconds || !b.seconds) return a.days < b.days ? -1 : a.days > b.days ? 1 : 0;
    long x = a.days * 86400L + *a.seconds, z = b.days * 86400L + *b.seconds;
    if (a.offset_minutes && b.offset_minutes) {
        x -= *a.offset_minutes * 60L;
        z -= *b.offset_minutes * 60L;
    }
    return x < z ? -1 : x > z ? 1 : 0;
}

bool valid_hash(std::string_view text, std::string& why) {
    const std::size_t colon = text.find(':');
    const std::string_view algorithm = text.substr(0, colon == std::string_view::npos ? 0 : colon);
    const std::size_t want = algorithm == "sha256" ? 64 : algorithm == "sha384" ? 96 : algorithm == "sha512" ? 128 : 0;
    if (colon == std::string_view::npos || want == 0) {
        why = "a hash is sha256:, sha384: or sha512: followed by the hex digest";
        return false;
    }
    const std::string_view digest = text.substr(colon + 1);
    const bool hex = std::all_of(digest.begin(), digest.end(), [](char c) {
        return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
    if (!hex || digest.size() != want) {
        why = "a " + std::string(algorithm) + " digest is " + std::to_string(want) + " hex digits (0-9, a-f), got " +
              std::to_string(digest.size()) + (hex ? " digits" : " characters, not all hex digits");
        return false;
    }
    return true;
}

bool has_uri_scheme(std::string_view text) noexcept {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon < 2) return false;  // "C:" is a drive letter, not a scheme
    if (!is_ascii_letter(text[0])) return false;
    return std::all_of(text.begin() + 1, text.begin() + static_cast<std::ptrdiff_t>(colon),
                       [](char c) { return is_ascii_letter(c) || is_digit(c) || c == '+' || c == '-' || c == '.'; });
}

bool same_target(const value& a, const value& b) noexcept {
    value x = a;
    x.decimals = b.decimals;  // the precision printed does not make another target
    x.unrounded = b.unrounded;
    return x == b;
}

namespace {

struct cycle_checker {
    const plan& p;
    const scale_registry& scales;
    const unit_registry& units;
    const std::function<bool(std::string_view)>& on;
    std::vector<cycle_finding>& out;

    static std::string who(const node& n, const indicator& ind) {
        return std::string(to_string(n.level)) + " " + (n.code_text().empty() ? n.id : n.code_text()) +
               ", indicator \"" + ind.name + "\"";
    }
    static std::string slot(int year, int quarter) {
        return quarter == 0 ? "the realization of " + std::to_string(year)
                            : "the realization of Q" + std::to_string(quarter) + " " + std::to_string(year);
    }

    cycle_finding& add(std::string_view rule, const node& n, const indicator& ind, std::optional<period_year> year,
                       std::string message, const location& where, std::string source = {}) {
        cycle_finding f;
        f.rule = rule;
        f.n = &n;
        f.ind = &ind;
        f.year = year;
        f.message = std::move(message);
        f.where = where;
        f.source = std::move(source);
        out.push_back(std::move(f));
        return out.back();
    }

    std::optional<value> read(const indicator& ind, const printed_value& v) const {
        try {
            return read_value(ind, v, scales, units);
        } catch (const error&) {
            return std::nullopt;
        }
    }

    // ------------------------------------------------------------ annual-target-mismatch
    void annual_targets() {
        const bool mismatch = on(rule_ids::annual_target_mismatch), unparsed = on(rule_ids::unparsed_value);
        if (!mismatch && !unparsed) return;
        // the revision in force for (indicator, year): the last one recorded by an earlier document
        std::map<std::pair<std::string, int>, std::pair<const annual_document*, const annual_target*>> revised;
        for (const annual_document& d : p.annual_documents) {
            const std::string doc = d.label.empty() ? d.id : d.label;
            for (const annual_target& t : d.targets) {
                const auto [n, ind] = p.find_indicator(t.indicator);
                if (!n || !ind) continue;  // the reader refused it
                const std::optional<value> mine = read(*ind, t.value);
                if (!mine) {
                    if (unparsed) {
                        std::string reason;
                        try {
                            read_value(*ind, t.value, scales, units);
                        } catch (const error& e) {
                            reason = e.what();
                        }
                        add(rule_ids::unparsed_value, *n, *ind, period_year(d.year),
                            who(*n, *ind) + ": the target of " + std::to_string(d.year) + " in " + doc + ": " + reason,
                            t.value.location, doc);
                    }
                    continue;
                }
                const auto key = std::make_pair(t.indicator, d.year);
                if (!t.revision.empty()) {
                    revised[key] = {&d, &t};
                    continue;
                }
                if (!mismatch) continue;
                const auto r = revised.find(key);
                const printed_value* reference = nullptr;
                std::string against;
                if (r != revised.end()) {
                    reference = &r->second.second->value;
                    const annual_document& rd = *r->second.first;
                    against = "the revision in " + (rd.label.empty() ? rd.id : rd.label) + " (" +
                              r->second.second->revision + ")";
                } else {
                    reference = indicator::first(ind->targets, d.year);
                    against = "the Renstra's target";
                }
                if (!reference || trim(reference->text).empty()) {
                    cycle_finding& f = add(rule_ids::annual_target_mismatch, *n, *ind, period_year(d.year),
                                           who(*n, *ind) + ": " + doc + " sets the target of " +
                                               std::to_string(d.year) + " to " + t.value.text +
                                               " but the Renstra prints no target for that year; record it as a "
                                               "revision with its reason",
                                           t.value.location, doc);
                    f.expected = "a revision with its reason";
                    f.actual = t.value.text;
                    f.actual_number = mine->number;
                    continue;
                }
                const std::optional<value> theirs = read(*ind, *reference);
                if (!theirs) continue;  // unparsed-value reports the Renstra's cell
                if (same_target(*mine, *theirs)) continue;
                cycle_finding& f = add(rule_ids::annual_target_mismatch, *n, *ind, period_year(d.year),
                                       who(*n, *ind) + ": " + doc + " sets the target of " + std::to_string(d.year) +
                                           " to " + t.value.text + " but " + against + " is " + reference->text +
                                           "; record a changed target as a revision with its reason",
                                       t.value.location, doc);
                f.expected = reference->text;
                f.expected_number = theirs->number;
                f.actual = t.value.text;
                f.actual_number = mine->number;
            }
        }
    }

    // ------------------------------------------------------------ realizations
    static bool printed(const printed_value* v) { return !blank_cell(v) && !marker_kind(v->text).has_value(); }
    static bool has_evidence(const indicator& ind, int year, int quarter) {
        const realization_record* r = ind.record(year, quarter);
        return r && !r->evidence.empty();
    }

    void evidence(const node& n, const indicator& ind) {
        if (!p.settings.evidence_required || !on(rule_ids::evidence_missing)) return;
        auto missing = [&](int year, int quarter, const printed_value& v) {
            cycle_finding& f = add(rule_ids::evidence_missing, n, ind, period_year(year),
                                   who(n, ind) + ": " + slot(year, quarter) + " (" + v.text +
                                       ") has no evidence; the plan requires evidence (settings: evidence: required)",
                                   v.location, v.source);
            f.expected = "evidence";
            f.actual = v.text;
        };
        for (const auto& [y, vs] : ind.realizations) {
            if (y.is_end() || vs.empty() || !printed(&vs.front())) continue;
            if (has_evidence(ind, y.value(), 0)) continue;
            // a year whose printed quarters all carry evidence is covered by them
            const auto q = ind.quarterly_realizations.find(y.value());
            bool covered = false;
            if (q != ind.quarterly_realizations.end()) {
                covered = true;
                bool any = false;
                for (const auto& [k, v] : q->second) {
                    if (!printed(&v)) continue;
                    any = true;
                    covered = covered && has_evidence(ind, y.value(), k);
                }
                covered = covered && any;
            }
            if (!covered) missing(y.value(), 0, vs.front());
        }
        for (const auto& [y, qs] : ind.quarterly_realizations)
            for (const auto& [k, v] : qs)
                if (printed(&v) && !has_evidence(ind, y, k)) missing(y, k, v);
    }

    void verification(const node& n, const indicator& ind) {
        for (const realization_record& r : ind.realization_records) {
            const printed_value* current = nullptr;
            if (r.quarter == 0) {
                current = indicator::first(ind.realizations, r.year);
            } else if (const auto q = ind.quarterly_realizations.find(r.year); q != ind.quarterly_realizations.end()) {
                const auto v = q->second.find(r.quarter);
                if (v != q->second.end()) current = &v->second;
            }
            transitions(n, ind, r);
            changed(n, ind, r, current);
        }
    }

    void transitions(const node& n, const indicator& ind, const realization_record& r) {
        const bool order = on(rule_ids::verification_transition), time = on(rule_ids::verification_time);
        std::optional<verification_status> state;
        std::optional<timestamp> before;
        const verification_step* before_step = nullptr;
        for (const verification_step& s : r.verification) {
            if (order && !verification_allowed(state, s.status)) {
                std::string allowed;
                for (const auto& [from, to] : verification_transitions())
                    if (from == state) allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(to));
                const std::string from = state ? std::string(to_string(*state)) : std::string("the start");
                std::string why = "the verification of " + slot(r.year, r.quarter) + " goes from " + from + " to " +
                                  std::string(to_string(s.status)) + ", which the verification table does not allow";
                if (s.status == verification_status::approved) why += " (approved before verified)";
                cycle_finding& f =
                    add(rule_ids::verification_transition, n, ind, period_year(r.year),
                        who(n, ind) + ": " + why + "; from " + from + " it goes to " + allowed, s.location);
                f.expected = allowed;
                f.actual = std::string(to_string(s.status));
            }
            state = s.status;
            std::string why;
            const std::optional<timestamp> at = parse_timestamp(s.at, why);  // valid: the reader checked it
            if (time && at && before && compare_timestamps(*at, *before) < 0) {
                cycle_finding& f = add(rule_ids::verification_time, n, ind, period_year(r.year),
                                       who(n, ind) + ": the verification of " + slot(r.year, r.quarter) + " is " +
                                           std::string(to_string(s.status)) + " at " + s.at + ", before its " +
                                           std::string(to_string(before_step->status)) + " step at " + before_step->at +
                                           " (time goes backwards)",
                                       s.location);
                f.expected = "at or after " + before_step->at;
                f.actual = s.at;
            }
            if (at) {
                before = at;
                before_step = &s;
            }
        }
    }

    void changed(const node& n, const indicator& ind, const realization_record& r, const printed_value* current) {
        if (!on(rule_ids::verified_value_changed)) return;
        const verification_step* verified = nullptr;
        for (const verification_step& s : r.verification) {
            if (s.status == verification_status::verified)
                verified = &s;
            else if (s.status == verification_status::returned || s.status == verification_status::revised)
                verified = nullptr;  // reopened: a new round verifies the value again
        }
        if (!verified) return;
        printed_value was;
        was.text = verified->value;
        bool same = false;
        if (current) {
            const std::optional<value> a = read(ind, was), b = read(ind, *current);
            same = a && b ? same_target(*a, *b) : trim(was.text) == trim(current->text);
        }
        if (same) return;
        const std::string now = current ? current->text : std::string();
        cycle_finding& f = add(
            rule_ids::verified_value_changed, n, ind, period_year(r.year),
            who(n, ind) + ": " + slot(r.year, r.quarter) + " was verified as " + verified->value + " (" + verified->by +
                ", " + verified->at + ") but is now " + (current ? now : std::string("not printed")) +
                "; a changed value needs a new round (a revised step with its reason, then verification)",
            current ? current->location : verified->location, current ? current->source : std::string());
        f.expected = verified->value;
        f.actual = now;
    }

    void run() {
        annual_targets();
        for (const node& n : p.nodes)
            for (const indicator& ind : n.indicators) {
                evidence(n, ind);
                verification(n, ind);
            }
    }
};

}  // namespace

void check_annual_cycle(const plan& p, const scale_registry& scales, const unit_registry& units,
                        const std::function<bool(std::string_view)>& on, std::vector<cycle_finding>& out) {
    cycle_checker{p, scales, units, on, out}.run();
}

}  // namespace detail

}  // namespace kinerja
