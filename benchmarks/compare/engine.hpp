#pragma once
// The three engines of the side-by-side benchmark behind one interface, so
// that each is driven by the same code with the same corpus and queries.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bench {

/// One engine's index: built from a JSON Lines corpus ({"id", "text"}), then
/// searched for the top 10 with snippets where the engine makes them.
class Engine {
 public:
  virtual ~Engine() = default;
  /// Indexes every line of `corpus` into a new database at `db`, committing
  /// every 1,000 documents. Returns the number of documents indexed.
  virtual std::size_t index(const std::filesystem::path& corpus, const std::filesystem::path& db) = 0;
  /// Opens `db` for searching.
  virtual void open(const std::filesystem::path& db) = 0;
  /// The ids of the best 10 documents for a query as a user types it.
  virtual std::vector<std::string> search(const std::string& query) = 0;
  /// The same with vankien's filters and facets; engines without them search plainly.
  virtual std::vector<std::string> search_filtered(const std::string& query) { return search(query); }
};

/// "vankien", "xapian" (TermGenerator, positions, no folding) or "fts5"
/// (unicode61 remove_diacritics 2, bm25). Throws for another name.
std::unique_ptr<Engine> make_engine(const std::string& name);

std::unique_ptr<Engine> make_vankien_engine();
std::unique_ptr<Engine> make_xapian_engine();
std::unique_ptr<Engine> make_fts5_engine();

/// Calls `each(id, text)` for every line of a JSON Lines corpus.
void read_corpus(const std::filesystem::path& corpus,
                 const std::function<void(const std::string&, const std::string&)>& each);

constexpr std::size_t commit_every = 1000;
constexpr std::size_t snippet_bytes = 240;

}  // namespace bench
