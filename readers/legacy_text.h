// Text as the legacy binary formats store it: UTF-16LE (BIFF8, compound-file names, passwords)
// and 8-bit code pages (BIFF2-5 strings, by the workbook's CODEPAGE record: 936 GBK for Chinese,
// 1252, Mac Roman, ...), converted to UTF-8.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace jixiao {

// Appends UTF-16LE bytes as UTF-8 (a lone surrogate becomes U+FFFD; an odd last byte is dropped).
void append_utf16le(std::string_view bytes, std::string& out);
// Appends 8-bit characters whose code is their Unicode code point (BIFF8 "compressed" strings).
void append_latin1(std::string_view bytes, std::string& out);
// UTF-8 -> UTF-16LE (invalid bytes become U+FFFD), for password hashing.
std::string utf8_to_utf16le(std::string_view utf8);

// An 8-bit code page converter, opened once per workbook.
class CodePage {
 public:
  // Windows code page numbers as BIFF stores them (1252, 936, 10000 Mac Roman, 32768/32769 ...);
  // an unknown one falls back to 1252, as LibreOffice does.
  explicit CodePage(uint16_t codepage);
  ~CodePage();
  CodePage(const CodePage&) = delete;
  CodePage& operator=(const CodePage&) = delete;
  void append(std::string_view bytes, std::string& out);
  uint16_t number() const { return number_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  uint16_t number_;
};

}  // namespace jixiao
