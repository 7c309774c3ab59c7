#include "model/narrative_audit.h"

#include <algorithm>
#include <optional>
#include <set>

namespace jixiao::narrative {

namespace {

using std::string;

Decimal zero() { return Decimal::from_int(0); }
// a / b for a message (the check itself ran on ranges); 0 past Decimal's range.
Decimal quot(Decimal a, Decimal b) { return Decimal::divide(a, b).value_or(zero()); }
string amount(Decimal d) { return d.to_string(2); }
// An amount in the unit the text wrote it in (the audit computes in 万元).
string amount_in(Decimal wan, NumberUnit u) {
  if (u == NumberUnit::Yuan) return (wan * Decimal::from_int(10000)).to_string(2);
  if (u == NumberUnit::Yi) return quot(wan, Decimal::from_int(10000)).to_string(2);
  return wan.to_string(2);
}
bool is_money(NumberUnit u) { return u == NumberUnit::Wan || u == NumberUnit::Yuan || u == NumberUnit::Yi; }
bool is_current_year(const Figure& f, int year) { return f.year == 0 || year == 0 || f.year == year; }

// A value with where it came from, for a message.
struct Value {
  Interval range;
  string label;     // "本年收入合计 3555.82"
  int figure = -1;  // the figure it is, when the text states it
};

class Auditor {
 public:
  Auditor(const DocumentText& doc, const Claims& c, const Vocabulary& v, const AuditTables* t)
      : doc_(doc), c_(c), v_(v), t_(t) {
    // a part of a 其中 list is the head's part of that name: 基本支出 under 一般公共预算财政拨款支出 is
    // 一般公共预算财政拨款基本支出; a part the head's figure does not list is not known for sure
    for (const ListClaim& l : c_.lists) {
      const FigureSpec* head = spec_of(fig(l.head).subject);
      for (size_t p : l.parts) {
        const FigureSpec* own = spec_of(fig(p).subject);
        const FigureSpec* q = nullptr;
        if (head && !head->parts.empty() && own) {
          for (const string& name : head->parts) {
            const FigureSpec* ps = v_.figure_named(name);
            if (ps == own) q = own;
            else if (ps && !q && name.size() > own->name.size() &&
                     name.compare(name.size() - own->name.size(), string::npos, own->name) == 0)
              q = ps;
          }
        }
        part_spec_[p] = q;
        part_head_[p] = l.head;
      }
    }
  }

  std::vector<NarrativeFinding> run() {
    check_units();  // first: a unit it corrects (54.03 元 → 万元) is the value the other checks use
    for (const ListClaim& l : c_.lists) check_list(l);
    for (size_t i = 0; i < c_.figures.size(); ++i) {
      const Figure& f = c_.figures[i];
      if (f.type == FigureType::Share) check_share(i);
      else if (f.type == FigureType::Change || f.type == FigureType::Rate) check_change(i);
      else if (f.type == FigureType::Completion) check_completion(i);
      else if (f.type == FigureType::Level && (f.subject == "差异" || f.subject == "差额")) check_difference(i);
    }
    check_share_totals();
    check_share_bases();
    check_counts();
    check_years();
    check_repeated();
    check_swapped();
    check_class_names();
    check_relations();
    if (t_) check_tables();
    return finish();
  }

 private:
  const DocumentText& doc_;
  const Claims& c_;
  const Vocabulary& v_;
  const AuditTables* t_;
  struct Pending {
    int priority;
    NarrativeFinding f;
  };
  std::vector<Pending> out_;
  std::set<size_t> unit_fixed_;  // figures whose unit the audit corrected (54.03 元 → 万元)

  const Figure& fig(size_t i) const { return c_.figures[i]; }

  // The figure's range, with a unit the audit found wrong corrected.
  Interval range_of(size_t i) const {
    const Figure& f = fig(i);
    if (unit_fixed_.count(i)) return Interval::stated(f.value * Decimal::from_int(10000), 2);
    return f.range;
  }

  string shown(size_t i) const { return fig(i).shown; }

  // The claim as written: from the start of the clause of `from` (same sentence) to the end of `to`.
  string quote(size_t from_fig, size_t to_fig) const {
    const Figure& a = fig(from_fig);
    const Figure& b = fig(to_fig);
    size_t begin = b.clause_begin;
    if (a.block == b.block && a.sentence == b.sentence) begin = std::min(begin, a.clause_begin);
    else begin = std::min(begin, c_.sentences[b.sentence].obegin);
    return doc_.blocks[b.block].text.substr(begin, b.end - begin);
  }

  void report(int priority, string rule, size_t figure, string message, string expected, string quote_text,
              Severity sev = Severity::Error) {
    const Figure& f = fig(figure);
    NarrativeFinding n;
    n.rule = std::move(rule);
    n.severity = sev;
    n.block = f.block;
    n.where = doc_.blocks[f.block].where;
    n.message = std::move(message);
    n.text = std::move(quote_text);
    n.expected = std::move(expected);
    n.found = f.shown;
    n.mark_begin = f.begin;
    n.mark_end = f.end;
    out_.push_back({priority, std::move(n)});
  }

  std::vector<NarrativeFinding> finish() {
    std::stable_sort(out_.begin(), out_.end(), [](const Pending& a, const Pending& b) {
      if (a.f.block != b.f.block) return a.f.block < b.f.block;
      if (a.f.mark_begin != b.f.mark_begin) return a.f.mark_begin < b.f.mark_begin;
      return a.priority < b.priority;
    });
    std::vector<NarrativeFinding> r;
    for (Pending& p : out_) {
      if (!r.empty() && r.back().block == p.f.block && r.back().mark_begin == p.f.mark_begin) continue;
      r.push_back(std::move(p.f));
    }
    return r;
  }

  // ---- looking figures up ----------------------------------------------------------------------
  const FigureSpec* spec_of(const string& subject) const { return subject.empty() ? nullptr : v_.figure(subject); }
  // The figure a stated level is, in its context (a list part as its head's part).
  const FigureSpec* spec_of_figure(size_t i) const {
    auto it = part_spec_.find(i);
    return it != part_spec_.end() ? it->second : spec_of(fig(i).subject);
  }
  std::map<size_t, const FigureSpec*> part_spec_;
  std::map<size_t, size_t> part_head_;
  // Whether a figure may be a 类 of 公开05: not a list part, or a part of the 一般公共预算 total's list.
  bool may_be_class(size_t i) const {
    auto it = part_head_.find(i);
    if (it == part_head_.end()) return true;
    const FigureSpec* h = spec_of(fig(it->second).subject);
    return h && !h->actual.empty() && h->actual.front().rfind("05:", 0) == 0;
  }

  // The one value the text gives a named figure of this year (its own figures, all agreeing); none when
  // it is not stated or stated differently.
  std::optional<Value> text_value(const string& name, Role role = Role::Current) const {
    const FigureSpec* spec = spec_of(name);
    std::optional<Value> found;
    for (size_t i = 0; i < c_.figures.size(); ++i) {
      const Figure& f = fig(i);
      if (f.type != FigureType::Level || f.role != role || (f.in_budget_list && role != Role::Budget) || f.zero_word ||
          !is_current_year(f, c_.report_year))
        continue;
      // the text's own statement of exactly this name: a synonym may name another scope (支出合计 of 财政拨款)
      bool match = !f.subject.empty() && f.subject == canonical_name(name);
      (void)spec;
      if (!match) continue;
      Interval r = range_of(i);
      if (found && !found->range.overlaps(r)) return std::nullopt;
      if (!found) found = Value{r, f.subject + " " + amount_in(f.value, f.unit), static_cast<int>(i)};
    }
    return found;
  }

  struct TableValue {
    Decimal value;
    string where;  // "公开05表 E9"
  };
  std::optional<TableValue> table_value(const std::map<string, const Record*>& tables, const std::vector<string>& paths) const {
    for (const string& p : paths) {
      size_t colon = p.find(':');
      if (colon == string::npos) continue;
      auto it = tables.find(p.substr(0, colon));
      if (it == tables.end() || !it->second) continue;
      const Field* f = it->second->field(p.substr(colon + 1));
      if (!f || !f->number) continue;
      return TableValue{*f->number, "公开" + p.substr(0, colon) + "表" + (f->source.cell.empty() ? "" : " " + f->source.cell)};
    }
    return std::nullopt;
  }

  std::optional<Value> resolve(const string& name, bool prior = false) const {
    if (!prior)
      if (auto v = text_value(name)) return v;
    if (!t_) return std::nullopt;
    const FigureSpec* spec = spec_of(name);
    if (!spec) return std::nullopt;
    if (auto tv = table_value(prior ? t_->prior : t_->current, spec->actual))
      return Value{Interval::point(tv->value), spec->name + " " + amount(tv->value) + "（" + tv->where + "）", -1};
    return std::nullopt;
  }

  // ---- shares ------------------------------------------------------------------------------------
  void check_share(size_t i) {
    const Figure& f = fig(i);
    const Sentence& s = c_.sentences[f.sentence];
    // the part: a subject before 占, else the level just before it in the sentence
    std::optional<Value> part;
    int part_fig = -1;
    if (f.paired == -2) return;  // a 分别 list whose amounts and shares do not pair up
    if (f.base_figure >= 0) {
      // 教育支出3336万元，占一般公共预算支出29472万元的比例为11.32%: the level before the stated whole
      const size_t bf = static_cast<size_t>(f.base_figure);
      auto it = std::find(s.figures.begin(), s.figures.end(), bf);
      if (it == s.figures.begin() || it == s.figures.end()) return;
      const size_t pf = *(it - 1);
      if (fig(pf).type != FigureType::Level || !is_money(fig(pf).unit)) return;
      auto q = divide(range_of(pf), range_of(bf));
      if (!q || q->overlaps(f.range)) return;
      Decimal expect = quot(range_of(pf).mid(), range_of(bf).mid());
      report(3, "narrative.share", i,
             "占比应为 " + fig(pf).subject + " " + amount_in(fig(pf).value, fig(pf).unit) + " ÷ " + fig(bf).subject + " " +
                 amount_in(fig(bf).value, fig(bf).unit) + " = " + percent_text(expect) + "，文中为 " + f.shown,
             percent_text(expect), quote(pf, i));
      return;
    }
    if (f.paired >= 0) {
      part_fig = f.paired;
      const Figure& p = fig(static_cast<size_t>(part_fig));
      part = Value{range_of(static_cast<size_t>(part_fig)), p.subject + " " + amount_in(p.value, p.unit), part_fig};
    } else if (!f.subject.empty()) {
      if (f.role == Role::Prior) return;
      part = resolve(f.subject);
    } else {
      for (auto it = std::find(s.figures.rbegin(), s.figures.rend(), i); it != s.figures.rend(); ++it) {
        if (*it == i) continue;
        const Figure& p = fig(*it);
        if (p.type == FigureType::Level) {
          part_fig = static_cast<int>(*it);
          part = Value{range_of(*it), p.subject + " " + amount_in(p.value, p.unit), part_fig};
        }
        break;
      }
    }
    if (!part) return;
    const Figure* pf = part_fig >= 0 ? &fig(static_cast<size_t>(part_fig)) : nullptr;
    bool prior = pf && pf->role == Role::Prior;
    // the whole: the list head, a named base, "X中，", or the sentence's first level
    std::optional<Value> base;
    if (s.list_head >= 0 && part_fig != s.list_head) {
      const Figure& h = fig(static_cast<size_t>(s.list_head));
      if (f.base.empty() || h.subject == f.base || spec_of(h.subject) == spec_of(f.base) ||
          (!h.subject.empty() && (f.base.find(h.subject) != string::npos || h.subject.find(f.base) != string::npos)))
        base = Value{range_of(static_cast<size_t>(s.list_head)), h.subject + " " + amount_in(h.value, h.unit), s.list_head};
    }
    if (!base && !f.base.empty() && !prior) base = resolve(f.base);
    if (!base && !f.base.empty() && pf && pf->role == Role::Budget) {
      // a budget's share of a budget: 占基本支出预算18.76% is of the 基本支出预算 the text states
      string b = f.base;
      for (const char* w : {"预算数", "预算"})
        if (b.size() > std::char_traits<char>::length(w) && b.compare(b.size() - std::char_traits<char>::length(w), string::npos, w) == 0)
          b.erase(b.size() - std::char_traits<char>::length(w));
      if (b != f.base) base = text_value(b, Role::Budget);
    }
    if (!base && f.base.empty() && !s.whole_subject.empty() && !prior) {
      string w = s.whole_subject;
      while (!w.empty() && ((w[0] >= '0' && w[0] <= '9'))) w.erase(0, 1);
      for (const char* y : {"年度", "年"})
        if (w.rfind(y, 0) == 0) w.erase(0, std::char_traits<char>::length(y));
      for (const char* tail : {"支出决算", "决算"})
        if (w.size() > std::char_traits<char>::length(tail) &&
            w.compare(w.size() - std::char_traits<char>::length(tail), string::npos, tail) == 0)
          w.erase(w.size() - std::char_traits<char>::length(tail));
      base = resolve(canonical_name(w));
    }
    if (!base && f.base.empty() && part_fig >= 0) {
      // the sentence's first level, when the vocabulary says the part is one of its parts
      for (size_t fi : s.figures) {
        if (fi == static_cast<size_t>(part_fig)) break;
        const Figure& h = fig(fi);
        if (h.type != FigureType::Level || h.zero_word) continue;
        const FigureSpec* hs = spec_of(h.subject);
        const FigureSpec* ps = spec_of(pf->subject);
        if (h.role == pf->role && hs && ps &&
            std::find(hs->parts.begin(), hs->parts.end(), ps->name) != hs->parts.end())
          base = Value{range_of(fi), h.subject + " " + amount_in(h.value, h.unit), static_cast<int>(fi)};
        break;
      }
    }
    if (!base || (part_fig >= 0 && base->figure == part_fig)) return;
    auto q = divide(part->range, base->range);
    if (!q || q->overlaps(f.range)) return;
    Decimal expect = quot(part->range.mid(), base->range.mid());
    size_t from = part_fig >= 0 ? static_cast<size_t>(part_fig) : i;
    report(3, "narrative.share", i,
           "占比应为 " + part->label + " ÷ " + base->label + " = " + percent_text(expect) + "，文中为 " + f.shown,
           percent_text(expect), quote(from, i));
  }

  // The amount a share is of, as check_share finds it from the sentence alone (a 分别 pair, or the level
  // just before it); -1 when that needs a name.
  int share_part(size_t i) const {
    const Figure& f = fig(i);
    if (f.paired >= 0) return f.paired;
    if (f.paired == -2 || !f.subject.empty()) return -1;
    const Sentence& s = c_.sentences[f.sentence];
    for (auto it = std::find(s.figures.rbegin(), s.figures.rend(), i); it != s.figures.rend(); ++it) {
      if (*it == i) continue;
      return fig(*it).type == FigureType::Level ? static_cast<int>(*it) : -1;
    }
    return -1;
  }

  // Shares of one named whole the text does not state (占一般公共预算支出的96.74% … 占一般公共预算支出的
  // 3.26%): each share and its amount imply the whole (amount ÷ share, over their rounding); the wholes
  // implied must meet. When one share alone disagrees with the others it is the wrong one; when two
  // disagree there is no telling which, and the warning names both.
  void check_share_bases() {
    std::map<std::pair<string, int>, std::vector<std::pair<size_t, Interval>>> groups;
    for (size_t i = 0; i < c_.figures.size(); ++i) {
      const Figure& f = fig(i);
      if (f.type != FigureType::Share || f.base.empty() || f.base == "?" || f.role == Role::Prior || f.base_figure >= 0)
        continue;
      // 占同类产品采购规模的90%: each share of its own kind's whole, one name for many wholes
      if (f.base.find("同类") != string::npos || f.base.find("各自") != string::npos || f.base.find("该类") != string::npos ||
          f.base.find("本类") != string::npos)
        continue;
      int p = share_part(i);
      if (p < 0) continue;
      const Figure& pf = fig(static_cast<size_t>(p));
      if (!is_money(pf.unit) || pf.zero_word || pf.role == Role::Prior || !is_current_year(pf, c_.report_year)) continue;
      if (pf.range.lo <= zero() || f.range.lo <= zero()) continue;
      if (resolve(f.base)) continue;  // a whole the text states: check_share compared with it
      auto whole = divide(range_of(static_cast<size_t>(p)), f.range);
      if (!whole) continue;
      groups[{f.base, static_cast<int>(pf.role)}].emplace_back(i, *whole);
    }
    // one name may mean another whole in another section (占总支出的… under 本年支出 and again under 财政拨款
    // 支出): only shares of nearby paragraphs (at most two apart, one after another) are taken as one whole's
    std::vector<std::pair<std::pair<string, int>, std::vector<std::pair<size_t, Interval>>>> runs;
    for (const auto& [key, shares] : groups) {
      std::vector<std::pair<size_t, Interval>> run;
      for (const auto& sh : shares) {
        if (!run.empty() && fig(sh.first).block > fig(run.back().first).block + 2) {
          runs.emplace_back(key, std::move(run));
          run.clear();
        }
        run.push_back(sh);
      }
      runs.emplace_back(key, std::move(run));
    }
    for (const auto& entry : runs) {
      // Not a structured binding: clang 14 (the fuzz build) cannot capture one in the lambda below.
      const auto& key = entry.first;
      const auto& shares = entry.second;
      if (shares.size() < 2) continue;
      auto meet = [&](size_t skip) -> std::optional<Interval> {
        std::optional<Interval> m;
        for (size_t k = 0; k < shares.size(); ++k) {
          if (k == skip) continue;
          const Interval& w = shares[k].second;
          if (!m) m = w;
          else if (!m->overlaps(w)) return std::nullopt;
          else m = Interval{std::max(m->lo, w.lo), std::min(m->hi, w.hi)};
        }
        return m;
      };
      if (meet(shares.size())) continue;
      int odd = -1;
      for (size_t k = 0; k < shares.size() && shares.size() >= 3; ++k)
        if (meet(k)) odd = odd == -1 ? static_cast<int>(k) : -2;
      const string& base = key.first;
      if (odd >= 0) {
        size_t i = shares[static_cast<size_t>(odd)].first;
        Interval w = *meet(static_cast<size_t>(odd));
        int p = share_part(i);
        Decimal expect = quot(range_of(static_cast<size_t>(p)).mid(), w.mid());
        report(4, "narrative.share", i,
               "占比与同一“" + base + "”的其他占比不符：其他各项推出" + base + "约 " + amount_in(w.mid(), fig(static_cast<size_t>(p)).unit) +
                   "，" + shown(static_cast<size_t>(p)) + " 占其 " + percent_text(expect) + "，文中为 " + fig(i).shown,
               "约" + percent_text(expect), quote(static_cast<size_t>(p), i));
      } else if (shares.size() == 2) {
        size_t a = shares[0].first, b = shares[1].first;
        int pa = share_part(a), pb = share_part(b);
        report(6, "narrative.share_base", b,
               "两处占比推出的“" + base + "”不一致：" + shown(static_cast<size_t>(pa)) + " 占 " + fig(a).shown + " 推出约 " +
                   amount_in(shares[0].second.mid(), fig(static_cast<size_t>(pa)).unit) + "，" + shown(static_cast<size_t>(pb)) + " 占 " +
                   fig(b).shown + " 推出约 " + amount_in(shares[1].second.mid(), fig(static_cast<size_t>(pb)).unit) + "；其中必有一处有误",
               "", quote(static_cast<size_t>(pb), b), Severity::Warning);
      }
    }
  }

  // Shares of one whole listed in one sentence cannot add up to more than 100%.
  void check_share_totals() {
    for (const Sentence& s : c_.sentences) {
      if (s.list_head < 0) continue;
      Interval sum{zero(), zero()};
      int n = 0;
      size_t last = 0;
      for (size_t fi : s.figures) {
        const Figure& f = fig(fi);
        if (f.type != FigureType::Share || !f.subject.empty() || !f.base.empty()) continue;
        sum = sum + f.range;
        ++n;
        last = fi;
      }
      if (n >= 2 && sum.lo > Decimal::from_int(1))
        report(5, "narrative.shares_total", last,
               "同一合计下列出的各项占比之和为 " + percent_text(sum.mid()) + "，超过 100%", "≤100%",
               doc_.blocks[s.block].text.substr(s.obegin, fig(last).end - s.obegin));
    }
  }

  // ---- changes on last year ------------------------------------------------------------------------
  // The last-year level a change speaks of: before it in its own sentence (与2021年4024.76万元相比，…减少),
  // of the same thing when both are named.
  // A level of this year met first (公务接待费242万元，较上年减少12万元) means the change is of that level,
  // not of a last-year figure stated earlier in the sentence for something else.
  int find_prior(size_t i) const {
    const Figure& f = fig(i);
    for (size_t k = i; k-- > 0;) {
      const Figure& p = fig(k);
      if (p.block != f.block || p.sentence != f.sentence) break;
      if (p.type == FigureType::Level && p.role == Role::Prior)
        return f.subject.empty() || p.subject.empty() || related(f.subject, p.subject) ? static_cast<int>(k) : -1;
      if (p.type == FigureType::Level && !p.zero_word) return -1;
    }
    return -1;
  }

  static bool related(const string& a, const string& b) {
    return a == b || a.find(b) != string::npos || b.find(a) != string::npos;
  }
  // The same thing said with or without the words that only say where, when or how much of it:
  // 全区“三公”经费总支出 and 2020年度的“三公”经费支出; 累计支出 and 支出.
  static string core_subject(string s) {
    for (const char* w : {"全区", "全市", "全县", "全州", "本级", "年度", "本年", "累计", "实际", "的", "总"})
      for (size_t p = s.find(w); p != string::npos; p = s.find(w)) s.erase(p, std::char_traits<char>::length(w));
    return s;
  }
  static bool loosely_related(const string& a, const string& b) {
    string x = core_subject(a), y = core_subject(b);
    return !x.empty() && !y.empty() && related(x, y);
  }

  // This year's level of the same thing: before the prior figure, in its paragraph (or the one before,
  // when the thing is named).
  int find_current(size_t prior, const string& change_subject) const {
    const Figure& p = fig(prior);
    const string& subject = p.subject.empty() ? change_subject : p.subject;
    const size_t first_block = p.block > 0 && !subject.empty() ? p.block - 1 : p.block;
    // this year's actual; in a budget report (预算总额为1969万元，较2024年的2190万元减少221万元) its budget
    for (Role role : {Role::Current, Role::Budget})
      for (size_t k = prior; k-- > 0;) {
        const Figure& cf = fig(k);
        if (cf.block < first_block) break;
        if (cf.type != FigureType::Level || cf.role != role) continue;
        if (subject.empty()) return static_cast<int>(k);
        if (!cf.subject.empty() && loosely_related(cf.subject, subject)) return static_cast<int>(k);
      }
    // 支出431万元，比上年累计支出433万元: the level the comparison follows in its sentence
    if (prior > 0 && p.comparison) {
      const Figure& cf = fig(prior - 1);
      if (cf.block == p.block && cf.sentence == p.sentence && cf.type == FigureType::Level && !cf.zero_word &&
          (cf.role == Role::Current || cf.role == Role::Budget))
        return static_cast<int>(prior - 1);
    }
    return -1;
  }

  void check_change(size_t i) {
    const Figure& f = fig(i);
    if (!f.trend) return;
    int p = find_prior(i);
    int cur = p >= 0 ? find_current(static_cast<size_t>(p), f.subject) : -1;
    Interval now, before;
    string now_label, before_label;
    size_t from = i;
    if (p >= 0 && cur >= 0) {
      now = range_of(static_cast<size_t>(cur));
      before = range_of(static_cast<size_t>(p));
      now_label = amount_in(now.mid(), fig(static_cast<size_t>(cur)).unit);
      before_label = amount_in(before.mid(), fig(static_cast<size_t>(p)).unit);
      from = static_cast<size_t>(std::min(cur, p));
      check_prior_table(static_cast<size_t>(p), static_cast<size_t>(cur));
    } else if (f.type == FigureType::Change && p < 0) {
      // 预算数为27.17万元，决算数为17.26万元，减少了9.91万元: the change from the budget
      int b = -1, a = -1;
      const Sentence& s = c_.sentences[f.sentence];
      for (size_t fi : s.figures) {
        if (fi >= i) break;
        const Figure& g = fig(fi);
        if (g.type == FigureType::Change || g.type == FigureType::Rate) b = a = -1;
        if (g.type != FigureType::Level) continue;
        if (g.role == Role::Budget) b = static_cast<int>(fi);
        else if (g.role == Role::Current && b >= 0) a = static_cast<int>(fi);
      }
      if (a < 0 || b < 0 || fig(static_cast<size_t>(a)).subject != fig(static_cast<size_t>(b)).subject) return;
      now = range_of(static_cast<size_t>(a));
      before = range_of(static_cast<size_t>(b));
      now_label = "决算数 " + amount(now.mid());
      before_label = "预算数 " + amount(before.mid());
      from = static_cast<size_t>(b);
    } else if (f.type == FigureType::Rate && p < 0) {
      // 支出850088.3元，同比减少54357.12元，下降6.00%: last year is this year less the change. This year's
      // level is the one the change follows: this year's actual, else (a budget report) this year's budget;
      // a budget named beside an actual (完成预算数N的X%) is not what the change is of.
      int ch = -1, a = -1, budget = -1;
      const Sentence& s = c_.sentences[f.sentence];
      for (size_t fi : s.figures) {
        if (fi >= i) break;
        const Figure& g = fig(fi);
        if (g.type == FigureType::Change) {
          ch = static_cast<int>(fi);
        } else if (g.type == FigureType::Level) {
          if (ch >= 0) a = budget = ch = -1;  // a new level after a change: the next change is of it
          if (g.role == Role::Current) a = static_cast<int>(fi);
          else if (g.role == Role::Budget) budget = static_cast<int>(fi);
          else a = budget = -1;  // last year's level in between: not sure
        }
      }
      if (a < 0) a = budget;
      if (ch >= 0 && a < 0) a = level_before_sentence(static_cast<size_t>(ch));
      if (ch < 0 || a < 0 || !fig(static_cast<size_t>(ch)).trend) return;
      const Figure& cf = fig(static_cast<size_t>(ch));
      if (!cf.subject.empty() && !fig(static_cast<size_t>(a)).subject.empty() && !related(cf.subject, fig(static_cast<size_t>(a)).subject)) {
        // 财政拨款收入总计766.75万元，其中：…年初结转和结余156.33万元，与2021年相比收入总计减少315.71万元: the
        // change names its level; the nearest one of that name in the sentence, or nothing
        a = -1;
        for (auto it = std::find(s.figures.rbegin(), s.figures.rend(), static_cast<size_t>(ch)); it != s.figures.rend(); ++it) {
          const Figure& g = fig(*it);
          if (g.type == FigureType::Level && !g.zero_word && g.role != Role::Prior && !g.subject.empty() &&
              loosely_related(cf.subject, g.subject)) {
            a = static_cast<int>(*it);
            break;
          }
        }
        if (a < 0) return;
      }
      Interval change = range_of(static_cast<size_t>(ch));
      if (*cf.trend == Trend::Down) change = {-change.hi, -change.lo};
      else if (*cf.trend == Trend::Flat) return;
      now = range_of(static_cast<size_t>(a));
      before = now - change;
      now_label = amount_in(now.mid(), fig(static_cast<size_t>(a)).unit);
      before_label = amount_in(before.mid(), fig(static_cast<size_t>(a)).unit);
      from = static_cast<size_t>(a);
    } else {
      return;
    }
    Interval delta = now - before;
    Interval stated;
    std::optional<Interval> computed;
    if (f.type == FigureType::Change) {
      computed = delta;
    } else {
      // now / before − 1 rather than (now − before) / before: each figure appears once, so the range is exact
      auto q = divide(now, before);
      if (!q) return;
      computed = Interval{q->lo - Decimal::from_int(1), q->hi - Decimal::from_int(1)};
    }
    Interval mag = f.range;
    if (*f.trend == Trend::Up) stated = mag;
    else if (*f.trend == Trend::Down) stated = {-mag.hi, -mag.lo};
    else stated = Interval::point(zero());
    if (computed->overlaps(stated)) return;
    Decimal d = delta.mid();
    Trend actual = trend_of(d);
    bool rate = f.type == FigureType::Rate;
    Decimal value = rate ? quot(d, before.mid()) : d;
    string expect = string(trend_word(actual, rate)) + (rate ? percent_text(value.abs()) : amount_in(value.abs(), f.unit));
    Interval flipped{-stated.hi, -stated.lo};
    string what = rate ? "增减率" : "增减额";
    string arithmetic = rate ? "（" + now_label + " − " + before_label + "）÷ " + before_label + " = " + percent_text(value)
                             : now_label + " − " + before_label + " = " + amount_in(value, f.unit);
    if (actual != *f.trend && (computed->overlaps(flipped) || actual == Trend::Flat || *f.trend == Trend::Flat)) {
      report(2, "narrative.direction", i, "增减方向与数字不符：" + arithmetic + "，应为“" + expect + "”", expect, quote(from, i));
    } else {
      report(3, rate ? "narrative.change_rate" : "narrative.change_amount", i,
             what + "不符：" + arithmetic + "，应为“" + expect + "”" +
                 (rate ? "（同比增减率以上年数为分母）" : ""),
             expect, quote(from, i));
    }
  }

  // 一般公共预算财政拨款收入382.17万元，为…资金。较2020年度决算数减少157.86万元: a change that is the first
  // figure of its sentence is of the level the sentence before (same paragraph) states — of the same thing when the
  // change names one, else the only level that sentence states.
  int level_before_sentence(size_t change) const {
    const Figure& ch = fig(change);
    const Sentence& s = c_.sentences[ch.sentence];
    if (s.figures.empty() || s.figures.front() != change || ch.sentence == 0) return -1;
    const Sentence& before = c_.sentences[ch.sentence - 1];
    if (before.block != s.block) return -1;
    int found = -1, levels = 0;
    for (size_t fi : before.figures) {
      const Figure& g = fig(fi);
      if (g.type == FigureType::Change || g.type == FigureType::Rate) found = -1, levels = 0;
      if (g.type != FigureType::Level || g.zero_word || g.role == Role::Prior) continue;
      if (!ch.subject.empty() && !g.subject.empty() && !loosely_related(ch.subject, g.subject)) continue;
      found = static_cast<int>(fi);
      ++levels;
    }
    return levels == 1 || (levels > 1 && !ch.subject.empty()) ? found : -1;
  }

  void check_prior_table(size_t prior, size_t current) {
    if (!t_ || t_->prior.empty()) return;
    const Figure& p = fig(prior);
    const FigureSpec* spec = spec_of(p.subject.empty() ? fig(current).subject : p.subject);
    if (!spec) return;
    auto tv = table_value(t_->prior, spec->actual);
    if (!tv || p.range.contains(tv->value)) return;
    report(1, "narrative.table", prior,
           "上年" + spec->name + "文中为 " + p.shown + "，上年决算表（" + tv->where + "）为 " + amount(tv->value) + " 万元",
           amount(tv->value), quote(prior, prior));
  }

  // ---- 完成预算 -----------------------------------------------------------------------------------
  void check_completion(size_t i) {
    const Figure& f = fig(i);
    const Sentence& s = c_.sentences[f.sentence];
    int actual = -1, budget = -1;
    for (size_t fi : s.figures) {
      if (fi >= i) break;
      const Figure& g = fig(fi);
      if (g.type != FigureType::Level) continue;
      if (g.role == Role::Budget) budget = static_cast<int>(fi);
      else if (g.role == Role::Current) actual = static_cast<int>(fi);
    }
    if (actual < 0) return;
    const Figure& a = fig(static_cast<size_t>(actual));
    Interval b;
    string blabel;
    if (budget >= 0 && (fig(static_cast<size_t>(budget)).subject == a.subject || fig(static_cast<size_t>(budget)).subject.empty() ||
                        a.subject.empty())) {
      b = range_of(static_cast<size_t>(budget));
      blabel = "预算数 " + amount(fig(static_cast<size_t>(budget)).value);
    } else if (t_ && is_current_year(a, c_.report_year)) {
      const FigureSpec* spec = spec_of(a.subject);
      if (!spec || spec->budget.empty()) return;
      auto tv = table_value(t_->current, spec->budget);
      if (!tv) return;
      b = Interval::point(tv->value);
      blabel = "预算数 " + amount(tv->value) + "（" + tv->where + "）";
    } else {
      return;
    }
    if (b.hi <= zero()) return;  // no budget: 0% (or nothing) is how reports write it
    auto q = divide(range_of(static_cast<size_t>(actual)), b);
    if (!q || q->overlaps(f.range)) return;
    Decimal expect = quot(range_of(static_cast<size_t>(actual)).mid(), b.mid());
    report(3, "narrative.completion", i,
           "完成预算比例应为 决算数 " + amount(a.value) + " ÷ " + blabel + " = " + percent_text(expect) + "，文中为 " + f.shown,
           percent_text(expect), quote(budget >= 0 ? static_cast<size_t>(std::min(actual, budget)) : static_cast<size_t>(actual), i));
  }

  // 预算数为X，决算数为Y，差异Z
  void check_difference(size_t i) {
    const Figure& f = fig(i);
    const Sentence& s = c_.sentences[f.sentence];
    int a = -1, b = -1;
    for (size_t fi : s.figures) {
      if (fi >= i) break;
      const Figure& g = fig(fi);
      if (g.type != FigureType::Level) continue;
      if (g.role == Role::Budget) b = static_cast<int>(fi);
      else if (g.role == Role::Current) a = static_cast<int>(fi);
    }
    if (a < 0 || b < 0) return;
    Interval d = range_of(static_cast<size_t>(a)) - range_of(static_cast<size_t>(b));
    Interval neg{-d.hi, -d.lo};
    if (d.overlaps(f.range) || neg.overlaps(f.range)) return;
    Decimal expect = d.mid().abs();
    report(3, "narrative.difference", i,
           "差异应为 |决算数 " + amount(fig(static_cast<size_t>(a)).value) + " − 预算数 " + amount(fig(static_cast<size_t>(b)).value) +
               "| = " + amount(expect) + "，文中为 " + f.shown,
           amount(expect), quote(static_cast<size_t>(std::min(a, b)), i));
  }

  // ---- 其中 lists ------------------------------------------------------------------------------------
  // The parts of a list as far as they are parts of its head: up to a new total (…合计, …总计), a name said
  // again or a sibling of the head (项目支出 after 基本支出's parts); a part of another listed part is left out.
  std::vector<size_t> parts_of(const ListClaim& l) const {
    const FigureSpec* head = spec_of(fig(l.head).subject);
    const FigureSpec* parent = nullptr;
    if (head)
      for (const FigureSpec& f : v_.figures)
        if (std::find(f.parts.begin(), f.parts.end(), head->name) != f.parts.end()) parent = &f;
    std::vector<size_t> out;
    std::set<string> seen;
    for (size_t p : l.parts) {
      const string& sub = fig(p).subject;
      const FigureSpec* ps = spec_of(sub);
      if (sub.find("合计") != string::npos || sub.find("总计") != string::npos || !seen.insert(sub).second) break;
      if (ps && (ps == head || (parent && std::find(parent->parts.begin(), parent->parts.end(), ps->name) != parent->parts.end() &&
                                !(head && std::find(head->parts.begin(), head->parts.end(), ps->name) != head->parts.end()))))
        break;
      out.push_back(p);
    }
    // 公务用车购置 and 运行维护 after 公务用车购置及运行维护费: inside a part already counted
    std::vector<size_t> kept;
    for (size_t p : out) {
      const FigureSpec* ps = spec_of(fig(p).subject);
      bool inner = false;
      for (size_t q : out) {
        const FigureSpec* qs = spec_of(fig(q).subject);
        if (q != p && qs && ps && std::find(qs->parts.begin(), qs->parts.end(), ps->name) != qs->parts.end()) inner = true;
      }
      if (!inner) kept.push_back(p);
    }
    return kept;
  }

  void check_list(const ListClaim& l) {
    const Figure& h = fig(l.head);
    if (h.type == FigureType::Count) return check_count_list(l);
    if (h.type != FigureType::Level || l.parts.empty()) return;
    Interval sum{zero(), zero()};
    string parts_text;
    std::set<const FigureSpec*> present;
    const std::vector<size_t> parts = parts_of(l);
    if (parts.empty()) return;
    for (size_t p : parts) {
      sum = sum + range_of(p);
      parts_text += (parts_text.empty() ? "" : " + ") + fig(p).subject + " " + amount_in(fig(p).value, fig(p).unit);
      if (const FigureSpec* s = spec_of_figure(p)) present.insert(s);
    }
    const FigureSpec* hs = spec_of(h.subject);
    bool exhaustive = hs && !hs->parts.empty();
    if (exhaustive)
      for (const string& part : hs->parts) {
        const FigureSpec* ps = v_.figure_named(part);
        if (!ps || !present.count(ps)) exhaustive = false;
      }
    Interval head = range_of(l.head);
    if (exhaustive ? sum.overlaps(head) : sum.lo <= head.hi) return;
    Decimal s = sum.mid();
    report(2, "narrative.sum", l.head,
           exhaustive ? h.subject + " " + amount_in(h.value, h.unit) + " ≠ " + parts_text + " = " + amount_in(s, h.unit)
                      : "其中各项之和 " + parts_text + " = " + amount_in(s, h.unit) + "，超过合计 " + h.subject + " " +
                            amount_in(h.value, h.unit),
           amount_in(s, h.unit), quote(l.head, l.head));
  }

  // 共有公务用车0辆，其中：轿车0辆、越野车0辆、载客汽车1辆: the parts cannot outnumber the whole
  void check_count_list(const ListClaim& l) {
    const Figure& h = fig(l.head);
    Decimal sum = zero();
    string parts_text;
    for (size_t p : l.parts) {
      sum += fig(p).value;
      parts_text += (parts_text.empty() ? "" : " + ") + fig(p).subject + " " + fig(p).shown;
    }
    if (sum <= h.value) return;
    report(2, "narrative.sum", l.head, "其中各项之和 " + parts_text + " = " + sum.to_string() + "，超过合计 " + h.subject + " " + h.shown,
           sum.to_string(), quote(l.head, l.head));
  }

  // ---- counts ---------------------------------------------------------------------------------------
  void check_counts() {
    for (const CountClaim& cc : c_.counts) {
      const Figure& f = fig(cc.figure);
      Decimal n = f.value;
      if (Decimal::from_int(cc.listed_certain) <= n) continue;
      string expect = cc.listed == cc.listed_certain ? std::to_string(cc.listed) : "至少" + std::to_string(cc.listed_certain);
      report(4, "narrative.count", cc.figure,
             "文中列举了 " + (cc.listed == cc.listed_certain ? std::to_string(cc.listed)
                                                            : std::to_string(cc.listed_certain) + "—" + std::to_string(cc.listed)) +
                 " 项，却写作 " + f.shown,
             expect, quote(cc.figure, cc.figure));
    }
  }

  // ---- years ----------------------------------------------------------------------------------------
  void check_years() {
    const int r = c_.report_year;
    if (!r) return;
    for (const YearMention& y : c_.years) {
      if (!y.with_prior_word || y.in_date || y.year != r - 1) continue;
      const string& text = doc_.blocks[y.block].text;
      const Sentence& s = c_.sentences[y.sentence];
      // the year opens its sentence or clause (the side of "this year"), and 上年 comes after it
      const string& folded = c_.folded[y.block];
      size_t fb = 0;
      while (fb < folded.size() && c_.maps[y.block].original_begin(fb) < y.begin) ++fb;
      size_t before = prev_char(folded, fb);
      std::string_view prev = fb == 0 ? std::string_view() : std::string_view(folded.data() + before, fb - before);
      bool opens = fb == s.begin || prev == "，" || prev == ":" || prev == ";" || prev == ")" || prev == "、" || prev == "。";
      if (!opens) continue;
      std::string_view after(folded.data() + fb, s.end - fb);
      bool prior_after = after.find("上年") != std::string_view::npos || after.find("上一年度") != std::string_view::npos ||
                         after.find("去年") != std::string_view::npos;
      if (!prior_after) continue;
      NarrativeFinding n;
      n.rule = "narrative.year";
      n.block = y.block;
      n.where = doc_.blocks[y.block].where;
      n.message = "本报告是 " + std::to_string(r) + " 年度的，同句以“上年度”指 " + std::to_string(r - 1) + " 年，此处的 " +
                  std::to_string(y.year) + " 年应为 " + std::to_string(r) + " 年";
      size_t end = std::min(text.size(), c_.maps[y.block].original_end(s.end));
      n.text = text.substr(s.obegin, end - s.obegin);
      n.expected = std::to_string(r) + "年";
      n.found = text.substr(y.begin, y.end - y.begin);
      n.mark_begin = y.begin;
      n.mark_end = y.end;
      out_.push_back({4, std::move(n)});
    }
  }

  // ---- units ----------------------------------------------------------------------------------------
  void check_units() {
    int wan = 0, yuan = 0;
    for (const Figure& f : c_.figures) {
      if (f.unit == NumberUnit::Wan && !f.unit_missing && !f.zero_word) ++wan;
      if (f.unit == NumberUnit::Yuan) ++yuan;
    }
    for (size_t i = 0; i < c_.figures.size(); ++i) {
      const Figure& f = fig(i);
      if (f.unit_missing) {
        report(6, "narrative.unit_missing", i, "金额 " + f.shown + " 缺少单位；同段其他金额以万元为单位", f.shown + "万元",
               quote(i, i), Severity::Warning);
        continue;
      }
      if (f.unit != NumberUnit::Yuan || f.type != FigureType::Level || wan < 5 * std::max(yuan, 1)) continue;
      Decimal written = f.value * Decimal::from_int(10000);
      if (written >= Decimal::from_int(10000) || written.round(2) != written) continue;
      // the same number in 万元 elsewhere, or a 万元 figure it is compared with
      bool same_elsewhere = false, compared = false;
      for (size_t k = 0; k < c_.figures.size(); ++k) {
        const Figure& g = fig(k);
        if (k == i || g.unit != NumberUnit::Wan) continue;
        if (g.value == written && g.type == FigureType::Level && !g.zero_word) same_elsewhere = true;
        if (g.sentence == f.sentence && g.role == Role::Prior && g.type == FigureType::Level) compared = true;
      }
      if (!(same_elsewhere && compared)) continue;
      unit_fixed_.insert(i);
      report(1, "narrative.unit", i,
             "单位应为万元：" + f.shown + " 与同句比较的上年数同为万元，且 " + written.to_string() + " 万元在前文出现",
             written.to_string() + "万元", quote(i, i));
    }
  }

  // ---- a figure stated twice ----------------------------------------------------------------------------
  void check_repeated() {
    std::map<const FigureSpec*, size_t> first;
    for (size_t i = 0; i < c_.figures.size(); ++i) {
      const Figure& f = fig(i);
      if (f.type != FigureType::Level || f.role != Role::Current || f.in_budget_list || f.zero_word ||
          !is_current_year(f, c_.report_year))
        continue;
      const FigureSpec* spec = spec_of(f.subject);
      if (!spec || !spec->unique) continue;
      auto [it, fresh] = first.emplace(spec, i);
      if (fresh) continue;
      const Figure& g = fig(it->second);
      if (range_of(it->second).overlaps(range_of(i))) continue;
      report(4, "narrative.repeated", i,
             spec->name + "前后不一致：" + doc_.blocks[g.block].where.to_text() + "为 " + g.shown + "，此处为 " + f.shown, amount(g.value), quote(i, i));
    }
  }

  // ---- 预算数 and 决算数 swapped ---------------------------------------------------------------------------
  void check_swapped() {
    for (const Sentence& s : c_.sentences) {
      int b = -1;
      for (size_t fi : s.figures) {
        const Figure& f = fig(fi);
        if (f.type != FigureType::Level) continue;
        if (f.role == Role::Budget) {
          b = static_cast<int>(fi);
          continue;
        }
        if (f.role != Role::Current || b < 0) continue;
        const Figure& bf = fig(static_cast<size_t>(b));
        if (bf.subject.empty() || f.subject != bf.subject || f.value == bf.value) {
          b = -1;
          continue;
        }
        bool actual_is_budget = false, budget_is_actual = false;
        for (size_t k = 0; k < c_.figures.size(); ++k) {
          const Figure& g = fig(k);
          if (g.sentence == f.sentence || g.type != FigureType::Level || g.zero_word) continue;
          if (g.role != Role::Budget && g.subject == f.subject && g.value == bf.value && g.label.find("上年") == string::npos)
            budget_is_actual = true;
          if (g.role == Role::Budget && g.value == f.value && g.subject.find(f.subject) != string::npos) actual_is_budget = true;
        }
        if (budget_is_actual && actual_is_budget)
          report(2, "narrative.swapped", fi,
                 "预算数与决算数写反：前文" + f.subject + "预算为 " + amount(f.value) + "、决算为 " + amount(bf.value) +
                     "，此处写作预算数 " + amount(bf.value) + "、决算数 " + amount(f.value),
                 amount(bf.value), quote(static_cast<size_t>(b), fi));
        b = -1;
      }
    }
  }

  // ---- 功能分类 names ---------------------------------------------------------------------------------------
  static std::u32string u32(const string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
      for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      out += cp;
      i += len;
    }
    return out;
  }
  static size_t distance(const string& a, const string& b) {
    std::u32string x = u32(a), y = u32(b);
    std::vector<size_t> d(y.size() + 1);
    for (size_t j = 0; j <= y.size(); ++j) d[j] = j;
    for (size_t i = 1; i <= x.size(); ++i) {
      size_t prev = d[0];
      d[0] = i;
      for (size_t j = 1; j <= y.size(); ++j) {
        size_t cur = d[j];
        d[j] = std::min({d[j] + 1, d[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1)});
        prev = cur;
      }
    }
    return d[y.size()];
  }

  void check_class_names() {
    Vocabulary v = v_;
    if (t_)  // the department's own 公开05 names count as much as the data file's
      for (const char* id : {"05", "03", "02"}) {
        auto it = t_->current.find(id);
        if (it == t_->current.end() || !it->second) continue;
        for (const FieldMap& row : it->second->list("items")) {
          const Field* code = field_of(row, "code");
          const Field* name = field_of(row, "name");
          if (code && name && !code->text.empty() && !name->text.empty()) v.class_names.emplace(code->text, name->text);
        }
      }
    const char* level_word[] = {"类", "款", "项"};
    for (const ClassNameClaim& cn : c_.class_names) {
      string parent;
      for (int lvl = 0; lvl < 3; ++lvl) {
        string name = canonical_name(cn.names[lvl]);
        std::vector<string> codes = v.children(parent);
        string match;
        for (const string& code : codes) {
          string n = canonical_name(v.class_names[code]);
          if (n == name || (n.size() > name.size() && n.compare(0, name.size(), name) == 0)) {  // 住房保障 for 住房保障支出
            match = code;
            break;
          }
        }
        if (!match.empty()) {
          parent = match;
          continue;
        }
        // a near name (one or two characters different) and no other
        string near;
        int nears = 0;
        for (const string& code : codes) {
          string n = canonical_name(v.class_names[code]);
          size_t len = u32(name).size(), dist = distance(n, name);
          if (u32(n).size() == len && dist >= 1 && dist * 5 <= len) {  // one character in five at most
            near = code;
            ++nears;
          }
        }
        if (nears == 1) {
          NarrativeFinding f;
          f.rule = "narrative.class_name";
          f.block = cn.block;
          f.where = doc_.blocks[cn.block].where;
          f.message = "功能分类科目名称有误：" + string(level_word[lvl]) + "级科目 " + near + " 的名称是“" + v.class_names[near] +
                      "”，文中写作“" + cn.names[lvl] + "”";
          const string& text = doc_.blocks[cn.block].text;
          f.text = text.substr(cn.begin[0], cn.claim_end - cn.begin[0]);
          f.expected = v.class_names[near];
          f.found = text.substr(cn.begin[lvl], cn.end[lvl] - cn.begin[lvl]);
          f.mark_begin = cn.begin[lvl];
          f.mark_end = cn.end[lvl];
          out_.push_back({4, std::move(f)});
        }
        break;  // an unknown name: nothing below it can be placed
      }
    }
  }

  // ---- 决算数小于预算数 --------------------------------------------------------------------------------------
  void check_relations() {
    for (const BudgetRelationClaim& r : c_.relations) {
      std::optional<Interval> a, b;
      string where;
      if (r.actual >= 0) a = range_of(static_cast<size_t>(r.actual));
      if (r.budget >= 0) b = range_of(static_cast<size_t>(r.budget));
      const FigureSpec* spec = spec_of(r.subject);
      if (t_ && spec && !spec->budget.empty()) {
        if (auto tv = table_value(t_->current, spec->actual)) a = Interval::point(tv->value), where = tv->where;
        if (auto tv = table_value(t_->current, spec->budget)) b = Interval::point(tv->value);
      }
      if ((!a || !b) && r.completion >= 0) {
        check_relation_completion(r);
        continue;
      }
      if (!a || !b) continue;
      bool wrong = r.relation < 0 ? a->lo >= b->hi : r.relation > 0 ? a->hi <= b->lo : !a->overlaps(*b);
      if (!wrong) continue;
      int actual = a->hi < b->lo ? -1 : a->lo > b->hi ? 1 : 0;
      const char* words[] = {"小于", "等于", "大于"};
      NarrativeFinding f;
      f.rule = "narrative.budget_relation";
      f.block = r.block;
      f.where = doc_.blocks[r.block].where;
      f.message = (spec ? spec->name : r.subject) + "决算数 " + amount(a->mid()) + "、预算数 " + amount(b->mid()) + (where.empty() ? "" : "（" + where + "）") +
                  "：决算数" + words[actual + 1] + "预算数，文中写作“决算数" + words[r.relation + 1] + "预算数”";
      const string& text = doc_.blocks[r.block].text;
      f.text = text.substr(r.begin, r.end - r.begin);
      f.expected = string("决算数") + words[actual + 1] + "预算数";
      f.found = f.text;
      f.mark_begin = r.begin;
      f.mark_end = r.end;
      out_.push_back({3, std::move(f)});
    }
  }

  // 完成预算100%，决算数与预算数持平: the completion and the words must say the same (over 100% is 大于)
  void check_relation_completion(const BudgetRelationClaim& r) {
    const size_t ci = static_cast<size_t>(r.completion);
    const Interval& q = fig(ci).range;
    const Decimal one = Decimal::from_int(1);
    bool wrong = r.relation < 0 ? q.lo >= one : r.relation > 0 ? q.hi <= one : !q.contains(one);
    if (!wrong) return;
    const char* words[] = {"小于", "等于", "大于"};
    const char* said = r.relation < 0 ? "小于" : r.relation > 0 ? "大于" : "与预算数持平";
    report(3, "narrative.budget_relation", ci,
           string("完成预算 ") + fig(ci).shown + "，即决算数" + words[(q.hi < one ? -1 : q.lo > one ? 1 : 0) + 1] +
               "预算数，文中又写作“决算数" + (r.relation == 0 ? "" : said) + (r.relation == 0 ? said : "预算数") + "”",
           r.relation < 0 ? "<100%" : r.relation > 0 ? ">100%" : "100%",
           doc_.blocks[r.block].text.substr(fig(ci).clause_begin, r.end - fig(ci).clause_begin));
  }

  // ---- against the tables ------------------------------------------------------------------------------------
  void check_tables() {
    const Record* t05 = nullptr;
    if (auto it = t_->current.find("05"); it != t_->current.end()) t05 = it->second;
    for (size_t i = 0; i < c_.figures.size(); ++i) {
      const Figure& f = fig(i);
      if (f.type != FigureType::Level || f.zero_word || !is_current_year(f, c_.report_year)) continue;
      if (f.role == Role::Prior || (f.in_budget_list && f.role != Role::Budget)) continue;
      if (f.in_budget_list) continue;  // a budget list's parts are the budget's, which the 决算 tables do not hold
      const FigureSpec* spec = spec_of_figure(i);
      std::optional<TableValue> tv;
      string name;
      if (spec) {
        tv = table_value(t_->current, f.role == Role::Budget ? spec->budget : spec->actual);
        name = spec->name;
      } else if (t05 && f.role == Role::Current && may_be_class(i)) {
        // a 类 of 公开05 named in a 主要用于 list: absent from the table means 0
        for (const FieldMap& row : t05->list("items")) {
          const Field* code = field_of(row, "code");
          const Field* nm = field_of(row, "name");
          const Field* total = field_of(row, "total");
          if (!code || !nm || code->text.size() != 3 || canonical_name(nm->text) != f.subject) continue;
          if (total && total->number) tv = TableValue{*total->number, "公开05表" + (total->source.cell.empty() ? "" : " " + total->source.cell)};
          name = nm->text;
        }
        if (!tv && c_.sentences[f.sentence].list_head >= 0 && f.unit == NumberUnit::Wan) {
          for (const auto& [code, n] : v_.class_names)
            if (code.size() == 3 && canonical_name(n) == f.subject) {
              tv = TableValue{zero(), "公开05表（无此类）"};
              name = n;
            }
        }
      }
      if (!tv || range_of(i).contains(tv->value)) continue;
      report(1, "narrative.table", i,
             name + (f.role == Role::Budget ? "预算数" : "") + "文中为 " + f.shown + "，" + tv->where + "为 " + amount(tv->value) + " 万元",
             amount(tv->value), quote(i, i));
    }
    // X（类）Y（款）Z（项）：支出决算为N万元 against the 项 of 公开05
    if (!t05) return;
    for (const ClassNameClaim& cn : c_.class_names) {
      if (cn.figure < 0) continue;
      const Figure& f = fig(static_cast<size_t>(cn.figure));
      std::vector<const FieldMap*> rows;
      string cls;
      for (const FieldMap& row : t05->list("items")) {
        const Field* code = field_of(row, "code");
        const Field* nm = field_of(row, "name");
        if (!code || !nm) continue;
        if (code->text.size() == 3) cls = canonical_name(nm->text);
        bool cls_ok = cls.compare(0, canonical_name(cn.names[0]).size(), canonical_name(cn.names[0])) == 0;
        if (code->text.size() == 7 && cls_ok && canonical_name(nm->text) == canonical_name(cn.names[2])) rows.push_back(&row);
      }
      if (rows.size() != 1) continue;
      const Field* total = field_of(*rows[0], "total");
      if (!total || !total->number || range_of(static_cast<size_t>(cn.figure)).contains(*total->number)) continue;
      report(1, "narrative.table", static_cast<size_t>(cn.figure),
             cn.names[2] + "（项）文中为 " + f.shown + "，公开05表" + (total->source.cell.empty() ? "" : " " + total->source.cell) +
                 "为 " + amount(*total->number) + " 万元",
             amount(*total->number), quote(static_cast<size_t>(cn.figure), static_cast<size_t>(cn.figure)));
    }
  }
};

}  // namespace

std::vector<NarrativeFinding> audit_claims(const DocumentText& doc, const Claims& claims, const Vocabulary& vocab,
                                           const AuditTables* tables) {
  return Auditor(doc, claims, vocab, tables).run();
}

}  // namespace jixiao::narrative
