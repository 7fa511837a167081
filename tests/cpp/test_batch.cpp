// SPDX-License-Identifier: Apache-2.0
// Many plans in one call (batch.hpp): finding plan files, checking them on threads, a plan that
// cannot be loaded in the middle of a batch, an empty folder, a missing path, the plan stream.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/batch.hpp>
#include <kinerja/check.hpp>
#include <kinerja/plan_io.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using kinerja_test::thrown;

namespace {

struct scratch_folder {
    fs::path path;
    scratch_folder() {
        std::string pattern = (fs::temp_directory_path() / "kinerja-batch-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~scratch_folder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

fs::path test_data(const char* relative) {
    const std::string here = __FILE__;
    return fs::path(here.substr(0, here.find_last_of("/\\"))) / ".." / "data" / relative;
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// A corpus of five plans and one broken file, in sorted order:
//   corpus/a-bekasi.yaml              the bundled plan
//   corpus/b/cirebon.yaml             tests/data/real/cirebon-dinkes-renstra-2014-2018.yaml
//   corpus/b/m-broken.yaml            not a plan: the key id repeated on line 4, column 3
//   corpus/b/tabel.CSV                tests/data/csv/tabel-6.1-program-2.08.02.csv
//   corpus/c/dumai.yml                tests/data/real/dumai-pupr-lkjip-2020.yaml
//   corpus/z-tanahdatar.yaml          tests/data/real/tanahdatar-lkjip-2016.yaml
// plus files that are not plans: corpus/notes.txt, corpus/.hidden.yaml, corpus/.git/x.yaml.
struct corpus {
    scratch_folder scratch;
    std::string root;
    corpus() {
        root = (scratch.path / "corpus").string();
        fs::create_directories(fs::path(root) / "b");
        fs::create_directories(fs::path(root) / "c");
        fs::copy_file(kinerja::bundled_plan_path(), fs::path(root) / "a-bekasi.yaml");
        fs::copy_file(test_data("real/cirebon-dinkes-renstra-2014-2018.yaml"), fs::path(root) / "b" / "cirebon.yaml");
        write(fs::path(root) / "b" / "m-broken.yaml", "kinerja_plan: 1\nplan:\n  id: broken\n  id: again\n");
        fs::copy_file(test_data("csv/tabel-6.1-program-2.08.02.csv"), fs::path(root) / "b" / "tabel.CSV");
        fs::copy_file(test_data("real/dumai-pupr-lkjip-2020.yaml"), fs::path(root) / "c" / "dumai.yml");
        fs::copy_file(test_data("real/tanahdatar-lkjip-2016.yaml"), fs::path(root) / "z-tanahdatar.yaml");
        write(fs::path(root) / "notes.txt", "not a plan\n");
        write(fs::path(root) / ".hidden.yaml", "not: a plan\n");
        write(fs::path(root) / ".git" / "x.yaml", "not: a plan\n");
    }
    std::vector<std::string> expected_files() const {
        return {root + "/a-bekasi.yaml", root + "/b/cirebon.yaml", root + "/b/m-broken.yaml",
                root + "/b/tabel.CSV",   root + "/c/dumai.yml",    root + "/z-tanahdatar.yaml"};
    }
};

// What a finding says, as one line, to compare results.
std::vector<std::string> lines_of(const std::vector<kinerja::finding>& fs) {
    std::vector<std::string> out;
    for (const auto& f : fs)
        out.push_back(f.rule + "|" + f.node_id + "|" + f.indicator + "|" + (f.year ? kinerja::to_string(*f.year) : "") +
                      "|" + f.location.to_string() + "|" + f.message);
    return out;
}

}  // namespace

TEST_CASE("find_plan_files: a folder is searched recursively, sorted, named from the folder as given", "[batch]") {
    corpus c;
    CHECK(kinerja::find_plan_files({c.root}) == c.expected_files());
    // a trailing separator is kept as given (os.path.join("corpus/", "a.yaml") = "corpus/a.yaml")
    const auto with_slash = kinerja::find_plan_files({c.root + "/"});
    REQUIRE(with_slash.size() == 6);
    CHECK(with_slash[0] == c.root + "/a-bekasi.yaml");
    // a file is taken as given, whatever its extension; paths in the order given; a file named twice once
    const std::string notes = c.root + "/notes.txt";
    const auto mixed = kinerja::find_plan_files({notes, c.root + "/c", notes});
    CHECK(mixed == std::vector<std::string>{notes, c.root + "/c/dumai.yml"});
    CHECK(kinerja::is_plan_file_name("x/Plan.YAML"));
    CHECK(kinerja::is_plan_file_name("t.csv"));
    CHECK_FALSE(kinerja::is_plan_file_name("t.csv.bak"));
    CHECK_FALSE(kinerja::is_plan_file_name(".yaml"));
}

TEST_CASE("find_plan_files: an empty folder gives no files, a missing path is a clear error", "[batch]") {
    scratch_folder s;
    fs::create_directories(s.path / "empty" / "inner");
    CHECK(kinerja::find_plan_files({(s.path / "empty").string()}).empty());
    CHECK(kinerja::check_plans({}).empty());

    const std::string missing = (s.path / "no-such-folder").string();
    const auto e = thrown<kinerja::file_error>([&] {
        kinerja::find_plan_files({(s.path / "empty").string(), missing});
    });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.batch.path");
    CHECK(e->file() == missing);
    CHECK(std::string(e->what()) ==
          "[kinerja.batch.path] " + missing + ": cannot find the plan file or folder: no such file or folder");
    const auto empty = thrown<kinerja::file_error>([] { kinerja::find_plan_files({""}); });
    REQUIRE(empty);
    CHECK(empty->id() == "kinerja.batch.path");
}

TEST_CASE("check_plans: a broken plan in the middle is reported and the others are checked", "[batch]") {
    corpus c;
    const auto files = kinerja::find_plan_files({c.root});
    const auto results = kinerja::check_plans(files, kinerja::batch_options{}.with_threads(1));
    REQUIRE(results.size() == 6);
    for (std::size_t i = 0; i < results.size(); ++i) {
        CHECK(results[i].index == i);
        CHECK(results[i].path == files[i]);
    }
    const auto& broken = results[2];
    CHECK_FALSE(broken.loaded());
    REQUIRE(broken.error);
    CHECK(broken.error->id == "kinerja.plan.yaml");
    CHECK(broken.error->file == files[2]);
    CHECK(broken.error->line == 4);  // the repeated key
    CHECK(broken.error->column == 3);
    CHECK(broken.error->location() == files[2] + ":4:3");
    CHECK(broken.findings.empty());
    CHECK(broken.id.empty());

    // every other plan: its identity as in the file, its findings those of a single check
    CHECK(results[0].region == "Kota Bekasi");
    CHECK(results[0].id == "bekasi-dpppa-renstra-2024-2026");
    CHECK(results[3].id == "tabel");  // a CSV table: the file name without the extension
    CHECK(results[3].region == "unknown");
    for (std::size_t i : {0u, 1u, 3u, 4u, 5u}) {
        INFO(files[i]);
        REQUIRE(results[i].loaded());
        CHECK(lines_of(results[i].findings) == lines_of(kinerja::check(kinerja::load_plan_file(files[i]))));
    }
    CHECK_FALSE(results[0].findings.empty());

    // only loading: no findings
    const auto loaded_only = kinerja::check_plans(files, kinerja::batch_options{}.with_run_checks(false));
    CHECK(loaded_only[0].findings.empty());
    CHECK(loaded_only[0].loaded());
    CHECK_FALSE(loaded_only[2].loaded());
}

TEST_CASE("check_plans: several threads give the results of one thread", "[batch]") {
    corpus c;
    // many plans: the corpus three times over (through three names of the same folder)
    std::vector<std::string> files;
    for (int k = 0; k < 3; ++k)
        for (const auto& f : kinerja::find_plan_files({c.root})) files.push_back(f);
    REQUIRE(files.size() == 18);
    const auto one = kinerja::check_plans(files, kinerja::batch_options{}.with_threads(1));
    for (unsigned threads : {2u, 4u, 0u}) {
        INFO("threads " << threads);
        const auto many = kinerja::check_plans(files, kinerja::batch_options{}.with_threads(threads));
        REQUIRE(many.size() == one.size());
        for (std::size_t i = 0; i < one.size(); ++i) {
            CHECK(many[i].path == one[i].path);
            CHECK(many[i].loaded() == one[i].loaded());
            CHECK(many[i].id == one[i].id);
            CHECK(lines_of(many[i].findings) == lines_of(one[i].findings));
        }
    }
    CHECK(kinerja::batch_threads(8, 3) == 3);
    CHECK(kinerja::batch_threads(2, 0) == 1);
    CHECK(kinerja::batch_threads(0, 100) >= 1);
}

TEST_CASE("check_plans: progress reaches the total, and a progress callback that throws stops the run", "[batch]") {
    corpus c;
    const auto files = kinerja::find_plan_files({c.root});
    std::vector<kinerja::batch_progress> seen;
    const auto results = kinerja::check_plans(files, kinerja::batch_options{}.with_threads(2),
                                              [&](const kinerja::batch_progress& p) { seen.push_back(p); });
    REQUIRE_FALSE(seen.empty());
    for (std::size_t k = 1; k < seen.size(); ++k) CHECK(seen[k].done > seen[k - 1].done);
    std::size_t findings = 0;
    for (const auto& r : results) findings += r.findings.size();
    CHECK(seen.back().done == 6);
    CHECK(seen.back().total == 6);
    CHECK(seen.back().failed == 1);
    CHECK(seen.back().findings == findings);

    int calls = 0;
    const auto e = thrown<std::runtime_error>([&] {
        kinerja::check_plans(files, kinerja::batch_options{}.with_threads(2), [&](const kinerja::batch_progress&) {
            ++calls;
            throw std::runtime_error("stop");
        });
    });
    REQUIRE(e);
    CHECK(std::string(e->what()) == "stop");
    CHECK(calls == 1);
}

TEST_CASE("plan_stream: plans in the order of the files, a broken one as its error", "[batch]") {
    corpus c;
    const auto files = kinerja::find_plan_files({c.root});
    for (unsigned threads : {1u, 2u}) {
        kinerja::plan_stream stream(files, threads);
        CHECK(stream.size() == 6);
        std::vector<std::string> ids;
        std::size_t k = 0;
        while (auto item = stream.next()) {
            CHECK(item->index == k);
            CHECK(item->path == files[k]);
            if (item->plan) {
                ids.push_back(item->plan->info.id);
                CHECK_FALSE(item->error);
            } else {
                REQUIRE(item->error);
                ids.push_back("error " + item->error->id);
            }
            ++k;
        }
        CHECK(ids == std::vector<std::string>{"bekasi-dpppa-renstra-2024-2026", kinerja::load_plan(files[1]).info.id,
                                              "error kinerja.plan.yaml", "tabel", kinerja::load_plan(files[4]).info.id,
                                              kinerja::load_plan(files[5]).info.id});
        CHECK_FALSE(stream.next());
    }
    // a stream left before its end stops its workers (no hang, no leak under ASan)
    kinerja::plan_stream partial(files, 2);
    CHECK(partial.next());
}

TEST_CASE("load_plan_file names what reads an Excel workbook, and folders do not list workbooks", "[batch]") {
    scratch_folder s;
    const fs::path book = s.path / "Tabel.XLSX";
    write(book, "PK\x03\x04 not read as YAML");
    const auto e = kinerja_test::thrown<kinerja::file_error>([&] { (void)kinerja::load_plan_file(book.string()); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.xlsx.read");
    CHECK_THAT(e->what(), Catch::Matchers::Contains("kinerja.load_plan_xlsx"));
    CHECK(kinerja::find_plan_files({s.path.string()}).empty());
    CHECK(kinerja::find_plan_files({book.string()}) == std::vector<std::string>{book.string()});  // named: kept
}
