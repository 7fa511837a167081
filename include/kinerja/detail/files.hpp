// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: reading the files kinerja loads (plans, CSV tables, catalogs, rule files), with the
// one way of reporting a file that cannot be read or is not YAML. Not part of the public API.

#include <kinerja/error.hpp>

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace kinerja::detail {

/// The whole file. \throws file_error `io_id` naming the file and the system's reason.
inline std::string read_file(const std::string& path, const char* io_id) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw file_error(io_id, path, 0, 0, "cannot open the file: " + std::string(std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The YAML document. \throws file_error `yaml_id` with the line and column of the syntax error.
inline YAML::Node load_yaml(std::string_view text, const std::string& file, const char* yaml_id) {
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        throw file_error(yaml_id, file, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                         e.mark.column >= 0 ? e.mark.column + 1 : 0, "not valid YAML: " + e.msg);
    }
}

}  // namespace kinerja::detail
