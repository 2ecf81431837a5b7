// normalize(), fold() and has_diacritics() on whole strings.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.hpp"
#include "vankien/text.hpp"

TEST_CASE("normalize and fold whole strings") {
  struct Case {
    const char* behaviour;
    std::string input;
    std::string normalized;
    std::string folded;
  };
  const std::vector<Case> cases = {
      {"empty", "", "", ""},
      {"sentence", "Huyện uỷ Bạch Thông, NHIỆM KỲ 2015-2020.", "huyện ủy bạch thông, nhiệm kỳ 2015-2020.",
       "huyen uy bach thong, nhiem ki 2015-2020."},
      {"nfd sentence", vankien::test::to_nfd("Lãnh đạo"), "lãnh đạo", "lanh dao"},
      {"code keeps its separators", "Số 12-NQ/HU", "số 12-nq/hu", "so 12-nq/hu"},
      {"invalid bytes become U+FFFD", "a\xFF" "b", "a\xEF\xBF\xBD" "b", "a\xEF\xBF\xBD" "b"},
      {"punctuation composed", "x \xCC\x81", "x \xCC\x81", "x \xCC\x81"},
      // Found by fuzz_analyzer: marks doubled on one letter stay, on every pass.
      {"long s before a Vietnamese syllable", "\xC5\xBFie\xCC\xA3", "s\xE1\xBB\x8B" "e", "sie"},
      {"doubled marks", "e\xCC\xA3\xCC\x82\xCC\xA3\xCC\x82\xC3\x9F", "\xE1\xBB\x87\xCC\xA3\xCC\x82\xC3\x9F",
       "e\xC3\x9F"},
      // Case folding is one letter to one (ß stays ß, ŉ stays ŉ), so a word
      // over 64 letters is cut at the same letter on every pass.
      {"long word with a letter full folding expands",
       std::string(63, 'y') + "\xC5\x89" + "y\xC5\xA9", std::string(63, 'y') + "\xC5\x89" + "\xE1\xBB\xB9u",
       std::string(63, 'y') + "\xC5\x89" + "yu"},
      {"dotted capital I folds to one letter and its dot", "\xC4\xB0O", "i\xCC\x87o", "io"},
      {"long word of Hangul jamo", [] {
         std::string jamo;  // initial + vowel pairs, which NFC composes into syllables
         for (int i = 0; i < 40; ++i) jamo += "\xE1\x84\x80\xE1\x85\xA1";
         return jamo + "y\xC5\xA9";
       }(), [] {
         std::string syllables;
         for (int i = 0; i < 40; ++i) syllables += "\xEA\xB0\x80";
         return syllables + "y\xC5\xA9";
       }(), [] {
         std::string jamo;  // folded text is decomposed
         for (int i = 0; i < 40; ++i) jamo += "\xE1\x84\x80\xE1\x85\xA1";
         return jamo + "yu";
       }()},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    CHECK(vankien::normalize(c.input) == c.normalized);
    CHECK(vankien::fold(c.input) == c.folded);
    CHECK(vankien::normalize(vankien::normalize(c.input)) == vankien::normalize(c.input));
    CHECK(vankien::fold(vankien::fold(c.input)) == vankien::fold(c.input));
  }
}

TEST_CASE("has_diacritics") {
  struct Case {
    std::string input;
    bool expected;
  };
  const std::vector<Case> cases = {
      {"", false},         {"lanh dao huyen uy", false}, {"lãnh dao", true},
      {"đ", true},         {"Ð", true},                  {vankien::test::to_nfd("ạ"), true},
      {"12-NQ/HU", false}, {"Müller", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(vankien::has_diacritics(c.input) == c.expected);
  }
}
