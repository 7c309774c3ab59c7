// How a .docx's paragraphs and their text are walked — one definition, for reading the text
// (readers/document_text.h) and for marking a place in it (writers/docx_comments.h), so a paragraph
// number and an offset in its text mean the same thing to both.
#pragma once

#include <pugixml.hpp>

#include <functional>
#include <string>
#include <vector>

#include "readers/document_text.h"

namespace jixiao::docx_text {

// A run that shows text, with that text (w:t; w:tab '\t'; w:br and w:cr '\n'; w:noBreakHyphen '-').
struct RunText {
  pugi::xml_node run;
  std::string text;
};

// Each w:p under `root` (the w:document or w:body element) in reading order: body paragraphs, the
// paragraphs of table cells (nested tables too), then those of a text box after the paragraph that
// anchors it. Deleted paragraphs' text is never shown; mc:Fallback copies of a drawing are skipped.
// `where` carries the paragraph number (from 1) and the table cell.
void for_each_paragraph(pugi::xml_node root, const std::function<void(pugi::xml_node p, const TextLocation& where)>& visit);

// The runs of a paragraph that show text, in order: direct runs and those inside w:hyperlink, w:ins,
// w:moveTo, w:smartTag, w:fldSimple, w:customXml, w:sdt, w:bdo, w:dir; never those of a nested
// paragraph, deleted (w:del, w:moveFrom) text or a field's instruction (w:instrText).
std::vector<RunText> paragraph_runs(pugi::xml_node p);

// The runs' texts joined.
std::string paragraph_text(pugi::xml_node p);

}  // namespace jixiao::docx_text
