#include "test_paths.h"

#include <cctype>
#include <map>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace jixiao::test {

std::filesystem::path source_dir() { return JIXIAO_SOURCE_DIR; }
std::filesystem::path fixture(const std::string& relative) { return source_dir() / "tests" / "fixtures" / relative; }
std::filesystem::path golden(const std::string& relative) { return source_dir() / "tests" / "golden" / relative; }

std::filesystem::path scratch_dir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::path(JIXIAO_BINARY_DIR) / "test-scratch" /
             (std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult run_cli(const std::string& args) { return run_cli_in({}, args); }

CommandResult run_cli_in(const std::filesystem::path& cwd, const std::string& args) {
  auto dir = scratch_dir();
  auto out = dir / "stdout", err = dir / "stderr";
  std::string cmd = std::string("'") + JIXIAO_CLI + "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  if (!cwd.empty()) cmd = "cd '" + cwd.string() + "' && " + cmd;
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

std::string case_name(std::string text) {
  static const std::pair<const char*, const char*> kGloss[] = {
      {"九表", "_nine_tables_"}, {"指标体系", "_indicators_"}, {"自评表", "_selfeval_"}, {"自评", "_selfeval_"},
      {"得分", "_score_"},       {"公开", "_t"},               {"隐藏", "_hidden_"},     {"国家版", "_national_"},
      {"多表同页", "_tables_on_one_sheet_"}, {"单位元", "_yuan_"}, {"列顺序不同", "_columns_reordered_"},
      {"云南", "_yunnan_"},      {"分页", "_paged_"},          {"封面", "_cover_"},      {"文本", "_text_"}};
  for (const auto& [zh, en] : kGloss)
    for (size_t at; (at = text.find(zh)) != std::string::npos;) text.replace(at, std::string(zh).size(), en);
  std::string n;
  for (char ch : text) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (u < 0x80 && std::isalnum(u)) n += ch;
    else if (!n.empty() && n.back() != '_') n += '_';
  }
  while (!n.empty() && n.back() == '_') n.pop_back();
  static std::map<std::string, int> given;
  if (int times = given[n]++; times > 0) n += "_" + std::to_string(times + 1);
  return n;
}

}  // namespace jixiao::test
