// One engine, one job, one JSON line on stdout; benchmarks/compare.py runs it
// for each engine and corpus size, so that each engine's peak memory is its own.
//
//   engine_bench index ENGINE CORPUS.jsonl DB
//   engine_bench query ENGINE DB QUERIES.txt [filtered]   one query a line
//   engine_bench known ENGINE DB ITEMS.tsv                 "id<TAB>query" lines
//
// ENGINE is vankien, xapian or fts5 (engine.hpp).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine.hpp"
#include "../latency.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> lines_of(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

nlohmann::json index(bench::Engine& engine, const std::string& corpus, const std::string& db) {
  const auto start = Clock::now();
  const std::size_t documents = engine.index(corpus, db);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return {{"documents", documents}, {"seconds", seconds}};
}

nlohmann::json latency(bench::Engine& engine, const std::vector<std::string>& queries,
                       bool filtered) {
  std::size_t errors = 0, empty = 0;
  const bench::Latency figures = bench::measure_latency(queries, [&](const std::string& query, bool timed) {
    try {
      const auto ids = filtered ? engine.search_filtered(query) : engine.search(query);
      if (timed && ids.empty()) ++empty;
    } catch (const std::exception&) {
      if (timed) ++errors;
    }
  });
  return {{"queries", queries.size()}, {"p50_ms", figures.p50_ms}, {"p95_ms", figures.p95_ms},
          {"p99_ms", figures.p99_ms},   {"qps", figures.qps},       {"errors", errors},
          {"empty", empty}};
}

// Known-item search: the rank of each item's own document in the top 10
// (0: not there), each item's for comparing engines query by query.
nlohmann::json known_items(bench::Engine& engine, const std::vector<std::string>& items) {
  std::size_t count = 0, at_1 = 0, at_10 = 0;
  std::vector<std::size_t> ranks;
  double reciprocal_ranks = 0;
  for (const std::string& item : items) {
    const std::size_t tab = item.find('\t');
    if (tab == std::string::npos) continue;
    const std::string id = item.substr(0, tab);
    ++count;
    ranks.push_back(0);
    std::vector<std::string> ids;
    try {
      ids = engine.search(item.substr(tab + 1));
    } catch (const std::exception&) {
    }
    const auto found = std::find(ids.begin(), ids.end(), id);
    if (found == ids.end()) continue;
    const auto rank = static_cast<std::size_t>(found - ids.begin()) + 1;
    ranks.back() = rank;
    at_1 += rank == 1;
    ++at_10;
    reciprocal_ranks += 1.0 / static_cast<double>(rank);
  }
  const double n = std::max<double>(1, static_cast<double>(count));
  return {{"items", count}, {"success_at_1", static_cast<double>(at_1) / n},
          {"success_at_10", static_cast<double>(at_10) / n}, {"mrr_at_10", reciprocal_ranks / n}, {"ranks", ranks}};
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() < 4) {
    std::cerr << "usage: engine_bench index|query|known ENGINE ...\n";
    return 2;
  }
  try {
    const std::string& job = args[0];
    auto engine = bench::make_engine(args[1]);
    nlohmann::json result;
    if (job == "index") {
      result = index(*engine, args[2], args[3]);
    } else {
      engine->open(args[2]);
      const std::vector<std::string> lines = lines_of(args[3]);
      if (job == "query") {
        result = latency(*engine, lines, args.size() > 4 && args[4] == "filtered");
      } else if (job == "known") {
        result = known_items(*engine, lines);
      } else {
        std::cerr << "engine_bench: unknown job '" << job << "'\n";
        return 2;
      }
    }
    result["engine"] = args[1];
    std::cout << result.dump() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "engine_bench: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
