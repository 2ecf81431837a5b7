#pragma once
// The matcher's part of a search: Xapian's best matches, their totals and
// facet counts. With a free helper thread, the document ids are searched in
// two slices, one on each thread, with the whole's statistics (so the same
// weights) and merged: the same matches in the same order as one pass.

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "database_pool.hpp"
#include "facet_column.hpp"
#include "vankien/search.hpp"

namespace vankien::query {

struct MatchRequest {
  Xapian::Query query;
  Sort sort = Sort::relevance;
  std::vector<std::string> facets;
  Xapian::doccount first = 0, count = 10;  ///< the matches wanted, in order
  Xapian::doccount check_at_least = 0;     ///< as Xapian::Enquire::get_mset
  /// Facets counted from it, over one local database (find_matches reads it).
  std::shared_ptr<const FacetColumn> facet_column{};
};

struct Ranked {
  Xapian::docid docid;
  double weight;
  std::string sort_key;  ///< what ties of weight (or the date order) are broken by
};

struct Matches {
  std::vector<Ranked> ranked;  ///< best first
  Xapian::doccount estimated = 0, lower = 0, upper = 0;
  std::map<std::string, std::vector<FacetCount>> facets;
};

/// Throws QueryError for an unknown facet, Xapian::Error from the database.
Matches find_matches(const HelperClaim& helper, Handle& handle, const MatchRequest& request);

}  // namespace vankien::query
