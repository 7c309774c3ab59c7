// Word splits text into runs at random (spell-check marks, language changes, a cursor that paused
// mid-word, revision ids), so "{{name}}" may arrive as "{{", "na", "me}}" in three runs with
// w:proofErr or w:bookmarkStart between them. Before a template is read, every tag is gathered back
// into one run — the run where it starts, whose formatting it keeps — and then given a run of its
// own, so that the engine can treat each tag as one node.
#pragma once

#include <pugixml.hpp>
#include <string>
#include <vector>

namespace jixiao::docx {

// The runs of a paragraph that carry text, in reading order: direct runs and runs inside
// w:hyperlink, w:ins, w:smartTag, w:fldSimple, w:customXml; never runs of a nested paragraph (a
// text box inside a drawing) and never deleted text.
std::vector<pugi::xml_node> text_runs(pugi::xml_node paragraph);

// The paragraph's visible text (w:t of its text runs; w:tab as '\t', w:br as '\n').
std::string paragraph_text(pugi::xml_node paragraph);

// Gathers every "{{…}}" of the paragraph into the run where it starts and then splits runs so that
// each tag is alone in a run (a copy of the original run's w:rPr and one w:t). Returns the tag runs
// in order. Text that is not part of a tag keeps its runs, formatting and position.
std::vector<pugi::xml_node> isolate_tags(pugi::xml_node paragraph);

// The tag a run holds ("name | fixed:2" for a run whose only text is "{{name | fixed:2}}"), or
// empty when the run is not a tag run.
std::string tag_of(pugi::xml_node run);

// Replaces a run's text: '\n' becomes <w:br/>, '\t' <w:tab/>; an empty text removes the run.
void set_run_text(pugi::xml_node run, const std::string& text);

}  // namespace jixiao::docx
