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
#include <vector>

#include "vankien/document.hpp"
#include "vankien/error.hpp"
#include "vankien/metadata.hpp"
#include "vankien/reader.hpp"

namespace vankien {

struct IndexerOptions {
  std::filesystem::path data_dir = default_data_dir();
  std::size_t batch_size = 1000;  ///< documents per commit
};

enum class Outcome { added, updated, unchanged };

struct IndexSummary {
  std::size_t added = 0, updated = 0, unchanged = 0, failed = 0;
  std::size_t files = 0, bytes = 0;  ///< read so far
  std::vector<Problem> problems;     ///< errors (failed documents) and warnings
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

  /// Called after each file with the running totals.
  using Progress = std::function<void(const IndexSummary&)>;

  /// Reads and adds every document of `paths` (files, directories, "-" for
  /// standard input). Bad documents are counted and described in the summary;
  /// the others go in. Commits at the end.
  IndexSummary add_files(const std::vector<std::filesystem::path>& paths,
                         const FileSelection& selection = {}, const ReadOptions& read = {},
                         const Progress& progress = {});

  std::size_t document_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankien
