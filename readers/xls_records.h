// BIFF record plumbing shared by the .xls reader's source files; not installed.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao::xls {

// Record ids (MS-XLS 2.3; the BIFF2-4 variants where they differ).
enum RecordId : uint16_t {
  kDimensions2 = 0x0000, kBlank2 = 0x0001, kInteger2 = 0x0002, kNumber2 = 0x0003, kLabel2 = 0x0004,
  kBoolErr2 = 0x0005, kFormula = 0x0006, kString2 = 0x0007, kBof2 = 0x0009, kEof = 0x000A,
  kName = 0x0018, kFormat23 = 0x001E, kDateMode = 0x0022, kFilePass = 0x002F, kContinue = 0x003C,
  kFont = 0x0031, kCodePage = 0x0042, kXf2 = 0x0043, kIxfe2 = 0x0044, kBoundSheet = 0x0085, kMulRk = 0x00BD,
  kMulBlank = 0x00BE, kRString = 0x00D6, kXf = 0x00E0, kMergedCells = 0x00E5, kSst = 0x00FC,
  kLabelSst = 0x00FD, kDimensions = 0x0200, kBlank = 0x0201, kNumber = 0x0203, kLabel = 0x0204,
  kBoolErr = 0x0205, kFormula3 = 0x0206, kString = 0x0207, kBof3 = 0x0209, kXf3 = 0x0243,
  kRk = 0x027E, kFormula4 = 0x0406, kBof4 = 0x0409, kFormat = 0x041E, kXf4 = 0x0443, kBof = 0x0809,
};

inline uint16_t u16(std::string_view d, size_t at) {
  if (at + 2 > d.size()) return 0;
  return static_cast<uint16_t>(static_cast<unsigned char>(d[at]) | (static_cast<unsigned char>(d[at + 1]) << 8));
}
inline uint32_t u32(std::string_view d, size_t at) {
  if (at + 4 > d.size()) return 0;
  return u16(d, at) | (static_cast<uint32_t>(u16(d, at + 2)) << 16);
}
inline double f64(std::string_view d, size_t at) {
  if (at + 8 > d.size()) return 0;
  double v;
  std::memcpy(&v, d.data() + at, 8);  // IEEE 754 little-endian, as BIFF stores it
  return v;
}

struct Record {
  uint16_t id = 0;
  size_t pos = 0;         // offset of the record header in the stream
  std::string_view data;  // may be shorter than declared when the stream is truncated
};

// Walks the records of a BIFF stream from a position.
class RecordReader {
 public:
  RecordReader(std::string_view stream, size_t pos) : s_(stream), pos_(pos) {}
  bool next(Record& r) {
    if (pos_ + 4 > s_.size()) return false;
    r.id = u16(s_, pos_);
    const size_t len = u16(s_, pos_ + 2);
    r.pos = pos_;
    r.data = s_.substr(pos_ + 4, std::min(len, s_.size() - pos_ - 4));
    pos_ += 4 + len;
    return true;
  }
  uint16_t peek_id() const { return pos_ + 4 <= s_.size() ? u16(s_, pos_) : 0xFFFF; }
  size_t pos() const { return pos_; }

 private:
  std::string_view s_;
  size_t pos_;
};

// A record's data followed by its CONTINUE records' data, read as one sequence except inside
// character arrays, where each CONTINUE starts with a fresh option byte (compressed or UTF-16).
class Pieces {
 public:
  explicit Pieces(std::string_view first) { parts_.push_back(first); }
  void add(std::string_view more) { parts_.push_back(more); }
  bool at_end() {
    settle();
    return i_ >= parts_.size();
  }
  uint8_t byte() {
    settle();
    if (i_ >= parts_.size()) {
      overrun_ = true;
      return 0;
    }
    return static_cast<uint8_t>(parts_[i_][off_++]);
  }
  uint16_t word() { return static_cast<uint16_t>(byte() | (byte() << 8)); }
  uint32_t dword() { return word() | (static_cast<uint32_t>(word()) << 16); }
  void skip(size_t n) {
    while (n > 0) {
      settle();
      if (i_ >= parts_.size()) {
        overrun_ = true;
        return;
      }
      size_t take = std::min(n, parts_[i_].size() - off_);
      off_ += take;
      n -= take;
    }
  }
  // BIFF8 characters: `count` of them, 1 byte each (high_byte false) or 2; appended as UTF-8.
  void chars(size_t count, bool high_byte, std::string& out);
  bool overrun() const { return overrun_; }

 private:
  void settle() {
    while (i_ < parts_.size() && off_ >= parts_[i_].size()) {
      ++i_;
      off_ = 0;
    }
  }
  std::vector<std::string_view> parts_;
  size_t i_ = 0, off_ = 0;
  bool overrun_ = false;
};

// Reads an XLUnicodeRichExtendedString (SST entries, and the simpler strings of LABEL, STRING,
// FORMAT when `cch_bytes` is 2 and the option byte follows): count, option byte, optional run
// count and phonetic size, the characters, then the runs and phonetic data are skipped.
void read_biff8_string(Pieces& p, size_t cch_bytes, std::string& out);

// "#DIV/0!" ... for a BIFF error code; "#N/A" for an unknown one.
const char* error_text(uint8_t code);

// An RK number (MS-XLS 2.5.217): a 30-bit integer or the top of a double, maybe / 100.
double rk_value(uint32_t rk);

}  // namespace jixiao::xls
