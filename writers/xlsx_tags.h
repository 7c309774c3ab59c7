// The tag language of XLSX templates, over the text of one cell: {{path}}, {{.}}, {{@index}},
// {{#list}} and {{/list}}; and dot paths looked up in a stack of JSON scopes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace jixiao {

struct TagPiece {
  enum class Kind { Text, Path, Dot, Index, Open, Close };
  Kind kind = Kind::Text;
  std::string text;  // Text: the literal text; Path/Open/Close: the path; Dot/Index: the tag as written
  std::string tag;   // the tag as written, braces included ("{{funds.budget}}"), for messages
  std::vector<std::string> segments;  // Path/Open/Close: the path split at dots, once
};

struct ParsedCellText {
  std::vector<TagPiece> pieces;
  bool has_tags = false;
  std::string error;  // malformed tag, in Chinese; empty when fine
  std::string error_tag;
};

// Splits text into literal runs and tags. Text without "{{" is one Text piece.
ParsedCellText parse_cell_text(std::string_view text);

// Section frames, innermost last; frame 0 is the data root.
struct ScopeFrame {
  const nlohmann::ordered_json* value = nullptr;
  size_t index = 0;  // 0-based position within the section's list
};

// Looks a dot path up: in the innermost frame first, then outwards; the first frame that has the
// first segment decides (a later segment missing there is "not found", no further search).
const nlohmann::ordered_json* lookup_path(const std::vector<ScopeFrame>& scopes, std::string_view path);
const nlohmann::ordered_json* lookup_path(const std::vector<ScopeFrame>& scopes, const std::vector<std::string>& segments);
std::vector<std::string> split_path(std::string_view path);

// A JSON number as JSON prints it (shortest text that reads back the same double: 19.98).
void append_json_number(std::string& out, const nlohmann::ordered_json& v);

// A JSON scalar as text in a cell: strings as they are, numbers as JSON prints them (19.98, not
// 19.979999999999997), true/false, null as "", arrays and objects as compact JSON.
std::string json_text(const nlohmann::ordered_json& v);

// Whether a section value shows its rows: false, null, empty arrays, empty strings and 0 do not.
bool truthy(const nlohmann::ordered_json& v);

}  // namespace jixiao
