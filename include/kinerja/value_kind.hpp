// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file value_kind.hpp
/// The kinds of value a target or realization cell of a plan holds.

#include <string_view>

namespace kinerja {

enum class value_kind {
    missing,            ///< `-`, `–`, blank: the table prints nothing here
    number,             ///< a plain number or index (`92.95`, `0,253`), possibly a rate per N
    percent,            ///< `77.90%`
    ratio,              ///< `1 : 4.000` (one case per N); its number is N
    grade,              ///< a letter grade with optional score, `BB (75.10)`
    predicate,          ///< a level of an ordinal scale, `Nindya`
    count,              ///< a count with a unit word, `44 OPD`, `737Orang/bulan`
    money,              ///< Rupiah, `Rp. 22.275.313.470,-`
    placeholder,        ///< not filled in: `Belum diisi`, `n.a`, `N/A`, `NA`, `tidak ada data`
    spreadsheet_error,  ///< a spreadsheet's error value printed as is: `#VALUE!`, `#REF!`, `#DIV/0!`, `#N/A`
    bound,              ///< a bound: `<22`, `≤5 menit`, `> 90%`, `minimal 80`, `maks 5`
    range               ///< a range: `9,74-9,59`, `80 - 85%`, `5 s/d 10`
};

/// "missing", "number", "percent", "ratio", "grade", "predicate", "count", "money", "placeholder",
/// "spreadsheet_error", "bound", "range".
constexpr std::string_view to_string(value_kind kind) noexcept {
    switch (kind) {
        case value_kind::missing: return "missing";
        case value_kind::number: return "number";
        case value_kind::percent: return "percent";
        case value_kind::ratio: return "ratio";
        case value_kind::grade: return "grade";
        case value_kind::predicate: return "predicate";
        case value_kind::count: return "count";
        case value_kind::money: return "money";
        case value_kind::placeholder: return "placeholder";
        case value_kind::spreadsheet_error: return "spreadsheet_error";
        case value_kind::bound: return "bound";
        case value_kind::range: return "range";
    }
    return "missing";
}

}  // namespace kinerja
