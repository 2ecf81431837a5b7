// Query latency over a vankien database, with plain Xapian on the same
// database and queries as the baseline measured in the same run.
//
//   query_bench DB QUERIES.freq [COUNT] [SEED] [PASSES]
//
// QUERIES.freq has "query count" lines (../shared/data/queries/keyword.freq).
// COUNT queries (default 1000) are sampled with a fixed seed; each workload
// runs them all once to warm up, then PASSES times timed (default 1), each
// query's latency being the median of its passes. Top 10 with snippets.
// Each vankien workload runs with the searcher's helper thread, and the
// first two also without it; then the queries are shared by two client
// threads, with and without it, for the throughput of a loaded searcher.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "latency.hpp"
#include "vankien/search.hpp"
#include "vankien/text.hpp"

namespace {


struct Figures {
  bench::Latency latency;
  std::size_t errors = 0;
};

Figures measure(const std::vector<std::string>& queries, std::size_t passes,
                const std::function<void(const std::string&)>& run) {
  Figures figures;
  figures.latency = bench::measure_latency(queries, [&](const std::string& query, bool timed) {
    try {
      run(query);
    } catch (const std::exception&) {
      if (timed) ++figures.errors;
    }
  }, passes);
  figures.errors /= passes;  // a failing query fails in every pass
  return figures;
}

// A quiet portal: one search at a time with a pause before each (not timed),
// long enough for an idle helper thread to have gone to sleep.
bench::Latency quiet_latency(const std::vector<std::string>& queries,
                             const std::function<void(const std::string&)>& run) {
  using Clock = std::chrono::steady_clock;
  std::vector<double> ms;
  for (const std::string& query : queries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    const auto begin = Clock::now();
    try {
      run(query);
    } catch (const std::exception&) {
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))]; };
  return {at(0.50), at(0.95), at(0.99), 0};
}

// Queries a second when `clients` threads share the queries (as typed), once each.
double throughput(const std::vector<std::string>& queries, unsigned clients,
                  const std::function<void(const std::string&)>& run) {
  std::atomic<std::size_t> next{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (unsigned c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < queries.size(); i = next++) {
        try {
          run(queries[i]);
        } catch (const std::exception&) {
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  return static_cast<double>(queries.size()) / seconds.count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: query_bench DB QUERIES.freq [COUNT] [SEED] [PASSES]\n";
    return 2;
  }
  const std::string db_path = argv[1];
  const std::size_t count = argc > 3 ? std::stoul(argv[3]) : 1000;
  const unsigned seed = argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 2026;
  const std::size_t passes = argc > 5 ? std::stoul(argv[5]) : 1;
  if (passes == 0) {
    std::cerr << "query_bench: PASSES must be at least 1\n";
    return 2;
  }
  const auto typed = bench::sample_queries(argv[2], count, seed);
  std::vector<std::string> folded;
  for (const auto& q : typed) folded.push_back(vankien::fold(q));

  const vankien::Searcher searcher({db_path});
  vankien::SearchOptions without_helper;
  without_helper.helper_thread = false;
  const vankien::Searcher alone({db_path}, without_helper);
  auto search_alone = [&](const std::string& q) {
    vankien::SearchRequest request;
    request.query = q;
    request.limit = 10;
    alone.search(request);
  };
  auto search = [&](const std::string& q, bool facets) {
    vankien::SearchRequest request;
    request.query = q;
    request.limit = 10;
    if (facets) {
      request.type = "bai_viet";
      request.facets = {"district", "province", "term", "topic", "type"};
    }
    searcher.search(request);
  };
  // Baseline: what a plain Xapian user would run on the same database: the
  // QueryParser (default OR) over the folded query, top 10, stored data read.
  Xapian::Database xapian_db(db_path);
  Xapian::QueryParser parser;
  parser.set_database(xapian_db);
  auto plain = [&](const std::string& q) {
    Xapian::Enquire enquire(xapian_db);
    enquire.set_query(parser.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) (void)it.get_document().get_data();
  };

  const Figures baseline = measure(folded, passes, plain);
  struct Row {
    const char* name;
    Figures figures;
  };
  const std::vector<Row> rows = {
      {"vankien, as typed", measure(typed, passes, [&](const std::string& q) { search(q, false); })},
      {"vankien, without diacritics", measure(folded, passes, [&](const std::string& q) { search(q, false); })},
      {"vankien, as typed + filter + 5 facets", measure(typed, passes, [&](const std::string& q) { search(q, true); })},
      {"vankien, no diacritics + filter + facets", measure(folded, passes, [&](const std::string& q) { search(q, true); })},
      {"vankien, as typed, no helper thread", measure(typed, passes, search_alone)},
      {"vankien, no diacritics, no helper thread", measure(folded, passes, search_alone)},
      {"plain Xapian QueryParser (baseline)", baseline},
  };
  std::printf("database: %s (%u documents); %zu queries sampled with seed %u; top 10; %zu timed pass(es)\n",
              db_path.c_str(), xapian_db.get_doccount(), typed.size(), seed, passes);
  std::printf("%-42s %8s %8s %8s %8s %10s %7s\n", "workload", "p50 ms", "p95 ms", "p99 ms", "q/s",
              "p50 ratio", "errors");
  for (const Row& row : rows) {
    const bench::Latency& l = row.figures.latency;
    std::printf("%-42s %8.2f %8.2f %8.2f %8.0f %10.2f %7zu\n", row.name, l.p50_ms, l.p95_ms, l.p99_ms,
                l.qps, l.p50_ms / baseline.latency.p50_ms, row.figures.errors);
  }
  // A quiet portal, as typed, each query once more (already warm).
  const bench::Latency quiet_helper = quiet_latency(typed, [&](const std::string& q) { search(q, false); });
  const bench::Latency quiet_alone = quiet_latency(typed, search_alone);
  std::printf("quiet portal (3 ms pause before each search), as typed: p50 %.2f ms with the helper thread, "
              "%.2f ms without (ratio %.2f); p95 %.2f and %.2f ms\n",
              quiet_helper.p50_ms, quiet_alone.p50_ms, quiet_helper.p50_ms / quiet_alone.p50_ms, quiet_helper.p95_ms,
              quiet_alone.p95_ms);
  // Two clients at once, as typed: the helper is then mostly held by one of them.
  const double shared_with_helper = throughput(typed, 2, [&](const std::string& q) { search(q, false); });
  const double shared_alone = throughput(typed, 2, search_alone);
  std::printf("two clients at once, as typed: %.0f q/s with the helper thread, %.0f q/s without (ratio %.2f)\n",
              shared_with_helper, shared_alone, shared_with_helper / shared_alone);
  std::printf("{\"benchmark\":\"query\",\"queries\":%zu", typed.size());
  for (const Row& row : rows) {
    std::printf(",\"%s\":{\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f,\"qps\":%.1f}", row.name,
                row.figures.latency.p50_ms, row.figures.latency.p95_ms, row.figures.latency.p99_ms,
                row.figures.latency.qps);
  }
  std::printf("}\n");
  return 0;
}
