#include "query/vocabulary.hpp"

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
}

std::string Vocabulary::likely_accented(const Xapian::Database& db,
                                        const std::string& folded) const {
  if (std::optional<std::string> stored = index::stored_accent(db, folded)) return *stored;
  // No table stored with the database (several databases searched as one, or
  // one whose indexing run never finished): built here once, and kept.
  const std::lock_guard lock(accents_mutex_);
  if (!accents_built_) {
    accents_ = index::compute_accent_table(db);
    accents_built_ = true;
  }
  const auto found = accents_.find(folded);
  return found == accents_.end() ? std::string() : found->second;
}

}  // namespace vankien::query
