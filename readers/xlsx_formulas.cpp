// Formulas saved without a cached value (openpyxl and other generators): computed on load through
// readers/formula.h, in dependency order, with cycles and unsupported functions reported.
#include <cctype>
#include <unordered_set>

#include "core/ascii.h"
#include "readers/formula.h"
#include "readers/xlsx_internal.h"

namespace jixiao::xlsx {

namespace {

class WorkbookContext : public formula::Context {
 public:
  WorkbookContext(Workbook& wb, Diagnostics& diags, formula::ParseCache& cache)
      : wb_(wb), diags_(diags), cache_(cache) {}

  // Confines the context to one row of one sheet (a streamed row, the only cells at hand): a
  // formula that asks for anything else marks the context as having reached outside.
  void confine(int sheet, uint32_t row) { confined_ = {sheet, row}; }
  bool reached_outside() const { return outside_; }

  std::optional<int> sheet_index(std::string_view name) const override {
    const Sheet* s = wb_.sheet(name);
    if (!s) return std::nullopt;
    return static_cast<int>(s - wb_.sheets.data());
  }

  std::optional<std::string> defined_name(std::string_view name, int current_sheet) const override {
    if (confined_) outside_ = true;
    auto same = [&](const std::string& a) { return ascii_iequal(a, name); };
    const DefinedName* global = nullptr;
    for (const DefinedName& dn : wb_.names) {
      if (!same(dn.name)) continue;
      if (dn.local_sheet && static_cast<int>(*dn.local_sheet) == current_sheet) return dn.value;
      if (!dn.local_sheet && !global) global = &dn;
    }
    if (global) return global->value;
    return std::nullopt;
  }

  formula::Value cell(int sheet, CellPos pos) override {
    if (confined_ && (sheet != confined_->first || pos.row != confined_->second)) outside_ = true;
    if (sheet < 0 || static_cast<size_t>(sheet) >= wb_.sheets.size()) return formula::Value::error("#REF!");
    Sheet& s = wb_.sheets[static_cast<size_t>(sheet)];
    size_t i = s.lower_bound(pos);
    if (i >= s.cells.size() || s.cells[i].row != pos.row || s.cells[i].col != pos.col) return {};
    return value_of(sheet, i);
  }

  void for_each_cell(int sheet, const CellRange& range,
                     const std::function<void(CellPos, const formula::Value&)>& fn) override {
    if (confined_ && (sheet != confined_->first || range.first.row != confined_->second ||
                      range.last.row != confined_->second))
      outside_ = true;
    if (sheet < 0 || static_cast<size_t>(sheet) >= wb_.sheets.size()) return;
    Sheet& s = wb_.sheets[static_cast<size_t>(sheet)];
    size_t i = s.lower_bound(range.first);
    for (; i < s.cells.size() && s.cells[i].row <= range.last.row; ++i) {
      const Cell& c = s.cells[i];
      if (c.col < range.first.col) continue;
      if (c.col > range.last.col) {
        // jump to the next row's first column
        if (c.row == range.last.row) break;
        i = s.lower_bound({c.row + 1, range.first.col}) - 1;
        continue;
      }
      formula::Value v = value_of(sheet, i);
      if (v.kind != formula::Value::Kind::Empty) fn(c.pos(), v);
    }
  }

  bool date1904() const override { return wb_.date1904; }

  void clear_taint() { taint_.clear(); }

  // Computes cell i of sheet if it still needs a value.
  void evaluate(int sheet, size_t i) {
    Sheet& s = wb_.sheets[static_cast<size_t>(sheet)];
    Cell& c = s.cells[i];
    if (!(c.flags & Cell::kNoCachedValue) || (c.flags & (Cell::kEvaluated | Cell::kUnsupported))) return;
    const uint64_t key = (static_cast<uint64_t>(sheet) << 40) | i;
    if (in_progress_.count(key) || depth_ > 2000) {
      taint_ = "存在循环引用";
      return;
    }
    // A formula that depends on a cycle or on an uncomputable cell is itself uncomputable.
    std::string outer_taint = std::move(taint_);
    taint_.clear();
    in_progress_.insert(key);
    ++depth_;
    formula::Result r = formula::evaluate(s.formulas[c.formula], sheet, *this, &cache_);
    --depth_;
    in_progress_.erase(key);
    Cell& cell = wb_.sheets[static_cast<size_t>(sheet)].cells[i];  // vectors are not resized here
    if (!taint_.empty() && r.supported) {
      r.supported = false;
      r.reason = taint_;
    }
    if (taint_.empty()) taint_ = std::move(outer_taint);
    if (!r.supported) {
      cell.flags |= Cell::kUnsupported;
      cell.type = CellType::Empty;
      diags_.warn("xlsx.formula_unsupported",
                  "公式 =" + s.formulas[cell.formula] + " 没有保存计算结果，且" + r.reason +
                      "，无法计算，按空值显示；请在 Excel/WPS 中打开并保存一次以写入结果",
                  wb_.file, s.part, s.name, cell_name(cell.pos()));
      if (taint_.empty()) taint_ = "引用了无法计算的单元格 " + s.name + "!" + cell_name(cell.pos());
      return;
    }
    cell.flags |= Cell::kEvaluated;
    switch (r.value.kind) {
      case formula::Value::Kind::Empty:
        cell.type = CellType::Number;
        cell.number = 0;
        break;
      case formula::Value::Kind::Number:
        cell.type = CellType::Number;
        cell.number = r.value.number;
        break;
      case formula::Value::Kind::Boolean:
        cell.type = CellType::Boolean;
        cell.number = r.value.number;
        break;
      case formula::Value::Kind::String:
        cell.type = CellType::String;
        cell.text = wb_.strings.add(r.value.text);
        break;
      case formula::Value::Kind::Error:
        cell.type = CellType::Error;
        cell.text = wb_.strings.add(r.value.text);
        break;
    }
  }

 private:
  formula::Value value_of(int sheet, size_t i) {
    evaluate(sheet, i);
    const Cell& c = wb_.sheets[static_cast<size_t>(sheet)].cells[i];
    if ((c.flags & Cell::kUnsupported) && taint_.empty())
      taint_ = "引用了无法计算的单元格 " + wb_.sheets[static_cast<size_t>(sheet)].name + "!" + cell_name(c.pos());
    switch (c.type) {
      case CellType::Empty: return {};
      case CellType::Number:
      case CellType::Date: return formula::Value::num(c.number);
      case CellType::Boolean: return formula::Value::boolean(c.number != 0);
      case CellType::String: return formula::Value::str(std::string(wb_.text(c)));
      case CellType::Error: return formula::Value::error(std::string(wb_.text(c)));
    }
    return {};
  }

  Workbook& wb_;
  Diagnostics& diags_;
  formula::ParseCache& cache_;
  std::optional<std::pair<int, uint32_t>> confined_;
  mutable bool outside_ = false;
  std::unordered_set<uint64_t> in_progress_;
  int depth_ = 0;
  std::string taint_;  // why the formula being computed cannot be trusted, if it cannot
};

}  // namespace

bool evaluate_row_formulas(Workbook& wb, int sheet, uint32_t row, formula::ParseCache& cache) {
  Diagnostics unused;  // nothing is reported: a row that fails is read again through the grid
  WorkbookContext ctx(wb, unused, cache);
  ctx.confine(sheet, row);
  Sheet& s = wb.sheets[static_cast<size_t>(sheet)];
  for (size_t i = 0; i < s.cells.size(); ++i) {
    if (!(s.cells[i].flags & Cell::kNoCachedValue)) continue;
    ctx.evaluate(sheet, i);
    ctx.clear_taint();
    if (ctx.reached_outside() || (s.cells[i].flags & Cell::kUnsupported)) return false;
  }
  return true;
}

void evaluate_missing_formulas(Workbook& wb, Diagnostics& diags) {
  formula::ParseCache cache;
  WorkbookContext ctx(wb, diags, cache);
  for (size_t s = 0; s < wb.sheets.size(); ++s)
    for (size_t i = 0; i < wb.sheets[s].cells.size(); ++i)
      if (wb.sheets[s].cells[i].flags & Cell::kNoCachedValue) {
        ctx.evaluate(static_cast<int>(s), i);
        ctx.clear_taint();
      }
}

}  // namespace jixiao::xlsx
