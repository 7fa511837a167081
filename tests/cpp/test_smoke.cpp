#include <catch2/catch.hpp>
#include <kinerja/kinerja.hpp>
TEST_CASE("smoke", "[smoke]") { REQUIRE(kinerja::parse_value("77.90%").number.value() == Approx(77.9)); }
