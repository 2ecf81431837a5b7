#pragma once
// The HTTP API's endpoints over a Searcher, as plain functions of a request:
// the HTTP server (http_server.hpp) only moves bytes. docs/HTTP.md documents
// every endpoint, parameter and error code.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "keys.hpp"
#include "vankien/search.hpp"

namespace vankien::server {

struct ApiRequest {
  std::string method = "GET";
  std::string target;         ///< as sent: "/search?q=..."
  std::string authorization;  ///< the Authorization header, if any
};

struct ApiResponse {
  int status = 200;
  nlohmann::json body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct ApiLimits {
  std::size_t max_limit = 100;          ///< hits per page
  std::size_t max_snippet_bytes = 2000;
};

class Api {
 public:
  /// `keys` is asked for the current key ring on every request, so the
  /// server can swap in a re-read keys file.
  Api(const Searcher& searcher, std::function<std::shared_ptr<const KeyRing>()> keys, ApiLimits limits = {});

  /// Whether `path` is one of the API's ("/search", "/documents/ID", ...).
  static bool is_api_path(const std::string& path);

  /// Answers one request; never throws (errors are JSON with a status).
  ApiResponse handle(const ApiRequest& request) const;

 private:
  const Searcher& searcher_;
  std::function<std::shared_ptr<const KeyRing>()> keys_;
  ApiLimits limits_;
};

}  // namespace vankien::server
