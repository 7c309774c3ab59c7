// Stub.
#include "readers/xml_scanner.h"
namespace jixiao {
XmlScanner::XmlScanner(std::string_view xml) : xml_(xml) {}
XmlScanner::Event XmlScanner::next() { return Event::End; }
std::string_view XmlScanner::attr(std::string_view) { return {}; }
bool XmlScanner::has_attr(std::string_view) const { return false; }
void XmlScanner::skip_element() {}
void decode_ooxml_escapes(std::string&) {}
}  // namespace jixiao
