#include "analysis/utf8.hpp"

namespace vankien::analysis {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

bool Utf8Reader::next_multibyte(CodePoint& out) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  const std::size_t size = text_.size();
  const std::size_t start = pos_;
  const unsigned char lead = bytes[start];
  out.begin = start;
  out.invalid = false;

  // Sequence length and the allowed range of the second byte (Unicode table 3-7).
  std::size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;  // nothing above U+10FFFF
  }

  std::size_t consumed = 1;
  bool valid = length != 0;
  for (std::size_t i = 1; valid && i < length; ++i) {
    if (start + i >= size) {
      valid = false;
      break;
    }
    const unsigned char byte = bytes[start + i];
    const bool in_range = i == 1 ? (byte >= second_min && byte <= second_max)
                                 : is_continuation(byte);
    if (!in_range) {
      valid = false;
      break;
    }
    value = (value << 6) | (byte & 0x3F);
    ++consumed;
  }

  pos_ = start + consumed;
  out.end = pos_;
  if (!valid) {
    out.value = replacement_char;
    out.invalid = true;
  } else {
    out.value = value;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t first_invalid_utf8(std::string_view text) {
  Utf8Reader reader(text);
  for (CodePoint cp; reader.next(cp);) {
    if (cp.invalid) return cp.begin;
  }
  return std::string_view::npos;
}

}  // namespace vankien::analysis
