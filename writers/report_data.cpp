#include "writers/report_data.h"

#include <optional>
#include <utility>
#include <vector>

#include "model/decimal.h"
#include "model/final_accounts.h"
#include "model/report_math.h"
#include "writers/record_json.h"
#include "writers/template_data.h"

namespace jixiao {

namespace {

using Json = nlohmann::ordered_json;
using D = std::optional<Decimal>;

Json j(D d) { return d ? decimal_json(*d) : Json(); }
D num(const Record& r, const std::string& path) { return r.number(path); }
D num(const Record* r, const std::string& path) { return r ? r->number(path) : std::nullopt; }
Decimal zero() { return Decimal::from_int(0); }

// part / whole as a fraction (model/report_math.h); null when the whole is zero or unknown.
Json share(D part, D whole) { return j(share_of(part, whole)); }

// {amount, prior, change, rate}: the change on last year as model/report_math.h defines it.
Json change(D amount, D prior) {
  Json o;
  o["amount"] = j(amount);
  o["prior"] = j(prior);
  auto c = year_change(amount, prior);
  o["change"] = c ? j(c->change) : Json();
  o["rate"] = c ? j(c->rate) : Json();
  return o;
}

D fact_number(const std::map<std::string, std::string>& facts, const std::string& key) {
  auto it = facts.find(key);
  return it == facts.end() ? std::nullopt : Decimal::parse(it->second);
}

Json fact_text(const std::map<std::string, std::string>& facts, const std::string& key) {
  auto it = facts.find(key);
  return it == facts.end() || it->second.empty() ? Json() : Json(it->second);
}

const Record* table(const std::map<std::string, const Record*>& t, const char* id) {
  auto it = t.find(id);
  return it == t.end() ? nullptr : it->second;
}


// A chart's data (writers/docx_chart.h): one series per year, the prior year's first when known.
Json chart(const std::string& title, const std::vector<std::string>& categories, std::vector<std::pair<std::string, Json>> series) {
  Json c;
  c["title"] = title;
  c["format"] = "0.00";
  c["categories"] = categories;
  c["series"] = Json::array();
  for (auto& [name, values] : series) c["series"].push_back({{"name", name}, {"values", values}});
  return c;
}

// A change chart: the prior year's series only when its values are known.
Json change_chart(const std::string& title, const std::vector<std::string>& categories, const std::string& prior_year,
                  const Json& prior, const std::string& year, const Json& current) {
  std::vector<std::pair<std::string, Json>> series;
  bool known = false;
  for (const auto& v : prior) known = known || !v.is_null();
  if (known) series.emplace_back(prior_year + "年", prior);
  series.emplace_back(year + "年", current);
  return chart(title, categories, std::move(series));
}

// A structure (pie) chart over a list of {label-or-name, amount}: the parts that are not zero.
Json structure_chart(const std::string& title, const Json& items, const char* label, const std::string& year) {
  std::vector<std::string> categories;
  Json values = Json::array();
  for (const auto& it : items) {
    if (it["amount"].is_null()) continue;
    auto a = Decimal::parse(it["amount"].is_string() ? it["amount"].get<std::string>() : it["amount"].dump());
    if (a && *a == zero()) continue;
    categories.push_back(it[label].get<std::string>());
    values.push_back(it["amount"]);
  }
  return chart(title, categories, {{year + "年", values}});
}

}  // namespace

void add_facts(const Record& rec, std::map<std::string, std::string>& facts) {
  if (rec.kind != "report_facts") return;
  for (const FieldMap& row : rec.list("facts")) {
    const Field* label = field_of(row, "label");
    const Field* value = field_of(row, "value");
    if (label && value && !label->text.empty()) facts[label->text] = value->text;
  }
}

Json final_accounts_report_tree(const ReportInput& in) {
  Record fa = assemble_final_accounts(in.tables);
  std::optional<Record> prior;
  if (!in.prior_tables.empty()) prior = assemble_final_accounts(in.prior_tables);
  const Record* pr = prior ? &*prior : nullptr;

  Json t;
  t["department"] = fa.text("department");
  t["year"] = fa.text("year");
  std::string prior_year = pr ? pr->text("year") : std::string();
  if (prior_year.empty() && !fa.text("year").empty()) {
    if (auto y = Decimal::parse(fa.text("year"))) prior_year = (*y - Decimal::from_int(1)).to_string();
  }
  t["prior_year"] = prior_year;

  t["total"] = change(num(fa, "income.grand_total"), num(pr, "income.grand_total"));

  D income_total = num(fa, "income.total");
  Json income;
  income["total"] = j(income_total);
  for (auto [key, label] : {std::pair{"general_budget", "一般公共预算财政拨款收入"},
                            std::pair{"gov_fund", "政府性基金预算财政拨款收入"},
                            std::pair{"state_capital", "国有资本经营预算财政拨款收入"},
                            std::pair{"superior_subsidy", "上级补助收入"}, std::pair{"business", "事业收入"},
                            std::pair{"operating", "经营收入"}, std::pair{"affiliated", "附属单位上缴收入"},
                            std::pair{"other", "其他收入"}}) {
    D a = num(fa, std::string("income.") + key);
    income["items"].push_back({{"key", key}, {"label", label}, {"amount", j(a.value_or(zero()))}, {"share", share(a, income_total)}});
  }
  t["income"] = income;

  D exp_total = num(fa, "expenditure.total");
  Json expenditure;
  expenditure["total"] = j(exp_total);
  for (auto [key, label] : {std::pair{"basic", "基本支出"}, std::pair{"project", "项目支出"},
                            std::pair{"to_superior", "上缴上级支出"}, std::pair{"operating", "经营支出"},
                            std::pair{"to_affiliated", "对附属单位补助支出"}}) {
    D a = num(fa, std::string("expenditure.") + key);
    expenditure["items"].push_back({{"key", key}, {"label", label}, {"amount", j(a.value_or(zero()))}, {"share", share(a, exp_total)}});
  }
  t["expenditure"] = expenditure;

  t["fiscal"] = change(num(table(in.tables, "04"), "income.grand_total"), num(table(in.prior_tables, "04"), "income.grand_total"));

  D gb = num(fa, "general_budget_expenditure.total");
  Json general = change(gb, num(pr, "general_budget_expenditure.total"));
  general["share"] = share(gb, exp_total);
  general["basic"] = j(num(fa, "general_budget_expenditure.basic"));
  general["project"] = j(num(fa, "general_budget_expenditure.project"));
  general["classes"] = Json::array();
  general["items"] = Json::array();
  std::string cls, kuan;
  int no = 0;
  for (const FieldMap& row : fa.list("general_budget_expenditure.items")) {
    const Field* code = field_of(row, "code");
    const Field* name = field_of(row, "name");
    const Field* total = field_of(row, "total");
    std::string c = code ? code->text : "";
    std::string n = name ? name->text : "";
    static const D kNone;
    const D& amount = total ? total->number : kNone;  // a reference: GCC 12 warns of a copied empty optional
    if (c.size() == 3) {
      cls = n;
      general["classes"].push_back({{"code", c}, {"name", n}, {"amount", j(amount)}, {"share", share(amount, gb)}});
    } else if (c.size() == 5) {
      kuan = n;
    } else if (c.size() == 7) {
      general["items"].push_back(
          {{"no", ++no}, {"class", cls}, {"kuan", kuan}, {"name", n}, {"code", c}, {"amount", j(amount)}});
    }
  }
  t["general_budget"] = general;

  Json basic;
  basic["amount"] = j(num(fa, "general_budget_expenditure.basic"));
  basic["personnel"] = j(num(fa, "basic_expenditure.personnel"));
  basic["public_use"] = j(num(fa, "basic_expenditure.public_use"));
  t["basic"] = basic;

  D tp = num(fa, "three_public.actual.total");
  Json three = change(tp, num(pr, "three_public.actual.total"));
  three["budget"] = j(num(fa, "three_public.budget.total"));
  three["completion"] = j(completion_of(tp, num(fa, "three_public.budget.total")));
  for (auto [key, path] : {std::pair{"abroad", "abroad"}, std::pair{"vehicle", "vehicle_total"},
                           std::pair{"vehicle_purchase", "vehicle_purchase"},
                           std::pair{"vehicle_operation", "vehicle_operation"}, std::pair{"reception", "reception"}}) {
    D a = num(fa, std::string("three_public.actual.") + path);
    three[key] = j(a.value_or(zero()));
    if (std::string(key) == "abroad" || std::string(key) == "vehicle" || std::string(key) == "reception")
      three[std::string(key) + "_share"] = share(a, tp);
  }
  three["reception_batches"] = j(num(fa, "three_public.reception_batches"));
  three["reception_people"] = j(num(fa, "three_public.reception_people"));
  t["three_public"] = three;


  // the figures 图1–图7 of 第二部分, from the same numbers as the text
  {
    const std::string year = fa.text("year");
    Json figures;
    auto pair = [](const Json& v) { return Json::array({v, v}); };
    figures["fig1"] = change_chart("收、支决算总计变动情况", {"收入总计", "支出总计"}, prior_year, pair(t["total"]["prior"]), year,
                                   pair(t["total"]["amount"]));
    figures["fig2"] = structure_chart("收入决算结构", t["income"]["items"], "label", year);
    figures["fig3"] = structure_chart("支出决算结构", t["expenditure"]["items"], "label", year);
    figures["fig4"] = change_chart("财政拨款收、支决算总计变动情况", {"财政拨款收入总计", "财政拨款支出总计"}, prior_year,
                                   pair(t["fiscal"]["prior"]), year, pair(t["fiscal"]["amount"]));
    figures["fig5"] = change_chart("一般公共预算财政拨款支出决算变动情况", {"一般公共预算财政拨款支出"}, prior_year,
                                   Json::array({general["prior"]}), year, Json::array({general["amount"]}));
    figures["fig6"] = structure_chart("一般公共预算财政拨款支出决算结构", general["classes"], "name", year);
    figures["fig7"] = chart("“三公”经费财政拨款支出结构", {"因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"},
                            {{year + "年", Json::array({three["abroad"], three["vehicle"], three["reception"]})}});
    t["figures"] = figures;
  }

  t["gov_fund"] = {{"amount", j(num(fa, "gov_fund.total").value_or(zero()))}};
  t["state_capital"] = {{"amount", j(num(fa, "state_capital_fund.total").value_or(zero()))},
                        {"empty_note", fa.text("state_capital_fund.empty_note").empty()
                                           ? Json()
                                           : Json(fa.text("state_capital_fund.empty_note"))}};

  Json reasons;
  reasons["total"] = fact_text(in.facts, "收支总计变动原因");
  reasons["fiscal"] = fact_text(in.facts, "财政拨款收支总计变动原因");
  reasons["general_budget"] = fact_text(in.facts, "一般公共预算财政拨款支出变动原因");
  reasons["three_public"] = fact_text(in.facts, "三公经费变动原因");
  t["reasons"] = reasons;

  Json other;
  other["operating_cost"] = change(fact_number(in.facts, "机关运行经费"), fact_number(in.facts, "上年机关运行经费"));
  other["operating_cost"]["reason"] = fact_text(in.facts, "机关运行经费变动原因");
  for (auto [key, label] : {std::pair{"procurement_total", "政府采购支出总额"}, std::pair{"procurement_goods", "政府采购货物支出"},
                            std::pair{"procurement_works", "政府采购工程支出"},
                            std::pair{"procurement_services", "政府采购服务支出"},
                            std::pair{"sme_contracts", "授予中小企业合同金额"}, std::pair{"vehicles", "车辆总数"},
                            std::pair{"performance", "预算绩效管理情况"}}) {
    D n = fact_number(in.facts, label);
    other[key] = n ? j(n) : fact_text(in.facts, label);
  }
  other["sme_share"] = share(fact_number(in.facts, "授予中小企业合同金额"), fact_number(in.facts, "政府采购支出总额"));
  t["other"] = other;

  Json facts = Json::object();
  for (const auto& [k, v] : in.facts) facts[k] = v;
  t["facts"] = facts;

  Json glossary = Json::array();
  for (auto [term, text] : {
           std::pair{"一般公共预算财政拨款收入", "指本级财政当年拨付的资金。"},
           std::pair{"年初结转和结余", "指以前年度尚未完成、结转到本年按有关规定继续使用的资金。"},
           std::pair{"基本支出", "指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"},
           std::pair{"项目支出", "指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。"},
           std::pair{"“三公”经费",
                     "指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。"},
           std::pair{"机关运行经费",
                     "指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。"}})
    glossary.push_back({{"term", term}, {"text", text}});
  for (const auto& item : general["items"]) {
    std::string term = item["class"].get<std::string>() + "（类）" + item["kuan"].get<std::string>() + "（款）" +
                       item["name"].get<std::string>() + "（项）";
    glossary.push_back({{"term", term}, {"text", fact_text(in.facts, term)}});
  }
  t["glossary"] = glossary;
  // the separator after each element of a list read as one sentence: "；" between, "。" after the last
  for (Json* list : {&t["income"]["items"], &t["expenditure"]["items"], &t["general_budget"]["classes"],
                      &t["general_budget"]["items"]})
    for (size_t i = 0; i < list->size(); ++i) (*list)[i]["sep"] = i + 1 == list->size() ? "。" : "；";
  return t;
}

Json dept_report_tree(const ReportInput& in, const Record* dept) {
  Json t = final_accounts_report_tree(in);
  Record fa = assemble_final_accounts(in.tables);
  t["dept"] = dept ? selfeval_tree(*dept) : Json();
  if (dept && t["dept"]["total_score"].is_null() && dept->computed.count("total_score"))
    t["dept"]["total_score"] = j(dept->computed.at("total_score").number);
  t["carryover_end"] = j(num(table(in.tables, "01"), "expenditure.carryover_end"));
  D gb = num(fa, "general_budget_expenditure.total");
  t["basic_share"] = share(num(fa, "general_budget_expenditure.basic"), gb);
  t["project_share"] = share(num(fa, "general_budget_expenditure.project"), gb);
  return t;
}

Json project_report_tree(const std::vector<const Record*>& projects, const std::map<std::string, std::string>& facts) {
  Json t;
  t["department"] = projects.empty() ? Json() : Json(projects.front()->text("department"));
  t["year"] = projects.empty() ? Json() : Json(projects.front()->text("year"));
  t["count"] = projects.size();
  Json summary = summary_tree(projects);
  Decimal budget = zero(), executed = zero();
  for (const Record* p : projects) {
    budget = budget + num(*p, "funds.budget").value_or(zero());
    executed = executed + num(*p, "funds.executed").value_or(zero());
  }
  summary["total"] = {{"budget", j(budget)}, {"executed", j(executed)}};
  t["summary"] = summary;
  Json list = Json::array();
  for (const Record* p : projects) {
    Json pj = selfeval_tree(*p);
    for (const char* key : {"total_score", "grade"})
      if (pj[key].is_null() && p->computed.count(key)) {
        const Field& f = p->computed.at(key);
        pj[key] = f.number && std::string(key) != "grade" ? j(f.number) : Json(f.text);
      }
    Json rows = Json::array();
    Json total_row = pj["funds"];
    total_row["label"] = "年度资金总额";
    rows.push_back(total_row);
    for (const auto& src : pj["funds"]["sources"]) {
      if (src["budget"].is_null() && src["executed"].is_null() && src["initial_budget"].is_null()) continue;
      Json r = src;
      r["weight"] = nullptr;
      r["score"] = nullptr;
      rows.push_back(r);
    }
    for (auto& r : rows)
      for (const char* k : {"label", "initial_budget", "budget", "executed", "weight", "rate", "score"})
        if (!r.contains(k)) r[k] = nullptr;
    pj["funds_rows"] = rows;
    Decimal weight = num(*p, "funds.weight").value_or(zero()) + num(*p, "goals.weight").value_or(zero());
    for (const FieldMap& row : p->list("indicators"))
      if (const Field* w = field_of(row, "weight"); w && w->number) weight = weight + *w->number;
    pj["total_weight"] = j(weight);
    std::string name = p->text("name");
    pj["background"] = fact_text(facts, name + "项目基本情况");
    pj["problems"] = fact_text(facts, name + "主要问题和改进措施");
    list.push_back(std::move(pj));
  }
  t["projects"] = list;
  Json f = Json::object();
  for (const auto& [k, v] : facts) f[k] = v;
  t["facts"] = f;
  return t;
}

}  // namespace jixiao
