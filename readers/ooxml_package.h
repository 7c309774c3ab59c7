// The OOXML package layer that readers and writers share (the zip itself: readers/zip_package.h):
// element names without their prefixes, part names, relationships, [Content_Types].xml, and parsing a
// part so that what is not touched comes out as it went in.
//
// Names. Prefixes are the file's choice (x:row, w:p, or none) and Transitional and Strict use other
// namespace URIs, so elements and attributes are found by their local names.
// Relationships. A part's relationships live in _rels/<part>.rels beside it; targets are resolved
// against the part (resolve_part_target in readers/zip_package.h); a type is matched by its last
// segment ("worksheet" for .../relationships/worksheet), which is the same in both namespaces.
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {
class ZipPackage;
}

namespace jixiao::ooxml {

inline constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
inline constexpr const char* kStrictMainNs = "http://purl.oclc.org/ooxml/spreadsheetml/main";
inline constexpr const char* kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
inline constexpr const char* kPkgRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr const char* kContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
inline constexpr const char* kRelTypeBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
inline constexpr const char* kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// ---- names ------------------------------------------------------------------------------------
std::string_view local_name(std::string_view qname);  // "x:row" -> "row"
std::string_view local_name(pugi::xml_node n);
// The element's prefix with its colon ("x:" for <x:row>), so new children match their siblings.
std::string prefix_of(pugi::xml_node n);
// The first child element with this local name; a null node when none (pugixml's null handles make
// chained lookups safe).
pugi::xml_node child(pugi::xml_node parent, std::string_view local);
template <class F>
void each_child(pugi::xml_node parent, std::string_view local, F&& f) {
  for (pugi::xml_node c : parent.children())
    if (c.type() == pugi::node_element && local_name(c) == local) f(c);
}
// An attribute's value by its local name ("r:id" answers "id"); empty when absent.
std::string_view attr(pugi::xml_node n, std::string_view local);
pugi::xml_node root(const pugi::xml_document& doc);  // the document element

// ---- parts ------------------------------------------------------------------------------------
// "xl/worksheets/_rels/sheet1.xml.rels" for "xl/worksheets/sheet1.xml"; "_rels/.rels" for "".
std::string rels_part_of(std::string_view part);
// The target of `to` as written in a relationship of part `from`: ("xl/worksheets/sheet1.xml",
// "xl/comments1.xml") -> "../comments1.xml".
std::string relative_target(std::string_view from, std::string_view to);

// ---- relationships ----------------------------------------------------------------------------
// Whether a relationship type URI ends in "/" + suffix (".../relationships/worksheet" is "worksheet").
bool type_is(std::string_view type_uri, std::string_view suffix);

struct Relationship {
  std::string id;
  std::string type;    // the whole URI
  std::string target;  // resolved to a part name; as written when external
  bool external = false;
  // The type's last segment: "officeDocument", "worksheet", "styles", …
  std::string_view type_name() const;
  bool is(std::string_view type_suffix) const { return type_is(type, type_suffix); }
};
// The relationships of a parsed .rels part whose source is `source_part`.
std::vector<Relationship> relationships(const pugi::xml_document& rels, std::string_view source_part);
// The relationships of a part of a package; empty when it has none or its .rels part is unreadable
// (a reader that must report that parses the part itself and calls the function above).
std::vector<Relationship> read_relationships(const ZipPackage& pkg, std::string_view part);
// The package's main part as the package names it: the target of the first root officeDocument
// relationship the package holds, else `fallback` ("word/document.xml"); empty when neither is there.
// One lookup, so that a reader of a document and a writer of its copy find the same part.
std::string main_part(const ZipPackage& pkg, std::string_view fallback);

// ---- editing a part in place -------------------------------------------------------------------
// Parses a part keeping everything that affects its bytes on output; false when not well formed.
bool load(pugi::xml_document& doc, std::string_view data);
// Serialises without reformatting; a document without a declaration gets the standard one.
std::string save(const pugi::xml_document& doc);
// A fresh document with `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`.
void init(pugi::xml_document& doc);

// A .rels document: lookups and additions.
class Rels {
 public:
  bool load(std::string_view data) { return ooxml::load(doc_, data); }  // false when unparsable
  void load_or_init(const std::string* data);  // null or unparsable: an empty <Relationships>
  void assign(const Rels& other) { doc_.reset(other.doc_); }
  pugi::xml_node find_type(std::string_view type_suffix) const;  // Type ending in "/"+suffix
  pugi::xml_node find_id(std::string_view id) const;
  // Adds a relationship with a fresh id; returns the id.
  std::string add(std::string_view type_suffix, std::string_view target);
  // Adds a relationship with the id given (one already written into the part that uses it).
  void add_with_id(std::string_view id, std::string_view type_suffix, std::string_view target);
  // Adds a copy of relationship `like` (its type and mode) with a fresh id and `target`; the id.
  std::string add_like(pugi::xml_node like, std::string_view target);
  bool remove_type(std::string_view type_suffix);
  std::vector<pugi::xml_node> all() const;  // the Relationship elements, in order
  std::string text() const { return save(doc_); }

 private:
  pugi::xml_document doc_;
};

// [Content_Types].xml.
class ContentTypes {
 public:
  bool load(std::string_view data) { return ooxml::load(doc_, data); }
  void ensure_default(std::string_view extension, std::string_view type);
  void set_override(std::string_view part, std::string_view type);
  // The content type an Override gives the part; empty when none does (its extension's Default).
  std::string override_type(std::string_view part) const;
  bool remove_override(std::string_view part);  // false when there was none
  std::string text() const { return save(doc_); }

 private:
  pugi::xml_document doc_;
};

}  // namespace jixiao::ooxml
