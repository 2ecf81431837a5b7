#pragma once
// Query latency as every benchmark here reports it: one warm-up pass over all
// the queries, then timed passes (one unless asked), one query at a time.

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

/// `count` queries drawn with a fixed seed from a "query count" file
/// (../shared/data/queries/keyword.freq).
inline std::vector<std::string> sample_queries(const std::string& file, std::size_t count, unsigned seed) {
  std::ifstream in(file);
  std::vector<std::string> all;
  for (std::string line; std::getline(in, line);) {
    const std::size_t space = line.rfind(' ');
    if (space != std::string::npos && space > 0) all.push_back(line.substr(0, space));
  }
  if (all.empty()) throw std::runtime_error("no queries in " + file);
  std::mt19937 random(seed);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(all[random() % all.size()]);
  return out;
}

struct Latency {
  double p50_ms = 0, p95_ms = 0, p99_ms = 0, qps = 0;
};

/// Calls run(query, false) for every query, then run(query, true) in
/// `passes` timed passes. A query's latency is the median of its passes: on a
/// shared machine, a stall from another tenant then moves no percentile.
template <typename Run>
Latency measure_latency(const std::vector<std::string>& queries, Run run, std::size_t passes = 1) {
  using Clock = std::chrono::steady_clock;
  for (const std::string& query : queries) run(query, false);
  if (queries.empty() || passes == 0) return {};
  std::vector<std::vector<double>> per_query(queries.size());
  const auto start = Clock::now();
  for (std::size_t pass = 0; pass < passes; ++pass) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto begin = Clock::now();
      run(queries[i], true);
      per_query[i].push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    }
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::vector<double> ms;
  for (std::vector<double>& times : per_query) {
    std::nth_element(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(times.size() / 2), times.end());
    ms.push_back(times[times.size() / 2]);
  }
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
  };
  return {at(0.50), at(0.95), at(0.99), static_cast<double>(queries.size() * passes) / seconds};
}

}  // namespace bench
