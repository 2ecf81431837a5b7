#pragma once
// Facet counting over the documents a search matched. Every facet value of a
// document is in one value slot (schema::facets_slot), so counting several
// facets counts one value per matching document, not one per facet. Over
// one local database the value is looked up in memory (facet_column.hpp);
// over shards Xapian's ValueCountMatchSpy, which a remote shard runs too,
// reads it.

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "facet_column.hpp"
#include "vankien/search.hpp"

namespace vankien::query {

/// The facet names a request may ask for, in the order of schema::facets_slot.
const std::vector<std::string>& facet_names();

/// The counts of two sets of documents, added up.
std::map<std::string, std::vector<FacetCount>> merge_facet_counts(
    const std::map<std::string, std::vector<FacetCount>>& a, const std::map<std::string, std::vector<FacetCount>>& b);

class FacetCounter {
 public:
  /// Throws QueryError for an unknown facet name. With `column` (of the one
  /// database searched), counts from it.
  explicit FacetCounter(const std::vector<std::string>& names, std::shared_ptr<const FacetColumn> column = nullptr);
  ~FacetCounter();
  void attach(Xapian::Enquire& enquire);
  std::map<std::string, std::vector<FacetCount>> counts() const;

 private:
  std::vector<std::size_t> fields_;
  class ColumnSpy;
  std::unique_ptr<Xapian::ValueCountMatchSpy> value_spy_;
  std::unique_ptr<ColumnSpy> column_spy_;
};

}  // namespace vankien::query
