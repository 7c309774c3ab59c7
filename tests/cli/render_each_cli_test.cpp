// `jixiao render TEMPLATE --each DIR|LIST -o OUTDIR`: one document per department in one process. The
// departments here are copies of seed 001's 2022 tables (and its 2021 tables as last year's); the
// figures expected are the seed's (as in render_cli_test.cpp).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "readers/zip_package.h"
#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path seed(const std::string& year) {
  return test::source_dir() / "samples" / "openpyxl" / ("001_剑阁县医保局_" + year + "_部门决算公开九表.xlsx");
}

// The text of word/document.xml with the tags between runs dropped, so a sentence reads whole.
std::string text_of(const fs::path& docx) {
  auto pkg = ZipPackage::open_file(docx.string());
  if (!pkg) return {};
  std::string xml = pkg->read("word/document.xml").value(), text;
  bool in_tag = false;
  for (char c : xml) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) text += c;
  }
  return text;
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// Three departments: 剑阁 (a workbook and its facts as 剑阁.json), 苍溪 (a directory with last year's
// tables in prior/) and 坏表 (not a workbook).
fs::path three_departments() {
  fs::path dir = test::scratch_dir() / "departments";
  fs::create_directories(dir / "苍溪" / "prior");
  fs::copy_file(seed("2022"), dir / "剑阁.xlsx");
  std::ofstream(dir / "剑阁.json") << R"({"facts": {"收支总计变动原因": "剑阁的原因。"}})";
  fs::copy_file(seed("2022"), dir / "苍溪" / "九表.xlsx");
  fs::copy_file(seed("2021"), dir / "苍溪" / "prior" / "九表2021.xlsx");
  std::ofstream(dir / "坏表.xlsx") << "这不是工作簿";
  return dir;
}

TEST(RenderEachCli, WritesOneDocumentPerDepartmentWithItsOwnData) {
  fs::path dir = three_departments(), out = test::scratch_dir() / "out";
  auto r = test::run_cli("render final-accounts-report --each " + q(dir) + " -o " + q(out));
  EXPECT_EQ(r.exit_code, 3) << r.err;  // one department could not be read
  EXPECT_EQ(files_in(out), (std::vector<std::string>{"剑阁.docx", "苍溪.docx"}));
  std::string jiange = text_of(out / "剑阁.docx"), cangxi = text_of(out / "苍溪.docx");
  EXPECT_NE(jiange.find("2022年度收、支总计3555.82万元"), std::string::npos);
  EXPECT_NE(jiange.find("主要变动原因是：剑阁的原因。"), std::string::npos);  // 剑阁.json is 剑阁's
  EXPECT_EQ(cangxi.find("剑阁的原因"), std::string::npos);
  // last year's tables in 苍溪/prior give the change on last year; 剑阁 had none
  EXPECT_NE(cangxi.find("与2021年4024.76万元相比，收、支总计各减少468.94万元，下降11.65%"), std::string::npos);
  EXPECT_EQ(jiange.find("4024.76"), std::string::npos);
}

TEST(RenderEachCli, AFailedDepartmentIsNamedAndLeavesNoFile) {
  fs::path dir = three_departments(), out = test::scratch_dir() / "out";
  auto r = test::run_cli("render final-accounts-report --each " + q(dir) + " -o " + q(out));
  EXPECT_NE(r.err.find("错误"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("坏表.xlsx"), std::string::npos) << r.err;
  for (const std::string& f : files_in(out)) EXPECT_EQ(f.find("坏表"), std::string::npos) << f;
  EXPECT_NE(r.out.find("已写出 2 份文档"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 个部门失败"), std::string::npos) << r.out;
}

TEST(RenderEachCli, BatchDocumentIsTheOneASingleRenderWrites) {
  fs::path dir = test::scratch_dir() / "one", out = test::scratch_dir() / "out";
  fs::create_directories(dir);
  fs::copy_file(seed("2022"), dir / "剑阁.xlsx");
  auto batch = test::run_cli("-q render final-accounts-report --each " + q(dir) + " -o " + q(out));
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  fs::path single = test::scratch_dir() / "single.docx";
  auto one = test::run_cli("-q render final-accounts-report " + q(dir / "剑阁.xlsx") + " -o " + q(single));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(test::read_file(out / "剑阁.docx"), test::read_file(single));
}

TEST(RenderEachCli, ListFileNamesDepartmentsTheirPriorTablesAndOutputNames) {
  fs::path dir = test::scratch_dir() / "list", out = test::scratch_dir() / "out";
  fs::create_directories(dir / "data");
  fs::copy_file(seed("2022"), dir / "data" / "2022.xlsx");
  fs::copy_file(seed("2021"), dir / "data" / "2021.xlsx");
  std::ofstream(dir / "部门.txt") << "# 部门清单\n"
                                   << "data/2022.xlsx\tprior:data/2021.xlsx\tname:甲局\n"
                                   << "\n"
                                   << "data/2022.xlsx\tname:乙局\r\n";
  auto r = test::run_cli("-q render final-accounts-report --each " + q(dir / "部门.txt") + " -o " + q(out));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files_in(out), (std::vector<std::string>{"乙局.docx", "甲局.docx"}));
  EXPECT_NE(text_of(out / "甲局.docx").find("与2021年4024.76万元相比"), std::string::npos);
  EXPECT_EQ(text_of(out / "乙局.docx").find("4024.76"), std::string::npos);
}

TEST(RenderEachCli, TwoDepartmentsWithOneNameAreRefusedBeforeAnythingIsWritten) {
  fs::path dir = test::scratch_dir() / "dup", out = test::scratch_dir() / "out";
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  fs::copy_file(seed("2022"), dir / "a" / "九表.xlsx");
  fs::copy_file(seed("2022"), dir / "b" / "九表.xlsx");
  std::ofstream(dir / "list.txt") << "a/九表.xlsx\nb/九表.xlsx\n";
  auto r = test::run_cli("render final-accounts-report --each " + q(dir / "list.txt") + " -o " + q(out));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("九表.docx"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("name:"), std::string::npos) << r.err;  // says how to tell them apart
  EXPECT_TRUE(files_in(out).empty());
}

TEST(RenderEachCli, MissingEachPathIsAUsageErrorNamingIt) {
  fs::path missing = test::scratch_dir() / "没有这个目录";
  auto r = test::run_cli("render final-accounts-report --each " + q(missing) + " -o " + q(test::scratch_dir() / "out"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("没有这个目录"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("不存在"), std::string::npos) << r.err;
}

TEST(RenderEachCli, ProgressOnStderrUnlessQuiet) {
  fs::path dir = test::scratch_dir() / "one";
  fs::create_directories(dir);
  fs::copy_file(seed("2022"), dir / "剑阁.xlsx");
  fs::copy_file(seed("2022"), dir / "苍溪.xlsx");
  auto loud = test::run_cli("render final-accounts-report --each " + q(dir) + " -o " + q(test::scratch_dir() / "a"));
  ASSERT_EQ(loud.exit_code, 0) << loud.err;
  EXPECT_NE(loud.err.find("已完成 2/2 个部门"), std::string::npos) << loud.err;
  EXPECT_NE(loud.err.find("[剑阁]"), std::string::npos) << loud.err;  // its placeholders' warnings say whose
  auto quiet = test::run_cli("-q render final-accounts-report --each " + q(dir) + " -o " + q(test::scratch_dir() / "b"));
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
}

}  // namespace
}  // namespace jixiao
