#include "model/record.h"

namespace jixiao {

std::string read_note(const Field& f) {
  std::string out;
  auto add = [&](ReadAs flag, const char* words) {
    if (f.read_as(flag)) out += (out.empty() ? "" : "，") + std::string(words);
  };
  add(ReadAs::TextNumber, "文本数字");
  add(ReadAs::FromYuan, "元→万元");
  add(ReadAs::FromLabel, "标签中的分值");
  add(ReadAs::PercentNumber, "按百分数读取");
  add(ReadAs::Converted, "换算");
  return out;
}

}  // namespace jixiao
