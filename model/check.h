// `check` over records that came from many files: recompute every self-evaluation, group records
// by department and year, and run the reconciliation rules on each group (within a table, across
// the nine tables, against last year's tables, against the department's self-evaluation).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/finding.h"
#include "model/profile.h"
#include "model/record.h"
#include "model/rule_language.h"

namespace jixiao {

struct CheckOptions {
  const RuleSet* rules = nullptr;
  // The profile of an id (the layout's, or profile_override when set).
  std::function<Expected<const Profile*>(const std::string& id)> profile;
  std::string profile_override;
};

struct DepartmentYear {
  std::string department;  // as written (the first record's spelling)
  std::string year;
  std::vector<size_t> members;  // indexes into the records
  bool has_final_accounts = false;
  Record final_accounts;        // the nine tables assembled (DOMAIN.md §5), when any table is there
};

struct CheckResult {
  Findings findings;                // recompute's, then the rules', group by group
  std::vector<DepartmentYear> groups;
  std::vector<Diagnostic> problems;  // a profile that cannot be loaded, a table given twice …
};

// records are recomputed in place (Record::computed is filled).
CheckResult run_check(std::vector<Record>& records, const CheckOptions& options);

// "剑阁县 医疗保障局" and "剑阁县医疗保障局" are one department; "2022年度" is year "2022".
std::string department_key(const std::string& department);
std::string year_key(const std::string& year);

}  // namespace jixiao
