// Evaluates rules over the records of one department-year (model/rule_language.h).
#include <algorithm>
#include <climits>

#include "model/rule_eval.h"
#include "model/value_text.h"

namespace jixiao {

namespace rules {

std::string amount_text(Decimal v) { return v.round(2) == v ? v.to_string(2) : v.to_string(); }

std::string trimmed(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  size_t b = s.find_last_not_of(" \t\r\n");
  std::string t = s.substr(a, b - a + 1);
  while (t.rfind("　", 0) == 0) t.erase(0, 3);
  return t;
}

std::string norm(const std::string& s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
  if (!ascii) return normalize_value_text(s);
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

namespace {

bool read_in_yuan(const Field& f) { return norm(f.note).find("元→万元") != std::string::npos; }

size_t characters(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string shown(const Val& v) {
  switch (v.k) {
    case Val::K::Num: return v.integral ? v.num.to_string() : amount_text(v.num);
    case Val::K::Str: return trimmed(std::string(v.str));
    case Val::K::Bool: return v.b ? "是" : "否";
    case Val::K::Blank: return "0.00";
    default: return {};
  }
}

std::string text_of(const Val& v) {
  if (v.k == Val::K::Str) return trimmed(std::string(v.str));
  if (v.k == Val::K::Num) return v.str.empty() ? v.num.to_string() : trimmed(std::string(v.str));
  return {};
}

std::string plain_of(const Val& v) {
  if (v.k == Val::K::Str || (v.k == Val::K::Num && !v.str.empty())) return std::string(v.plain);
  if (v.k == Val::K::Num) return v.num.to_string();
  return {};
}

Decimal number_of(const Val& v) { return v.k == Val::K::Num ? v.num : Decimal{}; }

bool truthy(const Val& v) {
  switch (v.k) {
    case Val::K::Bool: return v.b;
    case Val::K::Num: return v.num != Decimal{};
    case Val::K::Str: return !v.plain.empty();
    case Val::K::List: return !v.rows.empty();
    case Val::K::Rec: return true;
    default: return false;
  }
}

Findings Evaluator::run() {
  for (const Rule& rule : set_.rules) {
    rule_ = &rule;
    bindings(0);
  }
  return std::move(out_);
}

// ---- the rule's `each` parameters and `when` -------------------------------------------------
void Evaluator::bindings(size_t i) {
  if (i < rule_->each.size()) {
    for (const auto& value : rule_->each[i].second) {
      params_[rule_->each[i].first] = value;
      bindings(i + 1);
    }
    return;
  }
  if (rule_->when) {
    absent_ = undefined_ = false;
    Val w = eval(*rule_->when);
    if (absent_ || undefined_ || !truthy(w)) return;
  }
  for (const auto& check : rule_->checks) assert_node(*check);
}

// ---- assertions ------------------------------------------------------------------------------
void Evaluator::assert_node(const Node& n) {
  if (n.op == Op::For) {
    for_each(n, [&]() { assert_node(*n.kids[1]); });
    return;
  }
  if (n.op == Op::And) {  // each side is an assertion of its own
    assert_node(*n.kids[0]);
    assert_node(*n.kids[1]);
    return;
  }
  absent_ = undefined_ = false;
  Outcome o = outcome(n);
  if (absent_ || undefined_ || o.skip || o.ok) return;
  // Broken: evaluate again, this time naming every value for the message.
  render_ = true;
  o = outcome(n);
  emit(o);
  render_ = false;
}

// Runs `body` once per row of a for's list that passes its where, with the variable bound.
void Evaluator::for_each(const Node& n, const std::function<void()>& body) {
  const Node& list = *n.kids[0];
  const Node& base = list.op == Op::Where ? *list.kids[0] : list;
  absent_ = false;
  Val rows = eval_list(base);
  if (absent_) return;
  for (const Row& row : rows.rows) {
    vars_.emplace_back(n.text, row);
    bool pass = true;
    if (list.op == Op::Where) {
      absent_ = undefined_ = false;
      implicit_.push_back(&row);
      Val c = eval(*list.kids[1]);
      implicit_.pop_back();
      pass = !absent_ && !undefined_ && truthy(c);
    }
    if (pass) body();
    vars_.pop_back();
  }
}

// An assertion's truth, with the tolerance on its top-level comparisons.
Outcome Evaluator::outcome(const Node& n) {
  Outcome o;
  switch (n.op) {
    case Op::Eq: case Op::Ne: case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: {
      o.comparison = true;
      o.lhs = eval(*n.kids[0]);
      o.rhs = eval(*n.kids[1]);
      compare(n.op, o, /*tolerant=*/true);
      int known = o.lhs.known + o.rhs.known;
      o.skip = known == 0;
      if (render_)
        o.text = side_text(o.lhs, o.rhs, true) + " " + (o.ok ? relation(n.op) : negated(n.op)) + " " +
                 side_text(o.rhs, o.lhs, false);
      return o;
    }
    case Op::Or: case Op::And: {
      Outcome a = outcome(*n.kids[0]), b = outcome(*n.kids[1]);
      o.ok = n.op == Op::Or ? (a.ok && !a.skip) || (b.ok && !b.skip) : (a.ok || a.skip) && (b.ok || b.skip);
      o.skip = a.skip && b.skip;
      o.text = a.text + (n.op == Op::Or ? (o.ok ? "，或 " : "，且 ") : "；") + b.text;
      o.lhs = a.lhs;
      return o;
    }
    case Op::Not: {
      Outcome a = outcome(*n.kids[0]);
      o.ok = !a.ok;
      o.skip = a.skip;
      o.text = "不应 " + a.text;
      o.lhs = a.lhs;
      return o;
    }
    default: {
      Val v = eval(n);
      o.ok = truthy(v);
      o.skip = v.known == 0;
      o.text = rule_->title + (o.ok ? "" : "：不成立");
      o.lhs = v;
      return o;
    }
  }
}

void Evaluator::compare(Op op, Outcome& o, bool tolerant) const {
  const Val &l = o.lhs, &r = o.rhs;
  bool text = l.text_literal || r.text_literal || (l.k != Val::K::Num && r.k != Val::K::Num &&
                                                   (l.k == Val::K::Str || r.k == Val::K::Str));
  o.text_compare = text;
  if (text) {
    bool eq = plain_of(l) == plain_of(r);
    o.ok = op == Op::Ne ? !eq : op == Op::Eq ? eq : false;
    return;
  }
  // In 128 bits: a difference of two extreme amounts must not overflow.
  using i128 = __int128;
  i128 a = number_of(l).units(), b = number_of(r).units();
  Decimal tol = tolerant ? tolerance(l, r) : Decimal{};
  o.tolerance = tol;
  i128 t = tol.units(), d = a - b;
  switch (op) {
    case Op::Eq: o.ok = d <= t && -d <= t; break;
    case Op::Ne: o.ok = d > t || -d > t; break;
    case Op::Lt: o.ok = a < b - t; break;
    case Op::Le: o.ok = a <= b + t; break;
    case Op::Gt: o.ok = a > b + t; break;
    case Op::Ge: o.ok = a >= b - t; break;
    default: o.ok = false;
  }
}

// DOMAIN.md §3: 0.01 万元 per addend of the longer side; exact when every amount was read in 元.
Decimal Evaluator::tolerance(const Val& l, const Val& r) const {
  const RuleTolerance& t = rule_->tolerance;
  if (t.kind == RuleTolerance::Kind::Fixed) return t.amount;
  if (l.addends + r.addends > 0 && l.all_yuan && r.all_yuan) return Decimal{};
  Decimal per = t.kind == RuleTolerance::Kind::PerAddend ? t.amount : Decimal::from_units(Decimal::kOne / 100);
  return per * Decimal::from_int(std::max({1, l.addends, r.addends}));
}

// A field's value; `key` names its label ("t05.items.total"), wanted only when rendering.
Val Evaluator::leaf(const Field* f, const std::function<std::string()>& key, const std::string& root, const Row* row) {
  Val v;
  if (f) {
    if (!f->source.empty()) v.first = f;
    auto [it, added] = fields_.try_emplace(f);
    FieldInfo& info = it->second;
    if (added) {
      info.plain = norm(f->text);
      info.number = f->number;
      if (!info.number && !info.plain.empty()) info.number = Decimal::parse(info.plain);
      info.yuan = read_in_yuan(*f);
    }
    v.str = f->text;
    v.plain = info.plain;
    if (info.number) {
      v.k = Val::K::Num;
      v.num = *info.number;
      v.addends = v.known = 1;
      v.all_yuan = info.yuan;
    } else if (!info.plain.empty()) {
      v.k = Val::K::Str;
      v.known = 1;
    }
  }
  if (render_) {
    Piece p;
    p.leaf = true;
    p.root = root;
    p.label = label(key());
    if (row) {
      p.row = row_label(*row);
      p.row_id = row->id();
    }
    p.text = v.k == Val::K::Str ? "“" + text_of(v) + "”" : shown(v);
    v.pieces.push_back(std::move(p));
    v.roots.push_back(root);
  }
  return v;
}

Val Evaluator::record_path(const Record& rec, const std::string& root, const std::vector<std::string_view>& names,
                           size_t from, const Row* row) {
  std::string key;
  for (size_t i = from; i < names.size(); ++i) {
    if (!key.empty()) key += '.';
    key += names[i];
  }
  Val v;
  if (key.empty()) {
    v.k = Val::K::Rec;
    v.rec = &rec;
    return v;
  }
  const std::string& prefix = row ? *row->list_key : root;
  if (auto it = rec.lists.find(key); it != rec.lists.end()) {
    v.k = Val::K::List;
    const std::string* owner = row ? row->root : intern(root);
    const std::string* list_key = intern(prefix + "." + key);
    v.rows.reserve(it->second.size());
    for (size_t i = 0; i < it->second.size(); ++i) v.rows.push_back(Row{&it->second[i], nullptr, list_key, owner, i});
    return v;
  }
  return leaf(rec.field(key), [&] { return prefix + "." + key; }, row ? *row->root : root, row);
}

Val Evaluator::row_path(const Row& row, const std::vector<std::string_view>& names, size_t from) {
  if (row.rec) return record_path(*row.rec, *row.root, names, from, &row);
  std::string key;
  for (size_t i = from; i < names.size(); ++i) {
    if (!key.empty()) key += '.';
    key += names[i];
  }
  if (key.empty()) return Val{};
  return leaf(field_of(*row.map, key), [&] { return *row.list_key + "." + key; }, *row.root, &row);
}

Val Evaluator::resolve(const Node& n) {
  std::vector<std::string_view> names;
  names.reserve(n.path.size());
  for (const auto& seg : n.path) names.push_back(seg.param ? std::string_view(params_.at(seg.name)) : seg.name);
  std::string_view head = names[0];
  for (auto it = vars_.rbegin(); it != vars_.rend(); ++it)
    if (it->first == head) return row_path(it->second, names, 1);
  if (!implicit_.empty() && !rules::is_record_name(head)) return row_path(*implicit_.back(), names, 0);
  std::string root(head);
  size_t from = 1;
  if (head == "prior" && names.size() > 1) {
    root = "prior." + std::string(names[1]);
    from = 2;
  }
  if (auto it = scope_.records.find(root); it != scope_.records.end() && it->second)
    return record_path(*it->second, root, names, from, nullptr);
  if (auto it = scope_.lists.find(root); it != scope_.lists.end() && !it->second.empty()) {
    Val v;
    if (from < names.size()) return v;  // a list of records has no fields of its own
    v.k = Val::K::List;
    const std::string* name = intern(root);
    for (size_t i = 0; i < it->second.size(); ++i) v.rows.push_back(Row{nullptr, it->second[i], name, name, i});
    return v;
  }
  absent_ = true;  // a record the caller did not supply: the assertion is skipped
  return Val{};
}

// ---- evaluation --------------------------------------------------------------------------------
Val Evaluator::eval_list(const Node& n) {
  if (n.op != Op::Where) {
    Val v = eval(n);
    if (v.k != Val::K::List) v = Val{};  // a missing list has no rows
    v.k = Val::K::List;
    return v;
  }
  Val base = eval_list(*n.kids[0]);
  Val out;
  out.k = Val::K::List;
  for (const Row& row : base.rows) {
    implicit_.push_back(&row);
    Val c = eval(*n.kids[1]);
    implicit_.pop_back();
    if (truthy(c)) out.rows.push_back(row);
  }
  return out;
}

Val Evaluator::number(Decimal d, bool integral) {
  Val v;
  v.k = Val::K::Num;
  v.num = d;
  v.integral = integral;
  return v;
}

Val Evaluator::arithmetic(const Node& n) {
  Val a = eval(*n.kids[0]), b = eval(*n.kids[1]);
  Decimal x = number_of(a), y = number_of(b), r;
  int64_t units = 0;
  switch (n.op) {
    case Op::Add:
      if (__builtin_add_overflow(x.units(), y.units(), &units)) undefined_ = true;
      r = Decimal::from_units(units);
      break;
    case Op::Sub:
      if (__builtin_sub_overflow(x.units(), y.units(), &units)) undefined_ = true;
      r = Decimal::from_units(units);
      break;
    case Op::Mul: {
      __int128 p = static_cast<__int128>(x.units()) * y.units() / Decimal::kOne;
      if (p >= INT64_MAX || p <= -INT64_MAX) undefined_ = true;
      else r = x * y;
      break;
    }
    default: {
      if (y.units() == 0) {
        undefined_ = true;
        break;
      }
      __int128 q = static_cast<__int128>(x.units()) * Decimal::kOne / y.units();
      if (q >= INT64_MAX || q <= -INT64_MAX) undefined_ = true;
      else r = *Decimal::divide(x, y);
    }
  }
  Val v = number(r, a.integral && b.integral && n.op != Op::Div);
  v.absorb(a);
  v.absorb(b);
  v.composite = true;
  v.prec = n.op == Op::Add || n.op == Op::Sub ? 1 : 2;
  if (!render_) return v;
  const char* sym = n.op == Op::Add ? " + " : n.op == Op::Sub ? " - " : n.op == Op::Mul ? " × " : " / ";
  bool wrap_a = a.prec < v.prec;
  bool wrap_b = b.prec < v.prec || (b.prec == v.prec && (n.op == Op::Sub || n.op == Op::Div));
  v.pieces = wrap_a ? parenthesized(a) : a.pieces;
  v.pieces.push_back({false, sym, {}, {}, nullptr, {}});
  auto rb = wrap_b ? parenthesized(b) : b.pieces;
  v.pieces.insert(v.pieces.end(), rb.begin(), rb.end());
  return v;
}

Val Evaluator::call(const Node& n) {
  const std::string& f = n.text;
  if (f == "sum") {
    Val list = eval_list(*n.kids[0]);
    Val v = number(Decimal{}, false);
    std::vector<Piece> terms;
    for (const Row& row : list.rows) {
      implicit_.push_back(&row);
      Val t = eval(*n.kids[1]);
      implicit_.pop_back();
      int64_t units = 0;
      if (__builtin_add_overflow(v.num.units(), number_of(t).units(), &units)) undefined_ = true;
      v.num = Decimal::from_units(units);
      v.absorb(t);
      if (t.addends == 0 || !render_) continue;  // a blank row adds nothing and is not shown
      if (!terms.empty()) terms.push_back({false, " + ", {}, {}, nullptr, {}});
      terms.push_back({true, amount_text(number_of(t)), *row.root, term_label(row), nullptr, {}});
      if (std::find(v.roots.begin(), v.roots.end(), *row.root) == v.roots.end()) v.roots.push_back(*row.root);
    }
    size_t shown_terms = (terms.size() + 1) / 2;
    if (shown_terms > kMaxTermsShown) {
      terms = {{true, amount_text(v.num), list.rows.empty() ? "" : *list.rows[0].root,
                std::to_string(shown_terms) + " 行之和", nullptr, {}}};
      shown_terms = 1;
    }
    if (terms.empty() && render_) terms.push_back({true, amount_text(v.num), {}, "各行之和", nullptr, {}});
    v.pieces = std::move(terms);
    v.composite = shown_terms > 1;
    v.prec = v.composite ? 1 : 3;
    return v;
  }
  if (f == "count") {
    Val list = eval_list(*n.kids[0]);
    Val v = number(Decimal::from_int(static_cast<int64_t>(list.rows.size())), true);
    v.known = 1;
    if (render_) v.pieces.push_back({true, v.num.to_string(), {}, {}, nullptr, "行数"});
    return v;
  }
  if (f == "exists") {
    bool absent = absent_;
    absent_ = false;
    Val a = eval(*n.kids[0]);
    bool yes = !absent_ && (a.known > 0 || a.k == Val::K::Rec || (a.k == Val::K::List && !a.rows.empty()));
    absent_ = absent;
    Val v;
    v.k = Val::K::Bool;
    v.b = yes;
    v.known = 1;
    return v;
  }
  std::vector<Val> args;
  for (const auto& k : n.kids) args.push_back(eval(*k));
  Val v;
  for (const Val& a : args) v.absorb(a);
  if (f == "len") {
    Val r = number(Decimal::from_int(static_cast<int64_t>(characters(plain_of(args[0])))), true);
    r.absorb(args[0]);
    if (render_) r.pieces.push_back({true, r.num.to_string(), {}, {}, nullptr, "长度"});
    return r;
  }
  if (f == "startswith" || f == "endswith" || f == "contains") {
    std::string s = plain_of(args[0]), p = plain_of(args[1]);
    v.k = Val::K::Bool;
    v.b = f == "startswith" ? s.rfind(p, 0) == 0
          : f == "endswith" ? s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0
                            : s.find(p) != std::string::npos;
    return v;
  }
  // Numeric functions: abs, min, max, round.
  Decimal r = number_of(args[0]);
  if (f == "abs") r = r.abs();
  if (f == "min" || f == "max")
    for (const Val& a : args) r = f == "min" ? std::min(r, number_of(a)) : std::max(r, number_of(a));
  if (f == "round") {
    Decimal places = number_of(args[1]);
    if (places < Decimal{} || places > Decimal::from_int(Decimal::kScale)) undefined_ = true;
    else r = r.round(static_cast<int>(places.units() / Decimal::kOne));
  }
  Val out = number(r, args[0].integral);
  out.absorb(v);
  out.composite = true;
  if (!render_) return out;
  out.pieces.push_back({false, f + "(", {}, {}, nullptr, {}});
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) out.pieces.push_back({false, ", ", {}, {}, nullptr, {}});
    out.pieces.insert(out.pieces.end(), args[i].pieces.begin(), args[i].pieces.end());
  }
  out.pieces.push_back({false, ")", {}, {}, nullptr, {}});
  out.composite = true;
  return out;
}

Val Evaluator::eval(const Node& n) {
  switch (n.op) {
    case Op::Number: {
      Val v = number(n.number, n.integral);
      if (render_) v.pieces.push_back({true, n.integral ? n.number.to_string() : amount_text(n.number), {}, {}, nullptr, {}});
      return v;
    }
    case Op::String: {
      Val v;
      v.k = Val::K::Str;
      v.str = n.text;
      auto [it, added] = literals_.try_emplace(&n);
      if (added) it->second = norm(n.text);
      v.plain = it->second;
      v.text_literal = true;
      if (render_) v.pieces.push_back({true, "“" + n.text + "”", {}, {}, nullptr, {}});
      return v;
    }
    case Op::Path: return resolve(n);
    case Op::Neg: {
      Val a = eval(*n.kids[0]);
      if (number_of(a).units() == INT64_MIN) undefined_ = true;
      Val v = number(undefined_ ? Decimal{} : -number_of(a), a.integral);
      v.absorb(a);
      v.composite = true;
      if (!render_) return v;
      v.pieces.push_back({false, "-", {}, {}, nullptr, {}});
      auto inner = a.prec < 3 ? parenthesized(a) : a.pieces;
      v.pieces.insert(v.pieces.end(), inner.begin(), inner.end());
      v.composite = true;
      return v;
    }
    case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: return arithmetic(n);
    case Op::Eq: case Op::Ne: case Op::Lt: case Op::Le: case Op::Gt: case Op::Ge: {
      Outcome o;
      o.lhs = eval(*n.kids[0]);
      o.rhs = eval(*n.kids[1]);
      compare(n.op, o, /*tolerant=*/false);
      Val v;
      v.k = Val::K::Bool;
      v.b = o.ok;
      v.absorb(o.lhs);
      v.absorb(o.rhs);
      return v;
    }
    case Op::And: case Op::Or: {
      Val a = eval(*n.kids[0]);
      Val v;
      v.k = Val::K::Bool;
      v.absorb(a);
      bool left = truthy(a);
      if ((n.op == Op::And && !left) || (n.op == Op::Or && left)) {
        v.b = left;
        return v;
      }
      Val b = eval(*n.kids[1]);
      v.absorb(b);
      v.b = truthy(b);
      return v;
    }
    case Op::Not: {
      Val a = eval(*n.kids[0]);
      Val v;
      v.k = Val::K::Bool;
      v.b = !truthy(a);
      v.absorb(a);
      return v;
    }
    case Op::Call: return call(n);
    case Op::Where: return eval_list(n);
    case Op::For: return Val{};  // the parser keeps for at the top of a check
  }
  return Val{};
}

}  // namespace rules

Findings run_rules(const RuleSet& rules, const RuleScope& scope) { return rules::Evaluator(rules, scope).run(); }

}  // namespace jixiao
