#pragma once
// A text analysed once and shared by every extraction rule: its words (code
// tokens kept apart) and helpers to match normalised phrases against them.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vankien/analyzer.hpp"

namespace vankien::metadata {

class AnalyzedText {
 public:
  /// With `all_tokens`, every token is also kept there, in the analyzer's order.
  explicit AnalyzedText(std::string_view text, std::vector<Token>* all_tokens = nullptr);

  std::string_view text() const { return text_; }
  const std::vector<Token>& words() const { return words_; }  // no code tokens
  const std::vector<Token>& codes() const { return codes_; }

  /// The original bytes between word i-1 and word i (before the first word for i = 0).
  std::string_view gap_before(std::size_t i) const;
  /// True when no word has a mark: a text typed without diacritics.
  bool unmarked() const { return unmarked_; }
  /// True when words [i, i + phrase.size()) have exactly these normalised
  /// texts; in an unmarked text, these texts without their marks.
  bool matches(std::size_t i, const std::vector<std::string>& phrase) const;
  /// True when word i is `word` (normalised), or in an unmarked text, `word` without its marks.
  bool is(std::size_t i, std::string_view word) const;
  /// Normalised texts of words [i, i + count), joined by single spaces.
  std::string joined(std::size_t i, std::size_t count) const;

 private:
  std::string_view text_;
  std::vector<Token> words_;
  std::vector<Token> codes_;
  bool unmarked_ = false;
  // The rules' words without marks, folded once each (unmarked texts only).
  const std::string& folded(const std::string& word) const;
  mutable std::unordered_map<std::string, std::string> folded_words_;
};

/// The normalised words of a short phrase: "Huyện uỷ" -> {"huyện", "ủy"}.
std::vector<std::string> phrase_words(std::string_view phrase);

}  // namespace vankien::metadata
