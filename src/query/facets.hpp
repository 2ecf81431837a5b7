#pragma once
// Facet counting over the documents a search matched: one Xapian match spy
// per requested facet, reading the value slots of schema.hpp.

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vankien/search.hpp"

namespace vankien::query {

/// The facet names a request may ask for.
const std::vector<std::string>& facet_names();

class FacetCounter {
 public:
  /// Throws QueryError for an unknown facet name.
  explicit FacetCounter(const std::vector<std::string>& names);
  void attach(Xapian::Enquire& enquire);
  std::map<std::string, std::vector<FacetCount>> counts() const;

 private:
  class MultiValueSpy;
  std::vector<std::pair<std::string, Xapian::MatchSpy*>> spies_;
  std::vector<std::unique_ptr<Xapian::MatchSpy>> owned_;
};

}  // namespace vankien::query
