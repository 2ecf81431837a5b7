#include "query/accents.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <vector>

#include "query/query_builder.hpp"
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

bool is_visible(const Xapian::Database& db, const ClearanceLimit& clearance, const std::string& term) {
  Xapian::Enquire enquire(db);
  enquire.set_query(clearance.apply(Xapian::Query(term)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

}  // namespace

AccentedQuery restore_accents(const std::string& query, const Xapian::Database& db,
                              const Vocabulary& vocabulary,
                              const ClearanceLimit& clearance) {
  AccentedQuery out;
  if (has_diacritics(query)) return out;
  Analyzer().analyze(query, [&](const Token& token) {
    if (token.kind != TokenKind::word || out.forms.count(token.folded)) return;
    const std::string chosen = vocabulary.likely_accented(db, token.folded);
    if (chosen.empty() || !has_diacritics(chosen)) return;
    if (clearance.limits() && !is_visible(db, clearance, std::string(schema::exact) + chosen)) return;
    out.forms.emplace(token.folded, chosen);
  });
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
  Analyzer().analyze(query, [&](const Token& token) {
    if (token.kind != TokenKind::word) return;
    std::string chosen;
    if (const auto voted = votes.find(token.folded); voted != votes.end()) {
      int best = 0;
      for (const auto& [spelling, count] : voted->second) {
        if (count > best || (count == best && spelling < chosen)) best = count, chosen = spelling;
      }
    }
    if (chosen.empty()) {
      const auto guessed = guess.forms.find(token.folded);
      if (guessed != guess.forms.end()) chosen = guessed->second;
    }
    if (chosen.empty() || !has_diacritics(chosen)) return;
    out.append(query, copied, token.begin - copied);
    out += in_typed_case(chosen, std::string_view(query).substr(token.begin, token.end - token.begin));
    copied = token.end;
    changed = true;
  });
  if (!changed) return {};
  out.append(query, copied);
  return out;
}

}  // namespace vankien::query
