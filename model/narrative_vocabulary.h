// What `jixiao audit` knows of the figures a report names, read from data files
// (model/narrative/figures.tsv, function_classes.tsv; their format is at their top): the names and
// synonyms of each figure, where the 部门决算公开 tables hold it, what it is made of, and the names of
// the 支出功能分类 codes.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao::narrative {

struct FigureSpec {
  std::string name;
  std::vector<std::string> synonyms;  // canonical (see canonical_name)
  std::vector<std::string> actual;    // "01:income.total" …, first present wins
  std::vector<std::string> budget;
  std::vector<std::string> parts;     // figure names
  bool unique = false;
};

struct Vocabulary {
  std::vector<FigureSpec> figures;
  std::map<std::string, std::string> class_names;  // 功能分类 code → name

  // The figure a name (as the text writes it) is, by its canonical form; null when none.
  const FigureSpec* figure(std::string_view name) const;
  const FigureSpec* figure_named(std::string_view spec_name) const;
  // Codes whose name is `name` (canonical compare), optionally under a parent code.
  std::vector<std::string> codes_named(std::string_view name, std::string_view parent = {}) const;
  // The codes directly under `parent` (类 → 款 → 项); every 类 for an empty parent.
  std::vector<std::string> children(std::string_view parent) const;

  std::map<std::string, size_t> by_synonym;  // canonical synonym → index in figures (copies stay valid)
  void index();
};

// A name made comparable: folded text (narrative_text.h) without quotes (“”‘’"'「」), brackets folded.
std::string canonical_name(std::string_view folded);

// Reads DIR/figures.tsv and DIR/function_classes.tsv (DIR: <data dir>/model/narrative).
Expected<Vocabulary> load_vocabulary(const std::filesystem::path& dir);

}  // namespace jixiao::narrative
