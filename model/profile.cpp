#include "model/profile.h"

#include <algorithm>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>

#include "core/text_norm.h"
#include "model/record_schema.h"

namespace jixiao {

namespace {

std::string trim_spaces(std::string s) {
  // ASCII white space and the ideographic space U+3000 (E3 80 80).
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
      s.pop_back();
    } else if (s.size() >= 3 && s.compare(s.size() - 3, 3, "\xE3\x80\x80") == 0) {
      s.resize(s.size() - 3);
    } else {
      break;
    }
  }
  size_t i = 0;
  for (;;) {
    if (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
      ++i;
    } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 3;
    } else {
      break;
    }
  }
  return s.substr(i);
}

std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Reads the whole profile and reports problems with the file name and the line.
class Loader {
 public:
  Loader(std::filesystem::path path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}

  Expected<Profile> load();

 private:
  Diagnostic fail(const std::string& code, const std::string& what, ptrdiff_t offset = -1) const {
    Diagnostic d;
    d.code = code;
    d.file = path_.string();
    d.offset = offset;
    std::string where = "评分方案 " + path_.string();
    if (offset >= 0) where += "（第 " + std::to_string(LineIndex(text_).line_of(offset)) + " 行）";
    d.message = where + "：" + what;
    return d;
  }
  Diagnostic invalid(pugi::xml_node n, const std::string& what) const {
    return fail("profile.invalid", what, n ? n.offset_debug() : -1);
  }
  // A number attribute: "20", "0.01", or a percentage "90%" (→ 0.9). nullopt when absent.
  std::optional<Diagnostic> number(pugi::xml_node n, const char* attr, std::optional<Decimal>& out) const;

  std::filesystem::path path_;
  std::string text_;
};

std::optional<Diagnostic> Loader::number(pugi::xml_node n, const char* attr,
                                         std::optional<Decimal>& out) const {
  pugi::xml_attribute a = n.attribute(attr);
  if (!a) return std::nullopt;
  std::string t = normalize_text(a.value(), TextPurpose::Value);
  bool percent = !t.empty() && t.back() == '%';
  if (percent) t.pop_back();
  auto d = Decimal::parse(t);
  if (!d) {
    return invalid(n, std::string("<") + n.name() + "> 的属性 " + attr + "=\"" + a.value() + "\" 不是数字");
  }
  if (*d < Decimal{}) {
    return invalid(n, std::string("<") + n.name() + "> 的属性 " + attr + "=\"" + a.value() + "\" 不能为负数");
  }
  out = percent ? *Decimal::divide(*d, Decimal::from_int(100)) : *d;
  return std::nullopt;
}

std::optional<Severity> parse_severity(const std::string& s, bool& ok) {
  ok = true;
  if (s == "error") return Severity::Error;
  if (s == "warning") return Severity::Warning;
  if (s == "info") return Severity::Info;
  if (s == "off") return std::nullopt;
  ok = false;
  return std::nullopt;
}

Expected<Profile> Loader::load() {
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer(text_.data(), text_.size());
  if (!r) {
    return fail("profile.xml", std::string("XML 格式错误：") + r.description() + "，请检查该行附近的标签和引号",
                r.offset);
  }
  pugi::xml_node root = doc.child("profile");
  if (!root) return fail("profile.invalid", "缺少根元素 <profile>");

  Profile p;
  p.file = path_.string();
  p.id = root.attribute("id").value();
  if (p.id.empty()) return invalid(root, "<profile> 缺少属性 id");
  p.name = root.attribute("name").value();
  p.kinds = split_words(root.attribute("kinds").value());
  for (const std::string& k : p.kinds)
    if (!record_kind(k)) {
      std::string known;
      for (const KindDef& d : record_kinds()) known += (known.empty() ? "" : "、") + d.kind;
      return invalid(root, "<profile kinds> 中的 “" + k + "” 不是记录种类：应为 " + known);
    }

  // ---- blocks --------------------------------------------------------------------------------
  pugi::xml_node blocks = root.child("blocks");
  if (!blocks) return invalid(root, "缺少 <blocks>（各部分及其分值）");
  std::string weights = blocks.attribute("weights").value();
  if (!weights.empty() && weights != "sheet" && weights != "profile") {
    return invalid(blocks, "<blocks weights=\"" + weights + "\"> 只能是 sheet 或 profile");
  }
  p.weights_from_sheet = weights == "sheet";
  Decimal sum;
  for (pugi::xml_node b : blocks.children("block")) {
    ProfileBlock block;
    block.key = b.attribute("key").value();
    if (block.key != "funds" && block.key != "goals" && block.key != "indicators" && block.key != "groups") {
      return invalid(b, "<block key=\"" + block.key + "\"> 不认识：应为 funds、goals、indicators 或 groups");
    }
    if (p.block(block.key)) return invalid(b, "<block key=\"" + block.key + "\"> 重复");
    // The block must be a part of a record the profile scores (record_schema.h): "groups" of a project
    // self-evaluation would never be read.
    if (!p.kinds.empty()) {
      bool found = false;
      for (const std::string& k : p.kinds) {
        const KindDef* d = record_kind(k);
        found = found || d->has_list(block.key);
        for (const FieldDef& f : d->fields) found = found || f.path.rfind(block.key + ".", 0) == 0 || f.path.rfind(block.key + "[]", 0) == 0;
      }
      if (!found) return invalid(b, "<block key=\"" + block.key + "\"> 不是 " + root.attribute("kinds").value() + " 记录的组成部分");
    }
    block.label = b.attribute("label").value();
    if (auto e = number(b, "weight", block.weight)) return *e;
    if (!p.weights_from_sheet && !block.weight) {
      return invalid(b, "<block key=\"" + block.key + "\"> 缺少 weight（分值由表格给出时写 <blocks weights=\"sheet\">）");
    }
    if (block.weight) sum += *block.weight;
    Decimal group_sum;
    bool all_weighted = true;
    for (pugi::xml_node g : b.children("group")) {
      ProfileGroup group;
      group.label = g.attribute("label").value();
      if (group.label.empty()) return invalid(g, "<group> 缺少属性 label");
      if (auto e = number(g, "weight", group.weight)) return *e;
      if (group.weight) group_sum += *group.weight;
      else all_weighted = false;
      block.groups.push_back(std::move(group));
    }
    if (block.weight && !block.groups.empty() && all_weighted && group_sum != *block.weight) {
      return invalid(b, "<block key=\"" + block.key + "\"> 的分值 " + block.weight->to_string() + " ≠ 其下各组分值之和 " +
                            group_sum.to_string());
    }
    p.blocks.push_back(std::move(block));
  }
  if (p.blocks.empty()) return invalid(blocks, "<blocks> 中没有 <block>");
  if (!p.weights_from_sheet && sum != Decimal::from_int(100)) {
    return invalid(blocks, "各部分分值之和为 " + sum.to_string() + "，应为 100");
  }

  if (pugi::xml_node t = root.child("total")) {
    p.total_label = trim_spaces(t.attribute("label").value());
    if (p.total_label.empty()) return invalid(t, "<total> 缺少属性 label（如 label=\"总分\"）");
  }

  // ---- fund score ----------------------------------------------------------------------------
  if (pugi::xml_node f = root.child("fund-score")) {
    std::string rule = f.attribute("rule").value();
    if (rule == "linear" || rule.empty()) {
      p.fund_rule = FundRule::Linear;
    } else if (rule == "full-above") {
      p.fund_rule = FundRule::FullAbove;
      std::optional<Decimal> t;
      if (auto e = number(f, "threshold", t)) return *e;
      if (!t) return invalid(f, "<fund-score rule=\"full-above\"> 缺少 threshold（如 threshold=\"90%\"）");
      if (*t == Decimal{} || *t > Decimal::from_int(1)) {
        return invalid(f, "<fund-score> 的 threshold 应在 0 与 100% 之间");
      }
      p.fund_threshold = *t;
      std::string below = f.attribute("below").value();
      if (!below.empty() && below != "linear" && below != "zero") {
        return invalid(f, "<fund-score below=\"" + below + "\"> 只能是 linear 或 zero");
      }
      p.fund_below_zero = below == "zero";
    } else {
      return invalid(f, "<fund-score rule=\"" + rule + "\"> 不认识：应为 linear 或 full-above");
    }
  }

  // ---- grades --------------------------------------------------------------------------------
  pugi::xml_node grades = root.child("grades");
  if (!grades) return invalid(root, "缺少 <grades>（等级及其分数线）");
  for (pugi::xml_node g : grades.children("grade")) {
    GradeBand band;
    band.word = trim_spaces(g.attribute("word").value());
    if (band.word.empty()) return invalid(g, "<grade> 缺少属性 word");
    band.aliases = split_words(g.attribute("aliases").value());
    if (auto e = number(g, "min", band.min)) return *e;
    if (!p.grades.empty()) {
      const GradeBand& above = p.grades.back();
      if (!above.min) return invalid(g, "等级 " + above.word + " 没有 min，只有最低一档可以没有分数线");
      if (band.min && *band.min >= *above.min) {
        return invalid(g, "等级应从高到低排列：" + band.word + " 的分数线 " + band.min->to_string() + " 不低于 " +
                              above.word + " 的 " + above.min->to_string());
      }
    }
    p.grades.push_back(std::move(band));
  }
  if (p.grades.empty()) return invalid(grades, "<grades> 中没有 <grade>");
  if (p.grades.back().min) {
    return invalid(grades, "最低一档等级 " + p.grades.back().word + " 不应有 min（低于上一档分数线的都属于它）");
  }

  // ---- qualitative, rounding, tolerance ------------------------------------------------------
  if (pugi::xml_node q = root.child("qualitative")) {
    std::optional<Decimal> a, b;
    if (auto e = number(q, "achieved", a)) return *e;
    if (auto e = number(q, "partial", b)) return *e;
    if (a) p.achieved = *a;
    if (b) p.partial = *b;
    if (!(p.partial < p.achieved && p.achieved <= Decimal::from_int(1))) {
      return invalid(q, "<qualitative> 应满足 0 ≤ partial < achieved ≤ 100%");
    }
  }
  if (pugi::xml_node r2 = root.child("rounding")) {
    std::string mode = r2.attribute("mode").value();
    if (!mode.empty() && mode != "half-up") {
      return invalid(r2, "<rounding mode=\"" + mode + "\"> 不支持：只有 half-up（四舍五入）");
    }
    if (pugi::xml_attribute d = r2.attribute("decimals")) {
      std::string t = d.value();
      if (t.size() != 1 || t[0] < '0' || t[0] > '6') return invalid(r2, "<rounding decimals=\"" + t + "\"> 应为 0 到 6");
      p.decimals = t[0] - '0';
    }
  }
  if (pugi::xml_node t = root.child("tolerance")) {
    std::optional<Decimal> per;
    if (auto e = number(t, "amount-per-addend", per)) return *e;
    if (per) p.amount_per_addend = *per;
    std::string exact = t.attribute("yuan-exact").value();
    if (!exact.empty() && exact != "true" && exact != "false") {
      return invalid(t, "<tolerance yuan-exact=\"" + exact + "\"> 只能是 true 或 false");
    }
    if (!exact.empty()) p.yuan_exact = exact == "true";
    std::string compare = t.attribute("compare").value();
    if (!compare.empty() && compare != "as-shown") {
      return invalid(t, "<tolerance compare=\"" + compare + "\"> 不支持：只有 as-shown（按表中显示的位数比较）");
    }
    if (pugi::xml_attribute s = t.attribute("rule-severity")) {
      bool ok;
      auto sev = parse_severity(s.value(), ok);
      if (!ok || !sev) return invalid(t, std::string("<tolerance rule-severity=\"") + s.value() + "\"> 应为 error、warning 或 info");
      p.rule_severity = *sev;
    }
    if (pugi::xml_attribute s = t.attribute("over-100")) {
      bool ok;
      auto sev = parse_severity(s.value(), ok);
      if (!ok) return invalid(t, std::string("<tolerance over-100=\"") + s.value() + "\"> 应为 error、warning、info 或 off");
      p.over_100 = sev;
    }
  }
  return p;
}

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

}  // namespace

const ProfileBlock* Profile::block(const std::string& key) const {
  for (const auto& b : blocks)
    if (b.key == key) return &b;
  return nullptr;
}

const GradeBand* Profile::grade_for(Decimal total) const {
  for (const auto& g : grades)
    if (!g.min || total >= *g.min) return &g;
  return nullptr;
}

const GradeBand* Profile::grade_named(const std::string& word) const {
  std::string w = normalize_text(word, TextPurpose::Label);
  auto find = [&](const std::string& x) -> const GradeBand* {
    for (const auto& g : grades) {
      if (normalize_text(g.word, TextPurpose::Label) == x) return &g;
      for (const auto& a : g.aliases)
        if (normalize_text(a, TextPurpose::Label) == x) return &g;
    }
    return nullptr;
  };
  if (const GradeBand* g = find(w)) return g;
  for (const char* suffix : {"等", "级", "档"}) {  // 优等, 良好级
    std::string s = suffix;
    if (w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0)
      if (const GradeBand* g = find(w.substr(0, w.size() - s.size()))) return g;
  }
  return nullptr;
}

Expected<Profile> load_profile_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostic d;
    d.code = "profile.unreadable";
    d.file = path.string();
    d.message = "评分方案 " + path.string() + "：无法打开文件，请检查路径和读取权限";
    return d;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return Loader(path, ss.str()).load();
}

Expected<Profile> find_profile(const std::string& id, const std::filesystem::path& data_dir) {
  Diagnostic d;
  d.code = "profile.not_found";
  if (!valid_id(id)) {
    d.message = "评分方案名 \"" + id + "\" 不合规：只能包含字母、数字、- 和 _";
    return d;
  }
  if (data_dir.empty()) {
    d.message = "找不到评分方案 \"" + id + "\"：没有数据目录（设置 JIXIAO_DATA_DIR 指向含 model/profiles 的目录）";
    return d;
  }
  auto path = data_dir / "model" / "profiles" / (id + ".xml");
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    d.file = path.string();
    d.message = "找不到评分方案 \"" + id + "\"：" + path.string() + " 不存在";
    return d;
  }
  auto p = load_profile_file(path);
  if (p && p->id != id) {
    Diagnostic e;
    e.code = "profile.invalid";
    e.file = path.string();
    e.message = "评分方案 " + path.string() + "：文件中的 id=\"" + p->id + "\" 与文件名 " + id + ".xml 不符";
    return e;
  }
  return p;
}

}  // namespace jixiao
