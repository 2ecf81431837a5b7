#pragma once
// Stage "emit terms": a complete Document -> the Xapian document of schema.hpp.

#include <xapian.h>

#include <string>

#include "vankien/document.hpp"

namespace vankien::index {

/// Fields are indexed at positions this far apart, so a phrase never matches
/// across the end of the title and the start of the body.
inline constexpr Xapian::termpos field_gap = 100;

/// The position of the body's first word in the Xapian document: positions
/// in the body's own analysis plus this are the positions indexed.
Xapian::termpos body_first_position(const Document& document);

/// Builds the Xapian document. `content_hash` is stored for change detection.
Xapian::Document build_document(const Document& document, const std::string& content_hash);

/// The unique-id term of a document id.
std::string id_term(const std::string& id);

/// A stable hash of everything stored for a document (hex).
std::string content_hash(const std::string& stored_json);

}  // namespace vankien::index
