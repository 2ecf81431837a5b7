// ShardedIndexer: one Indexer per shard, each on its own thread, fed by one
// reading thread that routes documents by a hash of their id.
#include <xapian.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <utility>
#include <thread>

#include "document_builder.hpp"
#include "storage/accent_table.hpp"
#include "storage/record_compression.hpp"
#include "storage/syllable_pairs.hpp"
#include "storage/database.hpp"
#include "storage/document_record.hpp"
#include "vankien/indexer.hpp"
#include "work_queue.hpp"

namespace vankien {

namespace {

// The id Indexer::add gives a document that has none, so that routing and
// the stored id agree.
void give_id(Document& document) {
  if (document.id.empty()) {
    // Built by appending, which GCC 12 at -O3 does not misread as overlapping copies.
    document.id.append("h").append(index::content_hash({storage::encode_fields(document), document.body}));
  }
}

// What one shard's thread did.
struct ShardTally {
  std::atomic<std::size_t> added{0}, updated{0}, unchanged{0}, failed{0};
  std::mutex problems_mutex;
  std::vector<Problem> problems;

  void count(Outcome outcome) {
    switch (outcome) {
      case Outcome::added: ++added; break;
      case Outcome::updated: ++updated; break;
      case Outcome::unchanged: ++unchanged; break;
    }
  }
  void fail(Problem problem) {
    if (!problem.warning) ++failed;
    const std::lock_guard lock(problems_mutex);
    problems.push_back(std::move(problem));
  }
  // Counted as written, taken back by a failed change: failed now.
  void cancel(CancelledDocument gone) {
    --(gone.outcome == Outcome::added ? added : updated);
    fail(Problem{std::move(gone.source), std::move(gone.reason)});
  }
};

}  // namespace

struct ShardedIndexer::Impl {
  std::vector<Indexer> shards;
  std::vector<std::filesystem::path> paths;
  IndexerOptions options;
  // What calls before a run had cancelled, kept out of the run's summary.
  std::vector<CancelledDocument> earlier;

  Indexer& shard_for(const std::string& id) { return shards[shard_of(id, shards.size())]; }
};

ShardedIndexer::ShardedIndexer(const std::vector<std::filesystem::path>& shards, IndexerOptions options)
    : impl_(std::make_unique<Impl>()) {
  if (shards.empty()) throw Error("no shard to index into");
  impl_->options = options;
  impl_->paths = shards;
  for (const std::filesystem::path& shard : shards) impl_->shards.emplace_back(shard, options);
}

ShardedIndexer::~ShardedIndexer() = default;  // each Indexer commits
ShardedIndexer::ShardedIndexer(ShardedIndexer&&) noexcept = default;
ShardedIndexer& ShardedIndexer::operator=(ShardedIndexer&&) noexcept = default;

std::size_t ShardedIndexer::shard_of(std::string_view id, std::size_t count) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits: the same on every machine
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return static_cast<std::size_t>(hash % count);
}

Outcome ShardedIndexer::add(Document document) {
  give_id(document);
  return impl_->shard_for(document.id).add(std::move(document));
}

bool ShardedIndexer::remove(const std::string& id) { return impl_->shard_for(id).remove(id); }

void ShardedIndexer::commit() {
  for (Indexer& shard : impl_->shards) shard.commit();
}

std::vector<CancelledDocument> ShardedIndexer::take_cancelled() {
  std::vector<CancelledDocument> out = std::exchange(impl_->earlier, {});
  for (Indexer& shard : impl_->shards) {
    for (CancelledDocument& gone : shard.take_cancelled()) out.push_back(std::move(gone));
  }
  return out;
}

std::size_t ShardedIndexer::document_count() const {
  std::size_t count = 0;
  for (const Indexer& shard : impl_->shards) count += shard.document_count();
  return count;
}

IndexSummary ShardedIndexer::add_files(const std::vector<std::filesystem::path>& paths,
                                       const FileSelection& selection, const ReadOptions& given_read,
                                       const Indexer::Progress& progress) {
  ReadOptions read = given_read;
  if (read.site_rules.empty()) read.site_rules = impl_->options.data_dir / "sites.tsv";
  const std::size_t count = impl_->shards.size();
  // What a failure in this run cancels must be this run's to report: what
  // earlier calls left pending is committed first, and what they had
  // cancelled is kept for take_cancelled().
  commit();
  impl_->earlier = take_cancelled();
  std::vector<std::unique_ptr<index::WorkQueue<Document>>> queues;
  std::vector<ShardTally> tallies(count);
  std::vector<std::exception_ptr> errors(count);
  for (std::size_t k = 0; k < count; ++k) {
    queues.push_back(std::make_unique<index::WorkQueue<Document>>(index::waiting_documents, index::waiting_text_bytes));
  }

  std::vector<std::thread> writers;
  for (std::size_t k = 0; k < count; ++k) {
    writers.emplace_back([&, k] {
      try {
        while (auto document = queues[k]->pop()) {
          SourceLocation where = document->source;
          try {
            tallies[k].count(impl_->shards[k].add(std::move(*document)));
          } catch (const std::exception& error) {  // one document's failure is not the run's
            tallies[k].fail(Problem{std::move(where), error.what()});
          }
          for (CancelledDocument& gone : impl_->shards[k].take_cancelled()) tallies[k].cancel(std::move(gone));
        }
        // As in Indexer::add_files: what the last commit cancelled is named,
        // and a failure that cancelled nothing is the shard's problem.
        try {
          impl_->shards[k].commit();
        } catch (const Error& error) {
          std::vector<CancelledDocument> cancelled = impl_->shards[k].take_cancelled();
          if (cancelled.empty()) tallies[k].fail(Problem{SourceLocation{impl_->paths[k].string()}, error.what()});
          for (CancelledDocument& gone : cancelled) tallies[k].cancel(std::move(gone));
        }
      } catch (...) {
        errors[k] = std::current_exception();
        queues[k]->abandon();
      }
    });
  }

  IndexSummary summary;  // files, bytes and reading problems, on this thread
  auto totals = [&] {
    IndexSummary out = summary;
    for (ShardTally& tally : tallies) {
      out.added += tally.added;
      out.updated += tally.updated;
      out.unchanged += tally.unchanged;
      out.failed += tally.failed;
    }
    return out;
  };
  std::exception_ptr reading_error;
  // A shard that stopped writing ends the reading after the current file:
  // nothing is thrown through a reader (expat's callbacks are C).
  bool stopped = false;
  try {
    auto on_problem = [&](Problem&& problem) {
      if (!problem.warning) ++summary.failed;
      summary.problems.push_back(std::move(problem));
    };
    auto on_document = [&](Document&& document) {
      if (stopped) return;
      give_id(document);
      const std::size_t k = shard_of(document.id, count);
      const std::size_t bytes = index::text_bytes(document);
      stopped = !queues[k]->push(std::move(document), bytes);
    };
    for (const std::filesystem::path& file : collect_files(paths, selection, on_problem)) {
      if (stopped) break;
      read_file(file, read, on_document, on_problem);
      std::error_code error;
      const auto size = file == "-" ? 0 : std::filesystem::file_size(file, error);
      ++summary.files;
      summary.bytes += error ? 0 : size;
      if (progress) progress(totals());
    }
  } catch (...) {
    reading_error = std::current_exception();
  }
  for (auto& queue : queues) queue->close();
  for (std::thread& writer : writers) writer.join();
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  if (reading_error) std::rethrow_exception(reading_error);
  IndexSummary out = totals();
  for (ShardTally& tally : tallies) {
    out.problems.insert(out.problems.end(), std::make_move_iterator(tally.problems.begin()),
                        std::make_move_iterator(tally.problems.end()));
  }
  return out;
}

void write_stub(const std::filesystem::path& stub, const std::vector<std::filesystem::path>& shards) {
  const std::filesystem::path folder = std::filesystem::absolute(stub).parent_path();
  const std::filesystem::path temporary = stub.string() + ".new";
  {
    std::ofstream out(temporary);
    out << "# vankien shards: searched as one (vankien search --db, xapian-tcpsrv)\n";
    for (const std::filesystem::path& shard : shards) {
      const std::filesystem::path absolute = std::filesystem::absolute(shard).lexically_normal();
      const std::filesystem::path relative = absolute.lexically_relative(folder);
      const bool inside = !relative.empty() && *relative.begin() != "..";
      out << "auto " << (inside ? relative : absolute).string() << '\n';
    }
    if (!out) throw Error(temporary.string() + ": cannot write the stub file");
  }
  std::filesystem::rename(temporary, stub);  // whole or not at all
}

void merge_shards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& output) {
  try {
    Xapian::Database all;
    std::vector<Xapian::Database> each;
    for (const std::filesystem::path& shard : shards) {
      each.push_back(storage::open_readable(shard));
      all.add_database(each.back());
    }
    all.compact(output.string(), Xapian::DBCOMPACT_MULTIPASS);
    // Compaction keeps the first shard's value of each metadata key: the
    // accent table must be that of every document, so it is stored anew, the
    // syllable pairs are the shards' added up, and every shard's record
    // dictionaries are kept.
    Xapian::WritableDatabase merged = storage::open_writable(output);
    storage::store_accent_table(merged);
    storage::merge_syllable_pairs(merged, each);
    storage::copy_dictionaries(merged, each);
    merged.commit();
  } catch (const Xapian::Error& error) {
    throw Error("cannot merge the shards into " + output.string() + ": " + error.get_msg());
  }
}

}  // namespace vankien
