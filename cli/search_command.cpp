// `vankien search`: one query for people (or --json for programs), or a batch
// of queries from a file for evaluation (--queries, TREC or JSON output).
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "output.hpp"
#include "vankien/search.hpp"

namespace vankien::cli {

namespace {

struct SearchOptions {
  std::vector<std::string> dbs;
  std::vector<std::string> words;
  SearchRequest request;
  vankien::SearchOptions limits;
  std::string sort = "relevance";
  std::string clearance = "public";
  bool facets = false;
  bool json = false;
  std::string queries_file;
  std::string format = "trec";
  std::string timings_file;
};

std::optional<Sort> parse_sort(const std::string& text) {
  if (text == "relevance") return Sort::relevance;
  if (text == "date") return Sort::date_ascending;
  if (text == "-date") return Sort::date_descending;
  return std::nullopt;
}

int print_results(const Results& results, bool json) {
  for (const std::string& shard : results.missing_shards) {
    std::cerr << "vankien search: warning: shard " << shard << " did not answer: results are partial\n";
  }
  if (json) {
    for (const Hit& hit : results.hits) std::cout << dump(hit_json(hit)) << '\n';
    std::cout << dump(summary_line_json(results)) << '\n';
    return results.total > 0 ? 0 : 1;
  }
  const bool colour = use_colour(STDOUT_FILENO);
  for (const std::string& warning : results.warnings) std::cerr << "vankien search: " << warning << '\n';
  if (!results.suggestion.empty()) std::cout << "Có phải bạn muốn tìm: " << results.suggestion << "\n\n";
  if (results.relaxed) std::cout << "(no document has every word; showing those with most of them)\n\n";
  for (const Hit& hit : results.hits) std::cout << hit_text(hit, colour) << '\n';
  std::cout << results.total << (results.total_lower == results.total_upper ? "" : " (about)")
            << " document(s) found\n";
  if (!results.facets.empty()) std::cout << '\n' << facets_text(results);
  return results.total > 0 ? 0 : 1;
}

// Batch mode: "qid<TAB>query" lines. A query that cannot be run is reported
// and yields no results; the batch goes on.
int run_batch(const Searcher& searcher, const SearchOptions& options) {
  std::ifstream in(options.queries_file);
  if (!in) {
    std::cerr << "vankien search: cannot read " << options.queries_file << '\n';
    return 2;
  }
  std::ofstream timings;
  if (!options.timings_file.empty()) {
    timings.open(options.timings_file);
    if (!timings) {
      std::cerr << "vankien search: cannot write " << options.timings_file << '\n';
      return 2;
    }
  }
  bool any_match = false;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::size_t tab = line.find('\t');
    const std::string qid = tab == std::string::npos ? std::to_string(number) : line.substr(0, tab);
    SearchRequest request = options.request;
    request.query = tab == std::string::npos ? line : line.substr(tab + 1);

    const auto start = std::chrono::steady_clock::now();
    Results results;
    try {
      results = searcher.search(request);
    } catch (const QueryError& error) {
      std::cerr << options.queries_file << ":" << number << ": query " << qid << ": " << error.what() << '\n';
    }
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - start).count();
    if (timings) timings << qid << '\t' << micros << '\n';
    any_match = any_match || !results.hits.empty();

    if (options.format == "trec") {
      for (const Hit& hit : results.hits) {
        std::cout << qid << " Q0 " << hit.document.id << ' ' << hit.rank << ' ' << hit.score
                  << " vankien\n";
      }
    } else {
      nlohmann::json hits = nlohmann::json::array();
      for (const Hit& hit : results.hits) {
        hits.push_back({{"id", hit.document.id}, {"rank", hit.rank}, {"score", hit.score},
                        {"title", hit.document.title}});
      }
      std::cout << dump({{"qid", qid}, {"query", request.query}, {"total", results.total},
                         {"suggestion", results.suggestion}, {"hits", hits}})
                << '\n';
    }
  }
  return any_match ? 0 : 1;
}

int run_search(SearchOptions& options) {
  const auto sort = parse_sort(options.sort);
  if (!sort) {
    std::cerr << "vankien search: --sort must be relevance, date or -date\n";
    return 2;
  }
  if (options.format != "trec" && options.format != "json") {
    std::cerr << "vankien search: --format must be trec or json\n";
    return 2;
  }
  options.request.sort = *sort;
  options.request.clearance = clearance_of(options.clearance);
  if (options.facets) options.request.facets = {"district", "province", "term", "topic", "type", "year"};
  if (options.dbs.empty()) options.dbs.push_back(default_db());

  const Searcher searcher(std::vector<std::filesystem::path>(options.dbs.begin(), options.dbs.end()),
                          options.limits);
  if (!options.queries_file.empty()) return run_batch(searcher, options);

  for (std::size_t i = 0; i < options.words.size(); ++i) {
    options.request.query += (i ? " " : "") + options.words[i];
  }
  try {
    return print_results(searcher.search(options.request), options.json);
  } catch (const QueryError& error) {
    std::cerr << "vankien search: " << error.what() << '\n';
    return 2;
  }
}

}  // namespace

CommandRunner add_search_command(CLI::App& app) {
  auto options = std::make_shared<SearchOptions>();
  SearchRequest& r = options->request;
  CLI::App* command = app.add_subcommand("search", "Search the database");
  add_db_option(*command, options->dbs);
  command->add_option("query", options->words, "The query (see docs/QUERY.md)");
  command->add_option("--district", r.district, "Only this district (\"Bạch Thông\" or \"Bạch Thông, Bắc Kạn\")");
  command->add_option("--province", r.province, "Only this province (former or successor name)");
  command->add_option("--term", r.term, "Only this congress term, e.g. 2015-2020");
  command->add_option("--topic", r.topic, "Only this topic (key or name)");
  command->add_option("--type", r.type, "Only this document type (nghị quyết, NQ, nghi_quyet ...)");
  command->add_option("--issuer", r.issuer, "Only issuers whose name starts so");
  command->add_option("--number", r.number, "Only the document with this number");
  command->add_option("--cites", r.cites, "Only documents that cite this number");
  command->add_option("--year", r.year, "Only this year");
  command->add_option("--from", r.date_from, "From this date (2019-01-31 or 31/1/2019)");
  command->add_option("--to", r.date_to, "Up to this date");
  command->add_option("--sort", options->sort, "relevance, date or -date")->capture_default_str();
  command->add_option("--limit", r.limit, "Hits to show")->capture_default_str()
      ->check(whole_number());
  command->add_option("--offset", r.offset, "Hits to skip")->capture_default_str()
      ->check(whole_number());
  command->add_option("--snippet", r.snippet_bytes, "Snippet length in bytes (0: none)")->capture_default_str()
      ->check(whole_number());
  command->add_flag("--facets", options->facets, "Count hits per district, province, term, topic, type, year");
  add_clearance_option(*command, options->clearance, "public, internal, confidential, secret, top_secret");
  command->add_flag("--json", options->json, "JSON Lines: one object per hit, then a summary object");
  command->add_option("--queries", options->queries_file, "Batch: a file of qid<TAB>query lines");
  command->add_option("--format", options->format, "Batch output: trec or json")->capture_default_str();
  command->add_option("--timings", options->timings_file, "Batch: write qid<TAB>microseconds per query");
  command->add_option("--max-query-bytes", options->limits.max_query_bytes, "Longer queries are refused")
      ->capture_default_str();
  command->add_option("--max-query-terms", options->limits.max_query_terms,
                      "Words a search weighs (past it the least common are kept; a phrase is refused)")
      ->capture_default_str();
  command->add_option("--max-expansions", options->limits.max_expansions,
                      "Synonyms tried per word at most")
      ->capture_default_str();
  command->add_option("--remote-timeout", options->limits.remote_timeout_ms,
                      "Milliseconds a remote shard may take to answer before it is left out")
      ->capture_default_str();
  command->footer(
      "Exit status: 0 when something matched, 1 when nothing did, 2 on error.\n"
      "A query that starts with '-' (a word to exclude) goes after '--', which ends the options.\n"
      "Examples:\n"
      "  vankien search 'phuong thuc lanh dao'\n"
      "  vankien search --district 'Bạch Thông' --term 2015-2020 'nghị quyết'\n"
      "  vankien search --facets --json 'huyện:\"Chợ Mới\" cán bộ'\n"
      "  vankien search -- '-\"Bạch Thông\" lãnh đạo'\n"
      "  vankien search --db a.db --db b.db --queries topics.tsv --format trec > run.txt\n"
      "  vankien search --db tcp://10.0.0.2:33333 --db local.db 'nông thôn mới'");
  return [options] { return run_search(*options); };
}

}  // namespace vankien::cli
