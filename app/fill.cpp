#include "app/fill.h"

#include <fstream>

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
  // One read into a string of the file's size: a 100,000-row list is tens of megabytes of JSON.
  std::string text;
  in.seekg(0, std::ios::end);
  if (auto size = in.tellg(); size > 0) text.resize(static_cast<size_t>(size));
  in.seekg(0, std::ios::beg);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  nlohmann::ordered_json data;
  try {
    data = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    Diagnostic d;
    d.code = "data.json";
    d.file = o.data;
    d.offset = static_cast<int64_t>(e.byte > 0 ? e.byte - 1 : 0);  // nlohmann counts from 1
    d.message = "数据文件不是有效的 JSON — 请检查该位置附近的语法";
    result.fail(Status::Unreadable, std::move(d));
    return result;
  }
  std::string().swap(text);
  Diagnostics warnings;
  XlsxFillOptions opt;
  opt.lenient = o.lenient;
  finish_write(result, fill_xlsx_template(o.templ, data, o.output, warnings, opt), warnings, o.output, result.written);
  return result;
}

}  // namespace jixiao::app
