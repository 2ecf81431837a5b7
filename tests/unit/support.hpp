#pragma once
// Helpers shared by the unit tests: Unicode forms made with ICU (an independent
// implementation to check ours against) and the location of ../shared/data.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vankien/analyzer.hpp"
#include "vankien/document.hpp"
#include "vankien/indexer.hpp"

namespace vankien::test {

std::string to_nfd(std::string_view text);
std::string to_nfc(std::string_view text);
/// Every other letter decomposed: the mix that real documents contain.
std::string to_mixed(std::string_view text);

/// Normalised texts of the analyzer's tokens, in order.
std::vector<std::string> texts(std::string_view text);
std::vector<std::string> folded(std::string_view text);

/// ../shared/data (or $VANKIEN_SHARED_DATA), if it exists; otherwise prints
/// why the calling test is skipped and returns nothing.
std::optional<std::filesystem::path> shared_data(std::string_view test_name);
/// True once shared_data() has found nothing in this run (tests/unit/main.cpp).
bool skipped_for_want_of_data();

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view content);

/// tests/fixtures/NAME and the project's data/ directory.
std::filesystem::path fixture(std::string_view name);
std::filesystem::path data_dir();

/// Indexer options reading the project's data/ directory.
IndexerOptions indexer_options();
/// A document of only an id and a body.
Document article(std::string id, std::string body);

/// A fresh directory, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace vankien::test
