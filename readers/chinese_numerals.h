// [DBNumN] number formats: the digits a section wrote, rewritten as Chinese numerals the way Excel
// and LibreOffice show them. Internal to the number-format units.
#pragma once

#include <cstddef>
#include <string>

namespace jixiao::numfmt {

// Rewrites the ASCII digits written from `from` on as Chinese numerals: [DBNum1] (kind 1) lower case
// with units, [DBNum2] (2) financial upper case, [DBNum3] (3) full-width digits.
void to_chinese_numerals(std::string& out, size_t from, int kind);

}  // namespace jixiao::numfmt
