#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "accents.hpp"
#include "candidates.hpp"
#include "facets.hpp"
#include "filter_hints.hpp"
#include "database_pool.hpp"
#include "helper_thread.hpp"
#include "remote_readers.hpp"
#include "matching.hpp"
#include "query_builder.hpp"
#include "query_parser.hpp"
#include "snippet.hpp"
#include "vocabulary.hpp"
#include "storage/database.hpp"
#include "storage/document_record.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/metadata.hpp"
#include "vankien/schema.hpp"
#include "vankien/search.hpp"
#include "vankien/text.hpp"

namespace vankien {

namespace {

using query::Borrowed;
using query::DatabasePool;
using query::Handle;
using query::Candidate;
using query::HelperClaim;

// Counts a search in progress for as long as it lives.
class RunningSearch {
 public:
  explicit RunningSearch(std::atomic<int>& count) : count_(count) { ++count_; }
  ~RunningSearch() { --count_; }
  RunningSearch(const RunningSearch&) = delete;
  RunningSearch& operator=(const RunningSearch&) = delete;

 private:
  std::atomic<int>& count_;
};

// Runs `work` on `handle`; a database changed under a reader is reopened and the
// work tried again, as Xapian advises. Xapian's errors leave as vankien::Error.
// The reopening is part of the next try: a commit may land while it reads too.
template <typename Work>
auto with_retry(Handle& handle, Work work) {
  constexpr int attempts = 4;
  bool changed = false;
  for (int attempt = 1;; ++attempt) {
    try {
      if (changed) handle.reopen();
      return work();
    } catch (const Xapian::DatabaseModifiedError& error) {
      if (attempt == attempts) {
        throw Error("the database changed " + std::to_string(attempts) +
                    " times during one search: " + error.get_msg());
      }
      changed = true;
    } catch (const Xapian::NetworkError&) {
      throw;  // a remote shard: with_shards leaves it out
    } catch (const Xapian::Error& error) {
      throw Error("cannot read the database: " + error.get_description());
    }
  }
}

// Runs `work(handle)` on a borrowed handle. A remote shard that stops
// answering (or whose connection broke while the handle was idle) breaks the
// handle: it and the other idle ones are dropped, and the work runs once
// more on a new handle, which leaves out the shards that do not answer now.
template <typename Work>
auto with_shards(DatabasePool& pool, Work work) {
  for (int attempt = 1;; ++attempt) {
    Borrowed db(pool, /*fresh=*/attempt > 1);
    try {
      return with_retry(*db, [&] { return work(*db); });
    } catch (const Xapian::NetworkError& error) {
      db.discard();
      pool.drop_idle();
      if (attempt == 2) throw ShardsUnavailableError("remote shards stopped answering: " + error.get_description());
    }
  }
}

// How many of the best matches proximity may re-order, and how many matches
// past the page are counted so that small totals are exact.
constexpr std::size_t rerank_candidates = 30;
constexpr Xapian::doccount exact_total_margin = 100;
// Connections beside the search's own that a search over remote shards reads
// its hits on: one a spare core, at most three. A record is a round trip,
// and its snippet passage is found by analysing its body; on two cores with
// the shards on the same machine one more reader pays and two do not
// (benchmarks/README.md, Shards).
std::size_t extra_remote_readers() {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::min<std::size_t>(3, cores > 1 ? cores - 1 : 0);
}

// The document's id, which the matcher gives as (the end of) the sort key.
std::string id_of(query::Ranked& match, Sort sort) {
  if (sort == Sort::relevance) return std::move(match.sort_key);  // ties by id
  const std::size_t separator = match.sort_key.find(schema::facet_separator);  // the date, then the id
  return separator == std::string::npos ? std::string() : match.sort_key.substr(separator + 1);
}
// A snippet of N bytes holds at most N / 2 words (a letter and a space each):
// the number of positions its passage may span, at least one.
std::uint32_t passage_span(std::size_t snippet_bytes) {
  constexpr std::size_t min_word_bytes = 2, most_positions = std::size_t{1} << 24;
  return static_cast<std::uint32_t>(std::clamp<std::size_t>(snippet_bytes / min_word_bytes, 1, most_positions));
}

}  // namespace

struct Searcher::Impl {
  Impl(const std::vector<std::filesystem::path>& paths, SearchOptions options_in)
      : options(std::move(options_in)),
        pool(paths, {options.remote_timeout_ms, options.connect_timeout_ms}),
        vocabulary(options.data_dir.empty() ? default_data_dir() : options.data_dir) {
    // The helper's slices of document ids are a PostingSource of ours, which a
    // remote shard cannot run; remote shards search in parallel anyway.
    if (options.helper_thread && std::thread::hardware_concurrency() > 1 && pool.all_local()) {
      helper_handle = pool.open();
      helper_thread = std::make_unique<query::HelperThread>();
    }
    if (options.helper_thread && !pool.all_local()) {
      for (std::size_t r = 0; r < extra_remote_readers(); ++r) {
        remote_readers.push_back(std::make_unique<query::HelperThread>());
      }
    }
  }

  /// One search of the parsed and read query, matching words as `match`
  /// says; `looser` is set to the next way to match that may find more.
  Results run(Handle& handle, const SearchRequest& request, const query::ParsedQuery& parsed,
              const query::ClearanceLimit& clearance, query::Match match, std::optional<query::Match>& looser) const;

  SearchOptions options;
  mutable DatabasePool pool;
  query::Vocabulary vocabulary;
  // With a second core: the thread a search shares its work with, and the
  // handle that thread reads on (used by it alone).
  std::unique_ptr<query::HelperThread> helper_thread;
  std::unique_ptr<Handle> helper_handle;
  // Over remote shards: the threads a search reads its hits with, beside its own.
  std::vector<std::unique_ptr<query::HelperThread>> remote_readers;
  // Searches in progress: the helper only takes work from a search running
  // alone, as otherwise every core may be busy and sharing would only add
  // the cost of handing work over.
  mutable std::atomic<int> searches_running{0};
};

Searcher::Searcher(const std::vector<std::filesystem::path>& databases, SearchOptions options)
    : impl_(std::make_unique<Impl>(databases, std::move(options))) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

bool Searcher::reopen() {
  if (!impl_->pool.refresh()) return false;
  impl_->vocabulary.forget_accents();
  return true;
}

Results Searcher::search(const SearchRequest& request) const {
  if (request.query.size() > impl_->options.max_query_bytes) {
    throw QueryError("query of " + std::to_string(request.query.size()) +
                     " bytes is longer than the limit of " +
                     std::to_string(impl_->options.max_query_bytes));
  }
  if (const std::size_t most = impl_->options.max_results;
      request.limit > most || request.offset > most - request.limit) {
    throw QueryError("offset " + std::to_string(request.offset) + " + limit " + std::to_string(request.limit) +
                     " reaches past the first " + std::to_string(most) + " results, the most a search returns");
  }
  const RunningSearch running(impl_->searches_running);
  return with_shards(impl_->pool, [&](Handle& handle) {
    // The query is analysed and read once, whatever the tries below.
    query::ParsedQuery parsed = query::parse_query(request.query);
    const query::ClearanceLimit clearance(request.clearance, handle.access_counts(), handle.all.get_doccount());
    query::read_accents(parsed.root, request.query, handle, impl_->vocabulary, clearance);
    // Every word first; when nothing has them all, all but one, then any.
    std::optional<query::Match> match = query::Match::every_word;
    Results results;
    while (match) {
      results = impl_->run(handle, request, parsed, clearance, *match, match);
      if (results.total_lower > 0) break;
    }
    results.missing_shards = handle.missing;
    return results;
  });
}

Results Searcher::Impl::run(Handle& handle, const SearchRequest& request, const query::ParsedQuery& parsed,
                            const query::ClearanceLimit& clearance, query::Match match,
                            std::optional<query::Match>& looser) const {
  Xapian::Database& db = handle.all;
  Results results;
  results.warnings = parsed.warnings;
  query::BuildContext context{db, handle, vocabulary, clearance, options, match};
  query::BuiltQuery built = query::build_query(parsed.root, context);
  // Typed text with nothing to search for (punctuation, say) matches nothing,
  // where an empty query would match every document.
  if (built.no_words && request.query.find_first_not_of(" \t\r\n") != std::string::npos) {
    built.query = Xapian::Query::MatchNothing;
    results.warnings.push_back("no words to search for in the query: nothing matches");
  }

  // Filters of the request, then the caller's clearance.
  std::vector<Xapian::Query> filters;
  const std::pair<const char*, const std::string*> fields[] = {
      {"district", &request.district}, {"province", &request.province}, {"term", &request.term},
      {"topic", &request.topic},       {"type", &request.type},         {"issuer", &request.issuer},
      {"number", &request.number},     {"cites", &request.cites},       {"year", &request.year}};
  for (const auto& [field, value] : fields) {
    if (value->empty()) continue;
    filters.push_back(query::field_filter(field, *value, context));
    if (auto hint = query::unknown_value_hint(field, *value, filters.back(), db, clearance)) {
      results.warnings.push_back(*hint);
    }
  }
  results.warnings.insert(results.warnings.end(), built.warnings.begin(), built.warnings.end());
  if (!request.date_from.empty() || !request.date_to.empty()) {
    filters.push_back(query::field_filter("date", request.date_from + ".." + request.date_to, context));
  }
  const Xapian::Query query = clearance.apply(
      filters.empty() ? built.query
                      : Xapian::Query(Xapian::Query::OP_FILTER, built.query,
                                      Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end())));

  // Ranking by relevance re-ranks the best candidates by proximity; the page
  // is then cut from them.
  const bool rerank = request.sort == Sort::relevance && !built.proximity.empty();
  const std::size_t wanted = request.offset + request.limit;
  query::MatchRequest matching{query, request.sort, request.facets};
  matching.first = static_cast<Xapian::doccount>(rerank ? 0 : request.offset);
  matching.count = static_cast<Xapian::doccount>(rerank ? std::max(wanted, rerank_candidates) : request.limit);
  // Facet counts must see every match, not just the first page; otherwise a
  // margin past the page makes small totals exact rather than estimated.
  // A relaxed query matches widely and its total is an estimate anyway.
  matching.check_at_least =
      !request.facets.empty() ? db.get_doccount()
                              : static_cast<Xapian::doccount>(wanted + (match != query::Match::every_word ? 0 : exact_total_margin));
  // The matcher, re-ranking and snippets each share their work with a free
  // helper thread.
  const HelperClaim helper(searches_running.load() == 1 ? helper_thread.get() : nullptr, helper_handle.get(),
                           handle);
  query::Matches found = query::find_matches(helper, handle, matching);
  results.total = found.estimated;
  results.total_lower = found.lower;
  results.total_upper = found.upper;
  results.facets = std::move(found.facets);
  results.relaxed = match != query::Match::every_word && results.total_lower > 0;
  looser = built.looser;

  std::vector<Candidate> candidates;
  for (query::Ranked& m : found.ranked) candidates.push_back({m.docid, m.weight, id_of(m, request.sort), {}});
  if (rerank) {
    query::add_proximity(helper, db, !handle.all_local, built.proximity, wanted, candidates);
    const std::size_t begin = std::min(request.offset, candidates.size());
    const std::size_t end = std::min(wanted, candidates.size());
    candidates = std::vector<Candidate>(std::make_move_iterator(candidates.begin() + static_cast<std::ptrdiff_t>(begin)),
                                        std::make_move_iterator(candidates.begin() + static_cast<std::ptrdiff_t>(end)));
  }

  const bool wants_votes = !has_diacritics(request.query);
  std::vector<query::AccentVotes> votes(wants_votes ? candidates.size() : 0);
  results.hits.resize(candidates.size());
  // Over remote shards, a search running alone reads its hits over more
  // connections at once; one over local shards shares them with the helper.
  static const std::vector<std::unique_ptr<query::HelperThread>> no_readers;
  query::RemoteReaders readers(pool, handle, searches_running.load() == 1 ? remote_readers : no_readers);
  // Whether the hit was read. Another connection than the search's own may
  // see another revision of a remote shard, where the number is another
  // document's, or this one's later version: what it reads must be the
  // document the match named, and one the caller may see.
  const auto read_hit = [&](std::size_t i, Xapian::Database& reader) {
    std::string expanded;
    storage::Record record = storage::decode_record(handle.dictionaries->plain(
        reader.get_document(candidates[i].docid, Xapian::DOC_ASSUME_VALID).get_data(), expanded));
    if (readers.active() && &reader != &db &&
        (record.document.id != candidates[i].id || record.document.access > request.clearance)) {
      return false;
    }
    if (wants_votes) votes[i] = {};  // a hit read again counts once
    Hit& hit = results.hits[i];
    hit.rank = request.offset + i + 1;
    hit.score = candidates[i].weight;
    hit.document = std::move(record.document);
    // How the query's words are written together in the title votes too: a
    // title typed from memory is most often in the title alone.
    if (wants_votes) {
      query::make_snippet(hit.document.title, built.highlighting, hit.document.title.size(), built.word_sequence,
                          &votes[i]);
    }
    if (request.snippet_bytes == 0) return true;  // no snippet asked for
    // The passage is found in the position lists, and the body read from the
    // checkpoint before it to a little past it (to where an equal passage
    // with more matches may end).
    const std::uint32_t span = passage_span(request.snippet_bytes);
    // A remote shard would answer each position list in a round trip of
    // its own: the body at hand is analysed instead, as the indexer did.
    const std::uint32_t passage_end =
        handle.all_local ? query::best_passage_end(reader, candidates[i], built.highlighting.folded_terms(),
                                            record.body_index.first_position, span)
                         : query::best_passage_end(hit.document.body, record.body_index,
                                                    built.highlighting.folded_terms(), span);
    const storage::Checkpoint start =
        storage::checkpoint_before(record.body_index, passage_end > span ? passage_end - span : 0);
    hit.snippet = query::make_snippet(hit.document.body, built.highlighting, request.snippet_bytes,
                                      built.word_sequence, wants_votes ? &votes[i] : nullptr,
                                      {start.byte, start.position, passage_end + span / 4,
                                       &record.body_index.checkpoints});
    return true;
  };
  if (readers.active()) {
    readers.for_each(db, candidates.size(), read_hit);
  } else {
    helper.for_each(db, candidates.size(), read_hit);
  }
  if (wants_votes) results.suggestion = query::suggestion(request.query, parsed.root, query::merged(votes));
  return results;
}

std::optional<Document> Searcher::get(const std::string& id, Access clearance) const {
  return with_shards(impl_->pool, [&](Handle& handle) -> std::optional<Document> {
    Xapian::Database& all = handle.all;
    const std::string term = schema::id_term(id);
    for (auto it = all.postlist_begin(term); it != all.postlist_end(term); ++it) {
      std::string expanded;
      Document document =
          storage::decode_record(handle.dictionaries->plain(all.get_document(*it).get_data(), expanded)).document;
      if (document.access <= clearance) return document;
    }
    return std::nullopt;
  });
}

DatabaseStats Searcher::stats(Access clearance) const {
  SearchRequest request;
  request.clearance = clearance;
  request.limit = 0;
  request.facets = {"district", "term", "topic", "type"};
  const Results all = search(request);
  DatabaseStats stats;
  stats.documents = all.total;
  stats.counts = all.facets;
  // The dictionary's size and the files' are the whole database's: with a
  // document above the clearance in it they would tell of that document
  // (its words, its bytes), so they are left at 0 then.
  with_shards(impl_->pool, [&](Handle& handle) {
    const std::vector<Xapian::doccount>& levels = handle.access_counts();
    const bool sees_all = std::all_of(levels.begin() + static_cast<int>(clearance) + 1, levels.end(),
                                      [](Xapian::doccount count) { return count == 0; });
    if (!sees_all) return;
    stats.terms = handle.term_count().value_or(0);
    stats.bytes_on_disk = impl_->pool.local_bytes();
  });
  return stats;
}

}  // namespace vankien
