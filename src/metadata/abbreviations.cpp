#include "metadata/abbreviations.hpp"

#include "metadata/data_files.hpp"
#include "vankien/analyzer.hpp"

namespace vankien::metadata {

std::string synonym_key(std::string_view phrase) {
  std::string key;
  Analyzer().analyze(phrase, [&](const Token& token) {
    if (token.kind == TokenKind::code) return;
    key.append(key.empty() ? "" : " ").append(token.folded);
  });
  return key;
}

std::vector<std::pair<std::string, std::string>> read_abbreviations(const std::filesystem::path& file) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Row& row : read_tsv(file)) {
    require_fields(file, row, 2);
    out.emplace_back(row.fields[0], row.fields[1]);
  }
  return out;
}

Synonyms::Synonyms(const std::vector<std::pair<std::string, std::string>>& abbreviations) {
  for (const auto& [abbreviation, expansion] : abbreviations) {
    const std::string short_key = synonym_key(abbreviation), long_key = synonym_key(expansion);
    if (short_key.empty() || long_key.empty()) continue;
    by_key_[short_key].insert(long_key);
    by_key_[long_key].insert(short_key);
  }
}

const std::set<std::string>& Synonyms::of(const std::string& key) const {
  static const std::set<std::string> none;
  const auto found = by_key_.find(key);
  return found == by_key_.end() ? none : found->second;
}

}  // namespace vankien::metadata
