// SPDX-License-Identifier: Apache-2.0
// Tests of catalog.hpp: loading catalog files (docs/catalog.md), the errors of malformed files
// with file, line and column, merging with duplicate ids, and the test-vector runner on the
// bundled catalog and on user catalogs.
//
// Fixtures are hand-written under tests/data/catalog/. Each malformed fixture states on its first
// line the error it must give: `# expect: ID LINE:COLUMN TEXT`, read off the file by hand; the
// same line drives tests/python/test_catalog.py.
#include <catch2/catch.hpp>

#include <kinerja/catalog.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::catalog;
using kinerja::catalog_entry;
using kinerja::file_error;
using kinerja::missing_reason;

namespace {

std::string fixture_dir() {
    std::string here = __FILE__;  // .../tests/cpp/test_catalog.cpp
    for (int i = 0; i < 2; ++i) here = here.substr(0, here.find_last_of("/\\"));
    return here + "/data/catalog/";
}

std::string fixture(const std::string& name) { return fixture_dir() + name; }

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A minimal valid entry; `extra` lines are added at the entry's indentation.
std::string one_entry(const std::string& formula, const std::string& unit, const std::string& extra = "") {
    return "kinerja_catalog: 1\n"
           "indicators:\n"
           "  - id: e\n"
           "    name: {id: E, en: E}\n"
           "    formula: " +
           formula +
           "\n"
           "    unit: " +
           unit +
           "\n"
           "    polarity: higher\n"
           "    variables:\n"
           "      a: {unit: Orang, definition: {id: A, en: A}}\n"
           "      b: {unit: Orang, definition: {id: B, en: B}}\n"
           "    regulation: test\n" +
           extra +
           "    tests:\n"
           "      - {inputs: {a: 1, b: 4}, expected: 25}\n";
}

}  // namespace

TEST_CASE("catalog: a user catalog loads with every field", "[catalog]") {
    const catalog c = catalog::load(fixture("valid.yaml"));
    REQUIRE(c.size() == 2);
    CHECK(c.ids() == std::vector<std::string>{"user.cakupan-layanan", "user.sisa-anggaran"});

    const catalog_entry& e = c.get("user.cakupan-layanan");
    CHECK(e.name.id == "Cakupan layanan pengaduan");
    CHECK(e.name.en == "Complaint service coverage");
    CHECK(e.unit == "Persen");
    CHECK(e.polarity == kinerja::polarity::higher);
    REQUIRE(e.factor);
    CHECK(*e.factor == 100.0);
    CHECK(e.formula.unit().text() == "%");
    CHECK(e.formula.variables() == std::vector<std::string>{"served", "requested"});
    REQUIRE(e.variables.size() == 2);
    CHECK(e.variables[0].name == "served");
    CHECK(e.variables[0].unit == "Orang");
    CHECK(e.variables[0].definition.en == "Complainants served");
    CHECK(e.variables[1].location.line == 19);
    CHECK(e.variables[1].location.column == 7);
    CHECK(e.regulation == "Perwal contoh 1/2024");
    CHECK(e.source == "example");
    CHECK(e.location.file == fixture("valid.yaml"));
    CHECK(e.location.line == 4);
    REQUIRE(e.tests.size() == 3);
    CHECK(e.tests[0].inputs.at("served") == 45.0);
    CHECK(e.tests[1].tolerance == 0.01);
    CHECK_FALSE(e.tests[2].expected);
    CHECK(e.tests[2].reason == missing_reason::division_by_zero);
    CHECK(e.tests[2].location.line == 32);
    // 45 / 60 x 100 = 75
    CHECK(e.evaluate({{"served", 45}, {"requested", 60}}).value == Approx(75.0));
    CHECK(e.units() == std::map<std::string, std::string>{{"requested", "Orang"}, {"served", "Orang"}});

    const catalog_entry& s = c.get("user.sisa-anggaran");
    CHECK(s.formula.unit().text() == "Rupiah");
    CHECK_FALSE(s.factor);
    CHECK(s.polarity == kinerja::polarity::lower);
    CHECK(s.notes.empty());
}

TEST_CASE("catalog: find and get", "[catalog]") {
    const catalog c = catalog::load(fixture("valid.yaml"));
    CHECK(c.find("user.sisa-anggaran") != nullptr);
    CHECK(c.find("nope") == nullptr);
    CHECK(c.find("USER.SISA-ANGGARAN") == nullptr);  // ids are exact
    CHECK_THROWS_AS(c.get("nope"), kinerja::lookup_error);
    try {
        c.get("nope");
    } catch (const kinerja::lookup_error& e) {
        CHECK(e.id() == "kinerja.lookup.catalog_entry");
        CHECK(e.name() == "nope");
        CHECK_THAT(e.what(), Contains("user.cakupan-layanan"));
    }
}

TEST_CASE("catalog: every malformed fixture gives its error at its line and column", "[catalog]") {
    std::vector<std::string> files;
    for (const auto& f : std::filesystem::directory_iterator(fixture_dir() + "malformed"))
        if (f.path().extension() == ".yaml") files.push_back(f.path().string());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 14);
    for (const std::string& path : files) {
        // # expect: ID LINE:COLUMN TEXT
        const std::string text = read(path);
        const std::string first = text.substr(0, text.find('\n'));
        REQUIRE(first.rfind("# expect: ", 0) == 0);
        std::istringstream in(first.substr(10));
        std::string id, where, expected;
        in >> id >> where;
        std::getline(in >> std::ws, expected);
        const int line = std::stoi(where.substr(0, where.find(':')));
        const int column = std::stoi(where.substr(where.find(':') + 1));
        INFO(path);
        try {
            (void)catalog::load(path);
            FAIL("no error");
        } catch (const file_error& e) {
            CHECK(e.id() == id);
            CHECK(e.file() == path);
            CHECK(e.line() == line);
            CHECK(e.column() == column);
            CHECK_THAT(e.reason(), Contains(expected));
            CHECK_THAT(e.what(), Contains(path + ":" + where + ": "));
        }
    }
}

TEST_CASE("catalog: the formula error's column is mapped into the file", "[catalog]") {
    // an unknown function at character 5 of the formula; the formula starts at column 14 of line 5
    try {
        (void)catalog::parse(one_entry("a / frob(b) * 100", "Persen"), "x.yaml");
        FAIL("no error");
    } catch (const file_error& e) {
        CHECK(e.id() == "kinerja.catalog.formula");
        CHECK(e.line() == 5);
        CHECK(e.column() == 14 + 4);
        CHECK_THAT(e.reason(), Contains("kinerja.formula.unknown_function"));
    }
    // a single-quoted formula: the quote shifts the column by one
    try {
        (void)catalog::parse(one_entry("'a / b * * 100'", "Persen"), "x.yaml");
        FAIL("no error");
    } catch (const file_error& e) {
        CHECK(e.id() == "kinerja.catalog.formula");
        CHECK(e.line() == 5);
        CHECK(e.column() == 15 + 8);  // quote at 14, the second '*' is character 9
    }
    // a thousands literal the Indonesian way is rejected by the formula language
    try {
        (void)catalog::parse(one_entry("a / b * 100.000", "per 100.000"), "x.yaml");
        FAIL("no error");
    } catch (const file_error& e) {
        CHECK(e.id() == "kinerja.catalog.formula");
        CHECK(e.line() == 5);
        CHECK(e.column() == 14 + 8);
    }
}

TEST_CASE("catalog: unit and factor checks", "[catalog]") {
    CHECK_NOTHROW(catalog::parse(one_entry("a / b * 100", "Persen")));
    CHECK_NOTHROW(
        catalog::parse(one_entry("a / b * 100", "\"%\"")));  // an alias of Persen (quoted: % starts a YAML directive)
    CHECK_NOTHROW(catalog::parse(one_entry("a / b * 100", "Persen", "    factor: 100\n")));
    CHECK_THROWS_WITH(catalog::parse(one_entry("a / b * 100", "Rasio")), Contains("write unit: Persen"));
    CHECK_THROWS_WITH(catalog::parse(one_entry("a / b * 100", "Persen", "    factor: 1e5\n")),
                      Contains("multiplies by 100"));
    CHECK_THROWS_WITH(catalog::parse(one_entry("a / b * 100", "Orang")), Contains("unit mismatch"));
    CHECK_THROWS_WITH(catalog::parse(one_entry("a / b * 100", "Persenn")), Contains("unknown unit word \"Persenn\""));
}

TEST_CASE("catalog: schema errors", "[catalog]") {
    const auto error_of = [](const std::string& yaml) -> std::string {
        try {
            (void)catalog::parse(yaml, "s.yaml");
        } catch (const file_error& e) {
            return e.id() + " " + std::to_string(e.line()) + ":" + std::to_string(e.column()) + " " + e.reason();
        }
        return "no error";
    };
    CHECK_THAT(error_of("kinerja_catalog: 2\nindicators: []\n"),
               Contains("1:18 kinerja_catalog: 2 is not a known format version"));
    CHECK_THAT(error_of("kinerja_catalog: 1\n"), Contains("needs an indicators: list"));
    CHECK_THAT(error_of("- a\n"), Contains("kinerja.catalog.schema 1:1"));
    CHECK_THAT(error_of("kinerja_catalog: 1\nindicators: {a: 1}\n"), Contains("2:13 indicators must be a list"));
    CHECK(error_of("kinerja_catalog: 1\nindicators: []\n") == "no error");
    CHECK_THAT(error_of(one_entry("a / b * 100", "Persen", "    polarity2: x\n")),
               Contains("unknown key \"polarity2\""));
    // polarity is higher or lower
    std::string yaml = one_entry("a / b * 100", "Persen");
    yaml.replace(yaml.find("polarity: higher"), 16, "polarity: up");
    CHECK_THAT(error_of(yaml), Contains("7:15 entry \"e\": polarity is higher or lower"));
    // tests must not be empty
    yaml = one_entry("a / b * 100", "Persen");
    yaml = yaml.substr(0, yaml.find("    tests:")) + "    tests: []\n";
    CHECK_THAT(error_of(yaml), Contains("at least one test vector"));
    // a key twice
    CHECK_THAT(error_of(one_entry("a / b * 100", "Persen", "    regulation: again\n")), Contains("appears twice"));
    // reason with a numeric expected
    yaml = one_entry("a / b * 100", "Persen");
    yaml.replace(yaml.find("expected: 25}"), 13, "expected: 25, reason: division by zero}");
    CHECK_THAT(error_of(yaml), Contains("reason is only for a missing (null) expected result"));
    // an unknown reason
    yaml = one_entry("a / b * 100", "Persen");
    yaml.replace(yaml.find("expected: 25}"), 13, "expected: null, reason: zero}");
    CHECK_THAT(error_of(yaml), Contains("unknown reason \"zero\""));
    // an invalid id
    yaml = one_entry("a / b * 100", "Persen");
    yaml.replace(yaml.find("id: e"), 5, "id: \"a b\"");
    CHECK_THAT(error_of(yaml), Contains("3:9 id \"a b\" must start"));
    // numbers: .inf and 1_000 are not accepted
    yaml = one_entry("a / b * 100", "Persen");
    yaml.replace(yaml.find("expected: 25}"), 13, "expected: .inf}");
    CHECK_THAT(error_of(yaml), Contains("must be a number written as YAML reads it"));
}

TEST_CASE("catalog: duplicate ids across files and merge", "[catalog]") {
    const catalog a = catalog::load(fixture("valid.yaml"));
    catalog b = a;
    try {
        b.merge(a);
        FAIL("no error");
    } catch (const file_error& e) {
        CHECK(e.id() == "kinerja.catalog.duplicate_id");
        CHECK(e.line() == 4);
        CHECK_THAT(e.reason(),
                   Contains("entry \"user.cakupan-layanan\" is already defined at " + fixture("valid.yaml") + ":4:5"));
    }
    CHECK(b.size() == 2);  // nothing was added
    const catalog f = catalog::load(fixture("failing-vector.yaml"));
    const catalog m = kinerja::merge_catalogs({a, f});
    CHECK(m.ids() == std::vector<std::string>{"user.cakupan-layanan", "user.sisa-anggaran", "user.share"});
    CHECK_THROWS_AS(kinerja::load_catalogs({fixture("valid.yaml"), fixture("valid.yaml")}), file_error);
    CHECK(kinerja::load_catalogs({fixture("valid.yaml"), fixture("failing-vector.yaml")}).size() == 3);
}

TEST_CASE("catalog: an unreadable file", "[catalog]") {
    try {
        (void)catalog::load(fixture("does-not-exist.yaml"));
        FAIL("no error");
    } catch (const file_error& e) {
        CHECK(e.id() == "kinerja.catalog.io");
        CHECK(e.line() == 0);
    }
}

TEST_CASE("catalog: every vector of the bundled catalog passes", "[catalog]") {
    const catalog c = kinerja::bundled_catalog();
    const std::vector<std::string> paths = kinerja::bundled_catalog_paths();
    CHECK(paths.size() == 2);
    for (const char* id :
         {"rasio-kekerasan-perempuan", "persentase-kekerasan-anak", "penanganan-kasus-kekerasan-perempuan",
          "penanganan-kasus-kekerasan-anak", "pemenuhan-klaster-kla", "penyerapan-anggaran", "ikk-persentase-arg",
          "ikk-rasio-kekerasan-anak", "ikk-rasio-kekerasan-perempuan"})
        CHECK(c.find(id) != nullptr);
    const auto results = kinerja::run_tests(c);
    std::size_t vectors = 0;
    for (const catalog_entry& e : c.entries()) {
        INFO(e.id);
        CHECK(e.tests.size() >= 3);
        CHECK_FALSE(e.regulation.empty());
        CHECK_FALSE(e.source.empty());
        vectors += e.tests.size();
        bool zero = false, missing = false;
        for (const auto& t : e.tests) {
            zero = zero || t.reason == missing_reason::division_by_zero;
            missing = missing || t.reason == missing_reason::missing_input;
        }
        CHECK(zero);
        CHECK(missing);
    }
    REQUIRE(results.size() == vectors);
    for (const auto& r : results) {
        INFO(r.location.to_string() + " " + r.entry + " tests[" + std::to_string(r.index) + "]: " + r.message);
        CHECK(r.passed);
    }
}

TEST_CASE("catalog: the bundled formulas give the seed's numbers", "[catalog]") {
    const catalog c = kinerja::bundled_catalog();
    // Tabel 2.11, 2021: 11,840,364,035 / 12,692,580,100 x 100 = 93.2857... (printed 93.29)
    const auto a = c.get("penyerapan-anggaran").evaluate({{"realized", 11840364035.0}, {"budget", 12692580100.0}});
    REQUIRE(a.value);
    CHECK(std::round(*a.value * 100) / 100 == Approx(93.29));
    // the child-violence IKK is per 10,000 (Tabel 7.5 prints x 100%): 196 / 700,000 x 10,000 = 2.8
    const catalog_entry& k = c.get("ikk-rasio-kekerasan-anak");
    CHECK(k.unit == "per 10.000");
    CHECK(k.formula.unit().text() == "per 10.000");
    CHECK_THAT(k.notes, Contains("x 100%"));
    CHECK(*k.evaluate({{"child_victims", 196}, {"children", 700000}}).value == Approx(2.8));
    const catalog_entry& w = c.get("rasio-kekerasan-perempuan");
    CHECK(w.polarity == kinerja::polarity::lower);
    CHECK(*w.factor == 100000.0);
    // 1 : 4.347 is 23.0 per 100,000
    CHECK(*w.evaluate({{"victims", 1}, {"women_18plus", 4347}}).value == Approx(23.0043708305));
    CHECK(c.get("ikk-persentase-arg").regulation == "Permendagri 18/2020 (IKK LPPD)");
}

TEST_CASE("catalog: failing vectors are reported", "[catalog]") {
    const auto results = kinerja::run_tests(catalog::load(fixture("failing-vector.yaml")));
    REQUIRE(results.size() == 4);
    CHECK(results[0].passed);
    CHECK(results[1].passed);
    CHECK_FALSE(results[2].passed);
    CHECK(results[2].entry == "user.share");
    CHECK(results[2].index == 2);
    CHECK(results[2].expected == 12.6);
    REQUIRE(results[2].actual);
    CHECK(*results[2].actual == Approx(12.5));
    CHECK(results[2].location.line == 21);
    CHECK_THAT(results[2].message, Contains("expected 12.6, got 12.5"));
    // a null expected needs the stated reason, not any missing result
    CHECK_FALSE(results[3].passed);
    CHECK_FALSE(results[3].actual);
    CHECK(results[3].expected_reason == missing_reason::division_by_zero);
    CHECK(results[3].actual_reason == missing_reason::missing_input);
    CHECK_THAT(results[3].message, Contains("got missing (missing input)"));
}

TEST_CASE("catalog: tolerance and the default comparison", "[catalog]") {
    const auto run = [](const std::string& expected) {
        std::string yaml = one_entry("a / b * 100", "Persen");
        yaml.replace(yaml.find("expected: 25}"), 13, expected + "}");
        return kinerja::run_tests(catalog::parse(yaml)).at(0);
    };
    CHECK(run("expected: 25.0000000001").passed);    // 4e-12 relative
    CHECK_FALSE(run("expected: 25.000001").passed);  // 4e-8 relative
    CHECK(run("expected: 25.000001, tolerance: 1e-5").passed);
    CHECK_FALSE(run("expected: 25.1, tolerance: 0.05").passed);
    CHECK_FALSE(run("expected: null, reason: division by zero").passed);  // a number is not missing
    // explicit null inputs are missing
    std::string yaml = one_entry("a / b * 100", "Persen");
    yaml.replace(yaml.find("{inputs: {a: 1, b: 4}, expected: 25}"), 36,
                 "{inputs: {a: null, b: 4}, expected: null, reason: missing input}");
    CHECK(kinerja::run_tests(catalog::parse(yaml)).at(0).passed);
}
