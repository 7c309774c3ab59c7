// Many workbooks at once: each file read and mapped on its own thread (both cores of a finance
// office machine), results in the order the files were given.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "mapping/engine.h"
#include "readers/xlsx_reader.h"

namespace jixiao {

struct MappedFile {
  std::string file;
  std::optional<Diagnostic> error;  // the file could not be read at all
  Diagnostics diagnostics;          // warnings of the reader and the mapping
  std::vector<MappedSheet> sheets;
};

// progress(done, total, i) is called from worker threads after each file (files[i] the one just done),
// never concurrently.
std::vector<MappedFile> map_files(const std::vector<std::string>& files, const std::vector<LayoutSpec>& layouts,
                                  const XlsxOptions& options, const std::function<void(size_t, size_t, size_t)>& progress = {});

}  // namespace jixiao
