#include "vocabulary.hpp"

#include <optional>

#include "vankien/schema.hpp"

namespace vankien::query {

Vocabulary::Vocabulary(const std::filesystem::path& data_dir)
    : topics_(data_dir / "topics.tsv"), types_(data_dir / "document_types.tsv") {}

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
}

std::string Vocabulary::likely_accented(const Xapian::Database& db,
                                        const std::string& folded) const {
  {
    const std::lock_guard lock(accents_mutex_);
    if (const auto found = looked_up_.find(folded); found != looked_up_.end()) return found->second;
  }
  if (std::optional<std::string> stored = storage::stored_accent(db, folded)) {
    // Two B-tree lookups saved on the next query with this word. The same
    // words come back often; the bound keeps odd ones from piling up.
    const std::lock_guard lock(accents_mutex_);
    if (looked_up_.size() >= max_looked_up) looked_up_.clear();
    looked_up_.emplace(folded, *stored);
    return *stored;
  }
  // No table stored with the database (several databases searched as one, or
  // one whose indexing run never finished): built here once, and kept.
  const std::lock_guard lock(accents_mutex_);
  if (!accents_built_) {
    accents_ = storage::compute_accent_table(db);
    accents_built_ = true;
  }
  const auto found = accents_.find(folded);
  return found == accents_.end() ? std::string() : found->second;
}

}  // namespace vankien::query
