// `vankien serve` under load: CLIENTS concurrent clients for SECONDS, each
// searching in a loop over keep-alive connections, beside the same searches
// through the library in this one process with as many threads (the HTTP
// overhead as a ratio). Reports requests/s, p50/p99 and failed requests, and
// the server's resident memory at the start, the end and its peak.
//
//   http_load QUERIES COUNT DB URL SECONDS CLIENTS SERVER_PID
//
// QUERIES is a "query count" file (../shared/data/queries/keyword.freq);
// COUNT queries are drawn from it with a fixed seed. Exits 1 if any request
// failed.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "latency.hpp"
#include "vankien/search.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Run {
  std::vector<double> ms;  // every request's latency
  std::size_t failed = 0;
  double seconds = 0;

  double percentile(double p) const {
    if (ms.empty()) return 0;
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
  }
  double per_second() const { return static_cast<double>(ms.size()) / seconds; }
};

// Runs `request(client, query)` from `clients` threads for `seconds`; each
// thread starts at its own place in the queries. `request` returns false for
// a failed request.
template <typename Request>
Run load(std::size_t clients, double seconds, const std::vector<std::string>& queries, Request request) {
  Run run;
  std::mutex mutex;
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (std::size_t client = 0; client < clients; ++client) {
    threads.emplace_back([&, client] {
      std::vector<double> mine;
      std::size_t failed = 0;
      for (std::size_t i = client * 7; Clock::now() < end; ++i) {
        const auto begin = Clock::now();
        if (!request(client, queries[i % queries.size()])) ++failed;
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
      }
      const std::lock_guard lock(mutex);
      run.ms.insert(run.ms.end(), mine.begin(), mine.end());
      run.failed += failed;
    });
  }
  for (std::thread& thread : threads) thread.join();
  run.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return run;
}

std::string url_encoded(const std::string& text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.append({'%', hex[c >> 4], hex[c & 15]});
    }
  }
  return out;
}

std::size_t resident_kb(const std::string& pid) {
  std::ifstream status("/proc/" + pid + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 8) {
    std::cerr << "usage: http_load QUERIES COUNT DB URL SECONDS CLIENTS SERVER_PID\n";
    return 2;
  }
  const std::vector<std::string> queries = bench::sample_queries(argv[1], std::stoul(argv[2]), 7);
  const std::string db = argv[3], url = argv[4], pid = argv[7];
  const double seconds = std::stod(argv[5]);
  const std::size_t clients = std::stoul(argv[6]);

  vankien::SearchRequest request;
  request.limit = 10;
  request.facets = {"district", "term", "topic"};
  const std::string facets = "&limit=10&facets=district,term,topic";

  const vankien::Searcher searcher({db});
  const Run library = load(clients, seconds, queries, [&](std::size_t, const std::string& query) {
    vankien::SearchRequest mine = request;
    mine.query = query;
    try {
      searcher.search(mine);
      return true;
    } catch (const vankien::Error&) {
      return false;
    }
  });

  std::vector<std::unique_ptr<httplib::Client>> connections;
  for (std::size_t i = 0; i < clients; ++i) {
    connections.push_back(std::make_unique<httplib::Client>(url));
    connections.back()->set_keep_alive(true);
    connections.back()->set_tcp_nodelay(true);
    connections.back()->set_read_timeout(std::chrono::seconds(30));
  }
  const std::size_t rss_start = resident_kb(pid);
  std::atomic<std::size_t> rss_peak = rss_start, rss_warm = 0;
  std::atomic<bool> sampling = true;
  std::thread sampler([&] {
    // Once warm (every thread started, caches filled), memory must stay flat.
    const auto warm = Clock::now() + std::chrono::duration<double>(std::min(5.0, seconds / 3));
    while (sampling) {
      const std::size_t now = resident_kb(pid);
      rss_peak = std::max<std::size_t>(rss_peak, now);
      if (rss_warm == 0 && Clock::now() >= warm) rss_warm = now;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  const Run http = load(clients, seconds, queries, [&](std::size_t client, const std::string& query) {
    const auto response = connections[client]->Get("/search?q=" + url_encoded(query) + facets);
    return response && response->status == 200;
  });
  sampling = false;
  sampler.join();
  const std::size_t rss_end = resident_kb(pid);

  std::printf("%zu clients, %.0f s each, %zu distinct queries, top 10, 3 facets, snippets\n", clients, seconds,
              queries.size());
  std::printf("%-24s %10s %10s %10s %10s\n", "", "requests/s", "p50 ms", "p99 ms", "failed");
  for (const auto& [name, run] : {std::pair{"library, one process", &library}, std::pair{"HTTP (vankien serve)", &http}}) {
    std::printf("%-24s %10.0f %10.2f %10.2f %10zu\n", name, run->per_second(), run->percentile(0.5),
                run->percentile(0.99), run->failed);
  }
  std::printf("HTTP/library: requests/s %.2fx, p50 %.2fx, p99 %.2fx\n", http.per_second() / library.per_second(),
              http.percentile(0.5) / library.percentile(0.5), http.percentile(0.99) / library.percentile(0.99));
  std::printf("server RSS: idle %.1f MB, warm (%.0f s in) %.1f MB, end %.1f MB, peak %.1f MB\n",
              static_cast<double>(rss_start) / 1024, std::min(5.0, seconds / 3),
              static_cast<double>(rss_warm.load()) / 1024, static_cast<double>(rss_end) / 1024,
              static_cast<double>(rss_peak.load()) / 1024);
  return http.failed == 0 && library.failed == 0 ? 0 : 1;
}
