// Any text as a rules file (model/rules/*.rules): parsing answers with rules or a Diagnostic, and
// running what parsed over a small record never crashes or hangs.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/record.h"
#include "model/rule_language.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rules = jixiao::parse_rules(text, "fuzz.rules");
  if (!rules) return 0;
  static const jixiao::Record t01 = [] {
    jixiao::Record r;
    r.kind = "final_accounts_table";
    r.fields["table"].text = "01";
    r.fields["income.total"].text = "100.00";
    r.fields["expense.total"].text = "99.5";
    return r;
  }();
  jixiao::RuleScope scope;
  scope.add_final_accounts_table(t01);
  (void)jixiao::run_rules(*rules, scope);
  return 0;
}
