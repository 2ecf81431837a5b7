// vankien as a user runs it: the Indexer on the file (reading and analysis on
// a second thread beside the writer), the Searcher with snippets.
#include <algorithm>
#include <optional>

#include "engine.hpp"
#include "vankien/indexer.hpp"
#include "vankien/search.hpp"

namespace bench {

namespace {

class VankienEngine : public Engine {
 public:
  std::size_t index(const std::filesystem::path& corpus, const std::filesystem::path& db) override {
    vankien::IndexerOptions options;
    options.batch_size = commit_every;
    vankien::Indexer indexer(db, options);
    const vankien::IndexSummary summary = indexer.add_files({corpus});
    return summary.added + summary.updated + summary.unchanged;
  }

  void open(const std::filesystem::path& db) override {
    searcher_.emplace(std::vector<std::filesystem::path>{db});
    // The filter: the database's most common topic, as a portal's topic page
    // would ask. (A district and a term together, the most common of each,
    // matched none of VNTC's news articles, which rarely name a term: every
    // filtered search was empty.)
    topic_ = most_common(searcher_->stats(), "topic");
  }

  std::vector<std::string> search(const std::string& query) override {
    vankien::SearchRequest request;
    request.query = query;
    request.snippet_bytes = snippet_bytes;
    return ids(searcher_->search(request));
  }

  std::vector<std::string> search_filtered(const std::string& query) override {
    vankien::SearchRequest request;
    request.query = query;
    request.snippet_bytes = snippet_bytes;
    request.topic = topic_;
    request.facets = {"district", "province", "term", "topic", "type"};
    return ids(searcher_->search(request));
  }

 private:
  static std::string most_common(const vankien::DatabaseStats& stats, const std::string& facet) {
    const auto found = stats.counts.find(facet);
    if (found == stats.counts.end() || found->second.empty()) return {};
    return std::max_element(found->second.begin(), found->second.end(),
                            [](const auto& a, const auto& b) { return a.count < b.count; })
        ->value;
  }

  static std::vector<std::string> ids(const vankien::Results& results) {
    std::vector<std::string> out;
    for (const vankien::Hit& hit : results.hits) out.push_back(hit.document.id);
    return out;
  }

  std::optional<vankien::Searcher> searcher_;
  std::string topic_;
};

}  // namespace

std::unique_ptr<Engine> make_vankien_engine() { return std::make_unique<VankienEngine>(); }

}  // namespace bench
