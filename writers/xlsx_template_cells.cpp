// The output cells of the XLSX template fill: made row by row from the template and the data, their
// formulas computed with jixiao's evaluator (a formula reads any cell, made again on demand), and
// streamed as sheet XML through the XML writer, a piece at a time, into the package's deflate: a
// 100,000-row list is never whole in memory, as cells, DOM or text.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "writers/xlsx_template_internal.h"
#include "writers/xml_writer.h"

namespace jixiao::xlsx_fill {

using formula::Value;

namespace {

// A computed number as Excel would store it: 15 significant digits, so 0.1+0.2 is 0.3.
void append_number(std::string& out, double v) {
  if (v == 0) {
    out += '0';
    return;
  }
  char buf[32];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.15g", v);
  }
  out += buf;
}

}  // namespace

struct OutputCells::Slot {
  double number = 0;
  uint32_t text = 0;  // String, Error: index into texts_
  uint8_t kind = 0;   // Value::Kind
  uint8_t state = 0;  // 0 not computed, 1 computing, 2 done, 3 unsupported (no value)
};

OutputCells::OutputCells(const WorkbookRowMaps& maps, std::vector<SheetLayout> sheets, std::vector<NameText> names,
                         CellMaker& maker)
    : maps_(maps), sheets_(std::move(sheets)), names_(std::move(names)), maker_(maker) {
  slots_.resize(sheets_.size());
  for (size_t k = 0; k < sheets_.size(); ++k)
    for (uint32_t copies : sheets_[k].formula_copies) slots_[k].emplace_back(copies);
}

OutputCells::~OutputCells() = default;

bool OutputCells::locate(int sheet, uint32_t row, RowSource& at) const {
  const SheetLayout& layout = sheets_[sheet];
  if (!layout.rows || row >= layout.end) return false;
  int64_t shift = 0;  // output row minus template row, outside the blocks passed
  at.block = -1;
  at.copy = 0;
  uint32_t t = 0;
  bool found = false;
  const std::vector<RowBlock>& blocks = maps_.maps[sheet].blocks();
  for (size_t b = 0; b < blocks.size() && !found; ++b) {
    const RowBlock& blk = blocks[b];
    if (row < blk.out_first) {
      t = static_cast<uint32_t>(row - shift);
      found = true;
    } else if (uint64_t span = uint64_t{blk.copies} * blk.height(); row < blk.out_first + span) {
      uint32_t offset = row - blk.out_first;
      at.block = static_cast<int>(b);
      at.copy = offset / blk.height();
      t = blk.first + offset % blk.height();
      found = true;
    } else {
      shift = static_cast<int64_t>(blk.out_first + span) - (int64_t{blk.last} + 1);
    }
  }
  if (!found) t = static_cast<uint32_t>(row - shift);
  const std::vector<TemplateRow>& rows = *layout.rows;
  auto it = std::lower_bound(rows.begin(), rows.end(), t, [](const TemplateRow& r, uint32_t v) { return r.row < v; });
  if (it == rows.end() || it->row != t) return false;
  at.tmpl = &*it;
  return true;
}

OutputCells::Slot& OutputCells::slot(int sheet, const RowSource& at, const TemplateCell& c) {
  return slots_[sheet][c.formula_index][at.block < 0 ? 0 : at.copy];
}

Value OutputCells::slot_value(const Slot& s) const {
  if (s.state != 2) return Value::empty();
  switch (static_cast<Value::Kind>(s.kind)) {
    case Value::Kind::Number: return Value::num(s.number);
    case Value::Kind::Boolean: return Value::boolean(s.number != 0);
    case Value::Kind::String: return Value::str(texts_[s.text]);
    case Value::Kind::Error: return Value::error(texts_[s.text]);
    case Value::Kind::Empty: break;
  }
  return Value::empty();
}

OutputCells::Slot& OutputCells::compute(int sheet, const RowSource& at, const TemplateCell& c, std::string* text) {
  Slot& s = slot(sheet, at, c);  // slots never move: sized once
  if (s.state != 0 && !text) return s;
  std::string f = c.formula.apply(maps_, ShiftSite{sheet, at.block, at.copy});
  if (s.state == 0) {
    s.state = 1;
    formula::Result r = formula::evaluate(f, sheet, *this);
    if (r.supported) {
      s.kind = static_cast<uint8_t>(r.value.kind);
      s.number = r.value.number;
      if (r.value.kind == Value::Kind::String || r.value.kind == Value::Kind::Error) {
        s.text = static_cast<uint32_t>(texts_.size());
        texts_.push_back(std::move(r.value.text));
      }
    }
    s.state = r.supported ? 2 : 3;
  }
  if (text) *text = std::move(f);
  return s;
}

void OutputCells::formula(int sheet, const RowSource& at, const TemplateCell& c, OutCell& out) {
  out.kind = OutCell::Kind::Formula;
  const Slot& s = compute(sheet, at, c, &out.aux);
  out.computed = s.state == 2;
  out.value = slot_value(s);
}

Value OutputCells::value(int sheet, const RowSource& at, const TemplateCell& c) {
  if (c.kind == TemplateCell::Kind::Formula) {
    const Slot& s = compute(sheet, at, c, nullptr);
    return s.state == 1 ? Value::num(0) : slot_value(s);  // a circular reference: Excel shows 0 too
  }
  if (c.kind == TemplateCell::Kind::Static) return c.value;
  OutCell out;
  if (!maker_.make_cell(sheet, at, c, out, true)) return Value::empty();
  if (out.str) return Value::str(*out.str);
  return out.value;
}

std::optional<int> OutputCells::sheet_index(std::string_view name) const {
  int i = maps_.sheet_index(name);
  if (i < 0) return std::nullopt;
  return i;
}

Value OutputCells::cell(int sheet, CellPos pos) {
  RowSource at;
  if (!locate(sheet, pos.row, at)) return Value::empty();
  const std::vector<TemplateCell>& cells = at.tmpl->cells;
  auto it = std::lower_bound(cells.begin(), cells.end(), pos.col,
                             [](const TemplateCell& c, uint32_t col) { return c.col < col; });
  if (it == cells.end() || it->col != pos.col) return Value::empty();
  return value(sheet, at, *it);
}

void OutputCells::for_each_cell(int sheet, const CellRange& range, const std::function<void(CellPos, const Value&)>& fn) {
  const SheetLayout& layout = sheets_[sheet];
  if (!layout.rows || layout.end == 0) return;
  uint32_t last = std::min<uint32_t>(range.last.row, layout.end - 1);
  for (uint32_t row = range.first.row; row <= last; ++row) {
    RowSource at;
    if (!locate(sheet, row, at)) continue;
    for (const TemplateCell& c : at.tmpl->cells) {
      if (c.col < range.first.col || c.col > range.last.col) continue;
      Value v = value(sheet, at, c);
      if (v.kind != Value::Kind::Empty) fn(CellPos{row, c.col}, v);
    }
  }
}

std::optional<std::string> OutputCells::defined_name(std::string_view name, int current_sheet) const {
  const NameText* global = nullptr;
  for (const NameText& n : names_) {
    if (n.name.size() != name.size() || !std::equal(n.name.begin(), n.name.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        }))
      continue;
    if (n.local == current_sheet) return n.value;
    if (n.local < 0) global = &n;
  }
  if (global) return global->value;
  return std::nullopt;
}

SheetRowWriter::SheetRowWriter(OutputCells& cells, CellMaker& maker, int sheet, uint32_t end, std::string prefix,
                               Unsupported unsupported)
    : cells_(cells),
      maker_(maker),
      sheet_(sheet),
      end_(end),
      prefix_(std::move(prefix)),
      row_name_("row", prefix_),
      cell_name_("c", prefix_),
      value_name_("v", prefix_),
      formula_name_("f", prefix_),
      inline_string_name_("is", prefix_),
      text_name_("t", prefix_),
      r_("r"),
      t_("t"),
      unsupported_(std::move(unsupported)) {}

Expected<bool> SheetRowWriter::next(std::string& out, size_t bytes) {
  xml::Writer w(out, prefix_);
  char rnum[16];
  for (; row_ < end_ && out.size() < bytes; ++row_) {
    RowSource at;
    if (!cells_.locate(sheet_, row_, at)) continue;
    const std::vector<TemplateCell>& tcells = at.tmpl->cells;
    row_cells_.resize(tcells.size());
    for (size_t i = 0; i < tcells.size(); ++i) {
      const TemplateCell& tc = tcells[i];
      OutCell& oc = row_cells_[i];
      oc.kind = OutCell::Kind::Static;
      oc.computed = false;
      oc.value = Value::empty();
      oc.aux.clear();
      oc.str = nullptr;
      if (tc.kind == TemplateCell::Kind::Formula) {
        cells_.formula(sheet_, at, tc, oc);
        if (!oc.computed) unsupported_(tc, oc, row_);
      } else if (auto ok = maker_.make_cell(sheet_, at, tc, oc, false); !ok) {
        return ok.error();
      }
    }
    auto rn = std::to_chars(rnum, rnum + sizeof rnum, row_ + 1);
    std::string_view row_text(rnum, rn.ptr - rnum);
    w.start(row_name_).attr(r_, row_text).raw_attrs(at.tmpl->attrs);
    for (size_t i = 0; i < tcells.size(); ++i) {
      const OutCell& c = row_cells_[i];
      const TemplateCell& tc = tcells[i];
      w.start(cell_name_).attr(r_, tc.colname, row_text).raw_attrs(tc.attrs);
      switch (c.kind) {
        case OutCell::Kind::Static:
          if (!tc.t.empty()) w.attr(t_, tc.t);
          if (!tc.inner.empty()) w.raw(tc.inner);
          break;
        case OutCell::Kind::Empty:
          break;
        case OutCell::Kind::Number:
          w.element(value_name_, c.aux);
          break;
        case OutCell::Kind::Boolean:
          w.attr(t_, "b").element(value_name_, c.value.number != 0 ? "1" : "0");
          break;
        case OutCell::Kind::String: {
          const std::string& s = c.str ? *c.str : c.value.text;
          w.attr(t_, "inlineStr").start(inline_string_name_).start(text_name_);
          if (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find_first_of("\n\t\r") != std::string::npos))
            w.attr("xml:space", "preserve");
          w.text(s).end().end();
          break;
        }
        case OutCell::Kind::Formula: {
          const Value& v = c.value;
          bool have = c.computed;
          if (have && v.kind == Value::Kind::String) w.attr(t_, "str");
          if (have && v.kind == Value::Kind::Boolean) w.attr(t_, "b");
          if (have && v.kind == Value::Kind::Error) w.attr(t_, "e");
          w.start(formula_name_);
          if (tc.array) w.attr(t_, "array").attr("ref", tc.colname, row_text);
          w.text(c.aux).end();
          if (have) {
            number_.clear();
            if (v.kind == Value::Kind::Number) append_number(number_, v.number);
            else if (v.kind == Value::Kind::Boolean) number_ += v.number != 0 ? '1' : '0';
            else if (v.kind == Value::Kind::Empty) number_ += '0';
            w.element(value_name_, v.kind == Value::Kind::String || v.kind == Value::Kind::Error
                                       ? std::string_view(v.text)
                                       : std::string_view(number_));
          }
          break;
        }
      }
      w.end();
    }
    w.end();
  }
  return row_ < end_;
}

}  // namespace jixiao::xlsx_fill
