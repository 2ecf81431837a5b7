#include "analysis/letters.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <vector>

namespace vankien::analysis {

namespace {

constexpr char32_t table_first = 0x00C0;
constexpr char32_t table_last = 0x1EFF;

constexpr std::array<char32_t, 6> tone_marks = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
constexpr std::array<char32_t, 5> modifier_marks = {0, 0x0302, 0x0306, 0x031B, 0};

struct Tables {
  // Indexed by code point - table_first; base == 0 means "not a letter we know".
  std::vector<Letter> decomposed = std::vector<Letter>(table_last - table_first + 1);
  // [base - 'a'][modifier][tone] -> lower-case code point.
  std::array<std::array<std::array<char32_t, 6>, 5>, 26> composed{};

  Tables() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    struct Vowel {
      char base;
      std::vector<Modifier> modifiers;
    };
    const std::vector<Vowel> vowels = {
        {'a', {Modifier::none, Modifier::circumflex, Modifier::breve}},
        {'e', {Modifier::none, Modifier::circumflex}},
        {'i', {Modifier::none}},
        {'o', {Modifier::none, Modifier::circumflex, Modifier::horn}},
        {'u', {Modifier::none, Modifier::horn}},
        {'y', {Modifier::none}},
    };
    for (const Vowel& vowel : vowels) {
      for (Modifier modifier : vowel.modifiers) {
        for (std::size_t t = 0; t < tone_marks.size(); ++t) {
          const Letter letter{vowel.base, modifier, static_cast<Tone>(t)};
          for (bool upper : {false, true}) {
            icu::UnicodeString decomposed_form(
                static_cast<UChar32>(upper ? vowel.base - 'a' + 'A' : vowel.base));
            if (modifier != Modifier::none) {
              decomposed_form.append(
                  static_cast<UChar32>(modifier_marks[static_cast<std::size_t>(modifier)]));
            }
            if (t != 0) decomposed_form.append(static_cast<UChar32>(tone_marks[t]));
            const icu::UnicodeString precomposed = nfc->normalize(decomposed_form, status);
            if (U_FAILURE(status) || precomposed.countChar32() != 1) continue;
            const auto cp = static_cast<char32_t>(precomposed.char32At(0));
            if (!upper) composed[static_cast<std::size_t>(vowel.base - 'a')]
                                [static_cast<std::size_t>(modifier)][t] = cp;
            if (cp >= table_first && cp <= table_last) decomposed[cp - table_first] = letter;
          }
        }
      }
    }
    for (char c = 'a'; c <= 'z'; ++c) composed[static_cast<std::size_t>(c - 'a')][0][0] = c;
    const Letter d_stroke{'d', Modifier::stroke, Tone::none};
    composed['d' - 'a'][static_cast<std::size_t>(Modifier::stroke)][0] = 0x0111;
    for (char32_t cp : {0x0110u, 0x0111u, 0x00D0u, 0x00F0u}) decomposed[cp - table_first] = d_stroke;
  }
};

const Tables& tables() {
  static const Tables instance;
  return instance;
}

}  // namespace

bool decompose_letter(char32_t cp, Letter& out) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') {
      out = {static_cast<char>(cp), Modifier::none, Tone::none};
      return true;
    }
    if (cp >= 'A' && cp <= 'Z') {
      out = {static_cast<char>(cp - 'A' + 'a'), Modifier::none, Tone::none};
      return true;
    }
    return false;
  }
  if (cp < table_first || cp > table_last) return false;
  const Letter& letter = tables().decomposed[cp - table_first];
  if (letter.base == 0) return false;
  out = letter;
  return true;
}

bool decompose_mark(char32_t cp, MarkEffect& out) {
  switch (cp) {
    case 0x0300: case 0x0340: out = {true, Tone::grave, Modifier::none}; return true;
    case 0x0301: case 0x0341: out = {true, Tone::acute, Modifier::none}; return true;
    case 0x0309: out = {true, Tone::hook, Modifier::none}; return true;
    case 0x0303: out = {true, Tone::tilde, Modifier::none}; return true;
    case 0x0323: out = {true, Tone::dot, Modifier::none}; return true;
    case 0x0302: out = {false, Tone::none, Modifier::circumflex}; return true;
    case 0x0306: out = {false, Tone::none, Modifier::breve}; return true;
    case 0x031B: out = {false, Tone::none, Modifier::horn}; return true;
    default: return false;
  }
}

char32_t compose_letter(const Letter& letter) {
  if (letter.base < 'a' || letter.base > 'z') return 0;
  return tables().composed[static_cast<std::size_t>(letter.base - 'a')]
                          [static_cast<std::size_t>(letter.modifier)]
                          [static_cast<std::size_t>(letter.tone)];
}

}  // namespace vankien::analysis
