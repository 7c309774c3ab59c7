#include "writers/template_language.h"

#include <charconv>

namespace jixiao::tmpl {

namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

Diagnostic tag_error(std::string message) { return Diagnostic::error("template.tag", std::move(message)); }

bool valid_path(std::string_view p) {
  if (p.empty() || p.front() == '.' || p.back() == '.') return false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '{' || c == '}' || c == '|' || space(c) || c == '"' || c == '\'' || c == '#' || c == '/') return false;
    if (c == '.' && i + 1 < p.size() && p[i + 1] == '.') return false;
  }
  return true;
}

const Json* step(const Json* v, const std::string& seg) {
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

Expected<Tag> parse_tag(std::string_view inner) {
  Tag t;
  t.text = "{{" + std::string(inner) + "}}";
  std::string_view s = trim(inner);
  size_t bar = s.find('|');
  std::string_view head = trim(s.substr(0, bar));
  if (bar != std::string_view::npos) t.filters = parse_filters(s.substr(bar + 1));
  if (head == "@index") {  // the position, not a picture
    t.source = Tag::Source::Index;
    t.path = "@index";
    return t;
  }
  if (!head.empty()) {
    switch (head.front()) {
      case '#': t.kind = Tag::Kind::Section; break;
      case '?': t.kind = Tag::Kind::If; break;
      case '^': t.kind = Tag::Kind::Unless; break;
      case '/': t.kind = Tag::Kind::Close; break;
      case '@': t.kind = Tag::Kind::Image; break;
      default: break;
    }
    if (t.kind != Tag::Kind::Value) head = trim(head.substr(1));
  }
  if (head.empty()) return tag_error("标签 " + t.text + " 是空的：应为 {{路径}}，如 {{funds.budget}}");
  if (t.kind != Tag::Kind::Value && !t.filters.empty() && t.kind != Tag::Kind::Image)
    return tag_error("区段标签 " + t.text + " 不能带过滤器");
  t.path = std::string(head);
  if (head == ".") {
    t.source = Tag::Source::Dot;
    if (t.kind != Tag::Kind::Value) return tag_error("标签 " + t.text + " 中的路径无效：区段和条件要用数据中的名称");
    return t;
  }
  if (!valid_path(head))
    return tag_error("标签 " + t.text + " 中的路径无效（应为以点分隔的名称，如 funds.budget 或 indicators.0.score）");
  t.segments = split_path(head);
  return t;
}

std::optional<std::string_view> sole_tag_inner(std::string_view s) {
  s = trim(s);
  if (s.size() < 5 || s.substr(0, 2) != "{{" || s.substr(s.size() - 2) != "}}" || s.find("{{", 2) != std::string_view::npos)
    return std::nullopt;
  std::string_view inner = s.substr(2, s.size() - 4);
  if (inner.find("}}") != std::string_view::npos) return std::nullopt;
  return inner;
}

ParsedText parse_text(std::string_view text) {
  ParsedText out;
  std::string literal;
  auto flush = [&] {
    if (literal.empty()) return;
    Piece p;
    p.literal = std::move(literal);
    out.pieces.push_back(std::move(p));
    literal.clear();
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find("{{", i);
    if (open == std::string_view::npos) {
      literal.append(text.substr(i));
      break;
    }
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      out.error = "标签没有以 }} 结束";
      out.error_tag = std::string(text.substr(open, 40));
      return out;
    }
    open = text.rfind("{{", close);  // "{{ {{x}}": the innermost opening, the rest is text
    literal.append(text.substr(i, open - i));
    i = close + 2;
    out.has_tags = true;
    auto tag = parse_tag(text.substr(open + 2, close - open - 2));
    if (!tag) {
      out.error = tag.error().message;
      out.error_tag = std::string(text.substr(open, close + 2 - open));
      return out;
    }
    flush();
    Piece p;
    p.is_tag = true;
    p.tag = std::move(tag).value();
    out.pieces.push_back(std::move(p));
  }
  flush();
  return out;
}

bool CloseFinder::closes(const Tag& t) {
  if (t.path != open_.path) return false;
  if (t.kind == Tag::Kind::Close) {
    if (depth_ == 0) return true;
    --depth_;
  } else if (t.opens()) {
    ++depth_;
  }
  return false;
}

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

const Json* lookup(const Scopes& scopes, const std::vector<std::string>& segs) {
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
    const Json* v = step(it->value, segs[0]);
    if (!v) continue;
    for (size_t k = 1; k < segs.size() && v; ++k) v = step(v, segs[k]);
    return v;
  }
  return nullptr;
}

Expected<const Json*> resolve(const Scopes& scopes, const Tag& tag, Json& scratch) {
  switch (tag.source) {
    case Tag::Source::Dot:
      return scopes.back().value;
    case Tag::Source::Index:
      for (auto it = scopes.rbegin(); it != scopes.rend(); ++it)
        if (it->index) {
          scratch = it->index;
          return &scratch;
        }
      return tag_error("标签 " + tag.text + " 只能用在区段 {{#列表}}…{{/列表}} 之内");
    case Tag::Source::Path:
      break;
  }
  return lookup(scopes, tag.segments);
}

bool truthy(const Json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_array() || v.is_object()) return !v.empty();
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  return true;  // a number, 0 included: the value is there
}

void section_frames(const Tag& open, const Json& value, const Scopes& scopes, std::vector<Frame>& out) {
  if (open.kind == Tag::Kind::If || open.kind == Tag::Kind::Unless) {
    if (truthy(value) == (open.kind == Tag::Kind::If)) out.push_back(scopes.back());
    return;
  }
  if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) out.push_back({&value[i], i + 1, &open.path});
  } else if (truthy(value)) {
    out.push_back({&value, 1, &open.path});  // shown once: the first and only copy
  }
}

void append_json_number(std::string& out, const Json& v) {
  char buf[40];
  std::to_chars_result r{};
  if (v.is_number_unsigned()) r = std::to_chars(buf, buf + sizeof buf, v.get<uint64_t>());
  else if (v.is_number_integer()) r = std::to_chars(buf, buf + sizeof buf, v.get<int64_t>());
  else r = std::to_chars(buf, buf + sizeof buf, v.get<double>());  // shortest round trip, as JSON prints
  out.append(buf, r.ptr);
}

std::string plain_text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return {};
  if (v.is_boolean()) return v.get<bool>() ? "是" : "否";
  if (v.is_number()) {
    std::string out;
    append_json_number(out, v);
    return out;
  }
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Expected<std::string> value_text(const Tag& tag, const Json& value) {
  if (value.is_array() || value.is_object())
    return tag_error("标签 " + tag.text + " 的值是列表或对象，不能直接写入；请用 {{#" + tag.path + "}} … {{/" + tag.path +
                     "}}");
  if (tag.filters.empty()) return plain_text(value);
  auto text = apply_filters(value, tag.filters);
  if (!text) return tag_error("标签 " + tag.text + "：" + text.error().message);
  return text;
}

std::string missing_path_message(const Tag& tag) {
  return "标签 " + tag.text + " 的路径“" + tag.path + "”在数据中不存在";
}

std::string unclosed_section_message(const Tag& open) {
  return "标签 " + open.text + " 没有对应的结束标签 {{/" + open.path + "}}";
}

std::string stray_close_message(const Tag& close) { return "多余的结束标签 " + close.text + "：前面没有对应的开始标签"; }

namespace {

Expected<bool> render_range(const std::vector<Piece>& pieces, size_t begin, size_t end, Scopes& scopes,
                            const TagResolver& resolve_tag, std::string& out) {
  static const Json null_value;
  for (size_t i = begin; i < end; ++i) {
    const Piece& p = pieces[i];
    if (!p.is_tag) {
      out += p.literal;
      continue;
    }
    const Tag& t = p.tag;
    if (t.kind == Tag::Kind::Close) return tag_error(stray_close_message(t));
    if (t.kind == Tag::Kind::Image) return tag_error("图片标签 " + t.text + " 只能用在 Word 模板中");
    auto v = resolve_tag(t);
    if (!v) return v.error();
    if (!t.opens()) {
      if (!*v) continue;  // lenient: missing prints nothing
      auto text = value_text(t, **v);
      if (!text) return text.error();
      out += *text;
      continue;
    }
    CloseFinder finder(t);
    size_t close = i + 1;
    while (close < end && !(pieces[close].is_tag && finder.closes(pieces[close].tag))) ++close;
    if (close == end) return tag_error(unclosed_section_message(t));
    std::vector<Frame> frames;
    section_frames(t, *v ? **v : null_value, scopes, frames);
    for (const Frame& f : frames) {
      scopes.push_back(f);
      auto ok = render_range(pieces, i + 1, close, scopes, resolve_tag, out);
      scopes.pop_back();
      if (!ok) return ok;
    }
    i = close;
  }
  return true;
}

}  // namespace

Expected<bool> render_text(const std::vector<Piece>& pieces, Scopes& scopes, const TagResolver& resolve_tag,
                           std::string& out) {
  return render_range(pieces, 0, pieces.size(), scopes, resolve_tag, out);
}

}  // namespace jixiao::tmpl
