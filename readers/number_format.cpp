// Stub: replaced by the full implementation.
#include "readers/number_format.h"

#include <charconv>

namespace jixiao {

struct NumberFormat::Section {};

std::string_view builtin_format_code(uint32_t id) { return id == 0 ? "General" : ""; }

NumberFormat NumberFormat::parse(std::string_view code) {
  NumberFormat f;
  f.code_ = std::string(code);
  return f;
}

void NumberFormat::format_number(double value, bool, std::string& out) const { format_general(value, out); }
void NumberFormat::format_text(std::string_view text, std::string& out) const { out += text; }

void format_general(double value, std::string& out) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, r.ptr);
}

}  // namespace jixiao
