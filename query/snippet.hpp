#pragma once
// Snippets: the part of a document's body where the query's words gather,
// with every match marked. Matches are found on folded words, so "lanh dao"
// marks "lãnh đạo", and are given as byte ranges of the stored body, which
// always fall on word boundaries (never inside a UTF-8 sequence or before a mark).

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "accents.hpp"
#include "storage/document_record.hpp"
#include "vankien/search.hpp"

namespace vankien::query {

/// The stretch of the body to look for matches in, for a caller that knows
/// from the index where the best passage is. Words are counted from 0.
struct ScanRange {
  std::size_t first_byte = 0;         ///< where a word starts, just after a space (or 0)
  std::uint32_t first_position = 0;   ///< that word's number
  std::uint32_t last_position = UINT32_MAX;
  /// Where analysis may restart (the stored record's word index): the body
  /// is read from one to the next, and no further than needed. Without
  /// them it is read in one piece.
  const std::vector<storage::Checkpoint>* checkpoints = nullptr;
};

/// One word a snippet marks: its folded form, and the form the user typed
/// with diacritics, if any. Where the body has that exact form, only it is
/// marked ("bán" does not mark "bàn" beside it); where it has none, every
/// folded match is, as that is what the document matched by.
struct HighlightWord {
  std::string folded;
  std::string exact;  ///< normalised, as Token::text; empty: any form
};

/// What a query marks: runs of words that are marked only where they stand
/// together (a phrase, an abbreviation's expansion), single words anywhere.
class Highlighting {
 public:
  void add_run(std::vector<HighlightWord> run);
  void add_word(HighlightWord word) { add_run({std::move(word)}); }
  /// A word the body is searched for (it counts toward the passage chosen
  /// and toward accent votes) but not marked on its own.
  void add_unmarked(const std::string& folded) { folded_terms_.insert(folded); }
  /// Each of these folded words anywhere, in any form.
  static Highlighting of_words(const std::set<std::string>& folded);

  const std::vector<std::vector<HighlightWord>>& runs() const { return runs_; }
  /// Every folded word of every run: what the body is searched for.
  const std::set<std::string>& folded_terms() const { return folded_terms_; }

 private:
  std::vector<std::vector<HighlightWord>> runs_;
  std::set<std::string> folded_terms_;
};

/// With `votes`, also counts how the query's neighbouring words are written
/// where they stand together in the body (`sequence`: the query's folded words).
/// The body is read from `range.first_byte` until a passage holds every term
/// (checkpoint to checkpoint), and never past `range.last_position`.
Snippet make_snippet(std::string_view body, const Highlighting& highlighting,
                     std::size_t length, const std::vector<std::string>& sequence = {},
                     AccentVotes* votes = nullptr, const ScanRange& range = {});

/// Text with &, <, >, " and ' escaped for HTML.
std::string html_escape(std::string_view text);

}  // namespace vankien::query
