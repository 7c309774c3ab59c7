#include "model/indicator_rules.h"

#include <algorithm>
#include <array>
#include <climits>

namespace jixiao {

namespace {

using i128 = __int128;

bool ends_with(std::string_view s, std::string_view p) { return s.ends_with(p); }

// The byte length of the UTF-8 sequence starting with c.
size_t utf8_length(unsigned char c) { return c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1; }

}  // namespace

// ---- qualitative -----------------------------------------------------------------------------

namespace {

bool in_list(const std::string& w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Rank of a grade word on each scale it belongs to (0 best); -1 when not on it.
int rank_on(const std::string& w, int scale) {
  static const std::array<std::array<std::string_view, 4>, 3> kScales = {{
      {"优", "良", "中", "差"}, {"优秀", "良好", "合格", "不合格"}, {"好", "较好", "一般", "差"}}};
  for (int r = 0; r < 4; ++r)
    if (kScales[static_cast<size_t>(scale)][static_cast<size_t>(r)] == w) return r;
  return -1;
}

}  // namespace

std::optional<Achievement> qualitative_achievement(std::string_view target_text, std::string_view actual_text) {
  std::string a = plain_words(actual_text), t = plain_words(target_text);
  if (a.empty() || parse_quantity(a) || parse_date(a)) return std::nullopt;
  if (!t.empty() && a == t) return Achievement::Achieved;
  for (int scale = 0; scale < 3; ++scale) {
    int ra = rank_on(a, scale), rt = rank_on(t, scale);
    if (ra < 0 || rt < 0) continue;
    if (ra <= rt) return Achievement::Achieved;
    return ra == rt + 1 ? Achievement::Partial : Achievement::NotAchieved;
  }
  if (in_list(a, {"完成", "已完成", "全部完成", "按时完成", "如期完成", "达成", "已达成", "达标", "已达标", "达到",
                  "已达到", "达到预期", "达到目标", "实现", "已实现", "及时", "按时", "是", "符合", "符合要求",
                  "符合规定", "合规", "有效", "满意", "全覆盖", "无偏差"})) {
    return Achievement::Achieved;
  }
  if (in_list(a, {"基本完成", "基本达成", "基本达到", "基本达标", "基本实现", "基本及时", "基本符合", "基本满意",
                  "部分完成", "部分达成", "部分达到", "部分实现", "较及时"})) {
    return Achievement::Partial;
  }
  if (in_list(a, {"未完成", "未达成", "未达到", "未达标", "未实现", "不及时", "否", "不符合", "无效", "不满意",
                  "未开展"})) {
    return Achievement::NotAchieved;
  }
  // Words of degree say "achieved" only when nothing else was promised.
  if (t.empty() && in_list(a, {"成效明显", "成效显著", "效果明显", "效果显著", "明显", "显著", "明显提升",
                               "显著提升", "明显提高", "显著提高", "有所提高", "有所提升", "提高", "提升",
                               "不断增强", "增强", "持续改善", "改善", "逐步推开", "不断完善"})) {
    return Achievement::Achieved;
  }
  return std::nullopt;
}

// ---- 评分标准 formulas: exact rational arithmetic ------------------------------------------------

namespace {

struct Rational {
  i128 n = 0, d = 1;
};

i128 gcd(i128 a, i128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a == 0 ? 1 : a;
}

Rational reduce(i128 n, i128 d) {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  i128 g = gcd(n, d);
  return {n / g, d / g};
}

constexpr i128 kLimit = static_cast<i128>(1) << 100;  // far beyond any sane formula; guards overflow

class FormulaParser {
 public:
  FormulaParser(std::string_view s, Rational x) : s_(s), x_(x) {}

  std::optional<Rational> parse() {
    auto v = expr();
    if (!v || pos_ != s_.size() || !used_x_) return std::nullopt;
    return v;
  }

 private:
  bool eat(std::string_view t) {
    if (s_.substr(pos_, t.size()) == t) {
      pos_ += t.size();
      return true;
    }
    return false;
  }
  static std::optional<Rational> combine(Rational a, Rational b, char op) {
    i128 n, d;
    switch (op) {
      case '+': n = a.n * b.d + b.n * a.d; d = a.d * b.d; break;
      case '-': n = a.n * b.d - b.n * a.d; d = a.d * b.d; break;
      case '*': n = a.n * b.n; d = a.d * b.d; break;
      default:
        if (b.n == 0) return std::nullopt;
        n = a.n * b.d;
        d = a.d * b.n;
    }
    if (n > kLimit || n < -kLimit || d > kLimit || d < -kLimit) return std::nullopt;
    return reduce(n, d);
  }
  std::optional<Rational> expr() {
    auto v = term();
    while (v) {
      char op = eat("+") ? '+' : eat("-") ? '-' : 0;
      if (!op) break;
      auto r = term();
      if (!r) return std::nullopt;
      v = combine(*v, *r, op);
    }
    return v;
  }
  std::optional<Rational> term() {
    auto v = factor();
    while (v) {
      char op = (eat("*") || eat("×")) ? '*' : (eat("/") || eat("÷")) ? '/' : 0;
      if (!op) break;
      auto r = factor();
      if (!r) return std::nullopt;
      v = combine(*v, *r, op);
    }
    return v;
  }
  std::optional<Rational> factor() {
    if (eat("-")) {
      auto v = factor();
      if (!v) return std::nullopt;
      return Rational{-v->n, v->d};
    }
    if (eat("(")) {
      auto v = expr();
      if (!v || !eat(")")) return std::nullopt;
      return v;
    }
    if (eat("实际值") || eat("实际")) {
      used_x_ = true;
      return x_;
    }
    size_t start = pos_;
    while (pos_ < s_.size() && ((s_[pos_] >= '0' && s_[pos_] <= '9') || s_[pos_] == '.')) ++pos_;
    if (start == pos_) return std::nullopt;
    auto d = Decimal::parse(s_.substr(start, pos_ - start));
    if (!d) return std::nullopt;
    Rational v = reduce(d->units(), Decimal::kOne);
    if (eat("%")) v = reduce(v.n, v.d * 100);
    return v;
  }

  std::string_view s_;
  Rational x_;
  size_t pos_ = 0;
  bool used_x_ = false;
};

std::optional<Rational> formula_value(std::string_view formula, Decimal x) {
  std::string s = normalize_text(formula, TextPurpose::Value);
  return FormulaParser(s, reduce(x.units(), Decimal::kOne)).parse();
}

}  // namespace

std::optional<Decimal> evaluate_formula(std::string_view formula, Decimal x, int decimals) {
  auto v = formula_value(formula, x);
  if (!v) return std::nullopt;
  return Decimal::from_ratio(v->n, v->d, decimals);
}

// ---- 评分标准 text ------------------------------------------------------------------------------

namespace {

bool satisfies(Decimal x, const Quantity& c) {
  switch (c.op) {
    case Direction::AtLeast: return c.strict ? x > c.value : x >= c.value;
    case Direction::AtMost: return c.strict ? x < c.value : x <= c.value;
    default: return x == c.value;
  }
}

std::string op_text(const Quantity& q) {
  switch (q.op) {
    case Direction::AtLeast: return q.strict ? ">" : "≥";
    case Direction::AtMost: return q.strict ? "<" : "≤";
    case Direction::Equal: return "=";
    default: return "";
  }
}

// Percent text of a fraction for messages: 0.8 -> "80%".
std::string percent_text(Decimal fraction) { return (fraction * Decimal::from_int(100)).to_string() + "%"; }

}  // namespace

std::optional<ScoringStandard> parse_scoring_standard(std::string_view text) {
  std::string s = normalize_text(text, TextPurpose::Value);
  if (s.empty()) return std::nullopt;
  static constexpr std::string_view kKeys[] = {"合格之上", "合格之下", "满分", "合格", "零分", "其他"};
  struct Section {
    std::string_view key;
    std::optional<Decimal> points;
    size_t content_begin = 0, content_end = 0;
  };
  std::vector<Section> sections;
  size_t i = 0;
  while (i < s.size()) {
    bool matched = false;
    for (std::string_view key : kKeys) {
      if (s.compare(i, key.size(), key) != 0) continue;
      size_t j = i + key.size();
      std::optional<Decimal> points;
      if (j < s.size() && s[j] == '(') {  // 合格（1分）: / 合格（1）:
        size_t close = s.find(')', j);
        if (close == std::string::npos) break;
        std::string inner = s.substr(j + 1, close - j - 1);
        if (ends_with(inner, "分")) inner.resize(inner.size() - std::string_view("分").size());
        points = Decimal::parse(inner);
        if (!points) break;
        j = close + 1;
      }
      if (j >= s.size() || s[j] != ':') continue;
      if (!sections.empty()) sections.back().content_end = i;
      sections.push_back({key, points, j + 1, s.size()});
      i = j + 1;
      matched = true;
      break;
    }
    if (!matched) {
      if (sections.empty()) return std::nullopt;  // text before the first key
      i += utf8_length(static_cast<unsigned char>(s[i]));
    }
  }
  if (sections.empty()) return std::nullopt;

  ScoringStandard st;
  for (const Section& sec : sections) {
    std::string_view content = std::string_view(s).substr(sec.content_begin, sec.content_end - sec.content_begin);
    if (sec.key == "其他") {
      if (!content.empty() || sec.points) return std::nullopt;
      continue;
    }
    if (sec.key == "合格之上" || sec.key == "合格之下") {
      std::string& f = sec.key == "合格之上" ? st.formula_above : st.formula_below;
      if (!f.empty() || sec.points) return std::nullopt;
      if (!formula_value(content, Decimal::from_int(1))) return std::nullopt;  // must parse and use 实际值
      f = std::string(content);
      continue;
    }
    auto q = parse_quantity(content);
    if (!q) return std::nullopt;
    std::optional<ScoringStandard::Level>& level = sec.key == "满分" ? st.full : sec.key == "合格" ? st.pass : st.zero;
    if (level) return std::nullopt;  // a key twice
    level = ScoringStandard::Level{*q, sec.points};
  }
  if (!st.full || (!st.pass && !st.zero)) return std::nullopt;
  if ((!st.formula_above.empty() || !st.formula_below.empty()) && !st.pass) return std::nullopt;
  return st;
}

std::optional<Decimal> ScoringStandard::score(const Quantity& actual, Decimal weight, int decimals,
                                              std::string* how) const {
  if (actual.op != Direction::None && actual.op != Direction::Equal) return std::nullopt;
  for (const auto* level : {&full, &pass, &zero}) {
    if (!*level) continue;
    const std::string& u = (*level)->condition.unit;
    if (u != actual.unit && !(actual.unit.empty() && u != "%")) return std::nullopt;
  }
  Decimal x = actual.value;
  auto say = [&](const std::string& s) {
    if (how) *how = s;
  };
  auto cond = [](const Level& l) { return op_text(l.condition) + l.condition.shown; };
  if (satisfies(x, full->condition)) {
    Decimal s = full->points ? *full->points : weight;
    say("满分 " + s.to_string() + "（实际 " + actual.shown + " 满足满分条件 " + cond(*full) + "）");
    return s;
  }
  if (zero && satisfies(x, zero->condition)) {
    say("0（实际 " + actual.shown + " 满足零分条件 " + cond(*zero) + "）");
    return Decimal{};
  }
  if (!pass) return std::nullopt;
  bool above = satisfies(x, pass->condition);
  const std::string& formula = above ? formula_above : formula_below;
  if (formula.empty()) {
    if (above && pass->points) {
      say(pass->points->to_string() + "（实际 " + actual.shown + " 满足合格条件 " + cond(*pass) + "）");
      return *pass->points;
    }
    return std::nullopt;
  }
  auto f = formula_value(formula, x);
  if (!f) return std::nullopt;
  // The formula is in 百分制: clamp to [0, 100] and take that share of the weight.
  Rational r = *f;
  if (r.n < 0) r = {0, 1};
  if (r.n > 100 * r.d) r = {100, 1};
  auto share = Decimal::from_ratio(r.n, r.d * 100, Decimal::kScale);
  auto s = Decimal::from_ratio(static_cast<i128>(weight.units()) * r.n, static_cast<i128>(Decimal::kOne) * r.d * 100, decimals);
  if (!s || !share) return std::nullopt;
  say(weight.to_string() + " × " + percent_text(*share) + " = " + s->to_string(decimals) + "（评分标准" +
      (above ? "合格之上 " : "合格之下 ") + formula + "，实际值 " + actual.shown + "）");
  return s;
}

// ---- one indicator ---------------------------------------------------------------------------

std::string RuleResult::band_text() const {
  return "[" + low.to_string() + ", " + high.to_string() + (high_inclusive ? "]" : ")");
}

namespace {

// A value with the unit column applied when the value itself has none ("2" + "次").
std::optional<Quantity> quantity_with_unit(const std::string& text, const std::string& unit) {
  auto q = parse_quantity(text);
  if (q && q->unit.empty() && !normalize_text(unit, TextPurpose::Value).empty()) {
    if (auto with = parse_quantity(normalize_text(text, TextPurpose::Value) + normalize_text(unit, TextPurpose::Value))) return with;
  }
  return q;
}

// The number as written, without its unit, for the arithmetic in messages ("95%" stays "95%").
std::string number_text(const Quantity& q) {
  if (q.unit == "%") return q.shown;
  size_t n = 0;
  while (n < q.shown.size() && ((q.shown[n] >= '0' && q.shown[n] <= '9') || q.shown[n] == '.' || q.shown[n] == ',' ||
                                q.shown[n] == '-' || q.shown[n] == '+'))
    ++n;
  return q.shown.substr(0, n);
}

RuleResult exact(Decimal score, std::string method, std::string how) {
  RuleResult r;
  r.kind = RuleResult::Kind::Exact;
  r.score = score;
  r.method = std::move(method);
  r.how = std::move(how);
  return r;
}

RuleResult qualitative(const IndicatorInput& in, Decimal w, const Profile& p) {
  RuleResult r;
  auto ach = qualitative_achievement(in.target, in.actual);
  if (!ach) return r;
  r.kind = RuleResult::Kind::Band;
  r.method = "定性";
  Decimal hi_a = w, lo_a = w * p.achieved, lo_p = w * p.partial;
  std::string word = "“" + plain_words(in.actual) + "”";
  switch (*ach) {
    case Achievement::Achieved:
      r.low = lo_a, r.high = hi_a, r.high_inclusive = true;
      r.how = "定性：实际" + word + "为达成";
      break;
    case Achievement::Partial:
      r.low = lo_p, r.high = lo_a, r.high_inclusive = false;
      r.how = "定性：实际" + word + "为部分达成";
      break;
    case Achievement::NotAchieved:
      r.low = Decimal{}, r.high = lo_p, r.high_inclusive = false;
      r.how = "定性：实际" + word + "为未达成";
      break;
  }
  return r;
}

std::string date_text(const Date& d) {
  char buf[32];
  if (d.day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

}  // namespace

RuleResult apply_indicator_rule(const IndicatorInput& in, const Profile& p) {
  RuleResult undecided;
  if (!in.weight || *in.weight < Decimal{}) return undecided;
  const Decimal w = *in.weight;
  const std::string ws = w.to_string();
  const int dec = p.decimals;

  if (!normalize_text(in.standard, TextPurpose::Value).empty()) {
    // A 评分标准 is the sheet's own rule: where it does not parse, no other rule decides either.
    auto st = parse_scoring_standard(in.standard);
    auto aq = quantity_with_unit(in.actual, in.unit);
    if (!st || !aq) return undecided;
    std::string how;
    if (auto s = st->score(*aq, w, dec, &how)) return exact(*s, "评分标准", how);
    return undecided;
  }

  bool qual = false;
  Direction nature = parse_nature(in.nature, &qual);
  if (normalize_text(in.actual, TextPurpose::Value).empty()) return undecided;
  if (qual) return qualitative(in, w, p);

  auto td = parse_date(in.target), ad = parse_date(in.actual);
  if (td && ad) {
    bool on_time;
    if (td->day && ad->day) {
      on_time = std::tie(ad->year, ad->month, ad->day) <= std::tie(td->year, td->month, td->day);
    } else if (!td->day) {
      on_time = std::tie(ad->year, ad->month) <= std::tie(td->year, td->month);
    } else {
      on_time = std::tie(ad->year, ad->month) < std::tie(td->year, td->month);
    }
    if (on_time) return exact(w, "时效", "满分 " + ws + "（完成于 " + date_text(*ad) + "，不晚于 " + date_text(*td) + "）");
    return undecided;  // late: no rule says by how much
  }

  auto tq = quantity_with_unit(in.target, in.unit), aq = quantity_with_unit(in.actual, in.unit);
  if (tq && aq) {
    if (tq->unit != aq->unit) {
      bool adopt = (aq->unit.empty() && tq->unit != "%") || (tq->unit.empty() && aq->unit != "%");
      if (!adopt) return undecided;  // 次 against 人次, % against a bare number
    }
    Direction dir = nature != Direction::None ? nature : tq->op;
    const Decimal t = tq->value, a = aq->value;
    const std::string tt = number_text(*tq), at = number_text(*aq);
    const std::string target_shown = plain_words(in.target);
    auto full = [&](const std::string& verb) {
      return exact(w, dir == Direction::AtLeast ? "正向" : dir == Direction::AtMost ? "反向" : "等于",
                   "满分 " + ws + "（实际 " + plain_words(in.actual) + " " + verb + "目标 " + target_shown + "）");
    };
    if (aq->op != Direction::None && aq->op != Direction::Equal) {
      // "≥10天" as the actual: a bound, enough only when it is on the right side of the target.
      if (dir == Direction::AtLeast && aq->op == Direction::AtLeast && a >= t) return full("达到");
      if (dir == Direction::AtMost && aq->op == Direction::AtMost && a <= t) return full("达到");
      return undecided;
    }
    switch (dir) {
      case Direction::AtLeast: {
        if (a >= t) return full("达到");
        if (t <= Decimal{}) return undecided;
        Decimal s = a <= Decimal{} ? Decimal{} : *mul_div_rounded(w, a, t, dec);
        return exact(s, "正向", ws + " × " + at + " / " + tt + " = " + s.to_string(dec));
      }
      case Direction::AtMost: {
        if (a <= t) return full("达到");
        if (t <= Decimal{}) return undecided;
        Decimal s = *mul_div_rounded(w, t + t - a, t, dec);
        if (s < Decimal{}) s = Decimal{};
        return exact(s, "反向", ws + " × (1 − (" + at + " − " + tt + ") / " + tt + ") = " + s.to_string(dec));
      }
      default:
        if (a == t) return full("等于");
        return undecided;  // no direction stated: only equality decides
    }
  }
  if (aq) return undecided;  // a number against words or a date
  return qualitative(in, w, p);  // words, or a number promised and a word delivered ("完成")
}

}  // namespace jixiao
