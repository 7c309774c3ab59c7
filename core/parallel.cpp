#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace jixiao {

namespace {

struct Job {
  const std::function<void(size_t)>* fn = nullptr;
  size_t n = 0;
  size_t max_helpers = 0;
  std::atomic<size_t> next{0};
  size_t done = 0;   // guarded by mutex
  size_t helpers = 0;  // guarded by the pool's mutex
  std::mutex mutex;
  std::condition_variable finished;
  std::exception_ptr error;

  // Runs items until none is left; counts what it ran.
  void run_items() {
    size_t ran = 0;
    std::exception_ptr first;
    for (size_t i = next++; i < n; i = next++) {
      try {
        (*fn)(i);
      } catch (...) {
        if (!first) first = std::current_exception();
      }
      ++ran;
    }
    if (ran == 0 && !first) return;
    std::lock_guard lock(mutex);
    if (first && !error) error = first;
    done += ran;
    if (done == n) finished.notify_all();
  }
};

class Pool {
 public:
  static Pool& instance() {
    static Pool pool;
    made_ = true;
    return pool;
  }
  static bool made() { return made_; }

  size_t threads() const { return workers_.size() + 1; }

  void run(size_t n, const std::function<void(size_t)>& fn, size_t max_threads) {
    const size_t want = std::min({n, max_threads ? max_threads : threads(), threads()});
    if (want <= 1) {
      for (size_t i = 0; i < n; ++i) fn(i);
      return;
    }
    auto job = std::make_shared<Job>();
    job->fn = &fn;
    job->n = n;
    job->max_helpers = want - 1;
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(job);
    }
    wake_.notify_all();
    job->run_items();
    {
      std::lock_guard lock(mutex_);
      auto it = std::find(queue_.begin(), queue_.end(), job);
      if (it != queue_.end()) queue_.erase(it);
    }
    std::unique_lock lock(job->mutex);
    job->finished.wait(lock, [&] { return job->done == job->n; });
    if (job->error) std::rethrow_exception(job->error);
  }

 private:
  Pool() {
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    for (size_t t = 1; t < cores; ++t) workers_.emplace_back([this] { work(); });
  }
  ~Pool() { stop(); }

 public:
  // Ends the workers; later calls run on the calling thread alone.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& w : workers_) w.join();
    workers_.clear();
  }

 private:

  // A job that still has items and room for a helper, taken off the queue once it is full.
  std::shared_ptr<Job> take() {
    for (auto it = queue_.begin(); it != queue_.end();) {
      auto& job = *it;
      if (job->next.load() >= job->n || job->helpers >= job->max_helpers) {
        it = queue_.erase(it);
        continue;
      }
      auto taken = job;
      if (++taken->helpers >= taken->max_helpers) queue_.erase(it);
      return taken;
    }
    return nullptr;
  }

  void work() {
    for (;;) {
      std::shared_ptr<Job> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stop_ || (job = take()) != nullptr; });
        if (!job) return;
      }
      job->run_items();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Job>> queue_;
  bool stop_ = false;
  std::vector<std::thread> workers_;
  static inline std::atomic<bool> made_{false};
};

}  // namespace

void parallel_for(size_t n, const std::function<void(size_t)>& fn, size_t max_threads) {
  if (n == 0) return;
  Pool::instance().run(n, fn, max_threads);
}

size_t parallel_threads() { return Pool::instance().threads(); }

void serve_in_background() {
#if defined(__linux__)
  // On Linux a nice value belongs to the thread. Failure changes nothing but speed.
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
#endif
}

void parallel_stop() {
  if (Pool::made()) Pool::instance().stop();
}

}  // namespace jixiao
