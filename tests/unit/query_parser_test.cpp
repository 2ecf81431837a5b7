// The query parsed into a tree, each node of words carrying its tokens,
// analysed once, with their places in the query as typed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "query/query_parser.hpp"

using vankien::query::Node;
using vankien::query::parse_query;
using vankien::query::QueryToken;
using vankien::query::tokens_in_order;

namespace {

// The typed text of every token, in order: the query's bytes between each
// token's offsets.
std::vector<std::string> typed_tokens(const Node& root) {
  std::vector<std::string> typed;
  for (const QueryToken* token : tokens_in_order(root)) typed.push_back(token->typed);
  return typed;
}

}  // namespace

TEST_CASE("each word of a query is analysed once, where it stands in the query") {
  struct Case {
    const char* query;
    std::vector<std::string> typed;  // each token as typed, in order
  };
  const std::vector<Case> cases = {
      {"lanh dao  huyen uy", {"lanh", "dao", "huyen", "uy"}},
      {"Phuong AND thuc", {"Phuong", "thuc"}},                 // one run of words, the operator left out
      {"(UBND OR HĐND) -\"Bạch Thông\"", {"UBND", "HĐND", "Bạch", "Thông"}},
      {"huyện:\"Bạch Thông\" hop", {"Bạch", "Thông", "hop"}},  // a field's value has its words too
      {"Số 12-NQ/HU ve", {"Số", "12-NQ/HU", "ve"}},            // a code whole, without its parts
      {"35 - NQ/TW", {"35 - NQ/TW"}},                           // a code written with spaces, across words
      {"35  -  NQ/TW", {"35", "NQ", "TW"}},                     // analysed as a document with these blanks would be
      {"35\t-\tNQ/TW", {"35", "NQ", "TW"}},
      {"35 AND - NQ/TW", {"35", "NQ", "TW"}},                  // no code across an operator
      {"lanh  AND\tdao", {"lanh", "dao"}},
      {"\"không đóng", {"không", "đóng"}},                     // an unbalanced quote runs to the end
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const std::string query = c.query;
    const Node root = parse_query(query).root;
    CHECK(typed_tokens(root) == c.typed);
    for (const QueryToken* token : tokens_in_order(root)) REQUIRE(token->end <= query.size());
  }
}

TEST_CASE("a query's tokens are normalised and folded as the indexer's are") {
  const Node root = parse_query("Lãnh ĐẠO huyện uỷ").root;
  const std::vector<const QueryToken*> tokens = tokens_in_order(root);
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1]->text == "đạo");
  CHECK(tokens[1]->folded == "dao");
  CHECK(tokens[3]->text == "ủy");  // the tone placed canonically
  CHECK(tokens[3]->folded == "uy");
}
