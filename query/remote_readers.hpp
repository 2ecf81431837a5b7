#pragma once
// Over remote shards, each hit's record is a round trip spent waiting on the
// network, one after another on one connection. A search running alone reads
// them over a few more connections at once: handles borrowed from the pool
// (kept there between searches), each read by one of the Searcher's reader
// threads. The threads last as long as the Searcher, so a search pays no
// thread start and each thread's analyzer keeps its cache of words warm.

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "database_pool.hpp"
#include "helper_thread.hpp"

namespace vankien::query {

class RemoteReaders {
 public:
  /// Readers beside `mine`, one for each of `threads` free to claim; none
  /// when every shard of `mine` is local.
  RemoteReaders(DatabasePool& pool, const Handle& mine, const std::vector<std::unique_ptr<HelperThread>>& threads)
      : pool_(pool), missing_(mine.missing) {
    if (mine.all_local) return;
    for (const std::unique_ptr<HelperThread>& thread : threads) {
      if (thread->try_claim()) threads_.push_back(thread.get());
    }
    if (!threads_.empty()) mine_ = state_of(mine);
  }
  ~RemoteReaders() {
    for (std::unique_ptr<Handle>& handle : handles_) {
      if (handle) pool_.release(std::move(handle));
    }
    for (HelperThread* thread : threads_) thread->release();
  }
  RemoteReaders(const RemoteReaders&) = delete;
  RemoteReaders& operator=(const RemoteReaders&) = delete;

  bool active() const { return !threads_.empty(); }

  /// Runs `work(i, reader)` for every i in [0, count), `reader` being `mine`
  /// or an extra reader's database. An item `work` returns false for on
  /// another reader (what it read is not what `mine` sees: a revision apart),
  /// or that fails there, is done again on `mine`, and that reader takes no
  /// more items and is not given back. What an item throws on `mine` is
  /// rethrown.
  template <typename Work>
  void for_each(Xapian::Database& mine, std::size_t count, Work work) {
    std::atomic<std::size_t> next{0};
    std::mutex redo_mutex;
    std::vector<std::size_t> redo;
    const std::size_t readers = count > 1 ? std::min(threads_.size(), count - 1) : 0;
    if (handles_.size() < readers) handles_.resize(readers);
    redo.reserve(readers);  // so a reader's last step cannot throw
    std::size_t started = 0;
    try {
      for (; started < readers; ++started) {
        threads_[started]->start([&, r = started]() noexcept {
          std::size_t i = count;
          try {
            if (!handles_[r]) handles_[r] = borrow();
            if (!handles_[r]) return;
            for (i = next++; i < count && work(i, handles_[r]->all); i = next++) {
            }
          } catch (...) {
          }
          if (i < count) {  // refused or failed: this reader is done
            handles_[r].reset();
            const std::lock_guard lock(redo_mutex);
            redo.push_back(i);
          }
        });
      }
    } catch (...) {
      // Not started (no memory for it): the others and the caller take the items.
    }
    std::exception_ptr error;
    try {
      for (std::size_t i = next++; i < count; i = next++) work(i, mine);
    } catch (...) {
      error = std::current_exception();
      next = count;  // the others take no more
    }
    // Every reader started is waited for, whatever happened here: its work
    // refers to this frame.
    for (std::size_t r = 0; r < started; ++r) threads_[r]->join();
    if (error) std::rethrow_exception(error);
    for (const std::size_t i : redo) work(i, mine);
  }

 private:
  // What a remote database tells of its revision without a round trip.
  struct ShardState {
    Xapian::doccount documents;
    Xapian::docid last_id;
    Xapian::totallength length;
    bool operator==(const ShardState&) const = default;
  };
  static std::vector<ShardState> state_of(const Handle& handle) {
    std::vector<ShardState> state;
    for (const Xapian::Database& shard : handle.shards) {
      state.push_back({shard.get_doccount(), shard.get_lastdocid(), shard.get_total_length()});
    }
    return state;
  }

  // A handle on the same shards as `mine` (a shard left out of one and not
  // the other would number documents differently), each as `mine` sees it
  // as far as that tells; else none. A commit in between (a document
  // replaced in place keeps its number) mostly shows there; for one that
  // does not, each hit is checked too.
  std::unique_ptr<Handle> borrow() {
    std::unique_ptr<Handle> handle = pool_.acquire();
    if (handle->missing == missing_ && state_of(*handle) == mine_) return handle;
    pool_.release(std::move(handle));
    return nullptr;
  }

  DatabasePool& pool_;
  std::vector<std::string> missing_;
  std::vector<ShardState> mine_;  // taken before any thread starts
  std::vector<HelperThread*> threads_;  // claimed
  std::vector<std::unique_ptr<Handle>> handles_;
};

}  // namespace vankien::query
