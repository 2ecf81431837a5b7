#include "keys.hpp"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "vankien/error.hpp"

namespace vankien::server {

namespace {

constexpr std::string_view hash_prefix = "sha256:";

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<KeyHash> parse_hash(std::string_view text) {
  if (!text.starts_with(hash_prefix)) return std::nullopt;
  text.remove_prefix(hash_prefix.size());
  KeyHash hash{};
  if (text.size() != hash.size() * 2) return std::nullopt;
  for (std::size_t i = 0; i < hash.size(); ++i) {
    const int high = hex_digit(text[2 * i]), low = hex_digit(text[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    hash[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return hash;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

// Appends or rewrites with the file readable by its owner only: a keys file
// holds no keys, but which hashes grant what is no one else's business.
void write_private(const std::filesystem::path& file, const std::string& text, bool append) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0600);
  if (fd < 0) throw Error("cannot write keys file " + file.string());
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n <= 0) {
      ::close(fd);
      throw Error("cannot write keys file " + file.string());
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw Error("cannot write keys file " + file.string());
}

}  // namespace

KeyHash hash_key(std::string_view key) {
  KeyHash hash{};
  SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), hash.data());
  return hash;
}

std::string hex(const KeyHash& hash) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char byte : hash) {
    out.push_back(digits[byte >> 4]);
    out.push_back(digits[byte & 15]);
  }
  return out;
}

std::string read_keys_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error("cannot read keys file " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

KeyRing KeyRing::load(const std::filesystem::path& file) { return parse(read_keys_file(file), file); }

KeyRing KeyRing::parse(const std::string& text, const std::filesystem::path& file) {
  KeyRing ring;
  const std::vector<std::string> lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::istringstream fields(lines[i]);
    std::string hash_text, clearance_text;
    if (!(fields >> hash_text) || hash_text[0] == '#') continue;
    const std::string where = file.string() + ":" + std::to_string(i + 1) + ": ";
    KeyEntry entry;
    const auto hash = parse_hash(hash_text);
    if (!hash) throw Error(where + "expected sha256: and 64 hex digits, found '" + hash_text.substr(0, 80) + "'");
    entry.hash = *hash;
    fields >> clearance_text;
    const auto clearance = parse_access(clearance_text);
    if (!clearance) throw Error(where + "unknown clearance '" + clearance_text + "'");
    entry.clearance = *clearance;
    std::getline(fields >> std::ws, entry.name);
    ring.entries_.push_back(std::move(entry));
  }
  return ring;
}

std::optional<Access> KeyRing::clearance_of(std::string_view key) const {
  const KeyHash presented = hash_key(key);
  std::optional<Access> found;
  for (const KeyEntry& entry : entries_) {  // every entry, even after a match
    if (CRYPTO_memcmp(entry.hash.data(), presented.data(), presented.size()) == 0) found = entry.clearance;
  }
  return found;
}

std::string add_key(const std::filesystem::path& file, Access clearance, const std::string& name) {
  if (name.find_first_of("\r\n") != std::string::npos) throw Error("a key's name is one line");
  std::array<unsigned char, 32> random{};
  if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1) {
    throw Error("the system's random source failed");
  }
  const std::string key = "vk_" + hex(random);
  std::string line;
  line.append(hash_prefix).append(hex(hash_key(key))).append(" ").append(access_name(clearance));
  if (!name.empty()) line.append(" ").append(name);
  std::error_code error;
  const bool fresh = !std::filesystem::exists(file, error);
  write_private(file, (fresh ? "# vankien API keys: sha256:HASH CLEARANCE [NAME]\n" : "") + line + "\n", true);
  return key;
}

std::size_t remove_key(const std::filesystem::path& file, const std::string& name) {
  std::string kept;
  std::size_t removed = 0;
  for (const std::string& line : lines_of(read_keys_file(file))) {
    std::istringstream fields(line);
    std::string hash, clearance, entry_name;
    fields >> hash >> clearance;
    std::getline(fields >> std::ws, entry_name);
    if (!hash.empty() && hash[0] != '#' && entry_name == name) {
      ++removed;
      continue;
    }
    kept.append(line).append("\n");
  }
  if (removed > 0) {  // a whole new file, renamed over the old: never half a file
    std::filesystem::path fresh = file;
    fresh += ".new";
    write_private(fresh, kept, false);
    std::filesystem::rename(fresh, file);
  }
  return removed;
}

}  // namespace vankien::server
