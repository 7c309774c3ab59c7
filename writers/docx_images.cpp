#include "writers/docx_images.h"

#include "writers/ooxml_edit.h"
#include "writers/xml_writer.h"

#include <cstdint>
#include <fstream>
#include <sstream>

namespace jixiao::docx {

namespace {

Diagnostic image_error(std::string message) { return Diagnostic::error("template.image", std::move(message)); }

uint32_t be32(const std::string& s, size_t i) {
  return (uint32_t(uint8_t(s[i])) << 24) | (uint32_t(uint8_t(s[i + 1])) << 16) | (uint32_t(uint8_t(s[i + 2])) << 8) |
         uint32_t(uint8_t(s[i + 3]));
}
uint32_t be16(const std::string& s, size_t i) { return (uint32_t(uint8_t(s[i])) << 8) | uint32_t(uint8_t(s[i + 1])); }

// Pixel size of a PNG (IHDR) or a JPEG (the first SOFn marker); false when it is neither.
bool pixel_size(const std::string& b, std::string& ext, uint32_t& w, uint32_t& h) {
  if (b.size() > 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
    ext = "png";
    w = be32(b, 16);
    h = be32(b, 20);
    return w && h;
  }
  if (b.size() > 4 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8) {
    ext = "jpeg";
    size_t i = 2;
    while (i + 9 < b.size()) {
      if (uint8_t(b[i]) != 0xFF) return false;
      uint8_t m = uint8_t(b[i + 1]);
      if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
        h = be16(b, i + 5);
        w = be16(b, i + 7);
        return w && h;
      }
      i += 2 + be16(b, i + 2);
    }
  }
  return false;
}

}  // namespace

Expected<bool> ImageStore::place(pugi::xml_node run, const nlohmann::ordered_json& value, const std::string& part) {
  std::string file;
  double width_cm = 0;
  if (value.is_string()) file = value.get<std::string>();
  else if (value.is_object() && value.contains("path") && value["path"].is_string()) {
    file = value["path"].get<std::string>();
    if (value.contains("width_cm") && value["width_cm"].is_number()) width_cm = value["width_cm"].get<double>();
  } else {
    return image_error("图片标签的值应为图片文件路径，或 {\"path\": …, \"width_cm\": …}");
  }
  std::string media = by_file_.count(file) ? by_file_[file] : "";
  uint32_t w = 0, h = 0;
  std::string ext;
  {
    std::ifstream in(file, std::ios::binary);
    if (!in) return image_error("无法读取图片 " + file);
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    if (!pixel_size(bytes, ext, w, h)) return image_error("图片 " + file + " 不是 PNG 或 JPEG");
    if (media.empty()) {
      media = "word/media/jixiao-image" + std::to_string(media_.size() + 1) + "." + ext;
      media_[media] = std::move(bytes);
      by_file_[file] = media;
      (ext == "png" ? png_ : jpeg_) = true;
    }
  }
  // the relationship, once per part and picture
  std::string rels_name = ooxml::rels_part_of(part);
  std::string& rid = rid_[{rels_name, media}];
  if (rid.empty()) rid = "rIdJxImg" + std::to_string(rid_.size());
  // size: 96 dpi (9525 EMU per pixel), at most 15 cm (5,400,000 EMU) wide, or the width asked
  double cx = double(w) * 9525, cy = double(h) * 9525;
  double max_cx = width_cm > 0 ? width_cm * 360000 : 5400000;
  if (width_cm > 0 || cx > max_cx) {
    cy = cy * max_cx / cx;
    cx = max_cx;
  }
  std::string name = media.substr(media.rfind('/') + 1);
  for (pugi::xml_node c = run.first_child(); c;) {
    pugi::xml_node next = c.next_sibling();
    if (std::string(c.name()) != "w:rPr") run.remove_child(c);
    c = next;
  }
  const long long cxs = static_cast<long long>(cx), cys = static_cast<long long>(cy);
  // an inline picture as Word writes one (wp:inline > a:graphic > pic:pic), declaring its prefixes
  std::string xml;
  xml::Writer x(xml);
  x.start("w:drawing").attr("xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  x.attr("xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
  x.attr("xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
  x.attr("xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture").attr("xmlns:r", ooxml::kRelNs);
  x.start("wp:inline").attr("distT", 0).attr("distB", 0).attr("distL", 0).attr("distR", 0);
  x.start("wp:extent").attr("cx", cxs).attr("cy", cys).end();
  x.start("wp:docPr").attr("id", 1).attr("name", name).end();
  x.start("wp:cNvGraphicFramePr").start("a:graphicFrameLocks").attr("noChangeAspect", 1).end().end();
  x.start("a:graphic").start("a:graphicData").attr("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  x.start("pic:pic").start("pic:nvPicPr").start("pic:cNvPr").attr("id", 0).attr("name", name).end();
  x.start("pic:cNvPicPr").end().end();
  x.start("pic:blipFill").start("a:blip").attr("r:embed", rid).end().start("a:stretch").start("a:fillRect").end().end();
  x.end();
  x.start("pic:spPr").start("a:xfrm").start("a:off").attr("x", 0).attr("y", 0).end();
  x.start("a:ext").attr("cx", cxs).attr("cy", cys).end().end();
  x.start("a:prstGeom").attr("prst", "rect").start("a:avLst").end().end();
  x.end().end().end().end().end().end();
  pugi::xml_document frag;
  frag.load_string(xml.c_str());
  pugi::xml_node drawing = run.append_copy(frag.first_child());
  // a declaration the part's root already makes is not repeated; the others stay on w:drawing, so the
  // picture's XML is well-formed whatever the template declares
  pugi::xml_node root = run.root().first_child();
  for (const char* ns : {"xmlns:w", "xmlns:wp", "xmlns:a", "xmlns:pic", "xmlns:r"})
    if (root.attribute(ns)) drawing.remove_attribute(ns);
  return true;
}

void ImageStore::finish(const ZipPackage& pkg, PackageWriter& writer) const {
  if (media_.empty()) return;
  auto current = [&](const std::string& name) -> std::string {
    if (const std::string* r = writer.replaced(name)) return *r;
    auto x = pkg.read(name);
    return x ? *x : std::string();
  };
  for (const auto& [name, bytes] : media_) writer.put(name, bytes);
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_rels;  // rels part -> (rId, media)
  for (const auto& [key, rid] : rid_) by_rels[key.first].emplace_back(rid, key.second);
  for (const auto& [rels_name, list] : by_rels) {
    std::string xml = current(rels_name);
    ooxml::Rels rels;
    rels.load_or_init(xml.empty() ? nullptr : &xml);
    for (const auto& [rid, media] : list) rels.add_with_id(rid, "image", "media/" + media.substr(media.rfind('/') + 1));
    writer.put(rels_name, rels.text());
  }
  ooxml::ContentTypes ct;
  if (!ct.load(current("[Content_Types].xml"))) return;
  if (png_) ct.ensure_default("png", "image/png");
  if (jpeg_) ct.ensure_default("jpeg", "image/jpeg");
  writer.put("[Content_Types].xml", ct.text());
}

}  // namespace jixiao::docx
