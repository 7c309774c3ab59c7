#include "readers/xml_scanner.h"

#include <algorithm>
#include <array>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace jixiao {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Names are short: a loop, not a library call.
std::string_view local_part(std::string_view qname) {
  for (size_t i = qname.size(); i > 0; --i)
    if (qname[i - 1] == ':') return qname.substr(i);
  return qname;
}

// Names are short: compared by a loop, not a library call (which cost a tenth of a sheet's scan).
bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// The index of the first byte at or after i that is a, b or c; n when there is none. Sixteen bytes
// at a time while sixteen remain (SSE2 is part of every x86-64 processor; reads never pass n), then
// a byte at a time.
size_t find_first_of3(const char* d, size_t i, size_t n, char a, char b, char c) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  for (; i + 16 <= n; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)), _mm_cmpeq_epi8(x, vc));
    if (const int bits = _mm_movemask_epi8(hit)) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  for (; i < n; ++i)
    if (d[i] == a || d[i] == b || d[i] == c) return i;
  return n;
}

void append_utf8(uint32_t cp, std::string& out) {
  char b[4];
  size_t n;
  if (cp < 0x80) {
    b[0] = static_cast<char>(cp);
    n = 1;
  } else if (cp < 0x800) {
    b[0] = static_cast<char>(0xC0 | (cp >> 6));
    b[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = static_cast<char>(0xE0 | (cp >> 12));
    b[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = static_cast<char>(0xF0 | (cp >> 18));
    b[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    b[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out.append(b, n);
}

}  // namespace

XmlScanner::XmlScanner(std::string_view xml) : xml_(xml) {
  // A UTF-8 byte order mark is allowed before the declaration.
  if (xml_.size() >= 3 && static_cast<unsigned char>(xml_[0]) == 0xEF &&
      static_cast<unsigned char>(xml_[1]) == 0xBB && static_cast<unsigned char>(xml_[2]) == 0xBF)
    pos_ = 3;
}

XmlScanner::XmlScanner(Pull pull, size_t chunk_bytes) : eof_(false), pull_(std::move(pull)), chunk_(chunk_bytes) {
  if (refill(0) && xml_.size() >= 3 && static_cast<unsigned char>(xml_[0]) == 0xEF &&
      static_cast<unsigned char>(xml_[1]) == 0xBB && static_cast<unsigned char>(xml_[2]) == 0xBF)
    pos_ = 3;
}

bool XmlScanner::fail(std::string message) {
  if (error_.empty()) error_ = std::move(message);
  return false;
}

// Drops the bytes before keep_from and appends the next chunk. Views into the old bytes die here,
// which is why the scanner only refills inside next().
bool XmlScanner::refill(size_t keep_from) {
  // xml_ views the bytes at hand, at the buffer's start; the unconsumed ones move there.
  const size_t have = xml_.size() - keep_from;
  if (have) std::memmove(buffer_.get(), buffer_.get() + keep_from, have);
  base_ += keep_from;
  pos_ -= keep_from;
  // A token longer than a chunk is scanned again from its start after every refill: the buffer
  // doubles each time, so that a 100 MB text costs a few passes, not one per chunk (quadratic).
  const size_t want = std::max(chunk_, have);
  if (have + want > buffer_cap_) {
    // Not zero-filled (a string's resize wrote every byte before the inflater wrote it again).
    auto bigger = std::make_unique_for_overwrite<char[]>(have + want);
    if (have) std::memcpy(bigger.get(), buffer_.get(), have);
    buffer_ = std::move(bigger);
    buffer_cap_ = have + want;
  }
  size_t filled = 0;
  while (filled < want) {
    auto got = pull_(buffer_.get() + have + filled, want - filled);
    if (!got) {
      xml_ = std::string_view(buffer_.get(), have + filled);
      source_error_ = got.error();
      return fail(got.error().message);
    }
    if (*got == 0) {
      eof_ = true;
      break;
    }
    filled += *got;
  }
  xml_ = std::string_view(buffer_.get(), have + filled);
  return true;
}

void XmlScanner::decode(std::string_view raw, std::string& out) {
  out.clear();
  size_t i = 0;
  while (i < raw.size()) {
    const size_t stop = find_first_of3(raw.data(), i, raw.size(), '&', '\r', '&');
    if (stop == raw.size()) {
      out.append(raw.substr(i));
      break;
    }
    out.append(raw.substr(i, stop - i));
    if (raw[stop] == '\r') {  // XML line-end normalisation: CR LF and lone CR become LF
      out += '\n';
      i = stop + 1;
      if (i < raw.size() && raw[i] == '\n') ++i;
      continue;
    }
    const size_t amp = stop;
    size_t semi = amp + 1;
    while (semi < raw.size() && semi - amp <= 12 && raw[semi] != ';') ++semi;
    if (semi == raw.size() || raw[semi] != ';' || semi - amp > 12) {  // a stray '&': keep it as written
      out += '&';
      i = amp + 1;
      continue;
    }
    std::string_view ent = raw.substr(amp + 1, semi - amp - 1);
    if (ent.size() > 1 && ent[0] == '#') {  // first: a text in another script is mostly these
      uint32_t cp = 0;
      bool hex = ent[1] == 'x' || ent[1] == 'X';
      bool ok = ent.size() > (hex ? 2u : 1u);
      for (size_t k = hex ? 2 : 1; k < ent.size() && ok; ++k) {
        char c = ent[k];
        uint32_t d;
        if (c >= '0' && c <= '9') d = static_cast<uint32_t>(c - '0');
        else if (hex && c >= 'a' && c <= 'f') d = static_cast<uint32_t>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F') d = static_cast<uint32_t>(c - 'A' + 10);
        else { ok = false; break; }
        cp = cp * (hex ? 16 : 10) + d;
        if (cp > 0x10FFFF) ok = false;
      }
      if (ok) append_utf8(cp, out);
      else out.append(raw.substr(amp, semi - amp + 1));
    } else if (ent == "lt") {
      out += '<';
    } else if (ent == "gt") {
      out += '>';
    } else if (ent == "amp") {
      out += '&';
    } else if (ent == "quot") {
      out += '"';
    } else if (ent == "apos") {
      out += '\'';
    } else {
      out.append(raw.substr(amp, semi - amp + 1));  // unknown entity: never expanded
    }
    i = semi + 1;
  }
}

// What a byte may end while reading a tag: one table lookup per byte instead of a chain of compares.
enum : uint8_t { kSpace = 1, kTagEnd = 2 /* > / */, kEquals = 4, kColon = 8, kValueStop = 16 /* " ' & CR */ };
constexpr std::array<uint8_t, 256> kTagBytes = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r'}) t[c] |= kSpace;
  t['>'] |= kTagEnd;
  t['/'] |= kTagEnd;
  t['='] |= kEquals;
  t[':'] |= kColon;
  for (unsigned char c : {'"', '\'', '&', '\r'}) t[c] |= kValueStop;
  return t;
}();
inline uint8_t tag_byte(char c) { return kTagBytes[static_cast<unsigned char>(c)]; }

// Parses the start tag at pos_. Incomplete leaves pos_ where it was. Names are read once, noting
// where the part after the last ':' (the local name) begins.
XmlScanner::Step XmlScanner::parse_start_tag() {
  const char* d = xml_.data();
  const size_t n = xml_.size();
  size_t p = pos_ + 1;
  const size_t start = p;
  size_t local = p;
  for (; p < n; ++p) {
    const uint8_t k = tag_byte(d[p]);
    if (k & (kSpace | kTagEnd)) break;
    if (k & kColon) local = p + 1;
  }
  if (p >= n) return Step::Incomplete;
  if (p == start) return fail("“<”后缺少元素名"), Step::Failed;
  const std::string_view qname(d + start, p - start);
  const std::string_view local_name(d + local, p - local);
  attrs_.clear();
  bool empty = false;
  for (;;) {
    while (p < n && (tag_byte(d[p]) & kSpace)) ++p;
    if (p >= n) return Step::Incomplete;
    const char c = d[p];
    if (c == '>') {
      ++p;
      break;
    }
    if (c == '/') {
      if (p + 1 >= n) return Step::Incomplete;
      if (d[p + 1] != '>') return fail("“/”后应为“>”"), Step::Failed;
      empty = true;
      p += 2;
      break;
    }
    const size_t an = p;
    size_t alocal = p;
    for (; p < n; ++p) {
      const uint8_t k = tag_byte(d[p]);
      if (k & (kSpace | kTagEnd | kEquals)) break;
      if (k & kColon) alocal = p + 1;
    }
    if (p >= n) return Step::Incomplete;
    const std::string_view aname(d + an, p - an), alocal_name(d + alocal, p - alocal);
    if (aname.empty()) return fail("属性名无效"), Step::Failed;
    while (p < n && (tag_byte(d[p]) & kSpace)) ++p;
    if (p >= n) return Step::Incomplete;
    if (d[p] != '=') return fail("属性 " + std::string(aname) + " 缺少“=”"), Step::Failed;
    ++p;
    while (p < n && (tag_byte(d[p]) & kSpace)) ++p;
    if (p >= n) return Step::Incomplete;
    if (d[p] != '"' && d[p] != '\'') return fail("属性 " + std::string(aname) + " 的值缺少引号"), Step::Failed;
    // Values are short (a cell reference, a style number): one pass finds the end and whether the
    // value needs decoding.
    const char q = d[p++];
    const size_t vstart = p;
    bool plain = true;
    for (; p < n; ++p) {
      if (!(tag_byte(d[p]) & kValueStop)) continue;
      if (d[p] == q) break;
      if (d[p] == '&' || d[p] == '\r') plain = false;
    }
    if (p >= n) return Step::Incomplete;
    attrs_.push_back({alocal_name, std::string_view(d + vstart, p - vstart), plain});
    ++p;
  }
  name_ = local_name;  // in xml_, which only a later next() refills
  open_.push_back(static_cast<uint32_t>(open_names_.size()));
  open_names_ += qname;
  pending_end_ = empty;
  pos_ = p;
  return Step::Ok;
}

// One event from pos_, or Incomplete (pos_ unchanged) when the bytes at hand end inside a token.
XmlScanner::Step XmlScanner::scan(Event& ev) {
  for (;;) {
    if (pos_ >= xml_.size()) {
      if (!eof_) return Step::Incomplete;
      if (!open_.empty()) return fail("文件在元素 <" + std::string(innermost()) + "> 结束前截断"), Step::Failed;
      ev = Event::End;
      return Step::Ok;
    }
    if (xml_[pos_] != '<') {
      bool plain = true;
      const size_t lt = text_end(pos_, plain);
      if (lt == xml_.size() && !eof_) return Step::Incomplete;
      const size_t begin = pos_;
      pos_ = lt;
      if (open_.empty()) continue;  // whitespace around the root element
      set_text(begin, lt, plain);
      ev = Event::Text;
      return Step::Ok;
    }
    std::string_view rest = xml_.substr(pos_);
    if (rest.size() < 9 && !eof_) {
      // Too few bytes to tell "<![CDATA[" from "<!--" or a short tag: wait for more, unless a
      // complete tag is already here.
      if (rest.find('>') == std::string_view::npos) return Step::Incomplete;
    }
    if (rest.size() >= 2 && rest[1] == '/') {
      size_t gt = pos_ + 2;
      while (gt < xml_.size() && xml_[gt] != '>') ++gt;
      if (gt >= xml_.size()) return eof_ ? (fail("结束标签未结束，文件在此处截断"), Step::Failed) : Step::Incomplete;
      std::string_view qname = xml_.substr(pos_ + 2, gt - pos_ - 2);
      while (!qname.empty() && is_space(qname.back())) qname.remove_suffix(1);
      if (open_.empty()) return fail("多余的结束标签 </" + std::string(qname) + ">"), Step::Failed;
      if (!same_name(qname, innermost()))
        return fail("结束标签 </" + std::string(qname) + "> 与开始标签 <" + std::string(innermost()) + "> 不匹配"),
               Step::Failed;
      close_innermost();
      name_ = local_part(qname);
      pos_ = gt + 1;
      ev = Event::EndElement;
      return Step::Ok;
    }
    if (rest.size() < 2 || (rest[1] != '!' && rest[1] != '?')) {
      Step s = parse_start_tag();
      if (s == Step::Incomplete && eof_) return fail("标签未结束，文件在此处截断"), Step::Failed;
      if (s != Step::Ok) return s;
      ev = Event::StartElement;
      return Step::Ok;
    }
    auto skip_to = [&](std::string_view terminator, const char* what) -> Step {
      size_t end = xml_.find(terminator, pos_ + 2);
      if (end == std::string_view::npos) return eof_ ? (fail(std::string(what) + " 未结束"), Step::Failed) : Step::Incomplete;
      pos_ = end + terminator.size();
      return Step::Ok;
    };
    if (rest.size() >= 2 && rest[1] == '?') {
      Step s = skip_to("?>", "处理指令 <?");
      if (s != Step::Ok) return s;
      continue;
    }
    if (rest.substr(0, 4) == "<!--") {
      Step s = skip_to("-->", "注释 <!--");
      if (s != Step::Ok) return s;
      continue;
    }
    if (rest.substr(0, 9) == "<![CDATA[") {
      size_t end = xml_.find("]]>", pos_ + 9);
      if (end == std::string_view::npos) return eof_ ? (fail("CDATA 段未结束"), Step::Failed) : Step::Incomplete;
      text_ = xml_.substr(pos_ + 9, end - pos_ - 9);
      pos_ = end + 3;
      if (open_.empty()) continue;
      ev = Event::Text;
      return Step::Ok;
    }
    {  // "<!" and none of the above: DOCTYPE, skipped with its internal subset
      int brackets = 0;
      size_t p = pos_ + 2;
      for (; p < xml_.size(); ++p) {
        if (xml_[p] == '[') ++brackets;
        else if (xml_[p] == ']') --brackets;
        else if (xml_[p] == '>' && brackets <= 0) break;
      }
      if (p >= xml_.size()) return eof_ ? (fail("<! 声明未结束"), Step::Failed) : Step::Incomplete;
      pos_ = p + 1;
    }
  }
}

XmlScanner::Event XmlScanner::next() {
  if (!error_.empty()) return Event::Error;
  if (!attr_decoded_.empty()) attr_decoded_.clear();
  if (pending_end_) {
    pending_end_ = false;
    close_innermost();  // name_ still holds its name, from the start tag
    return Event::EndElement;
  }
  for (;;) {
    const size_t token_start = pos_;
    Event ev = Event::End;
    switch (scan(ev)) {
      case Step::Ok: return ev;
      case Step::Failed: return Event::Error;
      case Step::Incomplete:
        pos_ = token_start;
        if (!refill(token_start)) return Event::Error;
        break;
    }
  }
}

// Where the character data starting at `from` ends (the next '<', or the bytes' end), and whether
// it is plain (no entity or CR to decode). One search for both, then one for the '<' if needed.
size_t XmlScanner::text_end(size_t from, bool& plain) const {
  const char* d = xml_.data();
  const size_t size = xml_.size();
  size_t lt = find_first_of3(d, from, size, '<', '&', '\r');
  plain = lt == size || d[lt] == '<';
  if (!plain) lt = find_first_of3(d, lt, size, '<', '<', '<');
  return lt;
}

// text_ = the bytes [begin, end), decoded unless plain.
void XmlScanner::set_text(size_t begin, size_t end, bool plain) {
  const std::string_view raw = xml_.substr(begin, end - begin);
  if (plain) {
    text_ = raw;
  } else {
    decode(raw, text_buf_);
    text_ = text_buf_;
  }
}

std::optional<std::string_view> XmlScanner::text_only() {
  if (!error_.empty() || open_.empty()) return std::nullopt;
  if (!attr_decoded_.empty()) attr_decoded_.clear();
  if (pending_end_) {  // <v/>
    pending_end_ = false;
    close_innermost();
    text_ = {};
    return text_;
  }
  const size_t size = xml_.size();
  const char* d = xml_.data();
  bool plain = true;
  const size_t lt = text_end(pos_, plain);
  // The end tag exactly as the start tag named it; anything else (a child, a comment, CDATA, a
  // space before '>', bytes not yet at hand) is left to next().
  const std::string_view name = innermost();
  if (lt + 3 + name.size() > size || d[lt + 1] != '/' || d[lt + 2 + name.size()] != '>' ||
      !same_name(std::string_view(d + lt + 2, name.size()), name))
    return std::nullopt;
  set_text(pos_, lt, plain);
  name_ = local_part(xml_.substr(lt + 2, name.size()));  // the end tag's, in xml_, as next() leaves it
  close_innermost();
  pos_ = lt + 3 + name.size();
  return text_;
}

std::optional<std::string_view> XmlScanner::only_child_text(std::string_view child) {
  if (!error_.empty() || open_.empty() || pending_end_) return std::nullopt;
  const size_t size = xml_.size();
  const char* d = xml_.data();
  const size_t k = child.size();
  // "<child>"
  size_t p = pos_;
  if (p + k + 2 > size || d[p] != '<' || d[p + k + 1] != '>' || !same_name(std::string_view(d + p + 1, k), child))
    return std::nullopt;
  p += k + 2;
  bool plain = true;
  const size_t lt = text_end(p, plain);
  // "</child></parent>", the parent's name as its start tag wrote it
  const std::string_view parent = innermost();
  const size_t end = lt + k + 3 + parent.size() + 3;
  if (end > size || d[lt + 1] != '/' || d[lt + 2 + k] != '>' || !same_name(std::string_view(d + lt + 2, k), child) ||
      d[lt + k + 3] != '<' || d[lt + k + 4] != '/' || d[end - 1] != '>' ||
      !same_name(std::string_view(d + lt + k + 5, parent.size()), parent))
    return std::nullopt;
  if (!attr_decoded_.empty()) attr_decoded_.clear();
  set_text(p, lt, plain);
  name_ = local_part(xml_.substr(lt + k + 5, parent.size()));  // the parent's end tag, in xml_
  close_innermost();
  pos_ = end;
  return text_;
}

std::string_view XmlScanner::attr(std::string_view local_name) {
  for (const RawAttr& a : attrs_) {
    if (!same_name(a.name, local_name)) continue;
    if (a.plain) return a.value;
    attr_decoded_.emplace_back();
    decode(a.value, attr_decoded_.back());
    return attr_decoded_.back();
  }
  return {};
}

bool XmlScanner::has_attr(std::string_view local_name) const {
  for (const RawAttr& a : attrs_)
    if (same_name(a.name, local_name)) return true;
  return false;
}

void XmlScanner::skip_element() {
  if (pending_end_) {
    next();
    return;
  }
  const size_t target = open_.size() - 1;
  for (;;) {
    Event e = next();
    if (e == Event::End || e == Event::Error) return;
    if (e == Event::EndElement && open_.size() == target) return;
  }
}

// Excel writes characters XML cannot hold (and '_' before a literal "_xHHHH_") as _xHHHH_ in
// UTF-16 code units; a surrogate pair comes as two escapes.
void decode_ooxml_escapes(std::string& text) {
  size_t i = text.find("_x");
  if (i == std::string::npos) return;
  std::string out;
  out.reserve(text.size());
  out.append(text, 0, i);
  auto hexval = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  auto escape_at = [&](size_t at) -> int32_t {
    if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return -1;
    int32_t cp = 0;
    for (size_t k = 2; k < 6; ++k) {
      int h = hexval(text[at + k]);
      if (h < 0) return -1;
      cp = cp * 16 + h;
    }
    return cp;
  };
  while (i < text.size()) {
    int32_t cp = escape_at(i);
    if (cp < 0) {
      out += text[i++];
      continue;
    }
    i += 7;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      int32_t low = escape_at(i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 7;
      } else {
        cp = 0xFFFD;  // a lone surrogate cannot be written in UTF-8
      }
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp == '\n' && !out.empty() && out.back() == '\r') out.back() = '\n';  // CR LF: one line break
    else append_utf8(static_cast<uint32_t>(cp), out);
  }
  text.swap(out);
}

}  // namespace jixiao
