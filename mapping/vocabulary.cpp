#include "mapping/vocabulary.h"

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "mapping/label_text.h"

namespace jixiao {

namespace {

Diagnostic vocab_error(const std::string& file, int line, std::string message) {
  Diagnostic d;
  d.code = "vocabulary.invalid";
  d.file = file;
  d.message = "词汇表 " + std::filesystem::path(file).filename().string() + (line > 0 ? " 第 " + std::to_string(line) + " 行" : "") +
              "：" + std::move(message);
  return d;
}

void add_words(VocabWords& into, const std::string& raw, const std::string& origin) {
  into.raw += (into.raw.empty() ? "" : "|") + raw;
  for (auto& s : split_synonyms(raw)) {
    if (std::find(into.synonyms.begin(), into.synonyms.end(), s) != into.synonyms.end()) continue;
    into.synonyms.push_back(std::move(s));
    into.origins.push_back(origin);
  }
}

}  // namespace

const VocabWords* Vocabulary::column(const std::string& context, const std::string& field) const {
  auto it = columns.find({context, field});
  return it == columns.end() ? nullptr : &it->second;
}

std::string Vocabulary::group_of(const std::string& label) const {
  std::string c = canonical_label(label);
  for (const auto& [word, w] : groups)
    if (std::find(w.synonyms.begin(), w.synonyms.end(), c) != w.synonyms.end()) return word;
  return {};
}

std::string Vocabulary::band_of(const std::string& word) const {
  std::string c = canonical_label(word);
  for (const auto& [band, w] : grades)
    if (std::find(w.synonyms.begin(), w.synonyms.end(), c) != w.synonyms.end()) return band;
  return {};
}

std::optional<Diagnostic> load_vocabulary_file(const std::string& path, Vocabulary& into) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return vocab_error(path, 0, "无法打开文件");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const LineIndex lines(text);
  pugi::xml_document doc;
  auto res = doc.load_buffer(text.data(), text.size());
  if (!res) return vocab_error(path, lines.line_of(res.offset), std::string("XML 格式错误（") + res.description() + "）");
  pugi::xml_node root = doc.child("vocabulary");
  if (!root) return vocab_error(path, 0, "根元素应为 <vocabulary>");
  const std::string name = std::filesystem::path(path).filename().string();
  auto origin = [&](pugi::xml_node n) { return name + ":" + std::to_string(lines.line_of(n.offset_debug())); };
  auto words = [&](pugi::xml_node n) -> std::optional<std::string> {
    std::string w = n.attribute("words").as_string();
    if (split_synonyms(w).empty()) return std::nullopt;
    return w;
  };
  auto need = [&](pugi::xml_node n, const char* attr) -> std::optional<Diagnostic> {
    if (std::string(n.attribute(attr).as_string()).empty())
      return vocab_error(path, lines.line_of(n.offset_debug()), std::string("<") + n.name() + "> 缺少 " + attr + " 属性");
    return std::nullopt;
  };
  for (pugi::xml_node n : root.children()) {
    if (n.type() != pugi::node_element) continue;
    const std::string tag = n.name();
    const int line = lines.line_of(n.offset_debug());
    if (tag == "title" || tag == "block") {
      const char* key = tag == "title" ? "kind" : "id";
      if (auto e = need(n, key)) return e;
      auto w = words(n);
      if (!w) return vocab_error(path, line, "<" + tag + "> 缺少 words");
      add_words((tag == "title" ? into.titles : into.blocks)[n.attribute(key).as_string()], *w, origin(n));
    } else if (tag == "columns" || tag == "rows") {
      if (auto e = need(n, "context")) return e;
      const std::string context = n.attribute("context").as_string();
      for (pugi::xml_node c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string ctag = c.name();
        const int cline = lines.line_of(c.offset_debug());
        if (tag == "columns" && ctag == "column") {
          if (auto e = need(c, "field")) return e;
          const std::string field = c.attribute("field").as_string();
          if (std::string m = c.attribute("marker").as_string(); !m.empty()) {
            into.markers[{context, m}] = field;
            continue;
          }
          auto w = words(c);
          if (!w) return vocab_error(path, cline, "<column field=\"" + field + "\"> 缺少 words 或 marker");
          add_words(into.columns[{context, field}], *w, origin(c));
        } else if (tag == "rows" && ctag == "row") {
          if (auto e = need(c, "id")) return e;
          auto w = words(c);
          if (!w) return vocab_error(path, cline, "<row> 缺少 words");
          add_words(into.rows[{context, c.attribute("id").as_string()}], *w, origin(c));
        } else {
          return vocab_error(path, cline, "<" + tag + "> 中未知的元素 <" + ctag + ">");
        }
      }
    } else if (tag == "groups" || tag == "grades") {
      const char* child = tag == "groups" ? "group" : "grade";
      const char* key = tag == "groups" ? "word" : "band";
      for (pugi::xml_node g : n.children()) {
        if (g.type() != pugi::node_element) continue;
        const int gline = lines.line_of(g.offset_debug());
        if (std::string(g.name()) != child) return vocab_error(path, gline, "<" + tag + "> 中只能有 <" + child + ">");
        if (auto e = need(g, key)) return e;
        auto w = words(g);
        if (!w) return vocab_error(path, gline, std::string("<") + child + "> 缺少 words");
        add_words((tag == "groups" ? into.groups : into.grades)[g.attribute(key).as_string()], *w, origin(g));
      }
    } else {
      return vocab_error(path, line, "未知的元素 <" + tag + ">");
    }
  }
  return std::nullopt;
}

}  // namespace jixiao
