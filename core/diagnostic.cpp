#include "core/diagnostic.h"

namespace jixiao {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string Diagnostic::to_text() const {
  std::string out;
  if (!file.empty()) out += file;
  if (!part.empty() || offset >= 0) {
    out += " [";
    out += part;
    if (offset >= 0) {
      if (!part.empty()) out += ' ';
      out += "偏移 " + std::to_string(offset);
    }
    out += ']';
  }
  if (!sheet.empty()) out += " '" + sheet + "'";
  if (!cell.empty()) out += (sheet.empty() ? " " : "!") + cell;
  if (!out.empty()) out += ": ";
  out += message;
  return out;
}

void Diagnostics::warn(std::string code, std::string message, std::string file, std::string part,
                       std::string sheet, std::string cell) {
  Diagnostic d;
  d.code = std::move(code);
  d.message = std::move(message);
  d.file = std::move(file);
  d.part = std::move(part);
  d.sheet = std::move(sheet);
  d.cell = std::move(cell);
  d.severity = Severity::Warning;
  items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace jixiao
