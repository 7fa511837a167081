// SPDX-License-Identifier: Apache-2.0
// Tests of detail::write_file_atomic and save_plan: a write that fails partway (a writer that
// throws halfway, a file size limit, a full device) leaves the original file byte-identical and no
// temporary file behind, and the error names the file and the cause; a write that succeeds keeps
// the file's permission bits and follows a symbolic link.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/detail/files.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using kinerja::file_error;
using kinerja::detail::file_sink;
using kinerja::detail::write_file_atomic;
using kinerja_test::thrown;

namespace {

// A fresh empty folder, removed with everything in it at the end of the test.
struct scratch_folder {
    fs::path path;
    scratch_folder() {
        std::string pattern = (fs::temp_directory_path() / "kinerja-atomic-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~scratch_folder() {
        std::error_code ignored;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(path, ignored);
    }
    std::set<std::string> names() const {
        std::set<std::string> out;
        for (const auto& e : fs::directory_iterator(path)) out.insert(e.path().filename().string());
        return out;
    }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void put(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
}

unsigned mode_of(const fs::path& p) {
    struct stat info {};
    REQUIRE(::stat(p.c_str(), &info) == 0);
    return static_cast<unsigned>(info.st_mode & 07777);
}

// The writer of a disk that fills up halfway: half the bytes, then a failure.
auto halfway(const std::string& text) {
    return [text](file_sink& sink) {
        sink.write(std::string_view(text).substr(0, text.size() / 2));
        throw std::runtime_error("disk full (injected)");
    };
}

const std::string original = "plan:\n  id: original\n  title: \"the file before the save\"\n";

}  // namespace

TEST_CASE("write_file_atomic: a writer that fails halfway leaves the original file and no temporary file", "[atomic]") {
    scratch_folder dir;
    const fs::path target = dir.path / "plan.yaml";
    put(target, original);
    REQUIRE(::chmod(target.c_str(), 0640) == 0);

    auto e = thrown<file_error>(
        [&] { write_file_atomic(target.string(), "kinerja.test.io", halfway(std::string(200, 'x'))); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.test.io");
    CHECK(e->file() == target.string());
    CHECK(std::string(e->what()) == "[kinerja.test.io] " + target.string() +
                                        ": cannot write the file: disk full (injected) (the file is left as it was)");
    CHECK(slurp(target) == original);
    CHECK(mode_of(target) == 0640);
    CHECK(dir.names() == std::set<std::string>{"plan.yaml"});
}

TEST_CASE("write_file_atomic: a failed write of a new file leaves no file at all", "[atomic]") {
    scratch_folder dir;
    const fs::path target = dir.path / "new.yaml";
    auto e = thrown<file_error>([&] { write_file_atomic(target.string(), "kinerja.test.io", halfway("abcdef")); });
    REQUIRE(e);
    CHECK_THAT(e->what(), Contains("disk full (injected)"));
    CHECK(dir.names().empty());
}

TEST_CASE("write_file_atomic: a write replaces the file whole and keeps its permission bits", "[atomic]") {
    scratch_folder dir;
    const fs::path target = dir.path / "plan.yaml";
    put(target, original);
    REQUIRE(::chmod(target.c_str(), 0604) == 0);  // neither the 0600 of mkstemp nor 0666 less a usual umask
    write_file_atomic(target.string(), "kinerja.test.io", std::string_view("short\n"));
    CHECK(slurp(target) == "short\n");
    CHECK(mode_of(target) == 0604);
    CHECK(dir.names() == std::set<std::string>{"plan.yaml"});

    // a new file: 0666 less the umask, like any file the process creates
    const ::mode_t before = ::umask(027);
    write_file_atomic((dir.path / "fresh.yaml").string(), "kinerja.test.io", std::string_view("x"));
    ::umask(before);
    CHECK(mode_of(dir.path / "fresh.yaml") == 0640);
    CHECK(slurp(dir.path / "fresh.yaml") == "x");
}

TEST_CASE("write_file_atomic: a symbolic link is followed and stays a link", "[atomic]") {
    scratch_folder dir;
    fs::create_directory(dir.path / "real");
    put(dir.path / "real" / "plan.yaml", original);
    fs::create_symlink(dir.path / "real" / "plan.yaml", dir.path / "link.yaml");
    write_file_atomic((dir.path / "link.yaml").string(), "kinerja.test.io", std::string_view("through the link\n"));
    CHECK(fs::is_symlink(dir.path / "link.yaml"));
    CHECK(slurp(dir.path / "real" / "plan.yaml") == "through the link\n");
    CHECK(dir.names() == std::set<std::string>{"link.yaml", "real"});

    // a link to nothing is replaced by the file
    fs::create_symlink(dir.path / "gone" / "plan.yaml", dir.path / "dangling.yaml");
    write_file_atomic((dir.path / "dangling.yaml").string(), "kinerja.test.io", std::string_view("x"));
    CHECK_FALSE(fs::is_symlink(dir.path / "dangling.yaml"));
    CHECK(slurp(dir.path / "dangling.yaml") == "x");
}

TEST_CASE("write_file_atomic: a folder that does not exist, a file as the folder, a folder as the file", "[atomic]") {
    scratch_folder dir;
    put(dir.path / "plain", "not a folder");
    const std::string missing = (dir.path / "missing" / "plan.yaml").string();
    auto e = thrown<file_error>([&] { write_file_atomic(missing, "kinerja.test.io", std::string_view("x")); });
    REQUIRE(e);
    CHECK(std::string(e->what()) ==
          "[kinerja.test.io] " + missing + ": cannot write the file: cannot create a file in the folder \"" +
              (dir.path / "missing").string() + "\": No such file or directory (the file is left as it was)");

    const std::string under_file = (dir.path / "plain" / "plan.yaml").string();
    e = thrown<file_error>([&] { write_file_atomic(under_file, "kinerja.test.io", std::string_view("x")); });
    REQUIRE(e);
    CHECK_THAT(e->what(), Contains("Not a directory"));

    e = thrown<file_error>([&] { write_file_atomic(dir.path.string(), "kinerja.test.io", std::string_view("x")); });
    REQUIRE(e);
    CHECK(e->reason() == "cannot write the file: it is a folder");
    CHECK(dir.names() == std::set<std::string>{"plain"});
    CHECK(slurp(dir.path / "plain") == "not a folder");
}

TEST_CASE("write_file_atomic: a device is written directly and its failure reported", "[atomic]") {
    // /dev/full accepts opening and fails every write with ENOSPC
    auto e = thrown<file_error>([] { write_file_atomic("/dev/full", "kinerja.test.io", std::string_view("x")); });
    REQUIRE(e);
    CHECK(std::string(e->what()) == "[kinerja.test.io] /dev/full: cannot write the file: No space left on device");
}

TEST_CASE("save_plan: a save cut short by a file size limit leaves the saved plan intact", "[atomic]") {
    scratch_folder dir;
    const fs::path target = dir.path / "plan.yaml";
    const std::string small =
        "kinerja_plan: 1\nplan:\n  id: small\n  title: Small\n  organisation: O\n  region: R\n"
        "  period: [2024, 2026]\n  version: main\nnodes:\n  - {id: s-1, level: sasaran, name: S, source: T}\n";
    kinerja::save_plan(kinerja::parse_plan(small), target.string());
    const std::string before = slurp(target);
    REQUIRE(before.size() < 4096);
    const std::string big = kinerja::to_yaml(kinerja::bundled_plan());
    REQUIRE(big.size() > 8192);

    // every write past 4,096 bytes fails with EFBIG, as a full disk would; the old save had
    // truncated the file first and left its first 4,096 bytes of the new plan
    struct rlimit saved {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    auto previous = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit = saved;
    limit.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    auto e = thrown<file_error>([&] { kinerja::save_plan(kinerja::bundled_plan(), target.string()); });
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);

    CHECK(slurp(target) == before);
    CHECK(dir.names() == std::set<std::string>{"plan.yaml"});
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.io");
    CHECK(std::string(e->what()) == "[kinerja.plan.io] " + target.string() +
                                        ": cannot write the file: File too large (the file is left as it was)");

    // without the limit the same save succeeds
    kinerja::save_plan(kinerja::bundled_plan(), target.string());
    CHECK(slurp(target) == big);
    CHECK(dir.names() == std::set<std::string>{"plan.yaml"});
}
