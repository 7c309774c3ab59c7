// The rule language's lexer and parser (recursive descent, one token of look-ahead).
#include <algorithm>
#include <map>
#include <optional>

#include "model/rule_ast.h"

namespace jixiao::rules {

// ---- source positions --------------------------------------------------------------------------

void SourceText::append(std::string_view piece, Pos at) {
  if (!pieces_.empty()) text_ += '\n';
  pieces_.push_back({text_.size(), at});
  text_ += piece;
}

Pos SourceText::pos_of(size_t offset) const {
  if (pieces_.empty()) return {1, 1 + static_cast<int>(offset)};
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                             [](size_t o, const Piece& p) { return o < p.offset; });
  const Piece& p = *(it == pieces_.begin() ? it : std::prev(it));
  Pos at = p.pos;
  size_t end = std::min(offset, text_.size());
  for (size_t i = p.offset; i < end; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++at.column;  // count characters, not bytes
  return at;
}

bool is_record_name(std::string_view name) {
  if (name == "prior" || name == "selfeval" || name == "summary" || name == "projects") return true;
  return name.size() == 3 && name[0] == 't' && name[1] == '0' && name[2] >= '1' && name[2] <= '9';
}

namespace {

// ---- lexer -------------------------------------------------------------------------------------

enum class Tok {
  End, Number, String, Ident, Param, LParen, RParen, Comma, Dot, Colon,
  Plus, Minus, Star, Slash, Eq, Ne, Lt, Le, Gt, Ge, Assign,
};

struct Token {
  Tok kind = Tok::End;
  std::string text;  // identifier, parameter name, string contents, number as written, or the symbol
  size_t offset = 0;
};

struct Failure {
  size_t offset;
  std::string message;
  std::optional<Pos> pos = std::nullopt;  // when the failure is about a parsed node
};

bool ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

// Full-width punctuation a Chinese keyboard produces, and the mathematical comparison signs.
const std::pair<std::string_view, Tok> kWideSymbols[] = {
    {"≠", Tok::Ne}, {"≤", Tok::Le}, {"≥", Tok::Ge}, {"（", Tok::LParen}, {"）", Tok::RParen},
    {"，", Tok::Comma}, {"：", Tok::Colon}, {"＋", Tok::Plus}, {"－", Tok::Minus},
};

std::string first_char(std::string_view s) {
  size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return std::string(s.substr(0, n));
}

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (true) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    if (s.compare(i, 3, "　") == 0) {  // ideographic space
      i += 3;
      continue;
    }
    Token t;
    t.offset = i;
    if (i >= s.size()) {
      out.push_back(t);
      return out;
    }
    char c = s[i];
    if (c >= '0' && c <= '9') {
      size_t j = i;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      if (j + 1 < s.size() && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') {
        ++j;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      }
      t.kind = Tok::Number;
      t.text = std::string(s.substr(i, j - i));
      i = j;
    } else if (ident_start(c) || c == '$') {
      size_t j = c == '$' ? i + 1 : i;
      if (j >= s.size() || !ident_start(s[j])) throw Failure{i, "“$” 后应为参数名，如 $col"};
      while (j < s.size() && ident_char(s[j])) ++j;
      t.kind = c == '$' ? Tok::Param : Tok::Ident;
      t.text = std::string(s.substr(c == '$' ? i + 1 : i, j - i - (c == '$' ? 1 : 0)));
      i = j;
    } else if (c == '"' || c == '\'' || s.compare(i, 3, "“") == 0) {
      std::string_view close = c == '"' ? "\"" : c == '\'' ? "'" : "”";
      size_t j = i + (c == '"' || c == '\'' ? 1 : 3);
      std::string text;
      while (true) {
        if (j >= s.size() || s[j] == '\n') throw Failure{i, "字符串缺少结尾的引号 " + std::string(close)};
        if (s.compare(j, close.size(), close) == 0) break;
        if (s[j] == '\\' && j + 1 < s.size() && (s[j + 1] == '\\' || s.compare(j + 1, close.size(), close) == 0)) ++j;
        text += s[j++];
      }
      t.kind = Tok::String;
      t.text = std::move(text);
      i = j + close.size();
    } else {
      static const std::map<std::string_view, Tok> kSymbols = {
          {"==", Tok::Eq}, {"!=", Tok::Ne}, {"<=", Tok::Le}, {">=", Tok::Ge}, {"<>", Tok::Ne},
          {"(", Tok::LParen}, {")", Tok::RParen}, {",", Tok::Comma}, {".", Tok::Dot}, {":", Tok::Colon},
          {"+", Tok::Plus}, {"-", Tok::Minus}, {"*", Tok::Star}, {"/", Tok::Slash}, {"<", Tok::Lt},
          {">", Tok::Gt}, {"=", Tok::Assign}};
      bool found = false;
      for (size_t len : {2u, 1u}) {
        if (i + len > s.size()) continue;
        auto it = kSymbols.find(s.substr(i, len));
        if (it != kSymbols.end()) {
          t.kind = it->second;
          t.text = std::string(it->first);
          i += len;
          found = true;
          break;
        }
      }
      for (const auto& [sym, kind] : kWideSymbols) {
        if (found) break;
        if (s.compare(i, sym.size(), sym) == 0) {
          t.kind = kind;
          t.text = std::string(sym);
          i += sym.size();
          found = true;
        }
      }
      if (!found) throw Failure{i, "无法识别的字符 “" + first_char(s.substr(i)) + "”"};
    }
    out.push_back(std::move(t));
  }
}

// ---- parser ------------------------------------------------------------------------------------

struct Function {
  std::string_view name;
  Fn id;
  size_t min_args, max_args;
  bool list_first;  // the first argument is a list (with an optional `where`)
  std::string_view usage;
};

const Function kFunctions[] = {
    {"sum", Fn::Sum, 2, 2, true, "sum(列表 where 条件, 字段)"},
    {"count", Fn::Count, 1, 1, true, "count(列表 where 条件)"},
    {"len", Fn::Len, 1, 1, false, "len(文本)"},
    {"startswith", Fn::StartsWith, 2, 2, false, "startswith(文本, 前缀)"},
    {"endswith", Fn::EndsWith, 2, 2, false, "endswith(文本, 后缀)"},
    {"contains", Fn::Contains, 2, 2, false, "contains(文本, 片段)"},
    {"abs", Fn::Abs, 1, 1, false, "abs(数)"},
    {"min", Fn::Min, 2, 8, false, "min(数, 数, …)"},
    {"max", Fn::Max, 2, 8, false, "max(数, 数, …)"},
    {"round", Fn::Round, 2, 2, false, "round(数, 小数位数)"},
    {"exists", Fn::Exists, 1, 1, false, "exists(名称)"},
};

const Function* function_named(std::string_view name) {
  for (const auto& f : kFunctions)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace

Fn function_id(std::string_view name) {
  const Function* f = function_named(name);
  return f ? f->id : Fn::None;
}

namespace {

bool is_keyword(std::string_view s) {
  return s == "and" || s == "or" || s == "not" || s == "for" || s == "in" || s == "where";
}

std::string shown(const Token& t) {
  switch (t.kind) {
    case Tok::End: return "表达式结尾";
    case Tok::String: return "字符串 “" + t.text + "”";
    case Tok::Param: return "“$" + t.text + "”";
    default: return "“" + t.text + "”";
  }
}

class Parser {
 public:
  Parser(const SourceText& src, const ParseOptions& opt)
      : src_(src), opt_(opt), toks_(lex(src.text())), vars_(opt.variables) {}

  NodePtr parse() {
    NodePtr n = parse_or();
    if (peek().kind != Tok::End) {
      if (peek().kind == Tok::Assign) fail(peek(), "“=” 不是比较运算符，请写 “==”");
      fail(peek(), "表达式在此应当结束，却遇到 " + shown(peek()));
    }
    check_for_placement(*n, opt_.assertion);
    return n;
  }

 private:
  using Mut = std::shared_ptr<Node>;

  const Token& peek(size_t ahead = 0) const { return toks_[std::min(pos_ + ahead, toks_.size() - 1)]; }
  const Token& next() { return toks_[std::min(pos_++, toks_.size() - 1)]; }
  bool at_word(std::string_view w) const { return peek().kind == Tok::Ident && peek().text == w; }
  [[noreturn]] void fail(const Token& t, std::string message) const { throw Failure{t.offset, std::move(message)}; }
  void expect(Tok kind, std::string_view what) {
    if (peek().kind != kind) fail(peek(), "应为 “" + std::string(what) + "”，实际为 " + shown(peek()));
    next();
  }
  Mut make(Op op, const Token& at) {
    // Evaluation recurses over the tree: a chain of a thousand additions is as deep as a thousand
    // parentheses. No real identity comes near this.
    if (++nodes_ > kMaxNodes) fail(at, "表达式过长（超过 " + std::to_string(kMaxNodes) + " 个运算数和运算符）");
    auto n = std::make_shared<Node>();
    n->op = op;
    n->pos = src_.pos_of(at.offset);
    return n;
  }
  Mut binary(Op op, const Token& at, NodePtr a, NodePtr b) {
    Mut n = make(op, at);
    n->kids = {std::move(a), std::move(b)};
    return n;
  }

  NodePtr parse_or() {
    // Each level of parentheses, not, minus or function call recurses: bound it so a hostile
    // file cannot exhaust the stack.
    if (++depth_ > kMaxDepth) fail(peek(), "表达式嵌套过深（超过 " + std::to_string(kMaxDepth) + " 层）");
    struct Leave {
      int& d;
      ~Leave() { --d; }
    } leave{depth_};
    NodePtr a = parse_and();
    while (at_word("or")) {
      const Token& t = next();
      a = binary(Op::Or, t, a, parse_and());
    }
    return a;
  }
  NodePtr parse_and() {
    NodePtr a = parse_not();
    while (at_word("and")) {
      const Token& t = next();
      a = binary(Op::And, t, a, parse_not());
    }
    return a;
  }
  NodePtr parse_not() {
    if (at_word("not")) {
      if (++depth_ > kMaxDepth) fail(peek(), "表达式嵌套过深（超过 " + std::to_string(kMaxDepth) + " 层）");
      struct Leave {
        int& d;
        ~Leave() { --d; }
      } leave{depth_};
      Mut n = make(Op::Not, next());
      n->kids = {parse_not()};
      return n;
    }
    return parse_compare();
  }
  NodePtr parse_compare() {
    NodePtr a = parse_additive();
    static const std::map<Tok, Op> kCompare = {{Tok::Eq, Op::Eq}, {Tok::Ne, Op::Ne}, {Tok::Lt, Op::Lt},
                                               {Tok::Le, Op::Le}, {Tok::Gt, Op::Gt}, {Tok::Ge, Op::Ge}};
    if (peek().kind == Tok::Assign) fail(peek(), "“=” 不是比较运算符，请写 “==”");
    auto it = kCompare.find(peek().kind);
    if (it == kCompare.end()) return a;
    const Token& t = next();
    NodePtr b = parse_additive();
    if (kCompare.count(peek().kind)) fail(peek(), "比较不能连写（a == b == c）：请用 and 连接两个比较");
    return binary(it->second, t, a, b);
  }
  NodePtr parse_additive() {
    NodePtr a = parse_multiplicative();
    while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
      const Token& t = next();
      a = binary(t.kind == Tok::Plus ? Op::Add : Op::Sub, t, a, parse_multiplicative());
    }
    return a;
  }
  NodePtr parse_multiplicative() {
    NodePtr a = parse_unary();
    while (peek().kind == Tok::Star || peek().kind == Tok::Slash) {
      const Token& t = next();
      a = binary(t.kind == Tok::Star ? Op::Mul : Op::Div, t, a, parse_unary());
    }
    return a;
  }
  NodePtr parse_unary() {
    if (peek().kind == Tok::Minus) {
      if (++depth_ > kMaxDepth) fail(peek(), "表达式嵌套过深（超过 " + std::to_string(kMaxDepth) + " 层）");
      struct Leave {
        int& d;
        ~Leave() { --d; }
      } leave{depth_};
      Mut n = make(Op::Neg, next());
      n->kids = {parse_unary()};
      return n;
    }
    if (peek().kind == Tok::Plus) next();
    return parse_primary();
  }

  NodePtr parse_primary() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::Number: {
        next();
        Mut n = make(Op::Number, t);
        auto v = Decimal::parse(t.text);
        if (!v) fail(t, "数 " + t.text + " 超出范围（最多 6 位小数，绝对值小于 9 万亿）");
        n->number = *v;
        n->integral = t.text.find('.') == std::string::npos;
        return n;
      }
      case Tok::String: {
        next();
        Mut n = make(Op::String, t);
        n->text = t.text;
        return n;
      }
      case Tok::LParen: {
        next();
        NodePtr inner = parse_or();
        expect(Tok::RParen, ")");
        return inner;
      }
      case Tok::Param:
      case Tok::Ident: {
        if (t.kind == Tok::Ident) {
          if (t.text == "for") return parse_for();
          if (is_keyword(t.text)) fail(t, "此处应为表达式，实际为关键字 “" + t.text + "”");
          if (peek(1).kind == Tok::LParen) return parse_call();
        }
        return parse_path();
      }
      case Tok::End: fail(t, "表达式不完整：缺少运算数");
      default: fail(t, "此处应为表达式，实际为 " + shown(t));
    }
  }

  NodePtr parse_path() {
    const Token& first = next();
    Mut n = make(Op::Path, first);
    n->path.push_back({first.text, first.kind == Tok::Param});
    while (peek().kind == Tok::Dot) {
      next();
      const Token& seg = next();
      if (seg.kind != Tok::Ident && seg.kind != Tok::Param) fail(seg, "“.” 后应为字段名，实际为 " + shown(seg));
      n->path.push_back({seg.text, seg.kind == Tok::Param});
    }
    for (const auto& seg : n->path)
      if (seg.param && std::find(opt_.params.begin(), opt_.params.end(), seg.name) == opt_.params.end())
        fail(first, "参数 $" + seg.name + " 没有在本规则的 each 中定义");
    const Segment& head = n->path.front();
    if (!head.param) {
      bool variable = std::find(vars_.begin(), vars_.end(), head.name) != vars_.end();
      if (head.name == "prior" && n->path.size() < 2)
        fail(first, "prior 后应接上年的表名，如 prior.t01");
      if (!variable && !is_record_name(head.name) && row_context_ == 0)
        fail(first, "未知的名称 “" + head.name +
                        "”：可用 t01…t09、prior.t01…、selfeval、summary、projects 和 for 引入的变量；"
                        "行的字段（如 code、total）只能在 where 条件和 sum/count 的字段参数中直接写");
    }
    return n;
  }

  // A list argument: a path, optionally filtered: "t05.items where len(code) == 3".
  NodePtr parse_list() {
    const Token& t = peek();
    if (t.kind != Tok::Ident && t.kind != Tok::Param)
      fail(t, "此处应为列表（如 t05.items 或 projects），实际为 " + shown(t));
    if (t.kind == Tok::Ident && is_keyword(t.text)) fail(t, "此处应为列表，实际为关键字 “" + t.text + "”");
    NodePtr list = parse_path();
    if (!at_word("where")) return list;
    Mut w = make(Op::Where, next());
    ++row_context_;
    NodePtr cond = parse_or();
    --row_context_;
    w->kids = {list, cond};
    return w;
  }

  NodePtr parse_call() {
    const Token& name = next();
    const Function* f = function_named(name.text);
    if (!f) {
      std::string names;
      for (const auto& g : kFunctions) names += (names.empty() ? "" : "、") + std::string(g.name);
      fail(name, "未知的函数 “" + name.text + "”：可用 " + names);
    }
    Mut n = make(Op::Call, name);
    n->text = name.text;
    n->fn = f->id;
    expect(Tok::LParen, "(");
    if (peek().kind != Tok::RParen) {
      while (true) {
        size_t index = n->kids.size();
        if (index == 0 && f->list_first) {
          n->kids.push_back(parse_list());
        } else if (index == 1 && f->name == "sum") {
          ++row_context_;  // sum's field: a row's field, or an expression over the row
          n->kids.push_back(parse_or());
          --row_context_;
        } else if (f->name == "exists") {
          const Token& t = peek();
          if (t.kind != Tok::Ident && t.kind != Tok::Param) fail(t, "exists 的参数应为名称，如 exists(selfeval)");
          n->kids.push_back(parse_path());
        } else {
          n->kids.push_back(parse_or());
        }
        if (peek().kind != Tok::Comma) break;
        next();
      }
    }
    if (peek().kind != Tok::RParen) fail(peek(), "应为 “)” 或 “,”，实际为 " + shown(peek()));
    next();
    if (n->kids.size() < f->min_args || n->kids.size() > f->max_args)
      fail(name, "函数 " + std::string(f->name) + " 的参数个数不对：用法为 " + std::string(f->usage));
    if (f->name == "round" && n->kids[1]->op != Op::Number)
      fail(name, "round 的第二个参数应为整数（小数位数），如 round(x, 2)");
    return n;
  }

  NodePtr parse_for() {
    const Token& kw = next();
    Mut n = make(Op::For, kw);
    const Token& var = next();
    if (var.kind != Tok::Ident || is_keyword(var.text)) fail(var, "for 后应为变量名，如 for c in t05.items: …");
    if (is_record_name(var.text) || function_named(var.text))
      fail(var, "变量名 “" + var.text + "” 与表名或函数名相同，请换一个");
    n->text = var.text;
    if (!at_word("in")) fail(peek(), "应为 “in”，实际为 " + shown(peek()));
    next();
    vars_.push_back(var.text);
    NodePtr list = parse_list();
    expect(Tok::Colon, ":");
    NodePtr body = parse_or();
    vars_.pop_back();
    n->kids = {list, body};
    return n;
  }

  // `for` makes one assertion per row: it may stand only where an assertion stands (the top of a
  // check, a for's body, an operand of and/or/not there), never inside arithmetic or a function.
  void check_for_placement(const Node& n, bool assertion_level) const {
    if (n.op == Op::For && !assertion_level)
      throw Failure{0,
                    opt_.assertion ? "for 只能写在 check 的最外层或 and/or 的两边，不能写在运算或函数之中"
                                   : "for 只能用在 check 中",
                    n.pos};
    bool kids_level = assertion_level && (n.op == Op::And || n.op == Op::Or || n.op == Op::Not);
    for (size_t i = 0; i < n.kids.size(); ++i) {
      bool level = kids_level || (n.op == Op::For && i == 1 && assertion_level);
      check_for_placement(*n.kids[i], level);
    }
  }
  const SourceText& src_;
  const ParseOptions& opt_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  int row_context_ = 0;
  int depth_ = 0;
  int nodes_ = 0;
  static constexpr int kMaxDepth = 200;
  static constexpr int kMaxNodes = 2000;
  std::vector<std::string> vars_;
};

const char* op_text(Op op) {
  switch (op) {
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::And: return "and";
    case Op::Or: return "or";
    default: return "?";
  }
}

}  // namespace

std::variant<NodePtr, ParseError> parse_expression(const SourceText& source, const ParseOptions& options) {
  try {
    Parser p(source, options);
    return p.parse();
  } catch (const Failure& f) {
    return ParseError{f.pos ? *f.pos : source.pos_of(f.offset), f.message};
  }
}

std::string to_source(const Node& n) {
  switch (n.op) {
    case Op::Number: return n.number.to_string();
    case Op::String: return "\"" + n.text + "\"";
    case Op::Path: {
      std::string s;
      for (const auto& seg : n.path) s += (s.empty() ? "" : ".") + std::string(seg.param ? "$" : "") + seg.name;
      return s;
    }
    case Op::Neg: return "(-" + to_source(*n.kids[0]) + ")";
    case Op::Not: return "(not " + to_source(*n.kids[0]) + ")";
    case Op::Call: {
      std::string s = n.text + "(";
      for (size_t i = 0; i < n.kids.size(); ++i) s += (i ? ", " : "") + to_source(*n.kids[i]);
      return s + ")";
    }
    case Op::Where: return to_source(*n.kids[0]) + " where " + to_source(*n.kids[1]);
    case Op::For: return "for " + n.text + " in " + to_source(*n.kids[0]) + ": " + to_source(*n.kids[1]);
    default: return "(" + to_source(*n.kids[0]) + " " + op_text(n.op) + " " + to_source(*n.kids[1]) + ")";
  }
}

}  // namespace jixiao::rules
