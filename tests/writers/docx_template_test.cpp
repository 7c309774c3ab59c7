// The DOCX engine on templates made by python-docx (tests/fixtures/docx/make_docx_fixtures.py), one per
// failure mode of template engines. The rendered document is read back with pugixml here, paragraph
// by paragraph, independently of the engine's own run handling.
#include "writers/docx_template.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <set>

#include "readers/zip_package.h"
#include "test_paths.h"

namespace jixiao {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

struct Rendered {
  pugi::xml_document doc;
  std::vector<std::string> paragraphs;  // body paragraphs outside tables, in order
  std::string error;
  Diagnostics warnings;
};

std::string text_of(pugi::xml_node p) {
  std::string s;
  pugi::xpath_node_set nodes = p.select_nodes(".//w:t | .//w:br");
  nodes.sort();  // a union comes in no particular order
  for (pugi::xpath_node x : nodes) {
    if (std::string(x.node().name()) == "w:br") s += "\n";
    else s += x.node().text().get();
  }
  return s;
}

std::unique_ptr<Rendered> render(const std::string& fixture, const Json& data, bool lenient = false,
                                 const std::string& part = "word/document.xml") {
  auto r = std::make_unique<Rendered>();
  fs::path out = test::scratch_dir() / "out.docx";
  DocxRenderOptions o;
  o.lenient = lenient;
  auto ok = render_docx_template(test::fixture("docx/" + fixture).string(), data, out.string(), r->warnings, o);
  if (!ok) {
    r->error = ok.error().message;
    EXPECT_FALSE(fs::exists(out));
    return r;
  }
  auto pkg = ZipPackage::open_file(out.string());
  EXPECT_TRUE(pkg.ok());
  std::string xml = pkg->read(part).value();
  EXPECT_TRUE(r->doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single));
  for (pugi::xpath_node x : r->doc.select_nodes("/w:document/w:body/w:p")) r->paragraphs.push_back(text_of(x.node()));
  return r;
}

// Seed 001: 收、支总计 3555.82 万元, 2021 年 4024.76, 减少 468.94.
TEST(DocxTemplate, TagSplitOverRunsWithMarksBetweenKeepsTheFirstRunsFormatting) {
  auto r = render("python-docx-split-tags.docx", {{"total", 3555.82}, {"change", 3555.82 - 4024.76}, {"department", "剑阁县医疗保障局"}});
  ASSERT_TRUE(r->error.empty()) << r->error;
  ASSERT_EQ(r->paragraphs.size(), 2u);
  EXPECT_EQ(r->paragraphs[0], "收支总计3555.82万元，比上年减少468.94万元。");
  EXPECT_EQ(r->paragraphs[1], "剑阁县医疗保障局");
  // the value sits in a bold run: the run where "{{" began
  pugi::xpath_node t = r->doc.select_node("//w:t[text()='3555.82']");
  ASSERT_TRUE(t);
  EXPECT_TRUE(t.node().parent().child("w:rPr").child("w:b"));
  EXPECT_FALSE(t.node().parent().child("w:rPr").child("w:i"));
  // the bookmark and the spell-check marks are still there
  EXPECT_TRUE(r->doc.select_node("//w:bookmarkStart[@w:name='total']"));
  EXPECT_TRUE(r->doc.select_node("//w:bookmarkEnd"));
}

TEST(DocxTemplate, LoopsOverParagraphsLeaveNoEmptyParagraphs) {
  Json data = {{"items", {{{"name", "一般公共预算财政拨款收入"}, {"amount", 3429.91}},
                          {{"name", "政府性基金预算财政拨款收入"}, {"amount", 125.91}}}},
               {"empty", Json::array()},
               {"groups", {{{"title", "甲"}, {"rows", {"一", "二"}}}, {{"title", "乙"}, {"rows", Json::array()}}}}};
  auto r = render("python-docx-loops.docx", data);
  ASSERT_TRUE(r->error.empty()) << r->error;
  std::vector<std::string> want = {"收入构成：",
                                   "1. 一般公共预算财政拨款收入：3,429.91万元",
                                   "2. 政府性基金预算财政拨款收入：125.91万元",
                                   "甲",
                                   "- 一（甲）",
                                   "- 二（甲）",
                                   "乙",
                                   "完。"};
  EXPECT_EQ(r->paragraphs, want);
}

TEST(DocxTemplate, LoopedTableRowsUnderAMergedHeader) {
  Json data = {{"items", {{{"code", "208"}, {"name", "社会保障和就业支出"}, {"amount", 37.51}, {"subs", {"20801", "20805"}}},
                          {{"code", "210"}, {"name", "卫生健康支出"}, {"amount", 2681.68}, {"subs", Json::array()}}}},
               {"total", 2719.19},
               {"none", Json::array()}};
  auto r = render("python-docx-tables.docx", data);
  ASSERT_TRUE(r->error.empty()) << r->error;
  auto tables = r->doc.select_nodes("//w:tbl");
  ASSERT_EQ(tables.size(), 2u);
  pugi::xml_node t1 = tables[0].node();
  std::vector<std::vector<std::string>> rows;
  for (pugi::xml_node tr = t1.child("w:tr"); tr; tr = tr.next_sibling("w:tr")) {
    rows.emplace_back();
    for (pugi::xml_node tc = tr.child("w:tc"); tc; tc = tc.next_sibling("w:tc")) rows.back().push_back(text_of(tc));
  }
  std::vector<std::vector<std::string>> want = {{"科目", "金额（万元）"},
                                                {"208", "社会保障和就业支出", "37.51"},
                                                {"210", "卫生健康支出", "2681.68"},
                                                {"合计", "", "2719.19"}};
  EXPECT_EQ(rows, want);  // the {{#none}} row is gone, not left empty
  EXPECT_TRUE(t1.child("w:tr").child("w:tc").child("w:tcPr").child("w:gridSpan"));  // header merge kept
  pugi::xml_node t2 = tables[1].node();
  std::vector<std::string> second;
  for (pugi::xml_node tr = t2.child("w:tr"); tr; tr = tr.next_sibling("w:tr"))
    second.push_back(text_of(tr.child("w:tc")) + "|" + text_of(tr.child("w:tc").next_sibling("w:tc")));
  EXPECT_EQ(second, (std::vector<std::string>{"类|款", "社会保障和就业支出|20801；20805；", "卫生健康支出|"}));
  // every cell still holds a paragraph
  for (pugi::xpath_node tc : r->doc.select_nodes("//w:tc")) EXPECT_TRUE(tc.node().child("w:p"));
}

TEST(DocxTemplate, ConditionsAndEscaping) {
  auto r = render("python-docx-conditions.docx", {{"reason", nullptr}, {"show", true}, {"hide", false},
                                                  {"text", "收入<支出 & 结余\n第二行"}});
  ASSERT_TRUE(r->error.empty()) << r->error;
  EXPECT_EQ(r->paragraphs, (std::vector<std::string>{"变动原因：（待补充）", "显示的段落", "说明：收入<支出 & 结余\n第二行"}));
  auto r2 = render("python-docx-conditions.docx", {{"reason", "人员减少"}, {"show", Json::array()}, {"hide", nullptr},
                                                   {"text", ""}});
  ASSERT_TRUE(r2->error.empty()) << r2->error;
  EXPECT_EQ(r2->paragraphs, (std::vector<std::string>{"变动原因：人员减少", "说明："}));
}

TEST(DocxTemplate, HeadersAndFooters) {
  Json data = {{"department", "剑阁县医疗保障局"}, {"year", 2022}, {"page", 1}};
  auto r = render("python-docx-header-footer.docx", data);
  ASSERT_TRUE(r->error.empty()) << r->error;
  EXPECT_EQ(r->paragraphs.front(), "正文 2022");
  fs::path out = test::scratch_dir() / "hf.docx";
  Diagnostics w;
  ASSERT_TRUE(render_docx_template(test::fixture("docx/python-docx-header-footer.docx").string(), data, out.string(), w).ok());
  auto pkg = ZipPackage::open_file(out.string());
  std::string all;
  for (const auto& name : pkg->part_names())
    if (name.find("header") != std::string::npos || name.find("footer") != std::string::npos) {
      std::string xml = pkg->read(name).value();
      pugi::xml_document d;
      ASSERT_TRUE(d.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single));
      for (pugi::xpath_node p : d.select_nodes("//w:p")) all += text_of(p.node()) + "\n";
    }
  EXPECT_NE(all.find("剑阁县医疗保障局 2022年度部门决算"), std::string::npos);
  EXPECT_NE(all.find("第1页"), std::string::npos);
  EXPECT_EQ(all.find("{{"), std::string::npos);
}

TEST(DocxTemplate, UnknownPathIsAnErrorNamingTheTagUnlessLenient) {
  auto r = render("python-docx-split-tags.docx", {{"total", 1}, {"change", 0}});
  ASSERT_FALSE(r->error.empty());
  EXPECT_NE(r->error.find("{{department}}"), std::string::npos) << r->error;
  auto l = render("python-docx-split-tags.docx", {{"total", 1}, {"change", 0}}, true);
  ASSERT_TRUE(l->error.empty()) << l->error;
  EXPECT_EQ(l->paragraphs[1], "");
  ASSERT_EQ(l->warnings.items().size(), 1u);
  EXPECT_NE(l->warnings.items()[0].message.find("{{department}}"), std::string::npos);
}

TEST(DocxTemplate, SameDataSameBytes) {
  Json data = {{"total", 3555.82}, {"change", -468.94}, {"department", "剑阁县医疗保障局"}};
  fs::path dir = test::scratch_dir();
  Diagnostics w;
  for (const char* n : {"a.docx", "b.docx"})
    ASSERT_TRUE(render_docx_template(test::fixture("docx/python-docx-split-tags.docx").string(), data, (dir / n).string(), w).ok());
  EXPECT_EQ(test::read_file(dir / "a.docx"), test::read_file(dir / "b.docx"));
}

// A picture inside a repeated block: one media part per file, one relationship each, drawing ids unique,
// sizes from the pixels at 96 dpi (96 × 48 px = 914400 × 457200 EMU), a wide picture scaled to 15 cm.
TEST(DocxTemplate, ImagesInsideALoop) {
  Json data = {{"figures", {{{"file", test::fixture("docx/red-96x48.png").string()}, {"title", "收入结构"}},
                            {{"file", test::fixture("docx/blue-2000x1000.png").string()}, {"title", "支出结构"}},
                            {{"file", test::fixture("docx/red-96x48.png").string()}, {"title", "再一次"}}}}};
  fs::path out = test::scratch_dir() / "img.docx";
  Diagnostics w;
  auto ok = render_docx_template(test::fixture("docx/python-docx-images.docx").string(), data, out.string(), w);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  auto pkg = ZipPackage::open_file(out.string());
  std::vector<std::string> media;
  for (const auto& n : pkg->part_names())
    if (n.rfind("word/media/", 0) == 0) media.push_back(n);
  EXPECT_EQ(media.size(), 2u);  // the red picture is stored once
  pugi::xml_document doc;
  std::string xml = pkg->read("word/document.xml").value();
  ASSERT_TRUE(doc.load_buffer(xml.data(), xml.size()));
  auto drawings = doc.select_nodes("//wp:inline");
  ASSERT_EQ(drawings.size(), 3u);
  EXPECT_STREQ(drawings[0].node().child("wp:extent").attribute("cx").value(), "914400");
  EXPECT_STREQ(drawings[0].node().child("wp:extent").attribute("cy").value(), "457200");
  EXPECT_STREQ(drawings[1].node().child("wp:extent").attribute("cx").value(), "5400000");
  EXPECT_STREQ(drawings[1].node().child("wp:extent").attribute("cy").value(), "2700000");
  std::set<std::string> ids;
  for (auto d : drawings) ids.insert(d.node().child("wp:docPr").attribute("id").value());
  EXPECT_EQ(ids.size(), 3u);
  // every r:embed resolves to an image relationship whose target exists
  std::string rels = pkg->read("word/_rels/document.xml.rels").value();
  for (auto b : doc.select_nodes("//a:blip")) {
    std::string rid = b.node().attribute("r:embed").value();
    size_t at = rels.find("Id=\"" + rid + "\"");
    ASSERT_NE(at, std::string::npos) << rid;
  }
  EXPECT_NE(pkg->read("[Content_Types].xml").value().find("Extension=\"png\""), std::string::npos);
  // regression: LibreOffice refused the document when a:graphicFrameLocks used the a: prefix before any
  // element declared it. Every prefixed element must have its prefix declared on itself or an ancestor.
  for (pugi::xpath_node x : doc.select_nodes("//*")) {
    std::string name = x.node().name();
    size_t colon = name.find(':');
    if (colon == std::string::npos) continue;
    std::string decl = "xmlns:" + name.substr(0, colon);
    bool declared = false;
    for (pugi::xml_node n = x.node(); n && !declared; n = n.parent()) declared = n.attribute(decl.c_str());
    EXPECT_TRUE(declared) << name;
  }
  std::vector<std::string> texts;
  for (pugi::xpath_node p : doc.select_nodes("/w:document/w:body/w:p")) texts.push_back(text_of(p.node()));
  EXPECT_EQ(texts, (std::vector<std::string>{"图表", "", "图1：收入结构", "", "图2：支出结构", "", "图3：再一次"}));
}

// Seed 001 公开05: 210 卫生健康支出 over its three 项, then 213 over one, then 210 again (not adjacent: a
// new merge). The header's own merges (vertical 类, horizontal 支出) are kept.
TEST(DocxTemplate, VerticalMergesGroupedByAKey) {
  Json items = Json::array();
  for (auto [cls, name, amount] : {std::tuple{"卫生健康支出", "行政单位医疗", 11.85}, {"卫生健康支出", "事业单位医疗", 2.25},
                                   {"卫生健康支出", "城乡医疗救助", 2299.53}, {"农林水支出", "社会发展", 689.57},
                                   {"卫生健康支出", "行政运行", 274.45}})
    items.push_back({{"class", cls}, {"name", name}, {"amount", amount}});
  auto r = render("python-docx-vmerge.docx", {{"items", items}});
  ASSERT_TRUE(r->error.empty()) << r->error;
  std::vector<std::string> first;  // the first cell of each body row: its merge state and text
  int row = 0;
  for (pugi::xpath_node tr : r->doc.select_nodes("//w:tbl/w:tr")) {
    if (row++ < 2) continue;
    pugi::xml_node tc = tr.node().child("w:tc");
    pugi::xml_node vm = tc.child("w:tcPr").child("w:vMerge");
    std::string state = !vm ? "none" : vm.attribute("w:val") ? vm.attribute("w:val").value() : "continue";
    first.push_back(state + ":" + text_of(tc));
  }
  EXPECT_EQ(first, (std::vector<std::string>{"restart:卫生健康支出", "continue:", "continue:", "restart:农林水支出",
                                             "restart:卫生健康支出"}));
  EXPECT_EQ(r->doc.select_nodes("//*[@jixiao-vmerge]").size(), 0u);
  EXPECT_TRUE(r->doc.select_node("//w:tr[1]/w:tc[1]/w:tcPr/w:vMerge[@w:val='restart']"));  // the header's 类
  // w:vMerge stands after w:tcW and w:gridSpan, as CT_TcPr orders them
  for (pugi::xpath_node x : r->doc.select_nodes("//w:tcPr[w:vMerge]")) {
    bool seen_vmerge = false;
    for (pugi::xml_node c : x.node().children()) {
      if (std::string(c.name()) == "w:vMerge") {
        seen_vmerge = true;
      } else if (seen_vmerge) {
        EXPECT_TRUE(std::string(c.name()) != "w:tcW" && std::string(c.name()) != "w:gridSpan");
      }
    }
  }
}

}  // namespace
}  // namespace jixiao
