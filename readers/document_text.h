// The text of a published document (.docx or .pdf) as paragraphs, each with where it is: the
// paragraph's number, the table cell it sits in, the page. Readers know nothing of what the text
// says; model/narrative_claims.h reads the claims in it.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "readers/zip_package.h"

namespace jixiao {

struct TextLocation {
  int paragraph = 0;                 // 1-based, in reading order; a .docx counts the paragraphs of tables too
  int table = 0, row = 0, cell = 0;  // 1-based when the paragraph is in a Word table cell, else 0
  int page = 0;                      // 1-based page where the paragraph starts (PDF), else 0

  // "第12段", "第12段（表2 第3行第1格）", "第3页第12段" — as a finding names the place.
  std::string to_text() const;
};

struct TextBlock {
  std::string text;  // UTF-8, as the reader sees it: runs joined, w:tab '\t', w:br '\n'
  TextLocation where;
};

struct DocumentText {
  std::string file;
  std::string format;  // "docx" | "pdf"
  std::vector<TextBlock> blocks;
};

// A .docx: every paragraph of the main document part in document order (body, tables — nested
// ones too —, text boxes), fields by their shown result, deleted text left out. Refused (a Diagnostic
// naming the file): not a zip, an encrypted or legacy .doc file, no word/document.xml, malformed XML.
Expected<DocumentText> read_docx_text(const std::string& path, PackageLimits limits = {});
Expected<DocumentText> read_docx_text_memory(const std::string& data, const std::string& file,
                                             PackageLimits limits = {});

// A .pdf through poppler: text in reading order (columns one after the other), lines joined into
// paragraphs, a paragraph that runs over a page break joined again, page numbers dropped. Refused: not
// a PDF, encrypted, or no text layer at all (a scan) — the message says to give the .docx or an
// OCR'd PDF.
Expected<DocumentText> read_pdf_text(const std::string& path);

// By extension (.docx/.docm/.pdf) and, when that says nothing, by the first bytes.
Expected<DocumentText> read_document_text(const std::string& path, PackageLimits limits = {});

}  // namespace jixiao
