#pragma once
// The parsed query -> a Xapian query over the schema (schema.hpp).

#include <xapian.h>

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "query/query_parser.hpp"
#include "query/vocabulary.hpp"
#include "vankien/search.hpp"

namespace vankien::query {

struct BuiltQuery {
  Xapian::Query query;  ///< matches and weights; MatchAll when the query has no words
  /// Runs of neighbouring query words (folded). Checking positions is costly
  /// on common words, so they only re-rank the best candidates (searcher.cpp).
  std::vector<std::vector<std::string>> proximity;
  bool can_relax = false;  ///< a run of two or more words that OR could match more of
  std::set<std::string> highlight_terms;  ///< folded words to mark in snippets
  std::vector<std::string> word_sequence;  ///< folded words of the query, in order
};

struct BuildContext {
  const Xapian::Database& db;
  const Vocabulary& vocabulary;
  const SearchOptions& options;
  /// folded -> accented spelling, used to rank an unaccented query like its
  /// accented form (empty when the query has diacritics).
  std::unordered_map<std::string, std::string> accent_hints;
  bool relaxed = false;  ///< words of a run are ORed, not ANDed
};

BuiltQuery build_query(const Node& root, const BuildContext& context);

/// A field's value as a boolean filter (district, province, term, topic, type,
/// number, year, date, issuer, author). Throws QueryError for a bad value.
Xapian::Query field_filter(const std::string& field, const std::string& value,
                           const BuildContext& context);

/// Documents a caller with `clearance` may see, as a filter; nothing when that
/// is every document of `db`, the common case, which then costs no filtering.
std::optional<Xapian::Query> clearance_filter(Access clearance, const Xapian::Database& db);

}  // namespace vankien::query
