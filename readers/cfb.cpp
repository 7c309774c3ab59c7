#include "readers/cfb.h"

#include <cstring>
#include <optional>

namespace jixiao {

namespace {

constexpr unsigned char kMagic[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
constexpr uint32_t kMaxRegSect = 0xFFFFFFFA;
constexpr uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr uint32_t kNoStream = 0xFFFFFFFF;

uint32_t le32(std::string_view d, size_t at) {
  if (at + 4 > d.size()) return kNoStream;
  const auto* p = reinterpret_cast<const unsigned char*>(d.data() + at);
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}
uint16_t le16(std::string_view d, size_t at) {
  if (at + 2 > d.size()) return 0xFFFF;
  const auto* p = reinterpret_cast<const unsigned char*>(d.data() + at);
  return static_cast<uint16_t>(p[0] | (p[1] << 8));
}

// Directory names are UTF-16LE; MS-CFB compares them case-insensitively (upper-cased).
std::string utf16_name(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i + 1 < raw.size(); i += 2) {
    uint32_t c = static_cast<unsigned char>(raw[i]) | (static_cast<unsigned char>(raw[i + 1]) << 8);
    if (c == 0) break;
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;  // names never need surrogate pairs
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 32);
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace

Diagnostic CompoundFile::damaged(std::string what) const {
  Diagnostic d;
  d.code = "cfb.damaged";
  d.file = file_;
  d.message = "Office 97-2003 复合文档结构损坏（" + what + "），无法读取；文件可能被截断或不是真正的 .xls，"
              "请用 Excel/WPS 打开修复后另存为 .xlsx";
  return d;
}

std::string_view CompoundFile::sector_bytes(uint32_t id) const {
  // Sector 0 starts right after the header, which fills one sector of 512 or 4096 bytes.
  const uint64_t off = (static_cast<uint64_t>(id) + 1) * sector_;
  if (off >= bytes_.size()) return {};
  return bytes_.substr(static_cast<size_t>(off), sector_);  // a truncated last sector stays short
}

std::optional<Diagnostic> CompoundFile::follow(const std::vector<uint32_t>& table, uint32_t start, uint64_t size,
                                               size_t unit, const std::string* mini, std::string& out) const {
  const bool regular = mini == nullptr;
  const std::string_view source = regular ? std::string_view{} : std::string_view(*mini);
  std::vector<bool> seen(table.size());
  out.reserve(out.size() + static_cast<size_t>(std::min<uint64_t>(size, bytes_.size())));
  uint64_t left = size;
  for (uint32_t id = start; left > 0;) {
    if (id == kEndOfChain) {
      // A chain shorter than the declared size: Excel and LibreOffice read what is there.
      break;
    }
    if (id > kMaxRegSect || id >= table.size()) return damaged("扇区链指向不存在的扇区 " + std::to_string(id));
    if (seen[id]) return damaged("扇区链出现循环");
    seen[id] = true;
    std::string_view s;
    if (regular) {
      s = sector_bytes(id);
      if (s.empty()) break;  // a truncated file: what is there is read, as Excel and LibreOffice do
    } else {
      const uint64_t off = static_cast<uint64_t>(id) * unit;
      if (off >= source.size()) return damaged("迷你扇区 " + std::to_string(id) + " 超出迷你流");
      s = source.substr(static_cast<size_t>(off), unit);
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(left, s.size()));
    out.append(s.data(), take);
    if (s.size() < unit && take < left) {
      out.append(static_cast<size_t>(std::min<uint64_t>(left - take, unit - s.size())), '\0');
      take = static_cast<size_t>(std::min<uint64_t>(left, unit));
    }
    left -= take;
    id = table[id];
  }
  return std::nullopt;
}

Expected<CompoundFile> CompoundFile::open(std::string_view bytes, const std::string& file) {
  CompoundFile cf;
  cf.bytes_ = bytes;
  cf.file_ = file;
  if (bytes.size() < 512 || std::memcmp(bytes.data(), kMagic, 8) != 0) return cf.damaged("文件头不是复合文档标识");
  const uint16_t shift = le16(bytes, 0x1E);
  if (shift != 9 && shift != 12) return cf.damaged("扇区大小字段无效");
  cf.sector_ = size_t{1} << shift;
  const uint16_t mini_shift = le16(bytes, 0x20);
  if (mini_shift < 2 || mini_shift > shift) return cf.damaged("迷你扇区大小字段无效");
  cf.mini_sector_ = size_t{1} << mini_shift;
  cf.mini_cutoff_ = 4096;  // the only value MS-CFB allows; some writers leave the field garbled
  const uint64_t nsectors = bytes.size() / cf.sector_;  // an upper bound for every table below

  // FAT sector ids: 109 in the header, the rest along the DIFAT chain.
  const uint32_t nfat = le32(bytes, 0x2C);
  if (nfat > nsectors) return cf.damaged("FAT 扇区数 " + std::to_string(nfat) + " 超过文件大小");
  std::vector<uint32_t> fat_sectors;
  for (size_t i = 0; i < 109 && fat_sectors.size() < nfat; ++i) fat_sectors.push_back(le32(bytes, 0x4C + i * 4));
  uint32_t difat = le32(bytes, 0x44);
  std::vector<bool> difat_seen(nsectors + 1);
  while (fat_sectors.size() < nfat && difat <= kMaxRegSect) {
    if (difat >= difat_seen.size() || difat_seen[difat]) return cf.damaged("DIFAT 链循环或越界");
    difat_seen[difat] = true;
    std::string_view s = cf.sector_bytes(difat);
    if (s.size() < cf.sector_) return cf.damaged("DIFAT 扇区超出文件末尾");
    for (size_t i = 0; i + 1 < cf.sector_ / 4 && fat_sectors.size() < nfat; ++i) fat_sectors.push_back(le32(s, i * 4));
    difat = le32(s, cf.sector_ - 4);
  }
  // Writers that declare fewer FAT sectors than they list are common; trust what resolves.
  const size_t per = cf.sector_ / 4;
  cf.fat_.reserve(fat_sectors.size() * per);
  for (uint32_t fs : fat_sectors) {
    if (fs > kMaxRegSect) break;
    std::string_view s = cf.sector_bytes(fs);  // past the end of a truncated file: all free
    for (size_t i = 0; i < per; ++i) cf.fat_.push_back(i * 4 + 4 <= s.size() ? le32(s, i * 4) : kEndOfChain);
  }
  if (cf.fat_.empty()) return cf.damaged("没有 FAT");

  // Directory: a chain of 128-byte entries.
  std::string dir;
  {
    std::vector<bool> seen(cf.fat_.size());
    for (uint32_t id = le32(bytes, 0x30); id != kEndOfChain;) {
      if (id > kMaxRegSect || id >= cf.fat_.size()) return cf.damaged("目录扇区链越界");
      if (seen[id]) return cf.damaged("目录扇区链出现循环");
      seen[id] = true;
      std::string_view s = cf.sector_bytes(id);
      if (s.size() < cf.sector_) break;  // a truncated file: keep the entries read so far
      dir.append(s);
      id = cf.fat_[id];
    }
  }
  for (size_t off = 0; off + 128 <= dir.size(); off += 128) {
    std::string_view e(dir.data() + off, 128);
    Entry en;
    const uint16_t len = le16(e, 0x40);
    en.name = utf16_name(e.substr(0, std::min<size_t>(len, 64)));
    en.type = static_cast<uint8_t>(e[0x42]);
    en.left = le32(e, 0x44);
    en.right = le32(e, 0x48);
    en.child = le32(e, 0x4C);
    en.start = le32(e, 0x74);
    en.size = le32(e, 0x78);
    // Version 3 files leave garbage in the size's high half; version 4 may use it.
    if (cf.sector_ == 4096) en.size |= static_cast<uint64_t>(le32(e, 0x7C)) << 32;
    cf.entries_.push_back(std::move(en));
  }
  if (cf.entries_.empty() || cf.entries_[0].type != 5) return cf.damaged("没有根目录项");

  // Mini FAT and the mini stream (held by the root entry), for streams below the cutoff.
  const uint32_t nminifat = le32(bytes, 0x40);
  const uint32_t minifat_start = le32(bytes, 0x3C);
  if (nminifat > 0 && minifat_start <= kMaxRegSect) {
    // The count is often wrong (ExcelLibrary writes 17 for one sector): the chain decides.
    std::string raw;
    if (auto err = cf.follow(cf.fat_, minifat_start, std::min<uint64_t>(nminifat, nsectors) * cf.sector_, cf.sector_, nullptr, raw))
      return *err;
    for (size_t i = 0; i + 4 <= raw.size(); i += 4) cf.mini_fat_.push_back(le32(raw, i));
    Entry& root = cf.entries_[0];
    const uint64_t mini_size = std::min<uint64_t>(root.size, uint64_t{cf.mini_fat_.size()} * cf.mini_sector_);
    if (auto err = cf.follow(cf.fat_, root.start, mini_size, cf.sector_, nullptr, cf.mini_stream_)) return *err;
  }
  return cf;
}

int CompoundFile::child_named(uint32_t storage, std::string_view name) const {
  // The children of a storage form a (red-black) binary tree; walk all of it, each node once.
  std::vector<uint32_t> stack{entries_[storage].child};
  std::vector<bool> seen(entries_.size());
  while (!stack.empty()) {
    uint32_t i = stack.back();
    stack.pop_back();
    if (i >= entries_.size() || seen[i]) continue;
    seen[i] = true;
    const Entry& e = entries_[i];
    if ((e.type == 1 || e.type == 2) && same_name(e.name, name)) return static_cast<int>(i);
    stack.push_back(e.left);
    stack.push_back(e.right);
  }
  return -1;
}

int CompoundFile::find(std::string_view path) const {
  uint32_t at = 0;
  while (true) {
    size_t slash = path.find('/');
    int i = child_named(at, path.substr(0, slash));
    if (i < 0) return -1;
    if (slash == std::string_view::npos) return entries_[static_cast<size_t>(i)].type == 2 ? i : -1;
    at = static_cast<uint32_t>(i);
    path.remove_prefix(slash + 1);
  }
}

Expected<std::string> CompoundFile::read(int index) const {
  if (index < 0 || static_cast<size_t>(index) >= entries_.size()) return damaged("目录项不存在");
  const Entry& e = entries_[static_cast<size_t>(index)];
  std::string out;
  if (e.size < mini_cutoff_) {
    auto err = e.size <= mini_stream_.size() ? follow(mini_fat_, e.start, e.size, mini_sector_, &mini_stream_, out)
                                             : std::optional<Diagnostic>(damaged("流“" + e.name + "”的大小超出迷你流"));
    if (!err) return out;
    // Some writers (ExcelLibrary) put small streams in regular sectors anyway.
    out.clear();
    if (follow(fat_, e.start, e.size, sector_, nullptr, out)) return *err;
  } else {
    // A truncated file declares more than it holds and is read as far as it goes; a size past
    // twice the file is no truncation but a damaged directory.
    if (e.size / 2 > bytes_.size()) return damaged("流“" + e.name + "”声明的大小 " + std::to_string(e.size) + " 超过文件本身");
    if (auto err = follow(fat_, e.start, e.size, sector_, nullptr, out)) return *err;
  }
  return out;
}

Expected<std::string> CompoundFile::read(std::string_view path) const {
  int i = find(path);
  if (i < 0) {
    Diagnostic d = damaged("缺少流“" + std::string(path) + "”");
    d.code = "cfb.no_stream";
    return d;
  }
  return read(i);
}

}  // namespace jixiao
