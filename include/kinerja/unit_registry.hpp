// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file unit_registry.hpp
/// The run-time map from the satuan (unit) words of Indonesian plans (Persen, %, Rasio, Nilai,
/// Predikat, Orang, Dokumen, Laporan, Paket, Unit, OPD, Jenis, Pasar, Jam, Ha, Km, Liter, Rupiah,
/// Orang/bulan, ... about 200 words collected from published Renstra, RPJMD and LKjIP tables;
/// docs/units.md lists them) to a dimension and to the kind of value a plain number with that
/// unit is. Plans declare their own words (`units:`, unit_declaration); users register them.
/// Lookups ignore case and fold spaces.
///
/// Besides the registered words, lookup() understands rates `per N noun` / `perN noun` in any
/// spacing and either number convention (`per 1.000 KH`, `per100.000 pddk`, `per 100,000`),
/// `per noun` (`per siswa`), `‰`, and compounds `A/B` or `A per B` of known words
/// (`Liter/detik`, `km/jam`, `orang/hari`).
///
/// The dimension mirrors the compile-time system of units.hpp: exponents of money, persons,
/// counted items, time, length and mass, and for dimensionless units a scale factor (0.01 for
/// percent, 1e-5 for a rate per 100,000).

#include <kinerja/detail/stamp.hpp>
#include <kinerja/number.hpp>
#include <kinerja/value_kind.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kinerja {

/// Exponents of the base dimensions of units.hpp.
struct dimension {
    int money = 0;
    int person = 0;
    int item = 0;
    int time = 0;
    int length = 0;  ///< Km, M; area (Ha, M2) is length^2, volume (Liter, M3) length^3
    int mass = 0;    ///< Ton, Kg
    bool dimensionless() const noexcept {
        return money == 0 && person == 0 && item == 0 && time == 0 && length == 0 && mass == 0;
    }
    friend bool operator==(const dimension& a, const dimension& b) noexcept {
        return a.money == b.money && a.person == b.person && a.item == b.item && a.time == b.time &&
               a.length == b.length && a.mass == b.mass;
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

/// A unit word a plan declares (its `units:` section, or a file given with `--units`): the
/// word, the kind of a plain number carrying it and its dimension, by name, and optional
/// synonyms. docs/plan-format.md, Units.
struct unit_declaration {
    std::string name;
    /// count (default), number, percent, money or predicate
    std::string kind = "count";
    /// item (default), person, money, time, length, area, volume, mass, none, or a product or
    /// quotient of these ("person/time", "volume/time")
    std::string dimension = "item";
    std::vector<std::string> synonyms;
    std::string description;
    std::string where;  ///< file:line:column of the declaration, for messages
};

/// Reads a dimension name as unit_declaration::dimension spells it.
/// \throws argument_error kinerja.argument.unit_dimension
kinerja::dimension dimension_from_string(std::string_view text);

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

    /// Registers a declared word (and its synonyms). A word the registry already knows is an
    /// error unless `replace` is true.
    /// \throws argument_error kinerja.argument.unit_kind, kinerja.argument.unit_dimension,
    ///         kinerja.argument.unit_exists, kinerja.argument.unit_name (naming `d.where`)
    void declare(const unit_declaration& d, bool replace = false);

    /// The registered unit for a word (name or alias), or nullptr. Rates and compounds that
    /// are not registered words are found by lookup().
    const unit_info* find(std::string_view word) const;
    /// The unit for a word: a registered word, else a rate (`per 1.000 KH`, `per100.000 pddk`,
    /// `per siswa`, `‰`) or a compound of known words (`Liter/detik`, `orang per hari`); empty
    /// when the word is none of these.
    std::optional<unit_info> lookup(std::string_view word) const;
    /// The registered unit for a word (as find()). \throws lookup_error kinerja.lookup.unit naming
    /// the nearest known words; use lookup() for rates and compounds.
    const unit_info& get(std::string_view word) const;
    /// Up to `count` registered words nearest `word` (nearest_names of plan_values.hpp), e.g.
    /// "Dokumen" for "Dukumen"; a word broken by a space ("Dokume n") gives the whole word first.
    std::vector<std::string> nearest(std::string_view word, std::size_t count = 3) const;
    /// Every registered word (names and aliases) as registered, sorted case-insensitively.
    std::vector<std::string> words() const;
    /// A number naming this registry's content: a copy has its original's until either changes;
    /// another registry, or this one after a change, has another (memos of values read with it
    /// are keyed by it).
    std::uint64_t content_id() const noexcept { return stamp_.value(); }

private:
    detail::content_stamp stamp_;
    std::vector<unit_info> units_;
    // folded word -> (position, word as registered); hashed: every value read looks its words up
    std::unordered_map<std::string, std::pair<std::size_t, std::string>> index_;
};

/// The process-wide registry used when none is passed. Register words at start-up; the
/// registry is not synchronised for concurrent writes.
unit_registry& default_units();

}  // namespace kinerja
