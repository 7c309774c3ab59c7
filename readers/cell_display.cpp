#include "readers/cell_display.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "readers/number_format.h"

namespace jixiao {

CellDisplay::CellDisplay(const Workbook& wb) : wb_(wb), formats_(wb.style_formats.size() + 1) {}
CellDisplay::~CellDisplay() = default;

void CellDisplay::display(const Cell& c, std::string& out) {
  switch (c.type) {
    case CellType::Empty: return;
    case CellType::Boolean: out += c.number != 0 ? "TRUE" : "FALSE"; return;
    case CellType::Error: out += wb_.text(c); return;
    default: break;
  }
  // Parse each style's format once; an unknown style index shares the General slot at the end.
  size_t slot = c.style < wb_.style_formats.size() ? c.style : formats_.size() - 1;
  auto& f = formats_[slot];
  if (!f) f = std::make_unique<NumberFormat>(NumberFormat::parse(wb_.format_code(c)));
  if (c.type == CellType::String) f->format_text(wb_.text(c), out);
  else f->format_number(c.number, wb_.date1904, out);
}

static void append_shortest(double v, std::string& out) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

static void append_iso(double serial, bool date1904, std::string& out) {
  CivilDate d = serial_to_date(serial, date1904);
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  out.append(buf, static_cast<size_t>(n));
  double frac = serial - std::floor(serial);
  long secs = std::lround(frac * 86400.0);
  if (secs > 0 && secs < 86400) {
    n = std::snprintf(buf, sizeof buf, "T%02ld:%02ld:%02ld", secs / 3600, (secs / 60) % 60, secs % 60);
    out.append(buf, static_cast<size_t>(n));
  }
}

void CellDisplay::raw(const Cell& c, std::string& out) const {
  switch (c.type) {
    case CellType::Empty: return;
    case CellType::Number: append_shortest(c.number, out); return;
    case CellType::Boolean: out += c.number != 0 ? "TRUE" : "FALSE"; return;
    case CellType::Date: append_iso(c.number, wb_.date1904, out); return;
    case CellType::String:
    case CellType::Error: out += wb_.text(c); return;
  }
}

}  // namespace jixiao
