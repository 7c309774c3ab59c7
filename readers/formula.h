// Spreadsheet formulas: enough of Excel's language to compute cells that were saved without a
// cached value (openpyxl and other generators write none), and to expand shared formulas.
// Supported: numbers, strings, booleans, + - * / ^ & (unary - and +, %), comparisons = <> < <= > >=,
// parentheses, cell and range references (A1, $A$1, A1:B5, A:A, 1:1, Sheet1!A1, 'My sheet'!A1:B2),
// SUM AVERAGE MIN MAX COUNT COUNTA ROUND ABS IF AND OR CONCATENATE HYPERLINK REPT LEN DATE, and
// defined names that stand for a cell or range reference. Anything else is "unsupported", never a
// guess.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/cell_ref.h"

namespace jixiao::formula {

struct Value {
  enum class Kind { Empty, Number, String, Boolean, Error };
  Kind kind = Kind::Empty;
  double number = 0;  // Number, or Boolean as 0/1
  std::string text;   // String, or the error code such as "#DIV/0!"

  static Value empty() { return {}; }
  static Value num(double v) { return {Kind::Number, v, {}}; }
  static Value str(std::string s) { return {Kind::String, 0, std::move(s)}; }
  static Value boolean(bool b) { return {Kind::Boolean, b ? 1.0 : 0.0, {}}; }
  static Value error(std::string code) { return {Kind::Error, 0, std::move(code)}; }
};

// What the evaluator may ask of the workbook. Sheets are identified by index.
class Context {
 public:
  virtual ~Context() = default;
  virtual std::optional<int> sheet_index(std::string_view name) const = 0;  // case-insensitive
  // The value of one cell (Empty when the cell does not exist). May itself evaluate a formula.
  virtual Value cell(int sheet, CellPos pos) = 0;
  // Calls fn for every non-empty cell inside range, row by row; used for ranges so that A:A does
  // not visit a million empty cells.
  virtual void for_each_cell(int sheet, const CellRange& range,
                             const std::function<void(CellPos, const Value&)>& fn) = 0;
  // The text a defined name stands for, as the workbook stores it ("Params!$B$1"), looking first
  // for a name local to current_sheet; nullopt when there is no such name. Only names that are a
  // plain cell or range reference can be evaluated.
  virtual std::optional<std::string> defined_name(std::string_view name, int current_sheet) const {
    return std::nullopt;
  }
  // Whether serial numbers count from 1904 (DATE is only computed in the 1900 system).
  virtual bool date1904() const { return false; }
};

struct Result {
  bool supported = false;  // false: the formula uses something outside the supported language
  Value value;
  std::string reason;      // why unsupported, in Chinese, e.g. "不支持的函数 VLOOKUP"
};

// One end of a reference as written: where its column and row parts sit in the text ($ included),
// so that a rewrite (shift_formula, the template fill's row shifting) changes only what moves.
struct RefEnd {
  uint32_t col = 0, row = 0;  // zero-based
  bool col_abs = false, row_abs = false;
  size_t col_begin = 0, col_end = 0;  // [begin, end) of "$AB" (empty for a whole-row reference)
  size_t row_begin = 0, row_end = 0;  // [begin, end) of "$12" (empty for a whole-column reference)
};

struct RefToken {
  enum class Kind { Cell, Area, Columns, Rows, RefError };  // A1, A1:B2, A:C, 1:3, Sheet!#REF!
  Kind kind = Kind::Cell;
  bool has_sheet = false;
  std::string sheet;            // unquoted, '' already collapsed
  size_t body_begin = 0;        // where the reference proper starts (after "Sheet!")
  RefEnd a, b;                  // b == a for Cell
  std::string unsupported;      // non-empty: 3-D or external reference (shift still moves it)
};

// A reference and where its token sits in the formula text ([begin, end), the sheet prefix included).
struct ReferenceAt {
  size_t begin = 0, end = 0;
  RefToken ref;
};

// Every reference of a formula, in text order; never fails (text that is no reference is skipped).
std::vector<ReferenceAt> references(std::string_view formula);

// Parsed formulas kept for evaluate: a formula that differs from one parsed before only in where
// its references point (a column of =I2+J2, =I3+J3, ... as generators write them) is not parsed
// again; its references are read from its own text. For one workbook (a sheet named in a formula
// is looked up when the formula is first parsed) and one thread at a time.
class ParseCache {
 public:
  ParseCache();
  ~ParseCache();
  ParseCache(const ParseCache&) = delete;
  ParseCache& operator=(const ParseCache&) = delete;
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

// formula: the text as stored in <f>, without a leading '='. The result is the same with a cache
// or without.
Result evaluate(std::string_view formula, int current_sheet, Context& ctx, ParseCache* cache = nullptr);

// The formula as it reads in a cell drow rows and dcol columns away from where it was written:
// relative references move, $-anchored parts stay (Excel's shared-formula rule). References that
// would leave the sheet become #REF!.
std::string shift_formula(std::string_view formula, int32_t drow, int32_t dcol);

}  // namespace jixiao::formula
