#include "app/check_summary.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "app/workbooks.h"
#include "model/check.h"
#include "writers/xlsx_table.h"

namespace jixiao::app {

namespace {

namespace fs = std::filesystem;

int rank(Severity s) { return s == Severity::Error ? 0 : s == Severity::Warning ? 1 : 2; }

const char* severity_text(Severity s) { return s == Severity::Error ? "错误" : s == Severity::Warning ? "警告" : "提示"; }

// Where a finding is: “file 'sheet'!C9”.
std::string place(const Finding& f) {
  std::string out = fs::path(f.file).filename().string();
  if (!f.sheet.empty()) out += " '" + f.sheet + "'";
  if (!f.cell.empty()) out += (f.sheet.empty() ? " " : "!") + f.cell;
  return out;
}

TableCell text(std::string s) { return {std::move(s), std::nullopt, {}}; }
TableCell count(size_t n) { return {{}, static_cast<double>(n), {}}; }

// A link from the summary to a copy: relative, so the folder can be moved or zipped as a whole.
TableCell link_to(const std::string& copy, const fs::path& base) {
  std::error_code ec;
  fs::path target = fs::weakly_canonical(fs::absolute(copy, ec), ec);
  fs::path rel = target.lexically_relative(base);
  // A relative URI: '%', '#', '?' and spaces escaped as Excel writes them (the rest stays UTF-8).
  std::string href;
  for (char c : (rel.empty() ? target : rel).generic_string()) {
    if (c == '%') href += "%25";
    else if (c == '#') href += "%23";
    else if (c == '?') href += "%3F";
    else if (c == ' ') href += "%20";
    else href += c;
  }
  return {fs::path(copy).filename().string(), std::nullopt, href};
}

}  // namespace

std::string department_shown(const std::string& department) {
  return department.empty() ? "（未识别部门）" : department;
}

std::vector<SummaryRow> summary_rows(const CheckResult& result) {
  std::vector<SummaryRow> rows;
  std::map<std::pair<std::string, std::string>, size_t> index;
  std::map<std::string, size_t> row_of_file;
  for (size_t i = 0; i < result.checked.size(); ++i) {
    const CheckedFile& f = result.checked[i];
    auto key = std::make_pair(department_key(f.department), f.year);
    auto [it, fresh] = index.emplace(key, rows.size());
    if (fresh) {
      rows.emplace_back();
      rows.back().department = f.department;
      rows.back().year = f.year;
    }
    SummaryRow& row = rows[it->second];
    row.files.push_back(i);
    row.recognised += f.recognised;
    row.unrecognised += f.sheets - f.recognised;
    row.unreadable += f.unreadable ? 1 : 0;
    row_of_file.emplace(f.file, it->second);
  }
  for (size_t k = 0; k < result.findings.size(); ++k) {
    const Finding& f = result.findings[k];
    auto it = row_of_file.find(f.file);
    if (it == row_of_file.end()) {
      // Not at a file of the batch (none such today): a row of its own rather than lost.
      it = row_of_file.emplace(f.file, rows.size()).first;
      rows.emplace_back();
    }
    SummaryRow& row = rows[it->second];
    row.findings.push_back(k);
    switch (f.severity) {
      case Severity::Error: ++row.errors; break;
      case Severity::Warning: ++row.warnings; break;
      case Severity::Info: ++row.infos; break;
    }
  }
  for (SummaryRow& row : rows)
    std::stable_sort(row.findings.begin(), row.findings.end(), [&](size_t a, size_t b) {
      return rank(result.findings[a].severity) < rank(result.findings[b].severity);
    });
  return rows;
}

Expected<bool> write_check_summary(const CheckResult& result, const std::string& path) {
  if (std::string input = input_named_by(path, result.files); !input.empty())
    return Diagnostic::error("summary.target", "汇总表会覆盖输入文件 " + input + "；请换一个文件名", path);
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(fs::absolute(path, ec), ec).parent_path();
  std::map<std::string, std::string> copy_of;
  for (const CheckedFile& f : result.checked)
    if (!f.copy.empty()) copy_of.emplace(f.file, f.copy);
  const std::vector<SummaryRow> rows = summary_rows(result);

  TableSheet summary{"汇总",
                     {"部门", "年度", "文件数", "识别的表", "未识别的表", "无法读取的文件", "错误", "警告", "提示", "主要问题"},
                     {},
                     {28, 8, 8, 10, 11, 14, 8, 8, 8, 70}};
  size_t most_copies = 0;
  for (const SummaryRow& row : rows) {
    std::vector<TableCell> cells{text(department_shown(row.department)), text(row.year),
                                 count(row.files.size()), count(row.recognised), count(row.unrecognised),
                                 count(row.unreadable), count(row.errors), count(row.warnings), count(row.infos)};
    // The first three findings, errors first, each with where it is.
    std::string first;
    for (size_t k = 0; k < row.findings.size() && k < 3; ++k) {
      const Finding& f = result.findings[row.findings[k]];
      if (!first.empty()) first += '\n';
      first += std::string(severity_text(f.severity)) + " " + place(f) + "：" + f.message;
    }
    if (row.findings.size() > 3) first += "\n……共 " + std::to_string(row.findings.size()) + " 条，见“问题清单”";
    cells.push_back(text(first));
    size_t copies = 0;
    for (size_t i : row.files)
      if (!result.checked[i].copy.empty()) {
        cells.push_back(link_to(result.checked[i].copy, base));
        ++copies;
      }
    most_copies = std::max(most_copies, copies);
    summary.rows.push_back(std::move(cells));
  }
  for (size_t c = 0; c < std::max<size_t>(most_copies, 1); ++c) {
    summary.header.push_back(most_copies > 1 ? "批注副本" + std::to_string(c + 1) : "批注副本");
    summary.widths.push_back(30);
  }

  TableSheet findings{"问题清单",
                      {"部门", "年度", "严重程度", "文件", "工作表", "单元格", "规则", "说明", "应为", "实为", "批注副本"},
                      {},
                      {28, 8, 10, 40, 20, 8, 26, 70, 12, 12, 30}};
  for (const SummaryRow& row : rows) {
    std::vector<size_t> in_order = row.findings;  // as check listed them: by file, then sheet
    std::sort(in_order.begin(), in_order.end());
    for (size_t k : in_order) {
      const Finding& f = result.findings[k];
      std::vector<TableCell> cells{text(department_shown(row.department)), text(row.year), text(severity_text(f.severity)),
                                   text(f.file), text(f.sheet), text(f.cell), text(f.rule), text(f.message),
                                   text(f.expected), text(f.found)};
      if (auto c = copy_of.find(f.file); c != copy_of.end()) cells.push_back(link_to(c->second, base));
      findings.rows.push_back(std::move(cells));
    }
  }

  TableSheet files{"文件清单",
                   {"文件", "部门", "年度", "工作表", "识别的表", "状态", "批注副本"},
                   {},
                   {50, 28, 8, 8, 10, 14, 30}};
  for (const CheckedFile& f : result.checked) {
    std::vector<TableCell> cells{text(f.file), text(department_shown(f.department)), text(f.year), count(f.sheets),
                                 count(f.recognised),
                                 text(f.unreadable ? "无法读取" : f.report ? "报告（已核对文字）" : f.recognised == 0 ? "未识别任何表" : "已核对")};
    if (!f.copy.empty()) cells.push_back(link_to(f.copy, base));
    files.rows.push_back(std::move(cells));
  }
  return write_table_workbook({summary, findings, files}, path);
}

}  // namespace jixiao::app
