#pragma once
// The document data stored in the database: every field as a JSON object, so
// the query side can return stored fields and cut snippets from the body.

#include <string>
#include <string_view>

#include "vankien/document.hpp"

namespace vankien::index {

std::string to_json(const Document& document);
/// Throws vankien::Error when `json` is not a stored vankien document.
Document from_json(std::string_view json);

}  // namespace vankien::index
