#pragma once
// Turning results and documents into the CLI's human and JSON output.

#include <nlohmann/json.hpp>

#include <string>

#include "vankien/document.hpp"
#include "vankien/search.hpp"

namespace vankien::cli {

nlohmann::json document_json(const Document& document, bool with_body);
nlohmann::json hit_json(const Hit& hit);
nlohmann::json summary_json(const Results& results);
/// One line of JSON; invalid UTF-8 (which stored text never has) is replaced.
std::string dump(const nlohmann::json& json);

/// The human form of one hit: rank, title, metadata line, snippet.
std::string hit_text(const Hit& hit, bool colour);
std::string facets_text(const Results& results);

}  // namespace vankien::cli
