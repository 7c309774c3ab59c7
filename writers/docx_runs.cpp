#include "writers/docx_runs.h"

#include <cstring>

namespace jixiao::docx {

namespace {

bool is(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

void collect_runs(pugi::xml_node parent, std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node c : parent.children()) {
    if (c.type() != pugi::node_element) continue;
    if (is(c, "w:r")) {
      out.push_back(c);
    } else if (is(c, "w:hyperlink") || is(c, "w:ins") || is(c, "w:smartTag") || is(c, "w:fldSimple") ||
               is(c, "w:customXml") || is(c, "w:sdt") || is(c, "w:sdtContent") || is(c, "w:moveTo")) {
      collect_runs(c, out);
    }
  }
}

struct Segment {
  pugi::xml_node t;  // a w:t
  std::string text;
};

}  // namespace

std::vector<pugi::xml_node> text_runs(pugi::xml_node paragraph) {
  std::vector<pugi::xml_node> runs;
  collect_runs(paragraph, runs);
  return runs;
}

std::string paragraph_text(pugi::xml_node paragraph) {
  std::string s;
  for (pugi::xml_node r : text_runs(paragraph))
    for (pugi::xml_node c : r.children()) {
      if (is(c, "w:t")) s += c.text().get();
      else if (is(c, "w:tab")) s += '\t';
      else if (is(c, "w:br") || is(c, "w:cr")) s += '\n';
    }
  return s;
}

std::string tag_of(pugi::xml_node run) {
  pugi::xml_node t;
  for (pugi::xml_node c : run.children()) {
    if (is(c, "w:rPr")) continue;
    if (!is(c, "w:t") || t) return {};
    t = c;
  }
  if (!t) return {};
  std::string s = t.text().get();
  if (s.size() < 4 || s.compare(0, 2, "{{") != 0 || s.compare(s.size() - 2, 2, "}}") != 0) return {};
  if (s.find("{{", 2) != std::string::npos) return {};
  return s.substr(2, s.size() - 4);
}

void set_run_text(pugi::xml_node run, const std::string& text) {
  if (text.empty()) {
    run.parent().remove_child(run);
    return;
  }
  for (pugi::xml_node c = run.first_child(); c;) {
    pugi::xml_node next = c.next_sibling();
    if (!is(c, "w:rPr")) run.remove_child(c);
    c = next;
  }
  size_t i = 0;
  while (i <= text.size()) {
    size_t j = text.find_first_of("\n\t", i);
    std::string piece = text.substr(i, j == std::string::npos ? std::string::npos : j - i);
    if (!piece.empty()) {
      pugi::xml_node t = run.append_child("w:t");
      t.append_attribute("xml:space") = "preserve";
      t.text().set(piece.c_str());
    }
    if (j == std::string::npos) break;
    run.append_child(text[j] == '\n' ? "w:br" : "w:tab");
    i = j + 1;
  }
}

std::vector<pugi::xml_node> isolate_tags(pugi::xml_node paragraph) {
  // 1. gather: the text of every w:t in reading order
  std::vector<Segment> segs;
  std::string full;
  std::vector<size_t> start;  // offset of each segment in full
  for (pugi::xml_node r : text_runs(paragraph))
    for (pugi::xml_node c : r.children())
      if (is(c, "w:t")) {
        start.push_back(full.size());
        segs.push_back({c, c.text().get()});
        full += segs.back().text;
      }
  if (full.find("{{") == std::string::npos) return {};
  // the tags, as [begin, end) offsets in full
  std::vector<std::pair<size_t, size_t>> tags;
  for (size_t i = full.find("{{"); i != std::string::npos;) {
    size_t j = full.find("}}", i + 2);
    if (j == std::string::npos) break;
    size_t k = full.rfind("{{", j);  // "{{ {{x}}": the innermost opening
    tags.emplace_back(k, j + 2);
    i = full.find("{{", j + 2);
  }
  auto seg_of = [&](size_t off) {
    size_t s = 0;
    while (s + 1 < segs.size() && start[s + 1] <= off) ++s;
    return s;
  };
  // back to front, so that the offsets of the earlier tags stay valid
  for (auto it = tags.rbegin(); it != tags.rend(); ++it) {
    size_t a = seg_of(it->first), b = seg_of(it->second - 1);
    if (a == b) continue;
    std::string tag = full.substr(it->first, it->second - it->first);
    segs[a].text = segs[a].text.substr(0, it->first - start[a]) + tag;
    for (size_t s = a + 1; s < b; ++s) segs[s].text.clear();
    segs[b].text = segs[b].text.substr(it->second - start[b]);
    // the tail of segment b after this tag may hold the start of nothing earlier: offsets before
    // it->first are untouched, which is all the remaining (earlier) tags need
  }
  for (auto& s : segs) {
    s.t.text().set(s.text.c_str());
    if (!s.t.attribute("xml:space")) s.t.append_attribute("xml:space") = "preserve";
  }
  // 2. split: each tag in a run of its own
  std::vector<pugi::xml_node> tag_runs;
  for (pugi::xml_node r : text_runs(paragraph)) {
    bool has_tag = false;
    for (pugi::xml_node c : r.children())
      if (is(c, "w:t") && std::strstr(c.text().get(), "{{")) has_tag = true;
    if (!has_tag) {
      // drop runs the gathering emptied (only w:rPr and empty w:t left)
      bool empty = true;
      for (pugi::xml_node c : r.children())
        if (!is(c, "w:rPr") && !(is(c, "w:t") && !*c.text().get())) empty = false;
      if (empty) r.parent().remove_child(r);
      continue;
    }
    if (!tag_of(r).empty()) {
      tag_runs.push_back(r);
      continue;
    }
    pugi::xml_node rpr = r.child("w:rPr");
    pugi::xml_node parent = r.parent();
    auto new_run = [&]() {
      pugi::xml_node n = parent.insert_child_before("w:r", r);
      for (pugi::xml_attribute a : r.attributes()) n.append_attribute(a.name()) = a.value();
      if (rpr) n.append_copy(rpr);
      return n;
    };
    for (pugi::xml_node c : r.children()) {
      if (is(c, "w:rPr")) continue;
      if (!is(c, "w:t")) {
        new_run().append_copy(c);
        continue;
      }
      std::string s = c.text().get();
      size_t i = 0;
      while (i < s.size()) {
        size_t a = s.find("{{", i);
        size_t b = a == std::string::npos ? std::string::npos : s.find("}}", a + 2);
        if (a == std::string::npos || b == std::string::npos) a = b = s.size();
        else b += 2;
        if (a > i) {
          pugi::xml_node t = new_run().append_child("w:t");
          t.append_attribute("xml:space") = "preserve";
          t.text().set(s.substr(i, a - i).c_str());
        }
        if (b > a) {
          pugi::xml_node n = new_run();
          pugi::xml_node t = n.append_child("w:t");
          t.append_attribute("xml:space") = "preserve";
          t.text().set(s.substr(a, b - a).c_str());
          tag_runs.push_back(n);
        }
        i = b;
      }
    }
    parent.remove_child(r);
  }
  return tag_runs;
}

}  // namespace jixiao::docx
