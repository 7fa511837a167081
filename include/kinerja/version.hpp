// kinerja: typed government performance planning (SAKIP) for C++ and Python.
// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file version.hpp
/// The library version. CMake reads these three macros; keep them the only place the version is set.

#define KINERJA_VERSION_MAJOR 0
#define KINERJA_VERSION_MINOR 1
#define KINERJA_VERSION_PATCH 0

namespace kinerja {
/// The version as "major.minor.patch".
inline constexpr const char* version_string = "0.1.0";
}  // namespace kinerja
