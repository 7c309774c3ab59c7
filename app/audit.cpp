#include "app/audit.h"

#include <map>

#include "mapping/engine.h"
#include "model/narrative_claims.h"
#include "writers/docx_comments.h"

namespace jixiao::app {

namespace {

using narrative::NarrativeFinding;

Diagnostic usage(std::string message) {
  Diagnostic d;
  d.code = "audit.usage";
  d.message = std::move(message);
  return d;
}

// The 决算 tables among the records of some workbooks, by table id (the first of each).
int read_tables(const std::vector<std::string>& files, const AuditRequest& rq, std::vector<Record>& store,
                std::map<std::string, const Record*>& out, AuditResult& result) {
  size_t first = store.size();
  for (const std::string& file : files) {
    Diagnostics diags;
    auto wb = read_xlsx_file(file, diags, rq.xlsx);
    result.warnings.append(diags);
    if (!wb) {
      result.error = wb.error();
      return 3;
    }
    Diagnostics mdiags;
    for (MappedSheet& m : map_workbook(*wb, file, rq.layouts, mdiags))
      if (m.record && m.record->kind == "final_accounts_table") store.push_back(std::move(*m.record));
    result.warnings.append(mdiags);
  }
  for (size_t i = first; i < store.size(); ++i) out.emplace(store[i].text("table"), &store[i]);
  return 0;
}

bool is_docx(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".docx" || ext == ".docm";
}

}  // namespace

AuditResult run_audit(const AuditRequest& rq) {
  AuditResult result;
  if (rq.reports.empty()) {
    result.error = usage("没有要核对的报告：请给出 .docx 或 .pdf 文件");
    result.exit_code = 2;
    return result;
  }
  if (!rq.annotated.empty()) {
    if (rq.reports.size() != 1 || !is_docx(rq.reports[0])) {
      result.error = usage("-o 只能用于一份 .docx 报告（在其副本上加批注）");
      result.exit_code = 2;
      return result;
    }
    std::error_code ec;
    for (const auto* list : {&rq.reports, &rq.tables, &rq.prior})
      for (const std::string& in : *list)
        if (std::filesystem::exists(rq.annotated, ec) && std::filesystem::equivalent(rq.annotated, in, ec)) {
          result.error = usage("拒绝覆盖输入文件 " + in);
          result.exit_code = 2;
          return result;
        }
  }
  auto vocab = narrative::load_vocabulary(rq.data_dir / "model" / "narrative");
  if (!vocab) {
    result.error = vocab.error();
    result.exit_code = 2;
    return result;
  }
  std::vector<Record> store;
  store.reserve(64);
  narrative::AuditTables tables;
  if (int c = read_tables(rq.tables, rq, store, tables.current, result)) return result.exit_code = c, result;
  if (int c = read_tables(rq.prior, rq, store, tables.prior, result)) return result.exit_code = c, result;
  if (!rq.tables.empty() && tables.current.empty())
    result.warnings.warn("audit.no_tables", "给出的工作簿中没有识别出部门决算公开表：只核对报告文字本身");
  int year = 0;
  for (const auto& [id, rec] : tables.current)
    if (auto y = Decimal::parse(rec->text("year")); y && !year) year = static_cast<int>(y->units() / Decimal::kOne);

  for (const std::string& file : rq.reports) {
    auto doc = read_document_text(file, PackageLimits{rq.xlsx.limits.max_part_bytes});
    if (!doc) {
      result.error = doc.error();
      result.exit_code = 3;
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
      if (f.severity == Severity::Error) result.exit_code = 1;
    if (!rq.annotated.empty()) {
      std::vector<DocxComment> marks;
      for (const NarrativeFinding& f : ra.findings)
        marks.push_back({doc->blocks[f.block].where.paragraph, f.mark_begin, f.mark_end,
                         std::string(f.severity == Severity::Error ? "【错误】" : "【提示】") + f.message +
                             (f.expected.empty() ? "" : "（应为 " + f.expected + "）")});
      auto w = write_docx_comments(file, rq.annotated, marks, "jixiao");
      if (!w) {
        result.error = w.error();
        result.exit_code = 3;
        return result;
      }
      result.annotated = rq.annotated;
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
