// An annotated copy of a .docx: a Word comment (批注) on each marked stretch of text, which is also
// highlighted; nothing else in the document changes (other parts are copied byte for byte). Used by
// `jixiao audit -o` to hand a report back with its wrong numbers marked where they stand.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

struct DocxComment {
  int paragraph = 0;       // 1-based, numbered as readers/docx_paragraphs.h walks them
  size_t begin = 0, end = 0;  // byte range in that paragraph's text (docx_text::paragraph_text)
  std::string text;        // the comment
};

// Writes `out`: `in` with the comments added (word/comments.xml created or extended, its relationship
// and content type added). Marks outside their paragraph's text, or overlapping an earlier mark, are
// skipped. Refuses to write over `in`; the file appears only when complete.
Expected<bool> write_docx_comments(const std::string& in, const std::string& out, const std::vector<DocxComment>& comments,
                                   const std::string& author);

}  // namespace jixiao
