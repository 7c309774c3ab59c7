// The output cells of the XLSX template fill: computing their formulas with jixiao's evaluator and
// streaming them as sheet XML through the XML writer (a 100,000-row list never becomes a DOM).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "writers/xlsx_template_internal.h"
#include "writers/xml_writer.h"

namespace jixiao::xlsx_fill {

using formula::Value;

namespace {

class FillContext : public formula::Context {
 public:
  using Name = NameText;
  FillContext(const WorkbookRowMaps& maps, std::vector<OutSheet>& out, std::vector<Name> names)
      : maps_(maps), out_(out), names_(std::move(names)) {}

  std::optional<int> sheet_index(std::string_view name) const override {
    int i = maps_.sheet_index(name);
    if (i < 0) return std::nullopt;
    return i;
  }
  Value cell(int sheet, CellPos pos) override {
    OutSheet& o = out_[sheet];
    if (pos.row >= o.row_cells.size() || o.row_cells[pos.row] == kNoRow) return Value::empty();
    const OutRow& r = o.rows[o.row_cells[pos.row]];
    for (size_t i = r.first; i < r.end; ++i)
      if (o.cells[i].col == pos.col) return value(sheet, o.cells[i]);
    return Value::empty();
  }
  void for_each_cell(int sheet, const CellRange& range, const std::function<void(CellPos, const Value&)>& fn) override {
    OutSheet& o = out_[sheet];
    if (o.row_cells.empty()) return;
    uint32_t last = std::min<uint32_t>(range.last.row, static_cast<uint32_t>(o.row_cells.size() - 1));
    for (uint32_t row = range.first.row; row <= last; ++row) {
      if (o.row_cells[row] == kNoRow) continue;
      const OutRow& r = o.rows[o.row_cells[row]];
      for (size_t i = r.first; i < r.end; ++i) {
        OutCell& c = o.cells[i];
        if (c.col < range.first.col || c.col > range.last.col) continue;
        Value v = value(sheet, c);
        if (v.kind != Value::Kind::Empty) fn(CellPos{c.row, c.col}, v);
      }
    }
  }
  std::optional<std::string> defined_name(std::string_view name, int current_sheet) const override {
    const Name* global = nullptr;
    for (const Name& n : names_) {
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

  Value value(int sheet, OutCell& c) {
    if (c.str) return Value::str(*c.str);
    if (c.kind != OutCell::Kind::Formula || c.state >= 2) return c.value;
    if (c.state == 1) return Value::num(0);  // a circular reference: Excel shows 0 too
    c.state = 1;
    formula::Result r = formula::evaluate(c.aux, sheet, *this);
    c.value = r.supported ? r.value : Value::empty();
    c.state = r.supported ? 2 : 3;
    return c.value;
  }

 private:
  const WorkbookRowMaps& maps_;
  std::vector<OutSheet>& out_;
  std::vector<Name> names_;
};

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

void evaluate_formulas(std::vector<OutSheet>& out, const WorkbookRowMaps& maps, std::vector<NameText> names,
                       const std::function<void(int, const OutCell&)>& unsupported) {
  FillContext ctx(maps, out, std::move(names));
  for (size_t k = 0; k < out.size(); ++k) {
    for (OutCell& c : out[k].cells) {
      if (c.kind != OutCell::Kind::Formula) continue;
      ctx.value(static_cast<int>(k), c);
      if (c.state == 3) unsupported(static_cast<int>(k), c);
    }
  }
}

void append_sheet_rows(std::string& out, const OutSheet& o, const std::string& prefix) {
  xml::Writer w(out, prefix);
  // the names a 100,000-row list writes millions of times, prepared once
  const xml::Name row("row", prefix), cell("c", prefix), value("v", prefix), formula("f", prefix),
      inline_string("is", prefix), text("t", prefix), r("r"), t("t");
  char rnum[16];
  std::string number;
  for (const OutRow& orow : o.rows) {
    auto rn = std::to_chars(rnum, rnum + sizeof rnum, orow.row + 1);
    std::string_view row_text(rnum, rn.ptr - rnum);
    w.start(row).attr(r, row_text).raw_attrs(orow.tmpl->attrs);
    for (size_t i = orow.first; i < orow.end; ++i) {
      const OutCell& c = o.cells[i];
      const TemplateCell& tc = *c.tmpl;
      w.start(cell).attr(r, tc.colname, row_text).raw_attrs(tc.attrs);
      switch (c.kind) {
        case OutCell::Kind::Static:
          if (!tc.t.empty()) w.attr(t, tc.t);
          if (!tc.inner.empty()) w.raw(tc.inner);
          break;
        case OutCell::Kind::Empty:
          break;
        case OutCell::Kind::Number:
          w.element(value, c.aux);
          break;
        case OutCell::Kind::Boolean:
          w.attr(t, "b").element(value, c.value.number != 0 ? "1" : "0");
          break;
        case OutCell::Kind::String: {
          const std::string& s = c.str ? *c.str : c.value.text;
          w.attr(t, "inlineStr").start(inline_string).start(text);
          if (!s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find_first_of("\n\t\r") != std::string::npos))
            w.attr("xml:space", "preserve");
          w.text(s).end().end();
          break;
        }
        case OutCell::Kind::Formula: {
          const Value& v = c.value;
          bool have = c.state == 2;
          if (have && v.kind == Value::Kind::String) w.attr(t, "str");
          if (have && v.kind == Value::Kind::Boolean) w.attr(t, "b");
          if (have && v.kind == Value::Kind::Error) w.attr(t, "e");
          w.start(formula);
          if (tc.array) w.attr(t, "array").attr("ref", tc.colname, row_text);
          w.text(c.aux).end();
          if (have) {
            number.clear();
            if (v.kind == Value::Kind::Number) append_number(number, v.number);
            else if (v.kind == Value::Kind::Boolean) number = v.number != 0 ? "1" : "0";
            else if (v.kind == Value::Kind::Empty) number = "0";
            w.element(value, v.kind == Value::Kind::String || v.kind == Value::Kind::Error ? std::string_view(v.text)
                                                                                          : std::string_view(number));
          }
          break;
        }
      }
      w.end();
    }
    w.end();
  }
}

}  // namespace jixiao::xlsx_fill
