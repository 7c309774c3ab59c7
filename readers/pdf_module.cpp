// PDF text through poppler's C++ API (Debian libpoppler-cpp-dev): the words of each page in poppler's
// reading order (its text layout analysis puts one column after the other), gathered back into lines by
// their boxes, lines into paragraphs by their geometry, and paragraphs that a page break cut joined.
//
// Built as a module of its own (jixiao_pdf.so) that readers/pdf_text.cpp loads on the first PDF:
// poppler and the twenty libraries it pulls in (NSS, freetype, fontconfig, image codecs) took 5 ms of
// every jixiao start-up, PDF or not. Only header-only types cross the boundary.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <string_view>
#include <vector>

#include "readers/document_text.h"

namespace jixiao {

namespace {

struct Line {
  std::string text;
  double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  bool space_after = false;  // the last word is followed by a space
  double lead = 0;           // width of what it starts with that cannot be broken: a number, or one character
};

struct Para {
  std::string text;
  int page = 0;
  bool open_end = false;   // its last line runs to the right margin: it may go on on the next page
};

std::string utf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}

bool is_ascii_word_char(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 10 页", "3/10": a page number, not text.
bool is_page_number(std::string_view t) {
  std::string s;
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == ' ' || c == '-' || c == '/') continue;
    if (t.substr(i, 3) == "—" || t.substr(i, 3) == "第" || t.substr(i, 3) == "页" || t.substr(i, 3) == "共") {
      i += 2;
      continue;
    }
    if (c < '0' || c > '9') return false;
    s += static_cast<char>(c);
  }
  return !s.empty() && s.size() <= 4;
}

std::vector<Line> page_lines(poppler::page& page) {
  std::vector<Line> lines;
  for (poppler::text_box& box : page.text_list()) {
    std::string word = utf8(box.text());
    if (word.empty()) continue;
    poppler::rectf r = box.bbox();
    double x1 = r.left(), x2 = r.right(), y1 = r.top(), y2 = r.bottom();
    bool same_line = false;
    if (!lines.empty()) {
      Line& l = lines.back();
      double mid = (y1 + y2) / 2;
      same_line = mid > l.y1 && mid < l.y2 && x1 >= l.x2 - (y2 - y1) * 0.5;
    }
    if (!same_line) {
      // how wide its unbreakable start is: a number ("3,459,115.14") or a word of Latin letters, else one character
      size_t n = 1;
      if (is_ascii_word_char(word[0]))
        while (n < word.size() && (is_ascii_word_char(word[n]) || word[n] == '.' || word[n] == ',' || word[n] == '%')) ++n;
      size_t glyphs = 0;
      for (size_t k = 0; k < n; ++k)
        if ((static_cast<unsigned char>(word[k]) & 0xC0) != 0x80) ++glyphs;
      poppler::rectf last = box.char_bbox(glyphs > 0 ? glyphs - 1 : 0);
      double lead = last.right() > x1 ? last.right() - x1 : (y2 - y1);
      lines.push_back({word, x1, x2, y1, y2, box.has_space_after(), lead});
      continue;
    }
    Line& l = lines.back();
    if (l.space_after) l.text += ' ';
    l.text += word;
    l.x2 = std::max(l.x2, x2);
    l.y1 = std::min(l.y1, y1);
    l.y2 = std::max(l.y2, y2);
    l.space_after = box.has_space_after();
  }
  return lines;
}

bool ends_sentence(const std::string& t) {
  for (const char* e : {"。", "：", "；", ":", ";"})
    if (t.size() >= std::char_traits<char>::length(e) && t.compare(t.size() - std::char_traits<char>::length(e), std::string::npos, e) == 0)
      return true;
  return false;
}

// "一、", "（三）", "(3)", "3.", "3、", "第二部分": what starts a heading or a numbered paragraph.
bool starts_heading(const std::string& t) {
  static const char* kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::string_view s(t);
  if (s.rfind("第", 0) == 0) return s.find("部分") != std::string_view::npos && s.find("部分") < 15;
  if (s.rfind("（", 0) == 0 || s.rfind("(", 0) == 0) {
    s.remove_prefix(s[0] == '(' ? 1 : 3);
    for (const char* n : kNumerals)
      if (s.rfind(n, 0) == 0) return true;
    return !s.empty() && s[0] >= '0' && s[0] <= '9';
  }
  for (const char* n : kNumerals)
    if (s.rfind(n, 0) == 0) {
      std::string_view r = s.substr(3);
      while (!r.empty() && r.rfind("十", 0) == 0) r.remove_prefix(3);
      for (const char* m : kNumerals)
        if (r.rfind(m, 0) == 0) r.remove_prefix(3);
      return r.rfind("、", 0) == 0;
    }
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i > 0 && i < 3 && i < s.size() && (s.substr(i).rfind("、", 0) == 0 || (s[i] == '.' && i + 1 < s.size() && !(s[i + 1] >= '0' && s[i + 1] <= '9')));
}

void join(std::string& a, const std::string& b, bool space_after) {
  if (!a.empty() && !b.empty() && space_after && is_ascii_word_char(a.back()) && is_ascii_word_char(b.front())) a += ' ';
  a += b;
}

// The paragraphs of one page. A line ends its paragraph when it stops well short of the right edge of
// the lines beside it (its column); a line starts one when it is indented or far below the last.
std::vector<Para> page_paragraphs(std::vector<Line> lines, int page_no) {
  lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line& l) { return is_page_number(l.text); }),
              lines.end());
  std::vector<Para> out;
  if (lines.empty()) return out;
  std::vector<double> heights;
  for (const Line& l : lines) heights.push_back(l.y2 - l.y1);
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  const double h = std::max(heights[heights.size() / 2], 1.0);
  auto column = [&](const Line& l, double& left, double& right) {
    left = l.x1;
    right = l.x2;
    for (const Line& o : lines)
      if (o.x1 < l.x2 && l.x1 < o.x2) {
        left = std::min(left, o.x1);
        right = std::max(right, o.x2);
      }
  };
  const Line* prev = nullptr;
  double prev_room = 0;  // how much room the line before left at the right margin
  for (const Line& l : lines) {
    double left, right;
    column(l, left, right);
    bool indented = l.x1 > left + 1.5 * h;
    bool gap = prev && (l.y1 - prev->y2 > 1.2 * h || l.y2 < prev->y1);  // far below, or a new column
    // the line before stopped although this line's first word would have fitted: it ended a paragraph
    bool ended = prev && prev_room > l.lead + 0.5 * h;
    bool heading = prev && ends_sentence(prev->text) && starts_heading(l.text);
    if (!prev || ended || indented || gap || heading) {
      out.push_back({l.text, page_no, false});
    } else {
      join(out.back().text, l.text, prev->space_after);
    }
    prev_room = right - l.x2;
    out.back().open_end = prev_room < 2 * h;
    prev = &l;
  }
  // whether the first paragraph may continue one from the page before: not indented
  return out;
}

void quiet(const std::string&, void*) {}

}  // namespace

Expected<DocumentText> read_pdf(const std::string& path) {
  poppler::set_debug_error_function(quiet, nullptr);
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Diagnostic::error("pdf.unreadable", "无法打开文件：请检查路径和读取权限", path);
    char head[5] = {};
    in.read(head, 5);
    if (in.gcount() < 5 || std::string_view(head, 5) != "%PDF-")
      return Diagnostic::error("pdf.not_pdf", "不是 PDF 文件（文件头不是 %PDF-）：文件可能已损坏或扩展名有误", path);
  }
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) return Diagnostic::error("pdf.damaged", "PDF 文件已损坏，无法读取：请重新导出 PDF，或直接提供 .docx", path);
  if (doc->is_locked())
    return Diagnostic::error("pdf.encrypted", "PDF 有打开密码：请提供未加密的 PDF 或 .docx", path);
  DocumentText out;
  out.file = path;
  out.format = "pdf";
  std::vector<Para> paras;
  bool any_text = false;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    std::vector<Line> lines = page_lines(*page);
    if (!lines.empty()) any_text = true;
    double left = 1e9;
    for (const Line& l : lines) left = std::min(left, l.x1);
    bool first_indented = !lines.empty() && lines.front().x1 > left + 1.5 * (lines.front().y2 - lines.front().y1);
    std::vector<Para> here = page_paragraphs(std::move(lines), i + 1);
    if (here.empty()) continue;
    // a paragraph cut by the page break: the last one ran to the margin and this page does not indent
    if (!paras.empty() && paras.back().open_end && !first_indented) {
      paras.back().text += here.front().text;
      paras.back().open_end = here.front().open_end;
      here.erase(here.begin());
    }
    for (Para& p : here) paras.push_back(std::move(p));
  }
  if (!any_text)
    return Diagnostic::error("pdf.no_text",
                  "PDF 中没有文字层（可能是扫描件或图片）：无法读取文字。请提供 Word 原件（.docx），或先做文字识别（OCR）后再核对",
                  path);
  int n = 0;
  for (Para& p : paras) {
    TextLocation where;
    where.paragraph = ++n;
    where.page = p.page;
    out.blocks.push_back({std::move(p.text), where});
  }
  return out;
}

}  // namespace jixiao

// The module's one entry point (readers/pdf_text.cpp): a new result the caller deletes.
extern "C" __attribute__((visibility("default"))) jixiao::Expected<jixiao::DocumentText>* jixiao_pdf_read_text(
    const char* path) {
  return new jixiao::Expected<jixiao::DocumentText>(jixiao::read_pdf(path));
}
