#include "model/profile.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_paths.h"

namespace jixiao {
namespace {

Decimal D(const char* s) { return *Decimal::parse(s); }

std::filesystem::path shipped(const std::string& id) { return test::source_dir() / "model" / "profiles" / (id + ".xml"); }

// Writes a profile file into the build tree and loads it.
Expected<Profile> load_text(const std::string& text, const std::string& name = "bad.xml") {
  auto path = test::scratch_dir() / name;
  std::ofstream(path) << text;
  return load_profile_file(path);
}

const char* kMinimal = R"(<profile id="x">
  <blocks><block key="funds" weight="10"/><block key="indicators" weight="90"/></blocks>
  <grades><grade word="优" min="90"/><grade word="差"/></grades>
</profile>)";

TEST(Profile, Shipped) {
  auto national = load_profile_file(shipped("national"));
  ASSERT_TRUE(national.ok()) << national.error().message;
  EXPECT_EQ(national->id, "national");
  EXPECT_EQ(national->block("funds")->weight, D("10"));
  ASSERT_EQ(national->block("indicators")->groups.size(), 3u);
  EXPECT_EQ(national->block("indicators")->groups[0].label, "产出指标");
  EXPECT_EQ(national->block("indicators")->groups[0].weight, D("50"));
  EXPECT_EQ(national->block("indicators")->groups[1].weight, D("30"));
  EXPECT_EQ(national->block("indicators")->groups[2].weight, D("10"));
  EXPECT_EQ(national->block("goals"), nullptr);
  EXPECT_EQ(national->fund_rule, FundRule::Linear);
  EXPECT_EQ(national->decimals, 2);
  EXPECT_EQ(national->amount_per_addend, D("0.01"));
  EXPECT_EQ(national->rule_severity, Severity::Warning);

  auto hubei = load_profile_file(shipped("hubei-2019"));
  ASSERT_TRUE(hubei.ok()) << hubei.error().message;
  EXPECT_EQ(hubei->block("funds")->weight, D("20"));
  EXPECT_EQ(hubei->block("goals")->weight, D("20"));
  EXPECT_EQ(hubei->block("indicators")->weight, D("60"));
  EXPECT_EQ(hubei->block("funds")->label, "项目资金");

  auto sichuan = load_profile_file(shipped("sichuan-dept"));
  ASSERT_TRUE(sichuan.ok()) << sichuan.error().message;
  EXPECT_EQ(sichuan->block("funds")->weight, D("10"));
  EXPECT_EQ(sichuan->block("indicators")->weight, D("90"));
  EXPECT_EQ(sichuan->grade_for(D("100"))->word, "优秀");
  EXPECT_EQ(sichuan->grade_for(D("59.99"))->word, "不合格");

  auto framework = load_profile_file(shipped("framework"));
  ASSERT_TRUE(framework.ok()) << framework.error().message;
  EXPECT_TRUE(framework->weights_from_sheet);
  EXPECT_EQ(framework->block("groups")->groups.size(), 4u);
  EXPECT_FALSE(framework->block("groups")->weight);
}

TEST(Profile, GradeBands) {
  auto p = load_profile_file(shipped("national")).value();
  EXPECT_EQ(p.grade_for(D("90.98"))->word, "优");
  EXPECT_EQ(p.grade_for(D("90"))->word, "优");  // 以上 is inclusive
  EXPECT_EQ(p.grade_for(D("89.99"))->word, "良");
  EXPECT_EQ(p.grade_for(D("88.57"))->word, "良");
  EXPECT_EQ(p.grade_for(D("80"))->word, "良");
  EXPECT_EQ(p.grade_for(D("60"))->word, "中");
  EXPECT_EQ(p.grade_for(D("59.99"))->word, "差");
  EXPECT_EQ(p.grade_for(D("0"))->word, "差");
  EXPECT_EQ(p.grade_named("优")->word, "优");
  EXPECT_EQ(p.grade_named(" 优秀 ")->word, "优");
  EXPECT_EQ(p.grade_named("良好")->word, "良");
  EXPECT_EQ(p.grade_named("优等")->word, "优");
  EXPECT_EQ(p.grade_named("A"), nullptr);
  EXPECT_EQ(p.grade_named(""), nullptr);
}

TEST(Profile, FindByIdInTheDataDir) {
  auto p = find_profile("hubei-2019", test::source_dir());  // the source tree has the data dir's layout
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->id, "hubei-2019");

  auto missing = find_profile("guangdong", test::source_dir());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "profile.not_found");
  EXPECT_NE(missing.error().message.find("guangdong.xml"), std::string::npos) << missing.error().message;
  EXPECT_NE(missing.error().message.find("找不到评分方案"), std::string::npos);

  auto evil = find_profile("../../etc/passwd", test::source_dir());
  ASSERT_FALSE(evil.ok());
  EXPECT_NE(evil.error().message.find("不合规"), std::string::npos);

  EXPECT_FALSE(find_profile("national", {}).ok());

  auto dir = test::scratch_dir();
  std::filesystem::create_directories(dir / "model" / "profiles");
  std::ofstream(dir / "model" / "profiles" / "y.xml") << kMinimal;  // id="x" in a file named y.xml
  auto wrong = find_profile("y", dir);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().message.find("与文件名 y.xml 不符"), std::string::npos) << wrong.error().message;
}

TEST(Profile, MinimalFileHasTheDefaults) {
  auto p = load_text(kMinimal, "x.xml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->achieved, D("0.8"));
  EXPECT_EQ(p->partial, D("0.6"));
  EXPECT_EQ(p->decimals, 2);
  EXPECT_TRUE(p->yuan_exact);
  EXPECT_EQ(p->over_100, Severity::Warning);
}

TEST(Profile, FullAboveRule) {
  std::string text = kMinimal;
  text.insert(text.find("<grades>"), R"(<fund-score rule="full-above" threshold="90%" below="zero"/>)");
  auto p = load_text(text);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->fund_rule, FundRule::FullAbove);
  EXPECT_EQ(p->fund_threshold, D("0.9"));
  EXPECT_TRUE(p->fund_below_zero);
}

struct BadCase {
  const char* what;
  std::string text;
  const char* message_part;
};

TEST(Profile, ErrorsNameTheFileTheLineAndTheProblem) {
  auto with = [](const std::string& from, const std::string& to) {
    std::string t = kMinimal;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  const BadCase cases[] = {
      {"malformed", "<profile id=\"x\">\n<blocks>\n</profile>", "XML 格式错误"},
      {"no root", "<layout/>", "缺少根元素 <profile>"},
      {"no id", with("id=\"x\"", ""), "缺少属性 id"},
      {"weights", with("weight=\"90\"", "weight=\"80\""), "各部分分值之和为 90，应为 100"},
      {"weight text", with("weight=\"90\"", "weight=\"九十\""), "weight=\"九十\" 不是数字"},
      {"negative", with("weight=\"10\"", "weight=\"-10\""), "不能为负数"},
      {"block key", with("key=\"funds\"", "key=\"money\""), "<block key=\"money\"> 不认识"},
      {"kind", with("<profile ", "<profile kinds=\"project_self_eval\" "), "“project_self_eval” 不是记录种类"},
      {"block of the kind", with("<profile ", "<profile kinds=\"score_table\" "), "<block key=\"funds\"> 不是 score_table 记录的组成部分"},
      {"no grades", with("<grades><grade word=\"优\" min=\"90\"/><grade word=\"差\"/></grades>", ""), "缺少 <grades>"},
      {"grade order", with("<grade word=\"差\"/>", "<grade word=\"良\" min=\"95\"/><grade word=\"差\"/>"),
       "等级应从高到低排列"},
      {"lowest with min", with("<grade word=\"差\"/>", "<grade word=\"差\" min=\"0\"/>"), "不应有 min"},
      {"fund rule", with("<grades>", "<fund-score rule=\"step\"/><grades>"), "<fund-score rule=\"step\"> 不认识"},
      {"threshold", with("<grades>", "<fund-score rule=\"full-above\"/><grades>"), "缺少 threshold"},
      {"rounding", with("<grades>", "<rounding mode=\"banker\"/><grades>"), "只有 half-up"},
      {"qualitative", with("<grades>", "<qualitative achieved=\"50%\" partial=\"60%\"/><grades>"),
       "partial < achieved"},
      {"severity", with("<grades>", "<tolerance rule-severity=\"fatal\"/><grades>"), "rule-severity=\"fatal\""},
      {"group sum", with("<block key=\"indicators\" weight=\"90\"/>",
                         "<block key=\"indicators\" weight=\"90\"><group label=\"产出\" weight=\"50\"/>"
                         "<group label=\"效益\" weight=\"30\"/></block>"),
       "的分值 90 ≠ 其下各组分值之和 80"},
  };
  for (const BadCase& c : cases) {
    auto p = load_text(c.text);
    ASSERT_FALSE(p.ok()) << c.what;
    const Diagnostic& d = p.error();
    EXPECT_NE(d.message.find("评分方案 "), std::string::npos) << c.what << ": " << d.message;
    EXPECT_NE(d.message.find("bad.xml"), std::string::npos) << c.what << ": " << d.message;
    EXPECT_NE(d.message.find(c.message_part), std::string::npos) << c.what << ": " << d.message;
    EXPECT_NE(d.file.find("bad.xml"), std::string::npos) << c.what;
  }
  // the line of the problem
  auto p = load_text(with("weight=\"90\"", "weight=\"九十\""));
  EXPECT_NE(p.error().message.find("（第 2 行）"), std::string::npos) << p.error().message;
  EXPECT_EQ(p.error().code, "profile.invalid");
  auto x = load_text("<profile id=\"x\">\n<blocks>\n</profile>");
  EXPECT_EQ(x.error().code, "profile.xml");
  EXPECT_NE(x.error().message.find("（第 3 行）"), std::string::npos) << x.error().message;
}

TEST(Profile, UnreadableFile) {
  auto p = load_profile_file(test::scratch_dir() / "none.xml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, "profile.unreadable");
  EXPECT_NE(p.error().message.find("none.xml"), std::string::npos);
  EXPECT_NE(p.error().message.find("无法打开"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
