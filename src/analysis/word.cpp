#include "analysis/word.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <span>

#include "analysis/syllable.hpp"
#include "analysis/utf8.hpp"

namespace vankien::analysis {

namespace {

bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Digits ride through the letter model as bases with no marks.
bool is_digit_letter(const Letter& letter) { return letter.base >= '0' && letter.base <= '9'; }

}  // namespace

void WordNormalizer::normalize(const std::vector<char32_t>& code_points, std::string& text,
                               std::string& folded) {
  text.clear();
  folded.clear();
  if (to_letters(code_points) && compose(text, folded)) return;
  normalize_with_icu(code_points, text, folded);
}

bool WordNormalizer::to_letters(const std::vector<char32_t>& code_points) {
  letters_.clear();
  bool has_digit = false;
  bool has_mark = false;
  for (char32_t cp : code_points) {
    Letter letter;
    MarkEffect mark;
    if (decompose_letter(cp, letter)) {
      letters_.push_back(letter);
    } else if (is_ascii_digit(cp)) {
      letters_.push_back(Letter{static_cast<char>(cp), Modifier::none, Tone::none});
      has_digit = true;
    } else if (decompose_mark(cp, mark) && !letters_.empty()) {
      Letter& target = letters_.back();
      if (is_digit_letter(target)) return false;
      if (mark.is_tone) {
        if (target.tone != Tone::none && target.tone != mark.tone) return false;
        target.tone = mark.tone;
      } else {
        if (target.modifier != Modifier::none && target.modifier != mark.modifier) return false;
        target.modifier = mark.modifier;
      }
      has_mark = true;
    } else {
      return false;
    }
    has_mark = has_mark || letters_.back().tone != Tone::none ||
               letters_.back().modifier != Modifier::none;
  }
  // Only a word of letters can be a syllable; if it is not one, its marks stay
  // where they were typed.
  if (has_mark && !has_digit) place_tone(std::span<Letter>(letters_));
  return true;
}

bool WordNormalizer::compose(std::string& text, std::string& folded) const {
  for (const Letter& letter : letters_) {
    if (is_digit_letter(letter)) {
      text.push_back(letter.base);
    } else {
      const char32_t cp = compose_letter(letter);
      if (cp == 0) return false;
      append_utf8(text, cp);
    }
    folded.push_back(letter.base);
  }
  if (is_i_y_variant(std::span<const char>(folded.data(), folded.size()))) folded.back() = 'i';
  return true;
}

void WordNormalizer::normalize_with_icu(const std::vector<char32_t>& code_points,
                                        std::string& text, std::string& folded) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return;

  icu::UnicodeString word;
  for (char32_t cp : code_points) word.append(static_cast<UChar32>(cp));
  word.foldCase();
  // Ð/ð typed for Đ/đ: foldCase turns U+00D0 into U+00F0.
  word.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x00F0)),
                      icu::UnicodeString(static_cast<UChar32>(0x0111)));
  const icu::UnicodeString composed = nfc->normalize(word, status);
  composed.toUTF8String(text);

  const icu::UnicodeString decomposed = nfd->normalize(composed, status);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 cp = decomposed.char32At(i);
    i += U16_LENGTH(cp);
    if (u_charType(cp) == U_NON_SPACING_MARK) continue;
    bare.append(cp == 0x0111 ? UChar32{'d'} : cp);
  }
  bare.toUTF8String(folded);
}

}  // namespace vankien::analysis
