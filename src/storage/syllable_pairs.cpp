#include "storage/syllable_pairs.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <unordered_set>

#include "storage/accent_table.hpp"
#include "vankien/schema.hpp"
#include "vankien/text.hpp"

namespace vankien::storage {

namespace {

// A pair seen once is as likely a slip as a usage: not worth a key.
constexpr std::uint64_t min_total = 2;
constexpr std::size_t readings_kept = 3;

std::size_t slot_of(std::uint64_t key) {
  std::uint64_t mixed = key * 0x9E3779B97F4A7C15ull;
  return static_cast<std::size_t>(mixed ^ (mixed >> 29));
}

std::string entry_key(std::string_view first_folded, std::string_view second_folded) {
  std::string key(schema::pair_key_prefix);
  key.append(first_folded).append(" ").append(second_folded);
  return key;
}

// A folded pair's readings ("giảm giá" -> count) and total.
struct Tally {
  std::uint64_t total = 0;
  std::map<std::string, std::uint64_t> readings;
};

// A stored count: digits only, else 0 (a damaged value counts nothing).
std::uint64_t count_of(std::string_view digits) {
  std::uint64_t count = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9' || count > std::numeric_limits<std::uint64_t>::max() / 16) return 0;
    count = count * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return count;
}

void add_stored(Tally& tally, const std::string& value) {
  std::size_t line_end = value.find('\n');
  tally.total += count_of(std::string_view(value).substr(0, line_end));
  while (line_end != std::string::npos) {
    const std::size_t begin = line_end + 1;
    line_end = value.find('\n', begin);
    const std::string line = value.substr(begin, line_end == std::string::npos ? std::string::npos : line_end - begin);
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    if (const std::uint64_t count = count_of(std::string_view(line).substr(tab + 1)); count > 0) {
      tally.readings[line.substr(0, tab)] += count;
    }
  }
}

// The usual form of a folded syllable: the accent table's, else itself.
std::string usual_form(const Xapian::Database& db, const std::string& folded) {
  std::string form = stored_accent(db, folded).value_or(std::string());
  return form.empty() ? folded : form;
}

// Writes the pair's entry when it has one (`open`) or its commonest reading
// is not the usual forms side by side; otherwise writes nothing.
void write_entry(Xapian::WritableDatabase& db, const std::string& key, const std::string& usual_reading,
                 const Tally& tally, bool open) {
  std::vector<std::pair<std::string, std::uint64_t>> ranked(tally.readings.begin(), tally.readings.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.size() > readings_kept) ranked.resize(readings_kept);
  if (ranked.empty() || (!open && (tally.total < min_total || ranked.front().first == usual_reading))) return;
  std::string value = std::to_string(tally.total);
  for (const auto& [reading, count] : ranked) value.append("\n").append(reading).append("\t").append(std::to_string(count));
  db.set_metadata(key, value);
}

std::pair<std::string, std::string> split_pair(std::string_view pair) {
  const std::size_t space = pair.find(' ');
  if (space == std::string_view::npos) return {};
  return {std::string(pair.substr(0, space)), std::string(pair.substr(space + 1))};
}

}  // namespace

bool parted_by_blanks(std::string_view text, std::size_t first_end, std::size_t second_begin) {
  if (first_end > second_begin || second_begin > text.size()) return false;
  return text.substr(first_end, second_begin - first_end).find_first_not_of(" \t") == std::string_view::npos;
}

void PairCounter::add(std::string_view first, std::string_view second) {
  const std::lock_guard lock(mutex_);
  const std::uint32_t a = id_of(first), b = id_of(second);
  if (a != 0 && b != 0) insert((std::uint64_t{a} << 32) | b, 1);
}

void PairCounter::add_runs(std::string_view runs) {
  const std::lock_guard lock(mutex_);
  std::uint32_t previous = 0;
  std::size_t begin = 0;
  while (begin < runs.size()) {
    const std::size_t end = std::min(runs.find_first_of(" \n", begin), runs.size());
    if (runs[begin - (begin > 0)] == '\n' || begin == 0) previous = 0;  // a run starts
    const std::uint32_t id = end > begin ? id_of(runs.substr(begin, end - begin)) : 0;
    if (previous != 0 && id != 0) insert((std::uint64_t{previous} << 32) | id, 1);
    previous = id;
    begin = end + 1;
  }
}

bool PairCounter::empty() const {
  const std::lock_guard lock(mutex_);
  return used_ == 0;
}

std::uint32_t PairCounter::id_of(std::string_view syllable) {
  if (const auto found = ids_.find(syllable); found != ids_.end()) return found->second;
  if (syllables_.size() >= max_syllables) return 0;
  const auto id = static_cast<std::uint32_t>(syllables_.size());
  syllables_.emplace_back(syllable);
  ids_.emplace(syllables_.back(), id);
  return id;
}

void PairCounter::insert(std::uint64_t key, std::uint32_t count) {
  if ((used_ + 1) * 10 > keys_.size() * 7) make_room();
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = slot_of(key) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) {
      counts_[i] = std::max(counts_[i], counts_[i] + count);  // saturates rather than wraps
      return;
    }
    if (keys_[i] == empty_key) {
      keys_[i] = key;
      counts_[i] = count;
      ++used_;
      return;
    }
  }
}

void PairCounter::make_room() {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> counts;
  keys.swap(keys_);
  counts.swap(counts_);
  std::size_t size = keys.empty() ? std::size_t{1} << 12 : keys.size();
  std::uint32_t floor = 0;  // pairs seen this often or less are dropped
  if (size * 2 <= max_slots_) {
    size *= 2;
  } else {
    // Full: drop the rarest pairs, so that a quarter of the slots stay in
    // use; ties at that count stay too while they fit in half.
    std::vector<std::uint32_t> seen;
    seen.reserve(used_);
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] != empty_key) seen.push_back(counts[i]);
    }
    const std::size_t dropped = seen.size() - std::min(seen.size(), size / 4);
    if (dropped > 0) {
      std::nth_element(seen.begin(), seen.begin() + static_cast<std::ptrdiff_t>(dropped - 1), seen.end());
      floor = seen[dropped - 1];
      const auto at_least = static_cast<std::size_t>(std::count_if(
          seen.begin(), seen.end(), [&](std::uint32_t count) { return count >= floor; }));
      if (floor > 0 && at_least <= size / 2) --floor;
    }
  }
  keys_.assign(size, empty_key);
  counts_.assign(size, 0);
  used_ = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] != empty_key && counts[i] > floor) insert(keys[i], counts[i]);
  }
}

void PairCounter::clear() {
  ids_.clear();
  syllables_.assign(1, std::string());
  keys_.clear();
  counts_.clear();
  used_ = 0;
}

void store_syllable_pairs(Xapian::WritableDatabase& db, PairCounter& pending, bool may_open) {
  const std::lock_guard lock(pending.mutex_);
  if (pending.used_ == 0) return;
  const std::deque<std::string>& syllables = pending.syllables_;
  // Each syllable's folded form as a number, and whether the syllable is its
  // folded form's usual spelling (one accent-table lookup per folded form).
  std::unordered_map<std::string, std::uint32_t> folded_ids;
  std::vector<std::string> folded_names, usual_forms;
  std::vector<std::uint32_t> folded_of(syllables.size());
  std::vector<bool> is_usual(syllables.size());
  for (std::size_t id = 1; id < syllables.size(); ++id) {
    const std::string folded = fold(syllables[id]);
    const auto [found, added] = folded_ids.emplace(folded, static_cast<std::uint32_t>(folded_names.size()));
    if (added) {
      folded_names.push_back(folded);
      usual_forms.push_back(usual_form(db, folded));
    }
    folded_of[id] = found->second;
    is_usual[id] = usual_forms[found->second] == syllables[id];
  }
  const auto folded_key = [&](std::uint64_t key) {
    return (std::uint64_t{folded_of[key >> 32]} << 32) | folded_of[key & 0xffffffffu];
  };
  // Folded pairs the table already holds, among those this run counted.
  std::unordered_set<std::uint64_t> stored;
  const std::string prefix(schema::pair_key_prefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const auto [first, second] = split_pair(std::string_view(*it).substr(prefix.size()));
    const auto a = folded_ids.find(first), b = folded_ids.find(second);
    if (a != folded_ids.end() && b != folded_ids.end()) stored.insert((std::uint64_t{a->second} << 32) | b->second);
  }
  // Pairs written otherwise than their usual forms open an entry; pairs
  // written the usual way then count towards entries that are open.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < pending.keys_.size(); ++i) {
    const std::uint64_t key = pending.keys_[i];
    if (key != PairCounter::empty_key && (!is_usual[key >> 32] || !is_usual[key & 0xffffffffu]) &&
        (may_open || stored.count(folded_key(key)))) {
      groups[folded_key(key)].push_back(i);
    }
  }
  for (std::size_t i = 0; i < pending.keys_.size(); ++i) {
    const std::uint64_t key = pending.keys_[i];
    if (key == PairCounter::empty_key || !is_usual[key >> 32] || !is_usual[key & 0xffffffffu]) continue;
    if (const std::uint64_t folded = folded_key(key); groups.count(folded) || stored.count(folded)) {
      groups[folded].push_back(i);
    }
  }
  for (const auto& [folded, slots] : groups) {
    const std::uint32_t first = static_cast<std::uint32_t>(folded >> 32), second = static_cast<std::uint32_t>(folded);
    const std::string key = entry_key(folded_names[first], folded_names[second]);
    if (key.size() > schema::max_metadata_key_bytes) continue;
    Tally tally;
    if (stored.count(folded)) add_stored(tally, db.get_metadata(key));
    for (const std::size_t i : slots) {
      const std::uint64_t exact = pending.keys_[i];
      const std::string reading = syllables[exact >> 32] + " " + syllables[exact & 0xffffffffu];
      tally.readings[reading] += pending.counts_[i];
      tally.total += pending.counts_[i];
    }
    write_entry(db, key, usual_forms[first] + " " + usual_forms[second], tally, stored.count(folded) > 0);
  }
  pending.clear();
}

PairReadings stored_pair_readings(const Xapian::Database& db, const std::string& first_folded,
                                  const std::string& second_folded) {
  PairReadings out;
  const std::string key = entry_key(first_folded, second_folded);
  if (key.size() > schema::max_metadata_key_bytes) return out;
  const std::string value = db.get_metadata(key);
  if (value.empty()) return out;
  Tally tally;
  add_stored(tally, value);
  std::uint64_t listed = 0;
  for (auto& [reading, count] : tally.readings) {
    auto [first, second] = split_pair(reading);
    if (first.empty()) continue;
    out.readings.push_back({std::move(first), std::move(second), count});
    listed += count;
  }
  out.total = std::max(tally.total, listed);  // a share is never above 1
  std::stable_sort(out.readings.begin(), out.readings.end(),
                   [](const PairReading& a, const PairReading& b) { return a.count > b.count; });
  return out;
}

void merge_syllable_pairs(Xapian::WritableDatabase& merged, const std::vector<Xapian::Database>& shards) {
  std::map<std::string, Tally> tallies;
  const std::string prefix(schema::pair_key_prefix);
  for (const Xapian::Database& shard : shards) {
    for (auto it = shard.metadata_keys_begin(prefix); it != shard.metadata_keys_end(prefix); ++it) {
      add_stored(tallies[*it], shard.get_metadata(*it));
    }
  }
  std::vector<std::string> copied;  // the entries compaction copied from one shard
  for (auto it = merged.metadata_keys_begin(prefix); it != merged.metadata_keys_end(prefix); ++it) {
    copied.push_back(*it);
  }
  for (const std::string& key : copied) merged.set_metadata(key, {});
  for (const auto& [key, tally] : tallies) {
    const auto [first, second] = split_pair(std::string_view(key).substr(prefix.size()));
    write_entry(merged, key, usual_form(merged, first) + " " + usual_form(merged, second), tally, true);
  }
}

}  // namespace vankien::storage
