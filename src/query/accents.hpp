#pragma once
// Restoring the diacritics of a query typed without them, from the index's own
// text: "lanh dao huyen uy" -> "lãnh đạo huyện ủy".
//
// A syllable alone is ambiguous (thuc: thức, thực, thúc), so the words are
// read in context first: documents where the folded words stand together as a
// phrase show how they are written there, and the commonest spelling wins.
// Pairs of neighbours are tried when the whole run never occurs, and the
// commonest spelling of the lone syllable is the last resort.

#include <xapian.h>

#include <string>
#include <unordered_map>

#include "query/vocabulary.hpp"

namespace vankien::query {

struct AccentedQuery {
  std::string text;  ///< the query with diacritics restored; empty when nothing changed
  std::unordered_map<std::string, std::string> forms;  ///< folded -> chosen spelling
};

/// Only documents matching `visible` (the caller's clearance) are read, and
/// only spellings found in them are suggested, so nothing leaks from the rest.
AccentedQuery restore_accents(const std::string& query, const Xapian::Database& db,
                              const Vocabulary& vocabulary, const Xapian::Query& visible);

}  // namespace vankien::query
