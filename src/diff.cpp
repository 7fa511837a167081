// SPDX-License-Identifier: Apache-2.0
#include <kinerja/diff.hpp>

#include <map>
#include <string_view>

namespace kinerja {

std::string_view to_string(change_kind k) noexcept {
    switch (k) {
        case change_kind::added: return "added";
        case change_kind::removed: return "removed";
        case change_kind::changed: return "changed";
    }
    return "changed";
}

namespace {

std::string joined(const std::vector<printed_value>& vs) {
    std::string out;
    for (const auto& v : vs) out += (out.empty() ? "" : " | ") + v.text;
    return out;
}

std::string text_of(const std::optional<printed_value>& v) { return v ? v->text : std::string(); }

std::string polarity_text(const indicator& i) {
    if (!i.scale.empty()) return "scale:" + i.scale;
    return i.polarity ? std::string(to_string(*i.polarity)) : std::string();
}

std::string convention_text(const indicator& i) {
    return i.convention ? std::string(to_string(*i.convention)) : std::string();
}

struct differ {
    std::vector<change> out;

    static std::string key(const node& n) { return n.code_text().empty() ? n.id : n.code_text(); }

    /// A change of `subject` (`id`, `name`) that belongs to node `owner`.
    void add(change_kind kind, const std::string& subject, const std::string& id, const node& owner,
             const std::string& name, const char* f, std::optional<period_year> year, std::string from,
             std::string to) {
        change c;
        c.kind = kind;
        c.subject = subject;
        c.id = id;
        c.node = key(owner);
        c.name = name;
        c.node_id = owner.id;
        c.node_code = owner.code_text();
        c.node_name = owner.name;
        c.field = f;
        c.year = year;
        c.from = std::move(from);
        c.to = std::move(to);
        out.push_back(std::move(c));
    }
    void field(const std::string& subject, const std::string& id, const node& owner, const std::string& name,
               const char* f, const std::string& a, const std::string& b) {
        if (a != b) add(change_kind::changed, subject, id, owner, name, f, std::nullopt, a, b);
    }
    void years(const std::string& subject, const std::string& id, const node& owner, const std::string& name,
               const char* f, const year_values& a, const year_values& b) {
        std::map<period_year, std::pair<std::string, std::string>> all;
        for (const auto& [y, vs] : a) all[y].first = joined(vs);
        for (const auto& [y, vs] : b) all[y].second = joined(vs);
        for (const auto& [y, ab] : all)
            if (ab.first != ab.second) add(change_kind::changed, subject, id, owner, name, f, y, ab.first, ab.second);
    }

    void nodes(const node& a, const node& b) {
        field("node", b.id, b, b.name, "name", a.name, b.name);
        field("node", b.id, b, b.name, "level", std::string(to_string(a.level)), std::string(to_string(b.level)));
        field("node", b.id, b, b.name, "code", a.code_text(), b.code_text());
        field("node", b.id, b, b.name, "parent", a.parent, b.parent);
        field("node", b.id, b, b.name, "responsible", a.responsible, b.responsible);
        years("node", b.id, b, b.name, "budget", a.budget, b.budget);
        years("node", b.id, b, b.name, "budget_realized", a.budget_realized, b.budget_realized);
        std::map<std::string_view, const indicator*> old_inds, new_inds;  // the first with an id
        for (const indicator& i : a.indicators) old_inds.emplace(i.id, &i);
        for (const indicator& i : b.indicators) new_inds.emplace(i.id, &i);
        for (const indicator& i : a.indicators) {
            auto it = new_inds.find(i.id);
            if (it == new_inds.end()) {
                add(change_kind::removed, "indicator", i.id, b, i.name, "", std::nullopt, i.name, "");
                continue;
            }
            indicators(b, i, *it->second);
        }
        for (const indicator& i : b.indicators)
            if (!old_inds.count(i.id))
                add(change_kind::added, "indicator", i.id, b, i.name, "", std::nullopt, "", i.name);
    }
    void indicators(const node& owner, const indicator& a, const indicator& b) {
        field("indicator", b.id, owner, b.name, "name", a.name, b.name);
        field("indicator", b.id, owner, b.name, "unit", a.unit_text(), b.unit_text());
        field("indicator", b.id, owner, b.name, "polarity", polarity_text(a), polarity_text(b));
        field("indicator", b.id, owner, b.name, "convention", convention_text(a), convention_text(b));
        field("indicator", b.id, owner, b.name, "catalog", a.catalog, b.catalog);
        field("indicator", b.id, owner, b.name, "formula", text_of(a.formula), text_of(b.formula));
        field("indicator", b.id, owner, b.name, "baseline", text_of(a.baseline), text_of(b.baseline));
        years("indicator", b.id, owner, b.name, "target", a.targets, b.targets);
        years("indicator", b.id, owner, b.name, "realization", a.realizations, b.realizations);
        years("indicator", b.id, owner, b.name, "reported_achievement", a.reported_achievement, b.reported_achievement);
    }
};

}  // namespace

std::vector<change> diff_plans(const plan& older, const plan& newer) {
    differ d;
    std::vector<const node*> old_nodes, new_nodes;
    for (const auto* list : {&older.nodes, &older.history})
        for (const node& n : *list) old_nodes.push_back(&n);
    for (const auto* list : {&newer.nodes, &newer.history})
        for (const node& n : *list) new_nodes.push_back(&n);
    std::map<std::string_view, const node*> newer_by_id, older_by_id;
    for (const node* n : new_nodes) newer_by_id[n->id] = n;
    for (const node* n : old_nodes) older_by_id[n->id] = n;
    for (const node* a : old_nodes) {
        auto it = newer_by_id.find(a->id);
        if (it == newer_by_id.end()) {
            d.add(change_kind::removed, "node", a->id, *a, a->name, "", std::nullopt, a->name, "");
            continue;
        }
        d.nodes(*a, *it->second);
    }
    for (const node* b : new_nodes)
        if (!older_by_id.count(b->id))
            d.add(change_kind::added, "node", b->id, *b, b->name, "", std::nullopt, "", b->name);
    return d.out;
}

}  // namespace kinerja
