// The evaluator behind run_rules (model/rule_language.h): the values an expression yields and what
// they were computed from. Internal to the model library: rule_eval.cpp evaluates, rule_message.cpp
// names the values of a broken assertion and writes its finding.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
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
// normalize_value_text, with a fast path for the ASCII texts (codes, amounts) most cells hold.
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
  // ---- the rule's `each` parameters and `when` -------------------------------------------------
  void bindings(size_t i);
  // ---- assertions ------------------------------------------------------------------------------
  void assert_node(const Node& n);
  // Runs `body` once per row of a for's list that passes its where, with the variable bound.
  void for_each(const Node& n, const std::function<void()>& body);
  // An assertion's truth, with the tolerance on its top-level comparisons.
  Outcome outcome(const Node& n);
  void compare(Op op, Outcome& o, bool tolerant) const;
  // DOMAIN.md §3: 0.01 万元 per addend of the longer side; exact when every amount was read in 元.
  Decimal tolerance(const Val& l, const Val& r) const;
  // A field's value; `key` names its label ("t05.items.total"), wanted only when rendering.
  Val leaf(const Field* f, const std::function<std::string()>& key, const std::string& root, const Row* row);
  Val record_path(const Record& rec, const std::string& root, const std::vector<std::string_view>& names, size_t from,
                  const Row* row);
  Val row_path(const Row& row, const std::vector<std::string_view>& names, size_t from);
  Val resolve(const Node& n);
  // ---- evaluation --------------------------------------------------------------------------------
  Val eval_list(const Node& n);
  Val number(Decimal d, bool integral);
  Val arithmetic(const Node& n);
  Val call(const Node& n);
  Val eval(const Node& n);
  const std::string* intern(std::string s) { return &*interned_.insert(std::move(s)).first; }

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
  std::map<std::string, std::string> params_;       // $col -> "basic" while an `each` value runs
  std::vector<std::pair<std::string, Row>> vars_;   // `for` variables, innermost last
  std::vector<const Row*> implicit_;                // the row a where / sum field is evaluated on
  std::set<std::string> interned_;  // list keys and record names the rows point to
  // What a field reads as, worked out once: its normalized text, its number, whether it was in 元.
  struct FieldInfo {
    std::string plain;
    std::optional<Decimal> number;
    bool yuan = false;
  };
  std::unordered_map<const Field*, FieldInfo> fields_;
  std::unordered_map<const Node*, std::string> literals_;  // string literals, normalized
  bool render_ = false;     // name every value (for a broken assertion's message)
  bool absent_ = false;     // a record the caller did not supply was named
  bool undefined_ = false;  // division by zero, overflow
  Findings out_;
};

}  // namespace jixiao::rules
