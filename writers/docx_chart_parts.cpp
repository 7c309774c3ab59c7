#include "writers/docx_chart_parts.h"

#include "writers/ooxml_edit.h"

#include <cctype>
#include <tuple>

namespace jixiao {

namespace {

Diagnostic chart_error(const std::string& part, std::string message) {
  Diagnostic d;
  d.code = "template.chart";
  d.part = part;
  d.message = std::move(message);
  return d;
}

std::string file_name(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? part : part.substr(slash + 1);
}

// A relationship target with its last segment renamed: "charts/chart1.xml" -> "charts/chart6.xml".
std::string retarget(const std::string& target, const std::string& new_part) {
  size_t slash = target.find_last_of("/\\");
  return (slash == std::string::npos ? "" : target.substr(0, slash + 1)) + file_name(new_part);
}

}  // namespace

ChartParts::Rels* ChartParts::rels_of(const std::string& part) {
  std::string key = normalize_part_name(part);
  auto it = rels_.find(key);
  if (it != rels_.end()) return it->second.get();
  std::unique_ptr<Rels> r;
  std::string name = pkg_.find(part).empty() ? part : pkg_.find(part);
  if (auto xml = pkg_.read(ooxml::rels_part_of(name)); xml.ok()) {
    r = std::make_unique<Rels>();
    r->part = name;
    if (!r->rels.load(*xml)) r.reset();
  }
  return (rels_[key] = std::move(r)).get();
}

pugi::xml_node ChartParts::relationship(const std::string& part, const std::string& rid) {
  Rels* r = rels_of(part);
  if (!r) return {};
  return r->rels.find_id(rid);
}

std::string ChartParts::title(const std::string& source_part, const std::string& rid) {
  pugi::xml_node rel = relationship(source_part, rid);
  if (!rel || std::string(rel.attribute("TargetMode").value()) == "External") return {};
  auto xml = pkg_.read(resolve_part_target(source_part, rel.attribute("Target").value()));
  return xml.ok() ? chart_title_text(*xml) : std::string();
}

// "word/charts/chart1.xml" -> the first of chart1.xml, chart2.xml, … that no part has.
std::string ChartParts::fresh_name(const std::string& like) {
  std::string name = file_name(like), dir = like.substr(0, like.size() - name.size());
  size_t dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  std::string stem = name.substr(0, name.size() - ext.size());
  while (!stem.empty() && std::isdigit(static_cast<unsigned char>(stem.back()))) stem.pop_back();
  for (size_t k = 1;; ++k) {
    std::string candidate = dir + stem + std::to_string(k) + ext;
    std::string key = normalize_part_name(candidate);
    if (pkg_.has(candidate) || writer_.has(candidate) || taken_.count(key)) continue;
    taken_.insert(key);
    return candidate;
  }
}

void ChartParts::add_override(const std::string& like, const std::string& part) {
  if (!types_loaded_) {
    types_loaded_ = true;
    if (auto xml = pkg_.read("[Content_Types].xml"); xml.ok()) types_.load(*xml);
  }
  // without an override the extension's default covers the copy as it covered the original
  if (std::string type = types_.override_type(normalize_part_name(like)); !type.empty()) {
    types_.set_override(part, type);
    types_changed_ = true;
  }
}

Expected<std::pair<std::string, std::string>> ChartParts::copy_chart(const std::string& source_part, pugi::xml_node rel,
                                                                     const std::string& chart) {
  std::string part = fresh_name(chart);
  Rels* from = rels_[normalize_part_name(source_part)].get();
  std::string rid = from->rels.add_like(rel, retarget(rel.attribute("Target").value(), part));
  from->changed = true;
  add_override(chart, part);
  if (Rels* own = rels_of(chart)) {
    auto copy = std::make_unique<Rels>();
    copy->rels.assign(own->rels);
    copy->part = part;
    copy->changed = true;
    for (pugi::xml_node r : copy->rels.all()) {
      if (std::string(r.attribute("TargetMode").value()) == "External") continue;
      std::string target = resolve_part_target(chart, r.attribute("Target").value());
      auto bytes = pkg_.read(target);
      if (!bytes) continue;  // a dangling reference stays as dangling as it was
      std::string to = fresh_name(target);
      writer_.put(to, std::move(*bytes));
      add_override(target, to);
      r.attribute("Target").set_value(retarget(r.attribute("Target").value(), to).c_str());
    }
    rels_[normalize_part_name(part)] = std::move(copy);
  } else {
    rels_[normalize_part_name(part)] = nullptr;
  }
  return std::pair{part, rid};
}

Expected<std::string> ChartParts::bind(const std::string& source_part, const std::string& rid, const ChartData& data,
                                       const std::optional<std::string>& title, std::vector<std::string>& notes) {
  pugi::xml_node rel = relationship(source_part, rid);
  if (!rel || std::string(rel.attribute("TargetMode").value()) == "External")
    return chart_error(source_part, "图表引用的关系 " + rid + " 不存在");
  std::string chart = pkg_.find(resolve_part_target(source_part, rel.attribute("Target").value()));
  auto xml = pkg_.read(chart.empty() ? resolve_part_target(source_part, rel.attribute("Target").value()) : chart);
  if (!xml) return xml.error();
  std::string part = chart, use_rid = rid;
  if (!bound_.insert(normalize_part_name(chart)).second) {
    auto copy = copy_chart(source_part, rel, chart);
    if (!copy) return copy.error();
    std::tie(part, use_rid) = *copy;
  }
  auto filled = fill_chart_xml(*xml, data, title, &notes);
  if (!filled) {
    Diagnostic d = filled.error();
    d.part = part;
    return d;
  }
  writer_.put(part, std::move(*filled));
  if (Rels* own = rels_of(part)) {
    for (pugi::xml_node r : own->rels.all()) {
      if (!ooxml::type_is(r.attribute("Type").value(), "package") ||
          std::string(r.attribute("TargetMode").value()) == "External")
        continue;
      auto book = chart_workbook(data);
      if (!book) return book.error();
      writer_.put(resolve_part_target(part, r.attribute("Target").value()), std::move(*book));
    }
  }
  return use_rid;
}

void ChartParts::finish() {
  for (auto& [key, r] : rels_)
    if (r && r->changed) writer_.put(ooxml::rels_part_of(r->part), r->rels.text());
  if (types_changed_) writer_.put("[Content_Types].xml", types_.text());
}

}  // namespace jixiao
