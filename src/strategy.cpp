// SPDX-License-Identifier: Apache-2.0
// Strategy and policy links (strategy.hpp) and their checks (detail/check_strategy.hpp).
#include <kinerja/strategy.hpp>

#include <kinerja/check.hpp>
#include <kinerja/detail/check_strategy.hpp>

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kinerja {

namespace {

bool strategy_level(node_level l) noexcept { return l == node_level::strategi || l == node_level::arah_kebijakan; }
bool sasaran_level(node_level l) noexcept { return l == node_level::sasaran || l == node_level::sasaran_rpd; }

// The first node of `nodes` with each id (as plan::find_node, without the history).
std::unordered_map<std::string_view, const node*> index_nodes(const plan& p) {
    std::unordered_map<std::string_view, const node*> by_id;
    by_id.reserve(p.nodes.size());
    for (const node& n : p.nodes) by_id.emplace(n.id, &n);
    return by_id;
}

// The ids that support each node through a link of the strategy layer, in file order.
std::unordered_map<std::string, std::vector<const node*>> supporters(
    const std::vector<strategy_link>& links, const std::unordered_map<std::string_view, const node*>& by_id) {
    std::unordered_map<std::string, std::vector<const node*>> out;
    for (const strategy_link& l : links) {
        auto it = by_id.find(l.from);
        if (it == by_id.end()) continue;
        std::vector<const node*>& v = out[l.to];
        if (v.empty() || v.back() != it->second) v.push_back(it->second);
    }
    return out;
}

}  // namespace

bool has_strategy_layer(const plan& p) noexcept {
    for (const node& n : p.nodes)
        if (strategy_level(n.level)) return true;
    return false;
}

std::vector<strategy_link> strategy_links(const plan& p) {
    std::vector<strategy_link> out;
    if (!has_strategy_layer(p)) return out;  // no link can touch the layer
    const auto by_id = index_nodes(p);
    for (const node& n : p.nodes)
        for (const std::string& s : n.supports) {
            auto it = by_id.find(s);
            if (it == by_id.end()) continue;  // an indicator, another plan's node, or a history node
            const node& t = *it->second;
            if (!strategy_level(n.level) && !strategy_level(t.level)) continue;
            strategy_link l;
            l.from = n.id;
            l.to = t.id;
            l.from_level = n.level;
            l.to_level = t.level;
            l.location = n.location;
            out.push_back(std::move(l));
        }
    return out;
}

std::vector<strategy_row> strategy_matrix(const plan& p) {
    std::vector<strategy_row> rows;
    if (!has_strategy_layer(p)) return rows;
    const auto by_id = index_nodes(p);
    const std::vector<strategy_link> links = strategy_links(p);
    const auto served_by = supporters(links, by_id);
    std::unordered_map<const node*, std::size_t> order;  // file position of each node
    for (std::size_t i = 0; i < p.nodes.size(); ++i) order.emplace(&p.nodes[i], i);
    std::set<std::string_view> served_rpd;  // regional sasaran that a strategy serves
    for (const strategy_link& l : links)
        if (l.from_level == node_level::strategi && l.to_level == node_level::sasaran_rpd) served_rpd.insert(l.to);

    // The nodes of `level` among those supporting any of `ids`, unique, in file order.
    auto gather = [&](const std::vector<std::string>& ids, node_level level) {
        std::set<std::pair<std::size_t, const node*>> found;
        for (const std::string& id : ids) {
            auto it = served_by.find(id);
            if (it == served_by.end()) continue;
            for (const node* s : it->second)
                if (s->level == level) found.emplace(order.at(s), s);
        }
        std::vector<std::string> out;
        out.reserve(found.size());
        for (const auto& f : found) out.push_back(f.second->id);
        return out;
    };

    for (const node& n : p.nodes) {
        if (n.level != node_level::sasaran && !(n.level == node_level::sasaran_rpd && served_rpd.count(n.id))) continue;
        strategy_row r;
        r.sasaran = n.id;
        const node* at = &n;
        for (std::size_t steps = 0; at && !at->parent.empty() && steps <= p.nodes.size(); ++steps) {
            auto it = by_id.find(at->parent);
            at = it == by_id.end() ? nullptr : it->second;
            if (at && (at->level == node_level::tujuan || at->level == node_level::tujuan_rpd)) {
                r.tujuan = at->id;
                break;
            }
        }
        r.strategies = gather({n.id}, node_level::strategi);
        r.policies = gather(r.strategies, node_level::arah_kebijakan);
        r.programmes = gather(r.policies, node_level::program);
        rows.push_back(std::move(r));
    }
    return rows;
}

namespace detail {

namespace {

std::string who(const node& n) {
    return std::string(to_string(n.level)) + " " + (n.code_text().empty() ? n.id : n.code_text()) + " \"" + n.name +
           "\"";
}

// The levels a node of `level` may support in the strategy layer ("" when any).
std::string_view allowed_targets(node_level level) noexcept {
    switch (level) {
        case node_level::strategi: return "sasaran or sasaran_rpd";
        case node_level::arah_kebijakan: return "strategi";
        default: return "";
    }
}

bool fits(node_level from, node_level to) noexcept {
    if (from == node_level::strategi) return sasaran_level(to);
    if (from == node_level::arah_kebijakan) return to == node_level::strategi;
    if (to == node_level::strategi) return false;  // only a policy direction carries out a strategy
    if (to == node_level::arah_kebijakan) return from == node_level::program;  // only a programme serves a policy
    return true;
}

}  // namespace

void check_strategy(const plan& p, const std::function<bool(std::string_view)>& on, const budget_finding_sink& add) {
    // without a strategi or arah_kebijakan node no link can touch the layer (strategy-level has
    // nothing to judge) and the gap rules do not apply: a plan without Tabel 5.1 costs one scan
    if (!has_strategy_layer(p)) return;
    const auto by_id = index_nodes(p);
    if (on(rule_ids::strategy_level)) {
        std::unordered_set<std::string_view> history_ids;
        for (const node& h : p.history) history_ids.insert(h.id);
        for (const node& n : p.nodes) {
            for (const std::string& s : n.supports) {
                if (s.find(':') != std::string::npos) {
                    if (strategy_level(n.level))
                        add(rule_ids::strategy_level, &n, std::nullopt,
                            who(n) + " supports \"" + s + "\" of another plan; a " + std::string(to_string(n.level)) +
                                " supports a " + std::string(allowed_targets(n.level)) + " of its own plan",
                            n.location, n.source);
                    continue;
                }
                auto it = by_id.find(s);
                if (it == by_id.end()) {
                    if (strategy_level(n.level))
                        add(rule_ids::strategy_level, &n, std::nullopt,
                            who(n) + " supports \"" + s + "\", which is " +
                                (history_ids.count(s) ? "a node of the previous period" : "an indicator, not a node") +
                                "; a " + std::string(to_string(n.level)) + " supports a " +
                                std::string(allowed_targets(n.level)),
                            n.location, n.source);
                    continue;
                }
                const node& t = *it->second;
                if (fits(n.level, t.level)) continue;
                std::string why;
                if (strategy_level(n.level))
                    why =
                        "a " + std::string(to_string(n.level)) + " supports a " + std::string(allowed_targets(n.level));
                else if (t.level == node_level::strategi)
                    why = "only an arah_kebijakan carries out a strategi";
                else
                    why = "only a program serves an arah_kebijakan";
                finding& f = add(rule_ids::strategy_level, &n, std::nullopt,
                                 who(n) + " supports " + who(t) + "; " + why, n.location, n.source);
                f.actual = std::string(to_string(t.level));
                f.expected = strategy_level(n.level)           ? std::string(allowed_targets(n.level))
                             : t.level == node_level::strategi ? "arah_kebijakan"
                                                               : "program";
            }
            if (!n.parent.empty()) {
                auto it = by_id.find(n.parent);
                const node* parent = it == by_id.end() ? nullptr : it->second;
                if (strategy_level(n.level) || (parent && strategy_level(parent->level)))
                    add(rule_ids::strategy_level, &n, std::nullopt,
                        who(n) + " has parent " + (parent ? who(*parent) : "\"" + n.parent + "\"") +
                            "; strategi and arah_kebijakan nodes are linked by supports, not by parent",
                        n.location, n.source);
            }
        }
    }

    const std::vector<strategy_link> links = strategy_links(p);
    const auto served_by = supporters(links, by_id);
    auto supporting = [&](const node& n, node_level level) {
        std::vector<const node*> out;
        auto it = served_by.find(n.id);
        if (it != served_by.end())
            for (const node* s : it->second)
                if (s->level == level) out.push_back(s);
        return out;
    };
    auto serves = [&](const node& n, bool (*level_ok)(node_level)) {
        for (const std::string& s : n.supports) {
            auto it = by_id.find(s);
            if (it != by_id.end() && level_ok(it->second->level)) return true;
        }
        return false;
    };
    bool rpd_served = false;  // the plan's strategies serve regional sasaran: those are judged too
    for (const strategy_link& l : links)
        if (l.from_level == node_level::strategi && l.to_level == node_level::sasaran_rpd) rpd_served = true;

    for (const node& n : p.nodes) {
        if (n.context) continue;
        if ((n.level == node_level::sasaran || (rpd_served && n.level == node_level::sasaran_rpd)) &&
            on(rule_ids::sasaran_without_strategy) && supporting(n, node_level::strategi).empty())
            add(rule_ids::sasaran_without_strategy, &n, std::nullopt,
                who(n) + " is served by no strategi (no strategi supports it)", n.location, n.source);
        if (n.level == node_level::program && on(rule_ids::programme_without_policy) &&
            !serves(n, [](node_level l) { return l == node_level::arah_kebijakan; }))
            add(rule_ids::programme_without_policy, &n, std::nullopt,
                who(n) + " serves no arah_kebijakan (it supports none)", n.location, n.source);
        if (n.level == node_level::strategi) {
            if (on(rule_ids::strategy_unlinked) && !serves(n, sasaran_level))
                add(rule_ids::strategy_unlinked, &n, std::nullopt, who(n) + " supports no sasaran", n.location,
                    n.source);
            if (on(rule_ids::strategy_without_programme)) {
                const std::vector<const node*> policies = supporting(n, node_level::arah_kebijakan);
                bool carried = false;
                for (const node* k : policies)
                    if (!supporting(*k, node_level::program).empty()) carried = true;
                if (!carried) {
                    std::string ids;
                    for (const node* k : policies) ids += (ids.empty() ? "" : ", ") + k->id;
                    add(rule_ids::strategy_without_programme, &n, std::nullopt,
                        who(n) + " is carried out by no program: " +
                            (policies.empty() ? std::string("no arah_kebijakan supports it")
                                              : "no program supports its arah_kebijakan (" + ids + ")"),
                        n.location, n.source);
                }
            }
        }
        if (n.level == node_level::arah_kebijakan) {
            if (on(rule_ids::strategy_unlinked) && !serves(n, [](node_level l) { return l == node_level::strategi; }))
                add(rule_ids::strategy_unlinked, &n, std::nullopt, who(n) + " supports no strategi", n.location,
                    n.source);
            if (on(rule_ids::policy_without_programme) && supporting(n, node_level::program).empty())
                add(rule_ids::policy_without_programme, &n, std::nullopt,
                    who(n) + " is served by no program (no program supports it)", n.location, n.source);
        }
    }
}

}  // namespace detail

}  // namespace kinerja
