#include "vocabulary.hpp"

#include <algorithm>
#include <optional>

#include "vankien/schema.hpp"

namespace vankien::query {

Vocabulary::Vocabulary(const std::filesystem::path& data_dir)
    : topics_(data_dir / "topics.tsv"),
      types_(data_dir / "document_types.tsv"),
      synonyms_(metadata::read_abbreviations(data_dir / "abbreviations.tsv")) {}

std::string Vocabulary::topic_key(const std::string& value) const {
  const std::string label = topics_.label_for(value);
  return schema::facet_key(label.empty() ? value : label);
}

std::string Vocabulary::type_key(const std::string& value) const {
  std::string name = types_.name_for(value);
  if (name.empty()) name = types_.name_for_code(value);
  return schema::facet_key(name.empty() ? value : name);
}

void Vocabulary::forget_accents() const {
  const std::lock_guard lock(accents_mutex_);
  accents_built_ = false;
  accents_.clear();
  looked_up_.clear();
  pairs_looked_up_.clear();
}

storage::PairReadings Vocabulary::pair_readings(const Handle& shards, const std::string& first_folded,
                                                const std::string& second_folded) const {
  const std::string key = first_folded + " " + second_folded;
  {
    const std::lock_guard lock(accents_mutex_);
    if (const auto found = pairs_looked_up_.find(key); found != pairs_looked_up_.end()) return found->second;
  }
  storage::PairReadings all;
  for (const Xapian::Database& shard : shards.shards) {
    storage::PairReadings one = storage::stored_pair_readings(shard, first_folded, second_folded);
    all.total += one.total;
    for (storage::PairReading& reading : one.readings) {
      const auto same = std::find_if(all.readings.begin(), all.readings.end(), [&](const storage::PairReading& r) {
        return r.first == reading.first && r.second == reading.second;
      });
      if (same == all.readings.end()) {
        all.readings.push_back(std::move(reading));
      } else {
        same->count += reading.count;
      }
    }
  }
  if (shards.missing.empty()) {  // as remember(): a missing shard's pairs are not known
    const std::lock_guard lock(accents_mutex_);
    if (pairs_looked_up_.size() >= max_looked_up) pairs_looked_up_.clear();
    pairs_looked_up_.emplace(key, all);
  }
  return all;
}

std::string Vocabulary::remember(const Handle& shards, const std::string& folded, std::string accented) const {
  // Round trips saved on the next query with this word. The same words come
  // back often; the bound keeps odd ones from piling up. An answer without a
  // missing shard's words is not kept.
  if (!shards.missing.empty()) return accented;
  const std::lock_guard lock(accents_mutex_);
  if (looked_up_.size() >= max_looked_up) looked_up_.clear();
  looked_up_.emplace(folded, accented);
  return accented;
}

std::string Vocabulary::commonest_of_shards(const Handle& shards, const std::string& folded) {
  std::set<std::string> forms;
  for (const Xapian::Database& shard : shards.shards) {
    if (std::optional<std::string> form = storage::stored_accent(shard, folded); form && !form->empty()) {
      forms.insert(std::move(*form));
    }
  }
  std::string best;
  Xapian::doccount best_count = 0;
  for (const std::string& form : forms) {
    const Xapian::doccount count = shards.all.get_termfreq(std::string(schema::exact) + form);
    if (count > best_count) {
      best = form;
      best_count = count;
    }
  }
  return best_count * 2 >= shards.all.get_termfreq(folded) ? best : std::string();
}

std::string Vocabulary::likely_accented(const Handle& shards, const std::string& folded) const {
  {
    const std::lock_guard lock(accents_mutex_);
    if (const auto found = looked_up_.find(folded); found != looked_up_.end()) return found->second;
  }
  if (shards.shards.size() == 1) {
    if (std::optional<std::string> stored = storage::stored_accent(shards.all, folded)) {
      return remember(shards, folded, std::move(*stored));
    }
  } else if (!shards.all_local) {
    // A remote shard would send every exact term to build the table here.
    return remember(shards, folded, commonest_of_shards(shards, folded));
  }
  // No table stored with the database (local shards searched as one, or one
  // database whose indexing run never finished): built here once, and kept.
  const std::lock_guard lock(accents_mutex_);
  if (!accents_built_) {
    accents_ = storage::compute_accent_table(shards.all);
    accents_built_ = true;
  }
  const auto found = accents_.find(folded);
  return found == accents_.end() ? std::string() : found->second;
}

}  // namespace vankien::query
