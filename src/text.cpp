#include "vankien/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "analysis/letters.hpp"
#include "analysis/utf8.hpp"
#include "vankien/analyzer.hpp"

namespace vankien {

namespace {

// Appends the text between two words: invalid UTF-8 replaced, NFC-composed.
void append_gap(std::string& out, std::string_view gap) {
  std::string decoded;
  analysis::Utf8Reader reader(gap);
  analysis::CodePoint cp;
  bool ascii = true;
  while (reader.next(cp)) {
    analysis::append_utf8(decoded, cp.value);
    ascii = ascii && cp.value < 0x80;
  }
  if (ascii) {
    out += decoded;
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString composed = nfc->normalize(icu::UnicodeString::fromUTF8(decoded), status);
  if (U_FAILURE(status)) {
    out += decoded;
    return;
  }
  composed.toUTF8String(out);
}

// Rebuilds `text` with every word replaced by its normalised or folded form.
std::string rebuild(std::string_view text, bool folded) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied_to = 0;
  Analyzer().analyze(text, [&](const Token& token) {
    if (token.kind == TokenKind::code) return;  // its parts follow
    append_gap(out, text.substr(copied_to, token.begin - copied_to));
    out += folded ? token.folded : token.text;
    copied_to = token.end;
  });
  append_gap(out, text.substr(copied_to));
  return out;
}

}  // namespace

std::string normalize(std::string_view text) { return rebuild(text, false); }

std::string fold(std::string_view text) { return rebuild(text, true); }

bool has_diacritics(std::string_view text) {
  analysis::Utf8Reader reader(text);
  analysis::CodePoint cp;
  while (reader.next(cp)) {
    if (cp.value < 0x80) continue;
    analysis::Letter letter;
    analysis::MarkEffect mark;
    if (analysis::decompose_mark(cp.value, mark)) return true;
    if (analysis::decompose_letter(cp.value, letter) &&
        (letter.tone != analysis::Tone::none || letter.modifier != analysis::Modifier::none)) {
      return true;
    }
  }
  return false;
}

}  // namespace vankien
