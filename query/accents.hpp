#pragma once
// Restoring the diacritics of a query typed without them, from the index's own
// text: "lanh dao huyen uy" -> "lãnh đạo huyện ủy".
//
// A syllable alone is ambiguous (thuc: thức, thực, thúc). The query is read
// as a whole: each word's commonest spelling in the index, unless how the
// index writes neighbouring words together says otherwise (the syllable pairs
// the indexer stores). That reading ranks, with the other forms likely where
// a word stands; the suggestion shown is then
// corrected from the best hits: where neighbouring query words stand together
// there, how they are written wins (the votes are collected while snippets
// are cut, so they cost nothing more).

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "query_parser.hpp"
#include "vocabulary.hpp"

namespace vankien::query {

class ClearanceLimit;  // query_builder.hpp

/// Spellings written in pairs of neighbouring query words: folded -> spelling -> count.
using AccentVotes = std::unordered_map<std::string, std::unordered_map<std::string, int>>;

/// The votes of several hits, added up.
AccentVotes merged(const std::vector<AccentVotes>& votes);

/// Reads a query typed without marks as a whole and sets each word's
/// `reading` and `plausible` forms (query_parser.hpp). The reading only
/// takes spellings found in documents the caller's clearance allows, so the
/// suggestion tells nothing of the others. A query with a mark anywhere is
/// left as typed.
void read_accents(Node& root, const std::string& query, const Handle& shards, const Vocabulary& vocabulary,
                  const ClearanceLimit& clearance);

/// The query with its words' readings, corrected by the votes from the best
/// hits; empty when nothing changed.
std::string suggestion(const std::string& query, const Node& root, const AccentVotes& votes);

}  // namespace vankien::query
