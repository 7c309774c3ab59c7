#include "writers/record_json.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <set>

#include "model/record_schema.h"

namespace jixiao {

using nlohmann::ordered_json;

namespace {

// The contract's order of paths per kind: the record schema's order (model/record_schema.h), lists
// at the place of their first field; the assembled final_accounts record in DOMAIN.md §5's order.
const std::vector<std::string>& path_order(const std::string& kind) {
  static const std::map<std::string, std::vector<std::string>> kOrders = [] {
    std::map<std::string, std::vector<std::string>> out;
    for (const KindDef& k : record_kinds()) {
      std::vector<std::string>& order = out[k.kind];
      for (const FieldDef& f : k.fields) {
        size_t brackets = f.path.find("[]");
        std::string p = brackets == std::string::npos ? f.path : f.path.substr(0, brackets);
        if (std::find(order.begin(), order.end(), p) == order.end()) order.push_back(p);
      }
    }
    out["final_accounts"] = {"department", "year", "unit", "income", "expenditure", "general_budget_expenditure",
                             "basic_expenditure", "three_public", "gov_fund"};
    return out;
  }();
  static const std::vector<std::string> kNone;
  auto it = kOrders.find(kind);
  return it == kOrders.end() ? kNone : it->second;
}

// The fields of a list's entries in schema order ("indicators" -> level1, level1_weight, level2 …).
const std::vector<std::string>& row_order(const std::string& kind, const std::string& list) {
  static const std::map<std::pair<std::string, std::string>, std::vector<std::string>> kRows = [] {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> out;
    for (const KindDef& k : record_kinds())
      for (const FieldDef& f : k.fields) {
        size_t brackets = f.path.find("[].");
        if (brackets == std::string::npos) continue;
        out[{k.kind, f.path.substr(0, brackets)}].push_back(f.path.substr(brackets + 3));
      }
    return out;
  }();
  static const std::vector<std::string> kNone;
  auto it = kRows.find({kind, list});
  return it == kRows.end() ? kNone : it->second;
}

// Fields that are words whatever they look like (a target of "100%" stays "100%"): the schema's
// text, code, grade and date fields. A field the schema does not know is judged by its last name.
bool is_text_field(const std::string& kind, const std::string& path) {
  if (const FieldDef* d = schema_field(kind, path))
    return d->type == FieldType::Text || d->type == FieldType::Code || d->type == FieldType::Grade ||
           d->type == FieldType::Date;
  static const std::set<std::string> kText = {
      "target", "actual", "standard", "rule", "note", "name", "level1", "level2", "level3", "label", "planned",
      "achieved", "department", "implementer", "grade", "nature", "unit", "evaluated_at", "code"};
  size_t dot = path.rfind('.');
  return kText.count(dot == std::string::npos ? path : path.substr(dot + 1)) > 0;
}

ordered_json field_json(const std::string& kind, const std::string& path, const Field& f) {
  if (f.number && !is_text_field(kind, path)) return decimal_json(*f.number);
  if (f.text.empty()) return f.number ? decimal_json(*f.number) : ordered_json(nullptr);
  return f.text;
}

// Rank of a path in the contract order: the position of the longest listed prefix.
size_t rank_of(const std::vector<std::string>& order, const std::string& path) {
  size_t best = order.size();
  size_t best_len = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    const std::string& p = order[i];
    bool prefix = path == p || (path.size() > p.size() && path.compare(0, p.size(), p) == 0 && path[p.size()] == '.');
    if (prefix && p.size() > best_len) best = i, best_len = p.size();
  }
  return best;
}

// "indicators.2.score" before "indicators.10.score".
bool natural_less(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) && std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t ei = i, ej = j;
      while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
      while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
      std::string na = a.substr(i, ei - i), nb = b.substr(j, ej - j);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ei, j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i, ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

bool internal(const std::string& path) {
  if (!path.empty() && path[0] == '_') return true;
  return path.find("._") != std::string::npos;
}

// Sets value at a dotted path, creating objects on the way; a path that runs into a value is kept flat.
void put(ordered_json& root, const std::string& path, ordered_json value) {
  ordered_json* node = &root;
  size_t start = 0;
  for (;;) {
    size_t dot = path.find('.', start);
    std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (dot == std::string::npos) {
      (*node)[key] = std::move(value);
      return;
    }
    ordered_json& next = (*node)[key];
    if (next.is_null()) next = ordered_json::object();
    if (!next.is_object()) {
      root[path] = std::move(value);
      return;
    }
    node = &next;
    start = dot + 1;
  }
}

ordered_json row_json(const std::string& kind, const std::string& list, const FieldMap& row) {
  const auto& order = row_order(kind, list);
  std::vector<std::string> keys;
  for (const auto& [k, f] : row)
    if (!internal(k)) keys.push_back(k);
  std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
    return rank_of(order, a) < rank_of(order, b);
  });
  ordered_json obj = ordered_json::object();
  for (const auto& k : keys) obj[k] = field_json(kind, list + "." + k, row.at(k));
  return obj;
}

// "indicators.3.score" -> "indicators.score": a computed list value judged by its list's field.
std::string computed_schema_path(const std::string& path) {
  std::string out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t dot = path.find('.', start);
    std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    bool digits = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) out += (out.empty() ? "" : ".") + part;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

ordered_json text_or_number(const std::string& s) {
  if (s.empty()) return nullptr;
  if (auto d = Decimal::parse(s); d && s.find(',') == std::string::npos) return decimal_json(*d);
  return s;
}

}  // namespace

ordered_json decimal_json(Decimal d) {
  std::string s = d.to_string();
  if (s.find('.') == std::string::npos) return static_cast<int64_t>(d.units() / Decimal::kOne);
  ordered_json j = std::strtod(s.c_str(), nullptr);
  if (j.dump() == s) return j;
  return s;  // a double would not print it as written
}

ordered_json record_json(const Record& rec) {
  const auto& order = path_order(rec.kind);
  struct Entry {
    std::string path;
    const Field* field = nullptr;                 // a value
    const std::vector<FieldMap>* list = nullptr;  // or a list
  };
  std::vector<Entry> entries;
  for (const auto& [path, f] : rec.fields)
    if (!internal(path)) entries.push_back({path, &f, nullptr});
  for (const auto& [name, rows] : rec.lists)
    if (!internal(name)) entries.push_back({name, nullptr, &rows});
  auto by_contract = [&](const std::string& a, const std::string& b) {
    size_t ra = rank_of(order, a), rb = rank_of(order, b);
    return ra != rb ? ra < rb : natural_less(a, b);
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const Entry& a, const Entry& b) { return by_contract(a.path, b.path); });

  ordered_json j = ordered_json::object();
  j["kind"] = rec.kind;
  std::vector<std::pair<std::string, std::string>> cells, notes;
  for (const Entry& e : entries) {
    if (e.field) {
      put(j, e.path, field_json(rec.kind, e.path, *e.field));
      if (!e.field->source.cell.empty()) cells.emplace_back(e.path, e.field->source.cell);
      if (std::string how = read_note(*e.field); !how.empty() && e.field->source.cell.size())
        notes.emplace_back(e.path, how);
      continue;
    }
    ordered_json arr = ordered_json::array();
    for (size_t i = 0; i < e.list->size(); ++i) {
      const FieldMap& row = (*e.list)[i];
      ordered_json row_obj = row_json(rec.kind, e.path, row);
      for (const auto& [k, v] : row_obj.items()) {
        const Field& f = row.at(k);
        if (!f.source.cell.empty()) cells.emplace_back(e.path + "." + std::to_string(i) + "." + k, f.source.cell);
        if (std::string how = read_note(f); !how.empty())
          notes.emplace_back(e.path + "." + std::to_string(i) + "." + k, how);
      }
      arr.push_back(std::move(row_obj));
    }
    put(j, e.path, std::move(arr));
  }
  ordered_json c = ordered_json::object();
  for (auto& [path, cell] : cells) c[path] = cell;
  j["cells"] = std::move(c);
  // How a value was read, where it was not read as it stands: "文本数字", "元→万元", "标签中的分值".
  if (!notes.empty()) {
    ordered_json n = ordered_json::object();
    for (auto& [path, note] : notes) n[path] = note;
    j["notes"] = std::move(n);
  }

  if (!rec.computed.empty()) {
    std::vector<std::string> paths;
    for (const auto& [path, f] : rec.computed) paths.push_back(path);
    std::stable_sort(paths.begin(), paths.end(), by_contract);
    ordered_json comp = ordered_json::object();
    for (const auto& path : paths) comp[path] = field_json(rec.kind, computed_schema_path(path), rec.computed.at(path));
    j["computed"] = std::move(comp);
  }
  return j;
}

ordered_json finding_json(const Finding& f) {
  ordered_json j = ordered_json::object();
  j["rule"] = f.rule;
  j["severity"] = severity_name(f.severity);
  j["file"] = f.file;
  j["sheet"] = f.sheet;
  j["cell"] = f.cell;
  j["message"] = f.message;
  j["expected"] = text_or_number(f.expected);
  j["found"] = text_or_number(f.found);
  return j;
}

ordered_json findings_json(const Findings& findings) {
  ordered_json arr = ordered_json::array();
  for (const auto& f : findings) arr.push_back(finding_json(f));
  return arr;
}

}  // namespace jixiao
