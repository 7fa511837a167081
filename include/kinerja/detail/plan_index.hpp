// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: the lookups over a plan's cascade that checks, roll-up and validation make in loops,
// built once per call in O(N) (plan::find_node and plan::children scan every node on each call,
// which made a check of N nodes cost N^2). Not part of the public API.

#include <kinerja/error.hpp>
#include <kinerja/plan.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kinerja::detail {

/// Ids to nodes and indicators, and parent id to children, over a plan's nodes and history.
/// The answers are those of plan::find_node, plan::find_indicator and plan::children (the first
/// node or indicator with an id; children in file order, nodes before history). The index keeps
/// pointers into the plan: the plan must outlive it and must not change meanwhile.
class plan_index {
public:
    explicit plan_index(const plan& p) {
        std::size_t n = p.nodes.size() + p.history.size();
        nodes_.reserve(n);
        children_.reserve(n);
        for (const auto* list : {&p.nodes, &p.history})
            for (const node& x : *list) {
                nodes_.emplace(x.id, &x);  // the first node with an id wins, as in plan::find_node
                if (!x.parent.empty()) children_[x.parent].push_back(&x);
                for (const indicator& i : x.indicators) indicators_.emplace(i.id, std::make_pair(&x, &i));
            }
    }

    /// The first node with this id (nodes, then history), or nullptr.
    const node* find(std::string_view id) const noexcept {
        auto it = nodes_.find(id);
        return it == nodes_.end() ? nullptr : it->second;
    }
    /// The node's parent (the first node with its parent's id), or nullptr.
    const node* parent(const node& n) const noexcept { return n.parent.empty() ? nullptr : find(n.parent); }
    /// The first indicator with this id and its node, or {nullptr, nullptr}.
    std::pair<const node*, const indicator*> find_indicator(std::string_view id) const noexcept {
        auto it = indicators_.find(id);
        return it == indicators_.end() ? std::pair<const node*, const indicator*>{nullptr, nullptr} : it->second;
    }
    /// The nodes whose parent is `id`, in file order (nodes, then history).
    const std::vector<const node*>& children(std::string_view id) const noexcept {
        static const std::vector<const node*> none;
        auto it = children_.find(id);
        return it == children_.end() ? none : it->second;
    }

private:
    std::unordered_map<std::string_view, const node*> nodes_;
    std::unordered_map<std::string_view, std::pair<const node*, const indicator*>> indicators_;
    std::unordered_map<std::string_view, std::vector<const node*>> children_;
};

/// The error for parent links that go round: `cycle` lists the nodes from a node to the node
/// whose parent it is ... back to a node with the first one's id. kinerja.plan.reference at the
/// first node's place, naming the nodes (the first 8 and the count when there are more).
[[noreturn]] inline void throw_parent_cycle(const std::vector<const node*>& cycle) {
    constexpr std::size_t shown = 8;
    const node& first = *cycle.front();
    std::string chain;
    for (std::size_t k = 0; k < cycle.size(); ++k) {
        if (k == shown && cycle.size() > shown + 1) {
            chain += " -> ... (" + std::to_string(cycle.size() - shown - 1) + " more) -> " + cycle.back()->id;
            break;
        }
        chain += (k ? " -> " : "") + cycle[k]->id;
    }
    throw file_error("kinerja.plan.reference", first.location.file, first.location.line, first.location.column,
                     "node \"" + first.id + "\" is its own ancestor: the parent links form a cycle (" + chain +
                         ", each arrow pointing to the parent)");
}

}  // namespace kinerja::detail
