#include "model/record_schema.h"

#include <algorithm>

namespace jixiao {

std::string_view field_type_name(FieldType t) {
  switch (t) {
    case FieldType::Text: return "text";
    case FieldType::Amount: return "amount";
    case FieldType::Rate: return "rate";
    case FieldType::Score: return "score";
    case FieldType::Weight: return "weight";
    case FieldType::Date: return "date";
    case FieldType::Grade: return "grade";
    case FieldType::Number: return "number";
    case FieldType::Code: return "code";
    case FieldType::Year: return "year";
  }
  return "text";
}

namespace {

using T = FieldType;

struct Builder {
  KindDef k;
  Builder(std::string kind, std::string name) {
    k.kind = std::move(kind);
    k.name = std::move(name);
  }
  Builder& f(std::string path, T type, std::string meaning) {
    std::string unit = type == T::Amount ? "万元" : (type == T::Score || type == T::Weight) ? "分" : "";
    k.fields.push_back({std::move(path), type, std::move(unit), std::move(meaning)});
    return *this;
  }
  Builder& list(std::string name) {
    k.lists.push_back(std::move(name));
    return *this;
  }
};

// The fields a self-evaluation of a project or of a whole department shares.
void selfeval_fields(Builder& b) {
  b.f("year", T::Year, "年度")
      .f("name", T::Text, "项目名称")
      .f("department", T::Text, "主管部门 / 部门（单位）名称")
      .f("implementer", T::Text, "实施单位")
      .f("evaluated_at", T::Date, "自评时间")
      .f("funds.weight", T::Weight, "预算执行率 分值")
      .f("funds.initial_budget", T::Amount, "年初预算数")
      .f("funds.budget", T::Amount, "全年预算数（A）")
      .f("funds.executed", T::Amount, "全年执行数（B）")
      .f("funds.rate", T::Rate, "执行率（B/A）")
      .f("funds.score", T::Score, "预算执行率 得分")
      .list("funds.sources")
      .f("funds.sources[].label", T::Text, "资金来源（其中：当年财政拨款 …）")
      .f("funds.sources[].initial_budget", T::Amount, "资金来源 年初预算数")
      .f("funds.sources[].budget", T::Amount, "资金来源 全年预算数")
      .f("funds.sources[].executed", T::Amount, "资金来源 全年执行数")
      .f("funds.sources[].weight", T::Weight, "资金来源 分值（通常为 —）")
      .f("funds.sources[].rate", T::Rate, "资金来源 执行率")
      .f("funds.sources[].score", T::Score, "资金来源 得分（通常为 —）")
      .f("goals.weight", T::Weight, "年度总体目标 / 项目绩效目标 分值")
      .f("goals.planned", T::Text, "预期目标")
      .f("goals.achieved", T::Text, "实际完成情况")
      .f("goals.score", T::Score, "年度总体目标 得分")
      .f("indicators_weight", T::Weight, "绩效指标 分值（标签中的“（60分）”）")
      .f("indicators_total.weight", T::Weight, "绩效指标 合计/总分行 分值")
      .f("indicators_total.score", T::Score, "绩效指标 合计/总分行 得分")
      .list("indicators")
      .f("indicators[].level1", T::Text, "一级指标")
      .f("indicators[].level1_weight", T::Weight, "一级指标 分值（标签中的“产出指标（50分）”）")
      .f("indicators[].level2", T::Text, "二级指标")
      .f("indicators[].name", T::Text, "三级指标")
      .f("indicators[].nature", T::Text, "指标性质（≥ ≤ ＝ 定性）")
      .f("indicators[].unit", T::Text, "度量单位")
      .f("indicators[].target", T::Text, "年度指标值")
      .f("indicators[].actual", T::Text, "实际完成值")
      .f("indicators[].weight", T::Weight, "分值 / 权重")
      .f("indicators[].score", T::Score, "得分 / 自评分")
      .f("indicators[].note", T::Text, "偏差原因分析及改进措施")
      .f("indicators[].review_score", T::Score, "财政复评得分（部门整体表）")
      .f("total_score", T::Score, "总分 / 自评得分")
      .f("grade", T::Grade, "自评等级");
}

std::vector<KindDef> build() {
  std::vector<KindDef> out;
  {
    Builder b("project_selfeval", "项目支出绩效自评表");
    selfeval_fields(b);
    out.push_back(std::move(b.k));
  }
  {
    Builder b("dept_selfeval", "部门整体支出绩效自评表");
    selfeval_fields(b);
    // 年度主要任务 stand before the funds (DOMAIN.md §5 order).
    Builder t("", "");
    t.list("tasks")
        .f("tasks[].planned", T::Text, "年初任务目标")
        .f("tasks[].achieved", T::Text, "实际完成目标")
        .f("tasks[].weight", T::Weight, "任务 分值")
        .f("tasks[].score", T::Score, "任务 得分")
        .f("indicators_total.review_score", T::Score, "绩效指标 合计/总分行 财政复评得分");
    auto at = std::find_if(b.k.fields.begin(), b.k.fields.end(), [](const FieldDef& f) { return f.path == "funds.weight"; });
    b.k.fields.insert(at, t.k.fields.begin(), t.k.fields.end());
    b.k.lists.push_back("tasks");
    out.push_back(std::move(b.k));
  }
  {
    Builder b("score_table", "绩效评价指标体系 / 得分表");
    b.f("name", T::Text, "表名或项目名称")
        .f("year", T::Year, "年度")
        .f("department", T::Text, "部门")
        .list("items")
        .f("items[].level1", T::Text, "一级指标")
        .f("items[].level1_weight", T::Weight, "一级指标 分值（标签中的“项目决策(18分)”）")
        .f("items[].level2", T::Text, "二级指标")
        .f("items[].level2_weight", T::Weight, "二级指标 分值（标签中的“目标任务(15分)”）")
        .f("items[].level3", T::Text, "三级指标")
        .f("items[].standard", T::Text, "标准值 / 指标值")
        .f("items[].actual", T::Text, "实际值")
        .f("items[].rule", T::Text, "评分标准")
        .f("items[].weight", T::Weight, "分值 / 权重")
        .f("items[].score", T::Score, "得分")
        .f("items[].score_rate", T::Rate, "得分率")
        .f("items[].note", T::Text, "指标说明 / 扣分原因")
        .list("groups")
        .f("groups[].level1", T::Text, "一级指标（决策 / 过程 / 产出 / 效益）")
        .f("groups[].weight", T::Weight, "一级指标 分值 / 权重")
        .f("groups[].score", T::Score, "一级指标 得分")
        .f("groups[].score_rate", T::Rate, "一级指标 得分率")
        .f("total_weight", T::Weight, "合计 分值")
        .f("total_score", T::Score, "合计 得分")
        .f("total_score_rate", T::Rate, "合计 得分率")
        .f("grade", T::Grade, "绩效等级");
    out.push_back(std::move(b.k));
  }
  {
    Builder b("project_summary", "项目支出绩效自评结果汇总表");
    b.f("year", T::Year, "年度")
        .f("department", T::Text, "填报单位")
        .list("rows")
        .f("rows[].no", T::Number, "序号")
        .f("rows[].department", T::Text, "主管部门（单位）")
        .f("rows[].name", T::Text, "项目名称")
        .f("rows[].budget", T::Amount, "预算数")
        .f("rows[].executed", T::Amount, "执行数")
        .f("rows[].rate", T::Rate, "执行率")
        .f("rows[].score", T::Score, "得分")
        .f("rows[].grade", T::Grade, "自评等级")
        .f("total.no", T::Number, "合计行的序号（通常空白）")
        .f("total.budget", T::Amount, "合计 预算数")
        .f("total.executed", T::Amount, "合计 执行数")
        .f("total.rate", T::Rate, "合计 执行率")
        .f("total.score", T::Score, "合计 得分")
        .f("total.grade", T::Grade, "合计 等级")
        .f("text_total.count", T::Number, "表前正文所述项目个数（共对N个项目）")
        .f("text_total.budget", T::Amount, "表前正文所述资金合计（涉及资金X万元）");
    out.push_back(std::move(b.k));
  }
  {
    // One of the nine 部门决算公开 tables: `table` says which; the fields of all nine are listed.
    Builder b("final_accounts_table", "部门决算公开表（公开01—09表）");
    b.f("table", T::Text, "表号 01…09")
        .f("department", T::Text, "部门 / 单位名称")
        .f("year", T::Year, "年度")
        .f("unit", T::Text, "金额单位")
        .f("empty_note", T::Text, "“本表无数据”说明");
    for (const char* k : {"general_budget", "gov_fund", "state_capital", "superior_subsidy", "business", "operating",
                          "affiliated", "other", "total", "non_fiscal_surplus_used", "carryover_begin", "grand_total",
                          "carryover_begin_general_budget", "carryover_begin_gov_fund", "carryover_begin_state_capital"})
      b.f(std::string("income.") + k, T::Amount, std::string("收入 ") + k);
    for (const char* k : {"total", "surplus_distribution", "carryover_end", "grand_total"})
      b.f(std::string("expenditure.") + k, T::Amount, std::string("支出 ") + k);
    for (const char* row : {"total", "carryover_end", "grand_total"})
      for (const char* k : {"total", "general_budget", "gov_fund", "state_capital"})
        b.f(std::string("expenditure.") + row + "." + k, T::Amount, std::string("公开04 支出 ") + row + " " + k);
    b.list("classes").f("classes[].name", T::Text, "功能分类 类 名称").f("classes[].amount", T::Amount, "金额");
    for (const char* k : {"total", "general_budget", "gov_fund", "state_capital"})
      b.f(std::string("classes[].") + k, T::Amount, std::string("公开04 类 ") + k);
    b.list("items").f("items[].code", T::Code, "科目编码").f("items[].name", T::Text, "科目名称");
    // Every amount column of the tables 02, 03, 05, 06, 08, 09, on a row and on the 合计 row.
    for (const char* k : {"total", "fiscal", "superior_subsidy", "business", "operating", "affiliated", "other", "basic",
                          "project", "to_superior", "to_affiliated", "amount", "carryover_begin", "income",
                          "carryover_end"}) {
      b.f(std::string("items[].") + k, T::Amount, std::string("科目 ") + k);
      b.f(std::string("total.") + k, T::Amount, std::string("合计 ") + k);
    }
    b.f("personnel", T::Amount, "人员经费合计").f("public_use", T::Amount, "公用经费合计");
    for (const char* side : {"budget", "actual"})
      for (const char* k : {"total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"})
        b.f(std::string(side) + "." + k, T::Amount, std::string("三公 ") + side + " " + k);
    b.f("reception_batches", T::Number, "国内公务接待批次").f("reception_people", T::Number, "国内公务接待人次");
    out.push_back(std::move(b.k));
  }
  {
    Builder b("report_facts", "决算说明补充信息");
    b.f("department", T::Text, "部门").f("year", T::Year, "年度").list("facts");
    b.f("facts[].label", T::Text, "事项").f("facts[].value", T::Text, "内容");
    out.push_back(std::move(b.k));
  }
  return out;
}

// "indicators.score" -> "indicators[].score" when "indicators" is a list of the kind.
std::string canonical_path(const KindDef& k, std::string_view path) {
  if (path.find("[]") != std::string_view::npos) return std::string(path);
  std::string best;
  for (const auto& l : k.lists)
    if (path.size() > l.size() && path.substr(0, l.size()) == l && path[l.size()] == '.' && l.size() > best.size()) best = l;
  if (best.empty()) return std::string(path);
  return best + "[]" + std::string(path.substr(best.size()));
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> d(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t prev = d[0];
    d[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cur = d[j];
      d[j] = std::min({d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
      prev = cur;
    }
  }
  return d[b.size()];
}

}  // namespace

const FieldDef* KindDef::field(std::string_view path) const {
  std::string p = canonical_path(*this, path);
  for (const auto& f : fields)
    if (f.path == p) return &f;
  return nullptr;
}

bool KindDef::has_list(std::string_view name) const {
  return std::find(lists.begin(), lists.end(), name) != lists.end();
}

const std::vector<KindDef>& record_kinds() {
  static const std::vector<KindDef> kinds = build();
  return kinds;
}

const KindDef* record_kind(std::string_view kind) {
  for (const auto& k : record_kinds())
    if (k.kind == kind) return &k;
  return nullptr;
}

const FieldDef* schema_field(std::string_view kind, std::string_view path) {
  const KindDef* k = record_kind(kind);
  return k ? k->field(path) : nullptr;
}

std::string schema_complaint(std::string_view kind, std::string_view path) {
  const KindDef* k = record_kind(kind);
  if (!k) {
    std::string known;
    for (const auto& d : record_kinds()) known += (known.empty() ? "" : "、") + d.kind;
    return "没有记录类型 " + std::string(kind) + "（可用：" + known + "）";
  }
  if (k->field(path) || k->has_list(path)) return {};
  std::string p = canonical_path(*k, path);
  std::vector<std::pair<size_t, std::string>> near;
  for (const auto& f : k->fields) near.emplace_back(edit_distance(p, f.path), f.path);
  std::sort(near.begin(), near.end());
  std::string msg = std::string(kind) + " 没有字段 " + std::string(path);
  std::string close;
  for (size_t i = 0; i < near.size() && i < 3 && near[i].first <= 3; ++i) close += (close.empty() ? "" : "、") + near[i].second;
  if (!close.empty()) msg += "；相近的有 " + close;
  return msg;
}

}  // namespace jixiao
