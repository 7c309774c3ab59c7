#include "writers/template_data.h"

#include <array>
#include <string_view>

#include "writers/record_json.h"

namespace jixiao {

using Json = nlohmann::ordered_json;

namespace {

// Makes `path` ("income.total") exist in j, null when it was not there.
void ensure(Json& j, std::string_view path) {
  Json* at = &j;
  while (true) {
    size_t dot = path.find('.');
    std::string key(path.substr(0, dot));
    if (!at->is_object()) *at = Json::object();
    if (dot == std::string_view::npos) {
      if (!at->contains(key)) (*at)[key] = nullptr;
      return;
    }
    at = &(*at)[key];
    path.remove_prefix(dot + 1);
  }
}

void ensure_all(Json& j, std::initializer_list<std::string_view> paths) {
  for (auto p : paths) ensure(j, p);
}

// Every element of list `name` carries `keys`; the list exists (empty) when the record had none.
void ensure_list(Json& j, const std::string& name, std::initializer_list<std::string_view> keys) {
  Json* at = &j;
  std::string_view path = name;
  while (true) {
    size_t dot = path.find('.');
    std::string key(path.substr(0, dot));
    if (!at->is_object()) *at = Json::object();
    if (dot == std::string_view::npos) {
      Json& list = (*at)[key];
      if (!list.is_array()) list = Json::array();
      for (auto& row : list) ensure_all(row, keys);
      return;
    }
    at = &(*at)[key];
    path.remove_prefix(dot + 1);
  }
}

Json value_of(const Record& rec, const std::string& path) {
  if (const Field* f = rec.field(path)) {
    if (f->number) return decimal_json(*f->number);
    if (!f->text.empty()) return f->text;
  }
  return nullptr;
}

// The submitted value, or the recomputed one where the sheet left it blank.
Json submitted_or_computed(const Record& rec, const std::string& path, bool text = false) {
  const Field* f = rec.field(path);
  if (f && (f->number || !f->text.empty())) return text || !f->number ? Json(f->text) : decimal_json(*f->number);
  auto it = rec.computed.find(path);
  if (it == rec.computed.end()) return nullptr;
  if (!text && it->second.number) return decimal_json(*it->second.number);
  return it->second.text.empty() ? Json(nullptr) : Json(it->second.text);
}

constexpr std::array<std::pair<const char*, const char*>, 26> kClasses = {{
    {"201", "一般公共服务支出"}, {"202", "外交支出"}, {"203", "国防支出"}, {"204", "公共安全支出"},
    {"205", "教育支出"}, {"206", "科学技术支出"}, {"207", "文化旅游体育与传媒支出"}, {"208", "社会保障和就业支出"},
    {"210", "卫生健康支出"}, {"211", "节能环保支出"}, {"212", "城乡社区支出"}, {"213", "农林水支出"},
    {"214", "交通运输支出"}, {"215", "资源勘探工业信息等支出"}, {"216", "商业服务业等支出"}, {"217", "金融支出"},
    {"219", "援助其他地区支出"}, {"220", "自然资源海洋气象等支出"}, {"221", "住房保障支出"},
    {"222", "粮油物资储备支出"}, {"223", "国有资本经营预算支出"}, {"224", "灾害防治及应急管理支出"},
    {"229", "其他支出"}, {"231", "债务还本支出"}, {"232", "债务付息支出"}, {"234", "抗疫特别国债安排的支出"},
}};

std::string cn_ordinal(int n) {  // 1..99 -> 一 … 九十九
  static const char* d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return d[n];
  std::string s = n / 10 == 1 ? "" : d[n / 10];
  return s + "十" + d[n % 10];
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

// The rows of the 公开01/04 tables: income items on the left, the 26 类 (and any others) on the right.
Json side_by_side(const Json& table, const std::vector<std::pair<const char*, const char*>>& income, int class_line0,
                  const std::vector<const char*>& class_columns, const std::string& sheet, Diagnostics& warnings) {
  const Json& classes = table.contains("classes") ? table["classes"] : Json::array();
  std::vector<bool> used(classes.size(), false);
  std::vector<std::pair<std::string, const Json*>> right;
  for (size_t k = 0; k < kClasses.size(); ++k) {
    const Json* found = nullptr;
    for (size_t i = 0; i < classes.size(); ++i) {
      if (!used[i] && classes[i].contains("name") && classes[i]["name"].is_string() &&
          trimmed(classes[i]["name"].get<std::string>()) == kClasses[k].second) {
        used[i] = true;
        found = &classes[i];
        break;
      }
    }
    right.emplace_back(cn_ordinal(static_cast<int>(k) + 1) + "、" + kClasses[k].second, found);
  }
  for (size_t i = 0; i < classes.size(); ++i) {
    if (used[i]) continue;
    std::string name = classes[i].value("name", std::string{});
    warnings.warn("template.extra_class",
                  "“" + name + "”不在公开01/04表的 26 个功能分类类级科目之中，已列在其后，请核对", {}, {}, sheet);
    right.emplace_back(name, &classes[i]);
  }
  Json rows = Json::array();
  for (size_t k = 0; k < right.size(); ++k) {
    Json row;
    if (k < income.size()) {
      row["income_label"] = income[k].second;
      row["income_amount"] = table["income"].contains(income[k].first) ? table["income"][income[k].first] : Json();
    } else {
      row["income_label"] = nullptr;
      row["income_amount"] = nullptr;
    }
    row["income_line"] = k < kClasses.size() ? Json(k + 1) : Json();
    row["class_label"] = right[k].first;
    row["class_line"] = k < kClasses.size() ? Json(class_line0 + static_cast<int>(k)) : Json();
    for (const char* c : class_columns) {
      const Json* cls = right[k].second;
      row[c] = cls && cls->contains(c) ? (*cls)[c] : Json();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// 公开06: 301/303 (人员经费) | 302 | 307, 310, 399 … (the rest of 公用经费), side by side.
Json economic_panels(const Json& table) {
  std::array<std::vector<const Json*>, 3> panels;
  if (table.contains("items"))
    for (const auto& item : table["items"]) {
      std::string code = item.value("code", std::string{});
      int p = code.rfind("301", 0) == 0 || code.rfind("303", 0) == 0 ? 0 : code.rfind("302", 0) == 0 ? 1 : 2;
      panels[p].push_back(&item);
    }
  size_t n = std::max({panels[0].size(), panels[1].size(), panels[2].size()});
  Json rows = Json::array();
  for (size_t r = 0; r < n; ++r) {
    Json row;
    for (int p = 0; p < 3; ++p) {
      std::string s = std::to_string(p + 1);
      const Json* item = r < panels[p].size() ? panels[p][r] : nullptr;
      row["code" + s] = item && item->contains("code") ? (*item)["code"] : Json();
      row["name" + s] = item && item->contains("name") ? (*item)["name"] : Json();
      row["amount" + s] = item && item->contains("amount") ? (*item)["amount"] : Json();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

const char* standard_note(const std::string& table) {
  if (table == "01") return "注：本表反映部门本年度的总收支和年末结转结余情况。";
  if (table == "02") return "注：本表反映部门本年度取得的各项收入情况。";
  if (table == "03") return "注：本表反映部门本年度各项支出情况。";
  if (table == "05") return "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。";
  if (table == "06") return "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。";
  if (table == "08") return "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。";
  if (table == "09") return "注：本表反映部门本年度国有资本经营预算财政拨款收入、支出及结转和结余情况。";
  return "";
}

}  // namespace

Json selfeval_tree(const Record& rec) {
  Json j = record_json(rec);
  ensure_all(j, {"year", "name", "department", "implementer", "funds.initial_budget", "funds.budget", "funds.executed",
                 "funds.weight", "funds.rate", "funds.score", "goals.planned", "goals.achieved", "total_score", "grade"});
  ensure_list(j, "funds.sources", {"label", "initial_budget", "budget", "executed", "rate"});
  ensure_list(j, "indicators",
              {"level1", "level2", "name", "target", "actual", "weight", "score", "note", "review_score"});
  ensure_list(j, "tasks", {"planned", "achieved"});
  return j;
}

Json summary_tree(const Record& rec) {
  Json j = record_json(rec);
  ensure_all(j, {"year", "department"});
  ensure_list(j, "rows", {"no", "name", "budget", "executed", "score", "grade"});
  return j;
}

Json summary_tree(const std::vector<const Record*>& projects) {
  Json j;
  j["kind"] = "project_summary";
  j["year"] = projects.empty() ? Json() : value_of(*projects.front(), "year");
  j["department"] = projects.empty() ? Json() : value_of(*projects.front(), "department");
  Json rows = Json::array();
  int no = 0;
  for (const Record* p : projects) {
    Json row;
    row["no"] = ++no;
    row["name"] = value_of(*p, "name");
    row["budget"] = value_of(*p, "funds.budget");
    row["executed"] = value_of(*p, "funds.executed");
    row["score"] = submitted_or_computed(*p, "total_score");
    row["grade"] = submitted_or_computed(*p, "grade", true);
    rows.push_back(std::move(row));
  }
  j["rows"] = std::move(rows);
  return j;
}

Json final_accounts_tree(const std::vector<const Record*>& tables, Diagnostics& warnings) {
  Json tree = Json::object();
  for (const char* key : {"t01", "t02", "t03", "t04", "t05", "t06", "t07", "t08", "t09"}) tree[key] = Json::object();
  for (const Record* t : tables) {
    std::string id = t->text("table");
    if (id.size() != 2) continue;
    tree["t" + id] = record_json(*t);
  }
  std::string department, year;
  for (const Record* t : tables) {
    if (department.empty()) department = t->text("department");
    if (year.empty()) year = t->text("year");
  }
  for (auto& [key, t] : tree.items()) {
    std::string id = key.substr(1);
    if (t.empty()) {
      warnings.warn("template.missing_table", "没有公开" + id + "表的数据，该表留空");
    }
    if (!t.contains("department") || t["department"].is_null()) t["department"] = department;
    if (!t.contains("year") || t["year"].is_null()) t["year"] = year;
    Json empty_note = t.contains("empty_note") ? t["empty_note"] : Json();
    t["note"] = empty_note.is_string() && !empty_note.get<std::string>().empty() ? empty_note : Json(standard_note(id));
    if (t.contains("items") && t["items"].is_array()) {
      for (auto& item : t["items"]) {
        std::string name = item.value("name", std::string{});
        size_t len = item.value("code", std::string{}).size();
        std::string indent = id == "03" ? (len >= 7 ? "    " : len >= 5 ? "  " : "") : "";
        item["label"] = name.empty() ? Json() : Json(indent + name);
      }
    }
  }
  Json& t01 = tree["t01"];
  ensure_all(t01, {"income.total", "income.non_fiscal_surplus_used", "income.carryover_begin", "income.grand_total",
                   "expenditure.total", "expenditure.surplus_distribution", "expenditure.carryover_end",
                   "expenditure.grand_total"});
  t01["rows"] = side_by_side(t01,
                             {{"general_budget", "一、一般公共预算财政拨款收入"},
                              {"gov_fund", "二、政府性基金预算财政拨款收入"},
                              {"state_capital", "三、国有资本经营预算财政拨款收入"},
                              {"superior_subsidy", "四、上级补助收入"},
                              {"business", "五、事业收入"},
                              {"operating", "六、经营收入"},
                              {"affiliated", "七、附属单位上缴收入"},
                              {"other", "八、其他收入"}},
                             31, {"amount"}, "公开01表", warnings);
  for (auto& row : t01["rows"]) row["class_amount"] = row["amount"], row.erase("amount");
  Json& t04 = tree["t04"];
  ensure_all(t04, {"income.total", "income.carryover_begin", "income.carryover_begin_general_budget",
                   "income.carryover_begin_gov_fund", "income.carryover_begin_state_capital", "income.grand_total"});
  for (const char* side : {"total", "carryover_end", "grand_total"})
    for (const char* col : {"total", "general_budget", "gov_fund", "state_capital"})
      ensure(t04, std::string("expenditure.") + side + "." + col);
  t04["rows"] = side_by_side(t04,
                             {{"general_budget", "一、一般公共预算财政拨款"},
                              {"gov_fund", "二、政府性基金预算财政拨款"},
                              {"state_capital", "三、国有资本经营预算财政拨款"}},
                             34, {"total", "general_budget", "gov_fund", "state_capital"}, "公开04表", warnings);
  auto code_table = [&](const char* key, std::initializer_list<std::string_view> cols) {
    Json& t = tree[key];
    for (auto c : cols) ensure(t, std::string("total.") + std::string(c));
    if (!t.contains("items") || !t["items"].is_array()) t["items"] = Json::array();
    for (auto& item : t["items"]) {
      ensure_all(item, {"code", "label"});
      ensure_all(item, cols);
    }
  };
  code_table("t02", {"total", "fiscal", "superior_subsidy", "business", "operating", "affiliated", "other"});
  code_table("t03", {"total", "basic", "project", "to_superior", "operating", "to_affiliated"});
  code_table("t05", {"total", "basic", "project"});
  code_table("t08", {"carryover_begin", "income", "total", "basic", "project", "carryover_end"});
  code_table("t09", {"carryover_begin", "income", "total", "basic", "project", "carryover_end"});
  Json& t06 = tree["t06"];
  ensure_all(t06, {"personnel", "public_use"});
  t06["rows"] = economic_panels(t06);
  Json& t07 = tree["t07"];
  for (const char* side : {"budget", "actual"})
    for (const char* col : {"total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"})
      ensure(t07, std::string(side) + "." + col);
  ensure_all(t07, {"reception_batches", "reception_people"});
  return tree;
}

}  // namespace jixiao
