// SPDX-License-Identifier: Apache-2.0
#include <kinerja/unit_registry.hpp>

#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_values.hpp>

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
    const std::pair<const char*, int> parts[] = {{"money", money}, {"person", person}, {"item", item},
                                                 {"time", time},   {"length", length}, {"mass", mass}};
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

dimension times(dimension a, const dimension& b, int sign) {
    a.money += sign * b.money;
    a.person += sign * b.person;
    a.item += sign * b.item;
    a.time += sign * b.time;
    a.length += sign * b.length;
    a.mass += sign * b.mass;
    return a;
}

std::optional<dimension> base_dimension(std::string_view name) {
    const std::string k = detail::fold(name);
    if (k == "item") return dimension{0, 0, 1, 0};
    if (k == "person") return dimension{0, 1, 0, 0};
    if (k == "money") return dimension{1, 0, 0, 0};
    if (k == "time") return dimension{0, 0, 0, 1};
    if (k == "length") return dimension{0, 0, 0, 0, 1, 0};
    if (k == "area") return dimension{0, 0, 0, 0, 2, 0};
    if (k == "volume") return dimension{0, 0, 0, 0, 3, 0};
    if (k == "mass") return dimension{0, 0, 0, 0, 0, 1};
    if (k == "none" || k == "1") return dimension{};
    return std::nullopt;
}

}  // namespace

dimension dimension_from_string(std::string_view text) {
    dimension out;
    int sign = 1;
    std::size_t from = 0;
    bool any = false;
    const std::string t(detail::trim(text));
    for (std::size_t i = 0; i <= t.size(); ++i) {
        if (i < t.size() && t[i] != '*' && t[i] != '/') continue;
        const std::string_view part = detail::trim(std::string_view(t).substr(from, i - from));
        const auto d = base_dimension(part);
        if (!d)
            throw argument_error("kinerja.argument.unit_dimension",
                                 "unknown dimension \"" + std::string(part) + "\" in \"" + t +
                                     "\" (dimensions: item, person, money, time, length, area, volume, mass, none, "
                                     "joined by * and /)");
        out = times(out, *d, sign);
        any = true;
        if (i < t.size() && t[i] == '/') {
            if (sign < 0)
                throw argument_error("kinerja.argument.unit_dimension",
                                     "a dimension has at most one '/' (\"" + t + "\")");
            sign = -1;
        }
        from = i + 1;
    }
    if (!any) throw argument_error("kinerja.argument.unit_dimension", "a dimension cannot be empty");
    return out;
}

unit_registry unit_registry::builtin() {
    unit_registry r;
    const dimension none{};
    const dimension money{1, 0, 0, 0};
    const dimension person{0, 1, 0, 0};
    const dimension item{0, 0, 1, 0};
    const dimension time{0, 0, 0, 1};
    const dimension person_per_month{0, 1, 0, -1};
    const dimension length{0, 0, 0, 0, 1, 0};
    const dimension area{0, 0, 0, 0, 2, 0};
    const dimension volume{0, 0, 0, 0, 3, 0};
    const dimension mass{0, 0, 0, 0, 0, 1};

    r.add(make("Persen", value_kind::percent, none, 0.01, ranged(-1000, 1000),
               "percent; a number with 3 digits after one separator is read as decimals when the other reading exceeds "
               "1000%"),
          {"%", "Persentase", "Prosen", "percent"});
    r.add(make("Nilai", value_kind::number, none, 1.0, reject(), "a score or index value"),
          {"Indeks", "Index", "Angka", "Skor", "Score", "Poin", "number", "Point", "Nilai Indeks", "Skala"});
    r.add(make("Rasio", value_kind::number, none, 1.0, reject(), "a ratio: `1 : N` (one case per N) or a number"),
          {"Ratio"});
    r.add(make("per 1.000", value_kind::number, none, 1e-3, reject(), "a rate per 1,000"),
          {"per 1000", "per 1,000", "per mil", "\xe2\x80\xb0", "permil", "per seribu", "perseribu"});
    r.add(make("per 10.000", value_kind::number, none, 1e-4, reject(), "a rate per 10,000"),
          {"per 10000", "per 10,000", "per sepuluh ribu", "persepuluh ribu"});
    r.add(make("per 100.000", value_kind::number, none, 1e-5, reject(), "a rate per 100,000"),
          {"per 100000", "per 100,000", "per seratus ribu", "perseratus ribu"});
    r.add(make("Predikat", value_kind::predicate, none, 1.0, reject(), "a level of an ordinal scale"),
          {"Predicate", "Peringkat", "Kategori", "Opini", "Level", "Tingkat", "Status", "Kriteria", "Grade"});
    r.add(make("Rupiah", value_kind::money, money, 1.0, grouping(), "money in Rupiah; `1.000` is one thousand"),
          {"Rp", "Rp.", "IDR"});
    r.add(make("Orang", value_kind::count, person, 1.0, grouping(), "people"),
          {"Jiwa", "Anak", "Pegawai", "Peserta", "Perempuan", "ASN", "Korban", "Pasangan", "Keluarga", "Org"});
    r.add(make("Orang/bulan", value_kind::count, person_per_month, 1.0, grouping(),
               "people per month (e.g. salaries paid)"),
          {"Orang/Bln", "Orang per bulan"});
    struct word {
        const char* name;
        std::vector<std::string> aliases;
        const char* description;
    };
    // People counted by what they are (their own words, so that a unit change between them shows).
    const word people[] = {
        {"Siswa", {"Murid", "Pelajar", "Peserta Didik"}, "pupils"},
        {"Mahasiswa", {}, "students"},
        {"Guru", {"Pendidik", "Tenaga Pendidik"}, "teachers"},
        {"Balita", {"Bayi"}, "infants and toddlers"},
        {"Ibu", {"Ibu Hamil", "Bumil"}, "mothers"},
        {"Lansia", {}, "elderly people"},
        {"Pasien", {}, "patients"},
        {"Penduduk", {"Warga"}, "residents"},
        {"Pengunjung", {"Wisatawan"}, "visitors"},
        {"Petani", {}, "farmers"},
        {"Nelayan", {}, "fishers"},
        {"Pelaku Usaha", {"Wirausaha"}, "entrepreneurs"},
        {"Tenaga Kerja", {"Pekerja", "Pencari Kerja"}, "workers"},
        {"Aparatur", {"Personil", "Personel", "PNS", "Aparat"}, "civil servants"},
        {"Kader", {"Relawan"}, "volunteers and cadres"},
        {"Atlet", {}, "athletes"},
        {"KK", {"Kepala Keluarga", "Rumah Tangga", "RT"}, "households"},
    };
    for (const auto& w : people)
        r.add(make(w.name, value_kind::count, person, 1.0, grouping(), w.description), w.aliases);
    const word items[] = {
        {"Dokumen", {"Dok", "Dok."}, "documents"},
        {"Laporan", {}, "reports"},
        {"Paket", {}, "packages (of procurement)"},
        {"Unit", {"Buah", "Set", "Bh"}, "units of equipment"},
        {"OPD", {"Perangkat Daerah", "PD", "SKPD"}, "regional government agencies"},
        {"Lembaga", {"Institusi", "Instansi"}, "institutions"},
        {"Organisasi", {"Ormas"}, "organisations"},
        {"Layanan", {"Pelayanan"}, "services"},
        {"Kegiatan", {"Event", "Acara"}, "activities (events)"},
        {"Kasus", {"Perkara"}, "cases"},
        {"Kali", {"x", "Frekuensi"}, "times (occurrences)"},
        {"Sekolah", {"Satuan Pendidikan"}, "schools"},
        {"Kelurahan", {"Desa", "Desa/Kelurahan", "Kel", "Nagari", "Gampong"}, "villages / urban wards"},
        {"Kecamatan", {"Kec"}, "districts"},
        {"Forum", {}, "forums"},
        {"Kelompok", {"Klp", "Kelompok Masyarakat", "Pokmas", "Poktan"}, "groups"},
        {"Kendaraan", {"Armada"}, "vehicles"},
        {"Bulan", {"Bln"}, "months (of service)"},
        {"Jenis", {"Macam"}, "kinds (of things)"},
        {"Pasar", {}, "markets"},
        {"Lokasi", {"Titik", "Tempat", "Spot"}, "locations (sites)"},
        {"Kawasan", {"Wilayah", "Zona", "Area"}, "areas (zones)"},
        {"Koperasi", {}, "cooperatives"},
        {"UMKM", {"UKM", "IKM", "Usaha"}, "small and medium enterprises"},
        {"Perusahaan", {"Badan Usaha"}, "companies"},
        {"Produk", {"Komoditas", "Komoditi"}, "products"},
        {"Inovasi", {}, "innovations"},
        {"Aplikasi", {"Sistem", "Sistem Informasi", "Website", "Situs"}, "applications (information systems)"},
        {"Sertifikat", {"Sertifikasi"}, "certificates"},
        {"Izin", {"Ijin", "Perizinan"}, "permits"},
        {"Regulasi",
         {"Perda", "Perbup", "Perwal", "Peraturan", "Produk Hukum", "SK", "Keputusan", "Kebijakan"},
         "regulations (local laws, decrees)"},
        {"Rekomendasi", {}, "recommendations"},
        {"Temuan", {}, "audit findings"},
        {"Kajian", {"Penelitian", "Studi", "Riset"}, "studies"},
        {"Rumah", {"Unit Rumah", "RTLH"}, "houses"},
        {"Gedung", {"Bangunan"}, "buildings"},
        {"Ruang", {"Ruangan", "Kelas", "Ruang Kelas", "Lokal"}, "rooms, classrooms"},
        {"Puskesmas", {"Pustu", "Faskes", "Fasyankes", "Fasilitas Kesehatan"}, "health facilities"},
        {"Posyandu", {}, "integrated health posts"},
        {"Rumah Sakit", {"RS", "RSUD"}, "hospitals"},
        {"Fasilitas", {"Sarana", "Prasarana", "Sarpras"}, "facilities"},
        {"Jembatan", {}, "bridges"},
        {"Ruas", {"Ruas Jalan"}, "road sections"},
        {"Pos", {"Posko"}, "posts"},
        {"Buku", {"Judul", "Eksemplar", "Exemplar", "Eks"}, "books, titles, copies"},
        {"Berkas", {"Arsip", "Naskah", "Surat", "Dokumen Arsip"}, "files, records, letters"},
        {"Kerja Sama", {"Kerjasama", "PKS", "MoU", "Perjanjian"}, "cooperation agreements"},
        {"Publikasi", {"Berita", "Konten", "Rilis", "Siaran", "Informasi", "Artikel"}, "publications"},
        {"Sampel", {"Sample", "Spesimen"}, "samples"},
        {"Ekor", {}, "head (of livestock)"},
        {"Pohon", {"Batang", "Bibit"}, "trees, seedlings"},
        {"Menara", {"Tower"}, "towers"},
        {"Tahap", {"Tahapan", "Angkatan", "Sesi", "Termin"}, "stages, batches"},
        {"Kabupaten/Kota", {"Kab/Kota"}, "regencies and cities"},
        {"Data", {"Dataset", "Set Data"}, "data sets"},
        {"Perangkat", {}, "devices"},
        {"Sumur", {"Embung"}, "wells, ponds"},
        {"Kapal", {"Perahu"}, "boats"},
        {"Hewan", {}, "animals"},
        {"Cagar Budaya", {"Situs Budaya"}, "heritage sites"},
        {"Karya", {}, "works (of art, writing)"},
        {"Cabang Olahraga", {"Cabor"}, "sports"},
        {"Agenda", {}, "agenda items"},
        {"Rapat", {"Pertemuan"}, "meetings"},
        {"Sambungan", {"Sambungan Rumah", "SR"}, "(water, power) connections"},
        {"Bidang", {"Persil"}, "plots of land"},
    };
    for (const auto& w : items) r.add(make(w.name, value_kind::count, item, 1.0, grouping(), w.description), w.aliases);
    const word times_[] = {
        {"Jam", {"Jam Pelajaran", "JP"}, "hours"},
        {"Menit", {"Mnt"}, "minutes"},
        {"Detik", {"Dtk"}, "seconds"},
        {"Hari", {"Hari Kerja", "HK"}, "days"},
        {"Minggu", {"Pekan"}, "weeks"},
        {"Tahun", {"Thn", "Th"}, "years (e.g. mean years of schooling)"},
        {"Triwulan", {"Kuartal"}, "quarters"},
        {"Semester", {}, "half-years"},
    };
    for (const auto& w : times_)
        r.add(make(w.name, value_kind::count, time, 1.0, grouping(), w.description), w.aliases);
    struct measure {
        const char* name;
        std::vector<std::string> aliases;
        dimension dim;
        const char* description;
    };
    // Measures: a plain number in them is a number (kind number) carrying the unit; `1.000` is
    // ambiguous (12,5 Km and 1.250 Km both occur).
    const measure measures[] = {
        {"Km", {"Kilometer", "Kilo Meter"}, length, "kilometres"},
        {"M", {"Meter", "Mtr"}, length, "metres"},
        {"Ha", {"Hektar", "Hektare", "Hektar (Ha)"}, area, "hectares"},
        {"M2", {"m\xc2\xb2", "Meter persegi", "M^2"}, area, "square metres"},
        {"Km2", {"km\xc2\xb2", "Kilometer persegi"}, area, "square kilometres"},
        {"M3", {"m\xc2\xb3", "Meter kubik", "M^3"}, volume, "cubic metres"},
        {"Liter", {"Ltr", "L", "Lt"}, volume, "litres"},
        {"Ton", {"Tonase"}, mass, "tonnes"},
        {"Kg", {"Kilogram"}, mass, "kilograms"},
        {"Kuintal", {"Kwintal", "Kw"}, mass, "quintals (100 kg)"},
    };
    for (const auto& m : measures)
        r.add(make(m.name, value_kind::number, m.dim, 1.0, reject(), m.description), m.aliases);
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
    stamp_.touch();
}

const unit_info* unit_registry::find(std::string_view word) const {
    auto it = index_.find(detail::fold(word));
    return it == index_.end() ? nullptr : &units_[it->second.first];
}

namespace {

// N of `per N`: digits grouped by '.', ',' or spaces in threes (either convention), or a
// number word; the length read goes to `used`. Empty when the text does not start with one.
std::optional<double> rate_base(std::string_view t, std::size_t& used) {
    static const std::pair<const char*, double> words[] = {{"seratus ribu", 1e5}, {"sepuluh ribu", 1e4},
                                                           {"seribu", 1e3},       {"sejuta", 1e6},
                                                           {"seratus", 1e2},      {"sepuluh", 1e1}};
    for (const auto& [w, n] : words)
        if (detail::istarts_with(t, w)) {
            used = std::string_view(w).size();
            return n;
        }
    std::size_t i = 0;
    std::string digits;
    while (i < t.size() && detail::is_digit(t[i])) digits.push_back(t[i++]);
    if (digits.empty()) return std::nullopt;
    const std::size_t first_group = digits.size();
    while (i + 3 < t.size() + 0 && (t[i] == '.' || t[i] == ',' || t[i] == ' ') && detail::is_digit(t[i + 1]) &&
           detail::is_digit(t[i + 2]) && detail::is_digit(t[i + 3]) &&
           (i + 4 >= t.size() || !detail::is_digit(t[i + 4]))) {
        digits.append(t.substr(i + 1, 3));
        i += 4;
    }
    if (first_group > 3 && digits.size() > first_group) return std::nullopt;  // 1000.000 is no grouping
    used = i;
    double n = 0;
    for (char c : digits) n = n * 10 + (c - '0');
    return n > 0 ? std::optional<double>(n) : std::nullopt;
}

std::string show_base(double n) {
    std::string s = std::to_string(static_cast<long long>(n));
    for (int at = static_cast<int>(s.size()) - 3; at > 0; at -= 3) s.insert(static_cast<std::size_t>(at), ".");
    return s;
}

}  // namespace

std::optional<unit_info> unit_registry::lookup(std::string_view word) const {
    const std::string_view w = detail::trim(word);
    if (w.empty()) return std::nullopt;
    if (const unit_info* u = find(w)) return *u;
    // a rate: "per 1.000 KH", "per100.000 pddk", "per siswa"
    if (detail::istarts_with(w, "per") && w.size() > 3) {
        std::string_view rest = detail::trim(w.substr(3));
        std::size_t used = 0;
        if (const auto n = rate_base(rest, used)) {
            const std::string noun(detail::trim(rest.substr(used)));
            if (noun.empty() || !detail::is_digit(noun[0])) {
                std::string name = "per " + show_base(*n);
                if (const unit_info* base = find(name); base && noun.empty()) return *base;
                if (!noun.empty()) name += " " + noun;
                return make(name, value_kind::number, dimension{}, 1.0 / *n, reject(),
                            "a rate per " + show_base(*n) + (noun.empty() ? "" : " " + noun));
            }
        } else if (!rest.empty() && w.size() > 4 && detail::is_space(w[3])) {
            // "per siswa": a quantity per one of something
            bool digits = false;
            for (char c : rest) digits = digits || detail::is_digit(c);
            if (!digits)
                return make("per " + std::string(rest), value_kind::number, dimension{}, 1.0, reject(),
                            "a quantity per " + std::string(rest));
        }
    }
    // a compound of known words: "Liter/detik", "km/jam", "orang per hari"
    std::size_t cut = w.find('/');
    std::size_t skip = 1;
    for (std::size_t i = 1; cut == std::string_view::npos && i + 5 < w.size(); ++i)
        if (detail::is_space(w[i - 1]) && detail::istarts_with(w.substr(i), "per") && detail::is_space(w[i + 3])) {
            cut = i - 1;
            skip = 5;
        }
    if (cut != std::string_view::npos && cut > 0 && cut + skip < w.size()) {
        const auto a = lookup(w.substr(0, cut));
        const auto b = lookup(w.substr(cut + skip));
        if (a && b && b->kind != value_kind::percent && a->kind != value_kind::percent) {
            unit_info u = make(a->name + "/" + b->name, a->kind == value_kind::money ? value_kind::money : a->kind,
                               times(a->dimension, b->dimension, -1), a->factor / b->factor, a->numbers,
                               a->description + " per " + b->name);
            if (u.kind == value_kind::predicate) u.kind = value_kind::number;
            return u;
        }
    }
    return std::nullopt;
}

std::vector<std::string> unit_registry::nearest(std::string_view word, std::size_t count) const {
    std::vector<std::string> out;
    // A word broken by a stray space ("Lapora n", "Dokume n") is a common PDF artefact.
    std::string joined;
    for (char c : word)
        if (!detail::is_space(c)) joined.push_back(c);
    if (const unit_info* u = find(joined); u && joined != detail::trim(word)) out.push_back(u->name);
    for (auto& n : nearest_names(detail::trim(word), words(), count))
        if (out.size() < count && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    return out;
}

const unit_info& unit_registry::get(std::string_view word) const {
    if (const unit_info* u = find(word)) return *u;
    std::string message = "unknown unit \"" + std::string(word) + "\"";
    const auto near = nearest(word);
    if (!near.empty()) {
        message += " (nearest known: ";
        for (std::size_t k = 0; k < near.size(); ++k) message += (k ? ", \"" : "\"") + near[k] + "\"";
        message += ")";
    }
    throw lookup_error("kinerja.lookup.unit", std::string(word), message);
}

void unit_registry::declare(const unit_declaration& d, bool replace) {
    const std::string at = d.where.empty() ? std::string() : d.where + ": ";
    try {
        unit_info u;
        u.name = d.name;
        const std::string k = detail::fold(d.kind.empty() ? "count" : d.kind);
        if (k == "count")
            u.kind = value_kind::count;
        else if (k == "number")
            u.kind = value_kind::number;
        else if (k == "percent")
            u.kind = value_kind::percent, u.factor = 0.01;
        else if (k == "money")
            u.kind = value_kind::money;
        else if (k == "predicate")
            u.kind = value_kind::predicate;
        else
            throw argument_error("kinerja.argument.unit_kind",
                                 "unit \"" + d.name + "\": unknown kind \"" + d.kind +
                                     "\" (kinds: count, number, percent, money, predicate)");
        u.dimension = dimension_from_string(d.dimension.empty() ? "item" : d.dimension);
        if (u.kind == value_kind::percent || u.kind == value_kind::predicate) u.dimension = dimension{};
        u.numbers = u.kind == value_kind::count || u.kind == value_kind::money ? grouping() : reject();
        u.description = d.description.empty() ? "declared in the plan" : d.description;
        add(u, d.synonyms, replace);
    } catch (const argument_error& e) {
        if (at.empty()) throw;
        std::string what = e.what();
        const std::size_t p = what.find("] ");
        throw argument_error(e.id(), at + (p == std::string::npos ? what : what.substr(p + 2)));
    }
}

std::vector<std::string> unit_registry::words() const {
    std::vector<std::pair<std::string_view, const std::string*>> by_folded;  // in the order of the folded words
    by_folded.reserve(index_.size());
    for (const auto& entry : index_) by_folded.emplace_back(entry.first, &entry.second.second);
    std::sort(by_folded.begin(), by_folded.end());
    std::vector<std::string> out;
    out.reserve(by_folded.size());
    for (const auto& entry : by_folded) out.push_back(*entry.second);
    return out;
}

unit_registry& default_units() {
    static unit_registry registry = unit_registry::builtin();
    return registry;
}

}  // namespace kinerja
