#include "vankien/indexer.hpp"

#include <xapian.h>

#include "index/database.hpp"
#include "index/document_builder.hpp"
#include "index/document_json.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/schema.hpp"

namespace vankien {

namespace {

constexpr std::string_view synonyms_key = "vankien.synonyms";

// Folded words of a phrase joined by spaces: the key synonyms are stored under,
// and what the query side looks up.
std::string synonym_key(const std::string& phrase) {
  std::string key;
  Analyzer().analyze(phrase, [&](const Token& token) {
    if (token.kind == TokenKind::code) return;
    key += (key.empty() ? "" : " ") + token.folded;
  });
  return key;
}

}  // namespace

struct Indexer::Impl {
  Impl(const std::filesystem::path& path, IndexerOptions options_in)
      : options(std::move(options_in)),
        extractor(options.data_dir),
        db(index::open_writable(path)) {
    register_synonyms();
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
      const std::string short_key = synonym_key(abbreviation), long_key = synonym_key(expansion);
      if (short_key.empty() || long_key.empty()) continue;
      db.add_synonym(short_key, long_key);
      db.add_synonym(long_key, short_key);
    }
    db.set_metadata(std::string(synonyms_key), fingerprint);
    db.commit();
  }

  void count_change() {
    if (++pending >= options.batch_size) commit();
  }

  void commit() {
    try {
      db.commit();
      pending = 0;
    } catch (const Xapian::Error& error) {
      throw Error("commit failed: " + error.get_msg());
    }
  }

  IndexerOptions options;
  MetadataExtractor extractor;
  Xapian::WritableDatabase db;
  std::size_t pending = 0;
};

Indexer::Indexer(const std::filesystem::path& path, IndexerOptions options)
    : impl_(std::make_unique<Impl>(path, std::move(options))) {}

Indexer::~Indexer() {
  if (!impl_) return;
  try {
    impl_->commit();
  } catch (...) {
    // A destructor cannot report; callers who care call commit() themselves.
  }
}

Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

Outcome Indexer::add(Document document) {
  // The hash covers the document as given, so an unchanged input is skipped
  // before any extraction work.
  const std::string hash = index::content_hash(index::to_json(document));
  if (document.id.empty()) document.id = "h" + hash;
  if (document.id.size() > 200) throw Error("document id longer than 200 bytes");

  const std::string id_term = index::id_term(document.id);
  Xapian::WritableDatabase& db = impl_->db;
  try {
    const Xapian::PostingIterator existing = db.postlist_begin(id_term);
    const bool exists = existing != db.postlist_end(id_term);
    if (exists && db.get_document(*existing).get_value(schema::hash_slot) == hash) {
      return Outcome::unchanged;
    }
    impl_->extractor.complete(document);
    db.replace_document(id_term, index::build_document(document, hash));
    impl_->count_change();
    return exists ? Outcome::updated : Outcome::added;
  } catch (const Xapian::Error& error) {
    throw Error("cannot index document '" + document.id + "': " + error.get_msg());
  }
}

bool Indexer::remove(const std::string& id) {
  const std::string term = index::id_term(id);
  try {
    if (impl_->db.get_termfreq(term) == 0) return false;
    impl_->db.delete_document(term);
    impl_->count_change();
    return true;
  } catch (const Xapian::Error& error) {
    throw Error("cannot delete document '" + id + "': " + error.get_msg());
  }
}

void Indexer::commit() { impl_->commit(); }

std::size_t Indexer::document_count() const { return impl_->db.get_doccount(); }

IndexSummary Indexer::add_files(const std::vector<std::filesystem::path>& paths,
                                const FileSelection& selection, const ReadOptions& read,
                                const Progress& progress) {
  IndexSummary summary;
  auto on_problem = [&](Problem&& problem) {
    if (!problem.warning) ++summary.failed;
    summary.problems.push_back(std::move(problem));
  };
  auto on_document = [&](Document&& document) {
    SourceLocation where = document.source;
    try {
      switch (add(std::move(document))) {
        case Outcome::added: ++summary.added; break;
        case Outcome::updated: ++summary.updated; break;
        case Outcome::unchanged: ++summary.unchanged; break;
      }
    } catch (const std::exception& error) {  // one document's failure is not the run's
      on_problem(Problem{std::move(where), error.what()});
    }
  };
  for (const std::filesystem::path& file : collect_files(paths, selection, on_problem)) {
    read_file(file, read, on_document, on_problem);
    ++summary.files;
    std::error_code error;
    const auto size = file == "-" ? 0 : std::filesystem::file_size(file, error);
    if (!error) summary.bytes += size;
    if (progress) progress(summary);
  }
  commit();
  return summary;
}

}  // namespace vankien
