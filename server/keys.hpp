#pragma once
// API keys: a file of SHA-256 hashes of keys, each with the clearance it
// grants. Keys themselves are never stored; a key is shown once, when made.
//
//   # vankien API keys: sha256:HASH CLEARANCE [NAME]
//   sha256:9f86d0...  confidential  phong-luu-tru

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vankien/document.hpp"

namespace vankien::server {

using KeyHash = std::array<unsigned char, 32>;

struct KeyEntry {
  KeyHash hash{};
  Access clearance = Access::public_;
  std::string name;
};

class KeyRing {
 public:
  KeyRing() = default;  ///< no keys: every caller is public
  /// Reads a keys file; throws Error naming the file and line of a bad entry.
  static KeyRing load(const std::filesystem::path& file);
  /// The same from a keys file's text, already read (`file` names it in errors).
  static KeyRing parse(const std::string& text, const std::filesystem::path& file);

  /// The clearance `key` grants, or nullopt for a key not in the ring. The
  /// key is hashed and compared with every entry in constant time, so the
  /// time taken says nothing about how close a guess was.
  std::optional<Access> clearance_of(std::string_view key) const;

  const std::vector<KeyEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<KeyEntry> entries_;
};

KeyHash hash_key(std::string_view key);
std::string hex(const KeyHash& hash);

/// A new random key ("vk_" and 64 hex digits, 256 bits from the system's
/// random source), its hash appended to `file` (created if need be, readable
/// by its owner only) with `clearance` and `name`. Returns the key.
std::string add_key(const std::filesystem::path& file, Access clearance, const std::string& name);

/// A keys file's text; throws Error when it cannot be read.
std::string read_keys_file(const std::filesystem::path& file);

/// Removes the entries named `name`; returns how many there were.
std::size_t remove_key(const std::filesystem::path& file, const std::string& name);

}  // namespace vankien::server
