#include "readers/office_crypto.h"

#include <openssl/evp.h>
#include <pugixml.hpp>

#include <algorithm>
#include <memory>
#include <optional>

#include "readers/cfb.h"
#include "readers/legacy_text.h"

namespace jixiao {

namespace crypto {

std::vector<std::string> candidate_passwords(const std::string& password) {
  std::vector<std::string> out;
  if (!password.empty()) out.push_back(password);
  if (password != kDefaultExcelPassword) out.emplace_back(kDefaultExcelPassword);
  return out;
}

Diagnostic password_error(const std::string& file, const std::string& password) {
  Diagnostic d;
  d.file = file;
  if (password.empty()) {
    d.code = "crypt.password_required";
    d.message = "工作簿设有打开密码（已加密）；请用 --password 密码（或环境变量 JIXIAO_PASSWORD）给出密码后再试";
  } else {
    d.code = "crypt.wrong_password";
    d.message = "密码不对，无法解密工作簿；请核对 --password（或 JIXIAO_PASSWORD）给出的密码，注意大小写";
  }
  return d;
}

Diagnostic unsupported(const std::string& file, const std::string& what) {
  return Diagnostic::error("crypt.unsupported",
                           "工作簿用 " + what + " 加密，jixiao 不支持这种加密方式；请在 Excel/WPS 中打开，取消密码后另存为 .xlsx 再试",
                           file);
}

size_t hash_size(Hash h) {
  switch (h) {
    case Hash::Md5: return 16;
    case Hash::Sha1: return 20;
    case Hash::Sha256: return 32;
    case Hash::Sha384: return 48;
    case Hash::Sha512: return 64;
  }
  return 20;
}

static const EVP_MD* md(Hash h) {
  switch (h) {
    case Hash::Md5: return EVP_md5();
    case Hash::Sha1: return EVP_sha1();
    case Hash::Sha256: return EVP_sha256();
    case Hash::Sha384: return EVP_sha384();
    case Hash::Sha512: return EVP_sha512();
  }
  return EVP_sha1();
}

std::string digest(Hash h, std::string_view data) {
  std::string out(hash_size(h), '\0');
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), reinterpret_cast<unsigned char*>(out.data()), &n, md(h), nullptr);
  out.resize(n);
  return out;
}

Rc4::Rc4(std::string_view key) {
  for (int k = 0; k < 256; ++k) s_[k] = static_cast<uint8_t>(k);
  uint8_t j = 0;
  for (int k = 0; k < 256 && !key.empty(); ++k) {
    j = static_cast<uint8_t>(j + s_[k] + static_cast<uint8_t>(key[static_cast<size_t>(k) % key.size()]));
    std::swap(s_[k], s_[j]);
  }
}

void Rc4::apply(char* data, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    i_ = static_cast<uint8_t>(i_ + 1);
    j_ = static_cast<uint8_t>(j_ + s_[i_]);
    std::swap(s_[i_], s_[j_]);
    data[k] = static_cast<char>(data[k] ^ s_[static_cast<uint8_t>(s_[i_] + s_[j_])]);
  }
}

void Rc4::skip(size_t n) {
  char sink[64];
  while (n > 0) {
    size_t k = std::min(n, sizeof sink);
    apply(sink, k);
    n -= k;
  }
}

}  // namespace crypto

namespace {

using crypto::Hash;

uint32_t le32(std::string_view d, size_t at) {
  if (at + 4 > d.size()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(d.data() + at);
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
uint64_t le64(std::string_view d, size_t at) { return le32(d, at) | (static_cast<uint64_t>(le32(d, at + 4)) << 32); }
std::string le32_bytes(uint32_t v) {
  return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF), static_cast<char>((v >> 16) & 0xFF),
          static_cast<char>(v >> 24)};
}

Diagnostic damaged(const std::string& file, const std::string& what) {
  return Diagnostic::error("crypt.damaged", "加密工作簿的加密信息损坏（" + what + "），无法解密；请向报送单位重新索取文件", file);
}

// AES-ECB or AES-CBC (iv non-empty) decryption without padding; nullopt on a bad key length.
std::optional<std::string> aes_decrypt(std::string_view key, std::string_view iv, std::string_view data) {
  const EVP_CIPHER* c = nullptr;
  const bool cbc = !iv.empty();
  switch (key.size()) {
    case 16: c = cbc ? EVP_aes_128_cbc() : EVP_aes_128_ecb(); break;
    case 24: c = cbc ? EVP_aes_192_cbc() : EVP_aes_192_ecb(); break;
    case 32: c = cbc ? EVP_aes_256_cbc() : EVP_aes_256_ecb(); break;
    default: return std::nullopt;
  }
  std::string ivbuf(iv.substr(0, 16));
  ivbuf.resize(16, '\0');
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), c, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                                 cbc ? reinterpret_cast<const unsigned char*>(ivbuf.data()) : nullptr) != 1)
    return std::nullopt;
  EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  const size_t n = data.size() / 16 * 16;
  std::string out(n + 16, '\0');
  int len = 0, tail = 0;
  if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len,
                        reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(n)) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &tail) != 1)
    return std::nullopt;
  out.resize(static_cast<size_t>(len + tail));
  return out;
}

std::string fit(std::string s, size_t n, char pad) {
  s.resize(n, pad);
  return s;
}

std::optional<std::string> base64(std::string_view text) {
  std::string in;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') in += c;
  if (in.empty() || in.size() % 4 != 0) return std::nullopt;
  std::string out(in.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(in.data()),
                          static_cast<int>(in.size()));
  if (n < 0) return std::nullopt;
  size_t pad = in.size() >= 2 && in[in.size() - 1] == '=' ? (in[in.size() - 2] == '=' ? 2 : 1) : 0;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

std::optional<Hash> hash_named(std::string_view name) {
  if (name == "SHA1" || name == "SHA-1") return Hash::Sha1;
  if (name == "SHA256") return Hash::Sha256;
  if (name == "SHA384") return Hash::Sha384;
  if (name == "SHA512") return Hash::Sha512;
  if (name == "MD5") return Hash::Md5;
  return std::nullopt;
}

// ECMA-376 Standard encryption (MS-OFFCRYPTO 2.3.4.5): AES-ECB, key from 50,000 rounds of SHA-1.
Expected<std::string> standard(std::string_view info, std::string_view package, const std::string& file,
                               const std::string& password) {
  const uint32_t header_size = le32(info, 8);
  if (header_size < 32 || 12 + header_size + 4 + 16 + 16 + 4 + 32 > info.size()) return damaged(file, "EncryptionInfo 过短");
  const std::string_view header = info.substr(12, header_size);
  const uint32_t alg = le32(header, 8), key_bits = le32(header, 16);
  if (alg != 0x660E && alg != 0x660F && alg != 0x6610) return crypto::unsupported(file, "非 AES 的标准加密（如 RC4）");
  if (key_bits != 128 && key_bits != 192 && key_bits != 256) return damaged(file, "密钥长度无效");
  const std::string_view verifier = info.substr(12 + header_size);
  const std::string_view salt = verifier.substr(4, 16);
  const std::string_view enc_verifier = verifier.substr(20, 16);
  const std::string_view enc_hash = verifier.substr(40, 32);
  for (const std::string& pw : crypto::candidate_passwords(password)) {
    std::string h = crypto::digest(Hash::Sha1, std::string(salt) + utf8_to_utf16le(pw));
    for (uint32_t i = 0; i < 50000; ++i) h = crypto::digest(Hash::Sha1, le32_bytes(i) + h);
    const std::string final_hash = crypto::digest(Hash::Sha1, h + le32_bytes(0));
    std::string b1(64, 0x36), b2(64, 0x5C);
    for (size_t i = 0; i < final_hash.size(); ++i) {
      b1[i] = static_cast<char>(b1[i] ^ final_hash[i]);
      b2[i] = static_cast<char>(b2[i] ^ final_hash[i]);
    }
    const std::string key = (crypto::digest(Hash::Sha1, b1) + crypto::digest(Hash::Sha1, b2)).substr(0, key_bits / 8);
    auto v = aes_decrypt(key, {}, enc_verifier);
    auto vh = aes_decrypt(key, {}, enc_hash);
    if (!v || !vh || crypto::digest(Hash::Sha1, *v) != vh->substr(0, 20)) continue;
    const uint64_t size = le64(package, 0);
    auto plain = aes_decrypt(key, {}, package.substr(std::min<size_t>(8, package.size())));
    if (!plain) return damaged(file, "EncryptedPackage 无法解密");
    if (size < plain->size()) plain->resize(static_cast<size_t>(size));
    return std::move(*plain);
  }
  return crypto::password_error(file, password);
}

// ECMA-376 Agile encryption (MS-OFFCRYPTO 2.3.4.10-13): an XML descriptor, the package in 4096-byte
// AES-CBC segments under a random key that the password's key unwraps.
Expected<std::string> agile(std::string_view info, std::string_view package, const std::string& file,
                            const std::string& password) {
  pugi::xml_document doc;
  if (info.size() <= 8 || !doc.load_buffer(info.data() + 8, info.size() - 8)) return damaged(file, "加密描述 XML 无法解析");
  pugi::xml_node enc = doc.document_element();
  pugi::xml_node key_data = enc.child("keyData");
  pugi::xml_node ek;
  for (pugi::xml_node ke : enc.child("keyEncryptors").children())
    for (pugi::xml_node k : ke.children())
      if (std::string_view(k.name()).ends_with("encryptedKey")) ek = k;
  if (!key_data || !ek) return crypto::unsupported(file, "证书（非密码）");
  auto cipher_ok = [](pugi::xml_node n) {
    return std::string_view(n.attribute("cipherAlgorithm").value()) == "AES" &&
           std::string_view(n.attribute("cipherChaining").value()) == "ChainingModeCBC";
  };
  if (!cipher_ok(key_data) || !cipher_ok(ek)) return crypto::unsupported(file, "非 AES-CBC 的 Agile 加密");
  auto data_hash = hash_named(key_data.attribute("hashAlgorithm").value());
  auto key_hash = hash_named(ek.attribute("hashAlgorithm").value());
  auto data_salt = base64(key_data.attribute("saltValue").value());
  auto salt = base64(ek.attribute("saltValue").value());
  auto enc_input = base64(ek.attribute("encryptedVerifierHashInput").value());
  auto enc_value = base64(ek.attribute("encryptedVerifierHashValue").value());
  auto enc_key = base64(ek.attribute("encryptedKeyValue").value());
  const uint32_t spin = ek.attribute("spinCount").as_uint();
  const uint32_t key_bits = ek.attribute("keyBits").as_uint();
  const uint32_t data_key_bits = key_data.attribute("keyBits").as_uint();
  const size_t block = key_data.attribute("blockSize").as_uint(16);
  if (!data_hash || !key_hash || !data_salt || !salt || !enc_input || !enc_value || !enc_key)
    return damaged(file, "加密描述缺少字段");
  // Office writes 100,000; a file asking for far more would only make us spin.
  if (spin > 10'000'000) return damaged(file, "spinCount 过大");
  if (block != 16 || (data_key_bits != 128 && data_key_bits != 192 && data_key_bits != 256)) return damaged(file, "块或密钥长度无效");
  const size_t key_len = key_bits / 8, hlen = crypto::hash_size(*key_hash);
  static const char kInput[] = "\xfe\xa7\xd2\x76\x3b\x4b\x9e\x79";
  static const char kValue[] = "\xd7\xaa\x0f\x6d\x30\x61\x34\x4e";
  static const char kKey[] = "\x14\x6e\x0b\xe7\xab\xac\xd0\xd6";
  for (const std::string& pw : crypto::candidate_passwords(password)) {
    std::string h = crypto::digest(*key_hash, *salt + utf8_to_utf16le(pw));
    for (uint32_t i = 0; i < spin; ++i) h = crypto::digest(*key_hash, le32_bytes(i) + h);
    auto derive = [&](const char* block_key) {
      return fit(crypto::digest(*key_hash, h + std::string(block_key, 8)), key_len, 0x36);
    };
    auto input = aes_decrypt(derive(kInput), *salt, *enc_input);
    auto value = aes_decrypt(derive(kValue), *salt, *enc_value);
    if (!input || !value) return damaged(file, "密钥长度无效");
    if (crypto::digest(*key_hash, input->substr(0, salt->size())) != value->substr(0, hlen)) continue;
    auto secret = aes_decrypt(derive(kKey), *salt, *enc_key);
    if (!secret || secret->size() < data_key_bits / 8) return damaged(file, "数据密钥无法解开");
    secret->resize(data_key_bits / 8);
    const uint64_t size = le64(package, 0);
    const std::string_view body = package.substr(std::min<size_t>(8, package.size()));
    if (size > body.size()) return damaged(file, "EncryptedPackage 比声明的短");
    std::string out;
    out.reserve(body.size());
    for (size_t seg = 0, at = 0; at < body.size(); ++seg, at += 4096) {
      const std::string iv = fit(crypto::digest(*data_hash, *data_salt + le32_bytes(static_cast<uint32_t>(seg))), block, 0x36);
      auto part = aes_decrypt(*secret, iv, body.substr(at, 4096));
      if (!part) return damaged(file, "EncryptedPackage 无法解密");
      out += *part;
    }
    if (size < out.size()) out.resize(static_cast<size_t>(size));
    return out;
  }
  return crypto::password_error(file, password);
}

}  // namespace

Expected<std::string> decrypt_ooxml(std::string_view cfb_bytes, const std::string& file, const std::string& password) {
  auto cf = CompoundFile::open(cfb_bytes, file);
  if (!cf) return cf.error();
  auto info = cf->read("EncryptionInfo");
  if (!info) return damaged(file, "缺少 EncryptionInfo");
  auto package = cf->read("EncryptedPackage");
  if (!package) return package.error();
  const uint32_t version = le32(*info, 0);
  const uint16_t major = version & 0xFFFF, minor = version >> 16;
  if (major == 4 && minor == 4) return agile(*info, *package, file, password);
  if ((major == 2 || major == 3 || major == 4) && minor == 2) return standard(*info, *package, file, password);
  if (minor == 3) return crypto::unsupported(file, "可扩展加密（Extensible Encryption）");
  return damaged(file, "加密版本 " + std::to_string(major) + "." + std::to_string(minor) + " 无法识别");
}

}  // namespace jixiao
