// Checks a report's claims (model/narrative_claims.h) against each other and, when given, against the
// department's 决算 tables: shares, changes and their direction words, 完成预算, 其中 sums, counts,
// figures stated twice, years, units, 功能分类 names, and every named amount against its table value.
//
// Never a false alarm: a claim is wrong only when no rounding of the figures it rests on explains it
// (each figure ± half a unit of its last printed digit, model/report_math.h), and a claim whose parts
// cannot be found with confidence is not checked at all.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/narrative_claims.h"
#include "model/narrative_vocabulary.h"
#include "model/record.h"
#include "readers/document_text.h"

namespace jixiao::narrative {

struct NarrativeFinding {
  std::string rule;        // "narrative.change_rate" …
  Severity severity = Severity::Error;
  size_t block = 0;        // the paragraph (index into DocumentText::blocks)
  TextLocation where;
  std::string message;     // Chinese, with the arithmetic
  std::string text;        // the claim, quoted exactly as written
  std::string expected;    // what it should say, e.g. "81.82%"
  std::string found;       // what it says, e.g. "45%"
  size_t mark_begin = 0, mark_end = 0;  // the wrong number in the paragraph's text (original bytes)
};

// The department's tables: "01" … "09" → its final_accounts_table record (model/record.h).
struct AuditTables {
  std::map<std::string, const Record*> current;
  std::map<std::string, const Record*> prior;
};

// Findings in the order of the text, one per wrong number (the most telling when several rules agree).
std::vector<NarrativeFinding> audit_claims(const DocumentText& doc, const Claims& claims, const Vocabulary& vocab,
                                           const AuditTables* tables = nullptr);

}  // namespace jixiao::narrative
