#pragma once
// The parsed query -> a Xapian query over the schema (schema.hpp).

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "query_parser.hpp"
#include "snippet.hpp"
#include "vocabulary.hpp"
#include "vankien/search.hpp"

namespace vankien::query {

/// How many words of a run a document must have. When no document has every
/// word, a search is tried again with all but one (any one), then with any.
enum class Match { every_word, all_but_one_word, any_word };

struct BuiltQuery {
  Xapian::Query query;  ///< matches and weights; MatchAll when the query has no words
  bool no_words = false;  ///< no word, phrase or field to search for (MatchAll)
  /// Runs of neighbouring query words (folded). Checking positions is costly
  /// on common words, so they only re-rank the best candidates (searcher.cpp).
  std::vector<std::vector<std::string>> proximity;
  std::optional<Match> looser;  ///< the next way to match that may find more, if any
  Highlighting highlighting;  ///< what snippets mark
  std::vector<std::string> warnings;  ///< fields naming values no document has
  std::vector<std::string> word_sequence;  ///< folded words of the query, in order
};

class ClearanceLimit;

struct BuildContext {
  const Xapian::Database& db;  ///< every shard, as one
  const Handle& shards;
  const Vocabulary& vocabulary;
  const ClearanceLimit& clearance;  ///< what hints may name
  const SearchOptions& options;
  Match match = Match::every_word;
};

BuiltQuery build_query(const Node& root, const BuildContext& context);

/// A field's value as a boolean filter (district, province, term, topic, type,
/// number, year, date, issuer, author). Throws QueryError for a bad value.
Xapian::Query field_filter(const std::string& field, const std::string& value,
                           const BuildContext& context);

/// What a caller's clearance leaves of a search over `db`. Documents above a
/// clearance are few, so they are excluded (a skip through a short list)
/// rather than the allowed ones kept (a skip through nearly every document);
/// when every document is allowed, nothing is added.
class ClearanceLimit {
 public:
  /// `level_counts`: documents at each access level (Handle::access_counts),
  /// `documents`: all of them.
  ClearanceLimit(Access clearance, const std::vector<Xapian::doccount>& level_counts, Xapian::doccount documents);
  bool limits() const { return excluded_ || kept_; }
  /// Whether some document the clearance allows has `term`.
  bool shows(const Xapian::Database& db, const std::string& term) const;
  /// The first such document, if any.
  std::optional<Xapian::Document> first_with(const Xapian::Database& db, const std::string& term) const;
  /// `query` without the documents the clearance does not allow.
  Xapian::Query apply(const Xapian::Query& query) const;

 private:
  std::optional<Xapian::Query> excluded_;  // documents above the clearance
  std::optional<Xapian::Query> kept_;      // or, failing that, those at or below it
};

}  // namespace vankien::query
