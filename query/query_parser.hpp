#pragma once
// The query language, parsed into a small tree. Parsing never fails on user
// text: unbalanced quotes end at the end of the query, unbalanced parentheses
// are closed there, a stray operator is read as a word. What it had to read
// differently is reported in `warnings`.

#include <memory>
#include <string>
#include <vector>

namespace vankien::query {

struct Node {
  enum class Kind {
    text,    // words typed one after another: "lãnh đạo huyện ủy"
    phrase,  // "phương thức lãnh đạo"
    field,   // huyện:"Bạch Thông" -> name "district", value "Bạch Thông"
    all,     // AND of children (the default between terms)
    any,     // OR of children
    negated, // NOT child, -child
  };
  Kind kind = Kind::all;
  std::string text;   // text, phrase: the raw words; field: the value
  std::string field;  // field: the canonical name
  std::vector<Node> children;
};

struct ParsedQuery {
  Node root;
  std::vector<std::string> warnings;
};

/// Canonical field names: district, province, term, topic, type, number, year,
/// date, issuer, author.
ParsedQuery parse_query(const std::string& query);

/// The canonical name of a field as typed ("huyện", "huyen", "district"), or
/// empty when it is not one.
std::string canonical_field(const std::string& typed);

}  // namespace vankien::query
