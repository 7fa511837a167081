// SPDX-License-Identifier: Apache-2.0
// The load benchmark (docs/performance.md, bench/load): over the same bytes of a plan file, in one
// run on one core, times
//   - libyaml's bare event parse (events counted and dropped): the floor of any libyaml reader;
//   - yaml-cpp's YAML::Load alone;
//   - detail::load_yaml: the old loader's whole parse (the input checks, the yaml_guard pass over
//     yaml-cpp's events, YAML::Load), which the old loader ran before reading the tree;
//   - the new reader's document alone (detail::yaml::parse_document: input checks, libyaml's
//     events, the compact document);
//   - kinerja::parse_plan with the new reader: the whole load (reader, checks of references,
//     learned conventions), from the bytes in memory as the others;
//   - the old loader itself (bench/old_plan_reader.cpp: main's reader before this one, on
//     yaml-cpp's tree, built into this program only);
// each in rounds (every method once a round, in turn), the best and the median of the thread's
// CPU time (not wall time: on a shared machine the wall clock counts other jobs' turns), in MB/s
// and as ratios; and the plan's memory: heap bytes in use (mallinfo2) and resident bytes (RSS)
// that a loaded plan holds, per byte of plan text, measured before any timing, after a first load
// (which sets up what every load shares: field tables, unit registry). Last, kinerja::check of the
// loaded plan (every built-in rule), timed the same way (issue 11's target: under 2 ms for the
// bundled plan).
//   load_bench FILE [ROUNDS]
#include <kinerja/check.hpp>
#include <kinerja/plan_io.hpp>

#include "../src/yaml_document.hpp"

#include <kinerja/detail/files.hpp>

#include <yaml-cpp/yaml.h>

#include <malloc.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace kinerja {
plan old_parse_plan(std::string_view yaml, const std::string& file, const load_limits& limits);
}

namespace {

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

std::size_t heap_in_use() { return mallinfo2().uordblks + mallinfo2().hblkhd; }

std::size_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

struct timing {
    std::string name;
    std::function<std::size_t()> run;  // returns something derived from the result, so it is not optimized away
    std::vector<double> seconds;
    double best() const { return *std::min_element(seconds.begin(), seconds.end()); }
    double median() const {
        std::vector<double> s = seconds;
        std::sort(s.begin(), s.end());
        return s[s.size() / 2];
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: load_bench FILE [ROUNDS]\n";
        return 2;
    }
    const std::string path = argv[1];
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 15;
    std::string text;
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        text = s.str();
    }
    if (text.empty()) {
        std::cerr << "load_bench: cannot read " << path << "\n";
        return 2;
    }
    kinerja::load_limits limits;
    limits.max_input_bytes = std::max<std::uint64_t>(limits.max_input_bytes, text.size());
    limits.max_nodes = std::max<std::uint64_t>(limits.max_nodes, text.size() / 16);
    const double mb = static_cast<double>(text.size()) / 1e6;

    // memory first, in a fresh heap: what a loaded plan holds, the reader's document freed
    std::size_t heap = 0, resident = 0, nodes = 0;
    { const kinerja::plan warm = kinerja::parse_plan(text, path, limits); }
    {
        malloc_trim(0);
        const std::size_t heap0 = heap_in_use(), rss0 = resident_bytes();
        kinerja::plan p = kinerja::parse_plan(text, path, limits);
        malloc_trim(0);
        heap = heap_in_use() - heap0;
        resident = resident_bytes() - rss0;
        nodes = p.nodes.size();
    }
    const std::size_t document_bytes = kinerja::detail::yaml::parse_document(text, path, "x", limits).bytes_used();

    std::vector<timing> methods;
    methods.push_back({"libyaml event parse (bare)", [&] { return kinerja::detail::yaml::count_events(text); }, {}});
    methods.push_back({"yaml-cpp YAML::Load", [&] { return YAML::Load(text).size(); }, {}});
    methods.push_back({"old parse (guard + YAML::Load)",
                       [&] { return kinerja::detail::load_yaml(text, path, "x", limits).size(); },
                       {}});
    methods.push_back({"new reader's document alone",
                       [&] { return kinerja::detail::yaml::parse_document(text, path, "x", limits).node_count(); },
                       {}});
    methods.push_back(
        {"old loader (before libyaml)", [&] { return kinerja::old_parse_plan(text, path, limits).nodes.size(); }, {}});
    methods.push_back(
        {"kinerja::parse_plan (new loader)", [&] { return kinerja::parse_plan(text, path, limits).nodes.size(); }, {}});
    std::size_t sink = 0;
    for (int r = 0; r < rounds; ++r)
        for (timing& m : methods) {
            const double t0 = cpu_seconds();
            sink += m.run();
            m.seconds.push_back(cpu_seconds() - t0);
        }

    std::printf("load benchmark: %s, %zu bytes (%.3f MB), %zu nodes, %d rounds, one core\n", path.c_str(), text.size(),
                mb, nodes, rounds);
    std::printf("%-34s %10s %10s %10s %12s\n", "method (CPU time)", "best ms", "median ms", "best MB/s", "x libyaml");
    const double floor = methods[0].best();
    for (const timing& m : methods)
        std::printf("%-34s %10.3f %10.3f %10.1f %12.2f\n", m.name.c_str(), m.best() * 1e3, m.median() * 1e3,
                    mb / m.best(), m.best() / floor);
    const timing &old_parse = methods[2], &old_loader = methods[4], &loader = methods[5];
    std::printf(
        "new loader: %.2fx the bare libyaml parse (best), %.2fx (median); %.1fx faster than the old loader "
        "(best), %.1fx (median); %.1fx faster than the old loader's parse alone (best)\n",
        loader.best() / floor, loader.median() / methods[0].median(), old_loader.best() / loader.best(),
        old_loader.median() / loader.median(), old_parse.best() / loader.best());
    std::printf("loaded plan: %zu heap bytes in use (%.2f per byte of plan text), %zu resident bytes (%.2f per byte)\n",
                heap, static_cast<double>(heap) / static_cast<double>(text.size()), resident,
                static_cast<double>(resident) / static_cast<double>(text.size()));
    std::printf("reader's document while loading (freed after): %zu bytes (%.2f per byte)\n", document_bytes,
                static_cast<double>(document_bytes) / static_cast<double>(text.size()));

    // check of the loaded plan: the first call (which sets up what every check shares: catalogs,
    // registries) is not timed
    const kinerja::plan loaded = kinerja::parse_plan(text, path, limits);
    timing checking{"kinerja::check", [&] { return kinerja::check(loaded).size(); }, {}};
    const std::size_t findings = checking.run();
    for (int r = 0; r < std::max(rounds, 5); ++r) {
        const double t0 = cpu_seconds();
        sink += checking.run();
        checking.seconds.push_back(cpu_seconds() - t0);
    }
    std::printf("check (every built-in rule, %zu findings): best %.3f ms, median %.3f ms (CPU time, %zu rounds)\n",
                findings, checking.best() * 1e3, checking.median() * 1e3, checking.seconds.size());
    if (sink == 0) std::printf(" \n");
    return 0;
}
