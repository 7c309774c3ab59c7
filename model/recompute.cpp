#include "model/recompute.h"

#include <functional>

#include "model/indicator_rules.h"

namespace jixiao {

namespace {

constexpr size_t kMaxAddendsShown = 8;  // longer sums are named, not spelled out

const Field* number_field(const Field* f) { return f && f->number ? f : nullptr; }
const Field* number_field(const FieldMap& row, const std::string& name) { return number_field(field_of(row, name)); }

std::string text_of(const FieldMap& row, const std::string& name) {
  const Field* f = field_of(row, name);
  return f ? f->text : std::string{};
}

bool read_in_yuan(const Field& f) {
  return f.read_as(ReadAs::FromYuan);
}

bool from_label(const Field& f) { return f.read_as(ReadAs::FromLabel); }

// The decimals a submitted number shows: "20.00" -> 2, "99.9%" -> 3 (as a fraction), "18" -> 0.
// A rate typed as 99.9 (read as 0.999) counts as a percentage. `fallback` when the text does not
// show the number (no text, a formula result without a cached text).
int shown_decimals(const Field& f, bool rate, int fallback) {
  if (!f.number) return fallback;
  std::string t = normalize_text(f.text, TextPurpose::Value);
  std::erase(t, ',');
  bool percent = !t.empty() && t.back() == '%';
  if (percent) t.pop_back();
  auto v = Decimal::parse(t);
  if (!v) return fallback;
  size_t dot = t.find('.');
  int digits = dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
  if (digits > Decimal::kScale) return fallback;
  auto as_percent = [&]() -> std::optional<int> {
    if (digits + 2 > Decimal::kScale) return std::nullopt;
    auto frac = Decimal::divide(*v, Decimal::from_int(100));
    if (frac && f.number->round(digits + 2) == *frac) return digits + 2;
    return std::nullopt;
  };
  if (percent) return as_percent().value_or(fallback);
  if (f.number->round(digits) == *v) return digits;
  if (rate)
    if (auto d = as_percent()) return *d;
  return fallback;
}

// A submitted score or weight as the sheet shows it ("20.00", "18", "19.98" for 19.984 in a 0.00
// cell); the shortest form of the number when the text does not show it.
std::string shown(const Field& f) {
  std::string t = normalize_text(f.text, TextPurpose::Value);
  if (!f.number) return t;
  if (auto v = Decimal::parse(t)) {
    size_t dot = t.find('.');
    int digits = dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
    if (digits <= Decimal::kScale && f.number->round(digits) == *v) return t;
  }
  return f.number->to_string();
}

// Money in messages: two places ("40.00"), more only when the amount has them (read in 元).
std::string amount_text(Decimal v) { return v.round(2) == v ? v.to_string(2) : v.to_string(); }

std::string percent_text(Decimal fraction) { return (fraction * Decimal::from_int(100)).to_string(2) + "%"; }

std::string join_sum(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : " + ") + p;
  return s;
}

// A label without spaces and its bracketed weight, for matching: "项目\n决策\n(18分)" -> "项目决策".
std::string group_key(const std::string& label) {
  static const TextRegex kBracket = *TextRegex::compile(R"(\([^()]*\)$)");
  return kBracket.replace_all(normalize_text(label, TextPurpose::Value), "");
}

// A label without its bracketed weight and line breaks: "预算编制\n(10分)" -> "预算编制".
std::string canonical_words(const std::string& label) { return group_key(label); }

// "其中：中央补助" -> "中央补助"
std::string source_label(const std::string& label) {
  std::string s = normalize_text(label, TextPurpose::Value);
  for (std::string_view p : {"其中:", "其中"})
    if (s.rfind(p, 0) == 0) s.erase(0, p.size());
  while (!s.empty() && s.back() == ':') s.pop_back();
  return s;
}

class Recompute {
 public:
  Recompute(Record& rec, const Profile& p) : rec_(rec), p_(p) {}

  Findings run() {
    if (rec_.kind == "project_selfeval" || rec_.kind == "dept_selfeval") selfeval();
    else if (rec_.kind == "score_table") score_table();
    else if (rec_.kind == "project_summary") summary();
    return std::move(out_);
  }

 private:
  // ---- helpers -------------------------------------------------------------------------------
  void add(const std::string& rule, Severity sev, const Field& at, std::string message, std::string expected,
           std::string found) {
    Finding f;
    f.rule = rule;
    f.severity = sev;
    f.file = at.source.file;
    f.sheet = at.source.sheet;
    f.cell = at.source.cell;
    f.message = std::move(message);
    f.expected = std::move(expected);
    f.found = std::move(found);
    out_.push_back(std::move(f));
  }
  void computed(const std::string& path, Decimal v, std::string how = {}) {
    rec_.computed[path] = Field{v.to_string(), v, {}, std::move(how)};
  }
  void computed_text(const std::string& path, std::string text, std::string how = {}) {
    rec_.computed[path] = Field{std::move(text), std::nullopt, {}, std::move(how)};
  }
  // Does the submitted value agree with the computed one at the precision it shows?
  // `at(d)` gives the computed value rounded to d places.
  bool agrees(const Field& submitted, bool rate, const std::function<std::optional<Decimal>(int)>& at) const {
    int d = shown_decimals(submitted, rate, rate ? p_.decimals + 2 : p_.decimals);
    auto c = at(d);
    return !c || *c == submitted.number->round(d);
  }
  bool agrees(const Field& submitted, Decimal exact) const {
    return agrees(submitted, false, [&](int d) { return exact.round(d); });
  }
  bool amounts_agree(Decimal found, Decimal sum, size_t addends, bool all_yuan) const {
    Decimal tol = (p_.yuan_exact && all_yuan) ? Decimal{} : p_.amount_per_addend * Decimal::from_int(static_cast<int64_t>(addends));
    return (found - sum).abs() <= tol;
  }

  std::string grade_reason(const GradeBand* band, const std::string& total) const {
    size_t i = static_cast<size_t>(band - p_.grades.data());
    std::optional<Decimal> upper = i > 0 ? p_.grades[i - 1].min : std::nullopt;
    if (band->min && upper) return band->min->to_string() + " ≤ " + total + " < " + upper->to_string() + " 为 " + band->word;
    if (band->min) return total + " ≥ " + band->min->to_string() + " 为 " + band->word;
    if (upper) return total + " < " + upper->to_string() + " 为 " + band->word;
    return "为 " + band->word;
  }
  // A grade against the score it should follow; `what` names the score ("总分", "得分").
  void check_grade(const std::string& rule, const std::string& path, const Field* grade, Decimal basis,
                   const std::string& basis_text, const std::string& what) {
    const GradeBand* band = p_.grade_for(basis);
    if (!band) return;
    computed_text(path, band->word, grade_reason(band, basis_text));
    if (!grade) return;
    std::string submitted = normalize_text(grade->text, TextPurpose::Value);
    if (submitted.empty()) return;
    const GradeBand* named = p_.grade_named(submitted);
    if (named == band) return;
    if (named) {
      add(rule, Severity::Error, *grade,
          "等级 " + submitted + " 与" + what + " " + basis_text + " 不符：" + grade_reason(band, basis_text), band->word,
          submitted);
    } else {
      std::string words;
      for (const auto& g : p_.grades) words += (words.empty() ? "" : "/") + g.word;
      add(rule, Severity::Warning, *grade,
          "等级 " + submitted + " 不是本评分方案的等级用语（" + words + "）：" + grade_reason(band, basis_text),
          band->word, submitted);
    }
  }
  // 0 ≤ score ≤ weight; true when in range.
  // `who` names the score: "政策宣传活动次数 得分", "项目资金得分".
  bool check_range(const std::string& rule, const std::string& who, const Field& score, std::optional<Decimal> weight) {
    if (*score.number < Decimal{}) {
      add(rule, Severity::Error, score, who + " " + shown(score) + " < 0", "0", score.number->to_string());
      return false;
    }
    if (weight && *score.number > *weight) {
      add(rule, Severity::Error, score, who + " " + shown(score) + " > 分值 " + weight->to_string(), weight->to_string(),
          score.number->to_string());
      return false;
    }
    return true;
  }
  // A column the record's layout knows but the sheet lacks (Record::absent): one warning naming what
  // was not understood, and false so that the checks needing it are switched off. Never an error.
  bool unread_column(const std::string& path, const std::string& word, const std::string& consequence) {
    if (!rec_.column_absent(path)) return false;
    std::string header;
    SourceCell where;
    for (const auto& [text, cell] : rec_.unmapped_headers)
      if (normalize_text(text, TextPurpose::Label).find("分") != std::string::npos) {
        header = text, where = cell;
        break;
      }
    Finding f;
    f.rule = (rec_.kind == "dept_selfeval" ? "dept." : rec_.kind == "score_table" ? "score_table." : "project.") +
             std::string("unread_column");
    f.severity = Severity::Warning;
    f.file = where.file;
    f.sheet = where.sheet;
    f.cell = where.cell;
    for (const auto& [k, fld] : rec_.fields)
      if (f.file.empty() && !fld.source.file.empty()) f.file = fld.source.file, f.sheet = fld.source.sheet;
    f.message = header.empty() ? "表中未找到“" + word + "”列：" + consequence
                               : "未识别“" + normalize_text(header, TextPurpose::Label) + "”列：" + consequence;
    out_.push_back(std::move(f));
    return true;
  }

  // One indicator or item: range, then the rule where one decides.
  void check_indicator(const std::string& prefix, const std::string& list, size_t i, const FieldMap& row,
                       const std::string& name, const std::string& target, const std::string& standard) {
    const Field* w = number_field(row, "weight");
    const Field* s = number_field(row, "score");
    std::optional<Decimal> weight = w ? w->number : std::nullopt;
    const std::string who = name.empty() ? "得分" : name + " 得分";
    if (s && !check_range(prefix + (list == "items" ? "item_range" : "indicator_score_range"), who, *s, weight)) return;
    IndicatorInput in{name, target, text_of(row, "actual"), text_of(row, "nature"), text_of(row, "unit"), standard, weight};
    RuleResult r = apply_indicator_rule(in, p_);
    std::string path = list + "." + std::to_string(i) + ".score";
    std::string rule = prefix + (list == "items" ? "item_score" : "indicator_score");
    if (r.kind == RuleResult::Kind::Exact) {
      computed(path, r.score, r.method + "：" + r.how);
      if (s && !agrees(*s, r.score))
        add(rule, p_.rule_severity, *s, who + " " + shown(*s) + " ≠ " + r.how, r.score.to_string(), s->number->to_string());
    } else if (r.kind == RuleResult::Kind::Band) {
      computed_text(path + "_range", r.band_text(), r.how);
      if (!s) return;
      Decimal v = *s->number;
      if (v < r.low || v > r.high || (!r.high_inclusive && v == r.high))
        add(rule, p_.rule_severity, *s, who + " " + shown(*s) + " 不在 " + r.band_text() + "（" + r.how + "）", r.band_text(),
            s->number->to_string());
    }
  }

  // ---- project_selfeval / dept_selfeval ------------------------------------------------------
  void selfeval() {
    const bool dept = rec_.kind == "dept_selfeval";
    const std::string pre = dept ? "dept." : "project.";
    const ProfileBlock* funds_block = p_.block("funds");
    const ProfileBlock* goals_block = p_.block("goals");
    const ProfileBlock* ind_block = p_.block("indicators");
    const std::string fund_label = (funds_block && !funds_block->label.empty() ? funds_block->label : "项目资金") + "得分";

    // 执行率 and the fund score, from 全年预算数 and 全年执行数.
    const Field* budget = number_field(rec_.field("funds.budget"));
    const Field* executed = number_field(rec_.field("funds.executed"));
    const Field* fund_score = number_field(rec_.field("funds.score"));
    const Field* fund_weight_f = number_field(rec_.field("funds.weight"));
    // A sheet without a fund score whose indicators weigh 100 between them (银川's 决策/管理/产出/效益
    // table) scores everything in the indicators: the profile's fund block and its split do not apply.
    const bool indicators_carry_all = [&] {
      if (fund_score || fund_weight_f || rec_.list("indicators").empty()) return false;
      Decimal w;
      for (const FieldMap& row : rec_.list("indicators")) {
        const Field* f = number_field(row, "weight");
        if (!f) return false;
        w += *f->number;
      }
      return w == Decimal::from_int(100);
    }();
    std::optional<Decimal> fund_weight =
        fund_weight_f ? fund_weight_f->number : (funds_block && !indicators_carry_all ? funds_block->weight : std::nullopt);
    std::optional<Decimal> fund_computed;
    if (budget && executed && *budget->number > Decimal{}) {
      check_rate(pre, "funds", "", *budget->number, *executed->number, rec_.field("funds.rate"), *executed);
      if (fund_weight) fund_computed = fund_score_of(pre, fund_label, *fund_weight, *budget->number, *executed->number, fund_score);
    } else if (fund_score) {
      check_range(pre + "fund_score_range", fund_label, *fund_score, fund_weight);
    }
    // Fund sources: their rates, and their sum against 年度资金总额.
    const auto& sources = rec_.list("funds.sources");
    for (size_t i = 0; i < sources.size(); ++i) {
      const Field* b = number_field(sources[i], "budget");
      const Field* e = number_field(sources[i], "executed");
      if (b && e && *b->number > Decimal{})
        check_rate(pre, "funds.sources." + std::to_string(i), source_label(text_of(sources[i], "label")), *b->number,
                   *e->number, field_of(sources[i], "rate"), *e);
    }
    check_sources(pre, "initial_budget", "年初预算数");
    check_sources(pre, "budget", "全年预算数");
    check_sources(pre, "executed", "全年执行数");

    // 绩效目标
    const Field* goals = number_field(rec_.field("goals.score"));
    if (goals) {
      const Field* gw = number_field(rec_.field("goals.weight"));
      check_range(pre + "goals_score_range", "绩效目标得分", *goals,
                  gw ? gw->number : (goals_block ? goals_block->weight : std::nullopt));
    }

    // 绩效指标: range, rules, level-1 sums.
    const auto& inds = rec_.list("indicators");
    const bool ind_scores_read =
        inds.empty() || !unread_column("indicators.score", "得分", "指标得分与总分未核算");
    Decimal ind_sum, weight_sum;
    bool all_weighted = !inds.empty();
    std::vector<std::string> keys;
    std::vector<std::pair<Decimal, Decimal>> sums;  // per level 1: weight, score
    std::string level1;
    for (size_t i = 0; i < inds.size(); ++i) {
      const FieldMap& row = inds[i];
      if (ind_scores_read)
        check_indicator(pre, "indicators", i, row, normalize_text(text_of(row, "name"), TextPurpose::Value),
                        text_of(row, "target"), "");
      const Field* w = number_field(row, "weight");
      const Field* s = number_field(row, "score");
      if (s) ind_sum += *s->number;
      if (w) weight_sum += *w->number;
      else if (s) all_weighted = false;  // a row with neither is an unscored line, not a part of the sums
      std::string l1 = group_key(text_of(row, "level1"));
      if (!l1.empty()) level1 = l1;  // merged cells the mapping did not fill down
      auto it = std::find(keys.begin(), keys.end(), level1);
      if (it == keys.end()) {
        keys.push_back(level1);
        sums.emplace_back();
        it = keys.end() - 1;
      }
      auto& [gw, gs] = sums[static_cast<size_t>(it - keys.begin())];
      if (w) gw += *w->number;
      if (s) gs += *s->number;
    }
    for (size_t k = 0; k < keys.size() && !(keys.size() == 1 && keys[0].empty()); ++k) {
      std::string base = "indicator_groups." + std::to_string(k);
      computed_text(base + ".level1", keys[k]);
      computed(base + ".weight", sums[k].first);
      computed(base + ".score", sums[k].second);
    }
    // Σ indicator weights against the block's weight: the sheet's label ("绩效指标（60分）"), else the
    // profile's — only where the sheet follows the profile's scheme (a Yunnan sheet read with the national
    // profile may keep Hubei's 20 / 20 / 60).
    const Field* ind_label_w = number_field(rec_.field("indicators_weight"));
    const bool profile_scheme = !indicators_carry_all && (!fund_weight_f || !funds_block || !funds_block->weight ||
                                 *fund_weight_f->number == *funds_block->weight) &&
                                (goals == nullptr) == (goals_block == nullptr);
    std::optional<Decimal> ind_weight =
        ind_label_w ? ind_label_w->number : (ind_block && profile_scheme ? ind_block->weight : std::nullopt);
    if (all_weighted && ind_weight) {
      const Field& at = ind_label_w ? *ind_label_w : *field_of(inds.front(), "weight");
      std::string label = ind_block && !ind_block->label.empty() ? ind_block->label : "绩效指标";
      if (weight_sum != *ind_weight) {
        add(pre + "indicator_weights", Severity::Warning, at,
            label + "分值之和 " + weight_sum.to_string() + " ≠ " + ind_weight->to_string(), ind_weight->to_string(),
            weight_sum.to_string());
      }
    }
    if (all_weighted && ind_block && profile_scheme && (!ind_weight || weight_sum == *ind_weight)) {
      const Field& at = *field_of(inds.front(), "weight");
      for (const ProfileGroup& g : ind_block->groups) {
        if (!g.weight) continue;
        for (size_t k = 0; k < keys.size(); ++k) {
          if (keys[k].empty() || (keys[k].find(g.label) == std::string::npos && g.label.find(keys[k]) == std::string::npos))
            continue;
          if (sums[k].first != *g.weight)
            add(pre + "indicator_weights", Severity::Warning, at,
                keys[k] + " 分值之和 " + sums[k].first.to_string() + " ≠ " + g.weight->to_string(), g.weight->to_string(),
                sums[k].first.to_string());
        }
      }
    }

    // Which parts the total adds up, as the weights say: a form whose indicators weigh 100 by themselves
    // (四川 中江: 产出 70 + 效益 20 + 满意度 10, the 总分 row's 分值 100, the fund score 10 beside it) leaves the
    // fund and goals scores outside its 总分.
    bool indicators_only = false;
    bool stated = false;  // the 总分 row's 分值 says which parts; else the weights only suggest it
    if (all_weighted) {
      const Field* tw = number_field(rec_.field("indicators_total.weight"));
      Decimal others;
      if (fund_weight) others += *fund_weight;
      if (const Field* gw = number_field(rec_.field("goals.weight")); gw && goals) others += *gw->number;
      if (others > Decimal{}) {
        stated = tw != nullptr;
        if (tw) indicators_only = *tw->number == weight_sum;
        else indicators_only = weight_sum == Decimal::from_int(100);
      }
    }
    if (indicators_carry_all && !goals) indicators_only = true;
    // A submitted total that is the sum of every part says the parts are all in it (then a 总分 row
    // 分值 equal to the indicators' weights alone is the mistake, reported as such).
    if (indicators_only) {
      const Field* tf = number_field(rec_.field("total_score"));
      std::optional<Decimal> f = fund_score ? fund_score->number : fund_computed;
      if (tf && f && agrees(*tf, *f + (goals ? *goals->number : Decimal{}) + ind_sum)) indicators_only = false;
    }
    // 总分 = fund score + goals score + Σ indicator scores, as submitted.
    std::vector<std::string> parts;
    Decimal total;
    bool complete = ind_scores_read;
    // A weighted indicator without a score: the total cannot be summed from what was submitted.
    for (const FieldMap& row : inds)
      if (number_field(row, "weight") && !number_field(row, "score")) complete = false;
    // No fund score column (宁夏: 执行率 shown but not scored): the total is not known to include one.
    if (!fund_score && rec_.column_absent("funds.score")) fund_computed.reset();
    if (indicators_only) {
      // the fund and goals scores are not part of this total
    } else if (fund_score) {
      parts.push_back(shown(*fund_score));
      total += *fund_score->number;
    } else if (fund_computed) {
      parts.push_back(fund_computed->to_string(p_.decimals));
      total += *fund_computed;
    } else if (funds_block) {
      complete = false;
    }
    if (indicators_only) {
    } else if (goals) {
      parts.push_back(shown(*goals));
      total += *goals->number;
    } else if (goals_block) {
      complete = false;
    }
    if (!inds.empty()) {
      if (ind_block && !ind_block->groups.empty()) {
        for (const auto& [gw, gs] : sums) parts.push_back(gs.to_string());  // 产出 + 效益 + 满意度
      } else {
        parts.push_back(ind_sum.to_string());
      }
      total += ind_sum;
    }
    const Field* total_f = number_field(rec_.field("total_score"));
    const std::string& total_label = p_.total_label;
    // Where only the weights suggested leaving the fund score out, a total that includes it is not wrong.
    auto full_total = [&]() -> std::optional<Decimal> {
      std::optional<Decimal> f = fund_score ? fund_score->number : fund_computed;
      if (!f) return std::nullopt;
      return *f + (goals ? *goals->number : Decimal{}) + ind_sum;
    };
    const bool either = indicators_only && !stated;
    if (complete && !parts.empty()) {
      std::string how = join_sum(parts) + " = " + total.to_string(p_.decimals);
      computed("total_score", total, how);
      auto alt = either ? full_total() : std::nullopt;
      if (total_f && !agrees(*total_f, total) && !(alt && agrees(*total_f, *alt)))
        add(pre + "total_score", Severity::Error, *total_f, total_label + " " + shown(*total_f) + " ≠ " + how,
            total.to_string(), total_f->number->to_string());
    }
    if (!indicators_only)
      check_weight_total(pre, fund_weight, funds_block != nullptr,
                         all_weighted ? std::optional<Decimal>(weight_sum) : std::nullopt,
                         ind_block && !ind_block->groups.empty() ? sums : decltype(sums){});
    if (total_f) check_grade(pre + "grade", "grade", rec_.field("grade"), *total_f->number, shown(*total_f), "总分");
    else if (complete && !parts.empty()) check_grade(pre + "grade", "grade", rec_.field("grade"), total, total.to_string(), "总分");
  }

  // The 总分 row's 分值 (the national "总分 | 100"): the weights of the parts add up to it.
  void check_weight_total(const std::string& pre, std::optional<Decimal> fund_weight, bool has_funds,
                          std::optional<Decimal> indicator_weights, const std::vector<std::pair<Decimal, Decimal>>& groups) {
    const Field* tw = number_field(rec_.field("indicators_total.weight"));
    if (!tw || !indicator_weights || (has_funds && !fund_weight)) return;
    std::vector<std::string> parts;
    Decimal sum;
    if (fund_weight) parts.push_back(fund_weight->to_string()), sum += *fund_weight;
    if (number_field(rec_.field("goals.score"))) {  // a goals score whose weight nobody states: no sum
      const Field* gw = number_field(rec_.field("goals.weight"));
      if (!gw) return;
      parts.push_back(gw->number->to_string()), sum += *gw->number;
    }
    if (groups.empty()) parts.push_back(indicator_weights->to_string());
    for (const auto& [w, s] : groups) parts.push_back(w.to_string());
    sum += *indicator_weights;
    if (sum != *tw->number)
      add(pre + "weight_total", Severity::Error, *tw, "总分 分值 " + shown(*tw) + " ≠ " + join_sum(parts) + " = " + sum.to_string(),
          sum.to_string(), tw->number->to_string());
  }

  // 执行率 = executed / budget against the submitted rate; above 100% is a finding of its own.
  void check_rate(const std::string& pre, const std::string& base, const std::string& label, Decimal budget,
                  Decimal executed, const Field* rate, const Field& executed_field) {
    Decimal r4 = *ratio_rounded(executed, budget, p_.decimals + 2);
    std::string how = amount_text(executed) + " / " + amount_text(budget) + " = " + percent_text(r4);
    computed(base + ".rate", r4, how);
    std::string who = label.empty() ? "执行率 " : label + " 执行率 ";
    if (rate && rate->number &&
        !agrees(*rate, true, [&](int d) { return ratio_rounded(executed, budget, d); })) {
      add(pre + "execution_rate", Severity::Error, *rate, who + percent_text(*rate->number) + " ≠ " + how,
          r4.to_string(), rate->number->to_string());
    }
    if (executed > budget && p_.over_100) {
      const Field& at = rate && rate->number ? *rate : executed_field;
      add(pre + "execution_rate_over_100", *p_.over_100, at,
          who + percent_text(r4) + " 超过 100%：全年执行数 " + amount_text(executed) + " > 全年预算数 " + amount_text(budget),
          "1", r4.to_string());
    }
  }

  Decimal fund_score_of(const std::string& pre, const std::string& label, Decimal w, Decimal budget, Decimal executed,
                        const Field* submitted) {
    const int dec = p_.decimals;
    const std::string ws = w.to_string(), es = amount_text(executed), bs = amount_text(budget);
    Decimal s;
    std::string how;
    bool full_above = p_.fund_rule == FundRule::FullAbove &&
                      static_cast<__int128>(executed.units()) * Decimal::kOne >=
                          static_cast<__int128>(p_.fund_threshold.units()) * budget.units();
    if (full_above) {
      s = w;
      how = ws + "（执行率 " + es + " / " + bs + " = " + percent_text(*ratio_rounded(executed, budget, dec + 2)) + " ≥ " +
            percent_text(p_.fund_threshold) + "，得满分）";
    } else if (p_.fund_rule == FundRule::FullAbove && p_.fund_below_zero) {
      s = Decimal{};
      how = "0（执行率 " + es + " / " + bs + " = " + percent_text(*ratio_rounded(executed, budget, dec + 2)) + " < " +
            percent_text(p_.fund_threshold) + "）";
    } else if (executed >= budget) {
      s = w;
      how = ws + " × min(" + es + " / " + bs + ", 1) = " + s.to_string(dec);
    } else {
      s = *mul_div_rounded(w, executed, budget, dec);
      how = ws + " × " + es + " / " + bs + " = " + s.to_string(dec);
    }
    computed("funds.score", s, how);
    if (submitted && !agrees(*submitted, s))
      add(pre + "fund_score", Severity::Error, *submitted, label + " " + shown(*submitted) + " ≠ " + how, s.to_string(),
          submitted->number->to_string());
    return s;
  }

  // 年度资金总额 against the sum of its sources (当年财政拨款 + 上年结转 + 其他 …).
  void check_sources(const std::string& pre, const std::string& key, const std::string& what) {
    const Field* total = number_field(rec_.field("funds." + key));
    if (!total) return;
    std::vector<std::string> parts;
    Decimal sum;
    bool all_yuan = read_in_yuan(*total);
    for (const FieldMap& row : rec_.list("funds.sources")) {
      const Field* f = number_field(row, key);
      if (!f) continue;
      std::string label = source_label(text_of(row, "label"));
      parts.push_back((label.empty() ? "" : label + " ") + amount_text(*f->number));
      sum += *f->number;
      all_yuan = all_yuan && read_in_yuan(*f);
    }
    if (parts.empty() || amounts_agree(*total->number, sum, parts.size(), all_yuan)) return;
    std::string list = parts.size() > kMaxAddendsShown ? "各项资金来源之和" : join_sum(parts);
    add(pre + "fund_sources", Severity::Error, *total,
        what + " " + amount_text(*total->number) + " ≠ " + list + " = " + amount_text(sum), sum.to_string(),
        total->number->to_string());
  }

  // ---- score_table ---------------------------------------------------------------------------
  void score_table() {
    const std::string pre = "score_table.";
    const auto& items = rec_.list("items");
    struct Sum {
      std::string key, label;
      Decimal weight, score;
      std::vector<std::string> weights, scores;
      bool all_weights = true;
      bool all_scores = true;  // every item of the group has a score: its sum is the group's score
    };
    // Without a score column nothing is summed: a blank read as 0 would make every total "wrong".
    const bool scores_read = !unread_column("items.score", "得分", "指标得分、小计与合计未核算");
    std::vector<Sum> by_level1;
    std::string level1, label;
    Decimal item_weights, item_scores;
    std::vector<std::string> iw, is;
    for (size_t i = 0; i < items.size(); ++i) {
      const FieldMap& row = items[i];
      std::string name = normalize_text(text_of(row, "level3"), TextPurpose::Value);
      if (name.empty()) name = normalize_text(text_of(row, "level2"), TextPurpose::Value);
      check_indicator(pre, "items", i, row, name, text_of(row, "standard"), text_of(row, "rule"));
      std::string k = group_key(text_of(row, "level1"));
      if (!k.empty()) level1 = k, label = k;
      auto it = std::find_if(by_level1.begin(), by_level1.end(), [&](const Sum& s) { return s.key == level1; });
      if (it == by_level1.end()) {
        by_level1.push_back({level1, label, {}, {}, {}, {}, true, true});
        it = by_level1.end() - 1;
      }
      const Field* w = number_field(row, "weight");
      const Field* s = number_field(row, "score");
      if (w) {
        it->weight += *w->number, item_weights += *w->number;
        it->weights.push_back(shown(*w)), iw.push_back(shown(*w));
      } else {
        it->all_weights = false;
      }
      if (s) {
        it->score += *s->number, item_scores += *s->number;
        it->scores.push_back(shown(*s)), is.push_back(shown(*s));
      } else if (w) {
        it->all_scores = false;  // a weighted item left without a score
      }
    }
    if (!scores_read)
      for (Sum& s : by_level1) s.all_scores = false;

    // Groups of the record, checked against their items; or groups derived from the items.
    const auto& groups = rec_.list("groups");
    std::vector<std::string> gw_parts, gs_parts;
    Decimal gw_sum, gs_sum;
    bool groups_complete = !groups.empty();
    std::vector<std::string> seen;
    for (size_t i = 0; i < groups.size(); ++i) {
      const FieldMap& g = groups[i];
      const std::string base = "groups." + std::to_string(i);
      std::string name = group_key(text_of(g, "level1"));
      const Sum* items_of = nullptr;
      for (const Sum& s : by_level1)
        if (!name.empty() && s.key == name) items_of = &s;
      const Field* w = number_field(g, "weight");
      const Field* s = number_field(g, "score");
      std::optional<Decimal> weight = w ? w->number : std::nullopt, score = s ? s->number : std::nullopt;
      if (items_of) {
        computed(base + ".weight", items_of->weight);
        computed(base + ".score", items_of->score);
        if (w && items_of->all_weights && items_of->weight != *w->number) {
          if (from_label(*w)) {
            add(pre + "group_label_weight", Severity::Warning, *w,
                name + " 标注 " + w->number->to_string() + " 分 ≠ 分值之和 " + items_of->weight.to_string(),
                items_of->weight.to_string(), w->number->to_string());
          } else {
            add(pre + "group_weight", Severity::Error, *w,
                name + " 分值 " + shown(*w) + " ≠ " + sum_text(items_of->weights, items_of->weight), items_of->weight.to_string(),
                w->number->to_string());
          }
        }
        if (s && items_of->all_scores && !agrees(*s, items_of->score))
          add(pre + "group_score", Severity::Error, *s, name + " 得分 " + shown(*s) + " ≠ " + sum_text(items_of->scores, items_of->score),
              items_of->score.to_string(), s->number->to_string());
        // a weight read from a label is a claim about the items: their sum is what counts
        if ((!weight || from_label(*w)) && items_of->all_weights) weight = items_of->weight;
        if (!score && items_of->all_scores) score = items_of->score;
      }
      if (s && w && *s->number > *w->number)
        add(pre + "group_range", Severity::Error, *s, name + " 得分 " + shown(*s) + " > 分值 " + shown(*w), w->number->to_string(),
            s->number->to_string());
      if (weight && score) check_score_rate(pre, base, field_of(g, "score_rate"), *score, *weight, s, w);
      // Totals over groups only when each level 1 appears once (a label repeated after a page break
      // is a second group entry, not a second group).
      bool repeated = std::find(seen.begin(), seen.end(), name) != seen.end();
      seen.push_back(name);
      if (repeated || !weight || !score) {
        groups_complete = false;
        continue;
      }
      gw_sum += *weight, gs_sum += *score;
      gw_parts.push_back(w && *w->number == *weight ? shown(*w) : weight->to_string());
      gs_parts.push_back(s ? shown(*s) : score->to_string());
    }
    // Weights written in the 一级 labels of the items ("项目决策(18分)", each row carrying its label's
    // weight as level1_weight): once per label cell, against the weights of that group's items.
    std::vector<std::string> label_seen;
    for (const FieldMap& row : items) {
      const Field* lw = number_field(row, "level1_weight");
      if (!lw) continue;
      std::string name = group_key(text_of(row, "level1"));
      std::string id = name + "|" + lw->source.cell + "|" + lw->number->to_string();
      if (std::find(label_seen.begin(), label_seen.end(), id) != label_seen.end()) continue;
      label_seen.push_back(id);
      for (const Sum& s : by_level1) {
        if (s.key != name || !s.all_weights || s.weight == *lw->number) continue;
        add(pre + "group_label_weight", Severity::Warning, *lw,
            name + " 标注 " + lw->number->to_string() + " 分 ≠ 分值之和 " + s.weight.to_string(), s.weight.to_string(),
            lw->number->to_string());
      }
    }
    // Weights in the labels of either level ("预算编制(10分)" over 测算依据 and 目标管理): the items under one
    // label cell may not score more than it says (an error), and their weights should add up to it (a
    // warning, for 二级 labels; 一级 labels are checked above).
    for (const char* level : {"level1", "level2"}) {
      const std::string wkey = std::string(level) + "_weight";
      std::vector<std::string> done;
      for (size_t i = 0; i < items.size(); ++i) {
        const Field* lw = number_field(items[i], wkey);
        if (!lw || lw->source.cell.empty()) continue;
        if (std::find(done.begin(), done.end(), lw->source.cell) != done.end()) continue;
        done.push_back(lw->source.cell);
        Decimal ws, ss;
        std::vector<std::string> sparts;
        bool all_w = true, all_s = scores_read, any_s = false;
        for (const FieldMap& row : items) {
          const Field* o = number_field(row, wkey);
          if (!o || o->source.cell != lw->source.cell) continue;
          const Field* w = number_field(row, "weight");
          const Field* s = number_field(row, "score");
          if (w) ws += *w->number;
          else all_w = false;
          if (s) ss += *s->number, sparts.push_back(shown(*s)), any_s = true;
          else if (w) all_s = false;
        }
        std::string name = canonical_words(text_of(items[i], level));
        if (any_s && all_s && ss > *lw->number)
          add(pre + "group_score_range", Severity::Error, *lw,
              name + " 得分 " + sum_text(sparts, ss) + " > 标注的 " + lw->number->to_string() + " 分", lw->number->to_string(),
              ss.to_string());
        if (std::string(level) == "level2" && all_w && ws > Decimal{} && ws != *lw->number)
          add(pre + "group_label_weight", Severity::Warning, *lw,
              name + " 标注 " + lw->number->to_string() + " 分 ≠ 分值之和 " + ws.to_string(), ws.to_string(),
              lw->number->to_string());
      }
    }
    if (groups.empty()) {
      bool named = false;
      for (const Sum& s : by_level1) named |= !s.key.empty();
      for (size_t k = 0; named && k < by_level1.size(); ++k) {
        const Sum& s = by_level1[k];
        const std::string base = "groups." + std::to_string(k);
        computed_text(base + ".level1", s.label);
        computed(base + ".weight", s.weight);
        computed(base + ".score", s.score);
        if (s.all_weights && s.weight > Decimal{}) computed(base + ".score_rate", *ratio_rounded(s.score, s.weight, p_.decimals + 2));
      }
    }

    // Totals: over the groups when they are complete, else over the items.
    std::optional<Decimal> tw, ts;
    std::vector<std::string> tw_parts, ts_parts;
    if (groups_complete) {
      tw = gw_sum, ts = gs_sum, tw_parts = gw_parts, ts_parts = gs_parts;
    } else if (!items.empty()) {
      bool all_w = std::all_of(by_level1.begin(), by_level1.end(), [](const Sum& s) { return s.all_weights; });
      bool all_s = std::all_of(by_level1.begin(), by_level1.end(), [](const Sum& s) { return s.all_scores; });
      if (all_w) tw = item_weights, tw_parts = iw;
      if (all_s) ts = item_scores, ts_parts = is;
    }
    // The 合计/小计 row: total_weight / total_score.
    const Field* tw_f = number_field(rec_.field("total_weight"));
    const Field* ts_f = number_field(rec_.field("total_score"));
    if (tw) {
      computed("total_weight", *tw, join_sum(tw_parts));
      if (tw_f && !agrees(*tw_f, *tw))
        add(pre + "total_weight", Severity::Error, *tw_f, "合计分值 " + shown(*tw_f) + " ≠ " + sum_text(tw_parts, *tw),
            tw->to_string(), tw_f->number->to_string());
    }
    if (ts) {
      computed("total_score", *ts, join_sum(ts_parts));
      if (ts_f && !agrees(*ts_f, *ts))
        add(pre + "total", Severity::Error, *ts_f, "合计 " + shown(*ts_f) + " ≠ " + sum_text(ts_parts, *ts), ts->to_string(),
            ts_f->number->to_string());
    }
    std::optional<Decimal> weight = tw_f ? tw_f->number : tw;
    std::optional<Decimal> score = ts_f ? ts_f->number : ts;
    if (weight && score && *weight > Decimal{})
      check_score_rate(pre, "total", rec_.field("total_score_rate"), *score, *weight, ts_f, tw_f, "total_score_rate");

    // Grade: from the total on a 100-point table, from the score rate otherwise.
    const Field* grade = rec_.field("grade");
    if (!score) return;
    std::string score_text = ts_f ? shown(*ts_f) : score->to_string();
    if (!weight || *weight == Decimal::from_int(100)) {
      check_grade(pre + "grade", "grade", grade, *score, score_text, "总分");
    } else if (grade && *weight > Decimal{}) {
      Decimal rate = *ratio_rounded(*score * Decimal::from_int(100), *weight, Decimal::kScale);
      check_grade(pre + "grade", "grade", grade, rate, rate.to_string(p_.decimals) + "（得分率）", "百分制得分");
    }
  }

  std::string sum_text(const std::vector<std::string>& parts, Decimal sum) const {
    if (parts.size() > kMaxAddendsShown) return "各项之和 " + sum.to_string();
    return join_sum(parts) + " = " + sum.to_string();
  }

  void check_score_rate(const std::string& pre, const std::string& base, const Field* rate, Decimal score, Decimal weight,
                        const Field* score_f, const Field* weight_f, const std::string& path = {}) {
    if (weight <= Decimal{}) return;
    Decimal r4 = *ratio_rounded(score, weight, p_.decimals + 2);
    std::string how = (score_f ? shown(*score_f) : score.to_string()) + " / " + (weight_f ? shown(*weight_f) : weight.to_string()) +
                      " = " + percent_text(r4);
    computed(path.empty() ? base + ".score_rate" : path, r4, how);
    if (rate && rate->number && !agrees(*rate, true, [&](int d) { return ratio_rounded(score, weight, d); }))
      add(pre + "score_rate", Severity::Error, *rate, "得分率 " + percent_text(*rate->number) + " ≠ " + how, r4.to_string(),
          rate->number->to_string());
  }

  // ---- project_summary -----------------------------------------------------------------------
  void summary() {
    const auto& rows = rec_.list("rows");
    for (const char* key : {"budget", "executed"}) {
      std::vector<std::string> parts;
      Decimal sum;
      bool all_yuan = true;
      for (const FieldMap& row : rows) {
        const Field* f = number_field(row, key);
        if (!f) continue;
        parts.push_back(amount_text(*f->number));
        sum += *f->number;
        all_yuan = all_yuan && read_in_yuan(*f);
      }
      if (parts.empty()) continue;
      std::string path = std::string("total.") + key;
      std::string list = parts.size() > kMaxAddendsShown ? "各行之和" : join_sum(parts);
      computed(path, sum, list);
      const Field* total = number_field(rec_.field(path));
      if (!total) continue;
      all_yuan = all_yuan && read_in_yuan(*total);
      if (!amounts_agree(*total->number, sum, parts.size(), all_yuan))
        add("summary.total", Severity::Error, *total,
            "合计 " + amount_text(*total->number) + " ≠ " + list + " = " + amount_text(sum), sum.to_string(),
            total->number->to_string());
    }
    text_total(rows);
    for (size_t i = 0; i < rows.size(); ++i) {
      const Field* score = number_field(rows[i], "score");
      if (score)
        check_grade("summary.grade", "rows." + std::to_string(i) + ".grade", field_of(rows[i], "grade"), *score->number,
                    shown(*score), "得分");
    }
  }

  // The funds a notice states above its list (共对9个项目……资金17815.56万元) against the rows' sum, in 万元
  // as both are written. Only when the sentence counts exactly the rows listed and every row has its amount:
  // otherwise the sentence may speak of more projects than the list holds.
  void text_total(const std::vector<FieldMap>& rows) {
    const Field* stated = number_field(rec_.field("text_total.budget"));
    const Field* count = number_field(rec_.field("text_total.count"));
    if (!stated || !count || rows.empty() || *count->number != Decimal::from_int(static_cast<int64_t>(rows.size()))) return;
    Decimal sum;
    for (const FieldMap& row : rows) {
      const Field* f = number_field(row, "budget");
      if (!f || read_in_yuan(*f)) return;
      sum += *f->number;
    }
    if (amounts_agree(*stated->number, sum, rows.size(), false)) return;
    add("summary.text_total", Severity::Error, *stated,
        "正文所述资金 " + amount_text(*stated->number) + " 万元 ≠ 表中 " + std::to_string(rows.size()) + " 个项目的资金之和 " +
            amount_text(sum) + " 万元",
        sum.to_string(), stated->number->to_string());
  }

  Record& rec_;
  const Profile& p_;
  Findings out_;
};

}  // namespace

Findings recompute(Record& rec, const Profile& profile) { return Recompute(rec, profile).run(); }

}  // namespace jixiao
