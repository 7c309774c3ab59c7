// read_pdf_text: loads the PDF module (readers/pdf_module.cpp, built as jixiao_pdf.so) on the first PDF
// and hands the file to it. Linked into the binary, poppler and its libraries cost every command 5 ms
// of start-up; loaded here they cost only the commands that read a PDF.
#include <memory>

#include "core/module.h"
#include "readers/document_text.h"

namespace jixiao {

Expected<DocumentText> read_pdf_text(const std::string& path) {
  using ReadFn = Expected<DocumentText>* (*)(const char*);
  std::string error;
  auto read = reinterpret_cast<ReadFn>(module_symbol("jixiao_pdf", "JIXIAO_PDF_MODULE", "jixiao_pdf_read_text", "PDF 模块", error));
  if (!read)
    return Diagnostic::error("pdf.module", error + "；请重新安装 jixiao（需要 libpoppler-cpp），或用 JIXIAO_PDF_MODULE 指定模块路径",
                             path);
  std::unique_ptr<Expected<DocumentText>> result(read(path.c_str()));
  return std::move(*result);
}

}  // namespace jixiao
