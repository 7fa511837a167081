// SPDX-License-Identifier: Apache-2.0
// Tests of the annual cycle (docs/annual-cycle.md): annual target documents and realizations with
// evidence and verification in the plan file (reading, errors with file:line:column, the canonical
// writer and round trip), the verification table, and the rules annual-target-mismatch,
// evidence-missing, verified-value-changed, verification-transition and verification-time, each
// with a plan that triggers it and one that does not. Every plan is inline; lines and columns were
// counted by hand in the text beside them.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/check.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/plan_io.hpp>

#include <algorithm>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::check_options;
using kinerja::check_plan;
using kinerja::file_error;
using kinerja::finding;
using kinerja::plan;
using kinerja::verification_status;
using kinerja_test::thrown;

namespace {

// Lines 1-14; an indicator's further keys follow at indent 8 (line 15 on), or top-level sections.
const std::string base =
    "kinerja_plan: 1\n"                                                                           // 1
    "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: awal}\n"  // 2
    "nodes:\n"                                                                                    // 3
    "  - id: s-1\n"                                                                               // 4
    "    level: sasaran\n"                                                                        // 5
    "    name: S\n"                                                                               // 6
    "    source: T\n"                                                                             // 7
    "    indicators:\n"                                                                           // 8
    "      - id: i-1\n"                                                                           // 9
    "        name: Persentase layanan\n"                                                          // 10
    "        unit: \"%\"\n"                                                                       // 11
    "        polarity: higher\n"                                                                  // 12
    "        source: T\n"                                                                         // 13
    "        targets: {2024: \"80%\", 2025: \"85%\", 2026: \"90%\"}\n";                           // 14

plan parse(const std::string& tail, const std::string& settings = "") {
    std::string text = base + tail;
    if (!settings.empty()) text.insert(text.find("nodes:\n"), settings);
    return kinerja::parse_plan(text, "cycle.yaml");
}

std::vector<finding> only(const plan& p, std::string_view rule) {
    check_options o;
    o.rules = {std::string(rule)};
    return check_plan(p, o);
}

// A yearly realization of 2024 in the long form with these verification steps.
std::string verified_2024(const std::string& value, const std::string& steps) {
    return "        realizations:\n"
           "          2024:\n"
           "            value: \"" +
           value +
           "\"\n"
           "            verification:\n" +
           steps;
}

std::string doc(const std::string& id, int year, const std::string& targets, const std::string& kind = "renja") {
    return "  - id: " + id + "\n    kind: " + kind + "\n    year: " + std::to_string(year) + "\n    targets:\n" +
           targets;
}

}  // namespace

TEST_CASE("A realization's long form reads evidence and verification, and the short form stays as it was",
          "[plan][cycle]") {
    const plan p = parse(
        "        realizations:\n"
        "          2024:\n"
        "            value: \"82%\"\n"
        "            source: LKjIP 2024\n"
        "            evidence:\n"
        "              - {title: Rekap, kind: laporan, uri: \"https://x.example/r.pdf\", hash: "
        "\"sha256:6b77b0d864ec4ebb6918089655a8b3b6a526a608e8e90d7f3f4dcd4fff243efc\"}\n"
        "              - {title: Foto, path: bukti/foto.jpg}\n"
        "            verification:\n"
        "              - {status: submitted, by: Kepala Bidang, at: \"2025-01-10T09:00+07:00\"}\n"
        "              - {status: verified, by: Verifikator Inspektorat, at: \"2025-01-20\", value: \"82%\"}\n"
        "          2025: \"86%\"\n"
        "        quarterly_realizations:\n"
        "          2026:\n"
        "            q1: \"20%\"\n"
        "            q2:\n"
        "              value: \"45%\"\n"
        "              evidence: [{title: Daftar hadir}]\n");
    const kinerja::indicator& ind = *p.find_indicator("i-1").second;
    REQUIRE(ind.realization_records.size() == 2);  // 2024 (yearly) and 2026 q2; 2025 and q1 are short
    const kinerja::realization_record* r = ind.record(2024);
    REQUIRE(r);
    CHECK(r->quarter == 0);
    REQUIRE(r->evidence.size() == 2);
    CHECK(r->evidence[0].title == "Rekap");
    CHECK(r->evidence[0].kind == "laporan");
    CHECK(r->evidence[0].uri == "https://x.example/r.pdf");
    CHECK(r->evidence[0].hash == "sha256:6b77b0d864ec4ebb6918089655a8b3b6a526a608e8e90d7f3f4dcd4fff243efc");
    CHECK(r->evidence[1].path == "bukti/foto.jpg");
    CHECK(r->evidence[1].uri.empty());
    REQUIRE(r->verification.size() == 2);
    CHECK(r->verification[0].status == verification_status::submitted);
    CHECK(r->verification[0].by == "Kepala Bidang");
    CHECK(r->verification[0].at == "2025-01-10T09:00+07:00");
    CHECK(r->verification[1].value == "82%");
    CHECK(r->status() == verification_status::verified);
    // the value is an ordinary printed value of the year map
    CHECK(kinerja::indicator::first(ind.realizations, 2024)->text == "82%");
    CHECK(kinerja::indicator::first(ind.realizations, 2024)->source == "LKjIP 2024");
    CHECK(kinerja::indicator::first(ind.realizations, 2025)->text == "86%");
    CHECK(ind.record(2025) == nullptr);
    CHECK(ind.record(2026, 1) == nullptr);
    const kinerja::realization_record* q2 = ind.record(2026, 2);
    REQUIRE(q2);
    CHECK(q2->evidence.at(0).title == "Daftar hadir");
    CHECK(q2->verification.empty());
    CHECK_FALSE(q2->status().has_value());
    CHECK(ind.quarterly_realizations.at(2026).at(2).text == "45%");
    // the location of the evidence is its line: line 20 is the first evidence item, column 17 its '{'
    CHECK(r->evidence[0].location.line == 20);
    CHECK(r->evidence[0].location.column == 17);
}

TEST_CASE("Evidence, verification and annual documents round-trip in canonical form", "[plan][cycle]") {
    const plan p = parse(
        "        realizations:\n"
        "          2024:\n"
        "            source: LKjIP\n"
        "            value: 82%\n"
        "            verification:\n"
        "              - {at: 2025-01-20, by: V, status: verified, value: 82%}\n"
        "            evidence: [{hash: \"sha512:" +
            std::string(128, 'a') +
            "\", title: R}]\n"
            "annual_documents:\n" +
            doc("pk-2025", 2025, "      i-1: {revision: naik, value: \"87%\"}\n", "perjanjian_kinerja") +
            "    date: 2025-01-31\n    label: PK 2025\n",
        "settings: {evidence: required}\n");
    const std::string yaml = kinerja::to_yaml(p);
    // the canonical order of the keys, written by hand from docs/annual-cycle.md
    CHECK_THAT(yaml, Contains("  evidence: required\n"));
    CHECK_THAT(yaml, Contains("        realizations:\n"
                              "          2024:\n"
                              "            value: \"82%\"\n"
                              "            source: \"LKjIP\"\n"
                              "            evidence:\n"
                              "              - {title: \"R\", hash: \"sha512:" +
                              std::string(128, 'a') +
                              "\"}\n"
                              "            verification:\n"
                              "              - {status: verified, by: \"V\", at: \"2025-01-20\", value: \"82%\"}\n"));
    CHECK_THAT(yaml, Contains("annual_documents:\n"
                              "  - id: \"pk-2025\"\n"
                              "    kind: perjanjian_kinerja\n"
                              "    year: 2025\n"
                              "    label: \"PK 2025\"\n"
                              "    date: \"2025-01-31\"\n"
                              "    targets:\n"
                              "      \"i-1\": {value: \"87%\", revision: \"naik\"}\n"));
    const plan again = kinerja::parse_plan(yaml, "again.yaml");
    CHECK(again == p);
    CHECK(kinerja::to_yaml(again) == yaml);  // save is canonical: saving the loaded copy gives the same bytes
    REQUIRE(again.annual_documents.size() == 1);
    CHECK(again.annual_documents[0].targets[0].revision == "naik");
    CHECK(again.settings.evidence_required);
    // a change in the evidence is a different plan
    plan changed = again;
    changed.find_node("s-1")->indicators[0].realization_records[0].evidence[0].title = "R2";
    CHECK(changed != p);
}

TEST_CASE("A plan without the new keys saves as before", "[plan][cycle]") {
    const plan p = parse("        realizations: {2024: \"82%\", 2025: [\"84%\", {value: \"0.84\", source: U}]}\n");
    const std::string yaml = kinerja::to_yaml(p);
    CHECK_THAT(yaml, Contains("        realizations:\n"
                              "          2024: \"82%\"\n"
                              "          2025: [\"84%\", {value: \"0.84\", source: \"U\"}]\n"));
    CHECK(yaml.find("evidence") == std::string::npos);
    CHECK(yaml.find("annual_documents") == std::string::npos);
    CHECK(p.find_indicator("i-1").second->realization_records.empty());
}

TEST_CASE("Bad evidence, verification and annual documents are load errors at file:line:column", "[plan][cycle]") {
    struct bad {
        std::string tail;
        int line, column;
        std::string id, reason;
    };
    const std::string real = "        realizations:\n          2024:\n            value: \"82%\"\n";  // lines 15-17
    const std::string docs = "annual_documents:\n";                                                   // line 15
    const std::vector<bad> cases = {
        // line 19: "              - {status: checked, ..." the value starts at column 26
        {real + "            verification:\n              - {status: checked, by: A, at: 2025-01-02}\n", 19, 26,
         "kinerja.plan.schema", "status must be draft, submitted, verified, returned, approved or revised"},
        // "              - {status: draft, by: A, at: 2025-02-30}": at's value at column 44
        {real + "            verification:\n              - {status: draft, by: A, at: 2025-02-30}\n", 19, 44,
         "kinerja.plan.schema", "day 30 is out of range (01 to 28 in that month)"},
        {real + "            verification:\n              - {status: draft, by: A, at: 2025-01-02 10:00}\n", 19, 44,
         "kinerja.plan.schema", "is not a date or time"},
        {real + "            verification:\n              - {status: draft, by: A, at: \"2025-01-02T25:00\"}\n", 19, 44,
         "kinerja.plan.schema", "out of range (00:00:00 to 23:59:59)"},
        // a verified step without its value: at the step's '{' (column 17)
        {real + "            verification:\n              - {status: verified, by: A, at: 2025-01-02}\n", 19, 17,
         "kinerja.plan.schema", "is verified and needs value"},
        {real + "            verification:\n              - {status: revised, by: A, at: 2025-01-02}\n", 19, 17,
         "kinerja.plan.schema", "is revised and needs reason"},
        {real + "            verification:\n              - {status: draft, at: 2025-01-02}\n", 19, 17,
         "kinerja.plan.schema", "needs by:"},
        // "              - {title: T, hash: \"md5:abc\"}": hash's value at column 34
        {real + "            evidence:\n              - {title: T, hash: \"md5:abc\"}\n", 19, 34, "kinerja.plan.schema",
         "a hash is sha256:, sha384: or sha512:"},
        {real + "            evidence:\n              - {title: T, hash: \"sha256:abc\"}\n", 19, 34,
         "kinerja.plan.schema", "a sha256 digest is 64 hex digits (0-9, a-f), got 3 digits"},
        // "              - {title: T, uri: bukti/a.pdf}": uri's value at column 33
        {real + "            evidence:\n              - {title: T, uri: bukti/a.pdf}\n", 19, 33, "kinerja.plan.schema",
         "uri must start with a scheme"},
        {real + "            evidence:\n              - {kind: foto}\n", 19, 17, "kinerja.plan.schema",
         "needs a title"},
        {real + "            evidence: []\n", 18, 23, "kinerja.plan.schema", "evidence is an empty list"},
        // line 16 "          end:": the key at column 11
        {"        realizations:\n          end:\n            value: \"82%\"\n            evidence: [{title: T}]\n", 16,
         11, "kinerja.plan.schema", "not to the end column"},
        // annual documents: line 17 "    kind: lakip" (value at column 11)
        {docs + doc("d", 2025, "      i-1: \"85%\"\n", "lakip"), 17, 11, "kinerja.plan.schema",
         "kind must be renja or perjanjian_kinerja"},
        // line 18 "    year: 2027" outside 2024-2026 (value at column 11)
        {docs + doc("d", 2027, "      i-1: \"85%\"\n"), 18, 11, "kinerja.plan.schema",
         "annual document \"d\" is for 2027, outside the plan period 2024-2026"},
        // line 20 "      i-2: ..." an unknown indicator (key at column 7)
        {docs + doc("d", 2025, "      i-2: \"85%\"\n"), 20, 7, "kinerja.plan.reference",
         "annual document \"d\" gives a target for \"i-2\", which is no indicator of the plan (nearest: \"i-1\")"},
        {docs + doc("d", 2025, "      i-1: {value: \"85%\", revision: \"\"}\n"), 20, 37, "kinerja.plan.schema",
         "revision is the reason for the revision; it is empty"},
        {docs + doc("d", 2025, "      i-1: \"85%\"\n") + "    date: 2025-13-01\n", 21, 11, "kinerja.plan.schema",
         "month 13 is out of range"},
        {docs + doc("d", 2025, "      i-1: \"85%\"\n") + doc("d", 2025, "      i-1: \"85%\"\n"), 21, 9,
         "kinerja.plan.schema", "annual document id \"d\" appears twice"},
    };
    for (const bad& c : cases) {
        SECTION(c.reason) {
            const auto e = thrown<file_error>([&] { (void)parse(c.tail); });
            REQUIRE(e);
            CHECK(e->id() == c.id);
            CHECK(e->file() == "cycle.yaml");
            CHECK(e->line() == c.line);
            CHECK(e->column() == c.column);
            CHECK_THAT(e->reason(), Contains(c.reason));
        }
    }
}

TEST_CASE("An annual document for a history indicator is a reference error", "[plan][cycle]") {
    const std::string text = base +
                             "history:\n"  // 15
                             "  - {id: h-1, level: sasaran, name: H, source: T, indicators: [{id: h-i, name: HI, "
                             "source: T}]}\n"                                                  // 16
                             "annual_documents:\n"                                             // 17
                             "  - {id: d, kind: renja, year: 2024, targets: {h-i: \"1\"}}\n";  // 18
    const auto e = thrown<file_error>([&] { (void)kinerja::parse_plan(text, "cycle.yaml"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.reference");
    CHECK(e->line() == 18);
    CHECK(e->column() == 48);  // "  - {id: d, kind: renja, year: 2024, targets: {" is 47 characters
    CHECK_THAT(e->reason(), Contains("an indicator of the previous period (history:)"));
}

TEST_CASE("The verification table allows exactly the documented transitions", "[plan][cycle]") {
    using s = verification_status;
    // docs/annual-cycle.md, "Verification": 12 arrows
    CHECK(kinerja::verification_transitions().size() == 12);
    CHECK(kinerja::verification_allowed(std::nullopt, s::draft));
    CHECK(kinerja::verification_allowed(std::nullopt, s::submitted));
    CHECK_FALSE(kinerja::verification_allowed(std::nullopt, s::verified));
    CHECK(kinerja::verification_allowed(s::draft, s::submitted));
    CHECK(kinerja::verification_allowed(s::submitted, s::verified));
    CHECK(kinerja::verification_allowed(s::submitted, s::returned));
    CHECK_FALSE(kinerja::verification_allowed(s::submitted, s::approved));  // approved before verified
    CHECK(kinerja::verification_allowed(s::returned, s::submitted));
    CHECK(kinerja::verification_allowed(s::returned, s::draft));
    CHECK(kinerja::verification_allowed(s::verified, s::approved));
    CHECK(kinerja::verification_allowed(s::verified, s::revised));
    CHECK(kinerja::verification_allowed(s::verified, s::returned));
    CHECK_FALSE(kinerja::verification_allowed(s::approved, s::verified));
    CHECK(kinerja::verification_allowed(s::approved, s::revised));
    CHECK(kinerja::verification_allowed(s::revised, s::submitted));
    CHECK_FALSE(kinerja::verification_allowed(s::revised, s::verified));
    CHECK(kinerja::to_string(s::returned) == "returned");
    CHECK(kinerja::verification_status_from_string("approved") == s::approved);
    CHECK_THROWS_AS(kinerja::verification_status_from_string("checked"), kinerja::lookup_error);
    CHECK(kinerja::annual_document_kind_from_string("perjanjian_kinerja") ==
          kinerja::annual_document_kind::perjanjian_kinerja);
}

TEST_CASE("annual-target-mismatch compares annual targets with the Renstra's as values", "[check][cycle]") {
    const std::string rule = "annual-target-mismatch";
    SECTION("the same target in another convention and precision agrees") {
        // 85,00% is 85%; no finding
        const plan p = parse("annual_documents:\n" + doc("r", 2025, "      i-1: \"85,00%\"\n") +
                             doc("pk", 2025, "      i-1: \"85.0%\"\n", "perjanjian_kinerja"));
        CHECK(only(p, rule).empty());
    }
    SECTION("another target is a finding unless it is a revision") {
        const plan p = parse("annual_documents:\n" + doc("r", 2025, "      i-1: \"87%\"\n") +  // lines 16-20
                             doc("pk", 2026, "      i-1: {value: \"92%\", revision: \"naik\"}\n"));
        const auto f = only(p, rule);
        REQUIRE(f.size() == 1);
        CHECK(f[0].indicator == "i-1");
        CHECK(f[0].year == kinerja::period_year(2025));
        CHECK(f[0].expected == "85%");
        CHECK(f[0].actual == "87%");
        CHECK(f[0].severity == kinerja::severity::warning);
        CHECK(f[0].location.line == 20);
        CHECK(f[0].location.column == 12);  // "      i-1: " is 11 characters
        CHECK_THAT(f[0].message, Contains("r sets the target of 2025 to 87% but the Renstra's target is 85%"));
    }
    SECTION("a revision stands for the later documents of its year") {
        // Renja revises 2025 to 87% with a reason; the PK that follows says 87% (agrees with the
        // revision), another PK says 85% (the Renstra's, but not the revision in force)
        const plan p = parse("annual_documents:\n" + doc("r", 2025, "      i-1: {value: \"87%\", revision: naik}\n") +
                             doc("pk", 2025, "      i-1: \"87 %\"\n", "perjanjian_kinerja") +
                             doc("pk2", 2025, "      i-1: \"85%\"\n", "perjanjian_kinerja"));
        const auto f = only(p, rule);
        REQUIRE(f.size() == 1);
        CHECK(f[0].actual == "85%");
        CHECK(f[0].expected == "87%");
        CHECK_THAT(f[0].message, Contains("the revision in r (naik) is 87%"));
    }
    SECTION("a year the Renstra prints no target for") {
        const plan p = parse(
            "      - {id: i-2, name: Jumlah dokumen, source: T, targets: {2024: \"2 Dokumen\"}}\n"
            "annual_documents:\n  - {id: r, kind: renja, year: 2025, targets: {i-2: \"3 Dokumen\"}}\n");
        const auto f = only(p, rule);
        REQUIRE(f.size() == 1);
        CHECK(f[0].indicator == "i-2");
        CHECK(f[0].actual == "3 Dokumen");
        CHECK_THAT(f[0].message, Contains("the Renstra prints no target for that year"));
    }
}

TEST_CASE("evidence-missing applies where the plan requires evidence", "[check][cycle]") {
    const std::string rule = "evidence-missing";
    const std::string rows =
        "        realizations:\n"                                     // 15
        "          2024: \"82%\"\n"                                   // 16
        "          2025:\n"                                           // 17
        "            value: \"86%\"\n"                                // 18
        "            evidence: [{title: Rekap}]\n"                    // 19
        "        quarterly_realizations:\n"                           // 20
        "          2026:\n"                                           // 21
        "            q1: {value: \"20%\", evidence: [{title: A}]}\n"  // 22
        "            q2: \"-\"\n";                                    // 23 (nothing printed)
    SECTION("not required: no finding") { CHECK(only(parse(rows), rule).empty()); }
    SECTION("required: the realization without evidence") {
        const auto f = only(parse(rows, "settings: {evidence: required}\n"), rule);
        // the settings line moves the rows down by one: 2024's value is on line 17, column 17
        REQUIRE(f.size() == 1);
        CHECK(f[0].year == kinerja::period_year(2024));
        CHECK(f[0].location.line == 17);
        CHECK(f[0].location.column == 17);
        CHECK_THAT(f[0].message, Contains("the realization of 2024 (82%) has no evidence"));
    }
    SECTION("a year is covered by quarters that all carry evidence; a quarter without is a finding") {
        const plan p = parse(
            "        realizations: {2026: \"45%\"}\n"
            "        quarterly_realizations:\n"
            "          2026:\n"
            "            q1: {value: \"20%\", evidence: [{title: A}]}\n"
            "            q2: {value: \"25%\", evidence: [{title: B}]}\n",
            "settings: {evidence: required}\n");
        CHECK(only(p, rule).empty());
        const plan q = parse(
            "        realizations: {2026: \"45%\"}\n"
            "        quarterly_realizations:\n"
            "          2026:\n"
            "            q1: {value: \"20%\", evidence: [{title: A}]}\n"
            "            q2: \"25%\"\n",
            "settings: {evidence: required}\n");
        const auto f = only(q, rule);
        REQUIRE(f.size() == 2);  // the year (not covered) and its second quarter
        CHECK_THAT(f[0].message, Contains("the realization of 2026 (45%)"));
        CHECK_THAT(f[1].message, Contains("the realization of Q2 2026 (25%)"));
    }
}

TEST_CASE("verified-value-changed: the value differs from the one verified", "[check][cycle]") {
    const std::string rule = "verified-value-changed";
    const std::string steps =
        "              - {status: submitted, by: K, at: 2025-01-10}\n"
        "              - {status: verified, by: V, at: 2025-01-20, value: \"82%\"}\n";
    SECTION("the same value in another form is not a change") {
        CHECK(only(parse(verified_2024("82,0%", steps)), rule).empty());
    }
    SECTION("a changed value is a finding") {
        const auto f = only(parse(verified_2024("83%", steps)), rule);
        REQUIRE(f.size() == 1);
        CHECK(f[0].expected == "82%");
        CHECK(f[0].actual == "83%");
        CHECK(f[0].severity == kinerja::severity::error);
        CHECK(f[0].location.line == 17);  // "            value: \"83%\"": the value at column 20
        CHECK(f[0].location.column == 20);
        CHECK_THAT(f[0].message, Contains("was verified as 82% (V, 2025-01-20) but is now 83%"));
    }
    SECTION("a revision reopens it") {
        const std::string reopened = steps +
                                     "              - {status: revised, by: K, at: 2025-02-01, reason: koreksi}\n"
                                     "              - {status: submitted, by: K, at: 2025-02-02}\n";
        CHECK(only(parse(verified_2024("83%", reopened)), rule).empty());
        // verified again with the new value: agrees
        CHECK(only(parse(verified_2024("83%", reopened + "              - {status: verified, by: V, at: 2025-02-05, "
                                                         "value: \"83%\"}\n")),
                   rule)
                  .empty());
    }
}

TEST_CASE("verification-transition: steps the table does not allow", "[check][cycle]") {
    const std::string rule = "verification-transition";
    SECTION("the whole way is allowed") {
        const std::string steps =
            "              - {status: draft, by: O, at: 2025-01-05}\n"
            "              - {status: submitted, by: K, at: 2025-01-10}\n"
            "              - {status: returned, by: V, at: 2025-01-12, reason: kurang bukti}\n"
            "              - {status: submitted, by: K, at: 2025-01-14}\n"
            "              - {status: verified, by: V, at: 2025-01-20, value: \"82%\"}\n"
            "              - {status: approved, by: KD, at: 2025-01-25}\n";
        CHECK(only(parse(verified_2024("82%", steps)), rule).empty());
    }
    SECTION("approved before verified") {
        const std::string steps =
            "              - {status: submitted, by: K, at: 2025-01-10}\n"   // 19
            "              - {status: approved, by: KD, at: 2025-01-25}\n";  // 20
        const auto f = only(parse(verified_2024("82%", steps)), rule);
        REQUIRE(f.size() == 1);
        CHECK(f[0].location.line == 20);
        CHECK(f[0].location.column == 17);
        CHECK(f[0].actual == "approved");
        CHECK(f[0].expected == "verified, returned");
        CHECK_THAT(f[0].message, Contains("goes from submitted to approved, which the verification table does not "
                                          "allow (approved before verified); from submitted it goes to verified, "
                                          "returned"));
    }
    SECTION("the first step is neither draft nor submitted") {
        const auto f = only(
            parse(verified_2024("82%", "              - {status: verified, by: V, at: 2025-01-20, value: \"82%\"}\n")),
            rule);
        REQUIRE(f.size() == 1);
        CHECK_THAT(f[0].message, Contains("goes from the start to verified"));
    }
}

TEST_CASE("verification-time: a step dated before the one before it", "[check][cycle]") {
    const std::string rule = "verification-time";
    auto two = [](const std::string& first, const std::string& second) {
        return verified_2024("82%", "              - {status: draft, by: O, at: \"" + first +
                                        "\"}\n              - {status: submitted, by: K, at: \"" + second + "\"}\n");
    };
    CHECK(only(parse(two("2025-01-10", "2025-01-10")), rule).empty());        // the same day
    CHECK(only(parse(two("2025-01-10T15:00", "2025-01-10")), rule).empty());  // a date against a time: the day
    // 08:00 at +07:00 is 01:00 UTC; 02:00Z is later
    CHECK(only(parse(two("2025-01-10T08:00+07:00", "2025-01-10T02:00Z")), rule).empty());
    // 00:30 UTC is 07:30 at +07:00, before 08:00 there
    const auto f = only(parse(two("2025-01-10T08:00+07:00", "2025-01-10T00:30Z")), rule);
    REQUIRE(f.size() == 1);
    CHECK(f[0].actual == "2025-01-10T00:30Z");
    CHECK_THAT(f[0].message, Contains("is submitted at 2025-01-10T00:30Z, before its draft step at "
                                      "2025-01-10T08:00+07:00 (time goes backwards)"));
    CHECK(only(parse(two("2025-01-10", "2024-12-31T23:59:59")), rule).size() == 1);
    CHECK(only(parse(two("2024-02-29", "2024-03-01")), rule).empty());  // 2024 is a leap year
}

TEST_CASE("annual_target_versions lists the Renstra's target and each document's", "[plan][cycle]") {
    const plan p = parse("annual_documents:\n" + doc("r", 2025, "      i-1: \"85%\"\n") +
                         doc("pk", 2025, "      i-1: {value: \"87%\", revision: naik}\n", "perjanjian_kinerja") +
                         doc("pk26", 2026, "      i-1: \"90%\"\n", "perjanjian_kinerja"));
    const auto v = kinerja::annual_target_versions(p, "i-1", 2025);
    REQUIRE(v.size() == 3);
    CHECK(v[0].document == nullptr);
    CHECK(v[0].value->text == "85%");
    CHECK(v[1].document->id == "r");
    CHECK(v[2].document->id == "pk");
    CHECK(v[2].value->text == "87%");
    CHECK(v[2].revision == "naik");
    CHECK(kinerja::annual_target_versions(p, "i-1", 2024).size() == 1);
    CHECK_THROWS_AS(kinerja::annual_target_versions(p, "i-9", 2025), kinerja::lookup_error);
}

TEST_CASE("The annual-cycle rules are in the registry", "[check][cycle]") {
    std::vector<std::string> ids;
    for (const auto& r : kinerja::check_rules()) ids.push_back(r.id);
    for (const char* id : {"annual-target-mismatch", "evidence-missing", "verified-value-changed",
                           "verification-transition", "verification-time"})
        CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
}
