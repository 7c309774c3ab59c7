#include "readers/xls_crypto.h"

#include <functional>

#include "readers/legacy_text.h"
#include "readers/office_crypto.h"

namespace jixiao::xls {

namespace {

using crypto::Hash;
using crypto::Rc4;

std::string le32_bytes(uint32_t v) {
  return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF), static_cast<char>((v >> 16) & 0xFF),
          static_cast<char>(v >> 24)};
}

// The RC4 key of each 1024-byte block of the stream, for one password.
using BlockKey = std::function<std::string(uint32_t block)>;

// MS-OFFCRYPTO 2.3.6: "Office binary document RC4" (Excel 97/2000), MD5 based, 40-bit.
BlockKey binary_rc4_key(std::string_view salt, const std::string& password) {
  const std::string h0 = crypto::digest(Hash::Md5, utf8_to_utf16le(password)).substr(0, 5);
  std::string buf;
  for (int i = 0; i < 16; ++i) buf += h0 + std::string(salt);
  const std::string h1 = crypto::digest(Hash::Md5, buf).substr(0, 5);
  return [h1](uint32_t block) { return crypto::digest(Hash::Md5, h1 + le32_bytes(block)); };
}

// MS-OFFCRYPTO 2.3.5.2: RC4 CryptoAPI (Excel 2002/2003), SHA-1 based, 40 to 128-bit keys.
BlockKey cryptoapi_key(std::string_view salt, const std::string& password, uint32_t key_bits) {
  const std::string h0 = crypto::digest(Hash::Sha1, std::string(salt) + utf8_to_utf16le(password));
  return [h0, key_bits](uint32_t block) {
    std::string k = crypto::digest(Hash::Sha1, h0 + le32_bytes(block)).substr(0, key_bits / 8);
    if (key_bits == 40) k.resize(16, '\0');  // a 40-bit key is used padded to 128 bits
    return k;
  };
}

bool verifies(const BlockKey& key, std::string verifier, std::string hash, Hash h) {
  Rc4 rc4(key(0));
  rc4.apply(verifier.data(), verifier.size());
  rc4.apply(hash.data(), hash.size());
  return crypto::digest(h, verifier).substr(0, hash.size()) == hash;
}

// Records MS-XLS 2.2.10 leaves in clear.
bool clear_record(uint16_t id) {
  return id == 0x0809 || id == 0x002F || id == 0x0194 || id == 0x0195 || id == 0x00E1 || id == 0x0196 || id == 0x0138;
}

void decrypt_records(std::string& stream, size_t from, const BlockKey& key) {
  uint32_t block = UINT32_MAX;
  size_t offset = 0;  // keystream bytes used in the current block
  std::optional<Rc4> rc4;
  auto apply = [&](size_t pos, size_t n) {
    while (n > 0) {
      const uint32_t b = static_cast<uint32_t>(pos / 1024);
      const size_t in_block = pos % 1024;
      if (b != block || in_block < offset) {
        rc4.emplace(key(b));
        block = b;
        offset = 0;
      }
      rc4->skip(in_block - offset);
      const size_t take = std::min(n, 1024 - in_block);
      rc4->apply(stream.data() + pos, take);
      offset = in_block + take;
      pos += take;
      n -= take;
    }
  };
  RecordReader rr(stream, from);
  Record r;
  while (rr.next(r)) {
    if (clear_record(r.id)) continue;
    size_t start = r.pos + 4;
    if (r.id == kBoundSheet) start += 4;  // its stream offset stays in clear
    const size_t end = r.pos + 4 + r.data.size();
    if (start < end) apply(start, end - start);
  }
}

}  // namespace

std::optional<Diagnostic> decrypt_stream(std::string& stream, const Record& filepass, const std::string& password,
                                         const std::string& file) {
  const std::string_view d = filepass.data;
  if (d.size() < 6 || u16(d, 0) == 0) return crypto::unsupported(file, "Excel 95 的 XOR 混淆");
  const uint16_t major = u16(d, 2), minor = u16(d, 4);
  std::function<BlockKey(const std::string&)> make;
  std::string verifier, hash;
  Hash h = Hash::Md5;
  if (major == 1 && minor == 1) {
    if (d.size() < 54) return crypto::unsupported(file, "损坏的 RC4 加密记录");
    const std::string salt(d.substr(6, 16));
    verifier = d.substr(22, 16);
    hash = d.substr(38, 16);
    make = [salt](const std::string& pw) { return binary_rc4_key(salt, pw); };
  } else if (major >= 2 && major <= 4 && minor == 2) {
    const uint32_t header_size = u32(d, 10);
    const size_t v = 14 + static_cast<size_t>(header_size);
    if (header_size < 32 || header_size > d.size() || v + 60 > d.size()) return crypto::unsupported(file, "损坏的 RC4 CryptoAPI 加密记录");
    const std::string_view header = d.substr(14, header_size);
    if (u32(header, 8) != 0x6801) return crypto::unsupported(file, "非 RC4 的 CryptoAPI 算法");
    uint32_t key_bits = u32(header, 16);
    if (key_bits == 0) key_bits = 40;
    if (key_bits < 40 || key_bits > 128 || key_bits % 8) return crypto::unsupported(file, "密钥长度无效的 RC4 CryptoAPI");
    const std::string salt(d.substr(v + 4, 16));
    verifier = d.substr(v + 20, 16);
    hash = d.substr(v + 40, 20);
    h = Hash::Sha1;
    make = [salt, key_bits](const std::string& pw) { return cryptoapi_key(salt, pw, key_bits); };
  } else {
    return crypto::unsupported(file, "版本 " + std::to_string(major) + "." + std::to_string(minor) + " 的 RC4");
  }
  for (const std::string& pw : crypto::candidate_passwords(password)) {
    BlockKey key = make(pw);
    if (!verifies(key, verifier, hash, h)) continue;
    decrypt_records(stream, filepass.pos + 4 + filepass.data.size(), key);
    return std::nullopt;
  }
  return crypto::password_error(file, password);
}

}  // namespace jixiao::xls
