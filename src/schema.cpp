#include "vankien/schema.hpp"

#include "vankien/text.hpp"

namespace vankien::schema {

std::string facet_key(std::string_view value) {
  const std::string folded = fold(value);
  std::string key;
  bool pending_separator = false;
  for (char c : folded) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80;
    if (!keep) {
      pending_separator = !key.empty();
      continue;
    }
    if (pending_separator) key += '_';
    pending_separator = false;
    key += c;
  }
  return key;
}

}  // namespace vankien::schema
