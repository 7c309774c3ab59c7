// Text of published reports as `jixiao audit` reads it: .docx paragraphs and table cells with runs,
// fields and line breaks joined (fixtures by python-docx), .pdf through poppler with reading order
// across columns and page breaks (fixtures exported by LibreOffice), and the refusals.
#include "readers/document_text.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_paths.h"

namespace jixiao {
namespace {

DocumentText read(const std::string& name) {
  auto d = read_document_text(test::fixture("reports/" + name).string());
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().to_text());
  return d.ok() ? d.value() : DocumentText{};
}

std::string squeeze(std::string s) {  // PDF text puts spaces between Chinese and digits
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

const TextBlock* containing(const DocumentText& d, const std::string& what, bool squeezed = false) {
  for (const TextBlock& b : d.blocks)
    if ((squeezed ? squeeze(b.text) : b.text).find(what) != std::string::npos) return &b;
  return nullptr;
}

TEST(DocumentText, DocxRunsCutInsideNumbersAreJoined) {
  DocumentText d = read("seed001-python-docx.docx");
  EXPECT_EQ(d.format, "docx");
  // the fixture cuts every paragraph into 5-character runs with proofErr and bookmarks between
  const TextBlock* b = containing(d, "其中：一般公共预算财政拨款收入3429.91万元，占96.46%；政府性基金预算财政拨款收入125.91万元，占3.54%");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->where.table, 0);
  EXPECT_GT(b->where.paragraph, 30);
}

TEST(DocumentText, DocxTableCellsHaveTheirPlace) {
  DocumentText d = read("features-python-docx.docx");
  const TextBlock* cell = containing(d, "“三公”经费财政拨款支出决算为1.50万元");
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(cell->where.table, 1);
  EXPECT_EQ(cell->where.row, 2);
  EXPECT_EQ(cell->where.cell, 2);
  EXPECT_EQ(cell->where.to_text(), "第" + std::to_string(cell->where.paragraph) + "段（表1 第2行第2格）");
}

TEST(DocumentText, DocxFieldsBreaksDeletionsAndLinks) {
  DocumentText d = read("features-python-docx.docx");
  // a complex field shows its result, not its instruction; w:br is a line break
  const TextBlock* field = containing(d, "2022年本年支出合计3555.82万元，其中：基本支出392.51万元，占11.04%；\n项目支出");
  ASSERT_NE(field, nullptr);
  EXPECT_EQ(field->text.find("\\#"), std::string::npos);
  // deleted text (w:del) is not shown
  ASSERT_NE(containing(d, "政府性基金预算财政拨款收入125.91万元，占3.54%。"), nullptr);
  EXPECT_EQ(containing(d, "9.99%"), nullptr);
  EXPECT_NE(containing(d, "详见附表"), nullptr);  // a run inside w:hyperlink
  EXPECT_NE(containing(d, "３４２９．９１万元"), nullptr);  // full width kept as written
}

TEST(DocumentText, PdfParagraphsAcrossLinesAndPages) {
  DocumentText d = read("seed001-libreoffice.pdf");
  EXPECT_EQ(d.format, "pdf");
  // one paragraph, although LibreOffice broke it over three lines, one of them before a long number
  const TextBlock* b = containing(d, "2022年支出预算65,601,382.24元，其中：人员经费3,459,115.14元，占5.27%；公用经费465,961.38元，占0.71%；项目支出61,676,305.72元，占94.02%。", true);
  ASSERT_NE(b, nullptr);
  EXPECT_GT(b->where.page, 1);
  // a heading after a full last line starts its own paragraph
  const TextBlock* h = containing(d, "八、政府性基金预算支出决算情况说明", true);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(squeeze(h->text), "八、政府性基金预算支出决算情况说明");
  // no page number paragraphs
  for (const TextBlock& t : d.blocks) EXPECT_FALSE(squeeze(t.text).find_first_not_of("0123456789") == std::string::npos);
}

TEST(DocumentText, PdfColumnsAreReadOneAfterTheOther) {
  DocumentText d = read("two-column-libreoffice.pdf");
  const TextBlock* income = containing(
      d, "2022年本年收入合计3555.82万元，其中：一般公共预算财政拨款收入3429.91万元，占96.46%；政府性基金预算财政拨款收入125.91万元，占3.54%；", true);
  ASSERT_NE(income, nullptr);
  EXPECT_NE(squeeze(income->text).find("其他收入0万元，占0%。"), std::string::npos);
  const TextBlock* spending = containing(d, "2022年本年支出合计3555.82万元", true);
  ASSERT_NE(spending, nullptr);
  EXPECT_GT(spending->where.paragraph, income->where.paragraph);
}

TEST(DocumentText, ScannedPdfIsRefusedWithAClearMessage) {
  auto d = read_document_text(test::fixture("reports/scanned-libreoffice.pdf").string());
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "pdf.no_text");
  EXPECT_NE(d.error().message.find("扫描件"), std::string::npos);
}

TEST(DocumentText, WhatIsNotADocumentIsRefused) {
  auto not_zip = read_docx_text_memory("plain text", "x.docx");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.error().code, "docx.not_zip");
  auto workbook = read_docx_text((test::source_dir() / "samples/libreoffice/003_附件1.1_机关建设及日常保障经费.xlsx").string());
  ASSERT_FALSE(workbook.ok());
  EXPECT_EQ(workbook.error().code, "docx.no_document");
  auto not_pdf = read_pdf_text(test::fixture("reports/seed001-python-docx.docx").string());
  ASSERT_FALSE(not_pdf.ok());
  EXPECT_EQ(not_pdf.error().code, "pdf.not_pdf");
}

}  // namespace
}  // namespace jixiao
