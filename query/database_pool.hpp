#pragma once
// The handles searches read databases on: a pool of them, one borrowed per
// search, and the helper thread's own (helper_thread.hpp).

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "storage/record_compression.hpp"
#include "storage/shards.hpp"
#include "facet_column.hpp"
#include "helper_thread.hpp"
#include "vankien/error.hpp"
#include "vankien/schema.hpp"

namespace vankien::query {

// One handle on every shard that answered, searched as one, and on each of
// them alone (sharing its state) to read its revision. A remote shard that
// cannot be reached is left out and named; a local one that cannot be read
// fails the search.
struct Handle {
  Xapian::Database all;
  std::vector<Xapian::Database> shards;
  std::vector<std::string> missing;  ///< remote shards left out, by name
  bool all_local = true;
  std::uint64_t generation = 0;  ///< the pool's generation it was last reopened at
  /// Every dictionary of every revision a handle of the pool has seen.
  std::shared_ptr<storage::RecordDictionaries> dictionaries;
  /// The facet columns the handles of the pool read last.
  std::shared_ptr<FacetColumnCache> facet_columns_read;

  /// Sees the latest commit; what was read of the old revision is forgotten.
  bool reopen() {
    access_counts_.clear();
    term_count_.reset();
    const bool changed = all.reopen();
    if (changed || dictionaries_pending_) {
      dictionaries_pending_ = true;  // until read: a failure here is retried at the next reopen
      for (Xapian::Database& shard : shards) load_dictionaries(shard);
      dictionaries_pending_ = false;
    }
    return changed;
  }

  /// Distinct terms over every shard, counted once a revision (a walk of the
  /// whole dictionary); none when a shard is remote, which would send it all.
  std::optional<std::size_t> term_count() {
    if (!all_local) return std::nullopt;
    if (!term_count_) {
      std::size_t terms = 0;
      for (auto it = all.allterms_begin(); it != all.allterms_end(); ++it) ++terms;
      term_count_ = terms;
    }
    return term_count_;
  }

  /// The facet column at the revision open, over one local database; none
  /// over several (a location may itself name several, a stub within a
  /// stub) or a remote one (facet_column.hpp).
  std::shared_ptr<const FacetColumn> facet_column() {
    if (!all_local || all.size() != 1) return nullptr;
    try {
      return facet_columns_read->of(all);
    } catch (const Xapian::InvalidOperationError&) {
      return nullptr;  // remote after all (a stub naming a stub naming one): no revision to read
    }
  }

  /// How many documents are at each access level (Access's order), read
  /// once a revision: a remote shard answers each count in a round trip.
  const std::vector<Xapian::doccount>& access_counts() {
    if (access_counts_.empty()) {
      for (int level = 0; level <= static_cast<int>(Access::top_secret); ++level) {
        access_counts_.push_back(all.get_termfreq(std::string(schema::access).append(access_name(static_cast<Access>(level)))));
      }
    }
    return access_counts_;
  }

  Handle(const std::vector<storage::ShardLocation>& locations, const storage::RemoteTimeouts& timeouts,
         std::shared_ptr<storage::RecordDictionaries> dictionaries_in = std::make_shared<storage::RecordDictionaries>(),
         std::shared_ptr<FacetColumnCache> facet_columns_in = std::make_shared<FacetColumnCache>())
      : dictionaries(std::move(dictionaries_in)), facet_columns_read(std::move(facet_columns_in)) {
    for (const storage::ShardLocation& location : locations) {
      if (!location.remote()) {
        shards.push_back(storage::open_shard(location, timeouts));
        load_dictionaries(shards.back());
        all.add_database(shards.back());
        continue;
      }
      all_local = false;
      try {
        Xapian::Database shard = storage::open_shard(location, timeouts);
        load_dictionaries(shard);  // a shard that stops answering here is missing too
        shards.push_back(shard);
        all.add_database(shard);
      } catch (const Xapian::Error& error) {
        missing.push_back(location.name);
      }
    }
    if (shards.empty()) {
      std::string names;
      for (const std::string& name : missing) names.append(names.empty() ? "" : ", ").append(name);
      throw ShardsUnavailableError("no shard answered: " + names);
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

 private:
  // A record read at this revision needs a dictionary stored at it or before.
  // Dictionaries are only ever added, so a revision overwritten meanwhile is
  // left for the latest, which holds them all.
  // A remote shard's NetworkError is left as it is (the shard is missing);
  // other failures leave as vankien::Error.
  void load_dictionaries(Xapian::Database& shard) {
    bool changed = false;
    for (int attempt = 1;; ++attempt) {
      try {
        if (changed) shard.reopen();  // a commit may land while it reads too
        dictionaries->load(shard);
        return;
      } catch (const Xapian::DatabaseModifiedError& error) {
        if (attempt == 3) {
          throw Error("the database changed 3 times while its compression dictionaries were read: " +
                      error.get_msg());
        }
        changed = true;
      } catch (const Xapian::NetworkError&) {
        throw;
      } catch (const Xapian::Error& error) {
        throw Error("cannot read the database's compression dictionaries: " + error.get_description());
      }
    }
  }

  bool dictionaries_pending_ = false;
  std::vector<Xapian::doccount> access_counts_;
  std::optional<std::size_t> term_count_;
};

// A Xapian::Database is not safe to share between threads, so each search
// borrows one from a pool; threads search in parallel, each on its own handle.
class DatabasePool {
 public:
  DatabasePool(const std::vector<std::filesystem::path>& locations, storage::RemoteTimeouts timeouts)
      : shards_(distinct(locations)), timeouts_(timeouts) {
    if (shards_.empty()) throw Error("no database to search");
    release(open());  // fail now, not at the first search
  }

  /// Whether every shard is on this machine (the helper thread's slices need it).
  bool all_local() const {
    return std::none_of(shards_.begin(), shards_.end(), [](const auto& shard) { return shard.remote(); });
  }

  /// An idle handle, reopened first if the pool saw a commit since it was
  /// last used (a handle that cannot be reopened is replaced), else a new one.
  std::unique_ptr<Handle> acquire() {
    std::unique_ptr<Handle> handle;
    {
      const std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        handle = std::move(free_.back());
        free_.pop_back();
      }
    }
    const std::uint64_t now = generation_;
    if (handle && handle->generation != now) {
      try {
        handle->reopen();
        handle->generation = now;
      } catch (const Xapian::Error&) {
        handle.reset();
      } catch (const Error&) {  // its dictionaries could not be read
        handle.reset();
      }
    }
    return handle ? std::move(handle) : open();
  }

  /// A handle missing a shard is not kept: the next search tries that shard again.
  void release(std::unique_ptr<Handle> handle) {
    if (!handle->missing.empty()) return;
    const std::lock_guard lock(mutex_);
    free_.push_back(std::move(handle));
  }

  /// Looks for commits since the last look, on one handle. When there are,
  /// every handle is reopened before its next search, busy ones included,
  /// and this returns true.
  bool refresh() {
    std::unique_ptr<Handle> probe = acquire();
    bool changed = true;  // a handle that cannot say is taken to have changed
    try {
      changed = probe->reopen();
    } catch (const Xapian::Error&) {
      probe.reset();
    } catch (const Error&) {
      probe.reset();
    }
    if (changed) probe_generation(probe.get());
    if (probe) release(std::move(probe));
    return changed;
  }

  /// After a remote shard's connection broke: the idle handles' connections
  /// to it are likely broken too (the server restarted, or closed them).
  void drop_idle() {
    const std::lock_guard lock(mutex_);
    free_.clear();
  }

  /// The size of the local shards' files; remote shards' are not known here.
  std::uintmax_t local_bytes() const {
    std::uintmax_t bytes = 0;
    for (const storage::ShardLocation& shard : shards_) {
      if (shard.remote()) continue;
      std::error_code error;
      for (const auto& entry : std::filesystem::directory_iterator(shard.path, error)) {
        const auto size = entry.is_regular_file(error) ? entry.file_size(error) : 0;
        if (!error) bytes += size;
      }
    }
    return bytes;
  }

  std::unique_ptr<Handle> open() const {
    auto handle = std::make_unique<Handle>(shards_, timeouts_, dictionaries_, facet_columns_);
    handle->generation = generation_;
    return handle;
  }

 private:
  // The shards the locations name, without repeats: one database named twice
  // ("--db a --db ./a", or in a stub too) is searched once, not with every
  // hit twice.
  static std::vector<storage::ShardLocation> distinct(const std::vector<std::filesystem::path>& locations) {
    std::vector<storage::ShardLocation> out;
    std::vector<std::string> seen;
    for (const std::filesystem::path& location : locations) {
      for (storage::ShardLocation& shard : storage::shard_locations(location.string())) {
        std::string key = shard.name;
        if (!shard.remote()) {
          std::error_code error;
          std::filesystem::path canonical = std::filesystem::weakly_canonical(shard.path, error);
          if (error) canonical = std::filesystem::absolute(shard.path, error).lexically_normal();
          key = canonical.string();
        }
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        seen.push_back(std::move(key));
        out.push_back(std::move(shard));
      }
    }
    return out;
  }

  void probe_generation(Handle* probe) {
    const std::uint64_t next = ++generation_;
    if (probe) probe->generation = next;
  }

  std::vector<storage::ShardLocation> shards_;
  storage::RemoteTimeouts timeouts_;
  std::shared_ptr<storage::RecordDictionaries> dictionaries_ = std::make_shared<storage::RecordDictionaries>();
  std::shared_ptr<FacetColumnCache> facet_columns_ = std::make_shared<FacetColumnCache>();
  std::atomic<std::uint64_t> generation_{0};
  std::mutex mutex_;
  std::vector<std::unique_ptr<Handle>> free_;
};

// Returns the borrowed handle to the pool whatever happens.
class Borrowed {
 public:
  /// `fresh`: a new handle, not one from the pool.
  explicit Borrowed(DatabasePool& pool, bool fresh = false)
      : pool_(pool), handle_(fresh ? pool.open() : pool.acquire()) {}
  ~Borrowed() {
    if (handle_) pool_.release(std::move(handle_));
  }
  Borrowed(const Borrowed&) = delete;
  Borrowed& operator=(const Borrowed&) = delete;
  Handle& operator*() { return *handle_; }
  /// Not given back: a connection of it broke.
  void discard() { handle_.reset(); }

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
    try {
      if (!theirs->same_revisions(mine)) theirs->reopen();
    } catch (...) {
      thread->release();  // else held for good: no destructor runs
      throw;
    }
    if (!theirs->same_revisions(mine)) {
      thread->release();
      return;
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
