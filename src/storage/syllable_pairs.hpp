#pragma once
// How neighbouring syllables are written together: what tells "giam gia ve"
// to read "giảm giá vé" when each syllable alone is most often "giám", "giá",
// "về". The indexer counts the pairs of the documents it writes and, when a
// run ends, merges them into the database's user metadata (which a remote
// shard serves too). An entry opens for a pair seen at least twice whose
// commonest reading is not the two syllables' usual forms
// (accent_table.hpp), with its three commonest readings: the rest the accent
// table already says. Once open, an entry keeps counting, even when the
// usual reading overtakes, so that a later batch cannot outvote it.
//
// Only public documents are counted, so the table says nothing about what
// restricted ones hold. The counts are statistics: a document removed or
// re-indexed later is not subtracted.

#include <xapian.h>

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vankien::storage {

/// Whether two words ending at `first_end` and starting at `second_begin` of
/// `text` are parted by blanks only (no line break, no punctuation): the
/// neighbours the indexer counts are the neighbours a query looks up.
bool parted_by_blanks(std::string_view text, std::size_t first_end, std::size_t second_begin);

/// Counts of neighbouring syllable pairs (normalised, lower-case spellings),
/// in bounded memory: when the table is full, the rarest half of the pairs is
/// dropped. add() and add_runs() may be called from several threads.
class PairCounter {
 public:
  static constexpr std::size_t default_max_slots = std::size_t{1} << 19;  // 6 MB of keys and counts
  explicit PairCounter(std::size_t max_slots = default_max_slots) : max_slots_(max_slots) {}

  void add(std::string_view first, std::string_view second);
  /// Every neighbouring pair of `runs`: words parted by ' ', runs by '\n'.
  void add_runs(std::string_view runs);
  bool empty() const;


 private:
  friend void store_syllable_pairs(Xapian::WritableDatabase& db, PairCounter& pending, bool may_open);

  static constexpr std::uint64_t empty_key = 0;
  static constexpr std::size_t max_syllables = std::size_t{1} << 18;
  const std::size_t max_slots_;

  std::uint32_t id_of(std::string_view syllable);  // 0 when the vocabulary is full
  void insert(std::uint64_t key, std::uint32_t count);
  void make_room();
  void clear();

  mutable std::mutex mutex_;
  std::deque<std::string> syllables_{std::string()};  // id 0: none; a deque, so views of it stay valid
  std::unordered_map<std::string_view, std::uint32_t> ids_;
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
/// Without `may_open`, only entries already open take counts: a batch too
/// small to outvote the collection can still add to what it has said.
void store_syllable_pairs(Xapian::WritableDatabase& db, PairCounter& pending, bool may_open = true);

/// The stored entry of one database for "giam" "gia".
PairReadings stored_pair_readings(const Xapian::Database& db, const std::string& first_folded,
                                  const std::string& second_folded);

/// Writes into `merged` (whose own entries are replaced) the shards' entries
/// added up. A shard without an entry for a pair (its documents write it the
/// usual way, or too seldom) adds nothing to it.
void merge_syllable_pairs(Xapian::WritableDatabase& merged, const std::vector<Xapian::Database>& shards);

}  // namespace vankien::storage
