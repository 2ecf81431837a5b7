#include "output.hpp"

#include <sstream>

namespace vankien::cli {

namespace {

constexpr const char* bold = "\033[1m";
constexpr const char* highlight = "\033[1;31m";
constexpr const char* dim = "\033[2m";
constexpr const char* reset = "\033[0m";

std::string joined(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : separator) + value;
  return out;
}

// The snippet on one line, matches in colour (or between ** when colour is off
// but the output is still for people).
std::string snippet_line(const Hit& hit, bool colour) {
  const std::string& body = hit.document.body;
  std::string out;
  std::size_t cursor = hit.snippet.begin;
  for (const Highlight& h : hit.snippet.highlights) {
    out += body.substr(cursor, h.begin - cursor);
    const std::string word = body.substr(h.begin, h.end - h.begin);
    out += colour ? std::string(highlight) + word + reset : "[" + word + "]";
    cursor = h.end;
  }
  out += body.substr(cursor, hit.snippet.end - cursor);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

}  // namespace

std::string dump(const nlohmann::json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json document_json(const Document& d, bool with_body) {
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
      {"source", d.source.file},
  };
  if (with_body) json["body"] = d.body;
  return json;
}

nlohmann::json hit_json(const Hit& hit) {
  nlohmann::json json = document_json(hit.document, false);
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

nlohmann::json summary_json(const Results& results) {
  nlohmann::json facets = nlohmann::json::object();
  for (const auto& [name, counts] : results.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const FacetCount& count : counts) list.push_back({{"value", count.value}, {"count", count.count}});
    facets[name] = list;
  }
  return {{"summary", true},
          {"total", results.total},
          {"total_lower", results.total_lower},
          {"total_upper", results.total_upper},
          {"returned", results.hits.size()},
          {"facets", facets},
          {"suggestion", results.suggestion},
          {"relaxed", results.relaxed},
          {"warnings", results.warnings},
          {"missing_shards", results.missing_shards}};
}

std::string hit_text(const Hit& hit, bool colour) {
  const Document& d = hit.document;
  std::ostringstream out;
  out << hit.rank << ". " << (colour ? bold : "") << (d.title.empty() ? d.id : d.title)
      << (colour ? reset : "") << '\n';
  std::vector<std::string> meta;
  for (const std::string* field : {&d.date, &d.type, &d.number, &d.district, &d.province}) {
    if (!field->empty()) meta.push_back(*field);
  }
  if (!d.term.empty()) meta.push_back("nhiệm kỳ " + d.term + (d.term_inferred ? " (suy ra)" : ""));
  if (!d.topics.empty()) meta.push_back(joined(d.topics, "; "));
  out << "   " << (colour ? dim : "") << joined(meta, " · ") << "  [" << d.id << "]"
      << (colour ? reset : "") << '\n';
  if (!hit.snippet.text.empty()) out << "   " << snippet_line(hit, colour) << '\n';
  return out.str();
}

std::string facets_text(const Results& results) {
  std::ostringstream out;
  for (const auto& [name, counts] : results.facets) {
    out << name << ":";
    if (counts.empty()) out << " (none)";
    for (const FacetCount& count : counts) out << "\n  " << count.value << "  " << count.count;
    out << '\n';
  }
  return out.str();
}

}  // namespace vankien::cli
