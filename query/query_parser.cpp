#include "query_parser.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "vankien/text.hpp"

namespace vankien::query {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Parentheses nested deeper than this are read as no parentheses: the parser
// and everything that walks its tree recurse once a level, so the depth a
// query may reach is bounded, whatever its length.
constexpr std::size_t max_nesting = 32;

struct Lexeme {
  enum class Kind { word, quoted, field, open, close, op_and, op_or, op_not, minus, end };
  Kind kind = Kind::end;
  std::string text;   // word, quoted, field value
  std::string field;  // field name, canonical
  std::size_t begin = 0;  // where text starts in the query
};

// Splits the query into lexemes. A word runs to the next space, quote or
// parenthesis; "name:value" is a field when the name is one.
class Lexer {
 public:
  Lexer(const std::string& query, std::vector<std::string>& warnings)
      : query_(query), warnings_(warnings) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    while (true) {
      while (pos_ < query_.size() && is_space(query_[pos_])) ++pos_;
      if (pos_ >= query_.size()) break;
      const char c = query_[pos_];
      if (c == '(') {
        out.push_back({Lexeme::Kind::open, "", ""});
        ++pos_;
      } else if (c == ')') {
        out.push_back({Lexeme::Kind::close, "", ""});
        ++pos_;
      } else if (c == '"') {
        const std::size_t begin = pos_ + 1;
        out.push_back({Lexeme::Kind::quoted, quoted(), "", begin});
      } else if (c == '-' && pos_ + 1 < query_.size() && !is_space(query_[pos_ + 1]) &&
                 (out.empty() || out.back().kind != Lexeme::Kind::word || preceded_by_space())) {
        out.push_back({Lexeme::Kind::minus, "", ""});
        ++pos_;
      } else {
        out.push_back(word());
      }
    }
    out.push_back({Lexeme::Kind::end, "", ""});
    return flatten_deep_nesting(std::move(out));
  }

 private:
  // Drops the parentheses nested past max_nesting, each with its match.
  std::vector<Lexeme> flatten_deep_nesting(std::vector<Lexeme> lexemes) {
    std::vector<bool> kept_opens;  // one per open parenthesis not yet closed
    std::size_t depth = 0;
    bool dropped = false;
    std::vector<Lexeme> out;
    out.reserve(lexemes.size());
    for (Lexeme& lexeme : lexemes) {
      if (lexeme.kind == Lexeme::Kind::open) {
        const bool keep = depth < max_nesting;
        kept_opens.push_back(keep);
        depth += keep;
        dropped = dropped || !keep;
        if (!keep) continue;
      } else if (lexeme.kind == Lexeme::Kind::close && !kept_opens.empty()) {
        const bool keep = kept_opens.back();
        kept_opens.pop_back();
        depth -= keep;
        if (!keep) continue;
      }
      out.push_back(std::move(lexeme));
    }
    if (dropped) {
      warnings_.push_back("parentheses nested deeper than " + std::to_string(max_nesting) +
                          " levels ignored");
    }
    return out;
  }

  bool preceded_by_space() const { return pos_ > 0 && is_space(query_[pos_ - 1]); }

  std::string quoted() {
    const std::size_t start = ++pos_;
    const std::size_t end = query_.find('"', start);
    if (end == std::string::npos) {
      warnings_.push_back("unbalanced quote: the phrase runs to the end of the query");
      pos_ = query_.size();
      return query_.substr(start);
    }
    pos_ = end + 1;
    return query_.substr(start, end - start);
  }

  Lexeme word() {
    const std::size_t start = pos_;
    while (pos_ < query_.size() && !is_space(query_[pos_]) && query_[pos_] != '(' &&
           query_[pos_] != ')' && query_[pos_] != '"') {
      if (query_[pos_] == ':') {
        const std::string name = canonical_field(query_.substr(start, pos_ - start));
        if (!name.empty()) return field(name);
      }
      ++pos_;
    }
    std::string text = query_.substr(start, pos_ - start);
    // A bare date range: 2019-01-01..2019-06-30.
    if (text.find("..") != std::string::npos && text.find_first_of("0123456789") != std::string::npos) {
      return {Lexeme::Kind::field, text, "date", start};
    }
    if (text == "AND" || text == "VÀ") return {Lexeme::Kind::op_and, text, "", start};
    if (text == "OR" || text == "HOẶC") return {Lexeme::Kind::op_or, text, "", start};
    if (text == "NOT" || text == "KHÔNG") return {Lexeme::Kind::op_not, text, "", start};
    const std::size_t colon = text.find(':');
    if (colon != std::string::npos && colon > 0 && colon + 1 < text.size() &&
        text.find_first_of("0123456789") != 0) {
      warnings_.push_back("unknown field '" + text.substr(0, colon) + ":' read as words");
    }
    return {Lexeme::Kind::word, text, "", start};
  }

  Lexeme field(const std::string& name) {
    ++pos_;  // the colon
    if (pos_ < query_.size() && query_[pos_] == '"') {
      const std::size_t begin = pos_ + 1;
      return {Lexeme::Kind::field, quoted(), name, begin};
    }
    const std::size_t start = pos_;
    while (pos_ < query_.size() && !is_space(query_[pos_]) && query_[pos_] != ')') ++pos_;
    std::string value = query_.substr(start, pos_ - start);
    if (value.empty()) warnings_.push_back("field '" + name + ":' without a value ignored");
    return {Lexeme::Kind::field, value, name, start};
  }

  const std::string& query_;
  std::vector<std::string>& warnings_;
  std::size_t pos_ = 0;
};

// Recursive descent: or := and (OR and)* ; and := unary+ ; unary := (NOT|-)* primary;
// primary := ( or ) | word | phrase | field. Recursion only follows
// parentheses, which the lexer has bounded.
class Parser {
 public:
  Parser(const std::string& query, std::vector<Lexeme> lexemes, std::vector<std::string>& warnings)
      : query_(query), lexemes_(std::move(lexemes)), warnings_(warnings) {}

  // What follows a stray ')' is ANDed with what came before, at the same
  // level, so a query of many stray ')' stays a shallow tree.
  Node parse() {
    Node root = parse_or();
    if (peek().kind == Lexeme::Kind::end) return root;
    Node all;
    all.kind = Node::Kind::all;
    all.children.push_back(std::move(root));
    while (peek().kind != Lexeme::Kind::end) {
      warnings_.push_back("unbalanced ')' ignored");
      ++pos_;
      all.children.push_back(parse_or());
    }
    return all;
  }

 private:
  const Lexeme& peek() const { return lexemes_[pos_]; }

  Node parse_or() {
    Node node = parse_and();
    while (peek().kind == Lexeme::Kind::op_or) {
      ++pos_;
      Node right = parse_and();
      if (node.kind != Node::Kind::any) {
        Node any;
        any.kind = Node::Kind::any;
        any.children.push_back(std::move(node));
        node = std::move(any);
      }
      node.children.push_back(std::move(right));
    }
    return node;
  }

  Node parse_and() {
    Node node;
    node.kind = Node::Kind::all;
    while (true) {
      const Lexeme::Kind kind = peek().kind;
      if (kind == Lexeme::Kind::end || kind == Lexeme::Kind::close || kind == Lexeme::Kind::op_or) {
        break;
      }
      if (kind == Lexeme::Kind::op_and) {
        ++pos_;
        continue;
      }
      append(node, parse_unary());
    }
    return node;
  }

  // Consecutive words merge into one text node, so adjacency can be scored.
  // They are joined by the blanks typed between them, so they are analysed
  // as a document holding them would be (a code may span one space, not a
  // line break); anything else between them (an AND) by a line break.
  void append(Node& all, Node child) const {
    if (child.kind == Node::Kind::text && !all.children.empty() &&
        all.children.back().kind == Node::Kind::text) {
      Node& run = all.children.back();
      const Node::Piece& last = run.pieces.back();
      const std::size_t gap_begin = last.in_query + (run.text.size() - last.in_text);
      const std::size_t gap_end = child.pieces.front().in_query;
      const std::string_view gap = std::string_view(query_).substr(gap_begin, gap_end - gap_begin);
      const bool blanks = !gap.empty() && std::all_of(gap.begin(), gap.end(), is_space);
      if (blanks) {
        run.text += gap;
      } else {
        run.text += '\n';
      }
      run.pieces.push_back({run.text.size(), child.pieces.front().in_query});
      run.text += child.text;
      return;
    }
    all.children.push_back(std::move(child));
  }

  // A run of NOTs is read in a loop, not a recursion: two cancel out.
  Node parse_unary() {
    bool negated = false, any = false;
    while (peek().kind == Lexeme::Kind::op_not || peek().kind == Lexeme::Kind::minus) {
      ++pos_;
      negated = !negated;
      any = true;
    }
    if (any && (peek().kind == Lexeme::Kind::end || peek().kind == Lexeme::Kind::close)) {
      warnings_.push_back("NOT without anything after it ignored");
      return Node{};
    }
    if (!negated) return parse_primary();
    Node node;
    node.kind = Node::Kind::negated;
    node.children.push_back(parse_primary());
    return node;
  }

  Node parse_primary() {
    const Lexeme lexeme = peek();
    ++pos_;
    switch (lexeme.kind) {
      case Lexeme::Kind::open: {
        Node inner = parse_or();
        if (peek().kind == Lexeme::Kind::close) {
          ++pos_;
        } else {
          warnings_.push_back("unbalanced '(' closed at the end of the query");
        }
        return inner;
      }
      case Lexeme::Kind::quoted: return leaf(Node::Kind::phrase, lexeme);
      case Lexeme::Kind::field: return leaf(Node::Kind::field, lexeme);
      case Lexeme::Kind::op_and:
      case Lexeme::Kind::op_or:
      case Lexeme::Kind::word:
      default: return leaf(Node::Kind::text, lexeme);
    }
  }

  static Node leaf(Node::Kind kind, const Lexeme& lexeme) {
    Node node;
    node.kind = kind;
    node.text = lexeme.text;
    node.field = lexeme.field;
    node.pieces.push_back({0, lexeme.begin});
    return node;
  }

  const std::string& query_;
  std::vector<Lexeme> lexemes_;
  std::vector<std::string>& warnings_;
  std::size_t pos_ = 0;
};

// The byte of the query that byte `offset` of a node's text comes from.
std::size_t in_query(const std::vector<Node::Piece>& pieces, std::size_t offset) {
  auto piece = std::upper_bound(pieces.begin(), pieces.end(), offset,
                                [](std::size_t at, const Node::Piece& p) { return at < p.in_text; });
  --piece;  // the first piece starts at 0
  return piece->in_query + (offset - piece->in_text);
}

// The words of each node of words, analysed once; a document code is kept
// whole and its parts dropped. Recursion follows the tree, which the lexer
// has bounded.
void analyze_words(Node& node, const std::string& query, const Analyzer& analyzer) {
  for (Node& child : node.children) analyze_words(child, query, analyzer);
  if (node.kind != Node::Kind::text && node.kind != Node::Kind::phrase && node.kind != Node::Kind::field) return;
  std::size_t code_end = 0;
  analyzer.analyze(node.text, [&](const Token& token) {
    if (token.kind != TokenKind::code && token.end <= code_end) return;  // a part of a code
    if (token.kind == TokenKind::code) code_end = token.end;
    QueryToken word{token, {}, {}, {}};
    word.begin = in_query(node.pieces, token.begin);
    word.end = in_query(node.pieces, token.end - 1) + 1;
    word.typed = query.substr(word.begin, word.end - word.begin);
    node.tokens.push_back(std::move(word));
  });
}

template <typename NodeType, typename Pointer>
void collect_tokens(NodeType& node, std::vector<Pointer>& out) {
  for (auto& child : node.children) collect_tokens(child, out);
  for (auto& token : node.tokens) out.push_back(&token);
}

}  // namespace

std::vector<const QueryToken*> tokens_in_order(const Node& root) {
  std::vector<const QueryToken*> out;
  collect_tokens(root, out);
  return out;
}

std::vector<QueryToken*> tokens_in_order(Node& root) {
  std::vector<QueryToken*> out;
  collect_tokens(root, out);
  return out;
}

std::string canonical_field(const std::string& typed) {
  std::string key = fold(typed);
  for (char& c : key) {
    if (c == ' ' || c == '-') c = '_';
  }
  static const std::vector<std::pair<std::string, std::vector<std::string>>> names = {
      {"district", {"district", "huyen", "quan"}},
      {"province", {"province", "tinh", "thanh_pho"}},
      {"term", {"term", "nhiem_ki", "nhiem_ky", "khoa"}},
      {"topic", {"topic", "chu_de"}},
      {"type", {"type", "loai"}},
      {"number", {"number", "so", "so_hieu"}},
      {"cites", {"cites", "trich_dan", "vien_dan"}},
      {"year", {"year", "nam"}},
      {"date", {"date", "ngay"}},
      {"issuer", {"issuer", "co_quan", "noi_ban_hanh"}},
      {"author", {"author", "tac_gia"}},
  };
  for (const auto& [canonical, spellings] : names) {
    for (const std::string& spelling : spellings) {
      if (key == spelling) return canonical;
    }
  }
  return {};
}

ParsedQuery parse_query(const std::string& query) {
  ParsedQuery parsed;
  parsed.root = Parser(query, Lexer(query, parsed.warnings).run(), parsed.warnings).parse();
  analyze_words(parsed.root, query, Analyzer());
  // The same warning once, in the order first given.
  std::vector<std::string> distinct;
  for (std::string& warning : parsed.warnings) {
    if (std::find(distinct.begin(), distinct.end(), warning) == distinct.end()) {
      distinct.push_back(std::move(warning));
    }
  }
  parsed.warnings = std::move(distinct);
  return parsed;
}

}  // namespace vankien::query
