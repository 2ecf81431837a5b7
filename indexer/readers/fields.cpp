#include <algorithm>
#include <iterator>

#include "readers.hpp"

namespace vankien::readers {

namespace {

struct Field {
  std::string_view name;
  std::string Document::*member;
};

constexpr Field text_fields[] = {
    {"id", &Document::id},           {"title", &Document::title},
    {"lead", &Document::lead},       {"body", &Document::body},
    {"text", &Document::body},       {"date", &Document::date},
    {"type", &Document::type},       {"number", &Document::number},
    {"issuer", &Document::issuer},   {"district", &Document::district},
    {"province", &Document::province}, {"term", &Document::term},
    {"author", &Document::author},   {"url", &Document::url},
};

}  // namespace

bool is_list_field(std::string_view name) {
  return name == "topic" || name == "topics" || name == "tag" || name == "tags" || name == "cited_number" ||
         name == "cited_numbers";
}

bool is_known_field(std::string_view name) {
  return is_list_field(name) || name == "access" ||
         std::any_of(std::begin(text_fields), std::end(text_fields),
                     [&](const Field& field) { return field.name == name; });
}

std::string set_field(Document& doc, std::string_view name, const std::string& value) {
  for (const Field& field : text_fields) {
    if (field.name == name) {
      doc.*field.member = value;
      return {};
    }
  }
  if (name == "topic" || name == "topics") {
    if (!value.empty()) doc.topics.push_back(value);
    return {};
  }
  if (name == "tag" || name == "tags") {
    if (!value.empty()) doc.tags.push_back(value);
    return {};
  }
  if (name == "cited_number" || name == "cited_numbers") {
    if (!value.empty()) doc.cited_numbers.push_back(value);
    return {};
  }
  if (name == "access") {
    const auto access = parse_access(value);
    if (!access) {
      return "unknown access level '" + value +
             "' (public, internal, confidential, secret, top_secret, or the Vietnamese marks)";
    }
    doc.access = *access;
    return {};
  }
  return "unknown field '" + std::string(name) + "' ignored";
}

}  // namespace vankien::readers
