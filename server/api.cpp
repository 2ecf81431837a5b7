#include "api.hpp"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <new>

#include "api_error.hpp"
#include "json_output.hpp"
#include "query_string.hpp"

namespace vankien::server {

namespace {

const std::vector<std::string> all_facets = {"district", "province", "term", "topic", "type", "year"};
constexpr std::string_view documents_prefix = "/documents/";
constexpr DocumentFields api_fields{.body = false, .source = false};  // no paths of the indexing host

// A request's parameters, each allowed once, none unknown: a misspelt filter
// is an error, not a search that silently ignores it.
class ParameterReader {
 public:
  ParameterReader(const Parameters& parameters, std::initializer_list<std::string_view> known)
      : parameters_(parameters) {
    for (std::size_t i = 0; i < parameters.size(); ++i) {
      const std::string& name = parameters[i].first;
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        throw bad_query("unknown parameter '" + name.substr(0, 64) + "'");
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (parameters[j].first == name) throw bad_query("parameter '" + name + "' given twice");
      }
    }
  }

  std::string text(std::string_view name) const {
    for (const auto& [key, value] : parameters_) {
      if (key == name) return value;
    }
    return {};
  }

  bool has(std::string_view name) const {
    return std::any_of(parameters_.begin(), parameters_.end(), [&](const auto& p) { return p.first == name; });
  }

  std::size_t number(std::string_view name, std::size_t fallback, std::size_t most) const {
    if (!has(name)) return fallback;
    const std::string value = text(name);
    std::size_t out = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (value.empty() || error != std::errc() || end != value.data() + value.size()) {
      throw bad_query(std::string(name) + " must be a whole number from 0, not '" + value.substr(0, 32) + "'");
    }
    if (out > most) {
      throw bad_query(std::string(name) + " " + value + " is more than the most allowed, " + std::to_string(most));
    }
    return out;
  }

 private:
  const Parameters& parameters_;
};

Sort sort_of(const std::string& text) {
  if (text.empty() || text == "relevance") return Sort::relevance;
  if (text == "date") return Sort::date_ascending;
  if (text == "-date") return Sort::date_descending;
  throw bad_query("sort must be relevance, date or -date, not '" + text.substr(0, 32) + "'");
}

std::vector<std::string> facets_of(const std::string& text) {
  if (text.empty()) return {};
  if (text == "all") return all_facets;
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string name = text.substr(start, comma - start);
    if (std::find(all_facets.begin(), all_facets.end(), name) == all_facets.end()) {
      throw bad_query("unknown facet '" + name.substr(0, 32) +
                      "' (district, province, term, topic, type, year or all)");
    }
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    start = comma + 1;
  }
  return out;
}

// "Bearer KEY", the scheme in any case (RFC 7235), spaces around the key ignored.
Access clearance_of(const KeyRing& keys, const std::string& authorization) {
  if (authorization.empty()) return Access::public_;
  std::string_view text = authorization;
  const std::size_t space = text.find(' ');
  std::string scheme(text.substr(0, space));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  if (scheme != "bearer" || space == std::string_view::npos) {
    throw ApiError(401, "unauthorized", "the Authorization header must be 'Bearer KEY'");
  }
  text.remove_prefix(space);
  const std::size_t first = text.find_first_not_of(' ');
  text = first == std::string_view::npos ? std::string_view() : text.substr(first, text.find_last_not_of(' ') - first + 1);
  const auto clearance = keys.clearance_of(text);
  if (!clearance) throw ApiError(401, "unauthorized", "unknown key");
  return *clearance;
}

ApiResponse error_response(int status, const std::string& code, const std::string& message) {
  ApiResponse response;
  response.status = status;
  response.body = error_json(code, message);
  if (status == 401) response.headers.emplace_back("WWW-Authenticate", "Bearer");
  if (status == 405) response.headers.emplace_back("Allow", "GET, HEAD");
  return response;
}

nlohmann::json search(const Searcher& searcher, const ParameterReader& in, Access clearance,
                      const ApiLimits& limits) {
  SearchRequest request;
  request.query = in.text("q");
  request.district = in.text("district");
  request.province = in.text("province");
  request.term = in.text("term");
  request.topic = in.text("topic");
  request.type = in.text("type");
  request.issuer = in.text("issuer");
  request.number = in.text("number");
  request.cites = in.text("cites");
  request.year = in.text("year");
  request.date_from = in.text("from");
  request.date_to = in.text("to");
  request.sort = sort_of(in.text("sort"));
  request.offset = in.number("offset", 0, SearchOptions{}.max_results);
  request.limit = in.number("limit", 10, limits.max_limit);
  request.snippet_bytes = in.number("snippet", request.snippet_bytes, limits.max_snippet_bytes);
  request.facets = facets_of(in.text("facets"));
  request.clearance = clearance;

  const Results results = searcher.search(request);
  nlohmann::json body = summary_json(results);
  body["query"] = request.query;
  body["offset"] = request.offset;
  body["limit"] = request.limit;
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& hit : results.hits) hits.push_back(hit_json(hit, api_fields));
  body["hits"] = std::move(hits);
  return body;
}

nlohmann::json suggest(const Searcher& searcher, const ParameterReader& in, Access clearance) {
  // The search /search runs by default: the restored reading weighs how the
  // words are written where they stand together in the best hits' passages,
  // so a search without hits or snippets would suggest less well than the
  // one the user then runs.
  SearchRequest request;
  request.query = in.text("q");
  request.clearance = clearance;
  return {{"query", request.query}, {"suggestion", searcher.search(request).suggestion}};
}

ApiResponse health(const Searcher& searcher) {
  SearchRequest request;
  request.limit = 0;
  request.snippet_bytes = 0;
  const Results results = searcher.search(request);
  ApiResponse response;
  response.body = {{"status", results.partial() ? "degraded" : "ok"}, {"missing_shards", results.missing_shards}};
  return response;
}

}  // namespace

Api::Api(const Searcher& searcher, std::function<std::shared_ptr<const KeyRing>()> keys, ApiLimits limits)
    : searcher_(searcher), keys_(std::move(keys)), limits_(limits) {}

bool Api::is_api_path(const std::string& path) {
  return path == "/search" || path == "/suggest" || path == "/stats" || path == "/health" ||
         path.starts_with(documents_prefix);
}

ApiResponse Api::handle(const ApiRequest& request) const {
  try {
    if (request.method != "GET" && request.method != "HEAD") {
      throw ApiError(405, "method_not_allowed", "the API answers GET only, not " + request.method.substr(0, 16));
    }
    const Target target = parse_target(request.target);
    const Access clearance = clearance_of(*keys_(), request.authorization);
    const std::string& path = target.path;
    ApiResponse response;
    if (path == "/search") {
      const ParameterReader in(target.parameters, {"q", "district", "province", "term", "topic", "type", "issuer",
                                                   "number", "cites", "year", "from", "to", "sort", "offset",
                                                   "limit", "facets", "snippet"});
      response.body = search(searcher_, in, clearance, limits_);
    } else if (path == "/suggest") {
      const ParameterReader in(target.parameters, {"q"});
      if (!in.has("q")) throw bad_query("/suggest needs q, the text typed so far");
      response.body = suggest(searcher_, in, clearance);
    } else if (path == "/stats") {
      const ParameterReader in(target.parameters, {});
      response.body = stats_json(searcher_.stats(clearance));
    } else if (path == "/health") {
      const ParameterReader in(target.parameters, {});
      return health(searcher_);
    } else if (path.starts_with(documents_prefix)) {
      const ParameterReader in(target.parameters, {});
      const std::string id = path.substr(documents_prefix.size());
      // A document above the caller's clearance is as absent as one that
      // does not exist: the answer must not tell them apart.
      const std::optional<Document> document = id.empty() ? std::nullopt : searcher_.get(id, clearance);
      if (!document) throw ApiError(404, "not_found", "no document with id '" + id.substr(0, 200) + "'");
      response.body = document_json(*document, {.body = true, .source = false});
    } else {
      throw ApiError(404, "not_found", "no such endpoint: " + path.substr(0, 200));
    }
    return response;
  } catch (const ApiError& error) {
    return error_response(error.status(), error.code(), error.what());
  } catch (const QueryError& error) {
    return error_response(400, "bad_query", error.what());
  } catch (const Error& error) {  // shards down, a database gone or unreadable
    return error_response(503, "unavailable", error.what());
  } catch (const std::bad_alloc&) {
    return error_response(503, "unavailable", "out of memory");
  } catch (const std::exception& error) {
    return error_response(500, "internal", std::string("internal error: ") + error.what());
  } catch (...) {  // the library lets no other type out: still an answer in the API's form
    return error_response(500, "internal", "internal error: an exception of a type the library does not throw");
  }
}

}  // namespace vankien::server
