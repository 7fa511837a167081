// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file unit_registry.hpp
/// The run-time map from the satuan (unit) words of Indonesian plans (Persen, %, Rasio, Nilai,
/// Predikat, Orang, Dokumen, Laporan, Paket, Unit, OPD, Lembaga, Organisasi, Layanan,
/// Kegiatan, Rupiah, Orang/bulan, ...) to a dimension and to the kind of value a plain number
/// with that unit is. Users register their own words. Lookups ignore case and fold spaces.
///
/// The dimension mirrors the compile-time system of units.hpp: exponents of money, persons,
/// counted items and time, and for dimensionless units a scale factor (0.01 for percent,
/// 1e-5 for a rate per 100,000).

#include <kinerja/number.hpp>
#include <kinerja/value_kind.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

/// Exponents of the base dimensions of units.hpp.
struct dimension {
    int money = 0;
    int person = 0;
    int item = 0;
    int time = 0;
    bool dimensionless() const noexcept { return money == 0 && person == 0 && item == 0 && time == 0; }
    friend bool operator==(const dimension& a, const dimension& b) noexcept {
        return a.money == b.money && a.person == b.person && a.item == b.item && a.time == b.time;
    }
    friend bool operator!=(const dimension& a, const dimension& b) noexcept { return !(a == b); }
    /// e.g. "money", "person/time", "1" (dimensionless).
    std::string to_string() const;
};

/// What a satuan word means.
struct unit_info {
    std::string name;                      ///< canonical word, e.g. "Persen"
    value_kind kind = value_kind::number;  ///< kind of a plain number carrying this unit
    kinerja::dimension dimension;          ///< see struct dimension
    double factor = 1.0;                   ///< scale of a dimensionless unit (percent: 0.01)
    number_context numbers;                ///< how ambiguous numbers are read with this unit
    std::string description;               ///< one line, for docs and display
};

/// A set of unit words. Copyable; `unit_registry::builtin()` gives the built-in words and
/// `default_units()` the process-wide registry that parsing uses when none is given.
class unit_registry {
public:
    /// A registry holding kinerja's built-in words (see docs/units.md).
    static unit_registry builtin();

    /// Registers `info` under its name and the given aliases. A word already registered (in any
    /// case or spacing) is an error unless `replace` is true.
    /// \throws argument_error kinerja.argument.unit_exists, kinerja.argument.unit_name
    void add(const unit_info& info, const std::vector<std::string>& aliases = {}, bool replace = false);

    /// The unit for a word, or nullptr.
    const unit_info* find(std::string_view word) const;
    /// The unit for a word. \throws lookup_error kinerja.lookup.unit
    const unit_info& get(std::string_view word) const;
    /// Every registered word (names and aliases) as registered, sorted case-insensitively.
    std::vector<std::string> words() const;

private:
    std::vector<unit_info> units_;
    std::map<std::string, std::pair<std::size_t, std::string>> index_;  // folded word -> (position, word as registered)
};

/// The process-wide registry used when none is passed. Register words at start-up; the
/// registry is not synchronised for concurrent writes.
unit_registry& default_units();

}  // namespace kinerja
