// The one way jixiao writes the XML it makes: a streaming writer that appends to a string, with the
// escaping in one place. (A part that already exists and is changed in place — a template's sheet,
// a .rels, a chart — is parsed and saved through the DOM of readers/ooxml_package.h, so that what is
// not touched comes out as it went in.)
//
// Streaming, not a DOM, because the XLSX fill writes the rows of a 100,000-row list through it: the
// writer is a few inline appends per element and keeps nothing but the names of the open elements.
//
//   std::string xml;
//   xml::Writer w(xml);
//   w.declaration();
//   w.start("sst").attr("count", 1).start("si").start("t").text("收入<支出").end().end().end();
//   // <?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst count="1"><si><t>收入&lt;支出</t></si></sst>
//
// Element and attribute names are written as given (they are the caller's constants, never data) and
// must outlive the element; a writer built with a prefix ("x:") puts it before every element name.
#pragma once

#include <array>
#include <charconv>
#include <cstring>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

// The writer's few appends per element stay in the loop that writes 100,000 rows (GCC would call them).
#if defined(__GNUC__)
#define JIXIAO_XML_INLINE [[gnu::always_inline]]
#else
#define JIXIAO_XML_INLINE
#endif

namespace jixiao::xml {

// Text content: & < > escaped; tab, line feed and carriage return kept; the other C0 controls, which
// XML 1.0 cannot carry, as OOXML's _xHHHH_ escape (Excel reads it back as the character).
void append_text(std::string& out, std::string_view s);
// An attribute value (written between double quotes): & < > " escaped, tab, line feed and carriage
// return as character references (attribute normalisation would turn them into spaces), other C0
// controls as _xHHHH_.
void append_attribute(std::string& out, std::string_view s);

namespace detail {
// Per byte: 0 as it is, 1 an entity or character reference, 2 a control character (_xHHHH_).
extern const std::array<unsigned char, 256> kTextEscapes;
extern const std::array<unsigned char, 256> kAttributeEscapes;
void append_escaped(std::string& out, std::string_view s, const unsigned char* table);
// Most values need no escaping: checked inline, escaped out of line.
JIXIAO_XML_INLINE inline void append_checked(std::string& out, std::string_view s, const unsigned char* table) {
  for (char c : s)
    if (table[static_cast<unsigned char>(c)]) return append_escaped(out, s, table);
  out.append(s.data(), s.size());
}
}  // namespace detail

// An element or attribute name prepared once, for a loop that writes it many times (the rows of a
// sheet): as an element its opening and closing text ("<x:row", "</x:row>"), as an attribute ' r="'.
struct Name {
  explicit Name(std::string_view local, std::string_view prefix = {});
  std::string open, close, attr;
};

class Writer {
 public:
  explicit Writer(std::string& out, std::string_view prefix = {}) : out_(out), prefix_(prefix) {}

  // <?xml version="1.0" encoding="UTF-8" standalone="yes"?> and a line feed, as Office writes it.
  Writer& declaration();
  // Opens an element; attributes may follow until content or end().
  JIXIAO_XML_INLINE Writer& start(std::string_view name) {
    close_tag();
    out_ += '<';
    if (!prefix_.empty()) out_ += prefix_;
    out_ += name;
    tag_open_ = true;
    open_.push_back({name, false});
    return *this;
  }
  JIXIAO_XML_INLINE Writer& start(const Name& name) {
    close_tag();
    out_ += name.open;
    tag_open_ = true;
    open_.push_back({name.close, true});
    return *this;
  }
  JIXIAO_XML_INLINE Writer& attr(std::string_view name, std::string_view value) {
    attr_name(name);
    escaped(value, detail::kAttributeEscapes.data());
    out_ += '"';
    return *this;
  }
  Writer& attr(std::string_view name, const char* value) { return attr(name, std::string_view(value)); }
  Writer& attr(std::string_view name, const std::string& value) { return attr(name, std::string_view(value)); }
  template <class Int, class = std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>>>
  Writer& attr(std::string_view name, Int value) {
    attr_name(name);
    append_int(value);
    out_ += '"';
    return *this;
  }
  JIXIAO_XML_INLINE Writer& attr(const Name& name, std::string_view value) {
    out_ += name.attr;
    escaped(value, detail::kAttributeEscapes.data());
    out_ += '"';
    return *this;
  }
  // An attribute whose value is the pieces given, one after the other ("A" "12" for r="A12").
  JIXIAO_XML_INLINE Writer& attr(std::string_view name, std::string_view a, std::string_view b) {
    attr_name(name);
    escaped(a, detail::kAttributeEscapes.data());
    escaped(b, detail::kAttributeEscapes.data());
    out_ += '"';
    return *this;
  }
  JIXIAO_XML_INLINE Writer& attr(const Name& name, std::string_view a, std::string_view b) {
    out_ += name.attr;
    escaped(a, detail::kAttributeEscapes.data());
    escaped(b, detail::kAttributeEscapes.data());
    out_ += '"';
    return *this;
  }
  // Attributes already serialised, with their leading space (' s="3"', a template cell's own).
  JIXIAO_XML_INLINE Writer& raw_attrs(std::string_view attrs) {
    out_ += attrs;
    return *this;
  }
  JIXIAO_XML_INLINE Writer& text(std::string_view s) {
    close_tag();
    escaped(s, detail::kTextEscapes.data());
    return *this;
  }
  template <class Int, class = std::enable_if_t<std::is_integral_v<Int> && !std::is_same_v<Int, bool>>>
  Writer& text(Int value) {
    close_tag();
    append_int(value);
    return *this;
  }
  // Content already serialised as XML (a template cell's own children).
  JIXIAO_XML_INLINE Writer& raw(std::string_view xml) {
    close_tag();
    out_ += xml;
    return *this;
  }
  // Closes the innermost open element: <x/> when nothing was written into it.
  JIXIAO_XML_INLINE Writer& end() {
    if (tag_open_) {
      out_.append("/>", 2);
      tag_open_ = false;
    } else if (open_.back().closing) {
      out_ += open_.back().text;
    } else {
      out_.append("</", 2);
      if (!prefix_.empty()) out_ += prefix_;
      out_ += open_.back().text;
      out_ += '>';
    }
    open_.pop_back();
    return *this;
  }
  // start(name), text(s), end().
  JIXIAO_XML_INLINE Writer& element(std::string_view name, std::string_view s) { return start(name).text(s).end(); }
  JIXIAO_XML_INLINE Writer& element(const Name& name, std::string_view s) { return start(name).text(s).end(); }
  // A line feed between elements (VML, which Office writes one shape a line).
  Writer& newline() {
    close_tag();
    out_ += '\n';
    return *this;
  }
  size_t depth() const { return open_.size(); }

 private:
  JIXIAO_XML_INLINE void close_tag() {
    if (tag_open_) {
      out_ += '>';
      tag_open_ = false;
    }
  }
  JIXIAO_XML_INLINE void attr_name(std::string_view name) {
    out_ += ' ';
    out_ += name;
    out_.append("=\"", 2);
  }
  JIXIAO_XML_INLINE void escaped(std::string_view s, const unsigned char* table) { detail::append_checked(out_, s, table); }
  template <class Int>
  void append_int(Int v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }

  std::string& out_;
  std::string prefix_;
  struct Open {
    std::string_view text;  // the closing tag itself, or the bare name
    bool closing;
  };
  std::vector<Open> open_;
  bool tag_open_ = false;
};

// A whole part: the declaration, then the root element in namespace `xmlns` with what `body` writes
// into it.
template <class Body>
std::string part(std::string_view root, std::string_view xmlns, Body&& body) {
  std::string out;
  Writer w(out);
  w.declaration().start(root).attr("xmlns", xmlns);
  body(w);
  w.end();
  return out;
}

}  // namespace jixiao::xml
