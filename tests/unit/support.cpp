#include "support.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <stdlib.h>
#include <fstream>
#include <iostream>
#include <sstream>

namespace vankien::test {

namespace {

std::string normalize_with(const icu::Normalizer2* normalizer, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString result = normalizer->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
      status);
  std::string out;
  result.toUTF8String(out);
  return out;
}

}  // namespace

std::string to_nfd(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  return normalize_with(icu::Normalizer2::getNFDInstance(status), text);
}

std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  return normalize_with(icu::Normalizer2::getNFCInstance(status), text);
}

std::string to_mixed(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString nfc = icu::UnicodeString::fromUTF8(to_nfc(text));
  icu::UnicodeString mixed;
  bool decompose = false;
  for (int32_t i = 0; i < nfc.length();) {
    const UChar32 cp = nfc.char32At(i);
    i += U16_LENGTH(cp);
    icu::UnicodeString one(cp);
    if (cp >= 0x80 && (decompose = !decompose)) one = nfd->normalize(one, status);
    mixed.append(one);
  }
  std::string out;
  mixed.toUTF8String(out);
  return out;
}

std::vector<std::string> texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : Analyzer().analyze(text).tokens) out.push_back(token.text);
  return out;
}

std::vector<std::string> folded(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& token : Analyzer().analyze(text).tokens) out.push_back(token.folded);
  return out;
}

namespace {
bool skipped = false;
}  // namespace

std::optional<std::filesystem::path> shared_data(std::string_view test_name) {
  const char* from_env = std::getenv("VANKIEN_SHARED_DATA");
  const std::filesystem::path dir = from_env ? from_env : VANKIEN_SHARED_DATA_DIR;
  if (std::filesystem::is_directory(dir)) return dir;
  std::cout << "SKIPPED " << test_name << ": no shared data at " << dir
            << " (set VANKIEN_SHARED_DATA)\n";
  skipped = true;
  return std::nullopt;
}

bool skipped_for_want_of_data() { return skipped; }

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void write_file(const std::filesystem::path& path, std::string_view content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::filesystem::path fixture(std::string_view name) {
  return std::filesystem::path(VANKIEN_FIXTURES_DIR) / name;
}

std::filesystem::path data_dir() { return VANKIEN_PROJECT_DATA_DIR; }

IndexerOptions indexer_options() {
  IndexerOptions options;
  options.data_dir = data_dir();
  return options;
}

Document article(std::string id, std::string body) {
  Document document;
  document.id = std::move(id);
  document.body = std::move(body);
  return document;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "vankien-test-XXXXXX").string();
  path_ = mkdtemp(pattern.data());
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace vankien::test
