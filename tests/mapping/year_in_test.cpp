// read="year" in a layout reads a title's year without ICU's regex engine (whose tables cost more to
// build than every layout costs to load). It must find what the pattern it replaced, (\d{4})\s*年,
// finds with ICU: held here on every cell of every sample workbook and on texts made to be awkward.
#include "mapping/extract_util.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/text_norm.h"
#include "mapping/sheet_view.h"
#include "readers/xlsx_reader.h"
#include "test_paths.h"

namespace jixiao {
namespace {

std::optional<std::string> by_icu(const TextRegex& re, const std::string& text) {
  auto m = re.search(text);
  if (!m) return std::nullopt;
  return (*m)[1];
}

TEST(YearIn, FindsWhatTheRegexItReplacedFindsInEverySampleCell) {
  const TextRegex re = *TextRegex::compile(R"((\d{4})\s*年)");
  size_t cells = 0, years = 0;
  for (const char* producer : {"openpyxl", "libreoffice", "regional"}) {
    const auto dir = test::source_dir() / "samples" / producer;
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      if (e.path().extension() != ".xlsx") continue;
      Diagnostics diags;
      auto wb = read_xlsx_file(e.path().string(), diags);
      if (!wb) continue;
      for (const Sheet& s : wb->sheets) {
        SheetView v(*wb, s, e.path().string());
        for (const ViewCell& c : v.cells()) {
          ++cells;
          const auto want = by_icu(re, c.text);
          years += want.has_value();
          EXPECT_EQ(extract::year_in(c.text), want) << e.path() << " " << c.text;
        }
      }
    }
  }
  EXPECT_GT(cells, 5000u);
  EXPECT_GT(years, 100u);  // titles and notes that do hold a year
}

TEST(YearIn, AwkwardTextsGiveWhatTheRegexGives) {
  const TextRegex re = *TextRegex::compile(R"((\d{4})\s*年)");
  for (const std::string text :
       {"2022年度", "（2022 年）", "12022年", "2021-2022年", "2022\u3000年度", "2022\u00a0年", "２０２２年", "20２2年",
        "年度2022", "202 2年", "2022", "预算年度：2023年，执行2022年", "2022\n年", "编制于2019年12月", "2019年度20230年",
        "\xE4\xB8", "2022\xE5\xB9", "x2022年\xFF", "\x80" "2022年", "\xE4" "2022年", "\xE4\xB8" "2022年",
        "\xF0\x9F" "2022 年", "2022\u2003\u202f年", "99999年", "2022\x0B年", "2022\u0085年", "2022\u200B年",
        "\u0662\u0660\u0662\u0662年", "\u0968\u0966\u0968\u0968 年度"}) {
    EXPECT_EQ(extract::year_in(text), by_icu(re, text)) << text;
  }
  EXPECT_EQ(extract::year_in("（2022年度）项目支出绩效自评表"), "2022");
  EXPECT_EQ(extract::year_in("2021-2022年"), "2022");
  EXPECT_EQ(extract::year_in("年度2022"), std::nullopt);
}

}  // namespace
}  // namespace jixiao
