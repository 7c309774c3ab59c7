// Legacy Excel workbooks (.xls: BIFF8 of Excel 97-2003, BIFF5 of Excel 5/95 with its code page,
// BIFF3/4 bare streams) -> the same Workbook the XLSX reader produces. Encrypted ones (RC4, RC4
// CryptoAPI) are decrypted in memory with the given password or Excel's default one.
// Callers normally go through read_xlsx_file/read_xlsx_memory, which sniff the file and come here.
#pragma once

#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "readers/workbook.h"

namespace jixiao {

struct XlsOptions {
  std::string password;  // empty: only Excel's default password is tried
};

// bytes: a compound file holding a Workbook (BIFF8) or Book (BIFF5) stream, or a bare BIFF stream.
// Errors (code "xls.*", "cfb.*", "crypt.*") name the file and, where it applies, the sheet and the
// byte offset in the stream.
Expected<Workbook> read_xls_memory(std::string_view bytes, const std::string& file, Diagnostics& diags,
                                   const XlsOptions& opt = {});

}  // namespace jixiao
