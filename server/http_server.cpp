#include "http_server.hpp"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>
#include <utility>

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
  set_json(res, status, error_json(code, message));
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

// A request's method as received, when a refusal had to change it (below).
thread_local std::optional<std::string> received_method;

// Answers, then ends the connection. cpp-httplib keeps a connection alive
// whatever the response says, and would read what follows the headers (the
// body just refused) as the next request; a content provider that reports
// failure once it has written everything makes it close instead. It writes
// no body to a HEAD request, so such a request is answered as a GET: the
// Request is cpp-httplib's own, not a const object.
void set_error_and_close(const httplib::Request& req, httplib::Response& res, int status, const std::string& code,
                         const std::string& message) {
  if (req.method == "HEAD") {
    received_method = req.method;
    const_cast<httplib::Request&>(req).method = "GET";
  }
  auto text = std::make_shared<const std::string>(dump(error_json(code, message)));
  res.status = status;
  res.set_header("Connection", "close");
  res.set_content_provider(text->size(), json_type,
                           [text](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                             sink.write(text->data() + offset, length);
                             return false;
                           });
}

// Bytes a log line must not hold as they are: control characters (a CR or
// an escape sequence would rewrite what a terminal shows), as %XX.
std::string printable(std::string_view text, std::size_t most) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text.substr(0, most)) {
    if (c < 0x20 || c == 0x7f) {
      out.append({'%', hex[c >> 4], hex[c & 15]});
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out.empty() ? "-" : out;
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


}  // namespace

struct HttpServer::Impl {
  Impl(Searcher& searcher_in, ServerOptions options_in)
      : searcher(searcher_in),
        options(std::move(options_in)),
        keys(std::make_shared<KeyRing>()),
        api(searcher, [this] { return current_keys(); }, options.limits) {
    if (std::error_code error; !options.web_dir.empty() &&
                               !std::filesystem::is_regular_file(options.web_dir / "index.html", error)) {
      throw Error(options.web_dir.string() + ": no index.html there to serve (--web names the page's directory)");
    }
    if (!options.keys_file.empty()) {
      keys_text = read_keys_file(options.keys_file);
      keys = std::make_shared<KeyRing>(KeyRing::parse(*keys_text, options.keys_file));
    }
    configure();
    if (options.port == 0) {
      port = http.bind_to_any_port(options.host);
    } else {
      port = http.bind_to_port(options.host, options.port) ? options.port : -1;
    }
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
    http.set_payload_max_length(0);
    http.set_tcp_nodelay(true);  // a small answer goes out now, not after a delayed ACK

    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      request_start = Clock::now();
      // Byte ranges of a JSON answer or a page make no sense: whole answers only.
      const_cast<httplib::Request&>(req).ranges.clear();
      return refuse_before_reading(req, res) ? httplib::Server::HandlerResponse::Handled
                                             : httplib::Server::HandlerResponse::Unhandled;
    });
    // A client that asks before sending a body is refused before it sends it.
    http.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
      refuse(req, res, 413, "too_large", "the API takes no request body");
      return 413;
    });
    const auto handler = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
    http.Get(".*", handler);  // HEAD too
    http.Options(".*", handler);
    // cpp-httplib's own refusals (headers that never finished, a URI too
    // long): JSON too, and the connection closed, as what follows on it
    // cannot be trusted to start a request, and a client that stalled once
    // must not hold a worker for a keep-alive wait on top.
    http.set_error_handler(httplib::Server::Handler([this](const httplib::Request& req, httplib::Response& res) {
      if (res.body.empty() && !res.content_provider_) {
        refuse(req, res, res.status, error_code_of(res.status),
               "the request was refused (HTTP " + std::to_string(res.status) + ")");
      }
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
      set_error(res, 500, "internal", "internal error");
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
  }

  // A body is refused from its headers, before a byte of it is read: the API
  // takes none, reading 50 MB to refuse it would be the attack, and a body
  // left unread would be read as the next request. So is any method but
  // GET, HEAD and OPTIONS.
  bool refuse_before_reading(const httplib::Request& req, httplib::Response& res) const {
    if (req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS") {
      res.set_header("Allow", "GET, HEAD");
      refuse(req, res, 405, "method_not_allowed", "the API answers GET only, not " + printable(req.method, 16));
      return true;
    }
    const std::string length = req.get_header_value("Content-Length");
    if ((length.empty() || length == "0") && !req.has_header("Transfer-Encoding")) return false;
    refuse(req, res, 413, "too_large", "the API takes no request body");
    return true;
  }

  // A refusal, readable by the pages --cors lets in like any other answer.
  void refuse(const httplib::Request& req, httplib::Response& res, int status, const std::string& code,
              const std::string& message) const {
    set_error_and_close(req, res, status, code, message);
    allow_origin(res);
  }

  void allow_origin(httplib::Response& res) const {
    if (options.cors_origin.empty()) return;
    res.set_header("Access-Control-Allow-Origin", options.cors_origin);
    res.set_header("Vary", "Origin");
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
    allow_origin(res);
  }

  void preflight(const httplib::Request&, httplib::Response& res) const {
    res.status = 204;
    allow_origin(res);
    res.set_header("Access-Control-Allow-Methods", "GET, HEAD");
    res.set_header("Access-Control-Allow-Headers", "Authorization");
    res.set_header("Access-Control-Max-Age", "600");
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
    const std::optional<std::string> method = std::exchange(received_method, std::nullopt);
    if (options.log == nullptr) {
      request_start.reset();
      return;
    }
    // The peer's address from the socket: a client's header (cpp-httplib
    // also files it under REMOTE_ADDR) can say anything. cpp-httplib knows
    // it only once the headers are read: a request refused before has none.
    std::ostringstream line;
    line << utc_now() << ' ' << printable(req.remote_addr, 64) << ' ' << printable(method.value_or(req.method), 16)
         << ' ' << printable(req.target, 300) << ' ' << res.status << ' ';
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
      note(std::string("cannot reopen the databases: ") + error.what());
    } catch (...) {  // the library lets no other type out; this thread must not end the server
      note("cannot reopen the databases: an exception of a type the library does not throw");
    }
    if (options.keys_file.empty()) return;
    // The file is small: read whole and compared, so no rewrite goes unseen.
    std::optional<std::string> text = read_file(options.keys_file);
    if (text == keys_text) return;
    keys_text = std::move(text);
    std::shared_ptr<const KeyRing> fresh;
    try {
      if (!keys_text) throw Error("cannot read keys file " + options.keys_file.string());
      fresh = std::make_shared<KeyRing>(KeyRing::parse(*keys_text, options.keys_file));
      note("keys file reloaded: " + std::to_string(fresh->entries().size()) + " key(s)");
    } catch (const std::exception& error) {
      // A key being revoked may be why the file changed: none is accepted
      // until the file reads again (callers without a key stay public).
      fresh = std::make_shared<KeyRing>();
      note(std::string("keys file unreadable, no key is accepted until it is fixed: ") + error.what());
    }
    const std::lock_guard guard(keys_mutex);
    keys = std::move(fresh);
  }

  // Always on stderr (or the request log): --quiet silences requests, not these.
  void note(const std::string& message) {
    const std::lock_guard lock(log_mutex);
    std::ostream& out = options.log != nullptr ? *options.log : std::cerr;
    out << utc_now() << " vankien serve: " << message << '\n' << std::flush;
  }

  Searcher& searcher;
  ServerOptions options;
  std::mutex keys_mutex;
  std::shared_ptr<const KeyRing> keys;
  std::optional<std::string> keys_text;  ///< the keys file as last read
  Api api;
  SearchPool searches{options.search_threads > 0 ? options.search_threads
                                                 : std::max(1U, std::thread::hardware_concurrency()),
                      std::max<std::size_t>(1, options.connections)};
  httplib::Server http;
  int port = 0;
  std::mutex log_mutex;
  std::mutex stop_mutex;
  std::condition_variable stop_changed;
  bool stop_requested = false;
  bool run_started = false;
  std::atomic<bool> listening_ended{false};
};

HttpServer::HttpServer(Searcher& searcher, ServerOptions options)
    : impl_(std::make_unique<Impl>(searcher, std::move(options))) {}

HttpServer::~HttpServer() { stop(); }

int HttpServer::port() const { return impl_->port; }

void HttpServer::run() {
  {
    const std::lock_guard lock(impl_->stop_mutex);
    if (impl_->stop_requested) return;
    impl_->run_started = true;
  }
  std::thread refresher([this] { impl_->refresh_loop(); });
  impl_->http.listen_after_bind();
  impl_->listening_ended = true;
  stop();
  refresher.join();
}

void HttpServer::stop() {
  bool started = false;
  {
    const std::lock_guard lock(impl_->stop_mutex);
    impl_->stop_requested = true;
    started = impl_->run_started;
  }
  impl_->stop_changed.notify_all();
  // cpp-httplib's stop() does nothing before its accept loop runs: a stop
  // that comes as run() begins waits for the loop (a few milliseconds).
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (started && !impl_->listening_ended && Clock::now() < deadline) {
    if (impl_->http.is_running()) {
      impl_->http.stop();
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace vankien::server
