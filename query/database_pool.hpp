#pragma once
// The handles searches read databases on: a pool of them, one borrowed per
// search, and the helper thread's own (helper_thread.hpp).

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/database.hpp"
#include "helper_thread.hpp"
#include "vankien/error.hpp"

namespace vankien::query {

// One handle on every database, searched as one, and on each of them alone
// (sharing its state) to read its revision.
struct Handle {
  Xapian::Database all;
  std::vector<Xapian::Database> shards;

  explicit Handle(const std::vector<std::filesystem::path>& paths) {
    for (const auto& path : paths) {
      shards.push_back(storage::open_readable(path));
      all.add_database(shards.back());
    }
  }

  /// Whether both see the same revision of every database (a remote one's is unknown).
  bool same_revisions(const Handle& other) const {
    try {
      for (std::size_t i = 0; i < shards.size(); ++i) {
        if (shards[i].get_revision() != other.shards[i].get_revision()) return false;
      }
      return true;
    } catch (const Xapian::Error&) {
      return false;
    }
  }
};

// A Xapian::Database is not safe to share between threads, so each search
// borrows one from a pool; threads search in parallel, each on its own handle.
class DatabasePool {
 public:
  explicit DatabasePool(const std::vector<std::filesystem::path>& paths) : paths_(distinct(paths)) {
    if (paths_.empty()) throw Error("no database to search");
    release(open());  // fail now, not at the first search
  }

  std::unique_ptr<Handle> acquire() {
    {
      const std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        auto handle = std::move(free_.back());
        free_.pop_back();
        return handle;
      }
    }
    return open();
  }

  void release(std::unique_ptr<Handle> handle) {
    const std::lock_guard lock(mutex_);
    free_.push_back(std::move(handle));
  }

  void reopen_all() {
    const std::lock_guard lock(mutex_);
    for (auto& handle : free_) handle->all.reopen();
  }

  std::unique_ptr<Handle> open() const { return std::make_unique<Handle>(paths_); }

 private:
  // The paths without repeats: one database named twice ("--db a --db ./a")
  // is searched once, not with every hit twice.
  static std::vector<std::filesystem::path> distinct(const std::vector<std::filesystem::path>& paths) {
    std::vector<std::filesystem::path> out, seen;
    for (const std::filesystem::path& path : paths) {
      std::error_code error;
      std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
      if (error) canonical = std::filesystem::absolute(path, error).lexically_normal();
      if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
      seen.push_back(std::move(canonical));
      out.push_back(path);
    }
    return out;
  }

  std::vector<std::filesystem::path> paths_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Handle>> free_;
};

// Returns the borrowed handle to the pool whatever happens.
class Borrowed {
 public:
  explicit Borrowed(DatabasePool& pool) : pool_(pool), handle_(pool.acquire()) {}
  ~Borrowed() { pool_.release(std::move(handle_)); }
  Handle& operator*() { return *handle_; }

 private:
  DatabasePool& pool_;
  std::unique_ptr<Handle> handle_;
};

// The helper thread with its own handle, for one search that found it free
// and at the revision that search reads; inactive otherwise.
class HelperClaim {
 public:
  HelperClaim(HelperThread* thread, Handle* theirs, Handle& mine) {
    if (thread == nullptr || !thread->try_claim()) return;
    if (!theirs->same_revisions(mine)) {
      theirs->all.reopen();
      if (!theirs->same_revisions(mine)) {
        thread->release();
        return;
      }
    }
    thread_ = thread;
    theirs_ = theirs;
  }
  ~HelperClaim() {
    if (thread_) thread_->release();
  }
  HelperClaim(const HelperClaim&) = delete;
  HelperClaim& operator=(const HelperClaim&) = delete;

  bool active() const { return thread_ != nullptr; }

  /// Runs `work(i, reader)` for every i in [0, count), `reader` being the
  /// handle of the thread the item runs on: `mine`, or the helper's.
  template <typename Work>
  void for_each(Xapian::Database& mine, std::size_t count, Work work) const {
    if (thread_ == nullptr) {
      for (std::size_t i = 0; i < count; ++i) work(i, mine);
      return;
    }
    thread_->share(count, [&](std::size_t i, bool on_helper) { work(i, on_helper ? theirs_->all : mine); });
  }

 private:
  HelperThread* thread_ = nullptr;
  Handle* theirs_ = nullptr;
};

}  // namespace vankien::query
