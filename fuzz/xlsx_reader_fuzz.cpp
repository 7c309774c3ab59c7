// Any bytes go in; the reader must answer with a workbook or a Diagnostic, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "readers/grid_export.h"
#include "readers/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jixiao::Diagnostics diags;
  jixiao::XlsxOptions opt;
  opt.limits.max_part_bytes = 4u << 20;  // big parts are the benchmark's business; keep runs fast
  auto wb = jixiao::read_xlsx_memory(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xlsx",
                                     diags, opt);
  if (!wb) return 0;
  // Render everything: number formats and display text are part of reading.
  std::ostringstream sink;
  // As `dump` does: a sheet whose padded CSV would pass the limit is not written (XFD1048576).
  for (const auto& sheet : wb->sheets)
    if (jixiao::delimited_size(*wb, sheet) <= opt.limits.max_part_bytes)
      write_delimited(*wb, sheet, jixiao::TextFormat::Csv, false, sink);
  write_json(*wb, -1, sink);
  return 0;
}
