#include "query/vocabulary.hpp"

#include "vankien/schema.hpp"
#include "vankien/text.hpp"

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
  const std::lock_guard lock(accents_mutex_);
  if (!accents_built_) {
    // One pass over the exact terms: per folded form, the commonest spelling.
    std::unordered_map<std::string, Xapian::doccount> best_count;
    const std::string prefix(schema::exact);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      const std::string exact = (*it).substr(prefix.size());
      const std::string key = fold(exact);
      const Xapian::doccount count = it.get_termfreq();
      if (count > best_count[key]) {
        best_count[key] = count;
        accents_[key] = exact;
      }
    }
    // Keep a spelling only where it is how the syllable is usually written:
    // "ban" stays "ban" when bare "ban" documents outnumber "bán" ones.
    for (auto it = accents_.begin(); it != accents_.end();) {
      if (best_count[it->first] * 2 < db.get_termfreq(it->first)) {
        it = accents_.erase(it);
      } else {
        ++it;
      }
    }
    accents_built_ = true;
  }
  const auto found = accents_.find(folded);
  return found == accents_.end() ? std::string() : found->second;
}

}  // namespace vankien::query
