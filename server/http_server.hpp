#pragma once
// `vankien serve`: the HTTP API (api.hpp) and the search page (web/) over one
// Searcher, on cpp-httplib. docs/HTTP.md is the user's guide.

#include <chrono>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "api.hpp"

namespace vankien::server {

struct ServerOptions {
  std::string host = "127.0.0.1";  ///< loopback unless told otherwise
  int port = 8080;                 ///< 0: any free port (port() says which)
  std::size_t connections = 64;    ///< connections served at once (a thread each, while kept alive)
  std::size_t queue = 64;          ///< connections waiting for a thread; past it, accepting waits
  std::size_t search_threads = 0;  ///< searches run at once; 0: one per core
  std::chrono::seconds read_timeout{5};   ///< a client silent this long mid-request is dropped
  std::chrono::seconds write_timeout{5};
  std::chrono::seconds keep_alive_timeout{5};
  std::size_t keep_alive_requests = 100;  ///< requests per connection
  std::string cors_origin;                 ///< empty: no CORS headers
  std::filesystem::path keys_file;         ///< empty: every caller is public
  std::filesystem::path web_dir;           ///< empty: the page built into the server
  std::chrono::milliseconds refresh{1000}; ///< how often to look for commits (and a changed keys file)
  ApiLimits limits;
  std::ostream* log = nullptr;             ///< a line per request; nullptr: none (notes go to stderr)
};

class HttpServer {
 public:
  /// Binds the address; throws Error when it cannot (in use, no such host)
  /// or the keys file cannot be read.
  HttpServer(Searcher& searcher, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const;

  /// Serves until stop(); returns after in-flight requests have finished.
  void run();
  /// Stops accepting; safe from any thread (not from a signal handler).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vankien::server
