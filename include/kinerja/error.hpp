// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file error.hpp
/// The one error hierarchy of kinerja. Every error carries a stable id (documented in
/// docs/errors.md) of the form `kinerja.<area>.<what>`, and its message starts with that id
/// in brackets, e.g. `[kinerja.parse.ambiguous_number] ...`.
///
/// Every message is valid UTF-8 (bytes that are not are replaced by U+FFFD when the error is
/// made) and bounded: quoted input is cut to message_quote_bytes (a parse_error's text; the
/// double-quoted parts of a file_error's reason and of a lookup_error's message), the whole
/// message to message_max_bytes, always at a character boundary and marked with "…".

#include <kinerja/detail/text.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace kinerja {

/// The most bytes of input text a message quotes (a parse_error's text, a name or cell in a
/// reason); longer text is cut at a character boundary and marked with "…" and its size.
inline constexpr std::size_t message_quote_bytes = 200;
/// The most bytes of an error's whole message, what() with its "[id] " and location; a longer
/// message is cut at a character boundary and marked with "…" and its size. A safety net:
/// messages quote input through message_quote_bytes and stay well below it.
inline constexpr std::size_t message_max_bytes = 2000;

namespace detail {
/// Room kept for the cut mark "… (N bytes in all)" (3 + 2 + 20 digits + 13 bytes).
inline constexpr std::size_t cut_mark_bytes = 40;

/// "[id] message", valid UTF-8 and at most message_max_bytes in all.
inline std::string error_text(const std::string& id, const std::string& message) {
    const std::string head = "[" + sanitize_utf8(cut_utf8(id, 200)) + "] ";
    const std::string body = sanitize_utf8(message);
    if (head.size() + body.size() <= message_max_bytes) return head + body;
    return head + cut_utf8(body, message_max_bytes - head.size() - cut_mark_bytes);
}
}  // namespace detail

/// Base of every exception kinerja throws. The message is made valid UTF-8 and cut to
/// message_max_bytes in all here, whatever its maker put in it.
class error : public std::runtime_error {
public:
    error(std::string id, const std::string& message)
        : std::runtime_error(detail::error_text(id, message)), id_(std::move(id)) {}
    /// Stable identifier, e.g. "kinerja.parse.ambiguous_number".
    const std::string& id() const noexcept { return id_; }

private:
    std::string id_;
};

/// Text that cannot be read as a value or number. Knows the text, the 0-based position of the
/// offending character within it, and the reason (the message without id and position).
class parse_error : public error {
public:
    parse_error(std::string id, std::string text, std::size_t position, std::string reason)
        : error(std::move(id), describe(text, position, reason)),
          text_(std::move(text)),
          position_(position),
          reason_(detail::sanitize_utf8(detail::cut_utf8(reason, message_max_bytes))) {}
    const std::string& text() const noexcept { return text_; }
    /// 0-based byte offset into text() where the problem was found.
    std::size_t position() const noexcept { return position_; }
    /// 1-based column, as shown in messages.
    std::size_t column() const noexcept { return position_ + 1; }
    /// The reason, valid UTF-8 and at most message_max_bytes (plus the cut mark).
    const std::string& reason() const noexcept { return reason_; }

private:
    // Quotes at most message_quote_bytes of the text, around the position, on one line.
    static std::string describe(const std::string& text, std::size_t position, const std::string& reason) {
        std::string quoted = "\"" + detail::one_line(detail::excerpt_utf8(text, position, message_quote_bytes)) + "\"";
        if (text.size() > message_quote_bytes) quoted += " (" + std::to_string(text.size()) + " bytes)";
        return "cannot read " + quoted + " at column " + std::to_string(position + 1) + ": " + reason;
    }
    std::string text_;
    std::size_t position_;
    std::string reason_;
};

/// A name (unit word, scale, level, method) that is not known to the registry asked.
class lookup_error : public error {
public:
    /// Quoted parts of the message (the name) longer than message_quote_bytes are cut.
    lookup_error(std::string id, std::string name, const std::string& message)
        : error(std::move(id), detail::cut_quoted(message, message_quote_bytes)), name_(std::move(name)) {}
    const std::string& name() const noexcept { return name_; }

private:
    std::string name_;
};

/// An argument or a definition that is invalid (a scale whose bands overlap, a negative
/// number of decimals, a method that does not fit the polarity).
class argument_error : public error {
public:
    using error::error;
};

/// A computation whose result is not defined for its inputs (achievement against a zero
/// target, a score outside every band of a scale). The message says why and what to do instead.
class undefined_error : public error {
public:
    using error::error;
};

/// A file (a plan, a CSV table) that cannot be read or does not follow its format. Knows the
/// file and the 1-based line and column (0 when unknown); the message starts with
/// "file:line:column:". The file name is shown on one line, cut to message_quote_bytes.
class file_error : public error {
public:
    /// Quoted parts of the reason (names, cells: "...") longer than message_quote_bytes are cut.
    file_error(std::string id, std::string file, int line, int column, const std::string& reason)
        : error(std::move(id), where(file, line, column) + detail::cut_quoted(reason, message_quote_bytes)),
          file_(std::move(file)),
          line_(line),
          column_(column),
          reason_(detail::sanitize_utf8(
              detail::cut_utf8(detail::cut_quoted(reason, message_quote_bytes), message_max_bytes))) {}
    const std::string& file() const noexcept { return file_; }
    int line() const noexcept { return line_; }
    int column() const noexcept { return column_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    static std::string where(const std::string& file, int line, int column) {
        std::string w =
            file.empty() ? std::string("<input>") : detail::one_line(detail::cut_utf8(file, message_quote_bytes));
        if (line > 0) w += ":" + std::to_string(line);
        if (line > 0 && column > 0) w += ":" + std::to_string(column);
        return w + ": ";
    }
    std::string file_;
    int line_;
    int column_;
    std::string reason_;
};

}  // namespace kinerja
