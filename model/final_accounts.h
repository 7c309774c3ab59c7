// The nine 公开 tables of one department and year as one `final_accounts` record (DOMAIN.md §5):
// income from 公开01, expenditure from 公开03, the general budget from 公开05, basic expenditure
// from 公开06, 三公 from 公开07, the two funds from 公开08/09. Every value keeps its source cell.
#pragma once

#include <map>
#include <string>

#include "model/record.h"

namespace jixiao {

// tables: "01" … "09" -> the final_accounts_table record of that table (any may be missing).
Record assemble_final_accounts(const std::map<std::string, const Record*>& tables);

}  // namespace jixiao
