// Decryption of encrypted .xls (a FILEPASS record in the workbook globals): RC4 (Excel 97/2000)
// and RC4 CryptoAPI (Excel 2002/2003), in memory. XOR obfuscation (Excel 95) is refused.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "readers/xls_records.h"

namespace jixiao::xls {

// Decrypts, in place, the data of every record of `stream` after the FILEPASS record `filepass`
// (those MS-XLS 2.2.10 leaves in clear excepted). `password` empty: Excel's default password
// "VelvetSweatshop" only. Errors: crypt.password_required, crypt.wrong_password, crypt.unsupported.
std::optional<Diagnostic> decrypt_stream(std::string& stream, const Record& filepass, const std::string& password,
                                         const std::string& file);

}  // namespace jixiao::xls
