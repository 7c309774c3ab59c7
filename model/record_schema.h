// The record schema: for every record kind, every field's path, type, unit and meaning — the one
// list of names that layouts, profiles, rules, templates and the record JSON are checked against
// when they load. A layout naming `funds.budgte` is refused with its file and line instead of
// silently filling a field nobody reads.
//
// Paths: a plain field is "funds.budget"; a field of a list entry is "indicators[].score" (the list
// "indicators", its entries' field "score"). DOMAIN.md §5 is the contract these names follow.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jixiao {

enum class FieldType {
  Text,    // words: a name, a target written as a sentence
  Amount,  // money, in the record's unit (万元); converted when the sheet says 元
  Rate,    // a fraction: 执行率 0.999, 得分率 0.7404
  Score,   // points scored
  Weight,  // points available (分值, 权重)
  Date,
  Grade,   // 优 / 良 / 中 / 差 and regional words
  Number,  // a count or another plain number (序号, 接待批次)
  Code,    // a 功能分类 / 经济分类 code, kept as text
  Year,
};

std::string_view field_type_name(FieldType t);  // "amount", …

struct FieldDef {
  std::string path;     // "funds.budget", "indicators[].score"
  FieldType type = FieldType::Text;
  std::string unit;     // "万元", "分", "" …
  std::string meaning;  // in Chinese, for --explain and layout drafts: "全年预算数（A）"
};

struct KindDef {
  std::string kind;     // "project_selfeval"
  std::string name;     // "项目支出绩效自评表"
  std::vector<FieldDef> fields;
  std::vector<std::string> lists;  // "indicators", "funds.sources"
  const FieldDef* field(std::string_view path) const;
  bool has_list(std::string_view name) const;
};

// Every kind, loaded once.
const std::vector<KindDef>& record_kinds();
const KindDef* record_kind(std::string_view kind);

// The definition of `path` in `kind`: "funds.budget", or a list entry's field written either
// "indicators[].score" or "indicators.score". nullptr when the kind has no such field.
const FieldDef* schema_field(std::string_view kind, std::string_view path);

// Why a path is not in the schema, in Chinese, with the closest names the kind does have
// ("project_selfeval 没有字段 funds.budgte；相近的有 funds.budget"). Empty when the path is known.
std::string schema_complaint(std::string_view kind, std::string_view path);

}  // namespace jixiao
