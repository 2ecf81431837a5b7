#pragma once
// The query language, parsed into a small tree. Parsing never fails on user
// text: unbalanced quotes end at the end of the query, unbalanced parentheses
// are closed there, a stray operator is read as a word. What it had to read
// differently is reported in `warnings`.
//
// The query is analysed here, once: each node of words carries its tokens,
// which the accent reading, the query builder, the snippets' highlighting and
// the suggestion all use.

#include <string>
#include <vector>

#include "vankien/analyzer.hpp"

namespace vankien::query {

/// A word of the query. `begin` and `end` are byte offsets in the whole query.
struct QueryToken : Token {
  std::string typed;    ///< the bytes as typed, in the case typed ("UBND", "Lanh")
  /// Typed without marks (accents.hpp): the form the whole query reads best
  /// with, and every form likely where the word stands (that one first),
  /// which all rank. Empty when typed with marks or read as typed.
  std::string reading;
  std::vector<std::string> plausible;
};

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
  /// text, phrase, field: the words of `text`, a document code whole and
  /// without its parts.
  std::vector<QueryToken> tokens;
  /// Where `text` comes from in the query: the byte `in_text` of `text` is
  /// the byte `in_query` of the query, and so on to the next piece (a node
  /// of words typed apart joins them with one space).
  struct Piece {
    std::size_t in_text = 0, in_query = 0;
  };
  std::vector<Piece> pieces;
};

struct ParsedQuery {
  Node root;
  std::vector<std::string> warnings;
};

/// The tokens of every node, in the order typed.
std::vector<const QueryToken*> tokens_in_order(const Node& root);
std::vector<QueryToken*> tokens_in_order(Node& root);

/// Canonical field names: district, province, term, topic, type, number, year,
/// date, issuer, author.
ParsedQuery parse_query(const std::string& query);

/// The canonical name of a field as typed ("huyện", "huyen", "district"), or
/// empty when it is not one.
std::string canonical_field(const std::string& typed);

}  // namespace vankien::query
