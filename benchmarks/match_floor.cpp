// What Xapian's matcher costs on a vankien index before vankien does anything
// of its own: the floor a search's p50 cannot go under while Xapian matches.
//
//   match_floor DB QUERIES.freq [COUNT] [SEED]
//
// Each query's words, folded, are matched with BM25 as vankien weighs them
// (top 30, as re-ranking asks), in shapes that add vankien's parts one at a
// time, then with every match counted (as facets need) and the facets value
// read for each, or looked up in memory as vankien does over one database.
// The baseline is the bare AND of the words, in the same run; a full vankien
// search, and one with a topic filter and 5 facets, are the last rows. One
// thread: no helper thread anywhere.
#include <xapian.h>

#include <cstdio>
#include <cstdint>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "latency.hpp"
#include "vankien/schema.hpp"
#include "vankien/search.hpp"
#include "vankien/text.hpp"

namespace {

namespace schema = vankien::schema;

// Reads the facets value of every match and does nothing else with it.
class ValueReader : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double) override {
    bytes_ += document.get_value(schema::facets_slot).size();
  }
  std::size_t bytes() const { return bytes_; }

 private:
  std::size_t bytes_ = 0;
};

// Counts each match's facets code from a column read once into memory.
class ColumnCounter : public Xapian::MatchSpy {
 public:
  explicit ColumnCounter(const Xapian::Database& db) : column_(db.get_lastdocid() + 1, 0) {
    std::map<std::string, std::uint32_t> codes;
    for (auto it = db.valuestream_begin(schema::facets_slot); it != db.valuestream_end(schema::facets_slot); ++it) {
      column_[it.get_docid()] = codes.emplace(*it, codes.size() + 1).first->second;
    }
    counts_.resize(codes.size() + 1);
  }
  void operator()(const Xapian::Document& document, double) override { ++counts_[column_[document.get_docid()]]; }

 private:
  std::vector<std::uint32_t> column_, counts_;
};

struct Shape {
  const char* name;
  bool exact, title, sort_by_id, count_all;
  enum class Spy { none, read_value, count_values, column } spy;
};

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

Xapian::Query query_of(const std::string& typed, const Shape& shape) {
  const std::vector<std::string> folded = words_of(vankien::fold(typed)), exact = words_of(vankien::normalize(typed));
  std::vector<Xapian::Query> words, title;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    Xapian::Query word(folded[i]);
    if (shape.exact && i < exact.size() && exact[i] != folded[i]) {
      word = Xapian::Query(Xapian::Query::OP_AND_MAYBE, word, Xapian::Query(std::string(schema::exact) + exact[i]));
    }
    words.push_back(word);
    title.emplace_back(std::string(schema::title_word) + folded[i]);
  }
  Xapian::Query query(Xapian::Query::OP_AND, words.begin(), words.end());
  if (shape.title) {
    query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_AND, title.begin(), title.end()));
  }
  return query;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: match_floor DB QUERIES.freq [COUNT] [SEED]\n";
    return 2;
  }
  const std::string path = argv[1];
  const auto queries = bench::sample_queries(argv[2], argc > 3 ? std::stoul(argv[3]) : 1000,
                                             argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 2026);
  Xapian::Database db(path);
  using Spy = Shape::Spy;
  ColumnCounter column(db);
  const std::vector<Shape> shapes = {
      {"bare AND of the folded words (baseline)", false, false, false, false, Spy::none},
      {"+ exact forms (XE, AND_MAYBE)", true, false, false, false, Spy::none},
      {"+ title words (S, AND_MAYBE)", true, true, false, false, Spy::none},
      {"+ ties broken by id (sort value)", true, true, true, false, Spy::none},
      {"every match counted (facets' check_at_least)", true, true, true, true, Spy::none},
      {"+ the facets value read per match", true, true, true, true, Spy::read_value},
      {"+ Xapian's ValueCountMatchSpy", true, true, true, true, Spy::count_values},
      {"every match counted from an in-memory column", true, true, true, true, Spy::column},
  };
  std::printf("database: %s (%u documents); %zu queries; top 30; one thread\n", path.c_str(), db.get_doccount(),
              queries.size());
  std::printf("%-56s %8s %8s %8s %9s\n", "workload", "p50 ms", "p95 ms", "p99 ms", "p50 ratio");
  double baseline = 0;
  const auto row = [&](const char* name, const bench::Latency& latency) {
    if (baseline == 0) baseline = latency.p50_ms;
    std::printf("%-56s %8.3f %8.3f %8.3f %9.2f\n", name, latency.p50_ms, latency.p95_ms, latency.p99_ms,
                latency.p50_ms / baseline);
  };
  for (const Shape& shape : shapes) {
    row(shape.name, bench::measure_latency(queries, [&](const std::string& typed, bool) {
      Xapian::Enquire enquire(db);
      enquire.set_query(query_of(typed, shape));
      enquire.set_weighting_scheme(Xapian::BM25Weight(schema::bm25_k1 * schema::wdf_scale, 0, 1, 0, 0.5));
      if (shape.sort_by_id) enquire.set_sort_by_relevance_then_value(schema::id_slot, false);
      ValueReader reader;
      Xapian::ValueCountMatchSpy counter(schema::facets_slot);
      if (shape.spy == Spy::read_value) enquire.add_matchspy(&reader);
      if (shape.spy == Spy::count_values) enquire.add_matchspy(&counter);
      if (shape.spy == Spy::column) enquire.add_matchspy(&column);
      (void)enquire.get_mset(0, 30, shape.count_all ? db.get_doccount() : 110);
    }));
  }

  vankien::SearchOptions alone;
  alone.helper_thread = false;
  const vankien::Searcher searcher({path}, alone);
  // The most common topic, as a portal's topic page asks (none: no filter).
  std::string topic;
  std::size_t most = 0;
  vankien::DatabaseStats stats = searcher.stats();
  for (const vankien::FacetCount& count : stats.counts["topic"]) {
    if (count.count > most) std::tie(topic, most) = std::make_pair(count.value, count.count);
  }
  const auto search = [&](bool filtered) {
    return [&, filtered](const std::string& typed, bool) {
      vankien::SearchRequest request;
      request.query = typed;
      if (filtered) {
        request.topic = topic;
        request.facets = {"district", "province", "term", "topic", "type"};
      }
      try {
        searcher.search(request);
      } catch (const std::exception&) {
      }
    };
  };
  row("vankien search, top 10 with snippets, no helper thread", bench::measure_latency(queries, search(false)));
  row("vankien search, topic filter + 5 facets, no helper", bench::measure_latency(queries, search(true)));
  return 0;
}
