// Access control: a document above the caller's clearance never shows, by any
// path: hits, totals, facet counts, snippets, suggestions, get() and stats().
// One document per level; every level of caller against every level of document.
#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "support.hpp"
#include "vankien/indexer.hpp"
#include "vankien/schema.hpp"
#include "vankien/search.hpp"

using vankien::Access;

namespace {

struct Level {
  Access access;
  std::string id;
  std::string word;  // a spelling only this document has
};

const std::vector<Level> levels = {
    {Access::public_, "public", "đồng"},        {Access::internal, "internal", "ruộng"},
    {Access::confidential, "confidential", "thuyền"}, {Access::secret, "secret", "biển"},
    {Access::top_secret, "top_secret", "núi"},
};

std::filesystem::path database() {
  static const vankien::test::TempDir dir;
  static const bool built = [] {
    vankien::Indexer indexer(dir / "db");
    for (const Level& level : levels) {
      vankien::Document document;
      document.id = level.id;
      document.title = "Phương án " + level.word;
      document.body = "Huyện ủy Bạch Thông bàn phương án " + level.word + " và phương án chung.";
      document.district = "Bạch Thông";
      document.province = "Bắc Kạn";
      document.access = level.access;
      indexer.add(document);
    }
    indexer.commit();
    return true;
  }();
  (void)built;
  return dir / "db";
}

}  // namespace

TEST_CASE("every caller sees exactly the documents at or below its clearance, by every path") {
  const vankien::Searcher searcher({database()});
  for (const Level& caller : levels) {
    CAPTURE(caller.id);
    std::size_t allowed = 0;
    for (const Level& level : levels) allowed += level.access <= caller.access;

    vankien::SearchRequest request;
    request.query = "phuong an";
    request.clearance = caller.access;
    request.limit = 100;
    request.facets = {"district", "province"};
    const vankien::Results results = searcher.search(request);
    CHECK(results.hits.size() == allowed);
    CHECK(results.total == allowed);
    CHECK(results.total_upper == allowed);
    REQUIRE(results.facets.at("district").size() == 1);
    CHECK(results.facets.at("district").front().count == allowed);
    CHECK(results.facets.at("province").front().count == allowed);
    for (const vankien::Hit& hit : results.hits) {
      for (const Level& level : levels) {
        if (level.access <= caller.access) continue;
        CHECK(hit.document.id != level.id);
        CHECK(hit.snippet.text.find(level.word) == std::string::npos);
      }
    }

    const vankien::DatabaseStats stats = searcher.stats(caller.access);
    CHECK(stats.documents == allowed);
    CHECK(stats.counts.at("district").front().count == allowed);

    for (const Level& level : levels) {
      CAPTURE(level.id);
      const bool visible = level.access <= caller.access;
      CHECK(searcher.get(level.id, caller.access).has_value() == visible);
      // Its own word, typed without diacritics: neither hits nor a suggestion
      // restoring the hidden spelling.
      vankien::SearchRequest own;
      own.query = vankien::test::folded(level.word).front();
      own.clearance = caller.access;
      const vankien::Results found = searcher.search(own);
      CHECK(found.total == (visible ? 1u : 0u));
      CHECK((found.suggestion.find(level.word) != std::string::npos) == visible);
    }
  }
}

TEST_CASE("a document that lost its access level shows to no caller") {
  // The indexer gives every document a level; one that lost it (a database
  // written by other means) must not slip through the exclusion of the levels
  // above the caller's.
  const vankien::test::TempDir dir;
  {
    vankien::Indexer indexer(dir / "db");
    for (const char* id : {"open-1", "open-2", "unlabelled"}) {
      vankien::Document document;
      document.id = id;
      document.title = "Phương án";
      document.body = "Huyện ủy bàn phương án chung.";
      document.access = std::string(id) == "unlabelled" ? Access::secret : Access::public_;
      indexer.add(document);
    }
    indexer.commit();
  }
  {
    Xapian::WritableDatabase db((dir / "db").string());
    const std::string secret = std::string(vankien::schema::access) + "secret";
    const Xapian::docid id = *db.postlist_begin(secret);
    Xapian::Document document = db.get_document(id);
    document.remove_term(secret);
    db.replace_document(id, document);
    db.commit();
  }
  const vankien::Searcher searcher({dir / "db"});
  vankien::SearchRequest request;
  request.query = "phuong an";
  for (const Access caller : {Access::public_, Access::secret, Access::top_secret}) {
    CAPTURE(static_cast<int>(caller));
    request.clearance = caller;
    const vankien::Results results = searcher.search(request);
    CHECK(results.total == 2);
    for (const vankien::Hit& hit : results.hits) CHECK(hit.document.id != "unlabelled");
  }
}
