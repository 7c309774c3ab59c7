// Stub: replaced by the full implementation.
#include "readers/formula.h"

namespace jixiao::formula {

Result evaluate(std::string_view formula, int, Context&) {
  Result r;
  r.reason = "尚未实现公式计算";
  return r;
}

std::string shift_formula(std::string_view formula, int32_t, int32_t) { return std::string(formula); }

}  // namespace jixiao::formula
