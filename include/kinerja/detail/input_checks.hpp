// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private: checks on the raw input of the loaders before it is parsed: the limits of load_limits
// (plan_io.hpp), UTF-8, and for YAML one pass over the parser's events (one document, no repeated
// key, nesting and alias expansion within the limits) before any tree is built. Not part of the
// public API.

#include <kinerja/detail/text.hpp>
#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kinerja::detail {

/// The error for exceeding load_limits::max_<name>: id kinerja.limit.<name>, what was found,
/// the limit and how to raise it.
[[noreturn]] inline void limit_exceeded(const char* name, std::uint64_t limit, const std::string& found,
                                        const std::string& file, int line, int column) {
    const std::string field = std::string("max_") + name;
    throw file_error(std::string("kinerja.limit.") + name, file, line, column,
                     found + ", past the limit " + field + " = " + std::to_string(limit) +
                         "; if the input is genuine, raise it (C++ load_limits::" + field + ", Python limits={\"" +
                         field + "\": N}, command line --limit " + field + "=N)");
}

/// The first byte that is not UTF-8 (overlong forms, surrogates and code points past U+10FFFF
/// included), with its 1-based line and column (columns count characters).
struct utf8_problem {
    int line = 0;
    int column = 0;
    unsigned char byte = 0;
};

/// The first control character that YAML 1.2 does not allow in a stream (c-printable: of the C0
/// controls only tab, line feed and carriage return; not DEL), with its 1-based line and column
/// (columns count characters). yaml-cpp reads a NUL byte as part of an encoding mark and makes
/// bytes that are not UTF-8 of it, so such a byte is refused before it reaches the parser.
inline std::optional<utf8_problem> first_yaml_control_character(std::string_view text) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return utf8_problem{line, column, c};
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80 && c != '\r') {
            ++column;
        }
    }
    return std::nullopt;
}

inline std::optional<utf8_problem> first_invalid_utf8(std::string_view text) {
    int line = 1, column = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80)
            len = 1, cp = c;
        else if (c >= 0xC2 && c <= 0xDF)
            len = 2, cp = c & 0x1Fu;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3, cp = c & 0x0Fu;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4, cp = c & 0x07u;
        bool ok = len > 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto d = static_cast<unsigned char>(text[i + k]);
            ok = (d & 0xC0) == 0x80;
            cp = (cp << 6) | (d & 0x3Fu);
        }
        if (ok && len == 3) ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
        if (ok && len == 4) ok = cp >= 0x10000 && cp <= 0x10FFFF;
        if (!ok) return utf8_problem{line, column, c};
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else if (c != '\r') {
            ++column;
        }
        i += len;
    }
    return std::nullopt;
}

/// "0xFF"
inline std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
    return buf;
}

/// One pass over the YAML parser's events, before a tree is built: throws at a second document,
/// a key repeated in a mapping (`yaml_id`), nesting deeper than max_nesting and aliases that
/// stand for more than max_alias_expansion nodes (kinerja.limit.*). O(input).
class yaml_guard : public YAML::EventHandler {
public:
    yaml_guard(const std::string& file, const char* yaml_id, const load_limits& limits)
        : file_(file), yaml_id_(yaml_id), limits_(limits) {}

    void run(std::string_view text) {
        std::istringstream in{std::string(text)};
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(*this)) {
        }
    }

    void OnDocumentStart(const YAML::Mark& m) override {
        if (++documents_ > 1)
            fail(m,
                 "a second YAML document starts here; a file holds one document (remove the --- line and "
                 "what follows, or put it in a file of its own)");
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
        begin(m, "");
        end_leaf(anchor, 1);
    }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t anchor) override {
        const auto text = scalar_anchors_.find(anchor);
        begin(m, text == scalar_anchors_.end() ? std::optional<std::string>() : text->second);
        const auto size = sizes_.find(anchor);
        const std::uint64_t n = size == sizes_.end() ? 1 : size->second;
        expanded_ = add(expanded_, n);
        if (expanded_ > limits_.max_alias_expansion)
            limit_exceeded("alias_expansion", limits_.max_alias_expansion,
                           "the aliases up to this one stand for " + std::to_string(expanded_) + " YAML nodes", file_,
                           m.line + 1, m.column + 1);
        end_leaf(0, n);
    }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
        begin(m, value);
        if (anchor) scalar_anchors_[anchor] = value;
        end_leaf(anchor, 1);
    }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(m, anchor, false);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(m, anchor, true);
    }
    void OnMapEnd() override { close(); }

private:
    struct frame {
        bool is_map = false;
        YAML::anchor_t anchor = 0;
        std::uint64_t size = 1;  // YAML nodes, aliases expanded
        bool next_is_key = true;
        std::unordered_map<std::string, int> keys;  // key -> line
    };

    static std::uint64_t add(std::uint64_t a, std::uint64_t b) {
        return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
    }
    [[noreturn]] void fail(const YAML::Mark& m, const std::string& why) const {
        throw file_error(yaml_id_, file_, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0,
                         "not valid YAML: " + why);
    }
    // A node starts at `m`; `key_text` is its text when it is a scalar (or an alias of one).
    void begin(const YAML::Mark& m, const std::optional<std::string>& key_text) {
        if (stack_.empty() || !stack_.back().is_map) return;
        frame& f = stack_.back();
        const bool is_key = f.next_is_key;
        f.next_is_key = !f.next_is_key;
        if (!is_key || !key_text) return;
        const auto [it, fresh] = f.keys.emplace(*key_text, m.line + 1);
        if (!fresh)
            fail(m, "the key \"" + cut_utf8(*key_text, 60) + "\" appears twice in this mapping (lines " +
                        std::to_string(it->second) + " and " + std::to_string(m.line + 1) +
                        "); a repeated key would silently replace the first");
    }
    void end_leaf(YAML::anchor_t anchor, std::uint64_t size) {
        if (anchor) sizes_[anchor] = size;
        if (!stack_.empty()) stack_.back().size = add(stack_.back().size, size);
    }
    void open(const YAML::Mark& m, YAML::anchor_t anchor, bool is_map) {
        begin(m, std::nullopt);
        if (stack_.size() + 1 > limits_.max_nesting)
            limit_exceeded("nesting", limits_.max_nesting,
                           "mappings and lists are nested " + std::to_string(stack_.size() + 1) + " deep here", file_,
                           m.line + 1, m.column + 1);
        frame f;
        f.is_map = is_map;
        f.anchor = anchor;
        stack_.push_back(std::move(f));
    }
    void close() {
        const frame f = std::move(stack_.back());
        stack_.pop_back();
        end_leaf(f.anchor, f.size);
    }

    const std::string& file_;
    const char* yaml_id_;
    const load_limits& limits_;
    int documents_ = 0;
    std::uint64_t expanded_ = 0;
    std::vector<frame> stack_;
    std::unordered_map<YAML::anchor_t, std::uint64_t> sizes_;
    std::unordered_map<YAML::anchor_t, std::string> scalar_anchors_;
};

}  // namespace kinerja::detail
