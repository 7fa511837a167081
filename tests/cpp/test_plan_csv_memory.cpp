// SPDX-License-Identifier: Apache-2.0
// The CSV reader's memory: it hands the rows of a table to the plan builder one at a time instead
// of holding every cell of every row until the plan is built, so its peak while loading stays a
// small multiple of the table's size (docs/performance.md, "Scaling with the size of a plan").
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/plan_io.hpp>

#if defined(__linux__)
#include <malloc.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

// A table of bench/scaling's shape: per node a row a year with pagu, and an indicator with a row a
// year (target, realization, printed achievement); attributes on the first row of each.
std::string scaling_table(int nodes) {
    std::string t =
        "node_id,level,code,name,parent,indicator_id,indicator,unit,polarity,year,target,realization,"
        "reported_achievement,budget,budget_realized,source\n";
    for (int k = 0; k < nodes; ++k) {
        const std::string id = "k-" + std::to_string(k);
        for (int y = 2025; y <= 2029; ++y) {
            t += id + (y == 2025 ? ",kegiatan,1.02." + std::to_string(k) + ",Kegiatan Peningkatan Layanan " + id + ","
                                 : ",,,,");
            t += ",,,,," + std::to_string(y) + ",,,,\"1,250,000,000\"," + (y == 2025 ? "\"1,100,000,000\"" : "") +
                 ",Tabel 6.1\n";
        }
        for (int y = 2025; y <= 2029; ++y) {
            t += id + ",,,,," + id + "-i," + (y == 2025 ? "Persentase layanan tuntas " + id + ",%,higher," : ",,,");
            t += std::to_string(y) + "," + std::to_string(80 + y - 2025) + ".00%," + (y <= 2026 ? "81.50%," : ",") +
                 (y == 2025 ? "101.88%" : "") + ",,,Tabel 6.1\n";
        }
    }
    return t;
}

#if defined(__linux__)
long status_kb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string key = std::string(field) + ":";
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::stol(line.substr(key.size()));
    return -1;
}
#endif

}  // namespace

TEST_CASE("Loading a CSV table peaks at a small multiple of its size", "[plan][csv][memory]") {
#if defined(__linux__)
    if (kinerja_test::sanitized) {
        WARN("skipped under AddressSanitizer: its allocator holds freed memory in quarantine");
        return;
    }
    const std::string text = scaling_table(6000);  // some 5 MB, 60,000 rows
    { const kinerja::plan warm = kinerja::parse_plan_csv(scaling_table(20), "warm.csv"); }
    // In a child process: its peak resident memory (VmHWM) after the load, less its peak reset just
    // before the load (to its resident memory then), is what loading took at its peak (the
    // table's rows, the builder's and the plan).
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(fds[0]);
        long peak = -1, nodes = 0;
        bool reset_done = false;
        // The heap inherited from the parent holds the freed memory of the tests that ran before
        // (resident, so reusing it raises no peak): give it back first, so the load's memory is
        // new memory whichever tests ran before (the lower bound below failed in full runs only).
        ::malloc_trim(0);
        {
            std::ofstream reset("/proc/self/clear_refs");
            reset << "5" << std::flush;  // resets VmHWM to VmRSS (Linux 4.0)
            reset_done = reset.good();
        }
        const long before = status_kb("VmHWM");
        if (reset_done && before > 0) {
            const kinerja::plan p = kinerja::parse_plan_csv(text, "memory.csv");
            nodes = static_cast<long>(p.nodes.size());
            peak = status_kb("VmHWM") - before;
        }
        char out[64];
        const int len = std::snprintf(out, sizeof out, "%ld %ld", peak, nodes);
        (void)!::write(fds[1], out, static_cast<std::size_t>(len));
        ::_exit(0);
    }
    ::close(fds[1]);
    char in[64] = {};
    const ssize_t got = ::read(fds[0], in, sizeof in - 1);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(got > 0);
    long peak_kb = -1, nodes = 0;
    std::istringstream(in) >> peak_kb >> nodes;
    if (peak_kb < 0) {
        WARN("skipped: this kernel does not let a process reset its peak resident memory (/proc/self/clear_refs)");
        return;
    }
    REQUIRE(nodes == 6000);
    const double per_byte = static_cast<double>(peak_kb) * 1024.0 / static_cast<double>(text.size());
    INFO("table " << text.size() << " bytes, peak " << peak_kb << " KB while loading, " << per_byte << " per byte");
    CHECK(per_byte > 1.0);    // it holds the plan at all
    CHECK(per_byte <= 16.0);  // holding every row until the plan was built took 29
#else
    WARN("skipped: measures resident memory through Linux's /proc");
#endif
}
