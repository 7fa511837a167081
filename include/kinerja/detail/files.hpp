// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: reading the files kinerja loads (plans, CSV tables, catalogs, rule files), with the
// one way of reporting a file that cannot be read or is not YAML. Not part of the public API.

#include <kinerja/detail/input_checks.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
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

/// The YAML document, after the input checks (check_text) and the event pre-pass (yaml_guard):
/// one document, no repeated key, nesting and aliases within `limits`.
/// \throws file_error `yaml_id` with the line and column of the syntax error, kinerja.limit.*
inline YAML::Node load_yaml(std::string_view text, const std::string& file, const char* yaml_id,
                            const load_limits& limits = {}) {
    check_text(text, file, yaml_id, limits);
    try {
        yaml_guard(file, yaml_id, limits).run(text);
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        throw file_error(yaml_id, file, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                         e.mark.column >= 0 ? e.mark.column + 1 : 0, "not valid YAML: " + e.msg);
    }
}

}  // namespace kinerja::detail
