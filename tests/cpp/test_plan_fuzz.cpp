// SPDX-License-Identifier: Apache-2.0
// Robustness of the plan formats and the value reader on generated inputs, run by CI (also
// under ASan/UBSan): every plan fixture and CSV table of tests/data, and the bundled plan, read
// as they are, cut short at many places, with bytes replaced by characters that matter to YAML
// and CSV, and with lines dropped or repeated; and printed cells in every context and
// convention. Each case must load and keep the invariants of plan_fuzz_case.hpp (checks,
// roll-ups, a diff with itself that finds nothing, a save that loads to the same text) or fail
// with a kinerja::error. The generator is seeded, so a failure reproduces; the libFuzzer target
// tests/fuzz/plan_fuzzer.cpp runs the same case on inputs it evolves.
#include <catch2/catch.hpp>

#include "plan_fuzz_case.hpp"

#include <kinerja/plan_io.hpp>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string data_dir() {
    const std::string here = __FILE__;
    return here.substr(0, here.find_last_of("/\\")) + "/../data";
}

std::string read_all(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The files to start from, each with its mode byte ('y' YAML, 'c' CSV).
std::vector<std::string> seeds() {
    std::vector<std::string> out;
    for (const char* sub : {"/plans", "/plans/malformed", "/csv", "/fuzz"}) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(data_dir() + sub))
            if (entry.is_regular_file()) files.push_back(entry.path());
        std::sort(files.begin(), files.end());  // a fixed order, so the seeded cases reproduce
        for (const auto& f : files) {
            const std::string ext = f.extension().string();
            if (ext == ".yaml") out.push_back("y" + read_all(f));
            if (ext == ".csv") out.push_back("c" + read_all(f));
        }
    }
    return out;
}

// Variants of one seed: itself, cut short at `cuts` places, `flips` single bytes replaced by
// characters that matter to YAML and CSV, and `lines` lines dropped or repeated.
std::vector<std::string> variants(const std::string& seed, std::mt19937& rng, int cuts, int flips, int lines) {
    static const char specials[] = {':', '-', ' ', '\n', '"', '\'', '[', ']', '{', '}', ',', ';',  '.',
                                    '0', '9', 'x', '\t', '#', '&',  '*', '!', '|', '>', '%', '\0', '\x7f'};
    std::vector<std::string> out{seed};
    const std::size_t n = seed.size();
    if (n < 2) return out;
    for (int k = 1; k <= cuts; ++k)
        out.push_back(seed.substr(0, 1 + (n - 1) * static_cast<std::size_t>(k) / (cuts + 1)));
    std::uniform_int_distribution<std::size_t> pos(1, n - 1);
    std::uniform_int_distribution<std::size_t> pick(0, sizeof specials - 1);
    for (int k = 0; k < flips; ++k) {
        std::string s = seed;
        s[pos(rng)] = specials[pick(rng)];
        out.push_back(std::move(s));
    }
    std::vector<std::size_t> starts{1};
    for (std::size_t i = 1; i < n; ++i)
        if (seed[i - 1] == '\n') starts.push_back(i);
    std::uniform_int_distribution<std::size_t> line(0, starts.size() - 1);
    for (int k = 0; k < lines; ++k) {
        const std::size_t l = line(rng);
        const std::size_t b = starts[l];
        const std::size_t e = l + 1 < starts.size() ? starts[l + 1] : n;
        std::string s = seed;
        if (k % 2 == 0)
            s.erase(b, e - b);
        else
            s.insert(b, seed.substr(b, e - b));
        out.push_back(std::move(s));
    }
    return out;
}

struct tally {
    std::size_t cases = 0;
    std::size_t broken = 0;
};

void run(const std::string& input, tally& t) {
    ++t.cases;
    std::string broken;
    try {
        broken = kinerja_test::run_plan_case(input);
    } catch (const std::exception& e) {
        broken = std::string("an exception that is not a kinerja::error: ") + e.what();
    }
    if (!broken.empty()) {
        ++t.broken;
        FAIL_CHECK(broken << " for an input of " << input.size() << " bytes starting: " << input.substr(0, 120));
    }
}

}  // namespace

TEST_CASE("plan fuzz: fixtures cut short, with bytes replaced and lines dropped, load or fail cleanly",
          "[fuzz][plan]") {
    std::mt19937 rng(20261129);
    tally t;
    for (const std::string& seed : seeds())
        for (const std::string& v : variants(seed, rng, 24, 48, 16)) run(v, t);
    CHECK(t.cases > 1000);
    CHECK(t.broken == 0);
}

TEST_CASE("plan fuzz: CSV tables read with every delimiter and period option load or fail cleanly", "[fuzz][csv]") {
    std::mt19937 rng(20261207);
    std::vector<std::string> tables;
    for (const std::string& seed : seeds())
        if (seed[0] == 'c') tables.push_back(seed.substr(1));
    REQUIRE(!tables.empty());
    tally t;
    // option bytes (see csv_options_from): delimiter detected, ',', ';', tab, '|' and ':'; a period
    // given (2019 + b % 8 to + b / 8 % 8 years), one that ends before it starts, an id given
    for (const int a : {0, 1, 2, 3, 4, 5, 8, 16, 32, 41})
        for (const std::string& table : tables)
            for (const std::string& v :
                 variants(std::string("o") + static_cast<char>(a) + '\x15' + table, rng, 4, 8, 4))
                run(v, t);
    CHECK(t.cases == 10 * tables.size() * 17);
    CHECK(t.broken == 0);
}

TEST_CASE("plan fuzz: the bundled plan, cut short and with bytes replaced, loads or fails cleanly", "[fuzz][plan]") {
    std::mt19937 rng(29112026);
    const std::string bundled =
        "y" + read_all(std::filesystem::path(data_dir()) / "../../data/plans/bekasi-dpppa-2024-2026.yaml");
    REQUIRE(bundled.size() > 100000);
    tally t;
    for (const std::string& v : variants(bundled, rng, 6, 6, 4)) run(v, t);
    CHECK(t.cases == 17);
    CHECK(t.broken == 0);
}

TEST_CASE("plan fuzz: printed cells in every context and convention are read or rejected cleanly", "[fuzz][value]") {
    const char* const cells[] = {"18.221",
                                 "1 : 4.000",
                                 "BB (75.10)",
                                 "Rp. 22.275.313.470,-",
                                 "742,340",
                                 "77,90%",
                                 "44 OPD",
                                 "Madya",
                                 "-",
                                 "",
                                 "1,584.900.000",
                                 "0,253",
                                 "1.234,5",
                                 "1e308",
                                 "9999999999999999999999",
                                 "1 : 0",
                                 "( )",
                                 "%",
                                 "Rp",
                                 "A (80.351)",
                                 "737Orang/bulan",
                                 "1Lapora n",
                                 "-1.500",
                                 "1..5",
                                 "\xC3\x28",
                                 "\xFF",
                                 "96\xC2\xA0%",  // a no-break space before the sign
                                 "\xE2\x88\x92"
                                 "5%",  // a Unicode minus sign
                                 "12\xE2\x80\xAF"
                                 "500",                // a narrow no-break space between groups
                                 "5 \xC3\x97 3",       // a multiplication sign
                                 "\xF0\x9F\x98\x80"};  // a four-byte character
    tally t;
    for (int pick = 0; pick < 48; ++pick)  // twelve contexts by three conventions, and more
        for (const char* cell : cells) run(std::string("v") + static_cast<char>(pick) + cell, t);
    CHECK(t.cases == 48 * sizeof cells / sizeof cells[0]);
    CHECK(t.broken == 0);
}
