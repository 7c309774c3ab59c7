// Pieces the recogniser and the extractors share: label matching and reading a cell into a Field.
// Internal to mapping/.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "mapping/layout_spec.h"
#include "mapping/sheet_view.h"
#include "model/record.h"

namespace jixiao::extract {

bool matches(const LabelSpec& label, const std::string& canon);
bool contains_any(const LabelSpec& label, const std::string& canon);
inline bool in_region(const ViewCell& c, Region r) { return c.pos.row >= r.first && c.pos.row <= r.last; }

// The first cell of the region whose label equals one of the synonyms, or that starts with one of
// them followed by a colon ("项目名称：…").
const ViewCell* find_label(const SheetView& v, const LabelSpec& label, Region r, bool allow_inline = true);
// Every cell of the region whose label equals a synonym (or starts with one before a colon), in
// reading order: a label a sheet writes twice ("主管部门（盖章）：" above the table, "主管部门" in it).
std::vector<const ViewCell*> find_labels(const SheetView& v, const LabelSpec& label, Region r);
// A text that notes the unit of a table rather than a value: "单位：万元", "金额单位：元".
bool unit_note(const std::string& text);
// A title-like anchor: equal, or containing a synonym.
const ViewCell* find_anchor(const SheetView& v, const LabelSpec& label, Region r);
std::string quoted(const std::string& raw);  // “first synonym”

struct UnitContext {
  bool yuan = false;  // amounts are in 元: divide by 10,000
};
bool says_yuan(const std::string& text);
UnitContext unit_of(const SheetView& v, Region r, const ViewCell* block);

SourceCell source_of(const SheetView& v, CellPos p);
// A cell read as a value of the given type (amounts converted to 万元 when the unit is 元).
Field make_field(const SheetView& v, const ViewCell* c, ValueType type, const UnitContext& unit);
std::optional<Decimal> number_in_brackets(const std::string& text, const std::string& unit);
// The first year the text writes as four digits followed by 年, spaces allowed between
// ("2022年度" "（2022 年）" -> "2022"): what the pattern (\d{4})\s*年 finds, without a regex engine
// (layouts' read="year"). Digits of any script count, as \d counts them.
std::optional<std::string> year_in(std::string_view text);
// A row label as a list entry's label: canonical, without "其中：".
std::string row_label_text(const std::string& text);

}  // namespace jixiao::extract
