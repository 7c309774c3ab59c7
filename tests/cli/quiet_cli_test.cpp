// -q: no warning reaches stderr, whichever part of the program noticed it; errors still do.
#include <gtest/gtest.h>

#include "test_paths.h"

namespace jixiao {
namespace {

std::string sample(const std::string& name) { return "'" + (test::source_dir() / "samples" / "openpyxl" / name).string() + "'"; }

// The 公开01表 alone and inside the nine tables: the same department and year twice.
const std::string kTwice =
    sample("001_2022_公开01表_收入支出决算总表.xlsx") + " " + sample("001_剑阁县医保局_2022_部门决算公开九表.xlsx");

TEST(QuietCli, CheckSaysATableCameTwiceUnlessQuiet) {
  auto loud = test::run_cli("check " + kTwice);
  EXPECT_EQ(loud.exit_code, 0) << loud.err;
  EXPECT_NE(loud.err.find("警告"), std::string::npos) << loud.err;
  EXPECT_NE(loud.err.find("公开01表出现了不止一次"), std::string::npos) << loud.err;
  auto quiet = test::run_cli("-q check " + kTwice);
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out, loud.out);
}

TEST(QuietCli, ConvertSaysATableCameTwiceUnlessQuiet) {
  auto dir = test::scratch_dir();
  auto loud = test::run_cli("convert " + kTwice + " --to final-accounts -o '" + (dir / "a.xlsx").string() + "'");
  EXPECT_EQ(loud.exit_code, 0) << loud.err;
  EXPECT_NE(loud.err.find("公开01表出现了不止一次"), std::string::npos) << loud.err;
  auto quiet = test::run_cli("-q convert " + kTwice + " --to final-accounts -o '" + (dir / "b.xlsx").string() + "'");
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
}

TEST(QuietCli, ErrorsStillPrint) {
  auto r = test::run_cli("-q check '" + (test::scratch_dir() / "missing.xlsx").string() + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("错误"), std::string::npos);
  EXPECT_NE(r.err.find("missing.xlsx"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace jixiao
