#include "writers/xml_writer.h"

#include <cstdio>

#include "readers/ooxml_package.h"

namespace jixiao::xml {

namespace detail {

namespace {

constexpr std::array<unsigned char, 256> escapes(bool attribute) {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 2;
  t['&'] = t['<'] = t['>'] = t['\r'] = 1;
  if (attribute) t['"'] = t['\t'] = t['\n'] = 1;
  else t['\t'] = t['\n'] = 0;
  return t;
}

const char* reference(unsigned char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\n': return "&#10;";
    case '\t': return "&#9;";
    default: return "&#13;";  // '\r': a parser would read a raw one as a line feed
  }
}

}  // namespace

const std::array<unsigned char, 256> kTextEscapes = escapes(false);
const std::array<unsigned char, 256> kAttributeEscapes = escapes(true);

void append_escaped(std::string& out, std::string_view s, const unsigned char* table) {
  const char* p = s.data();
  const char* end = p + s.size();
  const char* run = p;
  for (; p != end; ++p) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (!table[c]) continue;
    out.append(run, static_cast<size_t>(p - run));
    if (table[c] == 1) {
      out += reference(c);
    } else {  // a control character XML 1.0 cannot carry: OOXML's escape
      char buf[8];
      std::snprintf(buf, sizeof buf, "_x%04X_", c);
      out += buf;
    }
    run = p + 1;
  }
  out.append(run, static_cast<size_t>(end - run));
}

}  // namespace detail

void append_text(std::string& out, std::string_view s) { detail::append_checked(out, s, detail::kTextEscapes.data()); }

void append_attribute(std::string& out, std::string_view s) {
  detail::append_checked(out, s, detail::kAttributeEscapes.data());
}

Name::Name(std::string_view local, std::string_view prefix) {
  std::string qname = std::string(prefix) + std::string(local);
  open = "<" + qname;
  close = "</" + qname + ">";
  attr = " " + qname + "=\"";
}

Writer& Writer::declaration() {
  out_ += ooxml::kDeclaration;
  return *this;
}

}  // namespace jixiao::xml
