#include "readers/cell_ref.h"

#include <algorithm>

namespace jixiao {

std::string column_name(uint32_t col) {
  char buf[8];
  int n = 0;
  uint32_t c = col + 1;
  while (c > 0 && n < 8) {
    uint32_t rem = (c - 1) % 26;
    buf[n++] = static_cast<char>('A' + rem);
    c = (c - 1) / 26;
  }
  std::string s(buf, n);
  std::reverse(s.begin(), s.end());
  return s;
}

std::string cell_name(CellPos p) { return column_name(p.col) + std::to_string(p.row + 1); }

std::string range_name(const CellRange& r) {
  if (r.first == r.last) return cell_name(r.first);
  return cell_name(r.first) + ":" + cell_name(r.last);
}

std::optional<uint32_t> parse_column(std::string_view s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  uint32_t v = 0;
  for (char ch : s) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') return std::nullopt;
    v = v * 26 + static_cast<uint32_t>(ch - 'A' + 1);
  }
  if (v == 0 || v > kMaxCols) return std::nullopt;
  return v - 1;
}

// One pass: every cell of a sheet names itself ("T12345"), so this runs a million times a sheet.
constexpr uint64_t kNotACell = ~uint64_t{0};
uint64_t detail::parse_cell_packed(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '$') ++i;
  const size_t col_start = i;
  uint32_t col = 0;
  for (; i < s.size(); ++i) {
    const char ch = static_cast<char>(s[i] & ~0x20);  // a-z as A-Z; other bytes stay no letter
    if (ch < 'A' || ch > 'Z') break;
    if (i - col_start == 3) return kNotACell;
    col = col * 26 + static_cast<uint32_t>(ch - 'A' + 1);
  }
  if (col == 0 || col > kMaxCols) return kNotACell;
  if (i < s.size() && s[i] == '$') ++i;
  if (i >= s.size()) return kNotACell;
  uint64_t row = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return kNotACell;
    row = row * 10 + static_cast<uint64_t>(s[i] - '0');
    if (row > kMaxRows) return kNotACell;
  }
  if (row == 0) return kNotACell;
  return (row - 1) << 32 | (col - 1);
}

std::optional<CellRange> parse_range(std::string_view s) {
  auto colon = s.find(':');
  auto a = parse_cell(s.substr(0, colon));
  if (!a) return std::nullopt;
  if (colon == std::string_view::npos) return CellRange{*a, *a};
  auto b = parse_cell(s.substr(colon + 1));
  if (!b) return std::nullopt;
  return CellRange{{std::min(a->row, b->row), std::min(a->col, b->col)},
                   {std::max(a->row, b->row), std::max(a->col, b->col)}};
}

}  // namespace jixiao
