#include "cli/inspect_command.h"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>

#include "mapping/engine.h"
#include "writers/record_json.h"

namespace jixiao::cli {

namespace {

struct InspectOptions {
  std::vector<std::string> files;
  bool json = false;
};

std::string percent(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", x * 100);
  return buf;
}

void print_field(const std::string& name, const Field& f) {
  std::string value = f.text;
  for (char& c : value)
    if (c == '\n') c = ' ';
  if (value.size() > 60) value = value.substr(0, 57) + "…";
  std::printf("      %-22s %s", name.c_str(), value.c_str());
  if (f.number && f.number->to_string() != f.text) std::printf("  = %s", f.number->to_string().c_str());
  if (!f.source.cell.empty()) std::printf("  [%s]", f.source.cell.c_str());
  if (std::string how = read_note(f); !how.empty()) std::printf("  (%s)", how.c_str());
  std::printf("\n");
}

void print_text(const std::string& file, const std::vector<MappedSheet>& sheets) {
  std::printf("%s\n", file.c_str());
  for (const MappedSheet& m : sheets) {
    std::string where = "“" + m.sheet + "”";
    if (m.region) where += " " + range_name(*m.region);
    if (m.state != SheetState::Visible) where += "（隐藏）";
    if (!m.layout) {
      std::printf("  %s：未识别", where.c_str());
      if (m.candidates.empty()) {
        std::printf("（与任何版式都不相符）\n");
        continue;
      }
      std::printf("。最接近的版式：\n");
      for (const Candidate& c : m.candidates) {
        std::string lacks;
        for (size_t i = 0; i < c.missing.size() && i < 4; ++i) lacks += (i ? "；" : "") + c.missing[i];
        if (c.missing.size() > 4) lacks += "；等 " + std::to_string(c.missing.size()) + " 项";
        std::printf("    %-24s %4s  %s\n", c.spec->id.c_str(), percent(c.confidence).c_str(), lacks.c_str());
      }
      continue;
    }
    std::printf("  %s：%s [%s]，把握 %s\n", where.c_str(), m.layout->name.c_str(), m.layout->id.c_str(),
                percent(m.confidence).c_str());
    const Record& r = *m.record;
    for (const auto& [name, f] : r.fields) print_field(name, f);
    for (const auto& [list, rows] : r.lists) {
      std::printf("      %s：%zu 行\n", list.c_str(), rows.size());
      for (size_t i = 0; i < rows.size(); ++i) {
        std::string line;
        for (const auto& [k, f] : rows[i]) {
          if (f.text.empty()) continue;
          std::string t = f.text;
          for (char& c : t)
            if (c == '\n') c = ' ';
          if (t.size() > 30) t = t.substr(0, 27) + "…";
          line += (line.empty() ? "" : " | ") + k + "=" + t;
        }
        std::printf("        %zu. %s\n", i + 1, line.c_str());
      }
    }
  }
}

// DOMAIN.md §5: {"file", "sheets": [{"name", "layout", "confidence", "record"}], "diagnostics": [...]}
nlohmann::ordered_json inspect_json(const std::string& file, const std::vector<MappedSheet>& sheets,
                                    const Diagnostics& diags) {
  nlohmann::ordered_json out;
  out["file"] = file;
  auto arr = nlohmann::ordered_json::array();
  for (const MappedSheet& m : sheets) {
    nlohmann::ordered_json s;
    s["name"] = m.sheet;
    if (m.region) s["region"] = range_name(*m.region);
    if (m.state != SheetState::Visible) s["state"] = sheet_state_name(m.state);
    s["layout"] = m.layout ? nlohmann::ordered_json(m.layout->id) : nlohmann::ordered_json(nullptr);
    s["confidence"] = std::round(m.confidence * 100) / 100;
    if (m.record) {
      s["record"] = record_json(*m.record);
    } else {
      auto cands = nlohmann::ordered_json::array();
      for (const Candidate& c : m.candidates)
        cands.push_back({{"layout", c.spec->id}, {"confidence", std::round(c.confidence * 100) / 100}, {"missing", c.missing}});
      s["candidates"] = std::move(cands);
    }
    arr.push_back(std::move(s));
  }
  out["sheets"] = std::move(arr);
  auto d = nlohmann::ordered_json::array();
  for (const Diagnostic& x : diags.items())
    d.push_back({{"code", x.code}, {"severity", severity_name(x.severity)}, {"sheet", x.sheet}, {"cell", x.cell},
                 {"message", x.message}});
  out["diagnostics"] = std::move(d);
  return out;
}

int run_inspect(const InspectOptions& o, const GlobalOptions& g) {
  auto layouts = load_cli_layouts(g);
  if (!layouts) {
    print_diagnostic(layouts.error());
    return kUsage;
  }
  int code = kOk;
  for (const std::string& file : o.files) {
    Diagnostics diags;
    auto wb = read_xlsx_file(file, diags, g.xlsx());
    print_warnings(diags, g);
    if (!wb) {
      print_diagnostic(wb.error());
      code = kUnreadable;
      continue;
    }
    Diagnostics mdiags;
    auto sheets = map_workbook(*wb, file, *layouts, mdiags);
    if (o.json) {
      diags.append(mdiags);
      std::cout << inspect_json(file, sheets, diags).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                << '\n';
      continue;
    }
    print_warnings(mdiags, g);
    print_text(file, sheets);
  }
  return code;
}

}  // namespace

void add_inspect_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand("inspect", "识别每张工作表的版式并列出提取的内容");
  cmd->add_option("FILE", opts->files, "要识别的工作簿（.xlsx 或 .xls；可多个）")->required();
  cmd->add_flag("--json", opts->json, "按 JSON 约定输出（DOMAIN.md §5）");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_inspect(*opts, global); });
}

}  // namespace jixiao::cli
