// Rule files: the format (rule / label / disable lines, indented attributes, continuation lines),
// errors that name file, line and column, directories merged in name order, and the shipped rules.
#include "model/rule_language.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "test_paths.h"

namespace jixiao {
namespace {

Expected<RuleSet> parse(const std::string& text) { return parse_rules(text, "地区.rules"); }

std::string error_of(const std::string& text) {
  auto r = parse(text);
  return r.ok() ? "ok" : r.error().message;
}

std::string code_of(const std::string& text) {
  auto r = parse(text);
  return r.ok() ? "ok" : r.error().code;
}

// A rule naming a field the record does not have never fires; it is refused where it is written.
TEST(RuleFile, PathsAreCheckedAgainstTheRecordSchema) {
  std::string e = error_of("rule dept.x\n  title: 执行数\n  check: selfeval.funds.executd == t01.expenditure.total\n");
  EXPECT_NE(e.find("第 3 行"), std::string::npos) << e;
  EXPECT_NE(e.find("funds.executd"), std::string::npos) << e;
  EXPECT_NE(e.find("funds.executed"), std::string::npos) << e;  // the name it has
  EXPECT_EQ(code_of("rule dept.x\n  title: 执行数\n  check: selfeval.funds.executd == 1\n"), "rules.unknown_field");
  // A row's field inside where and sum, a for variable, and every value of an each parameter.
  EXPECT_EQ(code_of("rule s\n  title: 汇总\n  check: for r in summary.rows where count(projects where name == r.name) == 1:\n"
                    "    r.budget == sum(projects where name == r.nmae, funds.budget)\n"),
            "rules.unknown_field");
  EXPECT_EQ(code_of("rule s\n  title: 汇总\n  check: for r in summary.rows:\n    r.budget == sum(projects where name == r.name, funds.budgte)\n"),
            "rules.unknown_field");
  EXPECT_EQ(code_of("rule c\n  title: 类\n  each: $col in total, basci\n  check: t03.total.$col == sum(t03.items, $col)\n"),
            "rules.unknown_field");
  EXPECT_EQ(code_of("rule c\n  title: 类\n  each: $col in total, basic\n  check: t03.total.$col == sum(t03.items where len(code) == 3, $col)\n"),
            "ok");
  EXPECT_EQ(code_of("rule p\n  title: 上年\n  check: t08.total.carryover_begin == prior.t08.total.carryover_ending\n"),
            "rules.unknown_field");
}

TEST(RuleFile, Format) {
  auto r = parse(
      "\xEF\xBB\xBF# 注释\r\n"
      "label t05 = 公开05\r\n"
      "label t05.items.total ＝ 合计 （万元）\r\n"
      "\r\n"
      "rule fa.class_sum\r\n"
      "  # 注释也可以缩进\r\n"
      "  title：公开05 类 = Σ款\r\n"
      "  severity: 警告\r\n"
      "  tolerance: 0.02 per addend\r\n"
      "  each: $col in total， basic, project\r\n"
      "  when: exists(t05)\r\n"
      "  check: for c in t05.items where len(code) == 3:\r\n"
      "           c.$col == sum(t05.items where len(code) == 5 and startswith(code, c.code), $col)\r\n"
      "  message: {check}（类 = Σ款，\r\n"
      "    {c.name}）{{注}}\r\n"
      "rule fa.grand_total\n"
      "  title: 合计\n"
      "  tolerance: 0\n"
      "  check: t05.total.total == sum(t05.items where len(code) == 3, total)\n"
      "  check: t05.total.basic == sum(t05.items where len(code) == 3, basic)\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const RuleSet& set = r.value();
  EXPECT_EQ(set.labels.at("t05"), "公开05");
  EXPECT_EQ(set.labels.at("t05.items.total"), "合计 （万元）");
  ASSERT_EQ(set.rules.size(), 2u);
  const Rule& a = set.rules[0];
  EXPECT_EQ(a.id, "fa.class_sum");
  EXPECT_EQ(a.title, "公开05 类 = Σ款");
  EXPECT_EQ(a.severity, Severity::Warning);
  EXPECT_EQ(a.tolerance.kind, RuleTolerance::Kind::PerAddend);
  EXPECT_EQ(a.tolerance.amount, *Decimal::parse("0.02"));
  ASSERT_EQ(a.each.size(), 1u);
  EXPECT_EQ(a.each[0].first, "col");
  EXPECT_EQ(a.each[0].second, (std::vector<std::string>{"total", "basic", "project"}));
  ASSERT_TRUE(a.when);
  ASSERT_EQ(a.checks.size(), 1u);
  EXPECT_EQ(rules::to_source(*a.checks[0]),
            "for c in t05.items where (len(code) == 3): (c.$col == sum(t05.items where ((len(code) == 5) and "
            "startswith(code, c.code)), $col))");
  EXPECT_EQ(a.checks[0]->pos.line, 12);
  EXPECT_EQ(a.checks[0]->pos.column, 10);
  std::string parts;
  for (const auto& p : a.message) parts += (p.field ? "{" + p.text + "}" : p.text) + "|";
  EXPECT_EQ(parts, "{check}|（类 = Σ款，|{c.name}|）{注}|");
  EXPECT_EQ(a.file, "地区.rules");
  EXPECT_EQ(a.line, 5);
  const Rule& b = set.rules[1];
  EXPECT_EQ(b.severity, Severity::Error);
  EXPECT_EQ(b.tolerance.kind, RuleTolerance::Kind::Fixed);
  EXPECT_EQ(b.tolerance.amount, Decimal{});
  EXPECT_EQ(b.checks.size(), 2u);
  ASSERT_EQ(b.message.size(), 1u);  // {check} by default
  EXPECT_EQ(b.message[0].text, "check");
}

// The example in model/rule_language.h, as it stands there, is a valid file.
TEST(RuleFile, HeaderExampleParses) {
  std::ifstream in(test::source_dir() / "model" / "rule_language.h");
  std::string line, text;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.find("==== Rule files") != std::string::npos) {
      inside = true;
      continue;
    }
    if (inside && line.rfind("// Lines starting", 0) == 0) break;
    if (inside) text += (line.size() > 5 ? line.substr(5) : std::string{}) + "\n";  // "//   " before each line
  }
  auto set = parse(text);
  ASSERT_TRUE(set.ok()) << set.error().message << "\n" << text;
  ASSERT_EQ(set->rules.size(), 1u);
  EXPECT_EQ(set->rules[0].id, "fa01.balance");
  EXPECT_EQ(set->labels.size(), 4u);
  EXPECT_EQ(set->disabled, std::vector<std::string>{"fa07.vehicle"});
}

TEST(RuleFile, ErrorsNameFileLineAndColumn) {
  const std::string head = "rule x\n  title: t\n";
  EXPECT_EQ(error_of(head + "  check: t01.a = 1\n"), "审核规则 地区.rules 第 3 行第 16 列：“=” 不是比较运算符，请写 “==”");
  EXPECT_EQ(code_of(head + "  check: t01.a = 1\n"), "rules.syntax");
  // A value continued on the next line: the position is in that line.
  EXPECT_EQ(error_of(head + "  check: t01.a ==\n    t01.b +\n"), "审核规则 地区.rules 第 4 行第 12 列：表达式不完整：缺少运算数");
  EXPECT_EQ(error_of(head + "  check: t01.a ==\n    t01.b + (名)\n"), "审核规则 地区.rules 第 4 行第 14 列：无法识别的字符 “名”");
  EXPECT_EQ(error_of("rule x\n  titel: t\n"),
            "审核规则 地区.rules 第 2 行第 3 列：未知的键 “titel”：可用 title、severity、tolerance、each、when、check、message");
  EXPECT_EQ(code_of("rule x\n  titel: t\n"), "rules.invalid");
  EXPECT_EQ(error_of("\nrule x\n  check: t01.income.total == 1\n"), "审核规则 地区.rules 第 2 行第 1 列：规则 x 缺少 title（中文标题）");
  EXPECT_EQ(error_of(head), "审核规则 地区.rules 第 1 行第 1 列：规则 x 缺少 check（要核对的等式）");
  EXPECT_EQ(error_of(head + "  title: u\n  check: t01.income.total == 1\n"), "审核规则 地区.rules 第 3 行第 3 列：规则 x 的 title 写了两次");
  EXPECT_EQ(error_of(head + "  severity: fatal\n  check: t01.income.total == 1\n"),
            "审核规则 地区.rules 第 3 行第 13 列：severity 应为 error、warning 或 info，实际为 “fatal”");
  EXPECT_EQ(error_of(head + "  tolerance: 一分\n  check: t01.income.total == 1\n"),
            "审核规则 地区.rules 第 3 行第 14 列：tolerance 应为 auto、0、0.05 这样的数或 “0.02 per addend”，实际为 “一分”");
  EXPECT_EQ(error_of(head + "  each: col in a, b\n  check: t01.income.total == 1\n"),
            "审核规则 地区.rules 第 3 行第 9 列：each 应以参数名开头；each 的写法是 each: $col in total, basic, project");
  EXPECT_EQ(error_of(head + "  each: $c in a, , b\n  check: t01.income.total == 1\n"),
            "审核规则 地区.rules 第 3 行第 9 列：取值 “” 应为字段名或表名；each 的写法是 each: $col in total, basic, project");
  EXPECT_EQ(error_of(head + "  check: t01.$col == 1\n"), "审核规则 地区.rules 第 3 行第 10 列：参数 $col 没有在本规则的 each 中定义");
  EXPECT_EQ(error_of(head + "  check: t01.income.total == 1\n  message: {check\n"), "审核规则 地区.rules 第 4 行第 12 列：“{” 没有对应的 “}”");
  EXPECT_EQ(error_of(head + "  check: t01.income.total == 1\n  message: 差 {diff}}\n"),
            "审核规则 地区.rules 第 4 行第 20 列：多余的 “}”（字面的花括号请写 }}）");
  EXPECT_EQ(error_of(head + "  check: t01.income.total == 1\n  message: {check}，{c.name}\n"),
            "审核规则 地区.rules 第 4 行第 21 列：消息中的 {c.name}：未知的名称 “c”：可用 t01…t09、prior.t01…、selfeval、"
            "summary、projects 和 for 引入的变量；行的字段（如 code、total）只能在 where 条件和 sum/count 的字段参数中直接写");
  EXPECT_EQ(error_of(head + "  when: for c in t05.items: c.a == 1\n  check: t01.income.total == 1\n"),
            "审核规则 地区.rules 第 3 行第 9 列：for 只能用在 check 中");
  EXPECT_EQ(error_of("check: t01.income.total == 1\n"),
            "审核规则 地区.rules 第 1 行第 1 列：无法识别的行：顶格的行应以 rule、label 或 disable 开头（规则的内容请缩进）");
  EXPECT_EQ(error_of("# 注释\n  check: t01.income.total == 1\n"), "审核规则 地区.rules 第 2 行第 3 列：缩进的行应写在某条 rule 之下");
  EXPECT_EQ(error_of("rule x\n  t01.income.total == 1\n"), "审核规则 地区.rules 第 2 行第 3 列：此行应为 “键: 值”，如 check: …");
  EXPECT_EQ(error_of("rule 规则一\n"), "审核规则 地区.rules 第 1 行第 6 列：规则编号 “规则一” 不合规：只能包含字母、数字和 . _ -");
  EXPECT_EQ(error_of("label t01 公开01\n"), "审核规则 地区.rules 第 1 行第 7 列：label 的写法是 label 名称 = 文字，如 label t01 = 公开01");
  EXPECT_EQ(error_of("label 公开01 = t01\n"),
            "审核规则 地区.rules 第 1 行第 7 列：label 的名称 “公开01” 应为 t01、t01.income.total 这样的路径");
  auto r = parse(head + "  check: t01.a = 1\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, "地区.rules");
}

void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

TEST(RuleFile, DirectoriesMergeInNameOrder) {
  auto dir = test::scratch_dir() / "rules";
  std::filesystem::create_directories(dir);
  write(dir / "20_region.rules", "disable a.one\nlabel t01 = 本地01\nrule b.two\n  title: t\n  check: t01.income.total == 2\n");
  write(dir / "10_base.rules",
        "label t01 = 公开01\nlabel t02 = 公开02\nrule a.one\n  title: t\n  check: t01.income.total == 1\n"
        "rule a.keep\n  title: t\n  check: t01.income.total == 3\n");
  write(dir / "README.txt", "not a rules file");
  auto set = load_rule_dir(dir);
  ASSERT_TRUE(set.ok()) << set.error().message;
  ASSERT_EQ(set->rules.size(), 2u);
  EXPECT_EQ(set->rules[0].id, "a.keep");
  EXPECT_EQ(set->rules[1].id, "b.two");
  EXPECT_EQ(set->labels.at("t01"), "本地01");
  EXPECT_EQ(set->labels.at("t02"), "公开02");
  EXPECT_EQ(set->rules[1].file, (dir / "20_region.rules").string());

  write(dir / "30_broken.rules", "rule c\n  title: t\n  check: t01.a ==\n");
  auto broken = load_rule_dir(dir);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().file, (dir / "30_broken.rules").string());
  EXPECT_NE(broken.error().message.find("30_broken.rules 第 3 行第 18 列"), std::string::npos) << broken.error().message;

  auto missing = load_rules(dir / "none.rules");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "rules.unreadable");
  auto no_dir = load_rule_dir(dir / "none");
  ASSERT_FALSE(no_dir.ok());
  EXPECT_EQ(no_dir.error().code, "rules.not_found");
}

TEST(RuleFile, ShippedRules) {
  auto set = load_rule_dir(test::source_dir() / "model" / "rules");
  ASSERT_TRUE(set.ok()) << set.error().message;
  std::set<std::string> ids;
  for (const Rule& r : set->rules) {
    ids.insert(r.id);
    EXPECT_FALSE(r.title.empty()) << r.id;
    EXPECT_FALSE(r.checks.empty()) << r.id;
  }
  // The ids samples/manifest.json names, and the identities of DOMAIN.md §3.
  for (const char* id : {"fa01.balance", "fa01.income_total", "fa01.expenditure_total", "fa01.class_sum", "fa.class_sum",
                         "fa.section_sum", "fa.row_sum", "fa.grand_total", "fa04.fund_balance", "fa06.personnel",
                         "fa06.public_use", "fa07.total", "fa07.vehicle", "fa08.balance", "fa09.balance",
                         "fa.cross_01_02", "fa.cross_01_03", "fa.cross_01_04", "fa.cross_04_05", "fa.cross_04_08",
                         "fa.cross_04_09", "fa.cross_05_06", "fa.cross_06_07", "dept.final_accounts_executed",
                         "dept.final_accounts_fiscal", "summary.project_budget", "fa.carryover_continuity"})
    EXPECT_TRUE(ids.count(id)) << id;
  EXPECT_EQ(set->labels.at("t01"), "公开01");
  EXPECT_EQ(set->labels.at("t06.personnel"), "人员经费合计");
}

}  // namespace
}  // namespace jixiao
