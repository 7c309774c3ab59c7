#include "model/rule_schema_check.h"

#include <map>

#include "model/record_schema.h"

namespace jixiao::rules {
namespace {

// What a name stands for: a record kind and, inside it, a list ("funds.sources") or nothing (the record).
struct Place {
  std::string kind;
  std::string prefix;
};

using Params = std::vector<std::pair<std::string, std::vector<std::string>>>;

std::string join(const std::string& a, const std::string& b) { return a.empty() ? b : b.empty() ? a : a + "." + b; }

std::optional<std::string> kind_of_record(const std::string& name) {
  if (name == "selfeval") return "dept_selfeval";
  if (name == "summary") return "project_summary";
  if (name == "projects") return "project_selfeval";
  if (is_record_name(name) && name != "prior") return "final_accounts_table";
  return std::nullopt;
}

// A list, a field, or a group of fields ("t04.expenditure.carryover_end" over its four columns).
bool known(const KindDef& k, const std::string& path) {
  if (path.empty() || k.has_list(path) || k.field(path)) return true;
  std::string canon;
  for (const auto& l : k.lists)
    if (path.size() > l.size() && path.compare(0, l.size(), l) == 0 && path[l.size()] == '.') canon = l + "[]" + path.substr(l.size());
  for (const FieldDef& f : k.fields)
    for (const std::string& p : {path, canon})
      if (!p.empty() && f.path.size() > p.size() && f.path.compare(0, p.size(), p) == 0 && f.path[p.size()] == '.') return true;
  return false;
}

class Checker {
 public:
  explicit Checker(const Params& params) : params_(params) {}

  std::optional<SchemaComplaint> walk(const Node& n, const std::map<std::string, Place>& env,
                                      const std::optional<Place>& row) {
    switch (n.op) {
      case Op::Path:
        return path(n, env, row);
      case Op::For: {
        // The variable names the row in its own list's condition too (for c in t02.items where … c.code).
        auto env2 = env;
        if (auto p = list_place(*n.kids[0], env, row)) env2[n.text] = *p;
        if (auto c = walk(*n.kids[0], env2, row)) return c;
        return walk(*n.kids[1], env2, row);
      }
      case Op::Where: {
        if (auto c = walk(*n.kids[0], env, row)) return c;
        return walk(*n.kids[1], env, list_place(*n.kids[0], env, row));
      }
      case Op::Call:
        if (n.fn == Fn::Sum && n.kids.size() == 2) {
          if (auto c = walk(*n.kids[0], env, row)) return c;
          return walk(*n.kids[1], env, list_place(*n.kids[0], env, row));
        }
        break;
      default:
        break;
    }
    for (const auto& k : n.kids)
      if (auto c = walk(*k, env, row)) return c;
    return std::nullopt;
  }

 private:
  // Where a path leads: the kind and each full path it can stand for (one per value of a $param).
  std::optional<std::pair<std::string, std::vector<std::string>>> resolve(const Node& n,
                                                                          const std::map<std::string, Place>& env,
                                                                          const std::optional<Place>& row) const {
    if (n.path.empty()) return std::nullopt;
    size_t i = 0;
    Place base;
    const std::string& head = n.path[0].name;
    if (n.path[0].param) return std::nullopt;
    if (auto v = env.find(head); v != env.end()) {
      base = v->second;
      i = 1;
    } else if (head == "prior" && n.path.size() > 1 && kind_of_record(n.path[1].name)) {
      base.kind = *kind_of_record(n.path[1].name);
      i = 2;
    } else if (auto k = kind_of_record(head)) {
      base.kind = *k;
      i = 1;
    } else if (row) {
      base = *row;
    } else {
      return std::nullopt;
    }
    std::vector<std::string> paths{base.prefix};
    for (; i < n.path.size(); ++i) {
      std::vector<std::string> next;
      if (!n.path[i].param) {
        for (auto& p : paths) next.push_back(join(p, n.path[i].name));
      } else {
        const std::vector<std::string>* values = nullptr;
        for (const auto& [name, vs] : params_)
          if (name == n.path[i].name) values = &vs;
        if (!values) return std::nullopt;
        for (auto& p : paths)
          for (const auto& v : *values) next.push_back(join(p, v));
      }
      paths = std::move(next);
    }
    return std::make_pair(base.kind, std::move(paths));
  }

  std::optional<Place> list_place(const Node& n, const std::map<std::string, Place>& env,
                                  const std::optional<Place>& row) const {
    if (n.op == Op::Where) return list_place(*n.kids[0], env, row);
    if (n.op != Op::Path) return std::nullopt;
    auto r = resolve(n, env, row);
    if (!r || r->second.size() != 1) return std::nullopt;
    return Place{r->first, r->second[0]};
  }

  std::optional<SchemaComplaint> path(const Node& n, const std::map<std::string, Place>& env,
                                      const std::optional<Place>& row) const {
    auto r = resolve(n, env, row);
    if (!r) return std::nullopt;
    const KindDef* k = record_kind(r->first);
    if (!k) return std::nullopt;
    for (const std::string& p : r->second)
      if (!known(*k, p)) {
        std::string written;
        for (const auto& s : n.path) written += (written.empty() ? "" : ".") + std::string(s.param ? "$" : "") + s.name;
        std::string why = schema_complaint(r->first, p);
        if (why.empty()) why = r->first + " 没有字段 " + p;
        return SchemaComplaint{n.pos, written + "：" + why};
      }
    return std::nullopt;
  }

  const Params& params_;
};

}  // namespace

std::optional<SchemaComplaint> check_paths(const Node& expression, const Params& params) {
  return Checker(params).walk(expression, {}, std::nullopt);
}

}  // namespace jixiao::rules
