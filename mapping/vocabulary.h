// The shared vocabulary: the words real forms use for each schema field — column headers, row
// labels, block labels, titles, level-1 group names, grade words — with their variants, as data
// (mapping/layouts/vocabulary.xml, and a region's own vocabulary*.xml beside its layouts). Every
// layout draws on it, so a synonym learned from one region's form serves every layout.
//
// File format (UTF-8 XML; comments record where each word was seen):
//
//   <vocabulary>
//     <title kind="project_selfeval" words="项目支出绩效自评表|绩效自评表"/>   words a title contains
//     <block id="funds" words="项目资金|预算执行情况|项目预算执行情况"/>      a block's label
//     <columns context="funds">                                              a table's columns by the
//       <column field="budget" words="全年预算数|全年预算|预算数"/>             field they fill
//       <column field="budget" marker="A"/>      a header marked （A） is the budget when no column
//     </columns>                                 carries the words (年初预算数（A） on a form without
//                                                a 全年预算数 column)
//     <rows context="funds">
//       <row id="total" words="年度资金总额|资金总额"/>                        a row label
//     </rows>
//     <groups>                                    level-1 groups, by their canonical word
//       <group word="产出指标" words="产出指标|产出"/>
//     </groups>
//     <grades>                                    grade words, by band (优 良 中 差)
//       <grade band="优" words="优|优秀"/>
//     </grades>
//   </vocabulary>
//
// Words are compared as canonical labels (mapping/label_text.h: NFKC, spaces and line breaks
// removed, bracketed parts and a trailing colon dropped), so "全年预算数（A）" is "全年预算数". Several
// files merge: a later file adds words to a term, never removes them.
#pragma once

#include <map>
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

struct VocabWords {
  std::string raw;                    // "a|b|c" as written, merged over files
  std::vector<std::string> synonyms;  // canonical forms
  std::vector<std::string> origins;   // per synonym: "vocabulary.xml:42", for --explain
};

struct Vocabulary {
  std::map<std::string, VocabWords> titles;                       // kind -> words
  std::map<std::string, VocabWords> blocks;                       // block id -> words
  std::map<std::pair<std::string, std::string>, VocabWords> columns;  // (context, field) -> words
  std::map<std::pair<std::string, std::string>, std::string> markers; // (context, marker "A") -> field
  std::map<std::pair<std::string, std::string>, VocabWords> rows;  // (context, row id) -> words
  std::map<std::string, VocabWords> groups;                       // canonical group word -> words
  std::map<std::string, VocabWords> grades;                       // band -> words

  const VocabWords* column(const std::string& context, const std::string& field) const;
  // The group a level-1 label belongs to ("产出\n指标（50分）" -> "产出指标"); empty when none.
  std::string group_of(const std::string& label) const;
  // The band a grade word names ("优秀" -> "优"); empty when none.
  std::string band_of(const std::string& word) const;
};

// Reads one vocabulary file and adds its words to `into`.
std::optional<Diagnostic> load_vocabulary_file(const std::string& path, Vocabulary& into);

}  // namespace jixiao
