// Help in Chinese: CLI11 writes its headings (Usage, Options, Subcommands), value types (TEXT, UINT)
// and its own flags' descriptions in English; this formatter and setup put all of it in Chinese.
#pragma once

#include <CLI/CLI.hpp>

namespace jixiao::cli {

class ChineseFormatter : public CLI::Formatter {
 public:
  ChineseFormatter();
  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* opt) const override;
};

// Gives app and every subcommand (call it once they are all added) the Chinese formatter, a Chinese
// -h/--help, and Chinese group headings.
void use_chinese_help(CLI::App& app);

}  // namespace jixiao::cli
