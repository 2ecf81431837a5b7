#include "accents.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
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

// Token i (of all the query's tokens, numbers and codes too) is "so" naming
// the number after it.
template <typename Pointer>
bool names_a_number(const std::vector<Pointer>& tokens, std::size_t i) {
  return tokens[i]->folded == "so" && i + 1 < tokens.size() && tokens[i + 1]->kind != TokenKind::word;
}

// Token i stands right after token i - 1, both words, parted by blanks only.
bool follows(const std::string& query, const std::vector<QueryToken*>& tokens, std::size_t i) {
  return i > 0 && tokens[i - 1]->kind == TokenKind::word &&
         storage::parted_by_blanks(query, tokens[i - 1]->end, tokens[i]->begin);
}

// A form other than the reading's ranks too where it has at least this share
// of the readings' weight: a rare word read wrongly would otherwise lose the
// weight its exact form carries (questions without diacritics, MRR@10 on
// benchmarks/quality.py: the reading alone 0.763; 0.05: 0.765, 0.1: 0.779,
// 0.15: 0.781, 0.2: 0.778, 0.3: 0.769).
constexpr double plausible_share = 0.15;

// The accented reading of the whole query: each word's usual form, unless
// how the index writes neighbouring words together says otherwise (the
// syllable pairs the indexer stored). A best path over each word's candidate
// forms, scored by the pairs' shares of their readings.
class Reading {
 public:
  struct Word {
    std::string folded;
    std::string usual;  ///< the usual form (the folded form when bare)
    std::vector<std::string> candidates;
    bool follows_previous = false;
    bool fixed = false;  ///< "số" before a number: not open to other readings
  };

  Reading(std::vector<Word>& words, const Handle& shards, const Vocabulary& vocabulary)
      : words_(words), pairs_(words.size()) {
    std::size_t looked_up = 0;
    for (std::size_t i = 1; i < words_.size() && looked_up < max_pairs_looked_up; ++i) {
      if (!words_[i].follows_previous || words_[i].fixed || words_[i - 1].fixed) continue;
      ++looked_up;
      pairs_[i] = vocabulary.pair_readings(shards, words_[i - 1].folded, words_[i].folded);
    }
    for (std::size_t i = 0; i < words_.size(); ++i) {
      Word& word = words_[i];
      word.candidates = {word.usual};
      if (word.fixed) continue;
      const auto offer = [&](const std::string& form) {
        if (std::find(word.candidates.begin(), word.candidates.end(), form) == word.candidates.end()) {
          word.candidates.push_back(form);
        }
      };
      for (const storage::PairReading& reading : pairs_[i].readings) offer(reading.second);
      if (i + 1 < words_.size()) {
        for (const storage::PairReading& reading : pairs_[i + 1].readings) offer(reading.first);
      }
    }
  }

  // The best reading whose forms the caller's clearance shows. A form that
  // only documents above it hold is struck out and the path found again: the
  // forms on a path are checked, not every candidate, as each check is a
  // search. Every round strikes a candidate, so the rounds are bounded.
  std::vector<std::string> best_shown(const ClearanceLimit& clearance, const Xapian::Database& db) {
    std::set<std::string> shown;
    for (;;) {
      std::vector<std::string> path = best();
      if (!clearance.limits()) return path;
      bool struck = false;
      for (std::size_t i = 0; i < path.size(); ++i) {
        Word& word = words_[i];
        if (path[i] == word.usual || !has_diacritics(path[i]) || shown.count(path[i])) continue;
        if (clearance.shows(db, std::string(schema::exact) + path[i])) {
          shown.insert(path[i]);
        } else {
          word.candidates.erase(std::find(word.candidates.begin(), word.candidates.end(), path[i]));
          struck = true;
        }
      }
      if (!struck) return path;
    }
  }

  // Each candidate's share of the weight of every reading of the query
  // (forward-backward over the paths best() chooses from): how likely the
  // form is where the word stands, the other words read either way.
  std::vector<std::vector<double>> shares() const {
    const std::size_t n = words_.size();
    std::vector<std::vector<double>> forward(n), backward(n), out(n);
    if (n == 0) return out;
    forward[0].assign(words_[0].candidates.size(), 0.0);
    for (std::size_t i = 1; i < n; ++i) {
      forward[i].assign(words_[i].candidates.size(), nothing);
      for (std::size_t c = 0; c < forward[i].size(); ++c) {
        for (std::size_t p = 0; p < forward[i - 1].size(); ++p) {
          forward[i][c] = log_sum(forward[i][c], forward[i - 1][p] +
                                                     together(i, words_[i - 1].candidates[p], words_[i].candidates[c]));
        }
      }
    }
    backward[n - 1].assign(words_[n - 1].candidates.size(), 0.0);
    for (std::size_t i = n - 1; i-- > 0;) {
      backward[i].assign(words_[i].candidates.size(), nothing);
      for (std::size_t c = 0; c < backward[i].size(); ++c) {
        for (std::size_t k = 0; k < backward[i + 1].size(); ++k) {
          backward[i][c] = log_sum(backward[i][c], backward[i + 1][k] +
                                                       together(i + 1, words_[i].candidates[c], words_[i + 1].candidates[k]));
        }
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      double all = nothing;
      for (std::size_t c = 0; c < forward[i].size(); ++c) all = log_sum(all, forward[i][c] + backward[i][c]);
      for (std::size_t c = 0; c < forward[i].size(); ++c) out[i].push_back(std::exp(forward[i][c] + backward[i][c] - all));
    }
    return out;
  }

 private:
  // Viterbi over the words: best[i][c] is the best score of a reading of
  // words 0..i that ends in candidate c.
  std::vector<std::string> best() const {
    if (words_.empty()) return {};
    std::vector<std::vector<double>> score(words_.size());
    std::vector<std::vector<std::size_t>> from(words_.size());
    score[0].assign(words_[0].candidates.size(), 0.0);
    from[0].assign(words_[0].candidates.size(), 0);
    for (std::size_t i = 1; i < words_.size(); ++i) {
      const std::size_t count = words_[i].candidates.size();
      score[i].assign(count, nothing);
      from[i].assign(count, 0);
      for (std::size_t c = 0; c < count; ++c) {
        for (std::size_t p = 0; p < score[i - 1].size(); ++p) {
          const double total = score[i - 1][p] + together(i, words_[i - 1].candidates[p], words_[i].candidates[c]);
          if (total > score[i][c]) score[i][c] = total, from[i][c] = p;
        }
      }
    }
    std::vector<std::string> chosen(words_.size());
    std::size_t c = static_cast<std::size_t>(
        std::max_element(score.back().begin(), score.back().end()) - score.back().begin());
    for (std::size_t i = words_.size(); i-- > 0;) {
      chosen[i] = words_[i].candidates[c];
      c = from[i][c];
    }
    return chosen;
  }

  static constexpr double nothing = -std::numeric_limits<double>::infinity();  // log 0

  // log(e^a + e^b), without overflow.
  static double log_sum(double a, double b) {
    if (a == nothing) return b;
    if (b == nothing) return a;
    const double high = std::max(a, b);
    return high + std::log(std::exp(a - high) + std::exp(b - high));
  }

  // Bounds the lookups of a long text pasted whole: each is a round trip to
  // a remote shard the first time a pair is seen (the vocabulary keeps the
  // answers). As many as the words a search keeps (max_query_terms'
  // default): of 16 and 64, 64 restored more of UD VTB's syllables (0.851
  // against 0.831) and cost no more locally.
  static constexpr std::size_t max_pairs_looked_up = 64;
  // A reading of two neighbours the table has no entry for: the usual forms
  // are then the usual reading, and another is unlikely, though the pair may
  // simply never have been seen. Of 0.01, 0.05, 0.2 and 0.4, 0.2 restored the
  // most syllables on VNTC titles and UD VTB sentences together.
  static constexpr double unlisted_share = 0.2;

  // The log share of `first second` among the ways word i - 1 and word i are written together.
  double together(std::size_t i, const std::string& first, const std::string& second) const {
    if (!words_[i].follows_previous) return 0.0;
    const storage::PairReadings& pair = pairs_[i];
    if (pair.readings.empty()) {
      return first == words_[i - 1].usual && second == words_[i].usual ? 0.0 : std::log(unlisted_share);
    }
    for (const storage::PairReading& reading : pair.readings) {
      if (reading.first == first && reading.second == second) {
        return std::log(static_cast<double>(reading.count) / static_cast<double>(pair.total));  // total >= count
      }
    }
    return std::log(0.5 / static_cast<double>(std::max<std::uint64_t>(pair.total, 1)));
  }

  std::vector<Word>& words_;
  std::vector<storage::PairReadings> pairs_;  // [i]: words i - 1 and i
};

}  // namespace

void read_accents(Node& root, const std::string& query, const Handle& shards, const Vocabulary& vocabulary,
                  const ClearanceLimit& clearance) {
  if (has_diacritics(query)) return;
  const std::vector<QueryToken*> tokens = tokens_in_order(root);
  std::vector<Reading::Word> words;
  std::vector<QueryToken*> read;  // the token of each word
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const QueryToken& token = *tokens[i];
    if (token.kind != TokenKind::word) continue;
    Reading::Word word{token.folded, {}, {}, !words.empty() && follows(query, tokens, i), false};
    if (names_a_number(tokens, i)) {
      word.usual = number_word;
      word.fixed = true;
    } else {
      const std::string chosen = vocabulary.likely_accented(shards, token.folded);
      const bool shown = !chosen.empty() && has_diacritics(chosen) &&
                         (!clearance.limits() || clearance.shows(shards.all, std::string(schema::exact) + chosen));
      word.usual = shown ? chosen : token.folded;
    }
    words.push_back(std::move(word));
    read.push_back(tokens[i]);
  }
  Reading reading(words, shards, vocabulary);
  const std::vector<std::string> chosen = reading.best_shown(clearance, shards.all);
  // The other forms that rank are not checked against the clearance (each
  // check is a search): one only documents above it hold lifts none the
  // caller sees, and the suggestion shows the best path's alone.
  const std::vector<std::vector<double>> shares = reading.shares();
  for (std::size_t i = 0; i < words.size(); ++i) {
    // A word read bare is most often written bare, which no exact term
    // holds: another form would then rank above the likeliest.
    if (!has_diacritics(chosen[i])) continue;
    QueryToken& token = *read[i];
    token.reading = chosen[i];
    token.plausible.push_back(chosen[i]);
    for (std::size_t c = 0; c < words[i].candidates.size(); ++c) {
      const std::string& form = words[i].candidates[c];
      if (shares[i][c] >= plausible_share && form != chosen[i] && has_diacritics(form)) token.plausible.push_back(form);
    }
  }
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

std::string suggestion(const std::string& query, const Node& root, const AccentVotes& votes) {
  std::string out;
  std::size_t copied = 0;
  bool changed = false;
  const std::vector<const QueryToken*> tokens = tokens_in_order(root);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const QueryToken* token = tokens[i];
    if (token->kind != TokenKind::word) continue;
    std::string chosen = token->reading;
    if (const auto voted = votes.find(token->folded); voted != votes.end() && !names_a_number(tokens, i)) {
      int best = 0;
      for (const auto& [spelling, count] : voted->second) {
        if (count > best || (count == best && spelling < chosen)) best = count, chosen = spelling;
      }
    }
    if (!has_diacritics(chosen)) continue;
    out.append(query, copied, token->begin - copied);
    out += in_typed_case(chosen, token->typed);
    copied = token->end;
    changed = true;
  }
  if (!changed) return {};
  out.append(query, copied);
  return out;
}

}  // namespace vankien::query
