#include "readers/workbook.h"

#include <algorithm>
#include <cmath>

#include "core/ascii.h"

namespace jixiao {

const char* cell_type_name(CellType t) {
  switch (t) {
    case CellType::Empty: return "empty";
    case CellType::Number: return "number";
    case CellType::String: return "string";
    case CellType::Boolean: return "boolean";
    case CellType::Error: return "error";
    case CellType::Date: return "date";
  }
  return "empty";
}

const char* sheet_state_name(SheetState s) {
  switch (s) {
    case SheetState::Visible: return "visible";
    case SheetState::Hidden: return "hidden";
    case SheetState::VeryHidden: return "veryHidden";
  }
  return "visible";
}

uint32_t StringPool::add(std::string_view s) {
  Entry e;
  e.offset = chars_.size();
  e.size = std::min<size_t>(s.size(), (1u << 24) - 1);
  chars_.append(s.data(), e.size);
  entries_.push_back(e);
  return static_cast<uint32_t>(entries_.size() - 1);
}

static bool before(const Cell& c, CellPos p) { return c.row < p.row || (c.row == p.row && c.col < p.col); }

size_t Sheet::lower_bound(CellPos p) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), p, before);
  return static_cast<size_t>(it - cells.begin());
}

const Cell* Sheet::find(CellPos p) const {
  size_t i = lower_bound(p);
  if (i < cells.size() && cells[i].row == p.row && cells[i].col == p.col) return &cells[i];
  return nullptr;
}

std::optional<CellRange> Sheet::value_extent() const {
  std::optional<CellRange> r;
  for (const Cell& c : cells) {
    if (c.type == CellType::Empty) continue;
    if (!r) {
      r = CellRange{c.pos(), c.pos()};
      continue;
    }
    r->first.row = std::min(r->first.row, c.row);
    r->first.col = std::min(r->first.col, c.col);
    r->last.row = std::max(r->last.row, c.row);
    r->last.col = std::max(r->last.col, c.col);
  }
  return r;
}

std::string_view Workbook::format_code(const Cell& c) const {
  if (c.style < style_formats.size() && !style_formats[c.style].empty()) return style_formats[c.style];
  return "General";
}

const Sheet* Workbook::sheet(std::string_view name) const {
  for (const Sheet& s : sheets)
    if (s.name == name) return &s;
  for (const Sheet& s : sheets)
    if (ascii_iequal(s.name, name)) return &s;
  return nullptr;
}

// Days from 1970-01-01 (Howard Hinnant's civil algorithms).
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

static CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// 1900 system: serial 1 = 1900-01-01, serial 60 = the fictitious 1900-02-29, so from 61 on the
// serial is days since 1899-12-30. 1904 system: serial 0 = 1904-01-01.
double date_to_serial(const CivilDate& d, bool date1904) {
  int64_t days = days_from_civil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
  if (date1904) return static_cast<double>(days - days_from_civil(1904, 1, 1));
  int64_t s = days - days_from_civil(1899, 12, 30);
  if (s < 61) s -= 1;  // before 1900-03-01 Excel is one day behind the real calendar
  return static_cast<double>(s);
}

CivilDate serial_to_date(double serial, bool date1904) {
  int64_t s = static_cast<int64_t>(std::floor(serial));
  if (date1904) return civil_from_days(s + days_from_civil(1904, 1, 1));
  if (s == 60) return CivilDate{1900, 2, 29};
  if (s == 0) return CivilDate{1900, 1, 0};
  if (s < 60) s += 1;
  return civil_from_days(s + days_from_civil(1899, 12, 30));
}

}  // namespace jixiao
