// XLSX package -> Workbook: relationships, workbook.xml, styles, shared strings, then the sheets
// (scanned in parallel), then formulas saved without values.
#include "readers/xlsx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <atomic>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <thread>
#include <unordered_map>

#include "readers/number_format.h"
#include "readers/ooxml_package.h"
#include "readers/prefetch.h"
#include "readers/sniff.h"
#include "readers/xlsx_internal.h"
#include "readers/xml_scanner.h"

namespace jixiao {

namespace {

Diagnostic error(const std::string& file, std::string code, std::string message, std::string part = {}) {
  Diagnostic d;
  d.code = std::move(code);
  d.file = file;
  d.part = std::move(part);
  d.message = std::move(message);
  return d;
}

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

 private:
  std::optional<Diagnostic> load_xml(const std::string& part, pugi::xml_document& doc);
  Relationships load_rels(const std::string& source_part);
  std::string find_workbook_part();
  std::optional<Diagnostic> read_styles(Workbook& wb, const std::string& part);
  std::optional<Diagnostic> read_sheets(Workbook& wb, const std::vector<std::string>& parts);

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
// inflated on a second thread when no other sheet keeps that core busy.
template <class Parse>
std::optional<Diagnostic> stream_part(const ZipPackage& pkg, const std::string& part, bool may_prefetch, Parse&& parse) {
  auto reader = pkg.open_part(part);
  if (!reader) return reader.error();
  if (may_prefetch && reader->declared_size() > (4u << 20)) {
    PrefetchedPart prefetched(*reader);
    XmlScanner sc([&prefetched](char* dst, size_t cap) { return prefetched.read(dst, cap); });
    return parse(sc, reader->declared_size());
  }
  XmlScanner sc([&r = *reader](char* dst, size_t cap) { return r.read(dst, cap); });
  return parse(sc, reader->declared_size());
}

std::optional<Diagnostic> Reader::read_sheets(Workbook& wb, const std::vector<std::string>& parts) {
  const size_t n = wb.sheets.size();
  std::vector<StringPool> local(n);
  std::vector<Diagnostics> sheet_diags(n);
  std::vector<std::optional<Diagnostic>> errors(n);
  std::atomic<size_t> next{0};
  const uint32_t sst_count = static_cast<uint32_t>(wb.strings.size());
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const bool prefetch = cores > 1 && std::count_if(parts.begin(), parts.end(), [](auto& p) { return !p.empty(); }) < static_cast<long>(cores);
  auto work = [&](const ZipPackage& pkg) {
    for (size_t i = next++; i < n; i = next++) {
      if (parts[i].empty()) continue;
      xlsx::SheetInput in{file_, wb.sheets[i].part, wb.sheets[i].name, wb.date1904, sst_count};
      errors[i] = stream_part(pkg, parts[i], prefetch, [&](XmlScanner& sc, uint64_t size) {
        in.xml_size_hint = size;
        return xlsx::parse_sheet(sc, in, wb.sheets[i], local[i], sheet_diags[i]);
      });
    }
  };
  // libzip archives are not safe for concurrent use: every extra thread opens its own.
  size_t threads = std::min(n, cores);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t)
    pool.emplace_back([&] {
      auto own = ZipPackage::open_memory(bytes_.data(), bytes_.size(), file_, opt_.limits);
      if (own) work(*own);
    });
  work(pkg_);
  for (auto& t : pool) t.join();

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
  wb.file = file_;
  const std::string wb_part = find_workbook_part();
  if (wb_part.empty()) {
    if (pkg_.has("word/document.xml"))
      return error(file_, "xlsx.not_workbook", "这是 Word 文档（.docx），不是 Excel 工作簿");
    if (pkg_.has("ppt/presentation.xml"))
      return error(file_, "xlsx.not_workbook", "这是 PowerPoint 演示文稿，不是 Excel 工作簿");
    return error(file_, "xlsx.no_workbook",
                 "压缩包中没有工作簿部件（xl/workbook.xml），这不是 Excel 工作簿或文件已损坏；请用 Excel/WPS 重新保存为 .xlsx");
  }
  pugi::xml_document doc;
  if (auto err = load_xml(wb_part, doc)) return *err;
  pugi::xml_node book = root(doc);
  std::string_view d1904 = attr(child(book, "workbookPr"), "date1904");
  wb.date1904 = d1904 == "1" || d1904 == "true";

  Relationships rels = load_rels(wb_part);
  std::vector<std::string> sheet_parts;
  int position = 0;
  each_child(child(book, "sheets"), "sheet", [&](pugi::xml_node s) {
    ++position;
    Sheet sheet;
    sheet.name = std::string(attr(s, "name"));
    std::string_view state = attr(s, "state");
    sheet.state = state == "hidden" ? SheetState::Hidden : state == "veryHidden" ? SheetState::VeryHidden : SheetState::Visible;
    std::string part;
    auto it = rels.find(std::string(attr(s, "id")));
    if (it != rels.end() && !it->second.external) {
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

  if (auto err = read_styles(wb, styles_part)) return *err;
  if (!sst_part.empty()) {
    auto err = stream_part(pkg_, sst_part, true, [&](XmlScanner& sc, uint64_t) {
      return xlsx::parse_shared_strings(sc, file_, sst_part, wb.strings);
    });
    if (err) return *err;
  }
  if (auto err = read_sheets(wb, sheet_parts)) return *err;
  if (opt_.evaluate_missing) xlsx::evaluate_missing_formulas(wb, diags_);
  return wb;
}

}  // namespace

Expected<Workbook> read_xlsx_memory(std::string_view bytes, const std::string& file, Diagnostics& diags,
                                    const XlsxOptions& opt) {
  switch (sniff_bytes(bytes)) {
    case FileKind::Empty:
      return error(file, "xlsx.empty", "文件是空的（0 字节），可能下载或复制没有完成；请重新获取文件");
    case FileKind::EncryptedOoxml:
      return error(file, "xlsx.encrypted",
                   "工作簿设有打开密码（已加密），无法读取；请在 Excel/WPS 中打开并取消密码"
                   "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存，再试");
    case FileKind::LegacyCfb:
      return error(file, "xlsx.legacy_xls",
                   "这是 Excel 97-2003 格式（.xls）文件，jixiao 只读取 .xlsx；请在 Excel/WPS 中“另存为”"
                   "Excel 工作簿（*.xlsx），或运行：soffice --headless --convert-to xlsx 文件名.xls");
    case FileKind::Unknown:
      return error(file, "xlsx.not_zip",
                   "不是 Excel 工作簿（.xlsx 应为 zip 压缩包，此文件开头不是）；如果是 CSV、网页或其他格式导出的文件，"
                   "请在 Excel/WPS 中打开后另存为 .xlsx");
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
  if (std::filesystem::is_directory(path, ec)) return error(path, "io.open", "这是一个目录，不是文件");
  // The file is mapped, not copied: libzip reads the compressed bytes straight from the page cache.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return error(path, "io.open", "无法打开文件（不存在或没有读取权限）");
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return error(path, "io.read", "无法读取文件信息");
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return read_xlsx_memory({}, path, diags, opt);
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return error(path, "io.read", "读取文件失败");
  auto result = read_xlsx_memory(std::string_view(static_cast<const char*>(map), size), path, diags, opt);
  ::munmap(map, size);
  return result;
}

}  // namespace jixiao
