#include "writers/ooxml_edit.h"

namespace jixiao::ooxml {

std::string ensure_ns_prefix(pugi::xml_node element, const char* uri, const char* wanted) {
  for (pugi::xml_attribute a : element.attributes()) {
    std::string_view n = a.name();
    if (n.substr(0, 6) == "xmlns:" && std::string_view(a.value()) == uri) return std::string(n.substr(6));
  }
  std::string p = wanted;
  while (element.attribute(("xmlns:" + p).c_str())) p += "x";
  element.append_attribute(("xmlns:" + p).c_str()) = uri;
  return p;
}

pugi::xml_node insert_ordered(pugi::xml_node parent, std::string_view local, std::initializer_list<const char*> order) {
  auto index = [&](std::string_view name) -> int {
    int i = 0;
    for (const char* o : order) {
      if (name == o) return i;
      ++i;
    }
    return -1;
  };
  const int mine = index(local);
  const std::string name = prefix_of(parent) + std::string(local);
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string_view cl = local_name(c);
    // mc:AlternateContent wraps the controls and OLE objects at the end of a worksheet.
    int ci = cl == "AlternateContent" ? index("oleObjects") : index(cl);
    if (ci > mine) return parent.insert_child_before(name.c_str(), c);
  }
  return parent.append_child(name.c_str());
}

pugi::xml_node insert_worksheet_child(pugi::xml_node ws, std::string_view local) {
  return insert_ordered(ws, local,
                        {"sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
                         "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
                         "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
                         "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
                         "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
                         "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
                         "controls", "webPublishItems", "tableParts", "extLst"});
}

std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    out += c;
  }
  return out;
}

}  // namespace jixiao::ooxml
