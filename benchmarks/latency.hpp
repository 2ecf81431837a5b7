#pragma once
// Query latency as every benchmark here reports it: one warm-up pass over all
// the queries, then one timed pass, one query at a time.

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace bench {

struct Latency {
  double p50_ms = 0, p95_ms = 0, p99_ms = 0, qps = 0;
};

/// Calls run(query, timed) for every query twice: timed false, then true.
template <typename Run>
Latency measure_latency(const std::vector<std::string>& queries, Run run) {
  using Clock = std::chrono::steady_clock;
  for (const std::string& query : queries) run(query, false);
  std::vector<double> ms;
  const auto start = Clock::now();
  for (const std::string& query : queries) {
    const auto begin = Clock::now();
    run(query, true);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * static_cast<double>(ms.size())))];
  };
  return {at(0.50), at(0.95), at(0.99), static_cast<double>(ms.size()) / seconds};
}

}  // namespace bench
