// Where jixiao's data files (layouts, profiles, rules, templates) live: next to the installed binary
// (<prefix>/bin/jixiao -> <prefix>/share/jixiao), never looked up through the source tree.
#pragma once

#include <filesystem>

namespace jixiao {

// The JIXIAO_DATA_DIR environment variable wins; otherwise <dir of executable>/../share/jixiao; a
// build tree puts its data at <build>/share/jixiao the same way. Returns an empty path if none exists.
std::filesystem::path data_dir();

std::filesystem::path executable_path();

}  // namespace jixiao
