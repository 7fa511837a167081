// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file scale.hpp
/// Ordinal scales: ordered levels (lowest first), each optionally with a score band whose
/// edges say whether they are included. Built in (docs/scales.md cites the sources):
///
// clang-format off
/// | name        | levels and bands                                                                    |
/// |-------------|-------------------------------------------------------------------------------------|
/// | KLA         | Pratama [500,600], Madya (600,700], Nindya (700,800], Utama (800,900], KLA (900,1000] (the ministry's 500-600, 601-700, ...) |
/// | KLA-printed | as the seed prints them: [500,600), [600,700), [700,800), [800,900), [900,1000]     |
/// | APE         | Pratama (alias Pertama) < Madya < Utama < Mentor (no bands)                         |
/// | AKIP        | D [0,30], C (30,50], CC (50,60], B (60,70], BB (70,80], A (80,90], AA (90,100] (PermenPANRB 88/2021) |
/// | capaian     | achievement categories used with Permendagri 86/2017: Sangat Rendah (-inf,51), Rendah [51,66), Sedang [66,76), Tinggi [76,91), Sangat Tinggi [91,inf) |
// clang-format on
///
/// Bands are written in interval notation, `[a,b]`, `(a,b]`, `[a,inf)`: a square bracket
/// includes the edge, a round one excludes it. `band::parse` reads that notation, so scales
/// can be defined from data.

#include <kinerja/detail/stamp.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja {

/// A score interval with explicit inclusion of each edge. Infinite edges are allowed.
struct band {
    double lower = 0.0;
    double upper = 0.0;
    bool lower_inclusive = true;
    bool upper_inclusive = false;

    bool contains(double score) const noexcept;
    /// Interval notation, e.g. "(30, 50]", "[91, inf)".
    std::string to_string() const;
    /// Reads interval notation: `[a,b]`, `(a,b]`, `[a,b)`, `(a,b)`, with `inf`/`-inf` (also
    /// `+inf`, `∞`). Numbers use `.` as decimal mark.
    /// \throws parse_error kinerja.parse.band
    static band parse(std::string_view text);
};

/// A level of a scale.
struct level {
    std::string name;
    std::vector<std::string> aliases;  ///< other names, e.g. "Pertama" for APE's "Pratama"
    std::optional<kinerja::band> band;
};

/// An ordered set of levels, lowest first.
class scale {
public:
    /// \throws argument_error (kinerja.argument.scale) if there are no levels, names repeat,
    /// only some levels have bands, or bands overlap or are out of order.
    scale(std::string name, std::vector<level> levels, std::string description = {});

    const std::string& name() const noexcept { return name_; }
    const std::string& description() const noexcept { return description_; }
    const std::vector<level>& levels() const noexcept { return levels_; }
    std::size_t size() const noexcept { return levels_.size(); }
    /// True when every level has a band.
    bool has_bands() const noexcept { return banded_; }

    /// 0-based position of a level by name or alias (case-insensitive), or nullopt.
    std::optional<std::size_t> position(std::string_view level_name) const;
    /// The level with that name or alias. \throws lookup_error kinerja.lookup.level
    const level& get(std::string_view level_name) const;
    /// The level whose band contains `score`, or nullptr (no bands, or outside every band).
    const level* find_level(double score) const noexcept;
    /// The level whose band contains `score`.
    /// \throws argument_error kinerja.argument.unbanded_scale if the scale has no bands;
    ///         undefined_error kinerja.undefined.outside_scale if no band contains the score.
    const level& classify(double score) const;
    /// Lowest and highest band edges (only for banded scales).
    std::optional<std::pair<double, double>> range() const noexcept;

private:
    std::string name_;
    std::string description_;
    std::vector<level> levels_;
    bool banded_ = false;
};

/// Named scales. Copyable; `scale_registry::builtin()` gives the built-in scales and
/// `default_scales()` the process-wide registry used when none is passed.
class scale_registry {
public:
    static scale_registry builtin();
    /// Adds or (with replace) replaces a scale. \throws argument_error kinerja.argument.scale_exists
    void add(const scale& s, bool replace = false);
    const scale* find(std::string_view name) const;
    /// \throws lookup_error kinerja.lookup.scale
    const scale& get(std::string_view name) const;
    std::vector<std::string> names() const;
    /// Scales having a level with this name or alias, in registration order.
    std::vector<const scale*> scales_with_level(std::string_view level_name) const;
    /// A number naming this registry's content: a copy has its original's until either changes;
    /// another registry, or this one after a change, has another (memos of values read with it
    /// are keyed by it).
    std::uint64_t content_id() const noexcept { return stamp_.value(); }

private:
    detail::content_stamp stamp_;
    std::vector<scale> scales_;
    std::map<std::string, std::size_t> index_;
};

/// The process-wide scale registry. Register scales at start-up; not synchronised for writes.
scale_registry& default_scales();

/// Shortcut: the level name of `score` on the named scale of default_scales().
std::string classify(std::string_view scale_name, double score);

}  // namespace kinerja
