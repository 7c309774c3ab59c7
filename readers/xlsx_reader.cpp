// Stub.
#include "readers/xlsx_reader.h"
namespace jixiao {
Expected<Workbook> read_xlsx_file(const std::string& path, Diagnostics&, const XlsxOptions&) {
  Diagnostic d; d.file = path; d.message = "stub"; return d;
}
Expected<Workbook> read_xlsx_memory(std::string_view, const std::string& file, Diagnostics&, const XlsxOptions&) {
  Diagnostic d; d.file = file; d.message = "stub"; return d;
}
}  // namespace jixiao
