// The shipped rules on seed 001's 2022 部门决算公开九表, typed by hand from samples/README.md and the
// sample workbooks (cells as the sheets have them; blank cells are left out, as the tables leave
// zero cells blank): no finding on the clean tables; exactly the findings of samples/manifest.json on
// each injected mistake err08–err12; the cross-document finding against seed 001's 整体表.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "model/rule_language.h"
#include "model/seed_records.h"
#include "test_paths.h"

namespace jixiao {
namespace {

const char* kNine = "001_剑阁县医保局_2022_部门决算公开九表.xlsx";

struct Sheet {
  std::string file, sheet;
  Field n(const std::string& shown, const std::string& cell) const {
    return Field{shown, *Decimal::parse(shown), {file, sheet, cell}, {}};
  }
  Field t(const std::string& text, const std::string& cell) const { return Field{text, std::nullopt, {file, sheet, cell}, {}}; }
};

Record table(const Sheet& s, const char* number, const char* number_cell) {
  Record r;
  r.kind = "final_accounts_table";
  r.layout = std::string("final-accounts-") + number;
  r.fields["table"] = s.t(std::string("公开") + number + "表", number_cell);
  r.fields["department"] = s.t("剑阁县医疗保障局", "A3");
  r.fields["year"] = s.t("2022年度", "D3");
  return r;
}

// ---- the nine tables ------------------------------------------------------------------------------

Record t01(const std::string& file = "001_2022_公开01表_收入支出决算总表.xlsx") {
  Sheet s{file, "公开01表 收入支出决算总表"};
  Record r = table(s, "01", "F2");
  r.fields["income.general_budget"] = s.n("3,429.91", "C7");
  r.fields["income.gov_fund"] = s.n("125.91", "C8");
  r.fields["income.total"] = s.n("3,555.82", "C33");
  r.fields["income.non_fiscal_surplus_used"] = s.n("0.00", "C34");
  r.fields["income.carryover_begin"] = s.n("0.00", "C35");
  r.fields["income.grand_total"] = s.n("3,555.82", "C36");
  const char* classes[] = {"一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、公共安全支出", "五、教育支出",
                           "六、科学技术支出", "七、文化旅游体育与传媒支出", "八、社会保障和就业支出", "九、卫生健康支出",
                           "十、节能环保支出", "十一、城乡社区支出", "十二、农林水支出", "十三、交通运输支出",
                           "十四、资源勘探工业信息等支出", "十五、商业服务业等支出", "十六、金融支出",
                           "十七、援助其他地区支出", "十八、自然资源海洋气象等支出", "十九、住房保障支出",
                           "二十、粮油物资储备支出", "二十一、国有资本经营预算支出", "二十二、灾害防治及应急管理支出",
                           "二十三、其他支出", "二十四、债务还本支出", "二十五、债务付息支出", "二十六、抗疫特别国债安排的支出"};
  const std::map<int, const char*> amounts = {{14, "37.51"}, {15, "2,681.68"}, {18, "689.57"}, {25, "21.15"}, {29, "125.91"}};
  for (int row = 7; row <= 32; ++row) {
    std::string n = std::to_string(row);
    FieldMap m{{"name", s.t(classes[row - 7], "D" + n)}};
    if (auto it = amounts.find(row); it != amounts.end()) m["amount"] = s.n(it->second, "F" + n);
    r.lists["classes"].push_back(std::move(m));
  }
  r.fields["expenditure.total"] = s.n("3,555.82", "F33");
  r.fields["expenditure.surplus_distribution"] = s.n("0.00", "F34");
  r.fields["expenditure.carryover_end"] = s.n("0.00", "F35");
  r.fields["expenditure.grand_total"] = s.n("3,555.82", "F36");
  return r;
}

// The function-classified rows of 公开02/03/05/08/09: code, name, then amounts by column letter.
struct Line {
  const char *code, *name;
  std::vector<std::pair<std::string, std::string>> amounts;  // column letter -> amount as shown
};

void items(const Sheet& s, Record& r, int first_row, const std::vector<Line>& lines,
           const std::map<std::string, std::string>& columns, bool numeric_codes = false) {
  int row = first_row;
  for (const Line& l : lines) {
    std::string n = std::to_string(row++);
    FieldMap m{{"code", numeric_codes ? s.n(l.code, "A" + n) : s.t(l.code, "A" + n)}, {"name", s.t(l.name, "B" + n)}};
    for (const auto& [col, amount] : l.amounts) m[columns.at(col)] = s.n(amount, col + n);
    r.lists["items"].push_back(std::move(m));
  }
}

const std::vector<Line> kIncome02 = {
    {"208", "社会保障和就业支出", {{"C", "37.51"}, {"D", "37.51"}}},
    {"20801", "人力资源和社会保障管理事务", {{"C", "9.30"}, {"D", "9.30"}}},
    {"2080199", "其他人力资源和社会保障管理事务支出", {{"C", "9.30"}, {"D", "9.30"}}},
    {"20805", "行政事业单位养老支出", {{"C", "28.21"}, {"D", "28.21"}}},
    {"2080505", "机关事业单位基本养老保险缴费支出", {{"C", "28.21"}, {"D", "28.21"}}},
    {"210", "卫生健康支出", {{"C", "2,681.68"}, {"D", "2,681.68"}}},
    {"21011", "行政事业单位医疗", {{"C", "14.10"}, {"D", "14.10"}}},
    {"2101101", "行政单位医疗", {{"C", "11.85"}, {"D", "11.85"}}},
    {"2101102", "事业单位医疗", {{"C", "2.25"}, {"D", "2.25"}}},
    {"21013", "医疗救助", {{"C", "2,299.53"}, {"D", "2,299.53"}}},
    {"2101301", "城乡医疗救助", {{"C", "2,299.53"}, {"D", "2,299.53"}}},
    {"21015", "医疗保障管理事务", {{"C", "368.05"}, {"D", "368.05"}}},
    {"2101501", "行政运行", {{"C", "274.45"}, {"D", "274.45"}}},
    {"2101550", "事业运行", {{"C", "54.60"}, {"D", "54.60"}}},
    {"2101599", "其他医疗保障管理事务支出", {{"C", "39.00"}, {"D", "39.00"}}},
    {"213", "农林水支出", {{"C", "689.57"}, {"D", "689.57"}}},
    {"21305", "巩固脱贫衔接乡村振兴", {{"C", "689.57"}, {"D", "689.57"}}},
    {"2130506", "社会发展", {{"C", "689.57"}, {"D", "689.57"}}},
    {"221", "住房保障支出", {{"C", "21.15"}, {"D", "21.15"}}},
    {"22102", "住房改革支出", {{"C", "21.15"}, {"D", "21.15"}}},
    {"2210201", "住房公积金", {{"C", "21.15"}, {"D", "21.15"}}},
    {"229", "其他支出", {{"C", "125.91"}, {"D", "125.91"}}},
    {"22960", "彩票公益金安排的支出", {{"C", "125.91"}, {"D", "125.91"}}},
    {"2296013", "用于城乡医疗救助的彩票公益金支出", {{"C", "125.91"}, {"D", "125.91"}}},
};

Record t02(const std::string& file = kNine) {
  Sheet s{file, "公开02表 收入决算表"};
  Record r = table(s, "02", "I2");
  // 科目编码 typed as numbers in this table.
  items(s, r, 8, kIncome02,
        {{"C", "total"}, {"D", "fiscal"}, {"E", "superior_subsidy"}, {"F", "business"}, {"G", "operating"},
         {"H", "affiliated"}, {"I", "other"}},
        /*numeric_codes=*/true);
  r.fields["total.total"] = s.n("3,555.82", "C7");
  r.fields["total.fiscal"] = s.n("3,555.82", "D7");
  r.fields["total.superior_subsidy"] = s.n("0.00", "E7");
  r.fields["total.business"] = s.n("0.00", "F7");
  r.fields["total.operating"] = s.n("0.00", "G7");
  r.fields["total.affiliated"] = s.n("0.00", "H7");
  r.fields["total.other"] = s.n("0.00", "I7");
  return r;
}

// 公开03 and 公开05 share the rows 208…221 (C 合计, D 基本支出, E 项目支出); 公开03 adds 229.
const std::vector<Line> kExpenditure = {
    {"208", "社会保障和就业支出", {{"C", "37.51"}, {"D", "28.21"}, {"E", "9.30"}}},
    {"20801", "人力资源和社会保障管理事务", {{"C", "9.30"}, {"E", "9.30"}}},
    {"2080199", "其他人力资源和社会保障管理事务支出", {{"C", "9.30"}, {"E", "9.30"}}},
    {"20805", "行政事业单位养老支出", {{"C", "28.21"}, {"D", "28.21"}}},
    {"2080505", "机关事业单位基本养老保险缴费支出", {{"C", "28.21"}, {"D", "28.21"}}},
    {"210", "卫生健康支出", {{"C", "2,681.68"}, {"D", "343.15"}, {"E", "2,338.53"}}},
    {"21011", "行政事业单位医疗", {{"C", "14.10"}, {"D", "14.10"}}},
    {"2101101", "行政单位医疗", {{"C", "11.85"}, {"D", "11.85"}}},
    {"2101102", "事业单位医疗", {{"C", "2.25"}, {"D", "2.25"}}},
    {"21013", "医疗救助", {{"C", "2,299.53"}, {"E", "2,299.53"}}},
    {"2101301", "城乡医疗救助", {{"C", "2,299.53"}, {"E", "2,299.53"}}},
    {"21015", "医疗保障管理事务", {{"C", "368.05"}, {"D", "329.05"}, {"E", "39.00"}}},
    {"2101501", "行政运行", {{"C", "274.45"}, {"D", "274.45"}}},
    {"2101550", "事业运行", {{"C", "54.60"}, {"D", "54.60"}}},
    {"2101599", "其他医疗保障管理事务支出", {{"C", "39.00"}, {"E", "39.00"}}},
    {"213", "农林水支出", {{"C", "689.57"}, {"E", "689.57"}}},
    {"21305", "巩固脱贫衔接乡村振兴", {{"C", "689.57"}, {"E", "689.57"}}},
    {"2130506", "社会发展", {{"C", "689.57"}, {"E", "689.57"}}},
    {"221", "住房保障支出", {{"C", "21.15"}, {"D", "21.15"}}},
    {"22102", "住房改革支出", {{"C", "21.15"}, {"D", "21.15"}}},
    {"2210201", "住房公积金", {{"C", "21.15"}, {"D", "21.15"}}},
};

Record t03(const std::string& file = kNine) {
  Sheet s{file, "公开03表 支出决算表"};
  Record r = table(s, "03", "H2");
  std::vector<Line> lines = kExpenditure;
  lines.push_back({"229", "其他支出", {{"C", "125.91"}, {"E", "125.91"}}});
  lines.push_back({"22960", "  彩票公益金安排的支出", {{"C", "125.91"}, {"E", "125.91"}}});
  lines.push_back({"2296013", "    用于城乡医疗救助的彩票公益金支出", {{"C", "125.91"}, {"E", "125.91"}}});
  items(s, r, 8, lines,
        {{"C", "total"}, {"D", "basic"}, {"E", "project"}, {"F", "to_superior"}, {"G", "operating"}, {"H", "to_affiliated"}});
  r.fields["total.total"] = s.n("3,555.82", "C7");
  r.fields["total.basic"] = s.n("392.51", "D7");
  r.fields["total.project"] = s.n("3,163.31", "E7");
  r.fields["total.to_superior"] = s.n("0.00", "F7");
  r.fields["total.operating"] = s.n("0.00", "G7");
  r.fields["total.to_affiliated"] = s.n("0.00", "H7");
  return r;
}

Record t04(const std::string& file = kNine) {
  Sheet s{file, "公开04表 财政拨款收支总表"};
  Record r = table(s, "04", "I2");
  r.fields["income.general_budget"] = s.n("3,429.91", "C7");
  r.fields["income.gov_fund"] = s.n("125.91", "C8");
  r.fields["income.total"] = s.n("3,555.82", "C33");
  r.fields["income.carryover_begin"] = s.n("0.00", "C34");
  r.fields["income.carryover_begin_general_budget"] = s.n("0.00", "C35");
  r.fields["income.carryover_begin_gov_fund"] = s.n("0.00", "C36");
  r.fields["income.carryover_begin_state_capital"] = s.n("0.00", "C37");
  r.fields["income.grand_total"] = s.n("3,555.82", "C38");
  struct C {
    int row;
    const char *name, *total, *general, *fund;
  } classes[] = {{14, "八、社会保障和就业支出", "37.51", "37.51", nullptr},
                 {15, "九、卫生健康支出", "2,681.68", "2,681.68", nullptr},
                 {18, "十二、农林水支出", "689.57", "689.57", nullptr},
                 {25, "十九、住房保障支出", "21.15", "21.15", nullptr},
                 {29, "二十三、其他支出", "125.91", nullptr, "125.91"}};
  for (const C& c : classes) {
    std::string n = std::to_string(c.row);
    FieldMap m{{"name", s.t(c.name, "D" + n)}, {"total", s.n(c.total, "F" + n)}};
    if (c.general) m["general_budget"] = s.n(c.general, "G" + n);
    if (c.fund) m["gov_fund"] = s.n(c.fund, "H" + n);
    r.lists["classes"].push_back(std::move(m));
  }
  auto row = [&](const std::string& key, int n, const char* total, const char* general, const char* fund) {
    std::string i = std::to_string(n);
    r.fields["expenditure." + key + ".total"] = s.n(total, "F" + i);
    r.fields["expenditure." + key + ".general_budget"] = s.n(general, "G" + i);
    r.fields["expenditure." + key + ".gov_fund"] = s.n(fund, "H" + i);
    r.fields["expenditure." + key + ".state_capital"] = s.n("0.00", "I" + i);
  };
  row("total", 33, "3,555.82", "3,429.91", "125.91");
  row("carryover_end", 34, "0.00", "0.00", "0.00");
  row("grand_total", 38, "3,555.82", "3,429.91", "125.91");
  return r;
}

Record t05(const std::string& file = kNine) {
  Sheet s{file, "公开05表 一般公共预算支出表"};
  Record r = table(s, "05", "E2");
  items(s, r, 8, kExpenditure, {{"C", "total"}, {"D", "basic"}, {"E", "project"}});
  r.fields["total.total"] = s.n("3,429.91", "C7");
  r.fields["total.basic"] = s.n("392.51", "D7");
  r.fields["total.project"] = s.n("3,037.40", "E7");
  return r;
}

Record t06(const std::string& file = kNine) {
  Sheet s{file, "公开06表 一般公共预算基本支出表"};
  Record r = table(s, "06", "I2");
  struct E {
    const char *code, *name, *amount;
  };
  auto panel = [&](char code_col, int first_row, const std::vector<E>& rows) {
    int row = first_row;
    for (const E& e : rows) {
      std::string n = std::to_string(row++);
      FieldMap m{{"code", s.t(e.code, std::string(1, code_col) + n)},
                 {"name", s.t(e.name, std::string(1, static_cast<char>(code_col + 1)) + n)}};
      if (*e.amount) m["amount"] = s.n(e.amount, std::string(1, static_cast<char>(code_col + 2)) + n);
      r.lists["items"].push_back(std::move(m));
    }
  };
  panel('A', 6, {{"301", "工资福利支出", "342.75"}, {"30101", "基本工资", "96.42"}, {"30102", "津贴补贴", "88.37"},
                 {"30103", "奖金", "12.06"}, {"30106", "伙食补助费", ""}, {"30107", "绩效工资", "61.58"},
                 {"30108", "机关事业单位基本养老保险缴费", "28.21"}, {"30109", "职业年金缴费", ""},
                 {"30110", "职工基本医疗保险缴费", "14.10"}, {"30111", "公务员医疗补助缴费", ""},
                 {"30112", "其他社会保障缴费", "2.71"}, {"30113", "住房公积金", "21.15"}, {"30114", "医疗费", ""},
                 {"30199", "其他工资福利支出", "18.15"}, {"303", "对个人和家庭的补助", "3.16"}, {"30301", "离休费", ""},
                 {"30302", "退休费", ""}, {"30303", "退职（役）费", ""}, {"30304", "抚恤金", ""},
                 {"30305", "生活补助", "2.66"}, {"30306", "救济费", ""}, {"30307", "医疗费补助", ""},
                 {"30308", "助学金", ""}, {"30309", "奖励金", "0.50"}, {"30310", "个人农业生产补贴", ""},
                 {"30399", "其他对个人和家庭的补助", ""}});
  panel('D', 6, {{"302", "商品和服务支出", "46.60"}, {"30201", "办公费", "10.18"}, {"30202", "印刷费", "3.00"},
                 {"30203", "咨询费", ""}, {"30204", "手续费", ""}, {"30205", "水费", "0.20"}, {"30206", "电费", "2.40"},
                 {"30207", "邮电费", ""}, {"30208", "取暖费", ""}, {"30209", "物业管理费", "1.00"},
                 {"30211", "差旅费", "4.00"}, {"30212", "因公出国（境）费用", ""}, {"30213", "维修（护）费", "0.50"},
                 {"30214", "租赁费", "3.00"}, {"30215", "会议费", ""}, {"30216", "培训费", ""},
                 {"30217", "公务接待费", "1.50"}, {"30218", "专用材料费", ""}, {"30224", "被装购置费", ""},
                 {"30225", "专用燃料费", ""}, {"30226", "劳务费", "0.50"}, {"30227", "委托业务费", ""},
                 {"30228", "工会经费", "1.26"}, {"30229", "福利费", "2.10"}, {"30231", "公务用车运行维护费", ""},
                 {"30239", "其他交通费用", "16.96"}, {"30240", "税金及附加费用", ""}, {"30299", "其他商品和服务支出", ""}});
  panel('G', 6, {{"307", "债务利息及费用支出", "0.00"}, {"30701", "国内债务付息", ""}, {"30702", "国外债务付息", ""},
                 {"310", "资本性支出", "0.00"}, {"31001", "房屋建筑物购建", ""}, {"31002", "办公设备购置", ""},
                 {"31003", "专用设备购置", ""}, {"31007", "信息网络及软件购置更新", ""}, {"31099", "其他资本性支出", ""},
                 {"399", "其他支出", "0.00"}, {"39906", "赠与", ""}, {"39907", "国家赔偿费用支出", ""},
                 {"39908", "对民间非营利组织和群众性自治组织补贴", ""}, {"39999", "其他支出", ""}});
  r.fields["personnel"] = s.n("345.91", "C34");
  r.fields["public_use"] = s.n("46.60", "I34");
  return r;
}

Record t07(const std::string& file = kNine) {
  Sheet s{file, "公开07表 三公经费支出表"};
  Record r = table(s, "07", "L2");
  const char* keys[] = {"total", "abroad", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"};
  const char* budget_cells[] = {"A8", "B8", "C8", "D8", "E8", "F8"};
  const char* actual_cells[] = {"G8", "H8", "I8", "J8", "K8", "L8"};
  const char* values[] = {"1.50", "0.00", "0.00", "0.00", "0.00", "1.50"};
  for (int i = 0; i < 6; ++i) {
    r.fields[std::string("budget.") + keys[i]] = s.n(values[i], budget_cells[i]);
    r.fields[std::string("actual.") + keys[i]] = s.n(values[i], actual_cells[i]);
  }
  r.fields["reception_batches"] = s.n("45", "D10");
  r.fields["reception_people"] = s.n("360", "D11");
  return r;
}

Record t08(const std::string& file = kNine) {
  Sheet s{file, "公开08表 政府性基金收支表"};
  Record r = table(s, "08", "H2");
  items(s, r, 8,
        {{"229", "其他支出", {{"D", "125.91"}, {"E", "125.91"}, {"G", "125.91"}}},
         {"22960", "彩票公益金安排的支出", {{"D", "125.91"}, {"E", "125.91"}, {"G", "125.91"}}},
         {"2296013", "用于城乡医疗救助的彩票公益金支出", {{"D", "125.91"}, {"E", "125.91"}, {"G", "125.91"}}}},
        {{"C", "carryover_begin"}, {"D", "income"}, {"E", "total"}, {"F", "basic"}, {"G", "project"}, {"H", "carryover_end"}});
  const char* cols[] = {"C", "D", "E", "F", "G", "H"};
  const char* keys[] = {"carryover_begin", "income", "total", "basic", "project", "carryover_end"};
  const char* values[] = {"0.00", "125.91", "125.91", "0.00", "125.91", "0.00"};
  for (int i = 0; i < 6; ++i) r.fields[std::string("total.") + keys[i]] = s.n(values[i], std::string(cols[i]) + "7");
  return r;
}

// 公开09: "故本表无数据" — the 合计 row's cells exist and are blank.
Record t09(const std::string& file = kNine) {
  Sheet s{file, "公开09表 国有资本经营收支表"};
  Record r = table(s, "09", "H2");
  const char* cols[] = {"C", "D", "E", "F", "G", "H"};
  const char* keys[] = {"carryover_begin", "income", "total", "basic", "project", "carryover_end"};
  for (int i = 0; i < 6; ++i) r.fields[std::string("total.") + keys[i]] = s.t("", std::string(cols[i]) + "7");
  r.fields["empty_note"] =
      s.t("注：本单位2022年度无国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。", "A10");
  return r;
}

std::vector<Record> nine_tables() {
  return {t01(kNine), t02(), t03(), t04(), t05(), t06(), t07(), t08(), t09()};
}

RuleScope scope_of(const std::vector<Record>& tables) {
  RuleScope scope;
  for (const Record& r : tables) EXPECT_TRUE(scope.add_final_accounts_table(r)) << r.text("table");
  return scope;
}

const RuleSet& shipped() {
  static const RuleSet set = [] {
    auto r = load_rule_dir(test::source_dir() / "model" / "rules");
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? r.value() : RuleSet{};
  }();
  return set;
}

std::string dump(const Findings& fs) {
  std::string s;
  for (const auto& f : fs)
    s += f.rule + " [" + severity_name(f.severity) + "] " + f.sheet + "!" + f.cell + ": " + f.message + " (expected " +
         f.expected + ", found " + f.found + ")\n";
  return s;
}

Field& cell(Record& r, const std::string& path) { return r.fields.at(path); }

// The amounts a message shows ("3555.82", "0.00"): digits with a decimal point. Codes such as 21011
// have none and are left out.
std::vector<std::string> amounts_in(const std::string& message) {
  std::vector<std::string> out;
  auto digit = [&](size_t i) { return i < message.size() && message[i] >= '0' && message[i] <= '9'; };
  for (size_t i = 0; i < message.size();) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (digit(j)) ++j;
    if (j < message.size() && message[j] == '.' && digit(j + 1)) {
      ++j;
      while (digit(j)) ++j;
      out.push_back(message.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

// The findings samples/manifest.json lists for an err* variant, whatever their order: rule,
// severity, sheet, cell, expected and found as listed; the message shows every number the
// manifest's message shows (it may word the arithmetic differently).
void expect_manifest_findings(const std::string& file, const Findings& ours) {
  std::ifstream in(test::source_dir() / "samples" / "manifest.json");
  auto manifest = nlohmann::json::parse(in);
  const nlohmann::json* variant = nullptr;
  for (const auto& v : manifest["variants"])
    if (v["file"] == file) variant = &v;
  ASSERT_NE(variant, nullptr) << file;
  const auto& want = (*variant)["findings"];
  ASSERT_EQ(ours.size(), want.size()) << dump(ours);
  for (const auto& w : want) {
    const Finding* match = nullptr;
    for (const auto& f : ours)
      if (f.rule == w["rule"].get<std::string>() && f.cell == w["cell"].get<std::string>()) match = &f;
    ASSERT_NE(match, nullptr) << "missing " << w.dump() << "\nours:\n" << dump(ours);
    EXPECT_EQ(severity_name(match->severity), w["severity"].get<std::string>());
    EXPECT_EQ(match->sheet, w["sheet"].get<std::string>());
    EXPECT_EQ(*Decimal::parse(match->expected), *Decimal::from_double(w["expected"].get<double>())) << match->message;
    EXPECT_EQ(*Decimal::parse(match->found), *Decimal::from_double(w["found"].get<double>())) << match->message;
    for (const std::string& number : amounts_in(w["message"].get<std::string>()))
      EXPECT_NE(match->message.find(number), std::string::npos) << number << " missing from: " << match->message;
  }
}

// ---- the clean tables --------------------------------------------------------------------------------

TEST(RuleSeed001, NineTablesHoldEveryIdentity) {
  auto tables = nine_tables();
  Findings f = run_rules(shipped(), scope_of(tables));
  EXPECT_TRUE(f.empty()) << dump(f);
}

TEST(RuleSeed001, EachTableAloneHoldsItsOwnIdentities) {
  for (const Record& r : nine_tables()) {
    RuleScope scope;
    scope.add_final_accounts_table(r);
    Findings f = run_rules(shipped(), scope);
    EXPECT_TRUE(f.empty()) << r.text("table") << "\n" << dump(f);
  }
}

TEST(RuleSeed001, LastYearsClosingBalancesAreThisYearsOpening) {
  auto tables = nine_tables();
  RuleScope scope = scope_of(tables);
  Sheet s{"001_剑阁县医保局_2021_部门决算公开九表.xlsx", "1收入支出决算总表"};
  Record prior01;
  prior01.fields["table"] = s.t("公开01表", "F2");
  prior01.fields["expenditure.carryover_end"] = s.n("0.00", "F35");
  ASSERT_TRUE(scope.add_final_accounts_table(prior01, /*prior=*/true));
  EXPECT_TRUE(run_rules(shipped(), scope).empty());
  prior01.fields["expenditure.carryover_end"] = s.n("12.00", "F35");
  Findings f = run_rules(shipped(), scope);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "fa.carryover_continuity");
  EXPECT_EQ(f[0].severity, Severity::Warning);
  EXPECT_EQ(f[0].cell, "C35");
  EXPECT_EQ(f[0].message, "公开01 年初结转和结余 0.00 ≠ 上年公开01 年末结转和结余 12.00");
}

// Seed 001's 整体表 says 6560.14 executed (100%) while its own 决算 totals 3555.82 (DOMAIN.md §3).
TEST(RuleSeed001, SelfEvaluationAgainstItsFinalAccounts) {
  auto tables = nine_tables();
  RuleScope scope = scope_of(tables);
  Record dept = test::dept_001();
  scope.set("selfeval", dept);
  Findings f = run_rules(shipped(), scope);
  ASSERT_EQ(f.size(), 2u) << dump(f);
  EXPECT_EQ(f[0].rule, "dept.final_accounts_executed");
  EXPECT_EQ(f[0].severity, Severity::Error);
  EXPECT_EQ(f[0].file, "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx");
  EXPECT_EQ(f[0].sheet, "部门整体支出绩效自评表");
  EXPECT_EQ(f[0].cell, "E16");
  EXPECT_EQ(f[0].message, "部门整体支出绩效自评表 全年执行数 6560.14 ≠ 公开01 本年支出合计 3555.82");
  EXPECT_EQ(f[0].expected, "3555.82");
  EXPECT_EQ(f[0].found, "6560.14");
  EXPECT_EQ(f[1].rule, "dept.final_accounts_fiscal");
  EXPECT_EQ(f[1].severity, Severity::Warning);
  EXPECT_EQ(f[1].cell, "E17");
  EXPECT_EQ(f[1].message, "部门整体支出绩效自评表 其中：财政拨款 全年执行数 6560.14 ≠ 公开04 本年支出合计 3555.82");

  // Without the 决算 there is nothing to check the self-evaluation against.
  RuleScope alone;
  alone.set("selfeval", dept);
  EXPECT_TRUE(run_rules(shipped(), alone).empty());
}

// Seed 003's 汇总 rows against its two project sheets (the 合计 row is recompute's summary.total).
TEST(RuleSeed001, SummaryRowsAgainstTheirProjectSheets) {
  Record summary = test::summary_003(), p1 = test::project_1_1(), p2 = test::project_1_2();
  RuleScope scope;
  scope.set("summary", summary);
  scope.add_project(p1);
  scope.add_project(p2);
  EXPECT_TRUE(run_rules(shipped(), scope).empty()) << dump(run_rules(shipped(), scope));
  summary.lists["rows"][1]["executed"] = test::kSummary.num("27.43", "27.43", "D6");
  Findings f = run_rules(shipped(), scope);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].rule, "summary.project_executed");
  EXPECT_EQ(f[0].cell, "D6");
  EXPECT_EQ(f[0].message, "自评结果汇总表 打击欺诈骗取医保基金专项经费 全年执行数 27.43 ≠ 项目支出绩效自评表 打击欺诈骗取医保基金专项经费 27.34");
}

// No identity is silently skipped: every amount of the nine tables takes part in at least one, so
// changing any one of them by 1.00 is found (only 公开07's 接待批次/人次 are counts no identity uses).
TEST(RuleSeed001, EveryAmountTakesPartInAnIdentity) {
  const auto clean = nine_tables();
  int changed = 0;
  for (size_t t = 0; t < clean.size(); ++t) {
    auto tables = clean;
    for (auto& [path, f] : tables[t].fields) {
      if (path.rfind("reception_", 0) == 0) continue;
      if (!f.number) continue;
      Field before = f;
      f.number = *f.number + Decimal::from_int(1);
      Findings found = run_rules(shipped(), scope_of(tables));
      f = before;
      ++changed;
      EXPECT_FALSE(found.empty()) << "公开0" << t + 1 << " " << path << " " << f.source.cell;
    }
    for (auto& [name, rows] : tables[t].lists)
      for (auto& row : rows)
        for (auto& [key, f] : row) {
          if (!f.number || key == "code") continue;
          Field before = f;
          f.number = *f.number + Decimal::from_int(1);
          Findings found = run_rules(shipped(), scope_of(tables));
          f = before;
          ++changed;
          EXPECT_FALSE(found.empty()) << "公开0" << t + 1 << " " << name << " " << key << " " << f.source.cell;
        }
  }
  EXPECT_GT(changed, 250);
}

// ---- the injected mistakes of samples/manifest.json (one changed cell each) ----------------------------

TEST(RuleSeed001, Err08IncomeGrandTotal) {
  Record r = t01();
  cell(r, "income.grand_total") = Sheet{r.fields["table"].source.file, r.fields["table"].source.sheet}.n("3,565.82", "C36");
  RuleScope scope;
  scope.add_final_accounts_table(r);
  Findings f = run_rules(shipped(), scope);
  expect_manifest_findings("err08_公开01_收入总计不等于支出总计.xlsx", f);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].message, "收入总计 3565.82 ≠ 支出总计 3555.82");
  EXPECT_EQ(f[1].message, "收入总计 3565.82 ≠ 本年收入合计 3555.82 + 使用非财政拨款结余 0.00 + 年初结转和结余 0.00 = 3555.82");
}

TEST(RuleSeed001, Err09ClassNotTheSumOfItsSections) {
  Record r = t05("001_2022_公开05表_一般公共预算财政拨款支出决算表.xlsx");
  auto& row = r.lists["items"][5];
  ASSERT_EQ(row["code"].text, "210");
  row["total"].number = *Decimal::parse("2681.86");
  row["total"].text = "2,681.86";
  ASSERT_EQ(row["total"].source.cell, "C13");
  RuleScope scope;
  scope.add_final_accounts_table(r);
  Findings f = run_rules(shipped(), scope);
  expect_manifest_findings("err09_公开05_类不等于款之和.xlsx", f);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].message, "210 卫生健康支出 合计 2681.86 ≠ 21011 14.10 + 21013 2299.53 + 21015 368.05 = 2681.68（类 = Σ款）");
  EXPECT_EQ(f[1].message, "210 卫生健康支出 合计 2681.86 ≠ 基本支出 343.15 + 项目支出 2338.53 = 2681.68");
  EXPECT_EQ(f[2].message, "合计 3429.91 ≠ 208 37.51 + 210 2681.86 + 213 689.57 + 221 21.15 = 3430.09");
}

TEST(RuleSeed001, Err10PersonnelNot301Plus303) {
  Record r = t06("001_2022_公开06表_一般公共预算财政拨款基本支出决算表.xlsx");
  cell(r, "personnel").number = *Decimal::parse("354.91");
  cell(r, "personnel").text = "354.91";
  RuleScope scope;
  scope.add_final_accounts_table(r);
  Findings f = run_rules(shipped(), scope);
  expect_manifest_findings("err10_公开06_人员经费不等于301加303.xlsx", f);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "人员经费合计 354.91 ≠ 301 342.75 + 303 3.16 = 345.91");
}

TEST(RuleSeed001, Err11ThreePublicTotal) {
  Record r = t07("001_2022_公开07表_财政拨款三公经费支出决算表.xlsx");
  cell(r, "actual.total").number = *Decimal::parse("1.05");
  cell(r, "actual.total").text = "1.05";
  RuleScope scope;
  scope.add_final_accounts_table(r);
  Findings f = run_rules(shipped(), scope);
  expect_manifest_findings("err11_公开07_三公合计不等于分项.xlsx", f);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "决算数 合计 1.05 ≠ 因公出国（境）费 0.00 + 公务用车购置及运行费 0.00 + 公务接待费 1.50 = 1.50");
}

TEST(RuleSeed001, Err12ExpenditureOf01AgainstTable03) {
  auto tables = nine_tables();
  Field& total = cell(tables[0], "expenditure.total");
  ASSERT_EQ(total.source.cell, "F33");
  total.number = *Decimal::parse("3555.28");
  total.text = "3,555.28";
  Findings f = run_rules(shipped(), scope_of(tables));
  expect_manifest_findings("err12_九表_01本年支出合计不等于03合计.xlsx", f);
  ASSERT_EQ(f.size(), 3u);
  // In rule order: the tables' own identities, then across tables.
  EXPECT_EQ(f[0].message, "支出总计 3555.82 ≠ 本年支出合计 3555.28 + 结余分配 0.00 + 年末结转和结余 0.00 = 3555.28");
  EXPECT_EQ(f[1].message,
            "本年支出合计 3555.28 ≠ 八、社会保障和就业支出 37.51 + 九、卫生健康支出 2681.68 + 十二、农林水支出 689.57 + "
            "十九、住房保障支出 21.15 + 二十三、其他支出 125.91 = 3555.82");
  EXPECT_EQ(f[2].message, "公开01 本年支出合计 3555.28 ≠ 公开03 合计 3555.82");
}

// A cross-table mistake the manifest has no file for: 公开06 公务接待费 30217 against 公开07.
TEST(RuleSeed001, ReceptionOf07AgainstEconomicItem30217) {
  auto tables = nine_tables();
  for (auto& row : tables[5].lists["items"])
    if (row["code"].text == "30217") row["amount"].number = *Decimal::parse("1.05");
  Findings f = run_rules(shipped(), scope_of(tables));
  // 302 = Σ302xx breaks (公用经费 = 302 + … still holds), and 公开07 against the changed 30217.
  std::string rules;
  for (const auto& x : f) rules += x.rule + "@" + x.cell + " ";
  EXPECT_EQ(rules, "fa.class_sum@F6 fa.cross_06_07@L8 ") << dump(f);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].severity, Severity::Warning);
  EXPECT_EQ(f[1].message, "公开07 公务接待费 1.50 ≠ 公开06 30217 1.05");
}

}  // namespace
}  // namespace jixiao
