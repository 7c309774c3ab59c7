#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "test_paths.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

// The HTTP transport is a module only `serve` loads (cli/http_server.h): one that cannot be loaded is
// an error naming it and saying what to do. (An unusable address keeps a wrongly loaded server from
// waiting for requests: it would exit 2, not 3.)
TEST(ServeCli, BrokenHttpModuleIsNamed) {
  fs::path broken = test::scratch_dir() / "jixiao_http.so";
  std::ofstream(broken) << "not a shared object";
  setenv("JIXIAO_HTTP_MODULE", broken.c_str(), 1);
  auto r = test::run_cli("serve --port 0 --host 256.256.256.256");
  unsetenv("JIXIAO_HTTP_MODULE");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(broken.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("重新安装"), std::string::npos) << r.err;
}

// Start-up: the libraries only one command needs (poppler for PDF, cpp-httplib with libssl and brotli
// for serve) are modules, not what every run of the binary loads (bench/startup_bench.sh).
TEST(ServeCli, BinaryDoesNotLinkWhatOnlyOneCommandNeeds) {
  std::string cmd = std::string("readelf -d '") + JIXIAO_CLI + "' 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string needed;
  char line[512];
  while (fgets(line, sizeof line, p))
    if (std::string(line).find("(NEEDED)") != std::string::npos) needed += line;
  pclose(p);
  ASSERT_NE(needed.find("libc.so"), std::string::npos) << "readelf printed no NEEDED entries";
  for (const char* lib : {"libcpp-httplib", "libssl", "libbrotli", "libpoppler"})
    EXPECT_EQ(needed.find(lib), std::string::npos) << lib << " is linked into jixiao:\n" << needed;
}

}  // namespace
}  // namespace jixiao
