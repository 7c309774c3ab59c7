#include "readers/prefetch.h"

#include <algorithm>
#include <cstring>

namespace jixiao {

PrefetchedPart::PrefetchedPart(PartReader& reader, size_t chunk_bytes, size_t depth)
    : reader_(reader), chunk_(chunk_bytes), depth_(depth) {
  thread_ = std::thread([this] { produce(); });
}

PrefetchedPart::~PrefetchedPart() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void PrefetchedPart::produce() {
  for (;;) {
    std::string buf;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [&] { return stop_ || ready_.size() < depth_; });
      if (stop_) return;
      if (!spare_.empty()) {
        buf = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    buf.resize(chunk_);
    auto n = reader_.read(buf.data(), buf.size());
    std::lock_guard lock(mutex_);
    if (!n) {
      error_ = n.error();
      finished_ = true;
    } else if (*n == 0) {
      finished_ = true;
    } else {
      buf.resize(*n);
      ready_.push_back(std::move(buf));
    }
    cv_.notify_all();
    if (finished_) return;
  }
}

Expected<size_t> PrefetchedPart::read(char* dst, size_t cap) {
  std::unique_lock lock(mutex_);
  cv_.wait(lock, [&] { return !ready_.empty() || finished_; });
  if (ready_.empty()) {
    if (error_) return *error_;
    return size_t{0};
  }
  std::string& front = ready_.front();
  size_t n = std::min(cap, front.size() - offset_);
  std::memcpy(dst, front.data() + offset_, n);
  offset_ += n;
  if (offset_ == front.size()) {
    spare_.push_back(std::move(front));
    ready_.pop_front();
    offset_ = 0;
    cv_.notify_all();
  }
  return n;
}

}  // namespace jixiao
