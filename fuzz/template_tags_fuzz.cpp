// Any text as a template cell or tag filter chain (the XLSX/DOCX template language): splitting into
// tags, parsing filters and applying them to a few values never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "writers/filters.h"
#include "writers/template_language.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const nlohmann::ordered_json root = nlohmann::ordered_json::parse(
      R"({"dept":"剑阁县医疗保障局","funds":{"budget":1259100.5,"executed":"1,000.00"},"items":[{"name":"a","score":9.5},{"name":"b"}],"zero":0,"yes":true,"none":null})");
  // The text through the one template language the XLSX and DOCX engines share.
  auto parsed = jixiao::tmpl::parse_text(text);
  jixiao::tmpl::Scopes scopes{{&root, 0, nullptr}};
  jixiao::tmpl::Json scratch;
  for (const auto& p : parsed.pieces)
    if (p.is_tag) (void)jixiao::tmpl::resolve(scopes, p.tag, scratch);
  // The same text as a filter chain, over values of every JSON kind.
  auto steps = jixiao::parse_filters(text);
  for (const auto* v : {&root["funds"]["budget"], &root["funds"]["executed"], &root["dept"], &root["zero"],
                        &root["yes"], &root["none"], &root["items"]})
    (void)jixiao::apply_filters(*v, steps);
  return 0;
}
