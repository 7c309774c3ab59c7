// The template language both engines read (writers/template_language.h): tags, paths and scopes,
// true and false, how values print. Both engines on the same table: template_engines_test.cpp.
#include "writers/template_language.h"

#include <gtest/gtest.h>

namespace jixiao::tmpl {
namespace {

using Kind = Tag::Kind;

TEST(TemplateLanguage, SplitsTextAndTags) {
  auto p = parse_text("{{#items}}{{ year }}年度 {{.}}{{@index | cnnum}}{{/items}}");
  ASSERT_TRUE(p.error.empty()) << p.error;
  ASSERT_EQ(p.pieces.size(), 6u);
  EXPECT_EQ(p.pieces[0].tag.kind, Kind::Section);
  EXPECT_EQ(p.pieces[0].tag.path, "items");
  EXPECT_EQ(p.pieces[1].tag.kind, Kind::Value);
  EXPECT_EQ(p.pieces[1].tag.path, "year");  // spaces inside the braces do not count
  EXPECT_FALSE(p.pieces[2].is_tag);
  EXPECT_EQ(p.pieces[2].literal, "年度 ");
  EXPECT_EQ(p.pieces[3].tag.source, Tag::Source::Dot);
  EXPECT_EQ(p.pieces[4].tag.source, Tag::Source::Index);
  ASSERT_EQ(p.pieces[4].tag.filters.size(), 1u);
  EXPECT_EQ(p.pieces[4].tag.filters[0].name, "cnnum");
  EXPECT_EQ(p.pieces[5].tag.kind, Kind::Close);
  EXPECT_FALSE(parse_text("no tags { here }").has_tags);
}

TEST(TemplateLanguage, TagKindsAndFilters) {
  auto t = parse_tag(" total.change | abs | fixed:2 ");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->kind, Kind::Value);
  EXPECT_EQ(t->segments, (std::vector<std::string>{"total", "change"}));
  ASSERT_EQ(t->filters.size(), 2u);
  EXPECT_EQ(t->filters[1].name, "fixed");
  EXPECT_EQ(t->filters[1].arg, "2");
  EXPECT_EQ(parse_tag("?note")->kind, Kind::If);
  EXPECT_EQ(parse_tag("^ note")->kind, Kind::Unless);
  EXPECT_EQ(parse_tag("@figure")->kind, Kind::Image);
  EXPECT_EQ(parse_tag("@index")->kind, Kind::Value);  // the position, not a picture
}

TEST(TemplateLanguage, MalformedTagsAreReported) {
  EXPECT_FALSE(parse_text("金额 {{amount").error.empty());
  EXPECT_FALSE(parse_text("{{}}").error.empty());
  EXPECT_FALSE(parse_text("{{a..b}}").error.empty());
  EXPECT_FALSE(parse_text("{{#items | wan}}").error.empty());  // a section is not a value
  EXPECT_EQ(parse_text("{{a b}}").error_tag, "{{a b}}");
}

TEST(TemplateLanguage, PathsLookInTheInnermostScopeFirstThenOutwards) {
  Json root = Json::parse(R"({"year": 2024, "name": "外层", "items": [{"name": "甲", "score": {"v": 9}}]})");
  Scopes scopes{{&root, 0, nullptr}, {&root["items"][0], 1, nullptr}};
  EXPECT_EQ(*lookup(scopes, split_path("name")), "甲");
  EXPECT_EQ(*lookup(scopes, split_path("year")), 2024);
  EXPECT_EQ(*lookup(scopes, split_path("score.v")), 9);
  EXPECT_EQ(*lookup(scopes, split_path("items.0.name")), "甲");
  EXPECT_EQ(lookup(scopes, split_path("score.missing")), nullptr);  // found "score" here: no outer search
  EXPECT_EQ(lookup(scopes, split_path("nothing")), nullptr);
  Json scratch;
  Tag index = parse_tag("@index").value();
  EXPECT_EQ(*resolve(scopes, index, scratch).value(), 1);
  EXPECT_FALSE(resolve({{&root, 0, nullptr}}, index, scratch).ok());  // outside any list
}

TEST(TemplateLanguage, NumbersPrintAsJsonWritesThem) {
  EXPECT_EQ(plain_text(Json::parse("19.98")), "19.98");
  EXPECT_EQ(plain_text(Json::parse("0.1")), "0.1");
  EXPECT_EQ(plain_text(Json::parse("1234567")), "1234567");
  EXPECT_EQ(plain_text(Json::parse("-3")), "-3");
  EXPECT_EQ(plain_text(Json(nullptr)), "");
  EXPECT_EQ(plain_text(Json(true)), "是");
  EXPECT_FALSE(value_text(parse_tag("x").value(), Json::array()).ok());
}

TEST(TemplateLanguage, Truthiness) {
  EXPECT_FALSE(truthy(Json(nullptr)));
  EXPECT_FALSE(truthy(Json(false)));
  EXPECT_FALSE(truthy(Json::array()));
  EXPECT_FALSE(truthy(Json::object()));
  EXPECT_FALSE(truthy(Json("")));
  EXPECT_TRUE(truthy(Json(0)));  // an amount of 0 is there
  EXPECT_TRUE(truthy(Json(0.0)));
  EXPECT_TRUE(truthy(Json::parse(R"({"a": 1})")));
  EXPECT_TRUE(truthy(Json(1)));
  EXPECT_TRUE(truthy(Json(-0.5)));
  EXPECT_TRUE(truthy(Json("0")));  // text is there
}

TEST(TemplateLanguage, SectionsNestByKindAndPath) {
  auto p = parse_text("{{#a}}{{?a}}{{#a}}{{/a}}{{/a}}{{/a}}");
  ASSERT_TRUE(p.error.empty());
  CloseFinder f(p.pieces[0].tag);
  size_t i = 1;
  while (!f.closes(p.pieces[i].tag)) ++i;
  EXPECT_EQ(i, 5u);
}

}  // namespace
}  // namespace jixiao::tmpl
