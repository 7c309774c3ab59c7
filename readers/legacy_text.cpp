#include "readers/legacy_text.h"

#include <unicode/ucnv.h>

#include <vector>

namespace jixiao {

namespace {

void append_code_point(uint32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// ICU's names for the code pages BIFF files name by number.
const char* icu_name(uint16_t cp) {
  switch (cp) {
    case 367: return "US-ASCII";
    case 437: return "ibm-437";
    case 850: return "ibm-850";
    case 852: return "ibm-852";
    case 866: return "ibm-866";
    case 874: return "windows-874";
    case 932: return "windows-932";
    case 936: return "windows-936";
    case 949: return "windows-949";
    case 950: return "windows-950";
    case 1250: return "windows-1250";
    case 1251: return "windows-1251";
    case 1253: return "windows-1253";
    case 1254: return "windows-1254";
    case 1255: return "windows-1255";
    case 1256: return "windows-1256";
    case 1257: return "windows-1257";
    case 1258: return "windows-1258";
    case 10000: case 32768: return "macintosh";
    case 10006: return "x-mac-greek";
    case 10007: return "x-mac-cyrillic";
    case 10029: return "x-mac-centraleurroman";
    case 10079: return "x-mac-turkish";
    case 20932: return "EUC-JP";
    case 54936: return "GB18030";
    default: return "windows-1252";  // 1252, 32769 (BIFF2-4's "ANSI") and anything unknown
  }
}

}  // namespace

void append_utf16le(std::string_view b, std::string& out) {
  for (size_t i = 0; i + 1 < b.size(); i += 2) {
    uint32_t c = static_cast<unsigned char>(b[i]) | (static_cast<unsigned char>(b[i + 1]) << 8);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < b.size()) {
      uint32_t lo = static_cast<unsigned char>(b[i + 2]) | (static_cast<unsigned char>(b[i + 3]) << 8);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        append_code_point(0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    append_code_point(c, out);
  }
}

void append_latin1(std::string_view b, std::string& out) {
  for (char ch : b) append_code_point(static_cast<unsigned char>(ch), out);
}

std::string utf8_to_utf16le(std::string_view s) {
  std::string out;
  auto put = [&out](uint32_t u) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>(u >> 8);
  };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp = 0xFFFD;
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
      ++i;
    } else {
      cp = n == 1 ? c : c & (0x7F >> n);
      for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      i += n;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      put(0xD800 + (cp >> 10));
      put(0xDC00 + (cp & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

struct CodePage::Impl {
  UConverter* conv = nullptr;
  std::vector<UChar> buf;
  ~Impl() {
    if (conv) ucnv_close(conv);
  }
};

CodePage::CodePage(uint16_t codepage) : impl_(std::make_unique<Impl>()), number_(codepage) {
  UErrorCode err = U_ZERO_ERROR;
  impl_->conv = ucnv_open(icu_name(codepage), &err);
  if (U_FAILURE(err) || !impl_->conv) {
    err = U_ZERO_ERROR;
    impl_->conv = ucnv_open("windows-1252", &err);
  }
}

CodePage::~CodePage() = default;

void CodePage::append(std::string_view bytes, std::string& out) {
  if (!impl_->conv) return append_latin1(bytes, out);
  auto& buf = impl_->buf;
  buf.resize(bytes.size() * 2 + 2);
  UErrorCode err = U_ZERO_ERROR;
  ucnv_reset(impl_->conv);
  int32_t n = ucnv_toUChars(impl_->conv, buf.data(), static_cast<int32_t>(buf.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err) || n < 0) return append_latin1(bytes, out);
  append_utf16le(std::string_view(reinterpret_cast<const char*>(buf.data()), static_cast<size_t>(n) * 2), out);
}

}  // namespace jixiao
