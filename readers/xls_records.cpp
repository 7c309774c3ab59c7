#include "readers/xls_records.h"

#include "readers/legacy_text.h"

namespace jixiao::xls {

void Pieces::chars(size_t count, bool high_byte, std::string& out) {
  while (count > 0) {
    if (i_ < parts_.size() && off_ >= parts_[i_].size()) {
      // The characters go on in the next CONTINUE record, which starts with its own option byte.
      settle();
      if (i_ >= parts_.size()) break;
      high_byte = parts_[i_][off_++] & 1;
      continue;
    }
    if (i_ >= parts_.size()) break;
    const std::string_view part = parts_[i_];
    const size_t width = high_byte ? 2 : 1;
    const size_t avail = (part.size() - off_) / width;
    if (avail == 0) {  // half a UTF-16 unit at the end of a record: damaged
      off_ = part.size();
      continue;
    }
    const size_t take = std::min(count, avail);
    const std::string_view bytes = part.substr(off_, take * width);
    if (high_byte) append_utf16le(bytes, out);
    else append_latin1(bytes, out);
    off_ += take * width;
    count -= take;
  }
  if (count > 0) overrun_ = true;
}

void read_biff8_string(Pieces& p, size_t cch_bytes, std::string& out) {
  const size_t cch = cch_bytes == 1 ? p.byte() : p.word();
  const uint8_t flags = p.byte();
  const size_t runs = (flags & 0x08) ? p.word() : 0;
  const size_t ext = (flags & 0x04) ? p.dword() : 0;
  p.chars(cch, flags & 0x01, out);
  p.skip(runs * 4);
  p.skip(ext);
}

const char* error_text(uint8_t code) {
  switch (code) {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    case 0x2A: return "#N/A";
    case 0x2B: return "#GETTING_DATA";
    default: return "#N/A";
  }
}

double rk_value(uint32_t rk) {
  double v;
  if (rk & 2) {
    v = static_cast<double>(static_cast<int32_t>(rk) >> 2);
  } else {
    const uint64_t bits = static_cast<uint64_t>(rk & 0xFFFFFFFCu) << 32;
    std::memcpy(&v, &bits, 8);
  }
  return (rk & 1) ? v / 100 : v;
}

}  // namespace jixiao::xls
