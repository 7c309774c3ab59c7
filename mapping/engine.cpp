#include "mapping/engine.h"

#include <algorithm>
#include <regex>
#include <set>

#include "mapping/label_text.h"
#include "readers/grid_export.h"

namespace jixiao {

namespace {

bool matches(const LabelSpec& label, const std::string& canon) {
  return std::find(label.synonyms.begin(), label.synonyms.end(), canon) != label.synonyms.end();
}

bool contains_any(const LabelSpec& label, const std::string& canon) {
  for (const auto& s : label.synonyms)
    if (canon.find(s) != std::string::npos) return true;
  return false;
}

bool in_region(const ViewCell& c, Region r) { return c.pos.row >= r.first && c.pos.row <= r.last; }

// The first cell of the region whose label equals one of the synonyms, or that starts with one of
// them followed by a colon ("项目名称：…").
const ViewCell* find_label(const SheetView& v, const LabelSpec& label, Region r, bool allow_inline = true) {
  for (const ViewCell& c : v.cells()) {
    if (!in_region(c, r)) continue;
    if (matches(label, c.canon)) return &c;
    if (allow_inline && inline_value(c.text, label.synonyms)) return &c;
  }
  return nullptr;
}

const ViewCell* find_anchor(const SheetView& v, const LabelSpec& label, Region r) {
  for (const ViewCell& c : v.cells())
    if (in_region(c, r) && (matches(label, c.canon) || contains_any(label, c.canon))) return &c;
  return nullptr;
}

std::string quoted(const std::string& raw) {
  std::string first = raw.substr(0, raw.find('|'));
  return "“" + first + "”";
}

// ---- tables --------------------------------------------------------------------------------

struct BoundColumn {
  const ColumnSpec* spec;
  uint32_t first_col, last_col;  // the header cell's span
  const ViewCell* header;
};

struct BoundTable {
  const TableSpec* spec = nullptr;
  uint32_t header_row = 0;
  uint32_t body_first = 0, body_last = 0;  // inclusive, may be empty (first > last)
  uint32_t label_first_col = 0;           // where row labels may stand
  uint32_t data_first_col = 0;
  std::vector<BoundColumn> columns;
  const ViewCell* block = nullptr;
  std::vector<const ColumnSpec*> missing;
};

// Binds the columns of a header row: each column spec to the cell whose label matches it.
std::vector<BoundColumn> bind_header(const SheetView& v, const TableSpec& t, uint32_t row) {
  std::vector<BoundColumn> out;
  for (const ViewCell* c : v.row(row)) {
    for (const ColumnSpec& col : t.columns) {
      if (!matches(col.label, c->canon)) continue;
      bool taken = false;
      for (const auto& b : out) taken |= b.spec == &col;
      if (taken) continue;
      const CellRange* m = v.merge_of(c->pos);
      out.push_back({&col, c->pos.col, m ? m->last.col : c->pos.col, c});
      break;
    }
  }
  return out;
}

std::optional<BoundTable> bind_table(const SheetView& v, const TableSpec& t, Region r) {
  BoundTable b;
  b.spec = &t;
  Region search = r;
  std::optional<uint32_t> limit_last;
  if (!t.block.empty()) {
    b.block = find_label(v, t.block, r, false);
    if (!b.block && !t.block_optional) return std::nullopt;
  }
  if (b.block) {
    const CellRange* m = v.merge_of(b.block->pos);
    search.first = b.block->pos.row;
    if (m && m->last.row > m->first.row) {
      search.last = m->last.row;
      limit_last = m->last.row;
    } else {
      search.last = std::min(r.last, b.block->pos.row + 2);
    }
    b.label_first_col = (m ? m->last.col : b.block->pos.col) + 1;
  }
  // The header row: the one binding the most columns.
  size_t best = 0;
  for (uint32_t row = search.first; row <= search.last && row < v.row_count(); ++row) {
    auto cols = bind_header(v, t, row);
    if (cols.size() > best) {
      best = cols.size();
      b.header_row = row;
      b.columns = std::move(cols);
    }
  }
  if (best == 0) return std::nullopt;
  for (const ColumnSpec& col : t.columns) {
    bool bound = false;
    for (const auto& c : b.columns) bound |= c.spec == &col;
    if (!bound && !col.optional) b.missing.push_back(&col);
  }
  std::sort(b.columns.begin(), b.columns.end(), [](auto& x, auto& y) { return x.first_col < y.first_col; });
  b.data_first_col = b.columns.front().first_col;
  // A header cell may span two rows: the body starts below its merge.
  uint32_t header_bottom = b.header_row;
  for (const auto& c : b.columns)
    if (const CellRange* m = v.merge_of(c.header->pos)) header_bottom = std::max(header_bottom, m->last.row);
  b.body_first = header_bottom + 1;
  b.body_last = limit_last ? *limit_last : r.last;
  return b;
}

// ---- reading values ------------------------------------------------------------------------

struct UnitContext {
  bool yuan = false;  // amounts are in 元: divide by 10,000
};

bool says_yuan(const std::string& text) {
  for (const auto& part : bracket_parts(text))
    if (part == "元" || part == "单位:元" || part == "单位元") return true;
  std::string n = normalize_label(text);
  return n == "单位:元" || n.rfind("单位:元", 0) == 0;
}

Field make_field(const SheetView& v, const ViewCell* c, ValueType type, const UnitContext& unit) {
  Field f;
  if (!c) return f;
  f.text = c->text;
  f.source = {v.file(), v.sheet().name, cell_name(c->pos)};
  if (type == ValueType::Text || type == ValueType::Date) return f;
  auto n = read_number(v, *c);
  if (!n) return f;
  Decimal value = n->value;
  if (n->from_text) f.note = "文本数字";
  if (type == ValueType::Amount && unit.yuan) {
    value = *Decimal::divide(value, Decimal::from_int(10000));
    f.note = f.note.empty() ? "元→万元" : f.note + "，元→万元";
  }
  if (type == ValueType::Rate && !n->percent && value > Decimal::from_units(Decimal::kOne * 3 / 2)) {
    value = *Decimal::divide(value, Decimal::from_int(100));  // 99.9 typed in a 执行率 column
    f.note = f.note.empty() ? "按百分数读取" : f.note + "，按百分数读取";
  }
  f.number = value;
  return f;
}

// The value right of a label (skipping its own merged span), or after its colon.
const ViewCell* value_right_of(const SheetView& v, const ViewCell& label, const std::set<std::string>& all_labels) {
  const CellRange* m = v.merge_of(label.pos);
  uint32_t start = (m ? m->last.col : label.pos.col) + 1;
  for (uint32_t col = start; col < v.col_count(); ++col) {
    const ViewCell* c = v.at({label.pos.row, col});
    if (!c) continue;
    if (all_labels.count(c->canon)) return nullptr;  // the next label: this value is blank
    return c;
  }
  return nullptr;
}

const ViewCell* value_below(const SheetView& v, const ViewCell& label) {
  const CellRange* m = v.merge_of(label.pos);
  uint32_t start = (m ? m->last.row : label.pos.row) + 1;
  for (uint32_t row = start; row < v.row_count() && row < start + 3; ++row)
    if (const ViewCell* c = v.shown({row, label.pos.col})) return c;
  return nullptr;
}

std::optional<Decimal> number_in_brackets(const std::string& text, const std::string& unit) {
  for (const auto& part : bracket_parts(text)) {
    std::string p = part;
    if (!unit.empty()) {
      if (p.size() <= unit.size() || p.compare(p.size() - unit.size(), unit.size(), unit) != 0) continue;
      p.erase(p.size() - unit.size());
    }
    if (auto d = Decimal::parse(p)) return d;
  }
  return std::nullopt;
}

// The value in the label's row under the nearest header above it that names the column
// ("总分" … under "得分").
Field value_under_header(const SheetView& v, const ViewCell& label, const LabelSpec& column, ValueType type, Region r) {
  for (uint32_t row = label.pos.row; row > r.first;) {
    --row;
    for (const ViewCell* h : v.row(row)) {
      if (!matches(column, h->canon)) continue;
      CellPos p{label.pos.row, h->pos.col};
      Field f = make_field(v, v.at(p), type, UnitContext{});
      f.source = {v.file(), v.sheet().name, cell_name(p)};
      return f;
    }
  }
  return {};
}

std::set<std::string> all_labels_of(const LayoutSpec& spec) {
  std::set<std::string> out;
  auto add = [&](const LabelSpec& l) { out.insert(l.synonyms.begin(), l.synonyms.end()); };
  for (const auto& v : spec.values) add(v.label);
  for (const auto& t : spec.tables) {
    add(t.block);
    for (const auto& c : t.columns) add(c.label);
  }
  return out;
}

std::string row_label_text(const std::string& text) {
  std::string c = canonical_label(text);
  for (const char* prefix : {"其中:", "其中"}) {
    if (c.rfind(prefix, 0) == 0 && c.size() > std::string_view(prefix).size()) return c.substr(std::string_view(prefix).size());
  }
  return c;
}

UnitContext unit_of(const SheetView& v, Region r, const ViewCell* block) {
  UnitContext u;
  if (block) {
    u.yuan = says_yuan(block->text);
    return u;
  }
  for (const ViewCell& c : v.cells())
    if (in_region(c, r) && c.pos.row < r.first + 4 && says_yuan(c.text)) u.yuan = true;
  return u;
}

void extract_table(const SheetView& v, const BoundTable& b, Region r, Record& rec, Diagnostics& diags) {
  const TableSpec& t = *b.spec;
  const UnitContext unit = unit_of(v, r, b.block);
  if (unit.yuan) {
    Diagnostic d;
    d.code = "mapping.unit_yuan";
    d.severity = Severity::Info;
    d.file = v.file();
    d.sheet = v.sheet().name;
    d.cell = b.block ? cell_name(b.block->pos) : cell_name(b.columns.front().header->pos);
    d.message = "金额单位为元，已按 1 万元 = 10000 元换算为万元（记录中的金额均为万元）";
    diags.add(std::move(d));
  }
  std::vector<std::string> fill(b.columns.size());
  int blank_run = 0;
  bool single_done = false;
  const size_t header_hits = b.columns.size();
  for (uint32_t row = b.body_first; row <= b.body_last && row < v.row_count(); ++row) {
    if (v.row_blank(row)) {
      if (++blank_run >= 3) break;
      continue;
    }
    blank_run = 0;
    auto cells = v.row(row);
    // The row's label: the first text left of the data columns (block label excluded).
    const ViewCell* label = nullptr;
    for (uint32_t col = b.label_first_col; col < b.data_first_col; ++col)
      if ((label = v.at({row, col}))) break;
    bool end = false, total = false;
    for (const ViewCell* c : cells) {
      if (!t.end.empty() && matches(t.end, c->canon)) end = true;
      if (!t.total.empty() && matches(t.total, c->canon) && c->pos.col <= b.data_first_col + 1) total = true;
    }
    if (end) break;
    if (header_hits >= 2 && bind_header(v, t, row).size() * 2 >= header_hits) continue;  // a repeated header

    auto read_row = [&](const std::string& prefix, FieldMap* into, bool numbers_only = false) {
      for (size_t i = 0; i < b.columns.size(); ++i) {
        const BoundColumn& bc = b.columns[i];
        if (numbers_only && (bc.spec->type == ValueType::Text || bc.spec->type == ValueType::Date)) continue;
        const ViewCell* c = nullptr;
        for (uint32_t col = bc.first_col; col <= bc.last_col && !c; ++col)
          c = bc.spec->fill_down ? v.shown({row, col}) : v.at({row, col});
        Field f = make_field(v, c, bc.spec->type, unit);
        if (bc.spec->fill_down) {
          // Category labels ("产出\n指标") are kept in their canonical form.
          if (c) fill[i] = f.text = bc.spec->weight_field.empty() ? normalize_label(c->text) : f.text;
          else if (!fill[i].empty()) f.text = fill[i];
        }
        if (!bc.spec->weight_field.empty() && !f.text.empty())
          if (auto w = number_in_brackets(f.text, "分")) (*into)[bc.spec->weight_field] = Field{w->to_string(), w, f.source, "标签中的分值"};
        if (bc.spec->weight_field.size() && !f.text.empty()) f.text = canonical_label(f.text);
        std::string key = prefix.empty() ? bc.spec->field : prefix + "." + bc.spec->field;
        if (into) (*into)[bc.spec->field] = f;
        else if (!f.text.empty() || f.number) rec.fields[key] = f;
      }
    };

    if (total) {
      if (!t.total_prefix.empty()) read_row(t.total_prefix, nullptr, true);
      break;
    }
    // A named row (年度资金总额 -> funds.*)?
    bool named = false;
    for (const RowSpec& rs : t.rows) {
      if (label && matches(rs.label, label->canon)) {
        read_row(rs.prefix, nullptr);
        named = true;
        break;
      }
    }
    if (named) continue;
    if (!t.other_rows_list.empty()) {
      FieldMap entry;
      read_row("", &entry);
      if (!t.other_label_field.empty()) {
        Field lf;
        if (label) {
          lf.text = row_label_text(label->text);
          lf.source = {v.file(), v.sheet().name, cell_name(label->pos)};
        }
        entry[t.other_label_field] = lf;
      }
      rec.lists[t.other_rows_list].push_back(std::move(entry));
      continue;
    }
    if (!t.list.empty()) {
      FieldMap entry;
      read_row("", &entry);
      bool any = false;
      for (auto& [k, f] : entry) any |= !f.text.empty() && k != "level1" && k != "level2";
      if (any) rec.lists[t.list].push_back(std::move(entry));
      continue;
    }
    if (!t.prefix.empty() && !single_done) {
      read_row(t.prefix, nullptr);
      single_done = true;
    }
  }
}

// ---- crosstab ------------------------------------------------------------------------------

void extract_crosstab(const SheetView& v, const CrosstabSpec& x, Region r, Record& rec) {
  const ViewCell* corner = find_label(v, x.corner, r, false);
  if (!corner) return;
  UnitContext none;
  std::vector<std::pair<uint32_t, const ViewCell*>> cols;  // column -> header
  for (const ViewCell* c : v.row(corner->pos.row))
    if (c->pos.col > corner->pos.col) cols.emplace_back(c->pos.col, c);
  std::vector<FieldMap> entries(cols.size());
  for (uint32_t row = corner->pos.row + 1; row <= r.last && row < v.row_count(); ++row) {
    const ViewCell* label = v.at({row, corner->pos.col});
    if (!label) continue;
    for (const CrosstabRowSpec& rs : x.rows) {
      if (!matches(rs.label, label->canon)) continue;
      for (size_t i = 0; i < cols.size(); ++i) entries[i][rs.field] = make_field(v, v.at({row, cols[i].first}), rs.type, none);
    }
  }
  for (size_t i = 0; i < cols.size(); ++i) {
    const ViewCell* h = cols[i].second;
    if (!x.total.empty() && matches(x.total, h->canon)) {
      for (auto& [k, f] : entries[i]) rec.fields[x.total_prefix + k] = f;
      continue;
    }
    Field key{h->text, std::nullopt, {v.file(), v.sheet().name, cell_name(h->pos)}, {}};
    entries[i][x.key] = key;
    rec.lists[x.list].push_back(std::move(entries[i]));
  }
}

}  // namespace

Candidate score_layout(const SheetView& v, const LayoutSpec& spec, Region r) {
  Candidate cand;
  cand.spec = &spec;
  double total = 0, found = 0;
  for (const auto& a : spec.excludes) {
    if (find_anchor(v, a.label, r)) {
      cand.missing.push_back("含有" + quoted(a.label.raw) + "，不属此版式");
      cand.confidence = 0;
      return cand;
    }
  }
  for (const auto& a : spec.anchors) {
    total += a.weight;
    if (find_anchor(v, a.label, r)) found += a.weight;
    else cand.missing.push_back("缺少" + quoted(a.label.raw));
  }
  for (const auto& val : spec.values) {
    if (val.label.empty() || val.weight <= 0) continue;
    total += val.weight;
    if (find_label(v, val.label, r)) found += val.weight;
    else if (!val.optional) cand.missing.push_back("缺少标签" + quoted(val.label.raw));
  }
  for (const auto& t : spec.tables) {
    double weight = 0;
    for (const auto& c : t.columns) weight += c.optional ? 0.3 * t.weight : t.weight;
    const bool block_counts = !t.block.empty() && !t.block_optional;
    if (block_counts) weight += t.weight;
    total += weight;
    auto b = bind_table(v, t, r);
    if (!b) {
      cand.missing.push_back("缺少表格" + quoted(t.block.empty() ? t.columns.front().label.raw : t.block.raw));
      continue;
    }
    double got = block_counts ? t.weight : 0;
    for (const auto& c : b->columns) got += c.spec->optional ? 0.3 * t.weight : t.weight;
    found += got;
    for (const ColumnSpec* m : b->missing) cand.missing.push_back("缺少表头" + quoted(m->label.raw));
  }
  for (const auto& x : spec.crosstabs) {
    total += x.weight * static_cast<double>(1 + x.rows.size());
    const ViewCell* corner = find_label(v, x.corner, r, false);
    if (!corner) {
      cand.missing.push_back("缺少表头" + quoted(x.corner.raw));
      continue;
    }
    found += x.weight;
    for (const auto& rs : x.rows) {
      bool hit = false;
      for (uint32_t row = corner->pos.row + 1; row <= r.last && !hit; ++row)
        if (const ViewCell* c = v.at({row, corner->pos.col})) hit = matches(rs.label, c->canon);
      if (hit) found += x.weight;
      else cand.missing.push_back("缺少行" + quoted(rs.label.raw));
    }
  }
  cand.found_weight = found;
  cand.confidence = total > 0 ? found / total : 0;
  return cand;
}

Record extract_record(const SheetView& v, const LayoutSpec& spec, Region r, Diagnostics& diags) {
  Record rec;
  rec.kind = spec.kind;
  rec.layout = spec.id;
  rec.profile = spec.profile;
  const std::set<std::string> labels = all_labels_of(spec);
  for (const auto& val : spec.values) {
    Field f;
    if (!val.pattern.empty()) {
      std::regex re(val.pattern);
      for (const ViewCell& c : v.cells()) {
        if (!in_region(c, r)) continue;
        std::smatch m;
        if (std::regex_search(c.text, m, re)) {
          f.text = m.size() > 1 ? m[1].str() : m[0].str();
          f.source = {v.file(), v.sheet().name, cell_name(c.pos)};
          if (val.type != ValueType::Text) f.number = Decimal::parse(f.text);
          break;
        }
      }
    } else if (const ViewCell* label = find_label(v, val.label, r)) {
      if (val.from == "label") {
        if (auto n = number_in_brackets(label->text, val.unit)) {
          f.text = n->to_string();
          f.number = n;
          f.source = {v.file(), v.sheet().name, cell_name(label->pos)};
          f.note = "标签中的分值";
        }
      } else if (!val.column.empty()) {
        f = value_under_header(v, *label, val.column, val.type, r);
      } else if (auto iv = inline_value(label->text, val.label.synonyms)) {
        f.text = *iv;
        f.source = {v.file(), v.sheet().name, cell_name(label->pos)};
        if (val.type != ValueType::Text && val.type != ValueType::Date)
          if (auto n = parse_number_text(*iv)) f.number = n->value;
      } else {
        const ViewCell* c = val.from == "below" ? value_below(v, *label) : value_right_of(v, *label, labels);
        f = make_field(v, c, val.type, UnitContext{});
        if (!c) f.source = {v.file(), v.sheet().name, {}};
      }
    }
    if (!f.text.empty() || f.number) rec.fields[val.field] = f;
  }
  for (const auto& t : spec.tables)
    if (auto b = bind_table(v, t, r)) extract_table(v, *b, r, rec, diags);
  for (const auto& x : spec.crosstabs) extract_crosstab(v, x, r, rec);
  return rec;
}

namespace {

// Blocks of rows separated by two or more blank rows.
std::vector<Region> split_regions(const SheetView& v) {
  std::vector<Region> out;
  uint32_t n = v.row_count();
  uint32_t r = 0;
  while (r < n) {
    while (r < n && v.row_blank(r)) ++r;
    if (r >= n) break;
    Region reg{r, r};
    uint32_t blanks = 0;
    for (uint32_t k = r; k < n; ++k) {
      if (v.row_blank(k)) {
        if (++blanks >= 2) break;
      } else {
        blanks = 0;
        reg.last = k;
      }
    }
    out.push_back(reg);
    r = reg.last + 1;
  }
  return out;
}

struct Pick {
  Candidate best;
  std::vector<Candidate> all;
};

Pick pick_layout(const SheetView& v, const std::vector<LayoutSpec>& layouts, Region r) {
  Pick p;
  for (const auto& spec : layouts) p.all.push_back(score_layout(v, spec, r));
  std::sort(p.all.begin(), p.all.end(), [](const Candidate& a, const Candidate& b) {
    if (std::abs(a.confidence - b.confidence) > 1e-9) return a.confidence > b.confidence;
    return a.found_weight > b.found_weight;
  });
  if (!p.all.empty()) p.best = p.all.front();
  return p;
}

bool accepted(const Candidate& c) { return c.spec && c.confidence + 1e-9 >= c.spec->threshold; }

}  // namespace

std::vector<MappedSheet> map_workbook(const Workbook& wb, const std::string& file, const std::vector<LayoutSpec>& layouts,
                                      Diagnostics& diags) {
  std::vector<MappedSheet> out;
  for (const Sheet& sheet : wb.sheets) {
    SheetView view(wb, sheet, file);
    Region whole{0, view.row_count() == 0 ? 0 : view.row_count() - 1};
    Pick pick = pick_layout(view, layouts, whole);
    auto regions = split_regions(view);
    // Several tables on one sheet: use the regions when at least two are recognised by themselves
    // and the whole sheet is not better explained by one layout.
    if (regions.size() > 1) {
      std::vector<std::pair<Region, Pick>> hits;
      for (Region r : regions) {
        Pick rp = pick_layout(view, layouts, r);
        if (accepted(rp.best)) hits.emplace_back(r, std::move(rp));
      }
      if (hits.size() >= 2) {
        for (auto& [r, rp] : hits) {
          MappedSheet m;
          m.sheet = sheet.name;
          m.state = sheet.state;
          m.region = CellRange{{r.first, 0}, {r.last, view.col_count() ? view.col_count() - 1 : 0}};
          m.layout = rp.best.spec;
          m.confidence = rp.best.confidence;
          m.record = extract_record(view, *rp.best.spec, r, diags);
          out.push_back(std::move(m));
        }
        continue;
      }
    }
    MappedSheet m;
    m.sheet = sheet.name;
    m.state = sheet.state;
    if (accepted(pick.best)) {
      m.layout = pick.best.spec;
      m.confidence = pick.best.confidence;
      m.record = extract_record(view, *pick.best.spec, whole, diags);
    } else {
      m.confidence = pick.best.confidence;
      for (size_t i = 0; i < pick.all.size() && i < 3; ++i)
        if (pick.all[i].confidence > 0) m.candidates.push_back(pick.all[i]);
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace jixiao
