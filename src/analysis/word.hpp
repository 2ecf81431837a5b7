#pragma once
// Stages 3 and 4 for one word: normalise it (NFC, case, canonical tone placement,
// mark repair) and fold it (no marks, đ -> d, i/y variants merged).
//
// Vietnamese letters, ASCII letters and digits go through vankien's own letter
// model (letters.hpp), which reads NFC, NFD and mixed input alike and needs no
// ICU call. A word with any other character (ñ, ü, Cyrillic, Han ...) falls back
// to ICU: case folding and NFC for the text, NFD without marks for the folded form.
//
// Text repeats a few thousand distinct syllables, so results are cached per
// thread by the word's raw bytes; most words cost one hash lookup.

#include <string>
#include <string_view>
#include <vector>

#include "analysis/letters.hpp"

namespace vankien::analysis {

class WordCache;

class WordNormalizer {
 public:
  WordNormalizer();

  /// `word` is the valid UTF-8 of one word: letters, digits and the combining
  /// marks that follow them. Writes the normalised and folded forms.
  void normalize(std::string_view word, std::string& text, std::string& folded);

 private:
  static bool normalize_ascii(std::string_view word, std::string& text, std::string& folded);
  void normalize_uncached(std::string_view word, std::string& text, std::string& folded);
  bool to_letters(const std::vector<char32_t>& code_points);
  bool compose(std::string& text, std::string& folded) const;
  static void normalize_with_icu(const std::vector<char32_t>& code_points, std::string& text,
                                 std::string& folded);

  WordCache* cache_;  // this thread's
  std::vector<char32_t> code_points_;  // reused from word to word
  std::vector<Letter> letters_;
};

}  // namespace vankien::analysis
