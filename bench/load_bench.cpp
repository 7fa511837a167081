// SPDX-License-Identifier: Apache-2.0
// The load benchmark (docs/performance.md, bench/load): over the same bytes of a plan file, in one
// run on one core, times
//   - libyaml's bare event parse (events counted and dropped): the floor of any libyaml reader;
//   - yaml-cpp's YAML::Load: the parse of the old loader, a lower bound of its time;
//   - kinerja::parse_plan with the new reader: the whole load (reader, checks of references,
//     learned conventions), from the bytes in memory as the two above;
// each in rounds (every method once a round, in turn), the best and the median, in MB/s and as
// ratios; and the plan's memory: heap bytes in use (mallinfo2) and resident bytes (RSS) that a
// loaded plan holds, per byte of plan text, measured before any timing.
//   load_bench FILE [ROUNDS]
#include <kinerja/plan_io.hpp>

#include "../src/yaml_document.hpp"

#include <yaml-cpp/yaml.h>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

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
    methods.push_back({"yaml-cpp YAML::Load (old parse)", [&] { return YAML::Load(text).size(); }, {}});
    methods.push_back(
        {"kinerja::parse_plan (new loader)", [&] { return kinerja::parse_plan(text, path, limits).nodes.size(); }, {}});
    std::size_t sink = 0;
    for (int r = 0; r < rounds; ++r)
        for (timing& m : methods) {
            const auto t0 = std::chrono::steady_clock::now();
            sink += m.run();
            const auto t1 = std::chrono::steady_clock::now();
            m.seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
        }

    std::printf("load benchmark: %s, %zu bytes (%.3f MB), %zu nodes, %d rounds, one core\n", path.c_str(), text.size(),
                mb, nodes, rounds);
    std::printf("%-34s %10s %10s %10s %12s\n", "method", "best ms", "median ms", "best MB/s", "x libyaml");
    const double floor = methods[0].best();
    for (const timing& m : methods)
        std::printf("%-34s %10.3f %10.3f %10.1f %12.2f\n", m.name.c_str(), m.best() * 1e3, m.median() * 1e3,
                    mb / m.best(), m.best() / floor);
    std::printf("new loader vs yaml-cpp parse alone: %.1fx faster (best), %.1fx (median)\n",
                methods[1].best() / methods[2].best(), methods[1].median() / methods[2].median());
    std::printf("loaded plan: %zu heap bytes in use (%.2f per byte of plan text), %zu resident bytes (%.2f per byte)\n",
                heap, static_cast<double>(heap) / static_cast<double>(text.size()), resident,
                static_cast<double>(resident) / static_cast<double>(text.size()));
    std::printf("reader's document while loading (freed after): %zu bytes (%.2f per byte)\n", document_bytes,
                static_cast<double>(document_bytes) / static_cast<double>(text.size()));
    if (sink == 0) std::printf(" \n");
    return 0;
}
