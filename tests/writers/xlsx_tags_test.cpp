// The tag language of XLSX templates (writers/xlsx_tags.h).
#include "writers/xlsx_tags.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

using Json = nlohmann::ordered_json;
using Kind = TagPiece::Kind;

TEST(XlsxTags, SplitsTextAndTags) {
  auto p = parse_cell_text("{{#items}}{{ year }}年度 {{.}}{{@index}}{{/items}}");
  ASSERT_TRUE(p.error.empty()) << p.error;
  ASSERT_EQ(p.pieces.size(), 6u);
  EXPECT_EQ(p.pieces[0].kind, Kind::Open);
  EXPECT_EQ(p.pieces[0].text, "items");
  EXPECT_EQ(p.pieces[1].kind, Kind::Path);
  EXPECT_EQ(p.pieces[1].text, "year");  // spaces inside the braces do not count
  EXPECT_EQ(p.pieces[2].kind, Kind::Text);
  EXPECT_EQ(p.pieces[2].text, "年度 ");
  EXPECT_EQ(p.pieces[3].kind, Kind::Dot);
  EXPECT_EQ(p.pieces[4].kind, Kind::Index);
  EXPECT_EQ(p.pieces[5].kind, Kind::Close);
  EXPECT_FALSE(parse_cell_text("no tags { here }").has_tags);
}

TEST(XlsxTags, MalformedTagsAreReported) {
  EXPECT_FALSE(parse_cell_text("金额 {{amount").error.empty());
  EXPECT_FALSE(parse_cell_text("{{}}").error.empty());
  EXPECT_FALSE(parse_cell_text("{{a..b}}").error.empty());
  EXPECT_FALSE(parse_cell_text("{{x | wan}}").error.empty());  // filters: not in XLSX templates yet
  EXPECT_EQ(parse_cell_text("{{a | b}}").error_tag, "{{a | b}}");
}

TEST(XlsxTags, PathsLookInTheInnermostScopeFirstThenOutwards) {
  Json root = Json::parse(R"({"year": 2024, "name": "外层", "items": [{"name": "甲", "score": {"v": 9}}]})");
  std::vector<ScopeFrame> scopes{{&root, 0}, {&root["items"][0], 0}};
  EXPECT_EQ(*lookup_path(scopes, "name"), "甲");
  EXPECT_EQ(*lookup_path(scopes, "year"), 2024);
  EXPECT_EQ(*lookup_path(scopes, "score.v"), 9);
  EXPECT_EQ(*lookup_path(scopes, "items.0.name"), "甲");
  EXPECT_EQ(lookup_path(scopes, "score.missing"), nullptr);  // found "score" here: no outer search
  EXPECT_EQ(lookup_path(scopes, "nothing"), nullptr);
}

TEST(XlsxTags, NumbersPrintAsJsonWritesThem) {
  EXPECT_EQ(json_text(Json::parse("19.98")), "19.98");
  EXPECT_EQ(json_text(Json::parse("0.1")), "0.1");
  EXPECT_EQ(json_text(Json::parse("1234567")), "1234567");
  EXPECT_EQ(json_text(Json::parse("-3")), "-3");
  EXPECT_EQ(json_text(Json(nullptr)), "");
  EXPECT_EQ(json_text(Json(true)), "true");
}

TEST(XlsxTags, Truthiness) {
  EXPECT_FALSE(truthy(Json(nullptr)));
  EXPECT_FALSE(truthy(Json(false)));
  EXPECT_FALSE(truthy(Json::array()));
  EXPECT_FALSE(truthy(Json("")));
  EXPECT_TRUE(truthy(Json::parse(R"({"a": 1})")));
  EXPECT_TRUE(truthy(Json(1)));
}

}  // namespace
}  // namespace jixiao
