#include "app/check_reports.h"

#include <filesystem>
#include <map>
#include <set>

#include "app/audit.h"
#include "core/text_norm.h"

namespace jixiao::app {

namespace {

namespace fs = std::filesystem;

std::string folder_of(const std::string& file) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(file, ec), ec).parent_path().string();
}

}  // namespace

void audit_reports(Resources& resources, const std::vector<std::string>& reports, const std::string& output_dir,
                   CheckResult& result) {
  // The 公开 tables by folder, year and department.
  std::map<std::string, std::map<std::string, std::map<std::string, std::vector<const CheckedFile*>>>> tables;
  for (const CheckedFile& f : result.checked)
    if (f.final_accounts && !f.unreadable && !f.year.empty())
      tables[folder_of(f.file)][f.year][department_key(f.department)].push_back(&f);
  std::vector<CheckedFile> found;
  for (const std::string& report : reports) {
    CheckedFile entry;
    entry.file = report;
    entry.report = true;
    // The report alone first: the year it is about.
    AuditOptions alone;
    alone.files = {report};
    AuditResult first = audit(resources, alone);
    if (!first.ok() || first.reports.empty()) {
      entry.unreadable = true;
      result.add(first.diagnostics.empty() ? Diagnostic::error("check.report", "无法核对此报告", report)
                                           : first.diagnostics.back());
      result.raise(Status::Unreadable);
      found.push_back(std::move(entry));
      continue;
    }
    const int year = first.reports[0].year;
    AuditOptions o;
    o.files = {report};
    auto folder = tables.find(folder_of(report));
    const std::string y = year > 0 ? std::to_string(year) : std::string();
    if (folder != tables.end() && !y.empty()) {
      auto this_year = folder->second.find(y);
      if (this_year != folder->second.end()) {
        // One department's tables: the only one in the folder, or the one the file name names.
        const std::vector<const CheckedFile*>* mine = nullptr;
        if (this_year->second.size() == 1) {
          mine = &this_year->second.begin()->second;
        } else {
          const std::string name = normalize_text(fs::path(report).filename().string(), TextPurpose::Identity);
          for (const auto& [dept, files] : this_year->second)
            if (!dept.empty() && name.find(dept) != std::string::npos) mine = &files;
        }
        if (mine) {
          entry.department = mine->front()->department;
          for (const CheckedFile* f : *mine) o.files.push_back(f->file);
          auto prior = folder->second.find(std::to_string(year - 1));
          if (prior != folder->second.end())
            if (auto p = prior->second.find(department_key(entry.department)); p != prior->second.end())
              for (const CheckedFile* f : p->second) o.prior.push_back(f->file);
        } else {
          Diagnostic d;
          d.code = "check.report_tables";
          d.severity = Severity::Warning;
          d.file = report;
          d.message = "同一文件夹中有多个部门的 " + y + " 年公开表，无法判断此报告属于哪个部门：只核对报告文字本身；可把报告与其部门的表放在同一文件夹";
          result.add(d);
        }
      }
    }
    entry.year = y;
    AuditResult r = o.files.size() > 1 ? audit(resources, o) : std::move(first);
    result.diagnostics.insert(result.diagnostics.end(), r.diagnostics.begin(), r.diagnostics.end());
    // A report that could not be audited is an input not read (never Refused: the batch was done).
    if (!r.ok()) result.raise(Status::Unreadable);
    for (const ReportAudit& ra : r.reports)
      for (const narrative::NarrativeFinding& nf : ra.findings) {
        Finding f;
        f.rule = nf.rule;
        f.severity = nf.severity;
        f.file = report;
        f.cell = nf.where.to_text();
        f.message = nf.message + "（原文：“" + nf.text + "”）";
        f.expected = nf.expected;
        f.found = nf.found;
        result.findings.push_back(std::move(f));
      }
    const bool docx = fs::path(report).extension() == ".docx" || fs::path(report).extension() == ".DOCX";
    if (!output_dir.empty() && docx && !r.reports.empty() && !r.reports[0].findings.empty()) {
      std::error_code ec;
      fs::create_directories(output_dir, ec);
      o.output = (fs::path(output_dir) / fs::path(report).filename()).string();
      AuditResult copy = audit(resources, o);
      if (copy.ok() && !copy.annotated.empty()) entry.copy = copy.annotated;
      else if (!copy.diagnostics.empty()) result.add(copy.diagnostics.back());
    }
    found.push_back(std::move(entry));
  }
  for (CheckedFile& f : found) result.checked.push_back(std::move(f));
}

}  // namespace jixiao::app
