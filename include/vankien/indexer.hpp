#pragma once
// Writing documents into a vankien database (a Xapian database on disk).
//
//   vankien::Indexer indexer("archive.db");
//   vankien::IndexSummary summary = indexer.add_files({"corpus/"});
//   indexer.commit();
//
// Metadata missing from a document is extracted from its text first
// (metadata.hpp). Re-adding a document with the same id replaces it, or is
// skipped when nothing changed. Changes are committed in batches; a batch is
// atomic, so a crash never leaves half of one, and what was committed before
// stays intact.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vankien/document.hpp"
#include "vankien/error.hpp"
#include "vankien/metadata.hpp"
#include "vankien/reader.hpp"

namespace vankien {

struct IndexerOptions {
  std::filesystem::path data_dir = default_data_dir();
  std::size_t batch_size = 1000;  ///< documents per commit; below XAPIAN_FLUSH_THRESHOLD (10,000 unless set)
  /// A database's stored records are compressed with a dictionary trained on
  /// its first this many records (kept as they are); docs/SCHEMA.md.
  std::size_t dictionary_samples = 1000;
};

enum class Outcome { added, updated, unchanged };

/// A document reported added or updated that a failed change took back:
/// Xapian cancels every change since the last commit when a write or a
/// commit fails, so it is not in the database (index it again).
struct CancelledDocument {
  std::string id;
  SourceLocation source;
  Outcome outcome;  ///< what add() had reported
  std::string reason;  ///< "not written, cancelled when ..."
};

struct IndexSummary {
  /// `failed`: documents, and a last commit that failed without cancelling any
  std::size_t added = 0, updated = 0, unchanged = 0, failed = 0;
  std::size_t files = 0, bytes = 0;  ///< read so far
  std::vector<Problem> problems;     ///< errors (failed documents, a failed last commit) and warnings
};

class Indexer {
 public:
  /// Opens the database at `path` for writing, creating it if needed. Throws
  /// DatabaseLockedError when another process is writing to it, Error otherwise.
  explicit Indexer(const std::filesystem::path& path, IndexerOptions options = {});
  ~Indexer();  ///< commits pending changes
  Indexer(Indexer&&) noexcept;
  Indexer& operator=(Indexer&&) noexcept;

  /// Completes the document's metadata and adds it. Throws vankien::Error when
  /// the document cannot be indexed (empty, impossible date ...).
  Outcome add(Document document);

  /// Removes a document by id; false when there was none.
  bool remove(const std::string& id);

  /// Makes every change so far durable and visible to readers, atomically.
  void commit();

  /// The documents a failed add(), remove() or commit() cancelled since the
  /// last call, oldest first: a failure drops every change since the last
  /// commit. add_files() reports those of its run as failed itself. A
  /// removal that a failure cancelled is not listed: the document is back.
  std::vector<CancelledDocument> take_cancelled();

  /// Called after each file with the running totals.
  using Progress = std::function<void(const IndexSummary&)>;

  /// Reads and adds every document of `paths` (files, directories, "-" for
  /// standard input). Bad documents are counted and described in the summary;
  /// the others go in. Commits at the end; documents a failed commit took
  /// back, the last one's included, are failures in the summary.
  IndexSummary add_files(const std::vector<std::filesystem::path>& paths,
                         const FileSelection& selection = {}, const ReadOptions& read = {},
                         const Progress& progress = {});

  std::size_t document_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Writing into several local shards at once, one Xapian writer (and one
/// thread) each: past the single writer's speed, and the way to build shards
/// that xapian-tcpsrv serves (docs/SCALING.md). A document goes to the shard
/// its id hashes to, so re-indexing it finds the same shard.
///
///   vankien::ShardedIndexer shards({"archive.shard0", "archive.shard1"});
///   shards.add_files({"corpus/"});
class ShardedIndexer {
 public:
  /// Opens (creating if needed) every shard, in this order; the order is the
  /// routing, so a set of shards must always be opened in the same one.
  explicit ShardedIndexer(const std::vector<std::filesystem::path>& shards, IndexerOptions options = {});
  ~ShardedIndexer();  ///< commits pending changes
  ShardedIndexer(ShardedIndexer&&) noexcept;
  ShardedIndexer& operator=(ShardedIndexer&&) noexcept;

  /// The shard, of `count`, a document of this id goes to (FNV-1a of the id).
  static std::size_t shard_of(std::string_view id, std::size_t count);

  Outcome add(Document document);
  bool remove(const std::string& id);
  void commit();
  /// As Indexer::take_cancelled, over every shard.
  std::vector<CancelledDocument> take_cancelled();
  /// As Indexer::add_files: one thread reads and routes, one per shard
  /// extracts, builds and writes.
  IndexSummary add_files(const std::vector<std::filesystem::path>& paths, const FileSelection& selection = {},
                         const ReadOptions& read = {}, const Indexer::Progress& progress = {});
  std::size_t document_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Writes a Xapian stub file naming `shards` ("auto PATH" lines, paths
/// relative to the stub's folder when they are inside it), which Searcher
/// and xapian-tcpsrv open as one database.
void write_stub(const std::filesystem::path& stub, const std::vector<std::filesystem::path>& shards);

/// Compacts `shards` into one new database at `output` (as xapian-compact
/// does) and stores its accent table. Throws Error.
void merge_shards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& output);

}  // namespace vankien
