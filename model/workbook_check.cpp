#include "model/workbook_check.h"

#include "core/text_norm.h"
#include "model/decimal.h"

namespace jixiao {
namespace {

// "决策指标" / "项目决策" / "产出指标（40分）" -> "决策" / "产出": the word a detail sheet's title repeats.
std::string group_word(const std::string& label) {
  std::string s = normalize_text(label, TextPurpose::Label);
  if (auto p = s.find('('); p != std::string::npos) s.erase(p);
  for (std::string_view suffix : {"指标得分", "指标", "得分", "情况"})
    if (s.size() > suffix.size() && s.ends_with(suffix)) s.erase(s.size() - suffix.size());
  for (std::string_view prefix : {"项目", "部门"})
    if (s.size() > prefix.size() && s.starts_with(prefix)) s.erase(0, prefix.size());
  return s;
}

const Field* number_at(const FieldMap& m, const std::string& key) {
  auto it = m.find(key);
  return it != m.end() && it->second.number ? &it->second : nullptr;
}

// The detail sheet's total as the sheet states it, else as recompute summed its items.
const Field* detail_total(const Record& r) {
  if (const Field* f = r.field("total_score"); f && f->number) return f;
  return number_at(r.computed, "total_score");
}

std::string sheet_of(const Record& r) {
  for (const auto& [k, f] : r.fields)
    if (!f.source.sheet.empty()) return f.source.sheet;
  return {};
}

// The groups of an overview: a column-oriented one fills "groups"; a row-oriented one (决策 | 23 | 17.03
// down the rows) is read as items that name only a first-level indicator.
const std::vector<FieldMap>* overview_groups(const Record& r) {
  if (r.kind != "score_table") return nullptr;
  if (auto g = r.lists.find("groups"); g != r.lists.end() && !g->second.empty()) return &g->second;
  auto items = r.lists.find("items");
  if (items == r.lists.end() || items->second.empty()) return nullptr;
  auto written = [](const FieldMap& row, const char* key) {
    auto it = row.find(key);
    return it != row.end() && (!it->second.text.empty() || it->second.number);
  };
  for (const FieldMap& row : items->second)
    if (!written(row, "level1") || written(row, "level2") || written(row, "level3")) return nullptr;
  return &items->second;
}

}  // namespace

Findings check_workbook(const std::vector<const Record*>& records) {
  Findings out;
  std::vector<const Record*> details;
  for (const Record* r : records)
    if (r->kind == "score_table" && r->lists.count("items") && !overview_groups(*r)) details.push_back(r);
  for (const Record* overview : records) {
    const std::vector<FieldMap>* groups = overview_groups(*overview);
    if (!groups) continue;
    for (const FieldMap& g : *groups) {
      auto level1 = g.find("level1");
      const Field* weight = number_at(g, "weight");
      const Field* score = number_at(g, "score");
      if (level1 == g.end() || !weight || !score) continue;
      const std::string word = group_word(level1->second.text);
      if (word.empty()) continue;
      const Record* match = nullptr;
      int matches = 0;
      for (const Record* d : details) {
        const Field* dw = d->field("total_weight");
        if (!dw || !dw->number || *dw->number != *weight->number) continue;
        const std::string title = normalize_text(d->text("name") + " " + sheet_of(*d), TextPurpose::Label);
        if (title.find(word) == std::string::npos) continue;
        match = d;
        ++matches;
      }
      if (matches != 1) continue;
      const Field* total = detail_total(*match);
      if (!total || *total->number == *score->number) continue;
      Finding f;
      f.rule = "score_table.overview_detail";
      f.severity = Severity::Error;
      f.file = score->source.file;
      f.sheet = score->source.sheet;
      f.cell = score->source.cell;
      const std::string where = total->source.cell.empty()
                                    ? "“" + sheet_of(*match) + "”各项得分之和"
                                    : "“" + total->source.sheet + "”!" + total->source.cell;
      std::string label = normalize_text(level1->second.text, TextPurpose::Value);
      if (auto p = label.find('('); p != std::string::npos && p > 0) label.erase(p);
      f.message = label + " 得分 " + score->text + " ≠ " + match->text("name") + " 合计 " + total->text + "（" + where + "）";
      f.expected = total->number->to_string();
      f.found = score->number->to_string();
      out.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace jixiao
