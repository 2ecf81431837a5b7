// UTF-16 files, as Windows tools save "Unicode" text: recognised by their byte
// order mark and turned into UTF-8 before any reader sees them.
#include "analysis/utf8.hpp"
#include "readers.hpp"

namespace vankien::readers {

std::optional<bool> utf16_byte_order(std::string_view content) {
  if (content.starts_with("\xFF\xFE")) return true;
  if (content.starts_with("\xFE\xFF")) return false;
  return std::nullopt;
}

Utf16Result utf16_to_utf8(std::string_view content, bool little_endian) {
  Utf16Result result;
  result.text.reserve(content.size() + content.size() / 2);
  const auto unit_at = [&](std::size_t at) {
    const auto first = static_cast<unsigned char>(content[at]), second = static_cast<unsigned char>(content[at + 1]);
    return static_cast<char32_t>(little_endian ? first | (second << 8) : (first << 8) | second);
  };
  std::size_t at = 2;  // after the byte order mark
  while (at + 1 < content.size()) {
    const char32_t unit = unit_at(at);
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
      result.bad_offset = at;
      return result;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const char32_t low = at + 3 < content.size() ? unit_at(at + 2) : 0;
      if (low < 0xDC00 || low > 0xDFFF) {
        result.bad_offset = at;
        return result;
      }
      analysis::append_utf8(result.text, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
      at += 4;
      continue;
    }
    analysis::append_utf8(result.text, unit);
    at += 2;
  }
  if (at < content.size()) result.bad_offset = at;  // half a code unit at the end
  return result;
}

}  // namespace vankien::readers
