// SPDX-License-Identifier: Apache-2.0
#include <kinerja/scale.hpp>

#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <charconv>
#include <cmath>
#include <limits>

namespace kinerja {

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

using detail::shortest;

}  // namespace

bool band::contains(double score) const noexcept {
    if (std::isnan(score)) return false;
    const bool above = lower_inclusive ? score >= lower : score > lower;
    const bool below = upper_inclusive ? score <= upper : score < upper;
    return above && below;
}

std::string band::to_string() const {
    return std::string(lower_inclusive && !std::isinf(lower) ? "[" : "(") + shortest(lower) + ", " + shortest(upper) +
           (upper_inclusive && !std::isinf(upper) ? "]" : ")");
}

band band::parse(std::string_view text) {
    auto fail = [&](std::size_t pos, const std::string& why) -> band {
        throw parse_error("kinerja.parse.band", std::string(text), pos, why);
    };
    const std::string_view t = detail::trim(text);
    const std::size_t off = static_cast<std::size_t>(t.data() - text.data());
    if (t.size() < 5) return fail(off, "a band is written like [a,b], (a,b], [a,b) or (a,b)");
    band b;
    if (t.front() != '[' && t.front() != '(')
        return fail(off, "a band starts with '[' (edge included) or '(' (excluded)");
    if (t.back() != ']' && t.back() != ')')
        return fail(off + t.size() - 1, "a band ends with ']' (edge included) or ')' (excluded)");
    b.lower_inclusive = t.front() == '[';
    b.upper_inclusive = t.back() == ']';
    const std::size_t comma = t.find(',');
    if (comma == std::string_view::npos) return fail(off, "a band needs a ',' between its edges");
    auto edge = [&](std::size_t from, std::size_t to) -> double {
        std::string_view s = detail::trim(t.substr(from, to - from));
        const std::size_t at = off + static_cast<std::size_t>(s.data() - t.data());
        const std::string key = detail::fold(s);
        if (key == "inf" || key == "+inf" || key == "\xe2\x88\x9e" || key == "+\xe2\x88\x9e") return inf;
        if (key == "-inf" || key == "-\xe2\x88\x9e") return -inf;
        double v = 0;
        auto res = std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.empty() || res.ec != std::errc() || res.ptr != s.data() + s.size()) {
            fail(at, "\"" + std::string(s) + "\" is not a number or inf");
        }
        return v;
    };
    b.lower = edge(1, comma);
    b.upper = edge(comma + 1, t.size() - 1);
    if (std::isinf(b.lower) && b.lower > 0) return fail(off + 1, "the lower edge cannot be +inf");
    if (std::isinf(b.upper) && b.upper < 0) return fail(off + comma + 1, "the upper edge cannot be -inf");
    if (!(b.lower < b.upper) && !(b.lower == b.upper && b.lower_inclusive && b.upper_inclusive))
        return fail(off, "the band is empty: its lower edge must lie below its upper edge");
    if (std::isinf(b.lower)) b.lower_inclusive = false;
    if (std::isinf(b.upper)) b.upper_inclusive = false;
    return b;
}

scale::scale(std::string name, std::vector<level> levels, std::string description)
    : name_(std::move(name)), description_(std::move(description)), levels_(std::move(levels)) {
    auto bad = [&](const std::string& why) {
        throw argument_error("kinerja.argument.scale", "scale \"" + name_ + "\": " + why);
    };
    if (detail::fold(name_).empty()) bad("a scale needs a name");
    if (levels_.empty()) bad("a scale needs at least one level");
    std::size_t with_band = 0;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < levels_.size(); ++i) {
        const level& l = levels_[i];
        if (detail::fold(l.name).empty()) bad("level " + std::to_string(i + 1) + " has no name");
        std::vector<std::string> names{l.name};
        names.insert(names.end(), l.aliases.begin(), l.aliases.end());
        for (const auto& n : names) {
            auto [it, fresh] = seen.emplace(detail::fold(n), i);
            if (!fresh && it->second != i) bad("the name \"" + n + "\" is used by two levels");
        }
        if (l.band) {
            ++with_band;
            if (std::isnan(l.band->lower) || std::isnan(l.band->upper)) bad("level \"" + l.name + "\" has a NaN edge");
        }
    }
    if (with_band != 0 && with_band != levels_.size())
        bad("either every level has a score band or none has (" + std::to_string(with_band) + " of " +
            std::to_string(levels_.size()) + " have one)");
    banded_ = with_band == levels_.size();
    if (banded_) {
        for (std::size_t i = 1; i < levels_.size(); ++i) {
            const band& a = *levels_[i - 1].band;
            const band& b = *levels_[i].band;
            const bool ordered = a.upper < b.lower || (a.upper == b.lower && !(a.upper_inclusive && b.lower_inclusive));
            if (!ordered)
                bad("the bands of \"" + levels_[i - 1].name + "\" " + a.to_string() + " and \"" + levels_[i].name +
                    "\" " + b.to_string() + " overlap or are out of order (levels go lowest first)");
        }
    }
}

std::optional<std::size_t> scale::position(std::string_view level_name) const {
    const std::string key = detail::fold(level_name);
    for (std::size_t i = 0; i < levels_.size(); ++i) {
        if (detail::fold(levels_[i].name) == key) return i;
        for (const auto& a : levels_[i].aliases)
            if (detail::fold(a) == key) return i;
    }
    return std::nullopt;
}

const level& scale::get(std::string_view level_name) const {
    if (auto p = position(level_name)) return levels_[*p];
    std::string known;
    for (const auto& l : levels_) known += (known.empty() ? "" : ", ") + l.name;
    throw lookup_error(
        "kinerja.lookup.level", std::string(level_name),
        "\"" + std::string(level_name) + "\" is not a level of scale \"" + name_ + "\" (levels: " + known + ")");
}

const level* scale::find_level(double score) const noexcept {
    if (!banded_) return nullptr;
    for (const auto& l : levels_)
        if (l.band->contains(score)) return &l;
    return nullptr;
}

const level& scale::classify(double score) const {
    if (!banded_)
        throw argument_error("kinerja.argument.unbanded_scale",
                             "scale \"" + name_ + "\" has no score bands, so a score cannot be classified on it");
    if (const level* l = find_level(score)) return *l;
    std::string bands;
    for (const auto& l : levels_) bands += (bands.empty() ? "" : ", ") + l.name + " " + l.band->to_string();
    throw undefined_error("kinerja.undefined.outside_scale",
                          "score " + shortest(score) + " lies in no band of scale \"" + name_ + "\" (" + bands + ")");
}

std::optional<std::pair<double, double>> scale::range() const noexcept {
    if (!banded_) return std::nullopt;
    return std::make_pair(levels_.front().band->lower, levels_.back().band->upper);
}

scale_registry scale_registry::builtin() {
    scale_registry r;
    auto b = [](const char* text) { return band::parse(text); };
    r.add(scale("KLA",
                {{"Pratama", {}, b("[500,600]")},
                 {"Madya", {}, b("(600,700]")},
                 {"Nindya", {}, b("(700,800]")},
                 {"Utama", {}, b("(800,900]")},
                 {"KLA", {"Kota Layak Anak", "Kabupaten/Kota Layak Anak"}, b("(900,1000]")}},
                "Kota Layak Anak predicates by evaluation score, as the ministry (KemenPPPA) publishes them: "
                "500-600, 601-700, 701-800, 801-900, 901-1000; read on real scores as upper-inclusive bands"));
    r.add(scale("KLA-printed",
                {{"Pratama", {}, b("[500,600)")},
                 {"Madya", {}, b("[600,700)")},
                 {"Nindya", {}, b("[700,800)")},
                 {"Utama", {}, b("[800,900)")},
                 {"KLA", {"Kota Layak Anak", "Kabupaten/Kota Layak Anak"}, b("[900,1000]")}},
                "Kota Layak Anak predicates as the Bekasi Renstra prints them (500-600, 600-700, ...), read as "
                "lower-inclusive bands; differs from KLA only at 600, 700, 800 and 900"));
    r.add(scale("APE",
                {{"Pratama", {"Pertama", "Tingkat Pratama", "Tingkat Pertama"}, std::nullopt},
                 {"Madya", {"Tingkat Madya"}, std::nullopt},
                 {"Utama", {"Tingkat Utama"}, std::nullopt},
                 {"Mentor", {}, std::nullopt}},
                "Anugerah Parahita Ekapraya award levels (KemenPPPA)"));
    r.add(scale("AKIP",
                {{"D", {}, b("[0,30]")},
                 {"C", {}, b("(30,50]")},
                 {"CC", {}, b("(50,60]")},
                 {"B", {}, b("(60,70]")},
                 {"BB", {}, b("(70,80]")},
                 {"A", {}, b("(80,90]")},
                 {"AA", {}, b("(90,100]")}},
                "SAKIP evaluation grades by score, PermenPANRB 88/2021"));
    r.add(scale("capaian",
                {{"Sangat Rendah", {"very low"}, b("(-inf,51)")},
                 {"Rendah", {"low"}, b("[51,66)")},
                 {"Sedang", {"medium"}, b("[66,76)")},
                 {"Tinggi", {"high"}, b("[76,91)")},
                 {"Sangat Tinggi", {"very high"}, b("[91,inf)")}},
                "achievement (capaian, percent) categories used with Permendagri 86/2017 evaluations: "
                "<=50, 51-65, 66-75, 76-90, >=91, read on real values as lower-inclusive bands; values above 100 "
                "are Sangat Tinggi"));
    r.add(scale("BPK",
                {{"TMP", {"Tidak Menyatakan Pendapat", "Disclaimer"}, std::nullopt},
                 {"TW", {"Tidak Wajar", "Adverse"}, std::nullopt},
                 {"WDP", {"Wajar Dengan Pengecualian", "Qualified"}, std::nullopt},
                 {"WTP", {"Wajar Tanpa Pengecualian", "Unqualified"}, std::nullopt}},
                "BPK audit opinions on financial statements (UU 15/2004, Pasal 16), worst first: TMP (disclaimer), TW "
                "(adverse), WDP (qualified), WTP (unqualified)"));
    r.add(scale("Level",
                {{"Level 1", {"Tingkat 1", "Level I", "Rintisan", "Initial"}, std::nullopt},
                 {"Level 2", {"Tingkat 2", "Level II", "Berkembang", "Infrastructure"}, std::nullopt},
                 {"Level 3", {"Tingkat 3", "Level III", "Terdefinisi", "Integrated"}, std::nullopt},
                 {"Level 4", {"Tingkat 4", "Level IV", "Terkelola dan Terukur", "Managed"}, std::nullopt},
                 {"Level 5", {"Tingkat 5", "Level V", "Optimum", "Optimizing"}, std::nullopt}},
                "maturity levels 1 to 5 (SPIP maturity: Rintisan, Berkembang, Terdefinisi, Terkelola dan Terukur, "
                "Optimum; APIP capability, IACM: Initial ... Optimizing)"));
    r.add(
        scale("Penilaian",
              {{"Sangat Kurang", {}, std::nullopt},
               {"Kurang", {}, std::nullopt},
               {"Cukup", {}, std::nullopt},
               {"Baik", {}, std::nullopt},
               {"Sangat Baik", {}, std::nullopt}},
              "five-step ratings printed by LKjIP tables (Sangat Kurang, Kurang, Cukup, Baik, Sangat Baik); the score "
              "bands differ between documents, so none is assumed"));
    return r;
}

void scale_registry::add(const scale& s, bool replace) {
    const std::string key = detail::fold(s.name());
    auto it = index_.find(key);
    if (it != index_.end()) {
        if (!replace)
            throw argument_error(
                "kinerja.argument.scale_exists",
                "a scale named \"" + s.name() + "\" is already registered; pass replace=true to redefine it");
        scales_[it->second] = s;
        stamp_.touch();
        return;
    }
    scales_.push_back(s);
    index_[key] = scales_.size() - 1;
    stamp_.touch();
}

const scale* scale_registry::find(std::string_view name) const {
    auto it = index_.find(detail::fold(name));
    return it == index_.end() ? nullptr : &scales_[it->second];
}

const scale& scale_registry::get(std::string_view name) const {
    if (const scale* s = find(name)) return *s;
    std::string known;
    for (const auto& s : scales_) known += (known.empty() ? "" : ", ") + s.name();
    throw lookup_error("kinerja.lookup.scale", std::string(name),
                       "unknown scale \"" + std::string(name) + "\" (known: " + known + ")");
}

std::vector<std::string> scale_registry::names() const {
    std::vector<std::string> out;
    for (const auto& s : scales_) out.push_back(s.name());
    return out;
}

std::vector<const scale*> scale_registry::scales_with_level(std::string_view level_name) const {
    std::vector<const scale*> out;
    for (const auto& s : scales_)
        if (s.position(level_name)) out.push_back(&s);
    return out;
}

scale_registry& default_scales() {
    static scale_registry registry = scale_registry::builtin();
    return registry;
}

std::string classify(std::string_view scale_name, double score) {
    return default_scales().get(scale_name).classify(score).name;
}

}  // namespace kinerja
