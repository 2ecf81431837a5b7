// Properties over real Vietnamese text from ../shared/data; skipped when absent.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "vankien/text.hpp"

using vankien::Analyzer;
using vankien::Token;

namespace {

std::vector<std::string> real_texts(const std::filesystem::path& data) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(data / "ud-vtb")) {
    if (entry.path().extension() != ".conllu") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      // Some files write "# text =Tôi ..." without the space.
      if (line.rfind("# text =", 0) == 0) {
        const std::size_t start = line.find_first_not_of(' ', 8);
        out.push_back(start == std::string::npos ? "" : line.substr(start));
      }
    }
  }
  for (const auto& entry : std::filesystem::directory_iterator(data / "resolutions")) {
    if (entry.path().extension() == ".md") out.push_back(vankien::test::read_file(entry.path()));
  }
  return out;
}

struct Shape {
  std::string text, folded;
  vankien::TokenKind kind;
  std::uint32_t position;
  bool operator==(const Shape&) const = default;
};

std::vector<Shape> shapes(std::string_view text) {
  std::vector<Shape> out;
  for (const Token& t : Analyzer().analyze(text).tokens) {
    out.push_back({t.text, t.folded, t.kind, t.position});
  }
  return out;
}

}  // namespace

TEST_CASE("real text: NFC, NFD and mixed forms give identical tokens") {
  const auto data = vankien::test::shared_data("real text forms");
  if (!data) return;
  const auto texts = real_texts(*data);
  REQUIRE(texts.size() > 3000);
  std::size_t failures = 0;
  for (const std::string& text : texts) {
    const auto expected = shapes(vankien::test::to_nfc(text));
    const bool same = shapes(vankien::test::to_nfd(text)) == expected &&
                      shapes(vankien::test::to_mixed(text)) == expected &&
                      shapes(text) == expected;
    if (!same && ++failures <= 5) CHECK_MESSAGE(same, text.substr(0, 200));
  }
  CHECK(failures == 0);
}

TEST_CASE("real text: each token's byte range analyses back to the token") {
  const auto data = vankien::test::shared_data("real text offsets");
  if (!data) return;
  std::size_t failures = 0;
  for (const std::string& original : real_texts(*data)) {
    for (const std::string& text : {original, vankien::test::to_nfd(original)}) {
      for (const Token& token : Analyzer().analyze(text).tokens) {
        const auto again = Analyzer().analyze(text.substr(token.begin, token.end - token.begin));
        const bool same = !again.tokens.empty() && again.tokens[0].text == token.text;
        if (!same && ++failures <= 5) CHECK_MESSAGE(same, token.text);
      }
    }
  }
  CHECK(failures == 0);
}

TEST_CASE("real text: normalising twice changes nothing") {
  const auto data = vankien::test::shared_data("real text idempotence");
  if (!data) return;
  std::size_t failures = 0;
  for (const std::string& text : real_texts(*data)) {
    const std::string once = vankien::normalize(text);
    const bool same = vankien::normalize(once) == once && shapes(once) == shapes(text);
    if (!same && ++failures <= 5) CHECK_MESSAGE(same, text.substr(0, 200));
  }
  CHECK(failures == 0);
}

TEST_CASE("real data: i/y spelling variants share a folded form") {
  const auto data = vankien::test::shared_data("i/y variants");
  if (!data) return;
  std::ifstream in(*data / "queries" / "i_and_y.txt");
  std::string line;
  std::size_t pairs = 0;
  while (std::getline(in, line)) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    std::string second = line.substr(tab + 1);
    second = second.substr(0, second.find_first_of(" *\r"));
    const std::string first = line.substr(0, tab);
    CAPTURE(line);
    CHECK(vankien::fold(first) == vankien::fold(second));
    ++pairs;
  }
  CHECK(pairs > 30);
}
