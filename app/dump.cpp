#include "app/dump.h"

#include "app/workbooks.h"

#include "readers/cell_ref.h"
#include "readers/grid_export.h"

namespace jixiao::app {

DumpResult dump(Resources& resources, const DumpOptions& o, std::ostream& out) {
  DumpResult result;
  auto wb = read_workbook(resources, o.file, result);
  if (!wb) return result;
  int only = -1;
  if (!o.sheet.empty()) {
    only = find_sheet(*wb, o.sheet);
    if (only < 0) {
      result.fail(Status::Refused, no_such_sheet(o.file, o.sheet, *wb, "dump.no_sheet"));
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
