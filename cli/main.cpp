// The `jixiao` command: parses arguments and hands each subcommand to its file in cli/.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/audit_command.h"
#include "cli/common.h"
#include "cli/dump_command.h"
#include "cli/check_command.h"
#include "cli/convert_command.h"
#include "cli/fill_command.h"
#include "cli/help_format.h"
#include "cli/inspect_command.h"
#include "cli/layout_command.h"
#include "cli/recompute_command.h"
#include "cli/render_command.h"
#include "cli/serve_command.h"
#include "core/data_dir.h"
#include "core/parallel.h"

int main(int argc, char** argv) {
  using namespace jixiao::cli;
  CLI::App app{"jixiao —— 预算绩效自评表与部门决算表的读取、核算与出具工具"};
  app.name("jixiao");  // the usage line says "jixiao", not the path it was started by
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "显示所有子命令的帮助");
  GlobalOptions global;
  app.add_option("--max-part-mb", global.max_part_mb,
                 "工作簿中单个部件解压后的大小上限（MiB，默认 512），超过即视为压缩炸弹拒绝读取")
      ->check(CLI::PositiveNumber);
  app.add_flag("-q,--quiet", global.quiet, "不显示警告和进度（错误照常显示）");
  app.add_option("--password", global.password,
                 "加密工作簿（.xlsx/.xls）的打开密码；也可用环境变量 JIXIAO_PASSWORD 给出。只在内存中解密，不写出解密后的文件")
      ->envname("JIXIAO_PASSWORD");
  app.add_option("--layouts", global.layout_dirs, "另外读取此目录中的版式文件（*.xml），可多次给出；用于地区自定义版式")
      ->check(CLI::ExistingDirectory);
  app.set_version_flag(
      "--version",
      [] {
        auto data = jixiao::data_dir();
        return std::string("jixiao ") + JIXIAO_VERSION + "\n数据目录：" + (data.empty() ? "（未找到）" : data.string());
      },
      "显示版本和数据目录并退出");

  int exit_code = kOk;
  add_dump_command(app, global, exit_code);
  add_inspect_command(app, global, exit_code);
  add_recompute_command(app, global, exit_code);
  add_check_command(app, global, exit_code);
  add_fill_command(app, global, exit_code);
  add_convert_command(app, global, exit_code);
  add_render_command(app, global, exit_code);
  add_templates_command(app, global, exit_code);
  add_audit_command(app, global, exit_code);
  add_layout_command(app, global, exit_code);
  add_serve_command(app, global, exit_code);
  use_chinese_help(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  jixiao::parallel_stop();
  return exit_code;
}
