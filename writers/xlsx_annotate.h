// Annotated copies: the submitted workbook back with its problems marked where they are.
//
// Every cell named by a finding is filled light red (FFFFC7CE) and carries a note (cell comment)
// "【错误】rule：message" (one line per finding on that cell, errors first); with `fix`, the
// finding's expected value replaces the cell's (a number stays a number and keeps its style, other
// text such as a grade 良 is written as text). A first sheet 核查结果 lists every finding of the file,
// errors first, each row linked to its cell. Every other part of the package is copied byte for byte.
//
// Decisions (README "批注副本"):
// - a range ("C5:C9") marks its first cell; a finding without a cell, or on a sheet the workbook
//   does not have, is listed in 核查结果 only (linked to the sheet's A1 when the sheet exists);
// - several findings on one cell share one note; with `fix` the first finding with an expected value
//   (errors first) decides the new value, unless a recheck (AnnotateOptions::recheck) corrects it;
// - `fix` on a formula cell writes the value in place of the formula (the formula computed the wrong
//   value) and drops xl/calcChain.xml, as Excel rebuilds it; the master cell of a shared or array
//   formula is marked but not changed (its formula feeds other cells);
// - the sheet that was active stays active (activeTab shifts by one, as do localSheetId and a
//   firstSheet > 0), so no other worksheet part needs to change; docProps/app.xml is left as it was;
// - Strict OOXML workbooks are refused (our additions would mix the two vocabularies).
#pragma once

#include <functional>
#include <string>

#include "core/diagnostic.h"
#include "model/finding.h"

namespace jixiao {

struct AnnotateOptions {
  bool fix = false;  // write Finding::expected into the marked cells
  // With fix: the checks run again on a fixed copy (a path; returns that copy's findings). A
  // finding's expected value can rest on another wrong cell (a total recomputed from a wrong part
  // score): when the recheck finds a fixed cell still wrong, its value is taken instead, up to four
  // rounds; a cell that turns out right as submitted is left as it was. Unset: one pass.
  std::function<Findings(const std::string& path)> recheck;
};

// The name of the sheet listing the findings; "核查结果 (2)" … when the workbook already has one.
inline constexpr const char* kFindingsSheetName = "核查结果";

// Writes the annotated copy of the workbook at `input` to `output` (never over `input`: refused, as
// is any failure, with a Chinese message naming the file; nothing is left at `output` then).
// `findings` are those of this file (Finding::file is not consulted). Deterministic: the same input
// and findings give the same bytes.
Expected<bool> write_annotated_copy(const std::string& input, const Findings& findings,
                                    const AnnotateOptions& options, const std::string& output);

// "错误" / "警告" / "提示".
const char* severity_word_zh(Severity s);

}  // namespace jixiao
