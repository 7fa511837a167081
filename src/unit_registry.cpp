// SPDX-License-Identifier: Apache-2.0
#include <kinerja/unit_registry.hpp>

#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <algorithm>

namespace kinerja {

std::string dimension::to_string() const {
    std::string num, den;
    auto put = [](std::string& s, const char* name, int exp) {
        if (exp == 0) return;
        if (!s.empty()) s += "*";
        s += name;
        if (exp > 1 || exp < -1) s += "^" + std::to_string(exp < 0 ? -exp : exp);
    };
    const std::pair<const char*, int> parts[] = {{"money", money}, {"person", person}, {"item", item}, {"time", time}};
    for (auto [name, exp] : parts) put(exp > 0 ? num : den, name, exp);
    if (num.empty() && den.empty()) return "1";
    if (num.empty()) num = "1";
    return den.empty() ? num : num + "/" + den;
}

namespace {

using policy = number_context::ambiguous_policy;

unit_info make(std::string name, value_kind kind, dimension dim, double factor, number_context numbers,
               std::string description) {
    unit_info u;
    u.name = std::move(name);
    u.kind = kind;
    u.dimension = dim;
    u.factor = factor;
    u.numbers = numbers;
    u.description = std::move(description);
    return u;
}

number_context grouping() { return {policy::grouping, std::nullopt, std::nullopt, std::nullopt}; }
number_context reject() { return {}; }
number_context ranged(double lo, double hi) { return {policy::reject, lo, hi, std::nullopt}; }

}  // namespace

unit_registry unit_registry::builtin() {
    unit_registry r;
    const dimension none{};
    const dimension money{1, 0, 0, 0};
    const dimension person{0, 1, 0, 0};
    const dimension item{0, 0, 1, 0};
    const dimension person_per_month{0, 1, 0, -1};

    r.add(make("Persen", value_kind::percent, none, 0.01, ranged(-1000, 1000),
               "percent; a number with 3 digits after one separator is read as decimals when the other reading exceeds "
               "1000%"),
          {"%", "Persentase", "Prosen", "percent"});
    r.add(make("Nilai", value_kind::number, none, 1.0, reject(), "a score or index value"),
          {"Indeks", "Index", "Angka", "Skor", "Score", "Poin", "number"});
    r.add(make("Rasio", value_kind::number, none, 1.0, reject(), "a ratio: `1 : N` (one case per N) or a number"),
          {"Ratio"});
    r.add(make("per 1.000", value_kind::number, none, 1e-3, reject(), "a rate per 1,000"),
          {"per 1000", "per 1,000", "per mil"});
    r.add(make("per 10.000", value_kind::number, none, 1e-4, reject(), "a rate per 10,000"),
          {"per 10000", "per 10,000"});
    r.add(make("per 100.000", value_kind::number, none, 1e-5, reject(), "a rate per 100,000"),
          {"per 100000", "per 100,000"});
    r.add(make("Predikat", value_kind::predicate, none, 1.0, reject(), "a level of an ordinal scale"),
          {"Predicate", "Peringkat", "Kategori"});
    r.add(make("Rupiah", value_kind::money, money, 1.0, grouping(), "money in Rupiah; `1.000` is one thousand"),
          {"Rp", "Rp.", "IDR"});
    r.add(make("Orang", value_kind::count, person, 1.0, grouping(), "people"),
          {"Jiwa", "Anak", "Pegawai", "Peserta", "Perempuan", "ASN", "Korban", "Pasangan", "Keluarga"});
    r.add(make("Orang/bulan", value_kind::count, person_per_month, 1.0, grouping(),
               "people per month (e.g. salaries paid)"),
          {"Orang/Bln", "Orang per bulan"});
    struct word {
        const char* name;
        std::vector<std::string> aliases;
        const char* description;
    };
    const word items[] = {
        {"Dokumen", {"Dok"}, "documents"},
        {"Laporan", {}, "reports"},
        {"Paket", {}, "packages (of procurement)"},
        {"Unit", {"Buah", "Set"}, "units of equipment"},
        {"OPD", {"Perangkat Daerah", "PD", "SKPD"}, "regional government agencies"},
        {"Lembaga", {"Institusi"}, "institutions"},
        {"Organisasi", {}, "organisations"},
        {"Layanan", {}, "services"},
        {"Kegiatan", {}, "activities (events)"},
        {"Kasus", {}, "cases"},
        {"Kali", {}, "times (occurrences)"},
        {"Sekolah", {}, "schools"},
        {"Kelurahan", {"Desa"}, "villages / urban wards"},
        {"Kecamatan", {}, "districts"},
        {"Forum", {}, "forums"},
        {"Kelompok", {}, "groups"},
        {"Kendaraan", {}, "vehicles"},
        {"Bulan", {}, "months (of service)"},
    };
    for (const auto& w : items) r.add(make(w.name, value_kind::count, item, 1.0, grouping(), w.description), w.aliases);
    return r;
}

void unit_registry::add(const unit_info& info, const std::vector<std::string>& aliases, bool replace) {
    if (detail::fold(info.name).empty())
        throw argument_error("kinerja.argument.unit_name", "a unit needs a non-empty name");
    std::vector<std::string> words{std::string(detail::trim(info.name))};
    for (const auto& a : aliases) {
        if (detail::fold(a).empty()) throw argument_error("kinerja.argument.unit_name", "a unit alias cannot be empty");
        words.push_back(std::string(detail::trim(a)));
    }
    if (!replace) {
        for (const auto& w : words) {
            auto it = index_.find(detail::fold(w));
            if (it != index_.end())
                throw argument_error("kinerja.argument.unit_exists",
                                     "the unit word \"" + w + "\" is already registered (as \"" +
                                         units_[it->second.first].name + "\"); pass replace=true to redefine it");
        }
    }
    units_.push_back(info);
    for (const auto& w : words) index_[detail::fold(w)] = {units_.size() - 1, w};
}

const unit_info* unit_registry::find(std::string_view word) const {
    auto it = index_.find(detail::fold(word));
    return it == index_.end() ? nullptr : &units_[it->second.first];
}

const unit_info& unit_registry::get(std::string_view word) const {
    if (const unit_info* u = find(word)) return *u;
    std::string message = "unknown unit \"" + std::string(word) + "\"";
    // A word broken by a stray space ("Lapora n", "Dokume n") is a common PDF artefact.
    std::string joined;
    for (char c : word)
        if (!detail::is_space(c)) joined.push_back(c);
    if (const unit_info* u = find(joined); u && joined != detail::trim(word))
        message += "; did you mean \"" + u->name + "\" (the text has a space inside the word)?";
    else
        message += "; register it with unit_registry::add (Python: kinerja.register_unit)";
    throw lookup_error("kinerja.lookup.unit", std::string(word), message);
}

std::vector<std::string> unit_registry::words() const {
    std::vector<std::string> out;
    for (const auto& entry : index_) out.push_back(entry.second.second);  // index_ is ordered by folded word
    return out;
}

unit_registry& default_units() {
    static unit_registry registry = unit_registry::builtin();
    return registry;
}

}  // namespace kinerja
