#include "app/audit.h"

#include <filesystem>
#include <map>

#include "mapping/engine.h"
#include "model/decimal.h"
#include "model/narrative_claims.h"
#include "readers/document_text.h"
#include "writers/docx_comments.h"

namespace jixiao::app {

namespace {

using narrative::NarrativeFinding;

std::string lower_extension(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool is_workbook(const std::string& path) {
  std::string ext = lower_extension(path);
  return ext == ".xlsx" || ext == ".xlsm" || ext == ".xls";
}

bool is_docx(const std::string& path) {
  std::string ext = lower_extension(path);
  return ext == ".docx" || ext == ".docm";
}

// The 决算 tables among the records of some workbooks, by table id (the first of each). False (status
// Unreadable) when a workbook cannot be read.
bool read_tables(Resources& resources, const std::vector<LayoutSpec>& layouts, const std::vector<std::string>& files,
                 std::vector<Record>& store, std::map<std::string, const Record*>& out, AuditResult& result) {
  size_t first = store.size();
  for (const std::string& file : files) {
    Diagnostics diags;
    auto wb = read_xlsx_file(file, diags, resources.xlsx());
    result.add(diags);
    if (!wb) {
      result.fail(Status::Unreadable, wb.error());
      return false;
    }
    Diagnostics mdiags;
    for (MappedSheet& m : map_workbook(*wb, file, layouts, mdiags))
      if (m.record && m.record->kind == "final_accounts_table") store.push_back(std::move(*m.record));
    result.add(mdiags);
  }
  for (size_t i = first; i < store.size(); ++i) out.emplace(store[i].text("table"), &store[i]);
  return true;
}

}  // namespace

AuditResult audit(Resources& resources, const AuditOptions& o) {
  AuditResult result;
  std::vector<std::string> reports, table_files;
  for (const std::string& f : o.files) (is_workbook(f) ? table_files : reports).push_back(f);
  if (reports.empty()) {
    result.fail(Status::Refused, "audit.usage", "没有要核对的报告：请给出 .docx 或 .pdf 文件");
    return result;
  }
  if (!o.output.empty()) {
    if (reports.size() != 1 || !is_docx(reports[0])) {
      result.fail(Status::Refused, "audit.usage", "-o 只能用于一份 .docx 报告（在其副本上加批注）");
      return result;
    }
    std::error_code ec;
    for (const auto* list : {&o.files, &o.prior})
      for (const std::string& in : *list)
        if (std::filesystem::exists(o.output, ec) && std::filesystem::equivalent(o.output, in, ec)) {
          result.fail(Status::Refused, "audit.usage", "拒绝覆盖输入文件 " + in);
          return result;
        }
  }
  auto vocab = narrative::load_vocabulary(resources.data_dir() / "model" / "narrative");
  if (!vocab) {
    result.fail(Status::Refused, vocab.error());
    return result;
  }
  std::vector<Record> store;
  store.reserve(64);
  narrative::AuditTables tables;
  if (!table_files.empty() || !o.prior.empty()) {
    auto layouts = resources.layouts();
    if (!layouts) {
      result.fail(Status::Refused, layouts.error());
      return result;
    }
    if (!read_tables(resources, **layouts, table_files, store, tables.current, result) ||
        !read_tables(resources, **layouts, o.prior, store, tables.prior, result))
      return result;
  }
  if (!table_files.empty() && tables.current.empty()) {
    Diagnostic d;
    d.code = "audit.no_tables";
    d.message = "给出的工作簿中没有识别出部门决算公开表：只核对报告文字本身";
    d.severity = Severity::Warning;
    result.add(d);
  }
  int year = 0;
  for (const auto& [id, rec] : tables.current)
    if (auto y = Decimal::parse(rec->text("year")); y && !year) year = static_cast<int>(y->units() / Decimal::kOne);

  for (const std::string& file : reports) {
    auto doc = read_document_text(file, PackageLimits{resources.xlsx().limits.max_part_bytes});
    if (!doc) {
      result.fail(Status::Unreadable, doc.error());
      return result;
    }
    narrative::Claims claims = narrative::parse_claims(*doc, year);
    ReportAudit ra;
    ra.file = file;
    ra.format = doc->format;
    ra.year = claims.report_year;
    ra.paragraphs = doc->blocks.size();
    ra.figures = claims.figures.size();
    ra.findings = narrative::audit_claims(*doc, claims, *vocab, tables.current.empty() && tables.prior.empty() ? nullptr : &tables);
    for (const NarrativeFinding& f : ra.findings)
      if (f.severity == Severity::Error) result.raise(Status::Findings);
    if (!o.output.empty()) {
      std::vector<DocxComment> marks;
      for (const NarrativeFinding& f : ra.findings)
        marks.push_back({doc->blocks[f.block].where.paragraph, f.mark_begin, f.mark_end,
                         std::string(f.severity == Severity::Error ? "【错误】" : "【提示】") + f.message +
                             (f.expected.empty() ? "" : "（应为 " + f.expected + "）")});
      auto w = write_docx_comments(file, o.output, marks, "jixiao");
      if (!w) {
        result.fail(Status::Unreadable, w.error());
        return result;
      }
      result.annotated = o.output;
    }
    result.reports.push_back(std::move(ra));
  }
  return result;
}

nlohmann::ordered_json audit_json(const AuditResult& r) {
  using Json = nlohmann::ordered_json;
  Json j;
  j["reports"] = Json::array();
  j["findings"] = Json::array();
  int counts[3] = {0, 0, 0};
  for (const ReportAudit& ra : r.reports) {
    j["reports"].push_back({{"file", ra.file}, {"format", ra.format}, {"year", ra.year ? Json(ra.year) : Json()},
                            {"paragraphs", ra.paragraphs}, {"figures", ra.figures}, {"findings", ra.findings.size()}});
    for (const NarrativeFinding& f : ra.findings) {
      Json o;
      o["rule"] = f.rule;
      o["severity"] = severity_name(f.severity);
      o["file"] = ra.file;
      o["paragraph"] = f.where.paragraph;
      if (f.where.table) {
        o["table"] = f.where.table;
        o["row"] = f.where.row;
        o["cell"] = f.where.cell;
      }
      if (f.where.page) o["page"] = f.where.page;
      o["message"] = f.message;
      o["text"] = f.text;
      o["expected"] = f.expected;
      o["found"] = f.found;
      j["findings"].push_back(std::move(o));
      ++counts[f.severity == Severity::Error ? 0 : f.severity == Severity::Warning ? 1 : 2];
    }
  }
  j["summary"] = {{"error", counts[0]}, {"warning", counts[1]}, {"info", counts[2]}, {"reports", r.reports.size()}};
  if (!r.annotated.empty()) j["annotated"] = r.annotated;
  return j;
}

}  // namespace jixiao::app
