#include "writers/xlsx_shift.h"

#include <algorithm>
#include <cassert>

#include "core/ascii.h"
#include "readers/formula.h"

namespace jixiao {

RowMap::RowMap(std::vector<RowBlock> blocks) : blocks_(std::move(blocks)) {
  std::sort(blocks_.begin(), blocks_.end(), [](const RowBlock& a, const RowBlock& b) { return a.first < b.first; });
  int64_t offset = 0;
  for (RowBlock& b : blocks_) {
    b.out_first = static_cast<uint32_t>(b.first + offset);
    offset += (static_cast<int64_t>(b.copies) - 1) * b.height();
  }
}

int RowMap::block_of(uint32_t r) const {
  for (size_t i = 0; i < blocks_.size(); ++i) {
    if (r < blocks_[i].first) return -1;
    if (r <= blocks_[i].last) return static_cast<int>(i);
  }
  return -1;
}

int64_t RowMap::outside(uint32_t r) const {
  int64_t offset = 0;
  for (const RowBlock& b : blocks_) {
    if (b.last >= r) break;
    offset += (static_cast<int64_t>(b.copies) - 1) * b.height();
  }
  return r + offset;
}

int64_t RowMap::in_copy(int b, uint32_t r, uint32_t i) const {
  const RowBlock& blk = blocks_[b];
  return static_cast<int64_t>(blk.out_first) + static_cast<int64_t>(i) * blk.height() + (r - blk.first);
}

bool WorkbookRowMaps::identity() const {
  return std::all_of(maps.begin(), maps.end(), [](const RowMap& m) { return m.identity(); });
}

int WorkbookRowMaps::sheet_index(std::string_view name) const {
  for (size_t i = 0; i < sheet_names.size(); ++i)
    if (sheet_names[i] == name) return static_cast<int>(i);
  auto lower = [](std::string_view s) {
    std::string o(s);
    for (char& c : o)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return o;
  };
  std::string n = lower(name);
  for (size_t i = 0; i < sheet_names.size(); ++i)
    if (lower(sheet_names[i]) == n) return static_cast<int>(i);
  return -1;
}

std::optional<int64_t> map_row(const WorkbookRowMaps& m, int target_sheet, uint32_t row, bool row_abs,
                               EndRole role, const ShiftSite& site) {
  const RowMap& rm = m.maps[target_sheet];
  int b = rm.block_of(row);
  if (b < 0) return rm.outside(row);
  const RowBlock& blk = rm.blocks()[b];
  if (blk.copies == 0) {
    if (role == EndRole::First) return static_cast<int64_t>(blk.out_first);
    if (role == EndRole::Last) return static_cast<int64_t>(blk.out_first) - 1;
    return std::nullopt;
  }
  if (!row_abs && site.sheet == target_sheet && site.block == b) return rm.in_copy(b, row, site.copy);
  return rm.in_copy(b, row, role == EndRole::Last ? blk.copies - 1 : 0);
}

namespace {
bool valid_row(int64_t r) { return r >= 0 && r < static_cast<int64_t>(kMaxRows); }
}  // namespace

FormulaShifter::FormulaShifter(std::string formula) : text_(std::move(formula)) {
  using RT = formula::RefToken;
  for (const auto& t : formula::references(text_)) {
    const RT& r = t.ref;
    if (r.kind == RT::Kind::RefError || r.kind == RT::Kind::Columns || !r.unsupported.empty()) continue;
    Ref ref;
    ref.begin = t.begin;
    ref.end = t.end;
    if (r.has_sheet) ref.sheet = r.sheet;
    ref.area = r.kind != RT::Kind::Cell;
    ref.a = {r.a.row, r.a.row_abs, r.a.row_begin, r.a.row_end};
    ref.b = {r.b.row, r.b.row_abs, r.b.row_begin, r.b.row_end};
    refs_.push_back(std::move(ref));
  }
}

std::string FormulaShifter::apply(const WorkbookRowMaps& m, const ShiftSite& site) const {
  if (refs_.empty()) return text_;
  std::string out;
  out.reserve(text_.size() + 8);
  size_t copied = 0;
  auto put_row = [&](const End& e, int64_t row) {
    out.append(text_, copied, e.begin - copied);
    if (e.abs) out += '$';
    out += std::to_string(row + 1);
    copied = e.end;
  };
  for (const Ref& r : refs_) {
    int sheet = r.sheet.empty() ? site.sheet : m.sheet_index(r.sheet);
    if (sheet < 0 || m.maps[sheet].identity()) continue;
    auto vanish = [&](const char* with) {
      out.append(text_, copied, r.begin - copied);
      out += with;
      copied = r.end;
    };
    if (!r.area) {
      auto row = map_row(m, sheet, r.a.row, r.a.abs, EndRole::Single, site);
      if (!row) {
        vanish("0");
      } else if (!valid_row(*row)) {
        vanish("#REF!");
      } else {
        put_row(r.a, *row);
      }
      continue;
    }
    bool a_first = r.a.row <= r.b.row;
    const End& f = a_first ? r.a : r.b;
    const End& l = a_first ? r.b : r.a;
    int64_t nf = *map_row(m, sheet, f.row, f.abs, EndRole::First, site);
    int64_t nl = *map_row(m, sheet, l.row, l.abs, EndRole::Last, site);
    if (nf > nl) {
      vanish("0");
    } else if (!valid_row(nf) || !valid_row(nl)) {
      vanish("#REF!");
    } else {
      const End& e1 = r.a.begin <= r.b.begin ? r.a : r.b;  // in text order
      const End& e2 = r.a.begin <= r.b.begin ? r.b : r.a;
      put_row(e1, &e1 == &f ? nf : nl);
      put_row(e2, &e2 == &f ? nf : nl);
    }
  }
  out.append(text_, copied, std::string::npos);
  return out;
}

std::string shift_formula_rows(std::string_view formula, const WorkbookRowMaps& m, const ShiftSite& site) {
  if (m.identity()) return std::string(formula);
  return FormulaShifter(std::string(formula)).apply(m, site);
}

std::optional<CellRange> shift_range(const WorkbookRowMaps& m, int sheet, const CellRange& r) {
  ShiftSite outside{sheet, -1, 0};
  int64_t nf = *map_row(m, sheet, r.first.row, true, EndRole::First, outside);
  int64_t nl = *map_row(m, sheet, r.last.row, true, EndRole::Last, outside);
  if (nf > nl || !valid_row(nf) || !valid_row(nl)) return std::nullopt;
  CellRange out = r;
  out.first.row = static_cast<uint32_t>(nf);
  out.last.row = static_cast<uint32_t>(nl);
  return out;
}

std::string shift_sqref(std::string_view sqref, const WorkbookRowMaps& m, int sheet) {
  std::string out;
  size_t i = 0;
  while (i < sqref.size()) {
    size_t j = sqref.find(' ', i);
    if (j == std::string_view::npos) j = sqref.size();
    std::string_view part = sqref.substr(i, j - i);
    i = j + 1;
    if (part.empty()) continue;
    auto r = parse_range(part);
    std::string piece;
    if (!r) {
      piece = std::string(part);  // not ours to judge
    } else if (auto s = shift_range(m, sheet, *r)) {
      piece = range_name(*s);
    } else {
      continue;
    }
    if (!out.empty()) out += ' ';
    out += piece;
  }
  return out;
}

}  // namespace jixiao
