// Date and time sections rendered: a serial -> year, month, day, weekday, era, hour, minute, second
// and their fractions, elapsed time ([h], [m], [s]), in English or Chinese names. Internal to the
// number-format units.
#pragma once

#include <string>

#include "readers/number_format_section.h"

namespace jixiao::numfmt {

// Appends how a date section shows serial v of the workbook's date system (date1904); show_sign
// writes a '-' before a negative elapsed time (the first section only).
void render_date(const Section& sec, double v, bool date1904, bool show_sign, std::string& out);

}  // namespace jixiao::numfmt
