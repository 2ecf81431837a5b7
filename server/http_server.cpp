#include "http_server.hpp"

#include <httplib.h>

#include <charconv>
#include <condition_variable>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include "bounded_pool.hpp"
#include "json_output.hpp"
#include "search_pool.hpp"
#include "web_files.hpp"
#include "vankien/error.hpp"

namespace vankien::server {

namespace {

using Clock = std::chrono::steady_clock;

// When the request a worker is on began: set before routing, read and
// cleared by the logger, both on the worker's thread. A request refused
// before routing (headers that never came) has none.
thread_local std::optional<Clock::time_point> request_start;

constexpr const char* json_type = "application/json; charset=utf-8";

void set_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(dump(body), json_type);
}

void set_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  set_json(res, status, {{"error", {{"code", code}, {"message", message}}}});
}

std::string error_code_of(int status) {
  switch (status) {
    case 400: case 414: case 431: return "bad_query";
    case 401: return "unauthorized";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 413: return "too_large";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "bad_query";
  }
}

// Answers, then ends the connection. cpp-httplib keeps a connection alive
// whatever the response says, and would read what follows the headers (the
// body just refused) as the next request; a content provider that reports
// failure once it has written everything makes it close instead.
void set_error_and_close(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  auto text = std::make_shared<const std::string>(dump({{"error", {{"code", code}, {"message", message}}}}));
  res.status = status;
  res.set_header("Connection", "close");
  res.set_content_provider(text->size(), json_type,
                           [text](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             sink.write(text->data() + offset, length);
                             return false;
                           });
}

// The page's own script and styles only: even a document text that got past
// escaping could not run a script or load anything.
void set_page_headers(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-cache");
}

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  std::ostringstream out;
  out << std::put_time(&parts, "%Y-%m-%dT%H:%M:%SZ");
  return out.str();
}

std::filesystem::file_time_type modified_time(const std::filesystem::path& file) {
  std::error_code error;
  const auto time = std::filesystem::last_write_time(file, error);
  return error ? std::filesystem::file_time_type::min() : time;
}

}  // namespace

struct HttpServer::Impl {
  Impl(Searcher& searcher_in, ServerOptions options_in)
      : searcher(searcher_in),
        options(std::move(options_in)),
        keys(std::make_shared<KeyRing>()),
        api(searcher, [this] { return current_keys(); }, options.limits) {
    if (!options.keys_file.empty()) {
      keys_time = modified_time(options.keys_file);
      keys = std::make_shared<KeyRing>(KeyRing::load(options.keys_file));
    }
    configure();
    port = options.port == 0 ? http.bind_to_any_port(options.host)
                                   : (http.bind_to_port(options.host, options.port) ? options.port
                                                                                                : -1);
    if (port <= 0) {
      throw Error("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                  " (in use, or not an address of this host)");
    }
  }

  std::shared_ptr<const KeyRing> current_keys() {
    const std::lock_guard lock(keys_mutex);
    return keys;
  }

  void configure() {
    const std::size_t threads = std::max<std::size_t>(1, options.connections);
    const std::size_t queue = std::max<std::size_t>(1, options.queue);
    http.new_task_queue = [threads, queue] { return new BoundedPool(threads, queue); };
    http.set_read_timeout(options.read_timeout);
    http.set_write_timeout(options.write_timeout);
    http.set_keep_alive_timeout(options.keep_alive_timeout.count());
    http.set_keep_alive_max_count(options.keep_alive_requests);
    http.set_payload_max_length(options.max_body_bytes);
    http.set_tcp_nodelay(true);  // a small answer goes out now, not after a delayed ACK

    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      request_start = Clock::now();
      return refuse_before_reading(req, res) ? httplib::Server::HandlerResponse::Handled
                                   : httplib::Server::HandlerResponse::Unhandled;
    });
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
    http.Get(".*", handler);
    http.Post(".*", handler);
    http.Put(".*", handler);
    http.Patch(".*", handler);
    http.Delete(".*", handler);
    http.Options(".*", handler);
    // cpp-httplib's own refusals (headers that never finished, a URI too
    // long): JSON too, and the connection closed, as what follows on it
    // cannot be trusted to start a request, and a client that stalled once
    // must not hold a worker for a keep-alive wait on top.
    http.set_error_handler(httplib::Server::Handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty() && !res.content_provider_) {
        set_error_and_close(res, res.status, error_code_of(res.status),
                            "the request was refused (HTTP " + std::to_string(res.status) + ")");
      }
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      set_error(res, 500, "internal", "internal error");
    });
    if (options.log != nullptr) {
      http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
    }
  }

  // A body is refused from its headers, before a byte of it is read: the API
  // takes none, and reading 50 MB to refuse it would be the attack. So is
  // any method but GET, HEAD and OPTIONS.
  bool refuse_before_reading(const httplib::Request& req, httplib::Response& res) const {
    if (req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS") {
      // Before cpp-httplib would wait to read a body the API has no use for.
      res.set_header("Allow", "GET, HEAD");
      set_error_and_close(res, 405, "method_not_allowed", "the API answers GET only, not " + req.method.substr(0, 16));
      return true;
    }
    std::size_t length = 0;
    if (req.has_header("Content-Length")) {
      const std::string text = req.get_header_value("Content-Length");
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
      if (error != std::errc() || end != text.data() + text.size()) {
        set_error_and_close(res, 400, "bad_query", "Content-Length is not a number");
        return true;
      }
    }
    const bool chunked = req.has_header("Transfer-Encoding");
    if (length <= options.max_body_bytes && !chunked) return false;
    set_error_and_close(res, 413, "too_large",
                        "request bodies are limited to " + std::to_string(options.max_body_bytes) + " bytes");
    return true;
  }

  void serve(const httplib::Request& req, httplib::Response& res) {
    const bool reads = req.method == "GET" || req.method == "HEAD";
    if (reads && !Api::is_api_path(req.path)) return serve_file(req.path, res);
    if (req.method == "OPTIONS" && !options.cors_origin.empty()) return preflight(req, res);
    const ApiRequest request{req.method, req.target, req.get_header_value("Authorization")};
    const ApiResponse answer = searches.run([&] { return api.handle(request); });
    set_json(res, answer.status, answer.body);
    for (const auto& [name, value] : answer.headers) res.set_header(name, value);
    // Answers depend on the caller's key: no shared cache may keep one.
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    if (!options.cors_origin.empty()) {
      res.set_header("Access-Control-Allow-Origin", options.cors_origin);
      res.set_header("Vary", "Origin");
    }
  }

  void preflight(const httplib::Request&, httplib::Response& res) const {
    res.status = 204;
    res.set_header("Access-Control-Allow-Origin", options.cors_origin);
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD");
    res.set_header("Access-Control-Allow-Headers", "Authorization");
    res.set_header("Access-Control-Max-Age", "600");
    res.set_header("Vary", "Origin");
  }

  void serve_file(const std::string& request_path, httplib::Response& res) const {
    const std::string path = request_path == "/" ? "/index.html" : request_path;
    std::optional<std::string> content;
    if (!options.web_dir.empty()) {
      // Plain file names only: nothing outside the directory can be named.
      static const std::regex plain_name("/[A-Za-z0-9_-]+\\.[A-Za-z0-9]+");
      if (std::regex_match(path, plain_name)) content = read_file(options.web_dir / path.substr(1));
    } else {
      for (const WebFile& file : built_in_web_files()) {
        if (file.path == path) content = std::string(file.content);
      }
    }
    if (!content) return set_error(res, 404, "not_found", "no such page: " + path.substr(0, 200));
    res.set_content(std::move(*content), std::string(content_type_of(path)));
    set_page_headers(res);
  }

  void log(const httplib::Request& req, const httplib::Response& res) {
    // The peer's address from the socket: a client's header (cpp-httplib
    // also files it under REMOTE_ADDR) can say anything.
    std::ostringstream line;
    line << utc_now() << ' ' << (req.remote_addr.empty() ? "-" : req.remote_addr) << ' '
         << (req.method.empty() ? "-" : req.method) << ' ' << (req.target.empty() ? "-" : req.target.substr(0, 300))
         << ' ' << res.status << ' ';
    if (request_start) {
      line << std::fixed << std::setprecision(1)
           << std::chrono::duration<double, std::milli>(Clock::now() - *request_start).count() << "ms\n";
    } else {
      line << "-\n";
    }
    request_start.reset();
    const std::lock_guard lock(log_mutex);
    *options.log << line.str() << std::flush;
  }

  // Sees commits and a rewritten keys file, every `refresh`, until stopped.
  void refresh_loop() {
    std::unique_lock lock(stop_mutex);
    while (!stop_requested) {
      stop_changed.wait_for(lock, options.refresh, [&] { return stop_requested; });
      if (stop_requested) break;
      lock.unlock();
      refresh();
      lock.lock();
    }
  }

  void refresh() {
    try {
      searcher.reopen();
    } catch (const std::exception& error) {  // the next search says so to its caller
      log_note(std::string("cannot reopen the databases: ") + error.what());
    }
    if (options.keys_file.empty()) return;
    const auto time = modified_time(options.keys_file);
    if (time == keys_time) return;
    keys_time = time;
    try {
      auto fresh = std::make_shared<KeyRing>(KeyRing::load(options.keys_file));
      const std::lock_guard guard(keys_mutex);
      keys = std::move(fresh);
    } catch (const std::exception& error) {  // the keys in force stay in force
      log_note(std::string("keys file not reloaded: ") + error.what());
    }
  }

  void log_note(const std::string& message) {
    if (options.log == nullptr) return;
    const std::lock_guard lock(log_mutex);
    *options.log << utc_now() << " vankien serve: " << message << '\n' << std::flush;
  }

  Searcher& searcher;
  ServerOptions options;
  std::mutex keys_mutex;
  std::shared_ptr<const KeyRing> keys;
  std::filesystem::file_time_type keys_time;
  Api api;
  SearchPool searches{options.search_threads > 0 ? options.search_threads
                                                 : std::max(1U, std::thread::hardware_concurrency())};
  httplib::Server http;
  int port = 0;
  std::mutex log_mutex;
  std::mutex stop_mutex;
  std::condition_variable stop_changed;
  bool stop_requested = false;
};

HttpServer::HttpServer(Searcher& searcher, ServerOptions options)
    : impl_(std::make_unique<Impl>(searcher, std::move(options))) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::port() const { return impl_->port; }

void HttpServer::run() {
  std::thread refresher([this] { impl_->refresh_loop(); });
  impl_->http.listen_after_bind();
  stop();
  refresher.join();
}

void HttpServer::stop() {
  {
    const std::lock_guard lock(impl_->stop_mutex);
    impl_->stop_requested = true;
  }
  impl_->stop_changed.notify_all();
  impl_->http.stop();
}

}  // namespace vankien::server
