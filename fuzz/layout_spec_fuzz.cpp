// Any bytes as a layout file (mapping/layouts/*.xml): loading answers with a spec or a Diagnostic.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "mapping/layout_spec.h"
#include "mapping/vocabulary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The loader reads a path (as the CLI gives it); one scratch file per fuzzing process.
  static const std::string path = "/tmp/jixiao-layout-fuzz-" + std::to_string(::getpid()) + ".xml";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  // The shipped vocabulary, as every layout is loaded with it (`@score`, label-less columns).
  static const auto vocabulary = [] {
    auto v = std::make_shared<jixiao::Vocabulary>();
    (void)jixiao::load_vocabulary_file(JIXIAO_SOURCE_DIR "/mapping/layouts/vocabulary.xml", *v);
    return std::shared_ptr<const jixiao::Vocabulary>(v);
  }();
  auto spec = jixiao::load_layout_file(path, vocabulary);
  if (spec)
    for (const auto& a : spec->anchors) (void)a;
  return 0;
}
