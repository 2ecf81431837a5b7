// Splitting into tokens: kinds, positions, document codes and byte offsets.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "analysis/tokenizer.hpp"
#include "support.hpp"

using vankien::Analyzer;
using vankien::Token;
using vankien::TokenKind;

namespace {

// Compact notation: "text@position" per token, code tokens as "[text]@position".
std::string notation(std::string_view input) {
  std::string out;
  for (const Token& token : Analyzer().analyze(input).tokens) {
    if (!out.empty()) out += ' ';
    out += token.kind == TokenKind::code ? "[" + token.text + "]" : token.text;
    out += '@' + std::to_string(token.position);
  }
  return out;
}

}  // namespace

TEST_CASE("text splits into words, numbers and document codes") {
  struct Case {
    const char* behaviour;
    std::string input;
    std::string tokens;
  };
  const std::vector<Case> cases = {
      {"empty input", "", ""},
      {"only punctuation", " ,.;-/ ", ""},
      {"syllables", "lãnh đạo", "lãnh@0 đạo@1"},
      {"punctuation between", "Đảng, Nhà nước.", "đảng@0 nhà@1 nước@2"},
      {"party code", "Số 12-NQ/HU", "số@0 [12-nq/hu]@1 12@1 nq@2 hu@3"},
      {"state code", "Số: 1654/NQ-UBTVQH15", "số@0 [1654/nq-ubtvqh15]@1 1654@1 nq@2 ubtvqh15@3"},
      {"central code", "60-NQ/TW.", "[60-nq/tw]@0 60@0 nq@1 tw@2"},
      {"code with a year", "22/2019/NQ-HĐND", "[22/2019/nq-hđnd]@0 22@0 2019@1 nq@2 hđnd@3"},
      {"joint code", "05-QC/BTCTU-BDVTU", "[05-qc/btctu-bdvtu]@0 05@0 qc@1 btctu@2 bdvtu@3"},
      {"code in parentheses", "(155/KH-UBND)", "[155/kh-ubnd]@0 155@0 kh@1 ubnd@2"},
      {"lower-case code", "12-nq/hu", "[12-nq/hu]@0 12@0 nq@1 hu@2"},
      {"date is not a code", "15/3/2019", "15@0 3@1 2019@2"},
      {"term is not a code", "2015-2020", "2015@0 2020@1"},
      {"words with a slash are not a code", "kinh tế/xã hội", "kinh@0 tế@1 xã@2 hội@3"},
      {"hyphen without slash is not a code", "12-NQ", "12@0 nq@1"},
      {"spaced hyphen", "kinh tế - xã hội", "kinh@0 tế@1 xã@2 hội@3"},
      {"abbreviation with hyphen", "KT-XH", "kt@0 xh@1"},
      {"decimal number", "3,5", "3@0 5@1"},
      {"ideographs one by one", "中国", "中@0 国@1"},
      {"no vietnamese at all", "The quick brown fox", "the@0 quick@1 brown@2 fox@3"},
      {"orphan combining mark", "a \xCC\x81 b", "a@0 b@1"},
      {"invalid utf-8 separates", "ab\xFF" "cd", "ab@0 cd@1"},
      // Numbers as real posts type them: spaces around the dash, any dash.
      {"space after the dash", "35- NQ/TW", "[35-nq/tw]@0 35@0 nq@1 tw@2"},
      {"space before the dash", "35 -NQ/TW", "[35-nq/tw]@0 35@0 nq@1 tw@2"},
      {"spaces around an en dash", "Số 35 – NQ/TW", "số@0 [35-nq/tw]@1 35@1 nq@2 tw@3"},
      {"en dash", "12–NQ/HU", "[12-nq/hu]@0 12@0 nq@1 hu@2"},
      {"non-breaking hyphen", "12\u2011NQ/HU", "[12-nq/hu]@0 12@0 nq@1 hu@2"},
      {"em dash inside a state code", "155/KH\u2014UBND", "[155/kh-ubnd]@0 155@0 kh@1 ubnd@2"},
      {"across spaces, only a letter part joins the number", "2015 - 2020/QĐ", "2015@0 [2020/qđ]@1 2020@1 qđ@2"},
      {"two spaces do not join", "35  - NQ/TW", "35@0 nq@1 tw@2"},
      {"a spaced dash between words", "Hà Nội – Hải Phòng", "hà@0 nội@1 hải@2 phòng@3"},
      {"an en dash between words", "Hà Nội–Hải Phòng", "hà@0 nội@1 hải@2 phòng@3"},
      {"a number then words", "năm 2020 - xây dựng", "năm@0 2020@1 xây@2 dựng@3"},
      // A file's path or name is not a document number.
      {"after a slash", "ảnh: /2020/12-nq", "ảnh@0 2020@1 12@2 nq@3"},
      {"before a file extension", "IMG_2020/12-NQ.JPG", "img@0 2020@1 12@2 nq@3 jpg@4"},
      {"a sentence's full stop is no extension", "số 12-NQ/HU.Theo đó", "số@0 [12-nq/hu]@1 12@1 nq@2 hu@3 theo@4 đó@5"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    CHECK(notation(c.input) == c.tokens);
  }
}

TEST_CASE("token kinds") {
  const auto tokens = Analyzer().analyze("Số 12-NQ/HU năm 2019").tokens;
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[0].kind == TokenKind::word);
  CHECK(tokens[1].kind == TokenKind::code);
  CHECK(tokens[2].kind == TokenKind::number);
  CHECK(tokens[3].kind == TokenKind::word);
  CHECK(tokens[6].kind == TokenKind::number);
}

TEST_CASE("codes fold QĐ to QD") {
  const auto tokens = Analyzer().analyze("399-QĐ/TW").tokens;
  REQUIRE(!tokens.empty());
  CHECK(tokens[0].text == "399-qđ/tw");
  CHECK(tokens[0].folded == "399-qd/tw");
}

TEST_CASE("byte offsets point into the original input") {
  struct Case {
    std::string behaviour;
    std::string input;
  };
  const std::vector<Case> cases = {
      {"nfc", "Huyện ủy Bạch Thông"},
      {"nfd", vankien::test::to_nfd("Huyện ủy Bạch Thông")},
      {"mixed", vankien::test::to_mixed("Huyện ủy Bạch Thông")},
      {"codes", "Số 12-NQ/HU và 1654/NQ-UBTVQH15"},
      {"invalid bytes", "Vi\xEAt \xFFNam\x80\xE1\xBB"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    std::set<std::size_t> boundaries{c.input.size()}, marks;
    vankien::analysis::Utf8Reader reader(c.input);
    vankien::analysis::CodePoint cp;
    while (reader.next(cp)) {
      boundaries.insert(cp.begin);
      if (cp.value >= 0x300 && cp.value <= 0x36F) marks.insert(cp.begin);
    }
    for (const Token& token : Analyzer().analyze(c.input).tokens) {
      REQUIRE(token.begin < token.end);
      REQUIRE(token.end <= c.input.size());
      const std::string slice = c.input.substr(token.begin, token.end - token.begin);
      const auto again = Analyzer().analyze(slice).tokens;
      REQUIRE(!again.empty());
      CHECK(again[0].text == token.text);
      // A range starts and ends on code point boundaries, never before a mark.
      CHECK(boundaries.count(token.begin) == 1);
      CHECK(boundaries.count(token.end) == 1);
      CHECK(marks.count(token.end) == 0);
    }
  }
}

TEST_CASE("a combining mark is never split from its letter") {
  const std::string nfd = vankien::test::to_nfd("Nghị quyết");
  const auto tokens = Analyzer().analyze(nfd).tokens;
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].end == nfd.find(' '));
  CHECK(tokens[1].end == nfd.size());
}

TEST_CASE("invalid UTF-8 is reported, not fatal") {
  const auto analysis = Analyzer().analyze("ok \xC3 \xFF\xFE x");
  CHECK(analysis.decode.invalid_utf8 == 3);
  CHECK(analysis.decode.first_invalid_offset == 3);
  CHECK(vankien::test::texts("ok \xC3 \xFF\xFE x") == std::vector<std::string>{"ok", "x"});
  CHECK_FALSE(Analyzer().analyze("sạch").decode);
}

TEST_CASE("a 10 MB single line is analysed whole") {
  std::string line;
  const std::string sentence = "Đảng bộ huyện Bạch Thông lãnh đạo thực hiện nghị quyết 12-NQ/HU, ";
  while (line.size() < 10 * 1024 * 1024) line += sentence;
  std::size_t count = 0;
  std::uint32_t last_position = 0;
  std::size_t last_end = 0;
  Analyzer().analyze(line, [&](const Token& token) {
    ++count;
    last_position = token.position;
    last_end = token.end;
  });
  const std::size_t repeats = line.size() / sentence.size();
  CHECK(count == repeats * 15);  // 14 words and numbers and one code per sentence
  CHECK(last_position == repeats * 14 - 1);
  CHECK(last_end == line.size() - 2);
}

TEST_CASE("a huge word is cut into tokens of bounded size") {
  const std::string word(10000, 'a');
  const auto tokens = Analyzer().analyze(word).tokens;
  CHECK(tokens.size() == (10000 + vankien::analysis::max_word_letters - 1) /
                             vankien::analysis::max_word_letters);
  for (const Token& token : tokens) CHECK(token.text.size() <= 64);

  // NFC and NFD words are cut at the same letters.
  std::string precomposed, decomposed;
  for (int i = 0; i < 100; ++i) precomposed += "\xE1\xBB\x87";  // ệ
  decomposed = vankien::test::to_nfd(precomposed);
  CHECK(vankien::test::texts(precomposed) == vankien::test::texts(decomposed));

  // So are Hangul syllables and the conjoining jamo NFC composes them from.
  std::string syllables, jamo;
  for (int i = 0; i < 100; ++i) syllables += "\xEA\xB0\x80", jamo += "\xE1\x84\x80\xE1\x85\xA1";
  CHECK(vankien::test::texts(jamo) == vankien::test::texts(syllables));
  CHECK(vankien::test::texts(jamo).size() == 2);

  // Cutting never separates a mark from its letter.
  std::string marked;
  for (int i = 0; i < 200; ++i) marked += "a\xCC\x81";
  for (const Token& token : Analyzer().analyze(marked).tokens) {
    CHECK(static_cast<unsigned char>(marked[token.begin]) == 'a');
  }
}

TEST_CASE("long hyphen chains are not buffered whole") {
  std::string chain = "1";
  for (int i = 0; i < 1000; ++i) chain += "/a";
  const auto tokens = Analyzer().analyze(chain).tokens;
  std::size_t words = 0;
  for (const Token& token : tokens) words += token.kind != TokenKind::code;
  CHECK(words == 1001);
}
