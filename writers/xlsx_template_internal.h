// Private to the XLSX template fill (xlsx_template.cpp, xlsx_template_parts.cpp).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/diagnostic.h"
#include "readers/formula.h"
#include "readers/zip_package.h"
#include "writers/xlsx_shift.h"
#include "writers/xlsx_tags.h"

namespace jixiao::xlsx_fill {

inline constexpr unsigned kParseFlags = pugi::parse_default | pugi::parse_declaration | pugi::parse_ws_pcdata_single;

// Element name without its namespace prefix.
std::string_view local_name(const pugi::xml_node& n);
pugi::xml_node child(const pugi::xml_node& n, std::string_view local);
void append_escaped(std::string& out, std::string_view s, bool attribute);
std::string serialize(const pugi::xml_document& doc);

struct Relationship {
  std::string id, type, target;  // target resolved to a part name
  bool external = false;
};
// The relationships of a part (from its _rels file); empty when it has none.
std::vector<Relationship> read_relationships(const ZipPackage& pkg, const std::string& part);
std::string rels_part_of(const std::string& part);
bool type_is(const Relationship& r, std::string_view suffix);  // type ends with "/" + suffix

struct SheetInfo {
  std::string name, part;
};

// Rewrites, in the sheet DOM, everything outside <sheetData> that names rows: dimension (set by the
// caller), merges, conditional formats, validations, hyperlinks, auto filter.
void shift_sheet_elements(pugi::xml_document& doc, const WorkbookRowMaps& maps, int sheet);
// Rewrites the parts that hang off a sheet (drawings, tables, comments); returns new contents by part.
std::map<std::string, std::string> shift_sheet_satellites(const ZipPackage& pkg, const SheetInfo& sheet,
                                                          const WorkbookRowMaps& maps, int sheet_index);
// workbook.xml: defined names shifted, calcPr fullCalcOnLoad="1".
std::string rewrite_workbook(pugi::xml_document& doc, const WorkbookRowMaps& maps);
// Drops calcChain from a relationships part / [Content_Types].xml; returns nullopt-like empty when unchanged.
std::string without_calc_chain_rels(const std::string& xml, bool& changed);
std::string without_calc_chain_types(const std::string& xml, bool& changed);

}  // namespace jixiao::xlsx_fill
