#include "mapping/batch.h"

#include <atomic>
#include <mutex>
#include <thread>

namespace jixiao {

std::vector<MappedFile> map_files(const std::vector<std::string>& files, const std::vector<LayoutSpec>& layouts,
                                  const XlsxOptions& options, const std::function<void(size_t, size_t)>& progress) {
  std::vector<MappedFile> out(files.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex progress_mutex;
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
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
        progress(d, files.size());
      }
    }
  };
  // One file is read by one thread; a single big file still uses both cores inside the reader.
  size_t threads = std::min<size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return out;
}

}  // namespace jixiao
