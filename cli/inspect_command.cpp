#include "cli/inspect_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "app/inspect.h"

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

int run_inspect(const InspectOptions& o, const GlobalOptions& g) {
  app::Resources resources(g.settings());
  auto result = app::inspect(resources, o.files);
  for (const app::InspectedFile& f : result.files) {
    print_diagnostics(f.read_warnings, g);
    if (f.error) {
      print_diagnostic(*f.error, g);
      continue;
    }
    if (o.json) {
      std::cout << app::inspect_json(f).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      continue;
    }
    print_diagnostics(f.map_warnings, g);
    print_text(f.file, f.sheets);
  }
  return finish(result, g);
}

}  // namespace

void add_inspect_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand("inspect", "识别每张工作表的版式并列出提取的内容");
  cmd->add_option("FILE", opts->files, "要识别的工作簿（.xlsx 或 .xls；可多个）")->required();
  cmd->add_flag("--json", opts->json, "输出 JSON：{\"file\",\"sheets\":[{\"name\",\"layout\",\"confidence\",\"record\"或\"candidates\"}],\"diagnostics\":[…]}");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_inspect(*opts, global); });
}

}  // namespace jixiao::cli
