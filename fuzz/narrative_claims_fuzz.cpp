// Any text goes in as a report, one paragraph a line; reading its claims and checking them must never
// crash or hang, and every finding must point inside its paragraph and quote the paragraph's own text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/narrative_audit.h"

namespace {

const jixiao::narrative::Vocabulary& vocab() {
  static const jixiao::narrative::Vocabulary v = [] {
    auto loaded = jixiao::narrative::load_vocabulary(std::string(JIXIAO_SOURCE_DIR) + "/model/narrative");
    return loaded ? *loaded : jixiao::narrative::Vocabulary{};
  }();
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  jixiao::DocumentText doc;
  doc.format = "docx";
  std::string text(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  int n = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    jixiao::TextLocation where;
    where.paragraph = ++n;
    doc.blocks.push_back({text.substr(start, end - start), where});
    start = end + 1;
  }
  auto claims = jixiao::narrative::parse_claims(doc);
  for (const auto& f : jixiao::narrative::audit_claims(doc, claims, vocab())) {
    const std::string& p = doc.blocks.at(f.block).text;
    if (f.mark_begin > f.mark_end || f.mark_end > p.size()) __builtin_trap();
    if (p.find(f.text) == std::string::npos) __builtin_trap();
  }
  return 0;
}
