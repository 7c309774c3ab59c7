#include "writers/filters.h"

#include <unicode/datefmt.h>
#include <unicode/numberformatter.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <map>
#include <memory>
#include <optional>
#include <variant>

#include "model/decimal.h"

namespace jixiao {

namespace {

using Json = nlohmann::ordered_json;

// A value between filters: nothing, an exact number, or text.
using Value = std::variant<std::monostate, Decimal, std::string>;

Diagnostic filter_error(std::string message) { return Diagnostic::error("template.filter", std::move(message)); }

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string utf8(const icu::UnicodeString& u) {
  std::string s;
  u.toUTF8String(s);
  return s;
}

// ICU formats the decimal's exact digits (formatDecimal), so nothing passes through a double. Formatters
// are built once per thread and setting: building one parses locale data and costs more than a document.
std::string icu_decimal(Decimal d, int decimals, bool grouping) {
  thread_local std::map<std::pair<int, bool>, icu::number::LocalizedNumberFormatter> cache;
  auto key = std::make_pair(decimals, grouping);
  auto it = cache.find(key);
  if (it == cache.end())
    it = cache.emplace(key, icu::number::NumberFormatter::withLocale(icu::Locale("zh_CN"))
                                .precision(icu::number::Precision::fixedFraction(decimals))
                                .roundingMode(UNUM_ROUND_HALFUP)
                                .grouping(grouping ? UNUM_GROUPING_AUTO : UNUM_GROUPING_OFF))
             .first;
  UErrorCode st = U_ZERO_ERROR;
  std::string digits = d.to_string();
  auto out = it->second.formatDecimal(icu::StringPiece(digits.data(), static_cast<int32_t>(digits.size())), st);
  std::string s = U_SUCCESS(st) ? utf8(out.toString(st)) : d.round(decimals).to_string(decimals);
  return s;
}

std::string spellout(int64_t n, const char* ruleset) {
  thread_local std::map<std::string, std::unique_ptr<icu::RuleBasedNumberFormat>> cache;
  auto& f = cache[ruleset];
  if (!f) {
    UErrorCode st = U_ZERO_ERROR;
    f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("zh"), st);
    f->setDefaultRuleSet(icu::UnicodeString(ruleset), st);
  }
  icu::UnicodeString out;
  f->format(n, out);
  return utf8(out);
}

// 人民币大写: ICU's financial spellout for the 元, then 角 and 分 ("零" where the 角 is zero); "整" when
// there are none. ICU writes 10 as 拾; a cheque writes 壹拾.
std::string rmb_upper(Decimal d) {
  std::string sign = d < Decimal::from_int(0) ? "负" : "";
  if (!sign.empty()) d = -d;
  Decimal cents = d.round(2);
  int64_t fen_total = cents.units() / (Decimal::kOne / 100);
  int64_t yuan = fen_total / 100, jiao = fen_total / 10 % 10, fen = fen_total % 10;
  static const char* digit[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  std::string out = sign;
  if (yuan > 0) {
    std::string y = spellout(yuan, "%spellout-cardinal-financial");
    if (y.rfind("拾", 0) == 0) y = "壹" + y;
    out += y + "元";
  }
  if (jiao == 0 && fen == 0) return out.empty() || out == sign ? sign + "零元整" : out + "整";
  if (jiao > 0) out += std::string(digit[jiao]) + "角";
  else if (yuan > 0) out += "零";
  if (fen > 0) out += std::string(digit[fen]) + "分";
  return out;
}

std::optional<Decimal> number_of(const Value& v) {
  if (auto* d = std::get_if<Decimal>(&v)) return *d;
  if (auto* s = std::get_if<std::string>(&v)) return Decimal::parse(*s);
  return std::nullopt;
}

std::string text_of(const Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "";
  if (auto* d = std::get_if<Decimal>(&v)) return d->to_string();
  return std::get<std::string>(v);
}

Value from_json(const Json& j) {
  if (j.is_null()) return std::monostate{};
  if (j.is_number_integer()) return Decimal::from_int(j.get<int64_t>());
  if (j.is_number()) {
    if (auto d = Decimal::from_double(j.get<double>())) return *d;
    return j.dump();  // past the range of exact decimals: kept as its text
  }
  if (j.is_string()) return j.get<std::string>();
  if (j.is_boolean()) return std::string(j.get<bool>() ? "是" : "否");
  return j.dump();
}

Expected<Value> apply_one(const Value& v, const std::string& name, const std::string& arg) {
  auto need_number = [&](const char* what) -> Expected<Decimal> {
    auto n = number_of(v);
    if (!n) return filter_error("过滤器 " + name + " 需要数字，实际为 “" + text_of(v) + "”（" + what + "）");
    return *n;
  };
  auto decimals = [&](int fallback) -> Expected<int> {
    if (arg.empty()) return fallback;
    if (arg.size() > 1 || arg[0] < '0' || arg[0] > '6') return filter_error("过滤器 " + name + " 的位数应为 0—6，实际为 “" + arg + "”");
    return arg[0] - '0';
  };
  const bool empty = std::holds_alternative<std::monostate>(v) || text_of(v).empty();
  if (name == "default") return empty ? Value(arg) : v;
  if (empty && name != "dir") return v;  // nothing to format: stays empty (a later default: may fill it)
  if (name == "wan") {
    auto n = need_number("元 → 万元");
    if (!n) return n.error();
    return Value(*Decimal::divide(*n, Decimal::from_int(10000)));
  }
  if (name == "abs") {
    auto n = need_number("绝对值");
    if (!n) return n.error();
    return Value(*n < Decimal::from_int(0) ? -*n : *n);
  }
  if (name == "fixed" || name == "money") {
    auto n = need_number(name == "money" ? "金额" : "小数位");
    if (!n) return n.error();
    auto places = decimals(2);
    if (!places) return places.error();
    return Value(icu_decimal(*n, *places, name == "money"));
  }
  if (name == "pct") {
    auto n = need_number("比例");
    if (!n) return n.error();
    auto places = decimals(2);
    if (!places) return places.error();
    return Value(icu_decimal(*n * Decimal::from_int(100), *places, false) + "%");
  }
  if (name == "dir") {
    std::vector<std::string> words;
    size_t i = 0;
    std::string a = arg.empty() ? "增加,减少" : arg;
    while (true) {
      size_t j = a.find(',', i);
      words.push_back(trim(a.substr(i, j == std::string::npos ? std::string::npos : j - i)));
      if (j == std::string::npos) break;
      i = j + 1;
    }
    if (words.size() < 2) return filter_error("过滤器 dir 需要两个词，例如 dir:增加,减少");
    auto n = number_of(v);
    if (!n) return filter_error("过滤器 dir 需要数字，实际为 “" + text_of(v) + "”");
    if (*n > Decimal::from_int(0)) return Value(words[0]);
    if (*n < Decimal::from_int(0)) return Value(words[1]);
    return Value(words.size() > 2 ? words[2] : std::string("持平"));
  }
  if (name == "cnupper") {
    auto n = need_number("人民币大写");
    if (!n) return n.error();
    return Value(rmb_upper(*n));
  }
  if (name == "cnnum") {
    auto n = need_number("中文数字");
    if (!n) return n.error();
    Decimal r = n->round(0);
    if (r != *n) return filter_error("过滤器 cnnum 需要整数，实际为 " + n->to_string());
    return Value(spellout(r.units() / Decimal::kOne, "%spellout-cardinal"));
  }
  if (name == "date") {
    std::string s = text_of(v);
    UErrorCode st = U_ZERO_ERROR;
    icu::SimpleDateFormat iso(icu::UnicodeString("yyyy-MM-dd"), icu::Locale("zh_CN"), st);
    iso.setTimeZone(*icu::TimeZone::getGMT());
    iso.setLenient(false);
    UDate when = iso.parse(icu::UnicodeString::fromUTF8(s.substr(0, 10)), st);
    if (U_FAILURE(st)) return filter_error("过滤器 date 需要 yyyy-mm-dd 格式的日期，实际为 “" + s + "”");
    icu::SimpleDateFormat out(icu::UnicodeString::fromUTF8(arg.empty() ? "yyyy年M月d日" : arg), icu::Locale("zh_CN"), st);
    if (U_FAILURE(st)) return filter_error("过滤器 date 的格式无效：“" + arg + "”");
    out.setTimeZone(*icu::TimeZone::getGMT());
    icu::UnicodeString text;
    out.format(when, text);
    return Value(utf8(text));
  }
  return filter_error("未知的过滤器 “" + name + "”（可用：wan fixed money pct abs dir cnupper cnnum date default）");
}

}  // namespace

std::vector<FilterStep> parse_filters(std::string_view chain) {
  std::vector<FilterStep> steps;
  size_t i = 0;
  while (i < chain.size()) {
    size_t j = chain.find('|', i);
    std::string part = trim(chain.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    i = j == std::string_view::npos ? chain.size() : j + 1;
    if (part.empty()) continue;
    size_t colon = part.find(':');
    steps.push_back({trim(part.substr(0, colon)), colon == std::string::npos ? "" : trim(part.substr(colon + 1))});
  }
  return steps;
}

std::optional<FilterStep> take_filter(std::vector<FilterStep>& steps, std::string_view name) {
  for (auto it = steps.begin(); it != steps.end(); ++it)
    if (it->name == name) {
      FilterStep s = std::move(*it);
      steps.erase(it);
      return s;
    }
  return std::nullopt;
}

Expected<std::string> apply_filters(const Json& value, const std::vector<FilterStep>& steps) {
  Value v = from_json(value);
  for (const FilterStep& s : steps) {
    auto next = apply_one(v, s.name, s.arg);
    if (!next) return next.error();
    v = std::move(*next);
  }
  return text_of(v);
}

Expected<std::string> apply_filters(const Json& value, std::string_view chain) {
  return apply_filters(value, parse_filters(chain));
}

}  // namespace jixiao
