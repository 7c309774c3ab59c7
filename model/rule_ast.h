// The syntax tree of the reconciliation-rule language (model/rule_language.h documents the language)
// and its parser. The parser checks everything that can be checked without the records: syntax,
// function names and arities, that a name outside a row context is a variable or a record name, that
// `for` stands only where an assertion may, that every $parameter is declared.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/decimal.h"

namespace jixiao::rules {

struct Pos {
  int line = 0;    // 1-based, in the rules file
  int column = 0;  // 1-based, in characters (not bytes)
};

enum class Op {
  Number, String, Path,          // leaves
  Neg, Add, Sub, Mul, Div,       // arithmetic
  Eq, Ne, Lt, Le, Gt, Ge,        // comparisons
  And, Or, Not,
  Call,                          // text = function name, kids = arguments
  Where,                         // kids = {list, condition}
  For,                           // text = variable, kids = {list (a Path or a Where), body}
};

// The functions of the language (model/rule_language.h), as a Call node names them.
enum class Fn : unsigned char { None, Sum, Count, Len, StartsWith, EndsWith, Contains, Abs, Min, Max, Round, Exists };

// The function a name stands for; Fn::None when it names none.
Fn function_id(std::string_view name);

struct Segment {
  std::string name;    // "t05", "items", or the parameter's name without '$'
  bool param = false;  // "$col": replaced by the value the rule's `each` gives it
};

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node {
  Op op = Op::Number;
  Pos pos;
  Decimal number;          // Number
  bool integral = false;   // Number written without a decimal point
  std::string text;        // String: the literal; Call: the function; For: the variable
  Fn fn = Fn::None;        // Call: the function `text` names
  std::vector<Segment> path;  // Path: "t05.items", "c.total", "$col"
  std::vector<NodePtr> kids;
};

// An expression's text as it was cut out of a rules file (a value may continue over several
// lines), with the file position of each piece so that errors name line and column.
class SourceText {
 public:
  SourceText() = default;
  SourceText(std::string_view text, Pos at) { append(text, at); }
  // Adds a piece; pieces after the first are joined with a line break.
  void append(std::string_view piece, Pos at);
  const std::string& text() const { return text_; }
  Pos pos_of(size_t byte_offset) const;

 private:
  struct Piece {
    size_t offset;
    Pos pos;
  };
  std::string text_;
  std::vector<Piece> pieces_;
};

struct ParseError {
  Pos pos;
  std::string message;  // Chinese, without the position
};

struct ParseOptions {
  std::vector<std::string> params;     // names (without '$') the rule's `each` declares
  std::vector<std::string> variables;  // `for` variables in scope (a message's {c.name})
  bool assertion = true;            // a check (may use `for`); false for `when` and message fields
};

std::variant<NodePtr, ParseError> parse_expression(const SourceText& source, const ParseOptions& options = {});

// The names a path may start with outside a row context: t01…t09, prior (prior.t01…), selfeval,
// summary, projects.
bool is_record_name(std::string_view name);

// The tree written back with every operation in parentheses ("(a + (b * c))"): for tests and
// for messages that quote a rule.
std::string to_source(const Node& node);

}  // namespace jixiao::rules
