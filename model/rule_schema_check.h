// A rule's paths against the record schema (model/record_schema.h): `selfeval.funds.budgte` or
// `t03.items.$col` with `each $col in total, basci` is refused when the rules load, naming the line
// and column and the names the record does have, instead of a rule that silently never fires.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/rule_ast.h"

namespace jixiao::rules {

struct SchemaComplaint {
  Pos pos;
  std::string message;  // Chinese: "selfeval.funds.budgte：dept_selfeval 没有字段 funds.budgte；相近的有 …"
};

// params: each `$name` with the values the rule's `each` gives it.
std::optional<SchemaComplaint> check_paths(const Node& expression,
                                           const std::vector<std::pair<std::string, std::vector<std::string>>>& params);

}  // namespace jixiao::rules
