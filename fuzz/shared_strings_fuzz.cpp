// Any bytes as a sharedStrings part: the streaming scanner and <si> collector must answer with
// strings or a Diagnostic, never crash, hang or keep more than the input can hold.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "readers/xlsx_internal.h"
#include "readers/xml_scanner.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view xml(reinterpret_cast<const char*>(data), size);
  // Fed in small chunks, so that tokens split across reads are exercised too.
  size_t at = 0;
  jixiao::XmlScanner sc(
      [&](char* dst, size_t cap) -> jixiao::Expected<size_t> {
        size_t n = std::min<size_t>({cap, xml.size() - at, 7});
        std::copy_n(xml.data() + at, n, dst);
        at += n;
        return n;
      },
      64);
  jixiao::StringPool pool;
  auto err = jixiao::xlsx::parse_shared_strings(sc, "fuzz.xlsx", "xl/sharedStrings.xml", pool);
  if (!err) {
    size_t total = 0;
    for (uint32_t i = 0; i < pool.size(); ++i) total += pool.get(i).size();
    if (total > size * 4 + 64) __builtin_trap();  // decoding never grows text beyond 4x
  }
  return 0;
}
