// A title typed from memory, without diacritics, finds its document first,
// above documents that use the same common words more often in their bodies.
#include <doctest/doctest.h>

#include <string>

#include "support.hpp"
#include "vankien/indexer.hpp"
#include "vankien/search.hpp"

TEST_CASE("a query whose words are all in a title ranks that document first") {
  vankien::test::TempDir dir;
  {
    vankien::Indexer indexer(dir / "db");
    vankien::Document wanted;
    wanted.id = "wanted";
    wanted.title = "Người dân vui mừng đón năm mới";
    // A long body of other words: BM25's length normalisation weighs against it.
    for (int k = 0; k < 100; ++k) {
      wanted.body += "Không khí tưng bừng khắp các thôn xóm trong những ngày cuối tháng Chạp. ";
    }
    indexer.add(wanted);
    for (int i = 0; i < 20; ++i) {
      vankien::Document other;
      other.id = "other-" + std::to_string(i);
      other.title = "Tin tổng hợp số " + std::to_string(i);
      // Short, with every query word, twice: the best BM25 has to offer.
      other.body = "Người dân vui, năm nay mừng mùa mới. Đón khách, người dân mừng năm mới vui.";
      indexer.add(other);
    }
    indexer.commit();
  }
  const vankien::Searcher searcher({dir / "db"});
  vankien::SearchRequest request;
  request.query = "nguoi dan vui mung don nam moi";
  const vankien::Results results = searcher.search(request);
  REQUIRE(!results.hits.empty());
  CHECK(results.hits.front().document.id == "wanted");
}
