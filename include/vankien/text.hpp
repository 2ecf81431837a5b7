#pragma once
// Whole-string helpers built on the analyzer's stages, for callers that need a
// normalised or folded string rather than tokens (display keys, facet values,
// comparisons). Both are idempotent.

#include <string>
#include <string_view>

namespace vankien {

/// NFC, lower case, canonical tone placement ("hoà" -> "hòa", "lựơng" -> "lượng",
/// "Ð" -> "đ"); characters between words are kept (punctuation NFC-composed,
/// invalid UTF-8 replaced by U+FFFD). Case folding is letter for letter
/// ("ẞ" -> "ß", never "ss"), so a word keeps its length in letters.
std::string normalize(std::string_view text);

/// normalize(), then every word folded: marks removed, "đ" -> "d", i/y spelling
/// variants merged ("Lãnh đạo" -> "lanh dao", "kỹ" -> "ki").
std::string fold(std::string_view text);

/// True when `text` has at least one Vietnamese tone or vowel mark, or "đ".
bool has_diacritics(std::string_view text);

}  // namespace vankien
