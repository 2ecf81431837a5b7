#pragma once
// The document data stored in the database: one line of JSON with every field
// but the body, a newline, then the body as it is. The body is most of the
// bytes, and keeping it out of the JSON spares escaping it at index time and
// parsing it at every search (schema format version 2).

#include <string>
#include <string_view>

#include "vankien/document.hpp"

namespace vankien::index {

std::string to_json(const Document& document);
/// Throws vankien::Error when `json` is not a stored vankien document.
Document from_json(std::string_view json);

}  // namespace vankien::index
