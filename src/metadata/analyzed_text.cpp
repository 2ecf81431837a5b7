#include "metadata/analyzed_text.hpp"

#include "vankien/text.hpp"

namespace vankien::metadata {

AnalyzedText::AnalyzedText(std::string_view text, std::vector<Token>* all_tokens) : text_(text) {
  Analyzer().analyze(text, [this, all_tokens](const Token& token) {
    (token.kind == TokenKind::code ? codes_ : words_).push_back(token);
    if (all_tokens) all_tokens->push_back(token);
  });
  unmarked_ = !words_.empty() && !has_diacritics(text);
}

std::string_view AnalyzedText::gap_before(std::size_t i) const {
  const std::size_t begin = i == 0 ? 0 : words_[i - 1].end;
  const std::size_t end = i < words_.size() ? words_[i].begin : text_.size();
  return text_.substr(begin, end - begin);
}

bool AnalyzedText::matches(std::size_t i, const std::vector<std::string>& phrase) const {
  if (i + phrase.size() > words_.size()) return false;
  for (std::size_t k = 0; k < phrase.size(); ++k) {
    const bool same = unmarked_ ? words_[i + k].folded == folded(phrase[k]) : words_[i + k].text == phrase[k];
    if (!same) return false;
  }
  return true;
}

bool AnalyzedText::is(std::size_t i, std::string_view word) const {
  if (i >= words_.size()) return false;
  return unmarked_ ? words_[i].folded == folded(std::string(word)) : words_[i].text == word;
}

const std::string& AnalyzedText::folded(const std::string& word) const {
  auto [it, inserted] = folded_words_.try_emplace(word);
  if (inserted) it->second = fold(word);
  return it->second;
}

std::string AnalyzedText::joined(std::size_t i, std::size_t count) const {
  std::string out;
  for (std::size_t k = i; k < i + count && k < words_.size(); ++k) {
    if (!out.empty()) out += ' ';
    out += words_[k].text;
  }
  return out;
}

std::vector<std::string> phrase_words(std::string_view phrase) {
  std::vector<std::string> out;
  Analyzer().analyze(phrase, [&](const Token& token) {
    if (token.kind != TokenKind::code) out.push_back(token.text);
  });
  return out;
}

}  // namespace vankien::metadata
