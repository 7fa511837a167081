// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file batch.hpp
/// Many plans in one call (docs/batch.md): find the plan files under files and folders, then
/// load and check them on a pool of threads, one plan at a time per thread, so that memory
/// stays bounded by the number of threads whatever the number of plans. A plan that cannot be
/// loaded is reported with its error, and the run goes on.
///
///     auto files = kinerja::find_plan_files({"plans/"});
///     auto results = kinerja::check_plans(files, kinerja::batch_options{}.with_threads(2));
///     for (const auto& r : results)
///         if (r.error) std::cerr << r.path << ": " << r.error->message << "\n";

#include <kinerja/check.hpp>
#include <kinerja/error.hpp>
#include <kinerja/finding.hpp>
#include <kinerja/plan.hpp>
#include <kinerja/plan_io.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kinerja {

/// Whether a file name is a plan file by its extension: `.yaml`, `.yml` (a YAML plan) or `.csv`
/// (a flat CSV table, docs/plan-csv.md); the case of the extension does not matter.
bool is_plan_file_name(const std::string& path);

/// The plan files of `paths`, in a deterministic order: each path in the order given; a file as
/// it is given (whatever its extension; it is loaded as CSV when it ends in `.csv`, else as
/// YAML); a folder searched recursively for `*.yaml`, `*.yml` and `*.csv`, its files sorted by
/// their path relative to the folder (bytewise) and each named as the folder as given joined
/// with that relative path (`plans` + `a/b.yaml` = `plans/a/b.yaml`, as Python's os.path.join).
/// Files and folders whose name begins with '.' are skipped inside a folder. A file named twice
/// is listed once, at its first place. An empty folder gives no files (not an error).
/// \throws file_error kinerja.batch.path for a path that does not exist, is neither a file nor a
///         folder, or a folder that cannot be listed (the operating system's reason)
std::vector<std::string> find_plan_files(const std::vector<std::string>& paths);

/// Why a plan could not be loaded: the error's id (kinerja.plan.yaml, kinerja.csv.syntax, ...,
/// kinerja.plan.io for a file that cannot be read; kinerja.batch.memory when memory ran out;
/// kinerja.batch.internal for an error that is a bug), its message, and where (the file, and a
/// 1-based line and column, 0 when the error has no place in the text).
struct plan_load_error {
    std::string id;
    std::string message;
    std::string file;
    int line = 0;
    int column = 0;
    /// "file:line:column" (without the parts that are 0).
    std::string location() const;
};

/// One plan of a batch: its place in the list, its path, and either its identity and findings
/// (loaded) or its load error.
struct plan_result {
    std::size_t index = 0;
    std::string path;
    std::optional<plan_load_error> error;  ///< set when the plan could not be loaded
    std::string id;                        ///< the plan's identity (empty when not loaded)
    std::string title;
    std::string organisation;
    std::string region;
    std::vector<finding> findings;  ///< in check()'s order (empty when not loaded or not checked)
    bool loaded() const noexcept { return !error.has_value(); }
};

/// How far a batch is: plans done (loaded and checked, or failed) of the total, how many failed,
/// findings so far, and the seconds since it started.
struct batch_progress {
    std::size_t done = 0;
    std::size_t total = 0;
    std::size_t failed = 0;
    std::size_t findings = 0;
    double elapsed_seconds = 0.0;
};

/// Called on the thread that called check_plans (never on a worker), after each plan is done
/// (several done plans may be reported by one call). An exception it throws stops the batch:
/// the workers finish the plan they hold, and the exception is thrown on by check_plans.
using batch_progress_callback = std::function<void(const batch_progress&)>;

struct batch_options {
    /// Worker threads; 0: one per core (std::thread::hardware_concurrency(), at least 1). Never
    /// more than the number of plans.
    unsigned threads = 0;
    /// Run the checks (false: only load, e.g. to list the plans that cannot be loaded).
    bool run_checks = true;
    kinerja::check_options check = {};
    load_limits limits = {};

    batch_options with_threads(unsigned n) const {
        auto o = *this;
        o.threads = n;
        return o;
    }
    batch_options with_check(kinerja::check_options c) const {
        auto o = *this;
        o.check = std::move(c);
        return o;
    }
    batch_options with_limits(load_limits l) const {
        auto o = *this;
        o.limits = l;
        return o;
    }
    batch_options with_run_checks(bool on) const {
        auto o = *this;
        o.run_checks = on;
        return o;
    }
};

/// The number of threads `options.threads` stands for with `plans` plans (at least 1).
unsigned batch_threads(unsigned threads, std::size_t plans) noexcept;

/// Loads one plan file by its extension (`.csv`: load_plan_csv with the default csv_options,
/// else load_plan). \throws file_error as those; kinerja.xlsx.read for an `.xlsx` workbook (read
/// by Python's load_plan_xlsx, or by parse_plan_table from its cells)
plan load_plan_file(const std::string& path, const load_limits& limits = {});

/// Loads and checks each file of `files` on `options.threads` threads: each worker loads a plan,
/// checks it, keeps its identity and findings and drops the plan before it takes the next, so at
/// most one plan per thread is in memory. The results are in the order of `files`, the same
/// whatever the number of threads. A plan that cannot be loaded gives a result with its error;
/// the run goes on. \throws what `progress` throws (the run stops)
std::vector<plan_result> check_plans(const std::vector<std::string>& files, const batch_options& options = {},
                                     const batch_progress_callback& progress = {});

/// One plan of a plan_stream: the plan (when it could be loaded) or its error.
struct loaded_plan {
    std::size_t index = 0;
    std::string path;
    std::optional<kinerja::plan> plan;
    std::optional<plan_load_error> error;
};

/// Plans loaded ahead on worker threads and handed out one by one, in the order of `files`
/// (kinerja.PlanSet's iteration): at most `2 × threads` plans are loaded and not yet taken, so
/// memory stays bounded however many files there are. Destroying the stream stops the workers.
class plan_stream {
public:
    explicit plan_stream(std::vector<std::string> files, unsigned threads = 0, const load_limits& limits = {});
    ~plan_stream();
    plan_stream(const plan_stream&) = delete;
    plan_stream& operator=(const plan_stream&) = delete;

    /// The next plan (or its load error), waiting for it; nothing once every file was handed out.
    std::optional<loaded_plan> next();
    std::size_t size() const noexcept;

private:
    struct state;
    std::unique_ptr<state> state_;
};

}  // namespace kinerja
