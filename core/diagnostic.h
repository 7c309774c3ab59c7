// Diagnostics for bad input: what was wrong, where, and what to do. Programming mistakes use assert.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace jixiao {

enum class Severity { Info, Warning, Error };

const char* severity_name(Severity s);  // "info" | "warning" | "error"

struct Diagnostic {
  std::string code;     // stable machine id, e.g. "xlsx.not_zip"
  std::string message;  // Chinese, says what is wrong and what to do
  std::string file;
  std::string part;     // package part, e.g. "xl/worksheets/sheet1.xml"
  std::string sheet;
  std::string cell;     // A1 reference
  int64_t offset = -1;  // byte offset inside part (or file), -1 when unknown
  Severity severity = Severity::Error;

  // "自评表.xlsx [xl/worksheets/sheet1.xml @1234] 'Sheet1'!C9: message"
  std::string to_text() const;
  // An error with its code, message and, where known, file and part; the caller adds the rest.
  static Diagnostic error(std::string code, std::string message, std::string file = {}, std::string part = {}) {
    Diagnostic d;
    d.code = std::move(code);
    d.message = std::move(message);
    d.file = std::move(file);
    d.part = std::move(part);
    return d;
  }
};

// Collects warnings (and errors that do not stop the run). Not thread-safe by design: each reader
// owns one and merges afterwards.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void warn(std::string code, std::string message, std::string file = {}, std::string part = {},
            std::string sheet = {}, std::string cell = {});
  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> items_;
};

// The 1-based line of a byte offset in an XML data file's text (layouts, vocabulary, profiles), for
// messages a person editing the file can follow. Built once per file: every node of the vocabulary
// names its line, and counting from the start each time was quadratic in the file's size.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : size_(text.size()) {
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') breaks_.push_back(i);
  }
  // 0 for an unknown (negative) offset; an offset past the end counts as the end.
  int line_of(int64_t offset) const {
    if (offset < 0) return 0;
    size_t at = std::min(static_cast<size_t>(offset), size_);
    return 1 + static_cast<int>(std::lower_bound(breaks_.begin(), breaks_.end(), at) - breaks_.begin());
  }

 private:
  size_t size_;
  std::vector<size_t> breaks_;
};

// A value or the Diagnostic that explains why there is none.
template <class T>
class Expected {
 public:
  Expected(T value) : v_(std::move(value)) {}                // NOLINT: implicit by design
  Expected(Diagnostic error) : v_(std::move(error)) {}       // NOLINT: implicit by design
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  const Diagnostic& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Diagnostic> v_;
};

}  // namespace jixiao
