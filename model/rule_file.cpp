// Rule files: `rule`, `label` and `disable` lines, a rule's indented `key: value` attributes
// (model/rule_language.h documents the format).
#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "model/rule_language.h"
#include "model/rule_schema_check.h"

namespace jixiao {

using rules::NodePtr;
using rules::Pos;
using rules::SourceText;

bool RuleScope::add_final_accounts_table(const Record& r, bool prior) {
  std::string digits;
  for (char c : r.text("table"))
    if (c >= '0' && c <= '9') digits += c;
  while (digits.size() > 1 && digits.front() == '0') digits.erase(0, 1);
  if (digits.size() != 1 || digits == "0") return false;
  records[(prior ? "prior.t0" : "t0") + digits] = &r;
  return true;
}

void RuleSet::merge(RuleSet later) {
  if (!later.disabled.empty())
    std::erase_if(rules, [&](const Rule& r) {
      return std::find(later.disabled.begin(), later.disabled.end(), r.id) != later.disabled.end();
    });
  for (auto& r : later.rules) rules.push_back(std::move(r));
  for (auto& [k, v] : later.labels) labels[k] = std::move(v);
  for (auto& d : later.disabled) disabled.push_back(std::move(d));
}

namespace {

const char* const kKeys[] = {"title", "severity", "tolerance", "each", "when", "check", "message"};
const char* const kReserved[] = {"check", "lhs", "rhs", "found", "expected", "diff", "tolerance", "title"};

struct Error {
  Pos pos;
  std::string message;
  std::string code = "rules.invalid";
};

struct Attribute {
  std::string key;
  Pos key_pos;
  SourceText value;
};

struct RawRule {
  std::string id;
  Pos pos;
  std::vector<Attribute> attrs;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  if (s.substr(0, 3) == "　") return trim(s.substr(3));
  if (s.size() >= 3 && s.substr(s.size() - 3) == "　") return trim(s.substr(0, s.size() - 3));
  return s;
}

int column_of(std::string_view line, size_t byte) {
  int col = 1;
  for (size_t i = 0; i < byte && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  return col;
}

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

// "key:" or "key：" at the start of an indented line; the key and the byte where the value starts.
std::optional<std::pair<std::string, size_t>> attribute_key(std::string_view line, size_t start) {
  size_t j = start;
  while (j < line.size() && ((line[j] >= 'a' && line[j] <= 'z') || line[j] == '_')) ++j;
  if (j == start) return std::nullopt;
  size_t k = j;
  while (k < line.size() && is_space(line[k])) ++k;
  if (line.compare(k, 1, ":") == 0) return std::pair{std::string(line.substr(start, j - start)), k + 1};
  if (line.compare(k, 3, "：") == 0) return std::pair{std::string(line.substr(start, j - start)), k + 3};
  return std::nullopt;
}

class FileParser {
 public:
  FileParser(std::string_view text, std::string file, SchemaCheck schema)
      : text_(text), file_(std::move(file)), schema_(schema) {}

  Expected<RuleSet> run() {
    try {
      read_lines();
      return std::move(set_);
    } catch (const Error& e) {
      Diagnostic d;
      d.code = e.code;
      d.file = file_;
      d.message = "审核规则 " + file_ + " 第 " + std::to_string(e.pos.line) + " 行第 " + std::to_string(e.pos.column) +
                  " 列：" + e.message;
      return d;
    }
  }

 private:
  void read_lines() {
    std::string_view rest = text_;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
    int line_no = 0;
    std::optional<RawRule> current;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      size_t start = 0;
      while (start < line.size() && is_space(line[start])) ++start;
      if (start == line.size() || line[start] == '#') continue;
      Pos at{line_no, column_of(line, start)};
      if (start == 0) {
        if (current) finish(*current);
        current.reset();
        top_level(line, at, current);
        continue;
      }
      if (!current) throw Error{at, "缩进的行应写在某条 rule 之下"};
      if (auto key = attribute_key(line, start)) {
        if (std::find(std::begin(kKeys), std::end(kKeys), key->first) == std::end(kKeys))
          throw Error{at, "未知的键 “" + key->first + "”：可用 title、severity、tolerance、each、when、check、message"};
        size_t v = key->second;
        while (v < line.size() && is_space(line[v])) ++v;
        Attribute a{key->first, at, {}};
        a.value.append(trim(line.substr(v)), Pos{line_no, column_of(line, v)});
        current->attrs.push_back(std::move(a));
      } else {
        if (current->attrs.empty()) throw Error{at, "此行应为 “键: 值”，如 check: …"};
        current->attrs.back().value.append(trim(line.substr(start)), at);
      }
    }
    if (current) finish(*current);
  }

  void top_level(std::string_view line, Pos at, std::optional<RawRule>& current) {
    size_t sp = 0;
    while (sp < line.size() && !is_space(line[sp])) ++sp;
    std::string_view word = line.substr(0, sp);
    std::string_view arg = trim(line.substr(sp));
    Pos arg_pos{at.line, column_of(line, static_cast<size_t>(arg.data() - line.data()))};
    if (word == "rule") {
      if (!valid_id(arg)) throw Error{arg_pos, "规则编号 “" + std::string(arg) + "” 不合规：只能包含字母、数字和 . _ -"};
      current = RawRule{std::string(arg), at, {}};
    } else if (word == "disable") {
      if (!valid_id(arg)) throw Error{arg_pos, "disable 后应为规则编号"};
      set_.disabled.emplace_back(arg);
      std::erase_if(set_.rules, [&](const Rule& r) { return r.id == arg; });
    } else if (word == "label") {
      size_t eq = arg.find('=');
      size_t eq_len = 1;
      if (size_t wide = arg.find("＝"); wide != std::string_view::npos && (eq == std::string_view::npos || wide < eq)) {
        eq = wide;
        eq_len = 3;
      }
      if (eq == std::string_view::npos) throw Error{arg_pos, "label 的写法是 label 名称 = 文字，如 label t01 = 公开01"};
      std::string key(trim(arg.substr(0, eq)));
      bool ok = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
      });
      if (!ok) throw Error{arg_pos, "label 的名称 “" + key + "” 应为 t01、t01.income.total 这样的路径"};
      set_.labels[key] = std::string(trim(arg.substr(eq + eq_len)));
    } else {
      throw Error{at, "无法识别的行：顶格的行应以 rule、label 或 disable 开头（规则的内容请缩进）"};
    }
  }

  static std::string joined(const SourceText& s) {
    std::string out = s.text();
    std::erase(out, '\n');
    return out;
  }

  NodePtr expression(const Attribute& a, const rules::ParseOptions& opt) {
    if (trim(a.value.text()).empty()) throw Error{a.key_pos, a.key + " 不能为空"};
    auto r = rules::parse_expression(a.value, opt);
    if (auto* e = std::get_if<rules::ParseError>(&r)) throw Error{e->pos, e->message, "rules.syntax"};
    return std::get<NodePtr>(r);
  }

  static void collect_vars(const rules::Node& n, std::vector<std::string>& out) {
    if (n.op == rules::Op::For) out.push_back(n.text);
    for (const auto& k : n.kids) collect_vars(*k, out);
  }

  void finish(const RawRule& raw) {
    Rule rule;
    rule.id = raw.id;
    rule.file = file_;
    rule.line = raw.pos.line;
    std::set<std::string> seen;
    const Attribute* message = nullptr;
    for (const Attribute& a : raw.attrs) {
      if (a.key != "check" && a.key != "each" && !seen.insert(a.key).second)
        throw Error{a.key_pos, "规则 " + raw.id + " 的 " + a.key + " 写了两次"};
      std::string v(trim(joined(a.value)));
      if (a.key == "title") {
        rule.title = v;
      } else if (a.key == "severity") {
        if (v == "error" || v == "错误") rule.severity = Severity::Error;
        else if (v == "warning" || v == "警告") rule.severity = Severity::Warning;
        else if (v == "info" || v == "提示") rule.severity = Severity::Info;
        else throw Error{a.value.pos_of(0), "severity 应为 error、warning 或 info，实际为 “" + v + "”"};
      } else if (a.key == "tolerance") {
        rule.tolerance = tolerance(v, a);
      } else if (a.key == "each") {
        rule.each.push_back(each(v, a, rule));
      } else if (a.key == "message") {
        message = &a;
      }
    }
    if (rule.title.empty()) throw Error{raw.pos, "规则 " + raw.id + " 缺少 title（中文标题）"};
    rules::ParseOptions opt;
    for (const auto& [name, values] : rule.each) opt.params.push_back(name);
    std::vector<std::string> vars;
    for (const Attribute& a : raw.attrs) {
      if (a.key == "check") {
        rule.checks.push_back(expression(a, opt));
        collect_vars(*rule.checks.back(), vars);
        if (auto c = schema_ == SchemaCheck::On ? rules::check_paths(*rule.checks.back(), rule.each) : std::nullopt)
          throw Error{c->pos, "规则 " + raw.id + " 的 " + c->message, "rules.unknown_field"};
      }
    }
    if (rule.checks.empty()) throw Error{raw.pos, "规则 " + raw.id + " 缺少 check（要核对的等式）"};
    rules::ParseOptions plain = opt;
    plain.assertion = false;
    for (const Attribute& a : raw.attrs)
      if (a.key == "when") {
        rule.when = expression(a, plain);
        if (auto c = schema_ == SchemaCheck::On ? rules::check_paths(*rule.when, rule.each) : std::nullopt)
          throw Error{c->pos, "规则 " + raw.id + " 的 " + c->message, "rules.unknown_field"};
      }
    plain.variables = vars;
    if (message) {
      rule.message = message_template(*message, plain);
    } else {
      rule.message.push_back({"check", nullptr, true});
    }
    set_.rules.push_back(std::move(rule));
  }

  RuleTolerance tolerance(const std::string& v, const Attribute& a) {
    RuleTolerance t;
    if (v == "auto") return t;
    std::string number = v;
    for (std::string_view suffix : {"per addend", "每项"}) {
      if (number.size() > suffix.size() && number.compare(number.size() - suffix.size(), suffix.size(), suffix) == 0) {
        number = std::string(trim(std::string_view(number).substr(0, number.size() - suffix.size())));
        t.kind = RuleTolerance::Kind::PerAddend;
      }
    }
    if (number == "exact") number = "0";
    auto d = Decimal::parse(number);
    if (!d || *d < Decimal{})
      throw Error{a.value.pos_of(0), "tolerance 应为 auto、0、0.05 这样的数或 “0.02 per addend”，实际为 “" + v + "”"};
    if (t.kind == RuleTolerance::Kind::Auto) t.kind = RuleTolerance::Kind::Fixed;
    t.amount = *d;
    return t;
  }

  // "$col in total, basic, project"
  std::pair<std::string, std::vector<std::string>> each(const std::string& v, const Attribute& a, const Rule& rule) {
    Pos at = a.value.pos_of(0);
    auto bad = [&](const std::string& what) { return Error{at, what + "；each 的写法是 each: $col in total, basic, project"}; };
    if (v.empty() || v[0] != '$') throw bad("each 应以参数名开头");
    size_t i = 1;
    while (i < v.size() && (std::isalnum(static_cast<unsigned char>(v[i])) || v[i] == '_')) ++i;
    std::string name = v.substr(1, i - 1);
    if (name.empty()) throw bad("参数名为空");
    for (const auto& [other, values] : rule.each)
      if (other == name) throw Error{at, "参数 $" + name + " 在 each 中写了两次"};
    std::string_view rest = trim(std::string_view(v).substr(i));
    if (rest.substr(0, 2) != "in") throw bad("应为 “in”");
    rest = trim(rest.substr(2));
    std::vector<std::string> values;
    std::string item;
    auto flush = [&]() {
      std::string t(trim(item));
      if (t.empty() || !valid_id(t) || t.find('.') != std::string::npos || t.find('-') != std::string::npos)
        throw bad("取值 “" + t + "” 应为字段名或表名");
      values.push_back(t);
      item.clear();
    };
    for (size_t k = 0; k < rest.size(); ++k) {
      if (rest[k] == ',') flush();
      else if (rest.compare(k, 3, "，") == 0) {
        flush();
        k += 2;
      } else item += rest[k];
    }
    flush();
    return {name, values};
  }

  std::vector<MessagePart> message_template(const Attribute& a, const rules::ParseOptions& opt) {
    std::vector<MessagePart> parts;
    const std::string& s = a.value.text();
    std::string literal;
    auto flush = [&]() {
      if (!literal.empty()) parts.push_back({literal, nullptr, false});
      literal.clear();
    };
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '\n') continue;
      if (s.compare(i, 2, "{{") == 0 || s.compare(i, 2, "}}") == 0) {
        literal += s[i++];
        continue;
      }
      if (s[i] == '}') throw Error{a.value.pos_of(i), "多余的 “}”（字面的花括号请写 }}）"};
      if (s[i] != '{') {
        literal += s[i];
        continue;
      }
      size_t close = s.find('}', i);
      if (close == std::string::npos) throw Error{a.value.pos_of(i), "“{” 没有对应的 “}”"};
      std::string inner(trim(std::string_view(s).substr(i + 1, close - i - 1)));
      flush();
      if (std::find(std::begin(kReserved), std::end(kReserved), inner) != std::end(kReserved)) {
        parts.push_back({inner, nullptr, true});
      } else {
        size_t at = i + 1;
        while (at < close && is_space(s[at])) ++at;
        SourceText field(inner, a.value.pos_of(at));
        auto r = rules::parse_expression(field, opt);
        if (auto* e = std::get_if<rules::ParseError>(&r))
          throw Error{e->pos, "消息中的 {" + inner + "}：" + e->message, "rules.syntax"};
        parts.push_back({inner, std::get<NodePtr>(r), true});
      }
      i = close;
    }
    flush();
    return parts;
  }

  std::string_view text_;
  std::string file_;
  SchemaCheck schema_;
  RuleSet set_;
};

}  // namespace

Expected<RuleSet> parse_rules(std::string_view text, const std::string& file, SchemaCheck schema) {
  return FileParser(text, file, schema).run();
}

Expected<RuleSet> load_rules(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Diagnostic d;
    d.code = "rules.unreadable";
    d.file = file.string();
    d.message = "审核规则 " + file.string() + "：无法打开文件，请检查路径和读取权限";
    return d;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_rules(text.str(), file.string());
}

Expected<RuleSet> load_rule_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    Diagnostic d;
    d.code = "rules.not_found";
    d.file = dir.string();
    d.message = "审核规则目录 " + dir.string() + " 不存在（数据目录应含 model/rules；可设置 JIXIAO_DATA_DIR）";
    return d;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".rules") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  RuleSet all;
  for (const auto& f : files) {
    auto one = load_rules(f);
    if (!one) return one.error();
    all.merge(std::move(one.value()));
  }
  return all;
}

}  // namespace jixiao
