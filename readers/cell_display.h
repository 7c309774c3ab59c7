// What a cell shows: its value through its number format, as LibreOffice and Excel display it
// (the text recognition reads), and its stored value as text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "readers/workbook.h"

namespace jixiao {

class NumberFormat;

// Caches parsed number formats per style of one workbook.
class CellDisplay {
 public:
  explicit CellDisplay(const Workbook& wb);
  ~CellDisplay();
  // Appends what the cell shows (LibreOffice/Excel display).
  void display(const Cell& c, std::string& out);
  // Appends the stored value ("0.999", "TRUE", the ISO date for a date cell).
  void raw(const Cell& c, std::string& out) const;

 private:
  const Workbook& wb_;
  std::vector<std::unique_ptr<NumberFormat>> formats_;
};

}  // namespace jixiao
