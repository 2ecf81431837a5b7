#pragma once
// What the query side knows beyond the database: topic and type names (from
// the data files) and the database's own words, for turning filter values and
// unaccented queries into the terms that were indexed.

#include <xapian.h>

#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>

#include "database_pool.hpp"
#include "storage/accent_table.hpp"
#include "storage/syllable_pairs.hpp"
#include "metadata/abbreviations.hpp"
#include "metadata/codes.hpp"
#include "metadata/topics.hpp"

namespace vankien::query {

class Vocabulary {
 public:
  explicit Vocabulary(const std::filesystem::path& data_dir);

  /// "xay_dung_dang", "Xây dựng Đảng, tổ chức cán bộ", "xay dung dang..." -> term key.
  std::string topic_key(const std::string& value) const;
  /// "nghị_quyết", "NQ", "Nghị quyết" -> term key.
  std::string type_key(const std::string& value) const;
  /// The abbreviations' synonyms of a folded key ("btv" -> "ban thuong vu"),
  /// from the data files: the same for every shard, remote ones included.
  const std::set<std::string>& synonyms(const std::string& key) const { return synonyms_.of(key); }

  /// The most frequent accented form of a folded syllable in the shards, when
  /// the accented forms together are the usual way it is written; else empty.
  /// One database: read from the table the indexer stored
  /// (src/storage/accent_table.hpp), each word once until forget_accents().
  /// Local shards: built on first use from their exact terms, and kept.
  /// Remote shards: the forms each shard's table gives, the commonest of them
  /// over all shards, each word once.
  std::string likely_accented(const Handle& shards, const std::string& folded) const;
  void forget_accents() const;  ///< after reopening: the database's words changed

  /// How the shards write two neighbouring folded syllables together, where
  /// that is not each one's usual form (src/storage/syllable_pairs.hpp): the
  /// shards' entries added up, each pair read once until forget_accents().
  storage::PairReadings pair_readings(const Handle& shards, const std::string& first_folded,
                                      const std::string& second_folded) const;

 private:
  metadata::Topics topics_;
  metadata::DocumentTypes types_;
  metadata::Synonyms synonyms_;
  mutable std::mutex accents_mutex_;
  mutable bool accents_built_ = false;
  mutable storage::AccentTable accents_;
  // The stored table's entries read so far.
  static constexpr std::size_t max_looked_up = 100000;
  mutable std::unordered_map<std::string, std::string> looked_up_;
  mutable std::unordered_map<std::string, storage::PairReadings> pairs_looked_up_;

  std::string remember(const Handle& shards, const std::string& folded, std::string accented) const;
  static std::string commonest_of_shards(const Handle& shards, const std::string& folded);
};

}  // namespace vankien::query
