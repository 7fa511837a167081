// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: the fast YAML reader of plan files. libyaml's event parser (not its tree loader) feeds a
// compact document: one record of 24 bytes per YAML node, the scalars' text in one arena of large
// blocks, the children of every list and mapping as a run of indices, and each node's line and
// column. The same checks as the yaml-cpp pre-pass of detail::load_yaml run on the events as they
// come (one document, no repeated key, nesting and alias expansion within load_limits), so a bad
// file fails where it is bad and before anything is built from it.
//
// Anchors and aliases: an alias stands for the node its anchor names, which is shared, not copied
// (an alias reads like a copy; the position reported for anything inside it is the anchored
// node's, as with yaml-cpp). Every alias counts the YAML nodes it stands for, aliases inside it
// expanded, towards load_limits::max_alias_expansion: an alias bomb of nested aliases is stopped
// at the alias that crosses the limit, before any of it is read. An alias whose anchor is not
// defined before it is an error at the alias.
//
// The node type mimics the part of YAML::Node that the plan reader uses (IsMap, Scalar, Mark,
// iteration with first/second), so the reader's code reads the same on either.

#include <kinerja/plan_io.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja::detail::yaml {

enum class node_kind : std::uint8_t { null, scalar, sequence, map };

/// A position, 0-based as YAML::Mark is.
struct mark {
    int line = 0;
    int column = 0;
};

class document;

/// A node of a document (a null, a scalar, a list or a mapping), or no node (a key that a mapping
/// does not have): `!node`. Cheap to copy; valid while its document lives.
class node {
public:
    node() = default;
    node(const document* doc, std::uint32_t index) noexcept : doc_(doc), index_(index) {}

    explicit operator bool() const noexcept { return doc_ != nullptr; }
    bool IsDefined() const noexcept { return doc_ != nullptr; }
    node_kind kind() const noexcept;
    bool IsNull() const noexcept { return doc_ && kind() == node_kind::null; }
    bool IsScalar() const noexcept { return doc_ && kind() == node_kind::scalar; }
    bool IsSequence() const noexcept { return doc_ && kind() == node_kind::sequence; }
    bool IsMap() const noexcept { return doc_ && kind() == node_kind::map; }
    /// A scalar's text (after YAML's escapes and folding), "" for anything else.
    std::string_view view() const noexcept;
    std::string Scalar() const { return std::string(view()); }
    /// The scalar was written in quotes or as a block (| or >), not plain.
    bool quoted() const noexcept;
    /// Items of a list, pairs of a mapping, 0 for anything else.
    std::size_t size() const noexcept;
    /// The i-th item of a list (the i-th key of a mapping is child(2 i)).
    node operator[](std::size_t i) const noexcept;
    node operator[](int i) const noexcept { return (*this)[static_cast<std::size_t>(i)]; }
    /// A mapping's value for the scalar key `key`; no node when there is none.
    node operator[](std::string_view key) const noexcept;
    node operator[](const char* key) const noexcept { return (*this)[std::string_view(key)]; }
    mark Mark() const noexcept;
    std::uint32_t index() const noexcept { return index_; }

    class iterator;
    iterator begin() const noexcept;
    iterator end() const noexcept;

private:
    node child(std::size_t k) const noexcept;
    const document* doc_ = nullptr;
    std::uint32_t index_ = 0;
};

/// What iterating yields: an item of a list (use it as the node), or a key and value of a mapping
/// (`first`, `second`), as yaml-cpp's iterators do.
struct entry : node {
    node first;
    node second;
};

class node::iterator {
public:
    iterator(const node& owner, std::size_t position) noexcept : owner_(owner), position_(position) {}
    entry operator*() const noexcept;
    struct arrow {
        entry e;
        const entry* operator->() const noexcept { return &e; }
    };
    arrow operator->() const noexcept { return arrow{**this}; }
    iterator& operator++() noexcept {
        ++position_;
        return *this;
    }
    bool operator==(const iterator& o) const noexcept { return position_ == o.position_; }
    bool operator!=(const iterator& o) const noexcept { return position_ != o.position_; }

private:
    node owner_;
    std::size_t position_;
};

/// A whole YAML document, read once from the text; nodes refer into it.
class document {
public:
    document() = default;
    document(const document&) = delete;
    document& operator=(const document&) = delete;
    document(document&&) noexcept = default;
    document& operator=(document&&) noexcept = default;

    /// The root node (a null node for an empty file).
    node root() const noexcept { return node(this, root_); }
    /// YAML nodes held (an alias adds none) and bytes used, for the benchmark.
    std::size_t node_count() const noexcept { return records_.size(); }
    std::size_t bytes_used() const noexcept;

private:
    friend class node;
    friend class builder;
    friend document parse_document(std::string_view, const std::string&, const char*, const load_limits&);
    struct record {
        const char* text;     // a scalar's text; for a list or mapping, unused
        std::uint32_t size;   // a scalar's length; children of a list, 2 x pairs of a mapping
        std::uint32_t first;  // index of the first child in children_
        std::uint32_t line;
        std::uint32_t packed;  // column << 3 | quoted << 2 | kind
        std::uint32_t kind() const noexcept { return packed & 3u; }
        bool quoted() const noexcept { return (packed & 4u) != 0; }
        std::uint32_t column() const noexcept { return packed >> 3; }
    };
    std::vector<record> records_;
    std::vector<std::uint32_t> children_;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t block_bytes_ = 0;
    std::uint32_t root_ = 0;
};

/// Reads `text` into a document: the input checks of detail::load_yaml (size, UTF-8, control
/// characters), then libyaml's events, with one document, no repeated key, nesting and alias
/// expansion within `limits`.
/// \throws file_error `yaml_id` with the line and column of the problem ("not valid YAML: ..."),
///         kinerja.limit.* past a limit.
document parse_document(std::string_view text, const std::string& file, const char* yaml_id, const load_limits& limits);

/// Only libyaml's event parse of `text`, events counted and dropped: the floor any reader built on
/// libyaml stands on (bench/load). \returns the number of events; throws std::runtime_error on a
/// syntax error.
std::size_t count_events(std::string_view text);

// ----------------------------------------------------------------------------- inline members

inline node_kind node::kind() const noexcept { return static_cast<node_kind>(doc_->records_[index_].kind()); }
inline std::string_view node::view() const noexcept {
    if (!doc_) return {};
    const document::record& r = doc_->records_[index_];
    if (r.kind() != static_cast<std::uint32_t>(node_kind::scalar) &&
        r.kind() != static_cast<std::uint32_t>(node_kind::null))
        return {};
    return std::string_view(r.text, r.size);
}
inline bool node::quoted() const noexcept { return doc_ && doc_->records_[index_].quoted(); }
inline std::size_t node::size() const noexcept {
    if (!doc_) return 0;
    const document::record& r = doc_->records_[index_];
    if (r.kind() == static_cast<std::uint32_t>(node_kind::sequence)) return r.size;
    if (r.kind() == static_cast<std::uint32_t>(node_kind::map)) return r.size / 2;
    return 0;
}
inline node node::child(std::size_t k) const noexcept {
    const document::record& r = doc_->records_[index_];
    return node(doc_, doc_->children_[r.first + k]);
}
inline node node::operator[](std::size_t i) const noexcept {
    if (!IsSequence() || i >= size()) return node();
    return child(i);
}
inline node node::operator[](std::string_view key) const noexcept {
    if (!IsMap()) return node();
    const std::size_t n = doc_->records_[index_].size;
    for (std::size_t k = 0; k < n; k += 2) {
        const node c = child(k);
        if (c.IsScalar() && c.view() == key) return child(k + 1);
    }
    return node();
}
inline mark node::Mark() const noexcept {
    if (!doc_) return mark{-1, -1};
    const document::record& r = doc_->records_[index_];
    return mark{static_cast<int>(r.line), static_cast<int>(r.column())};
}
inline node::iterator node::begin() const noexcept { return iterator(*this, 0); }
inline node::iterator node::end() const noexcept { return iterator(*this, size()); }
inline entry node::iterator::operator*() const noexcept {
    entry e;
    if (owner_.IsMap()) {
        e.first = owner_.child(2 * position_);
        e.second = owner_.child(2 * position_ + 1);
    } else {
        static_cast<node&>(e) = owner_.child(position_);
    }
    return e;
}

}  // namespace kinerja::detail::yaml
