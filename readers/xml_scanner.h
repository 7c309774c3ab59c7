// A pull scanner for the big parts (worksheets, shared strings): one pass over the bytes, no DOM,
// so memory stays near the size of the part itself. Namespace prefixes are dropped from names
// ("x:c" reads as "c"): the parts we scan use one vocabulary whatever prefix or namespace URI
// (Transitional or Strict) a producer chose. Small parts (workbook, rels, styles) use pugixml.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <deque>
#include <vector>

namespace jixiao {

class XmlScanner {
 public:
  enum class Event { StartElement, EndElement, Text, End, Error };

  explicit XmlScanner(std::string_view xml);

  // Advances to the next event. An empty element <a/> yields StartElement then EndElement.
  // Comments, processing instructions and DOCTYPE are skipped. Entities are never expanded
  // beyond the five predefined ones and character references.
  Event next();

  // StartElement / EndElement: local name (prefix removed).
  std::string_view name() const { return name_; }
  // StartElement: the attribute's value with entities decoded; empty when absent.
  // Names are matched without prefix ("r:id" is found as "id").
  std::string_view attr(std::string_view local_name);
  bool has_attr(std::string_view local_name) const;
  // Text: the decoded character data (entities resolved, CDATA included).
  std::string_view text() const { return text_; }

  // Depth of the current element (1 for the root) after StartElement, of the parent after End.
  int depth() const { return static_cast<int>(stack_.size()); }
  // Skips to the end of the element just started; the next event follows its EndElement.
  void skip_element();

  // Error: what went wrong (Chinese) and where.
  const std::string& error() const { return error_; }
  size_t offset() const { return pos_; }

 private:
  struct RawAttr {
    std::string_view name;   // local name
    std::string_view value;  // raw, undecoded
  };
  bool fail(std::string message);
  bool parse_start_tag();
  void decode(std::string_view raw, std::string& out);

  std::string_view xml_;
  size_t pos_ = 0;
  std::string_view name_;
  std::vector<RawAttr> attrs_;
  std::vector<std::string_view> stack_;  // qualified names of open elements
  bool pending_end_ = false;             // an empty element waits for its EndElement
  std::string_view text_;
  std::string text_buf_;
  std::deque<std::string> attr_decoded_;  // decoded attribute values, valid until next()
  std::string error_;
};

// Decodes Excel's _xHHHH_ escapes in text ("_x000D_" -> CR, "_x005F_x000D_" -> "_x000D_").
void decode_ooxml_escapes(std::string& text);

}  // namespace jixiao
