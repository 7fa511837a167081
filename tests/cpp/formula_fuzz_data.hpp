// SPDX-License-Identifier: Apache-2.0
// The five rows the generated-input test and the libFuzzer target evaluate formulas on: two
// plain variables, one disaggregated variable in two columns, two groups and two years, with
// missing values, zeros, a tiny and a huge number.
#pragma once

#include <kinerja/formula.hpp>

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace kinerja_test {

struct formula_fuzz_data {
    static constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> x{1, 0, -2.5, NaN, 1e308}, y{2, 0, 3, 1e-300, -1}, p{4, NaN, 0, 7, 1}, l{1, 2, 3, 4, 5};
    std::vector<std::int64_t> group{1, 1, 1, 2, 2}, year{2020, 2021, 2021, 2021, 2021};

    kinerja::formula_columns columns() const {
        kinerja::formula_columns c;
        c.rows = 5;
        c.add("x", x.data());
        c.add("y", y.data());
        c.add("cases[sex=P,kecamatan=Bekasi Utara]", p.data());
        c.add("cases[sex=L,kecamatan=Bekasi Utara]", l.data());
        c.group = group.data();
        c.year = year.data();
        return c;
    }
    // Row r as scalars (NaN: missing, like a NaN cell).
    std::map<std::string, double> row(std::size_t r) const {
        return {{"x", x[r]},
                {"y", y[r]},
                {"cases[sex=P,kecamatan=Bekasi Utara]", p[r]},
                {"cases[sex=L,kecamatan=Bekasi Utara]", l[r]}};
    }
};

}  // namespace kinerja_test
