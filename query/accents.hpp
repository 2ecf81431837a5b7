#pragma once
// Restoring the diacritics of a query typed without them, from the index's own
// text: "lanh dao huyen uy" -> "lãnh đạo huyện ủy".
//
// A syllable alone is ambiguous (thuc: thức, thực, thúc). The commonest
// spelling of each syllable in the index is the first guess, used to rank;
// the suggestion shown is then corrected from context: in the best hits, where
// neighbouring query words stand together, how they are written there wins
// (the votes are collected while snippets are cut, so they cost nothing more).

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "vocabulary.hpp"

namespace vankien::query {

class ClearanceLimit;  // query_builder.hpp

struct AccentedQuery {
  std::string text;  ///< the query with diacritics restored; empty when nothing changed
  std::unordered_map<std::string, std::string> forms;  ///< folded -> chosen spelling
};

/// Spellings written in pairs of neighbouring query words: folded -> spelling -> count.
using AccentVotes = std::unordered_map<std::string, std::unordered_map<std::string, int>>;

/// The votes of several hits, added up.
AccentVotes merged(const std::vector<AccentVotes>& votes);

/// The first guess. Only spellings found in documents the caller's clearance
/// allows are used, so nothing leaks from the others.
AccentedQuery restore_accents(const std::string& query, const Handle& shards,
                              const Vocabulary& vocabulary, const ClearanceLimit& clearance);

/// The suggestion, corrected by the votes from the best hits.
std::string suggestion(const std::string& query, const AccentedQuery& guess, const AccentVotes& votes);

}  // namespace vankien::query
