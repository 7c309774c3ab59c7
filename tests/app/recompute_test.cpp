// app::recompute: which sheets are scored is the model's decision (scored_kind), the same as check's;
// options that do not go together are refused before anything is read.
#include "app/recompute.h"

#include <gtest/gtest.h>

#include "model/recompute.h"
#include "test_paths.h"

namespace jixiao {
namespace {

std::string sample(const std::string& name) { return (test::source_dir() / "samples" / "openpyxl" / name).string(); }

app::Resources& resources() {
  static app::Resources r(app::Settings{{}, {}, JIXIAO_BINARY_DIR "/share/jixiao"});  // the build tree's data
  return r;
}

TEST(AppRecompute, SelfEvaluationsAreScoredAndTheFinalAccountsTablesAreNot) {
  app::RecomputeOptions o;
  o.files = {sample("003_洪山区医保局_2019_项目支出绩效自评.xlsx"), sample("001_剑阁县医保局_2022_部门决算公开九表.xlsx")};
  auto r = app::recompute(resources(), o);
  EXPECT_EQ(r.status, app::Status::Ok);
  ASSERT_EQ(r.files.size(), 2u);
  size_t scored = 0, passed_over = 0;
  for (const auto& f : r.files)
    for (const auto& s : f.sheets) {
      ASSERT_TRUE(s.record) << s.sheet;
      EXPECT_EQ(s.profile != nullptr, scored_kind(s.record->kind)) << s.sheet;
      (s.profile ? scored : passed_over)++;
    }
  EXPECT_EQ(scored, 3u);       // 自评结果汇总, 附件1.1, 附件1.2 (seed 003), by hubei-2019
  EXPECT_EQ(passed_over, 9u);  // 公开01–09
  EXPECT_TRUE(r.findings.empty());
  auto j = app::recompute_json(r);
  EXPECT_EQ(j["files"][0]["sheets"][0]["profile"], "hubei-2019");
  EXPECT_TRUE(j["files"][1]["sheets"][0]["profile"].is_null());
}

TEST(AppRecompute, OneCopyNeedsOneFile) {
  app::RecomputeOptions o;
  o.files = {sample("003_附件1.1_机关建设及日常保障经费.xlsx"), sample("003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx")};
  o.output = (test::scratch_dir() / "copy.xlsx").string();
  auto r = app::recompute(resources(), o);
  EXPECT_EQ(r.status, app::Status::Refused);
  EXPECT_TRUE(r.files.empty());
  EXPECT_FALSE(std::filesystem::exists(o.output));
}

}  // namespace
}  // namespace jixiao
