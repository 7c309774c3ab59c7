// Annotated copies. The findings fed to the writer are the samples' own (samples/manifest.json,
// written by the sample builder's independent checker); what the copy must hold is read back
// through our XLSX reader and, part by part, through ZipPackage.
#include "writers/xlsx_annotate.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <cctype>
#include <set>

#include "readers/xlsx_reader.h"
#include "readers/zip_package.h"
#include "writers/package_writer.h"
#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json manifest_variant(const std::string& file) {
  std::ifstream in(test::source_dir() / "samples" / "manifest.json");
  json m = json::parse(in);
  for (const auto& v : m["variants"])
    if (v["file"] == file) return v;
  ADD_FAILURE() << "not in the manifest: " << file;
  return {};
}

// 90.98 -> "90.98", 20.0 -> "20", "良" -> "良": the manifest is written by Python.
std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
  return buf;
}

Findings manifest_findings(const json& variant) {
  Findings out;
  for (const auto& w : variant["findings"]) {
    Finding f;
    f.rule = w["rule"];
    f.severity = w["severity"] == "error" ? Severity::Error : w["severity"] == "warning" ? Severity::Warning : Severity::Info;
    f.sheet = w["sheet"];
    f.cell = w["cell"];
    f.message = w["message"];
    f.expected = text_of(w["expected"]);
    f.found = text_of(w["found"]);
    out.push_back(f);
  }
  return out;
}

fs::path sample(const std::string& producer, const std::string& file) {
  return test::source_dir() / "samples" / producer / file;
}

Workbook read(const fs::path& p) {
  Diagnostics d;
  auto wb = read_xlsx_file(p.string(), d);
  EXPECT_TRUE(wb.ok()) << (wb.ok() ? "" : wb.error().to_text());
  return wb.ok() ? std::move(wb).value() : Workbook{};
}

const Cell* cell_at(const Workbook& wb, const std::string& sheet, const std::string& ref) {
  const Sheet* s = wb.sheet(sheet);
  if (!s) return nullptr;
  auto p = parse_cell(ref);
  return p ? s->find(*p) : nullptr;
}

std::string cell_text(const Workbook& wb, const Cell& c) {
  if (c.type == CellType::String) return std::string(wb.text(c));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", c.number);
  return buf;
}

std::string annotate(const fs::path& input, const Findings& findings, bool fix, const fs::path& out) {
  AnnotateOptions o;
  o.fix = fix;
  auto r = write_annotated_copy(input.string(), findings, o, out.string());
  return r.ok() ? std::string{} : r.error().to_text();
}

std::string xml_escaped(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
  return out;
}

// The parts that carry marks; everything else must come through unchanged.
bool may_change(const std::string& part) {
  return part == "[Content_Types].xml" || part == "xl/workbook.xml" || part == "xl/_rels/workbook.xml.rels" ||
         part == "xl/styles.xml" || part.find("comments") != std::string::npos || part.find("vmlDrawing") != std::string::npos ||
         part.starts_with("xl/worksheets/");
}

class AnnotateSample : public testing::TestWithParam<std::tuple<std::string, std::string>> {};

TEST_P(AnnotateSample, MarksTheManifestCellsAndChangesNothingElse) {
  const auto& [producer, file] = GetParam();
  const json v = manifest_variant(file);
  const Findings findings = manifest_findings(v);
  const fs::path in = sample(producer, file);
  const std::string before = test::read_file(in);
  const fs::path dir = test::scratch_dir();
  ASSERT_EQ(annotate(in, findings, false, dir / "a.xlsx"), "");
  EXPECT_EQ(test::read_file(in), before) << "the input must not change";

  // Byte for byte, except the parts that carry the marks; the marked sheets are exactly those named.
  auto a = ZipPackage::open_file(in.string());
  auto b = ZipPackage::open_file((dir / "a.xlsx").string());
  ASSERT_TRUE(a.ok() && b.ok());
  std::set<std::string> marked_sheets;
  for (const auto& w : v["findings"]) marked_sheets.insert(w["sheet"]);
  const Workbook orig = read(in);
  std::set<std::string> marked_parts;
  for (const Sheet& s : orig.sheets)
    if (marked_sheets.count(s.name)) marked_parts.insert(s.part);
  for (const std::string& part : a->part_names()) {
    ASSERT_TRUE(b->has(part)) << part;
    const bool changed = a->read(part).value() != b->read(part).value();
    if (changed) {
      EXPECT_TRUE(may_change(part)) << part << " changed";
    }
    if (part.starts_with("xl/worksheets/") && part.ends_with(".xml")) {
      EXPECT_EQ(changed, marked_parts.count(part) > 0) << part;
    }
  }

  // Values unchanged, styles changed on exactly the marked cells; the findings sheet comes first.
  const Workbook copy = read(dir / "a.xlsx");
  ASSERT_EQ(copy.sheets.size(), orig.sheets.size() + 1);
  EXPECT_EQ(copy.sheets[0].name, "核查结果");
  for (size_t i = 0; i < orig.sheets.size(); ++i) EXPECT_EQ(copy.sheets[i + 1].name, orig.sheets[i].name);
  for (const auto& w : v["findings"]) {
    const Cell* c0 = cell_at(orig, w["sheet"], w["cell"]);
    const Cell* c1 = cell_at(copy, w["sheet"], w["cell"]);
    ASSERT_TRUE(c0 && c1) << w.dump();
    EXPECT_EQ(cell_text(copy, *c1), cell_text(orig, *c0));
    EXPECT_EQ(cell_text(copy, *c1), text_of(w["found"])) << w.dump();
    EXPECT_NE(c1->style, c0->style) << "a marked cell gets the cloned style with the fill";
    EXPECT_EQ(copy.format_code(*c1), orig.format_code(*c0)) << "the number format stays";
  }
  // Every finding is a row of 核查结果, its message in column E.
  const Sheet& summary = copy.sheets[0];
  std::multiset<std::string> listed;
  for (const Cell& c : summary.cells)
    if (c.col == 4 && c.row > 0) listed.insert(std::string(copy.text(c)));
  std::multiset<std::string> wanted;
  for (const auto& w : v["findings"]) wanted.insert(w["message"]);
  EXPECT_EQ(listed, wanted);
  // The notes carry the messages.
  std::string notes;
  for (const std::string& part : b->part_names())
    if (part.find("comments") != std::string::npos && part.ends_with(".xml")) notes += b->read(part).value();
  for (const auto& w : v["findings"]) EXPECT_NE(notes.find(xml_escaped(w["message"])), std::string::npos) << w.dump();

  // Deterministic.
  ASSERT_EQ(annotate(in, findings, false, dir / "b.xlsx"), "");
  EXPECT_EQ(test::read_file(dir / "a.xlsx"), test::read_file(dir / "b.xlsx"));
}

TEST_P(AnnotateSample, FixWritesTheExpectedValues) {
  const auto& [producer, file] = GetParam();
  const json v = manifest_variant(file);
  const fs::path in = sample(producer, file);
  const fs::path out = test::scratch_dir() / "fixed.xlsx";
  ASSERT_EQ(annotate(in, manifest_findings(v), true, out), "");
  const Workbook orig = read(in);
  const Workbook copy = read(out);
  // The first finding on a cell (errors first, in manifest order) decides its value.
  std::set<std::string> seen;
  for (const auto& w : v["findings"]) {
    if (!seen.insert(w["sheet"].get<std::string>() + "!" + w["cell"].get<std::string>()).second) continue;
    const Cell* c0 = cell_at(orig, w["sheet"], w["cell"]);
    const Cell* c1 = cell_at(copy, w["sheet"], w["cell"]);
    ASSERT_TRUE(c1) << w.dump();
    EXPECT_EQ(cell_text(copy, *c1), text_of(w["expected"])) << w.dump();
    EXPECT_EQ(c1->type, w["expected"].is_string() ? CellType::String : CellType::Number);
    EXPECT_EQ(copy.format_code(*c1), orig.format_code(*c0));
  }
}

std::vector<std::tuple<std::string, std::string>> samples() {
  std::vector<std::tuple<std::string, std::string>> out;
  std::ifstream in(test::source_dir() / "samples" / "manifest.json");
  json m = json::parse(in);
  for (const char* producer : {"openpyxl", "libreoffice"})
    for (const auto& v : m["variants"]) out.emplace_back(producer, v["file"]);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Samples, AnnotateSample, testing::ValuesIn(samples()), [](const auto& info) {
  std::string name = std::get<0>(info.param) + "_" + std::get<1>(info.param).substr(0, 5);
  return name;
});

// A fixture with a note already on B2, a quote in the sheet name, sheet-local names and the second
// sheet active (tests/fixtures/make_fixtures.py make_comments).
TEST(Annotate, MergesIntoExistingNotesAndKeepsSheetPositionsRight) {
  const fs::path in = test::fixture("xlsx/openpyxl-comments.xlsx");
  Findings fs_;
  Finding on_b2{"test.b2", Severity::Warning, "", "Bob's 表", "B2", "产出指标得分需复核", "", "48"};
  Finding on_b4{"test.b4", Severity::Error, "", "Bob's 表", "B4", "合计 80 ≠ 48 + 30 = 78", "78", "80"};
  Finding empty_cell{"test.d9", Severity::Info, "", "Bob's 表", "D9:E10", "此处应填写说明", "已说明", ""};
  Finding no_cell{"test.sheet", Severity::Warning, "", "封面", "", "封面缺少填报日期", "", ""};
  Finding elsewhere{"test.other", Severity::Error, "", "不存在的表", "A1", "跨表核对不符", "", ""};
  fs_ = {on_b2, on_b4, empty_cell, no_cell, elsewhere};
  const fs::path out = test::scratch_dir() / "c.xlsx";
  ASSERT_EQ(annotate(in, fs_, true, out), "");

  auto pkg = ZipPackage::open_file(out.string());
  ASSERT_TRUE(pkg.ok());
  std::vector<std::string> comment_parts, vml_parts;
  for (const std::string& p : pkg->part_names()) {
    if (p.find("comment") != std::string::npos && p.ends_with(".xml")) comment_parts.push_back(p);
    if (p.ends_with(".vml")) vml_parts.push_back(p);
  }
  EXPECT_EQ(comment_parts, std::vector<std::string>{"xl/comments/comment1.xml"}) << "merged, not a second part";
  EXPECT_EQ(vml_parts, std::vector<std::string>{"xl/drawings/commentsDrawing1.vml"});
  const std::string notes = pkg->read("xl/comments/comment1.xml").value();
  EXPECT_NE(notes.find("原有批注：请复核"), std::string::npos);
  EXPECT_NE(notes.find("产出指标得分需复核"), std::string::npos);
  EXPECT_NE(notes.find("ref=\"D9\""), std::string::npos);
  const std::string vml = pkg->read("xl/drawings/commentsDrawing1.vml").value();
  EXPECT_NE(vml.find("<x:Row>3</x:Row>"), std::string::npos) << "a shape for B4";
  EXPECT_NE(vml.find("<x:Row>8</x:Row>"), std::string::npos) << "a shape for D9";
  EXPECT_EQ(vml.find("<x:Row>1</x:Row>"), std::string::npos) << "B2 already had its shape";

  const std::string wbxml = pkg->read("xl/workbook.xml").value();
  EXPECT_NE(wbxml.find("activeTab=\"2\""), std::string::npos) << "the active sheet stays active";
  EXPECT_EQ(wbxml.find("localSheetId=\"1\""), std::string::npos);
  EXPECT_NE(wbxml.find("<definedName name=\"Scores\" localSheetId=\"2\">"), std::string::npos);

  const Workbook copy = read(out);
  ASSERT_EQ(copy.sheets.size(), 3u);
  EXPECT_EQ(copy.sheets[0].name, "核查结果");
  EXPECT_EQ(copy.sheets[2].name, "Bob's 表");
  const Cell* b4 = cell_at(copy, "Bob's 表", "B4");
  ASSERT_TRUE(b4);
  EXPECT_EQ(b4->type, CellType::Number);
  EXPECT_EQ(b4->number, 78);
  const Cell* d9 = cell_at(copy, "Bob's 表", "D9");  // created, in a created row
  ASSERT_TRUE(d9);
  EXPECT_EQ(copy.text(*d9), "已说明");
  const Cell* b2 = cell_at(copy, "Bob's 表", "B2");
  ASSERT_TRUE(b2);
  EXPECT_EQ(b2->number, 48) << "no expected value: not changed";
  EXPECT_EQ(copy.format_code(*b2), "0.00");

  // 核查结果: errors first, links quoted; the cell-less finding links to its sheet, the unknown sheet to nothing.
  const std::string summary = pkg->read(copy.sheets[0].part).value();
  EXPECT_NE(summary.find("location=\"'Bob''s 表'!B4\""), std::string::npos) << summary;
  EXPECT_NE(summary.find("location=\"'封面'!A1\""), std::string::npos);
  EXPECT_EQ(summary.find("不存在的表'!"), std::string::npos);
  const Sheet& s0 = copy.sheets[0];
  std::vector<std::string> severities;
  for (const Cell& c : s0.cells)
    if (c.col == 0 && c.row > 0) severities.push_back(std::string(copy.text(c)));
  EXPECT_EQ(severities, (std::vector<std::string>{"错误", "错误", "警告", "警告", "提示"}));
}

// A sheet without notes gets a drawing of its own; the part, written from scratch, compared as exact
// text with the note box Excel writes for a cell (ECMA-376 Part 4 §19 VML, the x:ClientData of a Note;
// anchored from one column right of the cell, 4 columns by 6 rows). C5 is row 4, column 2 zero-based.
TEST(Annotate, NewNoteDrawingExactly) {
  const fs::path in = test::fixture("xlsx/openpyxl-number-formats.xlsx");
  Finding on_c5{"test.c5", Severity::Error, "", "Formats", "C5", "合计不符", "1", "2"};
  const fs::path out = test::scratch_dir() / "vml.xlsx";
  ASSERT_EQ(annotate(in, {on_c5}, false, out), "");
  auto pkg = ZipPackage::open_file(out.string());
  const std::string ns = " xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
                         " xmlns:x=\"urn:schemas-microsoft-com:office:excel\"";
  EXPECT_EQ(pkg->read("xl/drawings/vmlDrawing1.vml").value(),
            "<xml" + ns + ">\n"
            "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"1\"/></o:shapelayout>\n"
            "<v:shapetype" + ns + " id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" "
            "path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>"
            "<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>\n"
            "<v:shape" + ns + " id=\"_x0000_s1025\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;"
            "margin-top:2pt;width:240pt;height:96pt;z-index:1;visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">"
            "<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>"
            "<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>"
            "<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>3, 15, 3, 10, 7, 15, 9, 4</x:Anchor>"
            "<x:AutoFill>False</x:AutoFill><x:Row>4</x:Row><x:Column>2</x:Column></x:ClientData></v:shape>\n"
            "</xml>\n");
}

TEST(Annotate, RefusesToWriteOverItsInputAndLeavesNothingOnFailure) {
  const fs::path dir = test::scratch_dir();
  const fs::path in = dir / "in.xlsx";
  fs::copy_file(test::fixture("xlsx/openpyxl-comments.xlsx"), in);
  const std::string before = test::read_file(in);
  Finding f{"r", Severity::Error, "", "封面", "A1", "m", "", ""};
  EXPECT_NE(annotate(in, {f}, false, in), "");
  EXPECT_EQ(test::read_file(in), before);

  const fs::path strict = test::fixture("xlsx/handmade-strict.xlsx");
  const std::string err = annotate(strict, {f}, false, dir / "strict.xlsx");
  EXPECT_NE(err.find("Strict"), std::string::npos) << err;
  EXPECT_NE(err.find("handmade-strict.xlsx"), std::string::npos) << "the message names the file";
  EXPECT_FALSE(fs::exists(dir / "strict.xlsx"));
}

TEST(Annotate, WorkbookWithoutFindingsGetsAnEmptyList) {
  const fs::path out = test::scratch_dir() / "clean.xlsx";
  ASSERT_EQ(annotate(test::fixture("xlsx/openpyxl-merges-names-1904.xlsx"), {}, false, out), "");
  const Workbook copy = read(out);
  ASSERT_FALSE(copy.sheets.empty());
  EXPECT_EQ(copy.sheets[0].name, "核查结果");
  auto pkg = ZipPackage::open_file(out.string());
  EXPECT_NE(pkg->read("xl/workbook.xml").value().find("localSheetId=\"1\""), std::string::npos);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// Every reader fixture (prefixed XML, implicit cell refs, no styles part, WPS extras, shared
// formulas…): a mark on the first cell and one on a cell below the last row; every other value
// reads the same from the copy.
class AnnotateFixture : public testing::TestWithParam<std::string> {};

TEST_P(AnnotateFixture, KeepsEveryValueAndAddsTheMarks) {
  const fs::path in = test::fixture("xlsx/" + GetParam());
  const Workbook orig = read(in);
  const Sheet* target = nullptr;
  for (const Sheet& s : orig.sheets)
    if (!s.cells.empty()) {
      target = &s;
      break;
    }
  ASSERT_TRUE(target);
  const CellPos first = target->cells.front().pos();
  const CellPos below{target->cells.back().row + 2, 1};
  Finding a{"t.first", Severity::Error, "", target->name, cell_name(first), "首格有误", "", ""};
  Finding b{"t.new", Severity::Warning, "", target->name, cell_name(below), "此处缺少数值", "12.5", ""};
  const fs::path out = test::scratch_dir() / "f.xlsx";
  ASSERT_EQ(annotate(in, {a, b}, true, out), "");
  const Workbook copy = read(out);
  ASSERT_EQ(copy.sheets.size(), orig.sheets.size() + 1);
  EXPECT_EQ(copy.sheets[0].name, "核查结果");
  for (size_t i = 0; i < orig.sheets.size(); ++i) {
    const Sheet& s0 = orig.sheets[i];
    const Sheet& s1 = copy.sheets[i + 1];
    EXPECT_EQ(s1.name, s0.name);
    for (const Cell& c : s0.cells) {
      const Cell* d = s1.find(c.pos());
      ASSERT_TRUE(d) << s0.name << "!" << cell_name(c.pos());
      EXPECT_EQ(d->type, c.type) << cell_name(c.pos());
      EXPECT_EQ(cell_text(copy, *d), cell_text(orig, c)) << cell_name(c.pos());
      EXPECT_EQ(copy.format_code(*d), orig.format_code(c)) << cell_name(c.pos());
    }
  }
  const Sheet& marked = copy.sheets[1 + (target - orig.sheets.data())];
  const Cell* added = marked.find(below);
  ASSERT_TRUE(added);
  if (marked.dimension) {
    EXPECT_TRUE(marked.dimension->contains(below)) << "the declared range covers the new cell";
  }
  EXPECT_EQ(added->type, CellType::Number);
  EXPECT_EQ(added->number, 12.5);
}

std::vector<std::string> fixtures() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::fixture("xlsx")))
    if (e.path().extension() == ".xlsx" && e.path().filename() != "handmade-strict.xlsx")
      out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, AnnotateFixture, testing::ValuesIn(fixtures()), [](const auto& info) {
  std::string n;
  for (char c : info.param) n += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return n;
});

// Annotating an annotated copy: the second list gets its own name, the notes merge.
TEST(Annotate, AnnotatedCopyAnnotatedAgain) {
  const json v = manifest_variant("err01_附件1.1_自评得分91.98.xlsx");
  const fs::path dir = test::scratch_dir();
  const fs::path in = sample("libreoffice", "err01_附件1.1_自评得分91.98.xlsx");
  ASSERT_EQ(annotate(in, manifest_findings(v), false, dir / "1.xlsx"), "");
  ASSERT_EQ(annotate(dir / "1.xlsx", manifest_findings(v), false, dir / "2.xlsx"), "");
  const Workbook copy = read(dir / "2.xlsx");
  ASSERT_GE(copy.sheets.size(), 2u);
  EXPECT_EQ(copy.sheets[0].name, "核查结果 (2)");
  EXPECT_EQ(copy.sheets[1].name, "核查结果");
  auto pkg = ZipPackage::open_file((dir / "2.xlsx").string());
  int comment_parts = 0;
  for (const std::string& p : pkg->part_names()) comment_parts += p.find("comments") != std::string::npos;
  EXPECT_EQ(comment_parts, 1);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// --fix on formula cells (tests/fixtures/README.md, handmade-shared-formulas): a plain formula and
// a dependent cell of a shared formula take the value; the masters of a shared and of an array
// formula stay, and the shared formula still fills the cells below.
TEST(Annotate, FixOnFormulaCells) {
  const fs::path in = test::fixture("xlsx/handmade-shared-formulas.xlsx");
  auto at = [](const char* cell, const char* expected) {
    return Finding{"t." + std::string(cell), Severity::Error, "", "Shared", cell, "公式结果有误", expected, ""};
  };
  const fs::path out = test::scratch_dir() / "formulas.xlsx";
  ASSERT_EQ(annotate(in, {at("C1", "99"), at("C3", "33.5"), at("I1", "1"), at("J1", "2")}, true, out), "");
  const Workbook copy = read(out);
  auto cell = [&](const char* ref) { return cell_at(copy, "Shared", ref); };
  ASSERT_TRUE(cell("C1") && cell("C3") && cell("C4") && cell("I1") && cell("J1"));
  EXPECT_TRUE(cell("C1")->has_formula());
  EXPECT_EQ(cell("C1")->number, 11);
  EXPECT_FALSE(cell("C3")->has_formula());
  EXPECT_EQ(cell("C3")->number, 33.5);
  EXPECT_TRUE(cell("C4")->has_formula());
  EXPECT_EQ(cell("C4")->number, 44);
  EXPECT_TRUE(cell("I1")->has_formula());
  EXPECT_EQ(cell("I1")->number, 550);
  EXPECT_FALSE(cell("J1")->has_formula());
  EXPECT_EQ(cell("J1")->number, 2);
  auto pkg = ZipPackage::open_file(out.string());
  std::string notes;
  for (const std::string& p : pkg->part_names())
    if (p.find("comments") != std::string::npos) notes += pkg->read(p).value();
  EXPECT_NE(notes.find("共享公式或数组公式的首格"), std::string::npos);
  EXPECT_NE(notes.find("原公式已替换为数值"), std::string::npos);
}

}  // namespace
}  // namespace jixiao

namespace jixiao {
namespace {

// Excel keeps xl/calcChain.xml, the cells that hold formulas; once a fix replaces a formula by its
// value the chain would name a cell without one (Excel then "repairs" the file), so it goes.
// The input is the shared-formulas fixture with a chain added as Excel writes it.
TEST(Annotate, FixReplacingAFormulaDropsTheCalcChain) {
  const fs::path dir = test::scratch_dir();
  const fs::path src = test::fixture("xlsx/handmade-shared-formulas.xlsx");
  auto w = PackageWriter::from_file(src.string());
  ASSERT_TRUE(w.ok());
  auto pkg = ZipPackage::open_file(src.string());
  std::string rels = pkg->read("xl/_rels/workbook.xml.rels").value();
  rels.insert(rels.find("</Relationships>"),
              "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain\" "
              "Target=\"calcChain.xml\"/>");
  std::string types = pkg->read("[Content_Types].xml").value();
  types.insert(types.find("</Types>"),
               "<Override PartName=\"/xl/calcChain.xml\" "
               "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml\"/>");
  w->put("xl/_rels/workbook.xml.rels", rels);
  w->put("[Content_Types].xml", types);
  w->put("xl/calcChain.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<calcChain "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><c r=\"C1\" i=\"1\"/><c r=\"J1\"/></calcChain>");
  const fs::path in = dir / "chain.xlsx";
  ASSERT_TRUE(w->write(in.string()).ok());

  Finding j1{"t.j1", Severity::Error, "", "Shared", "J1", "1+1 应为 2", "2", "3"};
  ASSERT_EQ(annotate(in, {j1}, false, dir / "marked.xlsx"), "");
  EXPECT_TRUE(ZipPackage::open_file((dir / "marked.xlsx").string())->has("xl/calcChain.xml")) << "no fix, no change";

  ASSERT_EQ(annotate(in, {j1}, true, dir / "fixed.xlsx"), "");
  auto out = ZipPackage::open_file((dir / "fixed.xlsx").string());
  EXPECT_FALSE(out->has("xl/calcChain.xml"));
  EXPECT_EQ(out->read("xl/_rels/workbook.xml.rels").value().find("calcChain"), std::string::npos);
  EXPECT_EQ(out->read("[Content_Types].xml").value().find("calcChain"), std::string::npos);
  const Workbook fixed = read(dir / "fixed.xlsx");
  const Cell* c = cell_at(fixed, "Shared", "J1");
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->has_formula());
  EXPECT_EQ(cell_text(fixed, *c), "2");
}

}  // namespace
}  // namespace jixiao
