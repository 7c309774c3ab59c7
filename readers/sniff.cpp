#include "readers/sniff.h"

#include <cstring>

#include "readers/cfb.h"

namespace jixiao {

namespace {

constexpr unsigned char kCfbMagic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

uint16_t le16(std::string_view d, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(d.data() + at);
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

// A BIFF2-5 worksheet saved without a compound file starts with its BOF record: id 0x0009, 0x0209,
// 0x0409 or 0x0809, a short length, then a version/type pair.
bool bare_biff(std::string_view d) {
  if (d.size() < 8) return false;
  const uint16_t id = le16(d, 0), len = le16(d, 2);
  if (id != 0x0009 && id != 0x0209 && id != 0x0409 && id != 0x0809) return false;
  if (len < 4 || len > 20 || d.size() < 4u + len) return false;
  const uint16_t type = le16(d, 6);
  return type == 0x0010 || type == 0x0020 || type == 0x0040 || type == 0x0100 || type == 0x0005 || id == 0x0009;
}

}  // namespace

FileKind sniff_bytes(std::string_view data) {
  if (data.empty()) return FileKind::Empty;
  if (data.size() >= 4 && data[0] == 'P' && data[1] == 'K' &&
      ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6) || (data[2] == 7 && data[3] == 8)))
    return FileKind::Zip;
  if (data.size() >= 8 && std::memcmp(data.data(), kCfbMagic, 8) == 0) {
    auto cf = CompoundFile::open(data, {});
    // Too damaged to list its streams: the name in the raw bytes is the best evidence left.
    const bool encrypted = cf ? cf->has("EncryptedPackage")
                              : std::string_view(data).find(std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32)) !=
                                    std::string_view::npos;
    return encrypted ? FileKind::EncryptedOoxml : FileKind::LegacyCfb;
  }
  if (bare_biff(data)) return FileKind::LegacyBiff;
  return FileKind::Unknown;
}

}  // namespace jixiao
