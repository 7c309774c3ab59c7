// Scoring profiles: how a region scores a self-evaluation, as data read at run time
// (<data_dir>/model/profiles/ID.xml), so a region adds its variant without recompiling.
//
// File format (UTF-8 XML; unknown elements and attributes are ignored, so a file may carry notes):
//
//   <profile id="hubei-2019" name="湖北省 2019 项目支出绩效自评" kinds="project_selfeval">
//     <blocks>                                   the parts of the total and their weights (分)
//       <block key="funds" label="项目资金" weight="20"/>        key: funds | goals | indicators
//       <block key="goals" label="项目绩效目标" weight="20"/>    a profile without a goals block
//       <block key="indicators" label="绩效指标" weight="60"/>  has no goals score in the total
//     </blocks>                                  the block weights add up to 100
//     <blocks>                                   national: level-1 weights inside a block, adding up
//       <block key="funds" label="预算执行率" weight="10"/>      to the block's weight
//       <block key="indicators" label="绩效指标" weight="90">
//         <group label="产出指标" weight="50"/><group label="效益指标" weight="30"/>
//         <group label="满意度指标" weight="10"/>
//       </block>
//     </blocks>
//     <blocks weights="sheet">                   score tables: the sheet states every weight;
//       <block key="groups"><group label="决策"/>…</block>      groups only name the usual level 1
//     </blocks>
//     <total label="自评得分"/>                    how the sheets name the total, for messages ("总分" when
//                                                absent); a total is shown as its parts: fund score, goals
//                                                score, then Σ indicators, or one sum per level-1 group when
//                                                the indicators block lists groups ("10 + 49.25 + 29 + 10")
//     <fund-score rule="linear"/>                round(weight × min(执行率, 1), decimals)
//     <fund-score rule="full-above" threshold="90%" below="linear|zero"/>
//                                                full weight at 执行率 ≥ threshold; below it linear
//                                                (default) or zero
//     <grades>                                   highest first; min is inclusive ("90分以上" = ≥ 90);
//       <grade word="优" min="90" aliases="优秀"/>   the last grade has no min (everything below);
//       <grade word="良" min="80" aliases="良好"/>   aliases (space separated) are accepted as the
//       <grade word="中" min="60"/>                  same grade when a sheet writes them
//       <grade word="差"/>
//     </grades>
//     <qualitative achieved="80%" partial="60%"/>   定性 bands: 达成 [0.8w, w], 部分达成 [0.6w, 0.8w),
//                                                   未达成 [0, 0.6w)
//     <rounding mode="half-up" decimals="2"/>    scores and money; only half-up exists
//     <tolerance amount-per-addend="0.01" yuan-exact="true" compare="as-shown"
//                rule-severity="warning" over-100="warning"/>
//   </profile>
//
// Tolerance: a sum of amounts may differ by amount-per-addend × the number of addends (万元 figures
// rounded to 0.01 each), and must be exact when every amount was read in 元 (yuan-exact). Scores
// and rates are compared as shown ("as-shown", the only mode): the computed value rounded to the
// decimals the submitted text shows must equal it ("99.9%" agrees with 39.96 / 40.00 = 0.999;
// "20.00" does not agree with 19.98).
// rule-severity is the severity of an indicator score that disagrees with an indicator rule (scoring
// methods vary by region, so a warning by default); over-100 the severity of a 执行率 above 100%
// ("off" disables it). Numbers may be written "90%" or "0.9" for fractions. A profile found by id
// must carry that id (national.xml: id="national").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/decimal.h"

namespace jixiao {

struct ProfileGroup {
  std::string label;
  std::optional<Decimal> weight;
};

struct ProfileBlock {
  std::string key;    // funds | goals | indicators | groups
  std::string label;  // as the sheets label it, for messages
  std::optional<Decimal> weight;
  std::vector<ProfileGroup> groups;
};

struct GradeBand {
  std::string word;
  std::vector<std::string> aliases;
  std::optional<Decimal> min;  // inclusive; none on the lowest grade
};

enum class FundRule { Linear, FullAbove };

struct Profile {
  std::string id;
  std::string name;
  std::vector<std::string> kinds;  // record kinds the profile is meant for
  std::string file;                // where it was read from, for messages
  bool weights_from_sheet = false;
  std::vector<ProfileBlock> blocks;
  std::string total_label = "总分";
  FundRule fund_rule = FundRule::Linear;
  Decimal fund_threshold = Decimal::from_int(1);  // full-above: the 执行率 that earns full marks
  bool fund_below_zero = false;                   // full-above: zero (not linear) below the threshold
  std::vector<GradeBand> grades;                  // highest first
  Decimal achieved = Decimal::from_units(800'000);  // 定性 达成 from 0.8 × weight
  Decimal partial = Decimal::from_units(600'000);   // 定性 部分达成 from 0.6 × weight
  int decimals = 2;
  Decimal amount_per_addend = Decimal::from_units(10'000);  // 0.01 万元
  bool yuan_exact = true;
  Severity rule_severity = Severity::Warning;
  std::optional<Severity> over_100 = Severity::Warning;

  const ProfileBlock* block(const std::string& key) const;
  // The grade of a total; nullptr when the profile has no grades.
  const GradeBand* grade_for(Decimal total) const;
  // The grade a sheet's word names (word or alias, spaces and a trailing 等/级 ignored); nullptr if none.
  const GradeBand* grade_named(const std::string& word) const;
};

// Reads one profile file. Errors are Chinese and name the file and the problem (code
// "profile.unreadable", "profile.xml", "profile.invalid").
Expected<Profile> load_profile_file(const std::filesystem::path& path);

// <data_dir>/model/profiles/<id>.xml (code "profile.not_found" when it is not there; an id is
// letters, digits, '-' and '_' only).
Expected<Profile> find_profile(const std::string& id, const std::filesystem::path& data_dir);

}  // namespace jixiao
