// Tokenizer and parser of the formula language (see formula_parser.h), and shift_formula, which
// only needs the tokenizer.
#include "readers/formula_parser.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace jixiao::formula {
namespace detail {
namespace {

bool is_alpha(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_name_start(unsigned char c) { return is_alpha(c) || c == '_' || c == '\\' || c >= 0x80; }
bool is_name_char(unsigned char c) {
  return is_alpha(c) || is_digit(c) || c == '_' || c == '.' || c == '\\' || c == '?' || c >= 0x80;
}
char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (upper(a[i]) != upper(b[i])) return false;
  return true;
}

struct Part {
  bool ok = false;
  bool abs = false;
  uint32_t value = 0;
  size_t begin = 0, end = 0;
};

// A part starting at i, its "$" read: returns where its digits or letters begin.
size_t start_part(std::string_view s, size_t i, Part& p) {
  p.begin = i;
  if (i < s.size() && s[i] == '$') {
    p.abs = true;
    ++i;
  }
  return i;
}

// "$AB" (at most three letters, the whole run of letters) -> zero-based column.
Part parse_col_part(std::string_view s, size_t i) {
  Part p;
  i = start_part(s, i, p);
  size_t j = i;
  while (j < s.size() && is_alpha(static_cast<unsigned char>(s[j]))) ++j;
  if (j == i || j - i > 3) return p;
  auto col = parse_column(s.substr(i, j - i));
  if (!col) return p;
  p.ok = true;
  p.value = *col;
  p.end = j;
  return p;
}

// "$12" -> zero-based row.
Part parse_row_part(std::string_view s, size_t i) {
  Part p;
  i = start_part(s, i, p);
  size_t j = i;
  uint64_t v = 0;
  while (j < s.size() && is_digit(static_cast<unsigned char>(s[j]))) {
    if (v <= kMaxRows) v = v * 10 + static_cast<uint64_t>(s[j] - '0');
    ++j;
  }
  if (j == i || v == 0 || v > kMaxRows) return p;
  p.ok = true;
  p.value = static_cast<uint32_t>(v - 1);
  p.end = j;
  return p;
}

// A reference must not run on into a name, a call or a sheet prefix ("A1B", "LOG10(", "A1!").
bool ref_boundary(std::string_view s, size_t e) {
  if (e >= s.size()) return true;
  unsigned char c = static_cast<unsigned char>(s[e]);
  return !(is_name_char(c) || c == '$' || c == '(' || c == '!' || c == '[' || c == '\'' || c == '"');
}

RefEnd make_end(const Part& col, const Part& row) {
  RefEnd e;
  if (col.ok) {
    e.col = col.value;
    e.col_abs = col.abs;
    e.col_begin = col.begin;
    e.col_end = col.end;
  }
  if (row.ok) {
    e.row = row.value;
    e.row_abs = row.abs;
    e.row_begin = row.begin;
    e.row_end = row.end;
  }
  return e;
}

// A1, $A$1, A1:B2, A:C, $1:$3 at s[i]; returns the end, or 0 when there is no reference here.
size_t parse_ref_body(std::string_view s, size_t i, RefToken& out) {
  out.body_begin = i;
  Part c1 = parse_col_part(s, i);
  if (c1.ok) {
    Part r1 = parse_row_part(s, c1.end);
    if (r1.ok) {
      if (r1.end < s.size() && s[r1.end] == ':') {
        Part c2 = parse_col_part(s, r1.end + 1);
        Part r2 = c2.ok ? parse_row_part(s, c2.end) : Part{};
        if (r2.ok && ref_boundary(s, r2.end)) {
          out.kind = RefToken::Kind::Area;
          out.a = make_end(c1, r1);
          out.b = make_end(c2, r2);
          return r2.end;
        }
      }
      if (!ref_boundary(s, r1.end)) return 0;
      out.kind = RefToken::Kind::Cell;
      out.a = out.b = make_end(c1, r1);
      return r1.end;
    }
    if (c1.end < s.size() && s[c1.end] == ':') {
      Part c2 = parse_col_part(s, c1.end + 1);
      if (c2.ok && ref_boundary(s, c2.end)) {
        out.kind = RefToken::Kind::Columns;
        out.a = make_end(c1, Part{});
        out.b = make_end(c2, Part{});
        return c2.end;
      }
    }
    return 0;
  }
  Part r1 = parse_row_part(s, i);
  if (r1.ok && r1.end < s.size() && s[r1.end] == ':') {
    Part r2 = parse_row_part(s, r1.end + 1);
    if (r2.ok && ref_boundary(s, r2.end)) {
      out.kind = RefToken::Kind::Rows;
      out.a = make_end(Part{}, r1);
      out.b = make_end(Part{}, r2);
      return r2.end;
    }
  }
  return 0;
}

size_t name_run(std::string_view s, size_t i) {
  while (i < s.size() && is_name_char(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

// [ ... ] with nesting; returns the end (s.size() when unclosed).
size_t bracket_group(std::string_view s, size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '[') ++depth;
    else if (s[i] == ']' && --depth == 0) return i + 1;
  }
  return s.size();
}

constexpr std::string_view kErrors[] = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"};

size_t match_error(std::string_view s, size_t i, std::string* code) {
  for (auto e : kErrors) {
    if (s.size() - i >= e.size() && iequals(s.substr(i, e.size()), e)) {
      if (code) *code = std::string(e);
      return i + e.size();
    }
  }
  return 0;
}

class Tokenizer {
 public:
  // A token takes a byte or more: a short formula's tokens fit the first allocation (growing the
  // vector moved them, a seventh of computing a column of =I2+J2).
  explicit Tokenizer(std::string_view s) : s_(s) { out_.reserve(std::min<size_t>(s.size() + 1, 16)); }

  std::vector<Token> run() {
    while (i_ < s_.size()) step();
    Token end;
    end.kind = Tok::End;
    end.begin = end.end = s_.size();
    out_.push_back(std::move(end));
    return std::move(out_);
  }

 private:
  void emit(Tok kind, size_t begin, size_t end, std::string text = {}) {
    Token t;
    t.kind = kind;
    t.begin = begin;
    t.end = end;
    t.text = std::move(text);
    out_.push_back(std::move(t));
    i_ = end;
  }
  void bad(size_t end, std::string reason) { emit(Tok::Bad, i_, std::max(end, i_ + 1), std::move(reason)); }

  // After "Sheet!" at j: a reference or #REF!.
  void sheet_ref(size_t begin, size_t j, std::string sheet, std::string unsupported) {
    Token t;
    t.kind = Tok::Ref;
    t.begin = begin;
    t.ref.has_sheet = true;
    t.ref.sheet = std::move(sheet);
    t.ref.unsupported = std::move(unsupported);
    size_t e = parse_ref_body(s_, j, t.ref);
    if (e == 0) {
      std::string code;
      size_t e2 = match_error(s_, j, &code);
      if (e2 == 0 || code != "#REF!") {
        bad(j, "公式无法解析: 工作表名后缺少单元格引用");
        return;
      }
      t.ref.kind = RefToken::Kind::RefError;
      t.ref.body_begin = j;
      e = e2;
    }
    t.end = e;
    i_ = e;
    out_.push_back(std::move(t));
  }

  void step() {
    unsigned char c = static_cast<unsigned char>(s_[i_]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i_;
      return;
    }
    if (c == '"') return string_literal();
    if (c == '\'') return quoted_sheet();
    if (c == '#') {
      std::string code;
      size_t e = match_error(s_, i_, &code);
      if (e) return emit(Tok::Error, i_, e, std::move(code));
      return bad(i_ + 1, "公式无法解析: 不认识的错误值 " + excerpt(s_.substr(i_, 12)));
    }
    if (is_digit(c) || (c == '.' && i_ + 1 < s_.size() && is_digit(static_cast<unsigned char>(s_[i_ + 1])))) {
      RefToken ref;
      if (is_digit(c)) {
        size_t e = parse_ref_body(s_, i_, ref);
        if (e && ref.kind == RefToken::Kind::Rows) return ref_token(e, std::move(ref));
      }
      return number();
    }
    if (is_name_start(c) || c == '$') return name_or_ref();
    if (c == '[') {
      size_t e = bracket_group(s_, i_);
      size_t n = name_run(s_, e);
      if (n > e && n < s_.size() && s_[n] == '!')
        return bad(e, "不支持外部工作簿引用 " + excerpt(s_.substr(i_, n + 1 - i_)));
      return bad(e, "不支持结构化引用 " + excerpt(s_.substr(i_, e - i_)));
    }
    if (c == '{') {
      size_t j = i_ + 1;
      bool in_str = false;
      while (j < s_.size() && (in_str || s_[j] != '}')) {
        if (s_[j] == '"') in_str = !in_str;
        ++j;
      }
      return bad(std::min(j + 1, s_.size()), "不支持数组常量");
    }
    switch (c) {
      case '+': case '-': case '*': case '/': case '^': case '&': case '%': case '=':
        return emit(Tok::Op, i_, i_ + 1, std::string(1, static_cast<char>(c)));
      case '<':
        if (i_ + 1 < s_.size() && (s_[i_ + 1] == '=' || s_[i_ + 1] == '>'))
          return emit(Tok::Op, i_, i_ + 2, std::string(s_.substr(i_, 2)));
        return emit(Tok::Op, i_, i_ + 1, "<");
      case '>':
        if (i_ + 1 < s_.size() && s_[i_ + 1] == '=') return emit(Tok::Op, i_, i_ + 2, ">=");
        return emit(Tok::Op, i_, i_ + 1, ">");
      case '(': return emit(Tok::LParen, i_, i_ + 1);
      case ')': return emit(Tok::RParen, i_, i_ + 1);
      case ',': return emit(Tok::Comma, i_, i_ + 1);
      case '@': return bad(i_ + 1, "不支持隐式交集运算符 @");
      case ':': return bad(i_ + 1, "不支持这种区域运算 (:)");
      default: break;
    }
    bad(i_ + 1, "公式无法解析: 意外的字符 " + excerpt(s_.substr(i_, 1)));
  }

  void ref_token(size_t end, RefToken ref) {
    Token t;
    t.kind = Tok::Ref;
    t.begin = i_;
    t.end = end;
    t.ref = std::move(ref);
    i_ = end;
    out_.push_back(std::move(t));
  }

  // The text between the quote at i_ and its closing quote, a doubled quote standing for one ("a""b",
  // 'O''Brien'); `j` ends on the closing quote. False when the text runs out first.
  bool quoted_text(char quote, std::string& text, size_t& j) const {
    for (j = i_ + 1; j < s_.size(); ++j) {
      if (s_[j] != quote) {
        text += s_[j];
        continue;
      }
      if (j + 1 < s_.size() && s_[j + 1] == quote) {
        text += quote;
        ++j;
        continue;
      }
      return true;
    }
    return false;
  }

  void string_literal() {
    std::string text;
    size_t j = 0;
    if (!quoted_text('"', text, j)) return bad(s_.size(), "公式无法解析: 字符串没有结束");
    emit(Tok::String, i_, j + 1, std::move(text));
  }

  void quoted_sheet() {
    std::string name;
    size_t j = 0;
    if (!quoted_text('\'', name, j)) return bad(s_.size(), "公式无法解析: 工作表名的引号没有结束");
    ++j;  // closing quote
    if (j >= s_.size() || s_[j] != '!') return bad(j, "公式无法解析: 带引号的名称后缺少 !");
    std::string unsupported;
    if (!name.empty() && name[0] == '[')
      unsupported = "不支持外部工作簿引用 " + excerpt(name);
    else if (name.find(':') != std::string::npos)
      unsupported = "不支持三维引用 " + excerpt(name);
    sheet_ref(i_, j + 1, std::move(name), std::move(unsupported));
  }

  void number() {
    size_t j = i_;
    while (j < s_.size() && is_digit(static_cast<unsigned char>(s_[j]))) ++j;
    if (j < s_.size() && s_[j] == '.') {
      ++j;
      while (j < s_.size() && is_digit(static_cast<unsigned char>(s_[j]))) ++j;
    }
    if (j < s_.size() && (s_[j] == 'e' || s_[j] == 'E')) {
      size_t k = j + 1;
      if (k < s_.size() && (s_[k] == '+' || s_[k] == '-')) ++k;
      if (k < s_.size() && is_digit(static_cast<unsigned char>(s_[k]))) {
        while (k < s_.size() && is_digit(static_cast<unsigned char>(s_[k]))) ++k;
        j = k;
      }
    }
    double v = 0;
    auto [p, ec] = std::from_chars(s_.data() + i_, s_.data() + j, v);
    if (ec != std::errc() || p != s_.data() + j)
      return bad(j, "公式无法解析: 数字超出范围 " + excerpt(s_.substr(i_, j - i_)));
    Token t;
    t.kind = Tok::Number;
    t.begin = i_;
    t.end = j;
    t.number = v;
    i_ = j;
    out_.push_back(std::move(t));
  }

  void name_or_ref() {
    size_t n = name_run(s_, i_);
    // Sheet1:Sheet3!A1
    if (n > i_ && n < s_.size() && s_[n] == ':') {
      size_t m = name_run(s_, n + 1);
      if (m > n + 1 && m < s_.size() && s_[m] == '!')
        return sheet_ref(i_, m + 1, std::string(s_.substr(i_, m - i_)),
                         "不支持三维引用 " + excerpt(s_.substr(i_, m - i_)));
    }
    RefToken ref;
    size_t e = parse_ref_body(s_, i_, ref);
    if (e) return ref_token(e, std::move(ref));
    if (n == i_) return bad(i_ + 1, "公式无法解析: 意外的字符 $");
    std::string_view name = s_.substr(i_, n - i_);
    if (n < s_.size() && s_[n] == '!') return sheet_ref(i_, n + 1, std::string(name), {});
    if (n < s_.size() && s_[n] == '[') {
      size_t e2 = bracket_group(s_, n);
      return bad(e2, "不支持结构化引用 " + excerpt(s_.substr(i_, e2 - i_)));
    }
    if (n < s_.size() && s_[n] == '(') return emit(Tok::Func, i_, n, std::string(name));
    if (iequals(name, "TRUE") || iequals(name, "FALSE")) {
      Token t;
      t.kind = Tok::Bool;
      t.begin = i_;
      t.end = n;
      t.number = iequals(name, "TRUE") ? 1 : 0;
      i_ = n;
      out_.push_back(std::move(t));
      return;
    }
    emit(Tok::Name, i_, n, std::string(name));
  }

  std::string_view s_;
  size_t i_ = 0;
  std::vector<Token> out_;
};

struct ParseError {
  std::string reason;
};

struct FuncInfo {
  std::string_view name;
  Func func;
  size_t min_args, max_args;
};
constexpr FuncInfo kFuncs[] = {
    {"SUM", Func::Sum, 1, 255},     {"AVERAGE", Func::Average, 1, 255}, {"MIN", Func::Min, 1, 255},
    {"MAX", Func::Max, 1, 255},     {"COUNT", Func::Count, 1, 255},     {"COUNTA", Func::CountA, 1, 255},
    {"ROUND", Func::Round, 2, 2},   {"ABS", Func::Abs, 1, 1},           {"IF", Func::If, 2, 3},
    {"AND", Func::And, 1, 255},     {"OR", Func::Or, 1, 255},
    {"CONCATENATE", Func::Concatenate, 1, 255}, {"HYPERLINK", Func::Hyperlink, 1, 2},
    {"REPT", Func::Rept, 2, 2},     {"LEN", Func::Len, 1, 1},           {"DATE", Func::Date, 3, 3},
};

// The cells a reference covers.
CellRange range_of(const RefToken& r) {
  CellPos a{r.a.row, r.a.col}, b{r.b.row, r.b.col};
  if (r.kind == RefToken::Kind::Columns) {
    a.row = 0;
    b.row = kMaxRows - 1;
  } else if (r.kind == RefToken::Kind::Rows) {
    a.col = 0;
    b.col = kMaxCols - 1;
  }
  return {{std::min(a.row, b.row), std::min(a.col, b.col)}, {std::max(a.row, b.row), std::max(a.col, b.col)}};
}

// Where a reference node points, and how it reads in messages, from its token.
void place(Node& n, std::string_view text, const Token& t) {
  n.text = excerpt(text.substr(t.begin, t.end - t.begin));
  n.range = range_of(t.ref);
  n.single = n.range.first == n.range.last;
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens, int current_sheet, Context& ctx)
      : text_(text), toks_(std::move(tokens)), current_sheet_(current_sheet), ctx_(ctx) {}

  Node run() {
    Node root = chain(0);
    if (peek().kind != Tok::End) unexpected();
    validate(root, false);
    return root;
  }

 private:
  const Token& peek() const { return toks_[pos_]; }
  void advance() {
    if (toks_[pos_].kind != Tok::End) ++pos_;
  }
  [[noreturn]] void fail(std::string reason) { throw ParseError{std::move(reason)}; }
  [[noreturn]] void unexpected() {
    const Token& t = peek();
    if (t.kind == Tok::Bad) fail(t.text);
    if (t.kind == Tok::End) fail("公式无法解析: 公式不完整");
    fail("公式无法解析: 意外的 " + excerpt(text_.substr(t.begin, t.end - t.begin)));
  }
  void enter() {
    if (++depth_ > kMaxDepth) fail("公式嵌套过深");
  }

  std::optional<Op> op_at(int level) const {
    const Token& t = peek();
    if (t.kind != Tok::Op) return std::nullopt;
    const std::string& o = t.text;
    switch (level) {
      case 0:
        if (o == "=") return Op::Eq;
        if (o == "<>") return Op::Ne;
        if (o == "<") return Op::Lt;
        if (o == "<=") return Op::Le;
        if (o == ">") return Op::Gt;
        if (o == ">=") return Op::Ge;
        break;
      case 1:
        if (o == "&") return Op::Concat;
        break;
      case 2:
        if (o == "+") return Op::Add;
        if (o == "-") return Op::Sub;
        break;
      case 3:
        if (o == "*") return Op::Mul;
        if (o == "/") return Op::Div;
        break;
      case 4:
        if (o == "^") return Op::Pow;
        break;
    }
    return std::nullopt;
  }

  // Levels 0..4: comparison, &, + -, * /, ^ (all left-associative). A run of operators of one
  // level becomes one Chain node, so "1+1+...+1" does not nest.
  Node chain(int level) {
    Node first = level == 4 ? postfix() : chain(level + 1);
    auto op = op_at(level);
    if (!op) return first;
    Node n;
    n.kind = Node::Kind::Chain;
    n.kids.push_back(std::move(first));
    while (op) {
      advance();
      n.ops.push_back(*op);
      n.kids.push_back(level == 4 ? postfix() : chain(level + 1));
      op = op_at(level);
    }
    return n;
  }

  Node postfix() {
    Node operand = unary();
    size_t count = 0;
    while (peek().kind == Tok::Op && peek().text == "%") {
      advance();
      ++count;
    }
    if (count == 0) return operand;
    Node n;
    n.kind = Node::Kind::Percent;
    n.number = static_cast<double>(count);
    n.kids.push_back(std::move(operand));
    return n;
  }

  Node unary() {
    std::string signs;
    while (peek().kind == Tok::Op && (peek().text == "-" || peek().text == "+")) {
      signs += peek().text;
      advance();
    }
    Node operand = primary();
    if (signs.empty()) return operand;
    Node n;
    n.kind = Node::Kind::Unary;
    n.text = std::move(signs);
    n.kids.push_back(std::move(operand));
    return n;
  }

  Node primary() {
    const Token& t = peek();
    Node n;
    switch (t.kind) {
      case Tok::Number:
      case Tok::String:
      case Tok::Bool:
      case Tok::Error:  // a constant: its number or its text, as the token carries it
        n.kind = t.kind == Tok::Number ? Node::Kind::Number
                 : t.kind == Tok::String ? Node::Kind::String
                 : t.kind == Tok::Bool   ? Node::Kind::Bool
                                         : Node::Kind::Error;
        if (t.kind == Tok::Number || t.kind == Tok::Bool) n.number = t.number;
        else n.text = t.text;
        advance();
        return n;
      case Tok::Ref:
        n = reference(t);
        advance();
        return n;
      case Tok::Func:
        return call();
      case Tok::Name:
        n = defined_name(t);
        advance();
        return n;
      case Tok::LParen: {
        advance();
        enter();
        n = chain(0);
        if (peek().kind != Tok::RParen) unexpected();
        advance();
        --depth_;
        return n;
      }
      default:
        unexpected();
    }
  }

  // A defined name is evaluated when it stands for one reference (the usual case: a parameter
  // cell, a column of amounts); a name holding a formula or a constant is unsupported.
  Node defined_name(const Token& t) {
    auto text = ctx_.defined_name(t.text, current_sheet_);
    if (!text) fail("不支持的名称 " + excerpt(t.text));
    std::string_view body = *text;
    if (!body.empty() && body.front() == '=') body.remove_prefix(1);
    std::vector<Token> toks = tokenize(body);
    if (toks.size() != 2 || toks[0].kind != Tok::Ref)
      fail("名称 " + excerpt(t.text) + " 不是单元格引用（" + excerpt(body) + "）");
    std::string_view saved = text_;
    text_ = body;
    Node n = reference(toks[0]);
    text_ = saved;
    return n;
  }

  Node reference(const Token& t) {
    const RefToken& r = t.ref;
    if (!r.unsupported.empty()) fail(r.unsupported);
    Node n;
    if (r.kind == RefToken::Kind::RefError) {
      n.kind = Node::Kind::Error;
      n.text = "#REF!";
      return n;
    }
    n.kind = Node::Kind::Ref;
    n.sheet = current_sheet_;
    if (r.has_sheet) {
      auto idx = ctx_.sheet_index(r.sheet);
      if (!idx) fail("找不到工作表 " + excerpt(r.sheet));
      n.sheet = *idx;
    }
    place(n, text_, t);
    return n;
  }

  Node call() {
    const Token& t = peek();
    std::string upper_name;
    for (char ch : t.text) upper_name += upper(ch);
    const FuncInfo* info = nullptr;
    for (const auto& f : kFuncs)
      if (f.name == upper_name) info = &f;
    if (!info) fail("不支持的函数 " + excerpt(upper_name));
    advance();
    if (peek().kind != Tok::LParen) unexpected();
    advance();
    enter();
    Node n;
    n.kind = Node::Kind::Call;
    n.func = info->func;
    if (peek().kind == Tok::RParen) {
      advance();
    } else {
      while (true) {
        if (n.kids.size() >= 255) fail("函数 " + upper_name + " 的参数太多");
        if (peek().kind == Tok::Comma || peek().kind == Tok::RParen) {
          Node missing;
          missing.kind = Node::Kind::Missing;
          n.kids.push_back(std::move(missing));
        } else {
          n.kids.push_back(chain(0));
        }
        if (peek().kind == Tok::Comma) {
          advance();
          continue;
        }
        if (peek().kind == Tok::RParen) {
          advance();
          break;
        }
        unexpected();
      }
    }
    --depth_;
    if (n.kids.size() < info->min_args || n.kids.size() > info->max_args)
      fail("函数 " + upper_name + " 的参数个数不对");
    for (size_t i = 0; i < n.kids.size(); ++i) {
      bool may_be_missing = n.func == Func::If && i > 0;
      if (n.kids[i].kind == Node::Kind::Missing && !may_be_missing)
        fail("不支持省略参数 (函数 " + upper_name + ")");
    }
    return n;
  }

  // A range may only stand where a function takes references (SUM(A1:A3)), or be what IF
  // returns there; elsewhere Excel would intersect it implicitly or spill an array.
  void validate(const Node& n, bool range_ok) {
    switch (n.kind) {
      case Node::Kind::Ref:
        if (!n.single && !range_ok) fail("不支持把区域 " + n.text + " 当作单个值");
        return;
      case Node::Kind::Call:
        for (size_t i = 0; i < n.kids.size(); ++i) {
          bool ok = takes_ranges(n.func) || (n.func == Func::If && i > 0 && range_ok);
          validate(n.kids[i], ok);
        }
        return;
      default:
        for (const auto& k : n.kids) validate(k, false);
    }
  }

  std::string_view text_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  int depth_ = 0;
  int current_sheet_;
  Context& ctx_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view formula) { return Tokenizer(formula).run(); }

std::string excerpt(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (out.size() >= 60) {
      out += "…";
      break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && n == 1 && (c < 0x20 || c == 0x7F)) ok = false;
    if (!ok) {
      out += '?';
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  return out;
}


bool takes_ranges(Func f) {
  switch (f) {
    case Func::Sum: case Func::Average: case Func::Min: case Func::Max: case Func::Count:
    case Func::CountA: case Func::And: case Func::Or:
      return true;
    default:
      return false;
  }
}

const char* func_name(Func f) {
  for (const auto& info : kFuncs)
    if (info.func == f) return info.name.data();
  return "?";
}

Parsed parse(std::string_view formula, int current_sheet, Context& ctx) {
  Parsed p;
  if (formula.size() > kMaxFormulaBytes) {
    p.reason = "公式过长";
    return p;
  }
  try {
    Parser parser(formula, tokenize(formula), current_sheet, ctx);
    p.root = parser.run();
    p.ok = true;
  } catch (const ParseError& e) {
    p.reason = e.reason;
  }
  return p;
}

namespace {

void append_piece(std::string& key, std::string_view piece) {
  const auto n = static_cast<uint32_t>(piece.size());
  key.append(reinterpret_cast<const char*>(&n), sizeof n);
  key.append(piece);
}

// What parsing a formula depends on, the places its references point to left out: each token's
// kind and text and the spaces between, and of a reference its sheet prefix, kind, whether it is
// one cell (a range is refused where one value is wanted) and whether it is supported. False when
// the formula is not kept: a defined name is looked up as it parses.
bool shape(std::string_view text, const std::vector<Token>& toks, int sheet, std::string& key) {
  key.assign(reinterpret_cast<const char*>(&sheet), sizeof sheet);
  size_t at = 0;
  for (const Token& t : toks) {
    if (t.kind == Tok::Name) return false;
    append_piece(key, text.substr(at, t.begin - at));
    key += static_cast<char>(t.kind);
    at = t.end;
    if (t.kind != Tok::Ref || t.ref.kind == RefToken::Kind::RefError) {
      append_piece(key, text.substr(t.begin, t.end - t.begin));
      continue;
    }
    const CellRange range = range_of(t.ref);
    append_piece(key, text.substr(t.begin, t.ref.body_begin - t.begin));
    key += static_cast<char>(t.ref.kind);
    key += range.first == range.last ? '1' : 'n';
    key += t.ref.unsupported.empty() ? 's' : 'u';
  }
  return true;
}

// The reference nodes in the order of their tokens (the parser builds every node's operands in
// text order).
void collect_refs(Node& n, std::vector<Node*>& out) {
  if (n.kind == Node::Kind::Ref) out.push_back(&n);
  for (Node& k : n.kids) collect_refs(k, out);
}

}  // namespace

}  // namespace detail

struct ParseCache::Impl {
  static constexpr size_t kMaxTrees = 1024;  // then forgotten all at once: a workbook rarely has more shapes
  std::unordered_map<std::string, detail::Node> trees;
  std::string key;
  std::vector<detail::Node*> refs;
  bool in_use = false;  // a tree of this cache is being computed
};

ParseCache::ParseCache() : impl_(std::make_unique<Impl>()) {}
ParseCache::~ParseCache() = default;

namespace detail {

bool cache_in_use(const ParseCache::Impl& cache) { return cache.in_use; }
CacheInUse::CacheInUse(ParseCache::Impl& cache) : cache_(cache) { cache_.in_use = true; }
CacheInUse::~CacheInUse() { cache_.in_use = false; }

const Node* parse_cached(std::string_view formula, int current_sheet, Context& ctx, ParseCache::Impl& cache,
                         Parsed& failed) {
  if (formula.size() > kMaxFormulaBytes) {
    failed.reason = "公式过长";
    return nullptr;
  }
  std::vector<Token> toks = tokenize(formula);
  const bool keep = shape(formula, toks, current_sheet, cache.key);
  if (keep) {
    if (auto it = cache.trees.find(cache.key); it != cache.trees.end()) {
      cache.refs.clear();
      collect_refs(it->second, cache.refs);
      auto is_ref = [](const Token& t) { return t.kind == Tok::Ref && t.ref.kind != RefToken::Kind::RefError; };
      if (static_cast<size_t>(std::count_if(toks.begin(), toks.end(), is_ref)) == cache.refs.size()) {
        size_t k = 0;
        for (const Token& t : toks)
          if (is_ref(t)) place(*cache.refs[k++], formula, t);
        return &it->second;
      }
      cache.trees.erase(it);  // never seen: a tree whose references do not match its shape is parsed afresh
    }
  }
  try {
    Parser parser(formula, std::move(toks), current_sheet, ctx);
    Node root = parser.run();
    if (!keep) {
      failed.root = std::move(root);
      failed.ok = true;
      return &failed.root;
    }
    if (cache.trees.size() >= ParseCache::Impl::kMaxTrees) cache.trees.clear();
    return &cache.trees.emplace(cache.key, std::move(root)).first->second;
  } catch (const ParseError& e) {
    failed.reason = e.reason;
    return nullptr;
  }
}

}  // namespace detail

namespace {

// New text for one end part, or nullopt when it leaves the sheet.
std::optional<std::string> moved(std::string_view text, size_t begin, size_t end, bool abs,
                                 uint32_t value, int32_t delta, bool is_col) {
  if (begin == end) return std::string();
  if (abs || delta == 0) return std::string(text.substr(begin, end - begin));
  int64_t v = static_cast<int64_t>(value) + delta;
  int64_t limit = is_col ? kMaxCols : kMaxRows;
  if (v < 0 || v >= limit) return std::nullopt;
  auto u = static_cast<uint32_t>(v);
  return is_col ? column_name(u) : std::to_string(u + 1);
}

}  // namespace

std::vector<ReferenceAt> references(std::string_view formula) {
  std::vector<ReferenceAt> out;
  for (auto& t : detail::tokenize(formula))
    if (t.kind == detail::Tok::Ref) out.push_back({t.begin, t.end, std::move(t.ref)});
  return out;
}

std::string shift_formula(std::string_view formula, int32_t drow, int32_t dcol) {
  std::string out;
  out.reserve(formula.size() + 8);
  size_t copied = 0;
  for (const auto& t : detail::tokenize(formula)) {
    if (t.kind != detail::Tok::Ref || t.ref.kind == RefToken::Kind::RefError) continue;
    const RefToken& r = t.ref;
    auto end_text = [&](const RefEnd& e) -> std::optional<std::string> {
      auto col = moved(formula, e.col_begin, e.col_end, e.col_abs, e.col, dcol, true);
      auto row = moved(formula, e.row_begin, e.row_end, e.row_abs, e.row, drow, false);
      if (!col || !row) return std::nullopt;
      return *col + *row;
    };
    std::string body;
    auto a = end_text(r.a);
    if (r.kind == RefToken::Kind::Cell) {
      if (a) body = *a;
    } else if (auto b = end_text(r.b); a && b) {
      body = *a + ":" + *b;
    }
    if (body.empty()) body = "#REF!";
    out.append(formula.substr(copied, r.body_begin - copied));
    out += body;
    copied = t.end;
  }
  out.append(formula.substr(copied));
  return out;
}

}  // namespace jixiao::formula
