// Finding a remote hit's snippet passage in its stored body: analysed from
// checkpoint to checkpoint, stopping once a stretch holds every query word,
// against the whole body analysed (the baseline, measured in the same run,
// the two taking turns).
//   passage_bench CORPUS.jsonl QUERIES.freq [DOCUMENTS] [QUERIES]
// Each query is tried on the documents that hold every one of its words, as
// the hits of a search do when every word matches.
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "indexer/document_builder.hpp"
#include "latency.hpp"
#include "query/candidates.hpp"
#include "storage/document_record.hpp"
#include "vankien/analyzer.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Body {
  std::string text;
  vankien::storage::BodyIndex index;
  std::set<std::string> words;  // folded
};

std::vector<Body> read_bodies(const std::string& file, std::size_t limit) {
  std::ifstream in(file);
  std::vector<Body> bodies;
  for (std::string line; bodies.size() < limit && std::getline(in, line);) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object()) continue;
    vankien::Document document;
    document.id = std::to_string(bodies.size());
    document.body = json.value("text", json.value("body", ""));
    Body body;
    body.text = document.body;
    body.index = vankien::storage::decode_record(
                     vankien::index::build_document(std::move(document), "hash").get_data())
                     .body_index;
    vankien::Analyzer().analyze(body.text, [&](const vankien::Token& t) { body.words.insert(t.folded); });
    bodies.push_back(std::move(body));
  }
  return bodies;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: passage_bench CORPUS.jsonl QUERIES.freq [DOCUMENTS] [QUERIES]\n";
    return 2;
  }
  const std::vector<Body> bodies = read_bodies(argv[1], argc > 3 ? std::stoul(argv[3]) : 2000);
  std::vector<std::set<std::string>> queries;
  for (const std::string& query : bench::sample_queries(argv[2], argc > 4 ? std::stoul(argv[4]) : 200, 7)) {
    std::set<std::string> terms;
    vankien::Analyzer().analyze(query, [&](const vankien::Token& t) { terms.insert(t.folded); });
    if (!terms.empty()) queries.push_back(std::move(terms));
  }
  constexpr std::uint32_t span = 120;  // a 240-byte snippet's
  const vankien::storage::BodyIndex whole_body;  // no checkpoints: one piece
  double seconds[2] = {0, 0};
  std::size_t pairs = 0, differ = 0;
  for (int round = 0; round < 2; ++round) {
    for (const auto& terms : queries) {
      for (const Body& body : bodies) {
        bool holds = true;
        for (const std::string& term : terms) holds = holds && body.words.count(term);
        if (!holds) continue;
        std::uint32_t found[2];
        for (int way = 0; way < 2; ++way) {
          const auto start = Clock::now();
          found[way] = vankien::query::best_passage_end(body.text, way == 0 ? whole_body : body.index, terms, span);
          seconds[way] += std::chrono::duration<double>(Clock::now() - start).count();
        }
        if (round == 0) ++pairs;
        differ += found[0] != found[1];
      }
    }
  }
  const double per_document = 1e6 / (2.0 * static_cast<double>(pairs));
  std::cout << pairs << " (query, document) pairs, 2 rounds\n"
            << "whole body analysed:          " << seconds[0] * per_document << " us a document\n"
            << "checkpoint to checkpoint:     " << seconds[1] * per_document << " us a document\n"
            << "ratio: " << seconds[1] / seconds[0] << "; passages that differ: " << differ << "\n";
  return differ == 0 ? 0 : 1;
}
