#include "vankien/indexer.hpp"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <thread>
#include <utility>
#include <variant>

#include "metadata/abbreviations.hpp"
#include "storage/accent_table.hpp"
#include "storage/database.hpp"
#include "document_builder.hpp"
#include "storage/document_record.hpp"
#include "storage/record_compression.hpp"
#include "storage/syllable_pairs.hpp"
#include "record_compressor.hpp"
#include "work_queue.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/schema.hpp"

namespace vankien {

namespace {

constexpr std::string_view synonyms_key = "vankien.synonyms";

// Documents counted as written that a failed change took back: failed now.
void count_cancelled(std::vector<CancelledDocument> cancelled, IndexSummary& summary) {
  for (CancelledDocument& gone : cancelled) {
    --(gone.outcome == Outcome::added ? summary.added : summary.updated);
    ++summary.failed;
    summary.problems.push_back(Problem{std::move(gone.source), std::move(gone.reason)});
  }
}

// As Xapian reads it (glass, 1.4): a number, where 0 or none means 10,000.
std::size_t xapian_flush_threshold() {
  const char* set = std::getenv("XAPIAN_FLUSH_THRESHOLD");
  const long threshold = set ? std::atol(set) : 0;
  return threshold > 0 ? static_cast<std::size_t>(threshold) : 10000;
}

}  // namespace

struct Indexer::Impl {
  Impl(const std::filesystem::path& path_in, IndexerOptions options_in)
      : path(path_in),
        options(std::move(options_in)),
        extractor(options.data_dir),
        db(storage::open_writable(path)),
        stored_dictionary(storage::current_dictionary(db)),
        compressor(stored_dictionary, options.dictionary_samples) {
    register_synonyms();
    if (!stored_dictionary) learn_from_stored_records();
  }

  // A document ready to be written: built, or known to be unchanged.
  struct Prepared {
    std::string id_term;
    std::string hash;
    std::optional<Xapian::Document> built;  // empty: unchanged when prepared
    std::shared_ptr<const storage::RecordDictionary> dictionary;  // the one its record needs
    Document unbuilt;  // kept when unchanged, in case the writer sees otherwise
    SourceLocation source;
  };

  // The hash covers the document as given, so an unchanged input is skipped
  // before any extraction work. `stored_hash_of(id_term)` reads the writer's
  // database, or a read-only view of it on another thread.
  template <typename StoredHash>
  Prepared prepare(Document document, StoredHash stored_hash_of) const {
    Prepared prepared;
    prepared.hash = index::content_hash({storage::encode_fields(document), document.body});
    if (document.id.empty()) document.id = "h" + prepared.hash;
    if (document.id.size() > 200) throw Error("document id longer than 200 bytes");
    prepared.id_term = schema::id_term(document.id);
    prepared.source = document.source;
    if (stored_hash_of(prepared.id_term) == prepared.hash) {
      prepared.unbuilt = std::move(document);
      return prepared;
    }
    build(std::move(document), prepared);
    return prepared;
  }

  void build(Document document, Prepared& prepared) const {
    // Extraction analyses the body; the builder takes its tokens rather than
    // analysing it a second time.
    std::vector<Token> body_tokens;
    extractor.complete(document, body_tokens);
    prepared.built = index::build_document(std::move(document), prepared.hash, &body_tokens, &pairs);
    index::RecordCompressor::Result record = compressor.compress(prepared.built->get_data());
    if (record.dictionary) {
      prepared.built->set_data(record.data);
      prepared.dictionary = std::move(record.dictionary);
    }
  }

  // Writes on this (the writer's) thread; decides added, updated or unchanged
  // against the database as it is now, pending changes included.
  Outcome write(Prepared prepared) {
    check_usable();
    const std::string id = prepared.id_term.substr(1);
    const std::string stored = stored_hash_in_writer(prepared.id_term, id);
    if (stored == prepared.hash) return Outcome::unchanged;
    // Unchanged in the view it was prepared against, changed since (the same
    // id earlier in this run): build it now.
    if (!prepared.built) build(std::move(prepared.unbuilt), prepared);
    const Outcome outcome = stored.empty() ? Outcome::added : Outcome::updated;
    try {
      if (prepared.dictionary && (!stored_dictionary || prepared.dictionary->id() != stored_dictionary->id())) {
        store_dictionary(prepared.dictionary);
      }
      db.replace_document(prepared.id_term, *prepared.built);
    } catch (const Xapian::Error& error) {
      const std::string what = "cannot index document '" + id + "': " + error.get_msg();
      after_failed_change("cancelled when writing another failed (" + what + ")");
      throw Error(what);
    } catch (...) {
      after_failed_change("cancelled when writing document '" + id + "' failed");
      throw;
    }
    uncommitted.push_back({id, prepared.source, outcome});
    try {
      count_change();
    } catch (...) {
      // The batch's commit failed and cancelled this document with the
      // others: it is reported by what is thrown, not as cancelled.
      if (!cancelled.empty() && cancelled.back().id == id) cancelled.pop_back();
      throw;
    }
    return outcome;
  }

  // On the writer a read can write: before reading a term's postings with
  // changes pending, Xapian writes out the pending positions. So a failure
  // here is a failed change.
  std::string stored_hash_in_writer(const std::string& id_term, const std::string& id) {
    try {
      return stored_hash(db, id_term);
    } catch (const Xapian::Error& error) {
      const std::string what = "cannot index document '" + id + "': " + error.get_msg();
      after_failed_change("cancelled when reading the database failed (" + what + ")");
      throw Error(what);
    }
  }

  // The reopening is part of the next try: a commit may land while it reads too.
  static std::string stored_hash(Xapian::Database& view, const std::string& id_term) {
    for (int attempt = 0;; ++attempt) {
      try {
        if (attempt > 0) view.reopen();
        const Xapian::PostingIterator found = view.postlist_begin(id_term);
        if (found == view.postlist_end(id_term)) return {};
        const std::string hash = view.get_document(*found).get_value(schema::hash_slot);
        return hash.empty() ? std::string("-") : hash;  // "-": present, hash unknown
      } catch (const Xapian::DatabaseModifiedError& error) {
        if (attempt >= 3) throw Error("the database changed 4 times while it was read: " + error.get_msg());
      }
    }
  }

  // Abbreviations both ways (BTV <-> Ban Thường vụ), once per abbreviation list.
  void register_synonyms() {
    std::string listing;
    for (const auto& [abbreviation, expansion] : extractor.abbreviations()) {
      listing += abbreviation + "\t" + expansion + "\n";
    }
    const std::string fingerprint = index::content_hash(listing);
    if (db.get_metadata(std::string(synonyms_key)) == fingerprint) return;
    for (const auto& [abbreviation, expansion] : extractor.abbreviations()) {
      const std::string short_key = metadata::synonym_key(abbreviation), long_key = metadata::synonym_key(expansion);
      if (short_key.empty() || long_key.empty()) continue;
      db.add_synonym(short_key, long_key);
      db.add_synonym(long_key, short_key);
    }
    db.set_metadata(std::string(synonyms_key), fingerprint);
    db.commit();
  }

  // The database's first records, when a run before this one stopped short
  // of training (or the database is older than compressed records).
  void learn_from_stored_records() {
    std::size_t records = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end("") && records < options.dictionary_samples;
         ++it, ++records) {
      const std::string data = db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_data();
      if (!storage::is_compressed(data)) compressor.learn_from(data);
    }
  }

  // A failed change (a write, a removal, a commit) drops every change since
  // the last commit: the documents written since are cancelled (the caller
  // hears of them), and what the database holds now is read again, so the
  // next record that needs the dictionary, dropped too if stored since,
  // stores it again.
  void after_failed_change(const std::string& reason) noexcept {
    drop_changes_since_commit();
    try {
      for (Uncommitted& change : uncommitted) {
        cancelled.push_back({std::move(change.id), std::move(change.source), change.outcome, "not written, " + reason});
      }
    } catch (...) {
      // No memory left to say which: the run's own error says enough.
    }
    uncommitted.clear();
    pending = 0;
    try {
      stored_dictionary = storage::current_dictionary(db);
    } catch (...) {
      stored_dictionary.reset();
    }
  }

  // Xapian drops in memory what a failed commit had pending, but not what a
  // write failing elsewhere left half done (pending postings are written out
  // before a scan of the terms, such as the accent table's): a later commit,
  // or the writer's destructor, would store it, and a damaged table with it.
  // Cancelling a transaction drops every change since the last commit.
  void drop_changes_since_commit() noexcept {
    try {
      db.begin_transaction(/*flushed=*/false);
      db.cancel_transaction();
    } catch (...) {
      // What the writer holds is not known now: it must write nothing more,
      // and a transaction left open makes Xapian's destructor cancel rather
      // than commit.
      unusable = true;
      try {
        db.begin_transaction(/*flushed=*/false);
      } catch (...) {
      }
    }
  }

  void check_usable() const {
    if (unusable) {
      throw Error(path.string() + ": after a failed change the writer could not drop what it cancelled; "
                                  "open the database again");
    }
  }

  // Before the first record that needs it, in the same commit.
  void store_dictionary(std::shared_ptr<const storage::RecordDictionary> dictionary) {
    db.set_metadata(storage::dictionary_key(dictionary->id()), dictionary->bytes());
    db.set_metadata(std::string(storage::current_dictionary_key), std::to_string(dictionary->id()));
    stored_dictionary = std::move(dictionary);
  }

  void count_change() {
    if (++pending >= batch_limit) commit();
  }

  // Batches commit without refreshing the accent table (a scan of every
  // exact term); a caller's commit and the end of a run refresh it once the
  // number of documents has moved by 1% since it was stored, and merge the
  // syllable pairs counted since. Entries opened from smaller batches would
  // let a few documents outvote the collection: the last batch of a run
  // (`last`), under 1%, only adds to the entries already open.
  void commit(bool refresh_accents = false, bool last = false) {
    check_usable();
    try {
      if (refresh_accents && accent_table_stale()) {
        storage::store_accent_table(db);
        storage::store_syllable_pairs(db, pairs);
      } else if (last) {
        storage::store_syllable_pairs(db, pairs, /*may_open=*/false);
      }
      db.commit();
      pending = 0;
      uncommitted.clear();
    } catch (const Xapian::Error& error) {
      after_failed_change("cancelled when a commit failed: " + error.get_msg());
      throw Error("commit failed, the changes since the last commit cancelled: " + error.get_msg());
    } catch (const std::exception& error) {  // out of memory while the accent table was made, say
      after_failed_change(std::string("cancelled when a commit failed: ") + error.what());
      throw;
    }
  }

  bool accent_table_stale() const {
    const std::string stamp = db.get_metadata(std::string(schema::accents_key));
    if (stamp.empty()) return true;
    const double stored = std::strtod(stamp.c_str(), nullptr), now = db.get_doccount();
    return std::abs(now - stored) * 100 >= std::max(stored, 1.0);
  }

  std::filesystem::path path;
  IndexerOptions options;
  MetadataExtractor extractor;
  Xapian::WritableDatabase db;
  std::shared_ptr<const storage::RecordDictionary> stored_dictionary;  // new records' dictionary, once stored
  mutable index::RecordCompressor compressor;
  std::size_t pending = 0;
  // Documents written since the last commit, and those a failed change took
  // back, for the caller (Indexer::take_cancelled).
  struct Uncommitted {
    std::string id;
    SourceLocation source;
    Outcome outcome;
  };
  std::vector<Uncommitted> uncommitted;
  std::vector<CancelledDocument> cancelled;
  // What calls before an add_files() run had cancelled, kept out of its summary.
  std::vector<CancelledDocument> earlier;
  bool unusable = false;  // see drop_changes_since_commit
  // Xapian commits by itself, inside the write, at every XAPIAN_FLUSH_THRESHOLD
  // changes (10,000 unless set), which would split a larger batch: what a
  // failure cancels would then not be the whole batch. A batch commits a
  // change before that.
  const std::size_t batch_limit =
      std::min(std::max<std::size_t>(options.batch_size, 1), std::max<std::size_t>(xapian_flush_threshold() - 1, 1));
  // Counted while documents are built (on the reading thread), merged on commit.
  mutable storage::PairCounter pairs;
};

Indexer::Indexer(const std::filesystem::path& path, IndexerOptions options)
    : impl_(std::make_unique<Impl>(path, std::move(options))) {}

Indexer::~Indexer() {
  if (!impl_) return;
  try {
    impl_->commit(true, true);
  } catch (...) {
    // A destructor cannot report; callers who care call commit() themselves.
  }
}

Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

Outcome Indexer::add(Document document) {
  impl_->check_usable();
  Impl::Prepared prepared = impl_->prepare(std::move(document), [&](const std::string& id_term) {
    return impl_->stored_hash_in_writer(id_term, id_term.substr(1));
  });
  return impl_->write(std::move(prepared));
}

bool Indexer::remove(const std::string& id) {
  impl_->check_usable();
  const std::string term = schema::id_term(id);
  const auto failure = [&](const Xapian::Error& error) {
    return "cannot delete document '" + id + "': " + error.get_msg();
  };
  try {
    // Counted from the pending changes, with nothing written out first.
    if (impl_->db.get_termfreq(term) == 0) return false;
  } catch (const Xapian::Error& error) {
    throw Error(failure(error));
  }
  try {
    impl_->db.delete_document(term);
  } catch (const Xapian::Error& error) {
    const std::string what = failure(error);
    impl_->after_failed_change("cancelled when another change failed (" + what + ")");
    throw Error(what);
  } catch (const std::exception& error) {
    impl_->after_failed_change(std::string("cancelled when another change failed (") + error.what() + ")");
    throw;
  }
  impl_->count_change();
  return true;
}

void Indexer::commit() { impl_->commit(true); }

std::vector<CancelledDocument> Indexer::take_cancelled() {
  std::vector<CancelledDocument> out = std::exchange(impl_->earlier, {});
  out.insert(out.end(), std::make_move_iterator(impl_->cancelled.begin()),
             std::make_move_iterator(impl_->cancelled.end()));
  impl_->cancelled.clear();
  return out;
}

std::size_t Indexer::document_count() const { return impl_->db.get_doccount(); }

// Reading, metadata extraction and term generation run on a second thread,
// while this one writes to Xapian (which has one writer): both cores work.
IndexSummary Indexer::add_files(const std::vector<std::filesystem::path>& paths,
                                const FileSelection& selection, const ReadOptions& given_read,
                                const Progress& progress) {
  impl_->check_usable();  // rather than every document failing the same way
  ReadOptions read = given_read;
  if (read.site_rules.empty()) read.site_rules = impl_->options.data_dir / "sites.tsv";
  struct FileDone {
    std::uintmax_t bytes;
  };
  using Item = std::variant<Impl::Prepared, Problem, FileDone>;
  // What a failure in this run cancels must be this run's to report: what an
  // earlier add() left pending is committed first, and what earlier calls
  // had cancelled is kept for take_cancelled().
  if (impl_->pending > 0) impl_->commit();
  impl_->earlier = take_cancelled();
  index::WorkQueue<Item> queue(index::waiting_documents, index::waiting_text_bytes);
  std::exception_ptr producer_error;

  std::thread producer([&] {
    try {
      // A read-only view to skip unchanged documents before extracting anything.
      Xapian::Database snapshot(impl_->path.string());
      auto on_problem = [&](Problem&& problem) { queue.push(std::move(problem)); };
      auto on_document = [&](Document&& document) {
        SourceLocation where = document.source;
        const std::size_t bytes = index::text_bytes(document);
        try {
          const auto in_snapshot = [&](const std::string& id_term) { return Impl::stored_hash(snapshot, id_term); };
          queue.push(impl_->prepare(std::move(document), in_snapshot), bytes);
        } catch (const std::exception& error) {  // one document's failure is not the run's
          queue.push(Problem{std::move(where), error.what()});
        } catch (const Xapian::Error& error) {
          queue.push(Problem{std::move(where), "cannot read the database: " + error.get_description()});
        }
      };
      for (const std::filesystem::path& file : collect_files(paths, selection, on_problem)) {
        read_file(file, read, on_document, on_problem);
        std::error_code error;
        const auto size = file == "-" ? 0 : std::filesystem::file_size(file, error);
        queue.push(FileDone{error ? 0 : size});
      }
    } catch (const Xapian::Error& error) {  // the view could not be opened: the library's errors are vankien's
      producer_error = std::make_exception_ptr(Error(impl_->path.string() + ": cannot read the database: " +
                                                     error.get_description()));
    } catch (...) {
      producer_error = std::current_exception();
    }
    queue.close();
  });

  IndexSummary summary;
  try {
    while (auto item = queue.pop()) {
      if (auto* problem = std::get_if<Problem>(&*item)) {
        if (!problem->warning) ++summary.failed;
        summary.problems.push_back(std::move(*problem));
      } else if (auto* done = std::get_if<FileDone>(&*item)) {
        ++summary.files;
        summary.bytes += done->bytes;
        if (progress) progress(summary);
      } else {
        auto& prepared = std::get<Impl::Prepared>(*item);
        SourceLocation where = prepared.source;
        try {
          switch (impl_->write(std::move(prepared))) {
            case Outcome::added: ++summary.added; break;
            case Outcome::updated: ++summary.updated; break;
            case Outcome::unchanged: ++summary.unchanged; break;
          }
        } catch (const Error& error) {
          summary.problems.push_back(Problem{std::move(where), error.what()});
          ++summary.failed;
        }
        count_cancelled(std::exchange(impl_->cancelled, {}), summary);
      }
    }
  } catch (...) {
    queue.abandon();
    producer.join();
    throw;
  }
  producer.join();
  if (producer_error) std::rethrow_exception(producer_error);
  // The run's last commit is reported as a batch's is: each document it
  // cancelled by the place it was read, and a failure that cancelled none
  // (every document was in) as a problem of the database's.
  try {
    commit();
  } catch (const Error& error) {
    std::vector<CancelledDocument> gone = std::exchange(impl_->cancelled, {});
    if (gone.empty()) {
      summary.problems.push_back(Problem{SourceLocation{impl_->path.string()}, error.what()});
      ++summary.failed;
    }
    count_cancelled(std::move(gone), summary);
  }
  return summary;
}

}  // namespace vankien
