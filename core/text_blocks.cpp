#include "core/text_blocks.h"

namespace jixiao {

std::string TextLocation::to_text() const {
  std::string s;
  if (page > 0) s += "第" + std::to_string(page) + "页";
  s += "第" + std::to_string(paragraph) + "段";
  if (table > 0)
    s += "（表" + std::to_string(table) + " 第" + std::to_string(row) + "行第" + std::to_string(cell) + "格）";
  return s;
}

}  // namespace jixiao
