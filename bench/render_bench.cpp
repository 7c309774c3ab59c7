// Renders a DOCX template N times in one process and prints documents per second; the engine alone,
// without reading workbooks. Usage: jixiao_render_bench TEMPLATE.docx DATA.json OUT_DIR N
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "writers/docx_template.h"

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s TEMPLATE.docx DATA.json OUT_DIR N\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[2]);
  auto data = nlohmann::ordered_json::parse(in);
  int n = std::stoi(argv[4]);
  std::string out = std::string(argv[3]) + "/bench-out.docx";
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    jixiao::Diagnostics w;
    jixiao::DocxRenderOptions o;
    o.lenient = true;
    auto r = jixiao::render_docx_template(argv[1], data, out, w, o);
    if (!r) {
      std::fprintf(stderr, "%s\n", r.error().to_text().c_str());
      return 1;
    }
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%d %.3f\n", n, s);
  return 0;
}
