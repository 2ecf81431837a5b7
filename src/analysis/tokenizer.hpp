#pragma once
// Stage 2: splitting decoded text into words, numbers and document codes.
//
// A word is a run of letters and digits with the combining marks that follow
// them, so a highlight can never split a mark from its letter. Runs joined by a
// single '-' or '/' form a chain; a chain that starts with a number, contains a
// '/' and has a part starting with a letter is a document code ("12-NQ/HU",
// "1654/NQ-UBTVQH15", "22/2019/NQ-HĐND"). A code is emitted whole, then each of
// its parts, the whole sharing the position of its first part. Dates such as
// "15/3/2019" have no letters and stay three numbers. As typed in real posts,
// any dash joins like '-' (‐ ‑ ‒ – — −), and the dash after a code's leading
// number may have a space on either side: "35- NQ/TW", "35 – NQ/TW" are
// "35-nq/tw". A chain that is part of a file's path or name
// ("/uploads/2020/06/12-nq.jpg") is no code: its parts are words.

#include <cstddef>
#include <string_view>
#include <vector>

#include "analysis/utf8.hpp"
#include "analysis/word.hpp"
#include "vankien/analyzer.hpp"

namespace vankien::analysis {

/// Words are cut after this many letters (before a letter, never before a
/// mark), which keeps every term well under Xapian's 245-byte limit.
inline constexpr std::size_t max_word_letters = 64;

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const Analyzer::TokenSink& sink) : text_(text), sink_(sink) {}

  /// Tokenizes the whole input, calling the sink once per token.
  DecodeReport run();

 private:
  struct Run {
    std::size_t begin = 0, end = 0;  // byte range in the input
    std::size_t letters = 0;  // letters and digits, not marks
    char separator_before = 0;               // '-' or '/' joining it to the previous run
    bool starts_with_letter = false;
    bool all_digits = true;
  };

  bool read_run(Utf8Reader& reader, CodePoint& cp);
  void flush_chain();
  bool is_path_part(std::size_t begin, std::size_t end) const;
  void emit_word(const Run& run);
  std::string_view raw(const Run& run) const { return text_.substr(run.begin, run.end - run.begin); }
  void emit_code();
  void emit_separate(const CodePoint& cp);

  std::string_view text_;
  const Analyzer::TokenSink& sink_;
  std::vector<Run> chain_;
  std::size_t last_run_end_ = static_cast<std::size_t>(-1);
  char pending_separator_ = 0;  // a '-' or '/' right after a run, not yet known to join
  int spaces_ = 0;              // spaces around the dash after a chain's leading number
  std::uint32_t position_ = 0;
  Token token_;
  Token code_;
  WordNormalizer normalizer_;
};

}  // namespace vankien::analysis
