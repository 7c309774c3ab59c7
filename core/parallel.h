// The process's one pool of worker threads. Reading a batch of files, the sheets of one workbook,
// the rows of a CSV export and the checks of a batch all run through parallel_for, nested as they
// come: a call from inside a worker is run by that worker, helped by whichever others are idle,
// so nesting never oversubscribes the cores nor waits on a busy thread.
#pragma once

#include <cstddef>
#include <functional>

namespace jixiao {

// Calls fn(0) … fn(n-1), each once, on the calling thread and up to max_threads - 1 idle workers
// (0: as many as there are cores); returns when all are done. The first exception thrown by fn is
// rethrown here, after the others have finished.
void parallel_for(size_t n, const std::function<void(size_t)>& fn, size_t max_threads = 0);

// How many threads parallel_for may use at most (the cores).
size_t parallel_threads();

// For a thread that works ahead of another (inflating a part, formatting rows the reader hands
// over): lowers its scheduling priority a little, so that when threads outnumber cores the thread
// it serves keeps a core to itself; it still takes any core that is free. Linux only; elsewhere
// nothing.
void serve_in_background();

// Ends the workers (main calls it before returning). Libraries that a worker used lazily, such as
// OpenSSL through libzip's temporary-file names, registered their exit handlers after the pool
// was made, so they would run before the pool's destructor and leave the workers' thread state
// behind. Later parallel_for calls run on the calling thread.
void parallel_stop();

}  // namespace jixiao
