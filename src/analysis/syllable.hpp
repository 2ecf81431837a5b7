#pragma once
// Stage 3b: canonical tone placement for one Vietnamese syllable.
//
// The canonical style puts the tone of an OPEN syllable with two plain vowels on
// the first one: hòa, khỏe, thúy, ủy (the "traditional" style). Real search
// queries use it about twelve times as often as hoà/thuý, so normalised text reads
// the way users type. Closed syllables (hoàn), syllables with ê/ơ/ư/â/ă/ô and
// qu-/gi- syllables are written the same in both styles and stay as they are.
//
// Because the tone is re-placed from the syllable's structure, wherever a typing
// tool put it, misplaced marks are repaired too: "lựơng" -> "lượng",
// "qũy" -> "quỹ", "tóan" -> "toán".

#include <span>

#include "analysis/letters.hpp"

namespace vankien::analysis {

/// Moves the syllable's single tone to its canonical vowel. Returns false, and
/// changes nothing, when `letters` is not one well-formed Vietnamese syllable
/// (foreign word, two tones, no vowel, bad final consonant ...).
bool place_tone(std::span<Letter> letters);

/// True for spellings where i and y are interchangeable variants: a single
/// consonant (b h k l m n s t th v x) or qu followed by a lone i or y, with any
/// tone: lí/lý, kĩ/kỹ, qui/quy. Expects folded (unmarked) ASCII.
bool is_i_y_variant(std::span<const char> folded);

}  // namespace vankien::analysis
