// Any text as a number format code: parsing never fails, and showing any value (dates, huge,
// negative, NaN-free doubles) or a text through it must not crash or hang.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "readers/number_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The first 8 bytes (when there are enough) pick a value; the rest is the format code.
  double value = 1234.5678;
  if (size >= 8) {
    std::memcpy(&value, data, 8);
    data += 8;
    size -= 8;
    if (!std::isfinite(value)) value = -0.25;
  }
  std::string_view code(reinterpret_cast<const char*>(data), size);
  jixiao::NumberFormat f = jixiao::NumberFormat::parse(code);
  std::string out;
  for (double v : {value, -value, 0.0, 45356.5625, -1.5, 1e15, 2958466.0, 1e308})
    for (bool d1904 : {false, true}) {
      out.clear();
      f.format_number(v, d1904, out);
      if (out.size() > 4096 + 64 * size) __builtin_trap();  // output grows with the code, not the value
    }
  out.clear();
  f.format_text("文本 text", out);
  out.clear();
  jixiao::format_general(value, out);
  return 0;
}
