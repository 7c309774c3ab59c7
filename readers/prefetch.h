// Inflates a part on a second thread while the scanner parses what came before: on a workbook with
// one big sheet, inflating and parsing then use both cores.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "readers/zip_package.h"

namespace jixiao {

class PrefetchedPart {
 public:
  PrefetchedPart(PartReader& reader, size_t chunk_bytes = 512 * 1024, size_t depth = 4);
  ~PrefetchedPart();
  PrefetchedPart(const PrefetchedPart&) = delete;
  PrefetchedPart& operator=(const PrefetchedPart&) = delete;

  // The same contract as PartReader::read.
  Expected<size_t> read(char* dst, size_t cap);

 private:
  void produce();

  PartReader& reader_;
  const size_t chunk_, depth_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::string> ready_;
  std::vector<std::string> spare_;
  size_t offset_ = 0;  // consumed bytes of ready_.front()
  bool finished_ = false, stop_ = false;
  std::optional<Diagnostic> error_;
  std::thread thread_;
};

}  // namespace jixiao
