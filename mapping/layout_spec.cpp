#include "mapping/layout_spec.h"

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

#include "mapping/label_text.h"
#include "model/record_schema.h"

namespace jixiao {

ValueType parse_value_type(const std::string& s) {
  if (s == "number") return ValueType::Number;
  if (s == "amount") return ValueType::Amount;
  if (s == "rate") return ValueType::Rate;
  if (s == "date") return ValueType::Date;
  return ValueType::Text;
}

LabelSpec make_label(const std::string& raw) { return LabelSpec{raw, split_synonyms(raw), {}}; }

std::string LabelSpec::origin_of(const std::string& canon, const std::string& layout_file) const {
  for (size_t i = 0; i < synonyms.size(); ++i)
    if (synonyms[i] == canon)
      return i < origins.size() && !origins[i].empty() ? origins[i]
                                                        : std::filesystem::path(layout_file).filename().string();
  return {};
}

// "本年支出/小计" -> levels; a '/' inside brackets ("执行率（B/A）") does not split.
std::vector<LabelSpec> make_levels(const std::string& raw) {
  std::vector<LabelSpec> out;
  std::string cur;
  int depth = 0;
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string_view rest(raw.data() + i, raw.size() - i);
    if (raw[i] == '(' || rest.rfind("（", 0) == 0) ++depth;
    if ((raw[i] == ')' || rest.rfind("）", 0) == 0) && depth > 0) --depth;
    if (raw[i] == '/' && depth == 0) {
      out.push_back(make_label(cur));
      cur.clear();
      continue;
    }
    cur += raw[i];
  }
  out.push_back(make_label(cur));
  return out;
}

namespace {

std::string attr(pugi::xml_node n, const char* name) { return n.attribute(name).as_string(); }

bool known_type(const std::string& t) {
  return t.empty() || t == "text" || t == "number" || t == "amount" || t == "rate" || t == "date";
}

bool matches_any(const LabelSpec& l, const std::string& canon) {
  return std::find(l.synonyms.begin(), l.synonyms.end(), canon) != l.synonyms.end();
}

// The value type a field reads as when the layout does not say: from the record schema.
ValueType type_of(const FieldDef* d) {
  if (!d) return ValueType::Text;
  switch (d->type) {
    case FieldType::Amount: return ValueType::Amount;
    case FieldType::Rate: return ValueType::Rate;
    case FieldType::Score:
    case FieldType::Weight:
    case FieldType::Number: return ValueType::Number;
    case FieldType::Date: return ValueType::Date;
    default: return ValueType::Text;
  }
}

// Reads one layout file: its text is kept for line numbers in messages.
class Loader {
 public:
  Loader(std::string path, std::shared_ptr<const Vocabulary> vocab, bool check_patterns = true)
      : path_(std::move(path)), vocab_(std::move(vocab)), check_patterns_(check_patterns) {}

  Expected<LayoutSpec> load() {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return error(pugi::xml_node(), "无法打开文件，请检查路径和读取权限");
    std::stringstream ss;
    ss << in.rdbuf();
    return load_text(ss.str());
  }

  Expected<LayoutSpec> load_text(std::string text) {
    text_ = std::move(text);
    pugi::xml_document doc;
    auto res = doc.load_buffer(text_.data(), text_.size());
    if (!res) return error_at(res.offset, std::string("XML 格式错误（") + res.description() + "）");
    pugi::xml_node root = doc.child("layout");
    if (!root) return error(pugi::xml_node(), "根元素应为 <layout>");
    spec_.file = path_;
    spec_.vocabulary = vocab_;
    spec_.id = attr(root, "id");
    spec_.kind = attr(root, "kind");
    spec_.profile = attr(root, "profile");
    spec_.name = attr(root, "name");
    spec_.threshold = root.attribute("threshold").as_double(0.75);
    if (spec_.id.empty() || spec_.kind.empty()) return error(root, "<layout> 缺少 id 或 kind 属性");
    if (!record_kind(spec_.kind)) return error(root, schema_complaint(spec_.kind, ""));
    for (pugi::xml_node n : root.children()) {
      if (n.type() != pugi::node_element) continue;
      if (auto e = element(n)) return *e;
    }
    for (TableSpec& t : spec_.tables)
      for (const TableSpec& other : spec_.tables) {
        if (&other == &t || other.block.empty()) continue;
        for (size_t k = 0; k < other.block.synonyms.size(); ++k)
          if (!matches_any(t.block, other.block.synonyms[k])) t.stop.synonyms.push_back(other.block.synonyms[k]);
      }
    return std::move(spec_);
  }

 private:
  std::string path_, text_;
  std::shared_ptr<const Vocabulary> vocab_;
  bool check_patterns_ = true;
  LayoutSpec spec_;

  Diagnostic error_at(ptrdiff_t offset, std::string message) const {
    Diagnostic d;
    d.code = "layout.invalid";
    d.file = path_;
    int line = LineIndex(text_).line_of(offset);  // the line, not the byte offset: what a person editing the file needs
    d.message = "版式文件 " + std::filesystem::path(path_).filename().string() +
                (line > 0 ? " 第 " + std::to_string(line) + " 行" : "") + "有误：" + std::move(message);
    return d;
  }
  Diagnostic error(pugi::xml_node n, std::string message) const {
    return error_at(n ? n.offset_debug() : -1, std::move(message));
  }

  // A field the record schema of this kind does not have is refused: a typo would otherwise fill a
  // field nobody reads.
  std::optional<Diagnostic> known(pugi::xml_node n, const std::string& path) const {
    if (path.empty() || schema_field(spec_.kind, path)) return std::nullopt;
    return error(n, schema_complaint(spec_.kind, path));
  }

  // Words written in the layout, with "@name" tokens taken from the vocabulary: a block, a title, a
  // row of the table's context (or of any table), a column of the context.
  Expected<LabelSpec> words(pugi::xml_node n, const std::string& raw, const std::string& context) const {
    LabelSpec out;
    out.raw = raw;
    size_t i = 0;
    while (i <= raw.size()) {
      size_t j = raw.find('|', i);
      if (j == std::string::npos) j = raw.size();
      std::string token = raw.substr(i, j - i);
      i = j + 1;
      std::string t = canonical_label(token);
      if (t.empty()) continue;
      if (token.find('@') != std::string::npos) {
        std::string name = token.substr(token.find('@') + 1);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\n')) name.pop_back();
        const VocabWords* w = resolve(name, context);
        if (!w) return error(n, "词汇表中没有 “@" + name + "”（见 mapping/layouts/vocabulary.xml）");
        append(out, *w);
        if (out.raw.rfind("@", 0) == 0 && !w->synonyms.empty()) out.raw = w->synonyms.front();  // for messages
        continue;
      }
      if (std::find(out.synonyms.begin(), out.synonyms.end(), t) == out.synonyms.end()) {
        out.synonyms.push_back(t);
        out.origins.emplace_back();
      }
    }
    return out;
  }
  static void append(LabelSpec& into, const VocabWords& w) {
    into.origins.resize(into.synonyms.size());
    for (size_t k = 0; k < w.synonyms.size(); ++k) {
      if (std::find(into.synonyms.begin(), into.synonyms.end(), w.synonyms[k]) != into.synonyms.end()) continue;
      into.synonyms.push_back(w.synonyms[k]);
      into.origins.push_back(k < w.origins.size() ? w.origins[k] : std::string{});
    }
  }
  const VocabWords* resolve(const std::string& name, const std::string& context) const {
    if (!vocab_) return nullptr;
    const Vocabulary& v = *vocab_;
    if (auto it = v.rows.find({context, name}); it != v.rows.end()) return &it->second;
    if (auto it = v.rows.find({"any", name}); it != v.rows.end()) return &it->second;
    if (auto it = v.blocks.find(name); it != v.blocks.end()) return &it->second;
    if (auto it = v.titles.find(name); it != v.titles.end()) return &it->second;
    if (auto* c = v.column(context, name)) return c;
    return nullptr;
  }

  std::optional<Diagnostic> check_type(pugi::xml_node n) const {
    std::string t = attr(n, "type");
    if (!known_type(t)) return error(n, "未知的 type=\"" + t + "\"（应为 text/number/amount/rate/date）");
    return std::nullopt;
  }

  std::optional<Diagnostic> element(pugi::xml_node n) {
    const std::string tag = n.name();
    if (tag == "anchor" || tag == "exclude") return anchor(n, tag);
    if (tag == "value") return value(n);
    if (tag == "table") return table(n);
    if (tag == "crosstab") return crosstab(n);
    return error(n, "未知的元素 <" + tag + ">");
  }

  std::optional<Diagnostic> anchor(pugi::xml_node n, const std::string& tag) {
    AnchorSpec a;
    a.weight = n.attribute("weight").as_double(1);
    std::string raw = attr(n, "label");
    if (std::string title = attr(n, "title"); !title.empty()) {
      if (!vocab_ || !vocab_->titles.count(title)) return error(n, "词汇表中没有标题 title=\"" + title + "\"");
      raw = raw.empty() ? "@" + title : raw + "|@" + title;
      a.title = true;
    }
    auto l = words(n, raw, "");
    if (!l) return l.error();
    a.label = std::move(*l);
    if (a.label.empty()) return error(n, "<" + tag + "> 缺少 label 或 title");
    (tag == "anchor" ? spec_.anchors : spec_.excludes).push_back(std::move(a));
    return std::nullopt;
  }

  std::optional<Diagnostic> value(pugi::xml_node n) {
    if (auto e = check_type(n)) return e;
    ValueSpec v;
    v.field = attr(n, "field");
    if (auto e = known(n, v.field)) return e;
    auto l = words(n, attr(n, "label"), "");
    if (!l) return l.error();
    v.label = std::move(*l);
    v.pattern = attr(n, "pattern");
    v.read = attr(n, "read");
    if (!v.read.empty() && v.read != "year") return error(n, "未知的 read=\"" + v.read + "\"（应为 year）");
    v.constant = attr(n, "const");
    v.from = attr(n, "from");
    v.unit = attr(n, "unit");
    {
      // "@score": the words of a column in the context the value names (vocab="…", default the indicators).
      auto col = words(n, attr(n, "column"), n.attribute("vocab") ? attr(n, "vocab") : std::string("indicators"));
      if (!col) return col.error();
      v.column = std::move(*col);
    }
    v.type = n.attribute("type") ? parse_value_type(attr(n, "type")) : type_of(schema_field(spec_.kind, v.field));
    if (v.from == "label" && !n.attribute("type")) v.type = ValueType::Number;
    v.optional = n.attribute("optional").as_bool(false);
    v.weight = n.attribute("weight").as_double(v.optional ? 0.5 : 1);
    v.nth = std::max(1, n.attribute("nth").as_int(1));
    if (v.field.empty() || (v.label.empty() && v.pattern.empty() && v.constant.empty() && v.read.empty()))
      return error(n, "<value> 需要 field，以及 label、pattern、read 或 const");
    if (!v.pattern.empty()) {
      std::string why;
      if (check_patterns_ && !TextRegex::compile(v.pattern, &why))
        return error(n, "<value field=\"" + v.field + "\"> 的 pattern 不是有效的正则表达式：" + v.pattern + "（" + why + "）");
      v.regex = std::make_shared<DeferredRegex>(v.pattern);
    }
    spec_.values.push_back(std::move(v));
    return std::nullopt;
  }

  // The vocabulary context of a table: as written, else the block, list or prefix it fills.
  std::string context_of(pugi::xml_node n) const {
    if (n.attribute("vocab")) return attr(n, "vocab");
    // The 决算 tables are national forms with their own fixed words: only an explicit vocab="…".
    if (spec_.kind == "final_accounts_table" || spec_.kind == "report_facts") return {};
    std::string block = attr(n, "block");
    if (block.rfind("@", 0) == 0) {
      std::string id = block.substr(1, block.find('|') == std::string::npos ? std::string::npos : block.find('|') - 1);
      return id;
    }
    for (const char* a : {"list", "prefix"}) {
      std::string s = attr(n, a);
      if (!s.empty()) return s == "funds.sources" ? "funds" : s;
    }
    return {};
  }

  std::optional<Diagnostic> table(pugi::xml_node n) {
    TableSpec t;
    t.vocab = context_of(n);
    auto block = words(n, attr(n, "block"), t.vocab);
    if (!block) return block.error();
    t.block = std::move(*block);
    t.block_optional = n.attribute("block-optional").as_bool(false);
    t.occurrence = std::max(1, n.attribute("occurrence").as_int(1));
    t.single_row = n.attribute("single-row").as_bool(false);
    t.prefix = attr(n, "prefix");
    t.list = attr(n, "list");
    t.weight = n.attribute("weight").as_double(1);
    // Where a column's value goes, for the schema: a list entry, prefix.field, or the field itself.
    auto column_path = [&](const std::string& field) {
      if (!t.list.empty()) return t.list + "." + field;
      if (!t.prefix.empty()) return t.prefix + "." + field;
      return field;
    };
    std::vector<std::pair<pugi::xml_node, std::string>> written;  // (node, path) checked at the end
    std::vector<bool> typed;  // per column: the layout wrote its type
    for (pugi::xml_node c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string ctag = c.name();
      if (ctag == "column") {
        if (auto e = check_type(c)) return e;
        ColumnSpec col;
        col.field = attr(c, "field");
        if (col.field.empty()) return error(c, "<column> 需要 field");
        std::string all = attr(c, "label");
        const VocabWords* vw = vocab_ && !t.vocab.empty() ? vocab_->column(t.vocab, col.field) : nullptr;
        if (all.empty() && !vw)
          return error(c, "<column field=\"" + col.field + "\"> 需要 label（词汇表的 " + (t.vocab.empty() ? "（无）" : t.vocab) +
                              " 中没有这一列）");
        size_t i = 0;
        while (!all.empty() && i <= all.size()) {
          size_t j = all.find(';', i);
          if (j == std::string::npos) j = all.size();
          col.paths.push_back(make_levels(all.substr(i, j - i)));
          i = j + 1;
        }
        // The vocabulary's words for this column: one more header path of one level (and added to a
        // one-level path the layout wrote, so a synonym learned once serves every layout).
        if (vw && c.attribute("vocab").as_bool(true)) {
          if (!col.paths.empty() && col.paths.front().size() == 1) {
            append(col.paths.front().front(), *vw);
          } else {
            LabelSpec l;
            l.raw = vw->raw;
            append(l, *vw);
            col.paths.push_back({std::move(l)});
          }
        }
        if (col.paths.empty())
          return error(c, "<column field=\"" + col.field + "\"> 没有表头：label 为空，且 vocab=\"false\" 不用词汇表的词");
        for (const auto& p : col.paths) {
          if (p.empty()) return error(c, "<column> 的 label 中有空的表头：" + all);
          for (const auto& level : p)
            if (level.empty()) return error(c, "<column> 的 label 中有空的表头层级：" + all);
        }
        col.label = col.paths.front().back();
        if (all.empty()) col.label.raw = col.label.synonyms.front();
        col.row_label = c.attribute("row-label").as_bool(false);
        col.fill_down = attr(c, "fill") == "down";
        col.weight_field = attr(c, "weight-field");
        col.optional = c.attribute("optional").as_bool(false);
        if (vocab_)
          for (const auto& [key, field] : vocab_->markers)
            if (key.first == t.vocab && field == col.field) col.marker = key.second;
        const bool stored = !col.row_label && (!t.list.empty() || !t.prefix.empty() || t.single_row);
        const std::string path = column_path(col.field);
        col.type = parse_value_type(attr(c, "type"));
        typed.push_back(static_cast<bool>(c.attribute("type")));
        if (stored) written.emplace_back(c, path);
        if (!col.weight_field.empty()) written.emplace_back(c, column_path(col.weight_field));
        t.columns.push_back(std::move(col));
      } else if (ctag == "row") {
        RowSpec r;
        auto l = words(c, attr(c, "label"), t.vocab);
        if (!l) return l.error();
        r.label = std::move(*l);
        r.field = attr(c, "field");
        r.column = attr(c, "column");
        r.prefix = r.field.empty() ? (attr(c, "prefix").empty() ? t.prefix : attr(c, "prefix")) : std::string{};
        r.occurrence = std::max(1, c.attribute("occurrence").as_int(1));
        r.or_first = c.attribute("or-first").as_bool(false);
        if (r.label.empty()) return error(c, "<row> 缺少 label");
        if (!r.field.empty()) {
          if (auto e = known(c, r.field)) return e;
        }
        t.rows.push_back(std::move(r));
      } else if (ctag == "rows") {
        t.other_rows_list = attr(c, "list");
        t.other_label_field = attr(c, "label-field");
        t.skip_blank_rows = c.attribute("skip-blank").as_bool(false);
        if (!t.other_rows_list.empty() && !schema_field(spec_.kind, t.other_rows_list) &&
            !(record_kind(spec_.kind) && record_kind(spec_.kind)->has_list(t.other_rows_list)))
          return error(c, schema_complaint(spec_.kind, t.other_rows_list));
        if (!t.other_label_field.empty()) written.emplace_back(c, t.other_rows_list + "." + t.other_label_field);
      } else if (ctag == "skip") {
        auto l = words(c, attr(c, "label"), t.vocab);
        if (!l) return l.error();
        t.skip = std::move(*l);
      } else if (ctag == "total") {
        auto l = words(c, attr(c, "label").empty() ? std::string("@total") : attr(c, "label"), t.vocab);
        if (!l) return l.error();
        t.total = std::move(*l);
        t.total_prefix = attr(c, "prefix");
        t.total_continues = attr(c, "then") == "continue";
      } else if (ctag == "end") {
        auto l = words(c, attr(c, "label"), t.vocab);
        if (!l) return l.error();
        t.end = std::move(*l);
      } else {
        return error(c, "<table> 中未知的元素 <" + ctag + ">");
      }
    }
    if (t.columns.empty()) return error(n, "<table> 至少需要一个 <column>");
    if (t.prefix.empty() && t.list.empty() && t.rows.empty() && !t.single_row)
      return error(n, "<table> 需要 prefix、list、single-row 或 <row> 之一");
    // A column whose type the layout does not write reads as the schema's type of the field it fills:
    // in a list entry, under the table's prefix, or under a named row's prefix.
    for (size_t k = 0; k < t.columns.size(); ++k) {
      ColumnSpec& col = t.columns[k];
      if (typed[k] || col.row_label) continue;
      std::vector<std::string> paths{column_path(col.field)};
      for (const RowSpec& r : t.rows)
        if (!r.prefix.empty()) paths.push_back(r.prefix + "." + col.field);
      if (!t.other_rows_list.empty()) paths.push_back(t.other_rows_list + "." + col.field);
      for (const auto& p : paths)
        if (const FieldDef* d = schema_field(spec_.kind, p)) {
          col.type = type_of(d);
          break;
        }
    }
    // Named rows and the totals row write prefix.field for each value column.
    for (const ColumnSpec& col : t.columns) {
      if (col.row_label) continue;
      for (const RowSpec& r : t.rows)
        if (!r.prefix.empty()) written.emplace_back(n, r.prefix + "." + col.field);
      if (!t.other_rows_list.empty()) written.emplace_back(n, t.other_rows_list + "." + col.field);
      if (!t.total_prefix.empty() && col.type != ValueType::Text && col.type != ValueType::Date)
        written.emplace_back(n, t.total_prefix.back() == '_' ? t.total_prefix + col.field : t.total_prefix + "." + col.field);
    }
    for (const auto& [node, path] : written)
      if (auto e = known(node, path)) return e;
    spec_.tables.push_back(std::move(t));
    return std::nullopt;
  }

  std::optional<Diagnostic> crosstab(pugi::xml_node n) {
    CrosstabSpec x;
    x.list = attr(n, "list");
    auto corner = words(n, attr(n, "corner"), x.list);
    if (!corner) return corner.error();
    x.corner = std::move(*corner);
    x.key = attr(n, "key");
    auto total = words(n, attr(n, "total"), x.list);
    if (!total) return total.error();
    x.total = std::move(*total);
    x.total_prefix = attr(n, "total-prefix");
    x.weight = n.attribute("weight").as_double(1);
    if (auto e = known(n, x.list + "." + x.key)) return e;
    for (pugi::xml_node r : n.children("row")) {
      if (auto e = check_type(r)) return e;
      std::string field = attr(r, "field");
      if (auto e = known(r, x.list + "." + field)) return e;
      if (!x.total_prefix.empty())
        if (auto e = known(r, x.total_prefix + field)) return e;
      auto l = words(r, attr(r, "label"), x.list);
      if (!l) return l.error();
      x.rows.push_back({field, std::move(*l), r.attribute("type") ? parse_value_type(attr(r, "type")) : ValueType::Number});
    }
    if (x.list.empty() || x.corner.empty() || x.rows.empty()) return error(n, "<crosstab> 需要 list、corner 和至少一个 <row>");
    spec_.crosstabs.push_back(std::move(x));
    return std::nullopt;
  }
};

bool is_vocabulary_file(const std::filesystem::path& p) {
  return p.filename().string().rfind("vocabulary", 0) == 0 && p.extension() == ".xml";
}

Diagnostic dir_error(const std::string& dir, const std::string& why) {
  Diagnostic d;
  d.code = "layout.invalid";
  d.file = dir;
  d.message = "无法读取版式目录 " + dir + "（" + why + "）";
  return d;
}

}  // namespace

Expected<LayoutSpec> load_layout_file(const std::string& path, std::shared_ptr<const Vocabulary> vocabulary,
                                      bool check_patterns) {
  return Loader(path, std::move(vocabulary), check_patterns).load();
}

Expected<LayoutSpec> load_layout_text(const std::string& text, const std::string& name,
                                      std::shared_ptr<const Vocabulary> vocabulary) {
  return Loader(name, std::move(vocabulary)).load_text(text);
}

Expected<std::vector<LayoutSpec>> load_layouts(const std::vector<std::string>& dirs) {
  std::vector<std::vector<std::filesystem::path>> files(dirs.size());
  for (size_t i = 0; i < dirs.size(); ++i) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dirs[i], ec))
      if (e.path().extension() == ".xml") files[i].push_back(e.path());
    if (ec) return dir_error(dirs[i], ec.message());
    std::sort(files[i].begin(), files[i].end());
  }
  auto vocab = std::make_shared<Vocabulary>();
  for (const auto& list : files)
    for (const auto& f : list)
      if (is_vocabulary_file(f))
        if (auto e = load_vocabulary_file(f.string(), *vocab)) return *e;
  std::shared_ptr<const Vocabulary> shared = vocab;
  std::vector<LayoutSpec> out;
  for (size_t i = 0; i < files.size(); ++i)
    for (const auto& f : files[i]) {
      if (is_vocabulary_file(f)) continue;
      auto spec = load_layout_file(f.string(), shared, i > 0);
      if (!spec) return spec.error();
      out.push_back(std::move(spec).value());
    }
  return out;
}

Expected<std::vector<LayoutSpec>> load_layouts(const std::string& dir) { return load_layouts(std::vector<std::string>{dir}); }

}  // namespace jixiao
