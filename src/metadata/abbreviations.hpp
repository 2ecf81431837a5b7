#pragma once
// Abbreviations and their expansions (data/abbreviations.tsv) as synonyms
// both ways, keyed by folded words: "btv" <-> "ban thuong vu". The indexer
// writes them into each database as Xapian synonyms; the query side reads
// them from here, since a remote shard gives no synonyms back.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vankien::metadata {

/// A phrase's words folded and joined by single spaces, codes left out.
std::string synonym_key(std::string_view phrase);

/// The (abbreviation, expansion) rows of an abbreviations file; throws
/// vankien::Error naming the file and line of a bad one.
std::vector<std::pair<std::string, std::string>> read_abbreviations(const std::filesystem::path& file);

class Synonyms {
 public:
  explicit Synonyms(const std::vector<std::pair<std::string, std::string>>& abbreviations);
  /// The keys `key` may be replaced by, in Xapian's order (sorted); none when unknown.
  const std::set<std::string>& of(const std::string& key) const;

 private:
  std::map<std::string, std::set<std::string>> by_key_;
};

}  // namespace vankien::metadata
