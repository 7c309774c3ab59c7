// The samples saved by LibreOffice as Excel 97-2003 (samples/xls, samples/make_xls_samples.py) are
// read as their .xlsx originals are: every command gives the same answer, and the injected mistakes
// yield exactly the findings samples/manifest.json lists (written by samples/check_samples.py, an
// independent checker in Python's Decimal).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "test_paths.h"

namespace jixiao {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
fs::path xls_of(const std::string& xlsx_name) {
  return test::source_dir() / "samples" / "xls" / (xlsx_name.substr(0, xlsx_name.size() - 5) + ".xls");
}

std::vector<std::string> sample_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(test::source_dir() / "samples" / "libreoffice"))
    if (e.path().extension() == ".xlsx") out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

// The output with the file's own path taken out, so that the two inputs can be compared, and
// without the formula text of `dump --format json`: the .xls reader keeps formulas' cached values,
// not their text (README: .xls).
std::string without(std::string text, const std::string& path) {
  for (size_t at; (at = text.find(path)) != std::string::npos;) text.replace(at, path.size(), "FILE");
  for (size_t at = 0; (at = text.find("\"formula\": ", at)) != std::string::npos;) {
    const size_t end = text.find('\n', at);
    text.replace(at, end - at, "\"formula\": null");
    at += 12;
  }
  return text;
}

// `dump --format json` lists formatting-only cells too: the .xls has BLANK records for the styled
// cells of merged areas where LibreOffice's .xlsx writes none. Only cells with values are compared.
std::string cells_with_values(const std::string& text) {
  json j = json::parse(text);
  for (auto& sheet : j["sheets"]) {
    json kept = json::array();
    for (auto& c : sheet["cells"])
      if (c["type"] != "empty") kept.push_back(c);
    sheet["cells"] = kept;
  }
  return j.dump(1);
}

TEST(XlsSamples, EveryCommandReadsTheXlsCopyAsItReadsTheXlsx) {
  const auto names = sample_names();
  ASSERT_GE(names.size(), 30u);
  for (const std::string& name : names) {
    const fs::path xlsx = test::source_dir() / "samples" / "libreoffice" / name;
    const fs::path xls = xls_of(name);
    ASSERT_TRUE(fs::exists(xls)) << xls << ": run samples/make_xls_samples.py";
    for (const char* cmd : {"dump", "dump --format json", "inspect --json", "recompute --json", "check --json"}) {
      auto a = test::run_cli(std::string(cmd) + " " + q(xlsx));
      auto b = test::run_cli(std::string(cmd) + " " + q(xls));
      EXPECT_EQ(a.exit_code, b.exit_code) << cmd << " " << name << "\n" << b.err;
      std::string sa = without(a.out, xlsx.string()), sb = without(b.out, xls.string());
      if (std::string_view(cmd) == "dump --format json") sa = cells_with_values(sa), sb = cells_with_values(sb);
      EXPECT_EQ(sa, sb) << cmd << " " << name;
    }
  }
}

TEST(XlsSamples, InjectedMistakesYieldTheManifestFindingsFromTheXlsCopy) {
  std::ifstream in(test::source_dir() / "samples" / "manifest.json");
  const json m = json::parse(in);
  int checked = 0;
  for (const auto& v : m["variants"]) {
    const std::string file = v["file"];
    auto r = test::run_cli("-q check --json " + q(xls_of(file)));
    ASSERT_NE(r.exit_code, 3) << file << ": " << r.err;
    const json got = json::parse(r.out);
    std::vector<json> findings;
    for (const auto& f : got["findings"])
      if (f["severity"] != "info") findings.push_back(f);
    EXPECT_EQ(findings.size(), v["findings"].size()) << file << "\n" << got["findings"].dump(1);
    for (const auto& w : v["findings"]) {
      bool found = false;
      for (const auto& g : findings) found |= g["rule"] == w["rule"] && g["cell"] == w["cell"] && g["sheet"] == w["sheet"];
      EXPECT_TRUE(found) << file << ": missing " << w.dump();
    }
    ++checked;
  }
  EXPECT_GE(checked, 13);
}

TEST(XlsSamples, AnnotatedCopyOfAnXlsIsAnXlsxAndSaysSo) {
  const fs::path dir = test::scratch_dir();
  const fs::path xls = xls_of("err01_附件1.1_自评得分91.98.xlsx");
  auto r = test::run_cli("recompute " + q(xls) + " --fix -o " + q(dir / "fixed.xls"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(fs::exists(dir / "fixed.xls"));
  ASSERT_TRUE(fs::exists(dir / "fixed.xlsx")) << r.out << r.err;
  EXPECT_NE(r.out.find("fixed.xlsx（输入是 .xls"), std::string::npos) << r.out;
  // The fixed copy is a real .xlsx that checks clean: the mistake (I4 91.98 -> 90.98) was corrected.
  auto again = test::run_cli("-q check " + q(dir / "fixed.xlsx"));
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;

  auto c = test::run_cli("check " + q(xls) + " -o " + q(dir / "copies"));
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_TRUE(fs::exists(dir / "copies" / "err01_附件1.1_自评得分91.98.xlsx")) << c.out << c.err;
  EXPECT_NE(c.out.find("写为 .xlsx"), std::string::npos) << c.out;
}

}  // namespace
}  // namespace jixiao
