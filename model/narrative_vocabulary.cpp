#include "model/narrative_vocabulary.h"

#include <fstream>
#include <sstream>

namespace jixiao::narrative {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

Diagnostic data_error(const std::filesystem::path& file, int line, std::string message) {
  Diagnostic d;
  d.code = "audit.data";
  d.file = file.string();
  d.cell = line > 0 ? "第" + std::to_string(line) + "行" : "";
  d.message = std::move(message);
  return d;
}

// Rows of a tab-separated data file without its # comments and blank lines.
Expected<std::vector<std::pair<int, std::vector<std::string>>>> rows(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return data_error(file, 0, "找不到 audit 的数据文件；请重新安装，或用环境变量 JIXIAO_DATA_DIR 指定数据目录");
  std::vector<std::pair<int, std::vector<std::string>>> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.emplace_back(n, split(line, '\t'));
  }
  return out;
}

}  // namespace

std::string canonical_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::string_view ch = s.substr(i, len);
    i += len;
    if (ch == "“" || ch == "”" || ch == "‘" || ch == "’" || ch == "\"" || ch == "'" || ch == "「" || ch == "」" ||
        ch == " " || ch == "《" || ch == "》")
      continue;
    if (ch == "（") out += '(';
    else if (ch == "）") out += ')';
    else out += ch;
  }
  return out;
}

void Vocabulary::index() {
  by_synonym.clear();
  for (size_t i = 0; i < figures.size(); ++i) {
    by_synonym.emplace(canonical_name(figures[i].name), i);
    for (const std::string& s : figures[i].synonyms) by_synonym.emplace(s, i);
  }
}

const FigureSpec* Vocabulary::figure(std::string_view name) const {
  auto it = by_synonym.find(canonical_name(name));
  return it == by_synonym.end() ? nullptr : &figures[it->second];
}

const FigureSpec* Vocabulary::figure_named(std::string_view spec_name) const {
  for (const FigureSpec& f : figures)
    if (f.name == spec_name) return &f;
  return nullptr;
}

std::vector<std::string> Vocabulary::codes_named(std::string_view name, std::string_view parent) const {
  std::vector<std::string> out;
  std::string want = canonical_name(name);
  for (const auto& [code, n] : class_names)
    if (canonical_name(n) == want && (parent.empty() || (code.size() == parent.size() + 2 && code.compare(0, parent.size(), parent) == 0)))
      out.push_back(code);
  return out;
}

std::vector<std::string> Vocabulary::children(std::string_view parent) const {
  std::vector<std::string> out;
  size_t len = parent.empty() ? 3 : parent.size() + 2;
  for (const auto& [code, n] : class_names)
    if (code.size() == len && code.compare(0, parent.size(), parent) == 0) out.push_back(code);
  return out;
}

Expected<Vocabulary> load_vocabulary(const std::filesystem::path& dir) {
  Vocabulary v;
  auto figures = rows(dir / "figures.tsv");
  if (!figures) return figures.error();
  for (auto& [line, cols] : *figures) {
    if (cols.size() != 6)
      return data_error(dir / "figures.tsv", line, "应有 6 列（name synonyms actual budget parts unique），实际 " +
                                                       std::to_string(cols.size()) + " 列");
    FigureSpec f;
    f.name = cols[0];
    for (const std::string& s : split(cols[1], '|'))
      if (!s.empty()) f.synonyms.push_back(canonical_name(s));
    for (const std::string& s : split(cols[2], '|'))
      if (!s.empty()) f.actual.push_back(s);
    for (const std::string& s : split(cols[3], '|'))
      if (!s.empty()) f.budget.push_back(s);
    for (const std::string& s : split(cols[4], '+'))
      if (!s.empty()) f.parts.push_back(s);
    f.unique = cols[5] == "1";
    v.figures.push_back(std::move(f));
  }
  auto classes = rows(dir / "function_classes.tsv");
  if (!classes) return classes.error();
  for (auto& [line, cols] : *classes) {
    if (cols.size() != 2) return data_error(dir / "function_classes.tsv", line, "应有 2 列（code name）");
    v.class_names[cols[0]] = cols[1];
  }
  v.index();
  return v;
}

}  // namespace jixiao::narrative
