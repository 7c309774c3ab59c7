// A1-style cell references: "C9" <-> (row 8, col 2), zero-based.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jixiao {

inline constexpr uint32_t kMaxRows = 1048576;
inline constexpr uint32_t kMaxCols = 16384;

struct CellPos {
  uint32_t row = 0;  // zero-based
  uint32_t col = 0;  // zero-based
  bool operator==(const CellPos&) const = default;
};

struct CellRange {
  CellPos first;
  CellPos last;  // inclusive
  bool contains(CellPos p) const {
    return p.row >= first.row && p.row <= last.row && p.col >= first.col && p.col <= last.col;
  }
  bool operator==(const CellRange&) const = default;
};

std::string column_name(uint32_t col);                    // 0 -> "A", 27 -> "AB"
std::string cell_name(CellPos p);                         // (8,2) -> "C9"
std::string range_name(const CellRange& r);              // "A1:B2", or "A1" for one cell
std::optional<uint32_t> parse_column(std::string_view s);  // "AB" -> 27; accepts lower case
namespace detail {
// parse_cell's work: row << 32 | col, or all ones when s is no cell. (An optional returned from a
// function is assembled on the stack, and reading it back stalled a sheet's reading thread: every
// cell names itself.)
uint64_t parse_cell_packed(std::string_view s);
}  // namespace detail

// "C9", "$C$9", "c9" -> position; rejects out-of-range rows/columns.
inline std::optional<CellPos> parse_cell(std::string_view s) {
  const uint64_t v = detail::parse_cell_packed(s);
  if (v == ~uint64_t{0}) return std::nullopt;
  return CellPos{static_cast<uint32_t>(v >> 32), static_cast<uint32_t>(v)};
}
// "A1:B2" or "A1" (a single cell); the corners are normalised so first <= last.
std::optional<CellRange> parse_range(std::string_view s);

}  // namespace jixiao
