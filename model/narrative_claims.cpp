#include "model/narrative_claims.h"

#include <algorithm>
#include <map>

#include "model/narrative_vocabulary.h"

namespace jixiao::narrative {

namespace {

using std::string;
using std::string_view;

bool is_boundary(const string& s, size_t i, size_t& len) {
  static const char* kMarks[] = {"，", "。", "；", "：", "！", "？", ",", ";", ":", "!", "?"};
  for (const char* m : kMarks) {
    size_t n = std::char_traits<char>::length(m);
    if (starts_with_at(s, i, m)) {
      len = n;
      return true;
    }
  }
  return false;
}

bool is_sentence_end(const string& s, size_t i, size_t& len) {
  for (const char* m : {"。", "！", "？", "!", "?"}) {
    size_t n = std::char_traits<char>::length(m);
    if (starts_with_at(s, i, m)) {
      len = n;
      return true;
    }
  }
  return false;
}

bool strip_prefix(string& s, string_view p) {
  if (s.size() >= p.size() && s.compare(0, p.size(), p) == 0) {
    s.erase(0, p.size());
    return true;
  }
  return false;
}

bool strip_suffix(string& s, string_view p) {
  if (s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0) {
    s.erase(s.size() - p.size());
    return true;
  }
  return false;
}

bool contains(string_view s, string_view p) { return s.find(p) != string_view::npos; }

// 上年度 / 上一年度 / 上年 / 去年, but not 上年结转 or 上年末 (names of this year's figures).
bool has_prior_word(string_view s) {
  for (string_view w : {"上年度", "上一年度", "上年同期", "去年"})
    if (contains(s, w)) return true;
  for (size_t p = s.find("上年"); p != string_view::npos; p = s.find("上年", p + 1)) {
    string_view rest = s.substr(p + 6);
    if (rest.rfind("结转", 0) == 0 || rest.rfind("结余", 0) == 0 || rest.rfind("末", 0) == 0) continue;
    return true;
  }
  return false;
}

void erase_all(string& s, string_view w) {
  for (size_t p = s.find(w); p != string::npos; p = s.find(w)) s.erase(p, w.size());
}

// Removes "2022年", "2022年度" (already folded) from a label.
string without_years(const string& s, const std::vector<NumberToken>& years, size_t label_begin) {
  string out;
  size_t i = 0;
  for (const NumberToken& y : years) {
    if (y.begin < label_begin || y.end > label_begin + s.size()) continue;
    size_t b = y.begin - label_begin, e = y.end - label_begin;
    if (b < i) continue;
    out.append(s, i, b - i);
    i = e;
  }
  out.append(s, i, string::npos);
  return out;
}

const char* kChangeWords[] = {"增加了", "减少了", "增长了", "下降了", "降低了", "上升了", "提高了", "增加", "减少",
                              "增长",   "下降",   "降低",   "上升",   "提高",   "增收",   "减收",   "增支", "减支",
                              "增幅",   "降幅"};

void strip_fillers(string& s) {
  bool again = true;
  while (again) {
    again = false;
    for (string_view f : {"为", "是", "达到", "达", "共计", "约", "各", "的", "了", "均", "分别"})
      if (strip_suffix(s, f)) again = true;
  }
}

void strip_connectors(string& s) {
  bool again = true;
  while (again) {
    again = false;
    for (string_view c : {"其中", ":", "主要用于以下方面", "主要用于", "主要包括", "包括", "含", "分别为", "与", "和", "及",
                          "、", "较", "比", "同比", "即", "截至", "全年", "本年度", "另外", "此外", "一是", "二是",
                          "三是", "四是", "五是", "其次", "首先"}) {
      if (strip_prefix(s, c)) again = true;
    }
  }
  // a leading "(1)" / "1." left by numbering
  while (!s.empty() && (s[0] == '(' || s[0] == ')' || s[0] == '.' || (s[0] >= '0' && s[0] <= '9'))) s.erase(0, 1);
}

// The comparison words a change word follows (公务接待费支出决算比2021年减少: the year already gone):
// they end the name of what changed.
void strip_comparison(string& l) {
  bool again = true;
  while (again) {
    again = false;
    for (string_view w : {"比上年度", "较上年度", "比上年", "较上年", "上年同期", "同期", "同比", "相比", "比", "较", "与"})
      if (strip_suffix(l, w)) again = true;
    if (strip_suffix(l, "的") || strip_suffix(l, "了")) again = true;
  }
}

struct LabelInfo {
  FigureType type = FigureType::Level;
  Role role = Role::Current;
  bool prior_word = false, budget_word = false, comparison = false;
  std::optional<Trend> trend;
  string subject, base;
};

// What the words before a number say it is.
LabelInfo read_label(string label, NumberUnit unit) {
  LabelInfo li;
  li.prior_word = has_prior_word(label);
  li.comparison = label.rfind("与", 0) == 0 || label.rfind("比", 0) == 0 || label.rfind("较", 0) == 0 ||
                  contains(label, "相比");
  string l = label;
  strip_fillers(l);
  // "X比上年", "X较2021年" (the year already removed), "与…": the comparison words end the label
  for (string_view w : {"比上年度", "较上年度", "与上年度", "比上一年度", "较上一年度", "与上一年度", "比上年", "较上年",
                        "与上年", "同比", "比", "较", "与"})
    if (unit != NumberUnit::Percent && strip_suffix(l, w)) {
      li.comparison = true;
      break;
    }
  if (unit == NumberUnit::Percent) {
    size_t zhan = l.rfind("占");
    size_t wan = l.find("完成");
    if (zhan != string::npos) {
      li.type = FigureType::Share;
      string base = l.substr(zhan + 3);
      for (string_view t : {"的比重", "的比例", "比例", "比重", "的", "比为", "比", "为"}) strip_suffix(base, t);
      li.base = canonical_name(base);
      li.subject = l.substr(0, zhan);
    } else if ((wan != string::npos && contains(l.substr(wan), "预算")) || contains(l, "执行率") ||
               contains(l, "完成率") || (contains(l, "为") && (ends_with_at(l, l.size(), "预算") ||
                                                              ends_with_at(l, l.size(), "预算数")))) {
      li.type = FigureType::Completion;
      size_t cut = wan != string::npos ? wan : l.find("预算");
      li.subject = l.substr(0, cut == string::npos ? 0 : cut);
    } else {
      for (const char* w : kChangeWords)
        if (ends_with_at(l, l.size(), w)) {
          li.type = FigureType::Rate;
          li.trend = trend_of_word(w);
          l.erase(l.size() - std::char_traits<char>::length(w));
          strip_comparison(l);
          break;
        }
      if (li.type != FigureType::Rate) {
        li.type = FigureType::Level;  // a percentage that is none of these: not checked
        li.subject = "";
        li.role = Role::Current;
        li.base = "?";
        return li;
      }
      li.subject = l;
    }
  } else {
    // 较2013年同期增加支出3.52亿元: the change word with the thing it changes after it
    for (string_view thing : {"支出", "收入"}) {
      if (!ends_with_at(l, l.size(), thing)) continue;
      string rest = l.substr(0, l.size() - thing.size());
      for (const char* w : kChangeWords)
        if (ends_with_at(rest, rest.size(), w)) l = rest;
    }
    for (const char* w : kChangeWords)
      if (ends_with_at(l, l.size(), w)) {
        li.type = FigureType::Change;
        li.trend = trend_of_word(w);
        l.erase(l.size() - std::char_traits<char>::length(w));
        strip_comparison(l);
        break;
      }
    li.subject = l;
  }
  string& s = li.subject;
  strip_fillers(s);
  for (string_view w : {"与上年相比", "与上年度相比", "较上年度", "比上年度", "较上年", "比上年", "同比", "相比"}) erase_all(s, w);
  if (li.prior_word) {
    li.role = Role::Prior;
    for (string_view w : {"上一年度", "上年度", "上年同期", "去年", "上年"}) erase_all(s, w);
  }
  bool budget = false;
  // 预算 inside the names of the three budgets is not the word "budget"
  const std::pair<string_view, string_view> kNames[] = {{"一般公共预算", "\x01"}, {"政府性基金预算", "\x02"}, {"国有资本经营预算", "\x03"}};
  for (auto [name, mark] : kNames)
    for (size_t p = s.find(name); p != string::npos; p = s.find(name)) s.replace(p, name.size(), mark);
  for (string_view w : {"年初预算数", "年初预算", "全年预算数", "全年预算", "预算数", "预算安排", "预算"})
    if (contains(s, w) && li.type != FigureType::Completion) {
      budget = true;
      erase_all(s, w);
    }
  for (auto [name, mark] : kNames)
    for (size_t p = s.find(mark); p != string::npos; p = s.find(mark)) s.replace(p, mark.size(), name);
  if (budget && li.role == Role::Current && (li.type == FigureType::Level)) li.role = Role::Budget;
  // 完成年初预算数60999万元: the verb alone names nothing (the figure is the budget of the thing before)
  if (budget && (s == "完成" || s == "为")) s.clear();
  li.budget_word = budget;
  for (string_view w : {"支出决算数", "支出决算", "决算数", "决算", "执行数", "实际支出"}) {
    if (contains(s, w) && (w == "支出决算数" || w == "支出决算")) {
      erase_all(s, w);
      s += "支出";  // 公务接待费支出决算 → 公务接待费支出
    } else {
      erase_all(s, w);
    }
  }
  strip_fillers(s);
  strip_connectors(s);
  strip_fillers(s);
  if (s == "支出" || s == "收入") {
    // a bare 支出 / 收入 names its figure only with the words before; kept, the caller decides
  }
  s = canonical_name(s);
  return li;
}

bool is_money(NumberUnit u) { return u == NumberUnit::Wan || u == NumberUnit::Yuan || u == NumberUnit::Yi; }

// Subjects of the same figure: equal, or one is the other with more words (收支总计 / 收、支总计 aside).
bool same_subject(const string& a, const string& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  return contains(a, b) || contains(b, a);
}

// What joins the items of a list and nothing else: A、B和C.
bool is_list_joint(string_view between) {
  for (string_view j : {"、", "和", "及", "与", "以及"})
    if (between == j) return true;
  return false;
}

// 分别 lists: "A、B和C（amounts），占…的X、Y和Z" — each share is of the amount in the same place. A run of
// shares and the run of amounts just before it (joined by 、/和/及 only) are paired one to one; when
// their numbers differ, or a single share follows several amounts (of their sum? of the last?), the
// shares are left unchecked rather than guessed.
void pair_respective(Claims& c, const Sentence& sent, const string& s) {
  const auto& figs = sent.figures;
  for (size_t k = 0; k < figs.size(); ++k) {
    if (c.figures[figs[k]].type != FigureType::Share || c.figures[figs[k]].follows) continue;
    size_t e = k + 1;
    while (e < figs.size() && c.figures[figs[e]].follows) ++e;
    size_t a_begin = k;
    while (a_begin > 0) {
      const Figure& g = c.figures[figs[a_begin - 1]];
      if (g.type != FigureType::Level || !is_money(g.unit)) break;
      if (a_begin < k) {
        const Figure& next = c.figures[figs[a_begin]];
        if (!is_list_joint(string_view(s).substr(g.fend, next.fbegin - g.fend))) break;
      }
      --a_begin;
    }
    const size_t shares = e - k, amounts = k - a_begin;
    if (shares >= 2 || amounts >= 2)
      for (size_t j = 0; j < shares; ++j)
        c.figures[figs[k + j]].paired = shares == amounts ? static_cast<int>(figs[a_begin + j]) : -2;
    k = e - 1;
  }
}

struct BlockParse {
  const string& text;
  FoldedText folded;
  std::vector<NumberToken> tokens;
};

}  // namespace

Claims parse_claims(const DocumentText& doc, int report_year) {
  Claims c;
  c.folded.reserve(doc.blocks.size());
  c.maps.reserve(doc.blocks.size());
  std::vector<std::vector<NumberToken>> tokens(doc.blocks.size());
  std::map<int, int> year_votes;
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    c.maps.push_back(fold(doc.blocks[b].text));
    c.folded.push_back(c.maps.back().text);
    tokens[b] = scan_numbers(c.folded.back());
  }
  int wan2 = 0, wan_other = 0;
  for (size_t b = 0; b < doc.blocks.size(); ++b) {
    const string& s = c.folded[b];
    const FoldedText& map = c.maps[b];
    const auto& toks = tokens[b];
    std::vector<NumberToken> years;
    for (const NumberToken& t : toks)
      if (t.unit == NumberUnit::Year && !t.reference) years.push_back(t);
    // sentences
    size_t start = 0;
    std::vector<std::pair<size_t, size_t>> ranges;
    for (size_t i = 0; i < s.size();) {
      size_t len;
      if (is_sentence_end(s, i, len)) {
        ranges.emplace_back(start, i + len);
        i += len;
        start = i;
      } else {
        ++i;
      }
    }
    if (start < s.size()) ranges.emplace_back(start, s.size());
    for (auto [sb, se] : ranges) {
      Sentence sent;
      sent.block = b;
      sent.begin = sb;
      sent.end = se;
      sent.obegin = map.original_begin(sb);
      const size_t sidx = c.sentences.size();
      string_view text(s.data() + sb, se - sb);
      const bool prior_words = has_prior_word(text);
      // "X中，" at the start: the whole the shares of this sentence are of
      size_t zhong = text.find("中，");
      if (zhong != string_view::npos && zhong < 90) {
        string whole(text.substr(0, zhong));
        if (whole.find("，") == string::npos && whole.find("其") == string::npos) sent.whole_subject = whole;
      }
      size_t floor = sb;  // where the current figure's words may start
      // zero figures: 无…支出 / 无…费
      std::vector<std::pair<size_t, Figure>> zeros;
      for (size_t p = text.find("无"); p != string_view::npos; p = text.find("无", p + 3)) {
        if (p >= 3 && (text.substr(p - 3, 3) == "均" || text.substr(p - 3, 3) == "并" || text.substr(p - 3, 3) == "暂"))
          continue;
        size_t q = p + 3, stop = q;
        while (stop < text.size()) {
          size_t len;
          if (is_boundary(s, sb + stop, len)) break;
          ++stop;
        }
        string name(text.substr(q, stop - q));
        if (name.empty() || name.size() > 45) continue;
        if (!(ends_with_at(name, name.size(), "支出") || ends_with_at(name, name.size(), "费") ||
              ends_with_at(name, name.size(), "经费")))
          continue;
        Figure z;
        z.type = FigureType::Level;
        z.zero_word = true;
        z.unit = NumberUnit::Wan;
        z.value = Decimal::from_int(0);
        z.range = Interval::point(z.value);
        z.subject = canonical_name(name);
        z.block = b;
        z.sentence = sidx;
        z.fbegin = sb + p;
        z.fend = sb + stop;
        z.begin = map.original_begin(z.fbegin);
        z.end = map.original_end(z.fend);
        z.number_end = z.end;
        z.clause_begin = z.begin;
        z.shown = doc.blocks[b].text.substr(z.begin, z.end - z.begin);
        zeros.emplace_back(z.fbegin, std::move(z));
      }
      size_t zi = 0;
      auto flush_zeros = [&](size_t upto) {
        while (zi < zeros.size() && zeros[zi].first < upto) {
          c.figures.push_back(zeros[zi].second);
          sent.figures.push_back(c.figures.size() - 1);
          ++zi;
        }
      };
      for (const NumberToken& t : toks) {
        if (t.begin < sb || t.begin >= se) continue;
        if (t.unit == NumberUnit::Year) {
          if (!t.reference) {
            YearMention y;
            y.block = b;
            y.sentence = sidx;
            y.year = static_cast<int>(t.value.units() / Decimal::kOne);
            y.begin = map.original_begin(t.begin);
            y.end = map.original_end(t.end);
            y.with_prior_word = prior_words;
            size_t k = t.end;
            while (k < s.size() && s[k] >= '0' && s[k] <= '9') ++k;
            y.in_date = k > t.end && starts_with_at(s, k, "月");
            c.years.push_back(y);
            // votes for the report's year: years that name figures, not dates
            if (!y.in_date) ++year_votes[y.year];
          }
          continue;
        }
        if (t.list_marker || t.reference || t.unit == NumberUnit::Other || t.approximate) {
          floor = std::max(floor, t.end);
          if (t.list_marker && t.end < s.size() && (s[t.end] == '.' || s[t.end] == ')')) floor = t.end + 1;
          if (t.list_marker && starts_with_at(s, t.end, "、")) floor = t.end + 3;
          continue;
        }
        flush_zeros(t.begin);
        // the clause the number is in
        size_t lb = t.begin;
        while (lb > floor) {
          size_t p = prev_char(s, lb), len;
          if (is_boundary(s, p, len)) break;
          lb = p;
        }
        string label = s.substr(lb, t.begin - lb);
        string plain = without_years(label, years, lb);
        LabelInfo li = read_label(plain, t.unit);
        Figure f;
        f.block = b;
        f.sentence = sidx;
        f.fbegin = t.begin;
        f.fend = t.end;
        f.begin = map.original_begin(t.begin);
        f.end = map.original_end(t.end);
        f.number_end = map.original_end(t.number_end);
        f.clause_begin = map.original_begin(lb);
        f.shown = doc.blocks[b].text.substr(f.begin, f.end - f.begin);
        f.label = label;
        f.unit = t.unit;
        f.unit_text = t.unit_text;
        f.type = li.type;
        f.role = li.role;
        f.trend = li.trend;
        f.subject = li.subject;
        f.base = li.base;
        f.comparison = li.comparison;
        for (const NumberToken& y : years)
          if (y.begin >= lb && y.end <= t.begin) f.year = static_cast<int>(y.value.units() / Decimal::kOne);
        if (t.unit == NumberUnit::Percent && li.base == "?" && (plain.empty() || plain == "(") && !sent.figures.empty() &&
            c.figures[sent.figures.back()].type == FigureType::Change) {
          // 较上年减少1.5万元(42.86%): the rate of the change just stated
          li.type = FigureType::Rate;
          li.trend = c.figures[sent.figures.back()].trend;
          li.base.clear();
          f.type = li.type;
          f.trend = li.trend;
          f.base.clear();
        }
        if (t.unit == NumberUnit::Percent && li.base == "?" && !sent.figures.empty()) {
          const Figure& prev = c.figures[sent.figures.back()];
          if (prev.fend == lb && prev.type == FigureType::Share && is_list_joint(plain)) {
            // 占…的8.1%和91.9%: a share of the same whole as the one just before
            f.type = li.type = FigureType::Share;
            f.subject = li.subject = prev.subject;
            f.base = li.base = prev.base;
            f.follows = true;
          } else if (prev.fend == lb && prev.type == FigureType::Level && is_money(prev.unit) &&
                     prev.label.rfind("占", 0) == 0 && sent.figures.size() >= 2 &&
                     (plain.empty() || plain == "的比例为" || plain == "的比重为" || plain == "的比例" || plain == "的比重" ||
                      plain == "的")) {
            // 占一般公共预算支出29472万元的比例为11.32%: the whole is stated inside the share's words
            f.type = li.type = FigureType::Share;
            f.subject = li.subject = "";
            f.base = li.base = prev.subject;
            f.base_figure = static_cast<int>(sent.figures.back());
          } else if (prev.fend == lb && prev.type == FigureType::Level && prev.role == Role::Budget &&
                     (plain == "的" || plain.empty()) &&
                     (contains(prev.label, "完成") || ends_with_at(prev.label, prev.label.size(), "为"))) {
            // 完成年初预算数60999万元的40.4%: the completion of the budget just named
            f.type = li.type = FigureType::Completion;
            f.subject = li.subject = "";
            li.base.clear();
            f.base.clear();
          }
        }
        if (t.unit == NumberUnit::Percent) {
          if (li.base == "?") {
            floor = t.end;
            continue;  // a percentage the words do not explain
          }
          f.value = Decimal::divide(t.value, Decimal::from_int(100)).value_or(t.value);
          f.range = stated_percent(t.value, t.decimals);
        } else if (t.unit == NumberUnit::Count) {
          f.type = FigureType::Count;
          f.value = t.value;
          f.range = Interval::point(t.value);
        } else if (is_money(t.unit)) {
          if (t.unit == NumberUnit::Wan) {
            f.value = t.value;
            if (t.value != Decimal::from_int(0)) (t.decimals == 2 ? wan2 : wan_other) += 1;
            f.range = Interval::stated(t.value, t.decimals);  // widened below by the report's habit
            f.unit = NumberUnit::Wan;
          } else if (t.unit == NumberUnit::Yuan) {
            f.value = Decimal::divide(t.value, Decimal::from_int(10000)).value_or(t.value);
            f.range = Interval::stated(f.value, t.decimals + 4);
          } else {
            f.value = t.value * Decimal::from_int(10000);
            f.range = Interval::stated(f.value, t.decimals - 4);
          }
        } else {  // no unit: an amount only where the words say so and it is written like one
          bool amount_place = ends_with_at(label, label.size(), "为") ||
                              (li.comparison && (li.prior_word || label.find("年") != string::npos));
          if (t.decimals != 2 || !amount_place || f.type != FigureType::Level) {
            floor = t.end;
            continue;
          }
          f.unit_missing = true;
          f.unit = NumberUnit::Wan;
          f.value = t.value;
          f.range = Interval::stated(t.value, 2);
        }
        // a figure whose words name nothing takes the subject of the figure before it in the sentence
        if ((f.subject.empty() || f.subject == "支出" || f.subject == "收入" || f.subject == "结余") &&
            (f.type == FigureType::Level || f.type == FigureType::Change)) {
          for (auto it = sent.figures.rbegin(); it != sent.figures.rend(); ++it) {
            const Figure& o = c.figures[*it];
            if ((o.type == FigureType::Level || o.type == FigureType::Change) && !o.subject.empty()) {
              if (f.subject.empty() || contains(o.subject, f.subject)) f.subject = o.subject;
              break;
            }
          }
        }
        c.figures.push_back(std::move(f));
        sent.figures.push_back(c.figures.size() - 1);
        floor = t.end;
      }
      flush_zeros(se);
      pair_respective(c, sent, s);
      // a 其中 / 主要用于 list: its head is the last level before the words
      for (string_view w : {"其中", "主要用于", "具体如下", "分别为", "包括"}) {
        size_t at = text.find(w);
        if (at == string_view::npos) continue;
        int head = -1;
        for (size_t fi : sent.figures)
          if (c.figures[fi].fend <= sb + at && c.figures[fi].type == FigureType::Level) head = static_cast<int>(fi);
        if (head >= 0) {
          sent.list_head = head;
          break;
        }
      }
      // "…决算为22.62万元。其中公务接待费为20.10万元，占88.86%": a sentence that opens with 其中 lists the
      // parts of the one amount of theirs (actual or budget, as the first part is) the sentence before states
      if (sent.list_head < 0 && text.rfind("其中", 0) == 0 && !c.sentences.empty() && c.sentences.back().block == b) {
        int head = -1, levels = 0;
        std::optional<Role> role;
        for (size_t fi : sent.figures)
          if (c.figures[fi].type == FigureType::Level && !c.figures[fi].zero_word) {
            role = c.figures[fi].role;
            break;
          }
        for (size_t fi : c.sentences.back().figures) {
          const Figure& g = c.figures[fi];
          if (g.type != FigureType::Level || g.zero_word || !role || g.role != *role || g.role == Role::Prior ||
              !is_money(g.unit))
            continue;
          head = static_cast<int>(fi);
          ++levels;
        }
        if (levels == 1) sent.list_head = head;
      }
      // 共有公务用车1辆，其中：轿车0辆、… — counts of one unit
      if (size_t at = text.find("其中"); at != string_view::npos && sent.list_head < 0) {
        int head = -1;
        for (size_t fi : sent.figures)
          if (c.figures[fi].fend <= sb + at) head = static_cast<int>(fi);
        if (head >= 0 && c.figures[static_cast<size_t>(head)].type == FigureType::Count) {
          const Figure& h = c.figures[static_cast<size_t>(head)];
          ListClaim l;
          l.head = static_cast<size_t>(head);
          size_t second = text.find("其中", at + 6);
          for (size_t fi : sent.figures) {
            const Figure& f = c.figures[fi];
            if (f.fbegin <= sb + at) continue;
            if (second != string_view::npos && f.fbegin > sb + second) break;
            if (f.type == FigureType::Count && f.unit_text == h.unit_text && !f.subject.empty()) l.parts.push_back(fi);
            else if (f.type != FigureType::Count || f.unit_text != h.unit_text) break;
          }
          if (l.parts.size() >= 2) c.lists.push_back(std::move(l));
        }
      }
      string_view tail = text;
      while (!tail.empty() && (tail.back() == ':' || tail.back() == ' ')) tail.remove_suffix(1);
      sent.ends_with_list_intro = se == s.size() && (tail.size() >= 6 && tail.substr(tail.size() - 6) == "其中" &&
                                                     text.size() > tail.size());
      // 上年度… opening a sentence speaks of last year throughout it (上年度A占总支出的44.3%，B占23.8%)
      size_t first_clause = 0;
      for (size_t k = 0; k < text.size(); ++k) {
        size_t len;
        if (is_boundary(s, sb + k, len)) break;
        first_clause = k + 1;
      }
      if (has_prior_word(text.substr(0, first_clause)))
        for (size_t fi : sent.figures) {
          Figure& f = c.figures[fi];
          if (f.year == 0 && f.role == Role::Current && f.type != FigureType::Change && f.type != FigureType::Rate)
            f.role = Role::Prior;
        }
      c.sentences.push_back(std::move(sent));
    }
  }
  // the report's year: given, or the year the text names most
  c.report_year = report_year;
  if (!c.report_year && !year_votes.empty()) {
    std::vector<std::pair<int, int>> v(year_votes.begin(), year_votes.end());
    std::sort(v.begin(), v.end(), [](auto a, auto b) { return a.second > b.second; });
    if (v[0].second >= 2 && (v.size() == 1 || v[0].second * 2 >= v[1].second * 3)) c.report_year = v[0].first;
  }
  c.wan_two_decimals = wan2 >= 3 && wan2 >= wan_other;
  for (Figure& f : c.figures) {
    if (c.wan_two_decimals && f.unit == NumberUnit::Wan && !f.zero_word &&
        (f.type == FigureType::Level || f.type == FigureType::Change)) {
      // the report writes 万元 to the 分 and drops trailing zeros: "1.5万元" is 1.50
      f.range = Interval::stated(f.value, 2);
    }
    // 与2021年4024.76万元相比: a year before the report's, or any year a comparison names
    if (f.type == FigureType::Level && f.role == Role::Current && f.year && !has_prior_word(f.label) &&
        (c.report_year ? f.year < c.report_year : f.comparison))
      f.role = Role::Prior;
  }
  // 其中 lists, also one that goes on in the paragraphs after "其中："
  for (size_t si = 0; si < c.sentences.size(); ++si) {
    Sentence& sent = c.sentences[si];
    if (sent.list_head >= 0) {
      ListClaim l;
      l.head = static_cast<size_t>(sent.list_head);
      const Figure& head = c.figures[l.head];
      string_view text(c.folded[sent.block].data() + sent.begin, sent.end - sent.begin);
      size_t second = text.find("其中", text.find("其中") + 6);
      bool mixed = false;
      for (size_t fi : sent.figures) {
        const Figure& f = c.figures[fi];
        if (fi <= l.head || f.type != FigureType::Level) continue;
        if (second != string_view::npos && f.fbegin > sent.begin + second) break;
        if (f.role != head.role && !(head.role == Role::Budget && f.role == Role::Current)) mixed = true;
        l.parts.push_back(fi);
      }
      // a list of budgets and actuals side by side (预算数为…，决算数为…) is not parts of one total
      if (mixed || head.subject == "差异" || head.subject == "差额") l.parts.clear();
      if (head.role == Role::Budget)
        for (size_t p : l.parts) {
          c.figures[p].in_budget_list = true;
          if (c.figures[p].role == Role::Current) c.figures[p].role = Role::Budget;
        }
      if (!l.parts.empty()) c.lists.push_back(std::move(l));
    }
    if (sent.ends_with_list_intro) {
      int head = -1;
      for (size_t sk = si + 1; sk-- > 0 && head < 0 && c.sentences[sk].block == sent.block;)
        for (size_t fi : c.sentences[sk].figures)
          if (c.figures[fi].type == FigureType::Level && !c.figures[fi].zero_word && c.figures[fi].role != Role::Prior)
            head = static_cast<int>(fi);
      if (head < 0) continue;
      ListClaim l;
      l.head = static_cast<size_t>(head);
      size_t block = sent.block;
      for (size_t sj = si + 1; sj < c.sentences.size() && l.parts.size() < 60; ++sj) {
        const Sentence& next = c.sentences[sj];
        if (next.block == block) continue;  // the rest of a part's paragraph
        block = next.block;
        int first = -1;
        for (size_t fi : next.figures)
          if (c.figures[fi].type == FigureType::Level && !c.figures[fi].zero_word) {
            first = static_cast<int>(fi);
            break;
          }
        if (first < 0) break;
        l.parts.push_back(static_cast<size_t>(first));
      }
      if (l.parts.size() >= 2) c.lists.push_back(std::move(l));
    }
  }
  // counts: 等N个 after a list; N个项目（A、B、C）
  for (const Figure& f : c.figures) {
    if (f.type != FigureType::Count) continue;
    const string& s = c.folded[f.block];
    const Sentence& sent = c.sentences[f.sentence];
    size_t fi = static_cast<size_t>(&f - c.figures.data());
    CountClaim cc;
    cc.figure = fi;
    string items;
    if (ends_with_at(s, f.fbegin, "等") && (f.shown.find("个") != string::npos || f.shown.find("项") != string::npos)) {
      size_t lb = f.fbegin - 3;
      while (lb > sent.begin) {
        size_t p = prev_char(s, lb), len;
        if (is_boundary(s, p, len)) break;
        lb = p;
      }
      items = s.substr(lb, f.fbegin - 3 - lb);
    } else if (starts_with_at(s, f.fend, "项目(") || starts_with_at(s, f.fend, "(") || starts_with_at(s, f.fend, "单位(")) {
      size_t open = s.find('(', f.fend);
      size_t close = s.find(')', open);
      if (open == string::npos || close == string::npos || open > f.fend + 9) continue;
      items = s.substr(open + 1, close - open - 1);
      cc.after = true;
    } else {
      continue;
    }
    if (items.find("、") == string::npos) continue;
    size_t p = 0;
    while (p <= items.size()) {
      size_t q = items.find("、", p);
      string item = items.substr(p, q == string::npos ? string::npos : q - p);
      size_t chars = 0;
      for (unsigned char ch : item)
        if ((ch & 0xC0) != 0x80) ++chars;
      if (chars > 0) {
        ++cc.listed;
        if (chars >= 4) ++cc.listed_certain;
      }
      if (q == string::npos) break;
      p = q + 3;
    }
    if (cc.listed >= 2) c.counts.push_back(cc);
  }
  // X（类）Y（款）Z（项）
  for (size_t b = 0; b < c.folded.size(); ++b) {
    const string& s = c.folded[b];
    for (size_t p = s.find("(项)"); p != string::npos; p = s.find("(项)", p + 5)) {
      size_t k = s.rfind("(款)", p);
      size_t l = k == string::npos ? string::npos : s.rfind("(类)", k);
      if (l == string::npos || p - l > 150) continue;
      size_t cls_begin = l;
      while (cls_begin > 0) {
        size_t q = prev_char(s, cls_begin), len;
        if (is_boundary(s, q, len) || s[q] == ')' || s[q] == '.' || s.compare(q, 3, "、") == 0) break;
        cls_begin = q;
      }
      ClassNameClaim cn;
      cn.block = b;
      cn.claim_end = c.maps[b].original_end(p + 5);
      size_t cuts[4][2] = {{cls_begin, l}, {l + 5, k}, {k + 5, p}, {0, 0}};
      bool ok = true;
      for (int i = 0; i < 3; ++i) {
        if (cuts[i][1] <= cuts[i][0]) ok = false;
        if (!ok) break;
        cn.names[i] = s.substr(cuts[i][0], cuts[i][1] - cuts[i][0]);
        cn.begin[i] = c.maps[b].original_begin(cuts[i][0]);
        cn.end[i] = c.maps[b].original_end(cuts[i][1]);
      }
      if (!ok) continue;
      // the amount stated for it: the first level after it in the same sentence
      for (size_t fi = 0; fi < c.figures.size(); ++fi) {
        const Figure& f = c.figures[fi];
        if (f.block == b && f.fbegin > p && f.type == FigureType::Level && !f.zero_word &&
            c.sentences[f.sentence].begin <= p) {
          cn.figure = static_cast<int>(fi);
          break;
        }
      }
      c.class_names.push_back(std::move(cn));
    }
  }
  // 决算数大于/小于/等于预算数
  for (size_t si = 0; si < c.sentences.size(); ++si) {
    const Sentence& sent = c.sentences[si];
    const string& s = c.folded[sent.block];
    string_view text(s.data() + sent.begin, sent.end - sent.begin);
    size_t at = text.find("决算数");
    if (at == string_view::npos) continue;
    string_view rest = text.substr(at + 9);
    int rel = 2;
    size_t wl = 0;
    for (auto [w, r] : {std::pair{"小于", -1}, std::pair{"低于", -1}, std::pair{"少于", -1}, std::pair{"等于", 0},
                        std::pair{"大于", 1}, std::pair{"高于", 1}, std::pair{"超过", 1}, std::pair{"多于", 1}})
      if (rest.rfind(w, 0) == 0) {
        rel = r;
        wl = std::char_traits<char>::length(w);
      }
    size_t len = 9 + wl + 9;  // 决算数 小于 预算数
    if (rel == 2 && rest.rfind("与预算数", 0) == 0) {
      // 决算数与预算数持平 / 相等 / 一致
      for (const char* w : {"持平", "相等", "一致"})
        if (rest.substr(12).rfind(w, 0) == 0) rel = 0, len = 9 + 12 + 6;
    } else if (rel == 2 || rest.substr(wl).rfind("预算数", 0) != 0) {
      continue;
    }
    if (rel == 2) continue;
    BudgetRelationClaim r;
    r.block = sent.block;
    r.sentence = si;
    r.relation = rel;
    r.begin = c.maps[sent.block].original_begin(sent.begin + at);
    r.end = c.maps[sent.block].original_end(sent.begin + at + len);
    for (size_t fi : sent.figures)
      if (c.figures[fi].type == FigureType::Completion && c.figures[fi].fbegin < sent.begin + at) r.completion = static_cast<int>(fi);
    // the paragraph's subject and figures
    for (size_t fi = 0; fi < c.figures.size(); ++fi) {
      const Figure& f = c.figures[fi];
      if (f.block != sent.block || f.type != FigureType::Level || f.fbegin > sent.begin + at) continue;
      if (r.subject.empty() && !f.subject.empty() && f.role != Role::Prior) r.subject = f.subject;
      if (f.role == Role::Budget && r.budget < 0) r.budget = static_cast<int>(fi);
      if (f.role == Role::Current && r.actual < 0 && same_subject(f.subject, r.subject)) r.actual = static_cast<int>(fi);
    }
    if (!r.subject.empty() || r.completion >= 0) c.relations.push_back(r);
  }
  return c;
}

}  // namespace jixiao::narrative
