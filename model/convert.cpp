#include "model/convert.h"

#include <algorithm>

#include "model/value_text.h"

namespace jixiao {

namespace {

std::string show(Decimal d) { return d.round(2).to_string(); }

void set_number(FieldMap& fields, const std::string& name, Decimal v) {
  Field& f = fields[name];
  f.number = v;
  f.text = v.to_string();
  f.source = {};
  f.mark(ReadAs::Converted);
}

Decimal scaled(Decimal v, Decimal factor) { return (v * factor).round(2); }

// The level-1 group a target group label matches ("产出指标" for "产出"), by its first two characters.
bool same_group(const std::string& a, const std::string& b) {
  std::string x = normalize_text(a, TextPurpose::Value), y = normalize_text(b, TextPurpose::Value);
  size_t n = std::min<size_t>({x.size(), y.size(), 6});  // two CJK characters
  return n > 0 && x.compare(0, n, y, 0, n) == 0;
}

}  // namespace

Converted convert_profile(const Record& rec, const Profile& from, const Profile& to) {
  Converted out{rec, {}};
  Record& r = out.record;
  r.profile = to.id;
  r.computed.clear();
  auto& ch = out.changes;
  Decimal total = Decimal::from_int(0);
  bool total_known = true;

  // ---- 预算执行率 ------------------------------------------------------------------------------------
  const ProfileBlock* fb_to = to.block("funds");
  const ProfileBlock* fb_from = from.block("funds");
  std::optional<Decimal> w0 = rec.number("funds.weight");
  if (!w0 && fb_from) w0 = fb_from->weight;
  if (fb_to && fb_to->weight) {
    Decimal w1 = *fb_to->weight;
    std::optional<Decimal> s0 = rec.number("funds.score");
    std::optional<Decimal> budget = rec.number("funds.budget"), executed = rec.number("funds.executed");
    std::optional<Decimal> s1;
    std::string how;
    std::optional<Decimal> rate_q;
    if (budget && executed) rate_q = Decimal::divide(*executed, *budget);  // nullopt: 0 or out of range
    std::optional<Decimal> factor_q;
    if (s0 && w0) factor_q = Decimal::divide(w1, *w0);
    if (rate_q) {
      Decimal rate = *rate_q;
      Decimal capped = std::min(rate, Decimal::from_int(1));
      if (to.fund_rule == FundRule::FullAbove && rate >= to.fund_threshold) {
        s1 = w1;
        how = "执行率 ≥ " + (to.fund_threshold * Decimal::from_int(100)).to_string() + "% 得满分";
      } else if (to.fund_rule == FundRule::FullAbove && to.fund_below_zero) {
        s1 = Decimal::from_int(0);
        how = "执行率未达 " + (to.fund_threshold * Decimal::from_int(100)).to_string() + "%";
      } else {
        s1 = (w1 * capped).round(to.decimals);
        how = w1.to_string() + " × " + executed->to_string(2) + " / " + budget->to_string(2);
      }
    } else if (factor_q) {
      s1 = scaled(*s0, *factor_q);
      how = "按分值等比例换算";
    }
    if (!w0 || *w0 != w1 || (s1 && s0 && *s1 != *s0)) {
      std::string line = fb_to->label + " 分值 " + (w0 ? w0->to_string() : "（未填）") + " → " + w1.to_string();
      if (s1) line += "，得分 " + (s0 ? show(*s0) : "（未填）") + " → " + show(*s1) + "（" + how + "）";
      ch.push_back(line);
    }
    set_number(r.fields, "funds.weight", w1);
    if (s1) set_number(r.fields, "funds.score", *s1);
    if (s1) total = total + *s1;
    else total_known = false;
  }

  // ---- 绩效目标 ----------------------------------------------------------------------------------------
  const ProfileBlock* gb_to = to.block("goals");
  std::optional<Decimal> gw = rec.number("goals.weight"), gs = rec.number("goals.score");
  if (!gb_to) {
    if (gw || gs) {
      std::string label = from.block("goals") ? from.block("goals")->label : "绩效目标";
      ch.push_back(label + "（分值 " + (gw ? gw->to_string() : "—") + "，得分 " + (gs ? show(*gs) : "—") + "）在" +
                   to.name + "中不计分，已去掉；目标文字保留");
      r.fields.erase("goals.weight");
      r.fields.erase("goals.score");
    }
  } else if (gb_to->weight) {
    if (!gw || *gw != *gb_to->weight) {
      ch.push_back(gb_to->label + " 分值 " + (gw ? gw->to_string() : "（无）") + " → " + gb_to->weight->to_string() +
                   (gs ? "" : "，得分须人工评定"));
      if (gs && gw)
        if (auto factor = Decimal::divide(*gb_to->weight, *gw)) set_number(r.fields, "goals.score", scaled(*gs, *factor));
      set_number(r.fields, "goals.weight", *gb_to->weight);
    }
    if (auto s = r.number("goals.score")) total = total + *s;
    else total_known = false;
  }

  // ---- 绩效指标 ----------------------------------------------------------------------------------------
  const ProfileBlock* ib = to.block("indicators");
  auto& inds = r.lists["indicators"];
  // level-1 group of each indicator, filled down
  std::vector<std::string> level1(inds.size());
  std::string last;
  for (size_t i = 0; i < inds.size(); ++i) {
    const Field* f = field_of(inds[i], "level1");
    if (f && !f->text.empty()) last = f->text;
    level1[i] = last;
  }
  struct Group {
    std::string label;
    Decimal target;
    std::vector<size_t> members;
  };
  std::vector<Group> groups;
  bool by_group = ib && !ib->groups.empty();
  if (by_group) {
    for (const auto& g : ib->groups) {
      if (!g.weight) by_group = false;
      else groups.push_back({g.label, *g.weight, {}});
    }
    for (size_t i = 0; i < inds.size() && by_group; ++i) {
      auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return same_group(g.label, level1[i]); });
      if (it == groups.end()) by_group = false;
      else it->members.push_back(i);
    }
    for (const auto& g : groups) by_group = by_group && !g.members.empty();
  }
  if (!by_group && ib && ib->weight) {
    groups = {{ib->label, *ib->weight, {}}};
    for (size_t i = 0; i < inds.size(); ++i) groups[0].members.push_back(i);
    if (!ib->groups.empty()) {
      std::string want;
      for (const auto& g : ib->groups) want += (want.empty() ? "" : " / ") + g.label + " " + (g.weight ? g.weight->to_string() : "");
      ch.push_back("表中一级指标与" + to.name + "的分组（" + want + "）不一一对应，指标分值按总分值 " +
                   ib->weight->to_string() + " 整体等比例换算");
    }
  }
  for (auto& g : groups) {
    Decimal w_sum = Decimal::from_int(0), s_sum = Decimal::from_int(0);
    bool weights = true, scores = true;
    for (size_t i : g.members) {
      static const std::optional<Decimal> kNone;  // references: GCC 12 warns of copied empty optionals
      const auto& w = inds[i].count("weight") ? inds[i]["weight"].number : kNone;
      const auto& s = inds[i].count("score") ? inds[i]["score"].number : kNone;
      if (w) w_sum = w_sum + *w;
      else weights = false;
      if (s) s_sum = s_sum + *s;
      else scores = false;
    }
    std::optional<Decimal> factor_q = weights ? Decimal::divide(g.target, w_sum) : std::nullopt;
    if (!factor_q) {
      ch.push_back(g.label + "：有指标未填分值，无法换算，保持原值");
      total_known = false;
      continue;
    }
    Decimal factor = *factor_q;
    Decimal new_w = Decimal::from_int(0), new_s = Decimal::from_int(0);
    for (size_t k = 0; k < g.members.size(); ++k) {
      FieldMap& row = inds[g.members[k]];
      Decimal w = *row["weight"].number;
      Decimal w1 = k + 1 == g.members.size() ? g.target - new_w : scaled(w, factor);
      new_w = new_w + w1;
      if (w1 != w) set_number(row, "weight", w1);
      if (row.count("score") && row["score"].number) {
        Decimal s = *row["score"].number;
        Decimal s1 = std::min(scaled(s, factor), w1);
        new_s = new_s + s1;
        if (s1 != s) set_number(row, "score", s1);
      }
    }
    if (w_sum != g.target)
      ch.push_back(g.label + " 分值 " + w_sum.to_string() + " → " + g.target.to_string() + "（× " +
                   factor.round(4).to_string() + "）" +
                   (scores ? "，得分 " + show(s_sum) + " → " + show(new_s) : "，部分指标未评分"));
    if (scores) total = total + new_s;
    else total_known = false;
  }
  if (ib && ib->weight) set_number(r.fields, "indicators_weight", *ib->weight);
  r.fields.erase("indicators_total.weight");
  r.fields.erase("indicators_total.score");

  // ---- 总分与等级 ---------------------------------------------------------------------------------------
  std::optional<Decimal> t0 = rec.number("total_score");
  std::string g0 = rec.text("grade");
  if (total_known) {
    total = total.round(to.decimals);
    set_number(r.fields, "total_score", total);
    std::string line = "总分 " + (t0 ? show(*t0) : "（未填）") + " → " + show(total);
    if (const GradeBand* band = to.grade_for(total)) {
      Field& gf = r.fields["grade"];
      gf.text = band->word;
      gf.number.reset();
      gf.source = {};
      gf.mark(ReadAs::Converted);
      if (!g0.empty() && g0 != band->word) line += "，等级 " + g0 + " → " + band->word;
    }
    if (!t0 || *t0 != total || (!g0.empty() && g0 != r.text("grade"))) ch.push_back(line);
  } else {
    r.fields.erase("total_score");
    r.fields.erase("grade");
    ch.push_back("有未能换算的得分，总分和等级留空，请人工补齐");
  }
  return out;
}

}  // namespace jixiao
