// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: reading the files kinerja loads (plans, CSV tables, catalogs, rule files), with the
// one way of reporting a file that cannot be read or is not YAML; and the one way of writing a
// file (write_file_atomic), which never leaves a file half written. Not part of the public API.

#include <kinerja/detail/input_checks.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <yaml-cpp/yaml.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace kinerja::detail {

/// The whole file, read in chunks; a file, device or pipe with more than `max_bytes` bytes stops
/// reading there. \throws file_error `io_id` naming the file and the system's reason,
/// kinerja.limit.input_bytes past `max_bytes`.
inline std::string read_file(const std::string& path, const char* io_id,
                             std::uint64_t max_bytes = load_limits{}.max_input_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw file_error(io_id, path, 0, 0, "cannot open the file: " + std::string(std::strerror(errno)));
    std::string text;
    std::vector<char> chunk(std::size_t{1} << 16);
    for (;;) {
        errno = 0;
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto got = static_cast<std::uint64_t>(in.gcount());
        if (got > max_bytes - std::min<std::uint64_t>(max_bytes, text.size()))
            limit_exceeded("input_bytes", max_bytes, "the input has more than " + std::to_string(max_bytes) + " bytes",
                           path, 0, 0);
        text.append(chunk.data(), static_cast<std::size_t>(got));
        if (in.bad())
            throw file_error(io_id, path, 0, 0,
                             "reading the file failed" + (errno ? ": " + std::string(std::strerror(errno)) : ""));
        if (!in) break;
    }
    return text;
}

/// The input is within max_input_bytes and UTF-8 (a byte order mark is allowed).
/// \throws file_error kinerja.limit.input_bytes, `syntax_id` at the first byte that is not UTF-8
inline void check_text(std::string_view text, const std::string& file, const char* syntax_id,
                       const load_limits& limits) {
    if (text.size() > limits.max_input_bytes)
        limit_exceeded("input_bytes", limits.max_input_bytes, "the input has " + std::to_string(text.size()) + " bytes",
                       file, 0, 0);
    if (const auto bad = first_invalid_utf8(text))
        throw file_error(syntax_id, file, bad->line, bad->column,
                         "byte " + hex_byte(bad->byte) + " is not UTF-8 text; save the file as UTF-8");
}

/// The checks on a YAML text before any parser sees it: check_text, and no control character
/// that YAML does not allow. \throws file_error `yaml_id` at the offending byte,
/// kinerja.limit.input_bytes
inline void check_yaml_text(std::string_view text, const std::string& file, const char* yaml_id,
                            const load_limits& limits) {
    check_text(text, file, yaml_id, limits);
    if (const auto bad = first_yaml_control_character(text)) {
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", bad->byte);
        throw file_error(yaml_id, file, bad->line, bad->column,
                         std::string("control character ") + code +
                             " is not allowed in a YAML file (of the control characters, YAML allows tab, line feed "
                             "and carriage return)");
    }
}

/// The YAML document as a yaml-cpp tree (catalogs and rule files; plans are read by the faster
/// reader of src/yaml_document.hpp), after the input checks (check_yaml_text) and the event
/// pre-pass (yaml_guard): one document, no repeated key, nesting and aliases within `limits`.
/// \throws file_error `yaml_id` with the line and column of the syntax error, kinerja.limit.*
inline YAML::Node load_yaml(std::string_view text, const std::string& file, const char* yaml_id,
                            const load_limits& limits = {}) {
    check_yaml_text(text, file, yaml_id, limits);
    try {
        yaml_guard(file, yaml_id, limits).run(text);
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        throw file_error(yaml_id, file, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                         e.mark.column >= 0 ? e.mark.column + 1 : 0, "not valid YAML: " + e.msg);
    }
}

/// Where the writer of write_file_atomic puts the bytes: the temporary file (or, for a target
/// that is not a regular file, the target itself).
class file_sink {
public:
    explicit file_sink(int fd) noexcept : fd_(fd) {}
    /// Appends the bytes. \throws std::system_error with the system's reason (a full disk, a
    /// file size limit).
    void write(std::string_view bytes) {
        while (!bytes.empty()) {
            const ::ssize_t n = ::write(fd_, bytes.data(), bytes.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                throw std::system_error(errno, std::generic_category(), "write");
            }
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
    }

private:
    int fd_;
};

namespace atomic_write {

// The folder of a path ("." for a bare file name) and the name within it.
inline std::pair<std::string, std::string> split(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return {".", path};
    return {slash == 0 ? std::string("/") : path.substr(0, slash), path.substr(slash + 1)};
}

// A name for the temporary file: hidden, next to the target, unique within the process and
// random across processes (creation with O_EXCL settles any collision).
inline std::string temporary_name(const std::string& folder, std::string name) {
    static std::atomic<unsigned long> counter{0};
    constexpr std::size_t keep = 96;  // so the name stays within NAME_MAX (255 bytes)
    if (name.size() > keep) {
        std::size_t cut = keep;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // a whole UTF-8 character
        name.resize(cut);
    }
    thread_local std::mt19937_64 random{std::random_device{}()};
    char tail[64];
    std::snprintf(tail, sizeof tail, ".%ld.%lu.%08llx.tmp", static_cast<long>(::getpid()), counter++,
                  static_cast<unsigned long long>(random() & 0xffffffffULL));
    return (folder == "/" ? std::string("/") : folder + "/") + "." + name + tail;
}

inline std::string reason_of(const std::exception& e) {
    if (const auto* s = dynamic_cast<const std::system_error*>(&e)) return s->code().message();
    return e.what();
}

}  // namespace atomic_write

/// Writes a file so that it is either replaced whole or left as it was: `writer` fills a new
/// temporary file in the same folder (hidden, ".NAME.PID.N.RANDOM.tmp"), which is flushed to the
/// disk (fsync) and renamed over `path`; then the folder is synced. The file keeps the
/// permission bits of the file it replaces (a new file gets 0666 less the umask, as with any
/// other new file); a symbolic link is followed and its target replaced. A path that exists
/// but is not a regular file (/dev/stdout, a pipe) is written directly, as there is nothing to
/// keep. Writing needs permission to create a file in the folder.
///
/// `writer` is the seam for tests: it may throw (as a full disk does mid-write), and then, as on
/// every other failure, the temporary file is removed and `path` is untouched.
/// \throws file_error `io_id` naming the file and the cause (the system's reason, or what the
///         writer threw).
inline void write_file_atomic(const std::string& path, const char* io_id,
                              const std::function<void(file_sink&)>& writer) {
    auto fail = [&](const std::string& reason, bool untouched = true) -> file_error {
        return file_error(io_id, path, 0, 0,
                          "cannot write the file: " + reason + (untouched ? " (the file is left as it was)" : ""));
    };
    std::string target = path;
    struct stat link_info {};
    if (::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode)) {
        if (char* resolved = ::realpath(path.c_str(), nullptr)) {
            target = resolved;
            std::free(resolved);
        }
    }
    struct stat info {};
    const bool exists = ::stat(target.c_str(), &info) == 0;
    if (exists && S_ISDIR(info.st_mode)) throw fail("it is a folder", false);
    if (exists && !S_ISREG(info.st_mode)) {  // a device or a pipe: nothing to replace
        const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
        if (fd < 0) throw fail(std::strerror(errno), false);
        try {
            file_sink sink(fd);
            writer(sink);
        } catch (const std::exception& e) {
            ::close(fd);
            throw fail(atomic_write::reason_of(e), false);
        }
        if (::close(fd) != 0) throw fail(std::strerror(errno), false);
        return;
    }

    const auto [folder, name] = atomic_write::split(target);
    std::string temporary;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        temporary = atomic_write::temporary_name(folder, name);
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && (errno != EEXIST || attempt == 100))
            throw fail("cannot create a file in the folder \"" + folder + "\": " + std::strerror(errno));
    }
    try {
        if (exists && ::fchmod(fd, info.st_mode & 07777) != 0)
            throw std::system_error(errno, std::generic_category(), "fchmod");
        file_sink sink(fd);
        writer(sink);
        if (::fsync(fd) != 0) throw std::system_error(errno, std::generic_category(), "fsync");
        const int closing = fd;
        fd = -1;
        if (::close(closing) != 0) throw std::system_error(errno, std::generic_category(), "close");
        if (::rename(temporary.c_str(), target.c_str()) != 0)
            throw std::system_error(errno, std::generic_category(), "rename");
    } catch (const std::exception& e) {
        if (fd >= 0) ::close(fd);
        ::unlink(temporary.c_str());
        throw fail(atomic_write::reason_of(e));
    } catch (...) {
        if (fd >= 0) ::close(fd);
        ::unlink(temporary.c_str());
        throw fail("the writer failed");
    }
    // The rename is done; syncing the folder makes it durable. A file system that cannot sync a
    // folder (some return EINVAL) has still replaced the file, so this is not an error.
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

/// Writes `bytes` to the file as write_file_atomic does.
inline void write_file_atomic(const std::string& path, const char* io_id, std::string_view bytes) {
    write_file_atomic(path, io_id, [bytes](file_sink& sink) { sink.write(bytes); });
}

}  // namespace kinerja::detail
