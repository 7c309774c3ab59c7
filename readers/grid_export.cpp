// Stub.
#include "readers/grid_export.h"
#include "readers/number_format.h"
namespace jixiao {
CellDisplay::CellDisplay(const Workbook& wb) : wb_(wb) {}
CellDisplay::~CellDisplay() = default;
void CellDisplay::display(const Cell&, std::string&) {}
void CellDisplay::raw(const Cell&, std::string&) const {}
void write_delimited(const Workbook&, const Sheet&, TextFormat, bool, std::ostream&) {}
void write_json(const Workbook&, int, std::ostream&) {}
}  // namespace jixiao
