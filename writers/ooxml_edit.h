// Editing OOXML parts in place, the writers' side of the package layer (readers/ooxml_package.h,
// included here: names, relationships, content types, load and save): where new elements go and what
// text XML can carry.
#pragma once

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

#include "readers/ooxml_package.h"

namespace jixiao::ooxml {

// The namespace prefix bound to uri on the element (declared there), or declares `wanted` for it.
std::string ensure_ns_prefix(pugi::xml_node element, const char* uri, const char* wanted);

// Inserts an element named prefix+local among parent's children so that the schema's sequence
// `order` (local names) holds; children not in the list are stepped over.
pugi::xml_node insert_ordered(pugi::xml_node parent, std::string_view local, std::initializer_list<const char*> order);
// CT_Worksheet's child sequence.
pugi::xml_node insert_worksheet_child(pugi::xml_node worksheet, std::string_view local);

// Removes C0 control characters that XML 1.0 cannot carry (tab, LF and CR stay).
std::string xml_text(std::string_view s);

}  // namespace jixiao::ooxml
