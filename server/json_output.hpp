#pragma once
// vankien's documents, hits and results as JSON: one shape for the CLI's
// --json output and the HTTP API (docs/HTTP.md lists the fields).

#include <nlohmann/json.hpp>

#include <string>

#include "vankien/search.hpp"

namespace vankien::server {

struct DocumentFields {
  bool body = false;    ///< the whole text
  bool source = true;   ///< the file it was read from (a path on the indexing host)
};

nlohmann::json document_json(const Document& document, DocumentFields fields = {});
/// The hit's document (without body) with its rank, score and snippet.
nlohmann::json hit_json(const Hit& hit, DocumentFields fields = {});
/// {"district": [{"value": ..., "count": ...}, ...], ...}
nlohmann::json facets_json(const std::map<std::string, std::vector<FacetCount>>& facets);
/// Totals, facets, suggestion, relaxed, warnings and missing shards: no hits.
nlohmann::json summary_json(const Results& results);
nlohmann::json stats_json(const DatabaseStats& stats);
/// {"error": {"code": ..., "message": ...}}: every error the HTTP API answers.
nlohmann::json error_json(const std::string& code, const std::string& message);

/// Compact; text that is not UTF-8 (which vankien never stores) replaced, never thrown on.
std::string dump(const nlohmann::json& json);

}  // namespace vankien::server
