#pragma once
// Facet counting over the documents a search matched. Every facet value of a
// document is in one value slot (schema::facets_slot), so counting several
// facets costs one value read per matching document, not one per facet. The
// counting is Xapian's ValueCountMatchSpy, which remote shards run too.

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vankien/search.hpp"

namespace vankien::query {

/// The facet names a request may ask for, in the order of schema::facets_slot.
const std::vector<std::string>& facet_names();

/// The counts of two sets of documents, added up.
std::map<std::string, std::vector<FacetCount>> merge_facet_counts(
    const std::map<std::string, std::vector<FacetCount>>& a, const std::map<std::string, std::vector<FacetCount>>& b);

class FacetCounter {
 public:
  /// Throws QueryError for an unknown facet name.
  explicit FacetCounter(const std::vector<std::string>& names);
  ~FacetCounter();
  void attach(Xapian::Enquire& enquire);
  std::map<std::string, std::vector<FacetCount>> counts() const;

 private:
  std::vector<std::size_t> fields_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> spy_;
};

}  // namespace vankien::query
