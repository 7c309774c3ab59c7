// Number formats against LibreOffice: every row of tests/fixtures/number-formats/cases.csv holds a
// value, a format code (or a built-in id) and what LibreOffice 7.4 showed for them
// (tests/fixtures/make_number_format_cases.py writes it). A few unit tests pin what LibreOffice
// cannot be asked about (zh-CN Excel codes LibreOffice does not read). Dates and times:
// number_format_dates_test.cpp; [DBNumN]: chinese_numerals_test.cpp.
#include "readers/number_format.h"

#include <gtest/gtest.h>

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "readers/show_number.h"
#include "test_paths.h"

// Counts heap allocations while a test asks for it (formatting must only append to `out`).
namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t n) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
// The nothrow form too (std::stable_sort's buffer uses it): otherwise its memory comes from the
// runtime's operator new and goes back through the free() below, which ASan rightly refuses.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace jixiao {
namespace {

struct Case {
  int line = 0;
  std::string value, format, display, mode;
};

// RFC 4180 fields: quotes around fields holding commas, quotes or line breaks; "" is a quote.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
      any = false;
    } else if (c != '\r') {
      field += c;
      any = true;
    }
  }
  if (!field.empty() || any) rows.back().push_back(std::move(field));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::vector<Case> load_cases() {
  auto text = test::read_file(test::fixture("number-formats/cases.csv"));
  auto rows = read_csv(text);
  std::vector<Case> cases;
  for (size_t i = 1; i < rows.size(); ++i) {
    auto& r = rows[i];
    r.resize(4);
    cases.push_back({static_cast<int>(i + 1), r[0], r[1], r[2], r[3]});
  }
  return cases;
}

using numfmt_test::show;
using numfmt_test::show_text;

std::string general(double v) {
  std::string out;
  format_general(v, out);
  return out;
}

TEST(NumberFormatLibreOffice, EveryRecordedCaseMatches) {
  auto cases = load_cases();
  ASSERT_GE(cases.size(), 150u);
  int failures = 0, checked = 0;
  std::ostringstream report;
  for (const Case& c : cases) {
    std::string code = c.format;
    if (c.mode == "builtin") code = std::string(builtin_format_code(static_cast<uint32_t>(std::stoul(c.format))));
    NumberFormat f = NumberFormat::parse(code);
    std::string out;
    bool text = c.value.size() >= 2 && (c.value.front() == '\'' || c.value.front() == '"');
    if (text) {
      f.format_text(std::string_view(c.value).substr(1, c.value.size() - 2), out);
    } else {
      double v = 0;
      auto r = std::from_chars(c.value.data(), c.value.data() + c.value.size(), v);
      ASSERT_EQ(r.ec, std::errc()) << "line " << c.line << ": " << c.value;
      f.format_number(v, c.mode == "1904", out);
    }
    ++checked;
    // Where jixiao follows Excel (LO_CSV_NOTES.md): a negative serial under a date or time format in
    // the 1900 system has no date, and Excel fills the cell with #; LibreOffice shows a time.
    std::string expected = c.display;
    if (!text && c.mode != "1904" && f.is_date() && std::stod(c.value) < 0) expected = "####";
    if (out != expected) {
      ++failures;
      report << "  line " << c.line << ": " << c.value << " with [" << code << "]" << (c.mode.empty() ? "" : " ")
             << c.mode << ": expected [" << expected << "] (LibreOffice [" << c.display << "]), jixiao [" << out << "]\n";
    }
  }
  EXPECT_EQ(failures, 0) << failures << " of " << checked << " cases differ:\n" << report.str();
}

TEST(NumberFormatGeneral, LibreOfficeCsvDigits) {
  EXPECT_EQ(general(0.1 + 0.2), "0.3");
  EXPECT_EQ(general(1.0 / 3), "0.333333333333333");
  EXPECT_EQ(general(123456789012.0), "123456789012");
  EXPECT_EQ(general(-0.5), "-0.5");
  EXPECT_EQ(general(-0.0), "0");
  EXPECT_EQ(general(1.5e15), "1500000000000000");
  EXPECT_EQ(general(1234567890123456.0), "1234567890123456");  // integers below 2^53: all digits
  EXPECT_EQ(general(1234567890123456.8), "1.23456789012346E+015");
  EXPECT_EQ(general(9007199254740992.0), "9.00719925474099E+015");
  EXPECT_EQ(general(1e20), "1E+020");
  EXPECT_EQ(general(1e-7), "0.0000001");
  EXPECT_EQ(general(1.2345678901e-05), "0.000012345678901");     // 16 decimals: still fixed
  EXPECT_EQ(general(1.234567890123e-05), "1.234567890123E-05");  // 17 decimals: scientific
  EXPECT_EQ(general(1e-10), "1E-10");
  EXPECT_EQ(general(5.011691421604445), "5.01169142160445");  // the shortest digits, then half up
  EXPECT_EQ(general(1.7976931348623157e308), "1.7976931348623157E+308");
}

TEST(NumberFormatRounding, HalfAwayFromZeroAtFifteenDigits) {
  EXPECT_EQ(show("0.00", 2.675), "2.68");
  EXPECT_EQ(show("0.00", 1.005), "1.01");
  EXPECT_EQ(show("0.00", -2.675), "-2.68");
  EXPECT_EQ(show("0.00", 900.305), "900.31");               // 900.30499999999994997... as a double
  EXPECT_EQ(show("0.00", 278.80499999999995), "278.80");
  EXPECT_EQ(show("0.0%", 0.0125), "1.3%");
  EXPECT_EQ(show("0", -0.3), "0");  // no "-0"
  EXPECT_EQ(show("#,##0.00", 1234567.891), "1,234,567.89");
  EXPECT_EQ(show("0", 1e20), "100000000000000000000");
}

TEST(NumberFormatSections, SignsLiteralsAndText) {
  EXPECT_EQ(show("0.00;(0.00)", -5), "(5.00)");
  EXPECT_EQ(show("0.00;[Red]-0.00", -5), "-5.00");
  EXPECT_EQ(show("0.00\"万元\"", 1234.5), "1234.50万元");
  EXPECT_EQ(show("[$¥-804]#,##0.00", 1234.5), "¥1,234.50");
  EXPECT_EQ(show("[>=100]\"big\"0;[<0]\"neg\"0;\"small\"0", -5), "neg5");
  EXPECT_EQ(show("0;-0;;@", 0), "");
  EXPECT_EQ(show_text("0;-0;0;\"text: \"@", "abc"), "text: abc");
  EXPECT_EQ(show_text("0.00", "abc"), "abc");
  EXPECT_EQ(show_text("_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)", "abc"), " abc ");
}

TEST(NumberFormatBuiltin, EcmaAndChineseIds) {
  EXPECT_EQ(builtin_format_code(0), "General");
  EXPECT_EQ(builtin_format_code(4), "#,##0.00");
  EXPECT_EQ(builtin_format_code(10), "0.00%");
  EXPECT_EQ(builtin_format_code(14), "m/d/yyyy");
  EXPECT_EQ(builtin_format_code(22), "m/d/yyyy h:mm");
  EXPECT_EQ(builtin_format_code(31), "m/d/yyyy");  // LibreOffice's short date for the zh-CN ids
  EXPECT_EQ(builtin_format_code(32), "h:mm:ss");
  EXPECT_EQ(builtin_format_code(49), "@");
  EXPECT_EQ(builtin_format_code(58), "m/d/yyyy");
  EXPECT_EQ(builtin_format_code(59), "");
  EXPECT_EQ(builtin_format_code(164), "");
  for (uint32_t id = 0; id <= 58; ++id) EXPECT_FALSE(builtin_format_code(id).empty()) << id;
}

TEST(NumberFormatFlags, GeneralDateText) {
  EXPECT_TRUE(NumberFormat().is_general());
  EXPECT_TRUE(NumberFormat::parse("General").is_general());
  EXPECT_FALSE(NumberFormat::parse("[Red]General").is_general());
  EXPECT_TRUE(NumberFormat::parse("yyyy\"年\"m\"月\"d\"日\"").is_date());
  EXPECT_TRUE(NumberFormat::parse("[h]:mm:ss").is_date());
  EXPECT_FALSE(NumberFormat::parse("0.00").is_date());
  EXPECT_FALSE(NumberFormat::parse("\"d\"0").is_date());
  EXPECT_TRUE(NumberFormat::parse("@").is_text());
  EXPECT_FALSE(NumberFormat::parse("0;-0;0;@").is_text());
  EXPECT_EQ(NumberFormat::parse("0.00%").code(), "0.00%");
}

// zh-CN Excel codes LibreOffice does not understand: Excel's display.
TEST(NumberFormatExcelOnly, ChineseGeneralAndAmPm) {
  EXPECT_EQ(show("G/通用格式", 1234.5), "1234.5");
  EXPECT_TRUE(NumberFormat::parse("G/通用格式").is_general());
  EXPECT_EQ(show("G/通用格式\"元\"", 1234.5), "1234.5元");
  EXPECT_EQ(show("上午/下午h\"时\"mm\"分\"", 45366.75), "下午6时00分");
  EXPECT_EQ(show("上午/下午h\"时\"mm\"分\"", 45366.25), "上午6时00分");
  EXPECT_EQ(show("e\"年\"m\"月\"d\"日\"", 45366), "2024年3月15日");
  EXPECT_EQ(show("[$-x-sysdate]dddd, mmmm dd, yyyy", 45358.25), "Thursday, March 7, 2024");
  EXPECT_EQ(show("[$-x-systime]h:mm:ss AM/PM", 45358.75), "06:00:00 PM");
}

// A last section holding only @ is the text section, not the one for negative numbers.
TEST(NumberFormatExcel, AtSignSectionIsForText) {
  EXPECT_EQ(show("0.00;@", -1.5), "-1.50");
  EXPECT_EQ(show_text("0.00;@", "abc"), "abc");
  EXPECT_EQ(show_text("0;-0;\"z: \"@", "abc"), "z: abc");
  EXPECT_EQ(show("0;-0;\"z: \"@", 0), "0");
  // A fourth section "General" shows the text (sheetjs NumberFormatCondition.xlsm A10: "foo ").
  EXPECT_EQ(show_text("[Red][<-25]General;[Blue][>25]General;[Green]General;[Yellow]General\\ ", "foo"), "foo ");
}

// _X leaves a space as wide as X: LibreOffice writes two for a character outside ASCII
// (phpspreadsheet double_attr_drawing.xlsx J1 "#,##0.0\ _₽" -> "0.0   ").
TEST(NumberFormatLibreOffice, WideSpacerIsTwoSpaces) {
  EXPECT_EQ(show("#,##0.0\\ _₽", 0), "0.0   ");
  EXPECT_EQ(show("#,##0.00_€", 1.5), "1.50  ");
  EXPECT_EQ(show("0_)", 1), "1 ");
}

// What the fuzzer found: a fixed denominator of ten digits overflowed an int.
TEST(NumberFormatRobustness, HugeFixedDenominator) {
  std::string out = show("# ?/4777777777", 0.5);
  EXPECT_NE(out.find('/'), std::string::npos) << out;
}

// Speed is measured by bench/run.sh; here only that formatting never allocates.
TEST(NumberFormat, FormatsWithoutAllocating) {
  NumberFormat fixed = NumberFormat::parse("#,##0.00");
  NumberFormat pct = NumberFormat::parse("0.00%");
  NumberFormat date = NumberFormat::parse("yyyy-mm-dd");
  NumberFormat general_fmt;
  std::string out;
  out.reserve(1 << 16);
  g_allocations = 0;
  g_counting = true;
  for (int i = 0; i < 1000; ++i) {
    double v = i * 1234.5678 - 50000.125;
    general_fmt.format_number(v, false, out);
    fixed.format_number(v, false, out);
    pct.format_number(v / 1e5, false, out);
    date.format_number(40000 + i, false, out);
    format_general(v / 7, out);
  }
  g_counting = false;
  EXPECT_EQ(g_allocations.load(), 0);

}

}  // namespace
}  // namespace jixiao
