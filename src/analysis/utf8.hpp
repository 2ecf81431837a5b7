#pragma once
// Stage 1: UTF-8 decoding. Strict (no overlongs, surrogates or values above
// U+10FFFF); each maximal invalid subpart becomes one U+FFFD, as the Unicode
// standard recommends, so one bad byte never swallows the valid text after it.

#include <cstddef>
#include <string>
#include <string_view>

namespace vankien::analysis {

inline constexpr char32_t replacement_char = 0xFFFD;

struct CodePoint {
  char32_t value = 0;
  std::size_t begin = 0;  // byte offsets in the input
  std::size_t end = 0;
  bool invalid = false;   // value is U+FFFD standing for bad bytes
};

class Utf8Reader {
 public:
  explicit Utf8Reader(std::string_view text) : text_(text) {}

  /// Reads the next code point; false at the end of the input.
  bool next(CodePoint& out) {
    if (pos_ >= text_.size()) return false;
    const auto byte = static_cast<unsigned char>(text_[pos_]);
    if (byte >= 0x80) return next_multibyte(out);
    out = {byte, pos_, pos_ + 1, false};
    ++pos_;
    return true;
  }
  std::size_t offset() const { return pos_; }

 private:
  bool next_multibyte(CodePoint& out);

  std::string_view text_;
  std::size_t pos_ = 0;
};

void append_utf8(std::string& out, char32_t cp);

/// Byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view text);

}  // namespace vankien::analysis
