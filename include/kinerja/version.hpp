// kinerja: typed government performance planning (SAKIP) for C++ and Python.
// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file version.hpp
/// The library version. CMake reads these three macros; keep them the only place the version is set.

#define KINERJA_VERSION_MAJOR 0
#define KINERJA_VERSION_MINOR 1
#define KINERJA_VERSION_PATCH 0

#define KINERJA_DETAIL_TEXT(x) #x
#define KINERJA_DETAIL_NUMBER_TEXT(x) KINERJA_DETAIL_TEXT(x)

namespace kinerja {
/// The version as "major.minor.patch", made from the three macros above.
inline constexpr const char* version_string =
    KINERJA_DETAIL_NUMBER_TEXT(KINERJA_VERSION_MAJOR) "." KINERJA_DETAIL_NUMBER_TEXT(
        KINERJA_VERSION_MINOR) "." KINERJA_DETAIL_NUMBER_TEXT(KINERJA_VERSION_PATCH);
}  // namespace kinerja
