#include "filter_hints.hpp"

#include <algorithm>
#include <vector>

#include "query_builder.hpp"
#include "vankien/schema.hpp"

namespace vankien::query {

namespace {

// Values of a field are few (hundreds of districts); this bounds a database
// whose terms under the prefix are not.
constexpr std::size_t most_values_compared = 5000;

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The prefix of a field's filter terms, and the value slot holding its display names.
struct FieldTerms {
  std::string_view field, prefix;
  schema::Slot slot;
};

constexpr FieldTerms field_terms[] = {
    {"district", schema::district_name, schema::district_slot},
    {"district", schema::district, schema::district_slot},
    {"province", schema::province, schema::province_slot},
    {"topic", schema::topic, schema::topics_slot},
    {"type", schema::type, schema::type_slot},
};

// How `key`'s value is written in a document that has it and the caller may see.
std::string display_name(const Xapian::Database& db, const ClearanceLimit& clearance, const std::string& term,
                         std::string_view key, schema::Slot slot) {
  const std::optional<Xapian::Document> first = clearance.first_with(db, term);
  if (!first) return std::string(key);
  const std::string stored = first->get_value(slot);
  // Topics are stored one a line; a district with its province after a comma.
  std::size_t start = 0;
  while (start <= stored.size()) {
    std::size_t end = stored.find('\n', start);
    if (end == std::string::npos) end = stored.size();
    const std::string name = stored.substr(start, end - start);
    const std::string_view leaf = key.substr(key.rfind('/') == std::string_view::npos ? 0 : key.rfind('/') + 1);
    if (schema::facet_key(name) == leaf || schema::facet_key(name.substr(0, name.find(','))) == leaf) return name;
    start = end + 1;
  }
  return std::string(key);
}

}  // namespace

std::optional<std::string> unknown_value_hint(const std::string& field, const std::string& value,
                                              const Xapian::Query& filter, const Xapian::Database& db,
                                              const ClearanceLimit& clearance) {
  if (std::distance(filter.get_terms_begin(), filter.get_terms_end()) != 1) return std::nullopt;
  const std::string term = *filter.get_terms_begin();
  const FieldTerms* terms = nullptr;
  for (const FieldTerms& candidate : field_terms) {
    const bool own = term.starts_with(candidate.prefix) && term.size() > candidate.prefix.size() &&
                     !(term[candidate.prefix.size()] >= 'A' && term[candidate.prefix.size()] <= 'Z');
    if (candidate.field == field && own) terms = &candidate;
  }
  if (!terms || clearance.shows(db, term)) return std::nullopt;
  const std::string_view key = std::string_view(term).substr(terms->prefix.size());

  std::string nearest;
  std::size_t best = std::max<std::size_t>(2, key.size() / 3) + 1;
  std::size_t compared = 0;
  const std::string prefix(terms->prefix);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix) && compared < most_values_compared;
       ++it, ++compared) {
    const std::string candidate = *it;
    const std::string_view candidate_key = std::string_view(candidate).substr(prefix.size());
    if (candidate_key.empty() || (candidate_key[0] >= 'A' && candidate_key[0] <= 'Z')) continue;  // another prefix
    // A value that holds the typed one whole ("thong" in "bach_thong") is near.
    const std::size_t distance = candidate_key.find(key) != std::string_view::npos ? 1 : edit_distance(key, candidate_key);
    if (distance < best && clearance.shows(db, candidate)) {
      best = distance;
      nearest = candidate;
    }
  }
  std::string hint = "no " + field + " named '" + value + "' in the database";
  if (!nearest.empty()) {
    hint += "; did you mean '" + display_name(db, clearance, nearest, std::string_view(nearest).substr(prefix.size()), terms->slot) + "'?";
  }
  return hint;
}

}  // namespace vankien::query
