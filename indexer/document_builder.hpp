#pragma once
// Stage "emit terms": a complete Document -> the Xapian document of schema.hpp.

#include <xapian.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include <vector>

#include "vankien/analyzer.hpp"
#include "storage/syllable_pairs.hpp"
#include "vankien/document.hpp"

namespace vankien::index {

/// Fields are indexed at positions this far apart, so a phrase never matches
/// across the end of the title and the start of the body.
inline constexpr Xapian::termpos field_gap = 100;

/// Builds the Xapian document, taking the body (whose bytes go into the
/// stored record). `content_hash` is stored for change detection.
/// `body_tokens`, when given and not empty, are the body's tokens as
/// Analyzer::analyze gives them (MetadataExtractor::complete's), used rather
/// than analysing the body again. A public document's neighbouring words are
/// counted into `pairs` when given.
Xapian::Document build_document(Document&& document, const std::string& content_hash,
                                const std::vector<Token>* body_tokens = nullptr,
                                storage::PairCounter* pairs = nullptr);


/// A stable hash of `bytes` (hex), for change detection.
std::string content_hash(std::string_view bytes);
/// The hash of the parts one after another, without joining them.
std::string content_hash(std::initializer_list<std::string_view> parts);

}  // namespace vankien::index
