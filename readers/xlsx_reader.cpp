// XLSX package -> Workbook: relationships, workbook.xml, styles, shared strings, then the sheets
// (scanned in parallel on the process's pool), then formulas saved without values.
#include "readers/xlsx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "core/parallel.h"
#include "readers/number_format.h"
#include "readers/office_crypto.h"
#include "readers/ooxml_package.h"
#include "readers/sniff.h"
#include "readers/xls_reader.h"
#include "readers/xlsx_internal.h"
#include "readers/xml_scanner.h"

namespace jixiao {

namespace {

using ooxml::attr;
using ooxml::child;
using ooxml::each_child;
using ooxml::local_name;
using ooxml::rels_part_of;
using ooxml::root;
using Relationships = std::unordered_map<std::string, ooxml::Relationship>;  // by id

class Reader {
 public:
  Reader(const ZipPackage& pkg, std::string_view bytes, Diagnostics& diags, const XlsxOptions& opt)
      : pkg_(pkg), bytes_(bytes), file_(pkg.file()), diags_(diags), opt_(opt) {}

  Expected<Workbook> run();
  // Everything but the cells: sheets and their parts, names, styles, shared strings.
  std::optional<Diagnostic> read_book(Workbook& wb, std::vector<std::string>& sheet_parts);

 private:
  std::optional<Diagnostic> load_xml(const std::string& part, pugi::xml_document& doc);
  Relationships load_rels(const std::string& source_part);
  std::string find_workbook_part();
  std::optional<Diagnostic> read_styles(Workbook& wb, const std::string& part);
  std::optional<Diagnostic> read_sheets(Workbook& wb, const std::vector<std::string>& parts);
  std::optional<Diagnostic> check_workbook_root(pugi::xml_node book);
  std::optional<Diagnostic> check_unread_cells(const Workbook& wb);
  std::optional<Diagnostic> check_text_budget(const Workbook& wb);

  const ZipPackage& pkg_;
  std::string_view bytes_;  // the whole file, so that each thread can open its own archive
  const std::string& file_;
  Diagnostics& diags_;
  const XlsxOptions& opt_;
};

std::optional<Diagnostic> Reader::load_xml(const std::string& part, pugi::xml_document& doc) {
  auto bytes = pkg_.read(part);
  if (!bytes) return bytes.error();
  auto res = doc.load_buffer(bytes->data(), bytes->size(), pugi::parse_default);
  if (!res) return xlsx::malformed_xml(file_, pkg_.find(part), static_cast<size_t>(res.offset), res.description());
  return std::nullopt;
}

Relationships Reader::load_rels(const std::string& source_part) {
  Relationships rels;
  std::string part = rels_part_of(source_part);
  if (!pkg_.has(part)) return rels;
  pugi::xml_document doc;
  if (auto err = load_xml(part, doc)) {
    err->severity = Severity::Warning;
    err->message += "（已忽略该关系部件，按默认位置查找）";
    diags_.add(*err);
    return rels;
  }
  for (ooxml::Relationship& rel : ooxml::relationships(doc, source_part)) rels.emplace(rel.id, std::move(rel));
  return rels;
}

std::string Reader::find_workbook_part() {
  for (const auto& [id, rel] : load_rels(""))
    if (rel.is("officeDocument") && pkg_.has(rel.target)) return pkg_.find(rel.target);
  // No usable root relationship: the content types name the main part, else the usual place.
  pugi::xml_document ct;
  if (pkg_.has("[Content_Types].xml") && !load_xml("[Content_Types].xml", ct)) {
    std::string found;
    each_child(root(ct), "Override", [&](pugi::xml_node o) {
      std::string_view type = attr(o, "ContentType");
      if (found.empty() && (type.find("sheet.main+xml") != std::string_view::npos ||
                            type.find("sheet.macroEnabled.main+xml") != std::string_view::npos ||
                            type.find("template.main+xml") != std::string_view::npos)) {
        std::string name = resolve_part_target("", attr(o, "PartName"));
        if (pkg_.has(name)) found = pkg_.find(name);
      }
    });
    if (!found.empty()) return found;
  }
  return pkg_.find("xl/workbook.xml");
}

std::optional<Diagnostic> Reader::read_styles(Workbook& wb, const std::string& part) {
  if (part.empty()) return std::nullopt;  // no styles part: every cell is General
  pugi::xml_document doc;
  if (auto err = load_xml(part, doc)) return err;
  pugi::xml_node ss = root(doc);
  std::unordered_map<uint32_t, std::string> custom;
  each_child(child(ss, "numFmts"), "numFmt", [&](pugi::xml_node f) {
    uint32_t id = static_cast<uint32_t>(std::strtoul(std::string(attr(f, "numFmtId")).c_str(), nullptr, 10));
    custom[id] = std::string(attr(f, "formatCode"));
  });
  each_child(child(ss, "cellXfs"), "xf", [&](pugi::xml_node xf) {
    std::string_view ids = attr(xf, "numFmtId");
    uint32_t id = ids.empty() ? 0 : static_cast<uint32_t>(std::strtoul(std::string(ids).c_str(), nullptr, 10));
    auto it = custom.find(id);
    if (it != custom.end()) wb.style_formats.push_back(it->second);
    else wb.style_formats.emplace_back(builtin_format_code(id));
  });
  return std::nullopt;
}

// Streams a part through the scanner: inflated in chunks, parsed as it arrives. A big part is
// inflated on a thread of its own while it is scanned (a 50 MB sheet: 0.1 s of inflating that no
// longer adds to the scanning's 0.25 s); for a small one starting the thread costs more than it saves.
template <class Parse>
std::optional<Diagnostic> stream_part(const ZipPackage& pkg, const std::string& part, Parse&& parse) {
  auto reader = pkg.open_part(part);
  if (!reader) return reader.error();
  const uint64_t size = reader->declared_size();
  // Inflated on this thread; a small part gets a buffer its size (one byte more, to see the end),
  // not the 256 KiB chunk.
  auto scan_here = [&](PartReader& r) {
    const size_t chunk = static_cast<size_t>(std::clamp<uint64_t>(size + 1, 4096, 256u << 10));
    XmlScanner sc([&r](char* dst, size_t cap) { return r.read(dst, cap); }, chunk);
    return parse(sc, size);
  };
  if (size < (4u << 20)) return scan_here(*reader);
  std::optional<PartReadAhead> ahead;
  try {
    ahead.emplace(std::move(*reader));
  } catch (const std::system_error&) {  // no thread to be had: the part is opened again, read here
    auto again = pkg.open_part(part);
    if (!again) return again.error();
    return scan_here(*again);
  }
  XmlScanner sc([&ahead](char* dst, size_t cap) { return ahead->read(dst, cap); });
  return parse(sc, size);
}

std::optional<Diagnostic> Reader::read_sheets(Workbook& wb, const std::vector<std::string>& parts) {
  const size_t n = wb.sheets.size();
  std::vector<StringPool> local(n);
  std::vector<Diagnostics> sheet_diags(n);
  std::vector<std::optional<Diagnostic>> errors(n);
  const uint32_t sst_count = static_cast<uint32_t>(wb.strings.size());
  std::vector<size_t> todo;
  for (size_t i = 0; i < n; ++i)
    if (!parts[i].empty()) todo.push_back(i);
  // Sheets are scanned on the process's pool. libzip archives are not safe for concurrent use, so
  // a sheet read on another thread opens the archive again (from the same bytes: no copy).
  const std::thread::id caller = std::this_thread::get_id();
  parallel_for(todo.size(), [&](size_t k) {
    const size_t i = todo[k];
    std::optional<Expected<ZipPackage>> own;
    const ZipPackage* pkg = &pkg_;
    if (todo.size() > 1 && std::this_thread::get_id() != caller) {
      own.emplace(ZipPackage::open_memory(bytes_.data(), bytes_.size(), file_, opt_.limits));
      if (!*own) {
        errors[i] = own->error();
        return;
      }
      pkg = &**own;
    }
    xlsx::SheetInput in{file_, wb.sheets[i].part, wb.sheets[i].name, wb.date1904, sst_count};
    errors[i] = stream_part(*pkg, parts[i], [&](XmlScanner& sc, uint64_t size) {
      in.xml_size_hint = size;
      return xlsx::parse_sheet(sc, in, wb.sheets[i], local[i], sheet_diags[i]);
    });
  });

  for (size_t i = 0; i < n; ++i) {
    diags_.append(sheet_diags[i]);
    if (errors[i]) {
      errors[i]->sheet = wb.sheets[i].name;
      return errors[i];
    }
    // Move the sheet's own strings into the workbook pool.
    const uint32_t base = static_cast<uint32_t>(wb.strings.size());
    for (size_t k = 0; k < local[i].size(); ++k) wb.strings.add(local[i].get(static_cast<uint32_t>(k)));
    for (Cell& c : wb.sheets[i].cells)
      if (c.text != kNoIndex && (c.text & xlsx::kLocalText)) c.text = base + (c.text & ~xlsx::kLocalText);
  }
  return std::nullopt;
}

Expected<Workbook> Reader::run() {
  Workbook wb;
  std::vector<std::string> sheet_parts;
  if (auto err = read_book(wb, sheet_parts)) return *err;
  if (auto err = read_sheets(wb, sheet_parts)) return *err;
  if (auto err = check_unread_cells(wb)) return *err;
  if (auto err = check_text_budget(wb)) return *err;
  if (opt_.evaluate_missing) xlsx::evaluate_missing_formulas(wb, diags_);
  return wb;
}

std::optional<Diagnostic> Reader::read_book(Workbook& wb, std::vector<std::string>& sheet_parts) {
  wb.file = file_;
  const std::string wb_part = find_workbook_part();
  if (wb_part.empty()) {
    if (pkg_.has("word/document.xml"))
      return Diagnostic::error("xlsx.not_workbook", "这是 Word 文档（.docx），不是 Excel 工作簿", file_);
    if (pkg_.has("ppt/presentation.xml"))
      return Diagnostic::error("xlsx.not_workbook", "这是 PowerPoint 演示文稿，不是 Excel 工作簿", file_);
    return Diagnostic::error("xlsx.no_workbook",
                 "压缩包中没有工作簿部件（xl/workbook.xml），这不是 Excel 工作簿或文件已损坏；请用 Excel/WPS 重新保存为 .xlsx", file_);
  }
  pugi::xml_document doc;
  if (auto err = load_xml(wb_part, doc)) return err;
  pugi::xml_node book = root(doc);
  if (auto err = check_workbook_root(book)) return err;
  std::string_view d1904 = attr(child(book, "workbookPr"), "date1904");
  wb.date1904 = d1904 == "1" || d1904 == "true";

  Relationships rels = load_rels(wb_part);
  int position = 0;
  each_child(child(book, "sheets"), "sheet", [&](pugi::xml_node s) {
    ++position;
    Sheet sheet;
    sheet.name = std::string(attr(s, "name"));
    std::string_view state = attr(s, "state");
    sheet.state = state == "hidden" ? SheetState::Hidden : state == "veryHidden" ? SheetState::VeryHidden : SheetState::Visible;
    std::string part;
    const bool has_id = std::any_of(s.attributes_begin(), s.attributes_end(),
                                    [](const pugi::xml_attribute& a) { return local_name(a.name()) == "id"; });
    auto it = rels.find(std::string(attr(s, "id")));
    if (has_id && it == rels.end() && !rels.empty()) {
      // A relationship id that names nothing (r:id="" in tdf111974.xlsm): the sheet has no part.
      // Guessing sheetN.xml would show another sheet's cells under this name.
      diags_.warn("xlsx.missing_sheet_part", "工作表“" + sheet.name + "”的关系编号“" + std::string(attr(s, "id")) +
                  "”在 " + rels_part_of(wb_part) + " 中不存在，按空表处理", file_);
    } else if (it != rels.end() && !it->second.external) {
      if (it->second.is("worksheet")) part = pkg_.find(it->second.target);
      else if (!it->second.is("chartsheet") && !it->second.is("dialogsheet"))
        diags_.warn("xlsx.unknown_sheet_type",
                    "工作表“" + sheet.name + "”的类型 " + std::string(it->second.type_name()) + " 无法读取，按空表处理", file_);
      if (part.empty() && it->second.is("worksheet"))
        diags_.warn("xlsx.missing_sheet_part", "工作表“" + sheet.name + "”指向的部件 " + it->second.target + " 不存在，按空表处理", file_);
    } else {
      // No relationship: fall back on the usual name.
      std::string guess = resolve_part_target(wb_part, "worksheets/sheet" + std::to_string(position) + ".xml");
      part = pkg_.find(guess);
      if (part.empty())
        diags_.warn("xlsx.missing_sheet_part", "找不到工作表“" + sheet.name + "”的部件，按空表处理", file_);
    }
    sheet.part = part;
    sheet_parts.push_back(part);
    wb.sheets.push_back(std::move(sheet));
  });

  each_child(child(book, "definedNames"), "definedName", [&](pugi::xml_node n) {
    DefinedName dn;
    dn.name = std::string(attr(n, "name"));
    dn.value = n.child_value();
    std::string_view local = attr(n, "localSheetId");
    if (!local.empty()) dn.local_sheet = static_cast<uint32_t>(std::strtoul(std::string(local).c_str(), nullptr, 10));
    dn.hidden = attr(n, "hidden") == "1" || attr(n, "hidden") == "true";
    wb.names.push_back(std::move(dn));
  });

  std::string sst_part, styles_part;
  for (const auto& [id, rel] : rels) {
    if (rel.external) continue;
    if (rel.is("sharedStrings") && pkg_.has(rel.target)) sst_part = pkg_.find(rel.target);
    if (rel.is("styles") && pkg_.has(rel.target)) styles_part = pkg_.find(rel.target);
  }
  if (sst_part.empty()) sst_part = pkg_.find(resolve_part_target(wb_part, "sharedStrings.xml"));
  if (styles_part.empty()) styles_part = pkg_.find(resolve_part_target(wb_part, "styles.xml"));

  if (auto err = read_styles(wb, styles_part)) return err;
  if (!sst_part.empty()) {
    auto err = stream_part(pkg_, sst_part, [&](XmlScanner& sc, uint64_t) {
      return xlsx::parse_shared_strings(sc, file_, sst_part, wb.strings);
    });
    if (err) return err;
  }
  return std::nullopt;
}

std::optional<Diagnostic> Reader::check_workbook_root(pugi::xml_node book) {
  const std::string_view name = local_name(book.name());
  if (name == "presentation")
    return Diagnostic::error("xlsx.not_workbook", "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿；请确认选对了文件", file_);
  if (name == "document")
    return Diagnostic::error("xlsx.not_workbook", "这是 Word 文档（.docx），不是 Excel 工作簿；请确认选对了文件", file_);
  if (name != "workbook")
    return Diagnostic::error("xlsx.not_workbook",
                 "主部件的根元素是 <" + std::string(name) + ">，不是 Excel 工作簿（<workbook>）；请确认选对了文件，"
                 "或用 Excel/WPS 打开后另存为 .xlsx", file_);
  // The namespace of the root element: Office 2007's beta wrote its own, with other element names
  // (strings in the sheets are lost), so it is refused rather than half read.
  std::string_view qname(book.name());
  auto colon = qname.find(':');
  std::string xmlns = colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(qname.substr(0, colon));
  std::string_view ns = book.attribute(xmlns.c_str()).value();
  if (ns.starts_with("http://schemas.microsoft.com/office/excel/2006/"))
    return Diagnostic::error("xlsx.beta_format",
                 "这是 Office 2007 测试版（beta）格式的工作簿（命名空间 " + std::string(ns) +
                     "），与正式的 .xlsx 格式不同，无法可靠读取；请用 Excel 2007 或更新版本打开后另存为 .xlsx", file_);
  return std::nullopt;
}

// Every sheet came back empty: if a worksheet part of the package that no sheet points to holds
// cells, the workbook's relationships are broken and reading it as empty would lose its data
// silently, so it is an error.
std::optional<Diagnostic> Reader::check_unread_cells(const Workbook& wb) {
  for (const Sheet& s : wb.sheets)
    if (!s.cells.empty()) return std::nullopt;
  for (const std::string& name : pkg_.part_names()) {
    const std::string key = normalize_part_name(name);
    if (key.find("worksheets/") == std::string::npos || !key.ends_with(".xml")) continue;
    if (std::any_of(wb.sheets.begin(), wb.sheets.end(), [&](const Sheet& s) { return s.part == name; })) continue;
    Sheet probe;
    StringPool local;
    Diagnostics ignored;
    xlsx::SheetInput in{file_, name, name, wb.date1904, static_cast<uint32_t>(wb.strings.size())};
    auto err = stream_part(pkg_, name, [&](XmlScanner& sc, uint64_t) {
      return xlsx::parse_sheet(sc, in, probe, local, ignored);
    });
    if (err || probe.cells.empty()) continue;
    return Diagnostic::error("xlsx.sheets_unlinked",
                 "工作簿中的工作表都读成了空表，但部件 " + name + " 含有 " + std::to_string(probe.cells.size()) +
                     " 个单元格：工作簿的关系部件（" + rels_part_of(find_workbook_part()) +
                     "）没有指向它，文件已损坏；请用 Excel/WPS 打开修复后另存为 .xlsx", file_,
                 name);
  }
  return std::nullopt;
}

// Cells only point at strings, so a small file can make every cell show the same megabyte of text
// (poi's poc-shared-strings.xlsx: 12,000 cells x 1 MB). What the cells show is budgeted like an
// inflated part: past the limit the file is refused before anything is printed or mapped.
std::optional<Diagnostic> Reader::check_text_budget(const Workbook& wb) {
  const uint64_t limit = opt_.limits.max_part_bytes;
  uint64_t shown = 0;
  for (const Sheet& s : wb.sheets)
    for (const Cell& c : s.cells) {
      if (c.text == kNoIndex) continue;
      shown += wb.text(c).size();
      if (shown > limit)
        return Diagnostic::error("xlsx.text_too_large",
                     "单元格显示的文字合计超过上限 " + std::to_string(limit >> 20) + " MiB（工作表“" + s.name + "”的 " +
                         cell_name(c.pos()) + " 处已超过；许多单元格引用同一段很长的共享字符串），疑似恶意构造的文件，"
                         "已拒绝读取；确属正常的大文件请用 --max-part-mb 调高上限", file_,
                     s.part);
    }
  return std::nullopt;
}

// Hands the cells of one row at a time to the visitor: the row's local strings are appended to the
// book's pool for the call and dropped after it, so nothing grows with the sheet but its merges.
class RowSink final : public xlsx::SheetSink {
 public:
  RowSink(Workbook& book, size_t sheet, StringPool& local, const XlsxStream::RowVisitor& visit, XlsxStream::Scan& scan)
      : book_(book), sheet_(sheet), local_(local), visit_(visit), scan_(scan), shared_(book.strings.size()) {}

  void cell(Cell& c) override {
    if (!row_.cells.empty() && row_.cells.back().row != c.row) flush();
    if (scan_.cells > 0 && (c.row < last_.row || (c.row == last_.row && c.col <= last_.col))) scan_.in_order = false;
    last_ = c.pos();
    ++scan_.cells;
    if (c.flags & Cell::kNoCachedValue) unsettled_ = true;
    if (c.text != kNoIndex && (c.text & xlsx::kLocalText)) {
      c.text = book_.strings.add(local_.get(c.text & ~xlsx::kLocalText));
      local_.truncate(0);  // every local string is passed on with the cell that added it
    }
    if (c.flags & Cell::kHasFormula) {
      row_.formulas.push_back(std::move(pending_formula_));
      c.formula = static_cast<uint32_t>(row_.formulas.size() - 1);
    }
    row_.cells.push_back(c);
  }
  // The formula comes before its cell, which may start a new row: it waits for the cell.
  uint32_t formula(std::string&& text) override {
    pending_formula_ = std::move(text);
    return kNoIndex;
  }
  void merge(const CellRange& r) override { scan_.merges.push_back(r); }
  void dimension(const CellRange&) override {}

  void flush() {
    if (row_.cells.empty()) return;
    // Formulas saved without a value are computed when they refer to their own row only; the book's
    // sheet holds the row for the while, as the evaluator reads sheets of a workbook.
    if (unsettled_) {
      Sheet& at = book_.sheets[sheet_];
      at.cells.swap(row_.cells);
      at.formulas.swap(row_.formulas);
      if (!xlsx::evaluate_row_formulas(book_, static_cast<int>(sheet_), at.cells.front().row, parsed_))
        scan_.needs_grid = true;
      at.cells.swap(row_.cells);
      at.formulas.swap(row_.formulas);
      unsettled_ = false;
    }
    visit_(book_, row_);
    row_.cells.clear();
    row_.formulas.clear();
    book_.strings.truncate(shared_);
  }

 private:
  Workbook& book_;
  const size_t sheet_;
  StringPool& local_;
  const XlsxStream::RowVisitor& visit_;
  XlsxStream::Scan& scan_;
  const size_t shared_;
  Sheet row_;
  std::string pending_formula_;
  formula::ParseCache parsed_;  // a column of formulas copied down is parsed once
  CellPos last_;
  bool unsettled_ = false;
};

}  // namespace

struct XlsxStream::Impl {
  std::optional<ZipPackage> pkg;
  Workbook book;
  std::vector<std::string> parts;
  XlsxOptions opt;
};

XlsxStream::~XlsxStream() = default;
XlsxStream::XlsxStream(XlsxStream&&) noexcept = default;

const Workbook& XlsxStream::book() const { return impl_->book; }

Expected<XlsxStream> XlsxStream::open(const std::string& path, Diagnostics& diags, const XlsxOptions& opt) {
  // Only a zip opens here; .xls, encrypted, empty and damaged files fail and are for read_xlsx_file.
  auto pkg = ZipPackage::open_file(path, opt.limits);
  if (!pkg) return pkg.error();
  XlsxStream s;
  s.impl_ = std::make_unique<Impl>();
  s.impl_->opt = opt;
  s.impl_->pkg.emplace(std::move(*pkg));
  Reader reader(*s.impl_->pkg, {}, diags, s.impl_->opt);
  if (auto err = reader.read_book(s.impl_->book, s.impl_->parts)) return *err;
  return s;
}

Expected<XlsxStream::Scan> XlsxStream::scan(size_t i, const RowVisitor& on_row, Diagnostics& diags) {
  Impl& m = *impl_;
  Scan scan;
  if (i >= m.parts.size() || m.parts[i].empty()) return scan;
  const Sheet& sheet = m.book.sheets[i];
  xlsx::SheetInput in{m.book.file, sheet.part, sheet.name, m.book.date1904, static_cast<uint32_t>(m.book.strings.size())};
  StringPool local;
  RowSink sink(m.book, i, local, on_row, scan);
  auto err = stream_part(*m.pkg, m.parts[i], [&](XmlScanner& sc, uint64_t) {
    return xlsx::parse_sheet(sc, in, static_cast<xlsx::SheetSink&>(sink), local, diags);
  });
  if (err) {
    m.book.strings.truncate(in.shared_string_count);
    err->sheet = sheet.name;
    return *err;
  }
  sink.flush();
  return scan;
}

Expected<Workbook> read_xlsx_memory(std::string_view bytes, const std::string& file, Diagnostics& diags,
                                    const XlsxOptions& opt) {
  switch (sniff_bytes(bytes)) {
    case FileKind::Empty:
      return Diagnostic::error("xlsx.empty", "文件是空的（0 字节），可能下载或复制没有完成；请重新获取文件", file);
    case FileKind::EncryptedOoxml: {
      auto plain = decrypt_ooxml(bytes, file, opt.password);
      if (!plain) return plain.error();
      if (sniff_bytes(*plain) != FileKind::Zip)
        return Diagnostic::error("xlsx.encrypted_not_zip", "解密后的内容不是 .xlsx 压缩包，无法读取；请在 Excel/WPS 中取消密码后另存，再试", file);
      auto wb = read_xlsx_memory(*plain, file, diags, opt);  // the decrypted package stays in memory
      if (wb) wb->encrypted = true;
      return wb;
    }
    case FileKind::LegacyCfb:
    case FileKind::LegacyBiff:
      return read_xls_memory(bytes, file, diags, XlsOptions{opt.password});
    case FileKind::Unknown:
      return Diagnostic::error("xlsx.not_zip",
                   "不是 Excel 工作簿（.xlsx 应为 zip 压缩包，此文件开头不是）；如果是 CSV、网页或其他格式导出的文件，"
                   "请在 Excel/WPS 中打开后另存为 .xlsx", file);
    case FileKind::Zip:
      break;
  }
  auto pkg = ZipPackage::open_memory(bytes.data(), bytes.size(), file, opt.limits);
  if (!pkg) {
    Diagnostic d = pkg.error();
    d.code = "xlsx.damaged_zip";
    d.message = "zip 压缩包不完整或已损坏（可能下载中断、复制未完成或被截断），无法读取；请重新获取文件，"
                "或用 Excel/WPS 打开修复后另存";
    return d;
  }
  return Reader(*pkg, bytes, diags, opt).run();
}

Expected<Workbook> read_xlsx_file(const std::string& path, Diagnostics& diags, const XlsxOptions& opt) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Diagnostic::error("io.open", "这是一个目录，不是文件", path);
  // The file is mapped, not copied: libzip reads the compressed bytes straight from the page cache.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Diagnostic::error("io.open", "无法打开文件（不存在或没有读取权限）", path);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Diagnostic::error("io.read", "无法读取文件信息", path);
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return read_xlsx_memory({}, path, diags, opt);
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Diagnostic::error("io.read", "读取文件失败", path);
  auto result = read_xlsx_memory(std::string_view(static_cast<const char*>(map), size), path, diags, opt);
  ::munmap(map, size);
  return result;
}

}  // namespace jixiao
