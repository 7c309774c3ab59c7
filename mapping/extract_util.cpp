#include "mapping/extract_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "mapping/label_text.h"

namespace jixiao::extract {

bool matches(const LabelSpec& label, const std::string& canon) {
  return std::find(label.synonyms.begin(), label.synonyms.end(), canon) != label.synonyms.end();
}

bool contains_any(const LabelSpec& label, const std::string& canon) {
  for (const auto& s : label.synonyms)
    if (canon.find(s) != std::string::npos) return true;
  return false;
}

const ViewCell* find_label(const SheetView& v, const LabelSpec& label, Region r, bool allow_inline) {
  // Synonyms in the order the spec gives them: "人员经费合计|人员经费" prefers the first.
  for (const std::string& syn : label.synonyms) {
    // The first cell in reading order with this label, or with it before a colon.
    const ViewCell* best = nullptr;
    for (uint32_t i : v.with_canon(syn))
      if (in_region(v.cells()[i], r)) {
        best = &v.cells()[i];
        break;
      }
    if (allow_inline)
      for (uint32_t i : v.with_head(syn))
        if (in_region(v.cells()[i], r)) {
          if (!best || &v.cells()[i] < best) best = &v.cells()[i];
          break;
        }
    if (best) return best;
  }
  return nullptr;
}

std::vector<const ViewCell*> find_labels(const SheetView& v, const LabelSpec& label, Region r) {
  // Synonyms in the order written ("市县主管部门|自治区主管部门" prefers the first), each in reading order.
  std::vector<const ViewCell*> out;
  for (const std::string& syn : label.synonyms) {
    std::vector<const ViewCell*> these;
    for (uint32_t i : v.with_canon(syn))
      if (in_region(v.cells()[i], r)) these.push_back(&v.cells()[i]);
    for (uint32_t i : v.with_head(syn))
      if (in_region(v.cells()[i], r)) these.push_back(&v.cells()[i]);
    std::sort(these.begin(), these.end());  // cells are stored in reading order
    for (const ViewCell* c : these)
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

bool unit_note(const std::string& text) {
  std::string n = normalize_text(text, TextPurpose::Label);
  return n.rfind("单位:", 0) == 0 || n.rfind("金额单位", 0) == 0 || n.rfind("单位(", 0) == 0;
}

const ViewCell* find_anchor(const SheetView& v, const LabelSpec& label, Region r) {
  for (const ViewCell& c : v.cells())
    if (in_region(c, r) && (matches(label, c.canon) || contains_any(label, c.canon))) return &c;
  return nullptr;
}

std::string quoted(const std::string& raw) { return "“" + raw.substr(0, raw.find('|')) + "”"; }

bool says_yuan(const std::string& text) {
  for (const auto& part : bracket_parts(text))
    if (part == "元" || part == "单位:元" || part == "单位元") return true;
  std::string n = normalize_text(text, TextPurpose::Label);
  for (const char* p : {"单位:元", "金额单位:元"})
    if (n.rfind(p, 0) == 0) return true;
  return false;
}

UnitContext unit_of(const SheetView& v, Region r, const ViewCell* block) {
  UnitContext u;
  if (block) {
    u.yuan = says_yuan(block->text);
    return u;
  }
  for (const ViewCell& c : v.cells())
    if (in_region(c, r) && c.pos.row < r.first + 5 && says_yuan(c.text)) u.yuan = true;
  return u;
}

SourceCell source_of(const SheetView& v, CellPos p) { return {v.file(), v.sheet().name, cell_name(p)}; }

Field make_field(const SheetView& v, const ViewCell* c, ValueType type, const UnitContext& unit) {
  Field f;
  if (!c) return f;
  f.text = c->text;
  f.source = source_of(v, c->pos);
  if (type == ValueType::Text || type == ValueType::Date) {
    // Indentation (科目名称 under 类/款/项) and stray spaces are not part of a text value.
    auto is_space = [](std::string_view s) { return s.rfind(" ", 0) == 0 || s.rfind("\t", 0) == 0 || s.rfind("\xE3\x80\x80", 0) == 0; };
    std::string_view t = f.text;
    while (!t.empty() && is_space(t)) t.remove_prefix(t.rfind("\xE3\x80\x80", 0) == 0 ? 3 : 1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    while (t.size() >= 3 && t.substr(t.size() - 3) == "\xE3\x80\x80") t.remove_suffix(3);
    f.text = std::string(t);
    return f;
  }
  auto n = read_number(v, *c);
  if (!n) return f;
  Decimal value = n->value;
  if (n->from_text) f.mark(ReadAs::TextNumber);
  if (type == ValueType::Amount && unit.yuan) {
    value = *Decimal::divide(value, Decimal::from_int(10000));
    f.mark(ReadAs::FromYuan);
  }
  if (type == ValueType::Rate && !n->percent && value > Decimal::from_units(Decimal::kOne * 3 / 2)) {
    value = *Decimal::divide(value, Decimal::from_int(100));  // 99.9 typed in a 执行率 column
    f.mark(ReadAs::PercentNumber);
  }
  f.number = value;
  return f;
}

std::optional<Decimal> number_in_brackets(const std::string& text, const std::string& unit) {
  for (const auto& part : bracket_parts(text)) {
    std::string p = part;
    if (!unit.empty()) {
      if (p.size() <= unit.size() || p.compare(p.size() - unit.size(), unit.size(), unit) != 0) continue;
      p.erase(p.size() - unit.size());
    }
    if (auto d = Decimal::parse(p)) return d;
  }
  return std::nullopt;
}

std::string row_label_text(const std::string& text) {
  std::string c = canonical_label(text);
  for (std::string_view prefix : {"其中:", "其中"})
    if (c.rfind(prefix, 0) == 0 && c.size() > prefix.size()) return c.substr(prefix.size());
  return c;
}

// Decoded as ICU decodes the text it searches (a byte that starts no valid sequence is one U+FFFD),
// with ICU's own classes: \d is a decimal digit of any script, \s a White_Space character.
std::optional<std::string> year_in(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = static_cast<int32_t>(text.size());
  auto next = [&](int32_t& at) {
    UChar32 c;
    U8_NEXT(bytes, at, size, c);
    return c;
  };
  for (int32_t start = 0; start < size;) {
    int32_t at = start, digits = 0;
    while (digits < 4 && at < size) {
      int32_t after = at;
      if (!u_isdigit(next(after))) break;
      at = after;
      ++digits;
    }
    if (digits == 4) {
      const int32_t end = at;
      for (int32_t after = at; at < size && u_isUWhiteSpace(next(after)); at = after) {}
      if (at < size && next(at) == 0x5E74 /* 年 */) return std::string(text.substr(start, end - start));
    }
    next(start);  // the pattern may start at any character
  }
  return std::nullopt;
}

}  // namespace jixiao::extract
