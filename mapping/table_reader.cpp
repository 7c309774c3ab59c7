#include "mapping/table_reader.h"

#include <algorithm>
#include <map>

#include "mapping/label_text.h"

namespace jixiao::extract {

namespace {

// Binds the columns of a header that starts in `row`. Headers may be several levels deep: a deeper
// level is looked for in the rows below, inside the span of the level above ("本年支出" over
// "小计 | 基本支出 | 项目支出"); a one-level header may stand in any row of the header band (a
// cell merged down over the sub-header rows marks how deep the band is). Tables side by side repeat
// their headers: the table's occurrence picks the Nth, and its columns stop where the next begins.
std::vector<BoundColumn> bind_header(const SheetView& v, const TableSpec& t, uint32_t row, bool this_row_only = false) {
  std::vector<BoundColumn> out;
  const auto cells = v.row(row);
  // The panel: from the Nth occurrence of the first column's top label to the next one.
  uint32_t lo = 0, hi = UINT32_MAX;
  {
    // A repeated header says the same word again ("项目 | 决算数 | 项目 | 决算数"); two different words of one
    // meaning (年初绩效目标 | 全年（调整）绩效目标) are two columns of one table.
    const LabelSpec& key = t.columns.front().paths.front().front();
    std::vector<uint32_t> at;
    const std::string* first_word = nullptr;
    for (const ViewCell* c : cells)
      if (matches(key, c->canon) && (!first_word || *first_word == c->canon)) {
        if (!first_word) first_word = &c->canon;
        at.push_back(c->pos.col);
      }
    if (t.occurrence > 1 && at.size() < static_cast<size_t>(t.occurrence)) return out;
    if (at.size() >= static_cast<size_t>(t.occurrence)) {
      // The first table may have columns left of its key column (columns in another order).
      if (t.occurrence > 1) lo = at[static_cast<size_t>(t.occurrence - 1)];
      if (at.size() > static_cast<size_t>(t.occurrence)) hi = at[static_cast<size_t>(t.occurrence)] - 1;
    }
  }
  uint32_t band = row;
  for (const ViewCell* c : cells) {
    if (c->pos.col < lo || c->pos.col > hi) continue;
    if (const CellRange* m = v.merge_of(c->pos)) {
      band = std::max(band, m->last.row);
      if (m->last.col > m->first.col) band = std::max(band, row + 1);  // spans columns: sub-headers below
    }
  }
  band = this_row_only ? row : std::min(band, row + 3);
  auto in_panel = [&](const ViewCell* c) { return c->pos.col >= lo && c->pos.col <= hi; };
  for (const ColumnSpec& col : t.columns) {
    for (const auto& path : col.paths) {
      const ViewCell* cell = nullptr;
      uint32_t first = 0, last = 0, below = 0;
      std::vector<const ViewCell*> found;
      for (uint32_t r = row; r <= (path.size() == 1 ? band : row); ++r)
        for (const ViewCell* c : v.row(r))
          if (in_panel(c) && matches(path.front(), c->canon)) {
            bool taken = false;
            for (const auto& b : out) taken |= b.header == c;
            if (!taken) found.push_back(c);
          }
      if (found.empty()) continue;
      cell = found.front();
      // Two headers that both say "budget" (年度预算数 over the row labels, 调整后预算数 over the numbers): a
      // column of numbers is the one whose cells below hold numbers.
      if (found.size() > 1 && (col.type == ValueType::Amount || col.type == ValueType::Number || col.type == ValueType::Rate)) {
        auto numbers_below = [&](const ViewCell* h) {
          const CellRange* hm = v.merge_of(h->pos);
          uint32_t from = (hm ? hm->last.row : h->pos.row) + 1;
          int n = 0;
          for (uint32_t r = from; r < from + 4 && r < v.row_count(); ++r)
            if (const ViewCell* c = v.at({r, h->pos.col}); c && parse_number_text(c->text)) ++n;
          return n;
        };
        int best_n = numbers_below(cell);
        for (const ViewCell* c : found)
          if (int n = numbers_below(c); n > best_n) cell = c, best_n = n;
      }
      // A header spanning several columns over sub-headers ("年度指标值" over 指标性质 | 指标值 | 度量单位):
      // when a sub-header below it says the same thing, the column is that narrower one.
      if (path.size() == 1)
        for (const CellRange* cm = v.merge_of(cell->pos); cm && cm->last.col > cm->first.col;) {
          const ViewCell* narrower = nullptr;
          for (uint32_t r = cm->last.row + 1; r <= band && r < v.row_count() && !narrower; ++r)
            for (const ViewCell* c : v.row(r))
              if (c->pos.col >= cm->first.col && c->pos.col <= cm->last.col && matches(path.front(), c->canon)) {
                narrower = c;
                break;
              }
          if (!narrower) break;
          cell = narrower;
          cm = v.merge_of(cell->pos);
        }
      const CellRange* m = v.merge_of(cell->pos);
      first = cell->pos.col;
      last = m ? m->last.col : cell->pos.col;
      below = m ? m->last.row + 1 : cell->pos.row + 1;
      bool ok = true;
      for (size_t level = 1; level < path.size() && ok; ++level) {
        const ViewCell* found = nullptr;
        for (uint32_t r = below; r < below + 3 && r < v.row_count() && !found; ++r)
          for (const ViewCell* c : v.row(r))
            if (c->pos.col >= first && c->pos.col <= last && matches(path[level], c->canon)) {
              found = c;
              break;
            }
        if (!found) {
          ok = false;
          break;
        }
        const CellRange* fm = v.merge_of(found->pos);
        first = found->pos.col;
        last = fm ? fm->last.col : found->pos.col;
        below = fm ? fm->last.row + 1 : found->pos.row + 1;
        cell = found;
      }
      if (!ok) continue;
      out.push_back({&col, first, last, cell});
      break;
    }
  }
  return out;
}

bool cell_matches_in_span(const SheetView& v, const LabelSpec& label, uint32_t row, uint32_t first, uint32_t last) {
  if (label.empty()) return false;
  for (const ViewCell* c : v.row(row))
    if (c->pos.col >= first && c->pos.col <= last && matches(label, c->canon)) return true;
  return false;
}

// Text a template leaves in a row nobody filled: "……", "…", "-", "—", "/", "指标2：" (an indicator
// slot without its name). A list row holding nothing else is not an entry.
bool placeholder_text(const std::string& text) {
  std::string t = normalize_text(text, TextPurpose::Value);
  if (t.empty()) return true;
  static const TextRegex kSlot = *TextRegex::compile(R"(^指标[0-9一二三四五六七八九十]+[:：]?[.…\-—－/、_·]*$)");
  if (kSlot.match(t)) return true;
  static const TextRegex kMarks = *TextRegex::compile(R"(^[.…\-—－/、_·]+$)");
  return kMarks.match(t).has_value();
}

// "栏次" rows number the columns 1, 2, 3 … (sometimes without the word): never data.
bool column_number_row(const SheetView& v, uint32_t row, uint32_t first, uint32_t last) {
  int expected = 1;
  for (const ViewCell* c : v.row(row)) {
    if (c->pos.col < first || c->pos.col > last) continue;
    if (c->canon == "栏次") continue;
    auto n = parse_number_text(c->text);
    if (!n || n->value != Decimal::from_int(expected)) return false;
    ++expected;
  }
  return expected > 3;
}

}  // namespace

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
      // The same block label again right below (a second merged 绩效指标 cell for the 效益 rows): one block.
      for (;;) {
        const ViewCell* next = v.at({*limit_last + 1, b.block->pos.col});
        if (!next || !matches(t.block, next->canon)) break;
        const CellRange* nm = v.merge_of(next->pos);
        limit_last = nm ? nm->last.row : next->pos.row;
      }
    } else {
      search.last = std::min(r.last, b.block->pos.row + 2);
    }
    b.label_first_col = (m ? m->last.col : b.block->pos.col) + 1;
  }
  // The header row: the one binding the most columns, among the rows holding a column's top label.
  std::vector<uint32_t> candidates;
  for (const ColumnSpec& col : t.columns)
    for (const auto& path : col.paths)
      for (const std::string& syn : path.front().synonyms)
        for (uint32_t i : v.with_canon(syn)) {
          uint32_t row = v.cells()[i].pos.row;
          if (row >= search.first && row <= search.last) candidates.push_back(row);
        }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  size_t best = 0;
  for (uint32_t row : candidates) {
    auto cols = bind_header(v, t, row);
    if (cols.size() > best) {
      best = cols.size();
      b.header_row = row;
      b.columns = std::move(cols);
    }
  }
  if (best == 0) return std::nullopt;
  // A block label standing alone in the header row (预算执行情况（万元） | 预算数(A) | 执行数(B) …) heads
  // the column of row labels below it (年度财政资金总额).
  if (b.block && b.block->pos.row == b.header_row) {
    const CellRange* m = v.merge_of(b.block->pos);
    if (!m || m->last.row == m->first.row) b.label_first_col = b.block->pos.col;
  }
  // A header marked （A） or （B） stands for the column the vocabulary gives that marker when no header
  // names it: 年初预算数（A） is the budget of a form without a 全年预算数 column.
  for (const ColumnSpec& col : t.columns) {
    if (col.marker.empty()) continue;
    bool bound = false;
    for (const auto& c : b.columns) bound |= c.spec == &col;
    if (bound) continue;
    std::optional<BoundColumn> marked;
    for (const auto& c : b.columns)
      for (const auto& part : bracket_parts(c.header->text))
        if (part == col.marker && !marked) marked = BoundColumn{&col, c.first_col, c.last_col, c.header};
    if (marked) b.columns.push_back(*marked);
  }
  size_t required_bound = 0;
  for (const ColumnSpec& col : t.columns) {
    bool bound = false;
    for (const auto& c : b.columns) bound |= c.spec == &col;
    if (!bound && !col.optional) b.missing.push_back(&col);
    if (bound && !col.optional) ++required_bound;
  }
  // Only optional columns found (a 得分 in the next table's header): this table is not here.
  if (required_bound == 0) return std::nullopt;
  std::sort(b.columns.begin(), b.columns.end(), [](auto& x, auto& y) { return x.first_col < y.first_col; });
  b.data_first_col = b.columns.front().first_col;
  b.span_first = b.columns.front().first_col;
  b.span_last = b.columns.back().last_col;
  // The body starts below the deepest header cell (a header cell may span rows).
  uint32_t header_bottom = b.header_row;
  for (const auto& c : b.columns) {
    const CellRange* m = v.merge_of(c.header->pos);
    header_bottom = std::max(header_bottom, m ? m->last.row : c.header->pos.row);
  }
  b.body_first = header_bottom + 1;
  b.body_last = limit_last ? *limit_last : r.last;
  return b;
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
    d.cell = cell_name(b.block ? b.block->pos : b.columns.front().header->pos);
    d.message = "金额单位为元，已按 1 万元 = 10000 元换算为万元（记录中的金额均为万元）";
    diags.add(std::move(d));
  }
  const BoundColumn* label_col = nullptr;
  for (const auto& c : b.columns)
    if (c.spec->row_label) label_col = &c;

  std::vector<std::string> fill(b.columns.size());
  bool first_body_row = true;
  // Whether some row of the body carries a named row's label (else or-first may stand for it).
  auto label_present = [&](const RowSpec& rs) {
    for (uint32_t row = b.body_first; row <= b.body_last && row < v.row_count(); ++row)
      for (const ViewCell* c : v.row(row))
        if (c->pos.col < b.data_first_col && matches(rs.label, c->canon)) return true;
    return false;
  };
  std::map<const RowSpec*, int> seen;  // occurrences of each named row so far
  int blank_run = 0;
  bool single_done = false;
  const size_t header_hits = b.columns.size();
  for (uint32_t row = b.body_first; row <= b.body_last && row < v.row_count(); ++row) {
    bool blank = true;  // nothing in the table's columns or in its label columns
    const uint32_t from = std::min(b.label_first_col, b.span_first);
    for (const ViewCell* c : v.row(row)) blank &= c->pos.col < from || c->pos.col > b.span_last;
    if (blank) {
      if (++blank_run >= 3) break;
      continue;
    }
    blank_run = 0;
    if (cell_matches_in_span(v, t.end, row, 0, b.span_last)) break;
    // Another block's label left of the data (年度总体目标, 绩效指标 …): this table has ended.
    if (row > b.header_row && cell_matches_in_span(v, t.stop, row, 0, b.data_first_col > 0 ? b.data_first_col - 1 : 0))
      break;
    {
      // A note under the table ("注：本表反映…") ends it.
      auto cells = v.row(row);
      if (!cells.empty() && (cells.front()->canon.rfind("注:", 0) == 0 || cells.front()->canon.rfind("说明:", 0) == 0)) break;
    }
    if (cell_matches_in_span(v, t.skip, row, b.span_first, b.span_last)) continue;
    if (column_number_row(v, row, b.span_first, b.span_last)) continue;
    if (header_hits >= 2) {  // a header repeated after a page break
      size_t again = bind_header(v, t, row, true).size();
      if (again >= 2 && again * 2 >= header_hits) continue;
    }

    // The row's label: its label column, else the first text left of the data columns.
    const ViewCell* label = nullptr;
    if (label_col) {
      label = v.shown({row, label_col->first_col});
    } else {
      for (uint32_t col = b.label_first_col; col < b.data_first_col && !label; ++col) {
        label = v.at({row, col});
        // "其中" standing in a column of its own before the sources' names (宁夏): the name is the label.
        if (label && (label->canon == "其中" || label->canon == "其中:")) label = nullptr;
      }
    }
    bool total = false;
    if (!t.total.empty()) {
      if (label && matches(t.total, label->canon)) total = true;
      for (const ViewCell* c : v.row(row))
        if (c->pos.col >= b.span_first && c->pos.col <= b.data_first_col + 1 && matches(t.total, c->canon)) total = true;
    }

    auto read_cell = [&](size_t i) {
      const BoundColumn& bc = b.columns[i];
      const ViewCell* c = nullptr;
      for (uint32_t col = bc.first_col; col <= bc.last_col && !c; ++col)
        c = bc.spec->fill_down ? v.shown({row, col}) : v.at({row, col});
      Field f = make_field(v, c, bc.spec->type, unit);
      if (bc.spec->fill_down) {
        // Category labels ("产出\n指标") are kept in their canonical form.
        if (c) fill[i] = f.text = bc.spec->weight_field.empty() ? normalize_text(c->text, TextPurpose::Label) : f.text;
        else if (!fill[i].empty()) f.text = fill[i];
      }
      if (bc.spec->row_label && !f.text.empty()) f.text = row_label_text(f.text);
      return f;
    };
    auto read_row = [&](const std::string& prefix, FieldMap* into, bool numbers_only = false, bool skip_label = false) {
      bool any_value = false;
      for (size_t i = 0; i < b.columns.size(); ++i) {
        const BoundColumn& bc = b.columns[i];
        if (numbers_only && (bc.spec->type == ValueType::Text || bc.spec->type == ValueType::Date)) continue;
        if (skip_label && bc.spec->row_label) continue;
        Field f = read_cell(i);
        if (!bc.spec->weight_field.empty() && !f.text.empty() && into)
          if (auto w = number_in_brackets(f.text, "分"); w || (w = number_in_brackets(f.text, ""))) {
            Field wf{w->to_string(), w, f.source, {}};
            wf.mark(ReadAs::FromLabel);
            (*into)[bc.spec->weight_field] = wf;
          }
        if (!bc.spec->weight_field.empty() && !f.text.empty()) f.text = canonical_label(f.text);
        if (!bc.spec->row_label && !bc.spec->fill_down && (f.number || !placeholder_text(f.text))) any_value = true;
        // "total" + "score" -> total.score; "total_" + "score" -> total_score (DOMAIN.md §5's names).
        std::string key = prefix.empty() ? bc.spec->field
                          : prefix.back() == '_' ? prefix + bc.spec->field
                                                 : prefix + "." + bc.spec->field;
        if (into) (*into)[bc.spec->field] = f;
        else if (!f.text.empty() || f.number) rec.fields[key] = f;
      }
      return any_value;
    };

    if (total) {
      if (!t.total_prefix.empty()) read_row(t.total_prefix, nullptr, true);
      if (t.total_continues) continue;
      break;
    }
    // A named row: 年度资金总额 -> funds.*; 一、一般公共预算财政拨款收入 -> income.general_budget.
    const RowSpec* named = nullptr;
    for (const RowSpec& rs : t.rows)
      if (label && matches(rs.label, label->canon) && ++seen[&rs] == rs.occurrence) {
        named = &rs;
        break;
      }
    if (!named && !label && first_body_row)
      for (const RowSpec& rs : t.rows)
        if (rs.or_first && !label_present(rs)) named = &rs;
    first_body_row = false;
    if (named) {
      if (!named->field.empty()) {
        for (size_t i = 0; i < b.columns.size(); ++i) {
          const ColumnSpec& cs = *b.columns[i].spec;
          bool wanted = named->column.empty() ? (cs.type != ValueType::Text && cs.type != ValueType::Date)
                                              : cs.field == named->column;
          if (!wanted) continue;
          Field f = read_cell(i);
          if (!f.text.empty() || f.number) rec.fields[named->field] = f;
          else rec.fields[named->field] = Field{{}, std::nullopt, source_of(v, {row, b.columns[i].first_col}), {}};
          break;
        }
      } else {
        read_row(named->prefix, nullptr, false, /*skip_label=*/true);
      }
      continue;
    }
    if (label && !t.rows.empty()) {
      bool named_elsewhere = false;  // a later occurrence of a named label that is not wanted
      for (const RowSpec& rs : t.rows) named_elsewhere |= matches(rs.label, label->canon);
      if (named_elsewhere) continue;
    }
    if (!t.other_rows_list.empty()) {
      FieldMap entry;
      bool any = read_row("", &entry);
      if (t.skip_blank_rows && !any) continue;
      if (!t.other_label_field.empty()) {
        Field lf;
        if (label) {
          lf.text = row_label_text(label->text);
          lf.source = source_of(v, label->pos);
        }
        entry[t.other_label_field] = lf;
      }
      rec.lists[t.other_rows_list].push_back(std::move(entry));
      continue;
    }
    if (!t.list.empty()) {
      FieldMap entry;
      if (read_row("", &entry)) rec.lists[t.list].push_back(std::move(entry));
      continue;
    }
    if ((!t.prefix.empty() || t.single_row) && !single_done) {
      read_row(t.prefix, nullptr);
      single_done = true;
    }
  }
}

}  // namespace jixiao::extract
