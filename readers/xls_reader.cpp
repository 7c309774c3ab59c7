// .xls -> Workbook: the compound file's Workbook/Book stream, its globals (code page, date system,
// formats, XFs, sheets, shared strings), then each sheet's substream (cells, merges).
#include "readers/xls_reader.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "readers/cfb.h"
#include "readers/legacy_text.h"
#include "readers/number_format.h"
#include "readers/xls_crypto.h"
#include "readers/xls_records.h"

namespace jixiao {

namespace {

using namespace xls;

constexpr size_t kNone = static_cast<size_t>(-1);

// The Windows code page of a font character set (a FONT record's bCharSet); 0 when none applies.
uint16_t charset_codepage(uint8_t charset) {
  switch (charset) {
    case 128: return 932;
    case 129: return 949;
    case 134: return 936;
    case 136: return 950;
    case 161: return 1253;
    case 162: return 1254;
    case 177: return 1255;
    case 178: return 1256;
    case 186: return 1257;
    case 204: return 1251;
    case 222: return 874;
    case 238: return 1250;
    default: return 0;
  }
}

struct SheetEntry {
  std::string name;
  SheetState state = SheetState::Visible;
  uint8_t type = 0;   // 0 worksheet, 1 macro sheet, 2 chart, 6 VBA module
  uint32_t pos = 0;   // stream offset of its BOF
};

class BiffReader {
 public:
  BiffReader(std::string_view stream, int biff, const std::string& file, Diagnostics& diags)
      : s_(stream), biff_(biff), file_(file), diags_(diags), codepage_(std::make_unique<CodePage>(1252)) {}

  Expected<Workbook> run(bool bare_stream);

 private:
  // Reads records from pos until the substream's EOF; cell records go to `sheet` (null: globals).
  void substream(size_t pos, Sheet* sheet);
  void global_record(const Record& r, RecordReader& rr);
  void cell_record(const Record& r, RecordReader& rr, Sheet& sheet);
  Cell& add_cell(Sheet& sheet, uint32_t row, uint32_t col, uint32_t xf);
  uint32_t add_text(std::string_view s) { return wb_.strings.add(s); }
  // An 8-bit (BIFF2-5) or BIFF8 string of a simple record at `at`; cch_bytes: 1 or 2.
  std::string short_string(std::string_view d, size_t at, size_t cch_bytes);
  Pieces with_continues(const Record& r, RecordReader& rr);
  void finish_formats();
  bool is_bof_at(size_t pos) const;
  std::vector<size_t> substream_starts() const;

  std::string_view s_;
  int biff_;
  const std::string& file_;
  Diagnostics& diags_;
  Workbook wb_;
  std::unique_ptr<CodePage> codepage_;  // BIFF2-5 strings (BIFF8 stores UTF-16)
  bool has_codepage_ = false, font_seen_ = false;
  std::map<uint32_t, std::string> formats_;  // ifmt -> code (BIFF2-4: by order of appearance)
  uint32_t format_count_ = 0;
  std::vector<uint32_t> xf_formats_;         // ifmt of each XF
  std::set<size_t> read_at_;                 // substreams already read as a sheet     // cell XF -> the style XF whose number format it takes
  std::vector<SheetEntry> entries_;
  uint32_t sst_count_ = 0;
  uint32_t biff2_xf_ = 0;                    // the IXFE record before a BIFF2 cell
  Cell scratch_;                             // where cells past column IV go
  size_t out_of_range_ = 0;
  size_t pending_string_ = kNone;
  bool worksheet_only_ = false;
  size_t records_read_ = 0, record_budget_ = 0;
  bool budget_warned_ = false;             // index of a formula cell waiting for its STRING record
  std::optional<Record> filepass_;
};

Pieces BiffReader::with_continues(const Record& r, RecordReader& rr) {
  Pieces p(r.data);
  Record c;
  while (rr.peek_id() == kContinue && rr.next(c)) p.add(c.data);
  return p;
}

std::string BiffReader::short_string(std::string_view d, size_t at, size_t cch_bytes) {
  std::string out;
  if (at >= d.size()) return out;
  if (biff_ >= 8) {
    Pieces p(d.substr(at));
    read_biff8_string(p, cch_bytes, out);
    return out;
  }
  const size_t cch = cch_bytes == 1 ? static_cast<unsigned char>(d[at]) : u16(d, at);
  if (at + cch_bytes >= d.size()) return out;
  codepage_->append(d.substr(at + cch_bytes, cch), out);
  return out;
}

Cell& BiffReader::add_cell(Sheet& sheet, uint32_t row, uint32_t col, uint32_t xf) {
  // A BIFF sheet has 256 columns (IV); Excel and LibreOffice ignore records past them, and so do we
  // (they land in a scratch cell that is dropped).
  if (col > 255) {
    if (!out_of_range_++)
      diags_.warn("xls.cell_out_of_range", "工作表“" + sheet.name + "”有单元格记录超出 .xls 的 256 列，已忽略", file_, sheet.part,
                  sheet.name);
    scratch_ = Cell{};
    return scratch_;
  }
  Cell c;
  c.row = row;
  c.col = col;
  c.style = xf;
  sheet.cells.push_back(c);
  return sheet.cells.back();
}

void BiffReader::global_record(const Record& r, RecordReader& rr) {
  const std::string_view d = r.data;
  switch (r.id) {
    case kFilePass:
      if (!filepass_) filepass_ = r;
      break;
    case kCodePage:
      has_codepage_ = true;
      if (biff_ < 8 && d.size() >= 2 && u16(d, 0) != 1200) codepage_ = std::make_unique<CodePage>(u16(d, 0));
      break;
    case kFont:
      // Without a CODEPAGE record, BIFF5 text is in the code page of the default font's character
      // set (LibreOffice does the same): 134 GB2312 -> 936, 204 Russian -> 1251, ...
      if (biff_ == 5 && !has_codepage_ && !font_seen_ && d.size() > 12)
        if (uint16_t cp = charset_codepage(static_cast<unsigned char>(d[12]))) codepage_ = std::make_unique<CodePage>(cp);
      font_seen_ = true;
      break;
    case kDateMode:
      wb_.date1904 = d.size() >= 2 && u16(d, 0) == 1;
      break;
    case kFormat:
    case kFormat23:
      if (biff_ >= 8) {
        Pieces p = with_continues(r, rr);
        uint32_t id = p.word();
        std::string code;
        read_biff8_string(p, 2, code);
        formats_[id] = std::move(code);
      } else if (biff_ == 5) {
        formats_[u16(d, 0)] = short_string(d, 2, 1);
      } else {
        // BIFF2-4: formats have no id; XFs refer to them by order. BIFF4 puts two bytes first.
        formats_[format_count_++] = short_string(d, r.id == kFormat ? 2 : 0, 1);
      }
      break;
    case kXf:
      xf_formats_.push_back(u16(d, 2));
      break;
    case kXf4:
    case kXf3:
      xf_formats_.push_back(d.size() > 1 ? static_cast<unsigned char>(d[1]) : 0);
      break;
    case kXf2:
      xf_formats_.push_back(d.size() > 2 ? static_cast<unsigned char>(d[2]) & 0x3F : 0);
      break;
    case kBoundSheet: {
      SheetEntry e;
      e.pos = u32(d, 0);
      const uint8_t state = d.size() > 4 ? static_cast<unsigned char>(d[4]) & 3 : 0;
      e.state = state == 1 ? SheetState::Hidden : state >= 2 ? SheetState::VeryHidden : SheetState::Visible;
      e.type = d.size() > 5 ? static_cast<unsigned char>(d[5]) : 0;
      e.name = short_string(d, 6, 1);
      entries_.push_back(std::move(e));
      break;
    }
    case kSst: {
      Pieces p = with_continues(r, rr);
      p.dword();
      const uint32_t unique = p.dword();
      // The declared count is only a hint (files overstate and understate it): read what is there.
      std::string s;
      for (uint32_t i = 0; !p.at_end() && !p.overrun(); ++i) {
        s.clear();
        read_biff8_string(p, 2, s);
        add_text(s);
        (void)unique;
      }
      sst_count_ = static_cast<uint32_t>(wb_.strings.size());
      break;
    }
    default:
      break;
  }
}

void BiffReader::cell_record(const Record& r, RecordReader& rr, Sheet& sheet) {
  const std::string_view d = r.data;
  const bool biff2 = biff_ == 2;
  // BIFF2 cells carry their XF in the attribute bytes (63: the IXFE record before the cell).
  auto xf2 = [&](size_t at) -> uint32_t {
    uint32_t x = at < d.size() ? static_cast<unsigned char>(d[at]) & 0x3F : 0;
    return x == 63 ? biff2_xf_ : x;
  };
  // Between a formula and its STRING record only its shared-formula, array or table record may come.
  if (r.id != kString && r.id != kString2 && r.id != 0x04BC && r.id != 0x0221 && r.id != 0x0236) pending_string_ = kNone;
  switch (r.id) {
    case kNumber:
      if (d.size() >= 14) {
        Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), u16(d, 4));
        c.type = CellType::Number;
        c.number = f64(d, 6);
      }
      break;
    case kNumber2:
      if (d.size() >= 15) {
        Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), xf2(4));
        c.type = CellType::Number;
        c.number = f64(d, 7);
      }
      break;
    case kInteger2:
      if (d.size() >= 9) {
        Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), xf2(4));
        c.type = CellType::Number;
        c.number = u16(d, 7);
      }
      break;
    case kRk:
      if (d.size() >= 10) {
        Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), u16(d, 4));
        c.type = CellType::Number;
        c.number = rk_value(u32(d, 6));
      }
      break;
    case kMulRk:
      if (d.size() >= 6) {
        const uint32_t row = u16(d, 0), first = u16(d, 2);
        for (size_t i = 0; 4 + i * 6 + 6 <= d.size(); ++i) {
          Cell& c = add_cell(sheet, row, first + static_cast<uint32_t>(i), u16(d, 4 + i * 6));
          c.type = CellType::Number;
          c.number = rk_value(u32(d, 4 + i * 6 + 2));
        }
      }
      break;
    case kLabelSst:
      if (d.size() >= 10) {
        Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), u16(d, 4));
        const uint32_t isst = u32(d, 6);
        c.type = CellType::String;
        c.text = isst < sst_count_ ? isst : add_text("");
      }
      break;
    case kLabel:
    case kRString:
      if (d.size() >= 8) {
        std::string s;
        if (biff_ >= 8) {
          Pieces p = with_continues(r, rr);
          p.skip(6);
          read_biff8_string(p, 2, s);
        } else {
          s = short_string(d, 6, 2);
        }
        Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), u16(d, 4));
        c.type = CellType::String;
        c.text = add_text(s);
      }
      break;
    case kLabel2:
      if (d.size() >= 8) {
        Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), xf2(4));
        c.type = CellType::String;
        c.text = add_text(short_string(d, 7, 1));
      }
      break;
    case kBoolErr:
    case kBoolErr2: {
      const size_t at = r.id == kBoolErr ? 6 : 7;
      if (d.size() >= at + 2) {
        Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), r.id == kBoolErr ? u16(d, 4) : xf2(4));
        const uint8_t v = static_cast<unsigned char>(d[at]);
        if (d[at + 1]) {
          c.type = CellType::Error;
          c.text = add_text(error_text(v));
        } else {
          c.type = CellType::Boolean;
          c.number = v != 0;
        }
      }
      break;
    }
    case kBlank:
      if (d.size() >= 6) add_cell(sheet, u16(d, 0), u16(d, 2), u16(d, 4));
      break;
    case kBlank2:
      if (d.size() >= 7) add_cell(sheet, u16(d, 0), u16(d, 2), xf2(4));
      break;
    case kMulBlank:
      if (d.size() >= 6) {
        const uint32_t row = u16(d, 0), first = u16(d, 2);
        for (size_t i = 0; 4 + i * 2 + 2 + 2 <= d.size(); ++i)
          add_cell(sheet, row, first + static_cast<uint32_t>(i), u16(d, 4 + i * 2));
      }
      break;
    case kFormula:
    case kFormula3:
    case kFormula4: {
      const bool old = biff2 && r.id == kFormula;
      const size_t at = old ? 7 : 6;  // the cached result
      if (d.size() < at + 8) break;
      Cell& c = add_cell(sheet, u16(d, 0), u16(d, 2), old ? xf2(4) : u16(d, 4));
      const std::string_view v = d.substr(at, 8);
      if (!old && u16(v, 6) == 0xFFFF) {
        switch (static_cast<unsigned char>(v[0])) {
          case 0:  // a string, in the STRING record that follows
            c.type = CellType::String;
            c.text = add_text("");
            pending_string_ = &c == &scratch_ ? kNone : sheet.cells.size() - 1;
            break;
          case 1:
            c.type = CellType::Boolean;
            c.number = v[2] != 0;
            break;
          case 2:
            c.type = CellType::Error;
            c.text = add_text(error_text(static_cast<unsigned char>(v[2])));
            break;
          default:  // 3: an empty string
            c.type = CellType::String;
            c.text = add_text("");
            break;
        }
      } else {
        c.type = CellType::Number;
        c.number = f64(v, 0);
      }
      break;
    }
    case kString:
    case kString2:
      if (pending_string_ < sheet.cells.size()) {
        std::string s;
        if (biff_ >= 8) {
          Pieces p = with_continues(r, rr);
          read_biff8_string(p, 2, s);
        } else {
          s = short_string(d, 0, r.id == kString2 ? 1 : 2);
        }
        sheet.cells[pending_string_].text = add_text(s);
      }
      pending_string_ = kNone;
      break;
    case kIxfe2:
      biff2_xf_ = u16(d, 0);
      break;
    case kMergedCells:
      for (size_t i = 0, n = u16(d, 0); i < n && 2 + i * 8 + 8 <= d.size(); ++i) {
        const size_t at = 2 + i * 8;
        CellRange m{{u16(d, at), u16(d, at + 4)}, {u16(d, at + 2), u16(d, at + 6)}};
        if (m.first.row <= m.last.row && m.first.col <= m.last.col) sheet.merges.push_back(m);
      }
      break;
    case kDimensions:
      if (biff_ >= 8 && d.size() >= 12 && u32(d, 4) > u32(d, 0) && u16(d, 10) > u16(d, 8))
        sheet.dimension = CellRange{{u32(d, 0), u16(d, 8)}, {u32(d, 4) - 1, u16(d, 10) - 1u}};
      else if (biff_ < 8 && d.size() >= 8 && u16(d, 2) > u16(d, 0) && u16(d, 6) > u16(d, 4))
        sheet.dimension = CellRange{{u16(d, 0), u16(d, 4)}, {u16(d, 2) - 1u, u16(d, 6) - 1u}};
      // Room for the cells the sheet declares, but never more than its bytes can hold (a MULRK
      // cell takes 6): growing a million-cell array step by step cost 40% of the time in page faults.
      if (sheet.dimension && sheet.cells.empty()) {
        const uint64_t area = uint64_t{sheet.dimension->last.row - sheet.dimension->first.row + 1} *
                              (sheet.dimension->last.col - sheet.dimension->first.col + 1);
        sheet.cells.reserve(static_cast<size_t>(std::min<uint64_t>(area, (s_.size() - r.pos) / 6)));
      }
      break;
    default:
      break;
  }
}

void BiffReader::substream(size_t pos, Sheet* sheet) {
  RecordReader rr(s_, pos);
  Record r;
  int depth = 0;  // embedded substreams (charts in a worksheet) are skipped whole
  bool first = true;
  while (rr.next(r)) {
    // Every record is read a bounded number of times in all, however the sheet offsets of a
    // damaged file overlap (a fuzzed file with thousands of sheets all at one offset).
    if (++records_read_ > record_budget_) {
      if (!budget_warned_)
        diags_.warn("xls.overlapping_sheets", "工作表的位置记录互相重叠（文件已损坏），其余工作表按空表处理", file_);
      budget_warned_ = true;
      break;
    }
    const bool bof = r.id == kBof || r.id == kBof2 || r.id == kBof3 || r.id == kBof4;
    if (bof) {
      if (!first) ++depth;
      first = false;
      continue;
    }
    first = false;
    if (r.id == kEof) {
      if (depth == 0) break;
      --depth;
      continue;
    }
    if (depth > 0) continue;
    // A sheet substream does not change the workbook's globals (strings, formats, sheets), except
    // in BIFF2-4, where the one substream is both.
    if (!sheet || worksheet_only_) global_record(r, rr);
    if (sheet) cell_record(r, rr, *sheet);
  }
  pending_string_ = kNone;
}

bool BiffReader::is_bof_at(size_t pos) const {
  if (pos + 4 > s_.size()) return false;
  const uint16_t id = u16(s_, pos);
  return id == kBof || id == kBof4 || id == kBof3 || id == kBof2;
}

std::vector<size_t> BiffReader::substream_starts() const {
  std::vector<size_t> out;
  RecordReader rr(s_, 0);
  Record r;
  int depth = 0;
  while (rr.next(r)) {
    if (r.id == kBof || r.id == kBof2 || r.id == kBof3 || r.id == kBof4) {
      if (depth++ == 0 && r.pos > 0) out.push_back(r.pos);
    } else if (r.id == kEof && depth > 0) {
      --depth;
    }
  }
  return out;
}

void BiffReader::finish_formats() {
  wb_.style_formats.reserve(xf_formats_.size());
  for (uint32_t ifmt : xf_formats_) {
    auto it = formats_.find(ifmt);
    if (it != formats_.end() && !(biff_ >= 5 && ifmt == 0)) wb_.style_formats.push_back(it->second);
    else if (biff_ >= 5) wb_.style_formats.emplace_back(builtin_format_code(ifmt));
    else wb_.style_formats.emplace_back("General");
  }
}

Expected<Workbook> BiffReader::run(bool bare_stream) {
  wb_.file = file_;
  // The globals: up to the first EOF (BIFF2-4 worksheets have no separate globals).
  Sheet single;
  // BIFF2-4 files, and BIFF5 streams saved as a lone worksheet, have no separate globals.
  const bool worksheet_only = biff_ < 5 || (s_.size() >= 8 && u16(s_, 6) == 0x0010);
  worksheet_only_ = worksheet_only;
  record_budget_ = 4 * (s_.size() / 4 + 16);  // records are at least 4 bytes: every one read ~4 times
  substream(0, worksheet_only ? &single : nullptr);
  if (filepass_) return Diagnostic::error("xls.encrypted_internal", "内部错误：加密记录未在读取前处理", file_);
  finish_formats();

  if (worksheet_only) {
    single.name = "Sheet1";
    single.part = bare_stream ? "BIFF" : "Book";
    wb_.sheets.push_back(std::move(single));
  } else {
    // Where each substream after the globals starts, for BOUNDSHEET offsets that miss their BOF.
    const std::vector<size_t> starts = substream_starts();
    if (entries_.empty())  // no BOUNDSHEET at all: every worksheet substream is a sheet
      for (size_t i = 0; i < starts.size(); ++i) entries_.push_back(SheetEntry{"", SheetState::Visible, 0, static_cast<uint32_t>(starts[i])});
    for (size_t k = 0; k < entries_.size(); ++k) {
      const SheetEntry& e = entries_[k];
      if (e.type == 6) continue;  // VBA modules are code, not sheets
      Sheet sh;
      // A nameless sheet gets the name Excel and LibreOffice give a new one.
      sh.name = e.name.empty() ? "Sheet" + std::to_string(k + 1) : e.name;
      sh.state = e.state;
      sh.part = biff_ >= 8 ? "Workbook" : "Book";
      size_t pos = e.pos;
      if (pos == 0 || !is_bof_at(pos)) {
        pos = k < starts.size() ? starts[k] : s_.size();
        if (!is_bof_at(pos))
          diags_.warn("xls.bad_sheet_offset", "工作表“" + sh.name + "”的位置记录无效，按空表处理", file_, sh.part, sh.name);
      }
      // Chart sheets hold no cells; the substream's own BOF says what it is. Two sheets never
      // share one substream (only damaged files point them there).
      if (is_bof_at(pos) && pos > 0 && read_at_.insert(pos).second && !(pos + 8 <= s_.size() && u16(s_, pos + 6) == 0x0020))
        substream(pos, &sh);
      wb_.sheets.push_back(std::move(sh));
    }
  }
  if (wb_.sheets.empty()) {
    diags_.warn("xls.no_sheets", "工作簿中找不到任何工作表（文件可能已损坏），按一张空表处理", file_);
    Sheet sh;
    sh.name = "Sheet1";
    sh.part = biff_ >= 8 ? "Workbook" : "Book";
    wb_.sheets.push_back(std::move(sh));
  }
  for (Sheet& sh : wb_.sheets) {
    auto& cells = sh.cells;
    // Records come row by row but nothing guarantees it; the last record for a cell wins.
    auto before = [](const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; };
    if (!std::is_sorted(cells.begin(), cells.end(), before)) std::stable_sort(cells.begin(), cells.end(), before);
    size_t out = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (out > 0 && cells[out - 1].row == cells[i].row && cells[out - 1].col == cells[i].col) cells[out - 1] = cells[i];
      else cells[out++] = cells[i];
    }
    cells.resize(out);
  }
  return std::move(wb_);
}

// The BIFF version from the first BOF record: 2, 3, 4, 5, 8; 0 when there is none.
int biff_version(std::string_view stream, bool workbook_stream) {
  if (stream.size() < 8) return 0;
  switch (u16(stream, 0)) {
    case kBof2: return 2;
    case kBof3: return 3;
    case kBof4: return 4;
    case kBof: {
      const uint16_t v = u16(stream, 4);
      if (v == 0x0600) return 8;
      if (v == 0x0500 || v == 0x0400) return 5;
      return workbook_stream ? 8 : 5;
    }
    default: return 0;
  }
}

Expected<Workbook> read_stream(std::string stream, bool workbook_stream, bool bare, const std::string& file,
                               Diagnostics& diags, const XlsOptions& opt) {
  const int biff = biff_version(stream, workbook_stream);
  if (biff == 0)
    return Diagnostic::error("xls.no_bof",
                 "工作簿数据流不以 BOF 记录开头，文件已损坏或不是 Excel 工作簿；请用 Excel/WPS 打开修复后另存为 .xlsx", file);
  // A FILEPASS record in the globals means everything after it is encrypted.
  RecordReader rr(stream, 0);
  Record r;
  bool encrypted = false;
  while (rr.next(r)) {
    if (r.id == kFilePass) {
      if (auto err = decrypt_stream(stream, r, opt.password, file)) return *err;
      encrypted = true;
      // Blank the FILEPASS id so the reader does not stop on it (the bytes stay in memory only).
      stream[r.pos] = stream[r.pos + 1] = static_cast<char>(0xFF);
      break;
    }
    if (r.id == kEof) break;
  }
  if (biff == 2 && stream.size() > 8) diags.warn("xls.biff2", "这是 Excel 2.x（BIFF2）工作表，只读取单元格的值与数字格式", file);
  BiffReader reader(stream, biff, file, diags);
  auto wb = reader.run(bare);
  if (wb) wb->encrypted = encrypted;
  return wb;
}

}  // namespace

Expected<Workbook> read_xls_memory(std::string_view bytes, const std::string& file, Diagnostics& diags,
                                   const XlsOptions& opt) {
  if (bytes.size() >= 8 && static_cast<unsigned char>(bytes[0]) != 0xD0)
    return read_stream(std::string(bytes), false, true, file, diags, opt);  // a bare BIFF stream
  auto cf = CompoundFile::open(bytes, file);
  if (!cf) return cf.error();
  int at = cf->find("Workbook");
  bool workbook_stream = at >= 0;
  if (at < 0) at = cf->find("Book");
  if (at < 0) {
    if (cf->has("EncryptedPackage"))
      return Diagnostic::error("xls.encrypted_ooxml", "这是加密的 .xlsx 工作簿，不是 .xls", file);
    if (cf->has("WordDocument")) return Diagnostic::error("xls.not_workbook", "这是 Word 97-2003 文档（.doc），不是 Excel 工作簿", file);
    if (cf->has("PowerPoint Document"))
      return Diagnostic::error("xls.not_workbook", "这是 PowerPoint 97-2003 演示文稿（.ppt），不是 Excel 工作簿", file);
    return Diagnostic::error("xls.no_workbook_stream",
                 "复合文档中没有工作簿数据流（Workbook/Book），这不是 Excel 工作簿或文件已损坏；请用 Excel/WPS 打开后另存为 .xlsx", file);
  }
  auto stream = cf->read(at);
  if (!stream) return stream.error();
  return read_stream(std::move(stream).value(), workbook_stream, false, file, diags, opt);
}

}  // namespace jixiao
