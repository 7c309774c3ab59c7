#include "app/resources.h"

#include "core/data_dir.h"

namespace jixiao::app {

namespace {

Expected<std::vector<LayoutSpec>> load_all_layouts(const std::filesystem::path& data,
                                                   const std::vector<std::string>& extra_dirs) {
  if (data.empty() || !std::filesystem::is_directory(data / "mapping" / "layouts")) {
    Diagnostic d;
    d.code = "data.missing";
    d.message = "找不到版式数据目录（应在程序旁的 ../share/jixiao/mapping/layouts）；请重新安装，或用环境变量 JIXIAO_DATA_DIR 指定";
    return d;
  }
  std::vector<std::string> dirs{(data / "mapping" / "layouts").string()};
  dirs.insert(dirs.end(), extra_dirs.begin(), extra_dirs.end());
  // One call for all: a region's layouts draw on the shipped vocabulary and may add words to it.
  return load_layouts(dirs);
}

}  // namespace

Resources::Resources(Settings settings)
    : settings_(std::move(settings)), data_dir_(settings_.data_dir.empty() ? jixiao::data_dir() : settings_.data_dir) {}

Expected<const std::vector<LayoutSpec>*> Resources::layouts() {
  std::lock_guard lock(mutex_);
  if (!layouts_) layouts_.emplace(load_all_layouts(data_dir_, settings_.layout_dirs));
  if (!*layouts_) return layouts_->error();
  return &layouts_->value();
}

Expected<const Profile*> Resources::profile(const std::string& id) {
  std::lock_guard lock(mutex_);
  auto it = profiles_.find(id);
  if (it != profiles_.end()) return it->second.get();
  auto p = find_profile(id, data_dir_);
  if (!p) return p.error();
  return profiles_.emplace(id, std::make_unique<Profile>(std::move(p).value())).first->second.get();
}

Expected<RuleSet> Resources::rules(const std::vector<std::string>& extra_files) const {
  auto rules = load_rule_dir(data_dir_ / "model" / "rules");
  if (!rules) return rules.error();
  for (const std::string& extra : extra_files) {
    auto more = load_rules(extra);
    if (!more) return more.error();
    rules->merge(std::move(more).value());
  }
  return rules;
}

}  // namespace jixiao::app
