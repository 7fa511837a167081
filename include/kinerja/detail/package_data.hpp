// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file package_data.hpp
/// How a program finds kinerja's data (plans/, catalog/, rules/) without a path compiled into
/// the library: CMake gives every target that links kinerja::kinerja the definition
/// KINERJA_PACKAGE_DATADIR (the installed package's share/kinerja, worked out from where
/// find_package found it, so a moved installation still finds its own data; in kinerja's own
/// build tree, the source tree's data/). The inline variable below is initialised in such a
/// program, before main, and tells the library. The library itself is compiled without it.

namespace kinerja::detail {

/// Records the package's data directory for data_directory() (plan_io.hpp). `directory` must
/// outlive the program (a string literal does). A later call replaces an earlier one.
void set_package_data_directory(const char* directory) noexcept;

#ifdef KINERJA_PACKAGE_DATADIR
inline const bool package_data_directory_set = (set_package_data_directory(KINERJA_PACKAGE_DATADIR), true);
#endif

}  // namespace kinerja::detail
