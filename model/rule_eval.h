// The evaluator behind run_rules (model/rule_language.h): the values an expression yields and what
// they were computed from. Internal to the model library: rule_eval.cpp evaluates, rule_message.cpp
// names the values of a broken assertion and writes its finding.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/rule_language.h"

namespace jixiao::rules {

constexpr size_t kMaxTermsShown = 30;  // a longer sum is shown as its total and its count of rows

// One row a name can stand for: a row of a record's list, or a whole record (an item of projects).
struct Row {
  const FieldMap* map = nullptr;
  const Record* rec = nullptr;
  const std::string* list_key = nullptr;  // "t05.items", "projects": with a column name, the label's key
  const std::string* root = nullptr;      // the record's name in the scope: "t05", "prior.t05", "projects"
  size_t index = 0;
  const std::vector<FieldMap>* list = nullptr;  // the list `map` is row `index` of (its columns are looked up once)
  const void* id() const { return map ? static_cast<const void*>(map) : static_cast<const void*>(rec); }
};

// A piece of an assertion's arithmetic as shown: an operator, or one value with what names it.
struct Piece {
  bool leaf = false;
  std::string text;  // the operator (" + "), or the value ("2681.86")
  std::string root;  // leaf: the record it was read from
  std::string row;   // leaf: the row's label ("210 卫生健康支出"), empty for a record's own field
  const void* row_id = nullptr;  // leaf: the row, to leave out its label where the left side names it
  std::string label;             // leaf: the field's label ("合计")
};

struct Val {
  enum class K { Blank, Num, Str, Bool, List, Rec } k = K::Blank;
  Decimal num;
  // Text: as written (a field's text, a literal) and normalized (NFKC, no white space) for
  // comparisons and the text functions. Views into the record, the rule or the evaluator's cache.
  std::string_view str, plain;
  bool b = false;
  bool text_literal = false;  // a string literal: == compares texts
  bool integral = false;      // shown in its shortest form (counts, lengths, integer literals)
  std::vector<Row> rows;      // List
  const Record* rec = nullptr;  // Rec
  // What the value was computed from: for the message, the tolerance and the skip rules.
  std::vector<Piece> pieces;
  int prec = 3;  // of its rendering: 3 atom, 2 product, 1 sum
  bool composite = false;
  int addends = 0;  // filled numeric fields read
  int known = 0;    // values read that were not blank (fields, counts)
  bool all_yuan = true;
  const Field* first = nullptr;  // the first field read that names a cell
  std::vector<std::string> roots;

  void absorb(const Val& o) {
    addends += o.addends;
    known += o.known;
    all_yuan = all_yuan && o.all_yuan;
    if (!first) first = o.first;
    for (const auto& r : o.roots)
      if (std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
  }
};

struct Outcome {
  bool skip = false;
  bool ok = true;
  std::string text;  // the assertion as shown, with the relation that holds
  Val lhs, rhs;
  bool comparison = false;
  bool text_compare = false;
  Decimal tolerance;
};

// ---- values (rule_eval.cpp) -------------------------------------------------------------------------
// Money in messages: two places ("40.00"), more only when the amount has them (read in 元).
std::string amount_text(Decimal v);
std::string trimmed(const std::string& s);
// A value's text as the rules compare it: normalize_text(Value) (core/text_norm.h).
std::string norm(const std::string& s);
std::string shown(const Val& v);    // a value as a message shows it
std::string text_of(const Val& v);  // a value as text, trimmed, for a message and a finding
std::string plain_of(const Val& v);  // a value as normalized text, for == on texts and the text functions
Decimal number_of(const Val& v);    // a value as a number: blank and text are 0
bool truthy(const Val& v);

// ---- message pieces (rule_message.cpp) -------------------------------------------------------------
const char* negated(Op op);   // the relation that holds when `op` does not: == -> "≠"
const char* relation(Op op);  // == -> "="
std::vector<Piece> parenthesized(const Val& v);

class Evaluator {
 public:
  Evaluator(const RuleSet& set, const RuleScope& scope) : set_(set), scope_(scope) {}
  Findings run();

 private:
  // What a field reads as, worked out once: its normalized text, its number, whether it was in 元.
  struct FieldInfo {
    const Field* field = nullptr;
    std::string plain;
    std::optional<Decimal> number;
    bool yuan = false;
  };
  // A path with the rule's parameters put in, worked out once per parameter values: its names
  // joined as a row's field or a variable's, and what it names when it starts with a record.
  struct PathPlan {
    std::vector<const std::string*> values;  // the parameters' values it was made for, in path order
    std::vector<std::string_view> names;     // the names, parameters put in
    std::string key0, key1;                  // names[0..] (a row's field), names[1..] (a variable's field)
    bool record_head = false;                // names[0] is a record's name, never a row's field
    enum class Scoped { Unknown, Absent, Blank, Rec, List, Field } scoped = Scoped::Unknown;
    std::string root, key;                   // Field: its record's name ("prior.t05") and its path in it
    const Record* rec = nullptr;             // Rec
    std::vector<Row> rows;                   // List
    const FieldInfo* field = nullptr;        // Field (null: the record has no such field)
    // A field of a list's rows: per list and start (0 or 1), each row's field (null where it has none).
    struct Column {
      const std::vector<FieldMap>* list;
      size_t from;
      std::vector<const FieldInfo*> fields;
    };
    std::vector<Column> columns;
  };

  // ---- the rule's `each` parameters and `when` -------------------------------------------------
  void bindings(size_t i);
  // ---- assertions ------------------------------------------------------------------------------
  void assert_node(const Node& n);
  // Runs `body` once per row of a for's list that passes its where, with the variable bound.
  void for_each(const Node& n, const std::function<void()>& body);
  // An assertion's truth, with the tolerance on its top-level comparisons.
  Outcome outcome(const Node& n);
  // Whether `l op r` holds within `tol`; `text`: it compared texts.
  static bool holds(Op op, const Val& l, const Val& r, Decimal tol, bool& text);
  // DOMAIN.md §3: 0.01 万元 per addend of the longer side; exact when every amount was read in 元.
  Decimal tolerance(const Val& l, const Val& r) const;
  // ---- names -----------------------------------------------------------------------------------
  const FieldInfo* info(const Field* f);
  // A field's value; its label's key is prefix.key ("t05.items" "total"), wanted only when rendering.
  Val leaf(const FieldInfo* f, const std::string& prefix, const std::string& key, const std::string& root,
           const Row* row);
  Val record_path(const Record& rec, const std::string& root, const std::string& key, const Row* row);
  Val row_path(const Row& row, PathPlan& p, size_t from);
  Val scoped(PathPlan& p);
  PathPlan& plan(const Node& n);
  Val resolve(const Node& n);
  // ---- evaluation --------------------------------------------------------------------------------
  Val eval_list(const Node& n);
  Val number(Decimal d, bool integral);
  Val arithmetic(const Node& n);
  Val call(const Node& n);
  Val eval(const Node& n);
  const std::string* intern(std::string s) { return &*interned_.insert(std::move(s)).first; }
  const std::string& param(const std::string& name) const { return *params_.at(name); }
  // ---- filtered lists, worked out once ------------------------------------------------------------
  // A where list (or the rows a for runs on) depends only on the rule's parameters, the `for`
  // variables and the enclosing row it names; the rows that pass are kept under those, so a filter
  // that every column of an `each` or every row of a for repeats is evaluated once. Lists written
  // alike (the count and the sum of fa.class_sum) share their rows.
  struct ListDeps {
    const Node* canonical = nullptr;  // the first list written like this one
    std::vector<std::string> heads;   // names a path in the list starts with
    std::vector<std::string> params;  // parameters the list uses
    bool param_head = false;          // a path starts with a parameter: it may name any variable
    bool outer_row = false;           // the base list may be read from the row of an enclosing where / sum
  };
  struct ListKey {
    static constexpr size_t kMax = 8;
    const Node* node = nullptr;
    const void* deps[kMax] = {};
    size_t n = 0;
    bool push(const void* p) {
      if (n == kMax) return false;
      deps[n++] = p;
      return true;
    }
    bool operator==(const ListKey& o) const {
      return node == o.node && n == o.n && std::equal(deps, deps + n, o.deps);
    }
  };
  struct ListKeyHash {
    size_t operator()(const ListKey& k) const {
      size_t h = std::hash<const void*>()(k.node);
      for (size_t i = 0; i < k.n; ++i) h = h * 1000003u ^ std::hash<const void*>()(k.deps[i]);
      return h;
    }
  };
  struct ListMemo {
    std::vector<Row> rows;
    bool absent = false;     // the evaluation named a record the caller did not supply
    bool undefined = false;  // … divided by zero
  };
  const ListDeps& list_deps(const Node& n);
  // The key the rows of `n` (a Where, or a For's list) are kept under; false when they cannot be.
  bool list_key(const Node& n, ListKey& key);

  // ---- messages ----------------------------------------------------------------------------------
  std::string root_label(const std::string& root) const;
  std::string label(const std::string& key) const;
  std::string render(const std::vector<Piece>& pieces, bool by_record, const void* omit_row) const;
  // One side as shown: its values named, and its result when it is an operation.
  std::string side_text(const Val& side, const Val& other, bool left) const;
  void emit(const Outcome& o);
  // ---- names -------------------------------------------------------------------------------------
  std::string row_label(const Row& row) const;
  // A row as one term of a sum: its code, else its label.
  std::string term_label(const Row& row) const;

  const RuleSet& set_;
  const RuleScope& scope_;
  const Rule* rule_ = nullptr;
  std::map<std::string, const std::string*> params_;       // $col -> "basic" (in the rule) while an `each` value runs
  std::vector<std::pair<const std::string*, Row>> vars_;   // `for` variables, innermost last
  std::vector<const Row*> implicit_;                       // the row a where / sum field is evaluated on
  std::set<std::string> interned_;  // list keys and record names the rows point to
  std::unordered_map<const Field*, FieldInfo> fields_;
  std::unordered_map<const Node*, std::vector<std::unique_ptr<PathPlan>>> plans_;
  std::unordered_map<const Node*, std::string> literals_;  // string literals, normalized
  std::unordered_map<const Node*, ListDeps> deps_;
  std::unordered_map<std::string, const Node*> canonical_;  // a list's text -> the first list written so
  std::unordered_map<ListKey, ListMemo, ListKeyHash> lists_;
  bool render_ = false;     // name every value (for a broken assertion's message)
  bool absent_ = false;     // a record the caller did not supply was named
  bool undefined_ = false;  // division by zero, overflow
  Findings out_;
};

}  // namespace jixiao::rules
