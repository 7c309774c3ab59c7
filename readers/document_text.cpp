#include "readers/document_text.h"

#include <pugixml.hpp>

#include <cctype>
#include <fstream>
#include <iterator>

#include "readers/docx_paragraphs.h"
#include "readers/ooxml_package.h"
#include "readers/sniff.h"

namespace jixiao {

namespace {

Expected<DocumentText> docx_from_zip(Expected<ZipPackage> zip, const std::string& file) {
  if (!zip) {
    Diagnostic d = zip.error();
    if (d.code == "xlsx.not_zip") {
      d.code = "docx.not_zip";
      d.message = "不是有效的 .docx 文档（.docx 本质上是 zip 压缩包）：文件可能已损坏或并非 Word 文档；请用 Word/WPS 另存为 .docx 后再试";
    }
    return d;
  }
  std::string part = ooxml::main_part(*zip, "word/document.xml");
  if (part.empty())
    return Diagnostic::error("docx.no_document", "文件中没有 Word 正文部件（word/document.xml）：不是 .docx 文档；请用 Word 或 WPS 另存为 .docx",
                  file);
  auto xml = zip->read(part);
  if (!xml) return xml.error();
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer_inplace(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!r) {
    Diagnostic d = Diagnostic::error("docx.malformed_xml", std::string("Word 正文部件的 XML 已损坏（") + r.description() + "）；请用 Word 打开并另存", file,
                          part);
    d.offset = r.offset;
    return d;
  }
  if (ooxml::local_name(doc.document_element()) != "document")
    return Diagnostic::error("docx.no_document", "文件中没有 Word 正文（主部件不是 w:document）：不是 .docx 文档；请给出 Word 文档或 PDF", file, part);
  DocumentText out;
  out.file = file;
  out.format = "docx";
  docx_text::for_each_paragraph(doc.document_element(), [&](pugi::xml_node p, const TextLocation& where) {
    out.blocks.push_back({docx_text::paragraph_text(p), where});
  });
  return out;
}

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::char_traits<char>::length(suffix);
  if (s.size() < n) return false;
  for (size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - n + i])) != suffix[i]) return false;
  return true;
}

}  // namespace

Expected<DocumentText> read_docx_text(const std::string& path, PackageLimits limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Diagnostic::error("docx.unreadable", "无法打开文件：请检查路径和读取权限", path);
  std::string head(8, '\0');
  in.read(head.data(), 8);
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.empty()) return Diagnostic::error("docx.empty", "文件为空（0 字节）", path);
  if (head.compare(0, 4, "\xD0\xCF\x11\xE0") == 0) {
    std::string all(head);
    all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (sniff_bytes(all) == FileKind::EncryptedOoxml)
      return Diagnostic::error("docx.encrypted", "文档有打开密码：请在 Word 中去掉密码后另存为 .docx 再核对", path);
    return Diagnostic::error("docx.legacy_doc", "这是旧版 Word 97-2003 文档（.doc）：请用 Word/WPS 另存为 .docx，或用 "
                                     "soffice --headless --convert-to docx 转换后再核对",
                  path);
  }
  return docx_from_zip(ZipPackage::open_file(path, limits), path);
}

Expected<DocumentText> read_docx_text_memory(const std::string& data, const std::string& file, PackageLimits limits) {
  if (sniff_bytes(data) != FileKind::Zip) return Diagnostic::error("docx.not_zip", "不是 .docx 文档（不是 zip 包）", file);
  return docx_from_zip(ZipPackage::open_memory(data.data(), data.size(), file, limits), file);
}

Expected<DocumentText> read_document_text(const std::string& path, PackageLimits limits) {
  if (ends_with(path, ".pdf")) return read_pdf_text(path);
  if (ends_with(path, ".docx") || ends_with(path, ".docm")) return read_docx_text(path, limits);
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  in.read(head, 5);
  if (in.gcount() == 5 && std::string_view(head, 5) == "%PDF-") return read_pdf_text(path);
  return read_docx_text(path, limits);
}

}  // namespace jixiao
