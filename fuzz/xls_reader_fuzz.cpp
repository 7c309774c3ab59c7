// Any bytes go in as an .xls (compound file or bare BIFF stream); the reader must answer with a
// workbook or a Diagnostic, never crash or hang. The password lets encrypted inputs reach the
// RC4 paths with a key the fuzzer can satisfy (Excel's default one is always tried).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "readers/grid_export.h"
#include "readers/xls_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jixiao::Diagnostics diags;
  auto wb = jixiao::read_xls_memory(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.xls", diags);
  if (!wb) return 0;
  // Display text of every cell is part of reading; the JSON of a big grid under ASan is only slow.
  size_t cells = 0, area = 0;
  for (const auto& sheet : wb->sheets) {
    cells += sheet.cells.size();
    if (auto e = sheet.value_extent()) area += size_t{e->last.row + 1} * (e->last.col + 1);
  }
  if (cells > 50000 || area > 2'000'000) return 0;
  std::ostringstream sink;
  for (const auto& sheet : wb->sheets) write_delimited(*wb, sheet, jixiao::TextFormat::Csv, false, sink);
  if (cells <= 5000) write_json(*wb, -1, sink);
  return 0;
}
