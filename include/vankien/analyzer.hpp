#pragma once
// The Vietnamese text analyzer: turns raw bytes into searchable tokens.
//
// The indexer, the query parser and the Python bindings all analyse text through
// this class, so a document and a query typed in a different Unicode form, tone
// style or case always meet on the same tokens.
//
// Pipeline, one stage a file under src/analysis/:
//   decode (UTF-8, invalid sequences replaced by U+FFFD and counted)
//   -> split into words, numbers and document codes
//   -> normalise each word (NFC, canonical tone placement, mark repair, case folding)
//   -> fold (all marks removed, đ -> d, i/y spelling variants merged).
// Every token keeps the byte range of the ORIGINAL input it came from, so
// highlights can be drawn on the text exactly as it was stored.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vankien {

enum class TokenKind : std::uint8_t {
  word,    ///< a syllable or other run of letters (may contain digits: "ubtvqh15")
  number,  ///< a run of ASCII digits
  code,    ///< a whole document code ("12-nq/hu"); its parts follow as their own tokens
};

struct Token {
  std::string text;     ///< normalised: NFC, lower case, canonical tone placement
  std::string folded;   ///< no marks, đ -> d, "lý"/"lí" -> "li"
  TokenKind kind = TokenKind::word;
  std::uint32_t position = 0;  ///< a code shares the position of its first part
  std::size_t begin = 0;       ///< byte offset in the original input
  std::size_t end = 0;         ///< one past the last byte in the original input

  bool operator==(const Token&) const = default;
};

/// What decoding found wrong with the input; the text was analysed anyway.
struct DecodeReport {
  std::size_t invalid_utf8 = 0;        ///< invalid sequences, each replaced by U+FFFD
  std::size_t first_invalid_offset = 0;  ///< byte offset of the first one
  explicit operator bool() const { return invalid_utf8 != 0; }
};

struct Analysis {
  std::vector<Token> tokens;
  DecodeReport decode;
};

class Analyzer {
 public:
  using TokenSink = std::function<void(const Token&)>;

  /// Analyses `text`; never throws on bad input.
  Analysis analyze(std::string_view text) const;

  /// Streams tokens to `sink` in order, without building a vector.
  DecodeReport analyze(std::string_view text, const TokenSink& sink) const;
};

}  // namespace vankien
