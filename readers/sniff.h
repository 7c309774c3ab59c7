// What a file is, from its first bytes, before any parser sees it: so that an .xls or a
// password-protected workbook gets a message that says so instead of "not a zip".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace jixiao {

enum class FileKind {
  Empty,          // zero bytes
  Zip,            // starts with a zip local header ("PK\3\4") or an empty-archive record
  EncryptedOoxml, // a CFB (OLE2) container holding an EncryptedPackage stream
  LegacyCfb,      // any other CFB container: .xls / .doc of Office 97-2003
  LegacyBiff,     // a bare BIFF2-5 stream (Excel 2.x-4.0 worksheets, some exporters' .xls)
  Unknown,
};

// data: the whole file (CFB needs its directory). Never reads out of bounds on damaged input.
FileKind sniff_bytes(std::string_view data);

}  // namespace jixiao
