// The records of the sample workbooks (samples/openpyxl, made from the seed reports by
// samples/make_samples.py) as the real reader and mapping extract them, for tests of what comes
// after mapping: recompute, the rules, conversion, JSON. A test that changes a value writes the
// Field as a sheet would give it (SheetRef::num / txt), naming the cell it stands for.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mapping/engine.h"
#include "model/decimal.h"
#include "model/record.h"
#include "readers/xlsx_reader.h"
#include "message_facts.h"
#include "test_paths.h"

namespace jixiao::test {

// How mapping/ marks a value it did not read as it stands, from the words inspect shows for it
// (read_note's words: "文本数字", "元→万元", "标签中的分值", "按百分数读取", "换算").
inline Field read_as(Field f, const std::string& note) {
  for (ReadAs flag : {ReadAs::TextNumber, ReadAs::FromYuan, ReadAs::FromLabel, ReadAs::PercentNumber, ReadAs::Converted}) {
    Field probe;
    probe.mark(flag);
    if (note.find(read_note(probe)) != std::string::npos) f.mark(flag);
  }
  return f;
}

// One sheet of a sample workbook.
struct SheetRef {
  std::string file, sheet;

  // A number as shown (text) with its value, e.g. num("99.9%", "0.999", "H9"); note: how mapping/
  // read it, in read_note's words ("文本数字").
  Field num(const std::string& text, const std::string& value, const std::string& cell, const std::string& note = {}) const {
    return read_as(Field{text, *Decimal::parse(value), {file, sheet, cell}, {}}, note);
  }
  Field txt(const std::string& text, const std::string& cell) const {
    return Field{text, std::nullopt, {file, sheet, cell}, {}};
  }
  // A weight read from a label such as "项目资金\n（20分）" (what mapping/ marks ReadAs::FromLabel).
  Field label_weight(const std::string& value, const std::string& cell) const {
    return read_as(Field{value, *Decimal::parse(value), {file, sheet, cell}, {}}, "标签中的分值");
  }
};

inline const std::vector<LayoutSpec>& shipped_layouts() {
  static const std::vector<LayoutSpec> layouts = [] {
    auto l = load_layouts((source_dir() / "mapping" / "layouts").string());
    EXPECT_TRUE(l.ok()) << (l.ok() ? "" : l.error().message);
    return l.ok() ? l.value() : std::vector<LayoutSpec>{};
  }();
  return layouts;
}

// Every record of a sample workbook, in sheet order; Field sources name the file as given.
inline std::vector<Record> sample_records(const std::string& file, const std::string& producer = "openpyxl") {
  Diagnostics diags;
  auto wb = read_xlsx_file((source_dir() / "samples" / producer / file).string(), diags);
  EXPECT_TRUE(wb.ok()) << file << ": " << (wb.ok() ? "" : wb.error().to_text());
  std::vector<Record> out;
  if (!wb) return out;
  for (MappedSheet& m : map_workbook(*wb, file, shipped_layouts(), diags))
    if (m.record) out.push_back(std::move(*m.record));
  return out;
}

// The record of one sheet (the first, when the sheet holds several tables).
inline Record sample_record(const SheetRef& s, const std::string& producer = "openpyxl") {
  for (Record& r : sample_records(s.file, producer))
    for (const auto& [k, f] : r.fields)
      if (f.source.sheet == s.sheet) return std::move(r);
  ADD_FAILURE() << s.file << " '" << s.sheet << "' is not recognised";
  return {};
}

inline const SheetRef kP1{"003_附件1.1_机关建设及日常保障经费.xlsx", "附件1.1 机关建设经费"};
inline const SheetRef kP2{"003_附件1.2_打击欺诈骗取医保基金专项经费.xlsx", "附件1.2 打击欺诈骗保经费"};
inline const SheetRef kSummary{"003_洪山区医保局_2019_项目支出绩效自评.xlsx", "自评结果汇总"};
inline const SheetRef kS4{"004_岚山区城乡居民医保财政补助_绩效评价得分.xlsx", "整体得分情况"};
inline const SheetRef kS4Decision{"004_岚山区城乡居民医保财政补助_绩效评价得分.xlsx", "决策指标得分"};
inline const SheetRef kDept{"001_剑阁县医保局_2022_部门整体支出绩效目标自评表.xlsx", "部门整体支出绩效自评表"};
inline const SheetRef kA2{"001_剑阁县医保局_2022_医疗保障服务能力提升_评价指标体系.xlsx", "绩效评价指标体系"};
inline const SheetRef kA2Paged{"layout07_指标体系_分页重复表头.xlsx", "绩效评价指标体系"};
inline const SheetRef kN0{"000_攀枝花医保事务中心_2021_项目支出绩效自评表.xlsx", "项目支出绩效自评表"};
inline const SheetRef kN0AsText{"layout08_国家版_数字为文本.xlsx", "项目支出绩效自评表"};

// Seed 003 附件1.1 机关建设及日常保障经费: 40.00 / 39.96, 99.9%, 19.98 + 18 + (15+15+15+8) = 90.98, 优.
inline Record project_1_1(const SheetRef& s = kP1) { return sample_record(s); }
// Seed 003 附件1.2 打击欺诈骗取医保基金专项经费: 27.56 / 27.34, 99.2%, 19.84 + 20 + 53 = 92.84, 优.
inline Record project_1_2(const SheetRef& s = kP2) { return sample_record(s); }
// Seed 000 national 项目支出绩效自评表 (scores INVENTED by samples/, see its README): 215.11 / 215.11,
// 100.00%, 10 + (产出 49.25 + 效益 29 + 满意度 10) = 98.25. as_text: layout08, numbers typed as text.
inline Record national_000(bool as_text = false) { return sample_record(as_text ? kN0AsText : kN0); }
// Seed 003 二 自评结果汇总: 40.00 + 27.56 = 67.56, 39.96 + 27.34 = 67.3.
inline Record summary_003(const SheetRef& s = kSummary) { return sample_record(s); }
// Seed 004 整体得分情况: 17.03 + 16.00 + 36.80 + 18.74 = 88.57, 良.
inline Record overall_004(const SheetRef& s = kS4) { return sample_record(s); }
// Seed 004 决策指标得分: 17.03 of 23.
inline Record decision_004() { return sample_record(kS4Decision); }
// Seed 001 部门整体支出绩效目标自评表: 6560.14 / 6560.14, 100%, 10 + 90 = 100.
inline Record dept_001(const SheetRef& s = kDept) { return sample_record(s); }
// Seed 001 附件2 绩效评价指标体系: 31 items, 18 + 22 + 48 + 10 = 98 of 100; paged: layout07.
inline Record a2_001() { return sample_record(kA2); }
inline Record a2_001_paged() { return sample_record(kA2Paged); }

}  // namespace jixiao::test
