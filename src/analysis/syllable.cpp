#include "analysis/syllable.hpp"

#include <array>
#include <string_view>

namespace vankien::analysis {

namespace {

// Letters of `letters` as plain lower-case ASCII, for matching onsets and codas.
bool plain_equals(std::span<const Letter> letters, std::string_view expected) {
  if (letters.size() != expected.size()) return false;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (letters[i].base != expected[i] || letters[i].modifier == Modifier::stroke) return false;
  }
  return true;
}

bool is_consonant(const Letter& letter) { return !is_vowel(letter.base); }

// Length of the initial consonant cluster, or -1 if the onset is not Vietnamese.
int onset_length(std::span<const Letter> letters) {
  std::size_t consonants = 0;
  while (consonants < letters.size() && is_consonant(letters[consonants])) ++consonants;
  const std::span<const Letter> cluster = letters.first(consonants);
  const bool followed_by_vowel = consonants < letters.size();

  // "gi" and "qu" take their vowel letter into the onset when another vowel
  // follows: gia, giữ, qua, quý; but gì, gìn keep i as the nucleus.
  if (consonants == 1 && letters.size() >= 3 && is_vowel(letters[2].base)) {
    if ((letters[0].base == 'g' && letters[1].base == 'i') ||
        (letters[0].base == 'q' && letters[1].base == 'u')) {
      return letters[1].modifier == Modifier::none ? 2 : -1;
    }
  }
  if (consonants == 1 && letters[0].base == 'q') return -1;  // q always needs u
  if (!followed_by_vowel) return -1;
  if (consonants == 0) return 0;
  if (consonants == 1) {
    const char c = cluster[0].base;
    if (cluster[0].modifier == Modifier::stroke) return 1;
    return std::string_view("bcdghklmnprstvx").find(c) != std::string_view::npos ? 1 : -1;
  }
  static constexpr std::array<std::string_view, 9> clusters = {
      "ngh", "ng", "nh", "ch", "gh", "kh", "ph", "th", "tr"};
  for (std::string_view onset : clusters) {
    if (plain_equals(cluster, onset)) return static_cast<int>(consonants);
  }
  return -1;
}

bool is_valid_coda(std::span<const Letter> coda) {
  if (coda.empty()) return true;
  static constexpr std::array<std::string_view, 8> codas = {"c", "ch", "m", "n",
                                                             "ng", "nh", "p", "t"};
  for (std::string_view ending : codas) {
    if (plain_equals(coda, ending)) return true;
  }
  return false;
}

bool has_vowel_modifier(const Letter& letter) {
  return letter.modifier == Modifier::circumflex || letter.modifier == Modifier::breve ||
         letter.modifier == Modifier::horn;
}

// Index within the nucleus that carries the tone.
std::size_t tone_index(std::span<const Letter> nucleus, bool closed) {
  // A vowel with a modifier takes the tone; in ươ it is the second (ơ).
  std::size_t modified = nucleus.size();
  for (std::size_t i = 0; i < nucleus.size(); ++i) {
    if (has_vowel_modifier(nucleus[i])) modified = i;
  }
  if (modified != nucleus.size()) return modified;
  if (closed) return nucleus.size() - 1;         // hoàn, toán, huỳnh
  if (nucleus.size() == 3) return 1;             // ngoài, khuỷu, ngoẹo
  return 0;                                      // hòa, thúy, mùa, tài
}

}  // namespace

bool place_tone(std::span<Letter> letters) {
  const int onset = onset_length(letters);
  if (onset < 0) return false;
  for (int i = 0; i < onset; ++i) {
    if (has_vowel_modifier(letters[static_cast<std::size_t>(i)])) return false;
  }

  std::size_t nucleus_end = static_cast<std::size_t>(onset);
  while (nucleus_end < letters.size() && is_vowel(letters[nucleus_end].base)) ++nucleus_end;
  const std::size_t nucleus_size = nucleus_end - static_cast<std::size_t>(onset);
  if (nucleus_size == 0 || nucleus_size > 3) return false;
  const std::span<Letter> nucleus = letters.subspan(static_cast<std::size_t>(onset), nucleus_size);
  const std::span<Letter> coda = letters.subspan(nucleus_end);
  if (!is_valid_coda(coda)) return false;

  Tone tone = Tone::none;
  for (const Letter& letter : letters) {
    if (letter.tone == Tone::none) continue;
    if (tone != Tone::none) return false;  // two tones: not one syllable
    tone = letter.tone;
  }
  for (Letter& letter : letters) letter.tone = Tone::none;
  nucleus[tone_index(nucleus, !coda.empty())].tone = tone;
  return true;
}

bool is_i_y_variant(std::span<const char> folded) {
  if (folded.size() < 2) return false;
  const char last = folded.back();
  if (last != 'i' && last != 'y') return false;
  const std::string_view onset(folded.data(), folded.size() - 1);
  static constexpr std::array<std::string_view, 12> onsets = {
      "b", "h", "k", "l", "m", "n", "s", "t", "th", "v", "x", "qu"};
  for (std::string_view candidate : onsets) {
    if (onset == candidate) return true;
  }
  return false;
}

}  // namespace vankien::analysis
