// Label text as people type it, made comparable: NFKC (full-width （）％： become ( ) % :), every
// space and line break removed ("项 目 名 称", "一级\n指标" -> "项目名称", "一级指标").
#pragma once

#include <string>
#include <string_view>

namespace jixiao {

std::string normalize_label(std::string_view text);

}  // namespace jixiao
