// Annotated copies of a report (`jixiao audit -o`): Word comments on marked numbers, highlighted,
// the text of every paragraph unchanged, the package's other parts byte for byte.
#include "writers/docx_comments.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>

#include "readers/document_text.h"
#include "readers/zip_package.h"
#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

struct Marked {
  fs::path in, out;
  DocumentText before, after;
};

// Marks "45%" and "99.5%" of seed 002 (its 三公 and 培训费 paragraphs).
Marked annotate() {
  Marked m;
  m.in = test::fixture("reports/seed002-python-docx.docx");
  m.out = test::scratch_dir() / "annotated.docx";
  m.before = read_docx_text(m.in.string()).value();
  std::vector<DocxComment> comments;
  for (const TextBlock& b : m.before.blocks)
    for (const char* what : {"45%", "99.5%"})
      if (size_t at = b.text.find(std::string("同比增加 ") + what); at != std::string::npos)
        comments.push_back({b.where.paragraph, at + 13, at + 13 + std::char_traits<char>::length(what), std::string("应为 ") + what});
      else if (size_t at2 = b.text.find(std::string("同比减少 ") + what); at2 != std::string::npos)
        comments.push_back({b.where.paragraph, at2 + 13, at2 + 13 + std::char_traits<char>::length(what), std::string("应为 ") + what});
  EXPECT_EQ(comments.size(), 2u);
  auto r = write_docx_comments(m.in.string(), m.out.string(), comments, "jixiao");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().to_text());
  m.after = read_docx_text(m.out.string()).value();
  return m;
}

TEST(DocxComments, TextIsUnchangedAndCommentsAreAdded) {
  Marked m = annotate();
  ASSERT_EQ(m.before.blocks.size(), m.after.blocks.size());
  for (size_t i = 0; i < m.before.blocks.size(); ++i) EXPECT_EQ(m.before.blocks[i].text, m.after.blocks[i].text) << i;
  auto zip = ZipPackage::open_file(m.out.string());
  ASSERT_TRUE(zip.ok());
  std::string comments = zip->read("word/comments.xml").value();
  EXPECT_NE(comments.find("应为 45%"), std::string::npos);
  EXPECT_NE(comments.find("应为 99.5%"), std::string::npos);
  EXPECT_NE(zip->read("[Content_Types].xml")->find("/word/comments.xml"), std::string::npos);
  EXPECT_NE(zip->read("word/_rels/document.xml.rels")->find("relationships/comments\" Target=\"comments.xml\""), std::string::npos);
}

TEST(DocxComments, TheMarkedNumberIsHighlightedBetweenTheRangeMarks) {
  Marked m = annotate();
  std::string xml = ZipPackage::open_file(m.out.string())->read("word/document.xml").value();
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.c_str()));
  auto start = doc.select_node("//w:commentRangeStart[@w:id='0']").node();
  ASSERT_TRUE(start);
  std::string marked;
  for (pugi::xml_node n = start.next_sibling(); n && std::string(n.name()) != "w:commentRangeEnd"; n = n.next_sibling()) {
    EXPECT_TRUE(n.select_node("w:rPr/w:highlight[@w:val='yellow']")) << n.name();
    marked += n.child("w:t").text().get();
  }
  EXPECT_EQ(marked, "45%");
  EXPECT_TRUE(doc.select_node("//w:r/w:commentReference[@w:id='0']"));
  EXPECT_TRUE(doc.select_node("//w:commentRangeEnd[@w:id='1']"));
}

TEST(DocxComments, OtherPartsAreCopiedAndTheOutputIsDeterministic) {
  Marked m = annotate();
  auto a = ZipPackage::open_file(m.in.string());
  auto b = ZipPackage::open_file(m.out.string());
  EXPECT_EQ(a->read("word/styles.xml").value(), b->read("word/styles.xml").value());
  std::string first = test::read_file(m.out);
  Marked again = annotate();
  EXPECT_EQ(first, test::read_file(again.out));
}

TEST(DocxComments, RefusesToWriteOverItsInput) {
  fs::path copy = test::scratch_dir() / "in.docx";
  fs::copy_file(test::fixture("reports/seed002-python-docx.docx"), copy);
  auto r = write_docx_comments(copy.string(), copy.string(), {{1, 0, 1, "x"}}, "jixiao");
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace jixiao
