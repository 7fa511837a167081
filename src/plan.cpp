// SPDX-License-Identifier: Apache-2.0
#include <kinerja/plan.hpp>

#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>

#include <algorithm>

namespace kinerja {

std::string location::to_string() const {
    std::string out = file.empty() ? std::string("<input>") : file;
    if (line > 0) out += ":" + std::to_string(line);
    if (line > 0 && column > 0) out += ":" + std::to_string(column);
    return out;
}

namespace {
constexpr std::pair<node_level, std::string_view> level_names[] = {
    {node_level::urusan, "urusan"},           {node_level::tujuan_rpd, "tujuan_rpd"},
    {node_level::sasaran_rpd, "sasaran_rpd"}, {node_level::tujuan, "tujuan"},
    {node_level::sasaran, "sasaran"},         {node_level::program, "program"},
    {node_level::kegiatan, "kegiatan"},       {node_level::sub_kegiatan, "sub_kegiatan"}};
constexpr std::pair<aggregation, std::string_view> aggregation_names[] = {{aggregation::unspecified, "unspecified"},
                                                                          {aggregation::sum, "sum"},
                                                                          {aggregation::last, "last"},
                                                                          {aggregation::max, "max"},
                                                                          {aggregation::mean, "mean"}};
}  // namespace

std::string_view to_string(node_level level) noexcept {
    for (const auto& [l, n] : level_names)
        if (l == level) return n;
    return "program";
}

node_level node_level_from_string(std::string_view name) {
    const std::string key = detail::fold(name);
    for (const auto& [l, n] : level_names)
        if (n == key) return l;
    throw lookup_error("kinerja.lookup.node_level", std::string(name),
                       "unknown node level \"" + std::string(name) + "\"");
}

std::string_view to_string(aggregation a) noexcept {
    for (const auto& [x, n] : aggregation_names)
        if (x == a) return n;
    return "unspecified";
}

aggregation aggregation_from_string(std::string_view name) {
    const std::string key = detail::fold(name);
    for (const auto& [x, n] : aggregation_names)
        if (n == key) return x;
    throw lookup_error("kinerja.lookup.aggregation", std::string(name),
                       "unknown aggregation \"" + std::string(name) + "\"; use sum, last, max or mean");
}

const std::string& indicator::unit_text() const noexcept {
    static const std::string none;
    return unit ? unit->text : none;
}

const printed_value* indicator::first(const year_values& values, int year) noexcept {
    auto it = values.find(year);
    return it == values.end() || it->second.empty() ? nullptr : &it->second.front();
}

const std::string& node::code_text() const noexcept {
    static const std::string none;
    return code ? code->text : none;
}

const node* plan::find_node(std::string_view id) const noexcept {
    for (const auto* list : {&nodes, &history})
        for (const node& n : *list)
            if (n.id == id) return &n;
    return nullptr;
}

node* plan::find_node(std::string_view id) noexcept {
    return const_cast<node*>(static_cast<const plan*>(this)->find_node(id));
}

std::pair<const node*, const indicator*> plan::find_indicator(std::string_view id) const noexcept {
    for (const auto* list : {&nodes, &history})
        for (const node& n : *list)
            for (const indicator& i : n.indicators)
                if (i.id == id) return {&n, &i};
    return {nullptr, nullptr};
}

std::vector<const node*> plan::children(std::string_view id) const {
    std::vector<const node*> out;
    for (const auto* list : {&nodes, &history})
        for (const node& n : *list)
            if (n.parent == id) out.push_back(&n);
    return out;
}

std::vector<std::string> plan::version_names() const {
    std::vector<std::string> out{info.version};
    for (const auto& v : versions) out.push_back(v.name);
    return out;
}

}  // namespace kinerja
