#include "app/dump.h"

#include <deque>

#include "app/workbooks.h"
#include "readers/cell_ref.h"
#include "readers/grid_export.h"
#include "readers/xlsx_reader.h"

namespace jixiao::app {

namespace {

// Dumps a plain .xlsx a row at a time (readers' XlsxStream), so memory stays flat whatever the
// sheet's size. CSV/TSV lines are padded to the sheet's widest row, which is known only at its end:
// the first pass over each sheet measures its area, collects its merges and warnings, and keeps its
// lines unpadded (DelimitedRowBuffer) while they fit in DumpOptions::row_buffer_bytes altogether;
// a sheet that did not fit, and JSON (whose merges come before its cells), is read a second time to
// be written. Nothing is written before every first pass is done, so a fault found on the way leaves
// no partial output. Returns false, having written and reported nothing, when the file needs the
// whole grid: an .xls or encrypted file, cells out of order, a formula saved without a value that
// refers beyond its own row (computed over the grid), a sheet that must be refused, or no cells at
// all (the grid reader then looks for parts the workbook lost).
bool dump_streamed(Resources& resources, const DumpOptions& o, std::ostream& out, DumpResult& result) {
  Diagnostics diags;
  auto stream = XlsxStream::open(o.file, diags, resources.xlsx());
  if (!stream) return false;
  const Workbook& book = stream->book();
  std::vector<size_t> chosen;
  if (!o.sheet.empty()) {
    const int only = find_sheet(book, o.sheet);
    if (only < 0) return false;
    chosen.push_back(static_cast<size_t>(only));
  } else {
    for (size_t i = 0; i < book.sheets.size(); ++i) chosen.push_back(i);
  }
  const uint64_t limit = resources.xlsx().limits.max_part_bytes;
  const bool json = o.format == DumpOptions::Format::Json;
  const TextFormat tf = o.format == DumpOptions::Format::Tsv ? TextFormat::Tsv : TextFormat::Csv;
  std::vector<DelimitedArea> areas(chosen.size());
  std::vector<std::vector<CellRange>> merges(chosen.size());
  std::deque<DelimitedRowBuffer> lines;  // not moved once made: each may have a thread at work
  uint64_t budget = json ? 0 : o.row_buffer_bytes;
  uint64_t cells = 0, shown = 0;
  for (size_t k = 0; k < chosen.size(); ++k) {
    DelimitedRowBuffer& kept = lines.emplace_back(book, tf, o.raw, budget);
    auto scan = stream->scan(chosen[k], [&](const Workbook& wb, const Sheet& row) {
      areas[k].add(wb, row);
      for (const Cell& c : row.cells) shown += wb.text(c).size();
      if (!json) kept.add(row);
    }, diags);
    kept.finish();
    budget = kept.remaining();
    if (!scan || !scan->in_order || scan->needs_grid) return false;
    cells += scan->cells;
    merges[k] = std::move(scan->merges);
  }
  if (cells == 0 || shown > limit) return false;
  if (!json)
    for (const DelimitedArea& area : areas)
      if (area.size() > limit) return false;

  Diagnostics again;  // the second pass repeats the first one's warnings
  std::optional<Diagnostic> failed;
  auto pass = [&](size_t k, const XlsxStream::RowVisitor& visit) {
    auto scan = stream->scan(chosen[k], visit, again);
    if (!scan && !failed) failed = scan.error();
  };
  if (json) {
    JsonSheetsWriter doc(book, out);
    for (size_t k = 0; k < chosen.size(); ++k) {
      doc.begin_sheet(book.sheets[chosen[k]], merges[k]);
      pass(k, [&](const Workbook&, const Sheet& row) { doc.cells(row); });
      doc.end_sheet();
    }
    doc.finish();
  } else {
    for (size_t k = 0; k < chosen.size(); ++k) {
      if (o.sheet.empty()) out << "# sheet: " << book.sheets[chosen[k]].name << '\n';
      if (lines[k].complete()) {
        lines[k].write(areas[k], out);
        continue;
      }
      DelimitedRowWriter writer(book, areas[k], tf, o.raw, out);
      pass(k, [&](const Workbook&, const Sheet& row) { writer.row(row); });
      writer.finish();
    }
  }
  result.add(diags);
  result.streamed = true;
  if (failed) result.fail(Status::Unreadable, *failed);  // the file changed between the passes
  return true;
}

}  // namespace

DumpResult dump(Resources& resources, const DumpOptions& o, std::ostream& out) {
  DumpResult result;
  if (dump_streamed(resources, o, out, result)) return result;
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
