#include "mapping/layout_spec.h"

#include <pugixml.hpp>

#include <algorithm>
#include <string_view>
#include <filesystem>
#include <regex>

#include "mapping/label_text.h"

namespace jixiao {

ValueType parse_value_type(const std::string& s) {
  if (s == "number") return ValueType::Number;
  if (s == "amount") return ValueType::Amount;
  if (s == "rate") return ValueType::Rate;
  if (s == "date") return ValueType::Date;
  return ValueType::Text;
}

LabelSpec make_label(const std::string& raw) { return LabelSpec{raw, split_synonyms(raw)}; }

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

Diagnostic spec_error(const std::string& file, std::string message, int64_t offset = -1) {
  Diagnostic d;
  d.code = "layout.invalid";
  d.file = file;
  d.offset = offset;
  d.message = "版式文件有误：" + std::move(message);
  return d;
}

std::string attr(pugi::xml_node n, const char* name) { return n.attribute(name).as_string(); }

bool known_type(const std::string& t) {
  return t.empty() || t == "text" || t == "number" || t == "amount" || t == "rate" || t == "date";
}

}  // namespace

Expected<LayoutSpec> load_layout_file(const std::string& path) {
  pugi::xml_document doc;
  auto res = doc.load_file(path.c_str());
  if (!res) return spec_error(path, std::string("XML 格式错误（") + res.description() + "）", res.offset);
  pugi::xml_node root = doc.child("layout");
  if (!root) return spec_error(path, "根元素应为 <layout>");
  LayoutSpec spec;
  spec.file = path;
  spec.id = attr(root, "id");
  spec.kind = attr(root, "kind");
  spec.profile = attr(root, "profile");
  spec.name = attr(root, "name");
  spec.threshold = root.attribute("threshold").as_double(0.75);
  if (spec.id.empty() || spec.kind.empty()) return spec_error(path, "<layout> 缺少 id 或 kind 属性");

  auto check_type = [&](pugi::xml_node n) -> std::optional<Diagnostic> {
    std::string t = attr(n, "type");
    if (!known_type(t)) return spec_error(path, "未知的 type=\"" + t + "\"（应为 text/number/amount/rate/date）");
    return std::nullopt;
  };

  for (pugi::xml_node n : root.children()) {
    std::string tag = n.name();
    if (n.type() != pugi::node_element) continue;
    if (tag == "anchor" || tag == "exclude") {
      AnchorSpec a{make_label(attr(n, "label")), n.attribute("weight").as_double(1)};
      if (a.label.empty()) return spec_error(path, "<" + tag + "> 缺少 label");
      (tag == "anchor" ? spec.anchors : spec.excludes).push_back(std::move(a));
    } else if (tag == "value") {
      if (auto e = check_type(n)) return *e;
      ValueSpec v;
      v.field = attr(n, "field");
      v.label = make_label(attr(n, "label"));
      v.pattern = attr(n, "pattern");
      v.constant = attr(n, "const");
      v.from = attr(n, "from");
      v.unit = attr(n, "unit");
      v.column = make_label(attr(n, "column"));
      v.type = parse_value_type(attr(n, "type"));
      v.optional = n.attribute("optional").as_bool(false);
      v.weight = n.attribute("weight").as_double(v.optional ? 0.5 : 1);
      if (v.field.empty() || (v.label.empty() && v.pattern.empty() && v.constant.empty()))
        return spec_error(path, "<value> 需要 field，以及 label、pattern 或 const");
      if (!v.pattern.empty()) {
        try {
          v.regex = std::make_shared<const std::regex>(v.pattern);
        } catch (const std::regex_error& e) {
          return spec_error(path, "<value field=\"" + v.field + "\"> 的 pattern 不是有效的正则表达式：" + v.pattern);
        }
      }
      spec.values.push_back(std::move(v));
    } else if (tag == "table") {
      TableSpec t;
      t.block = make_label(attr(n, "block"));
      t.block_optional = n.attribute("block-optional").as_bool(false);
      t.occurrence = std::max(1, n.attribute("occurrence").as_int(1));
      t.single_row = n.attribute("single-row").as_bool(false);
      t.prefix = attr(n, "prefix");
      t.list = attr(n, "list");
      t.weight = n.attribute("weight").as_double(1);
      for (pugi::xml_node c : n.children()) {
        std::string ctag = c.name();
        if (c.type() != pugi::node_element) continue;
        if (ctag == "column") {
          if (auto e = check_type(c)) return *e;
          ColumnSpec col;
          col.field = attr(c, "field");
          {
            std::string all = attr(c, "label");
            size_t i = 0;
            while (i <= all.size()) {
              size_t j = all.find(';', i);
              if (j == std::string::npos) j = all.size();
              col.paths.push_back(make_levels(all.substr(i, j - i)));
              i = j + 1;
            }
          }
          col.label = col.paths.front().back();
          col.row_label = c.attribute("row-label").as_bool(false);
          col.type = parse_value_type(attr(c, "type"));
          col.fill_down = attr(c, "fill") == "down";
          col.weight_field = attr(c, "weight-field");
          col.optional = c.attribute("optional").as_bool(false);
          if (col.field.empty() || col.label.empty()) return spec_error(path, "<column> 需要 field 和 label");
          for (const auto& p : col.paths)
            for (const auto& level : p)
              if (level.empty()) return spec_error(path, "<column> 的 label 中有空的表头层级：" + attr(c, "label"));
          t.columns.push_back(std::move(col));
        } else if (ctag == "row") {
          RowSpec r;
          r.label = make_label(attr(c, "label"));
          r.field = attr(c, "field");
          r.column = attr(c, "column");
          r.prefix = r.field.empty() ? (attr(c, "prefix").empty() ? t.prefix : attr(c, "prefix")) : std::string{};
          r.occurrence = std::max(1, c.attribute("occurrence").as_int(1));
          if (r.label.empty()) return spec_error(path, "<row> 缺少 label");
          t.rows.push_back(std::move(r));
        } else if (ctag == "rows") {
          t.other_rows_list = attr(c, "list");
          t.other_label_field = attr(c, "label-field");
          t.skip_blank_rows = c.attribute("skip-blank").as_bool(false);
        } else if (ctag == "skip") {
          t.skip = make_label(attr(c, "label"));
        } else if (ctag == "total") {
          t.total = make_label(attr(c, "label"));
          t.total_prefix = attr(c, "prefix");
          t.total_continues = attr(c, "then") == "continue";
        } else if (ctag == "end") {
          t.end = make_label(attr(c, "label"));
        } else {
          return spec_error(path, "<table> 中未知的元素 <" + ctag + ">");
        }
      }
      if (t.columns.empty()) return spec_error(path, "<table> 至少需要一个 <column>");
      if (t.prefix.empty() && t.list.empty() && t.rows.empty() && !t.single_row)
        return spec_error(path, "<table> 需要 prefix、list、single-row 或 <row> 之一");
      spec.tables.push_back(std::move(t));
    } else if (tag == "crosstab") {
      CrosstabSpec x;
      x.list = attr(n, "list");
      x.corner = make_label(attr(n, "corner"));
      x.key = attr(n, "key");
      x.total = make_label(attr(n, "total"));
      x.total_prefix = attr(n, "total-prefix");
      x.weight = n.attribute("weight").as_double(1);
      for (pugi::xml_node r : n.children("row")) {
        if (auto e = check_type(r)) return *e;
        x.rows.push_back({attr(r, "field"), make_label(attr(r, "label")),
                          r.attribute("type") ? parse_value_type(attr(r, "type")) : ValueType::Number});
      }
      if (x.list.empty() || x.corner.empty() || x.rows.empty())
        return spec_error(path, "<crosstab> 需要 list、corner 和至少一个 <row>");
      spec.crosstabs.push_back(std::move(x));
    } else {
      return spec_error(path, "未知的元素 <" + tag + ">");
    }
  }
  return spec;
}

Expected<std::vector<LayoutSpec>> load_layouts(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    if (e.path().extension() == ".xml") files.push_back(e.path().string());
  if (ec) return spec_error(dir, "无法读取版式目录（" + ec.message() + "）");
  std::sort(files.begin(), files.end());
  std::vector<LayoutSpec> out;
  for (const auto& f : files) {
    auto spec = load_layout_file(f);
    if (!spec) return spec.error();
    out.push_back(std::move(spec).value());
  }
  return out;
}

}  // namespace jixiao
