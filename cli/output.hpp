#pragma once
// Turning results and documents into the CLI's human and JSON output.

#include <nlohmann/json.hpp>

#include <string>

#include "server/json_output.hpp"
#include "vankien/document.hpp"
#include "vankien/search.hpp"

namespace vankien::cli {

using server::document_json;
using server::dump;
using server::hit_json;
/// The JSON Lines output's last line: the results' summary, marked as such.
nlohmann::json summary_line_json(const Results& results);

/// The human form of one hit: rank, title, metadata line, snippet.
std::string hit_text(const Hit& hit, bool colour);
std::string facets_text(const Results& results);

}  // namespace vankien::cli
