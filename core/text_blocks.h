// A document's text as located paragraphs: what readers/document_text.h gives for a .docx or .pdf
// and what model/narrative_claims.h reads claims from. Here, below both, so the model reads a
// report's text without depending on the readers that produced it.
#pragma once

#include <string>
#include <vector>

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

}  // namespace jixiao
