#include "writers/xlsx_tags.h"

#include <charconv>

namespace jixiao {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool valid_path(std::string_view p) {
  if (p.empty() || p.front() == '.' || p.back() == '.') return false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '{' || c == '}' || c == '|' || c == ' ' || c == '"' || c == '\'' || c == '#' || c == '/') return false;
    if (c == '.' && i + 1 < p.size() && p[i + 1] == '.') return false;
  }
  return true;
}

}  // namespace

ParsedCellText parse_cell_text(std::string_view text) {
  ParsedCellText out;
  size_t i = 0;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) out.pieces.push_back({TagPiece::Kind::Text, std::move(literal), {}, {}});
    literal.clear();
  };
  while (i < text.size()) {
    size_t open = text.find("{{", i);
    if (open == std::string_view::npos) {
      literal.append(text.substr(i));
      break;
    }
    literal.append(text.substr(i, open - i));
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      out.error = "标签没有以 }} 结束";
      out.error_tag = std::string(text.substr(open, 40));
      return out;
    }
    std::string tag(text.substr(open, close + 2 - open));
    std::string_view inner = trim(text.substr(open + 2, close - open - 2));
    i = close + 2;
    out.has_tags = true;
    TagPiece p;
    p.tag = tag;
    if (inner == ".") {
      p.kind = TagPiece::Kind::Dot;
    } else if (inner == "@index") {
      p.kind = TagPiece::Kind::Index;
    } else if (!inner.empty() && (inner.front() == '#' || inner.front() == '/')) {
      p.kind = inner.front() == '#' ? TagPiece::Kind::Open : TagPiece::Kind::Close;
      std::string_view path = trim(inner.substr(1));
      if (!valid_path(path)) {
        out.error = "区段标签中的路径无效";
        out.error_tag = tag;
        return out;
      }
      p.text = std::string(path);
      p.segments = split_path(p.text);
    } else if (inner.empty()) {
      out.error = "空标签";
      out.error_tag = tag;
      return out;
    } else if (inner.front() == '?' || inner.front() == '^' || inner.front() == '!' ||
               inner.find('|') != std::string_view::npos) {
      out.error = "XLSX 模板暂不支持条件标签和过滤器（只支持 {{路径}}、{{.}}、{{@index}}、{{#列表}}…{{/列表}}）";
      out.error_tag = tag;
      return out;
    } else if (!valid_path(inner)) {
      out.error = "标签中的路径无效（应为以点分隔的名称，如 funds.budget 或 indicators.0.score）";
      out.error_tag = tag;
      return out;
    } else {
      p.kind = TagPiece::Kind::Path;
      p.text = std::string(inner);
      p.segments = split_path(p.text);
    }
    flush();
    out.pieces.push_back(std::move(p));
  }
  flush();
  return out;
}

namespace {

const nlohmann::ordered_json* step(const nlohmann::ordered_json* v, const std::string& seg) {
  if (v->is_object()) {
    auto it = v->find(seg);
    return it == v->end() ? nullptr : &*it;
  }
  if (v->is_array()) {
    size_t idx = 0;
    auto [p, ec] = std::from_chars(seg.data(), seg.data() + seg.size(), idx);
    if (ec != std::errc() || p != seg.data() + seg.size() || idx >= v->size()) return nullptr;
    return &(*v)[idx];
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segs;
  size_t i = 0;
  while (true) {
    size_t j = path.find('.', i);
    segs.emplace_back(path.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return segs;
}

const nlohmann::ordered_json* lookup_path(const std::vector<ScopeFrame>& scopes, const std::vector<std::string>& segs) {
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
    const nlohmann::ordered_json* v = step(it->value, segs[0]);
    if (!v) continue;
    for (size_t k = 1; k < segs.size() && v; ++k) v = step(v, segs[k]);
    return v;
  }
  return nullptr;
}

const nlohmann::ordered_json* lookup_path(const std::vector<ScopeFrame>& scopes, std::string_view path) {
  return lookup_path(scopes, split_path(path));
}

void append_json_number(std::string& out, const nlohmann::ordered_json& v) {
  char buf[40];
  std::to_chars_result r{};
  if (v.is_number_unsigned()) r = std::to_chars(buf, buf + sizeof buf, v.get<uint64_t>());
  else if (v.is_number_integer()) r = std::to_chars(buf, buf + sizeof buf, v.get<int64_t>());
  else r = std::to_chars(buf, buf + sizeof buf, v.get<double>());  // shortest round trip, as JSON prints
  out.append(buf, r.ptr);
}

std::string json_text(const nlohmann::ordered_json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number()) {
    std::string out;
    append_json_number(out, v);
    return out;
  }
  return v.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

bool truthy(const nlohmann::ordered_json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_array() || v.is_object()) return !v.empty();
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  if (v.is_number()) return v.get<double>() != 0;
  return true;
}

}  // namespace jixiao
