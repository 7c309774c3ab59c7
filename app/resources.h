// What every job shares: how files are read, and the data files (layouts, scoring profiles, check
// rules), each loaded on first use and then kept, so a command loads only what it needs and the
// local page loads them once for all its requests.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "mapping/layout_spec.h"
#include "model/profile.h"
#include "model/rule_language.h"
#include "readers/xlsx_reader.h"

namespace jixiao::app {

struct Settings {
  XlsxOptions xlsx;                      // reading limits and password (the CLI's --max-part-mb, --password)
  std::vector<std::string> layout_dirs;  // regional layouts, read after the shipped ones (--layouts)
  std::filesystem::path data_dir;        // empty: jixiao::data_dir(), next to the binary
};

// Thread-safe. Results of the jobs point into it (a MappedSheet's layout): keep it alive as long.
class Resources {
 public:
  explicit Resources(Settings settings = {});
  Resources(const Resources&) = delete;
  Resources& operator=(const Resources&) = delete;

  const Settings& settings() const { return settings_; }
  const XlsxOptions& xlsx() const { return settings_.xlsx; }
  // Where the shipped data lives; empty when it cannot be found.
  const std::filesystem::path& data_dir() const { return data_dir_; }

  // The shipped layouts (<data dir>/mapping/layouts), then those of every layout directory.
  Expected<const std::vector<LayoutSpec>*> layouts();
  // A scoring profile by id (<data dir>/model/profiles/<id>.xml).
  Expected<const Profile*> profile(const std::string& id);
  // The shipped check rules (<data dir>/model/rules), then each extra file merged in order.
  Expected<RuleSet> rules(const std::vector<std::string>& extra_files) const;

 private:
  Settings settings_;
  std::filesystem::path data_dir_;
  std::mutex mutex_;
  std::optional<Expected<std::vector<LayoutSpec>>> layouts_;
  std::map<std::string, std::unique_ptr<Profile>> profiles_;
};

}  // namespace jixiao::app
