// `jixiao inspect --json` on every sample equals its golden file (tests/golden/inspect, regenerated
// by tests/golden/update_inspect.sh --update and read before committing), and the JSON follows the
// contract of DOMAIN.md §5.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace jixiao {
namespace {

using nlohmann::json;

struct Sample {
  std::string producer, name;
};

std::vector<Sample> samples() {
  std::vector<Sample> out;
  for (const char* producer : {"openpyxl", "libreoffice"}) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(test::source_dir() / "samples" / producer))
      if (e.path().extension() == ".xlsx") names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    for (auto& n : names) out.push_back({producer, n});
  }
  return out;
}

class InspectGolden : public testing::TestWithParam<Sample> {};

TEST_P(InspectGolden, JsonEqualsGolden) {
  const Sample& s = GetParam();
  auto r = test::run_cli_in(test::source_dir() / "samples" / s.producer, "-q inspect --json '" + s.name + ".xlsx'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json got = json::parse(r.out);
  json want = json::parse(test::read_file(test::golden("inspect/" + s.producer + "/" + s.name + ".json")));
  EXPECT_EQ(got, want) << "regenerate with tests/golden/update_inspect.sh --update and read the diff";
  // The contract: file, sheets[{name, layout, confidence, record | candidates}], diagnostics.
  EXPECT_EQ(got["file"], s.name + ".xlsx");
  for (const auto& sheet : got["sheets"]) {
    ASSERT_TRUE(sheet.contains("name") && sheet.contains("layout") && sheet.contains("confidence"));
    if (sheet["layout"].is_null()) EXPECT_TRUE(sheet.contains("candidates"));
    else EXPECT_TRUE(sheet["record"].contains("kind"));
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, InspectGolden, testing::ValuesIn(samples()),
                         [](const testing::TestParamInfo<Sample>& info) {
                           return test::case_name(info.param.producer + "_" + info.param.name);
                         });

}  // namespace
}  // namespace jixiao
