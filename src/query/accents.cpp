#include "query/accents.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <map>
#include <vector>

#include "vankien/analyzer.hpp"
#include "vankien/schema.hpp"
#include "vankien/text.hpp"

namespace vankien::query {

namespace {

// Documents read per phrase, and how much of each: enough to vote, cheap to scan.
constexpr Xapian::doccount documents_per_phrase = 5;
constexpr std::size_t scanned_bytes = 16 * 1024;

using Votes = std::vector<std::map<std::string, int>>;

// Finds the first place in `text` where the folded words stand in a row and
// votes for the spellings found there, at positions [first, first + words.size()).
bool vote_from(std::string_view text, const std::vector<std::string>& words, std::size_t first,
               Votes& votes) {
  std::vector<std::string> window;  // spellings of the last words.size() tokens
  std::vector<std::string> folded;
  bool found = false;
  Analyzer().analyze(text.substr(0, std::min(text.size(), scanned_bytes)), [&](const Token& token) {
    if (found || token.kind == TokenKind::code) return;
    window.push_back(token.text);
    folded.push_back(token.folded);
    if (folded.size() > words.size()) {
      window.erase(window.begin());
      folded.erase(folded.begin());
    }
    if (folded == words) {
      for (std::size_t k = 0; k < words.size(); ++k) ++votes[first + k][window[k]];
      found = true;
    }
  });
  return found;
}

bool vote_phrase(const Xapian::Database& db, const Xapian::Query& visible,
                 const std::vector<std::string>& folded_words, std::size_t first,
                 std::size_t count, Votes& votes) {
  const std::vector<std::string> words(folded_words.begin() + static_cast<std::ptrdiff_t>(first),
                                       folded_words.begin() + static_cast<std::ptrdiff_t>(first + count));
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(
      Xapian::Query::OP_FILTER,
      Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                    static_cast<Xapian::termcount>(words.size())),
      visible));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  bool any = false;
  const Xapian::MSet mset = enquire.get_mset(0, documents_per_phrase);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    // The stored document is JSON; its text, escaped or not, still holds the
    // words in a row, and the analyzer reads past the JSON punctuation.
    any = vote_from(it.get_document().get_data(), words, first, votes) || any;
  }
  return any;
}

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

bool is_visible(const Xapian::Database& db, const Xapian::Query& visible, const std::string& term) {
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(term), visible));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

}  // namespace

AccentedQuery restore_accents(const std::string& query, const Xapian::Database& db,
                              const Vocabulary& vocabulary, const Xapian::Query& visible) {
  AccentedQuery out;
  if (has_diacritics(query)) return out;
  std::vector<Token> tokens;
  Analyzer().analyze(query, [&](const Token& token) {
    if (token.kind == TokenKind::word) tokens.push_back(token);
  });
  if (tokens.empty()) return out;

  std::vector<std::string> folded;
  for (const Token& token : tokens) folded.push_back(token.folded);
  Votes votes(tokens.size());
  if (tokens.size() >= 2 && !vote_phrase(db, visible, folded, 0, tokens.size(), votes)) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) vote_phrase(db, visible, folded, i, 2, votes);
  }

  std::size_t copied = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::string chosen;
    int best = 0;
    for (const auto& [spelling, count] : votes[i]) {
      if (count > best) best = count, chosen = spelling;
    }
    if (chosen.empty()) {
      chosen = vocabulary.likely_accented(db, folded[i]);
      if (!chosen.empty() && !is_visible(db, visible, std::string(schema::exact) + chosen)) chosen.clear();
    }
    if (chosen.empty() || !has_diacritics(chosen)) continue;
    out.forms.emplace(folded[i], chosen);
    out.text.append(query, copied, tokens[i].begin - copied);
    out.text += in_typed_case(chosen, std::string_view(query).substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    copied = tokens[i].end;
  }
  if (out.forms.empty()) return {};
  out.text.append(query, copied);
  return out;
}

}  // namespace vankien::query
