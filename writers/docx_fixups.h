// What repeated content needs once a part is rendered: ids Word requires to be unique (drawings,
// bookmarks) renumbered, and the cells marked {{x | vmerge}} merged down their column.
#pragma once

#include <pugixml.hpp>
#include <vector>

namespace jixiao::docx {

// Cells the engine marked (attribute jixiao-vmerge = the value shown): down each grid column, a cell
// whose value equals the one above continues its merge (w:vMerge); the mark is removed.
void merge_equal_cells(pugi::xml_node tbl);

// wp:docPr ids numbered 1… across all parts; bookmarks renumbered with their ends matched, and names
// made unique (total, total_2 …).
void renumber_ids(std::vector<pugi::xml_document*>& docs);

}  // namespace jixiao::docx
