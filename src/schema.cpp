#include "vankien/schema.hpp"

#include <algorithm>
#include <cmath>

#include "vankien/text.hpp"

namespace vankien::schema {

std::string id_term(std::string_view document_id) { return std::string(id).append(document_id); }

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

unsigned stored_wdf(unsigned raw_wdf, unsigned length) {
  if (raw_wdf == 0) return 0;
  const double ratio = std::max(static_cast<double>(length) / reference_length, min_length_ratio);
  const double norm = (1.0 - length_b) + length_b * ratio;
  return std::max(1u, static_cast<unsigned>(std::lround(wdf_scale * raw_wdf / norm)));
}

}  // namespace vankien::schema
