// jixiao's own modules (<libdir>/jixiao/<name>.so): libraries that only some commands need (poppler
// for PDF text, cpp-httplib with the OpenSSL and brotli it is built with for the local page) are
// loaded by those commands on first use instead of by every process at start-up.
#pragma once

#include <string>

namespace jixiao {

// The address of `symbol` in the module `name` ("jixiao_pdf"), loaded once per process. Where it is
// looked for: the environment variable `env` (a path), then next to the binary as installed
// (<prefix>/bin/jixiao, <prefix>/<libdir>/jixiao/<name>.so) or in the build tree (<build>/bin,
// <build>/lib/jixiao), then where this build installs and builds it (for test programs that live
// elsewhere). nullptr when it cannot be loaded, with `error` saying why in words that name `what`
// ("PDF 模块") and the paths tried.
void* module_symbol(const std::string& name, const char* env, const char* symbol, const std::string& what,
                    std::string& error);

}  // namespace jixiao
