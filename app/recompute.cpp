#include "app/recompute.h"

#include "app/workbooks.h"
#include "mapping/engine.h"
#include "model/recompute.h"
#include "model/workbook_check.h"
#include "writers/record_json.h"
#include "writers/xlsx_annotate.h"
#include "writers/xlsx_from_workbook.h"

namespace jixiao::app {

RecomputeResult recompute(Resources& resources, const RecomputeOptions& o) {
  RecomputeResult result;
  if (!o.output.empty() && o.files.size() != 1) {
    result.fail(Status::Refused, "usage.output",
                "-o 只能配合一个输入文件使用（多个文件请用 jixiao check FILE... -o 目录）");
    return result;
  }
  if (o.fix && o.output.empty()) {
    result.fail(Status::Refused, "usage.fix", "--fix 须与 -o 一起使用：改正写在副本里，从不改动输入文件");
    return result;
  }
  auto layouts = resources.layouts();
  if (!layouts) {
    result.fail(Status::Refused, layouts.error());
    return result;
  }
  if (!o.profile.empty())
    if (auto p = resources.profile(o.profile); !p) {
      result.fail(Status::Refused, p.error());
      return result;
    }

  bool read_all = true;
  for (const std::string& file : o.files) {
    RecomputedFile& rf = result.files.emplace_back();
    rf.file = file;
    Diagnostics diags;
    auto wb = read_xlsx_file(file, diags, resources.xlsx());
    result.add(diags);
    if (!wb) {
      result.fail(Status::Unreadable, wb.error());
      rf.readable = read_all = false;
      continue;
    }
    Diagnostics mdiags;
    auto sheets = map_workbook(*wb, file, **layouts, mdiags);
    result.add(mdiags);
    for (MappedSheet& m : sheets) {
      RecomputedSheet& s = rf.sheets.emplace_back();
      s.sheet = m.sheet;
      s.region = m.region;
      if (!m.record) continue;
      s.layout = m.layout;
      s.record = std::move(m.record);
      s.profile_id = scoring_profile(*s.record, o.profile);
      if (s.profile_id.empty()) continue;
      auto profile = resources.profile(s.profile_id);
      if (!profile) {
        result.fail(Status::Refused, profile.error());
        return result;
      }
      s.profile = *profile;
      s.findings = jixiao::recompute(*s.record, *s.profile);
      for (const Finding& f : s.findings)
        if (f.severity == Severity::Error) result.raise(Status::Findings);
      result.findings.insert(result.findings.end(), s.findings.begin(), s.findings.end());
    }
    // Across the sheets of this workbook: an overview's group scores against their detail sheets.
    std::vector<const Record*> recs;
    for (const RecomputedSheet& s : rf.sheets)
      if (s.record) recs.push_back(&*s.record);
    rf.across = check_workbook(recs);
    for (const Finding& f : rf.across)
      if (f.severity == Severity::Error) result.raise(Status::Findings);
    result.findings.insert(result.findings.end(), rf.across.begin(), rf.across.end());
  }
  if (o.output.empty() || !read_all) return result;

  AnnotateOptions ao;
  ao.fix = o.fix;
  // The fixed copy recomputed the same way, quietly, to correct fixes that rested on other fixes.
  ao.recheck = [&](const std::string& path) {
    Findings out;
    Diagnostics quiet;
    auto wb = read_xlsx_file(path, quiet, resources.xlsx());
    if (!wb) return out;
    for (MappedSheet& m : map_workbook(*wb, path, **layouts, quiet)) {
      if (!m.record) continue;
      std::string id = scoring_profile(*m.record, o.profile);
      if (id.empty()) continue;
      auto profile = resources.profile(id);
      if (!profile) continue;
      Findings f = jixiao::recompute(*m.record, **profile);
      out.insert(out.end(), f.begin(), f.end());
    }
    return out;
  };
  // An .xls input's copy is an .xlsx made from its cells, under the name that says so.
  const std::string output = annotated_copy_path(o.files[0], o.output);
  if (output != o.output && !input_named_by(output, o.files).empty()) {
    result.fail(Status::Refused, "usage.output_is_input",
                "批注副本 " + output + " 会覆盖输入文件；请用另一个输出文件名（-o）");
    return result;
  }
  auto done = write_annotated_copy(o.files[0], result.findings, ao, output);
  if (!done) {
    result.fail(Status::Unreadable, done.error());
    return result;
  }
  result.annotated = output;
  result.fixed = o.fix;
  result.from_xls = output != o.output;
  return result;
}

nlohmann::ordered_json recompute_json(const RecomputeResult& result) {
  using Json = nlohmann::ordered_json;
  Json files = Json::array();
  for (const RecomputedFile& f : result.files) {
    if (!f.readable) continue;
    Json sheets = Json::array();
    for (const RecomputedSheet& s : f.sheets) {
      if (!s.record) continue;
      Json js;
      js["name"] = s.sheet;
      if (s.region) js["region"] = range_name(*s.region);
      js["layout"] = s.layout->id;
      js["profile"] = s.profile ? Json(s.profile_id) : Json(nullptr);
      js["record"] = record_json(*s.record);
      js["findings"] = findings_json(s.findings);
      sheets.push_back(std::move(js));
    }
    Json fj{{"file", f.file}, {"sheets", std::move(sheets)}};
    if (!f.across.empty()) fj["across_sheets"] = findings_json(f.across);
    files.push_back(std::move(fj));
  }
  Json out;
  out["files"] = std::move(files);
  if (!result.annotated.empty())
    out["annotated"] = {{"file", result.files.front().file}, {"output", result.annotated}, {"fix", result.fixed}};
  out["findings"] = findings_json(result.findings);
  int counts[3] = {0, 0, 0};
  for (const Finding& f : result.findings) ++counts[static_cast<int>(f.severity)];
  out["summary"] = {{"error", counts[2]}, {"warning", counts[1]}, {"info", counts[0]}};
  return out;
}

}  // namespace jixiao::app
