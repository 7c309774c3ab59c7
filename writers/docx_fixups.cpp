#include "writers/docx_fixups.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

namespace jixiao::docx {

namespace {

bool is(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

}  // namespace

// {{x | vmerge}}: down a column, cells whose value equals the one above merge with it (w:vMerge),
// so a 类 written on every looped row shows once over its rows.
void merge_equal_cells(pugi::xml_node tbl) {
  std::map<int, std::pair<pugi::xml_node, std::string>> above;  // grid column -> (cell, value) of the row above
  for (pugi::xml_node tr = tbl.child("w:tr"); tr; tr = tr.next_sibling("w:tr")) {
    std::map<int, std::pair<pugi::xml_node, std::string>> here;
    int col = 0;
    for (pugi::xml_node tc = tr.child("w:tc"); tc; tc = tc.next_sibling("w:tc")) {
      int span = std::max(1, tc.child("w:tcPr").child("w:gridSpan").attribute("w:val").as_int(1));
      if (pugi::xml_attribute mark = tc.attribute("jixiao-vmerge")) {
        std::string value = mark.value();
        tc.remove_attribute(mark);
        pugi::xml_node pr = tc.child("w:tcPr");
        if (!pr) pr = tc.prepend_child("w:tcPr");
        pugi::xml_node after = pr.child("w:hMerge") ? pr.child("w:hMerge") : pr.child("w:gridSpan") ? pr.child("w:gridSpan") : pr.child("w:tcW");
        pugi::xml_node vm = after ? pr.insert_child_after("w:vMerge", after) : pr.prepend_child("w:vMerge");
        auto it = above.find(col);
        if (it != above.end() && it->second.second == value && !value.empty()) {
          // a continuation: empty, and marked as such (no w:val)
          for (pugi::xml_node c = tc.first_child(); c;) {
            pugi::xml_node nx = c.next_sibling();
            if (is(c, "w:p")) tc.remove_child(c);
            c = nx;
          }
          tc.append_child("w:p");
          pugi::xml_node first = it->second.first;
          if (!first.child("w:tcPr").child("w:vMerge").attribute("w:val"))
            first.child("w:tcPr").child("w:vMerge").append_attribute("w:val") = "restart";
          here[col] = {first, value};
        } else {
          vm.append_attribute("w:val") = "restart";
          here[col] = {tc, value};
        }
      }
      col += span;
    }
    above = std::move(here);
  }
}

// ---- paragraphs --------------------------------------------------------------------------------

// Ids Word requires to be unique in the document: drawings (wp:docPr) and bookmarks, which repeated
// content has duplicated.
void renumber_ids(std::vector<pugi::xml_document*>& docs) {
  unsigned drawing = 1, bookmark = 0;
  for (pugi::xml_document* doc : docs) {
    for (pugi::xpath_node x : doc->select_nodes("//wp:docPr"))
      x.node().attribute("id").set_value(drawing++);
    std::map<std::string, std::vector<unsigned>> open;  // old id -> new ids not yet closed
    std::map<std::string, int> names;
    for (pugi::xpath_node x : doc->select_nodes("//w:bookmarkStart | //w:bookmarkEnd")) {
      pugi::xml_node n = x.node();
      std::string old = n.attribute("w:id").value();
      if (is(n, "w:bookmarkStart")) {
        unsigned id = bookmark++;
        open[old].push_back(id);
        n.attribute("w:id").set_value(id);
        std::string name = n.attribute("w:name").value();
        if (int k = names[name]++; k > 0 && n.attribute("w:name")) n.attribute("w:name").set_value((name + "_" + std::to_string(k + 1)).c_str());
      } else if (!open[old].empty()) {
        n.attribute("w:id").set_value(open[old].front());
        open[old].erase(open[old].begin());
      }
    }
  }
}

}  // namespace jixiao::docx
