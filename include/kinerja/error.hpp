// SPDX-License-Identifier: Apache-2.0
#pragma once

/// \file error.hpp
/// The one error hierarchy of kinerja. Every error carries a stable id (documented in
/// docs/errors.md) of the form `kinerja.<area>.<what>`, and its message starts with that id
/// in brackets, e.g. `[kinerja.parse.ambiguous_number] ...`.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace kinerja {

/// Base of every exception kinerja throws.
class error : public std::runtime_error {
public:
    error(std::string id, const std::string& message)
        : std::runtime_error("[" + id + "] " + message), id_(std::move(id)) {}
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
          reason_(std::move(reason)) {}
    const std::string& text() const noexcept { return text_; }
    /// 0-based byte offset into text() where the problem was found.
    std::size_t position() const noexcept { return position_; }
    /// 1-based column, as shown in messages.
    std::size_t column() const noexcept { return position_ + 1; }
    const std::string& reason() const noexcept { return reason_; }

private:
    static std::string describe(const std::string& text, std::size_t position, const std::string& reason) {
        return "cannot read \"" + text + "\" at column " + std::to_string(position + 1) + ": " + reason;
    }
    std::string text_;
    std::size_t position_;
    std::string reason_;
};

/// A name (unit word, scale, level, method) that is not known to the registry asked.
class lookup_error : public error {
public:
    lookup_error(std::string id, std::string name, const std::string& message)
        : error(std::move(id), message), name_(std::move(name)) {}
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
/// "file:line:column:".
class file_error : public error {
public:
    file_error(std::string id, std::string file, int line, int column, const std::string& reason)
        : error(std::move(id), where(file, line, column) + reason),
          file_(std::move(file)),
          line_(line),
          column_(column),
          reason_(reason) {}
    const std::string& file() const noexcept { return file_; }
    int line() const noexcept { return line_; }
    int column() const noexcept { return column_; }
    const std::string& reason() const noexcept { return reason_; }

private:
    static std::string where(const std::string& file, int line, int column) {
        std::string w = file.empty() ? std::string("<input>") : file;
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
