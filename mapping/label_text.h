// Label text as people type it, made comparable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_norm.h"

namespace jixiao {

// A label reduced to its words: normalize_text(Label) (core/text_norm.h), then bracketed parts and a
// trailing colon removed ("项目资金\n（20分）" -> "项目资金", "全年预算数（A）" -> "全年预算数", "年度资金总额：" -> "年度资金总额").
std::string canonical_label(std::string_view text);

// The bracketed parts of a label, normalised ("项目资金（元）（20分）" -> {"元", "20分"}).
std::vector<std::string> bracket_parts(std::string_view text);

// "label：value" written in one cell: the value after the first colon when the part before it
// (canonical) equals one of the synonyms; nullopt otherwise.
std::optional<std::string> inline_value(std::string_view text, const std::vector<std::string>& canonical_synonyms);

// The canonical label before the first colon of "label：value", when a value follows; else empty.
std::string inline_head(std::string_view text);

// Synonyms written "a|b|c" in a spec, each canonicalised.
std::vector<std::string> split_synonyms(std::string_view spec);

}  // namespace jixiao
