// The message of a broken assertion: every value named by its record, row and label, the
// arithmetic spelled out, the template's fields filled in (model/rule_language.h).
#include <algorithm>

#include "model/rule_eval.h"

namespace jixiao::rules {

const char* negated(Op op) {
  switch (op) {
    case Op::Eq: return "≠";
    case Op::Ne: return "=";
    case Op::Lt: return "≥";
    case Op::Le: return ">";
    case Op::Gt: return "≤";
    case Op::Ge: return "<";
    default: return "?";
  }
}

const char* relation(Op op) {
  switch (op) {
    case Op::Eq: return "=";
    case Op::Ne: return "≠";
    case Op::Lt: return "<";
    case Op::Le: return "≤";
    case Op::Gt: return ">";
    case Op::Ge: return "≥";
    default: return "?";
  }
}

std::vector<Piece> parenthesized(const Val& v) {
  std::vector<Piece> out{{false, "(", {}, {}, nullptr, {}}};
  out.insert(out.end(), v.pieces.begin(), v.pieces.end());
  out.push_back({false, ")", {}, {}, nullptr, {}});
  return out;
}

// ---- messages ----------------------------------------------------------------------------------
std::string Evaluator::root_label(const std::string& root) const {
  if (auto it = set_.labels.find(root); it != set_.labels.end()) return it->second;
  if (root.rfind("prior.", 0) == 0) return "上年" + root_label(root.substr(6));
  return root;
}

std::string Evaluator::label(const std::string& key) const {
  if (auto it = set_.labels.find(key); it != set_.labels.end()) return it->second;
  if (key.rfind("prior.", 0) == 0) return label(key.substr(6));
  size_t dot = key.find('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

std::string Evaluator::render(const std::vector<Piece>& pieces, bool by_record, const void* omit_row) const {
  std::string s;
  for (const Piece& p : pieces) {
    if (!p.leaf) {
      s += p.text;
      continue;
    }
    std::string leaf;
    auto add = [&](const std::string& part) {
      if (!part.empty()) leaf += (leaf.empty() ? "" : " ") + part;
    };
    if (by_record && !p.root.empty()) add(root_label(p.root));
    if (!p.row_id || p.row_id != omit_row) add(p.row);
    add(p.label);
    add(p.text);
    s += leaf;
  }
  return s;
}

// One side as shown: its values named, and its result when it is an operation.
std::string Evaluator::side_text(const Val& side, const Val& other, bool left) const {
  std::vector<std::string> roots = side.roots;
  for (const auto& r : other.roots)
    if (std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
  const void* omit = nullptr;
  if (!left) {  // leave out the row's label where the left side is one row's value
    for (const Piece& p : other.pieces) {
      if (!p.leaf) continue;
      if (!p.row_id || (omit && omit != p.row_id)) {
        omit = nullptr;
        break;
      }
      omit = p.row_id;
    }
  }
  std::string s = render(side.pieces, roots.size() > 1, omit);
  if (side.composite) s += " = " + shown(side);
  return s;
}

void Evaluator::emit(const Outcome& o) {
  Finding f;
  f.rule = rule_->id;
  f.severity = rule_->severity;
  const Field* at = o.lhs.first ? o.lhs.first : o.rhs.first;
  if (at) {
    f.file = at->source.file;
    f.sheet = at->source.sheet;
    f.cell = at->source.cell;
  }
  if (o.comparison) {
    f.found = o.text_compare ? text_of(o.lhs) : number_of(o.lhs).to_string();
    f.expected = o.text_compare ? text_of(o.rhs) : number_of(o.rhs).to_string();
  }
  for (const MessagePart& part : rule_->message) {
    if (!part.field) {
      f.message += part.text;
    } else if (part.expr) {
      bool absent = absent_, undefined = undefined_;
      Val v = eval(*part.expr);  // a field as the sheet shows it ("21011", not 21011.00)
      f.message += !v.composite && !v.str.empty() && !v.text_literal ? text_of(v) : shown(v);
      absent_ = absent;
      undefined_ = undefined;
    } else if (part.text == "check") {
      f.message += o.text;
    } else if (part.text == "lhs") {
      f.message += side_text(o.lhs, o.rhs, true);
    } else if (part.text == "rhs") {
      f.message += side_text(o.rhs, o.lhs, false);
    } else if (part.text == "found") {
      f.message += o.text_compare ? text_of(o.lhs) : shown(o.lhs);
    } else if (part.text == "expected") {
      f.message += o.text_compare ? text_of(o.rhs) : shown(o.rhs);
    } else if (part.text == "diff") {
      int64_t d = 0;
      if (!__builtin_sub_overflow(number_of(o.lhs).units(), number_of(o.rhs).units(), &d))
        f.message += amount_text(Decimal::from_units(d));
    } else if (part.text == "tolerance") {
      f.message += o.tolerance.to_string();
    } else if (part.text == "title") {
      f.message += rule_->title;
    }
  }
  out_.push_back(std::move(f));
}

// ---- names -------------------------------------------------------------------------------------
std::string Evaluator::row_label(const Row& row) const {
  if (row.rec) {
    std::string name = trimmed(row.rec->text("name"));
    return name.empty() ? "第 " + std::to_string(row.index + 1) + " 项" : name;
  }
  auto text = [&](const char* key) {
    const Field* f = field_of(*row.map, key);
    return f ? trimmed(f->text) : std::string{};
  };
  std::string code = text("code"), name = text("name");
  if (!code.empty() && !name.empty()) return code + " " + name;
  for (const std::string& s : {code, name, text("label"), text("level3")})
    if (!s.empty()) return s;
  return "第 " + std::to_string(row.index + 1) + " 行";
}

// A row as one term of a sum: its code, else its label.
std::string Evaluator::term_label(const Row& row) const {
  if (row.map)
    if (const Field* f = field_of(*row.map, "code"); f && !trimmed(f->text).empty()) return trimmed(f->text);
  return row_label(row);
}

}  // namespace jixiao::rules
