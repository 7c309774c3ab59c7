// The rule language: parsing (precedence, where, for, errors with positions) and evaluation
// (blanks, missing records, tolerance, texts, messages) on small hand-made records.
#include "model/rule_language.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

using rules::Op;

std::string parsed(const std::string& text, std::vector<std::string> params = {}) {
  rules::ParseOptions opt;
  opt.params = std::move(params);
  auto r = rules::parse_expression(rules::SourceText(text, {1, 1}), opt);
  if (auto* e = std::get_if<rules::ParseError>(&r))
    return "error " + std::to_string(e->pos.line) + ":" + std::to_string(e->pos.column) + " " + e->message;
  return rules::to_source(*std::get<rules::NodePtr>(r));
}

// "error L:C" of a text that must not parse.
std::string error_at(const std::string& text, bool assertion = true) {
  rules::ParseOptions opt;
  opt.assertion = assertion;
  auto r = rules::parse_expression(rules::SourceText(text, {7, 3}), opt);
  auto* e = std::get_if<rules::ParseError>(&r);
  if (!e) return "parsed";
  return std::to_string(e->pos.line) + ":" + std::to_string(e->pos.column) + " " + e->message;
}

TEST(RuleParse, Precedence) {
  EXPECT_EQ(parsed("t01.a + t01.b * t01.c"), "(t01.a + (t01.b * t01.c))");
  EXPECT_EQ(parsed("t01.a - t01.b - t01.c"), "((t01.a - t01.b) - t01.c)");
  EXPECT_EQ(parsed("(t01.a - t01.b) / 2"), "((t01.a - t01.b) / 2)");
  EXPECT_EQ(parsed("-t01.a * 2 + 1.50"), "(((-t01.a) * 2) + 1.5)");
  EXPECT_EQ(parsed("t01.a == t01.b + t01.c"), "(t01.a == (t01.b + t01.c))");
  EXPECT_EQ(parsed("not t01.a == 1 and t01.b < 2 or t01.c >= 3"),
            "(((not (t01.a == 1)) and (t01.b < 2)) or (t01.c >= 3))");
  EXPECT_EQ(parsed("t01.a == 1 or t01.b == 2 and t01.c == 3"), "((t01.a == 1) or ((t01.b == 2) and (t01.c == 3)))");
  EXPECT_EQ(parsed("prior.t01.income.total != t01.income.total"), "(prior.t01.income.total != t01.income.total)");
}

TEST(RuleParse, WideSymbolsAndStrings) {
  EXPECT_EQ(parsed("t01.a ≠ t01.b"), "(t01.a != t01.b)");
  EXPECT_EQ(parsed("t01.a ≤ t01.b"), "(t01.a <= t01.b)");
  EXPECT_EQ(parsed("（t01.a ＋ t01.b）≥ t01.c"), "((t01.a + t01.b) >= t01.c)");
  EXPECT_EQ(parsed("count(t06.items where code == '301' or name == “工资福利支出”)"),
            "count(t06.items where ((code == \"301\") or (name == \"工资福利支出\")))");
}

TEST(RuleParse, ForWhereSumAndParameters) {
  EXPECT_EQ(parsed("for c in t05.items where len(code) == 3: c.total == sum(t05.items where len(code) == 5 and "
                   "startswith(code, c.code), total)"),
            "for c in t05.items where (len(code) == 3): (c.total == sum(t05.items where ((len(code) == 5) and "
            "startswith(code, c.code)), total))");
  EXPECT_EQ(parsed("sum(t05.items where len(code) == 3, total) == t05.total.total"),
            "(sum(t05.items where (len(code) == 3), total) == t05.total.total)");
  EXPECT_EQ(parsed("t07.$s.total == t07.$s.abroad", {"s"}), "(t07.$s.total == t07.$s.abroad)");
  EXPECT_EQ(parsed("for c in t05.items: c.$col == sum(t05.items where startswith(code, c.code), $col)", {"col"}),
            "for c in t05.items: (c.$col == sum(t05.items where startswith(code, c.code), $col))");
  EXPECT_EQ(parsed("(for a in t02.items: a.total == 1) and (for b in t03.items: b.total == 2)"),
            "(for a in t02.items: (a.total == 1) and for b in t03.items: (b.total == 2))");
  EXPECT_EQ(parsed("exists(selfeval) and abs(min(t01.a, t01.b, 3)) > round(t01.c / 3, 2)"),
            "(exists(selfeval) and (abs(min(t01.a, t01.b, 3)) > round((t01.c / 3), 2)))");
}

TEST(RuleParse, ErrorsNameLineAndColumn) {
  // The text starts at line 7, column 3 of its file.
  EXPECT_EQ(error_at("t01.a = t01.b"), "7:9 “=” 不是比较运算符，请写 “==”");
  EXPECT_EQ(error_at("t01.a + "), "7:11 表达式不完整：缺少运算数");
  EXPECT_EQ(error_at("(t01.a + t01.b"), "7:17 应为 “)”，实际为 表达式结尾");
  EXPECT_EQ(error_at("t01.a == t01.b == t01.c"), "7:18 比较不能连写（a == b == c）：请用 and 连接两个比较");
  EXPECT_NE(error_at("total == 1").find("7:3 未知的名称 “total”"), std::string::npos);
  EXPECT_NE(error_at("t01.a == foo(1)").find("7:12 未知的函数 “foo”"), std::string::npos);
  EXPECT_EQ(error_at("sum(t05.items) == 1"), "7:3 函数 sum 的参数个数不对：用法为 sum(列表 where 条件, 字段)");
  EXPECT_EQ(error_at("len(t01.a, t01.b)"), "7:3 函数 len 的参数个数不对：用法为 len(文本)");
  EXPECT_EQ(error_at("sum(1, total)"), "7:7 此处应为列表（如 t05.items 或 projects），实际为 “1”");
  EXPECT_EQ(error_at("1 + for c in t05.items: c.a == 1"),
            "7:7 for 只能写在 check 的最外层或 and/or 的两边，不能写在运算或函数之中");
  EXPECT_EQ(error_at("for c in t05.items: c.a == 1", /*assertion=*/false), "7:3 for 只能用在 check 中");
  EXPECT_EQ(error_at("t07.$s.total == 1"), "7:3 参数 $s 没有在本规则的 each 中定义");
  EXPECT_EQ(error_at("t01.name == \"剑阁"), "7:15 字符串缺少结尾的引号 \"");
  EXPECT_EQ(error_at("t01.名称 == 1"), "7:7 无法识别的字符 “名”");
  EXPECT_EQ(error_at("t01.a == 1 where"), "7:14 表达式在此应当结束，却遇到 “where”");
  EXPECT_EQ(error_at("prior == 1"), "7:3 prior 后应接上年的表名，如 prior.t01");
  EXPECT_EQ(error_at("for t01 in t05.items: 1 == 1"), "7:7 变量名 “t01” 与表名或函数名相同，请换一个");
}

TEST(RuleParse, DeepNestingIsAnErrorNotACrash) {
  EXPECT_EQ(parsed(std::string(150, '(') + "1" + std::string(150, ')') + " == 1"), "(1 == 1)");
  EXPECT_NE(error_at(std::string(100000, '(') + "1").find("表达式嵌套过深"), std::string::npos);
  EXPECT_NE(error_at(std::string(100000, '-') + "1").find("表达式嵌套过深"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 50000; ++i) nots += "not ";
  EXPECT_NE(error_at(nots + "1").find("表达式嵌套过深"), std::string::npos);
  std::string chain = "t01.a";
  for (int i = 0; i < 50000; ++i) chain += " + 1";
  EXPECT_NE(error_at(chain).find("表达式过长"), std::string::npos);
}

// ---- evaluation --------------------------------------------------------------------------------

const char* kFile = "决算.xlsx";

Field num(const std::string& v, const std::string& cell, const std::string& sheet = "公开05表", std::string note = {}) {
  Field f{v, *Decimal::parse(v), {kFile, sheet, cell}, {}};
  if (note.find("万元") != std::string::npos) f.mark(ReadAs::FromYuan);  // "元 → 万元"
  return f;
}
Field txt(const std::string& v, const std::string& cell, const std::string& sheet = "公开05表") {
  return Field{v, std::nullopt, {kFile, sheet, cell}, {}};
}

// The evaluator's tests write rules over made-up records (t01.a, t05.items.x), so paths are not
// checked against the record schema here (rule_file_test checks that they are when rules load).
RuleSet rules_of(const std::string& text) {
  auto r = parse_rules(text, "t.rules", SchemaCheck::Off);
  if (!r) {
    ADD_FAILURE() << r.error().message;
    return {};
  }
  return r.value();
}

std::string dump(const Findings& fs) {
  std::string s;
  for (const auto& f : fs)
    s += f.rule + " [" + severity_name(f.severity) + "] " + f.sheet + "!" + f.cell + ": " + f.message + " (expected " +
         f.expected + ", found " + f.found + ")\n";
  return s;
}

const char* kLabels = R"(
label t05 = 公开05
label t05.total.total = 合计
label t05.total.basic = 基本支出合计
label t05.total.project = 项目支出合计
label t05.items.total = 合计
label t05.items.basic = 基本支出
label t05.items.project = 项目支出
label t01 = 公开01
label t01.expenditure.total = 本年支出合计
)";

// A small 公开05: 210 = 21011 + 21013, 21011 = 2101101 + 2101102; basic/project blank where zero.
Record t05() {
  Record r;
  r.kind = "final_accounts_table";
  r.fields["table"] = txt("公开05表", "E2");
  r.fields["total.total"] = num("2313.63", "C7");
  r.fields["total.basic"] = num("14.10", "D7");
  r.fields["total.project"] = num("2299.53", "E7");
  auto row = [&](int n, const char* code, const char* name, const char* total, const char* basic, const char* project) {
    std::string i = std::to_string(n);
    FieldMap m{{"code", txt(code, "A" + i)}, {"name", txt(name, "B" + i)}, {"total", num(total, "C" + i)}};
    if (*basic) m["basic"] = num(basic, "D" + i);
    if (*project) m["project"] = num(project, "E" + i);
    r.lists["items"].push_back(std::move(m));
  };
  row(8, "210", "卫生健康支出", "2313.63", "14.10", "2299.53");
  row(9, "21011", "行政事业单位医疗", "14.10", "14.10", "");
  row(10, "2101101", "行政单位医疗", "11.85", "11.85", "");
  row(11, "2101102", "事业单位医疗", "2.25", "2.25", "");
  row(12, "21013", "医疗救助", "2299.53", "", "2299.53");
  row(13, "2101301", "城乡医疗救助", "2299.53", "", "2299.53");
  return r;
}

Findings run(const std::string& text, const RuleScope& scope) {
  RuleSet set = rules_of(std::string(kLabels) + text);
  return run_rules(set, scope);
}

const char* kIdentities = R"(
rule fa.row_sum
  title: 合计 = 基本 + 项目
  check: t05.total.total == t05.total.basic + t05.total.project
  check: for item in t05.items: item.total == item.basic + item.project
rule fa.grand_total
  title: 合计 = Σ类
  check: sum(t05.items where len(code) == 3, total) == t05.total.total
rule fa.class_sum
  title: 类 = Σ款
  check: for c in t05.items where len(code) == 3:
           c.total == sum(t05.items where len(code) == 5 and startswith(code, c.code), total)
  message: {check}（类 = Σ款）
rule fa.section_sum
  title: 款 = Σ项
  check: for c in t05.items where len(code) == 5:
           c.total == sum(t05.items where len(code) == 7 and startswith(code, c.code), total)
)";

TEST(RuleEval, IssueExamplesHoldOnConsistentRecords) {
  Record r = t05();
  RuleScope scope;
  scope.set("t05", r);
  Findings f = run(kIdentities, scope);
  EXPECT_TRUE(f.empty()) << dump(f);
}

TEST(RuleEval, RowSumWithBlankCellsNamesTheRowOnceAndShowsZero) {
  Record r = t05();
  r.lists["items"][1]["total"] = num("14.01", "C9");  // 21011 合计 typed as 14.01
  RuleScope scope;
  scope.set("t05", r);
  Findings f = run(kIdentities, scope);
  ASSERT_EQ(f.size(), 3u) << dump(f);
  EXPECT_EQ(f[0].rule, "fa.row_sum");
  EXPECT_EQ(f[0].cell, "C9");
  EXPECT_EQ(f[0].message, "21011 行政事业单位医疗 合计 14.01 ≠ 基本支出 14.10 + 项目支出 0.00 = 14.10");
  EXPECT_EQ(f[0].expected, "14.1");
  EXPECT_EQ(f[0].found, "14.01");
  EXPECT_EQ(f[0].file, kFile);
  EXPECT_EQ(f[0].sheet, "公开05表");
  EXPECT_EQ(f[1].rule, "fa.class_sum");
  EXPECT_EQ(f[1].cell, "C8");
  EXPECT_EQ(f[1].message, "210 卫生健康支出 合计 2313.63 ≠ 21011 14.01 + 21013 2299.53 = 2313.54（类 = Σ款）");
  EXPECT_EQ(f[2].rule, "fa.section_sum");
  EXPECT_EQ(f[2].message, "21011 行政事业单位医疗 合计 14.01 ≠ 2101101 11.85 + 2101102 2.25 = 14.10");
}

TEST(RuleEval, LeftSideIsTheCheckedCell) {
  Record r = t05();
  r.fields["total.total"] = num("2313.36", "C7");
  RuleScope scope;
  scope.set("t05", r);
  Findings f = run(kIdentities, scope);
  ASSERT_EQ(f.size(), 2u) << dump(f);
  EXPECT_EQ(f[0].message, "合计 2313.36 ≠ 基本支出合计 14.10 + 项目支出合计 2299.53 = 2313.63");
  EXPECT_EQ(f[0].cell, "C7");
  // sum(...) == total: the sum is the left side, its first row names the cell.
  EXPECT_EQ(f[1].message, "210 2313.63 ≠ 合计 2313.36");
  EXPECT_EQ(f[1].cell, "C8");
  EXPECT_EQ(f[1].found, "2313.63");
  EXPECT_EQ(f[1].expected, "2313.36");
}

TEST(RuleEval, MissingRecordSkipsTheAssertion) {
  Record r = t05();
  RuleScope scope;
  scope.set("t05", r);
  Findings f = run(R"(
rule x.cross
  title: 公开01 = 公开05
  check: t01.expenditure.total == t05.total.total
rule x.for_absent
  title: for over an absent table
  check: for c in t03.items: c.total == 1
rule x.count_absent
  title: a where that names an absent record
  check: for c in t05.items where count(projects where name == c.name) == 0: c.total == 0
)",
                   scope);
  EXPECT_TRUE(f.empty()) << dump(f);
}

TEST(RuleEval, AllBlankIsSkippedButOneFilledOperandIsCompared) {
  Record empty;  // 公开09 "本表无数据": the 合计 row's cells exist but are blank
  empty.fields["total.total"] = txt("", "E7", "公开09表");
  empty.fields["total.basic"] = txt("", "F7", "公开09表");
  RuleScope scope;
  scope.set("t09", empty);
  const char* rule = R"(
rule fa.row_sum
  title: 本年支出 = 基本 + 项目
  check: t09.total.total == t09.total.basic + t09.total.project
)";
  EXPECT_TRUE(run(rule, scope).empty());
  empty.fields["total.project"] = num("0.50", "G7", "公开09表");
  Findings f = run(rule, scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].cell, "E7");  // the blank left-hand cell is still where the finding points
  EXPECT_EQ(f[0].message, "total.total 0.00 ≠ total.basic 0.00 + total.project 0.50 = 0.50");
  EXPECT_EQ(f[0].found, "0");
  EXPECT_EQ(f[0].expected, "0.5");
}

// ---- tolerance -------------------------------------------------------------------------------------

Findings tolerance_case(const std::string& a, const std::string& b, const std::string& c, const std::string& extra = {},
                        const std::string& note = {}) {
  Record r;
  r.fields["a"] = num(a, "A1", "S", note);
  r.fields["b"] = num(b, "B1", "S", note);
  if (!c.empty()) r.fields["c"] = num(c, "C1", "S", note);
  RuleScope scope;
  scope.set("t01", r);
  return run("rule x\n  title: a = b + c\n" + extra + "  check: t01.a == t01.b + t01.c\n", scope);
}

TEST(RuleEval, ToleranceIsOneFenPerAddendOfTheLongerSide) {
  EXPECT_TRUE(tolerance_case("10.01", "10.00", "").empty());   // one addend: 0.01
  EXPECT_EQ(tolerance_case("10.02", "10.00", "").size(), 1u);  // 0.02 over one addend
  EXPECT_TRUE(tolerance_case("9.99", "10.00", "").empty());
  EXPECT_EQ(tolerance_case("9.98", "10.00", "").size(), 1u);
  EXPECT_TRUE(tolerance_case("10.02", "6.00", "4.00").empty());   // two addends: 0.02
  EXPECT_EQ(tolerance_case("10.03", "6.00", "4.00").size(), 1u);  // 0.03 over two addends
  EXPECT_EQ(tolerance_case("10.021", "6.00", "4.00").size(), 1u);
}

TEST(RuleEval, AmountsReadInYuanMustAgreeExactly) {
  // 1,000,000.01 元 = 100.000001 万元: exact, not within 0.01 万元.
  EXPECT_EQ(tolerance_case("100.000001", "60", "40", {}, "元→万元").size(), 1u);
  EXPECT_EQ(tolerance_case("100.000001", "60", "40", {}, "文本数字，元 → 万元").size(), 1u);
  EXPECT_TRUE(tolerance_case("100", "60", "40", {}, "元→万元").empty());
  // Without the note the same difference is rounding.
  EXPECT_TRUE(tolerance_case("100.000001", "60", "40").empty());
}

TEST(RuleEval, ARuleMayOverrideTheTolerance) {
  EXPECT_EQ(tolerance_case("10.01", "10.00", "", "  tolerance: 0\n").size(), 1u);
  EXPECT_TRUE(tolerance_case("10.05", "10.00", "", "  tolerance: 0.05\n").empty());
  EXPECT_EQ(tolerance_case("10.06", "10.00", "", "  tolerance: 0.05\n").size(), 1u);
  EXPECT_TRUE(tolerance_case("10.10", "6.00", "4.00", "  tolerance: 0.05 per addend\n").empty());
  EXPECT_EQ(tolerance_case("10.11", "6.00", "4.00", "  tolerance: 0.05 per addend\n").size(), 1u);
  // A fixed tolerance holds even for amounts read in 元.
  EXPECT_TRUE(tolerance_case("100.01", "60", "40", "  tolerance: 0.01\n", "元→万元").empty());
}

TEST(RuleEval, InequalitiesWithTolerance) {
  Record r;
  r.fields["a"] = num("10.01", "A1", "S");
  r.fields["b"] = num("10.00", "B1", "S");
  RuleScope scope;
  scope.set("t01", r);
  auto count = [&](const char* check) { return run(std::string("rule x\n  title: t\n  check: ") + check + "\n", scope).size(); };
  EXPECT_EQ(count("t01.a <= t01.b"), 0u);  // within 0.01
  EXPECT_EQ(count("t01.a > t01.b"), 1u);   // not beyond the tolerance
  EXPECT_EQ(count("t01.b >= t01.a"), 0u);
  EXPECT_EQ(count("t01.b < t01.a"), 1u);
  EXPECT_EQ(count("t01.a != t01.b"), 1u);
  r.fields["a"] = num("10.02", "A1", "S");
  EXPECT_EQ(count("t01.a <= t01.b"), 1u);
  EXPECT_EQ(count("t01.a > t01.b"), 0u);
  Findings f = run("rule x\n  title: t\n  check: t01.a <= t01.b\n", scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "a 10.02 > b 10.00");
}

TEST(RuleEval, WhereConditionsAreExact) {
  Record r;
  r.lists["items"] = {{{"code", txt("1", "A1")}, {"v", num("1.01", "B1")}}, {{"code", txt("2", "A2")}, {"v", num("1.00", "B2")}}};
  r.fields["n"] = num("1", "C1");
  RuleScope scope;
  scope.set("t01", r);
  Findings f = run("rule x\n  title: t\n  check: count(t01.items where v == 1) == t01.n\n", scope);
  EXPECT_TRUE(f.empty()) << dump(f);
  f = run("rule x\n  title: t\n  check: t01.n == sum(t01.items where v > 2, v)\n", scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "n 1.00 ≠ 各行之和 0.00");  // no row: the sum is named, not a bare 0
  f = run("rule x\n  title: t\n  check: count(t01.items where v > 1) == 0\n", scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "行数 1 ≠ 0");
}

// ---- texts, functions, messages ---------------------------------------------------------------------

TEST(RuleEval, CodesCompareAsTextOrNumber) {
  Record r;
  r.fields["personnel"] = num("345.91", "C34", "公开06表");
  r.lists["items"] = {
      {{"code", Field{"301", Decimal::from_int(301), {kFile, "公开06表", "A6"}, {}}}, {"amount", num("342.75", "C6", "公开06表")}},
      {{"code", txt("30101", "A7", "公开06表")}, {"amount", num("96.42", "C7", "公开06表")}},
      {{"code", txt(" 303 ", "A20", "公开06表")}, {"amount", num("3.16", "C20", "公开06表")}},
  };
  RuleScope scope;
  scope.set("t06", r);
  const char* rule = R"(
label t06.personnel = 人员经费合计
rule fa06.personnel
  title: 人员经费 = 301 + 303
  check: t06.personnel == sum(t06.items where code == "301" or code == "303", amount)
rule x.len
  title: three 类 rows
  check: count(t06.items where len(code) == 3) == 2 and count(t06.items where startswith(code, "30") and endswith(code, "1")) == 2
rule x.contains
  title: contains
  check: count(t06.items where contains(code, "010")) == 1
)";
  EXPECT_TRUE(run(rule, scope).empty()) << dump(run(rule, scope));
  r.fields["personnel"] = num("354.91", "C34", "公开06表");
  Findings f = run(rule, scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "人员经费合计 354.91 ≠ 301 342.75 + 303 3.16 = 345.91");
  EXPECT_EQ(f[0].cell, "C34");
}

TEST(RuleEval, TextComparisonsAndExists) {
  Record a, b;
  a.fields["department"] = txt("剑阁县医疗保障局", "A3", "公开01表");
  b.fields["department"] = txt("剑阁县 医疗保障局", "A3", "公开02表");
  RuleScope scope;
  scope.set("t01", a);
  scope.set("t02", b);
  const char* rule = R"(
label t01 = 公开01
label t02 = 公开02
label t01.department = 部门
label t02.department = 部门
rule fa.same_department
  title: 各表的部门相同
  when: exists(t02.department) and not exists(selfeval)
  check: t02.department == t01.department
)";
  EXPECT_TRUE(run(rule, scope).empty());  // white space is not a difference
  b.fields["department"] = txt("剑阁县财政局", "A3", "公开02表");
  Findings f = run(rule, scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "公开02 部门 “剑阁县财政局” ≠ 公开01 部门 “剑阁县医疗保障局”");
  EXPECT_EQ(f[0].found, "剑阁县财政局");
  EXPECT_EQ(f[0].expected, "剑阁县医疗保障局");
  Record se;
  scope.set("selfeval", se);
  EXPECT_TRUE(run(rule, scope).empty());  // `when` is false
}

TEST(RuleEval, ArithmeticFunctionsAndDivisionByZero) {
  Record r;
  r.fields["a"] = num("-3.456", "A1", "S");
  r.fields["b"] = num("2", "B1", "S");
  r.fields["zero"] = num("0", "C1", "S");
  RuleScope scope;
  scope.set("t01", r);
  auto holds = [&](const std::string& check) {
    return run("rule x\n  title: t\n  check: " + check + "\n", scope).empty();
  };
  EXPECT_TRUE(holds("abs(t01.a) == 3.456"));
  EXPECT_TRUE(holds("round(t01.a, 2) == -3.46"));
  EXPECT_TRUE(holds("min(t01.a, t01.b, 0) == t01.a and max(t01.a, t01.b) == 2"));
  EXPECT_TRUE(holds("t01.b * 1.5 - t01.b / 4 == 2.5"));
  EXPECT_TRUE(holds("-(t01.b + 1) == -3"));
  EXPECT_TRUE(holds("t01.b / t01.zero == 5"));  // undefined: skipped
  EXPECT_FALSE(holds("t01.b / 4 == 0.6"));
  Findings f = run("rule x\n  title: t\n  check: t01.b - (t01.a + t01.b) == 0\n", scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "b 2.00 - (a -3.456 + b 2.00) = 3.456 ≠ 0");
  EXPECT_EQ(f[0].found, "3.456");
  EXPECT_EQ(f[0].cell, "B1");
}

TEST(RuleEval, MessageTemplates) {
  Record r = t05();
  r.lists["items"][1]["total"] = num("14.01", "C9");
  RuleScope scope;
  scope.set("t05", r);
  Findings f = run(R"(
rule fa.row_sum
  title: 合计 = 基本 + 项目
  check: for item in t05.items where len(code) == 5:
           item.total == item.basic + item.project
  message: {item.code}（{item.name}）：{lhs} 应为 {expected}，差 {diff}，{{容差 {tolerance}}}；
    {title}
)",
                   scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "21011（行政事业单位医疗）：21011 行政事业单位医疗 合计 14.01 应为 14.10，差 -0.09，{容差 0.01}；合计 = 基本 + 项目");
}

TEST(RuleEval, CrossRecordValuesAreNamedByTheirRecord) {
  Record a, b;
  a.fields["expenditure.total"] = num("3555.28", "F33", "公开01表");
  b.fields["total.total"] = num("3555.82", "C7", "公开03表");
  RuleScope scope;
  scope.set("t01", a);
  scope.set("t03", b);
  Findings f = run(R"(
label t03 = 公开03
label t03.total.total = 合计
rule fa.cross_01_03
  title: 01 = 03
  check: t01.expenditure.total == t03.total.total
)",
                   scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "公开01 本年支出合计 3555.28 ≠ 公开03 合计 3555.82");
  EXPECT_EQ(f[0].sheet, "公开01表");
  EXPECT_EQ(f[0].cell, "F33");
}

TEST(RuleEval, EachAndPriorYear) {
  Record now, before;
  now.fields["income.carryover_begin"] = num("5.00", "C35", "公开01表");
  before.fields["expenditure.carryover_end"] = num("4.00", "F35", "1收入支出决算总表");
  now.fields["budget.total"] = num("3.00", "A8", "公开07表");
  now.fields["actual.total"] = num("2.00", "G8", "公开07表");
  RuleScope scope;
  scope.set("t01", now);
  Findings f = run(R"(
label t01.income.carryover_begin = 年初结转和结余
label t01.expenditure.carryover_end = 年末结转和结余
rule fa.carryover_continuity
  title: 年初 = 上年年末
  check: t01.income.carryover_begin == prior.t01.expenditure.carryover_end
rule x.each
  title: each side at most 2.5
  each: $s in budget, actual
  check: t01.$s.total <= 2.5
)",
                   scope);
  ASSERT_EQ(f.size(), 1u) << dump(f);  // no prior year: the continuity rule is skipped
  EXPECT_EQ(f[0].rule, "x.each");
  EXPECT_EQ(f[0].cell, "A8");
  scope.set("prior.t01", before);
  f = run("label t01 = 公开01\nlabel t01.income.carryover_begin = 年初结转和结余\nlabel t01.expenditure.carryover_end = 年末结转和结余\n"
          "rule fa.carryover_continuity\n  title: t\n  check: t01.income.carryover_begin == prior.t01.expenditure.carryover_end\n",
          scope);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "公开01 年初结转和结余 5.00 ≠ 上年公开01 年末结转和结余 4.00");
}

TEST(RuleEval, ProjectsAreAListOfRecords) {
  Record summary, p1, p2;
  summary.lists["rows"] = {
      {{"name", txt("机关建设及日常保障经费", "B5", "汇总")}, {"budget", num("40.10", "C5", "汇总")}},
      {{"name", txt("打击欺诈骗取医保基金专项经费", "B6", "汇总")}, {"budget", num("27.56", "C6", "汇总")}},
      {{"name", txt("没有自评表的项目", "B7", "汇总")}, {"budget", num("9.99", "C7", "汇总")}},
  };
  p1.fields["name"] = txt("机关建设及日常保障经费", "B5", "附件1.1");
  p1.fields["funds.budget"] = num("40.00", "E9", "附件1.1");
  p2.fields["name"] = txt("打击欺诈骗取医保基金专项经费", "B5", "附件1.2");
  p2.fields["funds.budget"] = num("27.56", "E9", "附件1.2");
  RuleScope scope;
  scope.set("summary", summary);
  const char* rule = R"(
label summary = 汇总表
label summary.rows.budget = 预算数
label projects = 项目自评表
rule summary.project_budget
  title: 汇总 = 项目
  check: for r in summary.rows where count(projects where name == r.name) == 1:
           r.budget == sum(projects where name == r.name, funds.budget)
)";
  EXPECT_TRUE(run(rule, scope).empty());  // no project sheets: skipped
  scope.add_project(p1);
  scope.add_project(p2);
  Findings f = run(rule, scope);
  ASSERT_EQ(f.size(), 1u) << dump(f);
  EXPECT_EQ(f[0].message, "汇总表 机关建设及日常保障经费 预算数 40.10 ≠ 项目自评表 机关建设及日常保障经费 40.00");
  EXPECT_EQ(f[0].cell, "C5");
}

TEST(RuleEval, FindingsFollowRuleOrderAndDisableDropsRules) {
  Record r;
  r.fields["a"] = num("1", "A1", "S");
  RuleScope scope;
  scope.set("t01", r);
  RuleSet set = rules_of("rule r.one\n  title: t\n  check: t01.a == 2\nrule r.two\n  title: t\n  check: t01.a == 3\n"
                         "rule r.one\n  title: again\n  check: t01.a == 4\n");
  Findings f = run_rules(set, scope);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].rule + f[1].rule + f[2].rule, "r.oner.twor.one");
  set.merge(rules_of("disable r.one\nrule r.three\n  title: t\n  check: t01.a == 5\n  severity: warning\n"));
  f = run_rules(set, scope);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].rule, "r.two");
  EXPECT_EQ(f[1].rule, "r.three");
  EXPECT_EQ(f[1].severity, Severity::Warning);
}

TEST(RuleEval, FinalAccountsTablesAreFiledByTheirNumber) {
  Record a, b, c;
  a.fields["table"] = txt("公开01表", "F2");
  b.fields["table"] = txt("9", "H2");
  c.fields["table"] = txt("其他", "A1");
  RuleScope scope;
  EXPECT_TRUE(scope.add_final_accounts_table(a));
  EXPECT_TRUE(scope.add_final_accounts_table(b, /*prior=*/true));
  EXPECT_FALSE(scope.add_final_accounts_table(c));
  EXPECT_EQ(scope.records.at("t01"), &a);
  EXPECT_EQ(scope.records.at("prior.t09"), &b);
  EXPECT_EQ(scope.records.size(), 2u);
}

}  // namespace
}  // namespace jixiao
