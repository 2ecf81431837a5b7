#pragma once
// Stored records compressed with zstd and a dictionary (format 7). Glass
// deflates each record on its own, so the words every news article repeats
// are paid for in every record; a dictionary trained on the database's first
// records holds them once. A compressed record is one 0 byte (no plain record
// starts with it: that would be an empty id) then a zstd frame, which names
// its dictionary. Each dictionary is user metadata of the database,
// "vankien.dictionary.ID", so every shard holds those of its own records and
// a merge keeps them all.

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vankien::storage {

inline constexpr char compressed_record_marker = '\0';

/// Whether stored data is a compressed record (else a plain one).
inline bool is_compressed(std::string_view data) {
  return !data.empty() && data.front() == compressed_record_marker;
}
inline constexpr std::string_view dictionary_key_prefix = "vankien.dictionary.";
/// The dictionary new records of this database are compressed with: its id.
inline constexpr std::string_view current_dictionary_key = "vankien.dictionary";

std::string dictionary_key(std::uint32_t id);

/// A trained dictionary, ready to compress and expand with. Immutable.
class RecordDictionary {
 public:
  /// Throws vankien::Error when `bytes` is not an intact zstd dictionary.
  explicit RecordDictionary(std::string bytes);
  ~RecordDictionary();
  RecordDictionary(const RecordDictionary&) = delete;
  RecordDictionary& operator=(const RecordDictionary&) = delete;

  std::uint32_t id() const { return id_; }
  const std::string& bytes() const { return bytes_; }

  /// The record compressed, or the record itself when that is no smaller.
  std::string compress(std::string record) const;
  /// The frame's content; throws vankien::Error when it is damaged.
  std::string expand(std::string_view frame) const;

 private:
  struct Handles;
  std::string bytes_;
  std::uint32_t id_ = 0;
  std::unique_ptr<Handles> handles_;
};

/// The dictionary `db` compresses new records with, if it has one (and it is intact).
std::shared_ptr<const RecordDictionary> current_dictionary(const Xapian::Database& db);

/// Stores in `into` every dictionary of `from` that it lacks (after a merge,
/// which keeps the first database's value of each key).
void copy_dictionaries(Xapian::WritableDatabase& into, const std::vector<Xapian::Database>& from);

/// The dictionaries a searcher has read from its databases, by id. Safe to
/// use from several threads at once.
class RecordDictionaries {
 public:
  /// Reads the dictionaries `shard` holds that are not known yet.
  void load(const Xapian::Database& shard);

  /// The plain record `data` holds: `data` itself, or expanded into
  /// `buffer`. Throws vankien::Error when it is damaged or its dictionary
  /// was not loaded.
  std::string_view plain(std::string_view data, std::string& buffer) const;

 private:
  std::shared_ptr<const RecordDictionary> find(std::uint32_t id) const;
  bool is_damaged(std::uint32_t id) const;

  mutable std::mutex mutex_;
  std::map<std::uint32_t, std::shared_ptr<const RecordDictionary>> known_;
  std::set<std::uint32_t> damaged_;  // keys whose value is no dictionary of their id
};

}  // namespace vankien::storage
