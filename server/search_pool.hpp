#pragma once
// The threads searches run on, apart from the threads that hold connections.
// cpp-httplib gives each connection a thread for as long as it is kept
// alive, so a server needs many of those; searches need only as many threads
// as there are cores (more would only contend for them), and each thread that
// searches keeps the analyzer's per-thread word cache (a few MB). Connection
// threads hand each request's work here and wait for it.

#include <future>

#include "bounded_pool.hpp"

namespace vankien::server {

class SearchPool {
 public:
  /// `waiting`: searches queued at most; a connection thread past it waits to queue.
  SearchPool(std::size_t threads, std::size_t waiting) : workers_(threads, waiting) {}

  /// Runs `work` on a pool thread, in the order asked, and returns its result
  /// (or rethrows its exception) here.
  template <typename Work>
  auto run(Work work) -> decltype(work()) {
    std::packaged_task<decltype(work())()> task(std::move(work));
    auto result = task.get_future();
    workers_.enqueue([&task] { task(); });
    return result.get();
  }

 private:
  BoundedPool workers_;
};

}  // namespace vankien::server
