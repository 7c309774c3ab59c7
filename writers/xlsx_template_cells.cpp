// The output cells of the XLSX template fill: computing their formulas with jixiao's evaluator and
// streaming them as sheet XML with a string builder (a 100,000-row list never becomes a DOM).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "writers/xlsx_template_internal.h"

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

void append_sheet_rows(std::string& out, const OutSheet& o, const std::string& P) {
  // Element names with the sheet's prefix, built once (a 100,000-row list writes millions of them).
  const std::string row_open = std::string("<") + P + "row r=\"", row_close = std::string("</") + P + "row>";
  const std::string c_open = std::string("<") + P + "c r=\"", c_close = std::string("</") + P + "c>";
  const std::string v_open = std::string("<") + P + "v>", v_close = std::string("</") + P + "v>";
  const std::string f_open = std::string("<") + P + "f", f_close = std::string("</") + P + "f>";
  const std::string is_open = std::string(" t=\"inlineStr\"><") + P + "is><" + P + "t", is_close = std::string("</") + P + "t></" + P + "is>";
  char rnum[16];
  for (const OutRow& r : o.rows) {
    auto rn = std::to_chars(rnum, rnum + sizeof rnum, r.row + 1);
    std::string_view row_text(rnum, rn.ptr - rnum);
    out += row_open;
    out += row_text;
    out += '"';
    out += r.tmpl->attrs;
    if (r.first == r.end) {
      out += "/>";
      continue;
    }
    out += '>';
    for (size_t i = r.first; i < r.end; ++i) {
      const OutCell& c = o.cells[i];
      const TemplateCell& t = *c.tmpl;
      out += c_open;
      out += t.colname;
      out += row_text;
      out += '"';
      out += t.attrs;
      switch (c.kind) {
        case OutCell::Kind::Static:
          if (!t.t.empty()) {
            out += " t=\"";
            append_escaped(out, t.t, true);
            out += '"';
          }
          if (t.inner.empty()) {
            out += "/>";
            continue;
          }
          out += '>';
          out += t.inner;
          break;
        case OutCell::Kind::Empty:
          out += "/>";
          continue;
        case OutCell::Kind::Number:
          out += '>';
          out += v_open;
          out += c.aux;
          out += v_close;
          break;
        case OutCell::Kind::Boolean:
          out += " t=\"b\">";
          out += v_open;
          out += c.value.number != 0 ? '1' : '0';
          out += v_close;
          break;
        case OutCell::Kind::String: {
          out += is_open;
          const std::string& s = c.str ? *c.str : c.value.text;
          bool keep_space = !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.find_first_of("\n\t\r") != std::string::npos);
          if (keep_space) out += " xml:space=\"preserve\"";
          out += '>';
          append_escaped(out, s, false);
          out += is_close;
          break;
        }
        case OutCell::Kind::Formula: {
          const Value& v = c.value;
          bool have = c.state == 2;
          if (have && v.kind == Value::Kind::String) out += " t=\"str\"";
          if (have && v.kind == Value::Kind::Boolean) out += " t=\"b\"";
          if (have && v.kind == Value::Kind::Error) out += " t=\"e\"";
          out += '>';
          out += f_open;
          if (t.array) {
            out += " t=\"array\" ref=\"";
            out += t.colname;
            out += row_text;
            out += '"';
          }
          out += '>';
          append_escaped(out, c.aux, false);
          out += f_close;
          if (have) {
            out += v_open;
            if (v.kind == Value::Kind::Number) append_number(out, v.number);
            else if (v.kind == Value::Kind::Boolean) out += v.number != 0 ? '1' : '0';
            else if (v.kind == Value::Kind::Empty) out += '0';
            else append_escaped(out, v.text, false);
            out += v_close;
          }
          break;
        }
      }
      out += c_close;
    }
    out += row_close;
  }
}

}  // namespace jixiao::xlsx_fill
