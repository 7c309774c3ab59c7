#include "readers/sniff.h"

#include <cstring>
#include <vector>

namespace jixiao {

namespace {

constexpr unsigned char kCfbMagic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
constexpr uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr uint32_t kMaxRegSect = 0xFFFFFFFA;

uint32_t le32(std::string_view d, size_t at) {
  if (at + 4 > d.size()) return 0xFFFFFFFF;
  const auto* p = reinterpret_cast<const unsigned char*>(d.data() + at);
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
uint16_t le16(std::string_view d, size_t at) {
  if (at + 2 > d.size()) return 0xFFFF;
  const auto* p = reinterpret_cast<const unsigned char*>(d.data() + at);
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

// UTF-16LE "EncryptedPackage" as stored in a CFB directory entry.
std::string utf16le(std::string_view ascii) {
  std::string s;
  for (char c : ascii) {
    s += c;
    s += '\0';
  }
  return s;
}

// Walks the CFB directory (MS-CFB §2) and reports whether a stream called EncryptedPackage
// exists. Returns -1 when the structure is too damaged to tell.
int cfb_has_encrypted_package(std::string_view d) {
  if (d.size() < 512) return -1;
  uint16_t shift = le16(d, 0x1E);
  if (shift != 9 && shift != 12) return -1;
  const size_t sector = size_t{1} << shift;
  const size_t nsectors = (d.size() - 512 + sector - 1) / sector;
  auto sector_offset = [&](uint32_t id) { return 512 + static_cast<size_t>(id) * sector; };

  // FAT sector ids: 109 in the header, then the DIFAT chain.
  std::vector<uint32_t> fat_sectors;
  uint32_t nfat = le32(d, 0x2C);
  for (size_t i = 0; i < 109 && fat_sectors.size() < nfat; ++i) fat_sectors.push_back(le32(d, 0x4C + i * 4));
  uint32_t difat = le32(d, 0x44);
  for (size_t guard = 0; difat <= kMaxRegSect && fat_sectors.size() < nfat && guard < nsectors; ++guard) {
    size_t off = sector_offset(difat);
    if (off + sector > d.size()) return -1;
    for (size_t i = 0; i + 1 < sector / 4 && fat_sectors.size() < nfat; ++i)
      fat_sectors.push_back(le32(d, off + i * 4));
    difat = le32(d, off + sector - 4);
  }
  auto next_in_chain = [&](uint32_t id) -> uint32_t {
    size_t per = sector / 4;
    size_t which = id / per;
    if (which >= fat_sectors.size()) return kEndOfChain;
    size_t off = sector_offset(fat_sectors[which]) + (id % per) * 4;
    return off + 4 <= d.size() ? le32(d, off) : kEndOfChain;
  };

  const std::string wanted = utf16le("EncryptedPackage");
  uint32_t dir = le32(d, 0x30);
  for (size_t guard = 0; dir <= kMaxRegSect && guard <= nsectors; ++guard) {
    size_t off = sector_offset(dir);
    if (off + sector > d.size()) return -1;
    for (size_t e = off; e + 128 <= off + sector; e += 128) {
      uint16_t len = le16(d, e + 0x40);
      if (len == wanted.size() + 2 && std::memcmp(d.data() + e, wanted.data(), wanted.size()) == 0) return 1;
    }
    dir = next_in_chain(dir);
  }
  return 0;
}

}  // namespace

FileKind sniff_bytes(std::string_view data) {
  if (data.empty()) return FileKind::Empty;
  if (data.size() >= 4 && data[0] == 'P' && data[1] == 'K' &&
      ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6) || (data[2] == 7 && data[3] == 8)))
    return FileKind::Zip;
  if (data.size() >= 8 && std::memcmp(data.data(), kCfbMagic, 8) == 0) {
    int enc = cfb_has_encrypted_package(data);
    if (enc < 0) enc = data.find(utf16le("EncryptedPackage")) != std::string_view::npos;
    return enc ? FileKind::EncryptedOoxml : FileKind::LegacyCfb;
  }
  return FileKind::Unknown;
}

}  // namespace jixiao
