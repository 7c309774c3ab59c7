#include "mapping/extract_util.h"

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

namespace {

// The byte length of an ASCII or full-width (U+FF10..U+FF19) digit at text[i], or 0.
size_t digit_at(std::string_view text, size_t i) {
  if (i < text.size() && text[i] >= '0' && text[i] <= '9') return 1;
  if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
      static_cast<unsigned char>(text[i + 1]) == 0xBC && static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
      static_cast<unsigned char>(text[i + 2]) <= 0x99)
    return 3;
  return 0;
}

// The byte length of a white-space character at text[i] (\s: ASCII space and controls, U+00A0,
// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or 0.
size_t space_at(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  const auto b = [&](size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  const unsigned c = b(0);
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return 1;
  if (c == 0xC2 && (b(1) == 0xA0 || b(1) == 0x85)) return 2;
  if (c == 0xE1 && b(1) == 0x9A && b(2) == 0x80) return 3;
  if (c == 0xE2 && b(1) == 0x80 && (b(2) <= 0x8A || b(2) == 0xA8 || b(2) == 0xA9 || b(2) == 0xAF)) return 3;
  if (c == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;
  return 0;
}

}  // namespace

std::optional<std::string> year_in(std::string_view text) {
  static constexpr std::string_view kYear = "年";
  for (size_t i = 0; i < text.size();) {
    size_t end = i;
    int digits = 0;
    for (size_t n; digits < 4 && (n = digit_at(text, end)) > 0; end += n) ++digits;
    if (digits == 4) {
      size_t after = end;
      for (size_t n; (n = space_at(text, after)) > 0;) after += n;
      if (text.substr(after, kYear.size()) == kYear) return std::string(text.substr(i, end - i));
    }
    // The next character: the pattern may start at any of them. A byte that starts no valid
    // sequence is one character, as ICU reads it (U+FFFD), so a digit after it is not skipped.
    const unsigned char c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0xC2 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 1;
    for (size_t k = 1; k < n; ++k)
      if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) n = k;
    i += n;
  }
  return std::nullopt;
}

}  // namespace jixiao::extract
