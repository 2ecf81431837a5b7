// Query latency over sets of shards, against the first set (one local
// database of the same documents) measured in the same run.
//
//   shard_bench QUERIES.freq COUNT LABEL=LOCATION[,LOCATION...]...
//
// A location is what Searcher takes: a path, tcp://HOST:PORT or a stub file.
// COUNT queries are sampled with a fixed seed, as typed; top 10 with
// snippets, one search at a time. The sets take turns, three passes each,
// so a slow spell of the machine falls on all of them.
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "latency.hpp"
#include "vankien/search.hpp"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: shard_bench QUERIES.freq COUNT LABEL=LOCATION[,LOCATION...]...\n";
    return 2;
  }
  const auto queries = bench::sample_queries(argv[1], std::stoul(argv[2]), 7);
  struct Set {
    std::string label;
    std::vector<std::filesystem::path> locations;
    std::vector<bench::Latency> passes;
  };
  std::vector<Set> sets;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    const std::size_t equals = arg.find('=');
    if (equals == std::string::npos) {
      std::cerr << "shard_bench: '" << arg << "' is not LABEL=LOCATION[,LOCATION...]\n";
      return 2;
    }
    Set set{arg.substr(0, equals), {}, {}};
    for (std::size_t start = equals + 1; start <= arg.size();) {
      std::size_t comma = arg.find(',', start);
      if (comma == std::string::npos) comma = arg.size();
      set.locations.emplace_back(arg.substr(start, comma - start));
      start = comma + 1;
    }
    sets.push_back(std::move(set));
  }
  std::vector<vankien::Searcher> searchers;
  for (const Set& set : sets) searchers.emplace_back(set.locations);
  constexpr int passes = 3;
  for (int pass = 0; pass < passes; ++pass) {
    for (std::size_t s = 0; s < sets.size(); ++s) {
      sets[s].passes.push_back(bench::measure_latency(queries, [&](const std::string& query, bool) {
        vankien::SearchRequest request;
        request.query = query;
        try {
          searchers[s].search(request);
        } catch (const vankien::QueryError&) {
        }
      }));
    }
  }
  // Each set's best pass: the one least disturbed by the rest of the machine.
  std::map<std::string, bench::Latency> best;
  for (const Set& set : sets) {
    bench::Latency b = set.passes.front();
    for (const bench::Latency& l : set.passes) {
      if (l.p50_ms < b.p50_ms) b = l;
    }
    best[set.label] = b;
  }
  const bench::Latency& base = best[sets.front().label];
  std::printf("%zu queries as typed, top 10 with snippets, best of %d passes\n", queries.size(), passes);
  std::printf("%-28s %9s %9s %12s %12s\n", "shards", "p50 ms", "p99 ms", "p50 ratio", "p99 ratio");
  for (const Set& set : sets) {
    const bench::Latency& l = best[set.label];
    std::printf("%-28s %9.3f %9.3f %12.2f %12.2f\n", set.label.c_str(), l.p50_ms, l.p99_ms, l.p50_ms / base.p50_ms,
                l.p99_ms / base.p99_ms);
  }
  return 0;
}
