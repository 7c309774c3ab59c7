#include "mapping/sheet_view.h"

#include <algorithm>

#include "mapping/label_text.h"
#include "readers/cell_display.h"
#include "readers/number_format.h"

namespace jixiao {

SheetView::SheetView(const Workbook& wb, const Sheet& sheet, std::string file)
    : wb_(wb), sheet_(sheet), file_(std::move(file)) {
  CellDisplay display(wb);
  std::string text;
  // Room for every cell at once, as the reader does for the grid: a large reservation is address
  // space only (pages are touched as cells arrive), while growing by doubling held the old and the
  // new array together, 1.5x the finished view, at the moment the grid is also held: check's peak on
  // a 1 M-cell sheet.
  cells_.reserve(sheet.cells.size());
  for (const Cell& c : sheet.cells) {
    text.clear();
    display.display(c, text);
    if (text.empty()) continue;
    ViewCell v;
    v.pos = c.pos();
    v.text = text;
    v.canon = canonical_label(text);
    v.head = inline_head(text);
    v.cell = &c;
    rows_ = std::max(rows_, c.row + 1);
    cols_ = std::max(cols_, c.col + 1);
    cells_.push_back(std::move(v));
  }
  for (uint32_t i = 0; i < cells_.size(); ++i) {
    by_canon_[cells_[i].canon].push_back(i);
    if (!cells_[i].head.empty()) by_head_[cells_[i].head].push_back(i);
  }
  row_start_.assign(rows_ + 1, cells_.size());
  for (size_t i = cells_.size(); i-- > 0;) row_start_[cells_[i].pos.row] = i;
  for (size_t r = rows_; r-- > 0;)
    if (row_start_[r] > row_start_[r + 1]) row_start_[r] = row_start_[r + 1];
}

const std::vector<uint32_t>& SheetView::with_canon(const std::string& s) const {
  static const std::vector<uint32_t> kNone;
  auto it = by_canon_.find(s);
  return it == by_canon_.end() ? kNone : it->second;
}

const std::vector<uint32_t>& SheetView::with_head(const std::string& s) const {
  static const std::vector<uint32_t> kNone;
  auto it = by_head_.find(s);
  return it == by_head_.end() ? kNone : it->second;
}

const ViewCell* SheetView::at(CellPos p) const {
  if (p.row >= rows_) return nullptr;
  for (size_t i = row_start_[p.row]; i < row_start_[p.row + 1]; ++i)
    if (cells_[i].pos.col == p.col) return &cells_[i];
  return nullptr;
}

const CellRange* SheetView::merge_of(CellPos p) const {
  for (const CellRange& m : sheet_.merges)
    if (m.contains(p)) return &m;
  return nullptr;
}

const ViewCell* SheetView::shown(CellPos p) const {
  if (const CellRange* m = merge_of(p)) return at(m->first);
  return at(p);
}

RowCells SheetView::row(uint32_t r) const {
  if (r >= rows_) return {nullptr, nullptr};
  return {cells_.data() + row_start_[r], cells_.data() + row_start_[r + 1]};
}

bool SheetView::row_blank(uint32_t r) const { return r >= rows_ || row_start_[r] == row_start_[r + 1]; }

std::optional<ReadNumber> parse_number_text(std::string_view text) {
  std::string t = normalize_text(text, TextPurpose::Label);  // NFKC: full-width digits, ％ and spaces handled
  if (t.empty()) return std::nullopt;
  ReadNumber r;
  r.from_text = true;
  // A unit typed after the number, as the record reads it: "4753.66万元" in a 万元 table, "99.55分".
  for (std::string_view unit : {"万元", "分"})
    if (t.size() > unit.size() && t.compare(t.size() - unit.size(), unit.size(), unit) == 0) {
      t.resize(t.size() - unit.size());
      break;
    }
  if (t.empty()) return std::nullopt;
  if (t.back() == '%') {
    r.percent = true;
    t.pop_back();
  }
  // A minus written as U+2212 or a full-width hyphen after NFKC is "−": accept it.
  if (t.rfind("\xE2\x88\x92", 0) == 0) t.replace(0, 3, "-");
  auto d = Decimal::parse(t);
  if (!d) return std::nullopt;
  r.value = r.percent ? *Decimal::divide(*d, Decimal::from_int(100)) : *d;
  return r;
}

std::optional<ReadNumber> read_number(const SheetView& v, const ViewCell& c) {
  if (c.cell && (c.cell->type == CellType::Number)) {
    ReadNumber r;
    auto value = Decimal::from_double(c.cell->number);
    if (!value) return std::nullopt;  // NaN or past ±9.2e12: not a number jixiao can check
    r.value = *value;
    std::string_view code = v.workbook().format_code(*c.cell);
    r.percent = code.find('%') != std::string_view::npos;
    return r;
  }
  if (c.cell && c.cell->type == CellType::String) return parse_number_text(c.text);
  return std::nullopt;
}

}  // namespace jixiao
