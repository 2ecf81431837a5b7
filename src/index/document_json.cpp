#include "index/document_json.hpp"

#include <nlohmann/json.hpp>

#include "vankien/error.hpp"

namespace vankien::index {

std::string to_json(const Document& doc) {
  nlohmann::json json = {
      {"id", doc.id},
      {"title", doc.title},
      {"lead", doc.lead},
      {"date", doc.date},
      {"type", doc.type},
      {"number", doc.number},
      {"numbering", doc.numbering},
      {"issuer", doc.issuer},
      {"district", doc.district},
      {"province", doc.province},
      {"successor_province", doc.successor_province},
      {"term", doc.term},
      {"term_inferred", doc.term_inferred},
      {"topics", doc.topics},
      {"author", doc.author},
      {"url", doc.url},
      {"access", std::string(access_name(doc.access))},
      {"source", doc.source.to_string()},
  };
  // Fields are valid UTF-8 by the time they get here; replacing rather than
  // throwing keeps one bad byte from stopping a whole run if that ever fails.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n" + doc.body;
}

Document from_json(std::string_view text) {
  const std::size_t newline = text.find('\n');  // JSON dumped on one line never has a raw one
  const nlohmann::json json = nlohmann::json::parse(text.substr(0, newline), nullptr, false);
  if (!json.is_object()) throw Error("stored document data is not a JSON object");
  Document doc;
  auto get = [&](const char* key, std::string& out) {
    if (const auto it = json.find(key); it != json.end() && it->is_string()) out = *it;
  };
  get("id", doc.id);
  get("title", doc.title);
  get("lead", doc.lead);
  if (newline != std::string_view::npos) doc.body = std::string(text.substr(newline + 1));
  get("date", doc.date);
  get("type", doc.type);
  get("number", doc.number);
  get("numbering", doc.numbering);
  get("issuer", doc.issuer);
  get("district", doc.district);
  get("province", doc.province);
  get("successor_province", doc.successor_province);
  get("term", doc.term);
  get("author", doc.author);
  get("url", doc.url);
  get("source", doc.source.file);
  if (const auto it = json.find("term_inferred"); it != json.end() && it->is_boolean()) {
    doc.term_inferred = *it;
  }
  if (const auto it = json.find("topics"); it != json.end() && it->is_array()) {
    for (const auto& topic : *it) {
      if (topic.is_string()) doc.topics.push_back(topic);
    }
  }
  std::string access;
  get("access", access);
  doc.access = parse_access(access).value_or(Access::top_secret);  // unknown: hide it
  return doc;
}

}  // namespace vankien::index
