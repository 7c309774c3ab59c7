// Editing OOXML parts in place: parse leniently (keeping whitespace, declarations, unknown elements
// and prefixes as they are), change a few nodes, serialise strictly. Shared by the writers that
// change an existing package (annotated copies); relationships and [Content_Types].xml helpers.
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

namespace jixiao::ooxml {

inline constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr const char* kStrictMainNs = "http://purl.oclc.org/ooxml/spreadsheetml/main";
inline constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kPkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* kContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
inline constexpr const char* kRelTypeBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// Parses a part keeping everything that affects its bytes on output; false when not well formed.
bool load(pugi::xml_document& doc, const std::string& data);
// Serialises without reformatting; a document without a declaration gets the standard one.
std::string save(const pugi::xml_document& doc);
// A fresh document with `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`.
void init(pugi::xml_document& doc);

std::string_view local_name(pugi::xml_node n);
// The element's prefix with its colon ("x:" for <x:row>), so new children match their siblings.
std::string prefix_of(pugi::xml_node n);
pugi::xml_node child(pugi::xml_node parent, std::string_view local);
pugi::xml_node root(const pugi::xml_document& doc);
// The namespace prefix bound to uri on the element (declared there), or declares `wanted` for it.
std::string ensure_ns_prefix(pugi::xml_node element, const char* uri, const char* wanted);

// Inserts an element named prefix+local among parent's children so that the schema's sequence
// `order` (local names) holds; children not in the list are stepped over.
pugi::xml_node insert_ordered(pugi::xml_node parent, std::string_view local, std::initializer_list<const char*> order);
// CT_Worksheet's child sequence.
pugi::xml_node insert_worksheet_child(pugi::xml_node worksheet, std::string_view local);

// Removes C0 control characters that XML 1.0 cannot carry (tab, LF and CR stay).
std::string xml_text(std::string_view s);

// "xl/worksheets/_rels/sheet1.xml.rels" for "xl/worksheets/sheet1.xml"; "_rels/.rels" for "".
std::string rels_part_of(std::string_view part);
// The target of `to` as written in a relationship of part `from`: ("xl/worksheets/sheet1.xml",
// "xl/comments1.xml") -> "../comments1.xml".
std::string relative_target(std::string_view from, std::string_view to);

// A .rels document: lookups and additions.
class Rels {
 public:
  void load_or_init(const std::string* data);  // null or unparsable: an empty <Relationships>
  pugi::xml_node find_type(std::string_view type_suffix) const;  // Type ending in "/"+suffix
  pugi::xml_node find_id(std::string_view id) const;
  // Adds a relationship with a fresh id; returns the id.
  std::string add(std::string_view type_suffix, std::string_view target);
  // Adds a relationship with the id given (one already written into the part that uses it).
  void add_with_id(std::string_view id, std::string_view type_suffix, std::string_view target);
  bool remove_type(std::string_view type_suffix);
  std::string text() const { return save(doc_); }

 private:
  pugi::xml_document doc_;
};

// [Content_Types].xml.
class ContentTypes {
 public:
  bool load(const std::string& data) { return ooxml::load(doc_, data); }
  void ensure_default(std::string_view extension, std::string_view type);
  void set_override(std::string_view part, std::string_view type);
  void remove_override(std::string_view part);
  std::string text() const { return save(doc_); }

 private:
  pugi::xml_document doc_;
};

}  // namespace jixiao::ooxml
