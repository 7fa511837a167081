// SPDX-License-Identifier: Apache-2.0
// Tests of a plan's catalogs (docs/catalog.md §5): the `catalogs:` key and its round trip, the
// load-time error for a `catalog: ID` that no loaded catalog defines, the polarity an indicator
// takes from its catalog entry, checks that use the plan's catalogs, and the process-wide
// default catalog. Fixtures: tests/data/plans/catalogs/ (a regency catalog and plans using it).
#include "support.hpp"

#include <kinerja/catalog.hpp>
#include <kinerja/check.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>
#include <kinerja/rollup.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::file_error;
using kinerja::plan;

namespace {

using kinerja_test::thrown;

std::string fixture(const std::string& name) {
    std::string here = __FILE__;  // .../tests/cpp/test_plan_catalogs.cpp
    for (int i = 0; i < 2; ++i) here = here.substr(0, here.find_last_of("/\\"));
    return here + "/data/plans/catalogs/" + name;
}

const std::string head =
    "kinerja_plan: 1\n"
    "plan: {id: x, title: X, organisation: O, region: R, period: [2024, 2026], version: main}\n";

// A plan with one indicator that names catalog entry `id`: the value stands at line 9 (10 with a
// `catalogs` line), column 35.
std::string plan_naming(const std::string& id, const std::string& catalogs_line = "") {
    return head + catalogs_line +
           "nodes:\n"
           "  - id: s\n"
           "    level: sasaran\n"
           "    name: S\n"
           "    source: T\n"
           "    indicators:\n"
           "      - {id: i, name: I, catalog: " +
           id + ", source: T}\n";
}

// Restores the bundled catalog as the default when a test ends.
struct default_catalog_guard {
    ~default_catalog_guard() { kinerja::set_default_catalog(nullptr); }
};

}  // namespace

TEST_CASE("catalogs: the plan's list is kept and saved byte for byte", "[plan][catalog]") {
    const plan p = kinerja::load_plan(fixture("with-bundled.yaml"));
    REQUIRE(p.catalogs);
    CHECK(*p.catalogs == std::vector<std::string>{"bundled", "kab-contoh.yaml"});
    const std::string saved = kinerja::to_yaml(p);
    CHECK_THAT(saved, Contains("\ncatalogs: [\"bundled\", \"kab-contoh.yaml\"]\n"));
    // load the saved text where the catalog file is, save again: the same bytes
    const plan again = kinerja::parse_plan(saved, fixture("saved.yaml"));
    CHECK(kinerja::to_yaml(again) == saved);

    // no key: nothing written; an empty list stays an empty list
    const plan none = kinerja::parse_plan(head + "nodes: []\n");
    CHECK_FALSE(none.catalogs);
    CHECK_THAT(kinerja::to_yaml(none), !Contains("catalogs"));
    const plan empty = kinerja::parse_plan(head + "catalogs: []\nnodes: []\n");
    REQUIRE(empty.catalogs);
    CHECK(empty.catalogs->empty());
    CHECK_THAT(kinerja::to_yaml(empty), Contains("\ncatalogs: []\n"));
}

TEST_CASE("catalogs: the listed files and bundled are loaded with the plan, once", "[plan][catalog]") {
    const plan own = kinerja::load_plan(fixture("regency.yaml"));
    REQUIRE(own.loaded_catalog);
    // only the regency's two entries: bundled is not listed
    CHECK(own.loaded_catalog->ids() ==
          std::vector<std::string>{"kab-contoh.persentase-perkawinan-anak", "kab-contoh.cakupan-layanan-pengaduan"});
    const plan both = kinerja::load_plan(fixture("with-bundled.yaml"));
    REQUIRE(both.loaded_catalog);
    CHECK(both.loaded_catalog->find("rasio-kekerasan-perempuan"));
    CHECK(both.loaded_catalog->find("kab-contoh.persentase-perkawinan-anak"));
    // the bundled catalog is shared, not read again
    CHECK(kinerja::shared_bundled_catalog() == kinerja::shared_bundled_catalog());
    // a plan without catalogs: and with a reference uses the default catalog (the bundled one)
    const plan dflt = kinerja::parse_plan(plan_naming("penyerapan-anggaran"));
    CHECK(dflt.loaded_catalog == kinerja::default_catalog());
    // a plan that names no entry loads no catalog
    CHECK_FALSE(kinerja::parse_plan(head + "nodes: []\n").loaded_catalog);
}

TEST_CASE("catalogs: an unknown catalog: ID is an error at load, at the ID, naming it", "[plan][catalog]") {
    // default catalog: "penyerapan-anggaranx" is one letter away from the bundled penyerapan-anggaran
    auto e = thrown<file_error>([] { (void)kinerja::parse_plan(plan_naming("penyerapan-anggaranx"), "p.yaml"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.reference");
    CHECK(e->file() == "p.yaml");
    CHECK(e->line() == 9);
    CHECK(e->column() == 35);  // "      - {id: i, name: I, catalog: " is 34 characters
    CHECK_THAT(e->reason(), Contains("indicator \"i\" names catalog entry \"penyerapan-anggaranx\""));
    CHECK_THAT(e->reason(), Contains("nearest: penyerapan-anggaran"));

    // a regency plan that lists only its own catalog cannot name a bundled entry
    const std::string regency = fixture("regency.yaml");
    e = thrown<file_error>([&] {
        (void)kinerja::parse_plan(plan_naming("rasio-kekerasan-perempuan", "catalogs: [kab-contoh.yaml]\n"), regency);
    });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.reference");
    CHECK(e->line() == 10);
    CHECK_THAT(e->reason(), Contains("\"rasio-kekerasan-perempuan\""));
    CHECK_THAT(e->reason(), Contains("catalogs: kab-contoh.yaml"));

    // an empty list: no entry at all
    e = thrown<file_error>([] { (void)kinerja::parse_plan(plan_naming("penyerapan-anggaran", "catalogs: []\n")); });
    REQUIRE(e);
    CHECK_THAT(e->reason(), Contains("the catalogs are empty"));

    // in a version entry too
    const std::string versioned = head +
                                  "nodes:\n"
                                  "  - {id: s, level: sasaran, name: S, source: T, indicators: [{id: i, name: I, "
                                  "source: T}]}\n"
                                  "versions:\n"
                                  "  awal:\n"
                                  "    nodes:\n"
                                  "      - {id: s, indicators: [{id: i, catalog: nope-entry}]}\n";
    e = thrown<file_error>([&] { (void)kinerja::parse_plan(versioned, "v.yaml"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.reference");
    CHECK(e->line() == 8);
    CHECK(e->column() == 47);  // "      - {id: s, indicators: [{id: i, catalog: " is 46 characters
    CHECK_THAT(e->reason(), Contains("\"nope-entry\""));
}

TEST_CASE("catalogs: a catalog file that cannot be read is an error at its list item", "[plan][catalog]") {
    const std::string text = head + "catalogs: [bundled, missing-catalog.yaml]\nnodes: []\n";
    const auto e = thrown<file_error>([&] { (void)kinerja::parse_plan(text, fixture("p.yaml")); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.catalog.io");
    CHECK(e->file() == fixture("p.yaml"));
    CHECK(e->line() == 3);
    CHECK(e->column() == 21);  // "catalogs: [bundled, " is 20 characters
    CHECK_THAT(e->reason(), Contains("\"missing-catalog.yaml\""));
    // a repeated item, an empty item, not a list: schema errors
    CHECK(thrown<file_error>([] {
              (void)kinerja::parse_plan(head + "catalogs: [bundled, bundled]\nnodes: []\n");
          })->id() == "kinerja.plan.schema");
    CHECK(thrown<file_error>([] { (void)kinerja::parse_plan(head + "catalogs: [\"\"]\nnodes: []\n"); })->id() ==
          "kinerja.plan.schema");
    CHECK(thrown<file_error>([] { (void)kinerja::parse_plan(head + "catalogs: bundled\nnodes: []\n"); })->id() ==
          "kinerja.plan.schema");
}

TEST_CASE("catalogs: an indicator without a polarity takes its catalog entry's", "[plan][catalog][achievement]") {
    const plan p = kinerja::load_plan(fixture("regency.yaml"));
    const auto [n1, own] = p.find_indicator("ind-layanan");
    const auto [n2, fallback] = p.find_indicator("ind-perkawinan");
    REQUIRE(own);
    REQUIRE(fallback);
    CHECK_FALSE(fallback->polarity);  // as printed: none
    CHECK(kinerja::indicator_polarity(p, *fallback) == kinerja::polarity::lower);
    CHECK(kinerja::indicator_polarity(p, *own) == kinerja::polarity::higher);
    // the plan still saves what was printed: no polarity on ind-perkawinan
    const std::string saved = kinerja::to_yaml(p);
    const std::size_t at = saved.find("id: \"ind-perkawinan\"");
    REQUIRE(at != std::string::npos);
    CHECK(saved.find("polarity", at) == std::string::npos);

    // roll-up (mean): s-1 in 2024 = mean of 90 / 80 x 100 = 112.5 (higher) and 4 / 5 x 100 = 80
    // (lower, inverse) = 96.25; without the fallback ind-perkawinan would be skipped (112.5)
    kinerja::rollup_options ro;
    ro.years = {2024};
    const auto entries = kinerja::rollup_plan(p, ro);
    const auto s1 = std::find_if(entries.begin(), entries.end(), [](const auto& e) { return e.node_id == "s-1"; });
    REQUIRE(s1 != entries.end());
    CHECK(s1->indicators == 2);
    CHECK(s1->skipped == 0);
    REQUIRE(s1->own);
    CHECK(*s1->own == Approx(96.25));
}

TEST_CASE("catalogs: checks use the plan's catalog and its polarities", "[plan][catalog][check]") {
    const plan p = kinerja::load_plan(fixture("regency.yaml"));
    kinerja::check_options o;
    o.rules = {"target-direction", "catalog-reference"};
    const auto found = kinerja::check_plan(p, o);
    // target-direction: 3.5% (2025) -> 5% (2026) rises, against lower (the catalog entry's)
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "target-direction");
    CHECK(found[0].location.line == 30);
    CHECK(found[0].location.column == 51);
    CHECK(found[0].expected == "at most 3.5%");

    // a plan given another catalog: the check looks there, not in the files
    plan changed = p;
    changed.loaded_catalog = std::make_shared<const kinerja::catalog>(kinerja::bundled_catalog());
    o.rules = {"catalog-reference"};
    const auto missing = kinerja::check_plan(changed, o);
    REQUIRE(missing.size() == 2);
    CHECK(missing[0].actual == "kab-contoh.cakupan-layanan-pengaduan");
    CHECK(missing[1].actual == "kab-contoh.persentase-perkawinan-anak");
}

TEST_CASE("catalogs: the default catalog can be replaced by a regency's own", "[plan][catalog]") {
    const default_catalog_guard guard;
    const std::string text = plan_naming("kab-contoh.persentase-perkawinan-anak");
    CHECK(thrown<file_error>([&] { (void)kinerja::parse_plan(text); }));  // not in the bundled catalog
    kinerja::set_default_catalog(
        std::make_shared<const kinerja::catalog>(kinerja::catalog::load(fixture("kab-contoh.yaml"))));
    const plan p = kinerja::parse_plan(text);
    CHECK(p.loaded_catalog->size() == 2);
    CHECK(kinerja::indicator_polarity(p, p.nodes[0].indicators[0]) == kinerja::polarity::lower);
    // the bundled entries are gone from the default, still there under `bundled`
    CHECK(thrown<file_error>([] { (void)kinerja::parse_plan(plan_naming("penyerapan-anggaran")); }));
    CHECK_NOTHROW(kinerja::parse_plan(plan_naming("penyerapan-anggaran", "catalogs: [bundled]\n")));
    kinerja::set_default_catalog(nullptr);
    CHECK(kinerja::default_catalog() == kinerja::shared_bundled_catalog());
}

TEST_CASE("catalogs: the bundled catalog is loaded once, also from several threads", "[plan][catalog]") {
    std::vector<std::shared_ptr<const kinerja::catalog>> got(4);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < got.size(); ++k)
        threads.emplace_back([&got, k] { got[k] = kinerja::shared_bundled_catalog(); });
    for (auto& t : threads) t.join();
    for (const auto& c : got) CHECK(c == got[0]);
    CHECK(got[0]->find("penyerapan-anggaran"));
}
