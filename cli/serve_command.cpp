// `vankien serve`: the HTTP JSON API and the search page (docs/HTTP.md).
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "commands.hpp"
#include "options.hpp"
#include "server/http_server.hpp"
#include "vankien/search.hpp"

namespace vankien::cli {

namespace {

struct ServeOptions {
  std::vector<std::string> dbs;
  std::string listen = "127.0.0.1:8080";
  server::ServerOptions server;
  unsigned read_timeout_s = 5;
  unsigned refresh_ms = 1000;
  unsigned grace_s = 10;
  SearchOptions search;
  bool quiet = false;
};

// "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback).
bool parse_listen(const std::string& text, server::ServerOptions& out) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  std::string host = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return false;
  const int number = std::stoi(port);
  if (number > 65535) return false;
  out.host = host.empty() ? "127.0.0.1" : host;
  out.port = number;
  return true;
}

// SIGTERM and SIGINT are taken by one thread, which stops the server: the
// requests in flight finish and run() returns. Every other thread has them
// blocked, so no request's thread is ever interrupted.
// The signals must be blocked before any thread starts (the Searcher's
// helper, the server's workers), as a thread inherits its creator's mask.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

// A line on stderr in one write: the request log shares stderr, written from
// other threads, and a line written piece by piece would interleave with it.
void say(const std::string& line) { std::cerr << line << std::flush; }

// The first SIGTERM or SIGINT stops the server: the requests in flight are
// answered and run() returns. A second one, or requests still unfinished
// after the grace period (a client trickling its request), end the process
// at once.
class StopOnSignal {
 public:
  StopOnSignal(server::HttpServer& http, sigset_t signals, unsigned grace_seconds) : signals_(signals) {
    watcher_ = std::thread([this, &http, grace_seconds] {
      int received = 0;
      sigwait(&signals_, &received);
      if (done_) return;
      say(std::string("vankien serve: stopping (") + (received == SIGINT ? "SIGINT" : "SIGTERM") +
          "): answering the requests in flight\n");
      http.stop();
      const timespec grace{static_cast<time_t>(grace_seconds), 0};
      const int again = sigtimedwait(&signals_, nullptr, &grace);
      if (done_) return;
      say(std::string("vankien serve: ") + (again > 0 ? "second signal" : "requests still in flight after the grace period") +
          ": exiting now\n");
      std::_Exit(1);
    });
  }
  ~StopOnSignal() {
    done_ = true;
    pthread_kill(watcher_.native_handle(), SIGTERM);  // wakes the watcher, whichever wait it is in
    watcher_.join();
  }
  StopOnSignal(const StopOnSignal&) = delete;
  StopOnSignal& operator=(const StopOnSignal&) = delete;

 private:
  sigset_t signals_{};
  std::atomic<bool> done_{false};
  std::thread watcher_;
};

int run_serve(ServeOptions& options) {
  if (!parse_listen(options.listen, options.server)) {
    std::cerr << "vankien serve: --listen must be HOST:PORT, not '" << options.listen << "'\n";
    return 2;
  }
  if (options.dbs.empty()) options.dbs.push_back(default_db());
  options.server.read_timeout = std::chrono::seconds(options.read_timeout_s);
  options.server.refresh = std::chrono::milliseconds(options.refresh_ms);
  options.server.log = options.quiet ? nullptr : &std::cerr;

  const sigset_t signals = block_stop_signals();
  Searcher searcher(std::vector<std::filesystem::path>(options.dbs.begin(), options.dbs.end()), options.search);
  server::HttpServer http(searcher, options.server);
  const StopOnSignal stop_on_signal(http, signals, options.grace_s);
  const std::string& host = options.server.host;
  say("vankien serve: listening on http://" + (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
      std::to_string(http.port()) + "/\n");
  http.run();
  return 0;
}

}  // namespace

CommandRunner add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  server::ServerOptions& s = options->server;
  CLI::App* command = app.add_subcommand("serve", "Serve the HTTP JSON API and the search page");
  add_db_option(*command, options->dbs);
  command->add_option("--listen", options->listen, "HOST:PORT to listen on (port 0: any free one)")
      ->capture_default_str();
  command->add_option("--keys", s.keys_file, "API keys file (vankien keys add); without it every caller is public");
  command->add_option("--cors", s.cors_origin, "Let pages from this origin call the API (https://portal.example)");
  command->add_option("--connections", s.connections, "Connections served at once (a thread each while open)")
      ->capture_default_str()->check(CLI::Range(1, 4096));
  command->add_option("--queue", s.queue, "Connections waiting for a thread before accepting waits")
      ->capture_default_str()->check(CLI::Range(1, 65536));
  command->add_option("--search-threads", s.search_threads, "Searches run at once (default: one per core)")
      ->check(CLI::Range(1, 1024));
  command->add_option("--read-timeout", options->read_timeout_s, "Seconds a client may stay silent mid-request")
      ->capture_default_str()->check(CLI::Range(1, 3600));
  command->add_option("--max-limit", s.limits.max_limit, "Most hits one request may ask for")
      ->capture_default_str()->check(CLI::Range(1, 10000));
  command->add_option("--refresh", options->refresh_ms, "Milliseconds between looks for commits and a changed keys file")
      ->capture_default_str()->check(CLI::Range(10, 3600000));
  command->add_option("--grace", options->grace_s,
                      "Seconds the requests in flight get to finish once stopped, before the process exits anyway")
      ->capture_default_str()->check(CLI::Range(0, 3600));
  command->add_option("--web", s.web_dir, "Serve the search page from this directory instead of the built-in copy");
  command->add_option("--remote-timeout", options->search.remote_timeout_ms,
                      "Milliseconds a remote shard may take to answer before it is left out")
      ->capture_default_str();
  command->add_flag("--quiet", options->quiet, "No line per request on stderr");
  command->footer(
      "Stops on SIGTERM or SIGINT once the requests in flight are answered (at most --grace seconds; a "
      "second signal: at once). The API and the page: docs/HTTP.md.\n"
      "Examples:\n"
      "  vankien serve --db archive.db                       # http://127.0.0.1:8080/\n"
      "  vankien serve --db archive.db --keys keys.txt --listen 0.0.0.0:8080\n"
      "  curl 'http://127.0.0.1:8080/search?q=nghi+quyet&district=Bạch+Thông&facets=all'");
  return [options] { return run_serve(*options); };
}

}  // namespace vankien::cli
