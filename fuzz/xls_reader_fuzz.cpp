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
  std::ostringstream sink;
  for (const auto& sheet : wb->sheets) write_delimited(*wb, sheet, jixiao::TextFormat::Csv, false, sink);
  write_json(*wb, -1, sink);
  return 0;
}
