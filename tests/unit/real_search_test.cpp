// Known-item search over real news (VNTC); skipped when ../shared/data is absent.
#include <doctest/doctest.h>

#include <iostream>
#include <random>

#include "support.hpp"
#include "vankien/indexer.hpp"
#include "vankien/search.hpp"
#include "vankien/text.hpp"
#include "vntc.hpp"

TEST_CASE("real data: an article's title typed without diacritics finds it in the top 3") {
  const auto data = vankien::test::shared_data("VNTC known-item search");
  if (!data) return;
  constexpr std::size_t articles = 2000, samples = 100, title_length = 10;
  const auto corpus = vankien::test::read_vntc(*data / "vntc" / "vntc_test_full.jsonl.gz", articles);
  REQUIRE(corpus.size() == articles);

  vankien::test::TempDir dir;
  vankien::IndexerOptions options;
  options.data_dir = vankien::test::data_dir();
  {
    vankien::Indexer indexer(dir / "db", options);
    for (const auto& article : corpus) {
      vankien::Document document;
      document.id = article.id;
      document.body = article.text;
      indexer.add(std::move(document));
    }
  }
  vankien::SearchOptions search_options;
  search_options.data_dir = vankien::test::data_dir();
  const vankien::Searcher searcher({dir / "db"}, search_options);

  std::mt19937 random(20261127);  // raw output only: the same sample everywhere
  std::size_t found = 0;
  for (std::size_t i = 0; i < samples; ++i) {
    const auto& article = corpus[random() % corpus.size()];
    vankien::SearchRequest request;
    request.query = vankien::fold(vankien::test::title_words(article.text, title_length));
    request.limit = 3;
    for (const auto& hit : searcher.search(request).hits) {
      if (hit.document.id == article.id) {
        ++found;
        break;
      }
    }
  }
  std::cout << "VNTC known-item: " << found << " of " << samples << " titles in the top 3\n";
  CHECK(found >= samples * 95 / 100);
}
