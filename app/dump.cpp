#include "app/dump.h"

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
  for (size_t i = 0; i < wb->sheets.size(); ++i) {
    if (only >= 0 && static_cast<size_t>(only) != i) continue;
    if (only < 0) out << "# sheet: " << wb->sheets[i].name << '\n';
    write_delimited(*wb, wb->sheets[i], tf, o.raw, out);
  }
  return result;
}

}  // namespace jixiao::app
