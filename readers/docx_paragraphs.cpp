#include "readers/docx_paragraphs.h"

#include <string_view>

#include "readers/ooxml_package.h"

namespace jixiao::docx_text {

namespace {

using ooxml::local_name;

// Containers inside a paragraph whose runs are shown.
bool shows_runs(std::string_view l) {
  return l == "hyperlink" || l == "ins" || l == "moveTo" || l == "smartTag" || l == "fldSimple" ||
         l == "customXml" || l == "sdt" || l == "sdtContent" || l == "bdo" || l == "dir";
}

std::string run_text(pugi::xml_node run) {
  std::string out;
  for (pugi::xml_node c : run.children()) {
    std::string_view l = local_name(c);
    if (l == "t") out += c.text().get();
    else if (l == "tab" || l == "ptab") out += '\t';
    else if (l == "br" || l == "cr") out += '\n';
    else if (l == "noBreakHyphen") out += '-';
  }
  return out;
}

void collect_runs(pugi::xml_node parent, std::vector<RunText>& out) {
  for (pugi::xml_node c : parent.children()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view l = local_name(c);
    if (l == "r") {
      std::string t = run_text(c);
      if (!t.empty()) out.push_back({c, std::move(t)});
    } else if (shows_runs(l)) {
      collect_runs(c, out);
    }
  }
}

struct Walker {
  const std::function<void(pugi::xml_node, const TextLocation&)>& visit;
  int paragraphs = 0, tables = 0;
  TextLocation cell;  // the table cell we are in

  void walk(pugi::xml_node n) {
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view l = local_name(c);
      if (ooxml::prefix_of(c) == "mc:" && l == "Fallback") continue;  // the same drawing again, for old readers
      if (l == "del" || l == "moveFrom") continue;
      if (l == "p") {
        TextLocation where = cell;
        where.paragraph = ++paragraphs;
        visit(c, where);
        walk(c);  // text boxes anchored in it
      } else if (l == "tbl") {
        TextLocation saved = cell;
        cell.table = ++tables;
        cell.row = 0;
        for (pugi::xml_node tr : c.children()) {
          if (local_name(tr) != "tr") continue;
          ++cell.row;
          cell.cell = 0;
          for (pugi::xml_node tc : tr.children()) {
            std::string_view tl = local_name(tc);
            if (tl == "tc") {
              ++cell.cell;
              walk(tc);
            } else if (tl == "sdt" || tl == "customXml") {  // a cell wrapped in a content control
              ++cell.cell;
              walk(tc);
            }
          }
        }
        cell = saved;
      } else {
        walk(c);
      }
    }
  }
};

}  // namespace

void for_each_paragraph(pugi::xml_node root, const std::function<void(pugi::xml_node, const TextLocation&)>& visit) {
  Walker w{visit, 0, 0, {}};
  w.walk(root);
}

std::vector<RunText> paragraph_runs(pugi::xml_node p) {
  std::vector<RunText> out;
  collect_runs(p, out);
  return out;
}

std::string paragraph_text(pugi::xml_node p) {
  std::string out;
  for (const RunText& r : paragraph_runs(p)) out += r.text;
  return out;
}

}  // namespace jixiao::docx_text
