#include "readers/ooxml_package.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "readers/zip_package.h"

namespace jixiao::ooxml {

namespace {

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
};

bool iequals(std::string_view a, std::string_view b) {
  return normalize_part_name(a) == normalize_part_name(b);
}


}  // namespace

bool load(pugi::xml_document& doc, std::string_view data) {
  // No whitespace or end-of-line conversion: what we do not touch comes out as it went in.
  const unsigned flags = pugi::parse_escapes | pugi::parse_declaration | pugi::parse_ws_pcdata | pugi::parse_cdata |
                         pugi::parse_comments | pugi::parse_pi | pugi::parse_doctype;
  return doc.load_buffer(data.data(), data.size(), flags, pugi::encoding_utf8) && root(doc);
}

std::string save(const pugi::xml_document& doc) {
  StringWriter w;
  unsigned flags = pugi::format_raw;
  bool has_decl = false;
  for (pugi::xml_node n : doc.children())
    if (n.type() == pugi::node_declaration) has_decl = true;
  if (!has_decl) w.out = kDeclaration;
  doc.save(w, "", flags | pugi::format_no_declaration, pugi::encoding_utf8);
  return w.out;
}

void init(pugi::xml_document& doc) {
  doc.reset();
  pugi::xml_node d = doc.append_child(pugi::node_declaration);
  d.append_attribute("version") = "1.0";
  d.append_attribute("encoding") = "UTF-8";
  d.append_attribute("standalone") = "yes";
}

std::string_view local_name(std::string_view qname) {
  size_t p = qname.rfind(':');
  return p == std::string_view::npos ? qname : qname.substr(p + 1);
}

std::string_view local_name(pugi::xml_node n) { return local_name(std::string_view(n.name())); }

std::string prefix_of(pugi::xml_node n) {
  std::string_view s = n.name();
  size_t p = s.find(':');
  return p == std::string_view::npos ? std::string{} : std::string(s.substr(0, p + 1));
}

pugi::xml_node child(pugi::xml_node parent, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == local) return c;
  return {};
}

std::string_view attr(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_attribute a : n.attributes())
    if (local_name(std::string_view(a.name())) == local) return a.value();
  return {};
}

pugi::xml_node root(const pugi::xml_document& doc) { return doc.document_element(); }

std::string rels_part_of(std::string_view part) {
  size_t slash = part.rfind('/');
  std::string dir = slash == std::string_view::npos ? std::string{} : std::string(part.substr(0, slash + 1));
  std::string base(slash == std::string_view::npos ? part : part.substr(slash + 1));
  return dir + "_rels/" + base + ".rels";
}

std::string relative_target(std::string_view from, std::string_view to) {
  auto split = [](std::string_view p) {
    std::vector<std::string> segs;
    size_t i = 0;
    while (i <= p.size()) {
      size_t j = p.find('/', i);
      if (j == std::string_view::npos) j = p.size();
      segs.emplace_back(p.substr(i, j - i));
      i = j + 1;
    }
    return segs;
  };
  std::vector<std::string> a = split(from), b = split(to);
  a.pop_back();  // the directory of `from`
  size_t common = 0;
  while (common < a.size() && common + 1 < b.size() && a[common] == b[common]) ++common;
  std::string out;
  for (size_t i = common; i < a.size(); ++i) out += "../";
  for (size_t i = common; i < b.size(); ++i) out += b[i] + (i + 1 < b.size() ? "/" : "");
  return out;
}

// ---- relationships -----------------------------------------------------------------------------

bool type_is(std::string_view type, std::string_view suffix) {
  return type.size() > suffix.size() && type.substr(type.size() - suffix.size()) == suffix &&
         type[type.size() - suffix.size() - 1] == '/';
}

std::string_view Relationship::type_name() const {
  std::string_view t = type;
  size_t slash = t.rfind('/');
  return slash == std::string_view::npos ? t : t.substr(slash + 1);
}

std::vector<Relationship> relationships(const pugi::xml_document& rels, std::string_view source_part) {
  std::vector<Relationship> out;
  each_child(root(rels), "Relationship", [&](pugi::xml_node r) {
    Relationship rel;
    rel.id = std::string(attr(r, "Id"));
    rel.type = std::string(attr(r, "Type"));
    rel.external = attr(r, "TargetMode") == "External";
    rel.target = rel.external ? std::string(attr(r, "Target")) : resolve_part_target(source_part, attr(r, "Target"));
    out.push_back(std::move(rel));
  });
  return out;
}

std::vector<Relationship> read_relationships(const ZipPackage& pkg, std::string_view part) {
  std::string name = rels_part_of(part);
  if (!pkg.has(name)) return {};
  auto xml = pkg.read(name);
  pugi::xml_document doc;
  if (!xml || !doc.load_buffer(xml->data(), xml->size(), pugi::parse_default)) return {};
  return relationships(doc, part);
}

std::string main_part(const ZipPackage& pkg, std::string_view fallback) {
  for (const Relationship& rel : read_relationships(pkg, ""))
    if (!rel.external && rel.is("officeDocument") && pkg.has(rel.target)) return pkg.find(rel.target);
  return pkg.find(fallback);
}

// ---- Rels ------------------------------------------------------------------------------------

void Rels::load_or_init(const std::string* data) {
  if (data && ooxml::load(doc_, *data)) return;
  init(doc_);
  doc_.append_child("Relationships").append_attribute("xmlns") = kPkgRelNs;
}

pugi::xml_node Rels::find_type(std::string_view suffix) const {
  for (pugi::xml_node r : root(doc_).children())
    if (local_name(r) == "Relationship" && type_is(r.attribute("Type").value(), suffix)) return r;
  return {};
}

pugi::xml_node Rels::find_id(std::string_view id) const {
  for (pugi::xml_node r : all())
    if (id == r.attribute("Id").value()) return r;
  return {};
}

namespace {

// "rId" and one more than the largest number of an rId there.
std::string fresh_id(const Rels& rels) {
  long next = 1;
  for (pugi::xml_node r : rels.all()) {
    std::string_view id = r.attribute("Id").value();
    if (id.substr(0, 3) == "rId") next = std::max(next, std::strtol(std::string(id.substr(3)).c_str(), nullptr, 10) + 1);
  }
  std::string id = "rId" + std::to_string(next);
  while (rels.find_id(id)) id += "x";
  return id;
}

}  // namespace

std::vector<pugi::xml_node> Rels::all() const {
  std::vector<pugi::xml_node> out;
  each_child(root(doc_), "Relationship", [&](pugi::xml_node r) { out.push_back(r); });
  return out;
}

std::string Rels::add(std::string_view suffix, std::string_view target) {
  std::string id = fresh_id(*this);
  add_with_id(id, suffix, target);
  return id;
}

std::string Rels::add_like(pugi::xml_node like, std::string_view target) {
  std::string id = fresh_id(*this);
  pugi::xml_node r = root(doc_).append_copy(like);
  r.attribute("Id").set_value(id.c_str());
  r.attribute("Target").set_value(std::string(target).c_str());
  return id;
}

void Rels::add_with_id(std::string_view id, std::string_view suffix, std::string_view target) {
  pugi::xml_node root_el = root(doc_);
  pugi::xml_node r = root_el.append_child((prefix_of(root_el) + "Relationship").c_str());
  r.append_attribute("Id") = std::string(id).c_str();
  r.append_attribute("Type") = (kRelTypeBase + std::string(suffix)).c_str();
  r.append_attribute("Target") = std::string(target).c_str();
}

bool Rels::remove_type(std::string_view suffix) {
  pugi::xml_node r = find_type(suffix);
  if (!r) return false;
  r.parent().remove_child(r);
  return true;
}

// ---- ContentTypes ----------------------------------------------------------------------------

void ContentTypes::ensure_default(std::string_view extension, std::string_view type) {
  pugi::xml_node types = root(doc_);
  pugi::xml_node last_default;
  for (pugi::xml_node d : types.children()) {
    if (local_name(d) != "Default") continue;
    if (iequals(d.attribute("Extension").value(), extension)) return;
    last_default = d;
  }
  std::string name = prefix_of(types) + "Default";
  pugi::xml_node d = last_default ? types.insert_child_after(name.c_str(), last_default)
                                  : types.prepend_child(name.c_str());
  d.append_attribute("Extension") = std::string(extension).c_str();
  d.append_attribute("ContentType") = std::string(type).c_str();
}

std::string ContentTypes::override_type(std::string_view part) const {
  for (pugi::xml_node o : root(doc_).children())
    if (local_name(o) == "Override" && iequals(o.attribute("PartName").value(), "/" + std::string(part)))
      return o.attribute("ContentType").value();
  return {};
}

void ContentTypes::set_override(std::string_view part, std::string_view type) {
  pugi::xml_node types = root(doc_);
  std::string name = "/" + std::string(part);
  for (pugi::xml_node o : types.children())
    if (local_name(o) == "Override" && iequals(o.attribute("PartName").value(), name)) {
      o.attribute("ContentType").set_value(std::string(type).c_str());
      return;
    }
  pugi::xml_node o = types.append_child((prefix_of(types) + "Override").c_str());
  o.append_attribute("PartName") = name.c_str();
  o.append_attribute("ContentType") = std::string(type).c_str();
}

bool ContentTypes::remove_override(std::string_view part) {
  pugi::xml_node types = root(doc_);
  for (pugi::xml_node o : types.children())
    if (local_name(o) == "Override" && iequals(o.attribute("PartName").value(), "/" + std::string(part))) {
      types.remove_child(o);
      return true;
    }
  return false;
}

}  // namespace jixiao::ooxml
