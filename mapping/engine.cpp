#include "mapping/engine.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "mapping/extract_util.h"
#include "mapping/label_text.h"
#include "mapping/table_reader.h"

namespace jixiao {

using namespace extract;  // NOLINT: the engine is the extractors' one user

namespace {

// The nth value right of a label (skipping merged spans), or after its colon.
const ViewCell* value_right_of(const SheetView& v, const ViewCell& label, const std::set<std::string>& all_labels,
                               int nth = 1) {
  const CellRange* m = v.merge_of(label.pos);
  uint32_t start = (m ? m->last.col : label.pos.col) + 1;
  for (uint32_t col = start; col < v.col_count(); ++col) {
    const ViewCell* c = v.at({label.pos.row, col});
    if (!c) continue;
    if (all_labels.count(c->canon)) return nullptr;  // the next label: this value is blank
    if (--nth > 0) {
      if (const CellRange* cm = v.merge_of(c->pos)) col = cm->last.col;
      continue;
    }
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

// The value in the label's row under the nearest header above it that names the column
// ("总分" … under "得分").
// Side-by-side tables repeat their headers: the nearest matching header right of the label wins.
Field value_under_header(const SheetView& v, const ViewCell& label, const LabelSpec& column, ValueType type, Region r) {
  for (uint32_t row = label.pos.row; row > r.first;) {
    --row;
    const ViewCell* best = nullptr;
    for (const ViewCell* h : v.row(row)) {
      if (!matches(column, h->canon)) continue;
      if (!best || (h->pos.col > label.pos.col && (best->pos.col < label.pos.col || h->pos.col < best->pos.col))) best = h;
    }
    if (best) {
      const ViewCell* h = best;
      CellPos p{label.pos.row, h->pos.col};
      // Under a merged cell (总分 | 99.55分 across B:G) the value is the merge's.
      const ViewCell* c = v.shown(p);
      if (c) p = c->pos;
      Field f = make_field(v, c, type, UnitContext{});
      f.source = source_of(v, p);
      return f;
    }
  }
  return {};
}

std::set<std::string> all_labels_of(const LayoutSpec& spec);

// The path a table column's values take in the record ("indicators.score", "funds.score").
std::string column_path(const TableSpec& t, const ColumnSpec& c) {
  if (!t.list.empty()) return t.list + "." + c.field;
  if (!t.prefix.empty()) return t.prefix + "." + c.field;
  for (const RowSpec& r : t.rows)
    if (!r.prefix.empty()) return r.prefix + "." + c.field;
  return c.field;
}

// What the sheet lacks (a column the table knows, or the whole table) and which of its header
// cells no column took: recompute switches off what needs an absent column; --explain shows both.
void note_absent_columns(const SheetView& v, const TableSpec& t, const BoundTable* b, Record& rec) {
  for (const ColumnSpec& c : t.columns) {
    if (c.row_label) continue;
    bool bound = false;
    if (b)
      for (const auto& bc : b->columns) bound |= bc.spec == &c;
    if (!bound) rec.absent.push_back(column_path(t, c));
  }
  if (!b) return;
  uint32_t bottom = b->header_row;
  for (const auto& bc : b->columns) {
    const CellRange* m = v.merge_of(bc.header->pos);
    bottom = std::max(bottom, m ? m->last.row : bc.header->pos.row);
  }
  for (uint32_t row = b->header_row; row <= bottom; ++row)
    for (const ViewCell* c : v.row(row)) {
      if (c->pos.col < b->span_first || c->pos.col > b->span_last || c == b->block) continue;
      bool taken = false;
      for (const auto& bc : b->columns) taken |= bc.header == c || (c->pos.col >= bc.first_col && c->pos.col <= bc.last_col && c->pos.row < bc.header->pos.row);
      if (!taken) rec.unmapped_headers.emplace_back(c->text, source_of(v, c->pos));
    }
}

// A <value>'s field read at one occurrence of its label.
Field value_of_label(const SheetView& v, const ValueSpec& val, const ViewCell& label, const std::set<std::string>& labels,
                     Region r) {
  Field f;
  if (val.from == "label") {
    if (auto n = number_in_brackets(label.text, val.unit)) {
      f.text = n->to_string();
      f.number = n;
      f.source = {v.file(), v.sheet().name, cell_name(label.pos)};
      f.mark(ReadAs::FromLabel);
    }
  } else if (!val.column.empty()) {
    f = value_under_header(v, label, val.column, val.type, r);
  } else if (auto iv = inline_value(label.text, val.label.synonyms); iv && val.nth == 1) {
    f.text = *iv;
    f.source = {v.file(), v.sheet().name, cell_name(label.pos)};
    if (val.type != ValueType::Text && val.type != ValueType::Date)
      if (auto n = parse_number_text(*iv)) f.number = n->value;
  } else {
    const ViewCell* c = val.from == "below" ? value_below(v, label) : value_right_of(v, label, labels, val.nth);
    f = make_field(v, c, val.type, UnitContext{});
    if (!c) f.source = {v.file(), v.sheet().name, {}};
  }
  return f;
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


// ---- --explain -----------------------------------------------------------------------------

// The synonym of `label` a cell's canonical text matched: equal, the head before its colon, or
// contained (a title).
const std::string* matched_word(const LabelSpec& label, const std::string& canon) {
  for (const auto& s : label.synonyms)
    if (s == canon) return &s;
  const std::string head = inline_head(canon);
  for (const auto& s : label.synonyms)
    if (!head.empty() && s == head) return &s;
  for (const auto& s : label.synonyms)
    if (canon.find(s) != std::string::npos) return &s;
  return nullptr;
}

void note(std::vector<MappingNote>* why, const LayoutSpec& spec, const ViewCell* c, std::string target,
          const LabelSpec* label) {
  if (!why || !c) return;
  MappingNote n;
  n.cell = cell_name(c->pos);
  n.text = c->text;
  n.target = std::move(target);
  if (label)
    if (const std::string* w = matched_word(*label, c->canon)) {
      n.word = *w;
      n.origin = label->origin_of(*w, spec.file);
    }
  if (n.origin.empty()) n.origin = std::filesystem::path(spec.file).filename().string();
  why->push_back(std::move(n));
}

// The label a bound column's header matched: the deepest level of the path that names it.
const LabelSpec* header_label(const ColumnSpec& c, const std::string& canon) {
  for (const auto& path : c.paths)
    if (!path.empty() && matches(path.back(), canon)) return &path.back();
  for (const auto& path : c.paths)
    for (const auto& level : path)
      if (matches(level, canon)) return &level;
  return nullptr;
}

// The cells a bound table was read through: its block, its headers, its named and totals rows.
void explain_table(const SheetView& v, const LayoutSpec& spec, const TableSpec& t, const BoundTable& b,
                   std::vector<MappingNote>* why) {
  std::string table = !t.list.empty() ? t.list : t.prefix;
  for (const RowSpec& rs : t.rows)
    if (table.empty() && !rs.prefix.empty()) table = rs.prefix;
  if (table.empty()) table = t.vocab;
  if (b.block) note(why, spec, b.block, "表格 " + table + " 的区块", &t.block);
  for (const BoundColumn& bc : b.columns) {
    const LabelSpec* l = header_label(*bc.spec, bc.header->canon);
    note(why, spec, bc.header, column_path(t, *bc.spec), l);
    if (!l && !bc.spec->marker.empty() && !why->empty()) {
      why->back().word = "（" + bc.spec->marker + "）";
      why->back().origin = "词表的列标记";
    }
  }
  for (uint32_t row = b.body_first; row <= b.body_last && row < v.row_count(); ++row)
    for (const ViewCell* c : v.row(row)) {
      if (c->pos.col >= b.data_first_col) break;
      for (const RowSpec& rs : t.rows)
        if (matches(rs.label, c->canon)) note(why, spec, c, rs.field.empty() ? rs.prefix + " 的行" : rs.field, &rs.label);
      if (!t.total.empty() && matches(t.total, c->canon))
        note(why, spec, c, (t.total_prefix.empty() ? table + " 的合计" : t.total_prefix) + " 的行", &t.total);
    }
}

}  // namespace

Candidate score_layout(const SheetView& v, const LayoutSpec& spec, Region r) {
  Candidate cand;
  cand.spec = &spec;
  double total = 0, found = 0;
  for (const auto& a : spec.excludes) {
    // A title excludes when a cell contains it; a label only when a cell is that label (项目绩效目标 as
    // a block excludes, a title "…项目绩效目标自评表" does not).
    if (a.title ? find_anchor(v, a.label, r) != nullptr : find_label(v, a.label, r, false) != nullptr) {
      cand.missing.push_back("含有" + quoted(a.label.raw) + "，不属此版式");
      cand.confidence = 0;
      return cand;
    }
  }
  // A sheet without a title row is often titled by its name ("项目支出绩效评价得分表").
  const std::string sheet_name = canonical_label(v.sheet().name);
  auto in_name = [&](const AnchorSpec& a) {
    if (!a.title) return false;
    for (const auto& s : a.label.synonyms)
      if (sheet_name.find(s) != std::string::npos) return true;
    return false;
  };
  for (const auto& a : spec.anchors) {
    total += a.weight;
    if (find_anchor(v, a.label, r) || in_name(a)) found += a.weight;
    else cand.missing.push_back("缺少" + quoted(a.label.raw));
  }
  for (const auto& val : spec.values) {
    if (val.label.empty() || val.weight <= 0) continue;
    total += val.weight;
    if (find_label(v, val.label, r)) found += val.weight;
    else if (!val.optional) cand.missing.push_back("缺少标签" + quoted(val.label.raw));
  }
  for (const auto& t : spec.tables) {
    // Required columns count against a sheet that lacks them; an optional column found is evidence
    // for the layout, one not found costs nothing (a form may well not have 年初预算数).
    double weight = 0;
    for (const auto& c : t.columns)
      if (!c.optional) weight += t.weight;
    const bool block_counts = !t.block.empty() && !t.block_optional;
    if (block_counts) weight += t.weight;
    total += weight;
    auto b = bind_table(v, t, r);
    if (!b) {
      cand.missing.push_back("缺少表格" + quoted(t.block.empty() ? t.columns.front().label.raw : t.block.raw));
      continue;
    }
    double got = block_counts ? t.weight : 0;
    for (const auto& c : b->columns) {
      got += c.spec->optional ? 0.3 * t.weight : t.weight;
      if (c.spec->optional) total += 0.3 * t.weight;
    }
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

Record extract_record(const SheetView& v, const LayoutSpec& spec, Region r, Diagnostics& diags,
                      std::vector<MappingNote>* why) {
  Record rec;
  if (why) {
    const std::string sheet_name = canonical_label(v.sheet().name);
    for (const auto& a : spec.anchors) {
      if (const ViewCell* c = find_anchor(v, a.label, r)) {
        note(why, spec, c, "版式标志", &a.label);
      } else if (const std::string* w = matched_word(a.label, sheet_name); w && a.title) {
        why->push_back({"（表名）", v.sheet().name, "版式标志", *w, a.label.origin_of(*w, spec.file)});
      }
    }
  }
  rec.kind = spec.kind;
  rec.layout = spec.id;
  rec.profile = spec.profile;
  const std::set<std::string> labels = all_labels_of(spec);
  for (const auto& val : spec.values) {
    Field f;
    if (!val.constant.empty()) {
      f.text = val.constant;
    } else if (val.regex || !val.read.empty()) {
      // A pattern that does not compile reads nothing (the tests hold the shipped ones to compile;
      // a region's are checked as they load).
      const TextRegex* re = val.regex ? val.regex->get() : nullptr;
      for (const ViewCell& c : v.cells()) {
        if (!in_region(c, r) || (val.regex && !re)) continue;
        std::optional<std::string> got;
        if (re) {
          if (auto m = re->search(c.text)) got = m->size() > 1 ? (*m)[1] : (*m)[0];
        } else {
          got = year_in(c.text);
        }
        if (got) {
          f.text = std::move(*got);
          if (why)
            why->push_back({cell_name(c.pos), c.text, val.field, re ? "模式 " + val.pattern : "年份（read=\"year\"）",
                            std::filesystem::path(spec.file).filename().string()});
          f.source = {v.file(), v.sheet().name, cell_name(c.pos)};
          if (val.type != ValueType::Text) f.number = Decimal::parse(f.text);
          break;
        }
      }
    } else {
      // A label may stand twice ("主管部门（盖章）：" above the table, "主管部门" in it): the first whose
      // value is there, and is a value rather than a unit note.
      const auto found = find_labels(v, val.label, r);
      for (const ViewCell* label : found) {
        Field g = value_of_label(v, val, *label, labels, r);
        if ((g.text.empty() && !g.number) || unit_note(g.text)) {
          if (f.source.empty() && !g.source.empty()) f = g;  // where the blank value stands
          continue;
        }
        f = g;
        note(why, spec, label, val.field, &val.label);
        break;
      }
      if (f.source.file.empty() && !found.empty()) f.source = {v.file(), v.sheet().name, {}};
    }
    if (!f.text.empty() || f.number) rec.fields[val.field] = f;
  }
  for (const auto& t : spec.tables) {
    auto b = bind_table(v, t, r);
    if (b) extract_table(v, *b, r, rec, diags);
    if (b && why) explain_table(v, spec, t, *b, why);
    note_absent_columns(v, t, b ? &*b : nullptr, rec);
  }
  for (const auto& x : spec.crosstabs) {
    extract_crosstab(v, x, r, rec);
    const ViewCell* corner = why ? find_label(v, x.corner, r, false) : nullptr;
    if (!corner) continue;
    note(why, spec, corner, "表格 " + x.list + " 的表头（每列一项）", &x.corner);
    for (uint32_t row = corner->pos.row + 1; row <= r.last && row < v.row_count(); ++row)
      if (const ViewCell* c = v.at({row, corner->pos.col}))
        for (const CrosstabRowSpec& rs : x.rows)
          if (matches(rs.label, c->canon)) note(why, spec, c, x.list + "." + rs.field + "（每列）", &rs.label);
  }
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
                                      Diagnostics& diags, bool explain) {
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
          m.record = extract_record(view, *rp.best.spec, r, diags, explain ? &m.explained : nullptr);
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
      m.record = extract_record(view, *pick.best.spec, whole, diags, explain ? &m.explained : nullptr);
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
