// `jixiao render final-accounts-report` on seed 001's 2022 and 2021 决算 samples: the sentences of the
// seed's 第二部分 with its figures (../shared/seeds/001), and 基本支出 392.51 where the seed wrongly
// wrote 3429.91. The document is read back here from word/document.xml, paragraph by paragraph.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "readers/zip_package.h"
#include "test_paths.h"
#include "writers/package_writer.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// The text of every paragraph of the body, in order (w:t contents, w:br as "\n").
std::vector<std::string> paragraphs(const std::string& xml) {
  std::vector<std::string> out;
  static const std::regex para(R"(<w:p[ >][\s\S]*?</w:p>)");
  static const std::regex piece(R"(<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:br/>)");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), para); it != std::sregex_iterator(); ++it) {
    std::string p = it->str(), text;
    for (auto t = std::sregex_iterator(p.begin(), p.end(), piece); t != std::sregex_iterator(); ++t)
      text += (*t)[1].matched ? (*t)[1].str() : "\n";
    out.push_back(text);
  }
  return out;
}

struct Doc {
  int exit_code = -1;
  std::string err, xml, all;
  fs::path out;
  std::vector<std::string> paras;
  bool has(const std::string& s) const { return all.find(s) != std::string::npos; }
};

Doc render(const std::string& producer, const std::string& extra = "") {
  fs::path s = test::source_dir() / "samples" / producer;
  fs::path out = test::scratch_dir() / "report.docx";
  auto r = test::run_cli("render final-accounts-report " + q(s / "001_剑阁县医保局_2022_部门决算公开九表.xlsx") + extra +
                         " --prior " + q(s / "001_剑阁县医保局_2021_部门决算公开九表.xlsx") + " -o " + q(out));
  Doc d;
  d.exit_code = r.exit_code;
  d.err = r.err;
  d.out = out;
  if (r.exit_code != 0) return d;
  d.xml = ZipPackage::open_file(out.string())->read("word/document.xml").value();
  d.paras = paragraphs(d.xml);
  for (const auto& p : d.paras) d.all += p + "\n";
  return d;
}

class Report : public testing::TestWithParam<std::string> {};

TEST_P(Report, ReproducesTheSeedsSentencesAndFigures) {
  Doc d = render(GetParam());
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_TRUE(d.has("剑阁县医疗保障局2022年度部门决算情况说明"));
  EXPECT_TRUE(d.has("2022年度收、支总计3555.82万元。与2021年4024.76万元相比，收、支总计各减少468.94万元，下降11.65%"))
      << d.all;
  EXPECT_TRUE(d.has("一般公共预算财政拨款收入3429.91万元，占96.46%；政府性基金预算财政拨款收入125.91万元，占3.54%"));
  EXPECT_TRUE(d.has("基本支出392.51万元，占11.04%；项目支出3163.31万元，占88.96%"));
  EXPECT_TRUE(d.has("2022年一般公共预算财政拨款支出3429.91万元，占本年支出合计的96.46%。与2021年3857.99万元相比，"
                    "一般公共预算财政拨款支出减少428.08万元，下降11.10%"));
  for (const char* s : {"社会保障和就业支出37.51万元，占1.09%", "卫生健康支出2681.68万元，占78.19%",
                        "住房保障支出21.15万元，占0.62%", "农林水支出689.57万元，占20.10%"})
    EXPECT_TRUE(d.has(s)) << s;
  EXPECT_TRUE(d.has("卫生健康支出（类）医疗救助（款）城乡医疗救助（项）：支出决算为2299.53万元"));
  EXPECT_TRUE(d.has("“三公”经费财政拨款支出决算为1.50万元"));
  EXPECT_TRUE(d.has("较上年2.85万元减少1.35万元，下降47.37%"));
  EXPECT_TRUE(d.has("国内公务接待45批次，360人次"));
  // the seed wrote 基本支出 3429.91 here; the tables say 392.51 (人员经费 345.91 + 公用经费 46.60)
  EXPECT_TRUE(d.has("2022年一般公共预算财政拨款基本支出392.51万元，其中："));
  EXPECT_TRUE(d.has("人员经费345.91万元"));
  EXPECT_TRUE(d.has("公用经费46.60万元"));
  EXPECT_FALSE(d.has("基本支出3429.91"));
  EXPECT_EQ(d.xml.find("{{"), std::string::npos);  // no tag left behind
}

// What the tables cannot say stays visible: a highlighted placeholder and a warning, never a guess.
TEST_P(Report, MissingReasonsAreHighlightedPlaceholders) {
  Doc d = render(GetParam());
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_TRUE(d.has("主要变动原因是：【请补充收、支总计变动原因】"));
  EXPECT_NE(d.xml.find("<w:highlight w:val=\"yellow\"/>"), std::string::npos);
  EXPECT_NE(d.err.find("reasons.total"), std::string::npos) << d.err;
}

TEST_P(Report, FactsFromJsonFillThePlaceholders) {
  fs::path facts = test::scratch_dir() / "facts.json";
  std::ofstream(facts) << R"({"facts": {"收支总计变动原因": "单位职工增加2人，基本支出增加33.93万元。",
                                        "机关运行经费": "46.60", "上年机关运行经费": "53.70",
                                        "机关运行经费变动原因": "压缩办公经费"}})";
  Doc d = render(GetParam(), " " + q(facts));
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_TRUE(d.has("主要变动原因是：单位职工增加2人，基本支出增加33.93万元。"));
  // seed 001 十(一): 46.60 against 53.70: 减少 7.10, 下降 13.22%
  EXPECT_TRUE(d.has("全年机关运行经费支出46.60万元。比2021年53.70万元减少7.10万元，下降13.22%")) << d.all;
  EXPECT_EQ(d.err.find("reasons.total"), std::string::npos) << d.err;
}

// The seven native charts (part word/charts/chartN.xml of the template is 图N) hold the
// rendered numbers in their caches: per series, the c:numCache values in order.
std::vector<std::vector<std::string>> cached_series(const std::string& chart_xml) {
  std::vector<std::vector<std::string>> out;
  static const std::regex cache(R"(<c:numCache>[\s\S]*?</c:numCache>)");
  static const std::regex value(R"(<c:v>([^<]*)</c:v>)");
  for (auto it = std::sregex_iterator(chart_xml.begin(), chart_xml.end(), cache); it != std::sregex_iterator(); ++it) {
    std::string c = it->str();
    out.emplace_back();
    for (auto v = std::sregex_iterator(c.begin(), c.end(), value); v != std::sregex_iterator(); ++v)
      out.back().push_back((*v)[1].str());
  }
  return out;
}

TEST_P(Report, FiguresAreChartsHoldingTheRenderedNumbers) {
  Doc d = render(GetParam());
  ASSERT_EQ(d.exit_code, 0) << d.err;
  auto pkg = ZipPackage::open_file(d.out.string());
  ASSERT_TRUE(pkg);
  using S = std::vector<std::vector<std::string>>;
  const std::vector<std::pair<const char*, S>> expected = {
      {"收、支决算总计变动情况", {{"4024.76", "4024.76"}, {"3555.82", "3555.82"}}},
      {"收入决算结构", {{"3429.91", "125.91"}}},
      {"支出决算结构", {{"392.51", "3163.31"}}},
      {"财政拨款收、支决算总计变动情况", {{"4024.76", "4024.76"}, {"3555.82", "3555.82"}}},
      {"一般公共预算财政拨款支出决算变动情况", {{"3857.99"}, {"3429.91"}}},
      {"一般公共预算财政拨款支出决算结构", {{"37.51", "2681.68", "689.57", "21.15"}}},
      {"“三公”经费财政拨款支出结构", {{"0", "0", "1.5"}}}};  // the table holds 1.5; format 0.00 shows 1.50
  for (size_t n = 1; n <= expected.size(); ++n) {
    auto xml = pkg->read("word/charts/chart" + std::to_string(n) + ".xml");
    ASSERT_TRUE(xml) << "chart" << n;
    EXPECT_NE(xml->find(expected[n - 1].first), std::string::npos) << "chart" << n;
    EXPECT_EQ(cached_series(*xml), expected[n - 1].second) << "chart" << n;
    if (n == 1) {
      EXPECT_NE(xml->find("<c:v>2021年</c:v>"), std::string::npos);
      EXPECT_NE(xml->find("<c:v>2022年</c:v>"), std::string::npos);
    }
    // each chart sits above its caption
    EXPECT_TRUE(d.has("图" + std::to_string(n) + "：" + expected[n - 1].first)) << n;
  }
  EXPECT_FALSE(pkg->read("word/charts/chart8.xml"));
}

// Without --prior the change charts show this year only: one series, the template's second dropped.
TEST(RenderCli, FiguresWithoutLastYearShowThisYearOnly) {
  fs::path s = test::source_dir() / "samples" / "openpyxl";
  fs::path out = test::scratch_dir() / "report.docx";
  auto r = test::run_cli("render final-accounts-report " + q(s / "001_剑阁县医保局_2022_部门决算公开九表.xlsx") + " -o " +
                         q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto pkg = ZipPackage::open_file(out.string());
  ASSERT_TRUE(pkg);
  for (int n : {1, 4, 5}) {
    auto xml = pkg->read("word/charts/chart" + std::to_string(n) + ".xml");
    ASSERT_TRUE(xml) << n;
    EXPECT_EQ(cached_series(*xml).size(), 1u) << n;
    EXPECT_NE(xml->find("<c:v>2022年</c:v>"), std::string::npos) << n;
    EXPECT_EQ(xml->find("2021年"), std::string::npos) << n;
  }
}

// The reasons and facts as a 补充信息 sheet (samples/facts, word for word from seed 001): the report says
// them where the seed does, and 机关运行经费 46.60 against 53.70 becomes 减少 7.10, 下降 13.22%.
TEST_P(Report, FactsFromASheet) {
  fs::path facts = test::source_dir() / "samples" / "facts" / GetParam() / "001_剑阁县医保局_2022_决算说明补充信息.xlsx";
  Doc d = render(GetParam(), " " + q(facts));
  ASSERT_EQ(d.exit_code, 0) << d.err;
  EXPECT_TRUE(d.has("下降11.65%。主要变动原因是：1、单位职工增加2人，基本支出增加33.93万元；2、项目支出减少502.87万元")) << d.all;
  EXPECT_TRUE(d.has("下降11.10%。主要变动原因是：1、单位职工增加2人，基本支出增加33.93万元；2、项目支出减少462.01万元"));
  EXPECT_TRUE(d.has("全年机关运行经费支出46.60万元。比2021年53.70万元减少7.10万元，下降13.22%，主要原因是压缩办公经费"));
  EXPECT_TRUE(d.has("政府采购支出总额0.00万元"));
  EXPECT_TRUE(d.has("共有车辆0辆"));
  EXPECT_EQ(d.err.find("reasons.total"), std::string::npos) << d.err;
  EXPECT_EQ(d.err.find("other.operating_cost"), std::string::npos) << d.err;
}

INSTANTIATE_TEST_SUITE_P(Samples, Report, testing::Values("openpyxl", "libreoffice"));

// Seed 003: the 项目支出绩效自评报告 of its two projects — the 汇总 (67.56 / 67.30), each project's 资金
// (40.00 / 39.96, 99.90%, 19.98 of 20) and result (90.98 优, 92.84 优), its 自评表 embedded with 总分 100.
TEST(RenderCli, ProjectReportFromTheHubeiSheets) {
  fs::path s = test::source_dir() / "samples" / "libreoffice";
  fs::path out = test::scratch_dir() / "project.docx";
  auto r = test::run_cli("render project-report " + q(s / "003_附件1.1_机关建设及日常保障经费.xlsx") + " " +
                         q(s / "003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx") + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string xml = ZipPackage::open_file(out.string())->read("word/document.xml").value();
  std::string all;
  for (const auto& p : paragraphs(xml)) all += p + "\n";
  for (const char* want : {"洪山区医疗保障局2019年度项目支出绩效自评报告", "涉及预算资金67.56万元，全年执行67.30万元",
                           "项目预算金额为40.00万元，实际使用金额为39.96万元，预算执行率为99.90%，资金得分19.98分（分值20分）",
                           "本项目自评总分90.98分，自评等级为优", "本项目自评总分92.84分，自评等级为优",
                           "2. 打击欺诈骗取医保基金专项经费", "群众对医疗保障工作的满意度（20分）"})
    EXPECT_NE(all.find(want), std::string::npos) << want << "\n" << all;
  EXPECT_NE(xml.find("<w:vMerge w:val=\"restart\"/>"), std::string::npos);  // 产出指标 over its rows
  EXPECT_EQ(xml.find("{{"), std::string::npos);
  EXPECT_NE(r.err.find("background（projects 第 2 项）"), std::string::npos) << r.err;  // a placeholder, said where
}

// The 部门整体支出绩效自评报告 (seed 002's structure) from seed 001's 2022 tables and its 整体表: 整体表 100 分,
// 6560.14 / 6560.14; the 决算's own figures (392.51 基本支出, 78.19% 卫生健康); without the 整体表, a placeholder.
TEST(RenderCli, DepartmentReportFromTheTablesAndTheSelfEvaluation) {
  fs::path s = test::source_dir() / "samples" / "openpyxl";
  fs::path out = test::scratch_dir() / "dept.docx";
  std::string tables = q(s / "001_剑阁县医保局_2022_部门决算公开九表.xlsx");
  auto r = test::run_cli("-q render dept-report " + tables + " " + q(s / "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx") +
                         " --prior " + q(s / "001_剑阁县医保局_2021_部门决算公开九表.xlsx") + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string xml = ZipPackage::open_file(out.string())->read("word/document.xml").value();
  std::string all;
  for (const auto& p : paragraphs(xml)) all += p + "\n";
  for (const char* want : {"剑阁县医疗保障局2022年度部门整体支出绩效自评报告", "收、支总计减少468.94万元，下降11.65%",
                           "卫生健康支出占一般公共预算财政拨款支出的78.19%", "其中基本支出392.51万元",
                           "部门整体支出绩效自评得分100.00分", "全年预算数6560.14万元，全年执行数6560.14万元",
                           "“三公”经费财政拨款支出1.50万元", "配合上级专项稽核"})
    EXPECT_NE(all.find(want), std::string::npos) << want << "\n" << all;
  EXPECT_EQ(xml.find("{{"), std::string::npos);
  fs::path out2 = test::scratch_dir() / "dept-only-tables.docx";
  r = test::run_cli("-q render dept-report " + tables + " -o " + q(out2));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  xml = ZipPackage::open_file(out2.string())->read("word/document.xml").value();
  all.clear();
  for (const auto& p : paragraphs(xml)) all += p + "\n";
  EXPECT_NE(all.find("【请一并给出部门整体支出绩效自评表】"), std::string::npos) << all;
  EXPECT_EQ(all.find("配合上级专项稽核"), std::string::npos);
}

TEST(RenderCli, TemplatesAreListedWithTheirData) {
  auto r = test::run_cli("templates");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* name : {"final-accounts-report", "project-report", "dept-report", "national-project", "final-accounts", "summary"})
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
}

// `templates --export` hands out the shipped file itself, never over a copy already there; the copy,
// edited as Word would save it (a heading reworded in word/document.xml), renders the seed's tables
// with the edit and the data tree of the report its file name names.
TEST(RenderCli, ExportedTemplateIsTheShippedFileAndRendersAfterAnEdit) {
  fs::path dir = test::scratch_dir() / "mine";
  for (auto [name, file] : {std::pair{"final-accounts-report", "docx/final-accounts-report.docx"},
                            std::pair{"dept-report", "docx/dept-report.docx"}, std::pair{"project-report", "docx/project-report.docx"},
                            std::pair{"national-project", "xlsx/national-project.xlsx"},
                            std::pair{"national-dept", "xlsx/national-dept.xlsx"}, std::pair{"summary", "xlsx/summary.xlsx"},
                            std::pair{"final-accounts", "xlsx/final-accounts.xlsx"}}) {
    auto r = test::run_cli(std::string("templates --export ") + name + " " + q(dir));
    ASSERT_EQ(r.exit_code, 0) << name << r.err;
    fs::path copy = dir / fs::path(file).filename();
    EXPECT_EQ(test::read_file(copy), test::read_file(test::source_dir() / "templates" / file)) << name;
  }
  fs::path mine = dir / "dept-report.docx";
  auto again = test::run_cli("templates --export dept-report " + q(dir));
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(test::read_file(mine), test::read_file(test::source_dir() / "templates/docx/dept-report.docx"));
  EXPECT_EQ(test::run_cli("templates --export no-such " + q(dir)).exit_code, 2);

  std::string xml = ZipPackage::open_file(mine.string())->read("word/document.xml").value();
  size_t at = xml.find(">一、单位情况<");
  ASSERT_NE(at, std::string::npos);
  xml.replace(at + 1, std::string("一、单位情况").size(), "一、部门基本情况");
  fs::path edited = test::scratch_dir() / "dept-report.docx";
  auto w = PackageWriter::from_file(mine.string());
  w->put("word/document.xml", xml);
  ASSERT_TRUE(w->write(edited.string()).ok());
  fs::path s = test::source_dir() / "samples" / "openpyxl", out = test::scratch_dir() / "out.docx";
  auto r = test::run_cli("-q render " + q(edited) + " " + q(s / "001_剑阁县医保局_2022_部门决算公开九表.xlsx") + " " +
                         q(s / "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx") + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string all;
  for (const auto& p : paragraphs(ZipPackage::open_file(out.string())->read("word/document.xml").value())) all += p + "\n";
  EXPECT_NE(all.find("一、部门基本情况"), std::string::npos) << all;
  EXPECT_NE(all.find("部门整体支出绩效自评得分100.00分"), std::string::npos) << all;
}

// A template and a JSON tree alone (--data), with the filters: no workbook needed.
TEST(RenderCli, JsonDataAlone) {
  fs::path data = test::scratch_dir() / "d.json";
  std::ofstream(data) << R"({"total": 3555.82, "change": -468.94, "department": "剑阁县医疗保障局"})";
  fs::path out = test::scratch_dir() / "j.docx";
  auto r = test::run_cli("-q render " + q(test::source_dir() / "tests/fixtures/docx/python-docx-split-tags.docx") +
                         " --data " + q(data) + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto paras = paragraphs(ZipPackage::open_file(out.string())->read("word/document.xml").value());
  ASSERT_GE(paras.size(), 1u);
  EXPECT_EQ(paras[0], "收支总计3555.82万元，比上年减少468.94万元。");
  r = test::run_cli("-q render " + q(test::source_dir() / "tests/fixtures/docx/python-docx-split-tags.docx") + " -o " +
                    q(test::scratch_dir() / "none.docx"));
  EXPECT_EQ(r.exit_code, 2);
}

TEST(RenderCli, UnknownTemplateIsAUsageError) {
  auto r = test::run_cli("render no-such-template x.xlsx -o " + q(test::scratch_dir() / "x.docx"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-template"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
