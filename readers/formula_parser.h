// Private to readers/ (formula.cpp, formula_parser.cpp): the tokenizer, the syntax tree and the parser of the formula
// language described in readers/formula.h. The tokenizer never fails (unknown input becomes Bad
// tokens) so that shift_formula can rewrite any text; the parser turns anything outside the
// supported language into a Chinese reason.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "readers/cell_ref.h"
#include "readers/formula.h"

namespace jixiao::formula::detail {

enum class Tok { Number, String, Bool, Error, Ref, Func, Name, Op, LParen, RParen, Comma, Bad, End };

struct Token {
  Tok kind = Tok::End;
  size_t begin = 0, end = 0;  // bytes of the formula text
  double number = 0;          // Number; Bool as 0/1
  std::string text;           // String contents, error code, Func/Name as written, Op, Bad reason
  RefToken ref;               // Ref
};

// Always ends with an End token.
std::vector<Token> tokenize(std::string_view formula);

enum class Op : uint8_t { Add, Sub, Mul, Div, Pow, Concat, Eq, Ne, Lt, Le, Gt, Ge };
enum class Func : uint8_t { Sum, Average, Min, Max, Count, CountA, Round, Abs, If, And, Or,
                            Concatenate, Hyperlink, Rept, Len, Date };

struct Node {
  enum class Kind : uint8_t { Number, String, Bool, Error, Missing, Ref, Unary, Percent, Chain, Call };
  Kind kind = Kind::Number;
  double number = 0;        // Number, Bool (0/1); Percent: how many %
  std::string text;         // String contents, Error code, Unary signs ("-", "--+", outermost first)
  int sheet = 0;            // Ref
  CellRange range;          // Ref
  bool single = true;       // Ref: exactly one cell
  Func func = Func::Sum;    // Call
  std::vector<Op> ops;      // Chain: ops[i] joins kids[i] and kids[i + 1], left to right
  std::vector<Node> kids;   // Unary/Percent: one operand; Chain: operands; Call: arguments
};

// Text quoted in a reason: valid UTF-8 (invalid bytes become '?'), cut after about 60 bytes.
std::string excerpt(std::string_view s);

// Functions whose arguments may be ranges (and which treat references differently from values).
bool takes_ranges(Func f);
const char* func_name(Func f);

struct Parsed {
  bool ok = false;
  Node root;
  std::string reason;  // when !ok, in Chinese
};

// Nesting of parentheses and function calls allowed; deeper formulas are unsupported (Excel
// itself allows 64 levels of nested functions).
inline constexpr int kMaxDepth = 100;
inline constexpr size_t kMaxFormulaBytes = 65536;

Parsed parse(std::string_view formula, int current_sheet, Context& ctx);

// As parse, through a cache: returns the tree (the cache's, valid until the next call with it) or
// null with the reason in `failed`.
const Node* parse_cached(std::string_view formula, int current_sheet, Context& ctx, ParseCache::Impl& cache,
                         Parsed& failed);
// Whether a tree of the cache is being computed; CacheInUse marks one for its lifetime.
bool cache_in_use(const ParseCache::Impl& cache);
class CacheInUse {
 public:
  explicit CacheInUse(ParseCache::Impl& cache);
  ~CacheInUse();
  CacheInUse(const CacheInUse&) = delete;
  CacheInUse& operator=(const CacheInUse&) = delete;

 private:
  ParseCache::Impl& cache_;
};

}  // namespace jixiao::formula::detail
