// The figures 图1–图7 of the 部门决算情况说明 data tree (writers/report_data.h), from seed 001's 2022 and
// 2021 决算 samples read through the layouts: the numbers the seed's text and figures state.
#include "writers/report_data.h"

#include <gtest/gtest.h>

#include <deque>

#include "mapping/engine.h"
#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

using Json = nlohmann::ordered_json;

// The final-accounts tables of one sample workbook, by table number ("01" … "09").
std::map<std::string, const Record*> tables(const std::string& file, std::deque<Record>& store) {
  static const std::vector<LayoutSpec> layouts = [] {
    auto l = load_layouts((test::source_dir() / "mapping" / "layouts").string());
    EXPECT_TRUE(l) << l.error().to_text();
    return l ? std::move(l).value() : std::vector<LayoutSpec>{};
  }();
  auto path = test::source_dir() / "samples" / "openpyxl" / file;
  Diagnostics diags;
  auto wb = read_xlsx_file(path.string(), diags);
  EXPECT_TRUE(wb) << path;
  std::map<std::string, const Record*> out;
  if (!wb) return out;
  for (MappedSheet& m : map_workbook(*wb, path.filename().string(), layouts, diags))
    if (m.record && m.record->kind == "final_accounts_table") store.push_back(std::move(*m.record));
  for (const Record& r : store) out.emplace(r.text("table"), &r);
  return out;
}

std::string text(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::vector<std::string> texts(const Json& list) {
  std::vector<std::string> out;
  for (const auto& v : list) out.push_back(text(v));
  return out;
}

class ReportFigures : public testing::Test {
 protected:
  Json tree(bool with_prior) {
    ReportInput in;
    in.tables = tables("001_剑阁县医保局_2022_部门决算公开九表.xlsx", store_);
    if (with_prior) in.prior_tables = tables("001_剑阁县医保局_2021_部门决算公开九表.xlsx", prior_store_);
    return final_accounts_report_tree(in);
  }
  std::deque<Record> store_, prior_store_;
};

using V = std::vector<std::string>;

TEST_F(ReportFigures, ChangeChartsHoldLastYearThenThisYear) {
  Json f = tree(true)["figures"];
  ASSERT_EQ(f.size(), 7u);
  const Json& fig1 = f["fig1"];
  EXPECT_EQ(fig1["title"], "收、支决算总计变动情况");
  EXPECT_EQ(fig1["format"], "0.00");
  EXPECT_EQ(fig1["categories"], Json::array({"收入总计", "支出总计"}));
  ASSERT_EQ(fig1["series"].size(), 2u);
  EXPECT_EQ(fig1["series"][0]["name"], "2021年");
  EXPECT_EQ(texts(fig1["series"][0]["values"]), (V{"4024.76", "4024.76"}));
  EXPECT_EQ(fig1["series"][1]["name"], "2022年");
  EXPECT_EQ(texts(fig1["series"][1]["values"]), (V{"3555.82", "3555.82"}));
  ASSERT_EQ(f["fig4"]["series"].size(), 2u);
  EXPECT_EQ(texts(f["fig4"]["series"][0]["values"]), (V{"4024.76", "4024.76"}));
  EXPECT_EQ(texts(f["fig4"]["series"][1]["values"]), (V{"3555.82", "3555.82"}));
  ASSERT_EQ(f["fig5"]["series"].size(), 2u);
  EXPECT_EQ(texts(f["fig5"]["series"][0]["values"]), (V{"3857.99"}));
  EXPECT_EQ(texts(f["fig5"]["series"][1]["values"]), (V{"3429.91"}));
}

TEST_F(ReportFigures, StructureChartsHoldThePartsThatAreNotZero) {
  Json f = tree(true)["figures"];
  EXPECT_EQ(f["fig2"]["categories"], Json::array({"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入"}));
  ASSERT_EQ(f["fig2"]["series"].size(), 1u);
  EXPECT_EQ(f["fig2"]["series"][0]["name"], "2022年");
  EXPECT_EQ(texts(f["fig2"]["series"][0]["values"]), (V{"3429.91", "125.91"}));
  EXPECT_EQ(f["fig3"]["categories"], Json::array({"基本支出", "项目支出"}));
  EXPECT_EQ(texts(f["fig3"]["series"][0]["values"]), (V{"392.51", "3163.31"}));
  EXPECT_EQ(f["fig6"]["categories"], Json::array({"社会保障和就业支出", "卫生健康支出", "农林水支出", "住房保障支出"}));
  EXPECT_EQ(texts(f["fig6"]["series"][0]["values"]), (V{"37.51", "2681.68", "689.57", "21.15"}));
  // 三公: every part, zeros included (the seed: 0 / 0 / 1.50; the table holds 1.5)
  EXPECT_EQ(f["fig7"]["categories"], Json::array({"因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"}));
  EXPECT_EQ(texts(f["fig7"]["series"][0]["values"]), (V{"0", "0", "1.5"}));
}

TEST_F(ReportFigures, WithoutLastYearTheChangeChartsShowThisYearOnly) {
  Json f = tree(false)["figures"];
  for (const char* k : {"fig1", "fig4", "fig5"}) {
    ASSERT_EQ(f[k]["series"].size(), 1u) << k;
    EXPECT_EQ(f[k]["series"][0]["name"], "2022年") << k;
  }
  EXPECT_EQ(texts(f["fig1"]["series"][0]["values"]), (V{"3555.82", "3555.82"}));
}

}  // namespace
}  // namespace jixiao
