// A pull scanner for the big parts (worksheets, shared strings): one pass, no DOM, and fed in
// chunks straight from the inflater, so a 50 MB sheet never sits in memory as a whole. Namespace
// prefixes are dropped from names ("x:c" reads as "c"): the parts we scan use one vocabulary
// whatever prefix or namespace URI (Transitional or Strict) a producer chose. Small parts
// (workbook, rels, styles) use pugixml.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

class XmlScanner {
 public:
  enum class Event { StartElement, EndElement, Text, End, Error };
  // Fills dst with up to cap bytes of the document; returns how many (0 at the end) or the
  // Diagnostic that stops reading (a damaged or oversized part).
  using Pull = std::function<Expected<size_t>(char* dst, size_t cap)>;

  explicit XmlScanner(std::string_view xml);  // the whole document in memory (not copied)
  explicit XmlScanner(Pull pull, size_t chunk_bytes = 256 * 1024);

  // Advances to the next event. An empty element <a/> yields StartElement then EndElement.
  // Comments, processing instructions and DOCTYPE are skipped. Entities are never expanded
  // beyond the five predefined ones and character references.
  // Every view returned below stays valid until the next call to next().
  Event next();

  // StartElement / EndElement: local name (prefix removed).
  std::string_view name() const { return name_; }
  // StartElement: the attribute's value with entities decoded; empty when absent.
  // Names are matched without prefix ("r:id" is found as "id").
  std::string_view attr(std::string_view local_name);
  bool has_attr(std::string_view local_name) const;
  // Text: the decoded character data (entities resolved, CDATA included). A long text may come
  // as several consecutive Text events.
  std::string_view text() const { return text_; }

  // Right after StartElement: when the element holds character data only (no child, comment or
  // CDATA) and its end tag follows as written, reads both at once, as the Text and EndElement
  // events would (the text decoded; empty for <v/> or <v></v>), and returns the text; the next
  // event is what follows the end tag. Otherwise returns nullopt and reads nothing, so the caller
  // goes on with next(). Values and cells are mostly such elements: one step instead of three.
  // Like next(), ends the views returned before.
  std::optional<std::string_view> text_only();

  // Right after StartElement: when the element's whole content is one child written exactly
  // <child>text</child> (no prefix, attribute or space; character data only), reads through the
  // element's end tag at once, as next() would event by event, and returns the child's text
  // (decoded); the next event is what follows the element. Otherwise nullopt, nothing read. A
  // sheet's cells are mostly <c …><v>12</v></c>: one step instead of four.
  std::optional<std::string_view> only_child_text(std::string_view child);

  // Depth of the current element (1 for the root) after StartElement, of the parent after End.
  int depth() const { return static_cast<int>(open_.size()); }
  // Skips to the end of the element just started; the next event follows its EndElement.
  void skip_element();

  // Error: what went wrong (Chinese) and the byte offset in the document.
  const std::string& error() const { return error_; }
  size_t offset() const { return static_cast<size_t>(base_ + pos_); }
  // When the pull source failed (not the XML), its Diagnostic.
  const std::optional<Diagnostic>& source_error() const { return source_error_; }

 private:
  enum class Step { Ok, Incomplete, Failed };
  struct RawAttr {
    std::string_view name;   // local name
    std::string_view value;  // raw, undecoded
    bool plain = true;       // no entity or CR: the raw value is the value
  };
  bool fail(std::string message);
  Step scan(Event& ev);
  Step parse_start_tag();
  bool refill(size_t keep_from);
  void decode(std::string_view raw, std::string& out);
  size_t text_end(size_t from, bool& plain) const;
  void set_text(size_t begin, size_t end, bool plain);

  std::string_view xml_;       // the bytes at hand (the document, or buffer_)
  size_t pos_ = 0;             // in xml_
  uint64_t base_ = 0;          // document offset of xml_[0]
  bool eof_ = true;            // no more bytes will come
  Pull pull_;
  size_t chunk_ = 0;
  std::unique_ptr<char[]> buffer_;  // streaming mode: the bytes at hand, xml_ views them
  size_t buffer_cap_ = 0;

  std::string_view name_;
  std::vector<RawAttr> attrs_;
  // The qualified names of the open elements, one after the other in open_names_; open_ holds
  // where each begins. (One string for all: a string per element cost a tenth of a sheet's scan.)
  std::string open_names_;
  std::vector<uint32_t> open_;
  std::string_view innermost() const { return std::string_view(open_names_).substr(open_.back()); }
  void close_innermost() {
    open_names_.resize(open_.back());
    open_.pop_back();
  }
  bool pending_end_ = false;         // an empty element waits for its EndElement
  std::string_view text_;
  std::string text_buf_;
  std::deque<std::string> attr_decoded_;
  std::string error_;
  std::optional<Diagnostic> source_error_;
};

// Decodes Excel's _xHHHH_ escapes in text ("_x000D_" -> CR, "_x005F_x000D_" -> "_x000D_").
void decode_ooxml_escapes(std::string& text);

}  // namespace jixiao
