// SPDX-License-Identifier: Apache-2.0
// Many plans in one call: finding plan files, and loading and checking them on a thread pool.
#include <kinerja/batch.hpp>

#include <kinerja/error.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>
#include <set>
#include <system_error>
#include <thread>
#include <utility>

namespace kinerja {

namespace fs = std::filesystem;

namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string extension_of(const std::string& path) {
    const std::string name = fs::path(path).filename().string();
    const auto dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0) return "";
    return lower_ascii(name.substr(dot));
}

[[noreturn]] void path_error(const std::string& path, const std::string& reason) {
    throw file_error("kinerja.batch.path", path, 0, 0, reason);
}

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// The plan files under `folder`, sorted by their path relative to it.
std::vector<std::string> files_in(const std::string& folder) {
    std::vector<std::pair<std::string, std::string>> found;  // (relative path, path as named)
    std::error_code ec;
    fs::recursive_directory_iterator it(fs::path(folder), fs::directory_options::none, ec);
    if (ec) path_error(folder, "cannot list the folder: " + ec.message());
    const fs::recursive_directory_iterator end;
    while (it != end) {
        const fs::directory_entry& entry = *it;
        const fs::path& p = entry.path();
        if (hidden(p)) {
            if (entry.is_directory(ec)) it.disable_recursion_pending();
        } else {
            std::error_code type_ec;
            if (entry.is_regular_file(type_ec) && is_plan_file_name(p.string())) {
                found.emplace_back(p.lexically_relative(fs::path(folder)).generic_string(), p.string());
            }
        }
        it.increment(ec);
        if (ec) path_error(folder, "cannot list the folder: " + ec.message());
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> out;
    out.reserve(found.size());
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

plan_load_error error_of(const std::string& path, std::exception_ptr e) {
    plan_load_error out;
    out.file = path;
    try {
        std::rethrow_exception(std::move(e));
    } catch (const file_error& x) {
        out.id = x.id();
        out.message = x.reason();
        out.file = x.file().empty() ? path : x.file();
        out.line = x.line();
        out.column = x.column();
    } catch (const error& x) {
        out.id = x.id();
        std::string what = x.what();
        const std::string head = "[" + x.id() + "] ";
        out.message = what.compare(0, head.size(), head) == 0 ? what.substr(head.size()) : what;
    } catch (const std::bad_alloc&) {
        out.id = "kinerja.batch.memory";
        out.message = "memory ran out while loading or checking the plan";
    } catch (const std::exception& x) {
        out.id = "kinerja.batch.internal";
        out.message = std::string("an error that is a bug in kinerja, please report it: ") + x.what();
    } catch (...) {
        out.id = "kinerja.batch.internal";
        out.message = "an unknown error that is a bug in kinerja, please report it";
    }
    return out;
}

plan_result check_one(std::size_t index, const std::string& path, const batch_options& options) {
    plan_result r;
    r.index = index;
    r.path = path;
    try {
        const plan p = load_plan_file(path, options.limits);
        r.id = p.info.id;
        r.title = p.info.title;
        r.organisation = p.info.organisation;
        r.region = p.info.region;
        if (options.run_checks) r.findings = check(p, options.check);
    } catch (...) {
        r.error = error_of(path, std::current_exception());
        r.findings.clear();
    }
    return r;
}

}  // namespace

std::string plan_load_error::location() const {
    std::string w = file;
    if (line > 0) w += ":" + std::to_string(line);
    if (line > 0 && column > 0) w += ":" + std::to_string(column);
    return w;
}

bool is_plan_file_name(const std::string& path) {
    const std::string ext = extension_of(path);
    return ext == ".yaml" || ext == ".yml" || ext == ".csv";
}

std::vector<std::string> find_plan_files(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    auto add = [&](std::string f) {
        if (seen.insert(f).second) out.push_back(std::move(f));
    };
    for (const std::string& path : paths) {
        if (path.empty()) path_error(path, "an empty path names no file or folder");
        std::error_code ec;
        const fs::file_status st = fs::status(fs::path(path), ec);
        if (ec || !fs::exists(st)) {
            const std::string why =
                (ec && ec != std::errc::no_such_file_or_directory) ? ec.message() : "no such file or folder";
            path_error(path, "cannot find the plan file or folder: " + why);
        }
        if (fs::is_directory(st)) {
            for (auto& f : files_in(path)) add(std::move(f));
        } else if (fs::is_regular_file(st) || fs::is_fifo(st) || fs::is_character_file(st)) {
            add(path);
        } else {
            path_error(path, "is neither a plan file nor a folder");
        }
    }
    return out;
}

unsigned batch_threads(unsigned threads, std::size_t plans) noexcept {
    unsigned n = threads;
    if (n == 0) n = std::max(1u, std::thread::hardware_concurrency());
    if (plans < n) n = static_cast<unsigned>(std::max<std::size_t>(plans, 1));
    return n;
}

plan load_plan_file(const std::string& path, const load_limits& limits) {
    const std::string ext = extension_of(path);
    if (ext == ".csv") return load_plan_csv(path, csv_options{}, limits);
    if (ext == ".xlsx")  // a zip of XML: read as YAML it would give a baffling syntax error
        throw file_error("kinerja.xlsx.read", path, 0, 0,
                         "an Excel workbook is read by the Python package (kinerja.load_plan_xlsx, or a single-plan "
                         "kinerja command), or by parse_plan_table from its cells; the C++ loaders read YAML and CSV "
                         "(save the sheet as CSV UTF-8)");
    return load_plan(path, limits);
}

std::vector<plan_result> check_plans(const std::vector<std::string>& files, const batch_options& options,
                                     const batch_progress_callback& progress) {
    const std::size_t n = files.size();
    std::vector<plan_result> results(n);
    if (n == 0) return results;
    const unsigned thread_count = batch_threads(options.threads, n);
    const auto started = std::chrono::steady_clock::now();

    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t done = 0, failed = 0, findings = 0;

    auto work = [&] {
        while (!stop.load()) {
            const std::size_t i = next.fetch_add(1);
            if (i >= n) return;
            plan_result r = check_one(i, files[i], options);
            {
                const std::lock_guard<std::mutex> lock(mutex);
                failed += r.error ? 1 : 0;
                findings += r.findings.size();
                results[i] = std::move(r);
                ++done;
            }
            changed.notify_one();
        }
    };

    std::vector<std::thread> workers;
    auto join_all = [&] {
        for (auto& t : workers)
            if (t.joinable()) t.join();
    };
    try {
        for (unsigned k = 0; k < thread_count; ++k) workers.emplace_back(work);
    } catch (...) {
        if (workers.empty()) throw;  // not even one thread: nothing ran
        // fewer threads than asked for: the ones that started do the work
    }

    std::exception_ptr failure;
    {
        std::unique_lock<std::mutex> lock(mutex);
        std::size_t reported = 0;
        while (reported < n) {
            changed.wait(lock, [&] { return done > reported; });
            reported = done;
            if (!progress) continue;
            batch_progress p;
            p.done = done;
            p.total = n;
            p.failed = failed;
            p.findings = findings;
            p.elapsed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            lock.unlock();
            try {
                progress(p);
            } catch (...) {
                failure = std::current_exception();
                stop.store(true);
            }
            lock.lock();
            if (failure) break;
        }
    }
    join_all();
    if (failure) std::rethrow_exception(failure);
    return results;
}

// ---------------------------------------------------------------------------------- plan_stream

struct plan_stream::state {
    std::vector<std::string> files;
    load_limits limits;
    std::size_t window = 2;
    std::mutex mutex;
    std::condition_variable ready;  // a plan was loaded (the consumer waits)
    std::condition_variable room;   // a plan was taken or the stream stops (the workers wait)
    std::size_t next_to_load = 0;
    std::size_t next_to_take = 0;
    bool stopping = false;
    std::map<std::size_t, loaded_plan> loaded;
    std::vector<std::thread> workers;

    void work() {
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock<std::mutex> lock(mutex);
                room.wait(lock, [&] {
                    return stopping || next_to_load >= files.size() || next_to_load < next_to_take + window;
                });
                if (stopping || next_to_load >= files.size()) return;
                i = next_to_load++;
            }
            loaded_plan item;
            item.index = i;
            item.path = files[i];
            try {
                item.plan = load_plan_file(files[i], limits);
            } catch (...) {
                item.plan.reset();
                item.error = error_of(files[i], std::current_exception());
            }
            {
                const std::lock_guard<std::mutex> lock(mutex);
                loaded.emplace(i, std::move(item));
            }
            ready.notify_all();
        }
    }
};

plan_stream::plan_stream(std::vector<std::string> files, unsigned threads, const load_limits& limits)
    : state_(std::make_unique<state>()) {
    state_->files = std::move(files);
    state_->limits = limits;
    const unsigned n = batch_threads(threads, state_->files.size());
    state_->window = 2 * static_cast<std::size_t>(n);
    if (state_->files.empty()) return;
    try {
        for (unsigned k = 0; k < n; ++k) state_->workers.emplace_back([s = state_.get()] { s->work(); });
    } catch (...) {
        if (state_->workers.empty()) {
            throw;
        }
    }
}

plan_stream::~plan_stream() {
    {
        const std::lock_guard<std::mutex> lock(state_->mutex);
        state_->stopping = true;
    }
    state_->room.notify_all();
    for (auto& t : state_->workers)
        if (t.joinable()) t.join();
}

std::size_t plan_stream::size() const noexcept { return state_->files.size(); }

std::optional<loaded_plan> plan_stream::next() {
    state& s = *state_;
    std::unique_lock<std::mutex> lock(s.mutex);
    if (s.next_to_take >= s.files.size()) return std::nullopt;
    const std::size_t want = s.next_to_take;
    s.ready.wait(lock, [&] { return s.loaded.count(want) > 0; });
    auto it = s.loaded.find(want);
    loaded_plan out = std::move(it->second);
    s.loaded.erase(it);
    ++s.next_to_take;
    lock.unlock();
    s.room.notify_all();
    return out;
}

}  // namespace kinerja
