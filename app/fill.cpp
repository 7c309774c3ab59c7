#include "app/fill.h"

#include <fstream>
#include <iterator>

#include "writers/xlsx_template.h"

namespace jixiao::app {

FillResult fill(Resources&, const FillOptions& o) {
  FillResult result;
  std::ifstream in(o.data, std::ios::binary);
  if (!in) {
    Diagnostic d;
    d.code = "data.unreadable";
    d.file = o.data;
    d.message = "无法打开数据文件 — 请检查路径";
    result.fail(Status::Unreadable, std::move(d));
    return result;
  }
  // Parsed as it is read, never held as text beside its tree: a 100,000-row list is 12 MB of JSON.
  nlohmann::ordered_json data;
  try {
    data = nlohmann::ordered_json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const nlohmann::json::parse_error& e) {
    Diagnostic d;
    d.code = "data.json";
    d.file = o.data;
    d.offset = static_cast<int64_t>(e.byte > 0 ? e.byte - 1 : 0);  // nlohmann counts from 1
    d.message = "数据文件不是有效的 JSON — 请检查该位置附近的语法";
    result.fail(Status::Unreadable, std::move(d));
    return result;
  }
  Diagnostics warnings;
  XlsxFillOptions opt;
  opt.lenient = o.lenient;
  finish_write(result, fill_xlsx_template(o.templ, data, o.output, warnings, opt), warnings, o.output, result.written);
  return result;
}

}  // namespace jixiao::app
