// The claims of a report's text: each number with what the words around it say it is — a level (an
// amount of this year, last year or the budget), a change on last year with its direction word, a rate
// of change, a share of a named whole, a completion of the budget, a count — and the sentence
// structures that tie figures together (其中 lists, 与上年相比, 占…的). Parsing never fails: a number
// whose words are not understood is left out, so that the audit checks less rather than guesses.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/text_blocks.h"
#include "model/narrative_text.h"
#include "model/report_math.h"

namespace jixiao::narrative {

enum class FigureType {
  Level,       // an amount: 本年收入合计3555.82万元
  Change,      // an amount of change with its word: 减少468.94万元
  Rate,        // a rate of change with its word: 下降11.65%
  Share,       // 占96.46%, 占本年支出合计的96.46%
  Completion,  // 完成预算100%, 为预算数的57.18%
  Count,       // 等3个项目
};

enum class Role { Current, Prior, Budget };  // this year's actual, last year's, the budget

struct Figure {
  FigureType type = FigureType::Level;
  Role role = Role::Current;
  Decimal value;                // amounts in 万元, percentages as fractions, counts as written
  Interval range;               // what the printed figure stands for (rounding of its last digit)
  NumberUnit unit = NumberUnit::None;
  std::string unit_text;        // as written: 万元, %, 辆, 人 …
  std::optional<Trend> trend;   // Change / Rate
  std::string subject;          // canonical name of what it is ("本年收入合计"), may be empty
  std::string base;             // Share: the whole it names (占…的); empty when not named
  std::string label;            // the folded words before it in its clause
  int year = 0;                 // the year its words name (2022年…), 0 when none
  bool unit_missing = false;    // an amount written without 万元 ("为21.15，")
  bool zero_word = false;       // 无…支出: a zero no number states
  bool in_budget_list = false;  // a part of a 其中 list whose head is a budget
  bool comparison = false;      // its words compare it (与…相比, 比…, 较…): the other side of a change
  bool follows = false;         // a share joined to the one before by 、/和/及 only (占…的8.1%和91.9%)
  int paired = -1;              // Share of a 分别 list: the amount it is the share of (A和B，占…的X和Y);
                                // -2 when the list's amounts and shares cannot be paired one to one
  int base_figure = -1;         // Share whose whole is stated in its own words (占…29472万元的比例为11.32%)
  size_t block = 0;             // index into the document's blocks
  size_t sentence = 0;          // index into Claims::sentences
  size_t begin = 0, end = 0;    // original byte range of the number and its unit in the block's text
  size_t number_end = 0;        // original end of the digits
  size_t fbegin = 0, fend = 0;  // the same in the block's folded text
  size_t clause_begin = 0;      // original byte offset where its clause starts
  std::string shown;            // as written, e.g. "3,429.91万元"
};

struct Sentence {
  size_t block = 0;
  size_t begin = 0, end = 0;     // folded range
  size_t obegin = 0;             // original start
  std::vector<size_t> figures;   // indices into Claims::figures, in order
  int list_head = -1;            // the figure a 其中 / 主要用于 list in it hangs from
  std::string whole_subject;     // "X中，" at its start: the whole its shares are of
  bool ends_with_list_intro = false;  // the block ends with 其中： — the list goes on in the next blocks
};

// A 其中 list: a total and its parts.
struct ListClaim {
  size_t head = 0;
  std::vector<size_t> parts;
};

// 等3个项目 after a list of nine, or 4个项目（A、B、C、D）.
struct CountClaim {
  size_t figure = 0;        // the count
  int listed = 0;           // items the text lists
  int listed_certain = 0;   // of them, those long enough to be an item on their own (a 、 inside a name splits it)
  bool after = false;       // the list follows the count in brackets (exact) rather than preceding 等
};

// X（类）Y（款）Z（项）, each name as written.
struct ClassNameClaim {
  size_t block = 0;
  std::string names[3];          // 类, 款, 项 (folded)
  size_t begin[3] = {}, end[3] = {};  // original ranges of each name
  size_t claim_end = 0;               // original end of the closing （项）
  int figure = -1;               // the amount stated for it, if any
};

// 决算数小于预算数, 决算数与预算数持平 and the like.
struct BudgetRelationClaim {
  size_t block = 0;
  size_t sentence = 0;
  int relation = 0;                 // -1 小于/低于, 0 等于, +1 大于/高于/超过
  size_t begin = 0, end = 0;        // original range of the words
  std::string subject;              // the paragraph's subject (its first level figure)
  int actual = -1, budget = -1;     // figures of the paragraph, when stated
  int completion = -1;              // 完成预算100%，决算数与预算数持平: the completion stated before the words
};

// A year named where the report's own year is meant: 2020年 … 上年度 in a 2021 report.
struct YearMention {
  size_t block = 0, sentence = 0;
  int year = 0;
  size_t begin = 0, end = 0;        // original range of "2020年"
  bool with_prior_word = false;     // its sentence also speaks of 上年度 / 上年 / 上一年度
  bool in_date = false;             // 2022年12月31日
};

struct Claims {
  std::vector<std::string> folded;  // per block
  std::vector<FoldedText> maps;     // per block
  std::vector<Sentence> sentences;
  std::vector<Figure> figures;
  std::vector<ListClaim> lists;
  std::vector<CountClaim> counts;
  std::vector<ClassNameClaim> class_names;
  std::vector<BudgetRelationClaim> relations;
  std::vector<YearMention> years;
  int report_year = 0;   // the year the report is about (the most named), 0 when unclear
  bool wan_two_decimals = false;  // the report writes 万元 with two decimals, dropping trailing zeros
};

// Reads the claims of a document. `report_year` (from the tables, when given) overrides the year the
// text suggests.
Claims parse_claims(const DocumentText& doc, int report_year = 0);

}  // namespace jixiao::narrative
