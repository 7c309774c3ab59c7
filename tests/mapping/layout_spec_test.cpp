#include "mapping/layout_spec.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_paths.h"

namespace jixiao {
namespace {

std::filesystem::path write_dir(const std::string& name, const std::string& vocabulary, const std::string& layout) {
  auto dir = test::scratch_dir() / name;
  std::filesystem::create_directories(dir);
  if (!vocabulary.empty()) std::ofstream(dir / "vocabulary.xml") << vocabulary;
  std::ofstream(dir / "region.xml") << layout;
  return dir;
}

const char* kLayoutHead = R"(<?xml version="1.0" encoding="UTF-8"?>
<layout id="region" kind="project_selfeval" name="测试">
  <anchor label="项目支出绩效自评表"/>
)";

// A typo in a field name is refused with the file and its line, instead of filling a field nobody reads.
TEST(LayoutSpec, UnknownFieldIsRefusedWithFileAndLine) {
  auto dir = write_dir("typo", "", std::string(kLayoutHead) + R"(  <table block="项目资金">
    <column field="budgte" label="全年预算数"/>
    <row label="年度资金总额" prefix="funds"/>
  </table>
</layout>
)");
  auto specs = load_layouts(dir.string());
  ASSERT_FALSE(specs);
  EXPECT_NE(specs.error().message.find("region.xml 第 4 行"), std::string::npos) << specs.error().message;
  EXPECT_NE(specs.error().message.find("funds.budgte"), std::string::npos) << specs.error().message;
  EXPECT_NE(specs.error().message.find("funds.budget"), std::string::npos) << "suggests the near name";
}

TEST(LayoutSpec, UnknownKindIsRefused) {
  auto dir = write_dir("kind", "", R"(<layout id="x" kind="project_selfevaluation"><anchor label="a"/></layout>)");
  auto specs = load_layouts(dir.string());
  ASSERT_FALSE(specs);
  EXPECT_NE(specs.error().message.find("project_selfevaluation"), std::string::npos);
}

// A column without a label takes the vocabulary's words; a region's vocabulary file adds a word
// that every layout then accepts, without touching the layouts.
TEST(LayoutSpec, ColumnsDrawTheirWordsFromTheVocabulary) {
  auto shipped = (test::source_dir() / "mapping" / "layouts").string();
  auto dir = write_dir("vocab", R"(<vocabulary>
  <columns context="funds"><column field="budget" words="核定预算数"/></columns>
</vocabulary>)",
                       std::string(kLayoutHead) + R"(  <table block="@funds">
    <column field="budget"/>
    <row label="@total" prefix="funds"/>
  </table>
</layout>
)");
  auto specs = load_layouts(std::vector<std::string>{shipped, dir.string()});
  ASSERT_TRUE(specs) << specs.error().message;
  const LayoutSpec* region = nullptr;
  for (const auto& s : *specs)
    if (s.id == "region") region = &s;
  ASSERT_NE(region, nullptr);
  const LabelSpec& words = region->tables.at(0).columns.at(0).paths.at(0).at(0);
  auto has = [&](const std::string& w) { return std::find(words.synonyms.begin(), words.synonyms.end(), w) != words.synonyms.end(); };
  EXPECT_TRUE(has("全年预算数"));   // the shipped vocabulary
  EXPECT_TRUE(has("核定预算数"));   // the region's own file
  EXPECT_EQ(words.origin_of("核定预算数", region->file), "vocabulary.xml:2");
  EXPECT_EQ(region->tables.at(0).columns.at(0).type, ValueType::Amount) << "the type comes from the record schema";
  // The block and the row label came from the vocabulary too.
  EXPECT_FALSE(region->tables.at(0).block.empty());
  EXPECT_FALSE(region->tables.at(0).rows.at(0).label.empty());
}

// Found by layout_spec_fuzz: a column with no label that also turns the vocabulary's words off has
// no header to find; it is refused, not read through an empty list of headers.
TEST(LayoutSpec, ColumnWithNoLabelAndNoVocabularyWordsIsRefused) {
  auto shipped = (test::source_dir() / "mapping" / "layouts").string();
  auto dir = write_dir("nolabel", "", std::string(kLayoutHead) + R"(  <table block="@funds">
    <column field="budget" vocab="false"/>
    <row label="@total" prefix="funds"/>
  </table>
</layout>
)");
  auto specs = load_layouts(std::vector<std::string>{shipped, dir.string()});
  ASSERT_FALSE(specs);
  EXPECT_NE(specs.error().message.find("region.xml"), std::string::npos) << specs.error().message;
  EXPECT_NE(specs.error().message.find("没有表头"), std::string::npos) << specs.error().message;
}

TEST(LayoutSpec, MissingVocabularyEntryIsRefused) {
  auto dir = write_dir("noentry", "", std::string(kLayoutHead) + R"(  <table block="@nosuchblock" prefix="funds">
    <column field="budget" label="全年预算数"/>
  </table>
</layout>
)");
  auto specs = load_layouts(dir.string());
  ASSERT_FALSE(specs);
  EXPECT_NE(specs.error().message.find("@nosuchblock"), std::string::npos);
}

TEST(LayoutSpec, EveryShippedLayoutLoadsAgainstTheSchema) {
  auto specs = load_layouts((test::source_dir() / "mapping" / "layouts").string());
  ASSERT_TRUE(specs) << specs.error().message;
  EXPECT_GE(specs->size(), 18u);
}

// The shipped layouts' patterns are compiled when first used (DeferredRegex), not as they load:
// this is where a broken one is caught.
TEST(LayoutSpec, EveryShippedPatternCompiles) {
  auto specs = load_layouts((test::source_dir() / "mapping" / "layouts").string());
  ASSERT_TRUE(specs) << specs.error().message;
  size_t patterns = 0;
  for (const LayoutSpec& spec : *specs)
    for (const ValueSpec& v : spec.values) {
      if (v.pattern.empty()) continue;
      ++patterns;
      ASSERT_TRUE(v.regex);
      EXPECT_NE(v.regex->get(), nullptr) << spec.file << " " << v.pattern;
    }
  EXPECT_GT(patterns, 5u);
}

// A region's layouts come after the shipped ones: a broken pattern there is reported as it loads.
TEST(LayoutSpec, ARegionsBrokenPatternIsRefusedAsItLoads) {
  const std::string layout = std::string(kLayoutHead) + R"(  <value field="year" pattern="(\d{4}"/>
</layout>
)";
  auto region = write_dir("badpattern", "", layout);
  auto specs = load_layouts(std::vector<std::string>{(test::source_dir() / "mapping" / "layouts").string(), region.string()});
  ASSERT_FALSE(specs);
  EXPECT_NE(specs.error().message.find("pattern"), std::string::npos) << specs.error().message;
  EXPECT_NE(specs.error().file.find("region.xml"), std::string::npos);
  // The same file among the shipped ones (the first directory) loads; its pattern reads nothing.
  auto first = load_layouts(region.string());
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->front().values.front().regex->get(), nullptr);
}

TEST(LayoutSpec, AnUnknownReadIsRefused) {
  auto dir = write_dir("badread", "", std::string(kLayoutHead) + R"(  <value field="year" read="month"/>
</layout>
)");
  auto specs = load_layouts(dir.string());
  ASSERT_FALSE(specs);
  EXPECT_NE(specs.error().message.find("read=\"month\""), std::string::npos) << specs.error().message;
}

}  // namespace
}  // namespace jixiao
