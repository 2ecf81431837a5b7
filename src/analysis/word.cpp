#include "analysis/word.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <span>
#include <cstdint>

#include "analysis/syllable.hpp"
#include "analysis/utf8.hpp"

namespace vankien::analysis {

namespace {

bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Digits ride through the letter model as bases with no marks.
bool is_digit_letter(const Letter& letter) { return letter.base >= '0' && letter.base <= '9'; }

// Case folding that keeps a word's count of letters (marks aside), so an
// over-long word is cut at the same letter however often it is normalised:
// full folding where it gives one letter (İ -> i + combining dot), simple
// folding where full folding would give more (ß stays ß, not ss; ŉ stays ŉ).
void append_folded(icu::UnicodeString& word, UChar32 cp) {
  icu::UnicodeString full(cp);
  full.foldCase();
  int letters = 0;
  for (int32_t i = 0; i < full.length(); i = full.moveIndex32(i, 1)) {
    const auto category = u_charType(full.char32At(i));
    letters += category != U_NON_SPACING_MARK && category != U_COMBINING_SPACING_MARK &&
               category != U_ENCLOSING_MARK;
  }
  if (letters == 1) {
    word.append(full);
  } else {
    word.append(u_foldCase(cp, U_FOLD_CASE_DEFAULT));
  }
}

}  // namespace

// A direct-mapped cache: a slot per hash value, a miss overwrites the slot.
// Bounded by construction, and a lookup touches one slot (no chains to walk).
class WordCache {
 public:
  struct Slot {
    std::uint64_t hash = 0;
    std::string word, text, folded;
  };

  static constexpr std::size_t max_word_bytes = 48;

  Slot& slot_for(std::string_view word, std::uint64_t& hash) {
    hash = fnv1a(word);
    return slots_[hash & (slots_.size() - 1)];
  }

 private:
  static std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t hash = 14695981039346656037ull;
    for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return hash;
  }

  std::vector<Slot> slots_ = std::vector<Slot>(1 << 15);
};

WordCache& thread_word_cache() {
  thread_local WordCache cache;
  return cache;
}


WordNormalizer::WordNormalizer() : cache_(&thread_word_cache()) {}

void WordNormalizer::normalize(std::string_view word, std::string& text, std::string& folded) {
  if (normalize_ascii(word, text, folded)) return;
  if (word.size() > WordCache::max_word_bytes) {
    normalize_uncached(word, text, folded);
    return;
  }
  std::uint64_t hash = 0;
  WordCache::Slot& slot = cache_->slot_for(word, hash);
  if (slot.hash != hash || slot.word != word) {
    normalize_uncached(word, slot.text, slot.folded);
    slot.hash = hash;
    slot.word = word;
  }
  text = slot.text;
  folded = slot.folded;
}

bool WordNormalizer::normalize_ascii(std::string_view word, std::string& text,
                                     std::string& folded) {
  text.resize(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) return false;
    text[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  folded = text;
  if (is_i_y_variant(std::span<const char>(folded.data(), folded.size()))) folded.back() = 'i';
  return true;
}

void WordNormalizer::normalize_uncached(std::string_view word, std::string& text,
                                        std::string& folded) {
  code_points_.clear();
  Utf8Reader reader(word);
  for (CodePoint cp; reader.next(cp);) code_points_.push_back(cp.value);
  text.clear();
  folded.clear();
  if (to_letters(code_points_) && compose(text, folded)) return;
  text.clear();
  folded.clear();
  normalize_with_icu(code_points_, text, folded);
  // Case folding may have left only letters the model knows ("ſiẹ" -> "siẹ",
  // "ẞ" -> "ss"): the model then has the last word, as it would on a second
  // pass, so that normalising twice changes nothing.
  code_points_.clear();
  Utf8Reader folded_case(text);
  for (CodePoint cp; folded_case.next(cp);) code_points_.push_back(cp.value);
  std::string model_text, model_folded;
  if (to_letters(code_points_) && compose(model_text, model_folded)) {
    text = std::move(model_text);
    folded = std::move(model_folded);
    return;
  }
  // "šy" folds to "sy" through ICU: the variant rule must hold here as well.
  if (is_i_y_variant(std::span<const char>(folded.data(), folded.size()))) folded.back() = 'i';
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
      // A second tone or modifier on one letter has no precomposed form: such
      // words go to ICU, which keeps the extra mark (and so stays idempotent).
      if (mark.is_tone) {
        if (target.tone != Tone::none) return false;
        target.tone = mark.tone;
      } else {
        if (target.modifier != Modifier::none) return false;
        target.modifier = mark.modifier;
      }
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
  for (char32_t cp : code_points) append_folded(word, static_cast<UChar32>(cp));
  // Ð/ð typed for Đ/đ: case folding turns U+00D0 into U+00F0.
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
