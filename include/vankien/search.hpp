#pragma once
// Searching one or several vankien databases.
//
//   vankien::Searcher searcher({"archive.db"});
//   vankien::SearchRequest request;
//   request.query = "phuong thuc lanh dao";
//   request.district = "Bạch Thông";
//   request.facets = {"term", "topic"};
//   vankien::Results results = searcher.search(request);
//
// The query language (docs/QUERY.md): words, "phrases", AND OR NOT, -word,
// (parentheses), fields in Vietnamese or English with or without diacritics
// (huyện: district: tỉnh: province: nhiệm_kỳ: term: chủ_đề: topic: loại: type:
// số: number: trích_dẫn: cites: năm: year: ngày: date: cơ_quan: issuer:), date ranges
// 2019-01-01..2019-06-30, and document codes typed bare (60-NQ/TW, so 60 nq tw).
//
// Ranking is BM25 (k1 = 1, b = 0.5; its length normalisation is applied at
// index time, schema.hpp) over folded syllables plus boosts, each documented
// where it is built (query/query_builder.cpp): syllables typed with diacritics rank
// exact matches first; adjacent syllables rank above scattered ones; title and
// lead words weigh more than body words; a document's own number ranks it first.

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vankien/document.hpp"
#include "vankien/error.hpp"

namespace vankien {

/// A query that cannot be run: an invalid date or range, too long, a phrase of too many words.
class QueryError : public Error {
 public:
  using Error::Error;
};

enum class Sort { relevance, date_ascending, date_descending };

struct SearchRequest {
  std::string query;  ///< empty: every document the filters allow
  // Structured filters; empty means no filter. Values are matched the way the
  // query language's fields are ("Bạch Thông", "bach thong", "bach_thong").
  std::string district, province, term, topic, type, issuer, number, year;
  std::string cites;  ///< documents whose text cites this number ("35-NQ/TW")
  std::string date_from, date_to;  ///< inclusive; ISO or Vietnamese forms
  Access clearance = Access::public_;
  Sort sort = Sort::relevance;
  std::size_t offset = 0;
  std::size_t limit = 10;
  /// Facets to count: any of "district", "province", "term", "topic", "type", "year".
  /// Counting sees every match. Over one local database the searcher keeps
  /// every document's facet values in memory (4 bytes a document number),
  /// read again by the first faceted search once it sees a new commit.
  std::vector<std::string> facets;
  std::size_t snippet_bytes = 240;  ///< 0: no snippet
};

/// A byte range [begin, end) of a document's body.
struct Highlight {
  std::size_t begin = 0, end = 0;
};

struct Snippet {
  std::size_t begin = 0, end = 0;     ///< the excerpt's byte range in the body
  std::vector<Highlight> highlights;  ///< matches, in the body's bytes
  std::string text;                   ///< the excerpt as plain text
  std::string html;                   ///< HTML-escaped, matches in <mark>...</mark>
};

struct Hit {
  std::size_t rank = 0;  ///< 1-based, across pages
  double score = 0;
  Document document;     ///< every stored field
  Snippet snippet;
};

struct FacetCount {
  std::string value;
  std::size_t count = 0;
};

struct Results {
  std::size_t total = 0;        ///< estimate of all matches
  std::size_t total_lower = 0;  ///< bounds of that estimate
  std::size_t total_upper = 0;
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetCount>> facets;  ///< by facet name, largest first
  std::string suggestion;  ///< the query with its diacritics restored, when it had none
  bool relaxed = false;    ///< no document had every word; these have most of them
  std::vector<std::string> warnings;  ///< parts of the query read differently than typed
  /// Remote shards that did not answer in time, by name ("tcp://host:port"):
  /// hits, totals and facets are then those of the other shards only.
  std::vector<std::string> missing_shards;
  bool partial() const { return !missing_shards.empty(); }
};

struct SearchOptions {
  std::filesystem::path data_dir;        ///< empty: default_data_dir()
  std::size_t max_query_bytes = 4096;    ///< longer queries are a QueryError
  /// Words a search weighs, at most. Past it, words typed one after another
  /// (a long question pasted whole) are searched by the least common of them
  /// and Results::warnings names those left out; a phrase is a QueryError.
  std::size_t max_query_terms = 64;
  std::size_t max_expansions = 16;       ///< synonyms and codes tried per word
  std::size_t max_results = 10000;       ///< offset + limit past this is a QueryError
  /// With two cores or more, the Searcher starts a helper thread, and a search
  /// running while no other of this Searcher's is shares its work with it:
  /// the matcher searches half of the documents on each thread, then both
  /// re-rank, read stored fields and cut snippets. Other searches work alone,
  /// as every search does when this is false. The hits are the same either
  /// way; an estimated total may differ within its bounds. Over remote
  /// shards it starts instead one reader thread a spare core (at most three),
  /// with which a search running alone reads its hits over more connections.
  bool helper_thread = true;
  /// A remote shard that takes longer than this to answer one request, or to
  /// connect, is left out of the search and named in Results::missing_shards.
  unsigned remote_timeout_ms = 10000;
  unsigned connect_timeout_ms = 5000;
};

struct DatabaseStats {
  std::size_t documents = 0;
  // Of the whole database, so 0 when it holds documents above the clearance:
  std::size_t terms = 0;             ///< distinct terms (0 when a shard is remote)
  std::uintmax_t bytes_on_disk = 0;  ///< local shards' files (remote ones count 0)
  std::map<std::string, std::vector<FacetCount>> counts;  ///< district, term, topic, type
};

class Searcher {
 public:
  /// Opens the databases read-only, searched as one. Each location is a
  /// database's path, "tcp://HOST:PORT" (a database served by xapian-tcpsrv)
  /// or a Xapian stub file naming shards ("auto PATH", "remote HOST:PORT");
  /// docs/SCALING.md. Throws DatabaseNotFoundError, or ShardsUnavailableError
  /// when no shard answers.
  explicit Searcher(const std::vector<std::filesystem::path>& databases,
                    SearchOptions options = {});
  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /// Runs a search. A database a writer commits to meanwhile is reopened and
  /// the search run again. Throws QueryError for a query that cannot be run,
  /// Error when the database cannot be read. Safe to call from many threads.
  Results search(const SearchRequest& request) const;

  /// The document with this id, if it exists and `clearance` allows it.
  std::optional<Document> get(const std::string& id, Access clearance = Access::public_) const;

  /// Counts over the whole database (documents above `clearance` not counted).
  DatabaseStats stats(Access clearance = Access::public_) const;

  /// Sees changes committed since opening (or the last reopen): every
  /// search that starts after this returns reads them. Cheap when nothing
  /// changed, so a server may call it every second; returns whether
  /// anything did. Safe to call while other threads search.
  bool reopen();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankien
