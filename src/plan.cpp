// SPDX-License-Identifier: Apache-2.0
#include <kinerja/plan.hpp>

#include <kinerja/detail/enum_names.hpp>
#include <kinerja/detail/references.hpp>
#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/scale.hpp>

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

namespace kinerja {

std::string location::to_string() const {
    std::string out = file.empty() ? std::string("<input>") : file.str();
    if (line > 0) out += ":" + std::to_string(line);
    if (line > 0 && column > 0) out += ":" + std::to_string(column);
    return out;
}

namespace {
constexpr detail::enum_name<node_level> level_names[] = {{node_level::urusan, "urusan"},
                                                         {node_level::misi, "misi"},
                                                         {node_level::tujuan_rpd, "tujuan_rpd"},
                                                         {node_level::sasaran_rpd, "sasaran_rpd"},
                                                         {node_level::tujuan, "tujuan"},
                                                         {node_level::sasaran, "sasaran"},
                                                         {node_level::strategi, "strategi"},
                                                         {node_level::arah_kebijakan, "arah_kebijakan"},
                                                         {node_level::program, "program"},
                                                         {node_level::kegiatan, "kegiatan"},
                                                         {node_level::sub_kegiatan, "sub_kegiatan"}};
constexpr detail::enum_name<aggregation> aggregation_names[] = {{aggregation::unspecified, "unspecified"},
                                                                {aggregation::sum, "sum"},
                                                                {aggregation::last, "last"},
                                                                {aggregation::max, "max"},
                                                                {aggregation::mean, "mean"}};
}  // namespace

std::string_view to_string(node_level level) noexcept { return detail::name_of(level_names, level); }

node_level node_level_from_string(std::string_view name) {
    return detail::value_of(level_names, name, "kinerja.lookup.node_level",
                            "unknown node level \"" + std::string(name) + "\"");
}

std::string_view to_string(code_scope scope) noexcept { return scope == code_scope::plan ? "plan" : "parent"; }

code_scope code_scope_from_string(std::string_view name) {
    const std::string key = detail::fold(name);
    if (key == "parent") return code_scope::parent;
    if (key == "plan") return code_scope::plan;
    throw lookup_error("kinerja.lookup.code_scope", std::string(name),
                       "unknown code scope \"" + std::string(name) + "\" (parent or plan)");
}

std::string_view to_string(aggregation a) noexcept { return detail::name_of(aggregation_names, a); }

aggregation aggregation_from_string(std::string_view name) {
    return detail::value_of(aggregation_names, name, "kinerja.lookup.aggregation",
                            "unknown aggregation \"" + std::string(name) + "\"; use sum, last, max or mean");
}

const std::string& indicator::unit_text() const noexcept {
    static const std::string none;
    return unit ? unit->text : none;
}

const printed_value* indicator::first(const year_values& values, period_year year) noexcept {
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

// ----------------------------------------------------------------------------- reference checks

namespace {

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

[[noreturn]] void reference_error(const location& at, const std::string& why) {
    throw file_error("kinerja.plan.reference", at.file, at.line, at.column, why);
}

// What an id names.
enum class id_kind { node, indicator, total };

struct id_entry {
    id_kind kind;
    location at;
};

using id_index = std::unordered_map<std::string_view, id_entry>;

std::string kind_name(id_kind k) { return k == id_kind::indicator ? "an indicator" : "a total"; }

// One node of a tree to check: its id, its parent ("" for none) and where the parent is written.
struct tree_item {
    std::string_view id;
    std::string_view parent;
    location parent_at;
    bool removed = false;
};

// The tree of the main version: an item per node and history node, and its position by id.
void main_tree(const plan& p, const detail::reference_sites& sites, std::vector<tree_item>& items,
               std::unordered_map<std::string_view, std::size_t>& index) {
    for (const auto* list : {&p.nodes, &p.history})
        for (const node& n : *list) {
            index.emplace(n.id, items.size());
            items.push_back(tree_item{n.id, n.parent, sites.find("", n.id, "parent", n.location)});
        }
}

// Every parent is a live item of the tree, and the parent links form no cycle: one colouring
// pass (white, on the current path, done), O(N) after the O(N log N) index. `in_version` is ""
// for the main nodes, else the version's name for the messages.
void check_tree(const std::vector<tree_item>& items, const std::unordered_map<std::string_view, std::size_t>& index,
                const id_index& ids, const std::string& in_version) {
    const std::string where = in_version.empty() ? std::string() : " in version " + quoted(in_version);
    for (const tree_item& t : items) {
        if (t.removed || t.parent.empty()) continue;
        const auto it = index.find(t.parent);
        if (it != index.end() && !items[it->second].removed) continue;
        std::string why = "the parent of node " + quoted(t.id) + where + ", " + quoted(t.parent);
        const auto other = ids.find(t.parent);
        if (other != ids.end() && other->second.kind != id_kind::node)
            why += ", is " + kind_name(other->second.kind) + ", not a node";
        else if (it != index.end())
            why += ", is removed by that version (removed: true)";
        else
            why += " does not exist";
        reference_error(t.parent_at, why);
    }
    enum : unsigned char { white, on_path, done };
    std::vector<unsigned char> state(items.size(), white);
    std::vector<std::size_t> path;
    for (std::size_t start = 0; start < items.size(); ++start) {
        if (items[start].removed || state[start] != white) continue;
        path.clear();
        std::size_t k = start;
        for (;;) {
            state[k] = on_path;
            path.push_back(k);
            if (items[k].parent.empty()) break;
            const std::size_t up = index.at(items[k].parent);
            if (state[up] == done) break;
            if (state[up] == on_path) {
                // the cycle is the path from `up` on; report it at its node that comes first
                const auto from = std::find(path.begin(), path.end(), up);
                const std::size_t first = *std::min_element(from, path.end());
                std::vector<std::size_t> cycle(from, path.end());
                std::rotate(cycle.begin(), std::find(cycle.begin(), cycle.end(), first), cycle.end());
                std::string links;
                constexpr std::size_t shown = 8;
                for (std::size_t c = 0; c < cycle.size() && c < shown; ++c)
                    links += std::string(items[cycle[c]].id) + " -> ";
                if (cycle.size() > shown) links += "... (" + std::to_string(cycle.size()) + " nodes) -> ";
                links += std::string(items[first].id);
                reference_error(items[first].parent_at, "node " + quoted(items[first].id) + where +
                                                            " is its own ancestor: the parent links " + links +
                                                            " form a cycle");
            }
            k = up;
        }
        for (std::size_t p : path) state[p] = done;
    }
}

void add_ids(const plan& p, id_index& ids) {
    auto claim = [&](const std::string& id, id_kind kind, const location& l) {
        const auto [it, fresh] = ids.emplace(id, id_entry{kind, l});
        if (!fresh)
            throw file_error(
                "kinerja.plan.duplicate_id", l.file, l.line, l.column,
                "id " + quoted(id) + " is used twice (first at line " + std::to_string(it->second.at.line) + ")");
    };
    for (const auto* list : {&p.nodes, &p.history})
        for (const node& n : *list) {
            claim(n.id, id_kind::node, n.location);
            for (const indicator& i : n.indicators) claim(i.id, id_kind::indicator, i.location);
        }
    for (const total& t : p.totals) claim(t.id, id_kind::total, t.location);
}

void version_parents(const plan& p, const plan_version& v, const detail::reference_sites& sites, const id_index& ids) {
    bool structural = false;  // only parents, removals and new nodes change the tree
    for (const node& e : v.nodes)
        structural =
            structural || e.removed || e.given.count("parent") || e.given.count("null:parent") || !ids.count(e.id);
    if (!structural) return;
    std::vector<tree_item> items;
    std::unordered_map<std::string_view, std::size_t> index;
    main_tree(p, sites, items, index);
    for (const node& e : v.nodes) {
        auto it = index.find(e.id);
        if (e.removed) {
            if (it != index.end()) items[it->second].removed = true;
            continue;
        }
        if (it == index.end() || items[it->second].removed) {  // a new node (as version() adds it)
            const std::size_t k = it == index.end() ? items.size() : it->second;
            if (it == index.end()) {
                index.emplace(e.id, k);
                items.push_back(tree_item{});
            }
            items[k] = tree_item{e.id, e.parent, sites.find(v.name, e.id, "parent", e.location)};
            continue;
        }
        tree_item& t = items[it->second];
        if (e.given.count("null:parent")) {
            t.parent = std::string_view();
        } else if (e.given.count("parent")) {
            t.parent = e.parent;
            t.parent_at = sites.find(v.name, e.id, "parent", e.location);
        }
    }
    check_tree(items, index, ids, v.name);
}

}  // namespace

namespace detail {

void validate_version_parents(const plan& p, const plan_version& v, const reference_sites& sites) {
    id_index ids;
    add_ids(p, ids);
    version_parents(p, v, sites, ids);
}

void validate_references(const plan& p, const reference_sites& sites) {
    id_index ids;
    add_ids(p, ids);
    auto must_exist = [&](const std::string& id, const location& l, const std::string& what) {
        if (!id.empty() && !ids.count(id)) reference_error(l, what + " " + quoted(id) + " does not exist");
    };

    std::vector<tree_item> items;
    std::unordered_map<std::string_view, std::size_t> index;
    main_tree(p, sites, items, index);
    check_tree(items, index, ids, "");

    std::set<std::string> scale_names;
    for (const auto& s : p.scales) scale_names.insert(s.name);
    for (const auto* list : {&p.nodes, &p.history})
        for (const node& n : *list) {
            if (!n.successor.empty()) {
                const location at = sites.find("", n.id, "successor", n.location);
                const auto it = ids.find(n.successor);
                must_exist(n.successor, at, "the successor of node " + quoted(n.id) + ",");
                if (it->second.kind != id_kind::node)
                    reference_error(at, "the successor of node " + quoted(n.id) + ", " + quoted(n.successor) + ", is " +
                                            kind_name(it->second.kind) + ", not a node");
            }
            for (std::size_t k = 0; k < n.supports.size(); ++k)  // "PLAN:ID" names a node of another plan
                if (n.supports[k].find(':') == std::string::npos)
                    must_exist(n.supports[k], sites.find("", n.id, "supports#" + std::to_string(k), n.location),
                               "node " + quoted(n.id) + " supports");
            for (const indicator& i : n.indicators) {
                must_exist(i.replaces, sites.find("", i.id, "replaces", i.location),
                           "indicator " + quoted(i.id) + " replaces");
                if (!i.scale.empty() && !scale_names.count(i.scale) && !default_scales().find(i.scale))
                    reference_error(sites.find("", i.id, "polarity", i.location),
                                    "indicator " + quoted(i.id) + " uses scale " + quoted(i.scale) +
                                        ", which is neither in scales: nor built in");
            }
        }
    for (const total& t : p.totals)
        for (std::size_t k = 0; k < t.over.size(); ++k)
            must_exist(t.over[k], sites.find("", t.id, "over#" + std::to_string(k), t.location),
                       "total " + quoted(t.id) + " sums");
    for (const plan_version& v : p.versions) {
        for (const node& e : v.nodes)
            if (!ids.count(e.id) && !e.given.count("level"))
                reference_error(e.location, "version " + quoted(v.name) + " changes node " + quoted(e.id) +
                                                ", which does not exist (a new node needs level, name and source)");
        version_parents(p, v, sites, ids);
    }
}

}  // namespace detail

}  // namespace kinerja
