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
  bool explain = false;
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

std::string one_line(std::string t, size_t max) {
  for (char& c : t)
    if (c == '\n' || c == '\r') c = ' ';
  if (t.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    t = t.substr(0, cut) + "…";
  }
  return t;
}

// --explain: through which cells and words the record was read, and what could not be placed.
void print_explanation(const MappedSheet& m) {
  const Record& r = *m.record;
  std::printf("      映射依据（单元格 → 记录字段，匹配的词与其出处）：\n");
  for (const MappingNote& n : m.explained) {
    std::string meaning;
    if (std::string d = app::field_meaning(r.kind, n.target); !d.empty()) meaning = "（" + d + "）";
    std::printf("        %-6s “%s” → %s%s", n.cell.c_str(), one_line(n.text, 40).c_str(), n.target.c_str(), meaning.c_str());
    if (n.word.rfind("模式 ", 0) == 0) std::printf("  %s，%s", n.word.c_str(), n.origin.c_str());
    else if (!n.word.empty()) std::printf("  词“%s”，%s", n.word.c_str(), n.origin.c_str());
    std::printf("\n");
  }
  if (!r.unmapped_headers.empty()) {
    std::printf("      未映射的表头（词表中没有对应的字段，其下的数不读）：\n");
    for (const auto& [text, src] : r.unmapped_headers)
      std::printf("        %-6s “%s”\n", src.cell.c_str(), one_line(text, 40).c_str());
  }
  if (!r.absent.empty()) {
    std::printf("      表中没有的列（依赖它们的核算不做）：");
    for (size_t i = 0; i < r.absent.size(); ++i) {
      std::string meaning;
      if (std::string d = app::field_meaning(r.kind, r.absent[i]); !d.empty()) meaning = "（" + d + "）";
      std::printf("%s%s%s", i ? "；" : "", r.absent[i].c_str(), meaning.c_str());
    }
    std::printf("\n");
  }
}

void print_text(const std::string& file, const std::vector<MappedSheet>& sheets, bool explain) {
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
    if (explain) print_explanation(m);
  }
}

int run_inspect(const InspectOptions& o, const GlobalOptions& g) {
  app::Resources& resources = g.resources();
  auto result = app::inspect(resources, o.files, o.explain);
  for (const app::InspectedFile& f : result.files) {
    print_diagnostics(f.read_warnings, g);
    if (f.error) {
      print_diagnostic(*f.error, g);
      continue;
    }
    if (o.json) {
      std::cout << app::inspect_json(f, o.explain).dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      continue;
    }
    print_diagnostics(f.map_warnings, g);
    print_text(f.file, f.sheets, o.explain);
  }
  return finish(result, g);
}

}  // namespace

void add_inspect_command(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto opts = std::make_shared<InspectOptions>();
  CLI::App* cmd = app.add_subcommand("inspect", "识别每张工作表的版式并列出提取的内容");
  cmd->add_option("FILE", opts->files, "要识别的工作簿（.xlsx 或 .xls；可多个）")->required();
  cmd->add_flag("--json", opts->json, "输出 JSON：{\"file\",\"sheets\":[{\"name\",\"layout\",\"confidence\",\"record\"或\"candidates\"}],\"diagnostics\":[…]}");
  cmd->add_flag("--explain", opts->explain,
                "逐一列出读取所经的单元格：映射到哪个字段、凭词表或版式中的哪个词；以及未能映射的表头和表中没有的列");
  cmd->callback([opts, &global, &exit_code] { exit_code = run_inspect(*opts, global); });
}

}  // namespace jixiao::cli
