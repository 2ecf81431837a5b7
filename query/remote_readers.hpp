#pragma once
// Over remote shards, each hit's record is a round trip spent waiting on the
// network, one after another on one connection. A search running alone reads
// them over a few more connections at once: handles borrowed from the pool
// (kept there between searches), each read by a thread of its own.

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "database_pool.hpp"

namespace vankien::query {

class RemoteReaders {
 public:
  /// `extra` readers beside `mine`; none when every shard of `mine` is local.
  RemoteReaders(DatabasePool& pool, const Handle& mine, std::size_t extra)
      : pool_(pool), mine_(mine), extra_(mine.all_local ? 0 : extra) {}
  ~RemoteReaders() {
    for (std::unique_ptr<Handle>& handle : handles_) {
      if (handle) pool_.release(std::move(handle));
    }
  }
  RemoteReaders(const RemoteReaders&) = delete;
  RemoteReaders& operator=(const RemoteReaders&) = delete;

  bool active() const { return extra_ > 0; }

  /// Runs `work(i, reader)` for every i in [0, count), `reader` being `mine`
  /// or an extra reader's database. An item `work` returns false for on
  /// another reader (what it read is not what `mine` sees: a revision apart),
  /// or that fails there, is done again on `mine`; a reader that failed
  /// takes no more items, and its handle is not given back. What an item
  /// throws on `mine` is rethrown.
  template <typename Work>
  void for_each(Xapian::Database& mine, std::size_t count, Work work) {
    std::atomic<std::size_t> next{0};
    std::mutex redo_mutex;
    std::vector<std::size_t> redo;
    const std::size_t readers = count > 1 ? std::min(extra_, count - 1) : 0;
    if (handles_.size() < readers) handles_.resize(readers);
    std::vector<std::thread> threads;
    for (std::size_t r = 0; r < readers; ++r) {
      threads.emplace_back([&, r] {
        std::size_t i = count;
        try {
          if (!handles_[r]) handles_[r] = borrow();
          if (!handles_[r]) return;
          for (i = next++; i < count; i = next++) {
            if (!work(i, handles_[r]->all)) {
              const std::lock_guard lock(redo_mutex);
              redo.push_back(i);
            }
          }
        } catch (...) {
          handles_[r].reset();
          if (i < count) {
            const std::lock_guard lock(redo_mutex);
            redo.push_back(i);
          }
        }
      });
    }
    std::exception_ptr error;
    try {
      for (std::size_t i = next++; i < count; i = next++) work(i, mine);
    } catch (...) {
      error = std::current_exception();
      next = count;  // the others take no more
    }
    for (std::thread& thread : threads) thread.join();
    if (error) std::rethrow_exception(error);
    for (const std::size_t i : redo) work(i, mine);
  }

 private:
  // A handle on the same shards as `mine` (a shard left out of one and not
  // the other would number documents differently), else none.
  std::unique_ptr<Handle> borrow() {
    std::unique_ptr<Handle> handle = pool_.acquire();
    if (handle->missing == mine_.missing && handle->shards.size() == mine_.shards.size()) return handle;
    pool_.release(std::move(handle));
    return nullptr;
  }

  DatabasePool& pool_;
  const Handle& mine_;
  std::size_t extra_;
  std::vector<std::unique_ptr<Handle>> handles_;
};

}  // namespace vankien::query
