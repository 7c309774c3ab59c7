// Any text as a formula: the parser and evaluator answer with a value or "unsupported", and the
// shared-formula shifter with text, over a small workbook of fixed cells. Never a crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "readers/formula.h"

namespace {

using jixiao::CellPos;
using jixiao::CellRange;
using jixiao::formula::Value;

// Two sheets; A1:C3 hold numbers, text, a boolean and an error; everything else is empty.
class FixedContext : public jixiao::formula::Context {
 public:
  std::optional<int> sheet_index(std::string_view name) const override {
    if (name == "Sheet1" || name == "sheet1") return 0;
    if (name == "数据") return 1;
    return std::nullopt;
  }
  Value cell(int sheet, CellPos p) override {
    if (sheet < 0 || sheet > 1 || p.row > 2 || p.col > 2) return {};
    switch ((p.row * 3 + p.col + static_cast<uint32_t>(sheet)) % 5) {
      case 0: return Value::num(p.row + 0.5 * p.col);
      case 1: return Value::str("文本" + std::to_string(p.col));
      case 2: return Value::boolean(p.row % 2 == 0);
      case 3: return Value::error("#N/A");
      default: return Value::num(-3);
    }
  }
  void for_each_cell(int sheet, const CellRange& r, const std::function<void(CellPos, const Value&)>& fn) override {
    for (uint32_t row = r.first.row; row <= std::min<uint32_t>(r.last.row, 2); ++row)
      for (uint32_t col = r.first.col; col <= std::min<uint32_t>(r.last.col, 2); ++col) {
        Value v = cell(sheet, {row, col});
        if (v.kind != Value::Kind::Empty) fn({row, col}, v);
      }
  }
  std::optional<std::string> defined_name(std::string_view name, int) const override {
    if (name == "Total") return std::string("Sheet1!$A$1:$C$3");
    if (name == "Self") return std::string("Self");
    return std::nullopt;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // real formulas are at most 8,192 characters; keep runs fast
  std::string_view text(reinterpret_cast<const char*>(data), size);
  FixedContext ctx;
  (void)jixiao::formula::evaluate(text, 0, ctx);
  (void)jixiao::formula::shift_formula(text, 3, -1);
  (void)jixiao::formula::shift_formula(text, -2, 5);
  return 0;
}
