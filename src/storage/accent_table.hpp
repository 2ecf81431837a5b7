#pragma once
// The usual accented spelling of each folded syllable, from the database's
// exact terms: what turns "lanh dao" into "lãnh đạo". Building it scans every
// exact term (100 ms and more on a large database), so the indexer stores it
// in the database's user metadata when a run ends, and a searcher looks words
// up one at a time instead.

#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_map>

namespace vankien::storage {

/// Folded syllable -> its commonest accented form, kept only where accented
/// forms are the usual way it is written ("ban" stays bare when bare "ban"
/// documents outnumber "bán" ones).
using AccentTable = std::unordered_map<std::string, std::string>;

AccentTable compute_accent_table(const Xapian::Database& db);

/// Replaces the stored table with one computed from `db` as it is now.
void store_accent_table(Xapian::WritableDatabase& db);

/// The stored table's entry for `folded` (empty when it has none); nothing
/// when `db` has no stored table to consult (several databases at once have
/// none: each shard's table counts only its own documents).
std::optional<std::string> stored_accent(const Xapian::Database& db, const std::string& folded);

}  // namespace vankien::storage
