#include "mapping/layout_draft.h"

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "mapping/engine.h"
#include "mapping/extract_util.h"
#include "mapping/label_text.h"
#include "model/record_schema.h"

namespace jixiao {

using namespace extract;  // NOLINT: the draft reads the sheet as recognition does

namespace {

// The tables a kind's sheet is made of, as the record schema names them: which block label heads
// each (none for the one-table kinds), the vocabulary context of its columns, and where its rows go.
struct TablePlan {
  const char* block;    // vocabulary block id, or "" (the table stands anywhere)
  const char* context;  // vocabulary column context
  const char* prefix;   // one row -> prefix.field ...
  const char* list;     // ... or every row -> an entry of this list
};

std::vector<TablePlan> plans_for(const std::string& kind) {
  if (kind == "project_selfeval")
    return {{"funds", "funds", "funds", ""}, {"goals", "goals", "goals", ""}, {"indicators", "indicators", "", "indicators"}};
  if (kind == "dept_selfeval")
    return {{"tasks", "tasks", "", "tasks"},
            {"funds", "funds", "funds", ""},
            {"goals", "goals", "goals", ""},
            {"indicators", "indicators", "", "indicators"}};
  if (kind == "score_table") return {{"", "items", "", "items"}};
  if (kind == "project_summary") return {{"", "rows", "", "rows"}};
  return {};
}

// The field of a context whose words name this header, first in the vocabulary's order.
std::string field_for(const Vocabulary& vocab, const std::string& context, const std::string& canon) {
  for (const auto& [key, words] : vocab.columns) {
    if (key.first != context) continue;
    if (std::find(words.synonyms.begin(), words.synonyms.end(), canon) != words.synonyms.end()) return key.second;
  }
  return {};
}

// A block's label as the recognition finds it (the cell, or its head before a colon).
const ViewCell* find_block(const SheetView& v, const Vocabulary& vocab, const std::string& id) {
  auto it = vocab.blocks.find(id);
  if (it == vocab.blocks.end()) return nullptr;
  const LabelSpec label{it->second.raw, it->second.synonyms, it->second.origins};
  return find_label(v, label, Region{0, v.row_count()});
}

// The kind a sheet's title (or its name) says, by the longest title word of the vocabulary it contains.
std::string kind_of_title(const SheetView& v, const Vocabulary& vocab) {
  std::string kind;
  size_t best = 0;
  auto look = [&](const std::string& canon) {
    for (const auto& [k, words] : vocab.titles)
      for (const auto& w : words.synonyms)
        if (w.size() > best && canon.find(w) != std::string::npos) best = w.size(), kind = k;
  };
  for (const ViewCell& c : v.cells())
    if (c.pos.row < 6) look(c.canon);
  if (kind.empty()) look(canonical_label(v.sheet().name));
  return kind;
}

struct Header {
  uint32_t row = 0, band_last = 0, first_col = 0;
  size_t fields = 0;
};

// The row (from `first` to `last`, right of `from_col`) holding the most distinct column words of
// the context; its band reaches one row further when a header cell there spans columns.
Header find_header(const SheetView& v, const Vocabulary& vocab, const std::string& context, uint32_t first,
                   uint32_t last, uint32_t from_col) {
  Header best;
  for (uint32_t row = first; row <= last && row < v.row_count(); ++row) {
    std::set<std::string> fields;
    for (const ViewCell* c : v.row(row))
      if (c->pos.col >= from_col)
        if (std::string f = field_for(vocab, context, c->canon); !f.empty()) fields.insert(f);
    if (fields.size() > best.fields) best = {row, row, from_col, fields.size()};
  }
  if (best.fields == 0) return best;
  for (const ViewCell* c : v.row(best.row))
    if (const CellRange* m = v.merge_of(c->pos); m && m->last.col > m->first.col && c->pos.col >= from_col)
      best.band_last = std::max(best.band_last, std::min(m->last.row + 1, best.row + 2));
  return best;
}

void add_attr(pugi::xml_node n, const char* name, const std::string& value) {
  if (!value.empty()) n.append_attribute(name) = value.c_str();
}

}  // namespace

Expected<LayoutDraft> draft_layout(const SheetView& v, const Vocabulary& vocab, const std::vector<LayoutSpec>& layouts,
                                   const std::string& id) {
  LayoutDraft out;
  std::string kind = kind_of_title(v, vocab);
  // No title word: the blocks say it (资金 and 指标 blocks make a self-evaluation).
  if (kind.empty() && find_block(v, vocab, "funds") && find_block(v, vocab, "indicators"))
    kind = find_block(v, vocab, "tasks") ? "dept_selfeval" : "project_selfeval";
  if (kind.empty()) {
    for (const char* k : {"score_table", "project_summary"}) {
      const TablePlan plan = plans_for(k).front();
      if (find_header(v, vocab, plan.context, 0, v.row_count(), 0).fields >= 3) {
        kind = k;
        break;
      }
    }
  }
  if (kind.empty() || plans_for(kind).empty()) {
    Diagnostic d;
    d.code = "layout.draft_unknown";
    d.file = v.file();
    d.sheet = v.sheet().name;
    d.message = "看不出这张表是哪一种（标题中没有词表里的表名，也没有资金、指标等区块或成列的指标表头），无法起草版式";
    return d;
  }
  out.kind = kind;
  const KindDef* kd = record_kind(kind);

  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  doc.append_child(pugi::node_comment)
      .set_value((" 由 jixiao layout draft 从词表起草：" + v.file() + " 的工作表“" + v.sheet().name +
                  "”。核对每一列后放进一个目录，由 jixiao 的 layouts 选项读取；标为“未归入”的表头需在词表（vocabulary*.xml）中添词或在列上写 label。 ")
                     .c_str());
  pugi::xml_node root = doc.append_child("layout");
  root.append_attribute("id") = id.c_str();
  root.append_attribute("kind") = kind.c_str();
  // The profile (scoring rules) of the shipped layout of the same kind that comes closest to the sheet.
  std::string profile;
  double closest = -1;
  const Region whole{0, v.row_count() == 0 ? 0 : v.row_count() - 1};
  for (const LayoutSpec& l : layouts)
    if (l.kind == kind)
      if (double c = score_layout(v, l, whole).confidence; c > closest) closest = c, profile = l.profile;
  add_attr(root, "profile", profile);
  root.append_attribute("name") = ((kd ? kd->name : kind) + "（" + v.sheet().name + "，草稿）").c_str();
  root.append_attribute("threshold") = "0.7";

  if (!kind_of_title(v, vocab).empty()) {
    auto a = root.append_child("anchor");
    a.append_attribute("title") = kind.c_str();
    a.append_attribute("weight") = "1";
  }
  // A year in the title.
  {
    auto y = root.append_child("value");
    y.append_attribute("field") = "year";
    y.append_attribute("pattern") = "^[(（]?[^，。,；;:：]{0,30}?([0-9]{4})\\s*年";
    y.append_attribute("weight") = "0";
  }
  // The labels of the shipped layouts of this kind that the sheet carries (项目名称, 主管部门 …).
  std::set<std::string> valued;
  for (const LayoutSpec& l : layouts) {
    if (l.kind != kind) continue;
    for (const ValueSpec& val : l.values) {
      if (val.label.empty() || !val.from.empty() || valued.count(val.field)) continue;
      // A value under a column header: only the total under the indicators' score column (总分 … 得分).
      if (!val.column.empty() && val.field != "total_score") continue;
      if (val.label.raw.find('@') != std::string::npos) continue;
      const ViewCell* c = find_label(v, val.label, whole);
      if (!c) continue;
      const std::string head = inline_head(c->canon);
      auto n = root.append_child("value");
      n.append_attribute("field") = val.field.c_str();
      n.append_attribute("label") = (head.empty() ? c->canon : head).c_str();
      if (!val.column.empty()) n.append_attribute("column") = "@score";
      if (val.type == ValueType::Number) n.append_attribute("type") = "number";
      valued.insert(val.field);
      out.placed.push_back({cell_name(c->pos), c->text, val.field});
    }
  }

  for (const TablePlan& plan : plans_for(kind)) {
    const ViewCell* block = *plan.block ? find_block(v, vocab, plan.block) : nullptr;
    if (*plan.block && !block) continue;
    uint32_t first = 0, last = v.row_count(), from_col = 0;
    if (block) {
      const CellRange* m = v.merge_of(block->pos);
      first = block->pos.row;
      last = (m ? m->last.row : block->pos.row) + 2;
      from_col = block->pos.col;
    }
    Header h = find_header(v, vocab, plan.context, first, last, from_col);
    const size_t needed = block ? 2 : 3;
    if (h.fields < needed) continue;
    if (block) {
      out.placed.push_back({cell_name(block->pos), block->text, std::string("区块 ") + plan.block});
      auto a = root.append_child("anchor");
      a.append_attribute("label") = (std::string("@") + plan.block).c_str();
      a.append_attribute("weight") = "1";
      // A weight in the block's label: 项目资金（20分）.
      const std::string wfield = std::string(plan.block) == "indicators" ? "indicators_weight" : std::string(plan.block) + ".weight";
      if (number_in_brackets(block->text, "分") && schema_field(kind, wfield)) {
        auto w = root.append_child("value");
        w.append_attribute("field") = wfield.c_str();
        w.append_attribute("label") = (std::string("@") + plan.block).c_str();
        w.append_attribute("from") = "label";
        w.append_attribute("unit") = "分";
        w.append_attribute("weight") = "0";
      }
    }
    pugi::xml_node t = root.append_child("table");
    if (block) add_attr(t, "block", std::string("@") + plan.block);
    t.append_attribute("vocab") = plan.context;
    add_attr(t, "prefix", plan.prefix);
    add_attr(t, "list", plan.list);
    // A totals row (合计/总分) fills total_prefix.<field> for each number column: every number column
    // must have that field in the schema, or the draft writes no <total>.
    const std::string total_prefix = std::string(plan.list) == "indicators" ? "indicators_total"
                                     : std::string(plan.list) == "items"    ? "total_"
                                     : std::string(plan.list) == "rows"     ? "total"
                                                                            : "";
    auto total_path = [&](const std::string& field) {
      return total_prefix.back() == '_' ? total_prefix + field : total_prefix + "." + field;
    };
    auto is_number = [&](const std::string& path) {
      const FieldDef* d = schema_field(kind, path);
      return d && d->type != FieldType::Text && d->type != FieldType::Code && d->type != FieldType::Date &&
             d->type != FieldType::Grade;
    };
    bool total_ok = !total_prefix.empty();
    std::set<std::string> taken;
    std::vector<const ViewCell*> cells;
    for (uint32_t row = h.row; row <= h.band_last; ++row)
      for (const ViewCell* c : v.row(row))
        if (c->pos.col > from_col || (!block && c->pos.col >= from_col)) cells.push_back(c);
    std::sort(cells.begin(), cells.end(), [](const ViewCell* a, const ViewCell* b) {
      return a->pos.col != b->pos.col ? a->pos.col < b->pos.col : a->pos.row < b->pos.row;
    });
    for (const ViewCell* c : cells) {
      if (c == block) continue;
      std::string field = field_for(vocab, plan.context, c->canon);
      if (field.empty()) {
        // A header spanning columns over sub-headers that are the fields (本年支出 over 小计 | 基本支出) is
        // a group, not a column of its own.
        const CellRange* m = v.merge_of(c->pos);
        if (m && m->last.col > m->first.col && c->pos.row < h.band_last) continue;
        out.unplaced.push_back({cell_name(c->pos), c->text, "词表的“" + std::string(plan.context) + "”列中没有这个词"});
        t.append_child(pugi::node_comment)
            .set_value((" 未归入：" + cell_name(c->pos) + " “" + c->canon + "” ").c_str());
        continue;
      }
      const std::string path = std::string(*plan.list ? plan.list : plan.prefix) + "." + field;
      if (!schema_field(kind, path)) {
        out.unplaced.push_back({cell_name(c->pos), c->text, path + " 不在 " + kind + " 的记录结构中"});
        continue;
      }
      if (!taken.insert(field).second) {
        out.unplaced.push_back({cell_name(c->pos), c->text, "与前一列同为 " + field + "，只取前一列"});
        continue;
      }
      out.placed.push_back({cell_name(c->pos), c->text, path});
      if (total_ok && is_number(path) && !schema_field(kind, total_path(field))) total_ok = false;
      auto col = t.append_child("column");
      col.append_attribute("field") = field.c_str();
      // Group labels repeat down merged cells and may carry their weight: 产出指标（50分）.
      if (field == "level1" || field == "level2") col.append_attribute("fill") = "down";
      if (field == "level1" && schema_field(kind, std::string(plan.list) + ".level1_weight"))
        col.append_attribute("weight-field") = "level1_weight";
      if (field == "level2" && schema_field(kind, std::string(plan.list) + ".level2_weight"))
        col.append_attribute("weight-field") = "level2_weight";
    }
    // The context's other fields, optional: a word the region adds to its vocabulary later (for a
    // header listed as not placed) then finds its column without editing the layout.
    for (const auto& [key, words] : vocab.columns) {
      if (key.first != plan.context || taken.count(key.second) || words.synonyms.empty()) continue;
      const std::string path = std::string(*plan.list ? plan.list : plan.prefix) + "." + key.second;
      if (!schema_field(kind, path)) continue;
      if (total_ok && is_number(path) && !schema_field(kind, total_path(key.second))) continue;
      taken.insert(key.second);
      auto col = t.append_child("column");
      col.append_attribute("field") = key.second.c_str();
      col.append_attribute("optional") = "true";
    }
    if (std::string(plan.block) == "funds") {
      auto r = t.append_child("row");
      r.append_attribute("label") = "@total";
      r.append_attribute("prefix") = "funds";
      r.append_attribute("or-first") = "true";
      auto rs = t.append_child("rows");
      rs.append_attribute("list") = "funds.sources";
      rs.append_attribute("label-field") = "label";
    }
    if (total_ok) {
      bool known = false;
      for (const char* f : {"score", "budget", "weight"}) known |= schema_field(kind, total_path(f)) != nullptr;
      if (known) {
        auto tot = t.append_child("total");
        tot.append_attribute("label") = "合计|总计|总分";
        tot.append_attribute("prefix") = total_prefix.c_str();
      }
    }
  }
  if (!root.child("table")) {
    Diagnostic d;
    d.code = "layout.draft_unknown";
    d.file = v.file();
    d.sheet = v.sheet().name;
    d.message = "这张表看来是" + (kd ? kd->name : kind) + "，但找不到词表认得的表头行（至少两列），无法起草版式";
    return d;
  }
  std::ostringstream os;
  doc.save(os, "  ", pugi::format_default, pugi::encoding_utf8);
  out.xml = os.str();
  if (out.xml.empty() || out.xml.back() != '\n') out.xml += '\n';
  return out;
}

}  // namespace jixiao
