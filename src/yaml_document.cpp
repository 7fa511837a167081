// SPDX-License-Identifier: Apache-2.0
// The fast YAML reader of plan files: libyaml's events into a compact document (yaml_document.hpp).
#include "yaml_document.hpp"

#include <kinerja/detail/files.hpp>
#include <kinerja/detail/input_checks.hpp>
#include <kinerja/error.hpp>

#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace kinerja::detail::yaml {

std::size_t document::bytes_used() const noexcept {
    return records_.capacity() * sizeof(record) + children_.capacity() * sizeof(std::uint32_t) + block_bytes_;
}

namespace {

// libyaml's parser and event, released on every path out.
struct libyaml_parser {
    yaml_parser_t parser;
    explicit libyaml_parser(std::string_view text) {
        if (!yaml_parser_initialize(&parser)) throw std::bad_alloc();
        yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    }
    ~libyaml_parser() { yaml_parser_delete(&parser); }
    libyaml_parser(const libyaml_parser&) = delete;
    libyaml_parser& operator=(const libyaml_parser&) = delete;
};

struct libyaml_event {
    yaml_event_t event{};
    bool held = false;
    ~libyaml_event() { release(); }
    void release() {
        if (held) yaml_event_delete(&event);
        held = false;
    }
    libyaml_event() = default;
    libyaml_event(const libyaml_event&) = delete;
    libyaml_event& operator=(const libyaml_event&) = delete;
};

bool is_null_text(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

std::uint64_t add(std::uint64_t a, std::uint64_t b) {
    return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

}  // namespace

class builder {
public:
    builder(document& doc, std::string_view text, const std::string& file, const char* yaml_id,
            const load_limits& limits)
        : doc_(doc), text_(text), file_(file), yaml_id_(yaml_id), limits_(limits) {}

    void run() {
        libyaml_parser p(text_);
        libyaml_event ev;
        bool have_root = false;
        for (;;) {
            ev.release();
            if (!yaml_parser_parse(&p.parser, &ev.event)) syntax_error(p.parser);
            ev.held = true;
            const yaml_event_t& e = ev.event;
            if (pending_empty_) {  // an empty value stands where the next thing starts, as with yaml-cpp
                const mark m = at(e.start_mark);
                document::record& r = doc_.records_[*pending_empty_];
                r.line = static_cast<std::uint32_t>(m.line);
                r.packed = (r.packed & 7u) | static_cast<std::uint32_t>(std::min(m.column, (1 << 29) - 1)) << 3;
                pending_empty_.reset();
            }
            switch (e.type) {
                case YAML_STREAM_END_EVENT:
                    if (!have_root) doc_.root_ = leaf(node_kind::null, "", 0, false, mark{0, 0});
                    return;
                case YAML_DOCUMENT_START_EVENT:
                    if (++documents_ > 1)
                        fail(at(e.start_mark),
                             "a second YAML document starts here; a file holds one document (remove the --- line "
                             "and what follows, or put it in a file of its own)");
                    break;
                case YAML_SCALAR_EVENT: {
                    const mark m = at(e.start_mark);
                    const std::string_view value(reinterpret_cast<const char*>(e.data.scalar.value),
                                                 e.data.scalar.length);
                    const bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
                    const bool null = plain && e.data.scalar.tag == nullptr && is_null_text(value);
                    const std::uint32_t index = leaf(null ? node_kind::null : node_kind::scalar, value,
                                                     /*copy=*/true, !plain, m);
                    place(index, m, 1);
                    if (value.empty() && plain && !e.data.scalar.anchor && !e.data.scalar.tag) pending_empty_ = index;
                    if (e.data.scalar.anchor) define(reinterpret_cast<const char*>(e.data.scalar.anchor), index, 1);
                    if (stack_.empty()) doc_.root_ = index, have_root = true;
                    break;
                }
                case YAML_ALIAS_EVENT: {
                    const mark m = at(e.start_mark);
                    const std::string name(reinterpret_cast<const char*>(e.data.alias.anchor));
                    const auto a = anchors_.find(name);
                    if (a == anchors_.end())
                        fail(m, "the alias *" + cut_utf8(name, 60) + " comes before any anchor &" + cut_utf8(name, 60) +
                                    " (an alias repeats a node named earlier in the file)");
                    if (a->second.open)
                        fail(m, "the alias *" + cut_utf8(name, 60) +
                                    " is inside the node its anchor names (a node cannot contain itself)");
                    expanded_ = add(expanded_, a->second.size);
                    if (expanded_ > limits_.max_alias_expansion)
                        limit_exceeded(
                            "alias_expansion", limits_.max_alias_expansion,
                            "the aliases up to this one stand for " + std::to_string(expanded_) + " YAML nodes", file_,
                            m.line + 1, m.column + 1);
                    place(a->second.index, m, a->second.size);
                    if (stack_.empty()) doc_.root_ = a->second.index, have_root = true;
                    break;
                }
                case YAML_SEQUENCE_START_EVENT: open(e, false, e.data.sequence_start.anchor); break;
                case YAML_MAPPING_START_EVENT: open(e, true, e.data.mapping_start.anchor); break;
                case YAML_SEQUENCE_END_EVENT:
                case YAML_MAPPING_END_EVENT:
                    close();
                    if (stack_.empty()) have_root = true;
                    break;
                default: break;
            }
        }
    }

private:
    struct anchor_info {
        std::uint32_t index = 0;
        std::uint64_t size = 1;  // YAML nodes, aliases expanded
        bool open = false;
    };
    struct frame {
        std::uint32_t index = 0;
        bool is_map = false;
        bool next_is_key = true;
        std::uint64_t size = 1;
        std::size_t children_start = 0;
        std::size_t keys_start = 0;
        std::string anchor;
        std::unique_ptr<std::unordered_map<std::string_view, int>> key_index;  // for a mapping of many keys
    };
    struct key_seen {
        std::string_view text;
        int line;
    };

    static mark at(const yaml_mark_t& m) { return mark{static_cast<int>(m.line), static_cast<int>(m.column)}; }

    [[noreturn]] void fail(const mark& m, const std::string& why) const {
        throw file_error(yaml_id_, file_, m.line + 1, m.column + 1, "not valid YAML: " + why);
    }

    [[noreturn]] void syntax_error(const yaml_parser_t& p) const {
        std::string why = p.problem ? p.problem : "the parser failed";
        if (p.error == YAML_READER_ERROR) {
            // the reader's position is a byte offset: count lines and characters up to it
            int line = 1, column = 1;
            const std::size_t end = std::min(p.problem_offset, text_.size());
            for (std::size_t i = 0; i < end; ++i) {
                const auto c = static_cast<unsigned char>(text_[i]);
                if (c == '\n') {
                    ++line;
                    column = 1;
                } else if ((c & 0xC0) != 0x80) {
                    ++column;
                }
            }
            if (p.problem_value >= 0) {
                char code[16];
                std::snprintf(code, sizeof code, " (U+%04X)", static_cast<unsigned>(p.problem_value));
                why += code;
            }
            throw file_error(yaml_id_, file_, line, column, "not valid YAML: " + why);
        }
        if (p.context) why += std::string(" ") + p.context;
        if (p.context && p.context_mark.line != p.problem_mark.line)
            why += " that starts on line " + std::to_string(p.context_mark.line + 1);
        throw file_error(yaml_id_, file_, static_cast<int>(p.problem_mark.line) + 1,
                         static_cast<int>(p.problem_mark.column) + 1, "not valid YAML: " + why);
    }

    // A copy of `s` in the document's arena: blocks of 64 KiB or more that never move.
    const char* store(std::string_view s) {
        if (s.empty()) return "";
        if (s.size() > block_left_) {
            const std::size_t size = std::max<std::size_t>(std::size_t{1} << 16, s.size());
            doc_.blocks_.push_back(std::make_unique<char[]>(size));
            doc_.block_bytes_ += size;
            block_next_ = doc_.blocks_.back().get();
            block_left_ = size;
            if (s.size() > (std::size_t{1} << 15)) {  // a big scalar: its own block, the current one stays
                char* own = block_next_;
                block_left_ = 0;
                std::memcpy(own, s.data(), s.size());
                return own;
            }
        }
        char* out = block_next_;
        std::memcpy(out, s.data(), s.size());
        block_next_ += s.size();
        block_left_ -= s.size();
        return out;
    }

    std::uint32_t new_record(node_kind kind, const char* text, std::size_t size, bool quoted, const mark& m) {
        if (doc_.records_.size() >= std::numeric_limits<std::uint32_t>::max() ||
            size > std::numeric_limits<std::uint32_t>::max())
            fail(m, "the document is too large for the reader (more than 4 billion nodes or a 4 GB value)");
        document::record r{};
        r.text = text;
        r.size = static_cast<std::uint32_t>(size);
        r.first = 0;
        r.line = static_cast<std::uint32_t>(std::max(m.line, 0));
        const auto column = static_cast<std::uint32_t>(std::min(std::max(m.column, 0), (1 << 29) - 1));
        r.packed = column << 3 | (quoted ? 4u : 0u) | static_cast<std::uint32_t>(kind);
        doc_.records_.push_back(r);
        return static_cast<std::uint32_t>(doc_.records_.size() - 1);
    }

    std::uint32_t leaf(node_kind kind, std::string_view value, bool copy, bool quoted, const mark& m) {
        return new_record(kind, copy ? store(value) : "", value.size(), quoted, m);
    }

    // The node `index` (new, or an alias's target standing for `size` nodes) becomes the next
    // child of the open collection; a key is checked against the mapping's other keys.
    void place(std::uint32_t index, const mark& m, std::uint64_t size) {
        if (stack_.empty()) return;
        frame& f = stack_.back();
        f.size = add(f.size, size);
        scratch_.push_back(index);
        if (!f.is_map) return;
        const bool is_key = f.next_is_key;
        f.next_is_key = !f.next_is_key;
        if (!is_key) return;
        const document::record& r = doc_.records_[index];
        if (r.kind() != static_cast<std::uint32_t>(node_kind::scalar) &&
            r.kind() != static_cast<std::uint32_t>(node_kind::null))
            return;
        const std::string_view key(r.text, r.size);
        const int line = m.line + 1;
        int earlier = 0;
        if (f.key_index) {
            const auto [it, fresh] = f.key_index->emplace(key, line);
            if (!fresh) earlier = it->second;
        } else {
            for (std::size_t k = f.keys_start; k < keys_.size(); ++k)
                if (keys_[k].text == key) {
                    earlier = keys_[k].line;
                    break;
                }
            if (!earlier) {
                keys_.push_back(key_seen{key, line});
                if (keys_.size() - f.keys_start > 16) {  // many keys: a hash from here on
                    f.key_index = std::make_unique<std::unordered_map<std::string_view, int>>();
                    for (std::size_t k = f.keys_start; k < keys_.size(); ++k)
                        f.key_index->emplace(keys_[k].text, keys_[k].line);
                    keys_.resize(f.keys_start);
                }
            }
        }
        if (earlier)
            fail(m, "the key \"" + cut_utf8(key, 60) + "\" appears twice in this mapping (lines " +
                        std::to_string(earlier) + " and " + std::to_string(line) +
                        "); a repeated key would silently replace the first");
    }

    void define(const char* name, std::uint32_t index, std::uint64_t size) {
        anchor_info& a = anchors_[name];
        a.index = index;
        a.size = size;
        a.open = false;
    }

    void open(const yaml_event_t& e, bool is_map, const yaml_char_t* anchor) {
        const mark m = at(e.start_mark);
        if (stack_.size() + 1 > limits_.max_nesting)
            limit_exceeded("nesting", limits_.max_nesting,
                           "mappings and lists are nested " + std::to_string(stack_.size() + 1) + " deep here", file_,
                           m.line + 1, m.column + 1);
        const bool flow = is_map ? e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                                 : e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
        const std::uint32_t index = new_record(is_map ? node_kind::map : node_kind::sequence, nullptr, 0, flow, m);
        place(index, m, 0);  // its size is added when it closes
        frame f;
        f.index = index;
        f.is_map = is_map;
        f.children_start = scratch_.size();
        f.keys_start = keys_.size();
        if (anchor) {
            f.anchor = reinterpret_cast<const char*>(anchor);
            anchor_info& a = anchors_[f.anchor];
            a.index = index;
            a.open = true;
        }
        stack_.push_back(std::move(f));
    }

    void close() {
        frame f = std::move(stack_.back());
        stack_.pop_back();
        const std::size_t count = scratch_.size() - f.children_start;
        if (doc_.children_.size() + count > std::numeric_limits<std::uint32_t>::max())
            fail(mark{0, 0}, "the document is too large for the reader (more than 4 billion nodes)");
        document::record& r = doc_.records_[f.index];
        r.first = static_cast<std::uint32_t>(doc_.children_.size());
        r.size = static_cast<std::uint32_t>(count);
        doc_.children_.insert(doc_.children_.end(), scratch_.begin() + static_cast<std::ptrdiff_t>(f.children_start),
                              scratch_.end());
        scratch_.resize(f.children_start);
        keys_.resize(std::min(keys_.size(), f.keys_start));
        if (!f.anchor.empty()) {
            anchor_info& a = anchors_[f.anchor];
            if (a.index == f.index) {
                a.size = f.size;
                a.open = false;
            }
        }
        if (!stack_.empty()) stack_.back().size = add(stack_.back().size, f.size);
    }

    document& doc_;
    std::string_view text_;
    const std::string& file_;
    const char* yaml_id_;
    const load_limits& limits_;
    int documents_ = 0;
    std::optional<std::uint32_t> pending_empty_;  // an empty value whose place is the next event's
    std::uint64_t expanded_ = 0;
    std::vector<frame> stack_;
    std::vector<std::uint32_t> scratch_;  // the children of the open collections, innermost last
    std::vector<key_seen> keys_;          // the keys of the open mappings (those of few keys)
    std::unordered_map<std::string, anchor_info> anchors_;
    char* block_next_ = nullptr;
    std::size_t block_left_ = 0;
};

document parse_document(std::string_view text, const std::string& file, const char* yaml_id,
                        const load_limits& limits) {
    check_yaml_text(text, file, yaml_id, limits);
    document doc;
    doc.records_.reserve(text.size() / 12 + 16);
    builder(doc, text, file, yaml_id, limits).run();  // not shrunk: the document lives only while a plan is read
    return doc;
}

std::size_t count_events(std::string_view text) {
    libyaml_parser p(text);
    libyaml_event ev;
    std::size_t n = 0;
    for (;;) {
        ev.release();
        if (!yaml_parser_parse(&p.parser, &ev.event))
            throw std::runtime_error(std::string("libyaml: ") + (p.parser.problem ? p.parser.problem : "error"));
        ev.held = true;
        ++n;
        if (ev.event.type == YAML_STREAM_END_EVENT) return n;
    }
}

}  // namespace kinerja::detail::yaml
