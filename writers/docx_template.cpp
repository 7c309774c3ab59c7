#include "writers/docx_template.h"

#include <pugixml.hpp>

#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "readers/zip_package.h"
#include "writers/docx_chart_parts.h"
#include "writers/docx_fixups.h"
#include "writers/docx_images.h"
#include "writers/docx_runs.h"
#include "writers/filters.h"
#include "writers/package_writer.h"
#include "writers/template_language.h"

namespace jixiao {

namespace {

using Json = nlohmann::ordered_json;
using docx::tag_of;
using tmpl::Tag;
using Kind = tmpl::Tag::Kind;

bool is(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

// The text of a run's w:t elements.
std::string run_text(pugi::xml_node run) {
  std::string s;
  for (pugi::xml_node t = run.child("w:t"); t; t = t.next_sibling("w:t")) s += t.text().get();
  return s;
}

// The tag a tag run holds; nullopt when the run is not one or its tag does not parse (reported
// where the run itself is rendered).
std::optional<Tag> run_tag(pugi::xml_node run) {
  std::string inner = tag_of(run);
  if (inner.empty()) return std::nullopt;
  auto t = tmpl::parse_tag(inner);
  if (!t) return std::nullopt;
  return std::move(t).value();
}

// A paragraph that is exactly one tag, such as "{{#items}}".
std::optional<Tag> sole_tag(pugi::xml_node p) {
  std::string text = docx::paragraph_text(p);
  auto inner = tmpl::sole_tag_inner(text);
  if (!inner) return std::nullopt;
  auto t = tmpl::parse_tag(*inner);
  if (!t) return std::nullopt;
  return std::move(t).value();
}

// The paragraph as one line, for messages: “2022年度收、支总计{{total | wan}}万元…”
std::string excerpt(pugi::xml_node p) {
  std::string s = docx::paragraph_text(p);
  for (char& c : s)
    if (c == '\n' || c == '\t') c = ' ';
  if (s.size() > 90) {
    size_t cut = 90;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "…";
  }
  return s;
}

pugi::xml_node enclosing_paragraph(pugi::xml_node n) {
  while (n && !is(n, "w:p")) n = n.parent();
  return n;
}

class Renderer {
 public:
  Renderer(const Json& data, Diagnostics& warnings, const DocxRenderOptions& opt, ChartParts& charts,
           docx::ImageStore& images)
      : warnings_(warnings), opt_(opt), charts_(charts), images_(images) {
    scope_.push_back({&data, 0, nullptr});
  }

  // Renders one part; false (with error()) at the first mistake.
  bool render_part(pugi::xml_node root, const std::string& part) {
    part_ = part;
    for (pugi::xpath_node x : root.select_nodes("//w:p")) docx::isolate_tags(x.node());
    pugi::xml_node top = root.first_child();  // w:document, w:hdr, w:ftr, w:footnotes …
    if (is(top, "w:document")) return block(top.child("w:body"));
    if (is(top, "w:footnotes") || is(top, "w:endnotes")) {
      for (pugi::xml_node n : top.children())
        if (!block(n)) return false;
      return true;
    }
    return block(top);
  }

  const Diagnostic& error() const { return *error_; }

 private:
  // "projects 第 2 项" for messages: where in the data a tag in a repeated section was rendered.
  std::string where_in_data() const {
    std::string s;
    for (const tmpl::Frame& f : scope_)
      if (f.index && f.list) s += (s.empty() ? "" : "、") + *f.list + " 第 " + std::to_string(f.index) + " 项";
    return s.empty() ? s : "（" + s + "）";
  }

  bool fail(pugi::xml_node where, std::string message) {
    Diagnostic d;
    d.code = "template.docx";
    d.part = part_;
    pugi::xml_node p = enclosing_paragraph(where);
    d.message = message + (p ? "（所在段落：“" + excerpt(p) + "”）" : "");
    error_ = std::move(d);
    return false;
  }

  // The value a tag names; `out` is null when the data lacks it (never an error: for placeholders).
  bool lookup(const Tag& t, pugi::xml_node where, const Json*& out) {
    auto v = tmpl::resolve(scope_, t, index_value_);
    if (!v) return fail(where, v.error().message);
    out = *v;
    return true;
  }

  // A path that must exist; in lenient mode a missing one is null and warned.
  bool resolve(const Tag& t, pugi::xml_node where, const Json*& out) {
    if (!lookup(t, where, out)) return false;
    if (out) return true;
    if (!opt_.lenient) return fail(where, tmpl::missing_path_message(t));
    Diagnostic w;
    w.code = "template.unknown_path";
    w.severity = Severity::Warning;
    w.part = part_;
    pugi::xml_node p = enclosing_paragraph(where);
    w.message = tmpl::missing_path_message(t) + "，已留空" + (p ? "（所在段落：“" + excerpt(p) + "”）" : "");
    warnings_.add(std::move(w));
    out = &null_;
    return true;
  }

  // The scopes a section renders with.
  bool section_frames(const Tag& t, pugi::xml_node where, std::vector<tmpl::Frame>& frames) {
    const Json* v = nullptr;
    if (!resolve(t, where, v)) return false;
    tmpl::section_frames(t, *v, scope_, frames);
    return true;
  }

  // One copy of `body` per frame, rendered by `render` with the frame as the innermost scope and put
  // before `before`; then the originals go. Each copy is rendered in a scratch element of its own,
  // so that rendering it cannot reach the originals or the other copies.
  template <class Render>
  bool repeat(pugi::xml_node parent, const std::vector<pugi::xml_node>& body, pugi::xml_node before,
              const std::vector<tmpl::Frame>& frames, Render render) {
    for (const tmpl::Frame& f : frames) {
      scope_.push_back(f);
      pugi::xml_node scratch = parent.insert_child_before("jixiao-scratch", before);
      for (pugi::xml_node n : body) scratch.append_copy(n);
      if (!render(scratch)) return false;
      for (pugi::xml_node n = scratch.first_child(); n;) {
        pugi::xml_node next = n.next_sibling();
        parent.insert_move_before(n, scratch);
        n = next;
      }
      parent.remove_child(scratch);
      scope_.pop_back();
    }
    for (pugi::xml_node n : body) parent.remove_child(n);
    return true;
  }

  // Children of a block container: body, table cell, header, footer, footnote, text box.
  bool block(pugi::xml_node container) {
    if (!container) return true;
    for (pugi::xml_node c = container.first_child(); c;) {
      if (is(c, "w:p")) {
        std::optional<Tag> t = sole_tag(c);
        if (t && t->opens()) {
          // a section of whole paragraphs (and tables): find its closing paragraph among the siblings
          tmpl::CloseFinder finder(*t);
          pugi::xml_node close;
          for (pugi::xml_node n = c.next_sibling(); n && !close; n = n.next_sibling()) {
            if (!is(n, "w:p")) continue;
            if (std::optional<Tag> u = sole_tag(n); u && finder.closes(*u)) close = n;
          }
          if (close) {
            std::vector<tmpl::Frame> frames;
            if (!section_frames(*t, c, frames)) return false;
            std::vector<pugi::xml_node> body;
            for (pugi::xml_node n = c.next_sibling(); n != close; n = n.next_sibling()) body.push_back(n);
            if (!repeat(container, body, close, frames, [this](pugi::xml_node n) { return block(n); })) return false;
            pugi::xml_node next = close.next_sibling();
            container.remove_child(c);
            container.remove_child(close);
            c = next;
            continue;
          }
        }
      }
      pugi::xml_node next = c.next_sibling();
      if (!node(c)) return false;
      c = next;
    }
    // a table cell must keep a paragraph
    if (is(container, "w:tc") && !container.child("w:p")) container.append_child("w:p");
    return true;
  }

  bool node(pugi::xml_node n) {
    if (is(n, "w:p")) return paragraph(n);
    if (is(n, "w:tbl")) return table(n);
    if (is(n, "w:sdt")) return block(n.child("w:sdtContent"));
    return true;
  }

  // ---- tables ------------------------------------------------------------------------------------
  static std::vector<pugi::xml_node> tag_runs_in(pugi::xml_node n) {
    std::vector<pugi::xml_node> out;
    for (pugi::xpath_node x : n.select_nodes(".//w:r"))
      if (!tag_of(x.node()).empty()) out.push_back(x.node());
    return out;
  }

  // The tag run after `open_run` among `runs` that closes `open`; null when none does.
  static pugi::xml_node closing_run(const std::vector<pugi::xml_node>& runs, pugi::xml_node open_run, const Tag& open,
                                    tmpl::CloseFinder& finder) {
    bool after_open = !open_run;
    for (pugi::xml_node s : runs) {
      if (s == open_run) {
        after_open = true;
        continue;
      }
      if (!after_open) continue;
      if (std::optional<Tag> u = run_tag(s); u && finder.closes(*u)) return s;
    }
    return {};
  }

  bool table(pugi::xml_node tbl) {
    for (pugi::xml_node row = tbl.child("w:tr"); row;) {
      // a row section opens with a section tag whose closing tag is not in the same paragraph
      pugi::xml_node open_run, close_run, last_row;
      std::optional<Tag> open;
      for (pugi::xml_node r : tag_runs_in(row)) {
        std::optional<Tag> t = run_tag(r);
        if (!t || !t->opens()) continue;
        tmpl::CloseFinder here(*t);
        if (closing_run(tag_runs_in(enclosing_paragraph(r)), r, *t, here)) continue;
        open = std::move(t);
        open_run = r;
        break;
      }
      if (!open) {
        for (pugi::xml_node tc = row.child("w:tc"); tc; tc = tc.next_sibling("w:tc"))
          if (!block(tc)) return false;
        row = row.next_sibling("w:tr");
        continue;
      }
      tmpl::CloseFinder finder(*open);
      for (pugi::xml_node r2 = row; r2 && !close_run; r2 = r2.next_sibling("w:tr")) {
        close_run = closing_run(tag_runs_in(r2), r2 == row ? open_run : pugi::xml_node(), *open, finder);
        if (close_run) last_row = r2;
      }
      if (!close_run) return fail(open_run, tmpl::unclosed_section_message(*open));
      std::vector<tmpl::Frame> frames;
      if (!section_frames(*open, open_run, frames)) return false;
      docx::set_run_text(open_run, "");
      docx::set_run_text(close_run, "");
      std::vector<pugi::xml_node> rows;
      for (pugi::xml_node r2 = row;; r2 = r2.next_sibling("w:tr")) {
        rows.push_back(r2);
        if (r2 == last_row) break;
      }
      pugi::xml_node next = last_row.next_sibling("w:tr");
      for (const tmpl::Frame& f : frames) {
        scope_.push_back(f);
        for (pugi::xml_node r2 : rows) {
          pugi::xml_node copy = tbl.insert_copy_before(r2, rows.front());
          for (pugi::xml_node tc = copy.child("w:tc"); tc; tc = tc.next_sibling("w:tc"))
            if (!block(tc)) return false;
        }
        scope_.pop_back();
      }
      for (pugi::xml_node r2 : rows) tbl.remove_child(r2);
      row = next;
    }
    docx::merge_equal_cells(tbl);
    return true;
  }

  bool paragraph(pugi::xml_node p) {
    if (!runs(p)) return false;
    // text boxes anchored in this paragraph
    for (pugi::xpath_node x : p.select_nodes(".//w:txbxContent"))
      if (!block(x.node())) return false;
    return true;
  }

  // Renders the tag runs among the children of `parent` (recursing into hyperlinks and the like).
  bool runs(pugi::xml_node parent) {
    for (pugi::xml_node c = parent.first_child(); c;) {
      pugi::xml_node next = c.next_sibling();
      if (!is(c, "w:r")) {
        if (is(c, "w:hyperlink") || is(c, "w:ins") || is(c, "w:smartTag") || is(c, "w:fldSimple") ||
            is(c, "w:customXml") || is(c, "w:sdt") || is(c, "w:sdtContent")) {
          if (!runs(c)) return false;
        }
        c = next;
        continue;
      }
      std::string inner = tag_of(c);
      if (inner.empty()) {
        if ((c.child("w:drawing") || c.child("mc:AlternateContent")) && !charts(c)) return false;
        if (std::string text = run_text(c); text.find("{{") != std::string::npos)
          return fail(c, "标签 " + text.substr(text.find("{{"), 40) + " 没有以 }} 结束");
        c = next;
        continue;
      }
      auto parsed = tmpl::parse_tag(inner);
      if (!parsed) return fail(c, parsed.error().message);
      Tag t = std::move(parsed).value();
      if (t.kind == Kind::Close) return fail(c, tmpl::stray_close_message(t));
      if (t.opens()) {
        tmpl::CloseFinder finder(t);
        pugi::xml_node close;
        for (pugi::xml_node n = next; n && !close; n = n.next_sibling())
          if (std::optional<Tag> u = run_tag(n); u && finder.closes(*u)) close = n;
        if (!close) return fail(c, tmpl::unclosed_section_message(t) + "（同一段落内）");
        std::vector<tmpl::Frame> frames;
        if (!section_frames(t, c, frames)) return false;
        std::vector<pugi::xml_node> body;
        for (pugi::xml_node n = next; n != close; n = n.next_sibling()) body.push_back(n);
        if (!repeat(parent, body, close, frames, [this](pugi::xml_node n) { return runs(n); })) return false;
        next = close.next_sibling();
        parent.remove_child(c);
        parent.remove_child(close);
        c = next;
        continue;
      }
      if (t.kind == Kind::Image) {
        const Json* v = nullptr;
        if (!resolve(t, c, v)) return false;
        if (v->is_null()) {  // no picture: the tag goes
          docx::set_run_text(c, "");
        } else if (auto placed = images_.place(c, *v, part_); !placed) {
          return fail(c, "图片标签 " + t.text + "：" + placed.error().message);
        }
        c = next;
        continue;
      }
      // the engine's own steps: placeholder:TEXT (a value the data lacks shows TEXT, highlighted, and
      // render warns) and vmerge (merge equal values down a looped column); the rest format the value
      std::optional<FilterStep> holder = take_filter(t.filters, "placeholder");
      std::optional<FilterStep> vmerge = take_filter(t.filters, "vmerge");
      std::string placeholder = holder ? (holder->arg.empty() ? "【待补充】" : holder->arg) : "";
      const Json* v = nullptr;
      if (holder) {
        if (!lookup(t, c, v)) return false;  // a placeholder stands for a value that may be missing: never an error
        if (!v) v = &null_;
      } else if (!resolve(t, c, v)) {
        return false;
      }
      auto text = tmpl::value_text(t, *v);
      if (!text) return fail(c, text.error().message);
      if (vmerge) {
        pugi::xml_node tc = c.parent();
        while (tc && !is(tc, "w:tc")) tc = tc.parent();
        if (!tc) return fail(c, "标签 " + t.text + "：vmerge 只能用在表格单元格中");
        if (tc.attribute("jixiao-vmerge")) tc.attribute("jixiao-vmerge").set_value(text->c_str());
        else tc.append_attribute("jixiao-vmerge") = text->c_str();
      }
      bool missing = v->is_null() || (v->is_string() && v->get<std::string>().empty());
      if (missing && !placeholder.empty()) {
        pugi::xml_node rpr = c.child("w:rPr");
        if (!rpr) rpr = c.prepend_child("w:rPr");
        pugi::xml_node hl = rpr.child("w:highlight");
        if (!hl) hl = rpr.append_child("w:highlight");
        if (hl.attribute("w:val")) hl.attribute("w:val").set_value("yellow");
        else hl.append_attribute("w:val") = "yellow";
        Diagnostic w;
        w.code = "template.placeholder";
        w.severity = Severity::Warning;
        w.part = part_;
        pugi::xml_node para = enclosing_paragraph(c);
        w.message = "数据中没有 " + t.path + where_in_data() + "，文中留下待补充的占位：“" + placeholder + "”" +
                    (para ? "（所在段落：“" + excerpt(para) + "”）" : "");
        warnings_.add(std::move(w));
        docx::set_run_text(c, placeholder);
        c = next;
        continue;
      }
      docx::set_run_text(c, *text);
      c = next;
    }
    return true;
  }

  // ---- charts ------------------------------------------------------------------------------------
  // A tag standing alone in an attribute or a title: "{{funds}}", spaces around allowed.
  static std::optional<Tag> whole_tag(const std::string& s) {
    auto inner = tmpl::sole_tag_inner(s);
    if (!inner) return std::nullopt;
    auto t = tmpl::parse_tag(*inner);
    if (!t) return std::nullopt;
    return std::move(t).value();
  }

  // Native charts drawn in this run, bound by the drawing's alt text (descr), its title attribute or
  // the chart's own title.
  bool charts(pugi::xml_node run) {
    for (pugi::xpath_node x : run.select_nodes(".//wp:docPr")) {
      pugi::xml_node docpr = x.node();
      pugi::xml_node ref = docpr.parent().child("a:graphic").child("a:graphicData").child("c:chart");
      if (!ref) continue;
      std::string rid = ref.attribute("r:id").value();
      std::optional<Tag> tag;
      pugi::xml_attribute holder;
      for (const char* a : {"descr", "title"})
        if (!tag && (tag = whole_tag(docpr.attribute(a).value()))) holder = docpr.attribute(a);
      bool by_title = false;
      if (!tag && (tag = whole_tag(charts_.title(part_, rid)))) by_title = true;
      if (!tag) continue;
      if (tag->kind != Kind::Value || tag->source != Tag::Source::Path || !tag->filters.empty())
        return fail(run, "图表标签 " + tag->text + " 应为单独的 {{路径}}（不带 #、?、^ 或过滤器）");
      const Json* v = nullptr;
      if (!resolve(*tag, run, v)) return false;
      if (v->is_null()) {  // lenient and unknown, or null in the data: the template's chart stays
        if (holder) docpr.remove_attribute(holder);
        continue;
      }
      auto data = chart_data_from_json(*v);
      if (!data) return fail(run, "图表 " + tag->text + "：" + data.error().message);
      std::optional<std::string> title = data->title;
      if (by_title && !title) title = "";  // the tag was the title: no title unless the data gives one
      std::vector<std::string> notes;
      auto id = charts_.bind(part_, rid, *data, title, notes);
      if (!id) return fail(run, "图表 " + tag->text + "：" + id.error().message);
      for (std::string& note : notes) {
        Diagnostic w;
        w.code = "template.chart_dropped";
        w.severity = Severity::Warning;
        w.part = part_;
        w.message = "图表 " + tag->text + "：" + note;
        warnings_.add(std::move(w));
      }
      ref.attribute("r:id").set_value(id->c_str());
      if (holder) {
        // the alt text becomes the chart's title when the data gives one, for screen readers
        if (data->title) holder.set_value(data->title->c_str());
        else docpr.remove_attribute(holder);
      }
    }
    return true;
  }

  Diagnostics& warnings_;
  const DocxRenderOptions& opt_;
  ChartParts& charts_;
  docx::ImageStore& images_;
  std::string part_;
  tmpl::Scopes scope_;
  std::optional<Diagnostic> error_;
  Json index_value_;
  const Json null_ = nullptr;
};

}  // namespace

Expected<bool> render_docx_template(const std::string& template_path, const Json& data, const std::string& out_path,
                                    Diagnostics& warnings, const DocxRenderOptions& options) {
  auto pkg = ZipPackage::open_file(template_path);
  if (!pkg) return pkg.error();
  auto writer = PackageWriter::from_file(template_path);
  if (!writer) return writer.error();
  std::vector<std::string> parts;
  for (const std::string& name : pkg->part_names()) {
    std::string n = normalize_part_name(name);
    if (n == "word/document.xml" || n == "word/footnotes.xml" || n == "word/endnotes.xml" ||
        (n.rfind("word/header", 0) == 0 && n.size() > 4 && n.compare(n.size() - 4, 4, ".xml") == 0) ||
        (n.rfind("word/footer", 0) == 0 && n.size() > 4 && n.compare(n.size() - 4, 4, ".xml") == 0))
      parts.push_back(name);
  }
  if (parts.empty()) {
    Diagnostic d;
    d.code = "template.not_docx";
    d.file = template_path;
    d.message = "模板不是 Word 文档（缺少 word/document.xml）";
    return d;
  }
  std::vector<std::unique_ptr<pugi::xml_document>> docs;
  std::vector<pugi::xml_document*> raw;
  Diagnostics local;  // the renderer's warnings, given the template's name before they are passed on
  ChartParts charts(*pkg, *writer);
  docx::ImageStore images;
  Renderer r(data, local, options, charts, images);
  for (const std::string& part : parts) {
    auto xml = pkg->read(part);
    if (!xml) return xml.error();
    auto doc = std::make_unique<pugi::xml_document>();
    pugi::xml_parse_result ok = doc->load_buffer(xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!ok) {
      Diagnostic d;
      d.code = "template.xml";
      d.file = template_path;
      d.part = part;
      d.offset = ok.offset;
      d.message = std::string("模板部件的 XML 无效：") + ok.description();
      return d;
    }
    if (!r.render_part(*doc, part)) {
      Diagnostic d = r.error();
      d.file = template_path;
      return d;
    }
    raw.push_back(doc.get());
    docs.push_back(std::move(doc));
  }
  docx::renumber_ids(raw);
  charts.finish();
  images.finish(*pkg, *writer);
  for (Diagnostic w : local.items()) {
    if (w.file.empty()) w.file = template_path;
    warnings.add(std::move(w));
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    std::ostringstream os;
    docs[i]->save(os, "", pugi::format_raw, pugi::encoding_utf8);
    writer->put(parts[i], os.str());
  }
  return writer->write(out_path);
}

}  // namespace jixiao
