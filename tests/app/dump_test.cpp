// app::dump reads a plain .xlsx a row at a time (bounded memory) and must write exactly what the grid
// writers write for the same workbook read whole: the grid's CSV is held to LibreOffice's by the
// golden tests, so the stream is held to LibreOffice's through it.
#include "app/dump.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "readers/grid_export.h"
#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

app::Resources& resources() {
  static app::Resources r(app::Settings{{}, {}, JIXIAO_BINARY_DIR "/share/jixiao"});  // the build tree's data
  return r;
}

std::vector<std::filesystem::path> workbooks() {
  std::vector<std::filesystem::path> files;
  for (const auto& dir : {test::fixture("xlsx"), test::source_dir() / "samples" / "openpyxl",
                          test::source_dir() / "samples" / "libreoffice"})
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".xlsx") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// What dump wrote before it streamed: the whole grid through write_delimited / write_json.
std::string grid_dump(const Workbook& wb, app::DumpOptions::Format format, bool raw) {
  std::ostringstream out;
  if (format == app::DumpOptions::Format::Json) {
    write_json(wb, -1, out);
    return out.str();
  }
  for (const Sheet& s : wb.sheets) {
    out << "# sheet: " << s.name << '\n';
    write_delimited(wb, s, format == app::DumpOptions::Format::Tsv ? TextFormat::Tsv : TextFormat::Csv, raw, out);
  }
  return out.str();
}

TEST(AppDump, StreamedDumpWritesWhatTheWholeGridWrites) {
  size_t streamed = 0, files = 0;
  for (const auto& f : workbooks()) {
    Diagnostics diags;
    auto wb = read_xlsx_file(f.string(), diags);
    if (!wb) continue;
    ++files;
    struct Way {
      app::DumpOptions::Format format;
      bool raw;
    };
    for (Way way : {Way{app::DumpOptions::Format::Csv, false}, Way{app::DumpOptions::Format::Csv, true},
                    Way{app::DumpOptions::Format::Tsv, false}, Way{app::DumpOptions::Format::Json, false}}) {
      const std::string want = grid_dump(*wb, way.format, way.raw);
      // Every sheet read once and its lines held; none held (each sheet read twice); a budget that
      // runs out part of the way, so that held sheets and sheets read again are written together;
      // and one that runs out while openpyxl-long-sheet's rows are formatted on the second thread.
      for (uint64_t budget : {uint64_t{32} << 20, uint64_t{0}, uint64_t{300}, uint64_t{200000}}) {
        app::DumpOptions o;
        o.file = f.string();
        o.format = way.format;
        o.raw = way.raw;
        o.row_buffer_bytes = budget;
        std::ostringstream out;
        auto r = app::dump(resources(), o, out);
        ASSERT_EQ(r.status, app::Status::Ok) << f;
        EXPECT_EQ(out.str(), want) << f << " format " << static_cast<int>(way.format) << " budget " << budget;
        if (way.format == app::DumpOptions::Format::Csv && !way.raw && budget == 0 && r.streamed) ++streamed;
      }
    }
  }
  // Most fixtures are streamed (about four in five); the rest (formulas saved without values, as openpyxl
  // writes them) take the grid path. Were none streamed, this would compare the grid with itself.
  EXPECT_GT(files, 40u);
  EXPECT_GT(streamed * 10, files * 7) << streamed << " of " << files;
}

// One sheet chosen by name: only that sheet, without the "# sheet:" line, streamed.
TEST(AppDump, OneSheetIsStreamedAlone) {
  const auto file = test::source_dir() / "samples" / "openpyxl" / "001_剑阁县医保局_2022_部门决算公开九表.xlsx";
  Diagnostics diags;
  auto wb = read_xlsx_file(file.string(), diags);
  ASSERT_TRUE(wb);
  ASSERT_GT(wb->sheets.size(), 2u);
  app::DumpOptions o;
  o.file = file.string();
  o.sheet = "2";
  std::ostringstream out, want;
  auto r = app::dump(resources(), o, out);
  EXPECT_TRUE(r.streamed);
  write_delimited(*wb, wb->sheets[1], TextFormat::Csv, false, want);
  EXPECT_EQ(out.str(), want.str());
}

// The streamed JSON is laid out as nlohmann's dump(1) lays out the document it holds.
TEST(AppDump, StreamedJsonIsTheDocumentsOwnPrettyPrint) {
  const auto file = test::source_dir() / "samples" / "libreoffice" / "001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx";
  app::DumpOptions o;
  o.file = file.string();
  o.format = app::DumpOptions::Format::Json;
  std::ostringstream out;
  auto r = app::dump(resources(), o, out);
  ASSERT_EQ(r.status, app::Status::Ok);
  EXPECT_TRUE(r.streamed);
  auto doc = nlohmann::ordered_json::parse(out.str());
  EXPECT_EQ(doc.dump(1) + "\n", out.str());
  EXPECT_FALSE(doc["sheets"][0]["cells"].empty());
}

}  // namespace
}  // namespace jixiao
