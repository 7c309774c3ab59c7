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

std::string norm(const std::string& s) { return normalize_text(s, TextPurpose::Value); }

namespace {

bool read_in_yuan(const Field& f) { return f.read_as(ReadAs::FromYuan); }

size_t characters(std::string_view s) {
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

namespace {

// plain_of without a copy: the view of the value's normalized text, or of `buf` holding a number's.
std::string_view plain_view(const Val& v, std::string& buf) {
  if (v.k == Val::K::Str || (v.k == Val::K::Num && !v.str.empty())) return v.plain;
  if (v.k == Val::K::Num) return buf = v.num.to_string();
  return {};
}

}  // namespace

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
      params_[rule_->each[i].first] = &value;
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
  ListKey key;
  const bool memo = list_key(n, key);
  if (memo)
    if (auto it = lists_.find(key); it != lists_.end()) {
      absent_ = it->second.absent;
      for (const Row& row : it->second.rows) {
        vars_.emplace_back(&n.text, row);
        body();
        vars_.pop_back();
      }
      return;
    }
  absent_ = false;
  Val rows = eval_list(base);
  if (absent_) {
    if (memo) lists_[key].absent = true;
    return;
  }
  // The rows that pass, worked out before any body runs (a body does not change them).
  std::vector<Row> pass_rows;
  pass_rows.reserve(rows.rows.size());
  for (const Row& row : rows.rows) {
    bool pass = true;
    if (list.op == Op::Where) {
      vars_.emplace_back(&n.text, row);
      absent_ = undefined_ = false;
      implicit_.push_back(&row);
      Val c = eval(*list.kids[1]);
      implicit_.pop_back();
      pass = !absent_ && !undefined_ && truthy(c);
      vars_.pop_back();
    }
    if (pass) pass_rows.push_back(row);
  }
  const std::vector<Row>* run = &pass_rows;
  if (memo) {
    ListMemo& m = lists_[key];
    m.rows = std::move(pass_rows);
    run = &m.rows;
  }
  for (const Row& row : *run) {
    vars_.emplace_back(&n.text, row);
    body();
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
      // A text comparison has no tolerance; a numeric one, the rule's.
      bool text = o.lhs.text_literal || o.rhs.text_literal ||
                  (o.lhs.k != Val::K::Num && o.rhs.k != Val::K::Num &&
                   (o.lhs.k == Val::K::Str || o.rhs.k == Val::K::Str));
      if (!text) o.tolerance = tolerance(o.lhs, o.rhs);
      o.ok = holds(n.op, o.lhs, o.rhs, o.tolerance, o.text_compare);
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

bool Evaluator::holds(Op op, const Val& l, const Val& r, Decimal tol, bool& text) {
  text = l.text_literal || r.text_literal ||
         (l.k != Val::K::Num && r.k != Val::K::Num && (l.k == Val::K::Str || r.k == Val::K::Str));
  if (text) {
    std::string lb, rb;
    bool eq = plain_view(l, lb) == plain_view(r, rb);
    return op == Op::Ne ? !eq : op == Op::Eq ? eq : false;
  }
  // In 128 bits: a difference of two extreme amounts must not overflow.
  using i128 = __int128;
  i128 a = number_of(l).units(), b = number_of(r).units();
  i128 t = tol.units(), d = a - b;
  switch (op) {
    case Op::Eq: return d <= t && -d <= t;
    case Op::Ne: return d > t || -d > t;
    case Op::Lt: return a < b - t;
    case Op::Le: return a <= b + t;
    case Op::Gt: return a > b + t;
    case Op::Ge: return a >= b - t;
    default: return false;
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

// ---- names -------------------------------------------------------------------------------------
const Evaluator::FieldInfo* Evaluator::info(const Field* f) {
  if (!f) return nullptr;
  auto [it, added] = fields_.try_emplace(f);
  FieldInfo& fi = it->second;
  if (added) {
    fi.field = f;
    fi.plain = norm(f->text);
    fi.number = f->number;
    if (!fi.number && !fi.plain.empty()) fi.number = Decimal::parse(fi.plain);
    fi.yuan = read_in_yuan(*f);
  }
  return &fi;
}

// A field's value; its label's key is prefix.key ("t05.items" "total"), wanted only when rendering.
Val Evaluator::leaf(const FieldInfo* fi, const std::string& prefix, const std::string& key, const std::string& root,
                    const Row* row) {
  Val v;
  if (fi) {
    const Field* f = fi->field;
    if (!f->source.empty()) v.first = f;
    v.str = f->text;
    v.plain = fi->plain;
    if (fi->number) {
      v.k = Val::K::Num;
      v.num = *fi->number;
      v.addends = v.known = 1;
      v.all_yuan = fi->yuan;
    } else if (!fi->plain.empty()) {
      v.k = Val::K::Str;
      v.known = 1;
    }
  }
  if (render_) {
    Piece p;
    p.leaf = true;
    p.root = root;
    p.label = label(prefix + "." + key);
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

// The field or list `key` of a record (the record itself when `key` is empty); `row`: the record is
// a row of a list of records (projects).
Val Evaluator::record_path(const Record& rec, const std::string& root, const std::string& key, const Row* row) {
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
    for (size_t i = 0; i < it->second.size(); ++i)
      v.rows.push_back(Row{&it->second[i], nullptr, list_key, owner, i, &it->second});
    return v;
  }
  return leaf(info(rec.field(key)), prefix, key, row ? *row->root : root, row);
}

Val Evaluator::row_path(const Row& row, PathPlan& p, size_t from) {
  const std::string& key = from == 0 ? p.key0 : p.key1;
  if (row.rec) return record_path(*row.rec, *row.root, key, &row);
  if (key.empty()) return Val{};
  const FieldInfo* f = nullptr;
  if (row.list) {  // the column of the row's list, looked up once
    auto col = std::find_if(p.columns.begin(), p.columns.end(),
                            [&](const PathPlan::Column& c) { return c.list == row.list && c.from == from; });
    if (col == p.columns.end()) {
      PathPlan::Column c{row.list, from, {}};
      c.fields.reserve(row.list->size());
      for (const FieldMap& m : *row.list) c.fields.push_back(info(field_of(m, key)));
      p.columns.push_back(std::move(c));
      col = p.columns.end() - 1;
    }
    f = col->fields[row.index];
  } else {
    f = info(field_of(*row.map, key));
  }
  return leaf(f, *row.list_key, key, *row.root, &row);
}

// A path that starts with a record (or a list of records) of the scope: what it names is worked
// out once.
Val Evaluator::scoped(PathPlan& p) {
  using S = PathPlan::Scoped;
  if (p.scoped == S::Unknown) {
    const auto& names = p.names;
    std::string root(names[0]);
    size_t from = 1;
    if (names[0] == "prior" && names.size() > 1) {
      root = "prior." + std::string(names[1]);
      from = 2;
    }
    std::string key;
    for (size_t i = from; i < names.size(); ++i) {
      if (!key.empty()) key += '.';
      key += names[i];
    }
    p.scoped = S::Absent;  // a record the caller did not supply: the assertion is skipped
    if (auto it = scope_.records.find(root); it != scope_.records.end() && it->second) {
      const Record& rec = *it->second;
      if (key.empty()) {
        p.scoped = S::Rec;
        p.rec = &rec;
      } else if (rec.lists.count(key)) {
        p.scoped = S::List;
        p.rows = std::move(record_path(rec, root, key, nullptr).rows);
      } else {
        p.scoped = S::Field;
        p.field = info(rec.field(key));
        p.root = root;
        p.key = key;
      }
    } else if (auto it = scope_.lists.find(root); it != scope_.lists.end() && !it->second.empty()) {
      if (from < names.size()) {
        p.scoped = S::Blank;  // a list of records has no fields of its own
      } else {
        p.scoped = S::List;
        const std::string* name = intern(root);
        for (size_t i = 0; i < it->second.size(); ++i) p.rows.push_back(Row{nullptr, it->second[i], name, name, i});
      }
    }
  }
  Val v;
  switch (p.scoped) {
    case S::Absent: absent_ = true; break;
    case S::Rec: v.k = Val::K::Rec; v.rec = p.rec; break;
    case S::List: v.k = Val::K::List; v.rows = p.rows; break;
    case S::Field: return leaf(p.field, p.root, p.key, p.root, nullptr);
    default: break;
  }
  return v;
}

Evaluator::PathPlan& Evaluator::plan(const Node& n) {
  auto& plans = plans_[&n];
  // The values its parameters have now.
  const std::string* values[8];
  size_t count = 0;
  bool few = true;
  for (const auto& seg : n.path)
    if (seg.param) {
      if (count == std::size(values)) few = false;
      else values[count++] = &param(seg.name);
    }
  if (few)
    for (const auto& p : plans)
      if (std::equal(p->values.begin(), p->values.end(), values, values + count)) return *p;
  auto p = std::make_unique<PathPlan>();
  if (few) p->values.assign(values, values + count);
  for (const auto& seg : n.path) p->names.push_back(seg.param ? std::string_view(param(seg.name)) : seg.name);
  for (size_t i = 0; i < p->names.size(); ++i) {
    if (i) p->key0 += '.';
    if (i > 1) p->key1 += '.';
    p->key0 += p->names[i];
    if (i) p->key1 += p->names[i];
  }
  p->record_head = rules::is_record_name(p->names[0]);
  if (!few) {  // more parameters than kept apart: a plan for this evaluation only
    plans.clear();
  }
  plans.push_back(std::move(p));
  return *plans.back();
}

Val Evaluator::resolve(const Node& n) {
  PathPlan& p = plan(n);
  std::string_view head = p.names[0];
  for (auto it = vars_.rbegin(); it != vars_.rend(); ++it)
    if (*it->first == head) return row_path(it->second, p, 1);
  if (!implicit_.empty() && !p.record_head) return row_path(*implicit_.back(), p, 0);
  return scoped(p);
}

// ---- filtered lists, worked out once ------------------------------------------------------------
namespace {

// A list's text, for telling lists written alike: every name and literal kept apart by its length.
void canonical_text(const Node& n, std::string& out) {
  out += std::to_string(static_cast<int>(n.op));
  switch (n.op) {
    case Op::Number: out += ':' + std::to_string(n.number.units()) + (n.integral ? "i" : "d"); break;
    case Op::Path:
      for (const auto& seg : n.path) out += (seg.param ? ":$" : ":") + std::to_string(seg.name.size()) + ':' + seg.name;
      break;
    default: out += ':' + std::to_string(n.text.size()) + ':' + n.text;
  }
  out += '(';
  for (const auto& k : n.kids) {
    canonical_text(*k, out);
    out += ',';
  }
  out += ')';
}

}  // namespace

const Evaluator::ListDeps& Evaluator::list_deps(const Node& n) {
  auto [it, added] = deps_.try_emplace(&n);
  ListDeps& d = it->second;
  if (!added) return d;
  auto add = [](std::vector<std::string>& v, const std::string& s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
  };
  std::function<void(const Node&)> walk = [&](const Node& x) {
    if (x.op == Op::Path) {
      for (size_t i = 0; i < x.path.size(); ++i) {
        const Segment& seg = x.path[i];
        if (seg.param) add(d.params, seg.name);
        if (i == 0 && seg.param) d.param_head = true;
        else if (i == 0) add(d.heads, seg.name);
      }
    }
    for (const auto& k : x.kids) walk(*k);
  };
  // A for's rows depend on its variable's name (its where names the row by it) and its list.
  const Node& list = n.op == Op::For ? *n.kids[0] : n;
  walk(list);
  std::string text = n.op == Op::For ? "for:" + std::to_string(n.text.size()) + ':' + n.text + ':' : std::string();
  canonical_text(list, text);
  d.canonical = canonical_.try_emplace(std::move(text), &n).first->second;
  // The base list is read from an enclosing row unless it starts with a record's name.
  const Node* base = &list;
  while (base->op == Op::Where) base = base->kids[0].get();
  d.outer_row = !(base->op == Op::Path && !base->path.empty() && !base->path[0].param &&
                  rules::is_record_name(base->path[0].name));
  return d;
}

bool Evaluator::list_key(const Node& n, ListKey& key) {
  const ListDeps& d = list_deps(n);
  key.node = d.canonical;
  for (const auto& p : d.params)
    if (!key.push(&param(p))) return false;
  for (const auto& [name, row] : vars_)
    if (d.param_head || std::find(d.heads.begin(), d.heads.end(), *name) != d.heads.end())
      if (!key.push(row.id()) || !key.push(row.root)) return false;
  if (d.outer_row && !implicit_.empty())
    if (!key.push(implicit_.back()->id()) || !key.push(implicit_.back()->root)) return false;
  return true;
}

// ---- evaluation --------------------------------------------------------------------------------
Val Evaluator::eval_list(const Node& n) {
  if (n.op != Op::Where) {
    Val v = eval(n);
    if (v.k != Val::K::List) v = Val{};  // a missing list has no rows
    v.k = Val::K::List;
    return v;
  }
  Val out;
  out.k = Val::K::List;
  ListKey key;
  const bool memo = list_key(n, key);
  if (memo)
    if (auto it = lists_.find(key); it != lists_.end()) {
      absent_ = absent_ || it->second.absent;
      undefined_ = undefined_ || it->second.undefined;
      out.rows = it->second.rows;
      return out;
    }
  // Evaluated from a clean state, so that what it sets can be replayed wherever it is used again.
  const bool absent = absent_, undefined = undefined_;
  absent_ = undefined_ = false;
  Val base = eval_list(*n.kids[0]);
  for (const Row& row : base.rows) {
    implicit_.push_back(&row);
    Val c = eval(*n.kids[1]);
    implicit_.pop_back();
    if (truthy(c)) out.rows.push_back(row);
  }
  if (memo) {
    ListMemo& m = lists_[key];
    m.rows = out.rows;
    m.absent = absent_;
    m.undefined = undefined_;
  }
  absent_ = absent_ || absent;
  undefined_ = undefined_ || undefined;
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
  const Fn f = n.fn != Fn::None ? n.fn : function_id(n.text);
  if (f == Fn::Sum) {
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
  if (f == Fn::Count) {
    Val list = eval_list(*n.kids[0]);
    Val v = number(Decimal::from_int(static_cast<int64_t>(list.rows.size())), true);
    v.known = 1;
    if (render_) v.pieces.push_back({true, v.num.to_string(), {}, {}, nullptr, "行数"});
    return v;
  }
  if (f == Fn::Exists) {
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
  if (f == Fn::Len) {
    Val a = eval(*n.kids[0]);
    std::string buf;
    Val r = number(Decimal::from_int(static_cast<int64_t>(characters(plain_view(a, buf)))), true);
    r.absorb(a);
    if (render_) r.pieces.push_back({true, r.num.to_string(), {}, {}, nullptr, "长度"});
    return r;
  }
  if (f == Fn::StartsWith || f == Fn::EndsWith || f == Fn::Contains) {
    Val a = eval(*n.kids[0]);
    Val b = eval(*n.kids[1]);
    Val v;
    v.absorb(a);
    v.absorb(b);
    std::string abuf, bbuf;
    std::string_view s = plain_view(a, abuf), p = plain_view(b, bbuf);
    v.k = Val::K::Bool;
    v.b = f == Fn::StartsWith ? s.substr(0, p.size()) == p
          : f == Fn::EndsWith ? s.size() >= p.size() && s.substr(s.size() - p.size()) == p
                              : s.find(p) != std::string_view::npos;
    return v;
  }
  std::vector<Val> args;
  args.reserve(n.kids.size());
  for (const auto& k : n.kids) args.push_back(eval(*k));
  Val v;
  for (const Val& a : args) v.absorb(a);
  // Numeric functions: abs, min, max, round.
  Decimal r = number_of(args[0]);
  if (f == Fn::Abs) r = r.abs();
  if (f == Fn::Min || f == Fn::Max)
    for (const Val& a : args) r = f == Fn::Min ? std::min(r, number_of(a)) : std::max(r, number_of(a));
  if (f == Fn::Round) {
    Decimal places = number_of(args[1]);
    if (places < Decimal{} || places > Decimal::from_int(Decimal::kScale)) undefined_ = true;
    else r = r.round(static_cast<int>(places.units() / Decimal::kOne));
  }
  Val out = number(r, args[0].integral);
  out.absorb(v);
  out.composite = true;
  if (!render_) return out;
  out.pieces.push_back({false, n.text + "(", {}, {}, nullptr, {}});
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
      Val a = eval(*n.kids[0]);
      Val b = eval(*n.kids[1]);
      bool text = false;
      Val v;
      v.k = Val::K::Bool;
      v.b = holds(n.op, a, b, Decimal{}, text);
      v.absorb(a);
      v.absorb(b);
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
