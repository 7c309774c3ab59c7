// Excel number formats: how a stored value is shown ("0.00%", "#,##0.00", "yyyy\"年\"m\"月\"d\"日\"",
// "0.00\"万元\"", sections "pos;neg;zero;text", built-in ids). LibreOffice's display is the oracle.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

// The format code Excel implies for a built-in numFmtId (0 -> "General", 10 -> "0.00%", 14 -> a date,
// and the zh-CN ids 27..36, 50..58); an empty view when the id has no built-in meaning. Where the
// meaning depends on the locale, what LibreOffice 7.4 (en-US) shows: 14 -> "m/d/yyyy", 5..8 in "$",
// 27..31, 36 and 50..58 as its short date "m/d/yyyy", 32..35 as "h:mm:ss".
std::string_view builtin_format_code(uint32_t id);

// A parsed format code. Parsing never fails: what it does not understand is shown literally.
class NumberFormat {
 public:
  NumberFormat() = default;  // General
  static NumberFormat parse(std::string_view code);

  // Appends how a number is shown in this format. date1904 selects the workbook's date system.
  void format_number(double value, bool date1904, std::string& out) const;
  // Appends how a text value is shown (the text section, "@", or the text unchanged).
  void format_text(std::string_view text, std::string& out) const;

  bool is_general() const { return general_; }
  bool is_date() const { return date_; }   // the positive section shows a date or a time
  bool is_text() const { return text_; }   // the code is "@" (text)
  const std::string& code() const { return code_; }

  struct Section;  // defined in number_format_section.h (internal)

 private:
  std::string code_ = "General";
  bool general_ = true;
  bool date_ = false;
  bool text_ = false;
  std::vector<std::shared_ptr<const Section>> sections_;
  uint8_t text_section_ = 0xFF;  // the section text values use (0xFF: text shows unchanged)
  uint8_t numeric_sections_ = 0; // sections for numbers: a last section holding @ is for text only
  bool first_negative_ = false;  // the first section is really for negative numbers (no sign shown)
  bool second_negative_ = false; // the second section is really for negative numbers (no sign shown)

  size_t pick(double value) const;  // LibreOffice's choice of section for a number
};

// The General format as LibreOffice shows it in a CSV export: integers below 2^53 with all their
// digits, else at most 15 significant digits; fixed notation for 1e-4 <= |v| < 1e15, and below 1e-4
// down to 1e-9 while at most 16 decimals are needed; else scientific ("1E+016", "1.5E-10").
void format_general(double value, std::string& out);

}  // namespace jixiao
