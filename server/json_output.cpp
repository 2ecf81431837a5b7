#include "json_output.hpp"

namespace vankien::server {

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json document_json(const Document& d, DocumentFields fields) {
  nlohmann::json json = {
      {"id", d.id},         {"title", d.title},       {"date", d.date},
      {"date_precision", d.date_precision},
      {"type", d.type},     {"number", d.number},     {"numbering", d.numbering},
      {"issuer", d.issuer}, {"district", d.district}, {"province", d.province},
      {"successor_province", d.successor_province},   {"term", d.term},
      {"term_inferred", d.term_inferred},             {"topics", d.topics},
      {"author", d.author}, {"url", d.url},           {"access", std::string(access_name(d.access))},
      {"lead", d.lead},     {"tags", d.tags},         {"encoding", d.encoding},
      {"cited_numbers", d.cited_numbers},
  };
  if (fields.source) json["source"] = d.source.file;
  if (fields.body) json["body"] = d.body;
  return json;
}

nlohmann::json hit_json(const Hit& hit, DocumentFields fields) {
  fields.body = false;
  nlohmann::json json = document_json(hit.document, fields);
  json["rank"] = hit.rank;
  json["score"] = hit.score;
  nlohmann::json highlights = nlohmann::json::array();
  for (const Highlight& h : hit.snippet.highlights) highlights.push_back({h.begin, h.end});
  json["snippet"] = {{"text", hit.snippet.text},
                     {"html", hit.snippet.html},
                     {"begin", hit.snippet.begin},
                     {"end", hit.snippet.end},
                     {"highlights", highlights}};
  return json;
}

nlohmann::json facets_json(const std::map<std::string, std::vector<FacetCount>>& facets) {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [name, counts] : facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetCount& count : counts) list.push_back({{"value", count.value}, {"count", count.count}});
    json[name] = list;
  }
  return json;
}

nlohmann::json summary_json(const Results& results) {
  return {{"total", results.total},
          {"total_lower", results.total_lower},
          {"total_upper", results.total_upper},
          {"facets", facets_json(results.facets)},
          {"suggestion", results.suggestion},
          {"relaxed", results.relaxed},
          {"warnings", results.warnings},
          {"missing_shards", results.missing_shards},
          {"partial", results.partial()}};
}

nlohmann::json stats_json(const DatabaseStats& stats) {
  return {{"documents", stats.documents},
          {"terms", stats.terms},
          {"bytes_on_disk", stats.bytes_on_disk},
          {"counts", facets_json(stats.counts)}};
}

nlohmann::json error_json(const std::string& code, const std::string& message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}

}  // namespace vankien::server
