// Building the Xapian query. The boosts, in one place:
//   - exact syllables: a syllable typed with diacritics matches its folded form
//     (recall: what an unaccented query finds, it finds) and adds the weight of
//     its exact form (XE term), so documents written exactly so rank first; one
//     typed without, of the forms likely where it stands (accents.hpp);
//   - questions: a query of more than eight distinct words matches any of them
//     (text());
//   - adjacency: the best candidates are re-ranked by how many pairs of
//     neighbouring query words stand next to each other in them, so
//     "phương thức lãnh đạo" written as a run outranks the four syllables
//     scattered (searcher.cpp, add_proximity);
//   - title and lead: indexed with a higher within-document frequency
//     (schema::title_wdf, lead_wdf), which BM25 turns into weight;
//   - numbers: a document code, typed whole or as "so 60 nq tw", adds the weight
//     of the document's own number term (XS), rare by nature, so the document
//     itself ranks above those that cite it.
#include "query_builder.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <utility>

#include "metadata/congress_term.hpp"
#include "filter_hints.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/metadata.hpp"
#include "vankien/schema.hpp"
#include "vankien/text.hpp"

namespace vankien::query {

namespace {

constexpr double exact_boost = 1.0;
constexpr double number_boost = 5.0;
constexpr double title_boost = 1.0;

Xapian::Query scaled(const Xapian::Query& query, double factor) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor);
}

Xapian::Query boolean(const Xapian::Query& query) { return scaled(query, 0.0); }

Xapian::Query term(std::string_view prefix, const std::string& value) {
  return Xapian::Query(std::string(prefix) + value);
}

Xapian::Query phrase_of(const std::vector<std::string>& words) {
  if (words.size() == 1) return Xapian::Query(words.front());
  return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                       static_cast<Xapian::termcount>(words.size()));
}

// One query word: its folded term, boosted by its exact form when typed with marks.
struct Word {
  std::string folded;
  std::string exact;  // empty: typed without marks
  std::size_t begin = 0, end = 0;
};

class Builder {
 public:
  explicit Builder(const BuildContext& context) : context_(context) {}

  BuiltQuery run(const Node& root) {
    BuiltQuery built;
    question_ = is_question(root);
    Part part = settled(build(root));
    built.looser = looser(context_.match, longest_run_);
    built.highlighting = std::move(highlighting_);
    built.warnings = std::move(warnings_);
    built.proximity = std::move(proximity_);
    built.word_sequence = std::move(sequence_);
    if (part.empty) {
      built.query = Xapian::Query::MatchAll;
      built.no_words = true;
    } else if (part.is_filter) {
      built.query = Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, part.query);
    } else {
      built.query = part.query;
    }
    return built;
  }

 private:
  struct Part {
    Xapian::Query query;
    bool is_filter = false;  // boolean only: no weight of its own
    bool empty = true;
    // A group of a question matches any of its words, but its fields and
    // exclusions hold for the whole question: they go up with its words
    // (see all()), and whatever takes the part otherwise applies them.
    std::vector<Xapian::Query> pending_filters, pending_exclusions;
  };

  static Part weighted(Xapian::Query query) { return {std::move(query), false, false, {}, {}}; }
  static Part filter(Xapian::Query query) { return {std::move(query), true, false, {}, {}}; }

  Part build(const Node& node) {
    switch (node.kind) {
      case Node::Kind::text: return text(node.tokens);
      case Node::Kind::phrase: return phrase(node.tokens);
      case Node::Kind::field: return node.text.empty() ? Part{} : field(node);
      case Node::Kind::negated: return build(node.children.front());  // handled by all()
      case Node::Kind::any: return any(node);
      case Node::Kind::all: return all(node);
    }
    return {};
  }

  // A query that seeks more distinct words than this is a question (see text()).
  static constexpr std::size_t question_words = 8;

  // The distinct words a query seeks: those of its runs and phrases, not of
  // what it excludes; a code is one word. Recursion follows the tree, which
  // the parser has bounded.
  static void words_sought(const Node& node, std::set<std::string>& words) {
    if (node.kind == Node::Kind::negated) return;
    if (node.kind != Node::Kind::field) {
      for (const QueryToken& token : node.tokens) words.insert(token.folded);
    }
    for (const Node& child : node.children) words_sought(child, words);
  }

  static bool is_question(const Node& root) {
    std::set<std::string> words;
    words_sought(root, words);
    return words.size() > question_words;
  }

  // Building a part of a question (see text()) that is not excluded.
  bool in_question() const { return question_ && !within_negation_; }

  Part field(const Node& node) {
    Xapian::Query query = field_filter(node.field, node.text, context_);
    if (auto hint = unknown_value_hint(node.field, node.text, query, context_.db, context_.clearance)) {
      warnings_.push_back(*hint);
    }
    return filter(std::move(query));
  }

  Part all(const Node& node) {
    // A question's parts, as its words, need not all be there.
    const bool question = in_question();
    std::vector<Xapian::Query> positives, filters, negatives;
    for (const Node& child : node.children) {
      const bool negated = child.kind == Node::Kind::negated;
      const bool outer = within_negation_;
      within_negation_ = outer || negated;
      // What is excluded is in no hit: its words mark nothing.
      Highlighting excluded_words;
      if (negated) std::swap(excluded_words, highlighting_);
      Part part = question ? build(child) : settled(build(child));
      if (negated) std::swap(excluded_words, highlighting_);
      within_negation_ = outer;
      filters.insert(filters.end(), part.pending_filters.begin(), part.pending_filters.end());
      negatives.insert(negatives.end(), part.pending_exclusions.begin(), part.pending_exclusions.end());
      if (part.empty) continue;
      if (negated) {
        negatives.push_back(part.query);
      } else {
        (part.is_filter ? filters : positives).push_back(part.query);
      }
    }
    Part out;
    if (!positives.empty()) {
      const auto op = question ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
      out = weighted(Xapian::Query(op, positives.begin(), positives.end()));
    }
    if (question) {
      out.pending_filters = std::move(filters);
      out.pending_exclusions = std::move(negatives);
      return out;
    }
    return restricted(std::move(out), filters, negatives);
  }

  // `part` with only the documents every filter keeps and none excluded has.
  static Part restricted(Part part, const std::vector<Xapian::Query>& filters,
                         const std::vector<Xapian::Query>& exclusions) {
    if (!filters.empty()) {
      const Xapian::Query all_filters(Xapian::Query::OP_AND, filters.begin(), filters.end());
      part = part.empty ? filter(all_filters)
                        : weighted(Xapian::Query(Xapian::Query::OP_FILTER, part.query, all_filters));
    }
    if (!exclusions.empty()) {
      const Xapian::Query base = part.empty ? Xapian::Query::MatchAll : part.query;
      const Xapian::Query excluded(Xapian::Query::OP_OR, exclusions.begin(), exclusions.end());
      part = Part{Xapian::Query(Xapian::Query::OP_AND_NOT, base, excluded), part.is_filter || part.empty, false, {}, {}};
    }
    return part;
  }

  // A part with what a question's group left pending applied to it.
  static Part settled(Part part) {
    std::vector<Xapian::Query> filters = std::move(part.pending_filters);
    std::vector<Xapian::Query> exclusions = std::move(part.pending_exclusions);
    part.pending_filters.clear();
    part.pending_exclusions.clear();
    return restricted(std::move(part), filters, exclusions);
  }

  Part any(const Node& node) {
    std::vector<Xapian::Query> alternatives;
    bool all_filters = true;
    for (const Node& child : node.children) {
      const Part part = settled(build(child));
      if (part.empty) continue;
      alternatives.push_back(part.is_filter ? boolean(part.query) : part.query);
      all_filters = all_filters && part.is_filter;
    }
    if (alternatives.empty()) return {};
    const Xapian::Query query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    return all_filters ? filter(query) : weighted(query);
  }

  // What is excluded is what has all its words, so an excluded run or
  // phrase cannot lose any: past the limit on words (which bounds a
  // search's cost) it is refused, whatever else the query holds, and its
  // words take nothing from what the query seeks.
  void check_excluded_words(const std::vector<QueryToken>& tokens) const {
    if (tokens.size() > context_.options.max_query_terms) {
      throw QueryError("an excluded phrase or group has more than " +
                       std::to_string(context_.options.max_query_terms) + " words");
    }
  }

  // The words of a phrase, which cannot lose any either: past the limit it is
  // refused (a phrase that long makes the query a question, whose phrases
  // are words, unless it is excluded).
  void count_phrase_words(const std::vector<QueryToken>& tokens) {
    if (within_negation_) return check_excluded_words(tokens);
    term_count_ += tokens.size();
    if (term_count_ > context_.options.max_query_terms) {
      throw QueryError("query has more than " + std::to_string(context_.options.max_query_terms) +
                       " words");
    }
  }

  // The words of a run typed one after another, each kept or not. A long
  // question pasted whole is searched by its least common words: past the
  // limit the commonest are left out (question words, "của", "theo", which
  // carry no signal), and so are words no document has (they match
  // nothing), and a warning names them, rather than the question being
  // refused. Codes are always kept.
  std::vector<bool> informative_words_of(const std::vector<QueryToken>& tokens) {
    std::vector<bool> kept(tokens.size(), true);
    if (within_negation_) {
      check_excluded_words(tokens);
      return kept;
    }
    const std::size_t most = context_.options.max_query_terms;
    std::size_t room = most > term_count_ ? most - term_count_ : 0;
    if (tokens.size() <= room) {
      term_count_ += tokens.size();
      return kept;
    }
    // Each word once (a repeat adds nothing to what a document must have),
    // then the least common first.
    std::set<std::string> seen;
    std::vector<std::pair<Xapian::doccount, std::size_t>> by_frequency;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (!seen.insert(tokens[i].folded).second) {
        kept[i] = false;
        continue;
      }
      Xapian::doccount documents = 0;
      if (tokens[i].kind != TokenKind::code) {
        documents = context_.db.get_termfreq(tokens[i].folded);
        if (documents == 0) documents = std::numeric_limits<Xapian::doccount>::max();
      }
      by_frequency.emplace_back(documents, i);
    }
    std::stable_sort(by_frequency.begin(), by_frequency.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::set<std::string> left_out;
    for (std::size_t k = room; k < by_frequency.size(); ++k) {
      kept[by_frequency[k].second] = false;
      left_out.insert(tokens[by_frequency[k].second].folded);
    }
    room = std::min(room, by_frequency.size());
    term_count_ += room;
    std::string names;  // in the order typed
    std::size_t named = 0;
    for (const Token& token : tokens) {
      if (left_out.erase(token.folded) == 0) continue;
      if (named++ == 12) {
        names.append(", ...");
        break;
      }
      names.append(names.empty() ? "" : ", ").append(token.folded);
    }
    warnings_.push_back("the query has more than " + std::to_string(most) + " words: searched with " +
                        (names.empty() ? "each of its " + std::to_string(room) + " words once"
                                          : "the " + std::to_string(room) + " least common, leaving out " + names));
    return kept;
  }

  // A query word as snippets mark it: in the form typed, if typed with marks.
  static HighlightWord highlight_word(const Token& token) {
    return {token.folded, has_diacritics(token.text) ? token.text : std::string()};
  }

  // `marked`: the word is marked in snippets on its own (not only as part of a run).
  Xapian::Query word_query(const QueryToken& token, bool marked = true) {
    // "-bàn" excludes bàn, not bán and bạn: a word typed with marks is excluded exactly.
    if (within_negation_) {
      const std::string exact_term = std::string(schema::exact) + token.text;
      return has_diacritics(token.text) ? Xapian::Query(exact_term) : Xapian::Query(token.folded);
    }
    if (marked) {
      highlighting_.add_word(highlight_word(token));
    } else {
      highlighting_.add_unmarked(token.folded);
    }
    Xapian::Query query(token.folded);
    // Typed with marks, the form typed; without, each form likely where the
    // word stands, as if typed, the best of them counting.
    const std::vector<std::string> typed_form{token.text};
    const std::vector<std::string>& forms = has_diacritics(token.text) ? typed_form : token.plausible;
    // A term no document has weighs nothing: no round trip to a remote
    // shard asks first.
    std::vector<Xapian::Query> exact_terms;
    for (const std::string& form : forms) exact_terms.emplace_back(std::string(schema::exact) + form);
    if (exact_terms.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                         scaled(Xapian::Query(Xapian::Query::OP_MAX, exact_terms.begin(), exact_terms.end()),
                                exact_boost));
  }

  // A document code: its folded term, and its own number's term as a boost.
  Xapian::Query code_query(const std::string& folded_code) {
    highlighting_.add_word({folded_code, ""});
    const std::string number_term = std::string(schema::number) + folded_code;
    Xapian::Query query(folded_code);
    if (context_.db.term_exists(number_term)) {
      query = Xapian::Query(Xapian::Query::OP_OR, query,
                            scaled(Xapian::Query(number_term), number_boost));
    }
    return query;
  }

  // "60 nq tw" -> "60-nq/tw" or "60/nq-tw" when the database has that number.
  std::string spelled_out_code(const std::vector<QueryToken>& tokens, std::size_t i,
                               std::size_t& used) const {
    if (tokens[i].kind != TokenKind::number) return {};
    for (std::size_t parts = 3; parts >= 2; --parts) {
      if (i + parts > tokens.size()) continue;
      bool letters = true;
      for (std::size_t k = i + 1; k < i + parts; ++k) {
        letters = letters && tokens[k].kind == TokenKind::word && tokens[k].folded.size() <= 10;
      }
      if (!letters) continue;
      std::vector<std::string> candidates;
      const std::string& n = tokens[i].folded;
      if (parts == 3) {
        candidates = {n + "-" + tokens[i + 1].folded + "/" + tokens[i + 2].folded,
                      n + "/" + tokens[i + 1].folded + "-" + tokens[i + 2].folded};
      } else {
        candidates = {n + "/" + tokens[i + 1].folded, n + "-" + tokens[i + 1].folded};
      }
      for (const std::string& code : candidates) {
        if (context_.db.term_exists(std::string(schema::number) + code)) {
          used = parts;
          return code;
        }
      }
    }
    return {};
  }

  // Abbreviations are written in plain letters (HĐND, TU): a single word typed
  // with tone or vowel marks ("tư", "hủ") is that word, not an abbreviation.
  // Typed in small letters, "tu" is the abbreviation only if the index does
  // not usually write that syllable with marks (từ, tự, tư...); in capitals it is.
  bool may_be_abbreviation(const Token& token, std::string_view typed) const {
    std::string plain;  // the token with đ as d, as folding writes it
    for (std::size_t i = 0; i < token.text.size(); ++i) {
      const bool d_stroke = token.text.compare(i, 2, "đ") == 0;
      plain += d_stroke ? 'd' : token.text[i];
      i += d_stroke ? 1 : 0;
    }
    if (plain != token.folded) return false;
    const bool capitals =
        std::none_of(typed.begin(), typed.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
        typed.find("đ") == std::string_view::npos;
    return capitals || context_.vocabulary.likely_accented(context_.shards, token.folded).empty();
  }

  // Abbreviations and their expansions (the data files' synonyms), longest first.
  std::optional<Xapian::Query> synonym_query(const std::vector<QueryToken>& tokens, std::size_t i,
                                             std::size_t& used) {
    for (std::size_t n = std::min<std::size_t>(4, tokens.size() - i); n >= 1; --n) {
      std::string key;
      for (std::size_t k = i; k < i + n; ++k) {
        if (tokens[k].kind == TokenKind::code) return std::nullopt;
        if (!key.empty()) key += ' ';
        key += tokens[k].folded;
      }
      const std::set<std::string>& synonyms = context_.vocabulary.synonyms(key);
      if (synonyms.empty()) continue;
      if (n == 1 && !may_be_abbreviation(tokens[i], tokens[i].typed)) return std::nullopt;
      std::vector<Xapian::Query> alternatives;
      std::size_t expansions = 0;
      for (auto it = synonyms.begin(); it != synonyms.end() && expansions < context_.options.max_expansions;
           ++it, ++expansions) {
        const std::vector<std::string> synonym_words = split_words(*it);
        std::vector<HighlightWord> expansion_run;
        for (const std::string& word : synonym_words) expansion_run.push_back({word, ""});
        highlighting_.add_run(std::move(expansion_run));
        if (!synonym_words.empty()) alternatives.push_back(phrase_of(synonym_words));
      }
      if (alternatives.empty()) continue;
      // The words as typed are matched as words (a phrase over common
      // syllables would be checked on every match); re-ranking by adjacency
      // puts those where they stand together first.
      // Marked where they stand together, as the expansion is: "Ban" of
      // "Ban Thường vụ" is not marked in "bạn bè".
      std::vector<Xapian::Query> own;
      std::vector<HighlightWord> typed_run;
      for (std::size_t k = i; k < i + n; ++k) {
        own.push_back(word_query(tokens[k], n == 1));
        typed_run.push_back(highlight_word(tokens[k]));
      }
      highlighting_.add_run(std::move(typed_run));
      alternatives.insert(alternatives.begin(),
                          Xapian::Query(Xapian::Query::OP_AND, own.begin(), own.end()));
      used = n;
      return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }
    return std::nullopt;
  }

  static std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find(' ', start);
      if (end == std::string::npos) end = text.size();
      if (end > start) words.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return words;
  }

  // In a run of many words (a question), the words that carry the match
  // are marked in snippets, not the common ones ("của", "theo", "được"),
  // which would mark nearly every word of a passage: those in more than a
  // quarter of the documents, unless every word of the run is.
  static constexpr std::size_t long_run_words = 8;

  std::set<std::string> common_words_of_a_long_run(const std::vector<QueryToken>& tokens,
                                                   const std::vector<bool>& kept) const {
    std::set<std::string> words, common;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (kept[i] && tokens[i].kind != TokenKind::code) words.insert(tokens[i].folded);
    }
    if (words.size() < long_run_words || within_negation_) return {};
    const Xapian::doccount documents = context_.db.get_doccount();
    for (const std::string& word : words) {
      if (static_cast<double>(context_.db.get_termfreq(word)) > 0.25 * documents) common.insert(word);
    }
    return common.size() == words.size() ? std::set<std::string>() : common;
  }

  Part text(const std::vector<QueryToken>& all_tokens) {
    const std::vector<bool> kept = informative_words_of(all_tokens);
    std::vector<Xapian::Query> elements;
    std::vector<std::string> adjacent;  // folded single words, for adjacency boosts
    std::vector<Xapian::Query> title_words;
    auto close_adjacent = [&] {
      if (within_negation_) adjacent.clear();
      if (adjacent.size() >= 2) proximity_.push_back(adjacent);
      sequence_.insert(sequence_.end(), adjacent.begin(), adjacent.end());
      adjacent.clear();
    };
    const std::set<std::string> unmarked = common_words_of_a_long_run(all_tokens, kept);
    // Words left out split the run: those on either side were not typed
    // next to each other.
    std::vector<std::vector<QueryToken>> segments(1);
    for (std::size_t i = 0; i < all_tokens.size(); ++i) {
      if (kept[i]) {
        segments.back().push_back(all_tokens[i]);
      } else if (!segments.back().empty()) {
        segments.emplace_back();
      }
    }
    // One stretch of words typed next to each other.
    const auto add_words = [&](const std::vector<QueryToken>& tokens) {
      for (std::size_t i = 0; i < tokens.size();) {
        const QueryToken& token = tokens[i];
        std::size_t used = 1;
        if (token.kind == TokenKind::code) {
          close_adjacent();
          elements.push_back(code_query(token.folded));
        } else if (std::string code = spelled_out_code(tokens, i, used); !code.empty()) {
          close_adjacent();
          // "số" typed before it is part of how the code was written, not a word to find.
          if (!elements.empty() && i > 0 && tokens[i - 1].folded == "so") elements.pop_back();
          std::vector<std::string> parts;
          for (std::size_t k = i; k < i + used; ++k) parts.push_back(tokens[k].folded);
          elements.push_back(Xapian::Query(Xapian::Query::OP_OR, phrase_of(parts),
                                           scaled(Xapian::Query(std::string(schema::number) + code),
                                                  number_boost)));
          std::vector<HighlightWord> code_run;
          for (const std::string& part : parts) code_run.push_back({part, ""});
          highlighting_.add_run(std::move(code_run));
        } else if (auto synonyms = synonym_query(tokens, i, used)) {
          elements.push_back(*synonyms);
          for (std::size_t k = i; k < i + used; ++k) {
            adjacent.push_back(tokens[k].folded);
            title_words.emplace_back(std::string(schema::title_word) + tokens[k].folded);
          }
        } else {
          elements.push_back(word_query(token, !unmarked.contains(token.folded)));
          adjacent.push_back(token.folded);
          title_words.emplace_back(std::string(schema::title_word) + token.folded);
        }
        i += used;
      }
    };
    for (const std::vector<QueryToken>& segment : segments) {
      close_adjacent();
      add_words(segment);
    }
    close_adjacent();
    if (elements.empty()) return {};
    // A query of more words than a keyword search has is a question, and the
    // passage that answers a question seldom has all of its words: requiring
    // them all finds only the long documents that happen to have them. Its
    // runs match any of their words, ranked by how many and how rare (BM25),
    // so relaxing has nothing more to try for it. What is excluded
    // (`-(…)`, `NOT (…)`) is still what has every word.
    // An excluded run keeps every word whatever the query's retries.
    const bool question = in_question();
    Xapian::Query query;
    Xapian::Query::op op = Xapian::Query::OP_OR;
    if (question) {
      query = Xapian::Query(op, elements.begin(), elements.end());
    } else if (within_negation_) {
      op = Xapian::Query::OP_AND;
      query = Xapian::Query(op, elements.begin(), elements.end());
    } else {
      longest_run_ = std::max(longest_run_, elements.size());
      if (context_.match == Match::every_word) op = Xapian::Query::OP_AND;
      query = context_.match == Match::all_but_one_word ? all_but_one(elements)
                                                        : Xapian::Query(op, elements.begin(), elements.end());
    }
    // Words that are all in a document's title, as when a title is typed from
    // memory: BM25 over the short title field ranks that document first. Not
    // for a question: any of its words in a title ("của", "theo") would lift
    // documents that answer nothing (on benchmarks/quality.py's questions,
    // MRR@10 0.705 with it, 0.817 without).
    if (!within_negation_ && !question && title_words.size() >= 2) {
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                            scaled(Xapian::Query(op, title_words.begin(), title_words.end()),
                                   title_boost));
    }
    return weighted(query);
  }

  // Documents with every element but any one of them; with two, or past a few
  // elements (the alternatives would be too many), any element will do.
  static constexpr std::size_t most_left_out_alternatives = 8;

  static bool drops_one(std::size_t elements) {
    return elements >= 3 && elements <= most_left_out_alternatives;
  }

  static std::optional<Match> looser(Match match, std::size_t longest_run) {
    if (longest_run < 2 || match == Match::any_word) return std::nullopt;
    if (match == Match::every_word && drops_one(longest_run)) return Match::all_but_one_word;
    return Match::any_word;
  }

  static Xapian::Query all_but_one(const std::vector<Xapian::Query>& elements) {
    if (!drops_one(elements.size())) {
      return Xapian::Query(Xapian::Query::OP_OR, elements.begin(), elements.end());
    }
    std::vector<Xapian::Query> alternatives;
    for (std::size_t left_out = 0; left_out < elements.size(); ++left_out) {
      std::vector<Xapian::Query> rest;
      for (std::size_t k = 0; k < elements.size(); ++k) {
        if (k != left_out) rest.push_back(elements[k]);
      }
      alternatives.emplace_back(Xapian::Query::OP_AND, rest.begin(), rest.end());
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  Part phrase(const std::vector<QueryToken>& tokens) {
    // Quotes in a question are most often the quotes of the text it was
    // pasted from, and its words do not all stand in the passage that
    // answers it: they are words of the question, which rank higher where
    // they stand together (proximity).
    if (in_question()) return text(tokens);
    count_phrase_words(tokens);
    std::vector<std::string> words;
    std::vector<Xapian::Query> exact_boosts;
    std::vector<HighlightWord> run;  // a phrase is marked where it stands whole
    for (const Token& token : tokens) {
      words.push_back(token.folded);
      if (token.kind == TokenKind::code) {
        run.push_back({token.folded, ""});
        continue;
      }
      run.push_back(highlight_word(token));
      const std::string exact_term = std::string(schema::exact) + token.text;
      if (!within_negation_ && has_diacritics(token.text) && context_.db.term_exists(exact_term)) {
        exact_boosts.push_back(scaled(Xapian::Query(exact_term), exact_boost));
      }
    }
    if (words.empty()) return {};
    highlighting_.add_run(std::move(run));  // none inside an exclusion: all() swaps it out
    Xapian::Query query = phrase_of(words);
    if (!exact_boosts.empty()) {
      query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                            Xapian::Query(Xapian::Query::OP_OR, exact_boosts.begin(),
                                          exact_boosts.end()));
    }
    return weighted(query);
  }

  const BuildContext& context_;
  Highlighting highlighting_;
  std::vector<std::string> warnings_;
  std::vector<std::vector<std::string>> proximity_;
  std::vector<std::string> sequence_;
  std::size_t term_count_ = 0;
  std::size_t longest_run_ = 0;
  // Building anything inside the operand of NOT or '-', however deeply
  // grouped: what it matches is only taken away, so it is built without
  // weights (no boosts, no proximity) and marks nothing in snippets.
  bool within_negation_ = false;
  bool question_ = false;  // the query seeks more words than a keyword search has
};

// "Số 12-NQ/HU", "so: 12-NQ/HU" -> "12-NQ/HU".
std::string strip_number_prefix(const std::string& value) {
  const std::size_t gap = value.find_first_of(": ");
  if (gap == std::string::npos || fold(value.substr(0, gap)) != "so") return value;
  const std::size_t start = value.find_first_not_of(": ", gap);
  return start == std::string::npos ? std::string() : value.substr(start);
}

// "2019-01-01..2019-06-30", "..2019-06-30", "15/3/2019": a value range on the date.
Xapian::Query date_filter(const std::string& value) {
  const std::size_t dots = value.find("..");
  auto compact = [&](const std::string& text) -> std::string {
    const auto iso = parse_date(text);
    if (!iso) throw QueryError("invalid date '" + text + "' (use 2019-03-15 or 15/3/2019)");
    return iso->substr(0, 4) + iso->substr(5, 2) + iso->substr(8, 2);
  };
  if (dots == std::string::npos) {
    return term(schema::date, compact(value));
  }
  const std::string from_text = value.substr(0, dots), to_text = value.substr(dots + 2);
  if (from_text.empty() && to_text.empty()) throw QueryError("empty date range '..'");
  const std::string from = from_text.empty() ? "00000000" : compact(from_text);
  const std::string to = to_text.empty() ? "99999999" : compact(to_text);
  if (from > to) throw QueryError("date range '" + value + "' ends before it starts");
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::date_slot, from, to);
}

}  // namespace

BuiltQuery build_query(const Node& root, const BuildContext& context) {
  return Builder(context).run(root);
}

Xapian::Query field_filter(const std::string& field, const std::string& value,
                           const BuildContext& context) {
  if (field == "district") {
    // "Bạch Thông, Bắc Kạn" or "Bạch Thông (Bắc Kạn)" names the province too.
    const std::size_t split = value.find_first_of(",(");
    if (split != std::string::npos) {
      std::string province = value.substr(split + 1);
      province.erase(std::remove(province.begin(), province.end(), ')'), province.end());
      return term(schema::district,
                  schema::facet_key(province) + "/" + schema::facet_key(value.substr(0, split)));
    }
    return term(schema::district_name, schema::facet_key(value));
  }
  if (field == "province") return term(schema::province, schema::facet_key(value));
  if (field == "term") {
    const auto parsed = metadata::parse_term(value);
    if (!parsed) throw QueryError("invalid term '" + value + "' (use 2015-2020)");
    return term(schema::term, *parsed);
  }
  if (field == "topic") return term(schema::topic, context.vocabulary.topic_key(value));
  if (field == "type") return term(schema::type, context.vocabulary.type_key(value));
  if (field == "number") return term(schema::number, fold(strip_number_prefix(value)));
  if (field == "cites") return term(schema::cited, fold(strip_number_prefix(value)));
  if (field == "author") return term(schema::author, schema::facet_key(value));
  if (field == "date") return date_filter(value);
  if (field == "year") {
    const std::size_t dots = value.find("..");
    if (dots != std::string::npos) {
      return date_filter(value.substr(0, dots) + "-01-01.." + value.substr(dots + 2) + "-12-31");
    }
    if (value.size() != 4 || value.find_first_not_of("0123456789") != std::string::npos) {
      throw QueryError("invalid year '" + value + "'");
    }
    return term(schema::year, value);
  }
  if (field == "issuer") {
    // A prefix of the issuer's name matches: issuer:"huyện ủy" finds every Huyện ủy.
    const std::string prefix = std::string(schema::issuer) + schema::facet_key(value);
    std::vector<Xapian::Query> issuers;
    for (auto it = context.db.allterms_begin(prefix);
         it != context.db.allterms_end(prefix) && issuers.size() < 256; ++it) {
      issuers.emplace_back(*it);
    }
    if (issuers.empty()) return Xapian::Query(prefix);  // matches nothing, as it should
    return Xapian::Query(Xapian::Query::OP_OR, issuers.begin(), issuers.end());
  }
  throw QueryError("unknown field '" + field + "'");
}

ClearanceLimit::ClearanceLimit(Access clearance, const std::vector<Xapian::doccount>& level_counts,
                               Xapian::doccount documents) {
  std::vector<Xapian::Query> allowed, above;
  Xapian::doccount allowed_count = 0, above_count = 0;
  for (int level = 0; level <= static_cast<int>(Access::top_secret); ++level) {
    const std::string level_term =
        std::string(schema::access) + std::string(access_name(static_cast<Access>(level)));
    const Xapian::doccount count = level_counts.at(static_cast<std::size_t>(level));
    if (level <= static_cast<int>(clearance)) {
      allowed.emplace_back(level_term);
      allowed_count += count;
    } else if (count > 0) {
      above.emplace_back(level_term);
      above_count += count;
    }
  }
  if (above_count == 0 && allowed_count == documents) return;
  // Every document the indexer writes has one level; were some without, only
  // keeping the allowed ones would leave them out.
  if (allowed_count + above_count == documents) {
    excluded_ = Xapian::Query(Xapian::Query::OP_OR, above.begin(), above.end());
  } else {
    kept_ = Xapian::Query(Xapian::Query::OP_OR, allowed.begin(), allowed.end());
  }
}

std::optional<Xapian::Document> ClearanceLimit::first_with(const Xapian::Database& db, const std::string& term) const {
  Xapian::Enquire enquire(db);
  enquire.set_query(apply(Xapian::Query(term)));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet first = enquire.get_mset(0, 1);
  if (first.empty()) return std::nullopt;
  return first.begin().get_document();
}

bool ClearanceLimit::shows(const Xapian::Database& db, const std::string& term) const {
  return limits() ? first_with(db, term).has_value() : db.term_exists(term);
}

Xapian::Query ClearanceLimit::apply(const Xapian::Query& query) const {
  if (excluded_) return Xapian::Query(Xapian::Query::OP_AND_NOT, query, *excluded_);
  if (kept_) return Xapian::Query(Xapian::Query::OP_FILTER, query, *kept_);
  return query;
}

}  // namespace vankien::query
