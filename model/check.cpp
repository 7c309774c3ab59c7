#include "model/check.h"

#include <atomic>
#include <functional>
#include <map>

#include "core/parallel.h"
#include "core/text_norm.h"
#include "model/final_accounts.h"
#include "model/recompute.h"
#include "model/workbook_check.h"

namespace jixiao {

std::string department_key(const std::string& department) {
  return normalize_text(department, TextPurpose::Identity);
}

std::string year_key(const std::string& written) {
  std::string year = normalize_text(ascii_year_digits(written), TextPurpose::Value);
  for (size_t i = 0; i + 4 <= year.size(); ++i) {
    bool digits = true;
    for (size_t k = 0; k < 4; ++k) digits &= year[i + k] >= '0' && year[i + k] <= '9';
    if (digits) return year.substr(i, 4);
  }
  return {};
}

namespace {

bool recomputed_kind(const std::string& kind) {
  return kind == "project_selfeval" || kind == "dept_selfeval" || kind == "score_table" || kind == "project_summary";
}

Diagnostic problem(const Record& r, std::string code, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.message = std::move(message);
  d.severity = Severity::Warning;
  for (const auto& [k, f] : r.fields)
    if (!f.source.file.empty()) {
      d.file = f.source.file;
      d.sheet = f.source.sheet;
      break;
    }
  return d;
}

}  // namespace

CheckResult run_check(std::vector<Record>& records, const CheckOptions& o) {
  CheckResult result;
  // 1. Every self-evaluation, score table and summary on its own. Profiles are looked up first
  //    (the lookup may load files), then records are recomputed in parallel.
  std::vector<const Profile*> profile_of(records.size(), nullptr);
  for (size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    if (!recomputed_kind(r.kind)) continue;
    const std::string id = o.profile_override.empty() ? r.profile : o.profile_override;
    if (id.empty() || !o.profile) continue;
    auto p = o.profile(id);
    if (!p) result.problems.push_back(p.error());
    else profile_of[i] = *p;
  }
  std::vector<Findings> per_record(records.size());
  parallel_for(records.size(), [&](size_t i) {
    if (profile_of[i]) per_record[i] = recompute(records[i], *profile_of[i]);
  });
  for (auto& f : per_record) result.findings.insert(result.findings.end(), f.begin(), f.end());
  // Across the sheets of each workbook (records arrive file by file, the file named by their cells).
  {
    std::map<std::string, std::vector<const Record*>> by_file;
    for (const Record& r : records)
      for (const auto& [k, f] : r.fields)
        if (!f.source.file.empty()) {
          by_file[f.source.file].push_back(&r);
          break;
        }
    for (const auto& [file, recs] : by_file) {
      Findings f = check_workbook(recs);
      result.findings.insert(result.findings.end(), f.begin(), f.end());
    }
  }
  // 2. Group by department and year.
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    std::string dept = department_key(r.text("department"));
    std::string year = year_key(r.text("year"));
    if (dept.empty() && year.empty()) continue;
    auto key = std::make_pair(dept, year);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, result.groups.size()).first;
      result.groups.push_back({r.text("department"), year, {}, false, {}});
    }
    result.groups[it->second].members.push_back(i);
  }
  // 3. The rules, group by group, with last year's tables when they were given too.
  auto tables_of = [&](const DepartmentYear& g) {
    std::map<std::string, const Record*> t;
    for (size_t i : g.members) {
      const Record& r = records[i];
      if (r.kind != "final_accounts_table") continue;
      std::string table = r.text("table");
      if (t.count(table)) {
        result.problems.push_back(problem(r, "check.duplicate_table",
                                          g.department + " " + g.year + " 年的公开" + table + "表出现了不止一次，只核对第一张"));
        continue;
      }
      t[table] = &r;
    }
    return t;
  };
  std::vector<std::map<std::string, const Record*>> tables(result.groups.size());
  for (size_t gi = 0; gi < result.groups.size(); ++gi) tables[gi] = tables_of(result.groups[gi]);
  std::vector<Findings> per_group(result.groups.size());
  parallel_for(result.groups.size(), [&](size_t gi) {
    DepartmentYear& g = result.groups[gi];
    RuleScope scope;
    for (const auto& [id, r] : tables[gi]) scope.add_final_accounts_table(*r);
    if (!g.year.empty()) {
      auto prior = index.find({department_key(g.department), std::to_string(std::stoi(g.year) - 1)});
      if (prior != index.end())
        for (const auto& [id, r] : tables[prior->second]) scope.add_final_accounts_table(*r, true);
    }
    for (size_t i : g.members) {
      const Record& r = records[i];
      if (r.kind == "dept_selfeval") scope.set("selfeval", r);
      else if (r.kind == "project_summary") scope.set("summary", r);
      else if (r.kind == "project_selfeval") scope.add_project(r);
    }
    if (o.rules) per_group[gi] = run_rules(*o.rules, scope);
    if (!tables[gi].empty()) {
      g.has_final_accounts = true;
      g.final_accounts = assemble_final_accounts(tables[gi]);
    }
  });
  for (auto& f : per_group) result.findings.insert(result.findings.end(), f.begin(), f.end());
  return result;
}

}  // namespace jixiao
