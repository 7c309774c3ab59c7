// `--help` in Chinese and true to the commands: no English from CLI11 (its headings, value types and
// its own flags), and every option README.md documents for a command listed by that command's help
// and the other way round.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "test_paths.h"

namespace jixiao {
namespace {

const char* const kCommands[] = {"dump",   "inspect",   "recompute", "check",       "fill",
                                 "convert", "render",   "templates", "audit",       "layout draft", "serve"};

// The word the top-level help lists ("layout" for "layout draft").
std::string top_word(const char* command) {
  std::string c = command;
  return c.substr(0, c.find(' '));
}

// The option names (--x, -x) at the start of each help line ("  -o,--output 文件  …"): one set of
// aliases per option.
std::vector<std::set<std::string>> options_in_help(const std::string& help) {
  std::vector<std::set<std::string>> out;
  std::regex line(R"(^  (-[-A-Za-z0-9,]+))");
  std::regex name(R"(--?[A-Za-z][-A-Za-z0-9]*)");
  size_t start = 0;
  while (start < help.size()) {
    size_t end = help.find('\n', start);
    if (end == std::string::npos) end = help.size();
    std::string l = help.substr(start, end - start);
    std::smatch m;
    if (std::regex_search(l, m, line)) {
      std::string names = m[1];
      std::set<std::string>& aliases = out.emplace_back();
      for (auto it = std::sregex_iterator(names.begin(), names.end(), name); it != std::sregex_iterator(); ++it)
        aliases.insert(it->str());
    }
    start = end + 1;
  }
  return out;
}

std::set<std::string> options_in(const std::string& text) {
  std::set<std::string> out;
  std::regex name(R"((?:^|[\s`\[|(])(--?[a-z][-a-z0-9]*))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), name); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

// README.md's section of a command: from its "### `jixiao CMD" heading to the next "### ".
std::string readme_section(const std::string& command) {
  std::string readme = test::read_file(test::source_dir() / "README.md");
  size_t at = readme.find("### `jixiao " + command + " ");
  if (at == std::string::npos) at = readme.find("`jixiao " + command + "`");
  if (at == std::string::npos) return {};
  at = readme.rfind("\n###", at);
  size_t end = readme.find("\n### ", at + 4);
  return readme.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

TEST(HelpCli, NoEnglishFromTheArgumentParser) {
  std::vector<std::string> commands{""};
  commands.insert(commands.end(), std::begin(kCommands), std::end(kCommands));
  for (const std::string& c : commands) {
    auto r = test::run_cli(c.empty() ? "--help" : c + " --help");
    ASSERT_EQ(r.exit_code, 0) << c << r.err;
    EXPECT_NE(r.out.find("用法"), std::string::npos) << c << "\n" << r.out;
    EXPECT_NE(r.out.find("显示此帮助并退出"), std::string::npos) << c << "\n" << r.out;
    for (const char* english : {"Usage", "Options", "OPTIONS", "Positionals", "Subcommands", "SUBCOMMAND", "REQUIRED",
                                "TEXT", "UINT", "INT", "FLOAT", "POSITIVE", "DIR", "Print this help",
                                "Display program version", "Print all help"})
      EXPECT_EQ(r.out.find(english), std::string::npos) << c << ": " << english << "\n" << r.out;
    if (!c.empty()) {  // --help-all lists subcommands, which only the top level has
      EXPECT_EQ(r.out.find("--help-all"), std::string::npos) << c << "\n" << r.out;
    }
  }
}

TEST(HelpCli, CommandLineMistakesAreExplainedInChinese) {
  auto r = test::run_cli("dump");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("缺少 FILE"), std::string::npos) << r.err;
  r = test::run_cli("dump a.xlsx b.xlsx");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("多余的参数：b.xlsx"), std::string::npos) << r.err;
  r = test::run_cli("");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("请给出一个子命令"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("is required"), std::string::npos) << r.err;
  for (const char* c : kCommands)
    EXPECT_NE(r.err.find(top_word(c)), std::string::npos) << c << " not among the commands named\n" << r.err;
}

// The top-level help lists every command with its Chinese description and the global options,
// the password for encrypted workbooks among them with the variable that can give it instead.
TEST(HelpCli, TopLevelHelpListsEveryCommandAndGlobalOption) {
  auto r = test::run_cli("--help");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* c : kCommands) {
    std::regex listed(std::string("\\n  ") + top_word(c) + " +[^ -~]");  // "  audit   核对已发布报告…"
    EXPECT_TRUE(std::regex_search(r.out, listed)) << c << " is not listed with a Chinese description\n" << r.out;
  }
  for (const char* opt : {"--password", "--layouts", "--max-part-mb", "--quiet", "--version"})
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt << "\n" << r.out;
  EXPECT_NE(r.out.find("JIXIAO_PASSWORD"), std::string::npos) << r.out;
}

bool any_in(const std::set<std::string>& aliases, const std::set<std::string>& names) {
  for (const std::string& a : aliases)
    if (names.count(a)) return true;
  return false;
}

TEST(HelpCli, EachCommandsOptionsAreTheOnesTheReadmeDocuments) {
  for (const char* c : kCommands) {
    auto r = test::run_cli(std::string(c) + " --help");
    ASSERT_EQ(r.exit_code, 0) << c;
    std::string section = readme_section(c);
    ASSERT_FALSE(section.empty()) << "README.md has no section for " << c;
    std::set<std::string> documented = options_in(section);
    std::set<std::string> in_help;
    for (const auto& aliases : options_in_help(r.out)) {
      in_help.insert(aliases.begin(), aliases.end());
      if (aliases.count("--help")) continue;
      EXPECT_TRUE(any_in(aliases, documented)) << c << " " << *aliases.rbegin() << " is not in README.md";
    }
    // The heading's synopsis of the command ("`jixiao render TEMPLATE … --lenient` and `jixiao templates`")
    // lists only options the command takes.
    std::string heading = section.substr(0, section.find('\n', 1));
    size_t at = heading.find(std::string("`jixiao ") + c);
    std::string synopsis = heading.substr(at, heading.find('`', at + 1) - at);
    for (const std::string& o : options_in(synopsis))
      EXPECT_TRUE(in_help.count(o)) << c << " " << o << " is not in --help";
  }
  auto top = test::run_cli("--help");
  std::string readme = test::read_file(test::source_dir() / "README.md");
  std::string table = readme.substr(readme.find("| global option |"));
  std::set<std::string> documented = options_in(table.substr(0, table.find("\n\n")));
  for (const auto& aliases : options_in_help(top.out))
    EXPECT_TRUE(any_in(aliases, documented)) << *aliases.rbegin() << " is not among README's global options";
}

}  // namespace
}  // namespace jixiao
