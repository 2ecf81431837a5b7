#include "storage/accent_table.hpp"

#include <string_view>
#include <vector>

#include "vankien/schema.hpp"
#include "vankien/text.hpp"

namespace vankien::storage {

namespace {

std::string entry_key(const std::string& folded) { return std::string(schema::accent_key_prefix) + folded; }

}  // namespace

AccentTable compute_accent_table(const Xapian::Database& db) {
  AccentTable table;
  // One pass over the exact terms: per folded form, the commonest spelling.
  std::unordered_map<std::string, Xapian::doccount> best_count;
  const std::string prefix(schema::exact);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string exact = (*it).substr(prefix.size());
    const std::string key = fold(exact);
    const Xapian::doccount count = it.get_termfreq();
    if (count > best_count[key]) {
      best_count[key] = count;
      table[key] = exact;
    }
  }
  for (auto it = table.begin(); it != table.end();) {
    if (best_count[it->first] * 2 < db.get_termfreq(it->first)) {
      it = table.erase(it);
    } else {
      ++it;
    }
  }
  return table;
}

void store_accent_table(Xapian::WritableDatabase& db) {
  const AccentTable table = compute_accent_table(db);
  // Entries the new table no longer has are removed (an empty value deletes).
  std::vector<std::string> stale;
  const std::string prefix(schema::accent_key_prefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    if (!table.count((*it).substr(prefix.size()))) stale.push_back(*it);
  }
  for (const std::string& key : stale) db.set_metadata(key, {});
  for (const auto& [folded, exact] : table) {
    if (entry_key(folded).size() <= schema::max_metadata_key_bytes) db.set_metadata(entry_key(folded), exact);
  }
  db.set_metadata(std::string(schema::accents_key), std::to_string(db.get_doccount()));
}

std::optional<std::string> stored_accent(const Xapian::Database& db, const std::string& folded) {
  if (db.size() != 1 || db.get_metadata(std::string(schema::accents_key)).empty()) return std::nullopt;
  if (entry_key(folded).size() > schema::max_metadata_key_bytes) return std::string();
  return db.get_metadata(entry_key(folded));
}

}  // namespace vankien::storage
