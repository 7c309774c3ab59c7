#include "writers/docx_comments.h"

#include <algorithm>
#include <map>

#include "readers/docx_paragraphs.h"
#include "readers/zip_package.h"
#include "writers/ooxml_edit.h"
#include "writers/package_writer.h"

namespace jixiao {

namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kCommentsType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

// CT_RPr's child sequence, so w:highlight lands where Word expects it.
constexpr std::initializer_list<const char*> kRPrOrder = {
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow", "emboss",
    "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
    "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath"};

Diagnostic fail(const std::string& file, std::string message, std::string part = {}) {
  return Diagnostic::error("docx.annotate", std::move(message), file, std::move(part));
}

size_t text_length(pugi::xml_node child) {
  std::string_view l = ooxml::local_name(child);
  if (l == "t") return std::char_traits<char>::length(child.text().get());
  if (l == "tab" || l == "ptab" || l == "br" || l == "cr" || l == "noBreakHyphen") return 1;
  return 0;
}

// Splits a run so that its text up to `at` bytes stays in it and the rest moves to a new run after it
// (same properties). Returns the new run; null when `at` is at either end.
pugi::xml_node split_run(pugi::xml_node run, size_t at) {
  size_t pos = 0;
  for (pugi::xml_node c = run.first_child(); c; c = c.next_sibling()) {
    size_t len = text_length(c);
    if (pos + len <= at) {
      pos += len;
      continue;
    }
    // c holds the split point (or starts at it)
    pugi::xml_node copy = run.parent().insert_copy_after(run, run);
    // in `copy` keep rPr and everything from the matching child on; in `run` keep everything before it
    size_t index = 0;
    for (pugi::xml_node k = run.first_child(); k != c; k = k.next_sibling()) ++index;
    pugi::xml_node cc = copy.first_child();
    for (size_t i = 0; i < index; ++i) cc = cc.next_sibling();
    if (at > pos) {  // inside a w:t
      std::string t = c.text().get();
      c.text().set(t.substr(0, at - pos).c_str());
      cc.text().set(t.substr(at - pos).c_str());
      if (!c.attribute("xml:space")) c.append_attribute("xml:space") = "preserve";
      if (!cc.attribute("xml:space")) cc.append_attribute("xml:space") = "preserve";
      c = c.next_sibling();  // the prefix stays in `run`; the suffix (cc) starts `copy`
    }
    while (c) {  // the rest leaves `run`
      pugi::xml_node next = c.next_sibling();
      run.remove_child(c);
      c = next;
    }
    for (pugi::xml_node k = copy.first_child(); k != cc;) {  // the start leaves `copy`, rPr stays
      pugi::xml_node next = k.next_sibling();
      if (ooxml::local_name(k) != "rPr") copy.remove_child(k);
      k = next;
    }
    return copy;
  }
  return {};
}

void highlight(pugi::xml_node run, const std::string& w) {
  pugi::xml_node rpr = ooxml::child(run, "rPr");
  if (!rpr) rpr = run.prepend_child((w + "rPr").c_str());
  pugi::xml_node h = ooxml::child(rpr, "highlight");
  if (!h) h = ooxml::insert_ordered(rpr, "highlight", kRPrOrder);
  if (h.attribute((w + "val").c_str())) h.attribute((w + "val").c_str()).set_value("yellow");
  else h.append_attribute((w + "val").c_str()) = "yellow";
}

// Marks [begin, end) of a paragraph; false when the range is not in its text.
bool mark(pugi::xml_node p, size_t begin, size_t end, int id) {
  const std::string w = ooxml::prefix_of(p);
  auto runs = docx_text::paragraph_runs(p);
  size_t pos = 0;
  // split at both ends, from the end first so that the start's offsets stay put
  for (size_t cut : {end, begin}) {
    pos = 0;
    for (auto& r : runs) {
      size_t len = r.text.size();
      if (cut > pos && cut < pos + len) {
        split_run(r.run, cut - pos);
        break;
      }
      pos += len;
    }
    runs = docx_text::paragraph_runs(p);
  }
  std::vector<pugi::xml_node> marked;
  pos = 0;
  for (auto& r : runs) {
    if (pos >= begin && pos + r.text.size() <= end && !r.text.empty()) marked.push_back(r.run);
    pos += r.text.size();
  }
  if (pos < end || marked.empty()) return false;
  const std::string sid = std::to_string(id);
  pugi::xml_node first = marked.front(), last = marked.back();
  pugi::xml_node start = first.parent().insert_child_before((w + "commentRangeStart").c_str(), first);
  start.append_attribute((w + "id").c_str()) = sid.c_str();
  pugi::xml_node stop = last.parent().insert_child_after((w + "commentRangeEnd").c_str(), last);
  stop.append_attribute((w + "id").c_str()) = sid.c_str();
  pugi::xml_node ref = last.parent().insert_child_after((w + "r").c_str(), stop);
  pugi::xml_node rr = ref.append_child((w + "commentReference").c_str());
  rr.append_attribute((w + "id").c_str()) = sid.c_str();
  for (pugi::xml_node r : marked) highlight(r, w);
  return true;
}

}  // namespace

Expected<bool> write_docx_comments(const std::string& in, const std::string& out, const std::vector<DocxComment>& comments,
                                   const std::string& author) {
  auto zip = ZipPackage::open_file(in);
  if (!zip) return zip.error();
  const std::string main = ooxml::main_part(*zip, "word/document.xml");
  if (main.empty()) return fail(in, "不是 .docx 文档：没有 Word 正文部件");
  auto xml = zip->read(main);
  if (!xml) return xml.error();
  pugi::xml_document doc;
  if (!ooxml::load(doc, *xml)) return fail(in, "Word 正文部件的 XML 已损坏，无法加批注", main);
  std::map<int, pugi::xml_node> paragraphs;
  docx_text::for_each_paragraph(ooxml::root(doc), [&](pugi::xml_node p, const TextLocation& where) { paragraphs[where.paragraph] = p; });

  // the comments part: extend the one the document has, or start one
  const std::string rels_name = ooxml::rels_part_of(main);
  ooxml::Rels rels;
  std::string rels_data;
  if (auto r = zip->read(rels_name)) rels_data = *r;
  rels.load_or_init(rels_data.empty() ? nullptr : &rels_data);
  std::string comments_part;
  if (pugi::xml_node rel = rels.find_type("comments")) comments_part = resolve_part_target(main, rel.attribute("Target").value());
  pugi::xml_document cdoc;
  int next_id = 0;
  if (!comments_part.empty() && zip->has(comments_part)) {
    auto data = zip->read(comments_part);
    if (!data || !ooxml::load(cdoc, *data)) return fail(in, "批注部件已损坏", comments_part);
    for (pugi::xml_node c : ooxml::root(cdoc).children())
      next_id = std::max(next_id, c.attribute((ooxml::prefix_of(c) + "id").c_str()).as_int() + 1);
  } else {
    comments_part = main.substr(0, main.rfind('/') + 1) + "comments.xml";
    ooxml::init(cdoc);
    pugi::xml_node root = cdoc.append_child("w:comments");
    root.append_attribute("xmlns:w") = kWordNs;
    rels.add("comments", ooxml::relative_target(main, comments_part));
  }
  pugi::xml_node croot = ooxml::root(cdoc);
  const std::string cw = ooxml::prefix_of(croot);

  std::vector<DocxComment> sorted = comments;
  std::stable_sort(sorted.begin(), sorted.end(), [](const DocxComment& a, const DocxComment& b) {
    return a.paragraph != b.paragraph ? a.paragraph < b.paragraph : a.begin < b.begin;
  });
  int last_paragraph = -1;
  size_t last_end = 0;
  for (const DocxComment& c : sorted) {
    auto it = paragraphs.find(c.paragraph);
    if (it == paragraphs.end() || c.end <= c.begin) continue;
    if (c.paragraph == last_paragraph && c.begin < last_end) continue;  // overlapping: the first one stands
    if (!mark(it->second, c.begin, c.end, next_id)) continue;
    last_paragraph = c.paragraph;
    last_end = c.end;
    pugi::xml_node comment = croot.append_child((cw + "comment").c_str());
    comment.append_attribute((cw + "id").c_str()) = next_id;
    comment.append_attribute((cw + "author").c_str()) = author.c_str();
    comment.append_attribute((cw + "initials").c_str()) = "JX";
    pugi::xml_node cp = comment.append_child((cw + "p").c_str());
    pugi::xml_node t = cp.append_child((cw + "r").c_str()).append_child((cw + "t").c_str());
    t.append_attribute("xml:space") = "preserve";
    t.text().set(ooxml::xml_text(c.text).c_str());
    ++next_id;
  }

  auto writer = PackageWriter::from_file(in);
  if (!writer) return writer.error();
  writer->put(main, ooxml::save(doc));
  writer->put(comments_part, ooxml::save(cdoc));
  writer->put(rels_name, rels.text());
  auto ct_data = zip->read("[Content_Types].xml");
  if (!ct_data) return ct_data.error();
  ooxml::ContentTypes ct;
  if (!ct.load(*ct_data)) return fail(in, "[Content_Types].xml 已损坏", "[Content_Types].xml");
  ct.set_override(comments_part, kCommentsType);
  writer->put("[Content_Types].xml", ct.text());
  return writer->write(out);
}

}  // namespace jixiao
