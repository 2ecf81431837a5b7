#pragma once
// The best matches of a search on their way to hits: re-ranked by how many
// neighbouring query words stand side by side in them, and the passage each
// snippet is cut from. Both read where the query's words are in a match:
// from the index's position lists on local databases; over remote shards,
// where each position list is a network round trip of its own, from one
// query per word pair to the shards and from the stored body.

#include <xapian.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "database_pool.hpp"
#include "storage/document_record.hpp"

namespace vankien::query {

// A match, with the positions of query words in it read once from the index
// and shared by proximity re-ranking and snippets. Positions are read on the
// handle of the thread working on the match.
struct Candidate {
  Xapian::docid docid;
  double weight;
  std::string id;  ///< the document's id, when the matcher gave it (as the sort key)
  std::unordered_map<std::string, std::vector<Xapian::termpos>> positions;

  const std::vector<Xapian::termpos>& positions_of(Xapian::Database& db, const std::string& term);
};

/// Re-ranks `candidates` (best first) by the share of neighbouring query-word
/// pairs (`runs`) that stand side by side in them; only those that could
/// reach the first `wanted` are looked at. `remote`: some shard is remote.
void add_proximity(const HelperClaim& helper, Xapian::Database& db, bool remote,
                   const std::vector<std::vector<std::string>>& runs, std::size_t wanted,
                   std::vector<Candidate>& candidates);

/// The body position (from 0) after which a snippet need not look for
/// matches: the end of the stretch of `span` positions holding the most
/// distinct `terms`; 0 with none in the body. From the index's position
/// lists (body positions start at `body_first`).
std::uint32_t best_passage_end(Xapian::Database& db, Candidate& candidate, const std::set<std::string>& terms,
                               Xapian::termpos body_first, std::uint32_t span);
/// The same from the body's text, analysed as the indexer did: no round
/// trip. Analysed from checkpoint to checkpoint, and no further than the
/// first stretch that holds every term.
std::uint32_t best_passage_end(std::string_view body, const storage::BodyIndex& body_index,
                               const std::set<std::string>& terms, std::uint32_t span);

}  // namespace vankien::query
