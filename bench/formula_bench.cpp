// Benchmark of kinerja's formula evaluation against a hand-written loop, Eigen array expressions
// and muparser's bulk mode, on 10 million rows of 64-byte-aligned doubles; and compilation speed.
//
//   cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DKINERJA_NATIVE=ON -DKINERJA_BUILD_BENCH=ON
//   cmake --build build/bench --target formula_bench && build/bench/bench/formula_bench
//
// (bench/run runs this and the numpy comparison in one go, with OMP_NUM_THREADS=1: Debian's
// muparser runs its bulk mode on OpenMP threads.) Prints rows per second and the ratio of each to the hand loop
// measured in the same run. The machine is shared and noisy: the methods run in rounds, each
// once a round in turn, and each figure is the best (and the median) over the rounds.
#include <kinerja/formula.hpp>

#include <muParser.h>
#include <Eigen/Core>
#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

struct aligned_deleter {
    void operator()(double* p) const { std::free(p); }
};
using column = std::unique_ptr<double[], aligned_deleter>;

column make_column(std::size_t n) {
    void* p = std::aligned_alloc(64, ((n * sizeof(double) + 63) / 64) * 64);
    if (!p) std::abort();
    return column(static_cast<double*>(p));
}

double best_seconds(int repeats, const std::function<void()>& f) {
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    return best;
}

// One way of computing a formula, timed once per round.
struct method {
    std::string name;
    std::function<void()> run;
    std::vector<double> seconds;
    double best() const { return *std::min_element(seconds.begin(), seconds.end()); }
    double median() const {
        std::vector<double> s = seconds;
        std::sort(s.begin(), s.end());
        return s.size() % 2 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
    }
};

// Rounds of every method in turn, so that all of them see the same machine: on a shared machine
// the memory bandwidth a core gets changes from second to second, and timing one method after
// another would compare different machines.
void measure(std::vector<method>& methods, int rounds) {
    for (int r = 0; r < rounds; ++r)
        for (method& m : methods) {
            const auto t0 = std::chrono::steady_clock::now();
            m.run();
            const auto t1 = std::chrono::steady_clock::now();
            m.seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
        }
}

// The practical limit: what a compiler makes of the formula written by hand.
__attribute__((noinline)) void hand_e1(const double* a, const double* b, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = a[i] / b[i] * 100000.0;
}
__attribute__((noinline)) void hand_e2(const double* a, const double* b, const double* c, const double* d,
                                       const double* e, const double* f, double* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = (a[i] / b[i] * 100.0 + c[i] / d[i] * 100.0) / 2.0 - std::max(e[i], f[i]);
}

#if defined(__SSE2__)
// The memory ceiling: E1 with streaming (non-temporal) stores, which skip reading each output
// cache line before writing it (24 instead of 32 bytes of memory traffic a row). No evaluator that
// reads a and b and writes the result can beat this loop on the same cores.
__attribute__((noinline)) void streaming_e1(const double* a, const double* b, double* out, std::size_t n) {
    std::size_t i = 0;
    for (; i < n && reinterpret_cast<std::uintptr_t>(out + i) % 64 != 0; ++i) out[i] = a[i] / b[i] * 100000.0;
#if defined(__AVX512F__)
    const __m512d k = _mm512_set1_pd(100000.0);
    for (; i + 8 <= n; i += 8)
        _mm512_stream_pd(out + i, _mm512_mul_pd(_mm512_div_pd(_mm512_loadu_pd(a + i), _mm512_loadu_pd(b + i)), k));
#elif defined(__AVX__)
    const __m256d k = _mm256_set1_pd(100000.0);
    for (; i + 4 <= n; i += 4)
        _mm256_stream_pd(out + i, _mm256_mul_pd(_mm256_div_pd(_mm256_loadu_pd(a + i), _mm256_loadu_pd(b + i)), k));
#else
    const __m128d k = _mm_set1_pd(100000.0);
    for (; i + 2 <= n; i += 2)
        _mm_stream_pd(out + i, _mm_mul_pd(_mm_div_pd(_mm_loadu_pd(a + i), _mm_loadu_pd(b + i)), k));
#endif
    for (; i < n; ++i) out[i] = a[i] / b[i] * 100000.0;
    _mm_sfence();
}
#endif

// The same loop on two threads: what two cores can do when memory bandwidth is the limit.
template <class F>
void two_threads(std::size_t n, F f) {
    const std::size_t half = n / 2;
    std::thread t([&] { f(0, half); });
    f(half, n);
    t.join();
}

double checksum(const double* x, std::size_t n) {
    double s = 0;
    for (std::size_t i = 0; i < n; i += 9973) s += x[i];
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 10'000'000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> dist(1.0, 1000.0);
    std::vector<column> cols;
    for (int k = 0; k < 6; ++k) {
        cols.push_back(make_column(n));
        for (std::size_t i = 0; i < n; ++i) cols.back()[i] = dist(rng);
    }
    column out = make_column(n);
    const double *a = cols[0].get(), *b = cols[1].get(), *c = cols[2].get(), *d = cols[3].get(), *e = cols[4].get(),
                 *f = cols[5].get();
    std::printf("rows: %zu, rounds: %d (each method once a round, in turn), hardware threads: %u\n", n, repeats,
                std::thread::hardware_concurrency());
    std::printf("%-38s %14s %10s %14s\n", "method", "best rows/s", "x hand", "median rows/s");

    const auto rate = [&](double seconds) { return static_cast<double>(n) / seconds; };
    auto report = [&](const char* expr, const std::vector<method>& ms) {
        const double hand = ms.front().best();
        std::printf("-- %s\n", expr);
        for (const auto& m : ms)
            std::printf("%-38s %14.4g %10.3f %14.4g\n", m.name.c_str(), rate(m.best()), hand / m.best(),
                        rate(m.median()));
    };
    // methods 0, 1: the hand loop on 1 and 2 threads; 4, 5: kinerja on 1 and 2 threads
    auto scaling = [&](const std::vector<method>& ms) {
        std::printf(
            "   2 threads / 1 thread, best: kinerja %.3f, hand loop %.3f; median: kinerja %.3f, hand loop %.3f\n",
            ms[4].best() / ms[5].best(), ms[0].best() / ms[1].best(), ms[4].median() / ms[5].median(),
            ms[0].median() / ms[1].median());
    };

    // ---------------------------------------------------------------- E1
    {
        Eigen::Map<const Eigen::ArrayXd> A(a, static_cast<Eigen::Index>(n)), B(b, static_cast<Eigen::Index>(n));
        Eigen::Map<Eigen::ArrayXd> O(out.get(), static_cast<Eigen::Index>(n));
        mu::Parser mp;
        mp.DefineVar("a", const_cast<double*>(a));
        mp.DefineVar("b", const_cast<double*>(b));
        mp.SetExpr("a / b * 100000");
        const kinerja::formula kf = kinerja::formula::compile("a / b * 100_000");
        kinerja::formula_columns fc;
        fc.rows = n;
        fc.add("a", a);
        fc.add("b", b);
        kinerja::eval_options one;
        one.threads = 1;
        kinerja::eval_options two;
        two.threads = 2;
        two.min_rows_per_thread = 1;
        std::vector<method> ms = {
            {"hand loop (-O3 -march=native)", [&] { hand_e1(a, b, out.get(), n); }, {}},
            {"hand loop, 2 threads",
             [&] {
                 two_threads(n,
                             [&](std::size_t lo, std::size_t hi) { hand_e1(a + lo, b + lo, out.get() + lo, hi - lo); });
             },
             {}},
            {"Eigen array expression", [&] { O = A / B * 100000.0; }, {}},
            {"muparser bulk mode, 1 thread", [&] { mp.Eval(out.get(), static_cast<int>(n)); }, {}},
            {"kinerja formula, 1 thread", [&] { kf.evaluate(fc, out.get(), one); }, {}},
            {"kinerja formula, 2 threads", [&] { kf.evaluate(fc, out.get(), two); }, {}},
#if defined(__SSE2__)
            {"memory ceiling: streaming stores", [&] { streaming_e1(a, b, out.get(), n); }, {}},
            {"memory ceiling: streaming, 2 threads",
             [&] {
                 two_threads(
                     n, [&](std::size_t lo, std::size_t hi) { streaming_e1(a + lo, b + lo, out.get() + lo, hi - lo); });
             },
             {}},
#endif
        };
        measure(ms, repeats);
        kf.evaluate(fc, out.get(), one);
        const double check = checksum(out.get(), n);
        for (std::size_t k = 0; k < ms.size(); ++k) {
            if (k == 3) continue;  // muparser's float formatting of 100000 may round differently
            ms[k].run();
            if (checksum(out.get(), n) != check)
                std::printf("!! %s differs from kinerja on 1 thread\n", ms[k].name.c_str());
        }
        report("E1: a / b * 100000", ms);
        scaling(ms);
        if (ms.size() > 7)
            std::printf(
                "   the target, 1.6 x kinerja's 1 thread: %.4g rows/s; the two-core ceiling: %.4g rows/s (best)\n",
                1.6 * rate(ms[4].best()), rate(ms[7].best()));
    }
    // ---------------------------------------------------------------- E2
    {
        const auto N = static_cast<Eigen::Index>(n);
        Eigen::Map<const Eigen::ArrayXd> A(a, N), B(b, N), C(c, N), D(d, N), E(e, N), F(f, N);
        Eigen::Map<Eigen::ArrayXd> O(out.get(), N);
        mu::Parser mp;
        const char* names[] = {"a", "b", "c", "d", "e", "f"};
        for (int k = 0; k < 6; ++k) mp.DefineVar(names[k], cols[static_cast<std::size_t>(k)].get());
        mp.SetExpr("(a / b * 100 + c / d * 100) / 2 - max(e, f)");
        const kinerja::formula kf = kinerja::formula::compile("(a / b * 100 + c / d * 100) / 2 - greatest(e, f)");
        kinerja::formula_columns fc;
        fc.rows = n;
        for (int k = 0; k < 6; ++k) fc.add(names[k], cols[static_cast<std::size_t>(k)].get());
        kinerja::eval_options one;
        one.threads = 1;
        kinerja::eval_options two;
        two.threads = 2;
        two.min_rows_per_thread = 1;
        std::vector<method> ms = {
            {"hand loop (-O3 -march=native)", [&] { hand_e2(a, b, c, d, e, f, out.get(), n); }, {}},
            {"hand loop, 2 threads",
             [&] {
                 two_threads(n, [&](std::size_t lo, std::size_t hi) {
                     hand_e2(a + lo, b + lo, c + lo, d + lo, e + lo, f + lo, out.get() + lo, hi - lo);
                 });
             },
             {}},
            {"Eigen array expression", [&] { O = (A / B * 100.0 + C / D * 100.0) / 2.0 - E.max(F); }, {}},
            {"muparser bulk mode, 1 thread", [&] { mp.Eval(out.get(), static_cast<int>(n)); }, {}},
            {"kinerja formula, 1 thread", [&] { kf.evaluate(fc, out.get(), one); }, {}},
            {"kinerja formula, 2 threads", [&] { kf.evaluate(fc, out.get(), two); }, {}},
        };
        measure(ms, repeats);
        report("E2: (a / b * 100 + c / d * 100) / 2 - greatest(e, f)", ms);
        scaling(ms);
    }
    // ---------------------------------------------------------------- compilation
    {
        std::vector<std::string> texts;
        const char* ops[] = {"+", "-", "*", "/"};
        for (int i = 0; i < 10000; ++i)
            texts.push_back("x" + std::to_string(i % 7) + " " + ops[i % 4] + " y" + std::to_string(i % 11) + " * " +
                            std::to_string(i + 1) + " + max(z, " + std::to_string(i % 13) + ")");
        const double s = best_seconds(repeats, [&] {
            for (const auto& t : texts) {
                const kinerja::formula k = kinerja::formula::compile(t);
                (void)k;
            }
        });
        std::printf("-- compile 10,000 distinct small formulas\n%-38s %14.4g\n", "compilations/s", 10000.0 / s);
    }
    return 0;
}
