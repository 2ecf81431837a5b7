#pragma once
// Reading VNTC articles (../shared/data/vntc/*.jsonl.gz) for tests over real news.

#include <filesystem>
#include <string>
#include <vector>

namespace vankien::test {

struct Article {
  std::string id;
  std::string text;
};

/// The first `count` articles of a VNTC JSON Lines file (gzip-compressed).
std::vector<Article> read_vntc(const std::filesystem::path& file, std::size_t count);

/// The first `words` words of the article's first line: its title, as VNTC
/// runs the title and the lead together on one line.
std::string title_words(const std::string& text, std::size_t words);

}  // namespace vankien::test
