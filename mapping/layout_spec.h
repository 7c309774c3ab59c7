// Layout specs: how a kind of sheet is laid out, as data (mapping/layouts/*.xml), so that a region
// adds its variant with one file and no recompiling. A spec names label anchors with their
// synonyms and says where the values sit relative to them; recognition never uses coordinates.
//
//   <layout id="hubei-2019-project" kind="project_selfeval" profile="hubei-2019"
//           name="项目支出绩效自评表（湖北 2019）" threshold="0.75">
//     <anchor label="项目支出绩效自评表" weight="2"/>          a title or label that must be present
//     <value field="name" label="项目名称"/>                  the value right of the label (or after
//                                                             its colon: "项目名称：某项目")
//     <value field="year" pattern="(\d{4})\s*年度"/>          the first cell text matching a regex
//     <value field="year" read="year"/>                       the first year written in a cell:
//                                                             four digits and 年 ("2022年度" -> 2022)
//     <value field="table" const="05"/>                        a value the layout itself implies
//     <value field="funds.weight" label="项目资金" from="label" unit="分"/>   a number in the label's
//                                                             brackets: "项目资金（20分）" -> 20
//     <value field="total_score" label="总分" column="得分"/>   in the label's row, under the nearest
//                                                             header "得分" above it
//     <table block="项目资金" prefix="funds">                 a table: a header row with columns,
//       <column field="budget" label="全年预算数" type="amount"/>   then body rows below it
//       <column field="total" label="本年支出/小计;合计"/>    a header two levels deep ('/'), or
//                                                             another header (';')
//       <row label="年度资金总额"/>                          a named row -> funds.budget ...
//       <rows list="funds.sources" label-field="label"/>      other rows -> a list
//     </table>
//     <table list="indicators">                               every body row -> a list entry
//       <column field="level1" label="一级指标" fill="down"/>
//       <total label="合计|总计" prefix="total"/>            a totals row -> total.budget ...
//       <end label="说明|总分"/>                              a row that ends the table
//     </table>
//     <crosstab list="groups" corner="评价项目" key="level1" total="合计" total-prefix="total_">
//       <row field="weight" label="权重" type="number"/>      a transposed table: one entry per column
//     </crosstab>
//   </layout>
//
// Labels: synonyms separated by '|', compared after NFKC with spaces, line breaks, bracketed parts
// and trailing colons removed ("项目资金\n（20分）" matches "项目资金"). Column types: text (default),
// number (scores, weights), amount (money: converted to 万元 when the sheet says 元), rate (a
// fraction: "99.9%" -> 0.999), date.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/text_norm.h"
#include "mapping/vocabulary.h"

namespace jixiao {

enum class ValueType { Text, Number, Amount, Rate, Date };

struct LabelSpec {
  std::string raw;                  // as written in the spec, for messages
  std::vector<std::string> synonyms;  // canonical forms
  std::vector<std::string> origins;   // per synonym where it came from ("vocabulary.xml:42"); empty
                                      // entries (or a short vector) mean the layout file itself
  bool empty() const { return synonyms.empty(); }
  // Where the synonym `canon` was defined, for --explain: "vocabulary.xml:42" or the layout's file.
  std::string origin_of(const std::string& canon, const std::string& layout_file) const;
};

struct AnchorSpec {
  LabelSpec label;
  double weight = 1;
  bool title = false;  // words a title contains (title="kind"); a label must be the whole cell
};

// A layout's pattern, compiled the first time a sheet is matched against it: building ICU's regex
// tables costs more than loading every layout, and most sheets never need them. A region's layouts
// are compiled as they load, so that a broken pattern is reported at once; the shipped ones are
// held to compile by the tests.
class DeferredRegex {
 public:
  explicit DeferredRegex(std::string pattern) : pattern_(std::move(pattern)) {}
  // nullptr when the pattern does not compile.
  const TextRegex* get() const {
    std::call_once(once_, [this] { compiled_ = TextRegex::compile(pattern_); });
    return compiled_ ? &*compiled_ : nullptr;
  }

 private:
  std::string pattern_;
  mutable std::once_flag once_;
  mutable std::optional<TextRegex> compiled_;
};

struct ValueSpec {
  std::string field;
  LabelSpec label;
  std::string pattern;       // regex over cell texts (first capture group is the value)
  std::shared_ptr<DeferredRegex> regex;  // pattern, compiled when first used
  std::string read;          // "year": the first four digits followed by 年 (no regex needed)
  std::string constant;      // a fixed value the layout implies (the table number of 公开05表)
  std::string from;          // "" (right of the label / after its colon) | "below" | "label" (brackets)
  std::string unit;          // with from="label": the unit that follows the number ("分")
  LabelSpec column;          // the value sits in the label's row, under the nearest header above
                             // matching this ("总分" row, "得分" column)
  ValueType type = ValueType::Text;
  bool optional = false;
  double weight = 1;         // in recognition
  int nth = 1;               // the nth value right of the label ("年度总体目标 | 预期 | 实际": 2 is 实际)
};

struct ColumnSpec {
  std::string field;
  LabelSpec label;                // the last level of the first header path, for messages
  // Header paths, tried in order: "本年支出/小计;合计" is two alternatives, the first two levels
  // deep ("本年支出" over "小计"), the second one level.
  std::vector<std::vector<LabelSpec>> paths;
  ValueType type = ValueType::Text;
  bool fill_down = false;         // empty or merged cells repeat the value above
  std::string weight_field;       // the number in this column's label brackets ("项目决策(18分)")
  bool optional = false;
  bool row_label = false;         // this column holds the rows' labels (tables side by side)
  std::string marker;             // a header marked （A） / （B） may stand for this column (vocabulary)
};

struct RowSpec {                  // a named row of a table: its values go to prefix.field ...
  LabelSpec label;
  std::string prefix;
  std::string field;              // ... or its one value (column `column`, or the only number
  std::string column;             //     column) goes to this field
  int occurrence = 1;             // the Nth row with this label ("一般公共预算财政拨款" twice in 公开04)
  bool or_first = false;          // no row carries the label: the first body row without a label is it
                                  // (a 资金 table of one unlabelled row, 重庆)
};

struct TableSpec {
  int occurrence = 1;             // tables side by side with the same headers: the Nth from the left
  bool single_row = false;        // the first body row -> the columns' fields (no prefix)
  LabelSpec skip;                 // rows to pass over (栏次 …)
  bool total_continues = false;   // the totals row comes first: keep reading after it
  bool skip_blank_rows = false;   // other rows without any value are not listed
  LabelSpec block;                // the block label left of / above the header, limiting the rows
  bool block_optional = false;    // without the block label, look for the header anywhere
  std::string prefix;             // single-row table: the first body row -> prefix.field
  std::string list;               // every body row -> an entry of this list
  std::string vocab;              // the vocabulary context its columns draw on ("funds", "indicators")
  std::vector<ColumnSpec> columns;
  std::vector<RowSpec> rows;      // named rows (fund totals)
  std::string other_rows_list;    // rows that are not named -> this list, with their label in
  std::string other_label_field;  //   this field
  LabelSpec total;                // a totals row ...
  std::string total_prefix;       //   -> total_prefix.field
  LabelSpec end;                  // rows that end the table
  LabelSpec stop;                 // the other tables' block labels: where one of them stands left of
                                  // the data, the next block has begun (set when the layout loads)
  double weight = 1;
};

struct CrosstabRowSpec {
  std::string field;
  LabelSpec label;
  ValueType type = ValueType::Number;
};

struct CrosstabSpec {
  std::string list;
  LabelSpec corner;               // the top-left label of the header row
  std::string key;                // field that receives each column's header text
  LabelSpec total;                // the totals column
  std::string total_prefix;       // record field prefix for the totals column
  std::vector<CrosstabRowSpec> rows;
  double weight = 1;
};

struct LayoutSpec {
  std::string id, kind, profile, name, file;
  std::shared_ptr<const Vocabulary> vocabulary;  // the words it drew on (shared by every layout)
  double threshold = 0.75;
  std::vector<AnchorSpec> anchors;
  std::vector<AnchorSpec> excludes;   // labels whose presence rules this layout out
  std::vector<ValueSpec> values;
  std::vector<TableSpec> tables;
  std::vector<CrosstabSpec> crosstabs;
};

// One layout file, its labels completed from the vocabulary and every field checked against the
// record schema (model/record_schema.h): an unknown field is an error naming the file and line.
// check_patterns: compile its patterns now (a broken one is an error), not when first used.
Expected<LayoutSpec> load_layout_file(const std::string& path, std::shared_ptr<const Vocabulary> vocabulary,
                                      bool check_patterns = true);
// The same from a layout's text; `name` stands for the file in messages (a drafted layout).
Expected<LayoutSpec> load_layout_text(const std::string& text, const std::string& name,
                                      std::shared_ptr<const Vocabulary> vocabulary);
// The layouts of several directories, in order (the shipped ones first, then a region's): first
// every vocabulary*.xml of every directory (their words merge), then every other *.xml, sorted by
// file name within a directory. A broken file is an error naming it. The first directory's patterns
// compile when first used, the others' as they load (DeferredRegex).
Expected<std::vector<LayoutSpec>> load_layouts(const std::vector<std::string>& dirs);
Expected<std::vector<LayoutSpec>> load_layouts(const std::string& dir);

ValueType parse_value_type(const std::string& s);
LabelSpec make_label(const std::string& raw);

}  // namespace jixiao
