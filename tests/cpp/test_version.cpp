// SPDX-License-Identifier: Apache-2.0
// The version is set once (the three macros of version.hpp); version_string is made from them.
#include <catch2/catch.hpp>

#include <kinerja/version.hpp>

#include <string>

TEST_CASE("version_string is major.minor.patch of the version macros", "[version]") {
    const std::string expected = std::to_string(KINERJA_VERSION_MAJOR) + "." + std::to_string(KINERJA_VERSION_MINOR) +
                                 "." + std::to_string(KINERJA_VERSION_PATCH);
    CHECK(std::string(kinerja::version_string) == expected);
}
