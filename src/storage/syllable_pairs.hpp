#pragma once
// How neighbouring syllables are written together: what tells "giam gia ve"
// to read "giảm giá vé" when each syllable alone is most often "giám", "giá",
// "về". The indexer counts the pairs of the documents it writes and, when a
// run ends, merges them into the database's user metadata (which a remote
// shard serves too). Only pairs whose commonest reading is not the two
// syllables' usual forms (accent_table.hpp) are kept, with their three
// commonest readings: the rest the accent table already says.
//
// Only public documents are counted, so the table says nothing about what
// restricted ones hold. The counts are statistics: a document removed or
// re-indexed later is not subtracted.

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vankien::storage {

/// Counts of neighbouring syllable pairs (normalised, lower-case spellings),
/// in bounded memory: when the table is full, the rarest pairs are dropped.
/// add() may be called from several threads.
class PairCounter {
 public:
  void add(std::string_view first, std::string_view second);
  /// Every neighbouring pair of `runs`: words parted by ' ', runs by '\n'.
  void add_runs(std::string_view runs);
  bool empty() const;


 private:
  friend void store_syllable_pairs(Xapian::WritableDatabase& db, PairCounter& pending);

  static constexpr std::uint64_t empty_key = 0;
  static constexpr std::size_t max_slots = std::size_t{1} << 20;  // 12 MB of keys and counts
  static constexpr std::size_t max_syllables = std::size_t{1} << 18;

  std::uint32_t id_of(std::string_view syllable);  // 0 when the vocabulary is full
  void insert(std::uint64_t key, std::uint32_t count);
  void make_room();
  void clear();

  mutable std::mutex mutex_;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> syllables_{std::string()};  // id 0: none
  std::vector<std::uint64_t> keys_;   // (first id << 32) | second id; 0: a free slot
  std::vector<std::uint32_t> counts_;
  std::size_t used_ = 0;
};

struct PairReading {
  std::string first, second;  ///< as written, lower case
  std::uint64_t count = 0;
};

/// A folded pair's stored readings, commonest first, and how often the pair
/// occurs however it is written. Empty when the table has no entry: the
/// syllables' usual forms are then the usual reading.
struct PairReadings {
  std::uint64_t total = 0;
  std::vector<PairReading> readings;
};

/// Merges `pending` into the stored table (emptying it). The syllables'
/// usual forms are read from the stored accent table, so store that first.
void store_syllable_pairs(Xapian::WritableDatabase& db, PairCounter& pending);

/// The stored entry of one database for "giam" "gia".
PairReadings stored_pair_readings(const Xapian::Database& db, const std::string& first_folded,
                                  const std::string& second_folded);

/// Writes into `merged` (whose own entries are replaced) the sum of the
/// shards' tables, as one database of all their documents would hold.
void merge_syllable_pairs(Xapian::WritableDatabase& merged, const std::vector<Xapian::Database>& shards);

}  // namespace vankien::storage
