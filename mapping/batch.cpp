#include "mapping/batch.h"

#include <atomic>
#include <mutex>

#include "core/parallel.h"

namespace jixiao {

std::vector<MappedFile> map_files(const std::vector<std::string>& files, const std::vector<LayoutSpec>& layouts,
                                  const XlsxOptions& options, const std::function<void(size_t, size_t, size_t)>& progress) {
  std::vector<MappedFile> out(files.size());
  std::atomic<size_t> done{0};
  std::mutex progress_mutex;
  // One file is read by one task of the process's pool; the sheets of a big file are tasks too.
  parallel_for(files.size(), [&](size_t i) {
    MappedFile& m = out[i];
    m.file = files[i];
    auto wb = read_xlsx_file(files[i], m.diagnostics, options);
    if (!wb) {
      m.error = wb.error();
    } else {
      m.sheets = map_workbook(*wb, files[i], layouts, m.diagnostics);
    }
    size_t d = ++done;
    if (progress) {
      std::lock_guard lock(progress_mutex);
      progress(d, files.size(), i);
    }
  });
  return out;
}

}  // namespace jixiao
