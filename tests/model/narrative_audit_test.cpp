// `jixiao audit`'s reading of claims, on the seed reports made into .docx files word for word
// (tests/fixtures/reports/make_reports.py): every slip DOMAIN.md §3 lists for seeds 001 and 002 is
// found with its correct figure, and the seeds' correct sentences give nothing.
#include "model/narrative_audit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/data_dir.h"
#include "readers/document_text.h"
#include "test_paths.h"

namespace jixiao::narrative {
namespace {

const Vocabulary& vocab() {
  static const Vocabulary v = load_vocabulary(test::source_dir() / "model" / "narrative").value();
  return v;
}

DocumentText text_of(const std::string& fixture) {
  auto doc = read_document_text(test::fixture("reports/" + fixture).string());
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().to_text());
  return doc.value();
}

std::vector<NarrativeFinding> audit(const DocumentText& doc, const AuditTables* tables = nullptr, int year = 0) {
  Claims c = parse_claims(doc, year);
  return audit_claims(doc, c, vocab(), tables);
}

DocumentText from_lines(const std::vector<std::string>& lines) {
  DocumentText d;
  d.format = "docx";
  int n = 0;
  for (const std::string& l : lines) {
    TextLocation w;
    w.paragraph = ++n;
    d.blocks.push_back({l, w});
  }
  return d;
}

const NarrativeFinding* find(const std::vector<NarrativeFinding>& fs, const std::string& rule, const std::string& found) {
  for (const auto& f : fs)
    if (f.rule == rule && f.found.find(found) != std::string::npos) return &f;
  return nullptr;
}

int errors(const std::vector<NarrativeFinding>& fs) {
  return static_cast<int>(std::count_if(fs.begin(), fs.end(), [](const auto& f) { return f.severity == Severity::Error; }));
}

TEST(NarrativeAudit, Seed001TextAloneFindsItsSlips) {
  auto fs = audit(text_of("seed001-python-docx.docx"));
  // §六: 一般公共预算财政拨款基本支出3429.91万元, its own 人员经费 + 公用经费 being 345.91 + 46.60
  const auto* basic = find(fs, "narrative.sum", "3429.91");
  ASSERT_NE(basic, nullptr);
  EXPECT_EQ(basic->expected, "392.51");
  EXPECT_EQ(basic->text, "2022年一般公共预算财政拨款基本支出3429.91万元");
  // 等3个项目 after a list of nine
  const auto* count = find(fs, "narrative.count", "3个");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->expected, "9");
  // 巩固扶贫衔接乡村振兴（款） for 21305 巩固脱贫衔接乡村振兴
  const auto* name = find(fs, "narrative.class_name", "巩固扶贫衔接乡村振兴");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->expected, "巩固脱贫衔接乡村振兴");
  // "为21.15，": a warning, not an error
  const auto* unit = find(fs, "narrative.unit_missing", "21.15");
  ASSERT_NE(unit, nullptr);
  EXPECT_EQ(unit->severity, Severity::Warning);
  EXPECT_EQ(errors(fs), 3);
}

TEST(NarrativeAudit, Seed001CorrectSentencesGiveNothing) {
  auto fs = audit(text_of("seed001-python-docx.docx"));
  for (const char* ok : {"96.46%", "3.54%", "11.04%", "88.96%", "78.19%", "20.10%", "1.09%", "0.62%", "11.65%", "47.37%",
                         "11.10%", "13.22%", "468.94", "428.08", "1.35万元", "7.10万元", "98.08%", "1.92%", "5.27%",
                         "0.71%", "94.02%"})
    for (const auto& f : fs) EXPECT_EQ(f.found.find(ok), std::string::npos) << ok << ": " << f.message;
}

TEST(NarrativeAudit, Seed001ClaimsAreRead) {
  DocumentText doc = text_of("seed001-python-docx.docx");
  Claims c = parse_claims(doc);
  EXPECT_EQ(c.report_year, 2022);
  EXPECT_TRUE(c.wan_two_decimals);
  // the shares of 第二部分 二、三 are read as shares of the list's total
  int shares = 0;
  for (const Figure& f : c.figures) shares += f.type == FigureType::Share;
  EXPECT_GE(shares, 24);
  // 与2021年4024.76万元相比 is last year's
  auto it = std::find_if(c.figures.begin(), c.figures.end(), [](const Figure& f) { return f.shown == "4024.76万元"; });
  ASSERT_NE(it, c.figures.end());
  EXPECT_EQ(it->role, Role::Prior);
}

TEST(NarrativeAudit, Seed002FindsEverySlipWithItsFigure) {
  auto fs = audit(text_of("seed002-python-docx.docx"));
  // 三公 0.55 → 1 "同比增加 45%": +81.82%
  const auto* three = find(fs, "narrative.change_rate", "45%");
  ASSERT_NE(three, nullptr);
  EXPECT_EQ(three->expected, "增长81.82%");
  EXPECT_EQ(three->text, "上年度“三公”经费支出 0.55 万元，公务接待费占 100%，同比增加 45%");
  // 培训费 0.01 → 0 "减少 99.5%": −100%
  const auto* training = find(fs, "narrative.change_rate", "99.5%");
  ASSERT_NE(training, nullptr);
  EXPECT_EQ(training->expected, "下降100.00%");
  // 财政应返还额度 "54.03 元": 万元
  const auto* unit = find(fs, "narrative.unit", "54.03 元");
  ASSERT_NE(unit, nullptr);
  EXPECT_EQ(unit->expected, "54.03万元");
  // 0.03 → 54.03 "同比减少 99.94%": it rose
  const auto* rose = find(fs, "narrative.change_rate", "99.94%");
  ASSERT_NE(rose, nullptr);
  EXPECT_EQ(rose->expected.rfind("增长", 0), 0u) << rose->expected;
  // 收入 "预算数437.45 … 决算数460.89": swapped (年初预算 460.89, 收入 437.45)
  const auto* swapped = find(fs, "narrative.swapped", "460.89");
  ASSERT_NE(swapped, nullptr);
  EXPECT_EQ(swapped->expected, "437.45");
  // 2020 in a 2021 report
  const auto* year = find(fs, "narrative.year", "2020");
  ASSERT_NE(year, nullptr);
  EXPECT_EQ(year->expected, "2021年");
  EXPECT_EQ(year->where.paragraph, 28);
}

TEST(NarrativeAudit, Seed002CorrectSentencesGiveNothing) {
  auto fs = audit(text_of("seed002-python-docx.docx"));
  // 88.71% = 106.45 / 120; 1.49% = 1.04 / 70; 57.18% = 13.85 / 24.22; 41.63% = 159.63 / 383.42;
  // 91.25% = (4.8 − 0.42) / 4.8; 差异 77.46 = 460.89 − 383.43; 减少了 9.91 = 27.17 − 17.26
  for (const char* ok : {"88.71%", "1.49%", "57.18%", "78.96%", "50%", "41.63%", "58.37%", "91.25%", "77.46", "23.44",
                         "9.91", "65.18", "1.37", "91.18%", "4.5%", "3.33%", "99.99%"})
    for (const auto& f : fs) EXPECT_EQ(f.found.find(ok), std::string::npos) << ok << ": " << f.message;
}

TEST(NarrativeAudit, RoundingOfTheStatedInputsIsNeverAnError) {
  // 3.8 of 383.43 is 0.99%: "1%" is that rounded; 0 of a 0 budget is "0%"
  auto fs = audit(from_lines({"2021年支出合计383.43万元，其中：农林水支出3.8万元，占1%；卫生健康支出349.60万元，占91.18%。",
                              "因公出国（境）经费支出0万元，预算数为0万元，完成预算0%。",
                              "收入0.02万元，上年度收入0.01万元，同比增长100%。"}));
  EXPECT_TRUE(fs.empty()) << fs.front().message;
}

TEST(NarrativeAudit, WrongDirectionWordAndWrongRate) {
  auto fs = audit(from_lines({"2022年本年支出合计3555.82万元，与2021年4024.76万元相比，增加468.94万元，增长11.65%。",
                              "2022年本年收入合计3555.82万元。与2021年4024.76万元相比，减少468.94万元，下降12.65%。"}));
  const auto* dir = find(fs, "narrative.direction", "468.94");
  ASSERT_NE(dir, nullptr);
  EXPECT_EQ(dir->expected, "减少468.94");
  const auto* rate = find(fs, "narrative.change_rate", "12.65%");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->expected, "下降11.65%");
}

TEST(NarrativeAudit, ASharePastItsRangeIsWrong) {
  // a share of 0.02% that is 83.33%
  auto fs = audit(from_lines({"2022年本年收入合计1.20万元，其中：其他收入1.00万元，占0.02%；事业收入0.20万元，占16.67%。"}));
  const auto* s = find(fs, "narrative.share", "0.02%");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->expected, "83.33%");
  EXPECT_EQ(errors(fs), 1);
}

TEST(NarrativeAudit, AnUnparsedSentenceIsSkipped) {
  auto fs = audit(from_lines({"占比大幅提高，增长明显，约增长30%左右。", "减少12%。", "占45%。", "完成预算的95%。"}));
  EXPECT_TRUE(fs.empty());
}

TEST(NarrativeAudit, SharesOfARespectiveListArePairedWithTheirAmounts) {
  // 财政部 2022年全国政府采购简要情况 (samples/reports r37): each share is of the amount in the same place
  const std::string scale = "2022年全国政府采购规模为34,993.1亿元,较上年减少1,405.9亿元,下降3.9%。";
  auto ok = audit(from_lines({scale + "从结构来看,货物、工程、服务政府采购规模分别为9,027.5亿元、15,664.1亿元和10,301.5亿元,"
                                      "占全国政府采购规模比例为25.8%、44.8%和29.4%。"}));
  EXPECT_EQ(errors(ok), 0) << (ok.empty() ? "" : ok.front().message);
  // the second share made wrong: 15664.1 / 34993.1 = 44.76%
  auto bad = audit(from_lines({scale + "从结构来看,货物、工程、服务政府采购规模分别为9,027.5亿元、15,664.1亿元和10,301.5亿元,"
                                       "占全国政府采购规模比例为25.8%、14.8%和29.4%。"}));
  const auto* s = find(bad, "narrative.share", "14.8%");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->expected, "44.76%");
  EXPECT_EQ(errors(bad), 1);
  // as many shares as amounts, or none is checked
  auto odd = audit(from_lines({scale + "中央和地方分别为2666.3亿元和30400.7亿元,占全国政府采购规模的48.1%。"}));
  EXPECT_EQ(errors(odd), 0);
}

TEST(NarrativeAudit, RevenueAndSpendingWordsAreDirections) {
  // 大姚县 2024年4月 (r30): 增收/减收/减支 are changes, and 完成年初预算数N万元的X% is a completion
  const std::string line = "4月,一般公共预算收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元,下降4.2%。";
  EXPECT_EQ(errors(audit(from_lines({line}))), 0);
  auto rate = audit(from_lines({"4月,一般公共预算收入累计完成24627万元,完成年初预算数60999万元的40.4%,比上年减收1070万元,下降7.2%。"}));
  const auto* r = find(rate, "narrative.change_rate", "7.2%");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->expected, "下降4.16%");
  auto done = audit(from_lines({"4月,一般公共预算收入累计完成24627万元,完成年初预算数60999万元的70.4%,比上年减收1070万元,下降4.2%。"}));
  const auto* d = find(done, "narrative.completion", "70.4%");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->expected, "40.37%");
}

TEST(NarrativeAudit, ASecondChangeInASentenceIsOfTheLevelBeforeIt) {
  // 鹿寨县 2019 (r13): the second clause's change is of its own level, not of the first one
  auto ok = audit(from_lines({"公务用车购置费支出204.78万元,同比减少54.2万元,下降20.93%;公务用车运行维护费支出664.60万元,"
                              "同比增加53.81万元,增长8.81%。"}));
  EXPECT_EQ(errors(ok), 0);
  auto bad = audit(from_lines({"公务用车购置费支出204.78万元,同比减少54.2万元,下降20.93%;公务用车运行维护费支出664.60万元,"
                               "同比增加53.81万元,增长5.81%。"}));
  EXPECT_NE(find(bad, "narrative.change_rate", "5.81%"), nullptr);
}

TEST(NarrativeAudit, AChangeOpeningItsSentenceIsOfTheLevelBefore) {
  // 梧州 军休单位 2021 (r04): 较2020年度决算数减少157.86万元 follows the sentence that states the income
  auto bad = audit(from_lines({"1.一般公共预算财政拨款收入382.17万元,为市本级财政当年拨付的资金。较2020年度决算数减少157.86万元,"
                               "下降39.2%,主要原因:军休人员自然减员。"}));
  const auto* r = find(bad, "narrative.change_rate", "39.2%");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->expected, "下降29.23%");
}

TEST(NarrativeAudit, ACompletionAndTheWordsBesideItMustAgree) {
  // 大英县 (r42): 完成预算100%，决算数与预算数持平 — and the same with a completion that says otherwise
  const std::string ok = "社会保障和就业(类)行政事业单位养老支出(款)(项):支出决算为76.96万元,完成预算100%,决算数与预算数持平。";
  EXPECT_EQ(errors(audit(from_lines({ok}))), 0);
  auto fs = audit(from_lines({"社会保障和就业(类)行政事业单位养老支出(款)(项):支出决算为76.96万元,完成预算89.53%,决算数与预算数持平。"}));
  const auto* r = find(fs, "narrative.budget_relation", "89.53%");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->expected, "100%");
  EXPECT_EQ(errors(audit(from_lines({"支出决算为67.64万元,完成预算89.53%,决算数小于预算数。"}))), 0);
}

TEST(NarrativeAudit, ABudgetReportsChangesAreOfItsBudget) {
  // 绵竹市 2025 三公 预算 (r29): the total is a budget, last year's is named with its year, and the
  // later clauses' changes are of their own items, not of the last-year total stated first
  const std::string head = "2025年“三公”经费预算总额为1969万元,较2024年的2190万元减少221万元,";
  const std::string tail = ";其中:公务接待费242万元,较上年减少12万元,下降4.7%。2025年预算下降。";
  EXPECT_EQ(errors(audit(from_lines({head + "下降10.1%" + tail}))), 0);
  auto fs = audit(from_lines({head + "下降11.1%" + tail}));
  const auto* r = find(fs, "narrative.change_rate", "11.1%");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->expected, "下降10.09%");
}

TEST(NarrativeAudit, AComparedLevelIsLastYearsOfTheLevelBeforeIt) {
  // hlx.gov.cn 2020 三公 (r22): 支出431万元，比上年累计支出433万元减少2万元
  const std::string line = "2020年“三公”经费支出431万元,比上年累计支出433万元减少2万元,下降0.46%,主要原因是压缩开支。";
  EXPECT_EQ(errors(audit(from_lines({line}))), 0);
  auto fs = audit(from_lines({"2020年“三公”经费支出431万元,比上年累计支出433万元减少2万元,下降3.46%,主要原因是压缩开支。"}));
  EXPECT_NE(find(fs, "narrative.change_rate", "3.46%"), nullptr);
  // a change word with what it changes after it is a change, not last year's level (西山区, r31)
  EXPECT_EQ(errors(audit(from_lines({"2014年1—10月,全区民生支出达19.83亿元,较2013年同期增加支出3.52亿元,增幅达21.56%。"}))), 0);
}

TEST(NarrativeAudit, SharesOfAWholeTheTextDoesNotStateMustImplyOneWhole) {
  // 财政部 2022 (r37) without its total: three shares imply the whole; the one that disagrees is wrong
  const std::string list = "从结构来看,货物、工程、服务政府采购规模分别为9,027.5亿元、15,664.1亿元和10,301.5亿元,占全国政府采购规模比例为";
  EXPECT_EQ(errors(audit(from_lines({list + "25.8%、44.8%和29.4%。"}))), 0);
  auto fs = audit(from_lines({list + "25.8%、44.8%和39.4%。"}));
  const auto* s = find(fs, "narrative.share", "39.4%");
  ASSERT_NE(s, nullptr);
  // the whole is only known from the other shares (about 34,975): 10,301.5 of it is about 29.46%
  EXPECT_EQ(s->expected, "约29.46%");
  // 梧州 2024 单位预算 (r09, a real slip; both amounts named as budgets here): two shares of one whole
  // that cannot both be right — a warning, as there is no telling which
  auto two = audit(from_lines({"1. 基本支出预算 2476260.58 元,占一般公共预算支出的84.06%,同比减少 4966.66 元,下降 0.2%。",
                               "2. 项目支出预算 469500 元,占一般公共预算支出的 19.62%,同比增加 70100 元 ,增长 17.55%。"}));
  EXPECT_EQ(errors(two), 0);
  const auto* w = find(two, "narrative.share_base", "19.62");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->severity, Severity::Warning);
  // 占同类产品采购规模的90% … 88% (财政部 2019, r36): one name, a whole of each kind — nothing to compare
  auto kinds = audit(from_lines({"全国强制和优先采购节能、节水产品633.7亿元,占同类产品采购规模的90%,全国优先采购环保产品718.7亿元,"
                                 "占同类产品采购规模的88%。"}));
  EXPECT_TRUE(kinds.empty()) << kinds.front().message;
  // the same name in another section may be another whole: shares far apart are not compared
  auto far = audit(from_lines({"基本支出100.00万元,占总支出的50.00%。", "（略）", "（略）", "（略）",
                               "教育支出300.00万元,占总支出的30.00%。", "卫生健康支出200.00万元,占总支出的20.00%。"}));
  EXPECT_EQ(errors(far), 0);
}

TEST(NarrativeAudit, AChangeThatNamesItsLevelIsOfThatLevel) {
  // 金口河区 2022 (r03): the change names 收入总计, three levels back, not the 年初结转和结余 just before it
  const std::string head = "2022年财政拨款收入总计766.75万元,其中:2022年收入合计610.42万元,年初结转和结余156.33万元,"
                           "与2021年相比收入总计减少315.71万元,";
  EXPECT_EQ(errors(audit(from_lines({head + "下降29.17%。"}))), 0);
  auto fs = audit(from_lines({head + "下降39.17%。"}));
  const auto* r = find(fs, "narrative.change_rate", "39.17%");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->expected, "下降29.17%");
}

TEST(NarrativeAudit, TheComparisonWordsBeforeAChangeWordAreNotPartOfItsName) {
  // 大英县文旅局 2022 (r01): "公务接待费支出决算比2021年减少" names 公务接待费支出 (it read 公务接待费比支出)
  const std::string head = "3.公务接待费支出7.8万元,完成预算100%。公务接待费支出决算比2021年减少1.24万元,";
  EXPECT_EQ(errors(audit(from_lines({head + "下降13.71%。"}))), 0);  // 13.72 from 7.80; 7.8 allows it
  auto fs = audit(from_lines({head + "下降43.71%。"}));
  const auto* r = find(fs, "narrative.change_rate", "43.71%");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->expected, "下降13.72%");
  // 同期 is a comparison word too (西山区, r31)
  auto xs = audit(from_lines({"2014年1—10月,全区民生支出达19.83亿元,较2013年同期增加支出3.52亿元,增幅达51.56%。"}));
  EXPECT_NE(find(xs, "narrative.change_rate", "51.56%"), nullptr);
}

TEST(NarrativeAudit, ASentenceOpeningWithQizhongListsThePartsOfTheAmountBefore) {
  // 桃江县 2019 三公 (r16): the 其中 sentence's shares are of the one actual the sentence before states
  const std::string head = "2019年度“三公”经费财政拨款支出预算为44.52万元,2019年实际支出“三公经费”决算为22.62万元。";
  EXPECT_EQ(errors(audit(from_lines({head + "其中公务接待费为20.10万元,占88.86%;公务用车运行维护费为2.52万元,占11.14%。"}))), 0);
  auto fs = audit(from_lines({head + "其中公务接待费为20.10万元,占58.86%;公务用车运行维护费为2.52万元,占11.14%。"}));
  const auto* s = find(fs, "narrative.share", "58.86%");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->expected, "88.86%");
}

TEST(NarrativeAudit, AWholeStatedInsideTheShareWordsIsItsBase) {
  // 漯河市城乡一体化示范区 2017 (r20): 占一般公共预算支出29472万元的比例为11.32%
  const std::string head = "2017年,示范区一般公共预算教育经费3335.17万元,占一般公共预算支出29472万元的比例为";
  EXPECT_EQ(errors(audit(from_lines({head + "11.32%,比上年的10.54%增加了0.78个百分点。"}))), 0);
  auto fs = audit(from_lines({head + "41.32%,比上年的10.54%增加了0.78个百分点。"}));
  const auto* s = find(fs, "narrative.share", "41.32%");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->expected, "11.32%");
}

}  // namespace
}  // namespace jixiao::narrative
