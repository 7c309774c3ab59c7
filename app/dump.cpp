#include "app/dump.h"

#include "readers/cell_ref.h"
#include "readers/grid_export.h"

namespace jixiao::app {

namespace {

// A sheet named exactly as given wins; otherwise digits are a 1-based position.
int find_sheet(const Workbook& wb, const std::string& wanted) {
  if (const Sheet* s = wb.sheet(wanted)) return static_cast<int>(s - wb.sheets.data());
  if (!wanted.empty() && wanted.find_first_not_of("0123456789") == std::string::npos && wanted.size() < 6) {
    int n = std::stoi(wanted);
    if (n >= 1 && static_cast<size_t>(n) <= wb.sheets.size()) return n - 1;
  }
  return -1;
}

}  // namespace

DumpResult dump(Resources& resources, const DumpOptions& o, std::ostream& out) {
  DumpResult result;
  Diagnostics diags;
  auto wb = read_xlsx_file(o.file, diags, resources.xlsx());
  result.add(diags);
  if (!wb) {
    result.fail(Status::Unreadable, wb.error());
    return result;
  }
  int only = -1;
  if (!o.sheet.empty()) {
    only = find_sheet(*wb, o.sheet);
    if (only < 0) {
      std::string names;
      for (size_t i = 0; i < wb->sheets.size(); ++i)
        names += (i ? "、" : "") + std::to_string(i + 1) + " " + wb->sheets[i].name;
      Diagnostic d;
      d.code = "dump.no_sheet";
      d.file = o.file;
      d.message = "没有工作表“" + o.sheet + "”；现有工作表：" + names;
      result.fail(Status::Refused, std::move(d));
      return result;
    }
  }
  if (o.format == DumpOptions::Format::Json) {
    write_json(*wb, only, out);
    return result;
  }
  TextFormat tf = o.format == DumpOptions::Format::Tsv ? TextFormat::Tsv : TextFormat::Csv;
  // Checked before anything is written: no partial output. A sheet with one cell far out is mostly
  // empty fields, more than the reader let any part grow to.
  const uint64_t limit = resources.xlsx().limits.max_part_bytes;
  for (size_t i = 0; i < wb->sheets.size(); ++i) {
    if (only >= 0 && static_cast<size_t>(only) != i) continue;
    const uint64_t size = delimited_size(*wb, wb->sheets[i]);
    if (size <= limit) continue;
    const Sheet& sheet = wb->sheets[i];
    Diagnostic d;
    d.code = "dump.too_large";
    d.file = o.file;
    d.sheet = sheet.name;
    d.message = std::string("导出为 ") + (tf == TextFormat::Tsv ? "tsv" : "csv") + " 至少有 " +
                std::to_string(size >> 20) + " MiB（内容一直延伸到 " +
                (sheet.value_extent() ? cell_name(sheet.value_extent()->last) : std::string("A1")) +
                "，其中大部分是空单元格），超过上限 " + std::to_string(limit >> 20) +
                " MiB；请改用 --format json（只列出有内容的单元格），或用 --max-part-mb 调高上限";
    result.fail(Status::Unreadable, std::move(d));
    return result;
  }
  for (size_t i = 0; i < wb->sheets.size(); ++i) {
    if (only >= 0 && static_cast<size_t>(only) != i) continue;
    if (only < 0) out << "# sheet: " << wb->sheets[i].name << '\n';
    write_delimited(*wb, wb->sheets[i], tf, o.raw, out);
  }
  return result;
}

}  // namespace jixiao::app
