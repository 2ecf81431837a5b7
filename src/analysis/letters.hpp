#pragma once
// Vietnamese letters as (base, vowel modifier, tone): the model every other stage
// works on. "ệ" is (e, circumflex, dot below) whether it arrived precomposed, as
// e + U+0323 + U+0302, or as ê + U+0323. Tables are built once from ICU's own
// composition data, so no code point is typed by hand.

#include <cstdint>

namespace vankien::analysis {

enum class Modifier : std::uint8_t { none, circumflex, breve, horn, stroke };
// Tones in the order Vietnamese grammars list them.
enum class Tone : std::uint8_t { none, grave, acute, hook, tilde, dot };

/// A letter this module understands: ASCII a-z, đ, and every Vietnamese vowel.
struct Letter {
  char base = 0;  // 'a'..'z' in lower case; 'd' with Modifier::stroke is đ
  Modifier modifier = Modifier::none;
  Tone tone = Tone::none;
};

/// Looks up a precomposed letter (either case). Ð (U+00D0) and ð read as đ.
bool decompose_letter(char32_t cp, Letter& out);

/// What a combining mark adds to the letter before it.
struct MarkEffect {
  bool is_tone = false;
  Tone tone = Tone::none;
  Modifier modifier = Modifier::none;
};
bool decompose_mark(char32_t cp, MarkEffect& out);

/// The lower-case precomposed code point for a letter, or 0 when Unicode has
/// none (a tone on a consonant, a circumflex on 'u' ...).
char32_t compose_letter(const Letter& letter);

inline bool is_vowel(char base) {
  return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' ||
         base == 'y';
}

}  // namespace vankien::analysis
