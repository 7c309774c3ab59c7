#include "cli/help_format.h"

#include <map>
#include <memory>
#include <cstdint>
#include <string>

namespace jixiao::cli {

namespace {

// CLI11's value types and validator names as they appear in "--sheet TEXT", "--layouts TEXT:DIR",
// "--max-part-mb UINT:POSITIVE", "--format TEXT:{csv,tsv,json}": the last, most specific word in
// Chinese ("--layouts 目录", "--max-part-mb 正数"); a value name an option sets itself stays.
std::string chinese_type(const std::string& type) {
  static const std::map<std::string, std::string> kWords{
      {"TEXT", "值"},         {"INT", "整数"},     {"UINT", "整数"}, {"FLOAT", "数"},      {"FILE", "文件"},
      {"DIR", "目录"},      {"PATH(existing)", "路径"}, {"POSITIVE", "正数"}, {"NONNEGATIVE", "非负数"},
      {"BOOLEAN", "是否"}};
  std::string out;
  size_t start = 0;
  while (start <= type.size()) {
    size_t colon = type.find(':', start);
    if (colon == std::string::npos) colon = type.size();
    std::string word = type.substr(start, colon - start);
    auto it = kWords.find(word);
    std::string shown = it == kWords.end() ? word : it->second;
    if (!shown.empty()) out = shown;  // the last word is the most specific: 整数：正数 -> 正数
    start = colon + 1;
  }
  return out;
}

// Columns a UTF-8 text takes on a terminal: CJK and full-width characters take two.
size_t display_width(const std::string& s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = c < 0x80 ? c : c < 0xE0 ? c & 0x1F : c < 0xF0 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                (cp >= 0xFFE0 && cp <= 0xFFE6);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

// CLI11's parse errors name options in English sentences; the common ones said in Chinese, the
// rest quoted after a Chinese lead.
std::string chinese_failure(const CLI::App* app, const CLI::Error& e) {
  std::string what = e.what();
  auto after = [&](const std::string& prefix) { return what.compare(0, prefix.size(), prefix) == 0 ? what.substr(prefix.size()) : std::string(); };
  std::string line;
  if (e.get_name() == "RequiredError" && what == "A subcommand is required") {
    std::string names;  // the commands there are, so the list never falls behind
    for (const CLI::App* sub : app->get_subcommands({})) names += (names.empty() ? "" : "、") + sub->get_name();
    line = "请给出一个子命令（" + names + "）";
  } else if (e.get_name() == "RequiredError" && what.size() > 12 && what.substr(what.size() - 12) == " is required") {
    line = "缺少 " + what.substr(0, what.size() - 12);
  } else if (std::string extra = after("The following argument was not expected: ") + after("The following arguments were not expected: ");
             !extra.empty()) {
    line = "多余的参数：" + extra;
  } else if (e.get_name() == "ValidationError" || e.get_name() == "ConversionError") {
    line = "参数的值不对：" + what;
  } else if (e.get_name() == "ArgumentMismatch") {
    line = "参数的个数不对：" + what;
  } else {
    line = "命令行有误：" + what;
  }
  return "jixiao: 错误：" + line + "\n用 --help 查看用法。\n";
}

void localise(CLI::App& app, const std::shared_ptr<CLI::FormatterBase>& formatter, bool top) {
  app.formatter(formatter);
  app.failure_message(chinese_failure);
  app.set_help_flag("-h,--help", "显示此帮助并退出");
  for (CLI::Option* opt : app.get_options())
    if (opt->get_group() == "Options") opt->group("选项");
  if (!top) {
    app.group("子命令");
    app.set_help_all_flag();  // a subcommand has no subcommands of its own to show
  }
  for (CLI::App* sub : app.get_subcommands({})) localise(*sub, formatter, false);
}

}  // namespace

ChineseFormatter::ChineseFormatter() {
  label("Usage", "用法");
  label("OPTIONS", "选项");
  label("SUBCOMMAND", "子命令");
  label("SUBCOMMANDS", "子命令…");
  label("Positionals", "参数");
  label("REQUIRED", "（必填）");
  label("Env", "环境变量");
  label("Needs", "须同时给出");
  label("Excludes", "不能同时给出");
  column_width(34);
}

// CLI11 pads the left column by bytes; a Chinese value name is three bytes a character but two
// columns wide, so the descriptions would not line up.
std::string ChineseFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
  // A positional's name already stands for its value (FILE, TEMPLATE): only repetition and 必填.
  std::string name = "  " + make_option_name(opt, is_positional);
  if (!is_positional) name += make_option_opts(opt);
  else if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) name += " …";
  if (is_positional && opt->get_required()) name += " " + get_label("REQUIRED");
  std::string desc = make_option_desc(opt);
  size_t width = display_width(name);
  std::string out = name;
  if (!desc.empty()) {
    if (width >= column_width_) out += "\n" + std::string(column_width_, ' ');
    else out += std::string(column_width_ - width, ' ');
    for (char c : desc) {
      out += c;
      if (c == '\n') out += std::string(column_width_, ' ');
    }
  }
  return out + "\n";
}

std::string ChineseFormatter::make_option_opts(const CLI::Option* opt) const {
  if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
  std::string out;
  if (opt->get_type_size() != 0) {
    if (std::string type = chinese_type(opt->get_type_name()); !type.empty()) out += " " + type;
    if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
    if (opt->get_expected_max() == CLI::detail::expected_max_vector_size) out += " …";
    if (opt->get_required()) out += " " + get_label("REQUIRED");
  }
  return out;
}

void use_chinese_help(CLI::App& app) {
  localise(app, std::make_shared<ChineseFormatter>(), true);
}

}  // namespace jixiao::cli
