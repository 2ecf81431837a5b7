#include "accents.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <vector>

#include "query_builder.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/schema.hpp"
#include "vankien/text.hpp"

namespace vankien::query {

namespace {

// The chosen spelling in the case the user typed: "Ri" -> "Rì", "NA" -> "NÀ".
std::string in_typed_case(const std::string& chosen, std::string_view typed) {
  const icu::UnicodeString original = icu::UnicodeString::fromUTF8(
      icu::StringPiece(typed.data(), static_cast<int32_t>(typed.size())));
  icu::UnicodeString out = icu::UnicodeString::fromUTF8(chosen);
  if (original.isEmpty() || !u_isupper(original.char32At(0))) return chosen;
  bool all_upper = true;
  for (int32_t i = 0; i < original.length(); i = original.moveIndex32(i, 1)) {
    if (u_islower(original.char32At(i))) all_upper = false;
  }
  if (all_upper && original.countChar32() > 1) {
    out.toUpper(icu::Locale("vi"));
  } else {
    const UChar32 first = out.char32At(0);
    out.replace(0, U16_LENGTH(first), u_toupper(first));
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

// "so" just before a number or a document code is "số" (number), however
// the index most often writes the syllable ("sở", an office): "so 11 ct hu".
constexpr std::string_view number_word = "số";

std::vector<Token> words_and_numbers(const std::string& query) {
  std::vector<Token> tokens;
  std::size_t code_end = 0;
  Analyzer().analyze(query, [&](const Token& token) {
    if (token.begin < code_end) return;  // a part of a code
    if (token.kind == TokenKind::code) code_end = token.end;
    tokens.push_back(token);
  });
  return tokens;
}

bool names_a_number(const std::vector<Token>& tokens, std::size_t i) {
  return tokens[i].folded == "so" && i + 1 < tokens.size() && tokens[i + 1].kind != TokenKind::word;
}

}  // namespace

AccentedQuery restore_accents(const std::string& query, const Handle& shards,
                              const Vocabulary& vocabulary,
                              const ClearanceLimit& clearance) {
  AccentedQuery out;
  if (has_diacritics(query)) return out;
  const std::vector<Token> tokens = words_and_numbers(query);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (names_a_number(tokens, i)) out.forms.insert_or_assign(tokens[i].folded, std::string(number_word));
  }
  for (const Token& token : tokens) {
    if (token.kind != TokenKind::word || out.forms.count(token.folded)) continue;
    const std::string chosen = vocabulary.likely_accented(shards, token.folded);
    if (chosen.empty() || !has_diacritics(chosen)) continue;
    if (clearance.limits() && !clearance.shows(shards.all, std::string(schema::exact) + chosen)) continue;
    out.forms.emplace(token.folded, chosen);
  }
  out.text = suggestion(query, out, {});
  return out;
}

AccentVotes merged(const std::vector<AccentVotes>& votes) {
  AccentVotes all;
  for (const AccentVotes& one : votes) {
    for (const auto& [folded, spellings] : one) {
      for (const auto& [spelling, count] : spellings) all[folded][spelling] += count;
    }
  }
  return all;
}

std::string suggestion(const std::string& query, const AccentedQuery& guess, const AccentVotes& votes) {
  if (guess.forms.empty() && votes.empty()) return {};
  std::string out;
  std::size_t copied = 0;
  bool changed = false;
  const std::vector<Token> tokens = words_and_numbers(query);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (token.kind != TokenKind::word) continue;
    std::string chosen;
    if (names_a_number(tokens, i)) {
      chosen = number_word;
    } else if (const auto voted = votes.find(token.folded); voted != votes.end()) {
      int best = 0;
      for (const auto& [spelling, count] : voted->second) {
        if (count > best || (count == best && spelling < chosen)) best = count, chosen = spelling;
      }
    }
    if (chosen.empty()) {
      const auto guessed = guess.forms.find(token.folded);
      if (guessed != guess.forms.end()) chosen = guessed->second;
    }
    if (chosen.empty() || !has_diacritics(chosen)) continue;
    out.append(query, copied, token.begin - copied);
    out += in_typed_case(chosen, std::string_view(query).substr(token.begin, token.end - token.begin));
    copied = token.end;
    changed = true;
  }
  if (!changed) return {};
  out.append(query, copied);
  return out;
}

}  // namespace vankien::query
