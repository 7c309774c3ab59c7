// Password-protected Office files, decrypted in memory (nothing decrypted is ever written to disk):
// ECMA-376 Agile and Standard encryption of .xlsx (MS-OFFCRYPTO 2.3.4), and the primitives the
// .xls RC4 / RC4 CryptoAPI decryption (readers/xls_crypto.h) shares with it.
//
// OpenSSL's libcrypto does the hashing and AES: libzip already links it into every process, so it
// adds no load time and no package. RC4 is our own ten lines, because OpenSSL 3 keeps RC4 in its
// "legacy" provider, which is not loaded by default and may be missing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

// The password Excel uses when a file is protected against changes only: such files open without
// asking, in Excel and here.
inline constexpr const char* kDefaultExcelPassword = "VelvetSweatshop";

// The package inside an encrypted .xlsx (a compound file with EncryptionInfo and EncryptedPackage).
// `password` empty: only the default password is tried. Errors: crypt.password_required (no
// password given and the default one does not open it), crypt.wrong_password, crypt.unsupported,
// crypt.damaged.
Expected<std::string> decrypt_ooxml(std::string_view cfb_bytes, const std::string& file, const std::string& password);

namespace crypto {

// The passwords to try, in order: the one given (if any), then Excel's default.
std::vector<std::string> candidate_passwords(const std::string& password);
// The error for a file no candidate opened.
Diagnostic password_error(const std::string& file, const std::string& password);
Diagnostic unsupported(const std::string& file, const std::string& what);

enum class Hash { Md5, Sha1, Sha256, Sha384, Sha512 };
size_t hash_size(Hash h);
std::string digest(Hash h, std::string_view data);

class Rc4 {
 public:
  explicit Rc4(std::string_view key);
  void apply(char* data, size_t n);  // XORs the keystream into data (encrypt = decrypt)
  void skip(size_t n);

 private:
  uint8_t s_[256];
  uint8_t i_ = 0, j_ = 0;
};

}  // namespace crypto

}  // namespace jixiao
