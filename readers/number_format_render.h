// Number sections rendered: a value -> digits with grouping, decimals and exponent, or a fraction,
// with the section's literals; a text value through a text section. Internal to the number-format
// units.
#pragma once

#include <string>
#include <string_view>

#include "readers/number_format_section.h"

namespace jixiao::numfmt {

// Appends how a number section shows v; show_sign writes a '-' for a negative value (the first
// section; the others show negatives without one).
void render_number(const Section& sec, double v, bool show_sign, std::string& out);
// Appends how a text section shows a text value ("@" is the text).
void render_text(const Section& sec, std::string_view text, std::string& out);

}  // namespace jixiao::numfmt
