#pragma once
// Stages 3 and 4 for one word: normalise it (NFC, case, canonical tone placement,
// mark repair) and fold it (no marks, đ -> d, i/y variants merged).
//
// Vietnamese letters, ASCII letters and digits go through vankien's own letter
// model (letters.hpp), which reads NFC, NFD and mixed input alike and needs no
// ICU call. A word with any other character (ñ, ü, Cyrillic, Han ...) falls back
// to ICU: case folding and NFC for the text, NFD without marks for the folded form.

#include <string>
#include <vector>

#include "analysis/letters.hpp"

namespace vankien::analysis {

class WordNormalizer {
 public:
  /// `code_points` is one word: letters, digits and the combining marks that
  /// follow them. Writes the normalised and folded forms (replacing their content).
  void normalize(const std::vector<char32_t>& code_points, std::string& text,
                 std::string& folded);

 private:
  bool to_letters(const std::vector<char32_t>& code_points);
  bool compose(std::string& text, std::string& folded) const;
  static void normalize_with_icu(const std::vector<char32_t>& code_points, std::string& text,
                                 std::string& folded);

  std::vector<Letter> letters_;  // reused from word to word
};

}  // namespace vankien::analysis
